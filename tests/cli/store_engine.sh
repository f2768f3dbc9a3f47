#!/usr/bin/env bash
# store_engine.sh: the reads come from the in-memory holds, at every level
# of the tree (issue 13). A country without a plan over two provinces
# without plans, whose three communes share plan 004: the country's
# roll-up, rank and report add up the communes (hand values below); the
# server's answers after writes agree with the same answers computed
# afresh from the store (seeded random writes); a write in one province
# leaves the other province's hold untouched (counted by GET
# /api/v1/engine: no build, no evaluation, the same generation) and
# re-evaluates one commune in its own. On SQLite or on $CHITIEU_TEST_DB_URL.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
use_db
small_country

# II.7 (a percentage, weighted by population) at 2025-12, by hand:
# VN (40x1000 + 80x3000 + 20x4000) / 8000 = 45; P (40000 + 240000) / 4000
# = 70; Q 20.
ii7() { jq -r '.[] | select(.code == "II.7") | .value' "$tmp/out"; }
run vn-rollup 0 rollup --unit VN --period 2025-12 --format json
[ "$(ii7)" = 45 ] && ok || bad "VN II.7 = $(ii7), want 45"
jq -e '.[] | select(.code == "II.7") | .children == 3 and .evaluated >= 0' "$tmp/out" > /dev/null &&
	ok || bad "VN II.7 over 3 communes: $(jq -c '.[] | select(.code == "II.7")' "$tmp/out")"
run p-rollup 0 rollup --unit P --period 2025-12 --format json
[ "$(ii7)" = 70 ] && ok || bad "P II.7 = $(ii7), want 70"
run q-rollup 0 rollup --unit Q --period 2025-12 --format json
[ "$(ii7)" = 20 ] && ok || bad "Q II.7 = $(ii7), want 20"
run vn-rank 0 rank --unit VN --period 2025-12 --format json
jq -e 'length == 2 and (map(.code) | sort) == ["P", "Q"]' "$tmp/out" > /dev/null &&
	ok || bad "VN ranks its 2 provinces: $(head -c 300 "$tmp/out")"
run vn-report 0 report --unit VN --period 2025-12 --format json
jq -e '(.rollup | map(select(.code == "II.7"))[0].value) == 45 and (.ranking | length) == 2' \
	"$tmp/out" > /dev/null && ok || bad "VN report: $(head -c 400 "$tmp/out")"
# Truly nothing: a province with no commune at all.
run r 0 unit add --code R --name "Tỉnh R" --kind province --parent VN
run r-nothing 2 rollup --unit R --period 2025-12
grep -q E_NOTHING "$tmp/err" && ok || bad "R: $(cat "$tmp/err")"

add_admin eng engine-pass-123
start_server --workers 2
admin_session eng engine-pass-123
get() { curl -s -m 60 -b "$jar" "$base/api/v1/$1"; }
# write UNIT INDICATOR PERIOD VALUE: one figure through the API.
write() {
	local got
	got=$(write_figure "$@")
	[ "$got" = 201 ] || bad "write $*: $got $(cat "$tmp/wbody")"
}
roll() { get "units/$1/rollup?period=2025-12"; }
val() { roll "$1" | jq -r '.indicators[] | select(.code == "II.7") | .value'; }
# engine FIELD UNIT: a hold's counter.
engine() { get engine | jq -r ".holds[] | select(.unit == \"$2\") | .$1"; }

[ "$(val VN)" = 45 ] && ok || bad "GET VN II.7 = $(val VN), want 45"
[ "$(val P)" = 70 ] && ok || bad "GET P II.7 = $(val P), want 70"
[ "$(val Q)" = 20 ] && ok || bad "GET Q II.7 = $(val Q), want 20"
got=$(get "units/VN/series?indicator=II.7" | jq -r '.indicators[0].units[] | select(.unit == "VN") | .series[] | select(.period == "2025-12") | .value')
[ "$got" = 45 ] && ok || bad "the engine's series of VN at 2025-12: $got, want 45"

# One write in P: Q's hold is not touched, P's evaluates one commune.
q_before=$(roll Q)
qb=$(engine builds Q) qe=$(engine evaluations Q) qg=$(engine generation Q)
pe=$(engine evaluations P) pg=$(engine generation P) vg=$(engine generation VN)
[ -n "$qe" ] && [ "$qe" -gt 0 ] && ok || bad "Q's hold: $(get engine)"
write A II.7 2025-12 60
# VN (60000 + 240000 + 80000) / 8000 = 47.5; P (60000 + 240000) / 4000 = 75.
[ "$(val P)" = 75 ] && ok || bad "P II.7 after the write = $(val P), want 75"
[ "$(val VN)" = 47.5 ] && ok || bad "VN II.7 after the write = $(val VN), want 47.5"
[ "$(roll Q)" = "$q_before" ] && ok || bad "Q's answer changed"
[ "$(engine builds Q)" = "$qb" ] && ok || bad "Q's hold was built again: $(get engine)"
[ "$(engine evaluations Q)" = "$qe" ] && ok || bad "Q's communes were evaluated again: $qe -> $(engine evaluations Q)"
[ "$(engine generation Q)" = "$qg" ] && ok || bad "Q's generation moved: $qg -> $(engine generation Q)"
[ "$(engine generation P)" = $((pg + 1)) ] && ok || bad "P's generation: $pg -> $(engine generation P)"
[ "$(engine generation VN)" = $((vg + 1)) ] && ok || bad "VN's generation: $vg -> $(engine generation VN)"
[ "$(engine evaluations P)" = $((pe + 1)) ] && ok || bad "P evaluated $(($(engine evaluations P) - pe)) communes, want 1"
[ "$(engine refreshes P)" -ge 1 ] && ok || bad "P read nothing again: $(get engine)"

# Seeded random writes: the server's answers, kept write by write, are
# those computed afresh from the store by the CLI.
RANDOM=1313
codes=(I.1 I.2 II.1 II.4 II.7)
units=(A B C)
agree() {
	local u
	for u in VN P Q; do
		"$bin" rollup --unit "$u" --period 2025-12 --format json > "$tmp/cli.json" 2> "$tmp/err" ||
			{ bad "rollup $u: $(cat "$tmp/err")"; continue; }
		roll "$u" | jq -S .indicators > "$tmp/srv.json"
		if jq -S . "$tmp/cli.json" | cmp -s - "$tmp/srv.json"; then ok; else
			bad "$1: $u's roll-up differs from the store's: $(diff <(jq -S . "$tmp/cli.json") "$tmp/srv.json" | head -5)"
		fi
		"$bin" rank --unit "$u" --period 2025-12 --format json > "$tmp/cli.json" 2> "$tmp/err"
		get "units/$u/rank?period=2025-12" | jq -S .items > "$tmp/srv.json"
		jq -S . "$tmp/cli.json" | cmp -s - "$tmp/srv.json" && ok || bad "$1: $u's rank differs"
	done
	for u in A C; do
		"$bin" status --unit "$u" --period 2025-12 --format json | jq -S .indicators > "$tmp/cli.json"
		get "units/$u/status?period=2025-12" | jq -S .indicators > "$tmp/srv.json"
		cmp -s "$tmp/cli.json" "$tmp/srv.json" && ok || bad "$1: $u's status differs"
	done
}
for round in 1 2 3 4; do
	for _ in 1 2 3 4 5; do
		u=${units[RANDOM % 3]} code=${codes[RANDOM % 5]} month=$((RANDOM % 3 + 10))
		write "$u" "$code" "2025-$month" $((RANDOM % 101))
	done
	agree "round $round"
done
[ "$(engine builds VN)" = 1 ] && ok || bad "VN's hold was built again: $(get engine)"

# The engines (series) are evicted by use: VN, used again, outlives eight
# other units asked after it (in turn, the ninth would take VN's place).
for u in S T; do "$bin" unit add --code $u --name "Tỉnh $u" --kind province --parent VN > /dev/null; done
updates() { get "units/VN/series?indicator=II.7" | jq -r .engine.updates; }
get "units/VN/series?indicator=II.7" > /dev/null
write C II.7 2025-12 25
u0=$(updates)
[ "$u0" -ge 1 ] && ok || bad "VN's engine did not take the write: $(get "units/VN/series?indicator=II.7" | head -c 300)"
for u in P Q R A B C S; do get "units/$u/series" > /dev/null; done
get "units/VN/series?indicator=II.7" > /dev/null
get "units/T/series" > /dev/null
[ "$(updates)" = "$u0" ] && ok || bad "VN's engine was evicted though used last but one: updates $u0 -> $(updates)"

# SIGTERM under load (reads of every level and writes in flight): gone
# within the documented 10 s, on this backend. Bounded: 8 loops of curl.
loads=()
for i in 1 2 3 4 5 6; do
	(while :; do for u in VN P Q A; do curl -s -m 5 -o /dev/null -b "$jar" \
		"$base/api/v1/units/$u/rollup?period=2025-1$((i % 3))"; done; done) &
	loads+=($!)
done
for u in A C; do
	(v=0; while :; do v=$(((v + 13) % 100)); curl -s -m 5 -o /dev/null -b "$jar" -H "X-CSRF-Token: $csrf" \
		-H 'Content-Type: application/json' -d "{\"indicator\":\"II.7\",\"period\":\"2025-11\",\"value\":$v}" \
		"$base/api/v1/units/$u/observations"; done) &
	loads+=($!)
done
sleep 2
t0=$(date +%s%N)
kill -TERM "$server_pid"
while kill -0 "$server_pid" 2> /dev/null && [ $((($(date +%s%N) - t0) / 1000000)) -lt 30000 ]; do sleep 0.05; done
ms=$((($(date +%s%N) - t0) / 1000000))
kill "${loads[@]}" 2> /dev/null
wait "${loads[@]}" 2> /dev/null
echo "SIGTERM to exit under load ($backend): $ms ms"
kill -0 "$server_pid" 2> /dev/null && bad "still running 30 s after SIGTERM"
[ "$ms" -le 10000 ] && ok || bad "the server took $ms ms to stop, more than 10 s"
finish store_engine
