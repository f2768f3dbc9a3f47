/* page_province.c: a province and its communes, and the periodic report. */
#include "pages.h"

#include <math.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- a province and its communes -------------------------------------------------------- */

void page_province(struct ctx *c, char *const *arg)
{
	const char *unit = arg[0];
	int as_of;
	enum period_kind grain;
	char period[32], *err = NULL;
	if (!ctx_period(c, &as_of, &grain, period, false))
		return;
	struct family f;
	if (view_family(c->s, unit, grain, &f, &err)) {
		view_family_free(&f);
		char code[40];
		const char *msg;
		pg_plain(c, app_code_status(app_error_code(err, code, &msg)), "Không xem được",
		         err);
		free(err);
		return;
	}
	pg_head(c, "Các đơn vị trực thuộc", unit);
	buf_puts(B, "<h1>Các đơn vị trực thuộc ");
	pg_esc(c, unit);
	buf_puts(B, ", kỳ ");
	pg_esc(c, period);
	buf_puts(B, "</h1>");
	struct rank_row *r;
	size_t n = view_rank(&f, as_of, &r);
	buf_puts(B, "<h2>Xếp hạng</h2><p>Tỷ lệ chỉ tiêu đạt hoặc đúng tiến độ trên số chỉ tiêu có "
	            "mục tiêu (chưa có số liệu tính là chưa đạt); bằng nhau thì cùng hạng.</p>"
	            "<table class=\"sortable\"><thead><tr><th>Hạng</th><th>Đơn vị</th><th>Tỷ "
	            "lệ</th><th>Đạt/có mục tiêu</th></tr></thead><tbody>");
	for (size_t i = 0; i < n; i++) {
		buf_printf(B, "<tr><td>%d</td><td><a href=\"/don-vi/", r[i].rank);
		pg_esc(c, r[i].code);
		buf_puts(B, "\">");
		pg_esc(c, r[i].name);
		buf_printf(
		        B,
		        "</a></td><td class=\"num\">%.1f%%</td><td class=\"num\">%d/%d</td></tr>",
		        100 * r[i].completion, r[i].good, r[i].evaluated);
	}
	free(r);
	buf_puts(B, "</tbody></table>");
	/* Communes x indicators, coloured by status. */
	struct status_row **st = xcalloc(f.n + 1, sizeof *st);
	size_t *ns = xcalloc(f.n + 1, sizeof *ns);
	for (size_t i = 0; i < f.n; i++)
		ns[i] = status_evaluate(f.c[i].plan, f.c[i].obs, f.c[i].nobs, as_of, EVAL_LINEAR,
		                        &st[i]);
	const struct plan *first = f.n ? f.c[0].plan : NULL;
	buf_puts(B, "<h2>Theo chỉ tiêu</h2><div class=\"wide\"><table class=\"grid sortable\">"
	            "<thead><tr><th>Đơn vị</th>");
	for (size_t k = 0; first && k < first->nind; k++) {
		buf_puts(B, "<th title=\"");
		pg_esc(c, first->ind[k].name);
		buf_puts(B, "\">");
		pg_esc(c, first->ind[k].code);
		buf_puts(B, "</th>");
	}
	buf_puts(B, "</tr></thead><tbody>");
	static const char *const cls[] = {"xam", "xanh", "vang", "do"};
	for (size_t i = 0; i < f.n; i++) {
		buf_puts(B, "<tr><td><a href=\"/don-vi/");
		pg_esc(c, f.c[i].code);
		buf_puts(B, "\">");
		pg_esc(c, f.c[i].name);
		buf_puts(B, "</a></td>");
		for (size_t k = 0; first && k < first->nind; k++) {
			const struct status_row *row = NULL;
			for (size_t j = 0; j < ns[i] && !row; j++)
				if (!strcmp(st[i][j].ind->code, first->ind[k].code))
					row = &st[i][j];
			enum eval_status s = row ? row->r.status : EVAL_NOT_EVALUATED;
			buf_printf(B, "<td class=\"cell %s\" data-sort=\"%d\" title=\"%s\">%s</td>",
			           cls[eval_status_colour(s)], (int)s, eval_status_vi(s),
			           eval_colour_vi(eval_status_colour(s)));
		}
		buf_puts(B, "</tr>");
		free(st[i]);
	}
	free(st);
	free(ns);
	buf_puts(B, "</tbody></table></div>");
	pg_foot(c);
	view_family_free(&f);
}

/* ---- the periodic report ----------------------------------------------------------------------
 */

/* The report's HTML carries its style sheet inline (it is also a file and
 * chromium's input): this answer's policy allows that one <style> by its
 * SHA-256 and nothing else inline. */
static void allow_report_style(struct ctx *c)
{
	unsigned char h[crypto_hash_sha256_BYTES];
	char b64[sodium_base64_ENCODED_LEN(crypto_hash_sha256_BYTES,
	                                   sodium_base64_VARIANT_ORIGINAL)];
	crypto_hash_sha256(h, (const unsigned char *)report_css, strlen(report_css));
	sodium_bin2base64(b64, sizeof b64, h, sizeof h, sodium_base64_VARIANT_ORIGINAL);
	http_header(c->rs,
	            "Content-Security-Policy: default-src 'none'; style-src 'sha256-%s'; "
	            "img-src 'self' data:; form-action 'none'; base-uri 'none'; "
	            "frame-ancestors 'none'",
	            b64);
}

void page_report(struct ctx *c, char *const *arg)
{
	const char *unit = arg[0];
	char *format = ctx_query(c, "format"), *period = ctx_query(c, "period"), *err = NULL;
	static const char *const types[][2] = {
	        {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
	        {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
	        {"pdf", "application/pdf"},
	        {"html", "text/html; charset=utf-8"},
	        {"csv", "text/csv; charset=utf-8"},
	        {"json", "application/json"}};
	const char *ctype = NULL;
	for (size_t k = 0; k < sizeof types / sizeof types[0]; k++)
		if (format && !strcmp(format, types[k][0]))
			ctype = types[k][1];
	char today[16];
	struct tm tm;
	localtime_r(&c->now, &tm);
	strftime(today, sizeof today, "%Y-%m-%d", &tm);
	struct report r;
	struct buf out = {0};
	bool heavy = false;
	if (!ctype) {
		pg_plain(c, 400, "Không có định dạng này",
		         "Chọn docx, xlsx, pdf, html, csv hoặc json.");
	} else if (!(heavy = app_heavy_begin(c))) {
		ctype = NULL; /* 429, written */
	} else if (report_build(c->s, unit, period && *period ? period : today, today, &r, &err) ||
	           report_render(&r, format, &out, &err)) {
		char code[40];
		const char *msg;
		pg_plain(c, app_code_status(app_error_code(err, code, &msg)),
		         "Không lập được báo cáo", err);
	} else {
		buf_reset(B);
		buf_put(B, buf_str(&out), out.len);
		c->rs->ctype = ctype;
		if (!strcmp(format, "html"))
			allow_report_style(c);
		else
			http_header(
			        c->rs,
			        "Content-Disposition: attachment; filename=\"bao-cao-%s-%s.%s\"",
			        unit, r.period, format);
	}
	if (ctype)
		report_free(&r);
	if (heavy)
		app_heavy_end(c);
	buf_free(&out);
	free(err);
	free(format);
	free(period);
}
