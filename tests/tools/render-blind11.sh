#!/usr/bin/env bash
# render-blind11.sh TEXTDIR SCANDIR: the PDFs of tests/data/blind11 and
# tests/data/scans/blind11 from the pages make-blind11.py writes there:
# each printed by LibreOffice (soffice, HTML to PDF), then
#   tinh-ha-lam.pdf             the plan (portrait) and its appendix
#       (landscape pages, A4 set sideways by @page), joined by qpdf
#   tinh-ha-lam.rotate90.pdf    the appendix pages as Word's printers give
#       a landscape section: a portrait MediaBox, the content drawn turned
#       a quarter (qpdf --rotate=-90 --flatten-rotation) and /Rotate 90 so
#       that a viewer shows it upright
#   tinh-ha-lam.rotate270.pdf   the same turned the other way, /Rotate 270
#   tinh-ha-lam.turned.pdf      the appendix printed portrait, its pages
#       then given /Rotate 90 (qpdf --rotate=+90:2-N): shown sideways
#   tinh-ha-lam.scanned-appendix.pdf  the plan's page typed, the appendix's
#       pages scanned and given tesseract's invisible text layer
#   phuong-an-loc-tay.ocr.scan.pdf      a "searchable" scan: the page at
#       200 dpi grey, noise, then tesseract -l vie ... pdf: the image and
#       an invisible text layer (render mode 3), as ocrmypdf and office
#       scanners make
#   phuong-an-loc-tay.eng.ocr.scan.pdf  the same image, its text layer
#       read by tesseract -l eng (Vietnamese letters lost, a poor layer)
#   xa-ea-tul-bac.sideways.scan.pdf     a landscape table page scanned
#       sideways: the image turned 90 degrees onto a portrait page
#   phuong-dong-xuyen-nam.upside.scan.pdf  a portrait page scanned upside
#       down (180 degrees)
# Needs soffice, qpdf, pdftoppm, convert, img2pdf and tesseract (the
# Debian package tesseract-ocr, with tesseract-ocr-eng).
set -euo pipefail
text=$(cd "$1" && pwd)
scans=$(cd "$2" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
soffice -env:UserInstallation="file://$tmp/profile" --headless --convert-to pdf:writer_pdf_Export \
	--outdir "$tmp" "$text"/tinh-ha-lam.html "$text"/tinh-ha-lam.appendix.html \
	"$text"/tinh-ha-lam.appendix-portrait.html "$scans"/phuong-an-loc-tay.html \
	"$scans"/xa-ea-tul-bac.html "$scans"/phuong-dong-xuyen-nam.html > /dev/null 2>&1
show() { ls -l "$1" | awk '{ printf "%s %s\n", $5, $9 }'; }
# the text PDFs
body=$(pdfinfo "$tmp/tinh-ha-lam.pdf" | awk '/^Pages:/ { print $2 }')
qpdf --empty --pages "$tmp/tinh-ha-lam.pdf" "$tmp/tinh-ha-lam.appendix.pdf" -- "$text/tinh-ha-lam.pdf"
qpdf "$tmp/tinh-ha-lam.appendix.pdf" --rotate=-90 --flatten-rotation "$tmp/a90.pdf"
qpdf "$tmp/a90.pdf" --rotate=+90 "$tmp/b90.pdf"
qpdf "$tmp/tinh-ha-lam.appendix.pdf" --rotate=+90 --flatten-rotation "$tmp/a270.pdf"
qpdf "$tmp/a270.pdf" --rotate=-90 "$tmp/b270.pdf"
qpdf --empty --pages "$tmp/tinh-ha-lam.pdf" "$tmp/b90.pdf" -- "$text/tinh-ha-lam.rotate90.pdf"
qpdf --empty --pages "$tmp/tinh-ha-lam.pdf" "$tmp/b270.pdf" -- "$text/tinh-ha-lam.rotate270.pdf"
qpdf --empty --pages "$tmp/tinh-ha-lam.pdf" "$tmp/tinh-ha-lam.appendix-portrait.pdf" -- "$tmp/portrait.pdf"
all=$(pdfinfo "$tmp/portrait.pdf" | awk '/^Pages:/ { print $2 }')
qpdf "$tmp/portrait.pdf" --rotate=+90:$((body + 1))-"$all" "$text/tinh-ha-lam.turned.pdf"
# the plan typed, its appendix's pages scanned and made searchable
# (tesseract -l vie pdf, a page each), as an office sends a signed
# appendix: tinh-ha-lam.scanned-appendix.pdf
pdftoppm -r 200 -gray "$tmp/tinh-ha-lam.appendix.pdf" "$tmp/appx-p"
layers=()
for p in "$tmp"/appx-p-*.pgm; do
	convert "$p" -background white -rotate 0.3 -seed 11 -attenuate 0.3 +noise Gaussian \
		-quality 50 -units PixelsPerInch -density 200 "${p%.pgm}.jpg"
	OMP_THREAD_LIMIT=1 tesseract "${p%.pgm}.jpg" "${p%.pgm}" -l vie --dpi 200 pdf > /dev/null 2>&1
	layers+=("${p%.pgm}.pdf")
done
qpdf --empty --pages "$tmp/tinh-ha-lam.pdf" "${layers[@]}" -- "$text/tinh-ha-lam.scanned-appendix.pdf"
for f in tinh-ha-lam tinh-ha-lam.rotate90 tinh-ha-lam.rotate270 tinh-ha-lam.turned tinh-ha-lam.scanned-appendix; do
	show "$text/$f.pdf"
done
# grey: every page of NAME at 200 dpi, noise as a scanner's (fixed seed)
grey() {
	pdftoppm -r 200 -gray "$tmp/$1.pdf" "$tmp/$1-p"
	for p in "$tmp/$1"-p-*.pgm; do
		convert "$p" "${@:2}" -seed 11 -attenuate 0.3 +noise Gaussian \
			-units PixelsPerInch -density 200 "${p%.pgm}.png"
	done
}
# the searchable scans: tesseract's PDF is the image and its words, invisible
# (from a JPEG, which tesseract puts in the PDF as it is)
grey phuong-an-loc-tay -background white -rotate 0.4
convert "$tmp"/phuong-an-loc-tay-p-1.png -quality 50 "$tmp"/phuong-an-loc-tay-p-1.jpg
OMP_THREAD_LIMIT=1 tesseract "$tmp"/phuong-an-loc-tay-p-1.jpg "$tmp/vie" -l vie --dpi 200 pdf > /dev/null 2>&1
OMP_THREAD_LIMIT=1 tesseract "$tmp"/phuong-an-loc-tay-p-1.jpg "$tmp/eng" -l eng --dpi 200 pdf > /dev/null 2>&1
cp "$tmp/vie.pdf" "$scans/phuong-an-loc-tay.ocr.scan.pdf"
cp "$tmp/eng.pdf" "$scans/phuong-an-loc-tay.eng.ocr.scan.pdf"
# scan NAME SUFFIX: NAME's pages (grey) as JPEGs in a PDF without text
scan() {
	local pages=()
	for p in "$tmp/$1"-p-*.png; do
		convert "$p" -quality 50 -units PixelsPerInch -density 200 "${p%.png}.jpg"
		pages+=("${p%.png}.jpg")
	done
	img2pdf --pillow-limit-break -o "$scans/$1$2.scan.pdf" "${pages[@]}"
}
grey xa-ea-tul-bac -background white -rotate 0.3 -rotate 90
scan xa-ea-tul-bac .sideways
grey phuong-dong-xuyen-nam -background white -rotate 180.5
scan phuong-dong-xuyen-nam .upside
for f in phuong-an-loc-tay.ocr phuong-an-loc-tay.eng.ocr xa-ea-tul-bac.sideways phuong-dong-xuyen-nam.upside; do
	show "$scans/$f.scan.pdf"
done
