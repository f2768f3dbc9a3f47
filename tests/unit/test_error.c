/* test_error.c: the one table of error codes (error.h): every code has its
 * own name, an HTTP status and an exit status; err_set keeps the whole
 * message, however long; a code's name leads back to the code. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "error.h"

static void test_codes_unique(void **state)
{
	(void)state;
	for (int i = ERR_NONE + 1; i < ERR_COUNT; i++) {
		const char *a = err_name((enum err_code)i);
		assert_non_null(a);
		assert_int_equal(strncmp(a, "E_", 2), 0);
		for (int j = i + 1; j < ERR_COUNT; j++)
			if (!strcmp(a, err_name((enum err_code)j)))
				fail_msg("%s named twice (%d, %d)", a, i, j);
	}
	assert_true(ERR_COUNT > 60);
}

static void test_statuses(void **state)
{
	(void)state;
	for (int i = ERR_NONE; i < ERR_COUNT; i++) {
		enum err_code c = (enum err_code)i;
		int http = err_http_status(c), exit = err_exit_status(c);
		if (http < 400 || http > 599)
			fail_msg("%s: HTTP %d", err_name(c), http);
		if (exit < 1 || exit > 3)
			fail_msg("%s: exit %d", err_name(c), exit);
		if (err_retry_after(c) < 0)
			fail_msg("%s: Retry-After %d", err_name(c), err_retry_after(c));
	}
	/* The statuses users have always seen. */
	assert_int_equal(err_http_status(ERR_NOT_FOUND), 404);
	assert_int_equal(err_http_status(ERR_UNKNOWN_UNIT), 404);
	assert_int_equal(err_http_status(ERR_UNKNOWN_INDICATOR), 400);
	assert_int_equal(err_http_status(ERR_FORBIDDEN), 403);
	assert_int_equal(err_http_status(ERR_CONFIRM), 409);
	assert_int_equal(err_http_status(ERR_DOCUMENT), 422);
	assert_int_equal(err_http_status(ERR_TOO_MANY), 429);
	assert_int_equal(err_retry_after(ERR_TOO_MANY), 30);
	assert_int_equal(err_http_status(ERR_DB), 500);
	assert_int_equal(err_http_status(ERR_PERIOD), 400);
	assert_int_equal(err_exit_status(ERR_PERIOD), 2);
	/* The database's passing failures: 503, try again later (exit 3),
	 * with a fixed message and the CLI's advice. */
	const enum err_code faults[] = {ERR_BUSY, ERR_DISK_FULL, ERR_UNAVAILABLE};
	for (size_t i = 0; i < 3; i++) {
		assert_int_equal(err_http_status(faults[i]), 503);
		assert_int_equal(err_exit_status(faults[i]), 3);
		assert_true(err_retry_after(faults[i]) > 0);
		assert_non_null(err_public(faults[i]));
		assert_non_null(err_advice(faults[i]));
	}
	assert_int_equal(err_retry_after(ERR_DISK_FULL), 60);
	assert_null(err_public(ERR_NOT_FOUND));
	assert_null(err_advice(ERR_DB));
	/* Out of the table: the database's (500), never a crash. */
	assert_string_equal(err_name((enum err_code) - 1), "E_DB");
	assert_string_equal(err_name(ERR_COUNT), "E_DB");
}

static void test_names_round_trip(void **state)
{
	(void)state;
	for (int i = ERR_NONE + 1; i < ERR_COUNT; i++)
		assert_int_equal(err_from_name(err_name((enum err_code)i)), i);
	assert_int_equal(err_from_name("E_NO_PLAN"), ERR_NO_PLAN);
	assert_int_equal(err_from_name("E1104"), ERR_NONE); /* a DHIS2 code */
	assert_int_equal(err_from_name("e_no_plan"), ERR_NONE);
	assert_int_equal(err_from_name(""), ERR_NONE);
	assert_int_equal(err_from_name(NULL), ERR_NONE);
}

static void test_set_and_clear(void **state)
{
	(void)state;
	struct error e = {0};
	assert_false(err_is(&e));
	err_set(&e, ERR_PERIOD, "\"%s\": tháng phải từ %02d đến %d", "2025-13", 1, 12);
	assert_true(err_is(&e));
	assert_int_equal(e.code, ERR_PERIOD);
	assert_string_equal(e.msg, "\"2025-13\": tháng phải từ 01 đến 12");
	/* A second error replaces the first (no leak under ASan). */
	err_set(&e, ERR_DB, "%s", "lỗi cơ sở dữ liệu");
	assert_int_equal(e.code, ERR_DB);
	assert_string_equal(e.msg, "lỗi cơ sở dữ liệu");
	err_prefix(&e, "dòng %d: ", 7);
	assert_int_equal(e.code, ERR_DB);
	assert_string_equal(e.msg, "dòng 7: lỗi cơ sở dữ liệu");
	err_clear(&e);
	assert_false(err_is(&e));
	assert_null(e.msg);
	assert_int_equal(e.code, ERR_NONE);
	err_clear(&e); /* twice is fine */
	err_set(NULL, ERR_DB, "nothing happens");
	err_clear(NULL);
	err_prefix(NULL, "x");
}

/* A row/column message with a long cell of Vietnamese text is kept whole. */
static void test_long_message(void **state)
{
	(void)state;
	size_t n = 20000;
	const char *word = "Chỉ tiêu số hộ được sử dụng nước sạch hợp vệ sinh; ";
	char *cell = calloc(n + 1, 1);
	while (strlen(cell) + strlen(word) < n)
		strcat(cell, word);
	struct error e = {0};
	err_set(&e, ERR_SETTINGS, "bảng targets, dòng %d, cột %s: \"%s\" không phải số", 123456,
	        "giá_trị_kế_hoạch", cell);
	const char *want_head = "bảng targets, dòng 123456, cột giá_trị_kế_hoạch: \"";
	assert_int_equal(strncmp(e.msg, want_head, strlen(want_head)), 0);
	assert_int_equal(strlen(e.msg),
	                 strlen(want_head) + strlen(cell) + strlen("\" không phải số"));
	assert_string_equal(e.msg + strlen(e.msg) - strlen("\" không phải số"), "\" không phải số");
	err_clear(&e);
	free(cell);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_codes_unique),     cmocka_unit_test(test_statuses),
	        cmocka_unit_test(test_names_round_trip), cmocka_unit_test(test_set_and_clear),
	        cmocka_unit_test(test_long_message),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
