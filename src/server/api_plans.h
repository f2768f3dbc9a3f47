/* api_plans.h: the API routes of plan uploads and drafts (api_plans.c),
 * each given the route's path parameters in order; api.c lists them. */
#ifndef CHITIEU_API_PLANS_H
#define CHITIEU_API_PLANS_H

#include "app.h"

void api_draft_upload(struct ctx *c, const char *const *p);
void api_draft_job(struct ctx *c, const char *const *p);
void api_draft_get(struct ctx *c, const char *const *p);
void api_draft_diff(struct ctx *c, const char *const *p);
void api_draft_patch(struct ctx *c, const char *const *p);
void api_draft_publish(struct ctx *c, const char *const *p);
void api_draft_delete(struct ctx *c, const char *const *p);
void api_target_preview(struct ctx *c, const char *const *p);

#endif
