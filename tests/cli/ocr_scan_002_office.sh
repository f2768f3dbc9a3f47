#!/usr/bin/env bash
# ocr_scan_002_office.sh BIN DATA: plan 002 (ruled) scanned as an office
# scans a signed, stamped paper copy (tests/tools/make-office-scans.sh,
# tests/data/scans/README.md): its pages on grey paper lit unevenly, turned
# off the level, the first table page fed sideways (turned a quarter
# anticlockwise), a red seal and a blue signature over the table's last
# rows on a colour page: >= 95 % of its golden target cells right, every
# wrong one flagged, every indicator read (tests/cli/ocr_plan.bash).
set -u
bin=$1
data=$2
source "$(dirname "$0")/lib.bash"
source "$(dirname "$0")/ocr_plan.bash"
# Measured 21 of 21, 1 right cell flagged; the reader of main at 83e191e:
# see tests/data/scans/README.md.
score_scan 002_f65c0da7dbd96e8d office 21 4
finish ocr_scan_002_office
