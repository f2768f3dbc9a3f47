#!/usr/bin/env bash
# ocr_scan_002_appendix.sh BIN DATA: a scan whose ruled table is followed by
# an appendix printed without ruling lines: pages 3 and 4 of the ruled scan
# of plan 002 (its indicator table) and page 2 of plan 004 printed without
# borders ("PHỤ LỤC I. CÁC CHỈ TIÊU": rows I.1 to II.4), made by
# `RULES=none FIRST=2 LAST=2 tests/tools/make-scans.sh OUT 004_5f0b3916b5e2f87f`
# and `qpdf --empty --pages 002_f65c0da7dbd96e8d.scan.pdf 3,4
# OUT/004_5f0b3916b5e2f87f.unruled.scan.pdf 1 -- OUT.pdf`. Both tables are
# read (src/import/ocr.c: the ruled pages by their grid, the appendix chunk
# by chunk, rebuilt from the words' positions), in page order: plan 002's
# golden target cells as from its own scan (>= 95 % right, every wrong one
# flagged: tests/cli/ocr_plan.bash), and the appendix's eight indicators
# with their target cells (measured: 36 of 40 right, the four wrong ones
# the words of I.4, "Duy trì, phát triển" read without its accent, all
# flagged).
set -u
bin=$1
data=$2
source "$(dirname "$0")/lib.bash"
source "$(dirname "$0")/ocr_plan.bash"
score_scan 002_f65c0da7dbd96e8d appendix 21
# The appendix: plan 004's indicators on its page, scored the same way.
codes='["I.1","I.2","I.3","I.4","II.1","II.2","II.3","II.4"]'
jq --argjson c "$codes" '.plan.indicators |= map(select(.code | IN($c[])))' \
	"$data/golden/004_5f0b3916b5e2f87f.json" > "$tmp/g004.json"
jq -n --slurpfile g "$tmp/g004.json" --slurpfile p "$tmp/out" -f "$(dirname "$0")/../tools/scan-score.jq" \
	> "$tmp/app.score.json"
read -r cells right unflagged < <(jq -r '[.cells, .right, (.wrong_unflagged | length)] | @tsv' "$tmp/app.score.json")
echo "appendix: $right of $cells golden target cells right, $unflagged wrong ones not flagged"
[ "$cells" -ge 30 ] && ok || bad "appendix: only $cells golden target cells"
[ $((100 * right)) -ge $((85 * cells)) ] && ok || bad "appendix: $right of $cells target cells right"
[ "$unflagged" -eq 0 ] && ok || bad "appendix: wrong cells not flagged: $(jq -c .wrong_unflagged "$tmp/app.score.json")"
# Every indicator of both tables, each matched by its name (a golden name
# shares at least half its words with one read), the appendix's after the
# ruled table's: 9 + 8.
jq -e --slurpfile a "$data/golden/002_f65c0da7dbd96e8d.json" --slurpfile b "$tmp/g004.json" '
	def words: ascii_downcase | [splits("[^\\p{L}\\p{N}]+") | select(length > 0)] | unique;
	def near($w): . as $x | ([$x[] | select(. as $v | $w | index([$v]))] | length) * 2 >= ($x | length);
	[.plan.indicators[] | {w: (.name | words), l: .source_lines[0]}] as $read
	| def at($g): [$g.plan.indicators[] | (.name | words) as $gw
		| [$read[] | select(. as $r | $gw | near($r.w)) | .l] | min];
	at($a[0]) as $x | at($b[0]) as $y
	| ($x | length) == 9 and ($y | length) == 8 and all($x[], $y[]; . != null)
	  and ($x | max) < ($y | min)' "$tmp/out" > /dev/null && ok ||
	bad "appendix: the tables' indicators not all read, or not in page order: $(jq -c '[.plan.indicators[] | [.code, .source_lines[0], .name[0:30]]]' "$tmp/out")"
finish ocr_scan_002_appendix
