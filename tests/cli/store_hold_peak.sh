#!/usr/bin/env bash
# store_hold_peak.sh BIN DATA: the server reads a hold's figures a row at a
# time from the store, not all of them into memory first (issue 13: on
# PostgreSQL libpq kept the whole answer, about 170 bytes a figure: 4 GB
# at the country's 23.9 M figures, beside the hold's 17). The server's
# peak memory (VmHWM), its country hold built (at start, then a roll-up),
# on the same store without figures and then with 270,000: it may grow by
# at most 60 bytes a figure held (about 110 before; the peak of the start,
# about 19 MB above what the server keeps, is in both). Counted, not timed.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
use_db
communes=50 months=72
plan_province $communes
add_admin hp holdpeak-pass-123

# peak: a server on the store, the country's hold built; sets hwm (its
# VmHWM, KB) and held (the figures its country hold keeps).
peak() {
	start_server
	admin_session hp holdpeak-pass-123
	get "/api/v1/units/VN/rollup?period=2025-12" > "$tmp/vn.json"
	[ "$(jq -r .children "$tmp/vn.json")" = $communes ] && ok ||
		bad "VN's roll-up: $(head -c 300 "$tmp/vn.json")"
	held=$(get /api/v1/engine | jq -r '.holds[] | select(.unit == "VN") | .figures // empty')
	hwm=$(awk '/^VmHWM/ {print $2}' "/proc/$server_pid/status")
	stop_server
}
peak
h0=$hwm

plan_figures $communes $months
run record 0 record --csv "$tmp/obs.csv"
figures=$(count "select count(*) from observations")
[ "$figures" -ge 250000 ] && ok || { bad "figures recorded: $figures"; figures=1; }

peak
h1=$hwm
[ "$held" = "$figures" ] && ok || bad "the country's hold keeps ${held:-no} figures, $figures recorded"
grow=$(((h1 - h0) * 1024 / figures))
echo "  server peak ($backend): $h0 KB without figures, $h1 KB with $figures: $grow B a figure"
# AddressSanitizer's shadow memory and quarantine make the peak meaningless.
if ldd "$bin" 2> /dev/null | grep -q libasan; then
	echo "  the server's peak is not checked under AddressSanitizer"
else
	[ "$grow" -le 60 ] && ok || bad "the server's peak grew by $grow bytes a figure held (more than 60)"
fi
finish store_hold_peak
