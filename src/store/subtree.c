/* subtree.c: a unit and everything under it read in a few queries, not
 * unit by unit: what a hold is built from (issue 13). The figures' scan is
 * store_obs_subtree in store.c, beside the other figure queries. */
#include "driver.h"
#include "internal.h"

#include <string.h>

void st_bind_subtree(struct store *s, struct stmt *st, int64_t root, bool near)
{
	for (int k = 1; k <= (near ? SUBTREE_BINDS : 1); k++)
		D->bind_int(st, k, root);
}

/* The current plan of each unit of ids: its newest version. */
#define CURRENT_PLANS(ids)                                                                         \
	"SELECT p.unit_id, p.doc_hash FROM plans p WHERE p.unit_id IN " ids                        \
	" AND p.version = (SELECT max(q.version) FROM plans q WHERE q.unit_id = p.unit_id)"
#define PLANS_OF(ids)                                                                              \
	"SELECT c.unit_id, c.doc_hash FROM (" CURRENT_PLANS(                                       \
	        ids) ") c JOIN plan_docs d ON d.hash = c.doc_hash"
#define DOCS_OF(ids)                                                                               \
	"SELECT d.hash, d.doc FROM plan_docs d WHERE d.hash IN (SELECT c.doc_hash FROM "           \
	"(" CURRENT_PLANS(ids) ") c)"
#define LINKS_OF(ids)                                                                              \
	"SELECT cs.unit_id, cs.code, ps.code FROM units u JOIN series cs ON cs.unit_id = u.id"     \
	" JOIN links l ON l.child_series_id = cs.id JOIN series ps ON ps.id = l.parent_series_id"  \
	" WHERE l.state = 'confirmed' AND u.id IN " ids

int store_plans_subtree(struct store *s, int64_t root, bool near,
                        void (*fn_unit)(void *arg, int64_t unit_id, const char *hash),
                        void (*fn_doc)(void *arg, const char *hash, const char *doc), void *arg,
                        struct error *err)
{
	/* As store_plan_current: a plan whose document is missing is none. */
	struct stmt *st = st_prep(s, near ? PLANS_OF(SUBTREE_NEAR) : PLANS_OF(SUBTREE_ANY), err);
	if (!st)
		return -1;
	st_bind_subtree(s, st, root, near);
	int rc;
	while ((rc = D->step(st, err)) == 1)
		fn_unit(arg, D->col_int(st, 0), D->col_text(st, 1));
	st_done(s, st);
	if (rc < 0)
		return -1;
	st = st_prep(s, near ? DOCS_OF(SUBTREE_NEAR) : DOCS_OF(SUBTREE_ANY), err);
	if (!st)
		return -1;
	st_bind_subtree(s, st, root, near);
	while ((rc = D->step(st, err)) == 1)
		fn_doc(arg, D->col_text(st, 0), D->col_text(st, 1));
	st_done(s, st);
	return rc < 0 ? -1 : 0;
}

int store_links_subtree(struct store *s, int64_t root, bool near,
                        void (*fn)(void *arg, int64_t unit_id, const char *child_code,
                                   const char *parent_code),
                        void *arg, struct error *err)
{
	struct stmt *st = st_prep(s, near ? LINKS_OF(SUBTREE_NEAR) : LINKS_OF(SUBTREE_ANY), err);
	if (!st)
		return -1;
	st_bind_subtree(s, st, root, near);
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
