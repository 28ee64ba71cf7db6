#!/usr/bin/env bash
# Runs the whole test suite: the one command the README gives and CI runs.
# It installs and starts what the tests need, then ends with the line "N passed, N failed".
#
# What the tests need besides the .NET SDK (Debian 12 packages, installed when missing):
#   postgresql      a throwaway server for the PostgreSQL tests (SHINCHOKU_TEST_POSTGRES)
#   chromium        the browser tests (SHINCHOKU_TEST_CHROMIUM)
#   fonts-noto-cjk  Japanese text in the browser's screenshots and PDFs
#   poppler-utils   pdftotext, to check the exported PDF holds the Japanese text
#   python3-openpyxl  the peer of the export benchmark (bench/peer)
#   npm             the build installs the pinned design tokens package (src/Shinchoku.Web/package.json)
# Whatever cannot be installed or started is reported; the tests that need it then skip with a reason.
# A caller that sets SHINCHOKU_TEST_POSTGRES or SHINCHOKU_TEST_CHROMIUM itself keeps its own.
set -uo pipefail
cd "$(dirname "$0")"

say() { echo "test.sh: $*"; }
missing=()   # what the tests will go without, for the summary before the counts

# --- 1. Debian packages ------------------------------------------------------------------------
as_root=()
can_root=yes
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
  elif command -v sudo >/dev/null 2>&1 && [ -t 0 ]; then
    as_root=(sudo)
  else
    can_root=no
  fi
fi

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
# npm also comes with other packagings of Node.js (NodeSource's nodejs): any npm on the PATH will do.
present() { if [ "$1" = npm ]; then command -v npm >/dev/null 2>&1; else installed "$1"; fi; }

wanted=(postgresql chromium fonts-noto-cjk poppler-utils python3-openpyxl npm)
to_install=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "${wanted[@]}"; do
    present "$pkg" || to_install+=("$pkg")
  done
else
  say "no dpkg here (not Debian): not installing ${wanted[*]}; using whatever is already on the machine"
fi

if [ "${#to_install[@]}" -gt 0 ]; then
  if [ "$can_root" = no ]; then
    say "cannot install ${to_install[*]}: this needs root or sudo"
  elif ! command -v apt-get >/dev/null 2>&1; then
    say "cannot install ${to_install[*]}: no apt-get"
  else
    say "installing ${to_install[*]} ..."
    apt_env=(env DEBIAN_FRONTEND=noninteractive)
    apt_log=$(mktemp)
    if ! "${as_root[@]}" "${apt_env[@]}" apt-get update -qq >"$apt_log" 2>&1 \
      || ! "${as_root[@]}" "${apt_env[@]}" apt-get install -y -qq --no-install-recommends "${to_install[@]}" >>"$apt_log" 2>&1; then
      say "apt-get failed (no network or no package source?); last lines of its output:"
      tail -n 5 "$apt_log" | sed 's/^/    /'
    fi
    rm -f "$apt_log"
  fi
  for pkg in "${to_install[@]}"; do
    if ! present "$pkg"; then
      say "still missing: $pkg"
      [ "$pkg" = fonts-noto-cjk ] && missing+=("fonts-noto-cjk (the browser tests' screenshots show Japanese as boxes)")
      [ "$pkg" = npm ] && missing+=("npm (the build uses the design tokens kept in the repository; DesignTokensTests skips)")
    fi
  done
fi

# --- 2. A throwaway PostgreSQL server ------------------------------------------------------------
pg_dir=""
pg_bin=""
as_pg=()
pg_started=no

cleanup() {
  if [ "$pg_started" = yes ]; then
    as_pg_user "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate -w stop >/dev/null 2>&1
  fi
  if [ -n "$pg_dir" ]; then
    rm -rf "$pg_dir"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Runs a PostgreSQL program as the user that owns the server, from a directory that user may enter.
as_pg_user() { (cd "$pg_dir" && "${as_pg[@]}" "$@"); }

start_postgres() {
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ] || [ ! -x "$pg_bin/pg_ctl" ]; then
    say "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb)"
    return 1
  fi
  # /tmp, not $TMPDIR: the postgres user must reach it, and a unix socket path must stay short.
  pg_dir=$(mktemp -d /tmp/shinchoku-pg.XXXXXX) || return 1
  if [ "$(id -u)" -eq 0 ]; then
    # PostgreSQL refuses to run as root.
    if ! id postgres >/dev/null 2>&1; then
      say "running as root and there is no 'postgres' user to run PostgreSQL as"
      return 1
    fi
    chown postgres: "$pg_dir"
    as_pg=(runuser -u postgres --)
  fi
  chmod 700 "$pg_dir"
  local locale
  for locale in C.UTF-8 C; do
    rm -rf "$pg_dir/data"
    as_pg_user "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust --encoding=UTF8 --locale="$locale" \
      >"$pg_dir/initdb.log" 2>&1 && break
  done
  if [ ! -f "$pg_dir/data/PG_VERSION" ]; then
    say "initdb failed; last lines of its output:"
    tail -n 5 "$pg_dir/initdb.log" | sed 's/^/    /'
    return 1
  fi
  local port tries=0
  for port in $(seq 55432 55531); do
    port_free "$port" || continue
    if as_pg_user "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 30 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null 2>&1; then
      pg_started=yes
      export SHINCHOKU_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
      say "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') started on 127.0.0.1:$port ($pg_dir)"
      return 0
    fi
    # Someone took the port in between, or the server cannot start at all: a few tries, then give up.
    tries=$((tries + 1))
    [ "$tries" -ge 5 ] && break
  done
  say "PostgreSQL did not start; last lines of its log:"
  tail -n 5 "$pg_dir/server.log" 2>/dev/null | sed 's/^/    /'
  return 1
}

if [ -n "${SHINCHOKU_TEST_POSTGRES:-}" ]; then
  say "using the PostgreSQL server given in SHINCHOKU_TEST_POSTGRES"
elif ! start_postgres; then
  unset SHINCHOKU_TEST_POSTGRES
  missing+=("PostgreSQL (the PostgreSQL tests are skipped)")
fi

# --- 3. The browser ------------------------------------------------------------------------------
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1   # Playwright uses Debian's chromium, never a download of its own
if [ -n "${SHINCHOKU_TEST_CHROMIUM:-}" ]; then
  say "using the browser given in SHINCHOKU_TEST_CHROMIUM: $SHINCHOKU_TEST_CHROMIUM"
elif [ -x /usr/bin/chromium ]; then
  export SHINCHOKU_TEST_CHROMIUM=/usr/bin/chromium
else
  say "chromium is not installed (no /usr/bin/chromium)"
  missing+=("Chromium (the browser tests are skipped)")
fi

# --- 4. The tests --------------------------------------------------------------------------------
results="$PWD/TestResults"
rm -rf "$results"
# Each test host would watch its configuration files; hundreds of hosts exhaust the inotify instances
# a user may have (128 by default), and the hosts never reload configuration anyway.
export DOTNET_hostBuilder__reloadConfigOnChange=false DOTNET_USE_POLLING_FILE_WATCHER=1

dotnet test Shinchoku.slnx -c Release --logger "trx" --results-directory "$results" "$@"
status=$?

passed=0
failed=0
shopt -s nullglob
for trx in "$results"/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The build or the runner failed before any test could report: count that as a failure.
  failed=1
fi

# Why tests were skipped (their reasons, from the trx files), so that a skip is never silent.
skipped=0
skip_reasons=""
for trx in "$results"/*.trx; do
  n=$(grep -c 'outcome="NotExecuted"' "$trx")
  skipped=$((skipped + n))
  [ "$n" -gt 0 ] || continue
  skip_reasons+=$(awk '
    /outcome="NotExecuted"/ { skip = 1 }
    skip && /<Message>/ { line = $0; sub(/.*<Message>/, "", line); sub(/<\/Message>.*/, "", line); print line; skip = 0 }
    /<\/UnitTestResult>/ { skip = 0 }
  ' "$trx")$'\n'
done
if [ "$skipped" -gt 0 ]; then
  say "$skipped test(s) skipped:"
  grep -v '^$' <<<"$skip_reasons" \
    | sed -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&quot;/"/g' -e "s/&apos;/'/g" -e 's/&amp;/\&/g' \
    | sort | uniq -c | sort -rn | sed 's/^ *\([0-9]*\) /    \1 × /'
fi

for m in "${missing[@]}"; do
  say "not available: $m"
done
echo "$passed passed, $failed failed"
exit "$status"
