/* legacy.h: the older formats (Word and Excel 97–2003, RTF) told by their
 * first bytes and read by doc.c, xls.c and rtf.c (import.c's readers).
 * Not for use outside src/import. */
#ifndef CHITIEU_LEGACY_H
#define CHITIEU_LEGACY_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"

struct lines;
struct rows;
struct plan;

/* An OLE2 compound file (Word 97–2003 .doc, Excel 97–2003 .xls). */
bool legacy_is_ole(const char *data, size_t n);
/* A Rich Text Format file ("{\rtf", after a byte order mark or spaces). */
bool legacy_is_rtf(const char *data, size_t n);

/* A Word 97–2003 document (doc.c), an Excel 97–2003 workbook (xls.c), or
 * the refusal of another compound file: the reader of import.c's table. */
int doc_read_plan(const char *data, size_t n, struct lines *l, struct rows *r, struct plan *p,
                  struct error *err);

/* A Rich Text Format document (rtf.c): the reader of import.c's table. */
int rtf_read_plan(const char *data, size_t n, struct lines *l, struct rows *r, struct plan *p,
                  struct error *err);

#endif
