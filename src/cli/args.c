/* args.c: long options for the subcommands. */
#include "args.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int args_parse(const char *cmd, int argc, char **argv, const struct opt *opts, const char **rest,
               int nrest)
{
	int n = 0;
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		if (strncmp(a, "--", 2) || !a[2]) {
			if (n == nrest) {
				fprintf(stderr, "chitieu %s: thừa tham số \"%s\"\n", cmd, a);
				return -1;
			}
			rest[n++] = a;
			continue;
		}
		const char *eq = strchr(a, '=');
		size_t len = eq ? (size_t)(eq - a - 2) : strlen(a + 2);
		const struct opt *o = opts;
		while (o->name && (strlen(o->name) != len || strncmp(o->name, a + 2, len)))
			o++;
		if (!o->name) {
			fprintf(stderr, "chitieu %s: không có tùy chọn \"%.*s\"\n", cmd,
			        (int)len + 2, a);
			return -1;
		}
		if (o->flag) {
			*o->flag = true;
		} else if (eq) {
			*o->value = eq + 1;
		} else if (i + 1 < argc) {
			*o->value = argv[++i];
		} else {
			fprintf(stderr, "chitieu %s: tùy chọn --%s cần một giá trị\n", cmd,
			        o->name);
			return -1;
		}
	}
	return n;
}

bool args_choice(const char *v, const char *choices)
{
	size_t n = v ? strlen(v) : 0;
	for (const char *c = choices; n && *c;) {
		const char *end = strchr(c, '|');
		size_t len = end ? (size_t)(end - c) : strlen(c);
		if (len == n && !strncmp(c, v, n))
			return true;
		c += len + (end != NULL);
	}
	return false;
}

const char *args_db(const char *db)
{
	if (db)
		return db;
	const char *e = getenv("CHITIEU_DB");
	return e && *e ? e : "chitieu.db";
}

/* --period P, else --year Y, else this month: the last month of it, and
 * its kind (the grain figures are rolled up to). */
int args_period_end(const char *cmd, const char *period, const char *year, int *as_of,
                    enum period_kind *grain, char *shown, size_t n)
{
	if (!period && year)
		period = year;
	if (!period) {
		time_t t = time(NULL);
		struct tm tm;
		localtime_r(&t, &tm);
		strftime(shown, n, "%Y-%m", &tm);
	} else {
		snprintf(shown, n, "%s", period);
	}
	const char *why;
	if (period_end(shown, as_of, grain, &why)) {
		fprintf(stderr, "chitieu %s: [E_PERIOD] \"%s\": %s\n", cmd, shown, why);
		return -1;
	}
	return 0;
}

int args_files(const char *cmd, int argc, char **argv, const char **format, const char **files)
{
	int n = 0;
	for (int i = 0; i < argc; i++) {
		if (!strcmp(argv[i], "--format") && i + 1 < argc) {
			*format = argv[++i];
		} else if (!strncmp(argv[i], "--format=", 9)) {
			*format = argv[i] + 9;
		} else if (argv[i][0] == '-' && argv[i][1]) {
			fprintf(stderr, "chitieu %s: tùy chọn không hợp lệ \"%s\"\n", cmd, argv[i]);
			return -1;
		} else {
			files[n++] = argv[i];
		}
	}
	return n;
}
