/* fuzz_plainblocks.c: libFuzzer harness for a PDF table pulled to plain text
 * by pdftotext without -layout, its cells as blocks (plainblocks.c
 * plain_block_rows: rows whose cells follow one another, pages whose
 * columns run after their header). The input is the text; form feeds mark
 * pages. Every row must have at most MAX_CELLS cells of valid UTF-8, the
 * rows then go through interpret_rows(). Any violation traps. */
#include "plan.h"
#include "table.h"
#include "text.h"
#include "util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MAX_CELLS 32

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 65536 || !text_valid_utf8((const char *)data, size, NULL) ||
	    memchr(data, '\0', size))
		return 0; /* the importer checks both before any reader */
	char *text = xstrndup((const char *)data, size);
	struct lines l = {0};
	char *start = text;
	for (char *end; (end = strchr(start, '\n')) != NULL; start = end + 1) {
		*end = '\0';
		l.v = xgrow(l.v, &l.cap, l.n + 1, sizeof *l.v);
		l.v[l.n++] = xstrdup(start);
	}
	l.v = xgrow(l.v, &l.cap, l.n + 1, sizeof *l.v);
	l.v[l.n++] = xstrdup(start);
	free(text);
	struct rows rows = {0};
	struct plan p;
	plan_init(&p);
	if (plain_block_rows(&l, &rows, &p)) {
		for (size_t i = 0; i < rows.n; i++) {
			if (rows.v[i].ncell > MAX_CELLS)
				__builtin_trap();
			for (int c = 0; c < rows.v[i].ncell; c++)
				if (!text_valid_utf8(rows.v[i].cell[c], strlen(rows.v[i].cell[c]),
				                     NULL))
					__builtin_trap();
		}
		interpret_rows(&rows, &p);
	}
	plan_free(&p);
	rows_free(&rows);
	lines_free(&l);
	return 0;
}
