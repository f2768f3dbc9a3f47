/* store.h: where plans, units and reported figures are kept. One interface,
 * two backends behind a table of functions: SQLite (a file, the default) and
 * PostgreSQL (a province or the country). Callers never see SQL. */
#ifndef CHITIEU_STORE_H
#define CHITIEU_STORE_H

#include "figure.h"
#include "observation.h"
#include "plan.h"

struct align_item;

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"

struct store;

struct unit_rec {
	int64_t id;
	char *code, *name, *kind, *parent_code; /* parent_code NULL at the top */
	int64_t population;                     /* 0 when unknown */
	int cutoff_day; /* day of the month data are cut off; 0: inherited (Decree: 15) */
};

void unit_rec_free(struct unit_rec *u);

struct import_report {
	int64_t plan_id;
	int version;
	size_t matched, added; /* indicators matched to the previous version / new */
	char **unmatched;      /* codes of the previous version no longer in the plan */
	size_t nunmatched;
};

void import_report_free(struct import_report *r);

/* Open (creating when missing) the database at url: a file name, or
 * "postgresql://..." for PostgreSQL. Returns NULL with *err (caller frees). */
struct store *store_open(const char *url, struct error *err);
void store_close(struct store *s);

/* The passing failures of a database, which the same request may not meet
 * a little later: the code of the most serious one seen on this thread
 * since store_fault_clear, or ERR_NONE. ERR_UNAVAILABLE: PostgreSQL cannot
 * be reached or the connection was lost; ERR_DISK_FULL: no space left to
 * write; ERR_BUSY: another process held the write lock beyond the busy
 * timeout (SQLite) or a lock could not be had (PostgreSQL). The calls that
 * failed return their errors as always; this says the database's state
 * caused them, not the request. */
enum err_code store_fault(void);
void store_fault_clear(void);

/* After a failure: a PostgreSQL connection found lost is opened again (its
 * prepared statements are made anew as they are used), at most once per
 * backoff interval (0.25 s doubling to 5 s while it keeps failing). 1 when
 * it was lost and works again, 0 when it was not lost (always for SQLite),
 * -1 when it is still lost (*err when err is not NULL). */
int store_reconnect(struct store *s, struct error *err);

/* Transactions: everything between begin and commit lands, or nothing (a
 * commit that fails rolls back). */
int store_begin(struct store *s, struct error *err);
int store_commit(struct store *s, struct error *err);
void store_rollback(struct store *s);

int store_unit_add(struct store *s, const struct unit_rec *u, struct problems *ps);
/* 0 found, 1 not found, -1 error (*err). */
int store_unit_get(struct store *s, const char *code, struct unit_rec *out, struct error *err);
int store_unit_list(struct store *s, struct unit_rec **out, size_t *n, struct error *err);
/* The cut-off day in force for a unit: its own, else its nearest ancestor's,
 * else 15 (Decree 09/2019/NĐ-CP). */
int store_cutoff_day(struct store *s, int64_t unit_id, struct error *err);
/* A unit's report settings (settings.h) as JSON text into *doc (caller
 * frees; NULL when none were set): 0, or -1 with *err (E_UNKNOWN_UNIT). */
int store_unit_settings_get(struct store *s, const char *unit_code, char **doc, struct error *err);
/* Replace them with doc, checked by settings_parse and kept in its
 * canonical form; by is who set them (audited). 0, or -1 with *err
 * (E_SETTINGS, E_UNKNOWN_UNIT). */
int store_unit_settings_set(struct store *s, const char *unit_code, const char *doc, const char *by,
                            struct error *err);
/* Set a unit's own cut-off day (1 to 28; 0: inherited), audited: 0, 1 no
 * such unit, 2 a day out of range, -1 with *err. */
int store_unit_cutoff(struct store *s, const char *code, int day, const char *by,
                      struct error *err);

/* How an indicator of a re-imported plan relates to the previous version
 * (names compared folded: case, diacritics, punctuation and the usual
 * abbreviations do not count). */
enum plan_match {
	PLAN_SAME,       /* same code, same name: its figures continue */
	PLAN_RENUMBERED, /* same name under a new code: its figures follow it */
	PLAN_REPLACED,   /* same code, another name: a new indicator; the old
	                    one's figures stay with the old one, retired */
	PLAN_NEW,        /* a code and a name not in the previous version */
	PLAN_DROPPED,    /* an old indicator no longer there: retired with its
	                    figures */
};

struct plan_mapping {
	enum plan_match match;
	char *old_code, *old_name; /* NULL for PLAN_NEW */
	char *new_code, *new_name; /* NULL for PLAN_DROPPED */
	int64_t figures;           /* figures recorded on the old indicator */
};

/* What saving p would do to the unit's indicators, without writing: one
 * row per new indicator in plan order, then one per dropped one. *confirm
 * is set when anything is not a plain continuation or a plain addition
 * (a person should look before it is saved), or when a task's progress is
 * at stake (store_plan_task_mapping). 0, or -1 with *err. */
int store_plan_mapping(struct store *s, int64_t unit_id, const struct plan *p,
                       struct plan_mapping **out, size_t *n, bool *confirm, struct error *err);
void plan_mapping_free(struct plan_mapping *m, size_t n);
const char *plan_match_name_vi(enum plan_match m);

/* A task code of the previous version with progress reported against it
 * (task_progress) that saving p would not keep as it is, matched as
 * indicators are (titles folded as names): PLAN_RENUMBERED, the same
 * title under a new code (its progress follows it); PLAN_REPLACED, the
 * same code with another title (the old progress stays with the old task,
 * retired); PLAN_DROPPED, neither (retired with its progress). */
struct task_mapping {
	enum plan_match match;
	char *old_code, *old_title;
	char *new_code, *new_title; /* NULL for PLAN_DROPPED */
	int64_t progress;           /* progress reports of the old code */
	char *aside;                /* "CODE~vN": the code its reports set aside take */
	char **clash;               /* PLAN_RENUMBERED: the periods new_code has a
	                               report of already (kept): the old code's
	                               reports of those are set aside */
	size_t nclash;
};

/* What saving p would do to the progress reported against the unit's
 * tasks, without writing: one row per task code at stake, in the previous
 * version's order (none when nothing is at stake). store_plan_mapping's
 * *confirm is also set when there is one. 0, or -1 with *err. */
int store_plan_task_mapping(struct store *s, int64_t unit_id, const struct plan *p,
                            struct task_mapping **out, size_t *n, struct error *err);
void task_mapping_free(struct task_mapping *m, size_t n);
/* What saving does with m's reports, a sentence for officials; the caller
 * frees it. */
char *task_mapping_vi(const struct task_mapping *m);

/* Store a parsed plan as the unit's newest version; indicators are matched
 * to the previous version as store_plan_mapping says: each series of
 * figures stays with the indicator it was recorded for; and a task's
 * progress as store_plan_task_mapping says (renumbered: it takes the new
 * code, but for a period the new code has a report of; replaced or
 * dropped: set aside as "CODE~vN", N the previous version, kept and
 * listed by store_task_aside). */
int store_plan_save(struct store *s, int64_t unit_id, const struct plan *p, const char *source,
                    const char *by, struct import_report *rep, struct error *err);

struct plan_row {
	int64_t id;
	char *unit_code, *title, *number, *source, *imported_at;
	int version;
	size_t nind, ntasks;
	bool current;
};

void plan_row_free(struct plan_row *r);
int store_plan_list(struct store *s, const char *unit_code, struct plan_row **out, size_t *n,
                    struct error *err);
/* The stored plan as JSON text (the contract of `chitieu parse`); caller frees. */
int store_plan_json(struct store *s, int64_t plan_id, char **json, struct error *err);

/* The unit's current plan as stored (the JSON of `chitieu parse`); 0, 1
 * when the unit has no plan, -1 on error. The caller frees *json. */
int store_plan_current(struct store *s, int64_t unit_id, char **json, struct error *err);

/* The same, read into *p (the caller frees with plan_free on 0). */
int store_plan_load(struct store *s, int64_t unit_id, struct plan *p, struct error *err);

/* 0 found, 1 not found, -1 error. */
int store_series_get(struct store *s, int64_t unit_id, const char *code, struct series_rec *out,
                     struct error *err);

/* Every indicator of the unit's current plan, in one query. */
int store_series_all(struct store *s, int64_t unit_id, struct series_rec **out, size_t *n,
                     struct error *err);

/* Record n checked figures inside the caller's transaction: each replaced
 * figure goes to the history with by, the time and reason. 0 done; 1 when
 * some are approved and locked (a problem each, with its line, in ps;
 * nothing written); -1 on a database error (*err). */
int store_obs_put_many(struct store *s, const struct obs_rec *o, const int *lines, size_t n,
                       const char *by, const char *reason, struct problems *ps, struct error *err);
/* The same, with the count of figures equal to the stored ones (not
 * written again: no history row, no new version) into *unchanged. */
int store_obs_put_many_sum(struct store *s, const struct obs_rec *o, const int *lines, size_t n,
                           const char *by, const char *reason, struct problems *ps,
                           size_t *unchanged, struct error *err);
int store_obs_list(struct store *s, int64_t unit_id, const char *period, struct obs_rec **out,
                   size_t *n, struct error *err);
/* The unit's figures of period (NULL: all) kept under "CODE~vN": their
 * series retired when plan version N+1 replaced or dropped its indicator
 * (store_plan_save), as store_obs_list orders them. The figures' side of
 * store_task_aside. */
int store_obs_aside(struct store *s, int64_t unit_id, const char *period, struct obs_rec **out,
                    size_t *n, struct error *err);
/* Every figure of the unit root and of the units up to two levels under
 * it (a country's provinces and their communes), one call of fn each with
 * the unit's code and the figure's period, kind and value (code and level
 * valid during the call only; no note, status or author), in no particular
 * order: what an engine is built from. The rows are read from the
 * database as fn takes them (not all held first: millions at a country):
 * fn may not use s, nor may the two below. */
int store_obs_scan(struct store *s, int64_t root,
                   void (*fn)(void *arg, const char *unit, const struct obs_rec *o), void *arg,
                   struct error *err);
/* Every figure of the unit root and of every unit under it, in one query
 * (near: the units under it lie at most three levels down, which indexes
 * answer best; else at any depth): fn gets each (as store_obs_list reads
 * it, with its code) with its unit's id, in no particular order, and owns
 * it. */
int store_obs_subtree(struct store *s, int64_t root, bool near,
                      void (*fn)(void *arg, int64_t unit_id, struct obs_rec *o), void *arg,
                      struct error *err);
/* The same figures with only what evaluation reads (code, period, value,
 * num, den, level, yes: no note, status, author or version), from the
 * figures' own table in one scan: what a hold packs (family.c). o and its
 * strings are valid during the call only. */
int store_figs_subtree(struct store *s, int64_t root, bool near,
                       void (*fn)(void *arg, int64_t unit_id, const struct obs_rec *o), void *arg,
                       struct error *err);
/* The current plan of root and of every unit under it: fn_unit once per
 * unit with a plan (its id and the plan document's hash), then fn_doc
 * once per distinct document (its hash and text); two queries. */
int store_plans_subtree(struct store *s, int64_t root, bool near,
                        void (*fn_unit)(void *arg, int64_t unit_id, const char *hash),
                        void (*fn_doc)(void *arg, const char *hash, const char *doc), void *arg,
                        struct error *err);
/* The confirmed links of root's and every unit under it's indicators
 * (store_link_map of each, in one query): fn per link with the child
 * unit's id, its indicator's code and the parent's code (valid during the
 * call). */
int store_links_subtree(struct store *s, int64_t root, bool near,
                        void (*fn)(void *arg, int64_t unit_id, const char *child_code,
                                   const char *parent_code),
                        void *arg, struct error *err);
/* After a bulk write has committed (import of many plans, a large CSV of
 * figures, link propose): PostgreSQL's statistics of the tables it filled
 * (a comma-separated list), which autovacuum takes only a minute or more
 * later. Until then the planner guesses: the next command's per-unit reads
 * walked whole tables (27 ms a unit instead of 0.3 ms). Nothing on SQLite.
 * 0, or -1 with *err. */
int store_analyzed(struct store *s, const char *tables, struct error *err);
/* Statements run on s so far (each query once, however many rows): what
 * the tests count a hold's build by. */
long store_queries(const struct store *s);
/* Round trips to the database server on s so far (PostgreSQL: each
 * statement sent and waited for, several in one pipeline counted once);
 * 0 on SQLite, which has no server. */
long store_round_trips(const struct store *s);
/* The process of the database server serving s (PostgreSQL's backend);
 * 0 on SQLite, which has none. */
int store_server_pid(const struct store *s);
/* Reads of a unit's figures (store_obs_list) on s so far: what the tests
 * count a write's reading back of what it wrote by. */
long store_obs_lists(const struct store *s);
/* A server's connection: its commits no longer checkpoint SQLite's WAL
 * (the commit past 1000 pages would wait for the copy and its fsync);
 * store_checkpoint_due, called when the answer has gone out, does it once
 * the WAL has STORE_CHECKPOINT_PAGES. Nothing on PostgreSQL. */
#define STORE_CHECKPOINT_PAGES 1000
void store_checkpoint_later(struct store *s);
void store_checkpoint_due(struct store *s);
int store_obs_history(struct store *s, int64_t series_id, const char *period, struct obs_rec **out,
                      size_t *n, struct error *err);

/* Approving a figure one recorded or submitted oneself is refused
 * (E_FOUR_EYES) unless allowed here, and then only for a commune or ward
 * (a one-person office); such an approval says so in the audit log. For
 * the whole process: `chitieu serve --allow-self-approval`. */
void store_allow_self_approval(bool allow);
/* The workflow of a figure: draft -> submitted -> approved, or returned
 * with a comment; approved figures are locked until the office reopens
 * them. action is "submit", "approve", "return" or "reopen"; comment is
 * required for return and reopen. Every transition goes to the audit log.
 * 0 done; -1 with a problem in ps (E_NOT_FOUND, E_STATE, E_COMMENT,
 * E_FOUR_EYES, E_DB). */
int store_obs_transition(struct store *s, int64_t series_id, const char *period, const char *action,
                         const char *by, const char *comment, struct problems *ps);

struct audit_rec {
	char *at, *actor, *action, *entity, *detail;
	int64_t entity_id;
};

void audit_rec_free(struct audit_rec *a);
/* The audit log, oldest first; since (ISO time) may be NULL. */
int store_audit_list(struct store *s, const char *since, struct audit_rec **out, size_t *n,
                     struct error *err);

/* Progress of a task of the unit's current plan for a period: status
 * not_started | in_progress | done, percent 0..100 (-1 when not given). */
int store_task_progress(struct store *s, int64_t unit_id, const char *task_code, const char *period,
                        const char *status, int percent, const char *note, const char *evidence,
                        const char *by, struct problems *ps);

struct task_row {
	char *code, *title, *lead, *due, *status, *period,
	        *note; /* due, status, period may be NULL */
	int percent;   /* -1 when none */
	bool recurring, overdue;
};

void task_row_free(struct task_row *t);
/* The tasks of the unit's current plan with their latest progress up to
 * period (YYYY-MM or any period name); overdue when due before the end of
 * period and not done. Overdue first, then by due month. */
int store_task_list(struct store *s, int64_t unit_id, const char *period, struct task_row **out,
                    size_t *n, struct error *err);
/* The unit's reports set aside when a new plan version replaced or dropped
 * their task (store_plan_save), as tasks coded "CODE~vN" (N the version
 * CODE had them in) with their title and lead there, each with its latest
 * report up to period (as store_task_list); those with none up to it left
 * out. Also the reports under a bare code no task of the current plan has
 * (a version saved before reports were set aside left them so), with the
 * title and lead of the latest version that had it. By code. */
int store_task_aside(struct store *s, int64_t unit_id, const char *period, struct task_row **out,
                     size_t *n, struct error *err);

/* A consistent copy of a SQLite database into the file path, safe while
 * others write. PostgreSQL: use pg_dump, or store_dump. */
int store_backup(struct store *s, const char *path, struct error *err);
/* Everything as JSON into path; and from such a file into an empty
 * database of either backend (all or nothing). Both go a row at a time:
 * their memory does not grow with the figures. */
int store_dump(struct store *s, const char *path, struct error *err);
int store_restore(struct store *s, const char *path, struct error *err);

/* A figure that came as a number (a JSON number): taken as it is, never
 * written out and read again. */
struct obs_number {
	bool set;
	double v;
};

/* A figure as typed by a person or read from a CSV row: text fields, ""
 * when absent. value, num and den are read by figure_read in the given form
 * (FIGURE_TEXT, the default, for people; FIGURE_MACHINE for DHIS2), unless
 * the matching *_n is set. */
struct obs_input {
	const char *unit, *indicator, *period, *value, *num, *den, *level, *yes, *note, *evidence;
	int line;
	struct obs_number value_n, num_n, den_n;
	enum figure_form form;
};

/* Look up and check every row, then write them all in one transaction, or
 * none: 0, or -1 with every problem (with its line) in ps. */
int store_record_batch(struct store *s, const struct obs_input *in, size_t n, const char *by,
                       const char *reason, struct problems *ps);
/* The same checks as store_record_batch without writing anything (a
 * preview): 0, or -1 with every problem (with its line) in ps. */
int store_record_check(struct store *s, const struct obs_input *in, size_t n, struct problems *ps);

/* What a recording did: rows read, figures written, figures equal to the
 * stored ones (nothing written for them: no history, no new version). */
struct record_summary {
	size_t rows, written, unchanged;
};

/* store_record_batch, with the summary (sum may be NULL). */
int store_record_batch_sum(struct store *s, const struct obs_input *in, size_t n, const char *by,
                           const char *reason, struct problems *ps, struct record_summary *sum);

/* Recording a file of any size in one transaction, memory bounded: rows
 * come in chunks (store_record_stream_add: each row looked up, checked and
 * loaded into the batch table, nothing kept per row), and at the end every
 * problem of the whole file (duplicates across chunks too) or all figures
 * written at once. open: NULL with a problem in ps when the transaction
 * cannot start. end: 0 written and committed, -1 nothing written (ps);
 * frees rs. */
struct record_stream;
struct record_stream *store_record_stream(struct store *s, const char *by, const char *reason,
                                          struct problems *ps);
void store_record_stream_add(struct record_stream *rs, const struct obs_input *in, size_t n);
int store_record_stream_end(struct record_stream *rs, struct record_summary *sum);

/* Accounts. role: admin, office (a unit), reporter (an agency of a unit),
 * viewer (a unit, read only). pw_hash is an Argon2id string (auth.h). */
struct user_rec {
	int64_t id;
	char *login, *name, *role, *unit_code, *agency; /* unit_code, agency may be NULL */
	char *pw_hash;
	bool disabled;
	int64_t epoch; /* credential generation: sessions and tokens of an older one end */
};

void user_rec_free(struct user_rec *u);
/* 0, or -1 with problems (E_LOGIN, E_NAME, E_ROLE, E_UNIT, E_AGENCY,
 * E_UNKNOWN_UNIT, E_LOGIN_TAKEN, E_DB). The login is kept normalised
 * (auth_login_normalize: NFC, lower case, [a-z0-9._-]); names and agencies
 * with control, bidi or zero-width characters are refused (auth_text_clean). */
int store_user_add(struct store *s, const struct user_rec *u, const char *by, struct problems *ps);
/* 0 found, 1 not found, -1 error. login is normalised first. */
int store_user_get(struct store *s, const char *login, struct user_rec *out, struct error *err);
int store_user_list(struct store *s, struct user_rec **out, size_t *n, struct error *err);
/* 0 done, 1 no such login, -1 error. Each ends the account's sessions and
 * tokens: its credential generation grows and its tokens are revoked. */
int store_user_password(struct store *s, const char *login, const char *pw_hash, const char *by,
                        struct error *err);
int store_user_disable(struct store *s, const char *login, bool disabled, const char *by,
                       struct error *err);
/* A new role (with its unit and agency, checked as for a new account):
 * 0, or -1 with problems (E_UNKNOWN_USER, E_ROLE, E_UNIT, E_AGENCY,
 * E_UNKNOWN_UNIT, E_DB). Ends the account's sessions and tokens too. */
int store_user_role(struct store *s, const char *login, const char *role, const char *unit_code,
                    const char *agency, const char *by, struct problems *ps);
/* API tokens, kept as a hash, valid for days (1 to 3650) with a scope:
 * "read", "write" (what the account may) or "write:A,B" (writes only to
 * those units). 0 (the new token's id in *id), 1 no such login, 2 a bad
 * scope or number of days, -1. */
int store_token_add(struct store *s, const char *login, const char *token_hash, const char *label,
                    int days, const char *scope, const char *by, int64_t *id, struct error *err);
/* The account a live token belongs to (not revoked, not expired)  and its scope (caller frees):
 * 0, 1 none, -1. */
int store_token_user(struct store *s, const char *token_hash, struct user_rec *out, char **scope,
                     struct error *err);
/* The same, with when the token expires (st_now's form) into expires. */
int store_token_user_until(struct store *s, const char *token_hash, struct user_rec *out,
                           char **scope, char expires[32], struct error *err);
struct token_rec {
	int64_t id;
	char *login, *label, *created_at, *expires_at, *scope;
	bool revoked;
};
void token_rec_free(struct token_rec *t);
/* The tokens of a login (NULL: all), newest first. */
int store_token_list(struct store *s, const char *login, struct token_rec **out, size_t *n,
                     struct error *err);
/* Revoke token id (of owner when not NULL): 0, 1 no such token, -1. */
int store_token_revoke(struct store *s, int64_t id, const char *owner, const char *by,
                       struct error *err);

/* A number that grows with every change (the audit log's last id): what
 * was computed at one mark is still true while the mark is the same. Read
 * from the store only when the driver's probe says the database may have
 * changed (SQLite: the WAL-index header moved; PostgreSQL: a notification
 * st_audit sends came), or after a write of this connection; else kept,
 * at no query. */
int64_t store_change_mark(struct store *s, struct error *err);
/* How many changes between two marks (after, upto] someone other than
 * actor made; -1 on error. */
/* Group commit (group.c): store_group_begin (at the store's mark), then for each write
 * store_group_item_begin, its statements, store_group_item_end (false: it
 * was rolled back, alone, and *lost writes kept before it went with it),
 * and store_group_commit once (0 when every kept write is stored). */
void store_group_begin(struct store *s, int64_t mark);
/* After store_group_commit, the mark once the group's figures are
 * committed, when nothing but them was written since the group began:
 * the units and plans it read serve the next group begun at that mark. */
void store_group_keep(struct store *s, int64_t mark);
int store_group_item_begin(struct store *s, struct error *err);
bool store_group_item_end(struct store *s, int *lost);
int store_group_commit(struct store *s, struct error *err);
/* COMMITs that succeeded and audit entries written on this connection. */
long store_commits(const struct store *s);
long store_audits(const struct store *s);
/* The figures the last store_obs_put_many_sum (store_record_batch_sum)
 * wrote, as the store now has them (version, status, author, time and
 * the indicator's code with them; the unchanged ones not among them),
 * taken from the write itself, no query after it: true with *o and *n
 * (the store's, valid until its next write), false when not known (a
 * large batch on PostgreSQL, a write that failed or was undone). */
bool store_written(const struct store *s, const struct obs_rec **o, size_t *n);
/* The audit ids this connection's writes get are counted from here
 * (a group's or a write's beginning). */
void store_write_ids_reset(struct store *s);
/* The change mark after this connection's writes since
 * store_write_ids_reset, from their own audit ids, no query: when they
 * are every id after m0 (m0 + 1 to the highest, none missing, so nobody
 * else wrote in between) the highest, and the connection's mark is set
 * to it; else -1 (then ask store_change_mark_foreign). */
int64_t store_write_mark(struct store *s, int64_t m0);
/* store_change_mark after a write, and into *foreign the audit entries
 * after it by anyone but the n actors (0 when n is 0): one query where
 * the mark must be read; -1 on error. */
int64_t store_change_mark_foreign(struct store *s, int64_t after, char *const *actors, size_t n,
                                  int64_t *foreign, struct error *err);
/* Audit entries after..upto by anyone but the n actors. */
int64_t store_audit_foreign_any(struct store *s, int64_t after, int64_t upto, char *const *actors,
                                size_t n, struct error *err);
int64_t store_audit_foreign(struct store *s, int64_t after, int64_t upto, const char *actor,
                            struct error *err);

/* Shared indicators (links.c): each indicator of a child unit's plan is
 * linked to at most one indicator of its parent unit's plan. Links join
 * series, so they survive re-import; a link whose child or parent
 * indicator is no longer in its unit's current plan is "gone" (listed,
 * never used). state: "proposed", "confirmed" or "rejected". */
struct link_rec {
	int64_t id;
	char *child_unit, *child_code, *child_name;
	char *parent_unit, *parent_code, *parent_name;
	char *state, *why, *by, *at; /* why: the matcher's reasons, "; " between */
	double score;
	bool gone;
};
void link_rec_free(struct link_rec *r);

/* Bulk-confirm threshold of `link confirm --all-sure`. */
#define LINK_SURE 0.95

/* Propose links from the child unit's current plan to its parent's
 * (align_match). Pairs already known (proposed, confirmed or rejected) are
 * left as they are. A pair written alike (same folded name, unit and
 * targets: two plans of the same text) is confirmed at once, the audit
 * saying so. 0; 1 when the child has no plan; -1 with *err (E_NO_PARENT,
 * E_NO_PLAN: the parent has none). */
struct why_ids;
struct link_parent {
	struct why_ids *whys; /* the ids of the link texts asked so far (links.c) */
	bool loaded;
	int64_t unit;
	struct plan p;
	struct align_item **items;
	int64_t *series;
};
/* cache (may be NULL) keeps the parent's plan between calls for children
 * of the same parent, and the link texts' ids, within one transaction;
 * free with link_parent_free. */
int store_link_propose(struct store *s, int64_t child, struct link_parent *cache, const char *by,
                       size_t *proposed, size_t *confirmed, struct error *err);
void link_parent_free(struct link_parent *c);
/* The links into the plan of unit parent (its children's), state NULL for
 * all; ordered by child unit. */
int store_link_list(struct store *s, int64_t parent, const char *state, struct link_rec **out,
                    size_t *n, struct error *err);
/* action "confirm" (parent_code NULL: the proposal made), "reject" or "set"
 * (a person points to parent_code). A confirm or set between indicators
 * that cannot be added together (align_score refuses: % vs a count, a
 * rank vs a number ...) is refused with E_INCOMPATIBLE and the reasons.
 * Confirming makes every other confirmed link of the child indicator
 * rejected. Audited. 0, or -1 with problems. */
int store_link_decide(struct store *s, int64_t child, const char *code, const char *parent_code,
                      const char *action, const char *by, struct problems *ps);
/* Confirm the proposals into parent's plan scoring at least threshold,
 * whose child indicator has no confirmed link yet. */
int store_link_confirm_sure(struct store *s, int64_t parent, double threshold, const char *by,
                            size_t *n, struct error *err);

/* The child unit's confirmed links that are not gone: its indicator code ->
 * its parent's indicator code. */
struct link_pair {
	char *child_code, *parent_code;
};
int store_link_map(struct store *s, int64_t child, struct link_pair **out, size_t *n,
                   struct error *err);
void link_pairs_free(struct link_pair *p, size_t n);

/* A province or the country without its own plan document gets a
 * catalogue of the indicators two of its children or more have: those
 * their different plan texts share (align_group over the current plans,
 * each plan text once, named and numbered by the first member, a letter
 * added to a code already taken), and every indicator of a plan text two
 * children or more use (a single child: all of its), saved as the unit's plan with source
 * PLAN_CATALOGUE (a generated plan). Running it again re-saves it as a new version (series and
 * links kept as on any re-import). Refused when the unit's current plan is its own document
 * (E_HAS_PLAN) or no child has a plan (E_NO_PLAN). */
#define PLAN_CATALOGUE "catalogue"
int store_plan_catalogue(struct store *s, int64_t unit, const char *by, struct import_report *rep,
                         size_t *children, size_t *nind, struct error *err);
/* 1 when the unit's current plan is a generated catalogue, 0 when not (or
 * no plan), -1 on error. */
int store_plan_generated(struct store *s, int64_t unit, struct error *err);

/* ---- plan drafts (drafts.c): a document read on upload, corrected, then
 * published with store_plan_save ---- */
struct draft_rec {
	int64_t id, unit_id;
	char *filename, *created_by, *created_at, *expires_at;
	char *parsed, *doc; /* plan JSON: as read, as corrected */
};
void draft_rec_free(struct draft_rec *d);
/* Store a new draft of the unit that expires in hours; drafts past their
 * time are removed first. 0 and *id, or -1 with *err. */
int store_draft_add(struct store *s, int64_t unit_id, const char *filename, const char *by,
                    const char *json, int hours, int64_t *id, struct error *err);
/* The draft id of the unit, unexpired: 0, 1 when there is none, -1 error. */
int store_draft_get(struct store *s, int64_t unit_id, int64_t id, struct draft_rec *out,
                    struct error *err);
/* Replace the corrected plan of a draft: 0, 1 when there is none, -1. */
int store_draft_update(struct store *s, int64_t unit_id, int64_t id, const char *doc,
                       struct error *err);
/* Remove a draft (published or abandoned): 0, or -1. */
int store_draft_delete(struct store *s, int64_t unit_id, int64_t id, struct error *err);
/* How many drafts are stored (any unit, expired too): for tests. */
int store_draft_count(struct store *s, int64_t *n, struct error *err);

/* The schema version this build writes (and upgrades older databases to). */
int store_schema_version(void);

#endif
