#!/usr/bin/env bash
# store_mark.sh: what a request costs the store while nothing changed, and
# that a change made by another process is still seen (issue 13). Every
# request asks for the store's change mark (store_change_mark); it is read
# from the store only when the database may have changed (SQLite: the
# WAL-index header moved; PostgreSQL: a notification came). GET
# /api/v1/engine counts the requests handled and the store queries they
# ran: a cached roll-up asked twenty times runs none (once a change's
# notification has reached every connection). A figure recorded by
# the CLI (another process) is in the country's roll-up on the very next
# request; a password changed by the CLI ends the session on the next
# request; a population changed by hand in SQL (which notifies on
# PostgreSQL) is in the roll-up on the next request. On SQLite or on
# $CHITIEU_TEST_DB_URL.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
use_db
p004="$data/plans/004_5f0b3916b5e2f87f.txt"

printf '%s\n' code,name,kind,parent,population "VN,Cả nước,country,," "P,Tỉnh P,province,VN," \
	"A,Xã A,commune,P,1000" "B,Xã B,commune,P,3000" > "$tmp/units.csv"
run units 0 unit import "$tmp/units.csv"
for u in A B; do run "imp-$u" 0 import "$p004" --unit "$u"; done
printf 'unit,indicator,period,value\nA,II.7,2025-12,40\nB,II.7,2025-12,80\n' > "$tmp/obs.csv"
run record 0 record --csv "$tmp/obs.csv"
add_admin mk mark-pass-123
echo view-pass-123 | "$bin" user add --login vw --role viewer --unit VN > /dev/null 2>&1 ||
	bad "user add vw"

start_server --workers 2
admin_session mk mark-pass-123
signin vw view-pass-123 > /dev/null
[ "$(jq -r '.csrf | length' "$tmp/signin")" = 64 ] && ok || bad "sign in vw: $(cat "$tmp/signin")"
val() { get "/api/v1/units/VN/rollup?period=2025-12" | jq -r '.indicators[] | select(.code == "II.7") | .value'; }
# requests FIELD: GET /api/v1/engine's request counter (empty if none).
requests() { get /api/v1/engine | jq -r ".requests.$1 // empty"; }

# quiet WANT: the roll-up asked 30 times, all WANT; the last 20 (each
# connection of the server has read the mark by then: two polling threads,
# one reading worker, one writing) ran no store query between them.
quiet() {
	local h0 q0 h1 q1 i v wrong=0
	for i in $(seq 1 10); do [ "$(val)" = "$1" ] || wrong=$((wrong + 1)); done
	for i in 1 2 3; do get /api/v1/engine > /dev/null; done
	# The country's hold built at start in the background (warm.c) reads
	# the store until it is done: count only after it.
	for i in $(seq 1 600); do
		[ "$(get /api/v1/engine | jq -r '.warm.state // "none"')" = running ] || break
		sleep 0.1
	done
	# A connection that served none of the requests above may still hold a
	# notification and read the mark once on its next request (seen once
	# in CI on PostgreSQL: one query in the twenty; the cause is not
	# proven): settle until five answers in a row ran no store query (20
	# rounds at most), then count.
	for i in $(seq 1 20); do
		q0=$(requests store_queries)
		for v in 1 2 3 4 5; do val > /dev/null; done
		[ "$(requests store_queries)" = "$q0" ] && break
	done
	h0=$(requests handled) q0=$(requests store_queries)
	[ -n "$h0" ] && [ -n "$q0" ] && ok || bad "GET /api/v1/engine counts no requests: $(get /api/v1/engine)"
	for i in $(seq 1 20); do
		v=$(val)
		[ "$v" = "$1" ] || wrong=$((wrong + 1))
	done
	h1=$(requests handled) q1=$(requests store_queries)
	[ "$wrong" = 0 ] && ok || bad "$wrong of 30 answers are not $1 (the last: $v)"
	[ -n "$h1" ] && [ $((h1 - h0)) -ge 20 ] && ok || bad "requests handled: $h0 -> $h1, want 20 more"
	[ -n "$q1" ] && [ -n "$q0" ] && [ "$q1" = "$q0" ] && ok ||
		bad "twenty cached answers ran store queries: $q0 -> $q1, want none"
}

# (40x1000 + 80x3000) / 4000 = 70: made, then cached.
[ "$(val)" = 70 ] && ok || bad "VN II.7 = $(val), want 70"
quiet 70

# The CLI (another process) records a figure: the next request has it,
# (60x1000 + 80x3000) / 4000 = 75; then cached again at no query.
run cli-record 0 record --unit A --indicator II.7 --period 2025-12 --value 60
[ "$(val)" = 75 ] && ok || bad "VN II.7 on the request after the CLI's write = $(val), want 75"
quiet 75

# The CLI changes the viewer's password: its session ends on the next request.
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$tmp/jar.vw" "$base/api/v1/units/VN/rollup?period=2025-12")
[ "$code" = 200 ] && ok || bad "the viewer reads the roll-up: $code"
echo view-pass-456 | "$bin" user passwd --login vw > "$tmp/out" 2> "$tmp/err" || bad "user passwd: $(cat "$tmp/err")"
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$tmp/jar.vw" "$base/api/v1/units/VN/rollup?period=2025-12")
[ "$code" = 401 ] && ok || bad "the viewer's session after the CLI changed its password: $code, want 401"

# A population changed by hand in SQL, with its audit entry: B's 3000
# becomes 1000, (60x1000 + 80x1000) / 2000 = 70, on the next request. On
# PostgreSQL a program writing by hand notifies chitieu_change (README).
notify=
[ "$backend" = postgresql ] && notify="; NOTIFY chitieu_change"
sql "UPDATE units SET population = 1000 WHERE code = 'B'; INSERT INTO audit
	(at, actor, action, entity, entity_id, detail) VALUES
	('2026-01-01T00:00:00Z', 'sql', 'unit.edit', 'unit', 0, 'B')$notify" > /dev/null
[ "$(val)" = 70 ] && ok || bad "VN II.7 on the request after a change in SQL = $(val), want 70"
finish store_mark
