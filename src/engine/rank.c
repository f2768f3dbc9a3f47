/* rank.c: a family's ranking, by direct child when the children lie
 * deeper (a country's communes under its provinces): each row finds its
 * direct child and each group its name through sorted indexes, so that
 * the country's thousands of communes are grouped in n log n, not n². */
#include "views.h"

#include "util.h"

#include <stdlib.h>
#include <string.h>

static int by_completion(const void *a, const void *b)
{
	const struct rank_row *x = a, *y = b;
	if (x->completion != y->completion)
		return x->completion > y->completion ? -1 : 1;
	return strcmp(x->code, y->code);
}

size_t view_rank(const struct family *f, int as_of, struct rank_row **out)
{
	return view_rank_group(f, out, rank_children(f->c, f->n, as_of, out));
}

/* A code and what it leads to (a child's direct child, a unit's name), or
 * a row under a direct child (at: the row). */
struct keyed {
	const char *code, *to;
	size_t at;
};

static int keyed_cmp(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	int c = strcmp(x->code, y->code);
	return c ? c : (x->at > y->at) - (x->at < y->at);
}

/* The entry of code in t (sorted by code, codes distinct), or NULL. */
static const struct keyed *keyed_find(const struct keyed *t, size_t n, const char *code)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(t[mid].code, code);
		if (!c)
			return &t[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

size_t view_rank_group(const struct family *f, struct rank_row **out, size_t n)
{
	bool deep = false;
	for (size_t i = 0; i < f->n; i++)
		deep |= strcmp(f->top[i], f->c[i].code) != 0;
	if (!deep)
		return n;
	/* Children deeper down: each direct child ranked by the indicators
	 * good over those evaluated, summed over the units under it. */
	struct keyed *tops = xcalloc(f->n + 1, sizeof *tops),
	             *names = xcalloc(f->nunits + 1, sizeof *names);
	for (size_t i = 0; i < f->n; i++)
		tops[i] = (struct keyed){f->c[i].code, f->top[i], i};
	for (size_t i = 0; i < f->nunits; i++)
		names[i] = (struct keyed){f->units[i].code, f->units[i].name, i};
	xqsort(tops, f->n, sizeof *tops, keyed_cmp);
	xqsort(names, f->nunits, sizeof *names, keyed_cmp);
	struct keyed *rows = xcalloc(n + 1, sizeof *rows); /* the rows by direct child */
	for (size_t i = 0; i < n; i++) {
		const struct keyed *t = keyed_find(tops, f->n, (*out)[i].code);
		rows[i] = (struct keyed){t ? t->to : (*out)[i].code, NULL, i};
	}
	xqsort(rows, n, sizeof *rows, keyed_cmp);
	struct rank_row *g = xcalloc(n + 1, sizeof *g);
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		if (!i || strcmp(rows[i].code, rows[i - 1].code)) {
			const struct keyed *u = keyed_find(names, f->nunits, rows[i].code);
			g[m].code = rows[i].code;
			g[m].name = u ? u->to : rows[i].code;
			m++;
		}
		g[m - 1].good += (*out)[rows[i].at].good;
		g[m - 1].evaluated += (*out)[rows[i].at].evaluated;
	}
	for (size_t j = 0; j < m; j++)
		g[j].completion = g[j].evaluated ? (double)g[j].good / g[j].evaluated : 0;
	xqsort(g, m, sizeof *g, by_completion);
	for (size_t j = 0; j < m; j++)
		g[j].rank = j > 0 && g[j].completion == g[j - 1].completion ? g[j - 1].rank
		                                                            : (int)j + 1;
	free(tops);
	free(names);
	free(rows);
	free(*out);
	*out = g;
	return m;
}

struct rank_kept {
	bool deep;
	size_t n, ngroups;
	int *good, *evaluated;       /* per child */
	const char **gcode, **gname; /* per group (deep): the direct child */
};

struct rank_kept *rank_kept_new(const struct family *f, const int *group, size_t ngroups,
                                const struct child_eval *ev)
{
	struct rank_kept *k = xcalloc(1, sizeof *k);
	k->n = f->n;
	k->good = xcalloc(f->n + 1, sizeof *k->good);
	k->evaluated = xcalloc(f->n + 1, sizeof *k->evaluated);
	for (size_t i = 0; i < f->n; i++) {
		k->deep |= strcmp(f->top[i], f->c[i].code) != 0;
		rank_kept_recount(k, ev, i);
	}
	if (!k->deep)
		return k;
	k->ngroups = ngroups;
	k->gcode = xcalloc(ngroups + 1, sizeof *k->gcode);
	k->gname = xcalloc(ngroups + 1, sizeof *k->gname);
	struct keyed *names = xcalloc(f->nunits + 1, sizeof *names);
	for (size_t i = 0; i < f->nunits; i++)
		names[i] = (struct keyed){f->units[i].code, f->units[i].name, i};
	xqsort(names, f->nunits, sizeof *names, keyed_cmp);
	for (size_t i = 0; i < f->n; i++) {
		size_t g = (size_t)group[i];
		if (g >= ngroups || k->gcode[g])
			continue;
		const struct keyed *u = keyed_find(names, f->nunits, f->top[i]);
		k->gcode[g] = f->top[i];
		k->gname[g] = u ? u->to : f->top[i];
	}
	free(names);
	return k;
}

void rank_kept_recount(struct rank_kept *k, const struct child_eval *ev, size_t i)
{
	if (i >= k->n)
		return;
	k->good[i] = k->evaluated[i] = 0;
	rank_count_kept(ev[i].st, ev[i].nst, &k->good[i], &k->evaluated[i]);
}

size_t rank_kept_rows(const struct rank_kept *k, const struct family *f, const int *group,
                      struct rank_row **out)
{
	size_t m = k->deep ? k->ngroups : k->n;
	struct rank_row *r = xcalloc(m + 1, sizeof *r);
	for (size_t i = 0; i < k->n; i++) {
		size_t at = k->deep ? (size_t)group[i] : i;
		if (at >= m)
			continue;
		r[at].code = k->deep ? k->gcode[at] : f->c[i].code;
		r[at].name = k->deep ? k->gname[at] : f->c[i].name;
		r[at].good += k->good[i];
		r[at].evaluated += k->evaluated[i];
	}
	size_t n = 0; /* groups without a child: none, but never a row without a code */
	for (size_t j = 0; j < m; j++)
		if (r[j].code) {
			r[n] = r[j];
			r[n].completion = r[n].evaluated ? (double)r[n].good / r[n].evaluated : 0;
			n++;
		}
	xqsort(r, n, sizeof *r, by_completion);
	for (size_t j = 0; j < n; j++)
		r[j].rank = j > 0 && r[j].completion == r[j - 1].completion ? r[j - 1].rank
		                                                            : (int)j + 1;
	*out = r;
	return n;
}

void rank_kept_free(struct rank_kept *k)
{
	if (!k)
		return;
	free(k->good);
	free(k->evaluated);
	free(k->gcode);
	free(k->gname);
	free(k);
}
