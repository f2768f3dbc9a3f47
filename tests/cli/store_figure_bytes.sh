#!/usr/bin/env bash
# store_figure_bytes.sh (issue 13, storage): what a stored figure costs and
# that the compact layouts of schemas 11 and 12 (src/store/figures.h) lose
# nothing.
# 1. The marginal bytes of a figure (store size after 9,600 more figures,
#    less before, / 9,600; SQLite: the file after VACUUM; PostgreSQL: every
#    table with its indexes and TOAST after VACUUM FULL), history at one
#    version: ≤ 40 B on SQLite and ≤ 80 B on PostgreSQL (issue 13's goals).
#    Schema 10 took 83 B and 172 B; schema 11 31 B and 100 B; schema 12
#    (the period's code, the rare fields in figure_extras) 27 B and 74 B;
#    schema 16 (PostgreSQL: the key's pages filled) 72.5 B there, asserted
#    ≤ 73.5 B (the schema-15 binary takes 74.2 B).
# 2. A schema-10 store made by chitieu at 301cac6 (tests/data/schema10) and
#    a schema-11 store made by chitieu at 29355ee (tests/data/schema11: also
#    a yes, a level, a ratio, a half-year and a nine-month figure), each made
#    by its make.sh, opened by this one: its dump equals the old binary's
#    dump of it, every figure with its value, status, version, who and when,
#    its history and the audit rows naming it (by the figure's unit,
#    indicator and period: ids are renumbered), and the inbox's read mark of
#    a returned figure still names it.
# 3. That dump restored into an empty store (an older dump), and this
#    binary's own dump restored and dumped again: the same, byte for byte.
# On SQLite or on the PostgreSQL server named by $CHITIEU_TEST_DB_URL.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
use_db
# fresh: an empty store again.

# ---- 1. bytes per figure ------------------------------------------------------------
plan=$data/plans/004_5f0b3916b5e2f87f.txt
codes=$("$bin" parse "$plan" | jq -r '.plan.indicators[] |
	select([.targets[]?.kind] - ["number","none","range"] | length == 0) | .code' | head -50)
{
	echo "code,name,kind,parent,population"
	echo "P,Tỉnh,province,,1000"
	for i in $(seq -w 1 16); do echo "C$i,Xã $i,commune,P,100"; done
} > "$tmp/units.csv"
run units 0 unit import "$tmp/units.csv"
for i in $(seq -w 1 16); do run "import-$i" 0 import "$plan" --unit "C$i" || break; done
# year Y: 16 communes x 50 indicators x 12 months, whole numbers and
# numbers with a decimal alternately.
year() {
	echo "unit,indicator,period,value"
	for i in $(seq -w 1 16); do
		k=0
		for c in $codes; do
			k=$((k + 1))
			for m in 01 02 03 04 05 06 07 08 09 10 11 12; do
				v=$(((10#$i * 7 + k * 3 + 10#$m * 13 + $1) % 100))
				[ $((k % 2)) = 0 ] && v="$v.$((10#$m % 10))"
				echo "C$i,$c,$1-$m,$v"
			done
		done
	done
}
year 2025 > "$tmp/y1.csv"
year 2026 > "$tmp/y2.csv"
rows=$(($(wc -l < "$tmp/y2.csv") - 1))
[ "$rows" -eq 9600 ] && ok || bad "the file has $rows rows, want 9600"
size() {
	if [ "$backend" = sqlite ]; then
		sqlite3 "$CHITIEU_DB" 'PRAGMA wal_checkpoint(TRUNCATE); VACUUM; PRAGMA wal_checkpoint(TRUNCATE);' > /dev/null
		stat -c %s "$CHITIEU_DB"
	else
		sql 'VACUUM FULL' > /dev/null
		sql "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n
			ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = 'r'"
	fi
}
run year-1 0 record --csv "$tmp/y1.csv"
s0=$(size)
run year-2 0 record --csv "$tmp/y2.csv"
s1=$(size)
[ "$(count "SELECT count(*) FROM observations")" -eq 19200 ] && ok || bad "figures stored: $(count "SELECT count(*) FROM observations")"
[ "$(count "SELECT count(*) FROM observation_history")" -eq 0 ] && ok || bad "history rows at one version"
per=$(((s1 - s0) * 10 / rows))
goal=400
[ "$backend" = postgresql ] && goal=735
echo "marginal bytes per figure on $backend: $((per / 10)).$((per % 10)) (asserted ≤ $((goal / 10)).$((goal % 10)))"
[ "$s1" -gt "$s0" ] && [ "$per" -le "$goal" ] && ok ||
	bad "a figure takes $((per / 10)).$((per % 10)) bytes ($s0 -> $s1 for $rows), want ≤ $((goal / 10)).$((goal % 10))"
# Identical figures again write nothing, not even an entry.
entries=$(count "SELECT count(*) FROM entries" 2> /dev/null)
run again 0 record --csv "$tmp/y2.csv"
[ "$(count "SELECT count(*) FROM entries" 2> /dev/null)" = "$entries" ] && [ -n "$entries" ] && ok ||
	bad "re-recording made an entry: $entries -> $(count "SELECT count(*) FROM entries" 2> /dev/null)"

# ---- 2. a schema-10 store migrated --------------------------------------------------
# norm: a dump with the figures' ids replaced by "series/period" wherever
# they appear (the history, the audit log), schema and backend left out.
norm() {
	jq -S 'def rows(t): .tables[t] as $x | [$x.rows[] | [$x.columns, .] | transpose | map({(.[0]): .[1]}) | add];
		(rows("observations") | map({key: (.id | tostring), value: "\(.series_id)/\(.period)"}) | from_entries) as $k |
		{figures: (rows("observations") | map(del(.id)) | sort_by(.series_id, .period)),
		 history: (rows("observation_history") | map(.observation_id = $k[.observation_id | tostring])),
		 audit: (rows("audit") | map(if .entity == "observation" and $k[.entity_id | tostring] then .entity_id = $k[.entity_id | tostring] else . end)),
		 rest: (.tables | del(.observations, .observation_history, .audit) |
			# (series.folded, never read, dropped by schema 14)
			.series |= ((.columns | index("folded")) as $i | if $i then
				{columns: (.columns | del(.[$i])), rows: (.rows | map(del(.[$i])))} else . end))}' "$1"
}
# migrated FROM FIGURES: sections 2 and 3 on tests/data/schemaFROM (a store
# of schema FROM holding FIGURES figures and 17 history rows).
migrated() {
	local from=$1 nfig=$2 old fix=$data/schema$1
	fresh
	if [ "$backend" = sqlite ]; then
		sqlite3 "$CHITIEU_DB" < "$fix/lite.sql"
		old=$fix/lite.json
	else
		psql -q "$CHITIEU_DB" -f "$fix/pg.sql" > /dev/null 2>&1
		old=$fix/pg.json
	fi
	[ "$(count "SELECT value FROM meta WHERE key = 'schema'")" = "$from" ] && ok || bad "schema $from: the fixture is not schema $from"
	run dump-migrated 0 dump "$tmp/m.json"
	[ "$(jq .schema "$tmp/m.json")" = "$(schema_now)" ] && ok || bad "schema $from: schema after opening: $(jq .schema "$tmp/m.json")"
	norm "$old" > "$tmp/old.norm"
	norm "$tmp/m.json" > "$tmp/m.norm"
	[ "$(jq '.figures | length' "$tmp/old.norm")" -eq "$nfig" ] && [ "$(jq '.history | length' "$tmp/old.norm")" -eq 17 ] && ok ||
		bad "schema $from: the fixture's figures and history"
	cmp -s "$tmp/old.norm" "$tmp/m.norm" && ok || bad "schema $from: the migrated store differs: $(diff "$tmp/old.norm" "$tmp/m.norm" | head -20)"
	# The rare fields (figure_extras since schema 12) and the rarer periods
	# are there: a note, evidence and a reviewer's comment on both
	# fixtures; a ratio, a yes, a level, a half-year and nine months on 11.
	[ "$(jq '[.figures[] | select(.note != null and .evidence != null)] | length' "$tmp/m.norm")" -ge 40 ] &&
		[ "$(jq '[.figures[] | select(.review != null)] | length' "$tmp/m.norm")" -ge 1 ] && ok ||
		bad "schema $from: notes, evidence or the review missing"
	if [ "$from" = 11 ]; then
		[ "$(jq -c '[.figures[] | select(.num == 3 and .den == 7 and .period == "2025-H1")] | length' "$tmp/m.norm")" = 1 ] &&
			[ "$(jq -c '[.figures[] | select(.yes == 1 and .period == "2025-Q2")] | length' "$tmp/m.norm")" = 1 ] &&
			[ "$(jq -c '[.figures[] | select(.level == "Khá" and .note == "tự đánh giá")] | length' "$tmp/m.norm")" = 1 ] &&
			[ "$(jq -c '[.figures[] | select(.value == 0.1 and .period == "2025-9M")] | length' "$tmp/m.norm")" = 1 ] && ok ||
			bad "schema $from: the ratio, yes, level or nine-month figure: $(jq -c '[.figures[] | select(.period | test("Q2|H1|9M"))]' "$tmp/m.norm")"
	fi
	# Every history row and audit row about a figure still names one.
	[ "$(jq '[.history[] | select(.observation_id == null)] | length' "$tmp/m.norm")" = 0 ] && ok || bad "schema $from: history rows lost their figure"
	[ "$(jq '[.audit[] | select(.entity == "observation" and (.action != "record") and (.entity_id | type) != "string")] | length' "$tmp/m.norm")" = 0 ] &&
		[ "$(jq '[.audit[] | select(.entity == "observation" and (.entity_id | type) == "string")] | length' "$tmp/m.norm")" -ge 10 ] && ok ||
		bad "schema $from: audit rows lost their figure: $(jq -c '[.audit[] | select(.entity == "observation")]' "$tmp/m.norm" | head -c 600)"
	# The figure changed twice: its history through the CLI, oldest first.
	run history 0 observations --unit A --period 2025-03
	grep -q "13" "$tmp/out" && grep -q nhap2 "$tmp/out" && ok || bad "schema $from: the current figure: $(cat "$tmp/out")"
	# The inbox's read mark follows the returned figure's new id.
	ret=$(jq -r 'def rows(t): .tables[t] as $x | [$x.rows[] | [$x.columns, .] | transpose | map({(.[0]): .[1]}) | add];
		[rows("audit")[] | select(.action == "return")][0] | "ret:\(.entity_id):\(.at)"' "$tmp/m.json")
	[ "$(count "SELECT count(*) FROM inbox_read WHERE msg = '$ret'")" = 1 ] && ok ||
		bad "schema $from: the read mark: $(count "SELECT msg FROM inbox_read"), want $ret"
	# A write after the migration: history of a migrated figure, a new entry.
	run change 0 record --unit A --indicator I.1 --period 2025-03 --value 14 --by nhap3 --reason "lần ba"
	[ "$(count "SELECT count(*) FROM observation_history h JOIN observations o ON o.id = h.observation_id
		JOIN series s ON s.id = o.series_id JOIN units u ON u.id = s.unit_id
		WHERE u.code = 'A' AND s.code = 'I.1' AND o.period = '2025-03'")" = 2 ] && ok || bad "schema $from: the history of a migrated figure"
	[ "$(count "SELECT recorded_by || ' ' || version FROM observations o JOIN series s ON s.id = o.series_id
		JOIN units u ON u.id = s.unit_id WHERE u.code = 'A' AND s.code = 'I.1' AND o.period = '2025-03'")" = "nhap3 3" ] && ok ||
		bad "schema $from: the figure after a change"

	# ---- 3. restores --------------------------------------------------------------------
	# The old binary's dump (schema $from) into an empty store.
	fresh
	run restore-old 0 restore "$old"
	run dump-restored 0 dump "$tmp/r.json"
	norm "$tmp/r.json" > "$tmp/r.norm"
	cmp -s "$tmp/old.norm" "$tmp/r.norm" && ok || bad "schema $from: the restored old dump differs: $(diff "$tmp/old.norm" "$tmp/r.norm" | head -20)"
	# This binary's dump, restored and dumped again: the same.
	fresh
	run restore-new 0 restore "$tmp/r.json"
	run dump-again 0 dump "$tmp/r2.json"
	cmp -s <(jq -S . "$tmp/r.json") <(jq -S . "$tmp/r2.json") && ok ||
		bad "schema $from: a round trip differs: $(diff <(jq -S . "$tmp/r.json") <(jq -S . "$tmp/r2.json") | head -20)"
	# The restored store takes writes: an approved figure stays locked.
	run locked 2 record --unit B --indicator I.2 --period 2025-Q1 --value 1 --by nhap1
	# The returned figure taken back and submitted again: its comment
	# cleared, and figure_extras keeps no empty row.
	run reopen-returned 0 record --unit A --indicator I.2 --period 2025-01 --value 5 --by nhap1
	run resubmit 0 submit --unit A --period 2025-01 --indicator I.2 --by nhap1
	[ "$(count "SELECT count(*) FROM observations o JOIN series s ON s.id = o.series_id JOIN units u ON u.id = s.unit_id
		WHERE u.code = 'A' AND s.code = 'I.2' AND o.period = '2025-01' AND o.status = 'submitted' AND o.review IS NULL")" = 1 ] && ok ||
		bad "schema $from: the resubmitted figure: $(count "SELECT status || ' ' || coalesce(review, '-') FROM observations o JOIN series s ON s.id = o.series_id WHERE s.code = 'I.2' AND o.period = '2025-01'")"
	[ "$(count "SELECT count(*) FROM figure_extras WHERE num IS NULL AND den IS NULL AND note IS NULL AND evidence IS NULL AND review IS NULL")" = 0 ] && ok ||
		bad "schema $from: empty rows in figure_extras"
}
migrated 10 49
migrated 11 53
finish store_figure_bytes
