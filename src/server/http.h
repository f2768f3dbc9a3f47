/* http.h: a request as the application sees it, the response it builds,
 * and the parsing of what comes from outside (paths, query strings, form
 * bodies, cookies). No sockets here: server.c does those, so that the whole
 * application can be driven (and fuzzed) without a network. */
#ifndef CHITIEU_HTTP_H
#define CHITIEU_HTTP_H

#include "util.h"

#include <stdbool.h>
#include <stddef.h>

struct http_req {
	const char *method, *path, *query; /* query: after '?', "" when none */
	const char *body;                  /* body_len bytes, not terminated */
	size_t body_len;
	const char *cookie, *content_type, *csrf, *authorization; /* headers, NULL if absent */
	const char *remote;                                       /* client address */
	const char *origin, *host; /* the Origin and Host headers, NULL if absent */
};

#define HTTP_MAX_HEADERS 6

struct http_resp {
	int status;
	const char *ctype; /* static */
	struct buf body;
	char *headers[HTTP_MAX_HEADERS]; /* "Name: value" */
	int nheaders;
};

void http_resp_free(struct http_resp *r);
void http_header(struct http_resp *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The value of key in an application/x-www-form-urlencoded string (a query
 * or a form body), decoded; NULL when absent or badly encoded. Caller
 * frees. */
char *http_param(const char *s, size_t n, const char *key);

/* The value of a cookie in a Cookie header; NULL if absent. Caller frees. */
char *http_cookie(const char *header, const char *name);

/* Split a path into at most max decoded segments ("/a/b%20c" -> "a",
 * "b c"); -1 when it has more, an empty segment, a bad escape, a NUL or
 * "..". The caller frees each segment. */
int http_segments(const char *path, char **seg, int max);

/* addr (an IPv4 or IPv6 address) is in list, a comma-separated list of
 * addresses and prefixes ("127.0.0.1,10.0.0.0/8,::1"); false when either
 * is NULL or malformed. */
bool http_addr_listed(const char *addr, const char *list);
/* A list of addresses and prefixes is well formed (NULL or "" is: empty). */
bool http_addr_list_ok(const char *list);

/* The client behind a request that came from peer: peer itself, unless
 * peer is in trusted and forwarded (the X-Forwarded-For values joined by
 * commas; NULL when absent) names someone. Then the rightmost address in
 * forwarded that is not in trusted: each proxy appends the address it saw,
 * so what is left of the last trusted hop is the client's to write. A
 * malformed entry there stops the walk at the hop that appended it. The
 * answer goes to out (n bytes). */
void http_client_addr(const char *peer, const char *forwarded, const char *trusted, char *out,
                      size_t n);

#endif
