/* fuzz_plainblocks.c: libFuzzer harness for a PDF table pulled to plain text
 * by pdftotext without -layout, its cells as blocks (plainblocks.c
 * plain_block_rows: rows whose cells follow one another, pages whose
 * columns run after their header; plain_block_cells: a header of any
 * columns, a header repeated inside the table, "-" rows under a heading,
 * an agency beside a note; a table read in too small a part: its line)
 * and plainrows.c plain_blocks (is the text such blocks: a header's "STT",
 * or "Chỉ tiêu" with no number column, a block of its own; the line it
 * names inside the text). The input is the text;
 * form feeds mark pages. Every row must have at most MAX_CELLS cells of
 * valid UTF-8, the rows then go through interpret_rows(). Any violation
 * traps. */
#include "plan.h"
#include "table.h"
#include "text_rows.h"

#include <stdint.h>

#define MAX_CELLS 32

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* One reader over the lines: its rows checked, then interpreted; a
 * fragment's line inside the text. */
static void read_with(bool (*reader)(const struct lines *, struct rows *, struct plan *, int *),
                      const struct lines *l)
{
	struct rows rows = {0};
	struct plan p;
	plan_init(&p);
	int fragment = 0;
	bool found = reader(l, &rows, &p, &fragment);
	if (fragment < 0 || (size_t)fragment > l->n)
		__builtin_trap();
	if (found) {
		rows_check(&rows, MAX_CELLS);
		interpret_rows(&rows, &p);
	}
	plan_free(&p);
	rows_free(&rows);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lines l = {0};
	if (!text_lines(data, size, &l))
		return 0; /* the importer checks these before any reader */
	read_with(plain_block_rows, &l);
	read_with(plain_block_cells, &l);
	int line = 0;
	if (plain_blocks(&l, &line) && (line < 1 || (size_t)line > l.n))
		__builtin_trap();
	lines_free(&l);
	return 0;
}
