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
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(fold),       cmocka_unit_test(clean), cmocka_unit_test(words),
	        cmocka_unit_test(similarity), cmocka_unit_test(roman), cmocka_unit_test(misc),
	        cmocka_unit_test(years),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
