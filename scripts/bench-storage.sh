#!/usr/bin/env bash
# bench-storage.sh [BIN]: what a stored figure costs (issue 13: ≤ 40 bytes
# on SQLite, ≤ 80 on PostgreSQL, indexes and history at one version
# included), on the store in $CHITIEU_PG_URL (run under tests/pg/with-pg.sh)
# or else a SQLite file. Builds a store with the CLI: 1 country, 2
# provinces, $STORAGE_COMMUNES communes (100 by default) on the four real
# plans of tests/data/plans, a figure for each month of 2025 of every
# indicator a commune's plan measures (record --csv); then records the 12
# months of 2026 (N more figures) and prints the MARGINAL bytes per figure
# (size after - size before, / N; SQLite: the file after a checkpoint and
# VACUUM; PostgreSQL: pg_total_relation_size of every table after VACUUM
# FULL: heap, indexes, TOAST), the same per table and index (SQLite's
# dbstat, PostgreSQL's pg_relation_size), and the whole store's bytes per
# figure at the issue's scale (3,321 communes x 75 indicators x 8 years of
# monthly figures = 23.9 M figures): the plan structure per unit measured
# here x 3,356 units + the marginal cost x 23.9 M. Prints each beside its
# goal; asserts nothing.
set -euo pipefail
bin=$(realpath "${1:-build/chitieu}")
root=$(cd "$(dirname "$0")/.." && pwd)
communes=${STORAGE_COMMUNES:-100}
provinces=2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ -n "${CHITIEU_PG_URL:-}" ]; then
	export CHITIEU_DB=$CHITIEU_PG_URL backend=postgresql
	psql -q "$CHITIEU_DB" -c 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;' > /dev/null 2>&1
	goal=80
	q() { psql -tAq "$CHITIEU_DB" -c "$1"; }
else
	export CHITIEU_DB=$tmp/storage.db backend=sqlite
	goal=40
	q() { sqlite3 "$CHITIEU_DB" "$1"; }
fi
plans=("$root"/tests/data/plans/000_*.txt "$root"/tests/data/plans/001_*.txt
	"$root"/tests/data/plans/002_*.txt "$root"/tests/data/plans/004_*.txt)
line() { printf '  %-62s %12s   goal %s\n' "$1" "$2" "$3"; }

# The store's size in bytes, compacted first (the marginal cost of a figure,
# not of the free space a b-tree keeps after page splits).
size() {
	if [ "$backend" = sqlite ]; then
		sqlite3 "$CHITIEU_DB" 'PRAGMA wal_checkpoint(TRUNCATE); VACUUM; PRAGMA wal_checkpoint(TRUNCATE);' > /dev/null
		stat -c %s "$CHITIEU_DB"
	else
		psql -q "$CHITIEU_DB" -c 'VACUUM FULL' > /dev/null
		q "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n
			ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = 'r'"
	fi
}
# Each table and index: NAME BYTES, one a line.
parts() {
	if [ "$backend" = sqlite ]; then
		q "SELECT name, sum(pgsize) FROM dbstat GROUP BY name" | tr '|' ' '
	else
		q "SELECT c.relname, pg_relation_size(c.oid) + coalesce(pg_total_relation_size(nullif(c.reltoastrelid, 0)), 0)
			FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'i')" | tr '|' ' '
	fi
}

echo "== storage per figure on $backend: 1 country, $provinces provinces, $communes communes, 4 real plans ($bin)"
{
	echo "code,name,kind,parent,population"
	echo "VN,Cả nước,country,,100000000"
	for p in $(seq 1 $provinces); do echo "P$p,Tỉnh $p,province,VN,3000000"; done
	for i in $(seq 1 "$communes"); do
		printf 'C%05d,Xã %d,commune,P%d,%d\n' "$i" "$i" $(((i - 1) % provinces + 1)) $((5000 + i % 997 * 11))
	done
} > "$tmp/units.csv"
"$bin" unit import "$tmp/units.csv" > /dev/null
{
	echo "unit,file"
	echo "VN,${plans[0]}"
	for p in $(seq 1 $provinces); do echo "P$p,${plans[0]}"; done
	for i in $(seq 1 "$communes"); do printf 'C%05d,%s\n' "$i" "${plans[$((i % 4))]}"; done
} > "$tmp/plans.csv"
"$bin" import --list "$tmp/plans.csv" > /dev/null
units=$((1 + provinces + communes))
# Per plan: "code,field,value" the indicator takes (a yes, a level or a number).
for k in 0 1 2 3; do
	"$bin" parse "${plans[$k]}" | jq -r '.plan.indicators[] | [.targets[]?] as $t |
		if ($t | map(.kind) | index("yes")) then "\(.code),yes,có"
		elif ($t | map(.kind) | index("level")) then "\(.code),level,\($t | map(select(.kind == "level")) | .[0].level)"
		else "\(.code),value," end' > "$tmp/codes$k"
done
# figures YEAR: every month of YEAR for every commune's indicators; numbers
# (0-99: some are percents) whole on odd indicators, with one decimal on
# even ones.
figures() {
	echo "unit,indicator,period,value,level,yes"
	for i in $(seq 1 "$communes"); do
		awk -F, -v u="$(printf 'C%05d' "$i")" -v i="$i" -v y="$1" '{
			for (m = 1; m <= 12; m++) {
				v = ""
				if ($2 == "value") {
					v = (i * 7 + m * 13 + NR * 3 + y) % 1000
					v = NR % 2 ? v % 100 : sprintf("%.1f", v / 10)
				}
				printf "%s,%s,%d-%02d,%s,%s,%s\n", u, $1, y, m, v, ($2 == "level") ? $3 : "", ($2 == "yes") ? $3 : ""
			}
		}' "$tmp/codes$((i % 4))"
	done
}
figures 2025 > "$tmp/base.csv"
figures 2026 > "$tmp/more.csv"
base=$(($(wc -l < "$tmp/base.csv") - 1))
more=$(($(wc -l < "$tmp/more.csv") - 1))

s_plans=$(size)
parts > "$tmp/p0"
"$bin" record --csv "$tmp/base.csv" > /dev/null
s0=$(size)
parts > "$tmp/p1"
"$bin" record --csv "$tmp/more.csv" > /dev/null
s1=$(size)
parts > "$tmp/p2"
stored=$(q "SELECT count(*) FROM observations")
[ "$stored" -eq $((base + more)) ] || echo "  warning: $stored figures stored, $((base + more)) recorded"
history=$(q "SELECT count(*) FROM observation_history")
audit=$(q "SELECT count(*) FROM audit")

echo "  the store: $units units, $(q "SELECT count(*) FROM plans") plans, $(q "SELECT count(*) FROM series") series; $base figures (2025), then $more (2026); $history history rows, $audit audit rows"
marginal=$(awk -v a="$s0" -v b="$s1" -v n="$more" 'BEGIN { printf "%.1f", (b - a) / n }')
line "marginal bytes per figure (size delta / $more figures)" "$marginal B" "≤ $goal B"
line "  the first $base figures on the plans alone (delta / figures)" \
	"$(awk -v a="$s_plans" -v b="$s0" -v n="$base" 'BEGIN { printf "%.1f", (b - a) / n }') B" "≤ $goal B"
echo "  per table and index, bytes per added figure (the 2026 figures):"
join -a 2 -e 0 -o 0,1.2,2.2 <(sort "$tmp/p1") <(sort "$tmp/p2") |
	awk -v n="$more" '$3 != $2 { printf "    %-40s %10.1f B\n", $1, ($3 - $2) / n }'
# The issue's scale: the plan structure per unit (the store before any
# figure, / units) for every unit of the country, and every figure at the
# marginal cost.
awk -v sp="$s_plans" -v u="$units" -v m="$marginal" -v g="$goal" 'BEGIN {
	nu = 1 + 34 + 3321; nf = 3321 * 75 * 8 * 12
	per_unit = sp / u
	total = per_unit * nu + m * nf
	printf "  %-62s %12s   goal %s\n", "plan structure per unit (store before figures / units)", sprintf("%.0f B", per_unit), "-"
	printf "  %-62s %12s   goal %s\n", sprintf("whole store at the issue scale (%d units, %.1f M figures)", nu, nf / 1e6), sprintf("%.2f GB", total / 1e9), "-"
	printf "  %-62s %12s   goal ≤ %s B\n", "whole store bytes per figure at that scale", sprintf("%.1f B", total / nf), g
}'
