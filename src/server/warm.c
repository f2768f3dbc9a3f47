/* warm.c: the holds of the units at the top of the tree (the country)
 * built when the server starts, in the background (issue 13). At national
 * scale the country's hold reads millions of figures; built here, the
 * first official to open the country's roll-up or dashboard finds it in
 * memory. One who asks while it is being built waits for it (app_hold
 * takes the hold's lock) instead of building it a second time, and a view
 * of any other unit is not held up. */
#include "app.h"

#include "hold.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Whether a unit of u[0..n) has unit as its parent. */
static bool has_children(const struct unit_rec *u, size_t n, const char *unit)
{
	for (size_t i = 0; i < n; i++)
		if (u[i].parent_code && !strcmp(u[i].parent_code, unit))
			return true;
	return false;
}

void app_warm(struct app *a, struct store *s, const bool *stop)
{
	struct ctx c = {.app = a, .s = s, .now = time(NULL)};
	/* The epoch the first request will find, so that what is built here
	 * is not thrown away by it. */
	c.mark = holds_sync(a->holds, store_change_mark(s, NULL));
	struct unit_rec *u = NULL;
	size_t n = 0;
	struct error err = {0};
	if (store_unit_list(s, &u, &n, &err))
		n = 0;
	err_clear(&err);
	/* Evaluated at this month, what a roll-up asks when no period is said. */
	struct tm tm;
	localtime_r(&c.now, &tm);
	int as_of = (tm.tm_year + 1900) * 12 + tm.tm_mon;
	holds_warming(a->holds, 1); /* begun (the server says so before its start) */
	for (size_t i = 0; i < n && !__atomic_load_n(stop, __ATOMIC_RELAXED); i++) {
		if (u[i].parent_code || !has_children(u, n, u[i].code))
			continue;
		struct held *ref = NULL;
		struct hold *h = app_hold(&c, u[i].code, &ref, &err);
		const struct family *f = h ? hold_family(h, &err) : NULL;
		if (f && f->n) {
			const struct rollup_row *r;
			const struct rank_row *k;
			hold_rollup(h, as_of, PERIOD_MONTH, &r);
			hold_rank(h, as_of, PERIOD_MONTH, &k);
		}
		app_unhold(&c, ref);
		err_clear(&err);
		holds_warming(a->holds, 0);
	}
	holds_warming(a->holds, -1);
	for (size_t i = 0; i < n; i++)
		unit_rec_free(&u[i]);
	free(u);
}
