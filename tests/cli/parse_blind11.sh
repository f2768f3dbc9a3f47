#!/usr/bin/env bash
# parse_blind11.sh BIN DATA: an eleventh blind round's text PDF,
# tests/data/blind11 (see its README): a province's plan, portrait, whose
# appendix table is printed on landscape pages, as offices' PDFs carry
# them: landscape MediaBoxes; a portrait MediaBox with the content drawn
# a quarter turn and /Rotate 90 or 270 (a Word landscape section through
# a print driver); and portrait pages given /Rotate 90 afterwards, shown
# sideways. Each read against the golden facts (variants_facts.py).
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
here=$(dirname "$0")
v=$data/blind11
. "$here/facts.bash"

# Landscape pages, by their MediaBox or by /Rotate over a turned content:
# poppler gives the words as shown, every indicator read.
for e in pdf rotate90.pdf rotate270.pdf; do
	check tinh-ha-lam $e
done
# The appendix pages printed portrait, then turned by /Rotate 90: its
# lines run down the page as shown (the start binary: refused, "không có
# bảng chỉ tiêu").
check tinh-ha-lam turned.pdf
finish parse_blind11
