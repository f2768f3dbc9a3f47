/* test_text.c: folding of case and diacritics, cleaning of cells, words with
 * abbreviations, and the similarity that merges milestone sections. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "text.h"

static void expect_fold(const char *in, const char *want)
{
	char *f = text_fold(in);
	if (strcmp(f, want))
		fail_msg("fold(\"%s\") = \"%s\", want \"%s\"", in, f, want);
	free(f);
}

static void fold(void **state)
{
	(void)state;
	expect_fold("Đẩy mạnh CHUYỂN ĐỔI SỐ", "day manh chuyen doi so");
	expect_fold("đơn vị tính", "don vi tinh");
	expect_fold("Ủy ban  nhân\tdân", "uy ban nhan dan");
	/* NFD input (combining marks) folds like NFC. */
	expect_fold("Vie\xcc\xa3\xcc\x82t Nam", "viet nam");
	expect_fold("", "");
}

static void expect_clean(const char *in, const char *want)
{
	char *c = text_clean(in);
	if (strcmp(c, want))
		fail_msg("clean(\"%s\") = \"%s\", want \"%s\"", in, c, want);
	free(c);
}

static void clean(void **state)
{
	(void)state;
	expect_clean("<b>I.</b>", "I.");
	expect_clean("**Phụ lục I**  ", "Phụ lục I");
	expect_clean("$\\geq 10$", "≥ 10");
	expect_clean("  a \xc2\xa0 b  ", "a b");
	expect_clean("a < b", "a < b"); /* not a tag */
}

static void words(void **state)
{
	(void)state;
	struct words w = {0};
	text_words("Tỷ lệ TTHC, DVC của CĐS", &w);
	const char *want[] = {"ty", "le",   "thu", "tuc",    "hanh", "chinh", "dich",
	                      "vu", "cong", "cua", "chuyen", "doi",  "so"};
	assert_int_equal(w.n, sizeof want / sizeof want[0]);
	for (size_t i = 0; i < w.n; i++)
		assert_string_equal(w.w[i], want[i]);
	words_free(&w);
}

static void similarity(void **state)
{
	(void)state;
	/* The same indicator worded a little differently in two sections. */
	assert_true(
	        text_similarity("Tỷ lệ % tổng chi ngân sách địa phương chi cho khoa học, công "
	                        "nghệ, đổi mới sáng tạo",
	                        "Tổng chi ngân sách địa phương chi cho khoa học, công nghệ, đổi "
	                        "mới sáng tạo") > 0.8);
	assert_true(text_similarity("Tỷ lệ TTHC được số hóa",
	                            "Tỷ lệ thủ tục hành chính được số hóa") > 0.99);
	assert_true(text_similarity("Phát triển chuyển đổi số", "Phát triển chuyên đổi số") > 0.99);
	/* Different numbers are different indicators, however alike the words. */
	assert_true(text_similarity("Tỷ lệ phủ sóng 5G trên địa bàn",
	                            "Tỷ lệ phủ sóng 6G trên địa bàn") == 0);
	assert_true(text_similarity("Tỷ lệ dân số trưởng thành tiếp cận dịch vụ số trong y tế",
	                            "Số doanh nghiệp khởi nghiệp sáng tạo") < 0.3);
}

static void roman(void **state)
{
	(void)state;
	assert_int_equal(text_roman("I"), 1);
	assert_int_equal(text_roman("IV."), 4);
	assert_int_equal(text_roman("XIX"), 19);
	assert_int_equal(text_roman("IIII"), 0);
	assert_int_equal(text_roman("1"), 0);
	assert_string_equal(text_to_roman(14), "XIV");
	assert_string_equal(text_to_roman(3), "III");
}

static void misc(void **state)
{
	(void)state;
	assert_int_equal(text_case_start("Đạt"), 1);
	assert_int_equal(text_case_start("ương"), 0);
	assert_int_equal(text_case_start("“phi tiếp xúc”"), 0);
	assert_int_equal(text_case_start("(HDI)"), 1);
	assert_int_equal(text_case_start("12"), -1);
	assert_int_equal(text_len("Việt"), 4);
	char *p = text_prefix("Việt Nam", 3);
	assert_string_equal(p, "Việ…");
	free(p);
	p = text_lower_first("Ứng dụng");
	assert_string_equal(p, "ứng dụng");
	free(p);
	size_t bad = 0;
	assert_true(text_valid_utf8("Việt", 6, &bad));
	assert_false(text_valid_utf8("Vi\xe1\xbb", 4, &bad));
	assert_int_equal(bad, 2);
}

/* A year is four digits 1990..2100 with no digit either side. */
static void years(void **state)
{
	(void)state;
	const char *at = NULL;
	assert_int_equal(text_find_year("Quý IV/2025", &at), 2025);
	assert_string_equal(at, "2025");
	assert_int_equal(text_find_year("12025 và 2030", &at), 2030);
	assert_string_equal(at, "2030");
	assert_int_equal(text_find_year("1025, 2999, 20300", NULL), 0);
	assert_int_equal(text_find_year("So sánh", NULL), 0);
	const char *s = "12026";
	assert_int_equal(text_year_at(s, s + 1), 0);
	assert_int_equal(text_year_at(s + 1, s + 1), 2026);
	/* the bounds: a digit either side breaks a year, anything else not */
	assert_int_equal(text_find_year("2030", NULL), 2030);
	assert_int_equal(text_find_year("(đến 2030)", &at), 2030);
	assert_string_equal(at, "2030)");
	assert_int_equal(text_find_year("năm2030", NULL), 2030);
	assert_int_equal(text_find_year("20301", NULL), 0);
	assert_int_equal(text_find_year("1.500 và 1.990", NULL), 0);
	assert_int_equal(text_find_year("30/6/2026", NULL), 2026);
	assert_int_equal(text_find_year("1989 2101", NULL), 0);
	assert_int_equal(text_find_year("1990 2100", &at), 1990);
	assert_int_equal(text_year("2100", 4), 2100);
	assert_int_equal(text_year("2030", 3), 0);
	assert_int_equal(text_year("203O", 4), 0);
}

/* A period: two years, the later after a dash (with or without spaces). */
static void periods(void **state)
{
	(void)state;
	const char *after = NULL, *s = "Giai đoạn 2026-2030)";
	const char *p = strstr(s, "2026");
	assert_int_equal(text_period_end(s, p, &after), 2030);
	assert_string_equal(after, ")");
	assert_int_equal(text_period_end(s, p + 1, NULL), 0); /* not at a year */
	s = "2025 – 2027";                                    /* en dash */
	assert_int_equal(text_period_end(s, s, &after), 2027);
	assert_string_equal(after, "");
	assert_int_equal(text_period_end("2025—2030", "2025—2030", NULL), 2030);
	s = "12025-2030";
	assert_int_equal(text_period_end(s, s + 1, NULL), 0);
	const char *const none[] = {"2030-2025", "2025-20301", "2025-30",      "2025/2030",
	                            "2025 2030", "2025-",      "2025 đến 2030"};
	for (size_t i = 0; i < sizeof none / sizeof none[0]; i++)
		assert_int_equal(text_period_end(none[i], none[i], NULL), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(fold),       cmocka_unit_test(clean),   cmocka_unit_test(words),
	        cmocka_unit_test(similarity), cmocka_unit_test(roman),   cmocka_unit_test(misc),
	        cmocka_unit_test(years),      cmocka_unit_test(periods),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
