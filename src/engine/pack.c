/* pack.c: figures kept in 16 bytes each, strings interned (pack.h). */
#include "pack.h"

#include "util.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

enum {
	PACK_VALUE = 1 << 0, /* has_value */
	PACK_RATIO = 1 << 1,
	PACK_LEVEL = 1 << 2,
	PACK_YES = 1 << 3,  /* has_yes */
	PACK_TRUE = 1 << 4, /* yes */
	PACK_SIDE = 1 << 5, /* u.side: the numbers are in the side table */
};

#define PACK_PERIODS (1u << 24) /* the period's index shares pf with the flags */

static uint32_t hash(const char *s)
{
	uint32_t h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* The slot of s in pool's index: where it is, or the empty one to take. */
static uint32_t *slot_of(const struct pack_pool *pool, const char *s)
{
	uint32_t mask = pool->nslot - 1;
	for (uint32_t at = hash(s) & mask;; at = (at + 1) & mask) {
		uint32_t *x = &pool->slot[at];
		if (!*x || !strcmp(pool->s[*x - 1], s))
			return x;
	}
}

static void rehash(struct pack_pool *pool)
{
	free(pool->slot);
	pool->nslot = pool->nslot ? pool->nslot * 2 : 64;
	pool->slot = xcalloc(pool->nslot, sizeof *pool->slot);
	for (uint32_t i = 0; i < pool->n; i++)
		*slot_of(pool, pool->s[i]) = i + 1;
}

/* The index of s in pool, added when new. */
static uint32_t intern_ix(struct pack_pool *pool, const char *s)
{
	if ((pool->n + 1) * 2 > pool->nslot)
		rehash(pool);
	uint32_t *x = slot_of(pool, s);
	if (!*x) {
		if (pool->n == pool->cap) {
			pool->cap = pool->cap ? pool->cap * 2 : 64;
			pool->s = xrealloc(pool->s, pool->cap * sizeof *pool->s);
		}
		pool->s[pool->n] = xstrdup(s);
		pool->bytes += strlen(s) + 1;
		*x = ++pool->n;
	}
	return *x - 1;
}

const char *pack_intern(struct pack_pool *pool, const char *s)
{
	return pool->s[intern_ix(pool, s)];
}

void pack_pool_free(struct pack_pool *pool)
{
	if (!pool)
		return;
	for (uint32_t i = 0; i < pool->n; i++)
		free(pool->s[i]);
	free(pool->s);
	free(pool->slot);
	memset(pool, 0, sizeof *pool);
}

static bool zero_bits(double d)
{
	uint64_t b;
	memcpy(&b, &d, sizeof b);
	return !b;
}

void pack_add(struct pack *k, struct pack_pool *pool, const struct obs_rec *o)
{
	char period[sizeof o->period + 1];
	memcpy(period, o->period, sizeof o->period);
	period[sizeof o->period] = '\0';
	uint32_t p = intern_ix(pool, period);
	assert(p < PACK_PERIODS);
	uint32_t flags = (o->has_value ? PACK_VALUE : 0) | (o->has_ratio ? PACK_RATIO : 0) |
	                 (o->has_level ? PACK_LEVEL : 0) | (o->has_yes ? PACK_YES : 0) |
	                 (o->yes ? PACK_TRUE : 0);
	k->r = xgrow(k->r, &k->cap, k->n + 1, sizeof *k->r);
	struct pack_rec *r = &k->r[k->n++];
	r->code = o->code ? intern_ix(pool, o->code) + 1 : 0;
	if (zero_bits(o->num) && zero_bits(o->den) && !o->level) {
		r->u.v = o->value;
	} else { /* a ratio or a level: rare */
		flags |= PACK_SIDE;
		k->side = xgrow(k->side, &k->capside, k->nside + 1, sizeof *k->side);
		k->side[k->nside] = (struct pack_side){
		        o->value, o->num, o->den, o->level ? intern_ix(pool, o->level) + 1 : 0};
		r->u.side = k->nside++;
	}
	r->pf = p << 8 | flags;
	pool->added++;
}

/* A figure's place in pack_sort's order, and where it was. */
struct sort_key {
	const char *period, *code;
	size_t at;
};

static int key_cmp(const void *a, const void *b)
{
	const struct sort_key *x = a, *y = b;
	int c = strcmp(x->period, y->period);
	if (!c)
		c = strcmp(x->code ? x->code : "", y->code ? y->code : "");
	return c ? c : (x->at > y->at) - (x->at < y->at);
}

struct ranked {
	const char *s;
	uint32_t i;
};

static int by_string(const void *a, const void *b)
{
	return strcmp(((const struct ranked *)a)->s, ((const struct ranked *)b)->s);
}

static struct sort_key key_of(const struct pack *k, const struct pack_pool *pool, size_t i)
{
	const struct pack_rec *r = &k->r[i];
	return (struct sort_key){pool->s[r->pf >> 8], r->code ? pool->s[r->code - 1] : NULL, i};
}

/* The place of each of pool's strings in strcmp's order (1 the first),
 * and that of no code (as "" sorts): a figure's key is then two numbers. */
static uint32_t *pool_ranks(const struct pack_pool *pool, uint32_t *none)
{
	struct ranked *ix = xcalloc(pool->n + 1, sizeof *ix);
	uint32_t *rank = xcalloc(pool->n + 1, sizeof *rank);
	for (uint32_t i = 0; i < pool->n; i++)
		ix[i] = (struct ranked){pool->s[i], i};
	xqsort(ix, pool->n, sizeof *ix, by_string);
	for (uint32_t i = 0; i < pool->n; i++)
		rank[ix[i].i] = i + 1;
	*none = pool->n && !*ix[0].s ? 1 : 0;
	free(ix);
	return rank;
}

struct rank_key {
	uint64_t key; /* the period's rank, then the code's */
	size_t at;
};

static int rank_key_cmp(const void *a, const void *b)
{
	const struct rank_key *x = a, *y = b;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return (x->at > y->at) - (x->at < y->at);
}

void pack_sort(struct pack *k, const struct pack_pool *pool)
{
	size_t i = 1;
	for (; i < k->n; i++) { /* often in order already */
		struct sort_key a = key_of(k, pool, i - 1), b = key_of(k, pool, i);
		if (key_cmp(&a, &b) > 0)
			break;
	}
	if (i >= k->n)
		return;
	/* Compared as numbers: the strings are ranked once, not compared at
	 * each of the n log n steps (thousands of figures a unit). */
	uint32_t none, *rank = pool_ranks(pool, &none);
	struct rank_key *key = xcalloc(k->n, sizeof *key);
	for (i = 0; i < k->n; i++) {
		const struct pack_rec *r = &k->r[i];
		key[i] = (struct rank_key){
		        (uint64_t)rank[r->pf >> 8] << 32 | (r->code ? rank[r->code - 1] : none), i};
	}
	free(rank);
	qsort(key, k->n, sizeof *key, rank_key_cmp);
	struct pack_rec *r = xcalloc(k->cap, sizeof *r);
	for (i = 0; i < k->n; i++)
		r[i] = k->r[key[i].at];
	free(k->r);
	k->r = r;
	free(key);
}

void pack_rename(struct pack *k, struct pack_pool *pool,
                 const char *(*to)(void *arg, const char *code), void *arg)
{
	size_t n = 0, nside = 0;
	struct pack_side *side = k->nside ? xcalloc(k->nside, sizeof *side) : NULL;
	/* to() asked once per code, not once per figure: by the code's index
	 * (0 no code), 0 not asked yet, 1 dropped, else the new index + 2. */
	uint32_t nmemo = pool->n + 1, *memo = xcalloc(nmemo, sizeof *memo);
	for (size_t i = 0; i < k->n; i++) {
		struct pack_rec r = k->r[i];
		uint32_t *m = &memo[r.code];
		if (!*m) {
			const char *code = to(arg, r.code ? pool->s[r.code - 1] : NULL);
			*m = code ? intern_ix(pool, code) + 2 : 1;
		}
		if (*m == 1)
			continue;
		r.code = *m - 1;
		if (r.pf & PACK_SIDE) { /* kept in the order of what is kept */
			side[nside] = k->side[r.u.side];
			r.u.side = nside++;
		}
		k->r[n++] = r;
	}
	free(memo);
	free(k->side);
	if (!nside) { /* none kept: no room kept for them either */
		free(side);
		side = NULL;
	}
	k->side = side;
	k->capside = side ? k->nside : 0;
	k->n = n;
	k->nside = nside;
}

void pack_trim(struct pack *k)
{
	if (k->cap > k->n) {
		k->r = xrealloc(k->r, (k->n ? k->n : 1) * sizeof *k->r);
		k->cap = k->n ? k->n : 1;
	}
	if (k->capside > k->nside) {
		k->side = xrealloc(k->side, (k->nside ? k->nside : 1) * sizeof *k->side);
		k->capside = k->nside ? k->nside : 1;
	}
}

void pack_free(struct pack *k)
{
	if (!k)
		return;
	free(k->r);
	free(k->side);
	memset(k, 0, sizeof *k);
}

size_t pack_get(const struct pack *k, const struct pack_pool *pool, struct obs_rec **buf,
                size_t *cap)
{
	*buf = xgrow(*buf, cap, k->n + 1, sizeof **buf);
	for (size_t i = 0; i < k->n; i++) {
		const struct pack_rec *r = &k->r[i];
		uint32_t f = r->pf & 0xff;
		struct obs_rec *o = &(*buf)[i];
		memset(o, 0, sizeof *o);
		const char *per = pool->s[r->pf >> 8];
		size_t len = strlen(per); /* 16 at most: pack_add read no more */
		memcpy(o->period, per, len < sizeof o->period ? len + 1 : sizeof o->period);
		o->has_value = f & PACK_VALUE;
		o->has_ratio = f & PACK_RATIO;
		o->has_level = f & PACK_LEVEL;
		o->has_yes = f & PACK_YES;
		o->yes = f & PACK_TRUE;
		o->code = r->code ? pool->s[r->code - 1] : NULL;
		if (f & PACK_SIDE) {
			const struct pack_side *s = &k->side[r->u.side];
			o->value = s->value;
			o->num = s->num;
			o->den = s->den;
			o->level = s->level ? pool->s[s->level - 1] : NULL;
		} else {
			o->value = r->u.v;
		}
	}
	return k->n;
}

size_t pack_bytes(const struct pack *k)
{
	return k->cap * sizeof *k->r + k->capside * sizeof *k->side;
}

size_t pack_pool_bytes(const struct pack_pool *pool)
{
	return pool->bytes + pool->cap * sizeof *pool->s + pool->nslot * sizeof *pool->slot;
}
