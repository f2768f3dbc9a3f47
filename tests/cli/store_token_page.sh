#!/usr/bin/env bash
# store_token_page.sh: issue 10, the page for API tokens (/tai-khoan) and the
# one table from error codes to HTTP statuses, against the real server over
# the demo database (SQLite, or $CHITIEU_TEST_DB_URL):
#  - a token made on the page works with the API, is shown once, is listed
#    (never the token) and revoked on the page, after which the API says 401;
#  - another account's token cannot be revoked by a non-admin (403); an admin
#    sees and revokes any account's (?login=); CSRF; a token cannot manage tokens;
#  - statuses: API user add (unit unknown 400, login taken 409), role (user
#    unknown 404, unit unknown 400), task unknown 404; the approval page's
#    four eyes 403 like the API; the task page's form faults 422.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
use_demo
pw=matkhau-demo
start_server --timeout 5 --workers 2

# page LOGIN PATH [FIELD=VALUE...]: GET, or POST the fields with the
# account's CSRF token; prints the status, the page in $tmp/page.
page() {
	local who=$1 path=$2
	shift 2
	local args=(-s -o "$tmp/page" -w '%{http_code}' -b "$tmp/jar.$who")
	if [ $# -gt 0 ]; then
		args+=(--data-urlencode "csrf=$(cat "$tmp/csrf.$who")")
		for f in "$@"; do args+=(--data-urlencode "$f"); done
	fi
	curl "${args[@]}" "$base$path"
}
# bearer TOKEN METHOD PATH [BODY]
bearer() {
	local args=(-s -o "$tmp/body" -w '%{http_code}' -X "$2" -H "Authorization: Bearer $1")
	[ -n "${4:-}" ] && args+=(-H 'Content-Type: application/json' --data-binary "$4")
	curl "${args[@]}" "$base$3"
}
secret_of() { sed -n 's/.*id="ma-moi"[^>]*value="\([0-9a-f]*\)".*/\1/p' "$tmp/page"; }
for l in baocao vanphong admin; do
	[ "$(signin $l)" = 200 ] && ok || bad "sign in $l: $(cat "$tmp/signin")"
done

# ---- the page: one's own tokens ------------------------------------------------------
got=$(page baocao /don-vi/DEMO-A)
has 'href="/tai-khoan">Tài khoản của tôi</a>' "the menu links the account page" page
got=$(page baocao /tai-khoan)
[ "$got" = 200 ] && ok || bad "GET /tai-khoan: $got"
has "Chưa có mã truy cập nào" "no tokens yet" page
for l in 'Nhãn' 'Số ngày hiệu lực' 'Phạm vi' 'Chỉ ghi cho các đơn vị'; do
	grep -q "<label>$l[^<]*<\(input\|select\)" "$tmp/page" && ok || bad "a label around the input $l"
done
got=$(page baocao /tai-khoan action=create "label=Hệ thống tỉnh" days=30 scope=read)
[ "$got" = 200 ] && ok || bad "create on the page: $got $(grep -o 'class="error"[^<]*<' "$tmp/page")"
tok=$(secret_of)
[ ${#tok} = 64 ] && ok || bad "the new token is shown: '$tok'"
has "Hãy sao chép mã truy cập này ngay bây giờ" "the copy-it-now note" page
has "lần duy nhất" "shown once" page
id=$(sql "SELECT t.id FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE u.login = 'baocao' AND t.label = 'Hệ thống tỉnh'")
id=${id:-0}
[ -n "$id" ] && ok || bad "the token is stored"
[ "$(sql "SELECT count(*) FROM api_tokens WHERE token_hash = '$tok'")" = 0 ] && ok || bad "the token stored in clear"
exp=$(sql "SELECT expires_at FROM api_tokens WHERE id = $id")
[ "${exp:0:10}" = "$(date -u -d '+30 days' +%Y-%m-%d)" ] && ok || bad "30 days: expires $exp"
[ "$(sql "SELECT scope FROM api_tokens WHERE id = $id")" = read ] && ok || bad "scope read"
# It works with the API, read only.
[ "$(bearer "$tok" GET /api/v1/me)" = 200 ] && [ "$(jq -r .login "$tmp/body")" = baocao ] && ok || bad "the page's token with the API"
[ "$(bearer "$tok" GET /api/v1/units/DEMO-A/observations)" = 200 ] && ok || bad "the page's token reads"
got=$(bearer "$tok" POST /api/v1/units/DEMO-A/observations '{"indicator":"IV.2","period":"2027-01","value":1}')
[ "$got" = 403 ] && ok || bad "a read-only token from the page writes: $got"
# Listed, never shown again.
got=$(page baocao /tai-khoan)
[ -n "$tok" ] && hasnt "$tok" "the token shown a second time" page
has "Hệ thống tỉnh" "the label listed" page
has "chỉ đọc" "the scope listed" page
has "còn hiệu lực" "live" page
# shown as local time in Việt Nam (UTC+7), dd/mm/yyyy
exp_vn=$(TZ=Asia/Ho_Chi_Minh date -d "${exp:0:10} ${exp:11:8} UTC" +"%d/%m/%Y %H:%M")
has "$exp_vn" "the expiry listed in local time" page
# A token does not manage tokens.
got=$(bearer "$tok" GET /tai-khoan)
[ "$got" = 403 ] && ok || bad "/tai-khoan with a bearer token: $got"
# Bad input is refused, nothing stored.
n0=$(sql "SELECT count(*) FROM api_tokens")
got=$(page baocao /tai-khoan action=create label=x days=0 scope=read)
[ "$got" = 422 ] && ok || bad "0 days: $got"
got=$(page baocao /tai-khoan action=create label=x days=3651 scope=write)
[ "$got" = 422 ] && ok || bad "3651 days: $got"
got=$(page baocao /tai-khoan action=create $'label=a\x1b[31m' days=3 scope=write)
[ "$got" = 422 ] && ok || bad "a control character in the label: $got"
got=$(page baocao /tai-khoan action=create label=x days=3 scope=admin)
[ "$got" = 422 ] && ok || bad "a bad scope: $got"
got=$(page baocao /tai-khoan action=create label=x days=3 scope=read units=DEMO-B)
[ "$got" = 422 ] && ok || bad "read with units: $got"
[ "$(sql "SELECT count(*) FROM api_tokens")" = "$n0" ] && ok || bad "a refused form stored a token"
# Without the CSRF token nothing happens.
got=$(curl -s -o "$tmp/page" -w '%{http_code}' -b "$tmp/jar.baocao" -d action=revoke -d "id=$id" "$base/tai-khoan")
[ "$got" = 403 ] && ok || bad "revoke without CSRF: $got"
[ "$(bearer "$tok" GET /api/v1/me)" = 200 ] && ok || bad "revoked without CSRF"

# ---- another account's token: a non-admin cannot ---------------------------------------
got=$(page vanphong /tai-khoan action=revoke "id=$id")
[ "$got" = 403 ] && ok || bad "vanphong revokes baocao's token: $got"
got=$(page vanphong "/tai-khoan?login=baocao" action=revoke "id=$id")
[ "$got" = 403 ] && ok || bad "vanphong revokes baocao's token with ?login=: $got"
got=$(page vanphong "/tai-khoan?login=baocao")
[ "$got" = 403 ] && ok || bad "vanphong lists baocao's tokens: $got"
[ "$(bearer "$tok" GET /api/v1/me)" = 200 ] && ok || bad "baocao's token revoked by vanphong"

# ---- revoke on the page, after a confirmation --------------------------------------------
got=$(page baocao "/tai-khoan?thu-hoi=$id")
[ "$got" = 200 ] && ok || bad "the confirmation: $got"
has "Xác nhận thu hồi" "a confirmation button" page
has 'name="id" value="'"$id"'"' "the confirmation names the token" page
[ "$(bearer "$tok" GET /api/v1/me)" = 200 ] && ok || bad "revoked by the confirmation page alone"
got=$(page baocao /tai-khoan action=revoke "id=$id")
[ "$got" = 200 ] && ok || bad "revoke on the page: $got"
has "Đã thu hồi mã truy cập số $id" "the revocation said" page
has "đã thu hồi" "listed as revoked" page
[ "$(bearer "$tok" GET /api/v1/me)" = 401 ] && ok || bad "a token revoked on the page still works"
got=$(page baocao /tai-khoan action=revoke "id=$id")
[ "$got" = 409 ] && ok || bad "revoked twice: $got"
[ "$(sql "SELECT count(*) FROM audit WHERE action = 'token.revoke' AND actor = 'baocao'")" = 1 ] && ok || bad "the audit log"

# ---- an admin: any account's tokens (?login=) --------------------------------------------
got=$(page baocao /tai-khoan action=create label=thứ-hai days=5 scope=write)
[ "$got" = 200 ] && ok || bad "a second token: $got"
tok2=$(secret_of)
id2=$(sql "SELECT t.id FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE u.login = 'baocao' AND t.label = 'thứ-hai'")
got=$(page admin /tai-khoan)
has "Tên đăng nhập của tài khoản" "the admin's form for another account" page
got=$(page admin "/tai-khoan?login=BaoCao")
[ "$got" = 200 ] && ok || bad "admin lists baocao's tokens: $got"
has "thứ-hai" "admin sees baocao's token" page
has "Hệ thống tỉnh" "admin sees baocao's revoked token" page
got=$(page admin "/tai-khoan?login=baocao" action=create label=x days=3 scope=read)
[ "$got" = 403 ] && ok || bad "admin makes a token for baocao on the page: $got"
got=$(page admin "/tai-khoan?login=khong-co")
[ "$got" = 404 ] && ok || bad "an unknown login: $got"
got=$(page admin "/tai-khoan?login=baocao" action=revoke "id=$id2")
[ "$got" = 200 ] && ok || bad "admin revokes baocao's token: $got"
[ "$(bearer "$tok2" GET /api/v1/me)" = 401 ] && ok || bad "a token revoked by an admin on the page still works"
# The admin's own token limited to a unit.
got=$(page admin /tai-khoan action=create label=b days=5 scope=write "units=DEMO-B ")
[ "$got" = 200 ] && ok || bad "a token for DEMO-B: $got"
tok3=$(secret_of)
[ "$(sql "SELECT scope FROM api_tokens WHERE label = 'b'")" = write:DEMO-B ] && ok || bad "scope write:DEMO-B"
got=$(bearer "$tok3" POST /api/v1/units/DEMO-A/observations '{"indicator":"IV.1","period":"2027-01","value":1}')
[ "$got" = 403 ] && ok || bad "a DEMO-B token writes DEMO-A: $got"
got=$(bearer "$tok3" POST /api/v1/units/DEMO-B/observations '{"indicator":"IV.1","period":"2027-01","value":1}')
[ "$got" = 201 ] && ok || bad "a DEMO-B token writes DEMO-B: $got $(cat "$tmp/body")"

# ---- error codes to statuses, from one table ----------------------------------------------
got=$(as admin POST /api/v1/users '{"login":"moi1","name":"Mới","role":"viewer","unit":"KHONG-CO","password":"matkhau-moi-1"}')
[ "$got" = 400 ] && grep -q E_UNKNOWN_UNIT "$tmp/body" && ok || bad "user add, unknown unit (in the body): $got $(cat "$tmp/body")"
got=$(as admin POST /api/v1/users '{"login":"BaoCao","name":"Trùng","role":"viewer","unit":"DEMO","password":"matkhau-moi-1"}')
[ "$got" = 409 ] && grep -q E_LOGIN_TAKEN "$tmp/body" && ok || bad "user add, login taken: $got $(cat "$tmp/body")"
got=$(as admin POST /api/v1/users/khong-co/role '{"role":"viewer","unit":"DEMO"}')
[ "$got" = 404 ] && grep -q E_UNKNOWN_USER "$tmp/body" && ok || bad "role of an unknown login: $got $(cat "$tmp/body")"
got=$(as admin POST /api/v1/users/lanhdao/role '{"role":"viewer","unit":"KHONG-CO"}')
[ "$got" = 400 ] && grep -q E_UNKNOWN_UNIT "$tmp/body" && ok || bad "role, unknown unit (in the body): $got $(cat "$tmp/body")"
got=$(as vanphong POST /api/v1/units/DEMO-A/tasks/Z.99 '{"period":"2025-05","status":"done","percent":100}')
[ "$got" = 404 ] && grep -q E_UNKNOWN_TASK "$tmp/body" && ok || bad "an unknown task: $got $(cat "$tmp/body")"
got=$(page vanphong "/don-vi/DEMO-A/nhiem-vu?period=2025-05" task=Z.99 status=done)
[ "$got" = 422 ] && ok || bad "the task page, an unknown task: $got"
# Four eyes: the approval page answers as the API does (403), not 422.
[ "$(as vanphong POST /api/v1/units/DEMO-A/observations '{"indicator":"IV.1","period":"2027-04","value":4}')" = 201 ] && ok || bad "record"
[ "$(as vanphong POST /api/v1/units/DEMO-A/observations/IV.1/2027-04/submit)" = 200 ] && ok || bad "submit"
got=$(as vanphong POST /api/v1/units/DEMO-A/observations/IV.1/2027-04/approve)
[ "$got" = 403 ] && grep -q E_FOUR_EYES "$tmp/body" && ok || bad "API four eyes: $got"
got=$(page vanphong /don-vi/DEMO-A/duyet indicator=IV.1 period=2027-04 action=approve)
[ "$got" = 403 ] && ok || bad "the approval page, one's own figure: $got"
has 'class="error"' "the refusal shown as an error" page
finish store_token_page
