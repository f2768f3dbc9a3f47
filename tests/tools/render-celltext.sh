#!/usr/bin/env bash
# render-celltext.sh OUTDIR: the plain-text forms of the plans that offices
# produce (issue 12), made from the DOCX and HTML renderings in
# tests/data/rendered and tests/data/variants:
#   NAME.celltext.txt  LibreOffice's "save as text" of NAME.docx: each
#                      table cell on its own line, an empty cell an empty line
#   NAME.paras.txt     the same of NAME.docx with cells of several paragraphs
#                      (tests/tools/docx-paragraphs.py: "A; B" lists one
#                      agency a paragraph, long cells in two paragraphs)
#   NAME.word.tsv      Word's plain-text export / a table copied from Word:
#                      a row's cells joined by tabs (tests/tools/table-text.py)
#   NAME.browser.tsv   a table copied from a web browser out of NAME.html
# Needs soffice (libreoffice-writer-nogui) and python3. The outputs are
# committed in tests/data/celltext and read by tests/cli/parse_celltext.sh;
# run this again after changing a rendering.
set -eu
out=$1
here=$(cd "$(dirname "$0")" && pwd)
data=$here/../data
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for d in "$data"/rendered/*.docx "$data"/variants/*.docx; do
	name=$(basename "$d" .docx)
	cp "$d" "$work/$name.docx"
	mkdir -p "$work/paras"
	python3 "$here/docx-paragraphs.py" "$d" "$work/paras/$name.docx"
	python3 "$here/table-text.py" word "$d" > "$out/$name.word.tsv"
	python3 "$here/table-text.py" browser "${d%.docx}.html" > "$out/$name.browser.tsv"
done
soffice -env:UserInstallation="file://$work/profile" --headless \
	--convert-to "txt:Text (encoded):UTF8" --outdir "$work/txt" "$work"/*.docx > /dev/null 2>&1
soffice -env:UserInstallation="file://$work/profile" --headless \
	--convert-to "txt:Text (encoded):UTF8" --outdir "$work/paras/txt" "$work"/paras/*.docx > /dev/null 2>&1
for t in "$work"/txt/*.txt; do
	cp "$t" "$out/$(basename "$t" .txt).celltext.txt"
done
for t in "$work"/paras/txt/*.txt; do
	cp "$t" "$out/$(basename "$t" .txt).paras.txt"
done
