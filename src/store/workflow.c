/* workflow.c: what happens to a figure after it is recorded (submitted,
 * approved, returned, reopened), the audit log, and the progress of tasks. */
#include "figures.h"
#include "internal.h"

#include "period.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Workflow and audit ------------------------------------------------------- */

static const struct transition {
	const char *action, *from1, *from2, *to, *verb;
	bool comment;
} transitions[] = {
        {"submit", "draft", "returned", "submitted", "gửi", false},
        {"approve", "submitted", NULL, "approved", "duyệt", false},
        {"return", "submitted", NULL, "returned", "trả lại", true},
        {"reopen", "approved", NULL, "draft", "mở khóa", true},
};

static const char *status_vi(const char *st)
{
	return !strcmp(st, "draft")       ? "nháp"
	       : !strcmp(st, "submitted") ? "đã gửi"
	       : !strcmp(st, "approved")  ? "đã duyệt"
	       : !strcmp(st, "returned")  ? "bị trả lại"
	                                  : st;
}

static bool self_approval; /* store_allow_self_approval */

void store_allow_self_approval(bool allow)
{
	self_approval = allow;
}

/* Four eyes: who recorded the figure (observations.recorded_by) or last
 * submitted it (the audit log) may not approve it. 0 when by may, 1 when
 * by may only because self-approval is allowed for a commune or ward, -1
 * with the problem added. */
static int four_eyes(struct store *s, int64_t series, const char *period, const char *by,
                     struct problems *ps)
{
	struct error err = {0};
	struct stmt *st =
	        st_prep(s,
	                "SELECT o.recorded_by, n.kind, (SELECT a.actor FROM audit a WHERE"
	                " a.entity = 'observation' AND a.entity_id = o.id AND a.action = 'submit'"
	                " ORDER BY a.id DESC LIMIT 1) FROM observations o JOIN series se ON"
	                " se.id = o.series_id JOIN units n ON n.id = se.unit_id"
	                " WHERE o.series_id = ? AND o.period = ?",
	                &err);
	int rc = st ? 0 : -1;
	if (st) {
		/* The figure by its key (the id is not indexed since schema 11). */
		D->bind_int(st, 1, series);
		D->bind_text(st, 2, period);
		if (D->step(st, &err) == 1) {
			const char *rec = D->col_text(st, 0), *kind = D->col_text(st, 1),
			           *sub = D->col_text(st, 2);
			bool own = (rec && !strcmp(rec, by)) || (sub && !strcmp(sub, by));
			bool commune = kind && (!strcmp(kind, "commune") || !strcmp(kind, "ward"));
			if (own && self_approval && commune)
				rc = 1;
			else if (own) {
				problems_add(
				        ps, "E_FOUR_EYES", 0,
				        "Người đã nhập hoặc gửi số liệu (%s) không được tự duyệt; "
				        "cần người thứ hai duyệt",
				        by);
				rc = -1;
			}
		} else if (err_is(&err)) {
			problems_add(ps, err_name(err.code), 0, "%s", err.msg);
			rc = -1;
		}
		st_done(s, st);
	} else {
		problems_add(ps, err_name(err.code), 0, "%s", err.msg);
	}
	err_clear(&err);
	return rc;
}

int store_obs_transition(struct store *s, int64_t series, const char *period, const char *action,
                         const char *by, const char *comment, struct problems *ps)
{
	const struct transition *t = NULL;
	for (size_t i = 0; i < sizeof transitions / sizeof transitions[0]; i++)
		if (!strcmp(transitions[i].action, action))
			t = &transitions[i];
	if (!t) {
		problems_add(ps, "E_ACTION", 0, "Không có thao tác \"%s\"", action);
		return -1;
	}
	if (t->comment && (!comment || !*comment)) {
		problems_add(ps, "E_COMMENT", 0, "Cần ghi lý do khi %s",
		             !strcmp(action, "return") ? "trả lại số liệu" : "mở khóa số liệu");
		return -1;
	}
	struct error err = {0};
	char at[32];
	st_now(at);
	/* With whether the figure has a reviewer's comment: clearing one that
	 * is not there costs no statement (a submit of 56 figures ran 56 more). */
	struct stmt *st = st_prep(s,
	                          "SELECT id, status, review IS NOT NULL FROM observations WHERE"
	                          " series_id = ? AND period = ?",
	                          &err);
	int rc = -1;
	if (st) {
		D->bind_int(st, 1, series);
		D->bind_text(st, 2, period);
		rc = D->step(st, &err);
	}
	int64_t id = rc == 1 ? D->col_int(st, 0) : 0;
	int self = 0;
	char *from = rc == 1 ? xstrdup(D->col_text(st, 1)) : NULL;
	bool reviewed = rc == 1 && D->col_int(st, 2) != 0;
	if (st)
		st_done(s, st);
	if (rc < 0) {
		problems_add(ps, err_name(err.code), 0, "%s", err.msg);
	} else if (rc == 0) {
		problems_add(ps, "E_NOT_FOUND", 0, "Chưa có số liệu kỳ %s để %s", period, t->verb);
		rc = -1;
	} else if (strcmp(from, t->from1) && (!t->from2 || strcmp(from, t->from2))) {
		problems_add(ps, "E_STATE", 0,
		             "Số liệu kỳ %s đang ở trạng thái \"%s\": không thể %s", period,
		             status_vi(from), t->verb);
		rc = -1;
	} else if (!strcmp(action, "approve") &&
	           (self = four_eyes(s, series, period, by, ps)) < 0) {
		rc = -1;
	} else {
		/* The figure's key: its id is series x 1,000,000 + the period's
		 * code (figures.h). */
		int64_t code = id - series * 1000000;
		struct stmt *u = st_prep(s,
		                         "UPDATE figures SET status = " FIGURE_STATUS_CODE
		                         " WHERE series_id = ? AND period = ?",
		                         &err);
		rc = u ? 0 : -1;
		if (u) {
			D->bind_text(u, 1, t->to);
			D->bind_int(u, 2, series);
			D->bind_int(u, 3, code);
			rc = D->step(u, &err) < 0 ? -1 : 0;
			st_done(s, u);
		}
		if (!rc && (comment || reviewed))
			rc = st_figure_review(s, series, code, comment, &err);
		if (rc) {
			problems_add(ps, err_name(err.code), 0, "%s", err.msg);
		} else {
			char *detail =
			        xasprintf("%s %s -> %s%s%s%s", period, from, t->to,
			                  comment ? ": " : "", comment ? comment : "",
			                  self > 0 ? " [tự duyệt: người nhập cũng là người duyệt, "
			                             "được phép vì "
			                             "máy chủ chạy với --allow-self-approval (văn "
			                             "phòng xã một "
			                             "người)]"
			                           : "");
			st_audit(s, by, action, "observation", id, detail);
			free(detail);
		}
	}
	free(from);
	err_clear(&err);
	return rc;
}

void audit_rec_free(struct audit_rec *a)
{
	free(a->at);
	free(a->actor);
	free(a->action);
	free(a->entity);
	free(a->detail);
	memset(a, 0, sizeof *a);
}

int store_audit_list(struct store *s, const char *since, struct audit_rec **out, size_t *n,
                     struct error *err)
{
	struct stmt *st = st_prep(s,
	                          "SELECT at, actor, action, entity, entity_id, detail FROM audit"
	                          " WHERE CAST(? AS TEXT) IS NULL OR at >= ? ORDER BY id",
	                          err);
	if (!st)
		return -1;
	D->bind_text(st, 1, since);
	D->bind_text(st, 2, since);
	size_t cap = 0;
	*out = NULL;
	*n = 0;
	int rc;
	while ((rc = D->step(st, err)) == 1) {
		*out = xgrow(*out, &cap, *n + 1, sizeof **out);
		struct audit_rec *a = &(*out)[(*n)++];
		a->at = xstrdup(D->col_text(st, 0));
		a->actor = xstrdup(D->col_text(st, 1));
		a->action = xstrdup(D->col_text(st, 2));
		a->entity = xstrdup(D->col_text(st, 3));
		a->entity_id = D->col_int(st, 4);
		a->detail = st_dup(D->col_text(st, 5));
	}
	st_done(s, st);
	return rc < 0 ? -1 : 0;
}

/* ---- Tasks ------------------------------------------------------------------------- */

void task_row_free(struct task_row *t)
{
	free(t->code);
	free(t->title);
	free(t->lead);
	free(t->due);
	free(t->status);
	free(t->period);
	free(t->note);
	memset(t, 0, sizeof *t);
}

int store_task_progress(struct store *s, int64_t unit, const char *code, const char *period,
                        const char *status, int percent, const char *note, const char *evidence,
                        const char *by, struct problems *ps)
{
	size_t before = ps->n;
	struct period p;
	const char *why;
	char canon[16] = "";
	if (period_parse(period, &p, &why))
		problems_add(ps, "E_PERIOD", 0, "Kỳ báo cáo \"%s\": %s", period, why);
	else
		period_format(&p, canon, sizeof canon);
	if (strcmp(status, "not_started") && strcmp(status, "in_progress") &&
	    strcmp(status, "done"))
		problems_add(ps, "E_STATUS", 0,
		             "Trạng thái \"%s\" không hợp lệ: not_started, in_progress hoặc done",
		             status);
	if (percent > 100 || percent < -1)
		problems_add(ps, "E_PERCENT", 0, "Phần trăm hoàn thành %d nằm ngoài 0–100",
		             percent);
	struct error err = {0};
	struct stmt *st = st_prep(
	        s, "SELECT count(*) FROM tasks WHERE plan_id = " CURRENT_PLAN " AND code = ?",
	        &err);
	if (st) {
		D->bind_int(st, 1, unit);
		D->bind_text(st, 2, code);
		if (D->step(st, &err) == 1 && D->col_int(st, 0) == 0)
			problems_add(ps, "E_UNKNOWN_TASK", 0,
			             "Kế hoạch hiện hành không có nhiệm vụ \"%s\"", code);
		st_done(s, st);
	}
	if (ps->n != before) {
		err_clear(&err);
		return -1;
	}
	char at[32];
	st_now(at);
	st = st_prep(
	        s,
	        "INSERT INTO task_progress (unit_id, task_code, period, status, percent, note, "
	        "evidence,"
	        " recorded_by, recorded_at) VALUES (?,?,?,?,?,?,?,?,?)"
	        " ON CONFLICT (unit_id, task_code, period) DO UPDATE SET status = excluded.status,"
	        " percent = excluded.percent, note = excluded.note, evidence = excluded.evidence,"
	        " recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at",
	        &err);
	int rc = -1;
	if (st) {
		D->bind_int(st, 1, unit);
		D->bind_text(st, 2, code);
		D->bind_text(st, 3, canon);
		D->bind_text(st, 4, status);
		percent >= 0 ? D->bind_int(st, 5, percent) : D->bind_null(st, 5);
		D->bind_text(st, 6, note);
		D->bind_text(st, 7, evidence);
		D->bind_text(st, 8, by);
		D->bind_text(st, 9, at);
		rc = D->step(st, &err) < 0 ? -1 : 0;
		st_done(s, st);
	}
	if (rc) {
		problems_add(ps, err_name(err.code), 0, "%s", err.msg);
	} else {
		char *detail = xasprintf("%s %s: %s", code, canon, status);
		st_audit(s, by, "task.progress", "task", 0, detail);
		free(detail);
	}
	err_clear(&err);
	return rc;
}

static int cmp_task(const void *a, const void *b)
{
	const struct task_row *x = a, *y = b;
	if (x->overdue != y->overdue)
		return x->overdue ? -1 : 1;
	if (!x->due != !y->due)
		return x->due ? -1 : 1;
	int c = x->due && y->due ? strcmp(x->due, y->due) : 0;
	return c ? c : strcmp(x->code, y->code);
}

/* The rows st gives (a task's code, title, lead, due, recurring, then a
 * report's status, percent, period, note; a task's rows one after
 * another) as tasks with their latest report up to the month last (0: the
 * latest), into *out. */
static int task_rows(struct store *s, struct stmt *st, int last, struct task_row **out, size_t *n,
                     struct error *err)
{
	const char *why;
	size_t cap = 0;
	*out = NULL;
	*n = 0;
	int rc;
	while ((rc = D->step(st, err)) == 1) {
		const char *code = D->col_text(st, 0), *gp = D->col_text(st, 7);
		struct period q;
		int qf, ql = 0;
		if (gp && !period_parse(gp, &q, &why))
			period_months(&q, &qf, &ql);
		bool counts = gp && (!last || ql <= last);
		struct task_row *t = *n ? &(*out)[*n - 1] : NULL;
		if (!t || strcmp(t->code, code)) {
			*out = xgrow(*out, &cap, *n + 1, sizeof **out);
			t = &(*out)[(*n)++];
			memset(t, 0, sizeof *t);
			t->code = xstrdup(code);
			t->title = xstrdup(D->col_text(st, 1) ? D->col_text(st, 1) : "");
			t->lead = st_dup(D->col_text(st, 2));
			t->due = st_dup(D->col_text(st, 3));
			t->recurring = D->col_int(st, 4) != 0;
			t->percent = -1;
		}
		if (counts) {
			free(t->status);
			free(t->period);
			free(t->note);
			t->status = xstrdup(D->col_text(st, 5));
			t->percent = D->col_null(st, 6) ? -1 : (int)D->col_int(st, 6);
			t->period = xstrdup(gp);
			t->note = st_dup(D->col_text(st, 8));
		}
	}
	st_done(s, st);
	return rc < 0 ? -1 : 0;
}

/* The last month of period (0: none or not a period). */
static int last_month(const char *period)
{
	struct period p;
	const char *why;
	int first, last = 0;
	if (period && !period_parse(period, &p, &why))
		period_months(&p, &first, &last);
	return last;
}

int store_task_list(struct store *s, int64_t unit, const char *period, struct task_row **out,
                    size_t *n, struct error *err)
{
	int last = last_month(period);
	/* The latest progress at or before the period, for each task. Periods
	 * compare by their names only within one kind; use the month number. */
	struct stmt *st = st_prep(
	        s,
	        "SELECT t.code, t.title, t.lead, t.due, t.recurring, g.status, g.percent, "
	        "g.period, g.note"
	        " FROM tasks t LEFT JOIN task_progress g ON g.unit_id = ? AND g.task_code = t.code"
	        " WHERE t.plan_id = " CURRENT_PLAN " ORDER BY t.id, g.recorded_at",
	        err);
	if (!st)
		return -1;
	D->bind_int(st, 1, unit);
	D->bind_int(st, 2, unit);
	int rc = task_rows(s, st, last, out, n, err);
	for (size_t i = 0; i < *n && last; i++) {
		struct task_row *t = &(*out)[i];
		int y, m;
		if (t->due && sscanf(t->due, "%4d-%2d", &y, &m) == 2)
			t->overdue =
			        y * 12 + m - 1 < last && !(t->status && !strcmp(t->status, "done"));
	}
	if (*n)
		xqsort(*out, *n, sizeof **out, cmp_task);
	return rc < 0 ? -1 : 0;
}

/* The task whose reports g holds set aside as "CODE~vN": CODE in version N. */
#define TASK_THEN                                                                                  \
	" FROM tasks k JOIN plans p ON p.id = k.plan_id WHERE p.unit_id = g.unit_id AND"           \
	" k.code || '~v' || p.version = g.task_code ORDER BY k.id LIMIT 1"

/* A report under a bare code no task of the current plan has (left so by
 * a plan version saved before reports were set aside): the task of the
 * latest version that had the code. */
#define TASK_LAST                                                                                  \
	" FROM tasks k JOIN plans p ON p.id = k.plan_id WHERE p.unit_id = g.unit_id AND"           \
	" k.code = g.task_code ORDER BY p.version DESC, k.id LIMIT 1"

int store_task_aside(struct store *s, int64_t unit, const char *period, struct task_row **out,
                     size_t *n, struct error *err)
{
	struct stmt *st = st_prep(
	        s,
	        "SELECT g.task_code, coalesce((SELECT k.title" TASK_THEN
	        "), (SELECT k.title" TASK_LAST ")), coalesce((SELECT k.lead" TASK_THEN
	        "), (SELECT k.lead" TASK_LAST
	        ")), NULL, 0, g.status, g.percent, g.period, g.note FROM task_progress g"
	        " WHERE g.unit_id = ? AND (g.task_code LIKE '%~v%' OR NOT EXISTS (SELECT 1 FROM"
	        " tasks t WHERE t.code = g.task_code AND t.plan_id = (SELECT id FROM plans WHERE"
	        " unit_id = g.unit_id ORDER BY version DESC LIMIT 1))) ORDER BY g.task_code,"
	        " g.recorded_at",
	        err);
	if (!st)
		return -1;
	D->bind_int(st, 1, unit);
	int rc = task_rows(s, st, last_month(period), out, n, err);
	size_t kept = 0; /* those with a report up to the period */
	for (size_t i = 0; i < *n; i++)
		if ((*out)[i].status)
			(*out)[kept++] = (*out)[i];
		else
			task_row_free(&(*out)[i]);
	*n = kept;
	return rc;
}
