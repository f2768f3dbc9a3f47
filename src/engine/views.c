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
	plan_free(&v->p);
	unit_rec_free(&v->u);
	memset(v, 0, sizeof *v);
}

int view_unit(struct store *s, const char *unit, int as_of, enum period_kind grain,
              enum eval_method method, struct unit_view *v, char **err)
{
	memset(v, 0, sizeof *v);
	plan_init(&v->p);
	int found = store_unit_get(s, unit, &v->u, err);
	if (found > 0)
		*err = xasprintf("[E_UNKNOWN_UNIT] không có đơn vị \"%s\"", unit);
	if (found)
		return -1;
	found = store_plan_load(s, v->u.id, &v->p, err);
	if (found > 0)
		*err = xstrdup("[E_NO_PLAN] đơn vị chưa có kế hoạch; lưu bằng \"chitieu import\"");
	if (found || store_obs_list(s, v->u.id, NULL, &v->o, &v->no, err)) {
		view_unit_free(v);
		return -1;
	}
	status_roll_periods_in_place(&v->p, &v->o, &v->no, grain); /* months -> quarter -> year */
	v->n = status_evaluate(&v->p, v->o, v->no, as_of, method, &v->rows);
	return 0;
}

void view_family_free(struct family *f)
{
	for (size_t i = 0; i < f->n; i++) {
		plan_free(&f->plans[i]);
		for (size_t k = 0; k < f->c[i].nobs; k++)
			obs_rec_free(&f->obs[i][k]);
		free(f->obs[i]);
	}
	for (size_t i = 0; i < f->nunits; i++)
		unit_rec_free(&f->units[i]);
	free(f->units);
	free(f->c);
	free(f->plans);
	free(f->obs);
}

int view_family(struct store *s, const char *parent, enum period_kind grain, struct family *f,
                char **err)
{
	memset(f, 0, sizeof *f);
	if (store_unit_list(s, &f->units, &f->nunits, err))
		return -1;
	f->c = xcalloc(f->nunits + 1, sizeof *f->c);
	f->plans = xcalloc(f->nunits + 1, sizeof *f->plans);
	f->obs = xcalloc(f->nunits + 1, sizeof *f->obs);
	bool found = false;
	for (size_t i = 0; i < f->nunits; i++) {
		struct unit_rec *u = &f->units[i];
		found |= !strcmp(u->code, parent);
		if (!u->parent_code || strcmp(u->parent_code, parent))
			continue;
		struct plan *p = &f->plans[f->n];
		int rc = store_plan_load(s, u->id, p, err);
		if (rc < 0)
			return -1;
		if (rc) {
			f->without_plan++;
			continue;
		}
		size_t no = 0;
		if (store_obs_list(s, u->id, NULL, &f->obs[f->n], &no, err))
			return -1;
		status_roll_periods_in_place(p, &f->obs[f->n], &no, grain);
		f->c[f->n] = (struct child){u->code, u->name, u->population, p, f->obs[f->n], no};
		f->n++;
	}
	if (!found) {
		*err = xasprintf("[E_UNKNOWN_UNIT] không có đơn vị \"%s\"", parent);
		return -1;
	}
	return 0;
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
