/* session.c: small tables behind one lock; a commune office has tens of
 * accounts and a province a few thousand, so a scan is enough. */
#include "session.h"

#include "util.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct strikes {
	char key[160]; /* "u:login" or "a:address" */
	int count;
	time_t first, locked_until;
};

struct sessions {
	pthread_mutex_t mu;
	struct session *v;
	size_t n, cap;
	struct strikes *f;
	size_t nf, fcap;
};

struct sessions *sessions_new(void)
{
	struct sessions *ss = xcalloc(1, sizeof *ss);
	pthread_mutex_init(&ss->mu, NULL);
	return ss;
}

void sessions_free(struct sessions *ss)
{
	if (!ss)
		return;
	pthread_mutex_destroy(&ss->mu);
	free(ss->v);
	free(ss->f);
	free(ss);
}

static bool alive(const struct session *v, time_t now)
{
	return now - v->last < SESSION_IDLE && now - v->created < SESSION_ABSOLUTE;
}

void session_create(struct sessions *ss, const char *login, int64_t epoch, time_t now,
                    struct session *out)
{
	memset(out, 0, sizeof *out);
	auth_random(out->id);
	auth_random(out->csrf);
	snprintf(out->login, sizeof out->login, "%s", login);
	out->epoch = epoch;
	out->created = out->last = now;
	pthread_mutex_lock(&ss->mu);
	size_t k = 0; /* drop the expired on the way */
	for (size_t i = 0; i < ss->n; i++)
		if (alive(&ss->v[i], now))
			ss->v[k++] = ss->v[i];
	ss->n = k;
	ss->v = xgrow(ss->v, &ss->cap, ss->n + 1, sizeof *ss->v);
	ss->v[ss->n++] = *out;
	pthread_mutex_unlock(&ss->mu);
}

bool session_find(struct sessions *ss, const char *id, time_t now, struct session *out)
{
	bool found = false;
	if (!id || strlen(id) != AUTH_TOKEN - 1)
		return false;
	pthread_mutex_lock(&ss->mu);
	for (size_t i = 0; i < ss->n && !found; i++)
		if (auth_equal(ss->v[i].id, id) && alive(&ss->v[i], now)) {
			ss->v[i].last = now;
			*out = ss->v[i];
			found = true;
		}
	pthread_mutex_unlock(&ss->mu);
	return found;
}

static void drop_where(struct sessions *ss, const char *id, const char *login)
{
	pthread_mutex_lock(&ss->mu);
	size_t k = 0;
	for (size_t i = 0; i < ss->n; i++)
		if (!(id && !strcmp(ss->v[i].id, id)) && !(login && !strcmp(ss->v[i].login, login)))
			ss->v[k++] = ss->v[i];
	ss->n = k;
	pthread_mutex_unlock(&ss->mu);
}

void session_drop(struct sessions *ss, const char *id)
{
	drop_where(ss, id, NULL);
}

void session_drop_login(struct sessions *ss, const char *login)
{
	drop_where(ss, NULL, login);
}

static struct strikes *strikes_of(struct sessions *ss, const char *kind, const char *who,
                                  time_t now, bool add)
{
	char key[160];
	snprintf(key, sizeof key, "%s:%s", kind, who ? who : "");
	for (size_t i = 0; i < ss->nf; i++)
		if (!strcmp(ss->f[i].key, key)) {
			if (now - ss->f[i].first > SIGNIN_WINDOW && now >= ss->f[i].locked_until)
				ss->f[i].count = 0, ss->f[i].first = now; /* an old window */
			return &ss->f[i];
		}
	if (!add)
		return NULL;
	struct strikes *s;
	if (ss->nf < SIGNIN_STRIKES_MAX) {
		ss->f = xgrow(ss->f, &ss->fcap, ss->nf + 1, sizeof *ss->f);
		s = &ss->f[ss->nf++];
	} else { /* full: the oldest key not locked goes (the oldest, if all are) */
		size_t old = 0, old_free = SIZE_MAX;
		for (size_t i = 0; i < ss->nf; i++) {
			if (ss->f[i].first < ss->f[old].first)
				old = i;
			if (ss->f[i].locked_until <= now &&
			    (old_free == SIZE_MAX || ss->f[i].first < ss->f[old_free].first))
				old_free = i;
		}
		s = &ss->f[old_free != SIZE_MAX ? old_free : old];
	}
	memset(s, 0, sizeof *s);
	snprintf(s->key, sizeof s->key, "%s", key);
	s->first = now;
	return s;
}

int signin_wait(struct sessions *ss, const char *login, const char *addr, time_t now)
{
	pthread_mutex_lock(&ss->mu);
	struct strikes *u = strikes_of(ss, "u", login, now, false),
	               *a = strikes_of(ss, "a", addr, now, false);
	time_t until = 0;
	if (u && u->locked_until > until)
		until = u->locked_until;
	if (a && a->locked_until > until)
		until = a->locked_until;
	pthread_mutex_unlock(&ss->mu);
	return until > now ? (int)(until - now) : 0;
}

void signin_failed(struct sessions *ss, const char *login, const char *addr, time_t now)
{
	pthread_mutex_lock(&ss->mu);
	struct strikes *u = strikes_of(ss, "u", login, now, true);
	if (++u->count >= SIGNIN_MAX_FAILS)
		u->locked_until = now + SIGNIN_LOCK;
	struct strikes *a = strikes_of(ss, "a", addr, now, true);
	if (++a->count >= SIGNIN_MAX_FAILS_IP)
		a->locked_until = now + SIGNIN_LOCK;
	pthread_mutex_unlock(&ss->mu);
}

void signin_succeeded(struct sessions *ss, const char *login)
{
	pthread_mutex_lock(&ss->mu);
	struct strikes *u = strikes_of(ss, "u", login, time(NULL), false);
	if (u && u->locked_until <= time(NULL))
		u->count = 0;
	pthread_mutex_unlock(&ss->mu);
}

size_t signin_strikes(struct sessions *ss)
{
	pthread_mutex_lock(&ss->mu);
	size_t n = ss->nf;
	pthread_mutex_unlock(&ss->mu);
	return n;
}
