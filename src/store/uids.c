/* uids.c: the DHIS2 identifiers of units and indicators (uids.h). */
#include "uids.h"

#include "dhis2_uid.h"
#include "internal.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

void uid_recs_free(struct uid_rec *r, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(r[i].unit);
		free(r[i].code);
		free(r[i].part);
		free(r[i].uid);
	}
	free(r);
}

static void read_uid(struct store *s, struct stmt *st, void *out)
{
	struct uid_rec *r = out;
	r->unit = st_dup(D->col_text(st, 0));
	r->code = st_dup(D->col_text(st, 1));
	r->part = st_dup(D->col_text(st, 2));
	r->uid = st_dup(D->col_text(st, 3));
}

/* Byte order, the same on both backends (their collations differ). */
static int by_key(const void *a, const void *b)
{
	const struct uid_rec *x = a, *y = b;
	int c = strcmp(x->unit, y->unit);
	if (!c)
		c = strcmp(x->code ? x->code : "", y->code ? y->code : "");
	return c ? c : strcmp(x->part, y->part);
}

int store_uid_list(struct store *s, struct uid_rec **out, size_t *n, struct error *err)
{
	*out = NULL;
	*n = 0;
	struct stmt *st = st_prep(s,
	                          "SELECT u.code, se.code, m.part, m.uid FROM dhis2_uids m"
	                          " JOIN units u ON u.id = m.unit_id"
	                          " LEFT JOIN series se ON se.id = m.series_id"
	                          " WHERE se.code IS NULL OR se.code NOT LIKE '%~%'",
	                          err);
	int rc = st_collect(s, st, (void **)out, n, sizeof **out, read_uid, err);
	if (!rc && *n)
		qsort(*out, *n, sizeof **out, by_key);
	return rc;
}

static int64_t id_of(struct store *s, const char *sql, int64_t unit, const char *code,
                     struct error *err)
{
	struct stmt *st = st_prep(s, sql, err);
	if (!st)
		return -1;
	if (unit)
		D->bind_int(st, 1, unit);
	D->bind_text(st, unit ? 2 : 1, code);
	int rc = D->step(st, err);
	int64_t id = rc == 1 ? D->col_int(st, 0) : rc;
	st_done(s, st);
	return id;
}

/* One record; *err says what is wrong with it. */
static int set_one(struct store *s, const struct uid_rec *r, size_t i, const char *by,
                   struct error *err)
{
	const char *part = r->part ? r->part : r->code ? "value" : "unit";
	bool unit_part = !strcmp(part, "unit") || !strcmp(part, "indicator_type");
	if (!dhis2_uid_ok(r->uid)) {
		err_set(err, ERR_UID,
		        "mục %zu: \"%s\" không phải UID của DHIS2 (11 ký tự chữ "
		        "và số, ký tự đầu là chữ)",
		        i + 1, r->uid ? r->uid : "");
		return -1;
	}
	if (unit_part == (r->code != NULL) ||
	    (!unit_part && strcmp(part, "value") && strcmp(part, "num") && strcmp(part, "den") &&
	     strcmp(part, "indicator"))) {
		err_set(err, ERR_INPUT, "mục %zu: phần \"%s\" không hợp lệ", i + 1, part);
		return -1;
	}
	int64_t unit = id_of(s, "SELECT id FROM units WHERE code = ?", 0, r->unit, err);
	if (unit <= 0) {
		if (!unit)
			err_set(err, ERR_UNKNOWN_UNIT, "mục %zu: không có đơn vị %s", i + 1,
			        r->unit ? r->unit : "");
		return -1;
	}
	int64_t series = 0;
	if (r->code) {
		series = id_of(s, "SELECT id FROM series WHERE unit_id = ? AND code = ?", unit,
		               r->code, err);
		if (series <= 0) {
			if (!series)
				err_set(err, ERR_UNKNOWN_INDICATOR,
				        "mục %zu: đơn vị %s không có "
				        "chỉ tiêu %s",
				        i + 1, r->unit, r->code);
			return -1;
		}
	}
	/* The UID already naming something else? */
	struct stmt *st = st_prep(s,
	                          "SELECT unit_id, coalesce(series_id, 0), part FROM dhis2_uids"
	                          " WHERE uid = ?",
	                          err);
	if (!st)
		return -1;
	D->bind_text(st, 1, r->uid);
	int rc = D->step(st, err);
	bool other = rc == 1 && (D->col_int(st, 0) != unit || D->col_int(st, 1) != series ||
	                         strcmp(D->col_text(st, 2), part));
	bool same = rc == 1 && !other;
	st_done(s, st);
	if (rc < 0)
		return -1;
	if (other) {
		err_set(err, ERR_DUPLICATE, "mục %zu: UID %s đã dùng cho đối tượng khác", i + 1,
		        r->uid);
		return -1;
	}
	if (same)
		return 0;
	st = st_prep(s,
	             "DELETE FROM dhis2_uids WHERE unit_id = ? AND coalesce(series_id, 0) = ?"
	             " AND part = ?",
	             err);
	if (!st)
		return -1;
	D->bind_int(st, 1, unit);
	D->bind_int(st, 2, series);
	D->bind_text(st, 3, part);
	rc = D->step(st, err);
	st_done(s, st);
	if (rc < 0)
		return -1;
	st = st_prep(s,
	             "INSERT INTO dhis2_uids (unit_id, series_id, part, uid) VALUES (?, ?, ?, ?)",
	             err);
	if (!st)
		return -1;
	D->bind_int(st, 1, unit);
	if (series)
		D->bind_int(st, 2, series);
	else
		D->bind_null(st, 2);
	D->bind_text(st, 3, part);
	D->bind_text(st, 4, r->uid);
	rc = D->step(st, err);
	st_done(s, st);
	if (rc < 0)
		return -1;
	char *detail = xasprintf("%s %s %s = %s", r->unit, r->code ? r->code : "", part, r->uid);
	st_audit(s, by, "dhis2_uid", "unit", unit, detail);
	free(detail);
	return 0;
}

int store_uid_set(struct store *s, const struct uid_rec *recs, size_t n, const char *by,
                  struct error *err)
{
	if (store_begin(s, err))
		return -1;
	for (size_t i = 0; i < n; i++)
		if (set_one(s, &recs[i], i, by, err)) {
			store_rollback(s);
			return -1;
		}
	return store_commit(s, err);
}
