/* status.h: where each indicator of a plan stands at a period, from the
 * figures recorded: the evaluation of eval.h applied to a whole plan. No
 * I/O: the caller brings the plan and the figures. */
#ifndef CHITIEU_STATUS_H
#define CHITIEU_STATUS_H

#include "eval.h"
#include "observation.h"
#include "period.h"
#include "plan.h"

struct status_row {
	const struct indicator *ind;
	int year; /* the milestone evaluated: the coming one */
	const struct target *target;
	struct eval_result r;
};

/* Evaluate every indicator of p at the period ending in month as_of
 * (year * 12 + month - 1), against its coming milestone (the last one when
 * all have passed), from the figures f (their code must be an indicator
 * code of p; periods ending after as_of are left out). *out is the
 * caller's to free; returns the number of rows. */
size_t status_evaluate(const struct plan *p, const struct obs_rec *f, size_t nf, int as_of,
                       enum eval_method method, struct status_row **out);
/* The figures evaluations have read in this process, each time one was
 * looked at (GET /api/v1/engine: an evaluation reads its figures a small
 * number of times, not once per indicator). */
long status_figures_read(void);
/* The same at each of the n months as_of[k] into out[k] (n arrays, each
 * the caller's), the figures read once for all: a trend's periods (each
 * indicator's points made once, up to the latest month asked). */
size_t status_evaluate_periods(const struct plan *p, const struct obs_rec *f, size_t nf,
                               const int *as_of, int n, enum eval_method method,
                               struct status_row **out);
/* The same without each row's record (r.record empty): for what reads the
 * status and figures only (roll-ups, rankings, counts). */
size_t status_evaluate_quiet(const struct plan *p, const struct obs_rec *f, size_t nf,
                             const int *as_of, int n, enum eval_method method,
                             struct status_row **out);

/* The figures f seen at the grain of the period asked (months -> quarter ->
 * year): the figures of an indicator finer than grain that lie within one
 * period of kind grain become one figure for that period, unless a figure
 * was recorded for that period itself (then it alone counts). A count of
 * what happens in a period (its name or unit says "mỗi năm", "hằng năm",
 * "trong năm", "/năm", "mỗi tháng") sums them; a stock ("Số doanh nghiệp
 * … trên địa bàn"), an index, a ratio, percentage, rate, level or yes/no
 * takes the latest (aggregate.h, agg_period). Parts that share months are
 * not both used: the longer counts (2025-Q1 over its months, 2025-9M over
 * 2025-H2, asked for the year). The derived
 * figure keeps the latest part's fields, with the period's name and a note
 * "tổng hợp từ N kỳ". Figures as coarse as grain, in no period of it (a
 * December month for nine months) or unreadable are copied. *out is the
 * caller's (obs_rec_free each, then free); returns how many. */
size_t status_roll_periods(const struct plan *p, const struct obs_rec *f, size_t nf,
                           enum period_kind grain, struct obs_rec **out);

/* The same in place: *f (the caller's, from xcalloc) is replaced by the
 * figures seen at grain, and *nf by their number. Nothing for months. */
void status_roll_periods_in_place(const struct plan *p, struct obs_rec **f, size_t *nf,
                                  enum period_kind grain);

/* A figure as a number on its indicator's scale: the value, 100 * num/den
 * for a percentage (num/den otherwise), the rank of a level among the
 * indicator's targets, 1 or 0 for yes/no. false when it has none. */
bool status_point(const struct indicator *x, const struct obs_rec *o, double *v);

/* Completion of a group, a plan or a lead agency: the share of its
 * indicators with a target at the milestone evaluated that are met,
 * exceeded or on track (no data counts as behind). */
struct summary_row {
	char *key;  /* group code, agency name, or "" for the whole plan */
	char *name; /* group name; NULL for agencies */
	int good, evaluated;
	double completion;
	int rank; /* agencies: 1, 2, 2, 4 by completion */
};

/* Row 0 is the plan; then each group in order; then each lead agency (an
 * indicator led by "A; B" counts for both), ranked. *ngroups tells where
 * the agencies start. The caller frees with summary_free. */
size_t status_summary(const struct plan *p, const struct status_row *r, size_t n,
                      struct summary_row **out, size_t *ngroups);
void summary_free(struct summary_row *s, size_t n);

#endif
