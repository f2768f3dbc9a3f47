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

# check FILE GOLDEN MIN_INDICATORS MIN_TASKS
check() {
	if python3 "$here/layout_facts.py" "$bin" "$1" "$data/golden/$2.json" "$3" "$4" > "$tmp/facts" 2>&1; then
		ok
	else
		bad "$(basename "$1"): $(tail -n 1 "$tmp/facts")"
		cat "$tmp/facts"
	fi
	tail -n 1 "$tmp/facts"
}

# The four plans' renderings (before issue 12's row-by-row reading:
# 69/75, 20/29 with 16/41 tasks, 8/9, 35/73).
check "$data/rendered/000_03b77514fb71b314.pdf.layout.txt" 000_03b77514fb71b314 75 0
check "$data/rendered/001_5a02e85ee0dfd10c.pdf.layout.txt" 001_5a02e85ee0dfd10c 29 41
check "$data/rendered/002_f65c0da7dbd96e8d.pdf.layout.txt" 002_f65c0da7dbd96e8d 9 0
check "$data/rendered/004_5f0b3916b5e2f87f.pdf.layout.txt" 004_5f0b3916b5e2f87f 73 0

finish parse_layout
