/* pdfrows.c: tables rebuilt from words placed on pages: a PDF's text layer
 * (points) or text laid out with spaces (pdftotext -layout: a character is
 * one unit wide, a line one unit high).
 *
 * Words are grouped into lines by their vertical centre. A table starts at
 * a header: a band of adjacent lines made only of header words ("STT",
 * "Chỉ tiêu", "Đơn vị tính", "Năm 2025", "Cơ quan chủ trì" ...) with a
 * number column. The header's words, clustered where they overlap across
 * lines, give the columns; each boundary between two columns is put in the
 * widest x-gap of the body's words between the two header cells (body text
 * is left-aligned, header text centred). A row is anchored at the text of
 * its number column; rows are split at the widest vertical gap between two
 * anchors, so cells centred vertically or set at the top both work. The
 * table ends at text in the number column that is not a number ("Nơi
 * nhận:"), a wide vertical gap, a heading of the document's next part
 * ("III. TỔ CHỨC THỰC HIỆN"), or a header of another table; a repeated
 * page header continues the table. Lines outside tables are kept as text.
 * A PDF's page furniture (a browser's date and address, the page's number,
 * a running header or footer on every page) is dropped first: at a page's
 * foot it would go on the last row.
 *
 * Text laid out with spaces is read by the same rules, but its cells are
 * then assigned to columns row by row (grid_row), and its rows may have no
 * blank line between them (tight_cut). pword_rows (a PDF's words, OCR's)
 * is unchanged by either. */
#include "table.h"

#include "text.h"
#include "util.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXCOLS 24

struct pline {
	size_t from, to; /* words [from, to) of the sorted array */
	double y0, y1;
	int page, no; /* no: line number reported for the rows */
};

static int cmp_word(const void *a, const void *b)
{
	const struct pword *x = a, *y = b;
	if (x->page != y->page)
		return x->page < y->page ? -1 : 1;
	double cx = (x->y0 + x->y1) / 2, cy = (y->y0 + y->y1) / 2;
	if (cx != cy)
		return cx < cy ? -1 : 1;
	return (x->x0 > y->x0) - (x->x0 < y->x0);
}

static int cmp_x(const void *a, const void *b)
{
	const struct pword *x = a, *y = b;
	return (x->x0 > y->x0) - (x->x0 < y->x0);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Median height of the words and median width of a character. */
static void metrics(const struct pword *w, size_t n, double *h, double *cw)
{
	double *v = xcalloc(n ? n : 1, sizeof *v), *c = xcalloc(n ? n : 1, sizeof *c);
	for (size_t i = 0; i < n; i++) {
		v[i] = w[i].y1 - w[i].y0;
		size_t k = text_len(w[i].s);
		c[i] = (w[i].x1 - w[i].x0) / (double)(k ? k : 1);
	}
	xqsort(v, n, sizeof *v, cmp_double);
	xqsort(c, n, sizeof *c, cmp_double);
	*h = n ? v[n / 2] : 1;
	*cw = n ? c[n / 2] : 1;
	if (*h <= 0)
		*h = 1;
	if (*cw <= 0)
		*cw = 1;
	free(v);
	free(c);
}

/* Lines: words whose centres lie within 0.4 of a height of the first. */
static size_t make_lines(struct pword *w, size_t n, double h, struct pline **out)
{
	xqsort(w, n, sizeof *w, cmp_word);
	struct pline *l = NULL;
	size_t nl = 0, cap = 0;
	for (size_t i = 0; i < n;) {
		double c0 = (w[i].y0 + w[i].y1) / 2;
		size_t j = i + 1;
		while (j < n && w[j].page == w[i].page && (w[j].y0 + w[j].y1) / 2 - c0 < 0.4 * h)
			j++;
		xqsort(w + i, j - i, sizeof *w, cmp_x);
		l = xgrow(l, &cap, nl + 1, sizeof *l);
		struct pline *p = &l[nl++];
		p->from = i;
		p->to = j;
		p->page = w[i].page;
		p->y0 = w[i].y0;
		p->y1 = w[i].y1;
		p->no = w[i].line > 0 ? w[i].line : (int)nl;
		for (size_t k = i; k < j; k++) {
			p->y0 = fmin(p->y0, w[k].y0);
			p->y1 = fmax(p->y1, w[k].y1);
		}
		i = j;
	}
	*out = l;
	return nl;
}

/* The width of a space: the median gap between words of a line, among
 * gaps narrower than two characters. */
static double space_width(const struct pword *w, const struct pline *l, size_t nl, double cw)
{
	double *g = NULL;
	size_t n = 0, cap = 0;
	for (size_t i = 0; i < nl; i++)
		for (size_t j = l[i].from + 1; j < l[i].to; j++) {
			double d = w[j].x0 - w[j - 1].x1;
			if (d <= 0 || d >= 2 * cw)
				continue;
			g = xgrow(g, &cap, n + 1, sizeof *g);
			g[n++] = d;
		}
	double s = cw / 2;
	if (n) {
		xqsort(g, n, sizeof *g, cmp_double);
		s = g[n / 2];
	}
	free(g);
	return s;
}

static bool in_vocab(const char *f, size_t n, bool layout)
{
	return header_word_kind(f, n) || (layout && header_layout_word(f, n));
}

/* A folded word of a header: a header word, a year, two header words read
 * as one ("coquan", as OCR glues them) or a stray letter. */
static bool vocab_word(const char *f, bool layout)
{
	size_t n = strlen(f);
	if (n == 4 && isdigit((unsigned char)f[0]) && isdigit((unsigned char)f[3]))
		return true; /* a year */
	if (in_vocab(f, n, layout) || (n == 1 && isalpha((unsigned char)*f)))
		return true;
	for (size_t k = 2; k + 2 <= n; k++)
		if (in_vocab(f, k, layout) && in_vocab(f + k, n - k, layout))
			return true;
	return false;
}

/* What a line says about a header: -1 not a header line, else bits
 * 1 (a number column word), 2 (a name column word). "Kế hoạch" is a
 * header's phrase ("Kế hoạch năm 2026"); "Kế" alone is no header word
 * but in text laid out with spaces (header_layout_word: "Kế" over "hoạch"). */
static int header_line(const struct pword *w, const struct pline *l, bool layout)
{
	struct words ws = {0};
	for (size_t i = l->from; i < l->to; i++)
		text_words(w[i].s, &ws);
	int bits = 0;
	for (size_t k = 0; k < ws.n && bits >= 0; k++) {
		if (!strcmp(ws.w[k], "ke") && k + 1 < ws.n && !strcmp(ws.w[k + 1], "hoach"))
			k++;
		else if (!vocab_word(ws.w[k], layout))
			bits = -1;
		else if (header_number_word(ws.w[k]))
			bits |= 1;
		else if (!strcmp(ws.w[k], "tieu") || !strcmp(ws.w[k], "nhiem") ||
		         !strcmp(ws.w[k], "dung") || !strcmp(ws.w[k], "ten") ||
		         (!strcmp(ws.w[k], "so") && k && !strcmp(ws.w[k - 1], "chi")))
			bits |= 2; /* "Chỉ số": the indicators' names */
	}
	words_free(&ws);
	return bits;
}

/* Word s, folded, is one of the NULL-ended words set. */
static bool folded_in(const char *s, const char *const *set)
{
	char *f = text_fold(s);
	bool ok = false;
	for (; *set && !ok; set++)
		ok = !strcmp(f, *set);
	free(f);
	return ok;
}

/* The lines [*s, *e) of a header band without those of rows around it: the
 * number column's cell holds only its own words ("Số", "TT"), so a line
 * with another word under or over the number word ("STT", "TT") is no
 * header line: a group's row below ("A  Giai đoạn 2026 – 2028"), the
 * title's last line just above. Lines apart from the number word's line
 * by such a line are cut with it. */
static void band_trim(const struct pword *w, const struct pline *l, size_t *s, size_t *e)
{
	size_t nk = *e;
	double nx0 = 0, nx1 = 0;
	for (size_t k = *s; k < *e && nk == *e; k++)
		for (size_t j = l[k].from; j < l[k].to; j++) {
			if (header_number(w[j].s)) {
				nk = k;
				nx0 = w[j].x0;
				nx1 = w[j].x1;
				break;
			}
		}
	if (nk == *e)
		return;
	for (size_t k = *s; k < *e; k++) {
		if (k == nk)
			continue;
		bool other = false;
		for (size_t j = l[k].from; j < l[k].to && !other; j++)
			other = w[j].x0 < nx1 && w[j].x1 > nx0 && !header_number_cell(w[j].s);
		if (!other)
			continue;
		if (k < nk) {
			*s = k + 1;
		} else {
			*e = k;
			break;
		}
	}
}

/* A header's last row under merged cells: two or more of its words years
 * ("Năm 2025") or agencies' columns ("Chủ trì", "Phối hợp"); of a run of
 * words read by OCR as one ("Năm 2025"), its last word. */
static bool sub_heads(const struct pword *w, const struct pline *l)
{
	static const char *const sub[] = {"tri", "hop", NULL};
	int k = 0;
	for (size_t j = l->from; j < l->to; j++) {
		const char *last = strrchr(w[j].s, ' ');
		last = last ? last + 1 : w[j].s;
		size_t n = strlen(last);
		bool year = n == 4 && isdigit((unsigned char)last[0]) &&
		            isdigit((unsigned char)last[3]);
		k += year || folded_in(last, sub);
	}
	return k >= 2;
}

/* The brackets lines [a, b) open and leave open ("Hiện trạng (năm" over
 * "2024)"). */
static int open_brackets(const struct pword *w, const struct pline *l, size_t a, size_t b)
{
	int open = 0;
	for (size_t k = a; k < b; k++)
		for (size_t j = l[k].from; j < l[k].to; j++)
			for (const char *p = w[j].s; *p; p++)
				open += *p == '(' ? 1 : *p == ')' && open > 0 ? -1 : 0;
	return open;
}

/* A line closing a bracket neither it nor the header's lines above it
 * (open of them left open) opened ("trì);" of "Công an phường (chủ /
 * trì);" at the top of a page, a row's cell run on under the header
 * repeated there): the end of a cell, no header's line below. */
static bool closes_bracket(const struct pword *w, const struct pline *l, int open)
{
	for (size_t j = l->from; j < l->to; j++)
		for (const char *p = w[j].s; *p; p++)
			if (*p == '(')
				open++;
			else if (*p == ')' && --open < 0)
				return true;
	return false;
}

/* Each word of line x lies under a word of line y. */
static bool under_line(const struct pword *w, const struct pline *x, const struct pline *y)
{
	for (size_t i = x->from; i < x->to; i++) {
		bool under = false;
		for (size_t j = y->from; j < y->to && !under; j++)
			under = w[i].x0 < w[j].x1 && w[j].x0 < w[i].x1;
		if (!under)
			return false;
	}
	return x->to > x->from;
}

/* The header band around line i: [*a, *b); what its lines say (bits of
 * header_line), -1 when line i starts none. */
static int header_band(const struct pword *w, const struct pline *l, size_t nl, size_t i, double h,
                       bool layout, size_t *a, size_t *b)
{
	int bits = header_line(w, &l[i], layout);
	if (bits <= 0)
		return -1;
	size_t s = i, e = i + 1;
	while (s > 0 && l[s - 1].page == l[i].page && l[s].y0 - l[s - 1].y1 < 1.0 * h) {
		int k = header_line(w, &l[s - 1], layout);
		if (k < 0)
			break;
		bits |= k;
		s--;
	}
	/* A header of three rows sets its last row's cells ("Năm 2025 | Chủ
	 * trì") apart from the merged cells above by more than a line: a
	 * line of header words only, with a year or two words, joins the band
	 * within 2.5 heights. */
	while (e < nl && l[e].page == l[i].page &&
	       (l[e].y0 - l[e - 1].y1 < 1.0 * h ||
	        (l[e].y0 - l[e - 1].y1 < 2.5 * h && sub_heads(w, &l[e])))) {
		int k = header_line(w, &l[e], layout);
		if (k < 0 || closes_bracket(w, &l[e], open_brackets(w, l, s, e)))
			break;
		bits |= k;
		e++;
	}
	/* the header's last line set at the top of the next page, under
	 * the words of its line above */
	if (e < nl && e > i && l[e].page == l[e - 1].page + 1 &&
	    header_line(w, &l[e], layout) >= 0 &&
	    !closes_bracket(w, &l[e], open_brackets(w, l, s, e)) && under_line(w, &l[e], &l[e - 1]))
		e++;
	size_t s0 = s, e0 = e;
	band_trim(w, l, &s, &e);
	if (s > i || e <= i)
		return -1;
	if (s != s0 || e != e0) {
		bits = 0;
		for (size_t k = s; k < e; k++)
			bits |= header_line(w, &l[k], layout);
	}
	*a = s;
	*b = e;
	return bits;
}

struct table {
	double lo[MAXCOLS], hi[MAXCOLS]; /* header cells' extent */
	double bound[MAXCOLS + 1];       /* column c is [bound[c], bound[c + 1]) */
	int ncol;
	char *head[MAXCOLS];
	/* Text laid out with spaces only (see grid_row): where the body's
	 * cells of each column typically start and are centred. */
	bool grid;
	double tlo[MAXCOLS], tmid[MAXCOLS];
	/* No number column: column 0 names the rows (nonum_header). */
	bool nonum;
	/* Words placed as set (a PDF's text layer, text laid out with
	 * spaces), not read by OCR, whose stray marks make ties of chance
	 * (place_bounds). */
	bool exact;
	/* A caption holding one year over two or more columns of its own
	 * ("Chỉ tiêu đến năm 2030" over "Tỉnh giao | Phường phấn đấu"): a
	 * header row of its own over theirs (emit_header). */
	char *cap[MAXCOLS];
	double caplo[MAXCOLS], caphi[MAXCOLS];
	int ncap;
	/* A year column set apart from the one before though their headers
	 * were packed a space apart ("Năm 2027 Năm 2030"). */
	bool packed[MAXCOLS];
};

static void table_free(struct table *t)
{
	for (int c = 0; c < t->ncol; c++)
		free(t->head[c]);
	for (int c = 0; c < t->ncap; c++)
		free(t->cap[c]);
	memset(t, 0, sizeof *t);
}

/* Header words clustered into columns; their text joined line by line. */
static size_t uf_find(size_t *up, size_t i)
{
	while (up[i] != i)
		i = up[i] = up[up[i]];
	return i;
}

struct span {
	double lo, hi;
};

static int cmp_span(const void *a, const void *b)
{
	const struct span *x = a, *y = b;
	return (x->lo > y->lo) - (x->lo < y->lo);
}

/* Two stacks of header words are one cell when, on every line both
 * have words, they are a space apart ("Thời gian / hoàn thành"), not
 * when some line has them further ("Hiện Năm / trạng    2025"). */
/* The words of stack r (in line, then x order) hold the name of a column
 * or a year. */
static const char *const column_names[] = {"don vi",   "hien trang", "co quan",  "chi tieu",
                                           "nhiem vu", "thoi gian",  "ket qua",  "ghi chu",
                                           "stt",      "noi dung",   "thuc hien"};

static bool names_column(const struct pword **v, const size_t *line, size_t *up, size_t n, size_t r)
{
	const char *const *names = column_names;
	struct buf b = BUF_INIT;
	bool year = false;
	for (size_t i = 0; i < n; i++) {
		if (uf_find(up, i) != r)
			continue;
		buf_puts(&b, v[i]->s);
		buf_putc(&b, ' ');
		year |= text_year(v[i]->s, strlen(v[i]->s)) != 0;
	}
	(void)line;
	char *f = text_fold(buf_str(&b));
	buf_free(&b);
	bool named = year;
	for (size_t k = 0; k < sizeof column_names / sizeof column_names[0] && !named; k++) {
		size_t m = strlen(names[k]);
		for (const char *p = strstr(f, names[k]); p && !named; p = strstr(p + 1, names[k]))
			named = (p == f || p[-1] == ' ') && (p[m] == ' ' || p[m] == '\0');
	}
	free(f);
	return named;
}

static bool stacks_touch(const struct pword **v, const size_t *line, size_t *up, size_t n,
                         size_t ri, size_t rj, double tol)
{
	for (size_t i = 0; i < n; i++) {
		if (uf_find(up, i) != ri)
			continue;
		double ax = -1e18, bx = 1e18; /* ri's right end, rj's left end */
		for (size_t j = 0; j < n; j++) {
			if (line[j] != line[i])
				continue;
			size_t r = uf_find(up, j);
			if (r == ri)
				ax = fmax(ax, v[j]->x1);
			else if (r == rj)
				bx = fmin(bx, v[j]->x0);
		}
		if (bx < 1e18 && bx - ax > tol)
			return false;
	}
	/* Stacks that each name a column ("Đơn vị tính", "Hiện trạng",
	 * "Năm 2025") stay apart. */
	return !(names_column(v, line, up, n, ri) && names_column(v, line, up, n, rj));
}

/* The words v[i] and v[i + 1] of one line's run (words tol or less
 * apart), each stacked over or under a word of another line, are the
 * ends of two header cells run together by one space ("Đơn vị KẾT QUẢ",
 * over "tính NĂM 2030"): the run's words up to v[i]
 * end a column's name, those from v[i + 1] start one, its first word
 * capitalised as a cell's first word is ("chủ trì" after "Cơ quan" is
 * no cell). */
static bool names_meet(const struct pword **v, const size_t *line, size_t n, size_t i,
                       double tol)
{
	size_t s = i, e = i + 2;
	while (s > 0 && line[s - 1] == line[i] && v[s]->x0 - v[s - 1]->x1 <= tol)
		s--;
	while (e < n && line[e] == line[i] && v[e]->x0 - v[e - 1]->x1 <= tol)
		e++;
	if (text_case_start(v[i + 1]->s) != 1)
		return false;
	struct buf l = BUF_INIT, r = BUF_INIT;
	for (size_t k = s; k <= i; k++) {
		buf_putc(&l, ' ');
		buf_puts(&l, v[k]->s);
	}
	for (size_t k = i + 1; k < e; k++) {
		buf_puts(&r, v[k]->s);
		buf_putc(&r, ' ');
	}
	char *fl = text_fold(buf_str(&l)), *fr = text_fold(buf_str(&r));
	buf_free(&l);
	buf_free(&r);
	bool ends = false, starts = false;
	size_t nl = strlen(fl);
	for (size_t k = 0; k < sizeof column_names / sizeof column_names[0]; k++) {
		size_t m = strlen(column_names[k]);
		ends |= nl >= m && (nl == m || fl[nl - m - 1] == ' ') &&
		        !strcmp(fl + nl - m, column_names[k]);
		starts |= !strncmp(fr, column_names[k], m) && (fr[m] == ' ' || !fr[m]);
	}
	free(fl);
	free(fr);
	return ends && starts;
}

static bool year_word(const char *s)
{
	return text_year(s, strlen(s)) != 0;
}

static bool dash_word(const char *s)
{
	return !strcmp(s, "-") || !strcmp(s, "–") || !strcmp(s, "—");
}

/* A caption set over several year columns ("Chỉ tiêu đến năm" over "2025
 * 2027 2030", a merged header cell): a run of words of one line, a space
 * apart, above a line of years, overlapping two or more of those years (one
 * when it ends "các năm", the years) and holding none. Its words head no
 * column of their own and stack with none:
 * each year below is a column. Marks them in cap[]. */
/* Word k and the next of its run name an agency's column on their own
 * ("Chủ trì", "Phối hợp", "Theo dõi", "Thực hiện"). */
static bool agency_pair(const struct pword **v, const size_t *line, size_t n, size_t k)
{
	static const char *const pair[][2] = {
	        {"chu", "tri"}, {"phoi", "hop"}, {"theo", "doi"}, {"thuc", "hien"}};
	if (k + 1 >= n || line[k + 1] != line[k])
		return false;
	char *f0 = text_fold(v[k]->s), *f1 = text_fold(v[k + 1]->s);
	bool ok = false;
	for (size_t i = 0; i < sizeof pair / sizeof pair[0] && !ok; i++)
		ok = !strcmp(f0, pair[i][0]) && !strcmp(f1, pair[i][1]);
	free(f0);
	free(f1);
	return ok;
}

/* "Cơ quan thực hiện" over "Chủ trì | Phối hợp" (a header's agencies in
 * two columns under one merged cell): a run over two or more runs of a
 * later line that each start with an agency's column name is a caption,
 * no column's name. */
static void mark_agency_captions(const struct pword **v, const size_t *line, size_t n, double tol,
                                 bool *cap)
{
	for (size_t i = 0; i < n;) {
		size_t e = i + 1;
		while (e < n && line[e] == line[i] && v[e]->x0 - v[e - 1]->x1 <= tol)
			e++;
		double lo = v[i]->x0, hi = v[e - 1]->x1;
		for (size_t yl = 0; yl < n;) {
			size_t ye = yl, under = 0;
			while (ye < n && line[ye] == line[yl])
				ye++;
			for (size_t k = yl; line[yl] > line[i] && k < ye;) {
				size_t ke = k + 1; /* the run [k, ke) */
				while (ke < ye && v[ke]->x0 - v[ke - 1]->x1 <= tol)
					ke++;
				under += agency_pair(v, line, n, k) && v[k]->x0 < hi &&
				         lo < v[ke - 1]->x1;
				k = ke;
			}
			/* a merged cell centred over its two columns (text
			 * laid out with spaces may set it clear of both): its
			 * centre in the gap between two neighbouring agency
			 * columns */
			double before = NAN; /* the last agency column's end */
			for (size_t k = yl; under < 2 && line[yl] > line[i] && k < ye;) {
				size_t ke = k + 1;
				while (ke < ye && v[ke]->x0 - v[ke - 1]->x1 <= tol)
					ke++;
				bool agency = agency_pair(v, line, n, k);
				if (agency && before < (lo + hi) / 2 && (lo + hi) / 2 < v[k]->x0)
					under = 2;
				before = agency ? v[ke - 1]->x1 : NAN;
				k = ke;
			}
			if (under >= 2) {
				for (size_t k = i; k < e; k++)
					cap[k] = true;
				break;
			}
			yl = ye;
		}
		i = e;
	}
}

/* Word k lies over a word of a later line whose run (words a space
 * apart) holds no year. */
static bool over_plain(const struct pword **v, const size_t *line, size_t n, size_t k, double tol)
{
	for (size_t q = 0; q < n; q++) {
		if (line[q] <= line[k] || v[q]->x0 >= v[k]->x1 || v[k]->x0 >= v[q]->x1)
			continue;
		size_t s = q, e = q + 1;
		while (s > 0 && line[s - 1] == line[q] && v[s]->x0 - v[s - 1]->x1 <= tol)
			s--;
		while (e < n && line[e] == line[q] && v[e]->x0 - v[e - 1]->x1 <= tol)
			e++;
		bool year = false;
		for (size_t j = s; j < e; j++)
			year |= year_word(v[j]->s);
		/* a period wrapped in its cell ("Giai đoạn" over "2028 -
		 * 2030"), years under it: a caption's too, no column's own */
		for (size_t j = 0; j < n && !year; j++)
			year = line[j] > line[q] && year_word(v[j]->s) && v[j]->x0 < v[e - 1]->x1 &&
			       v[s]->x0 < v[j]->x1;
		if (!year)
			return true;
	}
	return false;
}

/* Run [i, e) lies over two or more runs of one later line, each within
 * its extent and holding no year. */
static bool over_runs(const struct pword **v, const size_t *line, size_t n, size_t i, size_t e,
                      double tol)
{
	for (size_t yl = 0; yl < n;) {
		size_t ye = yl, under = 0;
		while (ye < n && line[ye] == line[yl])
			ye++;
		for (size_t k = yl; line[yl] > line[i] && k < ye;) {
			size_t ke = k + 1;
			bool year = year_word(v[k]->s);
			while (ke < ye && v[ke]->x0 - v[ke - 1]->x1 <= tol)
				year |= year_word(v[ke++]->s);
			under += !year && v[k]->x0 >= v[i]->x0 - tol &&
			         v[ke - 1]->x1 <= v[e - 1]->x1 + tol;
			k = ke;
		}
		if (under >= 2)
			return true;
		yl = ye;
	}
	return false;
}

/* Marks in cap[] the captions over several columns, and in keep[] those
 * that hold a milestone's year over columns of their own (over_runs): a
 * header row of their own. */
static void mark_captions(const struct pword **v, const size_t *line, size_t n, double tol,
                          bool *cap, bool *keep)
{
	mark_agency_captions(v, line, n, tol, cap);
	for (size_t i = 0; i < n;) {
		size_t e = i + 1; /* the run [i, e) */
		while (e < n && line[e] == line[i] && v[e]->x0 - v[e - 1]->x1 <= tol)
			e++;
		int nyear = 0;
		for (size_t k = i; k < e; k++)
			nyear += year_word(v[k]->s);
		/* a period wrapped in its cell ("Giai đoạn 2028 -" over
		 * "2030"): the run of the next line under it that starts
		 * with a year ends it; the years below are under both */
		size_t wrap = n, wrap_e = n, below_line = line[i];
		if (e - i >= 2 && dash_word(v[e - 1]->s) && year_word(v[e - 2]->s))
			for (size_t k = e; k < n && wrap == n; k++) {
				if (line[k] == line[i] || v[k]->x0 >= v[e - 1]->x1 ||
				    v[k]->x1 <= v[i]->x0)
					continue;
				/* the first word under the run, starting a run */
				if (year_word(v[k]->s) && (line[k - 1] != line[k] ||
				                           v[k]->x0 - v[k - 1]->x1 > tol)) {
					wrap = k;
					for (wrap_e = k + 1; wrap_e < n && line[wrap_e] == line[k] &&
					                     v[wrap_e]->x0 - v[wrap_e - 1]->x1 <= tol;
					     wrap_e++)
						;
					for (size_t q = k; q < wrap_e; q++)
						nyear += year_word(v[q]->s);
					below_line = line[k];
				}
				break;
			}
		/* "Giai đoạn 2025 - 2027" over "Năm 2025 | Năm 2027" (a
		 * three-row header): a period is a caption over the years
		 * below it, however many */
		bool has_year = nyear == 1 || nyear > 2;
		if (nyear == 1 && wrap == n && over_runs(v, line, n, i, e, tol))
			for (size_t k = i; k < e; k++)
				cap[k] = keep[k] = true;
		/* "Mục tiêu các năm": the years (plural) below it, over
		 * however many of them text laid out with spaces sets it */
		int need = nyear == 2 ? 1 : 2;
		if (e - i >= 2) {
			char *f0 = text_fold(v[e - 2]->s), *f1 = text_fold(v[e - 1]->s);
			if (!strcmp(f0, "cac") && !strcmp(f1, "nam"))
				need = 1;
			free(f0);
			free(f1);
		}
		for (size_t yl = 0; yl < n && !has_year;) {
			size_t ye = yl; /* a later line's words [yl, ye) */
			while (ye < n && line[ye] == line[yl])
				ye++;
			int over = 0;
			if (line[yl] > below_line)
				for (size_t k = yl; k < ye; k++)
					over += year_word(v[k]->s) && v[k]->x0 < v[e - 1]->x1 &&
					        v[i]->x0 < v[k]->x1;
			if (over >= need) {
				/* its words at either end over a column's own
				 * words ("Đơn vị" of "Đơn vị Mục tiêu đến" over
				 * "tính", heads packed a space apart) are that
				 * column's */
				size_t from = i, to = e;
				while (from < to && over_plain(v, line, n, from, tol))
					from++;
				while (to > from && over_plain(v, line, n, to - 1, tol))
					to--;
				for (size_t k = from; k < to; k++)
					cap[k] = true;
				for (size_t k = wrap; k < wrap_e; k++)
					cap[k] = true;
				break;
			}
			yl = ye;
		}
		i = e;
	}
	/* A caption wrapped over two lines ("Chỉ tiêu đến / năm"): a run
	 * holding no year under a caption's run and within its extent, above
	 * a line of years, is caption too. */
	for (size_t i = 0; i < n;) {
		size_t e = i + 1;
		while (e < n && line[e] == line[i] && v[e]->x0 - v[e - 1]->x1 <= tol)
			e++;
		bool has_year = cap[i], above = false, below = false;
		for (size_t k = i; k < e; k++)
			has_year |= year_word(v[k]->s);
		for (size_t k = 0; k < n && !has_year; k++) {
			if (cap[k] && line[k] < line[i] && v[k]->x0 - tol <= v[i]->x0 &&
			    v[e - 1]->x1 <= v[k]->x1 + tol) {
				/* the caption's run around word k */
				double lo = v[k]->x0, hi = v[k]->x1;
				for (size_t q = 0; q < n; q++)
					if (cap[q] && line[q] == line[k]) {
						lo = fmin(lo, v[q]->x0);
						hi = fmax(hi, v[q]->x1);
					}
				above |= lo - tol <= v[i]->x0 && v[e - 1]->x1 <= hi + tol;
			}
			below |= line[k] > line[i] && year_word(v[k]->s) &&
			         v[k]->x0 < v[e - 1]->x1 && v[i]->x0 < v[k]->x1;
		}
		if (above && below)
			for (size_t k = i; k < e; k++)
				cap[k] = true;
		i = e;
	}
}

/* A word heading a year ("Năm 2025", "Đến năm 2030" end so). */
static const char *const year_heads[] = {"nam", NULL};

/* Word w is centred within column c's header words. */
static bool centred_in(const struct pword *w, const struct table *t, int c)
{
	double m = (w->x0 + w->x1) / 2;
	return m >= t->lo[c] && m <= t->hi[c];
}

/* Word k of the header (no caption's) is centred in column c. */
static bool in_column(const struct pword *const *v, const bool *cap, size_t k,
                      const struct table *t, int c)
{
	return !cap[k] && centred_in(v[k], t, c);
}

/* Column d's words, lines after top only, joined; NULL when a word of it
 * is on line top or before, or a year, or when they are no values'
 * header ("Kết quả thực hiện", "Kế hoạch"). */
static char *words_below(const struct pword *const *v, const size_t *line, size_t n,
                         const bool *cap, const struct table *t, int d, size_t top)
{
	struct buf bf = BUF_INIT;
	bool ok = true;
	for (size_t k = 0; k < n && ok; k++) {
		if (!in_column(v, cap, k, t, d))
			continue;
		ok = line[k] > top && !year_word(v[k]->s);
		if (bf.len)
			buf_putc(&bf, ' ');
		buf_puts(&bf, v[k]->s);
	}
	char *s = buf_detach(&bf);
	if (ok && *s && (header_cell_kind(s) == HEAD_VALUE || text_fold_starts(s, "ke hoach")))
		return s;
	free(s);
	return NULL;
}

/* A year's caption over two columns of values, set narrower than both
 * and over one of them only ("Năm 2025" over "Kế hoạch | Kết quả thực
 * hiện", text laid out with spaces): column c's top line holding only
 * "Năm 2025" (or "2025"), its other words below and no year, and exactly
 * one column beside it whose words are all below that line, no year,
 * both of them values' headers. The caption is then a header row of its
 * own over both (emit_header), no part of column c's header. */
static void year_over_pair(const struct pword **v, const size_t *line, size_t n, bool *cap,
                           double tol, struct table *t)
{
	for (int c = 1; c < t->ncol && t->ncap < MAXCOLS; c++) {
		size_t top = (size_t)-1, ntop = 0, year = n;
		for (size_t k = 0; k < n; k++)
			if (in_column(v, cap, k, t, c) && line[k] < top)
				top = line[k];
		for (size_t k = 0; k < n; k++)
			if (in_column(v, cap, k, t, c) && line[k] == top) {
				ntop++;
				year = year_word(v[k]->s) ? k : year;
			}
		if (year == n || ntop > 2 ||
		    (ntop == 2 && (year == 0 || line[year - 1] != top ||
		                   !folded_in(v[year - 1]->s, year_heads))))
			continue;
		size_t from = ntop == 2 ? year - 1 : year;
		cap[from] = cap[year] = true; /* the caption's, if so */
		char *own = words_below(v, line, n, cap, t, c, top);
		char *left = c > 1 ? words_below(v, line, n, cap, t, c - 1, top) : NULL;
		char *right = c + 1 < t->ncol ? words_below(v, line, n, cap, t, c + 1, top) : NULL;
		int d = !own || (left && right) ? -1 : left ? c - 1 : right ? c + 1 : -1;
		free(own), free(left), free(right);
		if (d < 0) {
			cap[from] = cap[year] = false;
			continue;
		}
		t->cap[t->ncap] = ntop == 2 ? xasprintf("%s %s", v[from]->s, v[year]->s)
		                            : xstrdup(v[year]->s);
		double lo = 1e18, hi = -1e18;
		for (size_t k = 0; k < n; k++)
			if (in_column(v, cap, k, t, c))
				lo = fmin(lo, v[k]->x0), hi = fmax(hi, v[k]->x1);
		t->lo[c] = lo, t->hi[c] = hi;
		t->caplo[t->ncap] = fmin(t->lo[c], t->lo[d]) - tol;
		t->caphi[t->ncap++] = fmax(t->hi[c], t->hi[d]) + tol;
	}
}

/* Header words into columns: words of different lines that overlap
 * stack into one cell ("Đơn / vị / tính"); words of one line a space
 * apart join ("Cơ quan chủ trì") unless each heads a stack of its own
 * ("Hiện / trạng" beside "Năm / 2025"). A caption over several year
 * columns (mark_captions) is left out. */
static void read_columns(const struct pword *w, const struct pline *l, size_t a, size_t b,
                         double space, struct table *t)
{
	size_t n = 0;
	for (size_t i = a; i < b; i++)
		n += l[i].to - l[i].from;
	const struct pword **v = xcalloc(n ? n : 1, sizeof *v);
	size_t *line = xcalloc(n ? n : 1, sizeof *line), *up = xcalloc(n ? n : 1, sizeof *up);
	bool *stacked = xcalloc(n ? n : 1, sizeof *stacked);
	size_t k = 0;
	for (size_t i = a; i < b; i++)
		for (size_t j = l[i].from; j < l[i].to; j++) {
			line[k] = i;
			up[k] = k;
			v[k++] = &w[j];
		}
	double tol = 1.8 * space;
	bool *cap = xcalloc(n ? n : 1, sizeof *cap), *keep = xcalloc(n ? n : 1, sizeof *keep);
	mark_captions(v, line, n, tol, cap, keep);
	for (size_t i = 0; i < n && t->ncap < MAXCOLS;) {
		if (!keep[i]) {
			i++;
			continue;
		}
		struct buf bf = BUF_INIT;
		size_t e = i;
		for (; e < n && keep[e] && line[e] == line[i]; e++) {
			if (bf.len)
				buf_putc(&bf, ' ');
			buf_puts(&bf, v[e]->s);
		}
		t->caplo[t->ncap] = v[i]->x0 - tol;
		t->caphi[t->ncap] = v[e - 1]->x1 + tol;
		t->cap[t->ncap++] = buf_detach(&bf);
		i = e;
	}
	free(keep);
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++)
			if (line[i] != line[j] && !cap[i] && !cap[j] && v[i]->x0 < v[j]->x1 &&
			    v[j]->x0 < v[i]->x1) {
				up[uf_find(up, i)] = uf_find(up, j);
				stacked[i] = stacked[j] = true;
			}
	/* stacks whose cells meet on one line (names_meet) stay apart */
	bool *meet = xcalloc(n ? n : 1, sizeof *meet);
	size_t pack[MAXCOLS]; /* a year's word whose next word heads a packed column */
	int npack = 0;
	for (size_t i = 0; i + 1 < n; i++)
		meet[i] = line[i] == line[i + 1] && stacked[i] && stacked[i + 1] &&
		          v[i + 1]->x0 - v[i]->x1 <= tol && names_meet(v, line, n, i, tol);
	for (size_t i = 0; i + 1 < n; i++) {
		size_t j = i + 1; /* words of a line are in x order */
		if (meet[i])
			continue;
		bool apart = false;
		for (size_t q = 0; q + 1 < n && !apart; q++)
			apart = meet[q] && ((uf_find(up, q) == uf_find(up, i) &&
			                     uf_find(up, q + 1) == uf_find(up, j)) ||
			                    (uf_find(up, q) == uf_find(up, j) &&
			                     uf_find(up, q + 1) == uf_find(up, i)));
		if (apart)
			continue;
		/* the number column's header ends at its word ("TT Chỉ tiêu",
		 * a repeated header packed); two years a space apart head two
		 * columns, and so do "năm 2025 năm 2030" under a header's line
		 * above (marked t->packed: their cells are dealt by where they
		 * stand, emit_row); a header of one line is split by its body
		 * (split_packed) */
		bool next_year = year_word(v[i]->s) && j + 1 < n && line[j + 1] == line[j] &&
		                 year_word(v[j + 1]->s) && folded_in(v[j]->s, year_heads) &&
		                 line[j] > line[0];
		if (next_year && line[i] == line[j] && v[j]->x0 - v[i]->x1 <= tol &&
		    cap[i] == cap[j] && npack < MAXCOLS)
			pack[npack++] = i;
		if (line[i] != line[j] || v[j]->x0 - v[i]->x1 > tol || cap[i] != cap[j] ||
		    header_number(v[i]->s) || (year_word(v[i]->s) && year_word(v[j]->s)) ||
		    next_year)
			continue;
		size_t ri = uf_find(up, i), rj = uf_find(up, j);
		if (stacked[i] && stacked[j] && ri != rj &&
		    !stacks_touch(v, line, up, n, ri, rj, tol))
			continue;
		up[ri] = rj;
	}
	struct span *sp = xcalloc(n ? n : 1, sizeof *sp);
	size_t ns = 0;
	for (size_t i = 0; i < n; i++) {
		if (uf_find(up, i) != i || cap[i])
			continue;
		sp[ns].lo = 1e18;
		sp[ns].hi = -1e18;
		for (size_t j = 0; j < n; j++)
			if (uf_find(up, j) == i) {
				sp[ns].lo = fmin(sp[ns].lo, v[j]->x0);
				sp[ns].hi = fmax(sp[ns].hi, v[j]->x1);
			}
		ns++;
	}
	xqsort(sp, ns, sizeof *sp, cmp_span);
	t->ncol = 0;
	for (size_t i = 0; i < ns; i++) {
		if (t->ncol && sp[i].lo < t->hi[t->ncol - 1]) {
			t->hi[t->ncol - 1] = fmax(t->hi[t->ncol - 1], sp[i].hi);
			continue;
		}
		if (t->ncol == MAXCOLS)
			break;
		t->lo[t->ncol] = sp[i].lo;
		t->hi[t->ncol] = sp[i].hi;
		t->ncol++;
	}
	free(sp);
	for (int q = 0; q < npack; q++)
		for (int c = 1; c < t->ncol; c++) {
			const struct pword *y = v[pack[q]], *h = v[pack[q] + 1];
			t->packed[c] |= centred_in(h, t, c) && (y->x0 + y->x1) / 2 <= t->hi[c - 1];
		}
	year_over_pair(v, line, n, cap, tol, t);
	free(meet);
	free(line);
	free(up);
	free(stacked);
	free(v);
	for (int c = 0; c < t->ncol; c++) {
		struct buf bf = BUF_INIT;
		k = 0;
		for (size_t i = a; i < b; i++)
			for (size_t j = l[i].from; j < l[i].to; j++, k++) {
				double m = (w[j].x0 + w[j].x1) / 2;
				if (m < t->lo[c] || m > t->hi[c] || cap[k])
					continue;
				if (bf.len)
					buf_putc(&bf, ' ');
				buf_puts(&bf, w[j].s);
			}
		t->head[c] = buf_detach(&bf);
	}
	free(cap);
}

/* Each boundary in the widest run of least body coverage between two
 * header cells. Body lines [a, b). Runs as wide as the widest are a tie
 * (a space between a long name's words is as wide as the gap before the
 * next column's text): the header text is centred in its cell,
 * so the cell before ends as far right of its header's centre as its left
 * boundary is left of it; the tie nearest that end wins, the first one
 * when the cell's left boundary is not known (the first column) or the
 * words were read by OCR (t->exact). */
static void place_bounds(const struct pword *w, const struct pline *l, size_t a, size_t b,
                         const bool *skip, double cw, struct table *t)
{
	t->bound[0] = -1e9;
	t->bound[t->ncol] = 1e9;
	double step = cw / 4;
	for (int c = 1; c < t->ncol; c++) {
		double x0 = t->hi[c - 1], x1 = t->lo[c];
		if (x1 <= x0) {
			t->bound[c] = (x0 + x1) / 2;
			continue;
		}
		enum { MAXRUN = 64 };
		double rx[MAXRUN];
		int rn[MAXRUN], nrun = 0;
		int best = -1, run = 0, bestrun = 0;
		double runx = x0;
		for (double x = x0; x <= x1; x += step) {
			int cov = 0;
			for (size_t i = a; i < b; i++)
				for (size_t j = l[i].from; j < l[i].to && !(skip && skip[i - a]); j++)
					cov += w[j].x0 < x && w[j].x1 > x;
			if (best < 0 || cov < best) {
				best = cov;
				run = 0;
				bestrun = 0;
				nrun = 0;
			}
			if (cov == best) {
				if (!run) {
					runx = x;
					if (nrun < MAXRUN)
						nrun++;
				}
				run++;
				rx[nrun - 1] = (runx + x) / 2;
				rn[nrun - 1] = run;
				if (run > bestrun)
					bestrun = run;
			} else {
				run = 0;
			}
		}
		double bestx = (x0 + x1) / 2;
		int first = -1;
		for (int k = 0; k < nrun && first < 0; k++)
			if (rn[k] == bestrun)
				first = k;
		if (first >= 0)
			bestx = rx[first];
		if (t->exact && c >= 2 && nrun > 1) {
			double end = t->lo[c - 1] + t->hi[c - 1] - t->bound[c - 1];
			double near = -1;
			for (int k = 0; k < nrun; k++)
				if (rn[k] == bestrun && (near < 0 || fabs(rx[k] - end) < near)) {
					near = fabs(rx[k] - end);
					bestx = rx[k];
				}
		}
		t->bound[c] = bestx;
	}
}

/* Words read by OCR: a run of words of one cell is one chunk, and two
 * header cells a chunk's gap apart ("Đơn vị tính | Năm 2025 | Năm 2027",
 * set tight) or a caption over two sub-headers ("Mục tiêu" over "Năm
 * 2026 | Đến năm 2030") come out as one column. The body's columns are
 * surer: across the body's lines holding three chunks or more (a row of
 * cells, not a heading or a name's wrapped line), x runs that no chunk
 * covers part them. A header column over two such runs or more is split
 * at the runs' gaps when each run gets a header chunk of its own (by most
 * overlap, else the nearest run); a chunk over header chunks of two runs
 * (a caption) is left out, as read_columns leaves one out. Body lines
 * [ba, bb), header [a, b). */
struct run {
	double x0, x1;
};

static int run_of(const struct run *r, int nr, double x0, double x1)
{
	int best = -1;
	double score = -1e18;
	for (int k = 0; k < nr; k++) {
		double ov = fmin(x1, r[k].x1) - fmax(x0, r[k].x0); /* < 0: the gap */
		if (ov > score)
			score = ov, best = k;
	}
	return best;
}

static void split_by_body(const struct pword *w, const struct pline *l, size_t a, size_t b,
                          size_t ba, size_t bb, struct table *t)
{
	enum { MAXRUNS = 64 };
	struct run r[MAXRUNS];
	int nr = 0;
	/* body chunks of rows of cells, right of the number column */
	size_t nv = 0;
	for (size_t i = ba; i < bb; i++)
		nv += l[i].to - l[i].from;
	struct run *v = xcalloc(nv ? nv : 1, sizeof *v);
	nv = 0;
	for (size_t i = ba; i < bb; i++) {
		if (l[i].to - l[i].from < 3)
			continue;
		for (size_t j = l[i].from; j < l[i].to; j++)
			if (t->ncol > 1 && (w[j].x0 + w[j].x1) / 2 >= t->bound[1])
				v[nv++] = (struct run){w[j].x0, w[j].x1};
	}
	for (size_t i = 1; i < nv; i++) /* by x0 (few) */
		for (size_t j = i; j > 0 && v[j - 1].x0 > v[j].x0; j--) {
			struct run x = v[j];
			v[j] = v[j - 1];
			v[j - 1] = x;
		}
	for (size_t i = 0; i < nv; i++) {
		if (nr && v[i].x0 <= r[nr - 1].x1) {
			r[nr - 1].x1 = fmax(r[nr - 1].x1, v[i].x1);
			continue;
		}
		if (nr == MAXRUNS)
			break;
		r[nr++] = v[i];
	}
	free(v);
	for (int c = 1; c < t->ncol && t->ncol < MAXCOLS; c++) {
		int k0 = -1, k1 = -1; /* runs centred in column c */
		for (int k = 0; k < nr; k++) {
			double m = (r[k].x0 + r[k].x1) / 2;
			if (m >= t->bound[c] && m < t->bound[c + 1]) {
				k0 = k0 < 0 ? k : k0;
				k1 = k;
			}
		}
		if (k0 < 0 || k1 == k0 || k1 - k0 + t->ncol > MAXCOLS)
			continue;
		int nk = k1 - k0 + 1;
		/* the header's chunks of column c, each to its run */
		size_t nh = 0;
		for (size_t i = a; i < b; i++)
			nh += l[i].to - l[i].from;
		int *at = xcalloc(nh ? nh : 1, sizeof *at);
		const struct pword **hw = xcalloc(nh ? nh : 1, sizeof *hw);
		size_t *hl = xcalloc(nh ? nh : 1, sizeof *hl);
		nh = 0;
		for (size_t i = a; i < b; i++)
			for (size_t j = l[i].from; j < l[i].to; j++) {
				double m = (w[j].x0 + w[j].x1) / 2;
				if (m < t->bound[c] || m >= t->bound[c + 1])
					continue;
				hw[nh] = &w[j];
				hl[nh] = i;
				at[nh++] = run_of(r + k0, nk, w[j].x0, w[j].x1);
			}
		/* a caption: over chunks of later lines given to two runs */
		bool *cap = xcalloc(nh ? nh : 1, sizeof *cap);
		for (size_t q = 0; q < nh; q++) {
			int first = -1;
			for (size_t z = 0; z < nh && !cap[q]; z++)
				if (hl[z] > hl[q] && hw[z]->x0 < hw[q]->x1 && hw[q]->x0 < hw[z]->x1) {
					if (first < 0)
						first = at[z];
					cap[q] = at[z] != first;
				}
		}
		/* runs with a header chunk of their own head columns; a run
		 * without one (a cell's longer text, a stray mark) goes with
		 * the nearest of them */
		int grp[MAXRUNS], ng = 0;
		for (int k = 0; k < nk; k++) {
			grp[k] = -1;
			for (size_t q = 0; q < nh && grp[k] < 0; q++)
				if (!cap[q] && at[q] == k)
					grp[k] = ng++;
		}
		for (int k = 0; k < nk && ng > 1; k++) {
			if (grp[k] >= 0)
				continue;
			int lf = k, rt = k;
			while (lf >= 0 && grp[lf] < 0)
				lf--;
			while (rt < nk && grp[rt] < 0)
				rt++;
			double dl = lf >= 0 ? r[k0 + k].x0 - r[k0 + lf].x1 : 1e18;
			double dr = rt < nk ? r[k0 + rt].x0 - r[k0 + k].x1 : 1e18;
			grp[k] = dl <= dr ? grp[lf] : grp[rt];
		}
		if (ng > 1) {
			for (int d = t->ncol - 1; d > c; d--) {
				t->lo[d + ng - 1] = t->lo[d];
				t->hi[d + ng - 1] = t->hi[d];
				t->head[d + ng - 1] = t->head[d];
				t->bound[d + ng] = t->bound[d + 1];
			}
			t->bound[c + ng] = t->bound[c + 1];
			free(t->head[c]);
			for (int g = 0; g < ng; g++) {
				struct buf bf = BUF_INIT;
				double lo = 1e18, hi = -1e18;
				for (size_t q = 0; q < nh; q++)
					if (!cap[q] && grp[at[q]] == g) {
						if (bf.len)
							buf_putc(&bf, ' ');
						buf_puts(&bf, hw[q]->s);
						lo = fmin(lo, hw[q]->x0), hi = fmax(hi, hw[q]->x1);
					}
				t->head[c + g] = buf_detach(&bf);
				t->lo[c + g] = lo;
				t->hi[c + g] = hi;
			}
			for (int k = 1; k < nk; k++)
				if (grp[k] != grp[k - 1])
					t->bound[c + grp[k]] = (r[k0 + k - 1].x1 + r[k0 + k].x0) / 2;
			t->ncol += ng - 1;
			c += ng - 1;
		}
		free(cap);
		free(hl);
		free(hw);
		free(at);
	}
}

/* A PDF's table without ruling lines (issue 12): lines [b, e) of its body
 * that say nothing of where its columns are: a line starting under the
 * number column in one or two runs of words ("2.  Chính quyền số", the
 * caption of the next table; "I  Hạ tầng số", a group's row spanning the
 * table), whose words cross the gaps between the body's cells. Returns a
 * mask by line from b. */
static bool *spanning_lines(const struct pword *w, const struct pline *l, size_t b, size_t e,
                            const struct table *t, double space)
{
	bool *skip = xcalloc(e > b ? e - b : 1, sizeof *skip);
	for (size_t i = b; i < e; i++) {
		if (l[i].to <= l[i].from || w[l[i].from].x0 >= t->hi[0])
			continue;
		int runs = 1;
		for (size_t j = l[i].from + 1; j < l[i].to; j++)
			runs += w[j].x0 - w[j - 1].x1 > 1.8 * space;
		skip[i - b] = runs <= 2;
	}
	size_t kept = 0;
	for (size_t i = b; i < e; i++)
		kept += !skip[i - b];
	if (!kept) { /* no row of cells: the lines as they are */
		free(skip);
		return NULL;
	}
	return skip;
}

/* The width of the run of x free of the words of lines [b, e) (but those
 * skipped) around x, 0 when a word covers x. */
static double free_run(const struct pword *w, const struct pline *l, size_t b, size_t e,
                       const bool *skip, double x, double step, double limit)
{
	double lo = x, hi = x;
	for (int dir = -1; dir <= 1; dir += 2) {
		for (double d = 0; d <= limit; d += step) {
			double at = x + dir * d;
			bool hit = false;
			for (size_t i = b; i < e && !hit; i++)
				for (size_t j = l[i].from; j < l[i].to && !skip[i - b] && !hit; j++)
					hit = w[j].x0 < at && w[j].x1 > at;
			if (hit) {
				if (d == 0)
					return 0;
				break;
			}
			if (dir < 0)
				lo = at;
			else
				hi = at;
		}
	}
	return hi - lo;
}

/* The header words of column c on lines [a, b), at most max of them in
 * hw: how many, 0 when they stand on more than one line. */
static size_t line_heads(const struct pword *w, const struct pline *l, size_t a, size_t b,
                         const struct table *t, int c, const struct pword **hw, size_t max)
{
	size_t nh = 0, line = (size_t)-1;
	for (size_t i = a; i < b; i++)
		for (size_t j = l[i].from; j < l[i].to; j++) {
			double m = (w[j].x0 + w[j].x1) / 2;
			if (m < t->lo[c] || m > t->hi[c])
				continue;
			if (line != (size_t)-1 && line != i)
				return 0;
			line = i;
			if (nh < max)
				hw[nh++] = &w[j];
		}
	return nh;
}

/* Room for k more columns after column c: the later ones moved right. */
static void open_columns(struct table *t, int c, int k)
{
	size_t n = (size_t)(t->ncol - c - 1);
	memmove(&t->lo[c + 1 + k], &t->lo[c + 1], n * sizeof t->lo[0]);
	memmove(&t->hi[c + 1 + k], &t->hi[c + 1], n * sizeof t->hi[0]);
	memmove(&t->head[c + 1 + k], &t->head[c + 1], n * sizeof t->head[0]);
	memmove(&t->packed[c + 1 + k], &t->packed[c + 1], n * sizeof t->packed[0]);
	t->ncol += k;
}

/* Header cells set on one line a space apart ("Đơn vị tính Năm 2025 Năm
 * 2027 Cơ quan chủ trì": a table without borders whose columns are as
 * wide as their headers) come as one column of the header's words. Such a
 * column is split between two of its words where the body agrees: a run
 * free of the body's words in every row (lines [b, e) but those skipped),
 * two spaces wide at least, meets the gap between the two words, and the
 * word after it starts a cell (a capital; a year after a year, as bare
 * year headers "2025 2026" are set; a year after "Năm" is its), with body
 * words on both sides. Header lines [a, b). */
static void split_packed(const struct pword *w, const struct pline *l, size_t a, size_t b,
                         size_t e, const bool *skip, double space, double cw, struct table *t)
{
	for (int c = 0; c < t->ncol && t->ncol < MAXCOLS; c++) {
		const struct pword *hw[MAXCOLS * 4];
		size_t nh = line_heads(w, l, a, b, t, c, hw, sizeof hw / sizeof hw[0]);
		if (nh < 2)
			continue;
		for (size_t k = 0; k + 1 < nh; k++) {
			const char *s = hw[k + 1]->s;
			bool starts = (isdigit((unsigned char)s[0]) && isdigit((unsigned char)hw[k]->s[0])) ||
			              text_case_start(s) == 1;
			if (!starts)
				continue;
			double g0 = hw[k]->x1, g1 = hw[k + 1]->x0, cut = -1;
			for (double x = g0; x <= g1 && cut < 0; x += cw / 4)
				if (free_run(w, l, b, e, skip, x, cw / 4, 40 * space) >= 2 * space)
					cut = x;
			if (cut < 0)
				continue;
			int left = 0, right = 0;
			for (size_t i = b; i < e; i++)
				for (size_t j = l[i].from; j < l[i].to && !skip[i - b]; j++) {
					double m = (w[j].x0 + w[j].x1) / 2;
					left += m >= t->lo[c] && m < cut && (c == 0 || m > t->hi[c - 1]);
					right += m >= cut && m <= t->hi[c] &&
					         (c + 1 == t->ncol || m < t->lo[c + 1]);
				}
			if (!left || !right)
				continue;
			/* column c ends at word k; c + 1 starts at word k + 1 */
			open_columns(t, c, 1);
			t->head[c + 1] = NULL; /* moved to c + 2 */
			t->lo[c + 1] = hw[k + 1]->x0;
			t->hi[c + 1] = t->hi[c];
			t->hi[c] = hw[k]->x1;
			for (int d = c; d <= c + 1; d++) {
				struct buf bf = BUF_INIT;
				for (size_t q = 0; q < nh; q++) {
					double m = (hw[q]->x0 + hw[q]->x1) / 2;
					if (m < t->lo[d] || m > t->hi[d])
						continue;
					if (bf.len)
						buf_putc(&bf, ' ');
					buf_puts(&bf, hw[q]->s);
				}
				free(t->head[d]);
				t->head[d] = buf_detach(&bf);
			}
			break; /* column c + 1 is looked at next */
		}
	}
}

static int column_of(const struct table *t, const struct pword *w)
{
	double m = (w->x0 + w->x1) / 2;
	for (int c = 0; c < t->ncol; c++)
		if (m < t->bound[c + 1])
			return c;
	return t->ncol - 1;
}

/* "I", "II.", "I.1", "12", "3.4.", "a)", "-": what a number column holds. */
static bool code_like(const char *s)
{
	if (text_len(s) > 8)
		return false;
	char *f = text_fold(s);
	bool ok = f[0] != '\0';
	size_t letters = 0; /* a word ("Các") is no number: letters are a
	                     * roman number or at most two ("a)", "HI": a
	                     * scan's "III") */
	bool roman = true;
	for (const char *p = f; *p && ok; p++) {
		ok = isdigit((unsigned char)*p) || strchr("ivxlc.)-/abcdefgh*+", *p);
		if (isalpha((unsigned char)*p)) {
			letters++;
			roman &= strchr("ivxlc", *p) != NULL;
		}
	}
	/* two small letters alone and no roman number: a word ("để") */
	bool word = letters == 2 && strlen(f) == 2 && !roman && text_case_start(s) == 0;
	free(f);
	return ok && !word && (letters <= 2 || roman);
}

/* Text of the words of line i in column c; NULL when none. */
static char *line_col(const struct pword *w, const struct pline *l, const struct table *t, int c)
{
	struct buf b = BUF_INIT;
	for (size_t j = l->from; j < l->to; j++) {
		if (column_of(t, &w[j]) != c)
			continue;
		if (b.len)
			buf_putc(&b, ' ');
		buf_puts(&b, w[j].s);
	}
	if (!b.len) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b);
}

/* A line that opens a row: text in the number column, or, the number
 * cell empty, a bullet opening the name cell ("- Tỷ lệ …" under a
 * numbered field "1 | Chính quyền số"): an unnumbered row of its own.
 * Not in OCR's words (t->exact false): a scan's stray rule reads as "-". */
static bool anchor_line(const struct pword *w, const struct pline *l, const struct table *t)
{
	char *c0 = line_col(w, l, t, 0);
	bool numbered = c0 != NULL;
	free(c0);
	if (numbered)
		return true;
	static const char *const marks[] = {"-", "\u2013", "+", "\u2022"};
	if (!t->exact || t->nonum || l->to - l->from < 2 || column_of(t, &w[l->from]) != 1)
		return false;
	for (size_t i = 0; i < sizeof marks / sizeof *marks; i++)
		if (!strcmp(w[l->from].s, marks[i]))
			return true;
	return false;
}

static char *line_text(const struct pword *w, const struct pline *l)
{
	struct buf b = BUF_INIT;
	for (size_t j = l->from; j < l->to; j++) {
		if (b.len)
			buf_putc(&b, ' ');
		buf_puts(&b, w[j].s);
	}
	return buf_detach(&b);
}

static void add_text(struct lines *text, struct rows *out, const struct pword *w,
                     const struct pline *l)
{
	char *s = line_text(w, l);
	if (text) {
		text->v = xgrow(text->v, &text->cap, text->n + 1, sizeof *text->v);
		text->v[text->n++] = xstrdup(s);
	}
	struct row *r = rows_add(out, l->no);
	r->text = true;
	r->page = l->page + 1;
	row_add_cell(r, s, strlen(s));
	free(s);
}

/* A cell's line that ends inside a word ("HĐND-", "Người/"): the next
 * line goes on without a space. */
static bool glued(const char *s, size_t n)
{
	return n >= 2 && (s[n - 1] == '-' || s[n - 1] == '/') && s[n - 2] != ' ';
}

/* A word broken at the cell's edge ("Doan" / "h nghiệp"): the next line
 * starts with lowercase letters without a vowel, which no Vietnamese
 * syllable is, after a letter. */
static bool broken(const char *before, const char *after)
{
	size_t n = strlen(before);
	unsigned char a = (unsigned char)before[n - 1];
	if (!n || !(isalpha(a) || a >= 0x80) || text_case_start(after) != 0)
		return false;
	char *f = text_fold(after);
	size_t k = strcspn(f, " ,;.:)");
	bool ok = k > 0 && k <= 3;
	for (size_t i = 0; i < k && ok; i++)
		ok = isalpha((unsigned char)f[i]) && !strchr("aeiouy", f[i]);
	free(f);
	return ok;
}

/* A cell's next line s after its lines in bf: a space between but where a
 * word runs on (glued, broken). */
static void join_line(struct buf *bf, const char *s)
{
	if (bf->len && !glued(bf->ptr, bf->len) && !broken(bf->ptr, s))
		buf_putc(bf, ' ');
	buf_puts(bf, s);
}

/* The text of column c on lines [a, b). */
static char *block_text(const struct pword *w, const struct pline *l, size_t a, size_t b,
                        const struct table *t, int c)
{
	struct buf bf = BUF_INIT;
	for (size_t q = a; q < b; q++) {
		char *s = line_col(w, &l[q], t, c);
		if (s)
			join_line(&bf, s);
		free(s);
	}
	char *x = text_clean(bf.len ? bf.ptr : "");
	buf_free(&bf);
	return x;
}

/* A group heading ("II | Phát triển nguồn lực" spanning the table): a
 * roman number or a capital letter alone in the number column, and the
 * rest of each line one run of words (no gap wider than a space). */
static bool group_heading(const struct pword *w, const struct pline *l, size_t a, size_t b,
                          const struct table *t, double space)
{
	bool code = false;
	for (size_t i = a; i < b; i++) {
		const struct pword *prev = NULL;
		for (size_t j = l[i].from; j < l[i].to; j++) {
			if (column_of(t, &w[j]) > 0) {
				if (prev && w[j].x0 - prev->x1 > 1.8 * space)
					return false;
				prev = &w[j];
				continue;
			}
			char c[16];
			snprintf(c, sizeof c, "%s", w[j].s);
			size_t n = strlen(c);
			while (n && (c[n - 1] == '.' || c[n - 1] == ')'))
				c[--n] = '\0';
			/* "II", "B", or "2." (a dot after the number) */
			code = text_roman(c) > 0 || (n == 1 && c[0] >= 'A' && c[0] <= 'Z') ||
			       (n < strlen(w[j].s) && n && strspn(c, "0123456789") == n);
		}
	}
	return code && b - a <= 4;
}

/* Text laid out with spaces (pdftotext -layout) keeps a cell's lines at
 * its column only roughly: pdftotext puts each run of words it took for
 * one line of text at a character position of its own and packs the words
 * of a run one space apart, so a run may hold the ends of two neighbouring
 * cells ("... sống cáo", "Đô thị; – Xã hội", "≥ 100 ≥ 100"), its later
 * words pulled left or pushed right of their cell, and a whole row can sit
 * a few characters off the header. The table's fixed bounds (place_bounds)
 * then cut cells in the wrong place; such text is read row by row:
 *
 * - a line's words are cut into pieces at gaps wider than a space;
 * - each column gets where its body cells typically start (the most
 *   frequent start) and their typical centre, learnt from the pieces of
 *   the table: first those within the table's bounds, then those nearest,
 *   three times; each piece goes to the column whose start or centre is
 *   nearest (left-aligned or centred cells);
 * - a piece is cut again, one space apart, where one of its words starts
 *   where a piece of another line of the same row starts in a later
 *   column (a cell's lines share their left edge), or where a word of it
 *   reaches under the header of a later column (a cell's text stays left
 *   of the next column's header): then at the word that starts nearest
 *   where that column's cells start in this row (or in the table), never
 *   between a sign and its number, and right after a number in the number
 *   column; the rest of a cut piece is cut again from where a further
 *   column's cells start or past its bound, and so is a piece of figures
 *   alone ("≥ 100 100": a cell holds one figure);
 * - a cell's first line starts with a capital: a cut a word or two after
 *   a capital word moves back to it, and a piece whose capital word's run
 *   ends past the next column's bound is cut there, when the line holds
 *   the first line of the later cell in its row ("thuộc Tổ chức");
 * - milestone cells packed into one run ("triển triển") get one word
 *   each, when the words of the run are as many as the columns it
 *   reaches (spread_packed);
 * - a lone dash packed between two cells goes to the later one when the
 *   earlier cell's next line starts with a dash (dash_moves);
 * - a row's lines after a page break and the repeated header are read
 *   row by row too;
 * - a unit's second word packed into the name goes back to it when
 *   another row of the table has the two words as its unit
 *   (unit_rest_from_name);
 * - a figure (or dash) packed after words in the unit column or a
 *   milestone column ("Triệu đồng 1.250,5", "07 sản 10 sản") starts the
 *   next milestone cell when that column holds no figure in the row;
 * - a cell's lines share their left edge: a piece off its column's edge
 *   in the row goes to the column whose cell starts where it does, or to
 *   the next, empty, column when two other lines of its own share an edge
 *   left of it;
 * - a table with no number column is read too, its rows the blocks of
 *   lines between blank lines (nonum_body).
 *
 * Nothing here names a document; the header and the body's own positions
 * decide. Not recovered: the space pdftotext drops between a sign and a
 * number ("≥2" for "≥ 2"), nor cells packed so tightly that their words no
 * longer line up with any column. */

struct piece {
	size_t from, to; /* words [from, to) of one line */
	int col;
	bool rest;    /* the rest of a piece cut: cells known to run together */
	bool capital; /* cut at a cell's first line's capital word */
	int parent;   /* the rest of a piece cut: the column of its first part */
	double off;   /* and how far its first word starts from where the column's cells do */
};

/* Pieces of line l (appended to *p): runs of words no more than a space
 * apart. */
static void line_pieces(const struct pword *w, const struct pline *l, double space,
                        struct piece **p, size_t *n, size_t *cap)
{
	for (size_t j = l->from; j < l->to;) {
		size_t k = j + 1;
		while (k < l->to && w[k].x0 - w[k - 1].x1 <= 1.5 * space)
			k++;
		*p = xgrow(*p, cap, *n + 1, sizeof **p);
		(*p)[(*n)++] = (struct piece){j, k, 0, false, false, 0, 0};
		j = k;
	}
}

static double piece_cost(const struct table *t, int c, double x0, double x1)
{
	return fmin(fabs(x0 - t->tlo[c]), fabs((x0 + x1) / 2 - t->tmid[c]));
}

/* Whether column c's header names a year ("Năm 2030"): a milestone's
 * targets, short cells. */
static bool year_column(const struct table *t, int c)
{
	return text_find_year(t->head[c], NULL) != 0;
}

/* Whether column c's header names the unit ("Đơn vị tính", "ĐVT"). */
static bool unit_column(const struct table *t, int c)
{
	return text_fold_starts(t->head[c], "don vi") || text_fold_starts(t->head[c], "dvt");
}

/* A lone sign that belongs to the number after it ("≥ 70"). */
static bool sign_word(const char *s)
{
	static const char *const signs[] = {"≥", "≤", ">", "<", "=", ">=", "<=", "~", "±"};
	for (size_t k = 0; k < sizeof signs / sizeof signs[0]; k++)
		if (!strcmp(s, signs[k]))
			return true;
	return false;
}

/* A word of a figure: digits with signs, a decimal mark or a percent
 * ("≥", "100", "0,7", "80%"); a lone sign counts. */
static bool figure_word(const char *s)
{
	bool digit = false;
	for (const char *p = s; *p; p++) {
		if (isdigit((unsigned char)*p)) {
			digit = true;
			continue;
		}
		if (!strchr(",.%<>=+~", *p) && strncmp(p, "≥", 3) && strncmp(p, "≤", 3))
			return false;
		if (!strncmp(p, "≥", 3) || !strncmp(p, "≤", 3))
			p += 2;
	}
	return digit || sign_word(s);
}

/* The first column after c under whose header a word of piece p (other
 * than its first) starts; c when none. A cell's text stays left of the
 * next column's header (a header is centred or set at the left of its
 * cell, the cell's text starts at its left), so such a piece runs two
 * cells together. */
static int reach_col(const struct pword *w, const struct piece *p, const struct table *t, int c,
                     const double *edge)
{
	/* A piece of figures alone ("≥ 100 100"): a cell holds one figure,
	 * so one past the bound is the next cell's, as in a cut piece's
	 * rest. */
	bool figures = true;
	for (size_t j = p->from; j < p->to && figures; j++)
		figures = figure_word(w[j].s);
	for (int d = c + 1; d < t->ncol; d++) {
		/* The rest of a piece already cut runs cells together: there
		 * a word from where the column's cells start, or past the
		 * table's bound, is enough. */
		double at = p->rest ? fmin(t->lo[d], t->tlo[d]) : t->lo[d];
		if (edge) /* the row's own cell of column d starts there */
			at = fmin(at, edge[d] - 0.5);
		for (size_t j = p->from + 1; j < p->to; j++)
			if (w[j].x0 >= at - 0.5 ||
			    ((p->rest || figures) && (w[j].x0 + w[j].x1) / 2 > t->bound[d]))
				return d;
	}
	return c;
}

static int piece_col(const struct table *t, double x0, double x1)
{
	int best = 0;
	for (int c = 1; c < t->ncol; c++)
		if (piece_cost(t, c, x0, x1) < piece_cost(t, best, x0, x1))
			best = c;
	return best;
}

/* The most frequent of the sorted values v[0, n) (left-aligned cells of
 * a column start at one place; a neighbour's cells that a wrong bound
 * let in start at another); on a tie the one nearest near. */
static double mode_near(const double *v, size_t n, double near)
{
	double best = v[0];
	size_t bestn = 0;
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && v[j] - v[i] < 0.5)
			j++;
		if (j - i > bestn || (j - i == bestn && fabs(v[i] - near) < fabs(best - near))) {
			bestn = j - i;
			best = v[i];
		}
		i = j;
	}
	return best;
}

/* The typical start and centre of each column's body cells, from the
 * pieces of lines [a, b): first the pieces within the table's bounds,
 * then those nearest, three times. */
static void learn_columns(const struct pword *w, const struct pline *l, size_t a, size_t b,
                          double space, struct table *t)
{
	for (int c = 0; c < t->ncol; c++) {
		t->tlo[c] = t->lo[c];
		t->tmid[c] = (t->lo[c] + t->hi[c]) / 2;
	}
	struct piece *p = NULL;
	size_t np = 0, cap = 0;
	for (size_t i = a; i < b; i++)
		line_pieces(w, &l[i], space, &p, &np, &cap);
	double *xs = xcalloc(np ? np : 1, sizeof *xs), *ms = xcalloc(np ? np : 1, sizeof *ms);
	for (int round = 0; round < 4; round++) {
		double lo[MAXCOLS], mid[MAXCOLS];
		for (int c = 0; c < t->ncol; c++) {
			size_t k = 0;
			for (size_t q = 0; q < np; q++) {
				double x0 = w[p[q].from].x0, x1 = w[p[q].to - 1].x1;
				if ((round ? piece_col(t, x0, x1) : column_of(t, &w[p[q].from])) !=
				    c)
					continue;
				if (reach_col(w, &p[q], t, c, NULL) > c)
					x1 = w[p[q].from].x1; /* two cells run together */
				xs[k] = x0;
				ms[k++] = (x0 + x1) / 2;
			}
			lo[c] = t->tlo[c];
			mid[c] = t->tmid[c];
			if (k >= 2) {
				xqsort(xs, k, sizeof *xs, cmp_double);
				xqsort(ms, k, sizeof *ms, cmp_double);
				lo[c] = mode_near(xs, k, t->lo[c]);
				/* the centre of the cells that start about
				 * there (xs[i] and ms[i] are no longer pairs
				 * once sorted: take them from the pieces) */
				size_t m = 0;
				for (size_t q = 0; q < np; q++) {
					double x0 = w[p[q].from].x0, x1 = w[p[q].to - 1].x1;
					if ((round ? piece_col(t, x0, x1)
					           : column_of(t, &w[p[q].from])) != c ||
					    fabs(x0 - lo[c]) > 2.0)
						continue;
					if (reach_col(w, &p[q], t, c, NULL) > c)
						x1 = w[p[q].from].x1;
					ms[m++] = (x0 + x1) / 2;
				}
				xqsort(ms, m, sizeof *ms, cmp_double);
				mid[c] = ms[m / 2];
			}
		}
		for (int c = 0; c < t->ncol; c++) {
			t->tlo[c] = lo[c];
			t->tmid[c] = mid[c];
		}
	}
	free(xs);
	free(ms);
	free(p);
}

/* The number column's right bound in text laid out with spaces: a row's
 * number set one space before the name ("1.1.1 Tỷ lệ …", a number wider
 * than its header): the name's first word is no number's, so the bound
 * goes left of the first word after such a number, when every number
 * starting under the header ends before it. Body lines [a, b). */
static void number_bound(const struct pword *w, const struct pline *l, size_t a, size_t b,
                         struct table *t)
{
	if (t->ncol < 2)
		return;
	double end = -1e18, next = 1e18;
	for (size_t i = a; i < b; i++) {
		const struct pword *f = &w[l[i].from];
		if (f->x0 >= t->hi[0] || !code_like(f->s))
			continue;
		end = fmax(end, f->x1);
		if (l[i].to - l[i].from >= 2 && w[l[i].from + 1].x0 < t->bound[1])
			next = fmin(next, w[l[i].from + 1].x0);
	}
	if (next < 1e18 && end < next && end >= t->hi[0] - 1)
		t->bound[1] = next - 0.5;
}

/* Text laid out with spaces: a header of one line whose cells pdftotext
 * packed a space apart ("Đơn vị tính Năm 2025 Năm 2027 Năm 2030 Cơ quan
 * chủ trì" over cells set wider apart) comes as one column. Such a
 * column, holding two year headings ("Năm 2025", or a bare year) or
 * more, is split where its body's cells start, when that is sure: its
 * headings (each year heading, and the words between them as one) are
 * exactly as many as the places where the body's pieces start under it
 * (starts no more than two characters apart one place), the first place
 * is where the headings start, and each later place stands no left of
 * its heading (packing only moves a heading left). The year columns so
 * split after another are marked packed (t->packed: a row filling some
 * of them only is warned). Header lines [a, b), body lines [b, e). */
static void split_by_starts(const struct pword *w, const struct pline *l, size_t a, size_t b,
                            size_t e, double space, struct table *t)
{
	for (int c = 0; c < t->ncol && t->ncol < MAXCOLS; c++) {
		const struct pword *hw[MAXCOLS * 4];
		size_t nh = line_heads(w, l, a, b, t, c, hw, sizeof hw / sizeof hw[0]);
		/* the headings: first[k] their first words, year[k] theirs;
		 * a heading starts with a capital ("Đơn vị tính Năm 2025"),
		 * or with a year after a year ("2025 2026", "năm 2025 năm
		 * 2030"); "Hiện trạng năm 2024" is one */
		size_t first[MAXCOLS];
		bool year[MAXCOLS];
		int nk = 0, years = 0;
		bool has = false; /* the heading holds its year */
		for (size_t q = 0; q < nh && nk < MAXCOLS; q++) {
			bool y = year_word(hw[q]->s) ||
			         (q + 1 < nh && folded_in(hw[q]->s, year_heads) &&
			          year_word(hw[q + 1]->s));
			if (nk && text_case_start(hw[q]->s) != 1 && !(y && year[nk - 1] && has)) {
				has |= year_word(hw[q]->s); /* words of one heading */
				continue;
			}
			first[nk] = q;
			year[nk++] = y;
			years += y;
			has = year_word(hw[q]->s);
		}
		if (years < 2 || nk < 2 || t->ncol + nk - 1 > MAXCOLS)
			continue;
		double lo = c > 0 ? (t->hi[c - 1] + t->lo[c]) / 2 : -1e18;
		double hi = c + 1 < t->ncol ? (t->hi[c] + t->lo[c + 1]) / 2 : 1e18;
		struct piece *p = NULL;
		size_t np = 0, cap = 0;
		for (size_t i = b; i < e; i++)
			line_pieces(w, &l[i], space, &p, &np, &cap);
		double *xs = xcalloc(np ? np : 1, sizeof *xs);
		size_t nx = 0;
		for (size_t q = 0; q < np; q++)
			if (w[p[q].from].x0 >= lo && w[p[q].from].x0 < hi)
				xs[nx++] = w[p[q].from].x0;
		free(p);
		xqsort(xs, nx, sizeof *xs, cmp_double);
		double at[MAXCOLS];
		int n = 0;
		for (size_t q = 0; q < nx; q++)
			if (!q || xs[q] - xs[q - 1] > 2.0) {
				if (n == nk)
					n++; /* more places than headings */
				if (n > nk)
					break;
				at[n++] = xs[q];
			}
		free(xs);
		bool sure = n == nk && fabs(at[0] - hw[0]->x0) <= 2.0;
		for (int k = 1; sure && k < nk; k++)
			sure = at[k] >= hw[first[k]]->x0;
		if (!sure)
			continue;
		double end = t->hi[c];
		open_columns(t, c, nk - 1);
		free(t->head[c]);
		for (int k = 0; k < nk; k++) {
			size_t to = k + 1 < nk ? first[k + 1] : nh;
			double wide = hw[to - 1]->x1 - hw[first[k]]->x0;
			struct buf bf = BUF_INIT;
			for (size_t q = first[k]; q < to; q++) {
				if (bf.len)
					buf_putc(&bf, ' ');
				buf_puts(&bf, hw[q]->s);
			}
			t->head[c + k] = buf_detach(&bf);
			t->lo[c + k] = at[k];
			t->hi[c + k] = k + 1 < nk ? fmin(at[k] + wide, at[k + 1] - 1)
			                          : fmax(end, at[k] + wide);
			t->packed[c + k] = k > 0 && year[k] && year[k - 1];
		}
		c += nk - 1;
	}
}

/* How many words of lines [a, b) the bounds x[c] - back of the columns
 * c in mask cut. */
static int words_cut(const struct pword *w, const struct pline *l, size_t a, size_t b,
                     const double *x, unsigned long mask, double back)
{
	int n = 0;
	for (size_t i = a; i < b; i++)
		for (size_t j = l[i].from; j < l[i].to; j++)
			for (int c = 1; c < MAXCOLS; c++)
				n += (mask >> c & 1) && w[j].x0 < x[c] - back &&
				     w[j].x1 > x[c] - back;
	return n;
}

/* Text laid out with spaces: pdftotext may set a header's line several
 * characters off its body's (the header's runs placed on their own), so
 * far that a header cell stands over its neighbour's body text ("Đơn vị"
 * over the names' ends) and the bounds between header cells cut cells.
 * A body's cells are left-aligned: their pieces start at one place per
 * column. The header is off when the places where three pieces or more
 * of the body [a, b) start (starts no more than three characters apart
 * one place) are exactly as many as the columns, the bounds put two of
 * them in one column and none in another, and bounds just before them
 * would cut less than half as many of the body's words: then each
 * column's bound and header cell are moved to where its cells start.
 * Or only some columns are off (year headers packed a space apart,
 * "2025 2026 2027" over cells set wider apart): the columns whose place
 * the bounds put in another, and the next one, are moved when their
 * places would cut fewer of the body's words than their bounds. */
static void body_starts(const struct pword *w, const struct pline *l, size_t a, size_t b,
                        double space, struct table *t)
{
	struct piece *p = NULL;
	size_t np = 0, cap = 0;
	for (size_t i = a; i < b; i++)
		line_pieces(w, &l[i], space, &p, &np, &cap);
	double *xs = xcalloc(np ? np : 1, sizeof *xs);
	for (size_t q = 0; q < np; q++)
		xs[q] = w[p[q].from].x0;
	xqsort(xs, np, sizeof *xs, cmp_double);
	/* starts no more than three characters apart from the one before
	 * are one place, where most of them are */
	double at[MAXCOLS];
	int n = 0;
	for (size_t i = 0; i < np;) {
		size_t j = i + 1;
		while (j < np && xs[j] - xs[j - 1] <= 3.0)
			j++;
		if (j - i >= 3) {
			if (n < MAXCOLS)
				at[n] = mode_near(xs + i, j - i, xs[i]);
			n++;
		}
		i = j;
	}
	free(xs);
	if (n != t->ncol || n < 3) {
		free(p);
		return;
	}
	/* each column holds one place, or the header is off */
	int in[MAXCOLS] = {0}, pos[MAXCOLS];
	for (int c = 0; c < n; c++) {
		struct pword x = {.x0 = at[c], .x1 = at[c] + 1};
		in[pos[c] = column_of(t, &x)]++;
	}
	bool off = false;
	for (int c = 0; c < n; c++)
		off |= in[c] != 1;
	/* and the places cut fewer of the body's words than the bounds */
	unsigned long all = ((1UL << n) - 1) & ~1UL, some = 0;
	for (int c = 1; c < n; c++)
		if (pos[c] != c || pos[c - 1] != c - 1)
			some |= 1UL << c;
	int by_head = words_cut(w, l, a, b, t->bound, all, 0);
	int by_start = words_cut(w, l, a, b, at, all, 0.5);
	int some_head = words_cut(w, l, a, b, t->bound, some, 0);
	bool part = some_head && 2 * words_cut(w, l, a, b, at, some, 0.5) < some_head;
	/* Neither cuts a word (cells narrower than their headers, "%" and
	 * "≥ 40" under "Đơn vị" and "Mục tiêu" set right of them): the
	 * header is off when one line holds two pieces that the places set
	 * apart and the bounds put in one column, two cells they would
	 * join. */
	bool two = false;
	for (size_t q = 0; q < np && by_head == 0 && !two; q++)
		for (size_t r = q + 1; r < np && !two; r++) {
			if (w[p[r].from].line != w[p[q].from].line)
				continue;
			int pq = 0, pr = 0; /* the places they start at or after */
			for (int c = 1; c < n; c++) {
				pq = w[p[q].from].x0 >= at[c] - 0.5 ? c : pq;
				pr = w[p[r].from].x0 >= at[c] - 0.5 ? c : pr;
			}
			two = pq != pr && column_of(t, &w[p[q].from]) == column_of(t, &w[p[r].from]);
		}
	free(p);
	if (!off)
		return;
	if (by_head ? 2 * by_start >= by_head : !two) {
		if (!part)
			return;
		all = some;
	}
	for (int c = 1; c < n; c++) {
		if (!(all >> c & 1))
			continue;
		t->bound[c] = at[c] - 0.5;
		t->hi[c] += at[c] - t->lo[c];
		t->lo[c] = at[c];
	}
}

/* The first word of the line of lines [a, b) that holds word j. */
static size_t line_start(const struct pline *l, size_t a, size_t b, size_t j)
{
	for (size_t i = a; i < b; i++)
		if (j >= l[i].from && j < l[i].to)
			return l[i].from;
	return j;
}

/* A word in capitals alone ("TW", "UBND", "HĐND-UBND"). */
static bool acronym(const char *s)
{
	if (text_case_start(s) != 1 || text_len(s) < 2)
		return false;
	for (const char *p = s; *p; p++)
		if (((unsigned char)*p & 0xc0) != 0x80 && text_case_start(p) == 0)
			return false; /* a lowercase letter */
	return true;
}

/* The last word of words (from, to) that starts with a capital letter and
 * could start a cell (not after a sign, the end of a sentence, or a first
 * word in capital: "Phòng Tài chính" is one name); to when none. */
static size_t capital_word(const struct pword *w, size_t from, size_t to)
{
	for (size_t k = to; k-- > from + 1;) {
		const char *prev = w[k - 1].s;
		size_t n = strlen(prev);
		if (text_case_start(w[k].s) == 1 && !sign_word(prev) && n &&
		    !strchr(".:;(", prev[n - 1]) &&
		    !(k - 1 == from && text_case_start(prev) == 1 && !acronym(prev)))
			return k;
	}
	return to;
}

static char last_char(const char *s)
{
	size_t n = strlen(s);
	return n ? s[n - 1] : '\0';
}

/* Whether piece pq's line holds the first line of column c's cell in its
 * row: no piece of column c among p[0, np) lies on an earlier line. */
static bool first_line(const struct pline *l, size_t a, size_t b, const struct piece *p, size_t np,
                       const struct piece *pq, int c)
{
	size_t from = line_start(l, a, b, pq->from);
	for (size_t r = 0; r < np; r++)
		if (p[r].col == c && p[r].from < from)
			return false;
	return true;
}

/* Two neighbouring cells with the same text packed into one run ("mức độ
 * mức độ": milestones alike), pdftotext pulling the second one's words
 * left: the run [from, to) is one text twice; it is cut between the two
 * when that lies within four characters of cut, the cut found by where
 * the later column's cells start. */
static size_t repeat_cut(const struct pword *w, size_t from, size_t to, size_t cut)
{
	size_t n = to - from;
	if (cut >= to || n < 2 || n % 2)
		return cut;
	size_t m = from + n / 2;
	for (size_t k = 0; k < n / 2; k++)
		if (strcmp(w[from + k].s, w[m + k].s))
			return cut;
	return fabs(w[m].x0 - w[cut].x0) <= 4.0 ? m : cut;
}

/* Cut the pieces p[0, n) (set off by wide gaps) of lines [a, b) where
 * two cells run together; start[c]: where column c's cells start in
 * this row. Returns the new count of pieces in *p. */
static size_t cut_pieces(const struct pword *w, const struct pline *l, size_t a, size_t b,
                         const struct table *t, const double *start, const double *edge,
                         struct piece **p, size_t n, size_t *cap)
{
	size_t np = n;
	for (size_t q = 0; q < np; q++) {
		struct piece *pq = &(*p)[q];
		int c = pq->col;
		size_t cut = pq->to;
		int to = c;
		bool capital = false;
		for (size_t j = pq->from + 1; j < pq->to && cut == pq->to; j++) {
			if (sign_word(w[j - 1].s))
				continue;
			/* A word where another line's piece of a later column
			 * starts. */
			for (size_t r = 0; r < n; r++) {
				const struct piece *pr = &(*p)[r];
				if (pr->col <= c || fabs(w[pr->from].x0 - w[j].x0) > 1.0)
					continue;
				bool same_line = false;
				for (size_t i = a; i < b && !same_line; i++)
					same_line = pr->from >= l[i].from && pr->from < l[i].to &&
					            pq->from >= l[i].from && pq->from < l[i].to;
				if (same_line)
					continue;
				cut = j;
				to = pr->col;
				break;
			}
		}
		int reach = cut == pq->to ? reach_col(w, pq, t, c, edge) : c;
		if (reach > c && c == 0 && code_like(w[pq->from].s)) {
			/* The number column holds a number alone. */
			cut = pq->from + 1;
			to = reach;
		} else if (reach > c) {
			/* Cut at the word that starts nearest where the later
			 * column's cells start (on a tie the earlier word). */
			double best = 1e18;
			for (size_t j = pq->from + 1; j < pq->to; j++) {
				double d = fabs(w[j].x0 - start[reach]);
				if (edge && w[j].x0 < edge[reach] - 0.5)
					d += 0.5; /* left of the row's own cell: a tie goes right */
				if (!sign_word(w[j - 1].s) && d < best) {
					best = d;
					cut = j;
					to = reach;
				}
			}
			/* The later cell's first line starts with a capital:
			 * a capital word just before a capital cut, running
			 * past where the row's cell of that column starts, is
			 * its first ("Phòng Kế Theo Nghị" over "hoạch - Tài
			 * quyết 57-"). */
			if (edge && cut > pq->from + 1 && cut < pq->to &&
			    text_case_start(w[cut].s) == 1 && text_case_start(w[cut - 1].s) == 1 &&
			    w[cut - 1].x1 > start[reach] + 0.5 && !acronym(w[cut - 1].s))
				cut--;
		}
		if (cut == pq->to && c + 1 < t->ncol && year_column(t, c + 1) &&
		    ((year_column(t, c) && figure_word(w[pq->from].s)) || unit_column(t, c))) {
			/* Two milestone cells packed into one run, each a
			 * figure and its words ("07 sản 10 sản"), or a unit
			 * and the milestone's figure ("Triệu đồng 1.250,5"),
			 * the next column holding no figure in the row: the
			 * figure after words starts the next cell. */
			bool empty = true;
			for (size_t r = 0; r < np && empty; r++)
				for (size_t j = (*p)[r].from; j < (*p)[r].to && empty; j++)
					empty = (*p)[r].col != c + 1 || !figure_word(w[j].s);
			for (size_t j = pq->from + 1; j < pq->to && empty; j++)
				if ((figure_word(w[j].s) || (unit_column(t, c) && dash_word(w[j].s))) &&
				    !figure_word(w[j - 1].s) && !dash_word(w[j - 1].s)) {
					cut = j;
					to = c + 1;
					break;
				}
		}
		cut = repeat_cut(w, pq->from, pq->to, cut);
		if (c > 0 && cut == pq->to && c + 1 < t->ncol) {
			/* A capital word whose run ends past the bound of
			 * the next column: that column's first line. So
			 * too when it ends within two characters of where
			 * that column's cells start, after a lowercase
			 * word, one or two words (not an acronym, no
			 * punctuation at the end), and the row has no other
			 * text in that column ("khoa Bài", "công Mức độ":
			 * the cell would be empty). */
			size_t k = capital_word(w, pq->from, pq->to);
			double x1 = (w[pq->to - 1].x0 + w[pq->to - 1].x1) / 2;
			bool near = k < pq->to && pq->to - k <= 2 &&
			            text_case_start(w[k - 1].s) == 0 && !acronym(w[k].s) &&
			            !ispunct((unsigned char)last_char(w[pq->to - 1].s)) &&
			            w[pq->to - 1].x1 >= t->tlo[c + 1] - 2.0;
			for (size_t r = 0; r < np && near; r++)
				near = (*p)[r].col != c + 1;
			/* a milestone cell holding a figure holds it alone:
			 * no capital word runs into it ("Xã" over "85") */
			bool figure = false;
			for (size_t r = 0; r < np && year_column(t, c + 1) && !figure; r++) {
				figure = (*p)[r].col == c + 1;
				for (size_t j = (*p)[r].from; j < (*p)[r].to && figure; j++)
					figure = figure_word(w[j].s);
			}
			if (k < pq->to && (x1 >= t->bound[c + 1] || near) && !figure &&
			    first_line(l, a, b, *p, np, pq, c + 1)) {
				cut = k;
				to = c + 1;
				capital = true;
			}
		} else if (c > 0 && cut < pq->to && text_case_start(w[cut].s) != 1 &&
		           first_line(l, a, b, *p, np, pq, to)) {
			/* A cell's text starts with a capital ("Tổ chức",
			 * "Mô hình"): a cut a word or two after a capital
			 * word moves back to it. */
			size_t k = capital_word(w, cut >= pq->from + 2 ? cut - 2 : pq->from, cut);
			if (k < cut)
				cut = k;
		}
		if (cut < pq->to) {
			size_t end = pq->to;
			pq->to = cut;
			*p = xgrow(*p, cap, np + 1, sizeof **p);
			(*p)[np++] = (struct piece){
			        cut, end, to, true, capital, c, fabs(w[cut].x0 - start[to])};
		}
	}
	return np;
}

/* Short cells side by side that pdftotext packed one space apart into a
 * run ("triển triển", "Ứng Thành Thành Duy"): the words of a line (no
 * more than two characters apart) in milestone columns from one column on (col[k]: the column of
 * word l->from + k, in x order), as many as the columns from theirs to the last whose cells start
 * within the run's reach (each packed word shifts the next left by up to
 * two characters) and before the line's next word's column, one word to
 * a column, when a run among them crosses the bound of its next column,
 * or when they are three or more and every one of those columns has text
 * on another line of the row (others: a bit per column): "mức mức mức"
 * between "Duy trì Duy trì Duy trì" and "khá trở khá trở khá trở", its
 * runs short of the bounds by half a character. */
static void spread_packed(const struct pword *w, const struct pline *l, const struct table *t,
                          unsigned long others, int *col)
{
	size_t n = l->to - l->from;
	for (size_t s = 0; s < n;) {
		size_t e = s + 1, done = 0;
		if (s > 0 && col[s] == col[s - 1]) {
			s++; /* a group starts at its column's first word */
			continue;
		}
		for (; e <= n && e - s <= (size_t)t->ncol && !done; e++) {
			if (e < n && col[e] < col[e - 1])
				break; /* columns out of order: leave the line as it is */
			size_t k = e - s;
			int c0 = col[s], next = e < n ? col[e] : t->ncol;
			if (e < n && col[e] == col[e - 1])
				continue; /* a group ends between two columns */
			double x1 = w[l->from + e - 1].x1 + 2.0 * (double)k - 1.0;
			int d = c0;
			while (d + 1 < next && t->tlo[d + 1] <= x1)
				d++;
			/* A run of one column's words one space apart that
			 * crosses the bound of the next column. */
			/* two alike words ("phẩm phẩm") back it as three do */
			bool packed = false,
			     backed = k >= 3 || (k == 2 && !strcmp(w[l->from + s].s,
			                                            w[l->from + s + 1].s));
			for (int c = c0; c <= d; c++)
				backed &= (others >> c & 1) != 0;
			for (size_t j = s + 1; j < e && !packed; j++) {
				size_t r = j;
				while (r + 1 < e && col[r + 1] == col[j])
					r++;
				packed = col[j] == col[j - 1] &&
				         w[l->from + j].x0 - w[l->from + j - 1].x1 <= 1.0 &&
				         col[j] + 1 < t->ncol &&
				         (backed || w[l->from + r].x1 >= t->bound[col[j] + 1]);
			}
			bool years = true, tight = true;
			for (int c = c0; c <= d && years; c++)
				years = year_column(t, c);
			for (size_t j = s + 1; j < e && tight; j++)
				tight = w[l->from + j].x0 - w[l->from + j - 1].x1 <= 2.0;
			if (k < 2 || (size_t)(d - c0 + 1) != k || !packed || !years || !tight)
				continue;
			for (size_t j = s; j < e; j++)
				col[j] = c0 + (int)(j - s);
			done = e;
		}
		s = done ? done : s + 1;
	}
}

/* A lone dash that ends a cell's line, packed one space before the next
 * cell's text, while the cell's next line in the row starts with a dash
 * too ("Văn hóa – | – Xã hội": no text has two dashes in a row): the
 * dash starts the next cell's line ("Phòng Văn hóa / – Xã hội"). */
static void dash_moves(const struct pword *w, const struct pline *l, size_t a, size_t b, int *col)
{
	size_t base = l[a].from;
	for (size_t i = a; i < b; i++)
		for (size_t j = l[i].from; j + 1 < l[i].to; j++) {
			int c = col[j - base], d = col[j + 1 - base];
			if (d <= c || !dash_word(w[j].s) || w[j + 1].x0 - w[j].x1 > 1.0)
				continue;
			const struct pword *next = NULL;
			for (size_t k = i + 1; k < b && !next; k++)
				for (size_t q = l[k].from; q < l[k].to && !next; q++)
					if (col[q - base] == c)
						next = &w[q];
			if (next && dash_word(next->s))
				col[j - base] = d;
		}
}

/* The cells of the row of lines [a, b) (col: each word's column, see
 * grid_row) whose reading is a guess: a bit per column. A cell's lines
 * start where the cell does (left-aligned), so a column whose lines in
 * this row start more than three characters apart holds words of a
 * neighbouring cell, or has lost some to it: pdftotext packed the row's
 * cells closer than the header sets them ("Làm chủ/Ứ chủ/Ứ"); and the
 * name (or task) column's cell when a line of it ends in a lowercase word
 * set where the next column's cells start, no space left between: that
 * word may be the next cell's. Never the number column. */
static unsigned long row_doubt(const struct pword *w, const struct pline *l, size_t a, size_t b,
                               const struct table *t, const int *col)
{
	double lo[MAXCOLS], hi[MAXCOLS];
	for (int c = 0; c < t->ncol; c++) {
		lo[c] = 1e18;
		hi[c] = -1e18;
	}
	size_t base = l[a].from;
	for (size_t i = a; i < b; i++)
		for (size_t j = l[i].from; j < l[i].to; j++) {
			int c = col[j - base];
			if (j > l[i].from && col[j - 1 - base] == c)
				continue; /* not the first word of the cell's line */
			lo[c] = fmin(lo[c], w[j].x0);
			hi[c] = fmax(hi[c], w[j].x0);
		}
	/* Words go astray between neighbours: the cells beside one in doubt
	 * are in doubt too (they may hold its words, or have lost theirs). */
	unsigned long bits = 0;
	for (int c = 1; c < t->ncol; c++)
		if (hi[c] - lo[c] > 3.0)
			bits |= 7UL << (c - 1);
	/* A cell's line that ends where the next column's cells start,
	 * without a space between: its last words may be the next cell's
	 * ("... chuyển đổi số. huyện"). */
	for (size_t i = a; i < b; i++)
		for (size_t j = l[i].from; j < l[i].to; j++) {
			int c = col[j - base];
			if (c == 1 && c + 1 < t->ncol &&
			    (j + 1 == l[i].to || col[j + 1 - base] != c) &&
			    w[j].x1 > t->tlo[c + 1] - 1.0 && w[j].x0 >= t->tlo[c + 1] - 3.0 &&
			    text_case_start(w[j].s) == 0)
				bits |= 3UL << c;
		}
	return bits & ~1UL & ((1UL << t->ncol) - 1);
}

/* The column of each word of lines [a, b) (col[j - l[a].from]), read as
 * one row: pieces to their nearest columns, then cut where cells run
 * together, twice: the second time a later column's cells start where
 * this row's own piece of that column nearest its typical start does
 * (a row's cells may sit a little off the table's typical places). */
static void grid_row(const struct pword *w, const struct pline *l, size_t a, size_t b,
                     const struct table *t, double space, int *col, unsigned long *doubt)
{
	struct piece *p = NULL;
	size_t n = 0, cap = 0;
	for (size_t i = a; i < b; i++)
		line_pieces(w, &l[i], space, &p, &n, &cap);
	for (size_t q = 0; q < n; q++) {
		p[q].col = piece_col(t, w[p[q].from].x0, w[p[q].to - 1].x1);
		/* words starting right of the number column's bound: the
		 * name's (its line one space from the number's, the nearest
		 * start the numbers') */
		if (p[q].col == 0 && t->ncol > 1 && w[p[q].from].x0 >= t->bound[1] &&
		    !code_like(w[p[q].from].s))
			p[q].col = 1;
	}
	struct piece *orig = xcalloc(n ? n : 1, sizeof *orig);
	memcpy(orig, p, n * sizeof *p);
	double start[MAXCOLS];
	memcpy(start, t->tlo, sizeof start);
	double edge[MAXCOLS];
	for (int c = 0; c < t->ncol; c++)
		edge[c] = 1e18;
	size_t np = cut_pieces(w, l, a, b, t, start, NULL, &p, n, &cap);
	for (int c = 0; c < t->ncol; c++)
		for (size_t q = 0, any = 0, first = (size_t)-1; q < np; q++) {
			double x = w[p[q].from].x0;
			if (p[q].col != c)
				continue;
			/* the cell's first line cut at its capital word
			 * from a run with the previous cell's ("thuộc Tổ
			 * chức"), no more than three characters from the
			 * column's typical start, sets where the cell starts
			 * in this row: its other lines run together with
			 * the previous cell's alike ("của khoa học") */
			if (p[q].capital && fabs(x - t->tlo[c]) <= 3.0 &&
			    (first == (size_t)-1 || p[q].from < first)) {
				first = p[q].from;
				start[c] = edge[c] = x;
				any++;
			} else if (first == (size_t)-1 &&
			           (!any++ || fabs(x - t->tlo[c]) < fabs(start[c] - t->tlo[c]))) {
				start[c] = x;
			}
		}
	memcpy(p, orig, n * sizeof *p);
	np = cut_pieces(w, l, a, b, t, start, edge, &p, n, &cap);
	/* A cell's lines share their left edge: a piece off where its
	 * column's cell starts in the row, starting where another line's
	 * piece starts a later or earlier column's cell, its line holding
	 * nothing of that column, is that cell's line ("Văn phòng / Sở"
	 * beside a wider cell's "nước"). */
	for (size_t q = 0; q < n; q++) {
		double x = w[p[q].from].x0;
		int c = p[q].col;
		if (c == 0 || p[q].to != orig[q].to || fabs(x - start[c]) <= 0.5)
			continue;
		int to = -1;
		for (size_t r = 0; r < np; r++) {
			int d = p[r].col;
			if (d == 0 || w[p[r].from].line == w[p[q].from].line)
				continue;
			if (d == c && fabs(w[p[r].from].x0 - x) <= 0.5) {
				to = -1; /* its own column's line starts there too */
				break;
			}
			if (d != c && fabs(w[p[r].from].x0 - x) <= 0.5 && fabs(x - start[d]) <= 0.5)
				to = d;
		}
		for (size_t r = 0; r < np && to >= 0; r++)
			if (p[r].col == to && w[p[r].from].line == w[p[q].from].line)
				to = -1;
		if (to >= 0)
			p[q].col = to;
	}
	/* So too a piece more than three characters right of the edge two
	 * other lines of its column's cell share, the next column empty in
	 * the row: that column's cell, the row set left of the table's
	 * places ("Đoàn Thanh / Hằng năm / phường"). */
	for (size_t q = 0; q < n; q++) {
		double x = w[p[q].from].x0;
		int c = p[q].col, line = w[p[q].from].line;
		if (c == 0 || c + 1 >= t->ncol || p[q].to != orig[q].to)
			continue;
		int shared = 0;
		bool next = false, mine = false;
		for (size_t r = 0; r < np; r++) {
			next |= p[r].col == c + 1;
			if (r == q || p[r].col != c)
				continue;
			mine |= w[p[r].from].line == line;
			shared += fabs(w[p[r].from].x0 - start[c]) <= 0.5;
		}
		if (!next && !mine && shared >= 2 && x > start[c] + 3.0)
			p[q].col = c + 1;
	}
	size_t base = l[a].from;
	for (size_t q = 0; q < np; q++)
		for (size_t j = p[q].from; j < p[q].to; j++)
			col[j - base] = p[q].col;
	/* The name's line cut from the next cell's where no wider gap sets
	 * them apart, at a word that does not start a cell (no capital:
	 * "dân số %") and starts off where that column's cells do, or
	 * between two lines of that column's cell ("Doanh / địa /
	 * nghiệp"): the name's last word or the next cell's, a guess. */
	for (size_t q = n; q < np; q++) {
		if (p[q].parent != 1 || p[q].col != 2 || p[q].capital ||
		    text_case_start(w[p[q].from].s) == 1)
			continue;
		bool above = false, below = false;
		for (size_t r = 0; r < np; r++)
			if (r != q && p[r].col == 2) {
				above |= p[r].from < p[q].from && line_start(l, a, b, p[r].from) <
				                                          line_start(l, a, b, p[q].from);
				below |= p[r].from > p[q].from;
			}
		if (p[q].off > 0.5 || (above && below))
			*doubt |= 3UL << 1;
	}
	for (size_t i = a; i < b; i++) {
		/* the columns that other lines of the row have text in */
		unsigned long others = 0;
		for (size_t k = a; k < b; k++) {
			if (k == i)
				continue;
			for (size_t j = l[k].from; j < l[k].to; j++)
				others |= 1UL << col[j - base];
		}
		spread_packed(w, &l[i], t, others, col + (l[i].from - base));
	}
	dash_moves(w, l, a, b, col);
	*doubt |= row_doubt(w, l, a, b, t, col);

	free(orig);
	free(p);
}

/* Text of line i of the row that starts at line a in column c: by the
 * row's own columns col (grid_row) when given, else by the table's
 * bounds; NULL when none. */
static char *row_line_col(const struct pword *w, const struct pline *l, size_t a, size_t i,
                          const struct table *t, const int *col, int c)
{
	if (!col)
		return line_col(w, &l[i], t, c);
	struct buf lb = BUF_INIT;
	for (size_t j = l[i].from; j < l[i].to; j++) {
		if (col[j - l[a].from] != c)
			continue;
		if (lb.len)
			buf_putc(&lb, ' ');
		buf_puts(&lb, w[j].s);
	}
	char *s = lb.len ? buf_detach(&lb) : NULL;
	buf_free(&lb);
	return s;
}

/* A group's name merged over a whole row, with no number ("Phát triển hạ
 * tầng số" in bold across the table): line i starts in the number column
 * with a word that is no number, is short, starts with a capital and does
 * not end as a label, a sentence or a wrapped line does ("Nơi nhận:", "…
 * quy định.", "… thông tin mạng,"), nor stands in brackets ("(Tiếp
 * theo)"); its words one run, as a cell merged over the row sets them. */
static bool group_line(const struct pword *w, const struct pline *l, size_t i, const struct table *t,
                       double space)
{
	/* one run of words, as one cell merged over the row sets it */
	for (size_t j = l[i].from + 1; j < l[i].to; j++)
		if (w[j].x0 - w[j - 1].x1 > 2.5 * space)
			return false;
	if (strchr(w[l[i].from].s, '.')) /* "VIII.Thực": a number run into a name */
		return false;
	char *c0 = line_col(w, &l[i], t, 0);
	if (!c0)
		return false;
	bool code = code_like(c0);
	free(c0);
	if (code)
		return false;
	char *s = line_text(w, &l[i]);
	size_t n = strlen(s);
	bool ok = n && text_len(s) <= 120 && !strchr(":;.,-", s[n - 1]) && s[0] != '(' &&
	          text_case_start(s) == 1;
	free(s);
	return ok;
}

/* Line i is such a group's row inside the body [i, e): the next line with
 * text in the number column holds a row's number, or the next header
 * (the table's continued on the next page) comes first. */
static bool group_row_at(const struct pword *w, const struct pline *l, size_t nl, size_t i,
                         size_t e, const struct table *t, double space)
{
	if (!group_line(w, l, i, t, space))
		return false;
	for (size_t k = i + 1; k < e; k++) {
		char *c0 = line_col(w, &l[k], t, 0);
		if (!c0)
			continue;
		bool code = code_like(c0);
		free(c0);
		return code;
	}
	return e < nl;
}

/* A long table ("Năm | Giá trị mục tiêu", a row per indicator and year)
 * whose number, name, unit and agency are cells merged over the
 * indicator's year rows: the rows' lines a..b hold two or more lines with
 * a year alone in the year column (headed "Năm"), all on one page. Sets
 * seg[i - a] to the year line nearest line i (by the lines' middles),
 * *per to the columns that belong to each year's row: the year's and any
 * other with words on two or more of the year lines (the targets; a
 * merged cell's words sit between them, or on one of them: a unit or a
 * name in the middle). Words in columns by col when given (grid_row).
 * Returns the number of year lines, 0 when the lines are no such rows. */
static int year_rows(const struct pword *w, const struct pline *l, size_t a, size_t b,
                     const struct table *t, const int *col, int *seg, unsigned long *per)
{
	int yc = -1;
	for (int c = 1; c < t->ncol && yc < 0; c++) {
		char *f = text_fold(t->head[c]);
		if (!strcmp(f, "nam"))
			yc = c;
		free(f);
	}
	if (yc < 0 || b - a < 2 || b - a > 64)
		return 0;
	size_t yl[64];
	int ny = 0;
	for (size_t i = a; i < b; i++) {
		if (l[i].page != l[a].page)
			return 0;
		char *s = row_line_col(w, l, a, i, t, col, yc);
		if (s && year_word(s))
			yl[ny++] = i;
		free(s);
	}
	if (ny < 2)
		return 0;
	for (size_t i = a; i < b; i++) {
		double m = (l[i].y0 + l[i].y1) / 2, best = 1e18;
		for (int k = 0; k < ny; k++) {
			double d = fabs(m - (l[yl[k]].y0 + l[yl[k]].y1) / 2);
			if (d < best)
				best = d, seg[i - a] = k;
		}
	}
	*per = 1UL << yc;
	for (int c = 2; c < t->ncol; c++) {
		int on = 0;
		size_t f = b, z = a; /* the first and last year lines it is on */
		for (int k = 0; k < ny; k++) {
			char *s = row_line_col(w, l, a, yl[k], t, col, c);
			on += s != NULL;
			f = s && yl[k] < f ? yl[k] : f;
			z = s ? yl[k] : z;
			free(s);
		}
		/* its lines from one to the other touching, as a cell's: one
		 * cell wrapped across the years' lines (a merged agency's),
		 * no year's */
		bool across = on >= 2;
		for (size_t i = f, last = f; across && i <= z; i++) {
			char *s = row_line_col(w, l, a, i, t, col, c);
			if (s && i > last) {
				across = l[i].y0 - l[last].y1 < 0.3 * (l[last].y1 - l[last].y0);
				last = i;
			}
			free(s);
		}
		if (on >= 2 && !across)
			*per |= 1UL << c;
	}
	return ny;
}

/* The lines of column c touching one another (a cell's) from line i on,
 * walking up (dir -1) or down (1) within [a, e): into v, at most max; the
 * widest gap between two of them into *gin. Returns how many. */
static size_t touching(const struct pword *w, const struct pline *l, size_t a, size_t e, size_t i,
                       int dir, const struct table *t, int c, double h, size_t *v, size_t max,
                       double *gin)
{
	size_t n = 0, last = i;
	for (size_t k = i; k >= a && k < e && n < max; k += (size_t)dir) {
		char *s = line_col(w, &l[k], t, c);
		free(s);
		if (!s)
			continue;
		double g = dir > 0 ? l[k].y0 - l[last].y1 : l[last].y0 - l[k].y1;
		if (k != last) {
			if (g >= 0.3 * h)
				break;
			*gin = fmax(*gin, g);
		}
		v[n++] = k;
		last = k;
	}
	return n;
}

/* A PDF's table without ruling lines (issue 12): a cell merged over two
 * rows is centred between them, its lines running on across the gap
 * where the rows are cut (line cut, rows' lines [a, e)). Sets bits of
 * *mask to the columns after the name's whose lines touch across the cut
 * (no wider apart than the cell's own lines) and text[c] to the words of
 * that column's whole run of touching lines. A run centred on the next
 * row's number line (next) is that row's own cell, centred on its number
 * as its name may be, not a merged one: its bit also set in *down, and
 * before[c] the column's words above the run, the upper row's own. */
static void straddles(const struct pword *w, const struct pline *l, size_t a, size_t cut, size_t e,
                      size_t next, const struct table *t, double h, unsigned long *mask,
                      unsigned long *down, char **text, char **before)
{
	*mask = *down = 0;
	if (cut <= a || cut >= e)
		return;
	for (int c = 2; c < t->ncol && c < MAXCOLS; c++) {
		text[c] = before[c] = NULL;
		size_t la = cut, lb = e;
		for (size_t i = cut; i-- > a && la == cut;) {
			char *s = line_col(w, &l[i], t, c);
			la = s ? i : la;
			free(s);
		}
		for (size_t i = cut; i < e && lb == e; i++) {
			char *s = line_col(w, &l[i], t, c);
			lb = s ? i : lb;
			free(s);
		}
		if (la == cut || lb == e || l[la].page != l[lb].page)
			continue;
		double gx = l[lb].y0 - l[la].y1;
		if (gx >= 0.3 * h)
			continue;
		/* the run of the column's touching lines around the cut */
		size_t lines[64];
		double gin = -1e9;
		size_t mid = touching(w, l, a, e, la, -1, t, c, h, lines, 32, &gin);
		for (size_t q = 0; q < mid / 2; q++) { /* top first */
			size_t x = lines[q];
			lines[q] = lines[mid - 1 - q];
			lines[mid - 1 - q] = x;
		}
		size_t n = mid + touching(w, l, a, e, lb, 1, t, c, h, lines + mid, 32, &gin);
		/* the gap across the cut no wider than the cell's own */
		if (gx > (n - mid > 1 || mid > 1 ? gin + 0.1 * h : 0))
			continue;
		struct buf bf = BUF_INIT;
		for (size_t q = 0; q < n; q++) {
			char *s = line_col(w, &l[lines[q]], t, c);
			join_line(&bf, s);
			free(s);
		}
		text[c] = text_clean(bf.ptr);
		buf_free(&bf);
		*mask |= 1UL << c;
		double cy = (l[lines[0]].y0 + l[lines[n - 1]].y1) / 2;
		if (next < e && cy >= l[next].y0 && cy <= l[next].y1) {
			*down |= 1UL << c;
			before[c] = block_text(w, l, a, lines[0], t, c);
		}
	}
}

/* Row r takes the cells straddling its bound (straddles) whole, flagged
 * but for those of quiet (a row's own cell, not a merged one). */
static void take_straddle(struct row *r, unsigned long mask, unsigned long quiet, char **text)
{
	for (int c = 2; c < r->ncell && c < MAXCOLS; c++)
		if (mask >> c & 1) {
			free(r->cell[c]);
			r->cell[c] = xstrdup(text[c]);
			r->straddle |= (~quiet & 1UL << c);
		}
}

/* Emit one table row made of lines [a, b). */
static void emit_row(const struct pword *w, const struct pline *l, size_t a, size_t b,
                     const struct table *t, int table, int *tabrow, double space, struct rows *out)
{
	if (a >= b)
		return;
	struct row *r = rows_add(out, l[a].no);
	r->last = l[b - 1].no;
	r->page = l[a].page + 1;
	r->table = table;
	r->tabrow = ++*tabrow;
	/* A group's name with no number ("Phát triển hạ tầng số" merged over
	 * the row) goes whole to the number column, as a merged cell is read
	 * elsewhere; a group heading "II | Phát triển …" to its two cells. */
	bool whole = !t->nonum && b - a <= 2 && group_line(w, l, a, t, space);
	if (whole || (!t->nonum && group_heading(w, l, a, b, t, space))) {
		int parts = whole ? 1 : 2;
		for (int c = 0; c < parts; c++) {
			struct buf bf = BUF_INIT;
			for (size_t i = a; i < b; i++)
				for (size_t j = l[i].from; j < l[i].to; j++) {
					if (!whole && (column_of(t, &w[j]) > 0) != c)
						continue;
					if (bf.len)
						buf_putc(&bf, ' ');
					buf_puts(&bf, w[j].s);
				}
			row_add_cell(r, bf.len ? bf.ptr : "", bf.len);
			buf_free(&bf);
		}
		for (int c = parts; c < t->ncol; c++)
			row_add_cell(r, "", 0);
		return;
	}
	int *col = NULL;
	if (t->grid) {
		col = xcalloc(l[b - 1].to - l[a].from + 1, sizeof *col);
		grid_row(w, l, a, b, t, space, col, &r->doubt);
	}
	/* a long table's merged cells: this row the first year's, the
	 * other years' rows after it with their year and targets alone */
	int *seg = xcalloc(b - a, sizeof *seg);
	unsigned long per = 0;
	int nyear = year_rows(w, l, a, b, t, col, seg, &per);
	for (int c = 0; c < t->ncol; c++) {
		struct buf bf = BUF_INIT;
		for (size_t i = a; i < b; i++) {
			if (nyear && (per >> c & 1) && seg[i - a])
				continue;
			char *s = row_line_col(w, l, a, i, t, col, c);
			if (!s)
				continue;
			if (c > 0 || t->nonum)
				join_line(&bf, s);
			else
				buf_puts(&bf, s);
			free(s);
		}
		row_add_cell(r, bf.len ? bf.ptr : "", bf.len);
		buf_free(&bf);
	}
	/* A column's bound that falls inside a run of words a space apart,
	 * left of where the next column's cell starts on the row's other
	 * lines, or with a wider gap further on in that cell ("Phòng Văn hóa và | Thông" over "tin | thông" under "Chủ trì
	 * | Phối hợp"): where one cell ends and the next starts is a guess,
	 * both cells in doubt. */
	for (int d = 2; !t->grid && d < t->ncol && d < MAXCOLS; d++) {
		double clean = 1e18, run = 1e18;
		for (size_t i = a; i < b; i++)
			for (size_t j = l[i].from; j < l[i].to; j++) {
				if (column_of(t, &w[j]) != d)
					continue;
				bool near = j > l[i].from && column_of(t, &w[j - 1]) == d - 1 &&
				            w[j].x0 - w[j - 1].x1 < 1.5 * space;
				if (!near) {
					clean = fmin(clean, w[j].x0);
					break;
				}
				run = fmin(run, w[j].x0);
				/* or a gap wider than the bound's further on in
				 * the cell: the cells' own bound */
				for (size_t k = j + 1; k < l[i].to && column_of(t, &w[k]) == d; k++)
					if (w[k].x0 - w[k - 1].x1 > 3.0 * space)
						r->doubt |= 3UL << (d - 1);
				break;
			}
		if (run < clean - 3.0 && clean < 1e17)
			r->doubt |= 3UL << (d - 1);
	}
	/* Year columns whose headers were packed a space apart (t->packed):
	 * a row filling some of them, not all, may have a cell dealt to the
	 * wrong year; all of them are in doubt. */
	for (int c = 0; t->grid && c < t->ncol && c < MAXCOLS;) {
		int e = c + 1, empty = 0;
		while (e < t->ncol && e < MAXCOLS && t->packed[e])
			e++;
		for (int d = c; d < e; d++)
			empty += !r->cell[d][0];
		if (e - c >= 2 && empty && empty < e - c)
			r->yearpack |= ((1UL << (e - c)) - 1) << c;
		c = e;
	}
	/* Text laid out with spaces: a number cell that is no number once
	 * its lines are joined ("II.11II.12", "III.1học") took in the lines
	 * of other rows, or a neighbour's words: every cell of the row is in
	 * doubt. */
	if (t->grid && !t->nonum && r->cell[0][0] && !code_like(r->cell[0]))
		r->doubt |= (1UL << t->ncol) - 1;
	for (int k = 1; k < nyear; k++) {
		size_t f = b, e = a;
		for (size_t i = a; i < b; i++)
			if (seg[i - a] == k) {
				f = i < f ? i : f;
				e = i + 1;
			}
		struct row *y = rows_add(out, l[f].no);
		y->last = l[e - 1].no;
		y->page = l[f].page + 1;
		y->table = table;
		y->tabrow = ++*tabrow;
		for (int c = 0; c < t->ncol; c++) {
			struct buf bf = BUF_INIT;
			for (size_t i = f; i < e && (per >> c & 1); i++) {
				char *s = seg[i - a] == k ? row_line_col(w, l, a, i, t, col, c) : NULL;
				if (!s)
					continue;
				join_line(&bf, s);
				free(s);
			}
			row_add_cell(y, bf.len ? bf.ptr : "", bf.len);
			buf_free(&bf);
		}
	}
	free(seg);
	free(col);
}

/* Text laid out with spaces may keep no blank line between a table's
 * rows. Two anchors one or two lines apart are then one number cell only
 * when the first has a '.' and the second is one or two digits ("III.1" over "0",
 * "II." over "12") and the two would not fit on one line of the column as
 * wide as its header ("A." over "1" under "STT": a group's row over row
 * 1); "1" over "2" are two rows. */
static bool number_wrapped(const struct pword *w, const struct pline *l, size_t a, size_t k,
                           const struct table *t)
{
	if (k > a + 2)
		return false;
	char *x = line_col(w, &l[a], t, 0), *y = line_col(w, &l[k], t, 0);
	bool wrapped = x && y && strchr(x, '.') && y[0] && strlen(y) <= 2 &&
	               strspn(y, "0123456789") == strlen(y) &&
	               (double)(text_len(x) + text_len(y)) > t->hi[0] - t->lo[0];
	free(x);
	free(y);
	return wrapped;
}

/* Where the row of the anchor at line a (its first line prev) ends when
 * no gap sets it off from the next anchor's row (line k): a row's number
 * is set at its top or in its middle, so the row goes on below its anchor
 * for at most as many lines as it has above; among the lines after a up
 * to k, the next row starts at one whose first cell text after the number
 * starts with a capital (a cell's text does, its wrapped lines seldom),
 * the one nearest that estimate. */
static size_t tight_cut(const struct pword *w, const struct pline *l, size_t prev, size_t a,
                        size_t k, const struct table *t)
{
	size_t n = k - a - 1, above = a - prev;
	size_t est = a + 1 + (above < n ? above : n), best = est;
	size_t bestd = (size_t)-1;
	for (size_t q = a + 1; q <= k; q++) {
		const struct pword *first = NULL;
		for (size_t j = l[q].from; j < l[q].to && !first; j++)
			if (column_of(t, &w[j]) > 0)
				first = &w[j];
		if (!first || text_case_start(first->s) != 1)
			continue;
		size_t d = q > est ? q - est : est - q;
		if (d < bestd) {
			bestd = d;
			best = q;
		}
	}
	return best;
}

/* The header's row (its place in the table *tabrow, NULL a repeated one);
 * under a caption kept (t->cap) two: the caption in each column under it,
 * the other columns' names written in both, as a cell merged over both. */
static void emit_header(const struct table *t, int line, int page, int table, int *tabrow,
                        struct rows *out)
{
	for (int k = t->ncap ? 0 : 1; k < 2; k++) {
		struct row *r = rows_add(out, line);
		r->page = page + 1;
		r->table = table;
		r->tabrow = tabrow ? *tabrow + k - (t->ncap ? 0 : 1) : 0;
		for (int c = 0; c < t->ncol; c++) {
			const char *s = t->head[c];
			double mid = (t->lo[c] + t->hi[c]) / 2;
			for (int q = 0; q < t->ncap && !k; q++)
				if (t->caplo[q] <= mid && mid <= t->caphi[q])
					s = t->cap[q];
			row_add_cell(r, s, strlen(s));
		}
	}
	if (tabrow && t->ncap)
		++*tabrow;
}

/* The names' column: the widest but the last (a "Lĩnh vực" column
 * before it is narrower). */
static int name_column(const struct table *t)
{
	int best = 1;
	for (int c = 2; c + 1 < t->ncol; c++)
		if (t->bound[c + 1] - t->bound[c] > t->bound[best + 1] - t->bound[best])
			best = c;
	return best;
}

/* Like widest_gap, seen only in the number and name columns: rows whose
 * other cells run together (a cell merged over both, its text centred
 * between them) are still apart there. */
static size_t name_gap(const struct pword *w, const struct pline *l, size_t a, size_t b,
                       const struct table *t, double *gap)
{
	size_t at = b;
	double best = -1e9, bottom = 0;
	bool have = false;
	int nc = name_column(t);
	for (size_t i = a; i < b; i++) {
		double y0 = 1e18, y1 = -1e18;
		for (size_t j = l[i].from; j < l[i].to; j++)
			if (column_of(t, &w[j]) == 0 || column_of(t, &w[j]) == nc) {
				y0 = fmin(y0, w[j].y0);
				y1 = fmax(y1, w[j].y1);
			}
		if (y1 < y0)
			continue;
		if (have) {
			double g = l[i].page != l[a].page ? 1e6 : y0 - bottom;
			if (g >= best) {
				best = g;
				at = i;
			}
		}
		bottom = have ? fmax(bottom, y1) : y1;
		have = true;
	}
	*gap = best;
	return at;
}

/* Where lines [a, b) split best: the index after the widest vertical gap. */
static size_t widest_gap(const struct pline *l, size_t a, size_t b, double *gap)
{
	size_t at = b;
	double best = -1e9, bottom = l[a].y1;
	for (size_t i = a + 1; i < b; i++) {
		double g = l[i].page != l[i - 1].page ? 1e6 : l[i].y0 - bottom;
		if (g >= best) {
			best = g;
			at = i;
		}
		bottom = l[i].page != l[i - 1].page ? l[i].y1 : fmax(bottom, l[i].y1);
	}
	*gap = best;
	return at;
}

static int head_col(const struct table *t, const char *const *names, size_t n)
{
	for (int c = 0; c < t->ncol; c++) {
		char *f = text_fold(t->head[c]);
		bool hit = false;
		for (size_t k = 0; k < n && !hit; k++)
			hit = !strncmp(f, names[k], strlen(names[k])) && !strstr(f, "chu tri") &&
			      !strstr(f, "thuc hien");
		free(f);
		if (hit)
			return c;
	}
	return -1;
}

/* Where word run x (n bytes) stands in s as words of their own, once;
 * NULL when nowhere or more than once. */
static const char *word_run(const char *s, const char *x, size_t n)
{
	const char *at = NULL;
	for (const char *p = strstr(s, x); p; p = strstr(p + 1, x)) {
		if ((p != s && p[-1] != ' ') || (p[n] && p[n] != ' '))
			continue;
		if (at)
			return NULL;
		at = p;
	}
	return at;
}

/* A unit's second line packed into the name's line ("... sống cáo" under
 * "Báo"): when row i's unit cell u is one capitalised word, the first of another
 * row's whole unit of two ("Báo" of "Báo cáo"), and its name (cell m)
 * holds the second, in lowercase, as a word of its own, once, it is moved
 * back to the unit. */
static void unit_rest_from_name(struct rows *out, size_t head, size_t i, int u, int m)
{
	struct row *r = &out->v[i];
	size_t k = strlen(r->cell[u]);
	for (size_t q = head + 1; q < out->n; q++) {
		const struct row *o = &out->v[q];
		if (q == i || o->text || o->ncell <= u || strncmp(o->cell[u], r->cell[u], k) ||
		    o->cell[u][k] != ' ' || !o->cell[u][k + 1])
			continue;
		const char *rest = o->cell[u] + k + 1;
		size_t n = strlen(rest);
		if (strchr(r->cell[u], ' ') || strchr(rest, ' ') ||
		    text_case_start(r->cell[u]) != 1 || text_case_start(rest) != 0)
			continue; /* one word each: a unit's two short lines */
		const char *at = word_run(r->cell[m], rest, n);
		if (!at)
			continue;
		size_t from = (size_t)(at - r->cell[m]);
		const char *after = at + n;
		while (*after == ' ')
			after++;
		while (from && r->cell[m][from - 1] == ' ')
			from--;
		char *name = xasprintf("%.*s%s%s", (int)from, r->cell[m], from && *after ? " " : "",
		                       after);
		free(r->cell[m]);
		r->cell[m] = name;
		free(r->cell[u]);
		r->cell[u] = xstrdup(o->cell[u]);
		return;
	}
}

/* A "%" in a name that follows no figure ("đổi mới sáng% tạo", "triển %
 * khai"): the unit's, packed into the name's line. */
static bool stray_percent(const char *s)
{
	for (const char *p = strchr(s, '%'); p; p = strchr(p + 1, '%')) {
		const char *q = p;
		while (q > s && q[-1] == ' ')
			q--;
		if (q == s || !isdigit((unsigned char)q[-1]))
			return true;
	}
	return false;
}

/* A unit cell holding, beside its words, a figure or a lone dash
 * ("Triệu đồng 1.250,5", "Có/Không -"): the next cell's, packed into the
 * unit's line; the row's later cells are shifted. */
static bool unit_figure(const char *s)
{
	if (!strchr(s, ' '))
		return false;
	bool found = false;
	for (const char *p = s; *p && !found;) {
		size_t k = strcspn(p, " ");
		char *word = xstrndup(p, k);
		found = dash_word(word) || (figure_word(word) && strpbrk(word, "0123456789"));
		free(word);
		p += k;
		while (*p == ' ')
			p++;
	}
	return found;
}

/* Text laid out with spaces can squeeze a unit against the name ("băng
 * rộng %"): when a row's unit cell is empty and its name holds, as a word
 * of its own, a unit without letters that other rows of the table have as
 * their whole unit cell ("%"), the unit is moved there. Rows after
 * rows->v[head]. */
/* (A row whose unit is set: unit_rest_from_name.) */
static void unit_from_name(struct rows *out, size_t head, const struct table *t)
{
	static const char *const unit_names[] = {"don vi tinh", "dvt", "don vi"};
	static const char *const name_names[] = {"chi tieu", "noi dung", "ten chi tieu"};
	int u = head_col(t, unit_names, 3), m = head_col(t, name_names, 3);
	if (u < 0 || m < 0 || u == m)
		return;
	for (size_t i = head + 1; i < out->n; i++) {
		struct row *r = &out->v[i];
		if (r->text || r->ncell <= u || r->ncell <= m)
			continue;
		char *name = r->cell[m];
		if (unit_figure(r->cell[u]))
			r->doubt |= ~0UL << u;
		if (r->cell[u][0]) {
			unit_rest_from_name(out, head, i, u, m);
			continue;
		}
		for (char *p = name; *p; p++) {
			if (p != name && p[-1] != ' ')
				continue;
			size_t k = strcspn(p, " ");
			bool letters = false;
			for (size_t j = 0; j < k; j++)
				letters |= (unsigned char)p[j] >= 0x80 ||
				           isalpha((unsigned char)p[j]) ||
				           isdigit((unsigned char)p[j]);
			if (!k || letters)
				continue;
			bool seen = false;
			for (size_t q = head + 1; q < out->n && !seen; q++)
				seen = q != i && !out->v[q].text && out->v[q].ncell > u &&
				       strlen(out->v[q].cell[u]) == k &&
				       !strncmp(out->v[q].cell[u], p, k);
			if (!seen)
				continue;
			free(r->cell[u]);
			r->cell[u] = xstrndup(p, k);
			size_t at = (size_t)(p - name);
			char *rest = p + k;
			while (*rest == ' ')
				rest++;
			while (at && name[at - 1] == ' ')
				at--;
			char *joined =
			        xasprintf("%.*s%s%s", (int)at, name, at && *rest ? " " : "", rest);
			free(r->cell[m]);
			r->cell[m] = joined;
			break;
		}
		if (!r->cell[u][0] && stray_percent(r->cell[m]))
			r->doubt |= 1UL << u | 1UL << m;
	}
}

/* Where the body [b, end) of a table really ends when it stopped at text
 * (not at the next header, e): a heading in the number column's place
 * with no row under it ("III. TỔ CHỨC THỰC HIỆN", the plan's next section
 * right after the table, followed by its running text) is no group of
 * the table, whose groups head rows; it is text. Not when the line that
 * stopped the table starts with a number ("IV.1 Số ...": a row whose
 * number and text run together). */
/* A heading of the document's next part after a table ("III. TỔ CHỨC
 * THỰC HIỆN"): a roman number with its dot right of the number column,
 * then capitals, apart from the line above. */
static bool part_heading(const struct pword *w, const struct pline *l, size_t k,
                         const struct table *t, double h)
{
	const struct pword *a = &w[l[k].from];
	size_t n = strlen(a->s);
	if (l[k].to - l[k].from < 2 || column_of(t, a) <= 0 || n < 2 || a->s[n - 1] != '.' ||
	    !text_roman(a->s) || (l[k].page == l[k - 1].page && l[k].y0 - l[k - 1].y1 < 0.3 * h))
		return false;
	char *s = line_text(w, &l[k]), *u = text_upper(s);
	bool caps = !strcmp(s, u);
	free(s);
	free(u);
	return caps;
}

static size_t section_after(const struct pword *w, const struct pline *l, size_t b, size_t end,
                            size_t e, const struct table *t, double space)
{
	if (end >= e || code_like(w[l[end].from].s))
		return end; /* the next header, or a row's number packed with its text */
	size_t last = end;  /* the last anchor: a line with text in the number column */
	for (size_t k = end; k-- > b;) {
		char *c0 = line_col(w, &l[k], t, 0);
		free(c0);
		if (c0) {
			last = k;
			break;
		}
	}
	if (last <= b || last >= end || !group_heading(w, l, last, end, t, space))
		return end;
	return last;
}

/* A group heading's row: text in the number and name columns alone. */
/* The lines [from, to) of each row a table's body gave (rows out->v[head
 * + 1 …]); from == to: a row not made of its own lines. */
struct row_lines {
	size_t *from, *to;
	size_t n;
};

static void row_lines_add(struct row_lines *rl, size_t n, size_t from, size_t to)
{
	rl->from = xrealloc(rl->from, n * sizeof *rl->from);
	rl->to = xrealloc(rl->to, n * sizeof *rl->to);
	for (size_t k = rl->n; k < n; k++)
		rl->from[k] = rl->to[k] = from;
	if (n == rl->n + 1) {
		rl->from[rl->n] = from;
		rl->to[rl->n] = to;
	}
	rl->n = n;
}

/* A cell's run of touching lines in column c (a block): lines [first,
 * last] and its extent. */
struct block {
	size_t first, last;
	double top, bot;
};

/* Row k's extent from its number and name columns (*top > *bot: none). */
static void row_extent(const struct pword *w, const struct pline *l, const struct row_lines *rl,
                       size_t k, const struct table *t, double *top, double *bot)
{
	int nc = name_column(t);
	*top = 1e18;
	*bot = -1e18;
	for (size_t i = rl->from[k]; i < rl->to[k]; i++)
		for (size_t j = l[i].from; j < l[i].to; j++) {
			int c = column_of(t, &w[j]);
			if (c == 0 || c == nc) {
				*top = fmin(*top, w[j].y0);
				*bot = fmax(*bot, w[j].y1);
			}
		}
}

/* The runs of rows [i, j] block q may be the cell of (spread_column):
 * rows of its page, none a barrier nor another block's (owner), whose
 * middle (the first's top and the last's bottom) is the block's middle.
 * Sets the narrowest [*ni, *nj] and the widest [*wi, *wj]; false when
 * none. */
static bool centred_runs(const struct pline *l, const struct row_lines *rl, const struct block *bl,
                         size_t q, const double *top, const double *bot, const bool *bar,
                         const int *owner, double h, size_t *ni, size_t *nj, size_t *wi, size_t *wj)
{
	double cy = (bl[q].top + bl[q].bot) / 2;
	bool any = false;
	for (size_t i = 0; i < rl->n; i++)
		for (size_t j = i; j < rl->n; j++) {
			if (bar[j] || (owner[j] && owner[j] != (int)q + 1) ||
			    l[rl->from[j]].page != l[bl[q].first].page)
				break;
			if (cy < top[i] || cy > bot[j] ||
			    fabs(cy - (top[i] + bot[j]) / 2) > 0.5 * h)
				continue;
			if (!any || j - i > *wj - *wi)
				*wi = i, *wj = j;
			if (!any || j - i < *nj - *ni)
				*ni = i, *nj = j;
			any = true;
		}
	return any;
}

/* A PDF's table without ruling lines centres a cell merged over several
 * rows on them: a block of column c (a column of words: not the
 * number's, the name's, nor one with a cell starting with a figure)
 * whose middle is the middle of a run of rows (centred_runs) is those
 * rows' cell: each takes it whole, and the rows that hold a part of it
 * outside the run lose it. The narrowest run of each block first, then
 * the widest clear of the others' narrowest; a row two blocks may take
 * is left. The rows outside the narrowest flagged (row.spread): a cell
 * centred on its own row between two rows left empty is as likely. */
static void spread_column(const struct pword *w, const struct pline *l, size_t b, size_t end,
                          struct rows *out, size_t head, const struct row_lines *rl,
                          const struct table *t, int c, double h)
{
	size_t nr = rl->n, nb = 0;
	struct block *bl = xcalloc(end - b + 1, sizeof *bl);
	bool words = true;
	for (size_t i = b; i < end && words; i++) {
		char *s = line_col(w, &l[i], t, c);
		if (!s)
			continue;
		words = text_case_start(s) >= 0 || (nb && bl[nb - 1].last + 1 == i);
		free(s);
		if (nb && l[bl[nb - 1].last].page == l[i].page &&
		    l[i].y0 - bl[nb - 1].bot < 0.3 * h) {
			bl[nb - 1].last = i;
			bl[nb - 1].bot = fmax(bl[nb - 1].bot, l[i].y1);
			continue;
		}
		bl[nb++] = (struct block){i, i, l[i].y0, l[i].y1};
	}
	double *top = xcalloc(nr + 1, sizeof *top), *bot = xcalloc(nr + 1, sizeof *bot);
	int *owner = xcalloc(nr + 1, sizeof *owner), *claim = xcalloc(nr + 1, sizeof *claim);
	bool *bar = xcalloc(nr + 1, sizeof *bar);
	size_t *ni = xcalloc(nb + 1, sizeof *ni), *nj = xcalloc(nb + 1, sizeof *nj);
	size_t *wi = xcalloc(nb + 1, sizeof *wi), *wj = xcalloc(nb + 1, sizeof *wj);
	bool *has = xcalloc(nb + 1, sizeof *has);
	for (size_t k = 0; k < nr && words; k++) {
		const struct row *r = &out->v[head + 1 + k];
		row_extent(w, l, rl, k, t, &top[k], &bot[k]);
		bool alone = true; /* a group's row: its name alone */
		for (int d = 2; d < r->ncell && alone; d++)
			alone = !r->cell[d][0];
		bar[k] = rl->from[k] == rl->to[k] || top[k] > bot[k] || r->ncell <= c ||
		         !r->cell[0][0] || !code_like(r->cell[0]) || alone;
		for (size_t q = 0; q < nb && !bar[k]; q++)
			if (fmin(bl[q].bot, bot[k]) - fmax(bl[q].top, top[k]) > 0.3 * h)
				owner[k] = owner[k] ? -1 : (int)q + 1;
	}
	for (size_t q = 0; q < nb && words; q++)
		has[q] = centred_runs(l, rl, bl, q, top, bot, bar, owner, h, &ni[q], &nj[q], &wi[q],
		                      &wj[q]);
	for (size_t q = 0; q < nb; q++)
		for (size_t k = ni[q]; has[q] && k <= nj[q]; k++)
			owner[k] = owner[k] && owner[k] != (int)q + 1 ? -1 : (int)q + 1;
	for (size_t q = 0; q < nb; q++) {
		size_t a, z;
		if (has[q])
			has[q] = centred_runs(l, rl, bl, q, top, bot, bar, owner, h, &a, &z, &wi[q],
			                      &wj[q]);
		for (size_t k = wi[q]; has[q] && k <= wj[q]; k++)
			claim[k] = claim[k] && claim[k] != (int)q + 1 ? -1 : (int)q + 1;
	}
	for (size_t q = 0; q < nb; q++) {
		if (!has[q] || wi[q] == wj[q])
			continue;
		char *text = block_text(w, l, bl[q].first, bl[q].last + 1, t, c);
		for (size_t k = 0; k < nr; k++) {
			struct row *r = &out->v[head + 1 + k];
			bool in = k >= wi[q] && k <= wj[q] && claim[k] == (int)q + 1;
			bool part = rl->from[k] <= bl[q].last && bl[q].first < rl->to[k];
			if (!in && !part)
				continue;
			free(r->cell[c]);
			r->cell[c] = xstrdup(in ? text : "");
			if (in && (k < ni[q] || k > nj[q]))
				r->spread |= 1UL << c;
		}
		free(text);
	}
	free(bl);
	free(top);
	free(bot);
	free(owner);
	free(claim);
	free(bar);
	free(ni);
	free(nj);
	free(wi);
	free(wj);
	free(has);
}

/* spread_column for each column but the number's, the name's and the
 * years'. */
static void spread_merged(const struct pword *w, const struct pline *l, size_t b, size_t end,
                          struct rows *out, size_t head, const struct row_lines *rl,
                          const struct table *t, double h)
{
	if (rl->n + head + 1 != out->n)
		return;
	int nc = name_column(t);
	for (int c = 1; c < t->ncol && c < MAXCOLS; c++)
		if (c != nc && !year_column(t, c))
			spread_column(w, l, b, end, out, head, rl, t, c, h);
}

static bool group_only(const struct row *r, int ncol)
{
	for (int c = 2; c < ncol && c < r->ncell; c++)
		if (r->cell[c][0])
			return false;
	return true;
}

/* An agency's cell ("Cơ quan chủ trì", "theo dõi", "phối hợp") left empty
 * in a row while at least two thirds of the table's other rows fill it:
 * most likely a cell merged over several rows whose text the words'
 * places gave to one of them (a row's own words are never lost, but the
 * merged text is not repeated). Rows after out->v[head] with a name (in
 * the names' column: a "Lĩnh vực" column before it may be merged too). */
static void merged_doubt(struct rows *out, size_t head, const struct table *t)
{
	int nc = name_column(t);
	for (int c = 2; c < t->ncol; c++) {
		char *f = text_fold(t->head[c]);
		bool agency = strstr(f, "co quan") || strstr(f, "chu tri") ||
		              strstr(f, "theo doi") || strstr(f, "phoi hop");
		free(f);
		if (!agency)
			continue;
		size_t rows = 0, filled = 0;
		for (size_t i = head + 1; i < out->n; i++) {
			const struct row *r = &out->v[i];
			if (r->text || r->ncell <= c || r->ncell <= nc || !r->cell[nc][0] ||
			    !r->cell[0][0])
				continue;
			rows++;
			filled += r->cell[c][0] != '\0';
		}
		if (rows < 2 || filled * 3 < rows || filled == rows)
			continue;
		for (size_t i = head + 1; i < out->n; i++) {
			struct row *r = &out->v[i];
			if (!r->text && r->ncell > c && r->ncell > nc && r->cell[nc][0] &&
			    r->cell[0][0] && !r->cell[c][0] && !group_only(r, t->ncol))
				r->merged |= 1UL << c;
		}
	}
}

/* A header with no number column ("Chỉ tiêu | Đơn vị tính | 2025 | 2030
 * | Đơn vị chủ trì", its groups "I. …" in the name column): the first
 * column names the rows, another the unit, and at least two are years
 * (under a caption over them, or "Năm 2025"). */
static bool nonum_header(const struct table *t)
{
	if (t->ncol < 4)
		return false;
	char *f = text_fold(t->head[0]);
	bool name = strstr(f, "chi tieu") || strstr(f, "noi dung") || strstr(f, "ten");
	free(f);
	bool unit = false;
	int years = 0;
	for (int c = 1; c < t->ncol; c++) {
		f = text_fold(t->head[c]);
		unit |= !strcmp(f, "don vi tinh") || !strcmp(f, "dvt") || !strcmp(f, "don vi");
		free(f);
		years += year_column(t, c);
	}
	return name && unit && years >= 2;
}

/* A table's header band at line i ([*a, *b)): one with a number column, or
 * one without (nonum_header, *nonum set). */
static bool table_band(const struct pword *w, const struct pline *l, size_t nl, size_t i, double h,
                       double space, bool layout, size_t *a, size_t *b, bool *nonum)
{
	int bits = header_band(w, l, nl, i, h, layout, a, b);
	*nonum = false;
	if (bits == 3)
		return true;
	if (bits != 2)
		return false;
	struct table t = {0};
	read_columns(w, l, *a, *b, space, &t);
	*nonum = nonum_header(&t);
	table_free(&t);
	return *nonum;
}

/* Where the block of lines starting at line s ends: lines that touch or
 * overlap (a row's cells, set at its top or centred), up to a vertical
 * gap of a third of a line or a page's end (rows are apart). */
static size_t block_end(const struct pline *l, size_t s, size_t e, double h)
{
	double bottom = l[s].y1;
	size_t k = s + 1;
	while (k < e && l[k].page == l[s].page && l[k].y0 - bottom < 0.3 * h) {
		bottom = fmax(bottom, l[k].y1);
		k++;
	}
	return k;
}

/* A table with no number column has no number to end it: its body [b, e)
 * ends before the first block of lines (block_end) that is no row: after a
 * gap wider than two and a half lines; or holding a word that runs over a
 * boundary between two columns by more than a character each side (running
 * text across the page: a cell's words stay inside its column); or with
 * text in the first column only that does not start with a group's number
 * ("Nơi nhận:"; a group row "I. TIỀM LỰC …" does). */
static size_t nonum_end(const struct pword *w, const struct pline *l, size_t b, size_t e,
                        const struct table *t, double h, double cw, double space)
{
	for (size_t s = b; s < e;) {
		size_t k = block_end(l, s, e, h);
		if (s > b && l[s].page == l[s - 1].page && l[s].y0 - l[s - 1].y1 > 2.5 * h)
			return s;
		bool first_only = true;
		for (size_t i = s; i < k; i++) {
			bool cross = false;
			for (size_t j = l[i].from; j < l[i].to && !cross; j++) {
				for (int c = 1; c < t->ncol && !cross && !t->grid; c++)
					cross = w[j].x0 < t->bound[c] - cw && w[j].x1 > t->bound[c] + cw;
				first_only &= column_of(t, &w[j]) == 0;
			}
			/* text laid out with spaces packs a row's cells one
			 * space apart: a run of words across three bounds */
			for (size_t j = l[i].from; j < l[i].to && t->grid && !cross;) {
				size_t q = j + 1;
				while (q < l[i].to && w[q].x0 - w[q - 1].x1 <= 1.5 * space)
					q++;
				int over = 0;
				for (int c = 1; c < t->ncol; c++)
					over += w[j].x0 < t->bound[c] && w[q - 1].x1 > t->bound[c];
				cross = over >= 3;
				j = q;
			}
			if (cross)
				return i;
		}
		if (first_only && !code_like(w[l[s].from].s))
			return s;
		s = k;
	}
	return e;
}

/* The body of a table with no number column (lines [b, e)): its columns'
 * bounds from its own lines, its end (nonum_end), its rows the blocks of
 * lines apart (block_end). Returns where the table ends. */
static size_t nonum_body(const struct pword *w, const struct pline *l, size_t b, size_t e,
                         struct table *t, int table, int *tabrow, double h, double cw,
                         double space, struct rows *out)
{
	size_t pe = b; /* first the lines of the header's page */
	while (pe < e && l[pe].page == l[b].page)
		pe++;
	place_bounds(w, l, b, pe > b ? pe : e, NULL, cw, t);
	size_t end = nonum_end(w, l, b, e, t, h, cw, space);
	/* Text after the table on its page took part in the bounds: again
	 * without it, until the end holds. */
	for (int k = 0; k < 3 && end > b && end < pe; k++) {
		pe = end;
		place_bounds(w, l, b, pe, NULL, cw, t);
		end = nonum_end(w, l, b, e, t, h, cw, space);
	}
	if (t->grid) {
		body_starts(w, l, b, end, space, t);
		learn_columns(w, l, b, end, space, t);
	}
	for (size_t s = b; s < end;) {
		size_t k = block_end(l, s, end, h);
		emit_row(w, l, s, k, t, table, tabrow, space, out);
		s = k;
	}
	return end;
}

/* Whether row number s follows row number prev in turn, at the same level
 * ("5" then "6", "1.2" then "1.3"; a trailing dot either way). */
static bool number_next(const char *prev, const char *s)
{
	size_t np = strlen(prev), ns = strlen(s);
	np -= np && prev[np - 1] == '.';
	ns -= ns && s[ns - 1] == '.';
	size_t kp = np, ks = ns; /* where the last level starts */
	while (kp && isdigit((unsigned char)prev[kp - 1]))
		kp--;
	while (ks && isdigit((unsigned char)s[ks - 1]))
		ks--;
	if (kp == np || ks == ns || kp != ks || np - kp > 3 || ns - ks > 3 ||
	    strncmp(prev, s, kp) != 0)
		return false;
	return atoi(s + ks) == atoi(prev + kp) + 1;
}

/* A wide gap before line k inside a table [b, e) whose next row is tall
 * (its name over many lines, its number and other cells set in their
 * middle, so that its first lines hold only the tallest cells' words):
 * within the lines after the gap, none apart again, one holding in the
 * number column the number next in turn after the table's last row's, and
 * words in three columns or more. A column numbers' row ("1 2 3 … 8")
 * follows no row's number. */
static bool tall_row_after(const struct pword *w, const struct pline *l, size_t b, size_t k,
                           size_t e, const struct table *t, double h)
{
	char *prev = NULL;
	for (size_t q = k; q-- > b && !prev;) {
		prev = line_col(w, &l[q], t, 0);
		if (prev && !code_like(prev)) {
			free(prev);
			return false;
		}
	}
	bool ok = false;
	for (size_t i = k; prev && i < e && i < k + 4; i++) {
		if (i > k && (l[i].page != l[k].page || l[i].y0 - l[i - 1].y1 > 2.5 * h))
			break;
		char *c0 = line_col(w, &l[i], t, 0);
		if (!c0)
			continue;
		bool in[MAXCOLS] = {false};
		int cols = 0;
		for (size_t j = l[i].from; j < l[i].to; j++) {
			int c = column_of(t, &w[j]);
			cols += c >= 0 && c < MAXCOLS && !in[c];
			if (c >= 0 && c < MAXCOLS)
				in[c] = true;
		}
		ok = number_next(prev, c0) && cols >= 3;
		free(c0);
		break;
	}
	free(prev);
	return ok;
}

/* A line of a caption, not of a row: it starts "Phụ lục", or holds a word
 * over the whole gap between two header cells (text across the columns:
 * a row's words stay in theirs). */
static bool caption_line(const struct pword *w, const struct pline *l, const struct table *t)
{
	char *all = line_text(w, l);
	bool cap = text_fold_starts(all, "phu luc");
	free(all);
	for (size_t j = l->from; j < l->to && !cap; j++)
		for (int c = 0; c + 1 < t->ncol && !cap; c++)
			cap = t->hi[c] < t->lo[c + 1] && w[j].x0 < t->hi[c] &&
			      w[j].x1 > t->lo[c + 1];
	return cap;
}

/* The next table's caption at the top of its header's page (line e), after
 * the body [b, e) ran over a page's end ("PHỤ LỤC II", its title, "(Kèm
 * theo Kế hoạch …)"): the first block of lines (block_end) of that page
 * holding a caption's line, when no line from it on starts with a number
 * under the number column (a row, its group's name across the columns).
 * Returns where it starts; e when none. */
static size_t caption_above(const struct pword *w, const struct pline *l, size_t b, size_t e,
                            const struct table *t, double h)
{
	size_t k = e, s = e;
	while (k > b && l[k - 1].page == l[e].page)
		k--;
	for (size_t q = k; k > b && q < e && s == e;) {
		size_t r = block_end(l, q, e, h);
		for (size_t i = q; i < r && s == e; i++)
			if (caption_line(w, &l[i], t))
				s = q;
		q = r;
	}
	for (size_t i = s; i < e; i++)
		if (w[l[i].from].x0 < t->hi[0] && code_like(w[l[i].from].s))
			return e;
	return s;
}

/* The rows of words w; grid: the words come from text laid out with
 * spaces (cells are then assigned row by row, see grid_row). */
static bool rows_of_words(struct pword *w, size_t n, struct rows *out, struct lines *text,
                          bool grid, bool exact)
{
	double h, cw;
	metrics(w, n, &h, &cw);
	struct pline *l = NULL;
	size_t nl = make_lines(w, n, h, &l);
	double space = space_width(w, l, nl, cw);
	bool found = false;
	int tables = 0;
	struct table t = {0};
	char **prev_head = NULL; /* the header before: a page's repeated one */
	int prev_ncol = 0;
	size_t last_row = (size_t)-1; /* the last table row emitted */
	int tabrow = 0;               /* rows of the table so far (source locations) */
	size_t i = 0;
	while (i < nl) {
		size_t a, b;
		bool nonum;
		if (!table_band(w, l, nl, i, h, space, grid, &a, &b, &nonum)) {
			add_text(text, out, w, &l[i]);
			i++;
			continue;
		}
		/* Lines of the band taken as text before it are dropped. */
		while (out->n && a < i && out->v[out->n - 1].text) {
			struct row *last = &out->v[--out->n];
			for (int c = 0; c < last->ncell; c++)
				free(last->cell[c]);
			free(last->cell);
			if (text && text->n)
				free(text->v[--text->n]);
			i--;
		}
		found = true;
		for (int c = 0; c < prev_ncol; c++)
			free(prev_head[c]);
		free(prev_head);
		prev_ncol = t.ncol;
		prev_head = xcalloc(MAXCOLS, sizeof *prev_head);
		for (int c = 0; c < t.ncol; c++)
			prev_head[c] = xstrdup(t.head[c]);
		table_free(&t);
		read_columns(w, l, a, b, space, &t);
		t.nonum = nonum;
		t.exact = exact;
		t.grid = grid && nonum;
		/* A row of column numbers under the header: no table row. */
		if (b < nl && l[b].page == l[a].page && l[b].y0 - l[b - 1].y1 < 2.5 * h) {
			char *s = line_text(w, &l[b]);
			b += plain_column_numbers(s);
			free(s);
		}
		/* The body: up to the next header, a non-number in the number
		 * column, or a wide gap. */
		size_t e = b, x, y;
		bool xn;
		while (e < nl && !table_band(w, l, nl, e, h, space, grid, &x, &y, &xn))
			e++;
		if (e < nl)
			e = x > b ? x : b;
		/* A caption at the top of the next header's page, over that
		 * header ("Mục tiêu theo lộ trình"): header words only, set
		 * apart from it; no row's. */
		size_t next_band = e;
		if (e < nl && e > b) {
			size_t k = e;
			while (k > b && l[k - 1].page == l[e].page &&
			       header_line(w, &l[k - 1], grid) >= 0)
				k--;
			if (k < e && k > b && l[k - 1].page != l[k].page)
				e = k;
		}
		/* The next table's caption over it: text, no row's. */
		size_t cap = e < nl && e > b ? caption_above(w, l, b, e, &t, h) : e;
		if (cap < e)
			e = next_band = cap;
		/* The columns' bounds from the table's own lines: up to a line
		 * starting under the number column with a word that is no
		 * number ("Nơi nhận:", the text after the table). */
		if (nonum) {
			bool same = prev_head && prev_ncol == t.ncol;
			for (int c = 0; same && c < t.ncol; c++)
				same = text_same_but(prev_head[c], t.head[c], ' ');
			if (!same) {
				tables++;
				tabrow = 1;
			}
			emit_header(&t, l[a].no, l[a].page, tables, same ? NULL : &tabrow, out);
			size_t head_row = out->n - 1;
			size_t end = nonum_body(w, l, b, e, &t, tables, &tabrow, h, cw, space, out);
			last_row = out->n - 1 > head_row ? out->n - 1 : (size_t)-1;
			unit_from_name(out, head_row, &t);
			merged_doubt(out, head_row, &t);
			i = end > i ? end : i + 1;
			continue;
		}
		size_t pe = b;
		while (pe < e && !(w[l[pe].from].x0 < t.hi[0] && !code_like(w[l[pe].from].s)))
			pe++;
		size_t be = pe > b ? pe : e;
		bool *skip = NULL;
		if (exact && !grid && (skip = spanning_lines(w, l, b, be, &t, space)))
			split_packed(w, l, a, b, be, skip, space, cw, &t);
		if (grid)
			split_by_starts(w, l, a, b, be, space, &t);
		place_bounds(w, l, b, be, skip, cw, &t);
		free(skip);
		if (!exact && !grid)
			split_by_body(w, l, a, b, b, be, &t);
		t.grid = grid;
		if (grid) {
			number_bound(w, l, b, pe > b ? pe : e, &t);
			body_starts(w, l, b, pe > b ? pe : e, space, &t);
		}
		bool same = prev_head && prev_ncol == t.ncol;
		for (int c = 0; same && c < t.ncol; c++)
			same = text_same_but(prev_head[c], t.head[c], ' ');
		if (!same) {
			tables++;
			tabrow = 1; /* the header is the table's first row */
		}
		emit_header(&t, l[a].no, l[a].page, tables, same ? NULL : &tabrow, out);
		size_t head_row = out->n - 1;
		size_t end = b;
		while (end < e) {
			if (end > b && l[end].page == l[end - 1].page &&
			    l[end].y0 - l[end - 1].y1 > 2.5 * h &&
			    !tall_row_after(w, l, b, end, e, &t, h))
				break;
			char *c0 = line_col(w, &l[end], &t, 0);
			bool stop = c0 && !code_like(c0) && !group_row_at(w, l, nl, end, e, &t, space);
			free(c0);
			/* A page number at the foot of its page ("Trang 1/2"):
			 * the page's margin, not the last row's. */
			char *all = line_text(w, &l[end]);
			stop |= grid && plain_page_number(all) &&
			        (end + 1 == nl || l[end + 1].page != l[end].page ||
			         text_fold_starts(all, "trang "));
			stop |= end > b && part_heading(w, l, end, &t, h);
			free(all);
			if (stop)
				break;
			end++;
		}
		end = section_after(w, l, b, end, e, &t, space);
		/* where the cells start, from the table's own lines (not a
		 * signature's block after it) */
		if (grid)
			learn_columns(w, l, b, end > b ? end : e, space, &t);
		/* A row split over pages: the lines above the first row's gap
		 * (a row's lines touch, rows are apart) end the last row. */
		size_t prev = b; /* first line of the current row */
		if (same && last_row < out->n - 1) {
			size_t k = b;
			while (k < end) {
				char *c0 = line_col(w, &l[k], &t, 0);
				free(c0);
				if (c0)
					break;
				k++;
			}
			double g = 0;
			size_t cut = k < end && k > b ? widest_gap(l, b, k + 1, &g) : b;
			/* no number on the page: all its lines end the last row */
			bool all = k == end && end > b && exact && !grid;
			if (all)
				cut = end;
			if (cut > b && cut <= k && (all || g > 0.3 * h)) {
				struct row *r = &out->v[last_row];
				int *col = NULL;
				if (grid) {
					col = xcalloc(l[cut - 1].to - l[b].from + 1, sizeof *col);
					grid_row(w, l, b, cut, &t, space, col, &r->doubt);
				}
				for (int c = 0; c < r->ncell && c < t.ncol; c++) {
					struct buf bf = BUF_INIT;
					buf_puts(&bf, r->cell[c]);
					for (size_t q = b; q < cut; q++) {
						char *s = row_line_col(w, l, b, q, &t, col, c);
						if (s) {
							if (bf.len)
								buf_putc(&bf, ' ');
							buf_puts(&bf, s);
						}
						free(s);
					}
					free(r->cell[c]);
					r->cell[c] = buf_detach(&bf);
				}
				free(col);
				r->last = l[cut - 1].no;
				prev = cut;
			}
		}
		/* Anchors: lines with text in the number column. */
		struct row_lines rl = {0};
		bool anchored = false;
		unsigned long pending = 0, pdown = 0; /* the last row's straddling cells */
		char *ptext[MAXCOLS] = {0};
		for (size_t k = b; k < end; k++) {
			if (!anchor_line(w, &l[k], &t))
				continue;
			if (!anchored) {
				anchored = true;
				continue;
			}
			/* Lines of the previous anchor's row: those before the
			 * widest gap between the two anchors. */
			size_t last_anchor = prev;
			for (size_t q = k; q-- > prev;)
				if (anchor_line(w, &l[q], &t)) {
					last_anchor = q;
					break;
				}
			double g;
			widest_gap(l, last_anchor, k + 1, &g);
			size_t cut;
			if (g < 0.3 * h) {
				/* No gap between: the number cell wrapped, or
				 * text laid out with spaces that keeps no blank
				 * line between rows. */
				if (number_wrapped(w, l, last_anchor, k, &t))
					continue;
				if (grid) {
					cut = tight_cut(w, l, prev, last_anchor, k, &t);
				} else {
					cut = name_gap(w, l, last_anchor, k + 1, &t, &g);
					if (g < 0.3 * h)
						continue;
				}
			} else {
				cut = widest_gap(l, last_anchor, k + 1, &g);
				/* A row split over pages: the lines at the top of
				 * the next page above a gap before the next row
				 * end the last row, as after a repeated header. */
				double g2 = 0;
				size_t c2 = cut < k && l[cut].page != l[cut - 1].page
				                    ? widest_gap(l, cut, k + 1, &g2)
				                    : cut;
				if (c2 > cut && c2 <= k && g2 > 0.3 * h)
					cut = c2;
			}
			if (cut > k)
				cut = k;
			unsigned long mask = 0, down = 0;
			char *stext[MAXCOLS] = {0}, *above[MAXCOLS] = {0};
			if (exact && !grid)
				straddles(w, l, prev, cut, end, k, &t, h, &mask, &down, stext,
				          above);
			size_t n0 = out->n;
			emit_row(w, l, prev, cut, &t, tables, &tabrow, space, out);
			row_lines_add(&rl, out->n - head_row - 1, prev, cut);
			if (out->n > n0) {
				take_straddle(&out->v[n0], pending, pdown, ptext);
				take_straddle(&out->v[n0], mask & ~down, 0, stext);
				take_straddle(&out->v[n0], down, down, above);
			}
			for (int c = 0; c < MAXCOLS; c++) {
				free(ptext[c]);
				free(above[c]);
				ptext[c] = stext[c];
			}
			pending = mask;
			pdown = down;
			prev = cut;
		}
		size_t n0 = out->n;
		emit_row(w, l, prev, end, &t, tables, &tabrow, space, out);
		row_lines_add(&rl, out->n - head_row - 1, prev, end);
		if (out->n > n0)
			take_straddle(&out->v[n0], pending, pdown, ptext);
		for (int c = 0; c < MAXCOLS; c++) {
			free(ptext[c]);
			ptext[c] = NULL;
		}
		pending = 0;
		last_row = out->n - 1 > head_row ? out->n - 1 : (size_t)-1;
		if (exact && !grid)
			spread_merged(w, l, b, end, out, head_row, &rl, &t, h);
		free(rl.from);
		free(rl.to);
		unit_from_name(out, head_row, &t);
		merged_doubt(out, head_row, &t);
		i = end == e ? next_band : end; /* the caption: the header's */
	}
	table_free(&t);
	for (int c = 0; c < prev_ncol; c++)
		free(prev_head[c]);
	free(prev_head);
	free(l);
	return found;
}

bool pword_rows(struct pword *w, size_t n, struct rows *out, struct lines *text)
{
	return rows_of_words(w, n, out, text, false, false);
}

/* The page's number alone at its margin ("3", "Trang 3", "3/12"). */
static bool lone_page_no(const char *s, int page)
{
	return plain_page_number(s) && atoi(s + strcspn(s, "0123456789")) == page + 1;
}

/* The pages' lines: page p's are lines [at[p], at[p + 1]). */
struct page_lines {
	const struct pword *w;
	const struct pline *l;
	size_t *at;
	int np;
	double h;
};

/* Line k, r lines from its page's top (top) or foot, is set at the same
 * place on every other page, the same but for the page's number. */
static bool on_every_page(const struct page_lines *pl, size_t k, size_t r, bool top)
{
	const struct pline *a = &pl->l[k];
	char *s = line_text(pl->w, a), *key = pdf_without_page_no(s, a->page);
	bool same = *key && pl->np > 1;
	for (int p = 0; p < pl->np && same; p++) {
		size_t from = pl->at[p], to = pl->at[p + 1];
		if (p == a->page)
			continue;
		same = to - from > r;
		if (!same)
			break;
		const struct pline *b = &pl->l[top ? from + r : to - 1 - r];
		char *t = line_text(pl->w, b), *k2 = pdf_without_page_no(t, p);
		same = !strcmp(key, k2) && fabs(b->y0 + b->y1 - a->y0 - a->y1) / 2 < pl->h;
		free(t);
		free(k2);
	}
	free(s);
	free(key);
	return same;
}

/* Line k (r lines from its page's top or foot) is page furniture: a
 * browser's margin (the date, the page's address), the page's number
 * alone, or a running header or footer on every page; never a line of a
 * table's header words. */
static bool furniture(const struct page_lines *pl, size_t k, size_t r, bool top)
{
	char *s = line_text(pl->w, &pl->l[k]);
	bool yes = header_line(pl->w, &pl->l[k], false) < 0 &&
	           (plain_print_margin(s) || lone_page_no(s, pl->l[k].page) ||
	            on_every_page(pl, k, r, top));
	free(s);
	return yes;
}

/* The words of w[0..n) (sorted by lines, each word numbered with its
 * line) but those of the pages' furniture, up to two lines at the top and
 * the foot of each page, into kept; returns how many. A running footer
 * after a table's last row on a page would be read into that row. */
static size_t drop_furniture(struct pword *w, size_t n, struct pword *kept)
{
	double h, cw;
	metrics(w, n, &h, &cw);
	struct pline *l = NULL;
	size_t nl = make_lines(w, n, h, &l);
	int np = nl ? l[nl - 1].page + 1 : 0;
	struct page_lines pl = {w, l, xcalloc((size_t)np + 1, sizeof *pl.at), np, h};
	for (size_t i = 0, p = 0; p <= (size_t)np; p++) {
		while (i < nl && l[i].page < (int)p)
			i++;
		pl.at[p] = i;
	}
	bool *drop = xcalloc(nl ? nl : 1, sizeof *drop);
	for (int p = 0; p < np; p++) {
		size_t from = pl.at[p], to = pl.at[p + 1];
		for (size_t r = 0; r < 2 && from + r < to && furniture(&pl, from + r, r, true); r++)
			drop[from + r] = true;
		for (size_t r = 0; r < 2 && to - r > from && !drop[to - 1 - r] &&
		                   furniture(&pl, to - 1 - r, r, false);
		     r++)
			drop[to - 1 - r] = true;
	}
	size_t m = 0;
	for (size_t i = 0; i < nl; i++)
		for (size_t k = l[i].from; k < l[i].to; k++) {
			w[k].line = w[k].line > 0 ? w[k].line : l[i].no;
			if (!drop[i])
				kept[m++] = w[k];
		}
	free(drop);
	free(pl.at);
	free(l);
	return m;
}

bool pdf_word_rows(struct pword *w, size_t n, struct rows *out, struct lines *text)
{
	struct pword *kept = xmalloc((n ? n : 1) * sizeof *kept);
	size_t m = drop_furniture(w, n, kept);
	bool found = rows_of_words(kept, m, out, text, false, true);
	free(kept);
	return found;
}

/* Each cell whose reading is a guess (row.doubt, row.straddle,
 * row.merged) flagged in p. */
void pword_flag(const struct rows *r, struct plan *p)
{
	for (size_t i = 0; p && i < r->n; i++)
		for (int c = 0; c < r->v[i].ncell && c < MAXCOLS; c++) {
			const struct row *v = &r->v[i];
			const char *m =
			        v->doubt >> c & 1
			                ? "Ô này trong văn bản chép từ PDF dính vào ô bên cạnh "
			                  "(các "
			                  "ô của hàng bị dồn lại, lệch khỏi tiêu đề cột): đọc có "
			                  "thể sai, cần đối chiếu với văn bản"
			        : v->straddle >> c & 1
			                ? "Ô này trong bảng không kẻ của PDF trải qua ranh giới "
			                  "hai "
			                  "hàng (có thể là ô gộp chung hai hàng) nên được đọc cho "
			                  "cả hai hàng: cần đối chiếu với văn bản"
			        : v->spread >> c & 1
			                ? "Ô này trong bảng không kẻ của PDF để trống, cạnh một ô "
			                  "đặt giữa nhiều hàng: đọc là ô gộp chung các hàng đó, "
			                  "nhưng cũng có thể trống thật, cần đối chiếu với văn bản"
			        : v->merged >> c & 1
			                ? "Ô này trống trong bảng của PDF trong khi các hàng khác "
			                  "đều ghi: có thể là ô gộp chung với hàng bên cạnh, cần "
			                  "đối chiếu với văn bản"
			        : v->yearpack >> c & 1
			                ? "Ô này nằm dưới một trong các cột năm có tiêu đề chép "
			                  "liền nhau, ở hàng không ghi đủ ô của các năm đó: số "
			                  "có thể thuộc năm bên cạnh, cần đối chiếu với văn bản"
			                : NULL;
			if (m)
				plan_warn_cell(p, v->first, c + 1, "%s", m);
		}
}

/* The length of a row's number ("III.1", "2.10": a roman number or
 * digits, then dotted numbers) that the n bytes of s start with, packed
 * against a word after it ("III.1học", "II.10(chăm"); 0 when none. */
static size_t glued_number(const char *s, size_t n)
{
	size_t k = strspn(s, "IVXLC");
	if (!k)
		k = strspn(s, "0123456789");
	if (!k || k >= n)
		return 0;
	size_t groups = 0;
	while (k + 1 < n && s[k] == '.' && isdigit((unsigned char)s[k + 1])) {
		k++;
		while (k < n && isdigit((unsigned char)s[k]))
			k++;
		groups++;
	}
	unsigned char c = k < n ? (unsigned char)s[k] : 0;
	return groups && (isalpha(c) || c >= 0x80 || c == '(') ? k : 0;
}

bool layout_rows(const struct lines *src, struct rows *out, struct plan *p)
{
	struct pword *w = NULL;
	size_t n = 0, cap = 0;
	int page = 0;
	for (size_t i = 0; i < src->n; i++) {
		const char *s = src->v[i];
		while (*s == '\f') {
			page++;
			s++;
		}
		if (plain_print_margin(s))
			continue;
		size_t col = 0;
		while (*s) {
			if (*s == ' ' || *s == '\t') {
				col += *s == '\t' ? 8 - col % 8 : 1;
				s++;
				continue;
			}
			size_t k = strcspn(s, " \t");
			/* a line's first word holding a row's number and the
			 * name's first word packed ("III.1học"): two words */
			size_t code = w && n && w[n - 1].line == (int)i + 1 ? 0 : glued_number(s, k);
			if (code) {
				w = xgrow(w, &cap, n + 1, sizeof *w);
				w[n] = (struct pword){.s = xstrndup(s, code),
				                      .x0 = (double)col,
				                      .x1 = (double)(col + code),
				                      .y0 = (double)i,
				                      .y1 = (double)i + 1,
				                      .page = page,
				                      .line = (int)i + 1};
				n++;
				col += code;
				s += code;
				k -= code;
			}
			char *word = xstrndup(s, k);
			size_t len = text_len(word);
			w = xgrow(w, &cap, n + 1, sizeof *w);
			w[n].s = word;
			w[n].x0 = (double)col;
			w[n].x1 = (double)(col + len);
			w[n].y0 = (double)i;
			w[n].y1 = (double)i + 1;
			w[n].page = page;
			w[n].line = (int)i + 1;
			n++;
			col += len;
			s += k;
		}
	}
	struct rows rows = {0};
	bool found = rows_of_words(w, n, &rows, NULL, true, true);
	for (size_t i = 0; i < n; i++)
		free(w[i].s);
	free(w);
	if (found) {
		pword_flag(&rows, p);
		*out = rows;
	} else {
		rows_free(&rows);
	}
	return found;
}

/* A line of a row set in columns (a gap of three spaces or more between
 * two of its words) that runs to within WRAP_SLACK characters of the
 * page's widest line, and starts past the left margin or with a row's
 * number: the line after it, starting at the left margin with a word that
 * is no row number and no header's, goes on with its last cell, wrapped at
 * the page's edge. A table's own cells wrap inside their column: the
 * number column at the left margin holds numbers alone, and a first column
 * of text wraps under a line starting there with text too. */
#define WRAP_SLACK 12

/* Characters of s up to its last one that is no space. */
static size_t shown_len(const char *s)
{
	size_t n = 0, shown = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xc0) != 0x80) {
			n++;
			if (*s != ' ')
				shown = n;
		}
	return shown;
}

static bool edge_row_line(const char *s, size_t width)
{
	const char *t = s + strspn(s, " ");
	if (!*t || shown_len(s) + WRAP_SLACK < width)
		return false;
	if (t == s) {
		size_t k = strcspn(t, " ");
		char *first = xstrndup(t, k);
		bool code = code_like(first);
		free(first);
		if (!code)
			return false;
	}
	const char *g = strstr(t, "   ");
	return g && g[strspn(g, " ")];
}

static bool edge_wrap_start(const char *s)
{
	if (!*s || *s == ' ')
		return false;
	size_t k = strcspn(s, " ");
	char *first = xstrndup(s, k);
	char *f = text_fold(first);
	bool no = !code_like(first) && !header_number_word(f);
	free(f);
	free(first);
	return no;
}

int layout_wrapped(const struct lines *l, size_t rows)
{
	size_t hits = 0;
	int first = 0;
	for (size_t i = 0; i < l->n;) {
		/* a page: up to the next form feed */
		size_t e = i + 1, width = 0;
		while (e < l->n && l->v[e][0] != '\f')
			e++;
		for (size_t k = i; k < e; k++) {
			size_t w = shown_len(l->v[k] + strspn(l->v[k], "\f"));
			if (w > width)
				width = w;
		}
		for (size_t k = i + 1; k < e; k++)
			if (edge_wrap_start(l->v[k]) &&
			    edge_row_line(l->v[k - 1] + strspn(l->v[k - 1], "\f"), width) &&
			    !hits++)
				first = (int)k + 1;
		i = e;
	}
	return hits > 1 && hits * 10 > rows ? first : 0;
}
