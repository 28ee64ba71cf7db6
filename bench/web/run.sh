#!/usr/bin/env bash
# Speed of the public pages and the open data API against the static file (bench/README.md, "Web").
# Generates 10,000 KPIs × 10 fiscal years into a fresh SQLite file (unless it exists), starts the app (Release)
# on 127.0.0.1 against it, and runs wrk on each URL in turn: requests/s as a ratio to the static file, and p99.
# Usage: bench/web/run.sh [seconds per URL, default 10]   (env: DB, PORT, THREADS, CONNECTIONS, KPIS)
# Needs wrk (apt-get install wrk). All traffic stays on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-10}
db=${DB:-/tmp/shinchoku-bench-web.db}
port=${PORT:-5099}
threads=${THREADS:-2}
connections=${CONNECTIONS:-32}
base="http://127.0.0.1:$port"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }

dotnet build -c Release bench/web/Shinchoku.Web.Bench -v quiet -nologo >/dev/null
if [ ! -f "$db" ]; then
  bench/web/Shinchoku.Web.Bench/bin/Release/net10.0/Shinchoku.Web.Bench "$db" "${KPIS:-10000}" 10
fi

log=$(mktemp)
# The rate limit is lifted for the run: the benchmark is one client sending as fast as it can.
ASPNETCORE_ENVIRONMENT=Production DemoData__Skip=true Database__Provider=Sqlite \
ConnectionStrings__Shinchoku="Data Source=$db" Logging__LogLevel__Default=Warning \
OpenData__RateLimit__PermitPerMinute=1000000000 \
  dotnet src/Shinchoku.Web/bin/Release/net10.0/Shinchoku.Web.dll --contentRoot "$PWD/src/Shinchoku.Web" --urls "$base" >"$log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; wait $app 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 120); do
  curl -sf "$base/healthz" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -sf "$base/healthz" >/dev/null || { echo "the app did not start:"; cat "$log"; exit 1; }

indicator=$(curl -sf "$base/api/v1/indicators?pageSize=1&page=5000" | sed -n 's/.*"items":\[{[^}]*"id":\([0-9]*\).*/\1/p')
# The slowest last: requests a timed-out wrk leaves behind keep the server busy for a while.
declare -a names=("static file" "API indicators" "KPI page" "area page")
declare -a urls=("$base/css/site.css" "$base/api/v1/indicators" "$base/indicators/${indicator:-5000}" "$base/strategy/bench/nodes/area-1")
echo "wrk -t$threads -c$connections -d${seconds}s, $(nproc) cores; KPI $indicator; $(date -u +%FT%TZ); load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-16s %12s %8s %10s %10s %10s  %s\n' "target" "requests/s" "ratio" "p50" "p99" "first" "url"
static_rps=""
for i in "${!urls[@]}"; do
  url=${urls[$i]}
  # The first request builds what is kept until the data changes (the snapshot, a plan's progress, the page).
  read -r code first < <(curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "$url")
  [ "$code" = 200 ] || { echo "${names[$i]}: $url answers $code"; continue; }
  for _ in 1 2 3 4 5; do curl -s -o /dev/null "$url"; done   # warm up (first request builds caches, JIT)
  out=$(wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 10s --latency "$url")
  rps=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")
  p50=$(awk '$1 == "50%" { print $2 }' <<<"$out")
  p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
  errors=$(awk '/Non-2xx|Socket errors/ { printf "%s ", $0 }' <<<"$out")
  [ -n "$static_rps" ] || static_rps=$rps
  ratio=$(awk -v r="$rps" -v s="$static_rps" 'BEGIN { printf "%.0f%%", 100 * r / s }')
  printf '%-16s %12s %8s %10s %10s %9ss  %s %s\n' "${names[$i]}" "$rps" "$ratio" "$p50" "$p99" "$first" "${url#"$base"}" "$errors"
  sleep 2
done
echo "goals: pages and API >= 50% of the static file's requests/s, p99 < 20ms"
