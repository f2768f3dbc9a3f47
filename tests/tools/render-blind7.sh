#!/usr/bin/env bash
# render-blind7.sh OUTDIR: the plans of tests/data/blind7 (NAME.html, from
# tests/tools/make-blind7.py) as an office holds them, by generators the
# earlier rounds did not use:
#   NAME.odt         LibreOffice Writer's OpenDocument text from the HTML
#                    (opened as a Writer document);
#   NAME.web.odt     the same saved from Writer/Web (the HTML opened as
#                    LibreOffice opens a web page): its mimetype text-web;
#   NAME.chrome.pdf  chromium --headless --print-to-pdf of the HTML (A4);
#   NAME.xlsx        LibreOffice Calc's workbook from the HTML (row and
#                    column spans as merged cells);
#   NAME.doc         LibreOffice Writer's Word 97–2003 file (chitieu does
#                    not read it: it must say so and what to do);
#   NAME.lo.pdf      Writer's PDF of the HTML: the long table over pages,
#                    its header row (<thead>) repeated on each;
#   NAME.lo.html     Writer's "Save as web page" of its ODT;
#   NAME.docx, NAME.ods  Writer's Word 2007 file and Calc's OpenDocument
#                    sheet of the HTML (a cell's lines: <w:br/>, <text:p>s).
# Needs soffice, chromium.
set -eu
out=$1
profile=$(mktemp -d)
work=$(mktemp -d)
trap 'rm -rf "$profile" "$work"' EXIT
lo() {
	soffice -env:UserInstallation="file://$profile" --headless "$@" > /dev/null 2>&1
}
odt() {
	lo --infilter="HTML (StarWriter)" --convert-to odt:writer8 --outdir "$work" "$out/$1.html"
	mv "$work/$1.odt" "$out/$1.odt"
}
webodt() {
	lo --convert-to odt:writer8 --outdir "$work" "$out/$1.html"
	mv "$work/$1.odt" "$out/$1.web.odt"
}
chrome() {
	chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
		--user-data-dir="$work/chrome" --print-to-pdf="$out/$1.chrome.pdf" "file://$out/$1.html" > /dev/null 2>&1
}
xlsx() {
	lo --infilter="HTML (StarCalc)" --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$out" "$out/$1.html"
}
docx() {
	lo --infilter="HTML (StarWriter)" --convert-to docx:"MS Word 2007 XML" --outdir "$out" "$out/$1.html"
}
ods() {
	lo --infilter="HTML (StarCalc)" --convert-to ods:calc8 --outdir "$out" "$out/$1.html"
}
doc() {
	lo --convert-to doc:"MS Word 97" --outdir "$out" "$out/$1.html"
}
lopdf() {
	lo --convert-to odt:writer8 --outdir "$work" "$out/$1.html"
	lo --convert-to pdf:writer_pdf_Export --outdir "$work" "$work/$1.odt"
	mv "$work/$1.pdf" "$out/$1.lo.pdf"
	mkdir -p "$work/h"
	lo --convert-to html:"HTML (StarWriter)" --outdir "$work/h" "$work/$1.odt"
	mv "$work/h/$1.html" "$out/$1.lo.html"
}
out=$(cd "$out" && pwd)
odt xa-tan-hoa
chrome xa-tan-hoa
xlsx so-khcn-phu-lam
odt so-khcn-phu-lam
docx so-khcn-phu-lam
ods so-khcn-phu-lam
doc so-khcn-phu-lam
chrome phuong-phu-my
lopdf xa-long-phuoc
webodt xa-long-phuoc
