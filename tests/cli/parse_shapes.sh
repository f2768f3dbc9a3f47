#!/usr/bin/env bash
# parse_shapes.sh: plans in table shapes the readers were not built on,
# written blind in tests/data/shapes (see its README): a yearly roadmap
# ("Lộ trình thực hiện" over 2025 … 2030), a long table (one row per
# indicator and year under "Năm | Giá trị mục tiêu", the name merged over
# its years), groups as unnumbered rows over numbers running on across
# them, one "Cơ quan chủ trì/phối hợp" column ("X (chủ trì); Y") beside
# "Ghi chú" with headings "1.2. …, trong đó:" over "a)", "b)", and a
# three-row header ("Mục tiêu theo lộ trình" over "Giai đoạn 2025 - 2027"
# over "Năm 2025 | Năm 2027"; "Cơ quan thực hiện" over "Chủ trì | Phối
# hợp") over pages. Every rendering read against the golden facts
# (variants_facts.py): identical, or at least the counts given and never a
# wrong figure, or refused saying where.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
here=$(dirname "$0")
v=$data/shapes
. "$here/facts.bash"

# warned NAME EXT TEXT: a warning holds TEXT.
warned() {
	"$bin" parse "$v/$1.$2" --format json 2>/dev/null |
		python3 -c 'import json, sys
w = [x["message"] for x in json.load(sys.stdin)["plan"]["warnings"]]
sys.exit(0 if any(sys.argv[1] in m for m in w) else 1)' "$3" &&
		ok || bad "$1.$2: no warning saying \"$3\""
}

# Yearly roadmap: six bare year columns under "Lộ trình thực hiện" (before:
# the PDF's first group named "… Lộ trình thực hiện", the caption's words
# not a header's).
for e in html docx pdf xlsx portal.txt portal.md; do
	check xa-an-thinh $e
done
# -layout text: the six years packed one space apart over cells set wider
# apart: the year columns whose cells start where the bounds put them in
# the next column moved to where the body's cells start, when their
# starts cut fewer words than the header's bounds (before: 0/7, each row's
# cells named in a warning, "100 100" under 2030, 2028 empty; before
# that, 8 wrong figures, no warning).
check xa-an-thinh pdf.layout.txt
# The same table with its first two rows only: too few cells to say where
# the columns start, the rows' cells moved a column: no figure read from
# such a row, each cell named in a warning.
warned xa-an-thinh-two-rows pdf.layout.txt "ô mang số của hai ô"
warned xa-an-thinh-two-rows pdf.layout.txt "các ô của hàng có thể đã lệch cột"
# A row with an empty milestone cell beside one holding two cells' words
# ("Duy Duy trì trì", "- 100"): each milestone cell named (before: 2 rows'
# targets wrong, no warning).
flagged xa-an-thinh pdf.layout.txt

# Long table: "Năm | Giá trị mục tiêu", a row per year, the number, name,
# unit and agency merged over the indicator's rows (copied to each row in
# a document, written once in a portal's text) (before: 0/6, the rows read
# as 13 indicators with no target).
for e in html docx portal.txt portal.md; do
	check phuong-binh-minh $e
done
# A spreadsheet keeps "05" as the number 5: its text differs.
# -layout: a year's rows read as one ("2025 2030" in "Năm", "≥ 80 100"
# under the target): put back a row per year when the targets split one
# way only, else each year named in a warning of its target (before: 1/6
# identical, 5 indicators' targets lost with no word).
check phuong-binh-minh pdf.layout.txt 4 0
flagged phuong-binh-minh pdf.layout.txt
check phuong-binh-minh xlsx 5 0
# The PDF: the merged cells' words sit between or beside the year rows' lines
# (one row band from the number's anchor): a line with a year alone in the
# "Năm" column starts each year's row, the columns with words on two or more
# year lines are the years' own (before: 1/6, one row per indicator with
# "2025 2030" as its year, 5 targets lost with no warning of them).
check phuong-binh-minh pdf
flagged phuong-binh-minh pdf

# Groups as unnumbered rows merged over the table, rows numbered on across
# groups ("II.3"); the task table's "Sản phẩm", "Kinh phí" (before: one
# group "Chỉ tiêu", 10 wrong figures).
for e in html docx xlsx portal.txt portal.md; do
	check xa-thuan-loi $e
done
# The PDF: a group's row alone in the number column no longer ends the
# table; the task table's header "Sản phẩm", "Kinh phí" is a header
# (before: the first page's rows and the 4 tasks lost without a word, 4
# wrong figures).
check xa-thuan-loi pdf
# Its header "Đơn vị Chỉ tiêu năm Chỉ tiêu năm" packed a space apart, the
# unit column left named "tính": the tail of "Đơn vị tính", read as it
# (before: 7 units lost; then named in a warning of the unit).
check xa-thuan-loi pdf.layout.txt 7 3
flagged xa-thuan-loi pdf.layout.txt

# "Cơ quan chủ trì/phối hợp": the agency marked "(chủ trì)" leads, the
# others are partners; "1.2. …, trong đó:" a heading over "a)", "b)"
# (before: the whole cell as partners, no lead; the heading read as group
# II, 8 wrong figures). "Từ 50% trở lên" is not read as a figure yet.
for e in html docx pdf xlsx portal.txt portal.md; do
	check phuong-tan-hoa $e 5 0
done
# -layout: the unit column's header "tính" read as "Đơn vị tính"; the
# lead and partners' cell glued to the note's named as the partners too
# (before: 0/7 identical, a unit and the partners lost without a word).
check phuong-tan-hoa pdf.layout.txt 6 0
flagged phuong-tan-hoa pdf.layout.txt

# Three-row header: the years under the periods, "Chủ trì | Phối hợp" under
# "Cơ quan thực hiện" (before: in a portal's text the periods read as the
# years, "Năm 2025" row lost, 14 wrong figures; in the PDF 13).
for e in html docx xlsx portal.txt portal.md; do
	check huyen-long-phuoc $e
done
# The PDF and its -layout text: a period wrapped in its header cell
# ("Giai đoạn 2028 -" over "2030") is a caption over the years under it,
# as one on a line is; "Cơ quan thực hiện" set clear of both "Chủ trì" and
# "Phối hợp", its centre in the gap between them, a caption over the two;
# the caption over the header repeated at a page's top ("Mục tiêu theo lộ
# trình") no row's (before: the PDF 2/16, 28 fields named in warnings; the
# -layout text 0/16, 37 fields, the 2030 targets lost, the agencies cut).
for e in pdf pdf.layout.txt; do
	check huyen-long-phuoc $e
	flagged huyen-long-phuoc $e
done

# Plain text (pdftotext without -layout) of every one: refused, saying
# where.
for n in xa-an-thinh phuong-binh-minh xa-thuan-loi phuong-tan-hoa huyen-long-phuoc; do
	refused $n pdf.txt
done

finish parse_shapes
