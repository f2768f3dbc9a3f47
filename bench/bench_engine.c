/* bench_engine.c: the national-scale benchmark of issue 4, chitieu's side:
 * a generated country (34 provinces, 3,321 communes, 75 indicators, monthly
 * figures 2025-01..2030-12: 17.9 million), then
 *   (a) the cold build of every aggregate from the raw figures, on 1 and 2
 *       threads, against one plain read of the same bytes (the memory
 *       bandwidth bound);
 *   (b) Q1 (the 2030-12 snapshot: every commune x indicator value and
 *       whether it meets its target; every province and the country x
 *       indicator: aggregate, communes meeting, share) and Q2 (the country
 *       and every province x indicator x month) answered from the live
 *       engine, and the cost of formatting Q1 as text;
 *   (c) one new figure carried to its province and the country.
 * Sizes can be given: bench_engine [communes provinces indicators months]. */
#include "engine.h"
#include "util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp);
	return v[n / 2];
}

/* A checksum of a result: sums of the values (NaN as -1). */
static double checksum(const double *v, size_t n)
{
	double s = 0;
	for (size_t i = 0; i < n; i++)
		s += isnan(v[i]) ? -1 : v[i] * (double)((i % 7) + 1);
	return s;
}

/* Sum every figure once, with eight independent sums so that the adds do
 * not wait on each other: the time memory needs to deliver the bytes. */
static float sum8(const float *v, size_t n)
{
	float a[8] = {0};
	size_t k = 0;
	for (; k + 8 <= n; k += 8)
		for (int j = 0; j < 8; j++)
			a[j] += v[k + (size_t)j];
	for (; k < n; k++)
		a[0] += v[k];
	return a[0] + a[1] + a[2] + a[3] + a[4] + a[5] + a[6] + a[7];
}

static double read_once(const struct engine *e)
{
	double s = 0;
	size_t cells = (size_t)e->ncomm * (size_t)e->nmonth;
	for (int i = 0; i < e->nind; i++) {
		s += sum8(e->num[i], cells);
		if (e->den[i])
			s += sum8(e->den[i], cells);
	}
	return s;
}

int main(int argc, char **argv)
{
	int C = argc > 1 ? atoi(argv[1]) : 3321, P = argc > 2 ? atoi(argv[2]) : 34;
	int I = argc > 3 ? atoi(argv[3]) : 75, M = argc > 4 ? atoi(argv[4]) : 72;
	double t0 = now();
	struct engine *e = engine_generate(C, P, I, M, 2025);
	double gen = now() - t0;
	size_t agg, obs = engine_bytes(e, &agg);
	size_t nobs = (size_t)C * (size_t)I * (size_t)M;
	printf("synthetic country: %d provinces, %d communes, %d indicators, %d months: %zu "
	       "observations (generated in %.1f s)\n",
	       P, C, I, M, nobs, gen);
	printf("memory: %.2f bytes per observation (%.0f MB), aggregates %.1f MB\n",
	       (double)obs / (double)nobs, (double)obs / 1e6, (double)agg / 1e6);

	double r[7], sink = 0;
	for (int k = 0; k < 7; k++) {
		t0 = now();
		sink += read_once(e);
		r[k] = now() - t0;
	}
	double bw = median(r, 7);
	printf("\n(a) cold build from the raw observations (median of 7)\n");
	printf("    one plain read of the %.0f MB of figures:  %8.1f ms  (%.1f GB/s)\n",
	       (double)obs / 1e6, bw * 1e3, (double)obs / bw / 1e9);
	double b = 0;
	for (int threads = 1; threads <= 2; threads++) {
		for (int k = 0; k < 7; k++) {
			t0 = now();
			engine_build(e, threads);
			r[k] = now() - t0;
		}
		b = median(r, 7);
		printf("    build, %d thread%s:                        %8.1f ms  (%.2f x the "
		       "read)\n",
		       threads, threads > 1 ? "s" : " ", b * 1e3, b / bw);
	}

	/* (b) answers from the live engine. */
	size_t nq2 = (size_t)(P + 1) * (size_t)I * (size_t)M, nq1c = (size_t)C * (size_t)I,
	       nq1p = (size_t)(P + 1) * (size_t)I;
	double *q2 = xmalloc(nq2 * sizeof *q2), *q1v = xmalloc(nq1c * sizeof *q1v);
	double *q1a = xmalloc(nq1p * sizeof *q1a), *q1s = xmalloc(nq1p * sizeof *q1s);
	unsigned char *q1m = xmalloc(nq1c);
	for (int k = 0; k < 7; k++) {
		t0 = now();
		size_t n = 0;
		for (int row = 0; row <= P; row++)
			for (int i = 0; i < I; i++)
				for (int m = 0; m < M; m++)
					q2[n++] = engine_value(e, row, i, m);
		r[k] = now() - t0;
	}
	double tq2 = median(r, 7);
	for (int k = 0; k < 7; k++) {
		t0 = now();
		for (int c = 0; c < C; c++)
			for (int i = 0; i < I; i++) {
				q1v[(size_t)c * I + i] = engine_commune_value(e, c, i, M - 1);
				q1m[(size_t)c * I + i] = engine_meets(e, c, i);
			}
		for (int row = 0; row <= P; row++)
			for (int i = 0; i < I; i++) {
				q1a[(size_t)row * I + i] = engine_value(e, row, i, M - 1);
				int32_t rep = e->reporting[(size_t)row * I + i];
				q1s[(size_t)row * I + i] =
				        rep ? (double)e->meeting[(size_t)row * I + i] / rep : 0;
			}
		r[k] = now() - t0;
	}
	double tq1 = median(r, 7);
	size_t met = 0;
	for (size_t k = 0; k < nq1c; k++)
		met += q1m[k];
	printf("\n(b) answers from the live engine (median of 7; engine time)\n");
	printf("    Q1 snapshot 2030-12: %zu + %zu rows     %8.2f ms  (checksum %.6e, %zu "
	       "meeting)\n",
	       nq1c, nq1p, tq1 * 1e3,
	       checksum(q1v, nq1c) + checksum(q1a, nq1p) + checksum(q1s, nq1p), met);
	printf("    Q2 series: %zu rows                   %8.2f ms  (checksum %.6e)\n", nq2,
	       tq2 * 1e3, checksum(q2, nq2));
	struct buf out = BUF_INIT;
	t0 = now();
	for (int c = 0; c < C; c++)
		for (int i = 0; i < I; i++)
			buf_printf(&out, "%d\t%d\t%.4f\t%d\n", c, i, q1v[(size_t)c * I + i],
			           q1m[(size_t)c * I + i]);
	printf("    formatting Q1 as text (%.1f MB):         %8.2f ms\n", (double)out.len / 1e6,
	       (now() - t0) * 1e3);
	buf_free(&out);

	/* (c) one new observation carried to its ancestors. */
	uint64_t x = 99;
	int N = 1000000;
	t0 = now();
	for (int k = 0; k < N; k++) {
		x = x * 6364136223846793005u + 1442695040888963407u;
		int c = (int)((x >> 33) % (uint64_t)C), i = (int)((x >> 17) % (uint64_t)I),
		    m = (int)((x >> 9) % (uint64_t)M);
		engine_set(e, c, i, m, (float)((x >> 40) % 4), 1000);
	}
	double tu = now() - t0;
	printf("\n(c) one new observation into its province and the country: %.0f ns (mean of "
	       "%d)\n",
	       tu / N * 1e9, N);
	/* Each figure beside its goal (issue 4), in the shape scripts/bench-goals.awk
	 * gives a verdict to. */
	printf("\ngoals\n");
	printf("  %-58s %14.2f   goal ≤ 2\n", "cold build on 2 threads, in reads of the figures",
	       b / bw);
	printf("  %-58s %11.2f ms   goal < 5 ms\n", "live snapshot (Q1)", tq1 * 1e3);
	printf("  %-58s %11.2f ms   goal < 5 ms\n", "live series (Q2)", tq2 * 1e3);
	printf("  %-58s %11.0f ns   goal < 10 us\n", "one new figure carried to its ancestors",
	       tu / N * 1e9);
	printf("  %-58s %12.2f B   goal ≤ 12 B\n", "bytes per figure", (double)obs / (double)nobs);
	free(q2);
	free(q1v);
	free(q1a);
	free(q1s);
	free(q1m);
	engine_free(e);
	return sink == 12345.678 ? 1 : 0;
}
