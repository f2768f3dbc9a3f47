/* page_home.c: where each account lands: "/" sends a province's (or the
 * country's) office and leader to the dashboard, everyone else of a unit to
 * the work of the open period: what to enter and by when, what waits for
 * approval, what is late, who has not reported, what is off track and who
 * leads it. */
#include "pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Has the unit units under it? */
static bool has_children(struct ctx *c, const char *unit)
{
	struct unit_rec *u;
	size_t n;
	struct error err = {0};
	bool any = false;
	if (!store_unit_list(c->s, &u, &n, &err)) {
		for (size_t i = 0; i < n; i++) {
			any |= u[i].parent_code && !strcmp(u[i].parent_code, unit);
			unit_rec_free(&u[i]);
		}
		free(u);
	}
	err_clear(&err);
	return any;
}

/* "/": a landing for every role, never an error page. */
bool page_home_redirect(struct ctx *c)
{
	if (!c->user.unit_code)
		return false;
	bool above = has_children(c, c->user.unit_code) && strcmp(c->user.role, "reporter");
	char *to = xasprintf("/don-vi/%s/%s", c->user.unit_code,
	                     above ? "bang-dieu-khien" : "viec-can-lam");
	pg_redirect(c, to);
	free(to);
	return true;
}

/* "14/05/2026" from "2026-05-14". */
static void date_vi(struct ctx *c, const char *iso)
{
	int y, m, d;
	if (sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) == 3)
		buf_printf(B, "%02d/%02d/%04d", d, m, y);
	else
		pg_esc(c, iso);
}

static bool behind(enum eval_status s)
{
	return s == EVAL_AT_RISK || s == EVAL_OFF_TRACK || s == EVAL_NOT_MET;
}

/* The open period: the month whose cut-off window holds today. */
static void open_period(struct ctx *c, const struct unit_view *v, char name[PERIOD_NAME_SIZE],
                        char start[11], char end[11])
{
	struct error err = {0};
	char today[16];
	int day = store_cutoff_day(c->s, v->u.id, &err);
	err_clear(&err);
	struct tm tm;
	localtime_r(&c->now, &tm);
	strftime(today, sizeof today, "%Y-%m-%d", &tm);
	struct period p;
	if (day <= 0 || period_of_date(today, day, PERIOD_MONTH, &p)) {
		name[0] = start[0] = end[0] = 0;
		return;
	}
	period_format(&p, name, PERIOD_NAME_SIZE);
	period_window(&p, day, start, end);
}

/* What the account must enter for the open period: the indicators it may
 * record (a reporter: those its agency leads) without a figure there. */
static void to_enter(struct ctx *c, const struct unit_view *v, const char *period,
                     const char *start, const char *end)
{
	struct obs_rec *o = NULL;
	size_t no = 0, missing = 0;
	struct error err = {0};
	if (store_obs_list(c->s, v->u.id, period, &o, &no, &err))
		no = 0;
	err_clear(&err);
	buf_puts(B, "<h2>Số liệu cần nhập</h2><p>Kỳ đang mở: <strong>");
	pg_period(c, period);
	buf_puts(B, "</strong>, nhận số liệu từ ");
	date_vi(c, start);
	buf_puts(B, " đến hết <strong>");
	date_vi(c, end);
	buf_puts(B, "</strong>");
	/* The report's sending deadline (Decree 09/2019, the unit's settings). */
	char due[11], from[11], to[11];
	if (!report_deadline(c->s, v->u.code, period, due, from, to, &err)) {
		buf_puts(B, "; hạn gửi báo cáo <strong>");
		date_vi(c, due);
		buf_puts(B, "</strong>");
	}
	err_clear(&err);
	buf_puts(B, ".</p><ul class=\"todo\">");
	for (size_t i = 0; i < v->n; i++) {
		const struct indicator *x = v->rows[i].ind;
		bool has = false;
		for (size_t k = 0; k < no && !has; k++)
			has = o[k].code && !strcmp(o[k].code, x->code);
		if (has || !ctx_leads(c, x))
			continue;
		if (missing++ < 15) {
			buf_puts(B, "<li>");
			pg_esc(c, x->code);
			buf_puts(B, ". ");
			pg_esc(c, x->name);
			buf_puts(B, "</li>");
		}
	}
	buf_puts(B, "</ul>");
	if (missing > 15)
		buf_printf(B, "<p>… và %zu chỉ tiêu khác.</p>", missing - 15);
	buf_printf(B, "<p>%s <a class=\"button\" href=\"/don-vi/", missing ? "" : "Đã nhập đủ.");
	pg_esc(c, v->u.code);
	buf_puts(B, "/nhap-lieu?period=");
	pg_esc(c, period);
	buf_printf(B, "\">Nhập %zu số liệu còn thiếu</a></p>", missing);
	for (size_t k = 0; k < no; k++)
		obs_rec_free(&o[k]);
	free(o);
}

/* The office: waiting for approval, returned, who has not reported. */
static void office_work(struct ctx *c, const struct unit_view *v, const char *period)
{
	int waiting = 0, returned = 0;
	for (size_t k = 0; k < v->no; k++) {
		const char *s = v->o[k].status ? v->o[k].status : "";
		waiting += !strcmp(s, "submitted");
		returned += !strcmp(s, "returned");
	}
	buf_printf(B, "<h2>Chờ duyệt</h2><p>%d số liệu chờ duyệt, %d bị trả lại chưa gửi lại. ",
	           waiting, returned);
	buf_puts(B, "<a href=\"/don-vi/");
	pg_esc(c, v->u.code);
	buf_puts(B, "/duyet\">Mở trang duyệt</a></p>");
	/* Lead agencies with indicators without a figure for the period. */
	struct obs_rec *o = NULL;
	size_t no = 0;
	struct error err = {0};
	if (store_obs_list(c->s, v->u.id, period, &o, &no, &err))
		no = 0;
	err_clear(&err);
	const char *lead[64];
	int count[64], nl = 0;
	for (size_t i = 0; i < v->n; i++) {
		const struct indicator *x = v->rows[i].ind;
		bool has = false;
		for (size_t k = 0; k < no && !has; k++)
			has = o[k].code && !strcmp(o[k].code, x->code);
		if (has)
			continue;
		const char *l = x->lead ? x->lead : "(chưa rõ cơ quan chủ trì)";
		int j = 0;
		while (j < nl && strcmp(lead[j], l))
			j++;
		if (j == nl && nl < 64)
			lead[nl] = l, count[nl++] = 0;
		if (j < nl)
			count[j]++;
	}
	buf_puts(B, "<h2>Chưa báo cáo kỳ ");
	pg_period(c, period);
	buf_puts(B, "</h2>");
	if (!nl)
		buf_puts(B, "<p>Mọi chỉ tiêu đã có số liệu.</p>");
	else
		buf_puts(B, "<table><thead><tr><th>Cơ quan chủ trì</th><th>Chỉ tiêu chưa có số "
		            "liệu</th></tr></thead><tbody>");
	for (int j = 0; j < nl; j++) {
		buf_puts(B, "<tr><td>");
		pg_esc(c, lead[j]);
		buf_printf(B, "</td><td class=\"num\">%d</td></tr>", count[j]);
	}
	if (nl)
		buf_puts(B, "</tbody></table>");
	for (size_t k = 0; k < no; k++)
		obs_rec_free(&o[k]);
	free(o);
}

static void late_tasks(struct ctx *c, const struct unit_view *v, const char *period)
{
	struct task_row *t;
	size_t nt;
	struct error err = {0};
	if (store_task_list(c->s, v->u.id, period, &t, &nt, &err)) {
		err_clear(&err);
		return;
	}
	size_t overdue = 0;
	for (size_t i = 0; i < nt; i++)
		overdue += t[i].overdue;
	buf_printf(B, "<h2>Nhiệm vụ quá hạn</h2><p>%zu nhiệm vụ quá hạn.</p>", overdue);
	if (overdue)
		buf_puts(B, "<table><thead><tr><th>Nhiệm vụ</th><th>Chủ trì</th><th>Hạn</th></tr>"
		            "</thead><tbody>");
	for (size_t i = 0, shown = 0; i < nt; i++) {
		if (t[i].overdue && shown++ < 10) {
			buf_puts(B, "<tr><td>");
			pg_esc(c, t[i].code);
			buf_puts(B, ". ");
			char *title = text_prefix(t[i].title, 90);
			pg_esc(c, title);
			free(title);
			buf_puts(B, "</td><td>");
			pg_esc(c, t[i].lead ? t[i].lead : "–");
			buf_puts(B, "</td><td>");
			pg_period(c, t[i].due);
			buf_puts(B, "</td></tr>");
		}
		task_row_free(&t[i]);
	}
	if (overdue)
		buf_puts(B, "</tbody></table>");
	free(t);
}

static void off_track(struct ctx *c, const struct unit_view *v, const char *period)
{
	buf_puts(B, "<h2>Chỉ tiêu chậm, có nguy cơ</h2>");
	size_t shown = 0;
	for (size_t i = 0; i < v->n; i++) {
		const struct status_row *r = &v->rows[i];
		if (!behind(r->r.status))
			continue;
		if (!shown++)
			buf_puts(B, "<table><thead><tr><th>Chỉ tiêu</th><th>Chủ trì</th><th>Đánh "
			            "giá</th></tr></thead><tbody>");
		buf_puts(B, "<tr><td><a href=\"/don-vi/");
		pg_esc(c, v->u.code);
		buf_puts(B, "/chi-tieu/");
		pg_esc(c, r->ind->code);
		buf_puts(B, "?period=");
		pg_esc(c, period);
		buf_puts(B, "\">");
		pg_esc(c, r->ind->code);
		buf_puts(B, ". ");
		pg_esc(c, r->ind->name);
		buf_puts(B, "</a></td><td>");
		pg_esc(c, r->ind->lead ? r->ind->lead : "–");
		buf_puts(B, "</td><td>");
		pg_badge(c, r->r.status);
		buf_puts(B, "</td></tr>");
	}
	buf_puts(B, shown ? "</tbody></table>" : "<p>Không có chỉ tiêu nào chậm.</p>");
}

void page_home(struct ctx *c, char *const *arg)
{
	const char *unit = arg[0];
	char *periods = pg_unit_periods(c, unit), latest[32] = "", period[32];
	sscanf(periods, "%31s", latest);
	free(periods);
	int as_of;
	enum period_kind grain;
	if (!pg_period_arg(c, latest, &as_of, &grain, period))
		return;
	struct unit_view v;
	struct error err = {0};
	if (pg_view_unit(c, unit, as_of, grain, &v, &err)) {
		if (err.code == ERR_NO_PLAN) {
			char *to = xasprintf("/don-vi/%s/bang-dieu-khien", unit);
			pg_redirect(c, to);
			free(to);
		} else {
			pg_error(c, "Không xem được", &err);
		}
		err_clear(&err);
		return;
	}
	pg_head(c, "Việc cần làm", unit);
	buf_puts(B, "<h1>Việc cần làm: ");
	pg_esc(c, v.u.name);
	buf_puts(B, "</h1>");
	char open[PERIOD_NAME_SIZE], start[11], end[11];
	open_period(c, &v, open, start, end);
	if (*open && ctx_may(c, RIGHT_RECORD, unit))
		to_enter(c, &v, open, start, end);
	if (ctx_may(c, RIGHT_APPROVE, unit))
		office_work(c, &v, *open ? open : period);
	late_tasks(c, &v, *open ? open : period);
	off_track(c, &v, period);
	buf_puts(B, "<p><a href=\"/don-vi/");
	pg_esc(c, unit);
	buf_puts(B, "?period=");
	pg_esc(c, period);
	buf_puts(B, "\">Xem mọi chỉ tiêu kỳ ");
	pg_period(c, period);
	buf_puts(B, "</a></p>");
	pg_foot(c);
	view_unit_free(&v);
}
