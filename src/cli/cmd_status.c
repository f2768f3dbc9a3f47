/* cmd_status.c: `chitieu status --unit U [--period P] [--format text|json|csv]
 * [--method linear|cagr]`: where each indicator stands, with the colours of
 * the national monitoring system when printing to a terminal. */
#include "cli.h"

#include "args.h"
#include "period.h"
#include "status.h"
#include "store.h"
#include "text.h"
#include "util.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static const char *ansi(enum eval_colour c)
{
	static const char *const a[] = {"\033[90m", "\033[32m", "\033[33m", "\033[31m"};
	return a[c];
}

static void pad(const char *s, size_t width)
{
	fputs(s, stdout);
	for (size_t n = text_len(s); n < width; n++)
		fputc(' ', stdout);
}

static void print_text(const struct status_row *r, size_t n, bool tty)
{
	size_t count[8] = {0};
	for (size_t i = 0; i < n; i++) {
		const struct status_row *x = &r[i];
		enum eval_colour c = eval_status_colour(x->r.status);
		char *name = text_prefix(x->ind->name, 48);
		char latest[32] = "-", target[48] = "-";
		if (x->r.has_latest)
			snprintf(latest, sizeof latest, "%g", x->r.latest);
		if (x->target)
			snprintf(target, sizeof target, "%d: %.36s", x->year, x->target->text);
		printf("%-8s ", x->ind->code);
		pad(name, 50);
		pad(target, 30);
		printf(" %-10s %s%-5s %s%s\n", latest, tty ? ansi(c) : "", eval_colour_vi(c),
		       eval_status_vi(x->r.status), tty ? "\033[0m" : "");
		free(name);
		count[x->r.status]++;
	}
	printf("\n%zu chỉ tiêu:", n);
	for (int s = EVAL_MET; s <= EVAL_NOT_MET; s++)
		if (count[s])
			printf(" %zu %s;", count[s], eval_status_vi((enum eval_status)s));
	printf(" %zu chưa có số liệu; %zu không đánh giá\n", count[EVAL_NO_DATA],
	       count[EVAL_NOT_EVALUATED]);
}

static json_t *row_json(const struct status_row *x)
{
	json_t *o = json_pack("{sssssissssssss}", "code", x->ind->code, "name", x->ind->name,
			      "milestone", x->year, "target", x->target ? x->target->text : "",
			      "status", eval_status_name(x->r.status), "colour",
			      eval_colour_vi(eval_status_colour(x->r.status)), "record", x->r.record);
	if (x->r.has_latest)
		json_object_set_new(o, "latest", json_real(x->r.latest));
	if (x->r.has_expected)
		json_object_set_new(o, "expected", json_real(x->r.expected));
	if (x->r.has_projection)
		json_object_set_new(o, "projected", json_real(x->r.projected));
	if (x->r.has_progress)
		json_object_set_new(o, "progress", json_real(x->r.progress));
	if (x->r.has_ratio)
		json_object_set_new(o, "growth_ratio", json_real(x->r.ratio));
	return o;
}

static void csv_text(const char *s)
{
	putchar('"');
	for (; *s; s++) {
		if (*s == '"')
			putchar('"');
		putchar(*s);
	}
	putchar('"');
}

static void print_csv(const struct status_row *r, size_t n)
{
	puts("code,name,milestone,target,latest,status,colour");
	for (size_t i = 0; i < n; i++) {
		const struct status_row *x = &r[i];
		csv_text(x->ind->code);
		putchar(',');
		csv_text(x->ind->name);
		printf(",%d,", x->year);
		csv_text(x->target ? x->target->text : "");
		if (x->r.has_latest)
			printf(",%g,", x->r.latest);
		else
			printf(",,");
		printf("%s,%s\n", eval_status_name(x->r.status),
		       eval_colour_vi(eval_status_colour(x->r.status)));
	}
}

int cmd_status(int argc, char **argv)
{
	const char *db = NULL, *unit = NULL, *period = NULL, *format = "text", *method = "linear";
	const struct opt opts[] = {{"db", &db, NULL},         {"unit", &unit, NULL},
				   {"period", &period, NULL}, {"format", &format, NULL},
				   {"method", &method, NULL}, {NULL, NULL, NULL}};
	if (args_parse("status", argc, argv, opts, NULL, 0) < 0 || !unit ||
	    (strcmp(format, "text") && strcmp(format, "json") && strcmp(format, "csv")) ||
	    (strcmp(method, "linear") && strcmp(method, "cagr"))) {
		fputs("Cách dùng: chitieu status --unit MÃ [--period KỲ] [--format text|json|csv] "
		      "[--method linear|cagr]\n",
		      stderr);
		return CLI_USAGE;
	}
	char month[16];
	if (!period) {
		time_t t = time(NULL);
		struct tm tm;
		localtime_r(&t, &tm);
		strftime(month, sizeof month, "%Y-%m", &tm);
		period = month;
	}
	struct period per;
	const char *why;
	if (period_parse(period, &per, &why)) {
		fprintf(stderr, "chitieu status: [E_PERIOD] \"%s\": %s\n", period, why);
		return CLI_BADINPUT;
	}
	int first, as_of;
	period_months(&per, &first, &as_of);
	char *err = NULL;
	struct store *s = store_open(args_db(db), &err);
	if (!s) {
		fprintf(stderr, "chitieu status: %s\n", err);
		free(err);
		return CLI_BADINPUT;
	}
	int rc = CLI_BADINPUT;
	struct unit_rec u = {0};
	char *doc = NULL;
	struct obs_rec *o = NULL;
	size_t no = 0;
	struct plan p;
	plan_init(&p);
	int found = store_unit_get(s, unit, &u, &err);
	if (found) {
		fprintf(stderr, "chitieu status: %s\n", found > 0 ? "[E_UNKNOWN_UNIT] không có đơn vị này" : err);
		goto out;
	}
	found = store_plan_current(s, u.id, &doc, &err);
	if (found) {
		fprintf(stderr, "chitieu status: %s\n",
			found > 0 ? "[E_NO_PLAN] đơn vị chưa có kế hoạch; lưu bằng \"chitieu import\"" : err);
		goto out;
	}
	json_error_t je;
	json_t *j = json_loads(doc, 0, &je);
	int bad = !j || plan_from_json(j, &p);
	json_decref(j);
	if (bad || store_obs_list(s, u.id, NULL, &o, &no, &err)) {
		fprintf(stderr, "chitieu status: %s\n", err ? err : "kế hoạch lưu trữ không đọc được");
		goto out;
	}
	struct status_row *rows;
	size_t n = status_evaluate(&p, o, no, as_of, !strcmp(method, "cagr") ? EVAL_CAGR : EVAL_LINEAR,
				   &rows);
	if (!strcmp(format, "json")) {
		json_t *a = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(a, row_json(&rows[i]));
		json_t *top = json_pack("{ssssssso}", "unit", u.code, "period", period, "method", method,
					"indicators", a);
		json_dumpf(top, stdout, JSON_INDENT(2));
		putchar('\n');
		json_decref(top);
	} else if (!strcmp(format, "csv")) {
		print_csv(rows, n);
	} else {
		printf("%s – %s, kỳ %s\n\n", u.code, u.name, period);
		print_text(rows, n, isatty(STDOUT_FILENO));
	}
	free(rows);
	rc = CLI_OK;
out:
	for (size_t i = 0; i < no; i++)
		obs_rec_free(&o[i]);
	free(o);
	free(doc);
	free(err);
	plan_free(&p);
	unit_rec_free(&u);
	store_close(s);
	return rc;
}
