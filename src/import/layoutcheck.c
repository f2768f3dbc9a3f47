/* layoutcheck.c: rows read from text laid out with spaces (pdftotext
 * -layout), held against what their columns hold. Such text keeps no cell
 * bounds: a cell wider than its column runs into the next one, a name cut
 * at the column bound is read as two, a header's words on another line
 * are lost. A header cell that is the tail of "Đơn vị tính" is read as
 * it; a cell whose reading the row's own words put in doubt is named in a
 * warning of its field, for the clerk to check against the document:
 *  - a target cell holding an agency's name ("Phòng Tài hoạch", "95,5
 *    Công an xã"): the agency column's words ran into it;
 *  - an agency's name cut at the column bound: a cell going on with a
 *    lower-case word ("và Thông", "tế các xã") or, not an agency's name
 *    itself, after a cell that ends with the start of one ("Phòng tin" |
 *    "Văn hóa và Thông"), both cells;
 *  - a row with an empty milestone cell beside one holding two cells'
 *    words ("Duy Duy trì trì", "- 100"): every milestone cell of the row;
 *  - a unit cell ending with a figure ("Mô hình 2-3") before an empty
 *    milestone cell;
 *  - two milestone columns of one year whose cells differ;
 *  - a "Năm" cell of a table with a row per year holding several years:
 *    the years' rows read as one, its targets not read;
 *  - a header cell naming two columns ("Đơn vị Mục tiêu đến năm tính
 *    2030"): the unit and target of its cells unread;
 *  - a cell of an agency column naming both the lead and the partners
 *    ("Cơ quan chủ trì/phối hợp") read as glued to its neighbour: the
 *    partners too. */
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
	int ncol;
	bool tasks;
};

static const char *const DOUBT_TAIL = "cần đối chiếu với văn bản";

/* The words of s. */
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
		if (w == 4 && strspn(p, "0123456789") == 4) {
			int v = atoi(p);
			if (v >= 1990 && v <= 2100)
				y = v, k++;
		}
		p += w;
	}
	if (n)
		*n = k;
	return y;
}

/* Every word of s is a year. */
static bool only_years(const char *s)
{
	int n;
	years_of(s, &n);
	return n >= 2 && n == words(s);
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
		h->lead_partners[c] = h->kind[c] == HEAD_AGENCY && strstr(f, "chu tri") &&
		                      strstr(f, "phoi hop");
		h->two[c] = h->kind[c] == HEAD_NONE && !strncmp(f, "don vi ", 7) && h->year[c] &&
		            (strstr(f, "muc tieu") || strstr(f, "chi tieu"));
		h->tasks |= h->kind[c] == HEAD_NAME && strstr(f, "nhiem vu") && !strstr(f, "chi tieu");
		free(f);
	}
	return true;
}

/* "tính" alone: the rest of "Đơn vị tính", its first words on a line of
 * the header the reader did not join. */
static void mend_header(struct row *r)
{
	for (int c = 1; c < r->ncell; c++) {
		char *f = text_fold(r->cell[c]);
		if (!strcmp(f, "tinh")) {
			free(r->cell[c]);
			r->cell[c] = xstrdup("Đơn vị tính");
		}
		free(f);
	}
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
 * name starts, from its second word when not whole; -1 when none. The
 * words from there joined with more (when not NULL) are tried too. */
static int agency_from(const char *s, bool whole, const char *more)
{
	for (const char *p = s; *p;) {
		p += strspn(p, " ");
		if (!*p)
			break;
		if ((whole || p > s) && text_case_start(p) == 1) {
			char *t = more ? xasprintf("%s %s", p, more) : xstrdup(p);
			bool yes = plain_agency(p) || (more && plain_agency(t));
			free(t);
			if (yes)
				return (int)(p - s);
		}
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

static void warn(struct plan *p, const struct row *r, int c, const char *field, const char *msg)
{
	plan_warn_cell(p, r->first, c + 1, "Ô \"%s\" %s; %s", r->cell[c], msg, DOUBT_TAIL);
	if (field)
		p->warn[p->nwarn - 1].field = xstrdup(field);
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
		if (value_col(h, c) && agency_from(s, true, NULL) >= 0)
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
		int from = agency_from(r->cell[prev], true, s), in = agency_from(s, false, NULL);
		char *head = in > 0 ? xstrndup(s, (size_t)in) : NULL;
		/* "Xã Công an phường": a word or two before an agency's name */
		bool tail = h->kind[c] == HEAD_AGENCY && !plain_agency(s) && head && words(head) <= 2;
		free(head);
		bool cut = continues(s) || tail ||
		           (!plain_agency(s) && from >= 0 && words(r->cell[prev] + from) <= 2 &&
		            (h->kind[prev] == HEAD_AGENCY || value_col(h, prev)));
		if (cut) {
			const char *m = "có thể là phần của một tên bị cắt ở ranh giới cột khi chép "
			                "(chữ của hai ô liền nhau lẫn vào nhau): đọc có thể sai";
			flagged[c] = true;
			why[c] = m;
			/* the name's start beside it, unless a target read whole
			 * (the start then on a line above, in the same cell) */
			if (h->kind[prev] == HEAD_AGENCY || is_text_target(r->cell[prev]))
				flagged[prev] = true, why[prev] = m;
		}
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
	/* a "Năm" cell holding several years: each year's target unread */
	for (int c = 0; c < n; c++) {
		if (!h->row_year[c] || !*r->cell[c] || (!only_years(r->cell[c]) &&
		                                        years_of(r->cell[c], NULL) == 0))
			continue;
		int ny;
		years_of(r->cell[c], &ny);
		if (ny < 2)
			continue;
		for (const char *q = r->cell[c]; *q; q += strcspn(q, " ")) {
			q += strspn(q, " ");
			int y = atoi(q);
			if (strspn(q, "0123456789") != 4 || y < 1990 || y > 2100)
				continue;
			char field[24];
			snprintf(field, sizeof field, "target %d", y);
			warn(p, r, c, field,
			     "ở cột năm ghi nhiều năm (các hàng của từng năm bị gộp làm một khi "
			     "chép): mục tiêu của các năm không đọc được");
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
	/* a lead and partners' cell glued to its neighbour: the partners too */
	for (int c = 0; c < n && !h->tasks; c++)
		if (h->lead_partners[c] && (r->doubt >> c & 1) && *r->cell[c])
			warn(p, r, c, "partners",
			     "(cơ quan chủ trì và phối hợp) dính vào ô bên cạnh khi chép: cơ quan "
			     "phối hợp đọc có thể sai");
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
			mend_header(row);
			header_row(row, &h);
			table = row->table;
			continue;
		}
		if (row->table == table && p)
			check_row(row, &h, p);
	}
}
