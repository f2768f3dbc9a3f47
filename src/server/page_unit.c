/* page_unit.c: a unit's overview, its public page, and one indicator with its chart. */
#include "pages.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void page_overview(struct ctx *c, char *const *arg)
{
	const char *unit = arg[0];
	/* The page's own part is the same for everyone allowed to see it: it
	 * is kept until the store changes; the header is each account's. */
	int as_of;
	enum period_kind grain;
	char period[32], *key, *prefix;
	struct error err = {0};
	int64_t mark;
	if (c->fast) { /* the periods known, or a worker finds them */
		char *k = xasprintf("periods:%s", unit), *known = memo_get(c, k);
		free(k);
		if (!known) {
			c->deferred = true;
			return;
		}
		free(known);
	}
	char *periods = pg_unit_periods(c, unit);
	char latest[32] = "";
	sscanf(periods, "%31s", latest);
	if (!pg_period_arg(c, latest, &as_of, &grain, period)) {
		free(periods);
		return;
	}
	char *name_key = xasprintf("unitname:%s", unit), *name = memo_get(c, name_key);
	struct unit_rec u = {0};
	if (!name && !store_unit_get(c->s, unit, &u, &err)) {
		name = xstrdup(u.name);
		memo_put(c, name_key, name);
		unit_rec_free(&u);
	}
	free(name_key);
	err_clear(&err);
	if (!name) {
		free(periods);
		pg_plain(c, 404, "Không có đơn vị", "Không có đơn vị này.");
		return;
	}
	pg_head(c, name, unit);
	free(name);
	size_t from = B->len;
	prefix = xasprintf("page:%s:", period);
	bool done = cache_lookup_unit(c, prefix, unit, &key, &mark);
	free(prefix);
	/* Readers arriving together after a write: one makes it (flight.c). */
	if (!done && !flight_take(c, key, mark)) {
		free(key);
		done = true;
	}
	if (done) {
		free(periods);
		pg_foot(c);
		return;
	}
	struct unit_view v;
	if (pg_view_unit(c, unit, as_of, grain, &v, &err)) {
		flight_done(c, key);
		if (err.code == ERR_NO_PLAN) {
			/* no plan of its own (a province): its dashboard */
			char *to = xasprintf("/don-vi/%s/bang-dieu-khien", unit);
			pg_redirect(c, to);
			free(to);
		} else {
			pg_error(c, "Không xem được", &err);
		}
		err_clear(&err);
		free(key);
		free(periods);
		return;
	}
	buf_puts(B, "<h1>");
	pg_esc(c, v.u.name);
	buf_puts(B, "</h1>");
	const char *list[24];
	size_t nl = 0;
	for (char *p = periods; *p && nl < 24;) { /* split in place */
		list[nl++] = p;
		p += strcspn(p, " ");
		if (*p)
			*p++ = 0;
	}
	char *action = xasprintf("/don-vi/%s", unit);
	pg_period_picker(c, action, period, list, nl);
	free(action);
	buf_puts(B, "<p><a href=\"/don-vi/"); /* (kept for every account: no role here) */
	pg_esc(c, unit);
	buf_puts(B, "/viec-can-lam\">Việc cần làm</a> · ");
	buf_puts(B, "<a href=\"/cong-khai/");
	pg_esc(c, unit);
	buf_puts(B, "\">trang công khai</a></p><p class=\"reports\">Báo cáo kỳ này:");
	static const char *const fmts[] = {"docx", "xlsx", "pdf", "html", "csv", "json"};
	for (size_t k = 0; k < sizeof fmts / sizeof fmts[0]; k++) {
		buf_puts(B, " <a href=\"/don-vi/");
		pg_esc(c, unit);
		buf_puts(B, "/bao-cao?period=");
		pg_esc(c, period);
		buf_printf(B, "&amp;format=%s\">%s</a>", fmts[k], fmts[k]);
	}
	buf_puts(B, "</p>");
	/* What is overdue: kept at the epoch (a task's progress moves it; a
	 * figure does not change it), so that the page made again after a
	 * write asks the store nothing. */
	char *okey = xasprintf("overdue:%s:%s", unit, period), *kept = memo_get(c, okey);
	size_t at = B->len;
	struct task_row *t;
	size_t nt;
	if (kept) {
		buf_puts(B, kept);
	} else if (!store_task_list(c->s, v.u.id, period, &t, &nt, &err)) {
		size_t overdue = 0;
		for (size_t i = 0; i < nt; i++)
			overdue += t[i].overdue;
		if (overdue) {
			buf_printf(B, "<p class=\"warn\">%zu nhiệm vụ quá hạn: ", overdue);
			for (size_t i = 0, shown = 0; i < nt && shown < 5; i++)
				if (t[i].overdue) {
					buf_puts(B, shown++ ? "; " : "");
					pg_esc(c, t[i].code);
					buf_puts(B, " ");
					char *title = text_prefix(t[i].title, 60);
					pg_esc(c, title);
					free(title);
				}
			buf_puts(B, "</p>");
		}
		for (size_t i = 0; i < nt; i++)
			task_row_free(&t[i]);
		free(t);
		char *part = xasprintf("%.*s", (int)(B->len - at), buf_str(B) + at);
		memo_put(c, okey, part);
		free(part);
	}
	free(kept);
	free(okey);
	err_clear(&err);
	pg_status_table_at(c, &v, true, period, as_of);
	cache_put(c, key, mark, from);
	flight_done(c, key);
	free(key);
	free(periods);
	pg_foot(c);
	view_unit_free(&v);
}

/* ---- one indicator ------------------------------------------------------------ */

static int month_of(const char *period)
{
	int last;
	enum period_kind kind;
	const char *why;
	return period_end(period, &last, &kind, &why) ? -1 : last;
}

/* A step of 1, 2 or 5 times a power of ten giving about four intervals. */
static double nice_step(double span)
{
	double raw = span / 4, p = pow(10, floor(log10(raw))), f = raw / p;
	return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
}

/* A value as a label on the chart: Vietnamese, at most 4 digits. */
static void label(struct ctx *c, double v)
{
	char t[40];
	snprintf(t, sizeof t, "%.4g", v);
	pg_figure(c, strtod(t, NULL));
}

/* The figures over time and the path to the targets, as SVG: the axis spans
 * the figures and the next milestone after them (not the plan's last year),
 * with the years and values labelled and the milestones marked. Sized by its
 * viewBox with labels of 13 units: on a 390 px phone they stay ~11 px. */
static void chart(struct ctx *c, const struct unit_view *v, const struct status_row *r)
{
	const struct indicator *x = r->ind;
	struct pt {
		int m;
		double y;
	} pts[256], path[16];
	int np = 0, npath = 0;
	for (size_t i = 0; i < v->no && np < 256; i++) {
		double y;
		int m = month_of(v->o[i].period);
		if (m < 0 || !v->o[i].code || strcmp(v->o[i].code, x->code) ||
		    !status_point(x, &v->o[i], &y))
			continue;
		int k = np++;
		for (; k > 0 && pts[k - 1].m > m; k--) /* in time order */
			pts[k] = pts[k - 1];
		pts[k] = (struct pt){m, y};
	}
	int last = np ? pts[np - 1].m : -1, first = np ? pts[0].m : 1 << 30;
	if (x->has_baseline && v->p.baseline_year)
		path[npath++] = (struct pt){v->p.baseline_year * 12 + 11, x->baseline};
	bool next_taken = false;
	for (int k = 0; k < x->ntargets && npath < 16; k++) {
		const struct target *t = &x->targets[k].t;
		int m = x->targets[k].year * 12 + 11;
		if (t->kind != TARGET_NUMBER || (next_taken && m > last))
			continue;
		next_taken |= m >= last;
		path[npath++] = (struct pt){m, t->value};
	}
	if (!np && !npath) {
		buf_puts(B, "<p>Chưa có số liệu để vẽ.</p>");
		return;
	}
	double lo = INFINITY, hi = -INFINITY;
	int m0 = first, m1 = last;
	for (int i = 0; i < np; i++)
		lo = fmin(lo, pts[i].y), hi = fmax(hi, pts[i].y);
	for (int i = 0; i < npath; i++) {
		lo = fmin(lo, path[i].y), hi = fmax(hi, path[i].y);
		m0 = path[i].m < m0 ? path[i].m : m0, m1 = path[i].m > m1 ? path[i].m : m1;
	}
	if (np) /* from a year before the first figure at most */
		m0 = m0 < first - 12 ? first - 12 : m0;
	if (lo > 0)
		lo = 0;
	if (hi <= lo)
		hi = lo + 1;
	double step = nice_step(hi - lo);
	lo = floor(lo / step) * step, hi = ceil(hi / step) * step;
	if (m1 <= m0) /* one month: in the middle of a year */
		m0 -= 6, m1 = m0 + 12;
	int d0 = m0, d1 = m1; /* the months labelled; a month's room on each side */
	m0 -= 1, m1 += 1;
	const double W = 420, H = 260, L = 52, Rm = 16, T = 16, Bm = 30;
#define X(m) (L + ((m)-m0) * (W - L - Rm) / (m1 - m0))
#define Y(y) (T + (hi - (y)) * (H - T - Bm) / (hi - lo))
	buf_printf(B,
	           "<svg class=\"chart\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" font-size=\"13\" "
	           "aria-label=\"Biểu đồ số liệu và lộ trình mục tiêu\">",
	           W, H);
	for (double y = lo; y <= hi + step / 2; y += step) {
		buf_printf(B,
		           "<line class=\"tick\" x1=\"%.0f\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\"/>"
		           "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\">",
		           L, Y(y), W - Rm, Y(y), L - 4, Y(y) + 4);
		label(c, y);
		buf_puts(B, "</text>");
	}
	int years = d1 / 12 - d0 / 12 + 1, every = years > 6 ? (years + 5) / 6 : 1;
	if (d0 % 12 && (d0 + 11) / 12 * 12 - d0 >= 4) /* the first, partial year: its month */
		buf_printf(B, "<text x=\"%.1f\" y=\"%.0f\" text-anchor=\"middle\">T%d/%d</text>",
		           X(d0), H - 10, d0 % 12 + 1, d0 / 12);
	if (d1 - d0 < 12 && d1 % 12) /* under a year: the last month too */
		buf_printf(B, "<text x=\"%.1f\" y=\"%.0f\" text-anchor=\"middle\">T%d/%d</text>",
		           X(d1), H - 10, d1 % 12 + 1, d1 / 12);
	for (int yr = (d0 + 11) / 12; yr * 12 <= d1; yr++)
		if ((yr - (d0 + 11) / 12) % every == 0)
			buf_printf(B,
			           "<text x=\"%.1f\" y=\"%.0f\" text-anchor=\"middle\">%d</text>",
			           X(yr * 12), H - 10, yr);
	if (npath > 1) {
		buf_puts(B, "<polyline fill=\"none\" stroke=\"#2b6cb0\" stroke-dasharray=\"6 4\" "
		            "points=\"");
		for (int i = 0; i < npath; i++)
			buf_printf(B, "%.1f,%.1f ", X(path[i].m), Y(path[i].y));
		buf_puts(B, "\"><title>Lộ trình mục tiêu</title></polyline>");
	}
	for (int i = 0; i < npath; i++) {
		bool under = false; /* a figure above it, that month: its label below */
		for (int k = 0; k < np; k++)
			under |= pts[k].m == path[i].m && pts[k].y > path[i].y;
		buf_printf(B,
		           "<rect x=\"%.1f\" y=\"%.1f\" width=\"8\" height=\"8\" fill=\"#2b6cb0\">"
		           "<title>Mốc %d</title></rect><text x=\"%.1f\" y=\"%.1f\" "
		           "text-anchor=\"end\" fill=\"#2b6cb0\">",
		           X(path[i].m) - 4, Y(path[i].y) - 4, path[i].m / 12, X(path[i].m) - 6,
		           Y(path[i].y) + (under ? 20 : -8));
		label(c, path[i].y);
		buf_puts(B, "</text>");
	}
	if (np > 1) {
		buf_puts(B,
		         "<polyline fill=\"none\" stroke=\"#c05621\" stroke-width=\"2\" points=\"");
		for (int i = 0; i < np; i++)
			buf_printf(B, "%.1f,%.1f ", X(pts[i].m), Y(pts[i].y));
		buf_puts(B, "\"/>");
	}
	for (int i = 0; i < np; i++) {
		bool over = false; /* above a milestone that month: its label above */
		for (int k = 0; k < npath; k++)
			over |= path[k].m == pts[i].m && pts[i].y > path[k].y;
		buf_printf(B,
		           "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"#c05621\"/>"
		           "<text class=\"val\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">",
		           X(pts[i].m), Y(pts[i].y), X(pts[i].m), Y(pts[i].y) + (over ? -8 : 18));
		label(c, pts[i].y);
		buf_puts(B, "</text>");
	}
	buf_puts(B, "</svg><p class=\"legend\"><span class=\"l-obs\">● — số liệu</span> "
	            "<span class=\"l-path\">■ - - lộ trình mục tiêu, mốc</span></p>");
#undef X
#undef Y
}

void page_indicator(struct ctx *c, char *const *arg)
{
	const char *unit = arg[0], *code = arg[1];
	struct unit_view v;
	char period[32];
	if (!pg_unit_view(c, unit, &v, period, false))
		return;
	const struct status_row *r = NULL;
	for (size_t i = 0; i < v.n && !r; i++)
		if (!strcmp(v.rows[i].ind->code, code))
			r = &v.rows[i];
	if (!r) {
		view_unit_free(&v);
		pg_plain(c, 404, "Không có chỉ tiêu", "Kế hoạch của đơn vị không có chỉ tiêu này.");
		return;
	}
	const struct indicator *x = r->ind;
	pg_head(c, x->name, unit);
	buf_puts(B, "<h1>");
	pg_esc(c, x->code);
	buf_puts(B, ". ");
	pg_esc(c, x->name);
	buf_puts(B, "</h1><p>");
	pg_badge(c, r->r.status);
	buf_puts(B, " Chủ trì: ");
	pg_esc(c, x->lead ? x->lead : "–");
	buf_puts(B, "</p><h2>Mục tiêu theo mốc</h2><table><tr><th>Năm</th><th>Mục tiêu</th></tr>");
	if (x->has_baseline) {
		buf_printf(B, "<tr><td>%d (gốc)</td><td>", v.p.baseline_year);
		pg_esc(c, x->baseline_text ? x->baseline_text : "");
		buf_puts(B, "</td></tr>");
	}
	for (int k = 0; k < x->ntargets; k++) {
		buf_printf(B, "<tr><td>%d</td><td>", x->targets[k].year);
		pg_esc(c, x->targets[k].t.text ? x->targets[k].t.text : "");
		buf_puts(B, "</td></tr>");
	}
	buf_puts(B, "</table><h2>Diễn biến</h2>");
	chart(c, &v, r);
	buf_puts(B, "<h2>Cách tính</h2><p class=\"record\">");
	pg_esc(c, r->r.record);
	buf_puts(B, "</p><h2>Số liệu và lịch sử</h2><table><tr><th>Kỳ</th><th>Số liệu</th>"
	            "<th>Trạng thái</th><th>Người ghi</th><th>Lúc</th><th>Minh chứng</th></tr>");
	struct series_rec sr = {0};
	struct error err = {0};
	bool has_series = store_series_get(c->s, v.u.id, code, &sr, &err) == 0;
	for (size_t i = 0; i < v.no; i++) {
		const struct obs_rec *o = &v.o[i];
		if (!o->code || strcmp(o->code, code))
			continue;
		double y;
		buf_puts(B, "<tr><td>");
		pg_period(c, o->period);
		buf_puts(B, "</td><td class=\"num\">");
		if (o->has_level && o->level)
			pg_esc(c, o->level);
		else if (status_point(x, o, &y))
			pg_number(c, y);
		buf_puts(B, "</td><td>");
		pg_esc(c, pg_state_vi(o->status));
		buf_puts(B, "</td><td>");
		pg_esc(c, o->by ? o->by : "");
		buf_puts(B, "</td><td>");
		pg_time(c, o->at);
		buf_puts(B, "</td><td>");
		if (o->evidence &&
		    (!strncmp(o->evidence, "http://", 7) || !strncmp(o->evidence, "https://", 8))) {
			buf_puts(B, "<a rel=\"noopener\" href=\"");
			pg_esc(c, o->evidence);
			buf_puts(B, "\">minh chứng</a>");
		} else if (o->evidence) {
			pg_esc(c, o->evidence);
		}
		buf_puts(B, "</td></tr>");
		struct obs_rec *h;
		size_t nh;
		if (has_series && !store_obs_history(c->s, sr.id, o->period, &h, &nh, &err)) {
			for (size_t k = 0; k < nh; k++) {
				buf_puts(B, "<tr class=\"old\"><td></td><td class=\"num\">");
				if (status_point(x, &h[k], &y))
					pg_number(c, y);
				buf_printf(B, "</td><td>bản %d: ", h[k].version);
				pg_esc(c, pg_state_vi(h[k].status));
				buf_puts(B, "</td><td>");
				pg_esc(c, h[k].by ? h[k].by : "");
				buf_puts(B, "</td><td>");
				pg_time(c, h[k].at);
				buf_puts(B, "</td><td>");
				pg_esc(c, h[k].note ? h[k].note : "");
				buf_puts(B, "</td></tr>");
				obs_rec_free(&h[k]);
			}
			free(h);
		}
	}
	buf_puts(B, "</table>");
	if (has_series)
		series_rec_free(&sr);
	err_clear(&err);
	pg_foot(c);
	view_unit_free(&v);
}

void page_unit_chart(struct ctx *c, const struct unit_view *v, const struct status_row *r)
{
	chart(c, v, r);
}
