/* unit_settings.c: each unit's report settings (schema 8), one JSON
 * document per unit, checked by settings_parse before it is written. */
#include "store.h"

#include "driver.h"
#include "settings.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* The unit's id: 0 found, -1 with *err (ERR_UNKNOWN_UNIT when none). */
static int unit_id(struct store *s, const char *code, int64_t *id, struct error *err)
{
	struct stmt *st = st_prep(s, "SELECT id FROM units WHERE code = ?", err);
	if (!st)
		return -1;
	D->bind_text(st, 1, code);
	int rc = D->step(st, err);
	if (rc == 1)
		*id = D->col_int(st, 0);
	st_done(s, st);
	if (rc == 0)
		err_set(err, ERR_UNKNOWN_UNIT, "không có đơn vị %s", code);
	return rc == 1 ? 0 : -1;
}

int store_unit_settings_get(struct store *s, const char *unit_code, char **doc, struct error *err)
{
	*doc = NULL;
	int64_t id;
	if (unit_id(s, unit_code, &id, err))
		return -1;
	struct stmt *st = st_prep(s, "SELECT doc FROM unit_settings WHERE unit_id = ?", err);
	if (!st)
		return -1;
	D->bind_int(st, 1, id);
	int rc = D->step(st, err);
	if (rc == 1)
		*doc = xstrdup(D->col_text(st, 0) ? D->col_text(st, 0) : "");
	st_done(s, st);
	return rc < 0 ? -1 : 0;
}

int store_unit_settings_set(struct store *s, const char *unit_code, const char *doc, const char *by,
                            struct error *err)
{
	struct unit_settings u;
	if (settings_parse(doc, &u, err))
		return -1;
	int64_t id;
	if (unit_id(s, unit_code, &id, err))
		return -1;
	char *canonical = settings_json(&u), now[32];
	st_now(now);
	struct stmt *st = st_prep(s,
	                          "INSERT INTO unit_settings (unit_id, doc, updated_by, updated_at)"
	                          " VALUES (?, ?, ?, ?) ON CONFLICT (unit_id) DO UPDATE SET"
	                          " doc = excluded.doc, updated_by = excluded.updated_by,"
	                          " updated_at = excluded.updated_at",
	                          err);
	int rc = -1;
	if (st) {
		D->bind_int(st, 1, id);
		D->bind_text(st, 2, canonical);
		D->bind_text(st, 3, by ? by : "cli");
		D->bind_text(st, 4, now);
		rc = D->step(st, err) < 0 ? -1 : 0;
		st_done(s, st);
	}
	if (!rc)
		st_audit(s, by ? by : "cli", "unit.settings", "unit", id, canonical);
	free(canonical);
	return rc;
}
