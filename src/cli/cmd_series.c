/* cmd_series.c: `chitieu series --unit U [--indicator CODE]`: the monthly
 * aggregate of a province or the country, from the engine built from the
 * store (see live.h). */
#include "cli.h"

#include "args.h"
#include "csv.h"
#include "live.h"
#include "store.h"
#include "util.h"
#include "views.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *kind_vi(uint8_t k)
{
	return k == ENGINE_RATIO   ? "Σtử/Σmẫu hoặc bình quân theo dân số"
	       : k == ENGINE_COUNT ? "tổng"
	                           : "mức bình quân";
}

static void print_text(const struct live *l, int i, const int *rows, int nrows)
{
	const struct engine *e = l->e;
	printf("%s  %s%s%s%s\n", l->ind[i].code, l->ind[i].name, l->ind[i].unit ? " (" : "",
	       l->ind[i].unit ? l->ind[i].unit : "", l->ind[i].unit ? ")" : "");
	printf("  cách cộng: %s%s\n  %-8s", kind_vi(e->kind[i]),
	       e->kind[i] == ENGINE_RATIO && l->equal_weights
	               ? " (thiếu dân số của một số xã: các xã tính như nhau)"
	               : "",
	       "tháng");
	for (int k = 0; k < nrows; k++)
		printf(" %12s", live_row_code(l, rows[k]));
	printf("\n");
	for (int m = 0; m < e->nmonth; m++) {
		char name[12];
		live_month_name(l, m, name);
		printf("  %-8s", name);
		for (int k = 0; k < nrows; k++) {
			double v = engine_value(e, rows[k], i, m);
			if (isnan(v))
				printf(" %12s", "–");
			else
				printf(" %12.4g", v);
		}
		printf("\n");
	}
	char last[12];
	live_month_name(l, e->snapshot, last);
	size_t at = (size_t)e->nprov * (size_t)e->nind + (size_t)i;
	printf("  %s: %d/%d xã có số liệu đạt mục tiêu\n\n", last, e->meeting[at],
	       e->reporting[at]);
}

int cmd_series(int argc, char **argv)
{
	const char *db = NULL, *unit = NULL, *ind = NULL, *format = "text";
	const struct opt opts[] = {{"db", &db, NULL},
	                           {"unit", &unit, NULL},
	                           {"indicator", &ind, NULL},
	                           {"format", &format, NULL},
	                           {NULL, NULL, NULL}};
	if (args_parse("series", argc, argv, opts, NULL, 0) < 0 || !unit ||
	    !args_choice(format, "text|json|csv")) {
		fprintf(stderr, "Cách dùng: chitieu series --unit ĐƠN_VỊ [--indicator MÃ] "
		                "[--format text|json|csv]\n");
		return CLI_USAGE;
	}
	struct error err = {0};
	struct store *s = store_open(args_db(db), &err);
	struct live *l = NULL;
	if (!s || live_load(s, unit, 2, &l, &err)) {
		fprintf(stderr, "chitieu series: [%s] %s\n", err_name(err.code), err.msg);
		err_clear(&err);
		store_close(s);
		return CLI_BADINPUT;
	}
	store_close(s);
	int only = ind ? live_ind(l, ind) : -1;
	if (ind && only < 0) {
		fprintf(stderr,
		        "chitieu series: [E_UNKNOWN_INDICATOR] không xã/phường nào dưới "
		        "\"%s\" có chỉ tiêu \"%s\"\n",
		        unit, ind);
		live_free(l);
		return CLI_BADINPUT;
	}
	int *rows = calloc((size_t)l->e->nprov + 2, sizeof *rows);
	int nrows = live_rows_shown(l, rows);
	json_t *all = json_array();
	if (!strcmp(format, "csv"))
		printf("indicator,unit,period,value\n");
	for (int i = 0; i < l->e->nind; i++) {
		if (only >= 0 && i != only)
			continue;
		if (!strcmp(format, "text"))
			print_text(l, i, rows, nrows);
		else
			json_array_append_new(all, view_series_json(l, i));
	}
	if (!strcmp(format, "json")) {
		json_dumpf(all, stdout, JSON_INDENT(2));
		putchar('\n');
	} else if (!strcmp(format, "csv")) {
		size_t n;
		json_t *x;
		json_array_foreach(all, n, x)
		{
			size_t k;
			json_t *u;
			json_array_foreach(json_object_get(x, "units"), k, u)
			{
				size_t m;
				json_t *p;
				json_array_foreach(json_object_get(u, "series"), m, p)
				{
					struct buf b = BUF_INIT;
					csv_put_text(&b,
					             json_string_value(json_object_get(x, "code")));
					buf_putc(&b, ',');
					csv_put_text(&b,
					             json_string_value(json_object_get(u, "unit")));
					buf_putc(&b, ',');
					csv_put_text(&b, json_string_value(
					                         json_object_get(p, "period")));
					buf_putc(&b, ',');
					csv_put_number(
					        &b, json_real_value(json_object_get(p, "value")));
					buf_putc(&b, '\n');
					fwrite(buf_str(&b), 1, b.len, stdout);
					buf_free(&b);
				}
			}
		}
	}
	json_decref(all);
	free(rows);
	live_free(l);
	return CLI_OK;
}
