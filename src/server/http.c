/* http.c: parsing what clients send; escaping what we send back. */
#include "http.h"

#include <arpa/inet.h>
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

/* ---- client addresses ------------------------------------------------ */

struct ip {
	int family;
	unsigned char b[16];
};

/* len bytes of s, spaces around them ignored, as an address. */
static bool ip_parse(const char *s, size_t len, struct ip *ip)
{
	while (len && (*s == ' ' || *s == '\t'))
		s++, len--;
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	char text[INET6_ADDRSTRLEN];
	if (!len || len >= sizeof text)
		return false;
	memcpy(text, s, len);
	text[len] = 0;
	memset(ip, 0, sizeof *ip);
	ip->family = strchr(text, ':') ? AF_INET6 : AF_INET;
	return inet_pton(ip->family, text, ip->b) == 1;
}

/* One entry of a list ("ADDR" or "ADDR/BITS", len bytes) contains a; -1
 * when the entry is malformed. */
static int entry_has(const char *e, size_t len, const struct ip *a)
{
	const char *slash = memchr(e, '/', len);
	struct ip net;
	if (!ip_parse(e, slash ? (size_t)(slash - e) : len, &net))
		return -1;
	int max = net.family == AF_INET ? 32 : 128, bits = max;
	if (slash) {
		char *end;
		char num[8] = {0};
		size_t k = (size_t)(e + len - slash - 1);
		if (!k || k >= sizeof num)
			return -1;
		memcpy(num, slash + 1, k);
		long v = strtol(num, &end, 10);
		if (*end || v < 0 || v > max)
			return -1;
		bits = (int)v;
	}
	if (!a || a->family != net.family)
		return 0;
	for (int i = 0; i < bits; i++)
		if (((a->b[i / 8] ^ net.b[i / 8]) >> (7 - i % 8)) & 1)
			return 0;
	return 1;
}

/* Each entry of list: -1 when one is malformed, else whether one holds a. */
static int list_has(const char *list, const struct ip *a)
{
	int found = 0;
	for (const char *p = list; p && *p;) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		int rc = entry_has(p, len, a);
		if (rc < 0)
			return -1;
		found |= rc;
		p = comma ? comma + 1 : p + len;
	}
	return found;
}

bool http_addr_list_ok(const char *list)
{
	return list_has(list, NULL) >= 0;
}

bool http_addr_listed(const char *addr, const char *list)
{
	struct ip a;
	return addr && list && ip_parse(addr, strlen(addr), &a) && list_has(list, &a) == 1;
}

void http_client_addr(const char *peer, const char *forwarded, const char *trusted, char *out,
                      size_t n)
{
	snprintf(out, n, "%s", peer ? peer : "");
	size_t end = forwarded ? strlen(forwarded) : 0;
	while (end && http_addr_listed(out, trusted)) {
		size_t start = end;
		while (start && forwarded[start - 1] != ',')
			start--;
		struct ip hop;
		if (!ip_parse(forwarded + start, end - start, &hop))
			return;
		inet_ntop(hop.family, hop.b, out, (socklen_t)n);
		end = start ? start - 1 : 0;
	}
}
