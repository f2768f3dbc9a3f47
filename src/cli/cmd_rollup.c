/* cmd_rollup.c: `chitieu rollup --unit PROVINCE --period P` and `chitieu
 * rank --unit PROVINCE (--year Y | --period P)`: a province from its
 * communes' plans and figures. */
#include "cli.h"

#include "args.h"
#include "hold.h"
#include "period.h"
#include "rollup.h"
#include "store.h"
#include "text.h"
#include "util.h"
#include "views.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *nature_vi(enum agg_nature n)
{
	static const char *const v[] = {"tổng", "Σtử/Σmẫu", "bình quân theo dân số", "phân bố mức"};
	return v[n];
}

static void rollup_text(const struct rollup_row *r, size_t n, const struct family *f)
{
	printf("%zu xã/phường có kế hoạch%s\n", f->n,
	       f->without_plan ? " (một số chưa có kế hoạch)" : "");
	if (f->nlocal)
		printf("%zu chỉ tiêu của các đơn vị trực thuộc chưa liên kết với chỉ tiêu của đơn "
		       "vị: không cộng vào (chitieu link list)\n",
		       f->nlocal);
	putchar('\n');
	for (size_t i = 0; i < n; i++) {
		char *name = text_prefix(r[i].name, 50);
		printf("%-8s %s\n         ", r[i].code, name);
		free(name);
		if (r[i].nature == AGG_LEVEL) {
			printf("mức:");
			for (int k = 0; k <= AGG_MAX_LEVEL; k++)
				if (r[i].levels.count[k])
					printf(" bậc %d: %d;", k, r[i].levels.count[k]);
			printf(" %d/%d đạt mức mục tiêu trở lên", r[i].levels.at_or_above,
			       r[i].levels.total);
		} else if (r[i].has_value) {
			printf("%g %s (%s%s)", r[i].value, r[i].unit ? r[i].unit : "",
			       nature_vi(r[i].nature),
			       r[i].weighted_percent ? ", thiếu tử/mẫu số" : "");
		} else {
			printf("chưa có số liệu");
		}
		printf("; %d/%d xã đạt hoặc đúng tiến độ (%.0f%%)", r[i].meeting.met,
		       r[i].meeting.evaluated, 100 * r[i].meeting.share);
		if (r[i].nworst) {
			printf("; chậm nhất:");
			for (int k = 0; k < r[i].nworst; k++)
				printf(" %s", r[i].worst[k]);
		}
		printf("\n");
	}
}

static int family_command(const char *cmd, int argc, char **argv, bool ranking)
{
	const char *db = NULL, *unit = NULL, *period = NULL, *year = NULL, *format = "text";
	const struct opt opts[] = {{"db", &db, NULL},         {"unit", &unit, NULL},
	                           {"period", &period, NULL}, {"year", &year, NULL},
	                           {"format", &format, NULL}, {NULL, NULL, NULL}};
	int as_of;
	enum period_kind grain = PERIOD_MONTH;
	if (args_parse(cmd, argc, argv, opts, NULL, 0) < 0 || !unit ||
	    !args_choice(format, "text|json") || (!period && !year)) {
		fprintf(stderr,
		        "Cách dùng: chitieu %s --unit TỈNH (--period KỲ | --year NĂM) "
		        "[--format text|json]\n",
		        cmd);
		return CLI_USAGE;
	}
	char shown[32];
	if (args_period_end(cmd, period, year, &as_of, &grain, shown, sizeof shown))
		return CLI_BADINPUT;
	struct error err = {0};
	struct store *s = store_open(args_db(db), &err);
	struct hold *h = NULL;
	const struct family *f = NULL;
	if (!s || hold_load(s, unit, &h, &err) || !(f = hold_family(h, &err))) {
		fprintf(stderr, "chitieu %s: [%s] %s\n", cmd, err_name(err.code), err.msg);
		err_clear(&err);
		hold_free(h);
		store_close(s);
		return CLI_BADINPUT;
	}
	store_close(s); /* everything from here is in memory */
	int rc = CLI_OK;
	if (!f->n) {
		/* Never an empty answer that looks like success. */
		fprintf(stderr,
		        "chitieu %s: [E_NOTHING] %s: không có đơn vị trực thuộc nào có kế hoạch "
		        "để tổng hợp\n",
		        cmd, unit);
		rc = CLI_BADINPUT;
	} else if (ranking) {
		const struct rank_row *r;
		size_t n = hold_rank(h, as_of, grain, &r);
		bool json = !strcmp(format, "json");
		json_t *a = json_array();
		if (!json)
			printf("Xếp hạng theo tỷ lệ chỉ tiêu đạt hoặc đúng tiến độ trên số chỉ "
			       "tiêu có mục "
			       "tiêu (chưa có số liệu tính là chưa đạt); bằng nhau thì cùng "
			       "hạng\n\n");
		for (size_t i = 0; i < n; i++) {
			if (json)
				json_array_append_new(
				        a, json_pack("{sisssssisisf}", "rank", r[i].rank, "code",
				                     r[i].code, "name", r[i].name, "good",
				                     r[i].good, "evaluated", r[i].evaluated,
				                     "completion", r[i].completion));
			else
				printf("%3d  %-10s %5.1f%%  (%d/%d)  %s\n", r[i].rank, r[i].code,
				       100 * r[i].completion, r[i].good, r[i].evaluated, r[i].name);
		}
		if (json) {
			json_dumpf(a, stdout, JSON_INDENT(2));
			putchar('\n');
		}
		json_decref(a);
	} else {
		const struct rollup_row *r;
		size_t n = hold_rollup(h, as_of, grain, &r);
		if (!n) {
			fprintf(stderr,
			        "chitieu %s: [E_NOTHING] %s: chưa chỉ tiêu nào của đơn vị trực "
			        "thuộc "
			        "được liên kết với chỉ tiêu của đơn vị (chitieu link propose "
			        "--unit "
			        "%s, rồi xác nhận)\n",
			        cmd, unit, unit);
			rc = CLI_BADINPUT;
		} else if (!strcmp(format, "json")) {
			json_t *a = view_rollup_json(r, n);
			json_dumpf(a, stdout, JSON_INDENT(2));
			putchar('\n');
			json_decref(a);
		} else {
			rollup_text(r, n, f);
		}
	}
	hold_free(h);
	return rc;
}

int cmd_rollup(int argc, char **argv)
{
	return family_command("rollup", argc, argv, false);
}

int cmd_rank(int argc, char **argv)
{
	return family_command("rank", argc, argv, true);
}
