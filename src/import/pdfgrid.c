/* pdfgrid.c: a text PDF's tables read by the borders drawn around their
 * cells. The page, drawn small as a grey image with the words' boxes
 * painted white, keeps its rules: runs of dark pixels longer than a short
 * cell, horizontal and vertical. Rules that touch are one table; their
 * places give the grid's lines, and a rule missing between two cells joins
 * them (a header cell over two columns or two rows, a group row across the
 * table). Each word goes to the cell its centre lies in; a merged cell is
 * written once, in its first column and first row, the others empty (as a
 * portal's text does: row.lossy). Words outside every table are lines of
 * text, in their place among the table's rows. A table first on its page
 * that repeats the first row (the header) or the columns of the table
 * before, with nothing between them but the pages' margins (running
 * header and footer, page number), goes on from it: the margins dropped,
 * the repeated header left out with the header rows under it, a row whose
 * first cell is empty at the top of the page going on in the row the page
 * break cut. A heading or a paragraph between them is kept as text, the
 * table a new one. */
#include "table.h"

#include "text.h"
#include "util.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define GRID_DARK 200 /* grey level under which a pixel may be a rule's */
#define GRID_HRUN 14  /* points: the shortest horizontal rule */
#define GRID_VRUN 8   /* points: the shortest vertical rule */
#define GRID_MAXC 40  /* columns of a table, at most */
#define GRID_MAXR 400 /* rules across a table, at most */
#define GRID_MAXT 8   /* tables of a page, at most */

struct seg {
	int at, from, to; /* a horizontal rule: y, x from..to; vertical: x, y */
	int last;         /* the last pixel row (column) merged in */
	int set;          /* the table it belongs to (union-find) */
};

struct segs {
	struct seg *v;
	size_t n, cap;
};

struct grid {
	int xs[GRID_MAXC + 1], nx;
	int ys[GRID_MAXR], ny;
	int x0, y0, x1, y1;
	const struct segs *h, *v;
	int set;
	bool first; /* the page's first table */
};

/* The page with the words' boxes painted white (y shrunk a fifth at each
 * end: a rule close under a word's box stays) as dark (1) or not (0). */
static unsigned char *ink_map(const struct gpage *pg, const struct pword *w, size_t n)
{
	unsigned char *m = xmalloc((size_t)pg->w * (size_t)pg->h);
	for (int y = 0; y < pg->h; y++)
		for (int x = 0; x < pg->w; x++)
			m[(size_t)y * (size_t)pg->w + (size_t)x] =
			        pg->px[(size_t)y * (size_t)pg->stride + (size_t)x] < GRID_DARK;
	for (size_t i = 0; i < n; i++) {
		double cut = (w[i].y1 - w[i].y0) / 5;
		int x0 = (int)floor(w[i].x0 * pg->scale), x1 = (int)ceil(w[i].x1 * pg->scale);
		int y0 = (int)floor((w[i].y0 + cut) * pg->scale);
		int y1 = (int)ceil((w[i].y1 - cut) * pg->scale);
		x0 = x0 < 0 ? 0 : x0, y0 = y0 < 0 ? 0 : y0;
		x1 = x1 > pg->w ? pg->w : x1, y1 = y1 > pg->h ? pg->h : y1;
		for (int y = y0; y < y1; y++)
			if (x1 > x0)
				memset(m + (size_t)y * (size_t)pg->w + (size_t)x0, 0,
				       (size_t)(x1 - x0));
	}
	return m;
}

/* Adds the run [from, to) of line at: merged into a rule of the line
 * before that overlaps it (a rule two pixels thick), else a new rule. */
static void add_run(struct segs *s, int at, int from, int to)
{
	for (size_t i = s->n; i-- > 0 && s->v[i].last >= at - 1;)
		if (s->v[i].last == at - 1 && s->v[i].from < to && from < s->v[i].to) {
			s->v[i].from = from < s->v[i].from ? from : s->v[i].from;
			s->v[i].to = to > s->v[i].to ? to : s->v[i].to;
			s->v[i].at = (s->v[i].at + at + 1) / 2;
			s->v[i].last = at;
			return;
		}
	s->v = xgrow(s->v, &s->cap, s->n + 1, sizeof *s->v);
	s->v[s->n++] = (struct seg){at, from, to, at, (int)s->n};
}

/* Rules of the dark map: runs of at least min pixels along each line
 * (rows when across, else columns). */
static void find_rules(const unsigned char *m, int w, int h, bool across, int min, struct segs *s)
{
	int lines = across ? h : w, len = across ? w : h;
	for (int a = 0; a < lines; a++) {
		for (int b = 0; b < len;) {
			int e = b;
			while (e < len && m[across ? (size_t)a * (size_t)w + (size_t)e
			                           : (size_t)e * (size_t)w + (size_t)a])
				e++;
			if (e - b >= min)
				add_run(s, a, b, e);
			b = e + 1;
		}
	}
}

static int find_set(struct seg *all, int i)
{
	while (all[i].set != i)
		i = all[i].set = all[all[i].set].set;
	return i;
}

/* Union of the horizontal and vertical rules that touch (within tol). */
static void join_rules(struct segs *h, struct segs *v, int tol)
{
	size_t n = h->n + v->n;
	struct seg *all = xmalloc((n ? n : 1) * sizeof *all);
	for (size_t i = 0; i < n; i++) {
		all[i] = i < h->n ? h->v[i] : v->v[i - h->n];
		all[i].set = (int)i;
	}
	for (size_t i = 0; i < h->n; i++)
		for (size_t j = 0; j < v->n; j++) {
			const struct seg *a = &h->v[i], *b = &v->v[j];
			if (b->at >= a->from - tol && b->at <= a->to + tol &&
			    a->at >= b->from - tol && a->at <= b->to + tol) {
				int x = find_set(all, (int)i), y = find_set(all, (int)(h->n + j));
				all[x > y ? x : y].set = x < y ? x : y;
			}
		}
	for (size_t i = 0; i < n; i++) {
		int s = find_set(all, (int)i);
		if (i < h->n)
			h->v[i].set = s;
		else
			v->v[i - h->n].set = s;
	}
	free(all);
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* The distinct places (within tol) of the set's rules, at most max. */
static int places(const struct segs *s, int set, int tol, int *out, int max)
{
	int *v = xmalloc((s->n ? s->n : 1) * sizeof *v), n = 0, k = 0;
	for (size_t i = 0; i < s->n; i++)
		if (s->v[i].set == set)
			v[n++] = s->v[i].at;
	xqsort(v, (size_t)n, sizeof *v, cmp_int);
	for (int i = 0; i < n; i++)
		if (k == 0 || v[i] - out[k - 1] > tol) {
			if (k == max) {
				k = 0;
				break;
			}
			out[k++] = v[i];
		}
	free(v);
	return k;
}

/* Whether a rule of the grid's set lies at `at` (within tol) over the
 * middle half of [a, b). */
static bool ruled(const struct grid *g, const struct segs *s, int at, int a, int b, int tol)
{
	int q = (b - a) / 4;
	for (size_t i = 0; i < s->n; i++)
		if (s->v[i].set == g->set && abs(s->v[i].at - at) <= tol && s->v[i].from <= a + q &&
		    s->v[i].to >= b - q)
			return true;
	return false;
}

/* A table cut by the page's end has no rule under its last row (nor over
 * the first on the next page, at times): its column rules reaching past
 * its last (first) rule across close it there. */
static void open_ends(const struct segs *v, struct grid *t, int tol)
{
	int top = t->ys[0], bottom = t->ys[t->ny - 1];
	for (size_t i = 0; i < v->n; i++)
		if (v->v[i].set == t->set) {
			top = v->v[i].from < top ? v->v[i].from : top;
			bottom = v->v[i].to > bottom ? v->v[i].to : bottom;
		}
	if (bottom > t->ys[t->ny - 1] + 2 * tol && t->ny < GRID_MAXR)
		t->ys[t->ny++] = bottom;
	if (top < t->ys[0] - 2 * tol && t->ny < GRID_MAXR) {
		memmove(t->ys + 1, t->ys, (size_t)t->ny * sizeof *t->ys);
		t->ys[0] = top;
		t->ny++;
	}
}

/* The tables of a page: sets of rules with two rows and two columns at
 * least, in reading order. */
static int find_grids(struct segs *h, struct segs *v, int tol, int minw, struct grid *g, int max)
{
	int ng = 0;
	for (size_t i = 0; i < h->n && ng < max; i++) {
		int set = h->v[i].set;
		bool seen = false;
		for (int k = 0; k < ng && !seen; k++)
			seen = g[k].set == set;
		if (seen)
			continue;
		struct grid *t = &g[ng];
		t->set = set;
		t->h = h, t->v = v;
		t->nx = places(v, set, tol, t->xs, GRID_MAXC + 1);
		t->ny = places(h, set, tol, t->ys, GRID_MAXR);
		if (t->nx < 3 || t->ny < 2 || t->xs[t->nx - 1] - t->xs[0] < minw)
			continue;
		open_ends(v, t, tol);
		t->x0 = t->xs[0], t->x1 = t->xs[t->nx - 1];
		t->y0 = t->ys[0], t->y1 = t->ys[t->ny - 1];
		ng++;
	}
	for (int i = 1; i < ng; i++)
		for (int j = i; j > 0 && g[j - 1].y0 > g[j].y0; j--) {
			struct grid x = g[j];
			g[j] = g[j - 1];
			g[j - 1] = x;
		}
	for (int i = 0; i < ng; i++)
		g[i].first = i == 0;
	return ng;
}

/* The cells of the grid: own[i * ncol + c] the first band and column of
 * the cell band i, column c lies in (a cell merged over several). */
static int *cell_owners(const struct grid *t, int tol)
{
	int ncol = t->nx - 1, nb = t->ny - 1;
	int *own = xmalloc((size_t)nb * (size_t)ncol * sizeof *own);
	int *below = xcalloc((size_t)ncol, sizeof *below);
	for (int i = 0; i < nb; i++)
		for (int c = 0; c < ncol;) {
			if (below[c] > i) {
				c++;
				continue;
			}
			int e = c + 1;
			while (e < ncol && below[e] <= i &&
			       !ruled(t, t->v, t->xs[e], t->ys[i], t->ys[i + 1], tol))
				e++;
			int under = i + 1;
			while (under < nb && !ruled(t, t->h, t->ys[under], t->xs[c], t->xs[e], tol))
				under++;
			for (int k = c; k < e; k++) {
				below[k] = under;
				for (int b = i; b < under; b++)
					own[b * ncol + k] = i * ncol + c;
			}
			c = e;
		}
	free(below);
	return own;
}

/* Index of the band of places v[0..n) that p lies in, or -1. */
static int band(const int *v, int n, double p)
{
	for (int i = 0; i + 1 < n; i++)
		if (p >= v[i] && p < v[i + 1])
			return i;
	return -1;
}

struct placed {
	const struct pword *w;
	double cy;
	int table, cell; /* -1: outside every table */
};

static int cmp_placed(const void *a, const void *b)
{
	const struct placed *x = a, *y = b;
	if (x->cell != y->cell)
		return (x->cell > y->cell) - (x->cell < y->cell);
	return (x->cy > y->cy) - (x->cy < y->cy);
}

/* The words v[0..n) of a cell or a line as text: lines by their centres
 * (within half a height), each left to right; a line ending in a word cut
 * at "-" or "/" goes on without a space. */
static char *words_text(struct placed *v, size_t n)
{
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < n;) {
		double h = v[i].w->y1 - v[i].w->y0;
		size_t j = i + 1;
		while (j < n && v[j].cy - v[i].cy < 0.5 * h)
			j++;
		for (size_t a = i + 1; a < j; a++)
			for (size_t k = a; k > i && v[k - 1].w->x0 > v[k].w->x0; k--) {
				struct placed x = v[k];
				v[k] = v[k - 1];
				v[k - 1] = x;
			}
		for (size_t k = i; k < j; k++) {
			const char *s = v[k].w->s;
			size_t len = b.len ? strlen(buf_str(&b)) : 0;
			char last = len ? buf_str(&b)[len - 1] : 0;
			bool cut = k == i && len > 1 && (last == '-' || last == '/') &&
			           buf_str(&b)[len - 2] != ' ';
			if (b.len && !cut)
				buf_putc(&b, ' ');
			buf_puts(&b, s);
		}
		i = j;
	}
	char *s = text_clean(buf_str(&b));
	buf_free(&b);
	return s;
}

/* A line of text outside the tables: its page, its centre and height. */
struct waiting {
	char *s;
	int page;
	double y, h;
};

struct reader {
	struct rows *out;
	struct lines *text;
	const struct pword *w; /* the document's words, by page */
	const size_t *page_at; /* page p's words: w[page_at[p] .. page_at[p + 1]) */
	int np;
	char *head;                /* the first row of the table before, its cells joined */
	size_t open;               /* the table's last row, or (size_t)-1 */
	int xs[GRID_MAXC + 1], nx; /* the columns of the table before */
	struct waiting *wait;      /* lines of text since the table before */
	size_t nwait, wait_cap;
	int table, tabrow;
};

static int add_line(struct reader *rd, const char *s)
{
	rd->text->v = xgrow(rd->text->v, &rd->text->cap, rd->text->n + 1, sizeof *rd->text->v);
	rd->text->v[rd->text->n++] = xstrdup(s);
	return (int)rd->text->n;
}

/* The lines of text waiting since the table before as text rows (kept),
 * or dropped (the page's margins between a table and its next part). */
static void flush_text(struct reader *rd, bool keep)
{
	for (size_t i = 0; i < rd->nwait; i++) {
		const char *s = rd->wait[i].s;
		if (keep) {
			struct row *r = rows_add(rd->out, add_line(rd, s));
			r->text = true;
			r->page = rd->wait[i].page + 1;
			row_add_cell(r, s, strlen(s));
		}
		free(rd->wait[i].s);
	}
	rd->nwait = 0;
	if (keep)
		rd->open = (size_t)-1;
}

static void wait_text(struct reader *rd, char *s, int page, double y, double h)
{
	rd->wait = xgrow(rd->wait, &rd->wait_cap, rd->nwait + 1, sizeof *rd->wait);
	rd->wait[rd->nwait++] = (struct waiting){s, page, y, h};
}

/* The words of page p whose centres lie within half of h of y, as a line
 * of text; NULL when none. */
static char *line_at(const struct reader *rd, int p, double y, double h)
{
	size_t a = rd->page_at[p], b = rd->page_at[p + 1], n = 0;
	struct placed *v = xmalloc((b > a ? b - a : 1) * sizeof *v);
	for (size_t i = a; i < b; i++) {
		double cy = (rd->w[i].y0 + rd->w[i].y1) / 2;
		if (fabs(cy - y) < h / 2)
			v[n++] = (struct placed){&rd->w[i], cy, -1, -1};
	}
	xqsort(v, n, sizeof *v, cmp_placed);
	char *s = n ? words_text(v, n) : NULL;
	free(v);
	return s;
}

char *pdf_without_page_no(const char *s, int p)
{
	char *k = xstrdup(s);
	size_t e = strlen(k);
	while (e && strchr(" -", k[e - 1]))
		e--;
	size_t d = e;
	while (d && (isdigit((unsigned char)k[d - 1]) || k[d - 1] == '/'))
		d--;
	if (d < e && isdigit((unsigned char)k[d]) && atoi(k + d) == p + 1)
		for (e = d; e && strchr(" -", k[e - 1]);)
			e--;
	k[e] = '\0';
	return k;
}

/* A line of the pages' margins: a browser's (the date, the page's
 * address), a page's number alone, or a line set at the same place on
 * another page, the same but for the page's number (a running header or
 * footer). */
static bool margin_line(const struct reader *rd, const struct waiting *l)
{
	if (plain_print_margin(l->s) || plain_page_number(l->s))
		return true;
	char *key = pdf_without_page_no(l->s, l->page);
	bool same = false;
	for (int p = 0; p < rd->np && !same; p++) {
		char *s = p == l->page ? NULL : line_at(rd, p, l->y, l->h);
		if (s) {
			char *k = pdf_without_page_no(s, p);
			same = !strcmp(k, key);
			free(k);
			free(s);
		}
	}
	free(key);
	return same;
}

/* The page's margins among the lines waiting dropped. Returns whether
 * they were all (no heading, no paragraph between two parts of a table). */
static bool drop_margins(struct reader *rd)
{
	size_t k = 0;
	for (size_t i = 0; i < rd->nwait; i++)
		if (margin_line(rd, &rd->wait[i]))
			free(rd->wait[i].s);
		else
			rd->wait[k++] = rd->wait[i];
	rd->nwait = k;
	return k == 0;
}

static char *row_key(char **cells, int n)
{
	struct buf b = BUF_INIT;
	for (int c = 0; c < n; c++) {
		buf_puts(&b, cells[c]);
		buf_putc(&b, '|');
	}
	return buf_detach(&b);
}

/* A row of the table: a band with an empty first cell first in a table's
 * next part goes on in the row the page break cut. */
static void emit_band(struct reader *rd, char **cells, int ncol, int page, bool cut, bool lossy)
{
	struct buf line = BUF_INIT;
	buf_puts(&line, "|");
	for (int c = 0; c < ncol; c++)
		buf_printf(&line, " %s |", cells[c]);
	if (cut && rd->open != (size_t)-1 && rd->out->v[rd->open].ncell == ncol && !*cells[0]) {
		struct row *r = &rd->out->v[rd->open];
		row_join_cells(r, cells, ncol);
		r->last = add_line(rd, buf_str(&line));
	} else {
		struct row *r = rows_add(rd->out, add_line(rd, buf_str(&line)));
		for (int c = 0; c < ncol; c++)
			row_add_cell(r, cells[c], strlen(cells[c]));
		r->page = page + 1;
		r->table = rd->table;
		r->tabrow = ++rd->tabrow;
		r->lossy = lossy;
		rd->open = rd->out->n - 1;
	}
	buf_free(&line);
}

/* The table goes on from the one before (on the page before): its first
 * row repeats that one's, or its columns are that one's. */
static bool goes_on(const struct reader *rd, const struct grid *t, const char *key, int tol)
{
	if (rd->open == (size_t)-1 || !t->first)
		return false;
	if (rd->head && !strcmp(key, rd->head))
		return true;
	bool same = rd->nx == t->nx;
	for (int k = 0; k < t->nx && same; k++)
		same = abs(rd->xs[k] - t->xs[k]) <= tol;
	return same;
}

/* Band i's cells: a cell's text in its first band and column only. */
static bool band_cells(const int *own, int ncol, int i, struct placed *v, size_t n, char **cells)
{
	bool lossy = false;
	for (int c = 0; c < ncol; c++) {
		int cell = i * ncol + c;
		size_t a = 0;
		while (a < n && v[a].cell < cell)
			a++;
		size_t b = a;
		while (b < n && v[b].cell == cell)
			b++;
		cells[c] = own[cell] == cell && b > a ? words_text(v + a, b - a) : xstrdup("");
		lossy |= own[cell] != cell;
	}
	return lossy;
}

/* The words of table t (own: its cells) as rows. A table going on from
 * the one before (only the pages' margins between, dropped): its first
 * row, when it repeats that one's (the header on each page), is left out
 * with the bands its first cell reaches down over. */
static void read_grid(struct reader *rd, const struct grid *t, const int *own, struct placed *v,
                      size_t n, int page, int tol)
{
	int ncol = t->nx - 1, nb = t->ny - 1, skip = 0;
	bool on = false;
	xqsort(v, n, sizeof *v, cmp_placed);
	char **cells = xmalloc((size_t)ncol * sizeof *cells);
	for (int i = 0; i < nb; i++) {
		bool lossy = band_cells(own, ncol, i, v, n, cells), any = false;
		for (int c = 0; c < ncol; c++)
			any |= *cells[c] != 0;
		if (i == 0) {
			char *key = row_key(cells, ncol);
			/* not when a heading or a paragraph lies between */
			on = goes_on(rd, t, key, tol) && drop_margins(rd);
			if (on && rd->head && !strcmp(key, rd->head))
				for (skip = 1; skip < nb && own[skip * ncol] == 0;)
					skip++;
			flush_text(rd, !on);
			if (!on) {
				rd->table++, rd->tabrow = 0;
				free(rd->head);
				rd->head = key;
			} else {
				free(key);
			}
			memcpy(rd->xs, t->xs, sizeof rd->xs);
			rd->nx = t->nx;
		}
		if (any && i >= skip)
			emit_band(rd, cells, ncol, page, on && i == skip, lossy);
		for (int c = 0; c < ncol; c++)
			free(cells[c]);
	}
	free(cells);
}

/* The words outside tables from v[*at] on, down to y (points), as lines
 * waiting for the next table. */
static void text_until(struct reader *rd, struct placed *v, size_t n, size_t *at, double y,
                       int page)
{
	size_t i = *at;
	while (i < n && v[i].cy < y) {
		double h = v[i].w->y1 - v[i].w->y0;
		size_t j = i + 1;
		while (j < n && v[j].cy - v[i].cy < 0.4 * h)
			j++;
		char *s = words_text(v + i, j - i);
		if (*s)
			wait_text(rd, s, page, v[i].cy, h);
		else
			free(s);
		i = j;
	}
	*at = i;
}

/* One page: its tables found in the image, its words placed. Returns the
 * tables found. */
static int read_page(struct reader *rd, const struct gpage *pg, const struct pword *w, size_t n,
                     int page)
{
	unsigned char *m = ink_map(pg, w, n);
	struct segs h = {0}, v = {0};
	find_rules(m, pg->w, pg->h, true, (int)(GRID_HRUN * pg->scale), &h);
	find_rules(m, pg->w, pg->h, false, (int)(GRID_VRUN * pg->scale), &v);
	free(m);
	int tol = (int)ceil(2 * pg->scale);
	join_rules(&h, &v, tol);
	struct grid g[GRID_MAXT];
	int ng = find_grids(&h, &v, tol, (int)(100 * pg->scale), g, GRID_MAXT);
	int *own[GRID_MAXT];
	struct placed *pl = xmalloc((n ? n : 1) * sizeof *pl);
	size_t nt = 0;
	for (int k = 0; k < ng; k++)
		own[k] = cell_owners(&g[k], tol);
	for (size_t i = 0; i < n; i++) {
		double cx = (w[i].x0 + w[i].x1) / 2 * pg->scale,
		       cy = (w[i].y0 + w[i].y1) / 2 * pg->scale;
		pl[i] = (struct placed){&w[i], cy / pg->scale, -1, -1};
		for (int k = 0; k < ng && pl[i].table < 0; k++) {
			int b = band(g[k].ys, g[k].ny, cy), c = band(g[k].xs, g[k].nx, cx);
			if (b >= 0 && c >= 0)
				pl[i].table = k, pl[i].cell = own[k][b * (g[k].nx - 1) + c];
		}
	}
	/* outside words first, by their centres; each table's by cell */
	struct placed *out = xmalloc((n ? n : 1) * sizeof *out);
	for (size_t i = 0; i < n; i++)
		if (pl[i].table < 0)
			out[nt++] = pl[i];
	xqsort(out, nt, sizeof *out, cmp_placed);
	size_t at = 0;
	for (int k = 0; k < ng; k++) {
		text_until(rd, out, nt, &at, g[k].y0 / pg->scale, page);
		size_t m2 = 0;
		struct placed *in = xmalloc((n ? n : 1) * sizeof *in);
		for (size_t i = 0; i < n; i++)
			if (pl[i].table == k)
				in[m2++] = pl[i];
		read_grid(rd, &g[k], own[k], in, m2, page, tol);
		free(in);
		free(own[k]);
	}
	text_until(rd, out, nt, &at, 1e9, page);
	free(out);
	free(pl);
	free(h.v);
	free(v.v);
	return ng;
}

int pgrid_rows(const struct gpage *pages, int np, const struct pword *w, size_t n, struct rows *out,
               struct lines *text)
{
	size_t *at = xmalloc(((size_t)(np > 0 ? np : 0) + 1) * sizeof *at);
	struct reader rd = {
	        .out = out, .text = text, .w = w, .page_at = at, .np = np, .open = (size_t)-1};
	int tables = 0;
	size_t a = 0;
	for (int p = 0; p < np; p++) {
		at[p] = a;
		while (a < n && w[a].page == p)
			a++;
	}
	at[np > 0 ? np : 0] = a;
	for (int p = 0; p < np; p++)
		if (pages[p].px)
			tables += read_page(&rd, &pages[p], w + at[p], at[p + 1] - at[p], p);
	flush_text(&rd, true);
	free(rd.head);
	free(rd.wait);
	free(at);
	return tables;
}
