#!/usr/bin/env bash
# demo.sh DB: a demo database for `make run` and the browser tests: a demo
# province with the bundled real plans under demo communes, one account per
# role, and a few figures marked as demo. Does nothing if DB exists.
set -euo pipefail
bin=${BIN:-build/chitieu}
db=$1
[ -e "$db" ] && exit 0 # a file already there; a PostgreSQL URL is always filled
export CHITIEU_DB=$db
pw=matkhau-demo
c() { "$bin" "$@" > /dev/null; }
c unit add --code DEMO --name "Tỉnh Mẫu (demo)" --kind province --population 1200000
c unit add --code DEMO-A --name "Xã An Bình (demo)" --kind commune --parent DEMO --population 12000
c unit add --code DEMO-B --name "Phường Bắc Sơn (demo)" --kind ward --parent DEMO --population 45000
c unit add --code DEMO-C --name "Xã Cát Tiên (demo)" --kind commune --parent DEMO --population 8000
plans=${PLANS:-tests/data/plans}
c import "$plans/004_5f0b3916b5e2f87f.txt" --unit DEMO-A
c import "$plans/004_5f0b3916b5e2f87f.txt" --unit DEMO-B
c import "$plans/000_03b77514fb71b314.txt" --unit DEMO-C
# The province has no plan document of its own: its catalogue of shared
# indicators is made from its communes' plans, the links proposed (written
# alike: confirmed at once), the sure ones confirmed; the rest wait for the
# province office (chitieu link list --unit DEMO --state proposed).
c plan catalogue --unit DEMO --by demo
c link propose --unit DEMO --by demo
c link confirm --unit DEMO --all-sure --by demo
echo "$pw" | c user add --login admin --name "Quản trị (demo)" --role admin
echo "$pw" | c user add --login tinh --name "Văn phòng tỉnh (demo)" --role office --unit DEMO
echo "$pw" | c user add --login vanphong --name "Văn phòng xã An Bình (demo)" --role office --unit DEMO-A
echo "$pw" | c user add --login baocao --name "Phòng Kinh tế xã An Bình (demo)" --role reporter \
	--unit DEMO-A --agency "Phòng Kinh tế, Hạ tầng và Đô thị"
echo "$pw" | c user add --login lanhdao --name "Lãnh đạo tỉnh (demo)" --role viewer --unit DEMO
csv=$(mktemp)
trap 'rm -f "$csv"' EXIT
cat > "$csv" << CSV
unit,indicator,period,value,num,den,level,yes,note,evidence
DEMO-A,I.3,2025-06,,30,100,,,SỐ LIỆU MẪU (demo),
DEMO-A,I.3,2025-12,,55,100,,,SỐ LIỆU MẪU (demo),
DEMO-A,I.1,2025-12,75,,,,,SỐ LIỆU MẪU (demo),
DEMO-A,IV.1,2025-12,6,,,,,SỐ LIỆU MẪU (demo),
DEMO-B,I.3,2025-12,,800,1000,,,SỐ LIỆU MẪU (demo),
DEMO-B,I.1,2025-12,60,,,,,SỐ LIỆU MẪU (demo),
DEMO-B,IV.1,2025-12,3,,,,,SỐ LIỆU MẪU (demo),
CSV
c record --csv "$csv" --by demo
c submit --unit DEMO-A --period 2025-12 --all --by demo
c approve --unit DEMO-A --period 2025-12 --all --by vanphong
said() { echo "demo: $db (tài khoản: admin, tinh, vanphong, baocao, lanhdao; mật khẩu: $pw)"; }
# DEMO_SIZE=small stops here: the three communes and seven figures the
# tests are written against (the whole demo takes a minute or two to make).
if [ "${DEMO_SIZE:-full}" = small ]; then
	said
	exit 0
fi

# Nine more communes and wards on the four real plans (twelve in all), added
# after the province's catalogue so that its shared indicators stay those of
# DEMO-A/B/C; their links are proposed like the first ones'.
more="DEMO-D|Xã Đồng Tâm (demo)|commune|001|9500
DEMO-E|Xã Eo Gió (demo)|commune|002|6200
DEMO-G|Phường Giang Nam (demo)|ward|004|38000
DEMO-H|Xã Hòa Bình (demo)|commune|000|11000
DEMO-K|Xã Kim Sơn (demo)|commune|001|7300
DEMO-L|Phường Lạc Hồng (demo)|ward|004|52000
DEMO-M|Xã Minh Tân (demo)|commune|002|5400
DEMO-N|Xã Nam Hà (demo)|commune|000|9900
DEMO-P|Phường Phú Mỹ (demo)|ward|001|41000"
while IFS='|' read -r code name kind plan pop; do
	c unit add --code "$code" --name "$name" --kind "$kind" --parent DEMO --population "$pop"
	c import "$(ls "$plans/${plan}"_*.txt)" --unit "$code"
done <<< "$more"
c link propose --unit DEMO --by demo
c link confirm --unit DEMO --all-sure --by demo

# Two years of figures (2025-Q1 to 2026-Q3 by quarter; a sixth of the
# indicators by month, 2026-01 to 2026-10), made deterministically from each
# indicator's first numeric target: a path from its baseline towards the
# target, each unit/indicator ahead or behind by a factor drawn from a hash
# of its codes; some indicators never reported, some stopping two periods
# early. DEMO-A keeps the figures above (its I.1, I.3, IV.1 and IV.2 get no
# more: the browser test enters IV.2 itself).
quarters="2025-Q1 2025-Q2 2025-Q3 2025-Q4 2026-Q1 2026-Q2 2026-Q3"
months="2026-01 2026-02 2026-03 2026-04 2026-05 2026-06 2026-07 2026-08 2026-09 2026-10"
units="DEMO-A DEMO-B DEMO-C DEMO-D DEMO-E DEMO-G DEMO-H DEMO-K DEMO-L DEMO-M DEMO-N DEMO-P"
echo "unit,indicator,period,value,num,den,level,yes,note,evidence" > "$csv"
for u in $units; do
	id=$("$bin" plans --unit "$u" | awk '$3 == "v1" || $4 == "*" {sub("#", "", $1); print $1; exit}')
	"$bin" show "$id" --format json | jq -r '.plan.baseline_year as $by | .plan.indicators[] |
		(.targets | to_entries | map(select(.value.kind == "number")) | first) as $t |
		(.targets | to_entries | map(select(.value.kind == "yes")) | first) as $y |
		if $t then [.code, (.unit // ""), "number", $t.key, $t.value.value, ($t.value.op // ">="), (.baseline // "")]
		elif $y then [.code, "", "yes", $y.key, 1, "", ""] else empty end | @tsv' |
		awk -F'\t' -v u="$u" -v qs="$quarters" -v ms="$months" '
		function h(s,   i, x) { x = 7; for (i = 1; i <= length(s); i++) x = (x * 31 + index("ABCDEFGHIJKLMNOPQRSTUVWXYZ-.0123456789", substr(s, i, 1))) % 100003; return x }
		function mon(p,   y, m) { y = substr(p, 1, 4) + 0; if (substr(p, 6, 1) == "Q") m = substr(p, 7, 1) * 3; else m = substr(p, 6, 2) + 0; return (y - 2024) * 12 + m }
		BEGIN { nq = split(qs, Q, " "); nm = split(ms, M, " ") }
		{
			code = $1; key = h(u "|" code)
			if (u == "DEMO-A" && (code == "I.1" || code == "I.3" || code == "IV.1" || code == "IV.2")) next
			if (u == "DEMO-B" && (code == "I.1" || code == "I.3" || code == "IV.1")) next
			if (key % 6 == 0) next                     # never reported
			monthly = (key % 6 == 1); late = (key % 7 == 2) ? 2 : 0
			n = monthly ? nm : nq
			perf = 0.55 + (key % 80) / 100.0          # 0.55 (far behind) to 1.34 (ahead)
			T = $5 + 0; op = $6; base = ($7 != "") ? $7 + 0 : (op == "<=" ? T * 1.6 + 1 : T * 0.3)
			span = ($4 - 2024) * 12
			for (i = 1; i <= n - late; i++) {
				p = monthly ? M[i] : Q[i]
				f = mon(p) / span; if (f > 1) f = 1
				wob = ((h(u code p) % 11) - 5) / 100.0
				if ($3 == "yes") {
					printf "%s,%s,%s,,,,,%s,SỐ LIỆU MẪU (demo),\n", u, code, p, (f * perf > 0.6) ? "1" : "0"
					continue
				}
				v = base + (T - base) * f * perf * (1 + wob)
				if (v < 0) v = 0
				if ($2 ~ /%/ && v > 100) v = 100
				v = (T >= 20 || base >= 20) ? int(v + 0.5) : int(v * 10 + 0.5) / 10
				printf "%s,%s,%s,%s,,,,,SỐ LIỆU MẪU (demo),\n", u, code, p, v
			}
		}' >> "$csv"
done
c record --csv "$csv" --by demo
# Approved up to mid-2026; the last quarter (and months) waits for approval
# in half the units and is still a draft in the others; one figure returned.
for u in $units; do
	for p in 2025-Q1 2025-Q2 2025-Q3 2025-Q4 2026-Q1 2026-Q2 $(echo "$months" | tr ' ' '\n' | grep -v '^2026-0[7-9]\|^2026-10'); do
		"$bin" submit --unit "$u" --period "$p" --all --by demo > /dev/null 2>&1 || true
		"$bin" approve --unit "$u" --period "$p" --all --by tinh > /dev/null 2>&1 || true
	done
done
for u in DEMO-B DEMO-C DEMO-D DEMO-G DEMO-L DEMO-P; do
	for p in 2026-Q3 2026-07 2026-08 2026-09 2026-10; do
		"$bin" submit --unit "$u" --period "$p" --all --by demo > /dev/null 2>&1 || true
	done
done
ret=$("$bin" observations --unit DEMO-B --period 2026-Q3 | awk '/submitted/ {print $1; exit}')
[ -n "$ret" ] && c return --unit DEMO-B --period 2026-Q3 --indicator "$ret" \
	--comment "Số liệu cao bất thường so với quý trước; đề nghị kiểm tra lại nguồn và gửi kèm minh chứng (demo)" --by tinh
# Tasks of plan 001 (41): some done, some under way; those due and not done
# stay overdue.
for u in DEMO-D DEMO-K DEMO-P; do
	k=0
	for t in I.1 I.3 II.1 II.3 III.1 III.4 IV.1 V.2 VI.2 VII.1; do
		k=$((k + 1))
		case $(( (k + ${#u}) % 3 )) in
		0) c task --unit "$u" --task "$t" --period 2026-Q3 --status done --percent 100 --note "Hoàn thành (demo)" --by demo ;;
		1) c task --unit "$u" --task "$t" --period 2026-Q3 --status in_progress --percent $((20 + k * 7)) --note "Đang triển khai (demo)" --by demo ;;
		*) ;;
		esac
	done
done
said
