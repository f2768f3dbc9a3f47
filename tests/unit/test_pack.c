/* test_pack.c: a hold's packed figures (src/engine/pack.c) give back
 * exactly what was packed, in order, and take at most 40 bytes a figure
 * counted from their allocations (issue 13: 23.9 M figures in 1 GB). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pack.h"

static uint64_t bits(double d)
{
	uint64_t b;
	memcpy(&b, &d, sizeof b);
	return b;
}

static void same(const struct obs_rec *a, const struct obs_rec *b)
{
	assert_string_equal(a->period, b->period);
	assert_int_equal(a->has_value, b->has_value);
	assert_int_equal(a->has_ratio, b->has_ratio);
	assert_int_equal(a->has_level, b->has_level);
	assert_int_equal(a->has_yes, b->has_yes);
	assert_int_equal(a->yes, b->yes);
	assert_true(bits(a->value) == bits(b->value));
	assert_true(bits(a->num) == bits(b->num));
	assert_true(bits(a->den) == bits(b->den));
	if (a->code)
		assert_string_equal(a->code, b->code);
	else
		assert_null(b->code);
	if (a->level)
		assert_string_equal(a->level, b->level);
	else
		assert_null(b->level);
	assert_null(b->note); /* what no evaluation reads is not kept */
	assert_null(b->status);
}

/* Every kind of figure, and the edges of each field. */
static void round_trip(void **s)
{
	(void)s;
	struct obs_rec in[] = {
	        {.period = "2025-01", .has_value = true, .value = 42.5, .code = "I.1"},
	        {.period = "2025-Q1", .has_ratio = true, .num = 9, .den = 10, .code = "I.2"},
	        {.period = "2025", .has_level = true, .level = "Khá", .code = "II.3"},
	        {.period = "2025-H1", .has_yes = true, .yes = true, .code = "III.1"},
	        {.period = "2025-H2", .has_yes = true, .yes = false, .code = "III.1"},
	        {.period = "2025-9M", .has_value = true, .value = -0.0, .code = "I.1"},
	        {.period = "2025-02", .has_value = true, .value = 1e300, .code = NULL},
	        {.period = "2025-03",
	         .has_value = true,
	         .value = 7,
	         .num = 3,
	         .den = 0,
	         .code = "X"},
	        {.period = "2025-12", .has_value = true, .value = NAN, .code = "I.1"},
	        {.period = "abcdefghijklmno", .has_level = true, .level = "", .code = ""},
	        {.period = "2025-01", .has_value = true, .value = 42.5, .code = "I.1"}, /* again */
	};
	size_t n = sizeof in / sizeof *in;
	struct pack_pool pool = {0};
	struct pack k = {0};
	for (size_t i = 0; i < n; i++)
		pack_add(&k, &pool, &in[i]);
	pack_trim(&k);
	struct obs_rec *out = NULL;
	size_t cap = 0;
	assert_int_equal(pack_get(&k, &pool, &out, &cap), n);
	for (size_t i = 0; i < n; i++)
		same(&in[i], &out[i]);
	/* Strings are interned: one copy of each, kept as the pool lives. */
	assert_ptr_equal(out[0].code, out[5].code);
	assert_ptr_equal(out[3].code, out[4].code);
	assert_ptr_equal(pack_intern(&pool, "I.1"), out[0].code);
	/* Made again into the same buffer: the same figures. */
	assert_int_equal(pack_get(&k, &pool, &out, &cap), n);
	same(&in[2], &out[2]);
	free(out);
	pack_free(&k);
	pack_pool_free(&pool);
}

/* A commune's 75 indicators over 96 months, a few ratios and levels among
 * them, for 50 communes: the bytes the packs and the pool report are what
 * was allocated, and at most 40 a figure (struct obs_rec alone is 120,
 * before its strings). */
static void bytes_per_figure(void **s)
{
	(void)s;
	enum { UNITS = 50, CODES = 75, MONTHS = 96 };
	struct pack_pool pool = {0};
	struct pack k[UNITS] = {{0}};
	size_t figures = 0;
	for (int u = 0; u < UNITS; u++) {
		for (int m = 0; m < MONTHS; m++)
			for (int c = 0; c < CODES; c++) {
				char code[16];
				struct obs_rec o = {
				        .has_value = true, .value = u * m + c, .code = code};
				snprintf(o.period, sizeof o.period, "%d-%02d", 2025 + m / 12,
				         m % 12 + 1);
				snprintf(code, sizeof code, "%d.%d", c / 10 + 1, c % 10 + 1);
				if (c == 3) /* a ratio */
					o.has_value = false, o.has_ratio = true, o.num = c,
					o.den = 100;
				if (c == 7)
					o.has_value = false, o.has_level = true, o.level = "Tốt";
				pack_add(&k[u], &pool, &o);
				figures++;
			}
		pack_trim(&k[u]);
		assert_int_equal(k[u].n, (size_t)CODES * MONTHS);
		assert_int_equal(pack_bytes(&k[u]), k[u].n * sizeof(struct pack_rec) +
		                                            k[u].nside * sizeof(struct pack_side));
	}
	size_t bytes = pack_pool_bytes(&pool);
	for (int u = 0; u < UNITS; u++)
		bytes += pack_bytes(&k[u]);
	printf("  %zu figures in %zu bytes: %.1f B a figure\n", figures, bytes,
	       (double)bytes / (double)figures);
	assert_true(bytes <= 40 * figures);
	assert_true(bytes >= 16 * figures); /* honest: no figure is free */
	/* The last figure of the last unit, made again. */
	struct obs_rec *out = NULL;
	size_t cap = 0;
	size_t n = pack_get(&k[UNITS - 1], &pool, &out, &cap);
	assert_string_equal(out[n - 1].period, "2032-12");
	assert_string_equal(out[n - 1].code, "8.5");
	assert_true(out[n - 1].value == (UNITS - 1) * (MONTHS - 1) + CODES - 1);
	free(out);
	for (int u = 0; u < UNITS; u++)
		pack_free(&k[u]);
	pack_pool_free(&pool);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(round_trip),
	        cmocka_unit_test(bytes_per_figure),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
