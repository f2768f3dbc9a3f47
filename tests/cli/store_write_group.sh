#!/usr/bin/env bash
# store_write_group.sh: group commit of the writes queued together (issue
# 13: with 20 writes/s beside 32 readers the single writer's queue, one
# transaction a write, made the acknowledgement's p99 seconds on
# PostgreSQL). The server's writer takes every write waiting and commits
# them in one transaction; each is checked and answered on its own. The
# writer waits CHITIEU_TEST_WRITER_MS before it takes the queue, so that
# writes sent together surely queue together. Counted (GET
# /api/v1/engine), not timed:
# - K one-figure writes sent at once: K writes, fewer commits than writes
#   (requests.write_commits), every figure stored and answered 201;
# - in such a group, a write refused (unknown indicator: 422) and one that
#   fails after it wrote (CHITIEU_TEST_WRITE_FAIL: its body holds that
#   text; the store undoes it, as when a statement fails) are answered as
#   failed and store nothing, and every other write of the group is
#   stored;
# - the store queries a write runs (requests.write_queries over
#   requests.writes) stay within a bound (on PostgreSQL one statement a
#   write and a few a group); a second group to the same units reads
#   neither units nor plans again, and what a group kept is not used once
#   another process wrote;
# - each figure write's phases are kept for the slowest (GET /api/v1/engine:
#   write_slowest): the writes of a group show the group's size, and the
#   parts (behind the writes before, the wait for the lock, the
#   statements, the commit, what follows) add up to no more than the whole;
# - the roll-ups served after the group are the ones a server started
#   afresh (its engine read from the store) serves: nothing lost, nothing
#   kept that was not stored.
# On SQLite or on $CHITIEU_TEST_DB_URL.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
use_db
small_country
add_admin gr group-pass-123
CHITIEU_TEST_WRITER_MS=600 CHITIEU_TEST_WRITE_FAIL=zz-undo-zz start_server --workers 6
admin_session gr group-pass-123
for r in VN P Q A B C; do get "/api/v1/units/$r/rollup?period=2025-12" > /dev/null; done
engine() { get /api/v1/engine > "$tmp/$1.json"; }
# delta A B PATH: the number at PATH in $tmp/B.json less that in A.json;
# -1 when either has none.
delta() {
	local a b
	a=$(jq -r "$3 // \"none\"" "$tmp/$1.json") b=$(jq -r "$3 // \"none\"" "$tmp/$2.json")
	[ "$a" = none ] || [ "$b" = none ] && echo -1 || echo $((b - a))
}
# post N UNIT BODY: a write in the background; its status in $tmp/st.N.
post() {
	curl -s -m 60 -o "$tmp/wb.$1" -w '%{http_code}' -b "$jar" -H "X-CSRF-Token: $csrf" \
		-H 'Content-Type: application/json' -d "$3" "$base/api/v1/units/$2/observations" > "$tmp/st.$1" &
	pids="$pids $!"
}
# value UNIT PERIOD: II.7 of UNIT at PERIOD as the store has it.
value() {
	get "/api/v1/units/$1/observations?period=$2" |
		jq -r '[.items[] | select(.indicator == "II.7") | .value][0] // "none"'
}

[ "$(write_figure A II.7 2025-12 41)" = 201 ] && ok || bad "first write: $(cat "$tmp/wbody")"
engine g0
# K good writes at once, to three units of two provinces.
pids=
K=6
n=0
for x in A:2025-09:11 B:2025-09:12 C:2025-09:13 A:2025-10:14 B:2025-10:15 C:2025-10:16; do
	IFS=: read -r u p v <<< "$x"
	n=$((n + 1))
	post $n "$u" "{\"indicator\":\"II.7\",\"period\":\"$p\",\"value\":$v}"
done
wait $pids
engine g1
for i in $(seq 1 $K); do [ "$(cat "$tmp/st.$i")" = 201 ] && ok || bad "write $i: $(cat "$tmp/st.$i") $(cat "$tmp/wb.$i")"; done
w=$(delta g0 g1 .requests.writes) cm=$(delta g0 g1 .requests.write_commits)
gr=$(delta g0 g1 .requests.write_groups) wq=$(delta g0 g1 .requests.write_queries)
echo "$K writes sent at once: $w writes, $cm commits, $gr groups, $wq store queries ($backend)"
[ "$w" = $K ] && ok || bad "writes counted: $w, want $K"
[ "$cm" -ge 1 ] && [ "$cm" -lt "$K" ] && ok || bad "$K writes sent together made $cm commits, want 1..$((K - 1))"
# A one-figure write: 13 store queries before; in a group the mark with
# the audit log's check (one query), the holds' figures (once a unit) and
# the unit's and plan's lookups are the group's, once. On PostgreSQL the
# write itself is one statement (its checks, history, entry, figure, rare
# fields and audit: 9 before, 18 round trips for a write alone), on
# SQLite seven (each costs no round trip there).
max=9
[ "$backend" = postgresql ] && max=3
[ "$wq" -ge "$K" ] && [ "$wq" -le $((K * max)) ] && ok ||
	bad "$K grouped writes ran $wq store queries, want at most $max each ($backend)"
for x in A:2025-09:11 B:2025-09:12 C:2025-09:13 A:2025-10:14 B:2025-10:15 C:2025-10:16; do
	IFS=: read -r u p v <<< "$x"
	got=$(value "$u" "$p")
	[ "$got" = "$v" ] && ok || bad "II.7 of $u at $p: $got, want $v"
done
# The figure writes' phases: the first write and the K after it kept
# (not the sign-in), slowest first; those of the group say its size.
slow=$(jq -c '.write_slowest // "none"' "$tmp/g1.json")
[ "$(jq 'length' <<< "$slow")" = $((K + 1)) ] && ok || bad "write_slowest after $((K + 1)) figure writes: $slow"
[ "$(jq "[.[] | select(.group >= 2)] | length" <<< "$slow")" -ge 2 ] && ok ||
	bad "no write of the group of $K says its group: $slow"
[ "$(jq '[.[] | select(.in < 0 or .behind < 0 or .lock < 0 or .statements < 0 or .commit < 0
	or .after < 0 or .out < 0
	or .in + .behind + .lock + .statements + .commit + .after + .out > .ms + 0.5)] | length' <<< "$slow")" = 0 ] && ok ||
	bad "write phases that do not add up: $slow"
[ "$(jq '[.[].ms] == ([.[].ms] | sort | reverse)' <<< "$slow")" = true ] && ok || bad "write_slowest not slowest first: $slow"

# The same units again, at once: the group before wrote only figures and
# nobody wrote since, so their units and plans are not read again (B and
# C, not written before the first group, were read in it: two queries
# each).
engine g2
pids=
n=0
for x in A:2025-06:51 B:2025-06:52 C:2025-06:53 A:2025-07:54 B:2025-07:55 C:2025-07:56; do
	IFS=: read -r u p v <<< "$x"
	n=$((n + 1))
	post $n "$u" "{\"indicator\":\"II.7\",\"period\":\"$p\",\"value\":$v}"
done
wait $pids
engine g3
for i in $(seq 1 $K); do [ "$(cat "$tmp/st.$i")" = 201 ] && ok || bad "again, write $i: $(cat "$tmp/st.$i") $(cat "$tmp/wb.$i")"; done
wq2=$(delta g2 g3 .requests.write_queries)
echo "the same units again: $wq2 store queries (first group: $wq)"
[ "$wq2" -ge "$K" ] && [ "$wq2" -le $((wq - 4)) ] && ok ||
	bad "a second group to the same units ran $wq2 store queries, want at most $((wq - 4)) (units and plans read again?)"
for x in A:2025-06:51 C:2025-07:56; do
	IFS=: read -r u p v <<< "$x"
	[ "$(value "$u" "$p")" = "$v" ] && ok || bad "II.7 of $u at $p: $(value "$u" "$p"), want $v"
done
# Round trips to the database server (requests.write_round_trips over
# requests.write_groups): on PostgreSQL one a write and one a group (its
# COMMIT; BEGIN and SAVEPOINT go with the write's statement), on SQLite
# none (no server). Under a saturated processor each is a wait for the
# database's process to run again (write_slowest: db_cpu_wait), so a
# group's time grows with its size. 18 writes at once to the units read
# above.
engine t0
pids=
n=0
for p in 2025-01 2025-02 2025-03 2025-04 2025-05 2025-08; do
	for u in A B C; do
		n=$((n + 1))
		post $n "$u" "{\"indicator\":\"II.7\",\"period\":\"$p\",\"value\":$((70 + n))}"
	done
done
wait $pids
engine t1
for i in $(seq 1 $n); do [ "$(cat "$tmp/st.$i")" = 201 ] && ok || bad "18 at once, write $i: $(cat "$tmp/st.$i") $(cat "$tmp/wb.$i")"; done
for x in A:2025-01:71 C:2025-08:88; do
	IFS=: read -r u p v <<< "$x"
	[ "$(value "$u" "$p")" = "$v" ] && ok || bad "II.7 of $u at $p: $(value "$u" "$p"), want $v"
done
for x in g2:g3:6 t0:t1:18; do
	IFS=: read -r a b k <<< "$x"
	gr=$(delta "$a" "$b" .requests.write_groups) rt=$(delta "$a" "$b" .requests.write_round_trips)
	echo "$k writes at once: $gr groups, $rt round trips ($backend)"
	lo=$gr hi=$((k + gr))
	[ "$backend" = postgresql ] || lo=0 hi=0
	[ "$gr" -ge 1 ] && [ "$rt" -ge "$lo" ] && [ "$rt" -le "$hi" ] && ok ||
		bad "$k writes at once: $rt round trips in $gr groups, want $lo..$hi ($backend)"
done
# Each slow write says its group's round trips, when its answer went, and
# (Linux) how long the writer's thread and the database's process waited
# for a processor during its group: -1 where unknown (no process on
# SQLite), never less.
slow=$(get /api/v1/engine | jq -c '.write_slowest')
[ "$(jq '[.[] | select(.round_trips < 0 or .at <= 0 or .cpu_wait < 0 or .db_cpu_wait < -1
	or (.db_cpu_wait >= 0) != ("'"$backend"'" == "postgresql"))] | length' <<< "$slow")" = 0 ] && ok ||
	bad "write_slowest without its round trips, time or waits: $slow"

# What a group kept goes when someone else writes: a unit unknown to one
# group, added by the CLI, is known to the next.
pids=
post 1 D '{"indicator":"II.7","period":"2025-06","value":61}'
wait $pids
s1=$(cat "$tmp/st.1")
[ "$s1" -ge 400 ] && [ "$s1" -lt 500 ] && ok || bad "a write to a unit not there yet: $s1, want 4xx"
run d 0 unit add --code D --name "Xã D" --kind commune --parent Q --population 500
run imp-D 0 import "$p004" --unit D
pids=
post 1 D '{"indicator":"II.7","period":"2025-06","value":61}'
wait $pids
[ "$(cat "$tmp/st.1")" = 201 ] && ok || bad "the unit added since: $(cat "$tmp/st.1") $(cat "$tmp/wb.1")"
[ "$(value D 2025-06)" = 61 ] && ok || bad "II.7 of D at 2025-06: $(value D 2025-06), want 61"

# A group with a refused write and a write undone after it wrote.
engine h0
pids=
post 1 A '{"indicator":"II.7","period":"2025-11","value":21}'
post 2 B '{"indicator":"NO.SUCH","period":"2025-11","value":22}'
post 3 C '{"indicator":"II.7","period":"2025-11","value":23,"note":"zz-undo-zz"}'
post 4 B '{"indicator":"II.7","period":"2025-11","value":24}'
post 5 C '{"indicator":"II.7","period":"2025-12","value":25}'
wait $pids
engine h1
for i in 1 4 5; do [ "$(cat "$tmp/st.$i")" = 201 ] && ok || bad "good write $i in a failing group: $(cat "$tmp/st.$i") $(cat "$tmp/wb.$i")"; done
s2=$(cat "$tmp/st.2") s3=$(cat "$tmp/st.3")
[ "$s2" -ge 400 ] && [ "$s2" -lt 500 ] && ok || bad "unknown indicator: $s2, want 4xx"
[ "$s3" -ge 500 ] && ok || bad "the write undone: $s3 $(cat "$tmp/wb.3"), want 5xx"
[ "$(delta h0 h1 .requests.write_commits)" -lt 5 ] && ok ||
	bad "5 writes sent together made $(delta h0 h1 .requests.write_commits) commits"
for x in A:2025-11:21 B:2025-11:24 C:2025-12:25 C:2025-11:none; do
	IFS=: read -r u p v <<< "$x"
	got=$(value "$u" "$p")
	[ "$got" = "$v" ] && ok || bad "after the failing group, II.7 of $u at $p: $got, want $v"
done
[ "$(count "SELECT count(*) FROM audit WHERE detail LIKE '%zz-undo-zz%'")" = 0 ] && ok ||
	bad "the write undone left an audit entry"

# An API token is looked up once and kept at the epoch: revoked by
# another process (the audit log moves the epoch), it is refused at once.
tok=$("$bin" user token --login gr --label group 2> /dev/null | head -1)
[ ${#tok} -ge 32 ] && ok || bad "token: $tok"
tw() {
	curl -s -m 60 -o "$tmp/tb" -w '%{http_code}' -H "Authorization: Bearer $tok" -H 'Content-Type: application/json' \
		-d "{\"indicator\":\"II.7\",\"period\":\"2025-08\",\"value\":$1}" "$base/api/v1/units/A/observations"
}
for v in 31 32 33; do [ "$(tw $v)" = 201 ] && ok || bad "token write $v: $(cat "$tmp/tb")"; done
run revoke 0 user token revoke --id "$(sql 'SELECT max(id) FROM api_tokens')"
[ "$(tw 34)" = 401 ] && ok || bad "a revoked token still writes: $(cat "$tmp/tb")"
[ "$(value A 2025-08)" = 33 ] && ok || bad "II.7 of A at 2025-08: $(value A 2025-08), want 33"

# What the running server serves is what a fresh one reads from the store.
for r in VN P Q A B C; do
	for p in 2025-09 2025-10 2025-11 2025-12; do
		get "/api/v1/units/$r/rollup?period=$p" | jq -S 'del(.generated_at, .engine)' > "$tmp/live.$r.$p.json"
	done
done
has '"value"' "a roll-up served" live.P.2025-11.json
stop_server
start_server --workers 6
admin_session gr group-pass-123
for r in VN P Q A B C; do
	for p in 2025-09 2025-10 2025-11 2025-12; do
		get "/api/v1/units/$r/rollup?period=$p" | jq -S 'del(.generated_at, .engine)' > "$tmp/fresh.json"
		cmp -s "$tmp/fresh.json" "$tmp/live.$r.$p.json" && ok ||
			bad "roll-up of $r at $p served after the writes differs from a fresh server's: $(diff "$tmp/live.$r.$p.json" "$tmp/fresh.json" | head -5)"
	done
done
finish store_write_group
