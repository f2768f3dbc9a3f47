/* odf.c: an OpenDocument text (.odt) or spreadsheet (.ods), told by the
 * package's mimetype (or, without one, by its body), as lines and rows.
 *
 * A text reads as docx.c reads a Word document: the cells of its tables
 * exactly (a cell's paragraphs and line breaks its lines, row.lines;
 * nested tables flattened into their cell, table:number-columns-spanned as empty cells after the
 * text, a covered cell under a table:number-rows-spanned cell repeating the
 * text above), paragraphs and headings outside tables as text, and list
 * numbering written out as the document shows it (text:number when the
 * producer wrote it, else counted from the list style's num-format,
 * num-prefix, num-suffix, start-value and display-levels). A row's page is
 * known when the producer marked page breaks (text:soft-page-break). What
 * LibreOffice hides is not read, as docx.c skips Word's hidden runs: text in
 * a paragraph or character style with text:display="none" (its own or one
 * it inherits from), a hidden text field, a paragraph with a hidden
 * paragraph field (text:is-hidden true), a section text:display="none";
 * a warning quotes the first of them.
 *
 * A spreadsheet reads as xlsx.c reads a workbook: each sheet a table, each
 * row its own row number, a cell's text as the sheet shows it (text:p: a
 * number keeps "05" or "1.000" as typed), a merged range's text in its
 * first cell, the rows below repeating it in the range's first column, a
 * row whose only text is in the sheet's first column running text.
 *
 * Repeats (table:number-columns-repeated, number-rows-repeated) are the
 * format's compression: an empty run costs nothing, a run with text is
 * written out within the limits of a workbook (MAX_COLS columns, MAX_ROWS
 * rows) and at most MAX_REPEAT cells and OOXML_MAX_TOTAL bytes of text in
 * all: past those the file is refused as a bomb.
 *
 * A flat file (.fodt, .fods, as LibreOffice saves "Flat XML") is the same
 * package as one XML document: its styles, then its body, read alike; its
 * root's office:mimetype says which kind, and an embedded image's base64
 * (office:binary-data) is not text. */
#define _GNU_SOURCE /* memmem */
#include "ooxml.h"

#include "plan.h"
#include "table.h"
#include "text.h"
#include "util.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_COLS   OOXML_MAX_COLS
#define MAX_ROWS   200000 /* rows of the whole document */
#define MAX_STYLES 512    /* list styles kept */
#define MAX_LEVELS 10
#define MAX_LISTS  64        /* lists open inside one another */
#define MAX_REPEAT (1 << 20) /* cells with text written out by repeats */
#define MAX_NEST   64        /* paragraphs and spans open inside one another */

/* ---- list styles ---- */

struct lstyle_level {
	char format; /* '1', 'I', 'i', 'A', 'a'; '-' a bullet; 0 none */
	int start, display;
	char prefix[16], suffix[16];
};

struct lstyle {
	char name[64];
	struct lstyle_level lvl[MAX_LEVELS];
	int count[MAX_LEVELS];
};

struct styles {
	struct lstyle v[MAX_STYLES];
	int n;
	struct lstyle *cur; /* while parsing a text:list-style */
	/* table styles that hide their sheet (table:display="false") */
	char hidden[MAX_STYLES][64];
	int nhidden;
	char table_style[64]; /* the style:style of family table being parsed */
	/* text and paragraph styles: what they say of text:display */
	struct tstyle *ts;
	size_t nts, capts, sorted;
	struct tstyle *cur_ts; /* the one being parsed */
};

struct tstyle {
	char family; /* 'T' text (a span's), 'P' paragraph */
	signed char hidden; /* text:display "none" 1, another 0, not said -1 */
	char *name, *parent;
	size_t seq; /* the later of two of one name (content.xml's) counts */
};

static int num(const char *s, int dflt, int max)
{
	if (!s || !*s)
		return dflt;
	long v = strtol(s, NULL, 10);
	return v < 0 ? 0 : v > max ? max : (int)v;
}

static const char *or_empty(const char *s)
{
	return s ? s : "";
}

static struct lstyle *style_find(struct styles *st, const char *name)
{
	for (int i = 0; name && i < st->n; i++)
		if (!strcmp(st->v[i].name, name))
			return &st->v[i];
	return NULL;
}

static void style_start(struct styles *st, const char *name, const char **attr)
{
	if (!strcmp(name, "style")) {
		const char *f = or_empty(ooxml_attr(attr, "family")), *n = ooxml_attr(attr, "name");
		snprintf(st->table_style, sizeof st->table_style, "%s",
		         !strcmp(f, "table") ? or_empty(n) : "");
		st->cur_ts = NULL;
		char fam = !strcmp(f, "text") ? 'T' : !strcmp(f, "paragraph") ? 'P' : 0;
		if (fam && n) {
			st->ts = xgrow(st->ts, &st->capts, st->nts + 1, sizeof *st->ts);
			st->cur_ts = &st->ts[st->nts++];
			const char *up = ooxml_attr(attr, "parent-style-name");
			*st->cur_ts = (struct tstyle){fam, -1, xstrdup(n), up ? xstrdup(up) : NULL,
			                              st->nts};
		}
		return;
	}
	if (!strcmp(name, "text-properties") && st->cur_ts) {
		const char *d = ooxml_attr(attr, "display");
		if (d)
			st->cur_ts->hidden = !strcmp(d, "none");
		return;
	}
	if (!strcmp(name, "table-properties")) {
		const char *d = ooxml_attr(attr, "display");
		if (*st->table_style && d && !strcmp(d, "false") && st->nhidden < MAX_STYLES)
			snprintf(st->hidden[st->nhidden++], sizeof *st->hidden, "%s",
			         st->table_style);
		return;
	}
	if (!strcmp(name, "list-style")) {
		const char *n = ooxml_attr(attr, "name");
		st->cur = NULL;
		if (!n || st->n >= MAX_STYLES)
			return;
		st->cur = &st->v[st->n++];
		memset(st->cur, 0, sizeof *st->cur);
		snprintf(st->cur->name, sizeof st->cur->name, "%s", n);
		return;
	}
	if (!st->cur)
		return;
	bool number = !strcmp(name, "list-level-style-number");
	if (!number && strcmp(name, "list-level-style-bullet"))
		return;
	int k = num(ooxml_attr(attr, "level"), 1, 100) - 1;
	if (k < 0 || k >= MAX_LEVELS)
		return;
	struct lstyle_level *l = &st->cur->lvl[k];
	memset(l, 0, sizeof *l);
	l->start = num(ooxml_attr(attr, "start-value"), 1, 100000);
	l->display = num(ooxml_attr(attr, "display-levels"), 1, MAX_LEVELS);
	if (!number) {
		l->format = '-';
		return;
	}
	const char *f = ooxml_attr(attr, "num-format");
	l->format = f && strchr("1IiAa", f[0]) && f[0] && !f[1] ? f[0] : 0;
	snprintf(l->prefix, sizeof l->prefix, "%s", or_empty(ooxml_attr(attr, "num-prefix")));
	snprintf(l->suffix, sizeof l->suffix, "%s", or_empty(ooxml_attr(attr, "num-suffix")));
}

static void style_end(struct styles *st, const char *name)
{
	if (!strcmp(name, "list-style"))
		st->cur = NULL;
	else if (!strcmp(name, "style"))
		st->cur_ts = NULL;
}

static int cmp_tstyle_name(const void *a, const void *b)
{
	const struct tstyle *x = a, *y = b;
	return x->family != y->family ? x->family - y->family : strcmp(x->name, y->name);
}

static int cmp_tstyle(const void *a, const void *b) /* the later first */
{
	const struct tstyle *x = a, *y = b;
	int c = cmp_tstyle_name(a, b);
	return c ? c : (x->seq < y->seq) - (x->seq > y->seq);
}

/* Whether style name of family ('T', 'P') hides its text (text:display
 * "none"), itself or by the styles it inherits from: 1 it does, 0 it
 * shows it, -1 none of them says. */
static int style_hidden(struct styles *st, char family, const char *name)
{
	if (st->sorted != st->nts) {
		xqsort(st->ts, st->nts, sizeof *st->ts, cmp_tstyle);
		st->sorted = st->nts;
	}
	for (int depth = 0; name && depth < 16; depth++) {
		struct tstyle key = {family, -1, (char *)name, NULL, 0};
		const struct tstyle *t =
		        bsearch(&key, st->ts, st->nts, sizeof *st->ts, cmp_tstyle_name);
		if (!t)
			return -1;
		while (t > st->ts && !cmp_tstyle_name(t - 1, &key))
			t--;
		if (t->hidden >= 0)
			return t->hidden;
		name = t->parent;
	}
	return -1;
}

static void styles_free(struct styles *st)
{
	for (size_t i = 0; i < st->nts; i++) {
		free(st->ts[i].name);
		free(st->ts[i].parent);
	}
	free(st->ts);
	free(st);
}

/* The label of the next item at level k (0-based) of list style s,
 * counting it ("2.", "b)", "II.1."; "-" for a bullet); NULL for none.
 * start, when not negative, is the item's own text:start-value. */
static char *list_label(struct lstyle *s, int k, int start)
{
	if (!s || k < 0 || k >= MAX_LEVELS)
		return NULL;
	struct lstyle_level *l = &s->lvl[k];
	s->count[k] = start >= 0 ? start : s->count[k] ? s->count[k] + 1 : l->start;
	for (int i = k + 1; i < MAX_LEVELS; i++)
		s->count[i] = 0;
	if (l->format == '-')
		return xstrdup("-");
	if (!l->format)
		return NULL;
	struct buf b = BUF_INIT;
	buf_puts(&b, l->prefix);
	int from = k - (l->display ? l->display : 1) + 1;
	bool wrote = false;
	for (int i = from < 0 ? 0 : from; i <= k; i++) {
		if (i < k && (!s->lvl[i].format || s->lvl[i].format == '-'))
			continue;
		if (wrote)
			buf_putc(&b, '.');
		wrote = true;
		ooxml_count(&b, s->lvl[i].format, s->count[i] ? s->count[i] : s->lvl[i].start);
	}
	buf_puts(&b, l->suffix);
	return buf_detach(&b);
}

/* ---- the body ---- */

struct odf {
	struct ooxml_doc *doc;
	struct styles *st;
	struct plan *plan; /* its warnings */
	struct error *err;
	bool stop;    /* a flat file of another OpenDocument kind: *err set */
	bool sheet;   /* office:spreadsheet */
	bool in_body; /* inside office:body */
	int skip;     /* inside notes, annotations, tracked changes: ignored */
	int pdepth;   /* paragraphs open (a text box nests one in another) */
	int tdepth;   /* tables open */
	struct buf para;
	char *label;    /* the paragraph's list label */
	bool in_number; /* inside text:number: its text is the label */
	struct buf number;
	/* lists */
	struct {
		struct lstyle *style;
	} list[MAX_LISTS];
	int nlist;
	bool item; /* a list item's first paragraph not seen yet */
	int item_start;
	/* the top-level table */
	int table, rowno, row_repeat;
	bool in_cell;
	struct buf cell;
	int span, rspan, crepeat;
	const char *vtype;
	char value[64]; /* office:value and kin, for a cell with no text:p */
	bool cell_p;    /* the cell had a paragraph */
	char *cells[MAX_COLS];
	int ncell, skip_cov;
	char *above[MAX_COLS];
	int vleft[MAX_COLS];
	/* spreadsheets: the sheet's rows; what the sheet hides */
	struct ooxml_srow *rows; /* kept until the sheet ends */
	size_t nrows, caprows;
	char sheet_name[64];
	bool sheet_hidden, row_hidden, colhid[MAX_COLS];
	int ncol, hid_rows;
	/* hidden text (what LibreOffice does not show): a paragraph's or
	 * span's style with text:display="none", text:hidden-text and
	 * text:hidden-paragraph when text:is-hidden, a section
	 * text:display="none" */
	bool vis[MAX_NEST]; /* the paragraphs and spans open: hidden or not */
	int nvis, hsec;     /* hsec: hidden sections open */
	bool p_hidden;      /* the paragraph hidden whole */
	struct buf hid;     /* the paragraph's hidden text */
	int nhid;           /* paragraphs with hidden text */
	char *hid_first;    /* the first one's text */
	/* limits */
	size_t total_rows, bytes, repeated;
	bool cut, too_big;
	/* pages */
	int breaks, row_page;
	size_t first_row;
};

static void add_cell(struct odf *o, const char *s)
{
	if (o->ncell >= MAX_COLS) {
		o->cut |= *s != '\0';
		return;
	}
	o->cells[o->ncell++] = xstrdup(s);
}

static void clear_above(struct odf *o)
{
	for (int i = 0; i < MAX_COLS; i++) {
		free(o->above[i]);
		o->above[i] = NULL;
		o->vleft[i] = 0;
	}
}

static bool hidden_now(const struct odf *o)
{
	return o->hsec || (o->nvis && o->vis[(o->nvis > MAX_NEST ? MAX_NEST : o->nvis) - 1]);
}

/* A paragraph or span opens: hidden when said (1), shown (0), or as what
 * holds it (-1). */
static void push_vis(struct odf *o, int said)
{
	bool h = said >= 0 ? said : hidden_now(o);
	if (o->nvis < MAX_NEST)
		o->vis[o->nvis] = h;
	o->nvis++;
}

static void end_paragraph(struct odf *o)
{
	/* in a cell, its line breaks are its lines */
	char *text = o->in_cell ? clean_lines(buf_str(&o->para)) : text_clean(buf_str(&o->para));
	char *label = o->number.len ? text_clean(buf_str(&o->number)) : o->label;
	if (label != o->label)
		free(o->label);
	o->label = NULL;
	char *full = label && *label ? (*text ? xasprintf("%s %s", label, text) : xstrdup(label))
	                             : xstrdup(text);
	free(label);
	free(text);
	buf_reset(&o->para);
	buf_reset(&o->number);
	if (o->p_hidden) { /* its label and text not shown either */
		buf_putc(&o->hid, ' ');
		buf_puts(&o->hid, full);
		*full = '\0';
	}
	char *hid = text_clean(buf_str(&o->hid));
	buf_reset(&o->hid);
	if (*hid && o->nhid++ == 0)
		o->hid_first = text_prefix(hid, 60);
	free(hid);
	if (o->tdepth == 0) {
		if (!o->sheet)
			ooxml_text(o->doc, full);
	} else if (o->in_cell) {
		o->cell_p = true;
		if (*full) {
			if (o->cell.len)
				buf_putc(&o->cell, '\n');
			buf_puts(&o->cell, full);
		}
	}
	free(full);
}

static void start_cell(struct odf *o, const char **attr)
{
	o->in_cell = true;
	o->cell_p = false;
	buf_reset(&o->cell);
	o->span = num(ooxml_attr(attr, "number-columns-spanned"), 1, MAX_COLS);
	o->rspan = num(ooxml_attr(attr, "number-rows-spanned"), 1, 1 << 20);
	o->crepeat = num(ooxml_attr(attr, "number-columns-repeated"), 1, 1 << 20);
	if (o->span < 1)
		o->span = 1;
	if (o->crepeat < 1)
		o->crepeat = 1;
	o->value[0] = '\0';
	static const char *const kinds[] = {"value", "date-value", "time-value", "boolean-value",
	                                    "string-value"};
	for (size_t i = 0; i < sizeof kinds / sizeof *kinds && !o->value[0]; i++) {
		const char *v = ooxml_attr(attr, kinds[i]);
		if (v)
			snprintf(o->value, sizeof o->value, "%s", v);
	}
}

static void end_cell(struct odf *o)
{
	o->in_cell = false;
	/* a cell with a value but no paragraph (written by another program) */
	const char *text = o->cell_p || o->cell.len ? buf_str(&o->cell) : o->value;
	for (int k = 0; k < o->crepeat; k++) {
		if (o->ncell >= MAX_COLS) {
			o->cut |= *text != '\0';
			break;
		}
		int col = o->ncell;
		if (k && *text && ++o->repeated > MAX_REPEAT) {
			o->too_big = true;
			break;
		}
		o->skip_cov = o->span - 1;
		add_cell(o, text);
		for (int i = 1; i < o->span; i++)
			add_cell(o, "");
		for (int i = col; i < col + o->span && i < MAX_COLS; i++) {
			free(o->above[i]);
			o->above[i] = NULL;
			o->vleft[i] = 0;
		}
		if (o->rspan > 1) {
			o->above[col] = xstrdup(text);
			o->vleft[col] = o->rspan - 1;
		}
		if (!*text && o->span == 1 && o->rspan <= 1) { /* an empty run: cheap */
			int left = o->crepeat - k - 1, room = MAX_COLS - o->ncell;
			for (int i = 0; i < left && i < room; i++)
				add_cell(o, "");
			break;
		}
	}
}

/* A covered cell: the rest of a span on its row (skipped: the spanning cell
 * wrote its empty cells), or under a cell spanning rows (its text again). */
static void covered_cell(struct odf *o, const char **attr)
{
	int n = num(ooxml_attr(attr, "number-columns-repeated"), 1, 1 << 20);
	for (int k = 0; k < n && o->ncell < MAX_COLS; k++) {
		if (o->skip_cov > 0) {
			o->skip_cov--;
			continue;
		}
		int col = o->ncell;
		if (o->vleft[col] > 0 && o->above[col]) {
			o->vleft[col]--;
			add_cell(o, o->above[col]);
		} else {
			add_cell(o, "");
		}
	}
}

static void free_cells(struct odf *o)
{
	for (int i = 0; i < o->ncell; i++)
		free(o->cells[i]);
	o->ncell = 0;
}

static bool count_row(struct odf *o, bool copy)
{
	size_t b = 0;
	for (int i = 0; i < o->ncell; i++)
		b += strlen(o->cells[i]);
	if (o->total_rows >= MAX_ROWS) {
		o->cut = true;
		return false;
	}
	if (b > OOXML_MAX_TOTAL - o->bytes ||
	    (copy && (o->repeated += (size_t)o->ncell) > MAX_REPEAT)) {
		o->too_big = true;
		return false;
	}
	o->total_rows++;
	o->bytes += b;
	return true;
}

static void end_row(struct odf *o)
{
	bool any = false;
	for (int i = 0; i < o->ncell && !any; i++)
		any = *o->cells[i] != '\0';
	if (o->sheet && o->row_hidden) { /* collapsed or filtered out: not read */
		o->hid_rows += any;
		any = false;
	}
	int reps = any ? o->row_repeat : 1;
	for (int k = 0; k < reps && any; k++) {
		if (!count_row(o, k > 0))
			break;
		int rowno = o->rowno + k;
		if (!o->sheet) {
			ooxml_row(o->doc, o->cells, o->ncell, o->table, rowno, o->row_page);
			continue;
		}
		o->rows = xgrow(o->rows, &o->caprows, o->nrows + 1, sizeof *o->rows);
		struct ooxml_srow *s = &o->rows[o->nrows++];
		*s = (struct ooxml_srow){rowno, o->ncell, false,
		                         xmalloc((size_t)o->ncell * sizeof *s->cell)};
		for (int i = 0; i < o->ncell; i++)
			s->cell[i] = xstrdup(o->cells[i]);
	}
	o->rowno = o->rowno < (1 << 30) ? o->rowno + o->row_repeat - 1 : o->rowno;
	free_cells(o);
}

static void free_rows(struct odf *o)
{
	for (size_t i = 0; i < o->nrows; i++) {
		for (int c = 0; c < o->rows[i].n; c++)
			free(o->rows[i].cell[c]);
		free(o->rows[i].cell);
	}
	o->nrows = 0;
}

/* The style of the innermost list open (a list without its own style takes
 * its parent's), or NULL. */
static struct lstyle *list_style(struct odf *o)
{
	return o->nlist ? o->list[(o->nlist > MAX_LISTS ? MAX_LISTS : o->nlist) - 1].style : NULL;
}

static int mime_kind(const char *m, struct error *err);

static void body_start(void *ud, const char *name, const char **attr)
{
	struct odf *o = ud;
	if (o->too_big || o->stop)
		return;
	if (o->skip) {
		o->skip++;
		return;
	}
	if (!o->in_body) {
		const char *m = ooxml_attr(attr, "mimetype");
		if (!strcmp(name, "body"))
			o->in_body = true;
		else if (!strcmp(name, "document") && m) /* a flat file's root */
			o->stop = mime_kind(m, o->err) < 0;
		else
			style_start(o->st, name, attr); /* the automatic list styles */
		return;
	}
	if (!strcmp(name, "spreadsheet")) {
		o->sheet = true;
	} else if (!strcmp(name, "note") || !strcmp(name, "annotation") ||
	           !strcmp(name, "tracked-changes") || !strcmp(name, "title") ||
	           !strcmp(name, "desc") || !strcmp(name, "sequence-decls") ||
	           !strcmp(name, "forms") || !strcmp(name, "named-expressions") ||
	           !strcmp(name, "binary-data")) { /* a flat file's images */
		o->skip = 1;
	} else if (!strcmp(name, "p") || !strcmp(name, "h")) {
		push_vis(o, style_hidden(o->st, 'P', ooxml_attr(attr, "style-name")));
		if (o->pdepth++ == 0) {
			o->p_hidden = hidden_now(o);
			buf_reset(&o->para);
			buf_reset(&o->number);
			free(o->label);
			o->label = NULL;
			if (o->item && o->nlist) {
				o->label = list_label(list_style(o), o->nlist - 1, o->item_start);
				o->item = false;
			}
		} else {
			buf_putc(&o->para, ' ');
		}
	} else if (!strcmp(name, "span")) {
		push_vis(o, style_hidden(o->st, 'T', ooxml_attr(attr, "style-name")));
	} else if (!strcmp(name, "hidden-text") && ooxml_true(ooxml_attr(attr, "is-hidden"))) {
		/* its text (again inside) said, not read */
		buf_puts(&o->hid, or_empty(ooxml_attr(attr, "string-value")));
		o->skip = 1;
	} else if (!strcmp(name, "hidden-paragraph") && o->pdepth) {
		o->p_hidden |= ooxml_true(ooxml_attr(attr, "is-hidden"));
	} else if (!strcmp(name, "section")) {
		const char *d = ooxml_attr(attr, "display");
		o->hsec += o->hsec || (d && !strcmp(d, "none"));
	} else if (!strcmp(name, "number") && o->pdepth) {
		o->in_number = true;
	} else if ((!strcmp(name, "s") || !strcmp(name, "tab") || !strcmp(name, "line-break")) &&
	           o->pdepth) {
		bool h = hidden_now(o);
		buf_putc(h ? &o->hid : &o->para, !h && name[1] == 'i' ? '\n' : ' ');
	} else if (!strcmp(name, "soft-page-break")) {
		o->breaks++;
	} else if (!strcmp(name, "list")) {
		struct lstyle *s = style_find(o->st, ooxml_attr(attr, "style-name"));
		if (!s)
			s = list_style(o);
		const char *cont = ooxml_attr(attr, "continue-numbering");
		if (s && o->nlist == 0 && !ooxml_attr(attr, "continue-list") &&
		    !(cont && !strcmp(cont, "true")))
			memset(s->count, 0, sizeof s->count);
		if (o->nlist < MAX_LISTS)
			o->list[o->nlist].style = s;
		o->nlist++;
	} else if (!strcmp(name, "list-item")) {
		o->item = true;
		o->item_start = num(ooxml_attr(attr, "start-value"), -1, 100000);
	} else if (!strcmp(name, "list-header")) {
		o->item = false;
	} else if (!strcmp(name, "table")) {
		if (o->tdepth++ == 0 && o->pdepth == 0) {
			o->table++;
			o->rowno = 0;
			clear_above(o);
			const char *style = ooxml_attr(attr, "style-name");
			o->sheet_hidden = false;
			for (int i = 0; style && i < o->st->nhidden; i++)
				o->sheet_hidden |= !strcmp(o->st->hidden[i], style);
			snprintf(o->sheet_name, sizeof o->sheet_name, "%s",
			         or_empty(ooxml_attr(attr, "name")));
			memset(o->colhid, 0, sizeof o->colhid);
			o->ncol = o->hid_rows = 0;
		}
	} else if (o->tdepth == 1 && o->pdepth == 0) {
		const char *vis = ooxml_attr(attr, "visibility");
		bool hidden = vis && strcmp(vis, "visible"); /* collapse, filter */
		if (!strcmp(name, "table-column")) {
			int n = num(ooxml_attr(attr, "number-columns-repeated"), 1, 1 << 20);
			for (int k = 0; k < n && o->ncol < MAX_COLS; k++)
				o->colhid[o->ncol++] = hidden;
		} else if (!strcmp(name, "table-row")) {
			o->row_hidden = hidden;
			o->rowno++;
			free_cells(o);
			o->skip_cov = 0;
			o->row_page = o->breaks + 1;
			o->row_repeat = num(ooxml_attr(attr, "number-rows-repeated"), 1, 1 << 24);
			if (o->row_repeat < 1)
				o->row_repeat = 1;
		} else if (!strcmp(name, "table-cell")) {
			start_cell(o, attr);
		} else if (!strcmp(name, "covered-table-cell")) {
			covered_cell(o, attr);
			o->skip = 1; /* a covered cell's own content is hidden */
		}
	}
}

static void body_end(void *ud, const char *name)
{
	struct odf *o = ud;
	if (o->too_big || o->stop)
		return;
	if (o->skip) {
		o->skip--;
		return;
	}
	if (!o->in_body) {
		style_end(o->st, name);
		return;
	}
	if (!strcmp(name, "number")) {
		o->in_number = false;
	} else if (!strcmp(name, "p") || !strcmp(name, "h")) {
		o->nvis--;
		if (o->pdepth > 0 && --o->pdepth == 0)
			end_paragraph(o);
	} else if (!strcmp(name, "span")) {
		o->nvis--;
	} else if (!strcmp(name, "section")) {
		o->hsec -= o->hsec > 0;
	} else if (!strcmp(name, "list")) {
		if (o->nlist > 0)
			o->nlist--;
		o->item = false;
	} else if (!strcmp(name, "list-item")) {
		o->item = false;
	} else if (!strcmp(name, "table")) {
		if (o->tdepth > 0 && --o->tdepth == 0 && o->pdepth == 0 && o->sheet) {
			/* as xlsx.c reads a worksheet; a row's empty cells at its end not kept */
			ooxml_sheet(o->doc, o->plan, o->sheet_name, o->sheet_hidden, o->table, o->rows,
			            o->nrows, o->colhid, o->hid_rows, true);
			free_rows(o);
		}
	} else if (o->tdepth == 1 && o->pdepth == 0 && !strcmp(name, "table-cell") && o->in_cell) {
		end_cell(o);
	} else if (o->tdepth == 1 && o->pdepth == 0 && !strcmp(name, "table-row")) {
		end_row(o);
	} else if (!strcmp(name, "body")) {
		o->in_body = false;
	}
}

static void body_text(void *ud, const char *s, int len)
{
	struct odf *o = ud;
	if (o->skip || !o->pdepth || o->too_big || o->stop)
		return;
	buf_put(hidden_now(o) ? &o->hid : o->in_number ? &o->number : &o->para, s, (size_t)len);
}

static void styles_start(void *ud, const char *name, const char **attr)
{
	style_start(ud, name, attr);
}

static void styles_end(void *ud, const char *name)
{
	style_end(ud, name);
}

/* The package's kind from its mimetype entry: 't' a text, 's' a
 * spreadsheet, 0 unknown (no such entry: told by the body), or -1 another
 * OpenDocument kind (a presentation, a drawing), with *err set. */
static int odf_kind(struct ooxml *z, struct error *err)
{
	size_t n;
	char *m = ooxml_read(z, "mimetype", &n, err);
	if (!m)
		return err_is(err) ? -1 : 0;
	int kind = mime_kind(m, err);
	free(m);
	return kind;
}

/* The kind a mimetype names, as odf_kind. */
static int mime_kind(const char *m, struct error *err)
{
	int kind = 0;
	/* a text, or Writer/Web's ("text-web": an HTML page saved as ODT, its
	 * body a text's) */
	if (!strncmp(m, "application/vnd.oasis.opendocument.text", 39) &&
	    (!strchr(m + 39, '-') || !strncmp(m + 39, "-web", 4)))
		kind = 't';
	else if (!strncmp(m, "application/vnd.oasis.opendocument.spreadsheet", 46) &&
	         !strchr(m + 46, '-'))
		kind = 's';
	else if (!strncmp(m, "application/vnd.oasis.opendocument.", 35)) {
		err_set(err, ERR_DOCUMENT,
		        "tệp OpenDocument này không phải văn bản (.odt) hay bảng tính (.ods) mà là "
		        "%.40s; hãy tải lên chính tệp kế hoạch",
		        m + 35);
		kind = -1;
	}
	return kind;
}

/* Read the body xml[0..n) (content.xml, or a flat file whole) of kind
 * ('t', 's', 0 told by the body) with the list styles st into d. */
static int odf_body(const char *xml, size_t n, const char *part, struct styles *st, int kind,
                    struct ooxml_doc *d, struct plan *p, struct error *err)
{
	struct odf o = {.doc = d,
	                .st = st,
	                .plan = p,
	                .err = err,
	                .sheet = kind == 's',
	                .para = BUF_INIT,
	                .number = BUF_INIT,
	                .cell = BUF_INIT,
	                .hid = BUF_INIT,
	                .first_row = d->rows->n};
	struct ooxml_sax sax = {body_start, body_end, body_text, &o};
	int rc = ooxml_parse(xml, n, part, &sax, err);
	free_cells(&o);
	clear_above(&o);
	free_rows(&o);
	free(o.rows);
	free(o.label);
	buf_free(&o.para);
	buf_free(&o.number);
	buf_free(&o.cell);
	buf_free(&o.hid);
	if (!rc && !o.stop)
		ooxml_warn_hidden_text(p, "LibreOffice", o.hid_first, o.nhid);
	free(o.hid_first);
	if (rc || o.stop)
		return -1;
	if (o.too_big) {
		err_set(err, ERR_DOCUMENT,
		        "các bảng của tệp quá lớn khi trải các ô lặp lại ra (quá %d ô lặp lại "
		        "hay %u MB chữ): tệp hỏng hoặc là bom nén; không đọc",
		        MAX_REPEAT, OOXML_MAX_TOTAL >> 20);
		return -1;
	}
	if (!o.breaks) /* no page break marked: no page is known */
		for (size_t i = o.first_row; i < d->rows->n; i++)
			d->rows->v[i].page = 0;
	if (o.cut)
		plan_warn(p, 0, "Tệp quá lớn: chỉ đọc %d cột đầu của mỗi bảng và %d dòng đầu",
		          MAX_COLS, MAX_ROWS);
	if (o.table == 0) {
		err_set(err, ERR_DOCUMENT,
		        o.sheet ? "bảng tính OpenDocument không có trang tính nào; hãy nhập phụ "
		                  "lục chỉ tiêu vào một trang tính rồi tải lên lần nữa"
		                : "tệp văn bản OpenDocument không có bảng nào: chitieu đọc chỉ "
		                  "tiêu và nhiệm vụ từ bảng (Stt | Chỉ tiêu | Đơn vị tính | Mức "
		                  "chỉ tiêu ...); hãy đưa phụ lục chỉ tiêu vào một bảng rồi tải "
		                  "lên lần nữa");
		return -1;
	}
	return 0;
}

int odf_read(struct ooxml *z, struct ooxml_doc *d, struct plan *p, struct error *err)
{
	int kind = odf_kind(z, err);
	if (kind < 0)
		return -1;
	struct styles *st = xcalloc(1, sizeof *st);
	size_t n;
	int rc = -1;
	char *xml = ooxml_read(z, "styles.xml", &n, err);
	if (err_is(err))
		goto out;
	if (xml) {
		struct ooxml_sax sax = {styles_start, styles_end, NULL, st};
		int r = ooxml_parse(xml, n, "styles.xml", &sax, err);
		free(xml);
		if (r)
			goto out;
	}
	st->cur = NULL;
	xml = ooxml_read(z, "content.xml", &n, err);
	if (!xml)
		goto out;
	rc = odf_body(xml, n, "content.xml", st, kind, d, p, err);
	free(xml);
out:
	styles_free(st);
	return rc;
}

/* ---- flat files (.fodt, .fods): the package as one XML document ---- */

static const char *skip_ws(const char *s, const char *end)
{
	while (s < end && strchr(" \t\r\n", *s) && *s)
		s++;
	return s;
}

bool odf_flat_sniff(const char *data, size_t n)
{
	const char *s = data, *end = data + (n < 16384 ? n : 16384);
	if (end - s >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3))
		s += 3;
	for (;;) { /* the XML declaration, comments, processing instructions */
		s = skip_ws(s, end);
		const char *close = NULL;
		if (end - s >= 4 && !memcmp(s, "<!--", 4))
			close = memmem(s, (size_t)(end - s), "-->", 3);
		else if (end - s >= 2 && !memcmp(s, "<?", 2))
			close = memmem(s, (size_t)(end - s), "?>", 2);
		else
			break;
		if (!close)
			return false;
		s = close + 2;
	}
	static const char root[] = "<office:document",
	                  ns[] = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
	size_t k = sizeof root - 1;
	return end - s > (ptrdiff_t)k && !memcmp(s, root, k) && strchr(" \t\r\n>", s[k]) && s[k] &&
	       memmem(s, (size_t)(end - s), ns, sizeof ns - 1);
}

int odf_flat_read_plan(const char *data, size_t n, struct lines *l, struct rows *r, struct plan *p,
                       struct error *err)
{
	struct ooxml_doc d = {l, r, false};
	struct styles *st = xcalloc(1, sizeof *st);
	int rc = odf_body(data, n, "XML", st, 0, &d, p, err);
	styles_free(st);
	return rc;
}
