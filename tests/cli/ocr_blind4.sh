#!/usr/bin/env bash
# ocr_blind4.sh BIN DATA: blind plans scanned with their tables printed
# without ruling lines (tests/data/scans/blind3/README.md,
# tests/data/scans/blind4/README.md), whose columns are rebuilt from the
# chunks' positions: a table under a caption of its own whose header's
# cells are set a chunk's gap apart ("Đơn vị tính Năm 2025 Năm 2027 Năm
# 2030", xa-son-ha), a caption "Mục tiêu" over "Năm 2026 | Đến năm 2030"
# (phuong-thanh-cong, as rendered from its PDF), and plans the reader was
# not tuned on (xa-an-thinh, phuong-hiep-thanh, xa-thuan-loi). Each read
# against its golden (tests/cli/ocr_plan.bash: every wrong target cell
# flagged, every indicator read, >= 95 % of the target cells right, 85 %
# for phuong-thanh-cong, whose seal hides its last row's figures).
# xa-thuan-loi loses its first row's number in the speckle (its first two
# rows run together): only its wrong cells all flagged, and most right.
set -u
bin=$1
data=$2
source "$(dirname "$0")/lib.bash"
source "$(dirname "$0")/ocr_plan.bash"
mkdir -p "$tmp/blind3" "$tmp/blind4"
blind() {
	local round=$1 set=$2 name=$3 kind=$4 min=$5
	GOLDEN=$data/$set/$name.golden.json score_scan "$round/$name" "$kind" "$min"
}
blind blind3 blind2 xa-son-ha unruled 20
PCT=85 blind blind3 blind2 phuong-thanh-cong office 16
blind blind3 shapes xa-an-thinh unruled 40
blind blind4 blind2 phuong-hiep-thanh unruled 14
# xa-thuan-loi: every wrong cell flagged, at least 10 of its 14 right
doc=$data/scans/blind4/xa-thuan-loi.unruled.scan.pdf
OMP_THREAD_LIMIT=1 timeout 880 "$bin" parse "$doc" --format json > "$tmp/tl.json" 2> "$tmp/err" &&
	ok || bad "scan xa-thuan-loi: $(head -c 400 "$tmp/err")"
jq -n --slurpfile g "$data/shapes/xa-thuan-loi.golden.json" --slurpfile p "$tmp/tl.json" \
	-f "$(dirname "$0")/../tools/scan-score.jq" > "$tmp/tl.score.json"
read -r cells right unflagged < <(jq -r '[.cells, .right, (.wrong_unflagged | length)] | @tsv' "$tmp/tl.score.json")
echo "scan xa-thuan-loi.unruled: $right of $cells golden target cells right, $unflagged wrong not flagged"
[ "$cells" -ge 14 ] && [ "$right" -ge 10 ] && ok || bad "scan xa-thuan-loi: $right of $cells right"
[ "$unflagged" -eq 0 ] && ok || bad "scan xa-thuan-loi: $(jq -c .wrong_unflagged "$tmp/tl.score.json")"
finish ocr_blind4
