/* views.h: what the edges show, computed once for all of them (the CLI, the
 * HTTP API and the pages): a unit's plan evaluated from the store, the
 * communes of a province with theirs, and their JSON forms. */
#ifndef CHITIEU_VIEWS_H
#define CHITIEU_VIEWS_H

#include "live.h"
#include "rollup.h"
#include "status.h"
#include "store.h"

#include <jansson.h>

/* A unit's current plan evaluated at the period ending in month as_of,
 * figures rolled up to grain first. */
struct unit_view {
	struct unit_rec u;
	struct plan p;
	struct obs_rec *o;
	size_t no;
	struct status_row *rows;
	size_t n;
};

/* 0, or -1 with *err: "[E_UNKNOWN_UNIT] ...", "[E_NO_PLAN] ..." or a
 * database error. */
int view_unit(struct store *s, const char *unit, int as_of, enum period_kind grain,
              enum eval_method method, struct unit_view *v, char **err);
void view_unit_free(struct unit_view *v);

/* The children of a unit with their current plans and figures. */
struct family {
	struct unit_rec *units;
	size_t nunits;
	struct child *c;
	struct plan *plans;
	struct obs_rec **obs;
	size_t n, without_plan;
};

/* 0, or -1 with *err (E_UNKNOWN_UNIT). On -1 the caller still frees. */
int view_family(struct store *s, const char *parent, enum period_kind grain, struct family *f,
                char **err);
void view_family_free(struct family *f);

json_t *view_status_row_json(const struct status_row *x);
json_t *view_rollup_json(const struct rollup_row *r, size_t n);
/* One indicator's monthly aggregate from the engine: the root and each
 * row under it, with the communes meeting the target at the last month. */
json_t *view_series_json(const struct live *l, int ind);

#endif
