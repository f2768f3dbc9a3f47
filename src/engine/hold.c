/* hold.c: a unit and what is under it, in memory, kept by each write. */
#include "hold.h"

#include "util.h"

#include <stdlib.h>
#include <string.h>

static int kix_cmp(const void *a, const void *b)
{
	return strcmp(((const struct hold_code *)a)->code, ((const struct hold_code *)b)->code);
}

static long kid_of(const struct hold *h, const char *unit)
{
	if (!h->f.n)
		return -1;
	struct hold_code key = {unit, 0};
	const struct hold_code *hit = bsearch(&key, h->kix, h->f.n, sizeof *h->kix, kix_cmp);
	return hit ? (long)hit->i : -1;
}

static void kid_clear(struct hold_kid *k)
{
	child_eval_free(&k->ev);
	memset(k, 0, sizeof *k);
}

static void last_free(struct hold_last *l)
{
	rank_kept_free(l->rk);
	rollup_state_free(l->rs);
	free(l->dirty);
	free(l->k);
	free(l->c);
	free(l->ev);
	memset(l, 0, sizeof *l);
}

static void last_clear(struct hold *h)
{
	for (int w = 0; w < HOLD_WAYS; w++)
		last_free(&h->last[w]);
}

/* Child k's figures changed: each roll-up kept takes its new evaluation
 * when next asked (compute); rankings are made again. */
static void last_touch(struct hold *h, size_t k)
{
	for (int w = 0; w < HOLD_WAYS; w++) {
		struct hold_last *l = &h->last[w];
		if (!l->valid)
			continue;
		bool seen = false;
		for (size_t j = 0; j < l->ndirty && !seen; j++)
			seen = l->dirty[j] == k;
		if (!seen) {
			l->dirty = xgrow(l->dirty, &l->dcap, l->ndirty + 1, sizeof *l->dirty);
			l->dirty[l->ndirty++] = k;
		}
		free(l->k);
		l->k = NULL;
		l->nk = 0;
		l->ranked = false;
	}
}

static bool is_commune(const struct unit_rec *u)
{
	return !strcmp(u->kind, "commune") || !strcmp(u->kind, "ward");
}

int hold_load(struct store *s, const char *unit, struct hold **out, struct error *err)
{
	struct hold *h = xcalloc(1, sizeof *h);
	long q0 = store_queries(s);
	h->root = xstrdup(unit);
	plan_init(&h->p);
	*out = NULL;
	int found = store_unit_get(s, unit, &h->u, err);
	if (found > 0)
		err_set(err, ERR_UNKNOWN_UNIT, "không có đơn vị \"%s\"", unit);
	if (found) {
		hold_free(h);
		return -1;
	}
	struct error e = {0};
	found = store_plan_load(s, h->u.id, &h->p, &e);
	if (found < 0) {
		*err = e;
		hold_free(h);
		return -1;
	}
	err_clear(&e);
	h->has_plan = found == 0;
	if (h->has_plan && store_obs_list(s, h->u.id, NULL, &h->o, &h->no, err)) {
		hold_free(h);
		return -1;
	}
	/* A commune adds nothing up: no family to read. */
	if (!is_commune(&h->u) && view_family_held(s, unit, &h->f, &h->ferr)) {
		view_family_free(&h->f);
		memset(&h->f, 0, sizeof h->f);
		if (h->ferr.code != ERR_NO_PLAN) { /* a database error: nothing held */
			*err = h->ferr;
			h->ferr = (struct error){0};
			hold_free(h);
			return -1;
		}
	}
	h->kids = xcalloc(h->f.n * HOLD_WAYS + 1, sizeof *h->kids);
	h->kix = xcalloc(h->f.n + 1, sizeof *h->kix);
	for (size_t i = 0; i < h->f.n; i++)
		h->kix[i] = (struct hold_code){h->f.c[i].code, i};
	xqsort(h->kix, h->f.n, sizeof *h->kix, kix_cmp);
	h->ngroups =
	        rollup_groups(h->f.n ? (const char *const *)h->f.top : NULL, h->f.n, &h->group);
	h->build_queries = store_queries(s) - q0;
	*out = h;
	return 0;
}

void hold_free(struct hold *h)
{
	if (!h)
		return;
	for (size_t i = 0; h->kids && i < h->f.n * HOLD_WAYS; i++)
		kid_clear(&h->kids[i]);
	free(h->kids);
	free(h->kix);
	free(h->scratch);
	hold_tally_free(h->tally);
	free(h->group);
	last_clear(h);
	view_family_free(&h->f);
	err_clear(&h->ferr);
	for (size_t i = 0; i < h->no; i++)
		obs_rec_free(&h->o[i]);
	free(h->o);
	plan_free(&h->p);
	unit_rec_free(&h->u);
	free(h->root);
	free(h);
}

bool hold_concerns(const struct hold *h, const char *unit)
{
	return !strcmp(unit, h->root) || kid_of(h, unit) >= 0;
}

int hold_refresh(struct hold *h, struct store *s, const char *unit, struct error *err)
{
	if (strcmp(unit, h->root) && kid_of(h, unit) < 0)
		return 1;
	struct unit_rec u = {0};
	struct obs_rec *o = NULL;
	size_t n = 0;
	int found = store_unit_get(s, unit, &u, err);
	if (found > 0)
		err_set(err, ERR_UNKNOWN_UNIT, "không có đơn vị \"%s\"", unit);
	if (found || store_obs_list(s, u.id, NULL, &o, &n, err)) {
		unit_rec_free(&u);
		return -1;
	}
	unit_rec_free(&u);
	int rc = hold_refresh_figures(h, unit, o, n);
	for (size_t i = 0; i < n; i++)
		obs_rec_free(&o[i]);
	free(o);
	return rc;
}

/* The code a figure of child k (its own code) is held under: renamed to
 * the root's as view_family does (what is not linked stays local); NULL
 * when the child's plan has no such indicator (the figure is left out). */
static const char *kid_code(const struct family *f, size_t k, const char *code)
{
	const char *to = !f->lifted ? code
	                 : code     ? view_lift_code(f->map[k], f->nmap[k], code)
	                            : NULL;
	return to && plan_find_indicator(f->c[k].plan, to) ? to : NULL;
}

int hold_refresh_figures(struct hold *h, const char *unit, const struct obs_rec *o, size_t n)
{
	bool own = !strcmp(unit, h->root);
	long k = kid_of(h, unit);
	if (!own && k < 0)
		return 1;
	h->refreshes++;
	if (k >= 0)
		last_touch(h, (size_t)k);
	if (own && h->has_plan) {
		for (size_t i = 0; i < h->no; i++)
			obs_rec_free(&h->o[i]);
		free(h->o);
		h->o = xcalloc(n + 1, sizeof *h->o);
		for (size_t i = 0; i < n; i++)
			h->o[i] = obs_rec_copy(&o[i]);
		h->no = n;
	}
	if (k >= 0) {
		/* The child's figures, renamed to the root's codes as view_family
		 * does (what is not linked stays local), packed again. */
		struct family *f = &h->f;
		struct pack *pk = &f->packs[k];
		pack_free(pk);
		for (size_t i = 0; i < n; i++) {
			const char *to = kid_code(f, (size_t)k, o[i].code);
			if (!to)
				continue;
			struct obs_rec x = o[i];
			x.code = (char *)to;
			pack_add(pk, f->pool, &x);
		}
		pack_trim(pk);
		for (int w = 0; w < HOLD_WAYS; w++)
			kid_clear(&h->kids[(size_t)k * HOLD_WAYS + (size_t)w]);
		hold_tally_forget(h->tally, (size_t)k);
	}
	return 0;
}

/* The child's code a figure of child k lifted to `to` came from: the one
 * code the map lifts to it (itself when f is not lifted); NULL when
 * several do (then the order of its figures is not known here). */
static const char *unlifted(const struct family *f, size_t k, const char *to)
{
	if (!f->lifted)
		return to;
	const char *from = NULL;
	for (size_t i = 0; i < f->nmap[k]; i++)
		if (!strcmp(f->map[k][i].parent_code, to)) {
			if (from)
				return NULL;
			from = f->map[k][i].child_code;
		}
	return from;
}

/* Figures a and b of the child in store_obs_list's order (period, then
 * the child's own code); ca, cb their own codes. */
static int kid_fig_cmp(const struct obs_rec *a, const char *ca, const struct obs_rec *b,
                       const char *cb)
{
	int c = strcmp(a->period, b->period);
	return c ? c : strcmp(ca ? ca : "", cb ? cb : "");
}

int hold_patch_figures(struct hold *h, const char *unit, const struct obs_rec *o, size_t n)
{
	bool own = !strcmp(unit, h->root);
	long k = kid_of(h, unit);
	if (!own && k < 0)
		return 1;
	struct family *f = &h->f;
	struct obs_rec *v = NULL;
	const char **from = NULL; /* each of v's own code (the child's) */
	const char **to = NULL;   /* each of o's code held under (kid_code) */
	size_t nv = 0, cap = 0;
	if (k >= 0) {
		/* Every figure's own code known, or the unit read again. */
		nv = pack_get(&f->packs[k], f->pool, &v, &cap);
		from = xcalloc(nv + n + 1, sizeof *from);
		to = xcalloc(n + 1, sizeof *to);
		bool known = true;
		for (size_t i = 0; known && i < nv; i++)
			known = !v[i].code || (from[i] = unlifted(f, (size_t)k, v[i].code));
		for (size_t i = 0; known && i < n; i++)
			known = !(to[i] = kid_code(f, (size_t)k, o[i].code)) ||
			        unlifted(f, (size_t)k, to[i]);
		if (!known) {
			free(v);
			free(from);
			free(to);
			return 2;
		}
	}
	h->refreshes++;
	if (own && h->has_plan) {
		for (size_t i = 0; i < n; i++) {
			size_t at = 0;
			while (at < h->no &&
			       kid_fig_cmp(&h->o[at], h->o[at].code, &o[i], o[i].code) < 0)
				at++;
			if (at < h->no &&
			    !kid_fig_cmp(&h->o[at], h->o[at].code, &o[i], o[i].code)) {
				obs_rec_free(&h->o[at]);
			} else {
				h->o = xrealloc(h->o, (h->no + 2) * sizeof *h->o);
				memmove(&h->o[at + 1], &h->o[at], (h->no - at) * sizeof *h->o);
				h->no++;
			}
			h->o[at] = obs_rec_copy(&o[i]);
		}
	}
	if (k >= 0) {
		last_touch(h, (size_t)k);
		/* The child's figures, each written one in place of the one of
		 * its code and period (or where the order puts it), renamed as
		 * view_family does, packed again in that order. */
		v = xrealloc(v, (nv + n + 1) * sizeof *v);
		for (size_t i = 0; i < n; i++) {
			if (!to[i])
				continue;
			struct obs_rec x = o[i];
			x.code = (char *)to[i];
			size_t at = 0;
			while (at < nv && kid_fig_cmp(&v[at], from[at], &o[i], o[i].code) < 0)
				at++;
			if (at == nv || kid_fig_cmp(&v[at], from[at], &o[i], o[i].code)) {
				memmove(&v[at + 1], &v[at], (nv - at) * sizeof *v);
				memmove(&from[at + 1], &from[at], (nv - at) * sizeof *from);
				nv++;
			}
			v[at] = x;
			from[at] = o[i].code;
		}
		struct pack pk = {0};
		for (size_t i = 0; i < nv; i++)
			pack_add(&pk, f->pool, &v[i]);
		pack_trim(&pk);
		pack_free(&f->packs[k]);
		f->packs[k] = pk;
		for (int w = 0; w < HOLD_WAYS; w++)
			kid_clear(&h->kids[(size_t)k * HOLD_WAYS + (size_t)w]);
		hold_tally_forget(h->tally, (size_t)k);
	}
	free(v);
	free(from);
	free(to);
	return 0;
}

void hold_evals(const struct hold *h, size_t *rows, size_t *bytes)
{
	*rows = *bytes = 0;
	for (size_t i = 0; h->kids && i < h->f.n * HOLD_WAYS; i++)
		if (h->kids[i].valid) {
			*rows += h->kids[i].ev.nst;
			*bytes += child_eval_bytes(h->kids[i].ev.nst);
		}
}

size_t hold_child_obs(struct hold *h, size_t i, const struct obs_rec **o)
{
	size_t n = pack_get(&h->f.packs[i], h->f.pool, &h->scratch, &h->capscratch);
	*o = h->scratch;
	return n;
}

void hold_figures(const struct hold *h, size_t *figures, size_t *bytes)
{
	*figures = *bytes = 0;
	if (!h->f.packs)
		return;
	*bytes = pack_pool_bytes(h->f.pool) + (h->f.nunits + 1) * sizeof *h->f.packs;
	for (size_t i = 0; i < h->f.n; i++) {
		*figures += h->f.packs[i].n;
		*bytes += pack_bytes(&h->f.packs[i]);
	}
}

struct hold_kid *hold_kept(struct hold *h, size_t i, int as_of, enum period_kind grain)
{
	struct hold_kid *ways = &h->kids[i * HOLD_WAYS];
	for (int w = 0; w < HOLD_WAYS; w++)
		if (ways[w].valid && ways[w].as_of == as_of && ways[w].grain == grain)
			return &ways[w];
	return NULL;
}

/* The children [from, to) at (as_of, grain): only those whose figures
 * changed since their last evaluation at it, or all when a period not kept
 * is asked, are evaluated. */
static void evaluate(struct hold *h, int as_of, enum period_kind grain, struct child *c,
                     struct child_eval *ev, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++) {
		struct hold_kid *k = hold_kept(h, i, as_of, grain), *ways = &h->kids[i * HOLD_WAYS];
		if (!k) {
			k = &ways[0];
			for (int w = 1; w < HOLD_WAYS; w++)
				if (!ways[w].valid || ways[w].used < k->used)
					k = &ways[w];
			kid_clear(k);
			k->c = h->f.c[i];
			const struct obs_rec *o;
			struct obs_rec *rolled = NULL;
			size_t no = hold_child_obs(h, i, &o);
			if (grain != PERIOD_MONTH) {
				no = status_roll_periods(h->f.c[i].plan, o, no, grain, &rolled);
				o = rolled;
			}
			k->c.obs = o;
			k->c.nobs = no;
			child_evaluate(&k->c, as_of, &k->ev);
			for (size_t j = 0; rolled && j < no; j++)
				obs_rec_free(&rolled[j]);
			free(rolled);
			k->c.obs = NULL;
			k->c.nobs = 0;
			k->valid = true;
			k->as_of = as_of;
			k->grain = grain;
			h->evaluations++;
		}
		k->used = ++h->clock;
		c[i] = k->c;
		ev[i] = k->ev;
	}
}

/* The children written since l was made, evaluated again and taken into
 * its roll-up: their groups alone are folded again. */
static void catch_up(struct hold *h, struct hold_last *l)
{
	if (!l->ndirty)
		return;
	for (size_t j = 0; j < l->ndirty; j++) {
		evaluate(h, l->as_of, l->grain, l->c, l->ev, l->dirty[j], l->dirty[j] + 1);
		if (l->rk)
			rank_kept_recount(l->rk, l->ev, l->dirty[j]);
	}
	if (l->rs) {
		long f0 = rollup_state_folded(l->rs);
		rollup_state_update(l->rs, l->c, l->ev, l->dirty, l->ndirty);
		h->aggregated += rollup_state_folded(l->rs) - f0;
	}
	l->ndirty = 0;
}

static struct hold_last *compute(struct hold *h, int as_of, enum period_kind grain)
{
	struct hold_last *l = &h->last[0];
	for (int w = 0; w < HOLD_WAYS; w++)
		if (h->last[w].valid && h->last[w].as_of == as_of && h->last[w].grain == grain) {
			h->last[w].used = ++h->clock;
			catch_up(h, &h->last[w]);
			return &h->last[w];
		}
	for (int w = 1; w < HOLD_WAYS; w++)
		if (!h->last[w].valid || h->last[w].used < l->used)
			l = &h->last[w];
	/* The children's evaluations l pointed to make room for the new
	 * period's (not another period's still kept in h->last). */
	for (size_t i = 0; l->valid && i < h->f.n * HOLD_WAYS; i++)
		if (h->kids[i].valid && h->kids[i].as_of == l->as_of &&
		    h->kids[i].grain == l->grain)
			kid_clear(&h->kids[i]);
	last_free(l);
	size_t n = h->f.n;
	struct child *c = xcalloc(n + 1, sizeof *c);
	struct child_eval *ev = xcalloc(n + 1, sizeof *ev);
	evaluate(h, as_of, grain, c, ev, 0, n);
	l->c = c;
	l->ev = ev;
	l->valid = true;
	l->as_of = as_of;
	l->grain = grain;
	l->used = ++h->clock;
	return l;
}

const struct family *hold_family(struct hold *h, struct error *err)
{
	if (err_is(&h->ferr)) {
		err_set(err, h->ferr.code, "%s", h->ferr.msg);
		return NULL;
	}
	return &h->f;
}

/* The roll-up and the ranking are each made when first asked (a roll-up
 * after a write does not rank the children too). */
size_t hold_rollup(struct hold *h, int as_of, enum period_kind grain, const struct rollup_row **out)
{
	struct hold_last *l = compute(h, as_of, grain);
	if (!l->rolled) {
		l->rs = rollup_state_new(l->c, l->ev, h->f.n, h->group, h->ngroups);
		h->aggregated += rollup_state_folded(l->rs);
		l->rolled = true;
	}
	return rollup_state_rows(l->rs, out);
}

size_t hold_rank(struct hold *h, int as_of, enum period_kind grain, const struct rank_row **out)
{
	struct hold_last *l = compute(h, as_of, grain);
	if (!l->ranked) {
		if (!l->rk)
			l->rk = rank_kept_new(&h->f, h->group, h->ngroups, l->ev);
		free(l->k);
		l->nk = rank_kept_rows(l->rk, &h->f, h->group, &l->k);
		l->ranked = true;
	}
	*out = l->k;
	return l->nk;
}

void hold_children(struct hold *h, int as_of, enum period_kind grain, const struct child **c,
                   const struct child_eval **ev)
{
	const struct hold_last *l = compute(h, as_of, grain);
	*c = l->c;
	*ev = l->ev;
}

int hold_status(struct hold *h, int as_of, enum period_kind grain, enum eval_method method,
                struct unit_view *v, struct error *err)
{
	memset(v, 0, sizeof *v);
	if (!h->has_plan) {
		err_set(err, ERR_NO_PLAN, "đơn vị chưa có kế hoạch; lưu bằng \"chitieu import\"");
		plan_init(&v->p);
		return -1;
	}
	v->u = h->u;
	v->p = h->p;
	v->borrowed = true;
	if (h->no) {
		v->o = xcalloc(h->no + 1, sizeof *v->o);
		for (size_t i = 0; i < h->no; i++)
			v->o[i] = obs_rec_copy(&h->o[i]);
		v->no = h->no;
	} else if (!is_commune(&h->u) && h->f.n) {
		/* A province: from the units under it, as of the month. */
		const struct rollup_row *r;
		size_t n = hold_rollup(h, as_of, PERIOD_MONTH, &r);
		view_aggregate_obs(v, r, n, as_of);
	}
	status_roll_periods_in_place(&v->p, &v->o, &v->no, grain);
	v->n = status_evaluate(&v->p, v->o, v->no, as_of, method, &v->rows);
	return 0;
}
