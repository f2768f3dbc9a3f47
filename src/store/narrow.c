/* narrow.c: schema 15 (issue 13, storage: what is left per unit).
 *
 * A unit's agencies (the lead and monitoring bodies its plan names) were
 * a row each with the name and its folded key: the same few names again
 * for every commune on the same plan (14,160 rows, 1.7 MB on SQLite at
 * 1,000 communes). Each distinct (name, key) is now kept once in
 * agency_names, and a unit's agency is a row of three small numbers in
 * unit_agencies (its id, the unit, the name). The view agencies shows
 * the columns of schema 1 (id, unit_id, name, folded) to readers: the
 * views of schema 13, plansave.c's lookups and dump read it unchanged;
 * plansave.c writes the two tables, restore (st_agencies_restore) moves
 * a dump's rows into them the same way as the migration.
 *
 * On PostgreSQL the per-unit tables' integer columns become 4-byte
 * (plan_indicators, series, links; unit_agencies made so): a row of
 * plan_indicators went from 60 to 44 bytes with its line pointer, a
 * link's from 92 to 68, and the two-column unique indexes from 28 to 20
 * bytes an entry. Ids past 2^31 are far away (a national store has
 * ~250,000 series). */
#include "internal.h"

#include "util.h"

#include <stdio.h>
#include <string.h>

/* The tables (ID the backend's id column, INT its integer type). A
 * unit names an agency once (unit_agencies' UNIQUE); a (name, key) pair
 * is kept once (agency_names' UNIQUE). */
#define AGENCY_TABLES(ID, INT)                                                                     \
	"CREATE TABLE agency_names (id " ID ", name TEXT NOT NULL, folded TEXT NOT NULL,"          \
	" UNIQUE (name, folded));"                                                                 \
	"CREATE TABLE unit_agencies (id " ID ", unit_id " INT " NOT NULL REFERENCES units(id),"    \
	" name_id " INT " NOT NULL REFERENCES agency_names(id), UNIQUE (unit_id, name_id));"

#define AGENCIES_VIEW                                                                              \
	"CREATE VIEW agencies AS SELECT a.id AS id, a.unit_id AS unit_id, n.name AS name,"         \
	" n.folded AS folded FROM unit_agencies a JOIN agency_names n ON n.id = a.name_id;"

/* The agencies of a table src with the columns of schema 1 (id, unit_id,
 * name, folded) into agency_names and unit_agencies, their ids kept. */
#define AGENCIES_FROM(src)                                                                         \
	"INSERT INTO agency_names (name, folded) SELECT DISTINCT name, folded FROM " src           \
	" ORDER BY name, folded;"                                                                  \
	"INSERT INTO unit_agencies (id, unit_id, name_id) SELECT r.id, r.unit_id, n.id FROM " src  \
	" r JOIN agency_names n ON n.name = r.name AND n.folded = r.folded ORDER BY r.id;"

/* The ids were given: PostgreSQL's next one comes after them. */
#define AGENCIES_NEXT_ID                                                                           \
	"SELECT setval(pg_get_serial_sequence('unit_agencies', 'id'), coalesce(max(id), 0) + 1,"   \
	" false) FROM unit_agencies"

/* PostgreSQL: the per-unit tables' integers in 4 bytes. */
#define NARROW_PQ                                                                                  \
	"ALTER TABLE plan_indicators ALTER COLUMN id TYPE INTEGER,"                                \
	" ALTER COLUMN plan_id TYPE INTEGER, ALTER COLUMN indicator_id TYPE INTEGER,"              \
	" ALTER COLUMN series_id TYPE INTEGER;"                                                    \
	"ALTER TABLE series ALTER COLUMN id TYPE INTEGER, ALTER COLUMN unit_id TYPE INTEGER;"      \
	"ALTER TABLE links ALTER COLUMN id TYPE INTEGER, ALTER COLUMN child_series_id TYPE"        \
	" INTEGER, ALTER COLUMN parent_series_id TYPE INTEGER, ALTER COLUMN why_id TYPE INTEGER,"  \
	" ALTER COLUMN decision_id TYPE INTEGER;"

/* 1 when agencies is a view already (a store made by this version), 0
 * when a table, -1 with *err. */
static int agencies_formed(struct store *s, struct error *err)
{
	struct stmt *st = D->prepare(
	        s->db,
	        D == &sqlite_driver
	                ? "SELECT count(*) FROM sqlite_master WHERE type = 'view' AND name = "
	                  "'agencies'"
	                : "SELECT count(*) FROM information_schema.views WHERE table_schema ="
	                  " current_schema() AND table_name = 'agencies'",
	        err);
	int has = st ? D->step(st, err) : -1;
	bool done = has == 1 && D->col_int(st, 0) > 0;
	D->finalize(st);
	return has < 0 ? -1 : done;
}

int st_narrow_migrate(struct store *s, struct error *err)
{
	int formed = agencies_formed(s, err);
	if (formed)
		return formed < 0 ? -1 : 0;
	bool lite = D == &sqlite_driver;
	/* The views over the tables that change go first (PostgreSQL
	 * refuses to drop or retype what a view reads), made again after. */
	if (D->exec(s->db,
	            "DROP VIEW IF EXISTS indicators; DROP VIEW IF EXISTS indicator_agencies;"
	            " DROP VIEW IF EXISTS targets; DROP VIEW IF EXISTS tasks;",
	            err) ||
	    D->exec(s->db,
	            lite ? AGENCY_TABLES("INTEGER PRIMARY KEY", "INTEGER")
	                 : AGENCY_TABLES("INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
	                                 "INTEGER"),
	            err) ||
	    D->exec(s->db, AGENCIES_FROM("agencies") "DROP TABLE agencies;" AGENCIES_VIEW, err) ||
	    (!lite && D->exec(s->db, AGENCIES_NEXT_ID ";" NARROW_PQ, err)))
		return -1;
	return st_plan_content_views(s, err);
}

int st_agencies_restore(const struct driver *d, void *db, struct error *err)
{
	return d->exec(db, AGENCIES_FROM("restore_agencies") "DROP TABLE restore_agencies;", err) ||
	                       (d == &pq_driver && d->exec(db, AGENCIES_NEXT_ID, err))
	               ? -1
	               : 0;
}
