/* pages.h: inside the web pages (not for the rest of the server). Every page
 * is a function of the request and the wildcard segments of its route; the
 * one route table in pages.c says who may open it, so a page starts with
 * its work, not with access checks. */
#ifndef CHITIEU_PAGES_H
#define CHITIEU_PAGES_H

#include "app.h"
#include "figure.h"
#include "period.h"
#include "report.h"
#include "rollup.h"
#include "text.h"
#include "views.h"
#include "error.h"

#define B (&c->rs->body)

/* ---- the kit (pages_kit.c) ---- */
void pg_esc(struct ctx *c, const char *s);
const char *pg_role_vi(const char *role);
const char *pg_state_vi(const char *status);
/* The frame: <head>, the header with the unit's menu (unit may be NULL) and
 * the account; pg_foot closes it. */
void pg_head(struct ctx *c, const char *title, const char *unit);
void pg_foot(struct ctx *c);
void pg_redirect(struct ctx *c, const char *to);
/* A whole page holding one sentence, with the given status. */
void pg_plain(struct ctx *c, int status, const char *title, const char *msg);
/* Signed in and allowed, else the sign-in page or a 403 page. */
bool pg_may(struct ctx *c, enum right r, const char *unit);
/* The anti-forgery token of a posted form, else a 403 page. */
bool pg_post_ok(struct ctx *c);
int pg_form_status(const char *code);
void pg_badge(struct ctx *c, enum eval_status s);
/* A figure as it was entered, every digit ("2,125"). */
void pg_figure(struct ctx *c, double v);
/* A computed number (a share, a projection), to six digits. */
void pg_number(struct ctx *c, double v);
/* The unit's evaluated view for ?period= (approved figures only for the
 * public); false with an error page written. */
/* view_unit from the unit's hold in memory (app_hold), kept by every
 * write: 0, or -1 with *err. */
int pg_view_unit(struct ctx *c, const char *unit, int as_of, enum period_kind grain,
                 struct unit_view *v, struct error *err);
bool pg_unit_view(struct ctx *c, const char *unit, struct unit_view *v, char period[32],
                  bool approved_only);
/* A period named as people write it ("2026-Q3" → "Quý III/2026"); a name
 * that is not a period is written as it is. */
void pg_period(struct ctx *c, const char *name);
/* A stored UTC time ("2026-05-14T03:20:00Z" or "2026-05-14 03:20:00") as
 * local time in Việt Nam (UTC+7, no daylight saving): "14/05/2026 10:20";
 * "–" when empty. */
void pg_time(struct ctx *c, const char *utc);
/* The sentence people read for an error: known codes by a table, otherwise
 * the message. Static or inside err. */
const char *pg_err_sentence(const struct error *err);
/* A whole page with that sentence and the code's HTTP status. */
void pg_error(struct ctx *c, const char *title, const struct error *err);
/* The distinct periods of the figures, latest first (the shorter first at
 * one end); at most max, pointing into o. */
size_t pg_periods_of(const struct obs_rec *o, size_t n, const char **out, size_t max);
/* The period of ?period=, else latest (the latest period with data) when
 * given, else this month; false with a 400 written. */
bool pg_period_arg(struct ctx *c, const char *latest, int *as_of, enum period_kind *grain,
                   char name[32]);
/* The periods with figures of a unit (else of its first child with
 * figures), latest first, separated by spaces; "" when none. Caller frees. */
char *pg_unit_periods(struct ctx *c, const char *unit);
/* A GET form choosing ?period= among periods (and current). */
void pg_period_picker(struct ctx *c, const char *action, const char *current,
                      const char *const *periods, size_t n);
/* A small line of y[0..n-1] for a list, with its label for screen readers. */
void pg_sparkline(struct ctx *c, const double *y, int n, const char *label);
/* The same for the view made at period (ending in month as_of): counts,
 * filters (?loc=cham behind, ?loc=thieu without figures) when links, the
 * groups with headings, lead agency, latest figure with its period and a
 * sparkline of the figures up to as_of. */
void pg_status_table_at(struct ctx *c, const struct unit_view *v, bool links, const char *period,
                        int as_of);

/* ---- the pages (one file each group) ---- */
typedef void page_fn(struct ctx *c, char *const *arg);
page_fn page_signin, page_signout, page_account; /* page_account.c */
page_fn page_overview, page_indicator;           /* page_unit.c */
page_fn page_entry, page_approvals, page_tasks;  /* page_entry.c */
page_fn page_links;                              /* page_links.c */
page_fn page_province, page_report;              /* page_province.c */
page_fn page_home;                               /* page_home.c */
page_fn page_dashboard;                          /* page_dashboard.c */
/* "/" for an account of a unit: a 303 to its home (the dashboard above
 * communes, else the work of the open period); false for an administrator. */
bool page_home_redirect(struct ctx *c);
page_fn page_upload;                       /* page_upload.c */
page_fn page_inbox;                        /* page_inbox.c */
page_fn page_evidence, page_evidence_file; /* page_evidence.c */
/* The signed-in account's unread messages (-1: no inbox, no unit); on the
 * network thread without a kept count, the request is deferred. */
int pg_inbox_unread(struct ctx *c);
/* The account's messages as a list, at most max (a home page's box). */
void pg_inbox_list(struct ctx *c, size_t max);
page_fn page_admin, page_audit, page_import; /* page_admin.c */
page_fn page_public_home, page_public_unit;  /* page_public.c */
page_fn page_public_indicator, page_public_csv;
/* The chart of an indicator's figures and target path (page_unit.c). */
void page_unit_chart(struct ctx *c, const struct unit_view *v, const struct status_row *r);

#endif
