/* text_rows.h: what the harnesses of text tables share: the text as the
 * importer lets it through (valid UTF-8, no NUL, at most 64 KiB) split into
 * lines, and the check of the rows a reader made from them (at most
 * max_cells cells each, every cell valid UTF-8; anything else traps). */
#ifndef CHITIEU_FUZZ_TEXT_ROWS_H
#define CHITIEU_FUZZ_TEXT_ROWS_H

#include "table.h"
#include "text.h"
#include "util.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

/* The lines of data into l; false when the importer would refuse it first. */
static inline bool text_lines(const uint8_t *data, size_t size, struct lines *l)
{
	if (size > 65536 || !text_valid_utf8((const char *)data, size, NULL) ||
	    memchr(data, '\0', size))
		return false;
	for (size_t i = 0; i <= size;) {
		const uint8_t *nl = memchr(data + i, '\n', size - i);
		size_t k = nl ? (size_t)(nl - (data + i)) : size - i;
		l->v = xgrow(l->v, &l->cap, l->n + 1, sizeof *l->v);
		l->v[l->n++] = xstrndup((const char *)data + i, k);
		i += k + 1;
	}
	return true;
}

static inline void rows_check(const struct rows *rows, int max_cells)
{
	for (size_t i = 0; i < rows->n; i++) {
		if (rows->v[i].ncell > max_cells)
			__builtin_trap();
		for (int c = 0; c < rows->v[i].ncell; c++)
			if (!text_valid_utf8(rows->v[i].cell[c], strlen(rows->v[i].cell[c]), NULL))
				__builtin_trap();
	}
}

#endif
