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
export OMP_THREAD_LIMIT=1
# score NAME: the last check's figures as a score line ("scan NAME: 5 of
# 7 indicators …", the form tests/cli/ocr_plan.bash prints)
score() {
	echo "scan $1: $(tail -n 1 "$tmp/facts" | sed 's|^[^:]*: ||; s|\([0-9][0-9]*\)/\([0-9][0-9]*\)|\1 of \2|g')"
}

check xa-thanh-loi-dong curled.scan.pdf 5 0
score xa-thanh-loi-dong.curled
flagged xa-thanh-loi-dong curled.scan.pdf --rows
score xa-thanh-loi-dong.curled
check phuong-hoa-khanh-bac photo.scan.pdf 5 0
score phuong-hoa-khanh-bac.photo
flagged phuong-hoa-khanh-bac photo.scan.pdf --rows
score phuong-hoa-khanh-bac.photo
# Read whole by the start binary: kept so.
check xa-tien-thuy-ha scan.pdf
score xa-tien-thuy-ha
check so-gddt-lam-son scan.pdf 5 0
score so-gddt-lam-son
flagged so-gddt-lam-son scan.pdf --rows
score so-gddt-lam-son
finish ocr_blind10
