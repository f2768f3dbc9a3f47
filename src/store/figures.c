/* figures.c: writing figures in the layout of schema 11 (figures.h): the
 * entry of a write, the ids of new figures, and a dump's figures back. */
#include "figures.h"

#include "util.h"

#include <string.h>

#include "internal.h"

int st_figures_migrate(struct store *s, struct error *err)
{
	bool lite = D == &sqlite_driver;
	struct stmt *st = st_prep(s,
	                          lite ? "SELECT count(*) FROM sqlite_master WHERE name = 'figures'"
	                               : "SELECT count(*) FROM pg_tables WHERE schemaname ="
	                                 " current_schema() AND tablename = 'figures'",
	                          err);
	if (!st)
		return -1;
	int rc = D->step(st, err);
	bool done = rc == 1 && D->col_int(st, 0) > 0;
	st_done(s, st);
	if (rc < 0)
		return -1;
	return done ? 0 : D->exec(s->db, lite ? FIGURES_V11_LITE : FIGURES_V11_PQ, err);
}

int st_entry_add(struct store *s, const char *by, const char *at, int64_t *id, struct error *err)
{
	struct stmt *st = st_prep(s,
	                          "INSERT INTO entries (recorded_by, recorded_at)"
	                          " VALUES (CAST(? AS TEXT), CAST(? AS TEXT)) RETURNING id",
	                          err);
	if (!st)
		return -1;
	D->bind_text(st, 1, by);
	D->bind_text(st, 2, at);
	int rc = D->step(st, err);
	if (rc == 1)
		*id = D->col_int(st, 0);
	else if (rc == 0)
		err_set(err, ERR_DB, "entries: không nhận được mã lần ghi");
	/* SQLite ends the statement at its next step. */
	while (rc == 1)
		rc = D->step(st, err) < 0 ? -1 : 0;
	st_done(s, st);
	return rc < 0 ? -1 : 0;
}

int st_figures_insert(struct store *s, int64_t entry, struct error *err)
{
	struct stmt *st =
	        st_prep(s,
	                "INSERT INTO figures (series_id, period, version, status, entry_id, value,"
	                " num, den, yes, level, note, evidence) SELECT series_id, period, 1, 0,"
	                " CAST(? AS BIGINT), value, num, den, yes, level, note, evidence"
	                " FROM incoming WHERE true ON CONFLICT (series_id, period) DO NOTHING",
	                err);
	if (!st)
		return -1;
	D->bind_int(st, 1, entry);
	int rc = D->step(st, err) < 0 ? -1 : 0;
	st_done(s, st);
	return rc;
}

int st_figures_restore(const struct driver *d, void *db, const char *const *cols, const char *types,
                       char *const *cells, size_t n, struct error *err)
{
	bool lite = d == &sqlite_driver;
	struct buf b = BUF_INIT, target = BUF_INIT;
	buf_puts(&b, "CREATE TEMP TABLE restore_observations (");
	buf_puts(&target, "restore_observations(");
	for (int c = 0; cols[c]; c++) {
		const char *type = types[c] == 'i'   ? (lite ? "INTEGER" : "BIGINT")
		                   : types[c] == 'r' ? (lite ? "REAL" : "DOUBLE PRECISION")
		                                     : "TEXT";
		buf_printf(&b, "%s%s %s", c ? ", " : "", cols[c], type);
		buf_printf(&target, "%s%s", c ? ", " : "", cols[c]);
	}
	buf_puts(&b, ")");
	buf_putc(&target, ')');
	int rc = d->exec(db, buf_str(&b), err) ||
	                         d->exec(db,
	                                 "CREATE TEMP TABLE restore_ids (old BIGINT PRIMARY KEY,"
	                                 " new BIGINT NOT NULL)",
	                                 err) ||
	                         (n && d->copy(db, buf_str(&target), (int)strlen(types), types,
	                                       cells, n, err)) ||
	                         d->exec(db, FIGURES_FROM("restore_observations", "restore_ids"),
	                                 err)
	                 ? -1
	                 : 0;
	if (!rc)
		rc = d->exec(db, "DROP TABLE restore_observations", err);
	buf_free(&b);
	buf_free(&target);
	return rc;
}

int st_figures_restore_ids(const struct driver *d, void *db, struct error *err)
{
	return d->exec(db, FIGURE_IDS_RENUMBER("restore_ids") "DROP TABLE restore_ids", err);
}
