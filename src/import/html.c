/* html.c: a web page (a legal-document portal's page saved as .html, or the
 * HTML a tool wrote) into lines and rows for the interpreter. A small
 * tokenizer of its own: tables (colspan, rowspan, nested tables), cell text
 * with entities decoded, <br>/<p> in cells as the cell's lines (row.lines),
 * paragraphs outside tables as text lines; script, style and head skipped
 * (a <style>'s rules read for the <div>s they make a table: htmlcss.c;
 * display:table/-row/-cell, and a grid cut into rows by its columns).
 * Bounded: tables nest at most HTML_MAX_DEPTH deep, rows at most
 * HTML_MAX_COLS wide, cells hold at most IMPORT_MAX_LINE bytes, at most
 * HTML_MAX_DIVS <div>s open at once are followed (CSS_MAX_RULES rules), and
 * every byte is looked at a bounded number of times, so malformed input
 * cannot make it hang. */
#include "html.h"

#include "htmlcss.h"
#include "import.h"
#include "text.h"
#include "util.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HTML_MAX_DEPTH 8
#define HTML_MAX_COLS  64
#define HTML_MAX_SPAN  1000
#define HTML_MAX_ROWS  200000
#define HTML_MAX_COPY  (32u << 20) /* bytes of rowspan copies, per page */
#define HTML_MAX_DIVS  256         /* <div>s open at once whose display is kept */
#define SNIFF_BYTES    1024

/* Case-insensitive search of w (lower case) in [s, end); NULL when absent. */
static const char *ci_find(const char *s, const char *end, const char *w)
{
	size_t n = strlen(w);
	for (; s + n <= end; s++)
		if (tolower((unsigned char)*s) == w[0] && html_ci_starts(s, end, w))
			return s;
	return NULL;
}

static const char *skip_bom_space(const char *s, const char *end)
{
	if (end - s >= 3 && !memcmp(s, "\xef\xbb\xbf", 3))
		s += 3;
	while (s < end && isspace((unsigned char)*s))
		s++;
	return s;
}

bool html_sniff(const char *s, size_t n)
{
	const char *end = s + n, *p = skip_bom_space(s, end);
	if (p >= end || *p != '<')
		return false;
	const char *lim = p + SNIFF_BYTES < end ? p + SNIFF_BYTES : end;
	static const char *const marks[] = {"<!doctype html", "<html", "<table", "<body", "<head"};
	for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
		if (ci_find(p, lim, marks[i]))
			return true;
	return false;
}

const char *html_charset(const char *s, size_t n)
{
	const char *end = s + (n < 4096 ? n : 4096);
	for (const char *p = ci_find(s, end, "charset"); p; p = ci_find(p + 7, end, "charset")) {
		const char *q = p + 7;
		while (q < end && (*q == ' ' || *q == '=' || *q == '"' || *q == '\''))
			q++;
		static const struct {
			const char *w, *name;
		} known[] = {
		        {"windows-1258", "windows-1258"},
		        {"cp1258", "windows-1258"},
		        {"windows-1252", "windows-1252"},
		        {"iso-8859-1", "windows-1252"},
		        {"latin1", "windows-1252"},
		        {"utf-8", "utf-8"},
		        {"utf8", "utf-8"},
		};
		for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
			if (html_ci_starts(q, end, known[i].w))
				return known[i].name;
	}
	return NULL;
}

/* ---- entities ---- */

static void put_cp(struct buf *b, uint32_t cp)
{
	if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
		cp = 0xFFFD;
	char u[4];
	int k;
	if (cp < 0x80) {
		u[0] = (char)cp;
		k = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | (cp >> 6));
		u[1] = (char)(0x80 | (cp & 0x3F));
		k = 2;
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | (cp >> 12));
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		k = 3;
	} else {
		u[0] = (char)(0xF0 | (cp >> 18));
		u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
		k = 4;
	}
	buf_put(b, u, (size_t)k);
}

static const struct {
	const char *name;
	uint32_t cp;
} entities[] = {
        {"amp", '&'},       {"lt", '<'},       {"gt", '>'},       {"quot", '"'},
        {"apos", '\''},     {"nbsp", 0xA0},    {"ndash", 0x2013}, {"mdash", 0x2014},
        {"hellip", 0x2026}, {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"ldquo", 0x201C},
        {"rdquo", 0x201D},  {"laquo", 0xAB},   {"raquo", 0xBB},   {"ge", 0x2265},
        {"le", 0x2264},     {"ne", 0x2260},    {"times", 0xD7},   {"divide", 0xF7},
        {"deg", 0xB0},      {"plusmn", 0xB1},  {"middot", 0xB7},  {"bull", 0x2022},
        {"shy", 0xAD},      {"copy", 0xA9},    {"reg", 0xAE},     {"permil", 0x2030},
        {"Agrave", 0xC0},   {"Aacute", 0xC1},  {"Acirc", 0xC2},   {"Atilde", 0xC3},
        {"Egrave", 0xC8},   {"Eacute", 0xC9},  {"Ecirc", 0xCA},   {"Igrave", 0xCC},
        {"Iacute", 0xCD},   {"Ograve", 0xD2},  {"Oacute", 0xD3},  {"Ocirc", 0xD4},
        {"Otilde", 0xD5},   {"Ugrave", 0xD9},  {"Uacute", 0xDA},  {"Yacute", 0xDD},
        {"agrave", 0xE0},   {"aacute", 0xE1},  {"acirc", 0xE2},   {"atilde", 0xE3},
        {"egrave", 0xE8},   {"eacute", 0xE9},  {"ecirc", 0xEA},   {"igrave", 0xEC},
        {"iacute", 0xED},   {"ograve", 0xF2},  {"oacute", 0xF3},  {"ocirc", 0xF4},
        {"otilde", 0xF5},   {"ugrave", 0xF9},  {"uacute", 0xFA},  {"yacute", 0xFD},
        {"Abreve", 0x102},  {"abreve", 0x103}, {"Dstrok", 0x110}, {"dstrok", 0x111},
        {"Itilde", 0x128},  {"itilde", 0x129}, {"Utilde", 0x168}, {"utilde", 0x169},
        {"Ohorn", 0x1A0},   {"ohorn", 0x1A1},  {"Uhorn", 0x1AF},  {"uhorn", 0x1B0},
        {"ETH", 0xD0},      {"eth", 0xF0},
};

/* An entity at s ('&'): decoded into b, returns the bytes read; 0 when it
 * is not one (the '&' is then text). */
static size_t entity(const char *s, const char *end, struct buf *b)
{
	const char *p = s + 1;
	if (p < end && *p == '#') {
		p++;
		bool hex = p < end && (*p == 'x' || *p == 'X');
		p += hex;
		uint32_t v = 0;
		int digits = 0;
		while (p < end &&
		       (hex ? isxdigit((unsigned char)*p) : isdigit((unsigned char)*p))) {
			int d = isdigit((unsigned char)*p)
			                ? *p - '0'
			                : (tolower((unsigned char)*p) - 'a' + 10);
			if (v <= 0x10FFFF)
				v = v * (hex ? 16 : 10) + (uint32_t)d;
			p++;
			digits++;
		}
		if (!digits)
			return 0;
		put_cp(b, v);
		return (size_t)(p - s) + (p < end && *p == ';');
	}
	char name[12];
	size_t n = 0;
	while (p + n < end && n < sizeof name - 1 && isalnum((unsigned char)p[n])) {
		name[n] = p[n];
		n++;
	}
	name[n] = '\0';
	if (!n || p + n >= end || p[n] != ';')
		return 0;
	for (size_t i = 0; i < sizeof entities / sizeof entities[0]; i++)
		if (!strcmp(entities[i].name, name)) {
			put_cp(b, entities[i].cp);
			return n + 2;
		}
	return 0;
}

/* ---- tables ---- */

struct span {
	int left; /* rows still covered below */
	char *text;
};

struct cellv {
	char *text;
	bool copy; /* a rowspan's copy, not the row's own cell */
};

struct trow {
	struct cellv c[HTML_MAX_COLS];
	int n;
};

struct table {
	struct trow *rows;
	size_t nrows, cap;
	struct trow cur;
	bool in_row, in_cell, layout;
	struct buf cell;
	int colspan, rowspan;
	struct span span[HTML_MAX_COLS];
	size_t *copied; /* the page's rowspan copies so far */
	/* A table of <div>s (CSS display:table or grid): its first line, the
	 * <div>s open around it, and a grid's columns and next column. */
	bool div;
	int line, divlevel, grid, gcol;
};

/* What an open <div> is to the table model. */
enum div_kind { DIV_PLAIN, DIV_TABLE, DIV_ROW, DIV_CELL, DIV_GROUP, DIV_ITEM };

struct reader {
	const char *s, *end;
	struct lines *l;
	struct rows *out;
	struct buf para;
	struct table t[HTML_MAX_DEPTH];
	int depth;   /* open tables */
	int ignored; /* tables opened past the depth limit */
	int serial;  /* tables seen, numbers rows' tables */
	size_t copied;
	size_t nrows;
	struct css_sheet *css; /* the <style> rules that lay <div>s out */
	unsigned char divs[HTML_MAX_DIVS];
	int ndiv, divover; /* <div>s open: kept, and past HTML_MAX_DIVS */
	struct div_shape { /* what each open <div> holds */
		int line;  /* where it opens */
		int kids;  /* its child <div>s */
		int cols;  /* the child <div>s of its first child with several */
		int rows;  /* its children with as many child <div>s */
	} shape[HTML_MAX_DIVS];
	const struct html_sheet *sheets; /* saved with the page */
	size_t nsheets;
	char *sheet;       /* the first stylesheet the page links to (not read) */
	char *doubt;       /* why a grid of <div>s was not read, at line doubt_line */
	int doubt_line;
};

static int add_line(struct reader *r, const char *text)
{
	struct lines *l = r->l;
	l->v = xgrow(l->v, &l->cap, l->n + 1, sizeof *l->v);
	l->v[l->n++] = xstrdup(text);
	return (int)l->n;
}

static void flush_para(struct reader *r)
{
	if (!r->para.len)
		return;
	char *t = text_clean(buf_str(&r->para));
	buf_reset(&r->para);
	if (*t && r->nrows < HTML_MAX_ROWS) {
		struct row *row = rows_add(r->out, add_line(r, t));
		row->text = true;
		row_add_cell(row, t, strlen(t));
		r->nrows++;
	}
	free(t);
}

/* The innermost table that collects cells, or NULL (text is a paragraph). */
static struct table *cur_table(struct reader *r)
{
	if (r->depth == 0 || r->ignored)
		return NULL;
	struct table *t = &r->t[r->depth - 1];
	return t->layout ? NULL : t;
}

static void put_cell(struct trow *row, const char *text, bool copy)
{
	if (row->n >= HTML_MAX_COLS)
		return;
	row->c[row->n].text = xstrdup(text);
	row->c[row->n].copy = copy;
	row->n++;
}

/* Columns held by rowspans from rows above, at the row's current end. */
static void fill_spans(struct table *t, bool all)
{
	while (t->cur.n < HTML_MAX_COLS && t->span[t->cur.n].left > 0) {
		struct span *sp = &t->span[t->cur.n];
		size_t n = strlen(sp->text);
		bool room = *t->copied + n <= HTML_MAX_COPY;
		*t->copied += room ? n : 0;
		put_cell(&t->cur, room ? sp->text : "", true);
		if (--sp->left == 0) {
			free(sp->text);
			sp->text = NULL;
		}
	}
	if (!all)
		return;
	for (int i = t->cur.n; i < HTML_MAX_COLS; i++)
		if (t->span[i].left > 0) {
			while (t->cur.n < i)
				put_cell(&t->cur, "", false);
			fill_spans(t, false);
		}
}

/* Text with its paragraphs ('\n') as text lines. */
static void put_paras(struct reader *r, const char *s)
{
	while (*s) {
		size_t n = strcspn(s, "\n");
		buf_put(&r->para, s, n);
		flush_para(r);
		s += n + (s[n] == '\n');
	}
}

static void end_cell(struct table *t)
{
	if (!t->in_cell)
		return;
	t->in_cell = false;
	char *text = clean_lines(buf_str(&t->cell));
	buf_reset(&t->cell);
	fill_spans(t, false);
	int at = t->cur.n;
	put_cell(&t->cur, text, false);
	for (int k = 1; k < t->colspan; k++)
		put_cell(&t->cur, "", false);
	if (t->rowspan > 1)
		for (int k = 0; k < t->colspan && at + k < HTML_MAX_COLS; k++) {
			struct span *sp = &t->span[at + k];
			free(sp->text);
			sp->text = xstrdup(k == 0 ? text : "");
			sp->left = t->rowspan - 1;
		}
	free(text);
}

static void end_row(struct table *t)
{
	end_cell(t);
	if (!t->in_row)
		return;
	t->in_row = false;
	fill_spans(t, true);
	if (t->cur.n == 0)
		return;
	t->rows = xgrow(t->rows, &t->cap, t->nrows + 1, sizeof *t->rows);
	t->rows[t->nrows++] = t->cur;
	memset(&t->cur, 0, sizeof t->cur);
}

/* A year alone in a short cell ("2030", "Năm 2030", "Đến năm 2030"). */
static bool yearish(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 30)
		return false;
	return text_find_year(s, NULL) != 0;
}

/* A header's second line (the years under "Mức chỉ tiêu") holds the header
 * cells spanning two rows above it: those copies are not its own cells. */
static void blank_header_copies(struct trow *row)
{
	int own = 0;
	for (int i = 0; i < row->n; i++) {
		if (row->c[i].copy || !*row->c[i].text)
			continue;
		if (!yearish(row->c[i].text))
			return;
		own++;
	}
	if (own < 2)
		return;
	for (int i = 0; i < row->n; i++)
		if (row->c[i].copy)
			row->c[i].text[0] = '\0';
}

/* The table's rows as rows of cells, each also a markdown line. */
static void emit_table(struct reader *r, struct table *t, int serial)
{
	for (size_t i = 0; i < t->nrows; i++) {
		struct trow *tr = &t->rows[i];
		blank_header_copies(tr);
		if (r->nrows >= HTML_MAX_ROWS)
			break;
		struct buf b = BUF_INIT;
		buf_putc(&b, '|');
		for (int k = 0; k < tr->n; k++) {
			buf_putc(&b, ' ');
			for (const char *p = tr->c[k].text; *p; p++)
				buf_putc(&b, *p == '|' ? '/' : *p == '\n' ? ' ' : *p);
			buf_puts(&b, " |");
		}
		struct row *row = rows_add(r->out, add_line(r, buf_str(&b)));
		buf_free(&b);
		row->table = serial;
		for (int k = 0; k < tr->n; k++)
			row_add_lines(row, tr->c[k].text, strlen(tr->c[k].text));
		r->nrows++;
	}
}

static void free_table(struct table *t)
{
	for (size_t i = 0; i < t->nrows; i++)
		for (int k = 0; k < t->rows[i].n; k++)
			free(t->rows[i].c[k].text);
	for (int k = 0; k < t->cur.n; k++)
		free(t->cur.c[k].text);
	for (int k = 0; k < HTML_MAX_COLS; k++)
		free(t->span[k].text);
	free(t->rows);
	buf_free(&t->cell);
	memset(t, 0, sizeof *t);
}

/* A table read as the page's text: its rows so far become text lines, and
 * its text from now on paragraphs. */
static void to_layout(struct reader *r, struct table *t)
{
	end_row(t);
	for (size_t i = 0; i < t->nrows; i++)
		for (int k = 0; k < t->rows[i].n; k++)
			if (!t->rows[i].c[k].copy)
				put_paras(r, t->rows[i].c[k].text);
	for (int k = 0; k < t->cur.n; k++)
		if (!t->cur.c[k].copy)
			put_paras(r, t->cur.c[k].text);
	free_table(t);
	t->layout = true;
}

/* A table inside a table's cell: the outer ones only lay the page out. */
static void make_layout(struct reader *r)
{
	for (int d = 0; d < r->depth; d++)
		if (!r->t[d].layout)
			to_layout(r, &r->t[d]);
}

/* The table opened, NULL past the depth limit. */
static struct table *open_table(struct reader *r)
{
	if (r->ignored || r->depth >= HTML_MAX_DEPTH) {
		r->ignored++;
		return NULL;
	}
	if (r->depth > 0 && r->t[r->depth - 1].in_cell)
		make_layout(r);
	flush_para(r);
	struct table *t = &r->t[r->depth++];
	memset(t, 0, sizeof *t);
	t->cell = (struct buf)BUF_INIT;
	t->cell.max = IMPORT_MAX_LINE;
	t->copied = &r->copied;
	return t;
}

/* A table of <div>s one row or one column wide lays the page out (a
 * grid of the article beside its sidebar, a display:table to centre a
 * box): read as text, as before the <div>s were a table. */
static bool div_layout(const struct table *t)
{
	int wide = 0;
	for (size_t i = 0; i < t->nrows; i++)
		wide = t->rows[i].n > wide ? t->rows[i].n : wide;
	return t->nrows < 2 || wide < 2;
}

static void close_table(struct reader *r)
{
	if (r->ignored) {
		r->ignored--;
		return;
	}
	if (r->depth == 0)
		return;
	struct table *t = &r->t[r->depth - 1];
	end_row(t);
	if (!t->layout && t->div && div_layout(t))
		to_layout(r, t);
	if (t->layout) {
		flush_para(r);
	} else {
		emit_table(r, t, ++r->serial);
	}
	free_table(t);
	r->depth--;
}

static long attr_num(const char *a, const char *aend, const char *name)
{
	const char *p = ci_find(a, aend, name);
	if (!p)
		return 1;
	p += strlen(name);
	while (p < aend && (*p == ' ' || *p == '=' || *p == '"' || *p == '\''))
		p++;
	long v = 0;
	while (p < aend && isdigit((unsigned char)*p) && v < 100000)
		v = v * 10 + (*p++ - '0');
	return v < 1 ? 1 : v;
}

static bool is_block(const char *name)
{
	static const char *const blocks[] = {
	        "p",    "div",     "br",     "h1",      "h2",         "h3",     "h4",
	        "h5",   "h6",      "li",     "ul",      "ol",         "hr",     "section",
	        "nav",  "header",  "footer", "article", "blockquote", "center", "dd",
	        "dt",   "dl",      "pre",    "aside",   "form",       "main",   "address",
	        "body", "caption", "figure", "option",  "title"};
	for (size_t i = 0; i < sizeof blocks / sizeof blocks[0]; i++)
		if (!strcmp(name, blocks[i]))
			return true;
	return false;
}

static void text_space(struct reader *r)
{
	struct table *t = cur_table(r);
	if (t && t->in_cell)
		buf_putc(&t->cell, '\n');
	else if (t && !t->in_cell)
		; /* between cells: nothing */
	else
		flush_para(r);
}

/* ---- tables of <div>s ---- */

/* The value of attribute name in a[0..aend), its length in *len; NULL
 * when the tag has none. */
static const char *attr_value(const char *a, const char *aend, const char *name, size_t *len)
{
	size_t n = strlen(name);
	for (const char *p = a; p + n < aend; p++) {
		if (!isspace((unsigned char)*p) || !html_ci_starts(p + 1, aend, name))
			continue;
		const char *q = p + 1 + n;
		while (q < aend && isspace((unsigned char)*q))
			q++;
		if (q >= aend || *q != '=')
			continue;
		q++;
		while (q < aend && isspace((unsigned char)*q))
			q++;
		char quote = q < aend && (*q == '"' || *q == '\'') ? *q++ : 0;
		const char *v = q;
		while (q < aend && (quote ? *q != quote : !isspace((unsigned char)*q)))
			q++;
		*len = (size_t)(q - v);
		return v;
	}
	return NULL;
}

/* <link rel="stylesheet" href="…">: the address of the sheet (its first
 * 100 ASCII bytes), NULL for any other link. */
static char *linked_sheet(const char *a, const char *aend)
{
	size_t nr = 0, nh = 0;
	const char *rel = attr_value(a, aend, "rel", &nr);
	const char *href = attr_value(a, aend, "href", &nh);
	if (!rel || !href || !nh || !ci_find(rel, rel + nr, "stylesheet"))
		return NULL;
	size_t k = 0;
	while (k < nh && k < 100 && (unsigned char)href[k] >= ' ' && (unsigned char)href[k] < 0x80)
		k++;
	return k ? xstrndup(href, k) : NULL;
}

/* Whether the attribute value v[0..n) is the text t, its "&amp;"s read
 * as "&" (as a page writes an address with several parameters). */
static bool attr_is(const char *v, size_t n, const char *t)
{
	size_t i = 0;
	for (; i < n && *t; t++) {
		if (v[i] != *t)
			return false;
		i += *t == '&' && n - i >= 5 && !memcmp(v + i, "&amp;", 5) ? 5 : 1;
	}
	return i == n && !*t;
}

/* Whether href[0..nh) names the address url: the same, or relative and
 * ending it after a '/'. */
static bool url_names(const char *url, const char *href, size_t nh)
{
	if (attr_is(href, nh, url))
		return true;
	if (memchr(href, ':', nh))
		return false;
	while (nh && (*href == '/' || (*href == '.' && nh > 1 && href[1] == '/'))) {
		size_t k = *href == '/' ? 1 : 2;
		href += k;
		nh -= k;
	}
	for (const char *u = url; nh && (u = strchr(u, '/')) != NULL; u++)
		if (attr_is(href, nh, u + 1))
			return true;
	return false;
}

/* <link rel="stylesheet">: its rules when the sheet was saved with the
 * page, else its address kept (the first) for what <div>s may be. */
static void link_sheet(struct reader *r, const char *a, const char *aend)
{
	char *addr = linked_sheet(a, aend);
	size_t nh = 0;
	const char *href = addr ? attr_value(a, aend, "href", &nh) : NULL;
	for (size_t i = 0; href && i < r->nsheets; i++)
		if (url_names(r->sheets[i].url, href, nh)) {
			css_read(r->css, r->sheets[i].text, r->sheets[i].len);
			free(addr);
			return;
		}
	if (!r->sheet)
		r->sheet = addr;
	else
		free(addr);
}

/* Keeps the first reason a grid was read as text, said at line. */
static void doubt(struct reader *r, int line, char *why)
{
	if (r->doubt) {
		free(why);
		return;
	}
	r->doubt = why;
	r->doubt_line = line;
}

static const char grid_why[] = "không biết ô nào thuộc hàng nào nên chưa đọc bảng ấy; hãy nhập "
                               "bản in PDF của trang hoặc văn bản gốc";

/* A <div> with display:table or grid: a table opens (a grid's columns
 * known, else it stays text and the page says why). */
static enum div_kind div_table(struct reader *r, const struct css_box *b)
{
	int cols = 0;
	if (b->display == CSS_GRID) {
		cols = b->set & CSS_SET_COLS ? b->cols : 1;
		if (cols < 1 || cols > HTML_MAX_COLS || (b->set & CSS_SET_FLOW)) {
			doubt(r, (int)r->l->n + 1,
			      xasprintf(
			              "bảng dựng bằng <div> theo lưới CSS (display:grid) không cho "
			              "biết số cột (grid-template-columns tùy bề rộng trang như "
			              "repeat(auto-fill, …), hay quá %d cột) hoặc xếp ô theo cột "
			              "(grid-auto-flow): %s",
			              HTML_MAX_COLS, grid_why));
			return DIV_PLAIN;
		}
	}
	struct table *t = open_table(r);
	if (t) {
		t->div = true;
		t->grid = cols;
		t->divlevel = r->ndiv;
		t->line = (int)r->l->n + 1;
	}
	return DIV_TABLE;
}

/* Grid line l of n columns (1-based, negative from the last), 0 when it
 * is outside the grid. */
static int grid_line_at(int l, int n)
{
	int v = l < 0 ? n + 2 + l : l;
	return v >= 1 && v <= n + 1 ? v : 0;
}

/* Where an item goes on a grid of n columns: its first column (from 0,
 * -1 for the next free one) and its span; false when the reader cannot
 * follow it (a named line, a line outside the grid, wider than the grid,
 * placed on rows or out of order, hidden). */
static bool grid_place(const struct css_box *b, int n, int *at, int *span)
{
	if (b->placement_bad || (b->set & CSS_SET_MOVED) || b->display == CSS_NONE)
		return false;
	int s = b->start.line ? grid_line_at(b->start.line, n) : 0;
	int e = b->end.line ? grid_line_at(b->end.line, n) : 0;
	if ((b->start.line && !s) || (b->end.line && !e))
		return false;
	*span = b->start.span ? b->start.span : b->end.span ? b->end.span : 1;
	if (s && e) {
		if (e <= s || b->start.span || b->end.span)
			return false;
		*span = e - s;
	} else if (e) {
		s = e - *span;
		if (s < 1)
			return false;
	}
	*at = s - 1;
	return *span <= n && *at + *span <= n;
}

/* A grid's child <div>: a cell at its place, a new row when it does not
 * fit on this one (as the browser places it). */
static enum div_kind grid_item(struct reader *r, struct table *t, const struct css_box *b)
{
	int at, span;
	if (!grid_place(b, t->grid, &at, &span)) {
		doubt(r, t->line,
		      xasprintf(
		              "bảng dựng bằng <div> theo lưới CSS (display:grid, %d cột): ô thứ %d "
		              "của hàng %zu đặt chỗ bằng grid-column, grid-row hay order mà chương "
		              "trình không theo được (tên đường kẻ, ô rộng quá lưới, trải nhiều "
		              "hàng "
		              "hay bị ẩn): %s",
		              t->grid, t->gcol + 1, t->nrows + 1, grid_why));
		to_layout(r, t);
		return DIV_PLAIN;
	}
	if (at < 0)
		at = t->gcol + span <= t->grid ? t->gcol : 0;
	if (at < t->gcol) {
		end_row(t);
		t->gcol = 0;
	}
	t->in_row = true;
	for (; t->gcol < at; t->gcol++)
		put_cell(&t->cur, "", false);
	t->in_cell = true;
	t->colspan = span;
	t->rowspan = 1;
	t->gcol += span;
	return DIV_ITEM;
}

/* What a <div> with box b is in the table of <div>s around it. */
static enum div_kind div_role(struct reader *r, const struct css_box *b)
{
	struct table *t = cur_table(r);
	if (t && t->div && t->grid && r->ndiv == t->divlevel + 1)
		return grid_item(r, t, b);
	if (b->display == CSS_TABLE || b->display == CSS_GRID)
		return div_table(r, b);
	if (!t || !t->div || t->grid || t->in_cell)
		return DIV_PLAIN;
	if (b->display == CSS_ROW || b->display == CSS_GROUP) {
		end_row(t);
		t->in_row = b->display == CSS_ROW;
		return b->display == CSS_ROW ? DIV_ROW : DIV_GROUP;
	}
	if (b->display != CSS_CELL)
		return DIV_PLAIN;
	t->in_row = true;
	t->in_cell = true;
	t->colspan = t->rowspan = 1;
	return DIV_CELL;
}

static void div_open(struct reader *r, const char *a, const char *aend)
{
	text_space(r);
	if (r->ndiv >= HTML_MAX_DIVS) {
		r->divover++;
		return;
	}
	size_t nc = 0, ns = 0;
	const char *cls = attr_value(a, aend, "class", &nc);
	const char *style = attr_value(a, aend, "style", &ns);
	struct css_box b = {0};
	if ((cls && r->css->n) || style)
		b = css_box(r->css, cls, nc, style, ns);
	enum div_kind kind = DIV_PLAIN;
	struct table *t = cur_table(r);
	if (b.set || (t && t->div && t->grid))
		kind = div_role(r, &b);
	if (r->ndiv)
		r->shape[r->ndiv - 1].kids++;
	r->shape[r->ndiv] = (struct div_shape){.line = (int)r->l->n + 1};
	r->divs[r->ndiv++] = (unsigned char)kind;
}

/* A <div> closed that holds rows of <div>s alike (three or more, each of
 * three or more <div>s) and no table: on a page whose layout comes from a
 * stylesheet it links to, which is not in the file, it may be a table the
 * browser drew from that stylesheet. The reader cannot know; it says so. */
static void div_shape_close(struct reader *r, enum div_kind kind)
{
	struct div_shape *d = &r->shape[r->ndiv];
	if (r->ndiv) {
		struct div_shape *up = &r->shape[r->ndiv - 1];
		if (d->kids >= 3 && !up->cols)
			up->cols = d->kids;
		if (d->kids >= 3 && d->kids == up->cols)
			up->rows++;
	}
	if (kind != DIV_PLAIN || !r->sheet || d->rows < 3)
		return;
	doubt(r, d->line,
	      xasprintf("có %d hàng <div>, mỗi hàng %d ô <div>, trông như một bảng, nhưng bố cục "
	                "của trang nằm ở tệp kiểu trình bày (CSS) liên kết ngoài “%s” không được "
	                "lưu kèm trang, nên không biết đó là bảng hay không; hãy lưu trang đầy đủ "
	                "(“Lưu thành: Trang web, hoàn chỉnh”) hoặc nhập bản in PDF của trang hay "
	                "văn bản gốc",
	                d->rows, d->cols, r->sheet));
}

static void div_close(struct reader *r)
{
	enum div_kind kind = DIV_PLAIN;
	if (r->divover)
		r->divover--;
	else if (r->ndiv) {
		kind = r->divs[--r->ndiv];
		div_shape_close(r, kind);
	}
	struct table *t = cur_table(r);
	if (kind == DIV_TABLE) {
		close_table(r);
	} else if (t && t->div && kind != DIV_PLAIN) {
		end_cell(t);
		if (kind == DIV_ROW || (kind == DIV_ITEM && t->gcol >= t->grid)) {
			end_row(t);
			t->gcol = 0;
		}
	}
	text_space(r);
}

static void tag(struct reader *r, const char *name, bool close, const char *a, const char *aend)
{
	struct table *t = cur_table(r);
	if (!strcmp(name, "table")) {
		if (close)
			close_table(r);
		else
			open_table(r);
		return;
	}
	if (t && (!strcmp(name, "tr") || !strcmp(name, "thead") || !strcmp(name, "tbody") ||
	          !strcmp(name, "tfoot"))) {
		end_row(t);
		if (!close && !strcmp(name, "tr"))
			t->in_row = true;
		return;
	}
	if (t && (!strcmp(name, "td") || !strcmp(name, "th"))) {
		end_cell(t);
		if (close)
			return;
		t->in_row = true;
		t->in_cell = true;
		long cs = attr_num(a, aend, "colspan"), rs = attr_num(a, aend, "rowspan");
		t->colspan = (int)(cs > HTML_MAX_COLS ? HTML_MAX_COLS : cs);
		t->rowspan = (int)(rs > HTML_MAX_SPAN ? HTML_MAX_SPAN : rs);
		return;
	}
	if (!strcmp(name, "div")) {
		if (close)
			div_close(r);
		else
			div_open(r, a, aend);
		return;
	}
	if (is_block(name) || !strcmp(name, "td") || !strcmp(name, "th") || !strcmp(name, "tr"))
		text_space(r);
}

static bool has_text(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isspace((unsigned char)s[i]))
			return true;
	return false;
}

static void text(struct reader *r, const char *s, size_t n)
{
	struct table *t = cur_table(r);
	if (t && t->div && !t->in_cell && has_text(s, n)) {
		to_layout(r, t); /* a browser's anonymous cell: read as text */
		t = NULL;
	}
	struct buf *b = t ? (t->in_cell ? &t->cell : NULL) : &r->para;
	if (!b)
		return; /* text between cells is not in any cell */
	const char *end = s + n;
	for (const char *p = s; p < end;) {
		if (*p == '&') {
			size_t k = entity(p, end, b);
			if (k) {
				p += k;
				continue;
			}
		}
		buf_putc(b, *p == '\n' || *p == '\r' || *p == '\t' ? ' ' : *p);
		p++;
	}
}

/* Skip a raw-text element's content up to its end tag; returns where to go on. */
static const char *skip_raw(const char *p, const char *end, const char *name, const char **cend)
{
	char close[24];
	snprintf(close, sizeof close, "</%s", name);
	const char *e = ci_find(p, end, close);
	*cend = e ? e : end;
	if (!e)
		return end;
	const char *gt = memchr(e, '>', (size_t)(end - e));
	return gt ? gt + 1 : end;
}

char *html_read(const char *s, size_t n, struct lines *l, struct rows *out, int *line)
{
	return html_read_sheets(s, n, NULL, 0, l, out, line);
}

char *html_read_sheets(const char *s, size_t n, const struct html_sheet *sheets, size_t nsheets,
                       struct lines *l, struct rows *out, int *line)
{
	struct reader r = {.s = s, .end = s + n, .l = l, .out = out};
	r.sheets = sheets;
	r.nsheets = nsheets;
	r.css = xcalloc(1, sizeof *r.css);
	r.para = (struct buf)BUF_INIT;
	r.para.max = IMPORT_MAX_LINE;
	const char *end = s + n, *p = skip_bom_space(s, end);
	bool head = false;
	while (p < end) {
		if (*p != '<') {
			const char *q = memchr(p, '<', (size_t)(end - p));
			if (!q)
				q = end;
			if (!head)
				text(&r, p, (size_t)(q - p));
			p = q;
			continue;
		}
		if (html_ci_starts(p, end, "<!--")) {
			const char *e = ci_find(p + 4, end, "-->");
			p = e ? e + 3 : end;
			continue;
		}
		if (p + 1 < end && (p[1] == '!' || p[1] == '?')) {
			const char *e = memchr(p, '>', (size_t)(end - p));
			p = e ? e + 1 : end;
			continue;
		}
		bool close = p + 1 < end && p[1] == '/';
		const char *q = p + 1 + close;
		if (q >= end || !isalpha((unsigned char)*q)) {
			if (!head)
				text(&r, p, 1);
			p++;
			continue;
		}
		char name[16];
		size_t k = 0;
		while (q < end && isalnum((unsigned char)*q)) {
			if (k < sizeof name - 1)
				name[k++] = (char)tolower((unsigned char)*q);
			q++;
		}
		name[k] = '\0';
		/* The tag's end, past quoted attribute values. */
		const char *a = q;
		char quote = 0;
		while (q < end && (quote || *q != '>')) {
			if (quote && *q == quote)
				quote = 0;
			else if (!quote && (*q == '"' || *q == '\''))
				quote = *q;
			q++;
		}
		const char *aend = q;
		p = q < end ? q + 1 : end;
		if (!close && (!strcmp(name, "script") || !strcmp(name, "style") ||
		               !strcmp(name, "title") || !strcmp(name, "textarea") ||
		               !strcmp(name, "noscript") || !strcmp(name, "svg"))) {
			const char *body = p, *bend;
			p = skip_raw(p, end, name, &bend);
			if (!strcmp(name, "style"))
				css_read(r.css, body, (size_t)(bend - body));
			continue;
		}
		if (!strcmp(name, "head")) {
			head = !close;
			continue;
		}
		if (!close && !strcmp(name, "link"))
			link_sheet(&r, a, aend);
		if (head && (!strcmp(name, "meta") || !strcmp(name, "link")))
			continue;
		if (head && (is_block(name) || !strcmp(name, "table")))
			head = false; /* a page without </head> */
		if (head)
			continue;
		tag(&r, name, close, a, aend);
	}
	while (r.depth || r.ignored)
		close_table(&r);
	flush_para(&r);
	buf_free(&r.para);
	free(r.css);
	free(r.sheet);
	*line = r.doubt_line;
	return r.doubt;
}
