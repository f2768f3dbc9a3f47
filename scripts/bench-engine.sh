#!/usr/bin/env bash
# bench-engine.sh BIN: a store of NPROV provinces of 100 communes (plan 004,
# a figure for every percentage indicator in 2025-12), `chitieu serve` over
# it, and the province roll-up measured: the first answer, the answer after
# a write to another province and to the same one, then wrk -c32 alone and
# with one write a second (to a commune of another province, then of the
# same one). Prints figures; asserts nothing. SECS (10), NPROV (3).
set -euo pipefail
bin=$(realpath "${1:-build/chitieu}")
secs=${SECS:-10}
nprov=${NPROV:-3}
tmp=$(mktemp -d)
server_pid=
writer_pid=
cleanup() {
	[ -n "$writer_pid" ] && kill "$writer_pid" 2> /dev/null
	[ -n "$server_pid" ] && kill "$server_pid" 2> /dev/null && wait "$server_pid" 2> /dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
export CHITIEU_DB=${CHITIEU_DB:-$tmp/bench.db}
plan=tests/data/plans/004_5f0b3916b5e2f87f.txt
t0=$(bench_ms)
. "$(dirname "$0")/bench-lib.sh"
bench_province "$bin" "$tmp" "$nprov"
codes=$("$bin" parse "$plan" | awk -F'"' '/"code":/ {c=$4} /"unit": "%"/ {print c}')
first=$(echo "$codes" | head -1)
echo bench-pass-123 | "$bin" user add --login bench --role admin > /dev/null
echo "store: $((nprov * 100)) communes, $(wc -l < "$tmp/obs.csv") figures, built in $(($(bench_ms) - t0)) ms"

port=$(bench_free_port)
"$bin" serve --listen "127.0.0.1:$port" > "$tmp/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$port/dang-nhap" && break; sleep 0.1; done
base="http://127.0.0.1:$port"
curl -s -c "$tmp/jar" -H 'Content-Type: application/json' \
	-d '{"login":"bench","password":"bench-pass-123"}' "$base/api/v1/session" > "$tmp/signin"
csrf=$(jq -r .csrf "$tmp/signin")
cookie=$(awk '$6 == "chitieu_session" {print "chitieu_session=" $7}' "$tmp/jar")
roll="$base/api/v1/units/P1/rollup?period=2025-12"

ms() { curl -s -o /dev/null -w '%{time_total}' -b "$cookie" "$1" | awk '{printf "%.1f", $1 * 1000}'; }
# write UNIT VALUE: one figure through the API; prints its time in ms.
write() {
	curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -b "$tmp/jar" -H "X-CSRF-Token: $csrf" \
		-H 'Content-Type: application/json' \
		-d "{\"indicator\":\"$first\",\"period\":\"2025-12\",\"value\":$2}" \
		"$base/api/v1/units/$1/observations"
}
echo "== province roll-up (P1: 100 communes x 73 indicators)"
echo "first answer:                    $(ms "$roll") ms"
echo "again (cached):                  $(ms "$roll") ms"
write C2001 41 > /dev/null
echo "after a write to province P2:    $(ms "$roll") ms"
write C1001 42 > /dev/null
echo "after a write to province P1:    $(ms "$roll") ms"
ms "$base/api/v1/units/P2/rollup?period=2025-12" > /dev/null
page="$base/don-vi/P1/tinh?period=2025-12"
echo "province page, first:            $(ms "$page") ms ($(curl -s -b "$cookie" "$page" | wc -c) B)"
echo "province page, again:            $(ms "$page") ms"
write C1003 43 > /dev/null
echo "province page after a P1 write:  $(ms "$page") ms"
echo "country roll-up (VN), first:     $(ms "$base/api/v1/units/VN/rollup?period=2025-12") ms"
echo "country roll-up, again:          $(ms "$base/api/v1/units/VN/rollup?period=2025-12") ms"

run() {
	local out rps p50 p99
	out=$(wrk -t2 -c32 -d"${secs}s" --latency -H "Cookie: $cookie" "$2")
	rps=$(awk '/^Requests\/sec/ {print $2}' <<< "$out")
	p50=$(awk '$1 == "50%" {print $2}' <<< "$out")
	p99=$(awk '$1 == "99%" {print $2}' <<< "$out")
	printf '%-46s %10s req/s   p50 %8s   p99 %8s\n' "$1" "$rps" "$p50" "$p99"
}
# writer UNIT: one write a second until killed; times in $tmp/writes.
writer() {
	local v=0
	while :; do
		v=$(((v + 7) % 100))
		write "$1" "$v" >> "$tmp/writes" || true
		sleep 1
	done
}
echo "== wrk -t2 -c32 -d${secs}s on loopback (2 cores shared)"
run "province roll-up, no writes" "$roll"
for target in C2002 C1002; do
	: > "$tmp/writes"
	writer "$target" &
	writer_pid=$!
	run "province roll-up, 1 write/s to $target" "$roll"
	kill "$writer_pid" 2> /dev/null || true
	wait "$writer_pid" 2> /dev/null || true
	writer_pid=
	awk '{n++; if ($1 != 201) bad++; t = $2 * 1000; if (t > max) max = t; sum += t}
		END {printf "   writes: %d, not 201: %d, mean %.1f ms, max %.1f ms\n", n, bad, sum / n, max}' "$tmp/writes"
done
echo "server RSS: $(awk '/VmRSS/ {print $2 " kB"}' "/proc/$server_pid/status")"
