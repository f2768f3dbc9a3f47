#!/usr/bin/env bash
# parse_celltext.sh: the plain-text forms offices make of a plan (issue 12),
# in tests/data/celltext (tests/tools/render-celltext.sh): LibreOffice's
# "save as text" of the DOCX (each table cell on its own line: before,
# every one refused as "không tìm thấy bảng"), Word's tab-separated
# export and a table copied from a browser (before: the header cell merged
# over the year columns left the years without a column: 0 indicators of
# phuong-an-binh and so-khcn-lam-vien). The variants must read their golden
# facts (tests/data/variants/*.golden.json), the four given plans the same
# facts as their own DOCX. Then small cases of cells of several paragraphs:
# rebuilt when only one reading fits the columns, else kept with number and
# name only and named in a warning. The DOCX with cells of several
# paragraphs (NAME.paras.txt) are scored and printed, never crash or hang.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
here=$(dirname "$0")
c=$data/celltext

# same DOC GOLDEN [MIN_IND MIN_TASKS]
same() {
	if python3 "$here/variants_facts.py" "$bin" "$1" "$2" ${3:-} ${4:-} > "$tmp/facts" 2>&1; then
		ok
		tail -n 1 "$tmp/facts" | sed "s|$c/||"
	else
		bad "$1"
		cat "$tmp/facts"
	fi
}

for g in "$data"/golden/*.json; do
	n=$(basename "$g" .json)
	# the given plans: the facts their DOCX gives
	"$bin" parse "$data/rendered/$n.docx" --format json > "$tmp/$n.docx.json" || bad "$n.docx"
	for e in celltext.txt word.tsv browser.tsv; do
		same "$c/$n.$e" "$tmp/$n.docx.json"
	done
done
for g in "$data"/variants/*.golden.json; do
	n=$(basename "$g" .golden.json)
	same "$c/$n.celltext.txt" "$g"
	if [ "$n" = phuong-hoa-an ] || [ "$n" = xa-hoa-binh ]; then
		# the number ("Số: …") in a layout table's tab row is not read
		same "$c/$n.word.tsv" "$g" "$(jq '.indicators | length' "$g")" "$(jq '.tasks | length' "$g")"
		same "$c/$n.browser.tsv" "$g"
	else
		same "$c/$n.word.tsv" "$g"
		same "$c/$n.browser.tsv" "$g"
	fi
done

# Agencies merged over rows come as empty cells (Word) or no cells (a
# browser): filled from the row above, and each such row named in a
# warning (before: 3 rows of xa-tan-phu read without their agencies, no
# warning).
for e in word.tsv browser.tsv; do
	"$bin" parse "$c/xa-tan-phu.$e" --format json > "$tmp/merged.json" 2> "$tmp/err"
	[ "$(jq '[.plan.warnings[] | select(.message | test("ô gộp nhiều hàng"))] | length' "$tmp/merged.json")" = 3 ] &&
		ok || bad "xa-tan-phu.$e: merged agencies not named: $(jq -c .plan.warnings "$tmp/merged.json")"
done

# Cells of several paragraphs, by hand: a name in two paragraphs, an
# agency list "A;" / "B" (rebuilt), then a row whose three agency lines fit
# two agency columns two ways (kept with its number, name and unit, and
# named in a warning), and a row after it.
printf '%s\n' "KẾ HOẠCH" "Chỉ tiêu năm 2025" "STT" "Chỉ tiêu" "Đơn vị tính" "Năm 2025" \
	"Cơ quan chủ trì" "Cơ quan phối hợp" "I" "Hạ tầng số" \
	"1" "Tỷ lệ hộ gia đình có kết nối" "internet băng rộng cáp quang" "%" "≥ 80" \
	"Phòng Văn hóa - Xã hội;" "Công an xã" "Các doanh nghiệp viễn thông" \
	"2" "Số điểm wifi công cộng" "Điểm" "12" "Phòng Kinh tế" "Phòng Văn hóa - Xã hội" \
	"Công an xã" \
	"3" "Tỷ lệ hồ sơ trực tuyến" "%" "90" "Phòng Kinh tế" "Công an xã" \
	"Nơi nhận:" "- Lưu: VT." > "$tmp/paras.txt"
if run paras 0 parse "$tmp/paras.txt" --format json; then
	j=$tmp/out
	[ "$(jq -r '.plan.indicators[0].name' "$j")" = "Tỷ lệ hộ gia đình có kết nối internet băng rộng cáp quang" ] &&
		[ "$(jq -r '.plan.indicators[0].lead' "$j")" = "Phòng Văn hóa - Xã hội; Công an xã" ] &&
		[ "$(jq -r '.plan.indicators[0].partners' "$j")" = "Các doanh nghiệp viễn thông" ] &&
		[ "$(jq -r '.plan.indicators[0].targets["2025"].value' "$j")" = 80 ] && ok ||
		bad "paras: row 1 not rebuilt: $(jq -c '.plan.indicators[0]' "$j")"
	# row 2 fits two ways: kept with number, name and unit, named
	[ "$(jq -r '.plan.indicators[1].name' "$j")" = "Số điểm wifi công cộng" ] &&
		[ "$(jq -r '.plan.indicators[1].unit' "$j")" = "Điểm" ] &&
		[ "$(jq '[.plan.indicators[1].targets[] | select(.text != "")] | length' "$j")" = 0 ] &&
		jq -r '.plan.warnings[] | "\(.line) \(.message)"' "$j" |
		grep -q '^19 Hàng "2 Số điểm wifi công cộng" (7 dòng cho 6 cột): nhiều dòng hơn số cột' &&
		ok || bad "paras: row 2 not flagged: $(jq -c '.plan.indicators[1], .plan.warnings' "$j")"
	[ "$(jq -r '.plan.indicators[2].targets["2025"].value' "$j")" = 90 ] &&
		[ "$(jq -r '.plan.indicators | length' "$j")" = 3 ] && ok ||
		bad "paras: row 3: $(jq -c '.plan.indicators[2]' "$j")"
fi

# The header and a row, then nothing that fits: refused, saying where and why
# (before: "không tìm thấy bảng", no line).
printf '%s\n' "STT" "Chỉ tiêu" "Đơn vị tính" "Năm 2025" "lorem" "ipsum" > "$tmp/none.txt"
run none 2 parse "$tmp/none.txt" &&
	grep -q 'dòng 1: có tiêu đề bảng viết mỗi ô một dòng ("STT" …) nhưng không hàng nào' "$tmp/err" && ok ||
	bad "none: $(cat "$tmp/err")"

# More than 39 groups (codes past XXXIX): before, the interpreter looked for
# a free code for ever.
w=(an bình cao dũng em gấm hòa ích khánh lâm minh nga oanh phúc quang rạng sơn tâm uyên vân xuân yến)
{
	echo "| STT | Chỉ tiêu | Đơn vị tính | Năm 2025 |"
	echo "|---|---|---|---|"
	for k in $(seq 1 45); do
		echo "| 1.$k | Nhóm ${w[k % 22]} ${w[k * 7 % 22]} ${w[k * 11 % 22]} số $k |  |  |"
		echo "| 1 | Chỉ tiêu $k của nhóm | % | $k |"
	done
} > "$tmp/groups.md"
if timeout 20 "$bin" parse "$tmp/groups.md" --format json > "$tmp/groups.json" 2> "$tmp/err"; then
	[ "$(jq '.plan.indicators | length' "$tmp/groups.json")" = 45 ] && ok ||
		bad "groups: $(jq -c '.plan.indicators | length' "$tmp/groups.json")"
else
	bad "groups: exit $? (124: hung)"
fi

# Word files whose cells have several paragraphs: scored, never a crash.
for d in "$c"/*.paras.txt; do
	n=$(basename "$d" .paras.txt)
	g=$data/variants/$n.golden.json
	[ -f "$g" ] || g=$tmp/$n.docx.json
	if python3 "$here/celltext_score.py" "$bin" "$d" "$g" > "$tmp/score"; then
		ok
	else
		bad "$d"
	fi
	sed "s|$c/||" "$tmp/score"
	# every indicator and task read right or flagged: none wrong or
	# missing unflagged (before: 7 indicators missing with no warning in
	# 4 plans; 001 lost its 23 tasks after a row of 9 paragraphs)
	grep -q "refused\| 0 wrong unflagged, 0 missing," "$tmp/score" && ok || bad "$n: wrong or missing"
	grep -q "refused\|, 0 wrong or missing unflagged$" "$tmp/score" && ok || bad "$n: tasks wrong or missing"
done

# Cells of several paragraphs, by hand: a row whose cells cannot be told
# apart keeps its number "I.2" and name as an indicator (before: read as a
# sub-group "II" with no warning, and the rows after it put in that group),
# and the table's last row, its name in two paragraphs, ends before
# "Nơi nhận:" (before: left out with no warning).
printf '%s\n' "STT" "Chỉ tiêu" "Đơn vị tính" "Năm 2025" "Năm 2030" \
	"Cơ quan chủ trì" "Cơ quan phối hợp" "I" "Hạ tầng số" \
	"I.1" "Số điểm wifi công cộng" "Điểm" "12" "20" "Phòng Kinh tế" "Công an xã" \
	"I.2" "Kết quả thực hiện mục tiêu của Đề án" "Chuyển đổi số trong các cơ quan đảng" \
	"" "Hoàn thành" "" "Văn phòng Đảng ủy" "Văn phòng Đảng ủy" \
	"I.3" "Tỷ lệ hồ sơ trực tuyến" "%" "90" "100" "Phòng Kinh tế" "Công an xã" \
	"I.4" "Dịch vụ y tế, giáo dục đạt chuẩn tiên tiến," "người dân hưởng thụ môi trường sống hiện đại" \
	"%" "" "≥ 100" "Phòng Văn hóa - Xã hội" "Phòng Văn hóa - Xã hội" \
	"Nơi nhận:" "- Như trên;" "- Lưu: VT." > "$tmp/last.txt"
if run last 0 parse "$tmp/last.txt" --format json; then
	j=$tmp/out
	[ "$(jq -c '[.plan.groups[].code]' "$j")" = '["I"]' ] &&
		[ "$(jq -c '[.plan.indicators[].code]' "$j")" = '["I.1","I.2","I.3","I.4"]' ] && ok ||
		bad "last: $(jq -c '[.plan.groups[].code], [.plan.indicators[].code]' "$j")"
	[ "$(jq -r '.plan.indicators[1].name' "$j")" = "Kết quả thực hiện mục tiêu của Đề án" ] &&
		[ "$(jq '[.plan.indicators[1].targets[] | select(.text != "")] | length' "$j")" = 0 ] &&
		jq -r '.plan.warnings[] | "\(.line) \(.message)"' "$j" | grep -q '^17 Hàng "I.2 Kết quả' &&
		ok || bad "last: I.2 not kept and named: $(jq -c '.plan.indicators[1], .plan.warnings' "$j")"
	[ "$(jq -r '.plan.indicators[3].name' "$j")" = "Dịch vụ y tế, giáo dục đạt chuẩn tiên tiến, người dân hưởng thụ môi trường sống hiện đại" ] &&
		[ "$(jq -r '.plan.indicators[3].targets["2030"].value' "$j")" = 100 ] &&
		[ "$(jq -r '.plan.indicators[3].lead' "$j")" = "Phòng Văn hóa - Xã hội" ] && ok ||
		bad "last: I.4: $(jq -c '.plan.indicators[3]' "$j")"
fi

finish parse_celltext
