#!/usr/bin/env bash
# ocr_scan_002_mixed.sh BIN DATA: a scan whose pages are not all alike:
# pages 1 and 3 of the ruled scan of plan 002 (text, then the table ruled)
# and page 4 of its faint scan (the same layout; the table going on, its
# header repeated, its ruling lost by the scanner), put together with qpdf. Each page is read its own
# way (src/import/ocr.c: a ruled page by its grid, a page without ruling
# set out as a table chunk by chunk and rebuilt from the words' positions)
# and the rows go in page order, the table going on across the break:
# >= 95 % of its golden target cells right and every wrong one flagged
# (tests/cli/ocr_plan.bash), every indicator read.
set -u
bin=$1
data=$2
source "$(dirname "$0")/lib.bash"
source "$(dirname "$0")/ocr_plan.bash"
score_scan 002_f65c0da7dbd96e8d mixed 21
# Names and agencies are read too, not only the figures.
jq -e '.plan.indicators | length as $n | map(select((.name | length) > 20 and (.lead // "" | length) > 5)) | length >= $n * 9 / 10' \
	"$tmp/out" > /dev/null && ok || bad "scan: names or agencies missing"
# The row the page break cut ends on the next page, where it belongs: every
# indicator's name starts as one of the plan's does (two words), none with
# the lines of the row before.
jq -e --slurpfile g "$data/golden/002_f65c0da7dbd96e8d.json" '
	def start: ascii_downcase | split(" ") | .[0:2] | join(" ");
	($g[0].plan.indicators | map(.name | start)) as $want
	| .plan.indicators | length > 0 and all(.name | start | IN($want[]))' \
	"$tmp/out" > /dev/null && ok || bad "scan: a name starts with another row's words: $(jq -c '[.plan.indicators[].name[0:30]]' "$tmp/out")"
finish ocr_scan_002_mixed
