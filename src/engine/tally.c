/* tally.c: the share of indicators on track under a hold at a period, kept
 * per child and period (what a dashboard's trend asks, eight periods on
 * each view), so that a view evaluates only the children whose figures
 * changed since, and each of those once per period. */
#include "hold.h"

#include "util.h"

#include <stdlib.h>
#include <string.h>

#define TALLY_WAYS 16 /* periods kept (a trend asks eight) */

/* The counts of one period: per child, or -1 in good when its figures
 * changed since they were counted. */
struct tally_way {
	bool valid;
	long used;
	int as_of;
	enum period_kind grain;
	int *good, *evaluated;
	long sum_good, sum_evaluated; /* over the children counted */
	size_t stale;                 /* children to count again */
};

struct hold_tally {
	struct tally_way way[TALLY_WAYS];
	long clock;
};

static void way_clear(struct tally_way *w)
{
	free(w->good);
	free(w->evaluated);
	memset(w, 0, sizeof *w);
}

void hold_tally_free(struct hold_tally *t)
{
	if (!t)
		return;
	for (int w = 0; w < TALLY_WAYS; w++)
		way_clear(&t->way[w]);
	free(t);
}

void hold_tally_forget(struct hold_tally *t, size_t kid)
{
	for (int w = 0; t && w < TALLY_WAYS; w++) {
		struct tally_way *x = &t->way[w];
		if (!x->valid || x->good[kid] < 0)
			continue;
		x->sum_good -= x->good[kid];
		x->sum_evaluated -= x->evaluated[kid];
		x->good[kid] = -1;
		x->stale++;
	}
}

/* The way of (as_of, grain), made (every child to count) in the least
 * recently used one when not kept. */
static struct tally_way *way_of(struct hold_tally *t, size_t n, int as_of, enum period_kind grain)
{
	struct tally_way *x = &t->way[0];
	for (int w = 0; w < TALLY_WAYS; w++)
		if (t->way[w].valid && t->way[w].as_of == as_of && t->way[w].grain == grain) {
			t->way[w].used = ++t->clock;
			return &t->way[w];
		}
	for (int w = 1; w < TALLY_WAYS; w++)
		if (!t->way[w].valid || (x->valid && t->way[w].used < x->used))
			x = &t->way[w];
	way_clear(x);
	x->good = xmalloc((n + 1) * sizeof *x->good);
	x->evaluated = xcalloc(n + 1, sizeof *x->evaluated);
	for (size_t i = 0; i < n; i++)
		x->good[i] = -1;
	x->stale = n;
	x->valid = true;
	x->as_of = as_of;
	x->grain = grain;
	x->used = ++t->clock;
	return x;
}

static void tally_put(struct tally_way *w, size_t i, int good, int evaluated)
{
	w->good[i] = good;
	w->evaluated[i] = evaluated;
	w->sum_good += good;
	w->sum_evaluated += evaluated;
	w->stale--;
}

/* Count child i again in each of the ways x that lost it: from the hold's
 * evaluation when it keeps one, else evaluated here (its figures rolled
 * up to grain once for all the periods). */
static void recount(struct hold *h, size_t i, enum period_kind grain, struct tally_way **x, int nx)
{
	const struct child *c = &h->f.c[i];
	/* The ways the hold keeps no evaluation for: evaluated here, all at
	 * once (the figures rolled up to grain and read once for all). */
	int as_of[TALLY_WAYS], ne = 0;
	struct tally_way *at[TALLY_WAYS];
	for (int k = 0; k < nx; k++) {
		struct tally_way *w = x[k];
		if (w->good[i] >= 0)
			continue;
		int good = 0, evaluated = 0;
		const struct hold_kid *kid = hold_kept(h, i, w->as_of, grain);
		if (!kid) {
			as_of[ne] = w->as_of;
			at[ne++] = w;
			continue;
		}
		rank_count_kept(kid->ev.st, kid->ev.nst, &good, &evaluated);
		tally_put(w, i, good, evaluated);
	}
	if (!ne)
		return;
	const struct obs_rec *held;
	struct obs_rec *o;
	size_t no = hold_child_obs(h, i, &held);
	o = (struct obs_rec *)held;
	if (grain != PERIOD_MONTH)
		no = status_roll_periods(c->plan, held, no, grain, &o);
	struct status_row *st[TALLY_WAYS];
	size_t nst = status_evaluate_quiet(c->plan, o, no, as_of, ne, EVAL_LINEAR, st);
	for (int k = 0; k < ne; k++) {
		int good = 0, evaluated = 0;
		rank_count(st[k], nst, &good, &evaluated);
		free(st[k]);
		tally_put(at[k], i, good, evaluated);
		h->evaluations++;
	}
	if (grain != PERIOD_MONTH) {
		for (size_t k = 0; k < no; k++)
			obs_rec_free(&o[k]);
		free(o);
	}
}

void hold_shares(struct hold *h, enum period_kind grain, const int *as_of, int n, int *good,
                 int *evaluated)
{
	for (int at = 0; at < n; at += TALLY_WAYS) { /* no more periods at once than kept */
		int nx = n - at < TALLY_WAYS ? n - at : TALLY_WAYS;
		struct tally_way *x[TALLY_WAYS];
		bool stale = false;
		if (!h->tally)
			h->tally = xcalloc(1, sizeof *h->tally);
		for (int k = 0; k < nx; k++) {
			x[k] = way_of(h->tally, h->f.n, as_of[at + k], grain);
			stale |= x[k]->stale > 0;
		}
		for (size_t i = 0; stale && i < h->f.n; i++)
			recount(h, i, grain, x, nx);
		for (int k = 0; k < nx; k++) {
			good[at + k] = (int)x[k]->sum_good;
			evaluated[at + k] = (int)x[k]->sum_evaluated;
		}
	}
}
