/* record.c: recording many figures at once, as the CLI (--csv) and the web
 * API both do: every row looked up and checked first, every problem listed
 * with its line, then all rows written in one transaction, or none. */
#include "store.h"

#include "figure.h"
#include "period.h"
#include "text.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One figure of a row: a number as it came, or text read by the rule of
 * figure.h. False after adding the problem to ps: an ambiguous figure is
 * asked about, never guessed. */
static bool read_figure(const char *what, const char *text, struct obs_number n,
                        enum figure_form form, int line, double *v, struct problems *ps)
{
	if (n.set) {
		*v = n.v;
		return true;
	}
	enum figure_read_rc rc = figure_read(text, form, v);
	if (rc == FIGURE_AMBIGUOUS) {
		char dec[FIGURE_SIZE], whole[FIGURE_SIZE];
		figure_readings(text, dec, whole);
		problems_add(ps, "E_AMBIGUOUS_NUMBER", line,
		             "%s \"%s\" chưa rõ: là %s (số thập phân) hay %s (số nguyên)? "
		             "Viết %s nếu là số thập phân, %s nếu là số nguyên "
		             "(dấu phẩy là dấu thập phân, dấu chấm ngăn cách hàng nghìn)",
		             what, text, dec, whole, dec, whole);
	} else if (rc && form == FIGURE_MACHINE) {
		problems_add(ps, "E_NUMBER", line,
		             "%s \"%s\" không phải số (cần dạng 85 hoặc 85.5: dấu chấm "
		             "thập phân, không ngăn cách hàng nghìn)",
		             what, text);
	} else if (rc) {
		problems_add(ps, "E_NUMBER", line,
		             "%s \"%s\" không phải số (viết như 85, 85,5 hoặc 1.234.567)", what,
		             text);
	}
	return rc == FIGURE_OK;
}

static bool read_yes(const char *s, bool *yes)
{
	char *f = text_fold(s);
	bool ok = true;
	if (!strcmp(f, "co") || !strcmp(f, "yes") || !strcmp(f, "true") || !strcmp(f, "1") ||
	    !strcmp(f, "dat") || !strcmp(f, "x"))
		*yes = true;
	else if (!strcmp(f, "khong") || !strcmp(f, "no") || !strcmp(f, "false") ||
	         !strcmp(f, "0") || !strcmp(f, "chua dat"))
		*yes = false;
	else
		ok = false;
	free(f);
	return ok;
}

/* Units and indicators looked up once each, in a hash by "unit\x1fcode". */
struct entry {
	char *key;
	bool missing;
	char *error; /* the database failed, not the input */
	struct unit_rec u;
	struct series_rec s;
};

struct lookups {
	struct entry *v;
	size_t cap, n;
};

static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603u; /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

static struct entry *slot(struct lookups *lk, const char *key, bool *fresh)
{
	if ((lk->n + 1) * 2 > lk->cap) {
		struct lookups big = {xcalloc(lk->cap ? lk->cap * 2 : 64, sizeof *big.v),
		                      lk->cap ? lk->cap * 2 : 64, lk->n};
		for (size_t i = 0; i < lk->cap; i++) {
			if (!lk->v[i].key)
				continue;
			size_t j = hash(lk->v[i].key) & (big.cap - 1);
			while (big.v[j].key)
				j = (j + 1) & (big.cap - 1);
			big.v[j] = lk->v[i];
		}
		free(lk->v);
		*lk = big;
	}
	size_t j = hash(key) & (lk->cap - 1);
	while (lk->v[j].key && strcmp(lk->v[j].key, key))
		j = (j + 1) & (lk->cap - 1);
	*fresh = !lk->v[j].key;
	if (*fresh) {
		lk->v[j].key = xstrdup(key);
		lk->n++;
	}
	return &lk->v[j];
}

static void lookups_free(struct lookups *lk)
{
	for (size_t i = 0; i < lk->cap; i++) {
		if (!lk->v[i].key)
			continue;
		free(lk->v[i].key);
		free(lk->v[i].error);
		unit_rec_free(&lk->v[i].u);
		series_rec_free(&lk->v[i].s);
	}
	free(lk->v);
}

/* The unit, or NULL: *error then says why if the database failed. */
static const struct unit_rec *find_unit(struct store *s, struct lookups *lk, const char *code,
                                        const char **error)
{
	bool fresh;
	char key[256];
	snprintf(key, sizeof key, "\x1f%s", code);
	struct entry *e = slot(lk, key, &fresh);
	if (fresh) {
		int rc = store_unit_get(s, code, &e->u, &e->error);
		e->missing = rc != 0;
		if (rc > 0) {
			free(e->error);
			e->error = NULL;
		}
	}
	*error = e->error;
	return e->missing ? NULL : &e->u;
}

/* All indicators of a unit go into the hash at its first use: one query a
 * unit instead of several an indicator. */
static void load_unit(struct store *s, struct lookups *lk, int64_t unit_id, const char *unit)
{
	bool fresh;
	char *key = xasprintf("\x1e%s", unit);
	slot(lk, key, &fresh);
	free(key);
	if (!fresh)
		return;
	struct series_rec *v = NULL;
	size_t n = 0;
	char *err = NULL;
	if (store_series_all(s, unit_id, &v, &n, &err)) {
		n = 0;
		char *k = xasprintf("\x1e%s", unit);
		struct entry *e = slot(lk, k, &fresh);
		free(k);
		e->error = err; /* reported by find_series */
		err = NULL;
	}
	for (size_t i = 0; i < n; i++) {
		char *k = xasprintf("%s\x1f%s", unit, v[i].code);
		struct entry *e = slot(lk, k, &fresh);
		free(k);
		if (fresh)
			e->s = v[i];
		else
			series_rec_free(&v[i]);
	}
	free(v);
	free(err);
}

/* Entries move when the table grows: callers pass the unit by value. */
static const struct series_rec *find_series(struct store *s, struct lookups *lk, int64_t unit_id,
                                            const char *unit, const char *code, const char **error)
{
	load_unit(s, lk, unit_id, unit);
	bool fresh;
	char key[512];
	snprintf(key, sizeof key, "\x1e%s", unit);
	*error = slot(lk, key, &fresh)->error;
	snprintf(key, sizeof key, "%s\x1f%s", unit, code);
	struct entry *e = slot(lk, key, &fresh);
	e->missing = fresh;
	return e->missing ? NULL : &e->s;
}

/* One input row to a checked figure; problems go to ps. */
static void build(struct store *s, struct lookups *lk, const struct obs_input *in,
                  struct obs_rec *o, struct problems *ps)
{
	memset(o, 0, sizeof *o);
	const char *dberr = NULL;
	const struct unit_rec *u = find_unit(s, lk, in->unit, &dberr);
	if (!u && dberr) {
		problems_add(ps, "E_DB", in->line, "%s", dberr);
		return;
	}
	if (!u) {
		problems_add(ps, "E_UNKNOWN_UNIT", in->line, "Không có đơn vị \"%s\"", in->unit);
		return;
	}
	const struct series_rec *se = find_series(s, lk, u->id, in->unit, in->indicator, &dberr);
	if (!se && dberr) {
		problems_add(ps, "E_DB", in->line, "%s", dberr);
		return;
	}
	if (!se) {
		problems_add(ps, "E_UNKNOWN_INDICATOR", in->line,
		             "Kế hoạch hiện hành của %s không có chỉ tiêu \"%s\"", in->unit,
		             in->indicator);
		return;
	}
	struct period p;
	const char *why;
	if (!period_parse(in->period, &p, &why))
		period_format(&p, o->period, sizeof o->period);
	else
		snprintf(o->period, sizeof o->period, "%.15s", in->period);
	o->series_id = se->id;
	size_t before = ps->n;
	if (in->value_n.set || *in->value)
		o->has_value = read_figure("Giá trị", in->value, in->value_n, in->form, in->line,
		                           &o->value, ps);
	if (in->num_n.set || in->den_n.set || *in->num || *in->den) {
		bool num =
		        read_figure("Tử số", in->num, in->num_n, in->form, in->line, &o->num, ps);
		bool den =
		        read_figure("Mẫu số", in->den, in->den_n, in->form, in->line, &o->den, ps);
		o->has_ratio = num && den;
	}
	if (*in->level) {
		o->has_level = true;
		o->level = xstrdup(in->level);
	}
	if (*in->yes && !(o->has_yes = read_yes(in->yes, &o->yes)))
		problems_add(ps, "E_YESNO", in->line, "\"%s\" không phải Có hoặc Không", in->yes);
	o->note = *in->note ? xstrdup(in->note) : NULL;
	o->evidence = *in->evidence ? xstrdup(in->evidence) : NULL;
	if (ps->n == before)
		observation_check(se, o, in->line, ps);
}

struct keyed {
	const struct obs_rec *o;
	int line;
};

static int cmp_keyed(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	if (x->o->series_id != y->o->series_id)
		return x->o->series_id < y->o->series_id ? -1 : 1;
	int c = strcmp(x->o->period, y->o->period);
	return c ? c : (x->line > y->line) - (x->line < y->line);
}

/* The same unit, indicator and period twice in one batch. */
static void duplicates(const struct obs_rec *o, const struct obs_input *in, size_t n,
                       struct problems *ps)
{
	struct keyed *k = xcalloc(n ? n : 1, sizeof *k);
	for (size_t i = 0; i < n; i++)
		k[i] = (struct keyed){&o[i], in[i].line};
	xqsort(k, n, sizeof *k, cmp_keyed);
	for (size_t i = 1; i < n; i++)
		if (k[i].o->series_id && k[i].o->series_id == k[i - 1].o->series_id &&
		    !strcmp(k[i].o->period, k[i - 1].o->period))
			problems_add(ps, "E_DUPLICATE", k[i].line,
			             "Trùng với dòng %d (cùng đơn vị, chỉ tiêu, kỳ)",
			             k[i - 1].line);
	free(k);
}

int store_record_batch(struct store *s, const struct obs_input *in, size_t n, const char *by,
                       const char *reason, struct problems *ps)
{
	struct lookups lk = {0};
	struct obs_rec *o = xcalloc(n ? n : 1, sizeof *o);
	char *err = NULL;
	size_t before = ps->n;
	for (size_t i = 0; i < n; i++)
		build(s, &lk, &in[i], &o[i], ps);
	duplicates(o, in, n, ps);
	if (ps->n == before && store_begin(s, &err) == 0) {
		int *lines = xcalloc(n ? n : 1, sizeof *lines);
		for (size_t i = 0; i < n; i++)
			lines[i] = in[i].line;
		if (store_obs_put_many(s, o, lines, n, by, reason, ps, &err) < 0)
			problems_add(ps, "E_DB", 0, "%s", err);
		free(lines);
		if (ps->n != before)
			store_rollback(s);
		else if (store_commit(s, &err))
			problems_add(ps, "E_DB", 0, "%s", err);
	} else if (err) {
		problems_add(ps, "E_DB", 0, "%s", err);
	}
	for (size_t i = 0; i < n; i++)
		obs_rec_free(&o[i]);
	free(o);
	free(err);
	lookups_free(&lk);
	return ps->n == before ? 0 : -1;
}

int store_record_check(struct store *s, const struct obs_input *in, size_t n, struct problems *ps)
{
	struct lookups lk = {0};
	struct obs_rec *o = xcalloc(n ? n : 1, sizeof *o);
	size_t before = ps->n;
	for (size_t i = 0; i < n; i++)
		build(s, &lk, &in[i], &o[i], ps);
	duplicates(o, in, n, ps);
	for (size_t i = 0; i < n; i++)
		obs_rec_free(&o[i]);
	free(o);
	lookups_free(&lk);
	return ps->n == before ? 0 : -1;
}
