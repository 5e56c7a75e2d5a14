#!/usr/bin/env bash
# The main job: builds AeSweep and starts the dashboard in the embedded mode (web + REST API + Orleans silo + local
# worker + SQLite in one process) with a demo sweep of dense autoencoders on Fashion-MNIST; open the address it
# prints. Results stay in ./aesweep-data (or $AESWEEP_DATA). `--headless` runs the demo sweep in the terminal instead.
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
"$exe" validate examples/fashion-dense-quick.yaml
if [ "${1:-}" = "--headless" ]; then
  shift
  exec "$exe" run examples/fashion-dense-quick.yaml --data "$data" "$@"
fi
echo "Starting the AeSweep dashboard; open the address below (Ctrl+C stops it)."
exec "$exe" serve --data "$data" --demo examples/fashion-dense-quick.yaml --examples examples "$@"
