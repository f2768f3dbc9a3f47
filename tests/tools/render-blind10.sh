#!/usr/bin/env bash
# render-blind10.sh OUTDIR: the scans and photos of tests/data/scans/blind10
# from the pages make-blind10.py writes there (NAME.html): each printed by
# LibreOffice (soffice, HTML to PDF), rasterised in grey at 200 dpi
# (pdftoppm), distorted as an office's scanner or a phone gives it back
# (ImageMagick, fixed seeds: the same file every time), and put back, one
# JPEG per page, into a PDF without any text (img2pdf):
#   xa-thanh-loi-dong.curled.scan.pdf     the page curled as a bound plan's
#       does on the glass: rows and rules bend (-wave, a half sine across
#       the page: 14 px at 200 dpi), the sides bulge (barrel), noise
#   phuong-hoa-khanh-bac.photo.scan.pdf   a phone photo: the page 3.5 degrees
#       askew and drawn in perspective on a darker desk, a shadow falling
#       over its left edge (a gradient multiplied in), blur, noise
#   xa-tien-thuy-ha.scan.pdf              bullet paragraphs, no table:
#       noise, turned 0.5 degree (as tests/tools/make-scans.sh)
#   so-gddt-lam-son.scan.pdf              a nine-column table with a "Ghi
#       chú" column: noise, turned -0.8 degree
# Needs soffice, pdftoppm, convert and img2pdf: scripts/install-deps.sh check.
set -euo pipefail
out=$(cd "$1" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
soffice -env:UserInstallation="file://$tmp/profile" --headless --convert-to pdf:writer_pdf_Export \
	--outdir "$tmp" "$out"/xa-thanh-loi-dong.html "$out"/phuong-hoa-khanh-bac.html \
	"$out"/xa-tien-thuy-ha.html "$out"/so-gddt-lam-son.html > /dev/null 2>&1
# scan NAME SUFFIX CONVERT-OPTIONS...: every page of NAME through convert
scan() {
	local name=$1 suffix=$2 pages=()
	shift 2
	pdftoppm -r 200 -gray "$tmp/$name.pdf" "$tmp/$name-p"
	for p in "$tmp/$name"-p-*.pgm; do
		convert "$p" "$@" -seed 12 -attenuate 0.3 +noise Gaussian \
			-quality 50 -units PixelsPerInch -density 200 "${p%.pgm}.jpg"
		pages+=("${p%.pgm}.jpg")
	done
	img2pdf --pillow-limit-break -o "$out/$name$suffix.scan.pdf" "${pages[@]}"
	ls -l "$out/$name$suffix.scan.pdf" | awk '{ printf "%s %s\n", $5, $9 }'
}
scan xa-thanh-loi-dong .curled -background white -virtual-pixel white \
	-distort Barrel "0.0 0.0 0.025 0.975" -wave 14x3400 -rotate 0.3
# the shadow: black at the left edge, none from a third of the page on
scan phuong-hoa-khanh-bac .photo -background gray60 -virtual-pixel background \
	-distort Perspective "0,0 60,40  1654,0 1610,70  0,2339 20,2300  1654,2339 1630,2339" \
	-rotate 3.5 \( +clone -fx "min(1, 0.35 + 0.65 * 3 * i / w)" \) \
	-compose multiply -composite -blur 0x0.6
scan xa-tien-thuy-ha "" -background white -rotate 0.5
scan so-gddt-lam-son "" -background white -rotate -0.8
