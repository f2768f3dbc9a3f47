/* engine.h: the figures of a whole country in memory, column by column,
 * with the aggregates of every province and of the country kept up to date
 * as each figure arrives. The store stays the source of truth: the engine
 * is built from it (or from generated data, for the benchmark) and can be
 * rebuilt at any time.
 *
 * Layout: per indicator, a commune x month matrix of float numerators (the
 * value for counts and levels) and, for ratios, one of denominators: 4 or
 * 8 bytes an observation. Aggregates: per (province or country) x indicator
 * x month, double sums of numerators and denominators and, for levels, a
 * count per level (for counts, the first holds how many communes report). */
#ifndef CHITIEU_ENGINE_H
#define CHITIEU_ENGINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum engine_kind { ENGINE_RATIO, ENGINE_COUNT, ENGINE_LEVEL };

#define ENGINE_LEVELS 6 /* levels 0..5 (plans rank their levels from 1) */

struct engine {
	int ncomm, nprov, nind, nmonth;
	int *prov;          /* commune -> province */
	uint8_t *kind;      /* indicator -> enum engine_kind */
	float **num, **den; /* indicator -> ncomm * nmonth (den NULL unless a ratio) */
	float *target;      /* commune * nind: the target at the snapshot month */
	/* nind x ncomm: the figures of the snapshot month, side by side, so that
	 * the snapshot reads 2 MB in a row rather than one cache line a figure */
	float *snap_num, *snap_den;
	int snapshot; /* month index the targets are for */
	/* (nprov + 1) x nind x nmonth; row nprov is the country */
	double *sum_num, *sum_den;
	int32_t *levels;    /* ... x ENGINE_LEVELS */
	int32_t *meeting;   /* (nprov + 1) x nind: communes meeting at the snapshot */
	int32_t *reporting; /* (nprov + 1) x nind: communes with a figure at the snapshot */
};

/* An engine for these sizes, figures all missing (NaN). Aborts on no memory. */
struct engine *engine_new(int ncomm, int nprov, int nind, int nmonth, const int *prov,
                          const uint8_t *kind, int snapshot);
void engine_free(struct engine *e);

/* Fill every aggregate from the figures, from scratch, on threads threads. */
void engine_build(struct engine *e, int threads);

/* Record one figure (den ignored unless a ratio; NaN num removes it) and
 * carry the change to the commune's province and the country. */
void engine_set(struct engine *e, int comm, int ind, int month, float num, float den);

/* The aggregate figure of row (a province, or nprov for the country) for an
 * indicator and month: percent for ratios, the sum for counts, the mean
 * level for levels. NaN when nothing is reported. */
double engine_value(const struct engine *e, int row, int ind, int month);

/* A commune's figure on its indicator's scale (percent for ratios). */
double engine_commune_value(const struct engine *e, int comm, int ind, int month);

/* Whether a commune meets its target at the snapshot month. */
bool engine_meets(const struct engine *e, int comm, int ind);

/* Bytes held for observations and for aggregates. */
size_t engine_bytes(const struct engine *e, size_t *aggregates);

/* A synthetic country, deterministic from seed: nprov provinces of 40..180
 * communes adding to ncomm, nind indicators (the first 2/3 ratios, then 1/5
 * counts, the rest levels 0..4), every figure for nmonth months, one target
 * per commune and indicator at the last month. */
struct engine *engine_generate(int ncomm, int nprov, int nind, int nmonth, uint64_t seed);

#endif
