/* subtree.c: a unit and everything under it read in a few queries, not
 * unit by unit: what a hold is built from (issue 13). The figures' scan is
 * store_obs_subtree in store.c, beside the other figure queries. */
#include "driver.h"
#include "internal.h"

#include "period.h"

#include <stdio.h>
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
	" JOIN link_rows l ON l.child_series_id = cs.id JOIN series ps ON ps.id = "                \
	"l.parent_series_id"                                                                       \
	" WHERE l.state = " LINK_CONFIRMED " AND u.id IN " ids

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

/* The figures' table itself (not the observations view: no author's entry
 * joined, no period written out by the database): only the columns a
 * hold keeps (pack.h). */
#define FIGS_OF(ids)                                                                               \
	"SELECT se.unit_id, se.code, f.period, f.value, x.num, x.den, f.level, f.yes"              \
	" FROM units u JOIN series se ON se.unit_id = u.id"                                        \
	" JOIN figures f ON f.series_id = se.id LEFT JOIN figure_extras x"                         \
	" ON x.series_id = f.series_id AND x.period = f.period WHERE u.id IN " ids

/* A period's name from its code (st_period_code), as the observations
 * view writes it. */
static void period_name(int64_t code, char *out, size_t n)
{
	int k = (int)(code % 100);
	struct period p = {PERIOD_YEAR, (int)(code / 100), 0};
	if (k >= 1 && k <= 12)
		p = (struct period){PERIOD_MONTH, p.year, k};
	else if (k > 20 && k <= 24)
		p = (struct period){PERIOD_QUARTER, p.year, k - 20};
	else if (k > 30 && k <= 32)
		p = (struct period){PERIOD_HALF, p.year, k - 30};
	else if (k)
		p = (struct period){PERIOD_NINE_MONTHS, p.year, 0};
	period_format(&p, out, n);
}

int store_figs_subtree(struct store *s, int64_t root, bool near,
                       void (*fn)(void *arg, int64_t unit_id, const struct obs_rec *o), void *arg,
                       struct error *err)
{
	struct stmt *st = st_prep(s, near ? FIGS_OF(SUBTREE_NEAR) : FIGS_OF(SUBTREE_ANY), err);
	if (!st)
		return -1;
	st_bind_subtree(s, st, root, near);
	if (D->stream) /* fn reads nothing from the store */
		D->stream(st);
	/* The names of the last periods met, by code: a few hundred periods
	 * for millions of figures. */
	struct {
		int64_t code;
		char name[sizeof((struct obs_rec *)0)->period];
	} seen[256] = {{0}};
	int rc;
	while ((rc = D->step(st, err)) == 1) {
		struct obs_rec o = {0};
		o.code = (char *)D->col_text(st, 1);
		int64_t code = D->col_int(st, 2);
		size_t at = (size_t)code & 255;
		if (seen[at].code != code || !code) {
			period_name(code, seen[at].name, sizeof seen[at].name);
			seen[at].code = code;
		}
		memcpy(o.period, seen[at].name, sizeof o.period);
		if ((o.has_value = !D->col_null(st, 3)))
			o.value = D->col_double(st, 3);
		if ((o.has_ratio = !D->col_null(st, 4) && !D->col_null(st, 5))) {
			o.num = D->col_double(st, 4);
			o.den = D->col_double(st, 5);
		}
		if ((o.has_level = !D->col_null(st, 6)))
			o.level = (char *)D->col_text(st, 6);
		if ((o.has_yes = !D->col_null(st, 7)))
			o.yes = D->col_int(st, 7) != 0;
		fn(arg, D->col_int(st, 0), &o);
	}
	st_done(s, st);
	return rc < 0 ? -1 : 0;
}
