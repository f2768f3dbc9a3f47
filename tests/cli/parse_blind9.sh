#!/usr/bin/env bash
# parse_blind9.sh: a ninth blind round, tests/data/blind9 (see its README):
# the forms the tools offices use write. A commune's plan as WPS Office's
# .docx (content controls, smart tags, tracked changes, fields, a frame
# table); a ward's portal page of <div>s whose stylesheet was not saved
# (and with its styles inline); a department's Writer .odt with the table
# on landscape pages between portrait ones, and its PDF; a commune's plan
# as Google Sheets' .xlsx and Calc's .ods.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
here=$(dirname "$0")
v=$data/blind9
. "$here/facts.bash"

# WPS Office's .docx: rows in content controls, w:customXml / w:smartTag
# around runs, tracked changes (deleted text and a deleted row dropped,
# inserted kept), SEQ fields, "≤" from the Symbol font, a unit under
# mc:AlternateContent, the table in a one-cell frame (read whole before).
check xa-dong-phuoc wps.docx

# A <div> table whose layout is in a stylesheet the page links to and
# that was not saved: nothing shows it is a table. Refused at the line
# of its <div>, saying the stylesheet is missing and what to do (before:
# "tiêu đề bảng viết mỗi ô một dòng", no word of the stylesheet).
if "$bin" parse "$v/phuong-an-binh-tay.link.html" > "$tmp/out" 2>&1; then
	bad "link.html: read, want refused"
elif grep -q "dòng 13: .*hàng <div>.*liên kết ngoài “[^”]*vanban.min.css[^”]*” không được lưu kèm trang.*Trang web, hoàn chỉnh" "$tmp/out"; then
	ok
else
	bad "link.html: $(cat "$tmp/out")"
fi
# Such rows of <div>s (a listing of news cards, three to a row) on a page
# linking its stylesheet, beside a plan read from its <table>: the plan
# read whole, the divs named in a warning at their line.
cards='<div class="news">'
for i in 1 2 3; do
	cards="$cards<div class=\"card\"><div>Ảnh</div><div>Tin $i</div><div>02/2026</div></div>"
done
sed -e 's|</head>|<link rel="stylesheet" href="/css/site.css"></head>|' -e "s|</body>|$cards</div></body>|" \
	"$data/blind8/so-gddt-thach-an.html" > "$tmp/cards.html"
if python3 "$here/variants_facts.py" "$bin" "$tmp/cards.html" "$data/blind8/so-gddt-thach-an.golden.json" > "$tmp/facts" 2>&1 &&
	"$bin" parse "$tmp/cards.html" 2> /dev/null | grep -q '"message": "có 3 hàng <div>, mỗi hàng 3 ô <div>.*/css/site.css'; then
	ok
else
	bad "cards.html: not read whole with the divs named: $(cat "$tmp/facts")"
fi
# Its styles inline (style="display:table-cell"): read whole.
check phuong-an-binh-tay inline.html

# Writer: the table on landscape pages, its header rows repeated; the
# .odt read whole before. Its PDF: a word set in two fonts ("S" + "ở" in
# DejaVu Serif) whose text poppler splits with a space although the
# letters touch: before, III.8's unit "Cơ s ở dữ liệu" unsaid.
check so-khcn-bac-hoa odt
check so-khcn-bac-hoa pdf

# Google Sheets (inline strings, no styles, shared formulas) and Calc
# (covered cells, repeats): indicators read whole before, but the title
# ran on into the place and date line under it, unsaid.
check xa-tan-hiep-dong gsheets.xlsx
check xa-tan-hiep-dong ods

finish parse_blind9
