/* pages_kit.c: what every page is built from: the frame (head, foot), escaping, the
 * access checks, badges and numbers, and a unit's evaluated view. */
#define _DEFAULT_SOURCE /* timegm */
#include "pages.h"

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
		const char *links[][2] = {{"", "Tổng quan"},
		                          {"/nhap-lieu", "Nhập số liệu"},
		                          {"/duyet", "Duyệt"},
		                          {"/nhiem-vu", "Nhiệm vụ"},
		                          {"/tinh", "Các đơn vị trực thuộc"},
		                          {"/doi-chieu", "Đối chiếu chỉ tiêu"},
		                          {"/quan-tri", "Quản trị"}};
		bool shown[] = {true,
		                ctx_may(c, RIGHT_RECORD, unit),
		                ctx_may(c, RIGHT_APPROVE, unit),
		                true,
		                strcmp(c->user.role, "reporter") != 0,
		                ctx_may(c, RIGHT_APPROVE, unit),
		                ctx_may(c, RIGHT_APPROVE, unit)};
		for (size_t i = 0; i < sizeof links / sizeof links[0]; i++) {
			if (!shown[i])
				continue;
			buf_puts(B, "<a href=\"/don-vi/");
			pg_esc(c, unit);
			buf_printf(B, "%s\">%s</a>", links[i][0], links[i][1]);
		}
		buf_puts(B, "</nav>");
	}
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

/* A figure as it was entered, every digit (figure_write_vi: "2,125"). */
void pg_figure(struct ctx *c, double v)
{
	char tmp[FIGURE_SIZE];
	figure_write_vi(v, tmp);
	buf_puts(B, tmp);
}

/* A computed number (a share, a projection), to six digits. */
void pg_number(struct ctx *c, double v)
{
	char tmp[40];
	snprintf(tmp, sizeof tmp, "%.6g", v);
	for (char *p = tmp; *p; p++) /* Vietnamese decimal comma */
		if (*p == '.')
			*p = ',';
	buf_puts(B, tmp);
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

bool pg_unit_view(struct ctx *c, const char *unit, struct unit_view *v, char period[32],
                  bool approved_only)
{
	int as_of;
	enum period_kind grain;
	if (!ctx_period(c, &as_of, &grain, period, false))
		return false;
	char *err = NULL;
	if (view_unit(c->s, unit, as_of, grain, EVAL_LINEAR, v, &err)) {
		char code[40];
		const char *msg;
		pg_plain(c, app_code_status(app_error_code(err, code, &msg)), "Không xem được",
		         err);
		free(err);
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

void pg_status_table(struct ctx *c, const struct unit_view *v, bool links)
{
	int count[8] = {0};
	for (size_t i = 0; i < v->n; i++)
		count[v->rows[i].r.status]++;
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
					pg_esc(c, v->p.groups[g].code);
					buf_puts(B, ". ");
					pg_esc(c, v->p.groups[g].name);
				}
			buf_puts(B, "</h2><table class=\"status\"><thead><tr><th>Mã</th><th>Chỉ "
			            "tiêu</th><th>Số mới nhất</th><th>Mục tiêu</th><th>Đánh "
			            "giá</th></tr></thead><tbody>");
		}
		buf_puts(B, "<tr><td>");
		pg_esc(c, r->ind->code);
		buf_puts(B, "</td><td>");
		if (links) {
			buf_puts(B, "<a href=\"/don-vi/");
			pg_esc(c, v->u.code);
			buf_puts(B, "/chi-tieu/");
			pg_esc(c, r->ind->code);
			buf_puts(B, "\">");
		}
		pg_esc(c, r->ind->name);
		buf_puts(B, links ? "</a>" : "");
		if (r->ind->unit) {
			buf_puts(B, " <small>(");
			pg_esc(c, r->ind->unit);
			buf_puts(B, ")</small>");
		}
		buf_puts(B, "</td><td class=\"num\">");
		if (r->r.has_latest)
			pg_number(c, r->r.latest);
		else
			buf_puts(B, "–");
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
}
