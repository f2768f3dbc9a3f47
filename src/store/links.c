/* links.c: which indicator of the parent unit's plan each indicator of a
 * child unit's plan is (schema version 5, the links table). Links join
 * series, so they survive a re-import; the matcher (align.h) proposes them,
 * a person confirms, rejects or points elsewhere, and every change goes to
 * the audit log. */
#include "store.h"

#include "align.h"
#include "internal.h"
#include "text.h"
#include "util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void link_rec_free(struct link_rec *r)
{
	if (!r)
		return;
	free(r->child_unit);
	free(r->child_code);
	free(r->child_name);
	free(r->parent_unit);
	free(r->parent_code);
	free(r->parent_name);
	free(r->state);
	free(r->why);
	free(r->by);
	free(r->at);
}

/* The series id of a unit's current indicator code: 0 when none. */
static int64_t series_of(struct store *s, int64_t unit, const char *code, struct error *err)
{
	struct stmt *st = st_prep(s, "SELECT id FROM series WHERE unit_id = ? AND code = ?", err);
	if (!st)
		return -1;
	D->bind_int(st, 1, unit);
	D->bind_text(st, 2, code);
	int64_t id = D->step(st, err) == 1 ? D->col_int(st, 0) : 0;
	st_done(s, st);
	return id;
}

static int64_t parent_of(struct store *s, int64_t unit, struct error *err)
{
	struct stmt *st = st_prep(s, "SELECT parent_id FROM units WHERE id = ?", err);
	if (!st)
		return -1;
	D->bind_int(st, 1, unit);
	int64_t id = D->step(st, err) == 1 && !D->col_null(st, 0) ? D->col_int(st, 0) : 0;
	st_done(s, st);
	return id;
}

/* Two indicators written alike: the same folded name, unit and targets. */
static bool same_wording(const struct indicator *a, const struct indicator *b)
{
	char *fa = text_fold(a->name), *fb = text_fold(b->name);
	bool same = !strcmp(fa, fb) && !strcmp(a->unit ? a->unit : "", b->unit ? b->unit : "") &&
	            a->ntargets == b->ntargets;
	free(fa);
	free(fb);
	for (int k = 0; same && k < a->ntargets; k++)
		same = a->targets[k].year == b->targets[k].year &&
		       !strcmp(a->targets[k].t.text ? a->targets[k].t.text : "",
		               b->targets[k].t.text ? b->targets[k].t.text : "");
	return same;
}

static char *why_text(const struct align_score *w)
{
	struct buf b = BUF_INIT;
	for (int k = 0; k < w->nwhy; k++) {
		if (k)
			buf_puts(&b, "; ");
		buf_puts(&b, w->why[k]);
	}
	return buf_detach(&b);
}

/* The state of the link of child series cs to parent series ps: its id
 * and whether the child has another confirmed link. */
static int link_state(struct store *s, int64_t cs, int64_t ps, int64_t *id, char state[16],
                      struct error *err)
{
	struct stmt *st = st_prep(s,
	                          "SELECT id, " LINK_STATE_TEXT(
	                                  "state") " FROM link_rows WHERE child_series_id = ? AND"
	                                           " parent_series_id = ?",
	                          err);
	if (!st)
		return -1;
	D->bind_int(st, 1, cs);
	D->bind_int(st, 2, ps);
	*id = 0;
	state[0] = 0;
	int rc = D->step(st, err);
	if (rc == 1) {
		*id = D->col_int(st, 0);
		snprintf(state, 16, "%s", D->col_text(st, 1));
	}
	st_done(s, st);
	return rc < 0 ? -1 : 0;
}

static int link_write(struct store *s, int64_t id, int64_t cs, int64_t ps, const char *state,
                      double score, const char *why, const char *by, struct error *err)
{
	char at[32];
	st_now(at);
	int64_t why_id, decision;
	if (st_link_why(s, why, &why_id, err) || st_link_decision(s, by, at, &decision, err))
		return -1;
	struct stmt *st;
	if (id) {
		st = st_prep(s,
		             "UPDATE link_rows SET state = " LINK_STATE_CODE
		             ", score = ?, why_id = ?,"
		             " decision_id = ?"
		             " WHERE id = ?",
		             err);
		if (!st)
			return -1;
		D->bind_text(st, 1, state);
		D->bind_double(st, 2, score);
		D->bind_int(st, 5, id);
	} else {
		st = st_prep(
		        s,
		        "INSERT INTO link_rows (state, score, why_id, decision_id, child_series_id,"
		        " parent_series_id) VALUES (" LINK_STATE_CODE ",?,?,?,?,?)",
		        err);
		if (!st)
			return -1;
		D->bind_text(st, 1, state);
		D->bind_double(st, 2, score);
		D->bind_int(st, 5, cs);
		D->bind_int(st, 6, ps);
	}
	if (why_id)
		D->bind_int(st, 3, why_id);
	else
		D->bind_null(st, 3);
	D->bind_int(st, 4, decision);
	int rc = D->step(st, err) < 0 ? -1 : 0;
	st_done(s, st);
	return rc;
}

/* A link (id; or every other confirmed link of child series cs than
 * keep) rejected by whom, now. */
static int link_reject(struct store *s, int64_t id, int64_t cs, int64_t keep, const char *by,
                       struct error *err)
{
	char at[32];
	st_now(at);
	int64_t decision;
	if (st_link_decision(s, by, at, &decision, err))
		return -1;
	struct stmt *st = st_prep(
	        s,
	        id ? "UPDATE link_rows SET state = " LINK_REJECTED ", decision_id = ? WHERE id = ?"
	           : "UPDATE link_rows SET state = " LINK_REJECTED ", decision_id = ?"
	             " WHERE child_series_id = ? AND state = " LINK_CONFIRMED " AND id <> ?",
	        err);
	if (!st)
		return -1;
	D->bind_int(st, 1, decision);
	D->bind_int(st, 2, id ? id : cs);
	if (!id)
		D->bind_int(st, 3, keep);
	int rc = D->step(st, err) < 0 ? -1 : 0;
	st_done(s, st);
	return rc;
}

/* A child unit's series and the links they have, read in two queries
 * instead of three a pair. */
struct child_links {
	char **code;
	int64_t *series, *cs, *ps;
	bool *confirmed;
	size_t n, ncap, capc, caps, nl, lcap, lcap2, lcap3;
};

static void child_links_free(struct child_links *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->code[i]);
	free(c->code);
	free(c->series);
	free(c->cs);
	free(c->ps);
	free(c->confirmed);
}

static void child_link_add(struct child_links *c, int64_t cs, int64_t ps, bool confirmed)
{
	c->cs = xgrow(c->cs, &c->lcap, c->nl + 1, sizeof *c->cs);
	c->ps = xgrow(c->ps, &c->lcap2, c->nl + 1, sizeof *c->ps);
	c->confirmed = xgrow(c->confirmed, &c->lcap3, c->nl + 1, sizeof *c->confirmed);
	c->cs[c->nl] = cs;
	c->ps[c->nl] = ps;
	c->confirmed[c->nl++] = confirmed;
}

static int child_series_load(struct store *s, int64_t child, struct child_links *c,
                             struct error *err)
{
	struct stmt *st = st_prep(s, "SELECT code, id FROM series WHERE unit_id = ?", err);
	if (!st)
		return -1;
	D->bind_int(st, 1, child);
	int rc;
	while ((rc = D->step(st, err)) == 1) {
		c->code = xgrow(c->code, &c->capc, c->n + 1, sizeof *c->code);
		c->series = xgrow(c->series, &c->caps, c->n + 1, sizeof *c->series);
		c->code[c->n] = xstrdup(D->col_text(st, 0));
		c->series[c->n++] = D->col_int(st, 1);
	}
	st_done(s, st);
	return rc < 0 ? -1 : 0;
}

static int child_links_load(struct store *s, int64_t child, struct child_links *c,
                            struct error *err)
{
	if (child_series_load(s, child, c, err))
		return -1;
	struct stmt *st =
	        st_prep(s,
	                "SELECT l.child_series_id, l.parent_series_id, l.state = " LINK_CONFIRMED
	                " FROM link_rows"
	                " l JOIN series c ON c.id = l.child_series_id WHERE c.unit_id = ?",
	                err);
	if (!st)
		return -1;
	D->bind_int(st, 1, child);
	int rc;
	while ((rc = D->step(st, err)) == 1)
		child_link_add(c, D->col_int(st, 0), D->col_int(st, 1), D->col_int(st, 2) != 0);
	st_done(s, st);
	return rc < 0 ? -1 : 0;
}

static int64_t child_series(const struct child_links *c, const char *code)
{
	for (size_t i = 0; i < c->n; i++)
		if (!strcmp(c->code[i], code))
			return c->series[i];
	return 0;
}

/* The ids of the why texts, read once in a run of store_link_propose (a
 * country's links have some hundred texts) and added when new; and the
 * run's decision (who proposed, when the run wrote its first links). */
struct why_ids {
	struct why_id {
		char *text;
		int64_t id;
	} * v;
	size_t n, cap;
	bool read;
	char *by;
	int64_t decision;
};

static int why_cached(struct store *s, struct why_ids *c, const char *why, int64_t *id,
                      struct error *err)
{
	if (!c->read) {
		struct stmt *st = st_prep(s, "SELECT id, why FROM link_whys", err);
		if (!st)
			return -1;
		int rc;
		while ((rc = D->step(st, err)) == 1) {
			if (!D->col_text(st, 1))
				continue;
			c->v = xgrow(c->v, &c->cap, c->n + 1, sizeof *c->v);
			c->v[c->n++] =
			        (struct why_id){xstrdup(D->col_text(st, 1)), D->col_int(st, 0)};
		}
		st_done(s, st);
		if (rc < 0)
			return -1;
		c->read = true;
	}
	for (size_t k = 0; k < c->n; k++)
		if (!strcmp(c->v[k].text, why)) {
			*id = c->v[k].id;
			return 0;
		}
	if (st_link_why_add(s, why, id, err))
		return -1;
	c->v = xgrow(c->v, &c->cap, c->n + 1, sizeof *c->v);
	c->v[c->n++] = (struct why_id){xstrdup(why), *id};
	return 0;
}

static void why_ids_free(struct why_ids *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n; i++)
		free(c->v[i].text);
	free(c->v);
	free(c->by);
	free(c);
}

void link_parent_free(struct link_parent *c)
{
	if (!c)
		return;
	why_ids_free(c->whys);
	c->whys = NULL;
	if (!c->loaded)
		return;
	for (size_t i = 0; i < c->p.nind; i++)
		align_item_free(c->items[i]);
	free(c->items);
	free(c->series);
	plan_free(&c->p);
	memset(c, 0, sizeof *c);
}

/* The parent's plan, its matcher items and series, loaded once for all
 * its children. 0, 1 when it has no plan, -1. */
static int parent_load(struct store *s, int64_t parent, struct link_parent *c, struct error *err)
{
	if (c->loaded && c->unit == parent)
		return 0;
	link_parent_free(c);
	int got = store_plan_load(s, parent, &c->p, err);
	if (got)
		return got;
	c->loaded = true;
	c->unit = parent;
	c->items = xcalloc(c->p.nind + 1, sizeof *c->items);
	c->series = xcalloc(c->p.nind + 1, sizeof *c->series);
	struct child_links own = {0}; /* the parent's series, in one query */
	int rc = child_series_load(s, parent, &own, err);
	for (size_t i = 0; i < c->p.nind; i++) {
		c->items[i] = align_item_new(&c->p.ind[i]);
		c->series[i] = rc ? -1 : child_series(&own, c->p.ind[i].code);
	}
	child_links_free(&own);
	return rc;
}

/* Whether the pair has a link (any state), and whether cs is confirmed. */
static bool child_linked(const struct child_links *c, int64_t cs, int64_t ps, bool *confirmed)
{
	bool linked = false;
	*confirmed = false;
	for (size_t i = 0; i < c->nl; i++)
		if (c->cs[i] == cs) {
			linked |= c->ps[i] == ps;
			*confirmed |= c->confirmed[i];
		}
	return linked;
}

#define LINK_COLS 6 /* the columns store_link_propose copies into links */

int store_link_propose(struct store *s, int64_t child, struct link_parent *cache, const char *by,
                       size_t *proposed, size_t *confirmed, struct error *err)
{
	*proposed = *confirmed = 0;
	int64_t parent = parent_of(s, child, err);
	if (parent < 0)
		return -1;
	if (!parent) {
		err_set(err, ERR_NO_PARENT, "đơn vị không có đơn vị cấp trên");
		return -1;
	}
	struct link_parent own = {0}, *pc = cache ? cache : &own;
	struct plan cp;
	int got = store_plan_load(s, child, &cp, err);
	if (got)
		return got < 0 ? -1 : 1;
	got = parent_load(s, parent, pc, err);
	if (got) {
		plan_free(&cp);
		link_parent_free(&own);
		if (got > 0)
			err_set(err, ERR_NO_PLAN,
			        "đơn vị cấp trên chưa có kế hoạch (nhập kế hoạch "
			        "hoặc tạo danh mục: chitieu plan catalogue --unit ...)");
		return -1;
	}
	const struct plan *pp = &pc->p;
	struct align_item **a = xcalloc(cp.nind + 1, sizeof *a), **b = pc->items;
	for (size_t i = 0; i < cp.nind; i++)
		a[i] = align_item_new(&cp.ind[i]);
	struct align_pair *pr = NULL;
	struct buf auto_codes = BUF_INIT, prop_codes = BUF_INIT;
	size_t np = align_match(a, cp.nind, b, pp->nind, ALIGN_THRESHOLD, &pr);
	struct child_links cl = {0};
	int rc = np ? child_links_load(s, child, &cl, err) : 0;
	/* The new links of the child, written at the end in one copy (a
	 * country's 3,321 communes have some 145,000: not a statement each). */
	char at[32];
	st_now(at);
	char **cells = NULL;
	if (!pc->whys)
		pc->whys = xcalloc(1, sizeof *pc->whys);
	int64_t why_id = 0;
	if (pc->whys->by && strcmp(pc->whys->by, by)) {
		free(pc->whys->by);
		pc->whys->by = NULL;
		pc->whys->decision = 0;
	}
	size_t ncells = 0, capcells = 0;
	for (size_t k = 0; k < np && !rc; k++) {
		const struct indicator *x = &cp.ind[pr[k].ia], *y = &pp->ind[pr[k].ib];
		int64_t cs = child_series(&cl, x->code), ps = pc->series[pr[k].ib];
		if (ps < 0) {
			rc = -1;
			break;
		}
		if (!cs || !ps)
			continue;
		bool has_confirmed;
		if (child_linked(&cl, cs, ps, &has_confirmed))
			continue; /* already proposed, or decided by a person */
		struct align_score w = {0};
		double score = align_score(a[pr[k].ia], b[pr[k].ib], &w);
		char *why = why_text(&w);
		align_score_free(&w);
		rc = why_cached(s, pc->whys, why, &why_id, err);
		free(why);
		if (!rc && !pc->whys->decision) {
			rc = st_link_decision(s, by, at, &pc->whys->decision, err);
			pc->whys->by = xstrdup(by);
		}
		if (rc)
			break;
		/* Written alike (two plans of the same text): the same indicator,
		 * confirmed without a person, and the audit says so. */
		bool sure = same_wording(x, y) && !has_confirmed;
		cells = xgrow(cells, &capcells, ncells + LINK_COLS, sizeof *cells);
		cells[ncells++] = xasprintf("%lld", (long long)cs);
		cells[ncells++] = xasprintf("%lld", (long long)ps);
		cells[ncells++] = xstrdup(sure ? LINK_CONFIRMED : LINK_PROPOSED);
		cells[ncells++] = xasprintf("%.17g", score);
		cells[ncells++] = xasprintf("%lld", (long long)why_id);
		cells[ncells++] = xasprintf("%lld", (long long)pc->whys->decision);
		child_link_add(&cl, cs, ps, sure);
		struct buf *into = sure ? &auto_codes : &prop_codes;
		buf_printf(into, "%s%s -> %s", into->len ? ", " : "", x->code, y->code);
		if (sure)
			(*confirmed)++;
		else
			(*proposed)++;
	}
	if (!rc && ncells)
		rc = D->copy(s->db,
		             "link_rows (child_series_id, parent_series_id, state, score, why_id,"
		             " decision_id)",
		             LINK_COLS, "iiirii", cells, ncells / LINK_COLS, err);
	for (size_t i = 0; i < ncells; i++)
		free(cells[i]);
	free(cells);
	if (rc) { /* texts added in a transaction that may be undone */
		why_ids_free(pc->whys);
		pc->whys = NULL;
	}
	/* One entry per unit and kind in the audit log, not one per link. */
	if (!rc && *confirmed) {
		char *detail = xasprintf("tự động xác nhận %zu liên kết vì giống hệt (tên, đơn vị "
		                         "tính, mục tiêu): %s",
		                         *confirmed, buf_str(&auto_codes));
		st_audit(s, by, "link.confirm", "unit", child, detail);
		free(detail);
	}
	if (!rc && *proposed) {
		char *detail =
		        xasprintf("%zu đề xuất liên kết: %s", *proposed, buf_str(&prop_codes));
		st_audit(s, by, "link.propose", "unit", child, detail);
		free(detail);
	}
	buf_free(&auto_codes);
	buf_free(&prop_codes);
	child_links_free(&cl);
	free(pr);
	for (size_t i = 0; i < cp.nind; i++)
		align_item_free(a[i]);
	free(a);
	plan_free(&cp);
	link_parent_free(&own);
	return rc;
}

/* The columns of a link row (see read_link). */
/* (The newest indicator of a series: ordered by -id, which no index
 * gives, so that PostgreSQL without statistics yet, right after a bulk
 * import, does not walk indicators' primary key backwards for each link
 * looking for the series: 41 s for the country's 2,550 links of 300
 * communes, 75 ms once analysed; by -id it reads the series' few.) */
#define LINK_SELECT                                                                                \
	"SELECT l.id, cu.code, cs.code, (SELECT i.name FROM indicators i WHERE i.series_id = "     \
	"cs.id ORDER BY -i.id LIMIT 1), pu.code, ps.code, (SELECT i.name FROM indicators i"        \
	" WHERE i.series_id = ps.id ORDER BY -i.id LIMIT 1), " LINK_STATE_TEXT(                    \
	        "l.state") ","                                                                     \
	                   " l.score,"                                                             \
	                   " (SELECT w.why FROM link_whys w WHERE w.id = l.why_id),"               \
	                   " (SELECT d.decided_by FROM link_decisions d WHERE d.id = "             \
	                   "l.decision_id),"                                                       \
	                   " (SELECT d.decided_at FROM link_decisions d WHERE d.id = "             \
	                   "l.decision_id)"                                                        \
	                   " FROM link_rows l JOIN series cs ON cs.id = l.child_series_id"         \
	                   " JOIN units cu ON cu.id = cs.unit_id JOIN series ps ON ps.id = "       \
	                   "l.parent_series_id"                                                    \
	                   " JOIN units pu ON pu.id = ps.unit_id"

static void read_link(struct store *s, struct stmt *st, void *out)
{
	struct link_rec *r = out;
	r->id = D->col_int(st, 0);
	r->child_unit = st_dup(D->col_text(st, 1));
	r->child_code = st_dup(D->col_text(st, 2));
	r->child_name = st_dup(D->col_text(st, 3));
	r->parent_unit = st_dup(D->col_text(st, 4));
	r->parent_code = st_dup(D->col_text(st, 5));
	r->parent_name = st_dup(D->col_text(st, 6));
	r->state = st_dup(D->col_text(st, 7));
	r->score = D->col_double(st, 8);
	r->why = st_dup(D->col_text(st, 9));
	r->by = st_dup(D->col_text(st, 10));
	r->at = st_dup(D->col_text(st, 11));
	/* A series no longer in its unit's plan carries "CODE~vN". */
	r->gone = strchr(r->child_code, '~') || strchr(r->parent_code, '~');
}

int store_link_list(struct store *s, int64_t parent, const char *state, struct link_rec **out,
                    size_t *n, struct error *err)
{
	*out = NULL;
	*n = 0;
	struct stmt *st =
	        st_prep(s,
	                LINK_SELECT " WHERE pu.id = ? AND (CAST(? AS TEXT) IS NULL OR"
	                            " l.state = " LINK_STATE_CODE ") ORDER BY cu.code, l.id",
	                err);
	if (!st)
		return -1;
	D->bind_int(st, 1, parent);
	D->bind_text(st, 2, state);
	D->bind_text(st, 3, state);
	return st_collect(s, st, (void **)out, n, sizeof **out, read_link, err);
}

int store_link_map(struct store *s, int64_t child, struct link_pair **out, size_t *n,
                   struct error *err)
{
	*out = NULL;
	*n = 0;
	struct stmt *st =
	        st_prep(s,
	                "SELECT cs.code, ps.code FROM link_rows l JOIN series cs ON cs.id = "
	                "l.child_series_id"
	                " JOIN series ps ON ps.id = l.parent_series_id WHERE cs.unit_id = ?"
	                " AND l.state = " LINK_CONFIRMED " ORDER BY cs.code",
	                err);
	if (!st)
		return -1;
	D->bind_int(st, 1, child);
	size_t cap = 0;
	int rc;
	while ((rc = D->step(st, err)) == 1) {
		const char *c = D->col_text(st, 0), *p = D->col_text(st, 1);
		if (strchr(c, '~') || strchr(p, '~'))
			continue; /* gone: listed, not used */
		*out = xgrow(*out, &cap, *n + 1, sizeof **out);
		(*out)[(*n)++] = (struct link_pair){xstrdup(c), xstrdup(p)};
	}
	st_done(s, st);
	if (rc < 0) {
		link_pairs_free(*out, *n);
		*out = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}

void link_pairs_free(struct link_pair *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(p[i].child_code);
		free(p[i].parent_code);
	}
	free(p);
}

static const struct indicator *find_ind(const struct plan *p, const char *code)
{
	for (size_t i = 0; i < p->nind; i++)
		if (!strcmp(p->ind[i].code, code))
			return &p->ind[i];
	return NULL;
}

/* The link of a child series the person means: to parent (when given),
 * else its confirmed link, else its best proposal. */
static int64_t link_meant(struct store *s, int64_t cs, int64_t ps, struct error *err)
{
	struct stmt *st = st_prep(s,
	                          "SELECT id FROM link_rows WHERE child_series_id = ? AND (? = 0 "
	                          "OR parent_series_id = ?)"
	                          " AND (? <> 0 OR state <> " LINK_REJECTED
	                          ") ORDER BY state = " LINK_CONFIRMED " DESC, score "
	                          "DESC,"
	                          " id LIMIT 1",
	                          err);
	if (!st)
		return -1;
	D->bind_int(st, 1, cs);
	D->bind_int(st, 2, ps);
	D->bind_int(st, 3, ps);
	D->bind_int(st, 4, ps);
	int64_t id = D->step(st, err) == 1 ? D->col_int(st, 0) : 0;
	st_done(s, st);
	return id;
}

/* The decision on the child's plan cp and its parent's pp (loaded). */
static int decide(struct store *s, int64_t child, int64_t parent, const struct plan *cp,
                  const struct plan *pp, const char *code, const char *parent_code,
                  const char *action, const char *by, struct problems *ps);

int store_link_decide(struct store *s, int64_t child, const char *code, const char *parent_code,
                      const char *action, const char *by, struct problems *ps)
{
	struct error err = {0};
	int64_t parent = parent_of(s, child, &err);
	struct plan cp, pp;
	plan_init(&cp);
	plan_init(&pp);
	int rc = -1;
	if (parent <= 0)
		problems_add(ps, parent < 0 ? "E_DB" : "E_NO_PARENT", 0, "%s",
		             err.msg ? err.msg : "đơn vị không có đơn vị cấp trên");
	else if (store_plan_load(s, child, &cp, &err) || store_plan_load(s, parent, &pp, &err))
		problems_add(ps, err_is(&err) ? "E_DB" : "E_NO_PLAN", 0, "%s",
		             err.msg ? err.msg : "đơn vị hoặc đơn vị cấp trên chưa có kế hoạch");
	else
		rc = decide(s, child, parent, &cp, &pp, code, parent_code, action, by, ps);
	err_clear(&err);
	plan_free(&cp);
	plan_free(&pp);
	return rc;
}

static int decide(struct store *s, int64_t child, int64_t parent, const struct plan *cp,
                  const struct plan *pp, const char *code, const char *parent_code,
                  const char *action, const char *by, struct problems *ps)
{
	struct error err = {0};
	int rc = -1;
	const struct indicator *x = find_ind(cp, code);
	const struct indicator *y = parent_code ? find_ind(pp, parent_code) : NULL;
	if (!x) {
		problems_add(ps, "E_UNKNOWN_INDICATOR", 0,
		             "Kế hoạch hiện hành của đơn vị không có chỉ tiêu \"%s\"", code);
		goto out;
	}
	if (parent_code && !y) {
		problems_add(ps, "E_UNKNOWN_INDICATOR", 0,
		             "Kế hoạch hiện hành của đơn vị cấp trên không có chỉ tiêu \"%s\"",
		             parent_code);
		goto out;
	}
	if (!strcmp(action, "set") && !y) {
		problems_add(ps, "E_USAGE", 0,
		             "Cần chỉ tiêu của đơn vị cấp trên (--parent-indicator)");
		goto out;
	}
	int64_t cs = series_of(s, child, x->code, &err);
	int64_t pser = y ? series_of(s, parent, y->code, &err) : 0;
	int64_t id = cs > 0 ? link_meant(s, cs, pser, &err) : -1;
	if (cs <= 0 || pser < 0 || id < 0) {
		problems_add(ps, err_name(err.code), 0, "%s",
		             err.msg ? err.msg : "không đọc được chuỗi số liệu");
		goto out;
	}
	if (!id && strcmp(action, "set") && !(y && !strcmp(action, "confirm"))) {
		problems_add(ps, "E_NOT_FOUND", 0, "Chỉ tiêu \"%s\" chưa có đề xuất liên kết%s%s",
		             code, y ? " tới " : "", y ? y->code : "");
		goto out;
	}
	bool to_confirm = strcmp(action, "reject") != 0;
	double score = 0;
	char *why = NULL;
	if (to_confirm) {
		/* The parent indicator meant: given, or the link's own. */
		if (!y) {
			struct stmt *st =
			        st_prep(s,
			                "SELECT ps.code FROM link_rows l JOIN series ps ON ps.id ="
			                " l.parent_series_id WHERE l.id = ?",
			                &err);
			if (st) {
				D->bind_int(st, 1, id);
				if (D->step(st, &err) == 1)
					y = find_ind(pp, D->col_text(st, 0));
				st_done(s, st);
			}
			if (!y) {
				problems_add(ps, "E_GONE", 0,
				             "Chỉ tiêu được liên kết không còn trong kế hoạch của "
				             "đơn vị "
				             "cấp trên");
				goto out;
			}
			pser = series_of(s, parent, y->code, &err);
		}
		struct align_item *a = align_item_new(x), *b = align_item_new(y);
		struct align_score w = {0};
		score = align_score(a, b, &w);
		why = why_text(&w);
		bool refused = w.refused;
		align_score_free(&w);
		align_item_free(a);
		align_item_free(b);
		if (refused) {
			problems_add(
			        ps, "E_INCOMPATIBLE", 0,
			        "Không liên kết %s với %s: hai chỉ tiêu không cộng được với nhau "
			        "(%s)",
			        x->code, y->code, why);
			free(why);
			goto out;
		}
	}
	char state[16];
	if (!id && link_state(s, cs, pser, &id, state, &err)) {
		free(why);
		problems_add(ps, err_name(err.code), 0, "%s", err.msg);
		goto out;
	}
	if (to_confirm) {
		/* The child's other confirmed link steps down first: one confirmed
		 * link per child series (a unique index). */
		rc = link_reject(s, 0, cs, id, by, &err);
		if (!rc)
			rc = link_write(s, id, cs, pser, "confirmed", score, why, by, &err);
	} else {
		rc = link_reject(s, id, 0, 0, by, &err);
	}
	free(why);
	if (rc) {
		problems_add(ps, err_name(err.code), 0, "%s",
		             err.msg ? err.msg : "không ghi được liên kết");
		goto out;
	}
	char *detail = xasprintf("%s -> %s", x->code, y ? y->code : "?");
	char *what = xasprintf("link.%s", action);
	st_audit(s, by, what, "series", cs, detail);
	free(what);
	free(detail);
	rc = 0;
out:
	err_clear(&err);
	return rc;
}

int store_link_confirm_sure(struct store *s, int64_t parent, double threshold, const char *by,
                            size_t *n, struct error *err)
{
	*n = 0;
	struct link_rec *r;
	size_t nr;
	if (store_link_list(s, parent, NULL, &r, &nr, err))
		return -1;
	/* The links come by child unit (store_link_list): the parent's plan
	 * is read once, each child's once, not both for every link. */
	struct plan pp, cp;
	plan_init(&pp);
	plan_init(&cp);
	int got = nr ? store_plan_load(s, parent, &pp, err) : 1;
	int rc = got < 0 ? -1 : 0;
	struct unit_rec u = {0};
	bool child_plan = false, moved = false;
	for (size_t i = 0; i < nr && !rc && !got; i++) {
		if (strcmp(r[i].state, "proposed") || r[i].gone || r[i].score < threshold)
			continue;
		/* a child indicator already confirmed keeps its link: those of
		 * one child unit are next to each other */
		bool taken = false;
		for (size_t k = i; k-- > 0 && !strcmp(r[k].child_unit, r[i].child_unit) && !taken;)
			taken = !strcmp(r[k].state, "confirmed") &&
			        !strcmp(r[k].child_code, r[i].child_code);
		for (size_t k = i + 1;
		     k < nr && !strcmp(r[k].child_unit, r[i].child_unit) && !taken; k++)
			taken = !strcmp(r[k].state, "confirmed") &&
			        !strcmp(r[k].child_code, r[i].child_code);
		if (taken)
			continue;
		if (!u.code || strcmp(u.code, r[i].child_unit)) {
			unit_rec_free(&u);
			if (child_plan)
				plan_free(&cp);
			child_plan = false;
			if (store_unit_get(s, r[i].child_unit, &u, err) != 0) {
				rc = -1;
				break;
			}
			int64_t up = parent_of(s, u.id, err);
			int cg = up < 0 ? -1 : store_plan_load(s, u.id, &cp, err);
			if (cg < 0) {
				rc = -1;
				break;
			}
			child_plan = cg == 0;
			moved = up != parent;
		}
		if (!child_plan && !moved)
			continue;
		struct problems ps = {0};
		/* (a unit moved under another parent since: decided there) */
		if ((moved ? store_link_decide(s, u.id, r[i].child_code, r[i].parent_code,
		                               "confirm", by, &ps)
		           : decide(s, u.id, parent, &cp, &pp, r[i].child_code, r[i].parent_code,
		                    "confirm", by, &ps)) == 0)
			(*n)++;
		problems_free(&ps); /* a child with another confirmed link keeps it */
	}
	unit_rec_free(&u);
	if (child_plan)
		plan_free(&cp);
	if (!got)
		plan_free(&pp);
	for (size_t i = 0; i < nr; i++)
		link_rec_free(&r[i]);
	free(r);
	return rc;
}

/* The children of a unit that have a plan, by code, each plan text once. */
static int distinct_child_plans(struct store *s, int64_t unit, struct plan **out, size_t **uses,
                                size_t *n, size_t *children, struct error *err)
{
	*out = NULL;
	*uses = NULL;
	*n = *children = 0;
	struct stmt *st = st_prep(s, "SELECT id FROM units WHERE parent_id = ? ORDER BY code", err);
	if (!st)
		return -1;
	D->bind_int(st, 1, unit);
	int64_t *ids = NULL;
	size_t nids = 0, cap = 0;
	int rc;
	while ((rc = D->step(st, err)) == 1) {
		ids = xgrow(ids, &cap, nids + 1, sizeof *ids);
		ids[nids++] = D->col_int(st, 0);
	}
	st_done(s, st);
	char **texts = xcalloc(nids + 1, sizeof *texts);
	*out = xcalloc(nids + 1, sizeof **out);
	*uses = xcalloc(nids + 1, sizeof **uses);
	for (size_t i = 0; i < nids && rc == 0; i++) {
		struct plan *p = &(*out)[*n];
		int got = store_plan_load(s, ids[i], p, err);
		if (got < 0) {
			rc = -1;
			break;
		}
		if (got)
			continue;
		(*children)++;
		json_t *j = plan_to_json(p);
		json_t *body = json_object_get(j, "plan");
		json_object_del(body, "title"); /* the same indicators under another title */
		json_object_del(body, "number");
		json_object_del(body, "date");
		json_object_del(body, "issuer");
		char *text = json_dumps(j, JSON_SORT_KEYS | JSON_COMPACT);
		json_decref(j);
		size_t k = 0;
		while (k < *n && strcmp(texts[k], text))
			k++;
		(*uses)[k]++;
		if (k < *n) {
			free(text);
			plan_free(p);
			continue;
		}
		texts[(*n)++] = text;
	}
	for (size_t k = 0; k < *n; k++)
		free(texts[k]);
	free(texts);
	free(ids);
	return rc;
}

static int pick_cmp(const void *x, const void *y)
{
	const struct align_member *a = x, *b = y;
	if (a->plan != b->plan)
		return a->plan < b->plan ? -1 : 1;
	return a->ind < b->ind ? -1 : a->ind > b->ind;
}

int store_plan_catalogue(struct store *s, int64_t unit, const char *by, struct import_report *rep,
                         size_t *children, size_t *nind, struct error *err)
{
	*children = *nind = 0;
	/* A unit's own plan document is never replaced by a catalogue. */
	struct stmt *st = st_prep(s, "SELECT source FROM plans WHERE id = " CURRENT_PLAN, err);
	if (!st)
		return -1;
	D->bind_int(st, 1, unit);
	int rc = D->step(st, err);
	bool own = rc == 1 && (!D->col_text(st, 0) || strcmp(D->col_text(st, 0), PLAN_CATALOGUE));
	st_done(s, st);
	if (rc < 0)
		return -1;
	if (own) {
		err_set(err, ERR_HAS_PLAN,
		        "đơn vị đã có kế hoạch riêng (nhập từ văn bản): không "
		        "thay bằng danh mục");
		return -1;
	}
	struct plan *plans;
	size_t np, *uses;
	if (distinct_child_plans(s, unit, &plans, &uses, &np, children, err)) {
		for (size_t i = 0; i < np; i++)
			plan_free(&plans[i]);
		free(plans);
		free(uses);
		return -1;
	}
	if (!np) {
		free(uses);
		free(plans);
		err_set(err, ERR_NO_PLAN,
		        "không đơn vị trực thuộc nào có kế hoạch: chưa tạo được "
		        "danh mục chỉ tiêu chung");
		return -1;
	}
	/* The indicators two children or more have: those several plan texts
	 * share (align_group, named by the first member), and every indicator
	 * of a plan text two children or more use (one child: all of its). */
	struct align_groups gs = {0};
	const struct plan **pp = xcalloc(np + 1, sizeof *pp);
	for (size_t i = 0; i < np; i++)
		pp[i] = &plans[i];
	if (np > 1)
		align_group(pp, np, ALIGN_THRESHOLD, &gs);
	json_t **docs = xcalloc(np + 1, sizeof *docs);
	for (size_t i = 0; i < np; i++)
		docs[i] = plan_to_json(&plans[i]);
	json_t *cat = json_object(), *groups = json_array(), *inds = json_array();
	char *title = xasprintf("Danh mục chỉ tiêu chung (tạo từ kế hoạch của %zu đơn vị trực "
	                        "thuộc)",
	                        *children);
	json_object_set_new(cat, "title", json_string(title));
	free(title);
	struct align_member *pick = NULL;
	size_t ng = 0, cap = 0;
	bool **in = xcalloc(np + 1, sizeof *in);
	for (size_t p = 0; p < np; p++)
		in[p] = xcalloc(plans[p].nind + 1, 1);
	for (size_t k = 0; k < gs.n; k++) {
		for (size_t j = 0; j < gs.g[k].n; j++)
			in[gs.g[k].m[j].plan][gs.g[k].m[j].ind] = true;
		pick = xgrow(pick, &cap, ng + 1, sizeof *pick);
		pick[ng++] =
		        (struct align_member){.plan = gs.g[k].m[0].plan, .ind = gs.g[k].m[0].ind};
	}
	for (size_t p = 0; p < np; p++) {
		for (size_t i = 0; i < plans[p].nind; i++)
			if (!in[p][i] && (np == 1 || uses[p] > 1)) {
				pick = xgrow(pick, &cap, ng + 1, sizeof *pick);
				pick[ng++] = (struct align_member){.plan = p, .ind = i};
			}
		free(in[p]);
	}
	free(in);
	if (ng > 1)
		xqsort(pick, ng, sizeof *pick, pick_cmp);
	for (size_t k = 0; k < ng; k++) {
		size_t p = pick[k].plan, i = pick[k].ind;
		json_t *x = json_deep_copy(json_array_get(
		        json_object_get(json_object_get(docs[p], "plan"), "indicators"), i));
		/* The first member's code, unless another group has it already. */
		const char *code = plans[p].ind[i].code;
		char *mine = xstrdup(code);
		for (int round = 0;; round++) {
			bool taken = false;
			for (size_t j = 0; j < json_array_size(inds) && !taken; j++)
				taken = !strcmp(json_string_value(json_object_get(
				                        json_array_get(inds, j), "code")),
				                mine);
			if (!taken)
				break;
			free(mine);
			mine = xasprintf("%s%c", code, 'b' + round);
		}
		json_object_set_new(x, "code", json_string(mine));
		free(mine);
		const char *gcode = plans[p].ind[i].group ? plans[p].ind[i].group : "";
		bool have = false;
		for (size_t j = 0; j < json_array_size(groups) && !have; j++)
			have = !strcmp(json_string_value(
			                       json_object_get(json_array_get(groups, j), "code")),
			               gcode);
		if (!have)
			for (size_t j = 0; j < plans[p].ngroups; j++)
				if (!strcmp(plans[p].groups[j].code, gcode))
					json_array_append_new(
					        groups, json_pack("{ssss}", "code", gcode, "name",
					                          plans[p].groups[j].name
					                                  ? plans[p].groups[j].name
					                                  : ""));
		json_array_append_new(inds, x);
	}
	json_object_set_new(cat, "groups", groups);
	json_object_set_new(cat, "indicators", inds);
	json_t *wrapped = json_pack("{so}", "plan", cat);
	struct plan out;
	rc = plan_from_json(wrapped, &out);
	if (rc)
		err_set(err, ERR_CATALOGUE, "không tạo được danh mục chỉ tiêu chung");
	else
		rc = store_plan_save(s, unit, &out, PLAN_CATALOGUE, by, rep, err);
	*nind = out.nind;
	plan_free(&out);
	json_decref(wrapped);
	for (size_t i = 0; i < np; i++) {
		json_decref(docs[i]);
		plan_free(&plans[i]);
	}
	free(docs);
	free(plans);
	free(pp);
	free(pick);
	free(uses);
	align_groups_free(&gs);
	return rc;
}

int store_plan_generated(struct store *s, int64_t unit, struct error *err)
{
	struct stmt *st = st_prep(s, "SELECT source FROM plans WHERE id = " CURRENT_PLAN, err);
	if (!st)
		return -1;
	D->bind_int(st, 1, unit);
	int rc = D->step(st, err);
	int yes = rc == 1 && D->col_text(st, 0) && !strcmp(D->col_text(st, 0), PLAN_CATALOGUE);
	st_done(s, st);
	return rc < 0 ? -1 : yes;
}
