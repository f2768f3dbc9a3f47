/* views.c: the store read and evaluated for the edges. */
#include "views.h"

#include "period.h"
#include "util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void view_unit_free(struct unit_view *v)
{
	for (size_t i = 0; i < v->no; i++)
		obs_rec_free(&v->o[i]);
	free(v->o);
	free(v->rows);
	if (!v->borrowed) {
		plan_free(&v->p);
		unit_rec_free(&v->u);
	}
	memset(v, 0, sizeof *v);
}

void view_unit_detach(struct unit_view *v)
{
	if (!v->borrowed)
		return;
	const struct plan *old = &v->p;
	struct plan p;
	plan_init(&p);
	json_t *doc = plan_to_json(old);
	int bad = plan_from_json(doc, &p);
	json_decref(doc);
	if (bad || p.nind != old->nind) { /* never: the plan as stored comes back */
		plan_free(&p);
		plan_init(&p);
		v->n = 0;
	}
	for (size_t i = 0; i < v->n; i++) {
		struct status_row *r = &v->rows[i];
		size_t k = (size_t)(r->ind - old->ind);
		const struct target *t = r->target;
		r->ind = &p.ind[k];
		r->target = NULL;
		for (int j = 0; t && j < old->ind[k].ntargets && j < p.ind[k].ntargets; j++)
			if (&old->ind[k].targets[j].t == t)
				r->target = &p.ind[k].targets[j].t;
	}
	struct unit_rec u = v->u;
	v->u.code = xstrdup(u.code);
	v->u.name = xstrdup(u.name);
	v->u.kind = xstrdup(u.kind);
	v->u.parent_code = u.parent_code ? xstrdup(u.parent_code) : NULL;
	v->p = p;
	v->borrowed = false;
}

static void aggregate_into(struct store *s, const char *unit, int as_of, struct unit_view *v);

int view_unit(struct store *s, const char *unit, int as_of, enum period_kind grain,
              enum eval_method method, struct unit_view *v, struct error *err)
{
	memset(v, 0, sizeof *v);
	plan_init(&v->p);
	int found = store_unit_get(s, unit, &v->u, err);
	if (found > 0)
		err_set(err, ERR_UNKNOWN_UNIT, "không có đơn vị \"%s\"", unit);
	if (found)
		return -1;
	found = store_plan_load(s, v->u.id, &v->p, err);
	if (found > 0)
		err_set(err, ERR_NO_PLAN, "đơn vị chưa có kế hoạch; lưu bằng \"chitieu import\"");
	if (found || store_obs_list(s, v->u.id, NULL, &v->o, &v->no, err)) {
		view_unit_free(v);
		return -1;
	}
	if (!v->no && strcmp(v->u.kind, "commune") && strcmp(v->u.kind, "ward"))
		aggregate_into(s, unit, as_of, v); /* a province: from the units under it */
	status_roll_periods_in_place(&v->p, &v->o, &v->no, grain); /* months -> quarter -> year */
	v->n = status_evaluate(&v->p, v->o, v->no, as_of, method, &v->rows);
	return 0;
}

/* A unit above communes records no figures of its own: its figures are
 * the aggregates of the units under it on its indicators (view_family,
 * rollup), as of the month as_of; levels have no single figure and stay
 * without. Nothing when there is nothing under it. */
static void aggregate_into(struct store *s, const char *unit, int as_of, struct unit_view *v)
{
	struct family f;
	struct error err = {0};
	if (view_family(s, unit, PERIOD_MONTH, &f, &err) || !f.n) {
		err_clear(&err);
		view_family_free(&f);
		return;
	}
	struct rollup_row *r;
	size_t n = rollup(f.c, f.n, as_of, &r);
	view_aggregate_obs(v, r, n, as_of);
	free(r);
	view_family_free(&f);
}

void view_aggregate_obs(struct unit_view *v, const struct rollup_row *r, size_t n, int as_of)
{
	v->o = xcalloc(n + 1, sizeof *v->o);
	for (size_t i = 0; i < n; i++) {
		if (!r[i].has_value || r[i].nature == AGG_LEVEL)
			continue;
		struct obs_rec *o = &v->o[v->no++];
		snprintf(o->period, sizeof o->period, "%04d-%02d", as_of / 12, as_of % 12 + 1);
		o->has_value = true;
		o->value = r[i].value;
		o->code = xstrdup(r[i].code);
		o->status = xstrdup("approved");
		o->by = xstrdup("chitieu");
		o->note = xasprintf("tổng hợp từ %d đơn vị trực thuộc có số liệu", r[i].with_data);
	}
}

void view_family_free(struct family *f)
{
	for (size_t i = 0; f->map && i < f->n; i++)
		link_pairs_free(f->map[i], f->nmap[i]);
	free(f->map);
	free(f->nmap);
	for (size_t i = 0; i < f->n; i++) {
		plan_free(&f->plans[i]);
		for (size_t k = 0; k < f->c[i].nobs; k++)
			obs_rec_free(&f->obs[i][k]);
		free(f->obs[i]);
	}
	for (size_t i = 0; i < f->nunits; i++)
		unit_rec_free(&f->units[i]);
	for (size_t i = 0; i < f->nlocal; i++)
		free(f->local[i]);
	free(f->local);
	free(f->top);
	free(f->units);
	free(f->c);
	free(f->plans);
	free(f->obs);
	for (size_t i = 0; f->packs && i < f->n; i++)
		pack_free(&f->packs[i]);
	free(f->packs);
	pack_pool_free(f->pool);
	free(f->pool);
}

static int pair_cmp(const void *a, const void *b)
{
	return strcmp(((const struct link_pair *)a)->child_code,
	              ((const struct link_pair *)b)->child_code);
}

const char *view_lift_code(const struct link_pair *map, size_t n, const char *code)
{
	struct link_pair key = {(char *)code, NULL};
	const struct link_pair *hit = n ? bsearch(&key, map, n, sizeof *map, pair_cmp) : NULL;
	return hit ? hit->parent_code : NULL;
}

size_t view_lift_step(struct link_pair *map, size_t n, const struct link_pair *up, size_t nup)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		const char *next = view_lift_code(up, nup, map[i].parent_code);
		if (!next) {
			free(map[i].child_code);
			free(map[i].parent_code);
			continue;
		}
		free(map[i].parent_code);
		map[i].parent_code = xstrdup(next);
		map[k++] = map[i];
	}
	return k;
}

int view_lift(struct store *s, const struct unit_rec *units, const int *parent, int u, int root,
              struct link_pair **map, size_t *n, struct error *err)
{
	if (store_link_map(s, units[u].id, map, n, err))
		return -1;
	for (int at = parent[u], steps = 0; at >= 0 && at != root && steps < 64;
	     at = parent[at], steps++) {
		struct link_pair *up;
		size_t nup;
		if (store_link_map(s, units[at].id, &up, &nup, err)) {
			link_pairs_free(*map, *n);
			*map = NULL;
			*n = 0;
			return -1;
		}
		if (nup > 1)
			xqsort(up, nup, sizeof *up, pair_cmp);
		*n = view_lift_step(*map, *n, up, nup);
		link_pairs_free(up, nup);
	}
	if (*n > 1)
		xqsort(*map, *n, sizeof **map, pair_cmp);
	return 0;
}

const char *view_lift_figure(const struct link_pair *map, size_t nmap, const struct plan *rp,
                             const char *code)
{
	const char *to = code ? view_lift_code(map, nmap, code) : NULL;
	return to && plan_find_indicator(rp, to) ? to : NULL;
}

void view_lift_apply(const struct link_pair *map, size_t nmap, const struct plan *rp,
                     const char *unit, struct plan *p, struct obs_rec *o, size_t *no, char ***local,
                     size_t *nlocal)
{
	for (size_t i = 0; i < p->nind;) {
		struct indicator *x = &p->ind[i];
		const char *to = view_lift_code(map, nmap, x->code);
		const struct indicator *y = to ? plan_find_indicator(rp, to) : NULL;
		if (!y) {
			if (local) {
				*local = xrealloc(*local, (*nlocal + 1) * sizeof **local);
				(*local)[(*nlocal)++] =
				        xasprintf("%s %s %s", unit, x->code, x->name);
			}
			plan_remove_indicator(p, i);
			continue;
		}
		free(x->code);
		free(x->name);
		x->code = xstrdup(y->code);
		x->name = xstrdup(y->name);
		i++;
	}
	size_t k = 0;
	for (size_t i = 0; i < *no; i++) {
		const char *to = view_lift_figure(map, nmap, rp, o[i].code);
		if (!to) {
			obs_rec_free(&o[i]);
			continue;
		}
		free(o[i].code);
		o[i].code = xstrdup(to);
		o[k++] = o[i];
	}
	*no = k;
}

json_t *view_status_row_json(const struct status_row *x)
{
	json_t *o =
	        json_pack("{sssssissssssss}", "code", x->ind->code, "name", x->ind->name,
	                  "milestone", x->year, "target", x->target ? x->target->text : "",
	                  "status", eval_status_name(x->r.status), "colour",
	                  eval_colour_vi(eval_status_colour(x->r.status)), "record", x->r.record);
	if (x->r.has_latest)
		json_object_set_new(o, "latest", json_real(x->r.latest));
	if (x->r.has_expected)
		json_object_set_new(o, "expected", json_real(x->r.expected));
	if (x->r.has_projection)
		json_object_set_new(o, "projected", json_real(x->r.projected));
	if (x->r.has_progress)
		json_object_set_new(o, "progress", json_real(x->r.progress));
	if (x->r.has_ratio)
		json_object_set_new(o, "growth_ratio", json_real(x->r.ratio));
	return o;
}

json_t *view_rollup_json(const struct rollup_row *r, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *o =
		        json_pack("{sssssisisisf}", "code", r[i].code, "name", r[i].name,
		                  "children", r[i].children, "evaluated", r[i].meeting.evaluated,
		                  "meeting", r[i].meeting.met, "share_meeting", r[i].meeting.share);
		static const char *const nat[] = {"count", "ratio", "rate", "level"};
		json_object_set_new(o, "nature", json_string(nat[r[i].nature]));
		if (r[i].has_value)
			json_object_set_new(o, "value", json_real(r[i].value));
		if (r[i].nature == AGG_LEVEL) {
			json_t *d = json_object();
			for (int k = 0; k <= AGG_MAX_LEVEL; k++)
				if (r[i].levels.count[k]) {
					char key[8];
					snprintf(key, sizeof key, "%d", k);
					json_object_set_new(d, key,
					                    json_integer(r[i].levels.count[k]));
				}
			json_object_set_new(o, "levels", d);
			json_object_set_new(o, "share_at_or_above", json_real(r[i].levels.share));
		}
		json_t *w = json_array();
		for (int k = 0; k < r[i].nworst; k++)
			json_array_append_new(w, json_string(r[i].worst[k]));
		json_object_set_new(o, "worst", w);
		json_array_append_new(a, o);
	}
	return a;
}

json_t *view_series_json(const struct live *l, int i)
{
	static const char *const nature[] = {"ratio", "count", "level"};
	const struct engine *e = l->e;
	json_t *o = json_pack("{ssssss}", "code", l->ind[i].code, "name", l->ind[i].name, "nature",
	                      nature[e->kind[i] < 3 ? e->kind[i] : 0]);
	json_t *units = json_array();
	int *rows = xcalloc((size_t)e->nprov + 2, sizeof *rows), nrows = live_rows_shown(l, rows);
	for (int k = 0; k < nrows; k++) {
		json_t *series = json_array();
		for (int m = 0; m < e->nmonth; m++) {
			double v = engine_value(e, rows[k], i, m);
			if (isnan(v))
				continue;
			char name[12];
			live_month_name(l, m, name);
			json_array_append_new(series,
			                      json_pack("{sssf}", "period", name, "value", v));
		}
		size_t at = (size_t)rows[k] * (size_t)e->nind + (size_t)i;
		json_array_append_new(units,
		                      json_pack("{sssisiso}", "unit", live_row_code(l, rows[k]),
		                                "meeting", e->meeting[at], "reporting",
		                                e->reporting[at], "series", series));
	}
	free(rows);
	json_object_set_new(o, "units", units);
	return o;
}

/* A link between a child's and its parent's indicator, for the API and
 * `chitieu link list --format json` alike. */
json_t *view_link_json(const struct link_rec *r)
{
	json_t *o =
	        json_pack("{sIsssssssssssssssfsb}", "id", (json_int_t)r->id, "unit", r->child_unit,
	                  "indicator", r->child_code, "name", r->child_name ? r->child_name : "",
	                  "parent_unit", r->parent_unit, "parent_indicator", r->parent_code,
	                  "parent_name", r->parent_name ? r->parent_name : "", "state", r->state,
	                  "score", r->score, "gone", r->gone);
	json_object_set_new(o, "why", json_string(r->why ? r->why : ""));
	json_object_set_new(o, "by", json_string(r->by ? r->by : ""));
	json_object_set_new(o, "at", json_string(r->at ? r->at : ""));
	return o;
}
