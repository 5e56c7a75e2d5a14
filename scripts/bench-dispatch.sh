#!/usr/bin/env bash
# The dispatch benchmark in one command (issue 5, benchmark a), from the repository root:
#   scripts/bench-dispatch.sh                                   # SQLite embedded coordinator, 1, 2, 4, 8 no-op workers
#   scripts/bench-dispatch.sh --modes sqlite,postgres           # also the PostgreSQL cluster mode (needs scripts/start-test-postgres.sh)
#   scripts/bench-dispatch.sh --workers 4 --trials 3000 --keep  # any options of the program (--help)
# Builds the CLI and tests/AeSweep.Benchmarks.Dispatch in Release, runs a sweep of no-op trials through real
# `aesweep` coordinator and worker processes on loopback per worker count, and prints a markdown table of throughput
# and dispatch latency (p50/p99) computed from the trials' stored timestamps; docs/benchmarks/dispatch.md records a run.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release --nologo -v quiet tests/AeSweep.Benchmarks.Dispatch >&2
exec tests/AeSweep.Benchmarks.Dispatch/bin/Release/net10.0/AeSweep.Benchmarks.Dispatch "$@"
