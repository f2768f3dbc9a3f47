/* dhis2.c: reading DHIS2 data value sets. */
#include "dhis2.h"

#include "csv.h"
#include "figure.h"
#include "text.h"
#include "util.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>
#include <sys/types.h>

#define DHIS2_MAX_VALUES 1000000

void dhis2_values_free(struct dhis2_value *v, size_t n)
{
	for (size_t i = 0; v && i < n; i++) {
		free(v[i].data_element);
		free(v[i].period);
		free(v[i].org_unit);
		free(v[i].coc);
		free(v[i].aoc);
		free(v[i].value);
		free(v[i].comment);
		free(v[i].stored_by);
		free(v[i].last_updated);
	}
	free(v);
}

int dhis2_uid_new(char out[12])
{
	static const char alnum[] =
	        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
	unsigned char r[11];
	if (getrandom(r, sizeof r, 0) != (ssize_t)sizeof r)
		return -1;
	out[0] = alnum[r[0] % 52]; /* a letter first */
	for (int i = 1; i < 11; i++)
		out[i] = alnum[r[i] % 62];
	out[11] = '\0';
	return 0;
}

void dhis2_objects_free(struct dhis2_object *o, size_t n)
{
	for (size_t i = 0; o && i < n; i++) {
		free(o[i].id);
		free(o[i].code);
		free(o[i].name);
	}
	free(o);
}

static bool digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

int dhis2_period_in(const char *d, char out[PERIOD_NAME_SIZE])
{
	size_t n = d ? strlen(d) : 0;
	if (n < 4 || !digits(d, 4))
		return -1;
	char name[PERIOD_NAME_SIZE];
	if (n == 4)
		snprintf(name, sizeof name, "%.4s", d);
	else if (n == 6 && digits(d + 4, 2))
		snprintf(name, sizeof name, "%.4s-%.2s", d, d + 4);
	else if (n == 6 && d[4] == 'Q' && d[5] >= '1' && d[5] <= '4')
		snprintf(name, sizeof name, "%.4s-Q%c", d, d[5]);
	else if (n == 6 && d[4] == 'S' && (d[5] == '1' || d[5] == '2'))
		snprintf(name, sizeof name, "%.4s-H%c", d, d[5]);
	else
		return -1;
	struct period p;
	if (period_parse(name, &p, NULL))
		return -1;
	period_format(&p, out, PERIOD_NAME_SIZE);
	return 0;
}

int dhis2_period_out(const char *name, char out[PERIOD_NAME_SIZE])
{
	struct period p;
	if (period_parse(name, &p, NULL))
		return -1;
	switch (p.kind) {
	case PERIOD_MONTH:
		snprintf(out, PERIOD_NAME_SIZE, "%04d%02d", p.year, p.index);
		return 0;
	case PERIOD_QUARTER:
		snprintf(out, PERIOD_NAME_SIZE, "%04dQ%d", p.year, p.index);
		return 0;
	case PERIOD_HALF:
		snprintf(out, PERIOD_NAME_SIZE, "%04dS%d", p.year, p.index);
		return 0;
	case PERIOD_YEAR:
		snprintf(out, PERIOD_NAME_SIZE, "%04d", p.year);
		return 0;
	case PERIOD_NINE_MONTHS:
		return -1;
	}
	return -1;
}

/* The fields every value needs (a deleted one needs no value), and
 * DHIS2's booleans. */
static void check(const struct dhis2_value *v, struct problems *ps)
{
	if (!v->data_element || !*v->data_element)
		problems_add(ps, "E_FIELD", v->line, "Thiếu dataElement (mã chỉ tiêu)");
	if (!v->org_unit || !*v->org_unit)
		problems_add(ps, "E_FIELD", v->line, "Thiếu orgUnit (mã đơn vị)");
	char p[PERIOD_NAME_SIZE];
	if (!v->period || dhis2_period_in(v->period, p))
		problems_add(
		        ps, "E_PERIOD", v->line,
		        "Kỳ DHIS2 \"%s\" không dùng được (cần 202501, 2025Q1, 2025S1 hoặc 2025)",
		        v->period ? v->period : "");
	if (!v->value && !v->deleted)
		problems_add(ps, "E_FIELD", v->line, "Thiếu value");
}

/* DHIS2's "true"/"false" (any case; empty: false). */
static int boolean_of(const char *s, bool *out)
{
	if (!s || !*s || !strcasecmp(s, "false")) {
		*out = false;
		return 0;
	}
	if (!strcasecmp(s, "true")) {
		*out = true;
		return 0;
	}
	return -1;
}

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

/* A JSON value as text: strings as they are, numbers and booleans written.
 * A number is also kept as it is in d. */
static char *text_of(json_t *v, struct dhis2_value *d)
{
	if (json_is_string(v))
		return xstrdup(json_string_value(v));
	if (json_is_number(v)) {
		char text[FIGURE_SIZE];
		d->is_number = true;
		d->number = json_number_value(v);
		figure_write(d->number, text);
		return xstrdup(text);
	}
	if (json_is_boolean(v))
		return xstrdup(json_is_true(v) ? "true" : "false");
	return NULL;
}

int dhis2_parse_json(const char *data, size_t len, struct dhis2_value **out, size_t *n,
                     struct problems *ps)
{
	*out = NULL;
	*n = 0;
	json_error_t e;
	json_t *doc = json_loadb(data, len, JSON_REJECT_DUPLICATES, &e);
	if (!doc) {
		problems_add(ps, "E_JSON", e.line > 0 ? e.line : 0,
		             "JSON không đọc được (cột %d): %s", e.column, e.text);
		return -1;
	}
	json_t *list = json_object_get(doc, "dataValues");
	if (!json_is_object(doc) || !json_is_array(list)) {
		problems_add(ps, "E_JSON", 0, "Cần {\"dataValues\": [...]}");
		json_decref(doc);
		return -1;
	}
	size_t m = json_array_size(list);
	if (m > DHIS2_MAX_VALUES) {
		problems_add(ps, "E_TOO_LARGE", 0, "Quá nhiều giá trị (%zu; tối đa %d)", m,
		             DHIS2_MAX_VALUES);
		json_decref(doc);
		return -1;
	}
	/* The set's own period, orgUnit and attributeOptionCombo. */
	const char *set_pe = json_string_value(json_object_get(doc, "period"));
	const char *set_ou = json_string_value(json_object_get(doc, "orgUnit"));
	const char *set_aoc = json_string_value(json_object_get(doc, "attributeOptionCombo"));
	*out = xcalloc(m + 1, sizeof **out);
	size_t before = ps->n;
	for (size_t i = 0; i < m; i++) {
		json_t *o = json_array_get(list, i);
		struct dhis2_value *v = &(*out)[i];
		v->line = (int)i + 1;
		v->index = (int)i;
		if (!json_is_object(o)) {
			problems_add(ps, "E_JSON", v->line, "Giá trị thứ %zu không phải đối tượng",
			             i + 1);
			continue;
		}
		const char *pe = json_string_value(json_object_get(o, "period"));
		const char *ou = json_string_value(json_object_get(o, "orgUnit"));
		const char *aoc = json_string_value(json_object_get(o, "attributeOptionCombo"));
		v->data_element = dup_or_null(json_string_value(json_object_get(o, "dataElement")));
		v->period = dup_or_null(pe ? pe : set_pe);
		v->org_unit = dup_or_null(ou ? ou : set_ou);
		v->coc = dup_or_null(json_string_value(json_object_get(o, "categoryOptionCombo")));
		v->aoc = dup_or_null(aoc ? aoc : set_aoc);
		json_t *value = json_object_get(o, "value");
		v->value = value && !json_is_null(value) ? text_of(value, v) : NULL;
		v->comment = dup_or_null(json_string_value(json_object_get(o, "comment")));
		v->stored_by = dup_or_null(json_string_value(json_object_get(o, "storedBy")));
		json_t *at = json_object_get(o, "lastUpdated");
		v->last_updated =
		        dup_or_null(json_string_value(at ? at : json_object_get(o, "created")));
		static const char *const flags[] = {"followup", "deleted"};
		bool *dst[] = {&v->followup, &v->deleted};
		for (int k = 0; k < 2; k++) {
			json_t *f = json_object_get(o, flags[k]);
			if (json_is_boolean(f))
				*dst[k] = json_is_true(f);
			else if (f && !json_is_null(f) &&
			         (!json_is_string(f) || boolean_of(json_string_value(f), dst[k])))
				problems_add(ps, "E_FIELD", v->line, "%s phải là true hoặc false",
				             flags[k]);
		}
		check(v, ps);
	}
	*n = m;
	json_decref(doc);
	return ps->n > before ? -1 : 0;
}

int dhis2_parse_csv(const char *data, size_t len, struct dhis2_value **out, size_t *n,
                    struct problems *ps)
{
	*out = NULL;
	*n = 0;
	struct csv c;
	struct error err = {0};
	if (csv_parse(data, len, &c, &err)) {
		problems_add(ps, "E_CSV", 0, "%s", err.msg);
		err_clear(&err);
		return -1;
	}
	if (!c.n) {
		problems_add(ps, "E_CSV", 0, "Tệp trống");
		csv_free(&c);
		return -1;
	}
	/* Columns by name in the header, in both of DHIS2's styles. */
	enum { DE, PE, OU, COC, AOC, VALUE, BY, AT, COMMENT, FOLLOWUP, DELETED, NCOL };
	static const char *const names[][3] = {
	        {"dataelement", "de", NULL},
	        {"period", "pe", NULL},
	        {"orgunit", "ou", NULL},
	        {"categoryoptioncombo", "catoptcombo", "coc"},
	        {"attributeoptioncombo", "attroptcombo", "aoc"},
	        {"value", NULL, NULL},
	        {"storedby", NULL, NULL},
	        {"lastupdated", "timestamp", "created"},
	        {"comment", NULL, NULL},
	        {"followup", NULL, NULL},
	        {"deleted", NULL, NULL},
	};
	int col[NCOL];
	for (int j = 0; j < NCOL; j++)
		col[j] = -1;
	size_t before = ps->n;
	for (int k = 0; k < c.rows[0].n; k++) {
		char *f = text_fold(c.rows[0].f[k]);
		for (int j = 0; j < NCOL; j++)
			for (int a = 0; a < 3 && names[j][a]; a++)
				if (!strcmp(f, names[j][a])) {
					if (col[j] >= 0)
						problems_add(ps, "E_HEADER", c.rows[0].line,
						             "Cột %s có hai lần", names[j][0]);
					col[j] = k;
				}
		free(f);
	}
	static const int required[] = {DE, PE, OU, VALUE};
	for (int j = 0; j < 4; j++)
		if (col[required[j]] < 0)
			problems_add(ps, "E_HEADER", c.rows[0].line, "Thiếu cột %s",
			             names[required[j]][0]);
	if (ps->n > before) {
		csv_free(&c);
		return -1;
	}
	*out = xcalloc(c.n, sizeof **out);
	for (size_t i = 1; i < c.n; i++) {
		const struct csv_row *r = &c.rows[i];
		struct dhis2_value *v = &(*out)[i - 1];
		char *flag[2] = {NULL, NULL};
		char **fields[NCOL] = {&v->data_element, &v->period,       &v->org_unit,
		                       &v->coc,          &v->aoc,          &v->value,
		                       &v->stored_by,    &v->last_updated, &v->comment,
		                       &flag[0],         &flag[1]};
		for (int j = 0; j < NCOL; j++)
			*fields[j] = col[j] >= 0 && col[j] < r->n ? xstrdup(r->f[col[j]]) : NULL;
		for (int j = COC; j < NCOL; j++) /* an empty optional cell: absent */
			if (j != VALUE && *fields[j] && !**fields[j]) {
				free(*fields[j]);
				*fields[j] = NULL;
			}
		v->line = r->line;
		v->index = (int)i - 1;
		if (boolean_of(flag[0], &v->followup))
			problems_add(ps, "E_FIELD", v->line, "followup phải là true hoặc false");
		if (boolean_of(flag[1], &v->deleted))
			problems_add(ps, "E_FIELD", v->line, "deleted phải là true hoặc false");
		free(flag[0]);
		free(flag[1]);
		check(v, ps);
	}
	*n = c.n - 1;
	csv_free(&c);
	return ps->n > before ? -1 : 0;
}

static char *text_member(json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));
	return s ? xstrdup(s) : NULL;
}

int dhis2_parse_metadata(const char *data, size_t len, struct dhis2_object **ou, size_t *nou,
                         struct dhis2_object **de, size_t *nde, struct problems *ps)
{
	*ou = *de = NULL;
	*nou = *nde = 0;
	json_error_t e;
	json_t *doc = json_loadb(data, len, JSON_REJECT_DUPLICATES, &e);
	if (!json_is_object(doc)) {
		problems_add(ps, "E_JSON",
		             doc          ? 0
		             : e.line > 0 ? e.line
		                          : 0,
		             doc ? "Cần một đối tượng JSON (tệp metadata của DHIS2)"
		                 : "JSON không đọc được: %s",
		             e.text);
		json_decref(doc);
		return -1;
	}
	static const char *const lists[] = {"organisationUnits", "dataElements"};
	struct dhis2_object **outs[] = {ou, de};
	size_t *counts[] = {nou, nde};
	size_t before = ps->n;
	for (int l = 0; l < 2; l++) {
		json_t *list = json_object_get(doc, lists[l]);
		if (!list)
			continue;
		if (!json_is_array(list) || json_array_size(list) > DHIS2_MAX_VALUES) {
			problems_add(ps, "E_JSON", 0, "%s phải là một danh sách", lists[l]);
			continue;
		}
		size_t m = json_array_size(list);
		*outs[l] = xcalloc(m + 1, sizeof **outs[l]);
		*counts[l] = m;
		for (size_t i = 0; i < m; i++) {
			json_t *o = json_array_get(list, i);
			struct dhis2_object *x = &(*outs[l])[i];
			x->index = (int)i;
			x->id = text_member(o, "id");
			x->code = text_member(o, "code");
			x->name = text_member(o, "name");
			if (!dhis2_uid_ok(x->id))
				problems_add(ps, "E_UID", (int)i + 1,
				             "%s[%zu]: id \"%s\" không phải UID của DHIS2",
				             lists[l], i, x->id ? x->id : "");
		}
	}
	json_decref(doc);
	if (ps->n > before) {
		dhis2_objects_free(*ou, *nou);
		dhis2_objects_free(*de, *nde);
		*ou = *de = NULL;
		*nou = *nde = 0;
		return -1;
	}
	return 0;
}
