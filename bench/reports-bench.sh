#!/usr/bin/env bash
# 資料4 export and import benchmarks, and the openpyxl peer (bench/README.md, "Reports").
# Usage: bench/reports-bench.sh [rows, default 10000]
# Needs Debian's python3-openpyxl for the peer (apt-get install python3-openpyxl).
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-10000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build -c Release bench/Shinchoku.Reports.Bench -v quiet -nologo >/dev/null
bench=bench/Shinchoku.Reports.Bench/bin/Release/net10.0/Shinchoku.Reports.Bench

ours=$("$bench" export --rows "$rows" --repeat 5 --out "$work/ours.xlsx")
echo "$ours"
"$bench" dump --rows "$rows" --out "$work/rows.json"
peer=$(/usr/bin/python3 bench/peer/export_openpyxl.py "$work/rows.json" "$work/peer.xlsx" 3)
echo "$peer"
ours_ms=$(sed -n 's/.*median_ms=\([0-9]*\).*/\1/p' <<<"$ours")
peer_ms=$(sed -n 's/.*median_ms=\([0-9]*\).*/\1/p' <<<"$peer")
awk -v o="$ours_ms" -v p="$peer_ms" 'BEGIN { printf "ratio openpyxl/shinchoku = %.1fx (goal: export under 2000 ms and at least 10x)\n", p / (o > 0 ? o : 1) }'

"$bench" import --rows 1000 --repeat 5
echo "memory as rows grow (separate processes, peak working set):"
for n in 1000 10000 50000; do
  "$bench" export --rows "$n" --repeat 2 --out "$work/m.xlsx" | sed 's/^/  /'
done

# The app's import of new KPIs into a database (issue 13, §6): the command line against a fresh SQLite file with
# the demo data, as an officer runs it. Wall time and peak resident memory of the process (start-up included).
dotnet build -c Release src/Shinchoku.Web -v quiet -nologo >/dev/null
app() {
  ASPNETCORE_ENVIRONMENT=Production Database__Provider=Sqlite ConnectionStrings__Shinchoku="Data Source=$work/import.db" \
    dotnet src/Shinchoku.Web/bin/Release/net10.0/Shinchoku.Web.dll "$@"
}
for n in ${IMPORT_ROWS:-1000 5000 20000}; do
  rm -f "$work"/import.db*
  "$bench" write --rows "$n" --out "$work/new-$n.xlsx"
  app import "$work/new-$n.xlsx" --check >/dev/null 2>&1 || true   # creates the database and the demo data
  /usr/bin/time -f "  check  rows=$n wall_s=%e max_rss_mb=%M" app import "$work/new-$n.xlsx" --check >/dev/null 2>"$work/check.err" || true
  grep -a 'check  rows' "$work/check.err" | awk '{ $NF = "max_rss_mb=" int(substr($NF, 12) / 1024); print }'
  /usr/bin/time -f "  import rows=$n wall_s=%e max_rss_mb=%M" app import "$work/new-$n.xlsx" --plan chiba-dx-1.1 >"$work/import.out" 2>"$work/import.err" || { cat "$work/import.err"; }
  grep -a 'import rows' "$work/import.err" | awk '{ $NF = "max_rss_mb=" int(substr($NF, 12) / 1024); print }'
  tail -1 "$work/import.out" | sed 's/^/  /'
done
