/* units_admin.c: changing a unit after it was made (the administration page):
 * its cut-off day. */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>

int store_unit_cutoff(struct store *s, const char *code, int day, const char *by, struct error *err)
{
	if (day < 0 || day > 28)
		return 2;
	struct stmt *st = st_prep(s, "UPDATE units SET cutoff_day = ? WHERE code = ?", err);
	if (!st)
		return -1;
	day ? D->bind_int(st, 1, day) : D->bind_null(st, 1);
	D->bind_text(st, 2, code);
	int rc = D->step(st, err);
	int64_t changed = rc < 0 ? 0 : D->changes(st);
	st_done(s, st);
	if (rc < 0)
		return -1;
	if (!changed)
		return 1;
	char detail[96];
	if (day)
		snprintf(detail, sizeof detail, "%.40s: ngày chốt %d", code, day);
	else
		snprintf(detail, sizeof detail, "%.40s: ngày chốt theo đơn vị cấp trên", code);
	st_audit(s, by, "unit.cutoff", "unit", 0, detail);
	return 0;
}
