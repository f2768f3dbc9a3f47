#!/usr/bin/env bash
# render-text-plans.sh OUTDIR [PLAN.txt...]: each given plan's own text
# printed to PDF as an office prints a text file (LibreOffice, Liberation
# Serif: Times metrics, every Vietnamese letter in the one font), then
# pulled back by pdftotext WITHOUT -layout (issue 12): a row's cells run
# together with single spaces, wrapped over lines, a line that ended in a
# "-" joined to the next one with the "-" dropped (pdftotext's
# dehyphenation), tab-separated cells set at tab stops and read column by
# column:
#   OUTDIR/NAME.text.pdf .text.pdf.txt
# and with -layout (.text.pdf.layout.txt): cells set by spaces, but a row
# longer than the page goes on at its left margin (002, 004), so the
# columns its spaces give are not the table's.
# Every rendering must give back the plan's golden facts
# (tests/data/golden) or, where the text lost them, leave the cell out and
# say so (tests/cli/parse_textpdf.sh). Needs soffice
# (libreoffice-writer-nogui), fonts-liberation and pdftotext (poppler-utils).
set -euo pipefail
out=$1
shift
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
[ $# -gt 0 ] || set -- "$here"/../data/plans/*.txt
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for plan in "$@"; do
	name=$(basename "$plan" .txt)
	soffice -env:UserInstallation="file://$tmp/profile" --headless \
		--infilter="Text (encoded):UTF8,LF,Liberation Serif,vi-VN" \
		--convert-to pdf --outdir "$tmp" "$plan" > /dev/null 2>&1
	mv "$tmp/$name.pdf" "$out/$name.text.pdf"
	pdftotext "$out/$name.text.pdf" "$out/$name.text.pdf.txt"
	pdftotext -layout "$out/$name.text.pdf" "$out/$name.text.pdf.layout.txt"
	ls -l "$out/$name".text.* | awk '{ printf "%s %s\n", $5, $9 }'
done
