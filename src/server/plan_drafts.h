/* plan_drafts.h: what the API (api_plans.c) and the upload page
 * (page_upload.c) share: an upload read into a draft, the draft's view,
 * its difference from the plan in force, and its publication. */
#ifndef CHITIEU_PLAN_DRAFTS_H
#define CHITIEU_PLAN_DRAFTS_H

#include "app.h"
#include "upload.h"
#include "error.h"

#define DRAFT_HOURS 72 /* a draft not published is removed after this */

/* Start reading the "file" part of the request's multipart body for unit
 * u. 0 with id; -1 with *err, a code and a sentence (nothing stored). */
int pd_start(struct ctx *c, const struct unit_rec *u, char id[UPLOAD_ID_MAX], struct error *err);

/* Wait at most ms for job id to finish, during a POST (whose write lock
 * is let go meanwhile). */
void pd_wait(struct ctx *c, const char *id, int ms);

/* The state of job id of unit u into *st (upload_get); a finished job not
 * yet stored is stored now as a draft (st->draft). false when there is no
 * such job; -1 in *rc with *err when storing failed. */
bool pd_collect(struct ctx *c, const struct unit_rec *u, const char *id, struct upload_status *st,
                struct error *err);

/* The draft (its JSON for the API and the page): {id, filename, created_by,
 * created_at, expires_at, plan, parsed, row_warnings, cell_flags}. NULL
 * with *err (ERR_NOT_FOUND) when there is no such draft. */
json_t *pd_draft_json(struct ctx *c, const struct unit_rec *u, int64_t id, struct error *err);

/* The draft's difference from the plan in force: draft_diff's, with
 * "mapping" (store_plan_mapping: what keeps, renumbers, replaces, drops
 * which figures) and "confirm" (publishing needs a confirmation), and
 * "current_version" (0: no plan yet). NULL with *err. */
json_t *pd_diff(struct ctx *c, const struct unit_rec *u, int64_t id, struct error *err);

/* Apply edits (draft_edit's) to the draft: 0, or -1 with *err. */
int pd_edit(struct ctx *c, const struct unit_rec *u, int64_t id, json_t *edits, struct error *err);

/* Publish the draft as the unit's new plan version (as `chitieu import`):
 * refused with ERR_CONFIRM when it renumbers, replaces or drops
 * indicators and confirm is false. 0 with *rep (caller frees), -1 *err. */
int pd_publish(struct ctx *c, const struct unit_rec *u, int64_t id, bool confirm,
               struct import_report *rep, struct error *err);

#endif
