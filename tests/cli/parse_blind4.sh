#!/usr/bin/env bash
# parse_blind4.sh: a fourth blind round, tests/data/blind4 (see its
# README): a "Lĩnh vực" column naming the rows' group; the unit in
# brackets closing the name and "Tỉnh giao | Phường phấn đấu" under one
# milestone; every milestone in one cell ("Năm 2025: 50%; năm 2030:
# 80%") and an indicator "…, trong đó:" with targets over "a)", "b)"; a
# table nested in a layout table's cell; "Mục tiêu đến 31/12/2025"
# wrapped in a PDF's header; a plan typed in Excel (numbers under percent
# and thousands formats, date cells, a signature under the table). Every
# rendering read against the golden facts (variants_facts.py): identical,
# or at least the counts given and never a wrong figure; where fields
# differ, each named in a warning (flagged_facts.py).
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
here=$(dirname "$0")
v=$data/blind4
. "$here/facts.bash"

# "Lĩnh vực" merged down over a field's rows is their group (before: one
# group, the codes I.3 … I.7, 10 wrong figures).
for e in html docx xlsx; do
	check xa-dong-lam $e
done
# A portal writes the merged cell once, in its first row: the rows under
# it stay in its field; the merged lead agency lost is named.
for e in portal.txt portal.md; do
	check xa-dong-lam $e 5 0
	flagged xa-dong-lam $e
done
# -layout text sets the merged cell in the middle of its rows: a row
# between two fields' names keeps no figure, its group and code named
# (before: 10 wrong figures).
check xa-dong-lam pdf.layout.txt 3 0
# The PDF itself (no ruling lines): the "Lĩnh vực" cell centred on its
# rows (one between two rows, one on the middle of three) is each row's,
# those of the three that could be empty named; the rows kept apart where
# the number and name columns are, not where that column runs on (before:
# refused, rows 6 and 7 one row "67").
check xa-dong-lam pdf
flagged xa-dong-lam pdf

# The unit in brackets closing the name, no unit column; "Tỉnh giao" and
# "Phường phấn đấu" under "Chỉ tiêu đến năm 2030": the ward's own is the
# target (before: no target, no unit, nothing said; a portal's text gave
# the province's figures).
for e in html docx xlsx portal.txt portal.md; do
	check phuong-tay-son $e
done
# The PDF: "Chỉ tiêu đến năm 2030" over "Tỉnh giao | Phường phấn đấu", a
# header row of its own; "để" starting a line of the text after the table
# is no row's number (before: refused, the sub-heads read as the first
# row, the plan's next section as a row).
check phuong-tay-son pdf
flagged phuong-tay-son pdf
check phuong-tay-son pdf.layout.txt

# Every milestone in one cell; "3. …, trong đó:" with targets over "a)",
# "b)" (before: the whole cell one text target under 2030, codes "I.a").
for e in html docx xlsx; do
	check so-khcn-ninh-hai $e
done
# Renderings that lose the merged agency cells: the targets read, each
# lost agency named in a warning.
for e in portal.txt portal.md pdf.layout.txt; do
	check so-khcn-ninh-hai $e 4 0
	flagged so-khcn-ninh-hai $e
done
# The PDF sets a wrapped target cell half into the row below, and the
# agencies merged over two and three rows are centred on them: each read
# whole for its rows (before: 3/9, the agencies lost, each named).
check so-khcn-ninh-hai pdf
flagged so-khcn-ninh-hai pdf

# Word: the table nested in a layout table's cell (before: flattened into
# one cell, no indicator).
check phuong-vinh-quang docx
# Calc's sheet of the same page scatters the nested table's cells (each
# row shifted right): five rows with a number and nothing else. Import
# stores none of them unless told --partial (before: exit 0, a plan of
# five indicators "(không có tên, dòng 28)" … and no target stored).
use_db
run unit 0 unit add --code X --name "Phường X" --kind ward
run import-nameless 2 import "$v/phuong-vinh-quang.xlsx" --unit X
grep -q "E_DOCUMENT.*5 hàng của bảng không đọc được.*--partial" "$tmp/err" && ok || bad "import nameless: $(cat "$tmp/err")"
[ "$(count 'select count(*) from plans')" = 0 ] && ok || bad "import nameless stored a plan"

# "Mục tiêu đến" over "31/12/2025" in a PDF's header, its last line set
# into the group row under it (before: no 2025, the group an indicator).
for e in pdf pdf.layout.txt; do
	check xa-phuoc-hai $e
done
# Typed in Excel: 0.95 under "0%" is "95%", 1500 under "#,##0", date cells
# under "d/m/yyyy" "31/12/2025"; the signature after a blank row continues
# no row (before: the deadlines as serials 46022, the signature in a
# target).
check xa-phuoc-hai typed.xlsx
flagged xa-phuoc-hai typed.xlsx

# Text pulled from the PDF: a row not read is said by a warning, a field
# read otherwise named (before: -layout, row 1's merged lead lost and
# row 3 read under group I, 2 silent; without -layout, row 3's unit run
# into its name and the tasks' table not read, 4 silent).
flagged xa-dong-lam pdf.layout.txt --rows
flagged xa-phuoc-hai pdf.txt --rows

finish parse_blind4
