#!/usr/bin/env bash
# hold_memory.sh: issue 13, the memory a hold keeps its figures in (the
# country's 23.9 M monthly figures must fit a 1 GB server).
#  - GET /api/v1/engine gives each hold's figures and the bytes allocated to
#    keep them: every figure of the communes is held, in at most 40 bytes
#    each (the packs and their string pool, counted from the allocations).
#  - It gives too the children's evaluations each hold keeps (a row per
#    indicator, child and period kept) and the bytes allocated for them: at
#    most 150 bytes a row (with the calculation's text, 640 bytes, a row
#    took about 900: a third of the 1 GB at 3,321 communes x 75 indicators
#    x 2 periods kept).
#  - The server's resident memory grows by less than 250 bytes per figure
#    held when the country and the province holds are built (two holds of
#    the same figures, SQLite's page cache of up to 32 MB included): a
#    figure kept as struct obs_rec took about 150 bytes in each.
#  - A figure recorded afterwards is read into the packed hold: the
#    country's roll-up shows it, the hold keeps one figure more.
# Counted, not timed. SQLite only (the page cache of the bound is SQLite's).
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
use_db
communes=40 months=60
plan_province $communes
plan_figures $communes $months
run record 0 record --csv "$tmp/obs.csv"
figures=$(count "select count(*) from observations")
[ "$figures" -ge 100000 ] && ok || { bad "figures recorded: $figures"; figures=1; }

add_admin hm holdmem-pass-123
start_server --workers 2
admin_session hm holdmem-pass-123
get() { curl -s -m 120 -b "$jar" "$base$1"; }
engine() { get /api/v1/engine | jq -r ".holds[] | select(.unit == \"$2\") | .$1 // empty"; }
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$server_pid/status"; }

r0=$(rss_kb)
get "/api/v1/units/VN/rollup?period=2029-12" > "$tmp/vn.json"
get "/api/v1/units/P/rollup?period=2029-12" > "$tmp/p.json"
r1=$(rss_kb)
[ "$(jq -r .children "$tmp/vn.json")" = $communes ] && ok || bad "VN's roll-up: $(head -c 300 "$tmp/vn.json")"
[ "$(jq '.indicators | map(select(.value != null)) | length' "$tmp/vn.json")" -ge 40 ] && ok ||
	bad "VN's roll-up has no figures: $(head -c 300 "$tmp/vn.json")"
cmp -s <(jq -S .indicators "$tmp/vn.json") <(jq -S .indicators "$tmp/p.json") && ok ||
	bad "VN and P, over the same communes, roll up differently"

# The bytes the holds report, from their allocations.
for u in VN P; do
	held=$(engine figures $u) bytes=$(engine figure_bytes $u)
	echo "  $u: $held figures kept in $bytes bytes"
	[ "$held" = "$figures" ] && ok || bad "$u holds ${held:-no count of its} figures, $figures recorded"
	[ -n "$bytes" ] && [ "$bytes" -le $((40 * figures)) ] && ok ||
		bad "$u keeps $figures figures in ${bytes:-unreported} bytes (more than 40 each)"
	rows=$(engine eval_rows $u) ebytes=$(engine eval_bytes $u)
	echo "  $u: ${rows:-?} evaluated rows kept in ${ebytes:-?} bytes"
	[ -n "$rows" ] && [ "$rows" -ge $((communes * 50)) ] && ok ||
		bad "$u keeps ${rows:-an unreported number of} evaluated rows, not one per indicator of its $communes communes"
	[ -n "$ebytes" ] && [ -n "$rows" ] && [ "$ebytes" -le $((150 * rows)) ] && ok ||
		bad "$u keeps ${rows:-its} evaluated rows in ${ebytes:-unreported} bytes (more than 150 each)"
done
# The server's memory, both holds built.
grow=$(((r1 - r0) * 1024 / figures))
echo "  server memory: $(((r1 - r0) / 1024)) MB more for 2 holds of $figures figures: $grow B per figure"
# AddressSanitizer's shadow memory and quarantine make RSS meaningless.
if ldd "$bin" 2> /dev/null | grep -q libasan; then
	echo "  the server's memory is not checked under AddressSanitizer"
else
	[ "$grow" -le 250 ] && ok || bad "the server grew by $grow bytes per figure held (more than 250)"
fi

# A figure recorded through the API: read into the packed hold.
i1() { get "/api/v1/units/VN/rollup?period=2030-01" | jq '.indicators[] | select(.code == "I.1") | .value'; }
before=$(i1)
got=$(write_figure X01 I.1 2030-01 99)
[ "$got" = 201 ] && ok || bad "write: $got $(cat "$tmp/wbody")"
after=$(i1)
[ -n "$before" ] && [ "$before" != "$after" ] && ok || bad "VN's I.1 in 2030-01 did not move with the write: $before, then $after"
[ "$(engine figures VN)" = $((figures + 1)) ] && ok || bad "VN holds $(engine figures VN) figures after a write, not $((figures + 1))"
[ "$(engine builds VN)" = 1 ] && ok || bad "VN's hold was built again after a write: $(get /api/v1/engine)"
finish hold_memory
