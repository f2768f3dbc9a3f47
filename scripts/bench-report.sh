#!/usr/bin/env bash
# bench-report.sh: the periodic report of a province of 100 communes x the
# 73 indicators of plan 004 (scripts/bench-lib.sh), in every format:
# the time of one `chitieu report` (process, store, evaluation of the 100
# plans, roll-up, writing) and the file's size. Prints figures; asserts
# nothing.
set -euo pipefail
bin=${1:-build/chitieu}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export CHITIEU_DB="$tmp/bench.db"
. "$(dirname "$0")/bench-lib.sh"
bench_province "$bin" "$tmp"
echo "== report of a province of 100 communes x 73 indicators (one process each, median of 3)"
for f in json csv html xlsx docx pdf; do
	[ "$f" = pdf ] && [ ! -x /usr/bin/chromium ] && { echo "pdf: chromium not installed"; continue; }
	times=()
	for _ in 1 2 3; do
		t0=$(bench_ms)
		"$bin" report --unit P --period 2025-12 --format "$f" -o "$tmp/r.$f" 2> /dev/null
		t1=$(bench_ms)
		times+=($((t1 - t0)))
	done
	med=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)
	printf '%-5s %6d ms  %9d bytes\n' "$f" "$med" "$(wc -c < "$tmp/r.$f")"
done
