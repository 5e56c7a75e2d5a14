#!/usr/bin/env bash
# The end-to-end benchmark in one command (run from anywhere; see docs/benchmarks/end-to-end.md):
#   scripts/bench-e2e.sh [--repeats N] [--seed S] [--slots N] [--sweep FILE]
# Runs the sweep of examples/bench-e2e.yaml (dense AEs on Fashion-MNIST, auto + ASHA; the Optuna side runs its default TPE + ASHA) twice per repeat: with
# `aesweep run --json --slots N` and with scripts/bench/optuna_ae_sweep.py (Optuna 3.1 + PyTorch 1.13, the same space,
# trials, epochs, data split and parallelism), then prints both side by side: best val_mse, wall time to it, total wall
# time, trials completed/pruned, and AeSweep's time to reach Optuna's best over Optuna's time to its best
# (target ≤ 0.5). Repeat i uses seed S+i on both sides; the two sides alternate which runs first.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

REPEATS=1 SEED="" SLOTS=2 SWEEP=examples/bench-e2e.yaml
while [ $# -gt 0 ]; do
  case "$1" in
    --repeats) REPEATS="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --slots) SLOTS="$2"; shift 2 ;;
    --sweep) SWEEP="$2"; shift 2 ;;
    -h|--help) sed -n 2,8p "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

# OpenBLAS: Debian's python3-torch otherwise runs on the reference BLAS, ~8× slower (docs/benchmarks/training.md).
ensure_apt_packages python3-optuna python3-torch dataset-fashion-mnist libopenblas0-pthread
require_dotnet
echo "==> building the Release CLI" >&2
dotnet build src/AeSweep.Cli -c Release -v q -nologo >&2
AESWEEP=src/AeSweep.Cli/bin/Release/net10.0/linux-x64/aesweep
"$AESWEEP" validate "$SWEEP" >&2

CORES=$(nproc)
MAX_PARALLEL=$(/usr/bin/python3 -c 'import sys, yaml; print(yaml.safe_load(open(sys.argv[1]))["budget"].get("max_parallel", 1))' "$SWEEP")
JOBS=$(( SLOTS < MAX_PARALLEL ? SLOTS : MAX_PARALLEL ))
THREADS=$(( CORES / SLOTS > 0 ? CORES / SLOTS : 1 ))  # what an AeSweep worker gives each slot (WorkerOptions)
[ -n "$SEED" ] || SEED=$(/usr/bin/python3 -c 'import sys, yaml; print(yaml.safe_load(open(sys.argv[1])).get("seed", 0))' "$SWEEP")
OUT=$(mktemp -d /tmp/aesweep-bench-e2e.XXXXXX)
RESULTS="$OUT/results.jsonl"
now() { date +%s.%N; }

run_aesweep() {  # $1 sweep file, $2 data dir
  mkdir -p "$2"
  echo "==> AeSweep: aesweep run $(basename "$1") --json --data $2 --slots $SLOTS   (load: $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  local t0; t0=$(now)
  "$AESWEEP" run "$1" --json --data "$2" --slots "$SLOTS" > "$2/run.json" 2> "$2/progress.txt"
  local t1; t1=$(now)
  echo "$t0 $t1" > "$2/times"
  tail -n 1 "$2/progress.txt" >&2
}

run_optuna() {  # $1 sweep file, $2 work dir
  mkdir -p "$2"
  echo "==> Optuna: optuna_ae_sweep.py --sweep $(basename "$1") --jobs $JOBS --threads $THREADS   (load: $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  local t0; t0=$(now)
  /usr/bin/python3 -W ignore scripts/bench/optuna_ae_sweep.py --sweep "$1" --jobs "$JOBS" --threads "$THREADS" \
    --workdir "$2" --t0 "$t0" > "$2/run.json"
}

echo "machine: $CORES cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); AeSweep --slots $SLOTS, Optuna $JOBS processes × $THREADS thread(s); results in $OUT" >&2
for (( i = 0; i < REPEATS; i++ )); do
  seed=$(( SEED + i ))
  sweep="$OUT/sweep-$seed.yaml"
  sed -E "s/^seed:.*/seed: $seed/" "$SWEEP" > "$sweep"
  grep -q "^seed: $seed$" "$sweep" || { echo "could not set the seed in $sweep" >&2; exit 1; }
  if (( i % 2 == 0 )); then
    run_aesweep "$sweep" "$OUT/aesweep-$seed"; run_optuna "$sweep" "$OUT/optuna-$seed"
  else
    run_optuna "$sweep" "$OUT/optuna-$seed"; run_aesweep "$sweep" "$OUT/aesweep-$seed"
  fi
  read -r t0 t1 < "$OUT/aesweep-$seed/times"
  echo
  /usr/bin/python3 scripts/bench/e2e_report.py pair --aesweep-json "$OUT/aesweep-$seed/run.json" \
    --aesweep-db "$OUT/aesweep-$seed/aesweep.db" --aesweep-t0 "$t0" --aesweep-end "$t1" \
    --optuna-json "$OUT/optuna-$seed/run.json" --append "$RESULTS"
  echo
done
if (( REPEATS > 1 )); then
  /usr/bin/python3 scripts/bench/e2e_report.py summary "$RESULTS"
fi
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); everything is in $OUT"
