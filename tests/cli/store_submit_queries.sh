#!/usr/bin/env bash
# store_submit_queries.sh (issue 13): submitting a figure runs no statement
# to clear a reviewer's comment it does not have (a submit of 56 figures
# ran 56 more). Counted by GET /api/v1/engine's store queries of the
# requests, not timed: the submit of a figure without a comment runs fewer
# statements than a return with one (the same request but for the comment
# written), where both ran as many; a figure returned with a comment and
# submitted again loses the comment. On SQLite or on $CHITIEU_TEST_DB_URL.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
use_db
p004="$data/plans/004_5f0b3916b5e2f87f.txt"
printf '%s\n' code,name,kind,parent,population "P,Tỉnh P,province,," "A,Xã A,commune,P,1000" > "$tmp/units.csv"
run units 0 unit import "$tmp/units.csv"
run imp 0 import "$p004" --unit A
read -r c1 c2 <<< "$("$bin" parse "$p004" | jq -r '[.plan.indicators[] |
	select([.targets[]?.kind] - ["number","none","range"] | length == 0) | .code][:2] | join(" ")')"
printf 'unit,indicator,period,value\nA,%s,2025-12,40\nA,%s,2025-12,50\n' "$c1" "$c2" > "$tmp/obs.csv"
run record 0 record --csv "$tmp/obs.csv"
add_admin sq submit-pass-123
start_server
admin_session sq submit-pass-123
queries() { get /api/v1/engine | jq -r '.requests.store_queries // empty'; }
# act CODE ACTION [JSON]: the figure's ACTION through the API; the store
# queries it ran into $q (those of the engine request between counted
# apart).
act() {
	local q0 q1 q2 code
	q0=$(queries)
	q1=$(queries)
	code=$(curl -s -m 60 -o "$tmp/abody" -w '%{http_code}' -b "$jar" -H "X-CSRF-Token: $csrf" \
		-H 'Content-Type: application/json' -d "${3:-{\}}" \
		"$base/api/v1/units/A/observations/$1/2025-12/$2")
	[ "$code" = 200 ] && ok || bad "$2 $1: HTTP $code: $(cat "$tmp/abody")"
	q2=$(queries)
	q=$(((q2 - q1) - (q1 - q0)))
}
act "$c1" submit
sub=$q
act "$c2" submit
act "$c2" return '{"comment":"xem lại"}'
ret=$q
echo "store queries: submit $sub, return with a comment $ret"
[ -n "$sub" ] && [ "$sub" -gt 0 ] && ok || bad "no store queries counted for submit: '$sub'"
[ "$sub" -lt "$ret" ] && ok || bad "submit ran $sub store queries, a return with a comment $ret: want fewer"
[ "$(count "SELECT review FROM observations o JOIN series s ON s.id = o.series_id WHERE s.code = '$c2'")" = "xem lại" ] && ok || bad "the return's comment"
# Resubmitted: the comment goes, and no empty row of figure_extras stays.
run rerecord 0 record --unit A --indicator "$c2" --period 2025-12 --value 51 --by nhap
act "$c2" submit
[ "$(count "SELECT count(*) FROM observations o JOIN series s ON s.id = o.series_id WHERE s.code = '$c2' AND o.status = 'submitted' AND o.review IS NULL")" = 1 ] && ok ||
	bad "the resubmitted figure keeps its comment: $(count "SELECT status || ' ' || coalesce(review, '-') FROM observations")"
[ "$(count "SELECT count(*) FROM figure_extras")" = 0 ] && ok || bad "figure_extras keeps a row"
finish store_submit_queries
