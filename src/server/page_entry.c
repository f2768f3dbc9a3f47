/* page_entry.c: entering figures, approving them, and the tasks. */
#include "pages.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- data entry ------------------------------------------------------------------- */

/* The figure this period already has for an indicator, if any. */
static const struct obs_rec *current(const struct unit_view *v, const char *code,
                                     const char *period)
{
	for (size_t i = 0; i < v->no; i++)
		if (v->o[i].code && !strcmp(v->o[i].code, code) && !strcmp(v->o[i].period, period))
			return &v->o[i];
	return NULL;
}

static void field_value(struct ctx *c, const char *name, const char *code, const char *typed,
                        double have, bool has)
{
	buf_printf(B, "<input name=\"%s.", name);
	pg_esc(c, code);
	buf_puts(B, "\" inputmode=\"decimal\" value=\"");
	char text[FIGURE_SIZE];
	figure_write_vi(have, text); /* exact, and read back as the same figure */
	if (typed)
		pg_esc(c, typed);
	else if (has)
		buf_puts(B, text);
	buf_puts(B, "\">");
}

struct entry_error {
	const char *code;
	const char *message;
};

static void entry_form(struct ctx *c, const struct unit_view *v, const char *period,
                       const struct entry_error *errs, size_t nerr, const char *notice)
{
	pg_head(c, "Nhập số liệu", v->u.code);
	buf_puts(B, "<h1>Nhập số liệu kỳ ");
	pg_esc(c, period);
	buf_puts(B, "</h1><form method=\"get\" class=\"inline\"><label>Kỳ <input name=\"period\" "
	            "value=\"");
	pg_esc(c, period);
	buf_puts(B, "\"></label><button>Đổi kỳ</button></form>");
	if (notice) {
		buf_puts(B, "<p class=\"ok\" role=\"status\">");
		pg_esc(c, notice);
		buf_puts(B, "</p>");
	}
	if (nerr)
		buf_printf(B,
		           "<p class=\"error\" role=\"alert\">Chưa lưu: %zu lỗi, xem bên dưới.</p>",
		           nerr);
	buf_puts(B, "<form method=\"post\" class=\"entry\"><input type=\"hidden\" name=\"csrf\" "
	            "value=\"");
	pg_esc(c, c->sess.csrf);
	buf_puts(B, "\"><table><thead><tr><th>Mã</th><th>Chỉ tiêu</th><th>Số liệu</th>"
	            "<th>Trạng thái</th></tr></thead><tbody>");
	size_t shown = 0;
	for (size_t i = 0; i < v->p.nind; i++) {
		const struct indicator *x = &v->p.ind[i];
		if (!ctx_leads(c, x))
			continue;
		shown++;
		const struct obs_rec *o = current(v, x->code, period);
		char key[80];
		buf_puts(B, "<tr><td>");
		pg_esc(c, x->code);
		buf_puts(B, "</td><td>");
		pg_esc(c, x->name);
		if (x->unit) {
			buf_puts(B, " <small>(");
			pg_esc(c, x->unit);
			buf_puts(B, ")</small>");
		}
		buf_puts(B, "</td><td>");
		bool level = false, yes = false,
		     locked = o && o->status && !strcmp(o->status, "approved");
		double shown_value;
		if (locked) { /* approved figures are locked: shown, not editable */
			if (o->has_level && o->level)
				pg_esc(c, o->level);
			else if (o->has_value)
				pg_figure(c, o->value);
			else if (status_point(x, o, &shown_value))
				pg_number(c, shown_value);
			buf_puts(B, " <small>(khóa)</small></td><td>đã duyệt</td></tr>");
			continue;
		}
		for (int k = 0; k < x->ntargets; k++) {
			level |= x->targets[k].t.kind == TARGET_LEVEL;
			yes |= x->targets[k].t.kind == TARGET_YES;
		}
		snprintf(key, sizeof key, "v.%s", x->code);
		char *typed = ctx_form(c, key);
		if (level) {
			buf_puts(B, "<select name=\"l.");
			pg_esc(c, x->code);
			buf_puts(B, "\"><option value=\"\">–</option>");
			for (int k = 0; k < x->ntargets; k++) {
				const struct target *t = &x->targets[k].t;
				if (t->kind != TARGET_LEVEL || !t->level)
					continue;
				bool dup = false;
				for (int j = 0; j < k; j++)
					dup |= x->targets[j].t.level &&
					       !strcmp(x->targets[j].t.level, t->level);
				if (dup)
					continue;
				buf_puts(B, "<option");
				if (o && o->has_level && o->level && !strcmp(o->level, t->level))
					buf_puts(B, " selected");
				buf_puts(B, ">");
				pg_esc(c, t->level);
				buf_puts(B, "</option>");
			}
			buf_puts(B, "</select>");
		} else if (yes) {
			buf_puts(B, "<select name=\"y.");
			pg_esc(c, x->code);
			buf_printf(
			        B,
			        "\"><option value=\"\">–</option><option value=\"có\"%s>Có</option>"
			        "<option value=\"không\"%s>Không</option></select>",
			        o && o->has_yes && o->yes ? " selected" : "",
			        o && o->has_yes && !o->yes ? " selected" : "");
		} else {
			field_value(c, "v", x->code, typed, o ? o->value : 0, o && o->has_value);
			if (observation_percent(x->unit)) {
				buf_puts(B, "<span class=\"or\">hoặc tử/mẫu</span>");
				field_value(c, "n", x->code, NULL, o ? o->num : 0,
				            o && o->has_ratio);
				buf_puts(B, "/");
				field_value(c, "d", x->code, NULL, o ? o->den : 0,
				            o && o->has_ratio);
			}
		}
		free(typed);
		buf_puts(B, "<input class=\"evidence\" name=\"e.");
		pg_esc(c, x->code);
		buf_puts(B, "\" placeholder=\"Liên kết minh chứng\" aria-label=\"Minh chứng ");
		pg_esc(c, x->code);
		buf_puts(B, "\" value=\"");
		pg_esc(c, o && o->evidence ? o->evidence : "");
		buf_puts(B, "\">");
		for (size_t e = 0; e < nerr; e++)
			if (!strcmp(errs[e].code, x->code)) {
				buf_puts(B, "<div class=\"error\">");
				pg_esc(c, errs[e].message);
				buf_puts(B, "</div>");
			}
		buf_puts(B, "</td><td>");
		pg_esc(c, pg_state_vi(o ? o->status : NULL));
		buf_puts(B, "</td></tr>");
	}
	buf_puts(B, "</tbody></table>");
	if (!shown)
		buf_puts(B, "<p>Cơ quan của tài khoản này không chủ trì chỉ tiêu nào của kế "
		            "hoạch.</p>");
	buf_puts(B, "<button name=\"action\" value=\"draft\">Lưu nháp</button> "
	            "<button name=\"action\" value=\"submit\">Lưu và gửi duyệt</button></form>");
	pg_foot(c);
}

static bool same_number(const char *typed, bool has, double v)
{
	if (!typed || !*typed)
		return !has;
	double t;
	return has && figure_read(typed, FIGURE_TEXT, &t) == FIGURE_OK && t == v;
}

/* The fields posted for an indicator (v, n, d, l, y, e) say what it
 * already has: the form shows the current figures, and they are not new. */
static bool unchanged(const struct obs_rec *o, char *const got[6])
{
	if (!o)
		return false;
	if (strcmp(got[5] ? got[5] : "", o->evidence ? o->evidence : ""))
		return false;
	if (got[3] && *got[3])
		return o->has_level && o->level && !strcmp(o->level, got[3]);
	if (got[4] && *got[4])
		return o->has_yes && (o->yes == !strcmp(got[4], "có"));
	return same_number(got[0], o->has_value, o->value) &&
	       same_number(got[1], o->has_ratio, o->num) &&
	       same_number(got[2], o->has_ratio, o->den);
}

void page_entry(struct ctx *c, char *const *arg)
{
	const char *unit = arg[0];
	bool post = !strcmp(c->rq->method, "POST");
	struct unit_view v;
	char period[32];
	if (!pg_unit_view(c, unit, &v, period, false))
		return;
	if (!post) {
		entry_form(c, &v, period, NULL, 0, NULL);
		view_unit_free(&v);
		return;
	}
	/* Every indicator with something typed: one batch, all or nothing. */
	struct obs_input *in = xcalloc(v.p.nind + 1, sizeof *in);
	char **owned = xcalloc(6 * v.p.nind + 1, sizeof *owned);
	const char **codes = xcalloc(v.p.nind + 1, sizeof *codes);
	size_t n = 0, nowned = 0;
	for (size_t i = 0; i < v.p.nind; i++) {
		const struct indicator *x = &v.p.ind[i];
		if (!ctx_leads(c, x))
			continue;
		const char *kinds = "vndlye"; /* value, num, den, level, yes, evidence */
		char *got[6];
		bool any = false;
		for (int k = 0; k < 6; k++) {
			char key[80];
			snprintf(key, sizeof key, "%c.%s", kinds[k], x->code);
			got[k] = ctx_form(c, key);
			any |= k < 5 && got[k] && *got[k];
			owned[nowned++] = got[k];
		}
		if (!any || unchanged(current(&v, x->code, period), got))
			continue;
		codes[n] = x->code;
		in[n] = (struct obs_input){unit,
		                           x->code,
		                           period,
		                           got[0] ? got[0] : "",
		                           got[1] ? got[1] : "",
		                           got[2] ? got[2] : "",
		                           got[3] ? got[3] : "",
		                           got[4] ? got[4] : "",
		                           "",
		                           got[5] ? got[5] : "",
		                           (int)n + 1,
		                           {0},
		                           {0},
		                           {0},
		                           FIGURE_TEXT};
		n++;
	}
	char *action = ctx_form(c, "action");
	bool submit = action && !strcmp(action, "submit");
	struct problems ps = {0};
	char *err = NULL;
	bool stored = n && !store_record_batch(c->s, in, n, c->user.login, "nhập trên web", &ps);
	if (stored)
		app_recorded(c, in, n);
	if (stored && submit && !store_begin(c->s, &err)) {
		for (size_t i = 0; i < n && !ps.n; i++) {
			struct series_rec sr = {0};
			if (store_series_get(c->s, v.u.id, codes[i], &sr, &err) == 0) {
				store_obs_transition(c->s, sr.id, period, "submit", c->user.login,
				                     NULL, &ps);
				series_rec_free(&sr);
			}
		}
		if (ps.n)
			store_rollback(c->s);
		else if (store_commit(c->s, &err))
			problems_add(&ps, "E_DB", 0, "%s", err);
	}
	struct entry_error *errs = xcalloc(ps.n + 1, sizeof *errs);
	for (size_t i = 0; i < ps.n; i++)
		errs[i] = (struct entry_error){ps.v[i].line > 0 && (size_t)ps.v[i].line <= n
		                                       ? codes[ps.v[i].line - 1]
		                                       : "",
		                               ps.v[i].message};
	if (ps.n) {
		c->rs->status = 422;
		entry_form(c, &v, period, errs, ps.n, NULL);
	} else {
		view_unit_free(&v);
		int as_of;
		enum period_kind grain;
		char again[32];
		if (pg_unit_view(c, unit, &v, again, false)) {
			(void)as_of, (void)grain;
			char *note =
			        xasprintf("Đã lưu %zu số liệu%s", n, submit ? " và gửi duyệt" : "");
			entry_form(c, &v, period, NULL, 0,
			           n ? note : "Không có số liệu nào để lưu");
			free(note);
		} else {
			memset(&v, 0, sizeof v);
			plan_init(&v.p);
		}
	}
	free(errs);
	problems_free(&ps);
	free(err);
	free(action);
	for (size_t i = 0; i < nowned; i++)
		free(owned[i]);
	free(owned);
	free(codes);
	free(in);
	view_unit_free(&v);
}

/* ---- approvals ------------------------------------------------------------------------ */

void page_approvals(struct ctx *c, char *const *arg)
{
	const char *unit = arg[0];
	bool post = !strcmp(c->rq->method, "POST");
	struct unit_rec u = {0};
	char *err = NULL, *notice = NULL;
	if (store_unit_get(c->s, unit, &u, &err)) {
		pg_plain(c, 404, "Không có đơn vị", "Không có đơn vị này.");
		free(err);
		return;
	}
	if (post) {
		char *ind = ctx_form(c, "indicator"), *period = ctx_form(c, "period"),
		     *action = ctx_form(c, "action"), *comment = ctx_form(c, "comment");
		struct series_rec sr = {0};
		struct problems ps = {0};
		bool ok_action =
		        action && (!strcmp(action, "approve") || !strcmp(action, "return"));
		if (!ind || !period || !ok_action ||
		    store_series_get(c->s, u.id, ind, &sr, &err) != 0) {
			problems_add(&ps, "E_INPUT", 0, "Yêu cầu không đầy đủ");
		} else {
			if (!store_begin(c->s, &err)) {
				if (store_obs_transition(c->s, sr.id, period, action, c->user.login,
				                         comment && *comment ? comment : NULL, &ps))
					store_rollback(c->s);
				else
					store_commit(c->s, &err);
			}
			series_rec_free(&sr);
		}
		notice = ps.n ? xstrdup(ps.v[0].message)
		              : xasprintf("Đã %s %s kỳ %s",
		                          !strcmp(action, "approve") ? "duyệt" : "trả lại", ind,
		                          period);
		if (ps.n)
			c->rs->status = pg_form_status(ps.v[0].code);
		problems_free(&ps);
		free(ind);
		free(period);
		free(action);
		free(comment);
	}
	struct obs_rec *o;
	size_t n;
	pg_head(c, "Duyệt số liệu", unit);
	buf_puts(B, "<h1>Số liệu chờ duyệt</h1>");
	if (notice) {
		buf_printf(B, "<p class=\"%s\" role=\"status\">",
		           c->rs->status >= 400 ? "error" : "ok");
		pg_esc(c, notice);
		buf_puts(B, "</p>");
	}
	size_t waiting = 0;
	if (!store_obs_list(c->s, u.id, NULL, &o, &n, &err)) {
		buf_puts(B,
		         "<table><thead><tr><th>Chỉ tiêu</th><th>Kỳ</th><th>Số liệu</th><th>Người "
		         "gửi</th><th></th></tr></thead><tbody>");
		for (size_t i = 0; i < n; i++) {
			if (o[i].status && !strcmp(o[i].status, "submitted")) {
				waiting++;
				buf_puts(B, "<tr><td>");
				pg_esc(c, o[i].code);
				buf_puts(B, "</td><td>");
				pg_esc(c, o[i].period);
				buf_puts(B, "</td><td class=\"num\">");
				if (o[i].has_value) {
					pg_figure(c, o[i].value);
				} else if (o[i].has_ratio) {
					pg_figure(c, o[i].num);
					buf_putc(B, '/');
					pg_figure(c, o[i].den);
				} else if (o[i].has_level)
					pg_esc(c, o[i].level);
				else if (o[i].has_yes)
					buf_puts(B, o[i].yes ? "Có" : "Không");
				buf_puts(B, "</td><td>");
				pg_esc(c, o[i].by);
				buf_puts(B, "</td><td><form method=\"post\" class=\"inline\">"
				            "<input type=\"hidden\" name=\"csrf\" value=\"");
				pg_esc(c, c->sess.csrf);
				buf_puts(B,
				         "\"><input type=\"hidden\" name=\"indicator\" value=\"");
				pg_esc(c, o[i].code);
				buf_puts(B, "\"><input type=\"hidden\" name=\"period\" value=\"");
				pg_esc(c, o[i].period);
				buf_puts(B, "\"><button name=\"action\" "
				            "value=\"approve\">Duyệt</button> "
				            "<input name=\"comment\" placeholder=\"Lý do trả lại\" "
				            "aria-label=\"Lý do trả lại\"> <button name=\"action\" "
				            "value=\"return\">Trả lại</button></form></td></tr>");
			}
			obs_rec_free(&o[i]);
		}
		free(o);
		buf_puts(B, "</tbody></table>");
	}
	if (!waiting)
		buf_puts(B, "<p>Không có số liệu nào chờ duyệt.</p>");
	pg_foot(c);
	free(notice);
	free(err);
	unit_rec_free(&u);
}

/* ---- tasks ------------------------------------------------------------------------------- */

void page_tasks(struct ctx *c, char *const *arg)
{
	const char *unit = arg[0];
	bool post = !strcmp(c->rq->method, "POST");
	int as_of;
	enum period_kind grain;
	char period[32], *err = NULL, *notice = NULL;
	struct unit_rec u = {0};
	if (!ctx_period(c, &as_of, &grain, period, false))
		return;
	if (store_unit_get(c->s, unit, &u, &err)) {
		free(err);
		pg_plain(c, 404, "Không có đơn vị", "Không có đơn vị này.");
		return;
	}
	if (post) {
		char *task = ctx_form(c, "task"), *status = ctx_form(c, "status"),
		     *pct = ctx_form(c, "percent");
		struct problems ps = {0};
		if (!ctx_leads_task(c, u.id, task))
			problems_add(&ps, "E_FORBIDDEN", 0,
			             "Nhiệm vụ %s không do cơ quan của tài khoản này chủ trì",
			             task ? task : "");
		else
			store_task_progress(c->s, u.id, task ? task : "", period,
			                    status ? status : "", pct && *pct ? atoi(pct) : -1,
			                    NULL, NULL, c->user.login, &ps);
		notice = ps.n ? xstrdup(ps.v[0].message) : xstrdup("Đã cập nhật tiến độ");
		if (ps.n)
			c->rs->status = pg_form_status(ps.v[0].code);
		problems_free(&ps);
		free(task);
		free(status);
		free(pct);
	}
	pg_head(c, "Nhiệm vụ", unit);
	buf_puts(B, "<h1>Nhiệm vụ</h1>");
	if (notice) {
		buf_printf(B, "<p class=\"%s\">", c->rs->status >= 400 ? "error" : "ok");
		pg_esc(c, notice);
		buf_puts(B, "</p>");
	}
	struct task_row *t;
	size_t n;
	if (!store_task_list(c->s, u.id, period, &t, &n, &err)) {
		buf_puts(B, "<table><thead><tr><th>Mã</th><th>Nhiệm vụ</th><th>Hạn</th><th>Tiến "
		            "độ</th><th>Cập nhật</th></tr></thead><tbody>");
		static const char *const st[][2] = {{"not_started", "Chưa bắt đầu"},
		                                    {"in_progress", "Đang làm"},
		                                    {"done", "Xong"}};
		for (size_t i = 0; i < n; i++) {
			buf_printf(B, "<tr%s><td>", t[i].overdue ? " class=\"overdue\"" : "");
			pg_esc(c, t[i].code);
			buf_puts(B, "</td><td>");
			pg_esc(c, t[i].title);
			buf_puts(B, "</td><td>");
			pg_esc(c, t[i].due ? t[i].due : "–");
			buf_puts(B, t[i].overdue ? " <strong>quá hạn</strong>" : "");
			buf_puts(B, "</td><td>");
			const char *tv = !t[i].status                          ? "–"
			                 : !strcmp(t[i].status, "done")        ? "xong"
			                 : !strcmp(t[i].status, "in_progress") ? "đang làm"
			                                                       : "chưa bắt đầu";
			buf_puts(B, tv);
			if (t[i].percent >= 0)
				buf_printf(B, " %d%%", t[i].percent);
			buf_puts(B, "</td><td><form method=\"post\" class=\"inline\"><input "
			            "type=\"hidden\" "
			            "name=\"csrf\" value=\"");
			pg_esc(c, c->sess.csrf);
			buf_puts(B, "\"><input type=\"hidden\" name=\"task\" value=\"");
			pg_esc(c, t[i].code);
			buf_puts(B, "\"><select name=\"status\" aria-label=\"Trạng thái\">");
			for (int k = 0; k < 3; k++)
				buf_printf(B, "<option value=\"%s\"%s>%s</option>", st[k][0],
				           t[i].status && !strcmp(t[i].status, st[k][0])
				                   ? " selected"
				                   : "",
				           st[k][1]);
			buf_puts(
			        B,
			        "</select><input name=\"percent\" size=\"3\" inputmode=\"numeric\" "
			        "aria-label=\"Phần trăm\"><button>Lưu</button></form></td></tr>");
			task_row_free(&t[i]);
		}
		free(t);
		buf_puts(B, "</tbody></table>");
	}
	pg_foot(c);
	free(notice);
	free(err);
	unit_rec_free(&u);
}
