/* cmd_parse.c: `chitieu parse FILE... [--format json|text] [--progress]`.
 * One file prints {"plan": ...}; several print an array of {"file",
 * "plan"}. A file that cannot be read gets one line on stderr and exit
 * status 2. --progress prints a scan's OCR page by page on stderr even when
 * stderr is not a terminal (on a terminal the line is printed anyway). */
#include "args.h"
#include "cli.h"

#include "import.h"
#include "util.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int usage(void)
{
	fputs("Cách dùng: chitieu parse TỆP... [--format json|text] [--progress]\n", stderr);
	return CLI_USAGE;
}

/* One line per page read: rewritten in place on a terminal. */
static void show_progress(void *user, int done, int total)
{
	bool tty = *(bool *)user;
	fprintf(stderr, "%sĐang nhận dạng trang %d/%d…%s", tty ? "\r" : "", done, total,
	        !tty || done == total ? "\n" : "");
	fflush(stderr);
}

int cmd_parse(int argc, char **argv)
{
	const char *format = "json";
	const char **files = xcalloc((size_t)argc + 1, sizeof *files);
	char **args = xcalloc((size_t)argc + 1, sizeof *args);
	int nargs = 0;
	bool tty = isatty(STDERR_FILENO), want = false;
	for (int i = 0; i < argc; i++) {
		if (!strcmp(argv[i], "--progress"))
			want = true;
		else
			args[nargs++] = argv[i];
	}
	struct import_options opt = {.progress = want ? show_progress : NULL, .user = &tty};
	int nfiles = args_files("parse", nargs, args, &format, files);
	free(args);
	if (nfiles < 0) {
		free(files);
		return usage();
	}
	bool json = !strcmp(format, "json");
	if (!nfiles || (!json && strcmp(format, "text"))) {
		free(files);
		return usage();
	}
	int rc = CLI_OK;
	json_t *all = json_array();
	for (int i = 0; i < nfiles; i++) {
		struct plan p;
		struct error err = {0};
		if (import_file_opts(files[i], &opt, &p, &err)) {
			fprintf(stderr, "chitieu parse: [%s] %s\n", err_name(err.code), err.msg);
			err_clear(&err);
			rc = CLI_BADINPUT;
			continue;
		}
		if (json) {
			json_t *o = plan_to_json(&p);
			if (nfiles > 1) {
				json_object_set_new(o, "file", json_string(files[i]));
				json_array_append(all, o);
			} else {
				json_dumpf(o, stdout, JSON_INDENT(2));
				fputc('\n', stdout);
			}
			json_decref(o);
		} else {
			char *t = plan_to_text(&p, files[i]);
			fputs(t, stdout);
			fputs(i + 1 < nfiles ? "\n" : "", stdout);
			free(t);
		}
		plan_free(&p);
	}
	if (json && nfiles > 1) {
		json_dumpf(all, stdout, JSON_INDENT(2));
		fputc('\n', stdout);
	}
	json_decref(all);
	free(files);
	return rc;
}
