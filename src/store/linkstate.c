/* linkstate.c: schema 16 (issue 13, storage: what is left per unit).
 *
 * A link's state was its word ('proposed', 'confirmed', 'rejected': 9
 * bytes on SQLite, 10 and its padding on PostgreSQL) in each of the
 * country's links. It is now a code (LINK_PROPOSED, LINK_CONFIRMED,
 * LINK_REJECTED in internal.h) in the table link_rows, which keeps the
 * links' ids, columns and indexes (at most one confirmed link per child
 * series: links_one_confirmed, now on the code). The view links shows the
 * columns of schema 14 (state as its word) to every reader: dump, the
 * tests' queries, and any query that does not need the index; links.c and
 * subtree.c read and write link_rows by code. */
#include "internal.h"

#include <stdio.h>
#include <string.h>

#define LINKS_VIEW                                                                                 \
	"CREATE VIEW links AS SELECT id, child_series_id, parent_series_id,"                       \
	" " LINK_STATE_TEXT("state") " AS state, score, why_id, decision_id FROM link_rows;"

#define STATE_OF_TEXT                                                                              \
	"CASE state WHEN 'proposed' THEN 0 WHEN 'confirmed' THEN 1 WHEN 'rejected' THEN 2 END"

/* SQLite: the table made again with the code (a column's type cannot
 * change in place), its rows and ids kept, its indexes made on it. */
#define LINK_ROWS_LITE                                                                             \
	"CREATE TABLE link_rows (id INTEGER PRIMARY KEY,"                                          \
	" child_series_id INTEGER NOT NULL REFERENCES series(id),"                                 \
	" parent_series_id INTEGER NOT NULL REFERENCES series(id),"                                \
	" state INTEGER NOT NULL CHECK (state BETWEEN 0 AND 2), score REAL NOT NULL,"              \
	" why_id INTEGER REFERENCES link_whys(id),"                                                \
	" decision_id INTEGER NOT NULL REFERENCES link_decisions(id),"                             \
	" UNIQUE (child_series_id, parent_series_id));"                                            \
	"INSERT INTO link_rows (id, child_series_id, parent_series_id, state, score, why_id,"      \
	" decision_id) SELECT id, child_series_id, parent_series_id, " STATE_OF_TEXT ", score,"    \
	" why_id, decision_id FROM links ORDER BY id;"                                             \
	"DROP TABLE links;"                                                                        \
	"CREATE UNIQUE INDEX links_one_confirmed ON link_rows(child_series_id)"                    \
	" WHERE state = " LINK_CONFIRMED ";"                                                       \
	"CREATE INDEX links_parent ON link_rows(parent_series_id);"

/* PostgreSQL: the column retyped in place (its identity, indexes and
 * 4-byte integers of schema 15 kept), the table renamed; the indexes the
 * schema no longer makes (a new store's) made. A row of 64
 * bytes becomes one of 56. */
#define LINK_ROWS_PQ                                                                               \
	"DROP INDEX IF EXISTS links_one_confirmed;"                                                \
	"ALTER TABLE links DROP CONSTRAINT IF EXISTS links_state_check;"                           \
	"ALTER TABLE links ALTER COLUMN state TYPE SMALLINT USING (" STATE_OF_TEXT ");"            \
	"ALTER TABLE links RENAME TO link_rows;"                                                   \
	"ALTER TABLE link_rows ADD CONSTRAINT link_rows_state_check CHECK (state BETWEEN 0 AND "   \
	"2);"                                                                                      \
	"CREATE UNIQUE INDEX links_one_confirmed ON link_rows(child_series_id)"                    \
	" WHERE state = " LINK_CONFIRMED ";"                                                       \
	"CREATE INDEX IF NOT EXISTS links_parent ON link_rows(parent_series_id);"

/* 1 when links is a view already (a store made by this version), 0 when
 * a table, -1 with *err. */
static int links_formed(struct store *s, struct error *err)
{
	struct stmt *st = D->prepare(
	        s->db,
	        D == &sqlite_driver
	                ? "SELECT count(*) FROM sqlite_master WHERE type = 'view' AND name = "
	                  "'links'"
	                : "SELECT count(*) FROM information_schema.views WHERE table_schema ="
	                  " current_schema() AND table_name = 'links'",
	        err);
	int has = st ? D->step(st, err) : -1;
	bool done = has == 1 && D->col_int(st, 0) > 0;
	D->finalize(st);
	return has < 0 ? -1 : done;
}

int st_link_state_migrate(struct store *s, struct error *err)
{
	int formed = links_formed(s, err);
	if (formed)
		return formed < 0 ? -1 : 0;
	return D->exec(s->db, D == &sqlite_driver ? LINK_ROWS_LITE : LINK_ROWS_PQ, err) ||
	                       D->exec(s->db, LINKS_VIEW, err)
	               ? -1
	               : 0;
}
