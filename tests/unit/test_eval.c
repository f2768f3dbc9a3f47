/* test_eval.c: the evaluation and aggregation rules against values worked
 * out by hand (the arithmetic is in the comments). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aggregate.h"
#include "eval.h"
#include "status.h"
#include "target.h"

#define M(y, m)    ((y)*12 + (m)-1)
#define NEAR(a, b) (fabs((a) - (b)) < 1e-3)

static struct target T(const char *cell, const char *unit) {
	struct target t;
	target_parse(cell, unit, &t);
	return t;
}

static struct eval_result
run(struct eval_input *in)
{
	struct eval_result r;
	eval_indicator(in, &r);
	return r;
}

static void expect(const struct eval_result *r, enum eval_status s)
{
	if (r->status != s)
		fail_msg("got %s, want %s: %s", eval_status_name(r->status), eval_status_name(s),
		         r->record);
}

/* Evaluate in and check the status. */
static void status_is(struct eval_input *in, enum eval_status s)
{
	struct eval_result r = run(in);
	expect(&r, s);
}

/* Baseline 60 (2024), target >= 80 (2030). At 2025-12 the path asks
 * 60 + 20 * 12/72 = 63.333; the latest is 65, above it. The trend through
 * 62 (2025-06) and 65 (2025-12) is +0.5 a month: at 2030-12, 60 months
 * on, 65 + 30 = 95 >= 80. Progress (65 - 60) / 20 = 0.25. */
static void linear_on_track(void **s)
{
	(void)s;
	struct target t = T("≥ 80", "%");
	struct eval_point p[] = {{M(2025, 6), 62}, {M(2025, 12), 65}};
	struct eval_input in = {.target = &t,
	                        .year = 2030,
	                        .has_baseline = true,
	                        .baseline = 60,
	                        .baseline_year = 2024,
	                        .obs = p,
	                        .nobs = 2,
	                        .as_of = M(2025, 12)};
	struct eval_result r = run(&in);
	expect(&r, EVAL_ON_TRACK);
	assert_true(NEAR(r.expected, 63.3333));
	assert_true(NEAR(r.projected, 95));
	assert_true(NEAR(r.progress, 0.25));
	assert_non_null(strstr(r.record, "kỳ này cần 63.33"));
	assert_int_equal(eval_status_colour(r.status), EVAL_GREEN);
	target_free(&t);
}

/* Below the path (61 < 63.333) and the trend goes down: off track. One
 * figure below the path and no trend: at risk. */
static void linear_behind(void **s)
{
	(void)s;
	struct target t = T("≥ 80", "%");
	struct eval_point p[] = {{M(2025, 6), 62}, {M(2025, 12), 61}};
	struct eval_input in = {.target = &t,
	                        .year = 2030,
	                        .has_baseline = true,
	                        .baseline = 60,
	                        .baseline_year = 2024,
	                        .obs = p,
	                        .nobs = 2,
	                        .as_of = M(2025, 12)};
	struct eval_result r = run(&in);
	expect(&r, EVAL_OFF_TRACK);
	assert_int_equal(eval_status_colour(r.status), EVAL_RED);
	in.obs = &p[1];
	in.nobs = 1;
	r = run(&in);
	expect(&r, EVAL_AT_RISK);
	assert_int_equal(eval_status_colour(r.status), EVAL_YELLOW);
	target_free(&t);
}

/* Open SDG: start 50 (2024-12), latest 60 (2026-12), target 100 (2030-12).
 * Observed CAGR (60/50)^(1/2) - 1 = 0.095445; required (100/50)^(1/6) - 1
 * = 0.122462; R = 0.7794: moderate progress, at risk. */
static void cagr_ratio(void **s)
{
	(void)s;
	struct target t = T("≥ 100", "Doanh nghiệp");
	struct eval_point p[] = {{M(2026, 12), 60}};
	struct eval_input in = {.target = &t,
	                        .year = 2030,
	                        .has_baseline = true,
	                        .baseline = 50,
	                        .baseline_year = 2024,
	                        .obs = p,
	                        .nobs = 1,
	                        .as_of = M(2026, 12),
	                        .method = EVAL_CAGR};
	struct eval_result r = run(&in);
	expect(&r, EVAL_AT_RISK);
	assert_true(r.has_ratio);
	assert_true(NEAR(r.ratio, 0.095445 / 0.122462));
	/* 80 at 2026-12: (80/50)^(1/2) - 1 = 0.264911; R = 2.163: on track. */
	p[0].value = 80;
	r = run(&in);
	expect(&r, EVAL_ON_TRACK);
	/* 45: observed growth is negative, deteriorating. */
	p[0].value = 45;
	r = run(&in);
	expect(&r, EVAL_OFF_TRACK);
	assert_true(r.ratio < 0);
	target_free(&t);
}

static void reached(void **s)
{
	(void)s;
	struct target t = T("≥ 70", "%"), h = T("100", "%"), g = T(">60", "%");
	struct eval_point p[] = {{M(2025, 9), 70}};
	struct eval_input in = {
	        .target = &t, .year = 2030, .obs = p, .nobs = 1, .as_of = M(2025, 9)};
	struct eval_result r = run(&in);
	expect(&r, EVAL_MET); /* reached before the milestone: achieved */
	p[0].value = 75;
	r = run(&in);
	expect(&r, EVAL_EXCEEDED);
	in.target = &h;
	p[0].value = 100;
	r = run(&in);
	expect(&r, EVAL_MET);
	in.target = &g;
	p[0].value = 60; /* "> 60" is strict */
	in.year = 2025;
	in.as_of = M(2025, 12);
	r = run(&in);
	expect(&r, EVAL_NOT_MET);
	target_free(&t);
	target_free(&h);
	target_free(&g);
}

static void ranges_levels_yes(void **s)
{
	(void)s;
	struct target rg = T("80-90", "%"), lv = T("Khá", "Mức độ"), yes = T("Có", "Có/ Không");
	target_rank_row(&lv, 1); /* ranks come from the row, as the importer sets them */
	assert_int_equal(lv.rank, 3);
	struct eval_point p[] = {{M(2040, 12), 85}};
	struct eval_input in = {
	        .target = &rg, .year = 2040, .obs = p, .nobs = 1, .as_of = M(2040, 12)};
	struct eval_result r = run(&in);
	expect(&r, EVAL_MET);
	p[0].value = 95;
	status_is(&in, EVAL_EXCEEDED);
	p[0].value = 70;
	status_is(&in, EVAL_NOT_MET);
	/* Levels by rank: Khá is 3 on Yếu < Trung bình < Khá < Tốt. */
	in.target = &lv;
	in.year = 2030;
	in.as_of = M(2026, 12);
	p[0].month = M(2026, 12);
	p[0].value = 4;
	status_is(&in, EVAL_EXCEEDED);
	p[0].value = 3;
	status_is(&in, EVAL_MET);
	p[0].value = 2;
	status_is(&in, EVAL_AT_RISK);
	in.target = &yes;
	p[0].value = 1;
	status_is(&in, EVAL_MET);
	p[0].value = 0;
	in.as_of = M(2031, 1);
	status_is(&in, EVAL_NOT_MET);
	target_free(&rg);
	target_free(&lv);
	target_free(&yes);
}

/* "Duy trì" at 2030 after "100" at 2025: met while 100 still holds. */
static void maintain_previous(void **s)
{
	(void)s;
	struct target prev = T("100", "%"), m = T("Duy trì", "%");
	struct eval_point p[] = {{M(2027, 12), 100}};
	struct eval_input in = {.target = &m,
	                        .year = 2030,
	                        .previous = &prev,
	                        .previous_year = 2025,
	                        .obs = p,
	                        .nobs = 1,
	                        .as_of = M(2027, 12)};
	struct eval_result r = run(&in);
	expect(&r, EVAL_MET);
	assert_non_null(strstr(r.record, "vẫn đạt"));
	p[0].value = 90;
	r = run(&in);
	expect(&r, EVAL_AT_RISK);
	in.as_of = M(2031, 3);
	r = run(&in);
	expect(&r, EVAL_NOT_MET);
	in.previous = NULL;
	r = run(&in);
	expect(&r, EVAL_NOT_EVALUATED);
	target_free(&prev);
	target_free(&m);
}

/* Relative to the province: the province's average (here 72.5) is the goal. */
static void relative_to_province(void **s)
{
	(void)s;
	struct target t = T("Đạt mức trung bình chung của tỉnh", "%");
	struct eval_point p[] = {{M(2025, 12), 75}};
	struct eval_input in = {.target = &t,
	                        .year = 2025,
	                        .obs = p,
	                        .nobs = 1,
	                        .as_of = M(2025, 12),
	                        .has_reference = true,
	                        .reference = 72.5};
	struct eval_result r = run(&in);
	expect(&r, EVAL_MET);
	assert_true(NEAR(r.goal, 72.5));
	p[0].value = 70;
	status_is(&in, EVAL_NOT_MET);
	in.has_reference = false;
	status_is(&in, EVAL_NOT_EVALUATED);
	target_free(&t);
}

/* No figure for the period: no data (grey); no target: not evaluated. */
static void missing(void **s)
{
	(void)s;
	struct target t = T("≥ 80", "%"), none = T("-", "%"),
	              text = T("Nâng cao phạm vi ứng dụng", NULL);
	struct eval_input in = {
	        .target = &t, .year = 2030, .obs = NULL, .nobs = 0, .as_of = M(2025, 12)};
	struct eval_result r = run(&in);
	expect(&r, EVAL_NO_DATA);
	assert_int_equal(eval_status_colour(r.status), EVAL_GREY);
	assert_string_equal(eval_colour_vi(eval_status_colour(r.status)), "XÁM");
	in.target = &none;
	status_is(&in, EVAL_NOT_EVALUATED);
	in.target = &text;
	in.entered = EVAL_AT_RISK; /* judged by the monitoring agency */
	status_is(&in, EVAL_AT_RISK);
	target_free(&t);
	target_free(&none);
	target_free(&text);
}

/* Lower is better: "≤ 5" from a baseline of 10 (2024) by 2030; at 2027-12
 * the path asks 10 + (5 - 10) * 36/72 = 7.5; 6 is ahead of it. Rank <= 40. */
static void decreasing_and_rank(void **s)
{
	(void)s;
	struct target t = T("≤ 5", "%"), rk = T("Nằm trong tốp 40 của tỉnh", NULL);
	struct eval_point p[] = {{M(2027, 12), 6}};
	struct eval_input in = {.target = &t,
	                        .year = 2030,
	                        .has_baseline = true,
	                        .baseline = 10,
	                        .baseline_year = 2024,
	                        .obs = p,
	                        .nobs = 1,
	                        .as_of = M(2027, 12)};
	struct eval_result r = run(&in);
	expect(&r, EVAL_ON_TRACK);
	assert_true(NEAR(r.expected, 7.5));
	p[0].value = 8;
	status_is(&in, EVAL_AT_RISK);
	in.target = &rk;
	p[0].value = 35;
	status_is(&in, EVAL_MET);
	p[0].value = 45;
	in.as_of = M(2031, 1);
	status_is(&in, EVAL_NOT_MET);
	target_free(&t);
	target_free(&rk);
}

/* "Tăng trung bình 1%/năm": 100 (2025-01) to 102.01 (2027-01) is exactly
 * 1 % a year: (102.01/100)^(1/2) - 1 = 0.01. */
static void growth_per_year(void **s)
{
	(void)s;
	struct target t = T("Tăng trung bình 1%", "%/năm");
	struct eval_point p[] = {{M(2025, 1), 100}, {M(2027, 1), 102.01}};
	struct eval_input in = {
	        .target = &t, .year = 2030, .obs = p, .nobs = 2, .as_of = M(2027, 1)};
	struct eval_result r = run(&in);
	expect(&r, EVAL_ON_TRACK);
	p[1].value = 101;
	status_is(&in, EVAL_AT_RISK);
	target_free(&t);
}

/* Two communes of very different sizes: 9 of 10 dossiers online (90 %) and
 * 100 of 1,000 (10 %). The province is 109 / 1,010 = 10.792 %, not the
 * 50 % an average of percentages would say. */
static void ratio_of_unequal_communes(void **s)
{
	(void)s;
	double num[] = {9, 100}, den[] = {10, 1000}, v;
	assert_true(agg_ratio(num, den, 2, &v));
	assert_true(NEAR(v, 10.7921));
	double zero[] = {0, 0};
	assert_false(agg_ratio(num, zero, 2, &v));
}

/* 5 researchers per 10,000 in a commune of 1,000 people, 20 in one of
 * 9,000: (5 * 1,000 + 20 * 9,000) / 10,000 = 18.5. Counts add: 3+4+5. */
static void rates_and_counts(void **s)
{
	(void)s;
	double rate[] = {5, 20}, pop[] = {1000, 9000}, v;
	assert_true(agg_weighted(rate, pop, 2, &v));
	assert_true(NEAR(v, 18.5));
	/* A commune without a known population: the plain mean (12.5), not 5. */
	double partial[] = {1000, 0};
	assert_true(agg_weighted(rate, partial, 2, &v));
	assert_true(NEAR(v, 12.5));
	assert_false(agg_weighted(rate, partial, 0, &v));
	double c[] = {3, 4, 5};
	assert_true(agg_count(c, 3, &v));
	assert_true(NEAR(v, 12));
}

/* Ranks 3, 4, 3, 2, 4 against a target of 3 (Khá): one at 2, two at 3, two
 * at 4; four of five at or above, 0.8. */
static void level_distribution(void **s)
{
	(void)s;
	int ranks[] = {3, 4, 3, 2, 4};
	struct agg_levels l;
	agg_levels(ranks, 5, 3, &l);
	assert_int_equal(l.count[2], 1);
	assert_int_equal(l.count[3], 2);
	assert_int_equal(l.count[4], 2);
	assert_int_equal(l.total, 5);
	assert_int_equal(l.at_or_above, 4);
	assert_true(NEAR(l.share, 0.8));
}

/* A quarter: a count sums its months (2 + 3 + 4 = 9); a ratio takes the
 * latest month with a figure (March missing: February's 85). */
static void period_rollup(void **s)
{
	(void)s;
	double months[] = {2, 3, 4}, cov[] = {80, 85, 0}, v;
	bool all[] = {true, true, true}, no_march[] = {true, true, false},
	     none[] = {false, false, false};
	assert_true(agg_period(AGG_COUNT, months, all, 3, &v));
	assert_true(NEAR(v, 9));
	assert_true(agg_period(AGG_RATIO, cov, no_march, 3, &v));
	assert_true(NEAR(v, 85));
	assert_false(agg_period(AGG_RATIO, cov, none, 3, &v));
	struct agg_meeting m = {0};
	agg_meeting_add(&m, true, true);
	agg_meeting_add(&m, true, false);
	agg_meeting_add(&m, false, false); /* no data: not counted */
	agg_meeting_add(&m, true, true);
	assert_int_equal(m.met, 2);
	assert_int_equal(m.evaluated, 3);
	assert_true(NEAR(m.share, 2.0 / 3));
}

/* A figure of indicator code for period, a plain value or num/den. */
static struct obs_rec fig(const char *code, const char *period, double v, double den)
{
	struct obs_rec o = {0};
	o.code = (char *)code;
	snprintf(o.period, sizeof o.period, "%s", period);
	if (den > 0) {
		o.has_ratio = true;
		o.num = v;
		o.den = den;
	} else {
		o.has_value = true;
		o.value = v;
	}
	return o;
}

static const struct obs_rec *rolled_for(const struct obs_rec *r, size_t n, const char *code,
                                        const char *period)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(r[i].code, code) && !strcmp(r[i].period, period))
			return &r[i];
	return NULL;
}

/* Figures seen at a quarter and at the year, by nature (status_roll_periods). */
static void periods_roll_by_nature(void **s)
{
	(void)s;
	struct indicator ind[5] = {
	        {.code = "SK", .name = "Số sáng kiến được công nhận mỗi năm", .unit = "Sáng kiến"},
	        {.code = "HS", .name = "Tỷ lệ hồ sơ trực tuyến", .unit = "%"}, /* num/den */
	        {.code = "BS", .name = "Số bác sĩ", .unit = "Bác sĩ/vạn dân"},
	        {.code = "DN", .name = "Số doanh nghiệp thành lập", .unit = "Doanh nghiệp/năm"},
	        {.code = "CB",
	         .name = "Số cán bộ nghiên cứu trên địa bàn",
	         .unit = "Cán bộ"}, /* a stock */
	};
	struct plan p = {0};
	p.ind = ind;
	p.nind = 5;
	struct obs_rec f[] = {
	        fig("SK", "2025-01", 2, 0),
	        fig("SK", "2025-02", 3, 0),
	        fig("SK", "2025-03", 4, 0),
	        fig("SK", "2025-04", 5, 0),
	        fig("HS", "2025-01", 40, 100),
	        fig("HS", "2025-02", 45, 90),
	        fig("BS", "2025-02", 7.5, 0),
	        fig("BS", "2025-03", 8, 0),
	        /* DN: Q1 recorded itself and by month; April and Q2's May by month */
	        fig("DN", "2025-Q1", 10, 0),
	        fig("DN", "2025-01", 1, 0),
	        fig("DN", "2025-02", 1, 0),
	        fig("DN", "2025-04", 6, 0),
	        fig("DN", "2025-05", 7, 0),
	        fig("DN", "2026", 99, 0),
	        fig("CB", "2025-01", 30, 0),
	        fig("CB", "2025-02", 31, 0),
	        /* SK 2026: nine months and the second half share July-September */
	        fig("SK", "2026-9M", 20, 0),
	        fig("SK", "2026-H2", 12, 0),
	        fig("SK", "2026-12", 3, 0),
	};
	size_t nf = sizeof f / sizeof f[0];
	struct obs_rec *r;
	size_t n = status_roll_periods(&p, f, nf, PERIOD_QUARTER, &r);
	/* SK Q1 = 2+3+4 = 9, Q2 = 5; HS Q1 = February's 45/90 (latest);
	 * BS Q1 = March's 8 (a rate is not summed); DN Q1 = the recorded 10,
	 * not 1+1; DN Q2 = 6+7 = 13; DN 2026 copied; CB Q1 = February's 31, a
	 * stock is not summed; SK 2026-9M and -H2 copied (no quarter holds
	 * them), 2026-12 becomes 2026-Q4: 11 figures. */
	assert_int_equal(n, 11);
	const struct obs_rec *o = rolled_for(r, n, "SK", "2025-Q1");
	assert_non_null(o);
	assert_true(NEAR(o->value, 9));
	assert_string_equal(o->note, "tổng hợp từ 3 kỳ");
	assert_true(NEAR(rolled_for(r, n, "SK", "2025-Q2")->value, 5));
	o = rolled_for(r, n, "HS", "2025-Q1");
	assert_true(o && o->has_ratio && NEAR(o->num, 45) && NEAR(o->den, 90));
	assert_true(NEAR(rolled_for(r, n, "BS", "2025-Q1")->value, 8));
	assert_true(NEAR(rolled_for(r, n, "DN", "2025-Q1")->value, 10));
	assert_true(NEAR(rolled_for(r, n, "DN", "2025-Q2")->value, 13));
	assert_true(NEAR(rolled_for(r, n, "DN", "2026")->value, 99));
	assert_true(NEAR(rolled_for(r, n, "CB", "2025-Q1")->value, 31));
	for (size_t i = 0; i < n; i++)
		obs_rec_free(&r[i]);
	free(r);
	/* The year: SK 2+3+4+5 = 14; DN = Q1's 10 (its months are inside it)
	 * + 6 + 7 = 23; 2026 stays; CB 31; SK 2026 = 9M's 20 + December's 3
	 * (H2 shares July-September with 9M and is left out): 7 figures. */
	n = status_roll_periods(&p, f, nf, PERIOD_YEAR, &r);
	assert_int_equal(n, 7);
	assert_true(NEAR(rolled_for(r, n, "SK", "2026")->value, 23));
	assert_true(NEAR(rolled_for(r, n, "CB", "2025")->value, 31));
	assert_true(NEAR(rolled_for(r, n, "SK", "2025")->value, 14));
	assert_true(NEAR(rolled_for(r, n, "DN", "2025")->value, 23));
	assert_string_equal(rolled_for(r, n, "DN", "2025")->note, "tổng hợp từ 3 kỳ");
	for (size_t i = 0; i < n; i++)
		obs_rec_free(&r[i]);
	free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(linear_on_track),
	        cmocka_unit_test(linear_behind),
	        cmocka_unit_test(cagr_ratio),
	        cmocka_unit_test(reached),
	        cmocka_unit_test(ranges_levels_yes),
	        cmocka_unit_test(maintain_previous),
	        cmocka_unit_test(relative_to_province),
	        cmocka_unit_test(missing),
	        cmocka_unit_test(decreasing_and_rank),
	        cmocka_unit_test(growth_per_year),
	        cmocka_unit_test(ratio_of_unequal_communes),
	        cmocka_unit_test(rates_and_counts),
	        cmocka_unit_test(level_distribution),
	        cmocka_unit_test(period_rollup),
	        cmocka_unit_test(periods_roll_by_nature),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
