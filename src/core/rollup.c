/* rollup.c: provinces from communes. */
#include "rollup.h"
#include "rollup_state.h"

#include "period.h"
#include "text.h"
#include "util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static int ix_cmp(const void *a, const void *b)
{
	const struct rollup_ix *x = a, *y = b;
	int c = strcmp(x->code, y->code);
	return c ? c : (x->k > y->k) - (x->k < y->k);
}

void child_evaluate(const struct child *c, int as_of, struct child_eval *ev)
{
	struct status_row *full;
	/* Quiet: a child's record is never read from here (struct child_row). */
	ev->nst = status_evaluate_quiet(c->plan, c->obs, c->nobs, &as_of, 1, EVAL_LINEAR, &full);
	ev->st = xcalloc(ev->nst + 1, sizeof *ev->st);
	ev->ix = xcalloc(ev->nst + 1, sizeof *ev->ix);
	const struct obs_rec **latest = xcalloc(ev->nst + 1, sizeof *latest);
	int *best = xcalloc(ev->nst + 1, sizeof *best);
	for (size_t k = 0; k < ev->nst; k++) {
		const struct eval_result *r = &full[k].r;
		ev->st[k] = (struct child_row){
		        .ind = full[k].ind,
		        .target = full[k].target,
		        .year = full[k].year,
		        .r = {r->status, r->has_latest, r->has_progress, r->latest, r->progress}};
		ev->ix[k] = (struct rollup_ix){ev->st[k].ind->code, k};
		best[k] = -1;
	}
	free(full);
	xqsort(ev->ix, ev->nst, sizeof *ev->ix, ix_cmp);
	/* The latest figure of each code up to as_of: the first seen of the
	 * latest month. */
	for (size_t i = 0; i < c->nobs; i++) {
		struct period p;
		const char *why;
		int first, last;
		if (!c->obs[i].code || period_parse(c->obs[i].period, &p, &why))
			continue;
		period_months(&p, &first, &last);
		if (last > as_of)
			continue;
		size_t lo = 0, hi = ev->nst;
		while (lo < hi) { /* the first entry >= code */
			size_t mid = (lo + hi) / 2;
			if (strcmp(ev->ix[mid].code, c->obs[i].code) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (size_t j = lo; j < ev->nst && !strcmp(ev->ix[j].code, c->obs[i].code); j++) {
			size_t k = ev->ix[j].k;
			if (last > best[k]) {
				best[k] = last;
				latest[k] = &c->obs[i];
			}
		}
	}
	free(best);
	for (size_t k = 0; k < ev->nst; k++) {
		struct child_row *x = &ev->st[k];
		const struct obs_rec *o = latest[k];
		x->has_point = o && status_point(x->ind, o, &x->point);
		if (!x->has_point)
			continue;
		x->has_ratio = o->has_ratio;
		x->has_level = o->has_level;
		x->num = o->num;
		x->den = o->den;
	}
	free(latest);
}

size_t child_eval_bytes(size_t n)
{
	return (n + 1) * (sizeof(struct child_row) + sizeof(struct rollup_ix));
}

void child_eval_free(struct child_eval *ev)
{
	free(ev->st);
	free(ev->ix);
	memset(ev, 0, sizeof *ev);
}

size_t rollup(const struct child *c, size_t n, int as_of, struct rollup_row **out)
{
	struct child_eval *ev = xcalloc(n + 1, sizeof *ev);
	for (size_t i = 0; i < n; i++)
		child_evaluate(&c[i], as_of, &ev[i]);
	size_t nrows = rollup_evaluated(c, ev, n, out);
	for (size_t i = 0; i < n; i++)
		child_eval_free(&ev[i]);
	free(ev);
	return nrows;
}

size_t rollup_evaluated(const struct child *c, const struct child_eval *ev, size_t n,
                        struct rollup_row **out)
{
	struct rollup_state *s = rollup_state_new(c, ev, n, NULL, 0);
	const struct rollup_row *r;
	size_t nrows = rollup_state_rows(s, &r);
	*out = nrows ? xcalloc(nrows, sizeof **out) : NULL;
	if (nrows)
		memcpy(*out, r, nrows * sizeof **out);
	rollup_state_free(s);
	return nrows;
}

static int by_completion(const void *a, const void *b)
{
	const struct rank_row *x = a, *y = b;
	if (x->completion != y->completion)
		return x->completion > y->completion ? -1 : 1;
	return strcmp(x->code, y->code);
}

size_t rank_children(const struct child *c, size_t n, int as_of, struct rank_row **out)
{
	struct child_eval *ev = xcalloc(n + 1, sizeof *ev);
	for (size_t i = 0; i < n; i++)
		child_evaluate(&c[i], as_of, &ev[i]);
	size_t m = rank_evaluated(c, ev, n, out);
	for (size_t i = 0; i < n; i++)
		child_eval_free(&ev[i]);
	free(ev);
	return m;
}

static void rank_add(enum eval_status s, int *good, int *evaluated)
{
	*evaluated += s != EVAL_NOT_EVALUATED;
	*good += s == EVAL_MET || s == EVAL_EXCEEDED || s == EVAL_ON_TRACK;
}

void rank_count(const struct status_row *st, size_t n, int *good, int *evaluated)
{
	for (size_t k = 0; k < n; k++)
		rank_add(st[k].r.status, good, evaluated);
}

void rank_count_kept(const struct child_row *st, size_t n, int *good, int *evaluated)
{
	for (size_t k = 0; k < n; k++)
		rank_add(st[k].r.status, good, evaluated);
}

size_t rank_evaluated(const struct child *c, const struct child_eval *ev, size_t n,
                      struct rank_row **out)
{
	*out = xcalloc(n + 1, sizeof **out);
	for (size_t i = 0; i < n; i++) {
		struct rank_row *r = &(*out)[i];
		r->code = c[i].code;
		r->name = c[i].name;
		rank_count_kept(ev[i].st, ev[i].nst, &r->good, &r->evaluated);
		r->completion = r->evaluated ? (double)r->good / r->evaluated : 0;
	}
	xqsort(*out, n, sizeof **out, by_completion);
	for (size_t i = 0; i < n; i++)
		(*out)[i].rank = i > 0 && (*out)[i].completion == (*out)[i - 1].completion
		                         ? (*out)[i - 1].rank
		                         : (int)i + 1;
	return n;
}
