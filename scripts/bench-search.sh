#!/usr/bin/env bash
# The search benchmark in one command (issue 3): sampler quality against Optuna's TPE on the four
# reference functions, TPE ask latency against Optuna's, and pruning savings on generated learning
# curves. Prints one report; docs/benchmarks/search.md records a run.
#   scripts/bench-search.sh                      # the full run (20 seeds, 100 trials), several minutes
#   scripts/bench-search.sh --seeds 5 --only quality --functions branin   # any options of the program (--help)
set -euo pipefail
cd "$(dirname "$0")/.."

reference=../shared/reference/optuna_functions.py
if [ ! -f "$reference" ]; then
  echo "bench-search: $reference not found (the repository's parent must hold shared/)" >&2
  exit 1
fi

# Optuna is Debian's python3-optuna, for /usr/bin/python3 (the python3 first on PATH may be another interpreter).
if ! /usr/bin/python3 -c "import optuna, cmaes" 2>/dev/null; then
  echo "bench-search: installing python3-optuna and python3-cmaes" >&2
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq python3-optuna python3-cmaes >/dev/null
fi

dotnet build -c Release --nologo -v quiet tests/AeSweep.Benchmarks.Search
exec dotnet run -c Release --no-build --project tests/AeSweep.Benchmarks.Search -- --optuna-script "$reference" "$@"
