#!/usr/bin/env bash
# parse_fonts.sh: plans typed in the Vietnamese fonts of before Unicode
# (tests/data/fonts, see its README: VNI-Times set on each run, .VnTime
# set in the styles with capitals in .VnTimeH), as .docx, as Word 97
# .doc and as RTF, read as their fonts show them: the same facts as the Unicode
# document they were made from, none refused, no wrong figure.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
here=$(dirname "$0")
v=$data/fonts
. "$here/facts.bash"

for n in 000_03b77514fb71b314 002_f65c0da7dbd96e8d; do
	g=$data/golden/$n.json
	want=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["plan"]["indicators"]))' "$g")
	for f in vni.docx vni.doc vni.rtf tcvn3.docx tcvn3.doc tcvn3.rtf; do
		python3 "$here/layout_facts.py" "$bin" "$v/$n.$f" "$g" 0 0 loose > "$tmp/facts" 2>&1
		grep -q " $want/$want indicators" "$tmp/facts" && ok || { bad "$n.$f"; tail -n 4 "$tmp/facts"; }
	done
done
for f in variants/xa-hoa-binh variants/phuong-an-binh variants/xa-tan-phu blind2/xa-son-ha \
	blind4/phuong-tay-son; do
	gold=$data/${f%%/*}
	for m in vni.docx vni.doc vni.rtf tcvn3.docx tcvn3.doc tcvn3.rtf; do
		check "${f#*/}" "$m"
	done
done
finish parse_fonts
