#!/usr/bin/env bash
# The dashboard at 10,000 trials (issue 15, item 3): the real web host with SQLite, one finished sweep stored through
# the store, then the sweep page's GET, the analysis query, leaderboard pages, chart series and importance, timed.
# Prints a Markdown table (docs/benchmarks/dashboard.md records one). Takes about 1–3 minutes on 2 cores.
#   scripts/bench-dashboard.sh [--trials 10000] [--repeats 7] [--out FILE]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build tests/AeSweep.Benchmarks.Dashboard -c Release -v q -nologo >&2
exec dotnet tests/AeSweep.Benchmarks.Dashboard/bin/Release/net10.0/AeSweep.Benchmarks.Dashboard.dll "$@"
