-- Q2 series: every province and the country (row {{P}}) x indicator x month.
-- ratio: 100 * sum(num) / sum(den); count: sum(num); level: avg(num) over the
-- communes reporting. Returns the checksum of the result (see export.c).
-- {{P}} = number of provinces, {{NUM}} = the type ROUND(_, 6) needs.
WITH prov AS (
  SELECT c.prov AS r, o.ind, o.month,
         SUM(o.num) AS sn, SUM(o.den) AS sd, COUNT(o.num) AS n
  FROM obs o JOIN communes c ON c.comm = o.comm
  GROUP BY c.prov, o.ind, o.month
), allrows AS (
  SELECT r, ind, month, sn, sd, n FROM prov
  UNION ALL
  SELECT {{P}}, ind, month, SUM(sn), SUM(sd), SUM(n) FROM prov GROUP BY ind, month
), q2 AS (
  SELECT a.r, a.ind, a.month,
         CASE k.kind WHEN 0 THEN CASE WHEN a.sd > 0 THEN 100.0 * a.sn / a.sd END
                     WHEN 1 THEN a.sn
                     ELSE CASE WHEN a.n > 0 THEN a.sn / a.n END END AS value
  FROM allrows a JOIN indicators k ON k.ind = a.ind
)
SELECT SUM(ROUND(CAST(value AS {{NUM}}), 6)) AS q2, COUNT(value) AS q2rows FROM q2;
