/* cmd_report.c: `chitieu report --unit U --period P --format
 * docx|xlsx|html|pdf|csv|json [-o FILE]`: the periodic report. */
#include "cli.h"

#include "args.h"
#include "report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int cmd_report(int argc, char **argv)
{
	const char *db = NULL, *unit = NULL, *period = NULL, *format = "html", *out = NULL,
	           *date = NULL;
	const struct opt opts[] = {{"db", &db, NULL},         {"unit", &unit, NULL},
	                           {"period", &period, NULL}, {"format", &format, NULL},
	                           {"output", &out, NULL},    {"date", &date, NULL},
	                           {NULL, NULL, NULL}};
	for (int i = 0; i < argc; i++) /* -o FILE is --output FILE */
		if (!strcmp(argv[i], "-o"))
			argv[i] = "--output";
	int parsed = args_parse("report", argc, argv, opts, NULL, 0);
	bool known = args_choice(format, "docx|xlsx|html|pdf|csv|json");
	bool binary = !strcmp(format, "docx") || !strcmp(format, "xlsx") || !strcmp(format, "pdf");
	if (parsed < 0 || !unit || !period || !known) {
		fputs("Cách dùng: chitieu report --unit MÃ --period KỲ "
		      "--format docx|xlsx|html|pdf|csv|json [-o TỆP] [--date YYYY-MM-DD]\n",
		      stderr);
		return CLI_USAGE;
	}
	if (binary && !out) {
		fprintf(stderr, "chitieu report: định dạng %s cần -o TỆP\n", format);
		return CLI_USAGE;
	}
	char today[16];
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	strftime(today, sizeof today, "%Y-%m-%d", &tm);
	struct store *s = cli_open_db("report", db);
	if (!s)
		return CLI_BADINPUT;
	struct report r;
	struct buf b = {0};
	struct error err = {0};
	int rc = report_build(s, unit, period, date ? date : today, &r, &err);
	if (!rc)
		rc = report_render(&r, format, &b, &err);
	if (!rc) {
		FILE *f = out ? fopen(out, "wb") : stdout;
		if (!f || fwrite(buf_str(&b), 1, b.len, f) != b.len) {
			fprintf(stderr, "chitieu report: không ghi được %s\n",
			        out ? out : "stdout");
			rc = -1;
		}
		if (f && f != stdout && fclose(f))
			rc = -1;
		if (!rc && out)
			fprintf(stderr, "Đã ghi %s (%zu byte)\n", out, b.len);
	} else {
		fprintf(stderr, "chitieu report: [%s] %s\n", err_name(err.code), err.msg);
	}
	err_clear(&err);
	buf_free(&b);
	report_free(&r);
	store_close(s);
	return rc ? CLI_BADINPUT : CLI_OK;
}
