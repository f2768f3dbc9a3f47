/* export.c: the generated country of bench_engine as CSV files for the SQL
 * engines of the comparison, and chitieu's own Q1/Q2 checksums.
 *
 *   export DIR [communes provinces indicators months]   (default 3321 34 75 72)
 *
 * Writes DIR/obs.csv (comm,ind,month,num,den; den empty unless a ratio),
 * DIR/communes.csv (comm,prov), DIR/indicators.csv (ind,kind) and
 * DIR/targets.csv (comm,ind,target), then prints, one per line:
 *   sizes C P I M
 *   q1 CHECKSUM      q1 parts: commune values, meets, aggregates, meeting
 *   q2 CHECKSUM ROWS
 * The checksums (computed the same way in bench/compare/q1.sql, q2.sql):
 *   Q2 = sum over province/country x indicator x month rows with a value of
 *        round(value, 6); ROWS = how many such rows;
 *   Q1 = sum of round(commune value, 6) + number of commune x indicator pairs
 *        meeting the target + sum over province/country x indicator of
 *        round(aggregate, 6) + sum of their meeting counts.
 * Numerators are whole numbers (checked) and written as integers;
 * denominators and targets with %.9g, which gives back the same float. */
#include "engine.h"
#include "util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static FILE *open_out(const char *dir, const char *name)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	if (!f) {
		perror(path);
		exit(1);
	}
	setvbuf(f, NULL, _IOFBF, 1 << 20);
	return f;
}

static void close_out(FILE *f)
{
	if (fclose(f) != 0) {
		perror("export: write");
		exit(1);
	}
}

static double round6(double v)
{
	return round(v * 1e6) / 1e6;
}

int main(int argc, char **argv)
{
	if (argc != 2 && argc != 6) {
		fprintf(stderr, "usage: %s DIR [communes provinces indicators months]\n", argv[0]);
		return 2;
	}
	const char *dir = argv[1];
	int C = argc > 2 ? atoi(argv[2]) : 3321, P = argc > 3 ? atoi(argv[3]) : 34;
	int I = argc > 4 ? atoi(argv[4]) : 75, M = argc > 5 ? atoi(argv[5]) : 72;
	if (C < 1 || P < 1 || I < 1 || M < 1 || P > C) {
		fprintf(stderr, "export: bad sizes\n");
		return 2;
	}
	struct engine *e = engine_generate(C, P, I, M, 2025);

	FILE *f = open_out(dir, "communes.csv");
	fprintf(f, "comm,prov\n");
	for (int c = 0; c < C; c++)
		fprintf(f, "%d,%d\n", c, e->prov[c]);
	close_out(f);

	f = open_out(dir, "indicators.csv");
	fprintf(f, "ind,kind\n");
	for (int i = 0; i < I; i++)
		fprintf(f, "%d,%d\n", i, e->kind[i]);
	close_out(f);

	f = open_out(dir, "targets.csv");
	fprintf(f, "comm,ind,target\n");
	for (int c = 0; c < C; c++)
		for (int i = 0; i < I; i++) {
			float t = e->target[(size_t)c * (size_t)I + (size_t)i];
			if (!isnan(t))
				fprintf(f, "%d,%d,%.9g\n", c, i, (double)t);
		}
	close_out(f);

	f = open_out(dir, "obs.csv");
	fprintf(f, "comm,ind,month,num,den\n");
	size_t nobs = 0;
	for (int c = 0; c < C; c++)
		for (int i = 0; i < I; i++)
			for (int m = 0; m < M; m++) {
				size_t k = (size_t)c * (size_t)M + (size_t)m;
				float n = e->num[i][k];
				if (isnan(n))
					continue;
				if (n != floorf(n) || fabsf(n) > 16777216.0f) {
					fprintf(stderr, "export: numerator %g is not a whole number\n", (double)n);
					return 1;
				}
				if (e->den[i]) {
					float d = e->den[i][k];
					if (isnan(d))
						continue; /* the engine ignores a ratio without both */
					fprintf(f, "%d,%d,%d,%ld,%.9g\n", c, i, m, (long)n, (double)d);
				} else {
					fprintf(f, "%d,%d,%d,%ld,\n", c, i, m, (long)n);
				}
				nobs++;
			}
	close_out(f);

	/* chitieu's answers, from the engine's aggregates. */
	engine_build(e, 2);
	double q2 = 0;
	size_t q2rows = 0;
	for (int row = 0; row <= P; row++)
		for (int i = 0; i < I; i++)
			for (int m = 0; m < M; m++) {
				double v = engine_value(e, row, i, m);
				if (!isnan(v)) {
					q2 += round6(v);
					q2rows++;
				}
			}
	double cv = 0, av = 0;
	long meets = 0, meeting = 0;
	for (int c = 0; c < C; c++)
		for (int i = 0; i < I; i++) {
			double v = engine_commune_value(e, c, i, M - 1);
			if (!isnan(v))
				cv += round6(v);
			meets += engine_meets(e, c, i);
		}
	for (int row = 0; row <= P; row++)
		for (int i = 0; i < I; i++) {
			double v = engine_value(e, row, i, M - 1);
			if (!isnan(v))
				av += round6(v);
			meeting += e->meeting[(size_t)row * (size_t)I + (size_t)i];
		}
	printf("sizes %d %d %d %d obs %zu\n", C, P, I, M, nobs);
	printf("q1 %.6f\n", cv + (double)meets + av + (double)meeting);
	printf("q1 parts %.6f %ld %.6f %ld\n", cv, meets, av, meeting);
	printf("q2 %.6f %zu\n", q2, q2rows);
	engine_free(e);
	return 0;
}
