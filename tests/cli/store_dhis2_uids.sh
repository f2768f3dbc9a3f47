#!/usr/bin/env bash
# store_dhis2_uids.sh (issue 15, DHIS2): DHIS2 identifiers. A mapping of
# units and indicators to DHIS2 UIDs (from a metadata export or by hand,
# kept by dump/restore); exports in UIDs by default (codes with
# --id-scheme code); ratios as two data elements plus an Indicator in the
# metadata file; both CSV header styles read; dhis2-core's own fixtures
# import once their UIDs are mapped; a lone denominator, a deleted value
# and an unknown UID are conflicts with their index, nothing stored; the
# import summary in DHIS2's shape. On SQLite or on the PostgreSQL server
# named by $CHITIEU_TEST_DB_URL.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
use_demo
fixtures=$data/dhis2
uid_re='^[A-Za-z][A-Za-z0-9]{10}$'
figures() { sql "SELECT u.code, s.code, o.period, o.value, o.num, o.den, o.note FROM observations o JOIN series s ON s.id = o.series_id JOIN units u ON u.id = s.unit_id ORDER BY 1, 2, 3"; }
# A unit's figures as chitieu writes them (the same text on either backend):
# data element, period, org unit, value and comment, sorted.
as_codes() { "$bin" exchange export --id-scheme code --format dhis2-csv --unit DEMO-A "$@" 2> /dev/null | cut -d, -f1-6,9 | sort; }

# ---- exports in UIDs by default ---------------------------------------------
run no-uids 2 exchange export --format dhis2-json --unit DEMO-A
grep -q 'E_NO_UID' "$tmp/err" && grep -q 'id-scheme code' "$tmp/err" && ok || bad "no mapping: refused, saying how: $(cat "$tmp/err")"
[ ! -s "$tmp/out" ] && ok || bad "nothing written without UIDs"
run by-code 0 exchange export --format dhis2-json --unit DEMO-A --id-scheme code
jq -e '[.dataValues[].orgUnit] | unique == ["DEMO-A"]' "$tmp/out" > /dev/null && ok || bad "codes on request"

# The metadata file: data elements for every indicator, a ratio's two, and
# an Indicator numerator/denominator; UIDs made and kept.
run metadata 0 exchange metadata --unit DEMO-A -o "$tmp/meta.json"
jq -e --arg re "$uid_re" '[.dataElements[].id, .indicators[].id, .indicatorTypes[].id] | all(test($re))' "$tmp/meta.json" > /dev/null &&
	ok || bad "metadata ids are UIDs"
jq -e '(.dataElements | map(.id) | unique | length) == (.dataElements | length)' "$tmp/meta.json" > /dev/null && ok || bad "data element UIDs unique"
# I.3 (a ratio in the demo): NUM and DEN data elements, and the Indicator
# #{num} / #{den} with a factor-100 type.
num=$(jq -r '.dataElements[] | select(.code == "I.3_NUM") | .id' "$tmp/meta.json")
den=$(jq -r '.dataElements[] | select(.code == "I.3_DEN") | .id' "$tmp/meta.json")
jq -e --arg n "#{$num}" --arg d "#{$den}" '.indicators[] | select(.code == "I.3") | .numerator == $n and .denominator == $d' "$tmp/meta.json" > /dev/null &&
	ok || bad "I.3's Indicator: numerator #{$num}, denominator #{$den}: $(jq -c '.indicators[] | select(.code == "I.3")' "$tmp/meta.json")"
jq -e '.indicatorTypes[0].factor == 100 and (.indicators[0].indicatorType.id == .indicatorTypes[0].id)' "$tmp/meta.json" > /dev/null && ok || bad "indicator type"
run metadata-again 0 exchange metadata --unit DEMO-A -o "$tmp/meta2.json"
[ "$(jq -S . "$tmp/meta.json")" = "$(jq -S . "$tmp/meta2.json")" ] && ok || bad "metadata again: the same UIDs"
grep -q '0 UID mới' "$tmp/err" && ok || bad "no new UID the second time: $(cat "$tmp/err")"

# The org unit by hand; a bad UID and one already used are refused.
run map-bad 2 exchange map set --unit DEMO-A --uid 1abcdefghij
grep -q 'E_UID' "$tmp/err" && ok || bad "a UID starting with a digit: $(cat "$tmp/err")"
run map-taken 2 exchange map set --unit DEMO-A --uid "$num"
grep -q 'E_DUPLICATE' "$tmp/err" && ok || bad "a UID naming something else: $(cat "$tmp/err")"
run map-unit 0 exchange map set --unit DEMO-A --uid DemoAaaaaa1
run export-uid 0 exchange export --format dhis2-json --unit DEMO-A -o "$tmp/uid.json"
jq -e --arg re "$uid_re" '(.dataValues | length) > 0 and ([.dataValues[] | .dataElement, .orgUnit] | all(test($re)))' "$tmp/uid.json" > /dev/null &&
	ok || bad "every identifier a UID: $(head -c 300 "$tmp/uid.json")"
# A's ratio I.3 of 2025-12 is two values: its NUM's and its DEN's data elements.
[ "$(jq --arg n "$num" --arg d "$den" '[.dataValues[] | select(.period == "202512" and (.dataElement == $n or .dataElement == $d))] | length' "$tmp/uid.json")" = 2 ] &&
	ok || bad "the ratio as two data elements"
run export-uid-csv 0 exchange export --format dhis2-csv --unit DEMO-A -o "$tmp/uid.csv"

# ---- round trip through both header styles ---------------------------------
before=$(as_codes)
[ "$(echo "$before" | wc -l)" -gt 5 ] && ok || bad "DEMO-A's figures: $before"
# The mapping goes with a dump; the copy has the figures removed.
run dump 0 dump "$tmp/dump.json"
run restore 0 restore "$tmp/dump.json" --db "$tmp/copy.db"
run map-list 0 exchange map list
"$bin" exchange map list --db "$tmp/copy.db" > "$tmp/list2" 2> /dev/null
diff "$tmp/out" "$tmp/list2" > /dev/null && [ "$(wc -l < "$tmp/out")" -gt 150 ] && ok || bad "dump/restore keeps the mapping ($(wc -l < "$tmp/out") lines)"
empty_copy() {
	rm -f "$tmp/c.db"
	"$bin" restore "$tmp/dump.json" --db "$tmp/c.db" > /dev/null 2>&1
	sqlite3 "$tmp/c.db" "DELETE FROM observation_history; DELETE FROM figures;"
}
copy_figures() { as_codes --db "$tmp/c.db"; }
# 1. DHIS2's current header (what chitieu writes).
empty_copy
run import-csv 0 exchange import "$tmp/uid.csv" --format dhis2-csv --db "$tmp/c.db"
jq -e '.responseType == "ImportSummary" and .status == "SUCCESS" and .importCount.imported > 0 and .conflicts == []' "$tmp/out" > /dev/null && ok || bad "summary: $(cat "$tmp/out")"
[ "$(copy_figures)" = "$before" ] && ok || bad "round trip, current header: $(diff <(echo "$before") <(copy_figures) | tr '\n' ';')"
# 2. dhis2-core's older style: every cell quoted, "timestamp", no deleted column.
awk -F, 'BEGIN { OFS = "," } NR == 1 { print "\"dataelement\",\"period\",\"orgunit\",\"categoryoptioncombo\",\"attributeoptioncombo\",\"value\",\"storedby\",\"timestamp\",\"comment\",\"followup\""; next }
	{ for (i = 1; i <= 10; i++) { gsub(/"/, "", $i); $i = "\"" $i "\"" } NF = 10; print }' "$tmp/uid.csv" > "$tmp/quoted.csv"
head -n 2 "$tmp/quoted.csv" | tail -n 1 | grep -q '^"[A-Za-z0-9]*","2025' && ok || bad "the quoted file: $(head -n 2 "$tmp/quoted.csv")"
empty_copy
run import-quoted 0 exchange import "$tmp/quoted.csv" --format dhis2-csv --db "$tmp/c.db"
[ "$(copy_figures)" = "$before" ] && ok || bad "round trip, quoted header: $(diff <(echo "$before") <(copy_figures) | tr '\n' ';')"
# 3. JSON.
empty_copy
run import-json 0 exchange import "$tmp/uid.json" --format dhis2-json --db "$tmp/c.db"
[ "$(copy_figures)" = "$before" ] && ok || bad "round trip, JSON"

# ---- dhis2-core's fixtures, once their UIDs are mapped ----------------------
head='Stt	Nội dung chỉ tiêu	Đơn vị tính	2012	2013	Cơ quan chủ trì
I	Chăm sóc sức khỏe'
printf '%s\n1\tSố lượt khám thai lần 1\tLượt\t≥ 100\t200\tTrạm y tế\n2\tSố lượt khám thai lần 2\tLượt\t≥ 100\t200\tTrạm y tế\n3\tSố lượt khám thai lần 3\tLượt\t≥ 100\t200\tTrạm y tế\n' "$head" > "$tmp/anc.txt"
# DHIS2's data elements are global: here they are the indicators of DHIS,
# the unit above the two stations, which their own indicators are linked to.
run unit-p 0 unit add --code DHIS --name "Trung tâm y tế" --kind province
run unit-a 0 unit add --code DHIS-A --name "Trạm A" --kind commune --parent DHIS
run unit-b 0 unit add --code DHIS-B --name "Trạm B" --kind commune --parent DHIS
for u in DHIS DHIS-A DHIS-B; do run "plan-$u" 0 import "$tmp/anc.txt" --unit "$u"; done
for u in DHIS-A DHIS-B; do
	for i in I.1 I.2 I.3; do run "link-$u-$i" 0 link set --unit "$u" --indicator "$i" --parent-indicator "$i" --by test; done
done
# Before the mapping: every value a conflict (E1102 org unit, E1100 data
# element), each with its index; nothing stored.
n0=$(count "SELECT count(*) FROM observations")
run fixture-unmapped 2 exchange import "$fixtures/dataValueSetB.csv" --format dhis2-csv
jq -e '.status == "ERROR" and .importCount.imported == 0 and .importCount.ignored == 12 and ([.conflicts[].indexes[0]] | unique | length) == 12 and ([.conflicts[].errorCode] | unique) == ["E1100", "E1102"]' "$tmp/out" > /dev/null &&
	ok || bad "unmapped fixture: $(head -c 600 "$tmp/out")"
# The mapping from a DHIS2 metadata export: the org units by their codes,
# the data elements by DHIS's indicator codes.
run map-import 0 exchange map import "$fixtures/metadata.json" --unit DHIS
grep -q 'Đã ánh xạ 5 UID; 2 đối tượng không khớp' "$tmp/err" && ok || bad "map import: $(cat "$tmp/err")"
run fixture-b 0 exchange import "$fixtures/dataValueSetB.csv" --format dhis2-csv
jq -e '.status == "SUCCESS" and .importCount.imported == 12' "$tmp/out" > /dev/null && ok || bad "dataValueSetB.csv: $(cat "$tmp/out")"
# Each station's value on its own indicator linked to DHIS's.
[ "$(sql "SELECT CAST(o.value AS INTEGER) || ' ' || o.note || ' ' || o.evidence FROM observations o JOIN series s ON s.id = o.series_id JOIN units u ON u.id = s.unit_id WHERE u.code = 'DHIS-B' AND s.code = 'I.3' AND o.period = '2012-02'")" = "10012 comment DHIS2, storedBy john, lastUpdated 2012-01-01" ] &&
	ok || bad "B's eY5ehpbEsB7 201202: $(sql "SELECT o.value, o.note, o.evidence FROM observations o JOIN series s ON s.id = o.series_id JOIN units u ON u.id = s.unit_id WHERE u.code = 'DHIS-B' AND s.code = 'I.3'")"
run fixture-j 0 exchange import "$fixtures/dataValueSetJ.json" --format dhis2-json
jq -e '.importCount.updated == 1 and .importCount.imported == 0' "$tmp/out" > /dev/null && ok || bad "dataValueSetJ.json: $(cat "$tmp/out")"
[ "$(sql "SELECT CAST(o.value AS INTEGER) FROM observations o JOIN series s ON s.id = o.series_id JOIN units u ON u.id = s.unit_id WHERE u.code = 'DHIS-A' AND s.code = 'I.1' AND o.period = '2012-01'")" = 10 ] && ok || bad "J's value stored"

# ---- conflicts: each with its index, nothing stored --------------------------
snapshot() { figures; count "SELECT count(*) FROM observation_history"; }
was=$(snapshot)
# A lone denominator (the second value), in DHIS2's current header.
printf '%s\n%s\n%s\n' 'dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup,deleted' \
	"$(jq -r --arg n "$num" --arg d "$den" '[.dataValues[] | select(.dataElement != $n and .dataElement != $d)][0] | [.dataElement, .period, .orgUnit] | join(",")' "$tmp/uid.json"),,,1,,,,false,false" \
	"$den,202601,DemoAaaaaa1,,,50,,,,false,false" > "$tmp/lone.csv"
run lone-den 2 exchange import "$tmp/lone.csv" --format dhis2-csv
jq -e --arg d "$den" '.status == "ERROR" and (.conflicts | length) == 1 and .conflicts[0].errorCode == "E_RATIO" and .conflicts[0].indexes == [1] and .conflicts[0].object == $d and .importCount.imported == 0' "$tmp/out" > /dev/null &&
	ok || bad "a lone denominator: $(cat "$tmp/out")"
# A deleted value (the first of two).
printf '{"dataValues":[{"dataElement":"f7n9E0hX8qk","period":"201203","orgUnit":"DiszpKrYNg8","value":"7","deleted":true},{"dataElement":"f7n9E0hX8qk","period":"201204","orgUnit":"DiszpKrYNg8","value":"8"}]}' > "$tmp/deleted.json"
run deleted 2 exchange import "$tmp/deleted.json" --format dhis2-json
jq -e '(.conflicts | length) == 1 and .conflicts[0].errorCode == "E_DELETED" and .conflicts[0].indexes == [0]' "$tmp/out" > /dev/null &&
	ok || bad "a deleted value: $(cat "$tmp/out")"
# In CSV too (the deleted column), and dhis2-core's value-less delete.
printf 'dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup,deleted\nf7n9E0hX8qk,201205,DiszpKrYNg8,,,9,,,,false,true\n' > "$tmp/deleted.csv"
run deleted-csv 2 exchange import "$tmp/deleted.csv" --format dhis2-csv
jq -e '.conflicts[0].errorCode == "E_DELETED" and .conflicts[0].indexes == [0]' "$tmp/out" > /dev/null && ok || bad "deleted in CSV: $(cat "$tmp/out")"
run no-value 2 exchange import "$fixtures/dataValueSetJDeleteNoValue.json" --format dhis2-json
jq -e '.status == "ERROR" and .conflicts[0].indexes == [0]' "$tmp/out" > /dev/null && ok || bad "no value: $(cat "$tmp/out")"
# An unknown UID (the third value), among good ones.
printf '{"dataValues":[{"dataElement":"f7n9E0hX8qk","period":"201206","orgUnit":"DiszpKrYNg8","value":"1"},{"dataElement":"Ix2HsbDMLea","period":"201206","orgUnit":"DiszpKrYNg8","value":"2"},{"dataElement":"Unknown0001","period":"201206","orgUnit":"DiszpKrYNg8","value":"3"}]}' > "$tmp/unknown.json"
run unknown-uid 2 exchange import "$tmp/unknown.json" --format dhis2-json
jq -e '(.conflicts | length) == 1 and .conflicts[0].errorCode == "E1100" and .conflicts[0].indexes == [2] and .conflicts[0].object == "Unknown0001"' "$tmp/out" > /dev/null &&
	ok || bad "an unknown UID: $(cat "$tmp/out")"
# A disaggregation chitieu does not keep.
printf '{"dataValues":[{"dataElement":"f7n9E0hX8qk","period":"201207","orgUnit":"DiszpKrYNg8","attributeOptionCombo":"XyzAbc12345","value":"1"}]}' > "$tmp/aoc.json"
run aoc 2 exchange import "$tmp/aoc.json" --format dhis2-json
jq -e '.conflicts[0].errorCode == "E1104" and .conflicts[0].object == "XyzAbc12345"' "$tmp/out" > /dev/null && ok || bad "attributeOptionCombo: $(cat "$tmp/out")"
# In codes, DHIS2's header naming the column categoryoptioncombo: a lone
# DEN row (stored as the figure 50 before) is a conflict too.
printf 'dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value\nI.3,202601,DEMO-A,DEN,,50\n' > "$tmp/lone-code.csv"
run lone-den-code 2 exchange import --id-scheme code "$tmp/lone-code.csv" --format dhis2-csv
jq -e '.conflicts[0].errorCode == "E_RATIO" and .conflicts[0].indexes == [0]' "$tmp/out" > /dev/null && ok || bad "a lone DEN in codes: $(cat "$tmp/out")"
printf 'dataelement,period,orgunit,value\nI.3_DEN,202601,DEMO-A,50\n' > "$tmp/lone-code2.csv"
run lone-den-code2 2 exchange import --id-scheme code "$tmp/lone-code2.csv" --format dhis2-csv
jq -e '.conflicts[0].errorCode == "E_RATIO"' "$tmp/out" > /dev/null && ok || bad "a lone I.3_DEN: $(cat "$tmp/out")"
[ "$(snapshot)" = "$was" ] && ok || bad "a refused file changed something"
# A file that cannot be read still answers with a summary.
printf '{"dataValues": [' > "$tmp/broken.json"
run broken 2 exchange import "$tmp/broken.json" --format dhis2-json
jq -e '.status == "ERROR" and .conflicts[0].errorCode == "E_JSON"' "$tmp/out" > /dev/null && ok || bad "broken JSON: $(cat "$tmp/out")"
finish store_dhis2_uids
