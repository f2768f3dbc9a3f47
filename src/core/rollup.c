/* rollup.c: provinces from communes. */
#include "rollup.h"

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
	ev->nst = status_evaluate(c->plan, c->obs, c->nobs, as_of, EVAL_LINEAR, &ev->st);
	ev->latest = xcalloc(ev->nst + 1, sizeof *ev->latest);
	ev->ix = xcalloc(ev->nst + 1, sizeof *ev->ix);
	int *best = xcalloc(ev->nst + 1, sizeof *best);
	for (size_t k = 0; k < ev->nst; k++) {
		ev->ix[k] = (struct rollup_ix){ev->st[k].ind->code, k};
		best[k] = -1;
	}
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
				ev->latest[k] = &c->obs[i];
			}
		}
	}
	free(best);
	ev->point = xcalloc(ev->nst + 1, sizeof *ev->point);
	ev->has_point = xcalloc(ev->nst + 1, sizeof *ev->has_point);
	for (size_t k = 0; k < ev->nst; k++)
		ev->has_point[k] =
		        ev->latest[k] && status_point(ev->st[k].ind, ev->latest[k], &ev->point[k]);
}

void child_eval_free(struct child_eval *ev)
{
	free(ev->st);
	free(ev->latest);
	free(ev->point);
	free(ev->has_point);
	free(ev->ix);
	memset(ev, 0, sizeof *ev);
}

static int severity(enum eval_status s)
{
	static const int sev[] = {0, 3, 0, 0, 1, 4, 5, 6}; /* not met worst, then off track ... */
	return (unsigned)s < 8 ? sev[s] : 0;
}

/* A commune behind on an indicator: how badly, and how far along. */
struct behind {
	const char *code;
	int severity;
	double progress;
};

static int worse_first(const void *a, const void *b)
{
	const struct behind *x = a, *y = b;
	if (x->severity != y->severity)
		return y->severity - x->severity;
	if (x->progress != y->progress)
		return x->progress < y->progress ? -1 : 1;
	return strcmp(x->code, y->code);
}

struct acc {
	double *num, *den, *val, *w;
	int *rank;
	size_t n;
	bool ratio;
};

static void acc_free(struct acc *a)
{
	free(a->num);
	free(a->den);
	free(a->val);
	free(a->w);
	free(a->rank);
}

/* One indicator over all children; at[i]: the child's status row for it
 * (ix_last), -1 when it has none. */
static void roll_one(const struct child *c, const struct child_eval *ev, size_t n,
                     const struct indicator *x, const int *at, size_t stride, struct acc *scratch,
                     struct behind *b, struct rollup_row *r)
{
	struct acc a = *scratch; /* n + 1 of each; the first a.n are filled below */
	a.n = 0;
	a.ratio = false;
	bool level = false, pct = observation_percent(x->unit);
	int goal_rank = 0; /* the level asked at the milestone the statuses use */
	size_t nb = 0;
	for (size_t i = 0; i < n; i++) {
		long k = at[i * stride];
		if (k < 0)
			continue;
		const struct status_row *row = &ev[i].st[k];
		r->children++;
		if (!goal_rank && row->target && row->target->kind == TARGET_LEVEL)
			goal_rank = row->target->rank;
		enum eval_status s = row->r.status;
		agg_meeting_add(&r->meeting, s != EVAL_NOT_EVALUATED,
		                s == EVAL_MET || s == EVAL_EXCEEDED || s == EVAL_ON_TRACK);
		if (severity(s))
			b[nb++] = (struct behind){c[i].code, severity(s),
			                          row->r.has_progress ? row->r.progress : 0};
		const struct obs_rec *o = ev[i].latest[k];
		if (!o || !ev[i].has_point[k])
			continue;
		double v = ev[i].point[k];
		r->with_data++;
		level |= o->has_level;
		a.ratio |= o->has_ratio;
		a.num[a.n] = o->has_ratio ? o->num : v;
		a.den[a.n] = o->has_ratio ? o->den : 0;
		a.val[a.n] = v;
		a.w[a.n] = (double)c[i].population;
		a.rank[a.n] = (int)v;
		a.n++;
	}
	xqsort(b, nb, sizeof *b, worse_first);
	for (size_t k = 0; k < nb && k < ROLLUP_WORST; k++)
		r->worst[r->nworst++] = b[k].code;
	if (level) {
		r->nature = AGG_LEVEL;
		agg_levels(a.rank, a.n, goal_rank, &r->levels);
	} else if (a.ratio) {
		r->nature = AGG_RATIO;
		r->has_value = agg_ratio(a.num, a.den, a.n, &r->value);
		if (!pct && r->has_value)
			r->value /= 100;
	} else if (observation_rate(x->unit) || pct) {
		r->nature = AGG_RATE;
		r->weighted_percent = pct;
		r->has_value = agg_weighted(a.val, a.w, a.n, &r->value);
	} else {
		r->nature = AGG_COUNT;
		r->has_value = agg_count(a.val, a.n, &r->value) && a.n;
	}
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

/* The rows' codes, each to its row: open addressing over a power of two. */
struct codes {
	const char **code;
	int *row;
	size_t cap, n;
};

static uint64_t code_hash(const char *s)
{
	uint64_t h = 1469598103934665603ull; /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

/* The row of code, or -1; *slot where it would go. */
static int codes_find(const struct codes *t, const char *code, size_t *slot)
{
	size_t i = (size_t)code_hash(code) & (t->cap - 1);
	while (t->code[i] && strcmp(t->code[i], code))
		i = (i + 1) & (t->cap - 1);
	*slot = i;
	return t->code[i] ? t->row[i] : -1;
}

static void codes_put(struct codes *t, const char *code, int row)
{
	if (2 * (t->n + 1) > t->cap) {
		struct codes g = {xcalloc(t->cap ? 2 * t->cap : 64, sizeof *g.code),
		                  xcalloc(t->cap ? 2 * t->cap : 64, sizeof *g.row),
		                  t->cap ? 2 * t->cap : 64, t->n};
		for (size_t i = 0; i < t->cap; i++)
			if (t->code[i]) {
				size_t at;
				codes_find(&g, t->code[i], &at);
				g.code[at] = t->code[i];
				g.row[at] = t->row[i];
			}
		free(t->code);
		free(t->row);
		*t = g;
	}
	size_t at;
	codes_find(t, code, &at);
	t->code[at] = code;
	t->row[at] = row;
	t->n++;
}

size_t rollup_evaluated(const struct child *c, const struct child_eval *ev, size_t n,
                        struct rollup_row **out)
{
	size_t nrows = 0, cap = 0;
	struct codes t = {0};
	const struct indicator **first = NULL; /* each row's indicator, as first met */
	size_t fcap = 0;
	*out = NULL;
	/* The rows: every code in the order the children's plans first name it. */
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < c[i].plan->nind; k++) {
			const struct indicator *x = &c[i].plan->ind[k];
			size_t slot;
			if (t.cap && codes_find(&t, x->code, &slot) >= 0)
				continue;
			first = xgrow(first, &fcap, nrows + 1, sizeof *first);
			first[nrows] = x;
			codes_put(&t, x->code, (int)nrows++);
		}
	/* Each child's status row of each row's code: the last of its plan
	 * with that code, as ix_last finds it. */
	size_t stride = nrows ? nrows : 1;
	int *at = xmalloc((n * stride + 1) * sizeof *at);
	for (size_t i = 0; i < n * stride; i++)
		at[i] = -1;
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < ev[i].nst; k++) {
			size_t slot;
			int row = t.cap ? codes_find(&t, ev[i].st[k].ind->code, &slot) : -1;
			if (row >= 0) /* in plan order: the last one stays */
				at[i * stride + (size_t)row] = (int)k;
		}
	/* Room for one row's figures, used row after row. */
	struct acc a = {xcalloc(n + 1, sizeof(double)),
	                xcalloc(n + 1, sizeof(double)),
	                xcalloc(n + 1, sizeof(double)),
	                xcalloc(n + 1, sizeof(double)),
	                xcalloc(n + 1, sizeof(int)),
	                0,
	                false};
	struct behind *b = xcalloc(n + 1, sizeof *b);
	for (size_t j = 0; j < nrows; j++) {
		*out = xgrow(*out, &cap, j + 1, sizeof **out);
		struct rollup_row *r = &(*out)[j];
		memset(r, 0, sizeof *r);
		r->code = first[j]->code;
		r->name = first[j]->name;
		r->unit = first[j]->unit;
		roll_one(c, ev, n, first[j], at + j, stride, &a, b, r);
	}
	acc_free(&a);
	free(b);
	free(at);
	free(first);
	free(t.code);
	free(t.row);
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

void rank_count(const struct status_row *st, size_t n, int *good, int *evaluated)
{
	for (size_t k = 0; k < n; k++) {
		enum eval_status s = st[k].r.status;
		*evaluated += s != EVAL_NOT_EVALUATED;
		*good += s == EVAL_MET || s == EVAL_EXCEEDED || s == EVAL_ON_TRACK;
	}
}

size_t rank_evaluated(const struct child *c, const struct child_eval *ev, size_t n,
                      struct rank_row **out)
{
	*out = xcalloc(n + 1, sizeof **out);
	for (size_t i = 0; i < n; i++) {
		struct rank_row *r = &(*out)[i];
		r->code = c[i].code;
		r->name = c[i].name;
		rank_count(ev[i].st, ev[i].nst, &r->good, &r->evaluated);
		r->completion = r->evaluated ? (double)r->good / r->evaluated : 0;
	}
	xqsort(*out, n, sizeof **out, by_completion);
	for (size_t i = 0; i < n; i++)
		(*out)[i].rank = i > 0 && (*out)[i].completion == (*out)[i - 1].completion
		                         ? (*out)[i - 1].rank
		                         : (int)i + 1;
	return n;
}
