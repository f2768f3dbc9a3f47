/* multipart.c: multipart/form-data bodies, read in one pass over the
 * caller's buffer. Lines end in CRLF as RFC 2046 says; each part's header
 * block and content are bounded, and so is the number of parts. */
#include "multipart.h"

#include "util.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define BOUNDARY_MAX 70

static int fail(struct error *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int fail(struct error *err, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *m = xvasprintf(fmt, ap);
	va_end(ap);
	err_set(err, ERR_BAD_REQUEST, "Nội dung multipart/form-data không đọc được: %s", m);
	free(m);
	return -1;
}

/* The first occurrence of needle (n bytes) in hay (len bytes), or NULL. */
static const char *find(const char *hay, size_t len, const char *needle, size_t n)
{
	if (n == 0 || len < n)
		return NULL;
	const char *end = hay + len - n + 1;
	for (const char *p = hay; p < end; p++) {
		p = memchr(p, needle[0], (size_t)(end - p));
		if (!p)
			return NULL;
		if (!memcmp(p, needle, n))
			return p;
	}
	return NULL;
}

/* A parameter's value in a header value ("a; name=x; b=\"y\""), unquoted
 * into a new string; NULL when absent. -1 when a quoted value is not
 * closed. The match on the key is case-insensitive and whole. */
static int param(const char *v, size_t n, const char *key, char **out)
{
	size_t k = strlen(key);
	*out = NULL;
	const char *p = v, *end = v + n;
	while (p < end) {
		const char *semi = memchr(p, ';', (size_t)(end - p));
		if (!semi)
			return 0;
		p = semi + 1;
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		const char *seg_end = memchr(p, ';', (size_t)(end - p));
		if (!seg_end)
			seg_end = end;
		bool match = (size_t)(end - p) > k && !strncasecmp(p, key, k) && p[k] == '=';
		const char *q = match ? p + k + 1 : memchr(p, '=', (size_t)(seg_end - p));
		if (!q) { /* a bare token ("form-data; flag; name=x") */
			p = seg_end;
			continue;
		}
		if (!match)
			q++;
		struct buf b = BUF_INIT;
		if (q < end && *q == '"') {
			for (q++; q < end && *q != '"'; q++) {
				if (*q == '\\' && q + 1 < end)
					q++;
				buf_putc(&b, *q);
			}
			if (q >= end) {
				buf_free(&b);
				return -1;
			}
			q++;
		} else {
			for (; q < end && *q != ';'; q++)
				buf_putc(&b, *q);
			while (b.len && (b.ptr[b.len - 1] == ' ' || b.ptr[b.len - 1] == '\t'))
				b.ptr[--b.len] = 0;
		}
		if (match) {
			*out = buf_detach(&b);
			return 0;
		}
		buf_free(&b);
		p = q;
	}
	return 0;
}

/* The boundary named by a Content-Type header, into bnd (n >= 71). */
static int boundary_of(const char *ctype, char *bnd, struct error *err)
{
	static const char mt[] = "multipart/form-data";
	if (!ctype || strncasecmp(ctype, mt, sizeof mt - 1) ||
	    (ctype[sizeof mt - 1] && ctype[sizeof mt - 1] != ';' && ctype[sizeof mt - 1] != ' '))
		return fail(err, "Content-Type phải là multipart/form-data (nhận được \"%.60s\")",
		            ctype ? ctype : "");
	char *b = NULL;
	if (param(ctype, strlen(ctype), "boundary", &b) || !b || !*b || strlen(b) > BOUNDARY_MAX) {
		free(b);
		return fail(err, "Content-Type thiếu boundary hợp lệ (1 đến %d ký tự)",
		            BOUNDARY_MAX);
	}
	snprintf(bnd, BOUNDARY_MAX + 3, "--%s", b);
	free(b);
	return 0;
}

/* Copy a header value's bytes without control characters. */
static bool clean_value(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 && *s != '\t')
			return false;
	return true;
}

/* Read the header block h (n bytes, CRLF-separated lines, without the
 * blank line) of part k into p. */
static int headers(const char *h, size_t n, size_t k, size_t at, struct multipart_part *p,
                   struct error *err)
{
	bool disposition = false;
	const char *end = h + n;
	while (h < end) {
		const char *eol = find(h, (size_t)(end - h), "\r\n", 2);
		const char *le = eol ? eol : end;
		const char *colon = memchr(h, ':', (size_t)(le - h));
		if (!colon || colon == h)
			return fail(
			        err,
			        "phần %zu (byte %zu): dòng đầu phần không có dạng \"Tên: giá trị\"",
			        k, at);
		if (memchr(h, 0, (size_t)(le - h)))
			return fail(err, "phần %zu (byte %zu): phần đầu chứa ký tự NUL", k, at);
		size_t nl = (size_t)(colon - h);
		const char *v = colon + 1;
		while (v < le && (*v == ' ' || *v == '\t'))
			v++;
		size_t vn = (size_t)(le - v);
		if (nl == 19 && !strncasecmp(h, "Content-Disposition", 19)) {
			if (disposition)
				return fail(err,
				            "phần %zu (byte %zu): hai dòng Content-Disposition", k,
				            at);
			disposition = true;
			if (vn < 9 || strncasecmp(v, "form-data", 9) ||
			    (vn > 9 && v[9] != ';' && v[9] != ' '))
				return fail(err,
				            "phần %zu (byte %zu): Content-Disposition phải là "
				            "form-data",
				            k, at);
			if (param(v, vn, "name", &p->name) ||
			    param(v, vn, "filename", &p->filename))
				return fail(err, "phần %zu (byte %zu): dấu ngoặc kép không đóng", k,
				            at);
			if (!p->name)
				return fail(err,
				            "phần %zu (byte %zu): Content-Disposition thiếu name",
				            k, at);
			if (!clean_value(p->name) || (p->filename && !clean_value(p->filename)))
				return fail(err, "phần %zu (byte %zu): tên có ký tự điều khiển", k,
				            at);
		} else if (nl == 12 && !strncasecmp(h, "Content-Type", 12)) {
			free(p->content_type);
			p->content_type = xstrndup(v, vn);
			if (!clean_value(p->content_type))
				return fail(err,
				            "phần %zu (byte %zu): Content-Type có ký tự điều khiển",
				            k, at);
		}
		h = eol ? eol + 2 : end;
	}
	if (!disposition)
		return fail(err, "phần %zu (byte %zu): thiếu Content-Disposition", k, at);
	return 0;
}

static void part_free(struct multipart_part *p)
{
	free(p->name);
	free(p->filename);
	free(p->content_type);
}

void multipart_free(struct multipart *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->n; i++)
		part_free(&m->parts[i]);
	free(m->parts);
	m->parts = NULL;
	m->n = 0;
}

const struct multipart_part *multipart_find(const struct multipart *m, const char *name)
{
	for (size_t i = 0; m && i < m->n; i++)
		if (!strcmp(m->parts[i].name, name))
			return &m->parts[i];
	return NULL;
}

/* After a delimiter at p: "--" closes the body; otherwise optional
 * whitespace then CRLF. Returns the first byte after, or NULL with *close. */
static const char *after_delimiter(const char *p, const char *end, bool *close, bool *bad)
{
	*close = *bad = false;
	if (end - p >= 2 && p[0] == '-' && p[1] == '-') {
		*close = true;
		return NULL;
	}
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if (end - p >= 2 && p[0] == '\r' && p[1] == '\n')
		return p + 2;
	*bad = true;
	return NULL;
}

static int parse(const char *bnd, const char *body, size_t len, const struct multipart_limits *lim,
                 struct multipart *out, struct error *err)
{
	size_t bl = strlen(bnd), cap = 0;
	const char *end = body + len, *p;
	/* The first delimiter: at the start, or after a preamble and CRLF. */
	if (len >= bl && !memcmp(body, bnd, bl)) {
		p = body + bl;
	} else {
		char d[BOUNDARY_MAX + 5];
		snprintf(d, sizeof d, "\r\n%s", bnd);
		const char *f = find(body, len, d, bl + 2);
		if (!f)
			return fail(err, "không thấy boundary mở đầu trong %zu byte", len);
		p = f + bl + 2;
	}
	char delim[BOUNDARY_MAX + 5];
	snprintf(delim, sizeof delim, "\r\n%s", bnd);
	for (size_t k = 1;; k++) {
		bool close, bad;
		const char *h = after_delimiter(p, end, &close, &bad);
		if (close)
			return 0;
		if (bad)
			return fail(err,
			            "byte %zu: sau boundary phải xuống dòng (CRLF) hoặc \"--\"",
			            (size_t)(p - body));
		if (k > lim->max_parts)
			return fail(err, "quá %zu phần", lim->max_parts);
		size_t at = (size_t)(h - body);
		const char *hend;
		if (end - h >= 2 && h[0] == '\r' && h[1] == '\n') {
			hend = h; /* no header lines: an error below (no disposition) */
		} else {
			size_t span = (size_t)(end - h);
			if (span > lim->max_header + 4)
				span = lim->max_header + 4;
			hend = find(h, span, "\r\n\r\n", 4);
			if (!hend && span > lim->max_header)
				return fail(err, "phần %zu (byte %zu): phần đầu dài quá %zu byte",
				            k, at, lim->max_header);
			if (!hend)
				return fail(err,
				            "phần %zu (byte %zu): phần đầu không kết thúc bằng "
				            "dòng trống",
				            k, at);
			if ((size_t)(hend - h) > lim->max_header)
				return fail(err, "phần %zu (byte %zu): phần đầu dài quá %zu byte",
				            k, at, lim->max_header);
		}
		out->parts = xgrow(out->parts, &cap, out->n + 1, sizeof *out->parts);
		struct multipart_part *part = &out->parts[out->n++];
		memset(part, 0, sizeof *part);
		if (headers(h, (size_t)(hend - h), k, at, part, err))
			return -1;
		const char *data = hend + (hend == h ? 2 : 4);
		const char *next = find(data, (size_t)(end - data), delim, bl + 2);
		if (!next)
			return fail(err,
			            "phần %zu (byte %zu): nội dung không kết thúc bằng boundary", k,
			            (size_t)(data - body));
		part->data = data;
		part->len = (size_t)(next - data);
		if (part->len > lim->max_part)
			return fail(err,
			            "phần %zu (byte %zu): nội dung dài %zu byte, quá giới hạn %zu",
			            k, (size_t)(data - body), part->len, lim->max_part);
		p = next + bl + 2;
	}
}

int multipart_parse(const char *ctype, const char *body, size_t len,
                    const struct multipart_limits *lim, struct multipart *out, struct error *err)
{
	struct multipart_limits l = {16, 4096, (size_t)32 << 20};
	if (lim) {
		if (lim->max_parts)
			l.max_parts = lim->max_parts;
		if (lim->max_header)
			l.max_header = lim->max_header;
		if (lim->max_part)
			l.max_part = lim->max_part;
	}
	memset(out, 0, sizeof *out);
	char bnd[BOUNDARY_MAX + 3];
	if (boundary_of(ctype, bnd, err))
		return -1;
	if (!body)
		len = 0;
	if (parse(bnd, body ? body : "", len, &l, out, err)) {
		multipart_free(out);
		return -1;
	}
	return 0;
}
