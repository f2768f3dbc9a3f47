#!/usr/bin/env bash
# store_trend.sh: the dashboard's trend comes from state the hold keeps
# (issue 13): the eight periods of a country's trend are evaluated once,
# a view after no write evaluates no commune again, a view after one write
# evaluates that commune alone, once for each of the periods shown; and
# the page kept write by write is the page a fresh server makes from the
# store. Counted by GET /api/v1/engine (children evaluated per hold). A
# country over two provinces and five communes on plan 004, figures every
# quarter of 2024 and 2025. On SQLite or on $CHITIEU_TEST_DB_URL.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
use_db
two_provinces
for u in A B C D E; do
	parent=P
	[ "$u" \> B ] && parent=Q
	run "add-$u" 0 unit add --code "$u" --name "Xã $u" --kind commune --parent "$parent" --population 1000
	run "imp-$u" 0 import "$p004" --unit "$u"
done
{
	echo "unit,indicator,period,value"
	v=7
	for u in A B C D E; do
		for y in 2024 2025; do
			for m in 03 06 09 12; do
				for code in I.1 I.2 II.1 II.4 II.7; do
					v=$(((v * 37 + 11) % 101))
					echo "$u,$code,$y-$m,$v"
				done
			done
		done
	done
} > "$tmp/obs.csv"
run record 0 record --csv "$tmp/obs.csv"

add_admin tr trend-pass-123
get() { curl -s -m 120 -b "$jar" "$base$1"; }
# engine FIELD UNIT: a hold's counter.
engine() { get /api/v1/engine | jq -r ".holds[] | select(.unit == \"$2\") | .$1"; }
# dash PERIOD OUT: the country's dashboard from its title on (the header
# before it carries the session's token).
dash() { get "/don-vi/VN/bang-dieu-khien?period=$1" | sed 's/.*<h1>/<h1>/' > "$tmp/$2"; }
write() {
	local got
	got=$(write_figure "$@")
	[ "$got" = 201 ] && ok || bad "write $*: $got $(cat "$tmp/wbody")"
}

start_server --workers 2
admin_session tr trend-pass-123
for period in 2025-Q4 2025-12; do
	dash "$period" first
	grep -q "Diễn biến qua các kỳ" "$tmp/first" && ok || bad "$period: no trend: $(head -c 300 "$tmp/first")"
	grep -q "ở 5 đơn vị" "$tmp/first" && ok || bad "$period: not over the 5 communes"
	n=$(grep -o '<td class="num">[0-9,.]*%</td>' "$tmp/first" | wc -l)
	[ "$n" -ge 8 ] && ok || bad "$period: $n shares in the trend, want 8"
	e1=$(engine evaluations VN)
	[ -n "$e1" ] && [ "$e1" -ge 5 ] && ok || bad "$period: VN evaluated '$e1' communes: $(get /api/v1/engine)"
	dash "$period" again
	e2=$(engine evaluations VN)
	[ "$e2" = "$e1" ] && ok || bad "$period: the same view again evaluated $((e2 - e1)) communes, want 0"
	cmp -s "$tmp/first" "$tmp/again" && ok || bad "$period: the page changed without a write"
done

# One write in A: the next view evaluates A alone, once per period shown
# (8 quarters; the page's own period is the hold's evaluation).
e0=$(engine evaluations VN)
write A II.7 2025-12 99
dash 2025-Q4 written
e1=$(engine evaluations VN)
[ "$((e1 - e0))" = 8 ] && ok || bad "after one write the view evaluated $((e1 - e0)) communes, want 8 (A's 8 periods)"
dash 2025-Q4 written2
[ "$(engine evaluations VN)" = "$e1" ] && ok || bad "the view after it evaluated again"
write C I.1 2024-06 3
write D II.4 2025-03 100
dash 2025-Q4 written3
dash 2025-12 written4

# A fresh server builds every hold from the store: the same pages.
stop_server
start_server --workers 2
admin_session tr trend-pass-123
dash 2025-Q4 fresh3
dash 2025-12 fresh4
cmp -s "$tmp/written3" "$tmp/fresh3" && ok ||
	bad "the kept 2025-Q4 page differs from a fresh one: $(diff "$tmp/written3" "$tmp/fresh3" | head -c 600)"
cmp -s "$tmp/written4" "$tmp/fresh4" && ok ||
	bad "the kept 2025-12 page differs from a fresh one: $(diff "$tmp/written4" "$tmp/fresh4" | head -c 600)"
finish store_trend
