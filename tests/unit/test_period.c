/* test_period.c: reporting periods: every form parses and formats back
 * canonically, bad forms are refused with a reason that says why, and months,
 * order, children and the Decree 09/2019 cut-off windows hold across years. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "period.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static struct period P(enum period_kind kind, int year, int index) {
	struct period p = {kind, year, index};
	return p;
}

static struct period
parsed(const char *s)
{
	struct period p;
	const char *why = NULL;
	if (period_parse(s, &p, &why) != 0)
		fail_msg("%s: %s", s, why);
	return p;
}

static void assert_period(const struct period *p, enum period_kind kind, int year, int index)
{
	assert_int_equal(p->kind, kind);
	assert_int_equal(p->year, year);
	assert_int_equal(p->index, index);
}

static void assert_name(const struct period *p, const char *want)
{
	char buf[PERIOD_NAME_SIZE];
	period_format(p, buf, sizeof buf);
	assert_string_equal(buf, want);
}

/* Month number of "YYYY-MM" for the expectations. */
static int mn(int year, int month)
{
	return year * 12 + month - 1;
}

static void test_parse_forms(void **state)
{
	static const struct {
		const char *in, *canon;
		enum period_kind kind;
		int year, index;
	} cases[] = {
	        {"2025-05", "2025-05", PERIOD_MONTH, 2025, 5},
	        {"2025-5", "2025-05", PERIOD_MONTH, 2025, 5},
	        {"2025-01", "2025-01", PERIOD_MONTH, 2025, 1},
	        {"2025-12", "2025-12", PERIOD_MONTH, 2025, 12},
	        {"2025-Q2", "2025-Q2", PERIOD_QUARTER, 2025, 2},
	        {"2025-q4", "2025-Q4", PERIOD_QUARTER, 2025, 4},
	        {"2025-H1", "2025-H1", PERIOD_HALF, 2025, 1},
	        {"2025-h2", "2025-H2", PERIOD_HALF, 2025, 2},
	        {"2025-9M", "2025-9M", PERIOD_NINE_MONTHS, 2025, 0},
	        {"2025-9m", "2025-9M", PERIOD_NINE_MONTHS, 2025, 0},
	        {"2025", "2025", PERIOD_YEAR, 2025, 0},
	        {"2000", "2000", PERIOD_YEAR, 2000, 0},
	        {"2100", "2100", PERIOD_YEAR, 2100, 0},
	        {"2000-01", "2000-01", PERIOD_MONTH, 2000, 1},
	        {"2100-12", "2100-12", PERIOD_MONTH, 2100, 12},
	        {"2100-Q4", "2100-Q4", PERIOD_QUARTER, 2100, 4},
	};
	(void)state;
	for (size_t i = 0; i < N(cases); i++) {
		struct period p = parsed(cases[i].in);
		assert_period(&p, cases[i].kind, cases[i].year, cases[i].index);
		assert_true(period_valid(&p));
		assert_name(&p, cases[i].canon);
		struct period q = parsed(cases[i].canon);
		assert_memory_equal(&p, &q, sizeof p);
	}
}

/* Every period of a few years, including both ends of the accepted range,
 * formats to a name that parses back to it. */
static void test_round_trip_all(void **state)
{
	static const int years[] = {2000, 2024, 2025, 2100};
	(void)state;
	for (size_t y = 0; y < N(years); y++) {
		struct period year = P(PERIOD_YEAR, years[y], 0), all[32];
		for (int k = PERIOD_MONTH; k <= PERIOD_YEAR; k++) {
			int n = period_children(&year, (enum period_kind)k, all, (int)N(all));
			assert_true(n >= 1);
			for (int i = 0; i < n; i++) {
				char buf[PERIOD_NAME_SIZE];
				period_format(&all[i], buf, sizeof buf);
				struct period back = parsed(buf);
				assert_memory_equal(&back, &all[i], sizeof back);
			}
		}
	}
}

static void test_parse_bad(void **state)
{
	static char long_digits[1001], long_tail[4096];
	memset(long_digits, '2', sizeof long_digits - 1);
	memcpy(long_tail, "2025-05", 7);
	memset(long_tail + 7, '0', sizeof long_tail - 8);
	const struct {
		const char *in, *word;
	} cases[] = {
	        {"", "trống"},
	        {"2025-13", "tháng"},
	        {"2025-00", "tháng"},
	        {"2025-0", "tháng"},
	        {"2025-123", "tháng"},
	        {"2025-Q5", "quý"},
	        {"2025-Q0", "quý"},
	        {"2025-Q", "quý"},
	        {"2025-Q02", "quý"},
	        {"2025-H3", "H2"},
	        {"2025-H0", "H1"},
	        {"2025-H", "6 tháng"},
	        {"2025-8M", "9M"},
	        {"2025-6M", "H1"},
	        {"2025-09M", "9M"},
	        {"2025-M", "dạng"},
	        {"1999", "năm"},
	        {"2101", "năm"},
	        {"1999-05", "năm"},
	        {"0025", "năm"},
	        {"20250", "năm"},
	        {"205", "năm"},
	        {"05-2025", "năm"},
	        {"2025-05x", "thừa"},
	        {"2025-Q2x", "thừa"},
	        {"2025-H1-", "thừa"},
	        {"2025-9M1", "thừa"},
	        {"2025-05-01", "thừa"},
	        {" 2025", "khoảng trắng"},
	        {"2025 ", "khoảng trắng"},
	        {"2025-05\n", "khoảng trắng"},
	        {"\t2025-Q2", "khoảng trắng"},
	        {"２０２５", "toàn khổ"},
	        {"2025–05", "'-'"}, /* en dash */
	        {"Quý 2/2025", "toàn khổ"},
	        {"2025-", "dạng"},
	        {"2025/05", "dạng"},
	        {"2025 05", "dạng"},
	        {"2025--05", "dạng"},
	        {"Q2-2025", "dạng"},
	        {"-2025", "dạng"},
	        {"+2025", "dạng"},
	        {"năm", "toàn khổ"},
	        {"abcd", "dạng"},
	        {"2025-X1", "dạng"},
	        {"2025-05000000000", "tháng"}, /* 16 bytes: still read */
	        {"2025-050000000000", "quá dài"},
	        {long_digits, "quá dài"},
	        {long_tail, "quá dài"},
	};
	(void)state;
	for (size_t i = 0; i < N(cases); i++) {
		struct period p = P(PERIOD_MONTH, 1, 1);
		const char *why = NULL;
		if (period_parse(cases[i].in, &p, &why) != -1)
			fail_msg("accepted \"%s\"", cases[i].in);
		assert_non_null(why);
		if (!strstr(why, cases[i].word))
			fail_msg("\"%s\": reason \"%s\" lacks \"%s\"", cases[i].in, why,
			         cases[i].word);
		/* *p is left alone on error. */
		assert_period(&p, PERIOD_MONTH, 1, 1);
	}
}

static void test_parse_null_and_why(void **state)
{
	struct period p;
	const char *why = NULL;
	(void)state;
	assert_int_equal(period_parse(NULL, &p, &why), -1);
	assert_non_null(strstr(why, "trống"));
	/* why may be NULL. */
	assert_int_equal(period_parse("2025-13", &p, NULL), -1);
	assert_int_equal(period_parse("2025-12", &p, NULL), 0);
	/* The reasons quoted in the header. */
	period_parse("2025-13", &p, &why);
	assert_string_equal(why, "tháng phải từ 01 đến 12");
	period_parse("1999", &p, &why);
	assert_non_null(strstr(why, "năm phải từ 2000 đến 2100"));
	period_parse("2025-", &p, &why);
	assert_string_equal(why, "không đúng dạng kỳ báo cáo: dùng 2025-05, 2025-Q2, 2025-H1, "
	                         "2025-9M hoặc 2025");
}

static void test_format_edges(void **state)
{
	static const struct period bad[] = {
	        {PERIOD_MONTH, 2025, 0},        {PERIOD_MONTH, 2025, 13},
	        {PERIOD_QUARTER, 2025, 5},      {PERIOD_HALF, 2025, 3},
	        {PERIOD_NINE_MONTHS, 2025, 1},  {PERIOD_YEAR, 2025, 1},
	        {PERIOD_YEAR, 1999, 0},         {PERIOD_YEAR, 2101, 0},
	        {(enum period_kind)7, 2025, 1}, {(enum period_kind) - 1, 2025, 1},
	};
	char buf[PERIOD_NAME_SIZE];
	(void)state;
	for (size_t i = 0; i < N(bad); i++) {
		assert_false(period_valid(&bad[i]));
		memcpy(buf, "xxxx", 5);
		period_format(&bad[i], buf, sizeof buf);
		assert_string_equal(buf, "");
	}
	struct period q = P(PERIOD_QUARTER, 2025, 2);
	period_format(&q, buf, 5); /* truncated like snprintf */
	assert_string_equal(buf, "2025");
	memcpy(buf, "keep", 5);
	period_format(&q, buf, 0);
	assert_string_equal(buf, "keep");
	period_format(&q, buf, 8);
	assert_string_equal(buf, "2025-Q2");
}

static void test_months(void **state)
{
	static const struct {
		const char *in;
		int y1, m1, y2, m2;
	} cases[] = {
	        {"2025-05", 2025, 5, 2025, 5},   {"2025-01", 2025, 1, 2025, 1},
	        {"2025-12", 2025, 12, 2025, 12}, {"2025-Q1", 2025, 1, 2025, 3},
	        {"2025-Q2", 2025, 4, 2025, 6},   {"2025-Q4", 2025, 10, 2025, 12},
	        {"2025-H1", 2025, 1, 2025, 6},   {"2025-H2", 2025, 7, 2025, 12},
	        {"2025-9M", 2025, 1, 2025, 9},   {"2025", 2025, 1, 2025, 12},
	        {"2000-01", 2000, 1, 2000, 1},   {"2100", 2100, 1, 2100, 12},
	};
	(void)state;
	for (size_t i = 0; i < N(cases); i++) {
		struct period p = parsed(cases[i].in);
		int first = -5, last = -5;
		period_months(&p, &first, &last);
		assert_int_equal(first, mn(cases[i].y1, cases[i].m1));
		assert_int_equal(last, mn(cases[i].y2, cases[i].m2));
	}
	/* Across the year boundary, months are consecutive numbers. */
	struct period dec = parsed("2024-12"), jan = parsed("2025-01");
	int f1, l1, f2, l2;
	period_months(&dec, &f1, &l1);
	period_months(&jan, &f2, &l2);
	assert_int_equal(f2, l1 + 1);
	struct period bad = P(PERIOD_QUARTER, 2025, 9);
	period_months(&bad, &f1, &l1);
	assert_int_equal(f1, 0);
	assert_int_equal(l1, -1);
}

static void test_within(void **state)
{
	static const struct {
		const char *a, *b;
		bool want;
	} cases[] = {
	        {"2025-05", "2025-Q2", true},  {"2025-05", "2025-H1", true},
	        {"2025-05", "2025-9M", true},  {"2025-05", "2025", true},
	        {"2025-05", "2025-05", true},  {"2025", "2025", true},
	        {"2025-Q1", "2025-9M", true},  {"2025-Q3", "2025-9M", true},
	        {"2025-H1", "2025-9M", true},  {"2025-9M", "2025", true},
	        {"2025-Q3", "2025-H2", true},  {"2025-09", "2025-9M", true},
	        {"2025-10", "2025-9M", false}, {"2025-Q4", "2025-9M", false},
	        {"2025-H2", "2025-9M", false}, {"2025-06", "2025-Q3", false},
	        {"2025-07", "2025-H1", false}, {"2025-Q2", "2025-05", false},
	        {"2025", "2025-9M", false},    {"2024-12", "2025", false},
	        {"2024-12", "2025-Q1", false}, {"2025-01", "2024", false},
	        {"2024-Q4", "2025-H1", false}, {"2025-05", "2024-Q2", false},
	};
	(void)state;
	for (size_t i = 0; i < N(cases); i++) {
		struct period a = parsed(cases[i].a), b = parsed(cases[i].b);
		if (period_within(&a, &b) != cases[i].want)
			fail_msg("%s within %s: want %d", cases[i].a, cases[i].b, cases[i].want);
	}
	struct period bad = P(PERIOD_MONTH, 2025, 13), year = parsed("2025");
	assert_false(period_within(&bad, &year));
	assert_false(period_within(&year, &bad));
}

static int cmp_qsort(const void *a, const void *b)
{
	return period_cmp(a, b);
}

static void test_cmp(void **state)
{
	/* The order wanted: by last month, then shorter first. */
	static const char *const sorted[] = {
	        "2024-11", "2024-12", "2024-Q4", "2024-H2", "2024",    "2025-01", "2025-02",
	        "2025-03", "2025-Q1", "2025-06", "2025-Q2", "2025-H1", "2025-09", "2025-Q3",
	        "2025-9M", "2025-12", "2025-Q4", "2025-H2", "2025",    "2026-01",
	};
	/* Shuffled by a fixed permutation. */
	static const int perm[] = {7,  19, 3,  12, 0, 15, 9, 18, 4, 1,
	                           14, 6,  11, 17, 2, 10, 5, 16, 8, 13};
	struct period v[N(sorted)];
	(void)state;
	for (size_t i = 0; i < N(sorted); i++)
		v[i] = parsed(sorted[perm[i]]);
	qsort(v, N(v), sizeof v[0], cmp_qsort);
	for (size_t i = 0; i < N(sorted); i++)
		assert_name(&v[i], sorted[i]);
	for (size_t i = 0; i < N(v); i++)
		for (size_t j = 0; j < N(v); j++) {
			int want = i < j ? -1 : i > j ? 1 : 0;
			assert_int_equal(period_cmp(&v[i], &v[j]), want);
		}
	/* Invalid periods sort first; equal ones compare 0. */
	struct period bad = P(PERIOD_MONTH, 1999, 1), bad2 = P(PERIOD_MONTH, 1999, 2);
	assert_int_equal(period_cmp(&bad, &v[0]), -1);
	assert_int_equal(period_cmp(&v[0], &bad), 1);
	assert_int_equal(period_cmp(&bad, &bad2), -1);
	assert_int_equal(period_cmp(&bad, &bad), 0);
}

static void assert_children(const char *parent, enum period_kind finer, const char *want)
{
	struct period p = parsed(parent), out[16];
	int n = period_children(&p, finer, out, (int)N(out));
	char got[256] = "";
	for (int i = 0; i < n; i++) {
		char buf[PERIOD_NAME_SIZE];
		period_format(&out[i], buf, sizeof buf);
		if (i)
			strncat(got, " ", sizeof got - strlen(got) - 1);
		strncat(got, buf, sizeof got - strlen(got) - 1);
	}
	if (strcmp(got, want) != 0)
		fail_msg("children of %s (kind %d): got \"%s\", want \"%s\"", parent, finer, got,
		         want);
}

static void test_children(void **state)
{
	(void)state;
	assert_children("2025-Q2", PERIOD_MONTH, "2025-04 2025-05 2025-06");
	assert_children("2025-Q4", PERIOD_MONTH, "2025-10 2025-11 2025-12");
	assert_children("2025", PERIOD_QUARTER, "2025-Q1 2025-Q2 2025-Q3 2025-Q4");
	assert_children("2025", PERIOD_HALF, "2025-H1 2025-H2");
	assert_children("2025", PERIOD_NINE_MONTHS, "2025-9M");
	assert_children("2025", PERIOD_YEAR, "2025");
	assert_children("2025-9M", PERIOD_QUARTER, "2025-Q1 2025-Q2 2025-Q3");
	assert_children("2025-9M", PERIOD_HALF, "2025-H1");
	assert_children("2025-9M", PERIOD_MONTH,
	                "2025-01 2025-02 2025-03 2025-04 2025-05 "
	                "2025-06 2025-07 2025-08 2025-09");
	assert_children("2025-H2", PERIOD_QUARTER, "2025-Q3 2025-Q4");
	assert_children("2025-H1", PERIOD_MONTH, "2025-01 2025-02 2025-03 2025-04 2025-05 2025-06");
	assert_children("2100", PERIOD_MONTH,
	                "2100-01 2100-02 2100-03 2100-04 2100-05 2100-06 "
	                "2100-07 2100-08 2100-09 2100-10 2100-11 2100-12");
	assert_children("2025-05", PERIOD_MONTH, "2025-05");
	assert_children("2025-05", PERIOD_QUARTER, "");
	assert_children("2025-Q2", PERIOD_YEAR, "");
	assert_children("2025-H2", PERIOD_NINE_MONTHS, "");

	/* At most n are written. */
	struct period y = parsed("2025"), out[3];
	memset(out, 0, sizeof out);
	assert_int_equal(period_children(&y, PERIOD_MONTH, out, 2), 2);
	assert_name(&out[1], "2025-02");
	assert_int_equal(out[2].year, 0);
	assert_int_equal(period_children(&y, PERIOD_MONTH, out, 0), 0);
	assert_int_equal(period_children(&y, PERIOD_MONTH, out, -1), 0);
	struct period bad = P(PERIOD_HALF, 2025, 3);
	assert_int_equal(period_children(&bad, PERIOD_MONTH, out, 3), 0);
	assert_int_equal(period_children(&y, (enum period_kind)9, out, 3), 0);
}

static void assert_window(const char *name, int cutoff, const char *start, const char *end)
{
	struct period p = parsed(name);
	char s[11], e[11];
	period_window(&p, cutoff, s, e);
	if (strcmp(s, start) != 0 || strcmp(e, end) != 0)
		fail_msg("%s (cut-off %d): got %s..%s, want %s..%s", name, cutoff, s, e, start,
		         end);
}

static void test_window_decree(void **state)
{
	(void)state;
	assert_window("2025-05", 15, "2025-04-15", "2025-05-14");
	assert_window("2025-01", 15, "2024-12-15", "2025-01-14");
	assert_window("2025-12", 15, "2025-11-15", "2025-12-14");
	assert_window("2025-03", 15, "2025-02-15", "2025-03-14");
	assert_window("2025-Q1", 15, "2024-12-15", "2025-03-14");
	assert_window("2025-Q2", 15, "2025-03-15", "2025-06-14");
	assert_window("2025-Q4", 15, "2025-09-15", "2025-12-14");
	assert_window("2025-H1", 15, "2024-12-15", "2025-06-14");
	assert_window("2025-H2", 15, "2025-06-15", "2025-12-14");
	assert_window("2025-9M", 15, "2024-12-15", "2025-09-14");
	assert_window("2025", 15, "2024-12-15", "2025-12-14");
	assert_window("2000-01", 15, "1999-12-15", "2000-01-14");
	assert_window("2100", 15, "2099-12-15", "2100-12-14");
	/* Another province's day. */
	assert_window("2025-05", 20, "2025-04-20", "2025-05-19");
	assert_window("2025-03", 28, "2025-02-28", "2025-03-27");
	assert_window("2025-03", 2, "2025-02-02", "2025-03-01");
}

static void test_window_calendar(void **state)
{
	(void)state;
	assert_window("2025-05", 1, "2025-05-01", "2025-05-31");
	assert_window("2025-04", 1, "2025-04-01", "2025-04-30");
	assert_window("2025-02", 1, "2025-02-01", "2025-02-28");
	assert_window("2024-02", 1, "2024-02-01", "2024-02-29");
	assert_window("2100-02", 1, "2100-02-01", "2100-02-28");
	assert_window("2000-02", 1, "2000-02-01", "2000-02-29");
	assert_window("2025-Q1", 1, "2025-01-01", "2025-03-31");
	assert_window("2025-H2", 1, "2025-07-01", "2025-12-31");
	assert_window("2025-9M", 1, "2025-01-01", "2025-09-30");
	assert_window("2025", 1, "2025-01-01", "2025-12-31");
}

static void test_window_edges(void **state)
{
	(void)state;
	/* cutoff_day is clamped into 1..28. */
	assert_window("2025-05", 0, "2025-05-01", "2025-05-31");
	assert_window("2025-05", -7, "2025-05-01", "2025-05-31");
	assert_window("2025-05", 31, "2025-04-28", "2025-05-27");
	assert_window("2025-05", 1000, "2025-04-28", "2025-05-27");
	struct period bad = P(PERIOD_QUARTER, 2025, 0);
	char s[11] = "x", e[11] = "y";
	period_window(&bad, 15, s, e);
	assert_string_equal(s, "");
	assert_string_equal(e, "");
}

static void assert_of_date(const char *date, int cutoff, enum period_kind kind, const char *want)
{
	struct period p = P(PERIOD_MONTH, 1, 1);
	int rc = period_of_date(date, cutoff, kind, &p);
	if (!want) {
		if (rc != -1)
			fail_msg("%s (kind %d): accepted", date ? date : "NULL", kind);
		assert_period(&p, PERIOD_MONTH, 1, 1);
		return;
	}
	if (rc != 0)
		fail_msg("%s (kind %d): refused", date, kind);
	assert_name(&p, want);
}

static void test_of_date(void **state)
{
	(void)state;
	assert_of_date("2025-05-14", 15, PERIOD_MONTH, "2025-05");
	assert_of_date("2025-05-15", 15, PERIOD_MONTH, "2025-06");
	assert_of_date("2025-04-15", 15, PERIOD_MONTH, "2025-05");
	assert_of_date("2024-12-14", 15, PERIOD_MONTH, "2024-12");
	assert_of_date("2024-12-15", 15, PERIOD_MONTH, "2025-01");
	assert_of_date("2024-12-31", 15, PERIOD_MONTH, "2025-01");
	assert_of_date("2025-05-31", 1, PERIOD_MONTH, "2025-05");
	assert_of_date("2025-05-01", 1, PERIOD_MONTH, "2025-05");
	assert_of_date("2025-05-01", 2, PERIOD_MONTH, "2025-05");
	assert_of_date("2025-05-02", 2, PERIOD_MONTH, "2025-06");
	assert_of_date("2025-03-14", 15, PERIOD_QUARTER, "2025-Q1");
	assert_of_date("2025-03-15", 15, PERIOD_QUARTER, "2025-Q2");
	assert_of_date("2024-12-20", 15, PERIOD_QUARTER, "2025-Q1");
	assert_of_date("2025-06-14", 15, PERIOD_HALF, "2025-H1");
	assert_of_date("2025-06-15", 15, PERIOD_HALF, "2025-H2");
	assert_of_date("2024-12-15", 15, PERIOD_HALF, "2025-H1");
	assert_of_date("2025-09-14", 15, PERIOD_NINE_MONTHS, "2025-9M");
	assert_of_date("2024-12-15", 15, PERIOD_NINE_MONTHS, "2025-9M");
	assert_of_date("2025-09-15", 15, PERIOD_NINE_MONTHS, NULL);
	assert_of_date("2025-12-14", 15, PERIOD_YEAR, "2025");
	assert_of_date("2025-12-15", 15, PERIOD_YEAR, "2026");
	assert_of_date("2025-12-31", 1, PERIOD_YEAR, "2025");
	assert_of_date("2024-02-29", 15, PERIOD_MONTH, "2024-03");
	assert_of_date("1999-12-15", 15, PERIOD_MONTH, "2000-01");
	/* Outside the accepted years. */
	assert_of_date("1999-12-14", 15, PERIOD_MONTH, NULL);
	assert_of_date("2100-12-15", 15, PERIOD_YEAR, NULL);
	assert_of_date("2100-12-14", 15, PERIOD_YEAR, "2100");
	/* Malformed or impossible dates; unknown kind. */
	static const char *const bad[] = {
	        "",
	        "2025-5-14",
	        "2025-05-1",
	        "2025-02-29",
	        "2100-02-29",
	        "2025-13-01",
	        "2025-00-10",
	        "2025-05-00",
	        "2025-04-31",
	        "2025-05-14x",
	        "2025/05/14",
	        " 2025-05-14",
	        "2025-05-14 ",
	        "20250514",
	        "2025-05",
	        "２０２５-05-14",
	        "2025-05-+1",
	        "-025-05-14",
	        "2025-05-14\n",
	};
	for (size_t i = 0; i < N(bad); i++)
		assert_of_date(bad[i], 15, PERIOD_MONTH, NULL);
	assert_of_date(NULL, 15, PERIOD_MONTH, NULL);
	assert_of_date("2025-05-14", 15, (enum period_kind)5, NULL);
	/* cutoff_day is clamped like period_window's. */
	assert_of_date("2025-05-31", 0, PERIOD_MONTH, "2025-05");
	assert_of_date("2025-05-28", 99, PERIOD_MONTH, "2025-06");
	assert_of_date("2025-05-27", 99, PERIOD_MONTH, "2025-05");
}

static int days_in(int y, int m)
{
	static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return d[m - 1] + (m == 2 && leap);
}

/* The period of kind k holding date (cut-off day d) has a window that holds
 * the date, running from its first month's window start to its last month's
 * window end. */
static void check_date(const char *date, int d, enum period_kind k)
{
	struct period p, ms[12];
	char s[11], e[11], s1[11], e1[11], s2[11], e2[11];
	if (period_of_date(date, d, k, &p) != 0) {
		assert_int_equal(k, PERIOD_NINE_MONTHS);
		return;
	}
	assert_int_equal(p.kind, k);
	period_window(&p, d, s, e);
	if (strcmp(s, date) > 0 || strcmp(date, e) > 0)
		fail_msg("%s (d %d, kind %d): window %s..%s", date, d, k, s, e);
	int n = period_children(&p, PERIOD_MONTH, ms, 12);
	assert_true(n >= 1);
	period_window(&ms[0], d, s1, e1);
	period_window(&ms[n - 1], d, s2, e2);
	assert_string_equal(s, s1);
	assert_string_equal(e, e2);
}

/* For every cut-off day and every date of 2023..2026, every kind: so windows
 * of one kind cover the calendar without gaps or overlaps. */
static void test_windows_tile(void **state)
{
	(void)state;
	for (int d = 1; d <= 28; d++)
		for (int y = 2023; y <= 2026; y++)
			for (int m = 1; m <= 12; m++)
				for (int day = 1; day <= days_in(y, m); day++) {
					char date[32];
					snprintf(date, sizeof date, "%04d-%02d-%02d", y, m, day);
					for (int k = PERIOD_MONTH; k <= PERIOD_YEAR; k++)
						check_date(date, d, (enum period_kind)k);
				}
}

static void test_label_vi(void **state)
{
	(void)state;
	const char *cases[][2] = {
	        {"2026-05", "Tháng 5/2026"},         {"2026-Q3", "Quý III/2026"},
	        {"2026-H1", "6 tháng đầu năm 2026"}, {"2026-H2", "6 tháng cuối năm 2026"},
	        {"2026-9M", "9 tháng năm 2026"},     {"2026", "Năm 2026"}};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct period p;
		char buf[64];
		assert_int_equal(period_parse(cases[i][0], &p, NULL), 0);
		period_label_vi(&p, buf, sizeof buf);
		assert_string_equal(buf, cases[i][1]);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_parse_forms),     cmocka_unit_test(test_round_trip_all),
	        cmocka_unit_test(test_parse_bad),       cmocka_unit_test(test_parse_null_and_why),
	        cmocka_unit_test(test_format_edges),    cmocka_unit_test(test_months),
	        cmocka_unit_test(test_within),          cmocka_unit_test(test_cmp),
	        cmocka_unit_test(test_children),        cmocka_unit_test(test_window_decree),
	        cmocka_unit_test(test_window_calendar), cmocka_unit_test(test_window_edges),
	        cmocka_unit_test(test_of_date),         cmocka_unit_test(test_windows_tile),
	        cmocka_unit_test(test_label_vi),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
