#!/usr/bin/env bash
# align.sh: `chitieu align` on the four real plans, scored against the
# hand-made truth table (tests/data/align/truth.json, see its README.md):
# precision >= 0.98 and recall >= 0.95 over pairs of indicators from
# different files, doubtful pairs left out (tests/tools/align_score.py prints
# the figures). Then the JSON contract, the text table, and the errors: fewer
# than two files, a file that cannot be read, a bad format.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
score=$(dirname "$0")/../tools/align_score.py

plans=("$data"/plans/000_*.txt "$data"/plans/001_*.txt "$data"/plans/002_*.txt "$data"/plans/004_*.txt)

if run four 0 align "${plans[@]}"; then
	cp "$tmp/out" "$tmp/four.json"
	python3 "$score" "$data/align/truth.json" "$tmp/four.json" && ok || bad "precision/recall below 0.98/0.95"
	# The contract: every member has file, code, name, score and why; every
	# indicator of the four plans (75 + 29 + 9 + 73) is in a group or unmatched.
	python3 - "$tmp/four.json" <<'PY' && ok || bad "JSON contract"
import json, sys
d = json.load(open(sys.argv[1]))
assert set(d) == {"groups", "unmatched"}, d.keys()
n = 0
for g in d["groups"]:
    assert set(g) == {"name", "unit", "members"} and isinstance(g["name"], str)
    assert g["unit"] is None or isinstance(g["unit"], str)
    assert len(g["members"]) >= 2
    for m in g["members"]:
        assert set(m) == {"file", "code", "name", "score", "why"}, m.keys()
        assert isinstance(m["score"], (int, float)) and 0 < m["score"] <= 1
        assert m["why"] and all(isinstance(w, str) for w in m["why"])
        n += 1
for m in d["unmatched"]:
    assert set(m) == {"file", "code", "name"}
    n += 1
assert n == 75 + 29 + 9 + 73, n
PY
fi

# The same plan twice aligns trivially: every indicator with itself, the one
# listed twice in 004 (V.31 = V.34) included, never with its copy.
if run twice 0 align "$data"/plans/004_*.txt "$data"/plans/004_*.txt; then
	python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert len(d["groups"]) == 73, len(d["groups"])
assert all(m["score"] == 1 for g in d["groups"] for m in g["members"])
assert all(len({m["code"] for m in g["members"]}) == 1 for g in d["groups"])
assert not d["unmatched"], d["unmatched"]
' "$tmp/out" && ok || bad "same plan twice: want 73 groups, each an indicator with itself, score 1"
fi

# 5G and 6G never share a group; nor cấp xã and cấp huyện.
python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
for g in d["groups"]:
    names = " | ".join(m["name"] for m in g["members"])
    assert not ("5G" in names and "6G" in names), names
    assert not ("cấp xã" in names and "cấp huyện" in names), names
' "$tmp/four.json" && ok || bad "a group mixes 5G and 6G, or cấp xã and cấp huyện"

run text 0 align --format text "${plans[@]}" &&
	{ grep -q "chỉ tiêu chung" "$tmp/out" && grep -q "Chưa ghép:" "$tmp/out" && grep -q "Sổ sức khỏe điện tử" "$tmp/out" && ok || bad "text table"; }

run one-file 1 align "${plans[0]}" &&
	{ grep -q "ít nhất hai" "$tmp/err" && ok || bad "one file: message"; }
run no-file 1 align
run missing 2 align "${plans[0]}" "$tmp/none.txt" &&
	{ grep -qF "$tmp/none.txt" "$tmp/err" && [ ! -s "$tmp/out" ] && ok || bad "missing file: message names it, no output"; }
run bad-format 1 align --format xml "${plans[@]}"

finish align
