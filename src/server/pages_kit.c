/* pages_kit.c: what every page is built from: the frame (head, foot), escaping, the
 * access checks, badges and numbers, and a unit's evaluated view. */
#define _DEFAULT_SOURCE /* timegm */
#include "pages.h"

#include "hold.h"

#include <math.h>
#include <time.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void pg_esc(struct ctx *c, const char *s)
{
	buf_escape_markup(B, s);
}

const char *pg_role_vi(const char *role)
{
	return !strcmp(role, "admin")      ? "quản trị"
	       : !strcmp(role, "office")   ? "văn phòng"
	       : !strcmp(role, "reporter") ? "nhập số liệu"
	                                   : "xem";
}

const char *pg_state_vi(const char *status)
{
	return !status                        ? "–"
	       : !strcmp(status, "draft")     ? "nháp"
	       : !strcmp(status, "submitted") ? "đã gửi duyệt"
	       : !strcmp(status, "approved")  ? "đã duyệt"
	       : !strcmp(status, "returned")  ? "bị trả lại"
	                                      : status;
}

void pg_head(struct ctx *c, const char *title, const char *unit)
{
	buf_puts(B, "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\">"
	            "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
	            "<title>");
	pg_esc(c, title);
	buf_puts(B, " · chitieu</title><link rel=\"stylesheet\" href=\"/static/app.css\">"
	            "<script src=\"/static/app.js\" defer></script></head><body><header>"
	            "<a class=\"brand\" href=\"/\">chitieu</a>");
	if (c->signed_in && unit) {
		buf_puts(B, "<nav>");
		bool office = strcmp(c->user.role, "reporter") != 0,
		     record = ctx_may(c, RIGHT_RECORD, unit),
		     approve = ctx_may(c, RIGHT_APPROVE, unit);
		const struct {
			const char *path, *label;
			bool shown;
		} items[] = {{"/viec-can-lam", "Việc cần làm", true},
		             {"/bang-dieu-khien", "Bảng điều khiển", office},
		             {"", "Tổng quan", true},
		             {"/nhap-lieu", "Nhập số liệu", record},
		             {"/duyet", "Duyệt", approve},
		             {"/nhiem-vu", "Nhiệm vụ", true},
		             {"/tinh", "Các đơn vị trực thuộc", office},
		             {"/doi-chieu", "Đối chiếu chỉ tiêu", approve},
		             {"/ke-hoach", "Kế hoạch", approve},
		             {"/quan-tri", "Quản trị", approve}};
		for (size_t i = 0; i < sizeof items / sizeof items[0]; i++) {
			if (!items[i].shown)
				continue;
			buf_puts(B, "<a href=\"/don-vi/");
			pg_esc(c, unit);
			buf_printf(B, "%s\">%s</a>", items[i].path, items[i].label);
		}
		buf_puts(B, "</nav>");
	}
	int unread = pg_inbox_unread(c); /* -1: no inbox */
	if (unread > 0)
		buf_printf(B,
		           "<a class=\"inbox\" href=\"/thong-bao\">Thông báo <span "
		           "class=\"count\">%d</span></a>",
		           unread);
	else if (!unread)
		buf_puts(B, "<a class=\"inbox\" href=\"/thong-bao\">Thông báo</a>");
	if (c->signed_in) {
		buf_puts(B, "<form class=\"who\" method=\"post\" action=\"/dang-xuat\">"
		            "<a href=\"/tai-khoan\">Tài khoản của tôi</a><span>");
		char *shown = auth_text_visible(c->user.name); /* no RTL or zero-width tricks */
		pg_esc(c, shown);
		free(shown);
		buf_printf(B,
		           " (%s)</span><input type=\"hidden\" name=\"csrf\" value=\"%s\">"
		           "<button>Đăng xuất</button></form>",
		           pg_role_vi(c->user.role), c->sess.csrf);
	}
	buf_puts(B, "</header><main>");
}

void pg_foot(struct ctx *c)
{
	buf_puts(B, "</main></body></html>");
}

void pg_redirect(struct ctx *c, const char *to)
{
	c->rs->status = 303;
	http_header(c->rs, "Location: %s", to);
	buf_reset(B);
}

void pg_plain(struct ctx *c, int status, const char *title, const char *msg)
{
	buf_reset(B);
	c->rs->status = status;
	pg_head(c, title, NULL);
	buf_puts(B, "<h1>");
	pg_esc(c, title);
	buf_puts(B, "</h1><p>");
	pg_esc(c, msg);
	buf_puts(B, "</p><p><a href=\"/\">Về trang đầu</a></p>");
	pg_foot(c);
}

/* Signed in and allowed, else the sign-in page or a 403 page. */
bool pg_may(struct ctx *c, enum right r, const char *unit)
{
	if (!c->signed_in) {
		pg_redirect(c, "/dang-nhap");
		return false;
	}
	if (!ctx_may(c, r, unit)) {
		pg_plain(c, 403, "Không được phép",
		         "Tài khoản này không được xem hoặc sửa trang này.");
		return false;
	}
	return true;
}

bool pg_post_ok(struct ctx *c)
{
	if (ctx_csrf_ok(c))
		return true;
	pg_plain(c, 403, "Phiên làm việc đã cũ",
	         "Mã chống giả mạo không đúng; hãy tải lại trang rồi làm lại.");
	return false;
}

/* The status of a problem with a posted form, from the one table
 * (app_code_status_for: what the form names is not the URL's): the form's
 * own faults are 422, the form shown again with the message. */
int pg_form_status(const char *code)
{
	int status = app_code_status_for(code, NULL);
	return status == 400 ? 422 : status;
}

void pg_badge(struct ctx *c, enum eval_status s)
{
	static const char *const cls[] = {"xam", "xanh", "vang", "do"};
	enum eval_colour col = eval_status_colour(s);
	buf_printf(B, "<span class=\"badge %s\">%s · %s</span>", cls[col], eval_colour_vi(col),
	           eval_status_vi(s));
}

/* A figure as it was entered, every digit, thousands grouped (figure_show_vi:
 * "2.125,5"). */
void pg_figure(struct ctx *c, double v)
{
	char tmp[FIGURE_SIZE];
	figure_show_vi(v, tmp);
	buf_puts(B, tmp);
}

/* A computed number (a share, a projection), to six digits. */
void pg_number(struct ctx *c, double v)
{
	char tmp[40];
	snprintf(tmp, sizeof tmp, "%.6g", v); /* six digits, then as a figure is shown */
	pg_figure(c, strtod(tmp, NULL));
}

/* ---- errors as sentences --------------------------------------------------- */

const char *pg_err_sentence(const struct error *err)
{
	static const struct {
		enum err_code code;
		const char *sentence;
	} said[] = {
	        {ERR_NO_PLAN, "Đơn vị này chưa có kế hoạch (chỉ tiêu) được lưu; hãy xem các đơn "
	                      "vị trực thuộc hoặc nhờ quản trị nạp kế hoạch."},
	        {ERR_UNKNOWN_UNIT, "Không có đơn vị này."},
	        {ERR_NOT_FOUND, "Không tìm thấy nội dung này."},
	        {ERR_FORBIDDEN, "Tài khoản này không được làm việc này."},
	        {ERR_PERIOD, "Kỳ báo cáo không hợp lệ; hãy chọn một kỳ trong danh sách."},
	        {ERR_DB, "Cơ sở dữ liệu đang gặp sự cố; chưa có gì thay đổi, xin thử lại sau."},
	        {ERR_BUSY, "Máy chủ đang bận; chưa có gì thay đổi, xin thử lại sau ít phút."},
	        {ERR_UNAVAILABLE, "Cơ sở dữ liệu tạm thời không liên lạc được; xin thử lại sau."},
	        {ERR_DISK_FULL, "Máy chủ hết chỗ lưu; chưa có gì thay đổi, hãy báo quản trị."},
	        {ERR_INTERNAL, "Lỗi trong chương trình; hãy báo quản trị."},
	};
	enum err_code code = app_err_code(err);
	for (size_t i = 0; i < sizeof said / sizeof said[0]; i++)
		if (code == said[i].code)
			return said[i].sentence;
	return err && err->msg && *err->msg ? err->msg : "Không làm được việc này.";
}

void pg_error(struct ctx *c, const char *title, const struct error *err)
{
	pg_plain(c, app_error_status(err), title, pg_err_sentence(err));
}

/* ---- periods ---------------------------------------------------------------- */

/* Later end first; at the same end the shorter (a month before its quarter). */
static int later(const char *a, const char *b)
{
	struct period p, q;
	int pf, pl, qf, ql;
	if (period_parse(a, &p, NULL))
		return 1;
	if (period_parse(b, &q, NULL))
		return -1;
	period_months(&p, &pf, &pl);
	period_months(&q, &qf, &ql);
	return pl != ql ? (pl > ql ? -1 : 1) : pf != qf ? (pf > qf ? -1 : 1) : 0;
}

static int later_q(const void *a, const void *b)
{
	return later(*(const char *const *)a, *(const char *const *)b);
}

size_t pg_periods_of(const struct obs_rec *o, size_t n, const char **out, size_t max)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		bool seen = false;
		for (size_t j = 0; j < k && !seen; j++)
			seen = !strcmp(out[j], o[i].period);
		if (!seen && k < max && !period_parse(o[i].period, &(struct period){0}, NULL))
			out[k++] = o[i].period;
	}
	qsort(out, k, sizeof *out, later_q);
	return k;
}

bool pg_period_arg(struct ctx *c, const char *latest, int *as_of, enum period_kind *grain,
                   char name[32])
{
	char *p = ctx_query(c, "period");
	const char *why;
	if (p && *p && period_end(p, as_of, grain, &why)) { /* a page, not bare text */
		char *msg =
		        xasprintf("Kỳ \"%s\" không hợp lệ: %s. Kỳ viết như 2026-05 (tháng), "
		                  "2026-Q3 (quý), 2026-H1 (6 tháng), 2026-9M (9 tháng) hoặc 2026 "
		                  "(năm).",
		                  p, why);
		pg_plain(c, 400, "Kỳ báo cáo không hợp lệ", msg);
		free(msg);
		free(p);
		return false;
	}
	bool asked = p && *p;
	free(p);
	if (asked || !latest || !*latest)
		return ctx_period(c, as_of, grain, name, false);
	snprintf(name, 32, "%s", latest);
	return !period_end(name, as_of, grain, NULL);
}

void pg_period_picker(struct ctx *c, const char *action, const char *current,
                      const char *const *periods, size_t n)
{
	buf_puts(B, "<form class=\"picker\" method=\"get\" action=\"");
	pg_esc(c, action);
	buf_puts(B, "\"><label class=\"inline\">Kỳ báo cáo <select name=\"period\">");
	bool found = false;
	for (size_t i = 0; i < n; i++)
		found |= !strcmp(periods[i], current);
	for (size_t i = 0; i <= n; i++) {
		const char *p = i < n ? periods[i] : found ? NULL : current;
		if (!p)
			continue;
		buf_puts(B, "<option value=\"");
		pg_esc(c, p);
		buf_puts(B, !strcmp(p, current) ? "\" selected>" : "\">");
		pg_period(c, p);
		buf_puts(B, "</option>");
	}
	buf_puts(B, "</select></label> <button>Xem</button></form>");
}

/* The periods with figures of one unit, latest first, space-separated. */
static void periods_of_unit(struct ctx *c, int64_t id, struct buf *out)
{
	struct obs_rec *o;
	size_t n;
	struct error err = {0};
	if (store_obs_list(c->s, id, NULL, &o, &n, &err)) {
		err_clear(&err);
		return;
	}
	const char *list[24];
	size_t k = pg_periods_of(o, n, list, 24);
	for (size_t i = 0; i < k; i++)
		buf_printf(out, "%s%s", i ? " " : "", list[i]);
	for (size_t i = 0; i < n; i++)
		obs_rec_free(&o[i]);
	free(o);
}

/* Is name one of the space-separated words of list? */
static bool listed(const char *list, const char *name)
{
	size_t n = strlen(name);
	for (const char *p = list; *p;) {
		size_t len = strcspn(p, " ");
		if (len == n && !memcmp(p, name, n))
			return true;
		p += len + (p[len] == ' ');
	}
	return false;
}

/* The list with, after its first (latest) period, the quarter, half and
 * year that end with it or hold it: "2025-12 2025-06" gives "2025-12
 * 2025-Q4 2025-H2 2025 2025-06". */
static char *with_coarser(const char *list)
{
	size_t len = strcspn(list, " ");
	char first[PERIOD_NAME_SIZE + 1];
	struct period p;
	snprintf(first, sizeof first, "%.*s", (int)(len < PERIOD_NAME_SIZE ? len : 0), list);
	struct buf b = {0};
	buf_puts(&b, first);
	if (!period_parse(first, &p, NULL)) {
		int m0, m1;
		period_months(&p, &m0, &m1);
		struct period up[] = {{PERIOD_QUARTER, p.year, (m1 % 12) / 3 + 1},
		                      {PERIOD_HALF, p.year, (m1 % 12) / 6 + 1},
		                      {PERIOD_YEAR, p.year, 0}};
		for (size_t i = 0; i < sizeof up / sizeof up[0]; i++) {
			char name[PERIOD_NAME_SIZE];
			if (up[i].kind <= p.kind)
				continue;
			period_format(&up[i], name, sizeof name);
			if (!listed(list, name))
				buf_printf(&b, " %s", name);
		}
	}
	buf_puts(&b, list + len);
	return buf_detach(&b);
}

char *pg_unit_periods(struct ctx *c, const char *unit)
{
	char *key = xasprintf("periods:%s", unit), *got = memo_get(c, key);
	if (got) {
		free(key);
		return got;
	}
	struct buf b = {0};
	struct unit_rec *u;
	size_t n;
	struct error err = {0};
	if (!store_unit_list(c->s, &u, &n, &err)) {
		for (size_t i = 0; i < n && !b.len; i++) /* its own */
			if (!strcmp(u[i].code, unit))
				periods_of_unit(c, u[i].id, &b);
		for (size_t i = 0; i < n && !b.len; i++) /* else its first child's with figures */
			if (u[i].parent_code && !strcmp(u[i].parent_code, unit))
				periods_of_unit(c, u[i].id, &b);
		for (size_t i = 0; i < n; i++)
			unit_rec_free(&u[i]);
		free(u);
	}
	err_clear(&err);
	got = b.len ? with_coarser(buf_str(&b)) : xstrdup("");
	buf_free(&b);
	memo_put(c, key, got);
	free(key);
	return got;
}

/* ---- small charts ------------------------------------------------------------ */

void pg_sparkline(struct ctx *c, const double *y, int n, const char *label)
{
	if (n < 2) {
		buf_puts(B, "<span class=\"spark-none\">–</span>");
		return;
	}
	double lo = y[0], hi = y[0];
	for (int i = 1; i < n; i++)
		lo = fmin(lo, y[i]), hi = fmax(hi, y[i]);
	if (hi <= lo)
		hi = lo + 1, lo -= 1;
	buf_puts(B, "<svg class=\"spark\" viewBox=\"0 0 60 18\" role=\"img\" aria-label=\"");
	pg_esc(c, label);
	buf_puts(B, "\"><polyline fill=\"none\" stroke=\"#2b6cb0\" stroke-width=\"1.5\" points=\"");
	for (int i = 0; i < n; i++)
		buf_printf(B, "%.1f,%.1f ", 2 + 56.0 * i / (n - 1),
		           16 - 14 * (y[i] - lo) / (hi - lo));
	buf_printf(B, "\"/><circle cx=\"58\" cy=\"%.1f\" r=\"2\" fill=\"#2b6cb0\"/></svg>",
	           16 - 14 * (y[n - 1] - lo) / (hi - lo));
}

/* ---- overview of a unit ------------------------------------------------------ */

void pg_period(struct ctx *c, const char *name)
{
	struct period p;
	char tmp[64];
	if (name && !period_parse(name, &p, NULL)) {
		period_label_vi(&p, tmp, sizeof tmp);
		pg_esc(c, tmp);
	} else {
		pg_esc(c, name ? name : "–");
	}
}

void pg_time(struct ctx *c, const char *utc)
{
	struct tm tm = {0};
	if (!utc || sscanf(utc, "%4d-%2d-%2d%*c%2d:%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
	                   &tm.tm_hour, &tm.tm_min) != 5) {
		pg_esc(c, utc && *utc ? utc : "–");
		return;
	}
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	time_t t = timegm(&tm) + 7 * 3600; /* Asia/Ho_Chi_Minh */
	gmtime_r(&t, &tm);
	buf_printf(B, "%02d/%02d/%04d %02d:%02d", tm.tm_mday, tm.tm_mon + 1, tm.tm_year + 1900,
	           tm.tm_hour, tm.tm_min);
}

int pg_view_unit(struct ctx *c, const char *unit, int as_of, enum period_kind grain,
                 struct unit_view *v, struct error *err)
{
	struct held *ref = NULL;
	struct hold *h = app_hold(c, unit, &ref, err);
	if (!h || hold_status(h, as_of, grain, EVAL_LINEAR, v, err)) {
		app_unhold(c, ref);
		return -1;
	}
	view_unit_detach(v); /* the page keeps it past the hold */
	app_unhold(c, ref);
	return 0;
}

bool pg_unit_view(struct ctx *c, const char *unit, struct unit_view *v, char period[32],
                  bool approved_only)
{
	int as_of;
	enum period_kind grain;
	if (!ctx_period(c, &as_of, &grain, period, false))
		return false;
	struct error err = {0};
	if (pg_view_unit(c, unit, as_of, grain, v, &err)) {
		pg_error(c, "Không xem được", &err);
		err_clear(&err);
		return false;
	}
	if (approved_only) { /* the public sees what the office approved */
		size_t k = 0;
		for (size_t i = 0; i < v->no; i++) {
			if (v->o[i].status && !strcmp(v->o[i].status, "approved"))
				v->o[k++] = v->o[i];
			else
				obs_rec_free(&v->o[i]);
		}
		v->no = k;
		free(v->rows);
		v->n = status_evaluate(&v->p, v->o, v->no, as_of, EVAL_LINEAR, &v->rows);
	}
	return true;
}

/* An indicator's figures on its scale in time order, up to as_of: the
 * sparkline's points (at most max) and the period of the last one. */
static int trend_of(const struct unit_view *v, const struct indicator *x, int as_of, double *y,
                    int max, const char **last)
{
	struct {
		int m;
		double y;
		const char *p;
	} t[64];
	int n = 0;
	for (size_t i = 0; i < v->no && n < 64; i++) {
		int m;
		enum period_kind k;
		double val;
		if (!v->o[i].code || strcmp(v->o[i].code, x->code) ||
		    period_end(v->o[i].period, &m, &k, NULL) || m > as_of ||
		    !status_point(x, &v->o[i], &val))
			continue;
		int j = n++;
		for (; j > 0 && t[j - 1].m > m; j--)
			t[j] = t[j - 1];
		t[j].m = m, t[j].y = val, t[j].p = v->o[i].period;
	}
	int from = n > max ? n - max : 0;
	for (int i = from; i < n; i++)
		y[i - from] = t[i].y;
	*last = n ? t[n - 1].p : NULL;
	return n - from;
}

static bool behind(enum eval_status s)
{
	return s == EVAL_AT_RISK || s == EVAL_OFF_TRACK || s == EVAL_NOT_MET;
}

/* The filter links over the table: all, behind, without figures. */
static void status_filters(struct ctx *c, const struct unit_view *v, const int count[8],
                           const char *period, const char *loc)
{
	int late = count[EVAL_AT_RISK] + count[EVAL_OFF_TRACK] + count[EVAL_NOT_MET];
	const char *names[][2] = {
	        {"", "Tất cả"}, {"cham", "Chậm, có nguy cơ"}, {"thieu", "Chưa có số liệu"}};
	int n[] = {(int)v->n, late, count[EVAL_NO_DATA]};
	buf_puts(B, "<nav class=\"filters\" aria-label=\"Lọc chỉ tiêu\">");
	for (int k = 0; k < 3; k++) {
		bool on = !strcmp(loc, names[k][0]);
		buf_puts(B, "<a href=\"?period=");
		pg_esc(c, period);
		if (*names[k][0])
			buf_printf(B, "&amp;loc=%s", names[k][0]);
		buf_printf(B, "\"%s>%s (%d)</a>", on ? " aria-current=\"page\"" : "", names[k][1],
		           n[k]);
	}
	buf_puts(B, "</nav>");
}

void pg_status_table_at(struct ctx *c, const struct unit_view *v, bool links, const char *period,
                        int as_of)
{
	int count[8] = {0};
	for (size_t i = 0; i < v->n; i++)
		count[v->rows[i].r.status]++;
	char *loc = ctx_query(c, "loc");
	if (!loc || (strcmp(loc, "cham") && strcmp(loc, "thieu"))) {
		free(loc);
		loc = xstrdup("");
	}
	buf_puts(B, "<ul class=\"counts\">");
	for (int s = EVAL_MET; s <= EVAL_NOT_MET; s++)
		if (count[s]) {
			buf_printf(B, "<li>%d ", count[s]);
			pg_badge(c, (enum eval_status)s);
			buf_puts(B, "</li>");
		}
	buf_printf(B, "<li>%d ", count[EVAL_NO_DATA]);
	pg_badge(c, EVAL_NO_DATA);
	buf_printf(B, "</li><li>%d không đánh giá</li></ul>", count[EVAL_NOT_EVALUATED]);
	if (links)
		status_filters(c, v, count, period, loc);
	const char *group = NULL;
	size_t shown = 0;
	for (size_t i = 0; i < v->n; i++) {
		const struct status_row *r = &v->rows[i];
		if ((!strcmp(loc, "cham") && !behind(r->r.status)) ||
		    (!strcmp(loc, "thieu") && r->r.status != EVAL_NO_DATA))
			continue;
		shown++;
		if (!group || strcmp(group, r->ind->group ? r->ind->group : "")) {
			if (group)
				buf_puts(B, "</tbody></table>");
			group = r->ind->group ? r->ind->group : "";
			buf_puts(B, "<h2>");
			for (size_t g = 0; g < v->p.ngroups; g++)
				if (!strcmp(v->p.groups[g].code, group)) {
					pg_esc(c, v->p.groups[g].code);
					buf_puts(B, ". ");
					pg_esc(c, v->p.groups[g].name);
				}
			buf_puts(B,
			         "</h2><table class=\"status\"><thead><tr><th>Mã</th><th>Chỉ "
			         "tiêu</th><th>Số mới nhất</th><th>Xu hướng</th><th>Mục tiêu</th>"
			         "<th>Đánh giá</th></tr></thead><tbody>");
		}
		buf_puts(B, "<tr><td>");
		pg_esc(c, r->ind->code);
		buf_puts(B, "</td><td>");
		if (links) {
			buf_puts(B, "<a href=\"/don-vi/");
			pg_esc(c, v->u.code);
			buf_puts(B, "/chi-tieu/");
			pg_esc(c, r->ind->code);
			buf_puts(B, "?period=");
			pg_esc(c, period);
			buf_puts(B, "\">");
		}
		pg_esc(c, r->ind->name);
		buf_puts(B, links ? "</a>" : "");
		if (r->ind->unit) {
			buf_puts(B, " <small>(");
			pg_esc(c, r->ind->unit);
			buf_puts(B, ")</small>");
		}
		if (r->ind->lead) {
			buf_puts(B, "<br><small class=\"lead\">Chủ trì: ");
			pg_esc(c, r->ind->lead);
			buf_puts(B, "</small>");
		}
		double y[12];
		const char *last = NULL;
		int ny = trend_of(v, r->ind, as_of, y, 12, &last);
		buf_puts(B, "</td><td class=\"num\">");
		if (r->r.has_latest) {
			pg_number(c, r->r.latest);
			if (last) {
				buf_puts(B, "<br><small>");
				pg_period(c, last);
				buf_puts(B, "</small>");
			}
		} else {
			buf_puts(B, "–");
		}
		buf_puts(B, "</td><td>");
		pg_sparkline(c, y, ny, "Xu hướng các kỳ");
		buf_puts(B, "</td><td>");
		if (r->target) {
			buf_printf(B, "%d: ", r->year);
			pg_esc(c, r->target->text);
		}
		buf_puts(B, "</td><td>");
		pg_badge(c, r->r.status);
		buf_puts(B, "</td></tr>");
	}
	if (group)
		buf_puts(B, "</tbody></table>");
	if (!shown)
		buf_puts(B, "<p>Không có chỉ tiêu nào theo bộ lọc này.</p>");
	free(loc);
}
