#!/usr/bin/env bash
# parse_xls.sh: Excel 97–2003 workbooks (.xls: BIFF8 in an OLE2 compound
# file) read as their .xlsx or .ods is read (tests/data/xls, LibreOffice's
# "MS Excel 97" renderings of every .xlsx and .ods of tests/data that has
# a golden; see its README): against the same golden, the same facts and
# the same differences listed, word for word (cells shown as the sheet
# shows them: "03", "95%", dates; merged cells, hidden rows, columns and
# sheets as in the original); the whole plan read identical. A broken, encrypted, too old or foreign
# file refused with one line saying what is wrong and what to do.
# Before (s26): every .xls refused as an old format.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
here=$(dirname "$0")
x=$data/xls

# parsed NAME FILE: FILE parsed once (its output, errors and exit status
# kept), and $tmp/NAME a stand-in for the binary that gives them again, so
# that the facts scripts read that parse (the .xls are many: each parsed
# once, ASan's build within the test's time).
parsed() {
	"$bin" parse "$2" > "$tmp/$1.out" 2> "$tmp/$1.err"
	echo $? > "$tmp/$1.rc"
	printf '#!/bin/sh\ncat "%s"\ncat "%s" >&2\nexit $(cat "%s")\n' \
		"$tmp/$1.out" "$tmp/$1.err" "$tmp/$1.rc" > "$tmp/$1"
	chmod +x "$tmp/$1"
}
# facts NAME FILE GOLDEN: the facts script's report of parsed NAME (FILE's
# path left out).
facts() {
	local g=$3 script=variants_facts.py args=
	case $g in */golden/*) script=layout_facts.py args="0 0 loose" ;; esac
	python3 "$here/$script" "$tmp/$1" "$2" "$g" $args 2>&1 | sed "s|$2||g"
}

# The hidden sheet, rows and column of parse_office_marks.sh's .xlsx,
# made again as their .xls were made from (sheet-hidden.py).
for n in phuong-thanh-cong xa-quang-tien phuong-hiep-thanh; do
	for m in sheet rows column; do
		python3 "$here/../tools/sheet-hidden.py" "$data/blind2/$n.xlsx" "$tmp/$n.$m.xlsx" $m ||
			bad "$n.$m.xlsx: not made"
	done
done

for f in "$x"/*/*.xls; do
	d=$(basename "$(dirname "$f")")
	b=$(basename "$f" .xls)
	case $b in
	*.ods) src=$data/$d/${b%.ods}.ods ;;
	*) src=$data/$d/$b.xlsx ;;
	esac
	[ -f "$src" ] || src=$tmp/$b.xlsx
	# The .ods reader keeps this .ods's own text "2.5", "1.2" of two number
	# cells (2.5 and 1.2); its .xls reads as the .xlsx does: "2,5", "1,2".
	[ "$d/$b" = blind5/benh-vien-nam-son.ods ] && src=$data/$d/benh-vien-nam-son.xlsx
	n=${b%%.*}
	g=$data/$d/$n.golden.json
	[ -f "$g" ] || g=$data/golden/$n.json
	[ -f "$g" ] || g=$data/variants/$n.golden.json
	[ -f "$g" ] || g=$data/blind2/$n.golden.json
	parsed want "$src"
	parsed got "$f"
	want=$(facts want "$src" "$g")
	got=$(facts got "$f" "$g")
	if ! grep -q "indicators" <<< "$want"; then
		bad "$d/$b.xls: its source $(basename "$src") reads no facts: $want"
	elif [ "$want" = "$got" ]; then
		ok
		echo "$d/$b.xls:$(tail -n 1 <<< "$got") (as $(basename "$src"))"
	else
		bad "$d/$b.xls: not read as $(basename "$src")"
		diff <(echo "$want") <(echo "$got") | head -n 12
	fi
	# and the whole plan read, warnings and source rows too, identical
	cmp -s "$tmp/want.out" "$tmp/got.out" && cmp -s "$tmp/want.err" "$tmp/got.err" && ok ||
		{ bad "$d/$b.xls: its plan not that of $(basename "$src")"; diff "$tmp/want.out" "$tmp/got.out" | head -n 8; }
done

# Shared strings as Excel may write them (make-rich.py): each with a
# formatting run and phonetic data to skip, the SST cut into CONTINUE
# records of 300 bytes, characters going on after a flags byte.
g=$data/variants/xa-hoa-binh.golden.json
python3 "$here/variants_facts.py" "$bin" "$x/rich.xls" "$g" > "$tmp/facts" 2>&1 && ok ||
	{ bad "rich.xls"; head -n 8 "$tmp/facts"; }
"$bin" parse "$data/variants/xa-hoa-binh.xlsx" > "$tmp/want.json" 2>&1
"$bin" parse "$x/rich.xls" > "$tmp/got.json" 2>&1
cmp -s "$tmp/want.json" "$tmp/got.json" && ok || bad "rich.xls: its plan not that of xa-hoa-binh.xlsx"

# broken FILE WORDS... (facts.bash): exit 2, one line naming the file's
# fault (WORDS).
v=$x
. "$here/facts.bash"
broken bad-truncated.xls "bị hỏng"
broken bad-sst-overflow.xls "bị hỏng" "SST"
broken bad-sst-count.xls "bị hỏng" "SST"
broken bad-sheet-loop.xls "bị hỏng" "trang tính"
broken bad-encrypted.xls "mật khẩu" "Lưu thành" "(.xlsx)"
broken bad-biff5.xls "Excel 5.0/95" "Lưu thành" "(.xlsx)"
broken other-ole.xls "không phải" "Workbook"
finish parse_xls
