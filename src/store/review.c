/* review.c: the reasons of returned figures, reviews of several figures at
 * once, the entry page's drafts and the inbox's read marks (review.h). */
#include "review.h"

#include "internal.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

void returned_rec_free(struct returned_rec *r)
{
	free(r->unit);
	free(r->code);
	free(r->period);
	free(r->reason);
	free(r->action);
	free(r->by);
	free(r->at);
	memset(r, 0, sizeof *r);
}

static void read_returned(struct store *s, struct stmt *st, void *out)
{
	struct returned_rec *r = out;
	(void)s;
	r->unit = xstrdup(D->col_text(st, 0));
	r->code = xstrdup(D->col_text(st, 1));
	r->period = xstrdup(D->col_text(st, 2));
	r->reason = xstrdup(D->col_text(st, 3));
	r->obs_id = D->col_int(st, 4);
	r->action = xstrdup(D->col_text(st, 5) ? D->col_text(st, 5) : "return");
	r->by = st_dup(D->col_text(st, 6));
	r->at = st_dup(D->col_text(st, 7));
}

int store_returned_list(struct store *s, int64_t unit, const char *period,
                        struct returned_rec **out, size_t *n, struct error *err)
{
	/* The review column holds the reason of the last return or reopen;
	 * submit and approve clear it; a re-recorded figure keeps it. */
	static const char sql[] =
	        "SELECT u.code, se.code, o.period, o.review, o.id, a.action, a.actor, a.at"
	        " FROM observations o JOIN series se ON se.id = o.series_id"
	        " JOIN units u ON u.id = se.unit_id LEFT JOIN audit a ON a.id = (SELECT max(b.id)"
	        " FROM audit b WHERE b.entity = 'observation' AND b.entity_id = o.id"
	        " AND b.action IN ('return', 'reopen'))"
	        " WHERE se.unit_id = ? AND o.review IS NOT NULL AND o.review <> ''"
	        " AND o.status IN ('returned', 'draft')"
	        " AND (CAST(? AS TEXT) IS NULL OR o.period = ?) ORDER BY o.period, se.code";
	struct stmt *st = st_prep(s, sql, err);
	if (st) {
		D->bind_int(st, 1, unit);
		D->bind_text(st, 2, period);
		D->bind_text(st, 3, period);
	}
	return st_collect(s, st, (void **)out, n, sizeof **out, read_returned, err);
}

int store_review_many(struct store *s, const struct review_item *items, size_t n,
                      const char *action, const char *by, const char *comment,
                      const char *const *comments, struct problems *ps)
{
	struct error err = {0};
	size_t before = ps->n;
	if (store_begin(s, &err)) {
		problems_add(ps, err_name(err.code), 0, "%s", err.msg);
		err_clear(&err);
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		struct unit_rec u = {0};
		struct series_rec sr = {0};
		int rc = store_unit_get(s, items[i].unit, &u, &err);
		if (!rc)
			rc = store_series_get(s, u.id, items[i].code, &sr, &err);
		if (rc) {
			problems_add(ps, rc > 0 ? "E_NOT_FOUND" : "E_DB", (int)i + 1, "%s %s: %s",
			             items[i].unit, items[i].code,
			             rc > 0 ? "không có đơn vị hoặc chỉ tiêu này" : err.msg);
			err_clear(&err);
		} else {
			const char *why =
			        comments && comments[i] && *comments[i] ? comments[i] : comment;
			struct problems one = {0};
			if (store_obs_transition(s, sr.id, items[i].period, action, by, why, &one))
				for (size_t k = 0; k < one.n; k++)
					problems_add(ps, one.v[k].code, (int)i + 1,
					             "%s %s kỳ %s: %s", items[i].unit,
					             items[i].code, items[i].period,
					             one.v[k].message);
			problems_free(&one);
			series_rec_free(&sr);
		}
		unit_rec_free(&u);
	}
	if (ps->n != before) {
		store_rollback(s);
		return -1;
	}
	if (store_commit(s, &err)) {
		problems_add(ps, err_name(err.code), 0, "%s", err.msg);
		err_clear(&err);
		return -1;
	}
	return 0;
}

void entry_draft_free(struct entry_draft *d)
{
	free(d->code);
	free(d->period);
	free(d->fields);
	free(d->at);
	memset(d, 0, sizeof *d);
}

int store_entry_draft_put(struct store *s, int64_t unit, const char *login, const char *code,
                          const char *period, const char *fields, struct error *err)
{
	char at[32];
	st_now(at);
	struct stmt *st =
	        st_prep(s,
	                "INSERT INTO entry_drafts (unit_id, login, code, period, fields, saved_at)"
	                " VALUES (?,?,?,?,?,?) ON CONFLICT (unit_id, login, code, period) DO UPDATE"
	                " SET fields = excluded.fields, saved_at = excluded.saved_at",
	                err);
	if (!st)
		return -1;
	D->bind_int(st, 1, unit);
	D->bind_text(st, 2, login);
	D->bind_text(st, 3, code);
	D->bind_text(st, 4, period);
	D->bind_text(st, 5, fields);
	D->bind_text(st, 6, at);
	int rc = D->step(st, err) < 0 ? -1 : 0;
	st_done(s, st);
	return rc;
}

static void read_draft(struct store *s, struct stmt *st, void *out)
{
	struct entry_draft *d = out;
	(void)s;
	d->code = xstrdup(D->col_text(st, 0));
	d->period = xstrdup(D->col_text(st, 1));
	d->fields = xstrdup(D->col_text(st, 2));
	d->at = xstrdup(D->col_text(st, 3));
}

int store_entry_draft_list(struct store *s, int64_t unit, const char *login, const char *period,
                           struct entry_draft **out, size_t *n, struct error *err)
{
	struct stmt *st = st_prep(s,
	                          "SELECT code, period, fields, saved_at FROM entry_drafts"
	                          " WHERE unit_id = ? AND login = ? AND (CAST(? AS TEXT) IS NULL"
	                          " OR period = ?) ORDER BY period, code",
	                          err);
	if (st) {
		D->bind_int(st, 1, unit);
		D->bind_text(st, 2, login);
		D->bind_text(st, 3, period);
		D->bind_text(st, 4, period);
	}
	return st_collect(s, st, (void **)out, n, sizeof **out, read_draft, err);
}

int store_entry_draft_clear(struct store *s, int64_t unit, const char *login, const char *code,
                            const char *period, struct error *err)
{
	struct stmt *st = st_prep(s,
	                          "DELETE FROM entry_drafts WHERE unit_id = ? AND login = ?"
	                          " AND period = ? AND (CAST(? AS TEXT) IS NULL OR code = ?)",
	                          err);
	if (!st)
		return -1;
	D->bind_int(st, 1, unit);
	D->bind_text(st, 2, login);
	D->bind_text(st, 3, period);
	D->bind_text(st, 4, code);
	D->bind_text(st, 5, code);
	int rc = D->step(st, err) < 0 ? -1 : 0;
	st_done(s, st);
	return rc;
}

int store_inbox_mark(struct store *s, const char *login, const char *const *keys, size_t n,
                     struct error *err)
{
	char at[32];
	st_now(at);
	int rc = 0;
	for (size_t i = 0; i < n && !rc; i++) {
		struct stmt *st =
		        st_prep(s,
		                "INSERT INTO inbox_read (login, msg, read_at) VALUES (?,?,?)"
		                " ON CONFLICT (login, msg) DO NOTHING",
		                err);
		if (!st)
			return -1;
		D->bind_text(st, 1, login);
		D->bind_text(st, 2, keys[i]);
		D->bind_text(st, 3, at);
		rc = D->step(st, err) < 0 ? -1 : 0;
		st_done(s, st);
	}
	return rc;
}

static void read_key(struct store *s, struct stmt *st, void *out)
{
	(void)s;
	*(char **)out = xstrdup(D->col_text(st, 0));
}

int store_inbox_read(struct store *s, const char *login, char ***keys, size_t *n, struct error *err)
{
	struct stmt *st = st_prep(s, "SELECT msg FROM inbox_read WHERE login = ?", err);
	if (st)
		D->bind_text(st, 1, login);
	return st_collect(s, st, (void **)keys, n, sizeof **keys, read_key, err);
}

void file_rec_free(struct file_rec *f)
{
	free(f->code);
	free(f->period);
	free(f->name);
	free(f->type);
	free(f->by);
	free(f->at);
	free(f->data);
	memset(f, 0, sizeof *f);
}

static const char B64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static char *b64_encode(const unsigned char *p, size_t n)
{
	char *out = xmalloc(4 * ((n + 2) / 3) + 1), *o = out;
	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned)p[i] << 16 | (i + 1 < n ? (unsigned)p[i + 1] << 8 : 0) |
		             (i + 2 < n ? p[i + 2] : 0);
		*o++ = B64[v >> 18 & 63];
		*o++ = B64[v >> 12 & 63];
		*o++ = i + 1 < n ? B64[v >> 6 & 63] : '=';
		*o++ = i + 2 < n ? B64[v & 63] : '=';
	}
	*o = 0;
	return out;
}

/* What b64_encode wrote (nothing else is stored): the bytes, *n of them. */
static char *b64_decode(const char *s, size_t *n)
{
	size_t len = strlen(s);
	char *out = xmalloc(len / 4 * 3 + 1);
	*n = 0;
	for (size_t i = 0; i + 3 < len; i += 4) {
		unsigned v = 0;
		int pad = 0;
		for (int k = 0; k < 4; k++) {
			const char *at = strchr(B64, s[i + k]);
			pad += s[i + k] == '=';
			v = v << 6 | (at && s[i + k] ? (unsigned)(at - B64) : 0);
		}
		out[(*n)++] = (char)(v >> 16);
		if (pad < 2)
			out[(*n)++] = (char)(v >> 8 & 255);
		if (pad < 1)
			out[(*n)++] = (char)(v & 255);
	}
	return out;
}

int store_file_put(struct store *s, int64_t unit, const char *code, const char *period,
                   const char *name, const char *type, const char *data, size_t size,
                   const char *by, int64_t *id, struct error *err)
{
	char at[32], *text = b64_encode((const unsigned char *)data, size);
	st_now(at);
	struct stmt *st =
	        st_prep(s,
	                "INSERT INTO evidence_files (unit_id, code, period, name, type, size,"
	                " data, uploaded_by, uploaded_at) VALUES (?,?,?,?,?,?,?,?,?)"
	                " RETURNING id",
	                err);
	int rc = -1;
	if (st) {
		D->bind_int(st, 1, unit);
		D->bind_text(st, 2, code);
		D->bind_text(st, 3, period);
		D->bind_text(st, 4, name);
		D->bind_text(st, 5, type);
		D->bind_int(st, 6, (int64_t)size);
		D->bind_text(st, 7, text);
		D->bind_text(st, 8, by);
		D->bind_text(st, 9, at);
		rc = D->step(st, err) == 1 ? 0 : -1;
		if (!rc)
			*id = D->col_int(st, 0);
		st_done(s, st);
	}
	free(text);
	if (!rc) {
		char *detail = xasprintf("%s %s: %s (%zu byte)", code, period, name, size);
		st_audit(s, by, "evidence.upload", "evidence_file", *id, detail);
		free(detail);
	}
	return rc;
}

int store_file_get(struct store *s, int64_t unit, int64_t id, struct file_rec *out,
                   struct error *err)
{
	struct stmt *st = st_prep(s,
	                          "SELECT code, period, name, type, data, uploaded_by, uploaded_at"
	                          " FROM evidence_files WHERE id = ? AND unit_id = ?",
	                          err);
	if (!st)
		return -1;
	D->bind_int(st, 1, id);
	D->bind_int(st, 2, unit);
	int rc = D->step(st, err);
	if (rc == 1) {
		out->id = id;
		out->code = xstrdup(D->col_text(st, 0));
		out->period = xstrdup(D->col_text(st, 1));
		out->name = xstrdup(D->col_text(st, 2));
		out->type = xstrdup(D->col_text(st, 3));
		out->data = b64_decode(D->col_text(st, 4), &out->size);
		out->by = xstrdup(D->col_text(st, 5));
		out->at = xstrdup(D->col_text(st, 6));
	}
	st_done(s, st);
	return rc == 1 ? 0 : rc == 0 ? 1 : -1;
}
