/* cmd_exchange.c: figures to and from the systems around chitieu.
 *   chitieu exchange export --format dhis2-json|dhis2-csv [--unit U] [--period P] [-o FILE]
 *   chitieu exchange import FILE --format dhis2-json|dhis2-csv [--unit U] [--by NAME]
 *   chitieu exchange export --format opensdg --unit U [--indicator I] -o DIR
 * The DHIS2 mapping is in dhis2.h and docs/exchange.md. */
#include "cli.h"

#include "args.h"
#include "csv.h"
#include "dhis2.h"
#include "figure.h"
#include "import.h"
#include "period.h"
#include "store.h"
#include "util.h"
#include "views.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define EXCHANGE_MAX_FILE (256u << 20)
#define SDG_FIRST         2020 /* the years an Open SDG file covers */
#define SDG_YEARS         26

/* One DHIS2 data value: its keys, and the value as a number (number) or as
 * text (a level name, "true"/"false"). */
struct dv {
	const char *de, *pe, *ou, *coc, *text;
	double number;
};

/* One DHIS2 data value, as JSON or as a CSV row. Numbers are written in
 * figure_write's exact form (a JSON string, as DHIS2 has it, or a bare CSV
 * cell: never neutralised, "-5" stays a number); text cells through
 * csv_put_text. */
static void put_value(bool json, json_t *list, struct buf *b, const struct dv *d,
                      const struct obs_rec *o)
{
	char num[FIGURE_SIZE];
	figure_write(d->number, num);
	const char *de = d->de, *pe = d->pe, *ou = d->ou, *coc = d->coc;
	const char *value = d->text ? d->text : num;
	if (json) {
		json_t *v = json_pack("{ssssssss}", "dataElement", de, "period", pe, "orgUnit", ou,
		                      "value", value);
		if (coc)
			json_object_set_new(v, "categoryOptionCombo", json_string(coc));
		if (o->by)
			json_object_set_new(v, "storedBy", json_string(o->by));
		if (o->at)
			json_object_set_new(v, "lastUpdated", json_string(o->at));
		if (o->note)
			json_object_set_new(v, "comment", json_string(o->note));
		json_array_append_new(list, v);
		return;
	}
	const char *f[] = {de, pe, ou, coc ? coc : "", "", value, o->by, o->at, o->note};
	for (int k = 0; k < 9; k++) {
		if (k)
			buf_putc(b, ',');
		if (k == 5 && !d->text)
			buf_puts(b, num);
		else
			csv_put_text(b, f[k]);
	}
	buf_puts(b, ",false\n");
}

/* Each unit's parent index in u[] (-1 at the top). */
static int *parents_of(const struct unit_rec *u, size_t nu)
{
	int *parent = xcalloc(nu + 1, sizeof *parent);
	for (size_t i = 0; i < nu; i++) {
		parent[i] = -1;
		for (size_t k = 0; u[i].parent_code && k < nu; k++)
			if (!strcmp(u[k].code, u[i].parent_code))
				parent[i] = (int)k;
	}
	return parent;
}

/* The index of code in u[], or -1. */
static int unit_index(const struct unit_rec *u, size_t nu, const char *code)
{
	for (size_t i = 0; i < nu; i++)
		if (!strcmp(u[i].code, code))
			return (int)i;
	return -1;
}

/* Whether unit i is root or under it. */
static bool within(const int *parent, int i, int root)
{
	for (int steps = 0; i >= 0 && steps < 64; i = parent[i], steps++)
		if (i == root)
			return true;
	return false;
}

/* Whether another figure of o[] (one unit's) has o[k]'s period and is
 * linked to the same indicator de above: DHIS2 would take one value for
 * two, so both are left out. */
static bool clash(const struct obs_rec *o, size_t n, size_t k, const struct link_pair *map,
                  size_t nmap, const char *de)
{
	for (size_t j = 0; j < n; j++) {
		const char *other =
		        j != k && o[j].code ? view_lift_code(map, nmap, o[j].code) : NULL;
		if (other && !strcmp(other, de) && !strcmp(o[j].period, o[k].period))
			return true;
	}
	return false;
}

/* All units with their own codes; or, with only, that unit and every unit
 * under it, each figure under the code of only's indicator it is linked to
 * through the confirmed links (view_lift, as the roll-ups): DHIS2 data
 * elements are global. A figure without a link up to only is left out and
 * counted in *unlinked; one sharing its indicator above with another of
 * the unit's figures of the same period, in *shared. */
static int dhis2_export(struct store *s, const char *only, const char *period, bool json,
                        struct buf *out, size_t *count, size_t *skipped, size_t *unlinked,
                        size_t *shared, char **err)
{
	struct unit_rec *u;
	size_t nu;
	if (store_unit_list(s, &u, &nu, err))
		return -1;
	int *parent = parents_of(u, nu);
	int root = only ? unit_index(u, nu, only) : -1;
	if (only && root < 0) {
		*err = xasprintf("[E_NOT_FOUND] không có đơn vị %s", only);
		for (size_t i = 0; i < nu; i++)
			unit_rec_free(&u[i]);
		free(u);
		free(parent);
		return -1;
	}
	json_t *list = json_array();
	if (!json)
		buf_puts(out, "dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,"
		              "lastupdated,comment,followup\n");
	int rc = 0;
	for (size_t i = 0; i < nu && !rc; i++) {
		if (only && !within(parent, (int)i, root))
			continue;
		struct link_pair *map = NULL;
		size_t nmap = 0;
		bool lift = only && (int)i != root;
		if (lift && view_lift(s, u, parent, (int)i, root, &map, &nmap, err)) {
			rc = -1;
			break;
		}
		struct obs_rec *o;
		size_t n;
		if (store_obs_list(s, u[i].id, period, &o, &n, err)) {
			link_pairs_free(map, nmap);
			rc = -1;
			break;
		}
		for (size_t k = 0; k < n; k++) {
			char pe[PERIOD_NAME_SIZE];
			const char *de = o[k].code && lift ? view_lift_code(map, nmap, o[k].code)
			                                   : o[k].code;
			struct dv d = {de, pe, u[i].code, NULL, NULL, 0};
			if (o[k].code && !de) {
				(*unlinked)++; /* no shared identity up to only */
			} else if (lift && clash(o, n, k, map, nmap, de)) {
				(*shared)++; /* two of the unit's indicators on one of only's */
			} else if (!o[k].code || dhis2_period_out(o[k].period, pe)) {
				(*skipped)++; /* nine months: no DHIS2 period */
			} else if (o[k].has_ratio) {
				d.coc = "NUM";
				d.number = o[k].num;
				put_value(json, list, out, &d, &o[k]);
				d.coc = "DEN";
				d.number = o[k].den;
				put_value(json, list, out, &d, &o[k]);
				*count += 2;
			} else {
				if (o[k].has_level)
					d.text = o[k].level;
				else if (o[k].has_value)
					d.number = o[k].value;
				else if (o[k].has_yes)
					d.text = o[k].yes ? "true" : "false";
				else
					d.text = "";
				put_value(json, list, out, &d, &o[k]);
				(*count)++;
			}
		}
		for (size_t k = 0; k < n; k++) /* after: clash reads them all */
			obs_rec_free(&o[k]);
		free(o);
		link_pairs_free(map, nmap);
	}
	for (size_t i = 0; i < nu; i++)
		unit_rec_free(&u[i]);
	free(u);
	free(parent);
	if (json && !rc) {
		json_t *doc = json_pack("{so}", "dataValues", list);
		char *text = json_dumps(doc, JSON_INDENT(1));
		buf_puts(out, text);
		buf_putc(out, '\n');
		free(text);
		json_decref(doc);
	} else {
		json_decref(list);
	}
	return rc;
}

/* ---- import --------------------------------------------------------------- */

/* The DHIS2 values as chitieu figures: a NUM and a DEN of the same unit,
 * indicator and period make one ratio. Problems for a NUM without its DEN. */
struct incoming {
	char unit[128], code[64], period[PERIOD_NAME_SIZE];
	const struct dhis2_value *value, *num, *den; /* borrowed */
	char *comment;                               /* borrowed from the DHIS2 values */
	int line;
};

static size_t gather(const struct dhis2_value *v, size_t n, struct incoming **out,
                     struct problems *ps)
{
	struct incoming *in = xcalloc(n + 1, sizeof *in);
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		char pe[PERIOD_NAME_SIZE];
		dhis2_period_in(v[i].period, pe); /* checked when parsed */
		struct incoming *x = NULL;
		for (size_t k = 0; k < m && !x; k++) /* a ratio's other half */
			if (!strcmp(in[k].unit, v[i].org_unit) &&
			    !strcmp(in[k].code, v[i].data_element) && !strcmp(in[k].period, pe))
				x = &in[k];
		bool half = v[i].coc && (!strcmp(v[i].coc, "NUM") || !strcmp(v[i].coc, "DEN"));
		if (x && !half) {
			problems_add(ps, "E_DUPLICATE", v[i].line, "%s %s %s có hai giá trị",
			             v[i].org_unit, v[i].data_element, pe);
			continue;
		}
		if (!x) {
			x = &in[m++];
			snprintf(x->unit, sizeof x->unit, "%s", v[i].org_unit);
			snprintf(x->code, sizeof x->code, "%s", v[i].data_element);
			snprintf(x->period, sizeof x->period, "%s", pe);
			x->line = v[i].line;
		}
		if (!half)
			x->value = &v[i];
		else if (!strcmp(v[i].coc, "NUM"))
			x->num = &v[i];
		else
			x->den = &v[i];
		if (v[i].comment)
			x->comment = v[i].comment;
	}
	for (size_t k = 0; k < m; k++)
		if ((in[k].num != NULL) != (in[k].den != NULL))
			problems_add(ps, "E_RATIO", in[k].line, "%s %s %s: có %s mà thiếu %s",
			             in[k].unit, in[k].code, in[k].period,
			             in[k].num ? "NUM" : "DEN", in[k].num ? "DEN" : "NUM");
	*out = in;
	return m;
}

/* A DHIS2 value as a number: a JSON number as it is, text in DHIS2's
 * machine form ("." decimal). */
static bool figure_of(const struct dhis2_value *d, double *v)
{
	if (d && d->is_number) {
		*v = d->number;
		return true;
	}
	return d && figure_read(d->value, FIGURE_MACHINE, v) == FIGURE_OK;
}

static bool same_figure(const struct dhis2_value *d, double have)
{
	double v;
	return figure_of(d, &v) && v == have;
}

/* A value meant as a number (not a level name): read as one, or starting
 * like one ("1,5" is then refused as a number, not taken for a level). */
static bool numeric(const struct dhis2_value *d)
{
	double v;
	const char *s = d ? d->value : "";
	while (*s == ' ')
		s++;
	return figure_of(d, &v) || (*s >= '0' && *s <= '9') ||
	       (*s == '-' && s[1] >= '0' && s[1] <= '9');
}

static struct obs_number number_of(const struct dhis2_value *d)
{
	return (struct obs_number){d && d->is_number, d && d->is_number ? d->number : 0};
}

/* The figure already stored for this input, if any, and whether it is the
 * same as what comes in. */
static int existing(struct store *s, const struct incoming *x, bool *same, char **err)
{
	struct unit_rec u = {0};
	int found = store_unit_get(s, x->unit, &u, err);
	if (found)
		return found < 0 ? -1 : 0; /* an unknown unit: record_batch will say so */
	struct obs_rec *o;
	size_t n;
	int rc = store_obs_list(s, u.id, x->period, &o, &n, err) ? -1 : 0;
	for (size_t k = 0; !rc && k < n; k++) {
		if (!o[k].code || strcmp(o[k].code, x->code))
			continue;
		if (o[k].has_ratio && x->num && x->den)
			*same = same_figure(x->num, o[k].num) && same_figure(x->den, o[k].den);
		else if (o[k].has_value && x->value)
			*same = same_figure(x->value, o[k].value);
		else if (o[k].has_level && x->value)
			*same = o[k].level && !strcmp(o[k].level, x->value->value);
		rc = 1;
	}
	for (size_t k = 0; k < n; k++)
		obs_rec_free(&o[k]);
	if (n)
		free(o);
	unit_rec_free(&u);
	return rc;
}

/* A file exported with --unit top: each dataElement is top's indicator;
 * stored on the orgUnit's own indicator linked to it through the confirmed
 * links (the only one), else a problem on that line. 0, or -1 on a
 * database error. */
static int unlift(struct store *s, const char *top, struct incoming *in, size_t m,
                  struct problems *ps, char **err)
{
	struct unit_rec *u;
	size_t nu;
	if (store_unit_list(s, &u, &nu, err))
		return -1;
	int *parent = parents_of(u, nu);
	int root = unit_index(u, nu, top), rc = 0;
	if (root < 0)
		problems_add(ps, "E_NOT_FOUND", 0, "không có đơn vị %s", top);
	for (size_t k = 0; root >= 0 && k < m && !rc; k++) {
		int i = unit_index(u, nu, in[k].unit);
		if (i == root || i < 0) /* its own codes; an unknown unit: said later */
			continue;
		if (!within(parent, i, root)) {
			problems_add(ps, "E_INPUT", in[k].line, "orgUnit %s không thuộc %s",
			             in[k].unit, top);
			continue;
		}
		struct link_pair *map;
		size_t nmap, hits = 0;
		const char *own = NULL;
		if (view_lift(s, u, parent, i, root, &map, &nmap, err)) {
			rc = -1;
			break;
		}
		for (size_t j = 0; j < nmap; j++)
			if (!strcmp(map[j].parent_code, in[k].code)) {
				own = map[j].child_code;
				hits++;
			}
		if (hits == 1)
			snprintf(in[k].code, sizeof in[k].code, "%s", own);
		else
			problems_add(
			        ps, hits ? "E_AMBIGUOUS" : "E_NOT_LINKED", in[k].line,
			        "dataElement %s: %s %s chỉ tiêu nào liên kết (đã xác nhận) với "
			        "chỉ tiêu %s của %s",
			        in[k].code, in[k].unit, hits ? "có hơn một" : "không có",
			        in[k].code, top);
		link_pairs_free(map, nmap);
	}
	for (size_t i = 0; i < nu; i++)
		unit_rec_free(&u[i]);
	free(u);
	free(parent);
	return rc;
}

static int dhis2_import(struct store *s, const char *file, bool json, const char *top,
                        const char *by)
{
	char *err = NULL;
	size_t len;
	char *data = import_read_file(file, EXCHANGE_MAX_FILE, &len, &err);
	if (!data) {
		fprintf(stderr, "chitieu exchange import: %s\n", err);
		free(err);
		return CLI_BADINPUT;
	}
	struct dhis2_value *v = NULL;
	size_t n = 0;
	struct problems ps = {0};
	int rc = json ? dhis2_parse_json(data, len, &v, &n, &ps)
	              : dhis2_parse_csv(data, len, &v, &n, &ps);
	free(data);
	struct incoming *in = NULL;
	size_t m = rc ? 0 : gather(v, n, &in, &ps);
	if (top && !ps.n && unlift(s, top, in, m, &ps, &err))
		problems_add(&ps, "E_DB", 0, "%s", err);
	struct obs_input *batch = xcalloc(m + 1, sizeof *batch);
	size_t nb = 0, imported = 0, updated = 0, ignored = 0;
	for (size_t k = 0; k < m && !ps.n; k++) {
		bool same = false;
		int found = existing(s, &in[k], &same, &err);
		if (found < 0) {
			problems_add(&ps, "E_DB", 0, "%s", err);
			break;
		}
		if (found && same) {
			ignored++;
			continue;
		}
		found ? updated++ : imported++;
		const struct dhis2_value *d = in[k].value;
		const char *val = d ? d->value : "";
		bool yes = !strcmp(val, "true") || !strcmp(val, "false");
		bool number = d && !yes && numeric(d);
		batch[nb++] = (struct obs_input){in[k].unit,
		                                 in[k].code,
		                                 in[k].period,
		                                 number ? val : "",
		                                 in[k].num ? in[k].num->value : "",
		                                 in[k].den ? in[k].den->value : "",
		                                 !yes && *val && !number ? val : "",
		                                 yes ? val : "",
		                                 in[k].comment ? in[k].comment : "",
		                                 "",
		                                 in[k].line,
		                                 number ? number_of(d) : number_of(NULL),
		                                 number_of(in[k].num),
		                                 number_of(in[k].den),
		                                 FIGURE_MACHINE};
	}
	if (!ps.n && nb)
		store_record_batch(s, batch, nb, by, "nhập từ DHIS2", &ps);
	if (ps.n) {
		cli_print_problems("exchange import", file, &ps);
		fprintf(stderr, "chitieu exchange import: không nhập gì (%zu lỗi)\n", ps.n);
	} else {
		/* As DHIS2 answers an import. */
		json_t *r = json_pack("{sss{sisisisi}}", "status", "SUCCESS", "importCount",
		                      "imported", (int)imported, "updated", (int)updated, "ignored",
		                      (int)ignored, "deleted", 0);
		json_dumpf(r, stdout, JSON_INDENT(2));
		putchar('\n');
		json_decref(r);
	}
	int status = ps.n ? CLI_BADINPUT : CLI_OK;
	problems_free(&ps);
	free(batch);
	free(in);
	dhis2_values_free(v, n);
	free(err);
	return status;
}

/* ---- Open SDG ---------------------------------------------------------------- */

/* indicator_<code with dashes>.csv with Year,Units,GeoCode,Value: the unit
 * itself (its aggregate, GeoCode empty: the headline) and each unit under it,
 * a row per year with a figure. */
static int opensdg_export(struct store *s, const char *unit, const char *only, const char *dir)
{
	char *err = NULL;
	struct family f;
	if (view_family(s, unit, PERIOD_YEAR, &f, &err)) {
		fprintf(stderr, "chitieu exchange export: %s\n", err);
		free(err);
		view_family_free(&f);
		return CLI_BADINPUT;
	}
	if (mkdir(dir, 0755) && errno != EEXIST) {
		fprintf(stderr, "chitieu exchange export: không tạo được thư mục %s\n", dir);
		view_family_free(&f);
		return CLI_BADINPUT;
	}
	/* The unit itself each year, from its communes (rollup.h). */
	struct rollup_row *roll[SDG_YEARS];
	size_t nroll[SDG_YEARS];
	for (int y = 0; y < SDG_YEARS; y++)
		nroll[y] = rollup(f.c, f.n, (SDG_FIRST + y) * 12 + 11, &roll[y]);
	size_t files = 0;
	int rc = CLI_OK;
	for (size_t c = 0; c < f.n && rc == CLI_OK; c++)
		for (size_t i = 0; i < f.c[c].plan->nind && rc == CLI_OK; i++) {
			const struct indicator *x = &f.c[c].plan->ind[i];
			if (only && strcmp(x->code, only))
				continue;
			char path[1024], name[128];
			snprintf(name, sizeof name, "%s", x->code);
			for (char *p = name; *p; p++)
				if (*p == '.' || *p == '/')
					*p = '-';
			snprintf(path, sizeof path, "%s/indicator_%s.csv", dir, name);
			struct stat st;
			if (!stat(path, &st))
				continue; /* written for an earlier commune with the same code */
			struct buf b = {0};
			buf_puts(&b, "Year,Units,GeoCode,Value\n");
			for (int y = 0; y < SDG_YEARS; y++) {
				struct buf rows = {0};
				char want[8];
				snprintf(want, sizeof want, "%d", SDG_FIRST + y);
				for (size_t k = 0; k < f.n; k++) {
					const struct indicator *own =
					        plan_find_indicator(f.c[k].plan, x->code);
					for (size_t j = 0; own && j < f.c[k].nobs; j++) {
						const struct obs_rec *o = &f.c[k].obs[j];
						double v;
						if (!o->code || strcmp(o->code, x->code) ||
						    strcmp(o->period, want) ||
						    !status_point(own, o, &v))
							continue;
						buf_printf(&rows, "%s,", want);
						csv_put_text(&rows, x->unit ? x->unit : "");
						buf_putc(&rows, ',');
						csv_put_text(&rows, f.c[k].code);
						buf_putc(&rows, ',');
						csv_put_number(&rows, v);
						buf_putc(&rows, '\n');
					}
				}
				/* The headline (GeoCode empty) only for a year with figures. */
				for (size_t k = 0; rows.len && k < nroll[y]; k++)
					if (!strcmp(roll[y][k].code, x->code) &&
					    roll[y][k].has_value) {
						buf_printf(&b, "%s,", want);
						csv_put_text(&b, x->unit ? x->unit : "");
						buf_puts(&b, ",,");
						csv_put_number(&b, roll[y][k].value);
						buf_putc(&b, '\n');
					}
				if (rows.len)
					buf_put(&b, buf_str(&rows), rows.len);
				buf_free(&rows);
			}
			FILE *out = fopen(path, "wb");
			if (!out || fwrite(buf_str(&b), 1, b.len, out) != b.len) {
				fprintf(stderr, "chitieu exchange export: không ghi được %s\n",
				        path);
				rc = CLI_BADINPUT;
			}
			if (out)
				fclose(out);
			buf_free(&b);
			files++;
		}
	if (rc == CLI_OK)
		fprintf(stderr, "Đã ghi %zu tệp vào %s\n", files, dir);
	for (int y = 0; y < SDG_YEARS; y++)
		free(roll[y]);
	view_family_free(&f);
	return rc;
}

int cmd_exchange(int argc, char **argv)
{
	const char *db = NULL, *format = NULL, *unit = NULL, *period = NULL, *out = NULL,
	           *ind = NULL, *by = "dhis2", *file[1] = {NULL};
	const struct opt opts[] = {{"db", &db, NULL},      {"format", &format, NULL},
	                           {"unit", &unit, NULL},  {"period", &period, NULL},
	                           {"output", &out, NULL}, {"indicator", &ind, NULL},
	                           {"by", &by, NULL},      {NULL, NULL, NULL}};
	const char *sub = argc >= 1 ? argv[0] : "";
	for (int i = 1; i < argc; i++)
		if (!strcmp(argv[i], "-o"))
			argv[i] = "--output";
	bool export = !strcmp(sub, "export"), import = !strcmp(sub, "import");
	int nrest =
	        (export || import) ? args_parse("exchange", argc - 1, argv + 1, opts, file, 1) : -1;
	bool json = format && !strcmp(format, "dhis2-json"),
	     csv = format && !strcmp(format, "dhis2-csv"),
	     sdg = format && !strcmp(format, "opensdg");
	if (nrest < 0 || (!json && !csv && !sdg) || (import && (nrest != 1 || sdg)) ||
	    (export && nrest != 0) || (sdg && (!unit || !out))) {
		fputs("Cách dùng: chitieu exchange export --format dhis2-json|dhis2-csv [--unit U] "
		      "[--period P] [-o TỆP]\n"
		      "           chitieu exchange export --format opensdg --unit U [--indicator "
		      "I] "
		      "-o THƯ_MỤC\n"
		      "           chitieu exchange import TỆP --format dhis2-json|dhis2-csv "
		      "[--unit "
		      "U] [--by TÊN]\n",
		      stderr);
		return CLI_USAGE;
	}
	struct store *s = cli_open_db("exchange", db);
	if (!s)
		return CLI_BADINPUT;
	int rc;
	if (import) {
		rc = dhis2_import(s, file[0], json, unit, by);
	} else if (sdg) {
		rc = opensdg_export(s, unit, ind, out);
	} else {
		struct buf b = {0};
		char *err = NULL;
		size_t count = 0, skipped = 0, unlinked = 0, shared = 0;
		rc = dhis2_export(s, unit, period, json, &b, &count, &skipped, &unlinked, &shared,
		                  &err)
		             ? CLI_BADINPUT
		             : CLI_OK;
		FILE *f = rc == CLI_OK && out ? fopen(out, "wb") : stdout;
		if (rc != CLI_OK)
			fprintf(stderr, "chitieu exchange export: %s\n", err);
		else if (!f || fwrite(buf_str(&b), 1, b.len, f) != b.len)
			rc = CLI_BADINPUT;
		if (f && f != stdout)
			fclose(f);
		if (rc == CLI_OK)
			fprintf(stderr, "%zu giá trị DHIS2%s\n", count,
			        skipped ? " (bỏ qua số liệu 9 tháng: DHIS2 không có kỳ này)" : "");
		if (rc == CLI_OK && unlinked)
			fprintf(stderr,
			        "Cảnh báo: bỏ qua %zu số liệu của chỉ tiêu chưa liên kết (đã xác "
			        "nhận) với chỉ tiêu của %s\n",
			        unlinked, unit);
		if (rc == CLI_OK && shared)
			fprintf(stderr,
			        "Cảnh báo: bỏ qua %zu số liệu: hai chỉ tiêu của cùng một đơn vị "
			        "liên "
			        "kết với cùng một chỉ tiêu của %s trong cùng kỳ\n",
			        shared, unit);
		buf_free(&b);
		free(err);
	}
	store_close(s);
	return rc;
}
