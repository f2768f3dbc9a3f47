#!/usr/bin/env bash
# ocr_blind11.sh BIN DATA: an eleventh blind round, tests/data/scans/blind11
# (see its README): a "searchable" scan (the page's image under an
# invisible OCR text layer, tesseract's PDF, read in Vietnamese and in
# English), a landscape table page scanned sideways onto a portrait page,
# a page scanned upside down. Each read against its golden
# (variants_facts.py: no wrong figure, at least that many indicators
# identical; flagged_facts.py --rows: every field read otherwise, and
# every row not read, said by a warning).
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
here=$(dirname "$0")
v=$data/scans/blind11
. "$here/facts.bash"
export OMP_THREAD_LIMIT=1

. "$here/ocr_plan.bash"
mkdir -p "$tmp/blind11"
# score NAME SUFFIX: every golden target cell right, none wrong without a
# flag (ocr_plan.bash's score_scan)
score() {
	GOLDEN=$v/$1.golden.json PCT=100 score_scan "blind11/$1" "$2" "$3"
}

# The searchable scans: an invisible text layer is a scanner's OCR, not
# typed text. The start binary trusted it: 0 of 7 indicators, two wrong
# figures unflagged, rows run together (the layer's lines glued across
# the table). Read from the image as any scan: 5 of 7 identical (two
# names with a wrong accent, "nổi" for "nối", "tuyên" for "tuyến": OCR
# at over 80 %, not flagged), every target cell right.
for e in ocr eng.ocr; do
	check phuong-an-loc-tay $e.scan.pdf 5 0
	score phuong-an-loc-tay $e 14
done
# A landscape page scanned sideways (turned upright by ocrpage.c's
# ocr_upright): 5 of 6, every field but one name read or flagged.
check xa-ea-tul-bac sideways.scan.pdf 5 0
flagged xa-ea-tul-bac sideways.scan.pdf --rows
# A page scanned upside down: 5 of 6 ("khu phổ" for "khu phố"), every
# target cell right.
check phuong-dong-xuyen-nam upside.scan.pdf 5 0
score phuong-dong-xuyen-nam upside 12
finish ocr_blind11
