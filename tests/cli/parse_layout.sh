#!/usr/bin/env bash
# parse_layout.sh: text pulled from a plan's PDF with `pdftotext -layout`
# (issue 12) read back indicator by indicator against the golden facts of
# tests/data/golden, by layout_facts.py (the facts test_import_pdf.c compares
# for the PDF itself). The four given plans' renderings
# (tests/data/rendered/*.pdf.layout.txt) and the further renderings of
# tests/data/layout (see its README) each name how many indicators and tasks
# must come back identical: the figures measured when the reader was last
# changed, so that a change that loses one fails here.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
here=$(dirname "$0")

# check FILE GOLDEN.json MIN_INDICATORS MIN_TASKS [loose]
check() {
	if python3 "$here/layout_facts.py" "$bin" "$1" "$2" "$3" "$4" ${5:-} > "$tmp/facts" 2>&1; then
		ok
		tail -n 1 "$tmp/facts"
	else
		bad "$(basename "$1")"
		cat "$tmp/facts"
	fi
}
g=$data/golden
l=$data/layout

# same FILE GOLDEN.json CODE...: each indicator CODE read from FILE
# identical to the golden one (layout_facts.py names every field that is
# not; the rendering must be read at all).
same() {
	local f=$1 gold=$2 code
	shift 2
	python3 "$here/layout_facts.py" "$bin" "$f" "$gold" 0 0 loose > "$tmp/same" 2>&1
	if ! grep -q "indicators, .* tasks identical" "$tmp/same"; then
		bad "$(basename "$f"): not read"
		cat "$tmp/same"
		return
	fi
	for code in "$@"; do
		if grep -q "^  $code " "$tmp/same"; then
			bad "$(basename "$f") $code"
			grep "^  $code " "$tmp/same"
		else
			ok
		fi
	done
}

# The four plans' renderings (before issue 12's row-by-row reading:
# 69/75, 20/29 with 16/41 tasks, 8/9, 35/73; before a figure alone past
# its column's bound and a unit's capital were cut off: 69/75, 28/29 with
# 22/41 tasks, 8/9, 61/73, "≥2" and "≥ 2" counted alike; before packed
# milestone words were spread by the row's other lines and a row's lines
# after a page break were read row by row: 71/75, 28/29 with 25/41
# tasks, 8/9, 67/73; before a unit set a word after the name, its cell
# otherwise empty, was cut off: 68/73; before a lone dash packed before
# the next cell, the cell's next line starting with one, went to it: 70/73;
# before a unit's second word packed into the name went back: 8/9; before
# a cell's first line cut at its capital set where its other lines are
# cut: 73/75; before a piece's first capital word was kept with the next
# ("Phòng Tài chính -"): 26/41 tasks; before two milestone cells alike
# packed into one run were cut between their copies, and a cell's text
# reaching where the row's own next cell starts was cut there: 28/29
# with 28/41 tasks).
check "$data/rendered/000_03b77514fb71b314.pdf.layout.txt" "$g/000_03b77514fb71b314.json" 74 0
check "$data/rendered/001_5a02e85ee0dfd10c.pdf.layout.txt" "$g/001_5a02e85ee0dfd10c.json" 29 29
check "$data/rendered/002_f65c0da7dbd96e8d.pdf.layout.txt" "$g/002_f65c0da7dbd96e8d.json" 9 0
check "$data/rendered/004_5f0b3916b5e2f87f.pdf.layout.txt" "$g/004_5f0b3916b5e2f87f.json" 72 0

# The rows the changes above made identical, one by one: milestone words
# packed three to a run ("mức mức mức") between lines of the same cells
# (II.13), the same after a page break, read row by row (II.12); a unit's
# second line packed into the name's where its first line was cut at its
# capital (III.2); a unit's second word after the name ("sống cáo", II.8);
# a unit a word after the name, its cell otherwise empty (III.6 after a
# page break, IV.4); four milestone cells packed on two lines (III.7); a
# lone dash before the next cell, whose next line starts with one (IV.2,
# V.27).
same "$data/rendered/000_03b77514fb71b314.pdf.layout.txt" "$g/000_03b77514fb71b314.json" \
	II.12 II.13 III.2
same "$data/rendered/002_f65c0da7dbd96e8d.pdf.layout.txt" "$g/002_f65c0da7dbd96e8d.json" II.8
# Two milestone cells with the same text packed into one run, the second
# pulled left ("mức độ mức độ", III.4).
same "$data/rendered/001_5a02e85ee0dfd10c.pdf.layout.txt" "$g/001_5a02e85ee0dfd10c.json" III.4
same "$data/rendered/004_5f0b3916b5e2f87f.pdf.layout.txt" "$g/004_5f0b3916b5e2f87f.json" \
	III.6 III.7 IV.2 IV.4 V.27

# Other grids (tests/tools/render-layout.sh): cells far apart (read whole
# before as now), squeezed one space apart (before: 2, 1 and 0/41, 0, 2),
# printed by another producer without blank lines between rows (before:
# nothing read).
check "$l/000_03b77514fb71b314.fixed3.txt" "$g/000_03b77514fb71b314.json" 75 0
check "$l/001_5a02e85ee0dfd10c.fixed3.txt" "$g/001_5a02e85ee0dfd10c.json" 29 41
check "$l/002_f65c0da7dbd96e8d.fixed3.txt" "$g/002_f65c0da7dbd96e8d.json" 9 0
check "$l/004_5f0b3916b5e2f87f.fixed3.txt" "$g/004_5f0b3916b5e2f87f.json" 73 0
check "$l/000_03b77514fb71b314.fixed5.txt" "$g/000_03b77514fb71b314.json" 6 0 loose
check "$l/001_5a02e85ee0dfd10c.fixed5.txt" "$g/001_5a02e85ee0dfd10c.json" 4 0 loose
check "$l/002_f65c0da7dbd96e8d.fixed5.txt" "$g/002_f65c0da7dbd96e8d.json" 3 0 loose
check "$l/004_5f0b3916b5e2f87f.fixed5.txt" "$g/004_5f0b3916b5e2f87f.json" 10 0 loose
check "$l/000_03b77514fb71b314.landscape.txt" "$g/000_03b77514fb71b314.json" 31 0 loose
check "$l/001_5a02e85ee0dfd10c.landscape.txt" "$g/001_5a02e85ee0dfd10c.json" 22 20 loose
check "$l/002_f65c0da7dbd96e8d.landscape.txt" "$g/002_f65c0da7dbd96e8d.json" 9 0
check "$l/004_5f0b3916b5e2f87f.landscape.txt" "$g/004_5f0b3916b5e2f87f.json" 24 0 loose

# Written by hand (tests/data/layout/README.md): a unit run into the name
# and set left of its header, a lead run into the monitor; the same table
# with no blank line between rows.
check "$l/squeezed.txt" "$l/squeezed.json" 4 0
check "$l/tight.txt" "$l/tight.json" 4 0
# A unit's first line run into the name's, cut at its capital word; two
# figures packed into one run, the second past its column's bound; two
# milestone cells' last words packed (before: 1/5).
check "$l/packed.txt" "$l/packed.json" 5 0

# A table split over pages (tests/data/layout/README.md): its header
# repeated on the next page, a row of column numbers "(1) (2) ... (7)"
# under each header, a page number at the foot of the page and a running
# title after the page break; laid out with spaces (before: nothing read,
# the table ended at the column numbers) and as plain text without layout
# (before: the column numbers, the page number and the running title were
# read as the last row's text: I.2 wrong).
check "$l/repeated.txt" "$l/repeated.json" 4 0
same "$l/repeated.plain.txt" "$l/repeated.json" I.1 I.2 II.1

finish parse_layout
