/* align.h: which indicators of different plans are the same indicator. Pure
 * functions, no I/O: the CLI (`chitieu align`) and the store's link
 * proposals call the same matcher.
 *
 * An indicator is first reduced to its features (align_item_new): the
 * folded words of its name (diacritics, đ, case, abbreviations expanded),
 * its kind (a rate, a count, a level, a rank ...), its unit, and the key
 * terms that must agree: numbers with their units ("5G", "1 Gbps", "15
 * tuổi"), the administrative level ("cấp xã"), the population base ("dân
 * số trưởng thành"), the kind of account. Two items are then scored
 * (align_score): 0 and refused when a key term, the kind or the unit
 * disagree; otherwise the likeness of the names, with a small bonus for
 * equal targets. Precision first: align_match and align_group keep only
 * pairs at or above ALIGN_THRESHOLD, each indicator at most once. */
#ifndef CHITIEU_ALIGN_H
#define CHITIEU_ALIGN_H

#include "plan.h"

#include <stdbool.h>
#include <stddef.h>

/* Pairs scoring at least this are proposed. */
#define ALIGN_THRESHOLD 0.75
#define ALIGN_MAX_WHY   10

/* What an indicator measures, from its unit, its name and its targets. */
enum align_kind {
	ALIGN_UNKNOWN, /* no unit and nothing else says */
	ALIGN_RATE,    /* %, tỷ lệ, tỷ trọng */
	ALIGN_PER_POP, /* người/vạn dân */
	ALIGN_COUNT,   /* a number of things: doanh nghiệp, sáng kiến ... */
	ALIGN_INDEX,   /* chỉ số */
	ALIGN_LEVEL,   /* mức độ: khá, tốt ... */
	ALIGN_RANK,    /* thứ bậc, xếp hạng */
	ALIGN_YESNO,   /* có/không, đạt */
	ALIGN_REPORT,  /* báo cáo */
};

/* Vietnamese name of a kind ("tỷ lệ"). Static. */
const char *align_kind_name(enum align_kind k);

/* The features of one indicator; keeps a pointer to ind, which must
 * outlive it. align_item_free(NULL) does nothing. */
struct align_item;
struct align_item *align_item_new(const struct indicator *ind);
void align_item_free(struct align_item *it);
enum align_kind align_item_kind(const struct align_item *it);
const struct indicator *align_item_indicator(const struct align_item *it);

/* A score in 0..1 and, when asked for, its reasons in Vietnamese. */
struct align_score {
	double score;
	bool refused; /* a key term, the kind or the unit disagree: never merge */
	char *why[ALIGN_MAX_WHY];
	int nwhy;
};

/* Score a against b. With reasons (why != NULL) each reason is a new
 * string owned by *why (free with align_score_free); without, only the
 * number is computed (fast: no allocation). Symmetric. */
double align_score(const struct align_item *a, const struct align_item *b, struct align_score *why);
void align_score_free(struct align_score *s);

/* One proposed link: item a[ia] is the same indicator as b[ib]. */
struct align_pair {
	size_t ia, ib;
	double score;
};

/* Link the items of two plans one to one, best pairs first, keeping those
 * at or above threshold: a child plan's indicators to its parent's.
 * Returns how many pairs; *out (caller frees) is sorted by score, best
 * first. */
size_t align_match(struct align_item *const *a, size_t na, struct align_item *const *b, size_t nb,
                   double threshold, struct align_pair **out);

/* Groups of several plans: one group = one shared indicator, at most one
 * member of each plan; a member is in at most one group. */
struct align_member {
	size_t plan, ind; /* indexes into the plans given and their ind[] */
	double score;     /* against the group's first member (1 for itself) */
	struct align_score why;
};
struct align_group {
	struct align_member *m;
	size_t n;
};
struct align_groups {
	struct align_group *g;
	size_t n;
};

/* Match every pair of plans (align_match), then merge the pairs into
 * groups, best first, only while each group keeps one member per plan and
 * every two of its members score at least threshold - 0.15 and are not
 * refused. Groups are in the order of their first member (plan, then
 * indicator). Free with align_groups_free. */
void align_group(const struct plan *const *plans, size_t nplans, double threshold,
                 struct align_groups *out);
void align_groups_free(struct align_groups *g);

#endif
