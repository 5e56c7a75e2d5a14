#!/usr/bin/env bash
# The main job: builds AeSweep and starts the dashboard in the embedded mode (web + REST API + Orleans silo + local
# worker + SQLite in one process) with a demo sweep (dense autoencoders against β-VAEs on Fashion-MNIST,
# examples/fashion-demo.yaml); open the address it prints. Results stay in ./aesweep-data (or $AESWEEP_DATA).
# `--headless` runs the demo sweep in the terminal instead.
# Idempotent: installs Debian's dataset-fashion-mnist when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
require_dotnet
ensure_apt_packages dataset-fashion-mnist
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/AeSweep.Cli -c Release -v q -nologo
exe=src/AeSweep.Cli/bin/Release/net10.0/linux-x64/aesweep
data="${AESWEEP_DATA:-aesweep-data}"
"$exe" validate examples/fashion-demo.yaml
if [ "${1:-}" = "--headless" ]; then
  shift
  exec "$exe" run examples/fashion-demo.yaml --data "$data" "$@"
fi
echo "Starting the AeSweep dashboard; open the address below (Ctrl+C stops it)."
exec "$exe" serve --data "$data" --demo examples/fashion-demo.yaml --examples examples "$@"
