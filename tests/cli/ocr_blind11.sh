#!/usr/bin/env bash
# ocr_blind11.sh BIN DATA: an eleventh blind round, tests/data/scans/blind11
# (see its README): a "searchable" scan (the page's image under an
# invisible OCR text layer, tesseract's PDF, read in Vietnamese and in
# English; and tests/data/blind11's plan typed with its appendix
# searchable scans), a landscape table page scanned sideways onto a
# portrait page, a page scanned upside down. Each read against its golden
# (variants_facts.py: no wrong figure, at least that many indicators
# identical; ocr_plan.bash's score_scan: the target cells right, every
# wrong one flagged).
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
check phuong-an-loc-tay ocr.scan.pdf 5 0
score phuong-an-loc-tay ocr 14
score phuong-an-loc-tay eng.ocr 14
# The plan typed, its appendix's three landscape pages searchable scans
# (tests/data/blind11): the start binary refused it ("không có bảng chỉ
# tiêu", no header in the layer's text). Read by OCR whole: 13 of 16
# identical; III.2's 2030 "50", read "90" by Tesseract at over 80 %, is
# flagged because the layer reads "50" there (a second reading).
# 31 of 32 target cells right, the wrong one flagged.
GOLDEN=$data/blind11/tinh-ha-lam.golden.json PCT=95 PDF=$data/blind11/tinh-ha-lam.scanned-appendix.pdf \
	score_scan blind11/tinh-ha-lam scanned-appendix 32
# A landscape page scanned sideways (turned upright by ocrpage.c's
# ocr_upright): 5 of 6, no wrong figure.
check xa-ea-tul-bac sideways.scan.pdf 5 0
# A page scanned upside down: every target cell right ("khu phổ" for "khu
# phố" in a name).
score phuong-dong-xuyen-nam upside 12
finish ocr_blind11
