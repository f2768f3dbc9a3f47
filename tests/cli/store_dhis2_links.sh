#!/usr/bin/env bash
# store_dhis2_links.sh: the DHIS2 export of a unit with units under it
# (issue 11). DHIS2 data elements are global, so each figure goes under the
# code of the exported unit's indicator it is linked to (confirmed links);
# a figure without such a link is left out with a warning; the file is
# imported back (--unit) onto the linked indicators, or refused with its
# line. Communes on plans 000 and 004, as in store_links.sh, under two
# provinces and a country (two levels of links). On SQLite or
# on $CHITIEU_TEST_DB_URL.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
p000="$data/plans/000_03b77514fb71b314.txt"
p004="$data/plans/004_5f0b3916b5e2f87f.txt"

# The units, plans and links (no figures): twice, the second time as the
# fresh copy the export is imported into.
setup() {
	use_db
	rm -f "$tmp/test.db"
	run vn 0 unit add --code VN --name "Cả nước" --kind country
	run p 0 unit add --code P --name "Tỉnh P" --kind province --parent VN
	run a 0 unit add --code A --name "Xã A" --kind commune --parent P --population 1000
	run c 0 unit add --code C --name "Xã C" --kind commune --parent P --population 3000
	run q 0 unit add --code Q --name "Tỉnh Q" --kind province --parent VN
	run d 0 unit add --code D --name "Xã D" --kind commune --parent Q --population 4000
	run imp-a 0 import "$p004" --unit A
	run imp-c 0 import "$p000" --unit C
	run imp-d 0 import "$p004" --unit D
	run cat-p 0 plan catalogue --unit P
	run cat-q 0 plan catalogue --unit Q
	run cat-vn 0 plan catalogue --unit VN
	run propose 0 link propose --unit VN
	# C's IV.10 (a count of initiatives) stays unlinked.
	sql "SELECT l.state FROM links l JOIN series cs ON cs.id = l.child_series_id JOIN units u ON u.id = cs.unit_id WHERE u.code = 'C' AND cs.code = 'IV.10'" | grep -q confirmed &&
		bad "C IV.10 is not expected to be confirmed"
}
setup
# In 004 "adults reaching digital services" is II.7; in 000 it is II.8,
# and 000's II.7 is "officials mastering digital skills" (linked to
# another indicator of P).
pii7=$(sql "SELECT ps.code FROM links l JOIN series cs ON cs.id = l.child_series_id JOIN series ps ON ps.id = l.parent_series_id JOIN units u ON u.id = cs.unit_id WHERE u.code = 'C' AND cs.code = 'II.8' AND l.state = 'confirmed'")
[ "$pii7" = II.7 ] && ok || bad "C II.8 -> P II.7 confirmed: '$pii7'"
poff=$(sql "SELECT ps.code FROM links l JOIN series cs ON cs.id = l.child_series_id JOIN series ps ON ps.id = l.parent_series_id JOIN units u ON u.id = cs.unit_id WHERE u.code = 'C' AND cs.code = 'II.7' AND l.state = 'confirmed'")
[ -n "$poff" ] && [ "$poff" != II.7 ] && ok || bad "C II.7 (officials) linked elsewhere: '$poff'"
cat > "$tmp/f.csv" << 'CSV'
unit,indicator,period,value,num,den,level
A,II.7,2025-12,40,,,
A,I.3,2025-12,,55,100,
C,II.8,2025-12,80,,,
C,II.7,2025-12,10,,,
C,IV.10,2025-12,3,,,
CSV
run record 0 record --csv "$tmp/f.csv"

for fmt in dhis2-json dhis2-csv; do
	run "export-$fmt" 0 exchange export --id-scheme code --format "$fmt" --unit P -o "$tmp/p.$fmt"
	grep -q "bỏ qua 1 số liệu" "$tmp/err" && ok || bad "$fmt: the unlinked figure counted in a warning: $(cat "$tmp/err")"
done
# As rows "orgUnit dataElement coc value", sorted.
rows() { jq -r '.dataValues[] | [.orgUnit, .dataElement, (.categoryOptionCombo // ""), .value] | join(" ")' "$1" | sort; }
rows "$tmp/p.dhis2-json" > "$tmp/rows"
# Hand-checked: P's II.7 is A's 40 and C's 80 (C's II.8), never C's 10.
[ "$(grep ' II.7 ' "$tmp/rows")" = "$(printf 'A II.7  40\nC II.7  80')" ] && ok ||
	bad "II.7 in the export: $(grep ' II.7 ' "$tmp/rows" | tr '\n' ';')"
grep -q "^C $poff  10$" "$tmp/rows" && ok || bad "C's officials under P's $poff: $(tr '\n' ';' < "$tmp/rows")"
# A ratio: two data elements (numerator and denominator), no category option combo.
grep -q "^A I.3_NUM  55$" "$tmp/rows" && grep -q "^A I.3_DEN  100$" "$tmp/rows" && ok || bad "A's ratio"
[ "$(wc -l < "$tmp/rows")" = 5 ] && ok || bad "5 values (IV.10 of C left out): $(tr '\n' ';' < "$tmp/rows")"
# Never two different indicators under one dataElement: each dataElement
# is one of P's indicators, and names the same P indicator for A and C.
for de in $(cut -d' ' -f2 "$tmp/rows" | sed -E 's/_(NUM|DEN)$//' | sort -u); do
	[ "$(sql "SELECT count(*) FROM series s JOIN units u ON u.id = s.unit_id WHERE u.code = 'P' AND s.code = '$de'")" = 1 ] &&
		ok || bad "$de is not an indicator of P"
done
grep -c "" "$tmp/p.dhis2-csv" | grep -qx 6 && ok || bad "CSV: a header and 5 values: $(cat "$tmp/p.dhis2-csv")"

# Two levels up: the country's export puts A's and C's "adults" figures
# (A II.7, C II.8, linked through P) under one of the country's
# indicators, and C's officials under another; D (Q) has no figure.
run export-vn 0 exchange export --id-scheme code --format dhis2-json --unit VN -o "$tmp/vn.json"
rows "$tmp/vn.json" > "$tmp/vrows"
vadults=$(grep '^A .* 40$' "$tmp/vrows" | cut -d' ' -f2)
[ -n "$vadults" ] && [ "$(grep " $vadults " "$tmp/vrows" | tr '\n' ';')" = "A $vadults  40;C $vadults  80;" ] && ok ||
	bad "VN: adults under one dataElement: $(tr '\n' ';' < "$tmp/vrows")"
for de in $(cut -d' ' -f2 "$tmp/vrows" | sed -E 's/_(NUM|DEN)$//' | sort -u); do
	[ "$(sql "SELECT count(*) FROM series s JOIN units u ON u.id = s.unit_id WHERE u.code = 'VN' AND s.code = '$de'")" = 1 ] &&
		ok || bad "$de is not an indicator of VN"
done

# A unit's own export keeps its own codes.
run export-c 0 exchange export --id-scheme code --format dhis2-json --unit C -o "$tmp/c.json"
[ "$(rows "$tmp/c.json" | tr '\n' ';')" = "C II.7  10;C II.8  80;C IV.10  3;" ] && ok || bad "C's own codes: $(rows "$tmp/c.json" | tr '\n' ';')"

# Into a fresh copy (same units, plans and links, no figures): the same
# figures on the same indicators.
figures() { sql "SELECT u.code, s.code, o.period, o.value, o.num, o.den FROM observations o JOIN series s ON s.id = o.series_id JOIN units u ON u.id = s.unit_id ORDER BY 1, 2, 3"; }
figures | grep -v '^C|IV.10|' > "$tmp/before"
# From the country's file too.
setup
run import-vn 0 exchange import --id-scheme code "$tmp/vn.json" --format dhis2-json --unit VN
figures > "$tmp/after"
diff "$tmp/before" "$tmp/after" > /dev/null && ok || bad "VN round trip: $(diff "$tmp/before" "$tmp/after" | tr '\n' ';')"
for fmt in dhis2-json dhis2-csv; do
	setup
	run "import-$fmt" 0 exchange import --id-scheme code "$tmp/p.$fmt" --format "$fmt" --unit P
	figures > "$tmp/after"
	diff "$tmp/before" "$tmp/after" > /dev/null && ok || bad "$fmt round trip: $(diff "$tmp/before" "$tmp/after" | tr '\n' ';')"
	# Again: nothing changes.
	run "import-again-$fmt" 0 exchange import --id-scheme code "$tmp/p.$fmt" --format "$fmt" --unit P
	jq -e '.importCount.ignored == 4' "$tmp/out" > /dev/null && ok || bad "$fmt again: $(cat "$tmp/out")"
done

# A dataElement no indicator of the orgUnit is linked to: refused with its
# line, nothing stored (all or nothing).
printf 'dataelement,period,orgunit,catoptcombo,attroptcombo,value\nII.7,202512,A,,,41\n%s,202512,C,,,1\n' "$(sql "SELECT s.code FROM series s JOIN units u ON u.id = s.unit_id WHERE u.code = 'P' AND s.code NOT IN (SELECT ps.code FROM links l JOIN series ps ON ps.id = l.parent_series_id JOIN series cs ON cs.id = l.child_series_id JOIN units cu ON cu.id = cs.unit_id WHERE cu.code = 'C' AND l.state = 'confirmed') LIMIT 1")" > "$tmp/bad.csv"
run refused 2 exchange import --id-scheme code "$tmp/bad.csv" --format dhis2-csv --unit P
grep -q "E_NOT_LINKED" "$tmp/err" && grep -q ":3\|dòng 3\|line 3" "$tmp/err" && grep -q dataElement "$tmp/err" && ok || bad "refused on line 3: $(cat "$tmp/err")"
[ "$(sql "SELECT CASE WHEN o.value = 40 THEN 'yes' END FROM observations o JOIN series s ON s.id = o.series_id JOIN units u ON u.id = s.unit_id WHERE u.code = 'A' AND s.code = 'II.7'")" = yes ] && ok || bad "A's II.7 changed by a refused file"
# Two of C's indicators on one of P's (a person links C's II.7 to P's
# II.7 too): DHIS2 would take one value for two, so both are left out.
run two-on-one 0 link set --unit C --indicator II.7 --parent-indicator II.7 --by tinh
run export-clash 0 exchange export --id-scheme code --format dhis2-json --unit P -o "$tmp/clash.json"
grep -q "bỏ qua 2 số liệu: hai chỉ tiêu" "$tmp/err" && ok || bad "two on one, warned: $(cat "$tmp/err")"
[ "$(rows "$tmp/clash.json" | grep -c '^C ')" = 0 ] && ok || bad "C's two figures under one dataElement: $(rows "$tmp/clash.json" | tr '\n' ';')"
finish store_dhis2_links
