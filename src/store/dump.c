/* dump.c: everything in the database as one JSON document, and back into
 * an empty database of either backend; and the SQLite online backup. One
 * table list drives both directions, so a round trip loses nothing. */
#include "store.h"

#include "driver.h"
#include "util.h"

#include <assert.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Tables in the order their references allow; each column with its type:
 * i integer, r real, t text. */
static const struct table {
	const char *name, *order;
	const char *cols[17];
	const char *types;
} tables[] = {
        {"units",
         "id",
         {"id", "code", "name", "kind", "parent_id", "population", "created_at", "cutoff_day"},
         "itttiiti"},
        {"agencies", "id", {"id", "unit_id", "name", "folded"}, "iitt"},
        {"plans",
         "id",
         {"id", "unit_id", "version", "title", "number", "issuer", "issued_on", "source",
          "imported_at", "imported_by", "doc"},
         "iiitttttttt"},
        {"series", "id", {"id", "unit_id", "code", "folded"}, "iitt"},
        {"indicators",
         "id",
         {"id", "plan_id", "series_id", "code", "group_code", "name", "unit", "baseline",
          "baseline_text", "lead_id", "monitor_id", "partners", "implementers", "deadline"},
         "iiittttrtiittt"},
        {"indicator_agencies",
         "indicator_id, agency_id, role",
         {"indicator_id", "agency_id", "role"},
         "iit"},
        {"targets",
         "indicator_id, year",
         {"indicator_id", "year", "kind", "text", "op", "value", "min", "max", "level", "rank"},
         "iitttrrrti"},
        {"tasks",
         "id",
         {"id", "plan_id", "code", "group_code", "title", "lead", "implementers", "timeframe",
          "due", "recurring"},
         "iittttttti"},
        {"observations",
         "id",
         {"id", "series_id", "period", "value", "num", "den", "level", "yes", "note", "evidence",
          "status", "version", "recorded_by", "recorded_at", "review"},
         "iitrrrtitttittt"},
        {"observation_history",
         "id",
         {"id", "observation_id", "version", "value", "num", "den", "level", "yes", "note",
          "evidence", "status", "recorded_by", "recorded_at", "replaced_by", "replaced_at",
          "reason"},
         "iiirrrtitttttttt"},
        {"task_progress",
         "id",
         {"id", "unit_id", "task_code", "period", "status", "percent", "note", "evidence",
          "recorded_by", "recorded_at"},
         "iitttitttt"},
        {"audit",
         "id",
         {"id", "at", "actor", "action", "entity", "entity_id", "detail"},
         "ittttit"},
        /* Schema 2: accounts. */
        {"users",
         "id",
         {"id", "login", "name", "role", "unit_id", "agency", "pw_hash", "disabled", "created_at",
          "cred_epoch"},
         "ittttttiti"},
        {"api_tokens",
         "id",
         {"id", "user_id", "token_hash", "label", "created_at", "revoked", "expires_at", "scope"},
         "iitttitt"},
};

#define NTABLES (sizeof tables / sizeof tables[0])

static int ncols_of(const struct table *t)
{
	int n = 0;
	while (t->cols[n])
		n++;
	assert(n == (int)strlen(t->types)); /* the spec must describe every column */
	return n;
}

/* "units(id, code, ...)": the target of a copy, columns named. */
static char *target_of(const struct table *t)
{
	struct buf b = BUF_INIT;
	buf_printf(&b, "%s(", t->name);
	for (int c = 0; t->cols[c]; c++)
		buf_printf(&b, "%s%s", c ? ", " : "", t->cols[c]);
	buf_putc(&b, ')');
	return buf_detach(&b);
}

static char *select_sql(const struct table *t)
{
	struct buf b = BUF_INIT;
	buf_puts(&b, "SELECT ");
	for (int c = 0; t->cols[c]; c++)
		buf_printf(&b, "%s%s", c ? ", " : "", t->cols[c]);
	buf_printf(&b, " FROM %s ORDER BY %s", t->name, t->order);
	return buf_detach(&b);
}

static json_t *cell_json(const struct driver *d, struct stmt *st, int c, char type)
{
	if (d->col_null(st, c))
		return json_null();
	if (type == 'i')
		return json_integer((json_int_t)d->col_int(st, c));
	if (type == 'r')
		return json_real(d->col_double(st, c));
	return json_string(d->col_text(st, c));
}

int store_dump_json(const struct driver *d, void *db, int schema, json_t **out, char **err)
{
	json_t *tabs = json_object();
	for (size_t k = 0; k < NTABLES; k++) {
		const struct table *t = &tables[k];
		ncols_of(t);
		char *sql = select_sql(t);
		struct stmt *st = d->prepare(db, sql, err);
		free(sql);
		if (!st) {
			json_decref(tabs);
			return -1;
		}
		json_t *rows = json_array();
		int rc;
		while ((rc = d->step(st, err)) == 1) {
			json_t *row = json_array();
			for (int c = 0; t->cols[c]; c++)
				json_array_append_new(row, cell_json(d, st, c, t->types[c]));
			json_array_append_new(rows, row);
		}
		d->finalize(st);
		if (rc < 0) {
			json_decref(rows);
			json_decref(tabs);
			return -1;
		}
		json_t *cols = json_array();
		for (int c = 0; t->cols[c]; c++)
			json_array_append_new(cols, json_string(t->cols[c]));
		json_object_set_new(tabs, t->name,
		                    json_pack("{soso}", "columns", cols, "rows", rows));
	}
	*out = json_pack("{sisisssO}", "chitieu_dump", 1, "schema", schema, "backend", d->name,
	                 "tables", tabs);
	json_decref(tabs);
	return 0;
}

/* The cells of one table's rows as text, checked against its columns. */
static char **restore_cells(const struct table *t, json_t *rows, size_t *n, char **err)
{
	int ncols = ncols_of(t);
	*n = json_array_size(rows);
	char **cells = xcalloc(*n * (size_t)ncols + 1, sizeof *cells);
	for (size_t r = 0; r < *n; r++) {
		json_t *row = json_array_get(rows, r);
		if (!json_is_array(row) || (int)json_array_size(row) != ncols) {
			*err = xasprintf("bảng %s, dòng %zu: cần %d cột", t->name, r + 1, ncols);
			goto bad;
		}
		for (int c = 0; c < ncols; c++) {
			json_t *v = json_array_get(row, (size_t)c);
			char **cell = &cells[r * (size_t)ncols + (size_t)c];
			if (json_is_null(v))
				continue;
			if (t->types[c] == 'i' && json_is_integer(v))
				*cell = xasprintf("%lld", (long long)json_integer_value(v));
			else if (t->types[c] == 'r' && json_is_number(v))
				*cell = xasprintf("%.17g", json_number_value(v));
			else if (t->types[c] == 't' && json_is_string(v))
				*cell = xstrdup(json_string_value(v));
			else {
				*err = xasprintf("bảng %s, dòng %zu, cột %s: sai kiểu dữ liệu",
				                 t->name, r + 1, t->cols[c]);
				goto bad;
			}
		}
	}
	return cells;
bad:
	for (size_t i = 0; i < *n * (size_t)ncols; i++)
		free(cells[i]);
	free(cells);
	return NULL;
}

/* The template with each "{t}" replaced by the table name. */
static char *with_table(const char *tmpl, const char *table)
{
	struct buf b = BUF_INIT;
	for (const char *p = tmpl; *p;) {
		if (!strncmp(p, "{t}", 3)) {
			buf_puts(&b, table);
			p += 3;
		} else {
			buf_putc(&b, *p++);
		}
	}
	return buf_detach(&b);
}

int store_restore_json(const struct driver *d, void *db, int schema, json_t *doc, char **err)
{
	json_t *tabs = json_object_get(doc, "tables");
	if (json_integer_value(json_object_get(doc, "chitieu_dump")) != 1 ||
	    !json_is_object(tabs)) {
		*err = xstrdup("không phải tệp sao lưu của chitieu (thiếu \"chitieu_dump\": 1)");
		return -1;
	}
	json_int_t from = json_integer_value(json_object_get(doc, "schema"));
	if (from != schema && from != 1) { /* 1: the same without accounts */
		*err = xasprintf("tệp sao lưu có lược đồ phiên bản %lld, chương trình dùng %d",
		                 (long long)json_integer_value(json_object_get(doc, "schema")),
		                 schema);
		return -1;
	}
	for (size_t k = 0; k < NTABLES; k++) {
		const struct table *t = &tables[k];
		json_t *rows = json_object_get(json_object_get(tabs, t->name), "rows");
		if (!json_is_array(rows) && from == 1 &&
		    (!strcmp(t->name, "users") || !strcmp(t->name, "api_tokens")))
			continue;
		if (!json_is_array(rows)) {
			*err = xasprintf("thiếu bảng %s trong tệp sao lưu", t->name);
			return -1;
		}
		size_t n;
		char **cells = restore_cells(t, rows, &n, err);
		if (!cells)
			return -1;
		int ncols = ncols_of(t);
		char *target = target_of(t);
		int rc = n ? d->copy(db, target, ncols, cells, n, err) : 0;
		free(target);
		for (size_t i = 0; i < n * (size_t)ncols; i++)
			free(cells[i]);
		free(cells);
		if (rc)
			return -1;
		if (d->after_restore && !strcmp(t->order, "id")) {
			char *sql = with_table(d->after_restore, t->name);
			rc = d->exec(db, sql, err);
			free(sql);
			if (rc)
				return -1;
		}
	}
	return 0;
}
