/* ruled.c: a table drawn with rules in text: box characters ("┌──┬──┐",
 * "│ a │ b │", w3m's dump of a page) or ASCII ("+----+----+", "| a | b |",
 * pandoc's grid tables), into rows. The rules between rows set the rows
 * apart, so a cell wrapped over lines is one cell; a rule running only
 * under some columns (a header cell merged over the cells below it) splits
 * those columns into a row above and a row below, the merged cell written
 * once in its first column and the others empty, as a portal's text does. */
#include "table.h"

#include "text.h"
#include "util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MAXC 40 /* columns of a ruled table, at most */

struct uline {
	uint32_t *c; /* code points */
	size_t *off; /* byte offset of each in the line */
	size_t n;
};

static void decode(const char *s, struct uline *u)
{
	size_t len = strlen(s);
	u->c = xmalloc((len + 1) * sizeof *u->c);
	u->off = xmalloc((len + 1) * sizeof *u->off);
	u->n = 0;
	for (size_t i = 0; i < len;) {
		unsigned char b = (unsigned char)s[i];
		uint32_t cp = b;
		size_t k = b < 0x80 ? 1 : b >> 5 == 6 ? 2 : b >> 4 == 14 ? 3 : b >> 3 == 30 ? 4 : 1;
		if (k > 1 && i + k <= len) {
			cp = b & (0x3f >> (k - 1));
			for (size_t j = 1; j < k; j++)
				cp = cp << 6 | ((unsigned char)s[i + j] & 0x3f);
		} else {
			k = 1;
		}
		u->off[u->n] = i;
		u->c[u->n++] = cp;
		i += k;
	}
	u->off[u->n] = len;
}

static void free_ulines(struct uline *u, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		free(u[k].c);
		free(u[k].off);
	}
	free(u);
}

static bool box(uint32_t c)
{
	return c >= 0x2500 && c <= 0x257f;
}

static bool horiz(uint32_t c)
{
	return c == 0x2500 || c == 0x2501 || c == 0x2550 || c == 0x2504 || c == 0x2505 ||
	       c == 0x2508 || c == 0x2509 || c == 0x254c || c == 0x254d || c == '-' || c == '=';
}

/* A column rule or a rules' crossing at k: a box character not
 * horizontal, '|', or '+' beside an ASCII rule. */
static bool vert(const struct uline *u, size_t k)
{
	uint32_t c = u->c[k];
	if (box(c))
		return !horiz(c);
	if (c == '|')
		return true;
	if (c != '+')
		return false;
	bool l = k > 0 && (u->c[k - 1] == '-' || u->c[k - 1] == '=');
	bool r = k + 1 < u->n && (u->c[k + 1] == '-' || u->c[k + 1] == '=');
	return l || r;
}

static size_t lead(const struct uline *u)
{
	size_t k = 0;
	while (k < u->n && (u->c[k] == ' ' || u->c[k] == '\t'))
		k++;
	return k;
}

static size_t trail(const struct uline *u)
{
	size_t n = u->n;
	while (n && (u->c[n - 1] == ' ' || u->c[n - 1] == '\r'))
		n--;
	return n;
}

/* A line of the table: it starts and ends with a column rule. */
static bool table_line(const struct uline *u)
{
	size_t a = lead(u), b = trail(u);
	return b > a + 1 && vert(u, a) && vert(u, b - 1);
}

/* A rule across the whole table: only rules and crossings, a horizontal
 * one among them. */
static bool full_rule(const struct uline *u)
{
	size_t a = lead(u), b = trail(u);
	bool h = false;
	if (b <= a)
		return false;
	for (size_t k = a; k < b; k++) {
		if (horiz(u->c[k]))
			h = true;
		else if (!vert(u, k))
			return false;
	}
	return h;
}

/* A table's top rule: a whole rule starting and ending with a crossing,
 * "┌" or "+" (a markdown table's "|---|---|" under its header is none:
 * two of them, a header repeated, would make one row of the rows
 * between). */
static bool top_rule(const char *s)
{
	/* its bytes first: after its margin '+' or a box character
	 * (U+2500-U+257F: E2 94 or E2 95) */
	const unsigned char *t = (const unsigned char *)s + strspn(s, " \t");
	if (*t != '+' && (t[0] != 0xe2 || (t[1] != 0x94 && t[1] != 0x95)))
		return false;
	struct uline u;
	decode(s, &u);
	bool yes = table_line(&u) && full_rule(&u) && u.c[lead(&u)] != '|';
	free(u.c);
	free(u.off);
	return yes;
}

/* The segment [a, b) a rule: horizontal rule characters only (an ASCII
 * one at least 3, a cell "-" is a value). */
static bool seg_rule(const struct uline *u, size_t a, size_t b)
{
	if (b <= a)
		return false;
	bool ascii = false;
	for (size_t k = a; k < b; k++) {
		if (!horiz(u->c[k]))
			return false;
		ascii |= u->c[k] < 0x80;
	}
	return !ascii || b - a >= 3;
}

/* A cell's piece without a markdown writer's marks: "**bold**", "\%". */
static void put_piece(struct buf *b, const char *s, size_t n)
{
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\r'))
		n--;
	char *t = xstrndup(s, n);
	size_t w = 0;
	for (size_t r = 0; t[r]; r++) {
		if (t[r] == '*' && t[r + 1] == '*') {
			r++;
			continue;
		}
		if (t[r] == '\\' && (t[r + 1] == '\0' || strchr("%*_#<>[]()|\\-.+`", t[r + 1])))
			continue;
		t[w++] = t[r];
	}
	t[w] = '\0';
	char *c = text_clean(t);
	if (*c) {
		/* a line wrapped after "/" ("Quý IV/" "2025") within a word */
		if (b->len && b->ptr[b->len - 1] != '/')
			buf_putc(b, ' ');
		buf_puts(b, c);
	}
	free(c);
	free(t);
}

static int cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return x < y ? -1 : x > y;
}

/* The rows of one block (the lines between two whole rules), lines
 * [from, to) of l as decoded in u. */
static void block_rows(const struct lines *l, const struct uline *u, size_t from, size_t to,
                       struct rows *out, int table, int *width)
{
	size_t pos[MAXC + 1], np = 0;
	for (size_t i = from; i < to; i++)
		for (size_t k = lead(&u[i]); k < trail(&u[i]); k++) {
			if (!vert(&u[i], k))
				continue;
			bool seen = false;
			for (size_t j = 0; j < np && !seen; j++)
				seen = pos[j] == k;
			if (!seen && np < MAXC + 1)
				pos[np++] = k;
		}
	if (np < 2)
		return;
	qsort(pos, np, sizeof *pos, cmp_size);
	int ncol = (int)np - 1;
	int sep[MAXC] = {0}, nsub = 1;
	struct buf(*cell)[MAXC] = NULL;
	size_t cap = 0;
	cell = xgrow(cell, &cap, 1, sizeof *cell);
	memset(cell, 0, sizeof *cell);
	for (size_t i = from; i < to; i++) {
		const struct uline *x = &u[i];
		size_t prev = SIZE_MAX;
		for (size_t k = lead(x); k < trail(x); k++) {
			if (!vert(x, k))
				continue;
			if (prev != SIZE_MAX && k > prev + 1) {
				int c = 0;
				while (c < ncol && pos[c] < prev)
					c++;
				if (seg_rule(x, prev + 1, k)) {
					for (int d = c; d < ncol && pos[d] < k; d++)
						sep[d]++;
				} else if (c < ncol) {
					while (sep[c] + 1 > nsub) {
						cell = xgrow(cell, &cap, (size_t)nsub + 1,
						             sizeof *cell);
						memset(cell[nsub], 0, sizeof *cell);
						nsub++;
					}
					put_piece(&cell[sep[c]][c], l->v[i] + x->off[prev + 1],
					          x->off[k] - x->off[prev + 1]);
				}
			}
			prev = k;
		}
	}
	if (ncol > *width)
		*width = ncol;
	for (int s = 0; s < nsub; s++) {
		struct row *row = rows_add(out, (int)from + 1);
		row->last = (int)to;
		row->table = table;
		row->lossy = true;
		for (int c = 0; c < ncol; c++) {
			const char *t = cell[s][c].len ? cell[s][c].ptr : "";
			row_add_cell(row, t, strlen(t));
			buf_free(&cell[s][c]);
		}
	}
	free(cell);
}

bool ruled_rows(const struct lines *l, size_t i, struct rows *out, int table, size_t *end)
{
	/* the table's lines: from a whole rule at i on */
	size_t n = 0;
	if (!top_rule(l->v[i]))
		return false;
	struct uline *u = xmalloc((l->n - i) * sizeof *u);
	for (size_t k = i; k < l->n; k++) {
		decode(l->v[k], &u[n]);
		n++;
		if (!table_line(&u[n - 1]))
			break;
	}
	/* the last whole rule closes it */
	size_t last = 0, rules = 0;
	for (size_t k = 0; k < n && table_line(&u[k]); k++)
		if (full_rule(&u[k]))
			last = k, rules++;
	bool ok = rules >= 2 && last > 1;
	if (ok) {
		struct rows part = {0};
		int width = 0;
		size_t from = 1;
		for (size_t k = 1; k <= last; k++) {
			if (!full_rule(&u[k]))
				continue;
			if (k > from) {
				/* u is indexed from line i */
				struct lines sub = {.v = l->v + i, .n = n};
				size_t p0 = part.n;
				block_rows(&sub, u, from, k, &part, table, &width);
				for (size_t r = p0; r < part.n; r++) {
					part.v[r].first += (int)i;
					part.v[r].last += (int)i;
				}
			}
			from = k + 1;
		}
		/* rows narrower than the table (a group's name across it)
		 * padded with empty cells */
		for (size_t r = 0; r < part.n; r++) {
			struct row *src = &part.v[r];
			struct row *row = rows_add(out, src->first);
			row->last = src->last;
			row->table = table;
			row->lossy = true;
			for (int c = 0; c < width; c++) {
				const char *t = c < src->ncell ? src->cell[c] : "";
				row_add_cell(row, t, strlen(t));
			}
		}
		rows_free(&part);
		*end = i + last;
		ok = true;
	}
	free_ulines(u, n);
	return ok;
}

#define FRAME_LINES 15 /* a cell of more lines is a page's layout, not data */

/* A page's layout table drawn in text (pandoc's grid of a page laid out
 * with tables: a menu column beside the document's): each of its lines
 * replaced by its piece in the column holding the most text, the rules
 * dropped, so the document inside reads as text (its own tables drawn
 * inside come out whole); lines keep their numbers. Frames inside frames
 * taken off one after another. */
void ruled_unframe(struct lines *l)
{
	for (int pass = 0; pass < 4; pass++) {
		bool any = false;
		for (size_t i = 0; i < l->n; i++) {
			if (!top_rule(l->v[i]))
				continue;
			/* its lines, the longest run between two whole rules */
			size_t n = 0, run = 0, longest = 0, last = 0;
			struct uline *u = xmalloc((l->n - i) * sizeof *u);
			for (size_t k = i; k < l->n; k++) {
				decode(l->v[k], &u[n++]);
				if (!table_line(&u[n - 1]))
					break;
				if (full_rule(&u[n - 1])) {
					last = n - 1;
					run = 0;
				} else if (++run > longest) {
					longest = run;
				}
			}
			if (longest >= FRAME_LINES && last > 1) {
				/* the column with the most text: by the rules'
				 * places of the top line */
				size_t pos[MAXC + 1], np = 0;
				for (size_t k = lead(&u[0]); k < trail(&u[0]) && np <= MAXC; k++)
					if (vert(&u[0], k))
						pos[np++] = k;
				size_t best = 0, most = 0;
				for (size_t c = 0; c + 1 < np; c++) {
					size_t m = 0;
					for (size_t k = 1; k < last; k++)
						for (size_t j = pos[c] + 1;
						     j < pos[c + 1] && j < u[k].n; j++)
							m += u[k].c[j] != ' ';
					if (m > most)
						most = m, best = c;
				}
				for (size_t k = 0; k <= last && np >= 2; k++) {
					char *s = l->v[i + k];
					size_t a = pos[best] + 1, b = pos[best + 1];
					char *t =
					        k == 0 || k == last || full_rule(&u[k])
					                ? xstrdup("")
					                : xstrndup(
					                          s + u[k].off[a < u[k].n ? a
					                                                  : u[k].n],
					                          u[k].off[b < u[k].n ? b
					                                              : u[k].n] -
					                                  u[k].off[a < u[k].n
					                                                   ? a
					                                                   : u[k].n]);
					/* the cell's margin of one space */
					if (*t == ' ')
						memmove(t, t + 1, strlen(t));
					free(s);
					l->v[i + k] = t;
				}
				any = true;
			}
			free_ulines(u, n);
			if (longest >= FRAME_LINES && last > 1)
				i += last;
		}
		if (!any)
			break;
	}
}

/* Column extents of a dashed rule ("  ------ ---- -----"): at least two
 * runs of '-' one or more spaces apart, nothing else; their starts in
 * pos, the end of the last in pos[n]. */
static int dash_cols(const struct uline *u, size_t *pos)
{
	int n = 0;
	size_t a = lead(u), b = trail(u);
	if (b <= a)
		return 0;
	for (size_t k = a; k < b; k++) {
		if (u->c[k] == '-') {
			if (k == a || u->c[k - 1] == ' ') {
				if (n >= MAXC)
					return 0;
				pos[n++] = k;
			}
		} else if (u->c[k] != ' ') {
			return 0;
		}
	}
	for (int c = 0; c < n; c++) { /* runs of 3 at least */
		size_t e = pos[c];
		while (e < b && u->c[e] == '-')
			e++;
		if (e - pos[c] < 3)
			return 0;
	}
	pos[n] = b;
	return n >= 2 ? n : 0;
}

static bool blank_u(const struct uline *u)
{
	return trail(u) <= lead(u);
}

#define DASH_ROWS 400 /* lines of a dashed table, at most */

/* A table laid out with spaces under and over dashed rules (pandoc's
 * simple and multiline tables "------ ------"): rows one a line, or, when
 * blank lines set them apart, the lines between two blank lines; a cell
 * the text under its rule's run (up to the next run). A rule inside (under
 * a header) ends nothing. */
bool dashed_rows(const struct lines *l, size_t i, struct rows *out, int table, size_t *end)
{
	/* a dashed rule's bytes first: after its margin '-', then only '-',
	 * ' ' (and '\r') */
	const char *s = l->v[i] + strspn(l->v[i], " \t");
	if (*s != '-' || s[strspn(s, "- \r")])
		return false;
	size_t pos[MAXC + 1];
	struct uline top;
	decode(l->v[i], &top);
	int ncol = dash_cols(&top, pos);
	free(top.c);
	free(top.off);
	if (!ncol)
		return false;
	/* the closing rule: the next dashed line followed by a blank line or
	 * the end */
	size_t n = 0, close = 0;
	struct uline *u = xmalloc(DASH_ROWS * sizeof *u);
	for (size_t k = i + 1; k < l->n && n < DASH_ROWS; k++) {
		decode(l->v[k], &u[n++]);
		size_t p2[MAXC + 1];
		if (dash_cols(&u[n - 1], p2) == ncol &&
		    (k + 1 >= l->n || l->v[k + 1][strspn(l->v[k + 1], " \t\r")] == '\0')) {
			close = n;
			break;
		}
	}
	/* the spaces between the rules' runs blank on every line: text
	 * crossing them is running text, no table's */
	for (size_t k = 0; close && k + 1 < close; k++)
		for (int c = 1; c < ncol; c++)
			if (pos[c] - 1 < u[k].n && u[k].c[pos[c] - 1] != ' ')
				close = 0;
	/* rows set apart by blank lines: a blank line between two of text */
	bool multi = false, text = false, gap = false;
	for (size_t k = 0; close && k + 1 < close; k++) {
		if (!blank_u(&u[k])) {
			multi |= gap;
			text = true;
		} else {
			gap = text;
		}
	}
	if (close > 1) {
		struct buf cell[MAXC];
		memset(cell, 0, sizeof cell);
		size_t first = 0;
		bool have = false;
		for (size_t k = 0; k < close; k++) {
			size_t p2[MAXC + 1];
			bool rule = dash_cols(&u[k], p2) == ncol || k + 1 == close;
			bool brk = rule || blank_u(&u[k]) || !multi;
			if (!rule && !blank_u(&u[k])) {
				if (!have)
					first = k;
				have = true;
				for (int c = 0; c < ncol; c++) {
					size_t a = pos[c] < u[k].n ? pos[c] : u[k].n;
					size_t b = c + 1 < ncol ? pos[c + 1] : u[k].n;
					if (b > u[k].n)
						b = u[k].n;
					if (b > a)
						put_piece(&cell[c], l->v[i + 1 + k] + u[k].off[a],
						          u[k].off[b] - u[k].off[a]);
				}
			}
			if (brk && have) {
				struct row *row = rows_add(out, (int)(i + 1 + first) + 1);
				row->last = (int)(i + 1 + (rule || blank_u(&u[k]) ? k - 1 : k)) + 1;
				row->table = table;
				row->lossy = true;
				for (int c = 0; c < ncol; c++) {
					const char *t = cell[c].len ? cell[c].ptr : "";
					row_add_cell(row, t, strlen(t));
					buf_free(&cell[c]);
				}
				have = false;
			}
		}
		for (int c = 0; c < ncol; c++)
			buf_free(&cell[c]);
		*end = i + 1 + close - 1;
	}
	free_ulines(u, n);
	return close > 1;
}
