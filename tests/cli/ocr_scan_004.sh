#!/usr/bin/env bash
# ocr_scan_004.sh BIN DATA: the scan of plan 004 (tests/data/scans, made by
# tests/tools/make-scans.sh) read with Tesseract: >= 95 % of its golden
# target cells right and every wrong one flagged (tests/cli/ocr_plan.bash).
set -u
bin=$1
data=$2
source "$(dirname "$0")/lib.bash"
source "$(dirname "$0")/ocr_plan.bash"
# At most 30 right target cells flagged (measured 26; the reader of main at
# be90c5e flagged 33: two readings agreeing on a figure read surely trusted).
score_scan 004_5f0b3916b5e2f87f "" 50 30
finish ocr_scan_004
