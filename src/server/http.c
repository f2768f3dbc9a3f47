/* http.c: parsing what clients send; escaping what we send back. */
#include "http.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void http_resp_free(struct http_resp *r)
{
	buf_free(&r->body);
	for (int i = 0; i < r->nheaders; i++)
		free(r->headers[i]);
	r->nheaders = 0;
}

void http_header(struct http_resp *r, const char *fmt, ...)
{
	if (r->nheaders >= HTTP_MAX_HEADERS)
		return;
	va_list ap;
	va_start(ap, fmt);
	r->headers[r->nheaders++] = xvasprintf(fmt, ap);
	va_end(ap);
}

static int hex(char c)
{
	return c >= '0' && c <= '9'   ? c - '0'
	       : c >= 'a' && c <= 'f' ? c - 'a' + 10
	       : c >= 'A' && c <= 'F' ? c - 'A' + 10
	                              : -1;
}

/* Decode n bytes of s (with '+' as space when plus); NULL on a bad escape
 * or an escaped NUL. */
static char *decode(const char *s, size_t n, bool plus)
{
	char *out = xmalloc(n + 1), *o = out;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '%') {
			int a = i + 1 < n ? hex(s[i + 1]) : -1, b = i + 2 < n ? hex(s[i + 2]) : -1;
			if (a < 0 || b < 0 || (a | b) == 0) {
				free(out);
				return NULL;
			}
			*o++ = (char)(a * 16 + b);
			i += 2;
		} else if (!s[i]) {
			free(out);
			return NULL;
		} else {
			*o++ = plus && s[i] == '+' ? ' ' : s[i];
		}
	}
	*o = 0;
	return out;
}

char *http_param(const char *s, size_t n, const char *key)
{
	size_t klen = strlen(key);
	for (size_t i = 0; s && i < n;) {
		size_t end = i;
		while (end < n && s[end] != '&')
			end++;
		const char *eq = memchr(s + i, '=', end - i);
		size_t name_len = eq ? (size_t)(eq - (s + i)) : end - i;
		char *name = decode(s + i, name_len, true);
		bool hit = name && strlen(name) == klen && !memcmp(name, key, klen);
		free(name);
		if (hit)
			return eq ? decode(eq + 1, (size_t)(s + end - eq - 1), true) : xstrdup("");
		i = end + 1;
	}
	return NULL;
}

char *http_cookie(const char *h, const char *name)
{
	size_t len = strlen(name);
	while (h && *h) {
		while (*h == ' ' || *h == ';')
			h++;
		const char *end = strchr(h, ';');
		size_t n = end ? (size_t)(end - h) : strlen(h);
		if (n > len && !strncmp(h, name, len) && h[len] == '=')
			return xstrndup(h + len + 1, n - len - 1);
		h += n;
	}
	return NULL;
}

int http_segments(const char *path, char **seg, int max)
{
	int n = 0;
	if (!path || path[0] != '/')
		return -1;
	const char *p = path + 1;
	while (*p) {
		const char *end = strchr(p, '/');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		char *d = len ? decode(p, len, false) : NULL;
		if (!d || n == max || !*d || !strcmp(d, "..") || !strcmp(d, ".")) {
			free(d);
			for (int i = 0; i < n; i++)
				free(seg[i]);
			return -1;
		}
		seg[n++] = d;
		if (!end)
			break;
		p = end + 1;
	}
	return n;
}
