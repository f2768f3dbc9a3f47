#!/usr/bin/env bash
# ocr_blind10.sh BIN DATA: a tenth blind round, tests/data/scans/blind10
# (see its README): plans scanned and photographed as offices send them,
# each read against its golden (variants_facts.py: no wrong figure, at
# least that many indicators identical; flagged_facts.py --rows: every
# field read otherwise, and every row not read, said by a warning). A
# curled page whose rows and rules bend; a phone photo, askew by 3.5
# degrees, in perspective, a shadow over its left edge; targets written
# as bullet paragraphs; a nine-column table with a baseline and a "Ghi
# chú" column of figures of its own.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
here=$(dirname "$0")
v=$data/scans/blind10
. "$here/facts.bash"
. "$here/ocr_plan.bash"
export OMP_THREAD_LIMIT=1
# score NAME: the last check's figures as a score line ("scan NAME: 5 of
# 7 indicators …", the form tests/cli/ocr_plan.bash prints)
score() {
	echo "scan $1: $(tail -n 1 "$tmp/facts" | sed 's|^[^:]*: ||; s|\([0-9][0-9]*\)/\([0-9][0-9]*\)|\1 of \2|g')"
}

# The curled page: every indicator and target cell read (the start
# binary: 2 of 7, a row's 2030 cell "150 100 Duy trì 98" unflagged, rows
# 6 and 7 empty); "trực tuyến" may be read "trực tuyền" (a letter's
# accent, OCR at a confidence over 80 %: a name, not a figure), so 6 of 7
# identical.
check xa-thanh-loi-dong curled.scan.pdf 6 0
score xa-thanh-loi-dong.curled
mkdir -p "$tmp/blind10"
GOLDEN=$v/xa-thanh-loi-dong.golden.json PCT=100 score_scan blind10/xa-thanh-loi-dong curled 14
# The photo (refused by the start binary): every indicator identical (its
# title's second line, "2026 - 2030" on the slanted page, is read "cm").
check phuong-hoa-khanh-bac photo.scan.pdf 6 0
score phuong-hoa-khanh-bac.photo
# The bullet paragraphs (the title lost by the start binary: "KẾ HOẠCH"
# read "KEHOẠCH", "I." read "IL"): identical.
check xa-tien-thuy-ha scan.pdf
score xa-tien-thuy-ha
# The "Ghi chú" table (read by the start binary): its figures never taken
# for targets, its one misread name flagged.
check so-gddt-lam-son scan.pdf 5 0
score so-gddt-lam-son
flagged so-gddt-lam-son scan.pdf --rows
score so-gddt-lam-son
finish ocr_blind10
