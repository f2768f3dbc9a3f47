/* sheet.h: a plain table (a heading row, then rows of text or number cells)
 * as CSV or as an XLSX sheet: the exports of what a page shows. */
#ifndef CHITIEU_SHEET_H
#define CHITIEU_SHEET_H

#include "util.h"

#include <stdbool.h>
#include <stddef.h>

#include "error.h"

struct sheet_cell {
	char *text; /* what is shown (Vietnamese figures: "2.125,5") */
	bool is_num;
	double num; /* the number behind text when is_num */
};

struct sheet {
	struct sheet_cell *cells; /* rows * cols, row by row; row 0 the headings */
	size_t rows, cols;
};

/* An empty table of cols columns, and its cells; sheet_text copies s. */
void sheet_init(struct sheet *t, size_t cols);
void sheet_text(struct sheet *t, size_t row, size_t col, const char *s);
void sheet_number(struct sheet *t, size_t row, size_t col, const char *shown, double v);
void sheet_free(struct sheet *t);

/* CSV (RFC 4180, UTF-8 with a BOM for spreadsheets; numbers as "." decimal). */
void sheet_csv(const struct sheet *t, struct buf *b);
/* One sheet named sheet: 0, or -1 with *err. */
int sheet_xlsx(const struct sheet *t, const char *sheet, struct buf *b, struct error *err);

#endif
