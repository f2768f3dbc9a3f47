/* hold.h: one unit and everything under it held in memory, the read path
 * of status, roll-up, rank, summary, the unit pages and the reports, for
 * the CLI and the server alike. Built once from the store (the unit, its
 * plan and figures, and view_family's lifted children: every level of the
 * tree, on shared indicators), then kept figure by figure: hold_refresh
 * reads again only the unit a write touched. Each child's evaluation at a
 * period is kept until its figures change, so a roll-up after a write
 * evaluates that child alone and folds again only its group
 * (rollup_state.h: the direct child it lies under), and a hold a write
 * does not concern is not evaluated at all. The store stays the truth: a hold can always be built
 * again from it and gives what view_unit and view_family give.
 *
 * Not thread-safe: the caller serialises the use of one hold. */
#ifndef CHITIEU_HOLD_H
#define CHITIEU_HOLD_H

#include "views.h"
#include "rollup_state.h"
#include "error.h"

#define HOLD_WAYS 2 /* periods kept evaluated at once (a page asks two) */

struct hold_kid {
	bool valid;
	long used;
	int as_of;
	enum period_kind grain;
	struct child c;       /* c.obs NULL: the figures are made again only to evaluate */
	struct child_eval ev; /* small (rollup.h): no record, no figures */
};

struct hold {
	char *root;
	struct unit_rec u;
	struct plan p; /* its own, when has_plan */
	bool has_plan;
	struct obs_rec *o; /* its own figures, as stored */
	size_t no;
	struct family f;       /* the units under it (PERIOD_MONTH: raw, lifted) */
	struct error ferr;     /* why f is empty when view_family refused (E_NO_PLAN) */
	struct hold_kid *kids; /* f.n x HOLD_WAYS */
	struct hold_code {
		const char *code;
		size_t i;
	} * kix; /* the children by code */
	/* the last roll-ups and rankings computed, while nothing changed */
	struct hold_last {
		bool valid;
		long used;
		int as_of;
		enum period_kind grain;
		bool rolled, ranked;     /* rs and k made (hold_rollup, hold_rank) */
		struct rollup_state *rs; /* the roll-up, kept child by child */
		size_t *dirty;           /* children written since c and ev were made */
		size_t ndirty, dcap;
		struct rank_row *k;
		size_t nk;
		struct rank_kept *rk; /* each child's counts, for k (views.h) */
		struct child *c;      /* the children at (as_of, grain), with ev */
		struct child_eval *ev;
	} last[HOLD_WAYS];
	long clock;
	/* the shares on track by period and child (hold_shares, tally.c) */
	struct hold_tally *tally;
	long evaluations;   /* children evaluated, for the tests (hold_stats) */
	long refreshes;     /* figures read again after a write */
	long build_queries; /* store queries hold_load ran (bounded, whatever the units) */

	struct obs_rec *scratch; /* one child's figures made again (hold_child_obs) */
	size_t capscratch;
	long aggregated; /* children folded into roll-ups, plus groups combined */
	int *group;      /* each child's group in a roll-up: the direct child it is under */
	size_t ngroups;
};

/* Build from the store: 0, or -1 with *err (E_UNKNOWN_UNIT, a database
 * error). A unit without a plan, or whose children cannot be added up,
 * still loads: hold_status and hold_family say why when asked. */
int hold_load(struct store *s, const char *unit, struct hold **out, struct error *err);
void hold_free(struct hold *h);

/* Whether the figures of unit concern h: the root itself or a unit under it
 * that it adds up. */
bool hold_concerns(const struct hold *h, const char *unit);

/* Read the figures of unit (the root or a child) again from the store
 * after a write: 0 done, 1 not a unit of h, -1 with *err. */
int hold_refresh(struct hold *h, struct store *s, const char *unit, struct error *err);
/* The same with the unit's figures as the store has them (store_obs_list
 * of every period), read by the caller (the writer, after its commit):
 * no query. 0 done, 1 not a unit of h. */
int hold_refresh_figures(struct hold *h, const char *unit, const struct obs_rec *o, size_t n);
/* Only the figures a write stored to unit (store_written), as stored: put
 * in place of the same code and period, the others kept, no query. 0
 * done, 1 not a unit of h, 2 not done (a child whose codes the links
 * lift several to one: the order of its figures is not known here; then
 * hold_refresh). */
int hold_patch_figures(struct hold *h, const char *unit, const struct obs_rec *o, size_t n);

/* The unit evaluated as view_unit does; v's u and p are the hold's
 * (v->borrowed): v lives no longer than h. 0, or -1 with *err. */
int hold_status(struct hold *h, int as_of, enum period_kind grain, enum eval_method method,
                struct unit_view *v, struct error *err);

/* The family (NULL with *err when view_family refused) and its roll-up and
 * ranking at as_of, figures rolled up to grain first; the rows are the
 * hold's, valid until the next call. */
const struct family *hold_family(struct hold *h, struct error *err);
size_t hold_rollup(struct hold *h, int as_of, enum period_kind grain,
                   const struct rollup_row **out);
size_t hold_rank(struct hold *h, int as_of, enum period_kind grain, const struct rank_row **out);
/* Child i's figures (f.c[i] of hold_family) at PERIOD_MONTH, lifted, in
 * *o: the hold's, valid until the next call on h. Returns how many. */
size_t hold_child_obs(struct hold *h, size_t i, const struct obs_rec **o);
/* The children's figures held and the bytes allocated to keep them (the
 * packs and their string pool, pack.h), for the tests and /api/v1/engine. */
void hold_figures(const struct hold *h, size_t *figures, size_t *bytes);
/* The children's evaluations kept (a row per indicator, child and period
 * kept) and the bytes allocated to keep them, for the same. */
void hold_evals(const struct hold *h, size_t *rows, size_t *bytes);

/* Good and evaluated (as rank_row counts them) summed over the children
 * at each of the n periods ending in as_of[k], figures rolled up to grain:
 * what hold_rank's rows add up to. Kept per child and period (tally.c),
 * so that only the children written since are evaluated again, once per
 * period, and those the hold keeps evaluated are not. */
void hold_shares(struct hold *h, enum period_kind grain, const int *as_of, int n, int *good,
                 int *evaluated);
/* Child i's evaluation at (as_of, grain) the hold keeps (one of its
 * HOLD_WAYS), or NULL: what a roll-up and the tally both take before
 * evaluating again. */
struct hold_kid *hold_kept(struct hold *h, size_t i, int as_of, enum period_kind grain);
/* For hold.c: a child's counts to make again after a write; the tally freed. */
void hold_tally_forget(struct hold_tally *t, size_t kid);
void hold_tally_free(struct hold_tally *t);
/* The children at (as_of, grain) and their evaluations (f.n of each). */
void hold_children(struct hold *h, int as_of, enum period_kind grain, const struct child **c,
                   const struct child_eval **ev);

#endif
