/* observation.h: a reported figure and the rules it must meet before it is
 * kept; problems found in input, each with a stable code for programs and
 * a Vietnamese message for people. No I/O. */
#ifndef CHITIEU_OBSERVATION_H
#define CHITIEU_OBSERVATION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct problem {
	const char *code; /* "E_PERIOD", "E_PERCENT" ... (static) */
	char *message;
	int line; /* input line, 0 if none */
};

struct problems {
	struct problem *v;
	size_t n, cap;
};

void problems_add(struct problems *ps, const char *code, int line, const char *fmt, ...)
        __attribute__((format(printf, 4, 5)));
void problems_free(struct problems *ps);

/* What an indicator says about the figures it takes. */
struct series_rec {
	int64_t id;
	char *code, *name, *unit_of_measure; /* unit_of_measure may be NULL */
	int first_year, last_year;           /* years of the plan's milestones */
	char **levels;                       /* level names of its targets, by rank */
	int nlevels;
	bool yes_no; /* its targets are Có/Đạt: the figure is yes or no */
};

void series_rec_free(struct series_rec *s);

/* A figure for one indicator of one unit and one period, laid out with
 * the least padding (120 bytes, not 128): a hold keeps millions. */
struct obs_rec {
	int64_t series_id;
	char period[16];
	bool has_value, has_ratio, has_level, has_yes;
	bool yes;
	int version;
	double value, num, den;
	char *level;
	char *note, *evidence;
	char *status; /* draft, submitted, approved, returned */
	char *by, *at;
	char *code; /* the indicator's code, when listed */
};

void obs_rec_free(struct obs_rec *o);
/* A copy that owns its strings. */
struct obs_rec obs_rec_copy(const struct obs_rec *o);

/* Check o against the indicator s: exactly one kind of figure, a
 * percentage within 0..100, a numerator not above its denominator, a level
 * on the indicator's scale, yes/no only for a yes/no indicator, the period
 * well formed and within the plan's years. Problems go to ps with line.
 * Returns the number of problems added. */
int observation_check(const struct series_rec *s, const struct obs_rec *o, int line,
                      struct problems *ps);

/* True when the unit of measure is a percentage ("%", "% GRDP"). */
bool observation_percent(const char *unit);

/* True when the unit is a rate per population ("người/vạn dân", "/10.000
 * dân", "/nghìn dân"): weighted by population across units, never summed. */
bool observation_rate(const char *unit);

#endif
