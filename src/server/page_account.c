/* page_account.c: signing in and out, and one's account (API tokens). */
#include "pages.h"

#include <math.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
	pg_head(c, "Đăng nhập", NULL);
	buf_puts(B, "<h1>Đăng nhập</h1>");
	if (msg) {
		buf_puts(B, "<p class=\"error\" role=\"alert\">");
		pg_esc(c, msg);
		buf_puts(B, "</p>");
	}
	buf_printf(B,
	           "<form method=\"post\" action=\"/dang-nhap\" class=\"card\">"
	           "<input type=\"hidden\" name=\"pre\" value=\"%s\">"
	           "<label>Tên đăng nhập <input name=\"login\" autocomplete=\"username\" "
	           "required value=\"",
	           pre);
	pg_esc(c, login ? login : "");
	buf_puts(B, "\"></label><label>Mật khẩu <input name=\"password\" type=\"password\" "
	            "autocomplete=\"current-password\" required></label>"
	            "<button>Đăng nhập</button></form>");
	pg_foot(c);
}

void page_signin(struct ctx *c, char *const *arg)
{
	(void)arg;
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
		pg_redirect(c, "/");
	}
	free(login);
	free(pw);
	free(pre);
	free(cookie);
}

void page_signout(struct ctx *c, char *const *arg)
{
	(void)arg;
	if (c->signed_in && !c->by_token) {
		if (!pg_post_ok(c))
			return;
		session_drop(c->app->sessions, c->sess.id);
	}
	http_header(c->rs,
	            "Set-Cookie: chitieu_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
	pg_redirect(c, "/dang-nhap");
}

/* ---- one's account: API tokens ------------------------------------------------------------ */

/* A stored UTC time ("2025-06-01T08:30:00Z") as "2025-06-01 08:30". */
static void scope_text(struct ctx *c, const char *scope)
{
	if (!strcmp(scope, "read"))
		buf_puts(B, "chỉ đọc");
	else if (!strcmp(scope, "write"))
		buf_puts(B, "đọc và ghi");
	else {
		buf_puts(B, "đọc, ghi cho ");
		pg_esc(c, !strncmp(scope, "write:", 6) ? scope + 6 : scope);
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
	pg_esc(c, qs);
	buf_printf(B, "\" class=\"%s\"><input type=\"hidden\" name=\"csrf\" value=\"", cls);
	pg_esc(c, c->sess.csrf);
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
	     *scope = ctx_form(c, "scope"), *units = ctx_form(c, "units"), *end = NULL,
	     *full = NULL;
	struct error err = {0};
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
			status = rc > 0 ? 404 : app_error_status(&err);
			*notice = xasprintf("Chưa tạo được mã truy cập: %s",
			                    rc > 0 ? "không có tài khoản này" : err.msg);
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
	err_clear(&err);
	return status;
}

/* Revoke token ?id of login (the page's account) from the form: 0 done,
 * else the status; *notice says what happened. Only a token of that
 * account, and of another account only for an admin (checked before). */
static int token_revoke(struct ctx *c, const char *login, bool admin, char **notice)
{
	char *ids = ctx_form(c, "id"), *end = NULL;
	struct error err = {0};
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
		status = app_error_status(&err);
		*notice = xasprintf("Chưa thu hồi được: %s", err.msg);
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
			status = rc == 0 ? 0 : rc > 0 ? 409 : app_error_status(&err);
			*notice =
			        rc == 0 ? xasprintf("Đã thu hồi mã truy cập số %lld (%s); ứng dụng "
			                            "dùng mã này không truy cập được nữa.",
			                            id, t[at].label)
			        : rc > 0 ? xasprintf("Mã truy cập số %lld đã bị thu hồi trước đó.",
			                             id)
			                 : xasprintf("Chưa thu hồi được: %s", err.msg);
		}
	}
	for (size_t i = 0; i < n; i++)
		token_rec_free(&t[i]);
	free(t);
	err_clear(&err);
	return status;
}

/* /tai-khoan: the signed-in account and its API tokens: listed (never the
 * tokens themselves), a new one made (shown once), one revoked after a
 * confirmation (?thu-hoi=ID). An admin sees and revokes another account's
 * with ?login=L. Only with a session: an API token does not manage tokens. */
void page_account(struct ctx *c, char *const *arg)
{
	(void)arg;
	bool post = !strcmp(c->rq->method, "POST");
	if (!c->signed_in) {
		pg_redirect(c, "/dang-nhap");
		return;
	}
	if (c->by_token) {
		pg_plain(c, 403, "Cần đăng nhập",
		         "Trang tài khoản cần đăng nhập bằng mật khẩu; mã truy cập chỉ dùng cho "
		         "API.");
		return;
	}
	if (post && !pg_post_ok(c))
		return;
	bool admin = !strcmp(c->user.role, "admin"), own = true;
	char login[AUTH_LOGIN_MAX + 1], *asked = ctx_query(c, "login");
	struct error err = {0};
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
			err_clear(&err);
			user_rec_free(&other);
			pg_plain(c, 403, "Không được phép",
			         "Chỉ quản trị viên xem được mã truy cập của tài khoản khác.");
			return;
		}
		if (found) {
			pg_plain(c, found > 0 ? 404 : app_error_status(&err), "Không có tài khoản",
			         "Không có tài khoản này.");
			err_clear(&err);
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
	pg_head(c, own ? "Tài khoản của tôi" : "Mã truy cập của tài khoản", NULL);
	buf_puts(B, own ? "<h1>Tài khoản của tôi</h1>" : "<h1>Mã truy cập của tài khoản ");
	if (!own) {
		pg_esc(c, login);
		buf_puts(B, "</h1>");
	}
	buf_puts(B, "<p>Tên đăng nhập <strong>");
	pg_esc(c, who->login);
	buf_puts(B, "</strong> · ");
	char *name = auth_text_visible(who->name);
	pg_esc(c, name);
	free(name);
	buf_printf(B, " · vai trò %s", pg_role_vi(who->role));
	if (who->unit_code) {
		buf_puts(B, " · đơn vị ");
		pg_esc(c, who->unit_code);
	}
	buf_puts(B, "</p>");
	if (notice) {
		buf_printf(B, "<p class=\"%s\" role=\"%s\">", status ? "error" : "ok",
		           status ? "alert" : "status");
		pg_esc(c, notice);
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
				pg_esc(c, t[i].label);
				buf_puts(B,
				         "”? Ứng dụng đang dùng mã này sẽ không truy cập được nữa; "
				         "không hoàn tác được.</p><button>Xác nhận thu hồi</button>"
				         "<a href=\"/tai-khoan");
				pg_esc(c, qs);
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
			pg_esc(c, t[i].label);
			buf_puts(B, "</td><td>");
			pg_time(c, t[i].created_at);
			buf_puts(B, "</td><td>");
			pg_time(c, t[i].expires_at);
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
					pg_esc(c, login);
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
	pg_foot(c);
	free(qs);
	free(notice);
	err_clear(&err);
	user_rec_free(&other);
}
