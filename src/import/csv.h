/* csv.h: RFC 4180 comma-separated text (quoted fields, doubled quotes,
 * CRLF), as offices export it from spreadsheets. */
#ifndef CHITIEU_CSV_H
#define CHITIEU_CSV_H

#include <stdbool.h>
#include <stddef.h>

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
int csv_parse(const char *data, size_t len, struct csv *out, char **err);
void csv_free(struct csv *c);

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
