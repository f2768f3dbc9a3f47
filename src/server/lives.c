/* lives.c: the engines the server keeps (live.h). A write through the
 * server runs under live_mu: the store's mark before and after it tells
 * whether only this write happened in between; if so, each figure it
 * recorded is applied to the engines (live_put) and they stay at the
 * epoch (holds.c); if anything else changed the store, the epoch moves and
 * they are rebuilt when next asked. */
#include "app.h"

#include "live.h"
#include "views.h"

#include <stdlib.h>
#include <string.h>

static struct live_slot *slot_of(struct app *a, const char *root)
{
	for (int i = 0; i < APP_LIVES; i++)
		if (a->lives[i].root && !strcmp(a->lives[i].root, root))
			return &a->lives[i];
	return NULL;
}

void app_lives_free(struct app *a)
{
	for (int i = 0; i < APP_LIVES; i++) {
		free(a->lives[i].root);
		live_free(a->lives[i].l);
	}
}

json_t *app_series(struct ctx *c, const char *unit, const char *indicator)
{
	struct app *a = c->app;
	struct error err = {0};
	json_t *out = NULL;
	pthread_mutex_lock(&a->live_mu);
	struct live_slot *sl = slot_of(a, unit);
	if (!sl) { /* a free slot, else the least recently used */
		sl = &a->lives[0];
		for (int i = 1; i < APP_LIVES && sl->root; i++)
			if (!a->lives[i].root || a->lives[i].used < sl->used)
				sl = &a->lives[i];
		free(sl->root);
		live_free(sl->l);
		memset(sl, 0, sizeof *sl);
		sl->root = xstrdup(unit);
	}
	sl->used = ++a->live_clock;
	if (!sl->l || sl->mark != c->mark) {
		live_free(sl->l);
		sl->l = NULL;
		if (live_load(c->s, unit, 2, &sl->l, &err)) {
			reply_store_error(c, &err);
			goto out;
		}
		sl->mark = c->mark;
		sl->builds++;
	}
	int only = indicator ? live_ind(sl->l, indicator) : -1;
	if (indicator && only < 0) {
		reply_error(c, 404, "E_UNKNOWN_INDICATOR",
		            "Không đơn vị nào dưới đây có chỉ tiêu này");
		goto out;
	}
	json_t *items = json_array();
	for (int i = 0; i < sl->l->e->nind; i++)
		if (only < 0 || i == only)
			json_array_append_new(items, view_series_json(sl->l, i));
	out = json_pack("{sss{sIsisi}so}", "unit", unit, "engine", "mark", (json_int_t)sl->mark,
	                "builds", (int)sl->builds, "updates", (int)sl->updates, "indicators",
	                items);
out:
	pthread_mutex_unlock(&a->live_mu);
	err_clear(&err);
	return out;
}

void app_lives_forget(struct app *a)
{
	for (int i = 0; i < APP_LIVES; i++)
		a->lives[i].mark = -1;
}

void app_write_begin(struct ctx *c)
{
	if (app_group_write(c, true)) /* the group holds live_mu */
		return;
	pthread_mutex_lock(&c->app->live_mu);
	struct error err = {0};
	c->write_mark = store_change_mark(c->s, &err);
	err_clear(&err);
	store_write_ids_reset(c->s);
	c->mark = holds_write_begin(c->app->holds, c->write_mark);
}

/* The figure just stored for one input, as the store has it. */
static void apply(struct ctx *c, const struct obs_input *in, struct live_slot *sl)
{
	struct unit_rec u = {0};
	struct obs_rec *o = NULL;
	size_t n = 0;
	struct error err = {0};
	int rc = 0;
	if (store_unit_get(c->s, in->unit, &u, &err) ||
	    store_obs_list(c->s, u.id, in->period, &o, &n, &err))
		rc = 1;
	for (size_t k = 0; k < n; k++) {
		if (!rc && o[k].code && !strcmp(o[k].code, in->indicator)) {
			int put = live_put(sl->l, in->unit, in->indicator, &o[k]);
			rc = put > 0; /* outside what it holds: rebuild */
			sl->updates += put == 0;
		}
		obs_rec_free(&o[k]);
	}
	free(o);
	err_clear(&err);
	unit_rec_free(&u);
	if (rc)
		sl->mark = -1;
}

void app_recorded(struct ctx *c, const struct obs_input *in, size_t n)
{
	c->recorded = true;
	/* What the write stored, as it stored it (store_written): the holds
	 * and engines take it from there, nothing read again. A batch of one
	 * unit's that changes nothing after (final). */
	const struct obs_rec *w = NULL;
	size_t nw = 0;
	bool known = c->final && n > 0 && store_written(c->s, &w, &nw);
	for (size_t k = 1; k < n && known; k++)
		known = !strcmp(in[k].unit, in[0].unit);
	for (size_t k = 0; k < n; k++) /* each unit once (a batch is one unit's) */
		if ((k == 0 || strcmp(in[k].unit, in[k - 1].unit)) &&
		    !app_group_touch(c, in[k].unit, w, nw, known)) {
			if (known)
				holds_written(c->app->holds, c->s, in[k].unit, w, nw);
			else
				holds_touched(c->app->holds, c->s, in[k].unit, c->final);
		}
	for (int i = 0; i < APP_LIVES; i++) {
		struct live_slot *sl = &c->app->lives[i];
		if (!sl->l || sl->mark != c->mark)
			continue;
		if (n > 500) {
			sl->mark = -1; /* a big batch: rebuilding is quicker */
			continue;
		}
		for (size_t k = 0; known && k < nw && sl->mark == c->mark; k++) {
			int put = live_put(sl->l, in[0].unit, w[k].code, &w[k]);
			if (put > 0) /* outside what it holds: rebuild */
				sl->mark = -1;
			sl->updates += put == 0;
		}
		for (size_t k = 0; !known && k < n && sl->mark == c->mark; k++)
			apply(c, &in[k], sl);
	}
}

void app_write_end(struct ctx *c)
{
	if (app_group_write(c, false)) /* the group ends it after its commit */
		return;
	struct app *a = c->app;
	struct error err = {0};
	char *actor = c->signed_in ? c->user.login : NULL;
	int64_t m0 = c->write_mark, foreign = 0;
	/* From the write's own audit ids when they tell it, else one query. */
	int64_t m1 = store_write_mark(c->s, m0);
	if (m1 < 0)
		m1 = store_change_mark_foreign(c->s, m0, &actor, actor ? 1 : 0, &foreign, &err);
	holds_write_figures(a->holds, c->s);
	/* Figures of ours alone: the generations moved (app_recorded) and the
	 * engines have them. Anything else: a new epoch, everything again. */
	holds_write_end(a->holds, m1,
	                m1 >= m0 && m0 >= 0 && c->recorded && c->signed_in && foreign == 0 &&
	                        !c->relinked);
	err_clear(&err);
	pthread_mutex_unlock(&a->live_mu);
}
