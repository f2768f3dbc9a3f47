/* eval.c: the rules of ../shared/DOMAIN.md ("Evaluation"): a target reached
 * is met (exceeded beyond it); before the milestone, the latest figure is
 * compared with the path from the baseline or the previous milestone to the
 * target, and the trend is projected to the milestone (or, Open SDG's way,
 * the observed growth rate is compared with the one required); after it,
 * what is not reached is not met. */
#include "eval.h"

#include "util.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define EPS 1e-9

static void note(const struct eval_input *in, struct eval_result *r, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));

static void note(const struct eval_input *in, struct eval_result *r, const char *fmt, ...)
{
	size_t n = strlen(r->record);
	if (in->quiet || n + 1 >= sizeof r->record)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(r->record + n, sizeof r->record - n, fmt, ap);
	va_end(ap);
}

/* Lower is better for "≤ 5", "< 2" and ranks ("in the top 40"). */
static bool decreasing(const struct target *t)
{
	return ((t->kind == TARGET_NUMBER || t->kind == TARGET_RANK) &&
	        (t->op == TARGET_LE || t->op == TARGET_LT));
}

/* The value a target asks for, on the scale of the figures. */
static bool goal_of(const struct target *t, bool has_ref, double ref, double *g)
{
	switch (t->kind) {
	case TARGET_NUMBER:
	case TARGET_RANK:
	case TARGET_GROWTH:
		*g = t->value;
		return true;
	case TARGET_RANGE:
		*g = t->min;
		return true;
	case TARGET_LEVEL:
		*g = t->rank;
		return true;
	case TARGET_YES:
	case TARGET_REPORT:
		*g = 1;
		return true;
	case TARGET_RELATIVE:
		*g = ref;
		return has_ref;
	default:
		return false;
	}
}

bool eval_satisfies(const struct target *t, double v, bool has_ref, double ref)
{
	switch (t->kind) {
	case TARGET_NUMBER:
	case TARGET_RANK:
		switch (t->op) {
		case TARGET_GE:
			return v >= t->value - EPS;
		case TARGET_GT:
			return v > t->value + EPS;
		case TARGET_LE:
			return v <= t->value + EPS;
		case TARGET_LT:
			return v < t->value - EPS;
		default:
			return fabs(v - t->value) <= EPS;
		}
	case TARGET_RANGE:
		return v >= t->min - EPS && v <= t->max + EPS;
	case TARGET_LEVEL:
		return v >= t->rank - EPS;
	case TARGET_YES:
	case TARGET_REPORT:
		return v >= 1 - EPS;
	case TARGET_RELATIVE:
		return has_ref && v >= ref - EPS;
	default:
		return false;
	}
}

/* Beyond the target: above a range, past "≥ v", a higher level. */
static bool exceeds(const struct target *t, double v)
{
	switch (t->kind) {
	case TARGET_NUMBER:
		return (t->op == TARGET_GE && v > t->value + EPS) ||
		       (t->op == TARGET_LE && v < t->value - EPS);
	case TARGET_RANGE:
		return v > t->max + EPS;
	case TARGET_LEVEL:
		return v > t->rank + EPS;
	default:
		return false;
	}
}

/* Least squares over the figures: the trend's value at month m. */
static bool project(const struct eval_point *p, size_t n, int m, double *out)
{
	if (n < 2 || p[n - 1].month == p[0].month)
		return false;
	double sx = 0, sy = 0, sxx = 0, sxy = 0;
	for (size_t i = 0; i < n; i++) {
		double x = p[i].month - p[0].month;
		sx += x;
		sy += p[i].value;
		sxx += x * x;
		sxy += x * p[i].value;
	}
	double d = (double)n * sxx - sx * sx;
	if (fabs(d) < EPS)
		return false;
	double slope = ((double)n * sxy - sx * sy) / d, icpt = (sy - slope * sx) / (double)n;
	*out = icpt + slope * (m - p[0].month);
	return true;
}

static void month_text(int m, char *b, size_t n)
{
	snprintf(b, n, "%04d-%02d", m / 12, m % 12 + 1);
}

/* Where the path to the target starts: the previous milestone's target,
 * else the baseline, else the first figure. */
static bool path_start(const struct eval_input *in, double *v, int *m, struct eval_result *r)
{
	double g;
	if (in->previous && in->previous_year < in->year &&
	    goal_of(in->previous, in->has_reference, in->reference, &g)) {
		*v = g;
		*m = in->previous_year * 12 + 11;
		note(in, r, "đường mục tiêu từ mốc %d (%g)", in->previous_year, g);
	} else if (in->has_baseline && in->baseline_year < in->year) {
		*v = in->baseline;
		*m = in->baseline_year * 12 + 11;
		note(in, r, "đường mục tiêu từ hiện trạng %d (%g)", in->baseline_year,
		     in->baseline);
	} else if (in->nobs >= 2) {
		*v = in->obs[0].value;
		*m = in->obs[0].month;
		char b[16] = "";
		if (!in->quiet)
			month_text(*m, b, sizeof b);
		note(in, r, "đường mục tiêu từ số liệu đầu tiên %s (%g)", b, *v);
	} else {
		return false;
	}
	return true;
}

static void linear(const struct eval_input *in, struct eval_result *r, double start, int from)
{
	int deadline = in->year * 12 + 11;
	double dir = decreasing(in->target) ? -1 : 1;
	r->expected =
	        start + (r->goal - start) * (double)(in->as_of - from) / (double)(deadline - from);
	r->has_expected = true;
	if (fabs(r->goal - start) > EPS) {
		r->progress = (r->latest - start) / (r->goal - start);
		r->has_progress = true;
	}
	bool on_path = dir * (r->latest - r->expected) >= -EPS;
	note(in, r, " đến %g (%d): kỳ này cần %.4g, đạt %g (%s đường)", r->goal, in->year,
	     r->expected, r->latest, on_path ? "trên" : "dưới");
	r->has_projection = project(in->obs, in->nobs, deadline, &r->projected);
	bool proj_ok = true;
	if (r->has_projection) {
		proj_ok =
		        eval_satisfies(in->target, r->projected, in->has_reference, in->reference);
		note(in, r, "; xu hướng %zu số liệu dự báo %d: %.4g (%s)", in->nobs, in->year,
		     r->projected, proj_ok ? "đạt" : "không đạt");
	}
	r->status = on_path && proj_ok   ? EVAL_ON_TRACK
	            : on_path || proj_ok ? EVAL_AT_RISK
	                                 : EVAL_OFF_TRACK;
}

/* Open SDG: R = observed CAGR / required CAGR; >= 0.95 on track, 0.6-0.95
 * moderate, 0-0.6 limited, < 0 deteriorating. */
static bool cagr(const struct eval_input *in, struct eval_result *r, double start, int from)
{
	int deadline = in->year * 12 + 11, elapsed = in->as_of - from;
	double a = start, b = r->latest, g = r->goal;
	if (decreasing(in->target) && a > 0 && b > 0 && g > 0) {
		a = 1 / a;
		b = 1 / b;
		g = 1 / g;
	}
	if (a <= 0 || b <= 0 || g <= 0 || elapsed <= 0 || deadline <= from)
		return false;
	double observed = pow(b / a, 12.0 / elapsed) - 1;
	double required = pow(g / a, 12.0 / (deadline - from)) - 1;
	if (required <= EPS)
		return false;
	r->ratio = observed / required;
	r->has_ratio = true;
	const char *cat = r->ratio >= 0.95  ? "đúng tiến độ"
	                  : r->ratio >= 0.6 ? "tiến bộ vừa phải"
	                  : r->ratio >= 0   ? "tiến bộ hạn chế"
	                                    : "đi xuống";
	note(in, r,
	     "; tăng trưởng bình quân quan sát %.2f%%/năm, cần %.2f%%/năm, tỷ số R = %.3f (%s; "
	     "ngưỡng 0,95 / 0,6 / 0)",
	     observed * 100, required * 100, r->ratio, cat);
	r->status = r->ratio >= 0.95  ? EVAL_ON_TRACK
	            : r->ratio >= 0.6 ? EVAL_AT_RISK
	                              : EVAL_OFF_TRACK;
	return true;
}

/* "Tăng trung bình 1%/năm": the observed yearly growth of the figures. */
static void growth(const struct eval_input *in, struct eval_result *r, bool passed)
{
	const struct eval_point *a = &in->obs[0], *b = &in->obs[in->nobs - 1];
	if (in->nobs < 2 || a->value <= 0 || b->month <= a->month) {
		r->status = EVAL_NOT_EVALUATED;
		note(in, r, "cần ít nhất hai số liệu dương ở hai thời điểm để tính tăng trưởng");
		return;
	}
	double g = (pow(b->value / a->value, 12.0 / (b->month - a->month)) - 1) * 100;
	bool ok = g >= r->goal - EPS;
	note(in, r, "tăng trưởng bình quân %.2f%%/năm (cần %g%%/năm)", g, r->goal);
	r->status =
	        ok ? (passed ? EVAL_MET : EVAL_ON_TRACK) : (passed ? EVAL_NOT_MET : EVAL_AT_RISK);
}

/* "Duy trì": the previous milestone's target must still hold. */
static void maintain(const struct eval_input *in, struct eval_result *r, bool passed)
{
	if (!in->previous || in->previous->kind == TARGET_NONE ||
	    in->previous->kind == TARGET_MAINTAIN || in->previous->kind == TARGET_TEXT) {
		r->status = EVAL_NOT_EVALUATED;
		note(in, r, "\"Duy trì\" nhưng mốc trước không có mục tiêu đo được");
		return;
	}
	bool ok = eval_satisfies(in->previous, r->latest, in->has_reference, in->reference);
	note(in, r, "duy trì mục tiêu mốc %d (%s): %g %s", in->previous_year, in->previous->text,
	     r->latest, ok ? "vẫn đạt" : "không còn đạt");
	r->status = ok ? EVAL_MET : passed ? EVAL_NOT_MET : EVAL_AT_RISK;
}

void eval_indicator(const struct eval_input *in, struct eval_result *r)
{
	memset(r, 0, sizeof *r);
	const struct target *t = in->target;
	int deadline = in->year * 12 + 11;
	bool passed = in->as_of >= deadline;
	char when[16] = "";
	if (!in->quiet)
		month_text(in->as_of, when, sizeof when);
	if (!t || t->kind == TARGET_NONE) {
		r->status = EVAL_NOT_EVALUATED;
		note(in, r, "Không có mục tiêu ở mốc %d", in->year);
		return;
	}
	note(in, r, "Mục tiêu %d: %s; tính đến %s: ", in->year, t->text, when);
	if (t->kind == TARGET_TEXT) {
		r->status = in->entered;
		note(in, r, "mục tiêu định tính, do cơ quan theo dõi đánh giá (%s)",
		     eval_status_vi(r->status));
		return;
	}
	if (t->kind == TARGET_RELATIVE && !in->has_reference) {
		r->status = EVAL_NOT_EVALUATED;
		note(in, r, "chưa có số liệu của tỉnh để so sánh");
		return;
	}
	if (in->nobs == 0) {
		r->status = EVAL_NO_DATA;
		note(in, r, "chưa có số liệu");
		return;
	}
	r->latest = in->obs[in->nobs - 1].value;
	r->latest_month = in->obs[in->nobs - 1].month;
	r->has_latest = true;
	if (t->kind == TARGET_MAINTAIN) {
		maintain(in, r, passed);
		return;
	}
	if (!goal_of(t, in->has_reference, in->reference, &r->goal)) {
		r->status = EVAL_NOT_EVALUATED;
		note(in, r, "không so sánh được");
		return;
	}
	if (t->kind == TARGET_GROWTH) {
		growth(in, r, passed);
		return;
	}
	char lm[16] = "";
	if (!in->quiet)
		month_text(r->latest_month, lm, sizeof lm);
	/* Above a range ("80–90", got 95) is beyond the target, not short of it. */
	if (eval_satisfies(t, r->latest, in->has_reference, in->reference) ||
	    exceeds(t, r->latest)) {
		r->status = exceeds(t, r->latest) ? EVAL_EXCEEDED : EVAL_MET;
		note(in, r, "số liệu %s là %g: %s", lm, r->latest,
		     r->status == EVAL_EXCEEDED ? "vượt mục tiêu" : "đạt mục tiêu");
		return;
	}
	if (passed) {
		r->status = EVAL_NOT_MET;
		note(in, r, "số liệu %s là %g, chưa đạt %g khi đã hết mốc", lm, r->latest, r->goal);
		return;
	}
	double start;
	int from;
	bool numeric =
	        t->kind == TARGET_NUMBER || t->kind == TARGET_RANGE || t->kind == TARGET_LEVEL;
	if (!numeric || !path_start(in, &start, &from, r) || from >= deadline || from > in->as_of) {
		r->status = EVAL_AT_RISK;
		note(in, r, "số liệu %s là %g, chưa đạt %g; còn đến hết %d", lm, r->latest, r->goal,
		     in->year);
		return;
	}
	if (in->method == EVAL_CAGR && cagr(in, r, start, from))
		return;
	linear(in, r, start, from);
}

const char *eval_status_name(enum eval_status s)
{
	static const char *const n[] = {"not_evaluated", "no_data", "met",       "exceeded",
	                                "on_track",      "at_risk", "off_track", "not_met"};
	return (unsigned)s < sizeof n / sizeof n[0] ? n[s] : "not_evaluated";
}

const char *eval_status_vi(enum eval_status s)
{
	static const char *const n[] = {"Không đánh giá", "Chưa có số liệu", "Đạt",
	                                "Vượt",           "Đúng tiến độ",    "Có nguy cơ không đạt",
	                                "Chậm tiến độ",   "Không đạt"};
	return (unsigned)s < sizeof n / sizeof n[0] ? n[s] : n[0];
}

enum eval_colour eval_status_colour(enum eval_status s)
{
	switch (s) {
	case EVAL_MET:
	case EVAL_EXCEEDED:
	case EVAL_ON_TRACK:
		return EVAL_GREEN;
	case EVAL_AT_RISK:
		return EVAL_YELLOW;
	case EVAL_OFF_TRACK:
	case EVAL_NOT_MET:
		return EVAL_RED;
	default:
		return EVAL_GREY;
	}
}

const char *eval_colour_vi(enum eval_colour c)
{
	static const char *const n[] = {"XÁM", "XANH", "VÀNG", "ĐỎ"};
	return (unsigned)c < 4 ? n[c] : n[0];
}
