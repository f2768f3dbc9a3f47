#!/usr/bin/env bash
# render-blind6.sh OUTDIR: the plans of tests/data/blind6 (NAME.html, from
# tests/tools/make-blind6.py) as an office holds them, by generators the
# earlier rounds did not use:
#   NAME.wk.pdf          wkhtmltopdf (Qt WebKit), A4, its own margins;
#   NAME.wk.pdf.layout.txt   pdftotext -layout of it;
#   NAME.land.pdf        LibreOffice Writer from the HTML, its page set to A4
#                        landscape with 1.5 cm margins, exported to PDF;
#   NAME.docx            LibreOffice's Word file;
#   NAME.pandoc.docx     pandoc's Word file (pandoc -f html -t docx);
#   xa-binh-son.photo.pdf   a phone photo of the wkhtmltopdf page holding
#                        the indicators' table: 150 dpi grey, turned 1.5°,
#                        the sheet in perspective, lit unevenly (a corner
#                        darker), noise, JPEG quality 60, img2pdf.
# Needs wkhtmltopdf, pandoc (Debian packages), soffice, pdftotext,
# pdftoppm, ImageMagick's convert, img2pdf.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=$1
profile=$(mktemp -d)
work=$(mktemp -d)
trap 'rm -rf "$profile" "$work"' EXIT
lo() {
	soffice -env:UserInstallation="file://$profile" --headless "$@" > /dev/null 2>&1
}
landscape() { # landscape ODT: the page of every page layout A4 landscape
	python3 - "$1" <<'PY'
import re, sys, zipfile, shutil
src = sys.argv[1]
tmp = src + ".tmp"
with zipfile.ZipFile(src) as z, zipfile.ZipFile(tmp, "w") as o:
    for i in z.infolist():
        data = z.read(i.filename)
        if i.filename == "styles.xml":
            s = data.decode()
            def fix(m):
                p = m.group(0)
                p = re.sub(r'fo:page-width="[^"]*"', 'fo:page-width="29.7cm"', p)
                p = re.sub(r'fo:page-height="[^"]*"', 'fo:page-height="21cm"', p)
                p = re.sub(r'style:print-orientation="[^"]*"', '', p)
                p = re.sub(r'fo:margin-(top|bottom|left|right)="[^"]*"', r'fo:margin-\1="1.5cm"', p)
                return p.replace("<style:page-layout-properties", '<style:page-layout-properties style:print-orientation="landscape"', 1)
            s = re.sub(r"<style:page-layout-properties[^>]*>", fix, s)
            data = s.encode()
        o.writestr(i, data, compress_type=zipfile.ZIP_STORED if i.filename == "mimetype" else zipfile.ZIP_DEFLATED)
shutil.move(tmp, src)
PY
}
wk() {
	wkhtmltopdf -q --page-size A4 --encoding utf-8 "$out/$1.html" "$out/$1.wk.pdf" > /dev/null 2>&1 || [ -s "$out/$1.wk.pdf" ]
	pdftotext -layout "$out/$1.wk.pdf" "$out/$1.wk.pdf.layout.txt"
}
land() {
	lo --convert-to odt:writer8 --outdir "$work" "$out/$1.html"
	landscape "$work/$1.odt"
	lo --convert-to pdf:writer_pdf_Export --outdir "$work" "$work/$1.odt"
	mv "$work/$1.pdf" "$out/$1.land.pdf"
}
pandocx() {
	pandoc -f html -t docx -o "$out/$1.pandoc.docx" "$out/$1.html"
}
photo() { # photo NAME PAGE
	pdftoppm -r 150 -gray -f "$2" -l "$2" -png "$out/$1.wk.pdf" "$work/p"
	local png
	png=$(ls "$work"/p*.png)
	local w h
	w=$(identify -format '%w' "$png")
	h=$(identify -format '%h' "$png")
	convert "$png" -background white -rotate 1.5 +repage \
		-virtual-pixel white -distort Perspective \
		"0,0 $((w / 40)),$((h / 60))  $w,0 $((w - w / 80)),0  0,$h 0,$((h - h / 100))  $w,$h $((w - w / 30)),$((h - h / 40))" \
		\( +clone -sparse-color Barycentric "0,0 gray(100%) $w,$h gray(62%)" \) -compose multiply -composite \
		-seed 6 -attenuate 0.4 +noise Gaussian -colorspace gray -quality 60 "$work/photo.jpg"
	img2pdf "$work/photo.jpg" -o "$out/$1.photo.pdf"
}
wk xa-binh-son
photo xa-binh-son 1
wk so-nnmt-tan-an
pandocx so-nnmt-tan-an
lo --convert-to docx:"MS Word 2007 XML" --outdir "$out" "$out/phuong-hung-thinh.html"
land phuong-hung-thinh
pandocx phuong-hung-thinh
land phuong-thanh-loc
pandocx phuong-thanh-loc
wk phuong-thanh-loc
