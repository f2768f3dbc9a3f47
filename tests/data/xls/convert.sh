#!/usr/bin/env bash
# convert.sh: the .xls renderings of tests/data/xls (see README.md):
# LibreOffice's "MS Excel 97" of every .xlsx and .ods of tests/data that
# has a golden, kept under the source's folder name; an .ods's as
# NAME.ods.xls (beside its .xlsx's NAME.xls); and blind2/NAME.MODE.xls of
# tests/tools/sheet-hidden.py's hidden sheet, rows, column (the .xlsx
# parse_office_marks.sh makes).
set -eu
data=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for d in blind2 blind4 blind5 blind7 blind8 blind9 odf rendered shapes targets variants; do
	mkdir -p "$tmp/$d" "$data/xls/$d"
	for f in "$data/$d"/*.xlsx "$data/$d"/*.ods; do
		[ -e "$f" ] || continue
		# LibreOffice shows this .ods's hidden sheet (table:display="false"):
		# its .xls would have none
		[ "$(basename "$f")" = phuong-hiep-thanh.hidden-sheet.ods ] && continue
		b=$(basename "$f")
		case $b in *.ods) cp "$f" "$tmp/$d/$b.ods" ;; *) cp "$f" "$tmp/$d/${b%.xlsx}.xlsx" ;; esac
	done
	if [ $d = blind2 ]; then
		for n in phuong-thanh-cong xa-quang-tien phuong-hiep-thanh; do
			for m in sheet rows column; do
				python3 "$data/../tools/sheet-hidden.py" "$data/$d/$n.xlsx" "$tmp/$d/$n.$m.xlsx" $m
			done
		done
	fi
	soffice -env:UserInstallation=file://$tmp/profile --headless \
		--convert-to 'xls:MS Excel 97' --outdir "$data/xls/$d" "$tmp/$d"/* >/dev/null
done
