#!/usr/bin/env bash
# outage_pg.sh: a private PostgreSQL (scripts/pg-cluster.sh) stopped and
# started again while `chitieu serve` is under a bounded load of writes,
# reads and sign-ins. The same server process heals by itself: while the
# database is away every answer is 503 with Retry-After (never 401 "wrong
# password", never a strike, so no 429 lockout), a correct password works
# afterwards, and every write acknowledged with 201 is in the database.
# ~30 s.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
root=$(cd "$(dirname "$0")/../.." && pwd)
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
pgdir=$(mktemp -d /tmp/chitieu-pgo.XXXXXX)
cleanup() {
	kill "${server_pid:-}" ${loaders:-} 2> /dev/null
	wait 2> /dev/null
	bash "$root/scripts/pg-cluster.sh" stop "$pgdir" > /dev/null 2>&1 || rm -rf "$pgdir"
	rm -rf "$tmp"
}
trap cleanup EXIT
url=$(bash "$root/scripts/pg-cluster.sh" start "$pgdir") || { echo "FAIL: cannot start PostgreSQL"; exit 1; }
# pgctl ARGS: pg_ctl on that cluster, as its owner (as pg-cluster.sh does).
pgctl() {
	if [ "$(id -u)" -eq 0 ]; then
		(cd / && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$pgdir/data" "$@")
	else
		(cd / && "$PG_BIN/pg_ctl" -D "$pgdir/data" "$@")
	fi
}
export CHITIEU_TEST_DB_URL=$url
use_demo
url=$CHITIEU_DB # use_db's own database on that server (lib.bash own_db)
start_server --workers 4
trap cleanup EXIT

signin() { # LOGIN JAR: the status
	curl -s -m 20 -c "$2" -o "$2.body" -w '%{http_code}' -H 'Content-Type: application/json' \
		-d "{\"login\":\"$1\",\"password\":\"matkhau-demo\"}" "$base/api/v1/session"
}
[ "$(signin vanphong "$tmp/jar")" = 200 ] && ok || bad "sign in"
csrf=$(jq -r .csrf "$tmp/jar.body")

# Each loader logs "status retry-after-count [period value]" per request;
# writer W writes each month of its own ten years once (W=1: 2026-2035).
writer() {
	local i=0 p code
	while [ $i -lt 120 ] && [ ! -e "$tmp/stop" ]; do
		i=$((i + 1))
		p=$(printf '%04d-%02d' $((2016 + 10 * $1 + (i - 1) / 12)) $(((i - 1) % 12 + 1)))
		code=$(curl -s -m 20 -D "$tmp/h.w$1" -o /dev/null -w '%{http_code}' -b "$tmp/jar" \
			-H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
			-d "{\"indicator\":\"IV.1\",\"period\":\"$p\",\"value\":$((1000 * $1 + i))}" \
			"$base/api/v1/units/DEMO-A/observations")
		echo "$code $(grep -ci '^Retry-After: [0-9]' "$tmp/h.w$1") $p $((1000 * $1 + i))"
		sleep 0.1
	done > "$tmp/load.w$1"
}
# get NAME ARGS...: one request, logged as above into $tmp/load.NAME.
get() {
	local name=$1 code
	shift
	code=$(curl -s -m 20 -D "$tmp/h.$name" -o /dev/null -w '%{http_code}' "$@")
	echo "$code $(grep -ci '^Retry-After: [0-9]' "$tmp/h.$name")" >> "$tmp/load.$name"
}
reader() {
	local i=0
	while [ $i -lt 200 ] && [ ! -e "$tmp/stop" ]; do
		i=$((i + 1))
		get r -b "$tmp/jar" "$base/api/v1/units/DEMO-A/observations?period=2026-01"
		sleep 0.1
	done
}
signer() { # the correct password, over and over: it must never lock the account
	local i=0
	while [ $i -lt 200 ] && [ ! -e "$tmp/stop" ]; do
		i=$((i + 1))
		get s -H 'Content-Type: application/json' \
			-d '{"login":"tinh","password":"matkhau-demo"}' "$base/api/v1/session"
		sleep 0.1
	done
}
writer 1 &
loaders=$!
writer 2 &
loaders="$loaders $!"
reader &
loaders="$loaders $!"
signer &
loaders="$loaders $!"

sleep 3
pgctl -m fast -w -t 30 stop > /dev/null || bad "pg_ctl stop"
echo "PostgreSQL stopped"
# The CLI: a clear message and its own exit status (3: try again later).
run "the CLI while PostgreSQL is away" 3 status --unit DEMO-A --db "$url"
grep -q 'E_UNAVAILABLE' "$tmp/err" && ok || bad "the CLI's message: $(cat "$tmp/err")"
sleep 5
# Started again (three tries: under a loaded machine the postmaster has
# been seen to exit at once; what it logged is shown if it never comes).
started=0
for try in 1 2 3; do
	if pgctl -l "$pgdir/log" -w -t 30 start > /dev/null; then
		started=1
		break
	fi
	echo "pg_ctl start, try $try: $(tail -3 "$pgdir/log" | tr '\n' ' ')"
	sleep 1
done
[ "$started" = 1 ] || bad "pg_ctl start: $(tail -5 "$pgdir/log" | tr '\n' ' ')"
echo "PostgreSQL started again"
sleep 5
touch "$tmp/stop"
wait $loaders
loaders=

kill -0 "$server_pid" 2> /dev/null && ok || bad "the server is gone: $(tail -5 "$tmp/server.log")"
cat "$tmp"/load.w* > "$tmp/writes"
n503=$(grep -c '^503' "$tmp"/load.* | awk -F: '{s += $2} END {print s}')
echo "requests: $(cat "$tmp"/load.* | wc -l); 503: $n503; by status: $(cut -c1-3 "$tmp"/load.* | sort | uniq -c | tr -s ' \n' ' ')"
[ "$n503" -ge 1 ] && ok || bad "no 503 while PostgreSQL was away: the outage was not seen"
# Statuses: 200/201 or 503 (with Retry-After); nothing else, no 401, no 429.
others=$(cut -c1-3 "$tmp"/load.* | grep -cvE '^(200|201|503)$')
[ "$others" -eq 0 ] && ok || bad "$others answers other than 200, 201, 503: $(cut -c1-3 "$tmp"/load.* | sort | uniq -c | tr -s ' \n' ' ')"
no_retry=$(grep -h '^503 0' "$tmp"/load.* | wc -l)
[ "$no_retry" -eq 0 ] && ok || bad "$no_retry answers 503 without Retry-After"
# Healed: the last requests of every loader succeeded.
for f in "$tmp"/load.*; do
	case $(tail -1 "$f" | cut -c1-3) in
	200 | 201) ok ;;
	*) bad "$(basename "$f") ends with $(tail -1 "$f")" ;;
	esac
done
# No lockout: the correct password signs in.
[ "$(signin tinh "$tmp/jar.t")" = 200 ] && ok || bad "tinh after the outage: $(cat "$tmp/jar.t.body")"
[ "$(signin vanphong "$tmp/jar.v")" = 200 ] && ok || bad "vanphong after the outage: $(cat "$tmp/jar.v.body")"
# Every acknowledged write is stored (the last one per period wins).
awk '$1 == 201 {v[$3] = $4} END {for (p in v) print p, v[p]}' "$tmp/writes" | sort > "$tmp/acked"
psql -tAq "$url" -F ' ' -c "select o.period, cast(o.value as bigint) from observations o
	join series s on s.id = o.series_id join units u on u.id = s.unit_id
	where u.code = 'DEMO-A' and s.code = 'IV.1' and o.period >= '2026-01'" | sort > "$tmp/stored"
lost=$(comm -23 "$tmp/acked" "$tmp/stored" | wc -l)
echo "$(wc -l < "$tmp/acked") periods acknowledged, $(wc -l < "$tmp/stored") stored"
[ "$(wc -l < "$tmp/acked")" -ge 10 ] && ok || bad "too few acknowledged writes to judge"
[ "$lost" -eq 0 ] && ok || bad "$lost acknowledged writes lost: $(comm -23 "$tmp/acked" "$tmp/stored" | head -5 | tr '\n' ';')"
finish outage_pg
