/* layoutcheck.c: rows read from text laid out with spaces (pdftotext
 * -layout), held against what their columns hold. Such text keeps no cell
 * bounds: a cell wider than its column runs into the next one, a name cut
 * at the column bound is read as two, a header's words on another line
 * are lost. Put back where the row's words leave no doubt (the header's
 * words packed a space apart, "Đơn vị Mục tiêu đến" over "tính", layout_rows
 * reads itself: pdfrows.c mark_captions):
 *  - a header cell naming two columns ("Đơn vị Mục tiêu đến năm tính
 *    2030"), each of its cells a known unit then a target ("% ≥ 80"): two
 *    columns;
 *  - a unit cell holding a known unit then a target ("Mô hình 2-3")
 *    before an empty milestone cell: the target there.
 * Else a cell whose reading the row's words put in doubt is named in a
 * warning of its field, for the clerk to check against the document:
 *  - a target cell holding an agency's name ("Phòng Tài hoạch", "95,5
 *    Công an xã"): the agency column's words ran into it;
 *  - an agency's name cut at the column bound: a cell going on with a
 *    lower-case word ("và Thông", "tế các xã"); a capitalised word before
 *    an agency's name ("Xã Công an phường") or, no agency's name itself,
 *    after a cell ending with the start of one ("Phòng tin" | "Văn hóa và
 *    Thông"), with that cell;
 *  - a row with an empty milestone cell beside one holding two cells'
 *    words ("Duy Duy trì trì", "- 100"): every milestone cell of the row;
 *  - an empty milestone cell beside a column of no known header holding
 *    a target (the header's words moved a column);
 *  - a unit cell ending with a figure before an empty milestone cell;
 *  - two milestone columns of one year whose cells differ;
 *  - a "Năm" cell of several years (layout_rows itself puts a row per
 *    year back where the years' lines are apart: pdfrows.c year_rows), or
 *    of a year and other words ("2025 08"), or a year ending another cell
 *    of the row ("… trên địa bàn 2027", not "năm 2027"): each such year's
 *    target;
 *  - a header cell naming two columns not put back: unit and target;
 *  - a cell of a column naming both the lead and the partners ("Cơ quan
 *    chủ trì/phối hợp") read as glued to its neighbour: the partners too. */
#include "table.h"

#include "target.h"
#include "text.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NCOL 32

struct head {
	enum head_kind kind[NCOL];
	int year[NCOL]; /* the last year its words name, or 0 */
	bool row_year[NCOL]; /* "Năm" of a table with a row per year */
	bool lead_partners[NCOL];
	bool two[NCOL]; /* a unit's and a target's words in one cell */
	int years[NCOL][4]; /* a milestone's cell naming several years */
	int nyears[NCOL];
	int ncol;
	bool tasks;
};

static const char *const DOUBT_TAIL = "cần đối chiếu với văn bản";

/* The number of words of s. */
static int words(const char *s)
{
	int n = 0;
	for (const char *p = s; *p;) {
		p += strspn(p, " ");
		n += *p != '\0';
		p += strcspn(p, " ");
	}
	return n;
}

/* The last year ("2030") the words of s name, or 0; *n their count. */
static int years_of(const char *s, int *n)
{
	int y = 0, k = 0;
	for (const char *p = s; *p;) {
		p += strspn(p, " ");
		size_t w = strcspn(p, " ");
		int v = text_year(p, w);
		if (v)
			y = v, k++;
		p += w;
	}
	if (n)
		*n = k;
	return y;
}

/* The word before s[at] is "năm" (a year the text names: "đến năm 2030"). */
static bool after_nam(const char *s, const char *at)
{
	const char *e = at;
	while (e > s && e[-1] == ' ')
		e--;
	const char *b = e;
	while (b > s && b[-1] != ' ')
		b--;
	char *w = xstrndup(b, (size_t)(e - b)), *f = text_fold(w);
	bool yes = !strcmp(f, "nam");
	free(w);
	free(f);
	return yes;
}

/* The years (at most 4) the words of a header cell s name, in y[0, *n). */
static void header_years(const char *s, int *y, int *n)
{
	*n = 0;
	for (const char *p = s; *p;) {
		p += strspn(p, " ");
		size_t w = strcspn(p, " ");
		int v = text_year(p, w);
		if (v && *n < 4)
			y[(*n)++] = v;
		p += w;
	}
}

static bool header_row(const struct row *r, struct head *h)
{
	if (r->text || r->ncell < 3)
		return false;
	int known = 0;
	bool name = false;
	for (int c = 0; c < r->ncell && c < NCOL; c++) {
		enum head_kind k = header_cell_kind(r->cell[c]);
		known += k != HEAD_NONE;
		name |= k == HEAD_NAME;
	}
	if (!name || known < 3)
		return false;
	memset(h, 0, sizeof *h);
	h->ncol = r->ncell < NCOL ? r->ncell : NCOL;
	for (int c = 0; c < h->ncol; c++) {
		char *f = text_fold(r->cell[c]);
		h->kind[c] = header_cell_kind(r->cell[c]);
		h->year[c] = years_of(r->cell[c], NULL);
		h->row_year[c] = h->kind[c] == HEAD_YEAR && !h->year[c];
		header_years(r->cell[c], h->years[c], &h->nyears[c]);
		h->lead_partners[c] = h->kind[c] == HEAD_AGENCY && strstr(f, "chu tri") &&
		                      strstr(f, "phoi hop");
		h->two[c] = h->kind[c] == HEAD_NONE && !strncmp(f, "don vi ", 7) && h->year[c] &&
		            (strstr(f, "muc tieu") || strstr(f, "chi tieu"));
		h->tasks |= h->kind[c] == HEAD_NAME && strstr(f, "nhiem vu") && !strstr(f, "chi tieu");
		free(f);
	}
	return true;
}

static bool value_col(const struct head *h, int c)
{
	return c < h->ncol && (h->kind[c] == HEAD_VALUE || h->kind[c] == HEAD_YEAR) &&
	       !h->row_year[c];
}

static bool is_text_target(const char *s)
{
	struct target t;
	target_parse(s, NULL, &t);
	bool text = t.kind == TARGET_TEXT;
	target_free(&t);
	return text;
}

static bool is_target(const char *s)
{
	struct target t;
	target_parse(s, NULL, &t);
	bool yes = t.kind != TARGET_TEXT && t.kind != TARGET_REPORT;
	target_free(&t);
	return yes;
}

/* Where in s (a byte offset) a word from which on s reads as an agency's
 * name starts, from its second word when not whole; -1 when none. */
static int agency_from(const char *s, bool whole)
{
	for (const char *p = s; *p;) {
		p += strspn(p, " ");
		if (!*p)
			break;
		if ((whole || p > s) && text_case_start(p) == 1 && plain_agency(p))
			return (int)(p - s);
		p += strcspn(p, " ");
	}
	return -1;
}

/* s goes on with a phrase cut before it: a lower-case word first. */
static bool continues(const char *s)
{
	return text_case_start(s) == 0 || !strncmp(s, "- ", 2);
}

/* The words of s are those of t twice ("Duy Duy trì trì" of "Duy trì"). */
static bool twice(const char *s, const char *t)
{
	struct words a = {0}, b = {0};
	text_words(s, &a);
	text_words(t, &b);
	bool yes = b.n > 0 && a.n == 2 * b.n;
	for (size_t i = 0; yes && i < b.n; i++) {
		size_t na = 0, nb = 0;
		for (size_t k = 0; k < a.n; k++)
			na += !strcmp(a.w[k], b.w[i]);
		for (size_t k = 0; k < b.n; k++)
			nb += !strcmp(b.w[k], b.w[i]);
		yes = na == 2 * nb;
	}
	words_free(&a);
	words_free(&b);
	return yes;
}

/* A cell holding two cells' words: a text target made of two targets
 * ("- 100"), or another cell's words twice. */
static bool two_cells(const struct row *r, const struct head *h, int c)
{
	const char *s = r->cell[c];
	if (!*s || !is_text_target(s))
		return false;
	for (const char *p = s + strcspn(s, " "); *p; p += strcspn(p + 1, " ") + 1) {
		char *a = xstrndup(s, (size_t)(p - s));
		bool yes = is_target(a) && is_target(p + strspn(p, " "));
		free(a);
		if (yes)
			return true;
	}
	for (int k = 0; k < r->ncell && k < h->ncol; k++)
		if (k != c && value_col(h, k) && twice(s, r->cell[k]))
			return true;
	return false;
}

/* s is two figures a space apart ("66,7 60"), each a target. */
static bool two_figures(const char *s)
{
	struct toks *t = xcalloc(1, sizeof *t);
	plain_tokenize(s, t);
	bool yes = t->n == 2;
	for (int i = 0; i < t->n && yes; i++)
		yes = strpbrk(t->v[i], "0123456789") && is_target(t->v[i]);
	plain_toks_free(t);
	free(t);
	return yes;
}

static void warn(struct plan *p, const struct row *r, int c, const char *field, const char *msg)
{
	plan_warn_cell(p, r->first, c + 1, "Ô \"%s\" %s; %s", r->cell[c], msg, DOUBT_TAIL);
	if (field)
		p->warn[p->nwarn - 1].field = xstrdup(field);
}

/* ---- cells put back where the row's words leave no doubt ---- */

/* t[from..to) is one target cell: a target of one figure at most. */
static bool one_target(const struct toks *t, int from, int to)
{
	int figures = 0;
	for (int i = from; i < to; i++)
		figures += strpbrk(t->v[i], "0123456789") != NULL;
	static const char *const ops[] = {">", "<", "=", ">=", "<=", "\xe2\x89\xa5", "\xe2\x89\xa4"};
	for (size_t k = 0; to > from && k < sizeof ops / sizeof ops[0]; k++)
		if (!strcmp(t->v[to - 1], ops[k]))
			return false; /* "15 ≥" | "25" */
	if (to <= from || figures > 1)
		return false;
	char *s = plain_join(t, from, to);
	bool yes = is_target(s);
	free(s);
	return yes;
}

static void set_cell(struct row *r, int c, char *s)
{
	free(r->cell[c]);
	r->cell[c] = s;
}

/* The words of a unit ("%", "Mô hình") that s starts with, then a target
 * cell: the number of the unit's words, else 0. */
static int unit_then_target(const char *s)
{
	struct toks *t = xcalloc(1, sizeof *t);
	plain_tokenize(s, t);
	int k = 0;
	for (int n = 1; n <= 3 && n < t->n && !k; n++) {
		char *u = plain_join(t, 0, n);
		if ((!strcmp(u, "%") || plain_unit(u)) && one_target(t, n, t->n))
			k = n;
		free(u);
	}
	plain_toks_free(t);
	free(t);
	return k;
}

/* A header cell naming the unit's and a target's columns ("Đơn vị Mục
 * tiêu đến năm tính 2030"), each of its table's cells a unit then a
 * target ("% ≥ 80"): two columns again; the warnings about the cells after
 * it move with them, those saying the cell was glued to its neighbour
 * are dropped. */
static void split_unit_column(struct rows *r, size_t i, const struct head *h, struct plan *p)
{
	int c = 0;
	while (c < h->ncol && !h->two[c])
		c++;
	if (c == h->ncol)
		return;
	struct head again;
	size_t end = i + 1;
	int cells = 0;
	for (; end < r->n && (r->v[end].text || r->v[end].table == r->v[i].table) &&
	       !header_row(&r->v[end], &again);
	     end++) {
		const struct row *row = &r->v[end];
		if (row->text || c >= row->ncell || !*row->cell[c])
			continue;
		if (!unit_then_target(row->cell[c]))
			return;
		cells++;
	}
	if (!cells)
		return;
	struct toks *t = xcalloc(1, sizeof *t);
	plain_tokenize(r->v[i].cell[c], t);
	struct buf b = BUF_INIT;
	for (int k = 2; k < t->n; k++) {
		char *f = text_fold(t->v[k]);
		if (strcmp(f, "tinh"))
			buf_printf(&b, "%s%s", b.len ? " " : "", t->v[k]);
		free(f);
	}
	plain_toks_free(t);
	for (size_t j = i; j < end; j++) {
		struct row *row = &r->v[j];
		if (row->text || c >= row->ncell)
			continue;
		char *unit, *rest;
		if (j == i) {
			unit = xstrdup("Đơn vị tính");
			rest = buf_detach(&b);
		} else {
			plain_tokenize(row->cell[c], t);
			int k = *row->cell[c] ? unit_then_target(row->cell[c]) : 0;
			unit = plain_join(t, 0, k);
			rest = plain_join(t, k, t->n);
			plain_toks_free(t);
		}
		row_add_cell(row, "", 0); /* room for one more: its "" freed, the cells moved over it */
		free(row->cell[row->ncell - 1]);
		memmove(&row->cell[c + 2], &row->cell[c + 1],
		        (size_t)(row->ncell - c - 2) * sizeof *row->cell);
		row->cell[c + 1] = rest;
		set_cell(row, c, unit);
		unsigned long low = row->doubt & ((1UL << (c + 1)) - 1);
		row->doubt = low | (row->doubt >> (c + 1) << (c + 2));
		/* the cell's glue to its neighbour, undone: no longer said */
		size_t kept = 0;
		for (size_t w = 0; p && w < p->nwarn; w++) {
			struct plan_warning *x = &p->warn[w];
			bool here = j > i && x->line >= row->first && x->line <= row->last;
			if (here && x->col == c + 1) {
				free(x->message);
				free(x->field);
				continue;
			}
			if (here && x->col > c + 1)
				x->col++;
			p->warn[kept++] = *x;
		}
		if (p)
			p->nwarn = kept;
		row->doubt &= ~(3UL << c);
	}
	free(t);
	buf_free(&b);
}

/* A unit cell holding a known unit then a target ("Mô hình 2-3") before
 * an empty milestone cell: the target's, run into the unit's column. */
static void split_unit_cell(struct row *row, const struct head *h)
{
	for (int c = 0; c + 1 < row->ncell && c + 1 < h->ncol; c++) {
		if (h->kind[c] != HEAD_UNIT || !value_col(h, c + 1) || *row->cell[c + 1])
			continue;
		int k = unit_then_target(row->cell[c]);
		if (!k)
			continue;
		struct toks *t = xcalloc(1, sizeof *t);
		plain_tokenize(row->cell[c], t);
		set_cell(row, c + 1, plain_join(t, k, t->n));
		set_cell(row, c, plain_join(t, 0, k));
		plain_toks_free(t);
		free(t);
	}
}

static void check_row(const struct row *r, const struct head *h, struct plan *p)
{
	int n = r->ncell < h->ncol ? r->ncell : h->ncol;
	bool flagged[NCOL] = {0};
	const char *why[NCOL] = {0};
	for (int c = 0; c < n; c++) {
		const char *s = r->cell[c];
		if (!*s)
			continue;
		/* a target cell holding an agency's name */
		if (value_col(h, c) && agency_from(s, true) >= 0)
			flagged[c] = true,
			why[c] = "ở cột mục tiêu có tên cơ quan (chữ của cột cơ quan bên cạnh tràn "
			         "sang khi chép, bảng lệch cột): mục tiêu có thể đọc sai hoặc mất";
		/* an agency's name cut at the column bound */
		bool agency = h->kind[c] == HEAD_AGENCY ||
		              (value_col(h, c) && continues(s) && is_text_target(s));
		int prev = c - 1;
		while (prev > 1 && !*r->cell[prev])
			prev--;
		if (!agency || prev < 2 || !*r->cell[prev])
			continue;
		int from = agency_from(r->cell[prev], true), in = agency_from(s, false);
		char *head = in > 0 ? xstrndup(s, (size_t)in) : NULL;
		/* "Xã Công an phường": a capitalised word before an agency's
		 * name, the end of the name beside it */
		bool tail = h->kind[c] == HEAD_AGENCY && text_case_start(s) == 1 && !plain_agency(s) &&
		            head && words(head) == 1;
		free(head);
		/* "Phòng tin" | "Văn hóa và Thông": the start of a name beside */
		bool start = !plain_agency(s) && from >= 0 && words(r->cell[prev] + from) <= 2 &&
		             (h->kind[prev] == HEAD_AGENCY || value_col(h, prev));
		if (!continues(s) && !tail && !start)
			continue;
		const char *m = "có thể là phần của một tên bị cắt ở ranh giới cột khi chép (chữ "
		                "của hai ô liền nhau lẫn vào nhau): đọc có thể sai";
		flagged[c] = true;
		why[c] = m;
		/* the cell beside, when the name's other part is there: not a
		 * lower-case start's whose name may have begun on a line above
		 * in its own cell, unless it reads as no target */
		if (tail || start || (value_col(h, prev) && is_text_target(r->cell[prev])))
			flagged[prev] = true, why[prev] = m;
	}
	/* an empty milestone cell beside one holding two cells' words */
	bool empty = false, two = false;
	for (int c = 0; c < n; c++)
		if (value_col(h, c)) {
			empty |= !*r->cell[c];
			two |= two_cells(r, h, c);
		}
	if (empty && two)
		for (int c = 0; c < n; c++)
			if (value_col(h, c))
				flagged[c] = true,
				why[c] = "nằm trong hàng có ô mục tiêu trống bên cạnh ô mang chữ của "
				         "hai ô (các ô của hàng có thể đã lệch cột): đọc có thể sai";
	/* a milestone cell of words only ("Tối thiểu") beside one holding two
	 * cells' figures ("66,7 60"): the figure of its phrase ran into it */
	for (int c = 0; c < n; c++)
		for (int k = c - 1; k <= c + 1 && value_col(h, c) && *r->cell[c]; k += 2)
			if (k >= 0 && k < n && value_col(h, k) &&
			    !strpbrk(r->cell[c], "0123456789") && is_text_target(r->cell[c]) &&
			    two_figures(r->cell[k]))
				flagged[c] = flagged[k] = true,
				why[c] = "chỉ có chữ, cạnh ô mang hai số (số của ô này có thể đã "
				         "dồn sang ô bên cạnh khi chép): đọc có thể sai",
				why[k] = "mang hai số, cạnh ô chỉ có chữ (một số có thể là của ô "
				         "đó, dồn sang khi chép): đọc có thể sai";
	/* a unit cell ending with a figure before an empty milestone cell */
	for (int c = 0; c + 1 < n; c++) {
		const char *s = r->cell[c], *sp = strrchr(s, ' ');
		if (h->kind[c] != HEAD_UNIT || !sp || !value_col(h, c + 1) || *r->cell[c + 1] ||
		    is_text_target(sp + 1) || !is_target(sp + 1))
			continue;
		const char *m = "ở cột đơn vị tính kết thúc bằng một số trong khi ô mục tiêu bên "
		                "cạnh trống (số của ô mục tiêu có thể đã dồn sang cột đơn vị "
		                "khi chép)";
		flagged[c] = flagged[c + 1] = true;
		why[c] = why[c + 1] = m;
	}
	/* an empty milestone cell beside a column whose header reads as none
	 * holding a target: the header's words moved a column */
	for (int c = 0; c < n; c++)
		for (int k = c - 1; value_col(h, c) && !*r->cell[c] && k <= c + 1; k += 2)
			if (k > 1 && k < n && h->kind[k] == HEAD_NONE && *r->cell[k] &&
			    is_target(r->cell[k]))
				flagged[c] = true,
				why[c] = "trống trong khi cột bên cạnh, có tiêu đề không đọc được, "
				         "ghi một mục tiêu (tiêu đề bảng có thể đã lệch cột khi "
				         "chép): mục tiêu của mốc có thể ở ô đó";
	/* two milestone columns of one year whose cells differ */
	for (int c = 0; c < n; c++)
		for (int k = c + 1; k < n && value_col(h, c); k++)
			if (value_col(h, k) && h->year[c] && h->year[c] == h->year[k] &&
			    strcmp(r->cell[c], r->cell[k]))
				flagged[c] = flagged[k] = true,
				why[c] = why[k] = "nằm ở một trong hai cột cùng mốc năm mà tiêu đề "
				                  "bảng đọc được (tiêu đề có thể đã lệch cột khi chép): "
				                  "không rõ ô nào là mục tiêu của mốc";
	for (int c = 0; c < n; c++)
		if (flagged[c] && !(r->doubt >> c & 1)) /* else said (pword_flag) */
			warn(p, r, c, NULL, why[c]);
	/* a "Năm" cell holding several years, or a year and other words
	 * ("2025 08": the next year's line run into it): each year's target
	 * unread; a year ending another cell ("… trên địa bàn 2027", not "năm
	 * 2027"): its line run into that cell, its target unread */
	bool long_table = false;
	for (int c = 0; c < n; c++)
		long_table |= h->row_year[c];
	for (int c = 0; c < n && long_table; c++) {
		if (!*r->cell[c] || value_col(h, c))
			continue;
		int ny;
		years_of(r->cell[c], &ny);
		bool year_col = h->row_year[c];
		if (year_col && (ny == 0 || (ny == 1 && words(r->cell[c]) == 1)))
			continue;
		const char *last = strrchr(r->cell[c], ' ');
		if (!year_col && (!last || years_of(last + 1, NULL) == 0 ||
		                  after_nam(r->cell[c], last)))
			continue;
		for (const char *q = year_col ? r->cell[c] : last + 1; *q; q += strcspn(q, " ")) {
			q += strspn(q, " ");
			int y = text_year(q, strcspn(q, " "));
			if (!y)
				continue;
			char field[24];
			snprintf(field, sizeof field, "target %d", y);
			warn(p, r, c, field,
			     !year_col ? "có năm ở cuối ô (dòng của năm đó tràn sang ô này khi chép): "
			                 "mục tiêu của năm không đọc được"
			     : ny >= 2 ? "ở cột năm ghi nhiều năm (các hàng của từng năm bị gộp làm "
			                 "một khi chép): mục tiêu của các năm không đọc được"
			               : "ở cột năm có chữ khác ngoài năm (dòng bên cạnh tràn sang khi "
			                 "chép): mục tiêu của năm không đọc được");
		}
	}
	/* a header cell naming the unit's and a target's columns */
	for (int c = 0; c < n; c++)
		if (h->two[c] && *r->cell[c]) {
			char field[24];
			snprintf(field, sizeof field, "target %d", h->year[c]);
			const char *m = "nằm dưới tiêu đề gộp chữ của hai cột (đơn vị tính và mục "
			                "tiêu) khi chép: đơn vị và mục tiêu không tách được";
			warn(p, r, c, "unit", m);
			warn(p, r, c, field, m);
		}
	/* a milestone header cell naming two years or more ("Mục tiêu Năm
	 * 2027 Năm 2030", the header's cells packed a space apart): the
	 * cells of those columns run together, each year's target in doubt */
	for (int c = 0; c < n; c++)
		for (int k = 0;
		     value_col(h, c) && h->nyears[c] >= 2 && *r->cell[c] && k < h->nyears[c]; k++) {
			char field[24];
			snprintf(field, sizeof field, "target %d", h->years[c][k]);
			warn(p, r, c, field,
			     "nằm dưới tiêu đề gộp chữ của nhiều cột năm khi chép: mục tiêu của "
			     "từng năm không tách được");
		}
	/* a lead and partners' cell glued to its neighbour: the partners too */
	for (int c = 0; c < n && !h->tasks; c++)
		if (h->lead_partners[c] && (r->doubt >> c & 1) && *r->cell[c])
			warn(p, r, c, "partners",
			     "(cơ quan chủ trì và phối hợp) dính vào ô bên cạnh khi chép: cơ quan "
			     "phối hợp đọc có thể sai");
}

/* A header row under a caption row naming one year over its cells ("Năm
 * 2025" over "Kế hoạch | Kết quả thực hiện"): a cell of no known header
 * there ("Kế hoạch") holds a value (that year's target). */
static void caption_years(const struct row *above, struct head *h)
{
	for (int c = 0; c < h->ncol && c < above->ncell; c++) {
		int n;
		years_of(above->cell[c], &n);
		if (n == 1 && h->kind[c] == HEAD_NONE)
			h->kind[c] = HEAD_VALUE;
	}
}

void layout_check(struct rows *r, struct plan *p)
{
	struct head h;
	int table = -1;
	for (size_t i = 0; i < r->n; i++) {
		struct row *row = &r->v[i];
		if (row->text || !row->table) {
			if (!row->text)
				table = -1;
			continue;
		}
		if (header_row(row, &h)) {
			split_unit_column(r, i, &h, p);
			header_row(&r->v[i], &h);
			if (i && !r->v[i - 1].text && r->v[i - 1].table == row->table)
				caption_years(&r->v[i - 1], &h);
			table = row->table;
			continue;
		}
		if (row->table != table)
			continue;
		split_unit_cell(&r->v[i], &h);
		if (p)
			check_row(&r->v[i], &h, p);
	}
}
