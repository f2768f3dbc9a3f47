# bench-goals.awk: appends a verdict to each figure a benchmark prints beside
# its goal, and passes every other line through as it is. A figure's line
# ends in "VALUE   goal GOAL" (scripts/bench-lib.sh's bench_line, or any
# script's own printf of that shape):
#
#   country roll-up        19029 req/s   goal ≥ 5000 req/s     ->  ... met
#     p99                      4.02s     goal < 50 ms          ->  ... MISSED
#   server memory (RSS)       271 MB     goal ≤ 1 GB (3,321 …) ->  ... met
#   a new figure …               yes     goal yes              ->  ... met
#   country roll-up            req/s     goal ≥ 5000 req/s     ->  ... NOT MEASURED
#
# GOAL is an operator (≥ > ≤ < =, or none for "equal") and a number with
# its unit (times ns, us, ms, s, m; sizes B, KB, MB, GB; rates ending in /s),
# then any words. VALUE is the last number before "goal", with its unit
# (apart or joined: "45.74ms"), or a word (yes, no). A goal that is not a
# number or a word of that kind ("-", "bounded", "a few s") gets no
# verdict; a goal that is one beside a value that is not (wrk gave nothing)
# gets NOT MEASURED. Units are converted (1 GB = 1024 MB); a value whose
# unit is not the goal's kind gets no verdict. Lines that have a verdict
# already are left alone.
#
# A figure measured while writes ran says at what rate, in its label:
# "(writes 8.1/s of 20/s asked)". Below 95 % of the asked rate it was not
# measured at the rate its goal is for: NOT MEASURED, whatever its value.
#
#   awk -f scripts/bench-goals.awk < output
function unit_scale(u) {
	if (u == "ns") return 0.000001
	if (u == "us" || u == "µs") return 0.001
	if (u == "ms") return 1
	if (u == "s") return 1000
	if (u == "m" || u == "min") return 60000
	if (u == "B") return 1
	if (u == "KB" || u == "kB" || u == "K") return 1024
	if (u == "MB" || u == "M") return 1048576
	if (u == "GB" || u == "G") return 1073741824
	return 0
}
function unit_kind(u) {
	if (u == "") return "none"
	if (u ~ /\/s$/) return "rate:" u
	if (u == "ns" || u == "us" || u == "µs" || u == "ms" || u == "s" || u == "m" || u == "min") return "time"
	if (unit_scale(u)) return "size"
	return "other:" u
}
# A number with its unit into NUM and UNIT (globals); 1 when s is one.
function parse_amount(s, rest,   m) {
	gsub(/,/, "", s)
	if (!match(s, /^-?[0-9]+(\.[0-9]+)?/)) return 0
	NUM = substr(s, 1, RLENGTH) + 0
	UNIT = substr(s, RLENGTH + 1)
	if (UNIT == "" && rest != "") UNIT = rest
	return 1
}
function verdict(line,   at, left, goal, n, t, op, gnum, gunit, gk, vk, vnum, vword, ok) {
	if (line ~ /(met|MISSED|NOT MEASURED)[[:space:]]*$/) return ""
	at = 0
	while (match(substr(line, at + 1), /[[:space:]]goal[[:space:]]/)) at += RSTART + RLENGTH - 1
	if (!at) return ""
	left = substr(line, 1, at - 5)
	goal = substr(line, at + 1)
	sub(/^[[:space:]]+/, "", goal)
	# The goal: operator, then a number and unit, or a word.
	op = "="
	if (match(goal, /^(≥|>=|≤|<=|<|>|=)[[:space:]]*/)) {
		op = substr(goal, 1, RLENGTH)
		gsub(/[[:space:]]/, "", op)
		goal = substr(goal, RLENGTH + 1)
	}
	n = split(goal, t, /[[:space:]]+/)
	if (n == 0) return ""
	if (parse_amount(t[1], (n > 1 && unit_kind(t[2]) !~ /^other/) ? t[2] : "")) {
		gnum = NUM * (unit_scale(UNIT) ? unit_scale(UNIT) : 1)
		gk = unit_kind(UNIT)
		if (gk ~ /^other/) return ""
	} else if (op == "=" && (t[1] == "yes" || t[1] == "no") && n == 1) {
		gk = "word"
	} else {
		return ""
	}
	# The value: the last token before "goal", or the two last.
	n = split(left, t, /[[:space:]]+/)
	while (n > 0 && t[n] == "") n--
	if (gk == "word") {
		if (n == 0) return "NOT MEASURED"
		return (t[n] == goal) ? "met" : "MISSED"
	}
	if (n == 0) return "NOT MEASURED"
	if (parse_amount(t[n], "")) {
		vnum = NUM; vk = unit_kind(UNIT); vnum *= unit_scale(UNIT) ? unit_scale(UNIT) : 1
	} else if (n > 1 && parse_amount(t[n - 1], t[n])) {
		vnum = NUM; vk = unit_kind(UNIT); vnum *= unit_scale(UNIT) ? unit_scale(UNIT) : 1
	} else {
		return "NOT MEASURED"
	}
	if (vk != gk) return ""
	if (op == "≥" || op == ">=") ok = vnum >= gnum
	else if (op == "≤" || op == "<=") ok = vnum <= gnum
	else if (op == "<") ok = vnum < gnum
	else if (op == ">") ok = vnum > gnum
	else ok = vnum == gnum
	return ok ? "met" : "MISSED"
}
# The figure's writes were below 95 % of the asked rate: 1.
function writes_short(line,   s, a) {
	if (!match(line, /\(writes [0-9.]+\/s of [0-9.]+\/s asked\)/)) return 0
	s = substr(line, RSTART + 8, RLENGTH - 8)
	split(s, a, /\/s of |\/s asked/)
	return a[1] + 0 < 0.95 * a[2]
}
{
	v = verdict($0)
	if ((v == "met" || v == "MISSED") && writes_short($0)) v = "NOT MEASURED"
	if (v != "") print $0 "   " v
	else print
	fflush()
}
