/* cfb.h: an OLE2 compound file (MS-CFB: Word 97–2003 .doc, Excel .xls)
 * read from memory within limits: its streams by name. Not for use
 * outside src/import. */
#ifndef CHITIEU_CFB_H
#define CHITIEU_CFB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"

/* All streams read from one file together come to at most CFB_MAX_TOTAL
 * bytes (counted while reading, whatever the directory claims). */
#define CFB_MAX_TOTAL (64u << 20)

struct cfb;

/* Open the compound file data[0..n) (not copied: it must outlive the
 * struct): its header, FAT (with the DIFAT), mini FAT and directory. NULL
 * with *err a Vietnamese sentence saying what is broken. */
struct cfb *cfb_open(const char *data, size_t n, struct error *err);
void cfb_close(struct cfb *c);

/* True when the root storage holds a stream of this name (ASCII). */
bool cfb_has(struct cfb *c, const char *name);

/* The bytes of the root's stream name (*len of them). NULL with *err NULL
 * when there is no such stream; NULL with *err set when its chain is
 * broken (out of the file, looping, short) or the limit is passed. */
char *cfb_read(struct cfb *c, const char *name, size_t *len, struct error *err);

struct lines;
struct rows;
struct plan;

/* The Excel 97–2003 workbook (BIFF8) of compound file c read into lines
 * and rows as xlsx.c reads an .xlsx (xls.c). 0, or -1 with *err a
 * Vietnamese sentence (an Excel 5.0/95, encrypted or broken workbook). */
int xls_read_plan(struct cfb *c, struct lines *l, struct rows *r, struct plan *p,
                  struct error *err);

/* Little-endian numbers, as compound files and their documents hold them. */
static inline uint32_t cfb_le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static inline unsigned cfb_le16(const unsigned char *p)
{
	return (unsigned)p[0] | (unsigned)p[1] << 8;
}

#endif
