#!/usr/bin/env bash
# bench-http.sh: wrk on loopback, 64 connections, against `chitieu serve`:
# the overview page of a commune and the status JSON (roll-up) of a
# province of 100 communes x the 73 indicators of plan 004, signed in; and
# beside them nginx serving static files of the same sizes, in the same run
# (the practical ceiling of this machine). Prints figures; asserts nothing.
# PROFILE=FILE records the server with perf during the first run.
set -euo pipefail
bin=${1:-build/chitieu}
secs=${SECS:-10}
tmp=$(mktemp -d)
nginx_pid=
server_pid=
cleanup() {
	[ -n "$server_pid" ] && kill "$server_pid" 2> /dev/null && wait "$server_pid" 2> /dev/null
	[ -n "$nginx_pid" ] && kill "$nginx_pid" 2> /dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
export CHITIEU_DB="$tmp/bench.db"
plan=tests/data/plans/004_5f0b3916b5e2f87f.txt

. "$(dirname "$0")/bench-lib.sh"
bench_province "$bin" "$tmp"
echo bench-pass-123 | "$bin" user add --login bench --role admin > /dev/null

port=$(bench_free_port)
"$bin" serve --listen "127.0.0.1:$port" > "$tmp/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 300); do curl -s -o /dev/null "http://127.0.0.1:$port/dang-nhap" && break; sleep 0.1; done
base="http://127.0.0.1:$port"
cookie=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
	-d '{"login":"bench","password":"bench-pass-123"}' "$base/api/v1/session" |
	sed -n 's/^Set-Cookie: \(chitieu_session=[0-9a-f]*\).*/\1/p')
page="/don-vi/C050?period=2025-12"
status="/api/v1/units/P/rollup?period=2025-12"

# nginx with the same bytes as static files.
mkdir -p "$tmp/www"
curl -s -H "Cookie: $cookie" "$base$page" > "$tmp/www/page.html"
t0=${EPOCHREALTIME/[.,]/}
curl -s -H "Cookie: $cookie" "$base/api/v1/units/P/rollup?period=2025-11" > /dev/null
t1=${EPOCHREALTIME/[.,]/}
curl -s -H "Cookie: $cookie" "$base$status" > "$tmp/www/status.json"
nport=$(bench_free_port)
# nginx's workers run as nobody when it is started as root: they must reach
# the files (mktemp -d makes a directory only its owner may enter).
chmod 711 "$tmp"
cat > "$tmp/nginx.conf" << NGINX
worker_processes auto;
pid $tmp/nginx.pid;
error_log $tmp/nginx-error.log;
daemon off;
events { worker_connections 1024; }
http {
	access_log off;
	client_body_temp_path $tmp/ngx-body;
	proxy_temp_path $tmp/ngx-proxy;
	fastcgi_temp_path $tmp/ngx-fcgi;
	uwsgi_temp_path $tmp/ngx-uwsgi;
	scgi_temp_path $tmp/ngx-scgi;
	server { listen 127.0.0.1:$nport; root $tmp/www; }
}
NGINX
nginx -e "$tmp/nginx-error.log" -c "$tmp/nginx.conf" &
nginx_pid=$!
sleep 0.5

# run NAME URL [COOKIE]: requests/s and p99 from wrk.
run() {
	local out
	out=$(wrk -t2 -c64 -d"${secs}s" --latency ${3:+-H "Cookie: $3"} "$2")
	local rps p99 non2xx
	rps=$(awk '/^Requests\/sec/ {print $2}' <<< "$out")
	p99=$(awk '$1 == "99%" {print $2}' <<< "$out")
	non2xx=$(awk '/Non-2xx/ {print $NF}' <<< "$out")
	printf '%-44s %10s req/s   p99 %8s%s\n' "$1" "$rps" "$p99" "${non2xx:+   ($non2xx answers not 2xx)}"
}
echo "== HTTP, wrk -t2 -c64 -d${secs}s on loopback (2 cores shared by wrk and the server)"
printf 'the first roll-up of 100 communes (computed, not cached): %.1f ms\n' \
	"$(echo "($t1 - $t0) / 1000" | bc -l)"
[ -n "${PROFILE:-}" ] && { perf record -g -p "$server_pid" -o "$PROFILE" -- sleep "$secs" > /dev/null 2>&1 & }
run "chitieu: overview page of a commune ($(wc -c < "$tmp/www/page.html") B)" "$base$page" "$cookie"
run "nginx: the same bytes, static" "http://127.0.0.1:$nport/page.html"
run "chitieu: province status JSON ($(wc -c < "$tmp/www/status.json") B)" "$base$status" "$cookie"
run "nginx: the same bytes, static" "http://127.0.0.1:$nport/status.json"
