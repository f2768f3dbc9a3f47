/* driver.h: the little each database backend provides (prepare, bind, step,
 * read a column) so that store.c holds the logic once. Statements use '?'
 * placeholders; a driver rewrites them if its database wants another form.
 * Internal to src/store. */
#ifndef CHITIEU_DRIVER_H
#define CHITIEU_DRIVER_H

#include <stdbool.h>
#include <stdio.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"

struct stmt;

/* What a connection last saw of the database's changes (driver.changed):
 * zeroed at first and after a reconnection. */
struct change_probe {
	bool ready;             /* SQLite: in WAL mode; PostgreSQL: listening */
	unsigned char seen[96]; /* SQLite: the WAL-index header */
	/* PostgreSQL: every notification changed() read carried the audit
	 * id its writer wrote (exact), top the highest: the mark without a
	 * query (store_change_mark). */
	bool exact;
	int64_t top;
};

struct driver {
	const char *name;
	/* Run statements that return no rows. */
	int (*exec)(void *db, const char *sql, struct error *err);
	struct stmt *(*prepare)(void *db, const char *sql, struct error *err);
	void (*bind_text)(struct stmt *st, int i, const char *v); /* NULL binds NULL */
	void (*bind_int)(struct stmt *st, int i, int64_t v);
	void (*bind_double)(struct stmt *st, int i, double v);
	void (*bind_null)(struct stmt *st, int i);
	/* 1: a row is ready; 0: done; -1: error (*err). */
	int (*step)(struct stmt *st, struct error *err);
	bool (*col_null)(struct stmt *st, int i);
	const char *(*col_text)(struct stmt *st, int i); /* NULL for NULL */
	int64_t (*col_int)(struct stmt *st, int i);
	double (*col_double)(struct stmt *st, int i);
	void (*reset)(struct stmt *st); /* ready to bind and step again */
	/* The next run of st reads its rows as the database sends them, not
	 * all into memory first (a country's figures: millions of rows); until
	 * it is stepped to its end or reset, nothing else may run on the
	 * connection. NULL: rows are read as stepped already. */
	void (*stream)(struct stmt *st);
	/* Rows changed by the last statement stepped to its end. */
	int64_t (*changes)(struct stmt *st);
	void (*finalize)(struct stmt *st);
	void (*close)(void *db);
	/* The connection was lost (NULL: it cannot be); open it again: 0, or
	 * -1 with *err. Statements prepared before are gone then. */
	bool (*lost)(void *db);
	int (*reconnect)(void *db, struct error *err);
	/* Load rows into table (ncols text cells a row, row after row; NULL
	 * for NULL): COPY where the database has it. types has a letter per
	 * column: 'i' an integer, 'r' a number written to read back exactly
	 * ("%.17g"), 't' text; a backend whose own reading of text as a number
	 * is not exact (SQLite's) reads 'r' cells with strtod. */
	int (*copy)(void *db, const char *table, int ncols, const char *types, char *const *cells,
	            size_t nrows, struct error *err);
	/* Run after restoring a table with explicit ids ("{t}" stands for the
	 * table), so that new rows get fresh ids; NULL if not needed. */
	const char *after_restore;
	/* Online copy of the whole database into a file; NULL if unsupported. */
	int (*backup)(void *db, const char *path, struct error *err);
	/* Whether the database may have changed (a commit by any connection
	 * of any process) since the last call with this connection and probe:
	 * false only when sure it has not; NULL when it can never be sure.
	 * Costs no query in the usual case (store_change_mark). */
	bool (*changed)(void *db, struct change_probe *p);
	/* Run after writing the audit log (in the writer's transaction) so
	 * that other connections' changed() hears of it; NULL if not needed. */
	const char *notify;
	/* The audit entry written and notify run in one statement, with the
	 * parameters of the plain INSERT (st_audit); NULL: two. */
	const char *audit_notify;
	/* Commits on this connection leave the WAL's checkpoint to
	 * checkpoint (after the answer went out) and count the WAL's pages
	 * into *pages; NULL where there is no WAL. */
	void (*checkpoint_later)(void *db, int *pages);
	int (*checkpoint)(void *db);
	/* How a write transaction starts. */
	const char *begin;
	/* How a transaction that only reads, one snapshot of every table,
	 * starts: writers go on meanwhile (a dump). */
	const char *begin_read;
	/* The schema, as statements for exec. */
	const char *schema;
	/* One row, one column: how many tables the database holds. */
	const char *count_tables;
	/* The temporary table a batch of figures is loaded into. */
	const char *incoming;
	/* Send sql (a BEGIN, a SAVEPOINT: no rows, no parameters) with the
	 * next statement, in the same round trip; its failure is that
	 * statement's. NULL: exec it now. */
	void (*later)(void *db, const char *sql);
	/* Whether the open transaction can no longer commit (PostgreSQL: a
	 * statement failed in it; SQLite: it was rolled back), asking the
	 * database nothing (store_group_item_end). */
	bool (*tx_failed)(void *db);
	/* The round trips to the database server since the connection was
	 * opened (each a wait for its answer); NULL where there is no server
	 * (SQLite: in process). */
	long (*round_trips)(void *db);
	/* The process of the database server serving this connection; NULL
	 * where there is none (SQLite: in process). */
	int (*server_pid)(void *db);
};

extern const struct driver sqlite_driver;
extern const struct driver pq_driver;

/* Connect to PostgreSQL at a postgresql:// URL. NULL with *err. */
void *pq_driver_open(const char *url, struct error *err);

/* Open a SQLite file (WAL, foreign keys, full sync). NULL with *err. */
void *sqlite_driver_open(const char *path, struct error *err);

struct json_t;
/* The whole database onto f as {"chitieu_dump": 1, "tables": {...}}
 * (compact JSON), a row at a time: memory does not grow with the store. */
int store_dump_file(const struct driver *d, void *db, int schema, FILE *f, struct error *err);
/* Every record of a dump checked by the rules the normal paths apply
 * (codes, names, kinds, parents and cycles, plan documents, periods,
 * statuses, references, UTF-8, control characters), before anything is
 * written: 0, or -1 with *err naming the table, row, column (and JSON
 * path) and why. Needs no database. */
int store_dump_check(struct json_t *doc, int schema, struct error *err);
/* A dump's file back into an empty database (in the caller's transaction):
 * read a row at a time, each row checked by store_dump_check's rules
 * before it is written (the figures' ids and the history's references to
 * them by the database, before the transaction ends): 0, or -1 with *err,
 * and the caller rolls back what was written. Memory does not grow with
 * the figures. */
int store_restore_file(const struct driver *d, void *db, int schema, const char *path,
                       struct error *err);

#endif
