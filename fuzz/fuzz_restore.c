/* fuzz_restore.c: `chitieu restore` on any bytes, into an in-memory SQLite
 * database: it restores or fails with a message, never crashes; and what
 * it lets in is valid (issue 10, item 15). After a restore: the checker
 * (store_dump_check) agreed; every unit code follows the rules of `unit
 * add`; every name and figure code is UTF-8 without control characters;
 * every unit's plan reads back; every figure's period parses; and the
 * database dumps into a document the checker accepts again. */
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "driver.h"
#include "internal.h"
#include "period.h"
#include "store.h"
#include "text.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void clean_or_trap(const char *s)
{
	if (!s)
		return;
	if (!text_valid_utf8(s, strlen(s), NULL))
		__builtin_trap();
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			__builtin_trap();
}

/* What a successful restore let in. */
static void check_restored(struct store *s, const char *path)
{
	struct error err = {0};
	struct unit_rec *u = NULL;
	size_t n = 0;
	if (store_unit_list(s, &u, &n, &err))
		__builtin_trap();
	for (size_t i = 0; i < n; i++) {
		if (!st_unit_code_ok(u[i].code) || st_unit_kind_level(u[i].kind) < 0 ||
		    (u[i].parent_code && !strcmp(u[i].parent_code, u[i].code)))
			__builtin_trap();
		clean_or_trap(u[i].name);
		struct plan p;
		int rc = store_plan_load(s, u[i].id, &p, &err);
		if (rc < 0)
			__builtin_trap(); /* a stored plan that does not read back */
		if (rc == 0)
			plan_free(&p);
		struct obs_rec *o = NULL;
		size_t no = 0;
		if (store_obs_list(s, u[i].id, NULL, &o, &no, &err))
			__builtin_trap();
		for (size_t k = 0; k < no; k++) {
			struct period per;
			clean_or_trap(o[k].code);
			if (period_parse(o[k].period, &per, NULL))
				__builtin_trap();
			obs_rec_free(&o[k]);
		}
		free(o);
		unit_rec_free(&u[i]);
	}
	free(u);
	/* Round trip: what was restored dumps into a valid dump. */
	char *again = xasprintf("%s.again", path);
	if (store_dump(s, again, &err))
		__builtin_trap();
	json_error_t je;
	json_t *doc = json_load_file(again, 0, &je);
	if (!doc || store_dump_check(doc, store_schema_version(), &err))
		__builtin_trap();
	json_decref(doc);
	unlink(again);
	free(again);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[] = "/tmp/fuzz-restore-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0)
		return 0;
	if (write(fd, data, size) != (ssize_t)size) {
		close(fd);
		unlink(path);
		return 0;
	}
	close(fd);
	/* The checker alone: a verdict, and a reason when it refuses. */
	json_error_t je;
	json_t *doc = json_loadb((const char *)data, size, JSON_REJECT_DUPLICATES, &je);
	struct error err = {0};
	int checked = -1;
	if (doc) {
		checked = store_dump_check(doc, store_schema_version(), &err);
		if (checked && (!err.msg || !*err.msg))
			__builtin_trap();
		err_clear(&err);
		json_decref(doc);
	}
	struct store *s = store_open(":memory:", &err);
	if (!s)
		__builtin_trap();
	if (store_restore(s, path, &err)) {
		if (!err.msg || !*err.msg)
			__builtin_trap(); /* a failure always says why */
		err_clear(&err);
	} else {
		if (checked != 0)
			__builtin_trap(); /* restored what the checker refused */
		check_restored(s, path);
	}
	store_close(s);
	unlink(path);
	return 0;
}
