#!/usr/bin/env bash
# bench-bulk.sh [BIN [ROWS]]: the bulk paths of issue 13 on the store in
# $CHITIEU_PG_URL (run under tests/pg/with-pg.sh) or else a SQLite file:
#   - import --list of 100 plans (a province of 100 communes on the four
#     real plans) in one transaction: time, and on PostgreSQL the SQL
#     statements the server ran per plan (log_statement = all, counted in
#     the server's log);
#   - link propose, then link confirm --all-sure, for that province (100
#     communes);
#   - record --csv of ROWS figures (default 300,000): time and peak memory;
#   - the same file again by another account: what it says, the history
#     rows it wrote.
# Prints figures; asserts nothing. BENCH_ORIG=PATH runs the same on another
# binary first (a before/after).
set -euo pipefail
bin=$(realpath "${1:-build/chitieu}")
rows=${2:-300000}
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
line() { printf '  %-60s %14s\n' "$1" "$2"; }
# timed CMD...: CMD with its CPU time (user + system, in s: the machine may
# be shared, its wall time is not the program's) into $tmp/cpu, peak
# memory (KB) into $tmp/rss.
timed() { /usr/bin/time -f '%U %S %M' -o "$tmp/time" "$@"; local rc=$?; awk '{print $1 + $2 > "'"$tmp"'/cpu"; print $3 > "'"$tmp"'/rss"}' "$tmp/time"; return $rc; }
cpu() { line "  of it CPU (user + system)" "$(cat "$tmp/cpu") s"; }
. "$root/scripts/bench-lib.sh"
communes=100

# The server's log, where a PostgreSQL cluster of tests/pg/with-pg.sh
# keeps it (DIR/data is the data directory, DIR/log the log).
pg_log() { echo "$(dirname "$(psql -tAq "$CHITIEU_PG_URL" -c 'SHOW data_directory')")/log"; }

one() {
	local b=$1 label=$2 backend q
	if [ -n "${CHITIEU_PG_URL:-}" ]; then
		export CHITIEU_DB=$CHITIEU_PG_URL
		backend=PostgreSQL
		psql -q "$CHITIEU_DB" -c 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;' > /dev/null 2>&1
		q() { psql -tAq "$CHITIEU_DB" -c "$1"; }
	else
		rm -f "$tmp"/bulk.db*
		export CHITIEU_DB=$tmp/bulk.db
		backend=SQLite
		q() { sqlite3 "$CHITIEU_DB" "$1"; }
	fi
	echo "== bulk paths on $backend: $label ($b)"
	bench_units "$tmp/units.csv" $communes 1 nocountry
	bench_plan_list "$tmp/plans.csv" $communes 1 0 nocountry
	"$b" unit import "$tmp/units.csv" > /dev/null
	local log='' before=0 t0 t1
	if [ "$backend" = PostgreSQL ] && log=$(pg_log) && [ -r "$log" ]; then
		before=$(wc -l < "$log")
		export PGOPTIONS="-c log_statement=all"
	fi
	t0=$(bench_ms)
	timed "$b" import --list "$tmp/plans.csv" > /dev/null
	t1=$(bench_ms)
	unset PGOPTIONS
	line "import --list of $((communes + 1)) plans (one transaction)" "$((t1 - t0)) ms"
	cpu
	if [ -n "$log" ]; then
		local n
		n=$(tail -n +"$((before + 1))" "$log" | grep -cE 'LOG: +(statement|execute)') || true
		line "  SQL statements run by the server" "$n"
		line "  SQL statements per plan" "$((n / (communes + 1)))"
	fi
	t0=$(bench_ms)
	timed "$b" link propose --unit P01 > /dev/null
	t1=$(bench_ms)
	line "link propose for P01 ($communes communes): $(q 'select count(*) from links') links" "$((t1 - t0)) ms"
	cpu
	t0=$(bench_ms)
	timed "$b" link confirm --unit P01 --all-sure > "$tmp/confirm"
	t1=$(bench_ms)
	line "link confirm --all-sure for P01: $(grep -o '[0-9]* đề xuất' "$tmp/confirm" | cut -d' ' -f1) links" "$((t1 - t0)) ms"
	cpu

	# ROWS figures: quarters and months of the value indicators of plan 004.
	local codes
	codes=$("$b" parse "${bench_plans[3]}" | jq -r '.plan.indicators[] | select([.targets[]?.kind] | index("yes") or index("level") | not) | .code')
	awk -v rows="$rows" -v codes="$(echo $codes)" -v n=$communes 'BEGIN {
		nc = split(codes, c, " "); print "unit,indicator,period,value"
		k = 0
		for (y = 2024; k < rows; y++) for (m = 1; m <= 12 && k < rows; m++)
			for (i = 3; i <= n && k < rows; i += 4) for (j = 1; j <= nc && k < rows; j++) {
				printf "C%05d,%s,%d-%02d,%d\n", i, c[j], y, m, (i * 7 + m + j) % 100; k++
			}
	}' > "$tmp/obs.csv"
	t0=$(bench_ms)
	timed "$b" record --csv "$tmp/obs.csv" > /dev/null
	t1=$(bench_ms)
	line "record --csv of $rows figures" "$((t1 - t0)) ms"
	cpu
	line "  figures/s" "$((rows * 1000 / (t1 - t0 + 1)))"
	line "  peak memory (RSS)" "$(($(cat "$tmp/rss") / 1024)) MB"
	# The same file again, by another account.
	t0=$(bench_ms)
	timed "$b" record --csv "$tmp/obs.csv" --by other > "$tmp/again" 2>&1 || true
	t1=$(bench_ms)
	line "the same file by another account" "$((t1 - t0)) ms"
	cpu
	line "  history rows written" "$(q 'select count(*) from observation_history')"
	line "  peak memory (RSS)" "$(($(cat "$tmp/rss") / 1024)) MB"
	line "  said: $(grep -o '[0-9]* số liệu không đổi' "$tmp/again" || echo 'nothing about unchanged')" ""
}

if [ -n "${BENCH_ORIG:-}" ]; then one "$(realpath "$BENCH_ORIG")" before; fi
one "$bin" "this build"
# What these paths cost before issue 13's bulk work (main at 301cac6) and
# after, measured on the 2-core machine of the session (shared: CPU times
# are the program's, wall times were 2-10 times longer under load).
cat << 'EOF'
-- before (301cac6) -> after, measured 2026-11-30 (BENCH_ORIG=BIN to measure again)
  statements to import plan 004 (73 indicators), PostgreSQL        1,228 -> 40
  statements to import plan 002 (9 indicators), PostgreSQL            116 -> 40
  statements, import --list of 8 plans, PostgreSQL                  6,355 -> 189
  import --list of 101 plans, PostgreSQL: statements              67,160 -> 2,094
  import --list of 101 plans, PostgreSQL: time                      8.8 s -> 4.7 s
  link confirm --all-sure, 1,150 links, PostgreSQL              12.4 s (5.64 s CPU) -> 5.4 s (0.32 s CPU)
  record --csv 100,000 rows, peak RSS, PostgreSQL                   79 MB -> 30 MB
  link propose, 6 communes (327 links), PostgreSQL statements       1,325 -> 377
  link confirm --all-sure, 100 communes, 1,950 links, SQLite    64.2 s (10.3 s CPU) -> 3.3 s (0.45 s CPU)
  record --csv 200,000 rows of 16 communes, peak RSS, SQLite        87 MB -> 47 MB
  record --csv 300,000 rows of 25 communes, peak RSS, SQLite        84 MB -> 53 MB
  record --csv 954,000 rows of 1,000 communes, peak RSS, SQLite    135 MB -> 67 MB
  the same file again from another account: history rows written  300,000 -> 0 ("không đổi")
EOF
exit 0
