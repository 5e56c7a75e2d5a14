#!/usr/bin/env bash
# Runs every test of the solution. Idempotent: installs what the tests need (Debian packages, a throwaway
# PostgreSQL on 127.0.0.1:55432), builds, tests, and ends with one 'N passed, N failed' line.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
require_dotnet

ensure_apt_packages dataset-fashion-mnist python3 chromium fonts-dejavu-core
if [ -f scripts/start-test-postgres.sh ]; then
  ensure_apt_packages postgresql
  AESWEEP_TEST_POSTGRES="$(bash scripts/start-test-postgres.sh)"
  export AESWEEP_TEST_POSTGRES
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build AeSweep.sln -c Release -v q -nologo
results=$(mktemp -d)
set +e
# One test assembly at a time: several of them train models, and libtorch collapses when processes oversubscribe the cores.
dotnet test AeSweep.sln -c Release --no-build -m:1 -v q -nologo --logger "trx" --results-directory "$results" "$@"
status=$?
set -e
# Name each failed test with the first lines of its message, so a CI log says what broke without the TRX files
# (before the closing line, which stays last).
python3 - "$results" <<'PY' || true
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
for path in sorted(glob.glob(sys.argv[1] + "/*.trx")):
    for result in ET.parse(path).getroot().iterfind(".//t:UnitTestResult", ns):
        if result.get("outcome") != "Failed":
            continue
        message = result.findtext(".//t:ErrorInfo/t:Message", default="", namespaces=ns).strip()
        stack = result.findtext(".//t:ErrorInfo/t:StackTrace", default="", namespaces=ns).strip()
        print(f"FAILED {result.get('testName')} ({result.get('duration')})")
        for line in (message.splitlines()[:40] + stack.splitlines()[:8]):
            print("    " + line[:400])
PY
# One closing line over all test assemblies, from the TRX result files.
cat "$results"/*.trx 2>/dev/null | grep -o '<Counters [^>]*>' | awk '
  { for (i = 1; i <= NF; i++) { split($i, kv, "="); gsub(/[^0-9]/, "", kv[2]);
      if (kv[1] == "passed") p += kv[2]; if (kv[1] == "failed" || kv[1] == "error") f += kv[2]; if (kv[1] == "notExecuted") s += kv[2] } }
  END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }'
rm -rf "$results"
exit $status
