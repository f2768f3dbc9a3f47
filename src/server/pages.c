/* pages.c: the pages people work in, in Vietnamese, rendered here: no
 * front-end build, no inline script (the CSP forbids it), one small CSS and
 * one small script file, charts as SVG. This file holds the one route table:
 * every page, its methods and who may open it; the pages themselves are in
 * page_*.c, built from pages_kit.c. */
#include "pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern const char app_css[], app_js[];

/* ---- the routes ---------------------------------------------------------------------------- */

static void home(struct ctx *c, char *const *arg)
{
	(void)arg;
	if (!c->signed_in) {
		pg_redirect(c, "/dang-nhap");
		return;
	}
	if (page_home_redirect(c))
		return;
	/* An administrator: every unit. */
	struct unit_rec *u;
	size_t n;
	struct error err = {0};
	pg_head(c, "Các đơn vị", NULL);
	buf_puts(B, "<h1>Các đơn vị</h1><ul>");
	if (!store_unit_list(c->s, &u, &n, &err)) {
		for (size_t i = 0; i < n; i++) {
			buf_puts(B, "<li><a href=\"/don-vi/");
			pg_esc(c, u[i].code);
			buf_puts(B, "\">");
			pg_esc(c, u[i].name);
			buf_puts(B, "</a></li>");
			unit_rec_free(&u[i]);
		}
		free(u);
	}
	err_clear(&err);
	buf_puts(B, "</ul>");
	pg_foot(c);
}

static void static_file(struct ctx *c, const char *ctype, const char *body)
{
	c->rs->ctype = ctype;
	http_header(c->rs, "Cache-Control: public, max-age=86400");
	buf_puts(B, body);
}

static void page_css(struct ctx *c, char *const *arg)
{
	(void)arg;
	static_file(c, "text/css; charset=utf-8", app_css);
}

static void page_js(struct ctx *c, char *const *arg)
{
	(void)arg;
	static_file(c, "text/javascript; charset=utf-8", app_js);
}

/* Who may open a page: anyone, or a right on the unit its first "*" names
 * (RIGHT_* for GET, post_right for POST: a POST also needs the form's
 * anti-forgery token). Pages of one's own account check sign-in themselves. */
enum page_access { OPEN, UNIT };

static const struct page_route {
	const char *path; /* segments; "*" matches one */
	bool get, post;
	enum page_access access;
	enum right get_right, post_right;
	bool fast; /* may run on the network thread (cached or static) */
	page_fn *fn;
} routes[] = {
        {"/", true, false, OPEN, 0, 0, false, home},
        {"/dang-nhap", true, true, OPEN, 0, 0, false, page_signin},
        {"/dang-xuat", false, true, OPEN, 0, 0, false, page_signout},
        {"/tai-khoan", true, true, OPEN, 0, 0, false, page_account},
        {"/thong-bao", true, true, OPEN, 0, 0, false, page_inbox},
        {"/static/app.css", true, false, OPEN, 0, 0, true, page_css},
        {"/static/app.js", true, false, OPEN, 0, 0, true, page_js},
        {"/cong-khai", true, false, OPEN, 0, 0, false, page_public_home},
        {"/cong-khai/*", true, false, OPEN, 0, 0, false, page_public_unit},
        {"/cong-khai/*/chi-tieu/*", true, false, OPEN, 0, 0, false, page_public_indicator},
        {"/cong-khai/*/chi-tieu/*/csv", true, false, OPEN, 0, 0, false, page_public_csv},
        {"/don-vi/*", true, false, UNIT, RIGHT_READ, RIGHT_READ, true, page_overview},
        {"/don-vi/*/chi-tieu/*", true, false, UNIT, RIGHT_READ, RIGHT_READ, false, page_indicator},
        {"/don-vi/*/nhap-lieu", true, true, UNIT, RIGHT_RECORD, RIGHT_RECORD, false, page_entry},
        {"/don-vi/*/duyet", true, true, UNIT, RIGHT_APPROVE, RIGHT_APPROVE, false, page_approvals},
        /* multipart: the page checks the right and the form's token itself */
        {"/don-vi/*/minh-chung", true, true, OPEN, 0, 0, false, page_evidence},
        {"/don-vi/*/tep/*", true, false, UNIT, RIGHT_READ, RIGHT_READ, false, page_evidence_file},
        {"/don-vi/*/nhiem-vu", true, true, UNIT, RIGHT_READ, RIGHT_RECORD, false, page_tasks},
        {"/don-vi/*/doi-chieu", true, true, UNIT, RIGHT_APPROVE, RIGHT_APPROVE, false, page_links},
        {"/don-vi/*/tinh", true, false, UNIT, RIGHT_READ, RIGHT_READ, true, page_province},
        {"/don-vi/*/bao-cao", true, false, UNIT, RIGHT_READ, RIGHT_READ, false, page_report},
        {"/don-vi/*/viec-can-lam", true, false, UNIT, RIGHT_READ, RIGHT_READ, false, page_home},
        {"/don-vi/*/bang-dieu-khien", true, false, UNIT, RIGHT_READ, RIGHT_READ, false,
         page_dashboard},
        {"/don-vi/*/ke-hoach", true, true, UNIT, RIGHT_APPROVE, RIGHT_APPROVE, false, page_upload},
        {"/don-vi/*/quan-tri", true, true, UNIT, RIGHT_APPROVE, RIGHT_APPROVE, false, page_admin},
        {"/don-vi/*/nhap-tep", true, true, UNIT, RIGHT_APPROVE, RIGHT_APPROVE, false, page_import},
        {"/don-vi/*/nhat-ky", true, false, UNIT, RIGHT_APPROVE, RIGHT_APPROVE, false, page_audit},
};

enum { MAX_ARGS = 4 };

/* Does the request's path fit the route's? The "*" segments go to arg. */
static bool match(const char *path, char *const *seg, int nseg, char *arg[MAX_ARGS])
{
	int k = 0, na = 0;
	for (const char *p = path; *p;) {
		if (*p == '/')
			p++;
		if (!*p)
			break;
		size_t len = strcspn(p, "/");
		if (k >= nseg)
			return false;
		if (len == 1 && *p == '*') {
			if (na < MAX_ARGS)
				arg[na++] = seg[k];
		} else if (strlen(seg[k]) != len || memcmp(p, seg[k], len)) {
			return false;
		}
		k++;
		p += len;
	}
	return k == nseg;
}

void pages_route(struct ctx *c)
{
	bool get = !strcmp(c->rq->method, "GET") || !strcmp(c->rq->method, "HEAD");
	bool post = !strcmp(c->rq->method, "POST");
	for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++) {
		const struct page_route *r = &routes[i];
		char *arg[MAX_ARGS] = {0};
		if (!match(r->path, c->seg, c->nseg, arg) ||
		    !((get && r->get) || (post && r->post)))
			continue;
		if (c->fast && !r->fast) {
			c->deferred = true; /* for a worker */
			return;
		}
		if (r->access == UNIT && (!pg_may(c, post ? r->post_right : r->get_right, arg[0]) ||
		                          (post && !pg_post_ok(c))))
			return;
		r->fn(c, arg);
		return;
	}
	if (c->fast) {
		c->deferred = true;
		return;
	}
	pg_plain(c, 404, "Không có trang này", "Đường dẫn không đúng.");
}
