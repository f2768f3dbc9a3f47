/* multipart.h: a bounded reader of multipart/form-data bodies (RFC 7578).
 * The parts are views into the caller's body: nothing is copied but the
 * short header values (name, filename, content type). Every refusal says
 * where (part number, byte offset) and why, as ERR_BAD_REQUEST. */
#ifndef CHITIEU_MULTIPART_H
#define CHITIEU_MULTIPART_H

#include <stddef.h>

#include "error.h"

struct multipart_part {
	char *name;         /* the form field's name ("" when absent) */
	char *filename;     /* the file's name as sent, NULL when not a file */
	char *content_type; /* NULL when absent */
	const char *data;   /* len bytes inside the body, not terminated */
	size_t len;
};

struct multipart {
	struct multipart_part *parts;
	size_t n;
};

/* Limits; a zero field takes the default in brackets. */
struct multipart_limits {
	size_t max_parts;  /* parts in the body [16] */
	size_t max_header; /* bytes of one part's header block [4096] */
	size_t max_part;   /* bytes of one part's content [32 MiB] */
};

/* Read body (len bytes) sent with the Content-Type header ctype (which must
 * be multipart/form-data with a boundary) into out; lim may be NULL for
 * the defaults. 0 on success; -1 with *err set (caller frees, out left
 * empty) when the body is malformed or over a limit. The parts point into
 * body, which must outlive out. Free out with multipart_free. */
int multipart_parse(const char *ctype, const char *body, size_t len,
                    const struct multipart_limits *lim, struct multipart *out, struct error *err);

/* The first part named name, NULL when none. */
const struct multipart_part *multipart_find(const struct multipart *m, const char *name);

/* Free what multipart_parse allocated; takes an empty or zeroed m. */
void multipart_free(struct multipart *m);

#endif
