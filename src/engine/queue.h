/* queue.h: the figures waiting for an office's review (submitted), of its
 * unit and every unit under it, with what the reviewer needs beside each:
 * the indicator's name and unit of measure, the target of the coming
 * milestone, the previous figure, the evidence, who sent it and when. The
 * same list for the approvals page and the API. */
#ifndef CHITIEU_QUEUE_H
#define CHITIEU_QUEUE_H

#include "store.h"
#include "error.h"

struct queue_row {
	char *unit, *unit_name; /* the unit the figure is of */
	struct obs_rec o;       /* the figure (o.code: the indicator) */
	char *name, *measure;   /* indicator name, unit of measure (may be NULL) */
	int target_year;        /* 0 when no target */
	char *target;           /* the target as written, or NULL */
	bool has_prev;
	struct obs_rec prev; /* the latest figure of an earlier period */
};

void queue_free(struct queue_row *r, size_t n);
/* The submitted figures of unit and the units under it (up to eight
 * levels), by unit, period and code. 0, or -1 with *err. */
int queue_list(struct store *s, const char *unit, struct queue_row **out, size_t *n,
               struct error *err);

#endif
