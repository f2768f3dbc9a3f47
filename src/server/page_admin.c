/* page_admin.c: administration in the browser for an administrator or a unit's
 * office, within its scope (the route table lets only those with the right to
 * approve for the unit in): the units under it (a tree; a commune or ward
 * added under it), the accounts of those units (create, change the role,
 * reset a password to a one-time one, disable, enable), reopening an approved
 * figure with a reason, and the audit log with filters. The same store
 * functions as `chitieu unit`, `chitieu user` and `chitieu reopen`. */
#include "pages.h"

#include "auth.h"
#include "csv.h"
#include "multipart.h"
#include "xlsx_sheet.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static void field_label(struct ctx *c, const char *label, const char *name, const char *type,
                        const char *value)
{
	buf_printf(B, "<label>%s <input name=\"%s\" type=\"%s\" value=\"", label, name, type);
	pg_esc(c, value ? value : "");
	buf_puts(B, "\"></label>");
}

static void csrf_field(struct ctx *c)
{
	buf_printf(B, "<input type=\"hidden\" name=\"csrf\" value=\"%s\">", c->sess.csrf);
}

/* An account the signed-in one may manage: an administrator any but itself
 * being demoted elsewhere; an office those of units in its scope, never an
 * administrator. */
static bool may_manage(struct ctx *c, const struct user_rec *u)
{
	if (!strcmp(c->user.role, "admin"))
		return true;
	return strcmp(u->role, "admin") && u->unit_code && ctx_may(c, RIGHT_APPROVE, u->unit_code);
}

static void problems_notice(struct ctx *c, const struct problems *ps, char **notice, int *status)
{
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < ps->n; i++)
		buf_printf(&b, "%s%s", i ? "; " : "", ps->v[i].message);
	free(*notice);
	*notice = b.ptr ? b.ptr : xstrdup("Không thực hiện được.");
	*status = ps->n ? pg_form_status(ps->v[0].code) : 422;
}

/* One posted action; *notice says what happened, *secret a one-time password. */
static int admin_post(struct ctx *c, const char *unit, char **notice, char **secret)
{
	char *action = ctx_form(c, "action");
	struct error err = {0};
	struct problems ps = {0};
	int status = 200;
	const char *by = c->user.login;
	if (!action) {
		*notice = xstrdup("Thiếu thao tác.");
		return 422;
	}
	if (!strcmp(action, "add_unit")) {
		char *code = ctx_form(c, "code"), *name = ctx_form(c, "name"),
		     *kind = ctx_form(c, "kind"), *pop = ctx_form(c, "population");
		struct unit_rec u = {.code = code ? code : (char *)"",
		                     .name = name ? name : (char *)"",
		                     .kind = kind ? kind : (char *)"commune",
		                     .parent_code = (char *)unit,
		                     .population = pop ? strtoll(pop, NULL, 10) : 0};
		if (!code || !*code || !name || !*name) {
			*notice = xstrdup("Cần mã và tên của đơn vị mới.");
			status = 422;
		} else if (strcmp(u.kind, "commune") && strcmp(u.kind, "ward")) {
			*notice = xstrdup("Đơn vị mới phải là xã hoặc phường.");
			status = 422;
		} else if (store_unit_add(c->s, &u, &ps)) {
			problems_notice(c, &ps, notice, &status);
		} else {
			*notice = xasprintf("Đã thêm đơn vị %s (%s).", u.code, u.name);
		}
		free(code), free(name), free(kind), free(pop);
	} else if (!strcmp(action, "add_user")) {
		char *login = ctx_form(c, "login"), *name = ctx_form(c, "name"),
		     *role = ctx_form(c, "role"), *uu = ctx_form(c, "unit"),
		     *agency = ctx_form(c, "agency");
		char pw[AUTH_TOKEN], hash[AUTH_HASH_MAX];
		auth_random(pw);
		pw[16] = 0; /* a one-time password of 16 hex digits */
		struct user_rec u = {.login = login ? login : (char *)"",
		                     .name = name ? name : (char *)"",
		                     .role = role ? role : (char *)"",
		                     .unit_code = uu && *uu ? uu : NULL,
		                     .agency = agency && *agency ? agency : NULL};
		if (!strcmp(u.role, "admin") && strcmp(c->user.role, "admin")) {
			*notice = xstrdup("Chỉ quản trị hệ thống mới tạo được tài khoản quản trị.");
			status = 403;
		} else if (strcmp(u.role, "admin") &&
		           (!u.unit_code || !ctx_may(c, RIGHT_APPROVE, u.unit_code))) {
			*notice =
			        xstrdup("Đơn vị của tài khoản phải là đơn vị này hoặc đơn vị trực "
			                "thuộc.");
			status = 422;
		} else if (auth_init() || auth_hash_password(pw, hash)) {
			*notice = xstrdup("Không tạo được mật khẩu.");
			status = 500;
		} else {
			u.pw_hash = hash;
			if (store_user_add(c->s, &u, by, &ps)) {
				problems_notice(c, &ps, notice, &status);
			} else {
				*notice = xasprintf("Đã tạo tài khoản %s.", u.login);
				*secret = xstrdup(pw);
			}
		}
		free(login), free(name), free(role), free(uu), free(agency);
	} else if (!strcmp(action, "role") || !strcmp(action, "reset") ||
	           !strcmp(action, "disable") || !strcmp(action, "enable")) {
		char *login = ctx_form(c, "login");
		struct user_rec u = {0};
		int rc = login ? store_user_get(c->s, login, &u, &err) : 1;
		if (rc) {
			*notice = xstrdup("Không có tài khoản này.");
			status = rc > 0 ? 422 : 500;
		} else if (!may_manage(c, &u) || !strcmp(u.login, c->user.login)) {
			*notice = xstrdup("Không được thay đổi tài khoản này.");
			status = 403;
		} else if (!strcmp(action, "role")) {
			char *role = ctx_form(c, "role"), *uu = ctx_form(c, "unit"),
			     *agency = ctx_form(c, "agency");
			if (role && !strcmp(role, "admin") && strcmp(c->user.role, "admin")) {
				*notice = xstrdup("Chỉ quản trị hệ thống mới cấp quyền quản trị.");
				status = 403;
			} else if (role && strcmp(role, "admin") &&
			           (!uu || !*uu || !ctx_may(c, RIGHT_APPROVE, uu))) {
				*notice = xstrdup(
				        "Đơn vị của tài khoản phải là đơn vị này hoặc đơn vị "
				        "trực thuộc.");
				status = 422;
			} else if (store_user_role(c->s, u.login, role ? role : "",
			                           uu && *uu ? uu : NULL,
			                           agency && *agency ? agency : NULL, by, &ps)) {
				problems_notice(c, &ps, notice, &status);
			} else {
				*notice = xasprintf("Đã đổi vai trò của %s thành %s.", u.login,
				                    pg_role_vi(role));
			}
			free(role), free(uu), free(agency);
		} else if (!strcmp(action, "reset")) {
			char pw[AUTH_TOKEN], hash[AUTH_HASH_MAX];
			auth_random(pw);
			pw[16] = 0;
			if (auth_init() || auth_hash_password(pw, hash) ||
			    store_user_password(c->s, u.login, hash, by, &err)) {
				*notice = xstrdup("Không đặt lại được mật khẩu.");
				status = 500;
			} else {
				*notice = xasprintf("Đã đặt lại mật khẩu của %s.", u.login);
				*secret = xstrdup(pw);
			}
		} else {
			bool off = !strcmp(action, "disable");
			if (store_user_disable(c->s, u.login, off, by, &err)) {
				*notice = xstrdup("Không thực hiện được.");
				status = 500;
			} else {
				*notice = xasprintf(off ? "Đã khóa tài khoản %s."
				                        : "Đã mở khóa tài khoản %s.",
				                    u.login);
			}
		}
		if (!rc)
			user_rec_free(&u);
		free(login);
	} else if (!strcmp(action, "cutoff")) {
		char *uu = ctx_form(c, "unit"), *day = ctx_form(c, "day"), *end = NULL;
		long d = day && *day ? strtol(day, &end, 10) : 0;
		int rc;
		if (!uu || !*uu || !ctx_may(c, RIGHT_APPROVE, uu)) {
			*notice = xstrdup("Đơn vị phải là đơn vị này hoặc đơn vị trực thuộc.");
			status = 422;
		} else if ((end && *end) || d < 0 || d > 28) {
			*notice =
			        xstrdup("Ngày chốt số liệu phải là số từ 1 đến 28 (để trống: theo "
			                "đơn vị cấp trên).");
			status = 422;
		} else if ((rc = store_unit_cutoff(c->s, uu, (int)d, by, &err))) {
			*notice = xstrdup(rc == 1 ? "Không có đơn vị này." : "Không lưu được.");
			status = rc == 1 ? 422 : 500;
		} else if (d) {
			*notice = xasprintf(
			        "Đã đặt ngày chốt số liệu của %s là ngày %ld hằng tháng.", uu, d);
		} else {
			*notice = xasprintf("%s chốt số liệu theo đơn vị cấp trên.", uu);
		}
		free(uu), free(day);
	} else if (!strcmp(action, "token")) {
		char *login = ctx_form(c, "login"), *label = ctx_form(c, "label"),
		     *days = ctx_form(c, "days"), *scope = ctx_form(c, "scope");
		char tok[AUTH_TOKEN], hash[AUTH_TOKEN];
		int64_t id = 0;
		int rc;
		if (strcmp(c->user.role, "admin")) {
			*notice = xstrdup(
			        "Chỉ quản trị hệ thống mới tạo mã truy cập cho tài khoản khác.");
			status = 403;
		} else if (auth_init()) {
			*notice = xstrdup("Không tạo được mã truy cập.");
			status = 500;
		} else {
			auth_random(tok);
			auth_token_hash(tok, hash);
			rc = store_token_add(c->s, login ? login : "", hash,
			                     label && *label ? label : "quản trị tạo",
			                     days ? atoi(days) : 0,
			                     scope && *scope ? scope : "read", by, &id, &err);
			if (rc) {
				*notice = xstrdup(
				        rc == 1 ? "Không có tài khoản này."
				        : rc == 2 ? "Phạm vi hoặc số ngày hiệu lực (1 đến 3.650) "
				                    "không đúng."
				                  : "Không tạo được mã truy cập.");
				status = rc > 0 ? 422 : 500;
			} else {
				*notice = xasprintf("Đã tạo mã truy cập số %lld cho %s.",
				                    (long long)id, login);
				*secret = xasprintf("token:%s", tok);
			}
		}
		free(login), free(label), free(days), free(scope);
	} else if (!strcmp(action, "reopen")) {
		char *uu = ctx_form(c, "unit"), *ind = ctx_form(c, "indicator"),
		     *period = ctx_form(c, "period"), *reason = ctx_form(c, "reason");
		struct unit_rec u = {0};
		struct series_rec sr = {0};
		struct period p;
		const char *why;
		char canon[16] = "";
		if (!uu || !*uu || !ctx_may(c, RIGHT_APPROVE, uu)) {
			*notice = xstrdup("Đơn vị phải là đơn vị này hoặc đơn vị trực thuộc.");
			status = 422;
		} else if (!reason || !*reason) {
			*notice = xstrdup("Cần ghi lý do mở khóa.");
			status = 422;
		} else if (!period || period_parse(period, &p, &why)) {
			*notice = xasprintf("Kỳ \"%s\" không đúng (ví dụ 2026-Q2 hoặc 2026-05).",
			                    period ? period : "");
			status = 422;
		} else if (store_unit_get(c->s, uu, &u, &err) ||
		           store_series_get(c->s, u.id, ind ? ind : "", &sr, &err)) {
			*notice = xasprintf("Không có chỉ tiêu %s của %s.", ind ? ind : "", uu);
			status = 422;
		} else {
			period_format(&p, canon, sizeof canon);
			if (store_obs_transition(c->s, sr.id, canon, "reopen", by, reason, &ps))
				problems_notice(c, &ps, notice, &status);
			else
				*notice = xasprintf("Đã mở khóa %s kỳ %s của %s.", ind, canon, uu);
		}
		if (sr.id)
			series_rec_free(&sr);
		unit_rec_free(&u);
		free(uu), free(ind), free(period), free(reason);
	} else {
		*notice = xstrdup("Thao tác không đúng.");
		status = 422;
	}
	problems_free(&ps);
	err_clear(&err);
	free(action);
	return status;
}

static const char *const roles[][2] = {{"office", "văn phòng"},
                                       {"reporter", "người báo cáo"},
                                       {"viewer", "người xem"},
                                       {"admin", "quản trị"}};

static void role_select(struct ctx *c, const char *id, const char *current)
{
	buf_printf(B, "<select name=\"role\" id=\"%s\">", id);
	for (size_t k = 0; k < sizeof roles / sizeof roles[0]; k++) {
		if (!strcmp(roles[k][0], "admin") && strcmp(c->user.role, "admin"))
			continue;
		buf_printf(B, "<option value=\"%s\"%s>%s</option>", roles[k][0],
		           current && !strcmp(current, roles[k][0]) ? " selected" : "",
		           roles[k][1]);
	}
	buf_puts(B, "</select>");
}

/* The units under root, as nested lists. */
static void unit_tree(struct ctx *c, const struct unit_rec *u, size_t n, const char *root,
                      int depth)
{
	if (depth > 6)
		return;
	bool open = false;
	for (size_t i = 0; i < n; i++) {
		if (!u[i].parent_code || strcmp(u[i].parent_code, root))
			continue;
		if (!open)
			buf_puts(B, "<ul>");
		open = true;
		buf_puts(B, "<li><a href=\"/don-vi/");
		pg_esc(c, u[i].code);
		buf_puts(B, "\">");
		pg_esc(c, u[i].name);
		buf_puts(B, "</a> <code>");
		pg_esc(c, u[i].code);
		buf_puts(B, "</code>");
		unit_tree(c, u, n, u[i].code, depth + 1);
		buf_puts(B, "</li>");
	}
	if (open)
		buf_puts(B, "</ul>");
}

void page_admin(struct ctx *c, char *const *arg)
{
	const char *unit = arg[0];
	char *notice = NULL, *secret = NULL;
	struct error err = {0};
	int status = 200;
	if (!strcmp(c->rq->method, "POST"))
		status = admin_post(c, unit, &notice, &secret);
	struct unit_rec self = {0};
	if (store_unit_get(c->s, unit, &self, &err)) {
		err_clear(&err), free(notice), free(secret);
		pg_plain(c, 404, "Không có đơn vị", "Không có đơn vị này.");
		return;
	}
	c->rs->status = status;
	char *title = xasprintf("Quản trị: %s", self.name);
	pg_head(c, title, unit);
	free(title);
	buf_puts(B, "<h1>Quản trị: ");
	pg_esc(c, self.name);
	buf_puts(B, "</h1><p><a href=\"/don-vi/");
	pg_esc(c, unit);
	buf_puts(B, "/nhat-ky\">Nhật ký thay đổi</a> · <a href=\"/don-vi/");
	pg_esc(c, unit);
	buf_puts(B, "/nhap-tep\">Nhập số liệu từ tệp CSV hoặc Excel</a></p>");
	if (notice) {
		buf_printf(B, "<p class=\"%s\" role=\"status\">", status == 200 ? "ok" : "error");
		pg_esc(c, notice);
		buf_puts(B, "</p>");
	}
	if (secret && !strncmp(secret, "token:", 6)) {
		buf_puts(B, "<p class=\"warn\">Hãy sao chép mã truy cập này ngay bây giờ: nó chỉ "
		            "hiện một lần.</p><label>Mã truy cập mới <input id=\"token\" readonly "
		            "value=\"");
		pg_esc(c, secret + 6);
		buf_puts(B, "\"></label>");
	} else if (secret) {
		buf_puts(B, "<p class=\"warn\">Mật khẩu dùng một lần, chỉ hiện lần này: hãy trao "
		            "tận tay người dùng và nhắc họ đổi ngay sau khi đăng nhập.</p>"
		            "<label>Mật khẩu một lần <input id=\"otp\" readonly value=\"");
		pg_esc(c, secret);
		buf_puts(B, "\"></label>");
	}
	/* Units. */
	struct unit_rec *u = NULL;
	size_t n = 0;
	buf_puts(B, "<h2>Đơn vị</h2><div class=\"tree\"><p><b>");
	pg_esc(c, self.name);
	buf_puts(B, "</b> <code>");
	pg_esc(c, unit);
	buf_puts(B, "</code></p>");
	if (!store_unit_list(c->s, &u, &n, &err))
		unit_tree(c, u, n, unit, 0);
	buf_puts(B,
	         "</div><form method=\"post\" class=\"admin\"><h3>Thêm xã/phường trực thuộc</h3>");
	csrf_field(c);
	buf_puts(B, "<input type=\"hidden\" name=\"action\" value=\"add_unit\">");
	field_label(c, "Mã đơn vị", "code", "text", NULL);
	field_label(c, "Tên đơn vị", "name", "text", NULL);
	buf_puts(B, "<label>Loại <select name=\"kind\"><option value=\"commune\">xã</option>"
	            "<option value=\"ward\">phường</option></select></label>");
	field_label(c, "Dân số", "population", "number", NULL);
	buf_puts(B, "<button>Thêm đơn vị</button></form>");
	/* Accounts in scope. */
	struct user_rec *us = NULL;
	size_t nu = 0;
	buf_puts(B, "<h2>Tài khoản</h2><table class=\"accounts\"><thead><tr><th>Tên đăng nhập</th>"
	            "<th>Họ tên</th><th>Vai trò</th><th>Đơn vị</th><th>Trạng thái</th>"
	            "<th>Thao tác</th></tr></thead><tbody>");
	if (!store_user_list(c->s, &us, &nu, &err)) {
		for (size_t i = 0; i < nu; i++) {
			if (may_manage(c, &us[i]) &&
			    (!strcmp(c->user.role, "admin") ||
			     (us[i].unit_code && ctx_may(c, RIGHT_READ, us[i].unit_code)))) {
				buf_puts(B, "<tr><td>");
				pg_esc(c, us[i].login);
				buf_puts(B, "</td><td>");
				pg_esc(c, us[i].name);
				buf_puts(B, "</td><td>");
				pg_esc(c, pg_role_vi(us[i].role));
				buf_puts(B, "</td><td>");
				pg_esc(c, us[i].unit_code ? us[i].unit_code : "–");
				buf_printf(B, "</td><td>%s</td><td>",
				           us[i].disabled ? "đã khóa" : "đang dùng");
				if (strcmp(us[i].login, c->user.login)) {
					static const char *const acts[][2] = {
					        {"reset", "Đặt lại mật khẩu"},
					        {"disable", "Khóa"},
					        {"enable", "Mở khóa"}};
					for (size_t k = 0; k < 3; k++) {
						if ((k == 1 && us[i].disabled) ||
						    (k == 2 && !us[i].disabled))
							continue;
						buf_puts(B,
						         "<form method=\"post\" class=\"inline\">");
						csrf_field(c);
						buf_printf(B,
						           "<input type=\"hidden\" name=\"action\" "
						           "value=\"%s\">"
						           "<input type=\"hidden\" name=\"login\" "
						           "value=\"",
						           acts[k][0]);
						pg_esc(c, us[i].login);
						buf_printf(B, "\"><button>%s</button></form>",
						           acts[k][1]);
					}
				}
				buf_puts(B, "</td></tr>");
			}
			user_rec_free(&us[i]);
		}
		free(us);
	}
	buf_puts(B, "</tbody></table>");
	buf_puts(B, "<form method=\"post\" class=\"admin\"><h3>Tạo tài khoản</h3>");
	csrf_field(c);
	buf_puts(B, "<input type=\"hidden\" name=\"action\" value=\"add_user\">");
	field_label(c, "Tên đăng nhập", "login", "text", NULL);
	field_label(c, "Họ tên", "name", "text", NULL);
	buf_puts(B, "<label for=\"new-role\">Vai trò</label>");
	role_select(c, "new-role", "reporter");
	field_label(c, "Đơn vị (mã)", "unit", "text", unit);
	field_label(c, "Cơ quan (với người báo cáo)", "agency", "text", NULL);
	buf_puts(B, "<button>Tạo tài khoản</button></form>");
	buf_puts(B, "<form method=\"post\" class=\"admin\"><h3>Đổi vai trò</h3>");
	csrf_field(c);
	buf_puts(B, "<input type=\"hidden\" name=\"action\" value=\"role\">");
	field_label(c, "Tài khoản", "login", "text", NULL);
	buf_puts(B, "<label for=\"chg-role\">Vai trò mới</label>");
	role_select(c, "chg-role", NULL);
	field_label(c, "Đơn vị mới (mã)", "unit", "text", unit);
	field_label(c, "Cơ quan mới (với người báo cáo)", "agency", "text", NULL);
	buf_puts(B, "<button>Đổi vai trò</button></form>");
	/* Cut-off day. */
	struct error e2 = {0};
	int inherited = store_cutoff_day(c->s, self.id, &e2);
	err_clear(&e2);
	buf_puts(B, "<h2>Ngày chốt số liệu</h2><p>");
	if (self.cutoff_day)
		buf_printf(B, "Đơn vị chốt số liệu ngày %d hằng tháng.", self.cutoff_day);
	else if (inherited > 0)
		buf_printf(B, "Đơn vị chốt số liệu theo cấp trên: ngày %d hằng tháng.", inherited);
	buf_puts(B, "</p><form method=\"post\" class=\"admin\">");
	csrf_field(c);
	buf_puts(B, "<input type=\"hidden\" name=\"action\" value=\"cutoff\">");
	field_label(c, "Đơn vị (mã)", "unit", "text", unit);
	field_label(c, "Ngày chốt (1 đến 28; để trống: theo cấp trên)", "day", "number", NULL);
	buf_puts(B, "<button>Lưu ngày chốt</button></form>");
	if (!strcmp(c->user.role, "admin")) {
		buf_puts(B, "<h2>Mã truy cập API cho tài khoản khác</h2><form method=\"post\" "
		            "class=\"admin\">");
		csrf_field(c);
		buf_puts(B, "<input type=\"hidden\" name=\"action\" value=\"token\">");
		field_label(c, "Tài khoản nhận mã", "login", "text", NULL);
		field_label(c, "Nhãn của mã", "label", "text", NULL);
		field_label(c, "Số ngày hiệu lực (1 đến 3.650)", "days", "number", "90");
		buf_puts(B, "<label>Phạm vi <select name=\"scope\"><option value=\"read\">Chỉ đọc"
		            "</option><option value=\"write\">Đọc và ghi</option></select></label>"
		            "<button>Tạo mã truy cập</button></form>");
	}
	/* Reopen an approved figure. */
	buf_puts(B, "<h2>Mở khóa số liệu đã duyệt</h2><form method=\"post\" class=\"admin\">");
	csrf_field(c);
	buf_puts(B, "<input type=\"hidden\" name=\"action\" value=\"reopen\">");
	field_label(c, "Đơn vị (mã)", "unit", "text", unit);
	field_label(c, "Chỉ tiêu (mã)", "indicator", "text", NULL);
	field_label(c, "Kỳ (ví dụ 2026-Q2)", "period", "text", NULL);
	field_label(c, "Lý do mở khóa", "reason", "text", NULL);
	buf_puts(B, "<button>Mở khóa</button></form>");
	for (size_t i = 0; i < n; i++)
		unit_rec_free(&u[i]);
	free(u);
	unit_rec_free(&self);
	err_clear(&err), free(notice), free(secret);
	pg_foot(c);
}

/* ---- the audit log -------------------------------------------------------------- */

static bool has(const char *hay, const char *needle)
{
	return !needle || !*needle || (hay && strstr(hay, needle));
}

enum { AUDIT_PAGE = 50 };

void page_audit(struct ctx *c, char *const *arg)
{
	const char *unit = arg[0];
	char *fu = ctx_query(c, "unit"), *fa = ctx_query(c, "account"),
	     *fx = ctx_query(c, "action"), *from = ctx_query(c, "from"), *to = ctx_query(c, "to"),
	     *pg = ctx_query(c, "page");
	struct error err = {0};
	int page = pg ? atoi(pg) : 1;
	if (page < 1)
		page = 1;
	/* An office sees what names its unit or a unit under it; the filter on
	 * a unit must be one it may read. */
	bool admin = !strcmp(c->user.role, "admin");
	if (fu && *fu && !ctx_may(c, RIGHT_READ, fu)) {
		free(fu), free(fa), free(fx), free(from), free(to), free(pg);
		pg_plain(c, 403, "Không được phép", "Đơn vị này ngoài phạm vi của tài khoản.");
		return;
	}
	struct unit_rec *u = NULL;
	size_t nu = 0;
	if (!admin && store_unit_list(c->s, &u, &nu, &err))
		nu = 0;
	struct user_rec *us = NULL;
	size_t nus = 0;
	if (store_user_list(c->s, &us, &nus, &err))
		nus = 0;
	struct audit_rec *a = NULL;
	size_t n = 0;
	pg_head(c, "Nhật ký thay đổi", unit);
	buf_puts(B, "<h1>Nhật ký thay đổi</h1><form method=\"get\" class=\"filters\">");
	field_label(c, "Đơn vị (mã)", "unit", "text", fu);
	field_label(c, "Tài khoản", "account", "text", fa);
	field_label(c, "Thao tác (ví dụ reopen, approve, user.add)", "action", "text", fx);
	field_label(c, "Từ ngày", "from", "date", from);
	field_label(c, "Đến ngày", "to", "date", to);
	buf_puts(B, "<button>Lọc</button></form>");
	if (store_audit_list(c->s, from && *from ? from : NULL, &a, &n, &err)) {
		buf_puts(B, "<p class=\"error\">Không đọc được nhật ký.</p>");
		n = 0;
	}
	buf_puts(B, "<table class=\"audit\"><thead><tr><th>Lúc</th><th>Tài khoản</th>"
	            "<th>Thao tác</th><th>Đối tượng</th><th>Chi tiết</th></tr></thead><tbody>");
	size_t shown = 0, matched = 0, skip = (size_t)(page - 1) * AUDIT_PAGE;
	for (size_t j = n; j-- > 0;) { /* newest first */
		const struct audit_rec *r = &a[j];
		/* The unit of an entry: the one its detail names, else its actor's. */
		const char *actor_unit = NULL;
		for (size_t k = 0; k < nus && !actor_unit; k++)
			if (r->actor && !strcmp(us[k].login, r->actor))
				actor_unit = us[k].unit_code;
		bool ok = has(r->actor, fa) && has(r->action, fx) &&
		          (!fu || !*fu || has(r->detail, fu) ||
		           (actor_unit && !strcmp(actor_unit, fu))) &&
		          (!to || !*to || (r->at && strncmp(r->at, to, 10) <= 0));
		if (ok && !admin) {
			bool mine = actor_unit && ctx_may(c, RIGHT_READ, actor_unit);
			for (size_t k = 0; k < nu && !mine; k++)
				mine = has(r->detail, u[k].code) &&
				       ctx_may(c, RIGHT_READ, u[k].code);
			ok = mine;
		}
		if (!ok)
			continue;
		if (matched++ < skip || shown >= AUDIT_PAGE)
			continue;
		shown++;
		buf_puts(B, "<tr><td>");
		pg_time(c, r->at);
		buf_puts(B, "</td><td>");
		pg_esc(c, r->actor);
		buf_puts(B, "</td><td>");
		pg_esc(c, r->action);
		buf_puts(B, "</td><td>");
		pg_esc(c, r->entity);
		buf_printf(B, " #%lld</td><td>", (long long)r->entity_id);
		pg_esc(c, r->detail ? r->detail : "");
		buf_puts(B, "</td></tr>");
	}
	buf_printf(B, "</tbody></table><p>%zu mục khớp bộ lọc; trang %d.", matched, page);
	struct buf q = BUF_INIT;
	const char *keys[] = {"unit", "account", "action", "from", "to"};
	const char *vals[] = {fu, fa, fx, from, to};
	for (int k = 0; k < 5; k++)
		if (vals[k] && *vals[k]) {
			buf_printf(&q, "&amp;%s=", keys[k]);
			for (const unsigned char *p = (const unsigned char *)vals[k]; *p; p++)
				if ((*p >= '0' && *p <= '9') || (*p >= 'A' && *p <= 'Z') ||
				    (*p >= 'a' && *p <= 'z') || strchr("-._", *p))
					buf_putc(&q, (char)*p);
				else
					buf_printf(&q, "%%%02X", *p);
		}
	if (page > 1)
		buf_printf(B, " <a href=\"?page=%d%s\">Trang trước</a>", page - 1,
		           q.ptr ? q.ptr : "");
	if (matched > skip + shown)
		buf_printf(B, " <a href=\"?page=%d%s\">Trang sau</a>", page + 1,
		           q.ptr ? q.ptr : "");
	buf_puts(B, "</p>");
	buf_free(&q);
	for (size_t i = 0; i < n; i++)
		audit_rec_free(&a[i]);
	free(a);
	for (size_t i = 0; i < nu; i++)
		unit_rec_free(&u[i]);
	free(u);
	for (size_t i = 0; i < nus; i++)
		user_rec_free(&us[i]);
	free(us);
	free(fu), free(fa), free(fx), free(from), free(to), free(pg), err_clear(&err);
	pg_foot(c);
}

/* ---- importing figures from CSV -------------------------------------------------- */

/* The columns `chitieu record --csv` reads, with their Vietnamese aliases. */
static const char *const import_cols[][2] = {
        {"unit", "don vi"},  {"indicator", "chi tieu"},  {"period", "ky"}, {"value", "gia tri"},
        {"num", "tu so"},    {"den", "mau so"},          {"level", "muc"}, {"yes", "co/khong"},
        {"note", "ghi chu"}, {"evidence", "minh chung"},
};

static int import_col(const struct csv_row *h, const char *name, const char *alias)
{
	for (int i = 0; i < h->n; i++) {
		char *f = text_fold(h->f[i]);
		bool hit = !strcmp(f, name) || (alias && !strcmp(f, alias));
		free(f);
		if (hit)
			return i;
	}
	return -1;
}

static void import_form(struct ctx *c, const char *text)
{
	buf_puts(B, "<form method=\"post\" class=\"admin\" enctype=\"multipart/form-data\">");
	csrf_field(c);
	buf_puts(B,
	         "<label>Tệp số liệu (.xlsx hoặc .csv; trang tính đầu tiên, dòng đầu là tiêu đề; "
	         "tối đa 1 MB) <input type=\"file\" name=\"file\" accept=\".xlsx,.csv\"></label> "
	         "<label>hoặc dán nội dung tệp CSV (dòng đầu là tiêu đề: unit, indicator, period, "
	         "value, num, den, level, yes, note, evidence) <textarea name=\"csv\" rows=\"10\" "
	         "cols=\"80\">");
	pg_esc(c, text ? text : "");
	buf_puts(B, "</textarea></label><button name=\"mode\" value=\"preview\">Xem trước</button> "
	            "<button name=\"mode\" value=\"import\">Nhập tất cả</button> "
	            "<button name=\"mode\" value=\"import_good\">Chỉ nhập các dòng hợp lệ</button>"
	            "</form>");
}

/* The file sent in the form's "file" field, as CSV text: an Excel
 * workbook's first sheet (xlsx_sheet_csv), or a CSV file's own text. NULL with
 * *err NULL when no file was sent; NULL with *err a sentence when it
 * cannot be read. */
static char *import_file(struct ctx *c, struct error *err)
{
	const char *ct = c->rq->content_type;
	err_clear(err);
	if (!ct || strncasecmp(ct, "multipart/form-data", 19))
		return NULL;
	struct multipart m;
	struct multipart_limits lim = {16, 4096, APP_MAX_BODY};
	struct error perr = {0};
	char *text = NULL;
	if (multipart_parse(ct, c->rq->body, c->rq->body_len, &lim, &m, &perr)) {
		err_set(err, perr.code, "%s", pg_err_sentence(&perr));
		err_clear(&perr);
		return NULL;
	}
	const struct multipart_part *f = multipart_find(&m, "file");
	if (f && f->filename && f->len) {
		size_t nl = strlen(f->filename), len = 0;
		bool xlsx = nl >= 5 && !strcasecmp(f->filename + nl - 5, ".xlsx");
		struct error why = {0};
		if (xlsx || (f->len >= 4 && !memcmp(f->data, "PK\3\4", 4)))
			text = xlsx_sheet_csv(f->data, f->len, &len, &why);
		else if (memchr(f->data, 0, f->len))
			err_set(&why, ERR_DOCUMENT,
			        "tệp không phải CSV (văn bản UTF-8) hay bảng tính Excel (.xlsx)");
		else
			text = xstrndup(f->data, f->len);
		if (err_is(&why)) {
			err_set(err, why.code, "Không đọc được tệp \"%s\": %s.", f->filename,
			        why.msg);
			err_clear(&why);
		}
	}
	multipart_free(&m);
	return text;
}

/* Reading the CSV text, checking each row (the account's scope, then the
 * store's own checks, as `chitieu record --csv`), showing every row with its
 * problems; writing only when asked: all rows, refused if one is wrong, or
 * the good rows only. */
void page_import(struct ctx *c, char *const *arg)
{
	const char *unit = arg[0];
	bool post = !strcmp(c->rq->method, "POST");
	struct error ferr = {0};
	char *text = post ? import_file(c, &ferr) : NULL, *mode = post ? ctx_form(c, "mode") : NULL;
	struct error err = {0};
	if (post && !text && !err_is(&ferr))
		text = ctx_form(c, "csv");
	pg_head(c, "Nhập số liệu từ tệp", unit);
	buf_puts(B, "<h1>Nhập số liệu từ tệp CSV hoặc Excel</h1><p>Mọi dòng được kiểm tra như "
	            "lệnh <code>chitieu record --csv</code>; xem trước không ghi gì. \"Nhập tất "
	            "cả\" không ghi gì nếu có một dòng sai; \"Chỉ nhập các dòng hợp lệ\" bỏ qua "
	            "các dòng sai. Tệp Excel (.xlsx): đọc trang tính đầu tiên, số giữ nguyên như "
	            "lưu trong tệp; nội dung đọc được hiện trong ô CSV bên dưới. Mỗi lần gửi tối "
	            "đa 1 MB.</p>");
	struct csv t = {0};
	if (!post || !text || !*text) {
		if (post) {
			c->rs->status = 422;
			buf_puts(B, "<p class=\"error\" role=\"alert\">");
			pg_esc(c, ferr.msg ? ferr.msg : "Chưa có nội dung CSV hay tệp số liệu.");
			buf_puts(B, "</p>");
			if (err_is(&ferr) && !text) /* keep what was pasted */
				text = ctx_form(c, "csv");
		}
		import_form(c, text);
		free(text), free(mode), err_clear(&ferr);
		pg_foot(c);
		return;
	}
	int col[10];
	if (csv_parse(text, strlen(text), &t, &err) || t.n < 1 ||
	    (col[0] = import_col(&t.rows[0], "unit", "don vi")) < 0) {
		c->rs->status = 422;
		buf_puts(B, "<p class=\"error\" role=\"alert\">Không đọc được tệp: ");
		pg_esc(c,
		       err.msg ? err.msg : "cần dòng tiêu đề có các cột unit, indicator, period");
		buf_puts(B, "</p>");
		import_form(c, text);
		csv_free(&t);
		free(text), free(mode), err_clear(&err);
		pg_foot(c);
		return;
	}
	for (int k = 0; k < 10; k++)
		col[k] = import_col(&t.rows[0], import_cols[k][0], import_cols[k][1]);
	size_t n = t.n - 1;
	struct obs_input *in = xcalloc(n ? n : 1, sizeof *in);
	struct problems ps = {0};
	for (size_t i = 0; i < n; i++) {
		const struct csv_row *r = &t.rows[i + 1];
		const char **f[10] = {&in[i].unit, &in[i].indicator, &in[i].period, &in[i].value,
		                      &in[i].num,  &in[i].den,       &in[i].level,  &in[i].yes,
		                      &in[i].note, &in[i].evidence};
		for (int k = 0; k < 10; k++)
			*f[k] = col[k] >= 0 && col[k] < r->n ? r->f[col[k]] : "";
		in[i].line = r->line;
		if (!ctx_may(c, RIGHT_RECORD, in[i].unit))
			problems_add(&ps, "E_FORBIDDEN", r->line,
			             "Đơn vị \"%s\" ngoài phạm vi của tài khoản", in[i].unit);
	}
	store_record_check(c->s, in, n, &ps);
	size_t bad = 0;
	bool *wrong = xcalloc(n ? n : 1, sizeof *wrong);
	for (size_t i = 0; i < n; i++) {
		for (size_t k = 0; k < ps.n; k++)
			wrong[i] |= ps.v[k].line == in[i].line;
		bad += wrong[i];
	}
	const char *written = NULL;
	size_t nwritten = 0;
	struct problems wp = {0};
	if (mode && (!strcmp(mode, "import") || !strcmp(mode, "import_good"))) {
		bool good_only = !strcmp(mode, "import_good");
		if (bad && !good_only) {
			c->rs->status = 422;
			written = "Không ghi gì: có dòng sai (xem bên dưới).";
		} else {
			struct obs_input *good = xcalloc(n ? n : 1, sizeof *good);
			for (size_t i = 0; i < n; i++)
				if (!wrong[i])
					good[nwritten++] = in[i];
			if (!nwritten) {
				c->rs->status = 422;
				written = "Không có dòng hợp lệ nào để ghi.";
			} else if (store_record_batch(c->s, good, nwritten, c->user.login, NULL,
			                              &wp)) {
				c->rs->status = pg_form_status(wp.v[0].code);
				written = "Không ghi gì: cơ sở dữ liệu từ chối (xem bên dưới).";
				nwritten = 0;
			} else {
				app_recorded(c, good, nwritten);
			}
			free(good);
		}
	}
	if (nwritten)
		buf_printf(B, "<p class=\"ok\" role=\"status\">Đã ghi %zu số liệu%s.</p>", nwritten,
		           bad ? " (bỏ qua các dòng có lỗi)" : "");
	else if (written)
		buf_printf(B, "<p class=\"error\" role=\"alert\">%s</p>", written);
	for (size_t k = 0; k < wp.n; k++) {
		buf_printf(B, "<p class=\"error\">Dòng %d: ", wp.v[k].line);
		pg_esc(c, wp.v[k].message);
		buf_puts(B, "</p>");
	}
	buf_printf(B, "<p>%zu dòng: %zu hợp lệ, %zu có lỗi.</p>", n, n - bad, bad);
	buf_puts(B, "<table class=\"preview\"><thead><tr><th>Dòng</th><th>Đơn vị</th><th>Chỉ "
	            "tiêu</th><th>Kỳ</th><th>Giá trị</th><th>Kiểm tra</th></tr></thead><tbody>");
	for (size_t i = 0; i < n; i++) {
		buf_printf(B, "<tr%s><td>%d</td><td>", wrong[i] ? " class=\"bad\"" : "",
		           in[i].line);
		pg_esc(c, in[i].unit);
		buf_puts(B, "</td><td>");
		pg_esc(c, in[i].indicator);
		buf_puts(B, "</td><td>");
		pg_esc(c, in[i].period);
		buf_puts(B, "</td><td>");
		pg_esc(c, *in[i].value   ? in[i].value
		          : *in[i].num   ? in[i].num
		          : *in[i].level ? in[i].level
		                         : in[i].yes);
		if (*in[i].num || *in[i].den) {
			buf_puts(B, "/");
			pg_esc(c, in[i].den);
		}
		buf_puts(B, "</td><td>");
		if (!wrong[i])
			buf_puts(B, "hợp lệ");
		for (size_t k = 0; k < ps.n; k++)
			if (ps.v[k].line == in[i].line) {
				buf_puts(B, "<span class=\"error\">");
				pg_esc(c, ps.v[k].message);
				buf_puts(B, "</span> ");
			}
		buf_puts(B, "</td></tr>");
	}
	buf_puts(B, "</tbody></table>");
	for (size_t k = 0; k < ps.n; k++)
		if (!ps.v[k].line) {
			buf_puts(B, "<p class=\"error\">");
			pg_esc(c, ps.v[k].message);
			buf_puts(B, "</p>");
		}
	import_form(c, text);
	free(wrong);
	free(in);
	problems_free(&ps);
	problems_free(&wp);
	csv_free(&t);
	free(text), free(mode), err_clear(&err);
	pg_foot(c);
}
