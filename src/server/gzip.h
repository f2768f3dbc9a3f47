/* gzip.h: text answers compressed for clients that say they take gzip
 * (Accept-Encoding), by zlib. No sockets: server.c asks and sends. */
#ifndef CHITIEU_GZIP_H
#define CHITIEU_GZIP_H

#include <stdbool.h>
#include <stddef.h>

/* Answers shorter than this go as they are: gzip would not pay. */
#define GZIP_MIN 512

/* The Accept-Encoding header (NULL: absent) accepts gzip: a "gzip",
 * "x-gzip" or "*" entry whose q is not 0 (an explicit "gzip;q=0" wins
 * over "*"). Reads any text, never more than the string. */
bool gzip_accepted(const char *accept_encoding);

/* A content type worth compressing: text/..., JSON, SVG, XML. */
bool gzip_worth(const char *ctype);

/* in (n bytes) as a gzip member into *out (the caller frees) of *outn
 * bytes: 0; -1 when zlib fails or the result is not smaller. */
int gzip_pack(const char *in, size_t n, char **out, size_t *outn);

#endif
