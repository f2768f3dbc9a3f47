#!/usr/bin/env bash
# render-plans.sh BIN OUTDIR [PLAN.txt...]: the plans as an office holds
# them, for the importers' tests (issue 12). Each plan is parsed by chitieu
# (BIN parse --format json) and laid out as one HTML document: the plan's
# own opening lines (issuer, number, date, title) as paragraphs, running
# text, the indicator table (STT, name, unit, baseline, a column per
# milestone, lead and monitoring agencies; group rows spanning the table),
# the task table when there is one, "Nơi nhận" and a signature. LibreOffice
# then makes DOCX, XLSX and a text PDF of it, and pdftotext the PDF's text
# with and without -layout:
#   OUTDIR/NAME.html .docx .xlsx .pdf .pdf.txt .pdf.layout.txt
# The facts every rendering must give back are the plan's own (its golden
# JSON in tests/data/golden). Needs jq, soffice (libreoffice-writer-nogui,
# libreoffice-calc-nogui) and pdftotext (poppler-utils).
set -euo pipefail
bin=$1
out=$2
shift 2
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
[ $# -gt 0 ] || set -- "$here"/../data/plans/*.txt
mkdir -p "$out"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

esc='def esc: tostring | gsub("&"; "&amp;") | gsub("<"; "&lt;") | gsub(">"; "&gt;");'
for plan in "$@"; do
	name=$(basename "$plan" .txt)
	json=$("$bin" parse "$plan" --format json)
	# The plan's opening lines, up to its first table (40 at most): the
	# header a clerk sees (issuer, number, date, title, running text).
	awk 'NR > 40 { exit } /^[[:space:]]*\|/ || /\t/ || /^[[:space:]]*(Stt|STT|TT)([[:space:]]|$)/ { exit }
		NF { print }' "$plan" |
		sed 's/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g; s/\*\*//g; s/^#* *//; s/^/<p>/; s/$/<\/p>/' > "$out/$name.head.html"
	{
		echo '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Kế hoạch</title>'
		echo '<style>table{border-collapse:collapse}td,th{border:1px solid #000;padding:2px;font-size:10pt}</style></head><body>'
		cat "$out/$name.head.html"
		echo '<p>Căn cứ các văn bản của cấp trên, Ủy ban nhân dân ban hành Kế hoạch với các chỉ tiêu và nhiệm vụ sau đây.</p>'
		jq -r "$esc"'
		.plan as $p
		| ($p.milestones) as $ys
		| if ($p.indicators | length) > 0 then
			"<p><b>PHỤ LỤC I. CÁC CHỈ TIÊU</b></p><table><thead><tr><th>STT</th><th>Chỉ tiêu</th><th>Đơn vị tính</th><th>Hiện trạng</th>"
			+ ([$ys[] | "<th>Năm \(.)</th>"] | join(""))
			+ "<th>Cơ quan chủ trì</th><th>Cơ quan theo dõi, đánh giá</th></tr></thead><tbody>"
			+ ([$p.groups[] as $g
				| "<tr><td><b>\($g.code | esc)</b></td><td colspan=\"\(5 + ($ys | length))\"><b>\($g.name | esc)</b></td></tr>"
				+ ([$p.indicators[] | select(.group == $g.code)
					| . as $i
					| "<tr><td>\($i.code | esc)</td><td>\($i.name | esc)</td><td>\($i.unit // "" | esc)</td><td>\($i.baseline_text // "" | esc)</td>"
					+ ([$ys[] | tostring | "<td>\($i.targets[.].text // "" | esc)</td>"] | join(""))
					+ "<td>\($i.lead // "" | esc)</td><td>\($i.monitor // "" | esc)</td></tr>"] | join(""))
			] | join(""))
			+ "</tbody></table>"
		  else "" end,
		if ($p.tasks | length) > 0 then
			"<p><b>PHỤ LỤC II. CÁC NHIỆM VỤ</b></p><table><thead><tr><th>STT</th><th>Nhiệm vụ</th><th>Cơ quan chủ trì</th><th>Cơ quan phối hợp, thực hiện</th><th>Thời gian hoàn thành</th></tr></thead><tbody>"
			+ ([$p.task_groups[] as $g
				| "<tr><td><b>\($g.code | esc)</b></td><td colspan=\"4\"><b>\($g.name | esc)</b></td></tr>"
				+ ([$p.tasks[] | select(.group == $g.code)
					| "<tr><td>\(.code | esc)</td><td>\(.title | esc)</td><td>\(.lead // "" | esc)</td><td>\(.implementers // "" | esc)</td><td>\(.timeframe // "" | esc)</td></tr>"] | join(""))
			] | join(""))
			+ "</tbody></table>"
		  else "" end' <<< "$json"
		echo '<p><b>Nơi nhận:</b></p><p>- Như trên;</p><p>- Lưu: VT.</p>'
		echo '<p><b>TM. ỦY BAN NHÂN DÂN</b></p><p><b>CHỦ TỊCH</b></p><p>(Đã ký)</p>'
		echo '</body></html>'
	} > "$out/$name.html"
	rm -f "$out/$name.head.html"
	soffice -env:UserInstallation="file://$profile" --headless --convert-to docx:"MS Word 2007 XML" --outdir "$out" "$out/$name.html" > /dev/null 2>&1
	soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf:writer_pdf_Export --outdir "$out" "$out/$name.html" > /dev/null 2>&1
	soffice -env:UserInstallation="file://$profile" --headless --infilter="HTML (StarCalc)" --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$out" "$out/$name.html" > /dev/null 2>&1
	pdftotext "$out/$name.pdf" "$out/$name.pdf.txt"
	pdftotext -layout "$out/$name.pdf" "$out/$name.pdf.layout.txt"
	ls -l "$out/$name".* | awk '{ printf "%s %s\n", $5, $9 }'
done
