/* rollup.c: provinces from communes. */
#include "rollup.h"

#include "period.h"
#include "text.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* The latest figure of code up to as_of in a child's figures. */
static const struct obs_rec *latest(const struct child *c, const char *code, int as_of)
{
	const struct obs_rec *best = NULL;
	int best_month = -1;
	for (size_t i = 0; i < c->nobs; i++) {
		struct period p;
		const char *why;
		int first, last;
		if (!c->obs[i].code || strcmp(c->obs[i].code, code) ||
		    period_parse(c->obs[i].period, &p, &why))
			continue;
		period_months(&p, &first, &last);
		if (last <= as_of && last > best_month) {
			best = &c->obs[i];
			best_month = last;
		}
	}
	return best;
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

/* One indicator over all children. */
static void roll_one(const struct child *c, size_t n, int as_of, const struct indicator *x,
                     struct status_row **st, struct rollup_row *r)
{
	struct acc a = {xcalloc(n + 1, sizeof(double)),
	                xcalloc(n + 1, sizeof(double)),
	                xcalloc(n + 1, sizeof(double)),
	                xcalloc(n + 1, sizeof(double)),
	                xcalloc(n + 1, sizeof(int)),
	                0,
	                false};
	bool level = false, pct = observation_percent(x->unit);
	int goal_rank = 0; /* the level asked at the milestone the statuses use */
	struct behind *b = xcalloc(n + 1, sizeof *b);
	size_t nb = 0;
	for (size_t i = 0; i < n; i++) {
		const struct status_row *row = NULL;
		for (size_t k = 0; k < c[i].plan->nind; k++)
			if (!strcmp(st[i][k].ind->code, x->code))
				row = &st[i][k];
		if (!row)
			continue;
		r->children++;
		if (!goal_rank && row->target && row->target->kind == TARGET_LEVEL)
			goal_rank = row->target->rank;
		enum eval_status s = row->r.status;
		agg_meeting_add(&r->meeting, s != EVAL_NOT_EVALUATED,
		                s == EVAL_MET || s == EVAL_EXCEEDED || s == EVAL_ON_TRACK);
		if (severity(s))
			b[nb++] = (struct behind){c[i].code, severity(s),
			                          row->r.has_progress ? row->r.progress : 0};
		const struct obs_rec *o = latest(&c[i], x->code, as_of);
		double v;
		if (!o || !status_point(row->ind, o, &v))
			continue;
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
	free(b);
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
	acc_free(&a);
}

size_t rollup(const struct child *c, size_t n, int as_of, struct rollup_row **out)
{
	struct status_row **st = xcalloc(n + 1, sizeof *st);
	for (size_t i = 0; i < n; i++)
		status_evaluate(c[i].plan, c[i].obs, c[i].nobs, as_of, EVAL_LINEAR, &st[i]);
	size_t nrows = 0, cap = 0;
	*out = NULL;
	for (size_t i = 0; i < n; i++) {
		for (size_t k = 0; k < c[i].plan->nind; k++) {
			const struct indicator *x = &c[i].plan->ind[k];
			bool seen = false;
			for (size_t j = 0; j < nrows && !seen; j++)
				seen = !strcmp((*out)[j].code, x->code);
			if (seen)
				continue;
			*out = xgrow(*out, &cap, nrows + 1, sizeof **out);
			struct rollup_row *r = &(*out)[nrows++];
			memset(r, 0, sizeof *r);
			r->code = x->code;
			r->name = x->name;
			r->unit = x->unit;
			roll_one(c, n, as_of, x, st, r);
		}
	}
	for (size_t i = 0; i < n; i++)
		free(st[i]);
	free(st);
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
	*out = xcalloc(n + 1, sizeof **out);
	for (size_t i = 0; i < n; i++) {
		struct status_row *st;
		size_t m = status_evaluate(c[i].plan, c[i].obs, c[i].nobs, as_of, EVAL_LINEAR, &st);
		struct rank_row *r = &(*out)[i];
		r->code = c[i].code;
		r->name = c[i].name;
		for (size_t k = 0; k < m; k++) {
			enum eval_status s = st[k].r.status;
			r->evaluated += s != EVAL_NOT_EVALUATED;
			r->good += s == EVAL_MET || s == EVAL_EXCEEDED || s == EVAL_ON_TRACK;
		}
		r->completion = r->evaluated ? (double)r->good / r->evaluated : 0;
		free(st);
	}
	xqsort(*out, n, sizeof **out, by_completion);
	for (size_t i = 0; i < n; i++)
		(*out)[i].rank = i > 0 && (*out)[i].completion == (*out)[i - 1].completion
		                         ? (*out)[i - 1].rank
		                         : (int)i + 1;
	return n;
}
