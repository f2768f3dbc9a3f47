/* test_deadline.c: the sending deadline of a periodic report (Decree
 * 09/2019): the day of the period's last month by level, clamped, and the
 * days left for reminders, against hand values. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "deadline.h"

static void due_cut(const char *period, int cutoff, int day, const char *want)
{
	struct period p;
	assert_int_equal(period_parse(period, &p, NULL), 0);
	char out[11];
	assert_int_equal(deadline_of(&p, cutoff, day, out), 0);
	assert_string_equal(out, want);
}

static void due(const char *period, int day, const char *want)
{
	due_cut(period, 15, day, want);
}

static void test_deadline_of(void **state)
{
	(void)state;
	due("2025-05", 16, "2025-05-16");
	due("2025-Q4", 16, "2025-12-16");
	due("2025-H1", 18, "2025-06-18");
	due("2025-9M", 20, "2025-09-20");
	due("2025", 20, "2025-12-20");
	due("2025-02", 31, "2025-02-28");        /* clamped */
	due("2025-Q1", 15, "2025-03-15");        /* the day the window closes after */
	due("2025-Q1", 0, "2025-04-01");         /* before the cut-off: the month after */
	due_cut("2025-12", 1, 16, "2026-01-16"); /* calendar months */
	due_cut("2025-Q4", 20, 16, "2026-01-16");
	due_cut("2025-Q4", 20, 22, "2025-12-22");
	struct period bad = {PERIOD_MONTH, 2025, 13};
	char out[11] = "x";
	assert_int_equal(deadline_of(&bad, 15, 16, out), -1);
	assert_string_equal(out, "");
}

static void test_default_day(void **state)
{
	(void)state;
	assert_int_equal(deadline_default_day("commune"), 16);
	assert_int_equal(deadline_default_day("ward"), 16);
	assert_int_equal(deadline_default_day("district"), 18);
	assert_int_equal(deadline_default_day("province"), 20);
	assert_int_equal(deadline_default_day("country"), 25);
	assert_int_equal(deadline_default_day(NULL), 16);
}

static void test_days_left(void **state)
{
	(void)state;
	bool ok;
	assert_int_equal(deadline_days_left("2025-12-10", "2025-12-16", &ok), 6);
	assert_true(ok);
	assert_int_equal(deadline_days_left("2025-12-16", "2025-12-16", &ok), 0);
	assert_int_equal(deadline_days_left("2026-01-05", "2025-12-16", &ok), -20);
	assert_int_equal(deadline_days_left("2024-02-28", "2024-03-01", &ok), 2); /* leap */
	assert_int_equal(deadline_days_left("2025-02-28", "2025-03-01", &ok), 1);
	deadline_days_left("2025-02-30", "2025-03-01", &ok);
	assert_false(ok);
	deadline_days_left("2025-1-05", "2025-03-01", &ok);
	assert_false(ok);
	char w[16];
	deadline_words("2025-01-05", w);
	assert_string_equal(w, "05/01/2025");
	deadline_words("nope", w);
	assert_string_equal(w, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_deadline_of),
	        cmocka_unit_test(test_default_day),
	        cmocka_unit_test(test_days_left),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
