#!/usr/bin/env bash
# parse_odf.sh: plans an office keeps in LibreOffice's own formats, and
# the older Office formats (tests/data/odf, see its README). The four given
# plans and the hand-written variants as OpenDocument text (.odt) and
# spreadsheet (.ods) read with the same facts as their .docx and .xlsx
# (layout_facts.py and variants_facts.py, as parse_layout.sh and
# parse_variants.sh read them: the same counts identical); list numbering
# kept in list styles (a number column, headings) written out as the
# document shows it; a Word 97–2003 .doc read (parse_doc.sh reads more),
# even named .docx, and imported; an RTF file likewise (parse_rtf.sh reads
# more); an Excel 97–2003 .xls read (parse_xls.sh reads more), even named
# .xlsx, and imported; a bomb of repeated cells refused or cut within
# limits. Before: .odt/.ods refused as "not Word or Excel", .doc/.xls as
# "binary", .rtf as "no table"; until s25 a .doc refused, until s26 an .rtf
# and a .xls.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
here=$(dirname "$0")
o=$data/odf

# counts FACTS.py ARGS...: the "I/N indicators, T/M tasks identical" of a
# reading (empty when refused).
counts() {
	python3 "$here/$1" "$bin" "${@:2}" 2>&1 | grep -o "[0-9]*/[0-9]* indicators, [0-9]*/[0-9]* tasks identical" | tail -n 1
}
# same_as FACTS.py ORIG ODF GOLDEN [ARGS]: ODF reads as many facts identical
# as ORIG does (and ORIG reads some).
same_as() {
	local want got
	want=$(counts "$1" "$2" "$4" ${5:-})
	got=$(counts "$1" "$3" "$4" ${5:-})
	if [ -n "$want" ] && [ "$want" = "$got" ]; then
		ok
		echo "$(basename "$3"): $got (as $(basename "$2"))"
	else
		bad "$(basename "$3"): '${got:-refused}', want '$want' as $(basename "$2")"
		python3 "$here/$1" "$bin" "$3" "$4" ${5:-} 2>&1 | head -n 8
	fi
}

# The four given plans (golden facts in tests/data/golden).
for f in "$data"/rendered/*.docx; do
	n=$(basename "$f" .docx)
	same_as layout_facts.py "$f" "$o/$n.odt" "$data/golden/$n.json" "0 0 loose"
	same_as layout_facts.py "$data/rendered/$n.xlsx" "$o/$n.ods" "$data/golden/$n.json" "0 0 loose"
done
# The variants: every .docx and .xlsx reads identical (parse_variants.sh),
# so must every .odt and .ods.
for g in "$data"/variants/*.golden.json; do
	n=$(basename "$g" .golden.json)
	for e in odt ods; do
		if python3 "$here/variants_facts.py" "$bin" "$o/$n.$e" "$g" > "$tmp/facts" 2>&1; then
			ok
		else
			bad "$n.$e"
			head -n 8 "$tmp/facts"
		fi
	done
done
# List numbering (make-lists.py): a number column whose "I", "I.1" or
# "A", "1" come from the list styles, one list per cell continuing the
# numbering, restarted by each table; the headings "I.", "1.", "II." and
# bullets of a plan whose targets are in its text.
same_as layout_facts.py "$data/rendered/004_5f0b3916b5e2f87f.docx" "$o/004_5f0b3916b5e2f87f.lists.odt" \
	"$data/golden/004_5f0b3916b5e2f87f.json" "0 0 loose"
for n in phuong-an-binh xa-dinh-ke; do
	python3 "$here/variants_facts.py" "$bin" "$o/$n.lists.odt" "$data/variants/$n.golden.json" > "$tmp/facts" 2>&1 &&
		ok || { bad "$n.lists.odt"; head -n 8 "$tmp/facts"; }
done

# Flat XML (.fodt, .fods: LibreOffice's "Flat XML ODF", the package as one
# XML file): the same facts as the package, told by content, even named
# .txt; an image's base64 inside the title's paragraph is no text (before:
# read as a text file, the table-less plan's title, number and date lost,
# the tables not found: 0/11).
for f in "$o"/*.fodt "$o"/*.fods; do
	n=$(basename "$f"); n=${n%.*}
	python3 "$here/variants_facts.py" "$bin" "$f" "$data/variants/$n.golden.json" > "$tmp/facts" 2>&1 &&
		ok || { bad "$(basename "$f")"; head -n 8 "$tmp/facts"; }
done
cp "$o/phuong-an-binh.fods" "$tmp/phuong-an-binh.txt"
python3 "$here/variants_facts.py" "$bin" "$tmp/phuong-an-binh.txt" "$data/variants/phuong-an-binh.golden.json" \
	> "$tmp/facts" 2>&1 && ok || { bad "flat .fods named .txt"; head -n 8 "$tmp/facts"; }
# A flat presentation: refused saying what it is, nothing read.
printf '%s' '<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:mimetype="application/vnd.oasis.opendocument.presentation"><office:body><office:presentation><table:table><table:table-row><table:table-cell><text:p>STT</text:p></table:table-cell><table:table-cell><text:p>Chỉ tiêu</text:p></table:table-cell></table:table-row></table:table></office:presentation></office:body></office:document>' > "$tmp/slides.fodp"
run fodp 2 parse "$tmp/slides.fodp" && grep -qF "presentation" "$tmp/err" && ok || bad "fodp: $(cat "$tmp/err")"
# Malformed: where and why.
head -c 20000 "$o/phuong-an-binh.fodt" > "$tmp/cut.fodt"
run cut-fodt 2 parse "$tmp/cut.fodt" && grep -q "XML.*dòng [0-9]" "$tmp/err" && ok || bad "cut fodt: $(cat "$tmp/err")"

# Told by content: a .doc or an .rtf, even named .docx, reads as the
# variant; so does the .xls, even named .xlsx.
cp "$o/xa-hoa-binh.doc" "$tmp/plan.docx"
cp "$o/xa-hoa-binh.rtf" "$tmp/plan-rtf.docx"
cp "$o/xa-hoa-binh.xls" "$tmp/plan.xlsx"
for f in "$o/xa-hoa-binh.doc" "$tmp/plan.docx" "$o/xa-hoa-binh.rtf" "$tmp/plan-rtf.docx" \
	"$o/xa-hoa-binh.xls" "$tmp/plan.xlsx"; do
	python3 "$here/variants_facts.py" "$bin" "$f" "$data/variants/xa-hoa-binh.golden.json" > "$tmp/facts" 2>&1 &&
		ok || { bad "$(basename "$f")"; head -n 8 "$tmp/facts"; }
done

# Imported: the .odt, the .doc and the .xls stored.
use_db
run unit 0 unit add --code A --name "Xã A" --kind commune
run import-odt 0 import "$o/002_f65c0da7dbd96e8d.odt" --unit A
run unit-b 0 unit add --code B --name "Xã B" --kind commune
run import-doc 0 import "$o/xa-hoa-binh.doc" --unit B
run unit-c 0 unit add --code C --name "Xã C" --kind commune
run import-xls 0 import "$o/xa-hoa-binh.xls" --unit C
[ "$(count "select count(*) from plans")" -eq 3 ] && ok || bad "plans stored: $(count "select count(*) from plans"), want 3"

# A bomb of repeats: one text cell repeated over every column of a
# million rows, in a spreadsheet and in a text document, read within the
# limits (refused, or cut with a warning).
bomb() {
	python3 - "$1" "$2" << 'EOF'
import sys, zipfile
out, kind = sys.argv[1:3]
cell = '<table:table-cell table:number-columns-repeated="1000000"><text:p>Chỉ tiêu</text:p></table:table-cell>'
row = '<table:table-row table:number-rows-repeated="1000000">' + cell + '</table:table-row>'
body = '<office:%s><table:table>%s%s</table:table></office:%s>' % (kind, row, row, kind)
xml = ('<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
       'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
       'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body>%s</office:body>'
       '</office:document-content>' % body)
with zipfile.ZipFile(out, "w") as z:
    z.writestr("mimetype", "application/vnd.oasis.opendocument." + kind)
    z.writestr("content.xml", xml)
EOF
}
for k in spreadsheet:ods text:odt; do
	bomb "$tmp/bomb.${k#*:}" "${k%:*}"
	timeout 120 "$bin" parse "$tmp/bomb.${k#*:}" > "$tmp/out" 2> "$tmp/err"
	rc=$?
	if { [ $rc -eq 2 ] && grep -q "bom nén\|quá lớn" "$tmp/err"; } ||
		{ [ $rc -eq 0 ] && grep -q "chỉ đọc" "$tmp/out"; }; then
		ok
	else
		bad "bomb.${k#*:}: exit $rc: $(head -c 300 "$tmp/err")"
	fi
done

finish parse_odf
