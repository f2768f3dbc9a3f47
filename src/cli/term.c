/* term.c: stored free text (notes, names, the audit log) made safe to show
 * on a terminal: escape sequences, other control characters, bidi
 * overrides and zero-width characters are written as visible \u{...}
 * escapes, bytes that are not UTF-8 as \x.., so that nothing a user typed
 * can move the cursor, recolour the screen or reorder a line. */
#include "cli.h"

#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

const char *cli_safe(const char *s)
{
	static char *ring[8];
	static int next;
	if (!s)
		return NULL;
	struct buf b = BUF_INIT;
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	utf8proc_ssize_t left = (utf8proc_ssize_t)strlen(s);
	while (left > 0) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(p, left, &cp);
		if (k <= 0) {
			buf_printf(&b, "\\x%02X", p[0]);
			p++;
			left--;
			continue;
		}
		utf8proc_category_t cat = utf8proc_category(cp);
		if (cat == UTF8PROC_CATEGORY_CC || cat == UTF8PROC_CATEGORY_CF ||
		    cat == UTF8PROC_CATEGORY_ZL || cat == UTF8PROC_CATEGORY_ZP)
			buf_printf(&b, "\\u{%04X}", (unsigned)cp);
		else
			buf_put(&b, (const char *)p, (size_t)k);
		p += k;
		left -= k;
	}
	free(ring[next]);
	ring[next] = buf_detach(&b);
	const char *out = ring[next];
	next = (next + 1) % 8;
	return out;
}
