/* account_cache.h: the accounts the server has read, kept as typed records
 * (never as one delimited string, where a name holding the separator could
 * become a role), each valid while the store's change mark is the one it
 * was read at. Fixed size; thread-safe. */
#ifndef CHITIEU_ACCOUNT_CACHE_H
#define CHITIEU_ACCOUNT_CACHE_H

#include "store.h"

#include <stdbool.h>
#include <stdint.h>

#define ACCOUNT_CACHE 128

struct account_cache;

struct account_cache *account_cache_new(void);
void account_cache_free(struct account_cache *ac);
/* Keep a copy of u (its password hash left out) as read at mark. */
void account_cache_put(struct account_cache *ac, int64_t mark, const struct user_rec *u);
/* A copy of the account of login still valid at mark: true and *out (the
 * caller frees it with user_rec_free; pw_hash is NULL). */
bool account_cache_get(struct account_cache *ac, const char *login, int64_t mark,
                       struct user_rec *out);

#endif
