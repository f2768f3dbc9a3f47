/* mhtml.c: a web page saved as one file (MHTML, RFC 2557): the MIME
 * message's parts split on their boundary (multiparts inside parts
 * followed, MHTML_MAX_DEPTH deep), the root page chosen (the start
 * parameter's Content-ID, else the first text/html part), quoted-printable
 * and base64 undone, text/css parts kept as the page's stylesheets. A
 * message cut short (no closing boundary) is refused: its page may have
 * lost rows. */
#include "mhtml.h"

#include "import.h"
#include "util.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* One part's headers that matter, unfolded. */
struct head {
	char type[128];     /* media type, lower case */
	char boundary[128]; /* of a multipart */
	char start[128];    /* a multipart's root Content-ID, without <> */
	char charset[32];
	char encoding[32]; /* Content-Transfer-Encoding, lower case */
	char id[128];      /* Content-ID, without <> */
	char location[1024];
};

struct walk {
	const char *s, *end; /* the whole file */
	struct mhtml *m;
	char start[128]; /* the outer message's root id */
	bool named;      /* the page found is the one start names */
	int parts;
	char *why;
	const char *why_at;
};

static bool ci_prefix(const char *s, const char *end, const char *w)
{
	size_t n = strlen(w);
	return (size_t)(end - s) >= n && !strncasecmp(s, w, n);
}

/* The end of the line at p (its '\n', or end), and the start of the next. */
static const char *line_end(const char *p, const char *end, const char **next)
{
	const char *e = memchr(p, '\n', (size_t)(end - p));
	*next = e ? e + 1 : end;
	return e ? e : end;
}

static int line_of(const struct walk *w, const char *p)
{
	int n = 1;
	for (const char *q = w->s; q < p && q < w->end; q++)
		n += *q == '\n';
	return n;
}

static int fail(struct walk *w, const char *at, char *why)
{
	if (!w->why) {
		w->why = why;
		w->why_at = at;
	} else {
		free(why);
	}
	return -1;
}

/* Copies v[0..n) into out (size k), trimmed of white space and the
 * quotes or angle brackets around it. */
static void put_value(char *out, size_t k, const char *v, size_t n)
{
	while (n && isspace((unsigned char)*v))
		v++, n--;
	while (n && isspace((unsigned char)v[n - 1]))
		n--;
	while (n >= 2 && ((*v == '"' && v[n - 1] == '"') || (*v == '<' && v[n - 1] == '>')))
		v++, n -= 2;
	if (n >= k)
		n = k - 1;
	memcpy(out, v, n);
	out[n] = '\0';
}

/* The parameter name="value" of a header's value h[0..n) into out. */
static void param(const char *h, size_t n, const char *name, char *out, size_t k)
{
	size_t nl = strlen(name);
	for (const char *p = h; p + nl < h + n; p++) {
		if ((p == h || p[-1] == ';' || isspace((unsigned char)p[-1])) &&
		    !strncasecmp(p, name, nl) && p[nl] == '=') {
			const char *v = p + nl + 1, *e = v;
			if (*v == '"') {
				e = memchr(v + 1, '"', (size_t)(h + n - v - 1));
				e = e ? e + 1 : h + n;
			} else {
				while (e < h + n && *e != ';' && !isspace((unsigned char)*e))
					e++;
			}
			put_value(out, k, v, (size_t)(e - v));
			return;
		}
	}
}

static void lower(char *s)
{
	for (; *s; s++)
		*s = (char)tolower((unsigned char)*s);
}

/* One unfolded header line h[0..n) into hd. */
static void header(struct head *hd, const char *h, size_t n)
{
	const char *colon = memchr(h, ':', n);
	if (!colon)
		return;
	const char *v = colon + 1;
	size_t nv = (size_t)(h + n - v);
	if (ci_prefix(h, colon + 1, "content-type:")) {
		size_t k = 0;
		while (k < nv && v[k] != ';')
			k++;
		put_value(hd->type, sizeof hd->type, v, k);
		lower(hd->type);
		param(v, nv, "boundary", hd->boundary, sizeof hd->boundary);
		param(v, nv, "start", hd->start, sizeof hd->start);
		param(v, nv, "charset", hd->charset, sizeof hd->charset);
	} else if (ci_prefix(h, colon + 1, "content-transfer-encoding:")) {
		put_value(hd->encoding, sizeof hd->encoding, v, nv);
		lower(hd->encoding);
	} else if (ci_prefix(h, colon + 1, "content-id:")) {
		put_value(hd->id, sizeof hd->id, v, nv);
	} else if (ci_prefix(h, colon + 1, "content-location:")) {
		put_value(hd->location, sizeof hd->location, v, nv);
	}
}

/* The header lines from p to the first empty line, continuation lines
 * (starting with white space) joined to theirs; returns where the body
 * starts, NULL when the headers run past MHTML_MAX_HEADER or the end. */
static const char *read_head(const char *p, const char *end, struct head *hd)
{
	const char *start = p;
	struct buf h = BUF_INIT;
	h.max = MHTML_MAX_HEADER;
	while (p < end && (size_t)(p - start) <= MHTML_MAX_HEADER) {
		const char *next, *e = line_end(p, end, &next);
		const char *t = e > p && e[-1] == '\r' ? e - 1 : e;
		if (t == p || !(*p == ' ' || *p == '\t')) {
			header(hd, buf_str(&h), h.len);
			buf_reset(&h);
		}
		if (t == p) {
			buf_free(&h);
			return next;
		}
		buf_put(&h, p, (size_t)(t - p));
		p = next;
	}
	buf_free(&h);
	return NULL;
}

bool mhtml_sniff(const char *s, size_t n)
{
	const char *end = s + (n < MHTML_MAX_HEADER ? n : MHTML_MAX_HEADER);
	if (n < 2 || *s == '<' || !memchr(s, ':', (size_t)(end - s)))
		return false;
	struct head hd = {0};
	return read_head(s, end, &hd) && !strncmp(hd.type, "multipart/", 10) && *hd.boundary;
}

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* base64 text to bytes, white space skipped; -1 on another character. */
static int unbase64(const char *p, size_t n, struct buf *out)
{
	unsigned acc = 0;
	int bits = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];
		if (isspace(c))
			continue;
		if (c == '=')
			break;
		const char *d = c ? strchr(b64, c) : NULL;
		if (!d)
			return -1;
		acc = (acc << 6) | (unsigned)(d - b64);
		if ((bits += 6) >= 8) {
			bits -= 8;
			buf_putc(out, (char)((acc >> bits) & 0xFF));
		}
	}
	return 0;
}

static int hexval(int c)
{
	return isdigit(c) ? c - '0' : isxdigit(c) ? tolower(c) - 'a' + 10 : -1;
}

/* quoted-printable to bytes: "=XX", soft line breaks "=\n" dropped; a
 * stray '=' kept as it is (as mail readers do). */
static void unquote(const char *p, size_t n, struct buf *out)
{
	for (size_t i = 0; i < n; i++) {
		if (p[i] != '=') {
			buf_putc(out, p[i]);
		} else if (i + 1 < n && p[i + 1] == '\n') {
			i++;
		} else if (i + 2 < n && p[i + 1] == '\r' && p[i + 2] == '\n') {
			i += 2;
		} else if (i + 2 < n && hexval((unsigned char)p[i + 1]) >= 0 &&
		           hexval((unsigned char)p[i + 2]) >= 0) {
			buf_putc(out, (char)(hexval((unsigned char)p[i + 1]) * 16 +
			                     hexval((unsigned char)p[i + 2])));
			i += 2;
		} else {
			buf_putc(out, '=');
		}
	}
}

/* The body of a part, its transfer encoding undone, into *out. */
static int decode(struct walk *w, const struct head *hd, const char *p, size_t n, char **out,
                  size_t *len)
{
	struct buf b = BUF_INIT;
	b.max = IMPORT_MAX_BYTES;
	const char *e = hd->encoding;
	if (!strcmp(e, "quoted-printable")) {
		unquote(p, n, &b);
	} else if (!strcmp(e, "base64")) {
		if (unbase64(p, n, &b)) {
			buf_free(&b);
			return fail(w, p, xstrdup("phần này mã hóa base64 nhưng có ký tự lạ"));
		}
	} else if (!*e || !strcmp(e, "7bit") || !strcmp(e, "8bit") || !strcmp(e, "binary")) {
		buf_put(&b, p, n);
	} else {
		buf_free(&b);
		return fail(w, p, xasprintf("phần này mã hóa “%s”, cách mã hóa không đọc được", e));
	}
	*len = b.len;
	*out = buf_detach(&b);
	return 0;
}

static int take_part(struct walk *w, const struct head *hd, const char *p, size_t n, int depth);

/* Whether the line p[0..len) is "--bnd" or "--bnd--" (then *last), white
 * space after it. */
static bool delimiter(const char *p, size_t len, const char *bnd, size_t nb, bool *last)
{
	if (len < nb + 2 || p[0] != '-' || p[1] != '-' || memcmp(p + 2, bnd, nb))
		return false;
	size_t k = nb + 2;
	*last = len >= k + 2 && p[k] == '-' && p[k + 1] == '-';
	for (k += *last ? 2 : 0; k < len; k++)
		if (!isspace((unsigned char)p[k]))
			return false;
	return true;
}

/* The part from part up to its delimiter line at p (the line break
 * before it not the part's): its headers read, the part taken. */
static int end_part(struct walk *w, const char *part, const char *p, int depth)
{
	const char *pe = p > part && p[-1] == '\n' ? p - 1 : p;
	pe = pe > part && pe[-1] == '\r' ? pe - 1 : pe;
	struct head hd = {0};
	const char *body = read_head(part, pe, &hd);
	if (!body)
		return fail(w, part,
		            xstrdup("đầu phần này không kết thúc (thiếu dòng trống sau các "
		                    "dòng Content-…)"));
	return take_part(w, &hd, body, (size_t)(pe - body), depth);
}

/* The parts of a multipart body p[0..end) with boundary bnd: each one
 * after a line "--bnd", the last closed by "--bnd--". */
static int split(struct walk *w, const char *p, const char *end, const char *bnd, int depth)
{
	size_t nb = strlen(bnd);
	const char *part = NULL; /* the open part's start */
	while (p < end) {
		const char *next, *e = line_end(p, end, &next);
		bool last = false;
		if (delimiter(p, (size_t)(e - p), bnd, nb, &last)) {
			if (part && end_part(w, part, p, depth))
				return -1;
			if (last)
				return 0;
			if (++w->parts > MHTML_MAX_PARTS)
				return fail(w, p, xasprintf("tệp có quá %d phần", MHTML_MAX_PARTS));
			part = next;
		}
		p = next;
	}
	return fail(w, part ? part : end,
	            xstrdup("tệp bị cắt cụt: phần bắt đầu ở dòng này không có dòng ranh giới kết "
	                    "thúc (“--…--”), có thể trang đã mất một phần; hãy lưu lại trang"));
}

/* The part that is the page: the one the start parameter names, else
 * the first text/html one (a start naming none falls back to it). */
static bool is_root(struct walk *w, const struct head *hd)
{
	bool named = *w->start && !strcmp(hd->id, w->start);
	bool first = !strcmp(hd->type, "text/html") && !w->m->html;
	if (w->named || !(named || first))
		return false;
	w->named = named;
	return true;
}

static int take_part(struct walk *w, const struct head *hd, const char *p, size_t n, int depth)
{
	struct mhtml *m = w->m;
	if (!strncmp(hd->type, "multipart/", 10) && *hd->boundary && depth < MHTML_MAX_DEPTH)
		return split(w, p, p + n, hd->boundary, depth + 1);
	if (is_root(w, hd)) {
		free(m->html);
		free(m->charset);
		m->html = NULL;
		m->charset = *hd->charset ? xstrdup(hd->charset) : NULL;
		return decode(w, hd, p, n, &m->html, &m->len);
	}
	if (!strcmp(hd->type, "text/css") && *hd->location && m->nsheets < MHTML_MAX_SHEETS) {
		struct html_sheet *sh = &m->sheets[m->nsheets];
		if (decode(w, hd, p, n, &sh->text, &sh->len))
			return -1;
		sh->url = xstrdup(hd->location);
		m->nsheets++;
	}
	return 0;
}

int mhtml_open(const char *s, size_t n, struct mhtml *m, char **why)
{
	*m = (struct mhtml){0};
	*why = NULL;
	struct walk w = {.s = s, .end = s + n, .m = m};
	struct head hd = {0};
	const char *body = read_head(s, s + n, &hd);
	if (body && *hd.boundary) {
		memcpy(w.start, hd.start, sizeof w.start);
		split(&w, body, s + n, hd.boundary, 1);
	}
	if (!w.why && !m->html)
		fail(&w, s, xstrdup("tệp không có phần nào là trang HTML (text/html)"));
	if (!w.why)
		return 0;
	*why = xasprintf("dòng %d của tệp MHTML (trang web lưu thành một tệp): %s",
	                 line_of(&w, w.why_at), w.why);
	free(w.why);
	return -1;
}

void mhtml_free(struct mhtml *m)
{
	free(m->html);
	free(m->charset);
	for (size_t i = 0; i < m->nsheets; i++) {
		free(m->sheets[i].url);
		free(m->sheets[i].text);
	}
	*m = (struct mhtml){0};
}
