# ocr_plan.bash: what the per-plan scan tests share (sourced, not a test).
# score_scan NAME [KIND [MIN]]: read tests/data/scans/NAME.scan.pdf
# (tests/tools/make-scans.sh: the plan's rendering with ruled tables, 200
# dpi grey, noise, rotated 0.5 degree), or NAME.KIND.scan.pdf (KIND
# "unruled": the table without ruling lines; "faint": ruled in a very light
# grey), and score it with tests/tools/scan-score.jq
# against tests/data/golden/NAME.json: at least 95 % of the golden target
# cells right, every wrong one flagged for review, every golden indicator
# read (MIN: at least that many golden target cells, 50 unless told), and
# at most MAXRF right cells flagged all the same (when told: a flag the
# clerk checks for nothing). GOLDEN (when set) is the golden plan to score
# against instead (tests/data/variants/NAME.golden.json); PCT (when set)
# the share of right cells wanted instead of 95 %; PDF (when set) the file
# read instead of tests/data/scans/NAME.scan.pdf.
# Prints the figures and the wrong cells.
score_scan() {
	local name=$1 file=$1${2:+.$2} min=${3:-50} maxrf=${4:-} score
	local golden=${GOLDEN:-$data/golden/$1.json} pct=${PCT:-95}
	score="$(dirname "${BASH_SOURCE[0]}")/../tools/scan-score.jq"
	export OMP_THREAD_LIMIT=1
	# lib.bash's run allows 120 s; a 15-page scan takes longer on a busy
	# machine (CMakeLists.txt gives these scripts 900 s).
	timeout 880 "$bin" parse "${PDF:-$data/scans/$file.scan.pdf}" --format json > "$tmp/out" 2> "$tmp/err"
	local rc=$?
	[ "$rc" -eq 0 ] && ok || { bad "scan $name: exit $rc: $(head -c 400 "$tmp/err")"; return; }
	cp "$tmp/out" "$tmp/$name.json"
	jq -n --slurpfile g "$golden" --slurpfile p "$tmp/$name.json" -f "$score" \
		> "$tmp/$name.score.json"
	local cells right wrong unflagged flags ng np rf
	read -r cells right wrong unflagged flags ng np rf < <(jq -r \
		'[.cells, .right, (.wrong | length), (.wrong_unflagged | length), .flags, .indicators[0], .indicators[1], .right_flagged] | @tsv' \
		"$tmp/$name.score.json")
	echo "scan $file: $right of $cells golden target cells right" \
		"($((1000 * right / (cells > 0 ? cells : 1) / 10)).$((1000 * right / (cells > 0 ? cells : 1) % 10)) %)," \
		"$wrong wrong, $unflagged of them not flagged; $rf right ones flagged; $flags cells flagged; indicators $np of $ng"
	if [ -n "$maxrf" ]; then
		[ "$rf" -le "$maxrf" ] && ok || bad "scan $name: $rf right target cells flagged, more than $maxrf"
	fi
	jq -c '.wrong[]' "$tmp/$name.score.json"
	# Not a pass on empty output: every plan has dozens of target cells.
	[ "$cells" -ge "$min" ] && ok || bad "scan $name: only $cells golden target cells"
	[ "$np" -ge "$ng" ] && ok || bad "scan $name: $np indicators read, $ng in the plan"
	[ $((100 * right)) -ge $((pct * cells)) ] && ok || bad "scan $name: $right of $cells target cells right, under $pct %"
	[ "$unflagged" -eq 0 ] && ok ||
		bad "scan $name: $unflagged wrong target cells not flagged: $(jq -c .wrong_unflagged "$tmp/$name.score.json")"
}
