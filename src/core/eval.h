/* eval.h: where an indicator stands against its target at a milestone:
 * met, exceeded, on track, at risk, off track, not met, no data or not
 * evaluated, with the numbers and the calculation that led there, so that
 * a clerk can explain it to a leader. No I/O. */
#ifndef CHITIEU_EVAL_H
#define CHITIEU_EVAL_H

#include "target.h"

#include <stdbool.h>
#include <stddef.h>

enum eval_status {
	EVAL_NOT_EVALUATED, /* no target at this milestone, or a text target not judged */
	EVAL_NO_DATA,       /* no figure yet */
	EVAL_MET,           /* the target is reached */
	EVAL_EXCEEDED,      /* reached and gone beyond */
	EVAL_ON_TRACK,      /* on or above the path to the target */
	EVAL_AT_RISK,       /* behind, or its trend projects short of the target */
	EVAL_OFF_TRACK,     /* behind and its trend falls short, or going backwards */
	EVAL_NOT_MET,       /* the milestone has passed without reaching the target */
};

/* The national monitoring system's colours. */
enum eval_colour { EVAL_GREY, EVAL_GREEN, EVAL_YELLOW, EVAL_RED };

enum eval_method {
	EVAL_LINEAR, /* on track when on or above the straight path to the target */
	EVAL_CAGR,   /* Open SDG: observed growth rate / required growth rate */
};

/* A figure at a month (year * 12 + month - 1), for a level its rank, for
 * yes/no 1 or 0. */
struct eval_point {
	int month;
	double value;
};

struct eval_input {
	const struct target *target;   /* at the milestone evaluated */
	int year;                      /* that milestone; its deadline is December */
	const struct target *previous; /* the milestone before (for "maintain"), or NULL */
	int previous_year;
	bool has_baseline;
	double baseline;
	int baseline_year;
	const struct eval_point *obs; /* by month, ascending, up to as_of */
	size_t nobs;
	int as_of; /* the month evaluated (the end of the period) */
	/* Relative targets: the province's average or assigned target. */
	bool has_reference;
	double reference;
	/* Text targets: the status the monitoring agency entered. */
	enum eval_status entered;
	enum eval_method method;
	/* No record (the calculation's text): what counts and roll-ups ask,
	 * which read the status and figures only (formatting it was a third
	 * of a cold country view, issue 13). */
	bool quiet;
};

struct eval_result {
	enum eval_status status;
	bool has_latest, has_expected, has_projection, has_progress, has_ratio;
	double latest; /* the latest figure */
	int latest_month;
	double goal;      /* the value the target asks for */
	double expected;  /* the value on the target path at as_of */
	double projected; /* the trend's value at the milestone */
	double progress;  /* (latest - start) / (goal - start) */
	double ratio;     /* CAGR method: observed / required growth */
	char record[640]; /* the calculation, in Vietnamese */
};

/* Evaluate one indicator at one milestone. Never fails: what it cannot
 * judge is EVAL_NOT_EVALUATED with the reason in the record. */
void eval_indicator(const struct eval_input *in, struct eval_result *out);

/* Whether value satisfies target t (numbers, ranges, levels by rank,
 * yes/no as 1/0, rank, relative with reference). */
bool eval_satisfies(const struct target *t, double value, bool has_reference, double reference);

const char *eval_status_name(enum eval_status s); /* "on_track" */
const char *eval_status_vi(enum eval_status s);   /* "Đúng tiến độ" */
enum eval_colour eval_status_colour(enum eval_status s);
const char *eval_colour_vi(enum eval_colour c); /* "XANH" */

#endif
