/* group.c: group commit of the writes queued together (server.c's writer
 * takes every write waiting at one moment). Figures recorded through the
 * API are run one after the other in ONE transaction (store/group.c: each
 * after a savepoint of its own), each checked, audited and answered on its
 * own; a write that fails is rolled back alone and the others stay. Every
 * client is answered only after the commit that holds its write. The work
 * a write does after its commit today is done once for the group after
 * the group's commit: the holds take the figures each kept write stored,
 * as it stored them (store_written: nothing read back), and the mark
 * after the writes is their own last audit id when their ids are every id
 * since the mark before (nobody else wrote), else it is read once with
 * the audit log's check whether another process wrote meanwhile
 * (app_write_end). Until the commit the holds are
 * not told (a reader between the writes and the commit would otherwise
 * cache the figures before them under the new generation); the live
 * engines (app_series) are updated under live_mu, which the group holds
 * throughout, and are rebuilt if the group's commit fails. The group's
 * phases (the wait for live_mu, its statements, its COMMIT, what follows)
 * are timed for each of its writes (app_write_timed). */
#define _GNU_SOURCE /* memmem */
#include "app.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#define GROUP_MAX 64 /* writes in one transaction at most */

struct write_group {
	int64_t m0, epoch;
	char **units; /* touched by a write of the group: told after the commit */
	size_t nunits, ucap;
	char **actors; /* who wrote in the group, each once */
	size_t nactors, acap;
	/* The current write, as app_write_end and app_recorded saw it. */
	bool cur_ok, cur_recorded;
	char *cur_actor;
	size_t cur_item;
	/* What each write stored to each unit (store_written), for the holds
	 * after the commit: those of the writes kept, in their order. */
	struct gpatch {
		size_t item;
		char *unit;
		struct obs_rec *o; /* NULL and n 0 with known false: read it again */
		size_t n;
		bool known;
	} * patches;
	size_t npatches, pcap;
};

static __thread struct write_group *current;

double app_ms_between(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) * 1e3 + (double)(b->tv_nsec - a->tv_nsec) / 1e6;
}

/* Milliseconds from t0 to now (CLOCK_MONOTONIC), now set. */
static double ms_since(const struct timespec *t0, struct timespec *now)
{
	clock_gettime(CLOCK_MONOTONIC, now);
	return app_ms_between(t0, now);
}

void app_write_timed(struct app *a, const struct write_phases *ph)
{
	pthread_mutex_lock(&a->slow_mu);
	int at = a->nslow;
	while (at > 0 && a->slow[at - 1].total < ph->total)
		at--;
	if (at < APP_SLOW_WRITES) {
		int keep = a->nslow < APP_SLOW_WRITES ? a->nslow : APP_SLOW_WRITES - 1;
		memmove(&a->slow[at + 1], &a->slow[at], (size_t)(keep - at) * sizeof *a->slow);
		a->slow[at] = *ph;
		a->nslow = keep + 1;
	}
	pthread_mutex_unlock(&a->slow_mu);
}

/* Milliseconds to a tenth. */
static double tenth(double ms)
{
	return (double)(long)(ms * 10 + 0.5) / 10;
}

json_t *app_slow_writes_json(struct app *a)
{
	json_t *v = json_array();
	pthread_mutex_lock(&a->slow_mu);
	for (int i = 0; i < a->nslow; i++) {
		const struct write_phases *p = &a->slow[i];
		json_array_append_new(
		        v, json_pack("{sfsfsfsfsfsfsfsfsfsfsisIsI}", "ms", tenth(p->total), "in",
		                     tenth(p->in), "behind", tenth(p->behind), "lock",
		                     tenth(p->lock), "statements", tenth(p->items), "commit",
		                     tenth(p->commit), "after", tenth(p->after), "out",
		                     tenth(p->out), "cpu_wait", tenth(p->cpu_wait), "db_cpu_wait",
		                     tenth(p->db_cpu_wait), "group", p->group, "round_trips",
		                     (json_int_t)p->trips, "at", (json_int_t)p->at));
	}
	pthread_mutex_unlock(&a->slow_mu);
	return v;
}

/* A thread's or process's time runnable but not running, in ms, from
 * Linux's schedstat (its second field, ns); -1 where unreadable. */
static double run_delay_ms(const char *path)
{
	FILE *f = fopen(path, "r");
	unsigned long long run = 0, wait = 0;
	bool ok = f && fscanf(f, "%llu %llu", &run, &wait) == 2;
	if (f)
		fclose(f);
	return ok ? (double)wait / 1e6 : -1;
}

/* The run delays of the calling thread and of the database server's
 * process on s (none: -1). */
static void run_delays(struct store *s, double *own, double *db)
{
	char path[64];
	int pid = store_server_pid(s);
	*own = run_delay_ms("/proc/thread-self/schedstat");
	*db = -1;
	if (pid > 0 && snprintf(path, sizeof path, "/proc/%d/schedstat", pid) < (int)sizeof path)
		*db = run_delay_ms(path);
}

static double delta_or_unknown(double a, double b)
{
	return a < 0 || b < 0 ? -1 : b - a;
}

bool app_groupable(const struct http_req *rq)
{
	/* POST /api/v1/units/{unit}/observations: figures, answered 201 and
	 * nothing else done (api_record). Other writes run alone. */
	const char *p = rq->path;
	if (strcmp(rq->method, "POST") || strncmp(p, "/api/v1/units/", 14))
		return false;
	p += 14;
	size_t n = strcspn(p, "/");
	return n > 0 && !strcmp(p + n, "/observations");
}

bool app_group_write(struct ctx *c, bool begin)
{
	struct write_group *g = current;
	if (!g)
		return false;
	if (begin) {
		c->write_mark = g->m0;
		c->mark = g->epoch;
	} else {
		g->cur_ok = c->recorded && c->signed_in && !c->relinked;
		free(g->cur_actor);
		g->cur_actor = c->signed_in ? xstrdup(c->user.login) : NULL;
	}
	return true;
}

int64_t app_group_mark(void)
{
	return current ? current->m0 : -1;
}

static void add_once(char ***v, size_t *n, size_t *cap, const char *s)
{
	for (size_t i = 0; i < *n; i++)
		if (!strcmp((*v)[i], s))
			return;
	*v = xgrow(*v, cap, *n + 1, sizeof **v);
	(*v)[(*n)++] = xstrdup(s);
}

bool app_group_touch(struct ctx *c, const char *unit, const struct obs_rec *w, size_t nw,
                     bool known)
{
	struct write_group *g = current;
	if (!g)
		return false;
	(void)c;
	g->cur_recorded = true;
	add_once(&g->units, &g->nunits, &g->ucap, unit);
	g->patches = xgrow(g->patches, &g->pcap, g->npatches + 1, sizeof *g->patches);
	struct gpatch *p = &g->patches[g->npatches++];
	*p = (struct gpatch){g->cur_item, xstrdup(unit), NULL, 0, known};
	if (known) {
		p->o = xcalloc(nw + 1, sizeof *p->o);
		for (size_t i = 0; i < nw; i++)
			p->o[p->n++] = obs_rec_copy(&w[i]);
	}
	return true;
}

/* After the commit: each unit the group touched to the holds, with what
 * its kept writes stored there, in their order (no query); read again
 * when one of them stored what is not known (store_written). */
static void tell_holds(struct app *a, struct store *s, const struct write_group *g,
                       const bool *kept)
{
	for (size_t u = 0; u < g->nunits; u++) {
		bool read = false, any = false;
		for (size_t i = 0; i < g->npatches; i++) {
			const struct gpatch *p = &g->patches[i];
			if (kept[p->item] && !strcmp(p->unit, g->units[u]))
				read |= !p->known;
		}
		if (read) {
			holds_touched(a->holds, s, g->units[u], true);
			continue;
		}
		for (size_t i = 0; i < g->npatches; i++) {
			const struct gpatch *p = &g->patches[i];
			if (kept[p->item] && !strcmp(p->unit, g->units[u])) {
				holds_written(a->holds, s, g->units[u], p->o, p->n);
				any = true;
			}
		}
		if (!any) /* its writes undone: nothing of theirs, the generation moved */
			holds_written(a->holds, s, g->units[u], NULL, 0);
	}
}

static void patches_free(struct write_group *g)
{
	for (size_t i = 0; i < g->npatches; i++) {
		for (size_t k = 0; k < g->patches[i].n; k++)
			obs_rec_free(&g->patches[i].o[k]);
		free(g->patches[i].o);
		free(g->patches[i].unit);
	}
	free(g->patches);
}

static void free_list(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* A write answered as done whose transaction is gone: it says so, with
 * the store's own reason (a full disk, a lock held too long: error.h's
 * code, status and Retry-After), a database error when none is known. */
static void not_stored(const struct http_req *rq, struct http_resp *rs, const struct error *err)
{
	enum err_code code = app_err_code(err);
	buf_reset(&rs->body);
	for (int i = 0; i < rs->nheaders; i++)
		free(rs->headers[i]);
	rs->nheaders = 0;
	rs->status = code != ERR_DB && err_http_status(code) >= 500 ? err_http_status(code) : 503;
	const char *msg = code != ERR_DB ? err_public(code) : NULL;
	if (!msg)
		msg = "Chưa lưu được (cơ sở dữ liệu báo lỗi khi ghi); xin gửi lại";
	if (!strncmp(rq->path, "/api/", 5)) {
		rs->ctype = "application/json";
		json_t *j = json_pack("{s{ssss}}", "error", "code", err_name(code), "message", msg);
		char *text = json_dumps(j, JSON_COMPACT);
		buf_puts(&rs->body, text);
		free(text);
		json_decref(j);
	} else {
		rs->ctype = "text/plain; charset=utf-8";
		buf_puts(&rs->body, msg);
	}
	int retry = err_retry_after(code);
	http_header(rs, "Retry-After: %d", retry > 0 ? retry : 1);
}

/* CHITIEU_TEST_WRITE_FAIL=TEXT (tests only): a grouped write whose body
 * holds TEXT fails after it wrote, as if the store had failed under it. */
static bool test_fails(const struct http_req *rq)
{
	const char *t = getenv("CHITIEU_TEST_WRITE_FAIL");
	return t && *t && rq->body && memmem(rq->body, rq->body_len, t, strlen(t));
}

size_t app_handle_group(struct app *a, struct store *s, const struct http_req *const *rq,
                        struct http_resp *const *rs, size_t n, struct write_phases *ph)
{
	if (n > GROUP_MAX)
		n = GROUP_MAX;
	struct write_group g = {0};
	long q0 = store_queries(s), c0 = store_commits(s), qjobs = 0, r0 = store_obs_lists(s),
	     rjobs = 0, t0trips = store_round_trips(s);
	struct timespec t0, t1;
	double own0, db0, own1, db1;
	run_delays(s, &own0, &db0);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pthread_mutex_lock(&a->live_mu);
	*ph = (struct write_phases){.lock = ms_since(&t0, &t1), .group = (int)n};
	g.m0 = store_change_mark(s, NULL);
	if (g.m0 < 0 && store_reconnect(s, NULL) > 0) {
		store_fault_clear();
		g.m0 = store_change_mark(s, NULL);
	}
	if (g.m0 < 0) { /* the database is away: one at a time, each says so */
		pthread_mutex_unlock(&a->live_mu);
		app_handle(a, s, rq[0], rs[0], false);
		ph->items = ms_since(&t1, &t0);
		ph->group = 1;
		return 1;
	}
	g.epoch = holds_write_begin(a->holds, g.m0);
	store_group_begin(s, g.m0);
	store_write_ids_reset(s);
	current = &g;
	bool *kept = xcalloc(n, sizeof *kept), figures_only = true, lives_stale = false;
	for (size_t i = 0; i < n; i++) {
		struct error err = {0};
		if (store_group_item_begin(s, &err)) {
			not_stored(rq[i], rs[i], &err);
			err_clear(&err);
			store_fault_clear();
			continue;
		}
		long audits = store_audits(s), q = store_queries(s), r = store_obs_lists(s);
		g.cur_ok = g.cur_recorded = false;
		g.cur_item = i;
		app_handle(a, s, rq[i], rs[i], false);
		qjobs += store_queries(s) - q;
		rjobs += store_obs_lists(s) - r;
		if (test_fails(rq[i]))
			store_rollback(s); /* in a group: this write alone undone */
		int lost = 0;
		kept[i] = store_group_item_end(s, &lost);
		for (size_t k = i; lost > 0 && k-- > 0;) /* went with the transaction */
			if (kept[k]) {
				kept[k] = false;
				not_stored(rq[k], rs[k], NULL);
				lost--;
			}
		if (!kept[i] && rs[i]->status < 400)
			not_stored(rq[i], rs[i], NULL);
		lives_stale |= !kept[i] && g.cur_recorded;
		if (kept[i] && store_audits(s) != audits) {
			figures_only &= g.cur_ok;
			if (g.cur_actor)
				add_once(&g.actors, &g.nactors, &g.acap, g.cur_actor);
		}
	}
	current = NULL;
	ph->items = ms_since(&t1, &t0);
	struct error err = {0};
	int failed = store_group_commit(s, &err);
	ph->commit = ms_since(&t0, &t1);
	if (failed) {
		for (size_t i = 0; i < n; i++)
			if (kept[i])
				not_stored(rq[i], rs[i], &err);
		lives_stale = true;
		err_clear(&err);
	} else {
		tell_holds(a, s, &g, kept);
	}
	if (lives_stale)
		app_lives_forget(a);
	holds_write_figures(a->holds, s);
	int64_t foreign = 0;
	/* The mark from the group's own audit ids when they are every id
	 * since m0 (nobody else wrote), else read with the check. */
	int64_t m1 = store_write_mark(s, g.m0);
	if (m1 < 0)
		m1 = store_change_mark_foreign(s, g.m0, g.actors, g.nactors, &foreign, &err);
	/* Figures alone, by us alone: the generations moved (holds_touched)
	 * and the engines have them. Anything else: a new epoch. */
	bool ours = m1 >= g.m0 && figures_only && foreign == 0;
	holds_write_end(a->holds, m1, ours);
	if (ours && !lives_stale) /* committed, and nobody else wrote */
		store_group_keep(s, m1);
	err_clear(&err);
	pthread_mutex_unlock(&a->live_mu);
	ph->after = ms_since(&t1, &t0);
	ph->trips = store_round_trips(s) - t0trips;
	run_delays(s, &own1, &db1);
	ph->cpu_wait = delta_or_unknown(own0, own1);
	ph->db_cpu_wait = delta_or_unknown(db0, db1);
	__atomic_add_fetch(&a->write_round_trips, ph->trips, __ATOMIC_RELAXED);
	long own = store_queries(s) - q0 - qjobs; /* the group's, not one write's */
	__atomic_add_fetch(&a->request_queries, own, __ATOMIC_RELAXED);
	__atomic_add_fetch(&a->write_queries, own, __ATOMIC_RELAXED);
	__atomic_add_fetch(&a->write_commits, store_commits(s) - c0, __ATOMIC_RELAXED);
	__atomic_add_fetch(&a->write_groups, 1, __ATOMIC_RELAXED);
	__atomic_add_fetch(&a->write_figure_reads, store_obs_lists(s) - r0 - rjobs,
	                   __ATOMIC_RELAXED);
	free(kept);
	free_list(g.units, g.nunits);
	free_list(g.actors, g.nactors);
	free(g.cur_actor);
	patches_free(&g);
	return n;
}
