#!/usr/bin/env bash
# parse_office_marks.sh: office files as offices' copies often are. A Word
# file: "≥" put in
# from the Symbol font (w:sym, or a Symbol-font run holding "\xb3" or
# U+F0B3), tracked changes (a deleted figure, a moved-away one), hidden
# runs, a tracked change of formatting. The blind plans' .docx so changed
# (tests/tools/word-marks.py) read as their golden facts: only what Word
# shows is read, a symbol as the character it shows. Before (15 of 21
# checks failed): "≥" lost from the targets of 7 of 23 indicators; with
# moved-away or hidden runs no indicator read right, 38 wrong figures.
# A spreadsheet with a hidden sheet (an older copy of the table), hidden
# rows, a hidden column, each holding other figures
# (tests/tools/sheet-hidden.py): only what Excel shows is read, and a
# warning says what hidden part held text; the same in .ods. Before (20
# of these 24 checks failed): 91 wrong figures from the hidden sheets and
# rows; the hidden column read beside the one shown; nothing said of any.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
here=$(dirname "$0")
v=$tmp
. "$here/facts.bash"
# said FILE: a warning names the hidden part not read.
said() {
	if "$bin" parse "$1" --format json | grep -q 'ẩn.*không được đọc'; then
		ok
	else
		bad "$(basename "$1"): no warning names the hidden part"
	fi
}
# Word's hidden runs are said as LibreOffice's are (quoting the first);
# the old formatting of a tracked change, hidden then, hides nothing now.
for name in xa-son-ha tinh-phu-an phuong-thanh-cong; do
	cp "$data/blind2/$name.golden.json" "$tmp/"
	for mode in sym symfont symprivate tracked moved hidden formatchange; do
		python3 "$here/../tools/word-marks.py" "$data/blind2/$name.docx" "$tmp/$name.$mode.docx" $mode ||
			{ bad "$name $mode: not made"; continue; }
		check "$name" "$mode.docx"
	done
	said "$tmp/$name.hidden.docx"
	"$bin" parse "$tmp/$name.formatchange.docx" --format json | grep -q 'ẩn.*không được đọc' &&
		bad "$name.formatchange.docx: hidden text said where none is hidden" || ok
done
for name in phuong-thanh-cong xa-quang-tien phuong-hiep-thanh; do
	cp "$data/blind2/$name.golden.json" "$tmp/"
	for mode in sheet rows column; do
		python3 "$here/../tools/sheet-hidden.py" "$data/blind2/$name.xlsx" "$tmp/$name.$mode.xlsx" $mode ||
			{ bad "$name $mode: not made"; continue; }
		check "$name" "$mode.xlsx"
		said "$tmp/$name.$mode.xlsx"
	done
done
# The same in OpenDocument spreadsheets (LibreOffice's conversions of
# phuong-hiep-thanh's three, a hidden sheet written table:display="false",
# rows and a column table:visibility="collapse").
for mode in sheet rows column; do
	cp "$data/odf/phuong-hiep-thanh.hidden-$mode.ods" "$tmp/"
	check phuong-hiep-thanh "hidden-$mode.ods"
	said "$tmp/phuong-hiep-thanh.hidden-$mode.ods"
done
# An OpenDocument text with text LibreOffice hides beside each figure
# (tests/tools/odt-hidden.py): a span or paragraph in a style with
# text:display="none" (its own, or a style of styles.xml it inherits from),
# a hidden text field, a hidden paragraph field, an older copy of the
# table in a hidden section. Only what LibreOffice shows is read (its PDF
# of each shows no hidden "55"), and a warning says hidden text was not
# read. Before (36 of these 36 checks failed): 61 wrong figures, nothing
# said.
for name in xa-my-loc phuong-dong-tien so-khcn-lam-vien; do
	cp "$data/variants/$name.golden.json" "$tmp/"
	for mode in span charstyle paragraph hiddentext hiddenpara section; do
		python3 "$here/../tools/odt-hidden.py" "$data/odf/$name.odt" "$tmp/$name.$mode.odt" $mode ||
			{ bad "$name $mode: not made"; continue; }
		check "$name" "$mode.odt"
		said "$tmp/$name.$mode.odt"
	done
done
finish parse_office_marks
