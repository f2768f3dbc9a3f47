#!/usr/bin/env bash
# outage_lock.sh: another process holds SQLite's write lock longer than the
# server's busy timeout (10 s, sqlite.c): a write is answered 503 E_BUSY
# with Retry-After (the database's state, not the request's fault: it was
# 400 E_DB), reads and sign-in go on meanwhile, and once the lock is let go
# the same write is recorded, without a restart. SQLite only; ~15 s.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
unset CHITIEU_TEST_DB_URL # the lock is SQLite's
use_demo
start_server --workers 2

admin_session vanphong matkhau-demo

# write VALUE PERIOD: the status; headers in $tmp/h, body in $tmp/body.
write() {
	curl -s -m 30 -D "$tmp/h" -o "$tmp/body" -w '%{http_code}' -b "$jar" -H "X-CSRF-Token: $csrf" \
		-H 'Content-Type: application/json' \
		-d "{\"indicator\":\"IV.1\",\"period\":\"$2\",\"value\":$1}" \
		"$base/api/v1/units/DEMO-A/observations"
}
stored() { sqlite3 "$CHITIEU_DB" "select o.value from observations o join series s on s.id = o.series_id
	join units u on u.id = s.unit_id where u.code = 'DEMO-A' and s.code = 'IV.1' and o.period = '$1'"; }

got=$(write 7 2027-01)
[ "$got" = 201 ] && ok || bad "a write before the lock: $got $(cat "$tmp/body")"

# The lock: a sqlite3 shell in a transaction that wrote, fed through a fifo.
mkfifo "$tmp/fifo"
sqlite3 "$CHITIEU_DB" < "$tmp/fifo" > "$tmp/holder.out" 2>&1 &
holder=$!
exec 3> "$tmp/fifo"
trap 'exec 3>&-; kill "$holder" "$server_pid" 2> /dev/null; wait 2> /dev/null; rm -rf "$tmp"' EXIT
echo "BEGIN IMMEDIATE; UPDATE meta SET value = value WHERE key = 'schema';" >&3
for _ in $(seq 1 50); do
	sqlite3 -cmd '.timeout 0' "$CHITIEU_DB" 'BEGIN IMMEDIATE; ROLLBACK;' 2> /dev/null || break
	sleep 0.1
done
if sqlite3 -cmd '.timeout 0' "$CHITIEU_DB" 'BEGIN IMMEDIATE; ROLLBACK;' 2> /dev/null; then
	bad "the lock is not held: the test proves nothing"
fi

t0=$(date +%s%N)
got=$(write 8 2027-02)
ms=$((($(date +%s%N) - t0) / 1000000))
echo "a write while the lock is held: $got after $ms ms: $(head -c 300 "$tmp/body")"
[ "$got" = 503 ] && ok || bad "a write while the lock is held: $got, want 503"
grep -qi '^Retry-After: [0-9]' "$tmp/h" && ok || bad "503 without Retry-After: $(cat "$tmp/h")"
[ "$(jq -r .error.code "$tmp/body")" = E_BUSY ] && ok || bad "code: $(cat "$tmp/body")"
[ "$ms" -ge 9000 ] && ok || bad "answered after $ms ms: the busy timeout (10 s) was not waited"
# Reads and sign-in do not wait for the writer (WAL).
got=$(curl -s -m 5 -o /dev/null -w '%{http_code}' -b "$jar" "$base/api/v1/units/DEMO-A/observations")
[ "$got" = 200 ] && ok || bad "a read while the lock is held: $got"
got=$(curl -s -m 5 -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
	-d '{"login":"tinh","password":"matkhau-demo"}' "$base/api/v1/session")
[ "$got" = 200 ] && ok || bad "a sign-in while the lock is held: $got"

echo "COMMIT;" >&3
exec 3>&-
wait "$holder"
got=$(write 8 2027-02)
[ "$got" = 201 ] && ok || bad "the same write once the lock is gone: $got $(cat "$tmp/body")"
[ "$(stored 2027-02)" = 8.0 ] && ok || bad "2027-02 holds '$(stored 2027-02)', want 8.0"
[ "$(stored 2027-01)" = 7.0 ] && ok || bad "2027-01 holds '$(stored 2027-01)', want 7.0"
kill -0 "$server_pid" 2> /dev/null && ok || bad "the server is gone"
finish outage_lock
