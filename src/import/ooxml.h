/* ooxml.h: the parts of an Office Open XML package (DOCX, XLSX) read from
 * memory within limits, and their XML parsed by expat without DTDs or
 * entities. Not for use outside src/import. */
#ifndef CHITIEU_OOXML_H
#define CHITIEU_OOXML_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

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

#define OOXML_MAX_COLS 64 /* columns of a table or sheet read */

/* ---- a word processor's table row on its table's grid (docx.c, doc.c) ---- */

enum ooxml_vmerge { OOXML_VM_NONE, OOXML_VM_RESTART, OOXML_VM_CONTINUE };

/* The cells of the row being read, as they lie on the table's grid: a
 * cell spanning k grid columns is its text then k-1 empty cells; an empty
 * cell continuing a vertical merge has the text of the cell that started
 * it (above: per grid column, the text of the merge going on). */
struct ooxml_grid {
	char *cell[OOXML_MAX_COLS];
	int n;
	char *above[OOXML_MAX_COLS];
	bool too_many; /* a row had more cells than OOXML_MAX_COLS */
};

/* k empty cells (the grid columns before a row's first cell). */
void ooxml_grid_empty(struct ooxml_grid *g, int k);
/* The row's next cell: text over span grid columns, merged as vm says. */
void ooxml_grid_cell(struct ooxml_grid *g, const char *text, int span, enum ooxml_vmerge vm);
/* The row out (ooxml_row) and its cells forgotten, the merges kept. */
void ooxml_grid_row(struct ooxml_doc *d, struct ooxml_grid *g, int table, int row, int page);
/* The row's cells forgotten (a row left open). */
void ooxml_grid_clear_row(struct ooxml_grid *g);
/* A new table: the row's cells and the merges forgotten. */
void ooxml_grid_reset(struct ooxml_grid *g);
/* A table row as a word processor keeps it (doc.c, rtf.c): its cells'
 * texts cell[0..n), and for ncell of them their edges (edge[0] the row's
 * left, edge[i+1] cell i's right), whether merged into the cell before it
 * and their vertical merges. */
struct ooxml_trow {
	char **cell;
	int n, ncell;
	int32_t edge[OOXML_MAX_COLS + 1];
	bool hmerged[OOXML_MAX_COLS];
	enum ooxml_vmerge vm[OOXML_MAX_COLS];
};
/* A table's rows[0..n) out on its grid (every edge of their cells, each
 * once: a cell over the grid columns between its edges, a cell merged
 * into the one before it empty), numbered from *done + 1; their cells
 * freed. True when a row had more cells than OOXML_MAX_COLS. */
bool ooxml_table_rows(struct ooxml_doc *d, struct ooxml_trow *rows, size_t n, int table, int *done);
/* rows[0..n)'s cells and rows freed. */
void ooxml_trows_free(struct ooxml_trow *rows, size_t n);
/* A paragraph's text appended to a cell's (b) as lines, those of no text
 * left out. */
void ooxml_cell_lines(struct buf *b, const char *text);
/* The warning that a table nested in a cell was read into that cell. */
void ooxml_warn_nested(struct plan *p);
/* The refusal of a Word document without a table (ERR_DOCUMENT): -1. */
int ooxml_no_table(struct error *err);
/* The warning that a table's row had more cells than OOXML_MAX_COLS. */
void ooxml_warn_columns(struct plan *p);

/* ---- list numbering (docx.c, doc.c) ---- */

#define OOXML_MAX_LISTS  1024 /* lists (and their instances) kept */
#define OOXML_MAX_LEVELS 9

enum ooxml_fmt {
	OOXML_F_NONE,
	OOXML_F_DECIMAL,
	OOXML_F_UPPER_ROMAN,
	OOXML_F_LOWER_ROMAN,
	OOXML_F_UPPER_LETTER,
	OOXML_F_LOWER_LETTER,
	OOXML_F_BULLET,
	OOXML_F_OTHER /* a style not written out */
};

/* A level of a list: its number's style, first number, and text ("%1.",
 * "%1.%2": %k the number of level k). */
struct ooxml_level {
	enum ooxml_fmt fmt;
	int start;
	char text[32];
};

/* A list (Word's abstract numbering, a .doc's LSTF) and an instance of it
 * (w:num, a .doc's LFO) that paragraphs name and whose items are counted. */
struct ooxml_list {
	int id;
	struct ooxml_level lvl[OOXML_MAX_LEVELS];
};
struct ooxml_num {
	int id, list;
	int count[OOXML_MAX_LEVELS];
};
struct ooxml_numbering {
	struct ooxml_list list[OOXML_MAX_LISTS];
	int nlist;
	struct ooxml_num num[OOXML_MAX_LISTS];
	int nnum;
};

/* A new list of this id, its levels decimal from 1 with no text; NULL when
 * there are too many. */
struct ooxml_list *ooxml_list_add(struct ooxml_numbering *nb, int id);
/* A new instance of list (its id) named id; NULL when too many. */
struct ooxml_num *ooxml_num_add(struct ooxml_numbering *nb, int id, int list);
/* The label of the next item of instance num at level ilvl ("1.", "II.",
 * "-" for a bullet), counting it; NULL when the list is unknown or its
 * style not one written out. */
char *ooxml_number_label(struct ooxml_numbering *nb, int num, int ilvl);

/* ---- a spreadsheet's sheet (xlsx.c, odf.c) ---- */

/* A sheet's row: its number r, hidden by its program or not, its cells
 * cell[0..n) (an empty one NULL or ""). */
struct ooxml_srow {
	int r, n;
	bool hidden;
	char **cell;
};

/* A merged range of a sheet: rows r1..r2 (their numbers), columns
 * c1..c2 (0-based). */
struct ooxml_merge {
	int r1, c1, r2, c2;
};

/* rows[0..n) sorted by row number, and the rows below the first of each
 * merged range given their text in its first column, as a spreadsheet
 * shows a group's lead agency merged down (xlsx.c; xls.c). Within limits. */
void ooxml_merge_rows(struct ooxml_srow *rows, size_t n, const struct ooxml_merge *merges,
                      size_t nmerge);
/* rows[0..n) freed, their OOXML_MAX_COLS cells each and the array. */
void ooxml_srows_free(struct ooxml_srow *rows, size_t n);

/* ---- a spreadsheet's number formats (xlsx.c; xls.c reads them too) ---- */

/* The number formats (by id: built-ins and the codes the file defines) and
 * the cell formats (XF, by index) of a workbook. */
struct ooxml_styles;
struct ooxml_styles *ooxml_styles_new(void);
void ooxml_styles_free(struct ooxml_styles *st);
/* Number format id's code: kept when it shows numbers otherwise than as
 * written (a percentage, a date, zeros: "00"); formats past the limit
 * are dropped. */
void ooxml_styles_format(struct ooxml_styles *st, int id, const char *code);
/* The next cell format: its number format id (-1: none given). Define the
 * formats first. */
void ooxml_styles_xf(struct ooxml_styles *st, int fmt);
/* A number cell's value v ("70", "0.7", "1.5E-2") as the sheet shows it
 * in Vietnamese with cell format style (an index; out of range: general):
 * "0,7", "95%", "03", a date "31/12/2025" (its serial counted from 1904
 * when date1904). Caller frees. */
char *ooxml_show_number(const struct ooxml_styles *st, int style, const char *v, bool date1904);
/* How a spreadsheet shows a boolean cell. */
#define OOXML_TRUE  "TRUE"
#define OOXML_FALSE "FALSE"

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

/* Fonts whose characters are not their Unicode selves: the font a run
 * names (NULL: none), OOXML_SYM_NONE for any other. Symbol and Wingdings
 * show signs (ooxml_symbol_char); the Vietnamese fonts of before Unicode
 * (TCVN3 ".VnTime", its capitals ".VnTimeH", VNI "VNI-Times") show a
 * byte's letter of their own table (encoding_font_text). */
enum ooxml_symfont {
	OOXML_SYM_NONE,
	OOXML_SYM_SYMBOL,
	OOXML_SYM_WINGDINGS,
	OOXML_SYM_TCVN3,
	OOXML_SYM_TCVN3_CAPS,
	OOXML_SYM_VNI
};
enum ooxml_symfont ooxml_symbol_font(const char *name);
/* True for Symbol and Wingdings (not the fonts of before Unicode). */
bool ooxml_symbol_signs(enum ooxml_symfont f);

/* Text of runs in a font of before Unicode held until something else is
 * written where it goes (a VNI letter's mark may be in the next run), then
 * written as the font shows it. */
struct ooxml_held {
	struct buf *to;
	enum ooxml_symfont font;
	char *text;
	size_t len, cap;
};
/* s[0..n) of a run in font f (one of the fonts of before Unicode) bound for to. */
void ooxml_held_put(struct ooxml_held *h, struct buf *to, enum ooxml_symfont f, const char *s,
                    size_t n);
/* What is held written out (before anything else is written to its buffer). */
void ooxml_held_flush(struct ooxml_held *h);
void ooxml_held_free(struct ooxml_held *h);
/* The Unicode character a font's code shows (codes F020-F0FF as Word
 * writes them, or 20-FF): the Symbol font's Greek letters and signs, the
 * Wingdings check marks; any other code of those fonts as U+FFFD, a
 * character the reader cannot take for a figure. */
int32_t ooxml_symbol_char(enum ooxml_symfont f, unsigned code);

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
