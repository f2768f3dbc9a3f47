#!/usr/bin/env bash
# render-blind9.sh OUTDIR: the plans of tests/data/blind9 that a tool must
# render (the others make-blind9.py writes itself):
#   so-khcn-bac-hoa.pdf  LibreOffice Writer's PDF of the .odt: portrait
#                        text pages, the indicator table on landscape
#                        pages (page style "Landscape") with its two header
#                        rows repeated on each, then portrait again.
# Needs soffice.
set -eu
out=$(cd "$1" && pwd)
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf:writer_pdf_Export \
	--outdir "$out" "$out/so-khcn-bac-hoa.odt" > /dev/null 2>&1
