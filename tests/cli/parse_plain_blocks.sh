#!/usr/bin/env bash
# parse_plain_blocks.sh: a plan's PDF pulled to plain text by pdftotext
# without -layout, where the table's cells come out as blocks (a blank line
# between cells) in pdftotext's own order (issue 12). A row whose cells
# follow one another, or a page whose columns each run after their header,
# is read; every other row is left out and named in a warning, and a
# document of which no row can be put back is refused saying why.
#
# The four given plans' renderings (tests/data/rendered/NAME.pdf.txt and
# those of tests/tools/render-plain-blocks.sh in tests/data/plainblocks)
# are checked by plain_blocks_facts.py against tests/data/golden: how many
# indicators are read and how many are identical, as measured when the
# reader was written, and for every row read, figures equal to the
# golden ones. Before, every one of them was refused.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
here=$(dirname "$0")
g=$data/golden
p=$data/plainblocks

# check FILE NAME IDENTICAL READ (READ 0: refused)
check() {
	if python3 "$here/plain_blocks_facts.py" "$bin" "$1" "$g/$2.json" "$3" "$4" > "$tmp/facts" 2>&1; then
		ok
		tail -n 1 "$tmp/facts" | cut -c1-160
	else
		bad "$(basename "$1")"
		cat "$tmp/facts"
	fi
}
a=000_03b77514fb71b314
b=001_5a02e85ee0dfd10c
c=002_f65c0da7dbd96e8d
d=004_5f0b3916b5e2f87f

# LibreOffice, portrait A4: every page but one has a row whose cells are
# mixed with other rows' (refused), and 001's targets leave cells empty
# (which cell is empty cannot be told). A table of which fewer rows are
# read than half those left out is refused too: 004, one row of 75 (before:
# exit 0 with I.3 alone, the rows of pages 4 to 11, their numbers inside
# other cells' blocks, named nowhere).
check "$data/rendered/$a.pdf.txt" $a 0 0
check "$data/rendered/$b.pdf.txt" $b 0 0
check "$data/rendered/$c.pdf.txt" $c 0 0
check "$data/rendered/$d.pdf.txt" $d 0 0
# LibreOffice, landscape A4: most rows' cells one after another (001: the
# rows with a figure in every milestone column and one agency in both
# agency columns; its other rows have empty milestone cells). The rows
# of 004 read but not identical lost text in pdftotext itself (a hyphen at
# a line's end: "HĐND-UBND" comes out "HĐNDUBND", "Văn hóa -" "Văn hóa").
# 001 (5 of 24) and 002 (1 of 8) are fragments, refused (before: read).
check "$p/$a.landscape.txt" $a 31 31
check "$p/$b.landscape.txt" $b 0 0
check "$p/$c.landscape.txt" $c 0 0
check "$p/$d.landscape.txt" $d 10 22
# Chromium, landscape A4: fragments, refused (before: 000 8 of 56 read, 004
# 4 of 72).
check "$p/$a.chromium.txt" $a 0 0
check "$p/$b.chromium.txt" $b 0 0
check "$p/$c.chromium.txt" $c 0 0
check "$p/$d.chromium.txt" $d 0 0
# The Word file through LibreOffice: its narrow agency columns cut their
# text short in the PDF ("Phòng Vă"); fragments, refused (before: 000 7 of
# 61 read, 001 1 of 26, 004 3 of 74).
check "$p/$a.docx.txt" $a 0 0
check "$p/$b.docx.txt" $b 0 0
check "$p/$c.docx.txt" $c 0 0
check "$p/$d.docx.txt" $d 0 0

# Written by hand (tests/data/plainblocks/README.md): two rows whose cells
# follow one another, a page of column runs (a figure "5" where row 5's
# number would be), a page whose 2025 run has three cells for two rows, a
# row with one of two milestone cells.
run columns 0 parse "$p/columns.txt" --format json
jq -c '[.plan.indicators[] | [.code, .group, .unit, (.targets | map_values(.text)), .lead, .monitor]]' "$tmp/out" > "$tmp/got"
cat > "$tmp/want" << 'JSON'
[["I.1","I","%",{"2025":"≥ 80","2030":"100"},"Phòng Văn hóa - Xã hội","Văn phòng HĐND và UBND"],["I.2","I","%",{"2025":"50","2030":"Duy trì, phát triển"},"Phòng Văn hóa - Xã hội","Văn phòng HĐND và UBND"],["II.3","II","Hồ sơ",{"2025":"1000","2030":"2000"},"Văn phòng HĐND và UBND","Phòng Kinh tế"],["II.4","II","Người",{"2025":"5","2030":"10"},"Phòng Văn hóa - Xã hội","Phòng Kinh tế"]]
JSON
if diff <(jq -S . "$tmp/want") <(jq -S . "$tmp/got") > "$tmp/diff"; then ok; else bad "columns: rows"; cat "$tmp/diff"; fi
jq -r '.plan.warnings[].message' "$tmp/out" > "$tmp/warn"
grep -q "^trang 3: không ghép lại được các hàng 5, 6 của bảng" "$tmp/warn" && ok || bad "columns: page 3 not named: $(cat "$tmp/warn")"
grep -q "^trang 4: không ghép lại được các hàng 7 của bảng" "$tmp/warn" && ok || bad "columns: page 4 not named"
[ "$(grep -c "không ghép lại được" "$tmp/warn")" = 2 ] && ok || bad "columns: $(cat "$tmp/warn")"

# Written by hand: the next row's number on a line of its name's block
# (after the name's first line, or starting its first line) ends the row
# before it as a number alone does; before, rows 1 and 2 were not read.
run nextname 0 parse "$p/nextname.txt" --format json
jq -c '[.plan.indicators[] | [.code, .name, .unit, (.targets | map_values(.text)), .lead, .monitor]]' "$tmp/out" > "$tmp/got"
cat > "$tmp/want" << 'JSON'
[["I.1","Tỷ lệ thôn có điểm truy cập wifi công cộng","%",{"2025":"≥ 80","2030":"100"},"Phòng Văn hóa - Xã hội","Văn phòng HĐND và UBND"],["I.2","Tỷ lệ hộ gia đình có kết nối cáp quang băng rộng cố định","%",{"2025":"50","2030":"70"},"Phòng Kinh tế","Văn phòng HĐND và UBND"],["I.3","Số hồ sơ thủ tục hành chính nộp trực tuyến mỗi năm","Hồ sơ",{"2025":"1000","2030":"2000"},"Văn phòng HĐND và UBND","Phòng Kinh tế"]]
JSON
if diff <(jq -S . "$tmp/want") <(jq -S . "$tmp/got") > "$tmp/diff"; then ok; else bad "nextname: rows"; cat "$tmp/diff"; fi
[ "$(jq '.plan.warnings | length' "$tmp/out")" = 0 ] && ok || bad "nextname: $(jq -c .plan.warnings "$tmp/out")"

# Written by hand: one agency in both agency columns, run into one block
# (the two cells' lines side by side on one line, or one after the other)
# reads as that agency twice; two agencies whose lines are mixed are not
# read (which line is whose cannot be told), nor a block with one line of
# two cells' first lines that differ. Before, the whole table was refused.
run twins 0 parse "$p/twins.txt" --format json
jq -c '[.plan.indicators[] | [.code, .name, .unit, (.targets | map_values(.text)), .lead, .monitor]]' "$tmp/out" > "$tmp/got"
cat > "$tmp/want" << 'JSON'
[["I.1","Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến","%",{"2025":"≥ 80","2030":"≥ 95"},"Văn phòng HĐND và UBND xã (Bộ phận một cửa)","Văn phòng HĐND và UBND xã (Bộ phận một cửa)"],["I.2","Tỷ lệ doanh nghiệp nhỏ ứng dụng công nghệ số","%",{"2025":"≥ 30","2030":"≥ 60"},"Phòng Văn hóa, Khoa học và Thông tin","Phòng Văn hóa, Khoa học và Thông tin"]]
JSON
if diff <(jq -S . "$tmp/want") <(jq -S . "$tmp/got") > "$tmp/diff"; then ok; else bad "twins: rows"; cat "$tmp/diff"; fi
jq -r '.plan.warnings[].message' "$tmp/out" | grep -q "^trang 1: không ghép lại được các hàng I.3, I.4 của bảng" && ok || bad "twins: I.3, I.4 not named: $(jq -c .plan.warnings "$tmp/out")"

# Written by hand: a page of column runs whose unit header is run into the
# baseline's ("Đơn vị Hiện / tính / trạng": the units read as no other
# cell, so the run is the baseline's) and whose agency run is one block of
# the same agency twice side by side (both agency cells); on page 2 the
# lead's run has its own cell, so such a block is not read. Before, the
# whole table was refused.
run twincolumns 0 parse "$p/twincolumns.txt" --format json
jq -c '[.plan.indicators[] | [.code, .unit, .baseline_text, (.targets | map_values(.text)), .lead, .monitor]]' "$tmp/out" > "$tmp/got"
cat > "$tmp/want" << 'JSON'
[["I.1","Điểm","4",{"2025":"10","2030":"","2035":"20"},"Phòng Kinh tế","Phòng Kinh tế"]]
JSON
if diff <(jq -S . "$tmp/want") <(jq -S . "$tmp/got") > "$tmp/diff"; then ok; else bad "twincolumns: rows"; cat "$tmp/diff"; fi
jq -r '.plan.warnings[].message' "$tmp/out" | grep -q "^trang 2: không ghép lại được các hàng I.2 của bảng" && ok || bad "twincolumns: I.2 not named: $(jq -c .plan.warnings "$tmp/out")"

# Written by hand: page 1 two rows whose cells follow one another; on page
# 2 the numbers of rows I.3, I.4, group II and II.1 inside other cells'
# blocks (a line of their own, or before the name's words): those rows
# named in a warning (two read, four left out: read). lostnumbers1.txt:
# the same with one row read on page 1, a fragment (fewer rows read than
# half those left out): refused. Before: exit 0, the rows of page 2 named
# nowhere.
run lostnumbers 0 parse "$p/lostnumbers.txt" --format json
[ "$(jq -c '[.plan.indicators[].code]' "$tmp/out")" = '["I.1","I.2"]' ] && ok || bad "lostnumbers: $(jq -c '[.plan.indicators[].code]' "$tmp/out")"
jq -r '.plan.warnings[].message' "$tmp/out" | grep -q "^trang 2: không ghép lại được các hàng I.3, I.4, II, II.1 của bảng" && ok || bad "lostnumbers: page 2 not named: $(jq -c .plan.warnings "$tmp/out")"
run lostnumbers1 2 parse "$p/lostnumbers1.txt" --format json
grep -q "E_DOCUMENT.*dòng 6: bảng trong văn bản chép ra (từ PDF, trang web…) đã mất bố cục.*pdftotext -layout" "$tmp/err" && ok || bad "lostnumbers1: $(cat "$tmp/err")"
# A header whose words run over lines ("Lộ trình thực hiện" over the
# milestone years): the refusal names the line of the first header, where
# the table starts, not a page's repeated one (before: the second page's).
run header-words 2 parse "$data/shapes/xa-an-thinh.pdf.txt"
grep -q "E_DOCUMENT.*dòng 35: bảng trong văn bản chép ra" "$tmp/err" && ok || bad "xa-an-thinh.pdf.txt: $(cat "$tmp/err")"

# Import: rows left out are not stored silently. The plan is refused whole
# (nothing stored, the count said) unless --partial asks for what was read.
use_db
run unit 0 unit add --code X --name "Xã X" --kind commune
run import-unread 2 import "$p/columns.txt" --unit X
grep -q "E_DOCUMENT.*3 hàng của bảng không đọc được.*--partial" "$tmp/err" && ok || bad "import: $(cat "$tmp/err")"
[ "$(count 'select count(*) from plans')" = 0 ] && ok || bad "import refused stored a plan"
run import-partial 0 import "$p/columns.txt" --unit X --partial
[ "$(count 'select count(*) from indicators')" = 4 ] && ok || bad "import --partial: $(count 'select count(*) from indicators') indicators"

finish parse_plain_blocks
