/* pdflayout.c: a PDF's words laid out as text with spaces, the way
 * pdftotext -layout writes a page: the words on one baseline make a line,
 * each word starts at the column its x gives over the page's character
 * width, so runs of spaces mark a table's columns. For a text file printed
 * to PDF (no ruled table) the text readers then read it as they read such
 * a text (import.c). */
#include "table.h"

#include "text.h"
#include "util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static _Thread_local const struct pword *sort_base;

/* Page, then vertical centre, then x. */
static int cmp_pos(const void *a, const void *b)
{
	const struct pword *u = &sort_base[*(const size_t *)a], *v = &sort_base[*(const size_t *)b];
	if (u->page != v->page)
		return u->page - v->page;
	double cu = (u->y0 + u->y1) / 2, cv = (v->y0 + v->y1) / 2;
	if (cu != cv)
		return (cu > cv) - (cu < cv);
	return (u->x0 > v->x0) - (u->x0 < v->x0);
}

static _Thread_local const struct pword *line_base;

static int cmp_x(const void *a, const void *b)
{
	const struct pword *u = &line_base[*(const size_t *)a], *v = &line_base[*(const size_t *)b];
	return (u->x0 > v->x0) - (u->x0 < v->x0);
}

static void push(struct lines *out, char *s)
{
	out->v = xgrow(out->v, &out->cap, out->n + 1, sizeof *out->v);
	out->v[out->n++] = s;
}

/* The median of v[0..n) (sorted in place), or 0. */
static double median(double *v, size_t n)
{
	if (!n)
		return 0;
	qsort(v, n, sizeof *v, cmp_double);
	return v[n / 2];
}

/* One page's words idx[0..n): its lines into out. */
static void lay_page(const struct pword *w, size_t *idx, size_t n, bool first, struct lines *out)
{
	double *v = xmalloc((n ? n : 1) * sizeof *v);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		size_t c = text_len(w[idx[i]].s);
		if (c >= 2)
			v[k++] = (w[idx[i]].x1 - w[idx[i]].x0) / (double)c;
	}
	double cw = median(v, k);
	for (size_t i = 0; i < n; i++)
		v[i] = w[idx[i]].y1 - w[idx[i]].y0;
	double h = median(v, n);
	double left = INFINITY;
	for (size_t i = 0; i < n; i++)
		left = fmin(left, w[idx[i]].x0);
	free(v);
	if (cw <= 0)
		cw = h > 0 ? h / 2 : 1;
	if (h <= 0)
		h = 1;
	/* the pitch of lines set one under the other */
	double *d = xmalloc((n ? n : 1) * sizeof *d);
	size_t nd = 0;
	for (size_t i = 1; i < n; i++) {
		double g = (w[idx[i]].y0 + w[idx[i]].y1) / 2 -
		           (w[idx[i - 1]].y0 + w[idx[i - 1]].y1) / 2;
		if (g >= 0.5 * h)
			d[nd++] = g;
	}
	qsort(d, nd, sizeof *d, cmp_double);
	double pitch = nd ? d[nd / 20] : h; /* nearly the least: a line's own */
	free(d);
	struct buf b = BUF_INIT;
	double last_y = NAN;
	bool page_start = !first;
	for (size_t i = 0; i < n;) {
		double y = (w[idx[i]].y0 + w[idx[i]].y1) / 2;
		size_t j = i + 1;
		while (j < n && (w[idx[j]].y0 + w[idx[j]].y1) / 2 - y < 0.5 * h)
			j++;
		line_base = w;
		qsort(idx + i, j - i, sizeof *idx, cmp_x);
		/* a wide gap between two lines: a blank line, as pdftotext */
		if (!isnan(last_y))
			for (long e = lround((y - last_y) / pitch) - 1; e > 0 && e < 4; e--)
				push(out, xstrdup(""));
		last_y = y;
		buf_reset(&b);
		if (page_start)
			buf_putc(&b, '\f');
		page_start = false;
		size_t col = 0;
		for (size_t t = i; t < j; t++) {
			const struct pword *x = &w[idx[t]];
			double at = (x->x0 - left) / cw;
			/* a column past any page's width (a tiny font): none */
			size_t want = at > 0 && at < 2000 ? (size_t)lround(at) : 0;
			if (t > i) {
				/* words a space apart: one space; further: two at least */
				const struct pword *before = &w[idx[t - 1]];
				if (x->x0 - before->x1 < 0.35 * h)
					want = col + 1;
				else if (want < col + 2)
					want = col + 2;
			}
			while (col < want)
				buf_putc(&b, ' '), col++;
			buf_puts(&b, x->s);
			col += text_len(x->s);
		}
		push(out, xstrdup(buf_str(&b)));
		i = j;
	}
	buf_free(&b);
}

void pword_layout(const struct pword *w, size_t n, struct lines *out)
{
	size_t *idx = xmalloc((n ? n : 1) * sizeof *idx);
	for (size_t i = 0; i < n; i++)
		idx[i] = i;
	sort_base = w;
	qsort(idx, n, sizeof *idx, cmp_pos);
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && w[idx[j]].page == w[idx[i]].page)
			j++;
		lay_page(w, idx + i, j - i, i == 0, out);
		i = j;
	}
	free(idx);
}
