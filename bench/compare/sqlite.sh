#!/usr/bin/env bash
# sqlite.sh DIR P S [REPS]: load the CSV files of export.c into DIR/sqlite.db
# with the sqlite3 shell (.import, one transaction), run q1.sql and q2.sql
# REPS times (default 3) and print
#   load MS            (.import of every table, primary keys, ANALYZE)
#   q1 MEDIAN_MS CHECKSUM
#   q2 MEDIAN_MS CHECKSUM ROWS
# Query settings: cache_size 256 MB, temp_store MEMORY (the analogue of the
# work_mem given to PostgreSQL). The empty den of non-ratios is imported as ''
# (.import does not make NULLs); the queries never read den for those.
set -euo pipefail
dir=$1 P=$2 S=$3 reps=${4:-3}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
db=$dir/sqlite.db
subst() { sed -e "s/{{P}}/$P/g; s/{{S}}/$S/g; s/{{NUM}}/REAL/g; s/{{DBL}}/REAL/g" "$here/$1"; }
now_ms() { date +%s%N | awk '{printf "%.1f", $1 / 1e6}'; }

rm -f "$db"
t0=$(now_ms)
{
  echo 'PRAGMA journal_mode = OFF;'
  echo 'PRAGMA synchronous = OFF;'
  echo 'BEGIN;'
  subst schema.sql
  for t in communes indicators targets obs; do
    echo ".import --csv --skip 1 '$dir/$t.csv' $t"
  done
  echo 'COMMIT;'
  echo 'ANALYZE;'
} | sqlite3 -batch -bail "$db" >/dev/null
t1=$(now_ms)
echo "load $(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", b - a}')"

for q in q1 q2; do
  out=$({
    echo 'PRAGMA cache_size = -262144;'
    echo 'PRAGMA temp_store = MEMORY;'
    echo '.timer on'
    for ((k = 0; k < reps; k++)); do subst "$q.sql"; done
  } | sqlite3 -batch -bail -noheader -separator ' ' "$db")
  # Lines: the result, then "Run Time: real S user S sys S", REPS times.
  ms=$(grep '^Run Time:' <<<"$out" | awk '{printf "%.3f\n", $4 * 1000}' | sort -g |
    awk '{v[NR]=$1} END{print v[int(NR/2)+1]}')
  res=$(grep -v '^Run Time:' <<<"$out" | tail -n 1)
  echo "$q $ms $res"
done
