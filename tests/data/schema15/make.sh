#!/usr/bin/env bash
# make.sh BIN [DIR]: the schema-15 stores that tests/cli/store_migrate16.sh
# migrates, made by a chitieu of schema 15 (BIN; these were made by main at
# 180de37), into DIR (this folder by default; tests/data/schema16/make.sh
# makes its schema-16 stores so, with a schema-16 binary): on SQLite (lite.sql, sqlite3's .dump) or, under
# tests/pg/with-pg.sh, on PostgreSQL (pg.sql, pg_dump); each with what that
# binary's readers print on it (lite.out, pg.out: plans, show, status,
# summary, rollup, rank, observations, tasks, series, link list, audit,
# each after a line "== NAME") and its dump (lite.json, pg.json). A
# province and three communes on two real plans (one commune's second
# version on another plan: retired series), agencies, figures, links
# proposed, confirmed and one rejected.
set -euo pipefail
bin=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
plans=$here/../plans readers=$here/readers.bash
[ -n "${2:-}" ] && here=$(cd "$2" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ -n "${CHITIEU_PG_URL:-}" ]; then
	export CHITIEU_DB=$CHITIEU_PG_URL name=pg
	psql -q "$CHITIEU_DB" -c 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;' > /dev/null 2>&1
else
	export CHITIEU_DB=$tmp/s15.db name=lite
fi
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
