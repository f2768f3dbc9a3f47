#!/usr/bin/env bash
# store_migrate17.sh (issue 13, storage: schema 17): a schema-16 store made
# by chitieu at e0ffa66 (tests/data/schema16, made by its make.sh: a
# province and three communes on two real plans, one commune's second
# version on another plan, agencies, figures, links proposed, confirmed
# and rejected) opened by this binary:
# 1. it migrates to schema 17: on PostgreSQL the keys that a unit's and a
#    plan version's rows come to in key order pack their pages (fillfactor
#    100: the primary keys of series, plan_indicators, unit_agencies,
#    plans, units, audit and link_rows; plan_indicators' (plan, indicator)
#    and series index; unit_agencies' (unit, name); plans' (unit,
#    version)), the keys on codes and the links' other keys left at
#    btree's default; on SQLite the store is the same but for its number;
# 2. every reader prints what the old binary printed on it, byte for byte
#    (tests/data/schema15/readers.bash: plans, show, status, summary,
#    observations, tasks, rollup, rank, series, link list of each state,
#    audit), and its dump equals the old binary's dump but for the schema
#    number;
# 3. a plan version and figures written on the migrated store read back;
#    its dump restored into an empty store (whose keys are made full too)
#    and dumped again: the same.
# On SQLite or on the PostgreSQL server named by $CHITIEU_TEST_DB_URL.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
use_db
migrate_load "$data/schema16" 16
# keys: TABLE:KEY=OPTIONS of every index of the per-unit tables (KEY "pkey"
# for a primary key, else the index's columns), one a line, sorted.
keys() {
	sql "SELECT t.relname || ':' || CASE WHEN i.indisprimary THEN 'pkey' ELSE
		(SELECT string_agg(a.attname, ',' ORDER BY k.n) FROM unnest(i.indkey) WITH ORDINALITY k(att, n)
		JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.att) END ||
		CASE WHEN i.indpred IS NULL THEN '' ELSE '(partial)' END || '=' ||
		coalesce(array_to_string(c.reloptions, ','), '-') FROM pg_index i
		JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
		JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = current_schema()
		AND t.relname IN ('series', 'plan_indicators', 'unit_agencies', 'plans', 'units', 'audit', 'link_rows')
		ORDER BY 1"
}
full='audit:pkey=fillfactor=100
link_rows:child_series_id(partial)=-
link_rows:child_series_id,parent_series_id=-
link_rows:parent_series_id=-
link_rows:pkey=fillfactor=100
plan_indicators:pkey=fillfactor=100
plan_indicators:plan_id,indicator_id=fillfactor=100
plan_indicators:series_id=fillfactor=100
plans:pkey=fillfactor=100
plans:unit_id,version=fillfactor=100
series:pkey=fillfactor=100
series:unit_id,code=-
unit_agencies:pkey=fillfactor=100
unit_agencies:unit_id,name_id=fillfactor=100
units:code=-
units:parent_id=-
units:pkey=fillfactor=100'

# ---- 2. the readers (the first opens and migrates the store) -----------------------
migrate_readers 23 "$data/schema15/readers.bash"

# ---- 1. migrated ------------------------------------------------------------------------
now=$(count "SELECT value FROM meta WHERE key = 'schema'")
[ "$now" -ge 17 ] && ok || bad "schema after opening: $now"
if [ "$backend" = postgresql ]; then
	got=$(keys)
	[ "$got" = "$full" ] && ok || bad "the per-unit keys after migration: $(diff <(echo "$full") <(echo "$got") | head -12)"
else
	[ "$(count "PRAGMA integrity_check")" = ok ] && ok || bad "integrity check: $(count "PRAGMA integrity_check" | head -3)"
fi
migrate_dump

# ---- 3. writes; restore, dump ----------------------------------------------------------
run import 0 import "$data/plans/001_"*.txt --unit A --confirm
run plans-after 0 plans
grep -q "^#$(count "SELECT max(id) FROM plans") .* A  *v2 " "$tmp/out" && ok || bad "the new plan version is not listed: $(tail -3 "$tmp/out")"
c=$("$bin" parse "$data/plans/001_"*.txt | jq -r '[.plan.indicators[] | select([.targets[]?.kind] - ["number","none","range"] | length == 0)][0].code')
run record 0 record --unit A --indicator "$c" --period 2026-Q1 --value 42
run observations 0 observations --unit A
grep -q "2026-Q1" "$tmp/out" && ok || bad "the figure written after migration is not read: $(grep -c . "$tmp/out") lines"
run dump-a 0 dump "$tmp/a.json"
restore_again "$tmp/a.json"
if [ "$backend" = postgresql ]; then
	got=$(keys)
	[ "$got" = "$full" ] && ok || bad "the per-unit keys of a new store: $(diff <(echo "$full") <(echo "$got") | head -12)"
fi
finish store_migrate17
