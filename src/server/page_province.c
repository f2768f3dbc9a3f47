/* page_province.c: a province and its communes compared indicator by
 * indicator (figures, statuses, completeness, exports), and the periodic
 * report. */
#include "pages.h"

#include "hold.h"
#include "sheet.h"

#include <math.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- a province and its communes -------------------------------------------------------- */

enum { UNITS_PER_PAGE = 4 }; /* a page of the comparison stays under 60 KB */

static const char *short_vi(enum eval_status s)
{
	static const char *const w[] = {"không đánh giá", "chưa có số liệu", "đạt",  "vượt",
	                                "đúng tiến độ",   "có nguy cơ",      "chậm", "không đạt"};
	return (unsigned)s < sizeof w / sizeof w[0] ? w[s] : "";
}

/* What the comparison shows: per shared indicator (the root's), its
 * aggregate over the units and each unit's evaluated row. The family, the
 * rows and the aggregate are the unit's hold's (app_hold: each child
 * evaluated once until its figures change): borrowed, not freed here. */
struct compare {
	struct family f;
	const struct plan *p;
	struct plan own;
	bool has_own;
	bool *held_map; /* map[i] is the hold's (its family's links): not freed here */
	const struct child_row **st;
	size_t *ns;
	const struct rollup_row *agg;
	size_t nagg;
	size_t from, to; /* the units shown (a page of them) */
	int *reported;   /* per unit: indicators with a figure in the period */
	/* per unit shown, directly under the root: its own code -> the root's */
	struct link_pair **map;
	size_t *nmap;
};

/* Unit i's own code for the root's indicator code (its indicator page's),
 * or NULL when it is not known (a unit further down). */
static const char *own_code(const struct compare *m, size_t i, const char *code)
{
	for (size_t k = 0; k < m->nmap[i]; k++)
		if (!strcmp(m->map[i][k].parent_code, code))
			return m->map[i][k].child_code;
	return NULL;
}

static const struct child_row *row_of(const struct compare *m, size_t i, const char *code)
{
	for (size_t j = 0; j < m->ns[i]; j++)
		if (!strcmp(m->st[i][j].ind->code, code))
			return &m->st[i][j];
	return NULL;
}

static const struct rollup_row *agg_of(const struct compare *m, const char *code)
{
	for (size_t j = 0; j < m->nagg; j++)
		if (!strcmp(m->agg[j].code, code))
			return &m->agg[j];
	return NULL;
}

static void compare_free(struct compare *m)
{
	free(m->st);
	free(m->ns);
	free(m->reported);
	for (size_t i = 0; m->map && i < m->f.n; i++)
		if (!m->held_map[i])
			link_pairs_free(m->map[i], m->nmap[i]);
	free(m->map);
	free(m->held_map);
	free(m->nmap);
	if (m->has_own)
		plan_free(&m->own);
}

static bool behind_any(const struct compare *m, const char *code)
{
	for (size_t i = m->from; i < m->to; i++) {
		const struct child_row *r = row_of(m, i, code);
		enum eval_status s = r ? r->r.status : EVAL_NOT_EVALUATED;
		if (s == EVAL_AT_RISK || s == EVAL_OFF_TRACK || s == EVAL_NOT_MET)
			return true;
	}
	return false;
}

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The indicators of child i's plan with a figure within the period. */
static int reported_of(const struct child *k, const struct period *want)
{
	const char **in = xcalloc(k->nobs + 1, sizeof *in);
	size_t n = 0;
	for (size_t j = 0; j < k->nobs; j++) {
		struct period q;
		const struct obs_rec *o = &k->obs[j];
		if (o->code && !period_parse(o->period, &q, NULL) && period_within(&q, want))
			in[n++] = o->code;
	}
	xqsort(in, n, sizeof *in, str_cmp);
	int count = 0;
	for (size_t i = 0; i < k->plan->nind; i++)
		count += n && bsearch(&k->plan->ind[i].code, in, n, sizeof *in, str_cmp);
	free(in);
	return count;
}

static void compare_build(struct ctx *c, struct compare *m, struct hold *h, struct unit_rec *u,
                          int as_of, const char *period)
{
	struct error err = {0};
	/* The unit's plan and its children's links as the hold has them: a
	 * page made again after a write asks the store nothing (on
	 * PostgreSQL each query is a round trip, under the hold's lock). */
	m->has_own = !h->has_plan && !store_plan_load(c->s, u->id, &m->own, &err);
	err_clear(&err);
	m->p = h->has_plan ? &h->p : m->has_own ? &m->own : m->f.n ? m->f.c[0].plan : NULL;
	m->st = xcalloc(m->f.n + 1, sizeof *m->st);
	m->ns = xcalloc(m->f.n + 1, sizeof *m->ns);
	m->reported = xcalloc(m->f.n + 1, sizeof *m->reported);
	/* Each child as of the month, its figures as stored (the family's). */
	const struct child *kids;
	const struct child_eval *ev;
	hold_children(h, as_of, PERIOD_MONTH, &kids, &ev);
	for (size_t i = 0; i < m->f.n; i++) {
		m->st[i] = ev[i].st;
		m->ns[i] = ev[i].nst;
	}
	m->nagg = hold_rollup(h, as_of, PERIOD_MONTH, &m->agg);
	char *page = ctx_query(c, "trang");
	long pg = page ? strtol(page, NULL, 10) : 1;
	free(page);
	size_t pages = (m->f.n + UNITS_PER_PAGE - 1) / UNITS_PER_PAGE;
	if (pg < 1 || (size_t)pg > pages)
		pg = 1;
	m->from = (size_t)(pg - 1) * UNITS_PER_PAGE;
	m->to = m->from + UNITS_PER_PAGE < m->f.n ? m->from + UNITS_PER_PAGE : m->f.n;
	struct period want;
	if (!period_parse(period, &want, NULL))
		for (size_t i = m->from; i < m->to; i++) { /* what is shown */
			struct child k = m->f.c[i];
			k.nobs = hold_child_obs(h, i, &k.obs);
			m->reported[i] = reported_of(&k, &want);
		}
	m->map = xcalloc(m->f.n + 1, sizeof *m->map);
	m->nmap = xcalloc(m->f.n + 1, sizeof *m->nmap);
	m->held_map = xcalloc(m->f.n + 1, sizeof *m->held_map);
	for (size_t i = m->from; i < m->to; i++)
		for (size_t k = 0; k < m->f.nunits; k++)
			if (m->f.lifted && m->f.map &&
			    !strcmp(m->f.units[k].code, m->f.c[i].code) &&
			    m->f.units[k].parent_code &&
			    !strcmp(m->f.units[k].parent_code, u->code)) {
				/* a direct child: its lift is its own links (view_lift) */
				m->map[i] = m->f.map[i], m->nmap[i] = m->f.nmap[i];
				m->held_map[i] = true;
			} else if (!strcmp(m->f.units[k].code, m->f.c[i].code) &&
			           m->f.units[k].parent_code &&
			           !strcmp(m->f.units[k].parent_code, u->code) &&
			           store_link_map(c->s, m->f.units[k].id, &m->map[i], &m->nmap[i],
			                          &err)) {
				err_clear(&err);
				m->map[i] = NULL, m->nmap[i] = 0;
			}
}

static void fig(char out[FIGURE_SIZE], bool has, double v)
{
	if (!has)
		snprintf(out, FIGURE_SIZE, "–");
	else {
		char t[40];
		snprintf(t, sizeof t, "%.6g", v);
		figure_show_vi(strtod(t, NULL), out);
	}
}

/* The export of what is shown: a row per indicator, a value and a status
 * column per unit. */
static void compare_table(const struct compare *m, bool late, struct sheet *t)
{
	size_t nu = m->to - m->from, cols = 4 + 2 * nu, r = 0;
	sheet_init(t, cols);
	const char *head[] = {"Mã", "Chỉ tiêu", "Toàn đơn vị", "Mục tiêu"};
	for (size_t k = 0; k < 4; k++)
		sheet_text(t, 0, k, head[k]);
	for (size_t i = 0; i < nu; i++) {
		char *h = xasprintf("%s (đã báo cáo %d/%zu)", m->f.c[m->from + i].name,
		                    m->reported[m->from + i], m->f.c[m->from + i].plan->nind);
		sheet_text(t, 0, 4 + 2 * i, h);
		free(h);
		h = xasprintf("%s: đánh giá", m->f.c[m->from + i].name);
		sheet_text(t, 0, 5 + 2 * i, h);
		free(h);
	}
	for (size_t k = 0; m->p && k < m->p->nind; k++) {
		const struct indicator *x = &m->p->ind[k];
		if (late && !behind_any(m, x->code))
			continue;
		r++;
		char s[FIGURE_SIZE];
		sheet_text(t, r, 0, x->code);
		sheet_text(t, r, 1, x->name);
		const struct rollup_row *a = agg_of(m, x->code);
		fig(s, a && a->has_value, a ? a->value : 0);
		if (a && a->has_value)
			sheet_number(t, r, 2, s, a->value);
		else
			sheet_text(t, r, 2, s);
		const struct child_row *first = NULL;
		for (size_t i = 0; i < m->f.n && !first; i++)
			if ((first = row_of(m, i, x->code)) && !first->target)
				first = NULL;
		if (first) {
			char *tg = xasprintf("%d: %s", first->year, first->target->text);
			sheet_text(t, r, 3, tg);
			free(tg);
		} else {
			sheet_text(t, r, 3, "");
		}
		for (size_t i = 0; i < nu; i++) {
			const struct child_row *w = row_of(m, m->from + i, x->code);
			fig(s, w && w->r.has_latest, w ? w->r.latest : 0);
			if (w && w->r.has_latest)
				sheet_number(t, r, 4 + 2 * i, s, w->r.latest);
			else
				sheet_text(t, r, 4 + 2 * i, w ? s : "");
			sheet_text(t, r, 5 + 2 * i, w ? short_vi(w->r.status) : "");
		}
	}
}

static void compare_html(struct ctx *c, const struct compare *m, const char *unit,
                         const char *period, bool late)
{
	static const char *const cls[] = {"xam", "xanh", "vang", "do"};
	size_t nu = m->to - m->from;
	buf_puts(B, "<div class=\"wide\"><table class=\"compare sortable\"><thead><tr>"
	            "<th aria-sort=\"none\"><button type=\"button\">Chỉ tiêu</button></th>"
	            "<th aria-sort=\"none\"><button type=\"button\">Toàn đơn vị</button></th>");
	for (size_t i = m->from; i < m->to; i++) {
		buf_puts(B, "<th aria-sort=\"none\"><button type=\"button\">");
		pg_esc(c, m->f.c[i].name);
		buf_printf(B, "</button><small class=\"done\">đã báo cáo %d/%zu</small></th>",
		           m->reported[i], m->f.c[i].plan->nind);
	}
	buf_puts(B, "</tr></thead><tbody>");
	for (size_t k = 0; m->p && k < m->p->nind; k++) {
		const struct indicator *x = &m->p->ind[k];
		if (late && !behind_any(m, x->code))
			continue;
		buf_printf(B, "<tr><th scope=\"row\" data-sort=\"%zu\">", k);
		pg_esc(c, x->code);
		buf_puts(B, ". ");
		pg_esc(c, x->name);
		const struct rollup_row *a = agg_of(m, x->code);
		buf_puts(B, "</th><td class=\"num\"");
		if (a && a->has_value) {
			buf_puts(B, " data-sort=\"");
			char s[FIGURE_SIZE];
			figure_write(a->value, s);
			buf_printf(B, "%s\">", s);
			pg_number(c, round(100 * a->value) / 100);
			buf_printf(B, "<small>%d/%d đạt</small>", a->meeting.met,
			           a->meeting.evaluated);
		} else {
			buf_puts(B, ">–");
		}
		buf_puts(B, "</td>");
		for (size_t i = 0; i < nu; i++) {
			const struct child_row *w = row_of(m, m->from + i, x->code);
			if (!w) {
				buf_puts(B, "<td class=\"cell\" data-sort=\"-1\"></td>");
				continue;
			}
			enum eval_status s = w->r.status;
			const char *own = own_code(m, m->from + i, x->code);
			buf_printf(B, "<td class=\"cell %s\" data-sort=\"%d\"><a href=\"/don-vi/",
			           cls[eval_status_colour(s)], (int)s);
			pg_esc(c, m->f.c[m->from + i].code);
			if (own) { /* its indicator; else its overview */
				buf_puts(B, "/chi-tieu/");
				pg_esc(c, own);
			}
			buf_puts(B, "?period=");
			pg_esc(c, period);
			buf_puts(B, "\">");
			if (w->r.has_latest)
				pg_number(c, w->r.latest);
			buf_printf(B, "<small>%s</small></a></td>", short_vi(s));
		}
		buf_puts(B, "</tr>");
	}
	buf_puts(B, "</tbody><tfoot><tr><th scope=\"row\">Tổng: tỷ lệ đạt hoặc đúng tiến độ</th>");
	int good_all = 0, ev_all = 0;
	for (size_t i = 0; i < m->f.n; i++)
		for (size_t j = 0; j < m->ns[i]; j++) {
			enum eval_status s = m->st[i][j].r.status;
			if (s == EVAL_NOT_EVALUATED)
				continue;
			ev_all++;
			good_all += s == EVAL_MET || s == EVAL_EXCEEDED || s == EVAL_ON_TRACK;
		}
	buf_printf(B, "<td class=\"num\">%d/%d</td>", good_all, ev_all);
	for (size_t i = m->from; i < m->to; i++) {
		int g = 0, e = 0;
		for (size_t j = 0; j < m->ns[i]; j++) {
			enum eval_status s = m->st[i][j].r.status;
			if (s == EVAL_NOT_EVALUATED)
				continue;
			e++;
			g += s == EVAL_MET || s == EVAL_EXCEEDED || s == EVAL_ON_TRACK;
		}
		buf_printf(B, "<td class=\"num\">%d/%d</td>", g, e);
	}
	buf_puts(B, "</tr></tfoot></table></div>");
	size_t pages = (m->f.n + UNITS_PER_PAGE - 1) / UNITS_PER_PAGE;
	if (pages > 1) {
		buf_puts(B, "<nav class=\"pages\" aria-label=\"Trang\">Trang:");
		for (size_t p = 1; p <= pages; p++) {
			buf_puts(B, " <a href=\"/don-vi/");
			pg_esc(c, unit);
			buf_puts(B, "/tinh?period=");
			pg_esc(c, period);
			buf_printf(
			        B, "&amp;trang=%zu%s\"%s>%zu</a>", p, late ? "&amp;loc=cham" : "",
			        p == m->from / UNITS_PER_PAGE + 1 ? " aria-current=\"page\"" : "",
			        p);
		}
		buf_puts(B, "</nav>");
	}
}

static void ranking(struct ctx *c, struct hold *h, int as_of)
{
	const struct rank_row *r;
	size_t n = hold_rank(h, as_of, PERIOD_MONTH, &r);
	buf_puts(B, "<h2>Xếp hạng</h2><p>Tỷ lệ chỉ tiêu đạt hoặc đúng tiến độ trên số chỉ tiêu có "
	            "mục tiêu (chưa có số liệu tính là chưa đạt); bằng nhau thì cùng hạng.</p>"
	            "<table class=\"sortable\"><thead><tr>"
	            "<th aria-sort=\"none\"><button type=\"button\">Hạng</button></th>"
	            "<th aria-sort=\"none\"><button type=\"button\">Đơn vị</button></th>"
	            "<th aria-sort=\"none\"><button type=\"button\">Tỷ lệ</button></th>"
	            "<th>Đạt/có mục tiêu</th></tr></thead><tbody>");
	for (size_t i = 0; i < n; i++) {
		buf_printf(B, "<tr><td>%d</td><td><a href=\"/don-vi/", r[i].rank);
		pg_esc(c, r[i].code);
		buf_puts(B, "\">");
		pg_esc(c, r[i].name);
		buf_puts(B, "</a></td><td class=\"num\">");
		pg_number(c, round(1000 * r[i].completion) / 10);
		buf_printf(B, "%%</td><td class=\"num\">%d/%d</td></tr>", r[i].good,
		           r[i].evaluated);
	}
	buf_puts(B, "</tbody></table>");
}

/* The page (not its CSV or XLSX) is kept under the unit's token, as the
 * unit's page is: a figure anywhere else leaves it as it is. */
void page_province(struct ctx *c, char *const *arg)
{
	const char *unit = arg[0];
	int as_of;
	enum period_kind grain;
	char period[32], latest[32] = "";
	struct error err = {0};
	char *loc = ctx_query(c, "loc"), *format = ctx_query(c, "format");
	bool late = loc && !strcmp(loc, "cham"),
	     sheet = format && (!strcmp(format, "csv") || !strcmp(format, "xlsx"));
	free(loc);
	if (c->fast) { /* the periods known, or a worker finds them */
		char *k = xasprintf("periods:%s", unit), *known = memo_get(c, k);
		free(k);
		c->deferred = !known || sheet;
		free(known);
		if (c->deferred) {
			free(format);
			return;
		}
	}
	char *periods = pg_unit_periods(c, unit);
	sscanf(periods, "%31s", latest);
	if (!pg_period_arg(c, latest, &as_of, &grain, period)) {
		free(periods);
		free(format);
		return;
	}
	char *key = NULL;
	int64_t mark = -1;
	size_t from = 0;
	if (!sheet) {
		pg_head(c, "So sánh các đơn vị trực thuộc", unit);
		from = B->len;
		char *prefix = xasprintf("tinh:%s:", period);
		bool done = cache_lookup_unit(c, prefix, unit, &key, &mark);
		free(prefix);
		if (done) {
			pg_foot(c);
			free(periods);
			free(format);
			return;
		}
	}
	struct unit_rec u = {0};
	struct compare m = {0};
	struct held *ref = NULL;
	struct hold *h = NULL;
	const struct family *held_family = NULL;
	/* The unit as its hold has it: no query when the page is made again. */
	if (!(h = app_hold(c, unit, &ref, &err)) || !(held_family = hold_family(h, &err))) {
		app_unhold(c, ref);
		pg_error(c, "Không xem được", &err);
		err_clear(&err);
		free(key);
		free(periods);
		free(format);
		unit_rec_free(&u);
		return;
	}
	u = (struct unit_rec){h->u.id,
	                      xstrdup(h->u.code),
	                      xstrdup(h->u.name),
	                      xstrdup(h->u.kind),
	                      h->u.parent_code ? xstrdup(h->u.parent_code) : NULL,
	                      h->u.population,
	                      h->u.cutoff_day};
	if (!sheet && cache_held(c, key, ref, &mark)) { /* made while this one waited */
		pg_foot(c);
		app_unhold(c, ref);
		free(key);
		free(periods);
		free(format);
		unit_rec_free(&u);
		return;
	}
	m.f = *held_family; /* the family kept in memory, up to date */
	compare_build(c, &m, h, &u, as_of, period);
	if (sheet) {
		struct sheet t;
		compare_table(&m, late, &t);
		buf_reset(B);
		bool csv = !strcmp(format, "csv");
		if (csv) {
			sheet_csv(&t, B);
			c->rs->ctype = "text/csv; charset=utf-8";
		} else if (sheet_xlsx(&t, "So sánh", B, &err)) {
			pg_error(c, "Không xuất được", &err);
		} else {
			c->rs->ctype =
			        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
		}
		if (csv || !err_is(&err))
			http_header(
			        c->rs,
			        "Content-Disposition: attachment; filename=\"so-sanh-%s-%s.%s\"",
			        unit, period, format);
		sheet_free(&t);
	} else {
		buf_puts(B, "<h1>So sánh các đơn vị trực thuộc ");
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
		char *action = xasprintf("/don-vi/%s/tinh", unit);
		pg_period_picker(c, action, period, list, nl);
		free(action);
		ranking(c, h, as_of);
		buf_puts(B, "<h2>Theo chỉ tiêu, kỳ ");
		pg_period(c, period);
		buf_puts(B, "</h2><p>Mỗi ô: số mới nhất và đánh giá; bấm ô để xem chỉ tiêu của đơn "
		            "vị. Cột “Toàn đơn vị”: số tổng hợp và số đơn vị đạt.</p><p>");
		const char *q[][2] = {{"", "Mọi chỉ tiêu"},
		                      {"&amp;loc=cham", "Chỉ tiêu có đơn vị chậm"}};
		for (int k = 0; k < 2; k++) {
			buf_puts(B, k ? " · <a href=\"/don-vi/" : "<a href=\"/don-vi/");
			pg_esc(c, unit);
			buf_puts(B, "/tinh?period=");
			pg_esc(c, period);
			buf_printf(B, "%s\"%s>%s</a>", q[k][0],
			           late == (k == 1) ? " aria-current=\"page\"" : "", q[k][1]);
		}
		buf_puts(B, " · Tải về: ");
		for (int k = 0; k < 2; k++) {
			buf_puts(B, k ? ", <a href=\"/don-vi/" : "<a href=\"/don-vi/");
			pg_esc(c, unit);
			buf_puts(B, "/tinh?period=");
			pg_esc(c, period);
			buf_printf(B, "%s&amp;format=%s\">%s</a>", late ? "&amp;loc=cham" : "",
			           k ? "xlsx" : "csv", k ? "XLSX" : "CSV");
		}
		buf_puts(B, "</p>");
		compare_html(c, &m, unit, period, late);
		cache_put(c, key, mark, from);
		pg_foot(c);
	}
	free(key);
	free(format);
	free(periods);
	err_clear(&err);
	compare_free(&m);
	app_unhold(c, ref);
	unit_rec_free(&u);
}

/* ---- the periodic report ----------------------------------------------------------------------
 */

/* The report's HTML carries its style sheet inline (it is also a file and
 * chromium's input): this answer's policy allows that one <style> by its
 * SHA-256 and nothing else inline. */
static void allow_report_style(struct ctx *c)
{
	unsigned char h[crypto_hash_sha256_BYTES];
	char b64[sodium_base64_ENCODED_LEN(crypto_hash_sha256_BYTES,
	                                   sodium_base64_VARIANT_ORIGINAL)];
	crypto_hash_sha256(h, (const unsigned char *)report_css, strlen(report_css));
	sodium_bin2base64(b64, sizeof b64, h, sizeof h, sodium_base64_VARIANT_ORIGINAL);
	http_header(c->rs,
	            "Content-Security-Policy: default-src 'none'; style-src 'sha256-%s'; "
	            "img-src 'self' data:; form-action 'none'; base-uri 'none'; "
	            "frame-ancestors 'none'",
	            b64);
}

void page_report(struct ctx *c, char *const *arg)
{
	const char *unit = arg[0];
	char *format = ctx_query(c, "format"), *period = ctx_query(c, "period");
	struct error err = {0};
	static const char *const types[][2] = {
	        {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
	        {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
	        {"pdf", "application/pdf"},
	        {"html", "text/html; charset=utf-8"},
	        {"csv", "text/csv; charset=utf-8"},
	        {"json", "application/json"}};
	const char *ctype = NULL;
	for (size_t k = 0; k < sizeof types / sizeof types[0]; k++)
		if (format && !strcmp(format, types[k][0]))
			ctype = types[k][1];
	char today[16];
	struct tm tm;
	localtime_r(&c->now, &tm);
	strftime(today, sizeof today, "%Y-%m-%d", &tm);
	struct report r = {0};
	struct buf out = {0};
	bool heavy = false;
	struct held *ref = NULL;
	struct hold *h = NULL;
	if (!ctype) {
		pg_plain(c, 400, "Không có định dạng này",
		         "Chọn docx, xlsx, pdf, html, csv hoặc json.");
	} else if (!(heavy = app_heavy_begin(c))) {
		ctype = NULL; /* 429, written */
	} else if (!(h = app_hold(c, unit, &ref, &err)) ||
	           report_build_held(h, c->s, period && *period ? period : today, today, &r,
	                             &err) ||
	           report_render(&r, format, &out, &err)) {
		pg_error(c, "Không lập được báo cáo", &err);
	} else {
		buf_reset(B);
		buf_put(B, buf_str(&out), out.len);
		c->rs->ctype = ctype;
		if (!strcmp(format, "html"))
			allow_report_style(c);
		else
			http_header(
			        c->rs,
			        "Content-Disposition: attachment; filename=\"bao-cao-%s-%s.%s\"",
			        unit, r.period, format);
	}
	if (ctype && h)
		report_free(&r);
	app_unhold(c, ref);
	if (heavy)
		app_heavy_end(c);
	buf_free(&out);
	err_clear(&err);
	free(format);
	free(period);
}
