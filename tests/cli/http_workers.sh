#!/usr/bin/env bash
# http_workers.sh: who gives way to whom among the server's threads (issue
# 13: a write waited behind the readers' computing). With --workers 4 one
# worker takes the writes alone at the usual nice value and the three
# readers run at nice 5, giving way to it and to the polling threads that
# send cached answers; with --workers 1 the one worker does everything at
# the usual value. Counted from /proc (the nice value is per thread on
# Linux). A write is acknowledged either way.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
use_db
run vn 0 unit add --code VN --name "Cả nước" --kind country
echo workers-pass-123 | "$bin" user add --login wk --role admin > /dev/null 2>&1 || bad "user add"

# nices PID: the nice value of each thread of PID, one a line (field 19 of
# stat, counted after the command's closing parenthesis).
nices() {
	local t
	for t in /proc/"$1"/task/*/stat; do
		sed 's/.*) //' "$t" | awk '{print $17}'
	done
}
for w in 4 1; do
	start_server --workers "$w"
	for _ in $(seq 1 50); do # the workers set their value as they start
		[ "$(nices "$server_pid" | grep -c '^5$')" -ge $((w > 1 ? w - 1 : 0)) ] && break
		sleep 0.1
	done
	got=$(nices "$server_pid" | grep -c '^5$')
	want=$((w > 1 ? w - 1 : 0))
	[ "$got" = "$want" ] && ok || bad "--workers $w: $got threads at nice 5, want $want: $(nices "$server_pid" | tr '\n' ' ')"
	[ "$(nices "$server_pid" | grep -c '^0$')" -ge 2 ] && ok || bad "--workers $w: the polling threads and the writer at 0"
	code=$(curl -s -o "$tmp/s" -w '%{http_code}' -H 'Content-Type: application/json' \
		-d '{"login":"wk","password":"workers-pass-123"}' "$base/api/v1/session")
	[ "$code" = 200 ] || [ "$code" = 201 ] && ok || bad "--workers $w: sign in (a write): $code $(cat "$tmp/s")"
	stop_server
done
finish http_workers
