/* celltext.c: a plan saved as plain text by a word processor (LibreOffice's
 * "save as text", a table copied cell by cell): each cell of a table on a
 * line of its own, an empty cell an empty line, a cell of several
 * paragraphs several lines, a cell merged over columns written once.
 *
 * The header's cells (a run of short lines naming columns: "STT", "Chỉ
 * tiêu", "Đơn vị tính" ...) give the table's width and each column's kind;
 * a second header row of years under a merged "Mục tiêu các năm" widens
 * it. Then row by row:
 * - a row starts with its number, the one expected next ("2" after "1",
 *   "II" or "B" for the next group, "1.3", "a)", "-"), or, in a table with
 *   no number column, where the one before ends;
 * - a row of as many lines as the table has columns, each line fitting its
 *   column's kind, is read as it stands;
 * - a shorter one holding only a number and a name is a group row (its name
 *   merged over the other columns);
 * - a longer one (cells of several paragraphs) is rebuilt when exactly one
 *   way of giving the extra lines to cells fits the columns' kinds (a
 *   name's second paragraph, a second agency under an agency);
 * - any other row keeps its number and name, loses its other cells, and a
 *   warning names it: never a figure in the wrong cell.
 * Lines outside tables are text rows, for the interpreter's usual rules. */
#include "table.h"

#include "target.h"
#include "text.h"
#include "util.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXCOLS    40  /* columns of a table, at most */
#define HEAD_CELL  100 /* a header cell's bytes, at most */
#define EXTRA      16  /* extra lines (paragraphs) a row may have */
#define BAD        3   /* a line that does not fit its column */
#define NEVER      1000
#define MAX_TABLES 200

struct table {
	int n; /* columns */
	enum head_kind kind[MAXCOLS];
	int name;            /* the name column, or -1 */
	bool stt;            /* column 0 is the row's number */
	char *head[MAXCOLS]; /* the header's first row as written */
	enum head_kind hkind[MAXCOLS];
	int nhead, hname; /* its lines, its name column */
};

/* The numbers seen so far, to know which one may start the next row. */
struct numbering {
	bool first; /* no row yet under this header */
	int num;    /* the last top-level number ("3", "3.", "3)") */
	int group;  /* the last group's ordinal (I, II / A, B / 1., 2.) */
};

static const char *line(const struct lines *l, size_t i)
{
	return i < l->n ? l->v[i] : "";
}

static bool blank(const char *s)
{
	return s[strspn(s, " \t\xc2\xa0")] == '\0' || !strcmp(s, "\xef\xbb\xbf");
}

/* The line without its byte order mark and edge spaces, in buf. */
static const char *trimmed(const char *s, char *buf, size_t cap)
{
	if (!strncmp(s, "\xef\xbb\xbf", 3))
		s += 3;
	s += strspn(s, " \t");
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n >= cap)
		n = cap - 1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	return buf;
}

enum stt { S_NO, S_DASH, S_NUM, S_GROUP, S_SUB, S_LETTER };

/* A row's number alone on its line: "3", "3.", "3)", "(3)" (NUM, *v 3);
 * "II", "II.", "B" (GROUP, *v its ordinal); "I.1", "2.3", "1.2.1" (SUB);
 * "a)", "b." (LETTER); "-", "+" (DASH); else NO. A 4-digit number is a
 * figure, not a row's number. */
static enum stt read_stt(const char *raw, int *v)
{
	char s[24];
	*v = 0;
	if (strlen(raw) >= sizeof s)
		return S_NO;
	trimmed(raw, s, sizeof s);
	if (!strcmp(s, "-") || !strcmp(s, "+") || !strcmp(s, "*") || !strcmp(s, "\xe2\x80\x93") ||
	    !strcmp(s, "\xe2\x80\xa2"))
		return S_DASH;
	size_t n = strlen(s);
	if (!n)
		return S_NO;
	if (s[0] == '(' && s[n - 1] == ')') { /* "(3)" */
		memmove(s, s + 1, n - 2);
		s[n - 2] = '\0';
		n -= 2;
	} else if (n > 1 && (s[n - 1] == '.' || s[n - 1] == ')')) {
		s[--n] = '\0';
	}
	if (!n)
		return S_NO;
	if (n == 1 && islower((unsigned char)s[0]))
		return S_LETTER;
	if (!strcmp(s, "\xc4\x91")) /* "đ)" */
		return S_LETTER;
	int parts = 0;
	for (char *p = s; *p;) {
		size_t k = strcspn(p, ".");
		if (!k || k > 5)
			return S_NO;
		char part[8];
		memcpy(part, p, k);
		part[k] = '\0';
		int r = parts == 0 ? text_roman(part) : 0;
		if (strspn(part, "0123456789") == k) {
			if (k > 3)
				return S_NO;
			if (!parts)
				*v = atoi(part);
		} else if (r) {
			*v = r;
		} else if (!parts && k == 1 && part[0] >= 'A' && part[0] <= 'Z') {
			*v = part[0] - 'A' + 1;
		} else {
			return S_NO;
		}
		parts++;
		p += k;
		if (*p == '.')
			p++;
	}
	if (parts > 1)
		return S_SUB;
	return isdigit((unsigned char)s[0]) ? S_NUM : S_GROUP;
}

int celltext_row_number(const char *s, int *v)
{
	return (int)read_stt(s, v);
}

/* A row's number that may come next. */
static bool next_stt(const struct numbering *nb, const char *s)
{
	int v;
	enum stt k = read_stt(s, &v);
	if (k == S_NO)
		return false;
	if (nb->first || k == S_DASH || k == S_SUB || k == S_LETTER)
		return true;
	if (k == S_NUM)
		return v == 1 || v == nb->num + 1;
	return v == 1 || v == nb->group + 1 || !nb->group; /* a table continued */
}

static void count_stt(struct numbering *nb, const char *s)
{
	int v;
	enum stt k = read_stt(s, &v);
	nb->first = false;
	if (k == S_NUM)
		nb->num = v;
	else if (k == S_GROUP)
		nb->group = v, nb->num = 0;
}

/* ---- how well a line fits a column ---- */

static bool number_like(const char *s)
{
	struct target t;
	target_parse(s, NULL, &t);
	bool yes = t.kind == TARGET_NUMBER || t.kind == TARGET_RANGE;
	target_free(&t);
	return yes;
}

static bool value_like(const char *s)
{
	struct target t;
	target_parse(s, NULL, &t);
	bool yes = t.kind != TARGET_TEXT;
	target_free(&t);
	return yes;
}

/* What a cell of kind k holding line s costs: 0 fits, BAD does not. */
static int fit(enum head_kind k, const char *s)
{
	if (blank(s))
		return 0;
	size_t n = strlen(s);
	switch (k) {
	case HEAD_STT: {
		int v;
		return read_stt(s, &v) != S_NO ? 0 : NEVER;
	}
	case HEAD_NAME:
		return number_like(s) ? BAD : 0;
	case HEAD_UNIT:
		if (plain_unit(s))
			return 0;
		if (number_like(s) || plain_agency(s) || n > 60)
			return BAD;
		return text_case_start(s) == 0 ? 2 : 0; /* a name going on */
	case HEAD_VALUE:
	case HEAD_YEAR:
		if (value_like(s))
			return 0;
		if (plain_agency(s) || n > 200)
			return BAD;
		return text_case_start(s) == 0 ? 2 : 1;
	case HEAD_AGENCY:
		if (plain_agency(s))
			return 0;
		if (number_like(s) || plain_unit(s))
			return BAD;
		return text_case_start(s) == 0 ? 2 : 1;
	default:
		return text_case_start(s) == 0 ? 2 : 0; /* cells start in capitals */
	}
}

/* A paragraph that stops on a word joining it to more ("... Khoa học
 * và"): the cell goes on below. */
static bool unfinished(const char *s, size_t n)
{
	static const char *const joins[] = {"và", "của", "cho", "với", "các", "hoặc", "về"};
	size_t w = n;
	while (w && s[w - 1] != ' ')
		w--;
	for (size_t i = 0; i < sizeof joins / sizeof *joins; i++)
		if (n - w == strlen(joins[i]) && !strncmp(s + w, joins[i], n - w))
			return true;
	return false;
}

/* What a further paragraph s of a cell of kind k costs. */
static int more(enum head_kind k, const char *prev, const char *s)
{
	if (blank(s))
		return BAD;
	size_t n = strlen(prev);
	while (n && prev[n - 1] == ' ')
		n--;
	/* "Phòng A;" / "Phòng B": a list going on; "Phòng A và" / "B" */
	bool list = n && (prev[n - 1] == ';' || prev[n - 1] == ',' || unfinished(prev, n));
	switch (k) {
	case HEAD_STT:
	case HEAD_UNIT:
		return BAD;
	case HEAD_NAME:
		if (number_like(s))
			return BAD;
		return plain_agency(s) || (!list && text_case_start(s) == 1) ? 1 : 0;
	case HEAD_VALUE:
	case HEAD_YEAR:
		return value_like(s) ? 1 : text_case_start(s) == 0 ? 0 : 2;
	case HEAD_AGENCY:
		return list || text_case_start(s) == 0 ? 0 : plain_agency(s) ? 1 : 2;
	default:
		return text_case_start(s) == 0 ? 0 : 1;
	}
}

/* Cost of column c holding lines [a, a + len) of l. */
static int cell_cost(const struct table *t, const struct lines *l, int c, size_t a, size_t len)
{
	int cost = fit(t->kind[c], line(l, a));
	const char *last = line(l, a + len - 1);
	size_t n = strlen(last);
	if (n && last[n - 1] == ';' && t->kind[c] != HEAD_NAME)
		cost++; /* "Phòng A;": the list goes on below */
	for (size_t i = 1; i < len && cost < NEVER; i++)
		cost += more(t->kind[c], line(l, a + i - 1), line(l, a + i));
	return cost;
}

/* Running text, not a cell: "Nơi nhận:", "- UBND tỉnh;". */
static bool prose(const char *s)
{
	size_t n = strlen(s);
	while (n && s[n - 1] == ' ')
		n--;
	return (n && s[n - 1] == ':') || !strncmp(s, "- ", 2) || !strncmp(s, "+ ", 2);
}

/* Lines from p, one per column: whether each fits its column. */
static bool exact_fits(const struct table *t, const struct lines *l, size_t p)
{
	if (p + (size_t)t->n > l->n)
		return false;
	for (int c = 0; c < t->n; c++) {
		const char *s = line(l, p + (size_t)c);
		if (cell_cost(t, l, c, p + (size_t)c, 1) >= BAD ||
		    (c != t->name && t->kind[c] != HEAD_NOTE && prose(s)))
			return false;
	}
	return t->name < 0 || !blank(line(l, p + (size_t)t->name));
}

/* Lines [p, q), more lines than columns: the cheapest way to give each
 * column one or more of them, in order. Returns its cost with the lines
 * per column in len[], or NEVER when two ways cost the least. */
static int rebuild(const struct table *t, const struct lines *l, size_t p, size_t q, int *len)
{
	int m = (int)(q - p), n = t->n, e = m - n;
	/* best[c][x]: columns c.. holding lines p + c + x .. q; x extra used */
	static _Thread_local int best[MAXCOLS + 1][EXTRA + 1], ways[MAXCOLS + 1][EXTRA + 1],
	        pick[MAXCOLS + 1][EXTRA + 1];
	for (int x = 0; x <= e; x++) {
		best[n][x] = x == e ? 0 : NEVER;
		ways[n][x] = 1;
	}
	for (int c = n - 1; c >= 0; c--)
		for (int x = 0; x <= e; x++) {
			best[c][x] = NEVER;
			ways[c][x] = 0;
			for (int k = 0; x + k <= e; k++) {
				if (best[c + 1][x + k] >= NEVER)
					continue;
				int cost = cell_cost(t, l, c, p + (size_t)(c + x), (size_t)k + 1);
				if (cost >= NEVER)
					continue;
				cost += best[c + 1][x + k];
				if (cost < best[c][x]) {
					best[c][x] = cost;
					ways[c][x] = ways[c + 1][x + k];
					pick[c][x] = k;
				} else if (cost == best[c][x]) {
					ways[c][x] += ways[c + 1][x + k];
				}
				if (ways[c][x] > 2)
					ways[c][x] = 2;
			}
		}
	if (best[0][0] >= NEVER || ways[0][0] != 1)
		return NEVER;
	size_t at = p;
	for (int c = 0, x = 0; c < n; c++) {
		len[c] = pick[c][x] + 1;
		x += pick[c][x];
		if (cell_cost(t, l, c, at, (size_t)len[c]) >= BAD)
			return NEVER;
		at += (size_t)len[c];
	}
	return best[0][0];
}

/* ---- the header ---- */

static enum head_kind kind_of(const char *s)
{
	if (blank(s) || strlen(s) > HEAD_CELL)
		return HEAD_NONE;
	char buf[HEAD_CELL + 1];
	return header_cell_kind(trimmed(s, buf, sizeof buf));
}

static bool is_year(const char *s)
{
	return kind_of(s) == HEAD_YEAR;
}

static void table_free(struct table *t)
{
	for (int i = 0; i < t->nhead; i++)
		free(t->head[i]);
	memset(t, 0, sizeof *t);
}

/* A line naming two columns run together ("Chỉ tiêu Đơn vị tính"): a
 * header cell, then from a capital letter on another kind's. Such a
 * header is text pulled from a PDF without its layout, not a cell a line. */
static bool two_heads(const char *s)
{
	enum head_kind whole = kind_of(s);
	if (whole == HEAD_NONE)
		return false;
	for (const char *p = strchr(s, ' '); p; p = strchr(p + 1, ' ')) {
		if (text_case_start(p + 1) != 1 || p - s > HEAD_CELL)
			continue;
		char head[HEAD_CELL + 1];
		memcpy(head, s, (size_t)(p - s));
		head[p - s] = '\0';
		enum head_kind a = kind_of(head), b = kind_of(p + 1);
		if (a != HEAD_NONE && b != HEAD_NONE && a != b && b != HEAD_NOTE)
			return true;
	}
	return false;
}

/* A header at line i: a run of short lines naming columns, from its
 * number or name column, with a name column and two other known ones.
 * Fills t and returns the line after its first row, else 0. */
static size_t find_header(const struct lines *l, size_t i, struct table *t)
{
	memset(t, 0, sizeof *t);
	enum head_kind k0 = kind_of(line(l, i));
	if (k0 != HEAD_STT && k0 != HEAD_NAME)
		return 0;
	t->name = -1;
	size_t j = i;
	int known = 0;
	for (; j < l->n && t->n < MAXCOLS; j++) {
		enum head_kind k = kind_of(line(l, j));
		if (k == HEAD_NONE)
			break;
		if (two_heads(line(l, j))) {
			table_free(t);
			return 0;
		}
		if (k == HEAD_NAME && t->name >= 0)
			break; /* a second name: the header ended, or never began */
		if (k == HEAD_STT && j > i)
			break;
		if (k == HEAD_NAME)
			t->name = t->n;
		t->kind[t->n] = t->hkind[t->n] = k;
		t->head[t->n++] = xstrdup(line(l, j));
		t->nhead = t->n;
		known++;
	}
	if (t->name < 0 || known < 3) {
		table_free(t);
		return 0;
	}
	t->stt = t->kind[0] == HEAD_STT;
	t->hname = t->name;
	return j;
}

/* The header's first row again (a page's repeated header). */
static bool same_header(const struct table *t, const struct lines *l, size_t i)
{
	for (int c = 0; c < t->nhead; c++) {
		char a[HEAD_CELL + 1], b[HEAD_CELL + 1];
		if (strlen(line(l, i + (size_t)c)) > HEAD_CELL ||
		    strcmp(trimmed(line(l, i + (size_t)c), a, sizeof a),
		           trimmed(t->head[c], b, sizeof b)))
			return false;
	}
	return true;
}

static struct row *add_row(struct rows *out, const struct lines *l, size_t from, int n, int table)
{
	struct row *r = rows_add(out, (int)from + 1);
	for (int c = 0; c < n; c++) {
		const char *s = line(l, from + (size_t)c);
		row_add_cell(r, s, strlen(s));
	}
	r->last = (int)from + n;
	r->table = table;
	return r;
}

/* The header's second row: under a cell merged over several columns
 * ("Mục tiêu các năm"), the years; under the others an empty line. Widens
 * t and writes both rows to out; returns the line after it (i when there
 * is none, and then writes the first row alone). */
static size_t second_row(const struct lines *l, size_t i, struct table *t, struct rows *out,
                         int table, size_t head)
{
	size_t j = i;
	int years = 0;
	while (j < l->n && j - i < MAXCOLS && (blank(line(l, j)) || is_year(line(l, j))))
		years += !blank(line(l, j++));
	/* the empties after the years may be the first row's own cells */
	int k = t->nhead, span[MAXCOLS] = {0}, c = 0;
	t->n = k;
	t->name = t->hname;
	memcpy(t->kind, t->hkind, sizeof t->kind);
	size_t end = i;
	if (years >= 2) {
		for (size_t m = i; m < j && c <= k; m++) {
			if (blank(line(l, m))) {
				if (c < k)
					span[c] = 1;
				c++;
			} else {
				if (c < k)
					span[c]++;
				if (m + 1 >= j || blank(line(l, m + 1)))
					c++;
			}
			if (c == k) {
				end = m + 1;
				break;
			}
		}
	}
	struct row *r = rows_add(out, (int)head + 1);
	r->table = table;
	r->last = (int)i;
	if (end == i) {
		for (int m = 0; m < k; m++)
			row_add_cell(r, t->head[m], strlen(t->head[m]));
		if (years < 2 || j - i != (size_t)k)
			return i;             /* no second row */
		add_row(out, l, i, k, table); /* years under cells of their own */
		return j;
	}
	int n = 0;
	enum head_kind kind[MAXCOLS];
	for (int m = 0; m < k; m++)
		for (int s = 0; s < span[m] && n < MAXCOLS; s++) {
			kind[n] = span[m] > 1 ? HEAD_VALUE : t->hkind[m];
			if (m == t->hname && s == 0)
				t->name = n;
			n++;
			row_add_cell(r, t->head[m], strlen(t->head[m]));
		}
	memcpy(t->kind, kind, sizeof kind);
	t->n = n;
	add_row(out, l, i, n, table);
	return i + (size_t)n;
}

/* "1", "2" ... under the header, one per column: skipped. */
static bool numbering_row(const struct table *t, const struct lines *l, size_t i)
{
	for (int c = 0; c < t->n; c++) {
		char buf[16];
		const char *s = line(l, i + (size_t)c);
		if (strlen(s) >= sizeof buf)
			return false;
		trimmed(s, buf, sizeof buf);
		size_t n = strlen(buf);
		if (n > 2 && buf[0] == '(' && buf[n - 1] == ')')
			memmove(buf, buf + 1, n - 2), buf[n - 2] = '\0';
		if (atoi(buf) != c + 1 || strspn(buf, "0123456789") != strlen(buf))
			return false;
	}
	return true;
}

/* A group row of a table with no number column: "II. ĐỔI MỚI SÁNG TẠO". */
static bool text_group_line(const char *s)
{
	char code[16];
	size_t k = strcspn(s, " ");
	if (!s[k] || k >= sizeof code)
		return false;
	memcpy(code, s, k);
	code[k] = '\0';
	int v;
	return read_stt(code, &v) == S_GROUP;
}

/* The row's number and name, in a warning. */
static void warn_row(struct plan *p, const struct table *t, const struct lines *l, size_t at,
                     size_t m, const char *why)
{
	char a[24];
	const char *stt = t->stt ? trimmed(line(l, at), a, sizeof a) : "";
	const char *name = t->name >= 0 ? line(l, at + (size_t)t->name) : "";
	plan_warn(p, (int)at + 1,
	          "Hàng \"%s%s%.60s\" (%zu dòng cho %d cột): %s; chỉ giữ số thứ tự, tên và đơn vị, "
	          "các ô khác bỏ trống, hãy nhập lại theo văn bản",
	          stt, *stt ? " " : "", name, m, t->n, why);
}

/* A row kept with its number and name only. */
static struct row *flagged_row(struct rows *out, const struct table *t, const struct lines *l,
                               size_t p, size_t q, int table)
{
	struct row *r = rows_add(out, (int)p + 1);
	r->table = table;
	r->last = (int)q;
	for (int c = 0; c < t->n; c++) {
		const char *s = c <= t->name && p + (size_t)c < q ? line(l, p + (size_t)c) : "";
		/* a row of data keeps its unit when it reads as one, so that
		 * it stays an indicator, not a group's heading */
		if (c == t->name + 1 && t->kind[c] == HEAD_UNIT && q - p >= (size_t)t->n &&
		    !blank(line(l, p + (size_t)c)) && strlen(line(l, p + (size_t)c)) <= 40 &&
		    fit(HEAD_UNIT, line(l, p + (size_t)c)) == 0)
			s = line(l, p + (size_t)c);
		row_add_cell(r, s, strlen(s));
	}
	return r;
}

/* A table's header starts at line i. */
static bool header_at(const struct lines *l, size_t i)
{
	struct table t;
	bool yes = find_header(l, i, &t) != 0;
	table_free(&t);
	return yes;
}

/* A row may start at line q: a row as wide as the table, a group row,
 * the text's end or a header. */
static bool row_ahead(const struct table *t, const struct lines *l, size_t q)
{
	int v;
	enum stt k = read_stt(line(l, q), &v);
	return q >= l->n || header_at(l, q) || exact_fits(t, l, q) ||
	       (t->stt && k != S_NO && k != S_DASH && !blank(line(l, q + 1)) &&
	        !value_like(line(l, q + 1)));
}

/* A row rebuilt from lines [p, q): len[c] lines for column c. */
static struct row *rebuilt_row(struct rows *out, const struct lines *l, size_t p, size_t q, int n,
                               const int *len, int table)
{
	struct row *r = rows_add(out, (int)p + 1);
	r->table = table;
	r->last = (int)q;
	struct buf b = BUF_INIT;
	for (int c = 0, at = (int)p; c < n; at += len[c++]) {
		buf_reset(&b);
		for (int k = 0; k < len[c]; k++) {
			char *clean = text_clean(line(l, (size_t)(at + k)));
			if (b.len && *clean)
				buf_putc(&b, ' ');
			buf_puts(&b, clean);
			free(clean);
		}
		row_add_cell(r, buf_str(&b), b.len);
	}
	buf_free(&b);
	return r;
}

/* An agency's cell left empty under a filled one: Word wrote a cell
 * merged over several rows once, the rows under it empty. Filled from the
 * row above (a group row stops it), with a warning naming the row. */
static void fill_down(const struct table *t, struct row *r, const char **above, struct plan *p)
{
	bool data = false;
	for (int c = 0; c < t->n && c < r->ncell; c++)
		data |= c != t->name && t->kind[c] != HEAD_STT && *r->cell[c];
	int filled = 0;
	for (int c = 0; c < t->n && c < r->ncell; c++) {
		if (t->kind[c] != HEAD_AGENCY)
			continue;
		if (!data) {
			above[c] = NULL;
		} else if (*r->cell[c]) {
			above[c] = r->cell[c];
		} else if (above[c]) {
			free(r->cell[c]);
			r->cell[c] = xstrdup(above[c]);
			filled++;
		}
	}
	if (filled)
		plan_warn(p, r->first,
		          "Hàng \"%.60s\": ô cơ quan để trống, lấy theo hàng trên (ô gộp nhiều "
		          "hàng); hãy kiểm tra",
		          t->name >= 0 && t->name < r->ncell ? r->cell[t->name] : "");
}

/* The rows of the table whose header's first row is at line h (its
 * cells in t); returns the line after the table. */
static size_t table_rows(const struct lines *l, size_t h, struct table *t, struct rows *out,
                         struct plan *p, int table, int *last)
{
	size_t i = second_row(l, h + (size_t)t->nhead, t, out, table, h);
	struct numbering nb = {.first = true};
	const char *above[MAXCOLS] = {0};
	if (i + (size_t)t->n <= l->n && numbering_row(t, l, i))
		i += (size_t)t->n;
	size_t n = (size_t)t->n;
	while (i < l->n) {
		const char *s = line(l, i);
		if (same_header(t, l, i)) { /* the header repeated after a page break */
			i = second_row(l, i + (size_t)t->nhead, t, out, table, i);
			nb.first = true;
			continue;
		}
		bool start = t->stt ? next_stt(&nb, s) : !blank(s);
		if (!start && t->stt && blank(s) && !blank(line(l, i + 1)))
			start = exact_fits(t, l, i); /* a row with no number */
		if (!start)
			break;
		/* where the next row may start: its number, a header */
		size_t ends[EXTRA * 8];
		int nends = 0;
		struct numbering after = nb;
		count_stt(&after, s);
		for (size_t q = i + 1;
		     q <= i + n + EXTRA && nends < (int)(sizeof ends / sizeof *ends); q++) {
			bool head = q < l->n && header_at(l, q);
			if (q >= l->n || head || same_header(t, l, q) ||
			    (t->stt && next_stt(&after, line(l, q))))
				ends[nends++] = q;
			if (q >= l->n || head)
				break;
		}
		size_t q = 0;
		/* a row as wide as the table */
		bool fits_exact = exact_fits(t, l, i);
		bool end_exact = false;
		for (int e = 0; e < nends; e++)
			end_exact |= ends[e] == i + n;
		if (fits_exact && (end_exact || !t->stt || i + n >= l->n)) {
			fill_down(t, add_row(out, l, i, (int)n, table), above, p);
			count_stt(&nb, s);
			i += n;
			continue;
		}
		/* a group row: its number and name, merged over the rest */
		if (!t->stt && text_group_line(s) && !blank(line(l, i + 1))) {
			flagged_row(out, t, l, i, i + 1, table);
			i++;
			continue;
		}
		for (int e = 0; e < nends && !q; e++) {
			size_t m = ends[e] - i;
			if (m >= n)
				break;
			/* the name's cell, then empty cells or its own paragraphs */
			bool empty = true, going = true;
			for (size_t k = (size_t)t->name + 1; k < m; k++) {
				const char *x = line(l, i + k);
				empty &= blank(x);
				going &= !blank(x) && more(HEAD_NAME, line(l, i + k - 1), x) == 0;
			}
			if (t->name >= 0 && m > (size_t)t->name && (empty || going) &&
			    row_ahead(t, l, ends[e]))
				q = ends[e];
		}
		if (q) {
			size_t m = q - i;
			int len[MAXCOLS] = {0};
			for (int c = 0; c < t->n; c++)
				len[c] = c <= t->name ? 1 : 0;
			if (m > (size_t)t->name + 1 && !blank(line(l, i + (size_t)t->name + 1))) {
				/* a group's name in several paragraphs */
				len[t->name] += (int)(m - (size_t)t->name - 1);
				struct row *r = rebuilt_row(out, l, i, q, t->name + 1, len, table);
				while (r->ncell < t->n)
					row_add_cell(r, "", 0);
			} else {
				flagged_row(out, t, l, i, q, table);
			}
			count_stt(&nb, s);
			i = q;
			continue;
		}
		/* cells of several paragraphs: rebuilt when only one way fits and
		 * the next row starts right after */
		int len[MAXCOLS];
		for (int e = 0; e < nends && !q; e++)
			if (ends[e] > i + n && row_ahead(t, l, ends[e]) &&
			    (!fits_exact || (ends[e] < l->n && !header_at(l, ends[e]))) &&
			    rebuild(t, l, i, ends[e], len) < NEVER)
				q = ends[e];
		if (q)
			fill_down(t, rebuilt_row(out, l, i, q, t->n, len, table), above, p);
		if (q) {
			count_stt(&nb, s);
			i = q;
			continue;
		}
		/* the table's last row, its cells of several paragraphs, before
		 * running text ("Nơi nhận:") or the text's end: rebuilt when only
		 * one way fits, else named */
		size_t tail = 0;
		for (size_t e = i + n; !q && t->stt && !fits_exact && e <= i + n + EXTRA && e <= l->n;
		     e++) {
			if (e < l->n && (header_at(l, e) || same_header(t, l, e)))
				break;
			if (e < l->n && !prose(line(l, e)))
				continue;
			tail = e;
			if (rebuild(t, l, i, e, len) < NEVER)
				q = e;
			break;
		}
		if (q) {
			fill_down(t, rebuilt_row(out, l, i, q, t->n, len, table), above, p);
			count_stt(&nb, s);
			i = q;
			continue;
		}
		if (tail && !nends) {
			warn_row(p, t, l, i, tail - i,
			         "nhiều dòng hơn số cột (ô nhiều đoạn), không xếp chắc được");
			flagged_row(out, t, l, i, tail, table)->dropped = true;
			count_stt(&nb, s);
			i = tail;
			continue;
		}
		/* a row fitting two ways, the next one after it: named */
		for (int e = 0; e < nends && !q && t->stt; e++)
			if (ends[e] > i + n && ends[e] < l->n && !header_at(l, ends[e]) &&
			    row_ahead(t, l, ends[e]))
				q = ends[e];
		if (q) {
			warn_row(p, t, l, i, q - i,
			         "nhiều dòng hơn số cột (ô nhiều đoạn), xếp được nhiều cách");
			flagged_row(out, t, l, i, q, table)->dropped = true;
			count_stt(&nb, s);
			i = q;
			continue;
		}
		if (fits_exact) { /* the table's last row */
			/* its cells of several paragraphs when that fits better:
			 * the cheapest end before a blank line or a header */
			int exact = 0, best = NEVER, bestlen[MAXCOLS];
			for (int c = 0; c < t->n; c++)
				exact += cell_cost(t, l, c, i + (size_t)c, 1);
			size_t at = 0;
			for (size_t e = i + n + 1; exact && e <= i + n + EXTRA && e <= l->n; e++) {
				if (blank(line(l, e - 1)) || header_at(l, e - 1))
					break;
				int cost = rebuild(t, l, i, e, len);
				if (cost < best)
					best = cost, at = e, memcpy(bestlen, len, sizeof len);
				else if (cost == best)
					at = 0; /* two ends as good: none */
			}
			struct row *r;
			if (at && best < exact) {
				r = rebuilt_row(out, l, i, at, t->n, bestlen, table);
				i = at;
			} else {
				r = add_row(out, l, i, (int)n, table);
				i += n;
			}
			fill_down(t, r, above, p);
			count_stt(&nb, s);
			*last = r->first;
			continue;
		}
		/* anything else: named in a warning, never a figure guessed */
		if (!t->stt)
			break; /* a table with no numbers ends where rows stop fitting */
		q = 0;         /* the row ends where the next one may start, past its width */
		for (int e = 0; e < nends && !q; e++)
			if (ends[e] >= i + n && ends[e] < l->n && row_ahead(t, l, ends[e]))
				q = ends[e];
		for (int e = 0; e < nends && !q; e++)
			if (ends[e] > i + 1 && ends[e] < l->n && row_ahead(t, l, ends[e]))
				q = ends[e];
		if (!q)
			break;
		size_t m = q - i;
		warn_row(p, t, l, i, m,
		         m < n ? "ít dòng hơn số cột (ô gộp?), không biết ô nào thuộc cột nào"
		               : "nhiều dòng hơn số cột (ô nhiều đoạn), không xếp chắc được");
		flagged_row(out, t, l, i, q, table)->dropped = true;
		count_stt(&nb, s);
		i = q;
	}
	return i;
}

bool celltext_rows(const struct lines *l, struct rows *out, struct plan *p)
{
	bool found = false;
	int tables = 0;
	for (size_t i = 0; i < l->n;) {
		struct table t;
		size_t next = tables < MAX_TABLES ? find_header(l, i, &t) : 0;
		if (!next) {
			if (!blank(line(l, i))) {
				struct row *r = rows_add(out, (int)i + 1);
				r->text = true;
				row_add_cell(r, line(l, i), strlen(line(l, i)));
			}
			i++;
			continue;
		}
		size_t before = out->n;
		int last = 0;
		size_t end = table_rows(l, i, &t, out, p, ++tables, &last);
		found |= out->n > before + 2;
		if (end < l->n && end > i && !blank(line(l, end)) &&
		    (plain_agency(line(l, end)) || number_like(line(l, end))) &&
		    strlen(line(l, end)) < 80)
			plan_warn(p, last ? last : (int)end + 1,
			          "Dòng %zu \"%.60s\" ngay sau bảng có thể là ô của hàng cuối bảng "
			          "(hàng này); hãy kiểm tra hàng đó",
			          end + 1, line(l, end));
		table_free(&t);
		i = end > i ? end : i + 1;
	}
	return found;
}

/* ---- the same for tab-separated and '|' rows (rows.c) ---- */

/* The header's second row under a cell merged over the year columns: in
 * Word's export the year row has an empty cell under each other column;
 * copied from a browser it has the years alone. The header's row widened
 * to match, so each year has its column. */
static void widen(struct row *h, struct row *y)
{
	int years = 0, blanks = 0;
	for (int c = 0; c < y->ncell; c++) {
		if (blank(y->cell[c]))
			blanks++;
		else if (is_year(y->cell[c]))
			years++;
		else
			return;
	}
	if (years < 2 || y->ncell > MAXCOLS || (blanks && y->ncell <= h->ncell) ||
	    h->ncell + years > MAXCOLS)
		return;
	int span[MAXCOLS] = {0}, c = 0, k = h->ncell;
	if (blanks == 0) { /* browser: the one merged cell naming no year */
		int at = -1;
		for (int m = 0; m < k; m++)
			if (kind_of(h->cell[m]) == HEAD_VALUE && !strpbrk(h->cell[m], "0123456789"))
				at = at < 0 ? m : -2;
		if (at < 0)
			return;
		for (int m = 0; m < k; m++)
			span[m] = m == at ? years : 1;
	} else {
		for (int m = 0; m < y->ncell && c < k; m++) {
			span[c]++;
			if (blank(y->cell[m]) || m + 1 >= y->ncell || blank(y->cell[m + 1]))
				c++;
		}
		if (c != k)
			return;
	}
	char **cell = xcalloc(MAXCOLS, sizeof *cell), **ycell = xcalloc(MAXCOLS, sizeof *ycell);
	int n = 0, yn = 0;
	for (int m = 0; m < k; m++)
		for (int s = 0; s < span[m] && n < MAXCOLS; s++) {
			cell[n++] = xstrdup(h->cell[m]);
			if (blanks == 0)
				ycell[yn++] = xstrdup(span[m] > 1 ? y->cell[s] : "");
		}
	for (int m = 0; m < h->ncell; m++)
		free(h->cell[m]);
	free(h->cell);
	h->cell = cell;
	h->ncell = n;
	if (blanks == 0) {
		for (int m = 0; m < y->ncell; m++)
			free(y->cell[m]);
		free(y->cell);
		y->cell = ycell;
		y->ncell = yn;
	} else {
		free(ycell);
	}
}

/* A header row of r: its columns' kinds in t (names not kept). */
static bool row_header(const struct row *r, struct table *t)
{
	memset(t, 0, sizeof *t);
	t->name = -1;
	if (r->text || r->ncell < 3 || r->ncell > MAXCOLS)
		return false;
	int known = 0;
	for (int c = 0; c < r->ncell; c++) {
		t->kind[c] = kind_of(r->cell[c]);
		known += t->kind[c] != HEAD_NONE;
		if (t->kind[c] == HEAD_NAME && t->name < 0)
			t->name = c;
	}
	t->n = r->ncell;
	t->stt = t->kind[0] == HEAD_STT;
	return t->name >= 0 && t->name <= 2 && known >= 3;
}

/* The rows after header row i of a table of figures: an agency's cell
 * merged over rows is empty below its first row in Word's export and has
 * no cell there copied from a browser (the row's cells stop short); filled
 * from the row above, with a warning naming the row (fill_down). */
static void merged_agencies(struct rows *r, size_t i, const struct table *h, struct plan *p)
{
	bool figures = false;
	for (int c = 0; c < h->n; c++)
		figures |= h->kind[c] == HEAD_VALUE || h->kind[c] == HEAD_YEAR;
	if (!figures)
		return;
	const char *above[MAXCOLS] = {0};
	for (size_t j = i + 1; j < r->n && !r->v[j].text; j++) {
		struct row *row = &r->v[j];
		struct table again;
		if (row_header(row, &again) || row->ncell > h->n)
			break;
		/* a row of figures; a row of text alone (a cell's lines wrapped
		 * on to a row of their own) goes on the row above: left as is */
		bool data = false, text = false;
		for (int c = 0; c < row->ncell; c++) {
			enum head_kind k = h->kind[c];
			bool full = !blank(row->cell[c]);
			data |= full && (k == HEAD_VALUE || k == HEAD_YEAR || k == HEAD_UNIT);
			text |= full && c != h->name && k != HEAD_STT;
		}
		if (text && !data)
			continue;
		while (data && row->ncell < h->n)
			row_add_cell(row, "", 0);
		fill_down(h, row, above, p);
	}
}

void celltext_mend_rows(const struct lines *l, struct rows *r, struct plan *p)
{
	for (size_t i = 0; i + 1 < r->n; i++) {
		struct row *row = &r->v[i];
		struct table h;
		/* tab rows only: a '|' rendering writes a merged cell's columns */
		if (row_header(row, &h) && !r->v[i + 1].text && row->first >= 1 &&
		    (size_t)row->first <= l->n && strchr(l->v[row->first - 1], '\t') &&
		    !strchr(l->v[row->first - 1], '|')) {
			widen(row, &r->v[i + 1]);
			if (row_header(row, &h))
				merged_agencies(r, i, &h, p);
		}
	}
}

int celltext_header_line(const struct lines *l)
{
	for (size_t i = 0; i < l->n; i++) {
		struct table t;
		bool yes = find_header(l, i, &t) != 0;
		table_free(&t);
		if (yes)
			return (int)i + 1;
	}
	return 0;
}

/* A line that starts an agency's name: its first words an agency's
 * ("Sở ...", "Phòng ..."), "Các" before a word in lower case (a list of
 * them: "Các sở, ban, ngành"), or a place's level before an agency's
 * word ("Tỉnh Đoàn", "Huyện Hội ..."). */
static bool agency_line(const char *s)
{
	static const char *const levels[] = {"Tỉnh ", "Huyện ", "Thành ", "Thị ", "Xã ", "Phường "};
	if (plain_agency(s))
		return true;
	if (!strncmp(s, "Các ", 4) && text_case_start(s + 4) == 0)
		return true;
	for (size_t i = 0; i < sizeof levels / sizeof *levels; i++)
		if (!strncmp(s, levels[i], strlen(levels[i])))
			return plain_agency(s + strlen(levels[i]));
	return false;
}

/* Whether line s goes on the line prev before it (one name wrapped): s in
 * lower case, or prev ending in a hyphen or a joining word. */
static bool goes_on(const char *prev, const char *s)
{
	size_t n = strlen(prev);
	const char *dash[] = {"-", "\xe2\x80\x93", "\xe2\x80\x94"};
	for (size_t i = 0; i < sizeof dash / sizeof *dash; i++) {
		size_t k = strlen(dash[i]);
		if (n >= k && !strcmp(prev + n - k, dash[i]))
			return true;
	}
	return text_case_start(s) == 0 || unfinished(prev, n);
}

int celltext_agency_lines(const char *lines, char **lead, char **partners)
{
	struct buf l = BUF_INIT, p = BUF_INIT;
	int split = 0;
	const char *prev = NULL;
	for (const char *s = lines; *s && split >= 0;) {
		size_t n = strcspn(s, "\n");
		char *line = xstrndup(s, n);
		if (!prev) {
			buf_puts(&l, line);
		} else if (goes_on(prev, line)) {
			buf_printf(split ? &p : &l, " %s", line);
		} else if (agency_line(line) && agency_line(lines)) {
			buf_puts(&p, split ? "; " : "");
			buf_puts(&p, line);
			split = 1;
		} else {
			split = -1;
		}
		free((char *)prev);
		prev = line;
		s += n + (s[n] == '\n');
	}
	free((char *)prev);
	if (split < 1) {
		buf_reset(&l);
		for (const char *s = lines; *s; s++)
			buf_putc(&l, *s == '\n' ? ' ' : *s);
	}
	*lead = buf_detach(&l);
	*partners = split == 1 ? buf_detach(&p) : NULL;
	buf_free(&p);
	return split;
}
