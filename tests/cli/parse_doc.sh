#!/usr/bin/env bash
# parse_doc.sh: Word 97–2003 files (.doc: MS-DOC in an OLE2 compound file)
# read into the same document as their .docx (tests/data/doc, LibreOffice's
# "MS Word 97" renderings; see its README): the same facts against the
# goldens, identical, no wrong figure; list numbering written out as in
# the .docx; a broken, encrypted, too old or foreign compound file refused
# saying what is wrong and what to do.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
here=$(dirname "$0")
v=$data/doc
. "$here/facts.bash"

# The four given plans, as many facts identical as their .docx (known:
# every one of them).
for n in 000_03b77514fb71b314 001_5a02e85ee0dfd10c 002_f65c0da7dbd96e8d 004_5f0b3916b5e2f87f \
	004_5f0b3916b5e2f87f.lists; do
	g=$data/golden/${n%.lists}.json
	want=$(python3 -c 'import json,sys; g=json.load(open(sys.argv[1])); print(len(g["plan"]["indicators"]))' "$g")
	python3 "$here/layout_facts.py" "$bin" "$v/$n.doc" "$g" 0 0 loose > "$tmp/facts" 2>&1
	grep -q " $want/$want indicators" "$tmp/facts" && ok || { bad "$n.doc"; tail -n 4 "$tmp/facts"; }
done
# Variants and blind plans: identical to their golden, as their .docx is.
gold=$data/variants
for n in phuong-an-binh xa-hoa-binh xa-tan-phu phuong-dong-tien xa-my-loc; do
	check $n doc
done
# As Word's fast saves leave a file (make-pieces.py): 1730 pieces, the
# Windows-1252 ones one byte a character.
gold=$data/variants
cp "$v/pieces.doc" "$tmp/xa-hoa-binh.doc"
v=$tmp check xa-hoa-binh doc
check phuong-an-binh lists.doc
check xa-dinh-ke lists.doc
# "≥" put in from the Symbol font (tests/tools/word-marks.py's sym,
# symfont, symprivate; before, "≥" lost from 2 targets of each, unsaid).
for f in blind2/xa-son-ha blind2/xa-son-ha.sym blind2/xa-son-ha.symfont blind2/xa-son-ha.symprivate \
	blind2/tinh-phu-an blind4/phuong-tay-son blind5/xa-tan-lap \
	blind5/xa-tan-lap.bare blind6/phuong-hung-thinh.pandoc blind6/so-nnmt-tan-an.pandoc \
	blind8/xa-hoa-son.gdocs; do
	gold=$data/${f%%/*}
	n=${f#*/}
	rest=${n#${n%%.*}}
	check "${n%%.*}" "${rest#.}${rest:+.}doc"
done

broken bad-truncated.doc "bị hỏng" "ngoài tệp"
broken bad-fat-loop.doc "bị hỏng" "vòng"
broken bad-encrypted.doc "mật khẩu" "Lưu thành"
broken bad-word95.doc "Word 6.0/95" "Lưu thành" "(.docx)"
broken other-ole.doc "không phải tài liệu Word" "WordDocument"
finish parse_doc
