-- Q1 snapshot at month {{S}}: every commune x indicator (value, meets) and
-- every province and the country (row {{P}}) x indicator (aggregate value as
-- in Q2, communes meeting, share of those reporting). Returns the checksum of
-- the result (see export.c). {{NUM}} = the type ROUND(_, 6) needs.
WITH snap AS (
  SELECT o.comm, o.ind, c.prov, k.kind, o.num, o.den, t.target,
         CASE WHEN k.kind = 0 THEN CASE WHEN o.den > 0 THEN 100.0 * o.num / o.den END
              ELSE o.num END AS value
  FROM obs o
  JOIN communes c ON c.comm = o.comm
  JOIN indicators k ON k.ind = o.ind
  LEFT JOIN targets t ON t.comm = o.comm AND t.ind = o.ind
  WHERE o.month = {{S}}
), cv AS (
  SELECT comm, ind, prov, kind, num, den, value,
         CASE WHEN value >= target THEN 1 ELSE 0 END AS meets
  FROM snap
), prov AS (
  SELECT prov AS r, ind, kind, SUM(num) AS sn, SUM(den) AS sd, COUNT(num) AS n, SUM(meets) AS meeting
  FROM cv GROUP BY prov, ind, kind
), allrows AS (
  SELECT r, ind, kind, sn, sd, n, meeting FROM prov
  UNION ALL
  SELECT {{P}}, ind, kind, SUM(sn), SUM(sd), SUM(n), SUM(meeting) FROM prov GROUP BY ind, kind
), agg AS (
  SELECT r, ind, meeting,
         CASE kind WHEN 0 THEN CASE WHEN sd > 0 THEN 100.0 * sn / sd END
                   WHEN 1 THEN sn
                   ELSE CASE WHEN n > 0 THEN sn / n END END AS value,
         CASE WHEN n > 0 THEN 1.0 * meeting / n END AS share
  FROM allrows
)
SELECT (SELECT SUM(ROUND(CAST(value AS {{NUM}}), 6)) FROM cv)
     + (SELECT SUM(meets) FROM cv)
     + (SELECT SUM(ROUND(CAST(value AS {{NUM}}), 6)) FROM agg)
     + (SELECT SUM(meeting) FROM agg) AS q1;
