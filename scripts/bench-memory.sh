#!/usr/bin/env bash
# bench-memory.sh [BIN]: the server's memory at the issue's scale (issue
# 13: the whole country, 3,321 communes, eight years of monthly figures, in
# <= 1 GB), on SQLite, or on the PostgreSQL in $CHITIEU_PG_URL (run under
# tests/pg/with-pg.sh, or a cluster kept: scripts/pg-cluster.sh). The store
# is built through the CLI by scripts/bench-national.sh (unit import,
# import --list, record --csv, links of every province and the country:
# NATIONAL_LINKS=all) with a figure for each of $NATIONAL_MONTHS months
# from 2025-01 of every indicator a commune's plan measures; then `chitieu serve` is warmed on
# the country roll-up and ranking, a province roll-up and page, a commune
# page and the dashboards at months, quarters and years, with writes
# between, and its peak memory (VmHWM) is printed beside the goal.
# Smaller by default (what `make bench` runs): NATIONAL_COMMUNES=340 and
# NATIONAL_MONTHS=24. The issue's scale: NATIONAL_COMMUNES=3321
# NATIONAL_MONTHS=96, and NATIONAL_ONE_PLAN=1 for 75 indicators a commune
# (plan 000 for all, scripts/bench-national.sh). MEMORY_STORE=DIR keeps the
# store in DIR (on PostgreSQL a mark there that the database at that URL is
# built) and uses it again when built. Asserts nothing.
set -euo pipefail
bin=$(realpath "${1:-build/chitieu}")
root=$(cd "$(dirname "$0")/.." && pwd)
export NATIONAL_COMMUNES=${NATIONAL_COMMUNES:-340} NATIONAL_MONTHS=${NATIONAL_MONTHS:-24}
export NATIONAL_LINKS=${NATIONAL_LINKS:-all}
. "$root/scripts/bench-lib.sh"
bench_tmp
line() { printf '  %-58s %14s   goal %s\n' "$1" "$2" "$3"; }
store=${MEMORY_STORE:-$tmp}
mkdir -p "$store"
name=$store/memory-$NATIONAL_COMMUNES-$NATIONAL_MONTHS${NATIONAL_ONE_PLAN:+-one$NATIONAL_ONE_PLAN}
if [ -n "${CHITIEU_PG_URL:-}" ]; then
	# bench-national.sh builds in a fresh schema there; the mark names the URL.
	export CHITIEU_DB=$CHITIEU_PG_URL
	q() { psql -tAq "$CHITIEU_DB" -c "$1"; }
	built=$name.pg.built
	[ "$(cat "$built" 2> /dev/null)" = "$CHITIEU_PG_URL" ] || rm -f "$built"
else
	export NATIONAL_STORE=$name.db
	export CHITIEU_DB=$NATIONAL_STORE
	q() { sqlite3 "$CHITIEU_DB" "$1"; }
	built=$NATIONAL_STORE.built
fi
# The build (its figures printed by bench-national.sh), or the store kept.
if [ ! -f "$built" ]; then
	t0=$(bench_ms)
	NATIONAL_BUILD_ONLY=1 bash "$root/scripts/bench-national.sh" "$bin"
	line "store build, all steps" "$((($(bench_ms) - t0) / 1000)) s" "-"
	[ -n "${CHITIEU_PG_URL:-}" ] && echo "$CHITIEU_PG_URL" > "$built"
fi
figures=$(q 'select count(*) from observations')
on=
[ -n "${CHITIEU_PG_URL:-}" ] &&
	on=" on PostgreSQL (shared_buffers $(q 'show shared_buffers'), its own memory: not counted below)"
echo "== server memory: $NATIONAL_COMMUNES communes, $NATIONAL_MONTHS months, $figures figures stored$on"
echo bench-pass-123 | "$bin" user add --login mbench --role admin > /dev/null 2>&1 || true
token=$("$bin" user token --login mbench --label mbench 2> /dev/null | head -1)
bench_serve "$bin" "$tmp/server.log"
server_pid=$bench_server_pid base=$bench_base
cookie=$(bench_cookie "$base" mbench bench-pass-123)
status_kb() { awk -v k="$1:" '$1 == k {print $2}' "/proc/$server_pid/status"; }
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$server_pid/stat"; }
# get LABEL PATH: one GET, its status, size and time.
get() {
	local t code
	t=$(bench_ms)
	code=$(curl -s -m 900 -o "$tmp/body" -w '%{http_code}' -H "Cookie: $cookie" "$base$2" || true)
	t=$(($(bench_ms) - t))
	line "$1 ($code, $(wc -c < "$tmp/body") B)" "$t ms" "-"
}
# write N: N figures through the API on communes of P01 and P02.
write() {
	local i u
	for i in $(seq 1 "$1"); do
		u=$(printf 'C%05d' $((i % 2 + 1)))
		curl -s -m 60 -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
			--data-binary "{\"indicator\":\"I.1\",\"period\":\"2025-12\",\"value\":$((i % 90 + 1))}" \
			"$base/api/v1/units/$u/observations" || true
	done
}
last=$((2025 + (NATIONAL_MONTHS - 1) / 12))
periods="2025-12 2025-Q4 2025 $last-06 $last-Q2 $last"
rss0=$(status_kb VmRSS)
line "server memory before any view (VmRSS)" "$((rss0 / 1024)) MB" "-"
cpu0=$(cpu_ms)
t0=$(bench_ms)
for per in $periods; do
	echo "-- period $per"
	get "country roll-up" "/api/v1/units/VN/rollup?period=$per"
	get "country ranking" "/api/v1/units/VN/rank?period=$per"
	get "province roll-up (P01)" "/api/v1/units/P01/rollup?period=$per"
	get "province page /don-vi/P01/tinh" "/don-vi/P01/tinh?period=$per"
	get "commune page /don-vi/C00001" "/don-vi/C00001?period=$per"
	get "country dashboard" "/don-vi/VN/bang-dieu-khien?period=$per"
	get "province dashboard (P01)" "/don-vi/P01/bang-dieu-khien?period=$per"
	write 10
	line "  server memory (VmRSS) after it" "$(($(status_kb VmRSS) / 1024)) MB" "-"
done
echo "-- all the views warmed"
line "wall time of the warm-up (with $((6 * 10)) writes)" "$((($(bench_ms) - t0) / 1000)) s" "-"
line "server CPU of the warm-up" "$(($(cpu_ms) - cpu0)) ms" "-"
curl -s -m 60 -H "Cookie: $cookie" "$base/api/v1/engine" > "$tmp/engine"
q=$(jq -r '.holds[] | select(.unit == "VN") | "\(.figures // "?") figures, \(.figure_bytes // "?") B"' "$tmp/engine" || true)
line "country hold: figures kept, bytes they are kept in" "${q:-?}" "-"
line "holds kept" "$(jq -r '.holds | length' "$tmp/engine" 2> /dev/null || echo '?')" "-"
line "server memory now (VmRSS)" "$(($(status_kb VmRSS) / 1024)) MB" "-"
hwm=$(status_kb VmHWM)
line "server peak memory (VmHWM)" "$((hwm / 1024)) MB" "≤ 1024 MB"
# Above the server's start, per figure stored, and at that rate at the
# issue's scale (3,321 x 75 x 96 figures) when this store is smaller. That
# rate carries each commune's fixed costs (its plans, series, links), which
# a smaller store spreads over fewer figures (340 communes x 24 months: 1722
# MB projected; measured at the full scale: 702 MB), so the projection is
# shown, not judged: the goal is judged at 3,321 communes only.
line "  above the start, per figure stored" "$(((hwm - rss0) * 1024 / (figures + 1))) B" "-"
[ "$figures" -lt 20000000 ] &&
	line "  so, at that rate, for 23,911,200 figures" \
		"$((rss0 / 1024 + (hwm - rss0) * 1024 / (figures + 1) * 23911200 / 1048576)) MB" "- (judged at 3,321 communes only)"
exit 0
