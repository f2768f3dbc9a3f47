#!/usr/bin/env bash
# render-fonts.sh [OUTDIR]: plans whose facts are known typed in the
# Vietnamese fonts of before Unicode (legacy-fonts.py: VNI-Times on every
# run; .VnTime set in the styles, capitals in .VnTimeH), as .docx and as
# LibreOffice's Word 97 .doc and RTF of that .docx, into tests/data/fonts.
. "$(dirname "$0")/render-common.sh" fonts "$@"
data=$here/../data
for f in rendered/000_03b77514fb71b314 rendered/002_f65c0da7dbd96e8d variants/xa-hoa-binh \
	variants/phuong-an-binh variants/xa-tan-phu blind2/xa-son-ha blind4/phuong-tay-son; do
	n=$(basename "$f")
	for m in vni tcvn3; do
		python3 "$here/legacy-fonts.py" "$data/$f.docx" "$out/$n.$m.docx" "$m"
		cp "$out/$n.$m.docx" "$tmp/"
		soffice --headless --convert-to 'doc:MS Word 97' --outdir "$out" "$tmp/$n.$m.docx" >/dev/null
		soffice --headless --convert-to rtf --outdir "$out" "$tmp/$n.$m.docx" >/dev/null
	done
done
