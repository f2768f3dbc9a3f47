/* page_links.c: shared indicators ("Đối chiếu chỉ tiêu"): the proposals to confirm. */
#include "pages.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- shared indicators ("Đối chiếu chỉ tiêu") -------------------------------------------- */

/* A decision posted on the page: confirm, reject or set (point to another
 * indicator of the unit) one child's link, or confirm every proposal that
 * is sure (score >= LINK_SURE) at once. The message to show. */
static char *links_post(struct ctx *c, const struct unit_rec *u)
{
	char *child = ctx_form(c, "unit"), *ind = ctx_form(c, "indicator"),
	     *pind = ctx_form(c, "parent_indicator"), *action = ctx_form(c, "action"),
	     *notice = NULL;
	struct error err = {0};
	struct problems ps = {0};
	struct unit_rec cu = {0};
	c->relinked = true;
	if (action && !strcmp(action, "all_sure")) {
		size_t n = 0;
		if (store_begin(c->s, &err) ||
		    store_link_confirm_sure(c->s, u->id, LINK_SURE, c->user.login, &n, &err) ||
		    store_commit(c->s, &err)) {
			store_rollback(c->s);
			problems_add(&ps, "E_DB", 0, "%s",
			             err_is(&err) ? pg_err_sentence(&err) : "lỗi cơ sở dữ liệu");
		} else {
			notice = xasprintf("Đã xác nhận %zu liên kết chắc chắn (điểm từ 0,95)", n);
		}
	} else if (!child || !ind || !action ||
	           (strcmp(action, "confirm") && strcmp(action, "reject") &&
	            strcmp(action, "set")) ||
	           (!strcmp(action, "set") && (!pind || !*pind)) ||
	           store_unit_get(c->s, child, &cu, &err) || !cu.parent_code ||
	           strcmp(cu.parent_code, u->code)) {
		problems_add(&ps, "E_INPUT", 0, "Yêu cầu không đầy đủ");
	} else if (!store_begin(c->s, &err)) {
		if (store_link_decide(c->s, cu.id, ind, pind && *pind ? pind : NULL, action,
		                      c->user.login, &ps))
			store_rollback(c->s);
		else
			store_commit(c->s, &err);
	}
	if (ps.n) {
		c->rs->status = pg_form_status(ps.v[0].code);
		free(notice);
		notice = xstrdup(ps.v[0].message);
	} else if (!notice) {
		notice = xasprintf("Đã %s liên kết %s %s",
		                   !strcmp(action, "confirm") ? "xác nhận"
		                   : !strcmp(action, "set")   ? "đặt lại"
		                                              : "bác",
		                   child, ind);
	}
	problems_free(&ps);
	unit_rec_free(&cu);
	free(child);
	free(ind);
	free(pind);
	free(action);
	err_clear(&err);
	return notice;
}

/* The proposals linking the children's indicators to the unit's, each with
 * its score and reasons, to confirm or reject; what is confirmed and
 * rejected below. The office of the unit (or above) and admin. */
void page_links(struct ctx *c, char *const *arg)
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
		notice = links_post(c, &u);
	pg_head(c, "Đối chiếu chỉ tiêu", unit);
	buf_puts(B, "<h1>Đối chiếu chỉ tiêu</h1><p>Chỉ tiêu của các đơn vị trực thuộc và chỉ tiêu "
	            "tương ứng trong kế hoạch của ");
	pg_esc(c, u.name);
	buf_puts(B, ": xác nhận thì số liệu được cộng vào chỉ tiêu của đơn vị; bác thì không.</p>");
	if (notice) {
		buf_printf(B, "<p class=\"%s\" role=\"status\">",
		           c->rs->status >= 400 ? "error" : "ok");
		pg_esc(c, notice);
		buf_puts(B, "</p>");
	}
	buf_puts(B, "<form method=\"post\"><input type=\"hidden\" name=\"csrf\" value=\"");
	pg_esc(c, c->sess.csrf);
	buf_puts(B, "\"><button name=\"action\" value=\"all_sure\">Xác nhận mọi đề xuất chắc "
	            "chắn (điểm từ 0,95)</button></form>");
	struct link_rec *r = NULL;
	size_t n = 0, shown = 0;
	if (!store_link_list(c->s, u.id, "proposed", &r, &n, &err)) {
		buf_puts(B,
		         "<table><thead><tr><th>Đơn vị</th><th>Chỉ tiêu của đơn vị</th><th>Chỉ "
		         "tiêu của cấp trên</th><th>Điểm</th><th>Lý do</th><th></th></tr></thead>"
		         "<tbody>");
		for (size_t i = 0; i < n; i++) {
			if (!r[i].gone) {
				shown++;
				buf_puts(B, "<tr><td>");
				pg_esc(c, r[i].child_unit);
				buf_puts(B, "</td><td>");
				pg_esc(c, r[i].child_code);
				buf_puts(B, " ");
				pg_esc(c, r[i].child_name);
				buf_puts(B, "</td><td>");
				pg_esc(c, r[i].parent_code);
				buf_puts(B, " ");
				pg_esc(c, r[i].parent_name);
				buf_printf(B, "</td><td class=\"num\">%.2f</td><td>", r[i].score);
				pg_esc(c, r[i].why);
				buf_puts(B, "</td><td><form method=\"post\" class=\"inline\">"
				            "<input type=\"hidden\" name=\"csrf\" value=\"");
				pg_esc(c, c->sess.csrf);
				buf_puts(B, "\"><input type=\"hidden\" name=\"unit\" value=\"");
				pg_esc(c, r[i].child_unit);
				buf_puts(B,
				         "\"><input type=\"hidden\" name=\"indicator\" value=\"");
				pg_esc(c, r[i].child_code);
				buf_puts(B, "\"><label>Chỉ tiêu của cấp trên <input "
				            "name=\"parent_indicator\" "
				            "size=\"6\" value=\"");
				pg_esc(c, r[i].parent_code);
				buf_puts(
				        B,
				        "\"></label> <button name=\"action\" value=\"confirm\">Xác "
				        "nhận</button> "
				        "<button name=\"action\" "
				        "value=\"reject\">Bác</button> "
				        "<button name=\"action\" value=\"set\">Chỉ sang chỉ tiêu "
				        "đã ghi</button></form>"
				        "</td></tr>");
			}
			link_rec_free(&r[i]);
		}
		free(r);
		buf_puts(B, "</tbody></table>");
	}
	if (!shown)
		buf_puts(B, "<p>Không có đề xuất nào chờ xác nhận.</p>");
	pg_foot(c);
	free(notice);
	err_clear(&err);
	unit_rec_free(&u);
}
