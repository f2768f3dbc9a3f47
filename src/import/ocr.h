/* ocr.h: a scanned plan (a PDF of page images, no text layer) read with
 * Tesseract: the ruled tables cell by cell, the text around them line by
 * line, and every cell read with low confidence flagged for review. */
#ifndef CHITIEU_OCR_H
#define CHITIEU_OCR_H

#include "plan.h"
#include "table.h"

#include <stdbool.h>
#include <stddef.h>

#include "error.h"

/* A cell with a word read under this confidence (Tesseract's 0-100) is
 * flagged for review. Measured on scans of plans 000, 004 and 001 (831
 * target cells, tests/tools/make-scans.sh): wrong cells left unflagged were
 * 6 at 70, 5 at 75, 4 at 80 (3 once "=" is flagged too, each a word misread
 * at 89-97 %), for 54 + 105 flags at 75 and 65 + 134 at 80 on 000 and 004.
 * The lowest word, not the cell's mean: "phát" read as "T" at 0 % beside three words at 96 %
 * averages 72. */
#define OCR_MIN_CONF 80

/* A cell read under OCR_MIN_CONF is read again larger; when both readings
 * give the same digits and the second reads a figure at OCR_AGREE_CONF or
 * more, each digit at OCR_AGREE_DIGIT or more, the cell is trusted.
 * Measured on the ruled scans of plans 000 and 004: the one wrong figure
 * both readings agreed on ("90" for "50") was read again at 84 %; right
 * ones at 90-96 %, their digits at 97-99 %. */
#define OCR_AGREE_CONF  90
#define OCR_AGREE_DIGIT 95

/* A PDF (by its first bytes) whose pages carry no text at all: a scan. */
bool ocr_is_scan(const char *data, size_t n);

/* Called after each page is read (page from 1, of npages). */
typedef void (*ocr_progress_fn)(void *ctx, int page, int npages);

/* Report progress to fn from now on (NULL: a line on stderr when stderr is
 * a terminal, "Đang nhận dạng trang 2/6…"). */
void ocr_set_progress(ocr_progress_fn fn, void *ctx);

/* Read the scan data[0..n) into l (the recognised document as lines, each
 * table row as a "| a | b |" line) and r (the tables' rows, whose line
 * numbers are lines of l; the text outside tables as text rows). Flagged
 * cells go into p->warn at their row's line. Returns 0, or -1 with *err one
 * Vietnamese sentence the caller frees (unreadable PDF, no Vietnamese data,
 * an image too blurred to read). */
int ocr_pdf(const char *data, size_t n, struct lines *l, struct rows *r, struct plan *p,
            struct error *err);

/* The same, telling fn (when not NULL, instead of the hook set above) of
 * each page read. */
int ocr_pdf_progress(const char *data, size_t n, struct lines *l, struct rows *r, struct plan *p,
                     ocr_progress_fn fn, void *ctx, struct error *err);

/* The same for a scan that came with a scanner's invisible OCR text layer,
 * its words layer[0..nlayer) (pdfdoc.c's, in points, pages from 0): a
 * target cell whose figure the layer reads with other digits is flagged,
 * however sure Tesseract was (two readings of one image that disagree). */
int ocr_pdf_layer(const char *data, size_t n, struct lines *l, struct rows *r, struct plan *p,
                  ocr_progress_fn fn, void *ctx, const struct pword *layer, size_t nlayer,
                  struct error *err);

/* A table row's number misread by OCR ("IL1", "l.2", "II,3", "I2"), given
 * the last row number read (NULL or "" for the first row) and how many
 * numbered rows came since whose number could not be read: the number it
 * must be, when one of the numbers that can follow last reads the same
 * once the glyphs OCR confuses (I l L | 1 ! and . , :) are taken as one,
 * with or without its dots ("2:2" after "2.1" is "2.2"); NULL when read
 * is already a number ("II.1", "12", "III"; but "11" after "1." is "1.1",
 * the dot lost) or matches none. The caller frees. */
char *ocr_fix_number(const char *read, const char *last, int skipped);

/* read has the shape of a row number: "II.1", "III", "12". */
bool ocr_number_shaped(const char *s);

#endif
