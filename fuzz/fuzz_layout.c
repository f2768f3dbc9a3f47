/* fuzz_layout.c: libFuzzer harness for text laid out with spaces
 * (pdftotext -layout) read as a table (pdfrows.c layout_rows: its cells
 * assigned row by row, rows without blank lines between them). The input
 * is the text itself, split into lines; the rows go through
 * interpret_rows(). Every row must have at most MAX_CELLS cells and every
 * cell must be valid UTF-8. Any violation traps. */
#include "plan.h"
#include "table.h"
#include "text.h"
#include "util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MAX_CELLS 24

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 65536 || !text_valid_utf8((const char *)data, size, NULL) ||
	    memchr(data, '\0', size))
		return 0; /* the importer checks both before any reader */
	struct lines l = {0};
	for (size_t i = 0; i <= size;) {
		const uint8_t *nl = memchr(data + i, '\n', size - i);
		size_t k = nl ? (size_t)(nl - (data + i)) : size - i;
		l.v = xgrow(l.v, &l.cap, l.n + 1, sizeof *l.v);
		l.v[l.n++] = xstrndup((const char *)data + i, k);
		i += k + 1;
	}
	struct rows rows = {0};
	if (layout_rows(&l, &rows)) {
		for (size_t i = 0; i < rows.n; i++) {
			if (rows.v[i].ncell > MAX_CELLS)
				__builtin_trap();
			for (int c = 0; c < rows.v[i].ncell; c++)
				if (!text_valid_utf8(rows.v[i].cell[c], strlen(rows.v[i].cell[c]),
				                     NULL))
					__builtin_trap();
		}
		struct plan p;
		plan_init(&p);
		interpret_rows(&rows, &p);
		plan_free(&p);
	}
	rows_free(&rows);
	lines_free(&l);
	return 0;
}
