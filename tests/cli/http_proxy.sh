#!/usr/bin/env bash
# http_proxy.sh: behind nginx every connection comes from 127.0.0.1; the
# sign-in lockout must hold the client nginx forwards, not everyone (issue
# 10 item 5). The server believes X-Forwarded-For only from the addresses
# of --trusted-proxy (none by default), and then only its rightmost hop
# that is not a trusted proxy (what nginx appended), never what a client
# wrote to the left of it.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
root=$(cd "$(dirname "$0")/../.." && pwd)
use_demo
pw=matkhau-demo

# signin FORWARDED LOGIN PASSWORD [CURL ARGS...]: the HTTP status.
signin() {
	local fwd=$1 login=$2 pass=$3
	shift 3
	curl -s -o /dev/null -w '%{http_code}' "$@" -H 'Content-Type: application/json' \
		${fwd:+-H "X-Forwarded-For: $fwd"} \
		-d "{\"login\":\"$login\",\"password\":\"$pass\"}" "$base/api/v1/session"
}

# twenty_bad FORWARDED [CURL ARGS...]: 20 wrong sign-ins (20 logins, so
# that no login is locked, only the address).
twenty_bad() {
	local fwd=$1 i codes=""
	shift
	for i in $(seq 1 20); do codes+=$(signin "$fwd" "khong-co-$i" sai "$@")" "; done
	echo "$codes"
}

# The shipped nginx config forwards the client as the server reads it.
grep -q 'proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;' "$root/contrib/nginx-chitieu.conf" &&
	grep -q -- '--trusted-proxy 127.0.0.1' "$root/contrib/nginx-chitieu.conf" && ok ||
	bad "contrib/nginx-chitieu.conf sets X-Forwarded-For and says --trusted-proxy 127.0.0.1"

# 1. nginx on 127.0.0.1, trusted.
start_server --trusted-proxy 127.0.0.1
codes=$(twenty_bad 203.0.113.7)
case "$codes" in *429*) bad "20 wrong sign-ins: $codes" ;; *) ok ;; esac
c=$(signin 203.0.113.7 lanhdao "$pw")
[ "$c" = 429 ] && ok || bad "the forwarded address that failed 20 times is held: $c"
# A client cannot escape by writing its own X-Forwarded-For: nginx appends
# the address it saw, and that rightmost hop is the one believed.
c=$(signin "198.51.100.99, 203.0.113.7" lanhdao "$pw")
[ "$c" = 429 ] && ok || bad "a forged hop left of the real one is ignored: $c"
c=$(signin 198.51.100.9 lanhdao "$pw")
[ "$c" = 200 ] && ok || bad "another forwarded client signs in: $c"
c=$(signin "" lanhdao "$pw")
[ "$c" = 200 ] && ok || bad "nginx's own address is not held: $c"
# 127.0.0.2 is not a trusted proxy: its X-Forwarded-For is its own word.
codes=$(twenty_bad 192.0.2.1 --interface 127.0.0.2)
c=$(signin 192.0.2.2 lanhdao "$pw" --interface 127.0.0.2)
[ "$c" = 429 ] && ok || bad "an untrusted peer's X-Forwarded-For is ignored: $c ($codes)"
c=$(signin 198.51.100.10 lanhdao "$pw")
[ "$c" = 200 ] && ok || bad "a client through the proxy is not held with 127.0.0.2: $c"
stop_server

# 2. No trusted proxy (the default): a forged X-Forwarded-For changes nothing.
start_server
codes=""
for i in $(seq 1 20); do codes+=$(signin "198.51.100.$i" "khong-co-$i" sai)" "; done
c=$(signin 198.51.100.77 lanhdao "$pw")
[ "$c" = 429 ] && ok || bad "without --trusted-proxy the peer address is held: $c ($codes)"

# A malformed list is refused at start.
"$bin" serve --listen 127.0.0.1:1 --trusted-proxy 'nginx' > /dev/null 2> "$tmp/err"
[ $? -eq 1 ] && grep -q trusted-proxy "$tmp/err" && ok || bad "--trusted-proxy nginx is refused"
finish http_proxy
