#!/usr/bin/env bash
# store_admin.sh: administration in the browser and the public portal over
# HTTP (SQLite, or $CHITIEU_TEST_DB_URL): who gets 200/303/403 on every new
# page; units and accounts made through the pages, within the account's
# scope, with the anti-forgery token; a reopened figure audited with its
# reason; the public pages and CSV show approved figures only.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
use_db
pw=matkhau-thu
c() { "$bin" "$@" > /dev/null || bad "setup: $*"; }
c unit add --code P --name "Tỉnh Thử" --kind province
c unit add --code A --name "Xã Thử A" --kind commune --parent P
c unit add --code B --name "Xã Thử B" --kind commune --parent P
c import "$data/plans/004_5f0b3916b5e2f87f.txt" --unit A
c import "$data/plans/000_03b77514fb71b314.txt" --unit B
echo "$pw" | c user add --login admin --name "Quản trị" --role admin
echo "$pw" | c user add --login tinh --name "Văn phòng tỉnh" --role office --unit P
echo "$pw" | c user add --login vanphong --name "Văn phòng xã A" --role office --unit A
echo "$pw" | c user add --login baocao --name "Báo cáo xã A" --role reporter --unit A \
	--agency "Phòng Kinh tế, Hạ tầng và Đô thị"
echo "$pw" | c user add --login lanhdao --name "Lãnh đạo tỉnh" --role viewer --unit P
cat > "$tmp/f.csv" << 'CSV'
unit,indicator,period,value
A,I.1,2025-12,75.5
A,I.2,2025-12,42.25
CSV
c record --csv "$tmp/f.csv" --by test
c submit --unit A --period 2025-12 --all --by test
c approve --unit A --period 2025-12 --indicator I.1 --by vanphong
start_server --workers 2

roles="anon admin tinh vanphong baocao lanhdao"
for r in $roles; do
	[ "$r" = anon ] && continue
	curl -s -c "$tmp/jar.$r" -H 'Content-Type: application/json' \
		-d "{\"login\":\"$r\",\"password\":\"$pw\"}" "$base/api/v1/session" > "$tmp/signin.$r"
	csrf=$(sed -n 's/.*"csrf":"\([0-9a-f]*\)".*/\1/p' "$tmp/signin.$r")
	[ ${#csrf} -eq 64 ] && ok || bad "sign in $r: $(cat "$tmp/signin.$r")"
	echo "$csrf" > "$tmp/csrf.$r"
done
# get ROLE PATH: the status; the body in $tmp/body.
get() {
	local args=(-s -o "$tmp/body" -w '%{http_code}')
	[ "$1" != anon ] && args+=(-b "$tmp/jar.$1")
	curl "${args[@]}" "$base$2"
}
# post ROLE PATH FIELD=VALUE...: a form with the role's anti-forgery token.
post() {
	local role=$1 path=$2
	shift 2
	local args=(-s -o "$tmp/body" -w '%{http_code}' -b "$tmp/jar.$role"
		--data-urlencode "csrf=$(cat "$tmp/csrf.$role")")
	for f in "$@"; do args+=(--data-urlencode "$f"); done
	curl "${args[@]}" "$base$path"
}
# expect PATH anon admin tinh vanphong baocao lanhdao
expect() {
	local path=$1 r got
	shift
	for r in $roles; do
		got=$(get "$r" "$path")
		[ "$got" = "$1" ] && ok || bad "GET $path as $r: $got, want $1: $(head -c 200 "$tmp/body")"
		shift
	done
}
has() { grep -q -- "$1" "$tmp/body" && ok || bad "$2: no \"$1\" in $(head -c 300 "$tmp/body")"; }
hasnt() { grep -q -- "$1" "$tmp/body" && bad "$2: \"$1\" in the answer" || ok; }

#      path                               anon admin tinh vanphong baocao lanhdao
expect /don-vi/P/quan-tri 303 200 200 403 403 403
expect /don-vi/A/quan-tri 303 200 200 200 403 403
expect /don-vi/B/quan-tri 303 200 200 403 403 403
expect /don-vi/P/nhat-ky 303 200 200 403 403 403
expect /don-vi/A/nhat-ky 303 200 200 200 403 403
expect /don-vi/P/nhap-tep 303 200 200 403 403 403
expect /don-vi/A/nhap-tep 303 200 200 200 403 403
expect /cong-khai 200 200 200 200 200 200
expect /cong-khai/P 200 200 200 200 200 200
expect /cong-khai/A 200 200 200 200 200 200
expect /cong-khai/A/chi-tieu/I.1 200 200 200 200 200 200
expect /cong-khai/A/chi-tieu/I.1/csv 200 200 200 200 200 200
expect /cong-khai/A/chi-tieu/NOPE 404 404 404 404 404 404
expect /cong-khai/NOPE 404 404 404 404 404 404

# The public portal: provinces and their communes, linked; approved figures only.
get anon /cong-khai > /dev/null
has 'href="/cong-khai/P"' "the portal lists the province"
has 'href="/cong-khai/A"' "the portal lists the commune"
get anon /cong-khai/P > /dev/null
has 'href="/cong-khai/B"' "the province page lists its communes"
get anon /cong-khai/A > /dev/null
has 'href="/cong-khai/A/chi-tieu/I.1"' "the commune page links its indicators"
has 'Cập nhật lần cuối: [0-9][0-9]/' "the commune page says when it was updated"
get anon "/cong-khai/A/chi-tieu/I.1?period=2025-12" > /dev/null
has '<svg class="chart"' "the indicator page has its chart"
has 'Cơ quan chủ trì' "the indicator page has its metadata"
has 'href="/cong-khai/A/chi-tieu/I.1/csv"' "the indicator page links its CSV"
has '75,5' "the approved figure in the table"
code=$(curl -s -D "$tmp/hdr" -o "$tmp/i1.csv" -w '%{http_code}' "$base/cong-khai/A/chi-tieu/I.1/csv")
[ "$code" = 200 ] && ok || bad "the CSV: $code"
grep -qi '^content-type: text/csv' "$tmp/hdr" && ok || bad "the CSV's type: $(cat "$tmp/hdr")"
grep -qi 'attachment; filename="A-I.1.csv"' "$tmp/hdr" && ok || bad "the CSV's name"
[ "$(head -1 "$tmp/i1.csv" | tr -d '\r')" = "unit,unit_name,indicator,indicator_name,period,value,num,den,unit_of_measure,updated_at" ] &&
	ok || bad "the CSV's header: $(head -1 "$tmp/i1.csv")"
grep -q '^"A","Xã Thử A","I.1",.*,2025-12,75.5,' "$tmp/i1.csv" && ok || bad "the approved figure in the CSV: $(cat "$tmp/i1.csv")"
curl -s -o "$tmp/i2.csv" "$base/cong-khai/A/chi-tieu/I.2/csv"
[ "$(wc -l < "$tmp/i2.csv")" -eq 1 ] && ok || bad "a figure not approved in the public CSV: $(cat "$tmp/i2.csv")"
get anon "/cong-khai/A/chi-tieu/I.2?period=2025-12" > /dev/null
hasnt '42,25' "a figure not approved on the public page"

# Units: the province office adds a commune under its province; a commune's
# office may not add under the province; no anti-forgery token, nothing.
got=$(curl -s -o "$tmp/body" -w '%{http_code}' -b "$tmp/jar.tinh" --data 'action=add_unit&code=C&name=X' "$base/don-vi/P/quan-tri")
[ "$got" = 403 ] && ok || bad "a form without its token: $got"
[ "$(count "SELECT count(*) FROM units WHERE code = 'C'")" = 0 ] && ok || bad "the unit added without a token"
[ "$(post tinh /don-vi/P/quan-tri action=add_unit code=C "name=Phường Thử C" kind=ward population=9000)" = 200 ] && ok || bad "add a unit: $(head -c 300 "$tmp/body")"
has 'Đã thêm đơn vị C' "the unit added"
has 'href="/don-vi/C"' "the new unit in the tree"
[ "$(count "SELECT count(*) FROM units u JOIN units p ON u.parent_id = p.id WHERE u.code = 'C' AND p.code = 'P'")" = 1 ] && ok || bad "the unit is not under P"
[ "$(post vanphong /don-vi/P/quan-tri action=add_unit code=D name=D)" = 403 ] && ok || bad "an office adds outside its scope"
[ "$(post tinh /don-vi/P/quan-tri action=add_unit code=C name=Again)" = 422 ] && ok || bad "a unit code taken twice"

# Accounts: made within the scope, with a one-time password that signs in.
[ "$(post vanphong /don-vi/A/quan-tri action=add_user login=moi "name=Người Mới" role=admin unit=A)" = 403 ] && ok || bad "an office makes an administrator"
[ "$(post vanphong /don-vi/A/quan-tri action=add_user login=moi "name=Người Mới" role=viewer unit=P)" = 422 ] && ok || bad "an office makes an account of its province"
[ "$(count "SELECT count(*) FROM users WHERE login = 'moi'")" = 0 ] && ok || bad "the refused account exists"
[ "$(post vanphong /don-vi/A/quan-tri action=add_user login=moi "name=Người Mới" role=viewer unit=A)" = 200 ] && ok || bad "make an account: $(head -c 300 "$tmp/body")"
otp=$(sed -n 's/.*id="otp" readonly value="\([0-9a-f]*\)".*/\1/p' "$tmp/body")
[ ${#otp} -eq 16 ] && ok || bad "the one-time password is not shown"
signin() { curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -d "{\"login\":\"$1\",\"password\":\"$2\"}" "$base/api/v1/session"; }
[ "$(signin moi "$otp")" = 200 ] && ok || bad "the one-time password does not sign in"
get vanphong /don-vi/A/quan-tri > /dev/null
hasnt "$otp" "the one-time password shown again"
[ "$(post vanphong /don-vi/A/quan-tri action=reset login=tinh)" = 403 ] && ok || bad "an office resets its province office's password"
[ "$(post tinh /don-vi/P/quan-tri action=role login=moi role=office unit=A)" = 200 ] && ok || bad "change a role: $(head -c 300 "$tmp/body")"
[ "$(count "SELECT role FROM users WHERE login = 'moi'")" = office ] && ok || bad "the role is not changed"
[ "$(post tinh /don-vi/P/quan-tri action=reset login=moi)" = 200 ] && ok || bad "reset a password"
otp2=$(sed -n 's/.*id="otp" readonly value="\([0-9a-f]*\)".*/\1/p' "$tmp/body")
[ ${#otp2} -eq 16 ] && [ "$otp2" != "$otp" ] && ok || bad "the new one-time password"
[ "$(signin moi "$otp")" != 200 ] && ok || bad "the old password still signs in"
[ "$(signin moi "$otp2")" = 200 ] && ok || bad "the new password does not sign in"
[ "$(post tinh /don-vi/P/quan-tri action=disable login=moi)" = 200 ] && ok || bad "disable an account"
[ "$(count "SELECT disabled FROM users WHERE login = 'moi'")" = 1 ] && ok || bad "not disabled"
[ "$(signin moi "$otp2")" != 200 ] && ok || bad "a disabled account signs in"
[ "$(post tinh /don-vi/P/quan-tri action=enable login=moi)" = 200 ] && ok || bad "enable an account"
[ "$(signin moi "$otp2")" = 200 ] && ok || bad "an enabled account does not sign in"

# Reopen an approved figure: a reason needed; audited with it; off the public pages.
[ "$(post tinh /don-vi/P/quan-tri action=reopen unit=A indicator=I.1 period=2025-12 reason=)" = 422 ] && ok || bad "reopen without a reason"
[ "$(count "SELECT status FROM observations o JOIN series s ON o.series_id = s.id WHERE s.code = 'I.1' AND o.period = '2025-12'")" = approved ] && ok || bad "reopened without a reason"
[ "$(post baocao /don-vi/A/quan-tri action=reopen unit=A indicator=I.1 period=2025-12 reason=x)" = 403 ] && ok || bad "a reporter reopens"
[ "$(post tinh /don-vi/P/quan-tri action=reopen unit=A indicator=I.1 period=2025-12 "reason=Sai nguồn số liệu")" = 200 ] && ok || bad "reopen: $(head -c 300 "$tmp/body")"
[ "$(count "SELECT status FROM observations o JOIN series s ON o.series_id = s.id WHERE s.code = 'I.1' AND o.period = '2025-12'")" != approved ] && ok || bad "still approved after reopening"
[ "$(count "SELECT count(*) FROM audit WHERE actor = 'tinh' AND action = 'reopen' AND detail LIKE '%Sai nguồn số liệu%'")" = 1 ] && ok || bad "the reopening is not audited with its reason: $(count "SELECT action, detail FROM audit WHERE actor = 'tinh'")"
curl -s -o "$tmp/i1b.csv" "$base/cong-khai/A/chi-tieu/I.1/csv"
grep -q '75.5' "$tmp/i1b.csv" && bad "a reopened figure still public" || ok

# The audit log on its page, filtered.
get tinh "/don-vi/P/nhat-ky?action=reopen" > /dev/null
has 'Sai nguồn số liệu' "the audit page shows the reopening"
has '1 mục khớp bộ lọc' "the audit page filtered by action"
get tinh "/don-vi/P/nhat-ky?account=vanphong&action=user.add" > /dev/null
has 'moi' "the audit page filtered by account"
get vanphong "/don-vi/A/nhat-ky?unit=P" > /dev/null
[ "$(get vanphong "/don-vi/A/nhat-ky?unit=P")" = 403 ] && ok || bad "an office filters the log on a unit outside its scope"
get admin "/don-vi/P/nhat-ky?to=2000-01-01" > /dev/null
has '>0 mục khớp bộ lọc' "the audit page filtered by date"
# Importing a CSV: the preview shows every row's problem and writes nothing;
# "import all" writes nothing while one row is wrong; "only the good rows"
# writes those; rows of units outside the account's scope are refused.
obs() { count "SELECT count(*) FROM observations"; }
before=$(obs)
csv=$'unit,indicator,period,value\nA,I.3,2025-12,55\nA,NOPE,2025-12,3\nB,I.1,2025-12,5\nA,I.1,2025-13,2'
[ "$(post vanphong /don-vi/A/nhap-tep "csv=$csv" mode=preview)" = 200 ] && ok || bad "preview: $(head -c 300 "$tmp/body")"
has '4 dòng: 1 hợp lệ, 3 có lỗi' "the preview counts the rows"
has 'ngoài phạm vi' "the preview: a unit outside the scope"
has 'NOPE' "the preview shows the unknown indicator's row"
[ "$(obs)" = "$before" ] && ok || bad "the preview wrote figures"
[ "$(post vanphong /don-vi/A/nhap-tep "csv=$csv" mode=import)" = 422 ] && ok || bad "import all with bad rows"
has 'Không ghi gì' "import all with bad rows says nothing was written"
[ "$(obs)" = "$before" ] && ok || bad "import all with a bad row wrote figures"
[ "$(post vanphong /don-vi/A/nhap-tep "csv=$csv" mode=import_good)" = 200 ] && ok || bad "import the good rows: $(head -c 300 "$tmp/body")"
has 'Đã ghi 1 số liệu' "the good rows written"
[ "$(obs)" = $((before + 1)) ] && ok || bad "the good rows: $(obs) figures, want $((before + 1))"
[ "$(count "SELECT recorded_by FROM observations o JOIN series s ON o.series_id = s.id WHERE s.code = 'I.3' AND o.period = '2025-12'")" = vanphong ] && ok || bad "the imported figure's author"
[ "$(post tinh /don-vi/P/nhap-tep $'csv=unit,indicator,period,value\nB,I.1,2026-Q1,5' mode=import)" = 200 ] && ok || bad "the province office imports for a commune: $(head -c 300 "$tmp/body")"
[ "$(obs)" = $((before + 2)) ] && ok || bad "the province office's import"
# Importing an Excel file (.xlsx, the first sheet; header by name, in any
# order): the same preview, modes and checks as the CSV text. Rows 2 and 4
# are good (a number cell 0.1, and 1.25E1 stored with an exponent, written
# back exactly as 12.5; row 2's period is a date cell shown "mm/yyyy", read
# as the month 2026-01), row 3 names an unknown indicator, row 5 is good
# (0.955 in a percent format: 95.5, the percent the sheet shows).
python3 - "$tmp/f.xlsx" << 'PY'
import sys, zipfile
sst = ["period", "unit", "indicator", "value", "A", "I.1", "2026-01", "NOPE"]
def c(ref, v, t=None):
    if t == "month":
        return '<c r="%s" s="1"><v>%s</v></c>' % (ref, v)
    if t == "pct":
        return '<c r="%s" s="2"><v>%s</v></c>' % (ref, v)
    if t == "s":
        return '<c r="%s" t="s"><v>%d</v></c>' % (ref, sst.index(v))
    if t == "inline":
        return '<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, v)
    return '<c r="%s"><v>%s</v></c>' % (ref, v)
rows = [
    [c("A1", "period", "s"), c("B1", "unit", "s"), c("C1", "indicator", "s"), c("D1", "value", "s")],
    [c("A2", "46023", "month"), c("B2", "A", "s"), c("C2", "I.1", "s"), c("D2", "0.1")],
    [c("A3", "2026-01", "s"), c("B3", "A", "s"), c("C3", "NOPE", "s"), c("D3", "7")],
    [c("A4", "2026-01", "inline"), c("B4", "A", "s"), c("C4", "I.2", "inline"), c("D4", "1.25E1")],
    [c("A5", "2026-01", "s"), c("B5", "A", "s"), c("C5", "I.3", "inline"), c("D5", "0.955", "pct")],
]
ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
rel = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    z.writestr("xl/workbook.xml", '<workbook %s %s><sheets><sheet name="Số liệu" sheetId="1" r:id="rId1"/></sheets></workbook>' % (ns, rel))
    z.writestr("xl/_rels/workbook.xml.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
    z.writestr("xl/styles.xml", '<styleSheet %s><numFmts count="1"><numFmt numFmtId="164" formatCode="mm/yyyy;@"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="10" applyNumberFormat="1"/></cellXfs></styleSheet>' % ns)
    z.writestr("xl/sharedStrings.xml", '<sst %s>%s</sst>' % (ns, "".join("<si><t>%s</t></si>" % s for s in sst)))
    z.writestr("xl/worksheets/sheet1.xml", '<worksheet %s><sheetData>%s</sheetData></worksheet>' % (ns, "".join('<row r="%d">%s</row>' % (i + 1, "".join(r)) for i, r in enumerate(rows))))
PY
# upload ROLE PATH FILE NAME FIELD=VALUE...: the form sent as multipart/form-data.
upload() {
	local role=$1 path=$2 file=$3 name=$4
	shift 4
	local args=(-s -o "$tmp/body" -w '%{http_code}' -b "$tmp/jar.$role"
		-F "csrf=$(cat "$tmp/csrf.$role")" -F "file=@$file;filename=$name")
	for f in "$@"; do args+=(-F "$f"); done
	curl "${args[@]}" "$base$path"
}
jan() { count "SELECT count(*) FROM observations WHERE period = '2026-01'"; }
get vanphong /don-vi/A/nhap-tep > /dev/null
has 'enctype="multipart/form-data"' "the import form sends files"
has '<label>Tệp số liệu (.xlsx hoặc .csv' "the file input has a label"
has 'tối đa 1 MB' "the import page says the size limit"
before=$(obs)
[ "$(upload vanphong /don-vi/A/nhap-tep "$tmp/f.xlsx" so-lieu.xlsx mode=preview)" = 200 ] && ok || bad "preview an XLSX: $(head -c 300 "$tmp/body")"
has '4 dòng: 3 hợp lệ, 1 có lỗi' "the XLSX preview counts the rows"
has '<td>5</td><td>A</td><td>I.3</td><td>2026-01</td><td>95.5</td><td>hợp lệ' "a percent cell read as the percent shown"
grep -q '<tr class="bad"><td>3</td><td>A</td><td>NOPE</td>' "$tmp/body" && ok || bad "the XLSX preview: row 3 (NOPE) not marked bad: $(grep -o '<table class="preview">.*</table>' "$tmp/body" | head -c 600)"
grep -q '<td>3</td><td>A</td><td>NOPE</td><td>2026-01</td><td>7</td><td><span class="error">[^<]' "$tmp/body" && ok || bad "the XLSX preview: no problem told for row 3"
has '<td>12.5</td><td>hợp lệ' "an exponent number cell read exactly"
has '<td>2</td><td>A</td><td>I.1</td><td>2026-01</td><td>0.1</td><td>hợp lệ' "a number cell kept as stored, a month date cell read as its period"
[ "$(obs)" = "$before" ] && ok || bad "the XLSX preview wrote figures"
[ "$(upload vanphong /don-vi/A/nhap-tep "$tmp/f.xlsx" so-lieu.xlsx mode=import)" = 422 ] && ok || bad "import all of an XLSX with a bad row"
has 'Không ghi gì' "import all of an XLSX with a bad row says nothing was written"
[ "$(obs)" = "$before" ] && ok || bad "import all of an XLSX with a bad row wrote figures"
[ "$(upload vanphong /don-vi/A/nhap-tep "$tmp/f.xlsx" so-lieu.xlsx mode=import_good)" = 200 ] && ok || bad "import the XLSX's good rows: $(head -c 300 "$tmp/body")"
has 'Đã ghi 3 số liệu' "the XLSX's good rows written"
[ "$(obs)" = $((before + 3)) ] && ok || bad "the XLSX's good rows: $(obs) figures, want $((before + 3))"
[ "$(jan)" = 3 ] && ok || bad "the XLSX's figures for 2026-01: $(jan), want 3"
[ "$(count "SELECT o.value FROM observations o JOIN series s ON o.series_id = s.id WHERE s.code = 'I.2' AND o.period = '2026-01'")" = 12.5 ] && ok || bad "the XLSX's exponent cell stored as $(count "SELECT o.value FROM observations o JOIN series s ON o.series_id = s.id WHERE s.code = 'I.2' AND o.period = '2026-01'")"
# A file named .xlsx that is not a workbook: a Vietnamese reason, nothing written.
printf 'unit,indicator,period,value\nA,I.3,2026-02,9\n' > "$tmp/fake.xlsx"
[ "$(upload vanphong /don-vi/A/nhap-tep "$tmp/fake.xlsx" so-lieu.xlsx mode=import csv=noi-dung-da-dan)" = 422 ] && ok || bad "a text file named .xlsx: $(head -c 300 "$tmp/body")"
has 'Không đọc được tệp &quot;so-lieu.xlsx&quot;: tệp không phải bảng tính Excel (.xlsx)' "a text file named .xlsx: the reason"
has '>noi-dung-da-dan</textarea>' "the pasted text kept when the file cannot be read"
[ "$(obs)" = $((before + 3)) ] && ok || bad "a text file named .xlsx wrote figures"
# A CSV file uploaded reads as its text.
[ "$(upload vanphong /don-vi/A/nhap-tep "$tmp/fake.xlsx" so-lieu.csv mode=import)" = 200 ] && ok || bad "import a CSV file: $(head -c 300 "$tmp/body")"
has 'Đã ghi 1 số liệu' "the CSV file's row written"
[ "$(obs)" = $((before + 4)) ] && ok || bad "the CSV file: $(obs) figures, want $((before + 4))"
# The cut-off day: set within the scope, audited, back to inherited.
[ "$(post vanphong /don-vi/A/quan-tri action=cutoff unit=A day=20)" = 200 ] && ok || bad "set a cut-off day: $(head -c 300 "$tmp/body")"
[ "$(count "SELECT cutoff_day FROM units WHERE code = 'A'")" = 20 ] && ok || bad "the cut-off day not stored"
[ "$(count "SELECT count(*) FROM audit WHERE action = 'unit.cutoff' AND actor = 'vanphong'")" = 1 ] && ok || bad "the cut-off day not audited"
[ "$(post vanphong /don-vi/A/quan-tri action=cutoff unit=A day=31)" = 422 ] && ok || bad "a cut-off day 31"
[ "$(post vanphong /don-vi/A/quan-tri action=cutoff unit=P day=10)" = 422 ] && ok || bad "an office sets its province's cut-off day"
[ "$(count "SELECT count(*) FROM units WHERE code = 'P' AND cutoff_day IS NOT NULL")" = 0 ] && ok || bad "the province's cut-off day changed"
[ "$(post vanphong /don-vi/A/quan-tri action=cutoff unit=A day=)" = 200 ] && ok || bad "back to the inherited cut-off day"
[ "$(count "SELECT count(*) FROM units WHERE code = 'A' AND cutoff_day IS NULL")" = 1 ] && ok || bad "the cut-off day not inherited again"

# API tokens for another account: the administrator only; shown once; it works.
[ "$(post tinh /don-vi/P/quan-tri action=token login=lanhdao label=x days=30 scope=read)" = 403 ] && ok || bad "an office makes a token for another account"
[ "$(post admin /don-vi/P/quan-tri action=token login=lanhdao "label=Cổng tỉnh" days=30 scope=read)" = 200 ] && ok || bad "make a token: $(head -c 300 "$tmp/body")"
tok=$(sed -n 's/.*id="token" readonly value="\([0-9a-f]*\)".*/\1/p' "$tmp/body")
[ ${#tok} -eq 64 ] && ok || bad "the token is not shown"
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $tok" "$base/api/v1/me")" = 200 ] && ok || bad "the token made on the page does not work"
[ "$(post admin /don-vi/P/quan-tri action=token login=nobody label=x days=30 scope=read)" = 422 ] && ok || bad "a token for nobody"
finish store_admin
