#!/usr/bin/env bash
# parse_variants.sh: plans the readers were not built on (issue 12), written
# by hand in tests/data/variants in the ways real commune and ward plans
# differ (see its README): column order, header wording ("TT", "Số TT",
# "Nội dung chỉ tiêu", "ĐVT", "Đơn vị", "Chủ trì", "Chỉ tiêu đến năm" over
# year columns, "Giai đoạn 2026-2030", "Chỉ tiêu đến năm 2030"), groups
# as Roman numerals, letters or "1.", sub-rows "a)" and "-", figures with
# thousands dots and decimal commas, ranges, words, a table continued under
# a repeated header, merged cells, two tables. Each is rendered to DOCX,
# PDF, XLSX and pdftotext text (tests/tools/render-variants.sh) and every
# rendering read against the document's golden facts (variants_facts.py):
# identical (the title, number and date too: the title ends where the
# running text starts, "Số:" and the date read from a layout table
# above the title), or at least the counts given and never a wrong figure, or
# refused saying why.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
here=$(dirname "$0")
v=$data/variants
. "$here/facts.bash"

# warned NAME EXT ROWS: a warning says the rows ROWS ("1), 2)") of the
# plain text were not put back, keeping their number and name only.
warned() {
	"$bin" parse "$v/$1.$2" --format json 2>/dev/null |
		python3 -c 'import json, sys
w = [x["message"] for x in json.load(sys.stdin)["plan"]["warnings"]]
sys.exit(0 if any("không ghép lại được các ô của hàng " + sys.argv[1] + " (" in m for m in w) else 1)' "$3" &&
		ok || bad "$1.$2: no warning naming rows $3"
}

for n in phuong-an-binh xa-hoa-binh xa-tan-phu phuong-dong-tien; do
	check $n html
	check $n docx
done
# "Chỉ tiêu đến năm" spanning 2025 | 2027 | 2030 (before: only 2030 read
# from the PDF, 0/11).
check phuong-an-binh pdf
check phuong-an-binh xlsx
refused phuong-an-binh pdf.txt
# -layout text: row II.5's unit packed with the 2025 dash ("Có/Không -")
# (before: 9/11, the dash in the unit).
check phuong-an-binh pdf.layout.txt 10 4
check xa-hoa-binh pdf
check xa-hoa-binh xlsx
# Plain text: "Năm 2025 / 2026 / 2030" columns after the agency, the
# unit last; the rows whose cells follow one another read (the year
# columns in time order), row II.2's name and agency mixed line by line
# named in a warning, the table's continuation on page 2 (its repeated
# header and a row's cells mixed) named in a warning (before: refused).
check xa-hoa-binh pdf.txt 4 0
warned xa-hoa-binh pdf.txt "2"
flagged xa-hoa-binh pdf.txt
# -layout text: row III.1's agency "Phòng Văn hóa - Xã" ending over the
# 2025 target "85"; the signature's block after the table set under the
# name column (before: 8/10, "Phòng Văn hóa - Xã" in the 2025 target,
# "thương mại điện" of III.2's name in its agency).
check xa-hoa-binh pdf.layout.txt
# "Giai đoạn 2026-2030" as a milestone column, groups "1." over rows
# "1.1" (before: 0/8, the 2030 targets lost, codes "I.1.1").
check xa-tan-phu xlsx
# The PDF: "Thực hiện / năm 2024" one column, "1." group rows spanning
# the table, rows apart in the name column though an agency cell merged
# over them runs between (before: 0/8, rows 1.1 and 1.2 read as one with
# "5 2", 5 wrong figures). The merged agency goes to one row only. The
# task table continued on the next page under its repeated header, the
# columns' bounds set by the table's own lines, not by the text after it
# (before: 0/3 tasks).
check xa-tan-phu pdf 4 3
# -layout text: the numbering row under the header with "5 6" run into
# one cell is no indicator (before: read as one, "5 6" a target of 5).
check xa-tan-phu pdf.layout.txt 5 3
# Plain text: "Thực hiện / năm 2024" a baseline's header, not two cells
# run together; "Giai đoạn 20262030" the period whose '-' pdftotext dropped
# at a line's end; the columns' numbers "1 … 8" under the header no row;
# rows "1.3", "2.1" … under groups "1.", "2." no sub-groups though their
# cells came apart (the values printed in a run apart from their rows):
# they keep their number and name, named in a warning; the task table's
# group "B" read though group "A" ran into the header's "STT" on the page
# before (before: refused). Now refused again: its tables read whole fewer
# rows than half those left out (the indicators' 2 of 8, with no figure;
# the tasks' none of 3), a fragment (before: exit 0, 8 indicators with no
# target).
refused xa-tan-phu pdf.txt
# Sub-rows "a)" and "-" under a heading row, codes as printed under a
# single "Chỉ tiêu đến năm 2030" column (before: 3/9, "I.3" for "3.a").
check phuong-dong-tien pdf
check phuong-dong-tien xlsx
# -layout text: the header repeated inside the table printed "TT Chỉ
# tiêu" one space apart is two columns (before: the 4 rows under it lost
# without a word, 5/9).
check phuong-dong-tien pdf.layout.txt 8 0
# Plain text: the rows whose cells follow one another under the header
# (a unit's line "%" among the name's lines taken out as the unit); the
# header repeated inside the table is no row's cells ("TT Chỉ tiêu" run
# into the next row's number), and "-" rows under a heading "…, gồm:"
# are rows; the last row, its unit and figure run into one line and its
# agency cut by the page, named in a warning (before: 2/9, then 4/9).
check phuong-dong-tien pdf.txt 8 0
warned phuong-dong-tien pdf.txt "4"
flagged phuong-dong-tien pdf.txt

# The four plans above as a legal portal's page shows them
# (tests/tools/portal-text.py): chrome before and after, each cell on its
# own line between "|" lines, or "|" rows with no separator line, an
# elision row "... | ... |" closing each table. The heading between two
# tables is no cell (before: the task table read as 5 more indicators, 0/4
# tasks; xa-hoa-binh 3 wrong figures).
for n in phuong-an-binh xa-hoa-binh phuong-dong-tien; do
	check $n portal.txt
	check $n portal.md
done
# Agencies merged over rows lose their merge in a text rendering: the
# rows under the merged cell read with no agency, each such cell named in
# a warning of its field (before: 5 fields of each rendering wrong, no
# warning).
check xa-tan-phu portal.txt 5 3
check xa-tan-phu portal.md 5 3
flagged xa-tan-phu portal.txt
flagged xa-tan-phu portal.md

# Five more plans (README): every rendering of each.
# xa-my-loc: milestones as section rows "I Mục tiêu đến năm 2030 … II Mục
# tiêu đến năm 2045" over sub-groups I.1, I.2; "Đơn vị", "Kết quả", "Cơ
# quan chủ trì theo dõi, đánh giá", "Ghi chú"; the table in an appendix
# after the signature; "≥ 80 %", "100% (xã)", "05 sản phẩm", "Cơ bản hoàn
# thành", "Không thấp hơn mức tỉnh giao", "Đến các khu vực trung tâm, đông
# dân cư".
for e in html docx pdf xlsx portal.txt portal.md; do
	check xa-my-loc $e
done
# Plain text (pdftotext without -layout): each cell a block, a row's
# cells one after another under "STT / Chỉ tiêu / Đơn vị / Kết quả / …";
# an empty cell leaves no block, so the blocks go to the columns the one
# way they fit. The 2045 section's cells come out of order, and one row's
# target and agency mixed line by line: those rows keep their number and
# name, named in a warning (before: refused). So does the row whose
# agency's lines and the "Ghi chú" cell's beside it came one of each in
# turn ("Trung tâm phục / Đối với thủ tục / vụ hành chính": before, read
# as its agency without a word).
check xa-my-loc pdf.txt 2 0
warned xa-my-loc pdf.txt "2, 1, II, 1, 1, 2"
# Each cell of a row kept with its number and name is named in a warning
# of its field, the name's too, and one giving both lead and monitor
# ("Cơ quan chủ trì theo dõi, đánh giá") of both (before: 12 fields empty
# or wrong, none named; so too in xa-hoa-binh 4, phuong-dong-tien 3,
# phuong-hoa-an 8).
flagged xa-my-loc pdf.txt
# -layout text whose header line pdftotext set up to ten characters left
# of its body ("Đơn vị" over the names' ends, "Kết quả" over the units):
# the columns from where the body's cells start (before: 0/6, all
# flagged).
check xa-my-loc pdf.layout.txt
# phuong-hoa-an: "Giai đoạn 2025-2027 / 2028 - 2030" section rows, the
# agency before the unit and target, rows "1)", "> 0,7", "Nằm trong tốp
# 15 của tỉnh", "03 mô hình"; a task table after it (before: task codes
# "I.1)", 0/3; in the cell-per-line portal text the task table read as
# indicators).
for e in html docx pdf xlsx portal.txt portal.md; do
	check phuong-hoa-an $e
done
# -layout text: task row B 1)'s cells set left of the table's places,
# "Hằng năm" nearer the partners' column than the deadline's (before:
# 2/3 tasks, "Hằng năm" read into the partners).
check phuong-hoa-an pdf.layout.txt
# Plain text: the header's "Đơn vị / tính" written before "Chủ trì" (a
# two-line header cell), the rows' cells in the table's order; an agency
# and the unit run together on one line ("Phòng Văn hóa - Xã hội Mô
# hình"); two task rows whose name's lines are mixed with an agency's are
# named in a warning (before: refused).
check phuong-hoa-an pdf.txt 4 1
warned phuong-hoa-an pdf.txt "1), 2)"
flagged phuong-hoa-an pdf.txt
# so-khcn-lam-vien: a province department; no number column, groups "I.
# …" in the name column; "Chỉ tiêu" over two header rows beside "Mục tiêu
# các năm" over 2025 | 2026 | 2027 | 2030 | 2035; "Ghi chú"; ranks in the
# country, growth, "≤ 3 Đông Nam Á; ≤ 50 Thế giới" (before: in the
# spreadsheet group II lost, its rows under I, 11 wrong figures).
for e in html docx xlsx portal.txt portal.md; do
	check so-khcn-lam-vien $e
done
# Its PDF: no number column to anchor rows, "Chỉ tiêu" and "Đơn vị tính"
# over two header rows beside "Mục tiêu các năm" over the years; rows
# apart by their vertical gaps, the table ended by the running text of the
# next page crossing the columns (before: refused, no header found).
check so-khcn-lam-vien pdf
# Its -layout text: the same table, its cells set apart by spaces and run
# together a space apart ("07 sản 10 sản", "Nằm trong Nằm trong"), "Sở"
# under "Văn phòng" beside a wider cell's "nước", row I.1's agency packed
# with the note's first line ("Phòng Kế Theo Nghị") (before: refused, no
# header found).
check so-khcn-lam-vien pdf.layout.txt
# The same layout rules on small plans written by hand (tests/data/nonum,
# see its README): a caption wrapped over two lines above three years set
# a space apart; the table ended by "Nơi nhận:" alone in the first column
# (twohead) or by a paragraph right under it on the same page (twotext).
# Their HTML too: the title ends at the table (tests/data/wordings has a
# table right under the title, with no running text between).
for f in twohead.pdf twotext.pdf twohead.html twotext.html; do
	if python3 "$here/variants_facts.py" "$bin" "$data/nonum/$f" "$data/nonum/twohead.golden.json" > "$tmp/facts" 2>&1; then
		ok
		tail -n 1 "$tmp/facts" | sed "s|$data/||"
	else
		bad "nonum/$f"
		cat "$tmp/facts"
	fi
done
# Their plain text (pdftotext without -layout, twohead.pdf.txt) and
# so-khcn-lam-vien's: each cell a block, no number column to put the rows
# back by and rows' cells out of order (a name printed away from its row):
# refused saying where, at the header's "Chỉ tiêu" block (before: "no
# table found").
refused so-khcn-lam-vien pdf.txt
if "$bin" parse "$data/nonum/twohead.pdf.txt" 2>&1 >/dev/null |
	grep -q "dòng 10: bảng trong văn bản chép ra (từ PDF, trang web…) đã mất bố cục"; then
	ok
else
	bad "nonum/twohead.pdf.txt: not refused at the header"
fi
# xa-phu-thanh: TT | Chỉ tiêu | Chủ trì, the target inside the sentence
# ("đạt tối thiểu 95%", "chiếm 20% GRDP của xã", "không dưới 85%"), the
# milestone from the title "… đến năm 2030" (before: 0/5, no target; the
# portal's "Văn bản liên quan" read as 2 more indicators).
for e in html docx pdf xlsx pdf.layout.txt portal.txt portal.md; do
	check xa-phu-thanh $e
done
# Plain text: TT | Chỉ tiêu | Chủ trì, each cell a block (before: refused).
check xa-phu-thanh pdf.txt
# xa-dinh-ke: no table; the targets a numbered list "(1) …; (2) …" in the
# body, wrapped over lines in a PDF's text (before: every rendering but
# HTML and the portal's refused).
for e in html docx pdf xlsx pdf.txt pdf.layout.txt portal.txt portal.md; do
	check xa-dinh-ke $e
done

finish parse_variants
