#!/usr/bin/env bash
# The main job: builds AeSweep and starts the dashboard in the embedded mode (web + REST API + Orleans silo + local
# worker + SQLite in one process) with the demo: two sweeps side by side, dense autoencoders and β-VAEs on
# Fashion-MNIST (examples/fashion-demo-{dense,vae}.yaml, about 5 minutes together on two cores); open the address it
# prints (it carries the dashboard's access token). Results stay in ./aesweep-data (or $AESWEEP_DATA).
# `--headless` runs the demo sweep in the terminal instead.
# Idempotent: installs Debian's dataset-fashion-mnist when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
require_dotnet
ensure_apt_packages dataset-fashion-mnist
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "Building AeSweep (Release; about 2 minutes the first time, seconds after that)..." >&2
build_started=$SECONDS
# The terminal logger shows which project is compiling, so a first build is not two silent minutes.
dotnet build src/AeSweep.Cli -c Release -v q -nologo -tl:auto
echo "Built in $((SECONDS - build_started)) s." >&2
exe=src/AeSweep.Cli/bin/Release/net10.0/linux-x64/aesweep
data="${AESWEEP_DATA:-aesweep-data}"
demos=(examples/fashion-demo-dense.yaml examples/fashion-demo-vae.yaml)
for demo in "${demos[@]}"; do "$exe" validate "$demo"; done
if [ "${1:-}" = "--headless" ]; then
  shift
  # One data folder takes one process at a time, so the terminal runs the two sweeps one after the other.
  for demo in "${demos[@]}"; do "$exe" run "$demo" --data "$data" "$@"; done
  exit 0
fi
echo "Starting the AeSweep dashboard (Ctrl+C stops it)."
# Without AESWEEP_ADMIN_PASSWORD the dashboard opens only through the address serve prints, which carries the
# loopback token (kept in $data/dashboard-token). Training logs soon scroll it away, so it is repeated in a box.
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
"$exe" serve --data "$data" --demo "${demos[0]}" --demo "${demos[1]}" --examples examples "$@" 2> >(tee "$log" >&2) &
pid=$!
trap 'kill -TERM "$pid" 2>/dev/null; wait "$pid"; exit 130' INT TERM
(
  for _ in $(seq 600); do
    if url="$(grep -o -m1 'http[^ ]*?token=[^ ]*' "$log" 2>/dev/null)"; then
      printf '\n==================================================================\n'
      printf '  Open the AeSweep dashboard:\n\n    %s\n' "$url"
      printf '==================================================================\n\n'
      exit 0
    fi
    kill -0 "$pid" 2>/dev/null || exit 0
    sleep 1
  done
) &
wait "$pid"
