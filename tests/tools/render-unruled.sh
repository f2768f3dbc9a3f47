#!/usr/bin/env bash
# render-unruled.sh OUTDIR HTML...: a hand-written plan as an office often
# holds it (issue 12): a text PDF of a Word table without borders, in the
# 13 pt Times New Roman of official documents, so names and agencies wrap
# over two or three lines, headers wrap ("Đơn vị / tính") and LibreOffice
# centres each cell vertically. The cells' border and font size are
# replaced in the HTML's style; soffice makes OUTDIR/NAME.pdf.
# Needs soffice (libreoffice-writer-nogui).
set -eu
out=$1
shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for h in "$@"; do
	name=$(basename "$h" .html)
	sed -E 's/td,th\{border:1px solid #000;padding:2px;font-size:[0-9]+pt\}/td,th{padding:2px;font-size:13pt;font-family:"Times New Roman"}/' "$h" > "$tmp/$name.html"
	if grep -q 'border:1px' "$tmp/$name.html"; then
		echo "render-unruled.sh: $h: the cells' style is not the one replaced" >&2
		exit 1
	fi
	soffice -env:UserInstallation="file://$tmp/profile" --headless --convert-to pdf:writer_pdf_Export --outdir "$out" "$tmp/$name.html" > /dev/null 2>&1
done
