/* pack.h: a unit's figures kept compact for as long as a hold lives (issue
 * 13: the country's 23.9 M monthly figures in well under 1 GB). A figure
 * is 16 bytes: its value, its indicator code and period as indices into a
 * pool of interned strings shared by the hold, and what kind of figure it
 * is. The rare figure that is not a plain value (a ratio, a level, or a
 * value beside num/den) keeps its numbers and level in a side table.
 * Evaluation reads struct obs_rec: pack_get makes them again, one unit at a
 * time, into a buffer the caller reuses.
 *
 * Kept: code, period, value, num, den, level and the has_ and yes flags,
 * exactly (the double's bits). Not kept: series_id, version, note,
 * evidence, status, author and time, which no evaluation,
 * roll-up or ranking reads. Order is kept: pack_get gives the figures in
 * the order they were added. */
#ifndef CHITIEU_PACK_H
#define CHITIEU_PACK_H

#include "observation.h"

#include <stddef.h>
#include <stdint.h>

/* Interned strings; each keeps its address until pack_pool_free. */
struct pack_pool {
	char **s; /* by index */
	uint32_t n, cap;
	uint32_t *slot; /* open addressing: index + 1, 0 empty; nslot a power of two */
	uint32_t nslot;
	size_t bytes; /* of the strings themselves */
	size_t added; /* figures pack_add packed with it, for the tests */
};

struct pack_rec {
	union {
		double v;      /* the value, when not PACK_SIDE */
		uint64_t side; /* the side table's entry, when PACK_SIDE */
	} u;
	uint32_t code; /* pool index + 1; 0: no code */
	uint32_t pf;   /* period's pool index << 8 | PACK_ flags */
};

struct pack_side {
	double value, num, den;
	uint32_t level; /* pool index + 1; 0: none */
};

/* One unit's figures. Zeroed is empty. */
struct pack {
	struct pack_rec *r;
	struct pack_side *side;
	size_t n, cap, nside, capside;
};

/* Add o (its strings interned in pool); o stays the caller's. */
void pack_add(struct pack *k, struct pack_pool *pool, const struct obs_rec *o);
/* Order k's figures by period, then by code, as their strings compare
 * (no code first), as store_obs_list orders a unit's figures. */
void pack_sort(struct pack *k, const struct pack_pool *pool);
/* Rename the code of each of k's figures to to(arg, code) (interned in
 * pool; code NULL when it has none), keeping their order; a figure to()
 * gives NULL for is dropped. */
void pack_rename(struct pack *k, struct pack_pool *pool,
                 const char *(*to)(void *arg, const char *code), void *arg);
/* Give back the room left for adding (once loaded, a pack is kept as is). */
void pack_trim(struct pack *k);
void pack_free(struct pack *k);

/* The figures of k into *buf (grown as needed; *cap its room), in the order
 * added. Their code and level are the pool's: free the array, never the
 * records (no obs_rec_free). Returns how many. */
size_t pack_get(const struct pack *k, const struct pack_pool *pool, struct obs_rec **buf,
                size_t *cap);

/* The interned copy of s (added when new), as long as the pool lives. */
const char *pack_intern(struct pack_pool *pool, const char *s);
void pack_pool_free(struct pack_pool *pool);

/* Bytes allocated for k (records and side table, room included) and for
 * the pool (strings, their table and its index). */
size_t pack_bytes(const struct pack *k);
size_t pack_pool_bytes(const struct pack_pool *pool);

#endif
