/* api_plans.c: plan documents uploaded and corrected before they become
 * the unit's new plan version: the jobs reading them (upload.c), the drafts
 * (drafts.c in the store, draft.c for the JSON), and the API routes over
 * them, listed in api.c's routes[]. */
#include "api_plans.h"

#include "draft.h"
#include "import.h"
#include "multipart.h"
#include "plan_drafts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

size_t app_body_limit(const char *method, const char *url)
{
	if (!method || !url || strcmp(method, "POST"))
		return APP_MAX_BODY;
	/* /api/v1/units/{u}/plan/drafts and /don-vi/{u}/ke-hoach */
	const char *p = NULL;
	if (!strncmp(url, "/api/v1/units/", 14))
		p = strchr(url + 14, '/');
	if (p && !strcmp(p, "/plan/drafts"))
		return UPLOAD_MAX_BYTES;
	if (!strncmp(url, "/don-vi/", 8) && (p = strchr(url + 8, '/')) && !strcmp(p, "/ke-hoach"))
		return UPLOAD_MAX_BYTES;
	return APP_MAX_BODY;
}

char *app_too_large_vi(size_t limit)
{
	if (limit >= (1u << 20))
		return xasprintf(
		        "Tệp gửi lên quá lớn (tối đa %zu MB); chưa lưu gì. Xin gửi bản nhỏ "
		        "hơn: DOCX hoặc PDF xuất từ Word, hay bản quét ít trang hơn.",
		        limit >> 20);
	return xasprintf("Nội dung gửi lên quá lớn (tối đa %zu byte); chưa lưu gì.", limit);
}

/* ---- shared with the page ------------------------------------------------------------------- */

int pd_start(struct ctx *c, const struct unit_rec *u, char id[UPLOAD_ID_MAX], struct error *err)
{
	struct multipart m;
	struct multipart_limits lim = {8, 4096, UPLOAD_MAX_BYTES};
	if (multipart_parse(c->rq->content_type, c->rq->body, c->rq->body_len, &lim, &m, err))
		return -1;
	const struct multipart_part *f = multipart_find(&m, "file");
	int rc = -1;
	if (!f || !f->filename) {
		err_set(err, ERR_INPUT, "Chưa chọn tệp kế hoạch (trường \"file\"); chưa lưu gì.");
	} else if (!f->len) {
		err_set(err, ERR_DOCUMENT,
		        "Tệp gửi lên rỗng (0 byte): xin chọn lại tệp kế hoạch; chưa lưu gì.");
	} else {
		const char *slash = strrchr(f->filename, '/'), *back = strrchr(f->filename, '\\');
		const char *name = back > slash ? back + 1 : slash ? slash + 1 : f->filename;
		rc = upload_start(c->app->uploads, u->code, c->user.login, *name ? name : "tệp",
		                  f->data, f->len, id, err);
	}
	multipart_free(&m);
	return rc;
}

void pd_wait(struct ctx *c, const char *id, int ms)
{
	/* app_handle holds the write lock for a POST: let the others write
	 * while the document is read. */
	app_write_end(c);
	upload_wait(c->app->uploads, id, ms);
	app_write_begin(c);
}

bool pd_collect(struct ctx *c, const struct unit_rec *u, const char *id, struct upload_status *st,
                struct error *err)
{
	if (!upload_get(c->app->uploads, id, u->code, st))
		return false;
	if (st->state != UPLOAD_DONE || st->draft)
		return true;
	/* Stored once: under the write lock, looked at again. A GET does not
	 * hold it yet; app_handle holds it for the other methods. */
	bool get = !strcmp(c->rq->method, "GET") || !strcmp(c->rq->method, "HEAD");
	if (get)
		app_write_begin(c);
	upload_status_free(st);
	if (upload_get(c->app->uploads, id, u->code, st) && st->state == UPLOAD_DONE &&
	    !st->draft) {
		int64_t draft = 0;
		if (store_draft_add(c->s, u->id, st->filename, c->user.login, st->json, DRAFT_HOURS,
		                    &draft, err)) {
			st->state = UPLOAD_FAILED;
			err_set(&st->err, err->code, "%s", err->msg);
		} else {
			upload_set_draft(c->app->uploads, id, draft);
			st->draft = draft;
		}
	}
	if (get)
		app_write_end(c);
	return true;
}

/* Draft id of unit u into *d: 0, or -1 with *err (ERR_NOT_FOUND when
 * there is no such draft). */
static int get_draft(struct ctx *c, const struct unit_rec *u, int64_t id, struct draft_rec *d,
                     struct error *err)
{
	int found = store_draft_get(c->s, u->id, id, d, err);
	if (found > 0)
		err_set(err, ERR_NOT_FOUND, "Không có bản nháp này (đã đăng hoặc đã hết hạn)");
	return found ? -1 : 0;
}

static json_t *loads(const char *s)
{
	return s ? json_loads(s, 0, NULL) : NULL;
}

/* The plan object inside {"plan": {...}}; steals doc. */
static json_t *unwrap(json_t *doc)
{
	json_t *p = json_object_get(doc, "plan");
	if (!json_is_object(p))
		return doc;
	json_incref(p);
	json_decref(doc);
	return p;
}

json_t *pd_draft_json(struct ctx *c, const struct unit_rec *u, int64_t id, struct error *err)
{
	struct draft_rec d;
	if (get_draft(c, u, id, &d, err))
		return NULL;
	json_t *plan = unwrap(loads(d.doc)), *parsed = unwrap(loads(d.parsed));
	json_t *o =
	        json_pack("{sIsssssssssssoso}", "id", (json_int_t)d.id, "unit", u->code, "filename",
	                  d.filename, "created_by", d.created_by, "created_at", d.created_at,
	                  "expires_at", d.expires_at, "plan", plan ? plan : json_object(), "parsed",
	                  parsed ? parsed : json_object());
	json_object_set_new(o, "row_warnings", draft_row_warnings(json_object_get(o, "plan")));
	json_object_set_new(o, "cell_flags", draft_cell_flags(json_object_get(o, "plan")));
	json_object_set_new(o, "task_flags", draft_task_flags(json_object_get(o, "plan")));
	char *seen = draft_tasks_seen(json_object_get(o, "plan"));
	json_object_set_new(o, "tasks_seen", json_string(seen));
	free(seen);
	json_object_set_new(o, "group_flags", draft_group_flags(json_object_get(o, "plan")));
	draft_rec_free(&d);
	return o;
}

/* The draft's plan read into p: 0, or -1 with *err. */
static int draft_plan(struct ctx *c, const struct unit_rec *u, int64_t id, struct plan *p,
                      json_t **doc, struct error *err)
{
	struct draft_rec d;
	if (get_draft(c, u, id, &d, err))
		return -1;
	json_t *j = loads(d.doc);
	draft_rec_free(&d);
	plan_init(p);
	if (!j || plan_from_json(j, p)) {
		json_decref(j);
		plan_free(p);
		plan_init(p);
		err_set(err, ERR_INPUT,
		        "Bản nháp không còn là một kế hoạch đọc được; xin tải tệp "
		        "lên lại");
		return -1;
	}
	if (doc)
		*doc = j;
	else
		json_decref(j);
	return 0;
}

static json_t *mapping_json(const struct plan_mapping *m, size_t n)
{
	json_t *a = json_array();
	static const char *const names[] = {[PLAN_SAME] = "same",
	                                    [PLAN_RENUMBERED] = "renumbered",
	                                    [PLAN_REPLACED] = "replaced",
	                                    [PLAN_NEW] = "new",
	                                    [PLAN_DROPPED] = "dropped"};
	for (size_t i = 0; i < n; i++) {
		unsigned k = (unsigned)m[i].match;
		json_array_append_new(
		        a, json_pack("{s:s, s:s?, s:s?, s:s?, s:s?, s:I, s:s}", "match",
		                     k < sizeof names / sizeof names[0] ? names[k] : "?",
		                     "old_code", m[i].old_code, "old_name", m[i].old_name,
		                     "new_code", m[i].new_code, "new_name", m[i].new_name,
		                     "figures", (json_int_t)m[i].figures, "label",
		                     plan_match_name_vi(m[i].match)));
	}
	return a;
}

/* The tasks whose reported progress saving would move or set aside
 * (store_plan_task_mapping) as [{match, old_code, old_title, new_code,
 * new_title, progress, aside, clash, label}]; NULL with *err. */
static json_t *task_mapping_json(struct ctx *c, const struct unit_rec *u, const struct plan *p,
                                 struct error *err)
{
	struct task_mapping *m;
	size_t n;
	if (store_plan_task_mapping(c->s, u->id, p, &m, &n, err))
		return NULL;
	static const char *const names[] = {[PLAN_RENUMBERED] = "renumbered",
	                                    [PLAN_REPLACED] = "replaced",
	                                    [PLAN_DROPPED] = "dropped"};
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *clash = json_array();
		for (size_t k = 0; k < m[i].nclash; k++)
			json_array_append_new(clash, json_string(m[i].clash[k]));
		char *label = task_mapping_vi(&m[i]);
		json_array_append_new(
		        a, json_pack("{s:s, s:s, s:s?, s:s?, s:s?, s:I, s:s, s:o, s:s}", "match",
		                     names[m[i].match], "old_code", m[i].old_code, "old_title",
		                     m[i].old_title, "new_code", m[i].new_code, "new_title",
		                     m[i].new_title, "progress", (json_int_t)m[i].progress, "aside",
		                     m[i].aside, "clash", clash, "label", label));
		free(label);
	}
	task_mapping_free(m, n);
	return a;
}

json_t *pd_diff(struct ctx *c, const struct unit_rec *u, int64_t id, struct error *err)
{
	struct plan p;
	json_t *doc = NULL;
	if (draft_plan(c, u, id, &p, &doc, err))
		return NULL;
	char *cur = NULL;
	int has = store_plan_current(c->s, u->id, &cur, err);
	json_t *old = has == 0 ? loads(cur) : NULL, *out = NULL;
	free(cur);
	struct plan_mapping *m = NULL;
	size_t n = 0;
	bool confirm = false;
	json_t *tm = NULL;
	if (has >= 0 && !store_plan_mapping(c->s, u->id, &p, &m, &n, &confirm, err) &&
	    (tm = task_mapping_json(c, u, &p, err))) {
		out = draft_diff(old, doc);
		json_object_set_new(out, "mapping", mapping_json(m, n));
		json_object_set_new(out, "task_mapping", tm);
		json_object_set_new(out, "confirm", json_boolean(confirm));
		json_object_set_new(out, "has_plan", json_boolean(has == 0));
	}
	plan_mapping_free(m, n);
	json_decref(old);
	json_decref(doc);
	plan_free(&p);
	return out;
}

int pd_edit(struct ctx *c, const struct unit_rec *u, int64_t id, json_t *edits, struct error *err)
{
	struct draft_rec d;
	if (get_draft(c, u, id, &d, err))
		return -1;
	json_t *plan = loads(d.doc), *made = json_object_get(edits, "made");
	/* "made": the draft's created_at as the page got it; a draft since
	 * published or let go gives its number to a later upload (SQLite). */
	bool other = made && (!json_is_string(made) ||
	                      strcmp(json_string_value(made), d.created_at ? d.created_at : ""));
	draft_rec_free(&d);
	int rc = -1;
	struct plan check;
	plan_init(&check);
	if (other) {
		err_set(err, ERR_STATE,
		        "Bản nháp này đã được lưu hoặc bỏ; số của nó nay là bản nháp của một lần "
		        "tải lên sau: xin mở lại bản nháp rồi sửa; chưa sửa gì");
	} else if (!plan) {
		err_set(err, ERR_INPUT, "Bản nháp hỏng; xin tải tệp lên lại");
	} else if (!draft_edit(plan, edits, err)) {
		if (plan_from_json(plan, &check)) {
			err_set(err, ERR_INPUT,
			        "Sau khi sửa, bản nháp không còn là một kế hoạch đọc "
			        "được; chưa sửa gì");
		} else {
			char *s = json_dumps(plan, JSON_COMPACT);
			rc = store_draft_update(c->s, u->id, id, s, err);
			free(s);
			if (rc > 0) {
				err_set(err, ERR_NOT_FOUND, "Không có bản nháp này");
				rc = -1;
			}
		}
	}
	plan_free(&check);
	json_decref(plan);
	return rc;
}

int pd_publish(struct ctx *c, const struct unit_rec *u, int64_t id, bool confirm,
               struct import_report *rep, struct error *err)
{
	struct plan p;
	if (draft_plan(c, u, id, &p, NULL, err))
		return -1;
	struct plan_mapping *m = NULL;
	size_t n = 0;
	bool needs = false;
	int rc = -1;
	c->relinked = true; /* the series and links follow the new plan */
	char *source = xasprintf("tải lên bởi %s", c->user.login);
	if (store_begin(c->s, err) || store_plan_mapping(c->s, u->id, &p, &m, &n, &needs, err)) {
		store_rollback(c->s);
	} else if (needs && !confirm) {
		store_rollback(c->s);
		err_set(err, ERR_CONFIRM,
		        "Kế hoạch mới đổi mã, thay hoặc bỏ chỉ tiêu, hoặc nhiệm vụ đã có "
		        "báo cáo tiến độ, so với phiên bản đang dùng; chưa lưu gì. Xem danh "
		        "sách rồi xác nhận để lưu.");
	} else if (store_plan_save(c->s, u->id, &p, source, c->user.login, rep, err) ||
	           store_draft_delete(c->s, u->id, id, err) || store_commit(c->s, err)) {
		store_rollback(c->s);
	} else {
		rc = 0;
	}
	free(source);
	plan_mapping_free(m, n);
	plan_free(&p);
	return rc;
}

/* ---- the API -----------------------------------------------------------------------------------
 */

/* The unit of the route, the account allowed (office of the unit, admin)
 * and, for a write, the anti-forgery token: false with the answer written. */
static bool unit_for(struct ctx *c, const char *code, bool write, struct unit_rec *u)
{
	struct error err = {0};
	if (!c->signed_in) {
		reply_error(c, 401, "E_SIGNIN", "Cần đăng nhập");
		return false;
	}
	if (!ctx_may(c, RIGHT_APPROVE, code)) {
		reply_error(c, 403, "E_FORBIDDEN", "Tài khoản này không được làm việc đó");
		return false;
	}
	if (write && !ctx_csrf_ok(c)) {
		reply_error(c, 403, "E_CSRF", "Thiếu hoặc sai mã chống giả mạo (X-CSRF-Token)");
		return false;
	}
	int found = store_unit_get(c->s, code, u, &err);
	if (found) {
		if (found > 0)
			reply_error(c, 404, "E_UNKNOWN_UNIT", "Không có đơn vị này");
		else
			reply_store_error(c, &err);
		err_clear(&err);
		return false;
	}
	return true;
}

static bool draft_id(struct ctx *c, const char *s, int64_t *id)
{
	char *end;
	long long v = strtoll(s, &end, 10);
	if (*end || v <= 0) {
		reply_error(c, 404, "E_NOT_FOUND", "Không có bản nháp này");
		return false;
	}
	*id = v;
	return true;
}

/* The unit and draft of the route (p: unit, draft id), as unit_for: false
 * with the answer written (and *u let go). */
static bool draft_of(struct ctx *c, const char *const *p, bool write, struct unit_rec *u,
                     int64_t *id)
{
	if (!unit_for(c, p[0], write, u))
		return false;
	if (draft_id(c, p[1], id))
		return true;
	unit_rec_free(u);
	return false;
}

static void job_reply(struct ctx *c, const struct unit_rec *u, const char *id,
                      const struct upload_status *st, bool created)
{
	if (st->state == UPLOAD_FAILED) {
		reply_store_error(c, &st->err);
		return;
	}
	if (st->state == UPLOAD_DONE && st->draft) {
		struct error err = {0};
		json_t *d = pd_draft_json(c, u, st->draft, &err);
		if (d) {
			json_object_set_new(d, "job", json_string(id));
			reply_json(c, created ? 201 : 200, d);
		} else {
			reply_store_error(c, &err);
		}
		err_clear(&err);
		return;
	}
	char *poll = xasprintf("/api/v1/units/%s/plan/jobs/%s", u->code, id);
	reply_json(c, 202,
	           json_pack("{sssssisiss}", "job", id, "state", "reading", "page", st->page,
	                     "pages", st->pages, "poll", poll));
	free(poll);
}

void api_draft_upload(struct ctx *c, const char *const *p)
{
	struct unit_rec u = {0};
	if (!unit_for(c, p[0], true, &u))
		return;
	char id[UPLOAD_ID_MAX];
	struct error err = {0};
	struct upload_status st = {0};
	if (pd_start(c, &u, id, &err)) {
		reply_store_error(c, &err);
	} else {
		pd_wait(c, id, 3000);
		if (pd_collect(c, &u, id, &st, &err))
			job_reply(c, &u, id, &st, true);
		else
			reply_error(c, 500, "E_INTERNAL", "Mất dấu việc đọc tệp");
	}
	upload_status_free(&st);
	err_clear(&err);
	unit_rec_free(&u);
}

void api_draft_job(struct ctx *c, const char *const *p)
{
	struct unit_rec u = {0};
	if (!unit_for(c, p[0], false, &u))
		return;
	struct upload_status st = {0};
	struct error err = {0};
	if (!pd_collect(c, &u, p[1], &st, &err))
		reply_error(c, 404, "E_NOT_FOUND",
		            "Không có việc đọc tệp này (hoặc đã quá một giờ)");
	else if (st.state == UPLOAD_DONE && st.draft)
		reply_json(c, 200,
		           json_pack("{sssssI}", "job", p[1], "state", "done", "draft",
		                     (json_int_t)st.draft));
	else if (st.state == UPLOAD_FAILED) {
		enum err_code code = app_err_code(&st.err);
		reply_json(c, 200,
		           json_pack("{ssss s{ssss}}", "job", p[1], "state", "failed", "error",
		                     "code", err_name(code), "message",
		                     st.err.msg ? st.err.msg : "lỗi cơ sở dữ liệu"));
	} else
		reply_json(c, 200,
		           json_pack("{sssssisi}", "job", p[1], "state", "reading", "page", st.page,
		                     "pages", st.pages));
	upload_status_free(&st);
	err_clear(&err);
	unit_rec_free(&u);
}

/* GET of a draft (p: unit, draft id) answered with what view makes of it. */
static void draft_view(struct ctx *c, const char *const *p,
                       json_t *(*view)(struct ctx *, const struct unit_rec *, int64_t,
                                       struct error *))
{
	struct unit_rec u = {0};
	int64_t id;
	if (!draft_of(c, p, false, &u, &id))
		return;
	struct error err = {0};
	json_t *d = view(c, &u, id, &err);
	if (d)
		reply_json(c, 200, d);
	else if (err_is(&err))
		reply_store_error(c, &err);
	err_clear(&err);
	unit_rec_free(&u);
}

void api_draft_get(struct ctx *c, const char *const *p)
{
	draft_view(c, p, pd_draft_json);
}

void api_draft_diff(struct ctx *c, const char *const *p)
{
	draft_view(c, p, pd_diff);
}

static json_t *json_body(struct ctx *c)
{
	const char *t = c->rq->content_type;
	if (!t || strncasecmp(t, "application/json", 16)) {
		reply_error(c, 415, "E_CONTENT_TYPE", "Cần Content-Type: application/json");
		return NULL;
	}
	json_error_t e;
	json_t *j = json_loadb(c->rq->body, c->rq->body_len, JSON_REJECT_DUPLICATES, &e);
	if (!json_is_object(j)) {
		char *msg = xasprintf("JSON không đọc được (dòng %d, cột %d): %s", e.line, e.column,
		                      j ? "cần một đối tượng" : e.text);
		reply_error(c, 400, "E_JSON", msg);
		free(msg);
		json_decref(j);
		return NULL;
	}
	return j;
}

void api_draft_patch(struct ctx *c, const char *const *p)
{
	struct unit_rec u = {0};
	int64_t id;
	if (!draft_of(c, p, true, &u, &id))
		return;
	json_t *edits = json_body(c);
	struct error err = {0};
	if (edits) {
		json_t *d = NULL;
		if (pd_edit(c, &u, id, edits, &err) || !(d = pd_draft_json(c, &u, id, &err)))
			reply_store_error(c, &err);
		else
			reply_json(c, 200, d);
	}
	json_decref(edits);
	err_clear(&err);
	unit_rec_free(&u);
}

void api_draft_publish(struct ctx *c, const char *const *p)
{
	struct unit_rec u = {0};
	int64_t id;
	if (!draft_of(c, p, true, &u, &id))
		return;
	json_t *body = NULL;
	if (c->rq->body_len && !(body = json_body(c))) {
		unit_rec_free(&u);
		return;
	}
	bool confirm = json_is_true(json_object_get(body, "confirm"));
	struct import_report rep = {0};
	struct error err = {0};
	json_t *diff = NULL;
	if (!pd_publish(c, &u, id, confirm, &rep, &err)) {
		json_t *gone = json_array();
		for (size_t i = 0; i < rep.nunmatched; i++)
			json_array_append_new(gone, json_string(rep.unmatched[i]));
		reply_json(c, 201,
		           json_pack("{sIsisIsIso}", "plan_id", (json_int_t)rep.plan_id, "version",
		                     rep.version, "matched", (json_int_t)rep.matched, "added",
		                     (json_int_t)rep.added, "unmatched", gone));
	} else if (err.code == ERR_CONFIRM && (diff = pd_diff(c, &u, id, &(struct error){0}))) {
		reply_json(c, 409,
		           json_pack("{s{sssssOsO}}", "error", "code", err_name(err.code),
		                     "message", err.msg, "mapping",
		                     json_object_get(diff, "mapping"), "task_mapping",
		                     json_object_get(diff, "task_mapping")));
	} else {
		reply_store_error(c, &err);
	}
	json_decref(diff);
	json_decref(body);
	import_report_free(&rep);
	err_clear(&err);
	unit_rec_free(&u);
}

void api_draft_delete(struct ctx *c, const char *const *p)
{
	struct unit_rec u = {0};
	int64_t id;
	if (!draft_of(c, p, true, &u, &id))
		return;
	struct error err = {0};
	if (store_draft_delete(c->s, u.id, id, &err))
		reply_store_error(c, &err);
	else
		reply_json(c, 200, json_pack("{sb}", "deleted", 1));
	err_clear(&err);
	unit_rec_free(&u);
}

void api_target_preview(struct ctx *c, const char *const *p)
{
	(void)p;
	if (!c->signed_in) {
		reply_error(c, 401, "E_SIGNIN", "Cần đăng nhập");
		return;
	}
	char *text = ctx_query(c, "text"), *unit = ctx_query(c, "unit");
	if (!text || strlen(text) > DRAFT_MAX_TEXT) {
		reply_error(c, 400, "E_INPUT", "Cần ?text= (không quá dài)");
	} else {
		struct target t;
		target_parse(text, unit && *unit ? unit : NULL, &t);
		reply_json(c, 200, target_to_json(&t));
		target_free(&t);
	}
	free(text);
	free(unit);
}
