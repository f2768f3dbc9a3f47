/* family.c: view_family, the units under a unit read from the store in a
 * few queries for the whole subtree (the units, the current plans with
 * each shared document read once, the confirmed links, the figures), not
 * unit by unit: what a hold is built from (issue 13). */
#include "views.h"

#include "util.h"

#include <stdlib.h>
#include <string.h>

struct id_ix {
	int64_t id;
	int i;
};

struct doc {
	char *hash;
	bool ok; /* read: p holds it */
	struct plan p;
	size_t *held; /* the children holding a plan of it, each lifted differently */
	size_t nheld, capheld;
};

/* What the subtree queries gave, by unit index. */
struct loader {
	struct id_ix *byid; /* sorted by id */
	size_t nu;
	char **hash; /* the document of the unit's current plan, or NULL */
	struct doc *docs;
	size_t ndocs, capdocs;
	struct obs_rec **obs;
	size_t *nobs, *capobs;
	struct link_pair **links; /* sorted by child code once read */
	size_t *nlinks, *caplinks;
	bool lean;           /* figures packed as read (view_family_held) */
	struct pack *packed; /* when lean, by unit index, in the order read */
	struct pack_pool *pool;
};

static int id_cmp(const void *a, const void *b)
{
	int64_t x = ((const struct id_ix *)a)->id, y = ((const struct id_ix *)b)->id;
	return (x > y) - (x < y);
}

static int unit_at(const struct loader *L, int64_t id)
{
	struct id_ix key = {id, 0};
	const struct id_ix *hit = L->nu ? bsearch(&key, L->byid, L->nu, sizeof key, id_cmp) : NULL;
	return hit ? hit->i : -1;
}

static void on_plan(void *arg, int64_t id, const char *hash)
{
	struct loader *L = arg;
	int k = unit_at(L, id);
	if (k >= 0 && !L->hash[k])
		L->hash[k] = xstrdup(hash);
}

static void on_doc(void *arg, const char *hash, const char *text)
{
	struct loader *L = arg;
	L->docs = xgrow(L->docs, &L->capdocs, L->ndocs + 1, sizeof *L->docs);
	struct doc *d = &L->docs[L->ndocs++];
	memset(d, 0, sizeof *d);
	d->hash = xstrdup(hash);
	plan_init(&d->p);
	json_error_t je;
	json_t *j = json_loads(text, 0, &je);
	d->ok = j && !plan_from_json(j, &d->p);
	json_decref(j);
	if (!d->ok)
		plan_free(&d->p);
}

static void on_obs(void *arg, int64_t id, struct obs_rec *o)
{
	struct loader *L = arg;
	int k = unit_at(L, id);
	if (k < 0) {
		obs_rec_free(o);
		return;
	}
	L->obs[k] = xgrow(L->obs[k], &L->capobs[k], L->nobs[k] + 1, sizeof **L->obs);
	L->obs[k][L->nobs[k]++] = *o;
}

/* A figure with only what a hold keeps, packed as read (view_family_held). */
static void on_fig(void *arg, int64_t id, const struct obs_rec *o)
{
	struct loader *L = arg;
	int k = unit_at(L, id);
	if (k >= 0)
		pack_add(&L->packed[k], L->pool, o);
}

static void on_link(void *arg, int64_t id, const char *child, const char *parent)
{
	struct loader *L = arg;
	int k = unit_at(L, id);
	if (k < 0)
		return;
	L->links[k] = xgrow(L->links[k], &L->caplinks[k], L->nlinks[k] + 1, sizeof **L->links);
	L->links[k][L->nlinks[k]++] = (struct link_pair){xstrdup(child), xstrdup(parent)};
}

static int doc_cmp(const void *a, const void *b)
{
	return strcmp(((const struct doc *)a)->hash, ((const struct doc *)b)->hash);
}

static int pair_cmp(const void *a, const void *b)
{
	return strcmp(((const struct link_pair *)a)->child_code,
	              ((const struct link_pair *)b)->child_code);
}

/* As store_obs_list orders a unit's figures. */
static int obs_cmp(const void *a, const void *b)
{
	const struct obs_rec *x = a, *y = b;
	int c = strcmp(x->period, y->period);
	return c ? c : strcmp(x->code ? x->code : "", y->code ? y->code : "");
}

/* The document of unit k's current plan, or NULL. */
static const struct doc *doc_of(const struct loader *L, int k)
{
	if (!L->hash[k] || !L->ndocs)
		return NULL;
	struct doc key = {.hash = L->hash[k]};
	return bsearch(&key, L->docs, L->ndocs, sizeof key, doc_cmp);
}

/* Unit k's current plan into p, as store_plan_load: 0, 1 none, -1 with
 * *err when its document cannot be read. */
static int plan_of(const struct loader *L, int k, struct plan *p, struct error *err)
{
	plan_init(p);
	const struct doc *d = doc_of(L, k);
	if (!d)
		return 1;
	if (!d->ok) {
		err_set(err, ERR_DB, "kế hoạch lưu trữ không đọc được");
		return -1;
	}
	plan_copy(&d->p, p);
	return 0;
}

/* view_lift from the links in memory. */
static void lift(const struct loader *L, const int *up, int u, int root, struct link_pair **map,
                 size_t *n)
{
	*n = L->nlinks[u];
	*map = xcalloc(*n + 1, sizeof **map);
	for (size_t i = 0; i < *n; i++)
		(*map)[i] = (struct link_pair){xstrdup(L->links[u][i].child_code),
		                               xstrdup(L->links[u][i].parent_code)};
	for (int at = up[u], steps = 0; at >= 0 && at != root && steps < 64; at = up[at], steps++) {
		*n = view_lift_step(*map, *n, L->links[at], L->nlinks[at]);
	}
	if (*n > 1)
		xqsort(*map, *n, sizeof **map, pair_cmp);
}

static void loader_free(struct loader *L)
{
	for (size_t i = 0; i < L->nu; i++) {
		free(L->hash[i]);
		for (size_t k = 0; k < L->nobs[i]; k++)
			obs_rec_free(&L->obs[i][k]);
		free(L->obs[i]);
		link_pairs_free(L->links[i], L->nlinks[i]);
		if (L->packed)
			pack_free(&L->packed[i]);
	}
	free(L->packed);
	for (size_t i = 0; i < L->ndocs; i++) {
		free(L->docs[i].held);
		free(L->docs[i].hash);
		plan_free(&L->docs[i].p);
	}
	free(L->docs);
	free(L->byid);
	free(L->hash);
	free(L->obs);
	free(L->nobs);
	free(L->capobs);
	free(L->links);
	free(L->nlinks);
	free(L->caplinks);
}

static bool same_map(const struct link_pair *a, size_t na, const struct link_pair *b, size_t nb)
{
	if (na != nb)
		return false;
	for (size_t i = 0; i < na; i++)
		if (strcmp(a[i].child_code, b[i].child_code) ||
		    strcmp(a[i].parent_code, b[i].parent_code))
			return false;
	return true;
}

/* Plans written alike: the same codes and names in the same order. */
static bool alike(const struct plan *a, const struct plan *b)
{
	if (a->nind != b->nind)
		return false;
	for (size_t i = 0; i < a->nind; i++)
		if (strcmp(a->ind[i].code, b->ind[i].code) ||
		    strcmp(a->ind[i].name, b->ind[i].name))
			return false;
	return true;
}

struct unit_ix {
	const char *code;
	int i;
};

static int unit_ix_cmp(const void *a, const void *b)
{
	return strcmp(((const struct unit_ix *)a)->code, ((const struct unit_ix *)b)->code);
}

/* What a figure of a child lifted by map is renamed to (pack_rename). */
struct lifting {
	const struct link_pair *map;
	size_t nmap;
	const struct plan *rp;
};

static const char *lifted_code(void *arg, const char *code)
{
	const struct lifting *x = arg;
	return view_lift_figure(x->map, x->nmap, x->rp, code);
}

/* Child f->n's figures (unit k's, packed as read), ordered as
 * store_obs_list orders them and lifted by f->map[f->n] when f is lifted:
 * kept packed for as long as f lives, never packed again. */
static void keep_packed(struct loader *L, int k, struct family *f, const struct plan *rp)
{
	struct pack *pk = &f->packs[f->n];
	*pk = L->packed[k];
	memset(&L->packed[k], 0, sizeof L->packed[k]);
	pack_sort(pk, f->pool);
	if (f->lifted) {
		struct lifting x = {f->map[f->n], f->nmap[f->n], rp};
		pack_rename(pk, f->pool, lifted_code, &x);
	}
	pack_trim(pk);
	free(f->obs[f->n]); /* none: the figures are in pk */
	f->obs[f->n] = NULL;
}

static int family_read(struct store *s, const char *parent, enum period_kind grain, bool lean,
                       struct family *f, struct error *err)
{
	memset(f, 0, sizeof *f);
	if (store_unit_list(s, &f->units, &f->nunits, err))
		return -1;
	size_t nu = f->nunits;
	f->c = xcalloc(nu + 1, sizeof *f->c);
	f->plans = xcalloc(nu + 1, sizeof *f->plans);
	f->obs = xcalloc(nu + 1, sizeof *f->obs);
	f->top = xcalloc(nu + 1, sizeof *f->top);
	int root = -1;
	for (size_t i = 0; i < nu; i++)
		if (!strcmp(f->units[i].code, parent))
			root = (int)i;
	if (root < 0) {
		err_set(err, ERR_UNKNOWN_UNIT, "không có đơn vị \"%s\"", parent);
		return -1;
	}
	int *up = xcalloc(nu + 1, sizeof *up);
	bool *has_child = xcalloc(nu + 1, sizeof *has_child),
	     *kid_plan = xcalloc(nu + 1, sizeof *kid_plan);
	struct unit_ix *ix = xcalloc(nu + 1, sizeof *ix);
	for (size_t i = 0; i < nu; i++)
		ix[i] = (struct unit_ix){f->units[i].code, (int)i};
	xqsort(ix, nu, sizeof *ix, unit_ix_cmp);
	for (size_t i = 0; i < nu; i++) {
		up[i] = -1;
		struct unit_ix key = {f->units[i].parent_code, 0}, *hit = NULL;
		if (key.code && nu)
			hit = bsearch(&key, ix, nu, sizeof *ix, unit_ix_cmp);
		up[i] = hit ? hit->i : -1;
		if (up[i] >= 0)
			has_child[up[i]] = true;
	}
	free(ix);
	struct loader L = {0};
	L.nu = nu;
	L.lean = lean;
	L.byid = xcalloc(nu + 1, sizeof *L.byid);
	for (size_t i = 0; i < nu; i++)
		L.byid[i] = (struct id_ix){f->units[i].id, (int)i};
	xqsort(L.byid, nu, sizeof *L.byid, id_cmp);
	L.hash = xcalloc(nu + 1, sizeof *L.hash);
	L.obs = xcalloc(nu + 1, sizeof *L.obs);
	L.nobs = xcalloc(nu + 1, sizeof *L.nobs);
	L.capobs = xcalloc(nu + 1, sizeof *L.capobs);
	L.links = xcalloc(nu + 1, sizeof *L.links);
	L.nlinks = xcalloc(nu + 1, sizeof *L.nlinks);
	L.caplinks = xcalloc(nu + 1, sizeof *L.caplinks);
	if (lean) {
		L.packed = xcalloc(nu + 1, sizeof *L.packed);
		f->packs = xcalloc(nu + 1, sizeof *f->packs);
		f->pool = L.pool = xcalloc(1, sizeof *f->pool);
	}
	struct plan rp;
	plan_init(&rp);
	int rc = -1, got = -1;
	int64_t rid = f->units[root].id;
	/* How deep the units under root lie: the queries differ past three. */
	int depth = 0;
	for (size_t i = 0; i < nu; i++) {
		int d = 0, at = (int)i;
		while (at >= 0 && at != root && d <= (int)nu)
			at = up[at], d++;
		if (at == root && d > depth)
			depth = d;
	}
	bool near = depth <= 3;
	if (store_plans_subtree(s, rid, near, on_plan, on_doc, &L, err))
		goto out;
	if (L.ndocs > 1)
		xqsort(L.docs, L.ndocs, sizeof *L.docs, doc_cmp);
	if ((got = plan_of(&L, root, &rp, err)) < 0)
		goto out;
	bool lifted = got == 0;
	f->lifted = lifted;
	if (lifted && store_links_subtree(s, rid, near, on_link, &L, err))
		goto out;
	if (lean ? store_figs_subtree(s, rid, near, on_fig, &L, err)
	         : store_obs_subtree(s, rid, near, on_obs, &L, err))
		goto out;
	for (size_t i = 0; i < nu; i++) {
		if (L.nlinks[i] > 1)
			xqsort(L.links[i], L.nlinks[i], sizeof *L.links[i], pair_cmp);
		if (L.nobs[i] > 1)
			xqsort(L.obs[i], L.nobs[i], sizeof *L.obs[i], obs_cmp);
		if (L.capobs[i] > L.nobs[i] + 1) { /* kept as long as the hold: no room to spare */
			L.obs[i] = xrealloc(L.obs[i], (L.nobs[i] + 1) * sizeof *L.obs[i]);
			L.capobs[i] = L.nobs[i] + 1;
		}
		const struct doc *d = up[i] >= 0 ? doc_of(&L, (int)i) : NULL;
		if (d && d->ok)
			kid_plan[up[i]] = true;
	}
	f->map = xcalloc(nu + 1, sizeof *f->map);
	f->nmap = xcalloc(nu + 1, sizeof *f->nmap);
	for (size_t i = 0; i < nu; i++) {
		/* Under root: its direct child on the way up (top). */
		int t = (int)i, steps = 0;
		while (t >= 0 && up[t] != root && steps++ < (int)nu)
			t = up[t];
		if (t < 0 || (int)i == root)
			continue;
		/* Every unit with a plan and figures of its own counts; a unit
		 * whose children have plans (a district, a province with a
		 * catalogue) is counted through them, at any depth: with the
		 * root's plan through the links, without it by code when all
		 * their plans are written alike (the country over provinces
		 * without plans). */
		struct plan *p = &f->plans[f->n];
		int r = plan_of(&L, (int)i, p, err);
		if (r < 0)
			goto out;
		if (r) {
			f->without_plan += t == (int)i && !has_child[i];
			continue;
		}
		if (kid_plan[i]) {
			plan_free(p);
			continue;
		}
		size_t no = L.nobs[i];
		f->obs[f->n] = L.obs[i] ? L.obs[i] : xcalloc(1, sizeof *L.obs[i]);
		L.obs[i] = NULL;
		L.nobs[i] = 0;
		if (lifted) {
			struct link_pair *map;
			size_t nmap;
			lift(&L, up, (int)i, root, &map, &nmap);
			/* When lean, the figures are packed: renamed in keep_packed. */
			view_lift_apply(map, nmap, &rp, f->units[i].code, p, f->obs[f->n], &no,
			                &f->local, &f->nlocal);
			f->map[f->n] = map;
			f->nmap[f->n] = nmap;
		}
		/* Children of one document lifted alike hold one plan (the first's):
		 * the country's thousands of communes share a few. */
		struct doc *d = (struct doc *)doc_of(&L, (int)i);
		size_t n = f->n;
		for (size_t v = 0; v < d->nheld && p == &f->plans[n]; v++) {
			size_t j = d->held[v];
			if (same_map(f->map[j], f->nmap[j], f->map[n], f->nmap[n])) {
				plan_free(p);
				p = &f->plans[j];
			}
		}
		if (p == &f->plans[n]) {
			d->held = xgrow(d->held, &d->capheld, d->nheld + 1, sizeof *d->held);
			d->held[d->nheld++] = n;
		}
		status_roll_periods_in_place(p, &f->obs[f->n], &no, grain);
		if (lean) /* PERIOD_MONTH: nothing rolled */
			keep_packed(&L, (int)i, f, &rp);
		struct unit_rec *u = &f->units[i];
		f->c[f->n] = (struct child){u->code, u->name, u->population, p, f->obs[f->n], no};
		f->top[f->n] = f->units[t].code;
		f->n++;
	}
	/* Without the unit's own plan, different plans are never matched by
	 * their codes: a code names different indicators in different plans. */
	for (size_t k = 1; !lifted && k < f->n; k++)
		if (!alike(f->c[0].plan, f->c[k].plan)) {
			err_set(err, ERR_NO_PLAN,
			        "%s chưa có kế hoạch mà các đơn vị trực thuộc có "
			        "kế hoạch khác nhau: không cộng theo mã chỉ tiêu; tạo danh "
			        "mục chỉ tiêu chung (chitieu plan catalogue --unit %s) rồi "
			        "liên kết (chitieu link propose --unit %s)",
			        parent, parent, parent);
			goto out;
		}
	rc = 0;
out:
	plan_free(&rp);
	loader_free(&L);
	free(up);
	free(has_child);
	free(kid_plan);
	return rc;
}

int view_family(struct store *s, const char *parent, enum period_kind grain, struct family *f,
                struct error *err)
{
	return family_read(s, parent, grain, false, f, err);
}

int view_family_held(struct store *s, const char *parent, struct family *f, struct error *err)
{
	return family_read(s, parent, PERIOD_MONTH, true, f, err);
}
