#!/usr/bin/env bash
# The main job: builds AeSweep and runs the quick demo sweep on Fashion-MNIST in the embedded mode
# (Orleans silo, local worker and SQLite in one process); results stay in ./aesweep-data for later looks.
# Idempotent: installs Debian's dataset-fashion-mnist when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
require_dotnet
ensure_apt_packages dataset-fashion-mnist
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/AeSweep.Cli -c Release -v q -nologo
exe=src/AeSweep.Cli/bin/Release/net10.0/linux-x64/aesweep
"$exe" validate examples/fashion-dense-quick.yaml
"$exe" run examples/fashion-dense-quick.yaml --data "${AESWEEP_DATA:-aesweep-data}" "$@"
