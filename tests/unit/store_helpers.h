/* store_helpers.h: what the tests on a real SQLite store share: a store
 * in a new temporary folder, units, a plan file saved for units, the
 * folder removed at the end. Include after cmocka.h. */
#ifndef CHITIEU_TEST_STORE_HELPERS_H
#define CHITIEU_TEST_STORE_HELPERS_H

#include "import.h"
#include "store.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* A store t.db in a new folder made from the template dir
 * ("/tmp/NAME-XXXXXX", which then holds the folder's name). */
static inline struct store *test_store_open(char *dir)
{
	char path[128];
	struct error err = {0};
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/t.db", dir);
	struct store *s = store_open(path, &err);
	assert_non_null(s);
	return s;
}

static inline void test_unit_add(struct store *s, const char *code, const char *kind,
                                 const char *parent, int64_t pop)
{
	struct unit_rec u = {0, (char *)code, (char *)code, (char *)kind, (char *)parent, pop, 0};
	struct problems ps = {0};
	assert_int_equal(store_unit_add(s, &u, &ps), 0);
	problems_free(&ps);
}

/* The plan of file (under tests/data) saved, labelled label, for each of
 * units[0..n). */
static inline void test_plan_save(struct store *s, const char *file, const char *label,
                                  const char *const *units, size_t n)
{
	struct plan p;
	struct error err = {0};
	char path[512];
	snprintf(path, sizeof path, "%s/%s", CHITIEU_DATA, file);
	assert_int_equal(import_file(path, &p, &err), 0);
	for (size_t k = 0; k < n; k++) {
		struct unit_rec u;
		struct import_report rep;
		assert_int_equal(store_unit_get(s, units[k], &u, &err), 0);
		assert_int_equal(store_plan_save(s, u.id, &p, label, "test", &rep, &err), 0);
		import_report_free(&rep);
		unit_rec_free(&u);
	}
	plan_free(&p);
}

/* One figure recorded (value, or num and den, or level: "" where none);
 * fails the test with the store's first problem. */
static inline void test_record(struct store *s, const char *unit, const char *ind,
                               const char *period, const char *value, const char *num,
                               const char *den, const char *level)
{
	struct obs_input in = {unit, ind, period, value, num, den, level,      "",
	                       "",   "",  1,      {0},   {0}, {0}, FIGURE_TEXT};
	struct problems ps = {0};
	if (store_record_batch(s, &in, 1, "test", "", &ps))
		fail_msg("record %s %s %s: %s", unit, ind, period, ps.n ? ps.v[0].message : "?");
	problems_free(&ps);
}

/* The store closed and its folder removed: 0, as a teardown returns. */
static inline int test_store_close(struct store *s, const char *dir)
{
	store_close(s);
	char cmd[160];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	return system(cmd);
}

#endif
