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
. "$root/scripts/bench-lib.sh"
line() { bench_line "$@"; }

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
bench_units "$tmp/units.csv" "$communes" $provinces
"$bin" unit import "$tmp/units.csv" > /dev/null
bench_plan_list "$tmp/plans.csv" "$communes" $provinces
"$bin" import --list "$tmp/plans.csv" > /dev/null
units=$((1 + provinces + communes))
bench_codes "$bin" "$tmp"
# Every month of 2025, then of 2026, for every commune's indicators:
# numbers (0-99: some are percents) whole on odd indicators, with one
# decimal on even ones.
bench_figures "$tmp" 1 "$communes" 12 2025 1 > "$tmp/base.csv"
bench_figures "$tmp" 1 "$communes" 12 2026 1 > "$tmp/more.csv"
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
read -r per_unit total per_figure <<< "$(awk -v sp="$s_plans" -v u="$units" -v m="$marginal" 'BEGIN {
	nu = 1 + 34 + 3321; nf = 3321 * 75 * 8 * 12
	total = sp / u * nu + m * nf
	printf "%.0f %.2f %.1f\n", sp / u, total / 1e9, total / nf
}')"
line "plan structure per unit (store before figures / units)" "$per_unit B" "-"
line "whole store at the issue scale (3356 units, 23.9 M figures)" "$total GB" "-"
line "whole store bytes per figure at that scale" "$per_figure B" "≤ $goal B"
