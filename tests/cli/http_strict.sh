#!/usr/bin/env bash
# http_strict.sh: requests whose length is ambiguous are refused, and the
# report's HTML works under the server's own Content-Security-Policy
# (issue 10 item 16). Raw requests through bash's /dev/tcp, each read for
# 3 s at most.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
use_demo
start_server
port=${base##*:}

# raw NAME REQUEST: send REQUEST (printf escapes) on a new connection; what
# comes back in 3 s (or until the server closes) in $tmp/NAME.
trap '' PIPE # the server may close before the whole request is written
raw() {
	exec 3<> "/dev/tcp/127.0.0.1/$port"
	printf "$2" >&3 2> /dev/null
	timeout 3 cat <&3 > "$tmp/$1"
	echo $? > "$tmp/$1.rc"
	exec 3>&-
}
answers() { grep -ac '^HTTP/1.1 ' "$tmp/$1"; }

# Two Content-Lengths that differ: 400, the connection closed, and what
# followed never runs as a second request (smuggling).
raw cl2 'GET /dang-nhap HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nContent-Length: 38\r\n\r\nGET /static/app.css HTTP/1.1\r\nHost: x\r\n\r\n'
head -n 1 "$tmp/cl2" | grep -q '^HTTP/1.1 400' && ok || bad "two Content-Lengths: $(head -n 1 "$tmp/cl2")"
[ "$(answers cl2)" = 1 ] && ! grep -qa 'text/css' "$tmp/cl2" && ok || bad "the smuggled request ran: $(grep -a '^HTTP\|^Content-Type' "$tmp/cl2" | tr '\r\n' '  ')"
grep -qai '^Connection: close' "$tmp/cl2" && [ "$(cat "$tmp/cl2.rc")" = 0 ] && ok || bad "two Content-Lengths: the connection is closed"
grep -qa 'E_HTTP' "$tmp/cl2" && ok || bad "two Content-Lengths: E_HTTP"

# An unknown Transfer-Encoding: 400 at once (it used to get no answer).
raw te 'POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: gzip\r\n\r\n{}'
head -n 1 "$tmp/te" | grep -q '^HTTP/1.1 400' && [ "$(cat "$tmp/te.rc")" = 0 ] && ok ||
	bad "Transfer-Encoding: gzip: $(head -n 1 "$tmp/te") (timeout exit $(cat "$tmp/te.rc"))"

# Both Transfer-Encoding and Content-Length: 400.
raw both 'POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nContent-Length: 6\r\n\r\n2\r\n{}\r\n0\r\n\r\n'
head -n 1 "$tmp/both" | grep -q '^HTTP/1.1 400' && grep -qa E_HTTP "$tmp/both" && ok ||
	bad "Transfer-Encoding and Content-Length: $(head -n 1 "$tmp/both")"

# What stays allowed: chunked alone, and the same Content-Length twice.
raw chunked 'POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n2d\r\n{"login":"lanhdao","password":"matkhau-demo"}\r\n0\r\n\r\n'
head -n 1 "$tmp/chunked" | grep -q '^HTTP/1.1 200' && ok || bad "a chunked sign-in: $(head -n 1 "$tmp/chunked")"
raw same 'GET /dang-nhap HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nContent-Length: 0\r\nConnection: close\r\n\r\n'
head -n 1 "$tmp/same" | grep -q '^HTTP/1.1 200' && ok || bad "the same Content-Length twice: $(head -n 1 "$tmp/same")"

# The report's HTML under the policy it is served with: its one <style> is
# allowed by hash, and nothing else inline (no style attribute, no script).
curl -s -c "$tmp/jar" -o /dev/null -H 'Content-Type: application/json' \
	-d '{"login":"lanhdao","password":"matkhau-demo"}' "$base/api/v1/session"
curl -s -b "$tmp/jar" -D "$tmp/rh" -o "$tmp/report.html" "$base/don-vi/DEMO-A/bao-cao?format=html&period=2025-12"
grep -q '^HTTP/1.1 200' "$tmp/rh" && grep -q '<style>' "$tmp/report.html" && ok || bad "the HTML report: $(head -n 1 "$tmp/rh")"
csp=$(grep -i '^Content-Security-Policy:' "$tmp/rh" | tr -d '\r')
[ "$(grep -ic '^Content-Security-Policy:' "$tmp/rh")" = 1 ] && ok || bad "one policy on the report"
style=$(sed -n 's/.*<style>\(.*\)<\/style>.*/\1/p' "$tmp/report.html")
hex=$(printf '%s' "$style" | sha256sum | cut -d' ' -f1)
hash=$(printf "$(printf '%s' "$hex" | sed 's/../\\x&/g')" | base64 -w0)
case "$csp" in
*"style-src 'sha256-$hash'"*) ok ;;
*) bad "the report's <style> (sha256-$hash) is allowed by its policy: $csp" ;;
esac
case "$csp" in *unsafe-inline*) bad "no 'unsafe-inline': $csp" ;; *) ok ;; esac
[ "$(grep -c '<style' "$tmp/report.html")" = 1 ] && ! grep -qi ' style=\|<script' "$tmp/report.html" && ok ||
	bad "nothing inline in the report but its one <style>"
# The pages keep the site's policy.
curl -s -D "$tmp/ph" -o /dev/null "$base/dang-nhap"
grep -qi "^Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self'" "$tmp/ph" && ok ||
	bad "the sign-in page's policy: $(grep -i '^Content-Security' "$tmp/ph")"
finish http_strict
