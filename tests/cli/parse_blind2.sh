#!/usr/bin/env bash
# parse_blind2.sh: a second blind round, tests/data/blind2 (see its
# README): indicators and tasks in one table under section rows "A CHỈ
# TIÊU" / "B NHIỆM VỤ"; a baseline and an estimate before "Mục tiêu" over
# "Năm 2026 | Đến năm 2030"; a province's three-level rows "1.1.1" under
# headings "1.1" over eight year columns; one small table per field under
# its caption "1. Hạ tầng số", the header repeated, footnote marks "(*)";
# a "Mã chỉ tiêu" column and the targets before the unit. Every rendering
# read against the golden facts (variants_facts.py): identical, or at
# least the counts given and never a wrong figure, or refused saying where;
# where fields differ, each named in a warning (flagged_facts.py).
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
here=$(dirname "$0")
v=$data/blind2
. "$here/facts.bash"

# One table, sections "A | CHỈ TIÊU" and "B | NHIỆM VỤ" each over groups
# "I", "II" (before: the sections read as groups "CHỈ TIÊU", "NHIỆM VỤ",
# the tasks as 4 more indicators, 11 wrong figures).
for e in html docx pdf xlsx pdf.layout.txt portal.txt portal.md; do
	check xa-quang-tien $e
done

# "Thực hiện năm 2024", "Ước thực hiện năm 2025" before "Mục tiêu" over
# "Năm 2026 | Đến năm 2030". In the PDF the caption's words are dealt one
# to each year column ("Mục Năm 2026", "tiêu Đến năm 2030"; before: no
# milestone, every target lost without a word).
for e in html docx pdf xlsx pdf.layout.txt portal.txt portal.md; do
	check phuong-thanh-cong $e
done

# Headings "1.1" between the group "1" and rows "1.1.1": no groups (before:
# six groups, the codes shifted, 56 wrong figures).
for e in html docx xlsx portal.txt portal.md; do
	check tinh-phu-an $e
done
# The PDF's title line comes with a word split by its glyphs' places
# ("B ộ Chính trị"): joined (before: every indicator identical, the title
# not).
check tinh-phu-an pdf
# -layout text: the years a space apart ("2025 2026 … 2029") head a column
# each; the rows' numbers "1.1.1" wider than the header "TT", one space
# before the name: the number column ends before the name's first word;
# the title's split word joined ("B ộ" -> "Bộ": a lone capital consonant
# before a lone vowel with its marks) (before: 0/8, the rows lost).
check tinh-phu-an pdf.layout.txt
flagged tinh-phu-an pdf.layout.txt

# A table per field under its caption, rows numbered anew; "(*)" cut from
# names and targets (before: one group, codes "I.1-2", 15 wrong figures).
for e in html docx portal.txt portal.md; do
	check xa-son-ha $e
done
# A spreadsheet keeps "03" as the number 3: its text differs.
check xa-son-ha xlsx 6 0
# -layout text: the captions read as rows of the table above them, the
# rows after numbered anew (before: 9 wrong figures); the headers of the
# years and the agency packed a space apart on a header of one line
# ("Đơn vị tính Năm 2025 Năm 2027 Năm 2030 Cơ quan chủ trì"): split where
# the body's cells start, as many places as headings (before: one column,
# 3/7, its cells named in a warning of each field they hold).
check xa-son-ha pdf.layout.txt
# The same with the "Năm 2027" cells of the last table blanked: four
# places under five headings, not sure: that table's cells stay named in
# warnings (a guard; so on the start binary too).
if python3 "$here/flagged_facts.py" "$bin" "$v/xa-son-ha-gap.pdf.layout.txt" \
	"$v/xa-son-ha.golden.json" > "$tmp/facts" 2>&1; then
	ok
else
	bad "xa-son-ha-gap.pdf.layout.txt: a wrong field with no warning"
	cat "$tmp/facts"
fi
flagged xa-son-ha pdf.layout.txt

# "Mã chỉ tiêu" is no name; the targets before the unit; in the PDF the
# groups' names under the code column (before: the codes as names, one
# group, 8 wrong figures).
for e in html docx pdf xlsx portal.txt portal.md; do
	check phuong-hiep-thanh $e
done
# -layout text: "năm 2025 năm 2030" packed a space apart under "Chỉ tiêu
# Chỉ tiêu": a year then "năm" and a year starts the next column (before:
# one column, no target read, each cell named in a warning; before that,
# the targets lost without a word).
check phuong-hiep-thanh pdf.layout.txt
flagged phuong-hiep-thanh pdf.layout.txt

# The PDF of the tables per field (no ruling lines): the first table's
# header cells a space apart on one line, split where the body's cells
# leave a gap in every row; the next table's caption says nothing of the
# columns (before: refused, the first table's rows read as lines of text).
# More such PDFs: parse_unruled_pdf.sh.
check xa-son-ha pdf
flagged xa-son-ha pdf
# Plain text (pdftotext without -layout): refused, saying where.
for n in xa-quang-tien phuong-thanh-cong tinh-phu-an xa-son-ha phuong-hiep-thanh; do
	refused $n pdf.txt
done

finish parse_blind2
