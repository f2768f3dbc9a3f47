/* test_hold_pack.c: a hold's first build packs each figure it reads once
 * (issue 13: packed as read, then sorted and lifted in place, never
 * unpacked and packed again), and keeps what view_family gives: the same
 * children with the same figures, lifted to the root's codes, in the same
 * order. A country and two provinces on plan 004, three communes on it
 * and one on plan 000 (only some of its indicators linked up), figures
 * recorded out of order (periods backwards, codes against their order). */
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
static size_t recorded;

static void link_up(const char *child)
{
	struct unit_rec u;
	struct error err = {0};
	size_t proposed, confirmed;
	assert_int_equal(store_unit_get(s, child, &u, &err), 0);
	assert_int_equal(store_link_propose(s, u.id, NULL, "test", &proposed, &confirmed, &err), 0);
	unit_rec_free(&u);
}

static void confirm_sure(const char *parent)
{
	struct unit_rec u;
	struct error err = {0};
	size_t n;
	assert_int_equal(store_unit_get(s, parent, &u, &err), 0);
	assert_int_equal(store_link_confirm_sure(s, u.id, LINK_SURE, "test", &n, &err), 0);
	unit_rec_free(&u);
}

/* Figures of commune u, months backwards and codes against their order
 * (II.7 before I.3), a ratio and a level (of level_code) among them. */
static void record_commune(const char *u, int seed, const char *level_code)
{
	char v[32], per[16];
	for (int m = 12; m >= 1; m--) {
		snprintf(per, sizeof per, "2025-%02d", m);
		snprintf(v, sizeof v, "%d.%d", (seed * 7 + m * 13) % 100, m);
		test_record(s, u, "II.7", per, v, "", "", "");
		test_record(s, u, "II.1", per, v, "", "", "");
		snprintf(v, sizeof v, "%d", seed + m);
		test_record(s, u, "I.3", per, "", v, "400", "");
		recorded += 3;
	}
	test_record(s, u, level_code, "2025-06", "", "", "", "Khá");
	test_record(s, u, "I.1", "2025-Q2", "5", "", "", "");
	recorded += 2;
}

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/chitieu-hpack-XXXXXX");
	s = test_store_open(dir);
	test_unit_add(s, "VN", "country", NULL, 0);
	test_unit_add(s, "P1", "province", "VN", 0);
	test_unit_add(s, "P2", "province", "VN", 0);
	test_unit_add(s, "a1", "commune", "P1", 1200);
	test_unit_add(s, "a2", "commune", "P1", 3400);
	test_unit_add(s, "b1", "commune", "P2", 900);
	test_unit_add(s, "b2", "commune", "P2", 2500);
	const char *same[] = {"VN", "P1", "P2", "a1", "a2", "b2"}, *other[] = {"b1"};
	test_plan_save(s, "plans/004_5f0b3916b5e2f87f.txt", "004", same, 6);
	test_plan_save(s, "plans/000_03b77514fb71b314.txt", "000", other, 1);
	const char *kids[] = {"P1", "P2", "a1", "a2", "b1", "b2"};
	for (size_t k = 0; k < sizeof kids / sizeof *kids; k++)
		link_up(kids[k]);
	confirm_sure("VN");
	confirm_sure("P1");
	confirm_sure("P2");
	record_commune("b2", 4, "II.11");
	record_commune("a2", 2, "II.11");
	record_commune("b1", 3, "II.12"); /* plan 000's level */
	record_commune("a1", 1, "II.11");
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	return test_store_close(s, dir);
}

static void same_figure(const struct obs_rec *a, const struct obs_rec *b)
{
	assert_string_equal(a->period, b->period);
	assert_string_equal(a->code, b->code);
	assert_int_equal(a->has_value, b->has_value);
	assert_int_equal(a->has_ratio, b->has_ratio);
	assert_int_equal(a->has_level, b->has_level);
	assert_true(a->value == b->value && a->num == b->num && a->den == b->den);
	if (a->level)
		assert_string_equal(a->level, b->level);
	else
		assert_null(b->level);
}

/* Every figure under the country read from the store is packed once:
 * the pool's pack_add calls are the figures read, not read + held. */
static void packs_each_figure_once(void **state)
{
	(void)state;
	struct hold *h;
	struct error err = {0};
	assert_int_equal(hold_load(s, "VN", &h, &err), 0);
	assert_true(h->f.lifted);
	assert_int_equal(h->f.n, 4);
	size_t figures, bytes;
	hold_figures(h, &figures, &bytes);
	assert_true(figures > recorded / 2); /* the linked ones of b1 and all of the others */
	assert_true(figures <= recorded);
	assert_int_equal(h->f.pool->added, recorded);
	hold_free(h);
}

/* What the hold keeps of each child is what view_family gives at months. */
static void held_as_view_family(void **state)
{
	(void)state;
	static const char *const roots[] = {"VN", "P1", "P2"};
	for (size_t r = 0; r < sizeof roots / sizeof *roots; r++) {
		struct hold *h;
		struct family f;
		struct error err = {0};
		assert_int_equal(hold_load(s, roots[r], &h, &err), 0);
		assert_int_equal(view_family(s, roots[r], PERIOD_MONTH, &f, &err), 0);
		assert_int_equal(h->f.n, f.n);
		size_t total = 0;
		for (size_t i = 0; i < f.n; i++) {
			assert_string_equal(h->f.c[i].code, f.c[i].code);
			const struct obs_rec *o;
			size_t n = hold_child_obs(h, i, &o);
			assert_int_equal(n, f.c[i].nobs);
			for (size_t j = 0; j < n; j++)
				same_figure(&f.c[i].obs[j], &o[j]);
			for (size_t j = 1; j < n; j++) /* ordered by period, then code */
				assert_true(strcmp(o[j - 1].period, o[j].period) <= 0);
			total += n;
		}
		assert_true(total > 0);
		view_family_free(&f);
		hold_free(h);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(packs_each_figure_once),
	        cmocka_unit_test(held_as_view_family),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
