#!/usr/bin/env bash
# http_slow.sh: slow clients cannot take the server down (issue 10 item 4).
# A connection that trickles its headers or its body, a byte well within
# the idle timeout each time, is cut at --deadline; a flood of 1,100 such
# connections from 127.0.0.1 gets --max-per-address (64) of them, while a
# client from 127.0.0.2 is answered at once. Bounded: about 10 s (20 at most), 1,104
# connections, all closed by tests/tools/slowclients.c before it exits.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
slow=${SLOWCLIENTS:-$(dirname "$bin")/slowclients}
[ -x "$slow" ] || { echo "FAIL: $slow is missing (built beside chitieu)"; exit 1; }
use_db
start_server --timeout 15 --deadline 3
port=${base##*:}

# 1. The deadline: a byte a second keeps an idle timeout of 15 s away, not
# the deadline of 3 s (the watchdog looks once a second).
"$slow" 127.0.0.1 "$port" 2 1000 12 header > "$tmp/header" &
h=$!
"$slow" 127.0.0.1 "$port" 2 1000 12 body > "$tmp/body" &
b=$!
wait "$h" "$b"
for kind in header body; do
	read -r _ connected _ failed _ refused _ cut _ open _ first _ last < "$tmp/$kind"
	if [ "$connected" -eq 2 ] && [ "$cut" -eq 2 ] && [ "$first" -ge 2800 ] && [ "$last" -le 8000 ]; then
		ok
	else
		bad "a slow $kind is cut at the deadline (3 s): $(cat "$tmp/$kind")"
	fi
done

# 2. The flood: 1,100 slow connections from 127.0.0.1 (more than the 1,024
# the server takes in all); a sign-in page for 127.0.0.2 meanwhile.
t0=$(curl -s -o /dev/null -w '%{time_total}' "$base/dang-nhap")
# It lasts 8 s unless the server cuts it; the client gives up after 4 s.
# A connection closed within 1.5 s counts as turned away at accept: a held
# one is cut at the deadline (3 s), and a loaded server (ASan, 2 cores) may
# take a second to turn 1,000 away.
"$slow" 127.0.0.1 "$port" 1100 1000 8 header 1500 > "$tmp/flood" &
f=$!
sleep 2
got=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -m 4 --interface 127.0.0.2 "$base/dang-nhap")
wait "$f"
read -r _ connected _ failed _ refused _ cut _ open _ first _ last < "$tmp/flood"
[ "${got%% *}" = 200 ] && ok || bad "a client from 127.0.0.2 during the flood: $got (idle: ${t0}s)"
# At most 64 (and a few accepted at once by the two polling threads) held.
if [ $((cut + open)) -le 70 ] && [ "$refused" -ge 1000 ]; then
	ok
else
	bad "the flood holds at most 64 connections of 127.0.0.1: $(cat "$tmp/flood")"
fi
# The server is still whole.
code=$(curl -s -o /dev/null -w '%{http_code}' -m 5 "$base/dang-nhap")
[ "$code" = 200 ] && ok || bad "after the flood: $code"
finish http_slow
