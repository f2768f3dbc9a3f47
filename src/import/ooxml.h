/* ooxml.h: the parts of an Office Open XML package (DOCX, XLSX) read from
 * memory within limits, and their XML parsed by expat without DTDs or
 * entities. Not for use outside src/import. */
#ifndef CHITIEU_OOXML_H
#define CHITIEU_OOXML_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"

/* A package holds at most this many entries; all parts read from it
 * together expand to at most OOXML_MAX_TOTAL bytes (counted while reading,
 * whatever the archive claims); an element nests at most OOXML_MAX_DEPTH. */
#define OOXML_MAX_ENTRIES 4096
#define OOXML_MAX_TOTAL   (64u << 20)
#define OOXML_MAX_DEPTH   256

struct ooxml;

/* True when data starts like a ZIP archive (PK\3\4). */
bool ooxml_sniff(const char *data, size_t n);

/* Open the archive data[0..n) (not copied: it must outlive the package).
 * NULL with *err a Vietnamese sentence when it is not a readable ZIP. */
struct ooxml *ooxml_open(const char *data, size_t n, struct error *err);
void ooxml_close(struct ooxml *z);

/* True when the package has an entry of this name. */
bool ooxml_has(struct ooxml *z, const char *name);

/* The bytes of entry name, NUL-terminated. NULL with *err NULL when there
 * is no such entry; NULL with *err set when it cannot be read or the
 * package's limit is passed. */
char *ooxml_read(struct ooxml *z, const char *name, size_t *len, struct error *err);

/* Callbacks get element names without their namespace ("tbl", "c") and
 * attributes as name/value pairs, names likewise local. */
struct ooxml_sax {
	void (*start)(void *ud, const char *name, const char **attr);
	void (*end)(void *ud, const char *name);
	void (*text)(void *ud, const char *s, int len);
	void *ud;
};

/* Parse xml[0..n). 0, or -1 with *err set (malformed, a DOCTYPE or entity
 * declaration, too deep). part names the entry in the message. */
int ooxml_parse(const char *xml, size_t n, const char *part, const struct ooxml_sax *sax,
                struct error *err);

/* The attribute's value (local name), or NULL. */
const char *ooxml_attr(const char **attr, const char *name);
/* An OOXML boolean attribute's value: true for "1", "true", "on". */
bool ooxml_true(const char *val);

#endif

/* ---- the readers (docx.c, xlsx.c, odf.c) and the document they build ---- */

struct buf;
struct lines;
struct rows;
struct plan;

/* What a reader builds: the document as lines (paragraphs, and each table
 * row as "| a | b |") for the metadata, and as rows for the interpreter. */
struct ooxml_doc {
	struct lines *lines;
	struct rows *rows;
	bool short_last; /* the last line was a short paragraph */
};

/* A paragraph outside any table: a line and a text row. */
void ooxml_text(struct ooxml_doc *d, const char *text);
/* A table row of n cells (each cleaned here): a line and a row, located at
 * table (1-based), its row number row and page (0 when unknown). A row with
 * a single non-empty cell is kept as a table row all the same. */
void ooxml_row(struct ooxml_doc *d, char **cells, int n, int table, int row, int page);

/* ---- a spreadsheet's sheet (xlsx.c, odf.c) ---- */

#define OOXML_MAX_COLS 64 /* columns of a table or sheet read */

/* A sheet's row: its number r, hidden by its program or not, its cells
 * cell[0..n) (an empty one NULL or ""). */
struct ooxml_srow {
	int r, n;
	bool hidden;
	char **cell;
};

/* What the sheet name's program shows of rows[0..n), without its hidden
 * rows and columns (colhid[0..OOXML_MAX_COLS)), from the first column
 * shown that holds text: a row whose only text is in that column running
 * text, any other row with text a table row (trim: without its empty cells
 * at the end) of table. Says in p's warnings what it hides that holds text
 * (its hidden rows and hid_rows more the reader left out), or that the
 * whole sheet is hidden and not read (hidden). */
void ooxml_sheet(struct ooxml_doc *d, struct plan *p, const char *name, bool hidden, int table,
                 const struct ooxml_srow *rows, size_t n, const bool *colhid, int hid_rows,
                 bool trim);

/* Hidden text a word processor does not show and the reader left out: a
 * warning in p quoting the first of n places (app: the program that hides
 * it, "Word", "LibreOffice"); nothing when n is 0. */
void ooxml_warn_hidden_text(struct plan *p, const char *app, const char *first, int n);

/* Read a ZIP document (DOCX or XLSX, told by its parts) into lines and
 * rows: the reader of import.c's table. 0, or -1 with *err. */
int ooxml_read_plan(const char *data, size_t n, struct lines *l, struct rows *r, struct plan *p,
                    struct error *err);

/* The n-th item of a list numbered in style '1' (1, 2, 3), 'I' or 'i'
 * (Roman), 'A' or 'a' (letters), appended to b; nothing for another style. */
void ooxml_count(struct buf *b, char style, int n);

int docx_read(struct ooxml *z, struct ooxml_doc *d, struct plan *p, struct error *err);
int xlsx_read(struct ooxml *z, struct ooxml_doc *d, struct plan *p, struct error *err);
/* An OpenDocument text (.odt) or spreadsheet (.ods): odf.c. */
int odf_read(struct ooxml *z, struct ooxml_doc *d, struct plan *p, struct error *err);
/* A flat OpenDocument file (.fodt, .fods: one XML document, its root
 * office:document), told by its first bytes; read as the reader of
 * import.c's table. */
bool odf_flat_sniff(const char *data, size_t n);
int odf_flat_read_plan(const char *data, size_t n, struct lines *l, struct rows *r, struct plan *p,
                       struct error *err);
