/* page_public.c: the public portal, in the Open SDG spirit, without signing
 * in and with approved figures only: /cong-khai lists the provinces and their
 * communes; /cong-khai/U is a unit's landing page (its communes, its
 * indicators with their status); /cong-khai/U/chi-tieu/I an indicator with
 * its chart, its approved figures, its metadata and a CSV download
 * (/cong-khai/U/chi-tieu/I/csv). Every page says when it was last updated
 * (the latest approved figure). */
#include "pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void unit_list(struct ctx *c, const struct unit_rec *u, size_t n, const char *parent,
                      int depth)
{
	bool open = false;
	for (size_t i = 0; i < n && depth < 4; i++) {
		if (parent ? !u[i].parent_code || strcmp(u[i].parent_code, parent)
		           : !!u[i].parent_code)
			continue;
		if (!open)
			buf_puts(B, depth ? "<ul>" : "<ul class=\"units\">");
		open = true;
		buf_puts(B, "<li><a href=\"/cong-khai/");
		pg_esc(c, u[i].code);
		buf_puts(B, "\">");
		pg_esc(c, u[i].name);
		buf_puts(B, "</a>");
		unit_list(c, u, n, u[i].code, depth + 1);
		buf_puts(B, "</li>");
	}
	if (open)
		buf_puts(B, "</ul>");
}

void page_public_home(struct ctx *c, char *const *arg)
{
	(void)arg;
	struct unit_rec *u = NULL;
	size_t n = 0;
	struct error err = {0};
	pg_head(c, "Công khai kết quả thực hiện", NULL);
	buf_puts(B, "<h1>Công khai kết quả thực hiện</h1><p>Kết quả thực hiện các chỉ tiêu của "
	            "tỉnh, thành phố và các xã, phường: chỉ số liệu đã được duyệt. Chọn một đơn "
	            "vị.</p>");
	if (!store_unit_list(c->s, &u, &n, &err))
		unit_list(c, u, n, NULL, 0);
	else
		buf_puts(B, "<p class=\"error\">Chưa đọc được danh sách đơn vị.</p>");
	for (size_t i = 0; i < n; i++)
		unit_rec_free(&u[i]);
	free(u);
	err_clear(&err);
	pg_foot(c);
}

/* The latest time a figure shown was approved (recorded), "" when none. */
static const char *last_update(const struct unit_view *v, const char *code)
{
	const char *at = "";
	for (size_t i = 0; i < v->no; i++)
		if (v->o[i].at && (!code || (v->o[i].code && !strcmp(v->o[i].code, code))) &&
		    strcmp(v->o[i].at, at) > 0)
			at = v->o[i].at;
	return at;
}

static void updated(struct ctx *c, const char *at)
{
	buf_puts(B, "<p class=\"updated\">Cập nhật lần cuối: ");
	if (*at)
		pg_time(c, at);
	else
		buf_puts(B, "chưa có số liệu được duyệt");
	buf_puts(B, "</p>");
}

void page_public_unit(struct ctx *c, char *const *arg)
{
	const char *unit = arg[0];
	struct unit_view v;
	char period[32];
	bool planned = pg_unit_view(c, unit, &v, period, true);
	if (!planned) {
		/* A unit without a plan of its own (a province before its
		 * catalogue) still has its landing page: its communes. */
		struct unit_rec self = {0};
		struct error e = {0};
		if (c->rs->status != 404 || store_unit_get(c->s, unit, &self, &e)) {
			err_clear(&e);
			return;
		}
		buf_reset(B);
		c->rs->status = 200;
		memset(&v, 0, sizeof v);
		v.u = self;
	}
	pg_head(c, v.u.name, NULL);
	buf_puts(B, "<p class=\"crumbs\"><a href=\"/cong-khai\">Công khai</a>");
	if (v.u.parent_code) {
		buf_puts(B, " › <a href=\"/cong-khai/");
		pg_esc(c, v.u.parent_code);
		buf_puts(B, "\">");
		pg_esc(c, v.u.parent_code);
		buf_puts(B, "</a>");
	}
	buf_puts(B, "</p><h1>");
	pg_esc(c, v.u.name);
	buf_puts(B, "</h1>");
	if (planned) {
		buf_puts(B, "<p>Kết quả công khai, kỳ ");
		pg_period(c, period);
		buf_puts(B, ": chỉ số liệu đã được duyệt.</p>");
		updated(c, last_update(&v, NULL));
	} else {
		buf_puts(B, "<p>Đơn vị chưa có kế hoạch với các chỉ tiêu để công khai.</p>");
	}
	struct unit_rec *u = NULL;
	size_t n = 0;
	struct error err = {0};
	if (!store_unit_list(c->s, &u, &n, &err)) {
		bool any = false;
		for (size_t i = 0; i < n; i++)
			any |= u[i].parent_code && !strcmp(u[i].parent_code, unit);
		if (any) {
			buf_puts(B, "<h2>Các đơn vị trực thuộc</h2>");
			unit_list(c, u, n, unit, 1);
		}
		for (size_t i = 0; i < n; i++)
			unit_rec_free(&u[i]);
		free(u);
	}
	err_clear(&err);
	if (!planned) {
		unit_rec_free(&v.u);
		pg_foot(c);
		return;
	}
	buf_puts(B, "<h2>Các chỉ tiêu</h2><table class=\"status\"><thead><tr><th>Mã</th>"
	            "<th>Chỉ tiêu</th><th>Số mới nhất</th><th>Mục tiêu</th><th>Đánh giá</th>"
	            "</tr></thead><tbody>");
	for (size_t i = 0; i < v.n; i++) {
		const struct status_row *r = &v.rows[i];
		buf_puts(B, "<tr><td>");
		pg_esc(c, r->ind->code);
		buf_puts(B, "</td><td><a href=\"/cong-khai/");
		pg_esc(c, unit);
		buf_puts(B, "/chi-tieu/");
		pg_esc(c, r->ind->code);
		buf_puts(B, "\">");
		pg_esc(c, r->ind->name);
		buf_puts(B, "</a></td><td class=\"num\">");
		if (r->r.has_latest)
			pg_number(c, r->r.latest);
		else
			buf_puts(B, "–");
		buf_puts(B, "</td><td>");
		if (r->target) {
			buf_printf(B, "%d: ", r->year);
			pg_esc(c, r->target->text);
		}
		buf_puts(B, "</td><td>");
		pg_badge(c, r->r.status);
		buf_puts(B, "</td></tr>");
	}
	buf_puts(B, "</tbody></table>");
	pg_foot(c);
	view_unit_free(&v);
}

/* The indicator's row of the view, else a 404 page (and the view freed). */
static const struct status_row *find_row(struct ctx *c, struct unit_view *v, const char *code)
{
	for (size_t i = 0; i < v->n; i++)
		if (!strcmp(v->rows[i].ind->code, code))
			return &v->rows[i];
	view_unit_free(v);
	pg_plain(c, 404, "Không có chỉ tiêu", "Kế hoạch của đơn vị không có chỉ tiêu này.");
	return NULL;
}

void page_public_indicator(struct ctx *c, char *const *arg)
{
	const char *unit = arg[0], *code = arg[1];
	struct unit_view v;
	char period[32];
	if (!pg_unit_view(c, unit, &v, period, true))
		return;
	const struct status_row *r = find_row(c, &v, code);
	if (!r)
		return;
	const struct indicator *x = r->ind;
	pg_head(c, x->name, NULL);
	buf_puts(B, "<p class=\"crumbs\"><a href=\"/cong-khai\">Công khai</a> › <a "
	            "href=\"/cong-khai/");
	pg_esc(c, unit);
	buf_puts(B, "\">");
	pg_esc(c, v.u.name);
	buf_puts(B, "</a></p><h1>");
	pg_esc(c, x->code);
	buf_puts(B, ". ");
	pg_esc(c, x->name);
	buf_puts(B, "</h1><p>");
	pg_badge(c, r->r.status);
	buf_puts(B, "</p>");
	updated(c, last_update(&v, code));
	buf_puts(B, "<h2>Thông tin chỉ tiêu</h2><dl class=\"meta\"><dt>Đơn vị</dt><dd>");
	pg_esc(c, v.u.name);
	buf_puts(B, "</dd><dt>Đơn vị tính</dt><dd>");
	pg_esc(c, x->unit ? x->unit : "–");
	buf_puts(B, "</dd><dt>Nguồn</dt><dd>Kế hoạch ");
	pg_esc(c, v.p.number ? v.p.number : "");
	buf_puts(B, " ");
	pg_esc(c, v.p.issuer ? v.p.issuer : "");
	buf_puts(B, "</dd><dt>Cơ quan chủ trì</dt><dd>");
	pg_esc(c, x->lead ? x->lead : "–");
	buf_puts(B, "</dd><dt>Mục tiêu</dt><dd>");
	if (r->target) {
		buf_printf(B, "%d: ", r->year);
		pg_esc(c, r->target->text);
	} else {
		buf_puts(B, "–");
	}
	buf_puts(B, "</dd></dl><h2>Diễn biến</h2>");
	page_unit_chart(c, &v, r);
	buf_puts(B, "<h2>Số liệu đã duyệt</h2><p><a class=\"download\" href=\"/cong-khai/");
	pg_esc(c, unit);
	buf_puts(B, "/chi-tieu/");
	pg_esc(c, code);
	buf_puts(B, "/csv\" download>Tải về CSV</a></p><table class=\"figures\"><thead><tr>"
	            "<th>Kỳ</th><th>Số liệu</th><th>Ghi lúc</th></tr></thead><tbody>");
	size_t shown = 0;
	for (size_t i = 0; i < v.no; i++) {
		const struct obs_rec *o = &v.o[i];
		double y;
		if (!o->code || strcmp(o->code, code))
			continue;
		shown++;
		buf_puts(B, "<tr><td>");
		pg_period(c, o->period);
		buf_puts(B, "</td><td class=\"num\">");
		if (o->has_level && o->level)
			pg_esc(c, o->level);
		else if (o->has_yes)
			buf_puts(B, o->yes ? "Có" : "Không");
		else if (status_point(x, o, &y))
			pg_number(c, y);
		buf_puts(B, "</td><td>");
		pg_time(c, o->at);
		buf_puts(B, "</td></tr>");
	}
	buf_puts(B, "</tbody></table>");
	if (!shown)
		buf_puts(B, "<p>Chưa có số liệu được duyệt.</p>");
	pg_foot(c);
	view_unit_free(&v);
}

static void csv_cell(struct ctx *c, const char *s)
{
	buf_putc(B, '"');
	for (; s && *s; s++) {
		if (*s == '"')
			buf_putc(B, '"');
		buf_putc(B, *s);
	}
	buf_putc(B, '"');
}

void page_public_csv(struct ctx *c, char *const *arg)
{
	const char *unit = arg[0], *code = arg[1];
	struct unit_view v;
	char period[32];
	if (!pg_unit_view(c, unit, &v, period, true))
		return;
	const struct status_row *r = find_row(c, &v, code);
	if (!r)
		return;
	c->rs->ctype = "text/csv; charset=utf-8";
	http_header(c->rs, "Content-Disposition: attachment; filename=\"%s-%s.csv\"", v.u.code,
	            code);
	buf_puts(B, "unit,unit_name,indicator,indicator_name,period,value,num,den,unit_of_measure,"
	            "updated_at\r\n");
	for (size_t i = 0; i < v.no; i++) {
		const struct obs_rec *o = &v.o[i];
		double y;
		if (!o->code || strcmp(o->code, code))
			continue;
		csv_cell(c, v.u.code);
		buf_putc(B, ',');
		csv_cell(c, v.u.name);
		buf_putc(B, ',');
		csv_cell(c, code);
		buf_putc(B, ',');
		csv_cell(c, r->ind->name);
		buf_printf(B, ",%s,", o->period);
		if (o->has_level && o->level)
			csv_cell(c, o->level);
		else if (o->has_yes)
			buf_puts(B, o->yes ? "1" : "0");
		else if (status_point(r->ind, o, &y))
			buf_printf(B, "%.10g", y);
		buf_putc(B, ',');
		if (o->has_ratio)
			buf_printf(B, "%.10g,%.10g", o->num, o->den);
		else
			buf_putc(B, ',');
		buf_putc(B, ',');
		csv_cell(c, r->ind->unit ? r->ind->unit : "");
		buf_printf(B, ",%s\r\n", o->at ? o->at : "");
	}
	view_unit_free(&v);
}
