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

# The searchable scans: an invisible text layer is a scanner's OCR, not
# typed text (the start binary trusted it: 0 of 7, two wrong figures
# unflagged, the rows run together).
for e in ocr.scan.pdf eng.ocr.scan.pdf; do
	check phuong-an-loc-tay $e 5 0
	flagged phuong-an-loc-tay $e --rows
done
# A landscape page scanned sideways (the start binary: 0 of 6, the page
# read across its vertical lines).
check xa-ea-tul-bac sideways.scan.pdf 5 0
flagged xa-ea-tul-bac sideways.scan.pdf --rows
# A page scanned upside down (the start binary: refused, no header row).
check phuong-dong-xuyen-nam upside.scan.pdf 5 0
flagged phuong-dong-xuyen-nam upside.scan.pdf --rows
finish ocr_blind11
