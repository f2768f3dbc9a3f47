/* users.c: accounts and API tokens. Passwords and tokens arrive hashed
 * (auth.c); the store never sees them in clear. */
#include "store.h"

#include "auth.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "internal.h"

void user_rec_free(struct user_rec *u)
{
	free(u->login);
	free(u->name);
	free(u->role);
	free(u->unit_code);
	free(u->agency);
	free(u->pw_hash);
	memset(u, 0, sizeof *u);
}

static bool role_known(const char *r)
{
	return r && (!strcmp(r, "admin") || !strcmp(r, "office") || !strcmp(r, "reporter") ||
	             !strcmp(r, "viewer"));
}

/* The role, unit and agency of an account: problems added; the unit's id
 * in *unit (0 for none). */
static void check_role(struct store *s, const struct user_rec *u, int64_t *unit,
                       struct problems *ps)
{
	if (!auth_text_clean(u->agency))
		problems_add(ps, "E_AGENCY", 0,
		             "Tên cơ quan không được chứa ký tự điều khiển, ký tự đảo chiều (RTL) "
		             "hay ký tự vô hình");
	if (!role_known(u->role))
		problems_add(ps, "E_ROLE", 0,
		             "Vai trò \"%s\" không có; dùng admin, office, reporter hoặc viewer",
		             u->role ? u->role : "");
	else if (strcmp(u->role, "admin") && (!u->unit_code || !*u->unit_code))
		problems_add(ps, "E_UNIT", 0, "Vai trò %s cần đơn vị (--unit)", u->role);
	if (u->role && !strcmp(u->role, "reporter") && (!u->agency || !*u->agency))
		problems_add(ps, "E_AGENCY", 0,
		             "Người nhập số liệu cần cơ quan chủ trì (--agency) để biết nhập chỉ "
		             "tiêu nào");
	struct error err = {0};
	if (u->unit_code && *u->unit_code) {
		struct unit_rec r = {0};
		int found = store_unit_get(s, u->unit_code, &r, &err);
		if (found)
			problems_add(ps, found > 0 ? "E_UNKNOWN_UNIT" : "E_DB", 0, "%s",
			             found > 0 ? "Không có đơn vị này" : err.msg);
		*unit = r.id;
		unit_rec_free(&r);
		err_clear(&err);
	}
}

int store_user_add(struct store *s, const struct user_rec *u, const char *by, struct problems *ps)
{
	size_t before = ps->n;
	char login[AUTH_LOGIN_MAX + 1];
	if (auth_login_normalize(u->login, login))
		problems_add(ps, "E_LOGIN", 0,
		             "Tên đăng nhập phải có từ 2 đến 64 ký tự, chỉ gồm chữ cái không dấu "
		             "a-z, chữ số, dấu chấm, gạch dưới hoặc gạch ngang, bắt đầu bằng chữ "
		             "hoặc số");
	if (!auth_text_clean(u->name))
		problems_add(
		        ps, "E_NAME", 0,
		        "Họ tên không được chứa ký tự điều khiển, ký tự đảo chiều (RTL) hay ký "
		        "tự vô hình");
	int64_t unit = 0;
	check_role(s, u, &unit, ps);
	if (ps->n > before)
		return -1;
	char at[32];
	struct error err = {0};
	st_now(at);
	struct stmt *st = st_prep(s,
	                          "INSERT INTO users (login, name, role, unit_id, agency, pw_hash, "
	                          "disabled, created_at) VALUES (?,?,?,?,?,?,0,?)",
	                          &err);
	int rc = -1;
	if (st) {
		D->bind_text(st, 1, login);
		D->bind_text(st, 2, u->name && *u->name ? u->name : login);
		D->bind_text(st, 3, u->role);
		unit ? D->bind_int(st, 4, unit) : D->bind_null(st, 4);
		D->bind_text(st, 5, u->agency && *u->agency ? u->agency : NULL);
		D->bind_text(st, 6, u->pw_hash);
		D->bind_text(st, 7, at);
		rc = D->step(st, &err) < 0 ? -1 : 0;
		st_done(s, st);
	}
	if (rc) {
		bool dup = err.msg && (strstr(err.msg, "UNIQUE") || strstr(err.msg, "duplicate"));
		problems_add(ps, dup ? "E_LOGIN_TAKEN" : "E_DB", 0, "%s",
		             dup ? "Tên đăng nhập đã có" : err.msg);
		err_clear(&err);
		return -1;
	}
	st_audit(s, by, "user.add", "user", 0, login);
	return 0;
}

#define USER_COLS                                                                                  \
	"SELECT u.id, u.login, u.name, u.role, n.code, u.agency, u.pw_hash, u.disabled,"           \
	" u.cred_epoch FROM users u"                                                               \
	" LEFT JOIN units n ON n.id = u.unit_id"

static void read_user(struct store *s, struct stmt *st, void *row)
{
	struct user_rec *u = row;
	u->id = D->col_int(st, 0);
	u->login = xstrdup(D->col_text(st, 1));
	u->name = xstrdup(D->col_text(st, 2));
	u->role = xstrdup(D->col_text(st, 3));
	u->unit_code = st_dup(D->col_text(st, 4));
	u->agency = st_dup(D->col_text(st, 5));
	u->pw_hash = xstrdup(D->col_text(st, 6));
	u->disabled = D->col_int(st, 7) != 0;
	u->epoch = D->col_int(st, 8);
}

int store_user_get(struct store *s, const char *login, struct user_rec *out, struct error *err)
{
	char norm[AUTH_LOGIN_MAX + 1];
	if (auth_login_normalize(login, norm))
		return 1; /* never a login */
	struct stmt *st = st_prep(s, USER_COLS " WHERE u.login = ?", err);
	if (!st)
		return -1;
	D->bind_text(st, 1, norm);
	int rc = D->step(st, err);
	if (rc == 1)
		read_user(s, st, out);
	st_done(s, st);
	return rc < 0 ? -1 : rc == 1 ? 0 : 1;
}

int store_user_list(struct store *s, struct user_rec **out, size_t *n, struct error *err)
{
	return st_collect(s, st_prep(s, USER_COLS " ORDER BY u.login", err), (void **)out, n,
	                  sizeof **out, read_user, err);
}

/* Every token of a login revoked. */
static int revoke_all(struct store *s, const char *login, struct error *err)
{
	struct stmt *st =
	        st_prep(s,
	                "UPDATE api_tokens SET revoked = 1 WHERE revoked = 0 AND user_id ="
	                " (SELECT id FROM users WHERE login = ?)",
	                err);
	if (!st)
		return -1;
	D->bind_text(st, 1, login);
	int rc = D->step(st, err);
	st_done(s, st);
	return rc < 0 ? -1 : 0;
}

/* Change one column of a user, which ends its sessions (a new credential
 * generation) and its tokens; 0, 1 when there is no such login, -1. The
 * audit entry is what tells other processes (store_change_mark). */
static int user_set(struct store *s, const char *sql, const char *login, const char *text,
                    int64_t num, const char *by, const char *action, struct error *err)
{
	char norm[AUTH_LOGIN_MAX + 1];
	if (auth_login_normalize(login, norm))
		return 1;
	struct stmt *st = st_prep(s, sql, err);
	if (!st)
		return -1;
	text ? D->bind_text(st, 1, text) : D->bind_int(st, 1, num);
	D->bind_text(st, 2, norm);
	int rc = D->step(st, err);
	int64_t changed = rc < 0 ? 0 : D->changes(st);
	st_done(s, st);
	if (rc < 0)
		return -1;
	if (!changed)
		return 1;
	if (revoke_all(s, norm, err))
		return -1;
	st_audit(s, by, action, "user", 0, norm);
	return 0;
}

int store_user_password(struct store *s, const char *login, const char *pw_hash, const char *by,
                        struct error *err)
{
	return user_set(s,
	                "UPDATE users SET pw_hash = ?, cred_epoch = cred_epoch + 1 WHERE login = ?",
	                login, pw_hash, 0, by, "user.password", err);
}

int store_user_disable(struct store *s, const char *login, bool disabled, const char *by,
                       struct error *err)
{
	return user_set(
	        s, "UPDATE users SET disabled = ?, cred_epoch = cred_epoch + 1 WHERE login = ?",
	        login, NULL, disabled, by, disabled ? "user.disable" : "user.enable", err);
}

int store_user_role(struct store *s, const char *login, const char *role, const char *unit_code,
                    const char *agency, const char *by, struct problems *ps)
{
	size_t before = ps->n;
	char norm[AUTH_LOGIN_MAX + 1];
	if (auth_login_normalize(login, norm)) {
		problems_add(ps, "E_UNKNOWN_USER", 0, "Không có tài khoản này");
		return -1;
	}
	struct user_rec u = {0,    norm,  NULL, (char *)role, (char *)unit_code, (char *)agency,
	                     NULL, false, 0};
	int64_t unit = 0;
	check_role(s, &u, &unit, ps);
	if (ps->n > before)
		return -1;
	struct error err = {0};
	struct stmt *st = st_prep(s,
	                          "UPDATE users SET role = ?, unit_id = ?, agency = ?,"
	                          " cred_epoch = cred_epoch + 1 WHERE login = ?",
	                          &err);
	int rc = st ? 0 : -1;
	int64_t changed = 0;
	if (st) {
		D->bind_text(st, 1, role);
		unit ? D->bind_int(st, 2, unit) : D->bind_null(st, 2);
		D->bind_text(st, 3, agency && *agency ? agency : NULL);
		D->bind_text(st, 4, norm);
		rc = D->step(st, &err) < 0 ? -1 : 0;
		changed = rc ? 0 : D->changes(st);
		st_done(s, st);
	}
	if (!rc && !changed) {
		problems_add(ps, "E_UNKNOWN_USER", 0, "Không có tài khoản này");
		return -1;
	}
	if (rc || revoke_all(s, norm, &err)) {
		problems_add(ps, err_name(err.code), 0, "%s", err.msg);
		err_clear(&err);
		return -1;
	}
	char *detail = xasprintf("%s: %s %s %s", norm, role, unit_code ? unit_code : "-",
	                         agency ? agency : "");
	st_audit(s, by, "user.role", "user", 0, detail);
	free(detail);
	return 0;
}

/* A scope is "read", "write" or "write:" and unit codes split by commas. */
static bool scope_ok(const char *scope)
{
	if (!strcmp(scope, "read") || !strcmp(scope, "write"))
		return true;
	if (strncmp(scope, "write:", 6) || !scope[6] || strlen(scope) > 1000)
		return false;
	for (const char *p = scope + 6; *p; p++)
		if ((unsigned char)*p <= ' ' || (*p == ',' && (p[1] == ',' || !p[1])))
			return false;
	return scope[6] != ',';
}

int store_token_add(struct store *s, const char *login, const char *token_hash, const char *label,
                    int days, const char *scope, const char *by, int64_t *id, struct error *err)
{
	if (days < 1 || days > 3650 || !scope || !scope_ok(scope))
		return 2;
	struct user_rec u = {0};
	int found = store_user_get(s, login, &u, err);
	if (found)
		return found;
	char at[32], until[32];
	st_now(at);
	time_t later = time(NULL) + (time_t)days * 86400;
	struct tm tm;
	gmtime_r(&later, &tm);
	strftime(until, sizeof until, "%Y-%m-%dT%H:%M:%SZ", &tm);
	struct stmt *st = st_prep(s,
	                          "INSERT INTO api_tokens (user_id, token_hash, label, created_at, "
	                          "revoked, expires_at, scope) VALUES (?,?,?,?,0,?,?)",
	                          err);
	int rc = -1;
	if (st) {
		D->bind_int(st, 1, u.id);
		D->bind_text(st, 2, token_hash);
		D->bind_text(st, 3, label);
		D->bind_text(st, 4, at);
		D->bind_text(st, 5, until);
		D->bind_text(st, 6, scope);
		rc = D->step(st, err) < 0 ? -1 : 0;
		st_done(s, st);
	}
	if (!rc) {
		st = st_prep(s, "SELECT id FROM api_tokens WHERE token_hash = ?", err);
		rc = st ? 0 : -1;
		if (st) {
			D->bind_text(st, 1, token_hash);
			rc = D->step(st, err) == 1 ? 0 : -1;
			if (!rc && id)
				*id = D->col_int(st, 0);
			st_done(s, st);
		}
	}
	if (!rc) {
		char *detail = xasprintf("%s (%s, %d ngày)", label, scope, days);
		st_audit(s, by, "token.add", "user", u.id, detail);
		free(detail);
	}
	user_rec_free(&u);
	return rc;
}

int store_token_user_until(struct store *s, const char *token_hash, struct user_rec *out,
                           char **scope, char expires[32], struct error *err)
{
	char now[32];
	st_now(now);
	struct stmt *st =
	        st_prep(s,
	                "SELECT u.id, u.login, u.name, u.role, n.code, u.agency, u.pw_hash,"
	                " u.disabled, u.cred_epoch, t.scope, t.expires_at FROM users u"
	                " LEFT JOIN units n ON n.id = u.unit_id"
	                " JOIN api_tokens t ON t.user_id = u.id"
	                " WHERE t.token_hash = ? AND t.revoked = 0 AND t.expires_at > ?",
	                err);
	if (!st)
		return -1;
	D->bind_text(st, 1, token_hash);
	D->bind_text(st, 2, now);
	int rc = D->step(st, err);
	if (rc == 1) {
		read_user(s, st, out);
		if (scope)
			*scope = xstrdup(D->col_text(st, 9));
		if (expires)
			snprintf(expires, 32, "%s", D->col_text(st, 10));
	}
	st_done(s, st);
	return rc < 0 ? -1 : rc == 1 ? 0 : 1;
}

int store_token_user(struct store *s, const char *token_hash, struct user_rec *out, char **scope,
                     struct error *err)
{
	return store_token_user_until(s, token_hash, out, scope, NULL, err);
}

void token_rec_free(struct token_rec *t)
{
	free(t->login);
	free(t->label);
	free(t->created_at);
	free(t->expires_at);
	free(t->scope);
	memset(t, 0, sizeof *t);
}

static void read_token(struct store *s, struct stmt *st, void *row)
{
	struct token_rec *t = row;
	t->id = D->col_int(st, 0);
	t->login = xstrdup(D->col_text(st, 1));
	t->label = xstrdup(D->col_text(st, 2));
	t->created_at = xstrdup(D->col_text(st, 3));
	t->expires_at = st_dup(D->col_text(st, 4));
	t->scope = xstrdup(D->col_text(st, 5));
	t->revoked = D->col_int(st, 6) != 0;
}

int store_token_list(struct store *s, const char *login, struct token_rec **out, size_t *n,
                     struct error *err)
{
	char norm[AUTH_LOGIN_MAX + 1] = "";
	if (login && auth_login_normalize(login, norm)) {
		*out = NULL;
		*n = 0;
		return 0;
	}
	struct stmt *st =
	        st_prep(s,
	                "SELECT t.id, u.login, t.label, t.created_at, t.expires_at,"
	                " t.scope, t.revoked FROM api_tokens t JOIN users u"
	                " ON u.id = t.user_id WHERE CAST(? AS TEXT) IS NULL OR u.login = ?"
	                " ORDER BY t.id DESC",
	                err);
	if (st) {
		D->bind_text(st, 1, login ? norm : NULL);
		D->bind_text(st, 2, login ? norm : NULL);
	}
	return st_collect(s, st, (void **)out, n, sizeof **out, read_token, err);
}

int store_token_revoke(struct store *s, int64_t id, const char *owner, const char *by,
                       struct error *err)
{
	char norm[AUTH_LOGIN_MAX + 1] = "";
	if (owner && auth_login_normalize(owner, norm))
		return 1;
	struct stmt *st = st_prep(s,
	                          "UPDATE api_tokens SET revoked = 1 WHERE id = ? AND revoked = 0"
	                          " AND (CAST(? AS TEXT) IS NULL OR user_id ="
	                          " (SELECT id FROM users WHERE login = ?))",
	                          err);
	if (!st)
		return -1;
	D->bind_int(st, 1, id);
	D->bind_text(st, 2, owner ? norm : NULL);
	D->bind_text(st, 3, owner ? norm : NULL);
	int rc = D->step(st, err);
	int64_t changed = rc < 0 ? 0 : D->changes(st);
	st_done(s, st);
	if (rc < 0)
		return -1;
	if (!changed)
		return 1;
	char detail[32];
	snprintf(detail, sizeof detail, "%lld", (long long)id);
	st_audit(s, by, "token.revoke", "token", id, detail);
	return 0;
}

int64_t st_mark_known(struct store *s)
{
	/* The probe first, then the query: a commit between the two is seen
	 * by the next call. */
	bool changed = !D->changed || D->changed(s->db, &s->probe);
	if (!changed && s->mark_known)
		return s->mark;
	if (changed && s->mark_known && s->probe.exact) { /* the ids came with the news */
		if (s->probe.top > s->mark)
			s->mark = s->probe.top;
		return s->mark;
	}
	return -1;
}

int64_t store_change_mark(struct store *s, struct error *err)
{
	int64_t known = st_mark_known(s);
	if (known >= 0)
		return known;
	struct stmt *st = st_prep(s, "SELECT coalesce(max(id), 0) FROM audit", err);
	if (!st)
		return -1;
	int64_t mark = D->step(st, err) == 1 ? D->col_int(st, 0) : -1;
	st_done(s, st);
	s->mark = mark;
	s->mark_known = mark >= 0;
	return mark;
}

int64_t store_audit_foreign(struct store *s, int64_t after, int64_t upto, const char *actor,
                            struct error *err)
{
	struct stmt *st = st_prep(
	        s, "SELECT count(*) FROM audit WHERE id > ? AND id <= ? AND actor <> ?", err);
	if (!st)
		return -1;
	D->bind_int(st, 1, after);
	D->bind_int(st, 2, upto);
	D->bind_text(st, 3, actor);
	int64_t n = D->step(st, err) == 1 ? D->col_int(st, 0) : -1;
	st_done(s, st);
	return n;
}
