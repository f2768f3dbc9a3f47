/* live.c: the engine from the store, and each new figure into it. */
#include "live.h"

#include "period.h"
#include "status.h"
#include "util.h"
#include "views.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int by_code(const void *a, const void *b)
{
	return strcmp(((const struct live_code *)a)->code, ((const struct live_code *)b)->code);
}

static int lookup(const struct live_code *v, size_t n, const char *code)
{
	struct live_code key = {code, 0};
	const struct live_code *hit = bsearch(&key, v, n, sizeof *v, by_code);
	return hit ? hit->ix : -1;
}

/* What the loader gathers before the engine's sizes are known. */
struct gather {
	struct unit_rec *units;
	size_t nunits;
	int *comm_unit, *comm_row; /* per commune: unit index, row */
	int64_t root_id;
	int ncomm, nrow, nind, indcap;
};

int live_row(const struct live *l, const char *code)
{
	if (!strcmp(code, l->root))
		return l->e->nprov;
	for (int r = 0; r < l->e->nprov; r++)
		if (!strcmp(l->row_code[r], code))
			return r;
	return -1;
}

static int ind_find(const struct live *l, int n, const char *code)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(l->ind[i].code, code))
			return i;
	return -1;
}

int live_ind(const struct live *l, const char *code)
{
	return ind_find(l, l->e->nind, code);
}

int live_rows_shown(const struct live *l, int *rows)
{
	int n = 0;
	rows[n++] = l->e->nprov;
	for (int r = 0; r < l->e->nprov; r++)
		if (strcmp(l->row_code[r], l->root))
			rows[n++] = r;
	return n;
}

const char *live_row_code(const struct live *l, int row)
{
	return row == l->e->nprov ? l->root : l->row_code[row];
}

void live_month_name(const struct live *l, int m, char buf[12])
{
	unsigned n = (unsigned)(l->first_month + m) % 120000u;
	snprintf(buf, 12, "%04u-%02u", n / 12, n % 12 + 1);
}

static bool has_kind(const struct indicator *x, enum target_kind k)
{
	for (int t = 0; t < x->ntargets; t++)
		if (x->targets[t].t.kind == k)
			return true;
	return false;
}

/* An indicator's place, added from the first plan that has it. */
static int ind_of(struct live *l, struct gather *g, const struct indicator *x)
{
	int found = ind_find(l, g->nind, x->code);
	if (found >= 0)
		return found;
	size_t cap = (size_t)g->indcap;
	l->ind = xgrow(l->ind, &cap, (size_t)g->nind + 1, sizeof *l->ind);
	g->indcap = (int)cap;
	struct live_ind *d = &l->ind[g->nind];
	bool level = has_kind(x, TARGET_LEVEL);
	*d = (struct live_ind){xstrdup(x->code),
	                       xstrdup(x->name),
	                       x->unit ? xstrdup(x->unit) : NULL,
	                       observation_percent(x->unit),
	                       has_kind(x, TARGET_YES),
	                       !level &&
	                               (observation_percent(x->unit) || observation_rate(x->unit))};
	return g->nind++;
}

static uint8_t kind_of(const struct live_ind *d, const struct indicator *x)
{
	if (has_kind(x, TARGET_LEVEL))
		return ENGINE_LEVEL;
	return d->values_weighted ? ENGINE_RATIO : ENGINE_COUNT;
}

/* The engine's numerator and denominator for a figure; false when the
 * figure cannot be placed (a level not on the scale, no weight). */
static bool cell_of(const struct live *l, uint8_t kind, int c, int i, const struct indicator *x,
                    const struct obs_rec *o, float *n, float *d)
{
	double v;
	*d = 1;
	if (kind == ENGINE_RATIO && o->has_ratio) {
		*n = (float)o->num;
		*d = (float)(l->ind[i].percent ? o->den : 100 * o->den);
		return o->den > 0;
	}
	if (!x || !status_point(x, o, &v))
		return false;
	if (kind == ENGINE_RATIO) {
		double w = l->comm_weight[c]; /* by population, as rollup weighs */
		*n = (float)(v * w);
		*d = (float)(100 * w);
		return w > 0;
	}
	*n = (float)v;
	return true;
}

static int month_of(const struct live *l, const char *period, int *span)
{
	struct period p;
	const char *why;
	int first, last;
	if (period_parse(period, &p, &why))
		return -1;
	period_months(&p, &first, &last);
	*span = last - first + 1;
	return last - l->first_month;
}

/* The target counted at the snapshot: the first milestone at or after its
 * year, when it is a number to reach, a level or yes. */
static float target_of(const struct indicator *x, int year)
{
	for (int k = 0; x && k < x->ntargets; k++) {
		const struct plan_target *t = &x->targets[k];
		if (t->year < year)
			continue;
		if (t->t.kind == TARGET_NUMBER && (t->t.op == TARGET_GE || t->t.op == TARGET_GT))
			return (float)t->t.value;
		if (t->t.kind == TARGET_LEVEL)
			return (float)t->t.rank;
		if (t->t.kind == TARGET_YES)
			return 1;
		return NAN;
	}
	return NAN;
}

static void gather_free(struct gather *g)
{
	for (size_t i = 0; i < g->nunits; i++)
		unit_rec_free(&g->units[i]);
	free(g->units);
	free(g->comm_unit);
	free(g->comm_row);
}

/* Units under root: communes (leaves with a plan), their rows, their plans
 * and figures. */
static int gather(struct store *s, struct live *l, struct gather *g, struct error *err)
{
	if (store_unit_list(s, &g->units, &g->nunits, err))
		return -1;
	size_t n = g->nunits;
	struct live_code *ix = xcalloc(n + 1, sizeof *ix);
	for (size_t i = 0; i < n; i++)
		ix[i] = (struct live_code){g->units[i].code, (int)i};
	xqsort(ix, n, sizeof *ix, by_code);
	int root = lookup(ix, n, l->root);
	int *parent = xcalloc(n + 1, sizeof *parent), *row_of_unit = xcalloc(n + 1, sizeof(int));
	bool *has_child = xcalloc(n + 1, sizeof *has_child);
	for (size_t i = 0; i < n; i++) {
		parent[i] = g->units[i].parent_code ? lookup(ix, n, g->units[i].parent_code) : -1;
		if (parent[i] >= 0)
			has_child[parent[i]] = true;
		row_of_unit[i] = -1;
	}
	int rc = -1;
	if (root < 0) {
		err_set(err, ERR_UNKNOWN_UNIT, "không có đơn vị \"%s\"", l->root);
		goto out;
	}
	g->comm_unit = xcalloc(n + 1, sizeof(int));
	g->comm_row = xcalloc(n + 1, sizeof(int));
	g->root_id = g->units[root].id;
	l->plans = xcalloc(n + 1, sizeof *l->plans);
	l->comm_code = xcalloc(n + 1, sizeof *l->comm_code);
	l->comm_weight = xcalloc(n + 1, sizeof *l->comm_weight);
	l->comm_ix = xcalloc(n + 1, sizeof *l->comm_ix);
	l->row_code = xcalloc(n + 1, sizeof *l->row_code);
	l->map = xcalloc(n + 1, sizeof *l->map);
	l->nmap = xcalloc(n + 1, sizeof *l->nmap);
	l->nmaps = n;
	struct plan rp;
	int rgot = store_plan_load(s, g->units[root].id, &rp, err);
	if (rgot < 0)
		goto out;
	l->lifted = rgot == 0;
	for (size_t i = 0; i < n; i++) {
		if (has_child[i] || (int)i == root)
			continue;
		int top = (int)i, steps = 0; /* the ancestor just under root */
		while (parent[top] >= 0 && parent[top] != root && steps++ < (int)n)
			top = parent[top];
		if (parent[top] != root)
			continue; /* not under root */
		if (top == (int)i)
			top = root; /* a commune right under root: its row is root's own */
		struct plan *p = &l->plans[g->ncomm];
		int got = store_plan_load(s, g->units[i].id, p, err);
		if (got < 0)
			goto out_plan;
		if (got)
			continue; /* no plan: nothing to hold */
		int c = g->ncomm++;
		if (l->lifted) {
			size_t no = 0;
			if (view_lift(s, g->units, parent, (int)i, root, &l->map[c], &l->nmap[c],
			              err))
				goto out_plan;
			view_lift_apply(l->map[c], l->nmap[c], &rp, g->units[i].code, p, NULL, &no,
			                NULL, NULL);
		}
		if (row_of_unit[top] < 0) {
			row_of_unit[top] = g->nrow;
			l->row_code[g->nrow++] = xstrdup(g->units[top].code);
		}
		g->comm_unit[c] = (int)i;
		g->comm_row[c] = row_of_unit[top];
		l->comm_code[c] = xstrdup(g->units[i].code);
		l->comm_ix[c] = (struct live_code){l->comm_code[c], c};
		l->comm_weight[c] = (double)g->units[i].population;
	}
	/* Percentages given alone are weighted by population; when a commune's
	 * is unknown, all count alike (as agg_weighted does). */
	bool all = true;
	for (int c = 0; c < g->ncomm; c++)
		all &= l->comm_weight[c] > 0;
	for (int c = 0; c < g->ncomm && !all; c++)
		l->comm_weight[c] = 1;
	l->equal_weights = !all;
	rc = 0;
	/* Without the root's plan, only plans written alike add up by code. */
	for (int c = 1; !l->lifted && c < g->ncomm && !rc; c++) {
		bool same = l->plans[c].nind == l->plans[0].nind;
		for (size_t k = 0; same && k < l->plans[0].nind; k++)
			same = !strcmp(l->plans[c].ind[k].code, l->plans[0].ind[k].code) &&
			       !strcmp(l->plans[c].ind[k].name, l->plans[0].ind[k].name);
		if (!same) {
			err_set(err, ERR_NO_PLAN,
			        "%s chưa có kế hoạch mà các đơn vị dưới nó có kế "
			        "hoạch khác nhau: không cộng theo mã chỉ tiêu; tạo danh mục "
			        "(chitieu plan catalogue --unit %s) rồi liên kết (chitieu link "
			        "propose --unit %s)",
			        l->root, l->root, l->root);
			rc = -1;
		}
	}
out_plan:
	if (rgot == 0)
		plan_free(&rp);
out:
	free(ix);
	free(parent);
	free(row_of_unit);
	free(has_child);
	return rc;
}

/* A figure on its way into the engine. */
struct cell {
	int c, i, month; /* month: absolute (year * 12 + month - 1) */
	uint8_t span;    /* months its period covers: finer wins */
	float num, den;
};

struct scan {
	const struct live *l;
	const uint8_t *kind;
	int nind, ncomm;
	struct cell *cells;
	size_t n, cap;
	int lo, hi;
};

static void scan_one(void *arg, const char *unit, const struct obs_rec *o)
{
	struct scan *sc = arg;
	const struct live *l = sc->l;
	int c = lookup(l->comm_ix, (size_t)sc->ncomm, unit);
	const char *code = o->code;
	if (c >= 0 && code && l->lifted)
		code = view_lift_code(l->map[c], l->nmap[c], code);
	int i = c < 0 || !code ? -1 : ind_find(l, sc->nind, code);
	struct period p;
	const char *why;
	int first, last;
	if (i < 0 || period_parse(o->period, &p, &why))
		return; /* not a commune's figure here, or not a period */
	period_months(&p, &first, &last);
	float num, den;
	const struct indicator *x = l->xind[(size_t)c * (size_t)sc->nind + (size_t)i];
	if (!cell_of(l, sc->kind[i], c, i, x, o, &num, &den))
		return;
	sc->cells = xgrow(sc->cells, &sc->cap, sc->n + 1, sizeof *sc->cells);
	sc->cells[sc->n++] = (struct cell){c, i, last, (uint8_t)(last - first + 1), num, den};
	sc->lo = last < sc->lo ? last : sc->lo;
	sc->hi = last > sc->hi ? last : sc->hi;
}

int live_load(struct store *s, const char *root, int threads, struct live **out, struct error *err)
{
	struct live *l = xcalloc(1, sizeof *l);
	struct gather g = {0};
	l->root = xstrdup(root);
	*out = NULL;
	if (gather(s, l, &g, err)) {
		gather_free(&g);
		l->e = NULL;
		live_free(l);
		return -1;
	}
	/* Indicators: the union of the plans', by code; and each commune's own. */
	for (int c = 0; c < g.ncomm; c++)
		for (size_t k = 0; k < l->plans[c].nind; k++)
			ind_of(l, &g, &l->plans[c].ind[k]);
	l->xind = xcalloc((size_t)g.ncomm * (size_t)g.nind + 1, sizeof *l->xind);
	for (int c = 0; c < g.ncomm; c++)
		for (size_t k = 0; k < l->plans[c].nind; k++)
			l->xind[(size_t)c * (size_t)g.nind +
			        (size_t)ind_find(l, g.nind, l->plans[c].ind[k].code)] =
			        &l->plans[c].ind[k];
	uint8_t *kind = xcalloc((size_t)g.nind + 1, 1);
	for (int i = 0; i < g.nind; i++)
		for (int c = 0; c < g.ncomm; c++) {
			const struct indicator *x = l->xind[(size_t)c * (size_t)g.nind + (size_t)i];
			if (x) {
				kind[i] = kind_of(&l->ind[i], x);
				break;
			}
		}
	/* Every figure under root, in one pass, as engine cells. */
	xqsort(l->comm_ix, (size_t)g.ncomm, sizeof *l->comm_ix, by_code);
	struct scan sc = {l, kind, g.nind, g.ncomm, NULL, 0, 0, 1 << 30, -1};
	if (store_obs_scan(s, g.root_id, scan_one, &sc, err)) {
		free(kind);
		free(sc.cells);
		gather_free(&g);
		live_free(l);
		return -1;
	}
	int lo = sc.lo, hi = sc.hi;
	if (hi < 0) { /* no figure yet: this month */
		time_t now = time(NULL);
		struct tm tm;
		gmtime_r(&now, &tm);
		lo = hi = (tm.tm_year + 1900) * 12 + tm.tm_mon;
	}
	l->first_month = lo;
	int nmonth = hi - lo + 1;
	l->e = engine_new(g.ncomm, g.nrow, g.nind, nmonth, g.comm_row, kind, nmonth - 1);
	free(kind);
	struct engine *e = l->e;
	l->grain = xcalloc((size_t)g.ncomm * (size_t)g.nind * (size_t)nmonth + 1, 1);
	for (size_t k = 0; k < sc.n; k++) {
		const struct cell *x = &sc.cells[k];
		int m = x->month - lo;
		size_t at =
		        ((size_t)x->c * (size_t)g.nind + (size_t)x->i) * (size_t)nmonth + (size_t)m;
		if (l->grain[at] && l->grain[at] < x->span)
			continue; /* a finer period already holds the month */
		l->grain[at] = x->span;
		size_t cm = (size_t)x->c * (size_t)nmonth + (size_t)m;
		e->num[x->i][cm] = x->num;
		if (e->den[x->i])
			e->den[x->i][cm] = x->den;
	}
	free(sc.cells);
	int year = (lo + nmonth - 1) / 12;
	for (int c = 0; c < g.ncomm; c++)
		for (int i = 0; i < g.nind; i++)
			e->target[(size_t)c * (size_t)g.nind + (size_t)i] =
			        target_of(l->xind[(size_t)c * (size_t)g.nind + (size_t)i], year);
	engine_build(e, threads);
	gather_free(&g);
	*out = l;
	return 0;
}

int live_put(struct live *l, const char *unit, const char *indicator, const struct obs_rec *o)
{
	int c = lookup(l->comm_ix, (size_t)l->e->ncomm, unit);
	if (c < 0)
		return -1;
	if (l->lifted)
		indicator = view_lift_code(l->map[c], l->nmap[c], indicator);
	if (!indicator)
		return 0; /* a local indicator: not held above the commune */
	int i = live_ind(l, indicator), span;
	int m = i < 0 ? -1 : month_of(l, o->period, &span);
	if (m < 0 || m >= l->e->nmonth)
		return 1;
	const struct indicator *x = l->xind[(size_t)c * (size_t)l->e->nind + (size_t)i];
	if (!x)
		return 1; /* the commune's plan has changed: rebuild */
	float num, den;
	if (!cell_of(l, l->e->kind[i], c, i, x, o, &num, &den))
		num = den = NAN; /* a figure the engine cannot count replaces the one held */
	size_t at = ((size_t)c * (size_t)l->e->nind + (size_t)i) * (size_t)l->e->nmonth + (size_t)m;
	if (l->grain[at] && l->grain[at] < span)
		return 0; /* a finer period holds the month */
	l->grain[at] = (uint8_t)span;
	engine_set(l->e, c, i, m, num, den);
	return 0;
}

void live_free(struct live *l)
{
	if (!l)
		return;
	int ncomm = l->e ? l->e->ncomm : 0, nind = l->e ? l->e->nind : 0,
	    nrow = l->e ? l->e->nprov : 0;
	for (int c = 0; c < ncomm; c++) {
		plan_free(&l->plans[c]);
		free(l->comm_code[c]);
	}
	for (size_t c = 0; l->map && c < l->nmaps; c++)
		link_pairs_free(l->map[c], l->nmap[c]);
	free(l->map);
	free(l->nmap);
	for (int r = 0; r < nrow; r++)
		free(l->row_code[r]);
	for (int i = 0; i < nind; i++) {
		free(l->ind[i].code);
		free(l->ind[i].name);
		free(l->ind[i].unit);
	}
	free(l->ind);
	free(l->plans);
	free(l->comm_code);
	free(l->comm_ix);
	free(l->comm_weight);
	free(l->row_code);
	free(l->xind);
	free(l->grain);
	free(l->root);
	engine_free(l->e);
	free(l);
}
