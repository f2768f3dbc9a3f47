#!/usr/bin/env bash
# store_report.sh: the periodic report of a demo commune and of its
# province in every format, each read back and checked for its numbers:
# JSON and CSV directly, HTML and DOCX as text, XLSX through LibreOffice
# (its summary sheet as CSV), PDF through pdftotext; LibreOffice turns the
# DOCX and XLSX into PDF and their first page is not blank. Worked out by
# hand for DEMO-A in 2025-Q4: I.1 75 against >= 70 and IV.1 6 against
# >= 5 exceeded; I.3 55 against >= 70 not met at its milestone; the other
# 70 indicators have no figure.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
use_demo
has() { grep -qF -- "$1" "$3" && ok || bad "$2: no \"$1\" in $(basename "$3")"; }

r() { run "report-$1" 0 report --unit DEMO-A --period 2025-Q4 --date 2026-01-05 --format "$1" -o "$tmp/r.$1"; }
for f in json csv html xlsx docx; do r "$f"; done

# JSON
jq -e '.counts.exceeded == 2 and .counts.not_met == 1 and .counts.no_data == 70 and .counts.met == 0' \
	"$tmp/r.json" > /dev/null && ok || bad "json counts: $(jq -c .counts "$tmp/r.json")"
jq -e '.indicators[] | select(.code == "I.3") | .latest == 55 and .status == "not_met" and .target_text == "≥ 70"' \
	"$tmp/r.json" > /dev/null && ok || bad "json I.3"
jq -e '.issuer.body == "ỦY BAN NHÂN DÂN" and .issuer.unit == "XÃ AN BÌNH (DEMO)" and (.title | endswith("quý IV năm 2025"))' \
	"$tmp/r.json" > /dev/null && ok || bad "json header: $(jq -c '[.issuer, .title]' "$tmp/r.json")"
# CSV
has '"DEMO-A","2025-Q4",2026-01-05,"I.3",' "csv row" "$tmp/r.csv"
grep '"I.3"' "$tmp/r.csv" | grep -q ',55,2025-Q4,not_met,ĐỎ,' && ok || bad "csv I.3: $(grep '"I.3"' "$tmp/r.csv")"
[ "$(($(wc -l < "$tmp/r.csv") - 1))" = 73 ] && ok || bad "csv: 73 indicators"
# HTML
has "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" "html motto" "$tmp/r.html"
has "An Bình, ngày 05 tháng 01 năm 2026" "html place and date" "$tmp/r.html"
has "Tổng số 73 chỉ tiêu: 0 đạt, 2 vượt, 0 đúng tiến độ" "html summary" "$tmp/r.html"
grep -o '<tr><td>I.3</td>.*' "$tmp/r.html" | head -c 600 | grep -q '<td class="n">55</td><td>2025-Q4</td><td>Không đạt</td>' && ok ||
	bad "html I.3 row"
# DOCX: the document's text
unzip -p "$tmp/r.docx" word/document.xml | sed 's/<[^>]*>/ /g' > "$tmp/docx.txt"
has "BÁO CÁO" "docx title" "$tmp/docx.txt"
has "Tổng số 73 chỉ tiêu: 0 đạt, 2 vượt" "docx summary" "$tmp/docx.txt"
has "Độc lập - Tự do - Hạnh phúc" "docx motto" "$tmp/docx.txt"
unzip -p "$tmp/r.docx" word/styles.xml | grep -q 'w:ascii="Times New Roman"' && ok || bad "docx font"
unzip -p "$tmp/r.docx" word/document.xml | grep -q '<w:pgSz w:w="11906" w:h="16838"/>' && ok || bad "docx A4"
# XLSX: the summary sheet read back by LibreOffice; the group sheet's I.3
unzip -p "$tmp/r.xlsx" xl/worksheets/sheet1.xml | grep -q '<pane ySplit="3"' && ok || bad "xlsx frozen header"
unzip -l "$tmp/r.xlsx" | grep -q 'xl/charts/chart1.xml' && ok || bad "xlsx chart"
lo() { # lo FORMAT FILE: LibreOffice headless conversion into $tmp/lo
	mkdir -p "$tmp/lo"
	HOME=$tmp timeout 180 soffice --headless --norestore --convert-to "$1" --outdir "$tmp/lo" "$2" > /dev/null 2>&1
}
if ! command -v soffice > /dev/null; then
	bad "LibreOffice (soffice) is not installed; make check installs it"
else
	lo 'csv:Text - txt - csv (StarCalc):44,34,76' "$tmp/r.xlsx" && ok || bad "LibreOffice: xlsx to csv"
	grep -q '^Vượt,2$' "$tmp/lo/r.csv" && grep -q '^Chưa có số liệu,70$' "$tmp/lo/r.csv" && ok ||
		bad "xlsx summary: $(head -c 300 "$tmp/lo/r.csv")"
	for f in docx xlsx; do
		cp "$tmp/r.$f" "$tmp/$f-report.$f"
		lo pdf "$tmp/$f-report.$f" && [ -s "$tmp/lo/$f-report.pdf" ] && ok || bad "LibreOffice: $f to pdf"
		pdftoppm -r 40 -f 1 -l 1 -gray "$tmp/lo/$f-report.pdf" "$tmp/lo/$f-page" 2> /dev/null
		page=$(ls "$tmp"/lo/"$f"-page*.pgm 2> /dev/null | head -n 1)
		# Not blank: some thousands of pixels are not white.
		dark=$([ -n "$page" ] && tail -c +16 "$page" | tr -d '\377' | wc -c || echo 0)
		[ "$dark" -gt 2000 ] && ok || bad "$f page 1 is blank ($dark dark pixels)"
	done
fi
# PDF by headless chromium
if [ -x /usr/bin/chromium ]; then
	r pdf
	head -c 5 "$tmp/r.pdf" | grep -q '%PDF-' && ok || bad "pdf header"
	pdftotext "$tmp/r.pdf" - | grep -q "BÁO CÁO" && ok || bad "pdf text"
fi
# The province: its communes consolidated and ranked.
run province 0 report --unit DEMO --period 2025 --format json
jq -e '(.ranking | length) == 3 and (.rollup | map(select(.code == "I.1"))[0].meeting) == 1' "$tmp/out" > /dev/null &&
	ok || bad "province: $(jq -c '[.ranking, (.rollup | map(select(.code == "I.1")))]' "$tmp/out" | head -c 400)"
run province-csv 0 report --unit DEMO --period 2025 --format csv
grep -q '^rollup,"DEMO","2025",.*,63.1578947368421,2025,,,"",1,3' "$tmp/out" && ok || bad "province csv: $(grep '"I.1"' "$tmp/out")"
run province-docx 0 report --unit DEMO --period 2025 --format docx -o "$tmp/p.docx"
unzip -p "$tmp/p.docx" word/document.xml | sed 's/<[^>]*>/ /g' | grep -q "TỔNG HỢP 3 ĐƠN VỊ TRỰC THUỘC" && ok ||
	bad "province docx"
# Bad input: a clear message, nothing written.
run unknown 2 report --unit NOPE --period 2025 --format json
grep -q E_UNKNOWN_UNIT "$tmp/err" && ok || bad "unknown unit"
run bad-period 2 report --unit DEMO-A --period 2025-Q5 --format json
grep -q E_PERIOD "$tmp/err" && ok || bad "bad period"
run no-file 1 report --unit DEMO-A --period 2025 --format docx
finish store_report
