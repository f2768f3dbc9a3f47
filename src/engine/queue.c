/* queue.c: the figures waiting for review under a unit (queue.h). */
#include "queue.h"

#include "period.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

void queue_free(struct queue_row *r, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(r[i].unit);
		free(r[i].unit_name);
		obs_rec_free(&r[i].o);
		free(r[i].name);
		free(r[i].measure);
		free(r[i].target);
		obs_rec_free(&r[i].prev);
	}
	free(r);
}

static int by_code(const void *a, const void *b)
{
	const struct unit_rec *x = a, *y = b;
	return strcmp(x->code, y->code);
}

/* Which units are root or under it (up to eight levels): in[i], for u
 * sorted by code (parents found by bsearch: a country's ten thousand
 * communes in n log n). */
static void mark_under(struct unit_rec *u, size_t n, const char *root, bool *in)
{
	xqsort(u, n, sizeof *u, by_code);
	long *parent = xcalloc(n + 1, sizeof *parent);
	for (size_t i = 0; i < n; i++) {
		struct unit_rec key = {.code = u[i].parent_code};
		const struct unit_rec *p =
		        u[i].parent_code ? bsearch(&key, u, n, sizeof *u, by_code) : NULL;
		parent[i] = p ? (long)(p - u) : -1;
		in[i] = !strcmp(u[i].code, root);
	}
	for (int depth = 0; depth < 8; depth++)
		for (size_t i = 0; i < n; i++)
			in[i] |= parent[i] >= 0 && in[parent[i]];
	free(parent);
}

/* The figure's value fields only (the previous figure beside a new one). */
static void copy_value(struct obs_rec *to, const struct obs_rec *from)
{
	*to = *from;
	to->level = from->level ? xstrdup(from->level) : NULL;
	to->note = to->evidence = to->status = to->by = to->at = to->code = NULL;
}

static void fill(struct queue_row *r, const struct plan *p, const struct obs_rec *all, size_t n)
{
	const struct indicator *x = p ? plan_find_indicator(p, r->o.code) : NULL;
	struct period now, q, best;
	if (x) {
		r->name = xstrdup(x->name);
		r->measure = x->unit ? xstrdup(x->unit) : NULL;
		int year = period_parse(r->o.period, &now, NULL) ? 0 : now.year;
		for (int k = 0; k < x->ntargets && !r->target; k++) /* the coming milestone */
			if (x->targets[k].year >= year || k == x->ntargets - 1) {
				r->target_year = x->targets[k].year;
				r->target = xstrdup(x->targets[k].t.text);
			}
	}
	if (period_parse(r->o.period, &now, NULL))
		return;
	const struct obs_rec *found = NULL;
	for (size_t i = 0; i < n; i++) {
		if (!all[i].code || strcmp(all[i].code, r->o.code) ||
		    period_parse(all[i].period, &q, NULL) || period_cmp(&q, &now) >= 0 ||
		    (found && period_cmp(&q, &best) <= 0))
			continue;
		found = &all[i];
		best = q;
	}
	if (found) {
		r->has_prev = true;
		copy_value(&r->prev, found);
	}
}

/* The submitted figures of one unit, appended to *out. */
static int one_unit(struct store *s, const struct unit_rec *u, struct queue_row **out, size_t *n,
                    size_t *cap, struct error *err)
{
	struct obs_rec *o;
	size_t no;
	if (store_obs_list(s, u->id, NULL, &o, &no, err))
		return -1;
	struct plan p;
	bool plan = false;
	for (size_t i = 0; i < no && !plan; i++)
		if (o[i].status && !strcmp(o[i].status, "submitted")) {
			int rc = store_plan_load(s, u->id, &p, err);
			if (rc < 0)
				goto out;
			err_clear(err);
			plan = rc == 0;
			break;
		}
	for (size_t i = 0; i < no; i++) {
		if (!o[i].status || strcmp(o[i].status, "submitted") || !o[i].code)
			continue;
		*out = xgrow(*out, cap, *n + 1, sizeof **out);
		struct queue_row *r = &(*out)[(*n)++];
		memset(r, 0, sizeof *r);
		r->unit = xstrdup(u->code);
		r->unit_name = xstrdup(u->name);
		r->o = o[i]; /* moved out below, once every row has seen them all */
		fill(r, plan ? &p : NULL, o, no);
	}
	for (size_t i = 0; i < no; i++)
		if (o[i].status && !strcmp(o[i].status, "submitted") && o[i].code)
			memset(&o[i], 0, sizeof o[i]);
	if (plan)
		plan_free(&p);
	for (size_t i = 0; i < no; i++)
		obs_rec_free(&o[i]);
	free(o);
	return 0;
out:
	for (size_t i = 0; i < no; i++)
		obs_rec_free(&o[i]);
	free(o);
	return -1;
}

int queue_list(struct store *s, const char *unit, struct queue_row **out, size_t *n,
               struct error *err)
{
	struct unit_rec *u;
	size_t nu, cap = 0;
	*out = NULL;
	*n = 0;
	if (store_unit_list(s, &u, &nu, err))
		return -1;
	int rc = 0;
	bool *in = xcalloc(nu + 1, sizeof *in);
	mark_under(u, nu, unit, in);
	for (size_t i = 0; i < nu && !rc; i++)
		if (in[i])
			rc = one_unit(s, &u[i], out, n, &cap, err);
	free(in);
	for (size_t i = 0; i < nu; i++)
		unit_rec_free(&u[i]);
	free(u);
	if (rc) {
		queue_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return rc;
}
