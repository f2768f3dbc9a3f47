/* status.c: a plan's indicators evaluated at a period. */
#include "status.h"

#include "agency.h"
#include "period.h"
#include "text.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

bool status_point(const struct indicator *x, const struct obs_rec *o, double *v)
{
	if (o->has_value) {
		*v = o->value;
		return true;
	}
	if (o->has_ratio && o->den > 0) {
		*v = observation_percent(x->unit) ? 100 * o->num / o->den : o->num / o->den;
		return true;
	}
	if (o->has_yes) {
		*v = o->yes;
		return true;
	}
	if (o->has_level && o->level) {
		char *f = text_fold(o->level);
		bool found = false;
		for (int i = 0; i < x->ntargets && !found; i++) {
			const struct target *t = &x->targets[i].t;
			if (t->kind != TARGET_LEVEL || !t->level)
				continue;
			char *g = text_fold(t->level);
			if (!strcmp(f, g)) {
				*v = t->rank;
				found = true;
			}
			free(g);
		}
		free(f);
		return found;
	}
	return false;
}

static int by_month(const void *a, const void *b)
{
	const struct eval_point *x = a, *y = b;
	return (x->month > y->month) - (x->month < y->month);
}

/* The figures of indicator x up to as_of, as points by month. */
static size_t points_of(const struct indicator *x, const struct obs_rec *f, size_t nf, int as_of,
			struct eval_point **out)
{
	size_t n = 0;
	*out = xcalloc(nf + 1, sizeof **out);
	for (size_t i = 0; i < nf; i++) {
		struct period p;
		const char *why;
		int first, last;
		double v;
		if (!f[i].code || strcmp(f[i].code, x->code) || period_parse(f[i].period, &p, &why))
			continue;
		period_months(&p, &first, &last);
		if (last > as_of || !status_point(x, &f[i], &v))
			continue;
		(*out)[n++] = (struct eval_point){last, v};
	}
	qsort(*out, n, sizeof **out, by_month);
	return n;
}

size_t status_evaluate(const struct plan *p, const struct obs_rec *f, size_t nf, int as_of,
		       enum eval_method method, struct status_row **out)
{
	*out = xcalloc(p->nind + 1, sizeof **out);
	for (size_t i = 0; i < p->nind; i++) {
		const struct indicator *x = &p->ind[i];
		struct status_row *row = &(*out)[i];
		row->ind = x;
		/* The coming milestone that sets a target, else the last that does. */
		int k = -1, last = -1;
		for (int j = 0; j < x->ntargets; j++) {
			if (x->targets[j].t.kind == TARGET_NONE)
				continue;
			last = j;
			if (k < 0 && x->targets[j].year * 12 + 11 >= as_of)
				k = j;
		}
		k = k >= 0 ? k : last >= 0 ? last : 0;
		struct eval_input in = {.method = method, .as_of = as_of};
		if (x->ntargets) {
			row->year = x->targets[k].year;
			row->target = &x->targets[k].t;
			in.target = row->target;
			in.year = row->year;
			/* "Duy trì" holds the last target before it that is not itself one. */
			int j = k - 1;
			while (j > 0 && row->target->kind == TARGET_MAINTAIN &&
			       x->targets[j].t.kind == TARGET_MAINTAIN)
				j--;
			if (j >= 0) {
				in.previous = &x->targets[j].t;
				in.previous_year = x->targets[j].year;
			}
		}
		in.has_baseline = x->has_baseline;
		in.baseline = x->baseline;
		in.baseline_year = p->baseline_year ? p->baseline_year
				   : x->ntargets   ? x->targets[0].year - 1
						   : 0;
		struct eval_point *pts;
		in.nobs = points_of(x, f, nf, as_of, &pts);
		in.obs = pts;
		eval_indicator(&in, &row->r);
		free(pts);
	}
	return p->nind;
}

static struct summary_row *find_row(struct summary_row **v, size_t *n, size_t *cap, size_t from,
				    const char *key, const char *name)
{
	for (size_t i = from; i < *n; i++)
		if (!strcmp((*v)[i].key, key))
			return &(*v)[i];
	*v = xgrow(*v, cap, *n + 1, sizeof **v);
	struct summary_row *r = &(*v)[(*n)++];
	memset(r, 0, sizeof *r);
	r->key = xstrdup(key);
	r->name = name ? xstrdup(name) : NULL;
	return r;
}

static void count(struct summary_row *r, enum eval_status s)
{
	r->evaluated += s != EVAL_NOT_EVALUATED;
	r->good += s == EVAL_MET || s == EVAL_EXCEEDED || s == EVAL_ON_TRACK;
	r->completion = r->evaluated ? (double)r->good / r->evaluated : 0;
}

static int by_completion(const void *a, const void *b)
{
	const struct summary_row *x = a, *y = b;
	if (x->completion != y->completion)
		return x->completion > y->completion ? -1 : 1;
	return strcmp(x->key, y->key);
}

size_t status_summary(const struct plan *p, const struct status_row *r, size_t n,
		      struct summary_row **out, size_t *ngroups)
{
	size_t m = 0, cap = 0;
	*out = NULL;
	find_row(out, &m, &cap, 0, "", "Toàn kế hoạch");
	for (size_t g = 0; g < p->ngroups; g++)
		find_row(out, &m, &cap, 1, p->groups[g].code, p->groups[g].name);
	*ngroups = m;
	for (size_t i = 0; i < n; i++) {
		enum eval_status s = r[i].r.status;
		count(&(*out)[0], s);
		for (size_t g = 1; g < *ngroups; g++)
			if (!strcmp((*out)[g].key, r[i].ind->group))
				count(&(*out)[g], s);
		if (!r[i].ind->lead)
			continue;
		char **names;
		size_t nn = agency_split(r[i].ind->lead, &names);
		for (size_t k = 0; k < nn; k++) {
			/* The same agency however written: the first spelling names it. */
			const char *key = names[k];
			for (size_t j = *ngroups; j < m; j++)
				if (agency_likeness((*out)[j].key, names[k]) >= AGENCY_SAME) {
					key = (*out)[j].key;
					break;
				}
			count(find_row(out, &m, &cap, *ngroups, key, NULL), s);
			free(names[k]);
		}
		free(names);
	}
	qsort(&(*out)[*ngroups], m - *ngroups, sizeof **out, by_completion);
	for (size_t i = *ngroups; i < m; i++)
		(*out)[i].rank = i > *ngroups && (*out)[i].completion == (*out)[i - 1].completion
					 ? (*out)[i - 1].rank
					 : (int)(i - *ngroups) + 1;
	return m;
}

void summary_free(struct summary_row *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(s[i].key);
		free(s[i].name);
	}
	free(s);
}
