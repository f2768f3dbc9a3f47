/* docx.c: a Word document's body (word/document.xml) as lines and rows:
 * the cells of its tables exactly (a cell's paragraphs and <w:br/>s its
 * lines, row.lines; a table nested in a cell read as a table of its own
 * (the outer one lays the page out: "PHỤ LỤC I" in a cell, the appendix's
 * table in the next; tables nested deeper flattened into their cell),
 * w:gridSpan as empty cells after the text, w:vMerge continuations repeating the text of the cell above),
 * paragraphs outside tables as text, and Word's list numbering (w:numPr,
 * from word/numbering.xml) written out as "1.", "a)", "II." the way the
 * document shows it. A row's page is known when Word laid the document out
 * and marked its page breaks (w:lastRenderedPageBreak). What Word does not
 * show is not read: deleted and moved-away text of tracked changes, field
 * codes, hidden runs (w:vanish), the formatting a tracked change replaced.
 * A symbol inserted from the Symbol font (w:sym, or text in that font:
 * "\xb3" or U+F0B3 is how such a file holds "≥") is read as the character
 * it shows; so is text in a Vietnamese font of before Unicode (".VnTime",
 * "VNI-Times": encoding_font_text), the font set on the run (w:rFonts), its
 * character style, its paragraph's style or the document's defaults
 * (word/styles.xml). */
#include "ooxml.h"

#include "encoding.h"
#include "table.h"
#include "text.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define MAX_CELLS OOXML_MAX_COLS /* grid columns of a table row */

/* numbering.xml as it is parsed */
struct numbering {
	struct ooxml_numbering lists;
	struct ooxml_list *cur_abs;
	struct ooxml_num *cur_num;
	int cur_lvl;
};

static int atoi_safe(const char *s)
{
	if (!s)
		return 0;
	long v = strtol(s, NULL, 10);
	return v < 0 ? 0 : v > 100000 ? 100000 : (int)v;
}

static enum ooxml_fmt read_fmt(const char *v)
{
	static const struct {
		const char *name;
		enum ooxml_fmt f;
	} t[] = {{"decimal", OOXML_F_DECIMAL},
	         {"decimalZero", OOXML_F_DECIMAL},
	         {"upperRoman", OOXML_F_UPPER_ROMAN},
	         {"lowerRoman", OOXML_F_LOWER_ROMAN},
	         {"upperLetter", OOXML_F_UPPER_LETTER},
	         {"lowerLetter", OOXML_F_LOWER_LETTER},
	         {"bullet", OOXML_F_BULLET}};
	for (size_t i = 0; v && i < sizeof t / sizeof t[0]; i++)
		if (!strcmp(v, t[i].name))
			return t[i].f;
	return OOXML_F_NONE;
}

static void num_start(void *ud, const char *name, const char **attr)
{
	struct numbering *nb = ud;
	const char *val = ooxml_attr(attr, "val");
	if (!strcmp(name, "abstractNum")) {
		nb->cur_abs =
		        ooxml_list_add(&nb->lists, atoi_safe(ooxml_attr(attr, "abstractNumId")));
	} else if (!strcmp(name, "lvl") && nb->cur_abs) {
		nb->cur_lvl = atoi_safe(ooxml_attr(attr, "ilvl"));
	} else if (nb->cur_abs && nb->cur_lvl < OOXML_MAX_LEVELS && !strcmp(name, "numFmt")) {
		nb->cur_abs->lvl[nb->cur_lvl].fmt = read_fmt(val);
	} else if (nb->cur_abs && nb->cur_lvl < OOXML_MAX_LEVELS && !strcmp(name, "start")) {
		nb->cur_abs->lvl[nb->cur_lvl].start = atoi_safe(val);
	} else if (nb->cur_abs && nb->cur_lvl < OOXML_MAX_LEVELS && !strcmp(name, "lvlText") &&
	           val) {
		snprintf(nb->cur_abs->lvl[nb->cur_lvl].text, sizeof nb->cur_abs->lvl[0].text, "%s",
		         val);
	} else if (!strcmp(name, "num")) {
		nb->cur_num = ooxml_num_add(&nb->lists, atoi_safe(ooxml_attr(attr, "numId")), -1);
	} else if (!strcmp(name, "abstractNumId") && nb->cur_num) {
		nb->cur_num->list = atoi_safe(val);
	}
}

static void num_end(void *ud, const char *name)
{
	struct numbering *nb = ud;
	if (!strcmp(name, "abstractNum"))
		nb->cur_abs = NULL;
	else if (!strcmp(name, "num"))
		nb->cur_num = NULL;
	else if (!strcmp(name, "lvl"))
		nb->cur_lvl = 0;
}

/* ---- styles.xml: the fonts runs take from their styles ---- */

#define MAX_STYLES      1024 /* styles kept */
#define MAX_STYLE_CHAIN 16   /* styles based on styles followed */

struct style {
	char id[64], based[64];
	bool para, deflt, has_font;
	enum ooxml_symfont font;
};

struct styles {
	struct style *v;
	int n;
	bool in_defaults, has_font; /* the document's default run font */
	enum ooxml_symfont font;
	struct style *cur;
};

/* The font a w:rFonts names, if it names one (its ASCII font, else its
 * high-ANSI one; a theme's font is none of ours). */
static bool rfonts(const char **attr, enum ooxml_symfont *f)
{
	const char *ascii = ooxml_attr(attr, "ascii"), *hansi = ooxml_attr(attr, "hAnsi");
	if (!ascii && !hansi && !ooxml_attr(attr, "asciiTheme") && !ooxml_attr(attr, "hAnsiTheme"))
		return false;
	enum ooxml_symfont a = ooxml_symbol_font(ascii);
	*f = a ? a : ooxml_symbol_font(hansi);
	return true;
}

static void style_start(void *ud, const char *name, const char **attr)
{
	struct styles *st = ud;
	if (!strcmp(name, "docDefaults")) {
		st->in_defaults = true;
	} else if (!strcmp(name, "style") && st->n < MAX_STYLES) {
		const char *type = ooxml_attr(attr, "type");
		st->cur = &st->v[st->n++];
		*st->cur = (struct style){.para = type && !strcmp(type, "paragraph"),
		                          .deflt = ooxml_true(ooxml_attr(attr, "default"))};
		const char *id = ooxml_attr(attr, "styleId");
		snprintf(st->cur->id, sizeof st->cur->id, "%s", id ? id : "");
	} else if (!strcmp(name, "basedOn") && st->cur) {
		const char *based = ooxml_attr(attr, "val");
		snprintf(st->cur->based, sizeof st->cur->based, "%s", based ? based : "");
	} else if (!strcmp(name, "rFonts") && st->cur) {
		st->cur->has_font = rfonts(attr, &st->cur->font);
	} else if (!strcmp(name, "rFonts") && st->in_defaults) {
		st->has_font = rfonts(attr, &st->font);
	}
}

static void style_end(void *ud, const char *name)
{
	struct styles *st = ud;
	if (!strcmp(name, "docDefaults"))
		st->in_defaults = false;
	else if (!strcmp(name, "style"))
		st->cur = NULL;
}

static const struct style *style_find(const struct styles *st, const char *id)
{
	for (int i = 0; id && *id && i < st->n; i++)
		if (!strcmp(st->v[i].id, id))
			return &st->v[i];
	return NULL;
}

/* The font a style (id; NULL: the default paragraph style) gives its text,
 * from it or the styles it is based on; false when none names one. */
static bool style_font(const struct styles *st, const char *id, enum ooxml_symfont *f)
{
	const struct style *s = NULL;
	if (!id)
		for (int i = 0; i < st->n && !s; i++)
			if (st->v[i].para && st->v[i].deflt)
				s = &st->v[i];
	if (id)
		s = style_find(st, id);
	for (int k = 0; s && k < MAX_STYLE_CHAIN; k++, s = style_find(st, s->based))
		if (s->has_font) {
			*f = s->font;
			return true;
		}
	return false;
}

/* A paragraph's run font: its style's, else the document's default. */
static enum ooxml_symfont para_font(const struct styles *st, const char *id)
{
	enum ooxml_symfont f;
	return style_font(st, id, &f) ? f : st->has_font ? st->font : OOXML_SYM_NONE;
}

/* ---- the body ---- */

struct cellbuf {
	struct buf text;
	int span;
	enum ooxml_vmerge vmerge;
};

#define MAX_NEST 3 /* tables inside tables read as tables */

/* The table whose rows are read: what is kept aside while a table nested
 * in one of its cells is read. */
struct table_read {
	int table, rowno, row_page; /* row_page: the page its row starts on */
	struct cellbuf cell;
	bool in_cell;
	struct ooxml_grid grid;
};

struct body {
	struct ooxml_doc *doc;
	struct numbering *nb;
	int tdepth; /* tables open */
	int pdepth; /* paragraphs open (a text box nests one in another) */
	int skip;   /* inside mc:Fallback or deleted text: ignored */
	bool in_t;
	/* the run open: its text hidden (w:vanish), its font Symbol or Wingdings */
	bool in_run, hidden;
	struct buf hid; /* the paragraph's hidden text */
	int nhid;       /* paragraphs with hidden text */
	char *hid_first;
	enum ooxml_symfont font;
	enum ooxml_symfont pfont; /* the paragraph's run font (its style's) */
	const struct styles *st;
	struct ooxml_held held; /* text in a font of before Unicode */
	struct buf para;
	int numId, ilvl;
	struct table_read tbl;
	bool too_many; /* of the tables closed */
	/* Pages: Word marks where its last layout broke pages
	 * (w:lastRenderedPageBreak); without such marks pages are unknown. */
	int breaks;
	size_t first_row; /* the document's first row in doc->rows */
	int level;        /* the tdepth of the table whose rows are read */
	int serial;       /* tables numbered */
	struct table_read saved[MAX_NEST]; /* the tables outside it */
	int nsaved;
};

static void table_read_free(struct body *b, struct table_read *t)
{
	b->too_many |= t->grid.too_many;
	ooxml_grid_reset(&t->grid);
	buf_free(&t->cell.text);
}

/* A table opens in a cell of the table read: the outer table's state kept,
 * the inner one's rows read as a table of its own. */
static void nest_push(struct body *b)
{
	b->saved[b->nsaved++] = b->tbl;
	b->tbl = (struct table_read){.table = ++b->serial, .cell = {.text = BUF_INIT}};
}

/* The nested table closed: back to the outer one's cell. */
static void nest_pop(struct body *b)
{
	table_read_free(b, &b->tbl);
	b->tbl = b->saved[--b->nsaved];
}

static void end_paragraph(struct body *b)
{
	ooxml_held_flush(&b->held);
	char *label = b->numId > 0 ? ooxml_number_label(&b->nb->lists, b->numId, b->ilvl) : NULL;
	/* in a cell, its <w:br/>s are its lines */
	char *text = b->tdepth ? clean_lines(buf_str(&b->para)) : text_clean(buf_str(&b->para));
	char *full =
	        label ? (*text ? xasprintf("%s %s", label, text) : xstrdup(label)) : xstrdup(text);
	free(label);
	free(text);
	buf_reset(&b->para);
	char *hid = text_clean(buf_str(&b->hid));
	buf_reset(&b->hid);
	if (*hid && b->nhid++ == 0)
		b->hid_first = text_prefix(hid, 60);
	free(hid);
	if (b->tdepth == 0) {
		ooxml_text(b->doc, full);
	} else if (b->tbl.in_cell && *full) {
		if (b->tbl.cell.text.len)
			buf_putc(&b->tbl.cell.text, '\n');
		buf_puts(&b->tbl.cell.text, full);
	}
	free(full);
}

/* Text of a Symbol or Wingdings run, character by character. */
static void put_symbols(struct buf *b, enum ooxml_symfont f, const char *s, int len)
{
	utf8proc_ssize_t at = 0;
	while (at < len) {
		utf8proc_int32_t c;
		utf8proc_ssize_t k =
		        utf8proc_iterate((const utf8proc_uint8_t *)s + at, len - at, &c);
		if (k <= 0) /* expat gives valid UTF-8; cut at anything else */
			return;
		at += k;
		encoding_put_utf8(b,
		                  (uint32_t)(c == ' ' ? ' ' : ooxml_symbol_char(f, (unsigned)c)));
	}
}

static void body_start(void *ud, const char *name, const char **attr)
{
	struct body *b = ud;
	if (b->skip) {
		b->skip++;
		return;
	}
	if (!strcmp(name, "Fallback") || !strcmp(name, "del") || !strcmp(name, "moveFrom") ||
	    !strcmp(name, "instrText") || !strcmp(name, "rPrChange") ||
	    !strcmp(name, "pPrChange")) {
		b->skip = 1;
		return;
	}
	const char *val = ooxml_attr(attr, "val");
	if (!strcmp(name, "r")) {
		b->in_run = true;
		b->hidden = false;
		b->font = b->pfont;
	} else if (!strcmp(name, "vanish") && b->in_run) {
		b->hidden = !val || ooxml_true(val); /* <w:vanish/> is on */
	} else if (!strcmp(name, "rStyle") && b->in_run) {
		enum ooxml_symfont f;
		if (style_font(b->st, val, &f))
			b->font = f;
	} else if (!strcmp(name, "rFonts") && b->in_run) {
		rfonts(attr, &b->font);
	} else if (!strcmp(name, "pStyle") && b->pdepth == 1) {
		b->pfont = para_font(b->st, val);
	} else if (!strcmp(name, "sym")) {
		const char *ch = ooxml_attr(attr, "char");
		if (b->pdepth && !b->hidden && ch) {
			unsigned code = (unsigned)strtoul(ch, NULL, 16);
			enum ooxml_symfont f = ooxml_symbol_font(ooxml_attr(attr, "font"));
			int32_t c = ooxml_symbol_signs(f) ? ooxml_symbol_char(f, code)
			            : code >= 0xF000 || !utf8proc_codepoint_valid(
			                                        (utf8proc_int32_t)code)
			                    ? 0xFFFD
			                    : (int32_t)code;
			ooxml_held_flush(&b->held);
			encoding_put_utf8(&b->para, (uint32_t)c);
		}
	} else if (!strcmp(name, "p")) {
		if (b->pdepth++ == 0) {
			buf_reset(&b->para);
			b->numId = 0;
			b->ilvl = 0;
			b->pfont = para_font(b->st, NULL);
		} else {
			ooxml_held_flush(&b->held);
			buf_putc(&b->para, ' ');
		}
	} else if (!strcmp(name, "t")) {
		b->in_t = true;
	} else if (!strcmp(name, "lastRenderedPageBreak")) {
		b->breaks++;
	} else if (!strcmp(name, "br") && b->tdepth == 0 && b->pdepth == 1) {
		/* a line break in running text ends its line, as a browser
		 * shows it: "KẾ HOẠCH⏎<the title>" is two lines */
		end_paragraph(b);
		b->numId = 0;
	} else if (!strcmp(name, "softHyphen") && b->in_run && b->pdepth && !b->hidden && b->font &&
	           !ooxml_symbol_signs(b->font)) {
		/* byte 0xAD of a font of before Unicode (TCVN3's "ư"), which
		 * Word keeps as a soft hyphen */
		ooxml_held_put(&b->held, &b->para, b->font, "\xC2\xAD", 2);
	} else if (!strcmp(name, "tab") || !strcmp(name, "br") || !strcmp(name, "cr")) {
		if (b->pdepth) {
			ooxml_held_flush(&b->held);
			buf_putc(&b->para, *name != 't' && b->tdepth ? '\n' : ' ');
		}
	} else if (!strcmp(name, "numId") && b->pdepth == 1) {
		b->numId = atoi_safe(val);
	} else if (!strcmp(name, "ilvl") && b->pdepth == 1) {
		b->ilvl = atoi_safe(val);
	} else if (!strcmp(name, "tbl")) {
		if (b->tdepth == b->level && b->level && b->tbl.in_cell && b->pdepth == 0 &&
		    b->nsaved < MAX_NEST) {
			nest_push(b);
			b->level = b->tdepth + 1;
		}
		if (b->tdepth++ == 0 && b->pdepth == 0) {
			b->tbl.table = ++b->serial;
			b->level = 1;
			b->tbl.rowno = 0;
			ooxml_grid_reset(&b->tbl.grid);
		}
	} else if (b->tdepth == b->level && b->pdepth == 0) {
		if (!strcmp(name, "tr")) {
			b->tbl.rowno++;
			ooxml_grid_clear_row(&b->tbl.grid); /* a row left open (its end skipped) */
			b->tbl.row_page = 0; /* set by the row's first text */
		} else if (!strcmp(name, "gridBefore")) {
			ooxml_grid_empty(&b->tbl.grid, atoi_safe(val));
		} else if (!strcmp(name, "tc")) {
			b->tbl.in_cell = true;
			buf_reset(&b->tbl.cell.text);
			b->tbl.cell.span = 1;
			b->tbl.cell.vmerge = OOXML_VM_NONE;
		} else if (!strcmp(name, "gridSpan") && b->tbl.in_cell) {
			int s = atoi_safe(val);
			b->tbl.cell.span = s < 1 ? 1 : s > MAX_CELLS ? MAX_CELLS : s;
		} else if (!strcmp(name, "vMerge") && b->tbl.in_cell) {
			b->tbl.cell.vmerge = val && !strcmp(val, "restart") ? OOXML_VM_RESTART
			                                                    : OOXML_VM_CONTINUE;
		}
	}
}

static void body_end(void *ud, const char *name)
{
	struct body *b = ud;
	if (b->skip) {
		b->skip--;
		return;
	}
	if (!strcmp(name, "t")) {
		b->in_t = false;
	} else if (!strcmp(name, "r")) {
		b->in_run = b->hidden = false;
		b->font = b->pfont;
	} else if (!strcmp(name, "p")) {
		if (b->pdepth > 0 && --b->pdepth == 0)
			end_paragraph(b);
	} else if (!strcmp(name, "tbl")) {
		if (b->tdepth == b->level && b->level > 1 && b->nsaved) {
			nest_pop(b);
			b->level--;
		}
		if (b->tdepth > 0)
			b->tdepth--;
	} else if (b->tdepth == b->level && b->pdepth == 0 && !strcmp(name, "tc") &&
	           b->tbl.in_cell) {
		b->tbl.in_cell = false;
		ooxml_grid_cell(&b->tbl.grid, buf_str(&b->tbl.cell.text), b->tbl.cell.span,
		                b->tbl.cell.vmerge);
	} else if (b->tdepth == b->level && b->pdepth == 0 && !strcmp(name, "tr")) {
		ooxml_grid_row(b->doc, &b->tbl.grid, b->tbl.table, b->tbl.rowno,
		               b->tbl.row_page ? b->tbl.row_page : b->breaks + 1);
	}
}

static void body_text(void *ud, const char *s, int len)
{
	struct body *b = ud;
	if (b->in_t && !b->skip && b->pdepth) {
		struct buf *to = b->hidden ? &b->hid : &b->para;
		if (b->font && !ooxml_symbol_signs(b->font)) {
			ooxml_held_put(&b->held, to, b->font, s, (size_t)len);
		} else {
			ooxml_held_flush(&b->held);
			if (b->font && !b->hidden)
				put_symbols(to, b->font, s, len);
			else
				buf_put(to, s, (size_t)len);
		}
		/* the page the row's text starts on */
		if (b->tdepth && !b->tbl.row_page && !b->hidden)
			b->tbl.row_page = b->breaks + 1;
	}
}

int docx_read(struct ooxml *z, struct ooxml_doc *d, struct plan *p, struct error *err)
{
	struct numbering *nb = xcalloc(1, sizeof *nb);
	size_t n;
	char *xml = ooxml_read(z, "word/numbering.xml", &n, err);
	if (err_is(err)) {
		free(nb);
		return -1;
	}
	if (xml) {
		struct ooxml_sax sax = {num_start, num_end, NULL, nb};
		int rc = ooxml_parse(xml, n, "word/numbering.xml", &sax, err);
		free(xml);
		if (rc) {
			free(nb);
			return -1;
		}
	}
	struct styles st = {.v = xcalloc(MAX_STYLES, sizeof *st.v)};
	xml = ooxml_read(z, "word/styles.xml", &n, err);
	if (xml) {
		struct ooxml_sax sax = {style_start, style_end, NULL, &st};
		int rc = ooxml_parse(xml, n, "word/styles.xml", &sax, err);
		free(xml);
		xml = NULL;
		if (rc) {
			free(st.v);
			free(nb);
			return -1;
		}
	}
	if (!err_is(err))
		xml = ooxml_read(z, "word/document.xml", &n, err);
	if (!xml) {
		free(st.v);
		free(nb);
		return -1;
	}
	struct body b = {.doc = d,
	                 .nb = nb,
	                 .st = &st,
	                 .para = BUF_INIT,
	                 .hid = BUF_INIT,
	                 .tbl = {.cell = {.text = BUF_INIT}},
	                 .first_row = d->rows->n};
	struct ooxml_sax sax = {body_start, body_end, body_text, &b};
	int rc = ooxml_parse(xml, n, "word/document.xml", &sax, err);
	free(xml);
	while (b.nsaved) /* a document cut inside a nested table */
		nest_pop(&b);
	table_read_free(&b, &b.tbl);
	ooxml_held_free(&b.held);
	buf_free(&b.para);
	buf_free(&b.hid);
	free(st.v);
	free(nb);
	if (!rc)
		ooxml_warn_hidden_text(p, "Word", b.hid_first, b.nhid);
	free(b.hid_first);
	if (rc)
		return -1;
	if (!b.breaks) /* never laid out by Word: no page is known */
		for (size_t i = b.first_row; i < d->rows->n; i++)
			d->rows->v[i].page = 0;
	if (b.too_many)
		ooxml_warn_columns(p);
	return b.serial ? 0 : ooxml_no_table(err);
}
