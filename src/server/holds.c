/* holds.c: the holds (hold.h) the server reads from, and what an answer's
 * validity is keyed by.
 *
 * Generations: every unit has one, and a figure recorded through this
 * server adds one to its unit's and to each ancestor's, so an answer about
 * a unit (which reads that unit and what is under it) is kept while the
 * unit's generation holds (app_unit_token), whatever happens in other
 * provinces. The epoch moves when the store changed otherwise (another
 * process, a plan, a link, an account: anything not a figure recorded
 * here): then every answer, fact and hold is done again.
 *
 * A write does not wait for any recomputing: it appends the unit it
 * touched to the pending list of each hold of that unit or an ancestor,
 * with the figures it stored, as it stored them (holds_written: no query;
 * the holds put them in place of theirs), or, for a request that changes
 * them further, the unit's figures as the writer read them at its end
 * (holds_write_figures), and moves the generations. The next reader of such a hold puts those
 * figures in (hold_refresh_figures: no query, so no reader waits on a
 * round trip to the database under the hold's lock) and evaluates only
 * them; a reader of another hold finds it as it was. Holds are evicted by use
 * (least recently used), and one in use lives on until released. */
#include "app.h"

#include "hold.h"
#include "util.h"

#include <malloc.h>
#include <stdlib.h>
#include <string.h>

#define HOLDS_MAX 16
/* Pending units a hold keeps the writer's figures for; past them (a hold
 * nobody reads while many units are written) the reader reads the store,
 * so that memory stays bounded. */
#define PENDING_FIGS 32

/* A unit's figures as the writer read them after its commit, shared by
 * the pending entries of every hold it concerns (refs: atomic). */
struct figs {
	int refs;
	bool patch; /* only the figures a write stored (store_written), not all the unit's */
	struct obs_rec *o;
	size_t n;
};

struct pend {
	char *unit;
	struct figs *f; /* NULL: the reader reads them from the store */
};

struct held {
	char *root;
	struct hold *h;
	int64_t epoch; /* the epoch h was built at */
	pthread_mutex_t mu;
	int refs;
	bool dropped; /* evicted while in use: freed when released */
	long used, builds;
	long build_queries; /* store queries of the last build (hold_load) */
	long evals_base, evals, refreshes_base, refreshes; /* counters, under holds.mu */
	long aggregated_base, aggregated; /* children folded into roll-ups (hold.h) */
	int64_t token;        /* the root's app_unit_token h is up to date with (under mu) */
	long answers;         /* answers computed from h (cache_held missed), under holds.mu */
	long store_reads;     /* pending units the writer handed no figures for, under holds.mu */
	struct pend *pending; /* units written since h last read them */
	size_t npending, cap;

	size_t figures, figure_bytes; /* hold_figures when last released, under holds.mu */
	size_t eval_rows, eval_bytes; /* hold_evals, likewise */
};

struct unode {
	char *code;
	int parent;
	int64_t gen;
	int64_t id; /* the store's */
};

struct holds {
	pthread_mutex_t mu;
	struct held *slot[HOLDS_MAX];
	long clock;
	int64_t epoch, synced; /* synced: the store's change mark accounted for */
	bool writing;
	struct unode *units; /* sorted by code */
	size_t nunits;
	int64_t units_epoch; /* the epoch units was read at (0: never) */
	char **wrote;        /* units the write under way touched (writes are one at a time) */
	size_t nwrote, wcap;
	int warm;        /* app_warm (warm.c): 0 not begun, 1 under way, 2 done */
	long warm_holds; /* the holds it built */
};

struct holds *holds_new(void)
{
	struct holds *hs = xcalloc(1, sizeof *hs);
	pthread_mutex_init(&hs->mu, NULL);
	hs->epoch = 1;
	hs->synced = -1;
	return hs;
}

static void figs_unref(struct figs *f)
{
	if (!f || __atomic_sub_fetch(&f->refs, 1, __ATOMIC_ACQ_REL))
		return;
	for (size_t i = 0; i < f->n; i++)
		obs_rec_free(&f->o[i]);
	free(f->o);
	free(f);
}

static struct figs *figs_ref(struct figs *f)
{
	if (f)
		__atomic_add_fetch(&f->refs, 1, __ATOMIC_RELAXED);
	return f;
}

/* The figures of the unit of that id in the store now, or NULL (then
 * read by the reader): one query, the id taken from the unit tree. */
static struct figs *figs_read(struct store *s, int64_t unit_id)
{
	struct figs *f = xcalloc(1, sizeof *f);
	struct error err = {0};
	f->refs = 1;
	if (store_obs_list(s, unit_id, NULL, &f->o, &f->n, &err)) {
		free(f);
		f = NULL;
	}
	err_clear(&err);
	return f;
}

/* Figures in store_obs_list's order: by period, then by code. */
static int fig_cmp(const struct obs_rec *a, const struct obs_rec *b)
{
	int c = strcmp(a->period, b->period);
	return c ? c : strcmp(a->code ? a->code : "", b->code ? b->code : "");
}

/* base's figures with those of p in place of the same code and period,
 * the others added where their order puts them: a new figs (patch when
 * base is one). */
static struct figs *figs_merge(const struct figs *base, const struct figs *p)
{
	struct figs *f = xcalloc(1, sizeof *f);
	f->refs = 1;
	f->patch = base->patch;
	f->o = xcalloc(base->n + p->n + 1, sizeof *f->o);
	for (size_t i = 0; i < base->n; i++)
		f->o[f->n++] = obs_rec_copy(&base->o[i]);
	for (size_t k = 0; k < p->n; k++) {
		size_t at = 0;
		while (at < f->n && fig_cmp(&f->o[at], &p->o[k]) < 0)
			at++;
		if (at < f->n && !fig_cmp(&f->o[at], &p->o[k])) {
			obs_rec_free(&f->o[at]);
		} else {
			memmove(&f->o[at + 1], &f->o[at], (f->n - at) * sizeof *f->o);
			f->n++;
		}
		f->o[at] = obs_rec_copy(&p->o[k]);
	}
	return f;
}

static void pends_free(struct pend *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(p[i].unit);
		figs_unref(p[i].f);
	}
}

/* A hold freed, its memory given back: the next build of it is often made
 * by another worker thread, in that thread's malloc arena, and the freed
 * one's pages stayed in the arena of the thread that built it; a server
 * rebuilding its holds on every write of another process on the same
 * store grew to a hold for each worker (two servers on one SQLite file:
 * the reading one 1.95 GB). */
static void hold_drop(struct hold *h)
{
	if (!h)
		return;
	hold_free(h);
#ifdef __GLIBC__
	malloc_trim(0);
#endif
}

static void pending_clear(struct held *x)
{
	pends_free(x->pending, x->npending);
	x->npending = 0;
}

static void held_free(struct held *x)
{
	pending_clear(x);
	free(x->pending);
	hold_drop(x->h);
	free(x->root);
	pthread_mutex_destroy(&x->mu);
	free(x);
}

static void units_free(struct holds *hs)
{
	for (size_t i = 0; i < hs->nunits; i++)
		free(hs->units[i].code);
	free(hs->units);
	hs->units = NULL;
	hs->nunits = 0;
}

void holds_free(struct holds *hs)
{
	if (!hs)
		return;
	for (int i = 0; i < HOLDS_MAX; i++)
		if (hs->slot[i])
			held_free(hs->slot[i]);
	units_free(hs);
	for (size_t i = 0; i < hs->nwrote; i++)
		free(hs->wrote[i]);
	free(hs->wrote);
	pthread_mutex_destroy(&hs->mu);
	free(hs);
}

int64_t holds_sync(struct holds *hs, int64_t mark)
{
	pthread_mutex_lock(&hs->mu);
	/* Moved while no write of ours is under way: another process. */
	if (mark >= 0 && mark > hs->synced && !hs->writing) {
		if (hs->synced >= 0 || mark > 0)
			hs->epoch++;
		hs->synced = mark;
	}
	int64_t e = hs->epoch;
	pthread_mutex_unlock(&hs->mu);
	return e;
}

int64_t holds_write_begin(struct holds *hs, int64_t m0)
{
	pthread_mutex_lock(&hs->mu);
	if (m0 >= 0 && m0 > hs->synced) {
		hs->epoch++;
		hs->synced = m0;
	}
	hs->writing = true;
	int64_t e = hs->epoch;
	pthread_mutex_unlock(&hs->mu);
	return e;
}

void holds_write_end(struct holds *hs, int64_t m1, bool figures_only)
{
	pthread_mutex_lock(&hs->mu);
	hs->writing = false;
	if (m1 > hs->synced) {
		if (!figures_only)
			hs->epoch++;
		hs->synced = m1;
	}
	pthread_mutex_unlock(&hs->mu);
}

static int unode_cmp(const void *a, const void *b)
{
	return strcmp(((const struct unode *)a)->code, ((const struct unode *)b)->code);
}

static long unode_find(const struct holds *hs, const char *code)
{
	if (!hs->nunits || !code)
		return -1;
	struct unode key = {(char *)code, 0, 0, 0};
	const struct unode *hit = bsearch(&key, hs->units, hs->nunits, sizeof key, unode_cmp);
	return hit ? hit - hs->units : -1;
}

/* The unit tree at the current epoch, under hs->mu. */
static void units_load(struct holds *hs, struct store *s)
{
	if (hs->units_epoch == hs->epoch)
		return;
	struct unit_rec *u;
	size_t n;
	struct error err = {0};
	if (store_unit_list(s, &u, &n, &err)) {
		err_clear(&err);
		return; /* tokens stay at the epoch alone: nothing kept is wrong */
	}
	units_free(hs);
	hs->units = xcalloc(n + 1, sizeof *hs->units);
	for (size_t i = 0; i < n; i++)
		hs->units[i] = (struct unode){xstrdup(u[i].code), -1, 0, u[i].id};
	hs->nunits = n;
	xqsort(hs->units, n, sizeof *hs->units, unode_cmp);
	for (size_t i = 0; i < n; i++) {
		long k = unode_find(hs, u[i].code), p = unode_find(hs, u[i].parent_code);
		if (k >= 0)
			hs->units[k].parent = (int)p;
	}
	for (size_t i = 0; i < n; i++)
		unit_rec_free(&u[i]);
	free(u);
	hs->units_epoch = hs->epoch;
}

/* The token of unit, under hs->mu. */
static int64_t unit_token(struct holds *hs, struct store *s, const char *unit)
{
	units_load(hs, s);
	long k = hs->units_epoch == hs->epoch ? unode_find(hs, unit) : -1;
	/* Generations below 2^24 a epoch; past that, a new epoch. */
	return hs->epoch * ((int64_t)1 << 24) + (k >= 0 ? hs->units[k].gen : 0);
}

int64_t app_unit_token(struct ctx *c, const char *unit)
{
	struct holds *hs = c->app->holds;
	pthread_mutex_lock(&hs->mu);
	int64_t t = unit_token(hs, c->s, unit);
	pthread_mutex_unlock(&hs->mu);
	return t;
}

int64_t app_held_token(const struct held *x)
{
	return x ? x->token : -1;
}

bool cache_held(struct ctx *c, const char *key, struct held *x, int64_t *mark)
{
	if (!x || !key)
		return false;
	/* The reader before this one may have cached it while this one
	 * waited for the hold: at the token this one began with or later. */
	if (cache_get_newer(c, key, *mark))
		return true;
	*mark = x->token;
	struct holds *hs = c->app->holds;
	pthread_mutex_lock(&hs->mu);
	x->answers++;
	pthread_mutex_unlock(&hs->mu);
	return false;
}

/* Whether a hold is kept of unit or of an ancestor, under hs->mu. */
static bool concerned(const struct holds *hs, long k)
{
	for (int at = (int)k, steps = 0; at >= 0 && steps < 64; at = hs->units[at].parent, steps++)
		for (int i = 0; i < HOLDS_MAX; i++)
			if (hs->slot[i] && !strcmp(hs->slot[i]->root, hs->units[at].code))
				return true;
	return false;
}

/* What a write touched, under hs->mu: unit's generation and its
 * ancestors' move, and each hold of them has it pending with f. */
static void touch(struct holds *hs, struct store *s, const char *unit, struct figs *f)
{
	units_load(hs, s);
	long k = hs->units_epoch == hs->epoch ? unode_find(hs, unit) : -1;
	if (k < 0) { /* the tree unread, or a unit not in it: everything again */
		hs->epoch++;
		return;
	}
	for (int at = (int)k, steps = 0; at >= 0 && steps < 64;
	     at = hs->units[at].parent, steps++) {
		if (++hs->units[at].gen >= (int64_t)1 << 24) {
			hs->epoch++; /* generations start again at a new epoch */
			break;
		}
		for (int i = 0; i < HOLDS_MAX; i++) {
			struct held *x = hs->slot[i];
			if (!x || strcmp(x->root, hs->units[at].code))
				continue;
			size_t j = 0;
			while (j < x->npending && strcmp(x->pending[j].unit, unit))
				j++;
			bool fresh = j == x->npending;
			if (fresh) {
				x->pending = xgrow(x->pending, &x->cap, x->npending + 1,
				                   sizeof *x->pending);
				x->pending[x->npending++] = (struct pend){xstrdup(unit), NULL};
			}
			struct figs *old = x->pending[j].f;
			if (f && f->patch && !fresh) /* on top of what is pending */
				x->pending[j].f =
				        old && j < PENDING_FIGS ? figs_merge(old, f) : NULL;
			else /* the latest figures replace older ones */
				x->pending[j].f = j < PENDING_FIGS ? figs_ref(f) : NULL;
			figs_unref(old);
		}
	}
}

/* The figures of unit for the holds it concerns (NULL: none), under no lock. */
static struct figs *figs_for(struct holds *hs, struct store *s, const char *unit)
{
	pthread_mutex_lock(&hs->mu);
	units_load(hs, s);
	long k = hs->units_epoch == hs->epoch ? unode_find(hs, unit) : -1;
	int64_t id = k >= 0 && concerned(hs, k) ? hs->units[k].id : 0;
	pthread_mutex_unlock(&hs->mu);
	return id ? figs_read(s, id) : NULL;
}

void holds_touched(struct holds *hs, struct store *s, const char *unit, bool final)
{
	/* Final: read once here, by the writer, for every hold it concerns.
	 * Else (the request changes them further: a figure recorded, then
	 * submitted) the holds read the store until the write's end hands
	 * them the figures as they are then. */
	struct figs *f = final ? figs_for(hs, s, unit) : NULL;
	pthread_mutex_lock(&hs->mu);
	touch(hs, s, unit, f);
	bool seen = final;
	for (size_t i = 0; i < hs->nwrote && !seen; i++)
		seen = !strcmp(hs->wrote[i], unit);
	if (!seen) {
		hs->wrote = xgrow(hs->wrote, &hs->wcap, hs->nwrote + 1, sizeof *hs->wrote);
		hs->wrote[hs->nwrote++] = xstrdup(unit);
	}
	pthread_mutex_unlock(&hs->mu);
	figs_unref(f);
}

void holds_written(struct holds *hs, struct store *s, const char *unit, const struct obs_rec *o,
                   size_t n)
{
	struct figs *f = xcalloc(1, sizeof *f);
	f->refs = 1;
	f->patch = true;
	f->o = xcalloc(n + 1, sizeof *f->o);
	for (size_t i = 0; i < n; i++)
		f->o[f->n++] = obs_rec_copy(&o[i]);
	pthread_mutex_lock(&hs->mu);
	touch(hs, s, unit, f);
	pthread_mutex_unlock(&hs->mu);
	figs_unref(f);
}

void holds_write_figures(struct holds *hs, struct store *s)
{
	pthread_mutex_lock(&hs->mu);
	char **wrote = hs->wrote;
	size_t n = hs->nwrote;
	hs->wrote = NULL;
	hs->nwrote = hs->wcap = 0;
	pthread_mutex_unlock(&hs->mu);
	for (size_t i = 0; i < n; i++) {
		struct figs *f = figs_for(hs, s, wrote[i]);
		pthread_mutex_lock(&hs->mu);
		for (int k = 0; k < HOLDS_MAX && f; k++) {
			struct held *x = hs->slot[k];
			for (size_t j = 0; x && j < x->npending && j < PENDING_FIGS; j++)
				if (!x->pending[j].f && !strcmp(x->pending[j].unit, wrote[i]))
					x->pending[j].f = figs_ref(f);
		}
		pthread_mutex_unlock(&hs->mu);
		figs_unref(f);
		free(wrote[i]);
	}
	free(wrote);
}

struct hold *app_hold(struct ctx *c, const char *unit, struct held **ref, struct error *err)
{
	struct holds *hs = c->app->holds;
	pthread_mutex_lock(&hs->mu);
	struct held *x = NULL;
	int free_at = -1, lru = -1;
	for (int i = 0; i < HOLDS_MAX && !x; i++) {
		if (!hs->slot[i])
			free_at = free_at < 0 ? i : free_at;
		else if (!strcmp(hs->slot[i]->root, unit))
			x = hs->slot[i];
		else if (lru < 0 || hs->slot[i]->used < hs->slot[lru]->used)
			lru = i;
	}
	if (!x) {
		int at = free_at >= 0 ? free_at : lru;
		if (free_at < 0) {
			struct held *old = hs->slot[at];
			if (old->refs)
				old->dropped = true; /* freed by its last reader */
			else
				held_free(old);
		}
		x = xcalloc(1, sizeof *x);
		x->root = xstrdup(unit);
		pthread_mutex_init(&x->mu, NULL);
		hs->slot[at] = x;
	}
	x->refs++;
	x->used = ++hs->clock;
	pthread_mutex_unlock(&hs->mu);

	pthread_mutex_lock(&x->mu);
	pthread_mutex_lock(&hs->mu);
	/* What is read below brings h up to this token: every write that
	 * moved it is in pending (holds_touched does both at once). */
	x->token = unit_token(hs, c->s, unit);
	int64_t epoch = hs->epoch;
	struct pend *pending = x->pending;
	size_t npending = x->npending;
	for (size_t i = 0; i < npending; i++)
		x->store_reads += !pending[i].f;
	x->pending = NULL;
	x->npending = x->cap = 0;
	pthread_mutex_unlock(&hs->mu);
	int rc = 0;
	if (!x->h || x->epoch != epoch) {
		if (x->h) {
			x->evals_base += x->h->evaluations;
			x->refreshes_base += x->h->refreshes;
			x->aggregated_base += x->h->aggregated;
		}
		hold_drop(x->h);
		x->h = NULL;
		rc = hold_load(c->s, unit, &x->h, err);
		x->epoch = epoch;
		x->builds++;
		pthread_mutex_lock(&hs->mu);
		x->build_queries = x->h ? x->h->build_queries : 0;
		pthread_mutex_unlock(&hs->mu);
	} else {
		for (size_t i = 0; i < npending && !rc; i++) {
			const struct figs *f = pending[i].f;
			/* A write's figures put in place; where they cannot be
			 * (hold_patch_figures), the unit read again. */
			int done =
			        !f ? hold_refresh(x->h, c->s, pending[i].unit, err)
			        : f->patch
			                ? hold_patch_figures(x->h, pending[i].unit, f->o, f->n)
			                : hold_refresh_figures(x->h, pending[i].unit, f->o, f->n);
			if (done == 2) {
				pthread_mutex_lock(&hs->mu);
				x->store_reads++;
				pthread_mutex_unlock(&hs->mu);
				done = hold_refresh(x->h, c->s, pending[i].unit, err);
			}
			rc = done < 0 ? -1 : 0;
		}
		if (rc) { /* read again in full next time */
			x->evals_base += x->h->evaluations;
			x->refreshes_base += x->h->refreshes;
			x->aggregated_base += x->h->aggregated;
			hold_drop(x->h);
			x->h = NULL;
		}
	}
	pends_free(pending, npending);
	free(pending);
	*ref = x;
	if (rc) {
		app_unhold(c, x);
		*ref = NULL;
		return NULL;
	}
	return x->h;
}

void app_unhold(struct ctx *c, struct held *x)
{
	if (!x)
		return;
	struct holds *hs = c->app->holds;
	long evals = x->evals_base + (x->h ? x->h->evaluations : 0),
	     refreshes = x->refreshes_base + (x->h ? x->h->refreshes : 0),
	     aggregated = x->aggregated_base + (x->h ? x->h->aggregated : 0);
	size_t figures = 0, bytes = 0, erows = 0, ebytes = 0;
	if (x->h) {
		hold_figures(x->h, &figures, &bytes);
		hold_evals(x->h, &erows, &ebytes);
	}
	pthread_mutex_unlock(&x->mu);
	pthread_mutex_lock(&hs->mu);
	x->evals = evals;
	x->refreshes = refreshes;
	x->figures = figures;
	x->figure_bytes = bytes;
	x->eval_rows = erows;
	x->eval_bytes = ebytes;
	x->aggregated = aggregated;
	bool gone = --x->refs == 0 && x->dropped;
	pthread_mutex_unlock(&hs->mu);
	if (gone)
		held_free(x);
}

void holds_warming(struct holds *hs, int step)
{
	pthread_mutex_lock(&hs->mu);
	if (step > 0)
		hs->warm = 1;
	else if (step == 0)
		hs->warm_holds++;
	else
		hs->warm = 2;
	pthread_mutex_unlock(&hs->mu);
}

json_t *app_holds_json(struct ctx *c)
{
	struct holds *hs = c->app->holds;
	json_t *a = json_array();
	pthread_mutex_lock(&hs->mu);
	for (int i = 0; i < HOLDS_MAX; i++) {
		struct held *x = hs->slot[i];
		if (!x)
			continue;
		long k = unode_find(hs, x->root);
		json_array_append_new(
		        a,
		        json_pack("{sssisIsIsIsIsIsIsI}", "unit", x->root, "builds", (int)x->builds,
		                  "evaluations", (json_int_t)x->evals, "refreshes",
		                  (json_int_t)x->refreshes, "pending", (json_int_t)x->npending,
		                  "generation", (json_int_t)(k >= 0 ? hs->units[k].gen : 0),
		                  "build_queries", (json_int_t)x->build_queries, "answers",
		                  (json_int_t)x->answers, "aggregated", (json_int_t)x->aggregated));
		json_t *one = json_array_get(a, json_array_size(a) - 1);
		json_object_set_new(one, "figures", json_integer((json_int_t)x->figures));
		json_object_set_new(one, "figure_bytes", json_integer((json_int_t)x->figure_bytes));
		json_object_set_new(one, "eval_rows", json_integer((json_int_t)x->eval_rows));
		json_object_set_new(one, "eval_bytes", json_integer((json_int_t)x->eval_bytes));
		json_object_set_new(one, "store_reads", json_integer((json_int_t)x->store_reads));
	}
	json_t *o = json_pack("{sIso}", "epoch", (json_int_t)hs->epoch, "holds", a);
	json_object_set_new(o, "figures_read", json_integer((json_int_t)status_figures_read()));
	json_object_set_new(o, "warm",
	                    json_pack("{sssI}", "state",
	                              hs->warm == 2   ? "done"
	                              : hs->warm == 1 ? "running"
	                                              : "none",
	                              "holds", (json_int_t)hs->warm_holds));
	pthread_mutex_unlock(&hs->mu);
	return o;
}
