#!/usr/bin/env bash
# store_rollup_incr.sh: the country's roll-up kept write by write (issue
# 13). A country over two provinces, P (communes A, B, C) and Q (D, E), on
# plan 004: the roll-up matches hand values, on the CLI and through the
# server; a figure written through the API is in the country's roll-up on
# the very next request; and that write folds again only Q's communes and
# combines the two provinces (GET /api/v1/engine: "aggregated" moves by at
# most 2 + 2, not by all 5 communes). On SQLite or on $CHITIEU_TEST_DB_URL.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
use_db
two_provinces
for x in A:P:1000 B:P:3000 C:P:2000 D:Q:4000 E:Q:6000; do
	IFS=: read -r u parent pop <<< "$x"
	run "unit-$u" 0 unit add --code "$u" --name "Xã $u" --kind commune --parent "$parent" --population "$pop"
	run "imp-$u" 0 import "$p004" --unit "$u"
done
cat > "$tmp/obs.csv" << 'EOF'
unit,indicator,period,value,num,den
A,II.7,2025-12,40,,
B,II.7,2025-12,80,,
C,II.7,2025-12,10,,
D,II.7,2025-12,20,,
E,II.7,2025-12,50,,
A,IV.1,2025-12,2.5,,
B,IV.1,2025-12,3,,
C,IV.1,2025-12,1,,
D,IV.1,2025-12,4,,
E,IV.1,2025-12,0.5,,
A,I.3,2025-12,,9,10
B,I.3,2025-12,,100,990
C,I.3,2025-12,,50,100
D,I.3,2025-12,,1,100
E,I.3,2025-12,,40,800
EOF
run record 0 record --csv "$tmp/obs.csv"

# By hand, at 2025-12. II.7 (a percentage, weighted by population): P
# (40x1000 + 80x3000 + 10x2000) / 6000 = 50, Q (20x4000 + 50x6000) / 10000
# = 38, VN 680000 / 16000 = 42.5. IV.1 (a count): P 6.5, Q 4.5, VN 11.
# I.3 (a ratio): VN 100 x (9 + 100 + 50 + 1 + 40) / (10 + 990 + 100 + 100 +
# 800) = 10.
want() { # want WHERE FILE CODE VALUE
	local got
	got=$(jq -r --arg c "$3" '(if type == "object" then .indicators else . end)[] | select(.code == $c) | .value' "$2")
	[ "$got" = "$4" ] && ok || bad "$1: $3 = $got, want $4"
}
for x in VN:II.7:42.5 VN:IV.1:11 VN:I.3:10 P:II.7:50 P:IV.1:6.5 Q:II.7:38 Q:IV.1:4.5; do
	IFS=: read -r u code v <<< "$x"
	run "rollup-$u" 0 rollup --unit "$u" --period 2025-12 --format json
	want "CLI $u" "$tmp/out" "$code" "$v"
done
run vn-children 0 rollup --unit VN --period 2025-12 --format json
jq -e '.[] | select(.code == "II.7") | .children == 5' "$tmp/out" > /dev/null && ok ||
	bad "VN II.7 over 5 communes: $(jq -c '.[] | select(.code == "II.7")' "$tmp/out")"

pw=incr-pass-123
add_admin inc "$pw"
start_server --workers 2
[ "$(signin inc)" = 200 ] && ok || bad "sign in: $(cat "$tmp/signin")"
get() { curl -s -m 60 -b "$tmp/jar.inc" "$base/api/v1/$1" > "$tmp/$2"; }
put() { # put UNIT INDICATOR VALUE: one figure at 2025-12 through the API
	local code
	code=$(as inc POST "/api/v1/units/$1/observations" "{\"indicator\":\"$2\",\"period\":\"2025-12\",\"value\":$3}")
	[ "$code" = 201 ] && ok || bad "write $*: $code $(cat "$tmp/body")"
}
folded() { get engine engine.json && jq -r '.holds[] | select(.unit == "VN") | .aggregated' "$tmp/engine.json"; }

get "units/VN/rollup?period=2025-12" vn.json
want "GET VN" "$tmp/vn.json" II.7 42.5
want "GET VN" "$tmp/vn.json" I.3 10
a0=$(folded)
# D's II.7 70: Q (280000 + 300000) / 10000 = 58, VN 880000 / 16000 = 55;
# seen on the very next request.
put D II.7 70
get "units/VN/rollup?period=2025-12" vn.json
want "GET VN after D's write" "$tmp/vn.json" II.7 55
want "GET VN after D's write" "$tmp/vn.json" IV.1 11
a1=$(folded)
case "$a0:$a1" in
*[!0-9:]* | :* | *:) bad "VN's hold counts no children folded: \"$a0\" -> \"$a1\" ($(head -c 300 "$tmp/engine.json"))" ;;
*) if [ "$a1" -gt "$a0" ] && [ $((a1 - a0)) -le 4 ]; then ok; else
	bad "one write in Q folded $((a1 - a0)) children for VN, want 1..4 (Q's 2 communes + 2 provinces)"
fi ;;
esac
get "units/Q/rollup?period=2025-12" q.json
want "GET Q after D's write" "$tmp/q.json" II.7 58
# E's IV.1 2.5: VN 13, Q 6.5; again on the next request.
put E IV.1 2.5
get "units/VN/rollup?period=2025-12" vn.json
want "GET VN after E's write" "$tmp/vn.json" IV.1 13
want "GET VN after E's write" "$tmp/vn.json" II.7 55
get "units/Q/rollup?period=2025-12" q.json
want "GET Q after E's write" "$tmp/q.json" IV.1 6.5
# A write in P (3 communes): the roll-up the server keeps is the CLI's,
# computed afresh from the store.
put A II.7 10
get "units/VN/rollup?period=2025-12" vn.json
run vn-after 0 rollup --unit VN --period 2025-12 --format json
jq -S . "$tmp/out" > "$tmp/cli.json"
jq -S .indicators "$tmp/vn.json" > "$tmp/srv.json"
cmp -s "$tmp/cli.json" "$tmp/srv.json" && ok ||
	bad "VN's kept roll-up differs from the store's: $(diff "$tmp/cli.json" "$tmp/srv.json" | head -5)"
# VN (10x1000 + 240000 + 20000 + 580000) / 16000 = 53.125
want "GET VN after A's write" "$tmp/vn.json" II.7 53.125
finish store_rollup_incr
