#!/usr/bin/env bash
# store_dash.sh: issue 14, the pages as each role lands on them, over HTTP
# against the real server and the demo database (SQLite, or
# $CHITIEU_TEST_DB_URL):
#  - homes: "/" sends the province office and leader to the dashboard, the
#    commune office and reporter to the open period's work (cut-off dates as
#    dd/mm/yyyy); a unit without a plan lands on its dashboard, not an error;
#  - the overview defaults to the latest period with data, written
#    "Tháng 12/2025", with filters, lead agency, period of "Số mới nhất",
#    sparklines; thousands grouped "12.500";
#  - the comparison: figures and statuses in cells linking to the unit's
#    indicator, completeness "đã báo cáo 3/73", a total row, sortable headers
#    with aria-sort, CSV and XLSX of what is shown;
#  - every page < 60 KB, no "[E_" on any page, gzip when accepted (and the
#    same bytes once unpacked), none when not.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
use_demo
"$bin" unit add --code DEMO-HX --name "Huyện Cũ (demo)" --kind district --parent DEMO > /dev/null ||
	bad "unit add DEMO-HX"
cat > "$tmp/fig.csv" << 'CSV'
unit,indicator,period,value,num,den,level,yes,note,evidence
DEMO-B,II.8,2025-12,12500,,,,,dash test,
CSV
"$bin" record --csv "$tmp/fig.csv" --by test > /dev/null 2> "$tmp/err" || bad "record: $(cat "$tmp/err")"
# DEMO-C's V.23 is the province's V.20 (another code): its cell links to V.23.
"$bin" link confirm --unit DEMO-C --indicator V.23 --by test > /dev/null 2> "$tmp/err" || bad "link confirm: $(cat "$tmp/err")"
start_server --workers 2
pw=matkhau-demo

signin() {
	curl -s -o /dev/null -c "$tmp/jar.$1" -H 'Content-Type: application/json' \
		-d "{\"login\":\"$1\",\"password\":\"$pw\"}" "$base/api/v1/session"
}
# get LOGIN PATH OUT: the page into $tmp/OUT, its status and Location in $tmp/OUT.h
get() {
	curl -s -D "$tmp/$3.h" -o "$tmp/$3" -b "$tmp/jar.$1" "$base$2"
}
status() { head -1 "$tmp/$1.h" | awk '{print $2}'; }
location() { grep -i '^Location:' "$tmp/$1.h" | tr -d '\r' | sed 's/^[^:]*: //'; }
for u in tinh lanhdao vanphong baocao; do signin $u; done

# Homes.
for u in tinh lanhdao; do
	get $u / home
	[[ "$(location home)" == */don-vi/DEMO/bang-dieu-khien ]] && ok || bad "$u lands on $(location home)"
done
for u in vanphong baocao; do
	get $u / home
	[[ "$(location home)" == */don-vi/DEMO-A/viec-can-lam ]] && ok || bad "$u lands on $(location home)"
done
get tinh "/don-vi/DEMO/bang-dieu-khien?period=2025-12" dash
[ "$(status dash)" = 200 ] && ok || bad "dashboard: $(status dash)"
has "<h1>Bảng điều khiển: Tỉnh Mẫu (demo)</h1>" "dashboard h1" dash
has "chỉ tiêu đạt hoặc đúng tiến độ" "share on track" dash
has "Đơn vị chậm nhất" "units behind" dash
has "href=\"/don-vi/DEMO-B?period=2025-12&amp;loc=cham\"" "drill down to a commune's behind" dash
has "Diễn biến qua các kỳ" "trend" dash
has "Tháng 12/2025" "period label" dash
has "href=\"/don-vi/DEMO/tinh?period=2025-12\"" "comparison from the dashboard" dash
get vanphong /don-vi/DEMO-A/viec-can-lam todo
has "Kỳ đang mở" "open period" todo
grep -qE 'đến hết <strong>[0-9]{2}/[0-9]{2}/[0-9]{4}</strong>' "$tmp/todo" && ok || bad "cut-off as dd/mm/yyyy"
grep -qE 'hạn gửi báo cáo <strong>[0-9]{2}/[0-9]{2}/[0-9]{4}</strong>' "$tmp/todo" && ok || bad "the sending deadline (Decree 09)"
has "Chờ duyệt" "office: waiting for approval" todo
has "Chưa báo cáo kỳ" "office: who has not reported" todo
has "Cơ quan chủ trì" "office: lead agencies" todo
get baocao /don-vi/DEMO-A/viec-can-lam todo_r
has "Số liệu cần nhập" "reporter: what to enter" todo_r
hasnt "Chờ duyệt" "reporter: no approvals" todo_r
# A unit without a plan of its own: its dashboard, never an error.
get tinh /don-vi/DEMO-HX noplan
[[ "$(location noplan)" == */don-vi/DEMO-HX/bang-dieu-khien ]] && ok || bad "no plan: $(status noplan) $(location noplan)"
get tinh /don-vi/DEMO-HX/bang-dieu-khien noplan2
[ "$(status noplan2)" = 200 ] && ok || bad "no-plan dashboard: $(status noplan2)"

# A period people mistype: a page that says how to write it.
get vanphong "/don-vi/DEMO-A?period=quy3" badp
[ "$(status badp)" = 400 ] && ok || bad "bad period: $(status badp)"
has "<h1>Kỳ báo cáo không hợp lệ</h1>" "bad period: a page" badp
has "2026-Q3 (quý)" "bad period: how to write it" badp

# The overview: the latest period with data, filters, lead, sparklines.
get vanphong /don-vi/DEMO-A ov
has "<option value=\"2025-12\" selected>Tháng 12/2025</option>" "default period: latest with data" ov
has "Chủ trì:" "lead agency in the list" ov
has "<svg class=\"spark\"" "sparkline" ov
has "loc=cham" "filter to what is behind" ov
get vanphong "/don-vi/DEMO-A?period=2025-12&loc=cham" ovc
n_all=$(grep -o '<tr><td>' "$tmp/ov" | wc -l)
n_late=$(grep -o '<tr><td>' "$tmp/ovc" | wc -l)
[ "$n_late" -ge 1 ] && [ "$n_late" -lt "$n_all" ] && ok || bad "filter: $n_late of $n_all rows"
get tinh "/don-vi/DEMO-B?period=2025-12" ovb
has "12.500" "thousands grouped" ovb

# The comparison.
get tinh "/don-vi/DEMO/tinh?period=2025-12" cmp
has "đã báo cáo 3/73" "completeness" cmp
has "href=\"/don-vi/DEMO-A/chi-tieu/I.1?period=2025-12\">75<small>vượt</small>" "a cell: figure, words, link" cmp
has "<tfoot>" "total row" cmp
has "href=\"/don-vi/DEMO-C/chi-tieu/V.23?period=2025-12\"" "a cell links to the unit's own code" cmp
hasnt "href=\"/don-vi/DEMO-C/chi-tieu/V.20?" "not the province's code" cmp
has "aria-sort=\"none\"><button type=\"button\">" "sort buttons" cmp
has "I.3. Tỷ lệ người sử dụng có khả năng truy cập băng thông rộng" "full names" cmp
get tinh "/don-vi/DEMO/tinh?period=2025-12&format=csv" csv
has '"I.1","Phủ sóng 5G trên dân số",' "CSV row" csv
has '(đã báo cáo 3/73)' "CSV completeness" csv
get tinh "/don-vi/DEMO/tinh?period=2025-12&format=xlsx" xlsx
[ "$(head -c 2 "$tmp/xlsx")" = PK ] && ok || bad "XLSX is not a zip"

# The entry form of the commune office (all 73 indicators, each with its
# fields, target, last figure and unit): small too (it weighed 64,181 bytes
# with a file-upload link on every row; now one link to the upload page).
get vanphong /don-vi/DEMO-A/nhap-lieu entry
size=$(wc -c < "$tmp/entry")
[ "$(status entry)" = 200 ] && [ "$size" -gt 20000 ] && [ "$size" -lt 61440 ] && ok || bad "the office's entry form: $(status entry), $size bytes"
has "minh-chung?period=" "one link to upload evidence files" entry

# Every page: small, no codes, gzip.
pages="/don-vi/DEMO /don-vi/DEMO/bang-dieu-khien /don-vi/DEMO/tinh /don-vi/DEMO-A /don-vi/DEMO-A/viec-can-lam
/don-vi/DEMO-A/chi-tieu/I.3 /don-vi/DEMO-HX /don-vi/NOPE /don-vi/DEMO-A/chi-tieu/NOPE"
i=0
for p in $pages; do
	i=$((i + 1))
	curl -s -L -o "$tmp/p$i" -b "$tmp/jar.tinh" "$base$p"
	size=$(wc -c < "$tmp/p$i")
	[ "$size" -gt 200 ] && [ "$size" -lt 61440 ] && ok || bad "$p weighs $size bytes"
	hasnt "[E_" "$p shows a code" "p$i"
	curl -s -L -o "$tmp/z$i" -D "$tmp/z$i.h" -H 'Accept-Encoding: gzip' -b "$tmp/jar.tinh" "$base$p"
	grep -qi '^Content-Encoding: gzip' "$tmp/z$i.h" && ok || bad "$p: not gzipped"
	gunzip -c < "$tmp/z$i" | cmp -s - "$tmp/p$i" && ok || bad "$p: gzip does not unpack to the page"
done
curl -s -D "$tmp/plain.h" -o /dev/null -b "$tmp/jar.tinh" "$base/don-vi/DEMO-A"
grep -qi '^Content-Encoding' "$tmp/plain.h" && bad "gzip without Accept-Encoding" || ok
curl -s -D "$tmp/q0.h" -o /dev/null -H 'Accept-Encoding: gzip;q=0, identity' -b "$tmp/jar.tinh" "$base/don-vi/DEMO-A"
grep -qi '^Content-Encoding' "$tmp/q0.h" && bad "gzip despite q=0" || ok
finish store_dash
