/* fuzz_layout.c: libFuzzer harness for text laid out with spaces
 * (pdftotext -layout) read as a table (pdfrows.c layout_rows: its cells
 * assigned row by row, rows without blank lines between them). The input
 * is the text itself, split into lines; the rows go through
 * interpret_rows(). Every row must have at most MAX_CELLS cells and every
 * cell must be valid UTF-8. Any violation traps. */
#include "plan.h"
#include "table.h"
#include "text_rows.h"

#include <stdint.h>

#define MAX_CELLS 24

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lines l = {0};
	if (!text_lines(data, size, &l))
		return 0; /* the importer checks these before any reader */
	struct rows rows = {0};
	struct plan p;
	plan_init(&p);
	if (layout_rows(&l, &rows, &p)) {
		rows_check(&rows, MAX_CELLS);
		interpret_rows(&rows, &p);
	}
	plan_free(&p);
	rows_free(&rows);
	lines_free(&l);
	return 0;
}
