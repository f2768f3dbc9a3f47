/* pages.c: the pages people work in, in Vietnamese, rendered here: no
 * front-end build, no inline script (the CSP forbids it), one small CSS and
 * one small script file, charts as SVG. */
#include "app.h"
#include "figure.h"
#include "hold.h"

#include "period.h"
#include "rollup.h"
#include "text.h"
#include "report.h"
#include "views.h"

#include <math.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern const char app_css[], app_js[];

#define B (&c->rs->body)

static void esc(struct ctx *c, const char *s)
{
	buf_escape_markup(B, s);
}

static const char *role_vi(const char *role)
{
	return !strcmp(role, "admin")      ? "quản trị"
	       : !strcmp(role, "office")   ? "văn phòng"
	       : !strcmp(role, "reporter") ? "nhập số liệu"
	                                   : "xem";
}

static const char *state_vi(const char *status)
{
	return !status                        ? "–"
	       : !strcmp(status, "draft")     ? "nháp"
	       : !strcmp(status, "submitted") ? "đã gửi duyệt"
	       : !strcmp(status, "approved")  ? "đã duyệt"
	       : !strcmp(status, "returned")  ? "bị trả lại"
	                                      : status;
}

static void head(struct ctx *c, const char *title, const char *unit)
{
	buf_puts(B, "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\">"
	            "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
	            "<title>");
	esc(c, title);
	buf_puts(B, " · chitieu</title><link rel=\"stylesheet\" href=\"/static/app.css\">"
	            "<script src=\"/static/app.js\" defer></script></head><body><header>"
	            "<a class=\"brand\" href=\"/\">chitieu</a>");
	if (c->signed_in && unit) {
		buf_puts(B, "<nav>");
		const char *links[][2] = {{"", "Tổng quan"},
		                          {"/nhap-lieu", "Nhập số liệu"},
		                          {"/duyet", "Duyệt"},
		                          {"/nhiem-vu", "Nhiệm vụ"},
		                          {"/tinh", "Các đơn vị trực thuộc"},
		                          {"/doi-chieu", "Đối chiếu chỉ tiêu"}};
		bool shown[] = {true,
		                ctx_may(c, RIGHT_RECORD, unit),
		                ctx_may(c, RIGHT_APPROVE, unit),
		                true,
		                strcmp(c->user.role, "reporter") != 0,
		                ctx_may(c, RIGHT_APPROVE, unit)};
		for (size_t i = 0; i < sizeof links / sizeof links[0]; i++) {
			if (!shown[i])
				continue;
			buf_puts(B, "<a href=\"/don-vi/");
			esc(c, unit);
			buf_printf(B, "%s\">%s</a>", links[i][0], links[i][1]);
		}
		buf_puts(B, "</nav>");
	}
	if (c->signed_in) {
		buf_puts(B, "<form class=\"who\" method=\"post\" action=\"/dang-xuat\">"
		            "<a href=\"/tai-khoan\">Tài khoản của tôi</a><span>");
		char *shown = auth_text_visible(c->user.name); /* no RTL or zero-width tricks */
		esc(c, shown);
		free(shown);
		buf_printf(B,
		           " (%s)</span><input type=\"hidden\" name=\"csrf\" value=\"%s\">"
		           "<button>Đăng xuất</button></form>",
		           role_vi(c->user.role), c->sess.csrf);
	}
	buf_puts(B, "</header><main>");
}

static void foot(struct ctx *c)
{
	buf_puts(B, "</main></body></html>");
}

static void redirect(struct ctx *c, const char *to)
{
	c->rs->status = 303;
	http_header(c->rs, "Location: %s", to);
	buf_reset(B);
}

static void plain(struct ctx *c, int status, const char *title, const char *msg)
{
	buf_reset(B);
	c->rs->status = status;
	head(c, title, NULL);
	buf_puts(B, "<h1>");
	esc(c, title);
	buf_puts(B, "</h1><p>");
	esc(c, msg);
	buf_puts(B, "</p><p><a href=\"/\">Về trang đầu</a></p>");
	foot(c);
}

/* Signed in and allowed, else the sign-in page or a 403 page. */
static bool may(struct ctx *c, enum right r, const char *unit)
{
	if (!c->signed_in) {
		redirect(c, "/dang-nhap");
		return false;
	}
	if (!ctx_may(c, r, unit)) {
		plain(c, 403, "Không được phép",
		      "Tài khoản này không được xem hoặc sửa trang này.");
		return false;
	}
	return true;
}

static bool post_ok(struct ctx *c)
{
	if (ctx_csrf_ok(c))
		return true;
	plain(c, 403, "Phiên làm việc đã cũ",
	      "Mã chống giả mạo không đúng; hãy tải lại trang rồi làm lại.");
	return false;
}

/* The status of a problem with a posted form, from the one table
 * (app_code_status_for: what the form names is not the URL's): the form's
 * own faults are 422, the form shown again with the message. */
static int form_status(const char *code)
{
	int status = app_code_status_for(code, NULL);
	return status == 400 ? 422 : status;
}

static void badge(struct ctx *c, enum eval_status s)
{
	static const char *const cls[] = {"xam", "xanh", "vang", "do"};
	enum eval_colour col = eval_status_colour(s);
	buf_printf(B, "<span class=\"badge %s\">%s · %s</span>", cls[col], eval_colour_vi(col),
	           eval_status_vi(s));
}

/* A figure as it was entered, every digit (figure_write_vi: "2,125"). */
static void figure(struct ctx *c, double v)
{
	char tmp[FIGURE_SIZE];
	figure_write_vi(v, tmp);
	buf_puts(B, tmp);
}

/* A computed number (a share, a projection), to six digits. */
static void number(struct ctx *c, double v)
{
	char tmp[40];
	snprintf(tmp, sizeof tmp, "%.6g", v);
	for (char *p = tmp; *p; p++) /* Vietnamese decimal comma */
		if (*p == '.')
			*p = ',';
	buf_puts(B, tmp);
}

/* ---- sign-in ---------------------------------------------------------------- */

/* The sign-in form with a fresh pre-session token: in a cookie only this
 * site's pages can set and in a hidden field, so that another site cannot
 * sign a browser in to an account of its choosing (login CSRF). */
static void signin_form(struct ctx *c, const char *msg, const char *login)
{
	char pre[AUTH_TOKEN];
	auth_random(pre);
	http_header(c->rs,
	            "Set-Cookie: chitieu_pre=%s; Path=/dang-nhap; HttpOnly; SameSite=Strict%s", pre,
	            c->app->secure ? "; Secure" : "");
	head(c, "Đăng nhập", NULL);
	buf_puts(B, "<h1>Đăng nhập</h1>");
	if (msg) {
		buf_puts(B, "<p class=\"error\" role=\"alert\">");
		esc(c, msg);
		buf_puts(B, "</p>");
	}
	buf_printf(B,
	           "<form method=\"post\" action=\"/dang-nhap\" class=\"card\">"
	           "<input type=\"hidden\" name=\"pre\" value=\"%s\">"
	           "<label>Tên đăng nhập <input name=\"login\" autocomplete=\"username\" "
	           "required value=\"",
	           pre);
	esc(c, login ? login : "");
	buf_puts(B, "\"></label><label>Mật khẩu <input name=\"password\" type=\"password\" "
	            "autocomplete=\"current-password\" required></label>"
	            "<button>Đăng nhập</button></form>");
	foot(c);
}

static void page_signin(struct ctx *c)
{
	if (!strcmp(c->rq->method, "GET")) {
		signin_form(c, NULL, NULL);
		return;
	}
	char *login = ctx_form(c, "login"), *pw = ctx_form(c, "password"),
	     *pre = ctx_form(c, "pre"), *cookie = http_cookie(c->rq->cookie, "chitieu_pre");
	struct session sess;
	const char *msg;
	int rc;
	if (!pre || !cookie || strlen(cookie) != AUTH_TOKEN - 1 || !auth_equal(pre, cookie) ||
	    !app_origin_ok(c)) {
		rc = 403;
		msg = "Trang đăng nhập đã cũ hoặc được gửi từ trang khác; hãy đăng nhập lại ở "
		      "đây";
	} else {
		rc = app_sign_in(c, login, pw, &sess, &msg);
	}
	if (rc) {
		c->rs->status = rc;
		signin_form(c, msg, login);
	} else {
		http_header(c->rs,
		            "Set-Cookie: chitieu_pre=; Path=/dang-nhap; Max-Age=0; HttpOnly; "
		            "SameSite=Strict");
		redirect(c, "/");
	}
	free(login);
	free(pw);
	free(pre);
	free(cookie);
}

static void page_signout(struct ctx *c)
{
	if (c->signed_in && !c->by_token) {
		if (!post_ok(c))
			return;
		session_drop(c->app->sessions, c->sess.id);
	}
	http_header(c->rs,
	            "Set-Cookie: chitieu_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
	redirect(c, "/dang-nhap");
}

/* ---- overview of a unit ------------------------------------------------------ */

static bool unit_view(struct ctx *c, const char *unit, struct unit_view *v, char period[32],
                      bool approved_only)
{
	int as_of;
	enum period_kind grain;
	if (!ctx_period(c, &as_of, &grain, period, false))
		return false;
	char *err = NULL;
	struct held *ref;
	struct hold *h = app_hold(c, unit, &ref, &err);
	if (!h || hold_status(h, as_of, grain, EVAL_LINEAR, v, &err)) {
		app_unhold(c, ref);
		char code[40];
		const char *msg;
		plain(c, app_code_status(app_error_code(err, code, &msg)), "Không xem được", err);
		free(err);
		return false;
	}
	view_unit_detach(v); /* the page keeps it past the hold */
	app_unhold(c, ref);
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

static void status_table(struct ctx *c, const struct unit_view *v, bool links)
{
	int count[8] = {0};
	for (size_t i = 0; i < v->n; i++)
		count[v->rows[i].r.status]++;
	buf_puts(B, "<ul class=\"counts\">");
	for (int s = EVAL_MET; s <= EVAL_NOT_MET; s++)
		if (count[s]) {
			buf_printf(B, "<li>%d ", count[s]);
			badge(c, (enum eval_status)s);
			buf_puts(B, "</li>");
		}
	buf_printf(B, "<li>%d ", count[EVAL_NO_DATA]);
	badge(c, EVAL_NO_DATA);
	buf_printf(B, "</li><li>%d không đánh giá</li></ul>", count[EVAL_NOT_EVALUATED]);
	const char *group = NULL;
	for (size_t i = 0; i < v->n; i++) {
		const struct status_row *r = &v->rows[i];
		if (!group || strcmp(group, r->ind->group ? r->ind->group : "")) {
			if (group)
				buf_puts(B, "</tbody></table>");
			group = r->ind->group ? r->ind->group : "";
			buf_puts(B, "<h2>");
			for (size_t g = 0; g < v->p.ngroups; g++)
				if (!strcmp(v->p.groups[g].code, group)) {
					esc(c, v->p.groups[g].code);
					buf_puts(B, ". ");
					esc(c, v->p.groups[g].name);
				}
			buf_puts(B, "</h2><table class=\"status\"><thead><tr><th>Mã</th><th>Chỉ "
			            "tiêu</th><th>Số mới nhất</th><th>Mục tiêu</th><th>Đánh "
			            "giá</th></tr></thead><tbody>");
		}
		buf_puts(B, "<tr><td>");
		esc(c, r->ind->code);
		buf_puts(B, "</td><td>");
		if (links) {
			buf_puts(B, "<a href=\"/don-vi/");
			esc(c, v->u.code);
			buf_puts(B, "/chi-tieu/");
			esc(c, r->ind->code);
			buf_puts(B, "\">");
		}
		esc(c, r->ind->name);
		buf_puts(B, links ? "</a>" : "");
		if (r->ind->unit) {
			buf_puts(B, " <small>(");
			esc(c, r->ind->unit);
			buf_puts(B, ")</small>");
		}
		buf_puts(B, "</td><td class=\"num\">");
		if (r->r.has_latest)
			number(c, r->r.latest);
		else
			buf_puts(B, "–");
		buf_puts(B, "</td><td>");
		if (r->target) {
			buf_printf(B, "%d: ", r->year);
			esc(c, r->target->text);
		}
		buf_puts(B, "</td><td>");
		badge(c, r->r.status);
		buf_puts(B, "</td></tr>");
	}
	if (group)
		buf_puts(B, "</tbody></table>");
}

static void page_overview(struct ctx *c, const char *unit)
{
	if (!may(c, RIGHT_READ, unit))
		return;
	/* The page's own part is the same for everyone allowed to see it: it
	 * is kept until the store changes; the header is each account's. */
	int as_of;
	enum period_kind grain;
	char period[32], *key, *err = NULL, *prefix;
	int64_t mark;
	if (!ctx_period(c, &as_of, &grain, period, false))
		return;
	char *name_key = xasprintf("unitname:%s", unit), *name = memo_get(c, name_key);
	struct unit_rec u = {0};
	if (!name && !store_unit_get(c->s, unit, &u, &err)) {
		name = xstrdup(u.name);
		memo_put(c, name_key, name);
		unit_rec_free(&u);
	}
	free(name_key);
	free(err);
	err = NULL;
	if (!name) {
		plain(c, 404, "Không có đơn vị", "Không có đơn vị này.");
		return;
	}
	head(c, name, unit);
	free(name);
	size_t from = B->len;
	prefix = xasprintf("page:%s:", period);
	bool done = cache_lookup_unit(c, prefix, unit, &key, &mark);
	free(prefix);
	if (done) {
		foot(c);
		return;
	}
	struct unit_view v;
	if (!unit_view(c, unit, &v, period, false)) {
		free(key);
		return;
	}
	buf_puts(B, "<h1>");
	esc(c, v.u.name);
	buf_puts(B, "</h1><p>Kỳ ");
	esc(c, period);
	buf_puts(B, " · <a href=\"/cong-khai/");
	esc(c, unit);
	buf_puts(B, "\">trang công khai</a></p><p class=\"reports\">Báo cáo kỳ này:");
	static const char *const fmts[] = {"docx", "xlsx", "pdf", "html", "csv", "json"};
	for (size_t k = 0; k < sizeof fmts / sizeof fmts[0]; k++) {
		buf_puts(B, " <a href=\"/don-vi/");
		esc(c, unit);
		buf_puts(B, "/bao-cao?period=");
		esc(c, period);
		buf_printf(B, "&amp;format=%s\">%s</a>", fmts[k], fmts[k]);
	}
	buf_puts(B, "</p>");
	/* What is overdue. */
	struct task_row *t;
	size_t nt;
	if (!store_task_list(c->s, v.u.id, period, &t, &nt, &err)) {
		size_t overdue = 0;
		for (size_t i = 0; i < nt; i++)
			overdue += t[i].overdue;
		if (overdue) {
			buf_printf(B, "<p class=\"warn\">%zu nhiệm vụ quá hạn: ", overdue);
			for (size_t i = 0, shown = 0; i < nt && shown < 5; i++)
				if (t[i].overdue) {
					buf_puts(B, shown++ ? "; " : "");
					esc(c, t[i].code);
					buf_puts(B, " ");
					char *title = text_prefix(t[i].title, 60);
					esc(c, title);
					free(title);
				}
			buf_puts(B, "</p>");
		}
		for (size_t i = 0; i < nt; i++)
			task_row_free(&t[i]);
		free(t);
	}
	free(err);
	status_table(c, &v, true);
	cache_put(c, key, mark, from);
	free(key);
	foot(c);
	view_unit_free(&v);
}

static void page_public(struct ctx *c, const char *unit)
{
	struct unit_view v;
	char period[32];
	if (!unit_view(c, unit, &v, period, true))
		return;
	head(c, v.u.name, NULL);
	buf_puts(B, "<h1>");
	esc(c, v.u.name);
	buf_puts(B, "</h1><p>Kết quả công khai, kỳ ");
	esc(c, period);
	buf_puts(B, ": chỉ số liệu đã được duyệt.</p>");
	status_table(c, &v, false);
	foot(c);
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

/* The figures over time and the path to the targets, as SVG. */
static void chart(struct ctx *c, const struct unit_view *v, const struct status_row *r)
{
	const struct indicator *x = r->ind;
	double lo = INFINITY, hi = -INFINITY;
	int m0 = 1 << 30, m1 = -1;
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
		pts[np++] = (struct pt){m, y};
	}
	if (x->has_baseline && v->p.baseline_year)
		path[npath++] = (struct pt){v->p.baseline_year * 12 + 11, x->baseline};
	for (int k = 0; k < x->ntargets && npath < 16; k++) {
		const struct target *t = &x->targets[k].t;
		if (t->kind == TARGET_NUMBER)
			path[npath++] = (struct pt){x->targets[k].year * 12 + 11, t->value};
	}
	for (int i = 0; i < np; i++) {
		lo = fmin(lo, pts[i].y), hi = fmax(hi, pts[i].y);
		m0 = pts[i].m < m0 ? pts[i].m : m0, m1 = pts[i].m > m1 ? pts[i].m : m1;
	}
	for (int i = 0; i < npath; i++) {
		lo = fmin(lo, path[i].y), hi = fmax(hi, path[i].y);
		m0 = path[i].m < m0 ? path[i].m : m0, m1 = path[i].m > m1 ? path[i].m : m1;
	}
	if (m1 < 0) {
		buf_puts(B, "<p>Chưa có số liệu để vẽ.</p>");
		return;
	}
	if (lo > 0)
		lo = 0;
	if (hi <= lo)
		hi = lo + 1;
	if (m1 == m0)
		m1 = m0 + 1;
	const double W = 640, H = 240, L = 48, Rm = 12, T = 12, Bm = 28;
#define X(m) (L + ((m)-m0) * (W - L - Rm) / (m1 - m0))
#define Y(y) (T + (hi - (y)) * (H - T - Bm) / (hi - lo))
	buf_printf(B,
	           "<svg class=\"chart\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" "
	           "aria-label=\"Biểu đồ số liệu và lộ trình mục tiêu\">",
	           W, H);
	buf_printf(B, "<line x1=\"%.0f\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\" stroke=\"#999\"/>", L,
	           Y(lo), W - Rm, Y(lo));
	buf_printf(B, "<text x=\"4\" y=\"%.1f\" font-size=\"11\">%.4g</text>", Y(hi) + 4, hi);
	buf_printf(B, "<text x=\"4\" y=\"%.1f\" font-size=\"11\">%.4g</text>", Y(lo), lo);
	for (int yr = m0 / 12; yr <= m1 / 12; yr++)
		if (yr * 12 >= m0 || yr == m0 / 12)
			buf_printf(B, "<text x=\"%.1f\" y=\"%.0f\" font-size=\"11\">%d</text>",
			           X(yr * 12 > m0 ? yr * 12 : m0), H - 8, yr);
	if (npath > 1) {
		buf_puts(B, "<polyline fill=\"none\" stroke=\"#2b6cb0\" stroke-dasharray=\"6 4\" "
		            "points=\"");
		for (int i = 0; i < npath; i++)
			buf_printf(B, "%.1f,%.1f ", X(path[i].m), Y(path[i].y));
		buf_puts(B, "\"><title>Lộ trình mục tiêu</title></polyline>");
	}
	for (int i = 0; i < npath; i++)
		buf_printf(B, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"#2b6cb0\"/>",
		           X(path[i].m), Y(path[i].y));
	/* Points in time order. */
	for (int i = 1; i < np; i++)
		for (int k = i; k > 0 && pts[k - 1].m > pts[k].m; k--) {
			struct pt t = pts[k];
			pts[k] = pts[k - 1];
			pts[k - 1] = t;
		}
	if (np > 1) {
		buf_puts(B,
		         "<polyline fill=\"none\" stroke=\"#c05621\" stroke-width=\"2\" points=\"");
		for (int i = 0; i < np; i++)
			buf_printf(B, "%.1f,%.1f ", X(pts[i].m), Y(pts[i].y));
		buf_puts(B, "\"/>");
	}
	for (int i = 0; i < np; i++)
		buf_printf(B, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#c05621\"/>",
		           X(pts[i].m), Y(pts[i].y));
	buf_puts(B, "</svg><p class=\"legend\"><span class=\"l-obs\">— số liệu</span> "
	            "<span class=\"l-path\">- - lộ trình mục tiêu</span></p>");
#undef X
#undef Y
}

static void page_indicator(struct ctx *c, const char *unit, const char *code)
{
	if (!may(c, RIGHT_READ, unit))
		return;
	struct unit_view v;
	char period[32];
	if (!unit_view(c, unit, &v, period, false))
		return;
	const struct status_row *r = NULL;
	for (size_t i = 0; i < v.n && !r; i++)
		if (!strcmp(v.rows[i].ind->code, code))
			r = &v.rows[i];
	if (!r) {
		view_unit_free(&v);
		plain(c, 404, "Không có chỉ tiêu", "Kế hoạch của đơn vị không có chỉ tiêu này.");
		return;
	}
	const struct indicator *x = r->ind;
	head(c, x->name, unit);
	buf_puts(B, "<h1>");
	esc(c, x->code);
	buf_puts(B, ". ");
	esc(c, x->name);
	buf_puts(B, "</h1><p>");
	badge(c, r->r.status);
	buf_puts(B, " Chủ trì: ");
	esc(c, x->lead ? x->lead : "–");
	buf_puts(B, "</p><h2>Mục tiêu theo mốc</h2><table><tr><th>Năm</th><th>Mục tiêu</th></tr>");
	if (x->has_baseline) {
		buf_printf(B, "<tr><td>%d (gốc)</td><td>", v.p.baseline_year);
		esc(c, x->baseline_text ? x->baseline_text : "");
		buf_puts(B, "</td></tr>");
	}
	for (int k = 0; k < x->ntargets; k++) {
		buf_printf(B, "<tr><td>%d</td><td>", x->targets[k].year);
		esc(c, x->targets[k].t.text ? x->targets[k].t.text : "");
		buf_puts(B, "</td></tr>");
	}
	buf_puts(B, "</table><h2>Diễn biến</h2>");
	chart(c, &v, r);
	buf_puts(B, "<h2>Cách tính</h2><p class=\"record\">");
	esc(c, r->r.record);
	buf_puts(B, "</p><h2>Số liệu và lịch sử</h2><table><tr><th>Kỳ</th><th>Số liệu</th>"
	            "<th>Trạng thái</th><th>Người ghi</th><th>Lúc</th><th>Minh chứng</th></tr>");
	struct series_rec sr = {0};
	char *err = NULL;
	bool has_series = store_series_get(c->s, v.u.id, code, &sr, &err) == 0;
	for (size_t i = 0; i < v.no; i++) {
		const struct obs_rec *o = &v.o[i];
		if (!o->code || strcmp(o->code, code))
			continue;
		double y;
		buf_puts(B, "<tr><td>");
		esc(c, o->period);
		buf_puts(B, "</td><td class=\"num\">");
		if (o->has_level && o->level)
			esc(c, o->level);
		else if (status_point(x, o, &y))
			number(c, y);
		buf_puts(B, "</td><td>");
		esc(c, state_vi(o->status));
		buf_puts(B, "</td><td>");
		esc(c, o->by ? o->by : "");
		buf_puts(B, "</td><td>");
		esc(c, o->at ? o->at : "");
		buf_puts(B, "</td><td>");
		if (o->evidence &&
		    (!strncmp(o->evidence, "http://", 7) || !strncmp(o->evidence, "https://", 8))) {
			buf_puts(B, "<a rel=\"noopener\" href=\"");
			esc(c, o->evidence);
			buf_puts(B, "\">minh chứng</a>");
		} else if (o->evidence) {
			esc(c, o->evidence);
		}
		buf_puts(B, "</td></tr>");
		struct obs_rec *h;
		size_t nh;
		if (has_series && !store_obs_history(c->s, sr.id, o->period, &h, &nh, &err)) {
			for (size_t k = 0; k < nh; k++) {
				buf_puts(B, "<tr class=\"old\"><td></td><td class=\"num\">");
				if (status_point(x, &h[k], &y))
					number(c, y);
				buf_printf(B, "</td><td>bản %d: ", h[k].version);
				esc(c, state_vi(h[k].status));
				buf_puts(B, "</td><td>");
				esc(c, h[k].by ? h[k].by : "");
				buf_puts(B, "</td><td>");
				esc(c, h[k].at ? h[k].at : "");
				buf_puts(B, "</td><td>");
				esc(c, h[k].note ? h[k].note : "");
				buf_puts(B, "</td></tr>");
				obs_rec_free(&h[k]);
			}
			free(h);
		}
	}
	buf_puts(B, "</table>");
	if (has_series)
		series_rec_free(&sr);
	free(err);
	foot(c);
	view_unit_free(&v);
}

/* ---- data entry ------------------------------------------------------------------- */

/* The figure this period already has for an indicator, if any. */
static const struct obs_rec *current(const struct unit_view *v, const char *code,
                                     const char *period)
{
	for (size_t i = 0; i < v->no; i++)
		if (v->o[i].code && !strcmp(v->o[i].code, code) && !strcmp(v->o[i].period, period))
			return &v->o[i];
	return NULL;
}

static void field_value(struct ctx *c, const char *name, const char *code, const char *typed,
                        double have, bool has)
{
	buf_printf(B, "<input name=\"%s.", name);
	esc(c, code);
	buf_puts(B, "\" inputmode=\"decimal\" value=\"");
	char text[FIGURE_SIZE];
	figure_write_vi(have, text); /* exact, and read back as the same figure */
	if (typed)
		esc(c, typed);
	else if (has)
		buf_puts(B, text);
	buf_puts(B, "\">");
}

struct entry_error {
	const char *code;
	const char *message;
};

static void entry_form(struct ctx *c, const struct unit_view *v, const char *period,
                       const struct entry_error *errs, size_t nerr, const char *notice)
{
	head(c, "Nhập số liệu", v->u.code);
	buf_puts(B, "<h1>Nhập số liệu kỳ ");
	esc(c, period);
	buf_puts(B, "</h1><form method=\"get\" class=\"inline\"><label>Kỳ <input name=\"period\" "
	            "value=\"");
	esc(c, period);
	buf_puts(B, "\"></label><button>Đổi kỳ</button></form>");
	if (notice) {
		buf_puts(B, "<p class=\"ok\" role=\"status\">");
		esc(c, notice);
		buf_puts(B, "</p>");
	}
	if (nerr)
		buf_printf(B,
		           "<p class=\"error\" role=\"alert\">Chưa lưu: %zu lỗi, xem bên dưới.</p>",
		           nerr);
	buf_puts(B, "<form method=\"post\" class=\"entry\"><input type=\"hidden\" name=\"csrf\" "
	            "value=\"");
	esc(c, c->sess.csrf);
	buf_puts(B, "\"><table><thead><tr><th>Mã</th><th>Chỉ tiêu</th><th>Số liệu</th>"
	            "<th>Trạng thái</th></tr></thead><tbody>");
	size_t shown = 0;
	for (size_t i = 0; i < v->p.nind; i++) {
		const struct indicator *x = &v->p.ind[i];
		if (!ctx_leads(c, x))
			continue;
		shown++;
		const struct obs_rec *o = current(v, x->code, period);
		char key[80];
		buf_puts(B, "<tr><td>");
		esc(c, x->code);
		buf_puts(B, "</td><td>");
		esc(c, x->name);
		if (x->unit) {
			buf_puts(B, " <small>(");
			esc(c, x->unit);
			buf_puts(B, ")</small>");
		}
		buf_puts(B, "</td><td>");
		bool level = false, yes = false,
		     locked = o && o->status && !strcmp(o->status, "approved");
		double shown_value;
		if (locked) { /* approved figures are locked: shown, not editable */
			if (o->has_level && o->level)
				esc(c, o->level);
			else if (o->has_value)
				figure(c, o->value);
			else if (status_point(x, o, &shown_value))
				number(c, shown_value);
			buf_puts(B, " <small>(khóa)</small></td><td>đã duyệt</td></tr>");
			continue;
		}
		for (int k = 0; k < x->ntargets; k++) {
			level |= x->targets[k].t.kind == TARGET_LEVEL;
			yes |= x->targets[k].t.kind == TARGET_YES;
		}
		snprintf(key, sizeof key, "v.%s", x->code);
		char *typed = ctx_form(c, key);
		if (level) {
			buf_puts(B, "<select name=\"l.");
			esc(c, x->code);
			buf_puts(B, "\"><option value=\"\">–</option>");
			for (int k = 0; k < x->ntargets; k++) {
				const struct target *t = &x->targets[k].t;
				if (t->kind != TARGET_LEVEL || !t->level)
					continue;
				bool dup = false;
				for (int j = 0; j < k; j++)
					dup |= x->targets[j].t.level &&
					       !strcmp(x->targets[j].t.level, t->level);
				if (dup)
					continue;
				buf_puts(B, "<option");
				if (o && o->has_level && o->level && !strcmp(o->level, t->level))
					buf_puts(B, " selected");
				buf_puts(B, ">");
				esc(c, t->level);
				buf_puts(B, "</option>");
			}
			buf_puts(B, "</select>");
		} else if (yes) {
			buf_puts(B, "<select name=\"y.");
			esc(c, x->code);
			buf_printf(
			        B,
			        "\"><option value=\"\">–</option><option value=\"có\"%s>Có</option>"
			        "<option value=\"không\"%s>Không</option></select>",
			        o && o->has_yes && o->yes ? " selected" : "",
			        o && o->has_yes && !o->yes ? " selected" : "");
		} else {
			field_value(c, "v", x->code, typed, o ? o->value : 0, o && o->has_value);
			if (observation_percent(x->unit)) {
				buf_puts(B, "<span class=\"or\">hoặc tử/mẫu</span>");
				field_value(c, "n", x->code, NULL, o ? o->num : 0,
				            o && o->has_ratio);
				buf_puts(B, "/");
				field_value(c, "d", x->code, NULL, o ? o->den : 0,
				            o && o->has_ratio);
			}
		}
		free(typed);
		buf_puts(B, "<input class=\"evidence\" name=\"e.");
		esc(c, x->code);
		buf_puts(B, "\" placeholder=\"Liên kết minh chứng\" aria-label=\"Minh chứng ");
		esc(c, x->code);
		buf_puts(B, "\" value=\"");
		esc(c, o && o->evidence ? o->evidence : "");
		buf_puts(B, "\">");
		for (size_t e = 0; e < nerr; e++)
			if (!strcmp(errs[e].code, x->code)) {
				buf_puts(B, "<div class=\"error\">");
				esc(c, errs[e].message);
				buf_puts(B, "</div>");
			}
		buf_puts(B, "</td><td>");
		esc(c, state_vi(o ? o->status : NULL));
		buf_puts(B, "</td></tr>");
	}
	buf_puts(B, "</tbody></table>");
	if (!shown)
		buf_puts(B, "<p>Cơ quan của tài khoản này không chủ trì chỉ tiêu nào của kế "
		            "hoạch.</p>");
	buf_puts(B, "<button name=\"action\" value=\"draft\">Lưu nháp</button> "
	            "<button name=\"action\" value=\"submit\">Lưu và gửi duyệt</button></form>");
	foot(c);
}

static bool same_number(const char *typed, bool has, double v)
{
	if (!typed || !*typed)
		return !has;
	double t;
	return has && figure_read(typed, FIGURE_TEXT, &t) == FIGURE_OK && t == v;
}

/* The fields posted for an indicator (v, n, d, l, y, e) say what it
 * already has: the form shows the current figures, and they are not new. */
static bool unchanged(const struct obs_rec *o, char *const got[6])
{
	if (!o)
		return false;
	if (strcmp(got[5] ? got[5] : "", o->evidence ? o->evidence : ""))
		return false;
	if (got[3] && *got[3])
		return o->has_level && o->level && !strcmp(o->level, got[3]);
	if (got[4] && *got[4])
		return o->has_yes && (o->yes == !strcmp(got[4], "có"));
	return same_number(got[0], o->has_value, o->value) &&
	       same_number(got[1], o->has_ratio, o->num) &&
	       same_number(got[2], o->has_ratio, o->den);
}

static void page_entry(struct ctx *c, const char *unit)
{
	bool post = !strcmp(c->rq->method, "POST");
	if (!may(c, RIGHT_RECORD, unit) || (post && !post_ok(c)))
		return;
	struct unit_view v;
	char period[32];
	if (!unit_view(c, unit, &v, period, false))
		return;
	if (!post) {
		entry_form(c, &v, period, NULL, 0, NULL);
		view_unit_free(&v);
		return;
	}
	/* Every indicator with something typed: one batch, all or nothing. */
	struct obs_input *in = xcalloc(v.p.nind + 1, sizeof *in);
	char **owned = xcalloc(6 * v.p.nind + 1, sizeof *owned);
	const char **codes = xcalloc(v.p.nind + 1, sizeof *codes);
	size_t n = 0, nowned = 0;
	for (size_t i = 0; i < v.p.nind; i++) {
		const struct indicator *x = &v.p.ind[i];
		if (!ctx_leads(c, x))
			continue;
		const char *kinds = "vndlye"; /* value, num, den, level, yes, evidence */
		char *got[6];
		bool any = false;
		for (int k = 0; k < 6; k++) {
			char key[80];
			snprintf(key, sizeof key, "%c.%s", kinds[k], x->code);
			got[k] = ctx_form(c, key);
			any |= k < 5 && got[k] && *got[k];
			owned[nowned++] = got[k];
		}
		if (!any || unchanged(current(&v, x->code, period), got))
			continue;
		codes[n] = x->code;
		in[n] = (struct obs_input){unit,
		                           x->code,
		                           period,
		                           got[0] ? got[0] : "",
		                           got[1] ? got[1] : "",
		                           got[2] ? got[2] : "",
		                           got[3] ? got[3] : "",
		                           got[4] ? got[4] : "",
		                           "",
		                           got[5] ? got[5] : "",
		                           (int)n + 1,
		                           {0},
		                           {0},
		                           {0},
		                           FIGURE_TEXT};
		n++;
	}
	char *action = ctx_form(c, "action");
	bool submit = action && !strcmp(action, "submit");
	struct problems ps = {0};
	char *err = NULL;
	bool stored = n && !store_record_batch(c->s, in, n, c->user.login, "nhập trên web", &ps);
	if (stored)
		app_recorded(c, in, n);
	if (stored && submit && !store_begin(c->s, &err)) {
		for (size_t i = 0; i < n && !ps.n; i++) {
			struct series_rec sr = {0};
			if (store_series_get(c->s, v.u.id, codes[i], &sr, &err) == 0) {
				store_obs_transition(c->s, sr.id, period, "submit", c->user.login,
				                     NULL, &ps);
				series_rec_free(&sr);
			}
		}
		if (ps.n)
			store_rollback(c->s);
		else if (store_commit(c->s, &err))
			problems_add(&ps, "E_DB", 0, "%s", err);
	}
	struct entry_error *errs = xcalloc(ps.n + 1, sizeof *errs);
	for (size_t i = 0; i < ps.n; i++)
		errs[i] = (struct entry_error){ps.v[i].line > 0 && (size_t)ps.v[i].line <= n
		                                       ? codes[ps.v[i].line - 1]
		                                       : "",
		                               ps.v[i].message};
	if (ps.n) {
		c->rs->status = 422;
		entry_form(c, &v, period, errs, ps.n, NULL);
	} else {
		view_unit_free(&v);
		int as_of;
		enum period_kind grain;
		char again[32];
		if (unit_view(c, unit, &v, again, false)) {
			(void)as_of, (void)grain;
			char *note =
			        xasprintf("Đã lưu %zu số liệu%s", n, submit ? " và gửi duyệt" : "");
			entry_form(c, &v, period, NULL, 0,
			           n ? note : "Không có số liệu nào để lưu");
			free(note);
		} else {
			memset(&v, 0, sizeof v);
			plan_init(&v.p);
		}
	}
	free(errs);
	problems_free(&ps);
	free(err);
	free(action);
	for (size_t i = 0; i < nowned; i++)
		free(owned[i]);
	free(owned);
	free(codes);
	free(in);
	view_unit_free(&v);
}

/* ---- approvals ------------------------------------------------------------------------ */

static void page_approvals(struct ctx *c, const char *unit)
{
	bool post = !strcmp(c->rq->method, "POST");
	if (!may(c, RIGHT_APPROVE, unit) || (post && !post_ok(c)))
		return;
	struct unit_rec u = {0};
	char *err = NULL, *notice = NULL;
	if (store_unit_get(c->s, unit, &u, &err)) {
		plain(c, 404, "Không có đơn vị", "Không có đơn vị này.");
		free(err);
		return;
	}
	if (post) {
		char *ind = ctx_form(c, "indicator"), *period = ctx_form(c, "period"),
		     *action = ctx_form(c, "action"), *comment = ctx_form(c, "comment");
		struct series_rec sr = {0};
		struct problems ps = {0};
		bool ok_action =
		        action && (!strcmp(action, "approve") || !strcmp(action, "return"));
		if (!ind || !period || !ok_action ||
		    store_series_get(c->s, u.id, ind, &sr, &err) != 0) {
			problems_add(&ps, "E_INPUT", 0, "Yêu cầu không đầy đủ");
		} else {
			if (!store_begin(c->s, &err)) {
				if (store_obs_transition(c->s, sr.id, period, action, c->user.login,
				                         comment && *comment ? comment : NULL, &ps))
					store_rollback(c->s);
				else
					store_commit(c->s, &err);
			}
			series_rec_free(&sr);
		}
		notice = ps.n ? xstrdup(ps.v[0].message)
		              : xasprintf("Đã %s %s kỳ %s",
		                          !strcmp(action, "approve") ? "duyệt" : "trả lại", ind,
		                          period);
		if (ps.n)
			c->rs->status = form_status(ps.v[0].code);
		problems_free(&ps);
		free(ind);
		free(period);
		free(action);
		free(comment);
	}
	struct obs_rec *o;
	size_t n;
	head(c, "Duyệt số liệu", unit);
	buf_puts(B, "<h1>Số liệu chờ duyệt</h1>");
	if (notice) {
		buf_printf(B, "<p class=\"%s\" role=\"status\">",
		           c->rs->status >= 400 ? "error" : "ok");
		esc(c, notice);
		buf_puts(B, "</p>");
	}
	size_t waiting = 0;
	if (!store_obs_list(c->s, u.id, NULL, &o, &n, &err)) {
		buf_puts(B,
		         "<table><thead><tr><th>Chỉ tiêu</th><th>Kỳ</th><th>Số liệu</th><th>Người "
		         "gửi</th><th></th></tr></thead><tbody>");
		for (size_t i = 0; i < n; i++) {
			if (o[i].status && !strcmp(o[i].status, "submitted")) {
				waiting++;
				buf_puts(B, "<tr><td>");
				esc(c, o[i].code);
				buf_puts(B, "</td><td>");
				esc(c, o[i].period);
				buf_puts(B, "</td><td class=\"num\">");
				if (o[i].has_value) {
					figure(c, o[i].value);
				} else if (o[i].has_ratio) {
					figure(c, o[i].num);
					buf_putc(B, '/');
					figure(c, o[i].den);
				} else if (o[i].has_level)
					esc(c, o[i].level);
				else if (o[i].has_yes)
					buf_puts(B, o[i].yes ? "Có" : "Không");
				buf_puts(B, "</td><td>");
				esc(c, o[i].by);
				buf_puts(B, "</td><td><form method=\"post\" class=\"inline\">"
				            "<input type=\"hidden\" name=\"csrf\" value=\"");
				esc(c, c->sess.csrf);
				buf_puts(B,
				         "\"><input type=\"hidden\" name=\"indicator\" value=\"");
				esc(c, o[i].code);
				buf_puts(B, "\"><input type=\"hidden\" name=\"period\" value=\"");
				esc(c, o[i].period);
				buf_puts(B, "\"><button name=\"action\" "
				            "value=\"approve\">Duyệt</button> "
				            "<input name=\"comment\" placeholder=\"Lý do trả lại\" "
				            "aria-label=\"Lý do trả lại\"> <button name=\"action\" "
				            "value=\"return\">Trả lại</button></form></td></tr>");
			}
			obs_rec_free(&o[i]);
		}
		free(o);
		buf_puts(B, "</tbody></table>");
	}
	if (!waiting)
		buf_puts(B, "<p>Không có số liệu nào chờ duyệt.</p>");
	foot(c);
	free(notice);
	free(err);
	unit_rec_free(&u);
}

/* ---- shared indicators ("Đối chiếu chỉ tiêu") -------------------------------------------- */

/* A decision posted on the page: confirm, reject or set (point to another
 * indicator of the unit) one child's link, or confirm every proposal that
 * is sure (score >= LINK_SURE) at once. The message to show. */
static char *links_post(struct ctx *c, const struct unit_rec *u)
{
	char *child = ctx_form(c, "unit"), *ind = ctx_form(c, "indicator"),
	     *pind = ctx_form(c, "parent_indicator"), *action = ctx_form(c, "action"), *err = NULL,
	     *notice = NULL;
	struct problems ps = {0};
	struct unit_rec cu = {0};
	c->relinked = true;
	if (action && !strcmp(action, "all_sure")) {
		size_t n = 0;
		if (store_begin(c->s, &err) ||
		    store_link_confirm_sure(c->s, u->id, LINK_SURE, c->user.login, &n, &err) ||
		    store_commit(c->s, &err)) {
			store_rollback(c->s);
			problems_add(&ps, "E_DB", 0, "%s", err ? err : "lỗi cơ sở dữ liệu");
		} else {
			notice = xasprintf("Đã xác nhận %zu liên kết chắc chắn (điểm từ 0,95)", n);
		}
	} else if (!child || !ind || !action ||
	           (strcmp(action, "confirm") && strcmp(action, "reject") &&
	            strcmp(action, "set")) ||
	           (!strcmp(action, "set") && (!pind || !*pind)) ||
	           store_unit_get(c->s, child, &cu, &err) || !cu.parent_code ||
	           strcmp(cu.parent_code, u->code)) {
		problems_add(&ps, "E_INPUT", 0, "Yêu cầu không đầy đủ");
	} else if (!store_begin(c->s, &err)) {
		if (store_link_decide(c->s, cu.id, ind, pind && *pind ? pind : NULL, action,
		                      c->user.login, &ps))
			store_rollback(c->s);
		else
			store_commit(c->s, &err);
	}
	if (ps.n) {
		c->rs->status = form_status(ps.v[0].code);
		free(notice);
		notice = xstrdup(ps.v[0].message);
	} else if (!notice) {
		notice = xasprintf("Đã %s liên kết %s %s",
		                   !strcmp(action, "confirm") ? "xác nhận"
		                   : !strcmp(action, "set")   ? "đặt lại"
		                                              : "bác",
		                   child, ind);
	}
	problems_free(&ps);
	unit_rec_free(&cu);
	free(child);
	free(ind);
	free(pind);
	free(action);
	free(err);
	return notice;
}

/* The proposals linking the children's indicators to the unit's, each with
 * its score and reasons, to confirm or reject; what is confirmed and
 * rejected below. The office of the unit (or above) and admin. */
static void page_links(struct ctx *c, const char *unit)
{
	bool post = !strcmp(c->rq->method, "POST");
	if (!may(c, RIGHT_APPROVE, unit) || (post && !post_ok(c)))
		return;
	struct unit_rec u = {0};
	char *err = NULL, *notice = NULL;
	if (store_unit_get(c->s, unit, &u, &err)) {
		plain(c, 404, "Không có đơn vị", "Không có đơn vị này.");
		free(err);
		return;
	}
	if (post)
		notice = links_post(c, &u);
	head(c, "Đối chiếu chỉ tiêu", unit);
	buf_puts(B, "<h1>Đối chiếu chỉ tiêu</h1><p>Chỉ tiêu của các đơn vị trực thuộc và chỉ tiêu "
	            "tương ứng trong kế hoạch của ");
	esc(c, u.name);
	buf_puts(B, ": xác nhận thì số liệu được cộng vào chỉ tiêu của đơn vị; bác thì không.</p>");
	if (notice) {
		buf_printf(B, "<p class=\"%s\" role=\"status\">",
		           c->rs->status >= 400 ? "error" : "ok");
		esc(c, notice);
		buf_puts(B, "</p>");
	}
	buf_puts(B, "<form method=\"post\"><input type=\"hidden\" name=\"csrf\" value=\"");
	esc(c, c->sess.csrf);
	buf_puts(B, "\"><button name=\"action\" value=\"all_sure\">Xác nhận mọi đề xuất chắc "
	            "chắn (điểm từ 0,95)</button></form>");
	struct link_rec *r = NULL;
	size_t n = 0, shown = 0;
	if (!store_link_list(c->s, u.id, "proposed", &r, &n, &err)) {
		buf_puts(B,
		         "<table><thead><tr><th>Đơn vị</th><th>Chỉ tiêu của đơn vị</th><th>Chỉ "
		         "tiêu của cấp trên</th><th>Điểm</th><th>Lý do</th><th></th></tr></thead>"
		         "<tbody>");
		for (size_t i = 0; i < n; i++) {
			if (!r[i].gone) {
				shown++;
				buf_puts(B, "<tr><td>");
				esc(c, r[i].child_unit);
				buf_puts(B, "</td><td>");
				esc(c, r[i].child_code);
				buf_puts(B, " ");
				esc(c, r[i].child_name);
				buf_puts(B, "</td><td>");
				esc(c, r[i].parent_code);
				buf_puts(B, " ");
				esc(c, r[i].parent_name);
				buf_printf(B, "</td><td class=\"num\">%.2f</td><td>", r[i].score);
				esc(c, r[i].why);
				buf_puts(B, "</td><td><form method=\"post\" class=\"inline\">"
				            "<input type=\"hidden\" name=\"csrf\" value=\"");
				esc(c, c->sess.csrf);
				buf_puts(B, "\"><input type=\"hidden\" name=\"unit\" value=\"");
				esc(c, r[i].child_unit);
				buf_puts(B,
				         "\"><input type=\"hidden\" name=\"indicator\" value=\"");
				esc(c, r[i].child_code);
				buf_puts(B, "\"><label>Chỉ tiêu của cấp trên <input "
				            "name=\"parent_indicator\" "
				            "size=\"6\" value=\"");
				esc(c, r[i].parent_code);
				buf_puts(
				        B,
				        "\"></label> <button name=\"action\" value=\"confirm\">Xác "
				        "nhận</button> "
				        "<button name=\"action\" "
				        "value=\"reject\">Bác</button> "
				        "<button name=\"action\" value=\"set\">Chỉ sang chỉ tiêu "
				        "đã ghi</button></form>"
				        "</td></tr>");
			}
			link_rec_free(&r[i]);
		}
		free(r);
		buf_puts(B, "</tbody></table>");
	}
	if (!shown)
		buf_puts(B, "<p>Không có đề xuất nào chờ xác nhận.</p>");
	foot(c);
	free(notice);
	free(err);
	unit_rec_free(&u);
}

/* ---- tasks ------------------------------------------------------------------------------- */

static void page_tasks(struct ctx *c, const char *unit)
{
	bool post = !strcmp(c->rq->method, "POST");
	if (!may(c, post ? RIGHT_RECORD : RIGHT_READ, unit) || (post && !post_ok(c)))
		return;
	int as_of;
	enum period_kind grain;
	char period[32], *err = NULL, *notice = NULL;
	struct unit_rec u = {0};
	if (!ctx_period(c, &as_of, &grain, period, false))
		return;
	if (store_unit_get(c->s, unit, &u, &err)) {
		free(err);
		plain(c, 404, "Không có đơn vị", "Không có đơn vị này.");
		return;
	}
	if (post) {
		char *task = ctx_form(c, "task"), *status = ctx_form(c, "status"),
		     *pct = ctx_form(c, "percent");
		struct problems ps = {0};
		if (!ctx_leads_task(c, u.id, task))
			problems_add(&ps, "E_FORBIDDEN", 0,
			             "Nhiệm vụ %s không do cơ quan của tài khoản này chủ trì",
			             task ? task : "");
		else
			store_task_progress(c->s, u.id, task ? task : "", period,
			                    status ? status : "", pct && *pct ? atoi(pct) : -1,
			                    NULL, NULL, c->user.login, &ps);
		notice = ps.n ? xstrdup(ps.v[0].message) : xstrdup("Đã cập nhật tiến độ");
		if (ps.n)
			c->rs->status = form_status(ps.v[0].code);
		problems_free(&ps);
		free(task);
		free(status);
		free(pct);
	}
	head(c, "Nhiệm vụ", unit);
	buf_puts(B, "<h1>Nhiệm vụ</h1>");
	if (notice) {
		buf_printf(B, "<p class=\"%s\">", c->rs->status >= 400 ? "error" : "ok");
		esc(c, notice);
		buf_puts(B, "</p>");
	}
	struct task_row *t;
	size_t n;
	if (!store_task_list(c->s, u.id, period, &t, &n, &err)) {
		buf_puts(B, "<table><thead><tr><th>Mã</th><th>Nhiệm vụ</th><th>Hạn</th><th>Tiến "
		            "độ</th><th>Cập nhật</th></tr></thead><tbody>");
		static const char *const st[][2] = {{"not_started", "Chưa bắt đầu"},
		                                    {"in_progress", "Đang làm"},
		                                    {"done", "Xong"}};
		for (size_t i = 0; i < n; i++) {
			buf_printf(B, "<tr%s><td>", t[i].overdue ? " class=\"overdue\"" : "");
			esc(c, t[i].code);
			buf_puts(B, "</td><td>");
			esc(c, t[i].title);
			buf_puts(B, "</td><td>");
			esc(c, t[i].due ? t[i].due : "–");
			buf_puts(B, t[i].overdue ? " <strong>quá hạn</strong>" : "");
			buf_puts(B, "</td><td>");
			const char *tv = !t[i].status                          ? "–"
			                 : !strcmp(t[i].status, "done")        ? "xong"
			                 : !strcmp(t[i].status, "in_progress") ? "đang làm"
			                                                       : "chưa bắt đầu";
			buf_puts(B, tv);
			if (t[i].percent >= 0)
				buf_printf(B, " %d%%", t[i].percent);
			buf_puts(B, "</td><td><form method=\"post\" class=\"inline\"><input "
			            "type=\"hidden\" "
			            "name=\"csrf\" value=\"");
			esc(c, c->sess.csrf);
			buf_puts(B, "\"><input type=\"hidden\" name=\"task\" value=\"");
			esc(c, t[i].code);
			buf_puts(B, "\"><select name=\"status\" aria-label=\"Trạng thái\">");
			for (int k = 0; k < 3; k++)
				buf_printf(B, "<option value=\"%s\"%s>%s</option>", st[k][0],
				           t[i].status && !strcmp(t[i].status, st[k][0])
				                   ? " selected"
				                   : "",
				           st[k][1]);
			buf_puts(
			        B,
			        "</select><input name=\"percent\" size=\"3\" inputmode=\"numeric\" "
			        "aria-label=\"Phần trăm\"><button>Lưu</button></form></td></tr>");
			task_row_free(&t[i]);
		}
		free(t);
		buf_puts(B, "</tbody></table>");
	}
	foot(c);
	free(notice);
	free(err);
	unit_rec_free(&u);
}

/* ---- a province and its communes -------------------------------------------------------- */

static void page_province(struct ctx *c, const char *unit)
{
	if (!may(c, RIGHT_READ, unit))
		return;
	int as_of;
	enum period_kind grain;
	char period[32], *err = NULL, *key;
	int64_t mark;
	if (!ctx_period(c, &as_of, &grain, period, false))
		return;
	/* The page after the account's header is kept while nothing under
	 * the unit changes (app_unit_token). */
	head(c, "Các đơn vị trực thuộc", unit);
	size_t from = B->len;
	char *prefix = xasprintf("province:%s:", period);
	bool done = cache_lookup_unit(c, prefix, unit, &key, &mark);
	free(prefix);
	if (done) {
		foot(c);
		return;
	}
	struct held *ref;
	struct hold *h = app_hold(c, unit, &ref, &err);
	const struct family *f = h ? hold_family(h, &err) : NULL;
	if (!f) {
		app_unhold(c, ref);
		free(key);
		char code[40];
		const char *msg;
		plain(c, app_code_status(app_error_code(err, code, &msg)), "Không xem được", err);
		free(err);
		return;
	}
	buf_puts(B, "<h1>Các đơn vị trực thuộc ");
	esc(c, unit);
	buf_puts(B, ", kỳ ");
	esc(c, period);
	buf_puts(B, "</h1>");
	const struct rank_row *r;
	size_t n = hold_rank(h, as_of, grain, &r);
	buf_puts(B, "<h2>Xếp hạng</h2><p>Tỷ lệ chỉ tiêu đạt hoặc đúng tiến độ trên số chỉ tiêu có "
	            "mục tiêu (chưa có số liệu tính là chưa đạt); bằng nhau thì cùng hạng.</p>"
	            "<table class=\"sortable\"><thead><tr><th>Hạng</th><th>Đơn vị</th><th>Tỷ "
	            "lệ</th><th>Đạt/có mục tiêu</th></tr></thead><tbody>");
	for (size_t i = 0; i < n; i++) {
		buf_printf(B, "<tr><td>%d</td><td><a href=\"/don-vi/", r[i].rank);
		esc(c, r[i].code);
		buf_puts(B, "\">");
		esc(c, r[i].name);
		buf_printf(
		        B,
		        "</a></td><td class=\"num\">%.1f%%</td><td class=\"num\">%d/%d</td></tr>",
		        100 * r[i].completion, r[i].good, r[i].evaluated);
	}
	buf_puts(B, "</tbody></table>");
	/* Communes x indicators, coloured by status, from their evaluations
	 * kept in the hold. */
	const struct child *ch;
	const struct child_eval *ev;
	hold_children(h, as_of, grain, &ch, &ev);
	const struct plan *first = f->n ? ch[0].plan : NULL;
	buf_puts(B, "<h2>Theo chỉ tiêu</h2><div class=\"wide\"><table class=\"grid sortable\">"
	            "<thead><tr><th>Đơn vị</th>");
	for (size_t k = 0; first && k < first->nind; k++) {
		buf_puts(B, "<th title=\"");
		esc(c, first->ind[k].name);
		buf_puts(B, "\">");
		esc(c, first->ind[k].code);
		buf_puts(B, "</th>");
	}
	buf_puts(B, "</tr></thead><tbody>");
	static const char *const cls[] = {"xam", "xanh", "vang", "do"};
	for (size_t i = 0; i < f->n; i++) {
		buf_puts(B, "<tr><td><a href=\"/don-vi/");
		esc(c, ch[i].code);
		buf_puts(B, "\">");
		esc(c, ch[i].name);
		buf_puts(B, "</a></td>");
		for (size_t k = 0; first && k < first->nind; k++) {
			const struct status_row *row = NULL;
			for (size_t j = 0; j < ev[i].nst && !row; j++)
				if (!strcmp(ev[i].st[j].ind->code, first->ind[k].code))
					row = &ev[i].st[j];
			enum eval_status s = row ? row->r.status : EVAL_NOT_EVALUATED;
			buf_printf(B, "<td class=\"cell %s\" data-sort=\"%d\" title=\"%s\">%s</td>",
			           cls[eval_status_colour(s)], (int)s, eval_status_vi(s),
			           eval_colour_vi(eval_status_colour(s)));
		}
		buf_puts(B, "</tr>");
	}
	buf_puts(B, "</tbody></table></div>");
	app_unhold(c, ref);
	cache_put(c, key, mark, from);
	free(key);
	foot(c);
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

static void page_report(struct ctx *c, const char *unit)
{
	if (!may(c, RIGHT_READ, unit))
		return;
	char *format = ctx_query(c, "format"), *period = ctx_query(c, "period"), *err = NULL;
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
		plain(c, 400, "Không có định dạng này",
		      "Chọn docx, xlsx, pdf, html, csv hoặc json.");
	} else if (!(heavy = app_heavy_begin(c))) {
		ctype = NULL; /* 429, written */
	} else if (!(h = app_hold(c, unit, &ref, &err)) ||
	           report_build_held(h, c->s, period && *period ? period : today, today, &r,
	                             &err) ||
	           report_render(&r, format, &out, &err)) {
		char code[40];
		const char *msg;
		plain(c, app_code_status(app_error_code(err, code, &msg)), "Không lập được báo cáo",
		      err);
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
	free(err);
	free(format);
	free(period);
}

/* ---- one's account: API tokens ------------------------------------------------------------ */

/* A stored UTC time ("2025-06-01T08:30:00Z") as "2025-06-01 08:30". */
static void utc_time(struct ctx *c, const char *at)
{
	if (!at || !*at) {
		buf_puts(B, "–");
		return;
	}
	char tmp[20];
	snprintf(tmp, sizeof tmp, "%.16s", at);
	if (tmp[10] == 'T')
		tmp[10] = ' ';
	esc(c, tmp);
}

static void scope_text(struct ctx *c, const char *scope)
{
	if (!strcmp(scope, "read"))
		buf_puts(B, "chỉ đọc");
	else if (!strcmp(scope, "write"))
		buf_puts(B, "đọc và ghi");
	else {
		buf_puts(B, "đọc, ghi cho ");
		esc(c, !strncmp(scope, "write:", 6) ? scope + 6 : scope);
	}
}

/* A token is live: not revoked and not past its expiry (both UTC, the same form). */
static bool token_live(const struct token_rec *t, const char *now)
{
	return !t->revoked && (!t->expires_at || strcmp(t->expires_at, now) > 0);
}

/* The hidden fields every form of the page carries. */
static void account_form(struct ctx *c, const char *qs, const char *action, const char *cls)
{
	buf_printf(B, "<form method=\"post\" action=\"/tai-khoan");
	esc(c, qs);
	buf_printf(B, "\" class=\"%s\"><input type=\"hidden\" name=\"csrf\" value=\"", cls);
	esc(c, c->sess.csrf);
	buf_printf(B, "\"><input type=\"hidden\" name=\"action\" value=\"%s\">", action);
}

/* Characters (code points) of UTF-8 text. */
static size_t utf8_chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* A new token for the signed-in account from the form: 0 with the token in
 * secret and its id in *id, else the status with *notice. */
static int token_create(struct ctx *c, char secret[AUTH_TOKEN], int64_t *id, char **notice)
{
	char *label = ctx_form(c, "label"), *days = ctx_form(c, "days"),
	     *scope = ctx_form(c, "scope"), *units = ctx_form(c, "units"), *err = NULL, *end = NULL,
	     *full = NULL;
	long nd = days && *days ? strtol(days, &end, 10) : 0;
	int status = 422;
	if (units) { /* the codes, without spaces */
		char *w = units;
		for (const char *r = units; *r; r++)
			if (*r != ' ' && *r != '\t')
				*w++ = *r;
		*w = 0;
	}
	if (!label || !*label || utf8_chars(label) > 100 || !auth_text_clean(label))
		*notice = xstrdup("Nhãn phải có từ 1 đến 100 ký tự, không có ký tự điều khiển "
		                  "hay ký tự ẩn");
	else if (!end || *end || nd < 1 || nd > 3650)
		*notice = xstrdup("Số ngày hiệu lực phải là số nguyên từ 1 đến 3.650");
	else if (!scope || (strcmp(scope, "read") && strcmp(scope, "write")))
		*notice = xstrdup("Phạm vi phải là “chỉ đọc” hoặc “đọc và ghi”");
	else if (!strcmp(scope, "read") && units && *units)
		*notice = xstrdup("Mã chỉ đọc không ghi cho đơn vị nào: hãy để trống ô các đơn vị "
		                  "hoặc chọn “đọc và ghi”");
	else {
		full = units && *units ? xasprintf("write:%s", units) : xstrdup(scope);
		char hash[AUTH_TOKEN];
		auth_random(secret);
		auth_token_hash(secret, hash);
		int rc = store_token_add(c->s, c->user.login, hash, label, (int)nd, full,
		                         c->user.login, id, &err);
		if (rc == 2) {
			*notice = xstrdup("Danh sách đơn vị không hợp lệ: ghi các mã đơn vị, cách "
			                  "nhau bằng dấu phẩy");
		} else if (rc) {
			char code[40];
			const char *msg;
			status = rc > 0 ? 404 : app_code_status(app_error_code(err, code, &msg));
			*notice = xasprintf("Chưa tạo được mã truy cập: %s",
			                    rc > 0 ? "không có tài khoản này" : msg);
		} else {
			status = 0;
			*notice = xasprintf("Đã tạo mã truy cập số %lld (%ld ngày).",
			                    (long long)*id, nd);
		}
	}
	if (status)
		secret[0] = 0;
	free(label);
	free(days);
	free(scope);
	free(units);
	free(full);
	free(err);
	return status;
}

/* Revoke token ?id of login (the page's account) from the form: 0 done,
 * else the status; *notice says what happened. Only a token of that
 * account, and of another account only for an admin (checked before). */
static int token_revoke(struct ctx *c, const char *login, bool admin, char **notice)
{
	char *ids = ctx_form(c, "id"), *end = NULL, *err = NULL;
	long long id = ids && *ids ? strtoll(ids, &end, 10) : 0;
	bool bad = !end || *end || id <= 0;
	free(ids);
	if (bad) {
		*notice = xstrdup("Thiếu số của mã truy cập cần thu hồi");
		return 422;
	}
	struct token_rec *t = NULL;
	size_t n = 0, at = 0;
	int status = 0;
	if (store_token_list(c->s, login, &t, &n, &err)) {
		char code[40];
		const char *msg;
		status = app_code_status(app_error_code(err, code, &msg));
		*notice = xasprintf("Chưa thu hồi được: %s", msg);
	} else {
		for (at = 0; at < n && t[at].id != id; at++)
			;
		if (at == n && !admin) { /* whether it exists or not: not this account's */
			status = 403;
			*notice =
			        xasprintf("Mã truy cập số %lld không thuộc tài khoản này; chỉ quản "
			                  "trị viên thu hồi được mã của tài khoản khác.",
			                  id);
		} else if (at == n) {
			status = 404;
			*notice =
			        xasprintf("Tài khoản %s không có mã truy cập số %lld.", login, id);
		} else if (t[at].revoked) {
			status = 409;
			*notice = xasprintf("Mã truy cập số %lld đã bị thu hồi trước đó.", id);
		} else {
			int rc = store_token_revoke(c->s, id, login, c->user.login, &err);
			char code[40];
			const char *msg;
			status = rc == 0  ? 0
			         : rc > 0 ? 409
			                  : app_code_status(app_error_code(err, code, &msg));
			*notice =
			        rc == 0 ? xasprintf("Đã thu hồi mã truy cập số %lld (%s); ứng dụng "
			                            "dùng mã này không truy cập được nữa.",
			                            id, t[at].label)
			        : rc > 0 ? xasprintf("Mã truy cập số %lld đã bị thu hồi trước đó.",
			                             id)
			                 : xasprintf("Chưa thu hồi được: %s", msg);
		}
	}
	for (size_t i = 0; i < n; i++)
		token_rec_free(&t[i]);
	free(t);
	free(err);
	return status;
}

/* /tai-khoan: the signed-in account and its API tokens: listed (never the
 * tokens themselves), a new one made (shown once), one revoked after a
 * confirmation (?thu-hoi=ID). An admin sees and revokes another account's
 * with ?login=L. Only with a session: an API token does not manage tokens. */
static void page_account(struct ctx *c)
{
	bool post = !strcmp(c->rq->method, "POST");
	if (!c->signed_in) {
		redirect(c, "/dang-nhap");
		return;
	}
	if (c->by_token) {
		plain(c, 403, "Cần đăng nhập",
		      "Trang tài khoản cần đăng nhập bằng mật khẩu; mã truy cập chỉ dùng cho API.");
		return;
	}
	if (post && !post_ok(c))
		return;
	bool admin = !strcmp(c->user.role, "admin"), own = true;
	char login[AUTH_LOGIN_MAX + 1], *asked = ctx_query(c, "login"), *err = NULL;
	snprintf(login, sizeof login, "%s", c->user.login);
	struct user_rec other = {0};
	const struct user_rec *who = &c->user;
	if (asked && *asked) {
		char norm[AUTH_LOGIN_MAX + 1];
		bool valid = auth_login_normalize(asked, norm) == 0;
		own = valid && !strcmp(norm, c->user.login);
		int found = own ? 0 : valid ? store_user_get(c->s, norm, &other, &err) : 1;
		free(asked);
		if (!own && !admin) {
			free(err);
			user_rec_free(&other);
			plain(c, 403, "Không được phép",
			      "Chỉ quản trị viên xem được mã truy cập của tài khoản khác.");
			return;
		}
		if (found) {
			char code[40];
			const char *msg;
			plain(c, found > 0 ? 404 : app_code_status(app_error_code(err, code, &msg)),
			      "Không có tài khoản", "Không có tài khoản này.");
			free(err);
			user_rec_free(&other);
			return;
		}
		if (!own) {
			snprintf(login, sizeof login, "%s", other.login);
			who = &other;
		}
	} else {
		free(asked);
	}
	char *qs = own ? xstrdup("") : xasprintf("?login=%s", login), *notice = NULL;
	char secret[AUTH_TOKEN] = "", now[32];
	int64_t new_id = 0;
	int status = 0;
	struct tm tm;
	gmtime_r(&c->now, &tm);
	strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &tm);
	if (post) {
		char *action = ctx_form(c, "action");
		if (action && !strcmp(action, "create") && own) {
			status = token_create(c, secret, &new_id, &notice);
		} else if (action && !strcmp(action, "create")) {
			status = 403;
			notice = xstrdup("Mã truy cập chỉ tạo được cho chính tài khoản của mình "
			                 "(quản trị viên tạo cho tài khoản khác bằng lệnh chitieu "
			                 "user token).");
		} else if (action && !strcmp(action, "revoke")) {
			status = token_revoke(c, login, admin, &notice);
		} else {
			status = 400;
			notice = xstrdup("Thao tác không hợp lệ");
		}
		free(action);
	}
	c->rs->status = status ? status : 200;
	head(c, own ? "Tài khoản của tôi" : "Mã truy cập của tài khoản", NULL);
	buf_puts(B, own ? "<h1>Tài khoản của tôi</h1>" : "<h1>Mã truy cập của tài khoản ");
	if (!own) {
		esc(c, login);
		buf_puts(B, "</h1>");
	}
	buf_puts(B, "<p>Tên đăng nhập <strong>");
	esc(c, who->login);
	buf_puts(B, "</strong> · ");
	char *name = auth_text_visible(who->name);
	esc(c, name);
	free(name);
	buf_printf(B, " · vai trò %s", role_vi(who->role));
	if (who->unit_code) {
		buf_puts(B, " · đơn vị ");
		esc(c, who->unit_code);
	}
	buf_puts(B, "</p>");
	if (notice) {
		buf_printf(B, "<p class=\"%s\" role=\"%s\">", status ? "error" : "ok",
		           status ? "alert" : "status");
		esc(c, notice);
		buf_puts(B, "</p>");
	}
	if (*secret) {
		buf_printf(
		        B,
		        "<div class=\"secret\"><p class=\"warn\" role=\"alert\"><strong>Hãy sao "
		        "chép mã truy cập này ngay bây giờ.</strong> Đây là lần duy nhất mã được "
		        "hiện: hệ thống chỉ giữ bản băm của mã nên không ai xem lại được. Nếu "
		        "để mất, hãy thu hồi mã này và tạo mã mới.</p><label>Mã truy cập mới "
		        "(số %lld) <input id=\"ma-moi\" name=\"ma-moi\" readonly "
		        "autocomplete=\"off\" "
		        "spellcheck=\"false\" value=\"%s\"></label><p>Ứng dụng gửi mã trong tiêu "
		        "đề <code>Authorization: Bearer …</code> của mỗi yêu cầu API.</p></div>",
		        (long long)new_id, secret);
		sodium_memzero(secret, sizeof secret);
	}
	struct token_rec *t = NULL;
	size_t n = 0;
	char *ask = ctx_query(c, "thu-hoi");
	long long ask_id = ask && *ask ? strtoll(ask, NULL, 10) : 0;
	free(ask);
	buf_puts(B, "<h2>Mã truy cập API (token)</h2>");
	if (store_token_list(c->s, login, &t, &n, &err)) {
		buf_puts(B, "<p class=\"error\">Không đọc được danh sách mã truy cập.</p>");
	} else {
		for (size_t i = 0; i < n; i++) /* a revocation to confirm */
			if (!post && t[i].id == ask_id && token_live(&t[i], now)) {
				account_form(c, qs, "revoke", "card confirm");
				buf_printf(B,
				           "<input type=\"hidden\" name=\"id\" value=\"%lld\"><p "
				           "role=\"alert\">Thu hồi mã truy cập số %lld “",
				           (long long)t[i].id, (long long)t[i].id);
				esc(c, t[i].label);
				buf_puts(B,
				         "”? Ứng dụng đang dùng mã này sẽ không truy cập được nữa; "
				         "không hoàn tác được.</p><button>Xác nhận thu hồi</button>"
				         "<a href=\"/tai-khoan");
				esc(c, qs);
				buf_puts(B, "\">Hủy</a></form>");
			}
		if (!n)
			buf_puts(B, "<p>Chưa có mã truy cập nào.</p>");
		else
			buf_puts(B, "<table class=\"tokens\"><thead><tr><th>Số</th><th>Nhãn</th>"
			            "<th>Tạo lúc (UTC)</th><th>Hết hạn (UTC)</th><th>Phạm vi</th>"
			            "<th>Trạng thái</th><th></th></tr></thead><tbody>");
		for (size_t i = 0; i < n; i++) {
			bool live = token_live(&t[i], now);
			buf_printf(B, "<tr><td>%lld</td><td>", (long long)t[i].id);
			esc(c, t[i].label);
			buf_puts(B, "</td><td>");
			utc_time(c, t[i].created_at);
			buf_puts(B, "</td><td>");
			utc_time(c, t[i].expires_at);
			buf_puts(B, "</td><td>");
			scope_text(c, t[i].scope);
			buf_printf(B, "</td><td>%s</td><td>",
			           t[i].revoked ? "đã thu hồi"
			           : live       ? "còn hiệu lực"
			                        : "đã hết hạn");
			if (live) {
				buf_printf(B, "<a href=\"/tai-khoan?thu-hoi=%lld",
				           (long long)t[i].id);
				if (!own) {
					buf_puts(B, "&amp;login=");
					esc(c, login);
				}
				buf_printf(B, "\" aria-label=\"Thu hồi mã số %lld\">Thu hồi…</a>",
				           (long long)t[i].id);
			}
			buf_puts(B, "</td></tr>");
			token_rec_free(&t[i]);
		}
		if (n)
			buf_puts(B, "</tbody></table>");
		free(t);
	}
	if (own) {
		buf_puts(B, "<h2>Tạo mã truy cập mới</h2><p>Cho một hệ thống khác (ví dụ phần mềm "
		            "của tỉnh) đọc hoặc ghi số liệu qua API thay cho tài khoản này. Mã chỉ "
		            "làm được những gì tài khoản được làm.</p>");
		account_form(c, qs, "create", "card");
		buf_puts(B, "<label>Nhãn (để nhận ra mã, ví dụ tên hệ thống dùng nó) <input "
		            "name=\"label\" required maxlength=\"100\"></label>"
		            "<label>Số ngày hiệu lực (1 đến 3.650) <input name=\"days\" "
		            "type=\"number\" min=\"1\" max=\"3650\" value=\"90\" required></label>"
		            "<label>Phạm vi <select name=\"scope\"><option value=\"read\">Chỉ đọc"
		            "</option><option value=\"write\">Đọc và ghi</option></select></label>"
		            "<label>Chỉ ghi cho các đơn vị (mã đơn vị, cách nhau bằng dấu phẩy; để "
		            "trống: mọi đơn vị tài khoản được ghi) <input name=\"units\"></label>"
		            "<button>Tạo mã truy cập</button></form>");
	} else {
		buf_puts(B, "<p>Mã truy cập chỉ tạo được bởi chính tài khoản đó (hoặc bằng lệnh "
		            "<code>chitieu user token</code>).</p>");
	}
	if (admin) {
		buf_puts(B, "<h2>Tài khoản khác</h2><form method=\"get\" action=\"/tai-khoan\" "
		            "class=\"inline\"><label>Tên đăng nhập của tài khoản <input "
		            "name=\"login\" required autocomplete=\"off\"></label><button>Xem mã "
		            "truy cập</button></form>");
	}
	foot(c);
	free(qs);
	free(notice);
	free(err);
	user_rec_free(&other);
}

/* ---- the routes ---------------------------------------------------------------------------- */

static void home(struct ctx *c)
{
	if (!c->signed_in) {
		redirect(c, "/dang-nhap");
		return;
	}
	if (c->user.unit_code) {
		char *to = xasprintf("/don-vi/%s", c->user.unit_code);
		redirect(c, to);
		free(to);
		return;
	}
	/* An administrator: every unit. */
	struct unit_rec *u;
	size_t n;
	char *err = NULL;
	head(c, "Các đơn vị", NULL);
	buf_puts(B, "<h1>Các đơn vị</h1><ul>");
	if (!store_unit_list(c->s, &u, &n, &err)) {
		for (size_t i = 0; i < n; i++) {
			buf_puts(B, "<li><a href=\"/don-vi/");
			esc(c, u[i].code);
			buf_puts(B, "\">");
			esc(c, u[i].name);
			buf_puts(B, "</a></li>");
			unit_rec_free(&u[i]);
		}
		free(u);
	}
	free(err);
	buf_puts(B, "</ul>");
	foot(c);
}

static void static_file(struct ctx *c, const char *ctype, const char *body)
{
	c->rs->ctype = ctype;
	http_header(c->rs, "Cache-Control: public, max-age=86400");
	buf_puts(B, body);
}

void pages_route(struct ctx *c)
{
	bool get = !strcmp(c->rq->method, "GET") || !strcmp(c->rq->method, "HEAD");
	bool post = !strcmp(c->rq->method, "POST");
	char **s = c->seg;
	int n = c->nseg;
	bool is_static = n == 2 && !strcmp(s[0], "static"),
	     overview = n == 2 && !strcmp(s[0], "don-vi") && get;
	if (c->fast && !is_static && !overview) {
		c->deferred = true; /* for a worker */
		return;
	}
	if (n == 0 && get)
		home(c);
	else if (n == 1 && !strcmp(s[0], "dang-nhap") && (get || post))
		page_signin(c);
	else if (n == 1 && !strcmp(s[0], "dang-xuat") && post)
		page_signout(c);
	else if (n == 1 && !strcmp(s[0], "tai-khoan") && (get || post))
		page_account(c);
	else if (n == 2 && !strcmp(s[0], "static") && !strcmp(s[1], "app.css") && get)
		static_file(c, "text/css; charset=utf-8", app_css);
	else if (n == 2 && !strcmp(s[0], "static") && !strcmp(s[1], "app.js") && get)
		static_file(c, "text/javascript; charset=utf-8", app_js);
	else if (n == 2 && !strcmp(s[0], "cong-khai") && get)
		page_public(c, s[1]);
	else if (n == 2 && !strcmp(s[0], "don-vi") && get)
		page_overview(c, s[1]);
	else if (n == 4 && !strcmp(s[0], "don-vi") && !strcmp(s[2], "chi-tieu") && get)
		page_indicator(c, s[1], s[3]);
	else if (n == 3 && !strcmp(s[0], "don-vi") && !strcmp(s[2], "nhap-lieu") && (get || post))
		page_entry(c, s[1]);
	else if (n == 3 && !strcmp(s[0], "don-vi") && !strcmp(s[2], "duyet") && (get || post))
		page_approvals(c, s[1]);
	else if (n == 3 && !strcmp(s[0], "don-vi") && !strcmp(s[2], "nhiem-vu") && (get || post))
		page_tasks(c, s[1]);
	else if (n == 3 && !strcmp(s[0], "don-vi") && !strcmp(s[2], "doi-chieu") && (get || post))
		page_links(c, s[1]);
	else if (n == 3 && !strcmp(s[0], "don-vi") && !strcmp(s[2], "tinh") && get)
		page_province(c, s[1]);
	else if (n == 3 && !strcmp(s[0], "don-vi") && !strcmp(s[2], "bao-cao") && get)
		page_report(c, s[1]);
	else
		plain(c, 404, "Không có trang này", "Đường dẫn không đúng.");
}
