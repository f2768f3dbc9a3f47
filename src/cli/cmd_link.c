/* cmd_link.c: `chitieu plan catalogue` (a province's or the country's plan
 * made from its children's) and `chitieu link ...` (which indicator of the
 * parent's plan each indicator of a child's plan is: propose, list,
 * confirm, reject, set). */
#include "args.h"
#include "cli.h"
#include "store.h"
#include "util.h"
#include "views.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cmd_plan(int argc, char **argv)
{
	const char *db = NULL, *unit = NULL, *by = NULL, *rest[1];
	const struct opt opts[] = {
	        {"db", &db, NULL}, {"unit", &unit, NULL}, {"by", &by, NULL}, {NULL, NULL, NULL}};
	int nrest = args_parse("plan", argc, argv, opts, rest, 1);
	if (nrest != 1 || strcmp(rest[0], "catalogue") || !unit) {
		fputs("Cách dùng: chitieu plan catalogue --unit TỈNH [--by NGƯỜI] [--db TỆP]\n",
		      stderr);
		return CLI_USAGE;
	}
	struct store *s = cli_open_db("plan catalogue", db);
	if (!s)
		return CLI_BADINPUT;
	struct error err = {0};
	struct unit_rec u = {0};
	struct import_report rep = {0};
	size_t children = 0, nind = 0;
	int rc = CLI_BADINPUT;
	int found = store_unit_get(s, unit, &u, &err);
	if (found) {
		if (found > 0)
			err_set(&err, ERR_UNKNOWN_UNIT, "không có đơn vị này");
		fprintf(stderr, "chitieu plan catalogue: [%s] %s\n", err_name(err.code), err.msg);
		goto out;
	}
	if (store_begin(s, &err) ||
	    store_plan_catalogue(s, u.id, by ? by : "cli", &rep, &children, &nind, &err) ||
	    store_commit(s, &err)) {
		store_rollback(s);
		fprintf(stderr, "chitieu plan catalogue: [%s] %s\n", err_name(err.code),
		        err.msg ? err.msg : "lỗi");
		goto out;
	}
	printf("Đã lưu danh mục chỉ tiêu chung của %s (kế hoạch tạo tự động, phiên bản %d): %zu "
	       "chỉ tiêu từ kế hoạch của %zu đơn vị trực thuộc\n",
	       u.code, rep.version, nind, children);
	rc = CLI_OK;
out:
	err_clear(&err);
	import_report_free(&rep);
	unit_rec_free(&u);
	store_close(s);
	return rc;
}

/* Every unit under root (any depth), parents before their children. */
static size_t descendants(const struct unit_rec *u, size_t n, const char *root, size_t *out)
{
	size_t m = 0;
	for (size_t i = 0; i < n; i++)
		if (u[i].parent_code && !strcmp(u[i].parent_code, root))
			out[m++] = i;
	for (size_t k = 0; k < m; k++)
		for (size_t i = 0; i < n; i++)
			if (u[i].parent_code && !strcmp(u[i].parent_code, u[out[k]].code))
				out[m++] = i;
	return m;
}

static int link_propose(struct store *s, const struct unit_rec *root, const char *by)
{
	struct unit_rec *u;
	size_t n;
	struct error err = {0};
	if (store_unit_list(s, &u, &n, &err)) {
		fprintf(stderr, "chitieu link propose: [%s] %s\n", err_name(err.code), err.msg);
		err_clear(&err);
		return CLI_BADINPUT;
	}
	size_t *under = xcalloc(n + 1, sizeof *under);
	size_t m = descendants(u, n, root->code, under);
	size_t proposed = 0, confirmed = 0, units = 0, noplan = 0;
	int rc = store_begin(s, &err) ? -1 : 0;
	struct link_parent cache = {0};
	for (size_t k = 0; k < m && !rc; k++) {
		size_t p = 0, c = 0;
		int got = store_link_propose(s, u[under[k]].id, &cache, by, &p, &c, &err);
		if (got < 0 && err.code == ERR_NO_PLAN) {
			/* the parent has no plan: said once below */
			printf("  %s: [%s] %s\n", u[under[k]].code, err_name(err.code), err.msg);
			err_clear(&err);
			noplan++;
			continue;
		}
		if (got < 0)
			rc = -1;
		else if (got == 0) {
			units++;
			proposed += p;
			confirmed += c;
		}
	}
	link_parent_free(&cache);
	if (!rc)
		rc = store_commit(s, &err);
	else
		store_rollback(s);
	if (!rc) /* statistics for the links just written (confirm reads them next) */
		store_analyzed(s, "link_rows", NULL);
	if (rc)
		fprintf(stderr, "chitieu link propose: [%s] %s\n", err_name(err.code),
		        err.msg ? err.msg : "lỗi");
	else
		printf("Đề xuất liên kết cho %zu đơn vị dưới %s: %zu đề xuất mới chờ xác nhận, %zu "
		       "tự động xác nhận (giống hệt tên, đơn vị tính, mục tiêu)\n",
		       units, root->code, proposed, confirmed);
	err_clear(&err);
	free(under);
	for (size_t i = 0; i < n; i++)
		unit_rec_free(&u[i]);
	free(u);
	if (rc)
		return CLI_BADINPUT;
	if (!units) {
		fprintf(stderr,
		        "chitieu link propose: [E_NOTHING] không có đơn vị nào dưới %s có "
		        "kế hoạch để đề xuất liên kết\n",
		        root->code);
		return CLI_BADINPUT;
	}
	return noplan == m ? CLI_BADINPUT : CLI_OK;
}

static const char *state_vi(const char *s)
{
	return !strcmp(s, "confirmed")  ? "đã xác nhận"
	       : !strcmp(s, "rejected") ? "đã bác"
	                                : "đề xuất";
}

int cmd_link(int argc, char **argv)
{
	const char *db = NULL, *unit = NULL, *by = NULL, *state = NULL, *format = "text",
	           *indicator = NULL, *parent = NULL, *rest[1];
	bool sure = false;
	const struct opt opts[] = {{"db", &db, NULL},
	                           {"unit", &unit, NULL},
	                           {"by", &by, NULL},
	                           {"state", &state, NULL},
	                           {"format", &format, NULL},
	                           {"indicator", &indicator, NULL},
	                           {"parent-indicator", &parent, NULL},
	                           {"all-sure", NULL, &sure},
	                           {NULL, NULL, NULL}};
	int nrest = args_parse("link", argc, argv, opts, rest, 1);
	const char *act = nrest == 1 ? rest[0] : "";
	bool ok = unit && args_choice(format, "text|json") &&
	          (!state || args_choice(state, "proposed|confirmed|rejected|gone"));
	if (!strcmp(act, "confirm"))
		ok &= sure || indicator;
	else if (!strcmp(act, "reject"))
		ok &= indicator != NULL;
	else if (!strcmp(act, "set"))
		ok &= indicator && parent;
	else
		ok &= !strcmp(act, "propose") || !strcmp(act, "list");
	if (!ok) {
		fputs("Cách dùng:\n"
		      "  chitieu link propose --unit TỈNH\n"
		      "  chitieu link list --unit TỈNH [--state proposed|confirmed|rejected|gone] "
		      "[--format text|json]\n"
		      "  chitieu link confirm --unit XÃ --indicator MÃ [--parent-indicator MÃ]\n"
		      "  chitieu link confirm --unit TỈNH --all-sure\n"
		      "  chitieu link reject --unit XÃ --indicator MÃ [--parent-indicator MÃ]\n"
		      "  chitieu link set --unit XÃ --indicator MÃ --parent-indicator MÃ\n",
		      stderr);
		return CLI_USAGE;
	}
	char cmd[32];
	snprintf(cmd, sizeof cmd, "link %s", act);
	struct store *s = cli_open_db(cmd, db);
	if (!s)
		return CLI_BADINPUT;
	struct error err = {0};
	struct unit_rec u = {0};
	int rc = CLI_BADINPUT;
	int found = store_unit_get(s, unit, &u, &err);
	if (found) {
		if (found < 0)
			fprintf(stderr, "chitieu %s: [%s] %s\n", cmd, err_name(err.code), err.msg);
		else
			fprintf(stderr, "chitieu %s: [E_UNKNOWN_UNIT] không có đơn vị \"%s\"\n",
			        cmd, unit);
		goto out;
	}
	by = by ? by : "cli";
	if (!strcmp(act, "propose")) {
		rc = link_propose(s, &u, by);
	} else if (!strcmp(act, "list")) {
		struct link_rec *r;
		size_t n;
		bool gone = state && !strcmp(state, "gone");
		if (store_link_list(s, u.id, gone ? NULL : state, &r, &n, &err)) {
			fprintf(stderr, "chitieu %s: [%s] %s\n", cmd, err_name(err.code), err.msg);
			goto out;
		}
		json_t *a = json_array();
		size_t shown = 0;
		for (size_t i = 0; i < n; i++) {
			if (gone && !r[i].gone)
				continue;
			shown++;
			if (!strcmp(format, "json"))
				json_array_append_new(a, view_link_json(&r[i]));
			else
				printf("%-10s %-8s -> %-8s %-13s %.2f%s  %s\n    %s\n",
				       cli_safe(r[i].child_unit), cli_safe(r[i].child_code),
				       cli_safe(r[i].parent_code), state_vi(r[i].state), r[i].score,
				       r[i].gone ? " (không còn trong kế hoạch)" : "",
				       cli_safe(r[i].child_name), cli_safe(r[i].why));
		}
		if (!strcmp(format, "json")) {
			json_t *o = json_pack("{ssso}", "unit", u.code, "links", a);
			json_dumpf(o, stdout, JSON_INDENT(2));
			putchar('\n');
			json_decref(o);
		} else {
			json_decref(a);
			printf("%zu liên kết\n", shown);
		}
		for (size_t i = 0; i < n; i++)
			link_rec_free(&r[i]);
		free(r);
		rc = CLI_OK;
	} else if (sure) {
		size_t n = 0;
		if (store_begin(s, &err) ||
		    store_link_confirm_sure(s, u.id, LINK_SURE, by, &n, &err) ||
		    store_commit(s, &err)) {
			store_rollback(s);
			fprintf(stderr, "chitieu %s: [%s] %s\n", cmd, err_name(err.code),
			        err.msg ? err.msg : "lỗi");
			goto out;
		}
		printf("Đã xác nhận %zu đề xuất chắc chắn (điểm từ %.2f)\n", n, LINK_SURE);
		rc = CLI_OK;
	} else {
		struct problems ps = {0};
		if (store_begin(s, &err)) {
			fprintf(stderr, "chitieu %s: [%s] %s\n", cmd, err_name(err.code), err.msg);
			goto out;
		}
		if (store_link_decide(s, u.id, indicator, parent, act, by, &ps) ||
		    store_commit(s, &err)) {
			store_rollback(s);
			cli_print_problems(cmd, NULL, &ps);
			if (err_is(&err))
				fprintf(stderr, "chitieu %s: [%s] %s\n", cmd, err_name(err.code),
				        err.msg);
		} else {
			printf("Đã %s liên kết của %s %s%s%s\n",
			       !strcmp(act, "reject") ? "bác" : "xác nhận", u.code, indicator,
			       parent ? " -> " : "", parent ? parent : "");
			rc = CLI_OK;
		}
		problems_free(&ps);
	}
out:
	err_clear(&err);
	unit_rec_free(&u);
	store_close(s);
	return rc;
}
