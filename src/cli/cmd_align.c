/* cmd_align.c: `chitieu align FILE... [--format json|text]`: the indicators
 * of several plan documents grouped into shared indicators (align_group),
 * without a database. A file that cannot be read, or fewer than two files,
 * is an error (exit status 2, 1). */
#include "args.h"
#include "cli.h"

#include "align.h"
#include "import.h"
#include "util.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int usage(void)
{
	fputs("Cách dùng: chitieu align TỆP TỆP... [--format json|text]\n"
	      "  (ít nhất hai văn bản kế hoạch)\n",
	      stderr);
	return CLI_USAGE;
}

static json_t *member_json(const char *file, const struct indicator *x)
{
	return json_pack("{s:s, s:s, s:s}", "file", file, "code", x->code ? x->code : "", "name",
	                 x->name ? x->name : "");
}

static json_t *to_json(const struct align_groups *gs, struct plan *plans, const char **files,
                       int nfiles)
{
	json_t *groups = json_array(), *unmatched = json_array();
	bool **in = xcalloc((size_t)nfiles, sizeof *in);
	for (int f = 0; f < nfiles; f++)
		in[f] = xcalloc(plans[f].nind + 1, 1);
	for (size_t i = 0; i < gs->n; i++) {
		const struct align_group *g = &gs->g[i];
		const struct indicator *head = &plans[g->m[0].plan].ind[g->m[0].ind];
		const char *unit = NULL;
		json_t *members = json_array();
		for (size_t j = 0; j < g->n; j++) {
			const struct align_member *m = &g->m[j];
			const struct indicator *x = &plans[m->plan].ind[m->ind];
			in[m->plan][m->ind] = true;
			unit = unit ? unit : x->unit;
			json_t *o = member_json(files[m->plan], x), *why = json_array();
			json_object_set_new(o, "score", json_real(m->score));
			for (int k = 0; k < m->why.nwhy; k++)
				json_array_append_new(why, json_string(m->why.why[k]));
			json_object_set_new(o, "why", why);
			json_array_append_new(members, o);
		}
		json_array_append_new(groups, json_pack("{s:s, s:o, s:o}", "name",
		                                        head->name ? head->name : "", "unit",
		                                        unit ? json_string(unit) : json_null(),
		                                        "members", members));
	}
	for (int f = 0; f < nfiles; f++) {
		for (size_t i = 0; i < plans[f].nind; i++)
			if (!in[f][i])
				json_array_append_new(unmatched,
				                      member_json(files[f], &plans[f].ind[i]));
		free(in[f]);
	}
	free(in);
	return json_pack("{s:o, s:o}", "groups", groups, "unmatched", unmatched);
}

/* A table a clerk reads: one block per shared indicator, then the rest. */
static void print_text(json_t *doc)
{
	json_t *groups = json_object_get(doc, "groups"), *un = json_object_get(doc, "unmatched");
	printf("%zu chỉ tiêu chung; %zu chỉ tiêu chưa ghép (cần người xem)\n\n",
	       json_array_size(groups), json_array_size(un));
	size_t i, j;
	json_t *g, *m;
	json_array_foreach(groups, i, g)
	{
		json_t *unit = json_object_get(g, "unit");
		printf("%zu. %s [%s]\n", i + 1,
		       cli_safe(json_string_value(json_object_get(g, "name"))),
		       json_is_string(unit) ? cli_safe(json_string_value(unit))
		                            : "không ghi đơn vị");
		json_array_foreach(json_object_get(g, "members"), j, m)
		{
			printf("   %-28s %-8s %3.0f%%  %s\n",
			       cli_safe(json_string_value(json_object_get(m, "file"))),
			       cli_safe(json_string_value(json_object_get(m, "code"))),
			       100 * json_real_value(json_object_get(m, "score")),
			       cli_safe(json_string_value(json_object_get(m, "name"))));
			if (j == 0)
				continue;
			size_t k;
			json_t *w;
			json_array_foreach(json_object_get(m, "why"), k, w)
			        printf("   %-28s %-8s        - %s\n", "", "",
			               cli_safe(json_string_value(w)));
		}
		putchar('\n');
	}
	if (json_array_size(un))
		printf("Chưa ghép:\n");
	json_array_foreach(un, i, m) printf(
	        "   %-28s %-8s %s\n", cli_safe(json_string_value(json_object_get(m, "file"))),
	        cli_safe(json_string_value(json_object_get(m, "code"))),
	        cli_safe(json_string_value(json_object_get(m, "name"))));
}

static int read_plans(const char **files, int n, struct plan *plans, int *nread)
{
	for (*nread = 0; *nread < n; ++*nread) {
		struct error err = {0};
		if (import_file(files[*nread], &plans[*nread], &err)) {
			fprintf(stderr, "chitieu align: [%s] %s\n", err_name(err.code), err.msg);
			err_clear(&err);
			plan_free(&plans[*nread]);
			return CLI_BADINPUT;
		}
	}
	return CLI_OK;
}

int cmd_align(int argc, char **argv)
{
	const char *format = "json";
	const char **files = xcalloc((size_t)argc + 1, sizeof *files);
	int nfiles = args_files("align", argc, argv, &format, files);
	if (nfiles < 0) {
		free(files);
		return usage();
	}
	bool json = !strcmp(format, "json");
	if (nfiles < 2 || (!json && strcmp(format, "text"))) {
		if (nfiles < 2)
			fprintf(stderr, "chitieu align: cần ít nhất hai văn bản kế hoạch (có %d)\n",
			        nfiles);
		free(files);
		return usage();
	}
	struct plan *plans = xcalloc((size_t)nfiles, sizeof *plans);
	int nread;
	int rc = read_plans(files, nfiles, plans, &nread);
	if (rc == CLI_OK) {
		const struct plan **pp = xcalloc((size_t)nfiles, sizeof *pp);
		for (int i = 0; i < nfiles; i++)
			pp[i] = &plans[i];
		struct align_groups gs;
		align_group(pp, (size_t)nfiles, ALIGN_THRESHOLD, &gs);
		json_t *doc = to_json(&gs, plans, files, nfiles);
		if (json) {
			json_dumpf(doc, stdout, JSON_INDENT(2));
			fputc('\n', stdout);
		} else {
			print_text(doc);
		}
		json_decref(doc);
		align_groups_free(&gs);
		free(pp);
	}
	for (int i = 0; i < nread; i++)
		plan_free(&plans[i]);
	free(plans);
	free(files);
	return rc;
}
