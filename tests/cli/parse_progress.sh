#!/usr/bin/env bash
# parse_progress.sh: `chitieu parse --progress` on a scan prints the OCR's
# page line on stderr ("Đang nhận dạng trang 1/1…") even though stderr is a
# file here; without --progress (stderr not a terminal) it prints none. The
# one-page scan is the blurred one: read, then refused.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
export OMP_THREAD_LIMIT=1

scan="$data/scans/blurred.scan.pdf"
run progress 2 parse --progress "$scan" &&
	{ grep -qx "Đang nhận dạng trang 1/1…" "$tmp/err" && ok || bad "no page line: $(cat "$tmp/err")"; }
grep -q "quá mờ" "$tmp/err" && ok || bad "the scan's reason is missing: $(cat "$tmp/err")"
run quiet 2 parse "$scan" &&
	{ ! grep -q "nhận dạng trang" "$tmp/err" && ok || bad "page line without --progress"; }
run usage 1 parse --progres "$scan"
finish parse_progress
