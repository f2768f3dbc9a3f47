/* engine.c: the columnar figures and their running aggregates. */
#include "engine.h"

#include "util.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static size_t A(const struct engine *e, int row, int ind)
{
	return ((size_t)row * (size_t)e->nind + (size_t)ind) * (size_t)e->nmonth;
}

struct engine *engine_new(int ncomm, int nprov, int nind, int nmonth, const int *prov,
                          const uint8_t *kind, int snapshot)
{
	struct engine *e = xcalloc(1, sizeof *e);
	e->ncomm = ncomm;
	e->nprov = nprov;
	e->nind = nind;
	e->nmonth = nmonth;
	e->snapshot = snapshot;
	e->prov = xmalloc((size_t)ncomm * sizeof *e->prov);
	memcpy(e->prov, prov, (size_t)ncomm * sizeof *e->prov);
	e->kind = xmalloc((size_t)nind);
	memcpy(e->kind, kind, (size_t)nind);
	e->num = xcalloc((size_t)nind, sizeof *e->num);
	e->den = xcalloc((size_t)nind, sizeof *e->den);
	size_t cells = (size_t)ncomm * (size_t)nmonth;
	for (int i = 0; i < nind; i++) {
		e->num[i] = xmalloc(cells * sizeof(float));
		for (size_t k = 0; k < cells; k++)
			e->num[i][k] = NAN;
		if (kind[i] == ENGINE_RATIO) {
			e->den[i] = xmalloc(cells * sizeof(float));
			for (size_t k = 0; k < cells; k++)
				e->den[i][k] = NAN;
		}
	}
	e->snap_num = xmalloc((size_t)ncomm * (size_t)nind * sizeof *e->snap_num);
	e->snap_den = xmalloc((size_t)ncomm * (size_t)nind * sizeof *e->snap_den);
	for (size_t k = 0; k < (size_t)ncomm * (size_t)nind; k++)
		e->snap_num[k] = e->snap_den[k] = NAN;
	e->target = xmalloc((size_t)ncomm * (size_t)nind * sizeof *e->target);
	for (size_t k = 0; k < (size_t)ncomm * (size_t)nind; k++)
		e->target[k] = NAN;
	size_t agg = (size_t)(nprov + 1) * (size_t)nind * (size_t)nmonth;
	e->sum_num = xcalloc(agg, sizeof *e->sum_num);
	e->sum_den = xcalloc(agg, sizeof *e->sum_den);
	e->levels = xcalloc(agg * ENGINE_LEVELS, sizeof *e->levels);
	e->meeting = xcalloc((size_t)(nprov + 1) * (size_t)nind, sizeof *e->meeting);
	e->reporting = xcalloc((size_t)(nprov + 1) * (size_t)nind, sizeof *e->reporting);
	return e;
}

void engine_free(struct engine *e)
{
	if (!e)
		return;
	for (int i = 0; i < e->nind; i++) {
		free(e->num[i]);
		free(e->den[i]);
	}
	free(e->num);
	free(e->den);
	free(e->prov);
	free(e->kind);
	free(e->target);
	free(e->snap_num);
	free(e->snap_den);
	free(e->sum_num);
	free(e->sum_den);
	free(e->levels);
	free(e->meeting);
	free(e->reporting);
	free(e);
}

static bool meets(const struct engine *e, int c, int i, float n, float d)
{
	float t = e->target[(size_t)c * (size_t)e->nind + (size_t)i];
	if (isnan(n) || isnan(t))
		return false;
	if (e->kind[i] == ENGINE_RATIO)
		return d > 0 && 100.0 * n / d >= t;
	return n >= t;
}

/* A commune's months into its province's sums, without branches so that
 * the compiler vectorises them (NaN, a missing figure, adds nothing). */
static void add_ratio(double *restrict sn, double *restrict sd, const float *restrict n,
                      const float *restrict d, int M)
{
	for (int m = 0; m < M; m++) {
		float a = n[m], b = d[m];
		int ok = (a == a) & (b == b);
		sn[m] += ok ? (double)a : 0.0;
		sd[m] += ok ? (double)b : 0.0;
	}
}

static void add_count(double *restrict sn, int32_t *restrict lv, const float *restrict n, int M)
{
	for (int m = 0; m < M; m++) {
		float a = n[m];
		int ok = a == a;
		sn[m] += ok ? (double)a : 0.0;
		lv[m * ENGINE_LEVELS] += ok; /* how many report */
	}
}

static void add_level(double *restrict sn, int32_t *restrict lv, const float *restrict n, int M)
{
	for (int m = 0; m < M; m++) {
		float a = n[m];
		int ok = a == a;
		int k = (int)(ok ? a : 0.0f);
		k = k < 0 ? 0 : k >= ENGINE_LEVELS ? ENGINE_LEVELS - 1 : k;
		lv[m * ENGINE_LEVELS + k] += ok;
		sn[m] += ok ? (double)a : 0.0;
	}
}

/* All aggregates of one indicator, from scratch. */
static void build_one(struct engine *e, int i)
{
	int M = e->nmonth, P = e->nprov;
	for (int p = 0; p <= P; p++) {
		memset(&e->sum_num[A(e, p, i)], 0, (size_t)M * sizeof(double));
		memset(&e->sum_den[A(e, p, i)], 0, (size_t)M * sizeof(double));
		memset(&e->levels[A(e, p, i) * ENGINE_LEVELS], 0,
		       (size_t)M * ENGINE_LEVELS * sizeof(int32_t));
		e->meeting[(size_t)p * (size_t)e->nind + (size_t)i] = 0;
		e->reporting[(size_t)p * (size_t)e->nind + (size_t)i] = 0;
	}
	for (int c = 0; c < e->ncomm; c++) {
		int p = e->prov[c];
		const float *n = &e->num[i][(size_t)c * (size_t)M];
		double *sn = &e->sum_num[A(e, p, i)];
		if (e->kind[i] == ENGINE_RATIO) {
			const float *d = &e->den[i][(size_t)c * (size_t)M];
			double *sd = &e->sum_den[A(e, p, i)];
			add_ratio(sn, sd, n, d, M);
		} else if (e->kind[i] == ENGINE_COUNT) {
			int32_t *lv = &e->levels[A(e, p, i) * ENGINE_LEVELS];
			add_count(sn, lv, n, M);
		} else {
			add_level(sn, &e->levels[A(e, p, i) * ENGINE_LEVELS], n, M);
		}
		int s = e->snapshot;
		float ns = n[s], ds = e->den[i] ? e->den[i][(size_t)c * (size_t)M + (size_t)s] : 1;
		e->snap_num[(size_t)i * (size_t)e->ncomm + (size_t)c] = ns;
		e->snap_den[(size_t)i * (size_t)e->ncomm + (size_t)c] = ds;
		if (ns == ns) {
			e->reporting[(size_t)p * (size_t)e->nind + (size_t)i]++;
			e->meeting[(size_t)p * (size_t)e->nind + (size_t)i] +=
			        meets(e, c, i, ns, ds);
		}
	}
	/* The country is the sum of its provinces. */
	double *cn = &e->sum_num[A(e, P, i)], *cd = &e->sum_den[A(e, P, i)];
	int32_t *cl = &e->levels[A(e, P, i) * ENGINE_LEVELS];
	for (int p = 0; p < P; p++) {
		const double *pn = &e->sum_num[A(e, p, i)], *pd = &e->sum_den[A(e, p, i)];
		const int32_t *pl = &e->levels[A(e, p, i) * ENGINE_LEVELS];
		for (int m = 0; m < M; m++) {
			cn[m] += pn[m];
			cd[m] += pd[m];
		}
		for (int k = 0; k < M * ENGINE_LEVELS; k++)
			cl[k] += pl[k];
		e->meeting[(size_t)P * (size_t)e->nind + (size_t)i] +=
		        e->meeting[(size_t)p * (size_t)e->nind + (size_t)i];
		e->reporting[(size_t)P * (size_t)e->nind + (size_t)i] +=
		        e->reporting[(size_t)p * (size_t)e->nind + (size_t)i];
	}
}

struct job {
	struct engine *e;
	int first, step;
};

static void *build_part(void *arg)
{
	struct job *j = arg;
	for (int i = j->first; i < j->e->nind; i += j->step)
		build_one(j->e, i);
	return NULL;
}

void engine_build(struct engine *e, int threads)
{
	threads = threads < 1 ? 1 : threads > 16 ? 16 : threads;
	pthread_t tid[16];
	struct job jobs[16];
	for (int t = 0; t < threads; t++) {
		jobs[t] = (struct job){e, t, threads};
		if (t > 0)
			pthread_create(&tid[t], NULL, build_part, &jobs[t]);
	}
	build_part(&jobs[0]);
	for (int t = 1; t < threads; t++)
		pthread_join(tid[t], NULL);
}

/* Add (sign +1) or remove (-1) one commune figure from a row's aggregates. */
static void apply(struct engine *e, int row, int i, int m, float n, float d, int sign)
{
	if (n != n)
		return;
	size_t a = A(e, row, i) + (size_t)m;
	if (e->kind[i] == ENGINE_RATIO) {
		if (d != d)
			return;
		e->sum_num[a] += sign * (double)n;
		e->sum_den[a] += sign * (double)d;
	} else if (e->kind[i] == ENGINE_COUNT) {
		e->sum_num[a] += sign * (double)n;
		e->levels[a * ENGINE_LEVELS] += sign;
	} else {
		int k = (int)n;
		k = k < 0 ? 0 : k >= ENGINE_LEVELS ? ENGINE_LEVELS - 1 : k;
		e->levels[a * ENGINE_LEVELS + (size_t)k] += sign;
		e->sum_num[a] += sign * (double)n;
	}
}

void engine_set(struct engine *e, int c, int i, int m, float n, float d)
{
	size_t k = (size_t)c * (size_t)e->nmonth + (size_t)m;
	float on = e->num[i][k], od = e->den[i] ? e->den[i][k] : 1;
	if (!e->den[i])
		d = 1;
	int rows[2] = {e->prov[c], e->nprov};
	for (int r = 0; r < 2; r++) {
		apply(e, rows[r], i, m, on, od, -1);
		apply(e, rows[r], i, m, n, d, +1);
	}
	if (m == e->snapshot) {
		int dm = meets(e, c, i, n, d) - meets(e, c, i, on, od);
		int dr = (n == n) - (on == on);
		for (int r = 0; r < 2; r++) {
			e->meeting[(size_t)rows[r] * (size_t)e->nind + (size_t)i] += dm;
			e->reporting[(size_t)rows[r] * (size_t)e->nind + (size_t)i] += dr;
		}
	}
	e->num[i][k] = n;
	if (e->den[i])
		e->den[i][k] = d;
	if (m == e->snapshot) {
		e->snap_num[(size_t)i * (size_t)e->ncomm + (size_t)c] = n;
		e->snap_den[(size_t)i * (size_t)e->ncomm + (size_t)c] = d;
	}
}

double engine_value(const struct engine *e, int row, int i, int m)
{
	size_t a = A(e, row, i) + (size_t)m;
	if (e->kind[i] == ENGINE_RATIO)
		return e->sum_den[a] > 0 ? 100.0 * e->sum_num[a] / e->sum_den[a] : NAN;
	if (e->kind[i] == ENGINE_COUNT)
		return e->levels[a * ENGINE_LEVELS] ? e->sum_num[a] : NAN;
	int32_t total = 0;
	for (int k = 0; k < ENGINE_LEVELS; k++)
		total += e->levels[a * ENGINE_LEVELS + (size_t)k];
	return total ? e->sum_num[a] / total : NAN;
}

double engine_commune_value(const struct engine *e, int c, int i, int m)
{
	float n, d;
	if (m == e->snapshot) {
		size_t k = (size_t)i * (size_t)e->ncomm + (size_t)c;
		n = e->snap_num[k], d = e->snap_den[k];
	} else {
		size_t k = (size_t)c * (size_t)e->nmonth + (size_t)m;
		n = e->num[i][k], d = e->den[i] ? e->den[i][k] : 1;
	}
	if (e->kind[i] == ENGINE_RATIO)
		return d > 0 ? 100.0 * n / d : NAN;
	return n;
}

bool engine_meets(const struct engine *e, int c, int i)
{
	size_t k = (size_t)i * (size_t)e->ncomm + (size_t)c;
	return meets(e, c, i, e->snap_num[k], e->snap_den[k]);
}

size_t engine_bytes(const struct engine *e, size_t *aggregates)
{
	size_t cells = (size_t)e->ncomm * (size_t)e->nmonth, obs = 0;
	for (int i = 0; i < e->nind; i++)
		obs += cells * sizeof(float) * (e->den[i] ? 2 : 1);
	obs += 2 * (size_t)e->ncomm * (size_t)e->nind * sizeof(float); /* the snapshot */
	size_t agg = (size_t)(e->nprov + 1) * (size_t)e->nind * (size_t)e->nmonth;
	*aggregates = agg * (2 * sizeof(double) + ENGINE_LEVELS * sizeof(int32_t));
	return obs;
}

/* splitmix64: a small, good, deterministic generator. */
static uint64_t next(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15u);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

static double uniform(uint64_t *s)
{
	return (double)(next(s) >> 11) / 9007199254740992.0;
}

/* Province sizes between 40 and 180 adding to ncomm (an even split when
 * that cannot be). */
static void sizes(int ncomm, int nprov, uint64_t *s, int *size)
{
	if (ncomm < 40 * nprov || ncomm > 180 * nprov) {
		for (int p = 0; p < nprov; p++)
			size[p] = ncomm / nprov + (p < ncomm % nprov);
		return;
	}
	int total = 0;
	for (int p = 0; p < nprov; p++)
		total += size[p] = 40 + (int)(uniform(s) * 141);
	for (int p = 0; total != ncomm; p = (p + 1) % nprov) {
		if (total < ncomm && size[p] < 180)
			size[p]++, total++;
		else if (total > ncomm && size[p] > 40)
			size[p]--, total--;
	}
}

struct engine *engine_generate(int ncomm, int nprov, int nind, int nmonth, uint64_t seed)
{
	uint64_t s = seed;
	int *size = xcalloc((size_t)nprov, sizeof *size),
	    *prov = xmalloc((size_t)ncomm * sizeof *prov);
	sizes(ncomm, nprov, &s, size);
	for (int p = 0, c = 0; p < nprov; p++)
		for (int k = 0; k < size[p]; k++)
			prov[c++] = p;
	uint8_t *kind = xmalloc((size_t)nind);
	int nratio = nind * 2 / 3, ncount = nind / 5;
	for (int i = 0; i < nind; i++)
		kind[i] = i < nratio            ? ENGINE_RATIO
		          : i < nratio + ncount ? ENGINE_COUNT
		                                : ENGINE_LEVEL;
	struct engine *e = engine_new(ncomm, nprov, nind, nmonth, prov, kind, nmonth - 1);
	for (int i = 0; i < nind; i++) {
		for (int c = 0; c < ncomm; c++) {
			float *n = &e->num[i][(size_t)c * (size_t)nmonth];
			double start = uniform(&s), pop = 100 + uniform(&s) * 9900;
			for (int m = 0; m < nmonth; m++) {
				double trend = start + (1 - start) * m / nmonth,
				       noise = uniform(&s) * 0.1;
				if (kind[i] == ENGINE_RATIO) {
					double share = fmin(1, 0.3 + 0.65 * trend + noise - 0.05);
					e->den[i][(size_t)c * (size_t)nmonth + (size_t)m] =
					        (float)pop;
					n[m] = (float)floor(pop * share);
				} else if (kind[i] == ENGINE_COUNT) {
					n[m] = (float)floor(50 * trend * uniform(&s));
				} else {
					n[m] = (float)floor(
					        fmin(4, 5 * trend * (0.6 + 0.4 * uniform(&s))));
				}
			}
			e->target[(size_t)c * (size_t)nind + (size_t)i] =
			        kind[i] == ENGINE_RATIO   ? (float)(60 + 35 * uniform(&s))
			        : kind[i] == ENGINE_COUNT ? (float)(10 + floor(30 * uniform(&s)))
			                                  : (float)(2 + floor(3 * uniform(&s)));
		}
	}
	free(size);
	free(prov);
	free(kind);
	return e;
}
