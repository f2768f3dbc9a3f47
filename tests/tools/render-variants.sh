#!/usr/bin/env bash
# render-variants.sh OUTDIR HTML...: the hand-written plans of
# tests/data/variants as an office holds them (issue 12): LibreOffice makes
# DOCX, a text PDF and XLSX of each HTML document (the spreadsheet as a
# Vietnamese-language Calc makes it, language 1066, so "1.000" is a
# thousand and "0,5" a half), and pdftotext the PDF's text with and without
# -layout, and tests/tools/portal-text.py the text a legal portal shows of
# it (each cell between "|" lines; "|" rows without a separator line):
# OUTDIR/NAME.docx .pdf .xlsx .pdf.txt .pdf.layout.txt .portal.txt
# .portal.md. The
# renderings are committed beside the documents; run this again after
# changing one. Needs soffice (libreoffice-writer-nogui,
# libreoffice-calc-nogui) and pdftotext (poppler-utils).
set -eu
out=$1
shift
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
for h in "$@"; do
	name=$(basename "$h" .html)
	soffice -env:UserInstallation="file://$profile" --headless --convert-to docx:"MS Word 2007 XML" --outdir "$out" "$h" > /dev/null 2>&1
	soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf:writer_pdf_Export --outdir "$out" "$h" > /dev/null 2>&1
	soffice -env:UserInstallation="file://$profile" --headless --infilter="HTML (StarCalc):1066" --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$out" "$h" > /dev/null 2>&1
	pdftotext "$out/$name.pdf" "$out/$name.pdf.txt"
	pdftotext -layout "$out/$name.pdf" "$out/$name.pdf.layout.txt"
	python3 "$(dirname "$0")/portal-text.py" cells "$h" > "$out/$name.portal.txt"
	python3 "$(dirname "$0")/portal-text.py" pipes "$h" > "$out/$name.portal.md"
done
