#!/usr/bin/env bash
# render-blind5.sh OUTDIR HTML...: the plans of tests/data/blind5 as an
# office holds them, by generators the earlier rounds did not use:
#   NAME.pdf             printed by Chromium (Skia), as a portal page saved
#                        as PDF: its header (date, title) and footer (the
#                        page's address, "1/3") kept, a table's header
#                        repeated on each page;
#   NAME.pdf.txt, NAME.pdf.layout.txt   pdftotext of it, without and with
#                        -layout;
#   NAME.docx            LibreOffice's Word file;
#   NAME.bare.docx       the same, its tables as a Word template makes them:
#                        no borders, zero cell margins (tests/tools/docx-bare.py);
#   NAME.xlsx, NAME.ods  LibreOffice Calc (a Vietnamese-language Calc,
#                        1066: "1.000" a thousand, "0,5" a half);
#   NAME.portal.txt, NAME.portal.md   the text a legal portal shows
#                        (tests/tools/portal-text.py).
# And, for HTML files named in UNRULED (default phuong-an-phu), NAME.unruled.pdf:
# Chromium's print of the page with its tables' borders removed; for those
# named in THICK (default xa-tan-lap), NAME.thick.pdf: on A4, the tables'
# borders 3px grey, cells padded 7px and set at 14pt, so that the table
# runs over two pages (its header repeated). A NAME.parts.html beside
# NAME.html (written by hand) is printed by Chromium to NAME.parts.pdf.
# The Chromium prints are made from a copy in /tmp/ke-hoach so that the
# footer's address names no checkout. Needs chromium, soffice
# (libreoffice-writer-nogui, libreoffice-calc-nogui), pdftotext.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=$1
shift
unruled=${UNRULED:-phuong-an-phu}
thick=${THICK:-xa-tan-lap}
profile=$(mktemp -d)
page=/tmp/ke-hoach
mkdir -p "$page"
trap 'rm -rf "$profile" "$page"' EXIT
lo() {
	soffice -env:UserInstallation="file://$profile" --headless "$@" --outdir "$out" > /dev/null 2>&1
}
print() { # print HTML PDF: Chromium's print of HTML
	chromium --headless --no-sandbox --disable-gpu --print-to-pdf="$2" "$1" > /dev/null 2>&1
}
for h in "$@"; do
	name=$(basename "$h" .html)
	cp "$h" "$page/$name.html"
	print "$page/$name.html" "$out/$name.pdf"
	pdftotext "$out/$name.pdf" "$out/$name.pdf.txt"
	pdftotext -layout "$out/$name.pdf" "$out/$name.pdf.layout.txt"
	lo --convert-to docx:"MS Word 2007 XML" "$h"
	python3 "$here/docx-bare.py" "$out/$name.docx" "$out/$name.bare.docx"
	lo --infilter="HTML (StarCalc):1066" --convert-to xlsx:"Calc MS Excel 2007 XML" "$h"
	lo --infilter="HTML (StarCalc):1066" --convert-to ods:calc8 "$h"
	python3 "$here/portal-text.py" cells "$h" > "$out/$name.portal.txt"
	python3 "$here/portal-text.py" pipes "$h" > "$out/$name.portal.md"
	for u in $unruled; do
		[ "$u" = "$name" ] || continue
		sed 's/border:1px solid #000;/border:none;/' "$h" > "$page/$name.html"
		print "$page/$name.html" "$out/$name.unruled.pdf"
	done
	if [ -f "${h%.html}.parts.html" ]; then
		cp "${h%.html}.parts.html" "$page/$name.parts.html"
		print "$page/$name.parts.html" "$out/$name.parts.pdf"
	fi
	for u in $thick; do
		[ "$u" = "$name" ] || continue
		sed -e 's/border:1px solid #000;padding:3px;font-size:11pt/border:3px solid #333;padding:7px;font-size:14pt/' \
			-e 's/<style>/<style>@page{size:A4}/' "$h" > "$page/$name.html"
		print "$page/$name.html" "$out/$name.thick.pdf"
	done
done
