/* xlsx_sheet.h: the first sheet of an Excel workbook (.xlsx) as CSV text,
 * for the pages that import figures from a file (the figures' CSV columns
 * read from a spreadsheet). */
#ifndef CHITIEU_XLSX_SHEET_H
#define CHITIEU_XLSX_SHEET_H

#include <stddef.h>

#include "error.h"

/* The workbook data[0..n)'s first sheet as RFC 4180 text csv_parse reads:
 * one line per spreadsheet row, its line number the row's number (empty
 * rows become empty lines while the row numbers stay below 10000), cells
 * from column A. Text cells come from the shared strings or inline; number
 * cells keep their value as the file stores it ("70", "0.7"; an exponent
 * form is rewritten by figure_write, never rounded), without any display
 * format, except dates: a number cell whose format is a date is that day
 * ("2026-01-15"), or its month ("2026-01") when the format shows no day
 * (mmm-yy, mm/yyyy), in the 1900 or 1904 date system, and percentages:
 * the percent shown, the decimal point moved two places in the stored
 * text ("0.955" -> "95.5"); booleans are "1" or "0". The OOXML reader's limits hold (entries,
 * expanded size, depth, rows, 64 columns). Returns the text (caller frees)
 * with its length in *len, or NULL with *err a Vietnamese sentence. */
char *xlsx_sheet_csv(const char *data, size_t n, size_t *len, struct error *err);

#endif
