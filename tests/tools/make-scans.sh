#!/usr/bin/env bash
# make-scans.sh OUTDIR [NAME...]: image-only PDFs, as a signed paper copy
# comes back from the scanner, of the rendered plans (tests/data/rendered,
# issue 12). The rendered PDFs draw their tables without ruling lines
# (LibreOffice ignores the HTML's CSS borders), and a paper plan's table is
# ruled: so the rendered HTML is converted again with border="1" on its
# tables (soffice), then each page is rasterised in grey at 200 dpi
# (pdftoppm), given Gaussian noise and a 0.5 degree rotation (ImageMagick)
# and put back, one JPEG per page, into a PDF without any text (img2pdf):
#   OUTDIR/NAME.scan.pdf
# FIRST and LAST (page numbers) keep only those pages of each plan.
# RULES=none leaves the table without ruling lines (the rendered HTML as it
# is: many plans print their tables without borders), written to
# OUTDIR/NAME.unruled.scan.pdf; RULES=faint rules it in a very light grey
# that the scanner all but loses (OUTDIR/NAME.faint.scan.pdf).
# SRC (a folder) reads NAME.html there instead of tests/data/rendered
# (the blind sets tests/data/blind2, shapes, targets).
# Needs soffice (libreoffice-writer-nogui), pdftoppm (poppler-utils),
# convert (imagemagick) and img2pdf: scripts/install-deps.sh check.
set -euo pipefail
out=$1
shift
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
src=${SRC:-$here/../data/rendered}
[ $# -gt 0 ] || set -- 002_f65c0da7dbd96e8d
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rules=${RULES:-ruled}
case $rules in
ruled) suffix= ;;
none) suffix=.unruled ;;
faint) suffix=.faint ;;
*) echo "make-scans.sh: RULES is ruled, none or faint" >&2; exit 2 ;;
esac
for name in "$@"; do
	case $rules in
	ruled) sed 's/<table>/<table border="1" cellspacing="0" cellpadding="3">/g' ;;
	none) cat ;;
	faint) sed 's/<table>/<table border="1" bordercolor="#e4e4e4" cellspacing="0" cellpadding="3">/g' ;;
	esac < "$src/$name.html" > "$tmp/$name.html"
	soffice -env:UserInstallation="file://$tmp/profile" --headless --convert-to pdf:writer_pdf_Export \
		--outdir "$tmp" "$tmp/$name.html" > /dev/null 2>&1
	pdftoppm -r 200 -gray ${FIRST:+-f "$FIRST"} ${LAST:+-l "$LAST"} "$tmp/$name.pdf" "$tmp/$name-p"
	pages=()
	for p in "$tmp/$name"-p-*.pgm; do
		# Fixed seed: the same scan every time.
		convert "$p" -seed 12 -attenuate 0.3 +noise Gaussian -background white -rotate 0.5 \
			-quality 50 -units PixelsPerInch -density 200 "${p%.pgm}.jpg"
		pages+=("${p%.pgm}.jpg")
	done
	img2pdf --pillow-limit-break -o "$out/$name$suffix.scan.pdf" "${pages[@]}"
	ls -l "$out/$name$suffix.scan.pdf" | awk '{ printf "%s %s\n", $5, $9 }'
done
