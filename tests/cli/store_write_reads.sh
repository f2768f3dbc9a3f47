#!/usr/bin/env bash
# store_write_reads.sh: what writes through the API cost the readers
# (issue 13: on PostgreSQL the roll-ups, the ranking and the pages slowed
# down under 20 writes/s). A country over P (communes A, B) and Q (C, D)
# on plan 004 (P too, linked), a server with its roll-ups and ranking
# kept; then K figures of A written through the API, each followed by the
# country's roll-up and ranking, both provinces' roll-ups, P's page
# (/don-vi/P/tinh) and A's, while a background reader asks the
# country's ranking and Q's roll-up. Counted (GET /api/v1/engine), not
# timed:
# - no hold is built again and the epoch does not move (a write of ours is
#   not taken for another process's change);
# - Q's hold is neither read again nor evaluated; the country's evaluates
#   at most one child per write and period kept;
# - the writer hands each hold the unit's figures (store_reads stays 0),
#   so that the readers after a write ask the store nothing: on PostgreSQL
#   no query (2 at most: a connection opened late; each query is a round
#   trip to another process, and was run under the hold's lock or on the
#   network thread); on SQLite at most the change mark, read in-process,
#   once per connection;
# - the writes read nothing back: the holds and engines take the figures
#   as the write stored them (store_written), so no write reads a unit's
#   figures (requests.write_figure_reads stays 0; it read A's after each
#   commit before), and on PostgreSQL a write runs one query, its
#   statement (the mark after it from its own audit id; 3 before: the
#   figures and the mark read again after the commit);
# - every answer is right: the country's II.7 is 48 + i after A's i-th
#   write, and the kept roll-up and rankings (kept child by child,
#   rank_kept_rows) and A's status are the CLI's at the end, after
#   figures of periods and indicators A had none of (put in their place
#   in the holds, through P's links).
# On SQLite or on $CHITIEU_TEST_DB_URL.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
use_db
two_provinces
for x in A:P:1000 B:P:3000 C:Q:2000 D:Q:4000; do
	IFS=: read -r u parent pop <<< "$x"
	run "unit-$u" 0 unit add --code "$u" --name "Xã $u" --kind commune --parent "$parent" --population "$pop"
	run "imp-$u" 0 import "$p004" --unit "$u"
done
printf 'unit,indicator,period,value\nA,II.7,2025-12,40\nB,II.7,2025-12,80\nC,II.7,2025-12,20\nD,II.7,2025-12,50\n' > "$tmp/obs.csv"
run record 0 record --csv "$tmp/obs.csv"
# P on plan 004 too, its communes' indicators linked to it: its page reads
# the links and the plan the hold keeps.
run imp-P 0 import "$p004" --unit P
run propose-P 0 link propose --unit P
run confirm-P 0 link confirm --unit P --all-sure
add_admin wr write-pass-123
start_server --workers 3
admin_session wr write-pass-123

reads=(/api/v1/units/VN/rollup?period=2025-12 /api/v1/units/VN/rank?period=2025-12
	/api/v1/units/P/rollup?period=2025-12 /api/v1/units/Q/rollup?period=2025-12
	/don-vi/P/tinh?period=2025-12 /don-vi/A?period=2025-12)
# (1000 x A + 240000 + 40000 + 200000) / 10000: 48 + A / 10.
vn() { get "/api/v1/units/VN/rollup?period=2025-12" | jq -r '.indicators[] | select(.code == "II.7") | .value'; }
[ "$(vn)" = 52 ] && ok || bad "VN II.7 = $(vn), want 52"
# Each URL a few times, so that every polling thread has opened its
# connection (its first request reads the mark) before counting.
for _ in 1 2 3 4; do for r in "${reads[@]}"; do get "$r" > /dev/null; done; done
get "/don-vi/P/tinh?period=2025-12" > "$tmp/page.html"
has "So sánh các đơn vị trực thuộc" "P's page" page.html
engine() { get /api/v1/engine > "$tmp/$1.json"; }
# hold FILE UNIT FIELD: a counter of UNIT's hold in $tmp/FILE.json.
hold() { jq -r --arg u "$2" ".holds[] | select(.unit == \$u) | .$3 // \"none\"" "$tmp/$1.json"; }
engine e0

# The background reader, bounded: the country's ranking and Q's roll-up.
(for _ in $(seq 1 300); do
	get "/api/v1/units/VN/rank?period=2025-12" > /dev/null
	get "/api/v1/units/Q/rollup?period=2025-12" > /dev/null
	[ -f "$tmp/stop" ] && break
done) &
reader=$!
K=8 read_queries=0 read_requests=0 wrong=0
for i in $(seq 1 $K); do
	code=$(write_figure A II.7 2025-12 $((10 * i)))
	[ "$code" = 201 ] && ok || bad "write $i: $code $(cat "$tmp/wbody")"
	engine w
	for r in "${reads[@]}"; do get "$r" > /dev/null; done
	v=$(vn)
	[ "$v" = $((48 + i)) ] || { wrong=$((wrong + 1)); echo "after write $i: VN II.7 = $v, want $((48 + i))"; }
	engine r
	read_queries=$((read_queries + $(jq .requests.store_queries "$tmp/r.json") - $(jq .requests.store_queries "$tmp/w.json")))
	read_requests=$((read_requests + $(jq .requests.handled "$tmp/r.json") - $(jq .requests.handled "$tmp/w.json")))
done
touch "$tmp/stop"
wait "$reader"
engine e1
[ "$wrong" = 0 ] && ok || bad "$wrong of $K answers after a write were not the new figure's"
# delta A B PATH: the number at PATH in $tmp/B.json less that in A.json,
# "none" when either has none.
delta() {
	local a b
	a=$(jq -r "$3 // \"none\"" "$tmp/$1.json") b=$(jq -r "$3 // \"none\"" "$tmp/$2.json")
	[ "$a" = none ] || [ "$b" = none ] && echo none || echo $((b - a))
}
[ "$(delta e0 e1 .requests.writes)" = $K ] && ok || bad "writes counted: $(delta e0 e1 .requests.writes), want $K"
[ "$(delta e0 e1 .requests.write_figure_reads)" = 0 ] && ok ||
	bad "$K writes read figures back $(delta e0 e1 .requests.write_figure_reads) times, want 0"
wq=$(delta e0 e1 .requests.write_queries)
echo "$K one-figure writes: $wq store queries ($backend)"
if [ "$backend" = postgresql ]; then
	# The writer's first write also reads the mark and looks A and II.7
	# up (kept for the next writes while nothing else changes): 2.
	[ "$wq" != none ] && [ "$wq" -ge $K ] && [ "$wq" -le $((K + 2)) ] && ok ||
		bad "$K one-figure writes ran $wq store queries on PostgreSQL, want $K (one each) + 2"
fi

[ "$(jq .epoch "$tmp/e0.json")" = "$(jq .epoch "$tmp/e1.json")" ] && ok ||
	bad "the epoch moved under writes of ours: $(jq .epoch "$tmp/e0.json") -> $(jq .epoch "$tmp/e1.json")"
for u in VN P Q; do
	[ "$(hold e0 $u builds)" = 1 ] && [ "$(hold e1 $u builds)" = 1 ] && ok ||
		bad "$u's hold built again: $(hold e0 $u builds) -> $(hold e1 $u builds)"
done
for f in evaluations refreshes; do
	[ "$(hold e0 Q $f)" = "$(hold e1 Q $f)" ] && ok ||
		bad "writes in P touched Q's hold: $f $(hold e0 Q $f) -> $(hold e1 Q $f)"
done
ev0=$(hold e0 VN evaluations) ev1=$(hold e1 VN evaluations)
[ $((ev1 - ev0)) -ge 1 ] && [ $((ev1 - ev0)) -le $K ] && ok ||
	bad "VN evaluated $((ev1 - ev0)) children for $K writes of one commune, want 1..$K"
for u in VN P; do
	[ "$(hold e1 $u refreshes)" -gt "$(hold e0 $u refreshes)" ] && ok || bad "$u's hold was not refreshed"
	[ "$(hold e1 $u store_reads)" = 0 ] && ok ||
		bad "$u's hold read written units from the store itself: store_reads $(hold e1 $u store_reads)"
done
echo "reads after the writes: $read_requests requests, $read_queries store queries ($backend)"
[ "$read_requests" -ge $((K * 6)) ] && ok || bad "only $read_requests reads counted"
if [ "$backend" = postgresql ]; then
	# 0 but for a polling thread whose first request came late (it opens
	# its connection and reads the mark once); the reads re-reading what
	# was written ran 2 or more a write.
	[ "$read_queries" -le 2 ] && ok ||
		bad "the reads after $K writes ran $read_queries queries on PostgreSQL, want 0 (2 at most)"
else
	[ "$read_queries" -le "$read_requests" ] && ok ||
		bad "the reads after $K writes ran $read_queries queries for $read_requests requests, want at most one each (the mark)"
fi

# Figures A and B had none of (periods, indicators): each put where the
# store's order puts it, in the holds of A, P and the country.
engine e2
for x in A:I.1:2025-12:37 A:II.4:2025-12:61 A:II.7:2025-11:15 B:I.2:2025-12:12 A:I.1:2025-10:3; do
	IFS=: read -r u code per v <<< "$x"
	[ "$(write_figure "$u" "$code" "$per" "$v")" = 201 ] && ok || bad "write $x: $(cat "$tmp/wbody")"
	for r in "${reads[@]}"; do get "$r" > /dev/null; done
done
engine e3
[ "$(delta e2 e3 .requests.write_figure_reads)" = 0 ] && ok ||
	bad "new figures read back $(delta e2 e3 .requests.write_figure_reads) times, want 0"
"$bin" status --unit A --period 2025-12 --format json | jq -S .indicators > "$tmp/cli.json"
get "/api/v1/units/A/status?period=2025-12" | jq -S .indicators > "$tmp/srv.json"
[ "$(jq length "$tmp/cli.json")" -ge 2 ] && cmp -s "$tmp/cli.json" "$tmp/srv.json" && ok ||
	bad "A's status differs from the store's: $(diff "$tmp/cli.json" "$tmp/srv.json" | head -5)"
run vn-cli 0 rollup --unit VN --period 2025-12 --format json
jq -S . "$tmp/out" > "$tmp/cli.json"
get "/api/v1/units/VN/rollup?period=2025-12" | jq -S .indicators > "$tmp/srv.json"
cmp -s "$tmp/cli.json" "$tmp/srv.json" && ok ||
	bad "VN's kept roll-up differs from the store's: $(diff "$tmp/cli.json" "$tmp/srv.json" | head -5)"
# The rankings kept write by write are the CLI's, made afresh: the
# country's by province (its communes lie deeper), P's by commune.
for u in VN P; do
	run "rank-$u" 0 rank --unit $u --period 2025-12 --format json
	jq -S '[.[] | {rank, code, good, evaluated}]' "$tmp/out" > "$tmp/cli-rank.json"
	get "/api/v1/units/$u/rank?period=2025-12" | jq -S '[.items[] | {rank, code, good, evaluated}]' > "$tmp/srv-rank.json"
	[ "$(jq length "$tmp/cli-rank.json")" -ge 2 ] && cmp -s "$tmp/cli-rank.json" "$tmp/srv-rank.json" && ok ||
		bad "$u's kept ranking differs from the store's: $(diff "$tmp/cli-rank.json" "$tmp/srv-rank.json" | head -5)"
done
finish store_write_reads
