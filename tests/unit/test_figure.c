/* test_figure.c: the one figure parser and printer (figure.h): the
 * Vietnamese text rule by hand values, ambiguous figures refused, the
 * machine form, and a property test: random doubles (every bit pattern's
 * scale, decimal and exponent forms, negative) written and read back bit
 * for bit in both forms; and the CSV cell writer's neutralisation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "figure.h"
#include "util.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static void reads(const char *s, enum figure_form form, double want)
{
	double v = -12345;
	enum figure_read_rc rc = figure_read(s, form, &v);
	if (rc != FIGURE_OK || v != want)
		fail_msg("\"%s\": rc %d, %.17g; want %.17g", s, rc, v, want);
}

static void refused(const char *s, enum figure_form form, enum figure_read_rc want)
{
	double v = -12345;
	enum figure_read_rc rc = figure_read(s, form, &v);
	if (rc != want)
		fail_msg("\"%s\": rc %d (%.17g), want %d", s, rc, v, want);
	assert_true(v == -12345); /* untouched */
}

static void test_text_rule(void **state)
{
	(void)state;
	reads("85", FIGURE_TEXT, 85);
	reads("2,5", FIGURE_TEXT, 2.5);
	reads("2.5", FIGURE_TEXT, 2.5);
	reads("2,125", FIGURE_TEXT, 2.125);
	reads("2.125,5", FIGURE_TEXT, 2125.5);
	reads("1.234.567", FIGURE_TEXT, 1234567);
	reads("1.234.567,25", FIGURE_TEXT, 1234567.25);
	reads("0.125", FIGURE_TEXT, 0.125);         /* 0.125 thousands is no number */
	reads("12345.678", FIGURE_TEXT, 12345.678); /* five digits: no group */
	reads("2.1250", FIGURE_TEXT, 2.125);
	reads("2.12", FIGURE_TEXT, 2.12);
	reads(" 85,5 ", FIGURE_TEXT, 85.5);
	reads("-3,5", FIGURE_TEXT, -3.5);
	reads("1e-3", FIGURE_TEXT, 1e-3);
	reads("1,5e-3", FIGURE_TEXT, 1.5e-3);
	reads("2.125e3", FIGURE_TEXT, 2125);
	reads("1E+20", FIGURE_TEXT, 1e20);
	reads("05", FIGURE_TEXT, 5);
	reads("0,1", FIGURE_TEXT, 0.1);
}

static void test_text_refused(void **state)
{
	(void)state;
	const char *amb[] = {"2.125", "1.234", "1.000", "999.999", "-2.125", " 2.125 "};
	for (size_t i = 0; i < N(amb); i++)
		refused(amb[i], FIGURE_TEXT, FIGURE_AMBIGUOUS);
	const char *bad[] = {"",          "abc",     "1,234.5",    "1,2,3", "1.23.4",   "12.",
	                     ".5",        ",5",      "1..2",       "1,,2",  "1.2345.6", "0.123.456",
	                     "85%",       "1 234",   "1e",         "1e+",   "1.5.e3",   "1,5,e3",
	                     "1.234,5e3", "inf",     "nan",        "-",     "--5",      "+5",
	                     "1e999",     "1.234.5", "12.345,6.7", "5 5"};
	for (size_t i = 0; i < N(bad); i++)
		refused(bad[i], FIGURE_TEXT, FIGURE_NOT_NUMBER);
	refused(NULL, FIGURE_TEXT, FIGURE_NOT_NUMBER);
	char big[200];
	memset(big, '1', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	refused(big, FIGURE_TEXT, FIGURE_NOT_NUMBER);
}

static void test_readings(void **state)
{
	(void)state;
	char d[FIGURE_SIZE], w[FIGURE_SIZE];
	figure_readings(" 2.125", d, w);
	assert_string_equal(d, "2,125");
	assert_string_equal(w, "2125");
	figure_readings("-1.234", d, w);
	assert_string_equal(d, "-1,234");
	assert_string_equal(w, "-1234");
}

static void test_machine(void **state)
{
	(void)state;
	reads("2.125", FIGURE_MACHINE, 2.125); /* no thousands in machine formats */
	reads("1.234", FIGURE_MACHINE, 1.234);
	reads("-5", FIGURE_MACHINE, -5);
	reads("1e-3", FIGURE_MACHINE, 1e-3);
	reads("2.5E+10", FIGURE_MACHINE, 2.5e10);
	reads("0.10000000000000001", FIGURE_MACHINE, 0.1);
	const char *bad[] = {"2,5", "1.234.567", "1,234", ".5", "5.",
	                     "+5",  "abc",       "",      "1e", "0x10"};
	for (size_t i = 0; i < N(bad); i++)
		refused(bad[i], FIGURE_MACHINE, FIGURE_NOT_NUMBER);
}

static void test_write(void **state)
{
	(void)state;
	char out[FIGURE_SIZE];
	const struct {
		double v;
		const char *machine, *vi;
	} cases[] = {
	        {2.125, "2.125", "2,125"},
	        {0.1, "0.1", "0,1"},
	        {1000, "1000", "1000"},
	        {-5, "-5", "-5"},
	        {1e-3, "0.001", "0,001"},
	        {1e20, "1e+20", "1e+20"},
	        {1.5e-7, "1.5e-07", "1,5e-07"},
	        {1234567.25, "1234567.25", "1234567,25"},
	        {0.30000000000000004, "0.30000000000000004", "0,30000000000000004"},
	};
	for (size_t i = 0; i < N(cases); i++) {
		figure_write(cases[i].v, out);
		assert_string_equal(out, cases[i].machine);
		figure_write_vi(cases[i].v, out);
		assert_string_equal(out, cases[i].vi);
	}
}

/* xorshift64*: the same values on every run. */
static uint64_t next(uint64_t *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 2685821657736338717ull;
}

/* A random finite double: any bit pattern, or a decimal of a few digits
 * (the figures people type), or an integer. */
static double random_figure(uint64_t *s)
{
	uint64_t r = next(s);
	double v;
	switch (r % 4) {
	case 0:
		do {
			uint64_t bits = next(s);
			memcpy(&v, &bits, sizeof v);
		} while (!isfinite(v));
		return v;
	case 1:
		return (double)(int64_t)(next(s) % 2000001) / 1000.0 - 1000.0;
	case 2:
		return (double)(next(s) >> (next(s) % 64));
	default:
		return ldexp((double)(next(s) >> 11), (int)(next(s) % 200) - 150);
	}
}

static void same_bits(double a, double b, const char *text)
{
	if (memcmp(&a, &b, sizeof a))
		fail_msg("%.17g written \"%s\" read back as %.17g", a, text, b);
}

static void shows(double v, const char *want)
{
	char out[FIGURE_SIZE];
	figure_show_vi(v, out);
	assert_string_equal(out, want);
}

static void test_show(void **state)
{
	(void)state;
	shows(0, "0");
	shows(2.5, "2,5");
	shows(999, "999");
	shows(1000, "1.000");
	shows(2125, "2.125");
	shows(-2125.5, "-2.125,5");
	shows(1234567.25, "1.234.567,25");
	shows(-100000, "-100.000");
	shows(0.125, "0,125");
	shows(1e22, "1e+22");
}

static void test_round_trip_property(void **state)
{
	(void)state;
	uint64_t seed = 0x9e3779b97f4a7c15ull;
	for (int i = 0; i < 200000; i++) {
		double v = random_figure(&seed), back = NAN;
		char text[FIGURE_SIZE];
		figure_write(v, text);
		assert_int_equal(figure_read(text, FIGURE_MACHINE, &back), FIGURE_OK);
		same_bits(v, back, text);
		assert_true(strlen(text) <= 24);
		/* What the web form shows reads back the same by the text rule. */
		figure_write_vi(v, text);
		back = NAN;
		assert_int_equal(figure_read(text, FIGURE_TEXT, &back), FIGURE_OK);
		same_bits(v, back, text);
	}
}

static char *cell(void (*put)(struct buf *, const char *), const char *s)
{
	struct buf b = BUF_INIT;
	put(&b, s);
	return buf_detach(&b);
}

static void test_csv_cells(void **state)
{
	(void)state;
	const struct {
		const char *in, *text, *quoted;
	} cases[] = {
	        {"=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"",
	         "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""},
	        {"=cmd|' /C calc'!A0", "\"'=cmd|' /C calc'!A0\"", "\"'=cmd|' /C calc'!A0\""},
	        {"=2+5", "\"'=2+5\"", "\"'=2+5\""},
	        {"+1", "\"'+1\"", "\"'+1\""},
	        {"-1+2", "\"'-1+2\"", "\"'-1+2\""},
	        {"@SUM(A1)", "\"'@SUM(A1)\"", "\"'@SUM(A1)\""},
	        {"\tx", "\"'\tx\"", "\"'\tx\""},
	        {"\rx", "\"'\rx\"", "\"'\rx\""},
	        {"-", "-", "\"-\""}, /* no target: not a formula */
	        {"Khá", "Khá", "\"Khá\""},
	        {"a,b", "\"a,b\"", "\"a,b\""},
	        {"", "", "\"\""},
	        {"a=1", "a=1", "\"a=1\""},
	};
	for (size_t i = 0; i < N(cases); i++) {
		char *t = cell(csv_put_text, cases[i].in), *q = cell(csv_put_quoted, cases[i].in);
		assert_string_equal(t, cases[i].text);
		assert_string_equal(q, cases[i].quoted);
		free(t);
		free(q);
	}
	/* Numbers stay numbers: bare, exact, negative as it is. */
	struct buf b = BUF_INIT;
	csv_put_number(&b, -5);
	buf_putc(&b, ',');
	csv_put_number(&b, 2.125);
	buf_putc(&b, ',');
	csv_put_number(&b, -1e-300);
	assert_string_equal(buf_str(&b), "-5,2.125,-1e-300");
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_text_rule), cmocka_unit_test(test_text_refused),
	        cmocka_unit_test(test_readings),  cmocka_unit_test(test_machine),
	        cmocka_unit_test(test_write),     cmocka_unit_test(test_round_trip_property),
	        cmocka_unit_test(test_csv_cells), cmocka_unit_test(test_show),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
