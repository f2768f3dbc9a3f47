#!/usr/bin/env bash
# bench_tools.sh: what `make bench` (scripts/bench.sh) stands on, without
# timing anything:
#   1. scripts/bench-goals.awk gives each figure printed beside its goal the
#      right verdict (met, MISSED, NOT MEASURED), converting units, and
#      leaves every other line as it is;
#   2. scripts/bench-lib.sh makes a store the CLI takes: units, plans
#      (import --list) and figures (record --csv), every figure stored;
#   3. scripts/bench-store.sh runs to its end on SQLite (its province's
#      series once failed: the four real plans under the same province).
set -u
bin=$(realpath "$1")
data=$2
. "$(dirname "$0")/lib.bash"
root=$(cd "$(dirname "$0")/../.." && pwd)
goals=$root/scripts/bench-goals.awk

# 1. LINE|VERDICT: the verdict appended ("" for the line left as it is).
while IFS='|' read -r line want; do
	got=$(printf '%s\n' "$line" | awk -f "$goals")
	expect=$line${want:+   $want}
	[ "$got" = "$expect" ] && ok || bad "bench-goals: '$line' gave '$got', want '$expect'"
done << 'EOF'
  country roll-up                  19029 req/s   goal ≥ 5000 req/s|met
  province roll-up                  4999 req/s   goal ≥ 5000 req/s|MISSED
  country roll-up                        req/s   goal ≥ 5000 req/s|NOT MEASURED
    p99                                  4.02s   goal < 50 ms|MISSED
    p99                                45.74ms   goal < 50 ms|met
    p99                                  900us   goal < 1 ms|met
    p99                                          goal < 50 ms|NOT MEASURED
  server memory (RSS)                   271 MB   goal ≤ 1 GB (3,321 communes)|met
  server memory (RSS)                  1100 MB   goal ≤ 1 GB|MISSED
  a new figure in the country roll-up      yes   goal yes|met
  a new figure in the country roll-up       no   goal yes|MISSED
  history rows after it                      0   goal 0|met
  history rows after it                     12   goal 0|MISSED
  ocr (ruled): 6-page scan              15.2 s   goal < 60 s CPU on one core|met
  ocr (none): 6-page scan               61.0 s   goal < 60 s CPU on one core|MISSED
  plans-001-000-24pages.pdf   1020.8 ms  143.8 ms   goal < 1 s CPU|met
  one new figure carried to its ancestors 477 ns   goal < 10 us|met
  cold build on 2 threads, in reads       2.50   goal ≤ 2|MISSED
  marginal bytes per figure             75.2 B   goal ≤ 80 B|met
  whole store bytes per figure          86.6 B   goal ≤ 80 B|MISSED
  SIGTERM to exit under load           3554 ms   goal ≤ 10000 ms|met
  store build time                       392 s   goal -|
  record --csv peak memory               78 MB   goal bounded|
  writes acknowledged during the runs      434   goal 20/s|
  first GET /api/v1/units/VN/rollup    1314 ms   goal a few s|
  memory at that rate                  4857 MB   goal - (judged at 3,321 communes only)|
  marginal bytes per figure             22.2 B   goal ≤ 40 B   met|
json     228 ms      61019 bytes|
EOF

# 2. A country of 3 provinces and 12 communes on the four real plans.
. "$root/scripts/bench-lib.sh"
use_db
bench_units "$tmp/units.csv" 12 3
bench_plan_list "$tmp/plans.csv" 12 3
bench_codes "$bin" "$tmp"
bench_figures "$tmp" 1 12 > "$tmp/quarters.csv"
bench_figures "$tmp" 1 12 12 2026 1 > "$tmp/months.csv"
[ "$(wc -l < "$tmp/units.csv")" -eq 17 ] && ok || bad "bench_units: $(wc -l < "$tmp/units.csv") lines, want 17"
grep -q '^C00012,Xã 12,commune,P03,' "$tmp/units.csv" && ok || bad "bench_units: commune 12 not in P03"
[ "$(grep -c '/tests/data/plans/' "$tmp/plans.csv")" -eq 16 ] && ok || bad "bench_plan_list: $(cat "$tmp/plans.csv")"
for k in 0 1 2 3; do
	[ -s "$tmp/codes$k" ] && ok || bad "bench_codes: codes$k empty"
done
grep -q '^C00001,[^,]*,2025-Q4,' "$tmp/quarters.csv" && ok || bad "bench_figures: no 2025-Q4 figure"
grep -q '^C00001,[^,]*,2026-12,[0-9]*\.[0-9],' "$tmp/months.csv" && ok || bad "bench_figures: no decimal figure in 2026-12"
if run units 0 unit import "$tmp/units.csv" && run plans 0 import --list "$tmp/plans.csv"; then
	[ "$(count 'SELECT count(*) FROM plans')" -eq 16 ] && ok || bad "plans stored: $(count 'SELECT count(*) FROM plans')"
	for f in quarters months; do
		run "record $f" 0 record --csv "$tmp/$f.csv" || continue
	done
	want=$(($(wc -l < "$tmp/quarters.csv") + $(wc -l < "$tmp/months.csv") - 2))
	[ "$(count 'SELECT count(*) FROM observations')" -eq "$want" ] && ok ||
		bad "figures stored: $(count 'SELECT count(*) FROM observations'), want $want"
fi

# 3. bench-store.sh on SQLite, to its end.
if (cd "$root" && env -u CHITIEU_PG_URL bash scripts/bench-store.sh "$bin") > "$tmp/store.out" 2>&1; then
	ok
	grep -q '^engine rebuilt from the store (44 communes, 100320 figures)' "$tmp/store.out" && ok ||
		bad "bench-store.sh: no series line: $(cat "$tmp/store.out")"
else
	bad "bench-store.sh failed: $(tail -n 3 "$tmp/store.out")"
fi
finish bench_tools
