#!/usr/bin/env bash
# bench-ocr.sh BIN: how long `chitieu parse` takes on a 6-page scan (issue 12:
# under 60 s on one core). The scan is made here from pages 2-7 of the
# rendered plan 000 (its ruled indicator table and running text) by
# tests/tools/make-scans.sh; Tesseract runs on one thread, pinned to one CPU.
# The goal is judged on the CPU time the parse took (on one core, the time
# it takes on an idle machine); the wall time, longer on a shared machine,
# is printed beside it. Exits non-zero only when it could not measure (a
# tool missing, the scan not made, the parse failed or read nothing).
set -euo pipefail
bin=$1
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/bench-lib.sh"
for tool in soffice pdftoppm convert img2pdf pdfinfo /usr/bin/time; do
	command -v "$tool" > /dev/null || { echo "bench-ocr: needs $tool (scripts/install-deps.sh bench)"; exit 1; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pin=()
command -v taskset > /dev/null && pin=(taskset -c 0)
# The same pages ruled, then printed without ruling lines (RULES=none: the
# tables rebuilt from chunks of words, src/import/ocr.c).
failed=0
for rules in ruled none; do
	RULES=$rules FIRST=2 LAST=7 bash "$here/../tests/tools/make-scans.sh" "$tmp" 000_03b77514fb71b314 > /dev/null
	case $rules in
	none) scan=$tmp/000_03b77514fb71b314.unruled.scan.pdf ;;
	*) scan=$tmp/000_03b77514fb71b314.scan.pdf ;;
	esac
	pages=$(pdfinfo "$scan" | awk '/^Pages:/ { print $2 }')
	rc=0
	OMP_THREAD_LIMIT=1 /usr/bin/time -f '%e %U %S' -o "$tmp/time" "${pin[@]}" "$bin" parse "$scan" --format json \
		> "$tmp/plan.json" 2> "$tmp/err" || rc=$?
	read -r wall user sys < <(tail -n 1 "$tmp/time")
	ind=$(jq '.plan.indicators | length' "$tmp/plan.json" 2> /dev/null || echo 0)
	flags=$(jq '[.plan.warnings[].message | select(startswith("Ô cần kiểm tra"))] | length' "$tmp/plan.json" 2> /dev/null || echo 0)
	if [ "$rc" -ne 0 ] || [ "$ind" -eq 0 ]; then
		echo "bench-ocr ($rules): parse exited $rc and read $ind indicators:"
		tail -n 5 "$tmp/err"
		failed=1
		continue
	fi
	bench_line "ocr ($rules): $pages-page scan, $ind indicators, $flags cells flagged" \
		"$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.1f s", u + s }')" "< 60 s CPU on one core"
	bench_line "  its wall time (the machine shared)" "$wall s" "-"
done
exit $failed
