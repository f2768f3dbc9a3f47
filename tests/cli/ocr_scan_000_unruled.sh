#!/usr/bin/env bash
# ocr_scan_000_unruled.sh BIN DATA: the scan of plan 000 whose table has no ruling
# lines (tests/tools/make-scans.sh with RULES=none, as plans printed without
# borders come back from the scanner), read with Tesseract chunk by chunk and
# rebuilt from the words' positions (src/import/ocr.c, pdfrows.c): >= 95 %
# of its golden target cells right and every wrong one flagged
# (tests/cli/ocr_plan.bash), every indicator read.
set -u
bin=$1
data=$2
source "$(dirname "$0")/lib.bash"
source "$(dirname "$0")/ocr_plan.bash"
# At most 20 right target cells flagged (measured 11; the reader of main at
# be90c5e flagged 137 of the 364 right ones).
score_scan 000_03b77514fb71b314 unruled 50 20
# Names and agencies are read too, not only the figures.
jq -e '.plan.indicators | length as $n | map(select((.name | length) > 20 and (.lead // "" | length) > 5)) | length >= $n * 9 / 10' \
	"$tmp/out" > /dev/null && ok || bad "scan: names or agencies missing"
finish ocr_scan_000_unruled
