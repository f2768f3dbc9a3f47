#!/usr/bin/env bash
# store_report_decree.sh: the report as an official signs and files it
# (issue 15), every format read back: the unit's settings (signer,
# recipients, sending days) set once by CLI and API and kept by dump and
# restore; the DOCX's XML checked by tests/tools/report_check.py (signature
# block, "Nơi nhận", a PAGE field in the header from page 2, dates with
# leading zeros, sections I, II, III … without gaps, spacing >= 6 pt,
# first-line indent, the bold body name and its short rule); the PDF's
# page 2 carries its number (pdftotext); the XLSX prints A4 landscape with
# print titles, numbers as numbers, sheet names cut between words; the JSON
# and CSV of docs/reports.md. Hand values: DEMO-A 2025-Q4 (cut-off
# 2025-09-15..2025-12-14) is due on the 17th set below; the province DEMO
# 2025 on the 20th (the province default).
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
use_demo
check=$root/tests/tools/report_check.py

# Settings: set once, read back, refused when wrong (nothing changed).
run settings 0 unit settings --unit DEMO-A --signer "Nguyễn Văn An" \
	--recipients "Ban Chỉ đạo tỉnh (để báo cáo); Thường trực Đảng ủy xã; Lưu: VT, VHXH" --send-day quarter=17
run settings-get 0 unit settings --unit DEMO-A
jq -e '.signer == "Nguyễn Văn An" and (.recipients | length) == 3 and .send_day.quarter == 17' "$tmp/out" > /dev/null &&
	ok || bad "settings: $(cat "$tmp/out")"
run settings-bad-day 2 unit settings --unit DEMO-A --send-day quarter=31
grep -q E_SETTINGS "$tmp/err" && ok || bad "bad day: $(cat "$tmp/err")"
echo '{"signer": "X", "colour": "red"}' > "$tmp/bad.json"
run settings-bad-key 2 unit settings --unit DEMO-A --json "$tmp/bad.json"
grep -q 'khóa lạ "colour"' "$tmp/err" && ok || bad "bad key: $(cat "$tmp/err")"
run settings-unknown 2 unit settings --unit NOPE
run settings-kept 0 unit settings --unit DEMO-A
jq -e '.signer == "Nguyễn Văn An"' "$tmp/out" > /dev/null && ok || bad "a refused change changed: $(cat "$tmp/out")"

r() { # r UNIT PERIOD FORMAT: the report into $tmp/UNIT.FORMAT
	run "report-$1-$3" 0 report --unit "$1" --period "$2" --date 2026-01-05 --format "$3" -o "$tmp/$1.$3"
}
for f in json csv html docx xlsx; do r DEMO-A 2025-Q4 $f; r DEMO 2025 $f; done

# DOCX (Decree 30/2020): the XML read back.
python3 "$check" docx "$tmp/DEMO-A.docx" --signer "Nguyễn Văn An" --recipient "Thường trực Đảng ủy xã" \
	--date "An Bình, ngày 05 tháng 01 năm 2026" > "$tmp/check" && ok || bad "$(cat "$tmp/check")"
python3 "$check" docx "$tmp/DEMO.docx" --recipient "Lưu: VT" --date "ngày 05 tháng 01 năm 2026" > "$tmp/check" &&
	ok || bad "$(cat "$tmp/check")"
unzip -p "$tmp/DEMO.docx" word/document.xml | sed 's/<\/w:p>/\n/g; s/<[^>]*>//g' > "$tmp/p.txt"
grep -q '^V\. XẾP HẠNG CÁC ĐƠN VỊ$' "$tmp/p.txt" && grep -q '^IV\. TỔNG HỢP 3 ĐƠN VỊ TRỰC THUỘC$' "$tmp/p.txt" &&
	ok || bad "province sections: $(grep '^[IVX]*\. ' "$tmp/p.txt" | tr '\n' '|')"
grep -q '63,16' "$tmp/p.txt" && ! grep -q '63,1579' "$tmp/p.txt" && ok || bad "63,16: $(grep -o '63,[0-9]*' "$tmp/p.txt" | head -1)"
grep -q 'thời hạn gửi báo cáo: ngày 17/12/2025' "$tmp/DEMO-A.html" && ok || bad "deadline in the commune's report"
grep -q 'thời hạn gửi báo cáo: ngày 20/12/2025' "$tmp/p.txt" && ok || bad "deadline in the province's report"
# The HTML says the same as the DOCX: the same sections, in the same order.
diff <(grep -o '<h2>[^<]*</h2>' "$tmp/DEMO.html" | sed 's/<[^>]*>//g') <(grep '^[IVX]*\. ' "$tmp/p.txt") > /dev/null &&
	ok || bad "HTML and DOCX sections differ"
grep -q 'Nơi nhận:</b><br>- Ban Chỉ đạo tỉnh (để báo cáo);' "$tmp/DEMO-A.html" && grep -q '>Nguyễn Văn An</div>' "$tmp/DEMO-A.html" &&
	ok || bad "html signature"
# The web page allows the report's one <style> by its hash: no style attributes.
! grep -q ' style=' "$tmp/DEMO-A.html" && ok || bad "a style attribute in the HTML (CSP refuses it)"

# A province without its own plan: its summary counts what it consolidates.
run p0 0 unit add --code P0 --name "Tỉnh Thử" --kind province
run p0-a 0 unit add --code P0-A --name "Xã Một" --kind commune --parent P0
run p0-plan 0 import "$data/plans/004_5f0b3916b5e2f87f.txt" --unit P0-A
run p0-report 0 report --unit P0 --period 2025 --format html
! grep -q 'Tổng số 0 chỉ tiêu' "$tmp/out" && grep -q 'Tổng số [1-9][0-9]* chỉ tiêu tổng hợp từ 1 đơn vị trực thuộc' "$tmp/out" &&
	ok || bad "province without a plan: $(grep -o 'Tổng số[^.]*' "$tmp/out" | head -2)"
grep -o '<h2>[^<]*</h2>' "$tmp/out" | sed 's/<[^>]*>//g; s/\..*//' | tr '\n' ' ' | grep -qx 'I II III IV ' &&
	ok || bad "sections of P0: $(grep -o '<h2>[^<]*</h2>' "$tmp/out" | tr '\n' ' ')"

# XLSX: print setup, numbers, heights, the chart below the title.
python3 "$check" xlsx "$tmp/DEMO-A.xlsx" > "$tmp/check" && ok || bad "$(cat "$tmp/check")"
python3 "$check" xlsx "$tmp/DEMO.xlsx" --percent > "$tmp/check" && ok || bad "$(cat "$tmp/check")"
unzip -p "$tmp/DEMO-A.xlsx" xl/workbook.xml | grep -o '<sheet name="[^"]*"' | sed 's/.*="//; s/"$//' > "$tmp/sheets"
for want in "III Phát triển khoa học công" "IV Phát triển hệ sinh thái đổi" "V Phát triển chuyển đổi số"; do
	grep -qx "$want" "$tmp/sheets" && ok || bad "sheet \"$want\" (cut between words): $(tr '\n' '|' < "$tmp/sheets")"
done

# PDF: the page number on page 2, none on page 1; the national title on one
# line; "Số" and the date on one line.
if [ -x /usr/bin/chromium ]; then
	r DEMO-A 2025-Q4 pdf
	pdftotext -f 2 -l 2 -layout "$tmp/DEMO-A.pdf" - | grep -v '^\s*$' | head -n 1 | grep -qx '\s*2' &&
		ok || bad "pdf page 2 number: $(pdftotext -f 2 -l 2 -layout "$tmp/DEMO-A.pdf" - | head -n 3)"
	pdftotext -f 1 -l 1 -layout "$tmp/DEMO-A.pdf" - > "$tmp/p1"
	! grep -v '^\s*$' "$tmp/p1" | head -n 1 | grep -qx '\s*1' && ok || bad "a number on page 1"
	grep -q 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' "$tmp/p1" && ok || bad "national title wraps"
	grep -q 'Số: .*/BC-UBND .*An Bình, ngày 05 tháng 01 năm 2026' "$tmp/p1" && ok || bad "Số and date lines"
	grep -q 'Nơi nhận:' <(pdftotext -layout "$tmp/DEMO-A.pdf" -) && ok || bad "pdf Nơi nhận"
else
	bad "chromium is not installed (the PDF is not checked)"
fi

# JSON: version, ISO date, typed target, the figure's period, deadline.
j=$tmp/DEMO-A.json
jq -e '.format == "chitieu-report" and .version == 2 and .date == "2026-01-05"' "$j" > /dev/null && ok || bad "json version/date"
jq -e '.indicators[] | select(.code == "I.3") | .target.kind == "number" and .target.op == ">=" and .target.value == 70
	and .target_text == "≥ 70" and .latest == 55 and .latest_period == "2025-Q4"' "$j" > /dev/null && ok ||
	bad "json I.3: $(jq -c '.indicators[] | select(.code == "I.3")' "$j" | head -c 400)"
jq -e '.deadline == {"cutoff_from": "2025-09-15", "cutoff_to": "2025-12-14", "send_by": "2025-12-17", "send_day": 17, "days_left": -19}
	and .signature.signer == "Nguyễn Văn An"' "$j" > /dev/null && ok || bad "json deadline: $(jq -c '.deadline, .signature' "$j")"
jq -e '([.communes[].code] | sort) == ["DEMO-A", "DEMO-B", "DEMO-C"] and (.rollup | map(select(.code == "I.1"))[0].meeting) == 1
	and .deadline.send_by == "2025-12-20"' "$tmp/DEMO.json" > /dev/null && ok || bad "province json: $(jq -c '[.communes[0], .deadline]' "$tmp/DEMO.json")"
# CSV: a BOM, rollup rows marked in their own column, not in status.
head -c 3 "$tmp/DEMO-A.csv" | od -An -tx1 | grep -q 'ef bb bf' && ok || bad "csv BOM"
grep -q '^indicator,"DEMO-A","2025-Q4",2026-01-05,"I.3",.*,"≥ 70",number,70,55,2025-Q4,not_met,ĐỎ,' "$tmp/DEMO-A.csv" &&
	ok || bad "csv I.3: $(grep '"I.3"' "$tmp/DEMO-A.csv")"
grep -q '^rollup,"DEMO","2025",2026-01-05,"I.1",.*,63.1578947368421,2025,,,"",1,3' "$tmp/DEMO.csv" && ! cut -d, -f15 "$tmp/DEMO.csv" | grep -q rollup &&
	ok || bad "province csv: $(grep '"I.1"' "$tmp/DEMO.csv")"

# API: the office of the unit sets them, a reporter may not; ?period= gives
# the deadline reminders use.
start_server
for who in vanphong baocao; do
	curl -s -c "$tmp/jar.$who" -H 'Content-Type: application/json' \
		-d "{\"login\":\"$who\",\"password\":\"matkhau-demo\"}" "$base/api/v1/session" > "$tmp/signin"
	sed -n 's/.*"csrf":"\([0-9a-f]*\)".*/\1/p' "$tmp/signin" > "$tmp/csrf.$who"
done
put() { curl -s -o "$tmp/body" -w '%{http_code}' -b "$tmp/jar.$1" -H "X-CSRF-Token: $(cat "$tmp/csrf.$1")" \
	-H 'Content-Type: application/json' --data-binary "$2" "$base/api/v1/units/DEMO-A/settings"; }
got=$(put vanphong '{"signer":"Trần Thị Bình","position":"PHÓ CHỦ TỊCH","authority":"KT. CHỦ TỊCH","recipients":["UBND tỉnh","Lưu: VT"],"send_day":{"quarter":18}}')
[ "$got" = 200 ] && ok || bad "office sets settings: $got $(cat "$tmp/body")"
got=$(put baocao '{"signer":"X"}')
[ "$got" = 403 ] && ok || bad "a reporter sets settings: $got"
got=$(put vanphong '{"send_day":{"quarter":40}}')
[ "$got" = 400 ] && grep -q E_SETTINGS "$tmp/body" && ok || bad "bad settings: $got $(cat "$tmp/body")"
curl -s -b "$tmp/jar.vanphong" "$base/api/v1/units/DEMO-A/settings?period=2025-Q4" > "$tmp/body"
jq -e '.settings.signer == "Trần Thị Bình" and .effective.send_day.month == 16 and .deadline.send_by == "2025-12-18"' \
	"$tmp/body" > /dev/null && ok || bad "GET settings: $(cat "$tmp/body")"
r DEMO-A 2025-Q4 docx
python3 "$check" docx "$tmp/DEMO-A.docx" --authority "KT. CHỦ TỊCH" --position "PHÓ CHỦ TỊCH" \
	--signer "Trần Thị Bình" --recipient "UBND tỉnh" > "$tmp/check" && ok || bad "$(cat "$tmp/check")"

# Dump and restore keep them (into a SQLite file from either backend).
run dump 0 dump "$tmp/a.json"
jq -e '.tables.unit_settings.rows | length == 1' "$tmp/a.json" > /dev/null && ok || bad "dump: no unit_settings"
run restore 0 restore "$tmp/a.json" --db "$tmp/restored.db"
run restored 0 unit settings --unit DEMO-A --db "$tmp/restored.db"
jq -e '.signer == "Trần Thị Bình" and .send_day.quarter == 18' "$tmp/out" > /dev/null && ok || bad "restored: $(cat "$tmp/out")"
jq '.tables.unit_settings.rows[0][1] = "{\"send_day\": {\"week\": 3}}"' "$tmp/a.json" > "$tmp/bad-dump.json"
run restore-bad 2 restore "$tmp/bad-dump.json" --db "$tmp/refused.db"
grep -q 'unit_settings.*send_day.week' "$tmp/err" && ok || bad "bad settings in a dump: $(cat "$tmp/err")"
finish store_report_decree
