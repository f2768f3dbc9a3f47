/* rows.c: lines of markdown tables ("| a | b |") and tab-separated tables
 * into rows of cleaned cells. */
#include "table.h"

#include "text.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

void lines_free(struct lines *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	memset(l, 0, sizeof *l);
}

void rows_free(struct rows *r)
{
	for (size_t i = 0; i < r->n; i++) {
		for (int j = 0; j < r->v[i].ncell; j++)
			free(r->v[i].cell[j]);
		free(r->v[i].cell);
	}
	free(r->v);
	memset(r, 0, sizeof *r);
}

struct row *rows_add(struct rows *r, int line)
{
	r->v = xgrow(r->v, &r->cap, r->n + 1, sizeof *r->v);
	struct row *row = &r->v[r->n++];
	memset(row, 0, sizeof *row);
	row->first = row->last = line;
	return row;
}

void row_add_cell(struct row *row, const char *text, size_t len)
{
	char *raw = xstrndup(text, len);
	row->cell = xrealloc(row->cell, (size_t)(row->ncell + 1) * sizeof *row->cell);
	row->cell[row->ncell++] = text_clean(raw);
	free(raw);
}

static void split(struct row *row, const char *s, char sep)
{
	const char *p = s;
	for (;;) {
		const char *e = strchr(p, sep);
		if (!e) {
			row_add_cell(row, p, strlen(p));
			break;
		}
		row_add_cell(row, p, (size_t)(e - p));
		p = e + 1;
	}
}

static bool blank(const char *s)
{
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\r')
			return false;
	return true;
}

/* A line holding only '|'. */
static bool pipe_only(const char *s)
{
	s += strspn(s, " \t\r");
	if (*s != '|')
		return false;
	return blank(s + 1);
}

#define CELL_LINES 12 /* a cell's own lines between two '|' lines, at most */

/* A rendering with each cell on its own line(s) between lines holding only
 * '|': "|", "1", "|", "Tỷ lệ ...", "|", then "|" opening the next row. Two
 * '|' lines in a row end a row; blank lines alone between two '|' lines
 * are an empty cell. A blank line then text after a '|' line is the text
 * after the table (a heading before the next one), never a cell. Returns the index of the block's
 * last line. */
static size_t pipe_block(const struct lines *l, size_t i, struct rows *out)
{
	struct row *row = NULL;
	size_t last = i;
	struct buf cell = BUF_INIT;
	cell.max = 1u << 16;
	for (size_t j = i; j < l->n;) {
		/* l->v[j] is a '|' line; the cell's lines follow up to the next. */
		size_t k = j + 1;
		while (k < l->n && k - j <= CELL_LINES && !pipe_only(l->v[k]))
			k++;
		if (k >= l->n || !pipe_only(l->v[k]))
			break; /* no closing '|': the block ended at j */
		bool text = false;
		for (size_t m = j + 2; m < k && blank(l->v[j + 1]); m++)
			text |= !blank(l->v[m]);
		if (text)
			break; /* blank line then text: a paragraph after the table */
		if (k == j + 1) {
			row = NULL; /* "|" "|": the row ends, the next one starts */
		} else {
			buf_reset(&cell);
			for (size_t m = j + 1; m < k; m++) {
				buf_puts(&cell, cell.len ? " " : "");
				buf_puts(&cell, l->v[m]);
			}
			if (!row)
				row = rows_add(out, (int)j + 1);
			row_add_cell(row, buf_str(&cell), cell.len);
			row->last = (int)k + 1;
		}
		last = k;
		j = k;
	}
	buf_free(&cell);
	return last;
}

void rows_from_lines(const struct lines *l, struct rows *out)
{
	int table = 0;
	bool in_table = false; /* the last row was a table row */
	for (size_t i = 0; i < l->n; i++) {
		const char *s = l->v[i];
		if (blank(s))
			continue;
		if (pipe_only(s) && i + 1 < l->n && !pipe_only(l->v[i + 1])) {
			size_t from = out->n, end = pipe_block(l, i, out);
			if (end > i) {
				table++;
				for (size_t k = from; k < out->n; k++)
					out->v[k].table = table;
				in_table = false;
				i = end;
				continue;
			}
		}
		struct row *row = rows_add(out, (int)i + 1);
		const char *t = s;
		while (*t == ' ')
			t++;
		if (*t == '|') {
			size_t n = strlen(t);
			while (n && (t[n - 1] == ' ' || t[n - 1] == '\r'))
				n--;
			char *inner = xstrndup(t + 1, n > 1 && t[n - 1] == '|' ? n - 2 : n - 1);
			split(row, inner, '|');
			free(inner);
		} else if (strchr(s, '\t')) {
			split(row, s, '\t');
		} else {
			row->text = true;
			row_add_cell(row, s, strlen(s));
			in_table = false;
			continue;
		}
		/* Table rows after text start another table. */
		table += !in_table;
		in_table = true;
		row->table = table;
	}
}
