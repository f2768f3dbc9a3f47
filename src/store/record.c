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

#include "internal.h"

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
	struct error error; /* the database failed, not the input */
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
		err_clear(&lk->v[i].error);
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
		if (rc > 0)
			err_clear(&e->error);
	}
	*error = e->error.msg;
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
	struct error err = {0};
	if (store_series_all(s, unit_id, &v, &n, &err)) {
		n = 0;
		char *k = xasprintf("\x1e%s", unit);
		struct entry *e = slot(lk, k, &fresh);
		free(k);
		e->error = err; /* reported by find_series */
		err = (struct error){0};
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
	err_clear(&err);
}

/* Entries move when the table grows: callers pass the unit by value. */
static const struct series_rec *find_series(struct store *s, struct lookups *lk, int64_t unit_id,
                                            const char *unit, const char *code, const char **error)
{
	load_unit(s, lk, unit_id, unit);
	bool fresh;
	char key[512];
	snprintf(key, sizeof key, "\x1e%s", unit);
	*error = slot(lk, key, &fresh)->error.msg;
	snprintf(key, sizeof key, "%s\x1f%s", unit, code);
	struct entry *e = slot(lk, key, &fresh);
	/* Not among the unit's series (load_unit put them all in): missing,
	 * and still missing when named again. */
	if (fresh)
		e->missing = true;
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
	o->code = xstrdup(se->code); /* for store_written */
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
	return store_record_batch_sum(s, in, n, by, reason, ps, NULL);
}

/* A group's writes share their lookups (group.c: its writes change no
 * unit nor plan); freed when it ends or a write of it is undone. */
void st_record_lookups_free(void *lk)
{
	if (lk)
		lookups_free(lk);
	free(lk);
}

/* Lookups kept from one group to the next up to this many units and
 * indicators (some 100 units' plans). */
#define KEPT_LOOKUPS_MAX 8192

bool st_record_lookups_keepable(const void *p)
{
	const struct lookups *lk = p;
	if (lk->n > KEPT_LOOKUPS_MAX)
		return false;
	for (size_t i = 0; i < lk->cap; i++)
		if (lk->v[i].key && lk->v[i].error.msg)
			return false; /* the database failed: asked again */
	return true;
}

int store_record_batch_sum(struct store *s, const struct obs_input *in, size_t n, const char *by,
                           const char *reason, struct problems *ps, struct record_summary *sum)
{
	struct lookups own = {0}, *shared = NULL;
	if (s->group.on) {
		if (!s->group.lookups)
			s->group.lookups = xcalloc(1, sizeof own);
		shared = s->group.lookups;
	}
	struct lookups *lk = shared ? shared : &own;
	struct obs_rec *o = xcalloc(n ? n : 1, sizeof *o);
	struct error err = {0};
	size_t before = ps->n, same = 0;
	st_written_clear(s);
	for (size_t i = 0; i < n; i++)
		build(s, lk, &in[i], &o[i], ps);
	duplicates(o, in, n, ps);
	if (ps->n == before && store_begin(s, &err) == 0) {
		int *lines = xcalloc(n ? n : 1, sizeof *lines);
		for (size_t i = 0; i < n; i++)
			lines[i] = in[i].line;
		if (store_obs_put_many_sum(s, o, lines, n, by, reason, ps, &same, &err) < 0)
			problems_add(ps, err_name(err.code), 0, "%s", err.msg);
		free(lines);
		if (ps->n != before)
			store_rollback(s);
		else if (store_commit(s, &err))
			problems_add(ps, err_name(err.code), 0, "%s", err.msg);
		if (ps->n != before)
			st_written_clear(s);
	} else if (err_is(&err)) {
		problems_add(ps, err_name(err.code), 0, "%s", err.msg);
	}
	for (size_t i = 0; i < n; i++)
		obs_rec_free(&o[i]);
	free(o);
	err_clear(&err);
	if (!shared)
		lookups_free(&own);
	if (sum && ps->n == before)
		*sum = (struct record_summary){n, n - same, same};
	return ps->n == before ? 0 : -1;
}

/* ---- A file of any size ---------------------------------------------------- */

/* Past this many problems the rest of the file is only read, not checked:
 * the list would tell no more. */
#define STREAM_MAX_PROBLEMS 1000
/* Lookups kept between chunks up to this many units and indicators (a
 * hash slot is some 140 bytes, half of them empty, and each indicator's
 * code and name beside it: at 65,536 a national file held ~60 MB of
 * them; a file in unit order looks a unit up again only past this). */
#define STREAM_MAX_LOOKUPS 8192

struct record_stream {
	struct store *s;
	char *by, *reason;
	struct problems *ps;
	size_t before, rows;
	struct lookups lk;
	bool sqlite, failed;
};

struct record_stream *store_record_stream(struct store *s, const char *by, const char *reason,
                                          struct problems *ps)
{
	struct error err = {0};
	bool sqlite = s->d == &sqlite_driver;
	/* SQLite keeps temporary tables in memory here (sqlite.c); a batch
	 * of any size goes to a temporary file instead (its pages cached up
	 * to the cache size). Set before the transaction: the setting drops
	 * the temporary tables. */
	if ((sqlite && D->exec(s->db, "PRAGMA temp_store = FILE", &err)) || store_begin(s, &err) ||
	    st_incoming_reset(s, &err)) {
		problems_add(ps, err_name(err.code), 0, "%s",
		             err.msg ? err.msg : "lỗi cơ sở dữ liệu");
		store_rollback(s);
		err_clear(&err);
		if (sqlite)
			D->exec(s->db, "PRAGMA temp_store = MEMORY", NULL);
		return NULL;
	}
	struct record_stream *rs = xcalloc(1, sizeof *rs);
	*rs = (struct record_stream){s, xstrdup(by), st_dup(reason), ps,   ps->n,
	                             0, {0},         sqlite,         false};
	return rs;
}

void store_record_stream_add(struct record_stream *rs, const struct obs_input *in, size_t n)
{
	struct store *s = rs->s;
	struct problems *ps = rs->ps;
	if (ps->n - rs->before >= STREAM_MAX_PROBLEMS) {
		rs->rows += n;
		return;
	}
	struct obs_rec *o = xcalloc(n ? n : 1, sizeof *o);
	int *lines = xcalloc(n ? n : 1, sizeof *lines);
	for (size_t i = 0; i < n; i++) {
		build(s, &rs->lk, &in[i], &o[i], ps);
		lines[i] = in[i].line;
	}
	/* Every row found in the plan is loaded, a problem or not, so that
	 * duplicates are found over the whole file; the batch is written only
	 * if the file has no problem. */
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (o[i].series_id) {
			struct obs_rec t = o[k];
			o[k] = o[i];
			o[i] = t;
			lines[k++] = lines[i];
		}
	struct error err = {0};
	if (!rs->failed && k && st_incoming_add(s, o, lines, k, &err)) {
		problems_add(ps, err_name(err.code), 0, "%s", err.msg);
		rs->failed = true;
	}
	err_clear(&err);
	rs->rows += n;
	for (size_t i = 0; i < n; i++)
		obs_rec_free(&o[i]);
	free(o);
	free(lines);
	if (rs->lk.n > STREAM_MAX_LOOKUPS) {
		lookups_free(&rs->lk);
		rs->lk = (struct lookups){0};
	}
}

/* The same unit, indicator and period on two lines of the file. */
static int stream_duplicates(struct store *s, struct problems *ps, struct error *err)
{
	struct stmt *st =
	        st_prep(s,
	                "SELECT b.line, max(a.line) FROM incoming a JOIN incoming b"
	                " ON a.series_id = b.series_id AND a.period = b.period AND a.line < b.line"
	                " GROUP BY b.line ORDER BY b.line",
	                err);
	if (!st)
		return -1;
	int rc;
	while ((rc = D->step(st, err)) == 1)
		problems_add(ps, "E_DUPLICATE", (int)D->col_int(st, 0),
		             "Trùng với dòng %d (cùng đơn vị, chỉ tiêu, kỳ)",
		             (int)D->col_int(st, 1));
	st_done(s, st);
	return rc < 0 ? -1 : 0;
}

int store_record_stream_end(struct record_stream *rs, struct record_summary *sum)
{
	struct store *s = rs->s;
	struct problems *ps = rs->ps;
	struct error err = {0};
	size_t same = 0;
	if (!rs->failed && stream_duplicates(s, ps, &err))
		problems_add(ps, err_name(err.code), 0, "%s", err.msg);
	if (ps->n == rs->before &&
	    st_incoming_apply(s, rs->rows, rs->by, rs->reason, ps, &same, &err) < 0)
		problems_add(ps, err_name(err.code), 0, "%s", err.msg);
	if (ps->n != rs->before)
		store_rollback(s);
	else if (store_commit(s, &err))
		problems_add(ps, err_name(err.code), 0, "%s", err.msg);
	/* The batch is not kept: its rows in the temporary file go now. */
	D->exec(s->db, "DELETE FROM incoming", NULL);
	if (rs->sqlite)
		D->exec(s->db, "PRAGMA temp_store = MEMORY", NULL);
	int rc = ps->n == rs->before ? 0 : -1;
	if (sum && !rc)
		*sum = (struct record_summary){rs->rows, rs->rows - same, same};
	err_clear(&err);
	lookups_free(&rs->lk);
	free(rs->by);
	free(rs->reason);
	free(rs);
	return rc;
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
