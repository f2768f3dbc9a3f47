#!/usr/bin/env bash
# store_restore_memory.sh BIN DATA: `chitieu restore` reads its dump a row at
# a time: its memory does not grow with the figures (issue 13: a national
# dump was read whole, 1.84 GB for 617,636 figures). The peak resident size
# (/usr/bin/time %M) of restoring two dumps of the same 100 communes and
# 2,500 series, one with 12 months of figures (30,000) and one with 48
# (120,000): the larger may use at most 1.5 times the memory of the smaller
# (a restore that holds the dump takes about 3 times). And since rows are
# written before the last is read, the errors a dump has at its very end:
# its last figure's period, its last figure's id repeating the first's, its
# last history row pointing to no figure, and a file cut short before its
# end; each is refused, naming the row, and leaves the store empty; so is
# a dump whose last series repeats the first's id or code, or whose last
# table has a wrong row (all before it written by then). And each row is
# read once, checked and written together: the restore reads its dump
# twice (where each table is, then the rows), not three times (counted
# with strace: bytes read from the dump's file).
# `chitieu dump` of each restored store likewise: its peak grows by less
# than 60 bytes a figure more (SQLite's page cache aside, at most 32 MB; a
# dump that sorted the figures by id in memory took about 110 more: 2.5 GB
# at the country's 23.9 M figures).
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
use_db

fresh
run "dump of an empty store" 0 dump "$tmp/empty.json" || { finish store_restore_memory; exit 1; }

# mkdump MONTHS OUT [WHAT]: a country, a province and 100 communes of 25
# series each, a figure a month for MONTHS months, a history row for each
# commune's first figure. WHAT spoils the end: period (the last figure's),
# figure-id (the last figure has the first's id), history-ref (the last
# history row points to no figure). Prints the number of figures and of
# history rows. series-id, series-code: the last series has the first's id
# or its unit and code; uid: a last table with a wrong DHIS2 UID.
mkdump() {
	python3 - "$tmp/empty.json" "$1" "$2" "${3:-}" "$(dirname "$0")" << 'EOF'
import json, sys
doc = json.load(open(sys.argv[1]))
months, out, what = int(sys.argv[2]), sys.argv[3], sys.argv[4]
t = doc["tables"]
sys.dont_write_bytecode = True  # (nothing written beside the tests)
sys.path.insert(0, sys.argv[5])
from country_dump import AT as at, country, row as row_of
row = lambda table, **v: row_of(t, table, **v)
periods = ["%d-%02d" % (2020 + m // 12, m % 12 + 1) for m in range(months)]
units, series, figures = country(t, 100, 25, periods, 2)
history = []
for f in figures[::25 * months]:
    history.append(row("observation_history", id=len(history) + 1, observation_id=f[0],
                       version=1, value=1, status="draft", recorded_by="test", recorded_at=at,
                       replaced_by="test", replaced_at=at))
oc, hc = t["observations"]["columns"], t["observation_history"]["columns"]
if what == "period":
    figures[-1][oc.index("period")] = "2020-13"
if what == "figure-id":
    figures[-1][oc.index("id")] = figures[0][oc.index("id")]
if what == "history-ref":
    history[-1][hc.index("observation_id")] = len(figures) + 5
sc = t["series"]["columns"]
if what == "series-id":
    series[-1][sc.index("id")] = series[0][sc.index("id")]
if what == "series-code":
    series[-1][sc.index("unit_id")] = series[0][sc.index("unit_id")]
    series[-1][sc.index("code")] = series[0][sc.index("code")]
if what == "uid":
    t["dhis2_uids"]["rows"] = [row("dhis2_uids", id=1, unit_id=3, part="unit", uid="x")]
t["units"]["rows"], t["series"]["rows"], t["observations"]["rows"] = units, series, figures
t["observation_history"]["rows"] = history
json.dump(doc, open(out, "w"), ensure_ascii=False, separators=(",", ":"))
print(len(figures), len(history))
EOF
}

# rss MONTHS: the peak resident size (KB) of restoring the dump of MONTHS
# months into an empty store, checked restored.
rss() {
	local m=$1 n
	n=$(mkdump "$m" "$tmp/d$m.json" | cut -d' ' -f1)
	fresh
	/usr/bin/time -f %M -o "$tmp/rss$m" "$bin" restore "$tmp/d$m.json" > /dev/null 2> "$tmp/err" ||
		bad "restore of $m months: $(head -c 300 "$tmp/err")"
	[ "$(count 'select count(*) from observations')" = "$n" ] && ok ||
		bad "$m months: $(count 'select count(*) from observations') figures restored, want $n"
	/usr/bin/time -f %M -o "$tmp/dumprss$m" "$bin" dump "$tmp/dumped$m.json" > /dev/null 2> "$tmp/err" ||
		bad "dump of $m months: $(head -c 300 "$tmp/err")"
	tail -n 1 "$tmp/rss$m"
}
small=$(rss 12)
large=$(rss 48)
echo "restore ($backend): peak $small KB for 30,000 figures, $large KB for 120,000"
dsmall=$(tail -n 1 "$tmp/dumprss12") dlarge=$(tail -n 1 "$tmp/dumprss48")
echo "dump ($backend): peak $dsmall KB for 30,000 figures, $dlarge KB for 120,000"
[ "$small" -gt 0 ] && ok || bad "no peak size measured"
# Under AddressSanitizer freed memory waits in its quarantine and every
# block has red zones: the peak there says nothing of the program's own.
if ldd "$bin" | grep -q libasan; then
	echo "restore ($backend): the peak's bound not checked on a sanitizer build"
elif [ $((large * 2)) -le $((small * 3)) ]; then
	ok
else
	bad "restore of 4 times the figures took $large KB, $((large * 100 / (small + 1)))% of the $small KB of the smaller dump: want at most 150%"
fi
if ldd "$bin" | grep -q libasan; then
	echo "dump ($backend): the peak's bound not checked on a sanitizer build"
elif [ $(((dlarge - dsmall) * 1024 / 90000)) -lt 60 ]; then
	ok
else
	bad "dump of 90,000 figures more took $((dlarge - dsmall)) KB more: $(((dlarge - dsmall) * 1024 / 90000)) bytes a figure, want under 60"
fi
# What was restored dumps as the dump restored (units, figures, history: a
# figure's id is made from its series and period on restore; series of no
# plan get a code of their own: not compared).
run "dump after restore" 0 dump "$tmp/again.json"
python3 - "$tmp/d48.json" "$tmp/again.json" << 'EOF' && ok || bad "the restored store dumps other rows than the dump restored"
import json, sys
a, b = (json.load(open(p))["tables"] for p in sys.argv[1:3])
for name in ("units", "observations", "observation_history"):
    skip = {"observations": "id", "observation_history": "observation_id"}.get(name)
    cols = [c for c in a[name]["columns"] if c != skip]
    rows = lambda t: [[r[t[name]["columns"].index(c)] for c in cols] for r in t[name]["rows"]]
    if rows(a) != rows(b):
        sys.exit("%s differs" % name)
EOF

# Errors at the very end: refused, the row named, nothing written.
empty() {
	[ "$(count 'select count(*) from units') $(count 'select count(*) from series') $(count 'select count(*) from observations')" = "0 0 0" ] && ok ||
		bad "a refused restore ($1) wrote rows"
}
for what in period figure-id history-ref series-id series-code uid; do
	set -- $(mkdump 12 "$tmp/bad.json" "$what")
	nfig=$1 nhist=$2
	fresh
	run "restore of a dump whose end is wrong ($what)" 2 restore "$tmp/bad.json"
	case $what in
	period) want="bảng observations, dòng $nfig (tables.observations.rows[$((nfig - 1))]): cột period: kỳ \"2020-13\" không hợp lệ" ;;
	figure-id) want="bảng observations: id 1 có hai lần" ;;
	history-ref) want="bảng observation_history, dòng $nhist (tables.observation_history.rows[$((nhist - 1))]): cột observation_id: trỏ tới dòng không có" ;;
	series-id) want="bảng series, dòng 2500 (tables.series.rows[2499]): cột id: id 1 có hai lần" ;;
	series-code) want="bảng series, dòng 2500 (tables.series.rows[2499]): cột code: mã chỉ tiêu \"I.1.1\" của đơn vị trùng dòng 1" ;;
	uid) want="bảng dhis2_uids, dòng 1 (tables.dhis2_uids.rows[0]): cột uid: \"x\" không phải UID của DHIS2" ;;
	esac
	grep -qF "$want" "$tmp/err" && ok || bad "refused ($what): want '$want', got: $(head -c 300 "$tmp/err")"
	empty "$what"
done
# A file cut short: its last two bytes ("}}") gone.
head -c -2 "$tmp/d12.json" > "$tmp/cut.json"
fresh
run "restore of a dump cut short" 2 restore "$tmp/cut.json"
grep -q "cut.json: dòng" "$tmp/err" && ok || bad "a dump cut short: $(head -c 300 "$tmp/err")"
empty "cut short"
# The refused restores left the store as new: the good dump restores.
run "restore after the refusals" 0 restore "$tmp/d12.json"

# The dump's file read twice: the bytes the restore's read() calls return
# on it (strace), at most twice its size and 64 KB (what the reader takes
# ahead of a table's rows).
if ! command -v strace > /dev/null; then
	bad "strace is needed to count the bytes a restore reads"
else
	fresh
	# LeakSanitizer cannot run under ptrace: off for this run only.
	ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 \
		strace -o "$tmp/trace" -e trace=openat,read,close "$bin" restore "$tmp/d12.json" > /dev/null 2>&1 ||
		bad "restore under strace failed"
	size=$(stat -c %s "$tmp/d12.json")
	got=$(python3 - "$tmp/trace" "$tmp/d12.json" << 'EOF'
import re, sys
fd, n = None, 0
for line in open(sys.argv[1], errors="replace"):
    m = re.match(r'openat\(.*"(.*)", .*\) = (\d+)', line)
    if m and m.group(1) == sys.argv[2]:
        fd = m.group(2)
    elif fd and line.startswith("close(%s)" % fd):
        fd = None
    elif fd and line.startswith("read(%s," % fd):
        m = re.search(r"= (\d+)$", line.rstrip())
        n += int(m.group(1)) if m else 0
print(n)
EOF
)
	[ "$got" -ge "$size" ] && [ "$got" -le $((2 * size + 65536)) ] && ok ||
		bad "the restore read $got bytes of its $size-byte dump: want at most twice"
fi

finish store_restore_memory
