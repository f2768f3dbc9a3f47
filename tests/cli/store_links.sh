#!/usr/bin/env bash
# store_links.sh: shared indicators (issue 11). Communes on plans 000 and
# 004 under a province whose catalogue is made from their plans; links
# proposed, confirmed, rejected, set and refused; the province and the
# country add up the figures of linked indicators whatever their codes.
# Values worked out by hand (below). On SQLite or on $CHITIEU_TEST_DB_URL.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
use_db
p000="$data/plans/000_03b77514fb71b314.txt"
p004="$data/plans/004_5f0b3916b5e2f87f.txt"
# II.7 of the province's value at 2025-12 from rollup --format json.
ii7() { "$bin" rollup --unit "$1" --period 2025-12 --format json | jq -r '.[] | select(.code == "II.7") | .value'; }

# In 004 "adults reaching digital services" is II.7; in 000 it is II.8,
# and 000's II.7 is "officials mastering digital skills".
run vn 0 unit add --code VN --name "Cả nước" --kind country
run p1 0 unit add --code P --name "Tỉnh P" --kind province --parent VN
run p2 0 unit add --code Q --name "Tỉnh Q" --kind province --parent VN
run a 0 unit add --code A --name "Xã A" --kind commune --parent P --population 1000
run c 0 unit add --code C --name "Xã C" --kind commune --parent P --population 3000
run d 0 unit add --code D --name "Xã D" --kind commune --parent Q --population 4000
run imp-a 0 import "$p004" --unit A
run imp-c 0 import "$p000" --unit C
run imp-d 0 import "$p004" --unit D

# Nothing to aggregate yet: the country says so, never an empty success.
# Its communes, two levels down, are on different plans: added up by code
# they would not be, so the answer says how to make them shared.
run country-nothing 2 rollup --unit VN --period 2025-12
grep -q "E_NO_PLAN.*plan catalogue --unit VN" "$tmp/err" && ok || bad "country without plans: $(cat "$tmp/err")"
run country-report-nothing 2 report --unit VN --period 2025-12 --format json
grep -q "E_NO_PLAN" "$tmp/err" && ok || bad "country report without plans: $(cat "$tmp/err")"
run country-rank-nothing 2 rank --unit VN --period 2025-12
# Different plans, no plan of the province: never added by raw code.
run no-catalogue 2 rollup --unit P --period 2025-12
grep -q "E_NO_PLAN" "$tmp/err" && ok || bad "different plans by code: $(cat "$tmp/err")"
run propose-early 2 link propose --unit P
grep -q "E_NO_PLAN" "$tmp/out" && ok || bad "proposals without a parent plan: $(cat "$tmp/out")"

run cat-p 0 plan catalogue --unit P
run cat-q 0 plan catalogue --unit Q
run cat-vn 0 plan catalogue --unit VN
run cat-again-own 2 plan catalogue --unit A
grep -q "E_HAS_PLAN" "$tmp/err" && ok || bad "catalogue over a plan document: $(cat "$tmp/err")"
[ "$(sql "SELECT count(*) FROM plans p JOIN units u ON u.id = p.unit_id WHERE u.code = 'P' AND p.source = 'catalogue'")" = 1 ] &&
	ok || bad "the province's plan is marked as generated"
# A plan but no link yet: nothing to add up, said so.
run no-links 2 rollup --unit P --period 2025-12
grep -q "E_NOTHING" "$tmp/err" && ok || bad "no links yet: $(cat "$tmp/err")"
run propose 0 link propose --unit VN
grep -q "cho 5 đơn vị" "$tmp/out" && ok || bad "proposals for P, Q and their communes: $(cat "$tmp/out")"
run list 0 link list --unit P --format json
jq -e '[.links[] | select(.unit == "C" and .indicator == "II.8")][0] | .parent_indicator == "II.7" and .state == "confirmed" and (.why | length > 0)' "$tmp/out" > /dev/null &&
	ok || bad "C II.8 -> P II.7 confirmed (written alike): $(jq -c '.links[] | select(.unit == "C" and .indicator == "II.8")' "$tmp/out")"
jq -e '[.links[] | select(.unit == "C" and .indicator == "II.7")][0].parent_indicator != "II.7"' "$tmp/out" > /dev/null &&
	ok || bad "C II.7 (officials) is not P's II.7"
jq -e '[.links[] | select(.state == "proposed")] | length > 0' "$tmp/out" > /dev/null && ok || bad "some proposals wait for a person"
[ "$(sql "SELECT count(*) FROM audit WHERE action = 'link.confirm' AND detail LIKE '%tự động%'")" -gt 0 ] &&
	ok || bad "automatic confirmations are audited as such"

cat > "$tmp/f.csv" << 'CSV'
unit,indicator,period,value,num,den,level
A,II.7,2025-12,40,,,
C,II.8,2025-12,80,,,
C,II.7,2025-12,10,,,
D,II.7,2025-12,20,,,
CSV
run record 0 record --csv "$tmp/f.csv"
# P's II.7: A 40 % (1,000 people) and C's II.8 80 % (3,000), weighted by
# population: (40*1000 + 80*3000) / 4000 = 70. By raw code it would be
# (40*1000 + 10*3000) / 4000 = 17.5.
[ "$(ii7 P)" = 70 ] && ok || bad "P II.7 = $(ii7 P), want 70"
# The province's own status and summary read the same aggregate.
run status-p 0 status --unit P --period 2025-12 --format json
jq -e '.indicators[] | select(.code == "II.7") | .latest == 70' "$tmp/out" > /dev/null && ok || bad "P's status II.7: $(jq -c '.indicators[] | select(.code == "II.7")' "$tmp/out")"

# A count cannot be linked to a percentage: refused with the reason, and
# the aggregate does not change.
run refuse 2 link set --unit C --indicator IV.10 --parent-indicator II.7 --by tinh
grep -q "E_INCOMPATIBLE" "$tmp/err" && ok || bad "refused: $(cat "$tmp/err")"
grep -q "loại chỉ tiêu\|đơn vị" "$tmp/err" && ok || bad "refusal says why: $(cat "$tmp/err")"
[ "$(ii7 P)" = 70 ] && ok || bad "after the refusal P II.7 = $(ii7 P), want 70"

# Rejected: only A counts (40); set again by a person: 70.
run reject 0 link reject --unit C --indicator II.8 --by tinh
[ "$(ii7 P)" = 40 ] && ok || bad "after reject P II.7 = $(ii7 P), want 40"
run set 0 link set --unit C --indicator II.8 --parent-indicator II.7 --by tinh
[ "$(ii7 P)" = 70 ] && ok || bad "after set P II.7 = $(ii7 P), want 70"
[ "$(sql "SELECT count(*) FROM audit WHERE actor = 'tinh' AND action IN ('link.reject', 'link.set')")" = 2 ] &&
	ok || bad "reject and set audited under the actor"
# A person points C's II.7 (officials, confirmed to P's II.6) elsewhere:
# the old link steps down to rejected, one confirmed link remains.
old=$(sql "SELECT ps.code FROM links l JOIN series cs ON cs.id = l.child_series_id JOIN series ps ON ps.id = l.parent_series_id JOIN units u ON u.id = cs.unit_id WHERE u.code = 'C' AND cs.code = 'II.7' AND l.state = 'confirmed'")
run repoint 0 link set --unit C --indicator II.7 --parent-indicator II.5 --by tinh
[ "$(sql "SELECT ps.code || ':' || l.state FROM links l JOIN series cs ON cs.id = l.child_series_id JOIN series ps ON ps.id = l.parent_series_id JOIN units u ON u.id = cs.unit_id WHERE u.code = 'C' AND cs.code = 'II.7' ORDER BY ps.code")" = "$(printf 'II.5:confirmed\n%s:rejected' "$old")" ] &&
	ok || bad "repointed: $(sql "SELECT l.state FROM links l JOIN series cs ON cs.id = l.child_series_id JOIN units u ON u.id = cs.unit_id WHERE u.code = 'C' AND cs.code = 'II.7'")"
run repoint-back 0 link set --unit C --indicator II.7 --parent-indicator "$old" --by tinh
# Proposing again adds nothing and brings no rejected link back.
before=$(sql "SELECT count(*) || '/' || sum(CASE WHEN state = 'confirmed' THEN 1 ELSE 0 END) FROM links")
run propose-again 0 link propose --unit VN
grep -q ": 0 đề xuất mới chờ xác nhận, 0 tự động" "$tmp/out" && ok || bad "again: $(cat "$tmp/out")"
[ "$(sql "SELECT count(*) || '/' || sum(CASE WHEN state = 'confirmed' THEN 1 ELSE 0 END) FROM links")" = "$before" ] && ok || bad "links changed by proposing again"
run unknown 2 link confirm --unit C --indicator NOPE

# The country: A 40 (1,000), C 80 (3,000), D 20 (4,000):
# (40000 + 240000 + 80000) / 8000 = 45.
[ "$(ii7 VN)" = 45 ] && ok || bad "VN II.7 = $(ii7 VN), want 45"
run country-rollup 0 rollup --unit VN --period 2025-12 --format json
jq -e '.[] | select(.code == "II.7") | .children == 3' "$tmp/out" > /dev/null && ok || bad "VN II.7 over 3 communes"
run country-rank 0 rank --unit VN --period 2025-12 --format json
jq -e 'length == 2 and (map(.code) | sort) == ["P", "Q"]' "$tmp/out" > /dev/null && ok || bad "VN ranks its 2 provinces: $(head -c 300 "$tmp/out")"
# Within the country only the country's 34 indicators count: D (Q) has
# all 34 with a 2025 target, none met (D's 20 < 80); P has A's 34 and C's
# 2 linked all the way up (II.7 officials and II.8 adults: written alike),
# one met: C's II.8 80 reaches its 2025 target of 80 (A's 40 and C's 10
# do not). P 1/36 first, Q 0/34 second.
jq -e '(.[] | select(.code == "Q") | [.rank, .good, .evaluated]) == [2, 0, 34] and (.[] | select(.code == "P") | [.rank, .good, .evaluated]) == [1, 1, 36]' "$tmp/out" > /dev/null &&
	ok || bad "VN's rank by province: $(jq -c . "$tmp/out" | head -c 300)"
run country-report 0 report --unit VN --period 2025-12 --format json
jq -e '(.rollup | map(select(.code == "II.7"))[0].value) == 45 and (.ranking | length) == 2' "$tmp/out" > /dev/null &&
	ok || bad "country report: $(jq -c '[.ranking, (.rollup | map(select(.code == "II.7")))]' "$tmp/out" | head -c 400)"
# Open SDG of P: the headline of II.7 is the same 70, and C's own row is
# its II.8 (80), never its II.7 (10).
run opensdg 0 exchange export --format opensdg --unit P -o "$tmp/sdg"
# (II.7 is numbered 2.1.7 for Open SDG.)
f=$tmp/sdg/data/indicator_2-1-7.csv
grep -q '^2025,%,,,70$' "$f" && grep -q '^2025,%,[^,]*,C,80$' "$f" &&
	! grep -q ',C,10$' "$f" && ok || bad "open sdg II.7: $(cat "$f")"
run series 0 series --unit P --indicator II.7 --format json
grep -q '70' "$tmp/out" && ok || bad "series of P II.7: $(head -c 400 "$tmp/out")"

run confirm-all 0 link confirm --unit P --all-sure --by tinh
grep -q "Đã xác nhận [1-9]" "$tmp/out" && ok || bad "bulk confirmation: $(cat "$tmp/out")"
[ "$(sql "SELECT count(*) FROM links WHERE state = 'confirmed' GROUP BY child_series_id HAVING count(*) > 1" | wc -l)" = 0 ] &&
	ok || bad "one confirmed link per child indicator"

# Re-import of C's plan keeps its confirmed links.
run reimport 0 import "$p000" --unit C
[ "$(ii7 P)" = 70 ] && ok || bad "after re-import P II.7 = $(ii7 P), want 70"
# A plan without II.8: C's link is listed as gone, and no longer added.
sed '227,249d' "$p000" > "$tmp/000-less.txt"
"$bin" parse "$tmp/000-less.txt" --format json | jq -e '[.plan.indicators[] | select(.code == "II.8")] | length == 0' > /dev/null &&
	ok || bad "the shortened plan has no II.8"
run reimport-less 0 import "$tmp/000-less.txt" --unit C --confirm
run gone 0 link list --unit P --state gone --format json
jq -e '[.links[] | select(.unit == "C" and .gone)] | length >= 1' "$tmp/out" > /dev/null && ok || bad "gone link listed: $(head -c 300 "$tmp/out")"
[ "$(ii7 P)" = 40 ] && ok || bad "without C's II.8 P II.7 = $(ii7 P), want 40"

# The API: the office of P lists and decides; the office of a commune and
# a viewer may not decide.
pw=matkhau-kiem-thu
echo "$pw" | "$bin" user add --login tinh --name "VP tỉnh" --role office --unit P > /dev/null
echo "$pw" | "$bin" user add --login xa --name "VP xã" --role office --unit A > /dev/null
echo "$pw" | "$bin" user add --login xem --name "Lãnh đạo" --role viewer --unit P > /dev/null
start_server --timeout 2 --workers 2
for r in tinh xa xem; do
	curl -s -c "$tmp/jar.$r" -H 'Content-Type: application/json' \
		-d "{\"login\":\"$r\",\"password\":\"$pw\"}" "$base/api/v1/session" > "$tmp/signin.$r"
	sed -n 's/.*"csrf":"\([0-9a-f]*\)".*/\1/p' "$tmp/signin.$r" > "$tmp/csrf.$r"
done
call() { # ROLE METHOD PATH [BODY]: the status; the body in $tmp/body
	local args=(-s -o "$tmp/body" -w '%{http_code}' -X "$2" -b "$tmp/jar.$1" -H "X-CSRF-Token: $(cat "$tmp/csrf.$1")")
	[ -n "${4:-}" ] && args+=(-H 'Content-Type: application/json' --data-binary "$4")
	curl "${args[@]}" "$base$3"
}
"$bin" unit add --code H --name "Huyện trống" --kind district --parent P > /dev/null
[ "$(call tinh GET '/api/v1/units/H/rollup?period=2025-12')" = 404 ] && grep -q E_NOTHING "$tmp/body" && ok || bad "nothing under H: $(cat "$tmp/body")"
[ "$(call tinh GET '/api/v1/units/P/rollup?period=2025-12')" = 200 ] && jq -e '(.local | map(select(startswith("C "))) | length) > 0 and (.indicators[] | select(.code == "II.7") | .value) == 40' "$tmp/body" > /dev/null &&
	ok || bad "P's rollup over the API lists C's unlinked indicators: $(head -c 300 "$tmp/body")"
[ "$(call tinh GET '/api/v1/units/P/links?state=proposed&per_page=2')" = 200 ] && ok || bad "list: $(cat "$tmp/body")"
jq -e '(.items | length) == 2 and .total > 2' "$tmp/body" > /dev/null && ok || bad "paginated: $(head -c 300 "$tmp/body")"
[ "$(call xem GET /api/v1/units/P/links)" = 200 ] && ok || bad "the viewer reads the links"
[ "$(call xa GET /api/v1/units/P/links)" = 403 ] && ok || bad "a commune's office does not read the province's links"
[ "$(call xem POST /api/v1/units/P/links/reject '{"unit":"A","indicator":"II.7"}')" = 403 ] && ok || bad "the viewer may not decide"
[ "$(call xa POST /api/v1/units/P/links/reject '{"unit":"A","indicator":"II.7"}')" = 403 ] && ok || bad "a commune's office may not decide"
[ "$(ii7 P)" = 40 ] && ok || bad "nothing changed: P II.7 = $(ii7 P)"
[ "$(call tinh POST /api/v1/units/P/links/set '{"unit":"C","indicator":"IV.10","parent_indicator":"II.7"}')" = 400 ] &&
	ok || bad "incompatible over the API: $(cat "$tmp/body")"
grep -q E_INCOMPATIBLE "$tmp/body" && ok || bad "incompatible code: $(cat "$tmp/body")"
[ "$(call tinh POST /api/v1/units/P/links/reject '{"unit":"A","indicator":"II.7"}')" = 200 ] && ok || bad "reject: $(cat "$tmp/body")"
# A rejected, C's II.8 gone: nothing left for P's II.7 at 2025-12.
[ "$(ii7 P)" = "" ] && ok || bad "after the API's reject P II.7 = $(ii7 P), want none"
[ "$(call tinh POST /api/v1/units/P/links/confirm '{"unit":"A","indicator":"II.7","parent_indicator":"II.7"}')" = 200 ] &&
	ok || bad "confirm: $(cat "$tmp/body")"
[ "$(ii7 P)" = 40 ] && ok || bad "after the API's confirm P II.7 = $(ii7 P), want 40"
[ "$(sql "SELECT count(*) FROM audit WHERE actor = 'tinh' AND action IN ('link.reject', 'link.confirm')")" -ge 2 ] &&
	ok || bad "the API's decisions audited under the account"

# The page "Đối chiếu chỉ tiêu": the proposals with their reasons; a
# rejection there is a decision like any other; a viewer is refused.
curl -s -b "$tmp/jar.tinh" -o "$tmp/page" -w '%{http_code}' "$base/don-vi/P/doi-chieu" > "$tmp/code"
[ "$(cat "$tmp/code")" = 200 ] && grep -q "Đối chiếu chỉ tiêu" "$tmp/page" && grep -q 'value="reject"' "$tmp/page" &&
	ok || bad "the page of proposals: $(cat "$tmp/code")"
[ "$(curl -s -b "$tmp/jar.xem" -o /dev/null -w '%{http_code}' "$base/don-vi/P/doi-chieu")" = 403 ] && ok || bad "a viewer does not decide"
first=$(sql "SELECT cs.code FROM links l JOIN series cs ON cs.id = l.child_series_id JOIN units u ON u.id = cs.unit_id WHERE l.state = 'proposed' AND u.code = 'C' ORDER BY cs.code LIMIT 1")
[ "$(curl -s -b "$tmp/jar.tinh" -o "$tmp/page" -w '%{http_code}' --data-urlencode "csrf=$(cat "$tmp/csrf.tinh")" \
	--data-urlencode unit=C --data-urlencode "indicator=$first" --data-urlencode action=reject "$base/don-vi/P/doi-chieu")" = 200 ] &&
	grep -q "Đã bác" "$tmp/page" && ok || bad "reject on the page: $(grep -o 'role="status">[^<]*' "$tmp/page")"
[ "$(sql "SELECT l.state FROM links l JOIN series cs ON cs.id = l.child_series_id JOIN units u ON u.id = cs.unit_id WHERE u.code = 'C' AND cs.code = '$first'")" = rejected ] &&
	ok || bad "the page's rejection is stored"

# The page points a proposal to another indicator ("set"): an incompatible
# one is refused with the reason (422), nothing changes; and the button that
# confirms every sure proposal at once answers with how many it confirmed.
second=$(sql "SELECT cs.code FROM links l JOIN series cs ON cs.id = l.child_series_id JOIN units u ON u.id = cs.unit_id WHERE l.state = 'proposed' AND u.code = 'C' ORDER BY cs.code LIMIT 1")
if [ -n "$second" ]; then
	before=$(sql "SELECT count(*) FROM links WHERE state = 'confirmed'")
	[ "$(curl -s -b "$tmp/jar.tinh" -o "$tmp/page" -w '%{http_code}' --data-urlencode "csrf=$(cat "$tmp/csrf.tinh")" \
		--data-urlencode unit=C --data-urlencode "indicator=$second" --data-urlencode parent_indicator=I.1 \
		--data-urlencode action=set "$base/don-vi/P/doi-chieu")" = 422 ] &&
		grep -q "không cộng được" "$tmp/page" && ok || bad "set to an incompatible indicator on the page: $(grep -o 'role="status">[^<]*' "$tmp/page")"
	[ "$(sql "SELECT count(*) FROM links WHERE state = 'confirmed'")" = "$before" ] && ok || bad "a refused set changed the links"
fi
grep -q 'value="all_sure"' "$tmp/page" && ok || bad "no button to confirm the sure proposals"
[ "$(curl -s -b "$tmp/jar.tinh" -o "$tmp/page" -w '%{http_code}' --data-urlencode "csrf=$(cat "$tmp/csrf.tinh")" \
	--data-urlencode action=all_sure "$base/don-vi/P/doi-chieu")" = 200 ] &&
	grep -q "Đã xác nhận [0-9]* liên kết chắc chắn" "$tmp/page" && ok || bad "confirm the sure ones on the page: $(grep -o 'role="status">[^<]*' "$tmp/page")"

# Dump and restore keep the links.
run dump 0 dump "$tmp/d.json"
jq -e '.tables.links.rows | length > 0' "$tmp/d.json" > /dev/null && ok || bad "links in the dump"
if [ "$backend" = sqlite ]; then
	run restore 0 restore "$tmp/d.json" --db "$tmp/r.db"
	[ "$(sqlite3 "$tmp/r.db" "SELECT count(*) FROM links")" = "$(sql "SELECT count(*) FROM links")" ] && ok || bad "links restored"
fi
finish store_links
