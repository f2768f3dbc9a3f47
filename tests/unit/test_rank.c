/* test_rank.c: a family ranked by its direct children when its children
 * lie deeper (a country's communes under its provinces): the groups' sums
 * and ranks by hand on a small family, and on a large synthetic one the
 * string comparisons made, counted by wrapping strcmp (the link option
 * --wrap=strcmp, CMakeLists.txt): n log n, not one search of every child
 * per row (n², 12.9 million for the 5,000 communes below). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "views.h"

static long strcmps;

int __real_strcmp(const char *a, const char *b);
int __wrap_strcmp(const char *a, const char *b);
int __wrap_strcmp(const char *a, const char *b)
{
	strcmps++;
	return __real_strcmp(a, b);
}

/* A country of ntop provinces "P<k>" ("Tỉnh <k>") over n communes "C<i>",
 * commune i under province i % ntop; rows: each commune's ranking, good
 * i % 7 of 10 evaluated, in commune order. */
struct synth {
	struct family f;
	struct rank_row *rows;
	char **codes;
};

static void synth_make(struct synth *s, size_t ntop, size_t n)
{
	memset(s, 0, sizeof *s);
	s->f.nunits = ntop + n;
	s->f.units = xcalloc(s->f.nunits, sizeof *s->f.units);
	s->f.n = n;
	s->f.c = xcalloc(n, sizeof *s->f.c);
	s->f.top = xcalloc(n, sizeof *s->f.top);
	s->rows = xcalloc(n, sizeof *s->rows);
	for (size_t k = 0; k < ntop; k++) {
		s->f.units[n + k].code = xasprintf("P%03zu", k);
		s->f.units[n + k].name = xasprintf("Tỉnh %zu", k);
	}
	for (size_t i = 0; i < n; i++) {
		struct unit_rec *u = &s->f.units[i]; /* the communes first: found by search */
		u->code = xasprintf("C%05zu", i);
		u->name = xasprintf("Xã %zu", i);
		s->f.c[i].code = u->code;
		s->f.c[i].name = u->name;
		s->f.top[i] = s->f.units[n + i % ntop].code;
		s->rows[i] =
		        (struct rank_row){u->code, u->name, (int)(i % 7), 10, (i % 7) / 10.0, 0};
	}
}

static void synth_free(struct synth *s)
{
	for (size_t i = 0; i < s->f.nunits; i++) {
		free(s->f.units[i].code);
		free(s->f.units[i].name);
	}
	free(s->f.units);
	free(s->f.c);
	free(s->f.top);
	free(s->rows);
}

/* Eight communes under three provinces, by hand: P000 has C0 C3 C6 (good
 * 0 + 3 + 6 = 9 of 30), P001 C1 C4 C7 (1 + 4 + 0 = 5), P002 C2 C5 (2 + 5 =
 * 7 of 20): P002 35 %, P000 30 %, P001 16.7 %. */
static void small_by_hand(void **state)
{
	(void)state;
	struct synth s;
	synth_make(&s, 3, 8);
	size_t m = view_rank_group(&s.f, &s.rows, 8);
	assert_int_equal(m, 3);
	const char *code[] = {"P002", "P000", "P001"}, *name[] = {"Tỉnh 2", "Tỉnh 0", "Tỉnh 1"};
	int good[] = {7, 9, 5}, ev[] = {20, 30, 30};
	for (size_t j = 0; j < 3; j++) {
		assert_string_equal(s.rows[j].code, code[j]);
		assert_string_equal(s.rows[j].name, name[j]);
		assert_int_equal(s.rows[j].good, good[j]);
		assert_int_equal(s.rows[j].evaluated, ev[j]);
		assert_true(fabs(s.rows[j].completion - (double)good[j] / ev[j]) < 1e-12);
		assert_int_equal(s.rows[j].rank, (int)j + 1);
	}
	synth_free(&s);
}

/* Ties share a rank; a family whose children are its direct children is
 * left as it was ranked. */
static void ties_and_flat(void **state)
{
	(void)state;
	struct synth s;
	synth_make(&s, 2, 14); /* P000: 0 2 4 6 1 3 5 = 21 of 70; P001 the same */
	size_t m = view_rank_group(&s.f, &s.rows, 14);
	assert_int_equal(m, 2);
	assert_string_equal(s.rows[0].code, "P000");
	assert_int_equal(s.rows[0].rank, 1);
	assert_int_equal(s.rows[1].rank, 1);
	assert_int_equal(s.rows[1].good, 21);
	synth_free(&s);
	synth_make(&s, 1, 4);
	for (size_t i = 0; i < 4; i++)
		s.f.top[i] = s.f.c[i].code;
	struct rank_row *before = s.rows;
	assert_int_equal(view_rank_group(&s.f, &s.rows, 4), 4);
	assert_ptr_equal(s.rows, before);
	synth_free(&s);
}

/* 5,000 communes under 50 provinces: the string comparisons stay under
 * 16 n log2 n (983,000; the search per row made 12.9 million), and the
 * sums are those of the communes. */
static void large_in_n_log_n(void **state)
{
	(void)state;
	enum { NTOP = 50, N = 5000 };
	struct synth s;
	synth_make(&s, NTOP, N);
	long want_good[NTOP] = {0};
	for (size_t i = 0; i < N; i++)
		want_good[i % NTOP] += (long)(i % 7);
	strcmps = 0;
	size_t m = view_rank_group(&s.f, &s.rows, N);
	long made = strcmps;
	assert_int_equal(m, NTOP);
	for (size_t j = 0; j < m; j++) {
		size_t k = (size_t)atoi(s.rows[j].code + 1);
		assert_int_equal(s.rows[j].good, want_good[k]);
		assert_int_equal(s.rows[j].evaluated, 10 * N / NTOP);
		assert_true(j == 0 || s.rows[j].completion <= s.rows[j - 1].completion);
	}
	double bound = 16.0 * N * log2(N);
	printf("string comparisons ranking %d communes under %d provinces: %ld (bound %.0f)\n", N,
	       NTOP, made, bound);
	assert_true(made > 0);
	assert_true((double)made < bound);
	synth_free(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(small_by_hand),
	        cmocka_unit_test(ties_and_flat),
	        cmocka_unit_test(large_in_n_log_n),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
