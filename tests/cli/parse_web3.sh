#!/usr/bin/env bash
# parse_web3.sh: a third blind round, tests/data/web3 (see its README):
# plans as legal-document portals serve them, saved by an office, and the
# text w3m, lynx and pandoc make of those pages. Every rendering read
# against the golden facts (variants_facts.py): identical, or never a
# wrong figure; where fields differ, each named in a warning
# (flagged_facts.py).
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
here=$(dirname "$0")
v=$data/web3
. "$here/facts.bash"

# The pages: a thuvienphapluat-like page (spans, &nbsp;, a property table
# before), a vbpl-like one in windows-1258 (the document in a layout
# table's cell), a province's portal (scripts whose strings look like
# rows, <br> in cells, a related documents table after) and Word's "Save
# as Web Page" declaring windows-1252 over UTF-8, whose "Kết quả năm
# 2024" before "Mục tiêu năm 2025" is the baseline, no milestone (before:
# five wrong figures, the 2024 results read as targets) and whose rule
# "_______" under the title is no part of it.
for n in xa-tan-lap phuong-hoa-lac xa-phu-my so-khcn-dong-hai; do
	check $n html
done

# w3m's dump: tables drawn with box characters, cells wrapped inside
# their column, a header cell merged over the years' ("Chỉ tiêu" over
# "2025 | 2027 | 2030") split off by a rule under it alone (before:
# refused, or the whole table read as one indicator's name with a wrong
# figure).
for n in xa-tan-lap phuong-hoa-lac xa-phu-my so-khcn-dong-hai; do
	check $n w3m.txt
done

# pandoc's markdown: grid tables "+---+" (a page's layout table drawn as
# a grid around the whole document, the plan's tables inside it),
# multiline tables whose rows blank lines set apart, simple tables
# between dashed rules (before: refused, or nothing read but a name).
for n in xa-tan-lap phuong-hoa-lac xa-phu-my so-khcn-dong-hai; do
	check $n pandoc.md
done

# lynx's dump of a table too wide for it: each row's cells run together a
# space apart, no column to tell ("STT Tên chỉ tiêu Đơn vị tính Năm 2025
# …"): no figure read, and, no indicator read, the header's line named in
# a warning (before: a plan of the tasks alone, without a word).
for n in phuong-hoa-lac xa-phu-my; do
	"$bin" parse "$v/$n.lynx.txt" --format json > "$tmp/j" 2>&1
	head=$(grep -n -m1 -E '^ *S?TT .*chỉ tiêu' "$v/$n.lynx.txt" | cut -d: -f1)
	if python3 - "$tmp/j" "$head" <<'PY'; then ok; else bad "$n.lynx.txt: the lost table not named"; cat "$tmp/j"; fi
import json, sys
p = json.load(open(sys.argv[1]))["plan"]
line = int(sys.argv[2])
sys.exit(0 if not p["indicators"] and p["tasks"] and
         any(w.get("line") == line and "tiêu đề bảng chỉ tiêu" in w["message"]
             for w in p.get("warnings") or []) else 1)
PY
done

# A markdown table whose header comes again with its "|---|" rule is no
# table drawn with rules: its rows stay rows, not one row of all the
# lines between the two rules.
printf '%s\n' 'KẾ HOẠCH' 'Thử' '' \
	'| STT | Tên chỉ tiêu | Đơn vị tính | Năm 2025 | Cơ quan chủ trì |' '|---|---|---|---|---|' \
	'| I | Nhóm | | | |' '| 1 | Tỷ lệ A | % | 90 | Phòng X |' '| 2 | Tỷ lệ B | % | 80 | Phòng Y |' \
	'| STT | Tên chỉ tiêu | Đơn vị tính | Năm 2025 | Cơ quan chủ trì |' '|---|---|---|---|---|' \
	'| 3 | Tỷ lệ C | % | 70 | Phòng Z |' > "$tmp/again.md"
"$bin" parse "$tmp/again.md" --format json > "$tmp/j" 2>&1
if python3 -c '
import json, sys
p = json.load(open(sys.argv[1]))["plan"]
got = [(i["name"], i["targets"]["2025"]["value"]) for i in p["indicators"]]
sys.exit(got != [("Tỷ lệ A", 90), ("Tỷ lệ B", 80), ("Tỷ lệ C", 70)])' "$tmp/j"; then ok; else bad "a markdown header repeated read as a ruled table"; cat "$tmp/j"; fi

# UTF-8 read as Windows-1252 (or Latin-1) and saved again ("Káº¿ hoáº¡ch"),
# made by tests/tools/mojibake.py: where every byte can be had back the
# text is undone and read as its original, with a warning saying so; where
# bytes were lost ("�", as lynx shows so-khcn-dong-hai's lying page) it is
# refused saying the letters were garbled by a wrong code page, at the line
# of the first broken letter, and to give the original file. Before (all 9
# checks failed): each refused as "no table found".
twice() { # NAME EXT MODE
	cp "$v/$1.golden.json" "$tmp/"
	python3 "$here/../tools/mojibake.py" "$v/$1.$2" "$tmp/$1.$3.$2" $3 || { bad "$1.$2 $3: not made"; return; }
	v=$tmp check $1 $3.$2
	if "$bin" parse "$tmp/$1.$3.$2" --format json | grep -q 'mã hóa hai lần'; then ok; else bad "$1.$3.$2: no warning"; fi
}
twice xa-tan-lap w3m.txt cp1252
twice so-khcn-dong-hai pandoc.md cp1252
twice xa-phu-my html latin1
garbled() { # FILE: refused at the line of its first broken letter
	"$bin" parse "$1" --format json > "$tmp/j" 2> "$tmp/e"
	local rc=$? at first
	at=$(grep -o 'dòng [0-9]*: chữ của tệp đã bị hỏng vì đọc sai bảng mã' "$tmp/e" | grep -o '[0-9]*')
	first=$(grep -n -m1 $'\xef\xbf\xbd' "$1" | cut -d: -f1)
	if [ $rc -eq 2 ] && [ -n "$at" ] && [ "$at" -le "$first" ] && grep -q 'tệp gốc' "$tmp/e"; then
		ok
	else
		bad "$(basename "$1"): not refused as garbled at line <= $first (exit $rc)"
		cat "$tmp/e"
	fi
}
python3 "$here/../tools/mojibake.py" "$v/xa-phu-my.w3m.txt" "$tmp/xa-phu-my.lossy.w3m.txt" lossy
garbled "$tmp/xa-phu-my.lossy.w3m.txt"
python3 "$here/../tools/mojibake.py" "$v/xa-tan-lap.html" "$tmp/xa-tan-lap.lossy.html" lossy
garbled "$tmp/xa-tan-lap.lossy.html"
garbled "$v/so-khcn-dong-hai.lynx.txt"

finish parse_web3
