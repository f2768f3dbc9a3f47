/* pq.c: the PostgreSQL backend through libpq, for a province or the
 * country. Statements are prepared once on the server ('?' becomes $1, $2
 * ...); values travel as text. */
#include "driver.h"
#include "internal.h"

#include "util.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXP 32

/* A connection, and the statement left to go with the next one
 * (driver.later). */
struct pq {
	PGconn *c;
	char *later;
	char *url;  /* to connect afresh (pq_reconnect) */
	long trips; /* round trips to the server (driver.round_trips) */
};

struct stmt {
	struct pq *db;
	char name[24];
	int nparams;
	char *val[MAXP];
	PGresult *res;
	int row, rows;
	bool ran;
	bool stream;    /* the next run reads its rows as they come (pq_stream) */
	bool streaming; /* results of that run are still to be read */
};

static int counter;

static void session_setup(PGconn *db)
{
	PGresult *r = PQexec(db, "SET client_min_messages = warning; SET client_encoding = 'UTF8'");
	PQclear(r);
}

void *pq_driver_open(const char *url, struct error *err)
{
	PGconn *db = PQconnectdb(url);
	if (PQstatus(db) != CONNECTION_OK) {
		const char *m = PQerrorMessage(db);
		st_fault(ERR_UNAVAILABLE);
		err_set(err, ERR_DB, "không kết nối được PostgreSQL: %.*s", (int)strcspn(m, "\n"),
		        m);
		PQfinish(db);
		return NULL;
	}
	session_setup(db);
	struct pq *p = xcalloc(1, sizeof *p);
	p->c = db;
	p->url = xstrdup(url);
	return p;
}

/* Which failures are the database's passing state (store_fault): the
 * connection lost, the server shutting down or starting, a full disk, a
 * lock not had. */
static void classify(PGconn *db, const PGresult *r)
{
	const char *state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
	if (PQstatus(db) == CONNECTION_BAD || (state && !strncmp(state, "08", 2)) ||
	    (state && !strncmp(state, "57P0", 4)))
		st_fault(ERR_UNAVAILABLE);
	else if (state && !strcmp(state, "53100"))
		st_fault(ERR_DISK_FULL);
	else if (state && !strncmp(state, "53", 2))
		st_fault(ERR_UNAVAILABLE);
	else if (state &&
	         (!strcmp(state, "40001") || !strcmp(state, "40P01") || !strcmp(state, "55P03")))
		st_fault(ERR_BUSY);
}

static void pq_error(struct error *err, PGconn *db, const PGresult *r, const char *what)
{
	classify(db, r);
	const char *m = PQerrorMessage(db);
	err_set(err, ERR_DB, "lỗi cơ sở dữ liệu (%s): %.*s", what, (int)strcspn(m, "\n"), m);
}

/* What was left for later goes now, alone: 0, or -1 with *err. */
static int later_now(struct pq *p, struct error *err)
{
	if (!p->later)
		return 0;
	char *sql = p->later;
	p->later = NULL;
	p->trips++;
	PGresult *r = PQexec(p->c, sql);
	free(sql);
	int rc = PQresultStatus(r) == PGRES_COMMAND_OK ? 0 : -1;
	if (rc && err)
		pq_error(err, p->c, r, "exec");
	else if (rc)
		classify(p->c, r);
	PQclear(r);
	return rc;
}

/* BEGIN, SAVEPOINT: sent with the next statement, in one round trip
 * (pq_exec: ahead of its text; pq_step: in one pipeline). Its failure is
 * that statement's. */
static void pq_later(void *h, const char *sql)
{
	struct pq *p = h;
	char *prev = p->later;
	p->later = prev ? xasprintf("%s; %s", prev, sql) : xstrdup(sql);
	free(prev);
}

static bool pq_tx_failed(void *h)
{
	struct pq *p = h;
	PGTransactionStatusType t = PQtransactionStatus(p->c);
	/* BEGIN not sent yet: nothing has failed. */
	return t != PQTRANS_INTRANS && !(p->later && t == PQTRANS_IDLE);
}

static long pq_round_trips(void *h)
{
	return ((struct pq *)h)->trips;
}

static int pq_server_pid(void *h)
{
	return PQbackendPID(((struct pq *)h)->c);
}

static bool pq_lost(void *h)
{
	return PQstatus(((struct pq *)h)->c) != CONNECTION_OK;
}

static int pq_reconnect(void *h, struct error *err)
{
	struct pq *p = h;
	PGconn *db = p->c;
	free(p->later);
	p->later = NULL;
	if (PQpipelineStatus(db) == PQ_PIPELINE_OFF) {
		PQreset(db);
	} else { /* lost in a pipeline (pipelined): a new connection */
		PQfinish(db);
		db = p->c = PQconnectdb(p->url);
	}
	if (PQstatus(db) != CONNECTION_OK) {
		const char *m = PQerrorMessage(db);
		st_fault(ERR_UNAVAILABLE);
		err_set(err, ERR_DB, "không kết nối lại được PostgreSQL: %.*s",
		        (int)strcspn(m, "\n"), m);
		return -1;
	}
	session_setup(db);
	return 0;
}

/* Every connection listens on chitieu_change, which st_audit notifies
 * (driver.notify) in the writer's transaction with the id of the audit
 * entry it wrote: PostgreSQL delivers it at commit, and reading what came
 * costs no round trip, nor does the new mark when each notification
 * carried its id (a reader after a write asks the database nothing). A
 * program that changes the database other than through chitieu (SQL by
 * hand) runs NOTIFY chitieu_change too (no id: the mark is read), or the
 * server sees the change only with the next one chitieu makes (README,
 * "PostgreSQL"). */
static bool pq_changed(void *h, struct change_probe *p)
{
	PGconn *db = ((struct pq *)h)->c;
	p->exact = false;
	if (PQstatus(db) != CONNECTION_OK) {
		p->ready = false;
		return true;
	}
	if (!p->ready) {
		((struct pq *)h)->trips++;
		PGresult *r = PQexec(db, "LISTEN chitieu_change");
		p->ready = PQresultStatus(r) == PGRES_COMMAND_OK;
		PQclear(r);
		return true;
	}
	bool any = !PQconsumeInput(db), exact = !any;
	p->top = 0;
	for (PGnotify *n; (n = PQnotifies(db)) != NULL; any = true) {
		char *end = NULL;
		long long id = n->extra ? strtoll(n->extra, &end, 10) : 0;
		if (!end || end == n->extra || *end || id <= 0)
			exact = false;
		else if (id > p->top)
			p->top = id;
		PQfreemem(n);
	}
	p->exact = any && exact;
	return any;
}

static int pq_exec(void *h, const char *sql, struct error *err)
{
	struct pq *p = h;
	PGconn *db = p->c;
	char *both = p->later ? xasprintf("%s; %s", p->later, sql) : NULL;
	free(p->later);
	p->later = NULL;
	p->trips++;
	PGresult *r = PQexec(db, both ? both : sql);
	free(both);
	ExecStatusType st = PQresultStatus(r);
	int rc = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK ? 0 : -1;
	if (rc && err)
		pq_error(err, db, r, "exec");
	else if (rc)
		classify(db, r);
	PQclear(r);
	return rc;
}

/* "... = ? AND x = ?" -> "... = $1 AND x = $2", quoted text left alone. */
static char *dollars(const char *sql, int *n)
{
	struct buf b = BUF_INIT;
	bool quote = false;
	*n = 0;
	for (const char *p = sql; *p; p++) {
		if (*p == '\'')
			quote = !quote;
		if (*p == '?' && !quote)
			buf_printf(&b, "$%d", ++*n);
		else
			buf_putc(&b, *p);
	}
	return buf_detach(&b);
}

/* A query sent in a pipeline after the statement left for later: a
 * prepared statement run, or one prepared. */
struct second {
	struct stmt *s;
	const char *sql; /* to prepare (s->name, s->nparams), or NULL: run s */
};

/* The statement left for later (one), then the second query, in one
 * pipeline (one round trip): the second's result, or the first one's
 * failure; NULL when the pipeline could not be sent. */
static PGresult *pipelined(struct pq *p, const struct second *q)
{
	PGconn *db = p->c;
	char *later = p->later;
	p->later = NULL;
	int sent = 0;
	bool synced = false;
	if (PQenterPipelineMode(db)) {
		struct stmt *s = q->s;
		sent = PQsendQueryParams(db, later, 0, NULL, NULL, NULL, NULL, 0);
		if (sent && q->sql)
			sent += PQsendPrepare(db, s->name, q->sql, s->nparams, NULL);
		else if (sent)
			sent += PQsendQueryPrepared(db, s->name, s->nparams,
			                            (const char *const *)s->val, NULL, NULL, 0);
		synced = PQpipelineSync(db);
	}
	free(later);
	PGresult *res[2] = {NULL, NULL}, *r;
	/* Each query's results end with a NULL; the sync's comes last. Read
	 * only what was sent and synced: anything else would wait forever. */
	for (int i = 0; synced && i < sent; i++)
		while ((r = PQgetResult(db)) != NULL) {
			if (!res[i])
				res[i] = r;
			else
				PQclear(r);
		}
	while (synced && (r = PQgetResult(db)) != NULL) {
		bool sync = PQresultStatus(r) == PGRES_PIPELINE_SYNC;
		PQclear(r);
		if (sync)
			break;
	}
	PQexitPipelineMode(db);
	if (res[0] && PQresultStatus(res[0]) != PGRES_COMMAND_OK) {
		PQclear(res[1]);
		return res[0];
	}
	PQclear(res[0]);
	return res[1];
}

/* What was left for later goes with the next statement when it is one
 * statement (a pipeline runs one a query): else now, alone. */
static int later_one(struct pq *p, struct error *err)
{
	return p->later && strchr(p->later, ';') ? later_now(p, err) : 0;
}

static struct stmt *pq_prepare(void *h, const char *sql, struct error *err)
{
	struct pq *p = h;
	PGconn *db = p->c;
	if (later_one(p, err))
		return NULL;
	int n;
	char *q = dollars(sql, &n);
	struct stmt *s = xcalloc(1, sizeof *s);
	s->db = p;
	s->nparams = n;
	snprintf(s->name, sizeof s->name, "s%d", ++counter);
	/* (a BEGIN left for later goes in the same round trip: a connection's
	 * first write prepares its statement) */
	p->trips++;
	PGresult *r = p->later ? pipelined(p, &(struct second){s, q})
	                       : PQprepare(db, s->name, q, n, NULL);
	free(q);
	if (PQresultStatus(r) != PGRES_COMMAND_OK || n > MAXP) {
		if (err)
			pq_error(err, db, r, "prepare");
		else
			classify(db, r);
		PQclear(r);
		free(s);
		return NULL;
	}
	PQclear(r);
	return s;
}

static void set(struct stmt *s, int i, char *v)
{
	if (i < 1 || i > MAXP) {
		free(v);
		return;
	}
	free(s->val[i - 1]);
	s->val[i - 1] = v;
}

static void pq_bind_text(struct stmt *s, int i, const char *v)
{
	set(s, i, v ? xstrdup(v) : NULL);
}

static void pq_bind_int(struct stmt *s, int i, int64_t v)
{
	set(s, i, xasprintf("%lld", (long long)v));
}

static void pq_bind_double(struct stmt *s, int i, double v)
{
	set(s, i, xasprintf("%.17g", v));
}

static void pq_bind_null(struct stmt *s, int i)
{
	set(s, i, NULL);
}

static void pq_stream(struct stmt *s)
{
	s->stream = true;
}

/* Read and drop what is left of a streamed run. */
static void stream_end(struct stmt *s)
{
	PGresult *r;
	while ((r = PQgetResult(s->db->c)) != NULL)
		PQclear(r);
	s->streaming = false;
}

/* A streamed run: each row its own result (single-row mode), read when
 * stepped to, so that only one row is held at a time. */
static int stream_step(struct stmt *s, struct error *err)
{
	PGconn *db = s->db->c;
	if (!s->ran) {
		s->ran = true;
		if (later_now(s->db, err))
			return -1;
		s->db->trips++;
		if (!PQsendQueryPrepared(db, s->name, s->nparams, (const char *const *)s->val, NULL,
		                         NULL, 0)) {
			if (err)
				pq_error(err, db, NULL, "step");
			else
				classify(db, NULL);
			return -1;
		}
		/* Refused: the rows come in one result, read as they are. */
		PQsetSingleRowMode(db);
		s->streaming = true;
	}
	for (;;) {
		if (s->res && ++s->row < s->rows)
			return 1;
		PQclear(s->res);
		s->res = s->streaming ? PQgetResult(db) : NULL;
		if (!s->res) {
			s->streaming = false;
			return 0;
		}
		ExecStatusType st = PQresultStatus(s->res);
		if (st != PGRES_SINGLE_TUPLE && st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
			if (err)
				pq_error(err, db, s->res, "step");
			else
				classify(db, s->res);
			stream_end(s);
			return -1;
		}
		s->rows = PQntuples(s->res);
		s->row = -1;
	}
}

static int pq_step(struct stmt *s, struct error *err)
{
	if (s->stream)
		return stream_step(s, err);
	if (!s->ran) {
		PGconn *db = s->db->c;
		if (later_one(s->db, err))
			return -1;
		s->db->trips++;
		s->res = s->db->later ? pipelined(s->db, &(struct second){s, NULL})
		                      : PQexecPrepared(db, s->name, s->nparams,
		                                       (const char *const *)s->val, NULL, NULL, 0);
		s->ran = true;
		s->row = -1;
		ExecStatusType st = PQresultStatus(s->res);
		if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
			if (err)
				pq_error(err, db, s->res, "step");
			else
				classify(db, s->res);
			return -1;
		}
		s->rows = PQntuples(s->res);
	}
	return ++s->row < s->rows ? 1 : 0;
}

static bool pq_col_null(struct stmt *s, int i)
{
	return PQgetisnull(s->res, s->row, i);
}

static const char *pq_col_text(struct stmt *s, int i)
{
	return PQgetisnull(s->res, s->row, i) ? NULL : PQgetvalue(s->res, s->row, i);
}

static int64_t pq_col_int(struct stmt *s, int i)
{
	const char *v = pq_col_text(s, i);
	if (!v)
		return 0;
	if (!strcmp(v, "t") || !strcmp(v, "f")) /* booleans */
		return v[0] == 't';
	return strtoll(v, NULL, 10);
}

static double pq_col_double(struct stmt *s, int i)
{
	const char *v = pq_col_text(s, i);
	return v ? strtod(v, NULL) : 0;
}

static int64_t pq_changes(struct stmt *s)
{
	const char *n = s->res ? PQcmdTuples(s->res) : "";
	return *n ? strtoll(n, NULL, 10) : 0;
}

static void pq_reset(struct stmt *s)
{
	if (s->streaming)
		stream_end(s);
	s->stream = false;
	PQclear(s->res);
	s->res = NULL;
	s->ran = false;
	for (int i = 0; i < MAXP; i++) {
		free(s->val[i]);
		s->val[i] = NULL;
	}
}

static void pq_finalize(struct stmt *s)
{
	if (!s)
		return;
	pq_reset(s);
	if (PQstatus(s->db->c) == CONNECTION_OK) { /* a lost session took it along */
		char *sql = xasprintf("DEALLOCATE %s", s->name);
		pq_exec(s->db, sql, NULL);
		free(sql);
	}
	free(s);
}

static void pq_close(void *h)
{
	struct pq *p = h;
	PQfinish(p->c);
	free(p->later);
	free(p->url);
	free(p);
}

/* COPY text format: \N for NULL, backslash escapes for the separators. */
static void copy_cell(struct buf *b, const char *v)
{
	if (!v) {
		buf_puts(b, "\\N");
		return;
	}
	for (; *v; v++) {
		if (*v == '\\')
			buf_puts(b, "\\\\");
		else if (*v == '\t')
			buf_puts(b, "\\t");
		else if (*v == '\n')
			buf_puts(b, "\\n");
		else if (*v == '\r')
			buf_puts(b, "\\r");
		else
			buf_putc(b, *v);
	}
}

static int pq_copy(void *h, const char *table, int ncols, const char *types, char *const *cells,
                   size_t nrows, struct error *err)
{
	PGconn *db = ((struct pq *)h)->c;
	if (later_now(h, err))
		return -1;
	char *sql = xasprintf("COPY %s FROM STDIN", table);
	((struct pq *)h)->trips += 2; /* COPY asked, then its rows and end */
	PGresult *r = PQexec(db, sql);
	free(sql);
	bool ok = PQresultStatus(r) == PGRES_COPY_IN;
	PQclear(r);
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < nrows && ok; i++) {
		for (int c = 0; c < ncols; c++) {
			if (c)
				buf_putc(&b, '\t');
			copy_cell(&b, cells[i * (size_t)ncols + (size_t)c]);
		}
		buf_putc(&b, '\n');
		if (b.len > (1u << 20) || i + 1 == nrows) {
			ok = PQputCopyData(db, b.ptr, (int)b.len) == 1;
			buf_reset(&b);
		}
	}
	buf_free(&b);
	ok = PQputCopyEnd(db, ok ? NULL : "aborted") == 1 && ok;
	while ((r = PQgetResult(db)) != NULL) {
		if (PQresultStatus(r) != PGRES_COMMAND_OK) {
			classify(db, r);
			ok = false;
		}
		PQclear(r);
	}
	if (!ok && err)
		pq_error(err, db, NULL, "copy");
	return ok ? 0 : -1;
}

#define ID  "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
#define NUM "DOUBLE PRECISION"

static const char schema[] =
        SCHEMA_V1(ID, "BIGINT", NUM) SCHEMA_V2(ID, "BIGINT") SCHEMA_V5(ID, "BIGINT", NUM)
                SCHEMA_V7(ID, "BIGINT") SCHEMA_V10(ID, "BIGINT") SCHEMA_V13(ID, "BIGINT", NUM, "");

const struct driver pq_driver = {
        .name = "postgresql",
        .exec = pq_exec,
        .prepare = pq_prepare,
        .bind_text = pq_bind_text,
        .bind_int = pq_bind_int,
        .bind_double = pq_bind_double,
        .bind_null = pq_bind_null,
        .step = pq_step,
        .col_null = pq_col_null,
        .col_text = pq_col_text,
        .col_int = pq_col_int,
        .col_double = pq_col_double,
        .reset = pq_reset,
        .changes = pq_changes,
        .copy = pq_copy,
        .after_restore = "SELECT setval(pg_get_serial_sequence('{t}', 'id'),"
                         " coalesce(max(id), 0) + 1, false) FROM {t}",
        .stream = pq_stream,
        .finalize = pq_finalize,
        .close = pq_close,
        .lost = pq_lost,
        .tx_failed = pq_tx_failed,
        .round_trips = pq_round_trips,
        .server_pid = pq_server_pid,
        .later = pq_later,
        .reconnect = pq_reconnect,
        .changed = pq_changed,
        .notify = "SELECT pg_notify('chitieu_change', CAST(lastval() AS TEXT))",
        .audit_notify =
                "WITH a AS (INSERT INTO audit (at, actor, action, entity, entity_id, detail)"
                " VALUES (?,?,?,?,?,?) RETURNING id)"
                " SELECT pg_notify('chitieu_change', CAST(id AS TEXT)) FROM a",
        .begin = "BEGIN",
        .begin_read = "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY",
        .schema = schema,
        .count_tables = "SELECT count(*) FROM information_schema.tables"
                        " WHERE table_schema = current_schema()",
        .incoming = "CREATE TEMP TABLE IF NOT EXISTS incoming (line BIGINT, series_id BIGINT,"
                    " period TEXT, value " NUM ", num " NUM ", den " NUM ", level TEXT, yes BIGINT,"
                    " note TEXT, evidence TEXT, code BIGINT)",
};
