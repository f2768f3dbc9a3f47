#!/usr/bin/env bash
# parse_wordings.sh: small plans written by hand (tests/data/wordings, see
# its README) in the layouts and wordings of issue 12 worded otherwise than
# the plans the readers were built on: milestones as section rows over
# sub-groups, periods with a dash and spaces, "Đơn vị" / "Kết quả" /
# "Chủ trì" / "Mục tiêu" headers, capitalised or over two lines, the target
# in the indicator's sentence, a numbered list in the body, targets in
# words, page numbers, "Nơi nhận" and signatures around the table; plain
# text of a PDF's table without its layout (each cell a block), where a
# cell that cannot be placed without a guess is named in a warning. Each
# NAME is checked against NAME.expect.json (wordings_facts.py).
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
here=$(dirname "$0")
w=$data/wordings

for f in "$w"/*.expect.json; do
	doc=${f%.expect.json}
	if python3 "$here/wordings_facts.py" "$bin" "$doc" "$f" > "$tmp/facts" 2>&1; then
		ok
		tail -n 1 "$tmp/facts" | sed "s|$w/||"
	else
		bad "$(basename "$doc")"
		cat "$tmp/facts"
	fi
done

finish parse_wordings
