#!/usr/bin/env bash
# parse_blind7.sh: a seventh blind round, tests/data/blind7 (see its README):
# a commune's indicators each over three rows, one per milestone ("Mốc thời
# gian | Mục tiêu"); a department's "Cơ quan chủ trì / phối hợp" in one cell
# ("X / Y", or X and Y on lines of their own) under groups "1." over rows
# "a)"; a ward's table as a legal portal serves it (<colgroup>, MsoNormal
# <span>s, note rows "Ghi chú: ..."); a long table over pages with its
# header repeated. Rendered by LibreOffice (ODT, Writer/Web's ODT, XLSX,
# Word 97, PDF, "Save as web page") and chromium's print to PDF.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
here=$(dirname "$0")
v=$data/blind7
. "$here/facts.bash"

# Each indicator over three rows, its year in a column "Mốc thời gian"
# ("Năm 2026"), its number, name and agencies spanning them (before: each
# row an indicator of its own under 2030, 16 wrong figures).
for e in html odt; do
	check xa-tan-hoa $e
done
# Chromium's page: the words' reading runs an indicator's three rows into
# one ("Năm 2026 Năm 2027 Năm 2030") and the group row "II" into the row
# above, every target warned: its ruled cells read instead (before: 0/6,
# I.4-I.6 for II.4-II.6 with no warning on the code: 3 silent fields).
check xa-tan-hoa chrome.pdf
flagged xa-tan-hoa chrome.pdf --rows

# "Cơ quan chủ trì / phối hợp": "X / Y" is lead X, partners Y (before: the
# whole cell as the lead, no warning: 1 of 6 whole). X and Y on lines of
# their own (<br>, a newline in an XLSX string, <w:br/>, <text:line-break/>,
# two <text:p>): on main d32e4fc the readers joined the lines with a space,
# the cell kept whole as the lead with no warning (4 of 6 whole, 4 silent
# fields in each rendering: these 10 checks fail there). The readers keep
# a cell's lines; each line starting an agency's name, the second line is
# the partners: 6 of 6 whole.
for e in html xlsx docx odt ods; do
	check so-khcn-phu-lam $e
	flagged so-khcn-phu-lam $e --rows
done
# A Word 97 file: read as its .docx (until s25 refused, saying to save it
# as .docx).
check so-khcn-phu-lam doc
flagged so-khcn-phu-lam doc --rows

# A legal portal's page: <colgroup>, <span>s and &nbsp;, note rows.
check phuong-phu-my html
# Chromium's print of it, its table unruled: on main 040d288 the indicator
# table was left out with no warning (0/6); read whole since the readers of
# s22-tallrow and s22-land met (a new page's caption ends the table before
# it; a row after a wide gap, numbered next, goes on the table).
check phuong-phu-my chrome.pdf

# Writer's pages, the header repeated; its "Save as web page"; the ODT that
# Writer/Web saves (mimetype text-web: before refused).
for e in lo.pdf lo.html web.odt; do
	check xa-long-phuoc $e
done

finish parse_blind7
