/* plansave.c: a plan's structure (its agencies, new series, indicators,
 * their agency links and targets, its tasks) written in a fixed number of
 * set-based statements, whatever the plan's size: the rows go into
 * temporary tables by the driver's copy (COPY on PostgreSQL), then one
 * INSERT ... SELECT per table joins them to the ids the database gives.
 * A plan of 75 indicators was some 1,300 statements, one a row. */
#include "agency.h"
#include "internal.h"
#include "target.h"
#include "text.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The temporary tables, made once per connection (again after a rollback
 * took them), emptied for each plan. */
static const char tables[] =
        "CREATE TEMP TABLE IF NOT EXISTS plan_ind (ord BIGINT, series_id BIGINT, code TEXT,"
        " folded TEXT, group_code TEXT, name TEXT, unit TEXT, baseline DOUBLE PRECISION,"
        " baseline_text TEXT, lead TEXT, monitor TEXT, partners TEXT, implementers TEXT,"
        " deadline TEXT);"
        "CREATE TEMP TABLE IF NOT EXISTS plan_ia (code TEXT, folded TEXT, role TEXT);"
        "CREATE TEMP TABLE IF NOT EXISTS plan_tgt (code TEXT, year BIGINT, kind TEXT, text TEXT,"
        " op TEXT, value DOUBLE PRECISION, min DOUBLE PRECISION, max DOUBLE PRECISION,"
        " level TEXT, rank BIGINT);"
        "CREATE TEMP TABLE IF NOT EXISTS plan_task (ord BIGINT, code TEXT, group_code TEXT,"
        " title TEXT, lead TEXT, implementers TEXT, timeframe TEXT, due TEXT, recurring BIGINT);"
        "CREATE TEMP TABLE IF NOT EXISTS plan_agency (ord BIGINT, name TEXT, folded TEXT);"
        "CREATE TEMP TABLE IF NOT EXISTS plan_ren (series_id BIGINT, code TEXT, folded TEXT);";

/* Emptying them for the next plan. On PostgreSQL a DELETE leaves its rows
 * dead until the transaction ends, and every later statement on the table
 * reads them again: import --list of 1,000 plans in one transaction, each
 * plan's INSERT ... SELECT took 1 ms for the first plan and 25 ms for the
 * 600th (quadratic: 365 s). A TRUNCATE forgets them but costs some 25 ms
 * itself, so every TRUNCATE_EVERY plans: the dead rows of at most that
 * many are read. SQLite's DELETE without WHERE frees the pages. */
#define TRUNCATE_EVERY 16
static const char emptied[] =
        "DELETE FROM plan_ind; DELETE FROM plan_ia; DELETE FROM plan_tgt; DELETE FROM plan_task;"
        " DELETE FROM plan_agency; DELETE FROM plan_ren";
static const char truncated[] =
        "TRUNCATE plan_ind, plan_ia, plan_tgt, plan_task, plan_agency, plan_ren";

/* Rows of text cells for the driver's copy (NULL for NULL). */
struct cells {
	char **v;
	size_t n, cap;
};

static void put(struct cells *c, char *owned)
{
	c->v = xgrow(c->v, &c->cap, c->n + 1, sizeof *c->v);
	c->v[c->n++] = owned;
}

static void put_text(struct cells *c, const char *v)
{
	put(c, v ? xstrdup(v) : NULL);
}

static void put_int(struct cells *c, int64_t v)
{
	put(c, xasprintf("%lld", (long long)v));
}

static void put_num(struct cells *c, bool has, double v)
{
	put(c, has ? xasprintf("%.17g", v) : NULL);
}

static void cells_free(struct cells *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->v[i]);
	free(c->v);
	memset(c, 0, sizeof *c);
}

/* Load the cells (ncols a row) into a temporary table; nothing when empty. */
static int load(struct store *s, const char *table, int ncols, const char *types, struct cells *c,
                struct error *err)
{
	size_t rows = c->n / (size_t)ncols;
	int rc = rows ? D->copy(s->db, table, ncols, types, c->v, rows, err) : 0;
	cells_free(c);
	return rc;
}

/* Run a statement whose parameters are integers (a, then b when b >= 0,
 * then c when c >= 0). */
static int run_ints(struct store *s, const char *sql, int64_t a, int64_t b, int64_t c,
                    struct error *err)
{
	struct stmt *st = st_prep(s, sql, err);
	if (!st)
		return -1;
	D->bind_int(st, 1, a);
	if (b >= 0)
		D->bind_int(st, 2, b);
	if (c >= 0)
		D->bind_int(st, 3, c);
	int rc = D->step(st, err) < 0 ? -1 : 0;
	st_done(s, st);
	return rc;
}

int st_plan_tables(struct store *s, struct error *err)
{
	bool truncate = D == &pq_driver && s->plan_saves++ % TRUNCATE_EVERY == 0;
	return D->exec(s->db, tables, err) || D->exec(s->db, truncate ? truncated : emptied, err)
	               ? -1
	               : 0;
}

int st_series_recode(struct store *s, const int64_t *ids, char *const *codes, char *const *names,
                     size_t n, struct error *err)
{
	(void)names;
	if (!n)
		return 0;
	struct cells c = {0};
	for (size_t i = 0; i < n; i++) {
		put_int(&c, ids[i]);
		put_text(&c, codes[i]);
		put(&c, NULL); /* (series.folded: gone in schema 14) */
	}
	if (D->exec(s->db, "DELETE FROM plan_ren", err) || load(s, "plan_ren", 3, "itt", &c, err))
		return -1;
	struct stmt *st = st_prep(s,
	                          "UPDATE series SET code = (SELECT r.code FROM plan_ren r WHERE"
	                          " r.series_id = series.id) WHERE id IN (SELECT series_id FROM"
	                          " plan_ren)",
	                          err);
	if (!st)
		return -1;
	int rc = D->step(st, err) < 0 ? -1 : 0;
	st_done(s, st);
	return rc;
}

/* The agencies the plan names, matched as agency_likeness says to the
 * unit's (read once) and to those the plan adds before them. */
struct agencies {
	char **name, **key;
	char **same; /* agency_key of each name, what agency_likeness scores 2 */
	size_t n, capn, capk, caps, known; /* the first known are in the database */
};

static void agencies_free(struct agencies *a)
{
	for (size_t i = 0; i < a->n; i++) {
		free(a->name[i]);
		free(a->key[i]);
		free(a->same[i]);
	}
	free(a->name);
	free(a->key);
	free(a->same);
}

static void agency_push(struct agencies *a, char *name, char *key)
{
	a->name = xgrow(a->name, &a->capn, a->n + 1, sizeof *a->name);
	a->key = xgrow(a->key, &a->capk, a->n + 1, sizeof *a->key);
	a->same = xgrow(a->same, &a->caps, a->n + 1, sizeof *a->same);
	a->same[a->n] = agency_key(name);
	a->name[a->n] = name;
	a->key[a->n++] = key;
}

static int agencies_load(struct store *s, int64_t unit, struct agencies *a, struct error *err)
{
	struct stmt *st =
	        st_prep(s, "SELECT name, folded FROM agencies WHERE unit_id = ? ORDER BY id", err);
	if (!st)
		return -1;
	D->bind_int(st, 1, unit);
	int rc;
	while ((rc = D->step(st, err)) == 1)
		agency_push(a, xstrdup(D->col_text(st, 0)), xstrdup(D->col_text(st, 1)));
	st_done(s, st);
	a->known = a->n;
	return rc < 0 ? -1 : 0;
}

/* The agency a name is (the last of the most alike at AGENCY_SAME or
 * more), added when none: its index, -1 for an empty name. */
static long agency_find(struct agencies *a, const char *name)
{
	char *key = agency_key(name);
	if (!*key) {
		free(key);
		return -1;
	}
	double best = AGENCY_SAME;
	long at = -1;
	/* The same key is agency_likeness's best score (2): the last such
	 * agency, found by comparing keys, without scoring every pair (a
	 * plan's 75 indicators name a few agencies again and again). */
	for (size_t i = 0; i < a->n; i++)
		if (!strcmp(a->same[i], key))
			at = (long)i;
	bool same = at >= 0;
	for (size_t i = 0; !same && i < a->n; i++) {
		double sim = agency_likeness_keyed(a->name[i], a->same[i], name, key);
		if (sim >= best) {
			best = sim;
			at = (long)i;
		}
	}
	if (at >= 0) {
		free(key);
		return at;
	}
	agency_push(a, xstrdup(name), key);
	return (long)a->n - 1;
}

/* An indicator's agencies of one role as rows of plan_ia; the first one's
 * key (NULL when none), for the indicator's lead_id or monitor_id. */
static const char *agency_rows(struct agencies *a, struct cells *ia, const char *code,
                               const char *cell, const char *role)
{
	if (!cell)
		return NULL;
	char **names;
	size_t n = agency_split(cell, &names);
	long first = -1;
	for (size_t k = 0; k < n; k++) {
		long at = agency_find(a, names[k]);
		if (at >= 0) {
			first = first >= 0 ? first : at;
			put_text(ia, code);
			put_text(ia, a->key[at]);
			put_text(ia, role);
		}
		free(names[k]);
	}
	free(names);
	return first >= 0 ? a->key[first] : NULL;
}

static bool names_agencies(const struct plan *p)
{
	for (size_t i = 0; i < p->nind; i++)
		if (p->ind[i].lead || p->ind[i].monitor)
			return true;
	return false;
}

static void target_rows(struct cells *c, const struct indicator *x)
{
	for (int i = 0; i < x->ntargets; i++) {
		const struct target *t = &x->targets[i].t;
		bool num = t->kind == TARGET_NUMBER || t->kind == TARGET_RANK ||
		           t->kind == TARGET_GROWTH;
		put_text(c, x->code);
		put_int(c, x->targets[i].year);
		put_text(c, target_kind_name(t->kind));
		put_text(c, t->text);
		put_text(c, num ? target_op_name(t->op) : NULL);
		put_num(c, num, t->value);
		put_num(c, t->kind == TARGET_RANGE, t->min);
		put_num(c, t->kind == TARGET_RANGE, t->max);
		put_text(c, t->kind == TARGET_LEVEL ? t->level : NULL);
		t->kind == TARGET_LEVEL ? put_int(c, t->rank) : put(c, NULL);
	}
}

static void task_rows(struct cells *c, const struct plan *p)
{
	for (size_t i = 0; i < p->ntasks; i++) {
		const struct task *t = &p->tasks[i];
		put_int(c, (int64_t)i);
		put_text(c, t->code);
		put_text(c, t->group);
		put_text(c, t->title);
		put_text(c, t->lead);
		put_text(c, t->implementers);
		put_text(c, t->timeframe);
		put(c, t->due_year ? xasprintf("%04d-%02d", t->due_year, t->due_month) : NULL);
		put_int(c, t->recurring);
	}
}

int st_plan_rows_save(struct store *s, int64_t unit, int64_t plan, const struct plan *p,
                      const int64_t *series, struct error *err)
{
	struct agencies ag = {0};
	if (names_agencies(p) && agencies_load(s, unit, &ag, err))
		return -1;
	struct cells ind = {0}, ia = {0}, tgt = {0}, task = {0}, agency = {0};
	for (size_t i = 0; i < p->nind; i++) {
		const struct indicator *x = &p->ind[i];
		const char *lead = agency_rows(&ag, &ia, x->code, x->lead, "lead");
		const char *mon = agency_rows(&ag, &ia, x->code, x->monitor, "monitor");
		put_int(&ind, (int64_t)i);
		series[i] ? put_int(&ind, series[i]) : put(&ind, NULL);
		put_text(&ind, x->code);
		put(&ind, text_fold(x->name));
		put_text(&ind, x->group);
		put_text(&ind, x->name);
		put_text(&ind, x->unit);
		put_num(&ind, x->has_baseline, x->baseline);
		put_text(&ind, x->baseline_text);
		put_text(&ind, lead);
		put_text(&ind, mon);
		put_text(&ind, x->partners);
		put_text(&ind, x->implementers);
		put_text(&ind, x->deadline);
		target_rows(&tgt, x);
	}
	for (size_t i = ag.known; i < ag.n; i++) {
		put_int(&agency, (int64_t)i);
		put_text(&agency, ag.name[i]);
		put_text(&agency, ag.key[i]);
	}
	bool new_agencies = ag.n > ag.known;
	bool new_series = false;
	for (size_t i = 0; i < p->nind; i++)
		new_series |= !series[i];
	task_rows(&task, p);
	agencies_free(&ag);
	int rc = load(s, "plan_agency", 3, "itt", &agency, err) ||
	                         load(s, "plan_ind", 14, "iitttttrtttttt", &ind, err) ||
	                         load(s, "plan_ia", 3, "ttt", &ia, err) ||
	                         load(s, "plan_tgt", 10, "titttrrrti", &tgt, err) ||
	                         load(s, "plan_task", 9, "ittttttti", &task, err)
	                 ? -1
	                 : 0;
	cells_free(&agency);
	cells_free(&ind);
	cells_free(&ia);
	cells_free(&tgt);
	cells_free(&task);
	if (!rc && new_agencies)
		/* (each name kept once, schema 15: narrow.c) */
		rc = D->exec(s->db,
		             "INSERT INTO agency_names (name, folded) SELECT name, folded"
		             " FROM plan_agency WHERE true ON CONFLICT (name, folded) DO NOTHING",
		             err) || run_ints(s,
		                              "INSERT INTO unit_agencies (unit_id, name_id) SELECT"
		                              " CAST(? AS BIGINT), n.id FROM plan_agency a JOIN"
		                              " agency_names n ON n.name = a.name AND n.folded ="
		                              " a.folded ORDER BY a.ord",
		                              unit, -1, -1, err)
		             ? -1
		             : 0;
	if (!rc && new_series)
		rc = run_ints(s,
		              "INSERT INTO series (unit_id, code) SELECT CAST(? AS BIGINT),"
		              " code FROM plan_ind WHERE series_id IS NULL ORDER BY ord",
		              unit, -1, -1, err) ||
		                     run_ints(s,
		                              "UPDATE plan_ind SET series_id = (SELECT id FROM "
		                              "series"
		                              " WHERE unit_id = ? AND code = plan_ind.code)"
		                              " WHERE series_id IS NULL",
		                              unit, -1, -1, err)
		             ? -1
		             : 0;
	/* The indicators, their agency links and targets, and the tasks:
	 * the plan's content, stored once for every plan with the same rows
	 * (plancontent.c). */
	if (!rc)
		rc = st_plan_content_put(s, plan, false, err);
	return rc;
}
