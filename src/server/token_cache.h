/* token_cache.h: API tokens looked up, each valid at the change mark it
 * was read at and until it expires (token_cache.c). Thread-safe. */
#ifndef CHITIEU_TOKEN_CACHE_H
#define CHITIEU_TOKEN_CACHE_H

#include "auth.h"

#include <stdbool.h>
#include <stdint.h>

#define TOKEN_CACHE 64

struct token_cache;

struct token_cache *token_cache_new(void);
void token_cache_free(struct token_cache *tc);
/* The login and scope (caller frees both) of the token of hash, read at
 * mark and not expired at now (ISO 8601 UTC, as the store writes it). */
bool token_cache_get(struct token_cache *tc, const char *hash, int64_t mark, const char *now,
                     char **login, char **scope);
void token_cache_put(struct token_cache *tc, const char *hash, int64_t mark, const char *login,
                     const char *scope, const char *expires);

#endif
