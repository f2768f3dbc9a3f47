#!/usr/bin/env bash
# store_dump_live.sh BIN DATA: `chitieu dump` of a store in use (README:
# back up while the server runs) reads one snapshot of every table without
# holding the write lock. The dump is stopped (SIGSTOP) once it has written
# its first bytes, so inside its transaction; meanwhile another process
# records a figure: on SQLite it is not kept waiting for the dump's end
# (under BEGIN IMMEDIATE it waited, and failed after the busy timeout of
# 10 s: a dump of the whole country takes minutes). The dump, let go on,
# is the store as it began (without that figure, on PostgreSQL too, where
# each statement read the store as it was then), and restores into an
# empty store that dumps the same bytes.
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
use_db
province_of_communes 30
run plans 0 import --list "$tmp/plans.csv"
# A figure a month for 2 years of every number of the even communes' plan.
"$bin" parse "$p000" | jq -r '.plan.indicators[] | select([.targets[]?.kind] | (index("yes") or index("level")) | not) | .code' > "$tmp/codes"
{
	echo "unit,indicator,period,value"
	for i in $(seq 2 2 30); do
		awk -v u="C$i" -v i="$i" '{ for (m = 1; m <= 24; m++)
			printf "%s,%s,%d-%02d,%d\n", u, $1, 2025 + int((m - 1) / 12), (m - 1) % 12 + 1, (i + m + NR) % 100 }' "$tmp/codes"
	done
} > "$tmp/obs.csv"
run record 0 record --csv "$tmp/obs.csv"
figures=$(count "select count(*) from observations")
[ "$figures" -ge 10000 ] && ok || bad "figures recorded: $figures"

# The dump stopped inside its transaction: its file has bytes, it has not
# ended (tried again when it ended first).
stopped=
for try in 1 2 3 4 5; do
	rm -f "$tmp/live.json" "$tmp/live.json.tmp"
	"$bin" dump "$tmp/live.json" > "$tmp/dump.out" 2> "$tmp/dump.err" &
	pid=$!
	until [ -s "$tmp/live.json.tmp" ] || ! kill -0 $pid 2> /dev/null; do :; done
	kill -STOP $pid 2> /dev/null
	if [ -f "$tmp/live.json.tmp" ] && [ ! -f "$tmp/live.json" ] && kill -0 $pid 2> /dev/null; then
		stopped=$pid
		break
	fi
	kill -CONT $pid 2> /dev/null
	wait $pid
done
[ -n "$stopped" ] && ok || { bad "the dump ended before it could be stopped (5 tries)"; finish store_dump_live; exit 1; }
printf 'unit,indicator,period,value\nC2,%s,2031-07,42\n' "$(head -1 "$tmp/codes")" > "$tmp/one.csv"
timeout 60 "$bin" record --csv "$tmp/one.csv" > "$tmp/out" 2> "$tmp/err"
rc=$?
kill -CONT "$stopped"
[ $rc = 0 ] && ok || bad "a figure recorded while a dump runs: exit $rc: $(head -c 300 "$tmp/err")"
[ "$(count "select count(*) from observations where period = '2031-07'")" = 1 ] && ok ||
	bad "the figure recorded while a dump runs is not stored"
wait "$stopped" && ok || bad "the dump: $(head -c 300 "$tmp/dump.err")"
[ -f "$tmp/live.json" ] && ok || bad "the dump wrote no file"
grep -q '"2031-07"' "$tmp/live.json" && bad "the dump holds the figure recorded after it began" || ok
[ "$(grep -o '"2026-12"' "$tmp/live.json" | wc -l)" = $((figures / 24)) ] && ok ||
	bad "the dump holds $(grep -o '"2026-12"' "$tmp/live.json" | wc -l) figures of 2026-12, want $((figures / 24))"

# It restores, and the restored store dumps the same bytes.
fresh
run restore 0 restore "$tmp/live.json"
run again 0 dump "$tmp/again.json"
cmp -s "$tmp/live.json" "$tmp/again.json" && ok || bad "the restored store dumps other bytes than the dump restored"
finish store_dump_live
