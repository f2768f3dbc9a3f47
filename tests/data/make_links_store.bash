#!/usr/bin/env bash
# make_links_store.bash SCHEMA BIN [DIR]: the links' store of schema 14 or
# 15 (tests/data/schema14/make.sh, schema15/make.sh: see there), written
# into DIR when given (schema16/make.sh), else into schemaSCHEMA.
. "$(dirname "$0")/make_lib.bash"
readers=$here/readers.bash
[ -n "${3:-}" ] && here=$(cd "$3" && pwd)
p4=$plans/004_5f0b3916b5e2f87f.txt p0=$plans/000_03b77514fb71b314.txt
"$bin" unit add --code P --name "Tỉnh P" --kind province > /dev/null
for u in A B C; do "$bin" unit add --code $u --name "Xã $u" --kind commune --parent P > /dev/null; done
for u in P A B C; do "$bin" import "$p4" --unit "$u" > /dev/null; done
"$bin" import "$p0" --unit C --confirm > /dev/null
codes=$("$bin" parse "$p4" | jq -r '.plan.indicators[] |
	select([.targets[]?.kind] - ["number","none","range"] | length == 0) | .code' | head -8)
{
	echo "unit,indicator,period,value"
	for u in A B; do
		k=0
		for c in $codes; do
			k=$((k + 1))
			for q in 1 2 3 4; do echo "$u,$c,2025-Q$q,$(((k * 7 + q) % 90))"; done
		done
	done
} > "$tmp/a.csv"
"$bin" record --csv "$tmp/a.csv" --by nhap1 > /dev/null
"$bin" link propose --unit P > /dev/null
"$bin" link confirm --unit P --all-sure > /dev/null
first=$(echo "$codes" | head -1)
"$bin" link reject --unit A --indicator "$first" > /dev/null
out=$here/$name.out
. "$readers"
run_readers "$out"
"$bin" dump "$tmp/d.json" > /dev/null
if [ "$name" = pg ]; then
	pg_dump --no-owner --no-privileges "$CHITIEU_DB" > "$here/pg.sql"
else
	sqlite3 "$CHITIEU_DB" .dump > "$here/lite.sql"
fi
jq -cS 'del(.schema)' "$tmp/d.json" > "$here/$name.json"
echo "$name: $(jq '.tables.observations.rows | length' "$here/$name.json") figures, $(jq '.tables.links.rows | length' "$here/$name.json") links, $(jq '.tables.agencies.rows | length' "$here/$name.json") agencies, $(grep -c '^== ' "$out") readers"
