/* review.h: what closes the loop between the one who enters figures and
 * the office that reviews them: the reasons of returned figures, reviews
 * of several figures at once (all or nothing), the drafts typed on the
 * entry page (kept as typed, even when wrong) and what an account has read
 * in its inbox. Schema version 9. */
#ifndef CHITIEU_REVIEW_H
#define CHITIEU_REVIEW_H

#include "store.h"
#include "error.h"

/* A figure of a unit sent back (or reopened) with a reason, while it waits
 * for the reporter: returned, or a draft again after the return and not
 * yet resubmitted (resubmitting clears the reason). */
struct returned_rec {
	char *unit, *code, *period, *reason, *action, *by, *at; /* action: return | reopen */
	int64_t obs_id;
};
void returned_rec_free(struct returned_rec *r);
/* The unit's figures waiting with a reason (period NULL: every period),
 * by period then code. 0, or -1 with *err. */
int store_returned_list(struct store *s, int64_t unit_id, const char *period,
                        struct returned_rec **out, size_t *n, struct error *err);

/* One figure to review: a unit's indicator and period. */
struct review_item {
	const char *unit, *code, *period;
};
/* Apply action ("approve", "return", "submit") to every item in one
 * transaction: all done, or none and every problem in ps (line = the
 * item's index + 1). comments[i] (may be NULL, or NULL entries) is item
 * i's own reason, else comment. 0 or -1. */
int store_review_many(struct store *s, const struct review_item *items, size_t n,
                      const char *action, const char *by, const char *comment,
                      const char *const *comments, struct problems *ps);

/* What a person typed for an indicator and period, kept as typed (the
 * fields form-encoded: "v=..&n=..&d=..&l=..&y=..&e=..&t=.."), per account. */
struct entry_draft {
	char *code, *period, *fields, *at;
};
void entry_draft_free(struct entry_draft *d);
int store_entry_draft_put(struct store *s, int64_t unit_id, const char *login, const char *code,
                          const char *period, const char *fields, struct error *err);
/* The account's drafts of the unit for a period (NULL: all). */
int store_entry_draft_list(struct store *s, int64_t unit_id, const char *login, const char *period,
                           struct entry_draft **out, size_t *n, struct error *err);
/* Forget the draft of code (NULL: of every indicator) for the period. */
int store_entry_draft_clear(struct store *s, int64_t unit_id, const char *login, const char *code,
                            const char *period, struct error *err);

/* Inbox messages are computed, each with a key; these keep which keys an
 * account has read. */
int store_inbox_mark(struct store *s, const char *login, const char *const *keys, size_t n,
                     struct error *err);
/* The keys the account has read (caller frees each and the array). */
int store_inbox_read(struct store *s, const char *login, char ***keys, size_t *n,
                     struct error *err);

/* Evidence files kept with a figure (an indicator and period of a unit),
 * checked by the caller; kept in the database (base64), so that backups
 * and both backends hold them. */
struct file_rec {
	int64_t id;
	char *code, *period, *name, *type, *by, *at; /* type: a MIME type */
	char *data;                                  /* size bytes */
	size_t size;
};
void file_rec_free(struct file_rec *f);
int store_file_put(struct store *s, int64_t unit_id, const char *code, const char *period,
                   const char *name, const char *type, const char *data, size_t size,
                   const char *by, int64_t *id, struct error *err);
/* 0 found, 1 not found (or of another unit), -1 error. */
int store_file_get(struct store *s, int64_t unit_id, int64_t id, struct file_rec *out,
                   struct error *err);

/* Schema version 9's tables (a migration step, both backends). */
#define REVIEW_TABLES(ID)                                                                          \
	"CREATE TABLE IF NOT EXISTS entry_drafts (unit_id BIGINT NOT NULL REFERENCES units(id),"   \
	" login TEXT NOT NULL, code TEXT NOT NULL, period TEXT NOT NULL, fields TEXT NOT NULL,"    \
	" saved_at TEXT NOT NULL, PRIMARY KEY (unit_id, login, code, period));"                    \
	"CREATE TABLE IF NOT EXISTS inbox_read (login TEXT NOT NULL, msg TEXT NOT NULL,"           \
	" read_at TEXT NOT NULL, PRIMARY KEY (login, msg));"                                       \
	"CREATE TABLE IF NOT EXISTS evidence_files (id " ID ", unit_id BIGINT NOT NULL"            \
	" REFERENCES units(id), code TEXT NOT NULL, period TEXT NOT NULL, name TEXT NOT NULL,"     \
	" type TEXT NOT NULL, size BIGINT NOT NULL, data TEXT NOT NULL, uploaded_by TEXT NOT "     \
	"NULL,"                                                                                    \
	" uploaded_at TEXT NOT NULL);"

#endif
