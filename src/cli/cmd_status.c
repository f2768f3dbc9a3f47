/* cmd_status.c: `chitieu status --unit U [--period P] [--format text|json|csv]
 * [--method linear|cagr]`: where each indicator stands, with the colours of
 * the national monitoring system when printing to a terminal. */
#include "cli.h"

#include "args.h"
#include "csv.h"
#include "hold.h"
#include "period.h"
#include "status.h"
#include "store.h"
#include "text.h"
#include "util.h"
#include "views.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

static void print_csv(const struct status_row *r, size_t n)
{
	struct buf b = BUF_INIT;
	buf_puts(&b, "code,name,milestone,target,latest,status,colour\n");
	for (size_t i = 0; i < n; i++) {
		const struct status_row *x = &r[i];
		csv_put_quoted(&b, x->ind->code);
		buf_putc(&b, ',');
		csv_put_quoted(&b, x->ind->name);
		buf_printf(&b, ",%d,", x->year);
		csv_put_quoted(&b, x->target ? x->target->text : "");
		buf_putc(&b, ',');
		if (x->r.has_latest)
			csv_put_number(&b, x->r.latest);
		buf_printf(&b, ",%s,%s\n", eval_status_name(x->r.status),
		           eval_colour_vi(eval_status_colour(x->r.status)));
	}
	fwrite(buf_str(&b), 1, b.len, stdout);
	buf_free(&b);
}

/* A unit evaluated, from the database of --db held in memory (hold.h; *h
 * owns v's unit and plan): 0, or -1 after saying why. */
static int evaluate_unit(const char *cmd, const char *db, const char *unit, int as_of,
                         enum period_kind grain, enum eval_method method, struct unit_view *v,
                         struct hold **h)
{
	struct error err = {0};
	struct store *s = store_open(args_db(db), &err);
	*h = NULL;
	int rc = s ? hold_load(s, unit, h, &err) : -1;
	if (!rc)
		rc = hold_status(*h, as_of, grain, method, v, &err);
	if (rc) {
		fprintf(stderr, "chitieu %s: [%s] %s\n", cmd, err_name(err.code), err.msg);
		hold_free(*h);
		*h = NULL;
	}
	err_clear(&err);
	store_close(s);
	return rc;
}

int cmd_status(int argc, char **argv)
{
	const char *db = NULL, *unit = NULL, *period = NULL, *format = "text", *method = "linear";
	const struct opt opts[] = {{"db", &db, NULL},         {"unit", &unit, NULL},
	                           {"period", &period, NULL}, {"format", &format, NULL},
	                           {"method", &method, NULL}, {NULL, NULL, NULL}};
	if (args_parse("status", argc, argv, opts, NULL, 0) < 0 || !unit ||
	    !args_choice(format, "text|json|csv") || !args_choice(method, "linear|cagr")) {
		fputs("Cách dùng: chitieu status --unit MÃ [--period KỲ] [--format text|json|csv] "
		      "[--method linear|cagr]\n",
		      stderr);
		return CLI_USAGE;
	}
	char shown[32];
	int as_of;
	struct unit_view v;
	struct hold *h;
	enum period_kind grain;
	if (args_period_end("status", period, NULL, &as_of, &grain, shown, sizeof shown) ||
	    evaluate_unit("status", db, unit, as_of, grain,
	                  !strcmp(method, "cagr") ? EVAL_CAGR : EVAL_LINEAR, &v, &h)) {
		return CLI_BADINPUT;
	}
	if (!strcmp(format, "json")) {
		json_t *a = json_array();
		for (size_t i = 0; i < v.n; i++)
			json_array_append_new(a, view_status_row_json(&v.rows[i]));
		json_t *top = json_pack("{ssssssso}", "unit", v.u.code, "period", shown, "method",
		                        method, "indicators", a);
		json_dumpf(top, stdout, JSON_INDENT(2));
		putchar('\n');
		json_decref(top);
	} else if (!strcmp(format, "csv")) {
		print_csv(v.rows, v.n);
	} else {
		printf("%s – %s, kỳ %s\n\n", v.u.code, v.u.name, shown);
		print_text(v.rows, v.n, isatty(STDOUT_FILENO));
	}
	view_unit_free(&v);
	hold_free(h);
	return CLI_OK;
}

int cmd_summary(int argc, char **argv)
{
	const char *db = NULL, *unit = NULL, *period = NULL, *year = NULL, *format = "text";
	const struct opt opts[] = {{"db", &db, NULL},         {"unit", &unit, NULL},
	                           {"period", &period, NULL}, {"year", &year, NULL},
	                           {"format", &format, NULL}, {NULL, NULL, NULL}};
	if (args_parse("summary", argc, argv, opts, NULL, 0) < 0 || !unit ||
	    !args_choice(format, "text|json")) {
		fputs("Cách dùng: chitieu summary --unit MÃ [--year NĂM | --period KỲ] [--format "
		      "text|json]\n",
		      stderr);
		return CLI_USAGE;
	}
	char shown[32];
	int as_of;
	struct unit_view v;
	struct hold *h;
	enum period_kind grain;
	if (args_period_end("summary", period, year, &as_of, &grain, shown, sizeof shown) ||
	    evaluate_unit("summary", db, unit, as_of, grain, EVAL_LINEAR, &v, &h))
		return CLI_BADINPUT;
	struct summary_row *r;
	size_t ng, n = status_summary(&v.p, v.rows, v.n, &r, &ng);
	if (!strcmp(format, "json")) {
		json_t *groups = json_array(), *agencies = json_array();
		for (size_t i = 0; i < n; i++) {
			json_t *o = json_pack("{sssisisf}", "key", r[i].key, "good", r[i].good,
			                      "evaluated", r[i].evaluated, "completion",
			                      r[i].completion);
			if (r[i].name)
				json_object_set_new(o, "name", json_string(r[i].name));
			if (i >= ng)
				json_object_set_new(o, "rank", json_integer(r[i].rank));
			json_array_append_new(i < ng ? groups : agencies, o);
		}
		json_t *top = json_pack("{sssssoso}", "unit", v.u.code, "period", shown, "groups",
		                        groups, "agencies", agencies);
		json_dumpf(top, stdout, JSON_INDENT(2));
		putchar('\n');
		json_decref(top);
	} else {
		printf("%s – %s, kỳ %s: tỷ lệ chỉ tiêu đạt hoặc đúng tiến độ trên số chỉ tiêu có "
		       "mục tiêu\n\n",
		       v.u.code, v.u.name, shown);
		for (size_t i = 0; i < n; i++) {
			if (i == ng)
				printf("\nTheo cơ quan chủ trì (cùng tỷ lệ thì cùng hạng):\n");
			if (i < ng)
				printf("  %-6s %5.1f%%  (%d/%d)  %s\n", r[i].key,
				       100 * r[i].completion, r[i].good, r[i].evaluated, r[i].name);
			else
				printf("  %3d  %5.1f%%  (%d/%d)  %s\n", r[i].rank,
				       100 * r[i].completion, r[i].good, r[i].evaluated, r[i].key);
		}
	}
	summary_free(r, n);
	view_unit_free(&v);
	hold_free(h);
	return CLI_OK;
}
