#!/usr/bin/env bash
# store_http.sh: the real server on a private port over the demo database
# (SQLite, or $CHITIEU_TEST_DB_URL): every route x every role answering
# exactly what it should, CSRF, bodies too large or malformed, a slow
# client, sign-in lockout, API tokens, the OpenAPI document against the
# routes, security headers, and a clean stop on SIGTERM.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
use_demo
start_server --timeout 2 --workers 4

pw=matkhau-demo
roles="anon admin tinh vanphong baocao lanhdao"
# Sign every role in once: a cookie jar and a CSRF token each.
for r in $roles; do
	[ "$r" = anon ] && continue
	curl -s -c "$tmp/jar.$r" -H 'Content-Type: application/json' \
		-d "{\"login\":\"$r\",\"password\":\"$pw\"}" "$base/api/v1/session" > "$tmp/signin.$r"
	csrf=$(sed -n 's/.*"csrf":"\([0-9a-f]*\)".*/\1/p' "$tmp/signin.$r")
	[ ${#csrf} -eq 64 ] && ok || bad "sign in $r: $(cat "$tmp/signin.$r")"
	echo "$csrf" > "$tmp/csrf.$r"
done

# call ROLE METHOD PATH [BODY]: prints the status; the body is in $tmp/body.
call() {
	local role=$1 method=$2 path=$3 body=${4:-}
	local args=(-s -o "$tmp/body" -w '%{http_code}' -X "$method")
	if [ "$role" != anon ]; then
		args+=(-b "$tmp/jar.$role" -H "X-CSRF-Token: $(cat "$tmp/csrf.$role")")
	fi
	[ -n "$body" ] && args+=(-H 'Content-Type: application/json' --data-binary "$body")
	curl "${args[@]}" "$base$path"
}

# expect METHOD PATH BODY anon admin tinh vanphong baocao lanhdao
expect() {
	local method=$1 path=$2 body=$3
	shift 3
	local r got
	for r in $roles; do
		got=$(call "$r" "$method" "$path" "$body")
		[ "$got" = "$1" ] && ok || bad "$method $path as $r: $got, want $1: $(head -c 200 "$tmp/body")"
		shift
	done
}

#      method path                                          body  anon admin tinh vanphong baocao lanhdao
expect GET /api/v1/me "" 401 200 200 200 200 200
expect GET /api/v1/units "" 401 200 200 200 200 200
expect GET /api/v1/units/DEMO-A "" 401 200 200 200 200 200
expect GET /api/v1/units/DEMO-B "" 401 200 200 403 403 200
expect GET /api/v1/units/NOPE "" 401 404 403 403 403 403
expect GET /api/v1/units/DEMO-A/plan "" 401 200 200 200 200 200
expect GET /api/v1/units/DEMO-A/observations "" 401 200 200 200 200 200
expect GET "/api/v1/units/DEMO-A/status?period=2025-12" "" 401 200 200 200 200 200
expect GET "/api/v1/units/DEMO-B/status?period=2025-12" "" 401 200 200 403 403 200
expect GET "/api/v1/units/DEMO/rollup?period=2025-12" "" 401 200 200 403 403 200
expect GET "/api/v1/units/DEMO/rank?period=2025" "" 401 200 200 403 403 200
expect GET /api/v1/units/DEMO-A/tasks "" 401 200 200 200 200 200
expect GET /api/v1/users "" 401 200 403 403 403 403
expect GET "/api/v1/units/DEMO-A/indicators?per_page=5&page=2" "" 401 200 200 200 200 200
jq -e '.total == 73 and (.items | length) == 5 and .items[0].code == "II.2" and .items[0].targets["2025"].text != null' \
	"$tmp/body" > /dev/null && ok || bad "indicators, page 2 of 5: $(head -c 300 "$tmp/body")"
expect GET /api/v1/units/DEMO-B/indicators "" 401 200 200 403 403 200
expect POST /api/v1/users '{"login":"moi","role":"viewer","unit":"DEMO-C","password":"mat-khau-moi"}' \
	401 201 403 403 403 403
got=$(call admin POST /api/v1/users '{"login":"moi","role":"viewer","unit":"DEMO-C","password":"mat-khau-moi"}')
[ "$got" = 409 ] && ok || bad "the same login twice: $got"
got=$(call admin POST /api/v1/users '{"login":"ngan","role":"viewer","unit":"DEMO-C","password":"ngan"}')
[ "$got" = 400 ] && grep -q E_PASSWORD "$tmp/body" && ok || bad "a short password: $got"
expect POST /api/v1/users/moi/disable "" 401 200 403 403 403 403
expect POST /api/v1/me/password '{"old_password":"sai","new_password":"mat-khau-moi-2"}' 401 403 403 403 403 403
# The pages, for every role (303: to the sign-in page).
expect GET /don-vi/DEMO-A "" 303 200 200 200 200 200
expect GET /don-vi/DEMO-B "" 303 200 200 403 403 200
expect GET /don-vi/DEMO-A/nhap-lieu "" 303 200 200 200 200 403
expect GET /don-vi/DEMO-A/duyet "" 303 200 200 200 403 403
expect GET /don-vi/DEMO-A/nhiem-vu "" 303 200 200 200 200 200
expect GET /don-vi/DEMO-A/chi-tieu/I.3 "" 303 200 200 200 200 200
expect GET /don-vi/DEMO-A/chi-tieu/XX "" 303 404 404 404 404 404
expect GET /don-vi/DEMO/tinh "" 303 200 200 403 403 200
expect GET "/don-vi/DEMO-A/bao-cao?period=2025-Q4&format=xlsx" "" 303 200 200 200 200 200
expect GET "/don-vi/DEMO-B/bao-cao?period=2025&format=csv" "" 303 200 200 403 403 200
expect GET "/don-vi/DEMO-A/bao-cao?period=2025&format=odt" "" 303 400 400 400 400 400
curl -s -D "$tmp/h" -o "$tmp/r.docx" -b "$tmp/jar.tinh" "$base/don-vi/DEMO-A/bao-cao?period=2025-Q4&format=docx"
grep -qi '^Content-Disposition: attachment; filename="bao-cao-DEMO-A-2025-Q4.docx"' "$tmp/h" &&
	unzip -p "$tmp/r.docx" word/document.xml | grep -q 'BÁO CÁO' && ok || bad "the report button: docx"
expect GET /thong-bao "" 303 200 200 200 200 200
expect GET "/don-vi/DEMO-A/minh-chung?indicator=IV.1&period=2026-Q1" "" 303 200 200 200 200 403
expect GET /don-vi/DEMO-A/tep/999 "" 303 404 404 404 404 404
expect GET /api/v1/units/DEMO/approvals "" 401 200 200 403 403 403
expect GET /api/v1/me/inbox "" 401 200 200 200 200 200
expect GET /cong-khai/DEMO-A "" 200 200 200 200 200 200
expect GET /cong-khai/NOPE "" 404 404 404 404 404 404
expect GET /static/app.css "" 200 200 200 200 200 200
expect GET /khong-co "" 404 404 404 404 404 404
expect POST /don-vi/DEMO-A/duyet "indicator=I.1" 303 422 422 422 403 403
# Recording: the reporter only for the indicators their agency leads (IV.1,
# not I.3) in their own commune; the viewer never.
expect POST /api/v1/units/DEMO-A/observations '{"indicator":"IV.1","period":"2026-01","value":4}' \
	401 201 201 201 201 403
expect POST /api/v1/units/DEMO-A/observations '{"indicator":"I.3","period":"2026-01","num":5,"den":10}' \
	401 201 201 201 403 403
expect POST /api/v1/units/DEMO-B/observations '{"indicator":"IV.1","period":"2026-01","value":2}' \
	401 201 201 403 403 403
# The workflow, each role on a figure of its own (the period below): submit
# (anyone who may record it), approve and return (the office), and a
# transition from the wrong state (409).
periods=(2026-04 2026-05 2026-06 2026-07 2026-08 2026-09)
for p in "${periods[@]}"; do
	# Four eyes: admin approves 2026-05, so another account records that one.
	who=admin
	[ "$p" = 2026-05 ] && who=tinh
	for x in IV.1 IV.2 I.3; do
		call $who POST /api/v1/units/DEMO-A/observations "{\"indicator\":\"$x\",\"period\":\"$p\",\"value\":1}" > /dev/null
	done
	for x in IV.2 I.3; do
		call $who POST "/api/v1/units/DEMO-A/observations/$x/$p/submit" > /dev/null
	done
done
# each ACTION INDICATOR BODY anon admin tinh vanphong baocao lanhdao
each() {
	local action=$1 ind=$2 body=$3 k=0 r got
	shift 3
	for r in $roles; do
		got=$(call "$r" POST "/api/v1/units/DEMO-A/observations/$ind/${periods[$k]}/$action" "$body")
		[ "$got" = "$1" ] && ok || bad "$action $ind ${periods[$k]} as $r: $got, want $1: $(head -c 200 "$tmp/body")"
		shift
		k=$((k + 1))
	done
}
each submit IV.1 "" 401 200 200 200 200 403
each submit I.1 "" 401 404 404 404 403 403
each approve IV.2 "" 401 200 200 200 403 403
each return I.3 '{"comment":"thiếu minh chứng"}' 401 200 200 200 403 403
got=$(call admin POST /api/v1/units/DEMO-A/observations/IV.2/2026-05/approve)
[ "$got" = 409 ] && grep -q E_STATE "$tmp/body" && ok || bad "approving twice: $got"
got=$(call admin POST /api/v1/units/DEMO-A/observations/I.3/2026-06/return)
[ "$got" = 400 ] && grep -q E_COMMENT "$tmp/body" && ok || bad "return without a comment: $got"
expect POST /api/v1/units/DEMO-A/observations/I.3/2026-01/frobnicate "" 404 404 404 404 404 404
expect DELETE /api/v1/units/DEMO-A "" 405 405 405 405 405 405
expect GET /api/v1/nowhere "" 404 404 404 404 404 404
# The live engine: built once, then each figure recorded through the server
# applied to it (no rebuild); a change from outside (the CLI) rebuilds it.
expect GET "/api/v1/units/DEMO/series?indicator=IV.1" "" 401 200 200 403 403 200
got=$(call tinh GET "/api/v1/units/DEMO/series?indicator=IV.1")
builds=$(jq .engine.builds "$tmp/body")
updates=$(jq .engine.updates "$tmp/body")
got=$(call tinh POST /api/v1/units/DEMO-A/observations '{"indicator":"IV.1","period":"2026-04","value":5}')
[ "$got" = 201 ] && ok || bad "record for the engine: $got"
got=$(call tinh POST /api/v1/units/DEMO-B/observations '{"indicator":"IV.1","period":"2026-04","value":2}')
got=$(call tinh GET "/api/v1/units/DEMO/series?indicator=IV.1")
jq -e --argjson b "$builds" --argjson u "$updates" \
	'.engine.builds == $b and .engine.updates == $u + 2' "$tmp/body" > /dev/null && ok ||
	bad "two figures applied without a rebuild: $(jq -c .engine "$tmp/body")"
jq -e '.indicators[0].units[] | select(.unit == "DEMO") | .series[] | select(.period == "2026-04") | .value == 7' \
	"$tmp/body" > /dev/null && ok || bad "DEMO IV.1 2026-04 = 5 + 2: $(jq -c '.indicators[0].units[0].series[-3:]' "$tmp/body")"
"$bin" record --unit DEMO-C --indicator I.1 --period 2026-10 --value 50 > /dev/null
got=$(call tinh GET "/api/v1/units/DEMO/series?indicator=IV.1")
jq -e --argjson b "$builds" '.engine.builds == $b + 1' "$tmp/body" > /dev/null && ok ||
	bad "a change from outside rebuilds: $(jq -c .engine "$tmp/body")"
jq -e '.indicators[0].units[] | select(.unit == "DEMO") | .series[] | select(.period == "2026-04") | .value == 7' \
	"$tmp/body" > /dev/null && ok || bad "after the rebuild, still 7"

# The same figure sent again by other accounts (above) is unchanged: it
# keeps the account that first recorded it (issue 13). A new value lands
# with the account that sends it, in the audit log.
figure_by() { sql "SELECT recorded_by FROM observations o JOIN series s ON s.id = o.series_id JOIN units u ON u.id = s.unit_id WHERE u.code = '$1' AND s.code = 'IV.1' AND o.period = '2026-01'"; }
[ "$(figure_by DEMO-B)" = admin ] && ok || bad "the same figure from another account changed its author: $(figure_by DEMO-B)"
[ "$(sql "SELECT count(*) FROM audit WHERE actor = 'baocao' AND action = 'record'")" -eq 0 ] && ok ||
	bad "audit: the reporter's unchanged figure was recorded"
call baocao POST /api/v1/units/DEMO-A/observations '{"indicator":"IV.1","period":"2026-01","value":9}' > /dev/null
call tinh POST /api/v1/units/DEMO-B/observations '{"indicator":"IV.1","period":"2026-01","value":3}' > /dev/null
[ "$(sql "SELECT count(*) FROM audit WHERE actor = 'baocao' AND action = 'record'")" -ge 1 ] && ok ||
	bad "audit: the reporter's figure"
[ "$(sql "SELECT recorded_by FROM observations o JOIN series s ON s.id = o.series_id JOIN units u ON u.id = s.unit_id WHERE u.code = 'DEMO-B' AND s.code = 'IV.1' AND o.period = '2026-01'")" = tinh ] &&
	ok || bad "recorded_by of the province office's figure"

# A batch is all or nothing: one bad row, nothing written.
before=$(sql "SELECT count(*) FROM observations")
got=$(call admin POST /api/v1/units/DEMO-A/observations \
	'{"observations":[{"indicator":"IV.1","period":"2026-02","value":1},{"indicator":"I.3","period":"2026-02","num":20,"den":10}]}')
[ "$got" = 400 ] && grep -q '"item":2' "$tmp/body" && ok || bad "bad batch: $got $(cat "$tmp/body")"
[ "$(sql "SELECT count(*) FROM observations")" = "$before" ] && ok || bad "the bad batch wrote something"

# CSRF: a stale token, or none, is refused; an API token needs none.
got=$(curl -s -o "$tmp/body" -w '%{http_code}' -b "$tmp/jar.admin" -H 'X-CSRF-Token: 0000' \
	-H 'Content-Type: application/json' -d '{"indicator":"IV.1","period":"2026-03","value":1}' \
	"$base/api/v1/units/DEMO-A/observations")
[ "$got" = 403 ] && grep -q E_CSRF "$tmp/body" && ok || bad "stale CSRF: $got"
got=$(curl -s -o "$tmp/body" -w '%{http_code}' -b "$tmp/jar.admin" -X POST \
	-d 'login=x' "$base/don-vi/DEMO-A/duyet")
[ "$got" = 403 ] && ok || bad "page form without CSRF: $got"
token=$("$bin" user token --login baocao --label "hệ thống tỉnh")
[ ${#token} -eq 64 ] && ok || bad "token: $token"
got=$(curl -s -o "$tmp/body" -w '%{http_code}' -H "Authorization: Bearer $token" \
	-H 'Content-Type: application/json' -d '{"indicator":"IV.2","period":"2026-03","value":1}' \
	"$base/api/v1/units/DEMO-A/observations")
[ "$got" = 201 ] && ok || bad "token POST: $got $(cat "$tmp/body")"
got=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer ${token%?}x" "$base/api/v1/me")
[ "$got" = 401 ] && ok || bad "a wrong token: $got"

# Bodies: too large (413, before reading it), malformed JSON (400 with where).
head -c 2000000 /dev/zero | tr '\0' 'a' > "$tmp/big"
got=$(curl -s -o "$tmp/body" -w '%{http_code}' -b "$tmp/jar.admin" -H "X-CSRF-Token: $(cat "$tmp/csrf.admin")" \
	-H 'Content-Type: application/json' --data-binary @"$tmp/big" "$base/api/v1/units/DEMO-A/observations")
[ "$got" = 413 ] && ok || bad "oversized body: $got"
got=$(call admin POST /api/v1/units/DEMO-A/observations '{"indicator": "IV.1", "value": }')
[ "$got" = 400 ] && grep -q 'E_JSON' "$tmp/body" && grep -q 'cột' "$tmp/body" && ok || bad "malformed JSON: $got $(cat "$tmp/body")"
got=$(call admin POST /api/v1/units/DEMO-A/observations '{"indicator":"IV.1","indicator":"IV.2"}')
[ "$got" = 400 ] && ok || bad "duplicate keys: $got"
grep -q '"error":{' "$tmp/body" && ok || bad "errors as {error: {code, message}}"

# A slow client (headers never finished) is dropped after the timeout and
# holds up nobody meanwhile.
exec 3<> "/dev/tcp/127.0.0.1/${base##*:}"
printf 'GET /api/v1/me HTTP/1.1\r\nHost: x\r\n' >&3
t0=$(date +%s%N)
got=$(curl -s -o /dev/null -w '%{http_code}' -b "$tmp/jar.admin" "$base/api/v1/me")
t1=$(date +%s%N)
[ "$got" = 200 ] && [ $(((t1 - t0) / 1000000)) -lt 1000 ] && ok || bad "others wait for a slow client: $got"
sleep 3.5
if timeout 2 cat <&3 > /dev/null; then ok; else bad "the slow client is still connected"; fi
exec 3>&-

# Pages: sign-in needed; the public page is open; the CSP and friends on all.
got=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "$base/don-vi/DEMO-A")
[ "$got" = "303 $base/dang-nhap" ] && ok || bad "anonymous overview: $got"
got=$(curl -s -D "$tmp/headers" -o "$tmp/body" -w '%{http_code}' "$base/cong-khai/DEMO-A?period=2025-12")
[ "$got" = 200 ] && ok || bad "public page: $got"
grep -qi "^Content-Security-Policy: default-src 'self'; script-src 'self'" "$tmp/headers" && ok || bad "CSP"
grep -qi "frame-ancestors 'none'" "$tmp/headers" && grep -qi '^X-Content-Type-Options: nosniff' "$tmp/headers" &&
	grep -qi '^Referrer-Policy:' "$tmp/headers" && ok || bad "security headers"
grep -q '<script>' "$tmp/body" && bad "inline script in a page" || ok
# The public sees only approved figures: I.1 of DEMO-A (75, approved) shows,
# its unapproved 2026 figures do not exist for the public.
grep -q 'I.1' "$tmp/body" && grep -q '>75<' "$tmp/body" && ok || bad "public: the approved I.1 = 75"
for r in baocao lanhdao; do
	got=$(curl -s -o /dev/null -w '%{http_code}' -b "$tmp/jar.$r" "$base/don-vi/DEMO-A/duyet")
	[ "$got" = 403 ] && ok || bad "approvals page as $r: $got"
done
got=$(curl -s -o "$tmp/body" -w '%{http_code}' -b "$tmp/jar.vanphong" "$base/don-vi/DEMO-A/duyet")
[ "$got" = 200 ] && ok || bad "approvals page as the office: $got"
got=$(curl -s -o "$tmp/body" -w '%{http_code}' -b "$tmp/jar.tinh" "$base/don-vi/DEMO/tinh?period=2025-12")
[ "$got" = 200 ] && grep -q 'DEMO-A' "$tmp/body" && grep -q 'DEMO-B' "$tmp/body" && ok || bad "province page: $got"
got=$(curl -s -o "$tmp/body" -w '%{http_code}' -b "$tmp/jar.vanphong" "$base/don-vi/DEMO-A/chi-tieu/I.3?period=2025-12")
[ "$got" = 200 ] && grep -q '<svg' "$tmp/body" && grep -q '<polyline' "$tmp/body" && ok || bad "indicator page with its chart: $got"

# Sign-in: five wrong passwords lock the login, even against the right one.
for i in 1 2 3 4 5; do
	curl -s -o /dev/null -H 'Content-Type: application/json' \
		-d '{"login":"lanhdao","password":"sai-mat-khau"}' "$base/api/v1/session"
done
got=$(curl -s -o "$tmp/body" -w '%{http_code}' -H 'Content-Type: application/json' \
	-d "{\"login\":\"lanhdao\",\"password\":\"$pw\"}" "$base/api/v1/session")
[ "$got" = 429 ] && ok || bad "lockout: $got"
got=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
	-d "{\"login\":\"admin\",\"password\":\"$pw\"}" "$base/api/v1/session")
[ "$got" = 200 ] && ok || bad "another login is not locked: $got"
# A disabled account's session stops working at once.
"$bin" user disable --login vanphong > /dev/null
got=$(call vanphong GET /api/v1/me)
[ "$got" = 401 ] && ok || bad "disabled account: $got"

# The OpenAPI document lists exactly the routes: each answers something
# other than "no such path" or "wrong method".
curl -s "$base/api/v1/openapi.json" > "$tmp/openapi.json"
grep -q '"openapi":"3.1.0"' "$tmp/openapi.json" && ok || bad "openapi 3.1"
paths=$(grep -o '"/api/v1[^"]*":{"[a-z]*"' "$tmp/openapi.json" | wc -l)
[ "$paths" -ge 10 ] && ok || bad "openapi paths: $paths"
# (on a session of its own: DELETE /session signs it out)
curl -s -c "$tmp/jar.loop" -H 'Content-Type: application/json' \
	-d "{\"login\":\"admin\",\"password\":\"$pw\"}" "$base/api/v1/session" |
	sed -n 's/.*"csrf":"\([0-9a-f]*\)".*/\1/p' > "$tmp/csrf.loop"
n=0
while read -r method path; do
	p=${path//\{unit\}/DEMO-A}
	p=${p//\{indicator\}/IV.1}
	p=${p//\{period\}/2026-01}
	p=${p//\{action\}/submit}
	p=${p//\{task\}/T.1}
	p=${p//\{login\}/nobody}
	got=$(call loop "$method" "$p" '{}')
	n=$((n + 1))
	if [ "$got" = 405 ] || grep -q 'Không có đường dẫn này' "$tmp/body"; then
		bad "openapi route $method $path answers $got"
	else ok; fi
done < <(jq -r '.paths | to_entries[] | .key as $p | .value | keys[] | "\(ascii_upcase) \($p)"' "$tmp/openapi.json" 2> /dev/null)
[ "$n" -ge 15 ] && ok || bad "openapi: only $n routes checked (is jq installed?)"

# SIGTERM: a request in flight (a batch uploaded slowly, ~1.5 s) is
# finished and answered; then the server stops cleanly, the database whole.
# batch "INDICATORS" "YEARS": {"observations": [...]}, a figure a month each.
batch() {
	local x y m sep=
	printf '{"observations":['
	for x in $1; do
		for y in $2; do
			for m in 01 02 03 04 05 06 07 08 09 10 11 12; do
				printf '%s{"indicator":"%s","period":"%s-%s","value":%d}' "$sep" "$x" "$y" "$m" "${m#0}"
				sep=,
			done
		done
	done
	printf ']}'
}
batch "IV.3 IV.5 IV.6 IV.7 IV.8 V.8 V.10 V.12" "2027 2028 2029 2030" > "$tmp/slow.json"
rows=$(grep -o '"indicator"' "$tmp/slow.json" | wc -l)
before=$(sql "SELECT count(*) FROM observations")
curl -s -o "$tmp/slow.out" -w '%{http_code}' --limit-rate "$(($(wc -c < "$tmp/slow.json") * 2 / 3))" \
	-b "$tmp/jar.admin" -H "X-CSRF-Token: $(cat "$tmp/csrf.admin")" -H 'Content-Type: application/json' \
	--data-binary @"$tmp/slow.json" "$base/api/v1/units/DEMO-A/observations" > "$tmp/slow.code" &
slow=$!
# Its connection established (/proc/net/tcp: the server's end, state 01),
# then half a second: the upload has begun, whatever the machine's load.
hexport=$(printf '%04X' "$port")
for _ in $(seq 1 100); do
	awk -v p=":$hexport" '$2 ~ p "$" && $4 == "01"' /proc/net/tcp | grep -q . && break
	sleep 0.1
done
sleep 0.5
[ -z "${NOKILL:-}" ] && kill -TERM "$server_pid"
wait "$slow"
[ "$(cat "$tmp/slow.code")" = 201 ] && ok || bad "the request in flight at SIGTERM: $(cat "$tmp/slow.code") $(cat "$tmp/slow.out")"
wait "$server_pid"
rc=$?
[ "$(sql "SELECT count(*) FROM observations")" = $((before + rows)) ] && ok ||
	bad "the batch in flight: $(sql "SELECT count(*) FROM observations") rows, want $((before + rows))"
[ "$rc" = 0 ] && ok || bad "exit after SIGTERM: $rc"
grep -q 'dừng theo tín hiệu 15' "$tmp/server.log" && ok || bad "no stop message: $(cat "$tmp/server.log")"
if [ "$backend" = sqlite ]; then
	[ "$(sqlite3 "$CHITIEU_DB" 'PRAGMA integrity_check')" = ok ] && ok || bad "integrity after stop"
fi

# SIGKILL while the server writes a batch: all of it or nothing, and the
# database whole (the store's transaction, through the server).
batch "II.1 II.2 II.3 II.4 II.5 II.6 III.1 III.2 III.3 III.4" "2026 2027 2028 2029 2030" > "$tmp/batch.json"
n=$(grep -o '"indicator"' "$tmp/batch.json" | wc -l)
killed=0
landed=0
for delay in 0 0.005 0.01 0.015 0.02 0.03 0.05 0.2; do
	start_server --workers 2
	curl -s -c "$tmp/jar.k" -H 'Content-Type: application/json' \
		-d "{\"login\":\"admin\",\"password\":\"$pw\"}" "$base/api/v1/session" > "$tmp/k.json"
	before=$(sql "SELECT count(*) FROM observations")
	curl -s -o /dev/null -b "$tmp/jar.k" -H "X-CSRF-Token: $(jq -r .csrf "$tmp/k.json")" \
		-H 'Content-Type: application/json' --data-binary @"$tmp/batch.json" \
		"$base/api/v1/units/DEMO-B/observations" &
	sleep "$delay"
	kill -KILL "$server_pid"
	wait "$server_pid" 2> /dev/null
	wait
	after=$(sql "SELECT count(*) FROM observations")
	if [ "$after" = "$before" ]; then
		killed=$((killed + 1))
	elif [ "$after" = $((before + n)) ]; then
		landed=$((landed + 1))
		sql "DELETE FROM figures WHERE series_id IN (SELECT s.id FROM series s JOIN units u ON u.id = s.unit_id WHERE u.code = 'DEMO-B') AND period >= 202600" > /dev/null
	else
		bad "SIGKILL after ${delay}s left $((after - before)) of $n rows"
	fi
done
[ $((killed + landed)) -eq 8 ] && ok || bad "kill test: $killed killed, $landed landed of 8"
echo "server kill test: $killed runs killed before the commit, $landed after; never half"
if [ "$backend" = sqlite ]; then
	[ "$(sqlite3 "$CHITIEU_DB" 'PRAGMA integrity_check')" = ok ] && ok || bad "integrity after SIGKILL"
fi

finish store_http
