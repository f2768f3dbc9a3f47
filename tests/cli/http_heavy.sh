#!/usr/bin/env bash
# http_heavy.sh: heavy work cannot starve sign-in and reads (issue 10 item
# 6). Two viewers each ask for 8 XLSX reports of a province of 100
# communes at once (the real work: 100 plans evaluated, a workbook written;
# PDF needs chromium, absent from plain CI): each account gets at most 2 in
# flight, the rest 429 with Retry-After, and meanwhile a third account's
# sign-in and a read answer within a bound set by the same run's idle
# timings. Bounded: 16 + 6 requests, about 20 s.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
root=$(cd "$(dirname "$0")/../.." && pwd)
use_db
(cd "$root" && . scripts/bench-lib.sh && bench_province "$bin" "$tmp") || { echo "FAIL: the province"; exit 1; }
pw=mat-khau-dai
for v in v1 v2 v3; do
	echo "$pw" | "$bin" user add --login $v --name "Xem $v" --role viewer --unit P > /dev/null || { echo "FAIL: user $v"; exit 1; }
done
start_server --workers 8

signin() { # signin LOGIN JAR: the time it took (s); the status in $tmp/code
	curl -s -c "$2" -o /dev/null -w '%{http_code} %{time_total}' -H 'Content-Type: application/json' \
		-d "{\"login\":\"$1\",\"password\":\"$pw\"}" "$base/api/v1/session" > "$tmp/st"
	read -r code t < "$tmp/st"
	echo "$code" > "$tmp/code"
	echo "$t"
}
report() { # report JAR OUT: headers in OUT.h, status and time in OUT
	curl -s -b "$1" -D "$2.h" -o /dev/null -w '%{http_code} %{time_total}' \
		"$base/don-vi/P/bao-cao?format=pdf&period=2025-12" > "$2"
}
read_me() { curl -s -b "$1" -o /dev/null -w '%{http_code} %{time_total}' "$base/api/v1/me"; }
median() { printf '%s\n' "$@" | sort -g | sed -n "$((($# + 1) / 2))p"; }

# Idle: sign-ins, a read, one report.
signin v1 "$tmp/j1" > /dev/null
signin v2 "$tmp/j2" > /dev/null
s1=$(signin v3 "$tmp/j3")
s2=$(signin v3 "$tmp/j3")
s3=$(signin v3 "$tmp/j3")
signin_idle=$(median "$s1" "$s2" "$s3")
read -r _ read_idle <<< "$(read_me "$tmp/j3")"
report "$tmp/j1" "$tmp/idle"
read -r code report_idle < "$tmp/idle"
[ "$code" = 200 ] && ok || bad "a report, idle: $code"

# Loaded: 16 reports at once, then a sign-in and a read.
pids=()
for i in $(seq 1 8); do
	report "$tmp/j1" "$tmp/a$i" &
	pids+=($!)
	report "$tmp/j2" "$tmp/b$i" &
	pids+=($!)
done
sleep 0.2
signin_busy=$(signin v3 "$tmp/j3")
signin_code=$(cat "$tmp/code")
read -r read_code read_busy <<< "$(read_me "$tmp/j3")"
wait "${pids[@]}"

echo "idle: sign-in ${signin_idle}s, read ${read_idle}s, report ${report_idle}s;" \
	"under load: sign-in ${signin_busy}s, read ${read_busy}s"
# The bound: what the idle run took, twice, plus one and a half reports.
# (Queued behind 16 reports on 8 workers and 2 cores, it took ~2 s here.)
bound=$(echo "2 * $signin_idle + 1.5 * $report_idle" | bc -l)
rbound=$(echo "2 * $read_idle + 1.5 * $report_idle" | bc -l)
[ "$signin_code" = 200 ] && [ "$(echo "$signin_busy < $bound" | bc -l)" = 1 ] && ok ||
	bad "a sign-in under load: $signin_code in ${signin_busy}s, bound ${bound}s (idle: sign-in ${signin_idle}s, report ${report_idle}s)"
[ "$read_code" = 200 ] && [ "$(echo "$read_busy < $rbound" | bc -l)" = 1 ] && ok ||
	bad "a read under load: $read_code in ${read_busy}s, bound ${rbound}s (idle ${read_idle}s)"

for acct in a b; do
	done_=0 refused=0 other=""
	for i in $(seq 1 8); do
		read -r code _ < "$tmp/$acct$i"
		case $code in
		200) done_=$((done_ + 1)) ;;
		429)
			refused=$((refused + 1))
			grep -qi '^Retry-After: [0-9]' "$tmp/$acct$i.h" || other+=" 429-without-Retry-After"
			;;
		*) other+=" $code" ;;
		esac
	done
	# 2 in flight per account; one more may slip in when one ends early.
	if [ "$done_" -ge 1 ] && [ "$done_" -le 3 ] && [ "$refused" -ge 5 ] && [ -z "$other" ]; then
		ok
	else
		bad "account $acct: 8 reports at once: $done_ made, $refused refused 429,$other"
	fi
done
# Free again once they are done.
report "$tmp/j1" "$tmp/after"
read -r code _ < "$tmp/after"
[ "$code" = 200 ] && ok || bad "a report after the load: $code"
finish http_heavy
