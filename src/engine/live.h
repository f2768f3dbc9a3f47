/* live.h: the engine built from the store for one unit and everything under
 * it (a province and its communes, or the country, its provinces and their
 * communes), kept up to date figure by figure. The store stays the source
 * of truth: a restart, or a figure outside the months held, rebuilds from
 * it.
 *
 * What the engine holds for real plans:
 * - the communes are the units with a plan and no units under them; their
 *   rows are the root's children (the provinces) or, for a province root,
 *   the root itself; the engine's top row is the root;
 * - when the root has a plan (its own or a generated catalogue), the
 *   indicators are the root's, each commune's reached through the
 *   confirmed links of every level up (view_lift); what is not linked
 *   stays local and is not held. Without a plan, communes whose plans are
 *   written alike are matched by code (other plans: E_NO_PLAN). An
 *   indicator's kind
 *   comes from the first plan that has them: a level when its targets are
 *   levels, a ratio when its unit is a percentage or a rate per population,
 *   a count otherwise (yes/no figures count the communes saying yes);
 * - a month holds the figure of the finest period ending that month (a
 *   month beats its quarter, a quarter its year);
 * - ratios given as numerator/denominator add up as sums; a percentage or
 *   rate given alone is weighted by population, as rollup does (equally
 *   when some commune's population is unknown);
 * - the targets the engine counts communes meeting are those at the
 *   milestone of the last month held: numbers (>=), levels and yes. */
#ifndef CHITIEU_LIVE_H
#define CHITIEU_LIVE_H

#include "engine.h"
#include "observation.h"
#include "store.h"
#include "error.h"

struct live {
	struct engine *e;
	char *root;
	char **row_code; /* e->nprov rows; the top row (index nprov) is root */
	char **comm_code;
	double *comm_weight; /* population, for percentages given alone */
	bool equal_weights;  /* some population unknown: every commune weighs 1 */
	struct live_ind {
		char *code, *name, *unit;
		bool percent, yes_no, values_weighted;
	} * ind;
	struct live_code {
		const char *code;
		int ix;
	} * comm_ix;                   /* communes by code, sorted */
	const struct indicator **xind; /* ncomm x nind: the commune's own, NULL if none */
	int first_month;               /* month number (year*12 + month-1) of column 0 */
	uint8_t *grain;     /* ncomm x nind x nmonth: months of the period held (0: none) */
	struct plan *plans; /* per commune */
	/* per commune, when the root has a plan: own code -> root's code */
	struct link_pair **map;
	size_t *nmap, nmaps;
	bool lifted;
};

/* Build from the store for the unit root: 0, or -1 with *err (E_UNKNOWN_UNIT
 * when there is no such unit). */
int live_load(struct store *s, const char *root, int threads, struct live **out, struct error *err);
void live_free(struct live *l);

/* Apply one figure just stored for a commune: 0 applied, 1 when it falls
 * outside what the engine holds (another unit, indicator or month: rebuild),
 * -1 when it is not for a commune of this engine at all. */
int live_put(struct live *l, const char *unit, const char *indicator, const struct obs_rec *o);

/* Index of a row (nprov for the root) or an indicator by code; -1 if none. */
int live_row(const struct live *l, const char *code);
int live_ind(const struct live *l, const char *code);

/* The rows worth showing into rows (nprov + 1 at most): the root first,
 * then the rows under it unless the root is its own single row. */
int live_rows_shown(const struct live *l, int *rows);
/* A row's unit code (the root for nprov). */
const char *live_row_code(const struct live *l, int row);

/* Write the month number as YYYY-MM into buf. */
void live_month_name(const struct live *l, int m, char buf[12]);

#endif
