#!/usr/bin/env bash
# store_status.sh: `chitieu status` on a stored plan with recorded figures,
# on SQLite or on the PostgreSQL server named by $CHITIEU_TEST_DB_URL.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
use_db
# row CODE STATUS: the CSV row of CODE has STATUS.
row() { grep -q "^\"$1\",.*,$2,[^,]*\$" "$tmp/out" && ok || bad "$1: want $2: $(grep "^\"$1\"," "$tmp/out")"; }

run unit 0 unit add --code HQ --name "Phường Hồng Quang" --kind ward
run import 0 import "$data/plans/004_5f0b3916b5e2f87f.txt" --unit HQ
run r1 0 record --unit HQ --indicator I.1 --period 2025-06 --value 60
run r2 0 record --unit HQ --indicator I.1 --period 2025-09 --value 72
run r3 0 record --unit HQ --indicator I.3 --period 2025-09 --num 500 --den 1000
run r4 0 record --unit HQ --indicator I.4 --period 2025-09 --yes
run r5 0 record --unit HQ --indicator II.11 --period 2025 --level "Khá"
run r6 0 record --unit HQ --indicator V.2 --period 2025-09 --value 60

# 2025-Q3: before the 2025 milestone.
run status-q3 0 status --unit HQ --period 2025-Q3 --format csv
head -1 "$tmp/out" | grep -q "^code,name,milestone,target,latest,status,colour$" && ok || bad "csv header"
row I.1 exceeded   # >= 70, 72
row I.3 at_risk    # 500/1000 = 50 %, >= 70 by the end of 2025
row I.4 met        # Có
row I.2 no_data    # 6G: no figure; its first target is 2035
row V.2 at_risk    # >= 100, 60
row II.11 no_data  # the 2025 figure is after 2025-Q3
grep -q '"I.3",.*,50,' "$tmp/out" && ok || bad "ratio shown as a percentage"

# 2026-Q1: the 2025 milestone has passed; 2030 comes next.
run status-2026 0 status --unit HQ --period 2026-Q1 --format csv
row I.1 on_track   # path from 70 (2025) to 100 (2030) asks 71.5; 72
row I.3 at_risk    # 50 below the path
row I.4 met        # "Duy trì, phát triển": Có still holds
row II.11 met      # Khá
run status-json 0 status --unit HQ --period 2026-Q1 --format json
grep -q '"record": "Mục tiêu 2030: 100; tính đến 2026-03: đường mục tiêu từ mốc 2025 (70) đến 100 (2030): kỳ này cần 71.5' "$tmp/out" &&
	ok || bad "calculation record of I.1: $(grep -m1 '"record"' "$tmp/out")"
run status-text 0 status --unit HQ --period 2026-Q1
grep -q "73 chỉ tiêu:" "$tmp/out" && ok || bad "text summary"
grep -q "XANH" "$tmp/out" && grep -q "VÀNG" "$tmp/out" && grep -q "XÁM" "$tmp/out" && ok || bad "colours named"
run status-cagr 0 status --unit HQ --period 2026-Q1 --method cagr --format json
grep -q "growth_ratio" "$tmp/out" && ok || bad "cagr method gives a growth ratio"

# The yearly evaluation per group, plan and lead agency. At 2026-Q1: I.1
# (on track) and I.4 (met) of group I's 4; II.11 of group II's 13; none of
# V's 36 (V.2 is 60 against 100): 3 of 73 for the plan.
run summary 0 summary --unit HQ --period 2026-Q1 --format json
tr -d ' \n' < "$tmp/out" | grep -q '{"key":"","good":3,"evaluated":73' && ok || bad "plan completion: $(tr -d ' \n' < "$tmp/out" | head -c 200)"
tr -d ' \n' < "$tmp/out" | grep -q '{"key":"I","good":2,"evaluated":4,"completion":0.5' && ok || bad "group I"
tr -d ' \n' < "$tmp/out" | grep -q '{"key":"V","good":0,"evaluated":36' && ok || bad "group V"
# "Phòng Văn hóa – Xã hội" and "- Xã hội" are one agency; so are "Trung
# tâm HCC" and "trung tâm phục vụ hành chính công" (and its typo).
[ "$(grep -c '"key": "Phòng Văn hóa' "$tmp/out")" -eq 1 ] && ok || bad "Phòng Văn hóa – Xã hội counted once"
[ "$(grep -ci '"key": "trung tâm\(phục vụ\| phục vụ\)\? \?\(hcc\|hành\)' "$tmp/out")" -eq 1 ] && ok || bad "the HCC centre counted once: $(grep -i '"key": "trung' "$tmp/out")"
tr -d ' \n' < "$tmp/out" | grep -q '"key":"Cônganphường","good":1,"evaluated":2,"completion":0.5,"rank":1' && ok || bad "Công an phường first"
run summary-text 0 summary --unit HQ --year 2026
grep -q "Theo cơ quan chủ trì" "$tmp/out" && ok || bad "summary text"

# Periods roll up by nature: III.1 "Số sáng kiến … mỗi năm" (≥ 2 in 2025)
# reported by quarter-month adds up over the year (1 + 1 = 2); III.2 "Số cán
# bộ … tham gia" (≥ 10) is a stock: the year takes June's 8, not 6 + 8.
run r7 0 record --unit HQ --indicator III.1 --period 2025-03 --value 1
run r8 0 record --unit HQ --indicator III.1 --period 2025-06 --value 1
run r9 0 record --unit HQ --indicator III.2 --period 2025-03 --value 6
run r10 0 record --unit HQ --indicator III.2 --period 2025-06 --value 8
run status-year 0 status --unit HQ --period 2025 --format csv
row III.1 met
grep -q '^"III.1",.*,2,met,' "$tmp/out" && ok || bad "III.1 summed over the year: $(grep '^"III.1"' "$tmp/out")"
row III.2 not_met
grep -q '^"III.2",.*,8,not_met,' "$tmp/out" && ok || bad "III.2 a stock: $(grep '^"III.2"' "$tmp/out")"
run status-h1 0 status --unit HQ --period 2025-H1 --format csv
grep -q '^"III.1",.*,2,' "$tmp/out" && ok || bad "III.1 summed over H1: $(grep '^"III.1"' "$tmp/out")"
run status-june 0 status --unit HQ --period 2025-06 --format csv
grep -q '^"III.1",.*,1,' "$tmp/out" && ok || bad "III.1 for the month alone: $(grep '^"III.1"' "$tmp/out")"

run status-bad-period 2 status --unit HQ --period 2026-13
grep -q "E_PERIOD" "$tmp/err" && ok || bad "bad period"
run status-unknown 2 status --unit NOPE --period 2026-01
grep -q "E_UNKNOWN_UNIT" "$tmp/err" && ok || bad "unknown unit"
run unit2 0 unit add --code DT --name "Xã Dân Tiến" --kind commune
run status-no-plan 2 status --unit DT --period 2026-01
grep -q "E_NO_PLAN" "$tmp/err" && ok || bad "no plan"
run status-usage 1 status --unit HQ --format xml

finish store_status
