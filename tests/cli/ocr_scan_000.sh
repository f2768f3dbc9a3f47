#!/usr/bin/env bash
# ocr_scan_000.sh BIN DATA: the scan of plan 000 (tests/data/scans, made by
# tests/tools/make-scans.sh) read with Tesseract: >= 95 % of its golden
# target cells right and every wrong one flagged (tests/cli/ocr_plan.bash).
set -u
bin=$1
data=$2
source "$(dirname "$0")/lib.bash"
source "$(dirname "$0")/ocr_plan.bash"
score_scan 000_03b77514fb71b314
finish ocr_scan_000
