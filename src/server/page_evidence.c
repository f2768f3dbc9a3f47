/* page_evidence.c: evidence as an uploaded file, kept with the figure: the
 * upload page of an indicator and period (multipart/form-data), the same
 * for the API (the file as the body), and the file served back as an
 * attachment with the type its content shows. Files are checked by their
 * bytes, never by their name: PDF, JPEG, PNG, DOCX or XLSX, at most
 * EVIDENCE_MAX bytes. */
#include "pages.h"

#include "multipart.h"
#include "review.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EVIDENCE_MAX 1000000 /* bytes; a request body is at most APP_MAX_BODY */

struct file_type {
	const char *mime, *ext;
};

static bool has(const char *d, size_t n, const char *s)
{
	size_t k = strlen(s);
	for (size_t i = 0; i + k <= n; i++)
		if (d[i] == s[0] && !memcmp(d + i, s, k))
			return true;
	return false;
}

/* The type the content shows, or NULL. An OOXML file is a ZIP whose entries
 * name word/ (DOCX) or xl/ (XLSX). */
static const struct file_type *sniff(const char *d, size_t n)
{
	static const struct file_type pdf = {"application/pdf", "pdf"},
	                              jpeg = {"image/jpeg", "jpg"}, png = {"image/png", "png"},
	                              docx = {"application/vnd.openxmlformats-officedocument."
	                                      "wordprocessingml.document",
	                                      "docx"},
	                              xlsx = {"application/vnd.openxmlformats-officedocument."
	                                      "spreadsheetml.sheet",
	                                      "xlsx"};
	if (n >= 5 && !memcmp(d, "%PDF-", 5))
		return &pdf;
	if (n >= 3 && !memcmp(d, "\xff\xd8\xff", 3))
		return &jpeg;
	if (n >= 8 && !memcmp(d, "\x89PNG\r\n\x1a\n", 8))
		return &png;
	if (n >= 4 && !memcmp(d, "PK\x03\x04", 4) && has(d, n, "[Content_Types].xml")) {
		if (has(d, n, "word/document.xml"))
			return &docx;
		if (has(d, n, "xl/workbook.xml"))
			return &xlsx;
	}
	return NULL;
}

/* Keep a file as the evidence of unit's indicator code for period: checked,
 * stored, and its link put in the account's draft of the indicator (the
 * form shows it in the evidence field; saved with the figure). 0 and *url
 * (caller frees), or -1 with a problem. */
int app_evidence_put(struct ctx *c, const char *unit, const char *code, const char *period,
                     const char *filename, const char *data, size_t len, char **url,
                     struct problems *ps)
{
	struct unit_rec u = {0};
	struct series_rec sr = {0};
	struct period p;
	struct error err = {0};
	char canon[PERIOD_NAME_SIZE];
	const struct file_type *t = sniff(data, len);
	int rc = -1;
	if (!len)
		problems_add(ps, "E_INPUT", 0, "Chưa chọn tệp minh chứng");
	else if (len > EVIDENCE_MAX)
		problems_add(ps, "E_TOO_LARGE", 0,
		             "Tệp minh chứng %zu byte, quá giới hạn %d byte (khoảng 1 MB)", len,
		             EVIDENCE_MAX);
	else if (!t)
		problems_add(ps, "E_FILE_TYPE", 0,
		             "Nội dung tệp không phải PDF, JPEG, PNG, DOCX hoặc XLSX (xét theo nội "
		             "dung, không theo tên tệp)");
	else if (!code || !period || period_parse(period, &p, NULL))
		problems_add(ps, "E_INPUT", 0, "Cần chỉ tiêu và kỳ báo cáo hợp lệ");
	else if (store_unit_get(c->s, unit, &u, &err) ||
	         store_series_get(c->s, u.id, code, &sr, &err))
		problems_add(ps, "E_NOT_FOUND", 0, "Đơn vị không có chỉ tiêu %s", code);
	else
		rc = 0;
	if (rc) {
		err_clear(&err);
		unit_rec_free(&u);
		return rc;
	}
	series_rec_free(&sr);
	period_format(&p, canon, sizeof canon);
	char name[120];
	snprintf(name, sizeof name, "%s", filename && *filename ? filename : "tep");
	int64_t id = 0;
	if (store_file_put(c->s, u.id, code, canon, name, t->mime, data, len, c->user.login, &id,
	                   &err)) {
		problems_add(ps, err_name(err.code), 0, "%s", err.msg);
		rc = -1;
	} else {
		*url = xasprintf("/don-vi/%s/tep/%lld", unit, (long long)id);
		/* The draft keeps what else was typed; its evidence becomes the link. */
		struct entry_draft *d;
		size_t n;
		struct buf b = {0};
		char key[80];
		snprintf(key, sizeof key, "e.%s", code);
		if (!store_entry_draft_list(c->s, u.id, c->user.login, canon, &d, &n, &err)) {
			for (size_t i = 0; i < n; i++) {
				if (!strcmp(d[i].code, code))
					for (const char *q = d[i].fields; *q;) {
						size_t k = strcspn(q, "&");
						if (strncmp(q, "e.", 2)) {
							buf_put(&b, q, k);
							buf_putc(&b, '&');
						}
						q += k + (q[k] == '&');
					}
				entry_draft_free(&d[i]);
			}
			free(d);
		}
		buf_printf(&b, "e.%s=%%2Fdon-vi%%2F%s%%2Ftep%%2F%lld", code, unit, (long long)id);
		store_entry_draft_put(c->s, u.id, c->user.login, code, canon, buf_str(&b), &err);
		buf_free(&b);
	}
	err_clear(&err);
	unit_rec_free(&u);
	return rc;
}

/* The file, as an attachment of the type its content showed. */
void app_evidence_get(struct ctx *c, const char *unit, const char *id_text, bool json)
{
	struct unit_rec u = {0};
	struct file_rec f = {0};
	struct error err = {0};
	char *end;
	long long id = strtoll(id_text, &end, 10);
	int rc = *end || id <= 0 ? 1 : store_unit_get(c->s, unit, &u, &err);
	if (!rc)
		rc = store_file_get(c->s, u.id, id, &f, &err);
	if (rc) {
		if (json)
			reply_error(c, 404, "E_NOT_FOUND", "Không có tệp này");
		else
			pg_plain(c, 404, "Không có tệp", "Không có tệp minh chứng này.");
	} else {
		const struct file_type *t = sniff(f.data, f.size);
		c->rs->ctype = t ? t->mime : "application/octet-stream";
		http_header(c->rs,
		            "Content-Disposition: attachment; filename=\"minh-chung-%lld.%s\"", id,
		            t ? t->ext : "bin");
		http_header(c->rs, "Cache-Control: private, no-store");
		buf_reset(B);
		buf_put(B, f.data, f.size);
	}
	file_rec_free(&f);
	unit_rec_free(&u);
	err_clear(&err);
}

void page_evidence_file(struct ctx *c, char *const *arg)
{
	app_evidence_get(c, arg[0], arg[1], false);
}

static void upload_form(struct ctx *c, const char *unit, const char *code, const char *period,
                        const char *problem)
{
	pg_head(c, "Tải tệp minh chứng", unit);
	buf_puts(B, "<h1>Tải tệp minh chứng</h1>");
	if (problem) {
		buf_puts(B, "<p class=\"error\" role=\"alert\">");
		pg_esc(c, problem);
		buf_puts(B, "</p>");
	}
	bool choose = !code || !*code; /* from the entry page's one link */
	if (choose) {
		buf_puts(B, "<p>Kỳ ");
	} else {
		buf_puts(B, "<p>Chỉ tiêu <strong>");
		pg_esc(c, code);
		buf_puts(B, "</strong>, kỳ ");
	}
	pg_period(c, period);
	buf_printf(B,
	           ". Tệp PDF, JPEG, PNG, DOCX hoặc XLSX, tối đa %d byte (khoảng 1 MB); "
	           "tệp được lưu cùng số liệu.</p><form method=\"post\" "
	           "enctype=\"multipart/form-data\" class=\"card\"><input type=\"hidden\" "
	           "name=\"csrf\" value=\"",
	           EVIDENCE_MAX);
	pg_esc(c, c->sess.csrf);
	if (choose) { /* the indicators this account may record */
		struct plan p;
		struct unit_rec u = {0};
		struct error err = {0};
		buf_puts(B, "\"><label for=\"chi-tieu\">Chỉ tiêu</label><select id=\"chi-tieu\" "
		            "name=\"indicator\" required>");
		if (!store_unit_get(c->s, unit, &u, &err) &&
		    !store_plan_load(c->s, u.id, &p, &err)) {
			for (size_t i = 0; i < p.nind; i++) {
				if (!ctx_leads(c, &p.ind[i]))
					continue;
				buf_puts(B, "<option value=\"");
				pg_esc(c, p.ind[i].code);
				buf_puts(B, "\">");
				pg_esc(c, p.ind[i].code);
				buf_puts(B, " ");
				pg_esc(c, p.ind[i].name);
				buf_puts(B, "</option>");
			}
			plan_free(&p);
		}
		unit_rec_free(&u);
		err_clear(&err);
		buf_puts(B, "</select>");
	} else {
		buf_puts(B, "\"><input type=\"hidden\" name=\"indicator\" value=\"");
		pg_esc(c, code);
		buf_puts(B, "\">");
	}
	buf_puts(B, "<input type=\"hidden\" name=\"period\" value=\"");
	pg_esc(c, period ? period : "");
	buf_puts(B, "\"><label for=\"tep\">Tệp minh chứng</label><input id=\"tep\" type=\"file\" "
	            "name=\"file\" accept=\".pdf,.jpg,.jpeg,.png,.docx,.xlsx\" required>"
	            "<button>Tải lên</button></form><p><a href=\"/don-vi/");
	pg_esc(c, unit);
	buf_puts(B, "/nhap-lieu?period=");
	pg_esc(c, period ? period : "");
	buf_puts(B, "\">Quay lại nhập số liệu</a></p>");
	pg_foot(c);
}

static char *part_text(const struct multipart *m, const char *name)
{
	const struct multipart_part *p = multipart_find(m, name);
	return p ? xstrndup(p->data, p->len) : NULL;
}

/* GET: the form; POST (multipart): the file kept, back to the entry form. */
void page_evidence(struct ctx *c, char *const *arg)
{
	const char *unit = arg[0];
	if (!pg_may(c, RIGHT_RECORD, unit))
		return;
	if (strcmp(c->rq->method, "POST")) {
		char *code = ctx_query(c, "indicator"), *period = ctx_query(c, "period");
		upload_form(c, unit, code, period, NULL);
		free(code);
		free(period);
		return;
	}
	struct multipart m = {0};
	struct error err = {0};
	char *code = NULL, *period = NULL, *csrf = NULL, *url = NULL;
	struct problems ps = {0};
	if (multipart_parse(c->rq->content_type, c->rq->body, c->rq->body_len, NULL, &m, &err)) {
		c->rs->status = 400;
		upload_form(c, unit, NULL, NULL, err.msg);
		err_clear(&err);
		return;
	}
	code = part_text(&m, "indicator");
	period = part_text(&m, "period");
	csrf = part_text(&m, "csrf");
	const struct multipart_part *f = multipart_find(&m, "file");
	if (!csrf || !auth_equal(csrf, c->sess.csrf)) {
		pg_plain(c, 403, "Phiên làm việc đã cũ",
		         "Mã chống giả mạo không đúng; hãy tải lại trang rồi làm lại.");
	} else {
		struct plan p;
		struct unit_rec u = {0};
		bool leads = true;
		if (!store_unit_get(c->s, unit, &u, &err) &&
		    !store_plan_load(c->s, u.id, &p, &err)) {
			const struct indicator *x = code ? plan_find_indicator(&p, code) : NULL;
			leads = !x || ctx_leads(c, x);
			plan_free(&p);
		}
		unit_rec_free(&u);
		if (!leads)
			problems_add(&ps, "E_FORBIDDEN", 0,
			             "Chỉ tiêu %s không do cơ quan của tài khoản này chủ trì",
			             code);
		else
			app_evidence_put(c, unit, code, period, f ? f->filename : NULL,
			                 f ? f->data : NULL, f ? f->len : 0, &url, &ps);
		if (ps.n) {
			c->rs->status = pg_form_status(ps.v[0].code);
			upload_form(c, unit, code, period, ps.v[0].message);
		} else {
			char *to = xasprintf("/don-vi/%s/nhap-lieu?period=%s#r-%s", unit, period,
			                     code);
			pg_redirect(c, to);
			free(to);
		}
	}
	problems_free(&ps);
	multipart_free(&m);
	err_clear(&err);
	free(code);
	free(period);
	free(csrf);
	free(url);
}
