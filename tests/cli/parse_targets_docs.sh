#!/usr/bin/env bash
# parse_targets_docs.sh: how real plans write targets (tests/data/targets,
# written blind: see its README). Targets as "- …" lines of the body under
# "a) Đến năm 2025" headings, under field headings "Về …:" with two
# milestones in one sentence, as "1)", "a.", "+", "•" items; table cells
# worded "Từ 50% trở lên", "Duy trì 100%", "1/1", "1,500", "3 000", "Tăng
# 15% so với cùng kỳ"; a body list beside an indicator table. Every
# rendering read against the document's golden facts (variants_facts.py):
# identical, or at least the counts given and never a wrong figure.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
here=$(dirname "$0")
v=$data/targets
. "$here/facts.bash"

# check NAME EXT [MIN_IND MIN_TASKS]: identical (or at least the minimums,
# with no wrong figure).
check() {
	if python3 "$here/variants_facts.py" "$bin" "$v/$1.$2" "$v/$1.golden.json" ${3:-} ${4:-} > "$tmp/facts" 2>&1; then
		ok
	else
		bad "$1.$2"
		cat "$tmp/facts"
	fi
}

# No table: the list's lines under "Mục tiêu cụ thể" (before: every
# rendering refused, "không tìm thấy bảng chỉ tiêu hay nhiệm vụ").
for n in xa-an-thinh phuong-tan-hoa xa-hong-son; do
	for e in html docx pdf xlsx pdf.txt pdf.layout.txt portal.txt portal.md; do
		check $n $e
	done
done

# Table cells (before: "1/1" read as ≥ 1, "Tăng 15% so với cùng kỳ" as a
# yearly growth of 15, "1,500" as 1.5, "3 000" as 3: wrong figures not
# flagged; "Từ 50% trở lên" text, "Duy trì 100%" without its figure, "x"
# no target). Its spreadsheet is not checked: the office suite made the
# cell "1,500" the number 1.5 (Vietnamese decimal comma) when converting.
for e in html docx portal.txt portal.md; do
	check xa-long-phu $e
done
# The PDF: a row's agency "Văn phòng HĐND và | UBND" split over a page,
# its last line at the top of the next page above a gap before the next
# row: the last row's, as after a repeated header (before: "UBND" read as
# the next row's, 2 wrong fields and no warning); the plain texts: rows
# not put back whole.
check xa-long-phu pdf
flagged xa-long-phu pdf
# -layout: a known unit then a target in the unit's cell ("Mô hình 2-3")
# before an empty milestone cell: the target's (before: 6 identical); an
# agency's name started in the target cell ("12.500,5 Phòng" | "Kinh
# tế"), a cell going on with a lower-case word ("Top 5 của" | "tỉnh"):
# each named (before: 9 wrong fields, no word).
check xa-long-phu pdf.layout.txt 7 0
flagged xa-long-phu pdf.layout.txt
check xa-long-phu pdf.txt 5 0
# Its rows whose cells pdftotext ran together or interleaved ("Mô hình 2-3",
# "Giảm 30% so với Trung tâm phục vụ"): kept with number and name, each
# other field named in a warning of that field, the name too (it may hold
# a neighbour's words: "… của xã Mức độ Đạt") (before: 13 fields wrong or
# empty, none named).
flagged xa-long-phu pdf.txt

# A body list beside the indicator table: the table read, the body's two
# targets the table does not hold named in a warning, the two it holds
# (worded otherwise) not (before: dropped without a word).
for e in html docx pdf xlsx pdf.txt portal.txt portal.md; do
	check phuong-bac-ha $e
done
# -layout: the header "Đơn vị Mục tiêu đến năm tính 2030" of two columns
# packed into one, each of its cells a unit then a target ("% ≥ 80"): two
# columns again (before: units and targets lost, no word).
check phuong-bac-ha pdf.layout.txt
flagged phuong-bac-ha pdf.layout.txt
for e in html docx pdf xlsx pdf.txt pdf.layout.txt portal.txt portal.md; do
	"$bin" parse "$v/phuong-bac-ha.$e" --format json 2>/dev/null > "$tmp/out"
	if python3 - "$tmp/out" <<'PY'
import json, sys
w = [x["message"] for x in json.load(open(sys.argv[1]))["plan"]["warnings"]]
named = [m for m in w if "không có trong bảng chỉ tiêu" in m]
want = ["chữ ký số cá nhân", "học bạ số"]
sys.exit(0 if len(named) == 2 and all(any(s in m for m in named) for s in want) else 1)
PY
	then ok; else bad "phuong-bac-ha.$e: the body's targets not in the table not named"; fi
done

# A list line with a figure but no target wording is named, not dropped.
printf '%s\n' "KẾ HOẠCH" "Chuyển đổi số xã Thử Nghiệm đến năm 2030" "II. MỤC TIÊU" \
	"2. Mục tiêu cụ thể đến năm 2030" "- Tỷ lệ hộ gia đình có cáp quang đạt trên 90%;" \
	"- Phấn đấu 100 mô hình số được nhân rộng;" "- 100% cán bộ được tập huấn kỹ năng số." \
	"III. TỔ CHỨC THỰC HIỆN" > "$tmp/unread.txt"
if "$bin" parse "$tmp/unread.txt" --format json 2>/dev/null | python3 -c 'import json, sys
p = json.load(sys.stdin)["plan"]
w = [x for x in p["warnings"] if "Không đọc được chỉ tiêu" in x["message"] and "100 mô hình" in x["message"]]
sys.exit(0 if len(p["indicators"]) == 2 and len(w) == 1 and w[0]["line"] == 6 else 1)'; then
	ok
else
	bad "unread list line: not named in a warning"
fi

# "2. Mục tiêu cụ thể" naming no year: the milestone from the title "…
# đến năm 2030", as for a sentence's target in a table.
printf '%s\n' "KẾ HOẠCH" "Chuyển đổi số xã Thử Nghiệm đến năm 2030" "II. MỤC TIÊU" \
	"2. Mục tiêu cụ thể" "- Tỷ lệ hộ gia đình có cáp quang đạt trên 90%;" \
	"- 100% cán bộ được tập huấn kỹ năng số." "III. TỔ CHỨC THỰC HIỆN" > "$tmp/title.txt"
if "$bin" parse "$tmp/title.txt" --format json 2>/dev/null | python3 -c 'import json, sys
p = json.load(sys.stdin)["plan"]
t = [(i["name"], i["targets"]["2030"]["op"], i["targets"]["2030"]["value"]) for i in p["indicators"] if "2030" in i["targets"]]
sys.exit(0 if t == [("Tỷ lệ hộ gia đình có cáp quang", ">", 90), ("Cán bộ được tập huấn kỹ năng số", ">=", 100)] else 1)'; then
	ok
else
	bad "list under a heading naming no year: the title's milestone not used"
fi

finish parse_targets_docs
