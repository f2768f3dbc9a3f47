/* aggregate.h: a parent's figure from its children's (a province from its
 * communes, a quarter from its months). Counts add up; ratios are the sum of
 * numerators over the sum of denominators, never an average of
 * percentages; per-population rates are weighted by population; levels give
 * a distribution and the share at or above the target. No I/O. */
#ifndef CHITIEU_AGGREGATE_H
#define CHITIEU_AGGREGATE_H

#include <stdbool.h>
#include <stddef.h>

#define AGG_MAX_LEVEL 16

/* What kind of quantity an indicator is, which decides how it adds up. */
enum agg_nature {
	AGG_COUNT, /* businesses, initiatives: sum */
	AGG_RATIO, /* online dossiers / all dossiers: sum num / sum den */
	AGG_RATE,  /* people per 10,000 inhabitants: weighted by population */
	AGG_LEVEL, /* Khá, Tốt: distribution */
};

/* The sum; false when there is nothing to add. */
bool agg_count(const double *v, size_t n, double *out);

/* 100 * sum(num) / sum(den), in percent; false when sum(den) is 0. */
bool agg_ratio(const double *num, const double *den, size_t n, double *out);

/* sum(v * w) / sum(w); when a weight is missing (0), the plain mean, so
 * that a child without a population is not dropped; false when n is 0. */
bool agg_weighted(const double *v, const double *w, size_t n, double *out);

struct agg_levels {
	int count[AGG_MAX_LEVEL + 1]; /* children at each rank */
	int total, at_or_above;
	double share; /* at_or_above / total */
};

/* The distribution of ranks (0..AGG_MAX_LEVEL; others are ignored) and the
 * share at or above target_rank. */
void agg_levels(const int *rank, size_t n, int target_rank, struct agg_levels *out);

/* Periods: a count sums over the months of a quarter or a year; a ratio,
 * rate or level takes the latest month that has a figure. months are the
 * figures in order, has[i] false where a month has none. false when none. */
bool agg_period(enum agg_nature nature, const double *months, const bool *has, size_t n,
                double *out);

/* How many children meet their target, and the share of those evaluated. */
struct agg_meeting {
	int met, evaluated;
	double share;
};

void agg_meeting_add(struct agg_meeting *m, bool evaluated, bool met);

#endif
