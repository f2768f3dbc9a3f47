/* dump.c: everything in the database as one JSON document, and back into
 * an empty database of either backend; and the SQLite online backup. One
 * table list drives both directions, so a round trip loses nothing. */
#include "store.h"

#include "dhis2_uid.h"
#include "driver.h"
#include "figures.h"
#include "internal.h"
#include "period.h"
#include "plan.h"
#include "settings.h"
#include "text.h"
#include "util.h"

#include <assert.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Tables in the order their references allow; each column with its type:
 * i integer, r real, t text. */
static const struct table {
	const char *name, *order;
	const char *cols[17];
	const char *types;
	int since; /* the schema that added it: older dumps may lack it */
} tables[] = {
        {"units",
         "id",
         {"id", "code", "name", "kind", "parent_id", "population", "created_at", "cutoff_day"},
         "itttiiti",
         1},
        {"agencies", "id", {"id", "unit_id", "name", "folded"}, "iitt", 1},
        {"plans",
         "id",
         {"id", "unit_id", "version", "title", "number", "issuer", "issued_on", "source",
          "imported_at", "imported_by", "doc"},
         "iiitttttttt",
         1},
        /* (series.folded until schema 14: dropped, never read) */
        {"series", "id", {"id", "unit_id", "code"}, "iit", 1},
        {"indicators",
         "id",
         {"id", "plan_id", "series_id", "code", "group_code", "name", "unit", "baseline",
          "baseline_text", "lead_id", "monitor_id", "partners", "implementers", "deadline"},
         "iiittttrtiittt",
         1},
        {"indicator_agencies",
         "indicator_id, agency_id, role",
         {"indicator_id", "agency_id", "role"},
         "iit",
         1},
        {"targets",
         "indicator_id, year",
         {"indicator_id", "year", "kind", "text", "op", "value", "min", "max", "level", "rank"},
         "iitttrrrti",
         1},
        {"tasks",
         "id",
         {"id", "plan_id", "code", "group_code", "title", "lead", "implementers", "timeframe",
          "due", "recurring"},
         "iittttttti",
         1},
        {"observations",
         "id",
         {"id", "series_id", "period", "value", "num", "den", "level", "yes", "note", "evidence",
          "status", "version", "recorded_by", "recorded_at", "review"},
         "iitrrrtitttittt",
         1},
        {"observation_history",
         "id",
         {"id", "observation_id", "version", "value", "num", "den", "level", "yes", "note",
          "evidence", "status", "recorded_by", "recorded_at", "replaced_by", "replaced_at",
          "reason"},
         "iiirrrtitttttttt",
         1},
        {"task_progress",
         "id",
         {"id", "unit_id", "task_code", "period", "status", "percent", "note", "evidence",
          "recorded_by", "recorded_at"},
         "iitttitttt",
         1},
        {"audit",
         "id",
         {"id", "at", "actor", "action", "entity", "entity_id", "detail"},
         "ittttit",
         1},
        /* Schema 2: accounts. */
        {"users",
         "id",
         {"id", "login", "name", "role", "unit_id", "agency", "pw_hash", "disabled", "created_at",
          "cred_epoch"},
         "ittttttiti",
         2},
        {"api_tokens",
         "id",
         {"id", "user_id", "token_hash", "label", "created_at", "revoked", "expires_at", "scope"},
         "iitttitt",
         2},
        /* Schema 5: links between a unit's indicators and its parent's. */
        {"links",
         "id",
         {"id", "child_series_id", "parent_series_id", "state", "score", "why", "decided_by",
          "decided_at"},
         "iiitrttt",
         5},
        /* Schema 7: DHIS2 identifiers. */
        {"dhis2_uids", "id", {"id", "unit_id", "series_id", "part", "uid"}, "iiitt", 7},
        /* Schema 8: each unit's report settings (a JSON document). */
        {"unit_settings", "unit_id", {"unit_id", "doc", "updated_by", "updated_at"}, "ittt", 8},
        /* Schema 9: evidence files kept with figures (review.h). */
        {"evidence_files",
         "id",
         {"id", "unit_id", "code", "period", "name", "type", "size", "data", "uploaded_by",
          "uploaded_at"},
         "iittttittt",
         9},
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
	/* Schema 13 keeps a plan's tasks once per content (plancontent.c); a
	 * dump numbers them per plan, as before. */
	if (!strcmp(t->name, "tasks")) {
		buf_free(&b);
		buf_puts(&b, "SELECT row_number() OVER (ORDER BY plan_id, id)");
		for (int c = 1; t->cols[c]; c++)
			buf_printf(&b, ", %s", t->cols[c]);
		buf_puts(&b, " FROM tasks ORDER BY plan_id, id");
		return buf_detach(&b);
	}
	/* Schema 14 keeps a link's texts once (linknotes.c); a dump keeps
	 * them with each link, as before. */
	if (!strcmp(t->name, "links")) {
		buf_free(&b);
		buf_puts(&b, "SELECT l.id, l.child_series_id, l.parent_series_id, l.state, l.score,"
		             " w.why, d.decided_by, d.decided_at FROM links l LEFT JOIN link_whys w"
		             " ON w.id = l.why_id JOIN link_decisions d ON d.id = l.decision_id"
		             " ORDER BY l.id");
		return buf_detach(&b);
	}
	/* Schema 6 keeps each plan document once (plan_docs); a dump keeps it
	 * with each plan, as before. */
	buf_printf(&b, " FROM %s ORDER BY %s",
	           strcmp(t->name, "plans")
	                   ? t->name
	                   : "plans LEFT JOIN plan_docs ON plan_docs.hash = plans.doc_hash",
	           t->order);
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

int store_dump_json(const struct driver *d, void *db, int schema, json_t **out, struct error *err)
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
static char **restore_cells(const struct table *t, json_t *rows, size_t *n, struct error *err)
{
	int ncols = ncols_of(t);
	*n = json_array_size(rows);
	char **cells = xcalloc(*n * (size_t)ncols + 1, sizeof *cells);
	for (size_t r = 0; r < *n; r++) {
		json_t *row = json_array_get(rows, r);
		if (!json_is_array(row) || (int)json_array_size(row) != ncols) {
			err_set(err, ERR_DB, "bảng %s, dòng %zu: cần %d cột", t->name, r + 1,
			        ncols);
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
				err_set(err, ERR_DB, "bảng %s, dòng %zu, cột %s: sai kiểu dữ liệu",
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

/* ---- Checking a dump before anything is written ----------------------------- */

/* Columns whose text may hold several lines (tab, LF and CR allowed): free
 * text. Every other text column is one line: no control character. */
static const char *const multiline[] = {
        "plans.title",
        "plans.number",
        "plans.issuer",
        "plans.source",
        "plans.doc",
        "indicators.baseline_text",
        "indicators.partners",
        "indicators.implementers",
        "indicators.deadline",
        "targets.text",
        "tasks.title",
        "tasks.lead",
        "tasks.implementers",
        "tasks.timeframe",
        "observations.note",
        "observations.evidence",
        "observations.review",
        "observation_history.note",
        "observation_history.evidence",
        "observation_history.reason",
        "task_progress.note",
        "task_progress.evidence",
        "audit.detail",
};

static bool is_multiline(const char *table, const char *col)
{
	size_t n = strlen(table);
	for (size_t i = 0; i < sizeof multiline / sizeof multiline[0]; i++)
		if (!strncmp(multiline[i], table, n) && multiline[i][n] == '.' &&
		    !strcmp(multiline[i] + n + 1, col))
			return true;
	return false;
}

/* Why a text is refused, or NULL: invalid UTF-8, a NUL, a control
 * character (C0, DEL, C1; tab/LF/CR allowed in free text). */
static const char *text_problem(const char *v, size_t len, bool lines)
{
	size_t bad;
	if (!text_valid_utf8(v, len, &bad))
		return "không phải UTF-8 hợp lệ";
	if (strlen(v) != len)
		return "có ký tự NUL";
	for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
		if (*p < 0x20 || *p == 0x7f) {
			if (lines && (*p == '\t' || *p == '\n' || *p == '\r'))
				continue;
			return "có ký tự điều khiển (xuống dòng, tab, ESC ...)";
		}
		if (*p == 0xc2 && p[1] >= 0x80 && p[1] < 0xa0)
			return "có ký tự điều khiển (C1)";
	}
	return NULL;
}

static int col_of(const struct table *t, const char *name)
{
	for (int c = 0; t->cols[c]; c++)
		if (!strcmp(t->cols[c], name))
			return c;
	assert(!"no such column");
	return -1;
}

/* One cell of a row by column name: NULL when null (or not text). */
static const char *text_at(json_t *row, const struct table *t, const char *col)
{
	return json_string_value(json_array_get(row, (size_t)col_of(t, col)));
}

static bool null_at(json_t *row, const struct table *t, const char *col)
{
	return json_is_null(json_array_get(row, (size_t)col_of(t, col)));
}

static int64_t int_at(json_t *row, const struct table *t, const char *col)
{
	return (int64_t)json_integer_value(json_array_get(row, (size_t)col_of(t, col)));
}

/* Ids of a table's rows, sorted, for the references of later tables. */
struct ids {
	int64_t *v;
	size_t n;
};

static int cmp_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

static long id_find(const struct ids *s, int64_t id)
{
	size_t lo = 0, hi = s->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (s->v[mid] == id)
			return (long)mid;
		if (s->v[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* A row's key, to find a key two rows share: an owner's id (0 when none)
 * and a code. */
struct row_key {
	int64_t owner;
	const char *code;
	size_t row;
};

static int cmp_row_key(const void *a, const void *b)
{
	const struct row_key *x = a, *y = b;
	if (x->owner != y->owner)
		return (x->owner > y->owner) - (x->owner < y->owner);
	int c = strcmp(x->code, y->code);
	return c ? c : (x->row > y->row) - (x->row < y->row);
}

/* The first row (in the dump's order) whose key an earlier row has, and in
 * *first the earliest row with that key; -1 when no key is there twice.
 * Sorted: n log n (each row against the rows before it took 40 minutes at
 * the country's 180,000 series). keys is reordered. */
static long first_repeat(struct row_key *keys, size_t n, size_t *first)
{
	xqsort(keys, n, sizeof *keys, cmp_row_key);
	long found = -1;
	for (size_t i = 1, g = 0; i < n; i++) {
		if (keys[i].owner != keys[g].owner || strcmp(keys[i].code, keys[g].code)) {
			g = i;
			continue;
		}
		/* the group's second row: the first that repeats its key */
		if (i == g + 1 && (found < 0 || keys[i].row < (size_t)found)) {
			found = (long)keys[i].row;
			*first = keys[g].row;
		}
	}
	return found;
}

static json_t *rows_of(json_t *tabs, const char *name)
{
	return json_object_get(json_object_get(tabs, name), "rows");
}

#define REFUSE(...)                                                                                \
	do {                                                                                       \
		char *why_ = xasprintf(__VA_ARGS__);                                               \
		err_set(err, ERR_DB, "bảng %s, dòng %zu (tables.%s.rows[%zu]): %s", t->name,       \
		        r + 1, t->name, r, why_);                                                  \
		free(why_);                                                                        \
		goto out;                                                                          \
	} while (0)

static const struct table *table_named(const char *name)
{
	for (size_t k = 0; k < NTABLES; k++)
		if (!strcmp(tables[k].name, name))
			return &tables[k];
	return NULL;
}

/* The shape and text of every row: arrays of the table's columns, each
 * cell of its type, text valid. */
static int check_cells(const struct table *t, json_t *rows, struct ids *ids, struct error *err)
{
	int ncols = ncols_of(t), rc = -1;
	size_t r = 0;
	bool has_id = !strcmp(t->cols[0], "id");
	if (!json_is_array(rows)) {
		err_set(err, ERR_DB, "bảng %s (tables.%s.rows): không phải một mảng", t->name,
		        t->name);
		return -1;
	}
	size_t n = json_array_size(rows);
	ids->v = xcalloc(n + 1, sizeof *ids->v);
	ids->n = 0;
	for (r = 0; r < n; r++) {
		json_t *row = json_array_get(rows, r);
		if (!json_is_array(row) || (int)json_array_size(row) != ncols)
			REFUSE("cần một mảng %d cột", ncols);
		for (int c = 0; c < ncols; c++) {
			json_t *v = json_array_get(row, (size_t)c);
			if (json_is_null(v))
				continue;
			if ((t->types[c] == 'i' && !json_is_integer(v)) ||
			    (t->types[c] == 'r' && !json_is_number(v)) ||
			    (t->types[c] == 't' && !json_is_string(v)))
				REFUSE("cột %s: sai kiểu dữ liệu", t->cols[c]);
			if (t->types[c] == 'r' && !isfinite(json_number_value(v)))
				REFUSE("cột %s: không phải số hữu hạn", t->cols[c]);
			const char *why =
			        t->types[c] == 't'
			                ? text_problem(json_string_value(v), json_string_length(v),
			                               is_multiline(t->name, t->cols[c]))
			                : NULL;
			if (why)
				REFUSE("cột %s: %s", t->cols[c], why);
		}
		if (has_id) {
			if (!json_is_integer(json_array_get(row, 0)))
				REFUSE("cột id: thiếu");
			ids->v[ids->n++] = int_at(row, t, "id");
		}
	}
	xqsort(ids->v, ids->n, sizeof *ids->v, cmp_id);
	for (size_t i = 1; i < ids->n; i++)
		if (ids->v[i] == ids->v[i - 1]) {
			err_set(err, ERR_DB, "bảng %s: id %lld có hai lần", t->name,
			        (long long)ids->v[i]);
			return -1;
		}
	rc = 0;
out:
	return rc;
}

/* A row's reference to another table's id (NULL allowed when nullable). */
static const char *ref_problem(json_t *row, const struct table *t, const char *col,
                               const struct ids *to, bool nullable)
{
	if (null_at(row, t, col))
		return nullable ? NULL : "thiếu";
	int64_t id = int_at(row, t, col);
	const char *text = text_at(row, t, col); /* users.unit_id is a text column */
	if (text) {
		char *end;
		id = strtoll(text, &end, 10);
		if (!*text || *end)
			return "không phải số";
	}
	return id_find(to, id) < 0 ? "trỏ tới dòng không có" : NULL;
}

static bool one_of(const char *v, const char *const *set)
{
	for (; v && *set; set++)
		if (!strcmp(v, *set))
			return true;
	return false;
}

static int check_units(json_t *rows, const struct ids *ids, struct error *err)
{
	const struct table *t = table_named("units");
	size_t n = json_array_size(rows), r = 0;
	int rc = -1;
	/* by position in ids: the row, to walk parents */
	size_t *row_of = xcalloc(ids->n + 1, sizeof *row_of);
	struct row_key *keys = xcalloc(n + 1, sizeof *keys);
	size_t nk = 0, first = 0;
	for (r = 0; r < n; r++) {
		json_t *row = json_array_get(rows, r);
		row_of[id_find(ids, int_at(row, t, "id"))] = r;
		if (text_at(row, t, "code"))
			keys[nk++] = (struct row_key){0, text_at(row, t, "code"), r};
	}
	long repeat = first_repeat(keys, nk, &first);
	free(keys);
	for (r = 0; r < n; r++) {
		json_t *row = json_array_get(rows, r);
		const char *code = text_at(row, t, "code"), *name = text_at(row, t, "name"),
		           *kind = text_at(row, t, "kind");
		if (!st_unit_code_ok(code))
			REFUSE("cột code: mã đơn vị \"%s\" không hợp lệ (chữ, số, '-', '_' hoặc "
			       "'.'; "
			       "tối đa 32 ký tự)",
			       code ? code : "");
		if (!name || !*name)
			REFUSE("cột name: thiếu tên đơn vị %s", code);
		int lvl = st_unit_kind_level(kind);
		if (lvl < 0)
			REFUSE("cột kind: cấp đơn vị \"%s\" không hợp lệ", kind ? kind : "");
		if (!null_at(row, t, "population") && int_at(row, t, "population") < 0)
			REFUSE("cột population: dân số âm");
		if (!null_at(row, t, "cutoff_day") &&
		    (int_at(row, t, "cutoff_day") < 1 || int_at(row, t, "cutoff_day") > 28))
			REFUSE("cột cutoff_day: ngày chốt phải từ 1 đến 28");
		if (!text_at(row, t, "created_at"))
			REFUSE("cột created_at: thiếu");
		if ((long)r == repeat)
			REFUSE("cột code: mã đơn vị \"%s\" trùng dòng %zu", code, first + 1);
		if (null_at(row, t, "parent_id"))
			continue;
		int64_t self = int_at(row, t, "id"), parent = int_at(row, t, "parent_id");
		if (parent == self)
			REFUSE("cột parent_id: đơn vị %s là cấp trên của chính nó", code);
		/* Up the chain: every parent exists, no cycle, each level higher. */
		int64_t at = parent;
		int below = lvl;
		for (size_t steps = 0; at; steps++) {
			long k = id_find(ids, at);
			if (k < 0)
				REFUSE("cột parent_id: đơn vị cấp trên id %lld không có",
				       (long long)at);
			json_t *up = json_array_get(rows, row_of[k]);
			if (at == self || steps > n)
				REFUSE("cột parent_id: vòng lặp cấp trên (đơn vị %s nằm dưới chính "
				       "nó)",
				       code);
			int ul = st_unit_kind_level(text_at(up, t, "kind"));
			if (ul >= below && at == parent)
				REFUSE("cột parent_id: đơn vị %s (%s) không thể trực thuộc %s (%s)",
				       code, kind, text_at(up, t, "code"), text_at(up, t, "kind"));
			below = ul;
			at = null_at(up, t, "parent_id") ? 0 : int_at(up, t, "parent_id");
		}
	}
	rc = 0;
out:
	free(row_of);
	return rc;
}

/* A code of a plan's indicator, task or series: one line, not empty. */
static bool code_text_ok(const char *c)
{
	return c && *c && strlen(c) <= 64 && !strchr(c, ' ');
}

/* What a column added since an older dump's schema holds when that dump is
 * restored: as the migration step gives an existing row. */
static json_t *column_default(const char *table, const char *col)
{
	if (!strcmp(table, "users") && !strcmp(col, "cred_epoch"))
		return json_integer(0);
	if (!strcmp(table, "api_tokens") && !strcmp(col, "scope"))
		return json_string("write");
	if (!strcmp(table, "api_tokens") && !strcmp(col, "expires_at")) {
		time_t later = time(NULL) + 90 * 86400;
		struct tm tm;
		char when[32];
		gmtime_r(&later, &tm);
		strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
		return json_string(when);
	}
	return NULL;
}

/* A dump of an older schema whose tables lack columns added since: its
 * rows rewritten in place to today's columns, the new ones given their
 * defaults (column_default). A column that is unknown, or missing without
 * a default, refuses the dump. Tables already in today's columns are left
 * as they are. */
static int dump_upgrade(json_t *tabs, struct error *err)
{
	for (size_t k = 0; k < NTABLES; k++) {
		const struct table *t = &tables[k];
		json_t *tab = json_object_get(tabs, t->name);
		json_t *have = json_object_get(tab, "columns"),
		       *rows = json_object_get(tab, "rows");
		int ncols = ncols_of(t);
		if (!json_is_array(have) || !json_is_array(rows))
			continue; /* the check says what is missing */
		bool same = (int)json_array_size(have) == ncols;
		for (int c = 0; same && c < ncols; c++)
			same = json_is_string(json_array_get(have, (size_t)c)) &&
			       !strcmp(json_string_value(json_array_get(have, (size_t)c)),
			               t->cols[c]);
		if (same)
			continue;
		int from[17];
		for (size_t h = 0; h < json_array_size(have); h++) {
			const char *name = json_string_value(json_array_get(have, h));
			int c = 0;
			while (c < ncols && (!name || strcmp(name, t->cols[c])))
				c++;
			/* (a column a later schema dropped is left out) */
			if (c == ncols &&
			    !(name && !strcmp(t->name, "series") && !strcmp(name, "folded"))) {
				err_set(err, ERR_DB,
				        "bảng %s (tables.%s.columns[%zu]): cột lạ \"%s\"", t->name,
				        t->name, h, name ? name : "?");
				return -1;
			}
		}
		for (int c = 0; c < ncols; c++) {
			from[c] = -1;
			for (size_t h = 0; h < json_array_size(have); h++)
				if (!strcmp(json_string_value(json_array_get(have, h)), t->cols[c]))
					from[c] = (int)h;
			json_t *d = from[c] < 0 ? column_default(t->name, t->cols[c]) : NULL;
			json_decref(d);
			if (from[c] < 0 && !d) {
				err_set(err, ERR_DB, "bảng %s (tables.%s.columns): thiếu cột %s",
				        t->name, t->name, t->cols[c]);
				return -1;
			}
		}
		for (size_t r = 0; r < json_array_size(rows); r++) {
			json_t *row = json_array_get(rows, r);
			if (!json_is_array(row) || json_array_size(row) != json_array_size(have)) {
				err_set(err, ERR_DB,
				        "bảng %s, dòng %zu (tables.%s.rows[%zu]): cần %zu cột",
				        t->name, r + 1, t->name, r, json_array_size(have));
				return -1;
			}
			json_t *now = json_array();
			for (int c = 0; c < ncols; c++)
				json_array_append_new(
				        now, from[c] < 0 ? column_default(t->name, t->cols[c])
				                         : json_incref(json_array_get(
				                                   row, (size_t)from[c])));
			json_array_set_new(rows, r, now);
		}
		json_t *cols = json_array();
		for (int c = 0; c < ncols; c++)
			json_array_append_new(cols, json_string(t->cols[c]));
		json_object_set_new(tab, "columns", cols);
	}
	return 0;
}

int store_dump_check(json_t *doc, int schema, struct error *err)
{
	if (json_is_object(json_object_get(doc, "tables")) &&
	    dump_upgrade(json_object_get(doc, "tables"), err))
		return -1;
	json_t *tabs = json_object_get(doc, "tables");
	if (!json_is_object(doc) || !json_is_integer(json_object_get(doc, "chitieu_dump")) ||
	    json_integer_value(json_object_get(doc, "chitieu_dump")) != 1 ||
	    !json_is_object(tabs)) {
		err_set(err, ERR_DB,
		        "không phải tệp sao lưu của chitieu (thiếu \"chitieu_dump\": 1 hoặc "
		        "\"tables\")");
		return -1;
	}
	json_t *sv = json_object_get(doc, "schema");
	json_int_t from = json_is_integer(sv) ? json_integer_value(sv) : 0;
	if (from < 1 || from > schema) {
		err_set(err, ERR_DB, "tệp sao lưu có lược đồ phiên bản %lld, chương trình dùng %d",
		        (long long)from, schema);
		return -1;
	}
	struct ids ids[NTABLES] = {{0}};
	int rc = -1;
	size_t r = 0;
	const struct table *t = NULL;
	for (size_t k = 0; k < NTABLES; k++) {
		json_t *rows = rows_of(tabs, tables[k].name);
		if (!rows && from < tables[k].since)
			continue;
		if (!rows) {
			err_set(err, ERR_DB, "thiếu bảng %s trong tệp sao lưu (tables.%s.rows)",
			        tables[k].name, tables[k].name);
			goto out;
		}
		if (check_cells(&tables[k], rows, &ids[k], err))
			goto out;
	}
	const struct ids *units = &ids[0], *plans = &ids[2], *series = &ids[3],
	                 *indicators = &ids[4], *observations = &ids[8];
	assert(!strcmp(tables[8].name, "observations"));
	if (check_units(rows_of(tabs, "units"), units, err))
		goto out;
	const char *why;
	t = table_named("agencies");
	json_t *rows = rows_of(tabs, t->name);
	for (r = 0; r < json_array_size(rows); r++) {
		json_t *row = json_array_get(rows, r);
		if ((why = ref_problem(row, t, "unit_id", units, false)) != NULL)
			REFUSE("cột unit_id: %s", why);
		if (!text_at(row, t, "name") || !*text_at(row, t, "name"))
			REFUSE("cột name: thiếu tên cơ quan");
	}
	t = table_named("evidence_files");
	rows = rows_of(tabs, t->name);
	for (r = 0; r < json_array_size(rows); r++)
		if ((why = ref_problem(json_array_get(rows, r), t, "unit_id", units, false)) !=
		    NULL)
			REFUSE("cột unit_id: %s", why);
	t = table_named("plans");
	rows = rows_of(tabs, t->name);
	for (r = 0; r < json_array_size(rows); r++) {
		json_t *row = json_array_get(rows, r);
		if ((why = ref_problem(row, t, "unit_id", units, false)) != NULL)
			REFUSE("cột unit_id: %s", why);
		if (int_at(row, t, "version") < 1)
			REFUSE("cột version: phiên bản phải từ 1");
		const char *d = text_at(row, t, "doc");
		json_error_t je;
		json_t *j = d ? json_loads(d, JSON_REJECT_DUPLICATES, &je) : NULL;
		struct plan p;
		plan_init(&p);
		bool good = j && json_is_object(j) && !plan_from_json(j, &p);
		plan_free(&p);
		json_decref(j);
		if (!good)
			REFUSE("cột doc: không phải kế hoạch dạng JSON của chitieu%s%s",
			       d && !j ? ": " : "", d && !j ? je.text : "");
	}
	t = table_named("series");
	rows = rows_of(tabs, t->name);
	/* (a unit's code twice: found by sorting, refused in the rows' order) */
	struct row_key *keys = xcalloc(json_array_size(rows) + 1, sizeof *keys);
	size_t nk = 0, first = 0;
	for (r = 0; r < json_array_size(rows); r++) {
		json_t *row = json_array_get(rows, r);
		if (text_at(row, t, "code"))
			keys[nk++] = (struct row_key){int_at(row, t, "unit_id"),
			                              text_at(row, t, "code"), r};
	}
	long repeat = first_repeat(keys, nk, &first);
	free(keys);
	for (r = 0; r < json_array_size(rows); r++) {
		json_t *row = json_array_get(rows, r);
		if ((why = ref_problem(row, t, "unit_id", units, false)) != NULL)
			REFUSE("cột unit_id: %s", why);
		const char *code = text_at(row, t, "code");
		if (!code_text_ok(code))
			REFUSE("cột code: mã chỉ tiêu \"%s\" không hợp lệ", code ? code : "");
		if ((long)r == repeat)
			REFUSE("cột code: mã chỉ tiêu \"%s\" của đơn vị trùng dòng %zu (tệp "
			       "của bản cũ: mở cơ sở dữ liệu cũ bằng bản này rồi xuất lại)",
			       code, first + 1);
	}
	t = table_named("indicators");
	rows = rows_of(tabs, t->name);
	for (r = 0; r < json_array_size(rows); r++) {
		json_t *row = json_array_get(rows, r);
		if ((why = ref_problem(row, t, "plan_id", plans, false)) != NULL)
			REFUSE("cột plan_id: %s", why);
		if ((why = ref_problem(row, t, "series_id", series, false)) != NULL)
			REFUSE("cột series_id: %s", why);
		if (!code_text_ok(text_at(row, t, "code")))
			REFUSE("cột code: mã chỉ tiêu không hợp lệ");
		if (!text_at(row, t, "name") || !*text_at(row, t, "name"))
			REFUSE("cột name: thiếu tên chỉ tiêu");
	}
	static const char *const statuses[] = {"draft", "submitted", "approved", "returned", NULL};
	for (int h = 0; h < 2; h++) {
		t = table_named(h ? "observation_history" : "observations");
		rows = rows_of(tabs, t->name);
		for (r = 0; r < json_array_size(rows); r++) {
			json_t *row = json_array_get(rows, r);
			if (h && (why = ref_problem(row, t, "observation_id", observations, false)))
				REFUSE("cột observation_id: %s", why);
			if (!h && (why = ref_problem(row, t, "series_id", series, false)))
				REFUSE("cột series_id: %s", why);
			struct period per;
			const char *pw = NULL;
			if (!h && period_parse(text_at(row, t, "period"), &per, &pw))
				REFUSE("cột period: kỳ \"%s\" không hợp lệ: %s",
				       text_at(row, t, "period") ? text_at(row, t, "period") : "",
				       pw ? pw : "?");
			if (!one_of(text_at(row, t, "status"), statuses))
				REFUSE("cột status: trạng thái không hợp lệ");
			if (int_at(row, t, "version") < 1)
				REFUSE("cột version: phiên bản phải từ 1");
			/* A ratio as observation_check wants it: both parts, 0 <= num <= den,
			 * den > 0. */
			json_t *nu = json_array_get(row, (size_t)col_of(t, "num"));
			json_t *de = json_array_get(row, (size_t)col_of(t, "den"));
			if (json_is_null(nu) != json_is_null(de))
				REFUSE("cột num, den: tỷ lệ cần cả tử số và mẫu số");
			if (!json_is_null(de) &&
			    (json_number_value(de) <= 0 || json_number_value(nu) < 0 ||
			     json_number_value(nu) > json_number_value(de)))
				REFUSE("cột num, den: tử số %g, mẫu số %g không hợp lệ (0 ≤ tử ≤ "
				       "mẫu, "
				       "mẫu > 0)",
				       json_number_value(nu), json_number_value(de));
		}
	}
	(void)indicators;
	if (from >= 2) {
		static const char *const roles[] = {"admin", "office", "reporter", "viewer", NULL};
		t = table_named("users");
		rows = rows_of(tabs, t->name);
		for (r = 0; r < json_array_size(rows); r++) {
			json_t *row = json_array_get(rows, r);
			const char *login = text_at(row, t, "login");
			if (!login || !*login || strchr(login, ' '))
				REFUSE("cột login: tên đăng nhập không hợp lệ");
			if (!text_at(row, t, "name") || !*text_at(row, t, "name"))
				REFUSE("cột name: thiếu họ tên");
			if (!one_of(text_at(row, t, "role"), roles))
				REFUSE("cột role: vai trò không hợp lệ");
			if ((why = ref_problem(row, t, "unit_id", units, true)) != NULL)
				REFUSE("cột unit_id: %s", why);
			if (!text_at(row, t, "pw_hash"))
				REFUSE("cột pw_hash: thiếu");
		}
		t = table_named("api_tokens");
		rows = rows_of(tabs, t->name);
		for (r = 0; r < json_array_size(rows); r++)
			if ((why = ref_problem(json_array_get(rows, r), t, "user_id",
			                       &ids[table_named("users") - tables], false)) != NULL)
				REFUSE("cột user_id: %s", why);
	}
	t = table_named("links");
	rows = rows_of(tabs, t->name);
	static const char *const states[] = {"proposed", "confirmed", "rejected", NULL};
	for (r = 0; r < json_array_size(rows); r++) {
		json_t *row = json_array_get(rows, r);
		if ((why = ref_problem(row, t, "child_series_id", series, false)) != NULL)
			REFUSE("cột child_series_id: %s", why);
		if ((why = ref_problem(row, t, "parent_series_id", series, false)) != NULL)
			REFUSE("cột parent_series_id: %s", why);
		if (!one_of(text_at(row, t, "state"), states))
			REFUSE("cột state: trạng thái liên kết không hợp lệ");
	}
	t = table_named("unit_settings");
	rows = rows_of(tabs, t->name);
	for (r = 0; r < json_array_size(rows); r++) {
		json_t *row = json_array_get(rows, r);
		if ((why = ref_problem(row, t, "unit_id", units, false)) != NULL)
			REFUSE("cột unit_id: %s", why);
		struct unit_settings u;
		struct error e = {0};
		if (settings_parse(text_at(row, t, "doc"), &u, &e)) {
			char msg[400];
			snprintf(msg, sizeof msg, "%s", e.msg);
			err_clear(&e);
			REFUSE("cột doc: %s", msg);
		}
	}
	t = table_named("dhis2_uids");
	rows = rows_of(tabs, t->name);
	static const char *const parts[] = {"unit", "indicator_type", "value", "num",
	                                    "den",  "indicator",      NULL};
	for (r = 0; r < json_array_size(rows); r++) {
		json_t *row = json_array_get(rows, r);
		const char *part = text_at(row, t, "part"), *uid = text_at(row, t, "uid");
		if ((why = ref_problem(row, t, "unit_id", units, false)) != NULL)
			REFUSE("cột unit_id: %s", why);
		bool unit = part && (!strcmp(part, "unit") || !strcmp(part, "indicator_type"));
		if ((why = ref_problem(row, t, "series_id", series, unit)) != NULL)
			REFUSE("cột series_id: %s", why);
		if (!one_of(part, parts) ||
		    unit != json_is_null(json_array_get(row, (size_t)col_of(t, "series_id"))))
			REFUSE("cột part: phần \"%s\" không hợp lệ", part ? part : "");
		if (!dhis2_uid_ok(uid))
			REFUSE("cột uid: \"%s\" không phải UID của DHIS2", uid ? uid : "");
	}
	rc = 0;
out:
	for (size_t k = 0; k < NTABLES; k++)
		free(ids[k].v);
	return rc;
}

static int cmp_cell(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The plans of a dump, each with its document: the documents into
 * plan_docs once each, the plans referring to them by hash. */
static int restore_plans(const struct driver *d, void *db, const struct table *t, char **cells,
                         size_t n, struct error *err)
{
	int ncols = ncols_of(t), doc = ncols - 1;
	assert(!strcmp(t->cols[doc], "doc"));
	char **docs = xcalloc(2 * n, sizeof *docs), **hashes = xcalloc(n, sizeof *hashes);
	size_t nd = 0;
	for (size_t r = 0; r < n; r++) {
		char **cell = &cells[r * (size_t)ncols + (size_t)doc];
		hashes[r] = xcalloc(1, 65);
		st_doc_hash(*cell ? *cell : "", hashes[r]);
		docs[nd * 2] = hashes[r];
		docs[nd++ * 2 + 1] = *cell;
	}
	/* Pairs sorted by hash (the first member), the same ones skipped. */
	xqsort(docs, nd, 2 * sizeof *docs, cmp_cell);
	size_t k = 0;
	for (size_t i = 0; i < nd; i++)
		if (!k || strcmp(docs[(k - 1) * 2], docs[i * 2])) {
			docs[k * 2] = docs[i * 2];
			docs[k++ * 2 + 1] = docs[i * 2 + 1];
		}
	int rc = d->copy(db, "plan_docs(hash, doc)", 2, "tt", docs, k, err);
	char *saved = NULL;
	for (size_t r = 0; r < n && !rc; r++) {
		char **cell = &cells[r * (size_t)ncols + (size_t)doc];
		saved = *cell;
		*cell = hashes[r];
		hashes[r] = saved; /* freed below with the others */
	}
	if (!rc) {
		struct buf b = BUF_INIT;
		buf_puts(&b, "plans(");
		for (int c = 0; c < doc; c++)
			buf_printf(&b, "%s, ", t->cols[c]);
		buf_puts(&b, "doc_hash)");
		rc = d->copy(db, buf_str(&b), ncols, t->types, cells, n, err);
		buf_free(&b);
	}
	for (size_t r = 0; r < n; r++)
		free(hashes[r]);
	free(hashes);
	free(docs);
	return rc;
}

/* The plan rows of a dump (indicators, indicator_agencies, targets,
 * tasks): views since schema 13, their rows go to temporary tables of the
 * same shape (restore_NAME), which store_restore moves into the plans'
 * contents (st_plan_content_restore). */
static bool plan_rows(const char *name)
{
	return !strcmp(name, "indicators") || !strcmp(name, "indicator_agencies") ||
	       !strcmp(name, "targets") || !strcmp(name, "tasks");
}

int st_restore_temp(const struct driver *d, void *db, const char *table, const char *const *cols,
                    const char *types, char *const *cells, size_t n, struct error *err)
{
	bool lite = d == &sqlite_driver;
	struct buf b = BUF_INIT, target = BUF_INIT;
	buf_printf(&b, "CREATE TEMP TABLE %s (", table);
	buf_printf(&target, "%s(", table);
	for (int c = 0; cols[c]; c++) {
		const char *type = types[c] == 'i'   ? (lite ? "INTEGER" : "BIGINT")
		                   : types[c] == 'r' ? (lite ? "REAL" : "DOUBLE PRECISION")
		                                     : "TEXT";
		buf_printf(&b, "%s%s %s", c ? ", " : "", cols[c], type);
		buf_printf(&target, "%s%s", c ? ", " : "", cols[c]);
	}
	buf_puts(&b, ")");
	buf_putc(&target, ')');
	int rc = d->exec(db, buf_str(&b), err) ||
	                         (n && d->copy(db, buf_str(&target), (int)strlen(types), types,
	                                       cells, n, err))
	                 ? -1
	                 : 0;
	buf_free(&b);
	buf_free(&target);
	return rc;
}

static int restore_plan_rows(const struct driver *d, void *db, const struct table *t, char **cells,
                             size_t n, struct error *err)
{
	ncols_of(t);
	char *name = xasprintf("restore_%s", t->name);
	int rc = st_restore_temp(d, db, name, t->cols, t->types, cells, n, err);
	free(name);
	return rc;
}

int store_restore_json(const struct driver *d, void *db, int schema, json_t *doc, struct error *err)
{
	if (store_dump_check(doc, schema, err))
		return -1; /* nothing written */
	json_t *tabs = json_object_get(doc, "tables");
	json_int_t from = json_integer_value(json_object_get(doc, "schema"));
	for (size_t k = 0; k < NTABLES; k++) {
		const struct table *t = &tables[k];
		json_t *rows = json_object_get(json_object_get(tabs, t->name), "rows");
		if (!json_is_array(rows) && from < t->since)
			continue;
		if (!json_is_array(rows)) {
			err_set(err, ERR_DB, "thiếu bảng %s trong tệp sao lưu", t->name);
			return -1;
		}
		size_t n;
		char **cells = restore_cells(t, rows, &n, err);
		if (!cells)
			return -1;
		int ncols = ncols_of(t);
		int rc;
		if (!strcmp(t->name, "plans")) {
			rc = n ? restore_plans(d, db, t, cells, n, err) : 0;
		} else if (plan_rows(t->name)) {
			rc = restore_plan_rows(d, db, t, cells, n, err);
		} else if (!strcmp(t->name, "observations")) {
			/* Kept in figures and entries since schema 11. */
			rc = st_figures_restore(d, db, t->cols, t->types, cells, n, err);
		} else if (!strcmp(t->name, "agencies")) {
			/* Their names kept once since schema 15. */
			rc = st_agencies_restore(d, db, t->cols, t->types, cells, n, err);
		} else if (!strcmp(t->name, "links")) {
			/* Their texts kept once since schema 14. */
			rc = st_links_restore(d, db, t->cols, t->types, cells, n, err);
		} else {
			char *target = target_of(t);
			rc = n ? d->copy(db, target, ncols, t->types, cells, n, err) : 0;
			free(target);
		}
		for (size_t i = 0; i < n * (size_t)ncols; i++)
			free(cells[i]);
		free(cells);
		if (rc)
			return -1;
		if (d->after_restore && !strcmp(t->order, "id") &&
		    strcmp(t->name, "observations") && strcmp(t->name, "agencies") &&
		    strcmp(t->name, "links") && !plan_rows(t->name)) {
			char *sql = with_table(d->after_restore, t->name);
			rc = d->exec(db, sql, err);
			free(sql);
			if (rc)
				return -1;
		}
	}
	return st_figures_restore_ids(d, db, err);
}
