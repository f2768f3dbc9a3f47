#!/usr/bin/env bash
# bench.sh [BUILD_DIR]: `make bench`. Runs every benchmark in turn, each
# bounded in time, and goes on when one fails; every figure printed beside
# its goal gets a verdict (met, MISSED, NOT MEASURED: scripts/bench-goals.awk).
# Ends with a summary: each benchmark's time and status, then every figure
# that has a goal, with its verdict. Exits non-zero only when a benchmark
# could not measure (it exited non-zero or ran out of time), never because
# a goal was missed.
#
# The default scale finishes in about half an hour on a loaded 2-core
# machine. Environment:
#   BENCH_FULL=1          the issues' full scale: the national scenario
#                         and the first build of the country's hold with
#                         3,321 communes, the engine against SQL on 17.9 M
#                         figures (3321 34 75 72); hours, not minutes
#   NATIONAL_COMMUNES=N   communes of the national scenario and the hold
#                         (default 340, 10 a province; BENCH_FULL: 3321)
#   COMPARE_SIZE="C P I M" the engine against SQL (scripts/bench-compare.sh;
#                         default "3321 34 75 12": 3.0 M figures)
#   BULK_ROWS=N           figures of scripts/bench-bulk.sh's record --csv
#                         (default 100000; BENCH_FULL: 300000)
#   BENCH_STEP_TIMEOUT=S  the most one benchmark may take (default 1800 s;
#                         BENCH_FULL: 10800 s)
#   SECS=S                each wrk run (default 10)
# DuckDB joins the comparison when @duckdb/node-api is installed in
# bench/compare/node_modules (npm install --prefix bench/compare); it is not
# installed from here.
set -uo pipefail
build=${1:-build}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root" || exit 1
case $build in /*) ;; *) build=./$build ;; esac
bin=$build/chitieu
if [ "${BENCH_FULL:-0}" = 1 ]; then
	export NATIONAL_COMMUNES=${NATIONAL_COMMUNES:-3321}
	compare_size=${COMPARE_SIZE:-3321 34 75 72}
	bulk_rows=${BULK_ROWS:-300000}
	memory_months=${NATIONAL_MONTHS:-96}
	limit=${BENCH_STEP_TIMEOUT:-10800}
else
	export NATIONAL_COMMUNES=${NATIONAL_COMMUNES:-340}
	compare_size=${COMPARE_SIZE:-3321 34 75 12}
	bulk_rows=${BULK_ROWS:-100000}
	memory_months=${NATIONAL_MONTHS:-24}
	limit=${BENCH_STEP_TIMEOUT:-1800}
fi
engines="sqlite pg"
[ -d bench/compare/node_modules/@duckdb/node-api ] && command -v node > /dev/null && engines="$engines duckdb"
export ENGINES=${ENGINES:-$engines}

out=$(mktemp -d)
pid=
# shellcheck disable=SC2317  # called by the traps
stop() {
	[ -n "$pid" ] && kill -TERM -- -"$pid" 2> /dev/null
	rm -rf "$out"
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

names=() secs=() codes=()
start=$(date +%s)
# run NAME CMD...: CMD in its own process group (timeout), at most $limit
# seconds; its output with verdicts to the terminal and to $out/N.
run() {
	local name=$1 n=${#names[@]} t0 rc
	shift
	echo
	echo "=== $name: $* ($(date -u +%H:%M:%S) UTC, load $(cut -d' ' -f1 /proc/loadavg))"
	t0=$(date +%s)
	# The file is there before tail follows it (the step opens it later).
	: > "$out/raw$n"
	timeout -k 30 "$limit" "$@" < /dev/null >> "$out/raw$n" 2>&1 &
	pid=$!
	tail -n +1 -s 0.2 --pid="$pid" -f "$out/raw$n" | awk -f scripts/bench-goals.awk | tee "$out/$n"
	wait "$pid"
	rc=$?
	pid=
	names+=("$name") secs+=($(($(date +%s) - t0))) codes+=("$rc")
	[ "$rc" -eq 124 ] && echo "bench: $name stopped after $limit s (BENCH_STEP_TIMEOUT)"
}

echo "bench: $bin; national scenario and hold with $NATIONAL_COMMUNES communes (the issues' scale: 3321,"
echo "  BENCH_FULL=1); bulk paths with $bulk_rows figures; the engine against $ENGINES on $compare_size"
run "parse (text, PDF)" "$build/bench_parse" tests/data/plans
run "align" "$build/bench_align" tests/data/plans
run "upload" "$build/bench_upload"
run "ocr (6-page scan)" bash scripts/bench-ocr.sh "$bin"
run "engine (synthetic country)" "$build/bench_engine"
run "store (SQLite)" bash scripts/bench-store.sh "$bin"
run "store (PostgreSQL)" bash tests/pg/with-pg.sh bash scripts/bench-store.sh "$bin"
run "storage (SQLite)" bash scripts/bench-storage.sh "$bin"
run "storage (PostgreSQL)" bash tests/pg/with-pg.sh bash scripts/bench-storage.sh "$bin"
run "bulk (SQLite)" bash scripts/bench-bulk.sh "$bin" "$bulk_rows"
run "bulk (PostgreSQL)" bash tests/pg/with-pg.sh bash scripts/bench-bulk.sh "$bin" "$bulk_rows"
# shellcheck disable=SC2086  # four numbers
run "engine against SQL" bash scripts/bench-compare.sh $compare_size
run "http" bash scripts/bench-http.sh "$bin"
run "report" bash scripts/bench-report.sh "$bin"
run "national (SQLite)" bash scripts/bench-national.sh "$bin"
run "national (PostgreSQL)" bash tests/pg/with-pg.sh bash scripts/bench-national.sh "$bin"
run "hold (SQLite)" bash scripts/bench-hold.sh "$bin"
run "hold (PostgreSQL)" bash tests/pg/with-pg.sh bash scripts/bench-hold.sh "$bin"
# Monthly figures (24 months; BENCH_FULL=1: 96, the issue's eight years).
run "memory (SQLite, monthly)" env NATIONAL_MONTHS="$memory_months" bash scripts/bench-memory.sh "$bin"
run "province page (SQLite, 180 communes x 75 indicators)" bash scripts/bench-province-page.sh "$bin"

total=$(($(date +%s) - start))
failed=0
echo
echo "=== summary: ${#names[@]} benchmarks in $((total / 60)) min $((total % 60)) s"
for i in "${!names[@]}"; do
	case ${codes[$i]} in
	0) status=ok ;;
	124 | 137) status="COULD NOT MEASURE (stopped after $limit s)" failed=1 ;;
	*) status="COULD NOT MEASURE (exit ${codes[$i]})" failed=1 ;;
	esac
	printf '  %-32s %6d s   %s\n' "${names[$i]}" "${secs[$i]}" "$status"
done
echo
echo "=== figures beside their goals"
# A figure's line indented under another (a p99 under its req/s) is named
# after that one; a section line ("-- the same with 20 writes/s") is kept.
for i in "${!names[@]}"; do
	awk -v step="${names[$i]}" '
		/^-- / { section = $0; next }
		/[[:space:]]goal[[:space:]]/ {
			match($0, /^ */); indent = RLENGTH; line = $0; sub(/^ +/, "", line); gsub(/    +/, "   ", line)
			if (indent <= 2) { parent = line; sub(/  +.*$/, "", parent) }
			if (line ~ /goal -[[:space:]]*$/) next
			if (section != "") { print "  [" step "] " section; section = "" }
			print "  [" step "] " (indent > 2 && parent != "" ? parent ": " : "") line
		}' "$out/$i"
done
cat "$out"/[0-9]* | awk '/[[:space:]]goal[[:space:]]/ {
	if (/ met$/) m++; else if (/ MISSED$/) x++; else if (/ NOT MEASURED$/) n++ }
	END { printf "=== %d met, %d MISSED, %d NOT MEASURED\n", m, x, n }'
exit $failed
