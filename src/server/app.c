/* app.c: every request passes here: its path split, its account found (a
 * session cookie or an API token), the security headers set, then the API
 * or the pages. */
#include "app.h"

#include "agency.h"
#include "multipart.h"
#include "period.h"
#include "token_cache.h"
#include "upload.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void app_init(struct app *a, bool secure)
{
	memset(a, 0, sizeof *a);
	a->sessions = sessions_new();
	a->uploads = uploads_new();
	a->accounts = account_cache_new();
	a->tokens = token_cache_new();
	a->secure = secure;
	pthread_mutex_init(&a->cache_mu, NULL);
	pthread_mutex_init(&a->live_mu, NULL);
	pthread_mutex_init(&a->heavy_mu, NULL);
	pthread_mutex_init(&a->slow_mu, NULL);
	a->heavy_max = 1;
	a->holds = holds_new();
	a->flights = flights_new();
}

void app_free(struct app *a)
{
	uploads_free(a->uploads);
	sessions_free(a->sessions);
	account_cache_free(a->accounts);
	token_cache_free(a->tokens);
	for (int i = 0; i < (int)(sizeof a->cache / sizeof a->cache[0]); i++) {
		free(a->cache[i].key);
		free(a->cache[i].body);
	}
	pthread_mutex_destroy(&a->cache_mu);
	app_lives_free(a);
	holds_free(a->holds);
	flights_free(a->flights);
	pthread_mutex_destroy(&a->live_mu);
	pthread_mutex_destroy(&a->heavy_mu);
	pthread_mutex_destroy(&a->slow_mu);
}

/* The account's slot (one with n == 0 is free), or NULL. */
static struct heavy_slot *heavy_slot(struct app *a, const char *login)
{
	struct heavy_slot *free_slot = NULL;
	for (int i = 0; i < APP_HEAVY_MAX; i++) {
		if (a->heavy[i].n && !strcmp(a->heavy[i].login, login))
			return &a->heavy[i];
		if (!a->heavy[i].n && !free_slot)
			free_slot = &a->heavy[i];
	}
	return free_slot;
}

bool app_heavy_begin(struct ctx *c)
{
	struct app *a = c->app;
	const char *login = c->signed_in ? c->user.login : "";
	pthread_mutex_lock(&a->heavy_mu);
	int max = a->heavy_max < 1               ? 1
	          : a->heavy_max > APP_HEAVY_MAX ? APP_HEAVY_MAX
	                                         : a->heavy_max;
	struct heavy_slot *h = heavy_slot(a, login);
	bool ok = h && a->heavy_n < max && h->n < APP_HEAVY_PER_ACCOUNT;
	if (ok) {
		if (!h->n)
			snprintf(h->login, sizeof h->login, "%s", login);
		h->n++;
		a->heavy_n++;
	}
	pthread_mutex_unlock(&a->heavy_mu);
	if (!ok) {
		c->rs->status = 429;
		c->rs->ctype = "text/plain; charset=utf-8";
		buf_reset(&c->rs->body);
		buf_printf(&c->rs->body,
		           "Máy chủ đang lập nhiều báo cáo (mỗi tài khoản tối đa %d cùng lúc); "
		           "xin thử lại sau %d giây.",
		           APP_HEAVY_PER_ACCOUNT, APP_HEAVY_RETRY);
		http_header(c->rs, "Retry-After: %d", APP_HEAVY_RETRY);
	}
	return ok;
}

void app_heavy_end(struct ctx *c)
{
	struct app *a = c->app;
	const char *login = c->signed_in ? c->user.login : "";
	pthread_mutex_lock(&a->heavy_mu);
	struct heavy_slot *h = heavy_slot(a, login);
	if (h && h->n && !strcmp(h->login, login)) {
		h->n--;
		a->heavy_n--;
	}
	pthread_mutex_unlock(&a->heavy_mu);
}

char *ctx_query(const struct ctx *c, const char *key)
{
	return http_param(c->rq->query, strlen(c->rq->query), key);
}

char *ctx_form(const struct ctx *c, const char *key)
{
	const char *ct = c->rq->content_type;
	if (!ct || strncasecmp(ct, "multipart/form-data", 19))
		return http_param(c->rq->body, c->rq->body_len, key);
	/* A form with a file: its short fields (not the files) */
	struct multipart m;
	struct error err = {0};
	char *v = NULL;
	if (!multipart_parse(ct, c->rq->body, c->rq->body_len, NULL, &m, &err)) {
		const struct multipart_part *p = multipart_find(&m, key);
		if (p && !p->filename && p->len <= 4096 && !memchr(p->data, 0, p->len))
			v = xstrndup(p->data, p->len);
		multipart_free(&m);
	}
	err_clear(&err);
	return v;
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

static bool walk_up(struct ctx *c, const char *unit);

/* unit is the account's unit or below it (remembered while nothing changes). */
static bool in_scope(struct ctx *c, const char *unit)
{
	if (!c->user.unit_code || !unit)
		return false;
	char *key = xasprintf("scope:%s:%s", c->user.unit_code, unit), *got = memo_get(c, key);
	bool found = got ? got[0] == '1' : walk_up(c, unit);
	if (!got)
		memo_put(c, key, found ? "1" : "0");
	free(got);
	free(key);
	return found;
}

static bool walk_up(struct ctx *c, const char *unit)
{
	char *code = xstrdup(unit);
	struct error err = {0};
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
	err_clear(&err);
	return found;
}

/* A token's scope allows a write to unit: "write", or "write:" with the
 * unit among its codes. */
static bool scope_writes(const char *scope, const char *unit)
{
	if (!scope || !strcmp(scope, "write"))
		return true;
	if (strncmp(scope, "write:", 6) || !unit)
		return false;
	size_t n = strlen(unit);
	for (const char *p = scope + 6; *p;) {
		const char *end = strchr(p, ',');
		size_t k = end ? (size_t)(end - p) : strlen(p);
		if (k == n && !strncmp(p, unit, n))
			return true;
		p += k + (end ? 1 : 0);
	}
	return false;
}

bool ctx_may(struct ctx *c, enum right r, const char *unit)
{
	if (!c->signed_in)
		return false;
	if (c->by_token && r != RIGHT_READ && !scope_writes(c->token_scope, unit))
		return false; /* a read-only token, or a unit it may not write */
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
	return ctx_leads_agency(c, x->lead);
}

bool ctx_leads_task(struct ctx *c, int64_t unit_id, const char *task)
{
	if (strcmp(c->user.role, "reporter"))
		return true;
	struct task_row *t;
	size_t n;
	struct error err = {0};
	bool leads = true; /* an unknown task: the store says so */
	if (!task || store_task_list(c->s, unit_id, NULL, &t, &n, &err)) {
		err_clear(&err);
		return !task ? true : false;
	}
	for (size_t i = 0; i < n; i++) {
		if (!strcmp(t[i].code, task))
			leads = ctx_leads_agency(c, t[i].lead);
		task_row_free(&t[i]);
	}
	free(t);
	return leads;
}

bool ctx_leads_agency(const struct ctx *c, const char *lead)
{
	if (strcmp(c->user.role, "reporter"))
		return true;
	if (!lead || !c->user.agency)
		return false;
	char **names;
	size_t n = agency_split(lead, &names);
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

/* The HTTP edge of the one table (error.h). Names not there (a DHIS2
 * problem code) are the request's fault: 400. */
int app_code_status(const char *code)
{
	enum err_code e = err_from_name(code);
	return e == ERR_NONE ? 400 : err_http_status(e);
}

int app_code_status_for(const char *code, const char *url_code)
{
	int status = app_code_status(code);
	if (status == 404 && (!url_code || !code || strcmp(code, url_code)))
		return 400; /* named in the body, not the URL: the request's fault */
	return status;
}

static void retry_after(struct ctx *c, enum err_code code)
{
	int seconds = err_retry_after(code);
	if (!seconds)
		return;
	for (int i = 0; i < c->rs->nheaders; i++)
		if (!strncmp(c->rs->headers[i], "Retry-After:", 12))
			return;
	http_header(c->rs, "Retry-After: %d", seconds);
}

/* An error without a code is the database's; one the database's passing
 * state caused (store_fault) is that failure. */
enum err_code app_err_code(const struct error *err)
{
	enum err_code code = err && err->code != ERR_NONE ? err->code : ERR_DB;
	if (code == ERR_DB && store_fault() != ERR_NONE)
		code = store_fault();
	return code;
}

int app_error_status(const struct error *err)
{
	return err_http_status(app_err_code(err));
}

void reply_store_error(struct ctx *c, const struct error *err)
{
	enum err_code code = app_err_code(err);
	const char *msg = err_public(code);
	if (!msg)
		msg = err && err->msg ? err->msg : "lỗi cơ sở dữ liệu";
	retry_after(c, code);
	reply_error(c, err_http_status(code), err_name(code), msg);
}

/* The request met a passing failure of the database (store_fault): whatever
 * error it was answered with (a failed read taken for "not found", "not
 * signed in", a database error) is that failure: 503, try again later. */
static void reply_fault(struct ctx *c, bool api)
{
	enum err_code fault = store_fault();
	if (fault == ERR_NONE || c->rs->status < 400)
		return;
	retry_after(c, fault);
	if (api) {
		reply_error(c, err_http_status(fault), err_name(fault), err_public(fault));
	} else if (c->rs->status != err_http_status(fault)) {
		c->rs->status = err_http_status(fault);
		c->rs->ctype = "text/plain; charset=utf-8";
		buf_reset(&c->rs->body);
		buf_puts(&c->rs->body, err_public(fault));
	}
}

/* The entry for key still valid at mark (or, newer: made at mark or
 * after it): its bytes appended to out (and its ctype in *ctype). */
static bool entry_get(struct app *a, const char *key, int64_t mark, bool newer, struct buf *out,
                      const char **ctype)
{
	bool hit = false;
	pthread_mutex_lock(&a->cache_mu);
	for (int i = 0; i < APP_CACHE && !hit; i++)
		if (a->cache[i].key &&
		    (newer ? a->cache[i].mark >= mark : a->cache[i].mark == mark) &&
		    !strcmp(a->cache[i].key, key)) {
			buf_put(out, a->cache[i].body, a->cache[i].len);
			if (ctype)
				*ctype = a->cache[i].ctype;
			hit = true;
		}
	pthread_mutex_unlock(&a->cache_mu);
	return hit;
}

static void entry_put(struct app *a, const char *key, int64_t mark, const char *data, size_t len,
                      const char *ctype)
{
	if (mark < 0 || !key)
		return;
	pthread_mutex_lock(&a->cache_mu);
	int at = -1;
	for (int i = 0; i < APP_CACHE && at < 0; i++)
		if (a->cache[i].key && !strcmp(a->cache[i].key, key))
			at = i;
	if (at < 0) {
		at = a->cache_next;
		a->cache_next = (a->cache_next + 1) % APP_CACHE;
	}
	struct cached_answer *e = &a->cache[at];
	free(e->key);
	free(e->body);
	e->key = xstrdup(key);
	e->len = len;
	e->body = xmalloc(len + 1);
	memcpy(e->body, data, len);
	e->body[len] = 0;
	e->ctype = ctype;
	e->mark = mark;
	pthread_mutex_unlock(&a->cache_mu);
}

bool cache_get(struct ctx *c, const char *key, int64_t mark)
{
	if (!entry_get(c->app, key, mark, false, &c->rs->body, &c->rs->ctype))
		return false;
	c->rs->status = 200;
	return true;
}

bool cache_get_newer(struct ctx *c, const char *key, int64_t mark)
{
	if (!entry_get(c->app, key, mark, true, &c->rs->body, &c->rs->ctype))
		return false;
	c->rs->status = 200;
	return true;
}

void cache_put(struct ctx *c, const char *key, int64_t mark, size_t from)
{
	if (c->rs->status == 200 && from <= c->rs->body.len)
		entry_put(c->app, key, mark, buf_str(&c->rs->body) + from, c->rs->body.len - from,
		          c->rs->ctype);
}

char *memo_get(struct ctx *c, const char *key)
{
	struct buf b = {0};
	if (!entry_get(c->app, key, c->mark, false, &b, NULL))
		return NULL;
	return buf_detach(&b);
}

void memo_put(struct ctx *c, const char *key, const char *value)
{
	entry_put(c->app, key, c->mark, value, strlen(value), NULL);
}

bool cache_lookup(struct ctx *c, const char *prefix, char **key, int64_t *mark)
{
	*mark = c->mark;
	*key = xasprintf("%s%s?%s", prefix, c->rq->path, c->rq->query);
	bool hit = cache_get(c, *key, *mark);
	if (!hit && !c->fast)
		return false;
	c->deferred = !hit;
	free(*key);
	*key = NULL;
	return true;
}

bool cache_lookup_unit(struct ctx *c, const char *prefix, const char *unit, char **key,
                       int64_t *mark)
{
	*mark = app_unit_token(c, unit);
	*key = xasprintf("%s%s?%s", prefix, c->rq->path, c->rq->query);
	bool hit = cache_get(c, *key, *mark);
	if (!hit && !c->fast)
		return false;
	c->deferred = !hit;
	free(*key);
	*key = NULL;
	return true;
}

/* The account of a login, through the typed account cache. 0 found, else
 * not. */
static int user_of(struct ctx *c, const char *login, struct user_rec *u)
{
	if (account_cache_get(c->app->accounts, login, c->mark, u))
		return 0;
	struct error err = {0};
	int rc = store_user_get(c->s, login, u, &err);
	if (rc == 0)
		account_cache_put(c->app->accounts, c->mark, u);
	err_clear(&err);
	return rc;
}

/* The account behind the request: a session cookie, or "Authorization:
 * Bearer TOKEN" for machine clients (the scheme in any case, RFC 9110). A
 * disabled account is nobody; a session of an older credential generation
 * (a password changed, the account disabled, by any process: the change
 * mark moved and the account is read again) ends. */
static void identify(struct ctx *c)
{
	struct error err = {0};
	const char *auth = c->rq->authorization;
	if (auth && !strncasecmp(auth, "Bearer ", 7)) {
		const char *tok = auth + 7;
		while (*tok == ' ')
			tok++;
		char hash[AUTH_TOKEN];
		auth_token_hash(tok, hash);
		/* Kept at the epoch, which a revoked token moves (token_cache.c). */
		char now[32], expires[32] = "", *login = NULL;
		struct tm tm;
		gmtime_r(&c->now, &tm);
		strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &tm);
		if (token_cache_get(c->app->tokens, hash, c->mark, now, &login, &c->token_scope)) {
			c->by_token = user_of(c, login, &c->user) == 0;
			free(login);
		} else {
			c->by_token = store_token_user_until(c->s, hash, &c->user, &c->token_scope,
			                                     expires, &err) == 0;
			if (c->by_token)
				token_cache_put(c->app->tokens, hash, c->mark, c->user.login,
				                c->token_scope, expires);
		}
		c->signed_in = c->by_token;
	} else {
		char *sid = http_cookie(c->rq->cookie, "chitieu_session");
		if (sid && session_find(c->app->sessions, sid, c->now, &c->sess)) {
			c->signed_in = user_of(c, c->sess.login, &c->user) == 0;
			if (c->signed_in && c->user.epoch != c->sess.epoch) {
				session_drop(c->app->sessions, c->sess.id);
				c->signed_in = false;
				user_rec_free(&c->user);
			}
		}
		free(sid);
	}
	if (c->signed_in && c->user.disabled) {
		c->signed_in = c->by_token = false;
		user_rec_free(&c->user);
	}
	err_clear(&err);
}

void app_handle(struct app *a, struct store *s, const struct http_req *rq, struct http_resp *rs,
                bool fast)
{
	struct ctx c = {.app = a, .s = s, .rq = rq, .rs = rs, .now = time(NULL), .fast = fast};
	store_fault_clear();
	long q0 = store_queries(s), c0 = store_commits(s), r0 = store_obs_lists(s);
	int64_t gm = app_group_mark();                      /* in a group: its mark, no query */
	c.mark = gm >= 0 ? gm : store_change_mark(s, NULL); /* before anything is read */
	/* A connection lost since the last request (PostgreSQL restarted):
	 * opened again, and this first read, which changed nothing, tried once
	 * more. */
	if (c.mark < 0 && store_reconnect(s, NULL) > 0) {
		store_fault_clear();
		c.mark = store_change_mark(s, NULL);
	}
	rs->status = 200;
	rs->ctype = "text/html; charset=utf-8";
	c.nseg = http_segments(rq->path, c.seg, APP_MAX_SEGMENTS);
	bool api = c.nseg > 0 && !strcmp(c.seg[0], "api");
	if (c.nseg < 0) {
		c.nseg = 0;
		reply_error(&c, 404, "E_NOT_FOUND", "Đường dẫn không hợp lệ");
	} else if (c.mark < 0 && store_fault()) { /* the database is away: 503 at once */
		rs->status = 500;
		reply_fault(&c, api);
	} else {
		/* From here the mark is the epoch: what is kept (facts, accounts,
		 * answers) moves only when the store changed other than by a
		 * figure recorded here (holds.c). */
		c.mark = holds_sync(a->holds, c.mark);
		identify(&c);
		bool writes = !fast && strcmp(rq->method, "GET") && strcmp(rq->method, "HEAD");
		if (writes)
			app_write_begin(&c);
		if (api)
			api_route(&c);
		else
			pages_route(&c);
		if (writes)
			app_write_end(&c);
	}
	if (!c.deferred)
		reply_fault(&c, api);
	if (c.deferred) {
		rs->status = 0;
		buf_reset(&rs->body);
		for (int i = 0; i < rs->nheaders; i++)
			free(rs->headers[i]);
		rs->nheaders = 0;
	}
	for (int i = 0; i < c.nseg; i++)
		free(c.seg[i]);
	if (c.signed_in)
		user_rec_free(&c.user);
	free(c.token_scope);
	__atomic_add_fetch(&a->requests, 1, __ATOMIC_RELAXED);
	__atomic_add_fetch(&a->request_queries, store_queries(s) - q0, __ATOMIC_RELAXED);
	if (!fast && strcmp(rq->method, "GET") && strcmp(rq->method, "HEAD")) {
		__atomic_add_fetch(&a->writes, 1, __ATOMIC_RELAXED);
		__atomic_add_fetch(&a->write_queries, store_queries(s) - q0, __ATOMIC_RELAXED);
		__atomic_add_fetch(&a->write_commits, store_commits(s) - c0, __ATOMIC_RELAXED);
		__atomic_add_fetch(&a->write_figure_reads, store_obs_lists(s) - r0,
		                   __ATOMIC_RELAXED);
	}
}
