/* flight.c: one reader makes an answer, the readers who ask for it
 * meanwhile wait for it (single flight, app.h).
 *
 * After a write, the answers about the units it touched are made again
 * when next asked. Readers arriving together for the same answer (the
 * commune page, while figures come in) would each make it, and each
 * take the processor from the others and from the writer. Here the
 * first makes it and the others wait for it and answer its bytes; one
 * made at an older token than a waiter's (a write in between) is not
 * taken: that waiter makes it again, so a new figure is always in the
 * next answer. */
#include "app.h"

#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#define FLIGHTS_MAX 64

struct flights {
	pthread_mutex_t mu;
	pthread_cond_t done;
	struct {
		char *key; /* NULL: free */
		int64_t mark;
	} f[FLIGHTS_MAX];
	long builds, waits;
};

struct flights *flights_new(void)
{
	struct flights *fl = xcalloc(1, sizeof *fl);
	pthread_mutex_init(&fl->mu, NULL);
	pthread_cond_init(&fl->done, NULL);
	return fl;
}

void flights_free(struct flights *fl)
{
	if (!fl)
		return;
	for (int i = 0; i < FLIGHTS_MAX; i++)
		free(fl->f[i].key);
	pthread_cond_destroy(&fl->done);
	pthread_mutex_destroy(&fl->mu);
	free(fl);
}

/* CHITIEU_TEST_FLIGHT_MS: the maker waits that long (at most 5 s) before
 * making the answer, so that a test's readers surely arrive meanwhile. */
static void test_delay(void)
{
	static int ms = -1;
	if (ms < 0) {
		const char *v = getenv("CHITIEU_TEST_FLIGHT_MS");
		int n = v ? atoi(v) : 0;
		__atomic_store_n(&ms, n < 0 ? 0 : n > 5000 ? 5000 : n, __ATOMIC_RELAXED);
	}
	if (ms > 0) {
		struct timespec t = {ms / 1000, (ms % 1000) * 1000000L};
		nanosleep(&t, NULL);
	}
}

static int in_flight(const struct flights *fl, const char *key)
{
	for (int i = 0; i < FLIGHTS_MAX; i++)
		if (fl->f[i].key && !strcmp(fl->f[i].key, key))
			return i;
	return -1;
}

bool flight_take(struct ctx *c, const char *key, int64_t mark)
{
	struct flights *fl = c->app->flights;
	if (!key || mark < 0)
		return true;
	pthread_mutex_lock(&fl->mu);
	for (bool waited = false;; waited = true) {
		/* Made while this one waited, at its token or later. */
		if (waited && cache_get_newer(c, key, mark)) {
			fl->waits++;
			pthread_mutex_unlock(&fl->mu);
			return false;
		}
		if (in_flight(fl, key) < 0) {
			int at = 0;
			while (at < FLIGHTS_MAX && fl->f[at].key)
				at++;
			if (at < FLIGHTS_MAX) /* past that many at once, made alongside */
				fl->f[at].key = xstrdup(key), fl->f[at].mark = mark;
			fl->builds++;
			pthread_mutex_unlock(&fl->mu);
			test_delay(); /* a test widens the window readers meet in */
			return true;
		}
		pthread_cond_wait(&fl->done, &fl->mu);
	}
}

void flight_done(struct ctx *c, const char *key)
{
	struct flights *fl = c->app->flights;
	if (!key)
		return;
	pthread_mutex_lock(&fl->mu);
	int at = in_flight(fl, key);
	if (at >= 0) {
		free(fl->f[at].key);
		fl->f[at].key = NULL;
	}
	pthread_cond_broadcast(&fl->done);
	pthread_mutex_unlock(&fl->mu);
}

json_t *flights_json(struct app *a)
{
	struct flights *fl = a->flights;
	pthread_mutex_lock(&fl->mu);
	json_t *o = json_pack("{sIsI}", "builds", (json_int_t)fl->builds, "waits",
	                      (json_int_t)fl->waits);
	pthread_mutex_unlock(&fl->mu);
	return o;
}
