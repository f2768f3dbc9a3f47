/* store.c: units, plans with their versions, and reported figures with
 * their history, written once over the driver of the backend in use. */
#include "store.h"

#include "agency.h"
#include "driver.h"
#include "period.h"
#include "text.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "figures.h"
#include "internal.h"
#include "review.h"

/* Bump when the schema changes, and add the step to migrations below. */
#define SCHEMA_VERSION      17
#define SCHEMA_VERSION_TEXT "17"

int store_schema_version(void)
{
	return SCHEMA_VERSION;
}

/* The indicators of each unit's current plan (for the series steps). */
#define CURRENT_INDICATORS                                                                         \
	"SELECT i.series_id, i.code FROM indicators i JOIN plans p ON p.id = i.plan_id"            \
	" WHERE p.version = (SELECT max(version) FROM plans q WHERE q.unit_id = p.unit_id)"

/* Version 3, both backends: a series (the figures of one indicator over
 * plan versions) carries the code its indicator has in the unit's current
 * plan; a series no longer in it is retired as "CODE~vN" (its code in the
 * last version N that had it), so that no figure is read as another
 * indicator's. First every series not where it belongs is set aside, then
 * the current ones take their codes: never two alike on the way. */
#define SERIES_CODES                                                                               \
	"UPDATE series SET code = coalesce((SELECT j.code || '~v' || p.version FROM indicators j"  \
	" JOIN plans p ON p.id = j.plan_id WHERE j.series_id = series.id ORDER BY p.version DESC"  \
	" LIMIT 1), code || '~s' || id) WHERE NOT EXISTS (SELECT 1 FROM (" CURRENT_INDICATORS      \
	") c WHERE c.series_id = series.id AND c.code = series.code);"                             \
	"UPDATE series SET code = (SELECT c.code FROM (" CURRENT_INDICATORS                        \
	") c WHERE c.series_id = series.id) WHERE EXISTS (SELECT 1 FROM (" CURRENT_INDICATORS      \
	") c WHERE c.series_id = series.id AND c.code <> series.code);"

/* Version 4, accounts that can be withdrawn: each account's credential
 * generation (cred_epoch: a password change, a disable, an enable or a new
 * role adds one, and every session and token made before it ends), and
 * each API token's expiry and scope ('read', 'write', or 'write:A,B' for
 * the units it may write). Tokens made before it expire in 90 days. The
 * schema's tables lack these columns, so the step runs on a new database
 * too (fresh). */
#define ACCOUNTS_COLUMNS                                                                           \
	"ALTER TABLE users ADD COLUMN cred_epoch BIGINT NOT NULL DEFAULT 0;"                       \
	"ALTER TABLE api_tokens ADD COLUMN expires_at TEXT;"                                       \
	"ALTER TABLE api_tokens ADD COLUMN scope TEXT NOT NULL DEFAULT 'write';"

/* Version 6: a plan's document is kept in plan_docs under the SHA-256 of
 * its text (a document shared by many units stored once); plans.doc goes
 * (st_plan_docs_migrate moves what it held). */
#define PLAN_DOCS "CREATE TABLE IF NOT EXISTS plan_docs (hash TEXT PRIMARY KEY, doc TEXT NOT NULL);"

/* Version 6, both backends: the indexes the hot queries lacked (checked
 * with EXPLAIN on PostgreSQL by tests/cli/store_explain.sh): a unit's
 * children (the roll-ups, store_obs_scan), a figure's history. (A plan's
 * tasks had tasks_plan until version 13 made tasks a view: the step of
 * 13 makes it where missing, plancontent.c.) */
#define INDEXES_V6                                                                                 \
	"CREATE INDEX IF NOT EXISTS units_parent ON units(parent_id);"                             \
	"CREATE INDEX IF NOT EXISTS history_observation ON observation_history(observation_id);"

/* Version 6, SQLite: the tables whose primary key is all they are looked
 * up by are kept in that key's order (WITHOUT ROWID) instead of a table
 * and an index holding the same columns twice. Same columns and keys. */
#define WITHOUT_ROWID_V6                                                                           \
	"CREATE TABLE targets_v6 ("                                                                \
	" indicator_id INTEGER NOT NULL REFERENCES indicators(id), year INTEGER NOT NULL,"         \
	" kind TEXT NOT NULL, text TEXT NOT NULL, op TEXT, value REAL, min REAL,"                  \
	" max REAL, level TEXT, rank INTEGER, PRIMARY KEY (indicator_id, year)) WITHOUT ROWID;"    \
	"INSERT INTO targets_v6 SELECT indicator_id, year, kind, text, op, value, min, max, "      \
	"level,"                                                                                   \
	" rank FROM targets;"                                                                      \
	"DROP TABLE targets;"                                                                      \
	"ALTER TABLE targets_v6 RENAME TO targets;"                                                \
	"CREATE TABLE indicator_agencies_v6 ("                                                     \
	" indicator_id INTEGER NOT NULL REFERENCES indicators(id),"                                \
	" agency_id INTEGER NOT NULL REFERENCES agencies(id),"                                     \
	" role TEXT NOT NULL CHECK (role IN ('lead','monitor')),"                                  \
	" PRIMARY KEY (indicator_id, agency_id, role)) WITHOUT ROWID;"                             \
	"INSERT INTO indicator_agencies_v6 SELECT indicator_id, agency_id, role"                   \
	" FROM indicator_agencies;"                                                                \
	"DROP TABLE indicator_agencies;"                                                           \
	"ALTER TABLE indicator_agencies_v6 RENAME TO indicator_agencies;"

/* Version 8, report settings: one JSON document per unit (the signer,
 * the recipients, the sending days; report/settings.h reads it), written
 * by the office once. A table the schema does not create, so fresh. */
#define UNIT_SETTINGS                                                                              \
	"CREATE TABLE IF NOT EXISTS unit_settings ("                                               \
	" unit_id BIGINT PRIMARY KEY REFERENCES units(id), doc TEXT NOT NULL,"                     \
	" updated_by TEXT NOT NULL, updated_at TEXT NOT NULL);"

/* Version 16, PostgreSQL: the figures' primary key (series_id, period)
 * fills its leaf pages (fillfactor 100, not btree's 90): figures come in
 * key order within a series and are never re-keyed, so the room kept for
 * later inserts in a page was mostly left empty. At 1,000 communes the
 * index went from 4.20 to 3.79 MB (22.6 to 20.4 bytes a figure), rebuilt
 * here once. */
#define FIGURES_PKEY_FULL                                                                          \
	"ALTER INDEX figures_pkey SET (fillfactor = 100); REINDEX INDEX figures_pkey;"

/* Version 17, PostgreSQL: the keys that rows of units and plan versions
 * come to in key order fill their leaf pages, as the figures' key does
 * (FIGURES_PKEY_FULL): the primary keys of series, plan_indicators,
 * unit_agencies, plans, units, audit and link_rows, plan_indicators' (plan,
 * indicator) and series index, unit_agencies' (unit, name) and plans'
 * (unit, version). Their rows come a unit, a plan version at a time and
 * keep their keys, so the tenth of a page btree leaves free stayed empty.
 * The keys on codes (series', units') and the links' other keys are
 * written out of order: left as they are (a full page split in two at
 * the next insert takes more room, not less). At 300 communes
 * (bench-national) 229 → 225 bytes a figure as built, 210 → 206 after
 * VACUUM FULL; a commune of store_unit_bytes.sh 27,306 → 24,576 bytes. */
#define PER_UNIT_KEYS_FULL                                                                         \
	"DO $$ DECLARE r record; BEGIN FOR r IN SELECT c.relname FROM pg_index i"                  \
	" JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid"           \
	" JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = current_schema()"        \
	" AND i.indpred IS NULL AND ((i.indisprimary AND t.relname IN ('series',"                  \
	" 'plan_indicators', 'unit_agencies', 'plans', 'units', 'audit', 'link_rows'))"            \
	" OR (i.indisunique AND t.relname IN ('plan_indicators', 'unit_agencies', 'plans'))"       \
	" OR c.relname = 'ind_series') ORDER BY 1"                                                 \
	" LOOP EXECUTE format('ALTER INDEX %I SET (fillfactor = 100)', r.relname);"                \
	" EXECUTE format('REINDEX INDEX %I', r.relname); END LOOP; END $$;"

/* The steps from one schema version to the next, in order; each runs in
 * the transaction that sets the new version, after the schema's CREATE ...
 * IF NOT EXISTS has added the tables new since (so a step that only adds
 * tables needs no SQL). sql runs on both backends, then lite on SQLite
 * only and pq on PostgreSQL only (NULL: nothing). A fresh step also runs
 * when the database is new. */
static const struct migration {
	int to;
	bool fresh;
	const char *sql, *lite, *pq;
} migrations[] = {
        /* 2: accounts (users, api_tokens): tables only. */
        {2, false, NULL, NULL, NULL},
        /* 3: one series per unit and code on both backends (PostgreSQL had
         * no UNIQUE there, SQLite refused the re-imports that needed a
         * second one). */
        {3, false, SERIES_CODES, NULL,
         "ALTER TABLE series ADD CONSTRAINT series_unit_id_code_key UNIQUE (unit_id, code)"},
        /* 4: credentials that can be withdrawn (above). */
        {4, true, ACCOUNTS_COLUMNS,
         "UPDATE api_tokens SET expires_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '+90 days')"
         " WHERE expires_at IS NULL",
         "UPDATE api_tokens SET expires_at = to_char((now() AT TIME ZONE 'UTC') + interval"
         " '90 days', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') WHERE expires_at IS NULL"},
        /* 5: links between the indicators of a unit and its parent's
         * (SCHEMA_V5): tables only. */
        {5, false, NULL, NULL, NULL},
        /* 6: the national scale (issue 13): plan documents stored once
         * each (PLAN_DOCS, plandocs.c). */
        {6, true, PLAN_DOCS INDEXES_V6, WITHOUT_ROWID_V6, NULL},
        /* 7: DHIS2 identifiers of units and indicators (SCHEMA_V7):
         * tables only. */
        {7, false, NULL, NULL, NULL},
        /* 8: each unit's report settings (UNIT_SETTINGS). */
        {8, true, UNIT_SETTINGS, NULL, NULL},
        /* 9: the entry page's drafts, the inbox's read marks and evidence files
         * (review.h): new tables, made here on both backends. */
        {9, true, NULL, REVIEW_TABLES("INTEGER PRIMARY KEY"),
         REVIEW_TABLES("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY")},
        /* 10: plan drafts read from uploaded documents (SCHEMA_V10): tables
         * only. */
        {10, false, NULL, NULL, NULL},
        /* 11: figures stored compactly (figures.h, issue 13): the table
         * figures and its entries; observations becomes a view. */
        {11, true, NULL, NULL, NULL},
        /* 12: figures keyed by the period's code, their rare fields in
         * figure_extras (figures.h, issue 13: ≤ 80 bytes a figure on
         * PostgreSQL). */
        {12, true, NULL, NULL, NULL},
        /* 13: a plan's parsed rows kept once per distinct content, each
         * unit's version pointing to it (SCHEMA_V13, plancontent.c, issue
         * 13); the old tables become views. */
        {13, true, NULL, NULL, NULL},
        /* 14: what is left per unit made smaller (linknotes.c, issue 13):
         * a link's texts kept once (link_whys, link_decisions), the
         * series' unread folded names dropped. */
        {14, false, NULL, NULL, NULL},
        /* 15: a unit's agencies name shared rows (agency_names), and on
         * PostgreSQL the per-unit tables' integers take 4 bytes (narrow.c,
         * issue 13). */
        {15, true, NULL, NULL, NULL},
        /* 16: a link's state a small code in link_rows, links a view
         * (linkstate.c, issue 13); on PostgreSQL the figures' key packs
         * its pages full (FIGURES_PKEY_FULL). */
        {16, true, NULL, NULL, FIGURES_PKEY_FULL},
        /* 17: on PostgreSQL the per-unit tables' keys pack their pages
         * full (PER_UNIT_KEYS_FULL); nothing on SQLite. */
        {17, true, NULL, NULL, PER_UNIT_KEYS_FULL},
};

#define NMIGRATIONS (sizeof migrations / sizeof migrations[0])

/* How many tables the database holds (any schema of the connection). */
static int64_t count_tables(const struct driver *d, void *db)
{
	struct stmt *st = d->prepare(db, d->count_tables, NULL);
	int64_t n = st && d->step(st, NULL) == 1 ? d->col_int(st, 0) : 0;
	d->finalize(st);
	return n;
}

/* Create the schema, or bring an older one up to SCHEMA_VERSION, in one
 * transaction: all the steps or none. */
static int migrate(struct store *s, int64_t from, struct error *err)
{
	int rc = store_begin(s, err) || D->exec(s->db, D->schema, err) ? -1 : 0;
	for (size_t i = 0; i < NMIGRATIONS && !rc; i++) {
		if (migrations[i].to <= from || (!from && !migrations[i].fresh))
			continue;
		if (migrations[i].sql)
			rc = D->exec(s->db, migrations[i].sql, err);
		/* (6 remade targets and indicator_agencies: views already in
		 * an older store made by this version) */
		if (!rc && migrations[i].lite && D == &sqlite_driver &&
		    !(migrations[i].to == 6 && (rc = st_plan_content_formed(s, err)) != 0))
			rc = D->exec(s->db, migrations[i].lite, err);
		rc = rc < 0 ? -1 : 0;
		if (!rc && migrations[i].pq && D == &pq_driver)
			rc = D->exec(s->db, migrations[i].pq, err);
		/* 6 moves each plan's document in C (its hash). */
		if (!rc && migrations[i].to == 6)
			rc = st_plan_docs_migrate(s, err);
		/* 11 and 12 move the figures unless they already have
		 * (figures.c). */
		if (!rc && (migrations[i].to == 11 || migrations[i].to == 12))
			rc = st_figures_migrate(s, migrations[i].to, err);
		/* 13 moves the plans' rows to their contents (plancontent.c). */
		if (!rc && migrations[i].to == 13)
			rc = st_plan_content_migrate(s, err);
		/* 14 moves the links' texts (linknotes.c). */
		if (!rc && migrations[i].to == 14)
			rc = st_links_compact_migrate(s, err);
		/* 15 shares the agencies' names (narrow.c). */
		if (!rc && migrations[i].to == 15)
			rc = st_narrow_migrate(s, err);
		/* 16 codes the links' states (linkstate.c). */
		if (!rc && migrations[i].to == 16)
			rc = st_link_state_migrate(s, err);
	}
	if (!rc)
		rc = D->exec(s->db,
		             "INSERT INTO meta (key, value) VALUES ('schema', '" SCHEMA_VERSION_TEXT
		             "') ON CONFLICT (key) DO UPDATE SET value = excluded.value",
		             err);
	if (!rc)
		rc = store_commit(s, err);
	if (rc)
		store_rollback(s);
	return rc;
}

/* A prepared statement for sql, made once per store and reused: bulk work
 * prepares nothing per row. Give it back with st_done(). */
struct stmt *st_prep(struct store *s, const char *sql, struct error *err)
{
	s->queries++;
	for (int i = 0; i < s->ncache; i++)
		if (s->cache[i].sql == sql)
			return s->cache[i].st;
	struct stmt *st = D->prepare(s->db, sql, err);
	if (st && s->ncache < CACHE)
		s->cache[s->ncache++] = (struct cached){sql, st};
	return st;
}

void st_done(struct store *s, struct stmt *st)
{
	for (int i = 0; i < s->ncache; i++)
		if (s->cache[i].st == st) {
			D->reset(st);
			return;
		}
	D->finalize(st);
}

struct store *store_open(const char *url, struct error *err)
{
	const struct driver *d = NULL;
	void *db = NULL;
	if (!strncmp(url, "postgresql://", 13) || !strncmp(url, "postgres://", 11)) {
		d = &pq_driver;
		db = pq_driver_open(url, err);
	} else {
		d = &sqlite_driver;
		db = sqlite_driver_open(url, err);
	}
	if (!db)
		return NULL;
	struct store *s = xcalloc(1, sizeof *s);
	s->d = d;
	s->db = db;
	/* The schema is created once; later opens check its version and
	 * migrate an older one. */
	int64_t version = 0;
	struct stmt *st =
	        D->prepare(db, "SELECT CAST(value AS BIGINT) FROM meta WHERE key = 'schema'", NULL);
	if (st && D->step(st, NULL) == 1)
		version = D->col_int(st, 0);
	if (st)
		D->finalize(st);
	if (!version && count_tables(d, db)) {
		/* Someone else's tables: never add ours among them. */
		err_set(err, ERR_DB,
		        "%s: cơ sở dữ liệu đã có bảng của chương trình khác, không có lược "
		        "đồ chitieu: không mở để khỏi sửa nó; dùng một cơ sở dữ liệu mới",
		        url);
		store_close(s);
		return NULL;
	}
	if (version < 0 || version > SCHEMA_VERSION) {
		err_set(err, ERR_DB,
		        "%s: cơ sở dữ liệu có lược đồ phiên bản %lld, chương trình cần %d; "
		        "xuất bằng bản chitieu đã tạo nó (chitieu dump) rồi khôi phục",
		        url, (long long)version, SCHEMA_VERSION);
		store_close(s);
		return NULL;
	}
	if (version != SCHEMA_VERSION && migrate(s, version, err)) {
		store_close(s);
		return NULL;
	}
	return s;
}

void store_close(struct store *s)
{
	if (!s)
		return;
	for (int i = 0; i < s->ncache; i++)
		D->finalize(s->cache[i].st);
	D->close(s->db);
	st_group_kept_free(s);
	st_written_clear(s);
	free(s->written);
	free(s);
}

/* Each thread works with its own connections (a server worker, the CLI),
 * so what its last requests met is its own. */
static _Thread_local enum err_code fault;

static int fault_rank(enum err_code code)
{
	static const enum err_code order[] = {ERR_BUSY, ERR_DISK_FULL, ERR_UNAVAILABLE};
	for (int i = 0; i < 3; i++)
		if (code == order[i])
			return i + 1;
	return 0;
}

void st_fault(enum err_code code)
{
	if (fault_rank(code) > fault_rank(fault))
		fault = code;
}

enum err_code store_fault(void)
{
	return fault;
}

void store_fault_clear(void)
{
	fault = ERR_NONE;
}

static int64_t now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

int store_reconnect(struct store *s, struct error *err)
{
	if (!D->lost || !D->lost(s->db))
		return 0;
	st_fault(ERR_UNAVAILABLE);
	int64_t now = now_ms();
	if (now < s->retry_at) {
		if (err)
			err_set(err, ERR_DB, "mất kết nối PostgreSQL; sẽ thử kết nối lại");
		return -1;
	}
	/* The statements were prepared in the lost session. */
	for (int i = 0; i < s->ncache; i++)
		D->finalize(s->cache[i].st);
	s->ncache = 0;
	s->incoming_class = 0;
	struct error why = {0};
	if (D->reconnect(s->db, &why)) {
		s->backoff = s->backoff ? (s->backoff * 2 > 5000 ? 5000 : s->backoff * 2) : 250;
		s->retry_at = now + s->backoff;
		if (err)
			*err = why;
		else
			err_clear(&why);
		return -1;
	}
	s->backoff = s->retry_at = 0;
	s->probe = (struct change_probe){0};
	s->mark_known = false;
	return 1;
}

int store_begin(struct store *s, struct error *err)
{
	if (s->group.on) /* inside the write's savepoint (group.c) */
		return 0;
	s->notified = false;
	s->in_tx = !D->exec(s->db, D->begin, err);
	return s->in_tx ? 0 : -1;
}

int store_commit(struct store *s, struct error *err)
{
	if (s->group.on) /* the group commits it (store_group_commit) */
		return 0;
	s->mark_known = false;
	s->in_tx = s->notified = false;
	if (!D->exec(s->db, "COMMIT", err)) {
		s->commits++;
		return 0;
	}
	/* A commit that failed (a full disk) may leave SQLite's transaction
	 * open: end it, or the connection's next BEGIN fails. */
	D->exec(s->db, "ROLLBACK", NULL);
	return -1;
}

void store_rollback(struct store *s)
{
	/* What the write stored is undone. */
	st_written_clear(s);
	if (s->group.on) { /* the write alone, back to its savepoint */
		st_group_undo(s);
		return;
	}
	s->mark_known = false;
	s->in_tx = s->notified = false;
	s->incoming_class = 0; /* an ANALYZE in it is undone */
	D->exec(s->db, "ROLLBACK", NULL);
}

/* Now, UTC, ISO 8601 to the second. */
void st_now(char out[32])
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

char *st_dup(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

/* Run sql with text parameters (NULL-terminated list); first column of the
 * first row as an integer into *out when out is given. 0 no row, 1 a row,
 * -1 error. */
static int query_int(struct store *s, const char *sql, int64_t *out, struct error *err, ...)
{
	struct stmt *st = st_prep(s, sql, err);
	if (!st)
		return -1;
	va_list ap;
	va_start(ap, err);
	const char *a;
	for (int i = 1; (a = va_arg(ap, const char *)) != NULL; i++)
		D->bind_text(st, i, a);
	va_end(ap);
	int rc = D->step(st, err);
	if (rc == 1 && out)
		*out = D->col_int(st, 0);
	st_done(s, st);
	return rc;
}

int st_collect(struct store *s, struct stmt *st, void **out, size_t *n, size_t size,
               void (*read)(struct store *, struct stmt *, void *), struct error *err)
{
	size_t cap = 0;
	*out = NULL;
	*n = 0;
	if (!st)
		return -1;
	int rc;
	while ((rc = D->step(st, err)) == 1) {
		*out = xgrow(*out, &cap, *n + 1, size);
		char *row = (char *)*out + *n * size;
		memset(row, 0, size);
		read(s, st, row);
		(*n)++;
	}
	st_done(s, st);
	return rc < 0 ? -1 : 0;
}

void st_audit(struct store *s, const char *actor, const char *action, const char *entity,
              int64_t id, const char *detail)
{
	char at[32];
	st_now(at);
	/* The notification the transaction needs goes with the entry, in the
	 * same round trip, where the driver can (driver.audit_notify). */
	bool notify = D->notify && !(s->in_tx && s->notified);
	struct stmt *st =
	        st_prep(s,
	                notify && D->audit_notify
	                        ? D->audit_notify
	                        : "INSERT INTO audit (at, actor, action, entity, entity_id, "
	                          "detail) VALUES (?,?,?,?,?,?)",
	                NULL);
	if (!st)
		return;
	D->bind_text(st, 1, at);
	D->bind_text(st, 2, actor);
	D->bind_text(st, 3, action);
	D->bind_text(st, 4, entity);
	D->bind_int(st, 5, id);
	D->bind_text(st, 6, detail);
	D->step(st, NULL);
	st_done(s, st);
	s->audits++;
	s->ids_unknown = true; /* its id not read (store_write_mark) */
	s->mark_known = false; /* this connection's next mark is read */
	if (notify && !D->audit_notify)
		D->exec(s->db, D->notify, NULL);
	s->notified = s->in_tx;
}

/* ---- Units --------------------------------------------------------------- */

void unit_rec_free(struct unit_rec *u)
{
	if (!u)
		return;
	free(u->code);
	free(u->name);
	free(u->kind);
	free(u->parent_code);
	memset(u, 0, sizeof *u);
}

static bool code_ok(const char *c)
{
	if (!c || !*c || strlen(c) > 32)
		return false;
	for (; *c; c++)
		if (!((*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') ||
		      (*c >= '0' && *c <= '9') || *c == '-' || *c == '_' || *c == '.'))
			return false;
	return true;
}

static const char *const kinds[] = {"country", "province", "district", "commune", "ward"};

static int kind_level(const char *k)
{
	for (int i = 0; i < 5; i++)
		if (k && !strcmp(k, kinds[i]))
			return i < 4 ? i : 3; /* a ward sits where a commune does */
	return -1;
}

bool st_unit_code_ok(const char *code)
{
	return code_ok(code);
}

int st_unit_kind_level(const char *kind)
{
	return kind_level(kind);
}

int store_unit_add(struct store *s, const struct unit_rec *u, struct problems *ps)
{
	size_t before = ps->n;
	if (!code_ok(u->code))
		problems_add(ps, "E_UNIT_CODE", 0,
		             "Mã đơn vị \"%s\" không hợp lệ (chữ, số, '-', '_' hoặc '.'; tối đa 32 "
		             "ký tự)",
		             u->code ? u->code : "");
	if (!u->name || !*u->name)
		problems_add(ps, "E_UNIT_NAME", 0, "Thiếu tên đơn vị %s", u->code ? u->code : "");
	int lvl = kind_level(u->kind);
	if (lvl < 0)
		problems_add(ps, "E_UNIT_KIND", 0,
		             "Cấp đơn vị \"%s\" không hợp lệ: country, province, district, commune "
		             "hoặc ward",
		             u->kind ? u->kind : "");
	if (u->population < 0)
		problems_add(ps, "E_POPULATION", 0, "Dân số không được âm");
	if (u->cutoff_day < 0 || u->cutoff_day > 28)
		problems_add(ps, "E_CUTOFF", 0, "Ngày chốt số liệu %d phải từ 1 đến 28",
		             u->cutoff_day);
	int64_t parent = 0;
	if (u->parent_code && *u->parent_code) {
		struct unit_rec p;
		struct error err = {0};
		int rc = store_unit_get(s, u->parent_code, &p, &err);
		if (rc < 0) {
			problems_add(ps, err_name(err.code), 0, "%s", err.msg);
			err_clear(&err);
		} else if (rc == 1) {
			problems_add(ps, "E_UNKNOWN_UNIT", 0, "Không có đơn vị cấp trên \"%s\"",
			             u->parent_code);
		} else {
			parent = p.id;
			if (lvl >= 0 && kind_level(p.kind) >= lvl)
				problems_add(ps, "E_UNIT_PARENT", 0,
				             "Đơn vị %s (%s) không thể trực thuộc %s (%s)", u->code,
				             u->kind, p.code, p.kind);
			unit_rec_free(&p);
		}
	}
	if (ps->n == before && query_int(s, "SELECT id FROM units WHERE code = ?", NULL, NULL,
	                                 u->code, (char *)NULL) == 1)
		problems_add(ps, "E_UNIT_EXISTS", 0, "Mã đơn vị \"%s\" đã có", u->code);
	if (ps->n != before)
		return -1;
	char at[32];
	struct error err = {0};
	st_now(at);
	struct stmt *st =
	        st_prep(s,
	                "INSERT INTO units (code, name, kind, parent_id, population, created_at,"
	                " cutoff_day) VALUES (?,?,?,?,?,?,?)",
	                &err);
	int rc = st ? 0 : -1;
	if (st) {
		D->bind_text(st, 1, u->code);
		D->bind_text(st, 2, u->name);
		D->bind_text(st, 3, u->kind);
		if (parent)
			D->bind_int(st, 4, parent);
		else
			D->bind_null(st, 4);
		if (u->population > 0)
			D->bind_int(st, 5, u->population);
		else
			D->bind_null(st, 5);
		D->bind_text(st, 6, at);
		u->cutoff_day ? D->bind_int(st, 7, u->cutoff_day) : D->bind_null(st, 7);
		rc = D->step(st, &err) < 0 ? -1 : 0;
		st_done(s, st);
	}
	if (rc) {
		problems_add(ps, err_name(err.code), 0, "%s", err.msg);
		err_clear(&err);
		return -1;
	}
	st_audit(s, "cli", "unit.add", "unit", 0, u->code);
	return 0;
}

#define UNIT_COLS                                                                                  \
	"SELECT u.id, u.code, u.name, u.kind, p.code, u.population, u.cutoff_day FROM units u"     \
	" LEFT JOIN units p ON p.id = u.parent_id"

static void read_unit(struct store *s, struct stmt *st, void *row)
{
	struct unit_rec *u = row;
	u->id = D->col_int(st, 0);
	u->code = xstrdup(D->col_text(st, 1));
	u->name = xstrdup(D->col_text(st, 2));
	u->kind = xstrdup(D->col_text(st, 3));
	u->parent_code = st_dup(D->col_text(st, 4));
	u->population = D->col_null(st, 5) ? 0 : D->col_int(st, 5);
	u->cutoff_day = D->col_null(st, 6) ? 0 : (int)D->col_int(st, 6);
}

int store_cutoff_day(struct store *s, int64_t unit, struct error *err)
{
	for (int depth = 0; unit && depth < 8; depth++) {
		struct stmt *st =
		        st_prep(s, "SELECT cutoff_day, parent_id FROM units WHERE id = ?", err);
		if (!st)
			return -1;
		D->bind_int(st, 1, unit);
		int rc = D->step(st, err), day = 0;
		int64_t parent = 0;
		if (rc == 1) {
			day = D->col_null(st, 0) ? 0 : (int)D->col_int(st, 0);
			parent = D->col_null(st, 1) ? 0 : D->col_int(st, 1);
		}
		st_done(s, st);
		if (rc < 0)
			return -1;
		if (day)
			return day;
		unit = parent;
	}
	return 15;
}

int store_unit_get(struct store *s, const char *code, struct unit_rec *out, struct error *err)
{
	static const char sql[] = UNIT_COLS " WHERE u.code = ?";
	if (st_group_unit(s, code, out))
		return 0;
	struct stmt *st = st_prep(s, sql, err);
	if (!st)
		return -1;
	D->bind_text(st, 1, code);
	int rc = D->step(st, err);
	if (rc == 1) {
		read_unit(s, st, out);
		st_group_unit_keep(s, out);
	}
	st_done(s, st);
	return rc < 0 ? -1 : rc == 1 ? 0 : 1;
}

int store_unit_list(struct store *s, struct unit_rec **out, size_t *n, struct error *err)
{
	static const char sql[] = UNIT_COLS " ORDER BY u.code";
	return st_collect(s, st_prep(s, sql, err), (void **)out, n, sizeof **out, read_unit, err);
}

/* ---- Plans ---------------------------------------------------------------- */

void import_report_free(struct import_report *r)
{
	for (size_t i = 0; i < r->nunmatched; i++)
		free(r->unmatched[i]);
	free(r->unmatched);
	memset(r, 0, sizeof *r);
}

void plan_row_free(struct plan_row *r)
{
	free(r->unit_code);
	free(r->title);
	free(r->number);
	free(r->source);
	free(r->imported_at);
	memset(r, 0, sizeof *r);
}

struct prev_ind {
	char *code, *name;
	int64_t series, figures;
};

/* An indicator's name as a key: its folded words, the usual abbreviations
 * spelled out, punctuation dropped ("Tỷ lệ TTHC" and "tỷ lệ thủ tục hành
 * chính." are one name; "5G" and "6G" are not). */
static char *name_key(const char *name)
{
	struct words w = {0};
	text_words(name ? name : "", &w);
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < w.n; i++)
		buf_printf(&b, "%s%s", b.len ? " " : "", w.w[i]);
	words_free(&w);
	return buf_detach(&b);
}

static void free_previous(struct prev_ind *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].code);
		free(v[i].name);
	}
	free(v);
}

static int load_previous(struct store *s, int64_t plan, struct prev_ind **v, size_t *n,
                         struct error *err)
{
	*v = NULL;
	*n = 0;
	struct stmt *st = st_prep(s,
	                          "SELECT i.code, i.name, i.series_id, (SELECT count(*) FROM"
	                          " observations o WHERE o.series_id = i.series_id)"
	                          " FROM indicators i WHERE i.plan_id = ? ORDER BY i.id",
	                          err);
	if (!st)
		return -1;
	D->bind_int(st, 1, plan);
	size_t cap = 0;
	int rc;
	while ((rc = D->step(st, err)) == 1) {
		*v = xgrow(*v, &cap, *n + 1, sizeof **v);
		(*v)[*n] =
		        (struct prev_ind){xstrdup(D->col_text(st, 0)), xstrdup(D->col_text(st, 1)),
		                          D->col_int(st, 2), D->col_int(st, 3)};
		(*n)++;
	}
	st_done(s, st);
	return rc < 0 ? -1 : 0;
}

/* An item of a plan version matched across versions by its code and key
 * (name_key of an indicator's name, of a task's title); to and how, as
 * match_items says. */
struct item {
	const char *code;
	char *key;
	long to;
	enum plan_match how;
};

static void items_free(struct item *v, size_t n)
{
	for (size_t i = 0; v && i < n; i++)
		free(v[i].key);
	free(v);
}

/* Whether x goes on as the other version's item x->to. */
static bool continued(const struct item *x)
{
	return x->how == PLAN_SAME || x->how == PLAN_RENUMBERED;
}

/* Each of a's items left unmatched: PLAN_REPLACED when one of b's has its
 * code (to: the first such), else how. */
static void replaced(struct item *a, size_t na, const struct item *b, size_t nb,
                     enum plan_match how)
{
	for (size_t i = 0; i < na; i++) {
		if (a[i].to >= 0)
			continue;
		a[i].how = how;
		for (size_t k = 0; k < nb && a[i].to < 0 && a[i].code; k++)
			if (b[k].code && !strcmp(a[i].code, b[k].code)) {
				a[i].to = (long)k;
				a[i].how = PLAN_REPLACED;
			}
	}
}

/* The items of a new version (nw) matched to the previous version's (old):
 * the same code and key first, then the same key (not empty) under another
 * code; each goes on as one at most (PLAN_SAME, PLAN_RENUMBERED; to: the
 * other's place, both ways). Of those left, one whose code the other
 * version has is PLAN_REPLACED (to: the first with it), the others
 * PLAN_NEW or PLAN_DROPPED (to: -1, as each item's is on entry). An item
 * without a code matches none. */
static void match_items(struct item *old, size_t nold, struct item *nw, size_t nnew)
{
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < nnew; i++)
			for (size_t k = 0; k < nold && nw[i].to < 0 && nw[i].code; k++)
				if (old[k].to < 0 && old[k].code &&
				    !strcmp(old[k].key, nw[i].key) &&
				    (pass ? *nw[i].key != 0 : !strcmp(old[k].code, nw[i].code))) {
					nw[i].to = (long)k;
					old[k].to = (long)i;
					nw[i].how = old[k].how = pass ? PLAN_RENUMBERED : PLAN_SAME;
				}
	replaced(nw, nnew, old, nold, PLAN_NEW);
	replaced(old, nold, nw, nnew, PLAN_DROPPED);
}

/* The unit's newest plan: its id and version (0, 0 when none). */
static int newest_plan(struct store *s, int64_t unit, int64_t *id, int64_t *version,
                       struct error *err)
{
	*id = *version = 0;
	struct stmt *st = st_prep(
	        s, "SELECT id, version FROM plans WHERE unit_id = ? ORDER BY version DESC LIMIT 1",
	        err);
	if (!st)
		return -1;
	D->bind_int(st, 1, unit);
	int found = D->step(st, err);
	if (found == 1) {
		*id = D->col_int(st, 0);
		*version = D->col_int(st, 1);
	}
	st_done(s, st);
	return found < 0 ? -1 : 0;
}

/* The unit's newest plan's indicators matched to p's. */
struct ind_match {
	int64_t version; /* the newest plan's (0: none) */
	struct prev_ind *pv;
	size_t npv;
	struct item *old, *nw; /* pv's, p's (match_items) */
};

static void ind_match_free(struct ind_match *m, size_t nind)
{
	free_previous(m->pv, m->npv);
	items_free(m->old, m->npv);
	items_free(m->nw, nind);
}

static int match_indicators(struct store *s, int64_t unit, const struct plan *p,
                            struct ind_match *m, struct error *err)
{
	int64_t prev;
	memset(m, 0, sizeof *m);
	if (newest_plan(s, unit, &prev, &m->version, err) ||
	    load_previous(s, prev, &m->pv, &m->npv, err))
		return -1;
	m->old = xcalloc(m->npv + 1, sizeof *m->old);
	m->nw = xcalloc(p->nind + 1, sizeof *m->nw);
	for (size_t k = 0; k < m->npv; k++)
		m->old[k] = (struct item){m->pv[k].code, name_key(m->pv[k].name), -1, PLAN_SAME};
	for (size_t i = 0; i < p->nind; i++)
		m->nw[i] = (struct item){p->ind[i].code, name_key(p->ind[i].name), -1, PLAN_NEW};
	match_items(m->old, m->npv, m->nw, p->nind);
	return 0;
}

const char *plan_match_name_vi(enum plan_match m)
{
	switch (m) {
	case PLAN_SAME:
		return "giữ nguyên (cùng mã, cùng tên)";
	case PLAN_RENUMBERED:
		return "đổi mã (cùng tên): số liệu cũ đi theo";
	case PLAN_REPLACED:
		return "chỉ tiêu MỚI trùng mã cũ (khác tên): số liệu cũ ở lại chỉ tiêu cũ";
	case PLAN_NEW:
		return "chỉ tiêu mới";
	case PLAN_DROPPED:
		return "bỏ khỏi kế hoạch: số liệu cũ giữ lại, không còn đánh giá";
	}
	return "?";
}

void plan_mapping_free(struct plan_mapping *m, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(m[i].old_code);
		free(m[i].old_name);
		free(m[i].new_code);
		free(m[i].new_name);
	}
	free(m);
}

int store_plan_mapping(struct store *s, int64_t unit, const struct plan *p,
                       struct plan_mapping **out, size_t *n, bool *confirm, struct error *err)
{
	*out = NULL;
	*n = 0;
	*confirm = false;
	struct ind_match im;
	if (match_indicators(s, unit, p, &im, err)) {
		ind_match_free(&im, p->nind);
		return -1;
	}
	struct plan_mapping *m = xcalloc(p->nind + im.npv + 1, sizeof *m);
	size_t k = 0;
	for (size_t i = 0; i < p->nind; i++, k++) {
		const struct item *x = &im.nw[i];
		m[k].match = x->how;
		m[k].new_code = xstrdup(p->ind[i].code);
		m[k].new_name = xstrdup(p->ind[i].name);
		if (continued(x)) {
			m[k].old_code = xstrdup(im.pv[x->to].code);
			m[k].old_name = xstrdup(im.pv[x->to].name);
			m[k].figures = im.pv[x->to].figures;
		}
		*confirm |= x->how == PLAN_RENUMBERED || x->how == PLAN_REPLACED;
	}
	for (size_t i = 0; i < im.npv; i++)
		if (!continued(&im.old[i])) {
			m[k++] = (struct plan_mapping){
			        PLAN_DROPPED, xstrdup(im.pv[i].code), xstrdup(im.pv[i].name), NULL,
			        NULL,         im.pv[i].figures};
			*confirm = true;
		}
	*out = m;
	*n = k;
	ind_match_free(&im, p->nind);
	struct task_mapping *tm;
	size_t ntm;
	if (store_plan_task_mapping(s, unit, p, &tm, &ntm, err)) {
		plan_mapping_free(*out, *n);
		*out = NULL;
		*n = 0;
		return -1;
	}
	*confirm |= ntm > 0;
	task_mapping_free(tm, ntm);
	return 0;
}

/* ---- tasks' progress across versions ------------------------------------------------------- */

void task_mapping_free(struct task_mapping *m, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(m[i].old_code);
		free(m[i].old_title);
		free(m[i].new_code);
		free(m[i].new_title);
		free(m[i].aside);
		for (size_t k = 0; k < m[i].nclash; k++)
			free(m[i].clash[k]);
		free(m[i].clash);
	}
	free(m);
}

char *task_mapping_vi(const struct task_mapping *m)
{
	struct buf b = BUF_INIT;
	if (m->match == PLAN_RENUMBERED)
		buf_puts(&b, "đổi mã (cùng nội dung): tiến độ đã báo cáo đi theo");
	else
		buf_printf(&b,
		           "%s: tiến độ đã báo cáo giữ lại, để riêng thành %s (trong danh sách "
		           "nhiệm vụ)",
		           m->match == PLAN_REPLACED ? "nhiệm vụ MỚI trùng mã cũ (khác nội dung)"
		                                     : "bỏ khỏi kế hoạch",
		           m->aside);
	for (size_t k = 0; k < m->nclash; k++)
		buf_printf(&b, "%s%s", k ? ", " : "; TRÙNG KỲ: mã mới đã có báo cáo kỳ ",
		           m->clash[k]);
	if (m->nclash)
		buf_printf(&b,
		           " (giữ nguyên); báo cáo các kỳ đó của nhiệm vụ này để riêng thành %s "
		           "(trong danh sách nhiệm vụ)",
		           m->aside);
	return buf_detach(&b);
}

/* The previous version's (plan) task codes with progress, each with the
 * title of its first task, in order, into *out (a task_mapping each,
 * match PLAN_SAME for now). */
static int tasks_at_stake(struct store *s, int64_t unit, int64_t plan, struct task_mapping **out,
                          size_t *n, struct error *err)
{
	*out = NULL;
	*n = 0;
	struct stmt *st = st_prep(s,
	                          "SELECT t.code, t.title, (SELECT count(*) FROM task_progress g"
	                          " WHERE g.unit_id = ? AND g.task_code = t.code)"
	                          " FROM tasks t WHERE t.plan_id = ? ORDER BY t.id",
	                          err);
	if (!st)
		return -1;
	D->bind_int(st, 1, unit);
	D->bind_int(st, 2, plan);
	size_t cap = 0;
	int rc;
	while ((rc = D->step(st, err)) == 1) {
		const char *code = D->col_text(st, 0);
		bool seen = !code || D->col_int(st, 2) == 0;
		for (size_t k = 0; k < *n && !seen; k++)
			seen = !strcmp((*out)[k].old_code, code);
		if (seen)
			continue;
		*out = xgrow(*out, &cap, *n + 1, sizeof **out);
		(*out)[(*n)++] = (struct task_mapping){.match = PLAN_SAME,
		                                       .old_code = xstrdup(code),
		                                       .old_title = xstrdup(D->col_text(st, 1)),
		                                       .progress = D->col_int(st, 2)};
	}
	st_done(s, st);
	if (rc < 0) {
		task_mapping_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return rc < 0 ? -1 : 0;
}

/* Of m (tasks_at_stake's), how p's tasks continue each (match_items,
 * titles as names); those kept as they are left out. */
static void match_tasks(struct task_mapping *m, size_t *n, const struct plan *p)
{
	size_t nt = p->ntasks, nm = *n, kept = 0;
	struct item *old = xcalloc(nm + 1, sizeof *old), *nw = xcalloc(nt + 1, sizeof *nw);
	for (size_t k = 0; k < nm; k++)
		old[k] = (struct item){m[k].old_code, name_key(m[k].old_title), -1, PLAN_SAME};
	for (size_t i = 0; i < nt; i++)
		nw[i] = (struct item){p->tasks[i].code, name_key(p->tasks[i].title), -1, PLAN_NEW};
	match_items(old, nm, nw, nt);
	for (size_t k = 0; k < nm; k++) {
		if (old[k].how == PLAN_SAME) {
			free(m[k].old_code);
			free(m[k].old_title);
			continue;
		}
		m[k].match = old[k].how;
		if (old[k].to >= 0) {
			m[k].new_code = xstrdup(p->tasks[old[k].to].code);
			m[k].new_title = xstrdup(p->tasks[old[k].to].title);
		}
		m[kept++] = m[k];
	}
	*n = kept;
	items_free(old, nm);
	items_free(nw, nt);
}

/* The periods each of m's renumbered codes would find its new code has a
 * report of, as progress_recode moves the unit's reports: m's set aside,
 * then the renumbered moved to their new code in m's order, but for a
 * period the code has (kept there): into their clash. */
static int clashes(struct store *s, int64_t unit, struct task_mapping *m, size_t n,
                   struct error *err)
{
	struct report {
		char *read, *period;
		const char *code; /* where it is; NULL: set aside as m[aside]'s */
		size_t aside;
	} *r = NULL;
	size_t nr = 0, cap = 0;
	struct stmt *st = st_prep(s,
	                          "SELECT task_code, period FROM task_progress WHERE unit_id = ?"
	                          " ORDER BY period",
	                          err);
	if (!st)
		return -1;
	D->bind_int(st, 1, unit);
	int rc;
	while ((rc = D->step(st, err)) == 1) {
		r = xgrow(r, &cap, nr + 1, sizeof *r);
		struct report *x = &r[nr++];
		*x = (struct report){xstrdup(D->col_text(st, 0)), xstrdup(D->col_text(st, 1)), NULL,
		                     0};
		x->code = x->read;
		for (size_t k = 0; k < n; k++)
			if (!strcmp(x->read, m[k].old_code))
				x->code = NULL, x->aside = k;
	}
	st_done(s, st);
	for (size_t k = 0; k < n && rc == 0; k++)
		for (size_t j = 0; j < nr && m[k].match == PLAN_RENUMBERED; j++) {
			if (r[j].code || r[j].aside != k)
				continue;
			bool taken = false;
			for (size_t h = 0; h < nr && !taken; h++)
				taken = r[h].code && !strcmp(r[h].code, m[k].new_code) &&
				        !strcmp(r[h].period, r[j].period);
			if (!taken) {
				r[j].code = m[k].new_code;
				continue;
			}
			m[k].clash = xrealloc(m[k].clash, (m[k].nclash + 1) * sizeof *m[k].clash);
			m[k].clash[m[k].nclash++] = xstrdup(r[j].period);
		}
	for (size_t j = 0; j < nr; j++) {
		free(r[j].read);
		free(r[j].period);
	}
	free(r);
	return rc < 0 ? -1 : 0;
}

int store_plan_task_mapping(struct store *s, int64_t unit, const struct plan *p,
                            struct task_mapping **out, size_t *n, struct error *err)
{
	int64_t prev, version;
	*out = NULL;
	*n = 0;
	if (newest_plan(s, unit, &prev, &version, err))
		return -1;
	if (!prev)
		return 0;
	if (tasks_at_stake(s, unit, prev, out, n, err))
		return -1;
	match_tasks(*out, n, p);
	for (size_t k = 0; k < *n; k++)
		(*out)[k].aside = xasprintf("%s~v%lld", (*out)[k].old_code, (long long)version);
	if (clashes(s, unit, *out, *n, err)) {
		task_mapping_free(*out, *n);
		*out = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}

/* The progress of m's task codes set aside (their aside, "CODE~vN"), or
 * when renumbered, that of the renumbered ones moved on to their new code. */
static int progress_recode(struct store *s, int64_t unit, const struct task_mapping *m, size_t n,
                           bool renumbered, struct error *err)
{
	/* Set aside: "CODE~vN"; then the renumbered take their new code, but
	 * for a period that code already has a report of (left aside). */
	const char *sql = renumbered
	                          ? "UPDATE task_progress SET task_code = ? WHERE unit_id = ? AND"
	                            " task_code = ? AND period NOT IN (SELECT g.period FROM"
	                            " task_progress g WHERE g.unit_id = ? AND g.task_code = ?)"
	                          : "UPDATE task_progress SET task_code = ? WHERE unit_id = ? AND"
	                            " task_code = ?";
	for (size_t k = 0; k < n; k++) {
		if (renumbered && m[k].match != PLAN_RENUMBERED)
			continue;
		const char *aside = m[k].aside;
		struct stmt *st = st_prep(s, sql, err);
		int rc = -1;
		if (st) {
			D->bind_text(st, 1, renumbered ? m[k].new_code : aside);
			D->bind_int(st, 2, unit);
			D->bind_text(st, 3, renumbered ? aside : m[k].old_code);
			if (renumbered) {
				D->bind_int(st, 4, unit);
				D->bind_text(st, 5, m[k].new_code);
			}
			rc = D->step(st, err) < 0 ? -1 : 0;
			st_done(s, st);
		}
		if (rc)
			return -1;
	}
	return 0;
}

/* The progress of the unit's tasks carried to p as store_plan_task_mapping
 * says. */
static int tasks_progress_follow(struct store *s, int64_t unit, const struct plan *p,
                                 struct error *err)
{
	struct task_mapping *m;
	size_t n;
	if (store_plan_task_mapping(s, unit, p, &m, &n, err))
		return -1;
	int rc = progress_recode(s, unit, m, n, false, err) ||
	                         progress_recode(s, unit, m, n, true, err)
	                 ? -1
	                 : 0;
	task_mapping_free(m, n);
	return rc;
}

static int64_t insert_plan(struct store *s, int64_t unit, int version, const struct plan *p,
                           const char *source, const char *by, struct error *err)
{
	json_t *j = plan_to_json(p);
	char *doc = json_dumps(j, JSON_COMPACT);
	json_decref(j);
	char at[32], hash[65];
	st_now(at);
	if (st_plan_doc_put(s, doc, hash, err)) {
		free(doc);
		return 0;
	}
	struct stmt *st =
	        st_prep(s,
	                "INSERT INTO plans (unit_id, version, title, number, issuer, issued_on,"
	                " source, imported_at, imported_by, doc_hash) VALUES (?,?,?,?,?,?,?,?,?,?)"
	                " RETURNING id",
	                err);
	int64_t id = 0;
	if (st) {
		D->bind_int(st, 1, unit);
		D->bind_int(st, 2, version);
		D->bind_text(st, 3, p->title);
		D->bind_text(st, 4, p->number);
		D->bind_text(st, 5, p->issuer);
		D->bind_text(st, 6, p->date);
		D->bind_text(st, 7, source);
		D->bind_text(st, 8, at);
		D->bind_text(st, 9, by);
		D->bind_text(st, 10, hash);
		if (D->step(st, err) == 1)
			id = D->col_int(st, 0);
		st_done(s, st);
	}
	free(doc);
	return id;
}

int store_plan_save(struct store *s, int64_t unit, const struct plan *p, const char *source,
                    const char *by, struct import_report *rep, struct error *err)
{
	memset(rep, 0, sizeof *rep);
	struct ind_match im;
	if (match_indicators(s, unit, p, &im, err)) {
		ind_match_free(&im, p->nind);
		return -1;
	}
	int64_t version = im.version;
	/* A series carries its indicator's code in the current plan (what
	 * figures are judged by): the old ones that do not keep their code
	 * are first set aside as "CODE~vN" (retired, or on their way to a
	 * new code), so that no code is ever held twice. Then the renumbered
	 * take their new codes, and the plan's rows go in set by set
	 * (plansave.c). */
	int64_t *ids = xcalloc(im.npv + 1, sizeof *ids),
	        *series = xcalloc(p->nind + 1, sizeof *series);
	char **codes = xcalloc(im.npv + 1, sizeof *codes);
	char **names = xcalloc(p->nind + 1, sizeof *names);
	size_t naside = 0, nrenum = 0;
	for (size_t k = 0; k < im.npv; k++)
		if (im.old[k].how != PLAN_SAME) {
			ids[naside] = im.pv[k].series;
			codes[naside++] = xasprintf("%s~v%lld", im.pv[k].code, (long long)version);
		}
	int rc = st_plan_tables(s, err) || st_series_recode(s, ids, codes, NULL, naside, err) ||
	         tasks_progress_follow(s, unit, p, err);
	for (size_t k = 0; k < naside; k++)
		free(codes[k]);
	for (size_t i = 0; i < p->nind; i++) {
		const struct item *x = &im.nw[i];
		series[i] = continued(x) ? im.pv[x->to].series : 0;
		if (continued(x))
			rep->matched++;
		else
			rep->added++;
		if (x->how == PLAN_RENUMBERED) {
			ids[nrenum] = series[i];
			names[nrenum] = p->ind[i].name;
			codes[nrenum++] = p->ind[i].code;
		}
	}
	if (!rc)
		rc = st_series_recode(s, ids, codes, names, nrenum, err);
	free(codes);
	free(names);
	int64_t plan = rc ? 0 : insert_plan(s, unit, (int)version + 1, p, source, by, err);
	rc = plan ? 0 : -1;
	if (!rc)
		rc = st_plan_rows_save(s, unit, plan, p, series, err);
	free(ids);
	free(series);
	for (size_t i = 0; i < im.npv && !rc; i++)
		if (!continued(&im.old[i])) {
			rep->unmatched =
			        xrealloc(rep->unmatched, (rep->nunmatched + 1) * sizeof(char *));
			rep->unmatched[rep->nunmatched++] = xstrdup(im.pv[i].code);
		}
	ind_match_free(&im, p->nind);
	rep->plan_id = plan;
	rep->version = (int)version + 1;
	if (!rc)
		st_audit(s, by, "plan.import", "plan", plan, source);
	return rc;
}

int store_plan_list(struct store *s, const char *unit_code, struct plan_row **out, size_t *n,
                    struct error *err)
{
	struct stmt *st = st_prep(
	        s,
	        "SELECT p.id, u.code, p.version, p.title, p.number, p.source, p.imported_at,"
	        " (SELECT count(*) FROM indicators i WHERE i.plan_id = p.id),"
	        " (SELECT count(*) FROM tasks t WHERE t.plan_id = p.id),"
	        " p.version = (SELECT max(version) FROM plans q WHERE q.unit_id = p.unit_id)"
	        " FROM plans p JOIN units u ON u.id = p.unit_id"
	        " WHERE CAST(? AS TEXT) IS NULL OR u.code = ? ORDER BY u.code, p.version",
	        err);
	if (!st)
		return -1;
	D->bind_text(st, 1, unit_code);
	D->bind_text(st, 2, unit_code);
	size_t cap = 0;
	*out = NULL;
	*n = 0;
	int rc;
	while ((rc = D->step(st, err)) == 1) {
		*out = xgrow(*out, &cap, *n + 1, sizeof **out);
		struct plan_row *r = &(*out)[(*n)++];
		r->id = D->col_int(st, 0);
		r->unit_code = xstrdup(D->col_text(st, 1));
		r->version = (int)D->col_int(st, 2);
		r->title = st_dup(D->col_text(st, 3));
		r->number = st_dup(D->col_text(st, 4));
		r->source = st_dup(D->col_text(st, 5));
		r->imported_at = xstrdup(D->col_text(st, 6));
		r->nind = (size_t)D->col_int(st, 7);
		r->ntasks = (size_t)D->col_int(st, 8);
		r->current = D->col_int(st, 9) != 0;
	}
	st_done(s, st);
	return rc < 0 ? -1 : 0;
}

int store_plan_current(struct store *s, int64_t unit, char **json, struct error *err)
{
	struct stmt *st =
	        st_prep(s,
	                "SELECT d.doc FROM plans p JOIN plan_docs d ON d.hash = p.doc_hash"
	                " WHERE p.id = " CURRENT_PLAN,
	                err);
	if (!st)
		return -1;
	D->bind_int(st, 1, unit);
	int rc = D->step(st, err);
	if (rc == 1)
		*json = xstrdup(D->col_text(st, 0));
	st_done(s, st);
	return rc < 0 ? -1 : rc == 1 ? 0 : 1;
}

int store_plan_load(struct store *s, int64_t unit, struct plan *p, struct error *err)
{
	char *doc = NULL;
	int rc = store_plan_current(s, unit, &doc, err);
	if (rc)
		return rc;
	json_error_t je;
	json_t *j = json_loads(doc, 0, &je);
	free(doc);
	plan_init(p);
	if (!j || plan_from_json(j, p)) {
		json_decref(j);
		plan_free(p);
		err_set(err, ERR_DB, "kế hoạch lưu trữ không đọc được");
		return -1;
	}
	json_decref(j);
	return 0;
}

int store_plan_json(struct store *s, int64_t plan_id, char **json, struct error *err)
{
	struct stmt *st =
	        st_prep(s,
	                "SELECT d.doc FROM plans p JOIN plan_docs d ON d.hash = p.doc_hash"
	                " WHERE p.id = ?",
	                err);
	if (!st)
		return -1;
	D->bind_int(st, 1, plan_id);
	int rc = D->step(st, err);
	if (rc == 1)
		*json = xstrdup(D->col_text(st, 0));
	st_done(s, st);
	return rc < 0 ? -1 : rc == 1 ? 0 : 1;
}

/* ---- Indicators and figures ------------------------------------------------ */

int store_series_get(struct store *s, int64_t unit, const char *code, struct series_rec *out,
                     struct error *err)
{
	memset(out, 0, sizeof *out);
	struct stmt *st = st_prep(
	        s,
	        "SELECT i.id, i.series_id, i.code, i.name, i.unit FROM indicators i"
	        " JOIN plans p ON p.id = i.plan_id WHERE p.unit_id = ? AND i.code = ?"
	        " AND p.version = (SELECT max(version) FROM plans q WHERE q.unit_id = p.unit_id)",
	        err);
	if (!st)
		return -1;
	D->bind_int(st, 1, unit);
	D->bind_text(st, 2, code);
	int rc = D->step(st, err);
	int64_t ind = 0;
	if (rc == 1) {
		ind = D->col_int(st, 0);
		out->id = D->col_int(st, 1);
		out->code = xstrdup(D->col_text(st, 2));
		out->name = xstrdup(D->col_text(st, 3));
		out->unit_of_measure = st_dup(D->col_text(st, 4));
	}
	st_done(s, st);
	if (rc != 1)
		return rc < 0 ? -1 : 1;
	st = st_prep(
	        s,
	        "SELECT year, kind, level, rank FROM targets WHERE indicator_id = ? ORDER BY year",
	        err);
	if (!st)
		return -1;
	D->bind_int(st, 1, ind);
	bool numeric = false;
	while ((rc = D->step(st, err)) == 1) {
		int year = (int)D->col_int(st, 0);
		const char *kind = D->col_text(st, 1);
		if (!out->first_year)
			out->first_year = year;
		out->last_year = year;
		if (!strcmp(kind, "yes"))
			out->yes_no = true;
		numeric |= !strcmp(kind, "number") || !strcmp(kind, "range") ||
		           !strcmp(kind, "growth");
		if (!strcmp(kind, "level")) {
			const char *lv = D->col_text(st, 2);
			bool seen = false;
			for (int i = 0; i < out->nlevels && !seen; i++)
				seen = !strcmp(out->levels[i], lv);
			if (!seen) {
				out->levels = xrealloc(out->levels,
				                       (size_t)(out->nlevels + 1) * sizeof(char *));
				out->levels[out->nlevels++] = xstrdup(lv);
			}
		}
	}
	out->yes_no = out->yes_no && !numeric && out->nlevels == 0;
	st_done(s, st);
	if (rc < 0)
		return -1;
	/* Figures are welcome over the whole plan: its first and last milestone. */
	st = st_prep(s,
	             "SELECT min(t.year), max(t.year) FROM targets t JOIN indicators j"
	             " ON j.id = t.indicator_id WHERE j.plan_id = (SELECT plan_id FROM indicators"
	             " WHERE id = ?)",
	             err);
	if (!st)
		return -1;
	D->bind_int(st, 1, ind);
	if ((rc = D->step(st, err)) == 1 && !D->col_null(st, 0)) {
		out->first_year = (int)D->col_int(st, 0);
		out->last_year = (int)D->col_int(st, 1);
	}
	st_done(s, st);
	return rc < 0 ? -1 : 0;
}

int store_series_all(struct store *s, int64_t unit, struct series_rec **out, size_t *n,
                     struct error *err)
{
	struct stmt *st =
	        st_prep(s,
	                /* (the tables under the views indicators and targets: SQLite
	                 * reads a view on the right of a LEFT JOIN whole) */
	                "SELECT c.code, m.series_id, c.name, c.unit, t.year, t.kind, t.level"
	                " FROM plan_indicators m JOIN content_indicators c ON c.id = m.indicator_id"
	                " LEFT JOIN content_targets t ON t.indicator_id = c.id WHERE m.plan_id "
	                "= " CURRENT_PLAN " ORDER BY m.id, t.year",
	                err);
	if (!st)
		return -1;
	D->bind_int(st, 1, unit);
	size_t cap = 0;
	int lo = 0, hi = 0, rc;
	bool *numeric = NULL;
	*out = NULL;
	*n = 0;
	while ((rc = D->step(st, err)) == 1) {
		const char *code = D->col_text(st, 0);
		struct series_rec *r = *n ? &(*out)[*n - 1] : NULL;
		if (!r || strcmp(r->code, code)) {
			*out = xgrow(*out, &cap, *n + 1, sizeof **out);
			numeric = xrealloc(numeric, cap * sizeof *numeric);
			r = &(*out)[(*n)++];
			memset(r, 0, sizeof *r);
			numeric[*n - 1] = false;
			r->code = xstrdup(code);
			r->id = D->col_int(st, 1);
			r->name = xstrdup(D->col_text(st, 2));
			r->unit_of_measure = st_dup(D->col_text(st, 3));
		}
		if (D->col_null(st, 4))
			continue;
		int year = (int)D->col_int(st, 4);
		const char *kind = D->col_text(st, 5);
		lo = !lo || year < lo ? year : lo;
		hi = year > hi ? year : hi;
		r->yes_no |= !strcmp(kind, "yes");
		numeric[*n - 1] |= !strcmp(kind, "number") || !strcmp(kind, "range") ||
		                   !strcmp(kind, "growth");
		if (!strcmp(kind, "level")) {
			const char *lv = D->col_text(st, 6);
			bool seen = false;
			for (int i = 0; i < r->nlevels && !seen; i++)
				seen = !strcmp(r->levels[i], lv);
			if (!seen) {
				r->levels = xrealloc(r->levels,
				                     (size_t)(r->nlevels + 1) * sizeof(char *));
				r->levels[r->nlevels++] = xstrdup(lv);
			}
		}
	}
	st_done(s, st);
	for (size_t i = 0; i < *n; i++) {
		struct series_rec *r = &(*out)[i];
		r->yes_no = r->yes_no && !numeric[i] && r->nlevels == 0;
		r->first_year = lo; /* figures are welcome over the whole plan */
		r->last_year = hi;
	}
	free(numeric);
	return rc < 0 ? -1 : 0;
}

/* A number as text into the arena; returns its offset. Whole numbers (most
 * figures) skip printf. */
static size_t put_num(struct buf *a, double v)
{
	size_t at = a->len;
	if (v == (double)(long long)v && v > -1e15 && v < 1e15) {
		char d[24];
		long long n = (long long)v;
		int k = 0;
		bool neg = n < 0;
		unsigned long long u = neg ? 0ull - (unsigned long long)n : (unsigned long long)n;
		do
			d[k++] = (char)('0' + u % 10);
		while ((u /= 10) != 0);
		if (neg)
			buf_putc(a, '-');
		while (k)
			buf_putc(a, d[--k]);
	} else {
		buf_printf(a, "%.17g", v);
	}
	buf_putc(a, '\0');
	return at;
}

#define NO_CELL ((size_t)-1)

/* The batch as rows of text cells for the driver's copy into "incoming":
 * numbers formatted into one arena, strings pointing at the figures. The
 * caller frees *arena and the returned array (not the cells). */
static char **incoming_cells(const struct obs_rec *o, const int *lines, size_t n, struct buf *arena)
{
	size_t *off = xcalloc(n * 11 + 1, sizeof *off);
	char **c = xcalloc(n * 11 + 1, sizeof *c);
	for (size_t i = 0; i < n; i++) {
		size_t *r = &off[i * 11];
		for (int k = 0; k < 11; k++)
			r[k] = NO_CELL;
		r[0] = put_num(arena, lines[i]);
		r[1] = put_num(arena, (double)o[i].series_id);
		if (o[i].has_value)
			r[3] = put_num(arena, o[i].value);
		if (o[i].has_ratio) {
			r[4] = put_num(arena, o[i].num);
			r[5] = put_num(arena, o[i].den);
		}
		if (o[i].has_yes)
			r[7] = put_num(arena, o[i].yes);
		/* The period's code, the key of figures (figures.h). */
		int64_t code = st_period_code(o[i].period);
		if (code >= 0)
			r[10] = put_num(arena, (double)code);
	}
	for (size_t i = 0; i < n; i++) {
		char **row = &c[i * 11];
		for (int k = 0; k < 11; k++)
			row[k] = off[i * 11 + (size_t)k] == NO_CELL
			                 ? NULL
			                 : arena->ptr + off[i * 11 + (size_t)k];
		row[2] = (char *)o[i].period;
		row[6] = o[i].has_level ? o[i].level : NULL;
		row[8] = o[i].note;
		row[9] = o[i].evidence;
	}
	free(off);
	return c;
}

/* Figures already approved are locked: each one a problem with its line.
 * Each row of the batch looks its figure up by key: as a join, SQLite (no
 * statistics on the batch) scanned every stored figure for each write. */
static int check_locked(struct store *s, struct problems *ps, struct error *err)
{
	struct stmt *st = st_prep(s,
	                          "SELECT i.line, i.period FROM incoming i WHERE EXISTS (SELECT 1"
	                          " FROM observations o WHERE o.series_id = i.series_id"
	                          " AND o.period_code = i.code AND o.status = 'approved')"
	                          " ORDER BY i.line",
	                          err);
	if (!st)
		return -1;
	int rc;
	while ((rc = D->step(st, err)) == 1)
		problems_add(ps, "E_LOCKED", (int)D->col_int(st, 0),
		             "Số liệu kỳ %s đã được duyệt và khóa; văn phòng phải mở khóa trước",
		             D->col_text(st, 1));
	st_done(s, st);
	return rc < 0 ? -1 : 0;
}

/* Run a statement whose parameters are by, at (and reason). */
int st_run3(struct store *s, const char *sql, const char *a, const char *b, const char *c,
            struct error *err)
{
	struct stmt *st = st_prep(s, sql, err);
	if (!st)
		return -1;
	D->bind_text(st, 1, a);
	D->bind_text(st, 2, b);
	if (c)
		D->bind_text(st, 3, c);
	int rc = D->step(st, err) < 0 ? -1 : 0;
	st_done(s, st);
	return rc;
}

/* The batch table, made once per connection and emptied; indexed by
 * series and period for the joins below and the duplicate check. One
 * round trip: a figure recorded through the server pays each one. */
int st_incoming_reset(struct store *s, struct error *err)
{
	char *sql = xasprintf("%s; CREATE INDEX IF NOT EXISTS incoming_key ON incoming"
	                      " (series_id, period); DELETE FROM incoming",
	                      D->incoming);
	int rc = D->exec(s->db, sql, err) ? -1 : 0;
	free(sql);
	return rc;
}

/* The size class of a batch: PostgreSQL's statistics of the batch table
 * are taken again when it changes (1 to 16 rows, to 1,024, more). */
static int batch_class(size_t n)
{
	return n <= 16 ? 1 : n <= 1024 ? 2 : 3;
}

int st_incoming_add(struct store *s, const struct obs_rec *o, const int *lines, size_t n,
                    struct error *err)
{
	struct buf arena = BUF_INIT;
	char **cells = incoming_cells(o, lines, n, &arena);
	int rc = D->copy(s->db, "incoming", 11, "iitrrrtitti", cells, n, err);
	free(cells);
	buf_free(&arena);
	return rc;
}

/* Rows equal to the stored figure in every field are taken out of the
 * batch, whoever sends them: recording them again writes nothing (no
 * history, no new version, the author and status kept). Their count into
 * *unchanged. */
static int drop_unchanged(struct store *s, size_t *unchanged, struct error *err)
{
	struct stmt *st = st_prep(
	        s,
	        "DELETE FROM incoming WHERE EXISTS (SELECT 1 FROM observations o"
	        " WHERE o.series_id = incoming.series_id"
	        " AND o.period_code = incoming.code AND o.value IS NOT DISTINCT FROM incoming.value"
	        " AND o.num IS NOT DISTINCT FROM incoming.num"
	        " AND o.den IS NOT DISTINCT FROM incoming.den"
	        " AND o.level IS NOT DISTINCT FROM incoming.level"
	        " AND o.yes IS NOT DISTINCT FROM incoming.yes"
	        " AND o.note IS NOT DISTINCT FROM incoming.note"
	        " AND o.evidence IS NOT DISTINCT FROM "
	        "incoming.evidence)",
	        err);
	if (!st)
		return -1;
	int rc = D->step(st, err) < 0 ? -1 : 0;
	if (!rc)
		*unchanged = (size_t)D->changes(st);
	st_done(s, st);
	return rc;
}

int st_incoming_apply(struct store *s, size_t n, const char *by, const char *reason,
                      struct problems *ps, size_t *unchanged, struct error *err)
{
	char at[32];
	st_now(at);
	size_t before = ps->n, same = 0;
	/* PostgreSQL plans the joins below by the batch's size: without its
	 * statistics it guesses a large table and scans every figure. Taken
	 * when the size class moves: a figure at a time (the server's
	 * writes) keeps the statistics of the first. */
	if (D == &pq_driver && s->incoming_class != batch_class(n)) {
		if (D->exec(s->db, "ANALYZE incoming", err))
			return -1;
		s->incoming_class = batch_class(n);
	}
	if (drop_unchanged(s, &same, err) || check_locked(s, ps, err))
		return -1;
	if (unchanged)
		*unchanged = same;
	if (ps->n != before)
		return 1;
	if (same == n)
		return 0; /* nothing to write, not even an audit line */
	/* Every figure replaced goes to the history first: nothing changes
	 * without a trace of who, when and why. */
	int rc = st_run3(
	        s,
	        "INSERT INTO observation_history (observation_id, version, value, num, den, level,"
	        " yes, note, evidence, status, recorded_by, recorded_at, replaced_by, replaced_at,"
	        " reason) SELECT o.id, o.version, o.value, o.num, o.den, o.level, o.yes, o.note,"
	        " o.evidence, o.status, o.recorded_by, o.recorded_at, CAST(? AS TEXT),"
	        " CAST(? AS TEXT), CAST(? AS TEXT) FROM observations o JOIN incoming i"
	        " ON o.series_id = i.series_id AND o.period_code = i.code",
	        by, at, reason, err);
	/* Who and when: one entry for the whole write (figures.h). */
	int64_t entry = 0;
	if (!rc)
		rc = st_entry_add(s, by, at, &entry, err);
	if (!rc) {
		struct stmt *st = st_prep(
		        s,
		        "UPDATE figures SET value = i.value, level = i.level, yes = i.yes,"
		        " status = 0, version = figures.version + 1, entry_id = CAST(? AS BIGINT)"
		        " FROM incoming i WHERE figures.series_id = i.series_id"
		        " AND figures.period = i.code",
		        err);
		rc = st ? 0 : -1;
		if (st) {
			D->bind_int(st, 1, entry);
			rc = D->step(st, err) < 0 ? -1 : 0;
			st_done(s, st);
		}
	}
	if (!rc)
		rc = st_figures_insert(s, entry, err);
	if (!rc) {
		char *detail = xasprintf("%zu số liệu%s%s", n - same, reason ? ": " : "",
		                         reason ? reason : "");
		st_audit(s, by, "record", "observation", 0, detail);
		free(detail);
	}
	return rc;
}

/* ---- A few figures on PostgreSQL: one statement ----------------------------
 * The server's writes carry a figure or a few. Through the batch table they
 * cost ten round trips on PostgreSQL (the table emptied, COPY, the
 * unchanged rows taken out, the locked ones looked for, history, entry,
 * figures, rare fields, audit), each a wait for the database and, on a
 * busy machine, for a CPU. Here the batch travels as arrays and every step
 * is a part of one statement (PostgreSQL's writing WITH): the same rows,
 * checks and traces as st_incoming_apply, in one round trip. All parts
 * see the figures as they were before the statement, as the history must. */
#define SMALL_BATCH 64

/* clang-format off */
#define SMALL_WRITE \
	"WITH i AS (SELECT * FROM unnest(CAST(? AS BIGINT[]), CAST(? AS BIGINT[])," \
	" CAST(? AS TEXT[]), CAST(? AS DOUBLE PRECISION[]), CAST(? AS DOUBLE PRECISION[])," \
	" CAST(? AS DOUBLE PRECISION[]), CAST(? AS TEXT[]), CAST(? AS BIGINT[])," \
	" CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS BIGINT[]))" \
	" AS t (line, series_id, period, value, num, den, level, yes, note, evidence, code))," \
	" old AS (SELECT i.line, i.period, o.id, o.version, o.value, o.num, o.den, o.level," \
	" o.yes, o.note, o.evidence, o.status, o.recorded_by, o.recorded_at," \
	" (o.value IS NOT DISTINCT FROM i.value AND o.num IS NOT DISTINCT FROM i.num" \
	" AND o.den IS NOT DISTINCT FROM i.den AND o.level IS NOT DISTINCT FROM i.level" \
	" AND o.yes IS NOT DISTINCT FROM i.yes AND o.note IS NOT DISTINCT FROM i.note" \
	" AND o.evidence IS NOT DISTINCT FROM i.evidence) AS same" \
	" FROM i JOIN observations o ON o.series_id = i.series_id AND o.period_code = i.code)," \
	" locked AS (SELECT line, period FROM old WHERE NOT same AND status = 'approved')," \
	" w AS (SELECT * FROM i WHERE NOT EXISTS (SELECT 1 FROM locked)" \
	" AND NOT EXISTS (SELECT 1 FROM old WHERE old.line = i.line AND old.same))," \
	" h AS (INSERT INTO observation_history (observation_id, version, value, num, den," \
	" level, yes, note, evidence, status, recorded_by, recorded_at, replaced_by," \
	" replaced_at, reason) SELECT o.id, o.version, o.value, o.num, o.den, o.level, o.yes," \
	" o.note, o.evidence, o.status, o.recorded_by, o.recorded_at, CAST(? AS TEXT)," \
	" CAST(? AS TEXT), CAST(? AS TEXT) FROM old o JOIN w ON w.line = o.line)," \
	" e AS (INSERT INTO entries (recorded_by, recorded_at) SELECT CAST(? AS TEXT)," \
	" CAST(? AS TEXT) WHERE EXISTS (SELECT 1 FROM w) RETURNING id)," \
	" f AS (INSERT INTO figures (value, series_id, period, entry_id, version, status, yes," \
	" level) SELECT w.value, w.series_id, w.code, e.id, 1, 0, w.yes, w.level FROM w, e" \
	" ON CONFLICT (series_id, period) DO UPDATE SET value = excluded.value," \
	" level = excluded.level, yes = excluded.yes, status = 0," \
	" version = figures.version + 1, entry_id = excluded.entry_id" \
	" RETURNING series_id, period, version)," \
	" xs AS (INSERT INTO figure_extras (series_id, period, num, den, note, evidence)" \
	" SELECT series_id, code, num, den, note, evidence FROM w" \
	" WHERE " FIGURE_HAS_EXTRAS("w") " ON CONFLICT (series_id, period) DO UPDATE" \
	" SET num = excluded.num, den = excluded.den, note = excluded.note," \
	" evidence = excluded.evidence)," \
	" xn AS (UPDATE figure_extras x SET num = NULL, den = NULL, note = NULL," \
	" evidence = NULL FROM w WHERE x.series_id = w.series_id AND x.period = w.code" \
	" AND NOT " FIGURE_HAS_EXTRAS("w") " AND x.review IS NOT NULL)," \
	" xd AS (DELETE FROM figure_extras x USING w WHERE x.series_id = w.series_id" \
	" AND x.period = w.code AND NOT " FIGURE_HAS_EXTRAS("w") " AND x.review IS NULL)," \
	" a AS (INSERT INTO audit (at, actor, action, entity, entity_id, detail)" \
	" SELECT CAST(? AS TEXT), CAST(? AS TEXT), 'record', 'observation', 0," \
	" CAST((SELECT count(*) FROM w) AS TEXT) || ' số liệu'" \
	" || coalesce(': ' || CAST(? AS TEXT), '') WHERE EXISTS (SELECT 1 FROM w) RETURNING id)" \
	" SELECT 0, line, period FROM locked" \
	" UNION ALL SELECT 1, (SELECT count(*) FROM old WHERE same), NULL" \
	" UNION ALL SELECT 2, id, CAST(pg_notify('chitieu_change', CAST(id AS TEXT)) AS TEXT)" \
	" FROM a WHERE CAST(? AS BOOLEAN)" \
	" UNION ALL SELECT 3, id, NULL FROM a" \
	" UNION ALL SELECT 4, w.line, CAST(f.version AS TEXT) FROM w JOIN f" \
	" ON f.series_id = w.series_id AND f.period = w.code ORDER BY 1, 2"
/* clang-format on */

/* An array literal of PostgreSQL ("{1,NULL,\"a b\"}"): the cells of one
 * column of the batch, quoted when text. */
static void array_cell(struct buf *b, const char *v, bool text)
{
	if (b->len && b->ptr[b->len - 1] != '{')
		buf_putc(b, ',');
	if (!v) {
		buf_puts(b, "NULL");
		return;
	}
	if (!text) {
		buf_puts(b, v);
		return;
	}
	buf_putc(b, '"');
	for (; *v; v++) {
		if (*v == '"' || *v == '\\')
			buf_putc(b, '\\');
		buf_putc(b, *v);
	}
	buf_putc(b, '"');
}

/* A figure as just stored: o as sent, with what the store gave it. */
static void written_add(struct store *s, const struct obs_rec *o, int version, const char *by,
                        const char *at)
{
	s->written = xgrow(s->written, &s->capwritten, s->nwritten + 1, sizeof *s->written);
	struct obs_rec *w = &s->written[s->nwritten++];
	*w = obs_rec_copy(o);
	free(w->status);
	free(w->by);
	free(w->at);
	w->status = xstrdup("draft");
	w->by = xstrdup(by ? by : "");
	w->at = xstrdup(at ? at : "");
	w->version = version;
}

/* An audit entry of this connection's, its id known (store_write_mark). */
static void st_write_id(struct store *s, int64_t id)
{
	if (!s->ids_n || id < s->ids_lo)
		s->ids_lo = id;
	if (!s->ids_n || id > s->ids_hi)
		s->ids_hi = id;
	s->ids_n++;
}

/* 1: problems added (locked figures); 0: written (or nothing to write);
 * -1: *err. */
static int small_write(struct store *s, const struct obs_rec *o, const int *lines, size_t n,
                       const char *by, const char *reason, struct problems *ps, size_t *unchanged,
                       struct error *err)
{
	struct buf arena = BUF_INIT;
	char **cells = incoming_cells(o, lines, n, &arena);
	static const char types[] = "iitrrrtitti";
	struct stmt *st = st_prep(s, SMALL_WRITE, err);
	if (!st) {
		free(cells);
		buf_free(&arena);
		return -1;
	}
	for (int c = 0; c < 11; c++) {
		struct buf col = BUF_INIT;
		buf_putc(&col, '{');
		for (size_t r = 0; r < n; r++)
			array_cell(&col, cells[r * 11 + (size_t)c], types[c] == 't');
		buf_putc(&col, '}');
		D->bind_text(st, c + 1, buf_str(&col));
		buf_free(&col);
	}
	free(cells);
	buf_free(&arena);
	char at[32];
	st_now(at);
	bool notify = !(s->in_tx && s->notified);
	const char *p[] = {by, at, reason, by, at, at, by, reason};
	for (int k = 0; k < 8; k++)
		D->bind_text(st, 12 + k, p[k]);
	D->bind_text(st, 20, notify ? "true" : "false");
	size_t before = ps->n, same = 0;
	bool audited = false;
	int rc;
	while ((rc = D->step(st, err)) == 1) {
		int64_t kind = D->col_int(st, 0);
		if (kind == 0)
			problems_add(
			        ps, "E_LOCKED", (int)D->col_int(st, 1),
			        "Số liệu kỳ %s đã được duyệt và khóa; văn phòng phải mở khóa trước",
			        D->col_text(st, 2));
		else if (kind == 1)
			same = (size_t)D->col_int(st, 1);
		else if (kind == 3) {
			audited = true;
			st_write_id(s, D->col_int(st, 1));
		} else if (kind == 4) {
			int64_t line = D->col_int(st, 1);
			for (size_t r = 0; r < n; r++)
				if (lines[r] == line) {
					written_add(s, &o[r], atoi(D->col_text(st, 2)), by, at);
					break;
				}
		}
	}
	st_done(s, st);
	if (rc < 0)
		return -1;
	s->written_known = ps->n == before;
	if (unchanged)
		*unchanged = same;
	if (audited) { /* as st_audit */
		s->audits++;
		s->mark_known = false;
		s->notified = s->in_tx;
	}
	return ps->n != before ? 1 : 0;
}

int store_obs_put_many(struct store *s, const struct obs_rec *o, const int *lines, size_t n,
                       const char *by, const char *reason, struct problems *ps, struct error *err)
{
	return store_obs_put_many_sum(s, o, lines, n, by, reason, ps, NULL, err);
}

/* The figures st_incoming_apply wrote (the batch table holds them, the
 * unchanged taken out), their versions read back in the transaction:
 * with the rest of each as sent, what store_written gives. */
static void incoming_written(struct store *s, const struct obs_rec *o, const int *lines, size_t n,
                             const char *by)
{
	struct stmt *st = st_prep(s,
	                          "SELECT i.line, o.version, o.recorded_at FROM incoming i"
	                          " JOIN observations o ON o.series_id = i.series_id"
	                          " AND o.period_code = i.code",
	                          NULL);
	if (!st)
		return;
	int rc;
	while ((rc = D->step(st, NULL)) == 1) {
		int64_t line = D->col_int(st, 0);
		for (size_t r = 0; r < n; r++)
			if (lines[r] == line) {
				written_add(s, &o[r], (int)D->col_int(st, 1), by,
				            D->col_text(st, 2));
				break;
			}
	}
	st_done(s, st);
	s->written_known = rc == 0;
}

int store_obs_put_many_sum(struct store *s, const struct obs_rec *o, const int *lines, size_t n,
                           const char *by, const char *reason, struct problems *ps,
                           size_t *unchanged, struct error *err)
{
	st_written_clear(s);
	if (D == &pq_driver && n <= SMALL_BATCH)
		return small_write(s, o, lines, n, by, reason, ps, unchanged, err);
	if (st_incoming_reset(s, err) || st_incoming_add(s, o, lines, n, err))
		return -1;
	size_t same = 0, before = ps->n;
	int rc = st_incoming_apply(s, n, by, reason, ps, &same, err);
	if (unchanged)
		*unchanged = same;
	if (rc == 0 && ps->n == before) {
		/* Nothing written, or the versions read back (in-process on
		 * SQLite: no round trip; not on PostgreSQL, where a large batch
		 * leaves the holds to read the store). */
		if (same == n)
			s->written_known = true;
		else if (D != &pq_driver)
			incoming_written(s, o, lines, n, by);
	}
	return rc;
}

void st_written_clear(struct store *s)
{
	for (size_t i = 0; i < s->nwritten; i++)
		obs_rec_free(&s->written[i]);
	s->nwritten = 0;
	s->written_known = false;
}

bool store_written(const struct store *s, const struct obs_rec **o, size_t *n)
{
	*o = s->written;
	*n = s->nwritten;
	return s->written_known;
}

void store_write_ids_reset(struct store *s)
{
	s->ids_lo = s->ids_hi = s->ids_n = 0;
	s->ids_unknown = false;
}

int64_t store_write_mark(struct store *s, int64_t m0)
{
	if (s->ids_unknown || !s->ids_n || m0 < 0 || s->ids_lo != m0 + 1 ||
	    s->ids_hi - s->ids_lo + 1 != s->ids_n)
		return -1;
	s->mark = s->ids_hi;
	s->mark_known = true;
	return s->ids_hi;
}

static void read_obs(struct store *s, struct stmt *st, struct obs_rec *o)
{
	memset(o, 0, sizeof *o);
	o->series_id = D->col_int(st, 0);
	snprintf(o->period, sizeof o->period, "%s", D->col_text(st, 1));
	if ((o->has_value = !D->col_null(st, 2)))
		o->value = D->col_double(st, 2);
	if ((o->has_ratio = !D->col_null(st, 3) && !D->col_null(st, 4))) {
		o->num = D->col_double(st, 3);
		o->den = D->col_double(st, 4);
	}
	if ((o->has_level = !D->col_null(st, 5)))
		o->level = xstrdup(D->col_text(st, 5));
	if ((o->has_yes = !D->col_null(st, 6)))
		o->yes = D->col_int(st, 6) != 0;
	o->note = st_dup(D->col_text(st, 7));
	o->evidence = st_dup(D->col_text(st, 8));
	o->status = xstrdup(D->col_text(st, 9));
	o->version = (int)D->col_int(st, 10);
	o->by = xstrdup(D->col_text(st, 11));
	o->at = xstrdup(D->col_text(st, 12));
	o->code = st_dup(D->col_text(st, 13));
}

static int read_all_obs(struct store *s, struct stmt *st, struct obs_rec **out, size_t *n,
                        struct error *err)
{
	size_t cap = 0;
	*out = NULL;
	*n = 0;
	int rc;
	while ((rc = D->step(st, err)) == 1) {
		*out = xgrow(*out, &cap, *n + 1, sizeof **out);
		read_obs(s, st, &(*out)[(*n)++]);
	}
	st_done(s, st);
	return rc < 0 ? -1 : 0;
}

#define OBS_OF_UNIT(where)                                                                         \
	"SELECT o.series_id, o.period, o.value, o.num, o.den, o.level, o.yes, o.note,"             \
	" o.evidence, o.status, o.version, o.recorded_by, o.recorded_at, se.code"                  \
	" FROM observations o JOIN series se ON se.id = o.series_id"                               \
	" WHERE se.unit_id = ? AND (CAST(? AS TEXT) IS NULL OR o.period = ?)" where                \
	" ORDER BY o.period, se.code"

/* The unit's figures of the statement sql (OBS_OF_UNIT) for period. */
static int obs_of_unit(struct store *s, const char *sql, int64_t unit, const char *period,
                       struct obs_rec **out, size_t *n, struct error *err)
{
	s->obs_lists++;
	struct stmt *st = st_prep(s, sql, err);
	if (!st)
		return -1;
	D->bind_int(st, 1, unit);
	D->bind_text(st, 2, period);
	D->bind_text(st, 3, period);
	return read_all_obs(s, st, out, n, err);
}

int store_obs_list(struct store *s, int64_t unit, const char *period, struct obs_rec **out,
                   size_t *n, struct error *err)
{
	return obs_of_unit(s, OBS_OF_UNIT(""), unit, period, out, n, err);
}

int store_obs_aside(struct store *s, int64_t unit, const char *period, struct obs_rec **out,
                    size_t *n, struct error *err)
{
	return obs_of_unit(s, OBS_OF_UNIT(" AND se.code LIKE '%~v%'"), unit, period, out, n, err);
}

int store_obs_scan(struct store *s, int64_t root,
                   void (*fn)(void *arg, const char *unit, const struct obs_rec *o), void *arg,
                   struct error *err)
{
	struct stmt *st =
	        st_prep(s,
	                /* The units first, each a branch an index answers (an OR
	                 * across them made PostgreSQL scan every figure). */
	                "SELECT u.code, se.code, o.period, o.value, o.num, o.den, o.level,"
	                " o.yes FROM units u JOIN series se ON se.unit_id = u.id"
	                " JOIN observations o ON o.series_id = se.id WHERE u.id IN ("
	                "SELECT id FROM units WHERE id = ? UNION ALL"
	                " SELECT id FROM units WHERE parent_id = ? UNION ALL"
	                " SELECT c.id FROM units c JOIN units m ON m.id = c.parent_id"
	                " WHERE m.parent_id = ?)",
	                err);
	if (!st)
		return -1;
	for (int k = 1; k <= 3; k++)
		D->bind_int(st, k, root);
	if (D->stream) /* fn reads nothing from the store */
		D->stream(st);
	int rc;
	while ((rc = D->step(st, err)) == 1) {
		struct obs_rec o = {0};
		snprintf(o.period, sizeof o.period, "%s", D->col_text(st, 2));
		o.code = (char *)D->col_text(st, 1);
		if ((o.has_value = !D->col_null(st, 3)))
			o.value = D->col_double(st, 3);
		if ((o.has_ratio = !D->col_null(st, 4) && !D->col_null(st, 5))) {
			o.num = D->col_double(st, 4);
			o.den = D->col_double(st, 5);
		}
		if ((o.has_level = !D->col_null(st, 6)))
			o.level = (char *)D->col_text(st, 6);
		if ((o.has_yes = !D->col_null(st, 7)))
			o.yes = D->col_int(st, 7) != 0;
		fn(arg, D->col_text(st, 0), &o);
	}
	st_done(s, st);
	return rc < 0 ? -1 : 0;
}

#define OBS_OF(ids)                                                                                \
	"SELECT o.series_id, o.period, o.value, o.num, o.den, o.level, o.yes, o.note,"             \
	" o.evidence, o.status, o.version, o.recorded_by, o.recorded_at, se.code, se.unit_id"      \
	" FROM units u JOIN series se ON se.unit_id = u.id"                                        \
	" JOIN observations o ON o.series_id = se.id WHERE u.id IN " ids

int store_obs_subtree(struct store *s, int64_t root, bool near,
                      void (*fn)(void *arg, int64_t unit_id, struct obs_rec *o), void *arg,
                      struct error *err)
{
	/* One scan for the whole subtree; the columns of store_obs_list. */
	struct stmt *st = st_prep(s, near ? OBS_OF(SUBTREE_NEAR) : OBS_OF(SUBTREE_ANY), err);
	if (!st)
		return -1;
	st_bind_subtree(s, st, root, near);
	if (D->stream) /* fn reads nothing from the store */
		D->stream(st);
	int rc;
	while ((rc = D->step(st, err)) == 1) {
		struct obs_rec o;
		read_obs(s, st, &o);
		fn(arg, D->col_int(st, 14), &o);
	}
	st_done(s, st);
	return rc < 0 ? -1 : 0;
}

void store_checkpoint_later(struct store *s)
{
	if (D->checkpoint_later)
		D->checkpoint_later(s->db, &s->wal_pages);
}

void store_checkpoint_due(struct store *s)
{
	if (s && D->checkpoint && s->wal_pages >= STORE_CHECKPOINT_PAGES && !D->checkpoint(s->db))
		s->wal_pages = 0;
}

long store_obs_lists(const struct store *s)
{
	return s->obs_lists;
}

long store_queries(const struct store *s)
{
	return s->queries;
}

long store_round_trips(const struct store *s)
{
	return s->d->round_trips ? s->d->round_trips(s->db) : 0;
}

int store_server_pid(const struct store *s)
{
	return s->d->server_pid ? s->d->server_pid(s->db) : 0;
}

int store_obs_history(struct store *s, int64_t series, const char *period, struct obs_rec **out,
                      size_t *n, struct error *err)
{
	struct stmt *st = st_prep(
	        s,
	        "SELECT o.series_id, o.period, h.value, h.num, h.den, h.level, h.yes, h.note,"
	        " h.evidence, h.status, h.version, h.recorded_by, h.recorded_at, NULL"
	        " FROM observation_history h JOIN observations o ON o.id = h.observation_id"
	        " WHERE o.series_id = ? AND o.period = ? ORDER BY h.version",
	        err);
	if (!st)
		return -1;
	D->bind_int(st, 1, series);
	D->bind_text(st, 2, period);
	return read_all_obs(s, st, out, n, err);
}

/* ---- Backup, dump, restore -------------------------------------------------------- */

FILE *st_create_private(const char *path, struct error *err)
{
	remove(path); /* a stale one from an interrupted run */
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	FILE *f = fd < 0 ? NULL : fdopen(fd, "w");
	if (!f) {
		err_set(err, ERR_DB, "không tạo được tệp %s: %s", path, strerror(errno));
		if (fd >= 0)
			close(fd);
	}
	return f;
}

int store_backup(struct store *s, const char *path, struct error *err)
{
	if (!D->backup) {
		err_set(err, ERR_DB,
		        "cơ sở dữ liệu PostgreSQL: sao lưu bằng pg_dump, hoặc dùng "
		        "\"chitieu dump\"");
		return -1;
	}
	/* The copy holds password and token hashes: made 0600 and empty
	 * first, filled, then put in place. */
	char *tmp = xasprintf("%s.tmp", path);
	FILE *f = st_create_private(tmp, err);
	bool made = f != NULL;
	int rc = f ? fclose(f) : -1;
	if (!rc && (rc = D->backup(s->db, tmp, err)) == 0 && rename(tmp, path)) {
		err_set(err, ERR_DB, "không ghi được %s: %s", path, strerror(errno));
		rc = -1;
	}
	if (rc && made)
		remove(tmp);
	free(tmp);
	return rc;
}

int store_dump(struct store *s, const char *path, struct error *err)
{
	/* The dump holds password and token hashes: its file is made 0600
	 * before the first byte is written (O_EXCL: never an existing file). */
	char *tmp = xasprintf("%s.tmp", path);
	FILE *f = st_create_private(tmp, err);
	if (!f) {
		free(tmp);
		return -1;
	}
	/* One consistent snapshot, written a row at a time, read without the
	 * write lock: a server's writes go on while it is written (under
	 * BEGIN IMMEDIATE they waited for it, and failed after SQLite's busy
	 * timeout of 10 s: a dump of the country takes minutes). */
	s->notified = false;
	s->in_tx = !D->exec(s->db, D->begin_read, err);
	int rc = s->in_tx ? 0 : -1;
	if (!rc) {
		rc = store_dump_file(D, s->db, SCHEMA_VERSION, f, err);
		store_rollback(s);
	}
	if (!rc) {
		rc = fflush(f) || fsync(fileno(f)) ? -1 : 0;
		rc = fclose(f) || rc || rename(tmp, path) ? -1 : 0;
		if (rc)
			err_set(err, ERR_DB, "không ghi được %s: %s", path, strerror(errno));
	} else {
		fclose(f);
	}
	if (rc)
		remove(tmp);
	free(tmp);
	return rc;
}

int store_restore(struct store *s, const char *path, struct error *err)
{
	bool lite = D == &sqlite_driver;
	int64_t any = 0;
	int rc = query_int(s, "SELECT count(*) FROM units", &any, err, (char *)NULL);
	if (rc >= 0 && any) {
		err_set(err, ERR_DB,
		        "cơ sở dữ liệu không trống: chỉ khôi phục vào cơ sở dữ liệu mới");
		rc = -1;
	} else if (rc >= 0) {
		/* SQLite keeps temporary tables in memory (sqlite.c): the dump's
		 * rows go through temporary tables, to a file here (its pages
		 * cached up to the cache size), as record's batches do. Set
		 * before the transaction: the setting drops temporary tables. */
		rc = lite ? D->exec(s->db, "PRAGMA temp_store = FILE", err) : 0;
		/* SQLite as built by Debian zeroes every page it frees
		 * (secure_delete): dropping the temporary tables rewrote each of
		 * their pages, and copied each to the statement's journal first.
		 * Nothing of the store is deleted here: off for the restore, then
		 * back as it was (the dump's rows are the store's anyway). */
		int64_t secure = 1;
		if (!rc && lite)
			rc = query_int(s, "PRAGMA secure_delete", &secure, err, (char *)NULL) < 0 ||
			                     D->exec(s->db, "PRAGMA secure_delete = OFF; PRAGMA temp.secure_delete = OFF", err)
			             ? -1
			             : 0;
		if (!rc)
			rc = store_begin(s, err);
		if (!rc)
			rc = store_restore_file(D, s->db, SCHEMA_VERSION, path, err);
		/* The plans' rows into their contents (plancontent.c). */
		if (!rc)
			rc = st_plan_content_restore(s, err);
		/* A dump of an older version: series codes as version 3 has them
		 * (a no-op on a dump of this version). */
		if (!rc)
			rc = D->exec(s->db, SERIES_CODES, err);
		if (!rc)
			rc = store_commit(s, err);
		else
			store_rollback(s);
		if (lite)
			D->exec(s->db,
			        secure ? "PRAGMA temp_store = MEMORY; PRAGMA secure_delete = ON"
			               : "PRAGMA temp_store = MEMORY",
			        NULL);
	}
	return rc < 0 ? -1 : 0;
}
