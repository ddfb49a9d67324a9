#!/usr/bin/env bash
# Runs the whole test suite (unit tests, real influxd, real Chromium) and ends with one line:
# "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1

log=$(mktemp)
dotnet test PeakMonitor.sln -c Release --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# One summary line per test assembly, e.g. "Passed!  - Failed: 0, Passed: 64, Skipped: 0, Total: 64".
read -r passed failed skipped assemblies < <(awk '
  /(Passed|Failed)! +- +Failed:/ {
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:")  { f += $(i+1) + 0 }
      if ($i == "Passed:")  { p += $(i+1) + 0 }
      if ($i == "Skipped:") { s += $(i+1) + 0 }
    }
    n++
  }
  END { printf "%d %d %d %d\n", p, f, s, n }' "$log")
rm -f "$log"

expected=$(ls -d tests/*.Tests | wc -l)
if [ "$status" -eq 0 ] && [ "$assemblies" -ne "$expected" ]; then
  echo "test.sh: expected results from $expected test assemblies, got $assemblies" >&2
  status=1
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1  # the build or a test host failed before reporting
fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
