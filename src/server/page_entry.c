/* page_entry.c: entering figures, approving them, and the tasks. */
#include "pages.h"

#include "queue.h"
#include "review.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---- data entry ------------------------------------------------------------------- */

/* The fields of an indicator on the entry form, by the letter before the
 * dot in their names: value, numerator, denominator, level, yes/no,
 * evidence, note ("v.I.3", "t.I.3"). */
static const char KINDS[] = "vndlyet";
enum { NKINDS = 7, K_V = 0, K_N, K_D, K_L, K_Y, K_E, K_T };

/* The figure this period already has for an indicator, if any. */
static const struct obs_rec *current(const struct unit_view *v, const char *code,
                                     const char *period)
{
	for (size_t i = 0; i < v->no; i++)
		if (v->o[i].code && !strcmp(v->o[i].code, code) && !strcmp(v->o[i].period, period))
			return &v->o[i];
	return NULL;
}

/* The indicator's latest figure of a period before period, if any. */
static const struct obs_rec *previous(const struct unit_view *v, const char *code,
                                      const char *period)
{
	struct period now, p, best;
	const struct obs_rec *found = NULL;
	if (period_parse(period, &now, NULL))
		return NULL;
	for (size_t i = 0; i < v->no; i++) {
		if (!v->o[i].code || strcmp(v->o[i].code, code) ||
		    period_parse(v->o[i].period, &p, NULL) || period_cmp(&p, &now) >= 0)
			continue;
		if (!found || period_cmp(&p, &best) > 0) {
			found = &v->o[i];
			best = p;
		}
	}
	return found;
}

/* A figure as the office reads it: value, numerator/denominator, level or
 * yes/no. */
static void obs_value(struct ctx *c, const struct obs_rec *o)
{
	if (o->has_value)
		pg_figure(c, o->value);
	else if (o->has_ratio) {
		pg_figure(c, o->num);
		buf_putc(B, '/');
		pg_figure(c, o->den);
	} else if (o->has_level && o->level)
		pg_esc(c, o->level);
	else if (o->has_yes)
		buf_puts(B, o->yes ? "Có" : "Không");
	else
		buf_puts(B, "–");
}

/* When the store call's result failed: its error said on the page as a
 * paragraph, *err cleared; true. */
static bool store_failed(struct ctx *c, int failed, struct error *err)
{
	if (!failed)
		return false;
	buf_puts(B, "<p class=\"error\">");
	pg_esc(c, err->msg);
	buf_puts(B, "</p>");
	err_clear(err);
	return true;
}

/* The period's figures kept under "CODE~vN" (store_obs_aside): their
 * indicator was replaced or dropped by plan version N+1. Listed read only
 * under the form, as `chitieu observations` lists them. */
static void figures_aside_html(struct ctx *c, int64_t unit_id, const char *period)
{
	struct obs_rec *o;
	size_t n;
	struct error err = {0};
	if (store_failed(c, store_obs_aside(c->s, unit_id, period, &o, &n, &err), &err))
		return;
	if (n)
		buf_puts(B, "<h2 id=\"de-rieng\">Số liệu của chỉ tiêu bị thay hoặc bỏ</h2>"
		            "<p>Các số liệu này được giữ nguyên, để riêng dưới mã "
		            "<code>MÃ~vN</code> (mã của chỉ tiêu ở phiên bản kế hoạch N); "
		            "không chỉ tiêu nào của kế hoạch hiện hành nhận chúng.</p><table>"
		            "<thead><tr><th>Mã</th><th>Kỳ</th><th>Số liệu</th><th>Trạng "
		            "thái</th></tr></thead><tbody>");
	for (size_t i = 0; i < n; i++) {
		buf_puts(B, "<tr class=\"aside\"><td>");
		pg_esc(c, o[i].code);
		buf_puts(B, "</td><td>");
		pg_esc(c, o[i].period);
		buf_puts(B, "</td><td>");
		obs_value(c, &o[i]);
		buf_puts(B, "</td><td>");
		pg_esc(c, pg_state_vi(o[i].status));
		buf_puts(B, "</td></tr>");
		obs_rec_free(&o[i]);
	}
	if (n)
		buf_puts(B, "</tbody></table>");
	free(o);
}

/* Where the form's fields come from: what was posted, else the account's
 * saved drafts (form-encoded the same way), else the figure stored. */
struct entry_src {
	const char *text;
	size_t len;
};

/* The text of field kind k of an indicator: typed or drafted (caller frees),
 * else NULL. */
static char *typed(const struct entry_src *src, int k, const char *code)
{
	char key[80];
	snprintf(key, sizeof key, "%c.%s", KINDS[k], code);
	return src && src->text ? http_param(src->text, src->len, key) : NULL;
}

/* The stored figure's text for field kind k ("" when none). */
static void stored_text(const struct obs_rec *o, int k, char out[FIGURE_SIZE + 200])
{
	out[0] = 0;
	if (!o)
		return;
	if (k == K_V && o->has_value)
		figure_write_vi(o->value, out); /* exact, and read back as the same figure */
	else if (k == K_N && o->has_ratio)
		figure_write_vi(o->num, out);
	else if (k == K_D && o->has_ratio)
		figure_write_vi(o->den, out);
	else if (k == K_L && o->has_level && o->level)
		snprintf(out, FIGURE_SIZE + 200, "%s", o->level);
	else if (k == K_Y && o->has_yes)
		snprintf(out, FIGURE_SIZE + 200, "%s", o->yes ? "có" : "không");
	else if (k == K_E && o->evidence)
		snprintf(out, FIGURE_SIZE + 200, "%s", o->evidence);
	else if (k == K_T && o->note)
		snprintf(out, FIGURE_SIZE + 200, "%s", o->note);
}

/* The value a field shows, as its value attribute (none when empty: the
 * page stays light): typed, drafted, else stored. */
static void field_text(struct ctx *c, const struct entry_src *src, int k, const char *code,
                       const struct obs_rec *o)
{
	char *t = typed(src, k, code), have[FIGURE_SIZE + 200];
	stored_text(o, k, have);
	const char *v = t ? t : have;
	if (*v) {
		buf_puts(B, " value=\"");
		pg_esc(c, v);
		buf_putc(B, '"');
	}
	free(t);
}

static void field_id(struct ctx *c, int k, const char *code)
{
	buf_printf(B, "%c-", KINDS[k]);
	pg_esc(c, code);
}

static void input(struct ctx *c, const struct entry_src *src, int k, const struct indicator *x,
                  const struct obs_rec *o, const char *label)
{
	buf_puts(B, "<span class=\"f\"><label for=\"");
	field_id(c, k, x->code);
	buf_printf(B, "\">%s</label><input id=\"", label);
	field_id(c, k, x->code);
	buf_printf(B, "\" name=\"%c.", KINDS[k]);
	pg_esc(c, x->code);
	buf_printf(B, "\"%s", k <= K_D ? " inputmode=\"decimal\"" : "");
	field_text(c, src, k, x->code, o);
	buf_puts(B, "></span>");
}

/* A choice between options (a level, yes/no): the typed or stored one selected. */
static void choice(struct ctx *c, const struct entry_src *src, int k, const struct indicator *x,
                   const struct obs_rec *o, const char *const *opts, const char *const *shown,
                   size_t n)
{
	char *t = typed(src, k, x->code), have[FIGURE_SIZE + 200];
	stored_text(o, k, have);
	const char *sel = t ? t : have;
	buf_puts(B, "<span class=\"f\"><label for=\"");
	field_id(c, k, x->code);
	buf_puts(B, "\">Mức đánh giá</label><select id=\"");
	field_id(c, k, x->code);
	buf_printf(B, "\" name=\"%c.", KINDS[k]);
	pg_esc(c, x->code);
	buf_puts(B, "\"><option value=\"\">–</option>");
	for (size_t i = 0; i < n; i++) {
		buf_puts(B, "<option");
		if (strcmp(opts[i], shown[i])) { /* else the text is the value */
			buf_puts(B, " value=\"");
			pg_esc(c, opts[i]);
			buf_putc(B, '"');
		}
		buf_printf(B, "%s>", !strcmp(sel, opts[i]) ? " selected" : "");
		pg_esc(c, shown[i]);
		buf_puts(B, "</option>");
	}
	buf_puts(B, "</select></span>");
	free(t);
}

/* The first field of an indicator's figure: its level, yes/no or value. */
static int first_kind(const struct indicator *x)
{
	for (int k = 0; k < x->ntargets; k++)
		if (x->targets[k].t.kind == TARGET_LEVEL)
			return K_L;
	for (int k = 0; k < x->ntargets; k++)
		if (x->targets[k].t.kind == TARGET_YES)
			return K_Y;
	return K_V;
}

static void figure_fields(struct ctx *c, const struct entry_src *src, const struct indicator *x,
                          const struct obs_rec *o)
{
	bool level = false, yes = false;
	for (int k = 0; k < x->ntargets; k++) {
		level |= x->targets[k].t.kind == TARGET_LEVEL;
		yes |= x->targets[k].t.kind == TARGET_YES;
	}
	if (level) {
		const char **opts = xcalloc((size_t)x->ntargets + 1, sizeof *opts);
		size_t n = 0;
		for (int k = 0; k < x->ntargets; k++) {
			const struct target *t = &x->targets[k].t;
			bool dup = t->kind != TARGET_LEVEL || !t->level;
			for (size_t j = 0; j < n && !dup; j++)
				dup = !strcmp(opts[j], t->level);
			if (!dup)
				opts[n++] = t->level;
		}
		choice(c, src, K_L, x, o, opts, opts, n);
		free(opts);
	} else if (yes) {
		static const char *const opts[] = {"có", "không"}, *const shown[] = {"Có", "Không"};
		choice(c, src, K_Y, x, o, opts, shown, 2);
	} else {
		input(c, src, K_V, x, o, "Số liệu");
		if (observation_percent(x->unit)) {
			buf_puts(B, "<span class=\"or\">hoặc</span>");
			input(c, src, K_N, x, o, "Tử số");
			input(c, src, K_D, x, o, "Mẫu số");
		}
	}
}

struct entry_error {
	const char *code;
	const char *message;
};

/* Target for the milestone and the last period's figure, beside the input. */
static void context_line(struct ctx *c, const struct unit_view *v, const struct indicator *x,
                         const char *period)
{
	buf_puts(B, "<div class=\"ctx\">");
	for (size_t r = 0; r < v->n; r++)
		if (v->rows[r].ind == x && v->rows[r].target) {
			buf_printf(B, "<span>Mục tiêu %d: ", v->rows[r].year);
			pg_esc(c, v->rows[r].target->text);
			buf_puts(B, "</span>");
		}
	const struct obs_rec *p = previous(v, x->code, period);
	if (p) { /* none: nothing said (the page stays light) */
		buf_puts(B, "<span>Kỳ trước (");
		pg_period(c, p->period);
		buf_puts(B, "): ");
		obs_value(c, p);
		buf_puts(B, "</span>");
	}
	if (x->unit) {
		buf_puts(B, "<span>Đơn vị tính: ");
		pg_esc(c, x->unit);
		buf_puts(B, "</span>");
	}
	buf_puts(B, "</div>");
}

static void returned_line(struct ctx *c, const struct returned_rec *r, size_t nr, const char *code)
{
	for (size_t i = 0; i < nr; i++) {
		if (strcmp(r[i].code, code))
			continue;
		buf_printf(B, "<p class=\"returned\"><strong>%s</strong>",
		           !strcmp(r[i].action, "reopen") ? "Mở khóa để sửa" : "Bị trả lại");
		if (r[i].by) {
			buf_puts(B, " bởi ");
			pg_esc(c, r[i].by);
		}
		if (r[i].at) {
			buf_puts(B, " lúc ");
			pg_time(c, r[i].at);
		}
		buf_puts(B, ": <span class=\"reason\">");
		pg_esc(c, r[i].reason);
		buf_puts(B, "</span></p>");
	}
}

static void entry_row(struct ctx *c, const struct unit_view *v, const struct indicator *x,
                      const char *period, const struct entry_src *src,
                      const struct entry_error *errs, size_t nerr, const struct returned_rec *ret,
                      size_t nret)
{
	const struct obs_rec *o = current(v, x->code, period);
	bool locked = o && o->status && !strcmp(o->status, "approved");
	buf_puts(B, "<tr id=\"r-");
	pg_esc(c, x->code);
	buf_puts(B, "\"><td>");
	pg_esc(c, x->code);
	buf_puts(B, "</td><td><b>");
	pg_esc(c, x->name);
	buf_puts(B, "</b>");
	context_line(c, v, x, period);
	returned_line(c, ret, nret, x->code);
	for (size_t e = 0; e < nerr; e++)
		if (!strcmp(errs[e].code, x->code)) {
			buf_puts(B, "<div class=\"error\">");
			pg_esc(c, errs[e].message);
			buf_puts(B, "</div>");
		}
	buf_puts(B, "</td><td>");
	if (locked) { /* approved figures are locked: shown, not editable */
		obs_value(c, o);
		buf_puts(B, " <small>(khóa)</small></td><td>đã duyệt</td></tr>");
		return;
	}
	figure_fields(c, src, x, o);
	input(c, src, K_E, x, o, "Minh chứng");
	if (o && o->evidence && !strncmp(o->evidence, "/don-vi/", 8)) {
		buf_puts(B, " <a href=\"");
		pg_esc(c, o->evidence);
		buf_puts(B, "\">Xem tệp đã lưu</a>");
	}
	input(c, src, K_T, x, o, "Ghi chú");
	buf_puts(B, "</td><td>");
	pg_esc(c, pg_state_vi(o ? o->status : NULL));
	buf_puts(B, "</td></tr>"); /* the script adds what it saved */
}

/* The open periods to choose from: for each kind, the one whose cut-off
 * window holds today and the one before, and the period asked. */
static void period_choice(struct ctx *c, const struct unit_view *v, const char *period)
{
	struct error err = {0};
	char today[11];
	int day = store_cutoff_day(c->s, v->u.id, &err);
	err_clear(&err);
	if (day <= 0)
		day = 15;
	time_t t = c->now + 7 * 3600; /* Asia/Ho_Chi_Minh */
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(today, sizeof today, "%Y-%m-%d", &tm);
	struct period list[16];
	int n = 0;
	static const enum period_kind kinds[] = {PERIOD_MONTH, PERIOD_QUARTER, PERIOD_HALF,
	                                         PERIOD_YEAR};
	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
		struct period p;
		if (period_of_date(today, day, kinds[k], &p))
			continue;
		list[n++] = p;
		struct period q = p; /* the one before */
		if (p.kind == PERIOD_YEAR || --q.index < 1) {
			q.year--;
			q.index = p.kind == PERIOD_MONTH     ? 12
			          : p.kind == PERIOD_QUARTER ? 4
			          : p.kind == PERIOD_HALF    ? 2
			                                     : 0;
		}
		if (period_valid(&q))
			list[n++] = q;
	}
	struct period asked;
	bool in = false;
	if (!period_parse(period, &asked, NULL)) {
		for (int i = 0; i < n; i++)
			in |= !period_cmp(&list[i], &asked);
		if (!in)
			list[n++] = asked;
	}
	buf_puts(B, "<form method=\"get\" class=\"inline period\"><label for=\"period\">Kỳ báo "
	            "cáo</label><select id=\"period\" name=\"period\">");
	for (int i = 0; i < n; i++) {
		char name[PERIOD_NAME_SIZE], lab[64], start[11], end[11];
		period_format(&list[i], name, sizeof name);
		period_label_vi(&list[i], lab, sizeof lab);
		period_window(&list[i], day, start, end);
		buf_printf(B,
		           "<option value=\"%s\"%s>%s (số liệu %.2s/%.2s/%.4s – %.2s/%.2s/%.4s%s)"
		           "</option>",
		           name, !strcmp(name, period) ? " selected" : "", lab, start + 8,
		           start + 5, start, end + 8, end + 5, end,
		           strcmp(end, today) < 0     ? ", đã chốt"
		           : strcmp(start, today) > 0 ? ", chưa mở"
		                                      : ", đang mở");
	}
	buf_puts(B, "</select><button>Đổi kỳ</button></form>");
	struct period p;
	if (!period_parse(period, &p, NULL)) {
		char start[11], end[11];
		period_window(&p, day, start, end);
		buf_printf(B,
		           "<p class=\"window\">Số liệu của kỳ tính từ %.2s/%.2s/%.4s đến hết "
		           "%.2s/%.2s/%.4s (ngày chốt số liệu %d hằng tháng).</p>",
		           start + 8, start + 5, start, end + 8, end + 5, end, day);
	}
}

static void buttons(struct ctx *c)
{
	buf_puts(B,
	         "<p class=\"actions\"><button name=\"action\" value=\"draft\">Lưu nháp</button> "
	         "<button name=\"action\" value=\"submit\">Lưu và gửi duyệt</button></p>");
}

static void entry_form(struct ctx *c, const struct unit_view *v, const char *period,
                       const struct entry_src *src, const struct entry_error *errs, size_t nerr,
                       const char *notice, const char *problem)
{
	pg_head(c, "Nhập số liệu", v->u.code);
	buf_puts(B, "<h1>Nhập số liệu ");
	pg_period(c, period);
	buf_puts(B, "</h1>");
	period_choice(c, v, period);
	if (problem) {
		buf_puts(B, "<p class=\"error\" role=\"alert\">");
		pg_esc(c, problem);
		buf_puts(B, "</p>");
	}
	if (notice)
		buf_puts(B, notice); /* already markup */
	if (nerr) {
		buf_printf(B,
		           "<div class=\"error summary\" role=\"alert\" id=\"loi\"><p>Chưa lưu số "
		           "liệu nào: %zu lỗi. Mọi ô đã nhập vẫn được giữ nguyên; sửa các lỗi "
		           "sau rồi lưu lại:</p><ul>",
		           nerr);
		for (size_t e = 0; e < nerr; e++) {
			const struct indicator *x = plan_find_indicator(&v->p, errs[e].code);
			buf_puts(B, "<li><a href=\"#");
			if (x) /* the field itself */
				field_id(c, first_kind(x), x->code);
			else
				buf_printf(B, "r-%s", errs[e].code);
			buf_puts(B, "\">");
			pg_esc(c, errs[e].code);
			buf_puts(B, ": ");
			pg_esc(c, errs[e].message);
			buf_puts(B, "</a></li>");
		}
		buf_puts(B, "</ul></div>");
	}
	if (problem && !v->p.nind) {
		pg_foot(c);
		return;
	}
	struct returned_rec *ret = NULL;
	size_t nret = 0;
	struct error err = {0};
	if (store_returned_list(c->s, v->u.id, period, &ret, &nret, &err))
		err_clear(&err);
	buf_puts(B, "<form method=\"post\" class=\"entry\" data-unit=\"");
	pg_esc(c, v->u.code);
	buf_puts(B, "\" data-period=\"");
	pg_esc(c, period);
	buf_puts(B, "\"><input type=\"hidden\" name=\"csrf\" value=\"");
	pg_esc(c, c->sess.csrf);
	buf_puts(B, "\">");
	buttons(c);
	buf_puts(B, "<p class=\"hint\">Nháp được lưu tự động khi rời mỗi ô (cần JavaScript); "
	            "không có JavaScript thì bấm “Lưu nháp”. Minh chứng là đường dẫn, hoặc <a "
	            "href=\"minh-chung?period=");
	pg_esc(c, period);
	buf_puts(B, "\">tải tệp minh chứng lên</a> (chọn chỉ tiêu ở trang đó).</p>");
	size_t shown = 0;
	const char *group = NULL;
	for (size_t i = 0; i < v->p.nind; i++) {
		const struct indicator *x = &v->p.ind[i];
		if (!ctx_leads(c, x))
			continue;
		if (!group || strcmp(group, x->group ? x->group : "")) {
			if (group)
				buf_puts(B, "</tbody></table>");
			group = x->group ? x->group : "";
			buf_puts(B, "<h2>");
			for (size_t g = 0; g < v->p.ngroups; g++)
				if (!strcmp(v->p.groups[g].code, group)) {
					pg_esc(c, v->p.groups[g].code);
					buf_puts(B, ". ");
					pg_esc(c, v->p.groups[g].name);
				}
			buf_puts(B, "</h2><table><thead><tr><th>Mã</th><th>Chỉ tiêu</th><th>Số "
			            "liệu</th><th>Trạng thái</th></tr></thead><tbody>");
		}
		shown++;
		entry_row(c, v, x, period, src, errs, nerr, ret, nret);
	}
	if (group)
		buf_puts(B, "</tbody></table>");
	for (size_t i = 0; i < nret; i++)
		returned_rec_free(&ret[i]);
	free(ret);
	if (!shown)
		buf_puts(B, "<p>Cơ quan của tài khoản này không chủ trì chỉ tiêu nào của kế "
		            "hoạch.</p>");
	buttons(c);
	buf_puts(B, "</form>");
	figures_aside_html(c, v->u.id, period);
	pg_foot(c);
}

static bool same_number(const char *typed, bool has, double v)
{
	if (!typed || !*typed)
		return !has;
	double t;
	return has && figure_read(typed, FIGURE_TEXT, &t) == FIGURE_OK && t == v;
}

static bool same_text(const char *typed, const char *have)
{
	return !strcmp(typed ? typed : "", have ? have : "");
}

/* The fields posted for an indicator say what it already has: the form
 * shows the current figures, and they are not new. */
static bool unchanged(const struct obs_rec *o, char *const got[NKINDS])
{
	if (!o || !same_text(got[K_E], o->evidence) || !same_text(got[K_T], o->note))
		return false;
	if (got[K_L] && *got[K_L])
		return o->has_level && o->level && !strcmp(o->level, got[K_L]);
	if (got[K_Y] && *got[K_Y])
		return o->has_yes && (o->yes == !strcmp(got[K_Y], "có"));
	return same_number(got[K_V], o->has_value, o->value) &&
	       same_number(got[K_N], o->has_ratio, o->num) &&
	       same_number(got[K_D], o->has_ratio, o->den);
}

static void url_encode(struct buf *b, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-_.~", *p))
			buf_putc(b, (char)*p);
		else
			buf_printf(b, "%%%02X", *p);
	}
}

/* An indicator's fields form-encoded as the form posts them (a draft). */
static char *draft_of(const char *code, char *const got[NKINDS])
{
	struct buf b = {0};
	for (int k = 0; k < NKINDS; k++) {
		if (!got[k])
			continue;
		if (b.len)
			buf_putc(&b, '&');
		buf_printf(&b, "%c.", KINDS[k]);
		url_encode(&b, code);
		buf_putc(&b, '=');
		url_encode(&b, got[k]);
	}
	return buf_detach(&b);
}

/* The account's drafts of the unit and period, as one form-encoded text. */
static char *drafts_text(struct ctx *c, int64_t unit, const char *period)
{
	struct entry_draft *d;
	size_t n;
	struct error err = {0};
	struct buf b = {0};
	if (store_entry_draft_list(c->s, unit, c->user.login, period, &d, &n, &err)) {
		err_clear(&err);
		return NULL;
	}
	for (size_t i = 0; i < n; i++) {
		if (b.len)
			buf_putc(&b, '&');
		buf_puts(&b, d[i].fields);
		entry_draft_free(&d[i]);
	}
	free(d);
	return b.len ? buf_detach(&b) : (buf_free(&b), NULL);
}

/* The period asked (?period=, else this month): false with *problem set
 * when it is not a period, and this month used instead. */
static bool entry_period(struct ctx *c, char period[32], int *as_of, enum period_kind *grain,
                         char **problem)
{
	char *p = ctx_query(c, "period");
	const char *why = NULL;
	if (p && *p) {
		snprintf(period, 32, "%s", p);
		if (!period_end(period, as_of, grain, &why)) {
			struct period q;
			period_parse(period, &q, NULL);
			period_format(&q, period, 32); /* canonical: "2026-q3" is 2026-Q3 */
			free(p);
			return true;
		}
		*problem =
		        xasprintf("Kỳ \"%s\" không đúng: %s. Hãy chọn kỳ trong danh sách.", p, why);
	}
	free(p);
	time_t t = c->now + 7 * 3600;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(period, 32, "%Y-%m", &tm);
	period_end(period, as_of, grain, &why);
	return !*problem;
}

/* What a posted form holds for one indicator, and what becomes of it. */
struct posted {
	char *code; /* the indicator's (its own copy: the view is read again) */
	char *got[NKINDS];
	const char *skipped; /* why it is not saved, or NULL */
	bool record, drafted;
};

static void posted_free(struct posted *ps, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		for (int k = 0; k < NKINDS; k++)
			free(ps[i].got[k]);
		free(ps[i].code);
	}
	free(ps);
}

/* Read the form: which indicators are to be recorded, and why the others
 * typed in are not. */
static struct posted *read_posted(struct ctx *c, const struct unit_view *v, const char *period,
                                  size_t *n)
{
	struct posted *ps = xcalloc(v->p.nind + 1, sizeof *ps);
	*n = 0;
	struct entry_src body = {c->rq->body, c->rq->body_len};
	for (size_t i = 0; i < v->p.nind; i++) {
		const struct indicator *x = &v->p.ind[i];
		if (!ctx_leads(c, x))
			continue;
		struct posted *p = &ps[(*n)++];
		p->code = xstrdup(x->code);
		bool figure = false, extra = false;
		for (int k = 0; k < NKINDS; k++) {
			p->got[k] = typed(&body, k, x->code);
			bool has = p->got[k] && *p->got[k];
			figure |= k <= K_Y && has;
			extra |= k > K_Y && has;
		}
		const struct obs_rec *o = current(v, x->code, period);
		if (o && o->status && !strcmp(o->status, "approved"))
			continue; /* locked: not on the form */
		if (figure)
			p->record = !unchanged(o, p->got);
		else if (o && (o->has_value || o->has_ratio || o->has_level || o->has_yes))
			p->skipped = "ô số liệu để trống: số liệu đã lưu trước được giữ nguyên";
		else if (extra)
			p->skipped = "có minh chứng hoặc ghi chú nhưng chưa có số liệu";
	}
	return ps;
}

/* Keep what was typed for the indicators not saved, as drafts; forget the
 * drafts of those saved. */
static void keep_drafts(struct ctx *c, int64_t unit, const char *period, struct posted *ps,
                        size_t n, bool saved)
{
	struct error err = {0};
	for (size_t i = 0; i < n; i++) {
		bool keep = ps[i].skipped || (!saved && ps[i].record);
		if (keep) {
			char *f = draft_of(ps[i].code, ps[i].got);
			store_entry_draft_put(c->s, unit, c->user.login, ps[i].code, period, f,
			                      &err);
			free(f);
		} else {
			store_entry_draft_clear(c->s, unit, c->user.login, ps[i].code, period,
			                        &err);
		}
		err_clear(&err);
	}
}

/* Submit the recorded figures and those the form showed unchanged that wait
 * (draft or returned): one review, all or nothing. */
static void submit_all(struct ctx *c, const struct unit_view *v, const char *period,
                       const struct posted *ps, size_t n, struct problems *pr, size_t *sent)
{
	struct review_item *items = xcalloc(n + 1, sizeof *items);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		const struct obs_rec *o = current(v, ps[i].code, period);
		bool waiting = o && o->status &&
		               (!strcmp(o->status, "draft") || !strcmp(o->status, "returned"));
		/* a figure just recorded is a draft now, whatever it was */
		if (ps[i].record || (waiting && !ps[i].skipped))
			items[k++] = (struct review_item){v->u.code, ps[i].code, period};
	}
	if (k)
		store_review_many(c->s, items, k, "submit", c->user.login, NULL, NULL, pr);
	*sent = pr->n ? 0 : k;
	free(items);
}

/* The sentence after a save: how many saved (and sent), and each
 * indicator typed in but not saved, with why. Markup. */
static char *save_notice(size_t saved, bool submit, size_t sent, const struct posted *ps, size_t n)
{
	struct buf b = {0};
	buf_printf(&b, "<div class=\"ok\" role=\"status\" id=\"ket-qua\"><p>");
	if (saved)
		buf_printf(&b, "Đã lưu %zu số liệu", saved);
	else
		buf_puts(&b, "Không có số liệu mới nào để lưu");
	if (submit)
		buf_printf(&b, "%s gửi duyệt %zu số liệu", saved ? " và" : "; đã", sent);
	buf_puts(&b, ".</p>");
	size_t skipped = 0;
	for (size_t i = 0; i < n; i++)
		skipped += ps[i].skipped != NULL;
	if (skipped) {
		buf_printf(&b,
		           "<p class=\"warn\">Chưa lưu %zu chỉ tiêu (đã giữ lại như nháp):</p><ul>",
		           skipped);
		for (size_t i = 0; i < n; i++)
			if (ps[i].skipped) {
				buf_puts(&b, "<li><a href=\"#r-");
				buf_escape_markup(&b, ps[i].code);
				buf_puts(&b, "\">");
				buf_escape_markup(&b, ps[i].code);
				buf_puts(&b, "</a>: ");
				buf_puts(&b, ps[i].skipped);
				buf_puts(&b, "</li>");
			}
		buf_puts(&b, "</ul>");
	}
	buf_puts(&b, "</div>");
	return buf_detach(&b);
}

static void entry_view(struct ctx *c, const char *unit, const char *period, int as_of,
                       enum period_kind grain, struct unit_view *v, bool *ok)
{
	struct error err = {0};
	*ok = !pg_view_unit(c, unit, as_of, grain, v, &err);
	if (!*ok) {
		pg_plain(c, app_error_status(&err), "Không xem được",
		         err.msg ? err.msg : "lỗi cơ sở dữ liệu");
		err_clear(&err);
	}
	(void)period;
}

void page_entry(struct ctx *c, char *const *arg)
{
	const char *unit = arg[0];
	bool post = !strcmp(c->rq->method, "POST");
	char period[32], *problem = NULL;
	int as_of;
	enum period_kind grain;
	bool period_ok = entry_period(c, period, &as_of, &grain, &problem), ok;
	struct unit_view v;
	entry_view(c, unit, period, as_of, grain, &v, &ok);
	if (!ok) {
		free(problem);
		return;
	}
	if (!post || !period_ok) {
		if (!period_ok)
			c->rs->status = 400;
		char *drafts = drafts_text(c, v.u.id, period);
		struct entry_src src = {drafts, drafts ? strlen(drafts) : 0};
		entry_form(c, &v, period, &src, NULL, 0, NULL, problem);
		free(drafts);
		free(problem);
		view_unit_free(&v);
		return;
	}
	/* Every indicator with something new typed: one batch, all or nothing. */
	size_t np;
	struct posted *ps = read_posted(c, &v, period, &np);
	struct obs_input *in = xcalloc(np + 1, sizeof *in);
	const char **codes = xcalloc(np + 1, sizeof *codes);
	size_t n = 0;
	for (size_t i = 0; i < np; i++) {
		if (!ps[i].record)
			continue;
		char *const *g = ps[i].got;
		codes[n] = ps[i].code;
#define F(k) (g[k] ? g[k] : "")
		in[n] = (struct obs_input){unit,       ps[i].code, period, F(K_V), F(K_N),
		                           F(K_D),     F(K_L),     F(K_Y), F(K_T), F(K_E),
		                           (int)n + 1, {0},        {0},    {0},    FIGURE_TEXT};
#undef F
		n++;
	}
	char *action = ctx_form(c, "action");
	bool submit = action && !strcmp(action, "submit");
	struct problems pr = {0};
	bool stored = n && !store_record_batch(c->s, in, n, c->user.login, "nhập trên web", &pr);
	if (stored)
		app_recorded(c, in, n);
	keep_drafts(c, v.u.id, period, ps, np, !pr.n);
	struct entry_error *errs = xcalloc(pr.n + 1, sizeof *errs);
	for (size_t i = 0; i < pr.n; i++)
		errs[i] = (struct entry_error){pr.v[i].line > 0 && (size_t)pr.v[i].line <= n
		                                       ? codes[pr.v[i].line - 1]
		                                       : "",
		                               pr.v[i].message};
	if (pr.n) {
		c->rs->status = 422;
		struct entry_src body = {c->rq->body, c->rq->body_len};
		entry_form(c, &v, period, &body, errs, pr.n, NULL, NULL);
	} else {
		size_t sent = 0;
		struct problems sp = {0};
		if (submit) /* the view before the save: statuses of the unchanged */
			submit_all(c, &v, period, ps, np, &sp, &sent);
		view_unit_free(&v);
		entry_view(c, unit, period, as_of, grain, &v, &ok);
		if (ok) {
			char *note = save_notice(n, submit, sent, ps, np);
			char *drafts = drafts_text(c, v.u.id, period);
			struct entry_src src = {drafts, drafts ? strlen(drafts) : 0};
			if (sp.n)
				c->rs->status = pg_form_status(sp.v[0].code);
			entry_form(c, &v, period, &src, NULL, 0, note,
			           sp.n ? sp.v[0].message : NULL);
			free(drafts);
			free(note);
		} else {
			memset(&v, 0, sizeof v);
			plan_init(&v.p);
		}
		problems_free(&sp);
	}
	free(errs);
	problems_free(&pr);
	free(action);
	posted_free(ps, np);
	free(codes);
	free(in);
	view_unit_free(&v);
}

/* ---- approvals ------------------------------------------------------------------------ */

/* The figures a posted review names: the single one of the old form
 * (indicator, period, unit), one row's button ("approve:3"), the rows
 * ticked or every row listed. *action is "approve" or "return"; each item's
 * own reason in why[]. False when the form names nothing. */
static bool review_items(struct ctx *c, const char *unit, char **action, struct review_item **items,
                         char ***why, size_t *n, char ***owned, size_t *nowned)
{
	char *act = ctx_form(c, "act"), *count = ctx_form(c, "n");
	*items = NULL;
	*why = NULL;
	*n = *nowned = 0;
	*owned = NULL;
	int rows = count ? atoi(count) : 0;
	free(count);
	if (rows < 0 || rows > 10000)
		rows = 0;
	*owned = xcalloc((size_t)rows * 2 + 4, sizeof **owned);
	*items = xcalloc((size_t)rows + 1, sizeof **items);
	*why = xcalloc((size_t)rows + 1, sizeof **why);
	if (!act) { /* the single form: indicator, period (unit) and action */
		char *ind = ctx_form(c, "indicator"), *period = ctx_form(c, "period"),
		     *u = ctx_form(c, "unit");
		*action = ctx_form(c, "action");
		(*owned)[(*nowned)++] = ind;
		(*owned)[(*nowned)++] = period;
		(*owned)[(*nowned)++] = u;
		if (!ind || !period)
			return false;
		**items = (struct review_item){u && *u ? u : unit, ind, period};
		**why = ctx_form(c, "comment");
		*n = 1;
		return true;
	}
	int one = -1;
	const char *colon = strchr(act, ':');
	*action = colon ? xstrndup(act, (size_t)(colon - act)) : xstrndup(act, strcspn(act, "-"));
	if (colon)
		one = atoi(colon + 1);
	bool all = !strcmp(act, "approve-all");
	for (int i = 0; i < rows; i++) {
		char key[32];
		snprintf(key, sizeof key, "s.%d", i);
		char *ticked = ctx_form(c, key);
		bool take = all || i == one || (one < 0 && ticked);
		free(ticked);
		if (!take)
			continue;
		snprintf(key, sizeof key, "k.%d", i);
		char *k = ctx_form(c, key);
		char *bar1 = k ? strchr(k, '|') : NULL, *bar2 = bar1 ? strchr(bar1 + 1, '|') : NULL;
		if (!bar2) {
			free(k);
			continue;
		}
		*bar1 = *bar2 = 0;
		(*owned)[(*nowned)++] = k;
		snprintf(key, sizeof key, "r.%d", i);
		(*why)[*n] = ctx_form(c, key);
		(*items)[(*n)++] = (struct review_item){k, bar1 + 1, bar2 + 1};
	}
	free(act);
	return *n > 0;
}

static char *review_post(struct ctx *c, const char *unit)
{
	char *action = NULL, **why, **owned;
	struct review_item *items;
	size_t n, nowned;
	struct problems ps = {0};
	bool named = review_items(c, unit, &action, &items, &why, &n, &owned, &nowned);
	bool ok_action = action && (!strcmp(action, "approve") || !strcmp(action, "return"));
	if (!named || !ok_action) {
		problems_add(&ps, "E_INPUT", 0,
		             named ? "Yêu cầu không đầy đủ"
		                   : "Chưa chọn số liệu nào để duyệt hoặc trả lại");
	} else {
		for (size_t i = 0; i < n; i++)
			if (!ctx_may(c, RIGHT_APPROVE, items[i].unit))
				problems_add(&ps, "E_FORBIDDEN", (int)i + 1,
				             "Tài khoản này không được duyệt số liệu của %s",
				             items[i].unit);
		char *reason = ctx_form(c, "reason.tren");
		if (!reason || !*reason) {
			free(reason);
			reason = ctx_form(c, "reason.duoi");
		}
		if (!ps.n)
			store_review_many(c->s, items, n, action, c->user.login, reason,
			                  (const char *const *)why, &ps);
		free(reason);
	}
	char *notice;
	if (ps.n) {
		c->rs->status = pg_form_status(ps.v[0].code);
		struct buf b = {0};
		for (size_t i = 0; i < ps.n; i++) {
			buf_puts(&b, i ? "; " : "Chưa làm gì: ");
			buf_puts(&b, ps.v[i].message);
		}
		notice = buf_detach(&b);
	} else if (n == 1) {
		notice = xasprintf("Đã %s %s kỳ %s",
		                   !strcmp(action, "approve") ? "duyệt" : "trả lại", items[0].code,
		                   items[0].period);
	} else {
		notice = xasprintf("Đã %s %zu số liệu",
		                   !strcmp(action, "approve") ? "duyệt" : "trả lại", n);
	}
	problems_free(&ps);
	for (size_t i = 0; i < n; i++)
		free(why[i]);
	for (size_t i = 0; i < nowned; i++)
		free(owned[i]);
	free(why);
	free(owned);
	free(items);
	free(action);
	return notice;
}

static void evidence_link(struct ctx *c, const char *e)
{
	if (!e || !*e) {
		buf_puts(B, "–");
		return;
	}
	bool link = !strncmp(e, "https://", 8) || !strncmp(e, "http://", 7) || e[0] == '/';
	if (link) {
		buf_puts(B, "<a rel=\"noopener noreferrer\" href=\"");
		pg_esc(c, e);
		buf_puts(B, "\">");
	}
	pg_esc(c, e);
	buf_puts(B, link ? "</a>" : "");
}

static void queue_row_html(struct ctx *c, const struct queue_row *r, size_t i, bool units)
{
	buf_printf(B,
	           "<tr><td><input type=\"checkbox\" id=\"s-%zu\" name=\"s.%zu\" value=\"1\">"
	           "<label for=\"s-%zu\" class=\"sr\">Chọn ",
	           i, i, i);
	pg_esc(c, r->o.code);
	buf_printf(B, "</label><input type=\"hidden\" name=\"k.%zu\" value=\"", i);
	pg_esc(c, r->unit);
	buf_putc(B, '|');
	pg_esc(c, r->o.code);
	buf_putc(B, '|');
	pg_esc(c, r->o.period);
	buf_puts(B, "\"></td>");
	if (units) {
		buf_puts(B, "<td>");
		pg_esc(c, r->unit_name);
		buf_puts(B, "</td>");
	}
	buf_puts(B, "<td><strong>");
	pg_esc(c, r->o.code);
	buf_puts(B, "</strong> ");
	pg_esc(c, r->name ? r->name : "");
	buf_puts(B, "</td><td>");
	pg_period(c, r->o.period);
	buf_puts(B, "</td><td class=\"num\">");
	obs_value(c, &r->o);
	if (r->measure) {
		buf_puts(B, " <small>");
		pg_esc(c, r->measure);
		buf_puts(B, "</small>");
	}
	if (r->o.note) {
		buf_puts(B, "<div class=\"note\">");
		pg_esc(c, r->o.note);
		buf_puts(B, "</div>");
	}
	buf_puts(B, "</td><td>");
	if (r->target) {
		buf_printf(B, "%d: ", r->target_year);
		pg_esc(c, r->target);
	} else {
		buf_puts(B, "–");
	}
	buf_puts(B, "</td><td>");
	if (r->has_prev) {
		obs_value(c, &r->prev);
		buf_puts(B, " <small>(");
		pg_period(c, r->prev.period);
		buf_puts(B, ")</small>");
	} else {
		buf_puts(B, "–");
	}
	buf_puts(B, "</td><td>");
	evidence_link(c, r->o.evidence);
	buf_puts(B, "</td><td>");
	pg_esc(c, r->o.by ? r->o.by : "");
	buf_puts(B, "<br><small>");
	pg_time(c, r->o.at);
	buf_printf(B,
	           "</small></td><td class=\"act\"><button name=\"act\" value=\"approve:%zu\">"
	           "Duyệt</button> <label for=\"r-%zu\" class=\"sr\">Lý do trả lại ",
	           i, i);
	pg_esc(c, r->o.code);
	buf_printf(B,
	           "</label><input id=\"r-%zu\" name=\"r.%zu\" placeholder=\"Lý do trả lại\"> "
	           "<button name=\"act\" value=\"return:%zu\">Trả lại</button></td></tr>",
	           i, i, i);
}

static void queue_actions(struct ctx *c, size_t n, const char *where)
{
	buf_printf(
	        B,
	        "<div class=\"bulk\"><label for=\"reason-%s\">Lý do trả lại (cho các số liệu "
	        "đã chọn)</label><input id=\"reason-%s\" name=\"reason.%s\"> <button name=\"act\" "
	        "value=\"approve-selected\">Duyệt các số liệu đã chọn</button> <button "
	        "name=\"act\" value=\"return-selected\">Trả lại các số liệu đã chọn</button> "
	        "<button name=\"act\" value=\"approve-all\">Duyệt tất cả (%zu)</button></div>",
	        where, where, where, n);
	(void)c;
}

void page_approvals(struct ctx *c, char *const *arg)
{
	const char *unit = arg[0];
	bool post = !strcmp(c->rq->method, "POST");
	struct unit_rec u = {0};
	struct error err = {0};
	char *notice = NULL;
	if (store_unit_get(c->s, unit, &u, &err)) {
		pg_plain(c, 404, "Không có đơn vị", "Không có đơn vị này.");
		err_clear(&err);
		return;
	}
	if (post)
		notice = review_post(c, unit);
	pg_head(c, "Duyệt số liệu", unit);
	buf_puts(B, "<h1>Số liệu chờ duyệt</h1>");
	if (notice) {
		buf_printf(B, "<p class=\"%s\" role=\"status\">",
		           c->rs->status >= 400 ? "error" : "ok");
		pg_esc(c, notice);
		buf_puts(B, "</p>");
	}
	struct queue_row *q;
	size_t n = 0;
	if (!queue_list(c->s, unit, &q, &n, &err)) {
		bool units = false;
		for (size_t i = 0; i < n; i++)
			units |= strcmp(q[i].unit, unit) != 0;
		if (n) {
			buf_puts(B, "<form method=\"post\" class=\"queue\"><input type=\"hidden\" "
			            "name=\"csrf\" value=\"");
			pg_esc(c, c->sess.csrf);
			buf_printf(B, "\"><input type=\"hidden\" name=\"n\" value=\"%zu\">", n);
			queue_actions(c, n, "tren");
			buf_printf(B,
			           "<div class=\"wide\"><table><thead><tr><th>Chọn</th>%s<th>Chỉ "
			           "tiêu</th><th>Kỳ</th><th>Số liệu</th><th>Mục tiêu</th><th>Kỳ "
			           "trước</th><th>Minh chứng</th><th>Người gửi</th><th></th></tr>"
			           "</thead><tbody>",
			           units ? "<th>Đơn vị</th>" : "");
			for (size_t i = 0; i < n; i++)
				queue_row_html(c, &q[i], i, units);
			buf_puts(B, "</tbody></table></div>");
			queue_actions(c, n, "duoi");
			buf_puts(B, "</form>");
		}
		queue_free(q, n);
	} else {
		store_failed(c, -1, &err);
	}
	if (!n)
		buf_puts(B, "<p>Không có số liệu nào chờ duyệt.</p>");
	pg_foot(c);
	free(notice);
	err_clear(&err);
	unit_rec_free(&u);
}

/* ---- tasks ------------------------------------------------------------------------------- */

/* A task's reported status as the page words it. */
static const char *task_status_vi(const char *status)
{
	return !status                          ? "–"
	       : !strcmp(status, "done")        ? "xong"
	       : !strcmp(status, "in_progress") ? "đang làm"
	                                        : "chưa bắt đầu";
}

/* The reports set aside when a later plan version replaced or dropped their
 * task ("CODE~vN", store_task_aside): listed under the plan's tasks, read
 * only (no task of the plan takes them), as `chitieu tasks` lists them. */
static void tasks_aside_html(struct ctx *c, int64_t unit_id, const char *period)
{
	struct task_row *a;
	size_t n;
	struct error err = {0};
	if (store_failed(c, store_task_aside(c->s, unit_id, period, &a, &n, &err), &err))
		return;
	if (n)
		buf_puts(B,
		         "<h2 id=\"de-rieng\">Tiến độ đã báo cáo của nhiệm vụ bị thay hoặc bỏ</h2>"
		         "<p>Các báo cáo này được giữ nguyên, để riêng dưới mã "
		         "<code>MÃ~vN</code> (mã của nhiệm vụ ở phiên bản kế hoạch N); không "
		         "nhiệm vụ nào của kế hoạch hiện hành nhận "
		         "chúng.</p><table><thead><tr><th>Mã"
		         "</th><th>Nhiệm vụ</th><th>Chủ trì</th><th>Tiến "
		         "độ</th></tr></thead><tbody>");
	for (size_t i = 0; i < n; i++) {
		buf_puts(B, "<tr class=\"aside\"><td>");
		pg_esc(c, a[i].code);
		buf_puts(B, "</td><td>");
		pg_esc(c, a[i].title);
		buf_puts(B, "</td><td>");
		pg_esc(c, a[i].lead ? a[i].lead : "–");
		buf_puts(B, "</td><td>");
		buf_puts(B, task_status_vi(a[i].status));
		if (a[i].percent >= 0)
			buf_printf(B, " %d%%", a[i].percent);
		buf_puts(B, "</td></tr>");
		task_row_free(&a[i]);
	}
	if (n)
		buf_puts(B, "</tbody></table>");
	free(a);
}

void page_tasks(struct ctx *c, char *const *arg)
{
	const char *unit = arg[0];
	bool post = !strcmp(c->rq->method, "POST");
	int as_of;
	enum period_kind grain;
	char period[32], *notice = NULL;
	struct error err = {0};
	struct unit_rec u = {0};
	if (!ctx_period(c, &as_of, &grain, period, false))
		return;
	if (store_unit_get(c->s, unit, &u, &err)) {
		err_clear(&err);
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
			buf_puts(B, task_status_vi(t[i].status));
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
		tasks_aside_html(c, u.id, period);
	}
	pg_foot(c);
	free(notice);
	err_clear(&err);
	unit_rec_free(&u);
}
