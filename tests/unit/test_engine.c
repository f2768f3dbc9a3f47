/* test_engine.c: the engine's aggregates against hand-computed values, a
 * naive recomputation, and, after random updates, a rebuild from scratch. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>

#include "engine.h"

#define NEAR(a, b) (fabs((double)(a) - (double)(b)) <= 1e-9 * (1 + fabs((double)(b))))

/* One province of two communes: 9/10 and 100/1000 online (10.792 %);
 * counts 4 and 7 (11); levels 3 and 4 (mean 3.5). */
static void by_hand(void **s)
{
	(void)s;
	int prov[] = {0, 0};
	uint8_t kind[] = {ENGINE_RATIO, ENGINE_COUNT, ENGINE_LEVEL};
	struct engine *e = engine_new(2, 1, 3, 1, prov, kind, 0);
	e->num[0][0] = 9, e->den[0][0] = 10, e->num[0][1] = 100, e->den[0][1] = 1000;
	e->num[1][0] = 4, e->num[1][1] = 7;
	e->num[2][0] = 3, e->num[2][1] = 4;
	for (int c = 0; c < 2; c++) {
		e->target[c * 3 + 0] = 50; /* percent */
		e->target[c * 3 + 1] = 5;
		e->target[c * 3 + 2] = 3;
	}
	engine_build(e, 1);
	assert_true(NEAR(engine_value(e, 0, 0, 0), 100.0 * 109 / 1010));
	assert_true(NEAR(engine_value(e, 1, 0, 0), 100.0 * 109 / 1010)); /* the country */
	assert_true(NEAR(engine_value(e, 0, 1, 0), 11));
	assert_true(NEAR(engine_value(e, 0, 2, 0), 3.5));
	assert_int_equal(e->levels[(0 * 3 + 2) * 1 * ENGINE_LEVELS + 3], 1);
	assert_int_equal(e->levels[(0 * 3 + 2) * 1 * ENGINE_LEVELS + 4], 1);
	/* Meeting at the snapshot: ratio 90 % and 10 % against 50: one; counts
	 * 4 and 7 against 5: one; levels 3 and 4 against 3: two. */
	assert_int_equal(e->meeting[0 * 3 + 0], 1);
	assert_int_equal(e->meeting[0 * 3 + 1], 1);
	assert_int_equal(e->meeting[0 * 3 + 2], 2);
	/* A new figure moves the province and the country at once. */
	engine_set(e, 1, 0, 0, 900, 1000); /* 909 / 1010 = 90 % */
	assert_true(NEAR(engine_value(e, 0, 0, 0), 100.0 * 909 / 1010));
	assert_true(NEAR(engine_value(e, 1, 0, 0), 100.0 * 909 / 1010));
	assert_int_equal(e->meeting[0 * 3 + 0], 2);
	engine_set(e, 0, 2, 0, NAN, 0); /* a level withdrawn: mean of 4 alone */
	assert_true(NEAR(engine_value(e, 0, 2, 0), 4));
	assert_int_equal(e->reporting[0 * 3 + 2], 1);
	engine_free(e);
}

/* Every aggregate as a naive loop over the communes would give it. */
static void check_against_naive(const struct engine *e)
{
	for (int i = 0; i < e->nind; i++)
		for (int m = 0; m < e->nmonth; m++)
			for (int row = 0; row <= e->nprov; row++) {
				double n = 0, d = 0;
				int count = 0;
				for (int c = 0; c < e->ncomm; c++) {
					if (row < e->nprov && e->prov[c] != row)
						continue;
					float v = e->num[i][(size_t)c * e->nmonth + m];
					if (isnan(v))
						continue;
					n += v;
					d += e->den[i] ? e->den[i][(size_t)c * e->nmonth + m] : 1;
					count++;
				}
				double want =
				        e->kind[i] == ENGINE_RATIO   ? (d > 0 ? 100 * n / d : NAN)
				        : e->kind[i] == ENGINE_COUNT ? n
				                                     : (count ? n / count : NAN);
				double got = engine_value(e, row, i, m);
				if (!(isnan(want) && isnan(got)) &&
				    !(fabs(got - want) <= 1e-6 * (1 + fabs(want))))
					fail_msg("row %d ind %d month %d: %.10g, want %.10g", row,
					         i, m, got, want);
			}
	for (int i = 0; i < e->nind; i++) {
		int met = 0;
		for (int c = 0; c < e->ncomm; c++) {
			/* The snapshot's copy is the figure of the snapshot month. */
			size_t k = (size_t)c * e->nmonth + (size_t)e->snapshot;
			float n = e->num[i][k], d = e->den[i] ? e->den[i][k] : 1;
			double want =
			        e->kind[i] == ENGINE_RATIO ? (d > 0 ? 100.0 * n / d : NAN) : n;
			double got = engine_commune_value(e, c, i, e->snapshot);
			if (!(isnan(want) && isnan(got)) && got != want)
				fail_msg("snapshot of commune %d ind %d: %g, want %g", c, i, got,
				         want);
			met += engine_meets(e, c, i);
		}
		assert_int_equal(e->meeting[(size_t)e->nprov * e->nind + i], met);
	}
}

static void generated_and_updated(void **s)
{
	(void)s;
	struct engine *e = engine_generate(120, 3, 9, 12, 42);
	engine_build(e, 2);
	check_against_naive(e);
	/* Random updates, removals included, carried incrementally. */
	uint64_t r = 7;
	for (int k = 0; k < 2000; k++) {
		r = r * 6364136223846793005u + 1442695040888963407u;
		int c = (int)((r >> 33) % 120), i = (int)((r >> 20) % 9), m = (int)((r >> 8) % 12);
		float v = (float)((r >> 40) % 500), d = 500 + (float)((r >> 12) % 500);
		if (e->kind[i] == ENGINE_LEVEL)
			v = (float)((r >> 40) % 5);
		engine_set(e, c, i, m, k % 17 == 0 ? NAN : v, d);
	}
	check_against_naive(e);
	/* And a rebuild from scratch gives the same as the live engine. */
	double before = engine_value(e, 3, 0, 11);
	engine_build(e, 1);
	assert_true(fabs(engine_value(e, 3, 0, 11) - before) <= 1e-9 * (1 + fabs(before)));
	size_t agg, obs = engine_bytes(e, &agg);
	/* 6 ratios at 8 bytes, 3 others at 4: (6 * 8 + 3 * 4) / 9 = 6.67 bytes;
	 * and the snapshot's copy, 8 bytes a commune and indicator. */
	assert_int_equal(obs, (size_t)120 * 12 * (6 * 8 + 3 * 4) + (size_t)120 * 9 * 8);
	engine_free(e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(by_hand),
	        cmocka_unit_test(generated_and_updated),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
