#!/usr/bin/env bash
# store_rollup.sh: a province from two communes of very different sizes,
# worked out by hand: ratios are sum(num)/sum(den), percentages without
# num/den are weighted by population, levels give a distribution; and the
# ranking of the communes. On SQLite or on $CHITIEU_TEST_DB_URL.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
use_db
has() { grep -qF -- "$1" "$tmp/out" && ok || bad "$2: no \"$1\" in: $(head -c 600 "$tmp/out")"; }

plan="$data/plans/004_5f0b3916b5e2f87f.txt"
run province 0 unit add --code TN --name "Tỉnh" --kind province
run small 0 unit add --code A --name "Xã nhỏ" --kind commune --parent TN --population 1000
run big 0 unit add --code B --name "Phường lớn" --kind ward --parent TN --population 9000
run plan-a 0 import "$plan" --unit A
run plan-b 0 import "$plan" --unit B
cat > "$tmp/f.csv" << 'CSV'
unit,indicator,period,value,num,den,level
A,I.3,2025-09,,9,10,
B,I.3,2025-09,,100,1000,
A,I.1,2025-09,72,,,
B,I.1,2025-09,50,,,
A,IV.9,2025-09,,,,Khá
B,IV.9,2025-09,,,,Tốt
A,IV.1,2025-09,4,,,
B,IV.1,2025-09,7,,,
CSV
run record 0 record --csv "$tmp/f.csv"

run rollup 0 rollup --unit TN --period 2025-Q3 --format json
# I.3: (9 + 100) / (10 + 1000) = 10.792 %, not the 50 % of averaging 90 and 10.
grep -A12 '"code": "I.3"' "$tmp/out" | grep -q '"value": 10.79' && ok || bad "I.3 ratio: $(grep -A12 '"code": "I.3"' "$tmp/out" | grep value)"
# I.1: percentages without num/den, by population: (72*1000 + 50*9000)/10000 = 52.2.
grep -A12 '"code": "I.1"' "$tmp/out" | grep -q '"value": 52.2' && ok || bad "I.1 weighted"
# IV.1: a count (Sản phẩm) adds up: 4 + 7 = 11.
grep -A12 '"code": "IV.1"' "$tmp/out" | grep -q '"value": 11' && ok || bad "IV.1 count"
# IV.9: levels Khá (3) and Tốt (4) against Khá in 2025: both at or above.
grep -A20 '"code": "IV.9"' "$tmp/out" | tr -d ' \n' | grep -q '"levels":{"3":1,"4":1},"share_at_or_above":1' && ok || bad "IV.9 levels: $(grep -A20 '"code": "IV.9"' "$tmp/out" | tr -d ' \n')"
# I.1 ">= 70" by 2025: A meets (72), B is behind (50) and is the worst.
grep -A12 '"code": "I.1"' "$tmp/out" | tr -d ' \n' | grep -q '"evaluated":2,"meeting":1,"share_meeting":0.5' && ok || bad "I.1 meeting"
grep -A14 '"code": "I.1"' "$tmp/out" | tr -d ' \n' | grep -q '"worst":\["B"\]' && ok || bad "I.1 worst"
run rollup-text 0 rollup --unit TN --period 2025-Q3
has "Σtử/Σmẫu" "rollup text names the method"
has "1/2 xã đạt hoặc đúng tiến độ" "rollup text counts communes"

# The engine built from the store gives the same aggregates as rollup.
run series 0 series --unit TN --format csv
has "I.3,TN,2025-09,10.792079207920793" "series: I.3 ratio"
has "I.1,TN,2025-09,52.2" "series: I.1 weighted by population"
has "IV.1,TN,2025-09,11" "series: IV.1 count"
has "IV.9,TN,2025-09,3.5" "series: IV.9 mean level"
run series-text 0 series --unit TN --indicator I.3
has "1/2 xã có số liệu đạt mục tiêu" "series text counts communes meeting"
run series-unknown 2 series --unit TN --indicator XX.9
grep -q "E_UNKNOWN_INDICATOR" "$tmp/err" && ok || bad "series: unknown indicator: $(cat "$tmp/err")"
run series-no-unit 2 series --unit NOPE
grep -q "E_UNKNOWN_UNIT" "$tmp/err" && ok || bad "series: unknown unit"

# Ranking: completion = met or on track / indicators with a target at the
# coming milestone: A meets I.1 (72), I.3 (90 %) and IV.9 (3 of 73); B meets
# IV.1 (7 >= 5) and IV.9 (2 of 73).
run rank 0 rank --unit TN --year 2025 --format json
tr -d ' \n' < "$tmp/out" | grep -q '\[{"rank":1,"code":"A"' && ok || bad "A ranks first: $(tr -d ' \n' < "$tmp/out" | head -c 300)"
tr -d ' \n' < "$tmp/out" | grep -q '"rank":2,"code":"B"' && ok || bad "B second"
run rank-text 0 rank --unit TN --period 2025-Q3
has "bằng nhau thì cùng hạng" "the method is stated"
run rank-unknown 2 rank --unit NOPE --year 2025
grep -q "E_UNKNOWN_UNIT" "$tmp/err" && ok || bad "unknown province"
run rank-usage 1 rank --unit TN
run rollup-bad-period 2 rollup --unit TN --period 2025-13
grep -q '\[E_PERIOD\] "2025-13": tháng phải từ 01 đến 12' "$tmp/err" && ok || bad "rollup: bad period: $(cat "$tmp/err")"
run rank-bad-year 2 rank --unit TN --year 25
grep -q 'E_PERIOD' "$tmp/err" && ok || bad "rank: bad year: $(cat "$tmp/err")"

finish store_rollup
