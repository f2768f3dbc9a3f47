#!/usr/bin/env bash
# store_review.sh: issue 14, entry that loses nothing and review that closes
# the loop, through the API and the pages of the real server over the demo
# database (SQLite, or $CHITIEU_TEST_DB_URL):
#  - the entry form refused for one bad value shows back every field typed
#    (value, numerator/denominator, evidence, level, yes/no, note); fixed, it
#    says how many were saved and names what was not saved, with why;
#  - a bad period on the entry page is the entry page with a message (400);
#  - the province office's queue (page and API) holds a commune's pending
#    figure with its name and target;
#  - a return needs a reason (nothing changes without one); with one, the
#    reporter finds it in the inbox (/me/inbox, unread), beside the figure on
#    the entry page and in /returned; marking read; resubmitting clears it;
#  - approve several, all or nothing (one refused: none done), then all;
#  - drafts kept as typed, even a wrong figure, and shown back on the form;
#  - evidence as an uploaded file (page and API): checked by content (a
#    ".pdf" that is not one: 415), size-limited (413), kept with the
#    figure, served back as an attachment of its type, not under another unit;
#  - the inbox's cut-off message (a window closing within 7 days, figures
#    missing) and overdue tasks.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
use_demo
pw=matkhau-demo
P=2029-Q1 # a period of the plans' years the demo leaves empty
start_server --timeout 5 --workers 2

# page LOGIN PATH [FIELD=VALUE...]: GET, or POST the fields; status, page in $tmp/page.
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
status_of() { # UNIT CODE PERIOD
	sql "SELECT o.status FROM observations o JOIN series s ON s.id = o.series_id JOIN units u ON u.id = s.unit_id WHERE u.code = '$1' AND s.code = '$2' AND o.period = '$3'"
}
for l in baocao vanphong tinh; do
	[ "$(signin $l)" = 200 ] && ok || bad "sign in $l: $(cat "$tmp/signin")"
done

# ---- entry: one bad value, nothing lost ---------------------------------------------------------
got=$(page baocao "/don-vi/DEMO-A/nhap-lieu?period=$P" v.II.1=-5 n.II.2=3 d.II.2=10 \
	e.II.2=https://so.example.vn/bb-ii2.pdf v.II.3=4 t.II.3="ghi chú II.3" y.II.9=có l.II.11=Khá \
	v.II.14=0,7 e.II.4=https://so.example.vn/chi-minh-chung.pdf action=draft)
[ "$got" = 422 ] && ok || bad "one bad value: $got, want 422"
for want in 'id="v-II.1" name="v.II.1" inputmode="decimal" value="-5"' \
	'name="n.II.2" inputmode="decimal" value="3"' \
	'name="d.II.2" inputmode="decimal" value="10"' \
	'name="e.II.2" value="https://so.example.vn/bb-ii2.pdf"' \
	'name="t.II.3" value="ghi chú II.3"' \
	'<option value="có" selected>' '<option selected>Khá</option>' \
	'name="v.II.14" inputmode="decimal" value="0,7"' \
	'href="#v-II.1"'; do
	has "$want" "kept after the error" page
done
[ "$(count "SELECT count(*) FROM observations WHERE period = '$P'")" = 0 ] && ok || bad "a refused form wrote figures"
got=$(page baocao "/don-vi/DEMO-A/nhap-lieu?period=$P" v.II.1=5 n.II.2=3 d.II.2=10 \
	e.II.2=https://so.example.vn/bb-ii2.pdf v.II.3=4 t.II.3="ghi chú II.3" y.II.9=có l.II.11=Khá \
	v.II.14=0,7 e.II.4=https://so.example.vn/chi-minh-chung.pdf action=submit)
[ "$got" = 200 ] && ok || bad "fixed: $got"
has "Đã lưu 6 số liệu và gửi duyệt 6 số liệu" "how many saved and sent" page
has 'II.4</a>: có minh chứng hoặc ghi chú nhưng chưa có số liệu' "what was not saved, with why" page
[ "$(count "SELECT count(*) FROM observations WHERE period = '$P' AND status = 'submitted'")" = 6 ] && ok || bad "six submitted"
[ "$(sql "SELECT num || '/' || den || ' ' || evidence FROM observations o JOIN series s ON s.id = o.series_id JOIN units u ON u.id = s.unit_id WHERE u.code = 'DEMO-A' AND s.code = 'II.2' AND o.period = '$P'")" = "3.0/10.0 https://so.example.vn/bb-ii2.pdf" ] ||
	[ "$(sql "SELECT num || '/' || den || ' ' || evidence FROM observations o JOIN series s ON s.id = o.series_id JOIN units u ON u.id = s.unit_id WHERE u.code = 'DEMO-A' AND s.code = 'II.2' AND o.period = '$P'")" = "3/10 https://so.example.vn/bb-ii2.pdf" ] && ok || bad "the pair and its evidence stored"
[ "$(sql "SELECT note FROM observations o JOIN series s ON s.id = o.series_id WHERE s.code = 'II.3' AND o.period = '$P'")" = "ghi chú II.3" ] && ok || bad "the note stored"
got=$(page baocao "/don-vi/DEMO-A/nhap-lieu?period=quy3")
[ "$got" = 400 ] && ok || bad "a bad period: $got"
has 'Kỳ &quot;quy3&quot; không đúng' "a bad period said on the entry page" page
has '<select id="period" name="period">' "the open periods to choose from" page

# ---- the province office sees the commune's pending figure ------------------------------------------------
got=$(page tinh /don-vi/DEMO/duyet)
[ "$got" = 200 ] && ok || bad "province queue page: $got"
has "DEMO-A|II.1|$P" "the province queue holds the commune's figure" page
hasnt "Không có số liệu nào chờ duyệt" "the province queue is not empty" page
has "Tỷ lệ chi ngân sách địa phương cho khoa học" "the indicator's name in the queue" page
[ "$(as tinh GET /api/v1/units/DEMO/approvals?per_page=500)" = 200 ] && ok || bad "API queue: $(cat "$tmp/body")"
[ "$(jq -r --arg p $P '.items[] | select(.unit == "DEMO-A" and .indicator == "II.1" and .period == $p) | .name + " | " + .target.text' "$tmp/body")" != "" ] &&
	jq -e --arg p $P '.items[] | select(.unit == "DEMO-A" and .indicator == "II.1" and .period == $p) | .target.year > 0 and .recorded_by == "baocao"' "$tmp/body" > /dev/null && ok || bad "API queue row with name and target: $(head -c 300 "$tmp/body")"

# ---- return needs a reason; the reporter sees it ------------------------------------------------------------
one="{\"unit\":\"DEMO-A\",\"indicator\":\"II.1\",\"period\":\"$P\"}"
got=$(as tinh POST /api/v1/units/DEMO/review "{\"action\":\"return\",\"items\":[$one]}")
[ "$got" = 400 ] && grep -q E_COMMENT "$tmp/body" && ok || bad "return without a reason: $got $(cat "$tmp/body")"
[ "$(status_of DEMO-A II.1 $P)" = submitted ] && ok || bad "nothing changed without a reason"
got=$(page tinh /don-vi/DEMO/duyet n=1 "k.0=DEMO-A|II.1|$P" act=return:0 r.0=)
[ "$got" = 422 ] && ok || bad "page return without a reason: $got"
got=$(as tinh POST /api/v1/units/DEMO/review "{\"action\":\"return\",\"comment\":\"Tỷ lệ chi quá cao, kiểm tra lại\",\"items\":[$one]}")
[ "$got" = 200 ] && ok || bad "return with a reason: $got $(cat "$tmp/body")"
[ "$(status_of DEMO-A II.1 $P)" = returned ] && ok || bad "II.1 returned"
[ "$(as baocao GET /api/v1/me/inbox)" = 200 ] && ok || bad "inbox: $(cat "$tmp/body")"
jq -e '.unread >= 1' "$tmp/body" > /dev/null && ok || bad "an unread message: $(head -c 300 "$tmp/body")"
jq -e --arg p $P '.items[] | select(.kind == "returned" and .indicator == "II.1" and .period == $p and .read == false) | .text | contains("Tỷ lệ chi quá cao, kiểm tra lại")' "$tmp/body" > /dev/null && ok || bad "the reason in the inbox: $(head -c 400 "$tmp/body")"
[ "$(as baocao GET "/api/v1/units/DEMO-A/returned?period=$P")" = 200 ] && [ "$(jq -r '.items[0].reason' "$tmp/body")" = "Tỷ lệ chi quá cao, kiểm tra lại" ] && ok || bad "returned reasons: $(cat "$tmp/body")"
page baocao "/don-vi/DEMO-A/nhap-lieu?period=$P" > /dev/null
has '<span class="reason">Tỷ lệ chi quá cao, kiểm tra lại</span>' "the reason beside the figure" page
has '<a class="inbox" href="/thong-bao">Thông báo <span class="count">' "the unread count in the header" page
page baocao /thong-bao > /dev/null
has "Tỷ lệ chi quá cao, kiểm tra lại" "the inbox page" page
[ "$(as baocao POST /api/v1/me/inbox/read '{}')" = 200 ] && ok || bad "mark read: $(cat "$tmp/body")"
as baocao GET /api/v1/me/inbox > /dev/null
jq -e --arg p $P '[.items[] | select(.indicator == "II.1" and .period == $p and .read == true)] | length == 1' "$tmp/body" > /dev/null && ok || bad "read: $(head -c 300 "$tmp/body")"
# The reporter fixes and resubmits: the reason is gone.
got=$(page baocao "/don-vi/DEMO-A/nhap-lieu?period=$P" v.II.1=3 action=submit)
[ "$got" = 200 ] && [ "$(status_of DEMO-A II.1 $P)" = submitted ] && ok || bad "resubmitted: $got $(status_of DEMO-A II.1 $P)"
as baocao GET "/api/v1/units/DEMO-A/returned?period=$P" > /dev/null
[ "$(jq -r '.total' "$tmp/body")" = 0 ] && ok || bad "resubmitting clears the reason: $(cat "$tmp/body")"
as baocao GET /api/v1/me/inbox > /dev/null
jq -e --arg p $P '[.items[] | select(.kind == "returned" and .period == $p)] | length == 0' "$tmp/body" > /dev/null && ok || bad "no returned message left: $(cat "$tmp/body")"

# ---- approve several, all or nothing; then all ----------------------------------------------------------------
two="[{\"indicator\":\"II.1\",\"period\":\"$P\"},{\"indicator\":\"II.3\",\"period\":\"$P\"}]"
got=$(as vanphong POST /api/v1/units/DEMO-A/review "{\"action\":\"approve\",\"items\":$two}")
[ "$got" = 200 ] && [ "$(jq -r .figures "$tmp/body")" = 2 ] && ok || bad "approve two: $got $(cat "$tmp/body")"
[ "$(status_of DEMO-A II.1 $P) $(status_of DEMO-A II.3 $P)" = "approved approved" ] && ok || bad "two approved"
got=$(as vanphong POST /api/v1/units/DEMO-A/review "{\"action\":\"approve\",\"items\":[{\"indicator\":\"II.14\",\"period\":\"$P\"},{\"indicator\":\"II.3\",\"period\":\"$P\"}]}")
[ "$got" = 409 ] || [ "$got" = 400 ] && ok || bad "one already approved: $got $(cat "$tmp/body")"
[ "$(status_of DEMO-A II.14 $P)" = submitted ] && ok || bad "all or nothing: II.14 $(status_of DEMO-A II.14 $P)"
got=$(page vanphong /don-vi/DEMO-A/duyet n=0 act=approve-all)
[ "$got" = 422 ] && ok || bad "approve all of nothing named: $got"
got=$(as vanphong POST /api/v1/units/DEMO-A/review '{"action":"approve","all":true}')
[ "$got" = 200 ] && [ "$(jq -r .figures "$tmp/body")" -ge 4 ] && ok || bad "approve all: $got $(cat "$tmp/body")"
[ "$(count "SELECT count(*) FROM observations o JOIN series s ON s.id = o.series_id JOIN units u ON u.id = s.unit_id WHERE u.code = 'DEMO-A' AND o.status = 'submitted'")" = 0 ] && ok || bad "nothing left to approve"

# ---- drafts as typed ---------------------------------------------------------------------------------------------
got=$(as baocao POST /api/v1/units/DEMO-A/drafts '{"period":"2029-Q2","indicator":"II.8","fields":{"value":"12,5x","note":"chờ số liệu phòng Tài chính"}}')
[ "$got" = 200 ] && ok || bad "a draft: $got $(cat "$tmp/body")"
got=$(as baocao POST /api/v1/units/DEMO-A/drafts '{"period":"2029-Q2","indicator":"I.3","fields":{"value":"1"}}')
[ "$got" = 403 ] && ok || bad "a draft of another agency's indicator: $got"
as baocao GET "/api/v1/units/DEMO-A/drafts?period=2029-Q2" > /dev/null
[ "$(jq -r '.items[0].fields.value' "$tmp/body")" = "12,5x" ] && ok || bad "the draft as typed: $(cat "$tmp/body")"
page baocao "/don-vi/DEMO-A/nhap-lieu?period=2029-Q2" > /dev/null
has 'name="v.II.8" inputmode="decimal" value="12,5x"' "the draft on the form" page
has 'value="chờ số liệu phòng Tài chính"' "the draft's note on the form" page
# ---- evidence as an uploaded file: checked by content, size-limited, served as an attachment ------------------
printf '%%PDF-1.4\n%%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\n%%%%EOF\n' > "$tmp/bien-ban.pdf"
printf 'MZ not a pdf at all' > "$tmp/gia.pdf"
{ printf '%%PDF-1.4\n'; head -c 1000001 /dev/zero; } > "$tmp/lon.pdf"
upload() { # FILE: the page's multipart form; status, page in $tmp/page
	curl -s -o "$tmp/page" -w '%{http_code}' -b "$tmp/jar.baocao" -F "csrf=$(cat "$tmp/csrf.baocao")" \
		-F indicator=II.8 -F period=2029-Q2 -F "file=@$1" "$base/don-vi/DEMO-A/minh-chung"
}
got=$(upload "$tmp/bien-ban.pdf")
[ "$got" = 303 ] && ok || bad "upload a PDF: $got $(head -c 300 "$tmp/page")"
url=$(sql "SELECT id FROM evidence_files WHERE code = 'II.8' AND period = '2029-Q2'")
[ -n "$url" ] && ok || bad "the file kept with the figure's indicator and period"
got=$(upload "$tmp/gia.pdf")
[ "$got" = 415 ] && ok || bad "a file named .pdf that is not one: $got"
has "không phải PDF, JPEG, PNG, DOCX hoặc XLSX" "why the file is refused" page
got=$(upload "$tmp/lon.pdf")
[ "$got" = 413 ] && ok || bad "a file over the limit: $got"
got=$(curl -s -o "$tmp/page" -w '%{http_code}' -b "$tmp/jar.baocao" -F "csrf=wrong" -F indicator=II.8 \
	-F period=2029-Q2 -F "file=@$tmp/bien-ban.pdf" "$base/don-vi/DEMO-A/minh-chung")
[ "$got" = 403 ] && ok || bad "upload without the form's token: $got"
page baocao "/don-vi/DEMO-A/nhap-lieu?period=2029-Q2" > /dev/null
has "name=\"e.II.8\" value=\"/don-vi/DEMO-A/tep/$url\"" "the file's link in the evidence field" page
has 'value="12,5x"' "the draft typed before the upload kept" page
curl -s -D "$tmp/headers" -o "$tmp/got.pdf" -b "$tmp/jar.vanphong" "$base/don-vi/DEMO-A/tep/$url"
grep -qi '^Content-Type: application/pdf' "$tmp/headers" && grep -qi '^Content-Disposition: attachment; filename="minh-chung-[0-9]*.pdf"' "$tmp/headers" &&
	cmp -s "$tmp/got.pdf" "$tmp/bien-ban.pdf" && ok || bad "the file served back: $(cat "$tmp/headers")"
got=$(curl -s -o /dev/null -w '%{http_code}' -b "$tmp/jar.tinh" "$base/don-vi/DEMO-B/tep/$url")
[ "$got" = 404 ] && ok || bad "the file under another unit: $got"
printf '\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x00\x01' > "$tmp/anh.png"
got=$(curl -s -o "$tmp/body" -w '%{http_code}' -b "$tmp/jar.baocao" -H "X-CSRF-Token: $(cat "$tmp/csrf.baocao")" \
	--data-binary "@$tmp/anh.png" "$base/api/v1/units/DEMO-A/evidence/II.14/2029-Q2?filename=anh.png")
[ "$got" = 201 ] && ok || bad "API upload: $got $(cat "$tmp/body")"
id=$(jq -r .url "$tmp/body" | sed 's#.*/##')
curl -s -D "$tmp/headers" -o "$tmp/got.png" -b "$tmp/jar.baocao" "$base/api/v1/units/DEMO-A/files/$id"
grep -qi '^Content-Type: image/png' "$tmp/headers" && cmp -s "$tmp/got.png" "$tmp/anh.png" && ok || bad "API file back (bytes with NUL): $(cat "$tmp/headers")"

run "dump" 0 dump "$tmp/dump.json"
[ "$(jq '[.tables.evidence_files.rows[]] | length' "$tmp/dump.json")" -ge 2 ] && ok || bad "evidence files in the dump"
run "restore" 0 restore "$tmp/dump.json" --db "$tmp/restored.db"
[ "$(sqlite3 "$tmp/restored.db" "SELECT count(*) FROM evidence_files")" -ge 2 ] && ok || bad "evidence files restored"

# ---- the inbox also says: a cut-off closing with figures missing, overdue tasks ------------------------------
# A commune on plan 001 (it has tasks, some due long ago), its cut-off day
# set so that the window holding today closes within two to six days; the
# sentence also gives the sending deadline (Decree 09/2019, deadline_of).
day=$(TZ=Asia/Ho_Chi_Minh date +%-d)
if [ "$day" -le 25 ]; then cut=$((day + 3)); else cut=2; fi
run "unit with a cut-off day" 0 unit add --code DEMO-T --name "Xã Thử (demo)" --kind commune --parent DEMO --cutoff-day "$cut"
run "plan 001" 0 import "$data/plans/001_5a02e85ee0dfd10c.txt" --unit DEMO-T
echo "$pw" | run "office of DEMO-T" 0 user add --login vpthu --name "Văn phòng xã Thử (demo)" --role office --unit DEMO-T
[ "$(signin vpthu)" = 200 ] && ok || bad "sign in vpthu"
[ "$(as vpthu GET /api/v1/me/inbox)" = 200 ] && ok || bad "inbox of DEMO-T: $(cat "$tmp/body")"
jq -e '[.items[] | select(.kind == "cutoff")] | length >= 1' "$tmp/body" > /dev/null && ok || bad "a cut-off closing: $(head -c 400 "$tmp/body")"
jq -e '.items[] | select(.kind == "cutoff") | .text | test("chốt số liệu ngày [0-9]{2}/[0-9]{2}/[0-9]{4} \\(còn [0-6] ngày\\), hạn gửi báo cáo [0-9]{2}/[0-9]{2}/[0-9]{4}: [0-9]+/[0-9]+ chỉ tiêu chưa có số liệu")' "$tmp/body" > /dev/null && ok || bad "the cut-off's sentence: $(jq -r '.items[] | select(.kind == "cutoff") | .text' "$tmp/body")"
overdue=$(jq '[.items[] | select(.kind == "overdue")] | length' "$tmp/body")
as vpthu GET "/api/v1/units/DEMO-T/tasks?per_page=500&period=$(TZ=Asia/Ho_Chi_Minh date +%Y-%m)" > /dev/null
want=$(jq '[.items[] | select(.overdue == true)] | length' "$tmp/body")
[ "$want" -ge 1 ] && [ "$overdue" = "$want" ] && ok || bad "overdue tasks in the inbox: $overdue, the task list says $want"
page vpthu /thong-bao > /dev/null
has "quá hạn" "overdue tasks on the inbox page" page
has "Sắp chốt số liệu" "the cut-off on the inbox page" page
finish store_review
