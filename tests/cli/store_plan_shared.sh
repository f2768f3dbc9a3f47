#!/usr/bin/env bash
# store_plan_shared.sh (issue 13, storage: "a plan document shared by many
# units is stored once"): a plan imported for many units keeps its parsed
# rows (indicators, their targets and agencies, tasks) once (schema 13,
# src/store/plancontent.c): importing it for more units adds no such row,
# while every unit still reads its own plan (the views indicators, targets,
# tasks and indicator_agencies, `show`, status, tasks). A unit that edits
# its plan gets its own content; the other units' plans are unchanged.
# Dump and restore keep it so. On SQLite or on the PostgreSQL server named
# by $CHITIEU_TEST_DB_URL.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
use_db
plan=$data/plans/001_5a02e85ee0dfd10c.txt
{
	echo "code,name,kind,parent,population"
	echo "P,Tỉnh,province,,1000"
	for u in A B C D E F G H; do echo "$u,Xã $u,commune,P,100"; done
} > "$tmp/units.csv"
run units 0 unit import "$tmp/units.csv"

# The stored rows of plan content: what must not grow with the units.
content_rows() {
	count "select (select count(*) from content_indicators) || ' ' ||
		(select count(*) from content_targets) || ' ' || (select count(*) from content_agencies)
		|| ' ' || (select count(*) from content_tasks)"
}
# A unit's plan as its readers see it: indicators with their targets and
# agencies, and its tasks (by code, no ids).
unit_rows() {
	sql "select i.code || '|' || i.name || '|' || coalesce(i.unit, '') || '|' ||
		coalesce((select a.name from agencies a where a.id = i.lead_id), '') || '|' ||
		coalesce((select a.name from agencies a where a.id = i.monitor_id), '') || '|' ||
		t.year || '|' || t.text
		from indicators i join plans p on p.id = i.plan_id join units u on u.id = p.unit_id
		join targets t on t.indicator_id = i.id
		where u.code = '$1' and p.version = (select max(version) from plans q where q.unit_id = p.unit_id)
		order by i.code, t.year"
	sql "select t.code || '|' || t.title || '|' || coalesce(t.lead, '')
		from tasks t join plans p on p.id = t.plan_id join units u on u.id = p.unit_id
		where u.code = '$1' and p.version = (select max(version) from plans q where q.unit_id = p.unit_id)
		order by t.id"
	sql "select count(*) from indicator_agencies x join indicators i on i.id = x.indicator_id
		join plans p on p.id = i.plan_id join units u on u.id = p.unit_id where u.code = '$1'
		and p.version = (select max(version) from plans q where q.unit_id = p.unit_id)"
}

printf 'unit,file\nA,%s\nB,%s\n' "$plan" "$plan" > "$tmp/two.csv"
run import-2 0 import --list "$tmp/two.csv"
two=$(content_rows)
[ -n "$two" ] && [ "${two%% *}" -eq 29 ] && ok || bad "two units: content rows '$two', want 29 indicators once"
printf 'unit,file\nC,%s\nD,%s\nE,%s\nF,%s\nG,%s\nH,%s\n' "$plan" "$plan" "$plan" "$plan" "$plan" "$plan" > "$tmp/six.csv"
run import-8 0 import --list "$tmp/six.csv"
[ "$(content_rows)" = "$two" ] && ok || bad "rows grew with the units: '$two' for 2, '$(content_rows)' for 8"
[ "$(count "select count(*) from plan_contents")" -eq 1 ] && ok || bad "$(count "select count(*) from plan_contents") contents for one plan"
# Every unit still reads its own rows through the views.
[ "$(count "select count(*) from indicators")" -eq $((8 * 29)) ] && ok || bad "indicators seen: $(count "select count(*) from indicators")"
[ "$(count "select count(*) from tasks")" -eq $((8 * 41)) ] && ok || bad "tasks seen: $(count "select count(*) from tasks")"
[ "$(count "select count(distinct i.series_id) from indicators i")" -eq $((8 * 29)) ] && ok || bad "units share series"
# Each unit's agencies are its own (ids of its unit's agencies).
[ "$(count "select count(*) from indicator_agencies x join indicators i on i.id = x.indicator_id
	join plans p on p.id = i.plan_id join agencies a on a.id = x.agency_id where a.unit_id <> p.unit_id")" -eq 0 ] &&
	ok || bad "an indicator linked to another unit's agency"
unit_rows A > "$tmp/A.before"
unit_rows C > "$tmp/C.before"
unit_rows H > "$tmp/H.before"
[ "$(wc -l < "$tmp/A.before")" -gt 70 ] && ok || bad "A's rows: $(wc -l < "$tmp/A.before")"
cmp -s "$tmp/A.before" "$tmp/H.before" && ok || bad "A and H read different plans from one document"
run show-a 0 show "$(count "select p.id from plans p join units u on u.id = p.unit_id where u.code = 'A'")" --format json
jq -e '(.plan.indicators | length) == 29 and (.plan.tasks | length) == 41' "$tmp/out" > /dev/null && ok || bad "show A"
run tasks-h 0 tasks --unit H
[ "$(grep -c . "$tmp/out")" -ge 41 ] && ok || bad "tasks of H: $(head -c 300 "$tmp/out")"

# B edits its plan (a target changed): a version of its
# own, the others' plans untouched.
sed 's/| 52 | ≥ 80 |/| 52 | ≥ 85 |/' "$plan" > "$tmp/edited.txt"
cmp -s "$plan" "$tmp/edited.txt" && bad "the edit changed nothing"
run record-b 0 record --unit B --indicator I.1 --period 2025-06 --value 40
run edit-b 0 import "$tmp/edited.txt" --unit B
[ "$(count "select count(*) from plan_contents")" -eq 2 ] && ok || bad "after B's edit: $(count "select count(*) from plan_contents") contents, want 2"
unit_rows B > "$tmp/B.after"
diff "$tmp/A.before" "$tmp/B.after" | grep -q "^> .*|≥ 85$" && ok || bad "B's edit not read: $(diff "$tmp/A.before" "$tmp/B.after" | head -5)"
unit_rows A > "$tmp/A.after"
unit_rows C > "$tmp/C.after"
cmp -s "$tmp/A.before" "$tmp/A.after" && ok || bad "B's edit changed A's plan: $(diff "$tmp/A.before" "$tmp/A.after" | head -5)"
cmp -s "$tmp/C.before" "$tmp/C.after" && ok || bad "B's edit changed C's plan"
[ "$(count "select count(*) from indicators i join plans p on p.id = i.plan_id join units u on u.id = p.unit_id where u.code = 'B' and p.version = 1")" -eq 29 ] &&
	ok || bad "B's first version lost its indicators"
run obs-b 0 observations --unit B
grep -q "^I.1 .*40" "$tmp/out" && ok || bad "B's figure after the edit: $(cat "$tmp/out")"
# The same edit for D shares B's new content.
run edit-d 0 import "$tmp/edited.txt" --unit D
[ "$(count "select count(*) from plan_contents")" -eq 2 ] && ok || bad "D's edit, same as B's: $(count "select count(*) from plan_contents") contents"

# Dump and restore (into SQLite): the same plans, contents shared again.
run dump 0 dump "$tmp/all.json"
jq -e '(.tables.tasks.rows | map(.[0]) | unique | length) == (.tables.tasks.rows | length)' "$tmp/all.json" > /dev/null &&
	ok || bad "task ids repeat in the dump"
CHITIEU_DB=$tmp/restored.db run restore 0 restore "$tmp/all.json"
[ "$(sqlite3 "$tmp/restored.db" "select count(*) from plan_contents")" -eq 2 ] && ok || bad "restored contents: $(sqlite3 "$tmp/restored.db" "select count(*) from plan_contents")"
CHITIEU_DB=$tmp/restored.db run dump-again 0 dump "$tmp/again.json"
jq -S '.tables | del(.audit)' "$tmp/all.json" > "$tmp/a1"
jq -S '.tables | del(.audit)' "$tmp/again.json" > "$tmp/a2"
cmp -s "$tmp/a1" "$tmp/a2" && ok || bad "restored store dumps otherwise: $(diff "$tmp/a1" "$tmp/a2" | head -5)"
finish store_plan_shared
