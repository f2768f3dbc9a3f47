/* sheet.c: a page's table as CSV or XLSX (libxlsxwriter, through a
 * temporary file it insists on). */
#define _DEFAULT_SOURCE /* mkstemps */
#include "sheet.h"

#include "csv.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

void sheet_init(struct sheet *t, size_t cols)
{
	t->cells = NULL;
	t->rows = 0;
	t->cols = cols;
}

static struct sheet_cell *cell(struct sheet *t, size_t row, size_t col)
{
	if (row >= t->rows) {
		t->cells = xrealloc(t->cells, (row + 1) * t->cols * sizeof *t->cells);
		memset(t->cells + t->rows * t->cols, 0,
		       (row + 1 - t->rows) * t->cols * sizeof *t->cells);
		t->rows = row + 1;
	}
	struct sheet_cell *x = &t->cells[row * t->cols + col];
	free(x->text);
	return x;
}

void sheet_text(struct sheet *t, size_t row, size_t col, const char *s)
{
	struct sheet_cell *x = cell(t, row, col);
	x->text = xstrdup(s ? s : "");
	x->is_num = false;
}

void sheet_number(struct sheet *t, size_t row, size_t col, const char *shown, double v)
{
	struct sheet_cell *x = cell(t, row, col);
	x->text = xstrdup(shown);
	x->is_num = true;
	x->num = v;
}

void sheet_free(struct sheet *t)
{
	for (size_t i = 0; i < t->rows * t->cols; i++)
		free(t->cells[i].text);
	free(t->cells);
	t->cells = NULL;
	t->rows = 0;
}

void sheet_csv(const struct sheet *t, struct buf *b)
{
	buf_puts(b, "\xEF\xBB\xBF");
	for (size_t r = 0; r < t->rows; r++) {
		for (size_t k = 0; k < t->cols; k++) {
			const struct sheet_cell *x = &t->cells[r * t->cols + k];
			if (k)
				buf_putc(b, ',');
			if (x->is_num)
				csv_put_number(b, x->num);
			else
				csv_put_quoted(b, x->text ? x->text : "");
		}
		buf_puts(b, "\r\n");
	}
}

int sheet_xlsx(const struct sheet *t, const char *sheet, struct buf *b, struct error *err)
{
	char path[64];
	snprintf(path, sizeof path, "/tmp/chitieu-table-XXXXXX.xlsx");
	int fd = mkstemps(path, 5);
	if (fd < 0) {
		err_set(err, ERR_INTERNAL, "không tạo được tệp tạm");
		return -1;
	}
	close(fd);
	lxw_workbook *wb = workbook_new(path);
	if (!wb) {
		unlink(path);
		err_set(err, ERR_INTERNAL, "libxlsxwriter không tạo được sổ tính");
		return -1;
	}
	lxw_format *head = workbook_add_format(wb), *wrap = workbook_add_format(wb);
	format_set_bold(head);
	format_set_text_wrap(head);
	format_set_text_wrap(wrap);
	lxw_worksheet *ws = workbook_add_worksheet(wb, sheet);
	worksheet_set_column(ws, 1, 1, 50, NULL);
	for (size_t r = 0; r < t->rows; r++)
		for (size_t k = 0; k < t->cols; k++) {
			const struct sheet_cell *x = &t->cells[r * t->cols + k];
			if (x->is_num)
				worksheet_write_number(ws, (lxw_row_t)r, (lxw_col_t)k, x->num,
				                       NULL);
			else if (x->text && *x->text)
				worksheet_write_string(ws, (lxw_row_t)r, (lxw_col_t)k, x->text,
				                       r ? wrap : head);
		}
	int rc = 0;
	if (workbook_close(wb) != LXW_NO_ERROR) {
		err_set(err, ERR_INTERNAL, "libxlsxwriter không ghi được sổ tính");
		rc = -1;
	} else {
		FILE *f = fopen(path, "rb");
		char chunk[65536];
		size_t n;
		while (f && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
			buf_put(b, chunk, n);
		if (f)
			fclose(f);
		else
			rc = -1,
			err_set(err, ERR_INTERNAL, "không đọc được %s: %s", path, strerror(errno));
	}
	unlink(path);
	return rc;
}
