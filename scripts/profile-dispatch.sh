#!/usr/bin/env bash
# Where a no-op trial's time goes, from the inside (docs/benchmarks/dispatch.md, "Where the time goes"):
#   scripts/profile-dispatch.sh [OUT_DIR]
# Starts the embedded coordinator (`aesweep run --slots 0`, SQLite) on a 6,000-trial no-op sweep and one
# `aesweep worker --runner noop`, samples both with dotnet-trace for 8 s once they are busy, and prints the top
# application frames of each (inclusive thread time). Needs the built CLI (dotnet build src/AeSweep.Cli -c Release);
# installs dotnet-trace into OUT_DIR/tools when it is not on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
AESWEEP=${AESWEEP:-src/AeSweep.Cli/bin/Release/net10.0/linux-x64/aesweep}
OUT=${1:-$(mktemp -d -t aesweep-profile-XXXXXX)}
mkdir -p "$OUT/data"
TRACE=$(command -v dotnet-trace || true)
if [ -z "$TRACE" ]; then
  dotnet tool install dotnet-trace --tool-path "$OUT/tools" >/dev/null
  TRACE="$OUT/tools/dotnet-trace"
fi
cat > "$OUT/sweep.yaml" <<'YAML'
name: dispatch-profile
program: [/bin/true]
method: random
metric: {name: loss, goal: minimize}
parameters:
  x: {min: -5.0, max: 5.0}
budget: {max_trials: 6000, max_parallel: 2}
seed: 1
YAML
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$AESWEEP" run "$OUT/sweep.yaml" --slots 0 --gateway-port "$PORT" --data "$OUT/data" --json > "$OUT/coordinator.log" 2>&1 &
COORDINATOR=$!
sleep 6
"$AESWEEP" worker --gateway "127.0.0.1:$PORT" --slots 1 --threads 1 --runner noop > "$OUT/worker.log" 2>&1 &
WORKER=$!
trap 'kill $WORKER $COORDINATOR 2>/dev/null || true' EXIT
sleep 8
"$TRACE" collect -p "$COORDINATOR" --profile dotnet-sampled-thread-time --duration 00:00:00:08 -o "$OUT/coordinator.nettrace" > /dev/null &
TRACE_COORDINATOR=$!
"$TRACE" collect -p "$WORKER" --profile dotnet-sampled-thread-time --duration 00:00:00:08 -o "$OUT/worker.nettrace" > /dev/null &
TRACE_WORKER=$!
wait "$TRACE_COORDINATOR" "$TRACE_WORKER"
for part in coordinator worker; do
  echo "== $part: top application frames (inclusive thread time)"
  "$TRACE" report "$OUT/$part.nettrace" topN -n 400 --inclusive \
    | grep -E "AeSweep|SweepCoordinatorGrain|TrialDispatcherGrain|EfSweepStore|TrialWorker|SaveChanges|sqlite3_|Logger\.Log" | head -40
done
echo "traces and logs in $OUT"
