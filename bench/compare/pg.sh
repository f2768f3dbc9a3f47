#!/usr/bin/env bash
# pg.sh DIR P S [REPS]: load the CSV files of export.c into the PostgreSQL at
# $CHITIEU_PG_URL (run it under tests/pg/with-pg.sh), run q1.sql and q2.sql
# REPS times (default 3) and print
#   load MS            (COPY of every table + primary keys + ANALYZE)
#   q1 MEDIAN_MS CHECKSUM
#   q2 MEDIAN_MS CHECKSUM ROWS
# Session settings: work_mem = 256MB (so that the group-bys hash in memory);
# everything else as scripts/pg-cluster.sh leaves it (shared_buffers 128MB,
# parallel query on, 2 workers a gather).
set -euo pipefail
dir=$1 P=$2 S=$3 reps=${4:-3}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
: "${CHITIEU_PG_URL:?run under tests/pg/with-pg.sh}"
psql=(psql -X -q -At -v ON_ERROR_STOP=1 "$CHITIEU_PG_URL")
subst() { sed -e "s/{{P}}/$P/g; s/{{S}}/$S/g; s/{{NUM}}/NUMERIC/g; s/{{DBL}}/DOUBLE PRECISION/g" "$here/$1"; }
now_ms() { date +%s%N | awk '{printf "%.1f", $1 / 1e6}'; }

"${psql[@]}" -c 'DROP TABLE IF EXISTS obs, targets, indicators, communes'
t0=$(now_ms)
{
  echo 'BEGIN;'
  subst schema.sql
  for t in communes indicators targets obs; do
    printf '%s\n' "\\copy $t FROM '$dir/$t.csv' WITH (FORMAT csv, HEADER true)"
  done
  echo 'COMMIT;'
  echo 'ANALYZE;'
} | "${psql[@]}" -f -
t1=$(now_ms)
echo "load $(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", b - a}')"

for q in q1 q2; do
  out=$({
    echo "SET work_mem = '256MB';"
    printf '%s\n' '\timing on'
    for ((k = 0; k < reps; k++)); do subst "$q.sql"; done
  } | "${psql[@]}" -F ' ' -f -)
  # Lines: the result, then "Time: N ms [(...)]", REPS times.
  ms=$(grep '^Time:' <<<"$out" | awk '{print $2}' | sort -g | awk '{v[NR]=$1} END{print v[int(NR/2)+1]}')
  res=$(grep -v '^Time:' <<<"$out" | grep -v '^SET$' | tail -n 1)
  echo "$q $ms $res"
done
