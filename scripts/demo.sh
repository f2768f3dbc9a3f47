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
echo "demo: $db (tài khoản: admin, tinh, vanphong, baocao, lanhdao; mật khẩu: $pw)"
