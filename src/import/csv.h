/* csv.h: RFC 4180 comma-separated text (quoted fields, doubled quotes,
 * CRLF), as offices export it from spreadsheets. */
#ifndef CHITIEU_CSV_H
#define CHITIEU_CSV_H

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

#endif
