/* drafts.c: plan drafts, the working copies of uploaded plan documents
 * (schema version 10). A draft belongs to its unit: every call names the
 * unit, so one unit's office cannot reach another's draft by its number. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

void draft_rec_free(struct draft_rec *d)
{
	if (!d)
		return;
	free(d->filename);
	free(d->created_by);
	free(d->created_at);
	free(d->expires_at);
	free(d->parsed);
	free(d->doc);
	memset(d, 0, sizeof *d);
}

static int run(struct store *s, struct stmt *st, struct error *err)
{
	if (!st)
		return -1;
	int rc = D->step(st, err) < 0 ? -1 : 0;
	st_done(s, st);
	return rc;
}

int store_draft_add(struct store *s, int64_t unit_id, const char *filename, const char *by,
                    const char *json, int hours, int64_t *id, struct error *err)
{
	char now[32], until[32];
	st_now(now);
	time_t later = time(NULL) + (time_t)hours * 3600;
	struct tm tm;
	gmtime_r(&later, &tm);
	strftime(until, sizeof until, "%Y-%m-%dT%H:%M:%SZ", &tm);
	struct stmt *st = st_prep(s, "DELETE FROM plan_drafts WHERE expires_at < ?", err);
	if (st)
		D->bind_text(st, 1, now);
	if (run(s, st, err))
		return -1;
	st = st_prep(s,
	             "INSERT INTO plan_drafts (unit_id, filename, created_by, created_at, "
	             "expires_at, parsed, doc) VALUES (?,?,?,?,?,?,?)",
	             err);
	if (st) {
		D->bind_int(st, 1, unit_id);
		D->bind_text(st, 2, filename);
		D->bind_text(st, 3, by);
		D->bind_text(st, 4, now);
		D->bind_text(st, 5, until);
		D->bind_text(st, 6, json);
		D->bind_text(st, 7, json);
	}
	if (run(s, st, err))
		return -1;
	st = st_prep(s, "SELECT max(id) FROM plan_drafts WHERE unit_id = ? AND created_by = ?",
	             err);
	if (!st)
		return -1;
	D->bind_int(st, 1, unit_id);
	D->bind_text(st, 2, by);
	int rc = D->step(st, err) == 1 ? 0 : -1;
	if (!rc)
		*id = D->col_int(st, 0);
	st_done(s, st);
	return rc;
}

int store_draft_get(struct store *s, int64_t unit_id, int64_t id, struct draft_rec *out,
                    struct error *err)
{
	char now[32];
	st_now(now);
	memset(out, 0, sizeof *out);
	struct stmt *st =
	        st_prep(s,
	                "SELECT id, unit_id, filename, created_by, created_at, expires_at,"
	                " parsed, doc FROM plan_drafts WHERE id = ? AND unit_id = ? AND"
	                " expires_at >= ?",
	                err);
	if (!st)
		return -1;
	D->bind_int(st, 1, id);
	D->bind_int(st, 2, unit_id);
	D->bind_text(st, 3, now);
	int r = D->step(st, err);
	if (r == 1) {
		out->id = D->col_int(st, 0);
		out->unit_id = D->col_int(st, 1);
		out->filename = st_dup(D->col_text(st, 2));
		out->created_by = st_dup(D->col_text(st, 3));
		out->created_at = st_dup(D->col_text(st, 4));
		out->expires_at = st_dup(D->col_text(st, 5));
		out->parsed = st_dup(D->col_text(st, 6));
		out->doc = st_dup(D->col_text(st, 7));
	}
	st_done(s, st);
	return r < 0 ? -1 : r == 1 ? 0 : 1;
}

int store_draft_update(struct store *s, int64_t unit_id, int64_t id, const char *doc,
                       struct error *err)
{
	struct draft_rec d;
	int found = store_draft_get(s, unit_id, id, &d, err);
	draft_rec_free(&d);
	if (found)
		return found;
	struct stmt *st =
	        st_prep(s, "UPDATE plan_drafts SET doc = ? WHERE id = ? AND unit_id = ?", err);
	if (st) {
		D->bind_text(st, 1, doc);
		D->bind_int(st, 2, id);
		D->bind_int(st, 3, unit_id);
	}
	return run(s, st, err);
}

int store_draft_delete(struct store *s, int64_t unit_id, int64_t id, struct error *err)
{
	struct stmt *st = st_prep(s, "DELETE FROM plan_drafts WHERE id = ? AND unit_id = ?", err);
	if (st) {
		D->bind_int(st, 1, id);
		D->bind_int(st, 2, unit_id);
	}
	return run(s, st, err);
}

int store_draft_count(struct store *s, int64_t *n, struct error *err)
{
	struct stmt *st = st_prep(s, "SELECT count(*) FROM plan_drafts", err);
	if (!st)
		return -1;
	int rc = D->step(st, err) == 1 ? 0 : -1;
	if (!rc)
		*n = D->col_int(st, 0);
	st_done(s, st);
	return rc;
}
