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

#define DHIS2_MAX_VALUES 1000000

void dhis2_values_free(struct dhis2_value *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].data_element);
		free(v[i].period);
		free(v[i].org_unit);
		free(v[i].coc);
		free(v[i].value);
		free(v[i].comment);
	}
	free(v);
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

/* The three fields every value needs. */
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
	if (!v->value)
		problems_add(ps, "E_FIELD", v->line, "Thiếu value");
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
	if (!json_is_array(list)) {
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
	*out = xcalloc(m + 1, sizeof **out);
	size_t before = ps->n;
	for (size_t i = 0; i < m; i++) {
		json_t *o = json_array_get(list, i);
		struct dhis2_value *v = &(*out)[i];
		v->line = (int)i + 1;
		if (!json_is_object(o)) {
			problems_add(ps, "E_JSON", v->line, "Giá trị thứ %zu không phải đối tượng",
			             i + 1);
			continue;
		}
		v->data_element = dup_or_null(json_string_value(json_object_get(o, "dataElement")));
		v->period = dup_or_null(json_string_value(json_object_get(o, "period")));
		v->org_unit = dup_or_null(json_string_value(json_object_get(o, "orgUnit")));
		v->coc = dup_or_null(json_string_value(json_object_get(o, "categoryOptionCombo")));
		v->value = text_of(json_object_get(o, "value"), v);
		v->comment = dup_or_null(json_string_value(json_object_get(o, "comment")));
		check(v, ps);
	}
	*n = m;
	json_decref(doc);
	if (ps->n > before) {
		dhis2_values_free(*out, *n);
		*out = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}

int dhis2_parse_csv(const char *data, size_t len, struct dhis2_value **out, size_t *n,
                    struct problems *ps)
{
	*out = NULL;
	*n = 0;
	struct csv c;
	char *err = NULL;
	if (csv_parse(data, len, &c, &err)) {
		problems_add(ps, "E_CSV", 0, "%s", err);
		free(err);
		return -1;
	}
	if (!c.n) {
		problems_add(ps, "E_CSV", 0, "Tệp trống");
		csv_free(&c);
		return -1;
	}
	/* Columns by name in the header. */
	static const char *const names[] = {"dataelement", "period", "orgunit",
	                                    "catoptcombo", "value",  "comment"};
	int col[6] = {-1, -1, -1, -1, -1, -1};
	for (int k = 0; k < c.rows[0].n; k++) {
		char *f = text_fold(c.rows[0].f[k]);
		for (int j = 0; j < 6; j++)
			if (!strcmp(f, names[j]))
				col[j] = k;
		free(f);
	}
	size_t before = ps->n;
	for (int j = 0; j < 5; j++)
		if (col[j] < 0 && j != 3)
			problems_add(ps, "E_HEADER", c.rows[0].line, "Thiếu cột %s", names[j]);
	if (ps->n > before) {
		csv_free(&c);
		return -1;
	}
	*out = xcalloc(c.n, sizeof **out);
	for (size_t i = 1; i < c.n; i++) {
		const struct csv_row *r = &c.rows[i];
		struct dhis2_value *v = &(*out)[i - 1];
		char **fields[] = {&v->data_element, &v->period, &v->org_unit,
		                   &v->coc,          &v->value,  &v->comment};
		for (int j = 0; j < 6; j++)
			*fields[j] = col[j] >= 0 && col[j] < r->n ? xstrdup(r->f[col[j]]) : NULL;
		v->line = r->line;
		check(v, ps);
	}
	*n = c.n - 1;
	csv_free(&c);
	if (ps->n > before) {
		dhis2_values_free(*out, *n);
		*out = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}
