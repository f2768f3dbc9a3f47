#!/usr/bin/env bash
# store_coldview.sh: issue 13, the first (cold) view of the country.
#  - The server builds the holds of the units at the top of the tree (VN)
#    when it starts, in the background, evaluated at this month: before
#    any view is asked, /api/v1/engine shows VN's hold built once
#    (warm.state "done"), and the first roll-up of VN at this month is
#    answered from it (no build, no evaluation more).
#  - An evaluation reads its figures a bounded number of times, not once
#    per indicator of the plan: a cold roll-up of VN at another period
#    reads at most twice the figures VN's hold keeps (figures_read), and a
#    cold dashboard of P (a period and its trend of eight) at most four
#    times P's (the trend's periods read once for all, not once each: ten
#    times before); the roll-up equals the CLI's.
#  - The server's roll-up and ranking of VN and P at a quarter, a half,
#    the year (months rolled up) and another month equal the CLI's (built
#    afresh from the store), cold and after seeded random writes.
# Counted, not timed. On SQLite or on $CHITIEU_TEST_DB_URL.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
use_db
two_provinces
# Communes X1..X4 (X1, X3 under Q; X2, X4 under P) on plan 004, with a
# figure of three indicators each month of 2025 (plans alike: added by code).
printf 'unit,indicator,period,value\n' > "$tmp/obs.csv"
for i in 1 2 3 4; do
	pr=$([ $((i % 2)) = 0 ] && echo P || echo Q)
	run "unit-X$i" 0 unit add --code "X$i" --name "Xã $i" --kind commune --parent "$pr" --population $((1000 * i))
	run "imp-X$i" 0 import "$p004" --unit "X$i"
	for m in $(seq 1 12); do
		printf 'X%d,II.7,2025-%02d,%d\nX%d,I.1,2025-%02d,%d\nX%d,IV.1,2025-%02d,%d\n' \
			"$i" "$m" $(((10 * i + m) % 100)) "$i" "$m" $((i + m)) "$i" "$m" $((i * m % 7)) >> "$tmp/obs.csv"
	done
done
run record 0 record --csv "$tmp/obs.csv"

add_admin cv coldview-pass-123
start_server --workers 2
admin_session cv coldview-pass-123
engine() { get /api/v1/engine; }
hold() { jq -r ".holds[] | select(.unit == \"$2\") | .$3 // empty" "$tmp/$1"; }

# Built at start: waited for (bounded), no view asked.
for _ in $(seq 1 300); do
	engine > "$tmp/e0"
	[ "$(jq -r '.warm.state // empty' "$tmp/e0")" = done ] && break
	sleep 0.1
done
[ "$(jq -r '.warm.state // empty' "$tmp/e0")" = done ] && ok || bad "no warming done at start: $(cat "$tmp/e0")"
[ "$(hold e0 VN builds)" = 1 ] && ok || bad "VN's hold not built at start: $(cat "$tmp/e0")"
ev0=$(hold e0 VN evaluations)
[ "${ev0:-0}" -ge 1 ] 2> /dev/null && ok || bad "VN's hold not evaluated at start: $(cat "$tmp/e0")"

# The first roll-up of VN (this month): from what was built at start.
get /api/v1/units/VN/rollup > "$tmp/now.json"
[ "$(jq -r .children "$tmp/now.json")" = 4 ] && ok || bad "VN over 4 communes: $(head -c 300 "$tmp/now.json")"
engine > "$tmp/e1"
[ "$(hold e1 VN builds)" = 1 ] && ok || bad "VN's hold built again for its first view: $(cat "$tmp/e1")"
[ "$(hold e1 VN evaluations)" = "$ev0" ] && ok ||
	bad "VN's first roll-up evaluated $(($(hold e1 VN evaluations) - ev0)) children, want 0 (evaluated at start)"

# A cold roll-up at another period: each child's figures read at most twice.
r0=$(jq -r '.figures_read // empty' "$tmp/e1")
get "/api/v1/units/VN/rollup?period=2025-12" | jq -S .indicators > "$tmp/srv.json"
engine > "$tmp/e2"
r1=$(jq -r '.figures_read // empty' "$tmp/e2") held=$(hold e2 VN figures)
echo "VN at 2025-12: $((${r1:-0} - ${r0:-0})) figures read, $held held, $(($(hold e2 VN evaluations) - ev0)) children evaluated"
[ "$held" = 144 ] && ok || bad "VN's hold keeps $held figures, want 144: $(cat "$tmp/e2")"
[ -n "$r0" ] && [ -n "$r1" ] && [ $((r1 - r0)) -ge "$held" ] && [ $((r1 - r0)) -le $((2 * held)) ] && ok ||
	bad "VN's roll-up at 2025-12 read '$r0' -> '$r1' figures, want $held to $((2 * held))"
run vn-cli 0 rollup --unit VN --period 2025-12 --format json
jq -S . "$tmp/out" > "$tmp/cli.json" 2> /dev/null
[ -s "$tmp/cli.json" ] && cmp -s "$tmp/cli.json" "$tmp/srv.json" && ok ||
	bad "VN's roll-up differs from the CLI's: $(diff "$tmp/cli.json" "$tmp/srv.json" | head -5)"

# A cold dashboard of P: its period and the seven before it.
get "/don-vi/P/bang-dieu-khien?period=2025-12" > "$tmp/dash.html"
grep -q "ở 2 đơn vị" "$tmp/dash.html" && ok || bad "P's dashboard over 2 communes: $(grep -o '<p class="big">.\{0,200\}' "$tmp/dash.html")"
engine > "$tmp/e3"
r2=$(jq -r '.figures_read // empty' "$tmp/e3") pheld=$(hold e3 P figures)
echo "P's dashboard: $((${r2:-0} - ${r1:-0})) figures read, $pheld held, $(hold e3 P evaluations) children evaluated"
[ "$pheld" = 72 ] && ok || bad "P's hold keeps $pheld figures, want 72: $(cat "$tmp/e3")"
# Read at most four times (was ten): the period's roll-up indexes its
# figures and makes each indicator's points once; the trend's seven other
# periods again once for all of them (each indicator's points made once,
# an earlier period taking the first of them), not once per period.
[ -n "$r2" ] && [ -n "$r1" ] && [ $((r2 - r1)) -ge "$pheld" ] && [ $((r2 - r1)) -le $((4 * pheld)) ] && ok ||
	bad "P's dashboard read '$r1' -> '$r2' figures, want $pheld to $((4 * pheld))"
# The server agrees with the store (the CLI, which builds afresh) at
# periods rolled up from the months (a quarter, a half, the year: each
# indicator's months folded into one figure) and at another month, cold,
# then after seeded random writes (kept write by write).
agree() {
	local u per
	for u in VN P; do
		for per in 2025-Q3 2025-H1 2025 2025-05; do
			"$bin" rollup --unit "$u" --period "$per" --format json 2> "$tmp/err" | jq -S . > "$tmp/cli.json"
			get "/api/v1/units/$u/rollup?period=$per" | jq -S .indicators > "$tmp/srv.json"
			[ -s "$tmp/cli.json" ] && [ "$(jq length "$tmp/cli.json")" -gt 0 ] && cmp -s "$tmp/cli.json" "$tmp/srv.json" && ok ||
				bad "$1: $u's roll-up at $per differs from the store's: $(diff "$tmp/cli.json" "$tmp/srv.json" | head -5) $(cat "$tmp/err")"
			"$bin" rank --unit "$u" --period "$per" --format json 2> "$tmp/err" | jq -S . > "$tmp/cli.json"
			get "/api/v1/units/$u/rank?period=$per" | jq -S .items > "$tmp/srv.json"
			[ -s "$tmp/cli.json" ] && [ "$(jq length "$tmp/cli.json")" = 2 ] && cmp -s "$tmp/cli.json" "$tmp/srv.json" && ok ||
				bad "$1: $u's ranking at $per differs from the store's: $(diff "$tmp/cli.json" "$tmp/srv.json" | head -5)"
		done
	done
}
agree "cold"
RANDOM=1717
codes=(II.7 I.1 IV.1)
for round in 1 2; do
	for _ in 1 2 3 4; do
		u=X$((RANDOM % 4 + 1)) code=${codes[RANDOM % 3]} m=$(printf '%02d' $((RANDOM % 12 + 1)))
		got=$(write_figure "$u" "$code" "2025-$m" $((RANDOM % 100)))
		[ "$got" = 201 ] || bad "write $u $code 2025-$m: $got"
	done
	agree "after writes, round $round"
done
finish store_coldview
