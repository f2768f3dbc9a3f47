/* page_inbox.c: the inbox ("Thông báo"): the account's figures returned
 * with a reason, cut-offs closing with figures missing and overdue tasks
 * (inbox.h), its page, the unread count in the header, and the same list
 * for the API. */
#include "pages.h"

#include "inbox.h"
#include "review.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void today(const struct ctx *c, char out[11])
{
	time_t t = c->now + 7 * 3600; /* Asia/Ho_Chi_Minh, no daylight saving */
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

int app_inbox(struct ctx *c, struct inbox_msg **out, size_t *n, struct error *err)
{
	char day[11];
	today(c, day);
	bool reporter = !strcmp(c->user.role, "reporter");
	return inbox_list(c->s, c->user.login, c->user.unit_code,
	                  reporter ? (c->user.agency ? c->user.agency : "") : NULL, day, out, n,
	                  err);
}

static char *memo_key(const struct ctx *c)
{
	char day[11];
	today(c, day);
	return xasprintf("inbox:%s:%s", c->user.login, day);
}

static int unread_of(const struct inbox_msg *m, size_t n)
{
	int k = 0;
	for (size_t i = 0; i < n; i++)
		k += !m[i].read;
	return k;
}

void app_inbox_changed(struct ctx *c)
{
	struct inbox_msg *m;
	size_t n;
	struct error err = {0};
	char *key = memo_key(c);
	if (!app_inbox(c, &m, &n, &err)) {
		char v[16];
		snprintf(v, sizeof v, "%d", unread_of(m, n));
		memo_put(c, key, v);
		inbox_free(m, n);
	}
	err_clear(&err);
	free(key);
}

int pg_inbox_unread(struct ctx *c)
{
	if (!c->signed_in || !c->user.unit_code)
		return -1;
	char *key = memo_key(c), *got = memo_get(c, key);
	int k = 0;
	if (got) {
		k = atoi(got);
	} else if (c->fast) {
		c->deferred = true; /* a worker will count */
	} else {
		struct inbox_msg *m;
		size_t n;
		struct error err = {0};
		char v[16];
		if (!app_inbox(c, &m, &n, &err)) {
			k = unread_of(m, n);
			snprintf(v, sizeof v, "%d", k);
			memo_put(c, key, v);
			inbox_free(m, n);
		}
		err_clear(&err);
	}
	free(got);
	free(key);
	return k;
}

static const char *kind_vi(enum inbox_kind k)
{
	return k == INBOX_RETURNED ? "Bị trả lại"
	       : k == INBOX_CUTOFF ? "Sắp chốt số liệu"
	                           : "Quá hạn";
}

void pg_inbox_list(struct ctx *c, size_t max)
{
	struct inbox_msg *m;
	size_t n;
	struct error err = {0};
	if (app_inbox(c, &m, &n, &err)) {
		buf_puts(B, "<p class=\"error\">Không đọc được thông báo.</p>");
		err_clear(&err);
		return;
	}
	if (!n)
		buf_puts(B, "<p>Không có thông báo nào.</p>");
	else
		buf_puts(B, "<ul class=\"inbox\">");
	for (size_t i = 0; i < n && i < max; i++) {
		buf_printf(B, "<li class=\"%s %s\"><span class=\"badge %s\">%s</span> ",
		           inbox_kind_name(m[i].kind), m[i].read ? "read" : "unread",
		           m[i].kind == INBOX_RETURNED ? "do" : "vang", kind_vi(m[i].kind));
		if (!m[i].read)
			buf_puts(B, "<strong>Mới:</strong> ");
		bool link = m[i].kind == INBOX_RETURNED || m[i].kind == INBOX_CUTOFF;
		if (link) {
			buf_puts(B, "<a href=\"/don-vi/");
			pg_esc(c, m[i].unit);
			buf_puts(B, "/nhap-lieu?period=");
			pg_esc(c, m[i].period);
			if (m[i].code) {
				buf_puts(B, "#r-");
				pg_esc(c, m[i].code);
			}
			buf_puts(B, "\">");
		} else {
			buf_puts(B, "<a href=\"/don-vi/");
			pg_esc(c, m[i].unit);
			buf_puts(B, "/nhiem-vu\">");
		}
		pg_esc(c, m[i].text);
		buf_puts(B, "</a>");
		if (m[i].at) {
			buf_puts(B, " <small>");
			pg_time(c, m[i].at);
			buf_puts(B, "</small>");
		}
		buf_puts(B, "</li>");
	}
	if (n)
		buf_puts(B, "</ul>");
	inbox_free(m, n);
}

void page_inbox(struct ctx *c, char *const *arg)
{
	(void)arg;
	if (!c->signed_in) {
		pg_redirect(c, "/dang-nhap");
		return;
	}
	char *notice = NULL;
	if (!strcmp(c->rq->method, "POST")) {
		if (!pg_post_ok(c))
			return;
		struct inbox_msg *m;
		size_t n, nk = 0;
		struct error err = {0};
		if (!app_inbox(c, &m, &n, &err)) {
			const char **k = xcalloc(n + 1, sizeof *k);
			for (size_t i = 0; i < n; i++)
				if (!m[i].read)
					k[nk++] = m[i].key;
			if (!store_inbox_mark(c->s, c->user.login, k, nk, &err))
				notice = xasprintf("Đã đánh dấu %zu thông báo là đã đọc", nk);
			free(k);
			inbox_free(m, n);
		}
		err_clear(&err);
		app_inbox_changed(c);
	}
	pg_head(c, "Thông báo", c->user.unit_code);
	buf_puts(B, "<h1>Thông báo</h1>");
	if (notice) {
		buf_puts(B, "<p class=\"ok\" role=\"status\">");
		pg_esc(c, notice);
		buf_puts(B, "</p>");
	}
	free(notice);
	pg_inbox_list(c, 500);
	buf_puts(B, "<form method=\"post\"><input type=\"hidden\" name=\"csrf\" value=\"");
	pg_esc(c, c->sess.csrf);
	buf_puts(B, "\"><button>Đánh dấu tất cả là đã đọc</button></form>");
	pg_foot(c);
}
