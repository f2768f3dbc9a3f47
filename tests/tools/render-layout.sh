#!/usr/bin/env bash
# render-layout.sh [OUTDIR]: further `pdftotext -layout` renderings of the
# four given plans (tests/data/rendered) for parse_layout.sh (issue 12),
# laid out on other grids than the default one:
#   NAME.fixed3.txt     pdftotext -layout -fixed 3 of NAME.pdf (a wide grid:
#                       cells far apart)
#   NAME.fixed5.txt     pdftotext -layout -fixed 5 (a narrow grid: cells
#                       squeezed one space apart, words of neighbouring
#                       columns run together)
#   NAME.landscape.txt  NAME.html printed by Chromium on landscape A4
#                       (another PDF producer; rows with no blank line
#                       between them, numbers on the rows' middle lines),
#                       then pdftotext -layout
# Needs pdftotext (poppler-utils) and chromium.
. "$(dirname "$0")/render-common.sh" layout "$@"
for name in "${plans[@]}"; do
	pdf=$src/$name.pdf
	pdftotext -layout -fixed 3 "$pdf" "$out/$name.fixed3.txt"
	pdftotext -layout -fixed 5 "$pdf" "$out/$name.fixed5.txt"
	sed 's|</head>|<style>@page{size:A4 landscape;margin:15mm}</style></head>|' \
		"$src/$name.html" > "$tmp/$name.html"
	timeout 120 chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
		--print-to-pdf="$tmp/$name.pdf" "$tmp/$name.html" > /dev/null 2>&1
	pdftotext -layout "$tmp/$name.pdf" "$out/$name.landscape.txt"
done
