#!/usr/bin/env bash
# make_figures_store.bash SCHEMA BIN: the figures' store of schema 10 or 11
# (tests/data/schema10/make.sh, schema11/make.sh: see there).
. "$(dirname "$0")/make_lib.bash"
plan=$plans/004_5f0b3916b5e2f87f.txt
"$bin" unit add --code P --name "Tỉnh P" --kind province > /dev/null
"$bin" unit add --code A --name "Xã A" --kind commune --parent P > /dev/null
"$bin" unit add --code B --name "Xã B" --kind commune --parent P > /dev/null
for u in A B; do "$bin" import "$plan" --unit "$u" > /dev/null; done
codes=$("$bin" parse "$plan" | jq -r '.plan.indicators[] |
	select([.targets[]?.kind] - ["number","none","range"] | length == 0) | .code' | head -6)
{
	echo "unit,indicator,period,value,note,evidence"
	for u in A B; do
		k=0
		for c in $codes; do
			k=$((k + 1))
			for p in 2025-01 2025-02 2025-Q1 2025; do
				echo "$u,$c,$p,$((k * 7 % 90)).$k,ghi chú $u $c,https://so.example.vn/$u-$k.pdf"
			done
		done
	done
} > "$tmp/a.csv"
"$bin" record --csv "$tmp/a.csv" --by nhap1 > /dev/null
sleep 1
first=$(echo "$codes" | head -1)
second=$(echo "$codes" | sed -n 2p)
awk -F, 'NR == 1 || (NR % 3 == 0) { if (NR > 1) $4 = $4 + 1; print }' OFS=, "$tmp/a.csv" > "$tmp/b.csv"
"$bin" record --csv "$tmp/b.csv" --by nhap2 --reason "số liệu mới" > /dev/null
sleep 1
"$bin" record --unit A --indicator "$first" --period 2025-03 --value 12.5 --by nhap1 > /dev/null
"$bin" record --unit A --indicator "$first" --period 2025-03 --value 13 --by nhap2 --reason "sửa" > /dev/null
if [ "$schema" -ge 11 ]; then
	# A yes, a level and a ratio figure (schema 12 keeps num and den apart).
	"$bin" record --unit A --indicator I.4 --period 2025-Q2 --yes --by nhap1 > /dev/null
	"$bin" record --unit A --indicator II.11 --period 2025-Q2 --level "Khá" --note "tự đánh giá" --by nhap1 > /dev/null
	"$bin" record --unit B --indicator "$first" --period 2025-H1 --num 3 --den 7 --by nhap1 > /dev/null
	"$bin" record --unit B --indicator "$first" --period 2025-9M --value 0.1 --by nhap1 > /dev/null
fi
"$bin" submit --unit A --period 2025-01 --all --by nhap1 > /dev/null
"$bin" approve --unit A --period 2025-01 --indicator "$first" --by duyet > /dev/null
"$bin" return --unit A --period 2025-01 --indicator "$second" --comment "thiếu minh chứng" --by duyet > /dev/null
"$bin" submit --unit B --period 2025-Q1 --all --by nhap1 > /dev/null
"$bin" approve --unit B --period 2025-Q1 --all --by duyet > /dev/null
"$bin" reopen --unit B --period 2025-Q1 --indicator "$first" --reason "kiểm tra lại" --by duyet > /dev/null
"$bin" dump "$tmp/d.json" > /dev/null
# A read mark of the returned figure's inbox message ("ret:ID:AT").
ret=$(jq -r '.tables.audit as $a | [$a.rows[] | [$a.columns, .] | transpose | map({(.[0]): .[1]}) | add
	| select(.action == "return")][0] | "ret:\(.entity_id):\(.at)"' "$tmp/d.json")
if [ "$name" = pg ]; then
	psql -q "$CHITIEU_DB" -c "INSERT INTO inbox_read VALUES ('vanphong', '$ret', '2025-06-01T00:00:00Z')"
	pg_dump --no-owner --no-privileges "$CHITIEU_DB" > "$here/pg.sql"
else
	sqlite3 "$CHITIEU_DB" "INSERT INTO inbox_read VALUES ('vanphong', '$ret', '2025-06-01T00:00:00Z')"
	sqlite3 "$CHITIEU_DB" .dump > "$here/lite.sql"
fi
jq -cS . "$tmp/d.json" > "$here/$name.json"
echo "$name: $(jq '.tables.observations.rows | length' "$here/$name.json") figures, $(jq '.tables.observation_history.rows | length' "$here/$name.json") history rows, $(jq '.tables.audit.rows | length' "$here/$name.json") audit rows"
