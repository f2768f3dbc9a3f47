#!/usr/bin/env bash
# store_answers.sh: what a write through the server recomputes (issue 13).
# A country over two provinces (P: communes A and B; Q: commune C) on plan
# 004. GET /api/v1/engine counts, per hold, the answers computed from it
# ("answers": a roll-up, a status, a province page made and cached) and
# the children evaluated ("evaluations"). A figure written in P leaves Q's
# cached answers as they were: Q's roll-up and province page asked again
# come from the cache (no answer, no evaluation, no build); eight readers
# of P's roll-up at once after the write make one answer between them (the
# others take it from the cache); the country's roll-up shows the figure
# on the very next request (hand values). On SQLite or on
# $CHITIEU_TEST_DB_URL.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
use_db
small_country
add_admin ans answers-pass-123

start_server --workers 8
admin_session ans answers-pass-123
roll() { get "/api/v1/units/$1/rollup?period=2025-12"; }
val() { roll "$1" | jq -r '.indicators[] | select(.code == "II.7") | .value'; }
# engine FIELD UNIT: a hold's counter (empty when the server has none).
engine() { get /api/v1/engine | jq -r ".holds[] | select(.unit == \"$2\") | .$1 // empty"; }

# Every answer once, so that each is cached.
[ "$(val VN)" = 45 ] && ok || bad "VN II.7 = $(val VN), want 45"
[ "$(val P)" = 70 ] && ok || bad "P II.7 = $(val P), want 70"
[ "$(val Q)" = 20 ] && ok || bad "Q II.7 = $(val Q), want 20"
page_q=$(get "/don-vi/Q/tinh?period=2025-12")
grep -q 'Xã C' <<< "$page_q" && ok || bad "Q's province page: $(head -c 300 <<< "$page_q")"
qa=$(engine answers Q) qe=$(engine evaluations Q) qb=$(engine builds Q) pa=$(engine answers P)
[ -n "$qa" ] && [ "$qa" -ge 2 ] && ok || bad "Q's answers are not counted: $(get /api/v1/engine)"
q_roll=$(roll Q)

# A figure in P (commune A): 40 -> 60.
got=$(write_figure A II.7 2025-12 60)
[ "$got" = 201 ] && ok || bad "write: $got $(cat "$tmp/wbody")"
# The very next request of the country: (60x1000 + 80x3000 + 20x4000) / 8000.
[ "$(val VN)" = 47.5 ] && ok || bad "VN II.7 on the next request = $(val VN), want 47.5"

# Q: the same answers, from the cache; nothing computed again.
[ "$(roll Q)" = "$q_roll" ] && ok || bad "Q's roll-up changed"
[ "$(get "/don-vi/Q/tinh?period=2025-12" | sed 's/name="csrf" value="[0-9a-f]*"//')" = "$(sed 's/name="csrf" value="[0-9a-f]*"//' <<< "$page_q")" ] &&
	ok || bad "Q's province page changed"
[ "$(engine answers Q)" = "$qa" ] && ok || bad "Q's answers were computed again: $qa -> $(engine answers Q)"
[ "$(engine evaluations Q)" = "$qe" ] && ok || bad "Q's communes were evaluated again: $qe -> $(engine evaluations Q)"
[ "$(engine builds Q)" = "$qb" ] && ok || bad "Q's hold was built again: $qb -> $(engine builds Q)"

# Eight readers of P's roll-up at once: one answer made, seven from the cache.
pids=()
for i in 1 2 3 4 5 6 7 8; do
	curl -s -m 60 -b "$jar" -o "$tmp/p$i" "$base/api/v1/units/P/rollup?period=2025-12" &
	pids+=($!)
done
wait "${pids[@]}"
same=0
for i in 1 2 3 4 5 6 7 8; do
	[ "$(jq -r '.indicators[] | select(.code == "II.7") | .value' "$tmp/p$i")" = 75 ] && same=$((same + 1))
done
[ "$same" = 8 ] && ok || bad "P II.7 after the write: $same of 8 answers say 75"
[ "$(engine answers P)" = $((pa + 1)) ] && ok ||
	bad "eight readers of P made $(($(engine answers P) - pa)) answers, want 1"
finish store_answers
