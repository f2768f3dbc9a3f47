#!/usr/bin/env bash
# bench-compare.sh [communes provinces indicators months]: issue 4's national
# benchmark answered by chitieu's engine and, on the very same generated data,
# by SQLite, PostgreSQL 15 and DuckDB (default sizes 3321 34 75 72: 17.9
# million observations).
#
#   1. builds build/bench_engine (cmake) and bench/compare/export.c (gcc);
#   2. export writes the generated country as CSV into a temporary directory
#      and prints chitieu's own Q1/Q2 checksums (definition in export.c);
#   3. build/bench_engine gives chitieu's times: Q1 and Q2 from the live
#      engine, and the cold build of every aggregate (2 threads);
#   4. each engine loads the CSV files (load time printed, not compared) and
#      runs Q1 and Q2 (bench/compare/q1.sql, q2.sql) REPS times; the median
#      query time is reported, with the engine's checksums checked against
#      chitieu's (relative difference at most 1e-6: MATCH, else MISMATCH);
#   5. one table: engine | load | Q1 | Q2 | Q1 and Q2 as a multiple of chitieu.
#
# Environment:
#   REPS=3                      runs of each query (median taken)
#   ENGINES="sqlite pg duckdb"  which engines to run
#   KEEP=1                      keep the temporary directory (CSV, sqlite.db)
# PostgreSQL runs in a throwaway cluster (tests/pg/with-pg.sh); DuckDB needs
# @duckdb/node-api in bench/compare/node_modules (npm install --prefix
# bench/compare), which is installed from bench/compare/package.json if
# missing; an engine that cannot run is reported as SKIPPED.
# Exit status: 0 when every engine that ran matched chitieu's checksums.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cmp=$root/bench/compare
cd "$root"

if [ $# -ne 0 ] && [ $# -ne 4 ]; then
  echo "usage: $0 [communes provinces indicators months]" >&2
  exit 2
fi
C=${1:-3321} P=${2:-34} I=${3:-75} M=${4:-72}
S=$((M - 1))
REPS=${REPS:-3}
ENGINES=${ENGINES:-sqlite pg duckdb}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/chitieu-cmp.XXXXXX")
chmod 755 "$tmp"
# shellcheck disable=SC2317  # called by the EXIT trap
cleanup() {
  if [ "${KEEP:-0}" = 1 ]; then
    echo "kept $tmp" >&2
  else
    rm -rf "$tmp"
  fi
}
trap cleanup EXIT

say() { echo "== $*" >&2; }

say "building build/bench_engine and the exporter"
cmake -S . -B build >/dev/null
cmake --build build -j2 --target bench_engine >/dev/null
gcc -std=c11 -O2 -Wall -Wextra -D_POSIX_C_SOURCE=200809L -Isrc/engine -Isrc/core \
  "$cmp/export.c" src/engine/engine.c src/core/util.c -o "$tmp/export" -lm -lpthread

say "generating $C communes, $P provinces, $I indicators, $M months into $tmp"
t0=$(date +%s%N)
"$tmp/export" "$tmp" "$C" "$P" "$I" "$M" >"$tmp/export.out"
echo "   export: $((($(date +%s%N) - t0) / 1000000)) ms, $(du -sh "$tmp" | cut -f1) of CSV" >&2
sed 's/^/   chitieu /' "$tmp/export.out" >&2
ref_q1=$(awk '$1 == "q1" && $2 != "parts" {print $2}' "$tmp/export.out")
ref_q2=$(awk '$1 == "q2" {print $2}' "$tmp/export.out")
ref_rows=$(awk '$1 == "q2" {print $3}' "$tmp/export.out")

say "chitieu: build/bench_engine $C $P $I $M"
build/bench_engine "$C" "$P" "$I" "$M" >"$tmp/bench_engine.out"
# The number before the first "ms" on a line that starts with PATTERN.
ms_of() { awk -v pat="$1" 'index($0, pat) { for (i = 2; i <= NF; i++) if ($i == "ms") { print $(i - 1); exit } }' "$tmp/bench_engine.out"; }
ch_q1=$(ms_of 'Q1 snapshot')
ch_q2=$(ms_of 'Q2 series')
ch_build=$(ms_of 'build, 2 threads')
grep -E 'build, 2|Q1 snapshot|Q2 series' "$tmp/bench_engine.out" | sed 's/^ */   /' >&2

# check NAME VALUE REF: MATCH when |VALUE - REF| <= 1e-6 * max(|REF|, 1).
check() {
  awk -v v="$2" -v r="$3" 'BEGIN {
    if (v == "" || v !~ /^-?[0-9.eE+-]+$/) { print "MISMATCH"; exit }
    d = v - r; if (d < 0) d = -d; m = r < 0 ? -r : r; if (m < 1) m = 1
    print (d <= 1e-6 * m) ? "MATCH" : "MISMATCH" }'
}

declare -A load q1 q2 verdict
ran=()
fail=0
run_engine() { # run_engine NAME CMD...: parse load/q1/q2 lines of CMD's output
  local name=$1 out
  shift
  say "$name"
  if ! out=$("$@" 2>"$tmp/$name.err"); then
    echo "   $name failed:" >&2
    sed 's/^/     /' "$tmp/$name.err" | tail -n 20 >&2
    verdict[$name]=FAILED
    fail=1
    ran+=("$name")
    return 0
  fi
  while IFS= read -r line; do echo "   $line"; done <<<"$out" >&2
  load[$name]=$(awk '$1 == "load" {print $2}' <<<"$out")
  q1[$name]=$(awk '$1 == "q1" {print $2}' <<<"$out")
  q2[$name]=$(awk '$1 == "q2" {print $2}' <<<"$out")
  local c1 c2 rows v1 v2
  c1=$(awk '$1 == "q1" {print $3}' <<<"$out")
  c2=$(awk '$1 == "q2" {print $3}' <<<"$out")
  rows=$(awk '$1 == "q2" {print $4}' <<<"$out")
  v1=$(check q1 "$c1" "$ref_q1")
  v2=$(check q2 "$c2" "$ref_q2")
  [ "$rows" = "$ref_rows" ] || v2=MISMATCH
  echo "   checksums: Q1 $c1 vs chitieu $ref_q1: $v1; Q2 $c2 ($rows rows) vs chitieu $ref_q2 ($ref_rows rows): $v2" >&2
  if [ "$v1" = MATCH ] && [ "$v2" = MATCH ]; then
    verdict[$name]=MATCH
  else
    verdict[$name]=MISMATCH
    fail=1
  fi
  ran+=("$name")
}

for engine in $ENGINES; do
  case $engine in
  sqlite)
    if command -v sqlite3 >/dev/null; then
      run_engine sqlite bash "$cmp/sqlite.sh" "$tmp" "$P" "$S" "$REPS"
    else
      verdict[sqlite]=SKIPPED ran+=(sqlite)
      echo "== sqlite: no sqlite3 shell (apt-get install sqlite3); skipped" >&2
    fi
    ;;
  pg)
    run_engine pg bash tests/pg/with-pg.sh bash "$cmp/pg.sh" "$tmp" "$P" "$S" "$REPS"
    ;;
  duckdb)
    if [ ! -d "$cmp/node_modules/@duckdb/node-api" ]; then
      say "installing @duckdb/node-api into bench/compare/node_modules"
      npm install --prefix "$cmp" --no-audit --no-fund >&2 || true
    fi
    if [ -d "$cmp/node_modules/@duckdb/node-api" ] && command -v node >/dev/null; then
      run_engine duckdb node "$cmp/duckdb.mjs" "$tmp" "$P" "$S" "$REPS"
    else
      verdict[duckdb]=SKIPPED ran+=(duckdb)
      echo "== duckdb: @duckdb/node-api could not be installed; skipped" >&2
    fi
    ;;
  *)
    echo "unknown engine $engine (sqlite, pg, duckdb)" >&2
    exit 2
    ;;
  esac
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "-"; else if (a / b < 10) printf "%.1f x", a / b; else printf "%.0f x", a / b }'; }
num() { if [ -n "$1" ]; then printf '%.2f' "$1"; else printf -- '-'; fi; }

echo
echo "Q1 = snapshot month $S: $C x $I commune rows + $((P + 1)) x $I province/country rows;"
echo "Q2 = series: $((P + 1)) x $I x $M rows. Median of $REPS (chitieu: of 7), ms, query time only."
printf '%-28s | %10s | %10s | %10s | %12s | %12s | %s\n' engine "load ms" "Q1 ms" "Q2 ms" "Q1/chitieu" "Q2/chitieu" checksums
printf '%s\n' "-----------------------------+------------+------------+------------+--------------+--------------+----------"
printf '%-28s | %10s | %10s | %10s | %12s | %12s | %s\n' "chitieu (live engine)" - "$(num "$ch_q1")" "$(num "$ch_q2")" "1 x" "1 x" reference
cb_q1=$(awk -v a="$ch_build" -v b="$ch_q1" 'BEGIN{print a + b}')
cb_q2=$(awk -v a="$ch_build" -v b="$ch_q2" 'BEGIN{print a + b}')
printf '%-28s | %10s | %10s | %10s | %12s | %12s | %s\n' "chitieu (cold build+query)" "$(num "$ch_build")" "$(num "$cb_q1")" "$(num "$cb_q2")" \
  "$(ratio "$cb_q1" "$ch_q1")" "$(ratio "$cb_q2" "$ch_q2")" reference
for name in "${ran[@]}"; do
  label=$name
  case $name in
  sqlite) label="SQLite $(sqlite3 --version | cut -d' ' -f1)" ;;
  pg) label="PostgreSQL $(psql --version | awk '{print $3}')" ;;
  duckdb) label="DuckDB (node-api $(node -p "require('$cmp/node_modules/@duckdb/node-api/package.json').version" 2>/dev/null || echo '?'))" ;;
  esac
  printf '%-28s | %10s | %10s | %10s | %12s | %12s | %s\n' "$label" "$(num "${load[$name]:-}")" "$(num "${q1[$name]:-}")" \
    "$(num "${q2[$name]:-}")" "$(ratio "${q1[$name]:-}" "$ch_q1")" "$(ratio "${q2[$name]:-}" "$ch_q2")" "${verdict[$name]}"
done
echo "(load = CSV into the engine with primary keys and statistics; chitieu's 'load' column is its cold"
echo " build of every aggregate from figures already in memory, 2 threads. SQL times include the"
echo " checksum over the result, computed inside the query, and the client round trip.)"
exit "$fail"
