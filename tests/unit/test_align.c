/* test_align.c: the indicator matcher on hand cases: what must match
 * (same wording under another code, abbreviations, the plan's own unit
 * named differently) and what must be refused with its reason (5G vs 6G,
 * a rate vs a count, cấp xã vs cấp huyện, người dân vs dân số trưởng thành,
 * tài khoản định danh vs tài khoản ngân hàng, %GRDP vs %, a rank); then the
 * one-to-one links of two plans and the groups of three. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "align.h"
#include "plan.h"
#include "util.h"

/* Add an indicator; targets is "2025:>60 2030:100" or NULL. */
static struct indicator *add(struct plan *p, const char *code, const char *name, const char *unit,
                             const char *targets)
{
	struct indicator *x = plan_add_indicator(p);
	x->code = xstrdup(code);
	x->name = xstrdup(name);
	x->unit = unit ? xstrdup(unit) : NULL;
	char *copy = xstrdup(targets ? targets : ""), *save = NULL;
	for (char *tok = strtok_r(copy, " ", &save); tok; tok = strtok_r(NULL, " ", &save)) {
		struct target t;
		target_parse(tok + 5, unit, &t);
		indicator_set_target(x, (int)strtol(tok, NULL, 10), &t);
	}
	free(copy);
	return x;
}

/* Score two one-indicator plans; *why keeps the reasons (caller frees). */
static double score2(const char *na, const char *ua, const char *ta, const char *nb, const char *ub,
                     const char *tb, struct align_score *why)
{
	struct plan a, b;
	plan_init(&a);
	plan_init(&b);
	add(&a, "I.1", na, ua, ta);
	add(&b, "V.9", nb, ub, tb);
	struct align_item *x = align_item_new(&a.ind[0]), *y = align_item_new(&b.ind[0]);
	double s = align_score(x, y, why);
	struct align_score back;
	double r = align_score(y, x, &back);
	assert_true(s == r); /* symmetric */
	assert_true(s == align_score(x, y, NULL));
	align_score_free(&back);
	align_item_free(x);
	align_item_free(y);
	plan_free(&a);
	plan_free(&b);
	return s;
}

static bool says(const struct align_score *s, const char *word)
{
	for (int i = 0; i < s->nwhy; i++)
		if (strstr(s->why[i], word))
			return true;
	return false;
}

static void expect_refused(const char *na, const char *ua, const char *nb, const char *ub,
                           const char *word)
{
	struct align_score s;
	double v = score2(na, ua, NULL, nb, ub, NULL, &s);
	if (v != 0 || !s.refused || !says(&s, word)) {
		for (int i = 0; i < s.nwhy; i++)
			fprintf(stderr, "  why: %s\n", s.why[i]);
		fail_msg("\"%s\" [%s] vs \"%s\" [%s]: score %.3f, refused %d, want refused saying "
		         "\"%s\"",
		         na, ua ? ua : "-", nb, ub ? ub : "-", v, s.refused, word);
	}
	align_score_free(&s);
}

static void expect_match(const char *na, const char *ua, const char *nb, const char *ub,
                         const char *word)
{
	struct align_score s;
	double v = score2(na, ua, NULL, nb, ub, NULL, &s);
	if (v < ALIGN_THRESHOLD || s.refused || (word && !says(&s, word))) {
		for (int i = 0; i < s.nwhy; i++)
			fprintf(stderr, "  why: %s\n", s.why[i]);
		fail_msg("\"%s\" vs \"%s\": score %.3f, want >= %.2f saying \"%s\"", na, nb, v,
		         ALIGN_THRESHOLD, word ? word : "");
	}
	align_score_free(&s);
}

static void technology_generation(void **state)
{
	(void)state;
	expect_refused("Phủ sóng 5G trên dân số", "%", "Phủ sóng 6G trên dân số", "%", "6g");
	expect_refused("Tỷ lệ người sử dụng truy cập băng rộng cố định tốc độ trên 1 Gbps", "%",
	               "Tỷ lệ người sử dụng truy cập băng rộng cố định tốc độ trên 10 Gbps", "%",
	               "10 gbps");
	/* "01 Gbps/s" and "1 Gbps" are the same speed. */
	expect_match("Tỷ lệ người sử dụng truy cập băng thông rộng cố định tốc độ trên 01 Gbps/s",
	             "%", "Tỷ lệ người sử dụng truy cập băng thông rộng cố định tốc độ trên 1 Gbps",
	             "%", "1 gbps");
}

static void same_wording_other_code(void **state)
{
	(void)state;
	struct align_score s;
	double v = score2("Tỷ lệ người dân có Sổ sức khỏe điện tử", "%", "2030:>95 2035:100",
	                  "Tỷ lệ người dân có sổ sức khỏe điện tử", "%", "2030:≥95 2035:100", &s);
	assert_true(v >= 0.99);
	assert_true(says(&s, "tên giống nhau sau khi bỏ dấu"));
	assert_true(says(&s, "mức chỉ tiêu trùng 2/2 mốc"));
	align_score_free(&s);
}

static void abbreviations(void **state)
{
	(void)state;
	expect_match("Tỷ lệ hồ sơ TTHC xử lý trực tuyến", "%",
	             "Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến", "%",
	             "TTHC → thu tuc hanh chinh");
	expect_match(
	        "Tỷ lệ người dân, doanh nghiệp hài lòng trong việc thực hiện TTHC, cung cấp DVC",
	        "%",
	        "Tỷ lệ người dân, doanh nghiệp hài lòng trong thực hiện thủ tục hành chính, "
	        "cung cấp dịch vụ công",
	        "%", "DVC → dich vu cong");
}

static void kind_and_unit(void **state)
{
	(void)state;
	expect_refused("Số doanh nghiệp khởi nghiệp sáng tạo", "Doanh nghiệp",
	               "Tỷ lệ doanh nghiệp khởi nghiệp sáng tạo", "%", "khác loại chỉ tiêu");
	expect_refused("Số người nghiên cứu khoa học trên địa bàn", "Người/vạn dân",
	               "Số người nghiên cứu khoa học trên địa bàn", "Người", "khác loại chỉ tiêu");
	expect_refused("Tiềm lực khoa học, công nghệ so với các địa phương trong tỉnh", "Thứ bậc",
	               "Tiềm lực khoa học, công nghệ so với các địa phương trong tỉnh", "%",
	               "thứ bậc");
	expect_refused("Số sáng kiến được công nhận mỗi năm", "Sáng kiến",
	               "Số sáng kiến được công nhận mỗi năm", "Doanh nghiệp", "khác đơn vị tính");
	expect_refused("Tỷ lệ chi cho khoa học, công nghệ, đổi mới sáng tạo", "% GRDP",
	               "Tỷ lệ chi cho khoa học, công nghệ, đổi mới sáng tạo", "%", "cơ sở khác");
	/* "Số ..." with unit % is a rate: the unit wins over the first word. */
	expect_match("Số doanh nghiệp có hoạt động đổi mới quy trình, mô hình kinh doanh", "%",
	             "Tỷ lệ doanh nghiệp có hoạt động đổi mới quy trình, mô hình kinh doanh", "%",
	             "tỷ lệ");
	/* Counts of the same thing, one per year. */
	expect_match("Số nhiệm vụ khoa học và công nghệ triển khai", "Nhiệm vụ",
	             "Số lượng nhiệm vụ khoa học và công nghệ triển khai", "Nhiệm vụ/năm", NULL);
}

static void key_terms(void **state)
{
	(void)state;
	expect_refused("Tỷ lệ cán bộ, công chức cấp xã được bồi dưỡng kỹ năng số căn bản", "%",
	               "Tỷ lệ cán bộ, công chức cấp huyện được bồi dưỡng kỹ năng số căn bản", "%",
	               "cấp hành chính");
	expect_refused("Tỷ lệ người dân có chữ ký số", "%",
	               "Tỷ lệ dân số trưởng thành có chữ ký số", "%", "đối tượng dân số");
	expect_refused("Tỷ lệ người dân có tài khoản định danh điện tử", "%",
	               "Tỷ lệ người dân có tài khoản ngân hàng điện tử", "%", "loại tài khoản");
	/* "của huyện", "của phường": the plan's own unit, not a level. */
	expect_match("Tỷ lệ hệ thống thông tin của huyện được vận hành trên nền tảng điện toán "
	             "đám mây",
	             "%",
	             "Tỷ lệ hệ thống thông tin của phường vận hành trên nền tảng điện toán đám mây",
	             "%", NULL);
	/* A year in brackets is a remark, not a key term. */
	expect_match("Tỷ lệ chi ngân sách cho khoa học, công nghệ và chuyển đổi số (trong đó năm "
	             "2025 tối thiểu 1%)",
	             "%", "Tỷ lệ chi ngân sách cho khoa học, công nghệ và chuyển đổi số", "%",
	             NULL);
}

static void unlike_names(void **state)
{
	(void)state;
	struct align_score s;
	double v = score2("Tỷ lệ giao dịch không dùng tiền mặt", "%", NULL,
	                  "Tỷ lệ cán bộ, công chức được bồi dưỡng kỹ năng số", "%", NULL, &s);
	assert_true(v < 0.3);
	assert_false(s.refused);
	align_score_free(&s);
}

static void match_two_plans(void **state)
{
	(void)state;
	struct plan a, b;
	plan_init(&a);
	plan_init(&b);
	add(&a, "I.1", "Phủ sóng 5G trên dân số", "%", NULL);
	add(&a, "I.2", "Phủ sóng 6G trên dân số", "%", NULL);
	add(&a, "V.25", "Tỷ lệ người dân có Sổ sức khỏe điện tử", "%", NULL);
	add(&a, "V.26", "Số doanh nghiệp khởi nghiệp sáng tạo", "Doanh nghiệp", NULL);
	add(&b, "I.3", "Phủ sóng 6G trên dân số", "%", NULL);
	add(&b, "I.1", "Phủ sóng 5G trên dân số", "%", NULL);
	add(&b, "V.22", "Tỷ lệ người dân có sổ sức khỏe điện tử", "%", NULL);
	add(&b, "V.23", "Tỷ lệ người dân có sổ sức khỏe điện tử", "%", NULL); /* twice */
	add(&b, "V.24", "Tỷ lệ doanh nghiệp khởi nghiệp sáng tạo", "%", NULL);
	struct align_item *x[4], *y[5];
	for (int i = 0; i < 4; i++)
		x[i] = align_item_new(&a.ind[i]);
	for (int i = 0; i < 5; i++)
		y[i] = align_item_new(&b.ind[i]);
	struct align_pair *p;
	size_t n = align_match(x, 4, y, 5, ALIGN_THRESHOLD, &p);
	assert_int_equal(n, 3);
	bool seen[3] = {false};
	for (size_t i = 0; i < n; i++) {
		/* I.1-I.1, I.2-I.3, V.25-V.22 (the first of the two copies). */
		size_t want = p[i].ia == 0 ? 1 : p[i].ia == 1 ? 0 : p[i].ia == 2 ? 2 : 99;
		assert_int_equal(p[i].ib, want);
		seen[p[i].ia] = true;
	}
	assert_true(seen[0] && seen[1] && seen[2]);
	free(p);
	for (int i = 0; i < 4; i++)
		align_item_free(x[i]);
	for (int i = 0; i < 5; i++)
		align_item_free(y[i]);
	plan_free(&a);
	plan_free(&b);
}

static void groups_of_three(void **state)
{
	(void)state;
	struct plan p[3];
	for (int i = 0; i < 3; i++)
		plan_init(&p[i]);
	add(&p[0], "V.25", "Tỷ lệ người dân có Sổ sức khỏe điện tử", "%", NULL);
	add(&p[0], "V.7", "Tỷ lệ hồ sơ TTHC xử lý trực tuyến", "%", NULL);
	add(&p[1], "V.22", "Tỷ lệ người dân có sổ sức khỏe điện tử", "%", NULL);
	add(&p[1], "V.23", "Tỷ lệ người dân có sổ sức khỏe điện tử", "%", NULL);
	add(&p[2], "II.4", "Hồ sơ thủ tục hành chính xử lý trực tuyến", "%", NULL);
	add(&p[2], "II.9", "Phủ sóng 5G trên dân số", "%", NULL);
	const struct plan *pp[3] = {&p[0], &p[1], &p[2]};
	struct align_groups g;
	align_group(pp, 3, ALIGN_THRESHOLD, &g);
	assert_int_equal(g.n, 2);
	/* The health book: 000 V.25 with one of the two copies, never both. */
	assert_int_equal(g.g[0].n, 2);
	assert_int_equal(g.g[0].m[0].plan, 0);
	assert_int_equal(g.g[0].m[0].ind, 0);
	assert_true(g.g[0].m[0].score == 1);
	assert_int_equal(g.g[0].m[1].plan, 1);
	/* The online dossiers: 000 V.7 with 002 II.4, said why. */
	assert_int_equal(g.g[1].n, 2);
	assert_int_equal(g.g[1].m[1].plan, 2);
	assert_int_equal(g.g[1].m[1].ind, 0);
	assert_true(g.g[1].m[1].score >= ALIGN_THRESHOLD);
	assert_true(says(&g.g[1].m[1].why, "TTHC"));
	align_groups_free(&g);
	for (int i = 0; i < 3; i++)
		plan_free(&p[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(technology_generation),
	        cmocka_unit_test(same_wording_other_code),
	        cmocka_unit_test(abbreviations),
	        cmocka_unit_test(kind_and_unit),
	        cmocka_unit_test(key_terms),
	        cmocka_unit_test(unlike_names),
	        cmocka_unit_test(match_two_plans),
	        cmocka_unit_test(groups_of_three),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
