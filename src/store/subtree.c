/* subtree.c: a unit and everything under it read in a few queries, not
 * unit by unit: what a hold is built from (issue 13). The figures' scan is
 * store_obs_subtree in store.c, beside the other figure queries. */
#include "driver.h"
#include "internal.h"

#include <string.h>

/* The current plan of each unit of sub: its newest version. */
#define CURRENT_PLANS                                                                              \
	"SELECT p.unit_id, p.doc_hash FROM plans p JOIN sub ON sub.id = p.unit_id"                 \
	" WHERE p.version = (SELECT max(q.version) FROM plans q WHERE q.unit_id = p.unit_id)"

int store_plans_subtree(struct store *s, int64_t root,
                        void (*fn_unit)(void *arg, int64_t unit_id, const char *hash),
                        void (*fn_doc)(void *arg, const char *hash, const char *doc), void *arg,
                        char **err)
{
	/* As store_plan_current: a plan whose document is missing is none. */
	struct stmt *st = st_prep(s,
	                          SUBTREE "SELECT c.unit_id, c.doc_hash FROM (" CURRENT_PLANS
	                                  ") c JOIN plan_docs d ON d.hash = c.doc_hash",
	                          err);
	if (!st)
		return -1;
	D->bind_int(st, 1, root);
	int rc;
	while ((rc = D->step(st, err)) == 1)
		fn_unit(arg, D->col_int(st, 0), D->col_text(st, 1));
	st_done(s, st);
	if (rc < 0)
		return -1;
	st = st_prep(s,
	             SUBTREE "SELECT d.hash, d.doc FROM plan_docs d WHERE d.hash IN ("
	                     "SELECT c.doc_hash FROM (" CURRENT_PLANS ") c)",
	             err);
	if (!st)
		return -1;
	D->bind_int(st, 1, root);
	while ((rc = D->step(st, err)) == 1)
		fn_doc(arg, D->col_text(st, 0), D->col_text(st, 1));
	st_done(s, st);
	return rc < 0 ? -1 : 0;
}

int store_links_subtree(struct store *s, int64_t root,
                        void (*fn)(void *arg, int64_t unit_id, const char *child_code,
                                   const char *parent_code),
                        void *arg, char **err)
{
	struct stmt *st = st_prep(s,
	                          SUBTREE "SELECT cs.unit_id, cs.code, ps.code FROM sub"
	                                  " JOIN series cs ON cs.unit_id = sub.id"
	                                  " JOIN links l ON l.child_series_id = cs.id"
	                                  " JOIN series ps ON ps.id = l.parent_series_id"
	                                  " WHERE l.state = 'confirmed'",
	                          err);
	if (!st)
		return -1;
	D->bind_int(st, 1, root);
	int rc;
	while ((rc = D->step(st, err)) == 1) {
		const char *c = D->col_text(st, 1), *p = D->col_text(st, 2);
		if (strchr(c, '~') || strchr(p, '~'))
			continue; /* gone: listed, not used (as store_link_map) */
		fn(arg, D->col_int(st, 0), c, p);
	}
	st_done(s, st);
	return rc < 0 ? -1 : 0;
}
