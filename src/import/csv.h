/* csv.h: RFC 4180 comma-separated text (quoted fields, doubled quotes,
 * CRLF), as offices export it from spreadsheets. */
#ifndef CHITIEU_CSV_H
#define CHITIEU_CSV_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"

#define CSV_MAX_FIELD  (64u << 10)
#define CSV_MAX_FIELDS 64

struct csv_row {
	char **f; /* fields, NUL-terminated */
	int n;
	int line; /* line where the row starts, 1-based */
};

struct csv {
	struct csv_row *rows;
	size_t n, cap;
};

/* Parse data[0..len) (UTF-8, a BOM allowed). Returns 0, or -1 with *err a
 * Vietnamese reason naming the line (caller frees); out is then empty.
 * Blank lines are skipped. */
int csv_parse(const char *data, size_t len, struct csv *out, struct error *err);
void csv_free(struct csv *c);

/* Reading a file of any size in pieces. csv_cut: where the first len
 * bytes of data may be cut so that the part before holds whole rows only
 * (0: no such place yet; all of len when eof), as csv_parse reads them,
 * with the number of lines it spans into *lines. */
size_t csv_cut(const char *data, size_t len, bool eof, int *lines);

/* A file read a piece at a time (about CSV_CHUNK bytes of rows): rows as
 * csv_parse gives them, with their line numbers in the whole file. next:
 * 1 rows in *out (the caller csv_frees them), 0 at the end, -1 with *err
 * naming the line. */
#define CSV_CHUNK (1u << 17) /* its rows take ~17 times as much parsed */
struct csv_reader;
struct csv_reader *csv_reader_open(const char *path, struct error *err);
int csv_reader_next(struct csv_reader *r, struct csv *out, struct error *err);
void csv_reader_close(struct csv_reader *r);

/* Writing: every CSV cell chitieu writes goes through these. A text cell a
 * spreadsheet would run as a formula (starting with = + - @, a tab or a
 * CR) is neutralised as OWASP recommends: a ' in front, and quoted. A lone
 * "-" (a milestone without a target) cannot be a formula and is kept.
 * csv_put_text quotes only when needed (a comma, quote or line break);
 * csv_put_quoted always. Numbers are never neutralised: csv_put_number
 * writes figure_write's exact form bare, so "-5" stays the number -5. */
struct buf;
void csv_put_text(struct buf *b, const char *s);
void csv_put_quoted(struct buf *b, const char *s);
void csv_put_number(struct buf *b, double v);
/* True when csv_put_* puts a ' in front of s. */
bool csv_formula(const char *s);

#endif
