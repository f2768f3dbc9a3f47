/* status.h: where each indicator of a plan stands at a period, from the
 * figures recorded: the evaluation of eval.h applied to a whole plan. No
 * I/O: the caller brings the plan and the figures. */
#ifndef CHITIEU_STATUS_H
#define CHITIEU_STATUS_H

#include "eval.h"
#include "observation.h"
#include "plan.h"

struct status_row {
	const struct indicator *ind;
	int year;              /* the milestone evaluated: the coming one */
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

/* A figure as a number on its indicator's scale: the value, 100 * num/den
 * for a percentage (num/den otherwise), the rank of a level among the
 * indicator's targets, 1 or 0 for yes/no. false when it has none. */
bool status_point(const struct indicator *x, const struct obs_rec *o, double *v);

#endif
