#!/usr/bin/env bash
# store_holdbuild.sh: issue 13, a hold's first build and the dashboard.
#  - The first build of a hold reads the store in a bounded number of
#    queries, whatever the number of units under it (counted by GET
#    /api/v1/engine's build_queries, not timed): the same count for the
#    country and a linked province over 2 communes and over 8.
#  - The dashboard /don-vi/P/bang-dieu-khien comes from the unit's hold
#    (the engine the roll-ups read): asking it builds P's hold once, and a
#    figure recorded afterwards is read into that hold (refreshed, not
#    built again) and shown on the next dashboard.
# On SQLite or on $CHITIEU_TEST_DB_URL.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
use_db
two_provinces
run imp-P 0 import "$p004" --unit P
# communes FROM TO: communes X<i> (half under P, half under Q) with plan 004
# and a figure each, and P's links confirmed.
communes() {
	local i pr
	printf 'unit,indicator,period,value\n' > "$tmp/obs.csv"
	for i in $(seq "$1" "$2"); do
		pr=$([ $((i % 2)) = 0 ] && echo P || echo Q)
		run "unit-X$i" 0 unit add --code "X$i" --name "Xã $i" --kind commune --parent "$pr" --population $((1000 * i))
		run "imp-X$i" 0 import "$p004" --unit "X$i"
		printf 'X%d,II.7,2025-12,%d\nX%d,I.1,2025-12,%d\n' "$i" $((10 * i % 100)) "$i" $((i + 3)) >> "$tmp/obs.csv"
	done
	run record 0 record --csv "$tmp/obs.csv"
	run propose 0 link propose --unit P
	run confirm 0 link confirm --unit P --all-sure
}
communes 1 2

add_admin hb holdbuild-pass-123
start_server --workers 2
admin_session hb holdbuild-pass-123
# engine FIELD UNIT: a hold's counter.
engine() { get /api/v1/engine | jq -r ".holds[] | select(.unit == \"$2\") | .$1"; }
children() { get "/api/v1/units/$1/rollup?period=2025-12" | jq -r .children; }

# The dashboard first: it builds P's hold (nothing else asked about P).
get "/don-vi/P/bang-dieu-khien?period=2025-12" > "$tmp/dash1.html"
grep -q "ở 1 đơn vị" "$tmp/dash1.html" && ok || bad "P's dashboard over its commune: $(grep -o '<p class="big">.\{0,300\}' "$tmp/dash1.html")"
[ "$(engine builds P)" = 1 ] && ok || bad "the dashboard did not build P's hold: $(get /api/v1/engine)"
ev=$(engine evaluations P)
[ -n "$ev" ] && [ "$ev" -ge 1 ] && ok || bad "the dashboard evaluated nothing in P's hold: $(get /api/v1/engine)"
# A figure through the API: read into the hold, shown on the next dashboard.
got=$(write_figure X2 II.7 2025-12 99)
[ "$got" = 201 ] && ok || bad "write: $got $(cat "$tmp/wbody")"
get "/don-vi/P/bang-dieu-khien?period=2025-12" > "$tmp/dash2.html"
cmp -s "$tmp/dash1.html" "$tmp/dash2.html" && bad "the dashboard did not change after the write" || ok
[ "$(engine builds P)" = 1 ] && ok || bad "P's hold was built again for the dashboard: $(get /api/v1/engine)"
r=$(engine refreshes P)
[ "${r:-0}" -ge 1 ] 2> /dev/null && ok || bad "P's hold did not read the write: $(get /api/v1/engine)"

# First builds over 2 communes.
[ "$(children VN)" = 2 ] && ok || bad "VN over 2 communes: $(children VN)"
vq=$(engine build_queries VN) pq=$(engine build_queries P)
echo "store queries of a first build over 2 communes: VN $vq, P $pq"
[[ "$vq" =~ ^[0-9]+$ ]] && [ "$vq" -ge 1 ] && [ "$vq" -le 20 ] && ok ||
	bad "VN's first build: '$vq' store queries, want 1 to 20: $(get /api/v1/engine)"
[[ "$pq" =~ ^[0-9]+$ ]] && [ "$pq" -ge 1 ] && [ "$pq" -le 20 ] && ok ||
	bad "P's first build: '$pq' store queries, want 1 to 20: $(get /api/v1/engine)"

# Six more communes (the store changed otherwise: every hold built again).
communes 3 8
[ "$(children VN)" = 8 ] && ok || bad "VN over 8 communes: $(children VN)"
[ "$(children P)" = 4 ] && ok || bad "P over 4 communes: $(children P)"
[ "$(engine builds VN)" = 2 ] && ok || bad "VN's hold not built again: $(get /api/v1/engine)"
vq2=$(engine build_queries VN) pq2=$(engine build_queries P)
echo "store queries of a first build over 8 communes: VN $vq2, P $pq2"
[ "$vq2" = "$vq" ] && ok || bad "VN's first build: $vq queries over 2 communes, $vq2 over 8"
[ "$pq2" = "$pq" ] && ok || bad "P's first build: $pq queries over 1 linked commune, $pq2 over 4"
finish store_holdbuild
