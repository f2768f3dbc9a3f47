/* internal.h: what the files of the store share: the store itself and its
 * helpers. Not for use outside src/store. */
#ifndef CHITIEU_STORE_INTERNAL_H
#define CHITIEU_STORE_INTERNAL_H

#include "driver.h"
#include "store.h"

#include <stdio.h>

#include "error.h"

#define CACHE 64

/* The tables of schema version 1, written once for both backends: ID is
 * the backend's id column, INT its integer type, NUM its floating type.
 * Both backends have the same constraints (tests/unit/test_constraints.c
 * compares them): a unit's series codes are unique (PostgreSQL gained that
 * in version 3, see the migrations in store.c). Schema 13 made indicators,
 * indicator_agencies, targets and tasks views (SCHEMA_V13): their indexes
 * are made by its step, not here (SQLite indexes no view, IF NOT EXISTS
 * or not). */
#define SCHEMA_V1(ID, INT, NUM)                                                                    \
	"CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"             \
	"CREATE TABLE IF NOT EXISTS units ("                                                       \
	" id " ID ", code TEXT NOT NULL UNIQUE, name TEXT NOT NULL,"                               \
	" kind TEXT NOT NULL CHECK (kind IN ('country','province','district','commune','ward')),"  \
	" parent_id " INT " REFERENCES units(id), population " INT ", created_at TEXT NOT NULL,"   \
	" cutoff_day " INT " CHECK (cutoff_day BETWEEN 1 AND 28));"                                \
	"CREATE TABLE IF NOT EXISTS agencies ("                                                    \
	" id " ID ", unit_id " INT " NOT NULL REFERENCES units(id),"                               \
	" name TEXT NOT NULL, folded TEXT NOT NULL, UNIQUE (unit_id, folded));"                    \
	"CREATE TABLE IF NOT EXISTS plans ("                                                       \
	" id " ID ", unit_id " INT " NOT NULL REFERENCES units(id),"                               \
	" version " INT " NOT NULL, title TEXT, number TEXT, issuer TEXT, issued_on TEXT,"         \
	" source TEXT, imported_at TEXT NOT NULL, imported_by TEXT NOT NULL, doc TEXT NOT NULL,"   \
	" UNIQUE (unit_id, version));"                                                             \
	"CREATE TABLE IF NOT EXISTS series ("                                                      \
	" id " ID ", unit_id " INT " NOT NULL REFERENCES units(id),"                               \
	" code TEXT NOT NULL, UNIQUE (unit_id, code));"                                            \
	"CREATE TABLE IF NOT EXISTS indicators ("                                                  \
	" id " ID ", plan_id " INT " NOT NULL REFERENCES plans(id),"                               \
	" series_id " INT " NOT NULL REFERENCES series(id), code TEXT NOT NULL,"                   \
	" group_code TEXT NOT NULL, name TEXT NOT NULL, unit TEXT, baseline " NUM ","              \
	" baseline_text TEXT, lead_id " INT " REFERENCES agencies(id),"                            \
	" monitor_id " INT " REFERENCES agencies(id), partners TEXT, implementers TEXT,"           \
	" deadline TEXT, UNIQUE (plan_id, code));"                                                 \
	"CREATE TABLE IF NOT EXISTS indicator_agencies ("                                          \
	" indicator_id " INT " NOT NULL REFERENCES indicators(id),"                                \
	" agency_id " INT " NOT NULL REFERENCES agencies(id),"                                     \
	" role TEXT NOT NULL CHECK (role IN ('lead','monitor')),"                                  \
	" PRIMARY KEY (indicator_id, agency_id, role));"                                           \
	"CREATE TABLE IF NOT EXISTS targets ("                                                     \
	" indicator_id " INT " NOT NULL REFERENCES indicators(id), year " INT " NOT NULL,"         \
	" kind TEXT NOT NULL, text TEXT NOT NULL, op TEXT, value " NUM ", min " NUM ","            \
	" max " NUM ", level TEXT, rank " INT ", PRIMARY KEY (indicator_id, year));"               \
	"CREATE TABLE IF NOT EXISTS tasks ("                                                       \
	" id " ID ", plan_id " INT " NOT NULL REFERENCES plans(id),"                               \
	" code TEXT NOT NULL, group_code TEXT NOT NULL, title TEXT NOT NULL, lead TEXT,"           \
	" implementers TEXT, timeframe TEXT, due TEXT, recurring " INT " NOT NULL);"               \
	"CREATE TABLE IF NOT EXISTS observations ("                                                \
	" id " ID ", series_id " INT " NOT NULL REFERENCES series(id),"                            \
	" period TEXT NOT NULL, value " NUM ", num " NUM ", den " NUM ", level TEXT, yes " INT "," \
	" note TEXT, evidence TEXT, status TEXT NOT NULL DEFAULT 'draft'"                          \
	"  CHECK (status IN ('draft','submitted','approved','returned')),"                         \
	" version " INT " NOT NULL, recorded_by TEXT NOT NULL, recorded_at TEXT NOT NULL,"         \
	" review TEXT, UNIQUE (series_id, period));"                                               \
	"CREATE TABLE IF NOT EXISTS observation_history ("                                         \
	" id " ID ", observation_id " INT " NOT NULL REFERENCES observations(id),"                 \
	" version " INT " NOT NULL, value " NUM ", num " NUM ", den " NUM ", level TEXT,"          \
	" yes " INT ", note TEXT, evidence TEXT, status TEXT NOT NULL, recorded_by TEXT NOT NULL," \
	" recorded_at TEXT NOT NULL, replaced_by TEXT NOT NULL, replaced_at TEXT NOT NULL,"        \
	" reason TEXT);"                                                                           \
	"CREATE TABLE IF NOT EXISTS task_progress ("                                               \
	" id " ID ", unit_id " INT " NOT NULL REFERENCES units(id), task_code TEXT NOT NULL,"      \
	" period TEXT NOT NULL, status TEXT NOT NULL"                                              \
	"  CHECK (status IN ('not_started','in_progress','done')), percent " INT ","               \
	" note TEXT, evidence TEXT, recorded_by TEXT NOT NULL, recorded_at TEXT NOT NULL,"         \
	" UNIQUE (unit_id, task_code, period));"                                                   \
	"CREATE TABLE IF NOT EXISTS audit ("                                                       \
	" id " ID ", at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,"                 \
	" entity TEXT NOT NULL, entity_id " INT ", detail TEXT);"

/* Tables added in schema version 2 (accounts), written once for both
 * backends: ID is the backend's id column, INT its integer type. */
#define SCHEMA_V2(ID, INT)                                                                         \
	"CREATE TABLE IF NOT EXISTS users ("                                                       \
	" id " ID ", login TEXT NOT NULL UNIQUE, name TEXT NOT NULL,"                              \
	" role TEXT NOT NULL CHECK (role IN ('admin','office','reporter','viewer')),"              \
	" unit_id " INT " REFERENCES units(id), agency TEXT, pw_hash TEXT NOT NULL,"               \
	" disabled " INT " NOT NULL DEFAULT 0, created_at TEXT NOT NULL);"                         \
	"CREATE TABLE IF NOT EXISTS api_tokens ("                                                  \
	" id " ID ", user_id " INT " NOT NULL REFERENCES users(id),"                               \
	" token_hash TEXT NOT NULL UNIQUE, label TEXT NOT NULL, created_at TEXT NOT NULL,"         \
	" revoked " INT " NOT NULL DEFAULT 0);"

/* Tables added in schema version 5 (shared indicators): a link from a
 * child unit's indicator series to its parent unit's, proposed by the
 * matcher (align.h) or set by a person, then confirmed or rejected; at most
 * one confirmed link per child series. Links are on series, which survive
 * re-import; a series no longer in its unit's plan makes the link gone.
 * Since schema 14 (linknotes.c) a link's explanation is kept once per
 * distinct text (link_whys) and who decided it when once per decision
 * (link_decisions): the country's 118,774 links had 101 texts. Since
 * schema 16 (linkstate.c) the table is link_rows, the state a code, and
 * links a view: its indexes (links_one_confirmed, links_parent) are made
 * by that step, not here (SQLite indexes no view, IF NOT EXISTS or not). */
#define SCHEMA_V5(ID, INT, NUM)                                                                    \
	"CREATE TABLE IF NOT EXISTS link_whys (id " ID ", why TEXT NOT NULL UNIQUE);"              \
	"CREATE TABLE IF NOT EXISTS link_decisions (id " ID ", decided_by TEXT NOT NULL,"          \
	" decided_at TEXT NOT NULL);"                                                              \
	"CREATE TABLE IF NOT EXISTS links ("                                                       \
	" id " ID ", child_series_id " INT " NOT NULL REFERENCES series(id),"                      \
	" parent_series_id " INT " NOT NULL REFERENCES series(id),"                                \
	" state TEXT NOT NULL CHECK (state IN ('proposed','confirmed','rejected')),"               \
	" score " NUM " NOT NULL, why_id " INT " REFERENCES link_whys(id),"                        \
	" decision_id " INT " NOT NULL REFERENCES link_decisions(id),"                             \
	" UNIQUE (child_series_id, parent_series_id));"

/* Schema 7: DHIS2 identifiers (UIDs): of a unit (no series; part 'unit'
 * its organisation unit, 'indicator_type' the percent indicator type of
 * its metadata) and of its indicators (series; part 'value' the figure's
 * data element, 'num' and 'den' a ratio's two data elements, 'indicator'
 * DHIS2's Indicator num/den). A UID names one thing. */
#define SCHEMA_V7(ID, INT)                                                                         \
	"CREATE TABLE IF NOT EXISTS dhis2_uids ("                                                  \
	" id " ID ", unit_id " INT " NOT NULL REFERENCES units(id),"                               \
	" series_id " INT " REFERENCES series(id),"                                                \
	" part TEXT NOT NULL CHECK (part IN ('unit','indicator_type','value','num','den',"         \
	"  'indicator')),"                                                                         \
	" uid TEXT NOT NULL UNIQUE CHECK (length(uid) = 11),"                                      \
	" CHECK ((part IN ('unit','indicator_type')) = (series_id IS NULL)));"                     \
	"CREATE UNIQUE INDEX IF NOT EXISTS dhis2_uids_unit ON dhis2_uids(unit_id, part)"           \
	" WHERE series_id IS NULL;"                                                                \
	"CREATE UNIQUE INDEX IF NOT EXISTS dhis2_uids_series ON dhis2_uids(series_id, part)"       \
	" WHERE series_id IS NOT NULL;"

/* Tables added in schema version 10 (plan drafts): a plan document read
 * on upload and being corrected before it is published as the unit's new
 * plan version. doc is the plan JSON as corrected, parsed the plan as read
 * (both the contract of `chitieu parse`). Drafts expire (expires_at, UTC);
 * they are working copies, not records: dumps leave them out. */
#define SCHEMA_V10(ID, INT)                                                                        \
	"CREATE TABLE IF NOT EXISTS plan_drafts ("                                                 \
	" id " ID ", unit_id " INT " NOT NULL REFERENCES units(id), filename TEXT NOT NULL,"       \
	" created_by TEXT NOT NULL, created_at TEXT NOT NULL, expires_at TEXT NOT NULL,"           \
	" parsed TEXT NOT NULL, doc TEXT NOT NULL);"                                               \
	"CREATE INDEX IF NOT EXISTS plan_drafts_unit ON plan_drafts(unit_id);"

/* Tables added in schema version 13 (plancontent.c): a plan's parsed rows
 * kept once per distinct content (plan_contents, by the SHA-256 of the
 * rows), each unit's plan version pointing to its content (plans.
 * content_id) and mapping its indicators to the unit's own series
 * (plan_indicators). WR makes a table keyed by its primary key only
 * (SQLite's WITHOUT ROWID; "" on PostgreSQL). The old tables indicators,
 * indicator_agencies, targets and tasks are views over these. */
#define SCHEMA_V13(ID, INT, NUM, WR)                                                               \
	"CREATE TABLE IF NOT EXISTS plan_contents (id " ID ", hash TEXT NOT NULL UNIQUE);"         \
	"CREATE TABLE IF NOT EXISTS content_indicators ("                                          \
	" id " ID ", content_id " INT " NOT NULL REFERENCES plan_contents(id),"                    \
	" code TEXT NOT NULL, group_code TEXT NOT NULL, name TEXT NOT NULL, unit TEXT,"            \
	" baseline " NUM ", baseline_text TEXT, lead TEXT, monitor TEXT, partners TEXT,"           \
	" implementers TEXT, deadline TEXT, UNIQUE (content_id, code));"                           \
	"CREATE TABLE IF NOT EXISTS content_agencies ("                                            \
	" indicator_id " INT " NOT NULL REFERENCES content_indicators(id), folded TEXT NOT NULL,"  \
	" role TEXT NOT NULL CHECK (role IN ('lead','monitor')),"                                  \
	" PRIMARY KEY (indicator_id, folded, role))" WR ";"                                        \
	"CREATE TABLE IF NOT EXISTS content_targets ("                                             \
	" indicator_id " INT " NOT NULL REFERENCES content_indicators(id), year " INT " NOT NULL," \
	" kind TEXT NOT NULL, text TEXT NOT NULL, op TEXT, value " NUM ", min " NUM ","            \
	" max " NUM ", level TEXT, rank " INT ", PRIMARY KEY (indicator_id, year))" WR ";"         \
	"CREATE TABLE IF NOT EXISTS content_tasks ("                                               \
	" id " ID ", content_id " INT " NOT NULL REFERENCES plan_contents(id),"                    \
	" code TEXT NOT NULL, group_code TEXT NOT NULL, title TEXT NOT NULL, lead TEXT,"           \
	" implementers TEXT, timeframe TEXT, due TEXT, recurring " INT " NOT NULL);"               \
	"CREATE INDEX IF NOT EXISTS content_tasks_content ON content_tasks(content_id);"           \
	"CREATE TABLE IF NOT EXISTS plan_indicators ("                                             \
	" id " ID ", plan_id " INT " NOT NULL REFERENCES plans(id),"                               \
	" indicator_id " INT " NOT NULL REFERENCES content_indicators(id),"                        \
	" series_id " INT " NOT NULL REFERENCES series(id), UNIQUE (plan_id, indicator_id));"

struct store {
	const struct driver *d;
	void *db;
	struct cached {
		const char *sql; /* a string literal: its address is the key */
		struct stmt *st;
	} cache[CACHE];
	int ncache;
	int64_t retry_at, backoff; /* store_reconnect: ms, monotonic clock */
	long queries;              /* statements run (st_prep), for store_queries */
	long plan_saves;           /* st_plan_tables calls (plansave.c: when to TRUNCATE) */
	/* Inside store_begin's transaction, and whether st_audit has notified
	 * in it already (PostgreSQL delivers one notification at the commit
	 * however many were sent: one is enough, not one a row). */
	bool in_tx, notified;
	/* store_change_mark: the mark this connection last read, valid while
	 * the driver's probe sees no change and mark_known holds (a write of
	 * this connection clears it). */
	struct change_probe probe;
	int64_t mark;
	bool mark_known;
	int wal_pages; /* store_checkpoint_later: the WAL's pages at the last commit */
	/* The size class of the batch the batch table's statistics were
	 * taken at (st_incoming_apply; 0: none, or rolled back since). */
	int incoming_class;
	/* Group commit (group.c): several writes in one transaction, each
	 * after a savepoint of its own; store_begin/commit then only nest,
	 * store_rollback marks the write failed. */
	struct group_state {
		bool on, open;      /* a group runs; its transaction is open */
		bool failed;        /* the current write rolled back */
		bool savepoint;     /* the current write began at a savepoint */
		bool notified;      /* s->notified when the current write began */
		int kept, items;    /* writes kept in the open transaction; begun */
		int incoming_class; /* s->incoming_class when the write began */
		/* Units read during the group (its writes change none): each
		 * read once however many of them name it (store_unit_get). */
		struct unit_rec units[8];
		int nunits;
		void *lookups; /* record.c's, shared by the group's writes */
	} group;
	/* The units and lookups of the last group committed, for the next
	 * group if the store has not changed since (store_group_keep: mark,
	 * valid when on). */
	struct {
		bool on;
		int64_t mark;
		struct unit_rec units[8];
		int nunits;
		void *lookups;
	} kept;
	long commits;   /* COMMITs that succeeded (store_commits) */
	long audits;    /* audit entries written (store_audits) */
	long obs_lists; /* store_obs_list calls (store_obs_lists) */
	/* The figures the last store_obs_put_many_sum stored, as stored
	 * (store_written): known when written_known. */
	struct obs_rec *written;
	size_t nwritten, capwritten;
	bool written_known;
	/* The audit ids this connection's writes got (small_write), since
	 * store_write_ids_reset: lowest, highest, how many; ids_unknown when
	 * an entry was written whose id is not known (st_audit). */
	int64_t ids_lo, ids_hi, ids_n;
	bool ids_unknown;
};

/* store_written's figures forgotten (none known). */
void st_written_clear(struct store *s);

/* Group commit: the current write undone, back to its savepoint or, the
 * first of the transaction, with the transaction (group.c). */
void st_group_undo(struct store *s);
/* What the last group left for the next one goes. */
void st_group_kept_free(struct store *s);
/* Inside a group: the unit of code as read earlier in it (true, *out a
 * copy); st_group_unit_keep keeps one read. */
bool st_group_unit(struct store *s, const char *code, struct unit_rec *out);
void st_group_unit_keep(struct store *s, const struct unit_rec *u);
void st_record_lookups_free(void *lk);
/* Whether a group's lookups may serve the next group: no database error
 * in them, not too many. */
bool st_record_lookups_keepable(const void *lk);

#define D (s->d)

/* The newest plan version of a unit (one parameter: the unit id). */
#define CURRENT_PLAN "(SELECT id FROM plans WHERE unit_id = ? ORDER BY version DESC LIMIT 1)"

/* The ids of a unit and of every unit under it, as a parenthesised
 * subquery for "u.id IN": SUBTREE_NEAR down to three levels under it (a
 * country's provinces, districts and communes), each branch one an index
 * answers (PostgreSQL plans a recursive query's size blindly and scans
 * whole tables), with SUBTREE_BINDS parameters, each the unit's id;
 * SUBTREE_ANY at any depth, one parameter. */
#define SUBTREE_NEAR                                                                               \
	"(SELECT id FROM units WHERE id = ? UNION ALL SELECT id FROM units WHERE parent_id = ?"    \
	" UNION ALL SELECT c.id FROM units c JOIN units m ON m.id = c.parent_id"                   \
	" WHERE m.parent_id = ? UNION ALL SELECT c.id FROM units c"                                \
	" JOIN units m ON m.id = c.parent_id JOIN units g ON g.id = m.parent_id"                   \
	" WHERE g.parent_id = ?)"
#define SUBTREE_BINDS 4
#define SUBTREE_ANY                                                                                \
	"(WITH RECURSIVE sub(id) AS (SELECT id FROM units WHERE id = ? UNION"                      \
	" SELECT u.id FROM units u JOIN sub ON u.parent_id = sub.id) SELECT id FROM sub)"
/* Bind the unit's id to a statement over SUBTREE_NEAR (near) or
 * SUBTREE_ANY. */
void st_bind_subtree(struct store *s, struct stmt *st, int64_t root, bool near);

/* A driver met a passing failure (a code of store_fault). */
void st_fault(enum err_code code);

/* A prepared statement made once per store and reused; give it back. */
struct stmt *st_prep(struct store *s, const char *sql, struct error *err);
void st_done(struct store *s, struct stmt *st);
/* Now, UTC, ISO 8601 to the second. */
void st_now(char out[32]);
char *st_dup(const char *s);
/* Step st (NULL: a failed st_prep, -1) to its end, each row read by read
 * into a new element (size bytes, zeroed) of the array *out. */
int st_collect(struct store *s, struct stmt *st, void **out, size_t *n, size_t size,
               void (*read)(struct store *, struct stmt *, void *), struct error *err);
/* Append to the audit log (errors ignored: the action itself succeeded). */
void st_audit(struct store *s, const char *actor, const char *action, const char *entity,
              int64_t id, const char *detail);
/* The rules of store_unit_add, for restore to check a dump by: a unit
 * code's characters; a kind's level (0 country .. 3 commune or ward; -1
 * not a kind; a parent's level is lower than its child's). */
bool st_unit_code_ok(const char *code);
int st_unit_kind_level(const char *kind);
/* A new file at path (a stale one removed first), mode 0600 from its
 * creation, for writing; NULL with *err. */
FILE *st_create_private(const char *path, struct error *err);
/* Run a statement whose text parameters are a, b (and c when not NULL). */
int st_run3(struct store *s, const char *sql, const char *a, const char *b, const char *c,
            struct error *err);

/* Plan documents kept once each (plandocs.c): the SHA-256 of a text in
 * hex; the text stored under it (if new) with its hash into hash; the
 * step of migration 6 that moves each plan's own copy there. */
void st_doc_hash(const char *doc, char out[65]);
int st_plan_doc_put(struct store *s, const char *doc, char hash[65], struct error *err);
int st_plan_docs_migrate(struct store *s, struct error *err);

/* A plan's rows written set by set (plansave.c), in the caller's
 * transaction: st_plan_tables makes and empties the temporary tables
 * first; st_series_recode gives each series ids[i] the code codes[i]
 * (names: unused since schema 14 dropped series.folded); st_plan_rows_save writes the
 * plan's agencies, indicators (on series[i], 0: a new series), their
 * agency links and targets, and its tasks. 0, or -1 with *err. */
int st_plan_tables(struct store *s, struct error *err);
int st_series_recode(struct store *s, const int64_t *ids, char *const *codes, char *const *names,
                     size_t n, struct error *err);
int st_plan_rows_save(struct store *s, int64_t unit, int64_t plan, const struct plan *p,
                      const int64_t *series, struct error *err);
/* Plan content kept once per distinct content (plancontent.c, schema 13):
 * st_plan_content_put stores what the temporary tables of st_plan_tables
 * hold (plan_ind with every series_id set, plan_ia, plan_tgt, plan_task)
 * as plan's content, shared with every plan whose rows are the same, and
 * maps the plan's indicators to their series (keep_ids: plan_indicators
 * take plan_ind.ord as their ids). st_plan_content_from moves the rows of
 * the schema-12 tables indicators, indicator_agencies, targets and tasks
 * (restored: the temporary restore_NAME of a dump) into that form, keeping
 * the indicators' ids;
 * st_plan_content_migrate is migration 13's step (the old tables become
 * views). 0, or -1 with *err. */
int st_plan_content_put(struct store *s, int64_t plan, bool keep_ids, struct error *err);
int st_plan_content_from(struct store *s, bool restored, struct error *err);
int st_plan_content_migrate(struct store *s, struct error *err);
/* 1 when the store is in that form already (indicators a view), 0 when
 * not, -1 with *err. */
int st_plan_content_formed(struct store *s, struct error *err);
/* The views of schema 13 (indicators, indicator_agencies, targets, tasks)
 * made again, once dropped (a step that changes the tables under them). */
int st_plan_content_views(struct store *s, struct error *err);
/* A temporary table of that name with those columns (types: i integer,
 * r real, t text; cols NULL-terminated), the n rows of cells copied in:
 * where a restore puts rows it moves on (dump.c). */
int st_restore_temp(const struct driver *d, void *db, const char *table, const char *const *cols,
                    const char *types, char *const *cells, size_t n, struct error *err);
/* After store_restore_file: the dump's plan rows (temporary tables
 * restore_indicators and the others) moved to contents, then dropped. */
int st_plan_content_restore(struct store *s, struct error *err);

/* Schema 14 (linknotes.c): migration 14's step (series.folded dropped,
 * links' texts moved to link_whys and link_decisions); a dump's links
 * (the columns of schema 5) back into that form; the id of a why text
 * (0 for NULL; stored when new) and of a new decision by whom, when. 0,
 * or -1 with *err. */
int st_links_compact_migrate(struct store *s, struct error *err);
/* Schema 15 (narrow.c): migration 15's step, and a dump's agencies (id,
 * unit_id, name, folded; in the temporary table restore_agencies, which
 * goes) into unit_agencies and agency_names. 0, or -1 with *err. */
int st_narrow_migrate(struct store *s, struct error *err);
/* Schema 16 (linkstate.c): a link's state is a small code in link_rows
 * (0 proposed, 1 confirmed, 2 rejected); links is a view with the columns
 * of schema 14 (state as text) for readers. Writers write link_rows. */
#define LINK_PROPOSED  "0"
#define LINK_CONFIRMED "1"
#define LINK_REJECTED  "2"
/* The code of a state given as one text parameter. */
#define LINK_STATE_CODE                                                                            \
	"CASE CAST(? AS TEXT) WHEN 'proposed' THEN 0 WHEN 'confirmed' THEN 1"                      \
	" WHEN 'rejected' THEN 2 END"
/* The text of the code in column c. */
#define LINK_STATE_TEXT(c)                                                                         \
	"CASE " c " WHEN 0 THEN 'proposed' WHEN 1 THEN 'confirmed' ELSE 'rejected' END"
int st_link_state_migrate(struct store *s, struct error *err);
int st_agencies_restore(const struct driver *d, void *db, struct error *err);
int st_links_restore(const struct driver *d, void *db, struct error *err);
int st_link_why(struct store *s, const char *why, int64_t *id, struct error *err);
/* The same for a text not found in link_whys a moment ago: no lookup first. */
int st_link_why_add(struct store *s, const char *why, int64_t *id, struct error *err);
/* A row of (who, when) added by sql ("INSERT ... VALUES (?, ?) RETURNING
 * id"): its id in *id; what names it in the error when none came back. */
int st_add_by_at(struct store *s, const char *sql, const char *by, const char *at, const char *what,
                 int64_t *id, struct error *err);
int st_link_decision(struct store *s, const char *by, const char *at, int64_t *id,
                     struct error *err);

/* The batch of figures being recorded (the driver's temporary table
 * incoming): emptied, filled by any number of calls, then applied: rows
 * equal to the stored figure dropped (*unchanged), approved ones refused
 * (a problem each), the rest written with their history. apply: 0 done, 1
 * refused (ps), -1 error (*err). Inside the caller's transaction. */
int st_incoming_reset(struct store *s, struct error *err);
int st_incoming_add(struct store *s, const struct obs_rec *o, const int *lines, size_t n,
                    struct error *err);
int st_incoming_apply(struct store *s, size_t n, const char *by, const char *reason,
                      struct problems *ps, size_t *unchanged, struct error *err);

/* store_change_mark when the probe tells it without a query (the probe
 * is run: its news are taken), else -1. */
int64_t st_mark_known(struct store *s);

#endif
