#!/usr/bin/env bash
# store_migrate15.sh (issue 13, storage: schema 15): a schema-14 store made
# by chitieu at 7562e09 (tests/data/schema14, made by its make.sh: a
# province and three communes on two real plans, one commune's second
# version on another plan, agencies, figures, links proposed, confirmed
# and rejected) opened by this binary:
# 1. it migrates to the current schema, the agencies' names kept once
#    (agency_names far fewer than the agencies);
# 2. every reader prints what the old binary printed on it, byte for byte
#    (plans, show, status, summary, observations, tasks, rollup, rank,
#    series, link list, audit), and its dump equals the old binary's dump
#    but for the schema number;
# 3. that dump restored into an empty store, dumped again: the same; and
#    a plan imported for a new unit on the migrated store shares the
#    agencies' names (no new name row) and shows its agencies.
# On SQLite or on the PostgreSQL server named by $CHITIEU_TEST_DB_URL.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
use_db
migrate_load "$data/schema14" 14

# ---- 2. the readers (the first opens and migrates the store) -----------------------
migrate_readers 20

# ---- 1. migrated ------------------------------------------------------------------------
now=$(count "SELECT value FROM meta WHERE key = 'schema'")
[ "$now" -ge 15 ] && ok || bad "schema after opening: $now"
nag=$(count "SELECT count(*) FROM agencies")
names=$(count "SELECT count(*) FROM agency_names" 2> /dev/null)
[ "$nag" -gt 50 ] && [ -n "$names" ] && [ "$((names * 2))" -le "$nag" ] &&
	[ "$names" = "$(count "SELECT count(*) FROM (SELECT DISTINCT name, folded FROM agencies) d")" ] &&
	ok || bad "agency names: ${names:-no table agency_names} for $nag agencies"

migrate_dump

# ---- 3. restore, dump; a new unit's plan on the migrated store ----------------------
run unit-add 0 unit add --code D --name "Xã D" --kind commune --parent P
run import-d 0 import "$data/plans/004_5f0b3916b5e2f87f.txt" --unit D
[ "$(count "SELECT count(*) FROM agency_names" 2> /dev/null)" = "$names" ] && ok || bad "a plan named its agencies again: $(count "SELECT count(*) FROM agency_names") names, was $names"
da=$(count "SELECT count(*) FROM agencies a JOIN units u ON u.id = a.unit_id WHERE u.code = 'D'")
aa=$(count "SELECT count(*) FROM agencies a JOIN units u ON u.id = a.unit_id WHERE u.code = 'A'")
[ "$da" -gt 0 ] && [ "$da" = "$aa" ] && ok || bad "the new unit's agencies: $da, A has $aa"
run show-d 0 show "$(count "SELECT max(id) FROM plans")" --format json
jq -e '[.plan.indicators[] | select(.lead != null)] | length > 0' "$tmp/out" > /dev/null && ok || bad "the new plan shows no lead agency"
run dump-d 0 dump "$tmp/a.json"
restore_again "$tmp/a.json"
finish store_migrate15
