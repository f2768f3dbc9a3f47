/* util.h: allocation that cannot fail and a growable byte buffer with a cap.
 * Out of memory aborts the program: callers never check for NULL. */
#ifndef CHITIEU_UTIL_H
#define CHITIEU_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
/* Grow an array of elem-sized items so that it holds at least need items. */
void *xgrow(void *p, size_t *cap, size_t need, size_t elem);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a new string; the caller frees it. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/* qsort that takes an empty or absent array (n == 0, base NULL), which
 * qsort itself may not be given. */
void xqsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));

/* An owning, NUL-terminated buffer. max == 0 means no limit; past the limit
 * writes are dropped and `over` is set, so untrusted input cannot grow it
 * without bound. */
struct buf {
	char *ptr;
	size_t len;
	size_t cap;
	size_t max;
	bool over;
};

#define BUF_INIT                                                                                   \
	{                                                                                          \
		NULL, 0, 0, 0, false                                                               \
	}

void buf_put(struct buf *b, const char *s, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The contents as a string ("" when empty); valid until the next write. */
const char *buf_str(struct buf *b);
/* Hand the string over to the caller, who frees it; the buffer is emptied. */
char *buf_detach(struct buf *b);
/* s escaped for HTML or XML text and attribute values (& < > " '); control
 * characters other than tab and newline, which XML forbids, are dropped. */
void buf_escape_markup(struct buf *b, const char *s);
void buf_reset(struct buf *b);
void buf_free(struct buf *b);

#endif
