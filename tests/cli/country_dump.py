"""country_dump.py: the rows of a dump's country for the restore tests: a
country, a province and N communes, each of S series (codes I.a.b, S/5 to a
group), each series a figure for each of the given periods."""

AT = "2026-01-01T00:00:00Z"


def row(t, table, **v):
    """A row of table, its columns as the dump t (doc["tables"]) has them."""
    return [v.get(c) for c in t[table]["columns"]]


def country(t, n, s, periods, version):
    """The units, series and figures (lists of rows) of the country."""
    units = [row(t, "units", id=1, code="VN", name="Cả nước", kind="country", created_at=AT),
             row(t, "units", id=2, code="P", name="Tỉnh", kind="province", parent_id=1,
                 created_at=AT)]
    series, figures = [], []
    for i in range(n):
        uid = 3 + i
        units.append(row(t, "units", id=uid, code="C%05d" % i, name="Xã %d" % i, kind="commune",
                         parent_id=2, created_at=AT))
        for k in range(s):
            sid = len(series) + 1
            series.append(row(t, "series", id=sid, unit_id=uid,
                              code="I.%d.%d" % (k // (s // 5) + 1, k % (s // 5) + 1)))
            for m, p in enumerate(periods):
                figures.append(row(t, "observations", id=len(figures) + 1, series_id=sid,
                                   period=p, value=(i * 7 + k + m) % 100, status="draft",
                                   version=version, recorded_by="test", recorded_at=AT))
    return units, series, figures
