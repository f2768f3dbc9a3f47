/* rollup_state.h: a roll-up kept up to date child by child. The children
 * fall in groups (a country's communes by province); for each indicator
 * and group a partial is kept (sums, counts, the level distribution, the
 * worst of the group), and the roll-up is the groups' partials combined
 * in group order. A child's new evaluation folds its group again and
 * combines the groups: O(children of one group + groups) per indicator,
 * not O(all children). A state built afresh (rollup_state_new) is the
 * reference: after any updates it gives byte for byte what a new state
 * over the same children gives. No I/O. */
#ifndef CHITIEU_ROLLUP_STATE_H
#define CHITIEU_ROLLUP_STATE_H

#include "rollup.h"

struct rollup_state;

/* The roll-up of c[0..n) evaluated in ev (rollup_evaluated's arguments),
 * child i in group group[i] (0..ngroups); group NULL: one group of all.
 * c and ev are the caller's and must live while the state does (each
 * update passes them again); the plans of c must not change. */
struct rollup_state *rollup_state_new(const struct child *c, const struct child_eval *ev, size_t n,
                                      const int *group, size_t ngroups);
void rollup_state_free(struct rollup_state *s);

/* The children changed[0..nchanged) were evaluated again (c and ev hold
 * their new ones, and every other child's as before): their groups are
 * folded again, each once. */
void rollup_state_update(struct rollup_state *s, const struct child *c, const struct child_eval *ev,
                         const size_t *changed, size_t nchanged);

/* The rows, the state's: valid until the next update or free. */
size_t rollup_state_rows(const struct rollup_state *s, const struct rollup_row **out);

/* Children folded so far (each child of each group folded again, once per
 * build or update) plus the group partials combined: what a roll-up cost,
 * for the tests. */
long rollup_state_folded(const struct rollup_state *s);

/* The groups of a family's children by the direct child each lies under
 * (top[i]), in order of first appearance: group[i]; returns the number of
 * groups. One group when top is NULL or every child is alone in its own
 * (a province's communes: folding them all costs what combining them
 * would, without a partial per child). *group is the caller's to free. */
size_t rollup_groups(const char *const *top, size_t n, int **group);

#endif
