#!/usr/bin/env bash
# bench-store.sh: recording figures as a user does it: 100,000 observations
# in one `chitieu record --csv` (durability on: SQLite WAL with synchronous
# FULL; PostgreSQL with fsync on; one transaction), the latency of one
# `chitieu record`, and the time to import the four real plans. Runs on
# SQLite, then on PostgreSQL when $CHITIEU_PG_URL is set (make bench starts a
# private cluster). Prints figures; asserts nothing.
set -euo pipefail
bin=${1:-build/chitieu}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ -n "${CHITIEU_PG_URL:-}" ]; then
	export CHITIEU_DB=$CHITIEU_PG_URL
	psql -q "$CHITIEU_DB" -c 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;' > /dev/null 2>&1
	backend=PostgreSQL
else
	export CHITIEU_DB="$tmp/bench.db"
	backend=SQLite
fi
echo "== $backend"
now() { date +%s.%N; }
plan=tests/data/plans/004_5f0b3916b5e2f87f.txt

# The four real plans go to communes of province Q; P's 44 communes all
# have plan 004, so that P's series adds them up by indicator code.
"$bin" unit add --code P --name "Tỉnh thử" --kind province > /dev/null
"$bin" unit add --code Q --name "Tỉnh thử 2" --kind province > /dev/null
t0=$(now)
for f in tests/data/plans/*.txt; do
	b=$(basename "$f" .txt)
	"$bin" unit add --code "U$b" --name "Đơn vị $b" --kind commune --parent Q > /dev/null
	"$bin" import "$f" --unit "U$b" > /dev/null
done
t1=$(now)
printf 'import of the four real plans (4 processes):  %6.1f ms\n' "$(echo "($t1 - $t0) * 1000" | bc -l)"

# 44 communes x the 38 percentage indicators of plan 004 x 60 months: 100,320 rows.
codes=$("$bin" parse "$plan" | awk -F'"' '/"code":/ {c=$4} /"unit": "%"/ {print c}')
{
	echo "code,name,kind,parent,population"
	for i in $(seq -w 1 44); do echo "C$i,Xã $i,commune,P,5000"; done
} > "$tmp/units.csv"
awk -F, -v plan="$(realpath "$plan")" 'NR == 1 { print "unit,file" } NR > 1 { print $1 "," plan }' \
	"$tmp/units.csv" > "$tmp/plans.csv"
"$bin" unit import "$tmp/units.csv" > /dev/null
"$bin" import --list "$tmp/plans.csv" > /dev/null
{
	echo "unit,indicator,period,value,num,den,level,yes,note,evidence"
	for i in $(seq -w 1 44); do
		for c in $codes; do
			for y in 2025 2026 2027 2028 2029; do
				for m in 01 02 03 04 05 06 07 08 09 10 11 12; do
					echo "C$i,$c,$y-$m,$(( (10#$i * 7 + 10#$m) % 50 + 50 )),,,,,,"
				done
			done
		done
	done
} > "$tmp/obs.csv"
rows=$(($(wc -l < "$tmp/obs.csv") - 1))
t0=$(now)
"$bin" record --csv "$tmp/obs.csv" > /dev/null
t1=$(now)
secs=$(echo "$t1 - $t0" | bc -l)
printf 'record --csv of %d observations:  %6.2f s  = %8.0f observations/s\n' \
	"$rows" "$secs" "$(echo "$rows / $secs" | bc -l)"

# A restart: the engine rebuilt from the store (every plan and figure of the
# province read back, then aggregated), and one series printed.
t0=$(now)
"$bin" series --unit P --indicator I.3 --format csv > "$tmp/series.csv"
t1=$(now)
printf 'engine rebuilt from the store (%d communes, %d figures) + one series: %6.1f ms\n' \
	44 "$rows" "$(echo "($t1 - $t0) * 1000" | bc -l)"
[ "$(wc -l < "$tmp/series.csv")" -gt 60 ] || { echo "series: too few rows"; exit 1; }

t0=$(now)
for k in $(seq 1 20); do
	"$bin" record --unit C01 --indicator I.1 --period 2030-0$((k % 9 + 1)) --value $((50 + k)) > /dev/null
done
t1=$(now)
printf 'one `chitieu record` (process, lookups, fsync): %6.1f ms\n' \
	"$(echo "($t1 - $t0) * 1000 / 20" | bc -l)"
[ "$backend" = SQLite ] && printf 'database after the run: %s\n' "$(du -h "$CHITIEU_DB" | cut -f1)"
exit 0
