/* bench_align.c: how fast the indicator matcher proposes links.
 *
 *   bench_align [DIR]     DIR holds the plans; default tests/data/plans
 *
 * The province is plan 000 (75 indicators), a commune plan 004 (73).
 * 1. One commune to its province: features of both plans, every pair
 *    scored, links one to one with their reasons; the median of 201 runs
 *    (goal < 10 ms).
 * 2. All 3,321 communes of the country, each to its province (the four
 *    plans taken in turn as the communes' plans, the province's features
 *    made once per province, 34 provinces): the total (goal < 30 s).
 * Each figure is printed beside its goal (the verdict: scripts/bench-goals.awk),
 * judged on its CPU time (one thread: the time it takes on
 * an idle machine), its wall time printed before it. A missed goal is not an
 * error. Plans are parsed once, before the clock: parsing has its own
 * benchmark (bench_parse). */
#include "align.h"
#include "import.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define COMMUNES  3321
#define PROVINCES 34
#define RUNS      201

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* CPU time of this process: what the work costs when the machine is shared. */
static double cpu(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static struct align_item **items_of(const struct plan *p)
{
	struct align_item **it = xcalloc(p->nind + 1, sizeof *it);
	for (size_t i = 0; i < p->nind; i++)
		it[i] = align_item_new(&p->ind[i]);
	return it;
}

static void items_free(struct align_item **it, size_t n)
{
	for (size_t i = 0; i < n; i++)
		align_item_free(it[i]);
	free(it);
}

/* Link a commune's plan to its province's items, with the reasons of each
 * proposal as the store keeps them. Returns how many links. */
static size_t propose(const struct plan *commune, struct align_item **province, size_t nprov)
{
	struct align_item **c = items_of(commune);
	struct align_pair *pairs;
	size_t n = align_match(c, commune->nind, province, nprov, ALIGN_THRESHOLD, &pairs);
	for (size_t i = 0; i < n; i++) {
		struct align_score why;
		align_score(c[pairs[i].ia], province[pairs[i].ib], &why);
		align_score_free(&why);
	}
	free(pairs);
	items_free(c, commune->nind);
	return n;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static int load(const char *dir, const char *prefix, struct plan *p)
{
	char *path = xasprintf("%s/%s", dir, prefix);
	struct error err = {0};
	int rc = import_file(path, p, &err);
	if (rc)
		fprintf(stderr, "bench_align: %s\n", err.msg);
	err_clear(&err);
	free(path);
	return rc;
}

int main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : "tests/data/plans";
	static const char *const files[] = {"000_03b77514fb71b314.txt", "001_5a02e85ee0dfd10c.txt",
	                                    "002_f65c0da7dbd96e8d.txt", "004_5f0b3916b5e2f87f.txt"};
	struct plan plans[4];
	for (int i = 0; i < 4; i++)
		if (load(dir, files[i], &plans[i]))
			return 2;
	const struct plan *province = &plans[0], *commune = &plans[3];

	double t[RUNS], tc[RUNS];
	size_t links = 0;
	for (int r = 0; r < RUNS; r++) {
		double t0 = now(), c0 = cpu();
		struct align_item **p = items_of(province);
		links = propose(commune, p, province->nind);
		items_free(p, province->nind);
		t[r] = now() - t0;
		tc[r] = cpu() - c0;
	}
	qsort(t, RUNS, sizeof *t, cmp_double);
	qsort(tc, RUNS, sizeof *tc, cmp_double);
	double one = t[RUNS / 2] * 1e3, one_cpu = tc[RUNS / 2] * 1e3;
	printf("align: one commune (%zu indicators) to its province (%zu), %zu links; "
	       "fastest %.2f ms, median wall %.2f ms, CPU %6.2f ms   goal < 10 ms CPU\n",
	       commune->nind, province->nind, links, t[0] * 1e3, one, one_cpu);

	double t0 = now(), c0 = cpu();
	size_t total = 0, scored = 0;
	for (int pv = 0; pv < PROVINCES; pv++) {
		struct align_item **p = items_of(province);
		int from = COMMUNES * pv / PROVINCES, to = COMMUNES * (pv + 1) / PROVINCES;
		for (int c = from; c < to; c++) {
			const struct plan *cp = &plans[c % 4];
			total += propose(cp, p, province->nind);
			scored += cp->nind * province->nind;
		}
		items_free(p, province->nind);
	}
	double all = now() - t0, all_cpu = cpu() - c0;
	printf("align: %d communes to their provinces, %zu pairs scored, %zu links proposed; "
	       "wall %.2f s, CPU %6.2f s   goal < 30 s CPU\n",
	       COMMUNES, scored, total, all, all_cpu);
	for (int i = 0; i < 4; i++)
		plan_free(&plans[i]);
	return 0;
}
