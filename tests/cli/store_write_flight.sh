#!/usr/bin/env bash
# store_write_flight.sh: what a write through the API costs, and the
# commune page readers make again after it (issue 13: on PostgreSQL with
# 20 writes/s the write acknowledgement reached p99 3.3 s). Measured: no
# write waited on a reader's lock; the writes queued behind the single
# writer because each ran ~24 round trips to the database, each waiting
# for a processor the readers kept busy. Counted (GET /api/v1/engine),
# not timed:
# - the store queries a one-figure write runs (requests.write_queries /
#   requests.writes): the batch table made and emptied in one round trip,
#   its statistics taken once per size of batch, and the figures handed
#   to the holds read in one query (the unit's id is in the unit tree);
# - the commune page, asked by several readers at once after a write, is
#   made once (pages.builds grows by 1; the others wait for it:
#   pages.waits) and every reader gets the page with the new figure. The
#   server makes each page CHITIEU_TEST_FLIGHT_MS later than asked, so
#   that the readers surely meet.
# And on PostgreSQL the server's first write (through an API token: no
# statement of it made on the connection before) sends its BEGIN in one
# round trip with its first statement's preparation, not alone: the
# server's log (every statement, parse steps too) has BEGIN through the
# pipeline's extended protocol, no BEGIN as a statement of its own.
# On SQLite or on $CHITIEU_TEST_DB_URL.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
use_db
two_provinces
for x in A:P:1000 B:P:3000 C:Q:2000; do
	IFS=: read -r u parent pop <<< "$x"
	run "unit-$u" 0 unit add --code "$u" --name "Xã $u" --kind commune --parent "$parent" --population "$pop"
	run "imp-$u" 0 import "$p004" --unit "$u"
done
printf 'unit,indicator,period,value\nA,II.7,2025-12,40\nB,II.7,2025-12,80\nC,II.7,2025-12,20\n' > "$tmp/obs.csv"
run record 0 record --csv "$tmp/obs.csv"
add_admin fl flight-pass-123
token=$("$bin" user token --login fl --label flight 2> /dev/null | head -1)
pg_log
before=$(log_lines)
PGOPTIONS="-c log_min_duration_statement=0" CHITIEU_TEST_FLIGHT_MS=700 start_server --workers 6
code=$(curl -s -o "$tmp/wbody" -w '%{http_code}' -H "Authorization: Bearer $token" \
	-H 'Content-Type: application/json' -d '{"indicator":"II.7","period":"2025-11","value":5}' \
	"$base/api/v1/units/B/observations")
[ "$code" = 201 ] && ok || bad "the token's write: $code $(cat "$tmp/wbody")"
if [ -n "$log" ]; then
	sleep 0.2 # the log is written by the server's process
	# (the writer's connection: the one that committed)
	tail -n +"$((before + 1))" "$log" | grep -E 'LOG: .*(statement|parse|execute)' > "$tmp/all.log"
	pid=$(grep -m1 'statement: COMMIT' "$tmp/all.log" | grep -oE '\[[0-9]+\]')
	grep -F -- "${pid:-none}" "$tmp/all.log" > "$tmp/first.log"
	alone=$(grep -c 'statement: BEGIN' "$tmp/first.log")
	piped=$(grep -c 'execute <unnamed>: BEGIN' "$tmp/first.log")
	echo "the server's first write: BEGIN alone $alone, in a pipeline $piped"
	[ "$alone" = 0 ] && [ "$piped" = 1 ] && ok ||
		bad "the first write's BEGIN: $alone alone, $piped in a pipeline: $(grep BEGIN "$tmp/first.log" | head -3)"
fi
admin_session fl flight-pass-123
page=/don-vi/A?period=2025-12
for r in /api/v1/units/VN/rollup?period=2025-12 /api/v1/units/P/rollup?period=2025-12 "$page"; do
	get "$r" > /dev/null
	get "$r" > /dev/null
done
engine() { get /api/v1/engine > "$tmp/$1.json"; }
# delta A B PATH: the number at PATH in $tmp/B.json less that in A.json;
# -1 when either has none.
delta() {
	local a b
	a=$(jq -r "$3 // \"none\"" "$tmp/$1.json") b=$(jq -r "$3 // \"none\"" "$tmp/$2.json")
	[ "$a" = none ] || [ "$b" = none ] && echo -1 || echo $((b - a))
}

# The store queries of a one-figure write, after a first one (the writer's
# connection makes its batch table then).
[ "$(write_figure A II.7 2025-12 41)" = 201 ] && ok || bad "first write: $(cat "$tmp/wbody")"
engine q0
K=4
for i in $(seq 1 $K); do
	[ "$(write_figure A II.7 2025-12 $((41 + i)))" = 201 ] && ok || bad "write $i: $(cat "$tmp/wbody")"
done
engine q1
# Between the two: the writes and one GET of the engine's counters (its
# session's account kept: a query at most).
w=$(delta q0 q1 .requests.writes) wq=$(delta q0 q1 .requests.store_queries)
echo "store queries for $K one-figure writes: $wq ($backend)"
[ "$w" = $K ] && ok || bad "writes counted: $w, want $K ($(jq -c .requests "$tmp/q1.json"))"
[ "$(delta q0 q1 .requests.write_queries)" -le "$wq" ] && ok ||
	bad "the writes ran more queries than all requests: $(jq -c .requests "$tmp/q1.json")"
# 14 a write before (the unit read again for the holds' figures); the
# batch table's statements (made in 3 round trips, ANALYZE each write on
# PostgreSQL: 24 round trips a write in all) are not counted here.
max=13
[ "$wq" -ge $K ] && [ "$wq" -le $((K * max + 2)) ] && ok ||
	bad "$K one-figure writes ran $wq store queries, want at most $max each (+2)"

# Several readers of A's page at once after a write: made once.
get "$page" > "$tmp/before.html"
[ "$(write_figure A II.7 2025-12 77)" = 201 ] && ok || bad "write: $(cat "$tmp/wbody")"
engine p0
N=5
pids=
for i in $(seq 1 $N); do
	get "$page" > "$tmp/page.$i.html" &
	pids="$pids $!"
done
wait $pids
engine p1
builds=$(delta p0 p1 .pages.builds) waits=$(delta p0 p1 .pages.waits)
echo "A's page asked $N times at once after a write: made $builds times, $waits waited"
[ "$builds" = 1 ] && ok || bad "A's page made $builds times for $N readers after one write, want 1 ($(jq -c .pages "$tmp/p1.json"))"
[ "$waits" -ge 1 ] && ok || bad "no reader waited for the page being made: waits $waits"
get "$page" > "$tmp/after.html"
cmp -s "$tmp/before.html" "$tmp/after.html" && bad "A's page is the same after the write" || ok
has "Xã A" "A's page" after.html
same=0
for i in $(seq 1 $N); do cmp -s "$tmp/page.$i.html" "$tmp/after.html" && same=$((same + 1)); done
[ "$same" = $N ] && ok || bad "$((N - same)) of $N readers got another page than the new one"
finish store_write_flight
