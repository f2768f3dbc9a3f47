#!/usr/bin/env bash
# render-blind8.sh OUTDIR: the plans of tests/data/blind8 (the sources
# tests/tools/make-blind8.py writes) as offices and portals hold them, by
# renderings no earlier round had:
#   xa-hoa-son.gdocs.docx        written by make-blind8.py itself (Google
#                                Docs' shape: LibreOffice cannot write it);
#   so-gddt-thach-an.chrome.pdf  chromium's print of a page whose table is
#                                set landscape between portrait pages
#                                (CSS named pages);
#   so-gddt-thach-an.xlsx        LibreOffice Calc's workbook of the HTML
#                                (the field's cell merged down its rows),
#                                Calc's locale Vietnamese ("1.200" is 1200);
#   phuong-tan-phong.chrome.pdf  chromium's print of the portal page whose
#                                table is made of <div>s (display:table);
#   xa-thanh-my.shaded.pdf       chromium's print of the plan whose table
#                                has no rules, its rows shaded alternately.
# Needs soffice, chromium.
set -eu
out=$(cd "$1" && pwd)
profile=$(mktemp -d)
work=$(mktemp -d)
trap 'rm -rf "$profile" "$work"' EXIT
chrome() { # chrome SOURCE.html TARGET.pdf
	chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
		--user-data-dir="$work/chrome" --print-to-pdf="$out/$2" "file://$out/$1" > /dev/null 2>&1
}
chrome so-gddt-thach-an.html so-gddt-thach-an.chrome.pdf
chrome phuong-tan-phong.html phuong-tan-phong.chrome.pdf
chrome xa-thanh-my.shaded.html xa-thanh-my.shaded.pdf
# Calc reads "1.200" in the cells by its locale: Vietnamese, as an office's.
mkdir -p "$profile/user"
cat > "$profile/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>vi-VN</value></prop></item>
</oor:items>
XCU
soffice -env:UserInstallation="file://$profile" --headless --infilter="HTML (StarCalc)" \
	--convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$out" "$out/so-gddt-thach-an.html" > /dev/null 2>&1
