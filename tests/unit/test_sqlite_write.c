/* test_sqlite_write.c: what a write waits for on SQLite (issue 13: write
 * acknowledgement p99 126 ms under 32 readers). The connection syncs no
 * commit (synchronous NORMAL in WAL mode, README "Backends"); a server's
 * connection (store_checkpoint_later) does not checkpoint the WAL in the
 * commit that takes it past 1000 pages, as SQLite's autocheckpoint does
 * (copying the pages into the database and syncing it inside the commit),
 * but in store_checkpoint_due, which the server calls once the answer has
 * gone out. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "driver.h"
#include "internal.h"
#include "store.h"

static char dir[64], path[96];

static long file_size(const char *p)
{
	struct stat st;
	return stat(p, &st) ? -1 : (long)st.st_size;
}

static int64_t pragma(struct store *s, const char *sql)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(s->db, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	int64_t v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* 1,500 rows of 4 KB in one transaction: more than 1,000 WAL pages. */
static void big_write(struct store *s, const char *table)
{
	char sql[256];
	snprintf(sql, sizeof sql,
	         "CREATE TABLE %s (x BLOB); WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL"
	         " SELECT i + 1 FROM c WHERE i < 1500) INSERT INTO %s SELECT randomblob(4000)"
	         " FROM c",
	         table, table);
	assert_int_equal(store_begin(s, NULL), 0);
	assert_int_equal(sqlite3_exec(s->db, sql, NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(store_commit(s, NULL), 0);
}

static void test_commit_not_synced(void **state)
{
	(void)state;
	struct error err = {0};
	struct store *s = store_open(path, &err);
	assert_non_null(s);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(s->db, "PRAGMA journal_mode", -1, &st, NULL),
	                 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), "wal");
	sqlite3_finalize(st);
	assert_int_equal(pragma(s, "PRAGMA synchronous"), 1); /* NORMAL, not FULL (2) */
	store_close(s);
}

static void test_checkpoint_after_answer(void **state)
{
	(void)state;
	struct error err = {0};
	struct store *s = store_open(path, &err);
	assert_non_null(s);
	/* SQLite's own way: the commit past 1000 pages copies them. */
	long db0 = file_size(path);
	big_write(s, "own");
	long db1 = file_size(path);
	assert_true(db1 > db0 + 1000L * 4000);
	/* A server's connection: the commit leaves the pages in the WAL. */
	store_checkpoint_later(s);
	big_write(s, "later");
	long db2 = file_size(path);
	assert_true(db2 < db1 + 100L * 4096);
	/* Then, after the answer: copied. */
	store_checkpoint_due(s);
	long db3 = file_size(path);
	assert_true(db3 > db2 + 1000L * 4000);
	store_close(s);
}

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/chitieu-sqlwrite-XXXXXX");
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/t.db", dir);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	return system(cmd);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_commit_not_synced),
	        cmocka_unit_test(test_checkpoint_after_answer),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
