/* pdfdoc.h: reading a PDF file's text layer (poppler) into rows. */
#ifndef CHITIEU_PDFDOC_H
#define CHITIEU_PDFDOC_H

#include "table.h"

#include <stdbool.h>
#include <stddef.h>

#include "error.h"

enum {
	PDFDOC_OK = 0,
	PDFDOC_BROKEN = -1,    /* not a PDF poppler can open */
	PDFDOC_ENCRYPTED = -2, /* needs a password */
	PDFDOC_SCANNED = -3,   /* no text layer: images only, for OCR */
	PDFDOC_OCR_LAYER = -4, /* every page with words a scanned image under an
	                          invisible OCR text layer: for our OCR too */
};

/* A PDF's words, page by page in the order poppler gives them. */
struct pdfwords {
	struct pword *v;
	size_t n, cap;
};
void pdfwords_free(struct pdfwords *w);

/* The bytes start as a PDF file does ("%PDF-"). */
bool pdfdoc_is_pdf(const char *data, size_t n);

/* The tables of the PDF data[0..n) as rows (header rows first, text lines
 * as text rows) and its lines outside tables into text. Returns PDFDOC_OK,
 * or one of the codes above with *err a one-sentence Vietnamese reason
 * and what to do (the caller frees). PDFDOC_SCANNED and PDFDOC_OCR_LAYER are
 * the OCR's turn. */
int pdfdoc_read(const char *data, size_t n, struct rows *rows, struct lines *text,
                struct error *err);
/* The same, and, when layout is not NULL, the pages' words laid out as
 * text with spaces (pdflayout.c) into layout; the pages' words (for
 * pdfdoc_grid) added to *words, which the caller frees (pdfwords_free),
 * whatever the result. */
int pdfdoc_read_layout(const char *data, size_t n, struct rows *rows, struct lines *text,
                       struct lines *layout, struct pdfwords *words, struct error *err);

/* The tables drawn with borders around their cells (pdfgrid.c), the page
 * drawn small to find the borders, words (pdfdoc_read_layout's of the
 * same data) placed in their cells: rows and text as pdfdoc_read. Returns
 * the tables found (0: none, or not a PDF poppler opens). */
int pdfdoc_grid(const char *data, size_t n, const struct pdfwords *words, struct rows *rows,
                struct lines *text);

/* A table cell of rows (pdfdoc_read's) holding a page's counter ("2/3",
 * the last figure the pages' count: a browser's page footer read into
 * the table's row the page break cut). */
bool pdfdoc_counter_in_cells(const struct rows *r);

#endif
