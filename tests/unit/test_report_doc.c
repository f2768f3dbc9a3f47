/* test_report_doc.c: what the report documents print, against hand values:
 * figures with at most 2 decimals and a decimal comma, shares as
 * percentages, section numbers, the period of a figure; and the unit
 * settings read, refused and written back. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "settings.h"

static void number_is(bool has, double v, const char *want)
{
	char out[40];
	rdoc_number(out, has, v);
	assert_string_equal(out, want);
}

static void test_numbers(void **state)
{
	(void)state;
	number_is(true, 63.1578947368421, "63,16");
	number_is(true, 77.72727272, "77,73");
	number_is(true, 75, "75");
	number_is(true, 2.5, "2,5");
	number_is(true, 0.125, "0,13"); /* half away from zero */
	number_is(true, -0.001, "0");   /* no "-0" */
	number_is(true, 1234567, "1234567");
	number_is(false, 5, "–");
	char p[48];
	rdoc_percent(p, 0.0273972602739726);
	assert_string_equal(p, "2,74%");
	rdoc_percent(p, 1);
	assert_string_equal(p, "100%");
}

static void test_roman_and_period(void **state)
{
	(void)state;
	assert_string_equal(rdoc_roman(1), "I");
	assert_string_equal(rdoc_roman(4), "IV");
	assert_string_equal(rdoc_roman(9), "IX");
	assert_string_equal(rdoc_roman(14), "XIV");
	assert_string_equal(rdoc_roman(0), "?");
	char out[PERIOD_NAME_SIZE];
	int dec2025 = 2025 * 12 + 11;
	rdoc_figure_period(PERIOD_QUARTER, dec2025, out);
	assert_string_equal(out, "2025-Q4");
	rdoc_figure_period(PERIOD_MONTH, dec2025, out);
	assert_string_equal(out, "2025-12");
	rdoc_figure_period(PERIOD_HALF, 2025 * 12 + 5, out);
	assert_string_equal(out, "2025-H1");
	rdoc_figure_period(PERIOD_YEAR, dec2025, out);
	assert_string_equal(out, "2025");
}

static void refused(const char *text, const char *why)
{
	struct unit_settings u;
	struct error err = {0};
	assert_int_equal(settings_parse(text, &u, &err), -1);
	assert_non_null(err.msg);
	if (!strstr(err.msg, why))
		fail_msg("%s: %s", text, err.msg);
	assert_int_equal(u.nrecipients, 0);
	err_clear(&err);
}

static void test_settings(void **state)
{
	(void)state;
	struct unit_settings u;
	struct error err = {0};
	assert_int_equal(settings_parse("{\"signer\": \"Nguyễn Văn An\", \"recipients\": [\"A\", "
	                                "\"Lưu: VT\"], \"send_day\": {\"quarter\": 17}}",
	                                &u, &err),
	                 0);
	assert_string_equal(u.signer, "Nguyễn Văn An");
	assert_int_equal(u.nrecipients, 2);
	assert_int_equal(settings_send_day(&u, PERIOD_QUARTER, "commune"), 17);
	assert_int_equal(settings_send_day(&u, PERIOD_MONTH, "commune"), 16);
	assert_int_equal(settings_send_day(&u, PERIOD_YEAR, "province"), 20);
	char *text = settings_json(&u);
	assert_string_equal(text,
	                    "{\"recipients\":[\"A\",\"Lưu: VT\"],\"send_day\":{\"quarter\":17},"
	                    "\"signer\":\"Nguyễn Văn An\"}");
	free(text);
	settings_fill_defaults(&u);
	assert_string_equal(u.authority, "TM. ỦY BAN NHÂN DÂN");
	assert_string_equal(u.position, "CHỦ TỊCH");
	assert_string_equal(u.symbol, "BC-UBND");
	assert_int_equal(u.nrecipients, 2); /* set ones are kept */
	assert_int_equal(settings_parse(NULL, &u, &err), 0);
	assert_int_equal(settings_parse("", &u, &err), 0);
	refused("{\"colour\": 1}", "khóa lạ \"colour\"");
	refused("{\"signer\": \"\"}", "signer: không được để trống");
	refused("{\"signer\": \"a\\u0007b\"}", "ký tự điều khiển");
	refused("{\"send_day\": {\"quarter\": 29}}", "send_day.quarter");
	refused("{\"send_day\": {\"week\": 3}}", "send_day.week");
	refused("{\"recipients\": [\"A\", 3]}", "recipients[1]");
	refused("[1]", "đối tượng");
	refused("{\"signer\": \"a\", \"signer\": \"b\"}", "JSON");
	char big[400];
	memset(big, 'x', sizeof big);
	big[0] = '"';
	memcpy(big + 300, "\"}", 3);
	char *doc = malloc(420);
	snprintf(doc, 420, "{\"signer\": %s", big);
	refused(doc, "quá dài");
	free(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_numbers),
	        cmocka_unit_test(test_roman_and_period),
	        cmocka_unit_test(test_settings),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
