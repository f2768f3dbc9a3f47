#!/usr/bin/env bash
# store_unit_bytes.sh (issue 13, storage: what is left per unit, schemas 14-17):
# a province and 24 communes on one plan (004), the links proposed and the
# sure ones confirmed, four quarterly figures an indicator, as the national
# store has them. Checks:
# 1. A link's texts are stored once: link_whys holds each distinct text once
#    (fewer rows than links by far), the links table has no text column,
#    and link list still shows every link's why, author and time.
# 2. series keeps no folded name (never read), and the plan rows stay
#    shared: one content for the 25 units.
# 3. The bytes a commune costs beyond its figures (the store with 24
#    communes less the store with 12, / 12, figure tables left out; SQLite:
#    the file after VACUUM; PostgreSQL: every table with its indexes after
#    VACUUM FULL) under a bound: schema 13 took 31,744 B (SQLite) and
#    53,248 B (PostgreSQL) a commune of 56 numeric indicators (84 links);
#    schema 14 12,288 B and 34,133 B; schema 15 10,922 B and 27,989 B;
#    schema 16 (a link's state a code) 10,240 B and 27,306 B; schema 17
#    (PostgreSQL: the per-unit keys' pages filled) 24,576 B there, asserted
#    ≤ 25,000 (SQLite counts whole 4 kB pages: 341 B a commune here,
#    PostgreSQL 8 kB: 683 B).
#    Whole store bytes per figure printed beside it.
# 5. (schema 15) A unit's agencies name shared rows: agency_names holds
#    each distinct (name, key) once, far fewer than the units' agencies,
#    and the agencies of the plan show as before (agencies, lead_id); on
#    PostgreSQL the per-unit tables' ids are 4-byte integers.
# 6. (schema 16) A link's state is stored as a small code: link_rows holds
#    no state word, and links (the view readers use) shows the words.
# 4. Dump, restore into an empty store, dump: the same, byte for byte; the
#    restored store proposes and rejects links as before.
# On SQLite or on the PostgreSQL server named by $CHITIEU_TEST_DB_URL.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
use_db
plan=$data/plans/004_5f0b3916b5e2f87f.txt
# (the indicators whose figures are numbers)
codes=$("$bin" parse "$plan" | jq -r '.plan.indicators[] |
	select([.targets[]?.kind] - ["number","none","range"] | length == 0) | .code')

# size: the store's bytes (all tables and indexes), and the figure tables'
# (figures, figure_extras, history, entries) after compaction: "ALL FIG".
size() {
	if [ "$backend" = sqlite ]; then
		sqlite3 "$CHITIEU_DB" 'PRAGMA wal_checkpoint(TRUNCATE); VACUUM; PRAGMA wal_checkpoint(TRUNCATE);' > /dev/null
		echo "$(stat -c %s "$CHITIEU_DB") $(sqlite3 "$CHITIEU_DB" "SELECT sum(pgsize) FROM dbstat
			WHERE name IN ('figures', 'figure_extras', 'sqlite_autoindex_figure_extras_1',
			'observation_history', 'history_observation', 'entries')")"
	else
		sql 'VACUUM FULL' > /dev/null
		sql "SELECT sum(pg_total_relation_size(c.oid)) || ' ' || sum(CASE WHEN c.relname IN
			('figures', 'figure_extras', 'observation_history', 'entries')
			THEN pg_total_relation_size(c.oid) ELSE 0 END) FROM pg_class c JOIN pg_namespace n
			ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = 'r'"
	fi
}

# build N: a fresh store of the province P and N communes.
build() {
	local n=$1 i c q k
	use_db
	[ "$backend" = sqlite ] && rm -f "$CHITIEU_DB" "$CHITIEU_DB-wal" "$CHITIEU_DB-shm"
	{
		echo "code,name,kind,parent,population"
		echo "P,Tỉnh,province,,1000000"
		for i in $(seq -w 1 "$n"); do echo "C$i,Xã $i,commune,P,$((1000 + 10#$i))"; done
	} > "$tmp/units.csv"
	{
		echo "unit,file"
		echo "P,$plan"
		for i in $(seq -w 1 "$n"); do echo "C$i,$plan"; done
	} > "$tmp/plans.csv"
	{
		echo "unit,indicator,period,value"
		for i in $(seq -w 1 "$n"); do
			k=0
			for c in $codes; do
				k=$((k + 1))
				for q in 1 2 3 4; do echo "C$i,$c,2025-Q$q,$(((10#$i * 7 + k * 3 + q) % 90))"; done
			done
		done
	} > "$tmp/obs.csv"
	run "units-$n" 0 unit import "$tmp/units.csv" &&
		run "plans-$n" 0 import --list "$tmp/plans.csv" &&
		run "propose-$n" 0 link propose --unit P &&
		run "confirm-$n" 0 link confirm --unit P --all-sure &&
		run "record-$n" 0 record --csv "$tmp/obs.csv"
}

build 12
read -r all12 fig12 <<< "$(size)"
build 24
nfig=$(count "SELECT count(*) FROM observations")
nind=$(echo "$codes" | wc -l)
[ "$nfig" -eq $((24 * nind * 4)) ] && ok || bad "figures stored: $nfig, want $((24 * nind * 4))"
nlinks=$(count "SELECT count(*) FROM links")
[ "$nlinks" -ge $((24 * 40)) ] && ok || bad "links made: $nlinks"

# ---- 1. a link's texts stored once ---------------------------------------------------
whys=$(count "SELECT count(*) FROM link_whys" 2> /dev/null)
distinct=$(count "SELECT count(DISTINCT why) FROM link_whys" 2> /dev/null)
[ -n "$whys" ] && [ "$whys" = "$distinct" ] && [ "$whys" -gt 0 ] && [ "$((whys * 10))" -lt "$nlinks" ] && ok ||
	bad "link texts: ${whys:-no table link_whys} rows ($distinct distinct) for $nlinks links"
decisions=$(count "SELECT count(*) FROM link_decisions" 2> /dev/null)
[ -n "$decisions" ] && [ "$decisions" -le 50 ] && ok || bad "link decisions: ${decisions:-no table link_decisions} for $nlinks links"
if [ "$backend" = sqlite ]; then
	lcols=$(sqlite3 "$CHITIEU_DB" "SELECT group_concat(name, ',') FROM pragma_table_info('links')")
	scols=$(sqlite3 "$CHITIEU_DB" "SELECT group_concat(name, ',') FROM pragma_table_info('series')")
else
	lcols=$(sql "SELECT string_agg(column_name, ',' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'links'")
	scols=$(sql "SELECT string_agg(column_name, ',' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'series'")
fi
case ",$lcols," in *,why,* | *,decided_by,* | *,decided_at,*) bad "links keeps its texts per row: $lcols" ;; *) ok ;; esac
# ---- 2. no folded name per series; one content ---------------------------------------
case ",$scols," in *,folded,*) bad "series keeps a folded name: $scols" ;; *) ok ;; esac
[ "$(count "SELECT count(*) FROM plan_contents")" = 1 ] && ok || bad "plan contents: $(count "SELECT count(*) FROM plan_contents"), want 1 for 25 units"
run list 0 link list --unit P --format json
jq -e --argjson n "$nlinks" '.links | length == $n and all(.[]; (.why | length > 0) and .by == "cli" and (.at | test("^20[0-9-]+T")))' "$tmp/out" > /dev/null 2>&1 &&
	ok || bad "link list: $(jq -c '.links[0]' "$tmp/out" 2> /dev/null | head -c 400)"
cp "$tmp/out" "$tmp/list-before"

# ---- 3. bytes a commune costs beyond its figures ------------------------------------
read -r all24 fig24 <<< "$(size)"
per_unit=$(((all24 - fig24 - all12 + fig12) / 12))
per_fig=$((all24 * 10 / nfig))
fig_only=$((fig24 * 10 / nfig))
goal=10600
[ "$backend" = postgresql ] && goal=25000
echo "store_unit_bytes on $backend: a commune of $nind indicators costs $per_unit B beyond its figures (asserted ≤ $goal);" \
	"whole store $((per_fig / 10)).$((per_fig % 10)) B a figure, figure tables $((fig_only / 10)).$((fig_only % 10)) B a figure ($nfig figures)"
[ "$per_unit" -gt 0 ] && [ "$per_unit" -le "$goal" ] && ok ||
	bad "a commune costs $per_unit B beyond its figures ($all12/$fig12 -> $all24/$fig24), want ≤ $goal"

# ---- 5. agency names kept once; 4-byte ids on PostgreSQL ------------------------
nag=$(count "SELECT count(*) FROM agencies")
names=$(count "SELECT count(*) FROM agency_names" 2> /dev/null)
dnames=$(count "SELECT count(*) FROM (SELECT DISTINCT name, folded FROM agencies) d")
[ -n "$names" ] && [ "$names" = "$dnames" ] && [ "$nag" -ge 25 ] && [ "$((names * 10))" -le "$nag" ] && ok ||
	bad "agency names: ${names:-no table agency_names} rows ($dnames distinct) for $nag agencies"
[ "$(count "SELECT count(*) FROM (SELECT DISTINCT unit_id FROM agencies) d")" = 25 ] &&
	[ "$(count "SELECT count(*) FROM indicators i JOIN plans p ON p.id = i.plan_id
		JOIN agencies a ON a.id = i.lead_id WHERE a.unit_id <> p.unit_id")" = 0 ] &&
	[ "$(count "SELECT count(*) FROM indicators WHERE lead_id IS NOT NULL")" -gt 0 ] &&
	ok || bad "the agencies of each unit's plan are not its own"
if [ "$backend" = postgresql ]; then
	wide=$(sql "SELECT string_agg(table_name || '.' || column_name, ' ' ORDER BY 1) FROM information_schema.columns
		WHERE table_schema = current_schema() AND data_type = 'bigint' AND table_name IN
		('plan_indicators', 'series', 'links', 'link_rows', 'unit_agencies')")
	[ -z "$wide" ] && ok || bad "8-byte integers left in the per-unit tables: $wide"
fi

# ---- 6. a link's state a code -------------------------------------------------------
words=$(count "SELECT count(*) FROM link_rows WHERE CAST(state AS TEXT) IN ('proposed', 'confirmed', 'rejected')" 2> /dev/null)
codes=$(count "SELECT count(*) FROM link_rows WHERE state IN (0, 1, 2)" 2> /dev/null)
[ "$words" = 0 ] && [ "$codes" = "$nlinks" ] && ok || bad "link_rows: ${codes:-no table} coded states, ${words:-?} words, for $nlinks links"
[ "$(count "SELECT count(*) FROM links WHERE state IN ('proposed', 'confirmed')")" = "$nlinks" ] && ok || bad "the view links does not show the states' words"

# ---- 4. dump, restore, dump ---------------------------------------------------------
run dump 0 dump "$tmp/a.json"
[ "$(jq '.tables.links.rows | length' "$tmp/a.json")" = "$nlinks" ] &&
	[ "$(jq -c '.tables.links.columns' "$tmp/a.json")" = '["id","child_series_id","parent_series_id","state","score","why","decided_by","decided_at"]' ] &&
	ok || bad "the dump's links: $(jq -c '.tables.links.columns' "$tmp/a.json")"
restore_again "$tmp/a.json"
[ "$(count "SELECT count(*) FROM link_whys")" = "$whys" ] && ok || bad "restored link texts: $(count "SELECT count(*) FROM link_whys"), want $whys"
[ "$(count "SELECT count(*) FROM agency_names" 2> /dev/null)" = "$names" ] && ok || bad "restored agency names: $(count "SELECT count(*) FROM agency_names" 2> /dev/null), want $names"
run list-restored 0 link list --unit P --format json
cmp -s "$tmp/out" "$tmp/list-before" && ok || bad "link list after restore differs"
# Writes on the restored store: a link rejected then set, its texts kept.
c=$(jq -r '[.links[] | select(.unit == "C01" and .state == "confirmed")][0].indicator' "$tmp/out")
run reject 0 link reject --unit C01 --indicator "$c"
run confirm 0 link confirm --unit C01 --indicator "$c" --parent-indicator "$c"
run list-after 0 link list --unit P --format json
jq -e --arg c "$c" '[.links[] | select(.unit == "C01" and .indicator == $c)][0] | .state == "confirmed" and (.why | length > 0)' "$tmp/out" > /dev/null &&
	ok || bad "the link after reject and confirm: $(jq -c --arg c "$c" '[.links[] | select(.unit == "C01" and .indicator == $c)][0]' "$tmp/out")"
[ "$(count "SELECT count(*) FROM link_whys")" -le "$((whys + 1))" ] && ok || bad "a decision copied its text: $(count "SELECT count(*) FROM link_whys") rows"
finish store_unit_bytes
