/* views.h: what the edges show, computed once for all of them (the CLI, the
 * HTTP API and the pages): a unit's plan evaluated from the store, the
 * communes of a province with theirs, and their JSON forms. */
#ifndef CHITIEU_VIEWS_H
#define CHITIEU_VIEWS_H

#include "live.h"
#include "pack.h"
#include "rollup.h"
#include "status.h"
#include "store.h"

#include <jansson.h>

#include "error.h"

/* A unit's current plan evaluated at the period ending in month as_of,
 * figures rolled up to grain first. */
struct unit_view {
	struct unit_rec u;
	struct plan p;
	struct obs_rec *o;
	size_t no;
	struct status_row *rows;
	size_t n;
	bool borrowed; /* u and p belong to a hold (hold.h): not freed here */
};

/* 0, or -1 with *err: ERR_UNKNOWN_UNIT, ERR_NO_PLAN or a
 * database error. */
int view_unit(struct store *s, const char *unit, int as_of, enum period_kind grain,
              enum eval_method method, struct unit_view *v, struct error *err);
void view_unit_free(struct unit_view *v);
/* A borrowed view (a hold's) made to own its unit and plan, for a caller
 * that keeps it past the hold. */
void view_unit_detach(struct unit_view *v);

/* The units under a unit with their current plans and figures, on the
 * unit's own indicators. When the unit has a plan (its own or a generated
 * catalogue), each unit with figures under it at any depth (a commune
 * under a district under a province ...) is a child; its indicators and
 * figures are renamed to the unit's indicators through the confirmed
 * links of each level (view_lift), and an indicator without a link all
 * the way up stays local (listed in local, never added). Without a plan,
 * the same units (at any depth) are matched by code when their plans are
 * written alike (the same codes and names: they align trivially);
 * otherwise E_NO_PLAN. */
struct family {
	struct unit_rec *units;
	size_t nunits;
	struct child *c;
	struct plan *plans; /* c[i].plan is plans[i] or, when alike, an earlier child's */
	struct obs_rec **obs;
	size_t n, without_plan;
	const char **top; /* per child: the code of the direct child it is under */
	char **local;     /* "UNIT CODE name" of each indicator not linked up */
	size_t nlocal;
	bool lifted;            /* through the unit's plan and the links (else by code) */
	struct link_pair **map; /* per child, when lifted: view_lift's pairs */
	size_t *nmap;
	/* Held (view_family_held): child i's figures are packs[i], their
	 * strings in pool; c[i].obs is then NULL and c[i].nobs 0. */
	struct pack *packs;
	struct pack_pool *pool;
};

/* 0, or -1 with *err (E_UNKNOWN_UNIT, E_NO_PLAN). On -1 the caller still
 * frees. */
int view_family(struct store *s, const char *parent, enum period_kind grain, struct family *f,
                struct error *err);
void view_family_free(struct family *f);
/* view_family at PERIOD_MONTH as a hold keeps it (hold.h): the figures
 * packed (pack.h: without their note, evidence, status, author and time,
 * which no roll-up, ranking or evaluation reads), packed as they are read,
 * so the subtree's figures are never all held as struct obs_rec. */
int view_family_held(struct store *s, const char *parent, struct family *f, struct error *err);

/* rank_children of the family; when children lie deeper than the direct
 * children (a country's communes), each direct child is ranked by the
 * indicators good over those evaluated, summed over the units under it. */
size_t view_rank(const struct family *f, int as_of, struct rank_row **out);
/* The same from the children's ranking (rank_children or rank_evaluated):
 * *out, of n rows, replaced when children lie deeper. */
size_t view_rank_group(const struct family *f, struct rank_row **out, size_t n);

/* The same ranking kept from one write to the next (hold.c): each child's
 * counts (good, evaluated) are kept, a write counts again only the
 * children it changed (rank_kept_recount), and the rows are made from the
 * counts (rank_kept_rows): with children deeper, summed per direct child
 * (group[i], ngroups as rollup_groups gives them) and only those sorted,
 * not every child's row. Gives what view_rank_group of rank_evaluated
 * gives. */
struct rank_kept;
struct rank_kept *rank_kept_new(const struct family *f, const int *group, size_t ngroups,
                                const struct child_eval *ev);
void rank_kept_recount(struct rank_kept *k, const struct child_eval *ev, size_t i);
size_t rank_kept_rows(const struct rank_kept *k, const struct family *f, const int *group,
                      struct rank_row **out);
void rank_kept_free(struct rank_kept *k);

/* A unit above communes records no figures of its own: its figures as of
 * as_of are the roll-up's values r (levels have no single figure). */
void view_aggregate_obs(struct unit_view *v, const struct rollup_row *r, size_t n, int as_of);

/* The codes of unit units[u]'s indicators on the plan of units[root] (an
 * ancestor), through the confirmed links of each level between: *map
 * holds (own code, root's code) pairs, sorted by own code; unlinked codes
 * are absent. parent[] gives each unit's parent index (-1 at the top). */
int view_lift(struct store *s, const struct unit_rec *units, const int *parent, int u, int root,
              struct link_pair **map, size_t *n, struct error *err);
/* The root's code for code in a map of view_lift, or NULL. */
const char *view_lift_code(const struct link_pair *map, size_t n, const char *code);
/* One step up: each pair of map[0..n) whose parent code the sorted links
 * up[0..nup) lift again takes the code it is lifted to; a pair they do not
 * lift is freed and dropped. Returns the pairs kept (in place, in order). */
size_t view_lift_step(struct link_pair *map, size_t n, const struct link_pair *up, size_t nup);
/* The root's code a figure of code is counted under (in map, and an
 * indicator of root's plan rp), or NULL: it stays local. */
const char *view_lift_figure(const struct link_pair *map, size_t nmap, const struct plan *rp,
                             const char *code);
/* Rename p's indicators (code and name, from root's plan rp) and the
 * figures o[] to the root's codes by map; drop what is not linked, adding
 * "UNIT CODE name" lines to *local. */
void view_lift_apply(const struct link_pair *map, size_t nmap, const struct plan *rp,
                     const char *unit, struct plan *p, struct obs_rec *o, size_t *no, char ***local,
                     size_t *nlocal);

json_t *view_status_row_json(const struct status_row *x);
json_t *view_rollup_json(const struct rollup_row *r, size_t n);
/* One indicator's monthly aggregate from the engine: the root and each
 * row under it, with the communes meeting the target at the last month. */
json_t *view_series_json(const struct live *l, int ind);
/* One link of the store as JSON (the caller owns it). */
json_t *view_link_json(const struct link_rec *r);

#endif
