/* exchange_sdg.c: the files an Open SDG site is built from (sdg-build's
 * inputs), for a unit and the units under it:
 *   DIR/data/indicator_G-T-I.csv   Year,Units,Địa bàn,GeoCode,Value
 *   DIR/meta/G-T-I.yml             the indicator's metadata
 *   DIR/indicator-numbers.csv      chitieu code -> Open SDG number
 *   DIR/geojson/communes.geojson   with --boundaries: the communes' shapes
 * G-T-I is the goal-target-indicator number Open SDG expects (1-1-3), from
 * the code (I.3 -> 1.1.3) or the office's numbering file. docs/exchange.md. */
#include "cli.h"

#include "csv.h"
#include "exchange.h"
#include "figure.h"
#include "import.h"
#include "period.h"
#include "plan.h"
#include "rollup.h"
#include "status.h"
#include "store.h"
#include "util.h"
#include "views.h"

#include <ctype.h>
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define SDG_FIRST     2020 /* the years an Open SDG file covers */
#define SDG_YEARS     26
#define SDG_MAX_FILE  (64u << 20)
#define SDG_AREA      "Địa bàn" /* the disaggregation by unit */
#define SDG_NUMBER_SZ 32

/* One indicator as Open SDG sees it. */
struct sdg_ind {
	const struct indicator *x;
	char number[SDG_NUMBER_SZ]; /* "1.1.3" */
};

/* A Roman numeral (I..XXXIX and the like) as a number; 0 when not one. */
static int roman(const char *s, size_t n)
{
	static const char *const r[] = {"I",    "II",  "III",  "IV",    "V",   "VI",   "VII",
	                                "VIII", "IX",  "X",    "XI",    "XII", "XIII", "XIV",
	                                "XV",   "XVI", "XVII", "XVIII", "XIX", "XX"};
	for (int i = 0; i < 20; i++)
		if (strlen(r[i]) == n && !strncmp(r[i], s, n))
			return i + 1;
	return 0;
}

/* A number Open SDG takes: three parts of digits or lower-case letters
 * ("1.1.3", "1.a.1"). */
static bool number_ok(const char *s)
{
	int parts = 1;
	size_t run = 0;
	for (; *s; s++) {
		if (*s == '.') {
			if (!run)
				return false;
			parts++;
			run = 0;
		} else if (isdigit((unsigned char)*s) || (*s >= 'a' && *s <= 'z')) {
			run++;
		} else {
			return false;
		}
	}
	return parts == 3 && run;
}

/* The default number of x: "I.3" -> "1.1.3" (the group as the goal, one
 * target, the indicator's number); "2.1.4" as it is; else the group's place
 * among the plan's groups (from 1), target 1, the indicator's place in it. */
static void default_number(const struct indicator *x, size_t group, size_t place,
                           char out[SDG_NUMBER_SZ])
{
	const char *dot = strchr(x->code, '.');
	if (dot && roman(x->code, (size_t)(dot - x->code)) && dot[1] &&
	    strspn(dot + 1, "0123456789") == strlen(dot + 1) && strlen(dot + 1) < 8) {
		snprintf(out, SDG_NUMBER_SZ, "%d.1.%s", roman(x->code, (size_t)(dot - x->code)),
		         dot + 1);
		return;
	}
	if (number_ok(x->code) && strlen(x->code) < SDG_NUMBER_SZ) {
		snprintf(out, SDG_NUMBER_SZ, "%s", x->code);
		return;
	}
	snprintf(out, SDG_NUMBER_SZ, "%zu.1.%zu", group, place);
}

/* The office's numbering: a CSV with the columns code and number (any
 * order, other columns ignored). 0, or -1 after saying why. */
static int read_numbering(const char *file, struct sdg_ind *ind, size_t n)
{
	struct error err = {0};
	size_t len;
	char *data = import_read_file(file, SDG_MAX_FILE, &len, &err);
	struct csv c = {0};
	if (!data || csv_parse(data, len, &c, &err)) {
		fprintf(stderr, "chitieu exchange export: %s: [%s] %s\n", file, err_name(err.code),
		        err.msg);
		err_clear(&err);
		free(data);
		return -1;
	}
	free(data);
	int code = -1, number = -1, rc = 0;
	for (int k = 0; c.n && k < c.rows[0].n; k++) {
		if (!strcmp(c.rows[0].f[k], "code"))
			code = k;
		if (!strcmp(c.rows[0].f[k], "number"))
			number = k;
	}
	if (code < 0 || number < 0) {
		fprintf(stderr, "chitieu exchange export: %s: cần các cột code và number\n", file);
		rc = -1;
	}
	for (size_t r = 1; !rc && r < c.n; r++) {
		const struct csv_row *row = &c.rows[r];
		const char *cd = code < row->n ? row->f[code] : "",
		           *nb = number < row->n ? row->f[number] : "";
		if (!number_ok(nb) || strlen(nb) >= SDG_NUMBER_SZ) {
			fprintf(stderr,
			        "chitieu exchange export: %s, dòng %d: số hiệu \"%s\" không theo "
			        "dạng mục tiêu.chỉ tiêu con.chỉ số (1.1.3)\n",
			        file, row->line, nb);
			rc = -1;
		}
		for (size_t i = 0; !rc && i < n; i++)
			if (!strcmp(ind[i].x->code, cd))
				snprintf(ind[i].number, SDG_NUMBER_SZ, "%s", nb);
	}
	csv_free(&c);
	return rc;
}

/* text as a YAML double-quoted scalar (JSON's string form is one). */
static void put_yaml_text(struct buf *b, const char *key, const char *text)
{
	json_t *j = json_string(text ? text : "");
	char *s = j ? json_dumps(j, JSON_ENCODE_ANY) : NULL;
	buf_printf(b, "%s: %s\n", key, s ? s : "\"\"");
	free(s);
	json_decref(j);
}

static int write_file(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	bool ok = f && fwrite(data, 1, len, f) == len;
	if (f && fclose(f))
		ok = false;
	if (!ok)
		fprintf(stderr, "chitieu exchange export: không ghi được %s\n", path);
	return ok ? 0 : -1;
}

static int make_dir(const char *path)
{
	if (mkdir(path, 0755) && errno != EEXIST) {
		fprintf(stderr, "chitieu exchange export: không tạo được thư mục %s\n", path);
		return -1;
	}
	return 0;
}

/* The communes' shapes from a GeoJSON FeatureCollection: each feature with
 * a property whose value is a unit's code, as Open SDG's map wants it
 * (properties geocode and name). How many were kept, or -1 after saying
 * why. */
static int geojson_template(const char *file, const struct family *f, const char *dir)
{
	json_error_t e;
	json_t *doc = json_load_file(file, JSON_REJECT_DUPLICATES, &e);
	json_t *features = json_object_get(doc, "features");
	if (!json_is_array(features)) {
		fprintf(stderr,
		        "chitieu exchange export: %s: cần một FeatureCollection của GeoJSON%s%s\n",
		        file, doc ? "" : ": ", doc ? "" : e.text);
		json_decref(doc);
		return -1;
	}
	json_t *out = json_array();
	size_t unmatched = 0;
	for (size_t i = 0; i < json_array_size(features); i++) {
		json_t *ft = json_array_get(features, i);
		json_t *props = json_object_get(ft, "properties");
		const char *key;
		json_t *val;
		const struct child *hit = NULL;
		json_object_foreach(props, key, val)
		{
			for (size_t k = 0; !hit && json_is_string(val) && k < f->n; k++)
				if (!strcmp(json_string_value(val), f->c[k].code))
					hit = &f->c[k];
		}
		if (!hit || !json_object_get(ft, "geometry")) {
			unmatched++;
			continue;
		}
		json_array_append_new(out, json_pack("{s:s,s:{s:s,s:s},s:O}", "type", "Feature",
		                                     "properties", "geocode", hit->code, "name",
		                                     hit->name ? hit->name : hit->code, "geometry",
		                                     json_object_get(ft, "geometry")));
	}
	json_decref(doc);
	int kept = (int)json_array_size(out);
	json_t *fc = json_pack("{s:s,s:o}", "type", "FeatureCollection", "features", out);
	char *text = json_dumps(fc, JSON_COMPACT);
	json_decref(fc);
	char path[1024];
	snprintf(path, sizeof path, "%s/geojson", dir);
	int rc = make_dir(path);
	snprintf(path, sizeof path, "%s/geojson/communes.geojson", dir);
	if (!rc)
		rc = write_file(path, text, strlen(text));
	free(text);
	if (unmatched)
		fprintf(stderr, "Cảnh báo: %zu vùng trong %s không khớp mã đơn vị nào (bỏ qua)\n",
		        unmatched, file);
	return rc ? -1 : kept;
}

/* The data file of one indicator: a headline row (the unit from its
 * communes by the aggregation rules, Địa bàn and GeoCode empty) and a row
 * per commune, each year with figures. Whether any row was written. */
static bool data_rows(const struct family *f, struct rollup_row *const *roll, const size_t *nroll,
                      const struct indicator *x, struct buf *b)
{
	bool any = false;
	buf_puts(b, "Year,Units," SDG_AREA ",GeoCode,Value\n");
	for (int y = 0; y < SDG_YEARS; y++) {
		struct buf rows = BUF_INIT;
		char want[8];
		snprintf(want, sizeof want, "%d", SDG_FIRST + y);
		for (size_t k = 0; k < f->n; k++) {
			const struct indicator *own = plan_find_indicator(f->c[k].plan, x->code);
			for (size_t j = 0; own && j < f->c[k].nobs; j++) {
				const struct obs_rec *o = &f->c[k].obs[j];
				double v;
				if (!o->code || strcmp(o->code, x->code) ||
				    strcmp(o->period, want) || !status_point(own, o, &v))
					continue;
				buf_printf(&rows, "%s,", want);
				csv_put_text(&rows, x->unit ? x->unit : "");
				buf_putc(&rows, ',');
				csv_put_text(&rows, f->c[k].name ? f->c[k].name : f->c[k].code);
				buf_putc(&rows, ',');
				csv_put_text(&rows, f->c[k].code);
				buf_putc(&rows, ',');
				csv_put_number(&rows, v);
				buf_putc(&rows, '\n');
			}
		}
		/* The headline only for a year with figures. */
		for (size_t k = 0; rows.len && k < nroll[y]; k++)
			if (!strcmp(roll[y][k].code, x->code) && roll[y][k].has_value) {
				buf_printf(b, "%s,", want);
				csv_put_text(b, x->unit ? x->unit : "");
				buf_puts(b, ",,,");
				csv_put_number(b, roll[y][k].value);
				buf_putc(b, '\n');
			}
		if (rows.len) {
			buf_put(b, buf_str(&rows), rows.len);
			any = true;
		}
		buf_free(&rows);
	}
	return any;
}

static void meta_yaml(const struct sdg_ind *si, bool data, bool map, struct buf *b)
{
	buf_puts(b, "# Open SDG metadata, written by chitieu\n");
	put_yaml_text(b, "indicator_number", si->number);
	put_yaml_text(b, "indicator_name", si->x->name);
	put_yaml_text(b, "reporting_status", data ? "complete" : "notstarted");
	buf_puts(b, "published: true\n");
	buf_puts(b, "data_non_statistical: false\n");
	buf_puts(b, "graph_type: line\n");
	put_yaml_text(b, "graph_title", si->x->name);
	buf_printf(b, "data_show_map: %s\n", map ? "true" : "false");
	if (si->x->unit)
		put_yaml_text(b, "computation_units", si->x->unit);
	put_yaml_text(b, "national_indicator_code", si->x->code);
}

int opensdg_export(struct store *s, const char *unit, const char *only, const char *dir,
                   const char *numbering, const char *boundaries)
{
	struct error err = {0};
	struct family f;
	if (view_family(s, unit, PERIOD_YEAR, &f, &err)) {
		fprintf(stderr, "chitieu exchange export: [%s] %s\n", err_name(err.code), err.msg);
		err_clear(&err);
		view_family_free(&f);
		return CLI_BADINPUT;
	}
	/* The indicators: the unit's plan, else its communes' (lifted to the
	 * same codes), each code once. */
	struct plan own;
	plan_init(&own);
	struct unit_rec u = {0};
	bool has_own = !store_unit_get(s, unit, &u, &err) && !store_plan_load(s, u.id, &own, &err);
	err_clear(&err);
	unit_rec_free(&u);
	size_t cap = has_own ? own.nind : 0;
	for (size_t c = 0; !has_own && c < f.n; c++)
		cap += f.c[c].plan->nind;
	struct sdg_ind *ind = xcalloc(cap + 1, sizeof *ind);
	size_t n = 0;
	for (size_t c = 0; c < (has_own ? 1 : f.n); c++) {
		const struct plan *p = has_own ? &own : f.c[c].plan;
		size_t group = 0, place = 0;
		const char *last_group = NULL;
		for (size_t i = 0; i < p->nind; i++) {
			const struct indicator *x = &p->ind[i];
			if (!last_group || strcmp(last_group, x->group ? x->group : "")) {
				group++;
				place = 0;
				last_group = x->group ? x->group : "";
			}
			place++;
			bool seen = false;
			for (size_t k = 0; k < n && !seen; k++)
				seen = !strcmp(ind[k].x->code, x->code);
			if (seen || (only && strcmp(x->code, only)))
				continue;
			ind[n].x = x;
			default_number(x, group, place, ind[n].number);
			n++;
		}
	}
	int rc = numbering && read_numbering(numbering, ind, n) ? CLI_BADINPUT : CLI_OK;
	for (size_t i = 0; rc == CLI_OK && i < n; i++)
		for (size_t k = 0; k < i; k++)
			if (!strcmp(ind[i].number, ind[k].number)) {
				fprintf(stderr,
				        "chitieu exchange export: chỉ tiêu %s và %s cùng số hiệu "
				        "Open "
				        "SDG %s: cho số hiệu trong tệp --numbering (code,number)\n",
				        ind[k].x->code, ind[i].x->code, ind[i].number);
				rc = CLI_BADINPUT;
				break;
			}
	char path[1024];
	if (rc == CLI_OK && make_dir(dir))
		rc = CLI_BADINPUT;
	snprintf(path, sizeof path, "%s/data", dir);
	if (rc == CLI_OK && make_dir(path))
		rc = CLI_BADINPUT;
	snprintf(path, sizeof path, "%s/meta", dir);
	if (rc == CLI_OK && make_dir(path))
		rc = CLI_BADINPUT;
	int shapes = 0;
	if (rc == CLI_OK && boundaries && (shapes = geojson_template(boundaries, &f, dir)) < 0)
		rc = CLI_BADINPUT;
	/* The unit itself each year, from its communes (rollup.h). */
	struct rollup_row *roll[SDG_YEARS];
	size_t nroll[SDG_YEARS];
	for (int y = 0; y < SDG_YEARS; y++) {
		roll[y] = NULL;
		nroll[y] = rc == CLI_OK ? rollup(f.c, f.n, (SDG_FIRST + y) * 12 + 11, &roll[y]) : 0;
	}
	struct buf numbers = BUF_INIT;
	buf_puts(&numbers, "code,number,name\n");
	size_t files = 0;
	for (size_t i = 0; i < n && rc == CLI_OK; i++) {
		char id[SDG_NUMBER_SZ];
		snprintf(id, sizeof id, "%s", ind[i].number);
		for (char *p = id; *p; p++)
			if (*p == '.')
				*p = '-';
		struct buf b = BUF_INIT, m = BUF_INIT;
		bool data = data_rows(&f, roll, nroll, ind[i].x, &b);
		meta_yaml(&ind[i], data, data && shapes > 0, &m);
		snprintf(path, sizeof path, "%s/data/indicator_%s.csv", dir, id);
		if (write_file(path, buf_str(&b), b.len))
			rc = CLI_BADINPUT;
		snprintf(path, sizeof path, "%s/meta/%s.yml", dir, id);
		if (rc == CLI_OK && write_file(path, buf_str(&m), m.len))
			rc = CLI_BADINPUT;
		csv_put_text(&numbers, ind[i].x->code);
		buf_printf(&numbers, ",%s,", ind[i].number);
		csv_put_text(&numbers, ind[i].x->name);
		buf_putc(&numbers, '\n');
		buf_free(&b);
		buf_free(&m);
		files++;
	}
	snprintf(path, sizeof path, "%s/indicator-numbers.csv", dir);
	if (rc == CLI_OK && write_file(path, buf_str(&numbers), numbers.len))
		rc = CLI_BADINPUT;
	if (rc == CLI_OK)
		fprintf(stderr, "Đã ghi %zu chỉ tiêu (data/, meta/) vào %s%s\n", files, dir,
		        shapes > 0 ? " và geojson/communes.geojson" : "");
	buf_free(&numbers);
	for (int y = 0; y < SDG_YEARS; y++)
		free(roll[y]);
	free(ind);
	plan_free(&own);
	view_family_free(&f);
	return rc;
}
