/* sqlite.c: the SQLite backend: a single file, WAL, foreign keys on,
 * synchronous NORMAL (README, "Backends": a commit is not synced, the WAL is
 * at each checkpoint; nothing is ever corrupted);
 * prepared statements only. */
#include "driver.h"
#include "internal.h"

#include "util.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct stmt {
	sqlite3_stmt *st;
	sqlite3 *db;
};

/* Which failures are the database's passing state (store_fault): the
 * write lock held by another beyond the busy timeout, the disk full. */
static void classify(sqlite3 *db)
{
	int rc = sqlite3_errcode(db);
	if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
		st_fault(ERR_BUSY);
	else if (rc == SQLITE_FULL || (rc == SQLITE_IOERR && sqlite3_system_errno(db) == ENOSPC))
		st_fault(ERR_DISK_FULL);
}

static void db_error(struct error *err, sqlite3 *db, const char *what)
{
	err_set(err, ERR_DB, "lỗi cơ sở dữ liệu (%s): %s", what, sqlite3_errmsg(db));
}

/* Why a file cannot be written, when the system said so: read-only file,
 * directory or file system (as root, an immutable file). */
static bool read_only_errno(int e)
{
	return e == EROFS || e == EACCES || e == EPERM;
}

/* Whether a file can be made beside path: 0, or the errno of trying (SQLite
 * does not keep it: it retries read-only and reports ENOENT). */
static int dir_write_errno(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *probe = slash ? xasprintf("%.*s/.chitieu-probe-XXXXXX", (int)(slash - path), path)
	                    : xstrdup(".chitieu-probe-XXXXXX");
	int fd = mkstemp(probe), e = fd < 0 ? errno : 0;
	if (fd >= 0) {
		close(fd);
		unlink(probe);
	}
	free(probe);
	return e;
}

/* A database with tables but no chitieu schema is someone else's: its
 * first table's name into *name (caller frees). 1 foreign, 0 ours or
 * empty, -1 not readable (*name NULL). */
static int foreign_tables(sqlite3 *db, char **name)
{
	*name = NULL;
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(
	            db,
	            "SELECT name FROM sqlite_master WHERE type IN ('table','view')"
	            " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name = 'meta' DESC,"
	            " name",
	            -1, &st, NULL) != SQLITE_OK)
		return -1;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*name = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? 0 : -1;
	if (strcmp(*name, "meta"))
		return 1; /* tables, none of them ours */
	bool ours = sqlite3_prepare_v2(db, "SELECT 1 FROM meta WHERE key = 'schema'", -1, &st,
	                               NULL) == SQLITE_OK &&
	            sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return ours ? 0 : 1;
}

void *sqlite_driver_open(const char *path, struct error *err)
{
	sqlite3 *db = NULL;
	int rc = sqlite3_open_v2(
	        path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		int e = rc == SQLITE_CANTOPEN ? dir_write_errno(path) : 0;
		if (read_only_errno(e))
			err_set(err, ERR_DB, "không ghi được %s: chỉ đọc (%s)", path, strerror(e));
		else
			err_set(err, ERR_DB, "không mở được cơ sở dữ liệu %s: %s", path,
			        db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
		sqlite3_close(db);
		return NULL;
	}
	if (sqlite3_db_readonly(db, "main") == 1) {
		err_set(err, ERR_DB,
		        "không ghi được %s: chỉ đọc (tệp, thư mục hoặc ổ đĩa không cho ghi)", path);
		sqlite3_close(db);
		return NULL;
	}
	sqlite3_busy_timeout(db, 10000);
	/* Another program's database is left as it is: not a byte written
	 * (not even the switch to WAL). */
	char *table = NULL;
	if (foreign_tables(db, &table) == 1) {
		err_set(err, ERR_DB,
		        "%s là cơ sở dữ liệu SQLite của chương trình khác (có bảng \"%s\","
		        " không có lược đồ chitieu): không mở để khỏi sửa nó; dùng một tệp "
		        "mới",
		        path, table);
		free(table);
		sqlite3_close(db);
		return NULL;
	}
	free(table);
	char *msg = NULL;
	rc = sqlite3_exec(
	        db,
	        "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;"
	        " PRAGMA temp_store=MEMORY; PRAGMA cache_size=-32768;",
	        NULL, NULL, &msg);
	int e = (rc & 0xff) == SQLITE_CANTOPEN ? dir_write_errno(path) : 0;
	if (rc != SQLITE_OK && ((rc & 0xff) == SQLITE_READONLY ||
	                        ((rc & 0xff) == SQLITE_CANTOPEN && read_only_errno(e)))) {
		err_set(err, ERR_DB,
		        "không ghi được %s: chỉ đọc (tệp, thư mục hoặc ổ đĩa không cho ghi)", path);
		sqlite3_free(msg);
		sqlite3_close(db);
		return NULL;
	}
	if (rc != SQLITE_OK) {
		err_set(err, ERR_DB, "%s: không phải cơ sở dữ liệu SQLite dùng được: %s", path,
		        msg ? msg : sqlite3_errstr(rc));
		sqlite3_free(msg);
		sqlite3_close(db);
		return NULL;
	}
	return db;
}

static int sq_exec(void *db, const char *sql, struct error *err)
{
	char *msg = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) == SQLITE_OK)
		return 0;
	classify(db);
	if (err)
		err_set(err, ERR_DB, "lỗi cơ sở dữ liệu: %s", msg ? msg : "?");
	sqlite3_free(msg);
	return -1;
}

static struct stmt *sq_prepare(void *db, const char *sql, struct error *err)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		classify(db);
		if (err)
			db_error(err, db, "prepare");
		return NULL;
	}
	struct stmt *s = xcalloc(1, sizeof *s);
	s->st = st;
	s->db = db;
	return s;
}

static void sq_bind_text(struct stmt *s, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(s->st, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(s->st, i);
}

static void sq_bind_int(struct stmt *s, int i, int64_t v)
{
	sqlite3_bind_int64(s->st, i, v);
}

static void sq_bind_double(struct stmt *s, int i, double v)
{
	sqlite3_bind_double(s->st, i, v);
}

static void sq_bind_null(struct stmt *s, int i)
{
	sqlite3_bind_null(s->st, i);
}

static int sq_step(struct stmt *s, struct error *err)
{
	int rc = sqlite3_step(s->st);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	classify(s->db);
	if (err)
		db_error(err, s->db, "step");
	return -1;
}

static bool sq_col_null(struct stmt *s, int i)
{
	return sqlite3_column_type(s->st, i) == SQLITE_NULL;
}

static const char *sq_col_text(struct stmt *s, int i)
{
	return (const char *)sqlite3_column_text(s->st, i);
}

static int64_t sq_col_int(struct stmt *s, int i)
{
	return sqlite3_column_int64(s->st, i);
}

static double sq_col_double(struct stmt *s, int i)
{
	return sqlite3_column_double(s->st, i);
}

static void sq_reset(struct stmt *s)
{
	sqlite3_reset(s->st);
	sqlite3_clear_bindings(s->st);
}

static int64_t sq_changes(struct stmt *s)
{
	return sqlite3_changes64(s->db);
}

static void sq_finalize(struct stmt *s)
{
	if (!s)
		return;
	sqlite3_finalize(s->st);
	free(s);
}

/* The WAL-index header (https://www.sqlite.org/walformat.html, 2.1: two
 * copies of 48 bytes at the start of the -shm file, which every connection
 * of every process maps) changes with every commit: comparing it with what
 * this connection saw last costs no query, no lock and no system call. The
 * header is read as it is being written at worst: then it differs, and
 * the caller reads the mark again for nothing. Only in WAL mode (always,
 * sqlite_driver_open) and with the header's known version; else unsure. */
static bool sq_changed(void *db, struct change_probe *p)
{
	if (!p->ready) {
		sqlite3_stmt *st = NULL;
		p->ready =
		        sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, NULL) == SQLITE_OK &&
		        sqlite3_step(st) == SQLITE_ROW &&
		        !strcmp((const char *)sqlite3_column_text(st, 0), "wal");
		sqlite3_finalize(st);
	}
	sqlite3_file *f = NULL;
	void volatile *shm = NULL;
	if (!p->ready ||
	    sqlite3_file_control(db, "main", SQLITE_FCNTL_FILE_POINTER, &f) != SQLITE_OK || !f ||
	    !f->pMethods || f->pMethods->iVersion < 2 || !f->pMethods->xShmMap ||
	    f->pMethods->xShmMap(f, 0, 32768, 0, &shm) != SQLITE_OK || !shm)
		return true;
	unsigned char now[sizeof p->seen];
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	for (size_t i = 0; i < sizeof now; i++)
		now[i] = ((volatile const unsigned char *)shm)[i];
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	uint32_t version;
	memcpy(&version, now, sizeof version);
	bool same = version == 3007000 && !memcmp(now, p->seen, sizeof now);
	memcpy(p->seen, now, sizeof now);
	return !same;
}

/* SQLite checkpoints the WAL in the commit that takes it past 1000 pages
 * (wal_autocheckpoint): that commit waits for the pages copied and the
 * file synced. Here the commit only counts the pages; sq_checkpoint runs
 * it when the caller is free (a server's worker after its answer). */
static int wal_count(void *arg, sqlite3 *db, const char *name, int pages)
{
	(void)db;
	(void)name;
	*(int *)arg = pages;
	return SQLITE_OK;
}

static void sq_checkpoint_later(void *db, int *pages)
{
	sqlite3_wal_hook(db, wal_count, pages);
}

static int sq_checkpoint(void *db)
{
	int rc = sqlite3_wal_checkpoint_v2(db, "main", SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
	return rc == SQLITE_OK ? 0 : -1;
}

static bool sq_tx_failed(void *db)
{
	return sqlite3_get_autocommit(db) != 0; /* an error rolled it back */
}

static void sq_close(void *db)
{
	sqlite3_close(db);
}

static int sq_copy(void *db, const char *table, int ncols, const char *types, char *const *cells,
                   size_t nrows, struct error *err)
{
	struct buf sql = BUF_INIT;
	buf_printf(&sql, "INSERT INTO %s VALUES (", table);
	for (int c = 0; c < ncols; c++)
		buf_puts(&sql, c ? ",?" : "?");
	buf_putc(&sql, ')');
	struct stmt *st = sq_prepare(db, buf_str(&sql), err);
	buf_free(&sql);
	if (!st)
		return -1;
	int rc = 0;
	for (size_t r = 0; r < nrows && !rc; r++) {
		for (int c = 0; c < ncols; c++) {
			const char *v = cells[r * (size_t)ncols + (size_t)c];
			/* SQLite's own text-to-REAL conversion can miss by an ulp
			 * (1.871978918846821176420e-297); glibc's strtod rounds
			 * correctly. */
			if (v && types[c] == 'r')
				sq_bind_double(st, c + 1, strtod(v, NULL));
			else
				sq_bind_text(st, c + 1, v);
		}
		rc = sq_step(st, err) < 0 ? -1 : 0;
		sqlite3_reset(st->st);
	}
	sq_finalize(st);
	return rc;
}

/* The online backup API: pages copied in steps, other connections may keep
 * writing meanwhile; the result is a consistent snapshot. */
static int sq_backup(void *db, const char *path, struct error *err)
{
	sqlite3 *dst = NULL;
	if (sqlite3_open_v2(path, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
	    SQLITE_OK) {
		err_set(err, ERR_DB, "không tạo được tệp sao lưu %s: %s", path,
		        dst ? sqlite3_errmsg(dst) : "?");
		sqlite3_close(dst);
		return -1;
	}
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", db, "main");
	int rc = b ? SQLITE_OK : SQLITE_ERROR;
	while (b && ((rc = sqlite3_backup_step(b, 256)) == SQLITE_OK || rc == SQLITE_BUSY ||
	             rc == SQLITE_LOCKED))
		sqlite3_sleep(rc == SQLITE_OK ? 0 : 20);
	if (b)
		sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE)
		err_set(err, ERR_DB, "sao lưu không xong: %s", sqlite3_errmsg(dst));
	sqlite3_close(dst);
	return rc == SQLITE_DONE ? 0 : -1;
}

static const char schema[] = SCHEMA_V1("INTEGER PRIMARY KEY", "INTEGER", "REAL") SCHEMA_V2(
        "INTEGER PRIMARY KEY", "INTEGER") SCHEMA_V5("INTEGER PRIMARY KEY", "INTEGER", "REAL")
        SCHEMA_V7("INTEGER PRIMARY KEY", "INTEGER") SCHEMA_V10("INTEGER PRIMARY KEY", "INTEGER")
                SCHEMA_V13("INTEGER PRIMARY KEY", "INTEGER", "REAL", " WITHOUT ROWID");

const struct driver sqlite_driver = {
        .name = "sqlite",
        .exec = sq_exec,
        .prepare = sq_prepare,
        .bind_text = sq_bind_text,
        .bind_int = sq_bind_int,
        .bind_double = sq_bind_double,
        .bind_null = sq_bind_null,
        .step = sq_step,
        .col_null = sq_col_null,
        .col_text = sq_col_text,
        .col_int = sq_col_int,
        .col_double = sq_col_double,
        .reset = sq_reset,
        .changes = sq_changes,
        .copy = sq_copy,
        .backup = sq_backup,
        .finalize = sq_finalize,
        .close = sq_close,
        .tx_failed = sq_tx_failed,
        .changed = sq_changed,
        .checkpoint_later = sq_checkpoint_later,
        .checkpoint = sq_checkpoint,
        /* Take the write lock at once: no deadlock between two writers. */
        .begin = "BEGIN IMMEDIATE",
        /* The WAL's snapshot at the first read, kept until the end. */
        .begin_read = "BEGIN",
        .schema = schema,
        .count_tables = "SELECT count(*) FROM sqlite_master WHERE type IN ('table', 'view')",
        .incoming =
                "CREATE TEMP TABLE IF NOT EXISTS incoming (line INTEGER, series_id INTEGER,"
                " period TEXT, value REAL, num REAL, den REAL, level TEXT, yes INTEGER, note TEXT,"
                " evidence TEXT, code INTEGER)",
};
