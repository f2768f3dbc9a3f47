/* fuzz_celltext.c: libFuzzer harness for text with each table cell on its
 * own line (celltext.c celltext_rows: LibreOffice's "save as text"), and
 * for tab-separated rows whose header is widened over its year row
 * (celltext_mend_rows). Every row must have at most MAX_CELLS cells of
 * valid UTF-8, the rows then go through interpret_rows(). Any violation
 * traps. */
#include "plan.h"
#include "table.h"
#include "text_rows.h"

#include <stdint.h>

#define MAX_CELLS 40

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lines l = {0};
	if (!text_lines(data, size, &l))
		return 0; /* the importer checks these before any reader */
	struct rows rows = {0};
	struct plan p;
	plan_init(&p);
	if (celltext_rows(&l, &rows, &p)) {
		rows_check(&rows, MAX_CELLS);
		interpret_rows(&rows, &p);
	}
	rows_free(&rows);
	plan_free(&p);
	plan_init(&p);
	rows_from_lines(&l, &rows);
	celltext_mend_rows(&l, &rows, &p);
	rows_check(&rows, 4096);
	interpret_rows(&rows, &p);
	plan_free(&p);
	rows_free(&rows);
	lines_free(&l);
	return 0;
}
