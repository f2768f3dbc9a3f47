/* ocr.c: scanned plans. Each page of the PDF is rendered at OCR_DPI
 * (poppler + cairo), turned grey and deskewed (leptonica); the table's
 * ruling is what survives a morphological opening with a long thin brick
 * (horizontal, then vertical); the rules' positions give the grid, and a
 * vertical rule missing inside a row joins the cells it would have split
 * (a group row spanning the table). Tesseract ("vie", a block of text)
 * reads every cell on its own; a cell with a word read under OCR_MIN_CONF,
 * or with ink but no text read, is flagged in p->warn (unless read again
 * larger, the two readings agree on a figure read surely: agree); one
 * still unsure is read a third time cut to its ink on white paper
 * (ink_alone), and one whose only ink is a short flat stroke is "-". The
 * page with its tables painted white is read as running text for the
 * title, number and date.
 *
 * A page without ruling (a table printed without borders, or rules too
 * faint to survive the scanner) is read chunk by chunk: runs of words
 * found in the ink (page_chunks), each read alone as a cell is. When no
 * page of the scan is ruled, the chunks, placed on their pages, are
 * rebuilt into tables as a PDF's text layer is (pword_rows in pdfrows.c)
 * and each cell is flagged as a ruled one is, by its least sure chunk
 * (unruled_tables). */
#define _GNU_SOURCE /* RTLD_DEFAULT */
#include "ocr.h"
#include "ocrpage.h"
#include "table.h"

#include "target.h"
#include "text.h"
#include "util.h"

#include <cairo.h>
#include <leptonica/allheaders.h>
#include <ctype.h>
#include <dlfcn.h>
#include <poppler.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tesseract/capi.h>
#include <unistd.h>

#define OCR_DPI       300
#define OCR_MAX_PAGES 60
#define OCR_MAX_COLS  40
#define OCR_MAX_RULES 400
#define OCR_BLUR_CONF 45 /* a whole scan read below this is too blurred */
#define NO_ROW        ((size_t)-1)
#define OCR_TEXT_CONF 60  /* text outside tables kept from this confidence */
#define OCR_DARK      160 /* grey level under which a pixel is ink */
#define OCR_RULE      215 /* the same for a table's (thin, light) rules */
#define OCR_PAPER     200 /* from this grey level, paper (ink_alone) */

static ocr_progress_fn progress_fn;
static void *progress_ctx;

void ocr_set_progress(ocr_progress_fn fn, void *ctx)
{
	progress_fn = fn;
	progress_ctx = ctx;
}

static void progress(ocr_progress_fn fn, void *ctx, int page, int npages)
{
	if (fn) {
		fn(ctx, page, npages);
		return;
	}
	if (progress_fn) {
		progress_fn(progress_ctx, page, npages);
		return;
	}
	if (!isatty(2))
		return;
	fprintf(stderr, "\rĐang nhận dạng trang %d/%d…", page, npages);
	if (page == npages)
		fputc('\n', stderr);
	fflush(stderr);
}

static PopplerDocument *open_pdf(const char *data, size_t n, GError **gerr)
{
	GBytes *b = g_bytes_new(data, n);
	PopplerDocument *doc = poppler_document_new_from_bytes(b, NULL, gerr);
	g_bytes_unref(b);
	return doc;
}

bool ocr_is_scan(const char *data, size_t n)
{
	if (n < 5 || memcmp(data, "%PDF-", 5))
		return false;
	GError *gerr = NULL;
	PopplerDocument *doc = open_pdf(data, n, &gerr);
	if (!doc) {
		g_clear_error(&gerr);
		return false;
	}
	bool text = false;
	int np = poppler_document_get_n_pages(doc);
	for (int i = 0; i < np && !text; i++) {
		PopplerPage *pg = poppler_document_get_page(doc, i);
		char *t = pg ? poppler_page_get_text(pg) : NULL;
		for (const char *s = t; s && *s && !text; s++)
			text = *s != ' ' && *s != '\n' && *s != '\r' && *s != '\t' && *s != '\f';
		g_free(t);
		if (pg)
			g_object_unref(pg);
	}
	g_object_unref(doc);
	return np > 0 && !text;
}

/* The page as an 8-bit grey image at OCR_DPI, coloured ink dropped
 * (ocr_grey). */
static PIX *render(PopplerPage *pg)
{
	double w, h;
	poppler_page_get_size(pg, &w, &h);
	int pw = (int)(w * OCR_DPI / 72.0), ph = (int)(h * OCR_DPI / 72.0);
	if (pw < 16 || ph < 16 || pw > 20000 || ph > 20000)
		return NULL;
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, pw, ph);
	cairo_t *cr = cairo_create(s);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, OCR_DPI / 72.0, OCR_DPI / 72.0);
	poppler_page_render(pg, cr);
	cairo_destroy(cr);
	cairo_surface_flush(s);
	PIX *g = ocr_grey(cairo_image_surface_get_data(s), pw, ph,
	                  cairo_image_surface_get_stride(s));
	pixSetResolution(g, OCR_DPI, OCR_DPI);
	cairo_surface_destroy(s);
	return g;
}

struct grid {
	int x0, y0, x1, y1; /* the table's box */
	int ys[OCR_MAX_RULES], ny;
	int xs[OCR_MAX_COLS + 1], nx;
};

/* Centres of runs of positions where count[i] >= min. */
static int rules(const int *count, int from, int to, int min, int *out, int max)
{
	int n = 0;
	for (int i = from; i < to; i++) {
		if (count[i] < min)
			continue;
		int j = i;
		while (j + 1 < to && count[j + 1] >= min)
			j++;
		if (n < max)
			out[n++] = (i + j) / 2;
		i = j;
	}
	return n;
}

/* Black pixels of the 1-bit mask in column x, rows [y0, y1). */
static int col_ink(PIX *m, int x, int y0, int y1)
{
	int wpl = pixGetWpl(m), c = 0;
	l_uint32 *d = pixGetData(m);
	for (int y = y0; y < y1; y++)
		c += GET_DATA_BIT(d + (size_t)y * (size_t)wpl, x) != 0;
	return c;
}

/* How much (percent) of the band [ya, yb) the vertical rule near x
 * covers, leaving out a margin at each end. */
static int col_cover(PIX *vmask, int x, int ya, int yb)
{
	int m = (yb - ya) / 8, best = 0;
	for (int dx = -4; dx <= 4; dx++)
		if (x + dx >= 0 && x + dx < pixGetWidth(vmask)) {
			int c = col_ink(vmask, x + dx, ya + m, yb - m);
			best = c > best ? c : best;
		}
	return yb - ya - 2 * m > 0 ? best * 100 / (yb - ya - 2 * m) : 0;
}

/* Whether the vertical rule at x separates the band [ya, yb). */
static bool has_rule(PIX *vmask, int x, int ya, int yb)
{
	return col_cover(vmask, x, ya, yb) >= 50;
}

/* Black pixels of the 1-bit mask in row y, columns [x0, x1). */
static int row_ink(PIX *m, int y, int x0, int x1)
{
	l_uint32 *line = pixGetData(m) + (size_t)y * (size_t)pixGetWpl(m);
	int c = 0;
	for (int x = x0; x < x1; x++)
		c += GET_DATA_BIT(line, x) != 0;
	return c;
}

/* The cell's rectangle drawn in off the rules along its edges: a rule
 * that leans (a photographed page, its perspective left after it was set
 * upright) runs into the cell by the grid's place for it, and Tesseract
 * reads it as "|" or "l" beside the cell's text. Drawn in by at most a
 * twentieth of an inch per side, where the rule's mask covers at least
 * half the edge. */
/* The line nearest `from`, going to `to` (both included), that the
 * mask covers over at least half of [a, b): columns of vmask when cols,
 * rows of hmask otherwise; -1 if none. */
static int rule_line(PIX *m, bool cols, int from, int to, int a, int b)
{
	int step = to >= from ? 1 : -1;
	for (int i = from; i != to + step; i += step)
		if ((cols ? col_ink(m, i, a, b) : row_ink(m, i, a, b)) * 2 >= b - a)
			return i;
	return -1;
}

static void trim_rules(PIX *hmask, PIX *vmask, int *x0, int *y0, int *x1, int *y1)
{
	int reach = OCR_DPI / 20, i;
	if (*x1 - *x0 <= 4 * reach || *y1 - *y0 <= 2 * reach)
		return;
	if ((i = rule_line(vmask, true, *x0 + reach, *x0, *y0, *y1)) >= 0)
		*x0 = i + 1;
	if ((i = rule_line(vmask, true, *x1 - 1 - reach, *x1 - 1, *y0, *y1)) >= 0)
		*x1 = i;
	if ((i = rule_line(hmask, false, *y0 + reach, *y0, *x0, *x1)) >= 0)
		*y0 = i + 1;
	if ((i = rule_line(hmask, false, *y1 - 1 - reach, *y1 - 1, *x0, *x1)) >= 0)
		*y1 = i;
}

/* Whether a horizontal rule near y separates [xa, xb): at least half of
 * it, leaving out a margin at each end, ruled (as has_rule across), the
 * rule looked for a little above or below y (a page left a little off
 * the level by the deskew: y is the rule's place across the table). */
static bool has_hrule(PIX *hmask, int y, int xa, int xb)
{
	int m = (xb - xa) / 8, wpl = pixGetWpl(hmask), h = pixGetHeight(hmask), best = 0;
	int reach = OCR_DPI / 25, n = xb - xa - 2 * m;
	if (n <= 0)
		return true;
	l_uint32 *d = pixGetData(hmask);
	for (int dy = -reach; dy <= reach; dy++) {
		if (y + dy < 0 || y + dy >= h)
			continue;
		l_uint32 *line = d + (size_t)(y + dy) * (size_t)wpl;
		int c = 0;
		for (int x = xa + m; x < xb - m; x++)
			c += GET_DATA_BIT(line, x) != 0;
		best = c > best ? c : best;
	}
	return best * 2 >= n;
}

/* Tables of the page: boxes of the ruling's connected parts large enough to
 * be a table, each with its horizontal and vertical rules. */
static int find_tables(PIX *bin, PIX **hmask, PIX **vmask, struct grid *g, int max)
{
	/* Rules of a scan are thin and light (antialiased hairlines): close the
	 * gaps noise leaves along them, keep the long runs, then thicken them
	 * across so that a rule a little off the level still counts as one. */
	PIX *c = pixCloseBrick(NULL, bin, 7, 1);
	PIX *o = pixOpenBrick(NULL, c, OCR_DPI / 2, 1);
	*hmask = pixDilateBrick(NULL, o, 1, 7);
	pixDestroy(&c);
	pixDestroy(&o);
	c = pixCloseBrick(NULL, bin, 1, 7);
	o = pixOpenBrick(NULL, c, 1, OCR_DPI * 40 / 300);
	*vmask = pixDilateBrick(NULL, o, 7, 1);
	pixDestroy(&c);
	pixDestroy(&o);
	PIX *both = pixOr(NULL, *hmask, *vmask);
	BOXA *boxes = pixConnCompBB(both, 8);
	pixDestroy(&both);
	int nt = 0, w = pixGetWidth(bin);
	for (int i = 0; boxes && i < boxaGetCount(boxes) && nt < max; i++) {
		struct grid *t = &g[nt];
		int bx, by, bw, bh;
		boxaGetBoxGeometry(boxes, i, &bx, &by, &bw, &bh);
		if (bw < OCR_DPI * 2 || bh < OCR_DPI / 4)
			continue;
		t->x0 = bx, t->y0 = by, t->x1 = bx + bw, t->y1 = by + bh;
		int *count = xcalloc((size_t)(bh > w ? bh : w) + 1, sizeof *count);
		int wpl = pixGetWpl(*hmask);
		l_uint32 *hd = pixGetData(*hmask);
		for (int y = by; y < by + bh; y++)
			for (int x = bx; x < bx + bw; x++)
				count[y - by] += GET_DATA_BIT(hd + (size_t)y * (size_t)wpl, x) != 0;
		/* A rule under a few columns only (the year rows of a long
		 * table, beside the number and name merged over them) is a row's
		 * edge too: read_table merges down the cells it does not cross.
		 * Taken where no rule across the table is near (whose place
		 * stays where the rules across put it). */
		int full[OCR_MAX_RULES], part[OCR_MAX_RULES];
		int nf = rules(count, 0, bh, bw * 3 / 10, full, OCR_MAX_RULES);
		int np = rules(count, 0, bh, bw / 8, part, OCR_MAX_RULES);
		t->ny = 0;
		for (int a = 0, b = 0; (a < nf || b < np) && t->ny < OCR_MAX_RULES;) {
			if (b >= np || (a < nf && full[a] <= part[b])) {
				t->ys[t->ny++] = full[a++];
				continue;
			}
			bool near = false;
			for (int k = 0; k < nf && !near; k++)
				near = abs(full[k] - part[b]) < OCR_DPI / 12;
			if (!near)
				t->ys[t->ny++] = part[b];
			b++;
		}
		for (int k = 0; k < t->ny; k++)
			t->ys[k] += by;
		memset(count, 0, (size_t)w * sizeof *count);
		for (int x = bx; x < bx + bw; x++)
			count[x] = col_ink(*vmask, x, by, by + bh);
		int xs[OCR_MAX_COLS * 4];
		int nx = rules(count, bx, bx + bw, OCR_DPI * 40 / 300, xs, OCR_MAX_COLS * 4);
		free(count);
		/* A rule crosses at least one row from rule to rule; text strokes
		 * stacked over wrapped lines do not. */
		t->nx = 0;
		for (int k = 0; k < nx && t->nx <= OCR_MAX_COLS; k++) {
			bool crosses = false;
			for (int j = 0; j + 1 < t->ny && !crosses; j++)
				crosses = t->ys[j + 1] - t->ys[j] >= OCR_DPI / 12 &&
				          col_cover(*vmask, xs[k], t->ys[j], t->ys[j + 1]) >= 90;
			if (crosses)
				t->xs[t->nx++] = xs[k];
		}
		if (t->ny >= 2 && t->nx >= 3)
			nt++;
	}
	boxaDestroy(&boxes);
	return nt;
}

/* Ink pixels of the grey image inside the rectangle. */
static int ink(PIX *g, int x0, int y0, int x1, int y1)
{
	int wpl = pixGetWpl(g), c = 0;
	l_uint32 *d = pixGetData(g);
	for (int y = y0; y < y1; y++)
		for (int x = x0; x < x1; x++)
			c += GET_DATA_BYTE(d + (size_t)y * (size_t)wpl, x) < OCR_DARK;
	return c;
}

/* A cell whose only mark is a short flat stroke: "-" (no target for that
 * milestone), a mark Tesseract reads as nothing when it stands alone. */
static bool dash(PIX *grey, int x0, int y0, int x1, int y1)
{
	BOX *box = boxCreate(x0, y0, x1 - x0, y1 - y0);
	PIX *cut = pixClipRectangle(grey, box, NULL);
	boxDestroy(&box);
	PIX *bin = cut ? pixThresholdToBinary(cut, OCR_DARK) : NULL;
	pixDestroy(&cut);
	BOXA *parts = bin ? pixConnCompBB(bin, 8) : NULL;
	pixDestroy(&bin);
	int marks = 0, w = 0, h = 0;
	for (int i = 0; parts && i < boxaGetCount(parts); i++) {
		int bx, by, bw, bh;
		boxaGetBoxGeometry(parts, i, &bx, &by, &bw, &bh);
		if (bw * bh < OCR_DPI / 20)
			continue; /* speckle */
		marks++;
		w = bw, h = bh;
	}
	boxaDestroy(&parts);
	return marks == 1 && w >= 2 * h && h <= OCR_DPI / 30 && w <= OCR_DPI / 6;
}

/* The cell's ink alone, on white: cut to the box of its ink (specks of
 * under 4 pixels either way left out) with a margin of OCR_DPI / 60, and
 * the paper (grey from OCR_PAPER) made white; NULL when the cell has no
 * such ink, or when its ink fills nearly all of it. Tesseract reads a
 * short figure alone in a tall cell of grainy grey paper badly, and not
 * much better cut tight with the grain kept (the white margin read_cell
 * adds makes the grain's edge a stroke): measured on office scans, "≥ o",
 * "=Ó", "≥ .95" and ">955" read in their cells (confidences 0-47),
 * "≥ 5", "≥ 3", "≥ 95" and "> 55" cut to their ink and whitened
 * (82-96). The caller destroys it. */
static PIX *ink_alone(PIX *grey, int x0, int y0, int x1, int y1)
{
	BOX *box = boxCreate(x0, y0, x1 - x0, y1 - y0);
	PIX *cut = pixClipRectangle(grey, box, NULL);
	boxDestroy(&box);
	PIX *bin = cut ? pixThresholdToBinary(cut, OCR_DARK) : NULL;
	PIX *clean = bin ? pixSelectBySize(bin, 4, 4, 8, L_SELECT_IF_EITHER, L_SELECT_IF_GTE, NULL)
	                 : NULL;
	pixDestroy(&bin);
	BOX *fg = NULL;
	if (clean)
		pixClipToForeground(clean, NULL, &fg);
	pixDestroy(&clean);
	PIX *out = NULL;
	int bx, by, bw, bh, m = OCR_DPI / 60, w = x1 - x0, h = y1 - y0;
	if (fg && boxGetGeometry(fg, &bx, &by, &bw, &bh) == 0 &&
	    (bw + 2 * m) * (bh + 2 * m) * 10 < w * h * 9) {
		BOX *ib = boxCreate(bx - m, by - m, bw + 2 * m, bh + 2 * m);
		PIX *ik = pixClipRectangle(cut, ib, NULL);
		boxDestroy(&ib);
		out = ik ? pixThresholdToValue(NULL, ik, OCR_PAPER, 255) : NULL;
		pixDestroy(&ik);
	}
	boxDestroy(&fg);
	pixDestroy(&cut);
	return out;
}

/* A word Tesseract read on a page without ruling lines: its box (pixels of
 * the deskewed page) and its confidence (0-100). */
struct oword {
	char *s;
	int x0, y0, x1, y1;
	int page; /* from 1 */
	float conf;
};

struct reader {
	TessBaseAPI *api;
	struct lines *l;
	struct rows *r;
	struct plan *p;
	long conf_sum, nread; /* over the cells and text read */
	int cells, flagged;
	size_t open; /* the last table row (in r): a row cut by a page break goes on */
	int open_ncell;
	bool page_top;                 /* no table row read yet on this page */
	char *header;                  /* key of the open table's first row */
	char *number;                  /* the last row number read ("II.3"), to repair the next */
	char *group;                   /* the last group number read alone ("II") */
	int skipped;                   /* numbered rows since, whose number was not read */
	int table, tabrow;             /* the tables emitted, the rows of the last one */
	bool target_col[OCR_MAX_COLS]; /* the header names a milestone or baseline */
	bool years_col[OCR_MAX_COLS];  /* the header names several years (years_run) */
	bool number_col;               /* the open table's first column is "STT" */
	/* words of pages without ruling, with their boxes and confidences, for
	 * tables rebuilt from positions (unruled_tables) */
	struct oword *words;
	size_t nwords, capwords;
	int num_x0, num_x1; /* the number column of an unruled table (pixels), 0 0 unknown */
	char *chunk_number; /* the last number read down that column, to repair the next */
	int chunk_skipped;  /* numbers since that could not be read */
	/* a scanner's invisible OCR layer's words (ocr_pdf_layer), and how the
	 * page being read was turned upright (ocr_upright: 0, not turned) */
	const struct pword *layer;
	size_t nlayer;
	int turned;
};

/* A row's first two cells, folded, letters and digits only: the header row
 * a table repeats at the top of each page reads the same again. */
static char *row_key(char **cells, int nc)
{
	struct buf b = BUF_INIT;
	for (int c = 0; c < nc && c < 2; c++) {
		char *f = text_fold(cells[c]);
		for (const char *q = f; *q; q++)
			if ((*q >= 'a' && *q <= 'z') || (*q >= '0' && *q <= '9'))
				buf_putc(&b, *q);
		buf_putc(&b, '|');
		free(f);
	}
	return buf_detach(&b);
}

static char *add_line(struct lines *l, char *s)
{
	l->v = xgrow(l->v, &l->cap, l->n + 1, sizeof *l->v);
	l->v[l->n++] = s;
	return s;
}

/* Longest run of ink in a row of the grey image between x0 and x1. */
static int run(PIX *g, int y, int x0, int x1)
{
	if (y < 0 || y >= pixGetHeight(g))
		return 0;
	x0 = x0 < 0 ? 0 : x0;
	x1 = x1 > pixGetWidth(g) ? pixGetWidth(g) : x1;
	l_uint32 *d = pixGetData(g) + (size_t)y * (size_t)pixGetWpl(g);
	int best = 0, cur = 0;
	for (int x = x0; x < x1; x++) {
		cur = GET_DATA_BYTE(d, x) < OCR_DARK ? cur + 1 : 0;
		best = cur > best ? cur : best;
	}
	return best;
}

/* Tesseract's Vietnamese (and English) models have no "≥" or "≤": they read
 * ">" and "<". The glyph with a bar under it is the one with a horizontal
 * stroke as wide as itself in its lower half or just below. */
static bool barred(PIX *g, int l, int t, int r, int b)
{
	int w = r - l, h = b - t;
	for (int y = t + h / 2; y <= b + h / 2; y++)
		if (run(g, y, l - 2, r + 2) * 10 >= w * 7)
			return true;
	return false;
}

/* A line of a cell that is speckle, not text: read with low confidence and
 * without three letters or digits in a row. Left out when the cell has other
 * lines ("2 .c^ . ^" between two lines of a name). */
static bool speckle(const char *s, double conf)
{
	if (conf >= 50)
		return false;
	int k = 0;
	for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
		if ((*c & 0xc0) == 0x80)
			continue; /* a continuation byte: counted with its lead */
		k = (*c >= 0x80 || (*c >= '0' && *c <= '9') ||
		     ((*c | 32) >= 'a' && (*c | 32) <= 'z'))
		            ? k + 1
		            : 0;
		if (k >= 3)
			return false;
	}
	return true;
}

struct cellread {
	struct buf text, line, all; /* kept lines, the current one, every line */
	double sum, lsum, asum;     /* their word confidences */
	int n, ln, an;
	double low;  /* the lowest word confidence, speckle lines included */
	double dlow; /* the lowest confidence of a digit read */
};

static void end_line(struct cellread *c)
{
	if (!c->line.len)
		return;
	if (!speckle(buf_str(&c->line), c->ln ? c->lsum / c->ln : 0)) {
		if (c->text.len)
			buf_putc(&c->text, ' ');
		buf_puts(&c->text, buf_str(&c->line));
		c->sum += c->lsum, c->n += c->ln;
	}
	if (c->all.len)
		buf_putc(&c->all, ' ');
	buf_puts(&c->all, buf_str(&c->line));
	c->asum += c->lsum, c->an += c->ln;
	buf_reset(&c->line);
	c->lsum = 0, c->ln = 0;
}

/* The text of the rectangle, its lines joined by spaces, and the confidence
 * of its least sure word, speckle lines included (-1 when nothing was read):
 * a cell's mean hid a word read at 0 % among three read at 96 %. */
static char *read_cell(TessBaseAPI *api, PIX *page, int x0, int y0, int x1, int y1, int *conf,
                       float scale, int *digits)
{
	/* The cell alone on a white margin: Tesseract reads short cells
	 * ("I.1", "%") far better with room around them than cut tight. */
	BOX *box = boxCreate(x0, y0, x1 - x0, y1 - y0);
	PIX *cut = pixClipRectangle(page, box, NULL);
	boxDestroy(&box);
	if (scale != 1) { /* a second look, larger */
		PIX *big = pixScaleGrayLI(cut, scale, scale);
		if (big) {
			pixDestroy(&cut);
			cut = big;
		}
	}
	PIX *grey = pixAddBorder(cut, (l_uint32)(OCR_DPI * scale / 15), 255);
	pixDestroy(&cut);
	pixSetResolution(grey, (l_int32)(OCR_DPI * scale), (l_int32)(OCR_DPI * scale));
	TessBaseAPISetImage2(api, grey);
	*conf = -1;
	if (TessBaseAPIRecognize(api, NULL)) {
		pixDestroy(&grey);
		return xstrdup("");
	}
	TessResultIterator *it = TessBaseAPIGetIterator(api);
	if (!it) {
		pixDestroy(&grey);
		return xstrdup("");
	}
	const TessPageIterator *pi = TessResultIteratorGetPageIteratorConst(it);
	struct cellread c = {
	        .text = BUF_INIT, .line = BUF_INIT, .all = BUF_INIT, .low = 100, .dlow = 100};
	do {
		if (TessPageIteratorIsAtBeginningOf(pi, RIL_TEXTLINE))
			end_line(&c);
		if (TessPageIteratorIsAtBeginningOf(pi, RIL_WORD)) {
			if (c.line.len)
				buf_putc(&c.line, ' ');
			double wc = TessResultIteratorConfidence(it, RIL_WORD);
			c.lsum += wc, c.ln++;
			c.low = wc < c.low ? wc : c.low;
		}
		char *sym = TessResultIteratorGetUTF8Text(it, RIL_SYMBOL);
		if (sym && sym[0] >= '0' && sym[0] <= '9') {
			double sc = TessResultIteratorConfidence(it, RIL_SYMBOL);
			c.dlow = sc < c.dlow ? sc : c.dlow;
		}
		int l, t, r, b;
		if (sym && (!strcmp(sym, ">") || !strcmp(sym, "<")) &&
		    TessPageIteratorBoundingBox(pi, RIL_SYMBOL, &l, &t, &r, &b) &&
		    barred(grey, l, t, r, b))
			buf_puts(&c.line, *sym == '>' ? "≥ " : "≤ ");
		else if (sym)
			buf_puts(&c.line, sym);
		if (sym)
			TessDeleteText(sym);
	} while (TessResultIteratorNext(it, RIL_SYMBOL));
	end_line(&c);
	TessResultIteratorDelete(it);
	pixDestroy(&grey);
	buf_free(&c.line);
	if (!c.n) /* only speckle-like lines: keep them, to be flagged */
		c.sum = c.asum, c.n = c.an, buf_reset(&c.text), buf_puts(&c.text, buf_str(&c.all));
	buf_free(&c.all);
	if (c.n)
		*conf = (int)c.low;
	if (digits)
		*digits = (int)c.dlow;
	char *s = text_clean(buf_str(&c.text));
	buf_free(&c.text);
	return s;
}

/* A row of cells cut by the page break goes on in the first row of the next
 * page's table: that row has no number (first cell empty). */
static bool continues(const struct reader *rd, char **cells, int nc)
{
	return rd->page_top && rd->open != NO_ROW && rd->open_ncell == nc && nc > 1 && !*cells[0];
}

/* A table row read on page: a header row (head) starts a new table, whose
 * rows are counted from it (the header repeated on the next page is not
 * emitted), for each row's place in the document (page, table, row). */
static void emit_row(struct reader *rd, char **cells, int nc, int page, bool head)
{
	if (head || !rd->table)
		rd->table++, rd->tabrow = 0;
	if (continues(rd, cells, nc)) {
		row_join_cells(&rd->r->v[rd->open], cells, nc);
	} else {
		struct row *row = rows_add(rd->r, (int)rd->l->n + 1);
		for (int c = 0; c < nc; c++)
			row_add_cell(row, cells[c], strlen(cells[c]));
		row->page = page;
		row->table = rd->table;
		row->tabrow = ++rd->tabrow;
		rd->open = rd->r->n - 1;
		rd->open_ncell = nc;
	}
	rd->page_top = false;
	struct buf b = BUF_INIT;
	buf_puts(&b, "|");
	for (int c = 0; c < nc; c++)
		buf_printf(&b, " %s |", cells[c]);
	add_line(rd->l, buf_detach(&b));
	rd->r->v[rd->open].last = (int)rd->l->n;
}

static void flag(struct reader *rd, int page, int ri, int col, const char *s, int conf)
{
	rd->flagged++;
	if (conf < 0)
		plan_warn_cell(
		        rd->p, (int)rd->l->n + 1, col,
		        "Ô cần kiểm tra (trang %d, hàng %d, cột %d): có chữ nhưng không đọc được",
		        page, ri, col);
	else if (conf >= OCR_MIN_CONF && strchr(s, '|'))
		plan_warn_cell(rd->p, (int)rd->l->n + 1, col,
		               "Ô cần kiểm tra (trang %d, hàng %d, cột %d): đọc được \"%s\"; dấu "
		               "\"|\" có thể là đường kẻ của bảng đọc thành chữ: ô có thể lẫn chữ "
		               "của ô bên cạnh",
		               page, ri, col, s);
	else if (conf >= OCR_MIN_CONF)
		plan_warn_cell(
		        rd->p, (int)rd->l->n + 1, col,
		        "Ô cần kiểm tra (trang %d, hàng %d, cột %d): đọc được \"%s\", dấu \"=\" có "
		        "thể là \"≥\"",
		        page, ri, col, s);
	else
		plan_warn_cell(
		        rd->p, (int)rd->l->n + 1, col,
		        "Ô cần kiểm tra (trang %d, hàng %d, cột %d): đọc được \"%s\" với độ tin "
		        "cậy %d%% (dưới %d%%)",
		        page, ri, col, s, conf, OCR_MIN_CONF);
}

/* The digits the scanner's OCR layer reads in the box x0..x1, y0..y1
 * (pixels at OCR_DPI) of page (from 1), into out (at most n - 1); false
 * when no word of the layer lies there, or the page was turned upright
 * (the layer's places are the page's as scanned). A word lies in the box
 * when its centre does. */
static bool layer_digits(const struct reader *rd, int page, int x0, int y0, int x1, int y1,
                         char *out, size_t n)
{
	size_t k = 0;
	bool any = false;
	double pt = 72.0 / OCR_DPI;
	for (size_t i = 0; i < rd->nlayer && !rd->turned; i++) {
		const struct pword *w = &rd->layer[i];
		double cx = (w->x0 + w->x1) / 2, cy = (w->y0 + w->y1) / 2;
		if (w->page != page - 1 || cx < x0 * pt || cx > x1 * pt || cy < y0 * pt ||
		    cy > y1 * pt)
			continue;
		any = true;
		for (const char *s = w->s; *s && k + 1 < n; s++)
			if (*s >= '0' && *s <= '9')
				out[k++] = *s;
	}
	out[k] = '\0';
	return any;
}

/* What a target cell can say: a number with its sign ("≥ 5", "80-90",
 * "0,7%"), a dash, or words that read as a target ("Có", "Duy trì"). */
static bool target_like(const char *s)
{
	if (!strcmp(s, "-") || !strcmp(s, "–"))
		return true;
	const char *p = s;
	while (*p == '>' || *p == '<' || *p == '=' || *p == ' ')
		p++;
	if (!strncmp(p, "≥", strlen("≥")) || !strncmp(p, "≤", strlen("≤")))
		p += strlen("≥");
	while (*p == ' ')
		p++;
	double v;
	int k = target_number(p, &v);
	if (k) {
		p += k;
		if (*p == '-' && target_number(p + 1, &v))
			p += 1 + target_number(p + 1, &v);
		if (*p == '%')
			p++;
		while (*p == ' ')
			p++;
		/* a note in brackets after the figure: "2.000 (lũy kế)" */
		if (*p == '(' && p[1] && p[strlen(p) - 1] == ')')
			return true;
		return *p == '\0';
	}
	struct target t;
	target_parse(s, NULL, &t);
	bool yes = t.kind != TARGET_TEXT && t.kind != TARGET_NONE;
	target_free(&t);
	return yes || (text_case_start(s) == 1 && text_len(s) > 4);
}

/* The digits of s, in order, into out (at most n - 1). */
static void digits_of(const char *s, char *out, size_t n)
{
	size_t k = 0;
	for (; *s && k + 1 < n; s++)
		if (*s >= '0' && *s <= '9')
			out[k++] = *s;
	out[k] = '\0';
}

/* Two readings of an unsure cell (at its size, then larger) that agree: the
 * second reads a figure (target_like, with digits), read at conf2 >=
 * OCR_AGREE_CONF with each digit at dig2 >= OCR_AGREE_DIGIT, and the first
 * has the same digits in the same order, whatever it made of the sign
 * ("=5" then "≥ 5", "S17" then "≥ 17"). Such a cell is trusted. */
static bool agree(const char *first, const char *second, int conf2, int dig2)
{
	char a[32], b[32];
	digits_of(first, a, sizeof a);
	digits_of(second, b, sizeof b);
	return conf2 >= OCR_AGREE_CONF && dig2 >= OCR_AGREE_DIGIT && *b && !strcmp(a, b) &&
	       target_like(second);
}

static bool header_row(char **cells, int nc);

/* A header's "STT" read as "S11", "5TT", "STI": an s (or 5) then two of
 * t, 1, l, i, 7, I, T (folded). */
static bool stt_like(const char *s)
{
	char *f = text_fold(s);
	size_t n = strlen(f);
	bool yes = n == 3 && (f[0] == 's' || f[0] == '5') && strchr("t1li7", f[1]) &&
	           strchr("t1li7", f[2]);
	free(f);
	return yes;
}

/* The header row of a table whose "STT" was misread (stt_like), beside a
 * name's heading: its first cell put right, so that the header is one. */
static void mend_stt(char **cells, int nc)
{
	if (nc < 2 || !stt_like(cells[0]))
		return;
	char *read = cells[0];
	cells[0] = xstrdup("STT");
	if (header_row(cells, nc)) {
		free(read);
	} else {
		free(cells[0]);
		cells[0] = read;
	}
}

/* A header row: "STT" and "Chỉ tiêu" (or "Nhiệm vụ", "Nội dung"). */
static bool header_row(char **cells, int nc)
{
	bool no = false, name = false;
	for (int c = 0; c < nc; c++) {
		char *f = text_fold(cells[c]);
		no |= header_number_word(f);
		name |= strstr(f, "chi tieu") || strstr(f, "nhiem vu") || strstr(f, "noi dung");
		free(f);
	}
	return no && name;
}

/* A header cell over targets: a year, "Hiện trạng", "Mục tiêu", "Kết quả". */
static bool target_head(const char *s)
{
	char *f = text_fold(s);
	bool yes = strstr(f, "hien trang") || strstr(f, "muc tieu") || strstr(f, "ket qua") ||
	           strstr(f, "giai doan");
	yes = yes || text_find_year(f, NULL);
	free(f);
	return yes;
}

/* A header cell naming two years or more on their own, outside a
 * period a dash joins ("Năm 2025 Năm 2027 Năm 2030", "Mục tiêu Năm 2026
 * Đến năm 2030"; not "Giai đoạn 2028 - 2030 Năm 2030"): the columns of
 * several milestones read as one, where no rule or gap parted them. */
static bool years_run(const char *s)
{
	int alone = 0;
	for (const char *p = s; *p; p++) {
		if (!text_year_at(s, p))
			continue;
		const char *q; /* a period: "2026 - 2030", "2026–2030" */
		if (text_period_end(s, p, &q)) {
			p = q - 1;
			continue;
		}
		alone++;
		p += 3;
	}
	return alone >= 2;
}

/* The cells of a body row under a header cell naming several years
 * (years_run): what was read there is no one milestone's target, and the
 * other years' are not read at all; said of the row (every milestone of
 * it), quoting the cell. Row ri counts from 1. */
static void years_warn(struct reader *rd, char **cells, int nc, int page, int ri)
{
	for (int c = 0; c < nc && c < OCR_MAX_COLS; c++) {
		if (!rd->years_col[c])
			continue;
		rd->flagged++;
		if (*cells[c])
			plan_warn(rd->p, (int)rd->l->n + 1,
			          "Ô cần kiểm tra (trang %d, hàng %d, cột %d): tiêu đề cột ghi nhiều "
			          "năm (các cột mục tiêu dồn làm một); đọc được \"%s\" nhưng không "
			          "đọc được riêng mục tiêu của từng năm, cần đối chiếu với bản giấy",
			          page, ri, c + 1, cells[c]);
		else
			plan_warn(rd->p, (int)rd->l->n + 1,
			          "Ô cần kiểm tra (trang %d, hàng %d, cột %d): tiêu đề cột ghi nhiều "
			          "năm (các cột mục tiêu dồn làm một); ô trống, không đọc được mục "
			          "tiêu của từng năm, cần đối chiếu với bản giấy",
			          page, ri, c + 1);
	}
}

/* A target in words, where a misread accent or letter is read with high
 * confidence all the same: a level of a known scale spelled otherwise
 * ("Úng dụng") is put right, and is to be checked, as is any wording the
 * target reader does not know ("Tiên tiền"). */
static bool text_target(char **s)
{
	struct target t;
	target_parse(*s, NULL, &t);
	bool check = t.kind == TARGET_TEXT && strpbrk(*s, "0123456789") == NULL;
	char *fs = text_fold(*s), *fl = t.level ? text_fold(t.level) : NULL;
	bool whole = fl && !strcmp(fs, fl); /* the cell is the level alone */
	free(fs);
	free(fl);
	if (t.kind == TARGET_LEVEL && whole) {
		char *a = text_lower_first(*s), *b = text_lower_first(t.level);
		if (strcmp(a, b)) {
			free(*s);
			*s = xstrdup(t.level);
			check = true;
		}
		free(a);
		free(b);
	}
	target_free(&t);
	return check;
}

static void flag_text(struct reader *rd, int page, int ri, int col, const char *s)
{
	rd->flagged++;
	plan_warn_cell(rd->p, (int)rd->l->n + 1, col,
	               "Ô cần kiểm tra (trang %d, hàng %d, cột %d): đọc được \"%s\"; mục tiêu bằng "
	               "chữ dài, hãy đối chiếu từng chữ và dấu với bản giấy",
	               page, ri, col, s);
}

static void row_number(struct reader *rd, char **cells, int ncol, int page, int i,
                       bool group_shape);

static void read_table(struct reader *rd, PIX *grey, PIX *hmask, PIX *vmask,
                       const struct grid *t, int page)
{
	int ncol = t->nx - 1, pad = OCR_DPI / 60;
	/* below[c]: the rule (index in t->ys) down to which a cell merged
	 * over the rows under it (no rule under it across its columns: a
	 * header's "STT" over two header lines, a long table's name over its
	 * year rows) covers column c; read once, in its first row, the rows
	 * under it have that cell empty, as a merged cell written once. */
	int below[OCR_MAX_COLS] = {0}, head_end = 0;
	bool repeated = false;
	for (int i = 0; i + 1 < t->ny; i++) {
		int ya = t->ys[i], yb = t->ys[i + 1];
		if (yb - ya < OCR_DPI / 12)
			continue; /* a double rule */
		char *cells[OCR_MAX_COLS];
		int c = 0, span1 = 0;
		bool num_ink = false, worded[OCR_MAX_COLS] = {false};
		while (c < ncol) {
			if (below[c] > i) {
				cells[c++] = xstrdup("");
				continue;
			}
			int e = c + 1;
			while (e < ncol && below[e] <= i && !has_rule(vmask, t->xs[e], ya, yb))
				e++;
			/* merged down no further than the row's number: a row
			 * numbered on its own is an item of its own, whatever
			 * hides the rule over it (a seal) */
			int under = i + 1;
			while (under + 1 < t->ny && (c == 0 || under < below[0]) &&
			       !has_hrule(hmask, t->ys[under], t->xs[c], t->xs[e]))
				under++;
			for (int m = c; m < e; m++)
				below[m] = under;
			if (c == 1)
				span1 = e;
			int x0 = t->xs[c] + pad, x1 = t->xs[e] - pad, y0 = ya + pad,
			    y1 = t->ys[under] - pad;
			trim_rules(hmask, vmask, &x0, &y0, &x1, &y1);
			int conf = 100;
			char *s = xstrdup("");
			if (x1 - x0 > 4 && y1 - y0 > 4 &&
			    ink(grey, x0, y0, x1, y1) > OCR_DPI * OCR_DPI / 9000) {
				num_ink |= c == 0;
				free(s);
				s = read_cell(rd->api, grey, x0, y0, x1, y1, &conf, 1, NULL);
				if (conf < OCR_MIN_CONF || *s == '=') {
					/* unsure: read again at one and a half times the
					 * size, and keep the surer reading */
					int conf2, dig2;
					char *s2 = read_cell(rd->api, grey, x0, y0, x1, y1, &conf2,
					                     1.5f, &dig2);
					if (conf2 > conf && *s2) {
						/* the surer text, but a cell once unsure stays
						 * flagged (both readings can agree on "90" for
						 * "50", the second at 84 %), unless the readings
						 * agree on a figure the second is sure of */
						bool sure = c < OCR_MAX_COLS && rd->target_col[c] &&
						            agree(s, s2, conf2, dig2);
						free(s);
						s = s2;
						conf = sure || conf2 < OCR_MIN_CONF
						               ? conf2
						               : OCR_MIN_CONF - 1;
					} else {
						free(s2);
					}
				}
				PIX *alone = conf < OCR_MIN_CONF && !dash(grey, x0, y0, x1, y1)
				                     ? ink_alone(grey, x0, y0, x1, y1)
				                     : NULL;
				if (alone) {
					/* still unsure: read again, the ink alone on white;
					 * the surer reading kept, and still flagged unless it
					 * agrees with the first on a figure read surely */
					int conf4, dig4;
					char *s4 = read_cell(rd->api, alone, 0, 0, pixGetWidth(alone),
					                     pixGetHeight(alone), &conf4, 1, &dig4);
					pixDestroy(&alone);
					if (conf4 > conf && *s4) {
						bool sure = c < OCR_MAX_COLS && rd->target_col[c] &&
						            agree(s, s4, conf4, dig4);
						free(s);
						s = s4;
						conf = sure || conf4 < OCR_MIN_CONF ? conf4
						                                   : OCR_MIN_CONF - 1;
					} else {
						free(s4);
					}
				}
				if (c < OCR_MAX_COLS && rd->target_col[c] && *s &&
				    !target_like(s)) {
					/* a target cell read as letters ("củ" for "≥ 5"): read
					 * again for digits and signs only, kept when that
					 * gives a number */
					int conf3;
					TessBaseAPISetVariable(rd->api, "tessedit_char_whitelist",
					                       "0123456789,.%<>=-");
					char *s3 = read_cell(rd->api, grey, x0, y0, x1, y1, &conf3,
					                     1, NULL);
					TessBaseAPISetVariable(rd->api, "tessedit_char_whitelist",
					                       "");
					if (target_like(s3) && strpbrk(s3, "0123456789")) {
						free(s);
						s = s3;
						conf = conf3 < OCR_MIN_CONF ? conf3
						                            : OCR_MIN_CONF - 1;
					} else {
						free(s3);
					}
				}
				if (*s == '=' && s[1] && strchr("0123456789 ", s[1])) {
					/* "=5": a "≥" whose bar was not seen; still flagged */
					char *g = xasprintf("≥ %s", s + 1 + (s[1] == ' '));
					free(s);
					s = g;
					if (conf >= OCR_MIN_CONF)
						conf = OCR_MIN_CONF - 1;
				}
				/* a cell whose only ink is a short flat stroke is "-",
				 * whatever Tesseract, unsure, made of the paper's grain or
				 * the edge of a seal's dropped ink around it */
				if ((!*s || conf < OCR_MIN_CONF) && dash(grey, x0, y0, x1, y1)) {
					free(s);
					s = xstrdup("-");
					conf = 100; /* by its shape */
				}
				rd->cells++;
				if (conf >= 0)
					rd->conf_sum += conf, rd->nread++;
				/* "=" is how Tesseract, without "≥" in its models, reads a
				 * "≥" it cannot see the bar of: never trusted. */
				/* "|": a ruling line read as a letter, the cell's
				 * bounds in doubt */
				char own[32], other[32];
				digits_of(s, own, sizeof own);
				if (conf >= OCR_MIN_CONF && *s != '=' && !strchr(s, '|') &&
				    c < OCR_MAX_COLS && rd->target_col[c] && *own &&
				    layer_digits(rd, page, x0, y0, x1, y1, other, sizeof other) &&
				    *other && strcmp(own, other)) {
					/* the scanner's layer reads the figure otherwise */
					rd->flagged++;
					plan_warn_cell(
					        rd->p, (int)rd->l->n + 1, c + 1,
					        "Ô cần kiểm tra (trang %d, hàng %d, cột %d): đọc "
					        "được \"%s\", lớp chữ do máy quét nhận dạng lại "
					        "đọc các chữ số \"%s\"",
					        page, i + 1, c + 1, s, other);
				} else if (conf < OCR_MIN_CONF || *s == '=' || strchr(s, '|'))
					flag(rd, page, i + 1, c + 1, s, conf);
				else if (c < OCR_MAX_COLS && rd->target_col[c] && text_target(&s))
					worded[c] = true; /* flagged once the row is known */
			}
			cells[c] = s;
			for (int k = c + 1; k < e; k++)
				cells[k] = xstrdup("");
			c = e;
		}
		/* a header's "TT" is no row number to put right by the rows
		 * before it ("I.1") */
		if (i == 0)
			mend_stt(cells, ncol);
		bool head = i == 0 && header_row(cells, ncol);
		/* a further line of the header (its years under "Mục tiêu"): a
		 * row under the header's first cell merged down over it */
		bool head_line = i > 0 && i < head_end;
		/* a target in words under the last table's target columns, but
		 * no header of this one ("Chủ trì" under "Năm 2026") */
		for (int k = 0; k < ncol && !head; k++)
			if (worded[k])
				flag_text(rd, page, i + 1, k + 1, cells[k]);
		if (head) {
			head_end = below[0];
			rd->number_col = header_number(cells[0]);
		}
		if (!head && !head_line) {
			/* a number column's cell inked, the name's cell spanning
			 * the rest of the row: a group's row */
			row_number(rd, cells, ncol, page, i,
			           rd->number_col && num_ink && span1 == ncol && ncol > 2);
			years_warn(rd, cells, ncol, page, i + 1);
		}
		for (int k = 0; k < ncol && k < OCR_MAX_COLS && (head || head_line); k++)
			if (head || *cells[k]) {
				rd->target_col[k] = target_head(cells[k]);
				rd->years_col[k] = years_run(cells[k]);
			}
		char *key = i == 0 ? row_key(cells, ncol) : NULL;
		if (key && rd->open != NO_ROW && rd->header && !strcmp(key, rd->header)) {
			free(key); /* the header repeated on a new page */
			repeated = true;
		} else if (head_line && repeated) {
			/* its further lines with it, not a row cut by the page
			 * break going on */
		} else {
			emit_row(rd, cells, ncol, page, head);
			if (key) {
				free(rd->header);
				rd->header = key;
			}
		}
		for (int k = 0; k < ncol; k++)
			free(cells[k]);
	}
}

/* Row i (from 0) of a table: a number misread ("IL1" for "II.1") is put
 * right by the numbers before it, and warned. */
static void row_number(struct reader *rd, char **cells, int ncol, int page, int i, bool group_shape)
{
	if (ncol > 1 && (*cells[0] || group_shape)) {
		/* "IL1" for "II.1": the number the row must have */
		char *fixed = ocr_fix_number(cells[0], rd->number, rd->skipped);
		if (!fixed && rd->group && !ocr_number_shaped(cells[0])) {
			/* "IH" after "II.4" or "4": the group after the last one
			 * read ("III"), never a row of it */
			fixed = ocr_fix_number(cells[0], rd->group, 0);
			if (fixed && strchr(fixed, '.')) {
				free(fixed);
				fixed = NULL;
			}
		}
		if (!fixed && group_shape && !*cells[0]) {
			/* inked but nothing read (a lone "I." too small for
			 * Tesseract), in a row shaped as a group's: the group after
			 * the last one read */
			int g = rd->group ? text_roman(rd->group) : 0;
			fixed = xstrdup(text_to_roman(g + 1));
		}
		if (fixed) {
			plan_warn(rd->p, (int)rd->l->n + 1,
			          "Số thứ tự đọc được \"%s\" (trang %d, hàng %d) sửa thành "
			          "\"%s\" theo thứ tự các hàng",
			          cells[0], page, i + 1, fixed);
			free(cells[0]);
			cells[0] = fixed;
		}
		if (ocr_number_shaped(cells[0])) {
			free(rd->number);
			rd->number = xstrdup(cells[0]);
			if (text_roman(cells[0])) {
				free(rd->group);
				rd->group = xstrdup(cells[0]);
			}
			rd->skipped = 0;
		} else if (i > 0) {
			rd->skipped++;
		}
	}
}

/* The page outside its tables, as lines of text (and text rows). Lines read
 * with a confidence under OCR_TEXT_CONF are left out: on a scan they are
 * speckle, a stamp or a signature, and this text only serves the title,
 * number and date. A blank line ends each block. */
static void read_text(struct reader *rd, PIX *grey, const struct grid *t, int nt)
{
	PIX *g = pixCopy(NULL, grey);
	for (int i = 0; i < nt; i++) {
		BOX *b = boxCreate(t[i].x0, t[i].y0, t[i].x1 - t[i].x0, t[i].y1 - t[i].y0);
		pixSetInRect(g, b);
		boxDestroy(&b);
	}
	TessBaseAPISetPageSegMode(rd->api, PSM_AUTO);
	TessBaseAPISetImage2(rd->api, g);
	TessResultIterator *it =
	        TessBaseAPIRecognize(rd->api, NULL) ? NULL : TessBaseAPIGetIterator(rd->api);
	const TessPageIterator *pi = it ? TessResultIteratorGetPageIteratorConst(it) : NULL;
	bool more = it != NULL;
	while (more) {
		if (TessPageIteratorIsAtBeginningOf(pi, RIL_BLOCK) && rd->l->n &&
		    *rd->l->v[rd->l->n - 1])
			add_line(rd->l, xstrdup(""));
		char *t0 = TessResultIteratorGetUTF8Text(it, RIL_TEXTLINE);
		float conf = TessResultIteratorConfidence(it, RIL_TEXTLINE);
		char *line = text_clean(t0 ? t0 : "");
		if (t0)
			TessDeleteText(t0);
		if (*line) {
			rd->conf_sum += (long)conf, rd->nread++;
		}
		if (*line && conf >= OCR_TEXT_CONF) {
			struct row *row = rows_add(rd->r, (int)rd->l->n + 1);
			row->text = true;
			row_add_cell(row, line, strlen(line));
			add_line(rd->l, line);
		} else {
			free(line);
		}
		more = TessResultIteratorNext(it, RIL_TEXTLINE);
	}
	if (it)
		TessResultIteratorDelete(it);
	TessBaseAPISetPageSegMode(rd->api, PSM_SINGLE_BLOCK);
	pixDestroy(&g);
}

/* A word's line number for pdfrows.c: its page and the height of its
 * centre, so that a row's first and last lines tell which words it holds. */
#define LINE_PAGE 100000

static int word_line(const struct oword *w)
{
	return w->page * LINE_PAGE + (w->y0 + w->y1) / 2 + 1;
}

static int cmp_height(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* The words of row r (those whose line falls in the row's lines, tol
 * below its last) go to the cells whose text holds them: each cell gets
 * the confidence of its least sure word (100 with no word: nothing read
 * there to doubt). A word found in several cells counts for each, one
 * found in none for every cell of the row: a doubt is never lost.
 * figures[c]: how many chunks with a digit make cell c, a text found
 * again in a sibling ("100" beside "100", "95" beside "≥ 95") or inside a
 * longer one of the cell counted once. */
static void cell_conf(const struct reader *rd, const struct row *r, int tol, int *conf,
                      int *figures)
{
	size_t *in = NULL, n = 0, cap = 0;
	for (int c = 0; c < r->ncell; c++)
		conf[c] = 100, figures[c] = 0;
	for (size_t k = 0; k < rd->nwords; k++) {
		const struct oword *w = &rd->words[k];
		int v = word_line(w);
		if (v < r->first || v > r->last + tol)
			continue;
		bool found = false;
		for (int c = 0; c < r->ncell; c++)
			if (strstr(r->cell[c], w->s)) {
				found = true;
				conf[c] = (int)w->conf < conf[c] ? (int)w->conf : conf[c];
			}
		for (int c = 0; c < r->ncell && !found; c++)
			if (*r->cell[c])
				conf[c] = (int)w->conf < conf[c] ? (int)w->conf : conf[c];
		if (found && strpbrk(w->s, "0123456789")) {
			in = xgrow(in, &cap, n + 1, sizeof *in);
			in[n++] = k;
		}
	}
	for (int c = 0; c < r->ncell; c++)
		for (size_t i = 0; i < n; i++) {
			const char *a = rd->words[in[i]].s;
			if (!strstr(r->cell[c], a))
				continue;
			bool again = false;
			for (size_t j = 0; j < n && !again; j++) {
				const char *b = rd->words[in[j]].s;
				again = j != i && strstr(r->cell[c], b) &&
				        ((!strcmp(a, b) && j < i) ||
				         (strlen(b) > strlen(a) && strstr(b, a)));
			}
			figures[c] += !again;
		}
	free(in);
}

/* A cell of a table rebuilt from words, read with confidence conf: made a
 * target where the ruled path would ("=5" is "≥ 5", never trusted), and
 * flagged as a ruled cell is. Row ri and column col count from 1. */
static void word_cell(struct reader *rd, char **s, int conf, int chunks, int page, int ri, int col)
{
	if (!**s)
		return;
	rd->cells++;
	bool target = col - 1 < OCR_MAX_COLS && rd->target_col[col - 1];
	if (**s == '=' && (*s)[1] && strchr("0123456789 ", (*s)[1])) {
		char *g = xasprintf("≥ %s", *s + 1 + ((*s)[1] == ' '));
		free(*s);
		*s = g;
		conf = conf < OCR_MIN_CONF ? conf : OCR_MIN_CONF - 1;
	}
	/* A target cell that does not read as one ("củ" for "≥ 5"), or that
	 * took a word of its neighbour, is not trusted either. */
	if (target && !target_like(*s))
		conf = conf < OCR_MIN_CONF ? conf : OCR_MIN_CONF - 1;
	/* A figure made of several chunks with digits ("100 80"): rows or
	 * columns run together. */
	if (target && chunks > 1 && strpbrk(*s, "0123456789"))
		conf = conf < OCR_MIN_CONF ? conf : OCR_MIN_CONF - 1;
	if (conf < OCR_MIN_CONF || **s == '=')
		flag(rd, page, ri, col, *s, conf);
	else if (target && text_target(s))
		flag_text(rd, page, ri, col, *s);
}

static void free_words(struct reader *rd)
{
	for (size_t i = 0; i < rd->nwords; i++)
		free(rd->words[i].s);
	rd->nwords = 0;
}

/* The first row of a table that goes on from the page before (its header
 * repeated): the words above the first word of its number cell end the
 * row the page break cut (rd->open), as in a ruled table; they go there,
 * and the row keeps the rest. tol: as for cell_conf. */
static void carry_over(struct reader *rd, struct row *row, int nc, int tol)
{
	if (rd->open == NO_ROW || rd->open_ncell != nc || !*row->cell[0])
		return;
	int top = -1;
	for (size_t k = 0; k < rd->nwords; k++) {
		const struct oword *w = &rd->words[k];
		int v = word_line(w);
		if (v >= row->first && v <= row->last + tol && *w->s &&
		    strstr(row->cell[0], w->s) && (top < 0 || w->y0 < top))
			top = w->y0;
	}
	if (top < 0)
		return;
	size_t cut[OCR_MAX_COLS] = {0};
	bool any = false;
	for (size_t k = 0; k < rd->nwords; k++) {
		const struct oword *w = &rd->words[k];
		int v = word_line(w);
		if (v < row->first || v > row->last + tol || w->y1 > top || !*w->s)
			continue;
		for (int c = 1; c < nc; c++) {
			const char *at = strstr(row->cell[c], w->s);
			size_t end = at ? (size_t)(at - row->cell[c]) + strlen(w->s) : 0;
			if (end > cut[c])
				cut[c] = end, any = true;
		}
	}
	if (!any)
		return;
	char *head[OCR_MAX_COLS];
	head[0] = xstrdup("");
	for (int c = 1; c < nc; c++) {
		head[c] = xstrndup(row->cell[c], cut[c]);
		char *rest = xstrdup(row->cell[c] + cut[c] + (row->cell[c][cut[c]] == ' '));
		free(row->cell[c]);
		row->cell[c] = rest;
	}
	emit_row(rd, head, nc, row->page, false);
	for (int c = 0; c < nc; c++)
		free(head[c]);
	rd->page_top = true; /* the row itself is a new one */
}

/* The tables of the pages read chunk by chunk since the last page that
 * was not (a ruled page, a page of text, the end): rebuilt from the words'
 * positions (pdfrows.c, as for a PDF's text layer: header band, columns
 * from the header words and the body's gaps, rows anchored on the number
 * column). Their rows go after the text read_text gave of those pages
 * (rd->l, rd->r), each cell checked and flagged as a ruled one is, with
 * the confidence of its words; pdfrows.c's text lines are left out (the
 * pages' own reading is better running text). A table of the page before
 * goes on: its header repeated is dropped, and a first row without a
 * number ends its open row. The words are then let go. */
static void unruled_tables(struct reader *rd)
{
	size_t n = rd->nwords;
	if (!n)
		return;
	struct pword *w = xcalloc(n, sizeof *w);
	int *h = xcalloc(n, sizeof *h);
	for (size_t i = 0; i < n; i++) {
		const struct oword *o = &rd->words[i];
		w[i] = (struct pword){.s = o->s,
		                      .x0 = o->x0,
		                      .y0 = o->y0,
		                      .x1 = o->x1,
		                      .y1 = o->y1,
		                      .page = o->page - 1,
		                      .line = word_line(o)};
		h[i] = o->y1 - o->y0;
	}
	qsort(h, n, sizeof *h, cmp_height);
	int tol = h[n / 2] * 4 / 10 + 1; /* pdfrows.c's lines: centres within 0.4 height */
	free(h);
	struct rows rows = {0};
	bool found = pword_rows(w, n, &rows, NULL);
	free(w); /* the texts are rd->words' */
	if (!found) {
		rows_free(&rows);
		free_words(rd);
		return;
	}
	rd->page_top = true;
	bool goes_on = false; /* the open table's header repeated */
	int ri = 0;
	for (size_t i = 0; i < rows.n; i++) {
		struct row *row = &rows.v[i];
		if (row->text)
			continue; /* read_text has it */
		int nc = row->ncell < OCR_MAX_COLS ? row->ncell : OCR_MAX_COLS;
		int conf[OCR_MAX_COLS], chunks[OCR_MAX_COLS];
		cell_conf(rd, row, tol, conf, chunks);
		bool head = header_row(row->cell, nc);
		if (head) {
			char *key = row_key(row->cell, nc);
			/* the header repeated on a new page: as many columns as the
			 * open table's rows (a table under a caption of its own
			 * whose columns came out otherwise is a table of its own) */
			if (rd->header && !strcmp(key, rd->header) && rd->open != NO_ROW &&
			    rd->open_ncell == nc) {
				free(key);
				goes_on = rd->page_top;
				continue;
			}
			for (int k = 0; k < nc; k++) {
				rd->target_col[k] = target_head(row->cell[k]);
				rd->years_col[k] = years_run(row->cell[k]);
			}
			free(rd->header);
			rd->header = key;
			ri = 0;
		} else {
			for (int c = 0; c < nc; c++)
				word_cell(rd, &row->cell[c], conf[c], chunks[c], row->page, ri + 1,
				          c + 1);
			row_number(rd, row->cell, nc, row->page, ri, false);
			years_warn(rd, row->cell, nc, row->page, ri + 1);
			if (goes_on)
				carry_over(rd, row, nc, tol);
			goes_on = false;
		}
		/* pdfrows.c joined the rows cut on these pages */
		emit_row(rd, row->cell, nc, row->page, head);
		ri++;
	}
	rows_free(&rows);
	free_words(rd);
}

static int cmp_top(const void *a, const void *b)
{
	const struct oword *x = *(const struct oword *const *)a,
	                   *y = *(const struct oword *const *)b;
	return (x->y0 > y->y0) - (x->y0 < y->y0);
}

/* The number column's chunks of this page (from rd->words[from]) read down
 * in order, each misread number put right by the one before it ("2:2"
 * after "2.1", "11" after "1.") as row_number does for a ruled table, so
 * that the rows are found by their numbers (pword_rows); a number put
 * right is flagged (read under OCR_MIN_CONF). */
static void sequence_numbers(struct reader *rd, size_t from)
{
	if (rd->num_x1 <= rd->num_x0)
		return;
	size_t n = 0;
	struct oword **col = xcalloc(rd->nwords - from + 1, sizeof *col);
	for (size_t i = from; i < rd->nwords; i++) {
		struct oword *o = &rd->words[i];
		int mid = (o->x0 + o->x1) / 2;
		if (mid >= rd->num_x0 && mid <= rd->num_x1 && text_len(o->s) <= 6 &&
		    !header_number(o->s))
			col[n++] = o;
	}
	qsort(col, n, sizeof *col, cmp_top);
	for (size_t i = 0; i < n; i++) {
		struct oword *o = col[i];
		char *fixed = ocr_fix_number(o->s, rd->chunk_number, rd->chunk_skipped);
		if (fixed) {
			free(o->s);
			o->s = fixed;
			if (o->conf >= OCR_MIN_CONF)
				o->conf = OCR_MIN_CONF - 1;
		}
		if (ocr_number_shaped(o->s)) {
			free(rd->chunk_number);
			rd->chunk_number = xstrdup(o->s);
			rd->chunk_skipped = 0;
		} else {
			rd->chunk_skipped++;
		}
	}
	free(col);
}

/* A group's number by a capital letter ("A", "B", "C."), one that no
 * roman numeral has ("H" left out: "II" is read as "H"). */
static bool lettered(const char *s)
{
	return s[0] && strchr("ABCDEFG", s[0]) && (!s[1] || (s[1] == '.' && !s[2]));
}

/* A letter with a Vietnamese accent ("HẠ"): a word, read fairly surely,
 * that starts a cell beside the number column, no row number. */
static bool accented(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return true;
	return false;
}

/* The chunks of a page (rd->words[from..]) under the header "STT" (this
 * page's or the last page's) are row numbers: one read as something else
 * ("K1" for "I.1") or as nothing (a lone "I") would end the table or lose
 * its row, so it is read again for roman and arabic numerals only, and
 * kept when that gives a number (flagged: its first reading was wrong).
 * A group's letter ("A", "B.": read again for numerals it became ".")
 * and a word with accents read fairly surely (a group's name beside the
 * column, "HẠ") are no row numbers to read again. Chunks left empty are
 * dropped. */
static void number_column(struct reader *rd, PIX *grey, size_t from)
{
	for (size_t i = from; i < rd->nwords; i++)
		if (header_number(rd->words[i].s)) {
			int w = rd->words[i].x1 - rd->words[i].x0;
			rd->num_x0 = rd->words[i].x0 - w;
			rd->num_x1 = rd->words[i].x1 + w;
		}
	size_t k = from;
	for (size_t i = from; i < rd->nwords; i++) {
		struct oword *o = &rd->words[i];
		int mid = (o->x0 + o->x1) / 2;
		if (rd->num_x1 > rd->num_x0 && mid >= rd->num_x0 && mid <= rd->num_x1 &&
		    text_len(o->s) <= 6 && !ocr_number_shaped(o->s) && !header_number(o->s) &&
		    !lettered(o->s) && !(accented(o->s) && o->conf >= OCR_TEXT_CONF)) {
			int conf;
			TessBaseAPISetVariable(rd->api, "tessedit_char_whitelist",
			                       "0123456789IVXLivxl.");
			TessBaseAPISetPageSegMode(rd->api, PSM_SINGLE_WORD);
			char *s = read_cell(rd->api, grey, o->x0, o->y0, o->x1, o->y1, &conf, 1,
			                    NULL);
			TessBaseAPISetPageSegMode(rd->api, PSM_SINGLE_BLOCK);
			TessBaseAPISetVariable(rd->api, "tessedit_char_whitelist", "");
			/* a letter no row number has ("K1", "[L1", "H" for "II"), in a
			 * chunk read unsure or too short to be a word ("Nơi" stays) */
			bool other = false;
			for (const char *q = o->s; *q && !other; q++)
				other = !strchr("0123456789IVXLivxl.,", *q);
			other = other && (o->conf < OCR_MIN_CONF || text_len(o->s) <= 2);
			if (*s && (ocr_number_shaped(s) || other) &&
			    (*o->s || conf >= OCR_TEXT_CONF)) {
				free(o->s);
				o->s = s;
				o->conf = (float)(conf < OCR_MIN_CONF ? conf : OCR_MIN_CONF - 1);
				if (o->conf < 0)
					o->conf = 0;
			} else {
				free(s);
			}
		}
		if (*o->s)
			rd->words[k++] = *o;
		else
			free(o->s);
	}
	rd->nwords = k;
	sequence_numbers(rd, from);
}

/* Whether the blots of a page (d: the smeared ink) are set out as a
 * table's: in some band of OCR_DPI * 2 / 3 (four lines of text), three
 * gaps or more run down the whole band between inked columns, the gaps
 * between a table's columns. The lines of running text fill the measure
 * (a gap across four lines at once is left by no spacing of words); a
 * letterhead or a signature block leaves one gap. */
static bool table_layout(PIX *d)
{
	int W = pixGetWidth(d), H = pixGetHeight(d), win = OCR_DPI * 2 / 3;
	bool table = false;
	for (int y = 0; y + win <= H && !table; y += OCR_DPI / 10) {
		BOX *b = boxCreate(0, y, W, win);
		PIX *band = pixClipRectangle(d, b, NULL);
		boxDestroy(&b);
		NUMA *na = band ? pixCountPixelsByColumn(band) : NULL;
		NUMA *nr = band ? pixCountPixelsByRow(band, NULL) : NULL;
		pixDestroy(&band);
		/* the band inked down most of its height: lines, not one line */
		int rows = 0;
		for (int r = 0; nr && r < numaGetCount(nr); r++) {
			l_int32 v = 0;
			numaGetIValue(nr, r, &v);
			rows += v > 0;
		}
		numaDestroy(&nr);
		int n = na && rows >= win / 2 ? numaGetCount(na) : 0, gaps = 0, white = 0;
		bool ink = false;
		for (int x = 0; x < n; x++) {
			l_int32 v = 0;
			numaGetIValue(na, x, &v);
			if (v > 0) {
				gaps += ink && white >= OCR_DPI / 20;
				ink = true, white = 0;
			} else {
				white++;
			}
		}
		table = gaps >= 3;
		numaDestroy(&na);
	}
	return table;
}

/* The blots of a page without ruling lines: the ink (speckle left out)
 * is smeared across the gap between words (OCR_DPI / 20: over a space at
 * 10 pt, under the narrowest gap between two columns' text, the cells'
 * padding) and a little down (accents); each blot is one run of words on
 * a line of a cell or of the text. */
static BOXA *page_blots(PIX *grey, bool *table)
{
	PIX *bin = pixThresholdToBinary(grey, OCR_DARK);
	/* Rules too faint or broken to make a grid (find_tables) would join
	 * the chunks of a column into one blot: found as find_tables does,
	 * from the lighter ink, as runs longer than any word, and wiped. */
	PIX *light = pixThresholdToBinary(grey, OCR_RULE);
	PIX *c = pixCloseBrick(NULL, light, 7, 1);
	PIX *rules = pixOpenBrick(NULL, c, OCR_DPI, 1);
	pixDestroy(&c);
	c = pixCloseBrick(NULL, light, 1, 7);
	PIX *v = pixOpenBrick(NULL, c, 1, OCR_DPI / 5);
	pixDestroy(&c);
	pixDestroy(&light);
	pixOr(rules, rules, v);
	pixDestroy(&v);
	PIX *wide = pixDilateBrick(NULL, rules, 5, 5);
	pixDestroy(&rules);
	pixSubtract(bin, bin, wide);
	pixDestroy(&wide);
	PIX *clean = pixSelectBySize(bin, 4, 4, 8, L_SELECT_IF_EITHER, L_SELECT_IF_GTE, NULL);
	pixDestroy(&bin);
	int hx = OCR_DPI / 20, vy = OCR_DPI / 50;
	PIX *d = clean ? pixDilateBrick(NULL, clean, hx, vy) : NULL;
	pixDestroy(&clean);
	BOXA *boxes = d ? pixConnCompBB(d, 8) : NULL;
	*table = d && table_layout(d);
	pixDestroy(&d);
	return boxes;
}

/* A chunk read unsure that holds no letter, digit or sign a plan's cell
 * uses ("-", "%", "≥", "<", ">"): a remnant of a seal or a signature (the
 * points of a seal's star read as "+" or "*"), or speckle. */
static bool stray(const char *s, int conf)
{
	if (conf >= OCR_MIN_CONF || !*s)
		return false;
	for (const unsigned char *c = (const unsigned char *)s; *c; c++)
		if (*c >= 0x80 || isalnum(*c) || strchr("-%<>=", *c))
			return false;
	return true;
}

/* A page without ruling lines, read chunk by chunk: each blot (page_blots)
 * is read by Tesseract on its own as a ruled cell is read: Tesseract's own
 * layout of a page whose table has no lines runs the columns together and
 * reads them badly (its reading of the page, read_text, still gives the
 * text around the tables). The chunks, their boxes and confidences go to
 * rd->words, for unruled_tables. */
static void page_chunks(struct reader *rd, PIX *grey, BOXA *boxes, int page)
{
	int hx = OCR_DPI / 20, vy = OCR_DPI / 50;
	int W = pixGetWidth(grey), H = pixGetHeight(grey);
	size_t from = rd->nwords;
	TessBaseAPISetPageSegMode(rd->api, PSM_SINGLE_BLOCK);
	int nb = boxes ? boxaGetCount(boxes) : 0;
	for (int i = 0; i < nb; i++) {
		int bx, by, bw, bh;
		boxaGetBoxGeometry(boxes, i, &bx, &by, &bw, &bh);
		/* A blot inside another's box (in the notch of a cell's last,
		 * shorter line) is read with it. */
		bool inside = false;
		for (int j = 0; j < nb && !inside; j++) {
			int jx, jy, jw, jh;
			boxaGetBoxGeometry(boxes, j, &jx, &jy, &jw, &jh);
			inside = j != i && jw * jh > bw * bh && bx >= jx && by >= jy &&
			         bx + bw <= jx + jw && by + bh <= jy + jh;
		}
		if (inside)
			continue;
		/* back to the ink, then a small margin */
		int x0 = bx + hx / 2 - 3, y0 = by + vy / 2 - 3;
		int x1 = bx + bw - hx / 2 + 3, y1 = by + bh - vy / 2 + 3;
		x0 = x0 < 0 ? 0 : x0, y0 = y0 < 0 ? 0 : y0;
		x1 = x1 > W ? W : x1, y1 = y1 > H ? H : y1;
		if (x1 - x0 < OCR_DPI / 40 && y1 - y0 < OCR_DPI / 40)
			continue; /* a dot */
		if (x1 - x0 > W * 9 / 10 || y1 - y0 > OCR_DPI)
			continue; /* a rule or a picture, not words */
		int conf;
		char *s = read_cell(rd->api, grey, x0, y0, x1, y1, &conf, 1, NULL);
		if (*s && conf < OCR_MIN_CONF) {
			/* unsure: read again larger, the surer reading kept (still
			 * unsure: a cell once doubted stays flagged) */
			int conf2, dig2;
			char *s2 = read_cell(rd->api, grey, x0, y0, x1, y1, &conf2, 1.5f, &dig2);
			if (conf2 > conf && *s2) {
				bool sure = agree(s, s2, conf2, dig2);
				free(s);
				s = s2;
				conf = sure || conf2 < OCR_MIN_CONF ? conf2 : OCR_MIN_CONF - 1;
			} else {
				free(s2);
			}
		}
		if (!*s && dash(grey, x0, y0, x1, y1)) {
			free(s);
			s = xstrdup("-");
			conf = 100; /* by its shape */
		}
		if (stray(s, conf)) {
			free(s);
			continue;
		}
		rd->words = xgrow(rd->words, &rd->capwords, rd->nwords + 1, sizeof *rd->words);
		rd->words[rd->nwords++] = (struct oword){.s = s,
		                                         .x0 = x0,
		                                         .y0 = y0,
		                                         .x1 = x1,
		                                         .y1 = y1,
		                                         .page = page,
		                                         .conf = (float)(conf < 0 ? 0 : conf)};
	}
	number_column(rd, grey, from);
}

static int read_page(struct reader *rd, PopplerPage *pg, int page)
{
	PIX *raw = render(pg);
	if (!raw)
		return -1;
	int turned = 0;
	PIX *grey = ocr_upright(raw, OCR_DPI, &turned);
	rd->turned = turned;
	pixDestroy(&raw);
	if (!grey)
		return -1;
	PIX *bin = pixThresholdToBinary(grey, OCR_RULE);
	PIX *hmask = NULL, *vmask = NULL;
	struct grid t[8];
	int nt = find_tables(bin, &hmask, &vmask, t, 8);
	pixDestroy(&bin);
	/* Tables in reading order. */
	for (int i = 1; i < nt; i++)
		for (int j = i; j > 0 && t[j - 1].y0 > t[j].y0; j--) {
			struct grid x = t[j];
			t[j] = t[j - 1];
			t[j - 1] = x;
		}
	/* A page without ruling whose ink is set out as a table's is also read
	 * chunk by chunk, its chunks kept for unruled_tables; the tables of the
	 * pages before it are rebuilt first, so that rows stay in page order. */
	bool chunked = false;
	BOXA *blots = nt == 0 ? page_blots(grey, &chunked) : NULL;
	if (!chunked)
		unruled_tables(rd);
	read_text(rd, grey, t, nt);
	if (chunked)
		page_chunks(rd, grey, blots, page);
	boxaDestroy(&blots);
	rd->page_top = true;
	if (nt == 0 && !chunked)
		rd->open = NO_ROW; /* a page of running text ends a table */
	TessBaseAPISetImage2(rd->api, grey);
	for (int i = 0; i < nt; i++) {
		if (i > 0)
			rd->open = NO_ROW;
		read_table(rd, grey, hmask, vmask, &t[i], page);
	}
	pixDestroy(&hmask);
	pixDestroy(&vmask);
	pixDestroy(&grey);
	return 0;
}

static int fail(struct error *err, char *msg)
{
	err_set(err, ERR_DOCUMENT, "%s", msg);
	free(msg);
	return -1;
}

static TessBaseAPI *start_tesseract(const char *lang)
{
	/* One thread: the same answer every run, and fair to the server. The
	 * OpenMP runtime comes with libtesseract when it was built with it. */
	void (*threads)(int) = (void (*)(int))dlsym(RTLD_DEFAULT, "omp_set_num_threads");
	if (threads)
		threads(1);
	TessBaseAPI *api = TessBaseAPICreate();
	if (TessBaseAPIInit3(api, NULL, lang)) {
		TessBaseAPIDelete(api);
		return NULL;
	}
	TessBaseAPISetVariable(api, "debug_file", "/dev/null");
	TessBaseAPISetVariable(api, "user_defined_dpi", "300");
	TessBaseAPISetVariable(api, "tessedit_do_invert", "0");
	TessBaseAPISetVariable(api, "preserve_interword_spaces", "0");
	TessBaseAPISetPageSegMode(api, PSM_SINGLE_BLOCK);
	return api;
}

int ocr_pdf(const char *data, size_t n, struct lines *l, struct rows *r, struct plan *p,
            struct error *err)
{
	return ocr_pdf_progress(data, n, l, r, p, NULL, NULL, err);
}

int ocr_pdf_progress(const char *data, size_t n, struct lines *l, struct rows *r, struct plan *p,
                     ocr_progress_fn fn, void *ctx, struct error *err)
{
	return ocr_pdf_layer(data, n, l, r, p, fn, ctx, NULL, 0, err);
}

int ocr_pdf_layer(const char *data, size_t n, struct lines *l, struct rows *r, struct plan *p,
                  ocr_progress_fn fn, void *ctx, const struct pword *layer, size_t nlayer,
                  struct error *err)
{
	GError *gerr = NULL;
	PopplerDocument *doc = open_pdf(data, n, &gerr);
	if (!doc) {
		g_clear_error(&gerr);
		return fail(err, xstrdup("không mở được tệp PDF (hỏng hoặc có mật khẩu): hãy "
		                         "gửi bản PDF không đặt mật khẩu"));
	}
	int np = poppler_document_get_n_pages(doc);
	if (np > OCR_MAX_PAGES) {
		g_object_unref(doc);
		return fail(err, xasprintf("bản quét có %d trang, quá %d trang đọc được một lần: "
		                           "hãy tách riêng các trang có bảng chỉ tiêu",
		                           np, OCR_MAX_PAGES));
	}
	TessBaseAPI *api = start_tesseract("vie");
	if (!api) {
		g_object_unref(doc);
		return fail(err, xstrdup("máy chủ thiếu dữ liệu tiếng Việt của Tesseract để đọc "
		                         "bản quét: hãy cài gói tesseract-ocr-vie"));
	}
	struct reader rd = {.api = api,
	                    .l = l,
	                    .r = r,
	                    .p = p,
	                    .open = NO_ROW,
	                    .layer = layer,
	                    .nlayer = nlayer};
	int rc = 0;
	for (int i = 0; i < np && !rc; i++) {
		PopplerPage *pg = poppler_document_get_page(doc, i);
		rc = pg ? read_page(&rd, pg, i + 1) : -1;
		if (pg)
			g_object_unref(pg);
		progress(fn, ctx, i + 1, np);
	}
	if (!rc)
		unruled_tables(&rd);
	free_words(&rd);
	free(rd.words);
	free(rd.header);
	free(rd.number);
	free(rd.group);
	free(rd.chunk_number);
	TessBaseAPIEnd(api);
	TessBaseAPIDelete(api);
	g_object_unref(doc);
	if (rc)
		return fail(err, xstrdup("không dựng được ảnh một trang của bản quét: hãy quét "
		                         "lại và tải lên bản PDF mới"));
	long mean = rd.nread ? rd.conf_sum / rd.nread : 0;
	if (mean < OCR_BLUR_CONF)
		return fail(err,
		            xasprintf("ảnh quét quá mờ để đọc (độ tin cậy trung bình %ld%%): "
		                      "hãy quét lại bản giấy rõ nét, ở 300 dpi, rồi tải lên lại",
		                      mean));
	if (rd.flagged)
		plan_warn(p, 0,
		          "Bản quét: %d trong %d ô đọc được có độ tin cậy dưới %d%%; hãy đối "
		          "chiếu các ô này với bản giấy",
		          rd.flagged, rd.cells, OCR_MIN_CONF);
	return 0;
}
