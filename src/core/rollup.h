/* rollup.h: a province from its communes: for each indicator the aggregate
 * figure (by the rules of aggregate.h), how many communes meet their target
 * and the worst ones; and the ranking of communes by completion. No I/O. */
#ifndef CHITIEU_ROLLUP_H
#define CHITIEU_ROLLUP_H

#include "aggregate.h"
#include "status.h"

#include <stdint.h>

struct child {
	const char *code, *name;
	int64_t population; /* 0 when unknown */
	const struct plan *plan;
	const struct obs_rec *obs;
	size_t nobs;
};

#define ROLLUP_WORST 3

struct rollup_row {
	const char *code, *name, *unit; /* the indicator, as the first commune's plan has it */
	enum agg_nature nature;
	bool has_value;
	double value;             /* the aggregate figure */
	bool weighted_percent;    /* a percentage without num/den: weighted by population */
	struct agg_levels levels; /* levels: the distribution */
	struct agg_meeting meeting;
	int children, with_data;
	const char *worst[ROLLUP_WORST]; /* codes of the communes furthest behind */
	int nworst;
};

/* Roll the children up at the period ending in month as_of. Indicators are
 * matched by code. *out is the caller's; returns the number of rows. */
size_t rollup(const struct child *c, size_t n, int as_of, struct rollup_row **out);

struct rank_row {
	const char *code, *name;
	int good;      /* met, exceeded or on track */
	int evaluated; /* with a target at the milestone evaluated (no data counts, as behind) */
	double completion;
	int rank; /* 1, 2, 2, 4: ties share a rank */
};

/* Rank the children by completion = good / evaluated, ties sharing a rank. */
size_t rank_children(const struct child *c, size_t n, int as_of, struct rank_row **out);

/* One child evaluated at a month (EVAL_LINEAR), kept small: what rollup,
 * rank_children, the tallies and the province and dashboard pages read of
 * each status row: not the calculation's text (eval_result.record, 640
 * bytes), which no reader of a child's evaluation shows. */
struct child_row {
	const struct indicator *ind;
	const struct target *target; /* at the milestone evaluated, or NULL */
	int year;                    /* that milestone */
	struct child_result {
		enum eval_status status;
		bool has_latest, has_progress;
		double latest, progress;
	} r;
	/* the latest figure up to the month: status_point of it (has_point
	 * false: none, or none on the indicator's scale), and its kind */
	bool has_point, has_ratio, has_level;
	double point, num, den;
};

/* One child evaluated at a month: a row per indicator of its plan in
 * order; what rollup and rank_children compute per child, kept so that a
 * child whose figures did not change is not evaluated again. Points into
 * the child's plan only, not its figures. */
struct child_eval {
	struct child_row *st;
	size_t nst;
	struct rollup_ix {
		const char *code;
		size_t k;
	} * ix; /* the plan's codes, sorted */
};
/* The bytes a child_eval of n rows allocates. */
size_t child_eval_bytes(size_t n);
void child_evaluate(const struct child *c, int as_of, struct child_eval *ev);
void child_eval_free(struct child_eval *ev);
/* rollup and rank_children from children already evaluated. */
size_t rollup_evaluated(const struct child *c, const struct child_eval *ev, size_t n,
                        struct rollup_row **out);
size_t rank_evaluated(const struct child *c, const struct child_eval *ev, size_t n,
                      struct rank_row **out);
/* Add to *good the rows met, exceeded or on track and to *evaluated those
 * evaluated, as a rank_row counts them. */
void rank_count(const struct status_row *st, size_t n, int *good, int *evaluated);
void rank_count_kept(const struct child_row *st, size_t n, int *good, int *evaluated);

#endif
