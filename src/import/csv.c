/* csv.c: a strict CSV reader: every row kept with its line number, bad
 * quoting and oversized fields rejected with where and why; and the one
 * writer of CSV cells, safe to open in a spreadsheet. */
#include "csv.h"

#include "figure.h"
#include "text.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

void csv_free(struct csv *c)
{
	for (size_t i = 0; i < c->n; i++) {
		for (int j = 0; j < c->rows[i].n; j++)
			free(c->rows[i].f[j]);
		free(c->rows[i].f);
	}
	free(c->rows);
	memset(c, 0, sizeof *c);
}

static void push_field(struct csv_row *r, struct buf *b)
{
	r->f = xrealloc(r->f, (size_t)(r->n + 1) * sizeof *r->f);
	r->f[r->n++] = buf_detach(b);
}

static int fail(struct csv *out, char **err, char *msg)
{
	csv_free(out);
	*err = msg;
	return -1;
}

int csv_parse(const char *data, size_t len, struct csv *out, char **err)
{
	memset(out, 0, sizeof *out);
	size_t bad;
	if (!text_valid_utf8(data, len, &bad))
		return fail(out, err,
		            xasprintf("byte %zu không phải UTF-8 (lưu tệp CSV dạng UTF-8)", bad));
	size_t i = len >= 3 && !memcmp(data, "\xef\xbb\xbf", 3) ? 3 : 0;
	int line = 1;
	while (i < len) {
		struct csv_row row = {NULL, 0, line};
		struct buf b = BUF_INIT;
		b.max = CSV_MAX_FIELD;
		bool quoted = false, any = false;
		for (;;) {
			char c = i < len ? data[i] : '\n';
			if (quoted) {
				if (i >= len) {
					buf_free(&b);
					struct csv_row tmp = row;
					for (int k = 0; k < tmp.n; k++)
						free(tmp.f[k]);
					free(tmp.f);
					return fail(
					        out, err,
					        xasprintf("dòng %d: dấu ngoặc kép không được đóng",
					                  row.line));
				}
				if (c == '"' && i + 1 < len && data[i + 1] == '"') {
					buf_putc(&b, '"');
					i += 2;
				} else if (c == '"') {
					quoted = false;
					i++;
				} else {
					line += c == '\n';
					buf_putc(&b, c);
					i++;
				}
			} else if (c == '"' && b.len == 0) {
				quoted = any = true;
				i++;
			} else if (c == ',') {
				push_field(&row, &b);
				b.max = CSV_MAX_FIELD;
				any = true;
				i++;
			} else if (c == '\r' || c == '\n') {
				if (c == '\r' && i + 1 < len && data[i + 1] == '\n')
					i++;
				i++;
				line++;
				break;
			} else {
				buf_putc(&b, c);
				any = any || c != ' ';
				i++;
			}
			if (b.over || row.n >= CSV_MAX_FIELDS) {
				buf_free(&b);
				for (int k = 0; k < row.n; k++)
					free(row.f[k]);
				free(row.f);
				return fail(out, err,
				            xasprintf("dòng %d: ô quá dài hoặc quá nhiều cột (tối "
				                      "đa %u cột, %u KB mỗi ô)",
				                      row.line, CSV_MAX_FIELDS,
				                      CSV_MAX_FIELD >> 10));
			}
		}
		push_field(&row, &b);
		if (!any && row.n == 1 && !row.f[0][0]) { /* a blank line */
			free(row.f[0]);
			free(row.f);
			continue;
		}
		out->rows = xgrow(out->rows, &out->cap, out->n + 1, sizeof *out->rows);
		out->rows[out->n++] = row;
	}
	return 0;
}

/* ---- writing ------------------------------------------------------------- */

bool csv_formula(const char *s)
{
	return s && strchr("=+-@\t\r", *s) && *s && strcmp(s, "-") != 0;
}

static void put(struct buf *b, const char *s, bool quote)
{
	bool formula = csv_formula(s);
	quote |= formula || (s && strpbrk(s, ",\"\r\n"));
	if (quote)
		buf_putc(b, '"');
	if (formula)
		buf_putc(b, '\'');
	for (; s && *s; s++) {
		if (*s == '"')
			buf_putc(b, '"');
		buf_putc(b, *s);
	}
	if (quote)
		buf_putc(b, '"');
}

void csv_put_text(struct buf *b, const char *s)
{
	put(b, s, false);
}

void csv_put_quoted(struct buf *b, const char *s)
{
	put(b, s, true);
}

void csv_put_number(struct buf *b, double v)
{
	char text[FIGURE_SIZE];
	figure_write(v, text);
	buf_puts(b, text);
}
