#!/usr/bin/env bash
# ocr_blind3.sh BIN DATA: three scans of the blind plans
# (tests/data/scans/blind3/README.md), table shapes the scan reader was not
# built on: a landscape table with "Mục tiêu theo năm" over eight year
# columns and headings "1.1" (tinh-phu-an), a long table whose number,
# name, unit and agency are merged down over the indicator's year rows
# (phuong-binh-minh), a three-line header repeated on each of four
# landscape pages (huyen-long-phuoc). Each read against its golden
# (tests/cli/ocr_plan.bash: >= 95 % of the target cells right, every wrong
# one flagged, every indicator read), and with no target figure put under
# another indicator's code or year (tests/cli/variants_facts.py: "wrong
# figures", as the year row of a header repeated on a new page read as
# the targets of the row before it).
set -u
bin=$1
data=$2
source "$(dirname "$0")/lib.bash"
source "$(dirname "$0")/ocr_plan.bash"
mkdir -p "$tmp/blind3"
# variants_facts.py parses with BIN: this one gives the plan already read.
printf '#!/bin/sh\ncat "$SAVED"\n' > "$tmp/saved"
chmod +x "$tmp/saved"
blind() {
	local set=$1 name=$2 kind=${3:-} min=$4
	GOLDEN=$data/$set/$name.golden.json score_scan "blind3/$name" "$kind" "$min"
	local doc=$data/scans/blind3/$name${kind:+.$kind}.scan.pdf
	SAVED=$tmp/blind3/$name.json python3 "$(dirname "$0")/variants_facts.py" "$tmp/saved" \
		"$doc" "$data/$set/$name.golden.json" 0 0 > "$tmp/facts" 2>&1 &&
		ok || bad "$name: $(grep -E 'wrong figure|identical' "$tmp/facts" | head -5)"
	tail -1 "$tmp/facts"
}
blind blind2 tinh-phu-an "" 60
blind shapes phuong-binh-minh "" 12
blind shapes huyen-long-phuoc "" 45
finish ocr_blind3
