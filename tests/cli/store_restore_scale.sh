#!/usr/bin/env bash
# store_restore_scale.sh BIN DATA: `chitieu restore` grows with the dump,
# not with its square (issue 13: a dump of the whole country was still being
# checked after 40 minutes: each series' code was compared with every series
# before it). The work is counted, not timed: the string comparisons the
# program makes (strcmp, counted by a library preloaded for the run) in
# restoring a dump of N communes and one of 4N, each of 40 series and a
# figure a series. Also: a dump whose last series repeats a unit's code, or
# whose last unit repeats a code, is refused with the rows named and leaves
# the store empty; the units and figures restored are the dump's.
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
use_db

# The counter: strcmp wrapped (call_counter).
call_counter strcmp "const char *a, const char *b" "a, b" || { echo "FAIL: cannot build the counter"; exit 1; }

# fresh: an empty store (the schema made by a dump of it, which is kept as
# the dumps' skeleton).
fresh
run "dump of an empty store" 0 dump "$tmp/empty.json" || { finish store_restore_scale; exit 1; }

# mkdump N OUT [WHAT]: a dump of a country, a province and N communes, 40
# series each with one figure; WHAT=series repeats a code of the last
# commune's in its last series row, WHAT=unit gives the last unit the code
# of the first commune.
mkdump() {
	python3 - "$tmp/empty.json" "$1" "$2" "${3:-}" "$(dirname "$0")" << 'EOF'
import json, sys
doc = json.load(open(sys.argv[1]))
n, out, what = int(sys.argv[2]), sys.argv[3], sys.argv[4]
t = doc["tables"]
sys.dont_write_bytecode = True  # (nothing written beside the tests)
sys.path.insert(0, sys.argv[5])
from country_dump import country
units, series, figures = country(t, n, 40, ["2025-Q1"], 1)
if what == "series":
    series[-1][t["series"]["columns"].index("code")] = series[-2][t["series"]["columns"].index("code")]
if what == "unit":
    units[-1][t["units"]["columns"].index("code")] = "C00000"
t["units"]["rows"], t["series"]["rows"], t["observations"]["rows"] = units, series, figures
json.dump(doc, open(out, "w"), ensure_ascii=False)
print(len(units), len(series), series[-1][t["series"]["columns"].index("code")])
EOF
}

# restored N: in $counted, the strcmp calls of restoring a dump of N
# communes into an empty store, checked restored (its units and figures
# counted).
restored() {
	local n=$1
	mkdump "$n" "$tmp/d$n.json" > /dev/null
	fresh
	calls_of strcmp "$bin" restore "$tmp/d$n.json" > "$tmp/out" 2> "$tmp/err" ||
		bad "restore of $n communes: $(head -c 300 "$tmp/err")"
	counted=$(sed 's/none/0/' "$tmp/strcmp.count")
	[ "$(count 'select count(*) from units')" = $((n + 2)) ] && ok || bad "$n communes: units not restored"
	[ "$(count 'select count(*) from observations')" = $((n * 40)) ] && ok || bad "$n communes: figures not restored"
}
restored 60
small=$counted
restored 240
large=$counted
echo "restore: $small string comparisons for 60 communes (2,400 series), $large for 240 (9,600)"
[ "$small" -gt 0 ] && ok || bad "no string comparison counted (the counter did not run)"
# n log n at most: 4 times the rows, at most 6 times the work (each series
# against the series before it: about 16 times).
[ "$large" -le $((small * 6)) ] && ok ||
	bad "restore of 4 times the communes made $large string comparisons, $((large / (small + 1))) times the $small of the smaller dump: want at most 6 times"

# The restored store dumped again gives the dump's units and figures (series
# of no plan get a code of their own on restore: not compared).
"$bin" dump "$tmp/again.json" > /dev/null 2>&1 || bad "dump after restore"
python3 - "$tmp/d240.json" "$tmp/again.json" << 'EOF' && ok || bad "the restored store dumps other rows than the dump restored"
import json, sys
a, b = (json.load(open(p))["tables"] for p in sys.argv[1:3])
for name in ("units", "observations"):
    # (a figure's id is made from its series and period on restore)
    cols = [c for c in a[name]["columns"] if name != "observations" or c != "id"]
    rows = lambda t: [[r[t[name]["columns"].index(c)] for c in cols] for r in t[name]["rows"]]
    if rows(a) != rows(b):
        sys.exit("%s differs" % name)
EOF

# A repeated code is refused, naming both rows, and nothing is written.
for what in series unit; do
	set -- $(mkdump 240 "$tmp/bad.json" "$what")
	nunits=$1 nseries=$2 code=$3
	fresh
	run "restore of a dump whose last $what repeats a code" 2 restore "$tmp/bad.json"
	if [ "$what" = series ]; then
		want="bảng series, dòng $nseries (tables.series.rows[$((nseries - 1))]): cột code: mã chỉ tiêu \"$code\" của đơn vị trùng dòng $((nseries - 1))"
	else
		want="bảng units, dòng $nunits (tables.units.rows[$((nunits - 1))]): cột code: mã đơn vị \"C00000\" trùng dòng 3"
	fi
	grep -qF "$want" "$tmp/err" && ok || bad "refused $what: want '$want', got: $(head -c 300 "$tmp/err")"
	[ "$(count 'select count(*) from units') $(count 'select count(*) from series')" = "0 0" ] && ok ||
		bad "a refused restore ($what) wrote rows"
done

finish store_restore_scale
