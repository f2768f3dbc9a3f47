/* rtf.c: Rich Text Format files (Word's and WordPad's "Rich Text Format",
 * LibreOffice's "Rich Text") read into the document docx.c and doc.c
 * build. A tokenizer reads groups, control words (with their numeric
 * parameters) and control symbols within bounds (how deep groups nest, how
 * big the file is); a file cut short or whose braces do not balance is
 * refused saying at which byte. Text is \'hh bytes in the code page of the
 * run's font (\fcharset) or of the document (\ansicpg: Windows-1252 and
 * 1258 read; another refused when a byte of it is met) and \uN characters
 * (their \ucN fallbacks skipped, surrogate pairs joined); characters of a
 * run in the Symbol or Wingdings font are read as docx.c reads them.
 * Destinations that are not the body (the font, colour and style tables,
 * document information, pictures, objects, headers and footers, footnotes,
 * field codes, \*-marked ones not known) are skipped; a field keeps its
 * result; \listtext and \pntext, the list number as written out, are kept;
 * hidden (\v) text is left out and said by a warning, deleted text of a
 * tracked change (\deleted) left out. A table row is its cells (\cell) and
 * its definition (\trowd: the cells' right edges \cellxN, merges across
 * \clmgf/\clmrg and down \clvmgf/\clvmrg), laid on the table's grid as
 * doc.c lays a .doc's (ooxml_table_rows). A table nested in a cell
 * (\itapN, \nestcell, \nestrow, \nesttableprops) is read into that cell,
 * with a warning. */
#include "encoding.h"
#include "legacy.h"
#include "ooxml.h"
#include "plan.h"
#include "table.h"
#include "text.h"
#include "util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define RTF_MAX_SIZE   (64u << 20)          /* bytes of a file read */
#define RTF_MAX_DEPTH  512                  /* groups nested */
#define RTF_MAX_WORD   32                   /* letters of a control word kept */
#define RTF_MAX_DIGITS 10                   /* digits of a parameter read */
#define RTF_MAX_FONTS  4096                 /* font numbers known (\fN below it) */
#define RTF_MAX_UC     64                   /* fallback characters after a \uN */
#define RTF_MAX_CELLS  (4 * OOXML_MAX_COLS) /* cells of a row kept */
#define MAX_TABLE_ROWS 100000               /* rows kept before they are laid out */
#define FONT_NAME      64

/* Code pages a font or the document names; CP_DOC: the document's. */
enum { CP_DOC = 0, CP_1252 = 1252, CP_1258 = 1258, CP_SYMBOL = 42 };

struct font {
	int cp;
	enum ooxml_symfont sym;
};

/* What a group holds and the character formatting in it: each group's own,
 * back as it was when the group ends. */
struct state {
	bool skip;      /* a destination not read */
	bool fonttbl;   /* the font table */
	bool upr;       /* \upr: its groups skipped but for its \ud */
	bool upr_child; /* a group of a \upr */
	bool nestprops; /* \nesttableprops: a nested row's definition */
	bool hidden, deleted;
	int font, uc;
	bool intbl; /* paragraph properties: in a table */
	int itap;   /* how deep (-1: not given) */
};

/* The definition of the row read (\trowd ... \cellxN). */
struct rowdef {
	int ncell;
	int32_t edge[OOXML_MAX_COLS + 1];
	bool hmerged[OOXML_MAX_COLS];
	enum ooxml_vmerge vm[OOXML_MAX_COLS];
	bool next_merged;
	enum ooxml_vmerge next_vm;
};

enum fault { F_NONE, F_TRUNCATED, F_UNBALANCED, F_DEEP, F_BIG, F_CODEPAGE };

struct rtf {
	const unsigned char *s;
	size_t n, at;
	struct state *st; /* st[0..depth] */
	int depth;
	bool star;    /* the next control word follows \* */
	int fallback; /* \uN fallback characters still to skip */
	unsigned hi;  /* a high surrogate waiting for its low one */
	int cp, deff; /* the document's code page, default font */
	struct font *fonts;
	int fdef; /* the font the font table defines */
	char fname[FONT_NAME];
	size_t nfname;
	/* the document */
	struct ooxml_doc *doc;
	struct plan *p;
	struct buf para, hid;
	struct ooxml_held held; /* text in a font of before Unicode */
	int nhid;
	char *hid_first;
	struct rowdef def;
	struct ooxml_trow *rows;
	size_t nrows, cap_rows;
	char **cells;
	int ncells;
	size_t cap_cells;
	struct buf cell;
	int table, done, serial, nested;
	bool too_many;
	enum fault fault;
	size_t fault_at;
	int fault_cp;
};

/* ---- the fonts ---- */

static int charset_cp(long cs)
{
	switch (cs) {
	case 0:
		return CP_1252;
	case 1:
		return CP_DOC;
	case 2:
		return CP_SYMBOL;
	case 163:
		return CP_1258;
	case 77:
		return 10000;
	case 128:
		return 932;
	case 129:
		return 949;
	case 134:
		return 936;
	case 136:
		return 950;
	case 161:
		return 1253;
	case 162:
		return 1254;
	case 177:
		return 1255;
	case 178:
		return 1256;
	case 186:
		return 1257;
	case 204:
		return 1251;
	case 222:
		return 874;
	case 238:
		return 1250;
	default:
		return CP_DOC;
	}
}

static struct font *font_of(struct rtf *r, int f)
{
	return f >= 0 && f < RTF_MAX_FONTS ? &r->fonts[f] : NULL;
}

/* A character of the font table: a font's name ends at ';'. */
static void font_name_char(struct rtf *r, unsigned char c)
{
	struct font *f = font_of(r, r->fdef);
	if (c == ';') {
		r->fname[r->nfname] = '\0';
		if (f)
			f->sym = ooxml_symbol_font(r->fname);
		r->nfname = 0;
	} else if (r->nfname + 1 < FONT_NAME && (c != ' ' || r->nfname)) {
		r->fname[r->nfname++] = (char)c;
	}
}

/* ---- text ---- */

static struct state *cur(struct rtf *r)
{
	return &r->st[r->depth];
}

/* A character of the body, in the run's formatting. */
static void put_char(struct rtf *r, uint32_t c)
{
	struct state *s = cur(r);
	if (s->deleted)
		return;
	struct buf *b = s->hidden ? &r->hid : &r->para;
	const struct font *f = font_of(r, s->font);
	if (f && f->sym && !ooxml_symbol_signs(f->sym) && c >= 0x20) {
		/* a Vietnamese font of before Unicode: held to the font's end */
		struct buf u = BUF_INIT;
		encoding_put_utf8(&u, c);
		ooxml_held_put(&r->held, b, f->sym, buf_str(&u), u.len);
		buf_free(&u);
		return;
	}
	ooxml_held_flush(&r->held);
	if (f && f->sym && ((c > 0x20 && c <= 0xFF) || (c >= 0xF000 && c <= 0xF0FF)))
		c = (uint32_t)ooxml_symbol_char(f->sym, c);
	if (c == '\n' || c >= 0x20)
		encoding_put_utf8(b, c);
}

/* The run's font is a Vietnamese font of before Unicode. */
static bool legacy_font(struct rtf *r)
{
	const struct font *f = font_of(r, cur(r)->font);
	return f && f->sym && !ooxml_symbol_signs(f->sym);
}

/* A \uN character (N as UTF-16, surrogate pairs joined). */
static void put_unicode(struct rtf *r, uint32_t u)
{
	if (u >= 0xD800 && u < 0xDC00) {
		r->hi = u;
		return;
	}
	if (u >= 0xDC00 && u < 0xE000) {
		if (r->hi)
			put_char(r, 0x10000 + ((r->hi - 0xD800) << 10) + (u - 0xDC00));
		r->hi = 0;
		return;
	}
	r->hi = 0;
	put_char(r, u);
}

/* A byte of text (plain or \'hh) in the code page of the run's font or
 * of the document. */
static void put_byte(struct rtf *r, unsigned char c)
{
	struct state *s = cur(r);
	if (s->skip)
		return;
	if (s->fonttbl) {
		font_name_char(r, c);
		return;
	}
	r->hi = 0;
	const struct font *f = font_of(r, s->font);
	if (c < 0x80 || (f && ooxml_symbol_signs(f->sym))) {
		put_char(r, c);
		return;
	}
	if (f && f->sym) { /* a font of before Unicode: the byte, whatever the code page */
		put_char(r, encoding_cp1252(c));
		return;
	}
	int cp = f && f->cp != CP_DOC && f->cp != CP_SYMBOL ? f->cp : r->cp;
	if (cp == CP_1252)
		put_char(r, encoding_cp1252(c));
	else if (cp == CP_1258)
		put_char(r, encoding_cp1258(c));
	else if (!r->fault) {
		r->fault = F_CODEPAGE;
		r->fault_cp = cp;
	}
}

/* ---- paragraphs and tables ---- */

/* The table the paragraph is in: 0 none, 1 a table, more nested. */
static int para_depth(const struct rtf *r)
{
	const struct state *s = &r->st[r->depth];
	return s->itap >= 0 ? s->itap : s->intbl ? 1 : 0;
}

/* The rows of the table read so far, out. */
static void flush_rows(struct rtf *r)
{
	r->too_many |= ooxml_table_rows(r->doc, r->rows, r->nrows, r->table, &r->done);
	r->nrows = 0;
}

static void close_table(struct rtf *r)
{
	flush_rows(r);
	for (int i = 0; i < r->ncells; i++)
		free(r->cells[i]);
	r->ncells = 0;
	buf_reset(&r->cell);
	r->table = r->done = 0;
}

static void open_table(struct rtf *r)
{
	if (!r->table)
		r->table = ++r->serial;
}

/* The paragraph's hidden text, counted for the warning. */
static void note_hidden(struct rtf *r)
{
	ooxml_held_flush(&r->held);
	char *hid = text_clean(buf_str(&r->hid));
	buf_reset(&r->hid);
	if (*hid && r->nhid++ == 0)
		r->hid_first = text_prefix(hid, 60);
	free(hid);
}

/* A paragraph ends: running text (each line a paragraph), or a line of
 * the table's cell (in_cell). */
static void end_paragraph(struct rtf *r, bool in_cell)
{
	ooxml_held_flush(&r->held);
	char *full = buf_detach(&r->para);
	note_hidden(r);
	if (!in_cell) {
		close_table(r);
		char *save = NULL;
		for (char *line = strtok_r(full, "\n", &save); line;
		     line = strtok_r(NULL, "\n", &save))
			ooxml_text(r->doc, line);
	} else {
		ooxml_cell_lines(&r->cell, full);
	}
	free(full);
}

static void end_cell(struct rtf *r)
{
	end_paragraph(r, true);
	open_table(r);
	if (r->ncells >= RTF_MAX_CELLS) {
		r->too_many = true;
		buf_reset(&r->cell);
		return;
	}
	if ((size_t)r->ncells == r->cap_cells)
		r->cells = xgrow(r->cells, &r->cap_cells, (size_t)r->ncells + 1, sizeof *r->cells);
	r->cells[r->ncells++] = buf_detach(&r->cell);
}

/* A row's end: its cells kept with the row's definition. */
static void end_row(struct rtf *r)
{
	ooxml_held_flush(&r->held);
	buf_reset(&r->para);
	note_hidden(r);
	if (!r->ncells)
		return;
	open_table(r);
	if (r->nrows >= MAX_TABLE_ROWS)
		flush_rows(r);
	r->rows = xgrow(r->rows, &r->cap_rows, r->nrows + 1, sizeof *r->rows);
	struct ooxml_trow *t = &r->rows[r->nrows++];
	t->cell = r->cells;
	t->n = r->ncells;
	t->ncell = r->def.ncell;
	memcpy(t->edge, r->def.edge, sizeof t->edge);
	memcpy(t->hmerged, r->def.hmerged, sizeof t->hmerged);
	memcpy(t->vm, r->def.vm, sizeof t->vm);
	r->cells = NULL;
	r->ncells = 0;
	r->cap_cells = 0;
	buf_reset(&r->cell);
}

/* ---- control words ---- */

enum word {
	W_OTHER,
	W_SKIP, /* a destination not read */
	W_ANSICPG,
	W_BIN,
	W_BULLET,
	W_CELL,
	W_CELLX,
	W_CLMGF,
	W_CLMRG,
	W_CLVMGF,
	W_CLVMRG,
	W_DEFF,
	W_DELETED,
	W_EMDASH,
	W_ENDASH,
	W_F,
	W_FCHARSET,
	W_FONTTBL,
	W_INTBL,
	W_ITAP,
	W_LDBLQUOTE,
	W_LINE,
	W_LQUOTE,
	W_NESTCELL,
	W_NESTROW,
	W_NESTTABLEPROPS,
	W_PAR,
	W_PARD,
	W_PLAIN,
	W_RDBLQUOTE,
	W_ROW,
	W_RQUOTE,
	W_SPACE,
	W_TAB,
	W_TRLEFT,
	W_TROWD,
	W_U,
	W_UC,
	W_UD,
	W_UPR,
	W_V,
};

struct word_name {
	const char *name;
	enum word w;
};

/* Sorted by name. */
static const struct word_name words[] = {
        {"aftncn", W_SKIP},
        {"aftnsep", W_SKIP},
        {"aftnsepc", W_SKIP},
        {"annotation", W_SKIP},
        {"ansicpg", W_ANSICPG},
        {"atnauthor", W_SKIP},
        {"atndate", W_SKIP},
        {"atnid", W_SKIP},
        {"atnref", W_SKIP},
        {"bin", W_BIN},
        {"bkmkend", W_SKIP},
        {"bkmkstart", W_SKIP},
        {"bullet", W_BULLET},
        {"cell", W_CELL},
        {"cellx", W_CELLX},
        {"clmgf", W_CLMGF},
        {"clmrg", W_CLMRG},
        {"clvmgf", W_CLVMGF},
        {"clvmrg", W_CLVMRG},
        {"colortbl", W_SKIP},
        {"comment", W_SKIP},
        {"datafield", W_SKIP},
        {"deff", W_DEFF},
        {"deleted", W_DELETED},
        {"do", W_SKIP},
        {"emdash", W_EMDASH},
        {"emspace", W_SPACE},
        {"endash", W_ENDASH},
        {"enspace", W_SPACE},
        {"f", W_F},
        {"fcharset", W_FCHARSET},
        {"filetbl", W_SKIP},
        {"fldinst", W_SKIP},
        {"fonttbl", W_FONTTBL},
        {"footer", W_SKIP},
        {"footerf", W_SKIP},
        {"footerl", W_SKIP},
        {"footerr", W_SKIP},
        {"footnote", W_SKIP},
        {"formfield", W_SKIP},
        {"ftncn", W_SKIP},
        {"ftnsep", W_SKIP},
        {"ftnsepc", W_SKIP},
        {"header", W_SKIP},
        {"headerf", W_SKIP},
        {"headerl", W_SKIP},
        {"headerr", W_SKIP},
        {"info", W_SKIP},
        {"intbl", W_INTBL},
        {"itap", W_ITAP},
        {"ldblquote", W_LDBLQUOTE},
        {"line", W_LINE},
        {"listoverridetable", W_SKIP},
        {"listtable", W_SKIP},
        {"lquote", W_LQUOTE},
        {"nestcell", W_NESTCELL},
        {"nestrow", W_NESTROW},
        {"nesttableprops", W_NESTTABLEPROPS},
        {"nonesttables", W_SKIP},
        {"nonshppict", W_SKIP},
        {"object", W_SKIP},
        {"page", W_LINE},
        {"par", W_PAR},
        {"pard", W_PARD},
        {"pict", W_SKIP},
        {"plain", W_PLAIN},
        {"pn", W_SKIP},
        {"private", W_SKIP},
        {"qmspace", W_SPACE},
        {"rdblquote", W_RDBLQUOTE},
        {"revtbl", W_SKIP},
        {"row", W_ROW},
        {"rquote", W_RQUOTE},
        {"rxe", W_SKIP},
        {"sect", W_PAR},
        {"shp", W_SKIP},
        {"shpgrp", W_SKIP},
        {"shppict", W_SKIP},
        {"stylesheet", W_SKIP},
        {"tab", W_TAB},
        {"tc", W_SKIP},
        {"template", W_SKIP},
        {"trleft", W_TRLEFT},
        {"trowd", W_TROWD},
        {"txe", W_SKIP},
        {"u", W_U},
        {"uc", W_UC},
        {"ud", W_UD},
        {"upr", W_UPR},
        {"v", W_V},
        {"xe", W_SKIP},
};

static int cmp_word(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

static enum word lookup(const char *name)
{
	const void *e =
	        bsearch(name, words, sizeof words / sizeof words[0], sizeof words[0], cmp_word);
	return e ? ((const struct word_name *)e)->w : W_OTHER;
}

static int clamp(long v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : (int)v;
}

/* A control word of the row definition (outside \nesttableprops). */
static void row_word(struct rtf *r, enum word w, long v, bool has)
{
	struct rowdef *d = &r->def;
	switch (w) {
	case W_TROWD:
		memset(d, 0, sizeof *d);
		break;
	case W_TRLEFT:
		if (!d->ncell)
			d->edge[0] = (int32_t)clamp(v, -(1 << 24), 1 << 24);
		break;
	case W_CLMGF:
		d->next_merged = false;
		break;
	case W_CLMRG:
		d->next_merged = true;
		break;
	case W_CLVMGF:
		d->next_vm = OOXML_VM_RESTART;
		break;
	case W_CLVMRG:
		d->next_vm = OOXML_VM_CONTINUE;
		break;
	case W_CELLX:
		if (d->ncell >= OOXML_MAX_COLS) {
			r->too_many = true;
			break;
		}
		d->edge[d->ncell + 1] = (int32_t)clamp(has ? v : 0, -(1 << 24), 1 << 24);
		d->hmerged[d->ncell] = d->next_merged;
		d->vm[d->ncell] = d->next_vm;
		d->ncell++;
		d->next_merged = false;
		d->next_vm = OOXML_VM_NONE;
		break;
	default:
		break;
	}
}

/* A control word of the body (state s not skipped). */
static void body_word(struct rtf *r, struct state *s, enum word w, long v, bool has)
{
	switch (w) {
	case W_PAR:
		end_paragraph(r, para_depth(r) > 0);
		break;
	case W_LINE:
		put_char(r, '\n');
		break;
	case W_TAB:
	case W_SPACE:
		put_char(r, ' ');
		break;
	case W_EMDASH:
		put_char(r, 0x2014);
		break;
	case W_ENDASH:
		put_char(r, 0x2013);
		break;
	case W_BULLET:
		put_char(r, 0x2022);
		break;
	case W_LQUOTE:
		put_char(r, 0x2018);
		break;
	case W_RQUOTE:
		put_char(r, 0x2019);
		break;
	case W_LDBLQUOTE:
		put_char(r, 0x201C);
		break;
	case W_RDBLQUOTE:
		put_char(r, 0x201D);
		break;
	case W_CELL:
		end_cell(r);
		break;
	case W_ROW:
		end_row(r);
		break;
	case W_NESTCELL: /* a nested table's cell: lines of the cell around it */
		r->nested++;
		end_paragraph(r, true);
		break;
	case W_NESTROW:
		r->nested++;
		break;
	case W_PARD:
		s->intbl = false;
		s->itap = -1;
		break;
	case W_INTBL:
		s->intbl = true;
		break;
	case W_ITAP:
		s->itap = clamp(has ? v : 1, 0, RTF_MAX_DEPTH);
		break;
	case W_PLAIN:
		s->hidden = s->deleted = false;
		s->font = r->deff;
		break;
	case W_V:
		s->hidden = !has || v;
		break;
	case W_DELETED:
		s->deleted = !has || v;
		break;
	case W_F:
		s->font = clamp(v, -1, RTF_MAX_FONTS);
		break;
	default:
		if (!s->nestprops)
			row_word(r, w, v, has);
		break;
	}
}

/* A control word (name, its parameter v when has); \* before it when star. */
static void control_word(struct rtf *r, const char *name, long v, bool has, bool star)
{
	struct state *s = cur(r);
	enum word w = lookup(name);
	if (w == W_UD && s->upr_child) {
		s->skip = false;
		return;
	}
	if (s->skip)
		return;
	if (w == W_SKIP || (star && w != W_NESTTABLEPROPS && w != W_UD)) {
		s->skip = true;
		return;
	}
	switch (w) {
	case W_FONTTBL:
		s->fonttbl = true;
		return;
	case W_UPR:
		s->upr = true;
		return;
	case W_NESTTABLEPROPS:
		s->nestprops = true;
		return;
	case W_ANSICPG:
		r->cp = clamp(v, 0, 65535);
		return;
	case W_DEFF:
		r->deff = s->font = clamp(v, -1, RTF_MAX_FONTS);
		return;
	case W_UC:
		s->uc = clamp(v, 0, RTF_MAX_UC);
		return;
	case W_U:
		if (!s->fonttbl)
			put_unicode(r, (uint32_t)(v < 0 ? v + 65536 : v) & 0xFFFF);
		r->fallback = s->uc;
		return;
	default:
		break;
	}
	if (s->fonttbl) {
		if (w == W_F) {
			r->fdef = clamp(v, -1, RTF_MAX_FONTS);
			r->nfname = 0;
		} else if (w == W_FCHARSET && font_of(r, r->fdef)) {
			font_of(r, r->fdef)->cp = charset_cp(v);
		}
		return;
	}
	body_word(r, s, w, v, has);
}

/* ---- the tokenizer ---- */

static void open_group(struct rtf *r)
{
	struct state *s = &r->st[r->depth + 1];
	*s = r->st[r->depth];
	s->upr = false;
	s->upr_child = r->st[r->depth].upr;
	if (s->upr_child)
		s->skip = true;
	r->depth++;
}

/* \'hh: its byte, or -1 when the two characters are not hex digits. */
static int hex_byte(struct rtf *r)
{
	int v = 0;
	for (int k = 0; k < 2; k++) {
		if (r->at >= r->n)
			return -1;
		unsigned char c = r->s[r->at];
		int d = c >= '0' && c <= '9'   ? c - '0'
		        : c >= 'a' && c <= 'f' ? c - 'a' + 10
		        : c >= 'A' && c <= 'F' ? c - 'A' + 10
		                               : -1;
		if (d < 0)
			return -1;
		v = v * 16 + d;
		r->at++;
	}
	return v;
}

/* Whether a character of a \uN's fallback is skipped (counted). */
static bool fallback(struct rtf *r)
{
	if (r->fallback <= 0)
		return false;
	r->fallback--;
	return true;
}

/* A control word or symbol after its backslash. */
static void control(struct rtf *r)
{
	const unsigned char *s = r->s;
	if (r->at >= r->n) {
		r->fault = F_TRUNCATED;
		r->fault_at = r->n;
		return;
	}
	unsigned char c = s[r->at];
	if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) { /* a control symbol */
		r->at++;
		if (c == '\'') {
			int b = hex_byte(r);
			if (b >= 0 && !fallback(r))
				put_byte(r, (unsigned char)b);
			return;
		}
		if (fallback(r))
			return;
		bool skip = cur(r)->skip || cur(r)->fonttbl;
		if (c == '*')
			r->star = true;
		else if (c == '\\' || c == '{' || c == '}')
			put_byte(r, c);
		else if (skip)
			return;
		else if (c == '~')
			put_char(r, 0xA0);
		else if (c == '_')
			put_char(r, '-');
		else if (c == '-' &&
		         legacy_font(r)) /* byte 0xAD (TCVN3's "ư"), kept as a soft hyphen */
			put_char(r, 0xAD);
		else if (c == '\n' || c == '\r')
			end_paragraph(r, para_depth(r) > 0);
		return;
	}
	char name[RTF_MAX_WORD + 1];
	size_t k = 0;
	while (r->at < r->n &&
	       ((s[r->at] >= 'a' && s[r->at] <= 'z') || (s[r->at] >= 'A' && s[r->at] <= 'Z'))) {
		if (k < RTF_MAX_WORD)
			name[k++] = (char)s[r->at];
		r->at++;
	}
	name[k] = '\0';
	bool neg = false, has = false;
	long v = 0;
	if (r->at < r->n && s[r->at] == '-') {
		neg = true;
		r->at++;
	}
	for (int d = 0; r->at < r->n && s[r->at] >= '0' && s[r->at] <= '9'; r->at++, d++)
		if (d < RTF_MAX_DIGITS) {
			v = v * 10 + (s[r->at] - '0');
			has = true;
		}
	if (neg)
		v = -v;
	if (r->at < r->n && s[r->at] == ' ')
		r->at++;
	bool star = r->star;
	r->star = false;
	if (!strcmp(name, "bin")) { /* binary data: skipped */
		size_t len = has && v > 0 ? (size_t)v : 0;
		if (len > r->n - r->at) {
			r->fault = F_TRUNCATED;
			r->fault_at = r->at = r->n;
			return;
		}
		r->at += len;
		fallback(r);
		return;
	}
	if (fallback(r))
		return;
	control_word(r, name, v, has, star);
}

/* The whole file: 0, or -1 with r->fault set. */
static int tokenize(struct rtf *r)
{
	const unsigned char *s = r->s;
	size_t closed = 0; /* where the outermost group ended */
	while (r->at < r->n && !r->fault) {
		unsigned char c = s[r->at];
		if (closed) {
			if (c != ' ' && c != '\r' && c != '\n' && c != '\t' && c != '\0') {
				r->fault = F_UNBALANCED;
				r->fault_at = closed;
				return -1;
			}
			r->at++;
			continue;
		}
		if (c == '{') {
			r->fallback = 0;
			if (r->depth + 1 >= RTF_MAX_DEPTH) {
				r->fault = F_DEEP;
				break;
			}
			r->at++;
			open_group(r);
		} else if (c == '}') {
			r->fallback = 0;
			r->at++;
			if (--r->depth == 0)
				closed = r->at;
		} else if (c == '\\') {
			size_t at = r->at++;
			control(r);
			if (r->fault && !r->fault_at)
				r->fault_at = at;
		} else if (c == '\r' || c == '\n') {
			r->at++;
		} else {
			size_t at = r->at++;
			r->star = false;
			if (fallback(r))
				continue;
			if (c == '\t')
				control_word(r, "tab", 0, false, false);
			else
				put_byte(r, c);
			if (r->fault && !r->fault_at)
				r->fault_at = at;
		}
	}
	if (!r->fault && !closed) {
		r->fault = F_TRUNCATED;
		r->fault_at = r->n;
	}
	if (r->fault && !r->fault_at)
		r->fault_at = r->at;
	return r->fault ? -1 : 0;
}

#define RESAVE                                                                                                   \
	"hãy mở tệp bằng Word hoặc LibreOffice, chọn Lưu thành (Save As) Word (.docx) rồi tải " \
	"lên "                                                                                                  \
	"lần nữa"

static int refuse(const struct rtf *r, struct error *err)
{
	switch (r->fault) {
	case F_TRUNCATED:
		err_set(err, ERR_DOCUMENT,
		        "tệp RTF bị cắt cụt: dữ liệu hết ở byte %zu khi còn %d nhóm “{” chưa đóng; "
		        "hãy tải lên lại tệp đầy đủ (hoặc mở tệp gốc bằng Word hoặc LibreOffice, "
		        "chọn Lưu thành (Save As) Word (.docx) rồi tải lên)",
		        r->fault_at, r->depth > 0 ? r->depth : 1);
		break;
	case F_UNBALANCED:
		err_set(err, ERR_DOCUMENT,
		        "tệp RTF bị hỏng: dấu ngoặc “}” ở byte %zu đóng cả văn bản mà sau nó vẫn "
		        "còn nội dung (ngoặc không cân); " RESAVE,
		        r->fault_at > 0 ? r->fault_at - 1 : 0);
		break;
	case F_DEEP:
		err_set(err, ERR_DOCUMENT,
		        "tệp RTF bị hỏng: các nhóm “{” lồng nhau quá %d mức ở byte %zu; " RESAVE,
		        RTF_MAX_DEPTH, r->fault_at);
		break;
	case F_BIG:
		err_set(err, ERR_DOCUMENT,
		        "tệp RTF quá lớn (hơn %u MB) nên không đọc; " RESAVE
		        " (bỏ bớt hình ảnh nếu có)",
		        RTF_MAX_SIZE >> 20);
		break;
	case F_CODEPAGE:
		err_set(err, ERR_DOCUMENT,
		        "tệp RTF viết chữ bằng bảng mã %d (byte %zu) mà chitieu chỉ giải được "
		        "Windows-1252 và Windows-1258; " RESAVE,
		        r->fault_cp, r->fault_at);
		break;
	case F_NONE:
		break;
	}
	return -1;
}

static void warn_read(struct rtf *r)
{
	if (r->too_many)
		ooxml_warn_columns(r->p);
	ooxml_warn_hidden_text(r->p, "Word", r->hid_first, r->nhid);
	if (r->nested)
		ooxml_warn_nested(r->p);
}

static void rtf_free(struct rtf *r)
{
	ooxml_trows_free(r->rows, r->nrows);
	for (int i = 0; i < r->ncells; i++)
		free(r->cells[i]);
	free(r->cells);
	buf_free(&r->cell);
	ooxml_held_free(&r->held);
	buf_free(&r->para);
	buf_free(&r->hid);
	free(r->hid_first);
	free(r->fonts);
	free(r->st);
}

int rtf_read_plan(const char *data, size_t n, struct lines *l, struct rows *rows, struct plan *p,
                  struct error *err)
{
	struct ooxml_doc d = {l, rows, false};
	struct rtf r = {.s = (const unsigned char *)data,
	                .n = n,
	                .cp = CP_1252,
	                .fdef = -1,
	                .doc = &d,
	                .p = p,
	                .para = BUF_INIT,
	                .hid = BUF_INIT,
	                .cell = BUF_INIT};
	if (n > RTF_MAX_SIZE) {
		r.fault = F_BIG;
		return refuse(&r, err);
	}
	r.st = xcalloc(RTF_MAX_DEPTH, sizeof *r.st);
	r.st[0].uc = 1;
	r.st[0].font = -1;
	r.st[0].itap = -1;
	r.fonts = xcalloc(RTF_MAX_FONTS, sizeof *r.fonts);
	/* from the group that opens the document (legacy_is_rtf found it) */
	while (r.at < n && r.s[r.at] != '{')
		r.at++;
	int rc = tokenize(&r);
	if (rc)
		refuse(&r, err);
	else {
		end_paragraph(&r, false); /* text after the last mark; the table ends */
		warn_read(&r);
		rc = r.serial ? 0 : ooxml_no_table(err);
	}
	rtf_free(&r);
	return rc;
}
