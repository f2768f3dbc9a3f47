#!/usr/bin/env bash
# store_exchange.sh: DHIS2 data value sets both ways (JSON and CSV) with a
# round trip between two databases, DHIS2's import counts (imported,
# updated, ignored), bad files refused whole with the line and field, and
# Open SDG files per indicator.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
use_demo
src=$CHITIEU_DB
# A second database with the same units and plans, and no figures (always
# SQLite: the exchange is between two systems).
dst="$tmp/dst.db"
for u in "DEMO province" "DEMO-A commune DEMO" "DEMO-B ward DEMO" "DEMO-C commune DEMO"; do
	set -- $u
	"$bin" unit add --db "$dst" --code "$1" --name "Đơn vị $1" --kind "$2" ${3:+--parent "$3"} > /dev/null
done
"$bin" import --db "$dst" "$data/plans/004_5f0b3916b5e2f87f.txt" --unit DEMO-A > /dev/null
"$bin" import --db "$dst" "$data/plans/004_5f0b3916b5e2f87f.txt" --unit DEMO-B > /dev/null
"$bin" import --db "$dst" "$data/plans/000_03b77514fb71b314.txt" --unit DEMO-C > /dev/null

run export-json 0 exchange export --id-scheme code --format dhis2-json -o "$tmp/dvs.json"
# 7 figures, 2 of them ratios (I.3 of A and B in 2025-12, and A's 2025-06): 10 values.
jq -e '(.dataValues | length) == 10' "$tmp/dvs.json" > /dev/null && ok || bad "10 data values"
jq -e '.dataValues[] | select(.orgUnit == "DEMO-B" and .dataElement == "I.3_DEN") | .period == "202512" and .value == "1000" and .categoryOptionCombo == null' \
	"$tmp/dvs.json" > /dev/null && ok || bad "a denominator as its own data element"
run import-json 0 exchange import --id-scheme code "$tmp/dvs.json" --format dhis2-json --db "$dst"
jq -e '.status == "SUCCESS" and .importCount.imported == 7 and .importCount.ignored == 0' "$tmp/out" > /dev/null &&
	ok || bad "first import: $(cat "$tmp/out")"
run import-again 0 exchange import --id-scheme code "$tmp/dvs.json" --format dhis2-json --db "$dst"
jq -e '.importCount.imported == 0 and .importCount.ignored == 7' "$tmp/out" > /dev/null && ok || bad "again: ignored"
# Round trip: the other database gives the same values back.
run export-dst 0 exchange export --id-scheme code --format dhis2-json --db "$dst" -o "$tmp/back.json"
norm() { jq -S '[.dataValues[] | del(.lastUpdated, .storedBy)] | sort_by(.orgUnit, .dataElement, .period, .categoryOptionCombo)' "$1"; }
[ "$(norm "$tmp/dvs.json")" = "$(norm "$tmp/back.json")" ] && ok || bad "round trip differs"
# CSV: a changed value is an update, the rest ignored.
run export-csv 0 exchange export --id-scheme code --format dhis2-csv -o "$tmp/dvs.csv"
head -n 1 "$tmp/dvs.csv" | grep -qx 'dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup,deleted' && ok || bad "csv header: DHIS2's own"
sed 's/^I\.1,202512,DEMO-B,,,60,/I.1,202512,DEMO-B,,,65,/' "$tmp/dvs.csv" > "$tmp/changed.csv"
run import-csv 0 exchange import --id-scheme code "$tmp/changed.csv" --format dhis2-csv --db "$dst"
jq -e '.importCount.updated == 1 and .importCount.ignored == 6' "$tmp/out" > /dev/null && ok || bad "csv update: $(cat "$tmp/out")"
[ "$("$bin" observations --db "$dst" --unit DEMO-B --period 2025-12 | grep -c '65')" -ge 1 ] && ok || bad "the update landed"

# Bad files: the line and the field, and nothing imported.
before=$(sqlite3 "$dst" "SELECT count(*) FROM observation_history")
printf 'dataelement,period,orgunit,catoptcombo,value\nIV.1,202601,DEMO-A,,3\nIV.1,202601,,,4\n' > "$tmp/b1.csv"
run bad-orgunit 2 exchange import --id-scheme code "$tmp/b1.csv" --format dhis2-csv --db "$dst"
grep -q 'dòng 3: \[E_FIELD\] Thiếu orgUnit' "$tmp/err" && ok || bad "missing orgUnit: $(cat "$tmp/err")"
printf 'dataelement,period,orgunit,catoptcombo,value\nIV.1,2026W01,DEMO-A,,3\n' > "$tmp/b2.csv"
run bad-period 2 exchange import --id-scheme code "$tmp/b2.csv" --format dhis2-csv --db "$dst"
grep -q 'E_PERIOD' "$tmp/err" && ok || bad "a weekly period"
printf '{"dataValues":[{"dataElement":"I.3","period":"202601","orgUnit":"DEMO-A","categoryOptionCombo":"NUM","value":"5"}]}' > "$tmp/b3.json"
run bad-ratio 2 exchange import --id-scheme code "$tmp/b3.json" --format dhis2-json --db "$dst"
grep -q 'E_RATIO' "$tmp/err" && ok || bad "NUM without DEN"
printf '{"dataValues":[{"dataElement":"IV.1","period":"202601","orgUnit":"DEMO-A","value":"3"},{"dataElement":"IV.1","period":"202601","orgUnit":"NOPE","value":"3"}]}' > "$tmp/b4.json"
run bad-unit 2 exchange import --id-scheme code "$tmp/b4.json" --format dhis2-json --db "$dst"
grep -q 'dòng 2' "$tmp/err" && grep -q 'NOPE' "$tmp/err" && ok || bad "an unknown orgUnit: $(cat "$tmp/err")"
printf '{"dataValues": [' > "$tmp/b5.json"
run bad-json 2 exchange import --id-scheme code "$tmp/b5.json" --format dhis2-json --db "$dst"
grep -q 'E_JSON' "$tmp/err" && ok || bad "malformed JSON"
[ "$(sqlite3 "$dst" "SELECT count(*) FROM observation_history")" = "$before" ] &&
	[ "$(sqlite3 "$dst" "SELECT count(*) FROM observations WHERE period = '2026-01'")" = 0 ] && ok ||
	bad "a refused file changed something"

# Open SDG: a file per indicator, the province's headline and its communes.
run opensdg 0 exchange export --format opensdg --unit DEMO -o "$tmp/sdg"
head -n 1 "$tmp/sdg/indicator_I-1.csv" | grep -qx 'Year,Units,GeoCode,Value' && ok || bad "open sdg header"
# I.1: (75 x 12,000 + 60 x 45,000) / 57,000 people = 63.16; and each commune.
grep -q '^2025,%,,63.157894' "$tmp/sdg/indicator_I-1.csv" && grep -q '^2025,%,DEMO-A,75$' "$tmp/sdg/indicator_I-1.csv" &&
	ok || bad "open sdg I.1: $(cat "$tmp/sdg/indicator_I-1.csv")"
[ "$(wc -l < "$tmp/sdg/indicator_I-1.csv")" = 4 ] && ok || bad "only the years with figures"
finish store_exchange
