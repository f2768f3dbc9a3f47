/* plainblocks.c: a plan's table as plain text pulled out of a PDF without
 * its layout when pdftotext wrote its cells as blocks (lines of one cell
 * together, a blank line between cells), in the reading order it worked out
 * from the cells' places, which it did not print: a column's cells run top
 * to bottom, but where one column's run stops and another's starts, and
 * which row a cell is on, is lost. Empty cells leave no block at all.
 *
 * What can still be put back without a doubt:
 * - a row whose cells pdftotext wrote one after another: its number (the
 *   number expected next: "I.3" after "I.2", "II" after a group "I", "3"
 *   after "2"; alone in a block before its name, or starting a line of the
 *   name's block), its name (a unit as a line of its own inside it, or
 *   run onto the end of one of its lines, or the next block), then one
 *   block per milestone cell, as many as the header has milestone columns
 *   (one fewer when the table's baseline column has no cell in any row
 *   read), one block per agency column, each one agency's name (or one
 *   block for both agency columns holding the same agency, the two cells'
 *   lines side by side), and then the next row's number (alone, or
 *   starting a line of its name's block), a header or the page's end (and
 *   then the next page starts with the next row's number: a row may go on
 *   past its page);
 * - a page on which each column's cells run right after its header block,
 *   as many as the page has rows, and no cell is left over (the units may
 *   stand anywhere: a unit reads as no other cell, so a header block of the
 *   unit's run into another column's heads that column's run; a block of
 *   one agency twice side by side fills both agency cells of its row);
 * - a group row: its numeral and its name.
 * Any other row (its cells mixed with other rows', an empty cell, two cells
 * run into one block, an indicator whose group row was not read) is left
 * out, and a warning names it with its page (a row whose number stands
 * inside another cell's block too). A table of which fewer rows are read
 * than half those left out is a fragment: the text is refused. A figure or
 * an agency is never moved from one row or column to another by a guess. */
#include "table.h"

#include "target.h"
#include "text.h"
#include "util.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXYEARS 12

/* A block: lines [first, last) of l, all non-blank, on one page. */
struct blk {
	size_t first, last;
	int page;
	char *text; /* the lines cleaned, joined with spaces */
};

struct blks {
	struct blk *v;
	size_t n, cap;
};

/* The columns the header names (in the usual order: STT, name, unit,
 * baseline, milestones by year, lead, monitor). */
struct cols {
	bool unit, base, lead, mon, note;
	int year[MAXYEARS], nyear;
};

static char *clean_line(const char *s)
{
	while (*s == '\f')
		s++;
	return text_clean(s);
}

/* The number column's header: "STT", "TT", "Số TT", "Số thứ tự". */
static bool number_head(const char *s)
{
	if (strlen(s) > 16)
		return false;
	char *f = text_fold(s);
	bool yes = header_number_word(f) || !strcmp(f, "so tt") || !strcmp(f, "so thu tu");
	free(f);
	return yes;
}

static void split_blocks(const struct lines *l, struct blks *b)
{
	int page = 0;
	for (size_t i = 0; i < l->n;) {
		for (const char *f = strchr(l->v[i], '\f'); f; f = strchr(f + 1, '\f'))
			page++;
		char *c = clean_line(l->v[i]);
		bool blank = !*c;
		free(c);
		if (blank) {
			i++;
			continue;
		}
		size_t j = i + 1;
		while (j < l->n && !strchr(l->v[j], '\f')) {
			char *d = clean_line(l->v[j]);
			bool more = *d != '\0' && !number_head(d); /* "STT" after a title */
			free(d);
			if (!more)
				break;
			j++;
		}
		struct buf t = BUF_INIT;
		for (size_t k = i; k < j; k++) {
			char *d = clean_line(l->v[k]);
			if (t.len)
				buf_putc(&t, ' ');
			buf_puts(&t, d);
			free(d);
		}
		if (b->n == b->cap) {
			b->cap = b->cap ? 2 * b->cap : 64;
			b->v = xrealloc(b->v, b->cap * sizeof *b->v);
		}
		b->v[b->n++] = (struct blk){i, j, page, buf_detach(&t)};
		i = j;
	}
}

static void blocks_free(struct blks *b)
{
	for (size_t i = 0; i < b->n; i++)
		free(b->v[i].text);
	free(b->v);
}

/* ---- the header ---- */

/* A number of s ("12", "-3"), with a '.' or ',' inside. */
static bool numeric(const char *s)
{
	double v;
	int k = target_number(s, &v);
	return k > 0 && s[k] == '\0';
}

static bool header_block(const struct blk *b);
static bool value_block(const struct blk *b);

static void add_year(struct cols *c, int y)
{
	for (int i = 0; i < c->nyear; i++)
		if (c->year[i] == y)
			return;
	if (c->nyear == MAXYEARS)
		return;
	int i = c->nyear++;
	for (; i > 0 && c->year[i - 1] > y; i--)
		c->year[i] = c->year[i - 1];
	c->year[i] = y;
}

/* What a header block names: bits of enum kinds, and its years. */
enum kinds { K_UNIT = 1, K_BASE = 2, K_YEAR = 4, K_LEAD = 8, K_MON = 16, K_OTHER = 32 };

static bool has(const struct words *w, const char *word)
{
	for (size_t i = 0; i < w->n; i++)
		if (!strcmp(w->w[i], word))
			return true;
	return false;
}

/* Word by word: a header's cells run into one block ("Đơn Hiện / vị tính
 * trạng") or cut short at the cell's edge ("dõi, đán") keep their words. */
static int header_kinds(const char *text, struct cols *c)
{
	struct words w = {0};
	text_words(text, &w);
	int k = 0;
	if ((has(&w, "don") && (has(&w, "vi") || has(&w, "tinh"))) || has(&w, "dvt"))
		k |= K_UNIT;
	if (has(&w, "hien") || has(&w, "trang"))
		k |= K_BASE;
	if (has(&w, "chu") || has(&w, "tri"))
		k |= K_LEAD;
	if (has(&w, "theo") || has(&w, "doi") || has(&w, "danh"))
		k |= K_MON;
	if (has(&w, "stt") || has(&w, "tt") || (has(&w, "chi") && has(&w, "tieu")) ||
	    (has(&w, "noi") && has(&w, "dung")))
		k |= K_OTHER;
	for (size_t i = 0; i < w.n; i++) {
		int y = text_year(w.w[i], strlen(w.w[i]));
		if (y) {
			k |= K_YEAR;
			if (c)
				add_year(c, y);
		}
	}
	words_free(&w);
	return k;
}

static bool header_block(const struct blk *b)
{
	return strlen(b->text) < 200 && !numeric(b->text) && plain_header_line(b->text) &&
	       header_kinds(b->text, NULL); /* "2000" is a figure */
}

/* The header's columns: what the header blocks on block h's page name. */
static void read_cols(const struct blks *b, size_t h, struct cols *c)
{
	memset(c, 0, sizeof *c);
	size_t i = h;
	while (i > 0 && b->v[i - 1].page == b->v[h].page)
		i--;
	bool top = true; /* before the first row: the header's cells, cut short too */
	for (; i < b->n && b->v[i].page == b->v[h].page; i++) {
		top &= text_roman(b->v[i].text) == 0 && !isdigit((unsigned char)b->v[i].text[0]);
		if (!header_block(&b->v[i]) &&
		    !(top && i > h && strlen(b->v[i].text) < 60 && !value_block(&b->v[i])))
			continue;
		int k = header_kinds(b->v[i].text, c);
		c->unit |= (k & K_UNIT) != 0;
		c->base |= (k & K_BASE) != 0;
		c->lead |= (k & K_LEAD) != 0;
		c->mon |= (k & K_MON) != 0;
		c->note |= text_fold_has(b->v[i].text, "ghi chu");
	}
}

/* ---- the rows ---- */

/* How many numbers a row's number may pass over: those of rows whose
 * number pdftotext ran into another cell's block. */
#define SKIP 6

/* Row numbering: the group and the last number in it. */
struct numbering {
	int group, last, all;
	bool dotted; /* rows numbered "II.3": a plain number is none */
};

/* The block is the row number expected next: 1 an indicator, 2 a group;
 * 0 otherwise. *skipped: how many numbers it passes over. */
static int row_code(const char *s, const struct numbering *st, char *code, size_t cap, int *skipped)
{
	size_t n = strlen(s);
	if (n == 0 || n >= 12 || strchr(s, ' '))
		return 0;
	char w[12];
	memcpy(w, s, n + 1);
	if (n > 1 && w[n - 1] == '.')
		w[--n] = '\0';
	char *dot = strchr(w, '.');
	int g = dot ? 0 : text_roman(w);
	if (g && g > st->group && g <= st->group + 2) {
		snprintf(code, cap, "%s", text_to_roman(g));
		*skipped = g - st->group - 1;
		return 2;
	}
	char *end;
	if (dot) {
		*dot = '\0';
		long k = strtol(dot + 1, &end, 10);
		if (text_roman(w) == st->group && st->group && *end == '\0' && k > st->last &&
		    k <= st->last + SKIP) {
			snprintf(code, cap, "%s.%ld", w, k);
			*skipped = (int)(k - st->last - 1);
			return 1;
		}
		return 0;
	}
	long k = strtol(w, &end, 10);
	int from = st->last ? st->last : st->all;
	if (!st->dotted && *end == '\0' && isdigit((unsigned char)w[0]) && k > from &&
	    k <= from + SKIP) {
		snprintf(code, cap, "%ld", k);
		*skipped = (int)(k - from - 1);
		return 1;
	}
	return 0;
}

static void numbering_take(struct numbering *st, const char *code, int kind)
{
	if (kind == 2) {
		st->group = text_roman(code);
		st->last = 0;
		return;
	}
	const char *dot = strchr(code, '.');
	st->dotted |= dot != NULL;
	st->last = atoi(dot ? dot + 1 : code);
	if (!dot)
		st->all = st->last;
}

/* A unit as a line or block of its own: a unit plans use, or a short
 * phrase with '%' or '/' ("Người/ vạn dân"). */
static bool unit_text(const char *s)
{
	if (plain_unit(s))
		return true;
	size_t n = strlen(s);
	int words = 1;
	for (const char *p = s; *p; p++)
		words += *p == ' ';
	return n > 0 && n < 40 && words <= 4 && text_case_start(s) != 0 && strpbrk(s, "%/") &&
	       !isdigit((unsigned char)*s) && !strpbrk(s, "<>=");
}

/* A block of one line that is a unit and no other cell. */
static bool unit_block(const struct blk *b)
{
	return b->last == b->first + 1 && unit_text(b->text) && !value_block(b) && !header_block(b);
}

/* A block that is one milestone or baseline cell: a number, a range, "-",
 * "Có", "Duy trì, phát triển", a level. */
static bool value_block(const struct blk *b)
{
	const char *s = b->text;
	if (!*s || strlen(s) > 60 || plain_agency(s))
		return false;
	if (!strcmp(s, "-") || !strcmp(s, "\xe2\x80\x93") || !strcmp(s, "x"))
		return true;
	struct target t;
	target_parse(s, NULL, &t);
	bool yes = t.kind != TARGET_TEXT && t.kind != TARGET_NONE && t.kind != TARGET_REPORT;
	target_free(&t);
	return yes;
}

/* A row put back: its cells in the header's order. */
struct got {
	char code[24];
	int kind; /* 1 indicator, 2 group */
	char *name, *unit, *vals[MAXYEARS + 1], *lead, *mon;
	int nval;
	size_t first, last; /* lines */
	size_t cb, nb;      /* its number's and name's blocks (nb 0: none) */
	size_t code_line;   /* when they are one: the number's line, length */
	size_t code_len;
	size_t ub; /* a unit's block of its own, or 0 */
	int page;
	bool ok;
	int passed; /* a mark "trước X": the rows it stands for */
};

static void got_free(struct got *g)
{
	free(g->name);
	free(g->unit);
	for (int i = 0; i <= MAXYEARS; i++)
		free(g->vals[i]);
	free(g->lead);
	free(g->mon);
	memset(g, 0, sizeof *g);
}

/* A unit plans use, capitalised, at the end of a name's line after a word
 * in lower case ("... đổi mới sáng Thứ bậc"): where it starts, or 0. */
static size_t unit_tail(const char *c)
{
	for (const char *p = strchr(c, ' '); p; p = strchr(p + 1, ' ')) {
		if (text_case_start(p + 1) != 1 || !plain_unit(p + 1))
			continue;
		const char *w = p;
		while (w > c && w[-1] != ' ')
			w--;
		if (text_case_start(w) == 0)
			return (size_t)(p + 1 - c);
	}
	return 0;
}

/* The name block's lines: a line that is a unit is the unit cell (it stands
 * in the middle of the name's lines), and so is a '%' that ends a line
 * after a word (the unit's line run into the name's); the row's number
 * (on line g->code_line) is left out. False when the block holds more
 * than a name and a unit: another row's number, a unit cut in two, a '%'
 * after a number (part of the name or the unit?). */
static bool name_cells(const struct lines *l, const struct blk *b, struct got *g, bool unit,
                       const struct numbering *after)
{
	struct buf name = BUF_INIT;
	bool clean = true;
	for (size_t k = b->first; k < b->last; k++) {
		char *c = clean_line(l->v[k]);
		if (g->cb == g->nb && k == g->code_line)
			memmove(c, c + g->code_len + strspn(c + g->code_len, " "),
			        strlen(c + g->code_len + strspn(c + g->code_len, " ")) + 1);
		char code[24];
		int skipped;
		if (after && row_code(c, after, code, sizeof code, &skipped))
			clean = false;
		if (unit && !g->unit && k > b->first && unit_text(c)) {
			clean &= c[strlen(c) - 1] != '/';
			g->unit = c;
			continue;
		}
		size_t tail = unit && !g->unit ? unit_tail(c) : 0;
		if (tail) {
			g->unit = xstrdup(c + tail);
			c[tail - 1] = '\0';
		}
		char *sp = strrchr(c, ' ');
		if (unit && !g->unit && sp && sp[1] == '%' && strlen(sp + 1) <= 6 &&
		    !strpbrk(sp + 2, " 0123456789")) {
			*sp = '\0';
			char *before = strrchr(c, ' ');
			if (numeric(before ? before + 1 : c))
				clean = false;
			g->unit = xstrdup(sp + 1);
		}
		if (name.len)
			buf_putc(&name, ' ');
		buf_puts(&name, c);
		free(c);
	}
	g->name = buf_detach(&name);
	return clean;
}

/* The row number expected next at the start of one of the block's lines,
 * followed by words of the name: the line and the number's length. */
static int code_in_block(const struct lines *l, const struct blk *bk, const struct numbering *st,
                         char *code, size_t cap, int *skipped, size_t *line, size_t *len)
{
	for (size_t k = bk->first; k < bk->last; k++) {
		char *c = clean_line(l->v[k]);
		size_t n = strcspn(c, " ");
		int kind = 0;
		if (c[n] == ' ' && n > 0 && n < 12) {
			char w[12];
			memcpy(w, c, n);
			w[n] = '\0';
			kind = row_code(w, st, code, cap, skipped);
		}
		free(c);
		if (kind) {
			*line = k, *len = n;
			return kind;
		}
	}
	return 0;
}

/* Block b ends a row: the next row's number (alone, or starting a line of
 * its name's block), the page's end, a header. */
static bool row_end(const struct lines *l, const struct blks *b, size_t j, int page,
                    const struct numbering *st)
{
	if (j >= b->n || b->v[j].page != page)
		return true;
	size_t d = strspn(b->v[j].text, "0123456789"); /* the page's number */
	if ((j + 1 == b->n || b->v[j + 1].page != page) && d && d <= 3 && !b->v[j].text[d])
		return true;
	char code[16];
	int skipped;
	size_t line, len;
	return row_code(b->v[j].text, st, code, sizeof code, &skipped) || header_block(&b->v[j]) ||
	       code_in_block(l, &b->v[j], st, code, sizeof code, &skipped, &line, &len);
}

/* A row that ends with its page (block j starts the next one) may go on
 * there: unless the next page's first block after its header is the next
 * row's number. */
static bool cut(const struct lines *l, const struct blks *b, size_t j, const struct numbering *st)
{
	if (j >= b->n || b->v[j].page == b->v[j - 1].page)
		return false;
	while (j < b->n && header_block(&b->v[j]))
		j++;
	char code[24];
	int skipped;
	size_t line, len;
	return j < b->n && !row_code(b->v[j].text, st, code, sizeof code, &skipped) &&
	       !code_in_block(l, &b->v[j], st, code, sizeof code, &skipped, &line, &len);
}

/* One agency's cell: it starts with an agency's name, and no other starts
 * inside it but after ',', ';', "và" (two cells' lines run together in one
 * block: "Phòng Vă Các cơ quan, ban, hóa, Khoa ..."). */
static bool one_agency(const struct blk *b)
{
	const char *s = b->text;
	if (!plain_agency(s) || value_block(b))
		return false;
	for (const char *p = strchr(s, ' '); p; p = strchr(p + 1, ' ')) {
		if (!plain_agency(p + 1) || strchr(",;(", p[-1]))
			continue;
		const char *w = p;
		while (w > s && w[-1] != ' ')
			w--;
		static const char *const joins[] = {"và ",  "các ", "của ",         "với ",
		                                    "cho ", "- ",   "\xe2\x80\x93 "};
		bool joined = false;
		for (size_t k = 0; k < sizeof joins / sizeof joins[0]; k++)
			joined |= !strncmp(w, joins[k], strlen(joins[k]));
		if (!joined)
			return false;
	}
	return true;
}

/* A line of block x after the first that starts a new phrase: a word in
 * capitals (not an acronym: "HĐND") after a line that ends in a word in
 * lower case with no join ("…, Hạ tầng và / Đô thị", "Văn hóa - / Xã hội"
 * go on). Two cells side by side whose lines pdftotext wrote in turn, one
 * of each ("Trung tâm phục / Đối với thủ tục / vụ hành chính"), read so. */
static bool new_phrase(const struct lines *l, const struct blk *x)
{
	bool yes = false;
	char *prev = x->last > x->first ? clean_line(l->v[x->first]) : NULL;
	for (size_t q = x->first + 1; q < x->last && !yes; q++) {
		char *c = clean_line(l->v[q]);
		const char *second = c + (*c ? 1 : 0);
		while ((*second & 0xC0) == 0x80) /* the first letter's bytes */
			second++;
		const char *last = strrchr(prev, ' ');
		last = last ? last + 1 : prev;
		static const char *const joins[] = {"và", "các", "của", "với", "cho", "về"};
		bool join = false;
		for (size_t k = 0; k < sizeof joins / sizeof joins[0]; k++)
			join |= !strcmp(last, joins[k]);
		yes = text_case_start(c) == 1 && text_case_start(second) == 0 &&
		      text_case_start(last) == 0 && !join;
		free(prev);
		prev = c;
	}
	free(prev);
	return yes;
}

/* Two neighbouring cells of one row holding the same agency, run into one
 * block: pdftotext writes each line of the two on one line ("Phòng Văn hóa,
 * Khoa Phòng Văn hóa, Khoa": they stand side by side) or on two lines one
 * after the other. When every line of the block is one of those (and at
 * least one is the first: a line of a single cell repeats no text), both
 * cells read as the agency those lines make; otherwise NULL. */
static char *twin_agency(const struct lines *l, const struct blk *b)
{
	struct buf t = BUF_INIT;
	bool side = false, ok = true;
	for (size_t k = b->first; k < b->last && ok; k++) {
		char *c = clean_line(l->v[k]);
		size_t n = strlen(c);
		char *half = n % 2 ? c + n / 2 : NULL; /* "X X": the space at the middle */
		if (half && *half == ' ' && !strncmp(c, half + 1, n / 2)) {
			*half = '\0';
			side = true;
		} else if (k + 1 < b->last) {
			char *d = clean_line(l->v[k + 1]);
			ok = !strcmp(c, d);
			free(d);
			k++;
		} else {
			ok = false;
		}
		if (t.len)
			buf_putc(&t, ' ');
		buf_puts(&t, c);
		free(c);
	}
	char *s = buf_detach(&t);
	struct blk one = {b->first, b->last, b->page, s};
	if (ok && side && *s && one_agency(&one))
		return s;
	free(s);
	return NULL;
}

/* The row whose number is block i, when its cells follow one after
 * another; *next the block after it. */
static bool read_row(const struct lines *l, const struct blks *b, size_t i, const struct cols *c,
                     const struct numbering *after, struct got *g, size_t *next)
{
	int page = b->v[i].page;
	size_t j = g->nb;
	if (!j)
		return false;
	if (!name_cells(l, &b->v[j], g, c->unit && g->kind == 1, after))
		return false;
	g->last = b->v[j].last;
	j++;
	if (g->kind == 2) {
		*next = j;
		return row_end(l, b, j, page, after);
	}
	if (c->unit && !g->unit && j < b->n && b->v[j].page == page && unit_block(&b->v[j])) {
		g->ub = j;
		g->unit = xstrdup(b->v[j++].text);
	}
	while (j < b->n && !row_end(l, b, j, page, after) && value_block(&b->v[j]) &&
	       g->nval <= MAXYEARS) {
		g->vals[g->nval++] = xstrdup(b->v[j].text);
		g->last = b->v[j++].last;
	}
	int want = c->lead + c->mon;
	char *ag[2] = {NULL, NULL};
	int nag = 0;
	while (nag < want && j < b->n && !row_end(l, b, j, page, after)) {
		char *twin = nag + 2 <= want ? twin_agency(l, &b->v[j]) : NULL;
		if (twin) {
			ag[nag++] = twin;
			ag[nag++] = xstrdup(twin);
		} else if (one_agency(&b->v[j]) && !(c->note && new_phrase(l, &b->v[j]))) {
			/* (beside a note's cell, the note's lines may be among
			 * the agency's, one of each in turn) */
			ag[nag++] = xstrdup(b->v[j].text);
		} else {
			break;
		}
		g->last = b->v[j++].last;
	}
	g->lead = c->lead ? ag[0] : NULL;
	g->mon = c->lead ? ag[1] : ag[0];
	*next = j;
	return nag == want && row_end(l, b, j, page, after) && g->nval >= c->nyear &&
	       g->nval <= c->nyear + c->base && (g->unit || !c->unit) && !cut(l, b, j, after);
}

static void cell(struct row *r, const char *s)
{
	row_add_cell(r, s ? s : "", s ? strlen(s) : 0);
}

static void emit(struct rows *out, const struct got *g, const struct cols *c)
{
	struct row *r = rows_add(out, (int)g->first + 1);
	r->last = (int)g->last;
	r->page = g->page + 1;
	cell(r, g->code);
	cell(r, g->name);
	if (g->kind == 2)
		return;
	if (c->unit)
		cell(r, g->unit);
	for (int v = 0; v < c->base + c->nyear; v++)
		cell(r, v < g->nval ? g->vals[v] : NULL);
	if (c->lead)
		cell(r, g->lead);
	if (c->mon)
		cell(r, g->mon);
}

static void emit_head(struct rows *out, const struct cols *c, int line)
{
	struct row *r = rows_add(out, line);
	r->last = line;
	const char *fixed[] = {"STT", "Chỉ tiêu", "Đơn vị tính", "Hiện trạng"};
	for (int i = 0; i < 4; i++)
		if ((i != 2 || c->unit) && (i != 3 || c->base))
			row_add_cell(r, fixed[i], strlen(fixed[i]));
	for (int y = 0; y < c->nyear; y++) {
		char s[16];
		snprintf(s, sizeof s, "Năm %d", c->year[y]);
		row_add_cell(r, s, strlen(s));
	}
	if (c->lead)
		row_add_cell(r, "Cơ quan chủ trì", strlen("Cơ quan chủ trì"));
	if (c->mon)
		row_add_cell(r, "Cơ quan theo dõi, đánh giá", strlen("Cơ quan theo dõi, đánh giá"));
}

/* The header's "STT" block: "STT" alone, "Chỉ tiêu" among the next blocks. */
static bool head_start(const struct blks *b, size_t i)
{
	if (!number_head(b->v[i].text))
		return false;
	size_t from = i > 4 ? i - 4 : 0;
	for (size_t j = from; j < b->n && j < i + 6; j++)
		if (b->v[j].page == b->v[i].page && (text_fold_has(b->v[j].text, "chi tieu") ||
		                                     text_fold_has(b->v[j].text, "noi dung")))
			return true;
	return false;
}

/* A new part of the document: another appendix. */
static bool part_end(const char *s)
{
	return text_fold_starts(s, "phu luc");
}

/* Text outside the table that may stand among its blocks [from, to): the
 * signature, "Nơi nhận", the page's number as its last block. */
static bool aside(const struct blks *b, size_t k, size_t to)
{
	const char *s = b->v[k].text;
	size_t d = strspn(s, "0123456789");
	return (k + 1 == to && d > 0 && d <= 3 && s[d] == '\0') ||
	       text_fold_starts(s, "noi nhan") || text_fold_starts(s, "tm. ") ||
	       text_fold_starts(s, "kt. ") || text_fold_starts(s, "chu tich") ||
	       text_fold_starts(s, "(da ky)");
}

/* Rows rows[0..n) of one page whose cells pdftotext wrote in a run per
 * column, right after the column's header block: as many cells as the page
 * has indicators, in order from the top (a column's cells never change
 * order). Blocks [from, to) are the page's. Every cell block of the page
 * must be in such a run. */
static bool read_columns(const struct lines *l, const struct blks *b, const struct cols *c,
                         struct got *orig, size_t n, size_t from, size_t to)
{
	char *used = xcalloc(to - from + 1, 1); /* 1 read, 2 a unit */
	struct got *rows = xcalloc(n + 1, sizeof *rows);
	size_t nind = 0, nounit = 0;
	bool ok = true;
	for (size_t r = 0; r < n && ok; r++) {
		struct got *g = &rows[r];
		memcpy(g->code, orig[r].code, sizeof g->code);
		g->kind = orig[r].kind, g->cb = orig[r].cb, g->nb = orig[r].nb;
		g->first = orig[r].first, g->page = orig[r].page;
		g->code_line = orig[r].code_line, g->code_len = orig[r].code_len;
		if (!g->kind || !g->nb || g->cb < from || g->nb >= to) {
			ok = false;
			break;
		}
		used[g->cb - from] = used[g->nb - from] = true;
		if (!name_cells(l, &b->v[g->nb], g, c->unit && g->kind == 1, NULL)) {
			ok = false;
			break;
		}
		g->last = b->v[g->nb].last;
		g->nval = c->base + c->nyear;
		nind += g->kind == 1;
		nounit += g->kind == 1 && !g->unit;
	}
	/* the units first: a unit reads as no other cell, and the unit
	 * column's cells keep their order from the top */
	size_t nu = 0;
	for (size_t k = from; k < to; k++)
		nu += !used[k - from] && unit_block(&b->v[k]);
	if (nu && nu != nounit)
		ok = false;
	for (size_t k = from, r = 0; k < to && ok && nu; k++) {
		if (used[k - from] || !unit_block(&b->v[k]))
			continue;
		while (r < n && (rows[r].kind != 1 || rows[r].unit))
			r++;
		rows[r].unit = xstrdup(b->v[k].text);
		used[k - from] = 2;
	}
	for (size_t k = from; k < to && ok; k++) {
		if (used[k - from] || !header_block(&b->v[k]))
			continue;
		used[k - from] = true;
		struct cols one = {0};
		int kinds = header_kinds(b->v[k].text, &one);
		size_t run = 0, e = k + 1;
		for (; e < to && used[e - from] != 1 && !header_block(&b->v[e]) && !aside(b, e, to);
		     e++)
			run += !used[e - from];
		if (!run)
			continue;
		/* "Đơn vị Hiện / tính / trạng": the unit's header run into the
		 * next one's; when every row has its unit (a unit reads as no
		 * other cell), the run is the other column's */
		bool units = nind > 0;
		for (size_t r = 0; r < n; r++)
			units &= rows[r].kind != 1 || rows[r].unit;
		if ((kinds & K_UNIT) && kinds != K_UNIT && units)
			kinds &= ~K_UNIT;
		bool single = kinds == K_BASE || kinds == K_LEAD || kinds == K_MON ||
		              (kinds == K_YEAR && one.nyear == 1);
		if (!single || run != nind) {
			ok = false;
			break;
		}
		size_t r = 0;
		for (size_t x = k + 1; x < e && ok; x++) {
			if (used[x - from])
				continue;
			while (r < n && rows[r].kind != 1)
				r++;
			const struct blk *v = &b->v[x];
			struct got *g = &rows[r++];
			used[x - from] = true;
			char *twin = (kinds == K_LEAD || kinds == K_MON) && c->lead && c->mon &&
			                             !g->lead && !g->mon
			                     ? twin_agency(l, v)
			                     : NULL;
			if (twin) { /* both agency cells of the row, side by side */
				g->lead = twin;
				g->mon = xstrdup(twin);
			} else if (kinds == K_LEAD || kinds == K_MON) {
				char **to_ = kinds == K_LEAD ? &g->lead : &g->mon;
				ok = one_agency(v) && !*to_;
				if (ok)
					*to_ = xstrdup(v->text);
			} else {
				int col = 0;
				if (kinds == K_YEAR)
					for (col = 0; col < c->nyear && c->year[col] != one.year[0];
					     col++)
						;
				col += kinds == K_YEAR ? c->base : 0;
				ok = value_block(v) && col < g->nval && !g->vals[col];
				if (ok)
					g->vals[col] = xstrdup(v->text);
			}
			g->last = v->last > g->last ? v->last : g->last;
		}
	}
	/* no cell left over: a column with no run has no cell on the page */
	for (size_t k = from; k < to && ok; k++)
		if (!used[k - from] && !aside(b, k, to) &&
		    (value_block(&b->v[k]) || plain_agency(b->v[k].text) ||
		     unit_text(b->v[k].text) || b->v[k].last > b->v[k].first))
			ok = false;
	free(used);
	for (size_t r = 0; r < n; r++) {
		rows[r].ok = ok;
		if (ok) {
			got_free(&orig[r]);
			orig[r] = rows[r];
		} else {
			got_free(&rows[r]);
		}
	}
	free(rows);
	return ok;
}

/* A table read whole in too small a part of the rows it holds: fewer rows
 * read whole than half the rows left out (under one in three). Its
 * reading is a fragment: the text is refused as if no row were read. The
 * readings of the plans' renderings fall either side of it: one in four
 * or fewer (a column's cells written as a block across most pages, or
 * every value apart from its row) and one in three or more (pages of
 * rows whose cells follow one another, a row or two mixed). */
static bool fragment(size_t whole, size_t unread)
{
	return unread > 0 && 2 * whole < unread;
}

/* A word starts at s (a letter, ASCII or not). */
static bool word_at(const char *s)
{
	return isalpha((unsigned char)*s) || (unsigned char)*s >= 0x80;
}

/* Line x holds the row number expected next as a line of its own or
 * before the name's words ("II.14", "III", "III.4 Tỷ lệ …"), as
 * pdftotext writes it inside another cell's block when it lost the row; a
 * plain number only alone, before a line of the name in its block (more:
 * the block goes on), as a figure's cell is a block of its own. Its kind,
 * as row_code's. */
static int lost_code(const struct lines *l, size_t x, bool more, const struct numbering *st,
                     char *code, size_t cap, int *skipped)
{
	char *c = clean_line(l->v[x]);
	size_t w = strcspn(c, " ");
	int kind = 0;
	if (w > 0 && w < 12) {
		char word[12];
		memcpy(word, c, w);
		word[w] = '\0';
		kind = row_code(word, st, code, cap, skipped);
	}
	bool plain = kind == 1 && !strchr(code, '.');
	if (kind && c[w])
		kind = !plain && word_at(c + w + 1) ? kind : 0;
	else if (plain) {
		char *d = more ? clean_line(l->v[x + 1]) : NULL;
		kind = d && word_at(d) ? kind : 0;
		free(d);
	}
	free(c);
	return kind;
}

/* Row code of kind at line first of page added to rows[0..n), after a
 * mark of the rows whose numbers it passes over (skipped: numbers not
 * found alone, rows not read). */
static struct got *add_row(struct got **rows, size_t *n, size_t *cap, const char *code, int kind,
                           int skipped, int page, size_t first)
{
	if (*n + 3 >= *cap) {
		*rows = xrealloc(*rows, 2 * *cap * sizeof **rows);
		memset(*rows + *cap, 0, *cap * sizeof **rows);
		*cap *= 2;
	}
	if (skipped) {
		struct got *m = &(*rows)[(*n)++];
		snprintf(m->code, sizeof m->code, "trước %.12s", code);
		m->passed = skipped;
		m->page = page;
		m->first = first;
	}
	struct got *g = &(*rows)[(*n)++];
	snprintf(g->code, sizeof g->code, "%s", code);
	g->kind = kind;
	g->page = page;
	g->first = first;
	return g;
}

/* The rows of one table whose header is block h; returns the block after
 * it. */
static size_t read_table(const struct lines *l, struct blks *b, size_t h, struct rows *out,
                         struct plan *p, int table, bool *found, int *frag)
{
	size_t before = out->n;
	struct cols c;
	read_cols(b, h, &c);
	size_t i = h + 1;
	if (!c.nyear || !c.lead)
		return i;
	size_t cap = 16, n = 0;
	struct got *rows = xcalloc(cap, sizeof *rows);
	struct numbering st = {0};
	for (; i < b->n && !(b->v[i].page > b->v[h].page && part_end(b->v[i].text)) &&
	       !(head_start(b, i) && b->v[i].page == b->v[h].page && i > h);
	     i++) {
		char code[16];
		size_t line = 0, len = 0;
		int skipped = 0, kind = row_code(b->v[i].text, &st, code, sizeof code, &skipped);
		if (!kind)
			kind = code_in_block(l, &b->v[i], &st, code, sizeof code, &skipped, &line,
			                     &len);
		/* a number alone is a row's only before its name ("5" may be a
		 * figure of a column's run) */
		if (kind && !len &&
		    (i + 1 >= b->n || b->v[i + 1].page != b->v[i].page ||
		     value_block(&b->v[i + 1]) || header_block(&b->v[i + 1]) ||
		     unit_block(&b->v[i + 1])))
			kind = 0;
		if (!kind)
			continue;
		struct got *g =
		        add_row(&rows, &n, &cap, code, kind, skipped, b->v[i].page, b->v[i].first);
		g->cb = i;
		numbering_take(&st, code, kind);
		if (len) /* the number on a line of the name's block */
			g->nb = i, g->code_line = line, g->code_len = len;
		else if (i + 1 < b->n && b->v[i + 1].page == g->page &&
		         !value_block(&b->v[i + 1]) && !header_block(&b->v[i + 1]) &&
		         !row_end(l, b, i + 1, g->page, &st))
			g->nb = i + 1;
		size_t next = i + 1;
		g->ok = read_row(l, b, i, &c, &st, g, &next);
		if (kind == 2 && !g->ok && g->nb) { /* a group row: its number and name */
			g->ok = true;
			next = g->nb + 1;
		}
		if (g->ok)
			i = next - 1;
	}
	size_t end = i;
	/* a page where a row's cells do not follow one another: each column's
	 * cells in a run of their own, or the page is not read */
	for (size_t r0 = 0, r1; r0 < n; r0 = r1) {
		bool all = true;
		for (r1 = r0; r1 < n && rows[r1].page == rows[r0].page; r1++)
			all &= rows[r1].ok;
		if (all)
			continue;
		size_t from = h, to = end;
		while (from < to && b->v[from].page < rows[r0].page)
			from++;
		for (to = from; to < end && b->v[to].page == rows[r0].page; to++)
			;
		read_columns(l, b, &c, rows + r0, r1 - r0, from, to);
	}
	/* the baseline: a row read one after another with one milestone cell
	 * per year column has none when no row in the table has one */
	bool base_empty = c.base;
	for (size_t r = 0; r < n; r++)
		if (rows[r].ok && rows[r].kind == 1 && rows[r].nval > c.nyear && rows[r].vals[0])
			base_empty = false;
	for (size_t r = 0; r < n; r++) {
		struct got *g = &rows[r];
		if (!g->ok || g->kind != 1 || g->nval != c.nyear || !c.base)
			continue;
		if (!base_empty) {
			g->ok = false;
			continue;
		}
		memmove(g->vals + 1, g->vals, (size_t)g->nval * sizeof *g->vals);
		g->vals[0] = NULL;
		g->nval++;
	}
	/* the rows after the last one found whose number stands inside
	 * another cell's block: not read, named */
	size_t from = h + 1;
	for (size_t r = n; r-- > 0;)
		if (rows[r].kind) {
			from = rows[r].cb + 1;
			break;
		}
	for (size_t k = from; k < end; k++)
		for (size_t x = b->v[k].first; x < b->v[k].last; x++) {
			char code[16];
			int skipped = 0, kind = lost_code(l, x, x + 1 < b->v[k].last, &st, code,
			                                  sizeof code, &skipped);
			if (!kind)
				continue;
			add_row(&rows, &n, &cap, code, kind, skipped, b->v[k].page, x);
			numbering_take(&st, code, kind);
		}
	/* an indicator goes out with its group's row only */
	emit_head(out, &c, (int)b->v[h].first + 1);
	bool group_out = true;
	size_t nread = 0, nunread = 0;
	for (size_t r0 = 0, r1; r0 < n; r0 = r1) {
		struct buf codes = BUF_INIT;
		for (r1 = r0; r1 < n && rows[r1].page == rows[r0].page; r1++) {
			struct got *g = &rows[r1];
			if (g->kind == 2)
				group_out = g->ok;
			if (g->ok && (g->kind == 2 || group_out)) {
				emit(out, g, &c);
				*found |= g->kind == 1;
				nread += g->kind == 1;
				continue;
			}
			buf_printf(&codes, "%s%s", codes.len ? ", " : "", g->code);
			p->unread++;
			nunread += g->passed > 1 ? (size_t)g->passed : 1;
		}
		if (codes.len)
			plan_warn(p, (int)rows[r0].first + 1,
			          "trang %d: không ghép lại được các hàng %s của bảng (văn bản "
			          "chép từ PDF đã mất bố cục: ô của các hàng, các cột lẫn vào "
			          "nhau); các hàng này không được đọc: hãy nhập chính tệp "
			          "PDF, hoặc chép bằng pdftotext -layout",
			          rows[r0].page + 1, buf_str(&codes));
		buf_free(&codes);
	}
	if (!*frag && fragment(nread, nunread))
		*frag = (int)b->v[h].first + 1;
	for (size_t r = 0; r < n; r++)
		got_free(&rows[r]);
	free(rows);
	for (size_t r = before; r < out->n; r++)
		out->v[r].table = table;
	return end;
}

/* ---- a header of any columns, each row's cells one block after another ----
 *
 * Tables with no milestone column (TT | Chỉ tiêu | Chủ trì, the target in
 * the sentence), one target column ("Kết quả", "Mục tiêu") under
 * milestones given as section rows ("I Giai đoạn 2025-2027"), a task
 * table. A row is its number's block and the blocks up to the next row's
 * number; an empty cell leaves no block, so the blocks go to the columns
 * in order, in the one way that fits the columns best (a unit where the
 * unit goes, an agency where an agency goes); two ways as good, more
 * blocks than columns (cells run together, or out of order) and the row
 * keeps its number and name only, named in a warning. */

#define MAXHEAD 16
#define NEVER   1000

struct anyhead {
	int n; /* columns after the number's */
	enum head_kind kind[MAXHEAD];
	const char *text[MAXHEAD + 1]; /* the number's header first */
};

/* Row numbering for the table: the last number and group. */
struct anynum {
	int num, group, all; /* all: the last number, numbering on across groups */
	char grp[12];        /* the last group's or number's text, for "II.1", "1.2" */
	bool dash;           /* the last row a "-" under a heading */
};

static void strip_mark(char *w)
{
	size_t n = strlen(w);
	while (n && (w[n - 1] == '.' || w[n - 1] == ')'))
		w[--n] = '\0';
}

/* Block k is a row's number alone, the next one expected: its kind (1 a
 * "-" under a heading, 2 a number, 3 a group, 4 a sub-number, 5 a letter),
 * or 0. */
static int any_start(const struct blks *b, size_t k, const struct anynum *st)
{
	const struct blk *x = &b->v[k];
	if (x->last != x->first + 1 || strlen(x->text) > 10)
		return 0;
	int v, kind = celltext_row_number(x->text, &v);
	if (kind == 2 && !(v == 1 || v == st->num + 1 || v == st->all + 1))
		return 0;
	/* a group after rows that had none: the first group's row was not
	 * seen (pdftotext ran its number into the header's "STT" block) */
	bool first_group = !st->group && st->num && k + 1 < b->n && !one_agency(&b->v[k + 1]) &&
	                   !value_block(&b->v[k + 1]) && !unit_block(&b->v[k + 1]);
	if (kind == 3 && !(v == 1 || v == st->group + 1 || first_group))
		return 0;
	if (kind == 4) {
		char w[16];
		snprintf(w, sizeof w, "%s", x->text);
		*strchr(w, '.') = '\0';
		if (strcmp(w, st->grp))
			return 0;
	}
	/* "-" a sub-row's mark right after a heading's name ("…, gồm:") or
	 * after such a row's agency; a figure "-" otherwise (after a unit or
	 * a figure) */
	if (kind == 1) {
		const struct blk *prev = k ? &b->v[k - 1] : NULL;
		size_t n = prev ? strlen(prev->text) : 0;
		if (!n || !(prev->text[n - 1] == ':' || (st->dash && one_agency(prev))))
			return 0;
	}
	if (kind < 1)
		return 0;
	/* a figure "3" is a row's number before a name only (a group's
	 * name may read as a range: "Giai đoạn 2025-2027") */
	/* "3" then "Phòng …" then "3": a row's last figure and agency ("Số
	 * doanh nghiệp …" reads as an agency's name "Sở …" folded) */
	if (k + 1 >= b->n || (one_agency(&b->v[k + 1]) && k + 2 < b->n &&
	                      !strcmp(b->v[k + 2].text, x->text)))
		return 0;
	if (kind != 3 && (value_block(&b->v[k + 1]) || unit_block(&b->v[k + 1]) ||
	                  header_block(&b->v[k + 1])))
		return 0;
	return kind;
}

/* A sub-group's number and name in one line ("II.1 Hạ tầng số"): the
 * number's length, or 0. */
static size_t any_subgroup(const struct blk *x, const struct anynum *st)
{
	size_t n = strcspn(x->text, " ");
	if (x->last != x->first + 1 || !x->text[n] || n >= 12 || !st->grp[0])
		return 0;
	char w[12];
	memcpy(w, x->text, n);
	w[n] = '\0';
	int v;
	if (celltext_row_number(w, &v) != 4)
		return 0;
	*strchr(w, '.') = '\0';
	return strcmp(w, st->grp) ? 0 : n;
}

static void any_take(struct anynum *st, const char *code, int kind)
{
	int v;
	celltext_row_number(code, &v);
	char w[12];
	snprintf(w, sizeof w, "%.11s", code);
	strip_mark(w);
	st->dash = kind == 1;
	if (kind == 3) {
		st->group = v, st->num = 0;
		snprintf(st->grp, sizeof st->grp, "%s", w);
	} else if (kind == 2) {
		st->num = st->all = v;
		if (!st->group)
			snprintf(st->grp, sizeof st->grp, "%s", w);
	}
}

/* Text that ends the table: the signature, "Nơi nhận", another appendix,
 * running text (a line longer than a portrait table's cell holds), a
 * heading ("2. Nhiệm vụ", "II. TỔ CHỨC THỰC HIỆN") that is no row. */
static bool any_end(const struct lines *l, const struct blks *b, size_t k)
{
	const char *s = b->v[k].text;
	if (text_fold_starts(s, "noi nhan") || text_fold_starts(s, "tm. ") ||
	    text_fold_starts(s, "kt. ") || part_end(s))
		return true;
	for (size_t i = b->v[k].first; i < b->v[k].last; i++) {
		char *c = clean_line(l->v[i]);
		bool long_ = text_len(c) >= 88;
		free(c);
		if (long_)
			return true;
	}
	size_t n = strcspn(s, " ");
	if (!s[n] || n < 2 || n > 6 || s[n - 1] != '.')
		return false;
	char w[8];
	memcpy(w, s, n);
	w[n] = '\0';
	int v, kind = celltext_row_number(w, &v);
	return kind == 2 || kind == 3;
}

/* A deadline's words: a year, "hằng năm", "thường xuyên", "quý". */
static bool deadline_text(const char *s)
{
	return text_find_year(s, NULL) || text_fold_has(s, "hang nam") ||
	       text_fold_has(s, "thuong xuyen") || text_fold_has(s, "quy ");
}

/* Two figures or more and nothing else ("85-90 100", "5 10"): cells of
 * neighbouring columns run into one line. */
static bool figures_run(const char *s)
{
	int figures = 0;
	for (const char *q = s; *q;) {
		size_t n = strcspn(q, " ");
		bool num = false, other = false;
		for (size_t i = 0; i < n; i++) {
			unsigned char ch = (unsigned char)q[i];
			num |= isdigit(ch) != 0;
			other |= ch < 0x80 && !isdigit(ch) && !strchr("%.,-+<>=", ch);
		}
		if (other || (!num && n && (unsigned char)q[0] < 0x80 && !strchr("<>=", q[0])))
			return false;
		figures += num;
		q += n;
		q += strspn(q, " ");
	}
	return figures >= 2;
}

/* What a block costs in a column of kind k: 0 fits, 1 may be, NEVER not. */
static int any_fit(enum head_kind k, const struct blk *x)
{
	const char *s = x->text;
	if (figures_run(s))
		return NEVER;
	bool val = value_block(x), ag = one_agency(x);
	bool unit = strlen(s) < 30 && (plain_unit(s) || unit_text(s));
	switch (k) {
	case HEAD_NAME: return val ? NEVER : 0;
	case HEAD_UNIT:
		if (unit && !val)
			return 0;
		return val || ag || strlen(s) > 30 ? NEVER : 1;
	case HEAD_VALUE:
	case HEAD_YEAR: return val ? 0 : ag || unit ? NEVER : 1;
	case HEAD_AGENCY: return ag ? 0 : val || unit ? NEVER : 1;
	case HEAD_DEADLINE: return deadline_text(s) ? 0 : ag ? NEVER : 1;
	default: return 1;
	}
}

/* Blocks x[0..k) to columns [0, h->n) in order, the name's first: the
 * cheapest way, in col[] (col[i] the column of block i); false when none
 * fits or two are as cheap. */
static bool any_assign(const struct anyhead *h, const struct blk *const *x, int k, int *col)
{
	/* best[i][c]: blocks i.. into columns c..; ways: how many as cheap */
	int best[MAXHEAD + 2][MAXHEAD + 2], ways[MAXHEAD + 2][MAXHEAD + 2];
	int n = h->n;
	if (k > n || k < 1 || h->kind[0] != HEAD_NAME)
		return false;
	for (int c = 0; c <= n; c++)
		best[k][c] = 0, ways[k][c] = 1;
	for (int i = k - 1; i >= 0; i--)
		for (int c = n; c >= 0; c--) {
			best[i][c] = NEVER, ways[i][c] = 0;
			for (int d = c; d < n && (i > 0 || d == 0); d++) {
				int f = any_fit(h->kind[d], x[i]);
				if (f >= NEVER || best[i + 1][d + 1] >= NEVER)
					continue;
				int cost = f + best[i + 1][d + 1];
				if (cost < best[i][c])
					best[i][c] = cost, ways[i][c] = 0;
				if (cost == best[i][c])
					ways[i][c] += ways[i + 1][d + 1];
			}
		}
	if (best[0][0] >= NEVER || ways[0][0] != 1)
		return false;
	for (int i = 0, c = 0; i < k; i++) {
		for (int d = c; d < n; d++) {
			int f = any_fit(h->kind[d], x[i]);
			if (f < NEVER && best[i + 1][d + 1] < NEVER &&
			    f + best[i + 1][d + 1] == best[i][c]) {
				col[i] = d;
				c = d + 1;
				break;
			}
		}
	}
	return true;
}

/* A period's two years run together ("Giai đoạn 20262030"): pdftotext
 * joins a line ending in '-' to the next without the '-'. The text with
 * the '-' put back when it holds eight digits that are two years, the
 * second later; else NULL. */
static char *joined_period(const char *s)
{
	for (const char *q = s; *q; q++) {
		if (!isdigit((unsigned char)*q) || (q > s && isdigit((unsigned char)q[-1])) ||
		    strspn(q, "0123456789") != 8)
			continue;
		int a = text_year(q, 4), z = text_year(q + 4, 4);
		if (!a || z <= a)
			return NULL;
		size_t at = (size_t)(q - s) + 4;
		struct buf t = BUF_INIT;
		buf_printf(&t, "%.*s-%s", (int)at, s, s + at);
		return buf_detach(&t);
	}
	return NULL;
}

/* The header: "STT" and the blocks after it naming columns. */
static size_t any_head(struct blks *b, size_t i, struct anyhead *h)
{
	memset(h, 0, sizeof *h);
	h->text[0] = b->v[i].text;
	size_t j = i + 1;
	for (; j < b->n && h->n < MAXHEAD && strlen(b->v[j].text) < 80; j++) {
		enum head_kind k = header_cell_kind(b->v[j].text);
		char *period = k == HEAD_NONE ? joined_period(b->v[j].text) : NULL;
		if (period && header_cell_kind(period) != HEAD_NONE) {
			free(b->v[j].text);
			b->v[j].text = period;
			k = header_cell_kind(period);
		} else {
			free(period);
		}
		if (k == HEAD_NONE || k == HEAD_STT)
			break;
		h->text[h->n + 1] = b->v[j].text;
		h->kind[h->n++] = k;
	}
	return j;
}

static void any_cell(struct row *r, const char *s)
{
	row_add_cell(r, s, strlen(s));
}

/* The header's cells again from block k on (on the next page, or inside
 * the table as the plan repeats it): every cell's text once, in any order
 * (pdftotext writes a two-line cell before its neighbour), as blocks or
 * lines run together in one ("TT Chỉ tiêu"); what the last block holds after
 * them, from a line's start, is the next row's. The repeat is taken out of
 * b, that rest kept as a block; returns whether b has a block k then. */
static bool past_repeat(const struct lines *l, struct blks *b, size_t k, const struct anyhead *h)
{
	bool used[MAXHEAD + 1] = {false};
	int left = h->n + 1;
	size_t e = k, rest = 0, cut_at = 0; /* the last block's first line not the
	                                     * header's, and where its text starts */
	for (; e < b->n && left && !rest; e++) {
		const char *s = b->v[e].text;
		size_t pos = 0;
		for (bool more = true; more && s[pos];) {
			int best = -1;
			size_t len = 0;
			for (int c = 0; c <= h->n; c++) {
				size_t n = strlen(h->text[c]);
				if (!used[c] && n > len && !strncmp(s + pos, h->text[c], n) &&
				    (s[pos + n] == ' ' || !s[pos + n]))
					best = c, len = n;
			}
			more = best >= 0;
			if (more) {
				used[best] = true;
				left--;
				pos += len + (s[pos + len] == ' ');
			}
		}
		if (!s[pos])
			continue;
		/* the header's lines, then the rest of the block from a line */
		size_t at = 0, q = b->v[e].first;
		for (; q < b->v[e].last && at < pos; q++) {
			char *c = clean_line(l->v[q]);
			at += strlen(c) + 1;
			free(c);
		}
		if (!pos || at != pos || left)
			return k < b->n;
		rest = q, cut_at = pos;
	}
	if (left)
		return k < b->n;
	if (rest) { /* the rest of block e - 1 stays */
		struct blk *x = &b->v[--e];
		char *t = xstrdup(x->text + cut_at);
		free(x->text);
		x->text = t;
		x->first = rest;
	}
	for (size_t q = k; q < e; q++)
		free(b->v[q].text);
	memmove(b->v + k, b->v + e, (b->n - e) * sizeof *b->v);
	b->n -= e - k;
	return k < b->n;
}

/* Emits row code + cells; blocks x[0..k) to columns col[] (NULL: the
 * name only, the row dropped). */
static void any_emit(struct rows *out, const struct anyhead *h, const char *code,
                     const struct blk *first, const struct blk *const *x, const char *const *text,
                     int k, const int *col, int table)
{
	struct row *r = rows_add(out, (int)first->first + 1);
	r->last = (int)(k ? x[k - 1]->last : first->last);
	r->page = first->page + 1;
	r->table = table;
	any_cell(r, code);
	int i = 0;
	for (int c = 0; c < h->n; c++) {
		if (!col) {
			any_cell(r, c == 0 && k ? text[0] : "");
			continue;
		}
		any_cell(r, i < k && col[i] == c ? text[i++] : "");
	}
	r->dropped = col == NULL;
}

/* The rows of a page not read, named in bad: a warning. */
static void any_warn(struct plan *p, struct buf *bad, int line)
{
	if (bad->len)
		plan_warn(p, line,
		          "%s (văn bản chép từ PDF đã mất bố cục: ô của các hàng, các cột "
		          "lẫn vào nhau hoặc sai thứ tự); chỉ giữ số thứ tự và tên: hãy nhập "
		          "chính tệp PDF, hoặc chép bằng pdftotext -layout",
		          buf_str(bad));
	buf_free(bad);
}

/* Running text after the table: a sentence of six words or more that
 * ends with '.' or ':'. */
static bool prose(const struct blk *x)
{
	const char *s = x->text;
	size_t n = strlen(s);
	int words = 1;
	for (const char *q = s; *q; q++)
		words += *q == ' ';
	return n && (s[n - 1] == '.' || s[n - 1] == ':') && words >= 6;
}

/* Block k is its page's number, the page's last block. */
static bool page_number(const struct blks *b, size_t k)
{
	const char *s = b->v[k].text;
	size_t d = strspn(s, "0123456789");
	return d && d < 4 && !s[d] && atoi(s) == b->v[k].page + 1 &&
	       (k + 1 == b->n || b->v[k + 1].page != b->v[k].page);
}

/* A row found: its number's block, kind, and its cells' blocks. */
struct anyrow {
	char code[16];
	int kind;
	const struct blk *nb;
	const struct blk *x[MAXHEAD + 3];
	const char *text[MAXHEAD + 3];
	int k;
	bool gaps, lost; /* read with an empty cell; its page's cells disordered */
	char *name;          /* the name without a unit's line inside it */
	struct blk unit;     /* that line, a cell of its own */
};

/* A row read whole but for its unit cell, under a unit column: the unit's
 * words may be run into the name's lines ("… trên địa Tài / bàn / khoản"),
 * the name and the unit both named in a warning. */
static void any_no_unit(struct plan *p, const struct anyhead *h, const struct anyrow *r,
                        const int *col, int k)
{
	int line = (int)r->nb->first + 1, page = r->nb->page + 1;
	for (int c = 1; c < h->n; c++) {
		bool filled = false;
		for (int a = 0; a < k; a++)
			filled |= col[a] == c;
		if (h->kind[c] != HEAD_UNIT || filled)
			continue;
		for (int f = 0; f < 2; f++)
			plan_warn_cell(p, line, f ? c + 2 : 2,
			               "trang %d, hàng %s: ô đơn vị tính trống, chữ của nó có thể "
			               "nằm lẫn trong tên (văn bản chép từ PDF đã mất bố cục); cần "
			               "đối chiếu với văn bản",
			               page, r->code);
	}
}

/* A row whose cells were not put back (kept with its number and its first
 * block as the name): each of its cells named in a warning of that cell,
 * the field the draft page marks; the name too, as its block may hold a
 * neighbour cell's words run onto its line ("… của xã Mức độ Đạt"). */
static void any_unread(struct plan *p, const struct anyhead *h, const struct anyrow *r, int k)
{
	int line = (int)r->nb->first + 1, page = r->nb->page + 1;
	for (int c = 0; c < h->n; c++) {
		if (h->kind[c] == HEAD_NOTE || h->kind[c] == HEAD_NONE)
			continue;
		if (c == 0 && k)
			plan_warn_cell(p, line, c + 2,
			               "trang %d, hàng %s: tên chép như văn bản, có thể lẫn chữ của "
			               "ô bên cạnh (các ô của hàng không ghép lại được); cần đối "
			               "chiếu với văn bản",
			               page, r->code);
		else if (c > 0)
			plan_warn_cell(p, line, c + 2,
			               "trang %d, hàng %s: ô \"%s\" không đọc được (các ô của hàng "
			               "không ghép lại được), để trống; cần đối chiếu với văn bản",
			               page, r->code, h->text[c + 1]);
	}
}

/* A unit's line inside the name's block ("Tỷ lệ … trên môi / % /
 * trường mạng": pdftotext wrote the unit cell among the name's lines),
 * when no unit block follows: the unit taken out as a cell of its own,
 * after the name. */
static void unit_inside(const struct lines *l, struct anyrow *r, bool sub)
{
	const struct blk *nm = r->k && !sub ? r->x[0] : NULL;
	if (!nm || nm->last - nm->first < 3 || r->k >= MAXHEAD + 2 ||
	    (r->k > 1 && unit_block(r->x[1])))
		return;
	struct buf name = BUF_INIT;
	size_t at = 0;
	for (size_t q = nm->first; q < nm->last; q++) {
		char *c = clean_line(l->v[q]);
		if (!at && q > nm->first && q + 1 < nm->last && unit_text(c) && strlen(c) < 12) {
			at = q;
			r->unit = (struct blk){q, q + 1, nm->page, c};
			continue;
		}
		buf_puts(&name, name.len ? " " : "");
		buf_puts(&name, c);
		free(c);
	}
	if (!at) {
		buf_free(&name);
		return;
	}
	r->name = buf_detach(&name);
	r->text[0] = r->name;
	for (int z = r->k; z > 1; z--)
		r->x[z] = r->x[z - 1], r->text[z] = r->text[z - 1];
	r->x[1] = &r->unit;
	r->text[1] = r->unit.text;
	r->k++;
}

/* The name's block holds a line that is a figure or a target ("15%/năm",
 * "≥ 40"): another cell's lines mixed into the name's. */
static bool mixed_name(const struct lines *l, const struct anyrow *r)
{
	const struct blk *nm = r->k && r->x[0] != r->nb ? r->x[0] : NULL;
	bool mixed = false;
	for (size_t q = nm ? nm->first + 1 : 0; nm && q < nm->last && !mixed; q++) {
		char *c = clean_line(l->v[q]);
		struct blk one = {q, q + 1, nm->page, c};
		mixed = value_block(&one) && !(nm == r->x[0] && r->k > 1 && r->x[1] == &r->unit &&
		                                q == r->unit.first);
		free(c);
	}
	return mixed;
}

/* One of row r's cell blocks, in a table with a time column, holds a
 * line that is a time ("Quý IV/2025", "2030") and a line that is a figure
 * and no time ("90%"): pdftotext interleaved a target's lines with the
 * time's ("Tối thiểu / Quý IV/2025 / môn thuộc UBND / 90%"). */
static bool time_and_figure(const struct lines *l, const struct anyhead *h, const struct anyrow *r)
{
	bool timed = false;
	for (int c = 0; c < h->n; c++)
		timed |= h->kind[c] == HEAD_DEADLINE;
	for (int a = 1; timed && a < r->k; a++) {
		const struct blk *x = r->x[a];
		bool time = false, figure = false;
		for (size_t q = x->first; x->last > x->first + 1 && q < x->last; q++) {
			char *c = clean_line(l->v[q]);
			struct blk one = {q, q + 1, x->page, c};
			bool t = deadline_text(c);
			time |= t;
			figure |= !t && value_block(&one);
			free(c);
		}
		if (time && figure)
			return true;
	}
	return false;
}

/* Row n is a sub-row of row r: "a)" after "3", "1.2" after "1." */
static bool sub_rows(const struct anyrow *r, const struct anyrow *n)
{
	if (!n || n->kind == 5 || n->kind == 1)
		return n != NULL;
	char w[16];
	snprintf(w, sizeof w, "%s", r->code);
	strip_mark(w);
	size_t k = strlen(w);
	return n->kind == 4 && !strncmp(n->code, w, k) && n->code[k] == '.';
}

/* Inversions of perm[0..n): how far from the header's order. */
static int inversions(const int *perm, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++)
		for (int j = i + 1; j < n; j++)
			v += perm[i] > perm[j];
	return v;
}

/* The header's cells in the order its rows' cells come: pdftotext may
 * write a header cell of two lines ("Đơn vị / tính") before a neighbour
 * of one. The order (the name first) under which the most rows holding
 * every cell fit their columns, then the least cost, then the nearest the
 * header's; the header's own order when it is as good or two others tie. */
static void any_order(struct anyhead *h, const struct anyrow *r, size_t nr)
{
	int n = h->n, perm[MAXHEAD], best[MAXHEAD];
	if (n < 3 || n > 7)
		return;
	for (int c = 0; c < n; c++)
		perm[c] = best[c] = c;
	long best_score = -1;
	bool tie = false;
	for (;;) {
		int fits = 0, cost = 0;
		for (size_t i = 0; i < nr; i++) {
			if (r[i].k != n || r[i].kind == 3 || r[i].kind == 4)
				continue;
			int c = 0;
			for (int d = 0; d < n && c < NEVER; d++)
				c += any_fit(h->kind[perm[d]], r[i].x[d]);
			if (c < NEVER)
				fits++, cost += c;
		}
		long score = (long)fits * 100000 - cost * 100 - inversions(perm, n);
		bool same = true; /* the same kinds: two agency columns swapped */
		for (int d = 0; d < n; d++)
			same &= h->kind[perm[d]] == h->kind[best[d]];
		if (score > best_score) {
			best_score = score;
			memcpy(best, perm, sizeof perm);
			tie = false;
		} else if (score == best_score && !same) {
			tie = true;
		}
		/* the next permutation of perm[1..n) */
		int i = n - 2;
		while (i >= 1 && perm[i] > perm[i + 1])
			i--;
		if (i < 1)
			break;
		int j = n - 1;
		while (perm[j] < perm[i])
			j--;
		int t = perm[i];
		perm[i] = perm[j], perm[j] = t;
		for (int x = i + 1, y = n - 1; x < y; x++, y--)
			t = perm[x], perm[x] = perm[y], perm[y] = t;
	}
	if (tie)
		return;
	struct anyhead o = *h;
	for (int d = 0; d < n; d++) {
		h->kind[d] = o.kind[best[d]];
		h->text[d + 1] = o.text[best[d] + 1];
	}
}

/* A table not of the layout this reads, at block i: after a table read
 * (its continuation on the next page, its header and cells mixed), named
 * in a warning, and the text read on; else nothing is read (b->n, *found
 * false). */
static size_t any_lost(const struct blks *b, size_t i, struct plan *p, bool *found)
{
	if (!*found)
		return b->n;
	plan_warn(p, (int)b->v[i].first + 1,
	          "trang %d: không ghép lại được bảng (hay phần tiếp theo của bảng) từ dòng %zu "
	          "(văn bản chép từ PDF đã mất bố cục: tiêu đề và ô của các hàng lẫn vào "
	          "nhau); các hàng của nó không được đọc: hãy nhập chính tệp PDF, hoặc chép "
	          "bằng pdftotext -layout",
	          b->v[i].page + 1, b->v[i].first + 1);
	p->unread++;
	return i + 1;
}

/* The columns' numbers under the header ("1", "2", … one a column, the
 * number's too), each a block: skipped; returns the block after them. */
static size_t column_numbers(const struct blks *b, size_t j, const struct anyhead *h)
{
	int n = h->n + 1;
	if (j + (size_t)n > b->n)
		return j;
	for (int c = 0; c < n; c++) {
		const struct blk *x = &b->v[j + (size_t)c];
		char want[12];
		snprintf(want, sizeof want, "%d", c + 1);
		if (x->last != x->first + 1 || x->page != b->v[j].page || strcmp(x->text, want))
			return j;
	}
	return j + (size_t)n;
}

/* Year columns left to right in time, as plans set them: pdftotext may
 * write a two-line year's header before a one-line one, and the rows'
 * cells come in the table's order. */
static void years_ascending(struct anyhead *h)
{
	for (int a = 0; a < h->n; a++)
		for (int c = a + 1; c < h->n && h->kind[a] == HEAD_YEAR; c++)
			if (h->kind[c] == HEAD_YEAR &&
			    text_find_year(h->text[c + 1], NULL) <
			            text_find_year(h->text[a + 1], NULL)) {
				const char *t = h->text[a + 1];
				h->text[a + 1] = h->text[c + 1];
				h->text[c + 1] = t;
			}
}

/* The header "STT" at block i: its table's rows into out. Returns the
 * block after the table. */
static size_t any_table(const struct lines *l, struct blks *b, size_t i, struct rows *out,
                        struct plan *p, int table, bool *found, int *frag)
{
	struct anyhead h;
	size_t j = any_head(b, i, &h);
	bool name = false;
	for (int c = 0; c < h.n; c++)
		name |= h.kind[c] == HEAD_NAME;
	/* year columns: each its own header block ("Cơ quan chủ trì 2025":
	 * two cells run into one, the years' order lost; a baseline's or
	 * target's header names its year: "Thực hiện năm 2024" one cell) */
	bool years = false, merged = false;
	for (int c = 0; c < h.n; c++)
		years |= h.kind[c] == HEAD_YEAR;
	for (int c = 0; c < h.n && years; c++)
		merged |= h.kind[c] != HEAD_YEAR && h.kind[c] != HEAD_VALUE &&
		          text_find_year(h.text[c + 1], NULL) != 0;
	if (h.n < 2 || h.kind[0] != HEAD_NAME || !name || merged)
		return any_lost(b, i, p, found);
	j = column_numbers(b, j, &h);
	size_t whole = 0, unread0 = p->unread;
	struct anynum st = {0};
	size_t nr = 0, cap = 16;
	struct anyrow *rows = xcalloc(cap, sizeof *rows);
	while (past_repeat(l, b, j, &h) && !any_end(l, b, j) && !head_start(b, j)) {
		const struct blk *nb = &b->v[j];
		size_t sub = any_subgroup(nb, &st);
		int kind = sub ? 4 : any_start(b, j, &st);
		if (!kind) { /* not a row: the page's number, or the end */
			if (!page_number(b, j))
				break;
			j++;
			continue;
		}
		if (nr == cap)
			rows = xrealloc(rows, (cap *= 2) * sizeof *rows);
		struct anyrow *r = &rows[nr++];
		memset(r, 0, sizeof *r);
		snprintf(r->code, sizeof r->code, "%.*s", sub ? (int)sub : 15, nb->text);
		r->kind = kind;
		r->nb = nb;
		any_take(&st, r->code, kind);
		if (sub) { /* "II.1 Hạ tầng số" */
			r->x[r->k] = nb;
			r->text[r->k++] = nb->text + sub + 1;
		}
		size_t e = j + 1;
		for (; past_repeat(l, b, e, &h) && r->k < MAXHEAD + 2 && !any_end(l, b, e) &&
		       !head_start(b, e) &&
		       !any_start(b, e, &st) && !any_subgroup(&b->v[e], &st);
		     e++) {
			if (page_number(b, e))
				continue;
			if (r->k >= h.n && prose(&b->v[e]))
				break; /* the row full, running text after the table */
			r->x[r->k] = &b->v[e];
			r->text[r->k++] = b->v[e].text;
		}
		unit_inside(l, r, sub);
		j = e;
		if (j < b->n && prose(&b->v[j]))
			break;
	}
	if (!nr) {
		free(rows);
		return any_lost(b, i, p, found);
	}
	any_order(&h, rows, nr);
	years_ascending(&h);
	struct row *hr = rows_add(out, (int)b->v[i].first + 1);
	hr->last = (int)b->v[i].last;
	hr->table = table;
	for (int c = 0; c <= h.n; c++)
		any_cell(hr, h.text[c]);
	struct buf bad = BUF_INIT;
	int bad_page = -1, lost_page = -1, bad_line = 0;
	bool lost = false; /* cells out of order on this page: no row trusted */
	for (size_t ri = 0; ri < nr; ri++) {
		struct anyrow *r = &rows[ri];
		const struct blk *nb = r->nb;
		int kind = r->kind, k = r->k;
		/* "1.3" under a heading "1.", not over rows of its own ("1",
		 * "a)", "-"; the next heading "2." over "2.1" is none of its):
		 * an indicator's number, no sub-group */
		const struct anyrow *next = ri + 1 < nr ? &rows[ri + 1] : NULL;
		const struct anyrow *after = ri + 2 < nr ? &rows[ri + 2] : NULL;
		bool heads = next && next->kind == 2 && after && after->kind == 4 &&
		             sub_rows(next, after);
		if (kind == 4 && !(next && (next->kind == 1 || next->kind == 5 ||
		                            (next->kind == 2 && !heads))))
			kind = 2;
		if (lost_page != nb->page)
			lost = false;
		int col[MAXHEAD + 3];
		char *split = NULL;
		bool group = (kind == 3 || kind == 4) && k == 1;
		/* a numbered row of a name alone: a heading over its sub-rows
		 * ("1." over "1.1"), or a row whose cells are lost (pdftotext
		 * mixed them into the name's lines, or wrote them elsewhere) */
		bool heading = kind == 2 && k == 1 && (sub_rows(r, ri + 1 < nr ? &rows[ri + 1] : NULL) ||
		                                       r->text[0][strlen(r->text[0]) - 1] == ':');
		group |= heading;
		bool ok = group ||
		          (!lost && !(kind != 3 && kind != 4 && k == 1) && !mixed_name(l, r) &&
		           !time_and_figure(l, &h, r) && any_assign(&h, r->x, k, col));
		/* an agency and the unit run together on one line ("Phòng Văn
		 * hóa - Xã hội Mô hình") beside an empty unit column */
		for (int u = 0; ok && !group && u < h.n; u++) {
			if (h.kind[u] != HEAD_UNIT)
				continue;
			bool empty = true;
			for (int a = 0; a < k; a++)
				empty &= col[a] != u;
			for (int a = 1; empty && a < k && !split; a++) {
				bool beside = col[a] == u - 1 && /* the unit on its right */
				              h.kind[col[a]] == HEAD_AGENCY &&
				              r->x[a]->last == r->x[a]->first + 1;
				size_t t = beside ? unit_tail(r->text[a]) : 0;
				if (!t)
					continue;
				split = xstrdup(r->text[a]);
				split[t - 1] = '\0';
				for (int z = k; z > a + 1; z--)
					r->text[z] = r->text[z - 1], r->x[z] = r->x[z - 1],
					col[z] = col[z - 1];
				r->text[a] = split;
				r->text[a + 1] = split + t;
				r->x[a + 1] = r->x[a];
				col[a + 1] = u;
				k++;
			}
		}
		/* an agency cell beside an empty note cell: the note's lines
		 * may be among the agency's, one of each in turn */
		for (int a = 1; ok && !group && a < k; a++) {
			int c = col[a];
			bool note_empty = c + 1 < h.n && h.kind[c + 1] == HEAD_NOTE &&
			                  !(a + 1 < k && col[a + 1] == c + 1);
			if (h.kind[c] == HEAD_AGENCY && note_empty && new_phrase(l, r->x[a]))
				ok = false;
		}
		if (group || (!ok && (kind == 3 || kind == 4))) {
			struct row *g = rows_add(out, (int)nb->first + 1);
			g->last = (int)(k ? r->x[0]->last : nb->last);
			g->page = nb->page + 1;
			g->table = table;
			any_cell(g, r->code);
			any_cell(g, k ? r->text[0] : "");
		} else if (ok) {
			any_emit(out, &h, r->code, nb, r->x, r->text, k, col, table);
			any_no_unit(p, &h, r, col, k);
			whole++;
			for (int c = 0, a = 0; c < h.n; c++) {
				bool filled = a < k && col[a] == c;
				a += filled;
				r->gaps |= !filled && h.kind[c] != HEAD_NOTE;
			}
		} else {
			any_emit(out, &h, r->code, nb, r->x, r->text, k, NULL, table);
			any_unread(p, &h, r, k);
		}
		if (!ok) {
			/* a group's name followed by cells, or more cells than
			 * columns: other rows' cells out of order; no row on the
			 * page is trusted after it */
			if (kind == 3 || kind == 4 || k > h.n) {
				lost = true;
				lost_page = nb->page;
				r->lost = true;
			}
			if (bad_page != nb->page)
				any_warn(p, &bad, bad_line);
			if (!bad.len) {
				buf_printf(&bad, "trang %d: không ghép lại được các ô của hàng %s",
				           nb->page + 1, r->code);
				bad_line = (int)nb->first + 1;
			}
			else
				buf_printf(&bad, ", %s", r->code);
			bad_page = nb->page;
			p->unread += kind == 1 || kind == 2 || kind == 5;
		}
		free(split);
	}
	any_warn(p, &bad, bad_line);
	if (!*frag && fragment(whole, p->unread - unread0))
		*frag = (int)b->v[i].first + 1;
	/* a row read with an empty cell on a page whose other cells are out
	 * of order: the cell may be among them */
	for (size_t a = 0; a < nr; a++) {
		bool page_lost = false;
		for (size_t c = 0; c < nr; c++)
			page_lost |= rows[c].lost && rows[c].nb->page == rows[a].nb->page;
		if (rows[a].gaps && page_lost)
			plan_warn(p, (int)rows[a].nb->first + 1,
			          "trang %d: hàng %s có ô trống, có thể ô của nó nằm trong các ô "
			          "lẫn thứ tự trên trang này; cần kiểm tra",
			          rows[a].nb->page + 1, rows[a].code);
	}
	for (size_t a = 0; a < nr; a++) {
		free(rows[a].name);
		free(rows[a].unit.text);
	}
	free(rows);
	*found = true; /* a table read: every table, or none */
	return j > i ? j : i + 1;
}

/* A table's reader: the header's "STT" at block h, rows into out; returns
 * the block after the table. *found: set when a row was read; b->n returned
 * with *found false stops the text's reading (nothing read). */
typedef size_t table_reader(const struct lines *l, struct blks *b, size_t h, struct rows *out,
                            struct plan *p, int table, bool *found, int *frag);

/* Each table of the text, from its header's "STT" block on, by read. */
/* Rows numbered in the table's own cells (out->v[from..]): their count. */
static size_t numbered_rows(const struct rows *out, size_t from)
{
	size_t n = 0;
	for (size_t r = from; r < out->n; r++)
		n += !out->v[r].text && out->v[r].ncell > 1 &&
		     isdigit((unsigned char)out->v[r].cell[0][0]);
	return n;
}

/* A table after the one read, under its header at block h, of which no
 * row was read: each row its blocks number 1, 2, … (blocks of a number
 * alone) said in a warning, never left out without a word. */
static void warn_unread_table(const struct blks *b, size_t h, size_t end, struct plan *p)
{
	long want = 1;
	for (size_t k = h + 1; k < end && k < b->n; k++) {
		char *e;
		long v = strtol(b->v[k].text, &e, 10);
		if (e == b->v[k].text || *e || v != want)
			continue;
		plan_warn(p, (int)b->v[k].first + 1,
		          "trang %d: hàng %ld của bảng ở dòng %zu không được đọc (văn bản chép từ "
		          "PDF đã mất bố cục: các ô không ghép lại được): hãy nhập chính tệp "
		          "PDF, hoặc chép bằng pdftotext -layout",
		          b->v[k].page + 1, v, b->v[h].first + 1);
		want++;
	}
}

static bool each_table(const struct lines *l, struct rows *out, struct plan *p, table_reader *read,
                       int *frag)
{
	*frag = 0;
	struct blks b = {0};
	split_blocks(l, &b);
	bool found = false;
	int table = 0;
	for (size_t i = 0; i < b.n;) {
		if (!head_start(&b, i)) {
			/* the number column's header of a table of no
			 * indicators ("STT | Nhiệm vụ") after one read */
			if (found && number_head(b.v[i].text))
				warn_unread_table(&b, i, b.n, p);
			i++;
			continue;
		}
		size_t before = out->n;
		bool read_before = found;
		size_t next = read(l, &b, i, out, p, ++table, &found, frag);
		if (read_before && !numbered_rows(out, before))
			warn_unread_table(&b, i, next > i ? next : b.n, p);
		i = next > i ? next : i + 1;
	}
	blocks_free(&b);
	return found;
}

bool plain_block_rows(const struct lines *l, struct rows *out, struct plan *p, int *fragment)
{
	return each_table(l, out, p, read_table, fragment);
}

bool plain_block_cells(const struct lines *l, struct rows *out, struct plan *p, int *fragment)
{
	return each_table(l, out, p, any_table, fragment);
}
