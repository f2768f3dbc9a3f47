#!/usr/bin/env bash
# store_submit_queries.sh (issue 13): submitting a figure runs no statement
# to clear a reviewer's comment it does not have (a submit of 56 figures
# ran 56 more). Counted by GET /api/v1/engine's store queries of the
# requests, not timed, on a server of one connection: six submits of a
# figure without a comment run fewer statements than six returns with one
# (the same request but for the comment written: one statement more each),
# where both ran as many; a figure returned with a comment and submitted
# again loses the comment. On SQLite or on $CHITIEU_TEST_DB_URL.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
use_db
p004="$data/plans/004_5f0b3916b5e2f87f.txt"
printf '%s\n' code,name,kind,parent,population "P,Tỉnh P,province,," "A,Xã A,commune,P,1000" > "$tmp/units.csv"
run units 0 unit import "$tmp/units.csv"
run imp 0 import "$p004" --unit A
codes=$("$bin" parse "$p004" | jq -r '[.plan.indicators[] |
	select([.targets[]?.kind] - ["number","none","range"] | length == 0) | .code][:12] | join(" ")')
{
	echo "unit,indicator,period,value"
	for c in $codes; do echo "A,$c,2025-12,40"; done
} > "$tmp/obs.csv"
run record 0 record --csv "$tmp/obs.csv"
add_admin sq submit-pass-123
start_server --workers 1 # one connection: its change-mark reads the same for every request
admin_session sq submit-pass-123
queries() { get /api/v1/engine | jq -r '.requests.store_queries // empty'; }
# act CODE ACTION [JSON]: the figure's ACTION through the API; the store
# queries from just before it to just after it into $q (the engine
# request after it included, the same for every action; subtracting the
# engine request before it, as this test once did, took away that
# request's occasional change-mark read and made $q vary by one).
act() {
	local q1 q2 code
	q1=$(queries)
	code=$(curl -s -m 60 -o "$tmp/abody" -w '%{http_code}' -b "$jar" -H "X-CSRF-Token: $csrf" \
		-H 'Content-Type: application/json' -d "${3:-{\}}" \
		"$base/api/v1/units/A/observations/$1/2025-12/$2")
	[ "$code" = 200 ] && ok || bad "$2 $1: HTTP $code: $(cat "$tmp/abody")"
	sleep 0.3 # (PostgreSQL: the write's notification in, read by the next request)
	q2=$(queries)
	q=$((q2 - q1))
}
# Six of each, summed.
sub=0 ret=0 subs= rets=
for c in $(echo "$codes" | cut -d' ' -f1-6); do
	act "$c" submit
	sub=$((sub + q)) subs="$subs $q"
done
for c in $(echo "$codes" | cut -d' ' -f7-12); do
	act "$c" submit
	act "$c" return '{"comment":"xem lại"}'
	ret=$((ret + q)) rets="$rets $q"
done
echo "store queries of six requests each: submit$subs, return with a comment$rets"
[ "$sub" -gt 0 ] && ok || bad "no store queries counted for submit"
[ $((sub + 4)) -le "$ret" ] && ok || bad "six submits ran $sub store queries, six returns with a comment $ret: want at least 4 fewer"
c2=$(echo "$codes" | cut -d' ' -f7)
[ "$(count "SELECT review FROM observations o JOIN series s ON s.id = o.series_id WHERE s.code = '$c2'")" = "xem lại" ] && ok || bad "the return's comment"
# Resubmitted: the comment goes, and no empty row of figure_extras stays.
run rerecord 0 record --unit A --indicator "$c2" --period 2025-12 --value 51 --by nhap
act "$c2" submit
[ "$(count "SELECT count(*) FROM observations o JOIN series s ON s.id = o.series_id WHERE s.code = '$c2' AND o.status = 'submitted' AND o.review IS NULL")" = 1 ] && ok ||
	bad "the resubmitted figure keeps its comment: $(count "SELECT status || ' ' || coalesce(review, '-') FROM observations")"
[ "$(count "SELECT count(*) FROM figure_extras WHERE review IS NULL AND note IS NULL AND num IS NULL AND den IS NULL AND evidence IS NULL")" = 0 ] &&
	[ "$(count "SELECT count(*) FROM figure_extras")" = 5 ] && ok || bad "figure_extras: $(count "SELECT count(*) FROM figure_extras") rows, want the 5 comments left"
finish store_submit_queries
