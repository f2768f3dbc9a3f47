/* api.c: the JSON API under /api/v1. One table of routes: the dispatcher
 * and the OpenAPI document are both made from it, so they cannot drift. */
#include "app.h"

#include "api_plans.h"

#include "inbox.h"
#include "period.h"
#include "hold.h"
#include "queue.h"
#include "review.h"
#include "report.h"
#include "settings.h"
#include "rollup.h"
#include "views.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_PARAMS      4
#define API_LOCAL_SHOWN 100 /* a roll-up's unlinked indicators listed (?local=all: all) */

struct args {
	const char *p[MAX_PARAMS]; /* the {params} of the path, in order */
};

struct route {
	const char *method, *path, *summary;
	bool public_;
	void (*fn)(struct ctx *c, const struct args *a);
	bool cacheable; /* may be answered from the cache on a polling thread */
};

static void api_openapi(struct ctx *c, const struct args *a);

/* Routes whose handlers live in other files take the parameters alone. */
#define PARAMS(f)                                                                                  \
	static void f##_(struct ctx *c, const struct args *a)                                      \
	{                                                                                          \
		f(c, a->p);                                                                        \
	}
PARAMS(api_draft_upload)
PARAMS(api_draft_job)
PARAMS(api_draft_get)
PARAMS(api_draft_diff)
PARAMS(api_draft_patch)
PARAMS(api_draft_publish)
PARAMS(api_draft_delete)
PARAMS(api_target_preview)

/* ---- helpers ------------------------------------------------------------- */

static bool json_content(struct ctx *c);

static json_t *body_json(struct ctx *c)
{
	if (!json_content(c))
		return NULL;
	json_error_t e;
	json_t *j = json_loadb(c->rq->body, c->rq->body_len, JSON_REJECT_DUPLICATES, &e);
	if (!j) {
		char *msg = xasprintf("JSON không đọc được (dòng %d, cột %d): %s", e.line, e.column,
		                      e.text);
		reply_error(c, 400, "E_JSON", msg);
		free(msg);
	} else if (!json_is_object(j)) {
		reply_error(c, 400, "E_JSON", "Cần một đối tượng JSON");
		json_decref(j);
		j = NULL;
	}
	return j;
}

static const char *jstr(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	return json_is_string(v) ? json_string_value(v) : NULL;
}

/* A figure in JSON: a number is taken as it is (*n), never written out and
 * read again; a string is text the store reads by the rule of figure.h. */
static const char *jnum(json_t *o, const char *key, struct obs_number *n)
{
	json_t *v = json_object_get(o, key);
	if (json_is_number(v)) {
		*n = (struct obs_number){true, json_number_value(v)};
		return "";
	}
	if (json_is_boolean(v))
		return json_is_true(v) ? "có" : "không";
	return json_is_string(v) ? json_string_value(v) : "";
}

/* 401 when nobody is signed in, 403 when the account may not. */
static bool allowed(struct ctx *c, enum right r, const char *unit)
{
	if (!c->signed_in) {
		reply_error(c, 401, "E_SIGNIN", "Cần đăng nhập");
		return false;
	}
	if (!ctx_may(c, r, unit)) {
		reply_error(c, 403, "E_FORBIDDEN", "Tài khoản này không được làm việc đó");
		return false;
	}
	return true;
}

static bool csrf(struct ctx *c)
{
	if (ctx_csrf_ok(c))
		return true;
	reply_error(c, 403, "E_CSRF", "Thiếu hoặc sai mã chống giả mạo (X-CSRF-Token)");
	return false;
}

static json_t *problems_json(const struct problems *ps)
{
	json_t *a = json_array();
	for (size_t i = 0; i < ps->n; i++) {
		json_t *o = json_pack("{ssss}", "code", ps->v[i].code, "message", ps->v[i].message);
		if (ps->v[i].line)
			json_object_set_new(o, "item", json_integer(ps->v[i].line));
		json_array_append_new(a, o);
	}
	return a;
}

static void reply_problems(struct ctx *c, int status, const struct problems *ps)
{
	json_t *e = json_pack("{s{ssssso}}", "error", "code", ps->v[0].code, "message",
	                      ps->v[0].message, "problems", problems_json(ps));
	reply_json(c, status, e);
}

/* page and per_page (1..500, 50 by default) of n items. */
static void paging(struct ctx *c, size_t n, size_t *first, size_t *count, json_t *out)
{
	char *p = ctx_query(c, "page"), *pp = ctx_query(c, "per_page");
	long page = p ? strtol(p, NULL, 10) : 1, per = pp ? strtol(pp, NULL, 10) : 50;
	free(p);
	free(pp);
	page = page < 1 ? 1 : page > 1000000 ? 1000000 : page;
	per = per < 1 ? 1 : per > 500 ? 500 : per;
	*first = (size_t)(page - 1) * (size_t)per;
	*count = *first >= n ? 0 : n - *first < (size_t)per ? n - *first : (size_t)per;
	json_object_set_new(out, "page", json_integer(page));
	json_object_set_new(out, "per_page", json_integer(per));
	json_object_set_new(out, "total", json_integer((json_int_t)n));
}

/* All the items, answered a page at a time. */
static void reply_list(struct ctx *c, json_t *all)
{
	json_t *out = json_object(), *items = json_array();
	size_t first, count;
	paging(c, json_array_size(all), &first, &count, out);
	for (size_t i = first; i < first + count; i++)
		json_array_append(items, json_array_get(all, i));
	json_decref(all);
	json_object_set_new(out, "items", items);
	reply_json(c, 200, out);
}

/* 401 unless someone is signed in. */
static bool signed_in(struct ctx *c)
{
	if (!c->signed_in)
		reply_error(c, 401, "E_SIGNIN", "Cần đăng nhập");
	return c->signed_in;
}

static json_t *user_json(const struct user_rec *u)
{
	json_t *o = json_pack("{sssssssb}", "login", u->login, "name", u->name, "role", u->role,
	                      "disabled", u->disabled);
	json_object_set_new(o, "unit", u->unit_code ? json_string(u->unit_code) : json_null());
	json_object_set_new(o, "agency", u->agency ? json_string(u->agency) : json_null());
	return o;
}

static json_t *unit_json(const struct unit_rec *u)
{
	json_t *o = json_pack("{ssssss}", "code", u->code, "name", u->name, "kind", u->kind);
	json_object_set_new(o, "parent",
	                    u->parent_code ? json_string(u->parent_code) : json_null());
	if (u->population > 0)
		json_object_set_new(o, "population", json_integer(u->population));
	return o;
}

static json_t *obs_json(const struct obs_rec *o)
{
	json_t *j = json_pack("{sssssssiss}", "indicator", o->code ? o->code : "", "period",
	                      o->period, "status", o->status ? o->status : "draft", "version",
	                      o->version, "recorded_by", o->by ? o->by : "");
	if (o->at)
		json_object_set_new(j, "recorded_at", json_string(o->at));
	if (o->has_value)
		json_object_set_new(j, "value", json_real(o->value));
	if (o->has_ratio) {
		json_object_set_new(j, "num", json_real(o->num));
		json_object_set_new(j, "den", json_real(o->den));
	}
	if (o->has_level && o->level)
		json_object_set_new(j, "level", json_string(o->level));
	if (o->has_yes)
		json_object_set_new(j, "yes", json_boolean(o->yes));
	if (o->note)
		json_object_set_new(j, "note", json_string(o->note));
	if (o->evidence)
		json_object_set_new(j, "evidence", json_string(o->evidence));
	return j;
}

/* ---- session ------------------------------------------------------------- */

bool app_origin_ok(const struct ctx *c)
{
	const char *o = c->rq->origin, *h = c->rq->host;
	if (!o)
		return true; /* not a browser's cross-site request (those carry Origin) */
	if (!h)
		return false;
	const char *rest = !strncmp(o, "http://", 7)    ? o + 7
	                   : !strncmp(o, "https://", 8) ? o + 8
	                                                : NULL;
	return rest && !strcmp(rest, h);
}

int app_sign_in(struct ctx *c, const char *login, const char *password, struct session *sess,
                const char **msg)
{
	const char *addr = c->rq->remote ? c->rq->remote : "";
	if (!login || !password || !*login) {
		*msg = "Cần tên đăng nhập và mật khẩu";
		return 400;
	}
	if (!app_origin_ok(c)) {
		*msg = "Yêu cầu đăng nhập đến từ trang khác; hãy mở trang đăng nhập của hệ thống";
		return 403;
	}
	/* The login as the store keeps it ("Admin" is admin); what is not a
	 * login is an unknown one (the same answer, the same time). */
	char norm[AUTH_LOGIN_MAX + 1];
	bool valid = auth_login_normalize(login, norm) == 0;
	const char *key = valid ? norm : login;
	if (signin_wait(c->app->sessions, key, addr, c->now) > 0) {
		*msg = "Đăng nhập sai quá nhiều lần; tài khoản tạm khóa 15 phút";
		return 429;
	}
	struct user_rec u = {0};
	struct error err = {0};
	int found = valid ? store_user_get(c->s, norm, &u, &err) : 1;
	err_clear(&err);
	if (found < 0) { /* the store failed, not the person: no strike */
		*msg = "Chưa kiểm tra được tài khoản vì cơ sở dữ liệu có lỗi; xin thử lại sau";
		return 503;
	}
	bool ok = false;
	if (found == 0)
		ok = auth_verify_password(u.pw_hash, password) && !u.disabled;
	else
		auth_verify_dummy(password); /* as long as a known login takes */
	int64_t epoch = u.epoch;
	user_rec_free(&u);
	if (!ok) {
		signin_failed(c->app->sessions, key, addr, c->now);
		*msg = "Sai tên đăng nhập hoặc mật khẩu";
		return 401;
	}
	signin_succeeded(c->app->sessions, norm);
	session_create(c->app->sessions, norm, epoch, c->now, sess);
	http_header(c->rs, "Set-Cookie: chitieu_session=%s; Path=/; HttpOnly; SameSite=Lax%s",
	            sess->id, c->app->secure ? "; Secure" : "");
	return 0;
}

/* A JSON body must say so: a form or text/plain (which browsers send
 * cross-site without asking) is refused. */
static bool json_content(struct ctx *c)
{
	const char *t = c->rq->content_type;
	size_t n = strlen("application/json");
	if (t && !strncasecmp(t, "application/json", n) && (!t[n] || t[n] == ';' || t[n] == ' '))
		return true;
	reply_error(c, 415, "E_CONTENT_TYPE", "Cần Content-Type: application/json");
	return false;
}

static void api_signin(struct ctx *c, const struct args *a)
{
	json_t *j = body_json(c);
	if (!j)
		return;
	struct session sess;
	const char *msg;
	int rc = app_sign_in(c, jstr(j, "login"), jstr(j, "password"), &sess, &msg);
	if (rc)
		reply_error(c, rc,
		            rc == 429   ? "E_LOCKED"
		            : rc == 400 ? "E_INPUT"
		            : rc == 403 ? "E_ORIGIN"
		                        : "E_SIGNIN",
		            msg);
	else
		reply_json(c, 200, json_pack("{ssss}", "login", sess.login, "csrf", sess.csrf));
	json_decref(j);
}

static void api_signout(struct ctx *c, const struct args *a)
{
	if (!c->signed_in || c->by_token) {
		reply_error(c, 401, "E_SIGNIN", "Chưa đăng nhập");
		return;
	}
	if (!csrf(c))
		return;
	session_drop(c->app->sessions, c->sess.id);
	http_header(c->rs,
	            "Set-Cookie: chitieu_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
	reply_json(c, 200, json_pack("{sb}", "signed_out", 1));
}

static void api_me(struct ctx *c, const struct args *a)
{
	if (!signed_in(c))
		return;
	json_t *o = user_json(&c->user);
	if (!c->by_token)
		json_object_set_new(o, "csrf", json_string(c->sess.csrf));
	reply_json(c, 200, o);
}

/* ---- units and plans ---------------------------------------------------- */

static void api_units(struct ctx *c, const struct args *a)
{
	struct unit_rec *u;
	size_t n;
	struct error err = {0};
	if (!signed_in(c))
		return;
	if (store_unit_list(c->s, &u, &n, &err)) {
		reply_store_error(c, &err);
		err_clear(&err);
		return;
	}
	json_t *all = json_array();
	for (size_t i = 0; i < n; i++) {
		if (ctx_may(c, RIGHT_READ, u[i].code))
			json_array_append_new(all, unit_json(&u[i]));
		unit_rec_free(&u[i]);
	}
	free(u);
	reply_list(c, all);
}

static bool get_unit(struct ctx *c, const char *code, struct unit_rec *u)
{
	struct error err = {0};
	int rc = store_unit_get(c->s, code, u, &err);
	if (rc) {
		if (rc > 0)
			reply_error(c, 404, "E_UNKNOWN_UNIT", "Không có đơn vị này");
		else
			reply_store_error(c, &err);
	}
	err_clear(&err);
	return rc == 0;
}

/* A read of a unit: signed in, allowed, the unit known; false with the
 * answer written. */
static bool read_of(struct ctx *c, const char *unit, struct unit_rec *u)
{
	return allowed(c, RIGHT_READ, unit) && get_unit(c, unit, u);
}

static void api_unit(struct ctx *c, const struct args *a)
{
	struct unit_rec u = {0};
	if (!read_of(c, a->p[0], &u))
		return;
	reply_json(c, 200, unit_json(&u));
	unit_rec_free(&u);
}

static void api_plan(struct ctx *c, const struct args *a)
{
	struct unit_rec u = {0};
	if (!read_of(c, a->p[0], &u))
		return;
	char *doc = NULL;
	struct error err = {0};
	int rc = store_plan_current(c->s, u.id, &doc, &err);
	if (rc > 0) {
		reply_error(c, 404, "E_NO_PLAN", "Đơn vị chưa có kế hoạch");
	} else if (rc < 0) {
		reply_store_error(c, &err);
	} else {
		c->rs->status = 200;
		c->rs->ctype = "application/json";
		/* Which version this is ({"version": N, "imported_at": T, "plan": ...}):
		 * a client that published a draft sees it is the one in force. */
		struct plan_row *r = NULL;
		size_t n = 0;
		if (doc[0] == '{' && doc[1] != '}' && !store_plan_list(c->s, u.code, &r, &n, &err))
			for (size_t i = 0; i < n; i++)
				if (r[i].current)
					buf_printf(&c->rs->body,
					           "{\"version\":%d,\"imported_at\":\"%s\",",
					           r[i].version,
					           r[i].imported_at ? r[i].imported_at : "");
		buf_puts(&c->rs->body, c->rs->body.len ? doc + 1 : doc);
		for (size_t i = 0; i < n; i++)
			plan_row_free(&r[i]);
		free(r);
	}
	free(doc);
	err_clear(&err);
	unit_rec_free(&u);
}

static json_t *indicator_json(const struct indicator *x)
{
	json_t *o = json_pack("{ssss}", "code", x->code, "name", x->name);
	const char *opt[][2] = {{"group", x->group},
	                        {"unit", x->unit},
	                        {"lead", x->lead},
	                        {"monitor", x->monitor},
	                        {"partners", x->partners}};
	for (size_t k = 0; k < sizeof opt / sizeof opt[0]; k++)
		if (opt[k][1])
			json_object_set_new(o, opt[k][0], json_string(opt[k][1]));
	if (x->has_baseline)
		json_object_set_new(o, "baseline", json_real(x->baseline));
	json_t *t = json_object();
	for (int k = 0; k < x->ntargets; k++) {
		char year[8];
		snprintf(year, sizeof year, "%d", x->targets[k].year);
		json_object_set_new(t, year,
		                    json_pack("{ssss}", "text",
		                              x->targets[k].t.text ? x->targets[k].t.text : "",
		                              "kind", target_kind_name(x->targets[k].t.kind)));
	}
	json_object_set_new(o, "targets", t);
	return o;
}

static void api_indicators(struct ctx *c, const struct args *a)
{
	struct unit_rec u = {0};
	if (!read_of(c, a->p[0], &u))
		return;
	struct plan p;
	struct error err = {0};
	int rc = store_plan_load(c->s, u.id, &p, &err);
	if (rc > 0) {
		reply_error(c, 404, "E_NO_PLAN", "Đơn vị chưa có kế hoạch");
	} else if (rc < 0) {
		reply_store_error(c, &err);
	} else {
		json_t *all = json_array();
		for (size_t i = 0; i < p.nind; i++)
			json_array_append_new(all, indicator_json(&p.ind[i]));
		reply_list(c, all);
		plan_free(&p);
	}
	err_clear(&err);
	unit_rec_free(&u);
}

/* ---- observations --------------------------------------------------------- */

static void api_observations(struct ctx *c, const struct args *a)
{
	struct unit_rec u = {0};
	if (!read_of(c, a->p[0], &u))
		return;
	char *period = ctx_query(c, "period");
	struct error err = {0};
	struct obs_rec *o;
	size_t n;
	if (store_obs_list(c->s, u.id, period && *period ? period : NULL, &o, &n, &err)) {
		reply_store_error(c, &err);
	} else {
		json_t *all = json_array();
		for (size_t i = 0; i < n; i++) {
			json_array_append_new(all, obs_json(&o[i]));
			obs_rec_free(&o[i]);
		}
		free(o);
		reply_list(c, all);
	}
	free(period);
	err_clear(&err);
	unit_rec_free(&u);
}

/* For a reporter: every indicator named leads to their agency; problems
 * for those that do not. */
static bool leads_all(struct ctx *c, int64_t unit_id, const char *const *codes, size_t n,
                      struct problems *ps)
{
	if (strcmp(c->user.role, "reporter"))
		return true;
	struct plan p;
	struct error err = {0};
	if (store_plan_load(c->s, unit_id, &p, &err)) {
		err_clear(&err);
		problems_add(ps, "E_NO_PLAN", 0, "Đơn vị chưa có kế hoạch");
		return false;
	}
	for (size_t i = 0; i < n; i++) {
		const struct indicator *x = plan_find_indicator(&p, codes[i]);
		if (x && !ctx_leads(c, x))
			problems_add(ps, "E_FORBIDDEN", (int)i + 1,
			             "Chỉ tiêu %s không do cơ quan của tài khoản này chủ trì",
			             codes[i]);
	}
	plan_free(&p);
	return ps->n == 0;
}

/* A write to a unit: signed in with the right, the CSRF token, the unit
 * known and the body JSON. The body, or NULL with the answer written (and
 * nothing left to free). */
static json_t *write_to(struct ctx *c, const char *unit, enum right r, struct unit_rec *u)
{
	if (!allowed(c, r, unit) || !csrf(c) || !get_unit(c, unit, u))
		return NULL;
	json_t *j = body_json(c);
	if (!j)
		unit_rec_free(u);
	return j;
}

static void api_record(struct ctx *c, const struct args *a)
{
	struct unit_rec u = {0};
	json_t *j = write_to(c, a->p[0], RIGHT_RECORD, &u);
	if (!j)
		return;
	/* One figure, or {"observations": [...]}: all or nothing. */
	json_t *list = json_object_get(j, "observations");
	size_t n = json_is_array(list) ? json_array_size(list) : 1;
	if (n == 0 || n > 10000) {
		reply_error(c, 400, "E_INPUT", "Cần từ 1 đến 10.000 số liệu");
		json_decref(j);
		unit_rec_free(&u);
		return;
	}
	struct obs_input *in = xcalloc(n, sizeof *in);
	const char **codes = xcalloc(n, sizeof *codes);
	for (size_t i = 0; i < n; i++) {
		json_t *o = json_is_array(list) ? json_array_get(list, i) : j;
		codes[i] = jstr(o, "indicator");
		struct obs_number nv = {0}, nn = {0}, nd = {0};
		const char *value = jnum(o, "value", &nv), *num = jnum(o, "num", &nn),
		           *den = jnum(o, "den", &nd);
		in[i] = (struct obs_input){a->p[0],
		                           codes[i] ? codes[i] : "",
		                           jstr(o, "period") ? jstr(o, "period") : "",
		                           value,
		                           num,
		                           den,
		                           jstr(o, "level") ? jstr(o, "level") : "",
		                           "",
		                           jstr(o, "note") ? jstr(o, "note") : "",
		                           jstr(o, "evidence") ? jstr(o, "evidence") : "",
		                           (int)i + 1,
		                           nv,
		                           nn,
		                           nd,
		                           FIGURE_TEXT};
		json_t *yes = json_object_get(o, "yes");
		if (json_is_boolean(yes))
			in[i].yes = json_is_true(yes) ? "có" : "không";
	}
	struct problems ps = {0};
	struct record_summary sum = {0};
	if (leads_all(c, u.id, codes, n, &ps) &&
	    !store_record_batch_sum(c->s, in, n, c->user.login, jstr(j, "reason"), &ps, &sum)) {
		c->final = true; /* nothing more: the holds take the figures now */
		app_recorded(c, in, n);
		reply_json(c, 201,
		           json_pack("{sisisi}", "recorded", (int)n, "written", (int)sum.written,
		                     "unchanged", (int)sum.unchanged));
	} else
		reply_problems(c, app_code_status(ps.v[0].code), &ps);
	problems_free(&ps);
	free(in);
	free(codes);
	json_decref(j);
	unit_rec_free(&u);
}

static void api_transition(struct ctx *c, const struct args *a)
{
	const char *unit = a->p[0], *code = a->p[1], *period = a->p[2], *action = a->p[3];
	bool submit = !strcmp(action, "submit");
	if (!submit && strcmp(action, "approve") && strcmp(action, "return") &&
	    strcmp(action, "reopen")) {
		reply_error(c, 404, "E_NOT_FOUND", "Không có thao tác này");
		return;
	}
	struct unit_rec u = {0};
	if (!allowed(c, submit ? RIGHT_RECORD : RIGHT_APPROVE, unit) || !csrf(c) ||
	    !get_unit(c, unit, &u))
		return;
	json_t *j = c->rq->body_len ? body_json(c) : json_object();
	if (!j) {
		unit_rec_free(&u);
		return;
	}
	struct problems ps = {0};
	struct series_rec sr = {0};
	struct error err = {0};
	int found = store_series_get(c->s, u.id, code, &sr, &err);
	if (found)
		problems_add(&ps, found > 0 ? "E_NOT_FOUND" : "E_DB", 0, "%s",
		             found > 0 ? "Đơn vị không có chỉ tiêu này" : err.msg);
	else if (leads_all(c, u.id, &code, 1, &ps) && !store_begin(c->s, &err)) {
		if (store_obs_transition(c->s, sr.id, period, action, c->user.login,
		                         jstr(j, "comment"), &ps))
			store_rollback(c->s);
		else if (store_commit(c->s, &err))
			problems_add(&ps, err_name(err.code), 0, "%s", err.msg);
	}
	if (ps.n) {
		reply_problems(c, app_code_status(ps.v[0].code), &ps);
	} else {
		reply_json(
		        c, 200,
		        json_pack("{ssssss}", "indicator", code, "period", period, "done", action));
	}
	if (!found)
		series_rec_free(&sr);
	problems_free(&ps);
	err_clear(&err);
	json_decref(j);
	unit_rec_free(&u);
}

/* ---- evaluation ------------------------------------------------------------ */

static void api_status(struct ctx *c, const struct args *a)
{
	int as_of;
	enum period_kind grain;
	char name[32], *key;
	int64_t mark;
	if (!allowed(c, RIGHT_READ, a->p[0]) || !ctx_period(c, &as_of, &grain, name, true) ||
	    cache_lookup_unit(c, "", a->p[0], &key, &mark))
		return;
	char *method = ctx_query(c, "method");
	struct error err = {0};
	bool cagr = method && !strcmp(method, "cagr");
	struct unit_view v;
	struct held *ref;
	struct hold *h = app_hold(c, a->p[0], &ref, &err);
	if (h && cache_held(c, key, ref, &mark)) {
		/* computed by the reader before, while this one waited */
	} else if (!h || hold_status(h, as_of, grain, cagr ? EVAL_CAGR : EVAL_LINEAR, &v, &err)) {
		reply_store_error(c, &err);
	} else {
		json_t *rows = json_array();
		int count[8] = {0};
		for (size_t i = 0; i < v.n; i++) {
			json_array_append_new(rows, view_status_row_json(&v.rows[i]));
			count[v.rows[i].r.status]++;
		}
		json_t *counts = json_object();
		for (int k = 0; k < 8; k++)
			json_object_set_new(counts, eval_status_name((enum eval_status)k),
			                    json_integer(count[k]));
		reply_json(c, 200,
		           json_pack("{sssssssoso}", "unit", v.u.code, "period", name, "method",
		                     cagr ? "cagr" : "linear", "counts", counts, "indicators",
		                     rows));
		view_unit_free(&v);
		cache_put(c, key, mark, 0);
	}
	app_unhold(c, ref);
	free(method);
	err_clear(&err);
	free(key);
}

static void api_family(struct ctx *c, const struct args *a, bool ranking)
{
	int as_of;
	enum period_kind grain;
	char name[32], *key;
	int64_t mark;
	if (!allowed(c, RIGHT_READ, a->p[0]) || !ctx_period(c, &as_of, &grain, name, true) ||
	    cache_lookup_unit(c, "", a->p[0], &key, &mark))
		return;
	const struct family *f = NULL;
	struct error err = {0};
	struct held *ref;
	struct hold *h = app_hold(c, a->p[0], &ref, &err);
	if (h && cache_held(c, key, ref, &mark)) {
		/* computed by the reader before, while this one waited */
	} else if (!h || !(f = hold_family(h, &err))) {
		reply_store_error(c, &err);
	} else if (!f->n) {
		reply_error(c, 404, "E_NOTHING",
		            "Không có đơn vị trực thuộc nào có kế hoạch để tổng hợp");
	} else if (ranking) {
		const struct rank_row *r;
		size_t n = hold_rank(h, as_of, grain, &r);
		json_t *items = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(items,
			                      json_pack("{sisssssisisf}", "rank", r[i].rank, "code",
			                                r[i].code, "name", r[i].name, "good",
			                                r[i].good, "evaluated", r[i].evaluated,
			                                "completion", r[i].completion));
		reply_json(c, 200,
		           json_pack("{ssssssso}", "unit", a->p[0], "period", name, "method",
		                     "completion = met or on track / evaluated; ties share a rank",
		                     "items", items));
		cache_put(c, key, mark, 0);
	} else {
		const struct rollup_row *r;
		size_t n = hold_rollup(h, as_of, grain, &r);
		/* "UNIT CODE name": not linked up, not added. The first
		 * API_LOCAL_SHOWN and their count (a country of unlinked
		 * communes has hundreds of thousands: megabytes on each
		 * roll-up); all with ?local=all. */
		char *all = ctx_query(c, "local");
		size_t shown = all && !strcmp(all, "all")    ? f->nlocal
		               : f->nlocal < API_LOCAL_SHOWN ? f->nlocal
		                                             : API_LOCAL_SHOWN;
		free(all);
		json_t *local = json_array();
		for (size_t i = 0; i < shown; i++)
			json_array_append_new(local, json_string(f->local[i]));
		reply_json(c, 200,
		           json_pack("{sssssisososI}", "unit", a->p[0], "period", name, "children",
		                     (int)f->n, "indicators", view_rollup_json(r, n), "local",
		                     local, "local_total", (json_int_t)f->nlocal));
		cache_put(c, key, mark, 0);
	}
	app_unhold(c, ref);
	err_clear(&err);
	free(key);
}

static void api_engine(struct ctx *c, const struct args *a)
{
	(void)a;
	if (!c->signed_in) {
		reply_error(c, 401, "E_SIGNIN", "Cần đăng nhập");
		return;
	}
	if (strcmp(c->user.role, "admin")) {
		reply_error(c, 403, "E_FORBIDDEN", "Tài khoản này không được làm việc đó");
		return;
	}
	json_t *o = app_holds_json(c);
	json_object_set_new(
	        o, "requests",
	        json_pack("{sIsIsIsIsIsI}", "handled",
	                  (json_int_t)__atomic_load_n(&c->app->requests, __ATOMIC_RELAXED),
	                  "store_queries",
	                  (json_int_t)__atomic_load_n(&c->app->request_queries, __ATOMIC_RELAXED),
	                  "writes", (json_int_t)__atomic_load_n(&c->app->writes, __ATOMIC_RELAXED),
	                  "write_queries",
	                  (json_int_t)__atomic_load_n(&c->app->write_queries, __ATOMIC_RELAXED),
	                  "write_commits",
	                  (json_int_t)__atomic_load_n(&c->app->write_commits, __ATOMIC_RELAXED),
	                  "write_groups",
	                  (json_int_t)__atomic_load_n(&c->app->write_groups, __ATOMIC_RELAXED)));
	json_object_set_new(json_object_get(o, "requests"), "write_round_trips",
	                    json_integer((json_int_t)__atomic_load_n(&c->app->write_round_trips,
	                                                             __ATOMIC_RELAXED)));
	json_object_set_new(json_object_get(o, "requests"), "write_figure_reads",
	                    json_integer((json_int_t)__atomic_load_n(&c->app->write_figure_reads,
	                                                             __ATOMIC_RELAXED)));
	json_object_set_new(o, "pages", flights_json(c->app));
	json_object_set_new(o, "write_slowest", app_slow_writes_json(c->app));
	reply_json(c, 200, o);
}

static void api_rollup(struct ctx *c, const struct args *a)
{
	api_family(c, a, false);
}

static void api_rank(struct ctx *c, const struct args *a)
{
	api_family(c, a, true);
}

static void api_series(struct ctx *c, const struct args *a)
{
	if (!allowed(c, RIGHT_READ, a->p[0]))
		return;
	char *ind = ctx_query(c, "indicator");
	json_t *out = app_series(c, a->p[0], ind && *ind ? ind : NULL);
	if (out)
		reply_json(c, 200, out);
	free(ind);
}

/* ---- tasks ---------------------------------------------------------------- */

/* The tasks t (n) into all, marked set_aside when aside; t freed. */
static void tasks_into(json_t *all, struct task_row *t, size_t n, bool aside)
{
	for (size_t i = 0; i < n; i++) {
		json_t *o = json_pack("{sssssbsb}", "code", t[i].code, "title", t[i].title,
		                      "recurring", t[i].recurring, "overdue", t[i].overdue);
		const char *opt[][2] = {
		        {"lead", t[i].lead}, {"due", t[i].due}, {"status", t[i].status}};
		for (size_t k = 0; k < 3; k++)
			if (opt[k][1])
				json_object_set_new(o, opt[k][0], json_string(opt[k][1]));
		if (t[i].percent >= 0)
			json_object_set_new(o, "percent", json_integer(t[i].percent));
		if (aside)
			json_object_set_new(o, "set_aside", json_true());
		json_array_append_new(all, o);
		task_row_free(&t[i]);
	}
	free(t);
}

static void api_tasks(struct ctx *c, const struct args *a)
{
	struct unit_rec u = {0};
	if (!read_of(c, a->p[0], &u))
		return;
	char *period = ctx_query(c, "period");
	struct error err = {0};
	struct task_row *t = NULL, *at = NULL;
	size_t n = 0, nat = 0;
	/* the plan's tasks, then the reports set aside (store_task_aside) */
	bool failed = store_task_list(c->s, u.id, period, &t, &n, &err) ||
	              store_task_aside(c->s, u.id, period, &at, &nat, &err);
	json_t *all = json_array();
	tasks_into(all, t, n, false);
	tasks_into(all, at, nat, true);
	if (failed) {
		reply_store_error(c, &err);
		json_decref(all);
	} else {
		reply_list(c, all);
	}
	free(period);
	err_clear(&err);
	unit_rec_free(&u);
}

static void api_task_progress(struct ctx *c, const struct args *a)
{
	struct unit_rec u = {0};
	json_t *j = write_to(c, a->p[0], RIGHT_RECORD, &u);
	if (!j)
		return;
	json_t *pct = json_object_get(j, "percent");
	struct problems ps = {0};
	if (!ctx_leads_task(c, u.id, a->p[1]))
		problems_add(&ps, "E_FORBIDDEN", 0,
		             "Nhiệm vụ %s không do cơ quan của tài khoản này chủ trì", a->p[1]);
	else
		store_task_progress(c->s, u.id, a->p[1], jstr(j, "period") ? jstr(j, "period") : "",
		                    jstr(j, "status") ? jstr(j, "status") : "",
		                    json_is_integer(pct) ? (int)json_integer_value(pct) : -1,
		                    jstr(j, "note"), jstr(j, "evidence"), c->user.login, &ps);
	if (ps.n)
		reply_problems(c, app_code_status(ps.v[0].code), &ps); /* the task: the URL's */
	else
		reply_json(c, 200, json_pack("{ss}", "task", a->p[1]));
	problems_free(&ps);
	json_decref(j);
	unit_rec_free(&u);
}

/* ---- users ----------------------------------------------------------------- */

static void api_users(struct ctx *c, const struct args *a)
{
	if (!allowed(c, RIGHT_ADMIN, NULL))
		return;
	struct user_rec *u;
	size_t n;
	struct error err = {0};
	if (store_user_list(c->s, &u, &n, &err)) {
		reply_store_error(c, &err);
		err_clear(&err);
		return;
	}
	json_t *all = json_array();
	for (size_t i = 0; i < n; i++) {
		json_array_append_new(all, user_json(&u[i]));
		user_rec_free(&u[i]);
	}
	free(u);
	reply_list(c, all);
}

static void api_user_add(struct ctx *c, const struct args *a)
{
	if (!allowed(c, RIGHT_ADMIN, NULL) || !csrf(c))
		return;
	json_t *j = body_json(c);
	if (!j)
		return;
	const char *pw = jstr(j, "password");
	char hash[AUTH_HASH_MAX];
	struct problems ps = {0};
	if (!auth_password_ok(pw))
		problems_add(&ps, "E_PASSWORD", 0, "Mật khẩu phải có từ 8 đến 256 ký tự");
	else if (auth_hash_password(pw, hash))
		problems_add(&ps, "E_INTERNAL", 0, "Không băm được mật khẩu");
	else {
		struct user_rec u = {0,
		                     (char *)jstr(j, "login"),
		                     (char *)jstr(j, "name"),
		                     (char *)jstr(j, "role"),
		                     (char *)jstr(j, "unit"),
		                     (char *)jstr(j, "agency"),
		                     hash,
		                     false,
		                     0};
		store_user_add(c->s, &u, c->user.login, &ps);
	}
	if (ps.n) /* an unknown unit is the body's: 400 */
		reply_problems(c, app_code_status_for(ps.v[0].code, NULL), &ps);
	else {
		char norm[AUTH_LOGIN_MAX + 1];
		auth_login_normalize(jstr(j, "login"), norm); /* valid: the store took it */
		reply_json(c, 201, json_pack("{ss}", "login", norm));
	}
	problems_free(&ps);
	json_decref(j);
}

/* A new role {role, unit, agency} (admin): the account's sessions and
 * tokens end. */
static void user_role(struct ctx *c, const char *login)
{
	json_t *j = body_json(c);
	if (!j)
		return;
	struct problems ps = {0};
	if (!store_user_role(c->s, login, jstr(j, "role"), jstr(j, "unit"), jstr(j, "agency"),
	                     c->user.login, &ps))
		reply_json(c, 200, json_pack("{ssss}", "login", login, "role", jstr(j, "role")));
	else
		reply_problems(c, app_code_status_for(ps.v[0].code, "E_UNKNOWN_USER"), &ps);
	problems_free(&ps);
	json_decref(j);
}

static void api_user_action(struct ctx *c, const struct args *a)
{
	bool disable = !strcmp(a->p[1], "disable");
	if (!strcmp(a->p[1], "role")) {
		if (allowed(c, RIGHT_ADMIN, NULL) && csrf(c))
			user_role(c, a->p[0]);
		return;
	}
	if (!disable && strcmp(a->p[1], "enable")) {
		reply_error(c, 404, "E_NOT_FOUND", "Không có thao tác này");
		return;
	}
	if (!allowed(c, RIGHT_ADMIN, NULL) || !csrf(c))
		return;
	struct error err = {0};
	int rc = store_user_disable(c->s, a->p[0], disable, c->user.login, &err);
	if (rc > 0)
		reply_error(c, 404, "E_UNKNOWN_USER", "Không có tài khoản này");
	else if (rc < 0)
		reply_store_error(c, &err);
	else {
		if (disable)
			session_drop_login(c->app->sessions, a->p[0]);
		reply_json(c, 200, json_pack("{sssb}", "login", a->p[0], "disabled", disable));
	}
	err_clear(&err);
}

/* One's own password: the old one, then the new; other sessions end. */
static void api_password(struct ctx *c, const struct args *a)
{
	if (!signed_in(c) || !csrf(c))
		return;
	json_t *j = body_json(c);
	if (!j)
		return;
	struct user_rec u = {0};
	struct error err = {0};
	char hash[AUTH_HASH_MAX];
	const char *old = jstr(j, "old_password"), *pw = jstr(j, "new_password");
	const char *addr = c->rq->remote ? c->rq->remote : "";
	/* Guesses of the old password count as failed sign-ins of the login. */
	if (signin_wait(c->app->sessions, c->user.login, addr, c->now) > 0) {
		reply_error(c, 429, "E_LOCKED",
		            "Nhập sai mật khẩu quá nhiều lần; tài khoản tạm khóa 15 phút");
	} else if (store_user_get(c->s, c->user.login, &u, &err) ||
	           !auth_verify_password(u.pw_hash, old)) {
		signin_failed(c->app->sessions, c->user.login, addr, c->now);
		reply_error(c, 403, "E_PASSWORD", "Mật khẩu hiện tại không đúng");
	} else if (!auth_password_ok(pw))
		reply_error(c, 400, "E_PASSWORD", "Mật khẩu mới phải có từ 8 đến 256 ký tự");
	else if (auth_hash_password(pw, hash) ||
	         store_user_password(c->s, c->user.login, hash, c->user.login, &err))
		reply_store_error(c, &err);
	else {
		session_drop_login(c->app->sessions, c->user.login);
		reply_json(c, 200, json_pack("{sb}", "changed", 1));
	}
	user_rec_free(&u);
	err_clear(&err);
	json_decref(j);
}

/* ---- API tokens ------------------------------------------------------------------ */

/* One's own tokens (an admin: everyone's), never the tokens themselves. */
static void api_tokens(struct ctx *c, const struct args *a)
{
	if (!signed_in(c))
		return;
	bool admin = !strcmp(c->user.role, "admin");
	struct token_rec *t;
	size_t n;
	struct error err = {0};
	if (store_token_list(c->s, admin ? NULL : c->user.login, &t, &n, &err)) {
		reply_store_error(c, &err);
		err_clear(&err);
		return;
	}
	json_t *all = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *o =
		        json_pack("{sIsssssssssssb}", "id", (json_int_t)t[i].id, "login",
		                  t[i].login, "label", t[i].label, "created_at", t[i].created_at,
		                  "expires_at", t[i].expires_at ? t[i].expires_at : "", "scope",
		                  t[i].scope, "revoked", t[i].revoked);
		json_array_append_new(all, o);
		token_rec_free(&t[i]);
	}
	free(t);
	reply_list(c, all);
}

/* Revoke a token: one's own, or any (admin). */
static void api_token_revoke(struct ctx *c, const struct args *a)
{
	if (!signed_in(c) || !csrf(c))
		return;
	char *end = NULL;
	long long id = strtoll(a->p[0], &end, 10);
	if (!end || *end || id <= 0) {
		reply_error(c, 404, "E_NOT_FOUND", "Không có mã truy cập này");
		return;
	}
	struct error err = {0};
	bool admin = !strcmp(c->user.role, "admin");
	int rc = store_token_revoke(c->s, id, admin ? NULL : c->user.login, c->user.login, &err);
	if (rc > 0)
		reply_error(c, 404, "E_NOT_FOUND", "Không có mã truy cập này (hoặc đã thu hồi)");
	else if (rc < 0)
		reply_store_error(c, &err);
	else
		reply_json(c, 200, json_pack("{sIsb}", "id", (json_int_t)id, "revoked", 1));
	err_clear(&err);
}

/* ---- the table -------------------------------------------------------------- */

/* ---- shared indicators ----------------------------------------------------- */

static void api_links(struct ctx *c, const struct args *a)
{
	struct unit_rec u = {0};
	if (!read_of(c, a->p[0], &u))
		return;
	char *state = ctx_query(c, "state");
	struct error err = {0};
	bool gone = state && !strcmp(state, "gone");
	struct link_rec *r;
	size_t n;
	if (state && *state && !gone && strcmp(state, "proposed") && strcmp(state, "confirmed") &&
	    strcmp(state, "rejected")) {
		reply_error(c, 400, "E_INPUT", "state: proposed, confirmed, rejected hoặc gone");
	} else if (store_link_list(c->s, u.id, state && *state && !gone ? state : NULL, &r, &n,
	                           &err)) {
		reply_store_error(c, &err);
	} else {
		json_t *all = json_array();
		for (size_t i = 0; i < n; i++) {
			if (!gone || r[i].gone)
				json_array_append_new(all, view_link_json(&r[i]));
			link_rec_free(&r[i]);
		}
		free(r);
		reply_list(c, all);
	}
	free(state);
	err_clear(&err);
	unit_rec_free(&u);
}

/* confirm | reject | set a link of a child of {unit}: {unit, indicator,
 * parent_indicator}; or confirm {all_sure: true}. The office of {unit}
 * (or above) and admin. */
static void api_link_action(struct ctx *c, const struct args *a)
{
	const char *action = a->p[1];
	if (strcmp(action, "confirm") && strcmp(action, "reject") && strcmp(action, "set")) {
		reply_error(c, 404, "E_NOT_FOUND", "Không có thao tác này");
		return;
	}
	struct unit_rec u = {0}, child = {0};
	json_t *j = write_to(c, a->p[0], RIGHT_APPROVE, &u);
	if (!j)
		return;
	struct problems ps = {0};
	struct error err = {0};
	size_t n = 0;
	const char *cu = jstr(j, "unit"), *ind = jstr(j, "indicator"),
	           *pind = jstr(j, "parent_indicator");
	bool sure = json_is_true(json_object_get(j, "all_sure"));
	c->relinked = true;
	if (sure && !strcmp(action, "confirm")) {
		if (store_begin(c->s, &err) ||
		    store_link_confirm_sure(c->s, u.id, LINK_SURE, c->user.login, &n, &err) ||
		    store_commit(c->s, &err)) {
			store_rollback(c->s);
			problems_add(&ps, err_name(err.code), 0, "%s", err.msg ? err.msg : "lỗi");
		}
	} else if (!cu || !ind || (!strcmp(action, "set") && !pind)) {
		problems_add(&ps, "E_INPUT", 0, "Cần unit, indicator%s",
		             strcmp(action, "set") ? "" : " và parent_indicator");
	} else {
		int found = store_unit_get(c->s, cu, &child, &err);
		if (found || !child.parent_code || strcmp(child.parent_code, u.code))
			problems_add(&ps, found < 0 ? "E_DB" : "E_UNKNOWN_UNIT", 0,
			             "Không có đơn vị \"%s\" trực thuộc %s", cu, u.code);
		else if (store_begin(c->s, &err))
			problems_add(&ps, err_name(err.code), 0, "%s", err.msg);
		else if (store_link_decide(c->s, child.id, ind, pind, action, c->user.login, &ps))
			store_rollback(c->s);
		else if (store_commit(c->s, &err))
			problems_add(&ps, err_name(err.code), 0, "%s", err.msg);
		n = ps.n ? 0 : 1;
	}
	if (ps.n)
		reply_problems(c, app_code_status(ps.v[0].code), &ps);
	else
		reply_json(c, 200, json_pack("{sssi}", "done", action, "links", (int)n));
	problems_free(&ps);
	err_clear(&err);
	json_decref(j);
	unit_rec_free(&child);
	unit_rec_free(&u);
}

/* ---- review, drafts and the inbox (queue.h, review.h, inbox.h) ------------ */

static void api_approvals(struct ctx *c, const struct args *a)
{
	if (!allowed(c, RIGHT_APPROVE, a->p[0]))
		return;
	struct queue_row *q;
	size_t n;
	struct error err = {0};
	if (queue_list(c->s, a->p[0], &q, &n, &err)) {
		reply_store_error(c, &err);
		err_clear(&err);
		return;
	}
	json_t *all = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *o = obs_json(&q[i].o);
		json_object_set_new(o, "unit", json_string(q[i].unit));
		json_object_set_new(o, "unit_name", json_string(q[i].unit_name));
		if (q[i].name)
			json_object_set_new(o, "name", json_string(q[i].name));
		if (q[i].measure)
			json_object_set_new(o, "measure", json_string(q[i].measure));
		if (q[i].target)
			json_object_set_new(
			        o, "target",
			        json_pack("{siss}", "year", q[i].target_year, "text", q[i].target));
		if (q[i].has_prev) {
			q[i].prev.code = xstrdup(q[i].o.code);
			json_object_set_new(o, "previous", obs_json(&q[i].prev));
		}
		json_array_append_new(all, o);
	}
	queue_free(q, n);
	reply_list(c, all);
}

/* {action: approve|return, comment, items: [{unit, indicator, period,
 * comment}]} or {action: approve, all: true}: every figure or none. */
static void api_review(struct ctx *c, const struct args *a)
{
	struct unit_rec u = {0};
	json_t *j = write_to(c, a->p[0], RIGHT_APPROVE, &u);
	if (!j)
		return;
	const char *action = jstr(j, "action");
	json_t *list = json_object_get(j, "items");
	bool all = json_is_true(json_object_get(j, "all"));
	struct queue_row *q = NULL;
	size_t nq = 0, n = 0;
	struct error err = {0};
	struct problems ps = {0};
	if (!action || (strcmp(action, "approve") && strcmp(action, "return")))
		problems_add(&ps, "E_ACTION", 0, "Cần \"action\": approve hoặc return");
	else if (all && queue_list(c->s, a->p[0], &q, &nq, &err))
		problems_add(&ps, err_name(err.code), 0, "%s", err.msg);
	else if (!all &&
	         (!json_is_array(list) || !json_array_size(list) || json_array_size(list) > 10000))
		problems_add(&ps, "E_INPUT", 0,
		             "Cần \"items\" (1 đến 10.000 số liệu) hoặc \"all\": true");
	size_t cap = all ? nq : json_array_size(list);
	struct review_item *items = xcalloc(cap + 1, sizeof *items);
	const char **why = xcalloc(cap + 1, sizeof *why);
	for (size_t i = 0; !ps.n && i < cap; i++) {
		if (all) {
			items[n++] = (struct review_item){q[i].unit, q[i].o.code, q[i].o.period};
			continue;
		}
		json_t *o = json_array_get(list, i);
		const char *un = jstr(o, "unit") ? jstr(o, "unit") : a->p[0];
		items[n] = (struct review_item){un, jstr(o, "indicator"), jstr(o, "period")};
		why[n] = jstr(o, "comment");
		if (!items[n].code || !items[n].period)
			problems_add(&ps, "E_INPUT", (int)i + 1, "Cần \"indicator\" và \"period\"");
		else if (!ctx_may(c, RIGHT_APPROVE, un))
			problems_add(&ps, "E_FORBIDDEN", (int)i + 1,
			             "Tài khoản này không được duyệt số liệu của %s", un);
		n++;
	}
	if (!ps.n && n)
		store_review_many(c->s, items, n, action, c->user.login, jstr(j, "comment"), why,
		                  &ps);
	if (ps.n)
		reply_problems(c, app_code_status(ps.v[0].code), &ps);
	else
		reply_json(c, 200, json_pack("{sssi}", "done", action, "figures", (int)n));
	problems_free(&ps);
	free(items);
	free(why);
	queue_free(q, nq);
	err_clear(&err);
	json_decref(j);
	unit_rec_free(&u);
}

static void api_returned(struct ctx *c, const struct args *a)
{
	struct unit_rec u = {0};
	if (!read_of(c, a->p[0], &u))
		return;
	char *period = ctx_query(c, "period");
	struct error err = {0};
	struct returned_rec *r;
	size_t n;
	if (store_returned_list(c->s, u.id, period && *period ? period : NULL, &r, &n, &err)) {
		reply_store_error(c, &err);
	} else {
		json_t *all = json_array();
		for (size_t i = 0; i < n; i++) {
			json_array_append_new(
			        all, json_pack("{ssssssssss*ss*}", "indicator", r[i].code, "period",
			                       r[i].period, "reason", r[i].reason, "action",
			                       r[i].action, "by", r[i].by, "at", r[i].at));
			returned_rec_free(&r[i]);
		}
		free(r);
		reply_list(c, all);
	}
	free(period);
	err_clear(&err);
	unit_rec_free(&u);
}

static void api_drafts(struct ctx *c, const struct args *a)
{
	struct unit_rec u = {0};
	if (!allowed(c, RIGHT_RECORD, a->p[0]) || !get_unit(c, a->p[0], &u))
		return;
	char *period = ctx_query(c, "period");
	struct error err = {0};
	struct entry_draft *d;
	size_t n;
	if (store_entry_draft_list(c->s, u.id, c->user.login, period && *period ? period : NULL, &d,
	                           &n, &err)) {
		reply_store_error(c, &err);
	} else {
		json_t *all = json_array();
		for (size_t i = 0; i < n; i++) {
			json_t *f = json_object();
			static const char kinds[] = "vndlyet";
			static const char *const names[] = {"value", "num",      "den", "level",
			                                    "yes",   "evidence", "note"};
			for (int k = 0; k < 7; k++) {
				char key[80];
				snprintf(key, sizeof key, "%c.%s", kinds[k], d[i].code);
				char *v = http_param(d[i].fields, strlen(d[i].fields), key);
				if (v)
					json_object_set_new(f, names[k], json_string(v));
				free(v);
			}
			json_array_append_new(all, json_pack("{sssssoss}", "indicator", d[i].code,
			                                     "period", d[i].period, "fields", f,
			                                     "saved_at", d[i].at));
			entry_draft_free(&d[i]);
		}
		free(d);
		reply_list(c, all);
	}
	free(period);
	err_clear(&err);
	unit_rec_free(&u);
}

/* {period, indicator, fields: {value, num, den, level, yes, evidence, note}}:
 * kept as typed (even a wrong figure) until the figure is saved. */
static void api_draft_put(struct ctx *c, const struct args *a)
{
	struct unit_rec u = {0};
	json_t *j = write_to(c, a->p[0], RIGHT_RECORD, &u);
	if (!j)
		return;
	const char *code = jstr(j, "indicator"), *period = jstr(j, "period");
	json_t *f = json_object_get(j, "fields");
	struct problems ps = {0};
	struct period p;
	if (!code || !period || !json_is_object(f))
		problems_add(&ps, "E_INPUT", 0, "Cần \"indicator\", \"period\" và \"fields\"");
	else if (period_parse(period, &p, NULL))
		problems_add(&ps, "E_PERIOD", 0, "Kỳ \"%s\" không hợp lệ", period);
	else
		leads_all(c, u.id, &code, 1, &ps);
	struct buf b = {0};
	static const char kinds[] = "vndlyet";
	static const char *const names[] = {"value", "num",      "den", "level",
	                                    "yes",   "evidence", "note"};
	for (int k = 0; k < 7 && !ps.n; k++) {
		const char *v = jstr(f, names[k]);
		if (!v)
			continue;
		if (strlen(v) > 2000) {
			problems_add(&ps, "E_INPUT", 0, "Ô \"%s\" dài quá 2.000 ký tự", names[k]);
			break;
		}
		if (b.len)
			buf_putc(&b, '&');
		buf_printf(&b, "%c.", kinds[k]);
		for (const char *s = code;; s = v) { /* the code, then the value, percent-encoded */
			for (const unsigned char *q = (const unsigned char *)s; *q; q++)
				if ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') ||
				    (*q >= '0' && *q <= '9') || strchr("-_.~", *q))
					buf_putc(&b, (char)*q);
				else
					buf_printf(&b, "%%%02X", *q);
			if (s == v)
				break;
			buf_putc(&b, '=');
		}
	}
	struct error err = {0};
	if (!ps.n && store_entry_draft_put(c->s, u.id, c->user.login, code, period,
	                                   b.len ? buf_str(&b) : "", &err))
		problems_add(&ps, err_name(err.code), 0, "%s", err.msg);
	if (ps.n)
		reply_problems(c, app_code_status(ps.v[0].code), &ps);
	else
		reply_json(c, 200,
		           json_pack("{sssssb}", "indicator", code, "period", period, "saved", 1));
	buf_free(&b);
	problems_free(&ps);
	err_clear(&err);
	json_decref(j);
	unit_rec_free(&u);
}

static void api_inbox(struct ctx *c, const struct args *a)
{
	(void)a;
	if (!signed_in(c))
		return;
	struct inbox_msg *m;
	size_t n, unread = 0;
	struct error err = {0};
	if (app_inbox(c, &m, &n, &err)) {
		reply_store_error(c, &err);
		err_clear(&err);
		return;
	}
	json_t *all = json_array();
	for (size_t i = 0; i < n; i++) {
		unread += !m[i].read;
		json_array_append_new(all,
		                      json_pack("{ssssssss*ss*ss*sssb}", "key", m[i].key, "kind",
		                                inbox_kind_name(m[i].kind), "unit", m[i].unit,
		                                "indicator", m[i].code, "period", m[i].period, "at",
		                                m[i].at, "text", m[i].text, "read", m[i].read));
	}
	inbox_free(m, n);
	reply_json(c, 200, json_pack("{siso}", "unread", (int)unread, "items", all));
}

/* {keys: [...]}, or {} for every message now in the inbox. */
static void api_inbox_read(struct ctx *c, const struct args *a)
{
	(void)a;
	if (!signed_in(c) || !csrf(c))
		return;
	json_t *j = c->rq->body_len ? body_json(c) : json_object();
	if (!j)
		return;
	json_t *keys = json_object_get(j, "keys");
	struct inbox_msg *m = NULL;
	size_t n = 0, nk = 0;
	struct error err = {0};
	const char **k = NULL;
	int rc = 0;
	if (json_is_array(keys)) {
		nk = json_array_size(keys) > 10000 ? 10000 : json_array_size(keys);
		k = xcalloc(nk + 1, sizeof *k);
		for (size_t i = 0; i < nk; i++)
			k[i] = json_is_string(json_array_get(keys, i))
			               ? json_string_value(json_array_get(keys, i))
			               : "";
	} else if (!(rc = app_inbox(c, &m, &n, &err))) {
		k = xcalloc(n + 1, sizeof *k);
		for (size_t i = 0; i < n; i++)
			if (!m[i].read)
				k[nk++] = m[i].key;
	}
	if (!rc)
		rc = store_inbox_mark(c->s, c->user.login, k, nk, &err);
	if (rc)
		reply_store_error(c, &err);
	else
		reply_json(c, 200, json_pack("{si}", "read", (int)nk));
	app_inbox_changed(c);
	free(k);
	inbox_free(m, n);
	err_clear(&err);
	json_decref(j);
}

/* The file as the body (any Content-Type: the content is checked). */
static void api_evidence_put(struct ctx *c, const struct args *a)
{
	const char *code = a->p[1], *period = a->p[2];
	struct unit_rec u = {0};
	if (!allowed(c, RIGHT_RECORD, a->p[0]) || !csrf(c) || !get_unit(c, a->p[0], &u))
		return;
	struct problems ps = {0};
	char *url = NULL, *name = ctx_query(c, "filename");
	if (leads_all(c, u.id, &code, 1, &ps))
		app_evidence_put(c, a->p[0], code, period, name, c->rq->body, c->rq->body_len, &url,
		                 &ps);
	if (ps.n)
		reply_problems(c, app_code_status(ps.v[0].code), &ps);
	else
		reply_json(c, 201,
		           json_pack("{ssssss}", "indicator", code, "period", period, "url", url));
	problems_free(&ps);
	free(url);
	free(name);
	unit_rec_free(&u);
}

static void api_evidence_get(struct ctx *c, const struct args *a)
{
	if (allowed(c, RIGHT_READ, a->p[0]))
		app_evidence_get(c, a->p[0], a->p[1], true);
}

/* ---- report settings (signer, recipients, sending days) -------------------- */

/* The settings as stored, as a report uses them (defaults filled, the
 * sending day of each kind of period), and with ?period= its deadline
 * (report_deadline: what reminders use). */
static void api_settings(struct ctx *c, const struct args *a)
{
	struct unit_rec u = {0};
	if (!read_of(c, a->p[0], &u))
		return;
	char *doc = NULL, *period = ctx_query(c, "period");
	struct error err = {0};
	struct unit_settings set;
	if (store_unit_settings_get(c->s, u.code, &doc, &err) || settings_parse(doc, &set, &err)) {
		reply_store_error(c, &err);
		goto out;
	}
	char *canon = settings_json(&set);
	json_t *stored = json_loads(canon, 0, NULL);
	free(canon);
	settings_fill_defaults(&set);
	for (int k = 0; k < DEADLINE_KINDS; k++)
		set.send_day[k] = settings_send_day(&set, (enum period_kind)k, u.kind);
	canon = settings_json(&set);
	json_t *o = json_pack("{sssoso}", "unit", u.code, "settings", stored, "effective",
	                      json_loads(canon, 0, NULL));
	free(canon);
	if (period && *period) {
		char due[11], from[11], to[11];
		if (report_deadline(c->s, u.code, period, due, from, to, &err)) {
			json_decref(o);
			reply_store_error(c, &err);
			goto out;
		}
		json_object_set_new(o, "deadline",
		                    json_pack("{ssssssss}", "period", period, "send_by", due,
		                              "cutoff_from", from, "cutoff_to", to));
	}
	reply_json(c, 200, o);
out:
	free(period);
	free(doc);
	err_clear(&err);
	unit_rec_free(&u);
}

/* Replace the settings (the office of the unit, an admin). */
static void api_settings_set(struct ctx *c, const struct args *a)
{
	struct unit_rec u = {0};
	json_t *j = write_to(c, a->p[0], RIGHT_APPROVE, &u);
	if (!j)
		return;
	char *doc = json_dumps(j, JSON_COMPACT);
	struct error err = {0};
	if (store_unit_settings_set(c->s, u.code, doc, c->user.login, &err))
		reply_store_error(c, &err);
	else
		reply_json(c, 200, json_pack("{sssO}", "unit", u.code, "settings", j));
	free(doc);
	err_clear(&err);
	json_decref(j);
	unit_rec_free(&u);
}

static const struct route routes[] = {
        {"GET", "/openapi.json", "This document (OpenAPI 3.1)", true, api_openapi, false},
        {"POST", "/session", "Sign in with {login, password}; sets the session cookie", true,
         api_signin, false},
        {"DELETE", "/session", "Sign out", false, api_signout, false},
        {"GET", "/me", "The signed-in account (and its CSRF token)", false, api_me, false},
        {"GET", "/units", "Units the account may read (paginated)", false, api_units, false},
        {"GET", "/units/{unit}", "One unit", false, api_unit, false},
        {"GET", "/units/{unit}/plan",
         "The unit's current plan (as chitieu parse), its version and when it was saved", false,
         api_plan, false},
        {"GET", "/units/{unit}/indicators",
         "Indicators of the unit's current plan, with targets and agencies (paginated)", false,
         api_indicators, false},
        {"GET", "/units/{unit}/observations", "Figures (?period=, paginated)", false,
         api_observations, false},
        {"POST", "/units/{unit}/observations",
         "Record one figure, or {observations: [...]} all or nothing", false, api_record, false},
        {"POST", "/units/{unit}/observations/{indicator}/{period}/{action}",
         "submit, approve, return or reopen a figure ({comment})", false, api_transition, false},
        {"GET", "/units/{unit}/status", "Status of every indicator (?period=, ?method=)", false,
         api_status, true},
        {"GET", "/units/{unit}/rollup",
         "The unit from its children (?period=; local: the first 100 indicators not linked up, "
         "local_total of them, ?local=all for all)",
         false, api_rollup, true},
        {"GET", "/units/{unit}/rank", "Children ranked by completion (?period=)", false, api_rank,
         true},
        {"GET", "/engine",
         "The holds the reads come from: builds, children evaluated, figures read again "
         "after writes; requests handled and the store queries they ran (admin)",
         false, api_engine, false},
        {"GET", "/units/{unit}/series",
         "Monthly aggregate of the unit and the units under it, from the live engine "
         "(?indicator=)",
         false, api_series, false},
        {"GET", "/units/{unit}/tasks",
         "Tasks, overdue first, then reports set aside as CODE~vN or under a "
         "code no task has (set_aside: true) (?period=, paginated)",
         false, api_tasks, false},
        {"POST", "/units/{unit}/tasks/{task}", "Progress of a task ({period, status, percent})",
         false, api_task_progress, false},
        {"GET", "/units/{unit}/links",
         "Links of the children's indicators to the unit's (?state=proposed|confirmed|"
         "rejected|gone, paginated)",
         false, api_links, false},
        {"POST", "/units/{unit}/links/{action}",
         "confirm, reject or set a link of a child's indicator ({unit, indicator, "
         "parent_indicator}; confirm {all_sure: true}) (office of the unit, admin)",
         false, api_link_action, false},
        {"GET", "/units/{unit}/settings",
         "Report settings: signer, recipients, sending days (?period=: its deadline)", false,
         api_settings, false},
        {"POST", "/units/{unit}/settings",
         "Replace the report settings ({authority, position, signer, symbol, recipients, "
         "send_day}) (office of the unit, admin)",
         false, api_settings_set, false},
        {"GET", "/users", "Accounts (admin; paginated)", false, api_users, false},
        {"POST", "/users", "Create an account (admin): {login, name, role, unit, agency, password}",
         false, api_user_add, false},
        {"POST", "/users/{login}/{action}",
         "disable or enable an account, or give it a new role ({role, unit, agency}) (admin)",
         false, api_user_action, false},
        {"POST", "/me/password", "Change one's own password: {old_password, new_password}", false,
         api_password, false},
        {"GET", "/tokens", "API tokens: one's own (admin: all), without the tokens themselves",
         false, api_tokens, false},
        {"POST", "/tokens/{id}/revoke", "Revoke an API token (one's own; admin: any)", false,
         api_token_revoke, false},
        {"POST", "/units/{unit}/plan/drafts",
         "Upload a plan document (multipart/form-data, field \"file\", up to 20 MB; any format "
         "chitieu parse reads) (office of the unit, admin): 201 with the draft when read within "
         "3 s, else 202 with the job to poll",
         false, api_draft_upload_, false},
        {"GET", "/units/{unit}/plan/jobs/{job}",
         "A document being read: {state: reading|done|failed, page, pages, draft, error}", false,
         api_draft_job_, false},
        {"GET", "/units/{unit}/plan/drafts/{draft}",
         "A plan draft: {plan (as corrected), parsed (as read), row_warnings, cell_flags "
         "(code: {field: why to check it}), group_flags (group code: why to check its "
         "name), expires_at}",
         false, api_draft_get_, false},
        {"PATCH", "/units/{unit}/plan/drafts/{draft}",
         "Correct a draft: {rows: [{code, name, unit, group, lead, monitor, code_new, targets: "
         "{year: text}, checked: [field]}], remove: [code], add: [{code, group, name, unit, "
         "lead, monitor, targets}], groups: [{code, name, checked: [\"name\"]}]}; an edited or "
         "checked cell is no longer in cell_flags or group_flags; tasks by place: tasks, "
         "remove_tasks, add_tasks (docs/plan-json.md); tasks_seen or made no longer the "
         "draft's: 409 E_STATE, nothing kept",
         false, api_draft_patch_, false},
        {"GET", "/units/{unit}/plan/drafts/{draft}/diff",
         "What publishing the draft changes: {added, removed, changed, tasks, mapping, "
         "task_mapping, confirm}",
         false, api_draft_diff_, false},
        {"POST", "/units/{unit}/plan/drafts/{draft}/publish",
         "Publish the draft as the unit's new plan version ({confirm: true} when it renumbers, "
         "replaces or drops indicators, or tasks with progress reported; else 409 "
         "E_CONFIRM with mapping and task_mapping)",
         false, api_draft_publish_, false},
        {"DELETE", "/units/{unit}/plan/drafts/{draft}", "Abandon a draft", false, api_draft_delete_,
         false},
        {"GET", "/target", "How a target cell reads (?text=, ?unit=), as in the plan JSON", false,
         api_target_preview_, false},
        {"GET", "/units/{unit}/approvals",
         "Figures waiting for review in the unit and every unit under it, with name, target, "
         "previous figure, evidence, who and when (paginated)",
         false, api_approvals, false},
        {"POST", "/units/{unit}/review",
         "approve or return several figures at once, all or nothing: {action, comment, items: "
         "[{unit, indicator, period, comment}]} or {action, all: true}",
         false, api_review, false},
        {"GET", "/units/{unit}/returned",
         "Figures returned (or reopened) with their reason, until resubmitted (?period=)", false,
         api_returned, false},
        {"GET", "/units/{unit}/drafts", "One's drafts of the entry form, as typed (?period=)",
         false, api_drafts, false},
        {"POST", "/units/{unit}/drafts",
         "Keep a draft as typed: {period, indicator, fields: {value, num, den, level, yes, "
         "evidence, note}}",
         false, api_draft_put, false},
        {"POST", "/units/{unit}/evidence/{indicator}/{period}",
         "Keep an evidence file (the body; PDF, JPEG, PNG, DOCX or XLSX by content, at most "
         "1,000,000 bytes; ?filename=); its link goes to one's draft of the figure",
         false, api_evidence_put, false},
        {"GET", "/units/{unit}/files/{id}", "An evidence file, as an attachment", false,
         api_evidence_get, false},
        {"GET", "/me/inbox",
         "One's messages (Thông báo): returned figures, closing cut-offs, overdue tasks", false,
         api_inbox, false},
        {"POST", "/me/inbox/read", "Mark messages read: {keys: [...]}, or {} for all", false,
         api_inbox_read, false},
};

#define NROUTES (sizeof routes / sizeof routes[0])

/* Does the path (segments after /api/v1) fit the route's pattern? */
static bool match(const char *pattern, char *const *seg, int nseg, struct args *a)
{
	char buf[128];
	snprintf(buf, sizeof buf, "%s", pattern);
	int k = 0, np = 0;
	for (char *save = NULL, *t = strtok_r(buf, "/", &save); t; t = strtok_r(NULL, "/", &save)) {
		if (k >= nseg)
			return false;
		if (t[0] == '{') {
			if (np < MAX_PARAMS)
				a->p[np++] = seg[k];
		} else if (strcmp(t, seg[k])) {
			return false;
		}
		k++;
	}
	return k == nseg;
}

static void api_openapi(struct ctx *c, const struct args *a)
{
	json_t *paths = json_object();
	for (size_t i = 0; i < NROUTES; i++) {
		char *path = xasprintf("/api/v1%s", routes[i].path);
		json_t *item = json_object_get(paths, path);
		if (!item) {
			item = json_object();
			json_object_set_new(paths, path, item);
		}
		char method[8];
		size_t k = 0;
		for (; routes[i].method[k] && k < sizeof method - 1; k++)
			method[k] = (char)(routes[i].method[k] | 0x20); /* lower case */
		method[k] = 0;
		json_t *params = json_array();
		for (const char *p = strchr(routes[i].path, '{'); p; p = strchr(p + 1, '{')) {
			const char *end = strchr(p, '}');
			char *name = xstrndup(p + 1, (size_t)(end - p - 1));
			json_array_append_new(params,
			                      json_pack("{sssssbs{ss}}", "name", name, "in", "path",
			                                "required", 1, "schema", "type", "string"));
			free(name);
		}
		json_t *op = json_pack("{sssos{s{ss}s{ss}s{ss}s{ss}}}", "summary",
		                       routes[i].summary, "parameters", params, "responses", "200",
		                       "description", "OK", "400", "description",
		                       "{error: {code, message}}", "401", "description",
		                       "Not signed in", "403", "description", "Not allowed");
		if (!routes[i].public_)
			json_object_set_new(op, "security",
			                    json_pack("[{s[]}{s[]}]", "cookie", "bearer"));
		json_object_set_new(item, method, op);
		free(path);
	}
	reply_json(c, 200,
	           json_pack("{sss{ssss}sos{s{s{ssssss}s{ssss}}}}", "openapi", "3.1.0", "info",
	                     "title", "chitieu", "version", "1", "paths", paths, "components",
	                     "securitySchemes", "cookie", "type", "apiKey", "in", "cookie", "name",
	                     "chitieu_session", "bearer", "type", "http", "scheme", "bearer"));
}

void api_route(struct ctx *c)
{
	if (c->nseg < 2 || strcmp(c->seg[1], "v1")) {
		reply_error(c, 404, "E_NOT_FOUND", "Không có đường dẫn này");
		return;
	}
	bool path_known = false;
	for (size_t i = 0; i < NROUTES; i++) {
		struct args a = {{0}};
		if (!match(routes[i].path, c->seg + 2, c->nseg - 2, &a))
			continue;
		path_known = true;
		if (!strcmp(routes[i].method, c->rq->method)) {
			if (c->fast && !routes[i].cacheable)
				c->deferred = true; /* a worker will do it */
			else
				routes[i].fn(c, &a);
			return;
		}
	}
	if (path_known)
		reply_error(c, 405, "E_METHOD", "Phương thức không dùng được ở đây");
	else
		reply_error(c, 404, "E_NOT_FOUND", "Không có đường dẫn này");
}
