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

void rows_from_lines(const struct lines *l, struct rows *out)
{
	for (size_t i = 0; i < l->n; i++) {
		const char *s = l->v[i];
		if (blank(s))
			continue;
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
		}
	}
}
