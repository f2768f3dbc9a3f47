#!/usr/bin/env bash
# store_import_sql.sh (issue 13, bulk paths): importing a plan runs a
# number of SQL statements that does not grow with the plan's size (its
# rows go in set by set: temporary tables filled by COPY, then one INSERT
# ... SELECT per table), where it was one statement per indicator, target,
# agency link and task (1,228 for the 73 indicators of plan 004). Counted,
# not timed, in the PostgreSQL server's log (log_statement = all for the
# import's session only): plan 004 (73 indicators, 365 targets) needs no
# more statements than plan 002 (9 indicators) and fewer than 60; 8 plans
# through `import --list` fewer than 60 each. On SQLite (no server to count
# at) the rows written are checked the same way on both backends: the
# counts of indicators, targets, agencies, their links and tasks, and a
# re-import that renumbers keeps its series.
set -u
bin=$1
data=$(realpath "$2")
. "$(dirname "$0")/lib.bash"
use_db
p002=$data/plans/002_f65c0da7dbd96e8d.txt
p004=$data/plans/004_5f0b3916b5e2f87f.txt
p001=$data/plans/001_5a02e85ee0dfd10c.txt
{
	echo "code,name,kind,parent,population"
	echo "P,Tỉnh,province,,1000"
	for i in $(seq -w 1 12); do echo "C$i,Xã $i,commune,P,100"; done
} > "$tmp/units.csv"
run units 0 unit import "$tmp/units.csv"

log=
if [ "$backend" = postgresql ]; then
	# The cluster of tests/pg/with-pg.sh keeps its log beside the data
	# directory (scripts/pg-cluster.sh).
	log="$(dirname "$(sql 'SHOW data_directory')")/log"
	[ -r "$log" ] && ok || { bad "no server log at $log"; log=; }
fi
# statements CMD...: chitieu CMD... with every statement of its session
# logged; how many the server ran into $n.
statements() {
	local before
	before=$(wc -l < "$log")
	PGOPTIONS="-c log_statement=all" timeout 120 "$bin" "$@" > "$tmp/out" 2> "$tmp/err" || bad "$*: $(head -c 300 "$tmp/err")"
	sleep 0.2 # the log is written by the server's process
	n=$(tail -n +"$((before + 1))" "$log" | grep -cE 'LOG: +(statement|execute)')
}

if [ -n "$log" ]; then
	statements import "$p002" --unit C01
	small=$n
	statements import "$p004" --unit C02
	big=$n
	echo "statements to import a plan: $small (9 indicators), $big (73 indicators, 365 targets)"
	[ "$small" -gt 5 ] && ok || bad "only $small statements counted: is log_statement working?"
	[ "$big" -le "$small" ] && ok || bad "plan 004 needs $big statements, plan 002 $small: grows with the plan"
	[ "$big" -lt 60 ] && ok || bad "plan 004 needs $big statements, want < 60"
	{
		echo "unit,file"
		for i in 03 04 05 06; do echo "C$i,$p004"; done
		for i in 07 08 09 10; do echo "C$i,$p001"; done
	} > "$tmp/list.csv"
	statements import --list "$tmp/list.csv"
	echo "statements to import 8 plans in one transaction: $n"
	[ "$n" -lt $((8 * 60)) ] && ok || bad "import --list of 8 plans: $n statements, want < 480"
else
	run import-002 0 import "$p002" --unit C01
	run import-004 0 import "$p004" --unit C02
	{
		echo "unit,file"
		for i in 03 04 05 06; do echo "C$i,$p004"; done
		for i in 07 08 09 10; do echo "C$i,$p001"; done
	} > "$tmp/list.csv"
	run import-list 0 import --list "$tmp/list.csv"
fi

# What was written, plan by plan (the same on both backends and as the
# row-by-row writing did).
q() { count "select count(*) from $1 x join units u on u.id = x.unit_id where u.code = '$2'"; }
per_plan() {
	local u=$1
	echo "$(count "select count(*) from indicators i join plans p on p.id = i.plan_id join units u on u.id = p.unit_id where u.code = '$u'")" \
		"$(count "select count(*) from targets t join indicators i on i.id = t.indicator_id join plans p on p.id = i.plan_id join units u on u.id = p.unit_id where u.code = '$u'")" \
		"$(q agencies "$u")" \
		"$(count "select count(*) from indicator_agencies a join indicators i on i.id = a.indicator_id join plans p on p.id = i.plan_id join units u on u.id = p.unit_id where u.code = '$u'")" \
		"$(count "select count(*) from tasks t join plans p on p.id = t.plan_id join units u on u.id = p.unit_id where u.code = '$u'")" \
		"$(q series "$u")"
}
want004=$(per_plan C02)
[ "$(echo "$want004" | cut -d' ' -f1-2)" = "73 365" ] && ok || bad "plan 004 rows: $want004"
[ "$(echo "$want004" | cut -d' ' -f4)" -gt 0 ] && ok || bad "plan 004: no agency links ($want004)"
[ "$(per_plan C03)" = "$want004" ] && ok || bad "plan 004 through the list: $(per_plan C03), alone: $want004"
[ "$(per_plan C07 | cut -d' ' -f1,2,5)" = "29 94 41" ] && ok || bad "plan 001 rows: $(per_plan C07)"
# Every lead agency named is linked (lead_id among the indicator's links).
[ "$(count "select count(*) from indicators i where i.lead_id is not null and not exists (select 1 from indicator_agencies a where a.indicator_id = i.id and a.agency_id = i.lead_id and a.role = 'lead')")" -eq 0 ] && ok ||
	bad "a lead agency without its link"
[ "$(count "select count(*) from indicators where lead_id is not null")" -gt 0 ] && ok || bad "no lead agency set"

# A new version: plan 001 over plan 004 on C02 (the series 001 does not
# continue set aside as ~v1), then 004 again over 001 (those of 001 it does
# not continue set aside as ~v2): the same series, codes and counts as the
# row-by-row writing gave.
series_before=$(count "select count(*) from series")
run reimport-001 0 import "$p001" --unit C02 --confirm
run reimport-004 0 import "$p004" --unit C02 --confirm
[ "$(count "select count(*) from plans p join units u on u.id = p.unit_id where u.code = 'C02'")" -eq 3 ] && ok || bad "three versions on C02"
cur=$(count "select count(*) from indicators i join series s on s.id = i.series_id where i.plan_id = (select max(id) from plans) and s.code = i.code")
[ "$cur" -eq 73 ] && ok || bad "the current plan's indicators carry their series' codes: $cur of 73"
added=$(($(count "select count(*) from series") - series_before))
[ "$added" -eq 92 ] && ok || bad "series added by the re-imports: $added, want 92"
[ "$(count "select count(*) from series where code like '%~v1'")" -eq 68 ] && ok || bad "plan 004's series set aside as ~v1: $(count "select count(*) from series where code like '%~v1'")"
[ "$(count "select count(*) from series where code like '%~v2'")" -eq 24 ] && ok || bad "plan 001's series set aside as ~v2: $(count "select count(*) from series where code like '%~v2'")"
[ "$(count "select count(*) from series s join units u on u.id = s.unit_id where u.code = 'C02' and s.code not like '%~v%'")" -eq 73 ] && ok || bad "C02's current series"
finish store_import_sql
