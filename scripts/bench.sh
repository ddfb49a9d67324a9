#!/usr/bin/env bash
# Write and query benchmark against a fresh local influxd (not part of the test suite).
# Options: --points N (1000000) --runs N (3) --batch N (5000) --parallelism N (4) --influx URL
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec dotnet run -c Release --project tests/PeakMonitor.Benchmarks -- "$@"
