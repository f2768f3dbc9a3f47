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
flagged phuong-thanh-loc land.pdf

# Appendices after the signature; the Word file pandoc writes drops the
# header's row spans: "Đến năm 2027 | Đến năm 2030" left in the first two
# columns of the header's second row (before: no indicator, no warning).
for e in html docx pandoc.docx; do
	check phuong-hung-thinh $e
done
# Writer's landscape page, unruled: the last row of Phụ lục I takes the
# words of Phụ lục II's caption on the next page (left: its baseline "3
# Kế hoạch" with no warning); 6 rows whole, no wrong figure.
check phuong-hung-thinh land.pdf 6 3

# Another portal's table: <th> header rows, inline styles, "Lộ trình thực
# hiện" over bare years; wkhtmltopdf's page (left: its last row, tall,
# apart from the row above by more than two lines' height, is left out
# with no warning: 5 of 6 whole, no wrong figure).
for e in html pandoc.docx; do
	check so-nnmt-tan-an $e
done
check so-nnmt-tan-an wk.pdf 5 2
# Its -layout text: two names wrapped into the number column ("Tỷ",
# "điện tử" beside "3"): those rows' codes are not read, every field of
# them named by a warning (left: the codes).
flagged so-nnmt-tan-an wk.pdf.layout.txt

# A phone photo of the printed page (turned, in perspective, lit
# unevenly, JPEG 60): every field read otherwise named by a warning.
flagged xa-binh-son photo.pdf
# and its table rebuilt: the columns stood upright (the page's rules lean),
# the rules kept out of the cells, the groups' numbers put right.
check xa-binh-son photo.pdf 7 2

finish parse_blind6
