#!/usr/bin/env bash
# Builds and runs PeakMonitor with its seed data: a local influxd is started (and stopped) by the
# app itself, with its data in ./data/influxdb; ingestion folders and run history in ./data/ingestion
# (drop files into ./data/ingestion/inbox); users, API tokens and the audit log in ./data/accounts.db.
# Open http://127.0.0.1:5080 (PORT=... to change) and sign in.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

export Influx__Managed__DataDirectory="${Influx__Managed__DataDirectory:-$PWD/data/influxdb}"
export Ingestion__DataDirectory="${Ingestion__DataDirectory:-$PWD/data/ingestion}"
export Accounts__DatabasePath="${Accounts__DatabasePath:-$PWD/data/accounts.db}"
export Accounts__KeysDirectory="${Accounts__KeysDirectory:-$PWD/data/keys}"
export Kpi__ProvincialTargetsFile="${Kpi__ProvincialTargetsFile:-$PWD/seed-data/targets/provincial-targets.csv}"
port="${PORT:-5080}"

dotnet build PeakMonitor.sln -c Release -nologo -v quiet -clp:ErrorsOnly

shopt -s nullglob
seed=(seed-data/*.csv)
if [ ${#seed[@]} -gt 0 ]; then
  # First start: import the seed data and materialise the KPIs. Later starts skip files whose content
  # was imported before (run history); re-importing would change nothing anyway (same series and
  # period overwrite with the same value).
  # A fresh store (no influxd data yet) always gets the seed data, whatever the run history says.
  # national-cn-vintages.csv holds earlier vintages (first-published figures) beside their revisions:
  # every row carries its published date, and so does the revised row of national-cn.csv, so the
  # order of the files does not matter — an older vintage never replaces a newer one as the latest.
  # Rows without a date count as published today (the import's date).
  skip=(--skip-imported)
  [ -d "$Influx__Managed__DataDirectory/data" ] || skip=()
  dotnet run -c Release --no-build --project src/PeakMonitor.Cli -- ingest "${skip[@]}" "${seed[@]}"
fi

# Sign-in is required and there are no default passwords: the first start creates the user "admin"
# and prints its one-time password (to be changed at first sign-in); later starts leave accounts alone.
# More users: dotnet run --project src/PeakMonitor.Cli -- users add NAME --role viewer|analyst|admin
dotnet run -c Release --no-build --project src/PeakMonitor.Cli -- users add admin --role admin --if-no-admin

echo "PeakMonitor: http://127.0.0.1:${port}/"
exec dotnet run -c Release --no-build --no-launch-profile --project src/PeakMonitor.Web -- --urls "http://127.0.0.1:${port}"
