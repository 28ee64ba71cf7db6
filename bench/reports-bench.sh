#!/usr/bin/env bash
# 資料4 export and import benchmarks, and the openpyxl peer (bench/README.md, "Reports").
# Usage: bench/reports-bench.sh [rows, default 10000]   (ONLY=import: the app's import into a database alone;
#        IMPORT_ROWS="1000 5000 20000": its sizes)
# Needs Debian's python3-openpyxl for the peer (apt-get install python3-openpyxl).
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-10000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build -c Release bench/Shinchoku.Reports.Bench -v quiet -nologo >/dev/null
bench=bench/Shinchoku.Reports.Bench/bin/Release/net10.0/Shinchoku.Reports.Bench

if [ "${ONLY:-}" != import ]; then
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
fi

# The app's import of new KPIs into a database (issue 13, §6): the command line against a fresh SQLite file with
# the demo data, as an officer runs it. Wall time and peak resident memory of the process (start-up included).
dotnet build -c Release src/Shinchoku.Web -v quiet -nologo >/dev/null
db="Data Source=$work/import.db"
app=(env ASPNETCORE_ENVIRONMENT=Production Database__Provider=Sqlite "ConnectionStrings__Shinchoku=$db"
  dotnet src/Shinchoku.Web/bin/Release/net10.0/Shinchoku.Web.dll)
echo "import of new KPIs into SQLite through the command line; $(nproc) cores; $(date -u +%FT%TZ); load average $(cut -d' ' -f1-3 /proc/loadavg)"
for n in ${IMPORT_ROWS:-1000 5000 20000}; do
  rm -f "$work"/import.db*
  "$bench" write --rows "$n" --out "$work/new-$n.xlsx"
  "${app[@]}" import "$work/new-$n.xlsx" --check >/dev/null 2>&1 || true   # creates the database and the demo data
  for step in check import; do
    if [ "$step" = check ]; then flags=(--check --plan chiba-dx-1.1); else flags=(--plan chiba-dx-1.1); fi
    /usr/bin/time -o "$work/time" -f "%e %U %S %M" "${app[@]}" import "$work/new-$n.xlsx" "${flags[@]}" >"$work/out" 2>"$work/err" || { tail -3 "$work/err"; }
    read -r wall user sys rss <"$work/time"
    # CPU seconds (user + system) say what a quiet machine would take better than wall time on a shared one.
    echo "  $step rows=$n wall_s=$wall cpu_s=$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }') max_rss_mb=$((rss / 1024)) | $(tail -1 "$work/out")"
  done
done
