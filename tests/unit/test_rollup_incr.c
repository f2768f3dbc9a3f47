/* test_rollup_incr.c: the roll-up a hold keeps child by child (issue 13).
 * A country of three provinces (6, 4 and 2 communes on plan 004), figures
 * written at random (fractions, ratios, levels, counts, some communes
 * without a population): after each write the kept hold, told of it by
 * hold_refresh, gives byte for byte the roll-up of a hold built afresh
 * from the store (at a month and at a quarter); and the children folded
 * again after one write are at most the written commune's province's plus
 * one per province, not all the communes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hold.h"
#include "store_helpers.h"

static char dir[64];
static struct store *s;

/* Communes: province of each, population (0: unknown). */
static const struct {
	const char *code, *parent;
	int64_t pop;
} communes[] = {
        {"a1", "P1", 1200}, {"a2", "P1", 3400}, {"a3", "P1", 0},    {"a4", "P1", 780},
        {"a5", "P1", 5100}, {"a6", "P1", 2222}, {"b1", "P2", 4000}, {"b2", "P2", 910},
        {"b3", "P2", 6100}, {"b4", "P2", 3030}, {"c1", "P3", 1500}, {"c2", "P3", 2750},
};
#define NCOMMUNES (sizeof communes / sizeof *communes)

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/chitieu-incr-XXXXXX");
	s = test_store_open(dir);
	test_unit_add(s, "VN", "country", NULL, 0);
	test_unit_add(s, "P1", "province", "VN", 0);
	test_unit_add(s, "P2", "province", "VN", 0);
	test_unit_add(s, "P3", "province", "VN", 0);
	const char *codes[NCOMMUNES];
	for (size_t k = 0; k < NCOMMUNES; k++) {
		test_unit_add(s, communes[k].code, "commune", communes[k].parent, communes[k].pop);
		codes[k] = communes[k].code;
	}
	test_plan_save(s, "plans/004_5f0b3916b5e2f87f.txt", "004", codes, NCOMMUNES);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	return test_store_close(s, dir);
}

/* The roll-up of h at (as_of, grain) as JSON text (every figure with all
 * its digits): the caller frees. */
static char *rolled(struct hold *h, int as_of, enum period_kind grain)
{
	const struct rollup_row *r;
	size_t n = hold_rollup(h, as_of, grain, &r);
	assert_true(n > 0);
	json_t *j = view_rollup_json(r, n);
	char *text = json_dumps(j, JSON_SORT_KEYS | JSON_REAL_PRECISION(17));
	json_decref(j);
	return text;
}

/* A random figure of a random kind on commune k (fractions, so that the
 * order of the sums shows). */
static void write_random(size_t k, unsigned *seed)
{
	static const char *const periods[] = {"2025-10", "2025-11", "2025-12", "2025-07"};
	static const char *const levels[] = {"Khá", "Tốt"};
	char v[32], d[32], per[16];
	snprintf(per, sizeof per, "%s", periods[rand_r(seed) % 4]);
	const char *u = communes[k].code;
	switch (rand_r(seed) % 5) {
	case 0: /* a percentage, weighted by population */
		snprintf(v, sizeof v, "%d.%02d", rand_r(seed) % 100, rand_r(seed) % 100);
		test_record(s, u, "II.7", per, v, "", "", "");
		break;
	case 1: /* a ratio */
		snprintf(v, sizeof v, "%d.%d", rand_r(seed) % 90, rand_r(seed) % 10);
		snprintf(d, sizeof d, "%d.%d", 90 + rand_r(seed) % 300, rand_r(seed) % 10);
		test_record(s, u, "I.3", per, "", v, d, "");
		break;
	case 2: /* a count */
		snprintf(v, sizeof v, "%d.%d", rand_r(seed) % 50, rand_r(seed) % 10);
		test_record(s, u, "IV.1", per, v, "", "", "");
		break;
	case 3: /* a level */
		test_record(s, u, "II.11", per, "", "", "", levels[rand_r(seed) % 2]);
		break;
	default: /* a percentage again, on another indicator */
		snprintf(v, sizeof v, "0.%d", rand_r(seed) % 1000);
		test_record(s, u, "II.1", per, v, "", "", "");
	}
}

static void same_as_rebuilt(struct hold *kept, const char *root)
{
	struct hold *fresh;
	struct error err = {0};
	assert_int_equal(hold_load(s, root, &fresh, &err), 0);
	static const struct {
		int as_of;
		enum period_kind grain;
	} at[] = {{2025 * 12 + 11, PERIOD_MONTH}, {2025 * 12 + 11, PERIOD_QUARTER}};
	for (size_t w = 0; w < sizeof at / sizeof *at; w++) {
		char *a = rolled(kept, at[w].as_of, at[w].grain),
		     *b = rolled(fresh, at[w].as_of, at[w].grain);
		assert_string_equal(a, b);
		free(a);
		free(b);
	}
	hold_free(fresh);
}

static void random_writes_match_rebuild(void **state)
{
	(void)state;
	struct hold *vn, *p1;
	struct error err = {0};
	assert_int_equal(hold_load(s, "VN", &vn, &err), 0);
	assert_int_equal(hold_load(s, "P1", &p1, &err), 0);
	assert_int_equal(vn->f.n, NCOMMUNES);
	assert_int_equal(vn->ngroups, 3);
	assert_int_equal(p1->ngroups, 1); /* its communes, folded together */
	unsigned seed = 1313;
	for (int round = 0; round < 120; round++) {
		size_t k = (size_t)rand_r(&seed) % NCOMMUNES;
		write_random(k, &seed);
		/* sometimes two writes before the next roll-up, in two provinces */
		size_t k2 = round % 3 ? k : (k + 7) % NCOMMUNES;
		if (k2 != k)
			write_random(k2, &seed);
		assert_int_equal(hold_refresh(vn, s, communes[k].code, &err), 0);
		if (k2 != k)
			assert_int_equal(hold_refresh(vn, s, communes[k2].code, &err), 0);
		same_as_rebuilt(vn, "VN");
		/* P1's hold is told only of its own communes (1: not one) */
		assert_int_equal(hold_refresh(p1, s, communes[k].code, &err),
		                 strcmp(communes[k].parent, "P1") ? 1 : 0);
		assert_int_equal(hold_refresh(p1, s, communes[k2].code, &err),
		                 strcmp(communes[k2].parent, "P1") ? 1 : 0);
		same_as_rebuilt(p1, "P1");
	}
	hold_free(vn);
	hold_free(p1);
}

/* One write to a commune of P3 (2 communes) or P1 (6): the country's
 * roll-up folds that province's communes again and combines the three
 * provinces, not all twelve communes. */
static void one_write_folds_one_province(void **state)
{
	(void)state;
	struct hold *vn;
	struct error err = {0};
	assert_int_equal(hold_load(s, "VN", &vn, &err), 0);
	const struct rollup_row *r;
	int as_of = 2025 * 12 + 11;
	hold_rollup(vn, as_of, PERIOD_MONTH, &r);
	long e0 = vn->evaluations;
	assert_int_equal(e0, (long)NCOMMUNES);
	static const struct {
		const char *unit;
		long province;
	} writes[] = {{"c2", 2}, {"a4", 6}, {"b1", 4}};
	for (size_t w = 0; w < sizeof writes / sizeof *writes; w++) {
		test_record(s, writes[w].unit, "IV.1", "2025-12", "3.5", "", "", "");
		long a0 = vn->aggregated, ev0 = vn->evaluations;
		assert_int_equal(hold_refresh(vn, s, writes[w].unit, &err), 0);
		hold_rollup(vn, as_of, PERIOD_MONTH, &r);
		long folded = vn->aggregated - a0;
		assert_int_equal(vn->evaluations - ev0, 1);
		assert_true(folded > 0);
		if (folded > writes[w].province + 3)
			fail_msg("a write to %s folded %ld, want <= %ld (its province's communes + "
			         "3)",
			         writes[w].unit, folded, writes[w].province + 3);
	}
	/* Nothing written: nothing folded. */
	long a0 = vn->aggregated;
	hold_rollup(vn, as_of, PERIOD_MONTH, &r);
	assert_int_equal(vn->aggregated, a0);
	hold_free(vn);
}

/* Three periods asked in turn (two kept): the period evicted gives up its
 * children's evaluations, not the one kept (its ranking, made after, reads
 * them). */
static void third_period_keeps_the_other(void **state)
{
	(void)state;
	struct hold *vn, *fresh;
	struct error err = {0};
	assert_int_equal(hold_load(s, "VN", &vn, &err), 0);
	assert_int_equal(hold_load(s, "VN", &fresh, &err), 0);
	const struct rollup_row *r;
	int a = 2025 * 12 + 11, b = 2025 * 12 + 8, c = 2025 * 12 + 5;
	hold_rollup(vn, a, PERIOD_MONTH, &r);
	hold_rollup(vn, b, PERIOD_MONTH, &r);
	hold_rollup(vn, a, PERIOD_MONTH, &r);
	hold_rollup(vn, c, PERIOD_MONTH, &r); /* b's place */
	const struct rank_row *k, *want;
	size_t n = hold_rank(vn, a, PERIOD_MONTH, &k), m = hold_rank(fresh, a, PERIOD_MONTH, &want);
	assert_int_equal(n, m);
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(k[i].code, want[i].code);
		assert_int_equal(k[i].good, want[i].good);
		assert_int_equal(k[i].evaluated, want[i].evaluated);
	}
	hold_free(vn);
	hold_free(fresh);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(one_write_folds_one_province),
	        cmocka_unit_test(random_writes_match_rebuild),
	        cmocka_unit_test(third_period_keeps_the_other),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
