#!/usr/bin/env bash
# outage_stop.sh: SIGTERM to `chitieu serve` on PostgreSQL with a backlog:
# the observations table is locked by another session, so the writes in
# flight wait on the database and more queue up behind them. The server is
# gone within 10 s (README) all the same, and nothing it acknowledged is
# lost. A private cluster (scripts/pg-cluster.sh); ~20 s.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
root=$(cd "$(dirname "$0")/../.." && pwd)
pgdir=$(mktemp -d /tmp/chitieu-pgs.XXXXXX)
cleanup() {
	kill "${server_pid:-}" ${holder:-} 2> /dev/null
	wait 2> /dev/null
	bash "$root/scripts/pg-cluster.sh" stop "$pgdir" > /dev/null 2>&1 || rm -rf "$pgdir"
	rm -rf "$tmp"
}
trap cleanup EXIT
url=$(bash "$root/scripts/pg-cluster.sh" start "$pgdir") || { echo "FAIL: cannot start PostgreSQL"; exit 1; }
export CHITIEU_TEST_DB_URL=$url
use_demo
url=$CHITIEU_DB # use_db's own database on that server (lib.bash own_db)
start_server --workers 4
trap cleanup EXIT

admin_session vanphong matkhau-demo

# The lock, held for 25 s by a psql session.
psql -q "$url" -c "BEGIN; LOCK TABLE observations IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep(25); COMMIT;" \
	> /dev/null 2>&1 &
holder=$!
for _ in $(seq 1 50); do
	[ "$(psql -tAq "$url" -c "select count(*) from pg_locks l join pg_class c on c.oid = l.relation
		where c.relname = 'observations' and l.mode = 'AccessExclusiveLock' and l.granted")" = 1 ] && break
	sleep 0.1
done
# The backlog: 40 writes, each waiting for the lock or for a worker.
for i in $(seq 1 40); do
	curl -s -m 60 -o /dev/null -w '%{http_code}\n' -b "$jar" -H "X-CSRF-Token: $csrf" \
		-H 'Content-Type: application/json' \
		-d "{\"indicator\":\"IV.1\",\"period\":\"$((2030 + (i - 1) / 12))-$(printf %02d $(((i - 1) % 12 + 1)))\",\"value\":$i}" \
		"$base/api/v1/units/DEMO-A/observations" > "$tmp/w.$i" 2>&1 &
done
sleep 1
t0=$(date +%s%N)
kill -TERM "$server_pid"
while kill -0 "$server_pid" 2> /dev/null && [ $((($(date +%s%N) - t0) / 1000000)) -lt 30000 ]; do
	sleep 0.05
done
ms=$((($(date +%s%N) - t0) / 1000000))
echo "SIGTERM to exit: $ms ms"
kill -0 "$server_pid" 2> /dev/null && bad "still running 30 s after SIGTERM"
[ "$ms" -le 10000 ] && ok || bad "the server took $ms ms to stop, more than 10 s"
wait "$server_pid" 2> /dev/null
server_pid=
psql -tAq "$url" -c "select pg_terminate_backend(pid) from pg_stat_activity
	where query like '%pg_sleep%' and pid <> pg_backend_pid()" > /dev/null
wait 2> /dev/null
holder=
acked=$(cat "$tmp"/w.* | grep -c '^201')
echo "answers: $(cat "$tmp"/w.* | sort | uniq -c | tr -s ' \n' ' ')"
stored=$(psql -tAq "$url" -c "select count(*) from observations o join series s on s.id = o.series_id
	where s.code = 'IV.1' and o.period >= '2030-01'")
echo "$acked acknowledged, $stored stored"
[ "$stored" -ge "$acked" ] && ok || bad "$acked writes acknowledged, $stored stored"
finish outage_stop
