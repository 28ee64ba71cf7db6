#!/usr/bin/env bash
# Time of an entry save and of a KPI page rendered for signed-in staff, on the web bench's data set (bench/README.md).
# Copies the data set of bench/web/run.sh (DB, made if missing), adds an editor, a viewer, an open cycle FY2026 and a
# 未着手 report of KPI 5000 (entry_bench.py prepare), starts the app (Release) on 127.0.0.1 and times N saves and N pages.
# Usage: bench/web/entry.sh [N, default 30]   (env: DB, PORT, KPI)
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-30}
db=${DB:-/tmp/shinchoku-bench-web.db}
port=${PORT:-5099}
kpi=${KPI:-5000}
base="http://127.0.0.1:$port"

dotnet build -c Release bench/web/Shinchoku.Web.Bench -v quiet -nologo >/dev/null
if [ ! -f "$db" ]; then
  bench/web/Shinchoku.Web.Bench/bin/Release/net10.0/Shinchoku.Web.Bench "$db" 10000 10
fi
work=$(mktemp -d)
cp "$db" "$work/bench.db"
cycle=$(python3 bench/web/entry_bench.py prepare "$work/bench.db" "$kpi" | sed -n 's/^cycle //p')

log="$work/app.log"
ASPNETCORE_ENVIRONMENT=Production DemoData__Skip=true Database__Provider=Sqlite Reminders__Enabled=false \
ConnectionStrings__Shinchoku="Data Source=$work/bench.db" Logging__LogLevel__Default=Warning \
  dotnet src/Shinchoku.Web/bin/Release/net10.0/Shinchoku.Web.dll --contentRoot "$PWD/src/Shinchoku.Web" --urls "$base" >"$log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; wait $app 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 600); do
  curl -sf "$base/healthz" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -sf "$base/healthz" >/dev/null || { echo "the app did not start:"; cat "$log"; exit 1; }
echo "$(nproc) cores; KPI $kpi; $(date -u +%FT%TZ); load average $(cut -d' ' -f1-3 /proc/loadavg)"
CYCLE=$cycle python3 bench/web/entry_bench.py run "$base" "$kpi" "$n"
