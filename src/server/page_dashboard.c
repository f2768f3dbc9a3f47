/* page_dashboard.c: a province's (or the country's) dashboard: the share of
 * indicators on track under it, its trend over the periods, the units
 * behind with the way down to their indicators, and the indicators most
 * units are behind on with who leads them. */
#include "pages.h"

#include "hold.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { TREND = 8, BEHIND_SHOWN = 8, INDICATORS_SHOWN = 10 };

/* The period of p's kind k steps before p (k = 0: p itself). */
static void step_back(const struct period *p, int k, char out[PERIOD_NAME_SIZE])
{
	int first, last;
	period_months(p, &first, &last);
	int len = p->kind == PERIOD_NINE_MONTHS ? 12 : last - first + 1, m = last - k * len;
	struct period q = {p->kind, m / 12, 0};
	if (p->kind == PERIOD_MONTH)
		q.index = m % 12 + 1;
	else if (p->kind == PERIOD_QUARTER)
		q.index = m % 12 / 3 + 1;
	else if (p->kind == PERIOD_HALF)
		q.index = m % 12 / 6 + 1;
	period_format(&q, out, PERIOD_NAME_SIZE);
}

/* Good over evaluated, summed over the units of the unit's hold. */
static double share(int good, int evaluated)
{
	return evaluated ? (double)good / evaluated : NAN;
}

static void percent(struct ctx *c, double share)
{
	if (isnan(share)) {
		buf_puts(B, "–");
		return;
	}
	pg_number(c, round(1000 * share) / 10);
	buf_puts(B, "%");
}

/* The shares as bars with their values, 0 to 100 %, labelled periods. */
static void bars(struct ctx *c, const double *y, char names[][PERIOD_NAME_SIZE], int n)
{
	const double W = 420, H = 170, L = 8, T = 22, Bm = 26, w = (W - 2 * L) / (n ? n : 1);
	double top = 0;
	for (int i = 0; i < n; i++)
		top = isnan(y[i]) ? top : fmax(top, y[i]);
	top = top > 0.5    ? 1 /* small shares get room to show */
	      : top > 0.2  ? 0.5
	      : top > 0.1  ? 0.2
	      : top > 0.05 ? 0.1
	      : top > 0.02 ? 0.05
	                   : 0.02;
	buf_printf(B,
	           "<svg class=\"chart\" viewBox=\"0 0 %.0f %.0f\" font-size=\"13\" role=\"img\" "
	           "aria-label=\"Tỷ lệ chỉ tiêu đạt hoặc đúng tiến độ qua các kỳ\">",
	           W, H);
	for (int i = 0; i < n; i++) {
		double v = isnan(y[i]) ? 0 : y[i], h = (H - T - Bm) * v / top, x = L + i * w;
		buf_printf(B,
		           "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
		           "fill=\"#2b6cb0\"/><text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">",
		           x + w * .15, H - Bm - h, w * .7, h, x + w / 2, H - Bm - h - 5);
		percent(c, y[i]);
		struct period p;
		buf_printf(B, "</text><text x=\"%.1f\" y=\"%.0f\" text-anchor=\"middle\">",
		           x + w / 2, H - 8);
		if (!period_parse(names[i], &p, NULL) && p.kind == PERIOD_MONTH)
			buf_printf(B, "%d/%02d", p.index, p.year % 100); /* "12/25": eight fit */
		else
			pg_esc(c, names[i]);
		buf_puts(B, "</text>");
	}
	buf_puts(B, "</svg>");
}

struct trend {
	double y[TREND];
	char names[TREND][PERIOD_NAME_SIZE];
	int ny;
};

/* The shares of the TREND periods up to period, the period itself last,
 * from the hold's counts kept by period (hold_shares): a view after no
 * write evaluates nothing, one after a write the children written. */
static void trend_of(struct hold *h, enum period_kind grain, const char *period, struct trend *t)
{
	struct period p;
	int as_of[TREND], good[TREND], ev[TREND];
	t->ny = -1; /* no trend shown */
	if (period_parse(period, &p, NULL))
		return;
	t->ny = 0;
	for (int k = TREND - 1; k >= 0; k--) {
		enum period_kind kind;
		step_back(&p, k, t->names[t->ny]);
		if (!period_end(t->names[t->ny], &as_of[t->ny], &kind, NULL))
			t->ny++;
	}
	hold_shares(h, grain, as_of, t->ny, good, ev);
	for (int i = 0; i < t->ny; i++)
		t->y[i] = share(good[i], ev[i]);
}

static void trend(struct ctx *c, struct trend *t)
{
	if (t->ny < 0)
		return;
	double *y = t->y;
	char(*names)[PERIOD_NAME_SIZE] = t->names;
	int ny = t->ny;
	buf_puts(B,
	         "<h2>Diễn biến qua các kỳ</h2><div class=\"wide\"><table class=\"trend\"><thead>"
	         "<tr><th scope=\"row\">Kỳ</th>");
	for (int i = 0; i < ny; i++) {
		buf_puts(B, "<th>");
		pg_period(c, names[i]);
		buf_puts(B, "</th>");
	}
	buf_puts(B, "</tr></thead><tbody><tr><th scope=\"row\">Tỷ lệ đạt, đúng tiến độ</th>");
	for (int i = 0; i < ny; i++) {
		buf_puts(B, "<td class=\"num\">");
		percent(c, y[i]);
		buf_puts(B, "</td>");
	}
	buf_puts(B, "</tr></tbody></table></div>");
	bars(c, y, names, ny);
}

static int by_completion(const void *a, const void *b)
{
	const struct rank_row *x = a, *y = b;
	return x->completion < y->completion ? -1 : x->completion > y->completion ? 1 : 0;
}

/* The behind indicators of a child from its evaluation. */
static int behind_of(const struct child_eval *ev)
{
	int k = 0;
	for (size_t j = 0; j < ev->nst; j++) {
		enum eval_status s = ev->st[j].r.status;
		k += s == EVAL_AT_RISK || s == EVAL_OFF_TRACK || s == EVAL_NOT_MET;
	}
	return k;
}

/* The family f of the hold h at (as_of, grain): its ranking, children
 * and their evaluations (status_evaluate at as_of, EVAL_LINEAR). */
struct dash {
	const struct family *f;
	struct rank_row *r; /* a copy: sorted here */
	size_t nr;
	const struct child *c;
	const struct child_eval *ev;
};

static void units_behind(struct ctx *c, const struct dash *d, const char *period)
{
	const struct family *f = d->f;
	struct rank_row *r = d->r;
	size_t n = d->nr;
	qsort(r, n, sizeof *r, by_completion);
	buf_puts(B,
	         "<h2 id=\"cham\">Đơn vị chậm nhất</h2><p>Xếp từ tỷ lệ đạt thấp nhất; bấm tên để "
	         "xem các chỉ tiêu chậm của đơn vị.</p><table class=\"behind\"><thead><tr>"
	         "<th>Đơn vị</th><th>Tỷ lệ đạt</th><th>Chỉ tiêu chậm</th></tr></thead><tbody>");
	for (size_t i = 0; i < n && i < BEHIND_SHOWN; i++) {
		int late = 0;
		for (size_t j = 0; j < f->n; j++)
			if (!strcmp(f->c[j].code, r[i].code) ||
			    (f->top && f->top[j] && !strcmp(f->top[j], r[i].code)))
				late += behind_of(&d->ev[j]);
		buf_puts(B, "<tr><td><a href=\"/don-vi/");
		pg_esc(c, r[i].code);
		buf_puts(B, "?period=");
		pg_esc(c, period);
		buf_printf(B, "&amp;loc=%s\">", late ? "cham" : "thieu");
		pg_esc(c, r[i].name);
		buf_puts(B, "</a></td><td class=\"num\">");
		percent(c, r[i].evaluated ? (double)r[i].good / r[i].evaluated : NAN);
		buf_printf(B, " <small>(%d/%d)</small></td><td class=\"num\">%d</td></tr>",
		           r[i].good, r[i].evaluated, late);
	}
	buf_puts(B, "</tbody></table>");
}

/* The indicators the most units are behind on, with who leads them. */
static void indicators_behind(struct ctx *c, const struct dash *d)
{
	const struct family *f = d->f;
	if (!f->n)
		return;
	const struct plan *p = d->c[0].plan;
	int *late = xcalloc(p->nind + 1, sizeof *late), *with = xcalloc(p->nind + 1, sizeof *with);
	for (size_t i = 0; i < f->n; i++) {
		const struct child_row *st = d->ev[i].st;
		size_t n = d->ev[i].nst;
		for (size_t j = 0; j < n; j++)
			for (size_t k = 0; k < p->nind; k++)
				if (!strcmp(p->ind[k].code, st[j].ind->code)) {
					enum eval_status s = st[j].r.status;
					late[k] += s == EVAL_AT_RISK || s == EVAL_OFF_TRACK ||
					           s == EVAL_NOT_MET;
					with[k] += s != EVAL_NO_DATA && s != EVAL_NOT_EVALUATED;
				}
	}
	buf_puts(B, "<h2>Chỉ tiêu nhiều đơn vị chậm</h2>");
	int shown = 0;
	for (int round = 0; round < INDICATORS_SHOWN; round++) {
		size_t best = p->nind;
		for (size_t k = 0; k < p->nind; k++)
			if (late[k] > 0 && (best == p->nind || late[k] > late[best]))
				best = k;
		if (best == p->nind)
			break;
		if (!shown++)
			buf_puts(B,
			         "<table><thead><tr><th>Chỉ tiêu</th><th>Chủ trì</th><th>Số đơn vị "
			         "chậm</th></tr></thead><tbody>");
		const struct indicator *x = &p->ind[best];
		buf_puts(B, "<tr><td>");
		pg_esc(c, x->code);
		buf_puts(B, ". ");
		pg_esc(c, x->name);
		buf_puts(B, "</td><td>");
		pg_esc(c, x->lead ? x->lead : "–");
		buf_printf(B, "</td><td class=\"num\">%d/%d</td></tr>", late[best], with[best]);
		late[best] = 0;
	}
	buf_puts(B, shown ? "</tbody></table>" : "<p>Không có chỉ tiêu nào chậm ở kỳ này.</p>");
	free(late);
	free(with);
}

/* Without a family (no plan, plans not alike): the units under it. */
static void units_list(struct ctx *c, const char *unit)
{
	struct unit_rec *u;
	size_t n;
	struct error err = {0};
	size_t shown = 0;
	buf_puts(B, "<h2>Các đơn vị trực thuộc</h2><ul>");
	if (!store_unit_list(c->s, &u, &n, &err)) {
		for (size_t i = 0; i < n; i++) {
			if (u[i].parent_code && !strcmp(u[i].parent_code, unit)) {
				shown++;
				buf_puts(B, "<li><a href=\"/don-vi/");
				pg_esc(c, u[i].code);
				buf_puts(B, "\">");
				pg_esc(c, u[i].name);
				buf_puts(B, "</a></li>");
			}
			unit_rec_free(&u[i]);
		}
		free(u);
	}
	err_clear(&err);
	buf_puts(B, "</ul>");
	if (!shown) {
		buf_puts(B, "<p>Không có đơn vị trực thuộc. <a href=\"/don-vi/");
		pg_esc(c, unit);
		buf_puts(B, "\">Xem các chỉ tiêu của đơn vị</a>.</p>");
	}
}

void page_dashboard(struct ctx *c, char *const *arg)
{
	const char *unit = arg[0];
	struct unit_rec u = {0};
	struct error err = {0};
	if (store_unit_get(c->s, unit, &u, &err)) {
		pg_error(c, "Không xem được", &err);
		err_clear(&err);
		return;
	}
	char *periods = pg_unit_periods(c, unit), latest[32] = "", period[32];
	sscanf(periods, "%31s", latest);
	int as_of;
	enum period_kind grain;
	if (!pg_period_arg(c, latest, &as_of, &grain, period)) {
		free(periods);
		unit_rec_free(&u);
		return;
	}
	pg_head(c, u.name, unit);
	buf_puts(B, "<h1>Bảng điều khiển: ");
	pg_esc(c, u.name);
	buf_puts(B, "</h1>");
	const char *list[24];
	size_t nl = 0;
	for (char *p = periods; *p && nl < 24;) {
		list[nl++] = p;
		p += strcspn(p, " ");
		if (*p)
			*p++ = 0;
	}
	char *action = xasprintf("/don-vi/%s/bang-dieu-khien", unit);
	pg_period_picker(c, action, period, list, nl);
	free(action);
	/* From the unit's hold (the engine the roll-ups read), kept by each
	 * write: the figures under it at every level, rolled up to grain. */
	struct held *ref = NULL;
	struct hold *h = app_hold(c, unit, &ref, &err);
	const struct family *f = h ? hold_family(h, &err) : NULL;
	if (!f || !f->n) {
		buf_puts(B, "<p>Chưa so sánh được các đơn vị trực thuộc: ");
		pg_esc(c, err_is(&err) ? pg_err_sentence(&err) : "chưa đơn vị nào có số liệu.");
		buf_puts(B, "</p>");
		units_list(c, unit);
	} else {
		struct dash d = {f, NULL, 0, NULL, NULL};
		const struct rank_row *r;
		d.nr = hold_rank(h, as_of, grain, &r);
		d.r = xcalloc(d.nr + 1, sizeof *d.r);
		if (d.nr)
			memcpy(d.r, r, d.nr * sizeof *r);
		hold_children(h, as_of, grain, &d.c, &d.ev);
		/* After: the page's period is counted from the hold's evaluation. */
		struct trend t;
		trend_of(h, grain, period, &t);
		int good, ev;
		hold_shares(h, grain, &as_of, 1, &good, &ev);
		buf_puts(B, "<p class=\"big\"><strong>");
		percent(c, share(good, ev));
		buf_printf(B,
		           "</strong> chỉ tiêu đạt hoặc đúng tiến độ (%d trên %d chỉ tiêu có mục "
		           "tiêu, ở %zu đơn vị; chưa có số liệu tính là chưa đạt) · kỳ ",
		           good, ev, f->n);
		pg_period(c, period);
		buf_puts(B, "</p><p><a href=\"/don-vi/");
		pg_esc(c, unit);
		buf_puts(B, "/tinh?period=");
		pg_esc(c, period);
		buf_puts(B, "\">So sánh các đơn vị theo từng chỉ tiêu</a> · <a href=\"/don-vi/");
		pg_esc(c, unit);
		buf_puts(B, "?period=");
		pg_esc(c, period);
		buf_puts(B, "\">Số tổng hợp của ");
		pg_esc(c, u.name);
		buf_puts(B, "</a></p>");
		units_behind(c, &d, period);
		indicators_behind(c, &d);
		trend(c, &t);
		free(d.r);
	}
	app_unhold(c, ref);
	err_clear(&err);
	pg_foot(c);
	free(periods);
	unit_rec_free(&u);
}
