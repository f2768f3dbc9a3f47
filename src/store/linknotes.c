/* linknotes.c: schema 14 (issue 13, storage: what is left per unit).
 *
 * A link's explanation (why: the matcher's reasons, ~230 bytes) is kept
 * once per distinct text in link_whys, and who decided it when once per
 * decision in link_decisions; each link keeps two small ids. The
 * country's 118,774 links had 101 texts and 107 decisions: the links
 * table went from 32 MB to a fifth of that on SQLite.
 *
 * series.folded (each series' folded name, written by every import but
 * read by nothing) goes too.
 *
 * Readers that show a link's why, author or time (store_link_list, dump)
 * join the two tables; a dump keeps the columns of schema 5, and restore
 * (st_links_restore) moves them back the same way as the migration. */
#include "internal.h"

#include "util.h"

#include <stdio.h>
#include <string.h>

/* The links of a table src with the columns of schema 5 (id,
 * child_series_id, parent_series_id, state, score, why, decided_by,
 * decided_at) into dst, link_whys and link_decisions (empty but for what
 * src brings: a migration's new tables, a restore's empty store); the
 * state as STATE makes it of r.state (the word, until schema 16's
 * link_rows). */
#define LINKS_FROM(src, dst, STATE)                                                                \
	"INSERT INTO link_whys (why) SELECT DISTINCT why FROM " src " WHERE why IS NOT NULL"       \
	" ORDER BY why;"                                                                           \
	"INSERT INTO link_decisions (decided_by, decided_at) SELECT DISTINCT decided_by,"          \
	" decided_at FROM " src " ORDER BY 2, 1;"                                                  \
	"INSERT INTO " dst " (id, child_series_id, parent_series_id, state, score, why_id,"        \
	" decision_id) SELECT r.id, r.child_series_id, r.parent_series_id, " STATE ", r.score,"    \
	" w.id, d.id FROM " src " r LEFT JOIN link_whys w ON w.why = r.why"                        \
	" JOIN link_decisions d ON d.decided_by = r.decided_by AND d.decided_at = r.decided_at"    \
	" ORDER BY r.id;"

/* The ids were given: PostgreSQL's next one comes after them. */
#define LINKS_NEXT_ID(t)                                                                           \
	"SELECT setval(pg_get_serial_sequence('" t "', 'id'), coalesce(max(id), 0) + 1, false)"    \
	" FROM " t

/* 1 when table has a column of that name, 0 when not, -1 with *err. */
static int has_column(struct store *s, const char *table, const char *column, struct error *err)
{
	struct stmt *st = st_prep(
	        s,
	        D == &sqlite_driver ? "SELECT count(*) FROM pragma_table_info(?) WHERE name = ?"
	                            : "SELECT count(*) FROM information_schema.columns WHERE"
	                              " table_schema = current_schema() AND table_name ="
	                              " CAST(? AS TEXT) AND column_name = CAST(? AS TEXT)",
	        err);
	if (!st)
		return -1;
	D->bind_text(st, 1, table);
	D->bind_text(st, 2, column);
	int rc = D->step(st, err);
	bool has = rc == 1 && D->col_int(st, 0) > 0;
	st_done(s, st);
	return rc < 0 ? -1 : has;
}

int st_links_compact_migrate(struct store *s, struct error *err)
{
	/* A store made by this version has the new layout already (the
	 * schema made it): then nothing to move. */
	int folded = has_column(s, "series", "folded", err);
	if (folded < 0 || (folded && D->exec(s->db, "ALTER TABLE series DROP COLUMN folded", err)))
		return -1;
	int old = has_column(s, "links", "why", err);
	if (old <= 0)
		return old;
	/* The old table aside, the new one made by the schema (with its
	 * indexes), the rows moved. */
	if (D->exec(s->db, "CREATE TEMP TABLE links_v13 AS SELECT * FROM links; DROP TABLE links;",
	            err) ||
	    D->exec(s->db, D->schema, err) ||
	    D->exec(s->db, LINKS_FROM("links_v13", "links", "r.state") "DROP TABLE links_v13;",
	            err))
		return -1;
	return D == &pq_driver ? D->exec(s->db, LINKS_NEXT_ID("links"), err) : 0;
}

int st_links_restore(const struct driver *d, void *db, struct error *err)
{
	/* (schema 16: into link_rows, the state as its code) */
	return d->exec(db,
	               LINKS_FROM(
	                       "restore_links", "link_rows",
	                       "CASE r.state WHEN 'proposed' THEN 0 WHEN 'confirmed' THEN 1 WHEN "
	                       "'rejected' THEN 2 END") "DROP TABLE restore_links;",
	               err) || (d == &pq_driver && d->exec(db, LINKS_NEXT_ID("link_rows"), err))
	               ? -1
	               : 0;
}

/* The id of the row of link_whys holding why: 1 found, 0 none, -1. */
static int why_find(struct store *s, const char *why, int64_t *id, struct error *err)
{
	struct stmt *st = st_prep(s, "SELECT id FROM link_whys WHERE why = ?", err);
	if (!st)
		return -1;
	D->bind_text(st, 1, why);
	int have = D->step(st, err);
	*id = have == 1 ? D->col_int(st, 0) : 0;
	st_done(s, st);
	return have;
}

int st_link_why(struct store *s, const char *why, int64_t *id, struct error *err)
{
	*id = 0;
	if (!why)
		return 0;
	int have = why_find(s, why, id, err);
	if (have)
		return have < 0 ? -1 : 0;
	return st_link_why_add(s, why, id, err);
}

int st_link_why_add(struct store *s, const char *why, int64_t *id, struct error *err)
{
	*id = 0;
	if (!why)
		return 0;
	int have;
	/* Another connection may add the same text at the same time
	 * (PostgreSQL): then its row is the one, found once it committed. */
	struct stmt *st = st_prep(s,
	                          "INSERT INTO link_whys (why) VALUES (?)"
	                          " ON CONFLICT (why) DO NOTHING RETURNING id",
	                          err);
	if (!st)
		return -1;
	D->bind_text(st, 1, why);
	int made = D->step(st, err);
	if (made == 1)
		*id = D->col_int(st, 0);
	/* SQLite ends the statement at its next step. */
	while (made == 1)
		made = D->step(st, err) < 0 ? -1 : 2;
	st_done(s, st);
	if (made < 0)
		return -1;
	if (*id)
		return 0;
	have = why_find(s, why, id, err);
	if (!have)
		err_set(err, ERR_DB, "không tìm thấy lý do liên kết vừa lưu");
	return have == 1 ? 0 : -1;
}

int st_link_decision(struct store *s, const char *by, const char *at, int64_t *id,
                     struct error *err)
{
	return st_add_by_at(s,
	                    "INSERT INTO link_decisions (decided_by, decided_at)"
	                    " VALUES (CAST(? AS TEXT), CAST(? AS TEXT)) RETURNING id",
	                    by, at, "link_decisions: không nhận được mã quyết định", id, err);
}
