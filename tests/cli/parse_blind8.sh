#!/usr/bin/env bash
# parse_blind8.sh: an eighth blind round, tests/data/blind8 (see its README):
# a commune's indicator table split in three, one per group, the unit in
# brackets in the name, "Lộ trình" over "Năm 2026 … Năm 2030", and its
# Google Docs .docx; a department's "Lĩnh vực" column first, merged down
# its rows, set landscape between portrait pages; a ward's portal page
# whose table is made of <div>s; a commune's unnumbered "- Tỷ lệ …"
# indicators under numbered fields, printed with shaded rows and no rules,
# and as a portal's Markdown with no outer pipes.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
here=$(dirname "$0")
v=$data/blind8
. "$here/facts.bash"

# One table per group, each with its own two-row header; the unit "(%)" at
# the name's end; five years under "Lộ trình" (read whole before).
for e in html gdocs.docx; do
	check xa-hoa-son $e
done
# "Lĩnh vực" first, merged down its rows; chromium's print sets the table
# on a landscape page between portrait ones (read whole before); Calc's
# workbook holds "03" as 3 (6 of 7 whole, no wrong figure).
for e in html chrome.pdf; do
	check so-gddt-thach-an $e
done
check so-gddt-thach-an xlsx 6 2

# A table made of <div>s (display:table / table-row / table-cell given by
# the <style> block's classes, and a CSS grid of six columns whose group
# rows span "grid-column: 2 / -1"): before refused at line 13 (the header
# read one cell a line, no row under it); read whole as the browser lays
# them out. Chromium's print of it is a ruled table: read whole.
for e in html grid.html; do
	check phuong-tan-phong $e
done
check phuong-tan-phong chrome.pdf
# The grid made unsure: its column count left to the page's width
# (repeat(auto-fill, …)), a group row placed by named lines: refused,
# naming the grid's line and why (before: refused for a header with no
# row under it, the grid unnamed).
g=$v/phuong-tan-phong.grid.html
sed 's/grid-template-columns:[^;]*;/grid-template-columns:repeat(auto-fill,minmax(90px,1fr));/' "$g" > "$tmp/autofill.html"
sed 's|grid-column:2 / -1|grid-column:ten / cuoi|' "$g" > "$tmp/named.html"
for f in autofill named; do
	if "$bin" parse "$tmp/$f.html" > "$tmp/out" 2>&1; then
		bad "$f.html: read, want refused"
	elif grep -q "dòng [0-9]*: bảng dựng bằng <div> theo lưới CSS" "$tmp/out"; then
		ok
	else
		bad "$f.html: $(cat "$tmp/out")"
	fi
done
# Such a grid beside a plan read from its <table> (a gallery of news
# cards, repeat(auto-fill, …)): the plan read whole, the grid named in a
# warning at its line.
sed 's|</body>|<style>.news{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr))}</style><div class="news"><div>Tin liên quan</div><div>Hội nghị</div></div></body>|' \
	"$v/so-gddt-thach-an.html" > "$tmp/gallery.html"
if python3 "$here/variants_facts.py" "$bin" "$tmp/gallery.html" "$v/so-gddt-thach-an.golden.json" > "$tmp/facts" 2>&1 &&
	"$bin" parse "$tmp/gallery.html" 2> /dev/null | grep -q '"message": "bảng dựng bằng <div> theo lưới CSS'; then
	ok
else
	bad "gallery.html: not read whole with the grid named: $(cat "$tmp/facts")"
fi

# Fields "1", "2", "3" over unnumbered indicators "- Tỷ lệ …": the bullet
# is no part of the name (before: kept, 7 names wrong with no warning).
for e in html shaded.html; do
	check xa-thanh-my $e
done
# No rules, rows shaded alternately: before, the rows ran together (three
# indicators of seven, targets "≥80 15 02"), 9 fields wrong unsaid; a
# line whose name cell opens with the bullet, its number cell empty, opens
# a row as a number does.
check xa-thanh-my shaded.pdf
# A portal's Markdown, its pipe table with no outer pipes: before refused
# with no line ("không tìm thấy bảng"); read as the rule under its header
# shows a table.
check xa-thanh-my portal.md

finish parse_blind8
