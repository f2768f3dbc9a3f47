#!/usr/bin/env bash
# store_restore_writes.sh BIN DATA: `chitieu restore` writes about what it
# keeps (a national dump of 23.9 M figures wrote 47 GB for a 560 MB store):
# SQLite as Debian builds it zeroes every page it frees, so dropping the
# restore's temporary tables rewrote each of their pages after copying it to
# a statement journal. Counted, not timed: the bytes the restore hands to
# write(2) (wchar of /proc/PID/io, every file: the store, its WAL, the
# temporary files) for a dump of 200 communes of 25 series, 96 months each
# (480,000 figures), at most 250 a figure (373 before, 155 now).
# SQLite only (PostgreSQL writes in its server); the restored store dumps
# as the dump restored.
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
use_db
if [ "$backend" != sqlite ]; then
	echo "restore writes: SQLite only"
	finish store_restore_writes
	exit $?
fi

fresh
run "dump of an empty store" 0 dump "$tmp/empty.json" || { finish store_restore_writes; exit 1; }
n=$(python3 - "$tmp/empty.json" "$tmp/d.json" "$(dirname "$0")" << 'EOF2'
import json, sys
doc = json.load(open(sys.argv[1]))
t = doc["tables"]
sys.dont_write_bytecode = True  # (nothing written beside the tests)
sys.path.insert(0, sys.argv[3])
from country_dump import country
periods = ["%d-%02d" % (2020 + m // 12, m % 12 + 1) for m in range(96)]
units, series, figures = country(t, 200, 25, periods, 2)
t["units"]["rows"], t["series"]["rows"], t["observations"]["rows"] = units, series, figures
json.dump(doc, open(sys.argv[2], "w"), ensure_ascii=False, separators=(",", ":"))
print(len(figures))
EOF2
)
fresh
# (the shell's own counts include its children's once waited for)
bash -c '"$1" restore "$2" > /dev/null 2> "$3" || exit 1; sed -n "s/^wchar: //p" /proc/$$/io' \
	- "$bin" "$tmp/d.json" "$tmp/err" > "$tmp/wchar" || bad "restore: $(head -c 300 "$tmp/err")"
[ "$(count 'select count(*) from observations')" = "$n" ] && ok ||
	bad "$(count 'select count(*) from observations') figures restored, want $n"
per=$(($(cat "$tmp/wchar") / n))
echo "restore (sqlite): $(cat "$tmp/wchar") bytes written for $n figures, $per a figure"
# (a sanitizer's build writes what the program writes: checked there too)
[ "$per" -le 250 ] && ok || bad "restore wrote $per bytes a figure: want at most 250"
run "dump after restore" 0 dump "$tmp/again.json"
python3 - "$tmp/d.json" "$tmp/again.json" << 'EOF2' && ok || bad "the restored store dumps other figures than the dump restored"
import json, sys
a, b = (json.load(open(p))["tables"] for p in sys.argv[1:3])
for name in ("units", "observations"):
    cols = [c for c in a[name]["columns"] if c != "id" or name == "units"]
    rows = lambda t: [[r[t[name]["columns"].index(c)] for c in cols] for r in t[name]["rows"]]
    if rows(a) != rows(b):
        sys.exit("%s differs" % name)
EOF2

# Temporary files: a plan's rows restored made SQLite copy every agency of
# the store into a temporary table for the plan (its lead and monitor were
# LEFT JOINs to the agencies view), a temporary file a plan once they passed
# its cache (1,035 plans of 26,910 agencies: 1,039 files, 814 MB). Counted
# by a library preloaded for the run (call_counter): the temporary files
# SQLite makes (each unlinked once made, its name SQLite's "etilqs_"). Plan 000 for 40
# communes, and 1,000 agencies more a commune in the dump: at most 8 files
# (the temporary tables' own), not one a plan; restored, dumped and
# restored again: the same.
call_counter unlink "const char *path" path 'strstr(path, "etilqs_")' || bad "cannot build the counter"
fresh
plan_province 40
run "dump of the plans" 0 dump "$tmp/p.json"
python3 - "$tmp/p.json" "$tmp/p2.json" << 'EOF'
import json, sys
doc = json.load(open(sys.argv[1]))
t = doc["tables"]["agencies"]
units = [r[0] for r in doc["tables"]["units"]["rows"] if r[3] == "commune"]
k = max(r[0] for r in t["rows"])
for u in units:
    for j in range(1000):
        k += 1
        t["rows"].append([k, u, "Co quan %d cua xa %d" % (j, u), "co quan %d cua xa %d" % (j, u)])
json.dump(doc, open(sys.argv[2], "w"), ensure_ascii=False)
EOF
fresh
calls_of unlink "$bin" restore "$tmp/p2.json" > /dev/null 2> "$tmp/err" ||
	bad "restore of the plans: $(head -c 300 "$tmp/err")"
plans=$(count 'select count(*) from plans')
temps=$(cat "$tmp/unlink.count")
echo "restore (sqlite): $temps temporary files for $plans plans"
[ "$plans" = 40 ] && ok || bad "$plans plans restored, want 40"
[ "$temps" != none ] && [ "$temps" -le 8 ] && ok || bad "restore made $temps temporary files for $plans plans: want at most 8"
run "dump after the plans' restore" 0 dump "$tmp/p3.json"
python3 - "$tmp/p2.json" "$tmp/p3.json" << 'EOF' && ok || bad "the restored plans dump other rows than the dump restored"
import json, sys
a, b = (json.load(open(p))["tables"] for p in sys.argv[1:3])
sys.exit(next(("%s differs" % n for n in a if a[n] != b.get(n)), None))
EOF
restore_again "$tmp/p3.json"
finish store_restore_writes
