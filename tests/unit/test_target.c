/* test_target.c: every target form of ../shared/DOMAIN.md ("How targets are
 * written") and the tricky numbers met in real plans. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "target.h"

static struct target parse(const char *cell, const char *unit)
{
	struct target t;
	target_parse(cell, unit, &t);
	return t;
}

static void expect_number(const char *cell, enum target_op op, double v)
{
	struct target t = parse(cell, "%");
	if (t.kind != TARGET_NUMBER || t.op != op || fabs(t.value - v) > 1e-9)
		fail_msg("\"%s\": got kind %s op %s value %g, want number %s %g", cell,
		         target_kind_name(t.kind), target_op_name(t.op), t.value,
		         target_op_name(op), v);
	target_free(&t);
}

static void expect_kind(const char *cell, const char *unit, enum target_kind k)
{
	struct target t = parse(cell, unit);
	if (t.kind != k)
		fail_msg("\"%s\" (unit %s): got %s, want %s", cell, unit ? unit : "-",
		         target_kind_name(t.kind), target_kind_name(k));
	target_free(&t);
}

static void at_least(void **state)
{
	(void)state;
	expect_number("≥ 70", TARGET_GE, 70);
	expect_number(">= 70", TARGET_GE, 70);
	expect_number("$\\geq 70$", TARGET_GE, 70);
	expect_number("$\\geq 10$", TARGET_GE, 10);
	expect_number("≥70%", TARGET_GE, 70);
	expect_number("<b>≥ 95</b>", TARGET_GE, 95);
	expect_number("Tối thiểu 25%", TARGET_GE, 25);
	expect_number("≤ 5", TARGET_LE, 5);
	expect_number("< 2", TARGET_LT, 2);
}

static void strictly_more(void **state)
{
	(void)state;
	expect_number(">60", TARGET_GT, 60);
	expect_number("> 3", TARGET_GT, 3);
	expect_number(">0.65", TARGET_GT, 0.65);
	expect_number(">0,7", TARGET_GT, 0.7);
	expect_number("trên 90%", TARGET_GT, 90);
}

static void bare_numbers(void **state)
{
	(void)state;
	expect_number("100", TARGET_GE, 100);
	expect_number("05", TARGET_GE, 5);
	expect_number("1,0", TARGET_GE, 1);
	expect_number("0,7", TARGET_GE, 0.7);
	expect_number("1.0", TARGET_GE, 1);
	expect_number("1,50%", TARGET_GE, 1.5);
	expect_number("2,5", TARGET_GE, 2.5);
	expect_number("1.000", TARGET_GE, 1000); /* Vietnamese thousands */
	expect_number("1.000,5", TARGET_GE, 1000.5);
	expect_number("0.650", TARGET_GE, 0.65);
}

static void compound(void **state)
{
	(void)state;
	struct target t = parse("≥ 3% và tăng dần theo từng năm", "%");
	assert_int_equal(t.kind, TARGET_NUMBER);
	assert_int_equal(t.op, TARGET_GE);
	assert_true(fabs(t.value - 3) < 1e-9);
	assert_string_equal(t.text, "≥ 3% và tăng dần theo từng năm"); /* the rest is kept */
	target_free(&t);
	expect_number("Hoàn thành 100% mục tiêu", TARGET_GE, 100);
}

static void ranges(void **state)
{
	(void)state;
	const char *cells[] = {"80-90", "80–90", "80 - 90%", "từ 80 đến 90", "80÷90", "80 ÷ 90%"};
	for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++) {
		struct target t = parse(cells[i], "%");
		if (t.kind != TARGET_RANGE || t.min != 80 || t.max != 90)
			fail_msg("\"%s\": got %s %g..%g", cells[i], target_kind_name(t.kind), t.min,
			         t.max);
		target_free(&t);
	}
	expect_kind("90-80", "%", TARGET_TEXT); /* a range must go up */
}

static void none(void **state)
{
	(void)state;
	expect_kind("-", "%", TARGET_NONE);
	expect_kind("—", "%", TARGET_NONE);
	expect_kind("–", "%", TARGET_NONE);
	expect_kind("", "%", TARGET_NONE);
	expect_kind("   ", "%", TARGET_NONE);
	expect_kind(NULL, NULL, TARGET_NONE);
}

static void yes(void **state)
{
	(void)state;
	expect_kind("Có", "Có/ Không", TARGET_YES);
	expect_kind("Đạt", NULL, TARGET_YES);
	expect_kind("Hoàn thành", NULL, TARGET_YES);
	expect_kind("Đạt chuẩn tiên tiến", "Dịch vụ", TARGET_YES);
	expect_kind("có", NULL, TARGET_YES);
}

static void maintain(void **state)
{
	(void)state;
	expect_kind("Duy trì", NULL, TARGET_MAINTAIN);
	expect_kind("Duy trì, phát triển", NULL, TARGET_MAINTAIN);
	expect_kind("Duy trì và phát triển", NULL, TARGET_MAINTAIN);
	expect_kind("Duy trì, nâng cao", NULL, TARGET_MAINTAIN);
}

static void expect_level(const char *cell, const char *level)
{
	struct target t = parse(cell, "Mức độ");
	if (t.kind != TARGET_LEVEL || strcmp(t.level, level))
		fail_msg("\"%s\": got %s %s, want level %s", cell, target_kind_name(t.kind),
		         t.level ? t.level : "-", level);
	target_free(&t);
}

static void levels(void **state)
{
	(void)state;
	expect_level("Khá", "Khá");
	expect_level("khá", "Khá");
	expect_level("Tốt", "Tốt");
	expect_level("Đạt mức khá", "Khá");
	expect_level("Duy trì mức khá trở lên", "Khá");
	expect_level("Bắt đầu triển khai", "Bắt đầu triển khai");
	expect_level("Mở rộng", "Mở rộng");
	expect_level("Phổ biến", "Phổ biến");
	expect_level("Nâng cao", "Nâng cao");
	expect_level("Tiếp cận", "Tiếp cận");
	expect_level("Ứng dụng", "Ứng dụng");
	expect_level("Thành thạo", "Thành thạo");
	expect_level("Thí điểm", "Thí điểm");
	expect_level("Hoàn thiện", "Hoàn thiện");
}

/* Ranks follow the scale; stages of one row are ordered as written. */
static void rank_row(void **state)
{
	(void)state;
	const char *row1[] = {"Bắt đầu triển khai", "Mở rộng", "Phổ biến", "Nâng cao", "Nâng cao"};
	int want1[] = {1, 2, 3, 4, 4};
	const char *row2[] = {"-", "khá", "Tốt", "Tốt", "Tốt"};
	int want2[] = {0, 3, 4, 4, 4};
	const char *row3[] = {"-", "Bắt đầu", "Mở rộng", "Phổ biến", "Hiệu quả cao"};
	int want3[] = {0, 1, 2, 3, 4};
	const char *row4[] = {"-", "Ứng dụng", "Mở rộng", "Nâng cao", "Nâng cao"};
	int want4[] = {0, 1, 2, 3, 3};
	const char *row5[] = {"-", "Đạt", "Tốt", "Tốt", "Tiên tiến"};
	int want5[] = {0, 0, 4, 4, 5};
	const char **rows[] = {row1, row2, row3, row4, row5};
	int *wants[] = {want1, want2, want3, want4, want5};
	for (int r = 0; r < 5; r++) {
		struct target t[5];
		for (int i = 0; i < 5; i++)
			target_parse(rows[r][i], "Mức độ", &t[i]);
		target_rank_row(t, 5);
		for (int i = 0; i < 5; i++) {
			if (t[i].rank != wants[r][i])
				fail_msg("row %d cell %d \"%s\": rank %d, want %d", r, i,
				         rows[r][i], t[i].rank, wants[r][i]);
			target_free(&t[i]);
		}
	}
}

static void rank(void **state)
{
	(void)state;
	struct target t = parse("Nằm trong tốp 40 của tỉnh", "Thứ bậc");
	assert_int_equal(t.kind, TARGET_RANK);
	assert_int_equal(t.op, TARGET_LE);
	assert_true(t.value == 40);
	assert_string_equal(t.scope, "province");
	target_free(&t);
	t = parse("Thuộc nhóm 40 xã dẫn đầu của tỉnh", NULL);
	assert_int_equal(t.kind, TARGET_RANK);
	assert_true(t.value == 40);
	target_free(&t);
	t = parse("Nằm trong top 10 cả nước", NULL);
	assert_int_equal(t.kind, TARGET_RANK);
	assert_string_equal(t.scope, "country");
	target_free(&t);
}

static void relative(void **state)
{
	(void)state;
	struct target t = parse("Đạt mức trung bình chung của tỉnh", NULL);
	assert_int_equal(t.kind, TARGET_RELATIVE);
	assert_int_equal(t.to, TARGET_TO_PROVINCE_AVERAGE);
	target_free(&t);
	t = parse("Không thấp hơn mức tỉnh giao hằng năm", NULL);
	assert_int_equal(t.kind, TARGET_RELATIVE);
	assert_int_equal(t.to, TARGET_TO_PROVINCE_TARGET);
	target_free(&t);
}

static void growth(void **state)
{
	(void)state;
	struct target t = parse("Tăng trung bình 1%", "%/năm");
	assert_int_equal(t.kind, TARGET_GROWTH);
	assert_true(t.value == 1);
	target_free(&t);
	t = parse("1,5", "%/năm");
	assert_int_equal(t.kind, TARGET_GROWTH);
	assert_true(t.value == 1.5);
	target_free(&t);
	/* A count per year is not a growth rate. */
	expect_kind("≥ 2", "Công trình/năm", TARGET_NUMBER);
}

static void report(void **state)
{
	(void)state;
	expect_kind("", "Báo cáo", TARGET_REPORT);
	expect_kind("Báo cáo kết quả", "Báo cáo", TARGET_REPORT);
	expect_kind("-", "Báo cáo", TARGET_NONE);
}

static void text(void **state)
{
	(void)state;
	struct target t =
	        parse("Nâng cao phạm vi, mức độ ứng dụng phục vụ quản trị nhà nước", NULL);
	assert_int_equal(t.kind, TARGET_TEXT);
	assert_string_equal(t.text, "Nâng cao phạm vi, mức độ ứng dụng phục vụ quản trị nhà nước");
	target_free(&t);
	expect_kind("Ứng dụng mạnh mẽ", "Công nghệ", TARGET_TEXT);
	expect_kind("Làm chủ/Ứng dụng", "Công nghệ", TARGET_TEXT);
}

static void numbers(void **state)
{
	(void)state;
	double v;
	assert_int_equal(target_number("0,7", &v), 3);
	assert_true(v == 0.7);
	assert_int_equal(target_number("05", &v), 2);
	assert_true(v == 5);
	assert_int_equal(target_number("1,50%", &v), 4);
	assert_true(v == 1.5);
	assert_int_equal(target_number("abc", &v), 0);
	assert_int_equal(target_number("12.", &v), 2); /* a trailing dot is not a decimal */
	assert_true(v == 12);
	/* Very long digit strings do not overflow the reader. */
	char big[200];
	memset(big, '9', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	assert_true(target_number(big, &v) > 0);
}

static void expect_range(const char *cell, double lo, double hi)
{
	struct target t = parse(cell, "");
	if (t.kind != TARGET_RANGE || fabs(t.min - lo) > 1e-9 || fabs(t.max - hi) > 1e-9)
		fail_msg("\"%s\": got kind %s %g-%g, want range %g-%g", cell,
		         target_kind_name(t.kind), t.min, t.max, lo, hi);
	target_free(&t);
}

/* Cells of plans the readers were not built on (tests/data/targets). */
static void from_upward(void **state)
{
	(void)state;
	expect_number("Từ 50% trở lên", TARGET_GE, 50);
	expect_number("đạt từ 80% trở lên", TARGET_GE, 80);
	expect_number("Từ 5% trở xuống", TARGET_LE, 5);
	expect_number("Dưới 5%", TARGET_LT, 5);
	expect_number("Ít nhất 02", TARGET_GE, 2);
	expect_number("Tối thiểu 03 mô hình", TARGET_GE, 3);
	expect_number("100% số thôn", TARGET_GE, 100);
	expect_number("≥ 1 sản phẩm/năm", TARGET_GE, 1);
	expect_range("2-3", 2, 3);
	expect_range("05-07", 5, 7);
}

static void kept_figure(void **state)
{
	(void)state;
	/* "Duy trì 100%": the figure to keep, not only "keep". */
	expect_number("Duy trì 100%", TARGET_GE, 100);
	expect_number("Duy trì ở mức 95%", TARGET_GE, 95);
	expect_kind("Duy trì", "%", TARGET_MAINTAIN);
	expect_kind("Duy trì mức khá trở lên", "Mức độ", TARGET_LEVEL);
}

static void share_words(void **state)
{
	(void)state;
	expect_number("chiếm tỷ trọng không dưới 15% GRDP của xã", TARGET_GE, 15);
	expect_number("chiếm tỷ trọng trên 10%", TARGET_GT, 10);
}

/* No one number stands for these: kept as text, never a figure. */
static void not_one_number(void **state)
{
	(void)state;
	expect_kind("1/1", "Đơn vị", TARGET_TEXT);
	expect_kind("3 000", "Người", TARGET_TEXT);
	expect_kind("1,500", "Người", TARGET_TEXT);
	expect_kind("x", "Có/Không", TARGET_TEXT);
	expect_number("0,750", TARGET_GE, 0.75); /* "0," is a decimal comma */
	expect_number("12.500,5", TARGET_GE, 12500.5);
	expect_number("1.500", TARGET_GE, 1500);
	expect_number("85.5", TARGET_GE, 85.5);
	expect_number("95,5", TARGET_GE, 95.5);
}

/* A change against a past figure is no level to reach nor a yearly growth. */
static void change_against_past(void **state)
{
	(void)state;
	expect_kind("Tăng 15% so với cùng kỳ", "%", TARGET_TEXT);
	expect_kind("Tăng 20% so với năm 2024", "%", TARGET_TEXT);
	expect_kind("Giảm 10% so với năm 2024", "%", TARGET_TEXT);
	expect_kind("Tăng trung bình 1%/năm", "%/năm", TARGET_GROWTH);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(at_least),
	        cmocka_unit_test(strictly_more),
	        cmocka_unit_test(bare_numbers),
	        cmocka_unit_test(compound),
	        cmocka_unit_test(ranges),
	        cmocka_unit_test(none),
	        cmocka_unit_test(yes),
	        cmocka_unit_test(maintain),
	        cmocka_unit_test(levels),
	        cmocka_unit_test(rank_row),
	        cmocka_unit_test(rank),
	        cmocka_unit_test(relative),
	        cmocka_unit_test(growth),
	        cmocka_unit_test(report),
	        cmocka_unit_test(text),
	        cmocka_unit_test(numbers),
	        cmocka_unit_test(from_upward),
	        cmocka_unit_test(kept_figure),
	        cmocka_unit_test(share_words),
	        cmocka_unit_test(not_one_number),
	        cmocka_unit_test(change_against_past),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
