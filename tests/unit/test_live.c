/* test_live.c: the engine built from a real SQLite store: a country of two
 * provinces and three communes on plan 004, aggregates checked by hand,
 * and figures applied one by one (live_put) against a rebuild from the
 * store. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "live.h"
#include "store_helpers.h"

#define NEAR(a, b) (fabs((double)(a) - (double)(b)) <= 1e-6 * (1 + fabs((double)(b))))

static char dir[64];
static struct store *s;

static void record(const char *unit, const char *ind, const char *period, const char *value,
                   const char *num, const char *den)
{
	test_record(s, unit, ind, period, value, num, den, "");
}

/* The figure just stored, as the store gives it back. */
static void put(struct live *l, const char *unit, const char *ind, const char *period, int want)
{
	struct unit_rec u;
	struct error err = {0};
	assert_int_equal(store_unit_get(s, unit, &u, &err), 0);
	struct obs_rec *o;
	size_t n;
	assert_int_equal(store_obs_list(s, u.id, period, &o, &n, &err), 0);
	int found = -1;
	for (size_t k = 0; k < n; k++)
		if (!strcmp(o[k].code, ind) && !strcmp(o[k].period, period))
			found = (int)k;
	assert_true(found >= 0);
	assert_int_equal(live_put(l, unit, ind, &o[found]), want);
	for (size_t k = 0; k < n; k++)
		obs_rec_free(&o[k]);
	free(o);
	unit_rec_free(&u);
}

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/chitieu-live-XXXXXX");
	s = test_store_open(dir);
	test_unit_add(s, "VN", "country", NULL, 0);
	test_unit_add(s, "P1", "province", "VN", 0);
	test_unit_add(s, "P2", "province", "VN", 0);
	test_unit_add(s, "a", "commune", "P1", 1000);
	test_unit_add(s, "b", "ward", "P1", 9000);
	test_unit_add(s, "c", "commune", "P2", 5000);
	const char *communes[] = {"a", "b", "c"};
	test_plan_save(s, "plans/004_5f0b3916b5e2f87f.txt", "004", communes, 3);
	record("a", "I.3", "2025-09", "", "9", "10");
	record("b", "I.3", "2025-09", "", "100", "1000");
	record("c", "I.3", "2025-09", "", "50", "100");
	record("a", "IV.1", "2025-09", "4", "", "");
	record("b", "IV.1", "2025-09", "7", "", "");
	record("c", "IV.1", "2025-09", "2", "", "");
	record("c", "IV.1", "2025-07", "1", "", "");
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	return test_store_close(s, dir);
}

static void by_hand(void **state)
{
	(void)state;
	struct live *l;
	struct error err = {0};
	assert_int_equal(live_load(s, "VN", 2, &l, &err), 0);
	assert_int_equal(l->e->ncomm, 3);
	assert_int_equal(l->e->nprov, 2);
	assert_int_equal(l->e->nmonth, 3); /* 2025-07 .. 2025-09 */
	char m0[12];
	live_month_name(l, 0, m0);
	assert_string_equal(m0, "2025-07");
	int vn = live_row(l, "VN"), p1 = live_row(l, "P1"), p2 = live_row(l, "P2");
	int i3 = live_ind(l, "I.3"), iv1 = live_ind(l, "IV.1");
	assert_int_equal(vn, 2);
	assert_true(p1 >= 0 && p2 >= 0 && i3 >= 0 && iv1 >= 0);
	/* Ratios add numerators and denominators: P1 109/1010, VN 159/1110. */
	assert_true(NEAR(engine_value(l->e, p1, i3, 2), 100.0 * 109 / 1010));
	assert_true(NEAR(engine_value(l->e, p2, i3, 2), 50));
	assert_true(NEAR(engine_value(l->e, vn, i3, 2), 100.0 * 159 / 1110));
	/* Counts add: 4 + 7 + 2; July has only c's 1; August nobody. */
	assert_true(NEAR(engine_value(l->e, vn, iv1, 2), 13));
	assert_true(NEAR(engine_value(l->e, vn, iv1, 0), 1));
	assert_true(isnan(engine_value(l->e, vn, iv1, 1)));
	/* Meeting the 2025 target of I.3 (>= 70 %): only a (90 %), not c (50 %). */
	assert_int_equal(l->e->meeting[(size_t)vn * (size_t)l->e->nind + (size_t)i3], 1);
	assert_int_equal(l->e->reporting[(size_t)vn * (size_t)l->e->nind + (size_t)i3], 3);
	live_free(l);

	/* A province as the root: its communes, and the same figure as above. */
	assert_int_equal(live_load(s, "P1", 1, &l, &err), 0);
	assert_int_equal(l->e->ncomm, 2);
	assert_int_equal(l->e->nmonth, 1); /* its communes have September only */
	assert_true(NEAR(engine_value(l->e, live_row(l, "P1"), live_ind(l, "I.3"), 0),
	                 100.0 * 109 / 1010));
	live_free(l);

	assert_int_equal(live_load(s, "nowhere", 1, &l, &err), -1);
	assert_int_equal(err.code, ERR_UNKNOWN_UNIT);
	err_clear(&err);
}

static void same_engines(const struct live *x, const struct live *y)
{
	const struct engine *a = x->e, *b = y->e;
	assert_int_equal(a->nmonth, b->nmonth);
	assert_int_equal(a->nind, b->nind);
	for (int r = 0; r <= a->nprov; r++)
		for (int i = 0; i < a->nind; i++) {
			int rb = live_row(y, r == a->nprov ? x->root : x->row_code[r]),
			    ib = live_ind(y, x->ind[i].code);
			for (int m = 0; m < a->nmonth; m++) {
				double u = engine_value(a, r, i, m), v = engine_value(b, rb, ib, m);
				if (!(isnan(u) && isnan(v)) && !NEAR(u, v))
					fail_msg("%s %s month %d: live %g, rebuilt %g",
					         x->ind[i].code,
					         r == a->nprov ? x->root : x->row_code[r], m, u, v);
			}
			assert_int_equal(a->meeting[(size_t)r * (size_t)a->nind + (size_t)i],
			                 b->meeting[(size_t)rb * (size_t)b->nind + (size_t)ib]);
			assert_int_equal(a->reporting[(size_t)r * (size_t)a->nind + (size_t)i],
			                 b->reporting[(size_t)rb * (size_t)b->nind + (size_t)ib]);
		}
}

static void live_equals_rebuild(void **state)
{
	(void)state;
	struct live *l, *again;
	struct error err = {0};
	assert_int_equal(live_load(s, "VN", 2, &l, &err), 0);
	record("a", "I.3", "2025-08", "", "5", "10"); /* a new month */
	put(l, "a", "I.3", "2025-08", 0);
	record("b", "IV.1", "2025-09", "8", "", ""); /* a replaced figure */
	put(l, "b", "IV.1", "2025-09", 0);
	record("c", "I.1", "2025-09", "60", "", ""); /* a percentage alone: by population */
	put(l, "c", "I.1", "2025-09", 0);
	record("a", "I.1", "2025-09", "80", "", "");
	put(l, "a", "I.1", "2025-09", 0);
	record("a", "IV.1", "2025-Q3", "20", "", ""); /* the month already holds September */
	put(l, "a", "IV.1", "2025-Q3", 0);
	record("b", "I.3", "2025-09", "", "1000", "1000"); /* b now meets: a and b */
	put(l, "b", "I.3", "2025-09", 0);
	assert_true(NEAR(engine_value(l->e, live_row(l, "VN"), live_ind(l, "IV.1"), 2), 14));
	assert_true(NEAR(engine_value(l->e, live_row(l, "VN"), live_ind(l, "I.3"), 1), 50));
	/* (60 x 5000 + 80 x 1000) / 6000 people, not the mean 70. */
	assert_true(NEAR(engine_value(l->e, live_row(l, "VN"), live_ind(l, "I.1"), 2),
	                 (60.0 * 5000 + 80 * 1000) / 6000));
	assert_int_equal(l->e->meeting[(size_t)l->e->nprov * (size_t)l->e->nind +
	                               (size_t)live_ind(l, "I.3")],
	                 2);
	assert_int_equal(live_load(s, "VN", 1, &again, &err), 0);
	same_engines(l, again);
	live_free(again);
	/* Outside what the engine holds: the caller rebuilds. */
	record("a", "I.3", "2025-12", "", "1", "10");
	put(l, "a", "I.3", "2025-12", 1);
	struct obs_rec o = {0};
	snprintf(o.period, sizeof o.period, "2025-09");
	o.has_value = true;
	o.value = 1;
	assert_int_equal(live_put(l, "nobody", "I.3", &o), -1);
	live_free(l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(by_hand),
	        cmocka_unit_test(live_equals_rebuild),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
