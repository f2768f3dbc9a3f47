/* figures.c: writing figures in the layout of schemas 11 and 12
 * (figures.h): the entry of a write, new figures and their rare fields, a
 * reviewer's comment, and a dump's figures back. */
#include "figures.h"

#include "period.h"
#include "util.h"

#include <string.h>

#include "internal.h"

int st_figures_migrate(struct store *s, int to, struct error *err)
{
	bool lite = D == &sqlite_driver;
	const char *table = to == 11 ? "figures" : "figure_extras";
	struct stmt *st = st_prep(s,
	                          lite ? "SELECT count(*) FROM sqlite_master WHERE name = ?"
	                               : "SELECT count(*) FROM pg_tables WHERE schemaname ="
	                                 " current_schema() AND tablename = CAST(? AS TEXT)",
	                          err);
	if (!st)
		return -1;
	D->bind_text(st, 1, table);
	int rc = D->step(st, err);
	bool done = rc == 1 && D->col_int(st, 0) > 0;
	st_done(s, st);
	if (rc < 0)
		return -1;
	if (done)
		return 0;
	if (to == 11)
		return D->exec(s->db, lite ? FIGURES_V11_LITE : FIGURES_V11_PQ, err);
	return D->exec(s->db, lite ? FIGURES_V12_LITE : FIGURES_V12_PQ, err);
}

int64_t st_period_code(const char *period)
{
	struct period p;
	if (period_parse(period, &p, NULL))
		return -1;
	static const int base[] = {[PERIOD_MONTH] = 0,
	                           [PERIOD_QUARTER] = 20,
	                           [PERIOD_HALF] = 30,
	                           [PERIOD_NINE_MONTHS] = 40,
	                           [PERIOD_YEAR] = 0};
	return (int64_t)p.year * 100 + base[p.kind] + p.index;
}

int st_add_by_at(struct store *s, const char *sql, const char *by, const char *at, const char *what,
                 int64_t *id, struct error *err)
{
	struct stmt *st = st_prep(s, sql, err);
	if (!st)
		return -1;
	D->bind_text(st, 1, by);
	D->bind_text(st, 2, at);
	int rc = D->step(st, err);
	*id = rc == 1 ? D->col_int(st, 0) : 0;
	if (rc == 0)
		err_set(err, ERR_DB, "%s", what);
	/* SQLite ends the statement at its next step. */
	while (rc == 1)
		rc = D->step(st, err) < 0 ? -1 : 0;
	st_done(s, st);
	return rc < 0 ? -1 : 0;
}

int st_entry_add(struct store *s, const char *by, const char *at, int64_t *id, struct error *err)
{
	return st_add_by_at(s,
	                    "INSERT INTO entries (recorded_by, recorded_at)"
	                    " VALUES (CAST(? AS TEXT), CAST(? AS TEXT)) RETURNING id",
	                    by, at, "entries: không nhận được mã lần ghi", id, err);
}

/* clang-format off */
#define FIGURE_EXTRAS_FROM_INCOMING \
	"UPDATE figure_extras SET num = i.num, den = i.den, note = i.note, evidence = i.evidence" \
	" FROM incoming i WHERE figure_extras.series_id = i.series_id" \
	" AND figure_extras.period = i.code;" \
	"INSERT INTO figure_extras (series_id, period, num, den, note, evidence)" \
	" SELECT series_id, code, num, den, note, evidence FROM incoming i" \
	" WHERE " FIGURE_HAS_EXTRAS("i") " ON CONFLICT (series_id, period) DO NOTHING;" \
	"DELETE FROM figure_extras WHERE num IS NULL AND den IS NULL AND note IS NULL" \
	" AND evidence IS NULL AND review IS NULL AND EXISTS (SELECT 1 FROM incoming i" \
	" WHERE i.series_id = figure_extras.series_id" \
	" AND i.code = figure_extras.period)"
#define FIGURES_FROM_INCOMING \
	"INSERT INTO figures (value, series_id, period, entry_id, version, status, yes, level)" \
	" SELECT value, series_id, code, CAST(? AS BIGINT), 1, 0, yes," \
	" level FROM incoming WHERE true ON CONFLICT (series_id, period) DO NOTHING"
/* clang-format on */

int st_figures_insert(struct store *s, int64_t entry, struct error *err)
{
	struct stmt *st = st_prep(s, FIGURES_FROM_INCOMING, err);
	if (!st)
		return -1;
	D->bind_int(st, 1, entry);
	int rc = D->step(st, err) < 0 ? -1 : 0;
	st_done(s, st);
	/* The rare fields: changed where the figure had some (its review
	 * kept), added where it had none, and rows left empty removed. */
	if (!rc)
		rc = D->exec(s->db, FIGURE_EXTRAS_FROM_INCOMING, err);
	return rc;
}

int st_figure_review(struct store *s, int64_t series, int64_t period, const char *review,
                     struct error *err)
{
	struct stmt *st =
	        st_prep(s,
	                review ? "INSERT INTO figure_extras (series_id, period, review)"
	                         " VALUES (CAST(? AS BIGINT), CAST(? AS BIGINT),"
	                         " CAST(? AS TEXT)) ON CONFLICT (series_id, period)"
	                         " DO UPDATE SET review = excluded.review"
	                       : "UPDATE figure_extras SET review = NULL"
	                         " WHERE series_id = ? AND period = ? AND review IS NOT NULL",
	                err);
	if (!st)
		return -1;
	D->bind_int(st, 1, series);
	D->bind_int(st, 2, period);
	if (review)
		D->bind_text(st, 3, review);
	int rc = D->step(st, err) < 0 ? -1 : 0;
	/* A comment cleared: the row goes if nothing else is left in it. */
	bool cleared = !rc && !review && D->changes(st) > 0;
	st_done(s, st);
	if (!cleared)
		return rc;
	st = st_prep(s,
	             "DELETE FROM figure_extras WHERE series_id = ? AND period = ? AND num IS NULL"
	             " AND den IS NULL AND note IS NULL AND evidence IS NULL AND review IS NULL",
	             err);
	if (!st)
		return -1;
	D->bind_int(st, 1, series);
	D->bind_int(st, 2, period);
	rc = D->step(st, err) < 0 ? -1 : 0;
	st_done(s, st);
	return rc;
}

int st_figures_restore(const struct driver *d, void *db, struct error *err)
{
	return d->exec(db,
	               "CREATE TEMP TABLE restore_ids (old BIGINT PRIMARY KEY,"
	               " new BIGINT NOT NULL)",
	               err) || d->exec(db, FIGURES_FROM("restore_observations", "restore_ids"), err)
	               ? -1
	               : 0;
}

int st_figures_restore_ids(const struct driver *d, void *db, struct error *err)
{
	return d->exec(db, FIGURE_IDS_RENUMBER("restore_ids") "DROP TABLE restore_ids", err);
}
