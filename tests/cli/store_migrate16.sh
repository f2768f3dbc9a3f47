#!/usr/bin/env bash
# store_migrate16.sh (issue 13, storage: schema 16): a schema-15 store made
# by chitieu at 180de37 (tests/data/schema15, made by its make.sh: a
# province and three communes on two real plans, one commune's second
# version on another plan, agencies, figures, links proposed, confirmed
# and rejected) opened by this binary:
# 1. it migrates to the current schema: each link's state is a small code
#    in link_rows (no word stored), links a view showing the word, every
#    link kept with its id, state and score; on PostgreSQL the figures'
#    key packs its pages (fillfactor 100);
# 2. every reader prints what the old binary printed on it, byte for byte
#    (plans, show, status, summary, observations, tasks, rollup, rank,
#    series, link list of each state, audit), and its dump equals the old
#    binary's dump but for the schema number;
# 3. links written on the migrated store (a confirmed link rejected and
#    set again) read back as before, and a second confirmed link for one
#    child is still refused by the store; the dump restored into an empty
#    store, dumped again: the same.
# On SQLite or on the PostgreSQL server named by $CHITIEU_TEST_DB_URL.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
use_db
migrate_load "$data/schema15" 15
before=$(count "SELECT count(*) || '/' || sum(CASE state WHEN 'confirmed' THEN 1 ELSE 0 END) || '/' || sum(CASE state WHEN 'rejected' THEN 1 ELSE 0 END) FROM links")

# ---- 2. the readers (the first opens and migrates the store) -----------------------
migrate_readers 23

# ---- 1. migrated ------------------------------------------------------------------------
now=$(count "SELECT value FROM meta WHERE key = 'schema'")
[ "$now" -ge 16 ] && ok || bad "schema after opening: $now"
if [ "$backend" = sqlite ]; then
	types=$(count "SELECT group_concat(DISTINCT typeof(state)) FROM link_rows" 2> /dev/null)
	kind=$(count "SELECT type FROM sqlite_master WHERE name = 'links'")
else
	types=$(count "SELECT data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'link_rows' AND column_name = 'state'" 2> /dev/null)
	kind=$(count "SELECT CASE relkind WHEN 'v' THEN 'view' ELSE 'table' END FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND relname = 'links'")
fi
case "$types" in integer | smallint) ok ;; *) bad "link_rows.state stored as: ${types:-no table link_rows}" ;; esac
[ "$kind" = view ] && ok || bad "links is a $kind, not a view"
after=$(count "SELECT count(*) || '/' || sum(CASE state WHEN 'confirmed' THEN 1 ELSE 0 END) || '/' || sum(CASE state WHEN 'rejected' THEN 1 ELSE 0 END) FROM links")
[ "$after" = "$before" ] && [ "${before%%/*}" -gt 100 ] && ok || bad "links (all/confirmed/rejected): $after, was $before"
[ "$(count "SELECT count(*) FROM link_rows WHERE state NOT IN (0, 1, 2)" 2> /dev/null)" = 0 ] && ok || bad "states outside the codes"
# PostgreSQL: the figures' key fills its pages (fillfactor 100).
if [ "$backend" = postgresql ]; then
	ff=$(count "SELECT array_to_string(reloptions, ',') FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND relname = 'figures_pkey'")
	[ "$ff" = fillfactor=100 ] && ok || bad "figures_pkey options: '$ff'"
fi

migrate_dump

# ---- 3. writes; restore, dump ----------------------------------------------------------
run list 0 link list --unit P --state confirmed --format json
c=$(jq -r '[.links[] | select(.unit == "B")][0].indicator' "$tmp/out")
p=$(jq -r '[.links[] | select(.unit == "B")][0].parent_indicator' "$tmp/out")
run reject 0 link reject --unit B --indicator "$c"
run list-rejected 0 link list --unit P --state rejected --format json
jq -e --arg c "$c" '[.links[] | select(.unit == "B" and .indicator == $c)] | length == 1' "$tmp/out" > /dev/null && ok || bad "the rejected link is not listed as rejected"
run set 0 link confirm --unit B --indicator "$c" --parent-indicator "$p"
run list-again 0 link list --unit P --state confirmed --format json
jq -e --arg c "$c" '[.links[] | select(.unit == "B" and .indicator == $c)] | length == 1' "$tmp/out" > /dev/null && ok || bad "the link confirmed again is not listed as confirmed"
# A second confirmed link for a child that has one: refused (the same row
# as proposed is taken, then removed).
second() {
	sql "INSERT INTO link_rows (child_series_id, parent_series_id, state, score, decision_id)
		SELECT l.child_series_id, (SELECT min(s.id) FROM series s WHERE s.id NOT IN
		(SELECT x.parent_series_id FROM links x WHERE x.child_series_id = l.child_series_id)),
		$1, 0.5, l.decision_id FROM links l WHERE l.state = 'confirmed' ORDER BY l.id LIMIT 1"
}
if second 1 > /dev/null 2>&1; then bad "a second confirmed link for one child was stored"; else ok; fi
n0=$(count "SELECT count(*) FROM links")
second 0 > /dev/null 2>&1 && [ "$(count "SELECT count(*) FROM links")" = $((n0 + 1)) ] && ok || bad "the same link as proposed was refused too"
sql "DELETE FROM link_rows WHERE id = (SELECT max(id) FROM link_rows)" > /dev/null
run dump-a 0 dump "$tmp/a.json"
restore_again "$tmp/a.json"
run list-restored 0 link list --unit P --state confirmed --format json
jq -e --arg c "$c" '[.links[] | select(.unit == "B" and .indicator == $c)] | length == 1' "$tmp/out" > /dev/null && ok || bad "the restored store lost the confirmed link"
finish store_migrate16
