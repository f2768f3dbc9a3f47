#!/usr/bin/env bash
# render-plain-blocks.sh [OUTDIR]: the four given plans' PDFs pulled to
# plain text by `pdftotext` without -layout (issue 12), from other PDF
# producers and page sizes than tests/data/rendered/NAME.pdf.txt (LibreOffice,
# portrait A4), for parse_plain_blocks.sh:
#   NAME.landscape.txt  tests/data/rendered/NAME.html on landscape A4 by
#                       LibreOffice (soffice --convert-to pdf)
#   NAME.docx.txt       tests/data/rendered/NAME.docx by LibreOffice (the
#                       Word file's narrow columns cut some agencies' text
#                       short in the PDF itself)
#   NAME.chromium.txt   NAME.html on landscape A4 printed by Chromium
# pdftotext writes such tables' cells as blocks (blank lines between
# cells) in an order of its own. Needs soffice, chromium, pdftotext.
. "$(dirname "$0")/render-common.sh" plainblocks "$@"
for name in "${plans[@]}"; do
	html=$src/$name.html
	mkdir -p "$tmp/land" "$tmp/docx" "$tmp/chr"
	sed 's/<style>/<style>@page{size:29.7cm 21cm;margin:1cm}/' "$html" > "$tmp/land/$name.html"
	soffice -env:UserInstallation="file://$tmp/profile" --headless \
		--convert-to pdf:writer_pdf_Export --outdir "$tmp/land" "$tmp/land/$name.html" > /dev/null 2>&1
	pdftotext "$tmp/land/$name.pdf" "$out/$name.landscape.txt"
	soffice -env:UserInstallation="file://$tmp/profile" --headless \
		--convert-to pdf:writer_pdf_Export --outdir "$tmp/docx" "$src/$name.docx" > /dev/null 2>&1
	pdftotext "$tmp/docx/$name.pdf" "$out/$name.docx.txt"
	sed 's|</head>|<style>@page{size:A4 landscape;margin:15mm}</style></head>|' "$html" > "$tmp/chr/$name.html"
	timeout 120 chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
		--print-to-pdf="$tmp/chr/$name.pdf" "$tmp/chr/$name.html" > /dev/null 2>&1
	pdftotext "$tmp/chr/$name.pdf" "$out/$name.chromium.txt"
done
ls -l "$out"
