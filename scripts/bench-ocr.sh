#!/usr/bin/env bash
# bench-ocr.sh BIN: how long `chitieu parse` takes on a 6-page scan (issue 12:
# under 60 s on one core). The scan is made here from pages 2-7 of the
# rendered plan 000 (its ruled indicator table and running text) by
# tests/tools/make-scans.sh; Tesseract runs on one thread, pinned to one CPU.
set -euo pipefail
bin=$1
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
for tool in soffice pdftoppm convert img2pdf; do
	command -v "$tool" > /dev/null || { echo "bench-ocr: needs $tool (scripts/install-deps.sh check)"; exit 0; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The same pages ruled, then printed without ruling lines (RULES=none: the
# tables rebuilt from chunks of words, src/import/ocr.c).
slow=0
for rules in ruled none; do
	RULES=$rules FIRST=2 LAST=7 bash "$here/../tests/tools/make-scans.sh" "$tmp" 000_03b77514fb71b314 > /dev/null
	scan=$tmp/000_03b77514fb71b314$([ $rules = none ] && echo .unruled).scan.pdf
	pages=$(pdfinfo "$scan" | awk '/^Pages:/ { print $2 }')
	pin=()
	command -v taskset > /dev/null && pin=(taskset -c 0)
	start=$(date +%s.%N)
	OMP_THREAD_LIMIT=1 "${pin[@]}" "$bin" parse "$scan" --format json > "$tmp/plan.json" 2> "$tmp/err" || true
	end=$(date +%s.%N)
	secs=$(echo "$end - $start" | bc)
	ind=$(jq '.plan.indicators | length' "$tmp/plan.json" 2> /dev/null || echo 0)
	flags=$(jq '[.plan.warnings[].message | select(startswith("Ô cần kiểm tra"))] | length' "$tmp/plan.json" 2> /dev/null || echo 0)
	printf 'ocr (%s): %s-page scan read in %.1f s on one core (%s indicators, %s cells flagged; target < 60 s)\n' \
		"$rules" "$pages" "$secs" "$ind" "$flags"
	awk -v s="$secs" 'BEGIN { exit !(s < 60) }' || { echo "bench-ocr: slower than 60 s"; slow=1; }
done
exit $slow
