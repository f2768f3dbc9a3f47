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
#include <errno.h>
#include <sys/stat.h>
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
	 * with each plan, as before. A figure's id is series_id x 1,000,000 +
	 * period_code (figures.h): in the order of its key, which the store
	 * reads in, whereas ORDER BY id sorts every figure first (in memory:
	 * 2.5 GB at 23.9 M figures). */
	bool figures = !strcmp(t->name, "observations");
	buf_printf(&b, " FROM %s ORDER BY %s",
	           strcmp(t->name, "plans")
	                   ? t->name
	                   : "plans LEFT JOIN plan_docs ON plan_docs.hash = plans.doc_hash",
	           figures ? "series_id, period_code" : t->order);
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

/* A JSON value onto f as the whole document's compact form has it. */
static int put_json(FILE *f, json_t *v)
{
	int rc = json_dumpf(v, f, JSON_COMPACT | JSON_ENCODE_ANY);
	json_decref(v);
	return rc;
}

/* PostgreSQL hands over a statement's whole result at once: a table is
 * read through a cursor, DUMP_FETCH rows at a time (DUMP_FETCH_LARGE of a
 * table whose rows hold documents or files), so that the dump holds one
 * batch of rows, never a table. SQLite steps through its rows. */
#define DUMP_FETCH       5000
#define DUMP_FETCH_LARGE 20

/* One table's rows onto f, comma-separated: 0, -1 with *err (the
 * database), -2 (writing f: errno). */
static int dump_rows(const struct driver *d, void *db, const struct table *t, FILE *f,
                     struct error *err)
{
	bool lite = d == &sqlite_driver;
	size_t fetch = !strcmp(t->name, "plans") || !strcmp(t->name, "evidence_files")
	                       ? DUMP_FETCH_LARGE
	                       : DUMP_FETCH;
	char *sql = select_sql(t);
	if (!lite) {
		char *decl = xasprintf("DECLARE dump_rows NO SCROLL CURSOR FOR %s", sql);
		int rc = d->exec(db, decl, err);
		free(decl);
		free(sql);
		if (rc)
			return -1;
		sql = xasprintf("FETCH FORWARD %zu FROM dump_rows", fetch);
	}
	int rc = 0;
	size_t n = 0;
	for (bool more = true; more && !rc;) {
		struct stmt *st = d->prepare(db, sql, err);
		if (!st) {
			rc = -1;
			break;
		}
		size_t got = 0;
		int step;
		while ((step = d->step(st, err)) == 1) {
			json_t *row = json_array();
			for (int c = 0; t->cols[c]; c++)
				json_array_append_new(row, cell_json(d, st, c, t->types[c]));
			if ((n++ && fputc(',', f) == EOF) || put_json(f, row)) {
				rc = -2;
				break;
			}
			got++;
		}
		d->finalize(st);
		if (!rc && step < 0)
			rc = -1;
		more = !lite && got == fetch;
	}
	free(sql);
	if (!lite && !rc && d->exec(db, "CLOSE dump_rows", err))
		rc = -1;
	return rc;
}

int store_dump_file(const struct driver *d, void *db, int schema, FILE *f, struct error *err)
{
	/* The form json_dumpf gives the whole document with JSON_COMPACT,
	 * written a row at a time. */
	int rc = fprintf(f, "{\"chitieu_dump\":1,\"schema\":%d,\"backend\":", schema) < 0 ||
	                         put_json(f, json_string(d->name)) ||
	                         fputs(",\"tables\":{", f) == EOF
	                 ? -2
	                 : 0;
	for (size_t k = 0; k < NTABLES && !rc; k++) {
		const struct table *t = &tables[k];
		json_t *cols = json_array();
		for (int c = 0; t->cols[c]; c++)
			json_array_append_new(cols, json_string(t->cols[c]));
		if ((k && fputc(',', f) == EOF) || put_json(f, json_string(t->name)) ||
		    fputs(":{\"columns\":", f) == EOF || put_json(f, cols) ||
		    fputs(",\"rows\":[", f) == EOF) {
			rc = -2;
			break;
		}
		rc = dump_rows(d, db, t, f, err);
		if (!rc && fputs("]}", f) == EOF)
			rc = -2;
	}
	if (!rc && fputs("}}", f) == EOF)
		rc = -2;
	if (rc == -2)
		err_set(err, ERR_DB, "không ghi được tệp sao lưu: %s", strerror(errno));
	return rc ? -1 : 0;
}

/* One checked row's cells as text (NULL for null), into cells[0, ncols). */
static int row_cells(const struct table *t, json_t *row, size_t r, char **cells, struct error *err)
{
	int ncols = ncols_of(t);
	if (!json_is_array(row) || (int)json_array_size(row) != ncols) {
		err_set(err, ERR_DB, "bảng %s, dòng %zu: cần %d cột", t->name, r + 1, ncols);
		return -1;
	}
	for (int c = 0; c < ncols; c++) {
		json_t *v = json_array_get(row, (size_t)c);
		char **cell = &cells[c];
		if (json_is_null(v))
			continue;
		if (t->types[c] == 'i' && json_is_integer(v))
			*cell = xasprintf("%lld", (long long)json_integer_value(v));
		else if (t->types[c] == 'r' && json_is_number(v))
			*cell = xasprintf("%.17g", json_number_value(v));
		else if (t->types[c] == 't' && json_is_string(v))
			*cell = xstrdup(json_string_value(v));
		else {
			err_set(err, ERR_DB, "bảng %s, dòng %zu, cột %s: sai kiểu dữ liệu", t->name,
			        r + 1, t->cols[c]);
			return -1;
		}
	}
	return 0;
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

/* An index of items by hash, to find an item equal to a new one: open
 * addressing, each slot an item's hash and its place + 1 (0: empty). */
struct hslot {
	uint64_t hash;
	size_t item;
};
struct hidx {
	struct hslot *s;
	size_t cap, n;
};

static uint64_t hash_int(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9u;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebu;
	return x ^ (x >> 31);
}

/* item added under hash: -1, or the earlier item eq finds equal to it
 * (item then not added). */
static long hidx_add(struct hidx *h, uint64_t hash, size_t item,
                     bool (*eq)(const void *ctx, size_t a, size_t b), const void *ctx)
{
	if (2 * (h->n + 1) > h->cap) {
		size_t cap = h->cap ? 2 * h->cap : 1024;
		struct hslot *s = xcalloc(cap, sizeof *s);
		for (size_t i = 0; i < h->cap; i++) {
			if (!h->s[i].item)
				continue;
			size_t j = h->s[i].hash & (cap - 1);
			while (s[j].item)
				j = (j + 1) & (cap - 1);
			s[j] = h->s[i];
		}
		free(h->s);
		h->s = s;
		h->cap = cap;
	}
	size_t j = hash & (h->cap - 1);
	for (; h->s[j].item; j = (j + 1) & (h->cap - 1))
		if (h->s[j].hash == hash && eq(ctx, h->s[j].item - 1, item))
			return (long)(h->s[j].item - 1);
	h->s[j] = (struct hslot){hash, item + 1};
	h->n++;
	return -1;
}

static void hidx_free(struct hidx *h)
{
	free(h->s);
	*h = (struct hidx){0};
}

/* Ids of a table's rows, sorted once all are read (ids_done), for the
 * references of later tables. A row's id there before is found as the row
 * is read: by the order while the ids rise (as a dump has them), else by
 * hash (set). */
struct ids {
	int64_t *v;
	size_t n, cap;
	bool unsorted;
	struct hidx set;
};

static bool id_eq(const void *ctx, size_t a, size_t b)
{
	const struct ids *s = ctx;
	return s->v[a] == s->v[b];
}

/* id added: false when there already. */
static bool ids_add(struct ids *s, int64_t id)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 256;
		s->v = xrealloc(s->v, s->cap * sizeof *s->v);
	}
	s->v[s->n++] = id;
	if (!s->unsorted && (s->n == 1 || s->v[s->n - 2] < id))
		return true;
	if (!s->unsorted) {
		s->unsorted = true;
		for (size_t i = 0; i + 1 < s->n; i++)
			hidx_add(&s->set, hash_int((uint64_t)s->v[i]), i, id_eq, s);
	}
	if (hidx_add(&s->set, hash_int((uint64_t)id), s->n - 1, id_eq, s) < 0)
		return true;
	s->n--;
	return false;
}

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

/* The shape and text of one row: an array of the table's columns, each
 * cell of its type, text valid; its id added to ids (when ids). */
static int check_row_cells(const struct table *t, json_t *row, size_t r, struct ids *ids,
                           struct error *err)
{
	int ncols = ncols_of(t), rc = -1;
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
	if (!strcmp(t->cols[0], "id")) {
		if (!json_is_integer(json_array_get(row, 0)))
			REFUSE("cột id: thiếu");
		if (ids && !ids_add(ids, int_at(row, t, "id")))
			REFUSE("cột id: id %lld có hai lần", (long long)int_at(row, t, "id"));
	}
	rc = 0;
out:
	return rc;
}

/* A table's ids, all read (each there once: ids_add): sorted. */
static void ids_done(struct ids *ids)
{
	if (ids->unsorted)
		xqsort(ids->v, ids->n, sizeof *ids->v, cmp_id);
	hidx_free(&ids->set);
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

/* How a dump's columns of a table map to today's: from[c] is the dump's
 * column of today's column c, or -1 for a column added since (given its
 * default: column_default). same: the dump has today's columns. */
struct colmap {
	int from[17];
	size_t have;
	bool same;
};

/* A dump of an older schema whose tables lack columns added since: a
 * column that is unknown, or missing without a default, refuses the dump.
 * have: the dump's "columns" (not an array: the rows are taken as they
 * are, the check says what is wrong with them). */
static int colmap_of(const struct table *t, json_t *have, struct colmap *m, struct error *err)
{
	int ncols = ncols_of(t);
	m->same = true;
	m->have = (size_t)ncols;
	for (int c = 0; c < ncols; c++)
		m->from[c] = c;
	if (!json_is_array(have))
		return 0;
	m->have = json_array_size(have);
	bool same = (int)m->have == ncols;
	for (int c = 0; same && c < ncols; c++)
		same = json_is_string(json_array_get(have, (size_t)c)) &&
		       !strcmp(json_string_value(json_array_get(have, (size_t)c)), t->cols[c]);
	if (same)
		return 0;
	m->same = false;
	for (size_t h = 0; h < m->have; h++) {
		const char *name = json_string_value(json_array_get(have, h));
		int c = 0;
		while (c < ncols && (!name || strcmp(name, t->cols[c])))
			c++;
		/* (a column a later schema dropped is left out) */
		if (c == ncols &&
		    !(name && !strcmp(t->name, "series") && !strcmp(name, "folded"))) {
			err_set(err, ERR_DB, "bảng %s (tables.%s.columns[%zu]): cột lạ \"%s\"",
			        t->name, t->name, h, name ? name : "?");
			return -1;
		}
	}
	for (int c = 0; c < ncols; c++) {
		m->from[c] = -1;
		for (size_t h = 0; h < m->have; h++)
			if (!strcmp(json_string_value(json_array_get(have, h)), t->cols[c]))
				m->from[c] = (int)h;
		json_t *d = m->from[c] < 0 ? column_default(t->name, t->cols[c]) : NULL;
		json_decref(d);
		if (m->from[c] < 0 && !d) {
			err_set(err, ERR_DB, "bảng %s (tables.%s.columns): thiếu cột %s", t->name,
			        t->name, t->cols[c]);
			return -1;
		}
	}
	return 0;
}

/* A row of the dump's columns in today's: a new reference, or NULL with
 * *err. */
static json_t *map_row(const struct table *t, const struct colmap *m, json_t *row, size_t r,
                       struct error *err)
{
	if (m->same)
		return json_incref(row);
	if (!json_is_array(row) || json_array_size(row) != m->have) {
		err_set(err, ERR_DB, "bảng %s, dòng %zu (tables.%s.rows[%zu]): cần %zu cột",
		        t->name, r + 1, t->name, r, m->have);
		return NULL;
	}
	json_t *now = json_array();
	for (int c = 0; t->cols[c]; c++)
		json_array_append_new(
		        now, m->from[c] < 0 ? column_default(t->name, t->cols[c])
		                            : json_incref(json_array_get(row, (size_t)m->from[c])));
	return now;
}

/* A dump in memory of an older schema: its rows rewritten in place to
 * today's columns. */
static int dump_upgrade(json_t *tabs, struct error *err)
{
	for (size_t k = 0; k < NTABLES; k++) {
		const struct table *t = &tables[k];
		json_t *tab = json_object_get(tabs, t->name);
		json_t *rows = json_object_get(tab, "rows");
		struct colmap m;
		if (!json_is_array(rows))
			continue; /* the check says what is missing */
		if (colmap_of(t, json_object_get(tab, "columns"), &m, err))
			return -1;
		if (m.same)
			continue;
		for (size_t r = 0; r < json_array_size(rows); r++) {
			json_t *now = map_row(t, &m, json_array_get(rows, r), r, err);
			if (!now)
				return -1;
			json_array_set_new(rows, r, now);
		}
		json_t *cols = json_array();
		for (int c = 0; t->cols[c]; c++)
			json_array_append_new(cols, json_string(t->cols[c]));
		json_object_set_new(tab, "columns", cols);
	}
	return 0;
}

/* ---- A dump's file read a row at a time --------------------------------------- */

/* The file is read twice and never held: a first pass (rd_index) reads
 * the document's small members and finds where each table's rows begin;
 * the rows are then read one table after another, each row parsed alone,
 * checked and written (src_rows). The structure
 * between rows is read here; each value's own text is parsed by jansson. */
struct rd {
	FILE *f;
	const char *path;
	off_t off; /* bytes read */
	int line;
	char *val; /* the text of the last value read (not NUL-terminated) */
	size_t len, cap;
	off_t rows_at[NTABLES];
	int rows_line[NTABLES];
	bool has_rows[NTABLES], rows_array[NTABLES];
	json_t *cols[NTABLES];
	json_t *head; /* the document's members other than "tables" */
	bool has_tables, tables_object;
};

static int rd_getc(struct rd *r)
{
	int c = getc_unlocked(r->f);
	if (c != EOF) {
		r->off++;
		if (c == '\n')
			r->line++;
	}
	return c;
}

static void rd_back(struct rd *r, int c)
{
	if (c == EOF)
		return;
	ungetc(c, r->f);
	r->off--;
	if (c == '\n')
		r->line--;
}

static int rd_ws(struct rd *r)
{
	int c;
	do
		c = rd_getc(r);
	while (c == ' ' || c == '\t' || c == '\n' || c == '\r');
	return c;
}

/* c onto the value's text (inline: every byte of a dump goes here). */
static inline void rd_keep(struct rd *r, int c)
{
	if (r->len == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 4096;
		r->val = xrealloc(r->val, r->cap);
	}
	r->val[r->len++] = (char)c;
}

static int rd_bad(struct rd *r, const char *why, struct error *err)
{
	if (ferror(r->f))
		err_set(err, ERR_DB, "%s: không đọc được: %s", r->path, strerror(errno));
	else
		err_set(err, ERR_DB, "%s: dòng %d: %s", r->path, r->line, why);
	return -1;
}

/* One value whose first character c has been read, to its end: its text
 * kept in r->val when keep. Strings and nesting are followed; the rest is
 * left to the parser (rd_json). */
static int rd_value(struct rd *r, int c, bool keep, struct error *err)
{
	r->len = 0;
	if (c != '"' && c != '[' && c != '{') {
		while (c != EOF && c != ',' && c != ']' && c != '}' && c != ':' && c != ' ' &&
		       c != '\t' && c != '\n' && c != '\r') {
			if (keep)
				rd_keep(r, c);
			c = rd_getc(r);
		}
		rd_back(r, c);
		return r->len || !keep ? 0 : rd_bad(r, "thiếu giá trị JSON", err);
	}
	int depth = 0;
	bool str = false;
	for (;; c = rd_getc(r)) {
		if (c == EOF)
			return rd_bad(r, "tệp kết thúc giữa chừng", err);
		if (keep)
			rd_keep(r, c);
		if (str) {
			if (c == '\\') {
				c = rd_getc(r);
				if (c == EOF)
					return rd_bad(r, "tệp kết thúc giữa chừng", err);
				if (keep)
					rd_keep(r, c);
			} else if (c == '"') {
				str = false;
				if (!depth)
					return 0;
			}
		} else if (c == '"') {
			str = true;
		} else if (c == '[' || c == '{') {
			depth++;
		} else if (c == ']' || c == '}') {
			if (--depth == 0)
				return 0;
		}
	}
}

/* The value just read (rd_value, kept), parsed: NULL with *err. */
static json_t *rd_json(struct rd *r, struct error *err)
{
	json_error_t je;
	json_t *v = json_loadb(r->val ? r->val : "", r->len,
	                       JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, &je);
	if (!v) {
		int lines = 0;
		for (size_t i = 0; i < r->len; i++)
			lines += r->val[i] == '\n';
		err_set(err, ERR_DB, "%s: dòng %d: %s", r->path, r->line - lines + je.line - 1,
		        je.text);
	}
	return v;
}

/* A member's name (its '"' read) and the ':' after it. */
static char *rd_key(struct rd *r, int c, struct error *err)
{
	if (c != '"') {
		rd_bad(r, "cần tên thuộc tính (chuỗi)", err);
		return NULL;
	}
	if (rd_value(r, c, true, err))
		return NULL;
	json_t *v = rd_json(r, err);
	if (!v)
		return NULL;
	char *key = xstrdup(json_string_value(v));
	json_decref(v);
	if (rd_ws(r) != ':') {
		free(key);
		rd_bad(r, "cần ':'", err);
		return NULL;
	}
	return key;
}

/* A value not kept: parsed to be valid JSON, then dropped. */
static int rd_drop(struct rd *r, int c, struct error *err)
{
	if (rd_value(r, c, true, err))
		return -1;
	json_t *v = rd_json(r, err);
	json_decref(v);
	return v ? 0 : -1;
}

/* The members of an object whose '{' has been read, each handed to fn
 * with its name and first character; a name there twice is refused. */
static int rd_members(struct rd *r,
                      int (*fn)(struct rd *, const char *, int, void *, struct error *), void *ctx,
                      struct error *err)
{
	json_t *seen = json_object();
	int rc = -1, c = rd_ws(r);
	if (c == '}') {
		rc = 0;
		goto out;
	}
	for (;;) {
		char *key = rd_key(r, c, err);
		if (!key)
			goto out;
		if (json_object_get(seen, key)) {
			err_set(err, ERR_DB, "%s: dòng %d: thuộc tính \"%s\" có hai lần", r->path,
			        r->line, key);
			free(key);
			goto out;
		}
		json_object_set_new(seen, key, json_true());
		int bad = fn(r, key, rd_ws(r), ctx, err);
		free(key);
		if (bad)
			goto out;
		c = rd_ws(r);
		if (c == '}')
			break;
		if (c != ',') {
			rd_bad(r, "cần ',' hoặc '}'", err);
			goto out;
		}
		c = rd_ws(r);
	}
	rc = 0;
out:
	json_decref(seen);
	return rc;
}

static int rd_table_member(struct rd *r, const char *key, int c, void *ctx, struct error *err)
{
	size_t k = *(size_t *)ctx;
	if (!strcmp(key, "columns")) {
		if (rd_value(r, c, true, err) || !(r->cols[k] = rd_json(r, err)))
			return -1;
		return 0;
	}
	if (strcmp(key, "rows"))
		return rd_drop(r, c, err);
	r->has_rows[k] = true;
	r->rows_array[k] = c == '[';
	r->rows_at[k] = r->off - 1;
	r->rows_line[k] = r->line;
	/* the rows themselves are parsed when read (rd_rows) */
	return c == '[' ? rd_value(r, c, false, err) : rd_drop(r, c, err);
}

static int rd_table(struct rd *r, const char *key, int c, void *ctx, struct error *err)
{
	(void)ctx;
	size_t k = 0;
	while (k < NTABLES && strcmp(tables[k].name, key))
		k++;
	if (k == NTABLES || c != '{')
		return rd_drop(r, c, err); /* not a table of chitieu's */
	return rd_members(r, rd_table_member, &k, err);
}

static int rd_top(struct rd *r, const char *key, int c, void *ctx, struct error *err)
{
	(void)ctx;
	if (!strcmp(key, "tables")) {
		r->has_tables = true;
		r->tables_object = c == '{';
		return c == '{' ? rd_members(r, rd_table, NULL, err) : rd_drop(r, c, err);
	}
	if (strcmp(key, "chitieu_dump") && strcmp(key, "schema") && strcmp(key, "backend"))
		return rd_drop(r, c, err);
	json_t *v;
	if (rd_value(r, c, true, err) || !(v = rd_json(r, err)))
		return -1;
	json_object_set_new(r->head, key, v);
	return 0;
}

/* The first pass: the document's small members, and where each table's
 * rows are. */
static int rd_index(struct rd *r, struct error *err)
{
	r->head = json_object();
	int c = rd_ws(r);
	if (c != '{') {
		if (c == EOF && !ferror(r->f))
			return rd_bad(r, "tệp trống", err);
		err_set(err, ERR_DB,
		        "không phải tệp sao lưu của chitieu (thiếu \"chitieu_dump\": 1 hoặc "
		        "\"tables\")");
		return -1;
	}
	if (rd_members(r, rd_top, NULL, err))
		return -1;
	if (rd_ws(r) != EOF || ferror(r->f))
		return rd_bad(r, "thừa dữ liệu sau tài liệu JSON", err);
	return 0;
}

/* Where a dump's rows are read from: a document in memory, or its file a
 * row at a time. */
struct src {
	json_t *tabs;
	struct rd *rd;
	struct colmap map[NTABLES];
};

typedef int (*row_fn)(void *ctx, json_t *row, size_t r, struct error *err);

static bool src_has(const struct src *s, size_t k)
{
	return s->rd ? s->rd->has_rows[k] : rows_of(s->tabs, tables[k].name) != NULL;
}

static bool src_array(const struct src *s, size_t k)
{
	return s->rd ? s->rd->rows_array[k] : json_is_array(rows_of(s->tabs, tables[k].name));
}

/* Each row of table k, in today's columns, handed to fn with its index. */
static int src_rows(struct src *s, size_t k, row_fn fn, void *ctx, struct error *err)
{
	const struct table *t = &tables[k];
	if (!s->rd) {
		json_t *rows = rows_of(s->tabs, t->name);
		for (size_t r = 0; r < json_array_size(rows); r++)
			if (fn(ctx, json_array_get(rows, r), r, err))
				return -1;
		return 0;
	}
	struct rd *rd = s->rd;
	if (fseeko(rd->f, rd->rows_at[k], SEEK_SET)) {
		err_set(err, ERR_DB, "%s: không đọc được: %s", rd->path, strerror(errno));
		return -1;
	}
	rd->off = rd->rows_at[k];
	rd->line = rd->rows_line[k];
	int c = rd_getc(rd);
	assert(c == '[');
	c = rd_ws(rd);
	if (c == ']')
		return 0;
	for (size_t r = 0;; r++) {
		if (rd_value(rd, c, true, err))
			return -1;
		json_t *row = rd_json(rd, err);
		if (!row)
			return -1;
		json_t *now = map_row(t, &s->map[k], row, r, err);
		json_decref(row);
		int rc = now ? fn(ctx, now, r, err) : -1;
		json_decref(now);
		if (rc)
			return -1;
		c = rd_ws(rd);
		if (c == ']')
			return 0;
		if (c != ',')
			return rd_bad(rd, "cần ',' hoặc ']'", err);
		c = rd_ws(rd);
	}
}

/* ---- The check ------------------------------------------------------------------ */

/* The tables by their place in tables[]. */
enum {
	T_UNITS,
	T_AGENCIES,
	T_PLANS,
	T_SERIES,
	T_INDICATORS,
	T_OBS = 8,
	T_HISTORY,
	T_USERS = 12,
	T_TOKENS,
	T_LINKS,
	T_UIDS,
	T_SETTINGS,
	T_FILES,
};

#define REJECT(...)                                                                                \
	do {                                                                                       \
		char *why_ = xasprintf(__VA_ARGS__);                                               \
		err_set(err, ERR_DB, "bảng %s, dòng %zu (tables.%s.rows[%zu]): %s", t->name,       \
		        r + 1, t->name, r, why_);                                                  \
		free(why_);                                                                        \
		return -1;                                                                         \
	} while (0)

struct chk {
	struct src *s;
	int from;
	size_t k; /* the table being read */
	struct ids ids[NTABLES];
	/* In a file the figures and their history are too many to keep: their
	 * ids, and the history's references to them, are checked by the
	 * database in the restore's transaction (check_figures_sql). */
	bool sql_ids;
	json_t *units;        /* the units' rows, to walk parents */
	struct row_key *keys; /* the series' (unit, code) */
	size_t nk, ck;
	struct hidx codes; /* of keys */
	long repeat;       /* the row whose key an earlier row has (keys[first]) */
	size_t first;
	struct sink *sink; /* where each row checked goes, or NULL */
};

/* The rules of one row of table k beyond its cells, against the tables
 * before it. */
static int row_rules(struct chk *ck, size_t k, json_t *row, size_t r, struct error *err)
{
	const struct table *t = &tables[k];
	const struct ids *ids = ck->ids;
	const char *why;
	static const char *const statuses[] = {"draft", "submitted", "approved", "returned", NULL};
	static const char *const roles[] = {"admin", "office", "reporter", "viewer", NULL};
	static const char *const states[] = {"proposed", "confirmed", "rejected", NULL};
	static const char *const parts[] = {"unit", "indicator_type", "value", "num",
	                                    "den",  "indicator",      NULL};
	switch (k) {
	case T_AGENCIES:
		if ((why = ref_problem(row, t, "unit_id", &ids[T_UNITS], false)) != NULL)
			REJECT("cột unit_id: %s", why);
		if (!text_at(row, t, "name") || !*text_at(row, t, "name"))
			REJECT("cột name: thiếu tên cơ quan");
		return 0;
	case T_FILES:
	case T_SETTINGS:
		if ((why = ref_problem(row, t, "unit_id", &ids[T_UNITS], false)) != NULL)
			REJECT("cột unit_id: %s", why);
		if (k == T_FILES)
			return 0;
		struct unit_settings u;
		struct error e = {0};
		if (settings_parse(text_at(row, t, "doc"), &u, &e)) {
			char msg[400];
			snprintf(msg, sizeof msg, "%s", e.msg);
			err_clear(&e);
			REJECT("cột doc: %s", msg);
		}
		return 0;
	case T_PLANS: {
		if ((why = ref_problem(row, t, "unit_id", &ids[T_UNITS], false)) != NULL)
			REJECT("cột unit_id: %s", why);
		if (int_at(row, t, "version") < 1)
			REJECT("cột version: phiên bản phải từ 1");
		const char *d = text_at(row, t, "doc");
		json_error_t je;
		json_t *j = d ? json_loads(d, JSON_REJECT_DUPLICATES, &je) : NULL;
		struct plan p;
		plan_init(&p);
		bool good = j && json_is_object(j) && !plan_from_json(j, &p);
		plan_free(&p);
		json_decref(j);
		if (!good)
			REJECT("cột doc: không phải kế hoạch dạng JSON của chitieu%s%s",
			       d && !j ? ": " : "", d && !j ? je.text : "");
		return 0;
	}
	case T_SERIES: {
		if ((why = ref_problem(row, t, "unit_id", &ids[T_UNITS], false)) != NULL)
			REJECT("cột unit_id: %s", why);
		const char *code = text_at(row, t, "code");
		if (!code_text_ok(code))
			REJECT("cột code: mã chỉ tiêu \"%s\" không hợp lệ", code ? code : "");
		if ((long)r == ck->repeat)
			REJECT("cột code: mã chỉ tiêu \"%s\" của đơn vị trùng dòng %zu (tệp "
			       "của bản cũ: mở cơ sở dữ liệu cũ bằng bản này rồi xuất lại)",
			       code, ck->first + 1);
		return 0;
	}
	case T_INDICATORS:
		if ((why = ref_problem(row, t, "plan_id", &ids[T_PLANS], false)) != NULL)
			REJECT("cột plan_id: %s", why);
		if ((why = ref_problem(row, t, "series_id", &ids[T_SERIES], false)) != NULL)
			REJECT("cột series_id: %s", why);
		if (!code_text_ok(text_at(row, t, "code")))
			REJECT("cột code: mã chỉ tiêu không hợp lệ");
		if (!text_at(row, t, "name") || !*text_at(row, t, "name"))
			REJECT("cột name: thiếu tên chỉ tiêu");
		return 0;
	case T_OBS:
	case T_HISTORY: {
		bool h = k == T_HISTORY;
		if (h && !ck->sql_ids &&
		    (why = ref_problem(row, t, "observation_id", &ids[T_OBS], false)))
			REJECT("cột observation_id: %s", why);
		if (h && null_at(row, t, "observation_id"))
			REJECT("cột observation_id: thiếu");
		if (!h && (why = ref_problem(row, t, "series_id", &ids[T_SERIES], false)))
			REJECT("cột series_id: %s", why);
		struct period per;
		const char *pw = NULL;
		if (!h && period_parse(text_at(row, t, "period"), &per, &pw))
			REJECT("cột period: kỳ \"%s\" không hợp lệ: %s",
			       text_at(row, t, "period") ? text_at(row, t, "period") : "",
			       pw ? pw : "?");
		if (!one_of(text_at(row, t, "status"), statuses))
			REJECT("cột status: trạng thái không hợp lệ");
		if (int_at(row, t, "version") < 1)
			REJECT("cột version: phiên bản phải từ 1");
		/* A ratio as observation_check wants it: both parts, 0 <= num <= den,
		 * den > 0. */
		json_t *nu = json_array_get(row, (size_t)col_of(t, "num"));
		json_t *de = json_array_get(row, (size_t)col_of(t, "den"));
		if (json_is_null(nu) != json_is_null(de))
			REJECT("cột num, den: tỷ lệ cần cả tử số và mẫu số");
		if (!json_is_null(de) && (json_number_value(de) <= 0 || json_number_value(nu) < 0 ||
		                          json_number_value(nu) > json_number_value(de)))
			REJECT("cột num, den: tử số %g, mẫu số %g không hợp lệ (0 ≤ tử ≤ mẫu, "
			       "mẫu > 0)",
			       json_number_value(nu), json_number_value(de));
		return 0;
	}
	case T_USERS: {
		if (ck->from < 2)
			return 0;
		const char *login = text_at(row, t, "login");
		if (!login || !*login || strchr(login, ' '))
			REJECT("cột login: tên đăng nhập không hợp lệ");
		if (!text_at(row, t, "name") || !*text_at(row, t, "name"))
			REJECT("cột name: thiếu họ tên");
		if (!one_of(text_at(row, t, "role"), roles))
			REJECT("cột role: vai trò không hợp lệ");
		if ((why = ref_problem(row, t, "unit_id", &ids[T_UNITS], true)) != NULL)
			REJECT("cột unit_id: %s", why);
		if (!text_at(row, t, "pw_hash"))
			REJECT("cột pw_hash: thiếu");
		return 0;
	}
	case T_TOKENS:
		if (ck->from >= 2 &&
		    (why = ref_problem(row, t, "user_id", &ids[T_USERS], false)) != NULL)
			REJECT("cột user_id: %s", why);
		return 0;
	case T_LINKS:
		if ((why = ref_problem(row, t, "child_series_id", &ids[T_SERIES], false)) != NULL)
			REJECT("cột child_series_id: %s", why);
		if ((why = ref_problem(row, t, "parent_series_id", &ids[T_SERIES], false)) != NULL)
			REJECT("cột parent_series_id: %s", why);
		if (!one_of(text_at(row, t, "state"), states))
			REJECT("cột state: trạng thái liên kết không hợp lệ");
		return 0;
	case T_UIDS: {
		const char *part = text_at(row, t, "part"), *uid = text_at(row, t, "uid");
		if ((why = ref_problem(row, t, "unit_id", &ids[T_UNITS], false)) != NULL)
			REJECT("cột unit_id: %s", why);
		bool unit = part && (!strcmp(part, "unit") || !strcmp(part, "indicator_type"));
		if ((why = ref_problem(row, t, "series_id", &ids[T_SERIES], unit)) != NULL)
			REJECT("cột series_id: %s", why);
		if (!one_of(part, parts) ||
		    unit != json_is_null(json_array_get(row, (size_t)col_of(t, "series_id"))))
			REJECT("cột part: phần \"%s\" không hợp lệ", part ? part : "");
		if (!dhis2_uid_ok(uid))
			REJECT("cột uid: \"%s\" không phải UID của DHIS2", uid ? uid : "");
		return 0;
	}
	default:
		return 0;
	}
}

static bool key_eq(const void *ctx, size_t a, size_t b)
{
	const struct row_key *k = ctx;
	return k[a].owner == k[b].owner && !strcmp(k[a].code, k[b].code);
}

/* A series' key added: where an earlier row has it (ck->repeat, first). */
static void series_key(struct chk *ck, json_t *row, size_t r)
{
	const struct table *t = &tables[T_SERIES];
	const char *code = text_at(row, t, "code");
	if (!code)
		return;
	if (ck->nk == ck->ck) {
		ck->ck = ck->ck ? 2 * ck->ck : 256;
		ck->keys = xrealloc(ck->keys, ck->ck * sizeof *ck->keys);
	}
	int64_t unit = int_at(row, t, "unit_id");
	ck->keys[ck->nk] = (struct row_key){unit, xstrdup(code), r};
	uint64_t h = hash_int((uint64_t)unit);
	for (const unsigned char *p = (const unsigned char *)code; *p; p++)
		h = (h ^ *p) * 0x100000001b3u;
	long at = hidx_add(&ck->codes, h, ck->nk, key_eq, ck->keys);
	if (at < 0) {
		ck->nk++;
		return;
	}
	free((char *)ck->keys[ck->nk].code);
	ck->repeat = (long)r;
	ck->first = ck->keys[at].row;
}

static int sink_row(void *p, json_t *row, size_t r, struct error *err);

/* A row's cells and, for most tables, its rules (the units are checked
 * once all their rows are read); then, when ck->sink, the row written. */
static int chk_row(void *p, json_t *row, size_t r, struct error *err)
{
	struct chk *ck = p;
	size_t k = ck->k;
	const struct table *t = &tables[k];
	bool keep = !(ck->sql_ids && (k == T_OBS || k == T_HISTORY));
	if (check_row_cells(t, row, r, keep ? &ck->ids[k] : NULL, err))
		return -1;
	if (k == T_UNITS) {
		json_array_append(ck->units, row);
		return 0;
	}
	if (k == T_SERIES)
		series_key(ck, row, r);
	if (row_rules(ck, k, row, r, err))
		return -1;
	return ck->sink ? sink_row(ck->sink, row, r, err) : 0;
}

/* The document's head: 0 and its schema in *from, or -1. */
static int check_head(json_t *head, bool tables_object, int schema, int *from, struct error *err)
{
	json_t *magic = json_object_get(head, "chitieu_dump");
	if (!json_is_integer(magic) || json_integer_value(magic) != 1 || !tables_object) {
		err_set(err, ERR_DB,
		        "không phải tệp sao lưu của chitieu (thiếu \"chitieu_dump\": 1 hoặc "
		        "\"tables\")");
		return -1;
	}
	json_t *sv = json_object_get(head, "schema");
	json_int_t v = json_is_integer(sv) ? json_integer_value(sv) : 0;
	if (v < 1 || v > schema) {
		err_set(err, ERR_DB, "tệp sao lưu có lược đồ phiên bản %lld, chương trình dùng %d",
		        (long long)v, schema);
		return -1;
	}
	*from = (int)v;
	return 0;
}

/* ---- The restore ---------------------------------------------------------------- */

static int cmp_cell(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The plan documents already written (their hashes, sorted). */
struct seen {
	char **v;
	size_t n, cap;
};

static bool seen_add(struct seen *s, const char *hash)
{
	size_t lo = 0, hi = s->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(s->v[mid], hash);
		if (!c)
			return false;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 16;
		s->v = xrealloc(s->v, s->cap * sizeof *s->v);
	}
	memmove(s->v + lo + 1, s->v + lo, (s->n - lo) * sizeof *s->v);
	s->v[lo] = xstrdup(hash);
	s->n++;
	return true;
}

/* A batch of a dump's plans, each with its document: the documents into
 * plan_docs once each (over all batches), the plans referring to them by
 * hash. */
static int restore_plans(const struct driver *d, void *db, const struct table *t, char **cells,
                         size_t n, struct seen *seen, struct error *err)
{
	int ncols = ncols_of(t), doc = ncols - 1;
	assert(!strcmp(t->cols[doc], "doc"));
	char **docs = xcalloc(2 * n + 1, sizeof *docs), **hashes = xcalloc(n + 1, sizeof *hashes);
	size_t nd = 0;
	for (size_t r = 0; r < n; r++) {
		char **cell = &cells[r * (size_t)ncols + (size_t)doc];
		hashes[r] = xcalloc(1, 65);
		st_doc_hash(*cell ? *cell : "", hashes[r]);
		if (!seen_add(seen, hashes[r]))
			continue;
		docs[nd * 2] = hashes[r];
		docs[nd++ * 2 + 1] = *cell;
	}
	/* (sorted by hash, as one batch of all plans wrote them) */
	xqsort(docs, nd, 2 * sizeof *docs, cmp_cell);
	int rc = nd ? d->copy(db, "plan_docs(hash, doc)", 2, "tt", docs, nd, err) : 0;
	for (size_t r = 0; r < n && !rc; r++) {
		char **cell = &cells[r * (size_t)ncols + (size_t)doc];
		char *saved = *cell;
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

/* Rows are written RESTORE_BATCH at a time, or fewer when their text
 * passes RESTORE_BYTES (a plan's row holds its document): a restore holds
 * one batch, never a table. */
#define RESTORE_BATCH 2000
#define RESTORE_BYTES (4u << 20)

/* Where one table's rows go. */
struct sink {
	const struct driver *d;
	void *db;
	const struct table *t;
	const char *cols[18]; /* the table's, and the history's dump_row */
	char types[19];
	int ncols;
	char *temp;   /* the temporary table they go to, or NULL */
	char *target; /* "name(cols)" */
	char **cells; /* RESTORE_BATCH rows */
	size_t n, total, bytes;
	struct seen docs;
};

static void sink_clear(struct sink *k)
{
	for (size_t i = 0; i < (size_t)RESTORE_BATCH * (size_t)k->ncols; i++) {
		free(k->cells[i]);
		k->cells[i] = NULL;
	}
	k->n = 0;
	k->bytes = 0;
}

static int sink_flush(struct sink *k, struct error *err)
{
	int rc = 0;
	if (k->n && !strcmp(k->t->name, "plans"))
		rc = restore_plans(k->d, k->db, k->t, k->cells, k->n, &k->docs, err);
	else if (k->n)
		rc = k->d->copy(k->db, k->target, k->ncols, k->types, k->cells, k->n, err);
	sink_clear(k);
	return rc;
}

static int sink_row(void *p, json_t *row, size_t r, struct error *err)
{
	struct sink *k = p;
	char **cells = &k->cells[k->n * (size_t)k->ncols];
	if (row_cells(k->t, row, r, cells, err))
		return -1;
	if (k->ncols > ncols_of(k->t))
		cells[k->ncols - 1] = xasprintf("%zu", r);
	for (int c = 0; c < k->ncols; c++)
		k->bytes += cells[c] ? strlen(cells[c]) : 0;
	k->n++;
	k->total++;
	return k->n == RESTORE_BATCH || k->bytes >= RESTORE_BYTES ? sink_flush(k, err) : 0;
}

/* The first row of a query, its columns a and b (b may be NULL): 1, 0 when
 * none, -1. */
static int first_row(const struct driver *d, void *db, const char *sql, int64_t *a, int64_t *b,
                     struct error *err)
{
	struct stmt *st = d->prepare(db, sql, err);
	if (!st)
		return -1;
	int rc = d->step(st, err);
	if (rc == 1) {
		*a = d->col_int(st, 0);
		if (b)
			*b = d->col_int(st, 1);
	}
	d->finalize(st);
	return rc;
}

/* The checks a file leaves to the database (chk.sql_ids): each figure's id
 * there once; each history row's id there once, its figure there. */
static int check_figures_sql(const struct driver *d, void *db, bool history, struct error *err)
{
	int64_t id, row = 0;
	const char *table = history ? "observation_history" : "observations";
	int rc = first_row(d, db,
	                   history ? "SELECT id FROM restore_history GROUP BY id"
	                             " HAVING count(*) > 1 ORDER BY id LIMIT 1"
	                           : "SELECT id FROM restore_observations GROUP BY id"
	                             " HAVING count(*) > 1 ORDER BY id LIMIT 1",
	                   &id, NULL, err);
	if (rc == 1)
		err_set(err, ERR_DB, "bảng %s: id %lld có hai lần", table, (long long)id);
	if (rc || !history)
		return rc ? -1 : 0;
	rc = first_row(d, db,
	               "SELECT h.dump_row, h.observation_id FROM restore_history h WHERE NOT EXISTS"
	               " (SELECT 1 FROM restore_observations o WHERE o.id = h.observation_id)"
	               " ORDER BY h.dump_row LIMIT 1",
	               &row, &id, err);
	if (rc == 1)
		err_set(err, ERR_DB,
		        "bảng %s, dòng %lld (tables.%s.rows[%lld]): cột observation_id: trỏ tới "
		        "dòng không có",
		        table, (long long)row + 1, table, (long long)row);
	return rc ? -1 : 0;
}

/* After a table's rows: what its temporary table goes on to. */
static int sink_done(struct sink *k, struct error *err)
{
	const struct driver *d = k->d;
	void *db = k->db;
	const char *name = k->t->name;
	if (sink_flush(k, err))
		return -1;
	if (!strcmp(name, "observations")) {
		/* Kept in figures and entries since schema 11; the table is kept
		 * for the history's references (dropped by store_restore_file). */
		if (d->exec(db, "CREATE INDEX restore_observations_id ON restore_observations(id)",
		            err) ||
		    check_figures_sql(d, db, false, err) || /* (by the index: no second sort) */
		    st_figures_restore(d, db, err))
			return -1;
	} else if (!strcmp(name, "observation_history")) {
		struct buf c = BUF_INIT;
		for (int i = 0; k->t->cols[i]; i++)
			buf_printf(&c, "%s%s", i ? ", " : "", k->t->cols[i]);
		char *sql = xasprintf("INSERT INTO observation_history (%s) SELECT %s FROM"
		                      " restore_history; DROP TABLE restore_history",
		                      buf_str(&c), buf_str(&c));
		buf_free(&c);
		int rc = check_figures_sql(d, db, true, err) || d->exec(db, sql, err);
		free(sql);
		if (rc)
			return -1;
	} else if (!strcmp(name, "agencies")) {
		/* Their names kept once since schema 15. */
		if (k->total ? st_agencies_restore(d, db, err)
		             : d->exec(db, "DROP TABLE restore_agencies", err))
			return -1;
	} else if (!strcmp(name, "links")) {
		/* Their texts kept once since schema 14. */
		if (k->total ? st_links_restore(d, db, err)
		             : d->exec(db, "DROP TABLE restore_links", err))
			return -1;
	}
	if (d->after_restore && !strcmp(k->t->order, "id") && strcmp(name, "observations") &&
	    strcmp(name, "agencies") && strcmp(name, "links") && !plan_rows(name)) {
		char *sql = with_table(d->after_restore, name);
		int rc = d->exec(db, sql, err);
		free(sql);
		if (rc)
			return -1;
	}
	return 0;
}

/* A sink for table k's rows: 0, or -1 with *err (sink_close after
 * either). */
static int sink_open(struct sink *sk, const struct driver *d, void *db, size_t k,
                     struct error *err)
{
	const struct table *t = &tables[k];
	*sk = (struct sink){.d = d, .db = db, .t = t, .ncols = ncols_of(t)};
	for (int c = 0; c < sk->ncols; c++)
		sk->cols[c] = t->cols[c];
	snprintf(sk->types, sizeof sk->types, "%s", t->types);
	const char *name = t->name;
	if (!strcmp(name, "observation_history")) {
		/* each row's place in the dump, for the check's message */
		sk->cols[sk->ncols++] = "dump_row";
		strcat(sk->types, "i");
		sk->temp = xstrdup("restore_history");
	} else if (!strcmp(name, "observations") || !strcmp(name, "agencies") ||
	           !strcmp(name, "links") || plan_rows(name)) {
		sk->temp = xasprintf("restore_%s", name);
	}
	struct buf b = BUF_INIT;
	buf_printf(&b, "%s(", sk->temp ? sk->temp : name);
	for (int c = 0; c < sk->ncols; c++)
		buf_printf(&b, "%s%s", c ? ", " : "", sk->cols[c]);
	buf_putc(&b, ')');
	sk->target = buf_detach(&b);
	sk->cells = xcalloc((size_t)RESTORE_BATCH * (size_t)sk->ncols, sizeof *sk->cells);
	return sk->temp && st_restore_temp(d, db, sk->temp, sk->cols, sk->types, NULL, 0, err)
	               ? -1
	               : 0;
}

static void sink_close(struct sink *sk)
{
	if (sk->cells)
		sink_clear(sk);
	free(sk->cells);
	free(sk->temp);
	free(sk->target);
	for (size_t i = 0; i < sk->docs.n; i++)
		free(sk->docs.v[i]);
	free(sk->docs.v);
}

/* ---- The check and the restore in one pass ------------------------------------ */

/* Every table of a dump checked, in the order of tables[] (each refers
 * only to those before it); when d, each row written as it is checked
 * (the caller's transaction undoes what was written when a later row is
 * refused). */
static int check_src(struct src *s, int from, const struct driver *d, void *db,
                     struct error *err)
{
	struct chk ck = {.s = s, .from = from, .sql_ids = s->rd != NULL, .repeat = -1};
	struct sink sk = {0};
	ck.units = json_array();
	int rc = -1;
	assert(!strcmp(tables[T_OBS].name, "observations") &&
	       !strcmp(tables[T_HISTORY].name, "observation_history") &&
	       !strcmp(tables[T_USERS].name, "users") &&
	       !strcmp(tables[T_FILES].name, "evidence_files") &&
	       !strcmp(tables[T_UIDS].name, "dhis2_uids") &&
	       !strcmp(tables[T_LINKS].name, "links"));
	for (size_t k = 0; k < NTABLES; k++) {
		const struct table *t = &tables[k];
		if (!src_has(s, k) && from < t->since)
			continue;
		if (!src_has(s, k)) {
			err_set(err, ERR_DB, "thiếu bảng %s trong tệp sao lưu (tables.%s.rows)",
			        t->name, t->name);
			goto out;
		}
		if (!src_array(s, k)) {
			err_set(err, ERR_DB, "bảng %s (tables.%s.rows): không phải một mảng",
			        t->name, t->name);
			goto out;
		}
	}
	for (size_t k = 0; k < NTABLES; k++) {
		if (!src_has(s, k)) /* (an older dump's: above) */
			continue;
		ck.k = k;
		if (d && sink_open(&sk, d, db, k, err))
			goto out;
		ck.sink = d ? &sk : NULL;
		if (src_rows(s, k, chk_row, &ck, err))
			goto out;
		ids_done(&ck.ids[k]);
		if (k == T_SERIES) { /* (the keys are the series' alone) */
			for (size_t i = 0; i < ck.nk; i++)
				free((char *)ck.keys[i].code);
			free(ck.keys);
			hidx_free(&ck.codes);
			ck.keys = NULL;
			ck.nk = ck.ck = 0;
		}
		if (k == T_UNITS && check_units(ck.units, &ck.ids[T_UNITS], err))
			goto out;
		/* (the units written once checked whole) */
		for (size_t r = 0; d && k == T_UNITS && r < json_array_size(ck.units); r++)
			if (sink_row(&sk, json_array_get(ck.units, r), r, err))
				goto out;
		if (d && sink_done(&sk, err))
			goto out;
		sink_close(&sk);
		sk = (struct sink){0};
	}
	/* In memory, the history's references were checked with the figures'
	 * ids (row_rules). */
	rc = 0;
out:
	sink_close(&sk);
	for (size_t k = 0; k < NTABLES; k++) {
		free(ck.ids[k].v);
		hidx_free(&ck.ids[k].set);
	}
	for (size_t i = 0; i < ck.nk; i++)
		free((char *)ck.keys[i].code);
	free(ck.keys);
	hidx_free(&ck.codes);
	json_decref(ck.units);
	return rc;
}

int store_dump_check(json_t *doc, int schema, struct error *err)
{
	json_t *tabs = json_object_get(doc, "tables");
	if (json_is_object(tabs) && dump_upgrade(tabs, err))
		return -1;
	int from;
	if (!json_is_object(doc) || check_head(doc, json_is_object(tabs), schema, &from, err))
		return -1;
	struct src s = {.tabs = tabs};
	for (size_t k = 0; k < NTABLES; k++)
		colmap_of(&tables[k], NULL, &s.map[k], err);
	return check_src(&s, from, NULL, NULL, err);
}

int store_restore_file(const struct driver *d, void *db, int schema, const char *path,
                       struct error *err)
{
	struct rd r = {.path = path, .line = 1};
	struct src s = {.rd = &r};
	int rc = -1, from = 0;
	r.f = fopen(path, "rb");
	if (!r.f) {
		err_set(err, ERR_DB, "không mở được %s: %s", path, strerror(errno));
		return -1;
	}
	struct stat before, after;
	if (fstat(fileno(r.f), &before) || rd_index(&r, err))
		goto out;
	for (size_t k = 0; k < NTABLES; k++)
		if (colmap_of(&tables[k], r.cols[k], &s.map[k], err))
			goto out;
	/* Each row checked, then written, in one reading of the rows (the
	 * figures' ids and the history's references to them checked by the
	 * database: check_figures_sql). */
	if (check_head(r.head, r.tables_object, schema, &from, err) ||
	    check_src(&s, from, d, db, err))
		goto out;
	/* The file read whole is the file indexed. */
	if (fstat(fileno(r.f), &after) || after.st_size != before.st_size ||
	    after.st_mtim.tv_sec != before.st_mtim.tv_sec ||
	    after.st_mtim.tv_nsec != before.st_mtim.tv_nsec) {
		err_set(err, ERR_DB, "%s: tệp đã thay đổi trong khi khôi phục", path);
		goto out;
	}
	rc = d->exec(db, "DROP TABLE restore_observations", err) ||
	                     st_figures_restore_ids(d, db, err)
	             ? -1
	             : 0;
out:
	fclose(r.f);
	free(r.val);
	json_decref(r.head);
	for (size_t k = 0; k < NTABLES; k++)
		json_decref(r.cols[k]);
	return rc;
}
