/* app.c: every request passes here: its path split, its account found (a
 * session cookie or an API token), the security headers set, then the API
 * or the pages. */
#include "app.h"

#include "agency.h"
#include "period.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void app_init(struct app *a, bool secure)
{
	memset(a, 0, sizeof *a);
	a->sessions = sessions_new();
	a->secure = secure;
	pthread_mutex_init(&a->cache_mu, NULL);
}

void app_free(struct app *a)
{
	sessions_free(a->sessions);
	for (int i = 0; i < (int)(sizeof a->cache / sizeof a->cache[0]); i++) {
		free(a->cache[i].key);
		free(a->cache[i].body);
	}
	pthread_mutex_destroy(&a->cache_mu);
}

char *ctx_query(const struct ctx *c, const char *key)
{
	return http_param(c->rq->query, strlen(c->rq->query), key);
}

char *ctx_form(const struct ctx *c, const char *key)
{
	return http_param(c->rq->body, c->rq->body_len, key);
}

bool ctx_csrf_ok(const struct ctx *c)
{
	if (c->by_token)
		return true;
	if (!c->signed_in)
		return false;
	char *sent = c->rq->csrf ? xstrdup(c->rq->csrf) : ctx_form(c, "csrf");
	bool ok = sent && auth_equal(sent, c->sess.csrf);
	free(sent);
	return ok;
}

/* unit is the account's unit or below it. */
static bool in_scope(struct ctx *c, const char *unit)
{
	if (!c->user.unit_code || !unit)
		return false;
	char *code = xstrdup(unit), *err = NULL;
	bool found = false;
	for (int depth = 0; code && depth < 8 && !found; depth++) {
		found = !strcmp(code, c->user.unit_code);
		struct unit_rec u = {0};
		int rc = found ? 1 : store_unit_get(c->s, code, &u, &err);
		free(code);
		code = rc == 0 && u.parent_code ? xstrdup(u.parent_code) : NULL;
		unit_rec_free(&u);
	}
	free(code);
	free(err);
	return found;
}

bool ctx_may(struct ctx *c, enum right r, const char *unit)
{
	if (!c->signed_in)
		return false;
	const char *role = c->user.role;
	if (!strcmp(role, "admin"))
		return true;
	switch (r) {
	case RIGHT_READ:
		return in_scope(c, unit);
	case RIGHT_RECORD:
		return (!strcmp(role, "office") && in_scope(c, unit)) ||
		       (!strcmp(role, "reporter") && unit && c->user.unit_code &&
		        !strcmp(unit, c->user.unit_code));
	case RIGHT_APPROVE:
		return !strcmp(role, "office") && in_scope(c, unit);
	case RIGHT_ADMIN:
		return false;
	}
	return false;
}

bool ctx_leads(const struct ctx *c, const struct indicator *x)
{
	if (strcmp(c->user.role, "reporter"))
		return true;
	if (!x->lead || !c->user.agency)
		return false;
	char **names;
	size_t n = agency_split(x->lead, &names);
	bool leads = false;
	for (size_t i = 0; i < n; i++) {
		leads |= agency_likeness(names[i], c->user.agency) >= AGENCY_SAME;
		free(names[i]);
	}
	free(names);
	return leads;
}

bool ctx_period(struct ctx *c, int *as_of, enum period_kind *grain, char name[32], bool json)
{
	char *p = ctx_query(c, "period");
	if (!p || !*p) {
		struct tm tm;
		localtime_r(&c->now, &tm);
		strftime(name, 32, "%Y-%m", &tm);
	} else {
		snprintf(name, 32, "%s", p);
	}
	free(p);
	const char *why;
	if (!period_end(name, as_of, grain, &why))
		return true;
	char *msg = xasprintf("Kỳ \"%s\" không hợp lệ: %s", name, why);
	if (json) {
		reply_error(c, 400, "E_PERIOD", msg);
	} else {
		c->rs->status = 400;
		c->rs->ctype = "text/plain; charset=utf-8";
		buf_puts(&c->rs->body, msg);
	}
	free(msg);
	return false;
}

void reply_json(struct ctx *c, int status, json_t *body)
{
	if (!body) { /* a json_pack that failed: a bug, not the client's fault */
		status = 500;
		body = json_pack("{s{ssss}}", "error", "code", "E_INTERNAL", "message",
		                 "Lỗi trong chương trình");
	}
	char *text = json_dumps(body, JSON_COMPACT);
	json_decref(body);
	c->rs->status = status;
	c->rs->ctype = "application/json";
	buf_reset(&c->rs->body);
	buf_puts(&c->rs->body, text);
	free(text);
}

void reply_error(struct ctx *c, int status, const char *code, const char *message)
{
	reply_json(c, status, json_pack("{s{ssss}}", "error", "code", code, "message", message));
}

void reply_store_error(struct ctx *c, const char *err)
{
	char code[40] = "E_DB";
	const char *msg = err ? err : "lỗi cơ sở dữ liệu";
	if (err && err[0] == '[') {
		const char *end = strchr(err, ']');
		if (end && end - err < (long)sizeof code) {
			snprintf(code, sizeof code, "%.*s", (int)(end - err - 1), err + 1);
			msg = end[1] == ' ' ? end + 2 : end + 1;
		}
	}
	int status = !strcmp(code, "E_UNKNOWN_UNIT") || !strcmp(code, "E_NO_PLAN") ||
	                             !strcmp(code, "E_NOT_FOUND")
	                     ? 404
	             : !strcmp(code, "E_DB") ? 500
	                                     : 400;
	reply_error(c, status, code, msg);
}

bool cache_get(struct ctx *c, const char *key, int64_t mark)
{
	struct app *a = c->app;
	bool hit = false;
	pthread_mutex_lock(&a->cache_mu);
	for (int i = 0; i < (int)(sizeof a->cache / sizeof a->cache[0]) && !hit; i++)
		if (a->cache[i].key && a->cache[i].mark == mark && !strcmp(a->cache[i].key, key)) {
			buf_reset(&c->rs->body);
			buf_put(&c->rs->body, a->cache[i].body, a->cache[i].len);
			c->rs->ctype = a->cache[i].ctype;
			c->rs->status = 200;
			hit = true;
		}
	pthread_mutex_unlock(&a->cache_mu);
	return hit;
}

void cache_put(struct ctx *c, const char *key, int64_t mark)
{
	struct app *a = c->app;
	if (c->rs->status != 200 || mark < 0)
		return;
	pthread_mutex_lock(&a->cache_mu);
	int n = (int)(sizeof a->cache / sizeof a->cache[0]), at = -1;
	for (int i = 0; i < n && at < 0; i++)
		if (a->cache[i].key && !strcmp(a->cache[i].key, key))
			at = i;
	if (at < 0) {
		at = a->cache_next;
		a->cache_next = (a->cache_next + 1) % n;
	}
	struct cached_answer *e = &a->cache[at];
	free(e->key);
	free(e->body);
	e->key = xstrdup(key);
	e->len = c->rs->body.len;
	e->body = xmalloc(e->len + 1);
	memcpy(e->body, buf_str(&c->rs->body), e->len);
	e->ctype = c->rs->ctype;
	e->mark = mark;
	pthread_mutex_unlock(&a->cache_mu);
}

/* The account behind the request: a session cookie, or "Authorization:
 * Bearer TOKEN" for machine clients. A disabled account is nobody. */
static void identify(struct ctx *c)
{
	char *err = NULL;
	const char *auth = c->rq->authorization;
	if (auth && !strncmp(auth, "Bearer ", 7)) {
		char hash[AUTH_TOKEN];
		auth_token_hash(auth + 7, hash);
		c->by_token = store_token_user(c->s, hash, &c->user, &err) == 0;
		c->signed_in = c->by_token;
	} else {
		char *sid = http_cookie(c->rq->cookie, "chitieu_session");
		if (sid && session_find(c->app->sessions, sid, c->now, &c->sess))
			c->signed_in = store_user_get(c->s, c->sess.login, &c->user, &err) == 0;
		free(sid);
	}
	if (c->signed_in && c->user.disabled) {
		c->signed_in = c->by_token = false;
		user_rec_free(&c->user);
	}
	free(err);
}

void app_handle(struct app *a, struct store *s, const struct http_req *rq, struct http_resp *rs)
{
	struct ctx c = {.app = a, .s = s, .rq = rq, .rs = rs, .now = time(NULL)};
	rs->status = 200;
	rs->ctype = "text/html; charset=utf-8";
	c.nseg = http_segments(rq->path, c.seg, APP_MAX_SEGMENTS);
	bool api = c.nseg > 0 && !strcmp(c.seg[0], "api");
	if (c.nseg < 0) {
		c.nseg = 0;
		reply_error(&c, 404, "E_NOT_FOUND", "Đường dẫn không hợp lệ");
	} else {
		identify(&c);
		if (api)
			api_route(&c);
		else
			pages_route(&c);
	}
	for (int i = 0; i < c.nseg; i++)
		free(c.seg[i]);
	if (c.signed_in)
		user_rec_free(&c.user);
}
