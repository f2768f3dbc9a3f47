#!/usr/bin/env bash
# make-office-scans.sh OUT.pdf IN.pdf STAMP_PAGE STAMP_Y [DPI [TURN_PAGE TURN]]:
# an image-only PDF of IN.pdf as an office scans a signed, stamped paper
# copy (issue 12), not a clean rendering with noise:
# - its pages with text only (a blank page is not fed to the scanner),
#   rasterised at DPI (200 unless told; 200-300 in offices) by pdftoppm;
# - on page STAMP_PAGE (of IN.pdf), a red round seal (two rings, the
#   issuer's name bent along the ring, a star) and a signature in blue ink,
#   centred STAMP_Y points from the top, 62 % across (the seal over the
#   target columns, the signature over the agencies of the table rows
#   printed there: the last rows of the indicator table);
# - every page on grey paper lit unevenly (a radial shading, darker at the
#   corners), a little noise, turned a little off the level (0.6 to 1.4
#   degrees, each page its own way), the scanner's dark lid showing in the
#   corners turned in;
# - page TURN_PAGE fed upside down (TURN=180) or sideways (TURN=90);
# - JPEG at quality 45: the stamped page in colour (as a scanner keeps a
#   page with colour on it), the others in grey; put into a PDF without
#   any text by img2pdf.
# Needs pdftoppm, pdftotext (poppler-utils), convert (imagemagick),
# img2pdf and the DejaVu fonts: scripts/install-deps.sh check.
set -euo pipefail
out=$1 in=$2 stamp_page=$3 stamp_y=$4 dpi=${5:-200} turn_page=${6:-0} turn=${7:-0}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
red='rgb(200,32,48)'
font=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
# The seal, 1.5 inch across (38 mm, as a commune's seal), drawn at DPI.
d=$((dpi * 3 / 2)) r=$((dpi * 3 / 4))
convert -background none -fill "$red" -font "$font" -pointsize $((dpi / 10)) \
	label:"ỦY BAN NHÂN DÂN * TỈNH * ỦY BAN NHÂN DÂN" -distort Arc 340 "$tmp/arc.png"
convert -size ${d}x${d} xc:none -fill none -stroke "$red" \
	-strokewidth $((dpi / 40)) -draw "circle $r,$r $r,$((dpi / 40))" \
	-strokewidth $((dpi / 80)) -draw "circle $r,$r $r,$((r * 2 / 5))" \
	-fill "$red" -stroke none \
	-draw "polygon $r,$((r - dpi / 8)) $((r + dpi / 30)),$((r - dpi / 30)) $((r + dpi / 8)),$((r - dpi / 30)) $((r + dpi / 20)),$((r + dpi / 40)) $((r + dpi / 12)),$((r + dpi / 8)) $r,$((r + dpi / 16)) $((r - dpi / 12)),$((r + dpi / 8)) $((r - dpi / 20)),$((r + dpi / 40)) $((r - dpi / 8)),$((r - dpi / 30)) $((r - dpi / 30)),$((r - dpi / 30))" \
	\( "$tmp/arc.png" -resize $((d * 80 / 100))x$((d * 80 / 100)) \) -gravity center -composite \
	-channel A -evaluate multiply 0.85 +channel "$tmp/seal.png"
pdftoppm -r "$dpi" "$in" "$tmp/p"
pages=()
n=0
for p in "$tmp"/p-*.ppm; do
	n=$((n + 1))
	k=$((10#$(basename "$p" .ppm | sed 's/^p-//')))
	[ -n "$(pdftotext -f "$k" -l "$k" "$in" - | tr -d '[:space:]\f')" ] || continue
	read -r w h < <(identify -format '%w %h\n' "$p")
	angle=$(awk -v n="$n" 'BEGIN { a = 0.6 + (n * 0.37) % 0.8; printf "%.2f", n % 2 ? a : -a }')
	args=()
	colour=(-colorspace Gray)
	if [ "$k" -eq "$stamp_page" ]; then
		cx=$((w * 62 / 100)) cy=$((stamp_y * dpi / 72))
		# The signature: a few pen strokes in blue ink, the seal over
		# its left end (as a seal is put on a signature).
		sx=$((cx + r / 3)) sy=$((cy - dpi / 6))
		args+=(-fill none -stroke 'rgb(30,40,140)' -strokewidth $((dpi / 60 + 1))
			-draw "path 'M $sx,$((sy + dpi / 5)) C $((sx + dpi / 5)),$((sy - dpi / 3)) $((sx + dpi / 3)),$((sy + dpi / 2)) $((sx + dpi / 2)),$sy S $((sx + dpi * 3 / 4)),$((sy + dpi / 3)) $((sx + dpi)),$((sy - dpi / 10)) S $((sx + dpi * 5 / 4)),$((sy + dpi / 4)) $((sx + dpi * 3 / 2)),$((sy + dpi / 12))'"
			-draw "path 'M $((sx + dpi / 10)),$((sy + dpi / 3)) Q $((sx + dpi * 3 / 4)),$((sy + dpi / 5)) $((sx + dpi * 8 / 5)),$((sy + dpi / 4))'"
			\( "$tmp/seal.png" -rotate 12 \) -gravity northwest -geometry +$((cx - r))+$((cy - r)) -compose multiply -composite -compose over)
		colour=()
	fi
	turned=()
	[ "$k" -eq "$turn_page" ] && turned=(-rotate "$turn")
	convert "$p" "${args[@]}" \
		\( -size "$((w * 3 / 2))x$((h * 3 / 2))" radial-gradient:'#f4f2ee-#a8a6a2' -gravity center -crop "${w}x${h}+0+0" +repage \) \
		-gravity northwest -compose multiply -composite -compose over \
		-seed "$n" -attenuate 0.25 +noise Gaussian \
		-background '#5a5a5a' -rotate "$angle" -gravity center -crop "${w}x${h}+0+0" +repage \
		"${turned[@]}" "${colour[@]}" -quality 45 -units PixelsPerInch -density "$dpi" "$tmp/s-$k.jpg"
	pages+=("$tmp/s-$k.jpg")
done
img2pdf --pillow-limit-break -o "$out" "${pages[@]}"
ls -l "$out" | awk '{ printf "%s %s\n", $5, $9 }'
