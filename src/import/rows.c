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
		for (int j = 0; j < r->v[i].ncell; j++) {
			free(r->v[i].cell[j]);
			free(r->v[i].lines ? r->v[i].lines[j] : NULL);
		}
		free(r->v[i].cell);
		free(r->v[i].lines);
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

void row_join_cells(struct row *row, char *const *cells, int n)
{
	for (int c = 0; c < n; c++)
		if (*cells[c]) {
			char *j = *row->cell[c] ? xasprintf("%s %s", row->cell[c], cells[c])
			                        : xstrdup(cells[c]);
			free(row->cell[c]);
			row->cell[c] = j;
		}
}

void row_add_cell(struct row *row, const char *text, size_t len)
{
	char *raw = xstrndup(text, len);
	row->cell = xrealloc(row->cell, (size_t)(row->ncell + 1) * sizeof *row->cell);
	if (row->lines) {
		row->lines = xrealloc(row->lines, (size_t)(row->ncell + 1) * sizeof *row->lines);
		row->lines[row->ncell] = NULL;
	}
	row->cell[row->ncell++] = text_clean(raw);
	free(raw);
}

char *clean_lines(const char *s)
{
	struct buf b = BUF_INIT;
	while (*s) {
		size_t n = strcspn(s, "\n");
		char *raw = xstrndup(s, n), *c = text_clean(raw);
		if (*c) {
			buf_puts(&b, b.len ? "\n" : "");
			buf_puts(&b, c);
		}
		free(c);
		free(raw);
		s += n + (s[n] == '\n');
	}
	return buf_detach(&b);
}

void row_add_lines(struct row *row, const char *text, size_t len)
{
	char *raw = xstrndup(text, len), *lines = clean_lines(raw);
	free(raw);
	if (!strchr(lines, '\n')) {
		row_add_cell(row, lines, strlen(lines));
		free(lines);
		return;
	}
	char *flat = xstrdup(lines);
	for (char *p = flat; (p = strchr(p, '\n'));)
		*p = ' ';
	row_add_cell(row, flat, strlen(flat));
	free(flat);
	if (!row->lines)
		row->lines = xcalloc((size_t)row->ncell, sizeof *row->lines);
	row->lines[row->ncell - 1] = lines;
}

const char *row_lines(const struct row *row, int i)
{
	if (!row->lines || i < 0 || i >= row->ncell || !row->lines[i])
		return NULL;
	return lines_match(row->lines[i], row->cell[i]) ? row->lines[i] : NULL;
}

bool lines_match(const char *lines, const char *cell)
{
	while (*lines && (*lines == *cell || (*lines == '\n' && *cell == ' ')))
		lines++, cell++;
	return !*lines && !*cell;
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
			if (!row) {
				row = rows_add(out, (int)j + 1);
				row->lossy = true;
			}
			row_add_cell(row, buf_str(&cell), cell.len);
			row->last = (int)k + 1;
		}
		last = k;
		j = k;
	}
	buf_free(&cell);
	return last;
}

/* The line past spaces and page breaks. */
static const char *lead_trim(const char *s)
{
	return s + strspn(s, " \t\f");
}

static size_t pipes(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += *s == '|';
	return n;
}

/* "|---|:--|": a markdown table's rule under its header. */
static bool rule_line(const char *s)
{
	s = lead_trim(s);
	return *s == '|' && strchr(s, '-') && s[strspn(s, "|-: \t\r")] == '\0';
}

/* The rest of a rule line wrapped at the page's edge ("------|---|"). */
static bool rule_rest(const char *s)
{
	s = lead_trim(s);
	return *s && strchr(s, '-') && s[strspn(s, "|-: \t\r")] == '\0';
}

/* The '|' of the rule line at k with the lines it wrapped onto; *end gets
 * its last line. */
static size_t rule_pipes(const struct lines *l, size_t k, size_t *end)
{
	size_t n = pipes(l->v[k]);
	while (k + 1 < l->n && rule_rest(l->v[k + 1]))
		n += pipes(l->v[++k]);
	if (end)
		*end = k;
	return n;
}

#define WRAP_LINES 12 /* lines a wrapped markdown row spans, at most */

/* A markdown row wrapped over lines (a printed table pulled back without
 * its layout: "| 3 | Tỷ lệ ... | 80 |" then "100 | Ủy ban ... |"): when
 * line i starts a row with fewer '|' than the table's rule line has (the
 * one below, for a header wrapped above it; the last one, for a body
 * row), the following lines up to that count, blank lines between them
 * skipped, joined by spaces; NULL when they do not make exactly that
 * count or the row is whole. *end gets the row's last line. */
static char *wrapped_row(const struct lines *l, size_t i, size_t rule, size_t *end)
{
	if (*lead_trim(l->v[i]) != '|' || rule_line(l->v[i]))
		return NULL;
	size_t want = 0;
	for (size_t k = i + 1; k < l->n && k <= i + WRAP_LINES && !want; k++) {
		if (rule_line(l->v[k]))
			want = rule_pipes(l, k, NULL);
		else if (*lead_trim(l->v[k]) == '|')
			break; /* the next row: line i is no header */
	}
	if (!want)
		want = rule;
	size_t have = pipes(l->v[i]);
	if (!want || have >= want)
		return NULL;
	struct buf b = BUF_INIT;
	buf_puts(&b, lead_trim(l->v[i]));
	size_t k = i + 1;
	for (; k < l->n && k <= i + WRAP_LINES && have < want; k++) {
		if (blank(l->v[k]) || !strcmp(lead_trim(l->v[k]), ""))
			continue;
		if (rule_line(l->v[k]))
			break;
		buf_putc(&b, ' ');
		buf_puts(&b, lead_trim(l->v[k]));
		have += pipes(l->v[k]);
	}
	if (have != want) {
		buf_free(&b);
		return NULL;
	}
	*end = k - 1;
	return buf_detach(&b);
}

/* "--- | :---: | ---": the rule under a header of a markdown table written
 * with no outer '|' (a cell's alignment colons kept). */
static bool bare_rule(const char *s)
{
	s = lead_trim(s);
	return *s && *s != '|' && strchr(s, '|') && strchr(s, '-') &&
	       s[strspn(s, "|-: \t\r")] == '\0';
}

/* Line i of a markdown table with no outer '|': its header (the next line
 * a rule of as many '|'), the rule, or a row after them (as many '|' or
 * fewer: the empty cells at its end left out); *bare is the count while
 * the table lasts, 0 after it. */
static bool bare_row(const struct lines *l, size_t i, size_t *bare)
{
	const char *s = lead_trim(l->v[i]);
	if (*s == '|' || !strchr(s, '|')) {
		*bare = 0;
		return false;
	}
	if (!*bare && i + 1 < l->n && bare_rule(l->v[i + 1]) && pipes(s) == pipes(l->v[i + 1]))
		*bare = pipes(s);
	return *bare && pipes(s) <= *bare;
}

void rows_from_lines(const struct lines *l, struct rows *out)
{
	size_t rule = 0; /* the '|' of the last markdown rule line */
	size_t bare = 0; /* the '|' of a table with no outer '|' */
	int table = 0;
	bool in_table = false; /* the last row was a table row */
	for (size_t i = 0; i < l->n; i++) {
		const char *s = l->v[i];
		if (blank(s)) {
			bare = 0;
			continue;
		}
		if (bare_row(l, i, &bare)) {
			struct row *row = rows_add(out, (int)i + 1);
			split(row, lead_trim(s), '|');
			row->lossy = true;
			table += !in_table;
			in_table = true;
			row->table = table;
			continue;
		}
		size_t rend;
		if (ruled_rows(l, i, out, table + 1, &rend) ||
		    dashed_rows(l, i, out, table + 1, &rend)) {
			table++;
			in_table = false;
			i = rend;
			continue;
		}
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
		size_t end = i;
		char *joined = NULL;
		if (rule_line(s)) {
			rule = rule_pipes(l, i, &end);
			if (end > i) { /* wrapped: its lines joined */
				struct buf b = BUF_INIT;
				for (size_t k = i; k <= end; k++)
					buf_puts(&b, lead_trim(l->v[k]));
				s = joined = buf_detach(&b);
			}
		} else {
			joined = wrapped_row(l, i, rule, &end);
		}
		if (joined)
			s = joined;
		struct row *row = rows_add(out, (int)i + 1);
		row->last = (int)end + 1;
		i = end;
		const char *t = lead_trim(s); /* a page break may lead the row */
		if (*t == '|') {
			size_t n = strlen(t);
			while (n && (t[n - 1] == ' ' || t[n - 1] == '\r'))
				n--;
			char *inner = xstrndup(t + 1, n > 1 && t[n - 1] == '|' ? n - 2 : n - 1);
			split(row, inner, '|');
			row->lossy = true;
			free(inner);
			free(joined);
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
