/* args.c: long options for the subcommands. */
#include "args.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

const char *args_db(const char *db)
{
	if (db)
		return db;
	const char *e = getenv("CHITIEU_DB");
	return e && *e ? e : "chitieu.db";
}
