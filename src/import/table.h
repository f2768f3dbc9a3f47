/* table.h: what the layouts share inside the importer: a document as lines,
 * rows of cells with their line numbers, and the interpreter that turns rows
 * into groups, indicators and tasks. Not for use outside src/import. */
#ifndef CHITIEU_TABLE_H
#define CHITIEU_TABLE_H

#include "plan.h"

#include <stdbool.h>
#include <stddef.h>

struct lines {
	char **v; /* NUL-terminated, without the newline; v[i] is line i + 1 */
	size_t n, cap;
};

struct row {
	char **cell; /* cleaned cell texts */
	int ncell;
	int first, last; /* line numbers, 1-based */
	bool text;       /* a line outside any table: one cell */
	int table, page; /* where a document reader found it: table number */
	int tabrow;      /* and row in that table (1-based), page; 0 unknown */
	/* Text laid out with spaces: the cells whose reading is a guess,
	 * a bit per column (pdfrows.c row_doubt). */
	unsigned long doubt;
	/* Tables rebuilt from placed words: the empty cells that may be a
	 * neighbour row's merged cell (pdfrows.c merged_doubt). */
	unsigned long merged;
	/* A PDF's table without ruling lines: the cells whose lines ran on
	 * across the gap between this row and the next or the one before
	 * (a cell merged over both rows, centred between them), given to
	 * both whole (pdfrows.c straddles). */
	unsigned long straddle;
	/* The cells given to this row from a cell centred on a run of rows
	 * that may be the row below's or above's own (pdfrows.c
	 * spread_column). */
	unsigned long spread;
	/* Text laid out with spaces: the cells of year columns whose headers
	 * were packed a space apart, in a row filling some of them only
	 * (pdfrows.c emit_row). */
	unsigned long yearpack;
	/* Cells the reader left out of a row of data it could not rebuild
	 * (celltext.c, named in a warning): an indicator kept with its number
	 * and name, never a group's heading for having no figures. */
	bool dropped;
	/* A cell's own lines as its author broke them (a document reader's
	 * <br>, <w:br/>, paragraphs, a newline in a sheet's cell), '\n'
	 * between them, where cell[i] joins them with spaces; NULL (or
	 * lines NULL) for a cell of one line (row_add_lines, row_lines). */
	char **lines;
	/* A text rendering that writes a cell merged over rows once, in its
	 * first row, the rows under it empty ('|' rows, rows.c): an empty
	 * cell may be a merged one's (interpret.c merged_above). */
	bool lossy;
};

struct rows {
	struct row *v;
	size_t n, cap;
};

void lines_free(struct lines *l);
void rows_free(struct rows *r);
struct row *rows_add(struct rows *r, int line);
void row_add_cell(struct row *row, const char *text, size_t len);
/* Each of s's lines ('\n') cleaned, the empty ones left out, joined by
 * '\n'. Caller frees. */
char *clean_lines(const char *s);
/* A cell whose text keeps its author's line breaks as '\n': cleaned as
 * row_add_cell does, its lines kept beside it (row.lines). */
void row_add_lines(struct row *row, const char *text, size_t len);
/* Cell i's own lines when it has more than one and its text is still
 * theirs, else NULL. */
const char *row_lines(const struct row *row, int i);
/* Whether cell is lines with spaces for their '\n's. */
bool lines_match(const char *lines, const char *cell);
/* The cells[0..n) of a row the page break cut, each not empty added to
 * row's cell of its column, after a space when that is not empty (row has
 * n cells at least). */
void row_join_cells(struct row *row, char *const *cells, int n);

/* A table drawn with rules ("┌──┬──┐ │ a │ b │", "+----+ | a |") whose top
 * rule is line i + 1: its rows (table number table) added to out, *end its
 * closing rule's index; false when line i starts no such table. */
bool ruled_rows(const struct lines *l, size_t i, struct rows *out, int table, size_t *end);

/* A table laid out with spaces between dashed rules ("----- -----") at
 * line i + 1: as ruled_rows. */
bool dashed_rows(const struct lines *l, size_t i, struct rows *out, int table, size_t *end);

/* A page's layout table drawn in text: its lines replaced, in place, by
 * the text of its widest column, so the document inside reads as text. */
void ruled_unframe(struct lines *l);

/* Markdown ('|') and tab-separated lines as rows; other lines as text rows. */
void rows_from_lines(const struct lines *l, struct rows *out);

/* Text pulled from a PDF table: rebuild rows (header first) from cells that
 * were wrapped over lines. Returns false when no table header is found. */
bool pdf_rows(const struct lines *l, struct rows *out, struct plan *p);

/* No table at all: targets as a numbered list "(1) ...; (2) ..." in the
 * body (body.c). Returns true when it found indicators. */
bool body_targets(const struct lines *l, struct plan *p);
/* No table nor "(n)" list: targets as the lines of a list under "Mục tiêu
 * cụ thể" ("- …", "+ …", "• …", "1) …", "a. …"), under milestone headings
 * ("a) Đến năm 2025") or field headings ("Về hạ tầng số:", groups), a line
 * naming its own years ("đạt 50% vào năm 2027 và 80% vào năm 2030") one
 * target for each (body.c). Returns true when it found indicators. */
bool body_lists(const struct lines *l, struct plan *p);
void body_beside_table(const struct lines *l, struct plan *p);
/* An indicator's sentence holding its target ("Tỷ lệ ... đạt tối thiểu
 * 90%", "Kinh tế số chiếm 20% GRDP"): its name up to the comparison, "%"
 * as unit when the number has one, the target's words; false when the
 * sentence has no comparison and number. The strings are the caller's. */
bool body_sentence(const char *item, char **name, char **unit, char **target);
/* The last milestone s names ("đến năm 2030", "giai đoạn 2026-2030"), or 0. */
int body_year(const char *s);
/* The counted noun after a count target's figure ("05 doanh nghiệp"): one
 * to three words with no figure, its first letter a capital; NULL
 * otherwise. Caller frees. */
char *body_count_unit(const char *target);

/* A word placed on a page: PDF points, y down; or, for text laid out with
 * spaces, character columns and line numbers. */
struct pword {
	char *s;
	double x0, y0, x1, y1;
	int page; /* 0-based */
	int line; /* line number to report, or 0 to number the lines found */
};

/* Tables rebuilt from placed words (sorted in place): rows, header rows
 * first, with text lines outside tables as text rows; those lines are
 * also added to text when it is not NULL. Returns whether a table header
 * was found. */
bool pword_rows(struct pword *w, size_t n, struct rows *out, struct lines *text);
/* The same for a PDF's text layer, whose words are placed exactly as set
 * (pword_rows is for OCR's words). */
bool pdf_word_rows(struct pword *w, size_t n, struct rows *out, struct lines *text);

/* A PDF's words laid out as text the way pdftotext -layout writes its
 * pages (pdflayout.c): a line per baseline, each word at the column its x
 * gives over the page's character width; a page after the first starts
 * with a form feed. The lines are added to out. */
void pword_layout(const struct pword *w, size_t n, struct lines *out);

/* A page drawn as an 8-bit grey image: scale pixels to a PDF point. */
struct gpage {
	const unsigned char *px;
	int w, h, stride;
	double scale;
};
/* The tables of pages[0..np) drawn with borders around their cells, the
 * words w[0..n) (sorted by page) placed in the cells, as rows: header rows
 * first, the words outside tables as text rows, every row's text a line of
 * text (pdfgrid.c). Returns the tables found. */
int pgrid_rows(const struct gpage *pages, int np, const struct pword *w, size_t n, struct rows *out,
               struct lines *text);
/* Line s of page p (0-based) without its page's number at its end
 * ("Trang 2", "- 2 -", "2/5"), nor the spaces and dashes around it. */
char *pdf_without_page_no(const char *s, int p);

/* The cells of rows from placed words whose reading is a guess (row.doubt,
 * row.merged) as warnings in p. */
void pword_flag(const struct rows *r, struct plan *p);

/* Text laid out with spaces (pdftotext -layout) as rows by the same rules.
 * Returns false, with out untouched, when no table header is found; else
 * each cell whose reading is a guess is flagged in p (when not NULL). */
bool layout_rows(const struct lines *l, struct rows *out, struct plan *p);
/* Rows read by layout_rows held against what their columns hold: a
 * header cell "tính" read as "Đơn vị tính"; cells whose reading the row's
 * words put in doubt (a target holding an agency's name, a name cut at a
 * column's bound, two cells' words in one) named in warnings in p
 * (layoutcheck.c). */
void layout_check(struct rows *r, struct plan *p);

/* Text laid out with spaces whose table rows ran past the page's right
 * edge and were wrapped back to its left margin (a text file's long rows
 * printed, then pdftotext -layout): the columns its spaces give are not
 * the table's. The first such line (1-based) when more than one, and more
 * than one for ten of the rows read; else 0. */
int layout_wrapped(const struct lines *l, size_t rows);

/* Plain text of a PDF table without its layout (pdftotext without
 * -layout): the header's words on a line, each row's cells run together
 * and wrapped (plainrows.c). Returns whether a table's rows were found;
 * warnings about cells it had to guess go into p. */
bool plain_rows(const struct lines *l, struct rows *out, struct plan *p);

/* The same text where pdftotext wrote the table as blocks per column ("STT"
 * alone, then blank lines between cells, or the rows' numbers one a line):
 * rows cannot be rebuilt. True,
 * with *line the header's line, when l looks like that. */
bool plain_blocks(const struct lines *l, int *line);

/* Text of the same kind where pdftotext wrote the cells as blocks per
 * column (plainblocks.c): the rows whose cells can be put back without a
 * doubt, header first; the others are left out and named, page by page, in
 * a warning in p. Returns whether any indicator's row was rebuilt;
 * *fragment: the header's line of the first table read whole in too small
 * a part of its rows (fewer than half the rows left out), else 0: the
 * reading is then no answer. */
bool plain_block_rows(const struct lines *l, struct rows *out, struct plan *p, int *fragment);

/* Text of the same kind under a header of any columns (TT | Chỉ tiêu |
 * Chủ trì, "Kết quả", "Mục tiêu", a task table), its rows' cells one
 * block after another, milestones or groups as rows of a number and a
 * name (plainblocks.c): the rows whose cells fit the columns one way only;
 * the others keep their number and name, named in a warning in p. Returns
 * whether any row was read; *fragment as plain_block_rows's. */
bool plain_block_cells(const struct lines *l, struct rows *out, struct plan *p, int *fragment);

/* plainrows.c's vocabulary, for plainblocks.c: a line of header words, a
 * unit as plans write it, a text that starts with an agency's name. */
bool plain_header_line(const char *s);
bool plain_unit(const char *s);
/* The same, in any case ("điểm", "doanh nghiệp" in a name's brackets). */
bool plain_unit_folded(const char *s);
bool plain_agency(const char *s);
/* A row's text as words, a lone comparison joined to the figure after it
 * ("≥ 80"); the words joined back with spaces, [from, to). */
#define PLAIN_MAXTOKS 4096
struct toks {
	char *v[PLAIN_MAXTOKS];
	int n;
};
void plain_tokenize(const char *s, struct toks *t);
void plain_toks_free(struct toks *t);
char *plain_join(const struct toks *t, int from, int to);
/* A header's row of column numbers ("(1) (2) (3)", "1 2 3 4"): three or
 * more, counting up from 1; no table row. */
bool plain_column_numbers(const char *s);
/* A page number alone ("3", "Trang 3", "3/12"). */
bool plain_page_number(const char *s);
/* A line a browser prints in a page's margin: the page's address and its
 * number ("file:///…/ke-hoach.html    1/3", "https://…"), or the date and
 * time it was printed and the page's title ("12/2/26, 12:31 PM   Kế hoạch …"). */
bool plain_print_margin(const char *s);

/* What a header cell names, for a reader that must tell a table's columns
 * apart before it has rows (celltext.c): the interpreter's own reading. */
enum head_kind {
	HEAD_NONE,
	HEAD_STT,
	HEAD_NAME,
	HEAD_UNIT,
	HEAD_VALUE, /* a target, baseline or milestone's column */
	HEAD_YEAR,  /* a year alone ("2030", "Năm 2030") */
	HEAD_AGENCY,
	HEAD_DEADLINE,
	HEAD_NOTE,
};
enum head_kind header_cell_kind(const char *cell);
/* The words a header is made of (headwords.c): the column folded word
 * f[0..n) most often names ("tieu": HEAD_NAME), HEAD_NONE for no header
 * word. header_word: the same for a whole folded word. */
enum head_kind header_word_kind(const char *f, size_t n);
bool header_word(const char *f);
/* A header word of text laid out with spaces alone (pdfrows.c's -layout). */
bool header_layout_word(const char *f, size_t n);
/* "STT", "TT": the number column's own header word, folded (f) or not (s). */
bool header_number_word(const char *f);
bool header_number(const char *s);
/* A word the number column's header cell may hold ("Số", "TT", "Số thứ tự"). */
bool header_number_cell(const char *s);

/* Text with each cell of a table on its own line (a word processor's
 * "save as text"): rows rebuilt from the header's cells (celltext.c).
 * Returns whether a table's rows were found; rows it could not rebuild
 * are named in warnings in p. */
bool celltext_rows(const struct lines *l, struct rows *out, struct plan *p);
/* The line (from 1) of the first header written a cell a line, or 0. */
int celltext_header_line(const struct lines *l);

/* A row's number alone ("3", "3)", "(3)": 2; "II", "B": 3; "I.2": 4;
 * "a)": 5; "-": 1; else 0), *v its ordinal (celltext.c). */
int celltext_row_number(const char *s, int *v);

/* A cell's lines ('\n' between) under a column of a lead and its
 * partners, by their shape: the first line the lead, each further line
 * starting an agency's name a partner (when the first does too), a line
 * going on the one before (in lower case, after a hyphen or a joining
 * word) joined to it. Returns 1 split, 0 one name, -1 not known (a line
 * in capitals starting no agency's name): then *lead is the lines joined
 * by spaces, *partners NULL. Caller frees. */
int celltext_agency_lines(const char *lines, char **lead, char **partners);

/* Tab-separated rows as Word or a browser gives them: a header's cell
 * merged over the year columns of the row under it widened to them, an
 * agency's cell merged over rows filled in the rows under it, named in a
 * warning in p (celltext.c). */
void celltext_mend_rows(const struct lines *l, struct rows *r, struct plan *p);

/* Interpret rows into p. Returns the number of tables found. */
int interpret_rows(const struct rows *r, struct plan *p);

/* Number, date, issuer and title of the plan from its text. */
void meta_read(const struct lines *l, struct plan *p);

/* Parse a deadline ("Hoàn thành trong tháng 5/2025", "trước tháng 12/2025",
 * "trong năm 2025"); returns false when none is stated. */
bool task_due(const char *timeframe, int *year, int *month);
bool task_recurring(const char *timeframe);

#endif
