#!/usr/bin/env bash
# render-web3.sh DIR: the text a reader gets of each saved portal page
# DIR/*.html (tests/data/web3): w3m's dump (tables drawn with box
# characters' ASCII stand-ins, cells space-aligned, long cells wrapped
# inside their column), lynx's dump (tables as space-aligned lines, links
# numbered, a "References" list after) and pandoc's markdown (grid tables
# "+---+", pipe or simple tables): DIR/NAME.w3m.txt .lynx.txt .pandoc.md.
# w3m and pandoc read the page in the charset its bytes hold; lynx obeys
# a page's <meta charset> over -assume_charset, so a page declaring
# windows-1252 over UTF-8 comes out as the mojibake a browser shows;
# the renderings are committed: run this again after changing a page.
# Needs w3m, lynx, pandoc (Debian packages).
set -eu
dir=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for h in "$dir"/*.html; do
	name=$(basename "$h" .html)
	cs=UTF-8
	if ! iconv -f UTF-8 -t UTF-8 "$h" > /dev/null 2>&1; then cs=WINDOWS-1258; fi
	iconv -f "$cs" -t UTF-8 "$h" | python3 -c 'import sys,unicodedata; sys.stdout.write(unicodedata.normalize("NFC", sys.stdin.read()))' > "$tmp/$name.html"
	w3m -dump -cols 150 -I UTF-8 -O UTF-8 -T text/html "$tmp/$name.html" > "$dir/$name.w3m.txt"
	lynx -dump -width=150 -assume_charset=utf-8 -assume_local_charset=utf-8 -display_charset=utf-8 "$tmp/$name.html" > "$dir/$name.lynx.txt"
	pandoc -f html -t markdown-raw_html-native_divs-native_spans-bracketed_spans-fenced_divs-link_attributes-header_attributes --wrap=none "$tmp/$name.html" -o "$dir/$name.pandoc.md"
done
