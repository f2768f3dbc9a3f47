/* rollup_state.c: a roll-up by group partials, kept child by child. */
#include "rollup_state.h"

#include "text.h"
#include "util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A child behind on an indicator: how badly, and how far along. */
struct behind {
	const char *code;
	int severity;
	double progress;
};

/* One indicator over one group's children, folded in child order. The
 * sums start at 0 and add child after child, so that with one group the
 * roll-up is the plain sum in child order. */
struct part {
	int children, with_data, met, evaluated;
	int nlevel, nratio, unweighted; /* with data: a level, a ratio, no population */
	long goal_at;                   /* the first child with a level goal (-1: none) */
	int goal_rank;
	double num, den, val, vw, w, cnt;
	int count[AGG_MAX_LEVEL + 1]; /* children with data at each rank */
	struct behind worst[ROLLUP_WORST];
	int nworst;
};

struct rollup_state {
	size_t n, nrows, ngroups, stride;
	const struct indicator **first; /* each row's indicator, as first met */
	int *at;                        /* n x stride: the child's status row of each row, -1 */
	int *group;                     /* per child */
	size_t *gstart, *gmember; /* the children of group g: gmember[gstart[g]..gstart[g+1]) */
	struct part *part;        /* nrows x ngroups */
	struct rollup_row *rows;
	long folded;
};

static int severity(enum eval_status s)
{
	static const int sev[] = {0, 3, 0, 0, 1, 4, 5, 6}; /* not met worst, then off track ... */
	return (unsigned)s < 8 ? sev[s] : 0;
}

static int worse_first(const struct behind *x, const struct behind *y)
{
	if (x->severity != y->severity)
		return y->severity - x->severity;
	if (x->progress != y->progress)
		return x->progress < y->progress ? -1 : 1;
	return strcmp(x->code, y->code);
}

/* b into the worst kept, in order (the first ROLLUP_WORST of a sort of
 * all by worse_first). */
static void worst_add(struct behind *w, int *nw, const struct behind *b)
{
	int at = *nw;
	while (at > 0 && worse_first(b, &w[at - 1]) < 0)
		at--;
	if (at >= ROLLUP_WORST)
		return;
	int last = *nw < ROLLUP_WORST ? *nw : ROLLUP_WORST - 1;
	memmove(&w[at + 1], &w[at], (size_t)(last - at) * sizeof *w);
	w[at] = *b;
	if (*nw < ROLLUP_WORST)
		(*nw)++;
}

/* Row j over group g's children. */
static void fold(struct rollup_state *s, const struct child *c, const struct child_eval *ev,
                 size_t j, size_t g)
{
	struct part *p = &s->part[j * s->ngroups + g];
	memset(p, 0, sizeof *p);
	p->goal_at = -1;
	for (size_t m = s->gstart[g]; m < s->gstart[g + 1]; m++) {
		size_t i = s->gmember[m];
		int k = s->at[i * s->stride + j];
		if (k < 0)
			continue;
		const struct child_row *row = &ev[i].st[k];
		p->children++;
		if (p->goal_at < 0 && row->target && row->target->kind == TARGET_LEVEL &&
		    row->target->rank) {
			p->goal_at = (long)i;
			p->goal_rank = row->target->rank;
		}
		enum eval_status st = row->r.status;
		p->evaluated += st != EVAL_NOT_EVALUATED;
		p->met += st == EVAL_MET || st == EVAL_EXCEEDED || st == EVAL_ON_TRACK;
		if (severity(st)) {
			struct behind b = {c[i].code, severity(st),
			                   row->r.has_progress ? row->r.progress : 0};
			worst_add(p->worst, &p->nworst, &b);
		}
		if (!row->has_point)
			continue;
		double v = row->point, w = (double)c[i].population;
		p->with_data++;
		p->nlevel += row->has_level;
		p->nratio += row->has_ratio;
		p->num += row->has_ratio ? row->num : v;
		p->den += row->has_ratio ? row->den : 0;
		p->val += v;
		p->vw += v * w;
		p->w += w;
		p->cnt += 1;
		p->unweighted += !(w > 0);
		int rank = (int)v;
		if (rank >= 0 && rank <= AGG_MAX_LEVEL)
			p->count[rank]++;
	}
}

/* Row j from its groups' partials, combined in group order. */
static void combine(struct rollup_state *s, size_t j)
{
	struct rollup_row *r = &s->rows[j];
	const struct indicator *x = s->first[j];
	memset(r, 0, sizeof *r);
	r->code = x->code;
	r->name = x->name;
	r->unit = x->unit;
	struct part t = {.goal_at = -1};
	for (size_t g = 0; g < s->ngroups; g++) {
		const struct part *p = &s->part[j * s->ngroups + g];
		t.children += p->children;
		t.with_data += p->with_data;
		t.met += p->met;
		t.evaluated += p->evaluated;
		t.nlevel += p->nlevel;
		t.nratio += p->nratio;
		t.unweighted += p->unweighted;
		if (p->goal_at >= 0 && (t.goal_at < 0 || p->goal_at < t.goal_at)) {
			t.goal_at = p->goal_at;
			t.goal_rank = p->goal_rank;
		}
		t.num += p->num;
		t.den += p->den;
		t.val += p->val;
		t.vw += p->vw;
		t.w += p->w;
		t.cnt += p->cnt;
		for (int k = 0; k <= AGG_MAX_LEVEL; k++)
			t.count[k] += p->count[k];
		for (int k = 0; k < p->nworst; k++)
			worst_add(t.worst, &t.nworst, &p->worst[k]);
	}
	r->children = t.children;
	r->with_data = t.with_data;
	r->meeting.met = t.met;
	r->meeting.evaluated = t.evaluated;
	r->meeting.share = t.evaluated ? (double)t.met / t.evaluated : 0;
	for (int k = 0; k < t.nworst; k++)
		r->worst[r->nworst++] = t.worst[k].code;
	bool pct = observation_percent(x->unit);
	if (t.nlevel) {
		r->nature = AGG_LEVEL;
		for (int k = 0; k <= AGG_MAX_LEVEL; k++) {
			r->levels.count[k] = t.count[k];
			r->levels.total += t.count[k];
			r->levels.at_or_above += k >= t.goal_rank ? t.count[k] : 0;
		}
		r->levels.share =
		        r->levels.total ? (double)r->levels.at_or_above / r->levels.total : 0;
	} else if (t.nratio) {
		r->nature = AGG_RATIO;
		r->has_value = t.den > 0;
		if (r->has_value)
			r->value = 100 * t.num / t.den;
		if (!pct && r->has_value)
			r->value /= 100;
	} else if (observation_rate(x->unit) || pct) {
		/* weighted by population when every child with data has one, else
		 * the plain mean (agg_weighted) */
		double a = t.unweighted ? t.val : t.vw, b = t.unweighted ? t.cnt : t.w;
		r->nature = AGG_RATE;
		r->weighted_percent = pct;
		r->has_value = b > 0;
		if (r->has_value)
			r->value = a / b;
	} else {
		r->nature = AGG_COUNT;
		r->value = t.val;
		r->has_value = t.with_data > 0;
	}
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

/* The rows (every code in the order the children's plans first name it)
 * and each child's status row of each: the last of its plan with that
 * code. */
static void rows_make(struct rollup_state *s, const struct child *c, const struct child_eval *ev)
{
	struct codes t = {0};
	size_t fcap = 0;
	for (size_t i = 0; i < s->n; i++)
		for (size_t k = 0; k < c[i].plan->nind; k++) {
			const struct indicator *x = &c[i].plan->ind[k];
			size_t slot;
			if (t.cap && codes_find(&t, x->code, &slot) >= 0)
				continue;
			s->first = xgrow(s->first, &fcap, s->nrows + 1, sizeof *s->first);
			s->first[s->nrows] = x;
			codes_put(&t, x->code, (int)s->nrows++);
		}
	s->stride = s->nrows ? s->nrows : 1;
	s->at = xmalloc((s->n * s->stride + 1) * sizeof *s->at);
	for (size_t i = 0; i < s->n * s->stride; i++)
		s->at[i] = -1;
	for (size_t i = 0; i < s->n; i++)
		for (size_t k = 0; k < ev[i].nst; k++) {
			size_t slot;
			int row = t.cap ? codes_find(&t, ev[i].st[k].ind->code, &slot) : -1;
			if (row >= 0) /* in plan order: the last one stays */
				s->at[i * s->stride + (size_t)row] = (int)k;
		}
	free(t.code);
	free(t.row);
}

struct rollup_state *rollup_state_new(const struct child *c, const struct child_eval *ev, size_t n,
                                      const int *group, size_t ngroups)
{
	struct rollup_state *s = xcalloc(1, sizeof *s);
	s->n = n;
	s->ngroups = group ? ngroups : 1;
	s->group = xcalloc(n + 1, sizeof *s->group);
	s->gstart = xcalloc(s->ngroups + 2, sizeof *s->gstart);
	s->gmember = xcalloc(n + 1, sizeof *s->gmember);
	for (size_t i = 0; i < n; i++) {
		s->group[i] = group ? group[i] : 0;
		s->gstart[s->group[i] + 1]++;
	}
	for (size_t g = 0; g < s->ngroups; g++)
		s->gstart[g + 1] += s->gstart[g];
	size_t *fill = xcalloc(s->ngroups + 1, sizeof *fill);
	for (size_t i = 0; i < n; i++) /* in child order within each group */
		s->gmember[s->gstart[s->group[i]] + fill[s->group[i]]++] = i;
	free(fill);
	rows_make(s, c, ev);
	s->part = xcalloc(s->nrows * s->ngroups + 1, sizeof *s->part);
	s->rows = xcalloc(s->nrows + 1, sizeof *s->rows);
	for (size_t j = 0; j < s->nrows; j++) {
		for (size_t g = 0; g < s->ngroups; g++)
			fold(s, c, ev, j, g);
		combine(s, j);
	}
	s->folded = (long)(n + s->ngroups);
	return s;
}

void rollup_state_update(struct rollup_state *s, const struct child *c, const struct child_eval *ev,
                         const size_t *changed, size_t nchanged)
{
	bool *redo = xcalloc(s->ngroups + 1, sizeof *redo);
	bool any = false;
	for (size_t k = 0; k < nchanged; k++)
		if (changed[k] < s->n) {
			size_t g = (size_t)s->group[changed[k]];
			any |= !redo[g];
			if (!redo[g])
				s->folded += (long)(s->gstart[g + 1] - s->gstart[g]);
			redo[g] = true;
		}
	for (size_t j = 0; any && j < s->nrows; j++) {
		for (size_t g = 0; g < s->ngroups; g++)
			if (redo[g])
				fold(s, c, ev, j, g);
		combine(s, j);
	}
	if (any)
		s->folded += (long)s->ngroups;
	free(redo);
}

size_t rollup_state_rows(const struct rollup_state *s, const struct rollup_row **out)
{
	*out = s->rows;
	return s->nrows;
}

long rollup_state_folded(const struct rollup_state *s)
{
	return s->folded;
}

void rollup_state_free(struct rollup_state *s)
{
	if (!s)
		return;
	free(s->first);
	free(s->at);
	free(s->group);
	free(s->gstart);
	free(s->gmember);
	free(s->part);
	free(s->rows);
	free(s);
}

size_t rollup_groups(const char *const *top, size_t n, int **group)
{
	*group = xcalloc(n + 1, sizeof **group);
	if (!top)
		return 1;
	const char **name = xcalloc(n + 1, sizeof *name);
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		size_t g = m && !strcmp(name[m - 1], top[i]) ? m - 1 : 0;
		while (g < m && strcmp(name[g], top[i]))
			g++;
		if (g == m)
			name[m++] = top[i];
		(*group)[i] = (int)g;
	}
	free(name);
	if (m == n) /* every child alone (a province's communes): one group */
		memset(*group, 0, n * sizeof **group);
	return m && m < n ? m : 1;
}
