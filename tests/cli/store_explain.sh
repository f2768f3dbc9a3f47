#!/usr/bin/env bash
# store_explain.sh (issue 13): on PostgreSQL, the queries the store layer
# runs for status, summary, roll-up, rank, series, observations, submit and
# record use an index on every large table: a province of 3 communes is
# built with the CLI and a national store around it (400 more communes,
# 20,000 series and indicators, 80,000 figures and history rows) in SQL,
# analysed, then each command runs with auto_explain sending the plan of
# every statement it executes to the client; a Seq Scan of a table of more
# than 5,000 rows fails the test, naming the query. SQLite has no
# auto_explain: there the test says so and checks nothing.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
use_db
if [ "$backend" != postgresql ]; then
	echo "store_explain: PostgreSQL only (run under tests/pg/with-pg.sh); nothing to check on SQLite"
	finish store_explain
	exit
fi
plan=$data/plans/004_5f0b3916b5e2f87f.txt
{
	echo "code,name,kind,parent,population"
	echo "P,Tỉnh,province,,1000000"
	echo "Q,Tỉnh khác,province,,1000000"
	for i in $(seq -w 1 3); do echo "C00$i,Xã $i,commune,P,$((1000 + 10#$i))"; done
} > "$tmp/units.csv"
{
	echo "unit,file"
	for i in $(seq -w 1 3); do echo "C00$i,$plan"; done
	echo "P,$plan"
} > "$tmp/plans.csv"
run units 0 unit import "$tmp/units.csv"
run plans 0 import --list "$tmp/plans.csv"
codes=$("$bin" parse "$plan" | jq -r '.plan.indicators[] |
	select([.targets[]?.kind] - ["number","none","range"] | length == 0) | .code' | head -56)
{
	echo "unit,indicator,period,value"
	for i in 1 2 3; do
		for c in $codes; do for q in 1 2 3 4; do echo "C00$i,$c,2025-Q$q,$(((i + q) % 90))"; done; done
	done
} > "$tmp/obs.csv"
run record 0 record --csv "$tmp/obs.csv"
run propose 0 link propose --unit P
run confirm 0 link confirm --unit P --all-sure
awk -F, 'NR == 1 || NR % 2 == 0 {if (NR > 1) $4 = $4 + 1; print}' OFS=, "$tmp/obs.csv" > "$tmp/obs2.csv"
run record-again 0 record --csv "$tmp/obs2.csv"
# The rest of a national store, as the CLI would have stored it, made in
# SQL for speed: 400 communes of another province, each with a plan of 50
# indicators (5 targets, an agency each: one content shared by the 400,
# schema 13), 4 figures an indicator and a history row for each figure,
# and 80,000 links from their series to the province's.
sql "INSERT INTO units (code, name, kind, parent_id, population, created_at)
	SELECT 'F' || g, 'Xã F' || g, 'commune', (SELECT id FROM units WHERE code = 'Q'), 1000, '2025-01-01T00:00:00Z'
	FROM generate_series(1, 400) g;
INSERT INTO plans (unit_id, version, imported_at, imported_by, doc_hash)
	SELECT id, 1, '2025-01-01T00:00:00Z', 'sql', (SELECT doc_hash FROM plans LIMIT 1) FROM units WHERE code LIKE 'F%';
INSERT INTO series (unit_id, code) SELECT u.id, 'X.' || g FROM units u, generate_series(1, 50) g WHERE u.code LIKE 'F%';
INSERT INTO agency_names (name, folded) VALUES ('UBND', 'ubnd') ON CONFLICT DO NOTHING;
INSERT INTO unit_agencies (unit_id, name_id) SELECT id, (SELECT id FROM agency_names WHERE name = 'UBND' AND folded = 'ubnd') FROM units WHERE code LIKE 'F%';
INSERT INTO plan_contents (hash) VALUES ('sql-x');
INSERT INTO content_indicators (content_id, code, group_code, name, lead)
	SELECT (SELECT id FROM plan_contents WHERE hash = 'sql-x'), 'X.' || g, 'X', 'Chỉ tiêu X.' || g, 'ubnd' FROM generate_series(1, 50) g;
INSERT INTO content_targets (indicator_id, year, kind, text, op, value)
	SELECT c.id, y, 'number', '>= 50', '>=', 50 FROM content_indicators c, generate_series(2025, 2045, 5) y WHERE c.code LIKE 'X.%';
INSERT INTO content_agencies (indicator_id, folded, role) SELECT id, 'ubnd', 'lead' FROM content_indicators WHERE code LIKE 'X.%';
UPDATE plans SET content_id = (SELECT id FROM plan_contents WHERE hash = 'sql-x') WHERE unit_id IN (SELECT id FROM units WHERE code LIKE 'F%');
INSERT INTO plan_indicators (plan_id, indicator_id, series_id)
	SELECT p.id, c.id, s.id FROM series s JOIN plans p ON p.unit_id = s.unit_id JOIN content_indicators c ON c.content_id = p.content_id AND c.code = s.code WHERE s.code LIKE 'X.%';
INSERT INTO entries (recorded_by, recorded_at) VALUES ('sql', '2025-01-01T00:00:00Z');
INSERT INTO figures (series_id, period, value, status, version, entry_id)
	SELECT s.id, 202520 + q, q, 0, 2, (SELECT max(id) FROM entries) FROM series s, generate_series(1, 4) q WHERE s.code LIKE 'X.%';
INSERT INTO observation_history (observation_id, version, value, status, recorded_by, recorded_at, replaced_by, replaced_at)
	SELECT id, 1, 0, 'draft', 'sql', '2025-01-01T00:00:00Z', 'sql', '2025-01-01T00:00:00Z' FROM observations WHERE recorded_by = 'sql';
-- Q's series (2,000) and a confirmed link to one from each of its
-- communes', and three rejected proposals each (a national store has
-- 118,774 links, some 75 to a province's series; their texts kept once
-- since schema 14: link_whys, link_decisions; their states a code in
-- link_rows since schema 16: 1 confirmed, 2 rejected).
INSERT INTO series (unit_id, code) SELECT id, 'X.' || g FROM units, generate_series(1, 2000) g WHERE code = 'Q';
INSERT INTO link_whys (why) VALUES ('sql');
INSERT INTO link_decisions (decided_by, decided_at) VALUES ('sql', '2025-01-01T00:00:00Z');
INSERT INTO link_rows (child_series_id, parent_series_id, state, score, why_id, decision_id)
	SELECT c.id, q.id, CASE WHEN d = 0 THEN 1 ELSE 2 END, 1,
	(SELECT max(id) FROM link_whys), (SELECT max(id) FROM link_decisions)
	FROM series c JOIN units u ON u.id = c.unit_id CROSS JOIN generate_series(0, 3) d
	JOIN series q ON q.unit_id = (SELECT id FROM units WHERE code = 'Q')
	AND q.code = 'X.' || ((c.id + 400 * d) % 2000 + 1) WHERE u.code LIKE 'F%';" > /dev/null
sql "VACUUM ANALYZE" > /dev/null
sql "select relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
	where n.nspname = current_schema() and c.relkind = 'r' and c.reltuples > 5000 order by 1" > "$tmp/large"
grep -qx figures "$tmp/large" && grep -qx series "$tmp/large" && grep -qx link_rows "$tmp/large" && ok || bad "the store is not large: $(tr '\n' ' ' < "$tmp/large")"

# explained NAME ARGS...: runs chitieu ARGS with every plan sent as a
# warning; each Seq Scan of a large table is a failure naming the query.
explained() {
	local name=$1
	shift
	PGOPTIONS="-c session_preload_libraries=auto_explain -c auto_explain.log_min_duration=0 -c auto_explain.log_level=warning -c auto_explain.log_nested_statements=on" \
		timeout 120 "$bin" "$@" > "$tmp/out" 2> "$tmp/plans"
	local rc=$?
	[ "$rc" -eq 0 ] && ok || bad "$name: exit $rc: $(grep -v '^WARNING\|^ \|^Query\|^[A-Z][a-z]' "$tmp/plans" | head -c 300)"
	local n
	n=$(grep -c '^Query Text:' "$tmp/plans")
	[ "$n" -gt 0 ] && ok || bad "$name: no plan came back (auto_explain not loaded?)"
	awk -v large="$(tr '\n' ' ' < "$tmp/large")" -v name="$name" '
		BEGIN { split(large, l, " "); for (i in l) big[l[i]] = 1 }
		/^Query Text:/ { q = substr($0, 13, 160) }
		/Seq Scan on / { for (i = 1; i < NF; i++) if ($i == "on" && $(i + 1) in big) print name ": Seq Scan on " $(i + 1) " in:" q }
	' "$tmp/plans" | sort -u > "$tmp/seq"
	if [ -s "$tmp/seq" ]; then
		bad "$(cat "$tmp/seq")"
	else
		ok
	fi
	echo "$name: $n statements explained, $(grep -c 'Index' "$tmp/plans") index steps"
}
code=$(echo "$codes" | head -1)
explained status status --unit C002 --period 2025-Q4
explained summary summary --unit C002 --period 2025-Q4
explained rollup rollup --unit P --period 2025-Q4
explained rank rank --unit P --period 2025-Q4
explained series series --unit P --indicator "$code" --format csv
explained observations observations --unit C002
explained submit submit --unit C002 --period 2025-Q2 --all
explained record-one record --unit C002 --indicator "$code" --period 2025-Q4 --value 42
printf 'unit,indicator,period,value\nC003,%s,2025-Q4,41\nC001,%s,2025-Q1,40\n' "$code" "$code" > "$tmp/few.csv"
explained record-csv record --csv "$tmp/few.csv"
# The links (schema 14: their texts in link_whys and link_decisions):
# the statements that write them. (link list, not among them: PostgreSQL
# joins a province's series to every link by hash at this size, as it
# did before schema 14.)
explained link-reject link reject --unit C001 --indicator "$code"
explained link-confirm link confirm --unit C001 --indicator "$code" --parent-indicator "$code"
explained link-propose link propose --unit P
finish store_explain
