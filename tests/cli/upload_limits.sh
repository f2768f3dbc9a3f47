#!/usr/bin/env bash
# upload_limits.sh: a document whose reading outruns the child's CPU limit
# (a scan read by OCR under CHITIEU_UPLOAD_CPU_SECONDS=1) is killed by the
# kernel (SIGXCPU): the upload fails in one sentence, nothing is stored,
# and the server goes on answering and reading other documents (issue 12).
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
use_demo
export CHITIEU_UPLOAD_CPU_SECONDS=1 OMP_THREAD_LIMIT=1
start_server --workers 4
curl -s -c "$tmp/jar" -H 'Content-Type: application/json' \
	-d '{"login":"vanphong","password":"matkhau-demo"}' "$base/api/v1/session" > "$tmp/signin"
csrf=$(sed -n 's/.*"csrf":"\([0-9a-f]*\)".*/\1/p' "$tmp/signin")
call() { # METHOD URL [ARGS...]: the status; the body in $tmp/body
	local method=$1 url=$2
	shift 2
	curl -s -o "$tmp/body" -w '%{http_code}' -X "$method" -b "$tmp/jar" -H "X-CSRF-Token: $csrf" "$@" "$url"
}
api=$base/api/v1/units/DEMO-A/plan
got=$(call POST "$api/drafts" -F "file=@$data/scans/002_f65c0da7dbd96e8d.scan.pdf")
if [ "$got" = 202 ]; then
	poll=$(jq -r .poll "$tmp/body")
	for _ in $(seq 1 60); do
		call GET "$base$poll" > /dev/null
		jq -e '.state == "reading"' "$tmp/body" > /dev/null || break
		sleep 1
	done
fi
jq -e '.state == "failed" or .error' "$tmp/body" > /dev/null && ok || bad "scan over the CPU limit: $(cat "$tmp/body")"
msg=$(jq -r '.error.message' "$tmp/body")
grep -q "quá lâu" <<< "$msg" && ok || bad "the sentence: $msg"
[ "$(count 'SELECT count(*) FROM plan_drafts')" = 0 ] && ok || bad "a draft was stored"
kill -0 "$server_pid" && ok || bad "the server died"
[ "$(call GET "$base/api/v1/me")" = 200 ] && ok || bad "the server no longer answers"
[ "$(call POST "$api/drafts" -F "file=@$data/rendered/004_5f0b3916b5e2f87f.docx")" = 201 ] && ok ||
	bad "a DOCX after it: $(head -c 300 "$tmp/body")"
finish upload_limits
