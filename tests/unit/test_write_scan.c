/* test_write_scan.c: a figure recorded (what the server does on each POST
 * of a figure) reads the stored figures by key, never row after row: on a
 * SQLite store of many figures, recording one steps through no table in a
 * full scan more than a handful of times (SQLite's own counter,
 * SQLITE_STMTSTATUS_FULLSCAN_STEP, summed over the connection's
 * statements). Issue 13: the check for approved figures, written as a
 * join, scanned every figure of the country on each write. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "driver.h"
#include "internal.h"
#include "store_helpers.h"

enum {
	MONTHS = 120
}; /* figures of the other commune: 10 years of months from 2024, two indicators */

static char dir[64];
static struct store *s;

/* Full-scan steps of every statement of the connection since the last
 * call (the counters reset). */
static long scan_steps(void)
{
	long n = 0;
	for (sqlite3_stmt *st = sqlite3_next_stmt(s->db, NULL); st;
	     st = sqlite3_next_stmt(s->db, st))
		n += sqlite3_stmt_status(st, SQLITE_STMTSTATUS_FULLSCAN_STEP, 1);
	return n;
}

static long count_obs(void)
{
	sqlite3_stmt *st;
	assert_int_equal(
	        sqlite3_prepare_v2(s->db, "SELECT count(*) FROM observations", -1, &st, NULL),
	        SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	long n = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/chitieu-scan-XXXXXX");
	s = test_store_open(dir);
	assert_ptr_equal(s->d, &sqlite_driver);
	test_unit_add(s, "P", "province", NULL, 0);
	test_unit_add(s, "a", "commune", "P", 1000);
	test_unit_add(s, "b", "commune", "P", 2000);
	const char *communes[] = {"a", "b"};
	test_plan_save(s, "plans/004_5f0b3916b5e2f87f.txt", "004", communes, 2);
	/* b's figures: many, in one batch. */
	struct obs_input *in = calloc(2 * MONTHS, sizeof *in);
	char(*period)[16] = calloc(MONTHS, sizeof *period);
	for (int m = 0; m < MONTHS; m++) {
		snprintf(period[m], sizeof period[m], "%d-%02d", 2024 + m / 12, m % 12 + 1);
		in[2 * m] =
		        (struct obs_input){"b", "IV.1", period[m], "3", "",  "",  "",         "",
		                           "",  "",     2 * m + 1, {0}, {0}, {0}, FIGURE_TEXT};
		in[2 * m + 1] =
		        (struct obs_input){"b", "I.3", period[m], "",  "5", "10", "",         "",
		                           "",  "",    2 * m + 2, {0}, {0}, {0},  FIGURE_TEXT};
	}
	struct problems ps = {0};
	if (store_record_batch(s, in, 2 * MONTHS, "test", "", &ps))
		fail_msg("record b: %s", ps.n ? ps.v[0].message : "?");
	problems_free(&ps);
	free(in);
	free(period);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	return test_store_close(s, dir);
}

static void one_figure_reads_by_key(void **state)
{
	(void)state;
	assert_int_equal(count_obs(), 2 * MONTHS);
	const char *values[] = {"4", "5", "6"};
	for (int k = 0; k < 3; k++) { /* a new figure, then the same one changed twice */
		struct obs_input in = {"a", "IV.1", "2025-06", values[k], "",  "",  "",         "",
		                       "",  "",     1,         {0},       {0}, {0}, FIGURE_TEXT};
		struct problems ps = {0};
		scan_steps();
		if (store_record_batch(s, &in, 1, "test", "", &ps))
			fail_msg("record a: %s", ps.n ? ps.v[0].message : "?");
		problems_free(&ps);
		long steps = scan_steps();
		print_message("recording one figure among %d: %ld full-scan steps\n", 2 * MONTHS,
		              steps);
		if (steps >= MONTHS)
			fail_msg("recording one figure stepped %ld times through full scans (%d "
			         "figures "
			         "stored): the figures are read row after row",
			         steps, 2 * MONTHS);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test_setup_teardown(one_figure_reads_by_key, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
