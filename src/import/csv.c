/* csv.c: a strict CSV reader: every row kept with its line number, bad
 * quoting and oversized fields rejected with where and why; and the one
 * writer of CSV cells, safe to open in a spreadsheet. */
#include "csv.h"

#include "figure.h"
#include "text.h"
#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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

static int fail(struct csv *out, struct error *err, char *msg)
{
	csv_free(out);
	err_set(err, ERR_DOCUMENT, "%s", msg);
	free(msg);
	return -1;
}

int csv_parse(const char *data, size_t len, struct csv *out, struct error *err)
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

/* ---- reading in pieces ---------------------------------------------------- */

size_t csv_cut(const char *data, size_t len, bool eof, int *lines)
{
	/* csv_parse's reading, only to find where rows end: a quote opens a
	 * quoted field at the start of a field only. */
	bool quoted = false;
	size_t flen = 0, cut = 0;
	int n = 0, at_cut = 0;
	/* csv_parse skips a BOM at the start. */
	size_t start = len >= 3 && !memcmp(data, "\xef\xbb\xbf", 3) ? 3 : 0;
	for (size_t i = start; i < len; i++) {
		char c = data[i];
		if (quoted) {
			if (c == '"' && i + 1 == len && !eof)
				break; /* "" or the closing quote: the next piece says */
			if (c == '"' && i + 1 < len && data[i + 1] == '"') {
				flen++;
				i++;
			} else if (c == '"') {
				quoted = false;
			} else {
				n += c == '\n';
				flen++;
			}
		} else if (c == '"' && flen == 0) {
			quoted = true;
		} else if (c == ',') {
			flen = 0;
		} else if (c == '\r' || c == '\n') {
			if (c == '\r' && i + 1 == len && !eof)
				break; /* a CR of a CRLF cut in two */
			if (c == '\r' && i + 1 < len && data[i + 1] == '\n')
				i++;
			flen = 0;
			cut = i + 1;
			at_cut = ++n;
		} else {
			flen++;
		}
	}
	if (eof) {
		cut = len;
		at_cut = n;
	}
	*lines = at_cut;
	return cut;
}

struct csv_reader {
	FILE *f;
	char *path, *buf;
	size_t len, cap;
	int line; /* lines before buf */
	bool eof;
};

struct csv_reader *csv_reader_open(const char *path, struct error *err)
{
	FILE *f = fopen(path, "rb");
	struct stat st;
	if (!f || (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode))) {
		if (f)
			err_set(err, ERR_DOCUMENT, "%s: là một thư mục, không phải tệp", path);
		else
			err_set(err, ERR_DOCUMENT, "%s: không mở được tệp: %s", path,
			        strerror(errno));
		if (f)
			fclose(f);
		return NULL;
	}
	struct csv_reader *r = xcalloc(1, sizeof *r);
	r->f = f;
	r->path = xstrdup(path);
	return r;
}

int csv_reader_next(struct csv_reader *r, struct csv *out, struct error *err)
{
	memset(out, 0, sizeof *out);
	for (;;) {
		size_t cut = 0;
		int lines = 0;
		/* Read until the piece holds a whole row: a row may be as long as
		 * its cells allow (a limit csv_parse then reports). */
		while (!r->eof &&
		       (r->len < CSV_CHUNK || !(cut = csv_cut(r->buf, r->len, false, &lines)))) {
			if (r->len > CSV_CHUNK + (size_t)CSV_MAX_FIELDS * (CSV_MAX_FIELD + 3)) {
				err_set(err, ERR_DOCUMENT,
				        "dòng %d: ô quá dài hoặc quá nhiều cột (tối đa %u "
				        "cột, %u KB mỗi ô)",
				        r->line + 1, CSV_MAX_FIELDS, CSV_MAX_FIELD >> 10);
				return -1;
			}
			size_t want = r->len + CSV_CHUNK / 4;
			if (want > r->cap) {
				r->cap = want * 2;
				r->buf = xrealloc(r->buf, r->cap);
			}
			size_t k = fread(r->buf + r->len, 1, r->cap - r->len, r->f);
			if (ferror(r->f)) {
				err_set(err, ERR_DOCUMENT, "%s: lỗi khi đọc tệp", r->path);
				return -1;
			}
			r->len += k;
			r->eof = k == 0 && feof(r->f);
		}
		if (r->eof)
			cut = csv_cut(r->buf, r->len, true, &lines);
		if (!cut)
			return 0;
		/* Only the first piece may start with a BOM (csv_parse skips it). */
		if (r->line && cut >= 3 && !memcmp(r->buf, "\xef\xbb\xbf", 3)) {
			err_set(err, ERR_DOCUMENT, "dòng %d: ký tự BOM giữa tệp", r->line + 1);
			return -1;
		}
		struct error why = {0};
		int rc = csv_parse(r->buf, cut, out, &why);
		if (rc) {
			if (r->line)
				err_prefix(&why, "từ dòng %d: ", r->line + 1);
			*err = why;
			return -1;
		}
		for (size_t i = 0; i < out->n; i++)
			out->rows[i].line += r->line;
		r->line += lines;
		memmove(r->buf, r->buf + cut, r->len - cut);
		r->len -= cut;
		if (out->n)
			return 1;
		csv_free(out); /* blank lines only: on to the next piece */
	}
}

void csv_reader_close(struct csv_reader *r)
{
	if (!r)
		return;
	fclose(r->f);
	free(r->path);
	free(r->buf);
	free(r);
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
