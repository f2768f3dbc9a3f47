/* token_cache.c: the API tokens the server has looked up (app.c,
 * identify), so that a machine client's every request does not ask the
 * store who it is. An entry holds the token's hash, its account's login,
 * its scope and when it expires, and is valid only at the change mark
 * (the epoch) it was read at: revoking a token, like every change to an
 * account, writes the audit log and moves the epoch, in this process or
 * any other (holds.c); a figure recorded does not. The account itself
 * then comes from the account cache, at the same mark. Expired tokens are
 * refused from the cache too. Fixed size (least recently used out);
 * thread-safe. */
#include "token_cache.h"

#include "util.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct token_cache {
	pthread_mutex_t mu;
	struct tok {
		char hash[AUTH_TOKEN];
		char *login, *scope;
		char expires[32];
		int64_t mark;
		long used;
	} v[TOKEN_CACHE];
	long clock;
};

struct token_cache *token_cache_new(void)
{
	struct token_cache *tc = xcalloc(1, sizeof *tc);
	pthread_mutex_init(&tc->mu, NULL);
	return tc;
}

void token_cache_free(struct token_cache *tc)
{
	if (!tc)
		return;
	for (int i = 0; i < TOKEN_CACHE; i++) {
		free(tc->v[i].login);
		free(tc->v[i].scope);
	}
	pthread_mutex_destroy(&tc->mu);
	free(tc);
}

bool token_cache_get(struct token_cache *tc, const char *hash, int64_t mark, const char *now,
                     char **login, char **scope)
{
	bool hit = false;
	pthread_mutex_lock(&tc->mu);
	for (int i = 0; i < TOKEN_CACHE && !hit; i++) {
		struct tok *t = &tc->v[i];
		if (t->login && t->mark == mark && !strcmp(t->hash, hash) &&
		    strcmp(now, t->expires) < 0) {
			*login = xstrdup(t->login);
			*scope = xstrdup(t->scope);
			t->used = ++tc->clock;
			hit = true;
		}
	}
	pthread_mutex_unlock(&tc->mu);
	return hit;
}

void token_cache_put(struct token_cache *tc, const char *hash, int64_t mark, const char *login,
                     const char *scope, const char *expires)
{
	pthread_mutex_lock(&tc->mu);
	struct tok *t = &tc->v[0];
	for (int i = 0; i < TOKEN_CACHE; i++) {
		struct tok *x = &tc->v[i];
		if (x->login && !strcmp(x->hash, hash)) { /* the same token again */
			t = x;
			break;
		}
		if (!x->login || (t->login && x->used < t->used))
			t = x;
	}
	free(t->login);
	free(t->scope);
	snprintf(t->hash, sizeof t->hash, "%s", hash);
	snprintf(t->expires, sizeof t->expires, "%s", expires);
	t->login = xstrdup(login);
	t->scope = xstrdup(scope ? scope : "");
	t->mark = mark;
	t->used = ++tc->clock;
	pthread_mutex_unlock(&tc->mu);
}
