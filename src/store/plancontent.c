/* plancontent.c: a plan's parsed rows stored once per distinct content
 * (schema version 13, issue 13: "a plan document shared by many units is
 * stored once").
 *
 * Design. What a plan document parses into (its indicators with their
 * targets and agency keys, its tasks) is the plan's content: kept in
 * content_indicators, content_targets, content_agencies and content_tasks
 * under one plan_contents row, found by the SHA-256 of the rows themselves
 * (not of the document: a unit that already had agencies may resolve an
 * agency name to another key, so its rows differ and it gets its own
 * content). Each unit's plan version points to its content
 * (plans.content_id); what is the unit's own stays per unit: its series
 * (plan_indicators maps each indicator of the version to the unit's
 * series), its agencies (content keeps their folded keys; agency ids are
 * the unit's, found by unit and key), figures and links. Content is never
 * changed once written: a unit that edits its plan (a draft published, an
 * import) makes a new version whose rows are hashed again: the same rows
 * share the existing content, other rows make new content (copy on
 * write), and no other unit's version moves. The schema-12 tables
 * indicators, indicator_agencies, targets and tasks are views over this,
 * with the same columns and ids (the indicators' ids are plan_indicators'
 * ids; a task's id is its content row's), so every reader is unchanged. */
#include "internal.h"

#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The schema-12 tables as views (migration 13 makes them, once the old
 * tables are moved and dropped). A lead or monitor agency is the unit's
 * agency of that key, as the old INSERT found it. */
static const char views[] =
        "CREATE VIEW indicators AS SELECT m.id AS id, m.plan_id AS plan_id,"
        " m.series_id AS series_id, c.code AS code, c.group_code AS group_code, c.name AS name,"
        " c.unit AS unit, c.baseline AS baseline, c.baseline_text AS baseline_text,"
        " (SELECT a.id FROM plans p JOIN agencies a ON a.unit_id = p.unit_id WHERE"
        " p.id = m.plan_id AND a.folded = c.lead) AS lead_id,"
        " (SELECT a.id FROM plans p JOIN agencies a ON a.unit_id = p.unit_id WHERE"
        " p.id = m.plan_id AND a.folded = c.monitor) AS monitor_id,"
        " c.partners AS partners, c.implementers AS implementers, c.deadline AS deadline"
        " FROM plan_indicators m JOIN content_indicators c ON c.id = m.indicator_id;"
        "CREATE VIEW indicator_agencies AS SELECT m.id AS indicator_id, a.id AS agency_id,"
        " x.role AS role FROM plan_indicators m JOIN plans p ON p.id = m.plan_id"
        " JOIN content_agencies x ON x.indicator_id = m.indicator_id"
        " JOIN agencies a ON a.unit_id = p.unit_id AND a.folded = x.folded;"
        "CREATE VIEW targets AS SELECT m.id AS indicator_id, t.year AS year, t.kind AS kind,"
        " t.text AS text, t.op AS op, t.value AS value, t.min AS min, t.max AS max,"
        " t.level AS level, t.rank AS rank FROM plan_indicators m"
        " JOIN content_targets t ON t.indicator_id = m.indicator_id;"
        "CREATE VIEW tasks AS SELECT t.id AS id, p.id AS plan_id, t.code AS code,"
        " t.group_code AS group_code, t.title AS title, t.lead AS lead,"
        " t.implementers AS implementers, t.timeframe AS timeframe, t.due AS due,"
        " t.recurring AS recurring FROM plans p JOIN content_tasks t ON t.content_id ="
        " p.content_id;"
        /* (the name the old index on indicators(series_id) had) */
        "CREATE INDEX IF NOT EXISTS ind_series ON plan_indicators(series_id);";

/* The rows of the temporary tables, in a fixed order, that make a
 * content: what is hashed (series and order numbers are not content), in
 * one statement: each table a part, its cells as text, its order in the
 * keys t1 and n. */
static const char hashed[] =
        "SELECT 0 AS part, CAST(NULL AS TEXT) AS t1, ord AS n, code, group_code, name, unit,"
        " CAST(baseline AS TEXT), baseline_text, lead, monitor, partners, implementers,"
        " deadline FROM plan_ind"
        " UNION ALL SELECT DISTINCT 1, code, 0, folded, role, NULL, NULL, NULL, NULL, NULL,"
        " NULL, NULL, NULL, NULL FROM plan_ia WHERE folded IS NOT NULL"
        " UNION ALL SELECT 2, code, year, kind, text, op, CAST(value AS TEXT),"
        " CAST(min AS TEXT), CAST(max AS TEXT), level, CAST(rank AS TEXT), NULL, NULL, NULL"
        " FROM plan_tgt"
        " UNION ALL SELECT 3, NULL, ord, code, group_code, title, lead, implementers,"
        " timeframe, due, CAST(recurring AS TEXT), NULL, NULL, NULL FROM plan_task"
        " ORDER BY 1, 2, 3, 4, 5";

static int content_hash(struct store *s, char hash[65], struct error *err)
{
	struct stmt *st = st_prep(s, hashed, err);
	if (!st)
		return -1;
	struct buf b = BUF_INIT;
	int step;
	while ((step = D->step(st, err)) == 1) {
		buf_printf(&b, "%lld", (long long)D->col_int(st, 0));
		for (int c = 3; c < 14; c++) {
			const char *v = D->col_null(st, c) ? NULL : D->col_text(st, c);
			buf_putc(&b, '\x1f');
			buf_puts(&b, v ? v : "\x01");
		}
		buf_putc(&b, '\x1e');
	}
	st_done(s, st);
	if (step >= 0)
		st_doc_hash(buf_str(&b), hash);
	buf_free(&b);
	return step < 0 ? -1 : 0;
}

/* Run a statement with integer parameters a (and b when b >= 0). */
static int run2(struct store *s, const char *sql, int64_t a, int64_t b, struct error *err)
{
	struct stmt *st = st_prep(s, sql, err);
	if (!st)
		return -1;
	D->bind_int(st, 1, a);
	if (b >= 0)
		D->bind_int(st, 2, b);
	int rc = D->step(st, err) < 0 ? -1 : 0;
	st_done(s, st);
	return rc;
}

/* The id of the content of that hash: 1 found, 0 none, -1 error. */
static int content_find(struct store *s, const char *hash, int64_t *id, struct error *err)
{
	struct stmt *st = st_prep(s, "SELECT id FROM plan_contents WHERE hash = ?", err);
	if (!st)
		return -1;
	D->bind_text(st, 1, hash);
	int have = D->step(st, err);
	*id = have == 1 ? D->col_int(st, 0) : 0;
	st_done(s, st);
	return have;
}

/* The content of that hash, made from the temporary tables when new. */
static int64_t content_of(struct store *s, const char *hash, struct error *err)
{
	int64_t id;
	int have = content_find(s, hash, &id, err);
	if (have)
		return have < 0 ? 0 : id;
	/* Another connection may store the same content at the same time
	 * (PostgreSQL): then its row is the one, found once it committed. */
	struct stmt *st = st_prep(s,
	                          "INSERT INTO plan_contents (hash) VALUES (?)"
	                          " ON CONFLICT (hash) DO NOTHING RETURNING id",
	                          err);
	if (!st)
		return 0;
	D->bind_text(st, 1, hash);
	int made = D->step(st, err);
	id = made == 1 ? D->col_int(st, 0) : 0;
	st_done(s, st);
	if (made == 0) {
		int again = content_find(s, hash, &id, err);
		if (!again)
			err_set(err, ERR_DB, "không tìm thấy nội dung kế hoạch %s vừa lưu", hash);
		return again == 1 ? id : 0;
	}
	if (!id)
		return 0;
	int rc = run2(s,
	              "INSERT INTO content_indicators (content_id, code, group_code, name, unit,"
	              " baseline, baseline_text, lead, monitor, partners, implementers, deadline)"
	              " SELECT CAST(? AS BIGINT), code, group_code, name, unit, baseline,"
	              " baseline_text, lead, monitor, partners, implementers, deadline"
	              " FROM plan_ind ORDER BY ord",
	              id, -1, err) ||
	         run2(s,
	              "INSERT INTO content_agencies (indicator_id, folded, role)"
	              " SELECT DISTINCT c.id, r.folded, r.role FROM plan_ia r"
	              " JOIN content_indicators c ON c.content_id = ? AND c.code = r.code"
	              " WHERE r.folded IS NOT NULL",
	              id, -1, err) ||
	         run2(s,
	              "INSERT INTO content_targets (indicator_id, year, kind, text, op, value,"
	              " min, max, level, rank) SELECT c.id, t.year, t.kind, t.text, t.op,"
	              " t.value, t.min, t.max, t.level, t.rank FROM plan_tgt t"
	              " JOIN content_indicators c ON c.content_id = ? AND c.code = t.code",
	              id, -1, err) ||
	         run2(s,
	              "INSERT INTO content_tasks (content_id, code, group_code, title, lead,"
	              " implementers, timeframe, due, recurring) SELECT CAST(? AS BIGINT), code,"
	              " group_code, title, lead, implementers, timeframe, due, recurring"
	              " FROM plan_task ORDER BY ord",
	              id, -1, err);
	return rc ? 0 : id;
}

int st_plan_content_put(struct store *s, int64_t plan, bool keep_ids, struct error *err)
{
	char hash[65];
	if (content_hash(s, hash, err))
		return -1;
	int64_t content = content_of(s, hash, err);
	if (!content)
		return -1;
	if (run2(s, "UPDATE plans SET content_id = ? WHERE id = ?", content, plan, err))
		return -1;
	return run2(s,
	            keep_ids ? "INSERT INTO plan_indicators (id, plan_id, indicator_id, series_id)"
	                       " SELECT i.ord, CAST(? AS BIGINT), c.id, i.series_id FROM plan_ind i"
	                       " JOIN content_indicators c ON c.content_id = ? AND c.code = i.code"
	                       " ORDER BY i.ord"
	                     : "INSERT INTO plan_indicators (plan_id, indicator_id, series_id)"
	                       " SELECT CAST(? AS BIGINT), c.id, i.series_id FROM plan_ind i"
	                       " JOIN content_indicators c ON c.content_id = ? AND c.code = i.code"
	                       " ORDER BY i.ord",
	            plan, content, err);
}

/* One plan's rows of the schema-12 tables PREFIX##name into the
 * temporary tables (the indicators' ids as their order). The lead and
 * monitor agencies are scalar subqueries, not LEFT JOINs: since schema 15
 * agencies is a view of a join, which SQLite (3.40) does not flatten into
 * a LEFT JOIN: it copied the whole view into a temporary table and indexed
 * it for every plan (a restore of 1,035 plans, 26,910 agencies: a
 * temporary file a plan, CPU n²); a subquery reads the agency by its id. */
#define FILLS(P)                                                                                   \
	{                                                                                          \
		"INSERT INTO plan_ind (ord, series_id, code, group_code, name, unit, baseline,"    \
		" baseline_text, lead, monitor, partners, implementers, deadline) SELECT i.id,"    \
		" i.series_id, i.code, i.group_code, i.name, i.unit, i.baseline, i.baseline_text," \
		" (SELECT la.folded FROM agencies la WHERE la.id = i.lead_id),"                    \
		" (SELECT ma.folded FROM agencies ma WHERE ma.id = i.monitor_id), i.partners,"     \
		" i.implementers, i.deadline FROM " P "indicators i WHERE i.plan_id = ?",          \
		        "INSERT INTO plan_ia (code, folded, role) SELECT i.code, a.folded, x.role" \
		        " FROM " P "indicator_agencies x JOIN " P                                  \
		        "indicators i ON i.id = x.indicator_id"                                    \
		        " JOIN agencies a ON a.id = x.agency_id WHERE i.plan_id = ?",              \
		        "INSERT INTO plan_tgt (code, year, kind, text, op, value, min, max, "      \
		        "level, rank)"                                                             \
		        " SELECT i.code, t.year, t.kind, t.text, t.op, t.value, t.min, t.max, "    \
		        "t.level, t.rank"                                                          \
		        " FROM " P "targets t JOIN " P "indicators i ON i.id = t.indicator_id"     \
		        " WHERE i.plan_id = ?",                                                    \
		        "INSERT INTO plan_task (ord, code, group_code, title, lead, "              \
		        "implementers, timeframe,"                                                 \
		        " due, recurring) SELECT id, code, group_code, title, lead, "              \
		        "implementers, timeframe,"                                                 \
		        " due, recurring FROM " P "tasks WHERE plan_id = ?"                        \
	}
static const char *const fills[2][4] = {FILLS(""), FILLS("restore_")};
#define NFILLS 4

int st_plan_content_from(struct store *s, bool restored, struct error *err)
{
	/* (the temporary tables the fills name, made before they are
	 * prepared) */
	struct stmt *st = st_plan_tables(s, err)
	                          ? NULL
	                          : D->prepare(s->db, "SELECT id FROM plans ORDER BY id", err);
	if (!st)
		return -1;
	int64_t *plans = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = D->step(st, err)) == 1) {
		plans = xgrow(plans, &cap, n + 1, sizeof *plans);
		plans[n++] = D->col_int(st, 0);
	}
	D->finalize(st);
	struct stmt *fill[NFILLS] = {0};
	for (size_t f = 0; f < NFILLS && rc >= 0; f++) {
		fill[f] = D->prepare(s->db, fills[restored][f], err);
		rc = fill[f] ? 0 : -1;
	}
	for (size_t i = 0; i < n && rc >= 0; i++) {
		rc = st_plan_tables(s, err);
		for (size_t f = 0; f < NFILLS && !rc; f++) {
			D->reset(fill[f]);
			D->bind_int(fill[f], 1, plans[i]);
			rc = D->step(fill[f], err) < 0 ? -1 : 0;
		}
		if (!rc)
			rc = st_plan_content_put(s, plans[i], true, err);
	}
	for (size_t f = 0; f < NFILLS; f++)
		if (fill[f])
			D->finalize(fill[f]);
	free(plans);
	/* The ids were given: PostgreSQL's next one comes after them. */
	if (rc >= 0 && D == &pq_driver)
		rc = D->exec(s->db,
		             "SELECT setval(pg_get_serial_sequence('plan_indicators', 'id'),"
		             " coalesce(max(id), 0) + 1, false) FROM plan_indicators",
		             err);
	return rc < 0 ? -1 : 0;
}

int st_plan_content_formed(struct store *s, struct error *err)
{
	struct stmt *st = D->prepare(
	        s->db,
	        D == &sqlite_driver
	                ? "SELECT count(*) FROM sqlite_master WHERE type = 'view' AND name ="
	                  " 'indicators'"
	                : "SELECT count(*) FROM information_schema.views WHERE table_schema ="
	                  " current_schema() AND table_name = 'indicators'",
	        err);
	int has = st ? D->step(st, err) : -1;
	bool done = has == 1 && D->col_int(st, 0) > 0;
	D->finalize(st);
	return has < 0 ? -1 : done;
}

int st_plan_content_migrate(struct store *s, struct error *err)
{
	/* A store whose indicators are a view is in this form already (a
	 * test's older store made by this version). */
	int formed = st_plan_content_formed(s, err);
	if (formed)
		return formed < 0 ? -1 : 0;
	/* (a store older than version 6 lacks the index its tasks are read
	 * by here) */
	return D->exec(s->db,
	               "ALTER TABLE plans ADD COLUMN content_id BIGINT REFERENCES "
	               "plan_contents(id);"
	               "CREATE INDEX IF NOT EXISTS tasks_plan ON tasks(plan_id);",
	               err) || st_plan_content_from(s, false, err) ||
	                       D->exec(s->db,
	                               "DROP TABLE targets; DROP TABLE indicator_agencies;"
	                               " DROP TABLE indicators; DROP TABLE tasks;",
	                               err) ||
	                       D->exec(s->db, views, err)
	               ? -1
	               : 0;
}

int st_plan_content_views(struct store *s, struct error *err)
{
	return D->exec(s->db, views, err);
}

int st_plan_content_restore(struct store *s, struct error *err)
{
	return D->exec(s->db,
	               "CREATE INDEX restore_indicators_plan ON restore_indicators(plan_id);"
	               "CREATE INDEX restore_indicators_id ON restore_indicators(id);"
	               "CREATE INDEX restore_agencies_ind ON "
	               "restore_indicator_agencies(indicator_id);"
	               "CREATE INDEX restore_targets_ind ON restore_targets(indicator_id);"
	               "CREATE INDEX restore_tasks_plan ON restore_tasks(plan_id);",
	               err) ||
	                       /* PostgreSQL plans each plan's fills from the tables'
	                        * statistics, which no one gathers for temporary tables
	                        * (nor, before the commit, for the agencies): without them
	                        * every fill read the whole of a restore table, n² (a
	                        * plan's fills 14 ms at 335 plans, 33 ms at 1,035). */
	                       store_analyzed(s,
	                                      "restore_indicators, restore_indicator_agencies,"
	                                      " restore_targets, restore_tasks, agencies",
	                                      err) ||
	                       st_plan_content_from(s, true, err) ||
	                       D->exec(s->db,
	                               "DROP TABLE restore_indicators; DROP TABLE "
	                               "restore_indicator_agencies;"
	                               " DROP TABLE restore_targets; DROP TABLE restore_tasks;",
	                               err)
	               ? -1
	               : 0;
}
