#!/usr/bin/env bash
# upload_spawn.sh: the process that reads an uploaded document is the
# chitieu binary executed afresh as "chitieu __read" (posix_spawn), not a
# fork of the multithreaded server (whose command line is "serve"), and it
# runs under the CPU limit it was given, without the server's sockets; the
# page progress still reaches the poll and the scan is read (issue 12).
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
use_demo
export CHITIEU_UPLOAD_CPU_SECONDS=90 OMP_THREAD_LIMIT=1
start_server --workers 4
curl -s -c "$tmp/jar" -H 'Content-Type: application/json' \
	-d '{"login":"vanphong","password":"matkhau-demo"}' "$base/api/v1/session" > "$tmp/signin"
csrf=$(sed -n 's/.*"csrf":"\([0-9a-f]*\)".*/\1/p' "$tmp/signin")
api=$base/api/v1/units/DEMO-A/plan
# A scan is read by OCR for seconds: time to look at the reading child.
curl -s -o "$tmp/post" -w '%{http_code}' -X POST -b "$tmp/jar" -H "X-CSRF-Token: $csrf" \
	-F "file=@$data/scans/002_f65c0da7dbd96e8d.scan.pdf" "$api/drafts" > "$tmp/post.status" &
post_pid=$!
child=
for _ in $(seq 1 400); do
	child=$(pgrep -P "$server_pid" | head -1)
	[ -n "$child" ] && [ -r "/proc/$child/cmdline" ] && grep -q . "/proc/$child/cmdline" && break
	child=
	sleep 0.05
done
if [ -n "$child" ]; then
	ok
	tr '\0' ' ' < "/proc/$child/cmdline" > "$tmp/cmdline"
	exe=$(readlink "/proc/$child/exe")
	# The child sets its limits first thing after it starts: looked at
	# until they are there (a child seen in its first instant has not
	# set them yet), 5 s at most.
	for _ in $(seq 1 100); do
		limits=$(grep 'Max cpu time' "/proc/$child/limits" 2> /dev/null)
		grep -qE 'Max cpu time +unlimited' <<< "$limits" || break
		sleep 0.05
	done
	sockets=$(ls -l "/proc/$child/fd/" 2> /dev/null | grep -c 'socket:')
	[ "$exe" = "$(readlink -f "$bin")" ] && ok || bad "the child's program: $exe"
	[ "$(cut -d' ' -f2 "$tmp/cmdline")" = __read ] && ok ||
		bad "the child is not chitieu __read but: $(cat "$tmp/cmdline")"
	grep -q -- '--cpu 90 ' "$tmp/cmdline" && ok || bad "the child's CPU limit on its command line: $(cat "$tmp/cmdline")"
	grep -qE 'Max cpu time +90 +92 ' <<< "$limits" && ok || bad "the child's RLIMIT_CPU: $limits"
	[ "$sockets" = 0 ] && ok || bad "the child holds $sockets of the server's sockets"
else
	bad "no reading child seen under the server"
fi
wait "$post_pid"
status=$(cat "$tmp/post.status")
[ "$status" = 202 ] || [ "$status" = 201 ] && ok || bad "upload: $status $(head -c 300 "$tmp/post")"
pages=0
if [ "$status" = 202 ]; then
	poll=$(jq -r .poll "$tmp/post")
	for _ in $(seq 1 240); do
		curl -s -b "$tmp/jar" "$base$poll" > "$tmp/body"
		p=$(jq -r '.pages // 0' "$tmp/body")
		[ "$p" -gt "$pages" ] && pages=$p
		jq -e '.state == "reading"' "$tmp/body" > /dev/null || break
		sleep 0.5
	done
	jq -e '.state == "done" and .draft > 0' "$tmp/body" > /dev/null && ok || bad "the scan: $(head -c 300 "$tmp/body")"
	[ "$pages" -ge 1 ] && ok || bad "no page progress while the scan was read"
fi
[ "$(count 'SELECT count(*) FROM plan_drafts')" = 1 ] && ok || bad "drafts stored: $(count 'SELECT count(*) FROM plan_drafts')"
kill -0 "$server_pid" && ok || bad "the server died"
finish upload_spawn
