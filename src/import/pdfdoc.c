/* pdfdoc.c: a PDF's text layer through poppler: every word with its box,
 * page by page, then the tables rebuilt from positions (pdfrows.c). */
#include "pdfdoc.h"

#include "util.h"

#include <cairo.h>
#include <ctype.h>
#include <math.h>
#include <poppler.h>
#include <stdlib.h>
#include <string.h>

bool pdfdoc_is_pdf(const char *data, size_t n)
{
	return n >= 5 && !memcmp(data, "%PDF-", 5);
}

void pdfwords_free(struct pdfwords *wv)
{
	for (size_t i = 0; i < wv->n; i++)
		free(wv->v[i].s);
	free(wv->v);
	*wv = (struct pdfwords){0};
}

static void push_word(struct pdfwords *wv, const char *s, size_t len, double x0, double y0,
                      double x1, double y1, int page)
{
	wv->v = xgrow(wv->v, &wv->cap, wv->n + 1, sizeof *wv->v);
	struct pword *w = &wv->v[wv->n++];
	w->s = xstrndup(s, len);
	char *o = w->s; /* a space read as none (page_words) is dropped */
	for (const char *q = w->s; *q; q++)
		if (*q != ' ')
			*o++ = *q;
	*o = '\0';
	w->x0 = x0;
	w->y0 = y0;
	w->x1 = x1;
	w->y1 = y1;
	w->page = page;
	w->line = 0;
}

/* A character's box that starts where the word so far ends (within a
 * twentieth of its height) on its line. */
static bool touching(const PopplerRectangle *r, double x1, double y0, double y1)
{
	double cx = r->x1 < r->x2 ? r->x1 : r->x2, cy = (r->y1 + r->y2) / 2;
	return fabs(cx - x1) < 0.05 * (y1 - y0) && cy > y0 && cy < y1;
}

/* A page shown turned a quarter (/Rotate 90 or 270 over content set
 * upright in its own frame: portrait pages turned sideways) gives its
 * characters' boxes as shown, each line running down or up the page.
 * When most steps between two letters of the text run down (or up), the
 * boxes are turned back into the content's frame, where lines run across.
 * TURN_STEP bounds a step between two letters (in their boxes' sizes);
 * TURN_LEAD is the share the run's direction must lead the others by. */
#define TURN_STEP 3.0
#define TURN_LEAD 2

enum { TURN_NONE, TURN_CLOCKWISE, TURN_ANTICLOCKWISE };

static int page_turn(const char *text, const PopplerRectangle *rect, guint nrect)
{
	size_t across = 0, down = 0, up = 0;
	const char *p = text;
	for (guint i = 0; i + 1 < nrect && *p; i++) {
		unsigned char c = (unsigned char)*p;
		size_t k = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
		for (size_t j = 1; j < k; j++)
			if (!p[j])
				k = j;
		unsigned char d = (unsigned char)p[k];
		p += k;
		if (c <= ' ' || d <= ' ')
			continue;
		const PopplerRectangle *a = &rect[i], *b = &rect[i + 1];
		double dx = (b->x1 + b->x2 - a->x1 - a->x2) / 2,
		       dy = (b->y1 + b->y2 - a->y1 - a->y2) / 2;
		double size = fabs(a->x2 - a->x1) + fabs(a->y2 - a->y1);
		if (fabs(dx) + fabs(dy) > TURN_STEP * size)
			continue;
		if (fabs(dx) > fabs(dy))
			across += dx > 0;
		else if (dy > 0)
			down++;
		else
			up++;
	}
	if (down > TURN_LEAD * (across + up))
		return TURN_CLOCKWISE;
	if (up > TURN_LEAD * (across + down))
		return TURN_ANTICLOCKWISE;
	return TURN_NONE;
}

/* The page's character boxes turned back into its content's frame. */
static void unturn(PopplerPage *page, int turn, PopplerRectangle *rect, guint nrect)
{
	double w, h;
	poppler_page_get_size(page, &w, &h);
	for (guint i = 0; i < nrect && turn != TURN_NONE; i++) {
		PopplerRectangle r = rect[i];
		if (turn == TURN_CLOCKWISE) /* x from y, y from the right */
			rect[i] = (PopplerRectangle){r.y1, w - r.x2, r.y2, w - r.x1};
		else /* x from the bottom, y from x */
			rect[i] = (PopplerRectangle){h - r.y2, r.x1, h - r.y1, r.x2};
	}
}

/* How the page's text is shown turned (page_turn), its text read again. */
static int shown_turn(PopplerPage *page)
{
	char *text = poppler_page_get_text(page);
	PopplerRectangle *rect = NULL;
	guint nrect = 0;
	int turn = text && poppler_page_get_text_layout(page, &rect, &nrect)
	                   ? page_turn(text, rect, nrect)
	                   : TURN_NONE;
	g_free(rect);
	g_free(text);
	return turn;
}

/* The words of one page: poppler gives one box per character of its text. */
static size_t page_words(PopplerPage *page, int no, struct pdfwords *wv)
{
	char *text = poppler_page_get_text(page);
	PopplerRectangle *rect = NULL;
	guint nrect = 0;
	size_t chars = 0;
	if (!text || !poppler_page_get_text_layout(page, &rect, &nrect)) {
		g_free(text);
		g_free(rect);
		return 0;
	}
	unturn(page, page_turn(text, rect, nrect), rect, nrect);
	const char *p = text, *start = NULL;
	double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
	for (guint i = 0; *p; i++) {
		size_t k = 1;
		unsigned char c = (unsigned char)*p;
		if (c >= 0xf0)
			k = 4;
		else if (c >= 0xe0)
			k = 3;
		else if (c >= 0xc0)
			k = 2;
		for (size_t j = 1; j < k; j++)
			if (!p[j])
				k = j;
		bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t' ||
		             (k == 2 && c == 0xc2 && (unsigned char)p[1] == 0xa0);
		bool have = i < nrect;
		/* A jump between two characters also ends a word: ahead by a
		 * space or more, back, or to another line. */
		double cx = rect[i].x1 < rect[i].x2 ? rect[i].x1 : rect[i].x2;
		double cy = (rect[i].y1 + rect[i].y2) / 2, h = y1 - y0;
		if (start && have && !space &&
		    (cx - x1 > 0.15 * h || cx < x1 - 0.3 * h || cy < y0 || cy > y1)) {
			push_word(wv, start, (size_t)(p - start), x0, y0, x1, y1, no);
			start = NULL;
		}
		/* poppler's text may put a space between two characters
		 * whose boxes touch (a word set in two fonts, its letters
		 * missing from the first): no space on the page, none read */
		if (space && start && c == ' ' && i + 1 < nrect && p[1] &&
		    !strchr(" \n\r\t", p[1]) && touching(&rect[i + 1], x1, y0, y1)) {
			p++;
			continue;
		}
		if (space || !have) {
			if (start)
				push_word(wv, start, (size_t)(p - start), x0, y0, x1, y1, no);
			start = NULL;
		} else {
			double a = rect[i].x1 < rect[i].x2 ? rect[i].x1 : rect[i].x2;
			double b = rect[i].x1 < rect[i].x2 ? rect[i].x2 : rect[i].x1;
			double t = rect[i].y1 < rect[i].y2 ? rect[i].y1 : rect[i].y2;
			double u = rect[i].y1 < rect[i].y2 ? rect[i].y2 : rect[i].y1;
			if (!start) {
				start = p;
				x0 = a, x1 = b, y0 = t, y1 = u;
			} else {
				x0 = a < x0 ? a : x0;
				x1 = b > x1 ? b : x1;
				y0 = t < y0 ? t : y0;
				y1 = u > y1 ? u : y1;
			}
			chars++;
		}
		p += k;
	}
	if (start)
		push_word(wv, start, strlen(start), x0, y0, x1, y1, no);
	g_free(rect);
	g_free(text);
	return chars;
}

/* A scanned page's text layer: the page is one image (IMAGE_COVER of it or
 * more) and its words add no ink to it (a scanner's or ocrmypdf's OCR
 * drawn invisible, render mode 3): drawn at LAYER_DPI, the page and the
 * image alone differ by LAYER_INK grey levels or more on under
 * LAYER_VISIBLE of the words' boxes' dots (typed words over a picture
 * differ on a fifth of them or more). */
#define IMAGE_COVER   0.9
#define LAYER_DPI     50
#define LAYER_INK     96
#define LAYER_VISIBLE 0.03

/* The page at LAYER_DPI as an ARGB surface, white under it; with img, that
 * image alone drawn over area (page points). */
static cairo_surface_t *draw_small(PopplerPage *page, double w, double h, cairo_surface_t *img,
                                   const PopplerRectangle *area)
{
	double k = LAYER_DPI / 72.0;
	cairo_surface_t *s =
	        cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)(w * k) + 1, (int)(h * k) + 1);
	cairo_t *cr = cairo_create(s);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, k, k);
	if (!img) {
		poppler_page_render(page, cr);
	} else {
		int iw = cairo_image_surface_get_width(img),
		    ih = cairo_image_surface_get_height(img);
		cairo_translate(cr, area->x1, area->y1);
		cairo_scale(cr, (area->x2 - area->x1) / iw, (area->y2 - area->y1) / ih);
		cairo_set_source_surface(cr, img, 0, 0);
		cairo_paint(cr);
	}
	cairo_destroy(cr);
	cairo_surface_flush(s);
	return s;
}

static int grey_at(cairo_surface_t *s, int x, int y)
{
	const unsigned char *q = cairo_image_surface_get_data(s) +
	                         (size_t)y * (size_t)cairo_image_surface_get_stride(s) +
	                         4 * (size_t)x;
	return (q[0] + q[1] + q[2]) / 3;
}

/* The words v[0..n) of page are a scan's invisible text layer. */
static bool ocr_layer(PopplerPage *page, const struct pword *v, size_t n)
{
	double w, h;
	poppler_page_get_size(page, &w, &h);
	if (!n || w < 16 || h < 16 || w > 20000 || h > 20000)
		return false;
	GList *maps = poppler_page_get_image_mapping(page);
	const PopplerImageMapping *big = NULL;
	for (GList *m = maps; m; m = m->next) {
		const PopplerImageMapping *im = m->data;
		double a = (im->area.x2 - im->area.x1) * (im->area.y2 - im->area.y1);
		if (a >= IMAGE_COVER * w * h)
			big = im;
	}
	cairo_surface_t *img = big ? poppler_page_get_image(page, big->image_id) : NULL;
	bool hidden = false;
	if (img && cairo_image_surface_get_width(img) > 0 &&
	    cairo_image_surface_get_height(img) > 0) {
		cairo_surface_t *a = draw_small(page, w, h, NULL, NULL),
		                *b = draw_small(page, w, h, img, &big->area);
		int sw = cairo_image_surface_get_width(a), sh = cairo_image_surface_get_height(a);
		double k = LAYER_DPI / 72.0;
		size_t dots = 0, differ = 0;
		for (size_t i = 0; i < n; i++)
			for (int y = (int)(v[i].y0 * k); y <= (int)(v[i].y1 * k); y++)
				for (int x = (int)(v[i].x0 * k); x <= (int)(v[i].x1 * k); x++)
					if (x >= 0 && y >= 0 && x < sw && y < sh) {
						dots++;
						differ += abs(grey_at(a, x, y) -
						              grey_at(b, x, y)) >= LAYER_INK;
					}
		hidden = dots && differ < LAYER_VISIBLE * (double)dots;
		cairo_surface_destroy(a);
		cairo_surface_destroy(b);
	}
	if (img)
		cairo_surface_destroy(img);
	poppler_page_free_image_mapping(maps);
	return hidden;
}

/* The page drawn small (GRID_DPI) as grey levels, for its rules. */
#define GRID_DPI 54
static unsigned char *draw_page(PopplerPage *page, struct gpage *g)
{
	double w, h;
	poppler_page_get_size(page, &w, &h);
	int turn = shown_turn(page); /* drawn in the frame its words are in */
	g->scale = GRID_DPI / 72.0;
	double cw = turn == TURN_NONE ? w : h, ch = turn == TURN_NONE ? h : w;
	g->w = (int)(cw * g->scale), g->h = (int)(ch * g->scale), g->stride = g->w;
	if (g->w < 16 || g->h < 16 || g->w > 5000 || g->h > 5000)
		return NULL;
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, g->w, g->h);
	cairo_t *cr = cairo_create(s);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, g->scale, g->scale);
	cairo_matrix_t m;
	if (turn == TURN_CLOCKWISE) /* as unturn: (x, y) shown is (y, w - x) */
		cairo_matrix_init(&m, 0, -1, 1, 0, 0, w);
	else if (turn == TURN_ANTICLOCKWISE) /* (h - y, x) */
		cairo_matrix_init(&m, 0, 1, -1, 0, h, 0);
	if (turn != TURN_NONE)
		cairo_transform(cr, &m);
	poppler_page_render(page, cr);
	cairo_destroy(cr);
	cairo_surface_flush(s);
	const unsigned char *d = cairo_image_surface_get_data(s);
	int stride = cairo_image_surface_get_stride(s);
	unsigned char *px = xmalloc((size_t)g->w * (size_t)g->h);
	for (int y = 0; y < g->h; y++)
		for (int x = 0; x < g->w; x++) {
			const unsigned char *q = d + (size_t)y * (size_t)stride + 4 * (size_t)x;
			px[(size_t)y * (size_t)g->w + (size_t)x] =
			        (unsigned char)((q[0] + q[1] + q[2]) / 3);
		}
	cairo_surface_destroy(s);
	g->px = px;
	return px;
}

bool pdfdoc_counter_in_cells(const struct rows *r)
{
	int pages = 0;
	for (size_t i = 0; i < r->n; i++)
		pages = r->v[i].page > pages ? r->v[i].page : pages;
	for (size_t i = 0; i < r->n; i++)
		for (int c = 0; c < r->v[i].ncell && !r->v[i].text && pages > 1; c++)
			for (const char *t = r->v[i].cell[c]; *t;
			     t += strcspn(t, " "), t += strspn(t, " ")) {
				char *e;
				long k = strtol(t, &e, 10),
				     m = *e == '/' ? strtol(e + 1, &e, 10) : 0;
				if (isdigit((unsigned char)*t) && m == pages && k >= 1 && k <= m &&
				    (!*e || *e == ' '))
					return true;
			}
	return false;
}

int pdfdoc_grid(const char *data, size_t n, const struct pdfwords *words, struct rows *rows,
                struct lines *text)
{
	GBytes *bytes = g_bytes_new(data, n);
	PopplerDocument *doc = poppler_document_new_from_bytes(bytes, NULL, NULL);
	g_bytes_unref(bytes);
	if (!doc)
		return 0;
	int pages = poppler_document_get_n_pages(doc);
	struct gpage *g = xcalloc(pages > 0 ? (size_t)pages : 1, sizeof *g);
	for (int i = 0; i < pages; i++) {
		PopplerPage *page = poppler_document_get_page(doc, i);
		if (!page)
			continue;
		draw_page(page, &g[i]);
		g_object_unref(page);
	}
	g_object_unref(doc);
	int tables = pgrid_rows(g, pages, words->v, words->n, rows, text);
	for (int i = 0; i < pages; i++)
		free((void *)g[i].px);
	free(g);
	return tables;
}

int pdfdoc_read(const char *data, size_t n, struct rows *rows, struct lines *text,
                struct error *err)
{
	struct pdfwords words = {0};
	int rc = pdfdoc_read_layout(data, n, rows, text, NULL, &words, err);
	pdfwords_free(&words);
	return rc;
}

int pdfdoc_read_layout(const char *data, size_t n, struct rows *rows, struct lines *text,
                       struct lines *layout, struct pdfwords *words, struct error *err)
{
	err_clear(err);
	GError *gerr = NULL;
	GBytes *bytes = g_bytes_new(data, n);
	PopplerDocument *doc = poppler_document_new_from_bytes(bytes, NULL, &gerr);
	g_bytes_unref(bytes);
	if (!doc) {
		bool locked = gerr && gerr->domain == POPPLER_ERROR &&
		              gerr->code == POPPLER_ERROR_ENCRYPTED;
		g_clear_error(&gerr);
		if (locked) {
			err_set(err, ERR_DOCUMENT,
			        "tệp PDF được khóa bằng mật khẩu nên không đọc được nội dung: "
			        "hãy mở tệp bằng mật khẩu, lưu (in) ra một bản PDF không đặt "
			        "mật khẩu rồi tải lên lại");
			return PDFDOC_ENCRYPTED;
		}
		err_set(err, ERR_DOCUMENT,
		        "tệp PDF bị hỏng hoặc không đúng định dạng nên không đọc được: hãy "
		        "xuất lại tệp PDF từ văn bản gốc rồi thử lại");
		return PDFDOC_BROKEN;
	}
	int pages = poppler_document_get_n_pages(doc);
	size_t chars = 0;
	int worded = 0, layered = 0; /* pages with words; of them, scans' OCR layers */
	for (int i = 0; i < pages; i++) {
		PopplerPage *page = poppler_document_get_page(doc, i);
		if (!page)
			continue;
		size_t from = words->n;
		chars += page_words(page, i, words);
		if (words->n > from) {
			worded++;
			layered += ocr_layer(page, words->v + from, words->n - from);
		}
		g_object_unref(page);
	}
	g_object_unref(doc);
	int rc = PDFDOC_OK;
	if (layered) {
		/* what the pages show is their images: read as a scan's */
		err_set(err, ERR_DOCUMENT,
		        "tệp PDF là bản quét có lớp chữ ẩn do máy quét nhận dạng (OCR): "
		        "các trang được đọc lại từ ảnh");
		rc = PDFDOC_OCR_LAYER;
	} else if (chars < 20) {
		err_set(err, ERR_DOCUMENT,
		        "tệp PDF là bản quét (chỉ có hình ảnh, không có lớp chữ) nên không "
		        "đọc được chữ trực tiếp: hãy dùng tệp PDF xuất từ văn bản gốc (Word) "
		        "hoặc nhận dạng chữ (OCR) trước");
		rc = PDFDOC_SCANNED;
	} else {
		/* the tables' reading sorts its words: a copy, the words kept
		 * in the pages' order */
		struct pword *sorted = xmalloc(words->n * sizeof *sorted);
		memcpy(sorted, words->v, words->n * sizeof *sorted);
		pdf_word_rows(sorted, words->n, rows, text);
		if (layout)
			pword_layout(sorted, words->n, layout);
		free(sorted);
	}
	return rc;
}
