/* account_cache.c: a ring of typed account records behind one lock. */
#include "account_cache.h"

#include "util.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct account_cache {
	pthread_mutex_t mu;
	struct entry {
		struct user_rec u;
		int64_t mark;
		bool used;
	} v[ACCOUNT_CACHE];
	int next;
};

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

/* A deep copy, without the password hash. */
static void copy_user(struct user_rec *to, const struct user_rec *from)
{
	memset(to, 0, sizeof *to);
	to->id = from->id;
	to->login = dup_or_null(from->login);
	to->name = dup_or_null(from->name);
	to->role = dup_or_null(from->role);
	to->unit_code = dup_or_null(from->unit_code);
	to->agency = dup_or_null(from->agency);
	to->disabled = from->disabled;
	to->epoch = from->epoch;
}

struct account_cache *account_cache_new(void)
{
	struct account_cache *ac = xcalloc(1, sizeof *ac);
	pthread_mutex_init(&ac->mu, NULL);
	return ac;
}

void account_cache_free(struct account_cache *ac)
{
	if (!ac)
		return;
	for (int i = 0; i < ACCOUNT_CACHE; i++)
		if (ac->v[i].used)
			user_rec_free(&ac->v[i].u);
	pthread_mutex_destroy(&ac->mu);
	free(ac);
}

void account_cache_put(struct account_cache *ac, int64_t mark, const struct user_rec *u)
{
	if (mark < 0 || !u || !u->login)
		return;
	pthread_mutex_lock(&ac->mu);
	int at = -1;
	for (int i = 0; i < ACCOUNT_CACHE && at < 0; i++)
		if (ac->v[i].used && !strcmp(ac->v[i].u.login, u->login))
			at = i;
	if (at < 0) {
		at = ac->next;
		ac->next = (ac->next + 1) % ACCOUNT_CACHE;
	}
	struct entry *e = &ac->v[at];
	if (e->used)
		user_rec_free(&e->u);
	copy_user(&e->u, u);
	e->mark = mark;
	e->used = true;
	pthread_mutex_unlock(&ac->mu);
}

bool account_cache_get(struct account_cache *ac, const char *login, int64_t mark,
                       struct user_rec *out)
{
	bool hit = false;
	if (!login || mark < 0)
		return false;
	pthread_mutex_lock(&ac->mu);
	for (int i = 0; i < ACCOUNT_CACHE && !hit; i++)
		if (ac->v[i].used && ac->v[i].mark == mark && !strcmp(ac->v[i].u.login, login)) {
			copy_user(out, &ac->v[i].u);
			hit = true;
		}
	pthread_mutex_unlock(&ac->mu);
	return hit;
}
