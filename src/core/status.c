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

/* The period of kind grain that holds a, when a lies wholly within one. */
static bool bucket_of(const struct period *a, enum period_kind grain, struct period *b)
{
	int first, last;
	period_months(a, &first, &last);
	int m = last % 12;
	b->kind = grain;
	b->year = last / 12;
	b->index = grain == PERIOD_MONTH     ? m + 1
	           : grain == PERIOD_QUARTER ? m / 3 + 1
	           : grain == PERIOD_HALF    ? m / 6 + 1
	                                     : 0;
	return period_valid(b) && period_within(a, b);
}

struct part {
	const struct obs_rec *o;
	struct period per, bucket;
	/* The order of part_order made once: the code's rank among the
	 * codes (as strcmp orders them) and each period's key (period_key). */
	int code;
	int bkey[5], pkey[5];
};

/* What period_cmp compares, in its order: the last month, the length,
 * the kind, the year, the index. */
static void period_key(const struct period *p, int k[5])
{
	int first, last;
	period_months(p, &first, &last);
	k[0] = last;
	k[1] = last - first;
	k[2] = (int)p->kind;
	k[3] = p->year;
	k[4] = p->index;
}

static int key_cmp(const int *a, const int *b)
{
	for (int i = 0; i < 5; i++)
		if (a[i] != b[i])
			return a[i] < b[i] ? -1 : 1;
	return 0;
}

/* By code, bucket, then longest first (a quarter before its months). */
static int part_order(const void *a, const void *b)
{
	const struct part *x = a, *y = b;
	int c = (x->code > y->code) - (x->code < y->code);
	if (!c)
		c = key_cmp(x->bkey, y->bkey);
	if (!c)
		c = (y->pkey[1] > x->pkey[1]) - (y->pkey[1] < x->pkey[1]);
	if (!c)
		c = key_cmp(x->pkey, y->pkey);
	return c;
}

static size_t text_hash(const char *s)
{
	size_t h = 1469598103934665603u; /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Each of the n codes ranked among them as strcmp orders them (rank[i]),
 * told apart once by a hash (a few dozen in thousands of figures), so
 * that sorting compares numbers, not strings. Returns how many differ. */
static size_t rank_codes(const char *const *code, size_t np, int *rank)
{
	size_t nslot = 64, n = 0;
	const char **slot = xcalloc(nslot, sizeof *slot), **codes = NULL;
	size_t *id = xcalloc(nslot, sizeof *id), cap = 0;
	for (size_t i = 0; i < np; i++) {
		if (2 * (n + 1) > nslot) { /* grow: every code placed again */
			size_t m = nslot * 2;
			const char **s2 = xcalloc(m, sizeof *s2);
			size_t *id2 = xcalloc(m, sizeof *id2);
			for (size_t k = 0; k < nslot; k++) {
				if (!slot[k])
					continue;
				size_t h = text_hash(slot[k]) & (m - 1);
				while (s2[h])
					h = (h + 1) & (m - 1);
				s2[h] = slot[k];
				id2[h] = id[k];
			}
			free(slot);
			free(id);
			slot = s2;
			id = id2;
			nslot = m;
		}
		size_t h = text_hash(code[i]) & (nslot - 1);
		while (slot[h] && slot[h] != code[i] && strcmp(slot[h], code[i]))
			h = (h + 1) & (nslot - 1);
		if (!slot[h]) {
			slot[h] = code[i];
			id[h] = n;
			codes = xgrow(codes, &cap, n + 1, sizeof *codes);
			codes[n++] = code[i];
		}
		rank[i] = (int)id[h];
	}
	/* Ids in the order first seen -> ranks in strcmp order. */
	const char **sorted = xcalloc(n + 1, sizeof *sorted);
	if (n)
		memcpy(sorted, codes, n * sizeof *sorted);
	xqsort(sorted, n, sizeof *sorted, str_cmp);
	int *to = xcalloc(n + 1, sizeof *to);
	for (size_t k = 0; k < n; k++) {
		/* codes[] holds each code once: find its place by a search. */
		size_t lo = 0, hi = n;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (strcmp(sorted[mid], codes[k]) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		to[k] = (int)lo;
	}
	for (size_t i = 0; i < np; i++)
		rank[i] = to[rank[i]];
	free(to);
	free(sorted);
	free(codes);
	free(slot);
	free(id);
	return n;
}

/* The parts' codes ranked (struct part's code). */
static void rank_parts(struct part *parts, size_t np)
{
	const char **code = xcalloc(np + 1, sizeof *code);
	int *rank = xcalloc(np + 1, sizeof *rank);
	for (size_t i = 0; i < np; i++)
		code[i] = parts[i].o->code;
	rank_codes(code, np, rank);
	for (size_t i = 0; i < np; i++)
		parts[i].code = rank[i];
	free(rank);
	free(code);
}

static struct obs_rec obs_copy(const struct obs_rec *o)
{
	return obs_rec_copy(o);
}

/* A count of what happens in a period ("Số sáng kiến … mỗi năm", unit
 * "Nhiệm vụ/năm"), which adds up over months; a stock ("Số doanh nghiệp
 * … trên địa bàn"), an index or a percentage does not and takes the latest. */
static bool is_flow(const struct indicator *x)
{
	if (!x || observation_percent(x->unit) || observation_rate(x->unit))
		return false;
	static const char *const said[] = {"moi nam", "hang nam",  "trong nam",
	                                   "/nam",    "moi thang", "hang thang"};
	for (size_t i = 0; i < sizeof said / sizeof said[0]; i++)
		if (text_fold_has(x->name ? x->name : "", said[i]) ||
		    text_fold_has(x->unit ? x->unit : "", said[i]))
			return true;
	return false;
}

/* One figure for the bucket from the parts g[0..n) (longest first) of an
 * indicator that is a flow or not (is_flow). */
static struct obs_rec derive(bool flow, struct part *g, size_t n)
{
	/* Keep a part only when it shares no month with a longer kept part: a
	 * recorded quarter beats its months, and 2025-9M beats 2025-H2 (which
	 * would count July to September twice). */
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		bool overlaps = false;
		int a0, a1, b0, b1;
		period_months(&g[i].per, &a0, &a1);
		for (size_t j = 0; j < k && !overlaps; j++) {
			period_months(&g[j].per, &b0, &b1);
			overlaps = a0 <= b1 && b0 <= a1;
		}
		if (!overlaps)
			g[k++] = g[i];
	}
	size_t latest = 0;
	bool count = true;
	double sum = 0;
	for (size_t i = 0; i < k; i++) {
		if (period_cmp(&g[i].per, &g[latest].per) > 0)
			latest = i;
		count &= g[i].o->has_value;
		sum += g[i].o->value;
	}
	count &= flow;
	struct obs_rec r = obs_copy(g[latest].o);
	if (count)
		r.value = sum;
	period_format(&g[0].bucket, r.period, sizeof r.period);
	free(r.note);
	/* "tổng hợp từ K kỳ", written without printf (one for each bucket
	 * of each indicator: a cold view of eight years makes thousands). */
	static const char head[] = "tổng hợp từ ", tail[] = " kỳ";
	char digits[24];
	size_t nd = 0;
	do
		digits[sizeof digits - ++nd] = (char)('0' + k % 10);
	while ((k /= 10) && nd < sizeof digits);
	r.note = xmalloc(sizeof head + nd + sizeof tail);
	memcpy(r.note, head, sizeof head - 1);
	memcpy(r.note + sizeof head - 1, digits + sizeof digits - nd, nd);
	memcpy(r.note + sizeof head - 1 + nd, tail, sizeof tail);
	return r;
}

size_t status_roll_periods(const struct plan *p, const struct obs_rec *f, size_t nf,
                           enum period_kind grain, struct obs_rec **out)
{
	*out = xcalloc(nf + 1, sizeof **out);
	struct part *parts = xcalloc(nf + 1, sizeof *parts);
	size_t n = 0, np = 0;
	for (size_t i = 0; i < nf; i++) {
		struct part pt = {.o = &f[i]};
		const char *why;
		if (f[i].code && !period_parse(f[i].period, &pt.per, &why) &&
		    bucket_of(&pt.per, grain, &pt.bucket)) {
			period_key(&pt.per, pt.pkey);
			period_key(&pt.bucket, pt.bkey);
			parts[np++] = pt;
		} else
			(*out)[n++] = obs_copy(&f[i]);
	}
	rank_parts(parts, np);
	xqsort(parts, np, sizeof *parts, part_order);
	/* Whether an indicator is a flow, once per code (the parts are by
	 * code): folding its name for each bucket was most of a cold
	 * quarter's evaluation over eight years of months (issue 13). */
	const char *flow_code = NULL;
	bool flow = false;
	for (size_t i = 0; i < np;) {
		size_t j = i + 1;
		while (j < np && parts[j].code == parts[i].code &&
		       !key_cmp(parts[j].bkey, parts[i].bkey))
			j++;
		if (!key_cmp(parts[i].pkey, parts[i].bkey)) {
			/* Recorded for the period itself: that figure alone. */
			for (size_t k = i; k < j && !key_cmp(parts[k].pkey, parts[k].bkey); k++)
				(*out)[n++] = obs_copy(parts[k].o);
		} else {
			if (!flow_code || strcmp(flow_code, parts[i].o->code)) {
				flow_code = parts[i].o->code;
				flow = is_flow(plan_find_indicator(p, flow_code));
			}
			(*out)[n++] = derive(flow, parts + i, j - i);
		}
		i = j;
	}
	free(parts);
	return n;
}

void status_roll_periods_in_place(const struct plan *p, struct obs_rec **f, size_t *nf,
                                  enum period_kind grain)
{
	if (grain == PERIOD_MONTH)
		return;
	struct obs_rec *rolled;
	size_t n = status_roll_periods(p, *f, *nf, grain, &rolled);
	for (size_t i = 0; i < *nf; i++)
		obs_rec_free(&(*f)[i]);
	free(*f);
	*f = rolled;
	*nf = n;
}

/* A figure's code and last month, parsed once per evaluation: the figures
 * by code (then in their order), so that each indicator finds its own by
 * a search instead of reading every figure again (a commune with eight
 * years of monthly figures has thousands). */
struct fig_ix {
	const char *code;
	int last;
	size_t i;
};

/* Figures read by evaluations, in this process (status_figures_read). */
static long figures_read;

long status_figures_read(void)
{
	return __atomic_load_n(&figures_read, __ATOMIC_RELAXED);
}

static size_t figs_index(const struct obs_rec *f, size_t nf, struct fig_ix **out)
{
	size_t n = 0;
	struct fig_ix *in = xcalloc(nf + 1, sizeof *in);
	for (size_t i = 0; i < nf; i++) {
		struct period p;
		const char *why;
		int first, last;
		if (!f[i].code || period_parse(f[i].period, &p, &why))
			continue;
		period_months(&p, &first, &last);
		in[n++] = (struct fig_ix){f[i].code, last, i};
	}
	/* By code (as strcmp orders them), then in their order: the codes ranked once,
	 * the figures placed by a counting sort (stable), no string compared
	 * for each pair (two thirds of a cold month's evaluation over eight
	 * years of months before). */
	const char **code = xcalloc(n + 1, sizeof *code);
	int *rank = xcalloc(n + 1, sizeof *rank);
	for (size_t i = 0; i < n; i++)
		code[i] = in[i].code;
	size_t ncodes = rank_codes(code, n, rank);
	size_t *at = xcalloc(ncodes + 1, sizeof *at);
	for (size_t i = 0; i < n; i++)
		at[rank[i] + 1]++;
	for (size_t k = 1; k <= ncodes; k++)
		at[k] += at[k - 1];
	*out = xcalloc(n + 1, sizeof **out);
	for (size_t i = 0; i < n; i++)
		(*out)[at[rank[i]]++] = in[i];
	free(at);
	free(rank);
	free(code);
	free(in);
	return n;
}

/* A point and its place among the figures (a tie on the month keeps
 * their order, as a stable sort of them alone would). */
struct point_at {
	struct eval_point pt;
	size_t k;
};

static int by_month(const void *a, const void *b)
{
	const struct point_at *x = a, *y = b;
	if (x->pt.month != y->pt.month)
		return (x->pt.month > y->pt.month) - (x->pt.month < y->pt.month);
	return (x->k > y->k) - (x->k < y->k);
}

/* The figures of indicator x up to month upto, as points by month, read
 * once: the points up to an earlier month are the first of them. */
static size_t points_of(const struct indicator *x, const struct obs_rec *f, const struct fig_ix *ix,
                        size_t nix, int upto, struct eval_point **out, long *read)
{
	size_t lo = 0, hi = nix, n = 0;
	while (lo < hi) { /* the first entry >= x->code */
		size_t mid = (lo + hi) / 2;
		if (strcmp(ix[mid].code, x->code) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	hi = lo;
	while (hi < nix && !strcmp(ix[hi].code, x->code))
		hi++;
	*read += (long)(hi - lo);
	struct point_at *at = xcalloc(hi - lo + 1, sizeof *at);
	for (size_t k = lo; k < hi; k++) {
		double v;
		if (ix[k].last > upto || !status_point(x, &f[ix[k].i], &v))
			continue;
		at[n++] = (struct point_at){{ix[k].last, v}, k};
	}
	xqsort(at, n, sizeof *at, by_month);
	*out = xcalloc(n + 1, sizeof **out);
	for (size_t k = 0; k < n; k++)
		(*out)[k] = at[k].pt;
	free(at);
	return n;
}

/* Indicator x evaluated at as_of from its points up to it (pts[0..n)). */
static void evaluate_row(const struct plan *p, const struct indicator *x,
                         const struct eval_point *pts, size_t n, int as_of, enum eval_method method,
                         bool quiet, struct status_row *row)
{
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
	struct eval_input in = {.method = method, .as_of = as_of, .quiet = quiet};
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
	                   : x->ntargets    ? x->targets[0].year - 1
	                                    : 0;
	in.obs = pts;
	in.nobs = n;
	eval_indicator(&in, &row->r);
}

/* The number of points pts[0..n) (by month) up to as_of. */
static size_t points_upto(const struct eval_point *pts, size_t n, int as_of)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (pts[mid].month <= as_of)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Every indicator at each of the n months as_of[k]: its figures indexed
 * once (figs_index) and made points once, up to the latest month asked;
 * an earlier month takes the first of them. */
static size_t evaluate_periods(const struct plan *p, const struct obs_rec *f, size_t nf,
                               const int *as_of, int n, enum eval_method method, bool quiet,
                               struct status_row **out)
{
	struct fig_ix *ix;
	size_t nix = figs_index(f, nf, &ix);
	long read = (long)nf;
	int upto = n ? as_of[0] : 0;
	for (int k = 0; k < n; k++) {
		upto = as_of[k] > upto ? as_of[k] : upto;
		out[k] = xcalloc(p->nind + 1, sizeof **out);
	}
	for (size_t i = 0; i < p->nind; i++) {
		const struct indicator *x = &p->ind[i];
		struct eval_point *pts;
		size_t np = points_of(x, f, ix, nix, upto, &pts, &read);
		for (int k = 0; k < n; k++)
			evaluate_row(p, x, pts, points_upto(pts, np, as_of[k]), as_of[k], method,
			             quiet, &out[k][i]);
		free(pts);
	}
	__atomic_add_fetch(&figures_read, read, __ATOMIC_RELAXED);
	free(ix);
	return p->nind;
}

size_t status_evaluate(const struct plan *p, const struct obs_rec *f, size_t nf, int as_of,
                       enum eval_method method, struct status_row **out)
{
	return evaluate_periods(p, f, nf, &as_of, 1, method, false, out);
}

size_t status_evaluate_periods(const struct plan *p, const struct obs_rec *f, size_t nf,
                               const int *as_of, int n, enum eval_method method,
                               struct status_row **out)
{
	return evaluate_periods(p, f, nf, as_of, n, method, false, out);
}

size_t status_evaluate_quiet(const struct plan *p, const struct obs_rec *f, size_t nf,
                             const int *as_of, int n, enum eval_method method,
                             struct status_row **out)
{
	return evaluate_periods(p, f, nf, as_of, n, method, true, out);
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
	xqsort(&(*out)[*ngroups], m - *ngroups, sizeof **out, by_completion);
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
