#!/usr/bin/env bash
# parse_blind6.sh: a sixth blind round, tests/data/blind6 (see its README):
# a commune's "Năm 2025 | Năm 2026 | Giai đoạn 2026-2030" with groups "I."
# over rows "1.1", the unit column right of the targets and lead cells
# broken over lines; a ward's indicators and tasks in appendices after the
# signature; a department's table as another kind of portal serves it
# (<th> rows, inline styles); a ward's one-year table whose only agency
# column is "Cơ quan thực hiện". Rendered by wkhtmltopdf, pandoc's Word
# writer, a landscape LibreOffice Writer page, and a phone photo of a
# printed page (OCR: the one heavy check, about 12 s of CPU).
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
here=$(dirname "$0")
v=$data/blind6
. "$here/facts.bash"

# "1.1" under the group row "I." is I.1, "2.1" under "II." II.1 (before:
# I.1.1, II.2.1: every figure under another code).
for e in html wk.pdf wk.pdf.layout.txt; do
	check xa-binh-son $e
done

# "Cơ quan thực hiện", the only agency column of an indicators' table, is
# its lead (before: no lead, no warning).
for e in html pandoc.docx wk.pdf; do
	check phuong-thanh-loc $e
done
# Writer's landscape page, unruled: the header "Kế hoạch năm | Đơn vị"
# over "2026 | tính" (before: neither header word read, so no unit, each
# unit cell warned). Its -layout text of wkhtmltopdf's page, "Kế hoạch
# năm 2026" between "Đơn vị" and "tính" (before: refused, no table).
check phuong-thanh-loc land.pdf
check phuong-thanh-loc wk.pdf.layout.txt

# Appendices after the signature; the Word file pandoc writes drops the
# header's row spans: "Đến năm 2027 | Đến năm 2030" left in the first two
# columns of the header's second row (before: no indicator, no warning).
for e in html docx pandoc.docx; do
	check phuong-hung-thinh $e
done
# Writer's landscape page, unruled: Phụ lục I's last row ends its page;
# Phụ lục II's caption ("PHỤ LỤC II", its title, "(Kèm theo Kế hoạch
# …)") tops the next, over its header: no row's words (before: the last
# row took them, its baseline "3 Kế hoạch", with no warning).
check phuong-hung-thinh land.pdf

# Another portal's table: <th> header rows, inline styles, "Lộ trình thực
# hiện" over bare years; wkhtmltopdf's page: its last row is tall (its
# lead over three lines, the other cells set in its middle) and apart
# from the row above by more than two lines' height (before: left out
# with no warning, 5 of 6).
for e in html pandoc.docx wk.pdf; do
	check so-nnmt-tan-an $e
done
# Its -layout text: two names wrapped into the number column ("Tỷ",
# "điện tử" beside "3"): every field read otherwise named by a warning,
# and no row left out without one (before: the tall last row was).
flagged so-nnmt-tan-an wk.pdf --rows
flagged so-nnmt-tan-an wk.pdf.layout.txt --rows
# The same text, its last row taller still (its name over six lines, the
# number on the fifth): the table ends at the gap above it, the row told
# by a warning (before: left out with no warning).
flagged so-nnmt-tan-an taller.txt --rows

# A phone photo of the printed page (turned, in perspective, lit
# unevenly, JPEG 60): every field read otherwise named by a warning.
flagged xa-binh-son photo.pdf
# and its table rebuilt: the columns stood upright (the page's rules lean),
# the rules kept out of the cells, the groups' numbers put right.
check xa-binh-son photo.pdf 7 2

finish parse_blind6
