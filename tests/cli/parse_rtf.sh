#!/usr/bin/env bash
# parse_rtf.sh: Rich Text Format files (.rtf) read into the same document
# as their .docx (tests/data/rtf, LibreOffice's RTF renderings and hand-made
# Word-style files; see its README): the same facts against the goldens, no
# wrong figure; Word's merges, \uN, Symbol-font characters, hidden and
# deleted text, list numbers written out, nested tables; a plan without a
# table read as its .docx is; a broken file refused saying at which byte.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
here=$(dirname "$0")
v=$data/rtf
. "$here/facts.bash"

# The four given plans, as many facts identical as their .docx.
for n in 000_03b77514fb71b314 001_5a02e85ee0dfd10c 002_f65c0da7dbd96e8d 004_5f0b3916b5e2f87f \
	004_5f0b3916b5e2f87f.lists; do
	g=$data/golden/${n%.lists}.json
	want=$(python3 -c 'import json,sys; g=json.load(open(sys.argv[1])); print(len(g["plan"]["indicators"]))' "$g")
	python3 "$here/layout_facts.py" "$bin" "$v/$n.rtf" "$g" 0 0 loose > "$tmp/facts" 2>&1
	grep -q " $want/$want indicators" "$tmp/facts" && ok || { bad "$n.rtf"; tail -n 4 "$tmp/facts"; }
done
# Variants and blind plans: identical to their golden, as their .docx is.
gold=$data/variants
for n in phuong-an-binh xa-hoa-binh xa-tan-phu phuong-dong-tien xa-my-loc; do
	check $n rtf
done
check phuong-an-binh lists.rtf
check xa-dinh-ke lists.rtf
# "≥" from the Symbol font (word-marks.py's sym, symfont), a tracked
# deletion and hidden text before each target (tracked, hidden).
for f in blind2/xa-son-ha blind2/xa-son-ha.sym blind2/xa-son-ha.symfont blind2/xa-son-ha.tracked \
	blind2/xa-son-ha.hidden blind2/tinh-phu-an blind4/phuong-tay-son blind5/xa-tan-lap \
	blind5/xa-tan-lap.bare blind6/phuong-hung-thinh.pandoc blind6/so-nnmt-tan-an.pandoc \
	blind8/xa-hoa-son.gdocs; do
	gold=$data/${f%%/*}
	n=${f#*/}
	rest=${n#${n%%.*}}
	check "${n%%.*}" "${rest#.}${rest:+.}rtf"
done
# The hidden text left out is said.
run xa-son-ha.hidden 0 parse "$v/xa-son-ha.hidden.rtf" --format json || true
jq -r '.plan.warnings[].message' "$tmp/out" 2> /dev/null | grep -q "chữ ẩn" && ok ||
	bad "xa-son-ha.hidden.rtf: no warning of hidden text"

# fact FILE JQ WANT: the parse's JSON through JQ is WANT.
fact() {
	local got
	got=$(timeout 120 "$bin" parse "$v/$1" --format json 2> /dev/null | jq -c "$2")
	[ "$got" = "$3" ] && ok || bad "$1: $2: got $got, want $3"
}
# Word-style RTF (make-hand.py): Windows-1258 bytes, \uN under \uc1 and
# \uc0, a group row merged across, the lead merged down, "≥" from Symbol,
# hidden and deleted text, \listtext numbers, a field's result.
f=word-style.rtf
fact $f '.plan.number' '"87/KH-UBND"'
fact $f '.plan.date' '"2025-10-08"'
fact $f '.plan.title' '"Kế hoạch phát triển kinh tế số trên địa bàn xã năm 2025 và giai đoạn 2026-2030"'
fact $f '.plan.groups' '[{"code":"I","name":"Hạ tầng số"}]'
fact $f '[.plan.indicators[]|[.name,.unit,.lead]][0:2]' \
	'[["Tỷ lệ hộ gia đình có cáp quang","%","Phòng Kinh tế"],["Số điểm phát wifi công cộng","Điểm","Phòng Kinh tế"]]'
fact $f '[.plan.indicators[]|[.targets[]?|.text]][0:2]' '[["≥95","100"],["10","20"]]'
fact $f '[.plan.indicators[]|[.targets[]?|.value]][0:2]' '[[95,100],[10,20]]'
fact $f '[.plan.indicators[]|.code]' '["I.1","I.2","I.3"]'
# The nested table's text read into its cell, said by a warning; the
# character beyond U+FFFF (a surrogate pair) kept; the row around it read.
fact $f '[.plan.indicators[]|.name|select(test("𝟏"))|test("Ghi chú")]' '[true]'
fact $f '.plan.indicators[2]|[.unit,.lead,[.targets[]|.value]]' '["Doanh nghiệp","Phòng Văn hóa - Xã hội",[5,12]]'
fact $f '[.plan.warnings[].message | select(test("bảng lồng"))] | length' '1'
fact $f '[.plan.warnings[].message | select(test("chữ ẩn.*“55”"))] | length' '1'
# Without a table: read as LibreOffice's .docx of it is.
want=$(timeout 120 "$bin" parse "$v/word-notable.docx" --format json 2> /dev/null | jq -c '.plan.indicators')
fact word-notable.rtf '.plan.indicators' "$want"
fact word-notable.typed.rtf '.plan.indicators' "$want"

broken bad-truncated.rtf "bị cắt cụt" "byte 22589"
broken bad-unbalanced.rtf "ngoặc" "byte"
broken bad-deep.rtf "lồng" "byte"
broken cp932.rtf "932" "Lưu thành"
finish parse_rtf
