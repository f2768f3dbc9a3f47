/* group.c: group commit. The server's writer takes every write queued at
 * one moment and runs them in one transaction, each after a savepoint of
 * its own (the first of a transaction needs none), so that one commit (one
 * sync on SQLite, one round trip and one WAL flush on PostgreSQL) holds
 * them all while each is still checked, audited and answered on its own. A
 * write that fails is rolled back to its savepoint (the first of a
 * transaction: with the transaction, which the next write opens again):
 * the others stay. Inside a group store_begin and store_commit only nest
 * (the write's savepoint is its transaction) and store_rollback undoes the
 * write at once (st_group_undo), so that what the handler reads next sees
 * the store without it. */
#include "store.h"

#include "util.h"

#include <stdlib.h>
#include <string.h>

#include "internal.h"

static void unit_copy(struct unit_rec *to, const struct unit_rec *u)
{
	*to = (struct unit_rec){u->id,
	                        xstrdup(u->code),
	                        xstrdup(u->name),
	                        xstrdup(u->kind),
	                        st_dup(u->parent_code),
	                        u->population,
	                        u->cutoff_day};
}

bool st_group_unit(struct store *s, const char *code, struct unit_rec *out)
{
	for (int i = 0; s->group.on && i < s->group.nunits; i++)
		if (!strcmp(s->group.units[i].code, code)) {
			unit_copy(out, &s->group.units[i]);
			return true;
		}
	return false;
}

void st_group_unit_keep(struct store *s, const struct unit_rec *u)
{
	struct group_state *g = &s->group;
	if (g->on && g->nunits < (int)(sizeof g->units / sizeof *g->units))
		unit_copy(&g->units[g->nunits++], u);
}

/* The group ended: what it kept goes. */
static void group_end(struct store *s)
{
	for (int i = 0; i < s->group.nunits; i++)
		unit_rec_free(&s->group.units[i]);
	st_record_lookups_free(s->group.lookups);
	s->group = (struct group_state){0};
}

void st_group_kept_free(struct store *s)
{
	for (int i = 0; i < s->kept.nunits; i++)
		unit_rec_free(&s->kept.units[i]);
	st_record_lookups_free(s->kept.lookups);
	memset(&s->kept, 0, sizeof s->kept);
}

/* The units and plans the last group read serve this one when nothing
 * was written since (the mark the same): its writes change none. */
void store_group_begin(struct store *s, int64_t mark)
{
	group_end(s);
	s->group.on = true;
	if (s->kept.on && s->kept.mark == mark && mark >= 0) {
		memcpy(s->group.units, s->kept.units, sizeof s->group.units);
		s->group.nunits = s->kept.nunits;
		s->group.lookups = s->kept.lookups;
		memset(&s->kept, 0, sizeof s->kept);
	}
	st_group_kept_free(s);
}

void store_group_keep(struct store *s, int64_t mark)
{
	if (s->kept.lookups && !st_record_lookups_keepable(s->kept.lookups)) {
		st_group_kept_free(s);
		return;
	}
	s->kept.on = mark >= 0;
	s->kept.mark = mark;
}

int store_group_item_begin(struct store *s, struct error *err)
{
	struct group_state *g = &s->group;
	g->failed = false;
	g->items++;
	/* Sent with the write's first statement where the driver can. */
	const char *sql = g->open ? "SAVEPOINT w" : D->begin;
	if (D->later)
		D->later(s->db, sql);
	else if (D->exec(s->db, sql, err))
		return -1;
	if (!g->open) { /* the transaction, for this write and the next ones */
		s->notified = false;
		g->open = s->in_tx = true;
		g->savepoint = false;
	} else {
		g->savepoint = true;
	}
	g->notified = s->notified;
	g->incoming_class = s->incoming_class;
	return 0;
}

void st_group_undo(struct store *s)
{
	struct group_state *g = &s->group;
	if (g->failed)
		return;
	g->failed = true;
	s->mark_known = false;
	st_record_lookups_free(g->lookups); /* a database error may be in them */
	g->lookups = NULL;
	s->incoming_class = g->incoming_class; /* an ANALYZE in it is undone */
	s->notified = g->notified;             /* a NOTIFY in it is undone */
	if (g->savepoint && !D->exec(s->db, "ROLLBACK TO SAVEPOINT w", NULL))
		return;
	/* The first write of the transaction, or the savepoint is gone: the
	 * whole transaction, with the writes kept before it (none if first). */
	D->exec(s->db, "ROLLBACK", NULL);
	g->kept = 0;
	s->incoming_class = 0;
	g->open = s->in_tx = s->notified = false;
}

bool store_group_item_end(struct store *s, int *lost)
{
	struct group_state *g = &s->group;
	int kept = g->kept;
	*lost = 0;
	if (!g->failed && D->tx_failed && D->tx_failed(s->db))
		st_group_undo(s); /* a statement failed and the write ignored it */
	if (g->failed) {
		*lost = kept - g->kept; /* kept writes undone with the transaction */
		return false;
	}
	g->kept++;
	return true;
}

int store_group_commit(struct store *s, struct error *err)
{
	struct group_state *g = &s->group;
	bool open = g->open;
	/* Kept for the next group if the commit holds (store_group_keep). */
	st_group_kept_free(s);
	memcpy(s->kept.units, g->units, sizeof s->kept.units);
	s->kept.nunits = g->nunits;
	s->kept.lookups = g->lookups;
	g->nunits = 0;
	g->lookups = NULL;
	group_end(s);
	int rc = open ? store_commit(s, err) : 0; /* none open: every write failed */
	if (rc)
		st_group_kept_free(s);
	return rc;
}

long store_commits(const struct store *s)
{
	return s->commits;
}

long store_audits(const struct store *s)
{
	return s->audits;
}

int64_t store_audit_foreign_any(struct store *s, int64_t after, int64_t upto, char *const *actors,
                                size_t n, struct error *err)
{
	if (n == 1)
		return store_audit_foreign(s, after, upto, actors[0], err);
	/* Not cached: the number of actors varies (a handful at most). */
	struct buf q = {0};
	buf_puts(&q, "SELECT count(*) FROM audit WHERE id > ? AND id <= ?");
	for (size_t i = 0; i < n; i++)
		buf_puts(&q, " AND actor <> ?");
	s->queries++;
	struct stmt *st = D->prepare(s->db, buf_str(&q), err);
	buf_free(&q);
	if (!st)
		return -1;
	D->bind_int(st, 1, after);
	D->bind_int(st, 2, upto);
	for (size_t i = 0; i < n; i++)
		D->bind_text(st, (int)i + 3, actors[i]);
	int64_t k = D->step(st, err) == 1 ? D->col_int(st, 0) : -1;
	D->finalize(st);
	return k;
}

int64_t store_change_mark_foreign(struct store *s, int64_t after, char *const *actors, size_t n,
                                  int64_t *foreign, struct error *err)
{
	*foreign = 0;
	int64_t m = st_mark_known(s);
	if (m >= 0 || !n) {
		if (m < 0)
			m = store_change_mark(s, err);
		if (m > after && n)
			*foreign = store_audit_foreign_any(s, after, m, actors, n, err);
		return m;
	}
	/* The mark and the entries up to it in one snapshot, one round trip
	 * (the SQL of one actor, the usual case, prepared once). */
	static const char one[] = "SELECT (SELECT coalesce(max(id), 0) FROM audit),"
	                          " (SELECT count(*) FROM audit WHERE id > ? AND actor <> ?)";
	struct buf q = {0};
	if (n > 1) {
		buf_puts(&q, "SELECT (SELECT coalesce(max(id), 0) FROM audit),"
		             " (SELECT count(*) FROM audit WHERE id > ?");
		for (size_t i = 0; i < n; i++)
			buf_puts(&q, " AND actor <> ?");
		buf_puts(&q, ")");
	}
	struct stmt *st =
	        n == 1 ? st_prep(s, one, err) : (s->queries++, D->prepare(s->db, buf_str(&q), err));
	buf_free(&q);
	if (!st)
		return -1;
	D->bind_int(st, 1, after);
	for (size_t i = 0; i < n; i++)
		D->bind_text(st, (int)i + 2, actors[i]);
	m = -1;
	if (D->step(st, err) == 1) {
		m = D->col_int(st, 0);
		*foreign = D->col_int(st, 1);
	}
	if (n == 1)
		st_done(s, st);
	else
		D->finalize(st);
	s->mark = m;
	s->mark_known = m >= 0;
	if (m < 0)
		*foreign = -1;
	return m;
}
