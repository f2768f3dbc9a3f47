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

# Open SDG (sdg-build's inputs): data/indicator_G-T-I.csv with the
# headline row and a row per commune told apart by the Địa bàn column,
# meta/G-T-I.yml, the numbering map, and the communes' GeoJSON when
# boundaries are given; checked by tests/cli/opensdg_check.py against
# sdg-build's documented format (sdg-build itself cannot be installed).
cat > "$tmp/shapes.geojson" <<'JSON'
{"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {"MA_XA": "DEMO-A", "TEN": "An Bình"}, "geometry": {"type": "Polygon", "coordinates": [[[105, 21], [105.1, 21], [105.1, 21.1], [105, 21]]]}},
 {"type": "Feature", "properties": {"MA_XA": "DEMO-B"}, "geometry": {"type": "Polygon", "coordinates": [[[105.2, 21], [105.3, 21], [105.3, 21.1], [105.2, 21]]]}},
 {"type": "Feature", "properties": {"MA_XA": "ELSEWHERE"}, "geometry": {"type": "Point", "coordinates": [106, 20]}}]}
JSON
run opensdg 0 exchange export --format opensdg --unit DEMO -o "$tmp/sdg" --boundaries "$tmp/shapes.geojson"
f=$tmp/sdg/data/indicator_1-1-1.csv
head -n 1 "$f" | grep -qx 'Year,Units,Địa bàn,GeoCode,Value' && ok || bad "open sdg header: $(head -n 1 "$f")"
# I.1 (numbered 1.1.1): (75 x 12,000 + 60 x 45,000) / 57,000 people = 63.16 as
# the headline (Địa bàn and GeoCode empty); each commune by its name and code.
grep -q '^2025,%,,,63.157894' "$f" && grep -q '^2025,%,Xã An Bình (demo),DEMO-A,75$' "$f" &&
	ok || bad "open sdg I.1: $(cat "$f")"
[ "$(grep -c '^2025,%,,,' "$f")" = 1 ] && ok || bad "one headline row for 2025"
[ "$(wc -l < "$f")" = 4 ] && ok || bad "only the years with figures"
grep -qx 'indicator_number: "1.1.1"' "$tmp/sdg/meta/1-1-1.yml" && grep -qx 'reporting_status: "complete"' "$tmp/sdg/meta/1-1-1.yml" &&
	grep -qx 'data_show_map: true' "$tmp/sdg/meta/1-1-1.yml" && ok || bad "meta: $(cat "$tmp/sdg/meta/1-1-1.yml")"
grep -q '^I.1,1.1.1,' "$tmp/sdg/indicator-numbers.csv" && ok || bad "numbering map: $(head -3 "$tmp/sdg/indicator-numbers.csv")"
jq -e '[.features[].properties.geocode] == ["DEMO-A", "DEMO-B"]' "$tmp/sdg/geojson/communes.geojson" > /dev/null && ok || bad "geojson: $(cat "$tmp/sdg/geojson/communes.geojson")"
python3 "$root/tests/cli/opensdg_check.py" "$tmp/sdg" > "$tmp/check" && ok || bad "sdg-build's format: $(cat "$tmp/check")"
grep -q ' 0 problems' "$tmp/check" && ok || bad "the checker ran: $(tail -1 "$tmp/check")"
# The office's own numbering; a number not of Open SDG's form is refused.
printf 'code,number\nI.1,9.a.2\n' > "$tmp/num.csv"
run opensdg-numbering 0 exchange export --format opensdg --unit DEMO --indicator I.1 -o "$tmp/sdg2" --numbering "$tmp/num.csv"
[ -s "$tmp/sdg2/data/indicator_9-a-2.csv" ] && grep -qx 'indicator_number: "9.a.2"' "$tmp/sdg2/meta/9-a-2.yml" && ok || bad "numbering: $(ls -R "$tmp/sdg2")"
printf 'code,number\nI.1,I-1\n' > "$tmp/num2.csv"
run opensdg-bad-number 2 exchange export --format opensdg --unit DEMO -o "$tmp/sdg3" --numbering "$tmp/num2.csv"
# The checker itself refuses what sdg-build would: the old layout, where a
# commune row counted as a headline.
mkdir -p "$tmp/old/data" "$tmp/old/meta"
printf 'Year,Units,GeoCode,Value\n2025,%%,,63.16\n2025,%%,DEMO-A,75\n' > "$tmp/old/data/indicator_1-1-1.csv"
cp "$tmp/sdg/meta/1-1-1.yml" "$tmp/old/meta/"
python3 "$root/tests/cli/opensdg_check.py" "$tmp/old" > "$tmp/check" && bad "the checker took a commune as headline" ||
	{ grep -q 'a GeoCode row counts as the headline' "$tmp/check" && ok || bad "checker: $(cat "$tmp/check")"; }
finish store_exchange
