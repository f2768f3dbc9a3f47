/* interpret.c: rows of cells into a plan. Columns are found by the words of
 * their header, never by position; groups, milestone sections, headings
 * with sub-rows, page-break repeats and continuation rows are recognised by
 * what they hold. */
#include "table.h"

#include "text.h"
#include "util.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum role {
	R_NONE,
	R_STT,
	R_NAME,
	R_UNIT,
	R_BASELINE,
	R_TARGET,
	R_YEAR,
	R_LEAD,
	R_MONITOR,
	R_LEAD_MONITOR,
	R_LEAD_PARTNERS, /* "Cơ quan chủ trì/phối hợp": "X (chủ trì); Y" */
	R_PARTNERS,
	R_ROW_YEAR, /* "Năm": each row one milestone of the indicator above */
	R_IMPL,
	R_DIRECTING,
	R_DEADLINE,
	R_NOTE,
	R_FIELD, /* "Lĩnh vực": the row's group, merged down over its rows */
};

#define MAXCOL         40
#define MERGE_MIN      0.6  /* name similarity to merge milestone sections */
#define SAME_GROUP_MIN 0.85 /* group names this alike are one group */
#define MERGE_WINDOW   400  /* candidates compared, so big inputs stay linear */
#define MAX_GROUPS     100

struct header {
	enum role role[MAXCOL];
	int year[MAXCOL];
	int ncol;
	bool tasks;
	int target_year; /* a single target column naming its year */
	/* A column whose header holds two milestones run together ("năm
	 * 2025 năm 2030": their cells too): its first year, no target read. */
	int runyear[MAXCOL];
	int packed[MAXCOL]; /* and the other fields it holds (PACK_*) */
};

struct pending {
	bool active;
	int ncell;
	char *cell[MAXCOL];
	int first, last;
	struct plan_source src;
	bool lossy; /* its row's row.lossy */
	int last_tabrow; /* its last row's place in its table (row.tabrow) */
	/* Its "Lĩnh vực" cell empty between two fields' names in a rendering
	 * that writes a merged cell once where it sits (a PDF centres it):
	 * which field, so which group and code, is not known. */
	bool field_doubt;
	/* Its "Cơ quan chủ trì / phối hợp" cell's own lines (row_lines). */
	char *lines;
};

struct state {
	struct plan *p;
	struct words *wset; /* word set of each indicator's name, for merging */
	size_t nwset, capwset;
	struct header h;
	bool have;
	int gap_rows, gap_chars; /* text since the table's last row */
	int section_year, section_no;
	int group;     /* index into groups (or task groups), -1 none */
	int group_no;  /* number of the current group */
	int num_group; /* the group's printed Arabic number ("1." over "1.1"), or 0 */
	int last_num;  /* last top-level number printed in this group */
	int printed_group; /* the number its group row printed ("II." 2), or 0 */
	int heading;   /* number of the heading row over sub-rows, or 0 */
	int sub_no;    /* sub-rows "-" counted under it */
	struct pending pend;
	int tables;
	bool warned_year;
	int table, width; /* the header's table (row.table) and its width */
	/* A name alone in the number column of a row with nothing else
	 * ("Phát triển hạ tầng số" merged over the table): the next group
	 * when a numbered row follows, else no row (its line in pgroup_line). */
	char *pgroup;
	int pgroup_line;
	bool pgroup_text; /* a line of text (a spreadsheet's row of one cell) */
	int pgroup_table; /* the table it stood in (row.table) */
	/* A table with a "Năm" column: the number and name of the last
	 * indicator read, whose further years the next rows may give. */
	char *ly_stt, *ly_name;
	/* The rows, and the one being read: what follows a row. */
	const struct rows *rows;
	size_t at;
	/* Section rows "A | CHỈ TIÊU", "B | NHIỆM VỤ" seen in this table: its
	 * rows are indicators or tasks by the section, not by the header. */
	bool sections;
	/* Rows of a rendering that writes a merged cell once (row.lossy):
	 * each agency column's last text in the group (above_group, of the
	 * header's table above_table), carried over the empty cells under it
	 * (merged_above). */
	char *above[MAXCOL];
	int above_group, above_table;
	bool above_tasks;
	bool field_doubt; /* the row being read: its pending's field_doubt */
	const struct row *hrow; /* the header's row, until the first row under it */
	bool listed[MAXCOL];    /* a target column whose cells name their years */
};

static bool has(const char *f, const char *w)
{
	return strstr(f, w) != NULL;
}

static bool starts(const char *f, const char *w)
{
	return strncmp(f, w, strlen(w)) == 0;
}

/* A year 1990..2100 standing alone in f, else 0. */
static int find_year(const char *f)
{
	return text_find_year(f, NULL);
}

/* "2026-2030", "2026 – 2030": a period alone, whose milestone is its end. */
static bool period_cell(const char *f, int *year)
{
	const char *end;
	*year = text_period_end(f, f, &end);
	return *year && *end == '\0';
}

static bool is_year_cell(const char *f, int *year)
{
	static const char *const pre[] = {"nam ",          "den nam ",          "den het nam ",
	                                  "muc tieu nam ", "muc tieu den nam ", "ke hoach nam ",
	                                  "chi tieu nam "};
	static const char *const period[] = {"giai doan ", "muc tieu giai doan ",
	                                     "chi tieu giai doan ", "nam hoc "};
	for (size_t i = 0; i < sizeof period / sizeof period[0]; i++) {
		if (strncmp(f, period[i], strlen(period[i])))
			continue;
		if (period_cell(f + strlen(period[i]), year))
			return true;
		/* "Giai đoạn 2028 - 2030 Năm 2030": a period over a year
		 * column, run into one cell: the year, within the period */
		const char *n = strstr(f, " nam ");
		if (!n || strlen(n + 5) != 4 || !find_year(n + 5))
			return false;
		char *per = xstrndup(f + strlen(period[i]), (size_t)(n - f - strlen(period[i])));
		int end = 0, y = find_year(n + 5);
		bool ok = period_cell(per, &end) && y >= find_year(per) && y <= end;
		free(per);
		*year = y;
		return ok;
	}
	if (period_cell(f, year))
		return true;
	for (size_t i = 0; i < sizeof pre / sizeof pre[0]; i++)
		if (!strncmp(f, pre[i], strlen(pre[i]))) {
			f += strlen(pre[i]);
			break;
		}
	size_t n = strlen(f);
	if (n != 4 && !(n == 5 && f[4] == '.'))
		return false;
	*year = find_year(f);
	return *year != 0;
}

/* A cell of a "Năm" column ("2026", "Năm 2026", "Đến năm 2030"): its
 * year, else 0. */
static int row_year(const char *c)
{
	char *f = text_fold(c);
	int y = 0;
	if (!is_year_cell(f, &y) || strchr(f, '-'))
		y = 0;
	free(f);
	return y;
}

/* "muc nam 2026", "tieu den nam 2030": a year column under the caption
 * "Mục tiêu" merged over it, whose words a PDF's reader dealt one to each
 * column below. */
static bool caption_year(const char *f, int *year)
{
	static const char *const w[] = {"muc ", "tieu ", "chi ", "ke ", "hoach "};
	for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
		if (starts(f, w[i]))
			return is_year_cell(f + strlen(w[i]), year);
	return false;
}

static enum role cell_role(const char *cell, int *year, bool *tasks)
{
	*year = 0;
	if (strlen(cell) > 160) /* header cells are short: no need to fold data */
		return R_NONE;
	char *folded = text_fold(cell), *f = folded;
	/* a scan's stray marks before the header's words ("“Thời gian",
	 * "_— Phối hợp") */
	while (*f && !isalnum((unsigned char)*f) && *f != '(')
		f++;
	enum role r = R_NONE;
	if (is_year_cell(f, year) || caption_year(f, year)) {
		r = R_YEAR;
	} else if (header_number_word(f) || !strcmp(f, "so tt") || starts(f, "so thu tu")) {
		r = R_STT;
	} else if (starts(f, "co quan") || starts(f, "don vi chu tri") || has(f, "chu tri") ||
	           has(f, "phoi hop") || starts(f, "don vi thuc hien") ||
	           starts(f, "don vi theo doi") || has(f, "phu trach")) {
		bool mon = has(f, "theo doi") || has(f, "danh gia") || has(f, "tong hop bao cao");
		if (mon)
			r = has(f, "chu tri") ? R_LEAD_MONITOR : R_MONITOR;
		else if (has(f, "phoi hop") && has(f, "chu tri"))
			r = R_LEAD_PARTNERS;
		else if (has(f, "phoi hop"))
			r = R_PARTNERS;
		else if (has(f, "chu tri"))
			r = R_LEAD;
		else if (has(f, "chi dao"))
			r = R_DIRECTING;
		else if (has(f, "thuc hien"))
			r = R_IMPL;
		else
			r = R_LEAD;
	} else if (starts(f, "thoi gian") || starts(f, "thoi han") || starts(f, "tien do")) {
		r = R_DEADLINE;
	} else if (!strcmp(f, "nam") || !strcmp(f, "moc nam") || !strcmp(f, "nam thuc hien") ||
	           !strcmp(f, "moc thoi gian")) {
		r = R_ROW_YEAR;
	} else if (starts(f, "ghi chu")) {
		r = R_NOTE;
	} else if (!strcmp(f, "linh vuc")) {
		r = R_FIELD;
	} else if (starts(f, "don vi tinh") || !strcmp(f, "dvt") || !strcmp(f, "don vi")) {
		r = R_UNIT;
	} else if (has(f, "hien trang") || starts(f, "nam co so") || starts(f, "gia tri co so") ||
	           starts(f, "ket qua thuc hien") || starts(f, "uoc thuc hien") ||
	           starts(f, "thuc hien nam")) {
		r = R_BASELINE;
		*year = find_year(f);
	} else if (starts(f, "muc chi tieu") || starts(f, "muc tieu") || starts(f, "ket qua") ||
	           starts(f, "chi tieu nam") || starts(f, "chi tieu den") ||
	           starts(f, "gia tri muc tieu")) {
		r = R_TARGET;
		*year = find_year(f);
	} else if (starts(f, "ma ") || !strcmp(f, "ma")) {
		r = R_NONE; /* "Mã chỉ tiêu", "Mã số": a code of another list */
	} else if (has(f, "chi tieu") || has(f, "noi dung") || starts(f, "ten ") ||
	           has(f, "nhiem vu") || !strcmp(f, "chi so")) {
		r = R_NAME;
		*tasks = (has(f, "nhiem vu") || has(f, "cong viec")) && !has(f, "chi tieu");
	}
	free(folded);
	return r;
}

enum head_kind header_cell_kind(const char *cell)
{
	int year;
	bool tasks;
	switch (cell_role(cell, &year, &tasks)) {
	case R_NONE: return HEAD_NONE;
	case R_STT: return HEAD_STT;
	case R_NAME: return HEAD_NAME;
	case R_UNIT: return HEAD_UNIT;
	case R_YEAR:
	case R_ROW_YEAR: return HEAD_YEAR;
	case R_BASELINE:
	case R_TARGET: return HEAD_VALUE;
	case R_DEADLINE: return HEAD_DEADLINE;
	case R_NOTE:
	case R_FIELD: return HEAD_NOTE;
	default: return HEAD_AGENCY;
	}
}

/* "năm 2025 năm 2030", "Năm 2027 Năm 2030 Cơ quan chủ trì": the headers
 * of a year column and of others run into one cell (text laid out with
 * spaces packs them a space apart), their rows' cells too. The first
 * year, else 0; *fields the other fields it holds (PACK_*). */
enum { PACK_UNIT = 1, PACK_LEAD = 2 };
static int run_years(const char *cell, enum role r, int *fields)
{
	char *f = text_fold(cell);
	int first = 0, n = 0;
	*fields = has(f, "don vi tinh") || has(f, "dvt") ? PACK_UNIT : 0;
	*fields |= has(f, "chu tri") ? PACK_LEAD : 0;
	if (r == R_YEAR || r == R_TARGET || r == R_BASELINE || r == R_ROW_YEAR) {
		free(f);
		return 0;
	}
	for (const char *t = f; *t; t += strcspn(t, " "), t += strspn(t, " ")) {
		int y = text_year(t, strcspn(t, " "));
		if (y && !first)
			first = y;
		n += y != 0;
	}
	free(f);
	return n >= 2 || (n == 1 && r != R_NONE) ? first : 0;
}

/* "Kết quả năm 2024" before "Mục tiêu năm 2025": the result of a year
 * before a later year's target column is where the row starts from (its
 * baseline), no target of its own ("Kết quả" with no year, or with no
 * later year beside it, stays a target). */
static void result_as_baseline(const struct row *row, struct header *h)
{
	bool moved = false;
	for (int i = 0; i < h->ncol; i++) {
		if (h->role[i] != R_TARGET || !h->year[i])
			continue;
		char *f = text_fold(row->cell[i]);
		bool result = starts(f, "ket qua");
		free(f);
		for (int j = 0; result && j < h->ncol; j++)
			if (j != i && (h->role[j] == R_TARGET || h->role[j] == R_YEAR) &&
			    h->year[j] > h->year[i]) {
				h->role[i] = R_BASELINE;
				moved = true;
				break;
			}
	}
	if (!moved)
		return;
	h->target_year = 0;
	for (int i = 0; i < h->ncol; i++)
		if (h->role[i] == R_TARGET && h->year[i])
			h->target_year = h->year[i];
}

/* A header row: a name column and at least two other known columns. */
static bool read_header(const struct row *row, struct header *h)
{
	if (row->text)
		return false;
	memset(h, 0, sizeof *h);
	int known = 0;
	bool name = false;
	h->ncol = row->ncell < MAXCOL ? row->ncell : MAXCOL;
	/* A header starts with its number or name column: look no further
	 * into rows that do not. */
	bool lead = false;
	for (int i = 0; i < h->ncol && i < 3 && !lead; i++) {
		bool t;
		enum role r = cell_role(row->cell[i], &h->year[i], &t);
		lead = r == R_STT || r == R_NAME;
	}
	if (!lead)
		return false;
	for (int i = 0; i < h->ncol; i++) {
		bool tasks = false;
		h->role[i] = cell_role(row->cell[i], &h->year[i], &tasks);
		if (h->role[i] == R_NAME && !name) {
			name = true;
			h->tasks = tasks;
		} else if (h->role[i] == R_NAME) {
			h->role[i] = R_NONE;
		}
		if (h->role[i] != R_NONE)
			known++;
		if (h->role[i] == R_TARGET && h->year[i])
			h->target_year = h->year[i];
		h->runyear[i] = run_years(row->cell[i], h->role[i], &h->packed[i]);
	}
	result_as_baseline(row, h);
	return name && known >= 3;
}

/* Under a milestone's caption ("Chỉ tiêu đến năm 2030"): the target the
 * level above sets ("Tỉnh giao", "Huyện giao"): 1; the one the plan's own
 * unit strives for ("Phường phấn đấu", "Xã phấn đấu"): 2; else 0. */
static int sub_target(const char *f)
{
	size_t n = strlen(f);
	if (n >= 8 && !strcmp(f + n - 8, "phan dau"))
		return 2;
	if (!strcmp(f, "giao") || (n >= 5 && !strcmp(f + n - 5, " giao") && n <= 20))
		return 1;
	return 0;
}

/* Under a year's caption ("Năm 2025" over "Kế hoạch | Kết quả thực
 * hiện", a one-year plan reporting the year before): the year's planned
 * figure, its target: 1; what it reached ("Kết quả thực hiện", "Ước thực
 * hiện"), no target and no baseline (it stands beside the year's own
 * target, not before the targets): -1; else 0. */
static int under_year(const char *f)
{
	if (!strcmp(f, "ke hoach") || !strcmp(f, "chi tieu") || !strcmp(f, "muc tieu"))
		return 1;
	if (starts(f, "ket qua") || starts(f, "thuc hien") || starts(f, "uoc thuc hien") ||
	    !strcmp(f, "uoc th") || !strcmp(f, "th"))
		return -1;
	return 0;
}

/* The cell of a header row's column copied into the line under it (a
 * cell merged over both lines, written in each by the reader). */
static bool copied_down(const struct row *above, const struct row *row, int i)
{
	return above && i < above->ncell && *row->cell[i] && !strcmp(above->cell[i], row->cell[i]);
}

/* Only a year or a date: "2030", "năm 2030", "đến năm 2030",
 * "31/12/2025" (a target "Hoàn thành năm 2025" is none). */
static bool year_words(const char *c)
{
	char *f = text_fold(c);
	int y;
	size_t n = strspn(f, "0123456789/.-");
	bool yes = is_year_cell(f, &y) ||
	           (f[n] == '\0' && n >= 8 && strchr(f, '/') && find_year(f + n - 4));
	free(f);
	return yes;
}

/* A header cell wrapped over two lines, its year on the second ("Mục
 * tiêu đến" over "31/12/2025" in a PDF's header): the role of the cell
 * above (a target or baseline column with no year) with the year the two
 * lines give together; else R_NONE. */
static enum role wrapped_year(const struct row *above, const struct header *h,
                              const struct row *row, int i, int *year)
{
	*year = 0;
	if (!above || i >= above->ncell || i >= h->ncol || h->year[i] ||
	    (h->role[i] != R_TARGET && h->role[i] != R_BASELINE) || !year_words(row->cell[i]))
		return R_NONE;
	char *joined = xasprintf("%s %s", above->cell[i], row->cell[i]);
	bool t;
	enum role r = cell_role(joined, year, &t);
	free(joined);
	if ((r != R_TARGET && r != R_YEAR && r != R_BASELINE) || !*year)
		return R_NONE;
	return r == R_TARGET ? R_YEAR : r;
}

/* A further line of a header: years under "Mức chỉ tiêu" (a later line's
 * years over an earlier one's periods: "Giai đoạn 2025 - 2027" over "Năm
 * 2025 | Năm 2027"), the agencies under "Cơ quan thực hiện" ("Chủ trì |
 * Phối hợp"), or the province's and the unit's own targets under a
 * milestone ("Tỉnh giao | Phường phấn đấu": the unit's is the plan's
 * target, the province's no field): every cell empty, a year, a column's
 * name or the line above's (above, a cell merged over both). */
static bool read_year_row(const struct row *row, const struct row *above, struct header *h)
{
	if (row->text)
		return false;
	int years = 0, roles = 0;
	for (int i = 0; i < row->ncell; i++) {
		int y;
		bool t;
		char *f = text_fold(row->cell[i]);
		bool empty = f[0] == '\0' || copied_down(above, row, i),
		     year = !empty && is_year_cell(f, &y),
		     sub = !empty && (sub_target(f) || under_year(f));
		free(f);
		year |= !empty && !year && wrapped_year(above, h, row, i, &y) != R_NONE;
		enum role r = empty || year || sub ? R_NONE : cell_role(row->cell[i], &y, &t);
		bool role = sub || (r != R_NONE && r != R_STT && r != R_NAME);
		if (!empty && !year && !role)
			return false;
		years += year;
		roles += role;
	}
	if (years < 2 && !(years + roles >= 2 && roles))
		return false;
	int sub_year = 0, own = -1, set = -1;
	for (int i = 0; i < row->ncell && i < MAXCOL; i++) {
		int y;
		bool t;
		if (copied_down(above, row, i))
			continue;
		char *f = text_fold(row->cell[i]);
		if (i < h->ncol && (h->role[i] == R_TARGET || h->role[i] == R_YEAR) && h->year[i])
			sub_year = h->year[i]; /* the caption over the columns from here */
		int sub = *f ? sub_target(f) : 0, plan = *f ? under_year(f) : 0;
		enum role wrapped = *f && !is_year_cell(f, &y) ? wrapped_year(above, h, row, i, &y)
		                                              : R_NONE;
		if (wrapped != R_NONE) {
			h->role[i] = wrapped;
			h->year[i] = y;
		} else if (plan && sub_year) {
			h->role[i] = plan > 0 ? R_YEAR : R_NONE;
			h->year[i] = plan > 0 ? sub_year : 0;
		} else if (sub && sub_year) {
			h->role[i] = R_TARGET;
			h->year[i] = sub_year;
			*(sub == 2 ? &own : &set) = i;
		} else if (is_year_cell(f, &y)) {
			h->role[i] = R_YEAR;
			h->year[i] = y;
		} else if (*f) {
			h->role[i] = cell_role(row->cell[i], &h->year[i], &t);
		}
		if (*f && i >= h->ncol)
			h->ncol = i + 1;
		free(f);
	}
	if (own >= 0 && set >= 0 && h->year[own] == h->year[set])
		h->role[set] = R_NONE;
	if (own >= 0)
		h->target_year = h->year[own];
	return true;
}

static const char *cell(const struct row *row, int i)
{
	return i < row->ncell ? row->cell[i] : "";
}

static int col(const struct header *h, enum role r)
{
	for (int i = 0; i < h->ncol; i++)
		if (h->role[i] == r)
			return i;
	return -1;
}

static const char *rcell(const struct state *st, const struct row *row, enum role r)
{
	int i = col(&st->h, r);
	return i < 0 ? "" : cell(row, i);
}

/* "... | ... |": a rendering that left rows out, not an indicator. */
static bool elided(const struct row *row)
{
	bool any = false;
	for (int i = 0; i < row->ncell; i++) {
		const char *c = row->cell[i];
		for (; *c; c++) {
			if (!strncmp(c, "\xe2\x80\xa6", 3)) /* … */
				c += 2;
			else if (*c != '.' && *c != ' ')
				return false;
			any = true;
		}
	}
	return any;
}

/* Only the numbering row under a header ("1 | 2 | 3 ...", "(1) | (2) ...")
 * or a separator. */
static bool filler_row(const struct row *row)
{
	int nums = 0, next = 1;
	bool dashes = true, seq = true, any = false;
	for (int i = 0; i < row->ncell; i++) {
		const char *c = row->cell[i];
		if (!*c)
			continue;
		any = true;
		if (strspn(c, "-:= ") != strlen(c) || strlen(c) < 2)
			dashes = false;
		/* Numbers one to a cell, or run together ("5 6") in a cell of
		 * text laid out with spaces. */
		for (const char *q = c; *q && seq;) {
			char *end;
			bool open = *q == '(';
			long v = strtol(q + open, &end, 10);
			if (open && end > q + 1 && *end == ')')
				end++;
			else if (open)
				end = (char *)q;
			if (end == q || (*end && *end != ' ') || v != next)
				seq = false;
			else
				nums++, next++;
			q = end + strspn(end, " ");
		}
	}
	return any && (dashes || (seq && nums >= 4) || elided(row));
}

/* True when every data column of the row is empty. */
static bool data_empty(const struct state *st, const struct row *row)
{
	if (row->dropped)
		return false;
	for (int i = 0; i < st->h.ncol; i++) {
		enum role r = st->h.role[i];
		if (r != R_NONE && r != R_STT && r != R_NAME && r != R_NOTE && r != R_FIELD &&
		    *cell(row, i))
			return false;
	}
	return true;
}

enum stt_kind { STT_EMPTY, STT_NUM, STT_ROMAN, STT_SUB, STT_DASH, STT_OTHER };

/* "1." -> NUM 1; "8.1" -> NUM 8 (sub); "II." -> ROMAN 2; "I.1", "1.5" with an
 * empty row -> SUB (a sub-group, k = 1, 5); "-" -> DASH. rest gets text
 * after the code when the cell holds "II.3 Phát triển ...". */
static enum stt_kind read_stt(const char *s, int *top, int *k, bool *roman_top, const char **rest)
{
	*top = *k = 0;
	*roman_top = false;
	*rest = NULL;
	while (*s == ' ')
		s++;
	if (!*s)
		return STT_EMPTY;
	if (!strcmp(s, "-") || !strcmp(s, "\xe2\x80\x93") || !strcmp(s, "+") || !strcmp(s, "*"))
		return STT_DASH;
	char code[32];
	size_t n = strcspn(s, " ");
	if (n >= sizeof code)
		return STT_OTHER;
	memcpy(code, s, n);
	code[n] = '\0';
	if (s[n])
		*rest = s + n + 1;
	while (n && (code[n - 1] == '.' || code[n - 1] == ')'))
		code[--n] = '\0';
	char *dot = strchr(code, '.');
	if (dot)
		*dot = '\0';
	int r = text_roman(code);
	if (!r && code[0] >= 'A' && code[0] <= 'H' && code[1] == '\0') {
		*top = 0; /* "A", "B": a group with a letter; numbered in order */
		return STT_ROMAN;
	}
	if (!r) {
		char *end;
		long v = strtol(code, &end, 10);
		if (*end || v <= 0 || v > 100000 || !isdigit((unsigned char)code[0]))
			return STT_OTHER;
		r = (int)v;
	} else {
		*roman_top = true;
	}
	*top = r;
	if (dot) {
		char *end;
		long v = strtol(dot + 1, &end, 10);
		if (*end && *end != '.')
			return STT_OTHER;
		*k = (int)v;
		return *roman_top || *rest ? STT_SUB : STT_NUM;
	}
	return *roman_top ? STT_ROMAN : STT_NUM;
}

static struct plan_group *groups(struct state *st, size_t **n)
{
	if (st->h.tasks) {
		*n = &st->p->ntask_groups;
		return st->p->task_groups;
	}
	*n = &st->p->ngroups;
	return st->p->groups;
}

static bool code_used(struct plan_group *g, size_t n, const char *code)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(g[i].code, code))
			return true;
	return false;
}

static void add_group(struct state *st, const char *code, const char *name)
{
	struct plan *p = st->p;
	if (st->h.tasks) {
		p->task_groups = xgrow(p->task_groups, &p->captask_groups, p->ntask_groups + 1,
		                       sizeof *p->task_groups);
		p->task_groups[p->ntask_groups].code = xstrdup(code);
		p->task_groups[p->ntask_groups].name = xstrdup(name);
		st->group = (int)p->ntask_groups++;
	} else {
		plan_add_group(p, code, name);
		st->group = (int)p->ngroups - 1;
	}
}

/* Enter a group: the same name again (a page break, another milestone
 * section) continues it; a printed code already taken by another group is
 * a misnumbering, mended to the next free number with a warning. */
static void enter_group(struct state *st, int printed, const char *shown, const char *name,
                        int line)
{
	size_t *n;
	struct plan_group *g = groups(st, &n);
	st->last_num = 0;
	st->heading = 0;
	st->printed_group = printed;
	if (*n >= MAX_GROUPS) { /* not a plan; keep input of any size linear */
		if (st->group < 0)
			st->group = 0;
		return;
	}
	for (size_t i = 0; i < *n; i++) {
		if (text_similarity(g[i].name, name) >= SAME_GROUP_MIN) {
			st->group = (int)i;
			st->group_no = text_roman(g[i].code);
			return;
		}
	}
	int want = printed;
	if (!want || code_used(g, *n, text_to_roman(want))) {
		want = st->group_no + 1;
		while (want < 40 && code_used(g, *n, text_to_roman(want)))
			want++;
		if (printed) {
			char was[16];
			snprintf(was, sizeof was, "%s", text_to_roman(printed));
			plan_warn(st->p, line,
			          "Nhóm \"%s %s\" đánh số trùng với nhóm %s đã có; đặt mã %s theo "
			          "thứ tự",
			          shown, name, was, text_to_roman(want));
		}
	}
	add_group(st, text_to_roman(want), name);
	st->group_no = want;
}

static void ensure_group(struct state *st, int line)
{
	if (st->group >= 0)
		return;
	enter_group(st, 0, "", st->h.tasks ? "Nhiệm vụ" : "Chỉ tiêu", line);
}

static const char *group_code(struct state *st)
{
	size_t *n;
	struct plan_group *g = groups(st, &n);
	return g[st->group].code;
}

static void set_str(char **dst, const char *s)
{
	if (*dst || !s || !*s)
		return;
	*dst = xstrdup(s);
}

static void pend_clear(struct pending *pd)
{
	for (int i = 0; i < pd->ncell; i++)
		free(pd->cell[i]);
	free(pd->lines);
	memset(pd, 0, sizeof *pd);
}

static void pend_start(struct state *st, const struct row *row)
{
	struct pending *pd = &st->pend;
	pd->active = true;
	pd->ncell = st->h.ncol;
	for (int i = 0; i < pd->ncell; i++)
		pd->cell[i] = xstrdup(cell(row, i));
	const char *lines = row_lines(row, col(&st->h, R_LEAD_PARTNERS));
	pd->lines = lines ? xstrdup(lines) : NULL;
	pd->first = row->first;
	pd->last = row->last;
	pd->lossy = row->lossy;
	pd->last_tabrow = row->tabrow;
	/* A place in the document where a reader knew one (a Word or Excel
	 * row, a PDF page); plain text has its line numbers instead. */
	if (row->tabrow || row->page)
		pd->src = (struct plan_source){row->table, row->tabrow, row->page};
	else
		pd->src = (struct plan_source){0, 0, 0};
}

/* A row cut by a page break: its cells continue those of the row above. */
static void pend_continue(struct state *st, const struct row *row)
{
	struct pending *pd = &st->pend;
	for (int i = 0; i < pd->ncell; i++) {
		const char *c = cell(row, i);
		if (!*c)
			continue;
		if (i == col(&st->h, R_LEAD_PARTNERS)) { /* no longer one cell's lines */
			free(pd->lines);
			pd->lines = NULL;
		}
		char *s = *pd->cell[i] ? xasprintf("%s %s", pd->cell[i], c) : xstrdup(c);
		free(pd->cell[i]);
		pd->cell[i] = s;
	}
	pd->last = row->last;
	pd->last_tabrow = row->tabrow;
}

static const char *pcell(const struct state *st, enum role r)
{
	int i = col(&st->h, r);
	return i < 0 || i >= st->pend.ncell ? "" : st->pend.cell[i];
}

/* "X (chủ trì); Y, Z" in one column "Cơ quan chủ trì/phối hợp": the agency
 * marked "(chủ trì)" leads, the others (before and after it) are partners;
 * "X / Y" (one slash between spaces) is X and Y in the header's order.
 * Else the cell is kept whole as the lead: which one leads is not
 * written. The strings are the caller's. */
static void split_lead(const char *c, char **lead, char **partners)
{
	static const char *const mark[] = {"(chủ trì)", "(Chủ trì)", "(CHỦ TRÌ)"};
	const char *m = NULL, *mk = NULL;
	for (size_t i = 0; i < sizeof mark / sizeof mark[0] && !m; i++)
		if ((m = strstr(c, mark[i])))
			mk = mark[i];
	*lead = *partners = NULL;
	if (!*c)
		return;
	if (!m) {
		/* "X / Y", as the header's "chủ trì / phối hợp": X leads */
		const char *sl = strstr(c, " / ");
		bool pair = sl && sl > c && sl[3] && !strstr(sl + 3, " / ");
		*lead = pair ? xstrndup(c, (size_t)(sl - c)) : xstrdup(c);
		*partners = pair ? xstrdup(sl + 3) : NULL;
		return;
	}
	/* the lead starts after the separator before the mark */
	const char *b = m;
	while (b > c && b[-1] != ';' && b[-1] != '\n')
		b--;
	const char *sep = " ;,.\n";
	const char *e = m;
	while (e > b && strchr(sep, e[-1]))
		e--;
	b += strspn(b, sep);
	if (e <= b)
		return;
	*lead = xstrndup(b, (size_t)(e - b));
	/* partners: what precedes the lead and what follows the mark */
	const char *a = m + strlen(mk);
	a += strspn(a, sep);
	size_t an = strlen(a);
	while (an && strchr(sep, a[an - 1]))
		an--;
	const char *pb = c;
	size_t pn = (size_t)(b - c);
	while (pn && strchr(sep, pb[pn - 1]))
		pn--;
	if (pn && an)
		*partners = xasprintf("%.*s; %.*s", (int)pn, pb, (int)an, a);
	else if (pn || an)
		*partners = pn ? xstrndup(pb, pn) : xstrndup(a, an);
}

/* The pending row's "Cơ quan chủ trì/phối hợp" cell into lead and
 * partners (those not set yet). A cell of lines with no mark nor "X / Y"
 * by its lines' shape (celltext_agency_lines); kept whole when that is
 * not known, said of both fields. */
static void fill_lead_partners(struct state *st, char **lead, char **partners)
{
	char *l, *p;
	const char *c = pcell(st, R_LEAD_PARTNERS);
	split_lead(c, &l, &p);
	if (l && !p && !strcmp(l, c) && st->pend.lines && lines_match(st->pend.lines, c)) {
		free(l);
		if (celltext_agency_lines(st->pend.lines, &l, &p) < 0 && !*lead) {
			int at = col(&st->h, R_LEAD_PARTNERS) + 1;
			for (int k = 0; k < 2; k++) {
				size_t had = st->p->nwarn;
				plan_warn_cell(
				        st->p, st->pend.first, at,
				        "Ô cơ quan chủ trì / phối hợp \"%s\" viết trên nhiều "
				        "dòng, không rõ dòng sau là cơ quan phối hợp hay tên "
				        "cơ quan chủ trì viết tiếp: giữ cả ô làm cơ quan chủ "
				        "trì, cần kiểm tra",
				        c);
				if (k && st->p->nwarn > had) /* said of the partners too */
					st->p->warn[had].field =
					        xstrdup(st->h.tasks ? "implementers" : "partners");
			}
		}
	}
	set_str(lead, l);
	set_str(partners, p);
	free(l);
	free(p);
}

static void fill_agencies(struct state *st, struct indicator *x)
{
	fill_lead_partners(st, &x->lead, &x->partners);
	set_str(&x->lead, pcell(st, R_LEAD));
	set_str(&x->lead, pcell(st, R_LEAD_MONITOR));
	set_str(&x->monitor, pcell(st, R_MONITOR));
	set_str(&x->monitor, pcell(st, R_LEAD_MONITOR));
	set_str(&x->partners, pcell(st, R_PARTNERS));
	set_str(&x->implementers, pcell(st, R_IMPL));
	set_str(&x->directing, pcell(st, R_DIRECTING));
	set_str(&x->deadline, pcell(st, R_DEADLINE));
}

static void fill_baseline(struct state *st, struct indicator *x)
{
	const char *b = pcell(st, R_BASELINE);
	if (!*b || x->baseline_text)
		return;
	x->baseline_text = xstrdup(b);
	double v;
	int k = target_number(b, &v);
	if (k && (b[k] == '\0' || !strcmp(b + k, "%") || !strcmp(b + k, " %"))) {
		x->has_baseline = true;
		x->baseline = v;
	}
}

/* The word set of indicator i's name, computed once. */
static const struct words *word_set(struct state *st, size_t i)
{
	if (i >= st->nwset) {
		st->wset = xgrow(st->wset, &st->capwset, i + 1, sizeof *st->wset);
		memset(&st->wset[st->nwset], 0, (i + 1 - st->nwset) * sizeof *st->wset);
		st->nwset = i + 1;
	}
	if (!st->wset[i].w)
		text_word_set(st->p->ind[i].name, &st->wset[i]);
	return &st->wset[i];
}

/* In a table with one target column per milestone section, find the
 * indicator of this group that the row continues. */
static struct indicator *merge_target(struct state *st, const char *name, int year, bool *dup)
{
	struct plan *p = st->p;
	const char *g = group_code(st);
	struct indicator *best = NULL;
	double bs = MERGE_MIN;
	size_t seen = 0;
	struct words row = {0};
	text_word_set(name, &row);
	*dup = false;
	for (size_t i = p->nind; i-- > 0 && seen < MERGE_WINDOW;) {
		struct indicator *x = &p->ind[i];
		if (strcmp(x->group, g))
			continue;
		seen++;
		double s = text_similarity_sets(word_set(st, i), &row);
		if (indicator_target(x, year)) {
			*dup |= s >= 0.95;
			continue;
		}
		if (s >= bs) {
			bs = s;
			best = x;
		}
	}
	words_free(&row);
	return best;
}

/* "I.3" printed in group I's rows is number 3 of it, not "I.I.3". */
static const char *without_group(const char *stt, const char *group)
{
	size_t g = strlen(group);
	if (g && !strncmp(stt, group, g) && stt[g] == '.' && isdigit((unsigned char)stt[g + 1]))
		return stt + g + 1;
	return stt;
}

/* "1.2" printed under the group row "1. Phát triển ..." is number 2 of it;
 * so is "2.2" under "II. KINH TẾ SỐ" when no row of the group was numbered
 * "1", "2" (no heading "2." over it). */
static const char *without_number(const struct state *st, const char *stt)
{
	int g = st->num_group ? st->num_group : st->last_num ? 0 : st->printed_group;
	char pre[16];
	int n = snprintf(pre, sizeof pre, "%d.", g);
	if (g && !strncmp(stt, pre, (size_t)n) && isdigit((unsigned char)stt[n]))
		return stt + n;
	return stt;
}

static void number_code(struct state *st, struct indicator *x, const char *stt)
{
	const struct plan *p = st->p;
	char num[40];
	size_t n = strlen(stt);
	while (n && (stt[n - 1] == '.' || stt[n - 1] == ')'))
		n--;
	if (n == 0 || n >= sizeof num) {
		size_t k = 0;
		for (size_t i = 0; i < p->nind; i++)
			k += !strcmp(p->ind[i].group, x->group);
		snprintf(num, sizeof num, "%zu", k);
	} else {
		memcpy(num, stt, n);
		num[n] = '\0';
	}
	const char *own = without_number(st, without_group(num, x->group));
	/* "IV.1" printed under group III: the row names a group of its
	 * own, whose heading row was not read as one (lost to a neighbour
	 * row): the row's group and code are a guess. */
	char head[16];
	size_t hn = strcspn(own, ".");
	if (own[hn] == '.' && hn < sizeof head && isdigit((unsigned char)own[hn + 1])) {
		memcpy(head, own, hn);
		head[hn] = '\0';
		if (text_roman(head) > 0 && strcmp(head, x->group))
			plan_warn_cell(st->p, x->first_line, 1,
			               "Số thứ tự %s không thuộc nhóm %s đang đọc: dòng tiêu đề "
			               "nhóm %s có thể đã bị đọc lẫn vào hàng khác; cần đối chiếu "
			               "nhóm và mã của hàng này với văn bản",
			               num, x->group, head);
	}
	char *code = xasprintf("%s.%s", x->group, own);
	x->code = code; /* made unique over the whole plan after reading */
}

static void rank_levels(struct indicator *x)
{
	struct target t[PLAN_MAX_MILESTONES];
	for (int i = 0; i < x->ntargets; i++)
		t[i] = x->targets[i].t;
	target_rank_row(t, x->ntargets);
	for (int i = 0; i < x->ntargets; i++)
		x->targets[i].t = t[i];
}

/* The plan field a cell of role r gives in an indicator (target cells:
 * "target YEAR") or, tasks, in a task; NULL when none: what a warning about
 * the cell names (plan_warning.field). */
static char *role_field(enum role r, int year, bool tasks)
{
	static const char *const names[][2] = {[R_STT] = {"code", "code"},
	                                       [R_NAME] = {"name", "title"},
	                                       [R_UNIT] = {"unit", NULL},
	                                       [R_BASELINE] = {"baseline", NULL},
	                                       [R_LEAD] = {"lead", "lead"},
	                                       [R_MONITOR] = {"monitor", NULL},
	                                       [R_LEAD_MONITOR] = {"lead", "lead"},
	                                       [R_LEAD_PARTNERS] = {"lead", "lead"},
	                                       [R_PARTNERS] = {"partners", "implementers"},
	                                       [R_IMPL] = {"implementers", "implementers"},
	                                       [R_DIRECTING] = {"directing", "lead"},
	                                       [R_DEADLINE] = {"deadline", "timeframe"}};
	if (r == R_TARGET || r == R_YEAR)
		return year && !tasks ? xasprintf("target %d", year) : NULL;
	return (size_t)r < sizeof names / sizeof names[0] && names[r][tasks]
	               ? xstrdup(names[r][tasks])
	               : NULL;
}

/* Whether warning w says what one of the first n warnings of p says of
 * the same line and field (two columns giving one field: "Chủ trì" and
 * "Chỉ đạo" a task's lead). */
static bool said_before(const struct plan *p, size_t n, const struct plan_warning *w)
{
	for (size_t i = 0; w->field && i < n; i++)
		if (p->warn[i].line == w->line && p->warn[i].field &&
		    !strcmp(p->warn[i].field, w->field) && !strcmp(p->warn[i].message, w->message))
			return true;
	return false;
}

/* The warnings about cells of the pending row (cells run together, a
 * scan's cells read with low confidence) told which field of the indicator
 * or task each cell gave; one saying again what another says of the same
 * field dropped. */
static void cell_fields(struct state *st, int year)
{
	struct plan *p = st->p;
	size_t n = 0;
	for (size_t i = 0; i < p->nwarn; i++) {
		struct plan_warning *w = &p->warn[i];
		bool mine = w->col >= 1 && w->col <= st->h.ncol && !w->field &&
		            w->line >= st->pend.first && w->line <= st->pend.last;
		if (mine) {
			enum role r = st->h.role[w->col - 1];
			int y = r == R_YEAR ? st->h.year[w->col - 1] : year;
			w->field = role_field(r, y, st->h.tasks);
		}
		if (mine && said_before(p, n, w)) {
			free(w->message);
			free(w->field);
			continue;
		}
		p->warn[n++] = *w;
	}
	p->nwarn = n;
	/* an indicator's "Chủ trì, theo dõi" cell gives its lead and its
	 * monitor: a warning of the one said of the other too */
	for (size_t i = 0; !st->h.tasks && i < n; i++) {
		const struct plan_warning *w = &p->warn[i];
		if (w->col >= 1 && w->col <= st->h.ncol && w->field && !strcmp(w->field, "lead") &&
		    st->h.role[w->col - 1] == R_LEAD_MONITOR && w->line >= st->pend.first &&
		    w->line <= st->pend.last) {
			size_t had = p->nwarn;
			int c = w->col;
			plan_warn_cell(p, w->line, c, "%s", w->message);
			if (p->nwarn > had && p->warn[p->nwarn - 1].col == c) /* not "too many" */
				p->warn[p->nwarn - 1].field = xstrdup("monitor");
		}
	}
}

/* The warnings about cells of a group's heading row (a scan's cells read
 * with low confidence) told that they are about the group's name: field
 * "group CODE", the code of the group the row entered. Task groups are
 * left as they are (their rows are not corrected cell by cell). */
static void group_fields(struct state *st, const struct row *row)
{
	struct plan *p = st->p;
	if (st->h.tasks || st->group < 0 || (size_t)st->group >= p->ngroups)
		return;
	for (size_t i = 0; i < p->nwarn; i++) {
		struct plan_warning *w = &p->warn[i];
		if (w->col >= 1 && !w->field && w->line >= row->first &&
		    w->line <= (row->last > row->first ? row->last : row->first))
			w->field = xasprintf("group %s", p->groups[st->group].code);
	}
}

/* A table with no target column ("TT | Chỉ tiêu | Chủ trì"): the target
 * sits in the indicator's sentence ("Tỷ lệ ... đạt tối thiểu 90%") and its
 * milestone is the one the plan's title names ("... đến năm 2030"), else
 * the section's. Without a milestone the sentence is kept whole and the
 * row named in a warning, never a target under a guessed year. */
/* The year a yearly plan's title names: "… năm 2025" (the last one that
 * is not a date's). */
static int title_year(const char *title)
{
	char *f = text_fold(title);
	int y = 0;
	for (const char *p = strstr(f, "nam "); p; p = strstr(p + 1, "nam ")) {
		const char *d = p + 4;
		/* "ngày 22 tháng 12 năm 2024" is a date, not the plan's year */
		bool date = p - f >= 2 && isdigit((unsigned char)p[-2]);
		int v = text_year_at(f, d);
		if ((p == f || p[-1] == ' ') && !date && v >= 2000)
			y = v;
	}
	free(f);
	return y;
}

static void sentence_target(struct state *st, struct indicator *x)
{
	const char *title = st->p->title;
	int year = body_year(x->name); /* "… đạt 100% đến năm 2035": its own */
	if (!year)
		year = st->section_year;
	if (!year && title)
		year = body_year(title) ? body_year(title) : title_year(title);
	char *name, *unit, *text;
	if (!body_sentence(x->name, &name, &unit, &text))
		return;
	if (!year) {
		plan_warn(st->p, st->pend.first,
		          "Chỉ tiêu \"%s\": không rõ mốc năm của mức \"%s\" (tên văn bản không "
		          "ghi \"đến năm ...\")",
		          name, text);
		free(name);
		free(unit);
		free(text);
		return;
	}
	free(x->name);
	x->name = name;
	if (!x->unit)
		x->unit = unit;
	else
		free(unit);
	struct target t;
	target_parse(text, x->unit, &t);
	indicator_set_target(x, year, &t);
	free(text);
}

/* A word of a figure: a number with its sign, decimal mark, percent or
 * range dash ("≥80", "72,5", "95%", "85-90"); a lone sign is none. */
static bool figure_token(const char *s, size_t n)
{
	static const char *const sign[] = {"\xe2\x89\xa5", "\xe2\x89\xa4", ">", "<", "="};
	for (size_t i = 0; i < sizeof sign / sizeof sign[0]; i++) {
		size_t k = strlen(sign[i]);
		if (n > k && !strncmp(s, sign[i], k)) {
			s += k;
			n -= k;
			break;
		}
	}
	if (!n || !isdigit((unsigned char)s[0]))
		return false;
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]) && !strchr(".,%-", s[i]))
			return false;
	return true;
}

/* Two cells' figures in one ("100 100", "92 ≥95", "85-90 100"): text laid
 * out with spaces, or a header row too few, set two columns' cells into
 * one. Only words of figures, signs and dashes, at least two of them
 * figures (a figure and a dash may be a scan's stray mark), and not the
 * range "80 - 90". */
static bool two_figures(const char *c)
{
	int fig = 0, dash = 0, n = 0;
	bool range = false;
	int prev = 0; /* 1 figure, 2 dash */
	for (const char *p = c; *p;) {
		p += strspn(p, " ");
		size_t k = strcspn(p, " ");
		if (!k)
			break;
		bool d = (k == 1 && *p == '-') || (k == 3 && !strncmp(p, "\xe2\x80\x93", 3));
		bool sg = (k == 1 && strchr("<>=", *p)) ||
		          (k == 3 && (!strncmp(p, "\xe2\x89\xa5", 3) || !strncmp(p, "\xe2\x89\xa4", 3)));
		if (figure_token(p, k)) {
			range |= prev == 2 && n == 2 && fig == 1;
			fig++;
			prev = 1;
		} else if (d) {
			dash++;
			prev = 2;
		} else if (!sg) {
			return false;
		}
		n++;
		p += k;
	}
	if (range && fig == 2 && dash == 1 && n == 3)
		return false;
	return fig >= 2;
}

/* A target cell of the table: read, unless it holds two cells' figures
 * or shifted is set (another cell of its row does: the row's cells are
 * not under their columns), which no figure is read from (kept as text,
 * named in a warning). */
static void table_target(struct state *st, const char *c, const char *unit, int line, int ci,
                         bool shifted, struct target *t)
{
	target_parse(c, unit, t);
	if ((t->kind == TARGET_NUMBER || t->kind == TARGET_RANGE) && shifted && !two_figures(c)) {
		t->kind = TARGET_TEXT;
		t->value = t->min = t->max = 0;
		plan_warn_cell(st->p, line, ci + 1,
		               "Ô mục tiêu \"%s\" nằm trong hàng có ô mang số của hai ô (các ô "
		               "của hàng có thể đã lệch cột); không đọc thành số, cần đối chiếu "
		               "với văn bản",
		               c);
	} else if ((t->kind == TARGET_NUMBER || t->kind == TARGET_RANGE ||
	            t->kind == TARGET_NONE) &&
	           two_figures(c)) {
		t->kind = TARGET_TEXT;
		t->value = t->min = t->max = 0;
		plan_warn_cell(st->p, line, ci + 1,
		               "Ô mục tiêu \"%s\" có số của hai ô liền nhau (bảng mất cột khi "
		               "chép); không đọc thành số, cần đối chiếu với văn bản",
		               c);
	}
}

static bool run_years_col(const struct header *h)
{
	for (int i = 0; i < h->ncol; i++)
		if (h->runyear[i])
			return true;
	return false;
}

/* "Tỷ lệ …, trong đó:" (sub-rows follow): the name without the words
 * announcing them. */
static void cut_among(char *name)
{
	size_t n = strlen(name);
	if (!n || name[n - 1] != ':')
		return;
	name[--n] = '\0';
	static const char *const among[] = {"trong đó", "Trong đó"};
	for (size_t i = 0; i < 2; i++) {
		size_t k = strlen(among[i]);
		if (n > k && !strcmp(name + n - k, among[i])) {
			n -= k;
			break;
		}
	}
	while (n && (name[n - 1] == ' ' || name[n - 1] == ','))
		n--;
	name[n] = '\0';
}

/* No unit column: a unit in brackets closing the name ("Tỷ lệ … (%)",
 * "Chỉ số … (DTI) (điểm)") is the indicator's unit, cut from the name;
 * only a unit plans use, as printed. The unit, or NULL. */
static char *unit_in_name(char *name)
{
	size_t n = strlen(name);
	if (n < 4 || name[n - 1] != ')')
		return NULL;
	char *open = strrchr(name, '(');
	if (!open || open == name || open[-1] != ' ')
		return NULL;
	char *u = xstrndup(open + 1, (size_t)(name + n - 1 - (open + 1)));
	if (strcmp(u, "%") && !plain_unit_folded(u)) {
		free(u);
		return NULL;
	}
	while (open > name && open[-1] == ' ')
		open--;
	*open = '\0';
	return u;
}

/* No unit column: the unit a target cell names after its figure ("05 hệ
 * thống", "100% xã, thị trấn", "Tối thiểu 90%"): "%" or the counted
 * noun; NULL when none. */
static char *unit_in_target(const char *c)
{
	const char *d = c + strcspn(c, "0123456789");
	if (!*d)
		return NULL;
	d += strspn(d, "0123456789.,");
	if (*d == '%' || (*d == ' ' && d[1] == '%'))
		return xstrdup("%");
	return body_count_unit(c);
}

/* The one year a row's time cell names ("Năm 2025", "Quý IV/2025", "Đến
 * năm 2030"); 0 when none or two ("2026 - 2027"). */
static int only_year(const char *c)
{
	const char *at;
	int y = text_find_year(c, &at);
	return y && !find_year(at + 4) ? y : 0;
}

/* A target cell naming its milestones ("Năm 2025: 50%; năm 2030: 80%",
 * "Đến năm 2030: 70%"): each part "[Đến [hết]] năm YYYY: target", split
 * at ";". The number of parts (years[k], texts[k]: the target after the
 * colon, the caller's to free), or 0 when any part is not so. */
#define MAX_LISTED 8
static int year_list(const char *c, int *years, char **texts)
{
	int n = 0;
	for (const char *s = c; *s && n < MAX_LISTED;) {
		s += strspn(s, " ");
		size_t len = strcspn(s, ";");
		const char *colon = memchr(s, ':', len);
		bool ok = colon != NULL;
		if (ok) {
			char *head = xstrndup(s, (size_t)(colon - s)), *f = text_fold(head);
			const char *q = f;
			static const char *const pre[] = {"den het nam ", "den nam ", "nam "};
			for (size_t i = 0; i < sizeof pre / sizeof pre[0]; i++)
				if (starts(q, pre[i])) {
					q += strlen(pre[i]);
					break;
				}
			size_t ql = strlen(q);
			while (ql && q[ql - 1] == ' ')
				ql--;
			years[n] = q != f ? text_year(q, ql) : 0;
			ok = years[n] != 0;
			free(head);
			free(f);
		}
		const char *v = ok ? colon + 1 : NULL;
		size_t vl = ok ? (size_t)(s + len - v) : 0;
		while (v && vl && *v == ' ')
			v++, vl--;
		while (vl && (v[vl - 1] == ' ' || v[vl - 1] == '.'))
			vl--;
		if (!ok || !vl) {
			for (int i = 0; i < n; i++)
				free(texts[i]);
			return 0;
		}
		texts[n++] = xstrndup(v, vl);
		s += len + (s[len] == ';');
	}
	return n;
}

/* A cell naming a milestone's year before a colon ("… năm 2030: …"). */
static bool named_years(const char *c)
{
	char *f = text_fold(c);
	bool yes = false;
	for (const char *p = strstr(f, "nam "); p && !yes; p = strstr(p + 1, "nam "))
		yes = text_year_at(f, p + 4) && p[8] == ':';
	free(f);
	return yes;
}

/* A year-list cell in one of the row's target columns (year_list). */
static bool listed_targets(const struct state *st)
{
	int years[MAX_LISTED];
	char *texts[MAX_LISTED];
	for (int i = 0; i < st->h.ncol && i < st->pend.ncell; i++) {
		if (st->h.role[i] != R_TARGET)
			continue;
		int n = year_list(st->pend.cell[i], years, texts);
		for (int k = 0; k < n; k++)
			free(texts[k]);
		if (n)
			return true;
	}
	return false;
}

/* Bytes of name's leading words in capitals ("CHÍNH QUYỀN SỐ Tỷ lệ …"),
 * two at least, before a word that is not: a group's heading read into
 * the row under it; 0 when none. */
static size_t caps_lead(const char *name)
{
	size_t end = 0, words = 0;
	for (const char *w = name; *w;) {
		size_t k = strcspn(w, " ");
		char *word = xstrndup(w, k);
		char *up = text_upper(word);
		bool caps = text_case_start(word) == 1 && !strcmp(up, word);
		bool lower = !caps && text_case_start(word) >= 0 && strcmp(up, word);
		free(up);
		free(word);
		if (!caps)
			return lower && words >= 2 ? end : 0;
		words++;
		end = (size_t)(w + k - name);
		w += k;
		w += strspn(w, " ");
	}
	return 0;
}

/* "II.5" whose name starts "CHÍNH QUYỀN SỐ Tỷ lệ …", read under group I:
 * the heading row of the next group (its number and name) ran into the
 * row under it (a text copied from a PDF with no gap between them). The
 * group is entered, named by the capitals; the row keeps the rest, both
 * named in a warning. Returns the name's rest. */
static const char *split_heading(struct state *st, const char *stt, const char *name)
{
	char head[16];
	size_t hn = strcspn(stt, ".");
	size_t lead = caps_lead(name);
	if (!lead || hn >= sizeof head || stt[hn] != '.' || !isdigit((unsigned char)stt[hn + 1]))
		return name;
	memcpy(head, stt, hn);
	head[hn] = '\0';
	int r = text_roman(head);
	if (!r || r != st->group_no + 1)
		return name;
	char *g = xstrndup(name, lead);
	enter_group(st, r, head, g, st->pend.first);
	plan_warn_cell(st->p, st->pend.first, 1,
	               "Dòng tiêu đề nhóm %s \"%s\" đọc lẫn vào hàng %s (không có khoảng "
	               "cách giữa hai dòng): đã tách ra, cần đối chiếu nhóm, mã và tên của "
	               "hàng với văn bản",
	               head, g, stt + hn + 1);
	free(g);
	return name + lead + strspn(name + lead, " ");
}

static void flush_indicator(struct state *st)
{
	struct plan *p = st->p;
	const char *name = pcell(st, R_NAME), *unit = pcell(st, R_UNIT);
	const char *stt = pcell(st, R_STT);
	bool listed = listed_targets(st);
	bool merge = col(&st->h, R_YEAR) < 0 && col(&st->h, R_TARGET) >= 0 && !listed;
	int year = st->h.target_year ? st->h.target_year : st->section_year;
	int ry = row_year(pcell(st, R_ROW_YEAR));
	/* a "Năm" cell not one year ("Năm 2027 Năm 2030": the rows of two
	 * milestones run together): which target is whose is not known */
	bool yearless = col(&st->h, R_ROW_YEAR) >= 0 && *pcell(st, R_ROW_YEAR) && !ry;
	if (col(&st->h, R_ROW_YEAR) >= 0 && ry) {
		merge = false; /* a long table: one row per year */
		year = ry;
	}
	/* one target column ("Kết quả", "Mục tiêu") and no section naming a
	 * milestone: the title's ("… năm 2026", "… đến năm 2030") */
	const char *title = p->title;
	if (merge && !year && title)
		year = body_year(title) ? body_year(title) : title_year(title);
	/* none, and each row's time in a column of its own: the row's */
	if (merge && !year && col(&st->h, R_DEADLINE) >= 0)
		year = only_year(pcell(st, R_DEADLINE));
	if (st->group >= 0 && !st->h.tasks)
		name = split_heading(st, stt, name);
	ensure_group(st, st->pend.first);
	struct indicator *x = NULL;
	if (merge && year) {
		bool dup;
		x = merge_target(st, name, year, &dup);
		if (dup && !x)
			plan_warn(p, st->pend.first, "Chỉ tiêu \"%s\" lặp lại trong cùng mốc %d",
			          name, year);
	} else if (merge && !st->warned_year) {
		plan_warn(
		        p, st->pend.first,
		        "Không rõ cột mục tiêu thuộc mốc năm nào (không có dòng \"Đến năm ...\")");
		st->warned_year = true;
	}
	if (!x) {
		x = plan_add_indicator(p);
		x->group = xstrdup(group_code(st));
		x->name = xstrdup(name);
		size_t nl = strlen(x->name); /* "giao thông." -> "giao thông" */
		if (nl > 1 && x->name[nl - 1] == '.' && x->name[nl - 2] != '.')
			x->name[nl - 1] = '\0';
		if (col(&st->h, R_UNIT) < 0 && !*unit)
			x->unit = unit_in_name(x->name);
		if (col(&st->h, R_UNIT) < 0 && !x->unit && col(&st->h, R_TARGET) >= 0)
			x->unit = unit_in_target(pcell(st, R_TARGET));
		cut_among(x->name);
		x->first_line = st->pend.first;
		x->src = st->pend.src;
		/* numbered anew in each section (their rows repeat "1", "2");
		 * with no section (the milestone from the title) the rows'
		 * own numbers, a sub-row's its heading's ("2.1") */
		if (merge && !st->h.target_year && st->section_year)
			number_code(st, x, "");
		else
			number_code(st, x, stt);
	}
	x->last_line = st->pend.last;
	set_str(&x->unit, unit);
	/* No unit column, and a unit ("%", "%/năm", "Điểm") in a column whose header
	 * names none (its header's words lost, "Đơn vị" packed into the next
	 * cells): the indicator's unit may be there, not read; said of the
	 * unit. */
	for (int i = 0; col(&st->h, R_UNIT) < 0 && i < st->h.ncol && i < st->pend.ncell; i++)
		if (st->h.role[i] == R_NONE &&
		    (st->pend.cell[i][0] == '%' || plain_unit(st->pend.cell[i]))) {
			plan_warn_cell(p, st->pend.first, i + 1,
			               "Ô \"%s\" có thể là đơn vị tính của chỉ tiêu, nhưng tiêu đề "
			               "cột của nó không đọc được nên không được đọc; cần đối chiếu "
			               "với văn bản",
			               st->pend.cell[i]);
			p->warn[p->nwarn - 1].field = xstrdup("unit");
		}
	for (int i = 0; i < st->h.ncol && i < st->pend.ncell; i++)
		if (st->h.runyear[i] && *st->pend.cell[i]) {
			plan_warn_cell(p, st->pend.first, i + 1,
			               "Ô \"%s\" nằm dưới tiêu đề của một năm và cột khác chép "
			               "liền nhau (các ô của chúng cũng vậy); không đọc thành mục "
			               "tiêu, cần đối chiếu với văn bản",
			               st->pend.cell[i]);
			p->warn[p->nwarn - 1].field = xasprintf("target %d", st->h.runyear[i]);
			static const char *const also[] = {"unit", "lead"};
			for (int b = 0; b < 2; b++)
				if (st->h.packed[i] & (1 << b)) {
					plan_warn_cell(p, st->pend.first, i + 1,
					               "Ô \"%s\" nằm dưới cột gộp tiêu đề của nhiều "
					               "cột; cần đối chiếu với văn bản",
					               st->pend.cell[i]);
					p->warn[p->nwarn - 1].field = xstrdup(also[b]);
				}
		}
	if (!merge && col(&st->h, R_YEAR) < 0 && col(&st->h, R_TARGET) < 0 &&
	    !run_years_col(&st->h))
		sentence_target(st, x);
	fill_baseline(st, x);
	fill_agencies(st, x);
	int unlisted = 0; /* 1 + a target column whose cell's years are not read */
	bool shifted = false; /* a cell with two figures: the row's cells moved */
	for (int i = 0; i < st->h.ncol && i < st->pend.ncell; i++)
		shifted |= (st->h.role[i] == R_YEAR || st->h.role[i] == R_TARGET) &&
		           two_figures(st->pend.cell[i]);
	for (int i = 0; i < st->h.ncol; i++) {
		int y = st->h.role[i] == R_YEAR ? st->h.year[i] : 0;
		if (st->h.role[i] == R_TARGET && year)
			y = year;
		int ly[MAX_LISTED];
		char *lt[MAX_LISTED];
		int nl = st->h.role[i] == R_TARGET && i < st->pend.ncell
		                 ? year_list(st->pend.cell[i], ly, lt)
		                 : 0;
		if (nl)
			st->listed[i] = true;
		else if (y && i < st->pend.ncell && *st->pend.cell[i] &&
		         (st->listed[i] || named_years(st->pend.cell[i])))
			unlisted = i + 1;
		for (int k = 0; k < nl; k++) {
			struct target t;
			table_target(st, lt[k], x->unit, st->pend.first, i, shifted, &t);
			if (indicator_target(x, ly[k]))
				plan_warn_cell(p, st->pend.first, i + 1,
				               "Ô mục tiêu ghi hai lần năm %d; giữ mức sau \"%s\"",
				               ly[k], lt[k]);
			indicator_set_target(x, ly[k], &t);
			free(lt[k]);
		}
		if (nl || !y || i >= st->pend.ncell)
			continue;
		struct target t;
		table_target(st, st->pend.cell[i], x->unit, st->pend.first, i, shifted, &t);
		if (unlisted == i + 1) {
			/* "Năm 2025: 55% … năm 2030:" cut, or "60%" where the
			 * column's cells name their years: its year a guess */
			bool cut = named_years(st->pend.cell[i]);
			if (cut && (t.kind == TARGET_NUMBER || t.kind == TARGET_RANGE)) {
				t.kind = TARGET_TEXT;
				t.value = t.min = t.max = 0;
			}
			plan_warn_cell(p, st->pend.first, i + 1,
			               cut ? "Ô mục tiêu \"%s\" ghi các mốc năm nhưng không tách "
			                     "được thành từng mốc; giữ nguyên văn bản, cần đối chiếu"
			                   : "Ô mục tiêu \"%s\" không ghi năm như các ô khác của cột; "
			                     "đọc theo mốc %d, cần đối chiếu với văn bản",
			               st->pend.cell[i], y);
			p->warn[p->nwarn - 1].field = xasprintf("target %d", y);
		}
		if (st->pend.field_doubt && (t.kind == TARGET_NUMBER || t.kind == TARGET_RANGE)) {
			/* under a code that may not be the row's: no figure */
			t.kind = TARGET_TEXT;
			t.value = t.min = t.max = 0;
			plan_warn_cell(p, st->pend.first, i + 1,
			               "Ô mục tiêu \"%s\" thuộc hàng không rõ lĩnh vực; không đọc "
			               "thành số, cần đối chiếu với văn bản",
			               st->pend.cell[i]);
			p->warn[p->nwarn - 1].field = xasprintf("target %d", y);
		}
		if (yearless && t.kind != TARGET_NONE) {
			t.kind = TARGET_TEXT;
			t.value = t.min = t.max = 0;
			plan_warn_cell(
			        p, st->pend.first, i + 1,
			        "Ô mục tiêu \"%s\" thuộc hàng có ô năm \"%s\" không phải một "
			        "năm (các hàng của nhiều mốc chép liền nhau); không đọc thành "
			        "số, cần đối chiếu với văn bản",
			        st->pend.cell[i], pcell(st, R_ROW_YEAR));
			p->warn[p->nwarn - 1].field = xasprintf("target %d", y);
		}
		indicator_set_target(x, y, &t);
	}
	if (st->pend.field_doubt) {
		plan_warn(p, st->pend.first,
		          "Hàng \"%.60s\" không ghi lĩnh vực (ô gộp của bản chép nằm giữa các "
		          "hàng của nó): xếp tạm vào nhóm %s, cần đối chiếu với văn bản",
		          x->name, x->group);
		p->warn[p->nwarn - 1].field = xstrdup("group");
		plan_warn(p, st->pend.first, "Mã %s của hàng \"%.60s\" là mã tạm theo nhóm tạm",
		          x->code, x->name);
		p->warn[p->nwarn - 1].field = xstrdup("code");
	}
	rank_levels(x);
	cell_fields(st, year);
}

static void flush_task(struct state *st)
{
	ensure_group(st, st->pend.first);
	struct task *t = plan_add_task(st->p);
	size_t *n;
	struct plan_group *g = groups(st, &n);
	t->group = xstrdup(g[st->group].code);
	const char *stt = pcell(st, R_STT);
	size_t k = strlen(stt);
	while (k && (stt[k - 1] == '.' || stt[k - 1] == ')')) /* "1.", "1)" */
		k--;
	char *own = xstrndup(stt, k);
	if (k)
		t->code = xasprintf("%s.%s", t->group,
		                    without_number(st, without_group(own, t->group)));
	else
		t->code = xasprintf("%s.%zu", t->group, st->p->ntasks);
	free(own);
	t->title = xstrdup(pcell(st, R_NAME));
	set_str(&t->lead, pcell(st, R_LEAD));
	set_str(&t->lead, pcell(st, R_LEAD_MONITOR));
	set_str(&t->lead, pcell(st, R_DIRECTING));
	fill_lead_partners(st, &t->lead, &t->implementers);
	set_str(&t->implementers, pcell(st, R_IMPL));
	set_str(&t->implementers, pcell(st, R_PARTNERS));
	set_str(&t->timeframe, pcell(st, R_DEADLINE));
	if (t->timeframe) {
		task_due(t->timeframe, &t->due_year, &t->due_month);
		t->recurring = task_recurring(t->timeframe);
	}
	t->first_line = st->pend.first;
	t->last_line = st->pend.last;
	t->src = st->pend.src;
	cell_fields(st, 0);
}

/* A footnote mark closing a cell ("Tỷ lệ … (*)", "80 (*)"), explained
 * under the table: neither the name nor the target; cut off. */
static void cut_footnote(char *c)
{
	size_t n = strlen(c);
	if (n < 3 || c[n - 1] != ')')
		return;
	size_t i = n - 2;
	while (i > 0 && c[i] == '*')
		i--;
	if (c[i] != '(' || i == n - 2)
		return;
	while (i > 0 && c[i - 1] == ' ')
		i--;
	if (i > 0)
		c[i] = '\0';
}

/* A column of agencies: 2 one every row names (who leads, monitors,
 * directs), 1 one a row may leave empty (partners, implementers), else 0. */
static int agency_role(enum role r)
{
	if (r == R_LEAD || r == R_MONITOR || r == R_LEAD_MONITOR || r == R_LEAD_PARTNERS ||
	    r == R_DIRECTING)
		return 2;
	return r == R_PARTNERS || r == R_IMPL;
}

static void above_clear(struct state *st)
{
	for (int i = 0; i < MAXCOL; i++) {
		free(st->above[i]);
		st->above[i] = NULL;
	}
}

/* An agency's cell left empty under one that is not, in the same group,
 * in a rendering that writes a cell merged over rows once (row.lossy):
 * the merged cell's, or truly empty; the text cannot tell which, so it is
 * left empty and named in a warning of its field. The empty cells under
 * it carry it down (a cell merged over three rows). A partner's cell is
 * often truly empty: named only with a lead's or monitor's of its row (a
 * row's agencies merged together). */
static void merged_above(struct state *st)
{
	const struct pending *pd = &st->pend;
	if (!pd->lossy || st->group != st->above_group || st->table != st->above_table ||
	    st->h.tasks != st->above_tasks) {
		above_clear(st);
		st->above_group = st->group;
		st->above_table = st->table;
		st->above_tasks = st->h.tasks;
	}
	bool named = false;
	for (int need = 2; pd->lossy && need >= 1; need--)
		for (int i = 0; i < st->h.ncol && i < pd->ncell; i++) {
			if (agency_role(st->h.role[i]) != need)
				continue;
			if (*pd->cell[i]) {
				free(st->above[i]);
				st->above[i] = xstrdup(pd->cell[i]);
			} else if (st->above[i] && (need == 2 || named)) {
				named = true;
				plan_warn_cell(st->p, pd->first, i + 1,
				               "Ô cơ quan này trống trong bản chép, có thể là ô gộp "
				               "với hàng trên (\"%.60s\") mà bản chép đã làm mất, "
				               "cần đối chiếu với văn bản",
				               st->above[i]);
			}
		}
}

/* An unnumbered row's name printed as a bullet ("- Tỷ lệ …", "+ Số …",
 * "• …"): the mark is the list's, no part of the name. */
static void cut_bullet(char *name)
{
	static const char *const marks[] = {"- ", "\u2013 ", "+ ", "\u2022 "};
	for (size_t i = 0; i < sizeof marks / sizeof *marks; i++) {
		size_t n = strlen(marks[i]);
		if (!strncmp(name, marks[i], n) && name[n + strspn(name + n, " ")]) {
			n += strspn(name + n, " ");
			memmove(name, name + n, strlen(name + n) + 1);
			return;
		}
	}
}

static void flush(struct state *st)
{
	if (!st->pend.active)
		return;
	for (int i = 0; i < st->pend.ncell; i++)
		if (st->h.role[i] == R_NAME || st->h.role[i] == R_YEAR ||
		    st->h.role[i] == R_TARGET)
			cut_footnote(st->pend.cell[i]);
	int ni = col(&st->h, R_NAME);
	if (ni >= 0 && ni < st->pend.ncell && !*pcell(st, R_STT))
		cut_bullet(st->pend.cell[ni]);
	if (ni >= 0 && ni < st->pend.ncell && !*st->pend.cell[ni]) {
		/* Kept, never dropped: the clerk names it. Not read either:
		 * import stores it only when told --partial. */
		plan_warn(st->p, st->pend.first, "Dòng không có tên; giữ lại với tên tạm");
		st->p->unread++;
		free(st->pend.cell[ni]);
		st->pend.cell[ni] = xasprintf("(không có tên, dòng %d)", st->pend.first);
	}
	if (ni < 0 || ni >= st->pend.ncell) {
		/* nothing to name it by: no name column */
	} else {
		ensure_group(st, st->pend.first);
		merged_above(st);
		if (st->h.tasks)
			flush_task(st);
		else
			flush_indicator(st);
	}
	pend_clear(&st->pend);
}

/* Warn when the printed numbers of a group skip or go back. */
static void check_number(struct state *st, int n, int line)
{
	ensure_group(st, line);
	if (st->last_num && n != st->last_num + 1) {
		if (n > st->last_num + 1)
			plan_warn(st->p, line,
			          "Số thứ tự nhảy từ %d lên %d trong nhóm %s (thiếu %d)",
			          st->last_num, n, group_code(st), st->last_num + 1);
		else
			plan_warn(st->p, line, "Số thứ tự %d đứng sau %d trong nhóm %s", n,
			          st->last_num, group_code(st));
	}
	st->last_num = n;
}

/* The year of f, or the end year of a period "2025-2027", "2025 – 2027",
 * "từ 2025 đến 2027": a period's milestone is its end. */
static int period_end(const char *f)
{
	const char *at;
	int y = text_find_year(f, &at);
	if (!y)
		return 0;
	int end = text_period_end(f, at, NULL);
	const char *p = at + 4 + strspn(at + 4, " ");
	if (!end && !strncmp(p, "den ", 4)) /* "từ 2025 đến 2027" */
		end = text_year_at(f, p + 4 + strspn(p + 4, " "));
	return end > y ? end : y;
}

/* "I | Đến hết năm 2025", "III Mục tiêu đến hết năm 2035": the milestone of
 * the single target column below it. Returns the year, 0 when not one. */
static int section_year(const struct state *st, const struct row *row, int *no)
{
	char *joined = xasprintf("%s %s", rcell(st, row, R_STT), rcell(st, row, R_NAME));
	char *f = text_fold(joined);
	free(joined);
	int y = period_end(f);
	bool sec = y && (has(f, "den ") || has(f, "giai doan") || starts(f, "nam ")) &&
	           !has(f, "chi tieu") && data_empty(st, row);
	free(f);
	int top, k;
	bool roman;
	const char *rest;
	*no = 0;
	if (sec && read_stt(rcell(st, row, R_STT), &top, &k, &roman, &rest) == STT_ROMAN)
		*no = top;
	return sec ? y : 0;
}

/* "a)", "b.", "đ)": a lettered sub-row; its letter, else NULL. */
static char *sub_letter(const char *stt)
{
	size_t n = strlen(stt);
	if (n < 2 || (stt[n - 1] != ')' && stt[n - 1] != '.'))
		return NULL;
	bool ascii = n == 2 && stt[0] >= 'a' && stt[0] <= 'z';
	bool dd = n == 3 && !strncmp(stt, "\xc4\x91", 2); /* đ */
	return ascii || dd ? xstrndup(stt, n - 1) : NULL;
}

/* A sub-row ("a)", "-") under the heading row "3 | Tỷ lệ ..., trong đó:":
 * its code is the heading's number and its letter, or its place ("3.a",
 * "3.1"). Starts the pending row with that code and returns true. */
static bool sub_row(struct state *st, const struct row *row, enum stt_kind kind, bool empty)
{
	int si = col(&st->h, R_STT);
	if (!st->heading || empty || si < 0 || (kind != STT_OTHER && kind != STT_DASH))
		return false;
	char *letter = kind == STT_OTHER ? sub_letter(cell(row, si)) : NULL;
	if (kind == STT_OTHER && !letter)
		return false;
	flush(st);
	pend_start(st, row);
	free(st->pend.cell[si]);
	st->pend.cell[si] = letter ? xasprintf("%d.%s", st->heading, letter)
	                           : xasprintf("%d.%d", st->heading, ++st->sub_no);
	free(letter);
	return true;
}

/* The unnumbered group row held back (st->pgroup): entered before a
 * numbered row, else named as no row of the table. */
static void settle_group(struct state *st, bool enter)
{
	if (!st->pgroup)
		return;
	if (enter)
		enter_group(st, 0, "", st->pgroup, st->pgroup_line);
	else if (!st->pgroup_text)
		plan_warn(st->p, st->pgroup_line, "Dòng \"%.60s\" không phải chỉ tiêu; bỏ qua",
		          st->pgroup);
	free(st->pgroup);
	st->pgroup = NULL;
}

/* Hold back the group row named name (st->pgroup) at line: entered when
 * a numbered row follows. The pending row is flushed first. */
static void hold_group(struct state *st, const char *name, int line)
{
	flush(st);
	settle_group(st, false);
	st->pgroup = xstrdup(name);
	st->pgroup_line = line;
	st->pgroup_text = false;
}

/* A group's name merged over a whole row, with no number: short, starting
 * with a capital letter, not a label ("Nơi nhận:"), a sentence, a wrapped
 * line nor a note in brackets ("(Tiếp theo)"). */
static bool group_name_cell(const char *s)
{
	size_t n = strlen(s);
	if (!n || text_len(s) > 120 || strchr(":;.,-", s[n - 1]) || isdigit((unsigned char)s[0]) ||
	    s[0] == '(')
		return false;
	return text_case_start(s) == 1;
}

/* The year cell of a long table ("Năm": 2025, 2030 in rows of their own):
 * a row with the year and no number or name (a cell merged over the
 * indicator's rows written once) or the same number and name again (the
 * merged cell copied to each row) gives the last indicator's target for
 * that year. Returns true when the row was taken so. */
static bool year_row(struct state *st, const struct row *row)
{
	int yi = col(&st->h, R_ROW_YEAR), ti = col(&st->h, R_TARGET);
	if (yi < 0 || ti < 0 || st->h.tasks)
		return false;
	int y = row_year(cell(row, yi));
	if (!y)
		return false;
	const char *stt = rcell(st, row, R_STT), *name = rcell(st, row, R_NAME);
	bool cont = st->ly_name && ((!*stt && !*name) ||
	                            (!strcmp(stt, st->ly_stt) && !strcmp(name, st->ly_name)));
	if (!cont) {
		free(st->ly_stt);
		free(st->ly_name);
		st->ly_stt = xstrdup(stt);
		st->ly_name = xstrdup(name);
		return false;
	}
	flush(st);
	struct plan *p = st->p;
	if (!p->nind)
		return true;
	struct indicator *x = &p->ind[p->nind - 1];
	set_str(&x->unit, rcell(st, row, R_UNIT));
	struct target t;
	table_target(st, cell(row, ti), x->unit, row->first, ti, false, &t);
	if (indicator_target(x, y)) {
		plan_warn(p, row->first, "Chỉ tiêu \"%s\" có hai mức cho năm %d; giữ mức đầu",
		          x->name, y);
		target_free(&t);
	} else
		indicator_set_target(x, y, &t);
	rank_levels(x);
	x->last_line = row->last;
	return true;
}

/* A section row's name: "CHỈ TIÊU", "Các chỉ tiêu chủ yếu", "NHIỆM VỤ",
 * "Nhiệm vụ, giải pháp": indicators or tasks (in *tasks) follow, in
 * groups of their own. A name with more words ("Chỉ tiêu về hạ tầng số")
 * is a group's. */
static bool section_name(const char *name, bool *tasks)
{
	char *f = text_fold(name);
	const char *q = f;
	if (starts(q, "cac "))
		q += 4;
	else if (starts(q, "danh muc "))
		q += 9;
	bool ok = starts(q, "chi tieu") || starts(q, "nhiem vu");
	*tasks = starts(q, "nhiem vu");
	int words = 0;
	for (q += ok ? 8 : 0; ok && *q; q++)
		if (*q == ' ' && q[1] && q[1] != ' ')
			words++;
	free(f);
	return ok && words <= 2;
}

/* The number cell of the next row of the table ("" at its end). */
static const char *next_stt(const struct state *st)
{
	for (size_t i = st->at + 1; st->rows && i < st->rows->n; i++) {
		const struct row *r = &st->rows->v[i];
		if (r->text)
			continue;
		return rcell(st, r, R_STT);
	}
	return "";
}

/* The next row of the table is a group's ("I", "II."): a section row
 * over groups, not a group of its own. */
static bool groups_next(const struct state *st)
{
	int top, k;
	bool roman;
	const char *rest;
	return read_stt(next_stt(st), &top, &k, &roman, &rest) == STT_ROMAN && roman;
}

/* The next row of data, past a header repeated or another table's, is
 * numbered "1" ("1.", "1)"): a numbering begun anew. */
static bool restarts(const struct state *st)
{
	for (size_t i = st->at + 1; st->rows && i < st->rows->n; i++) {
		const struct row *r = &st->rows->v[i];
		struct header h;
		if (r->text || read_header(r, &h) || read_year_row(r, i ? r - 1 : NULL, &h))
			continue;
		const char *nx = r->ncell ? r->cell[0] : "";
		return nx[0] == '1' && (!nx[1] || ((nx[1] == '.' || nx[1] == ')') && !nx[2]));
	}
	return false;
}

/* "1.1 | Hạ tầng viễn thông" with nothing else under the group row "1.",
 * the next row numbered "1.1.1": a heading over three-level rows, no
 * group of its own. */
static bool deeper_next(const struct state *st, int top, int k)
{
	char pre[32];
	int n = snprintf(pre, sizeof pre, "%d.%d.", top, k);
	const char *nx = next_stt(st);
	return !strncmp(nx, pre, (size_t)n) && isdigit((unsigned char)nx[n]);
}

/* The next "Lĩnh vực" cell holding a name in the rows after the one
 * being read, in the same table ("" when none). */
static const char *next_field(const struct state *st, int fi)
{
	for (size_t i = st->at + 1; st->rows && i < st->rows->n; i++) {
		const struct row *r = &st->rows->v[i];
		if (r->text)
			continue;
		if (r->table != st->table)
			break;
		if (group_name_cell(cell(r, fi)))
			return cell(r, fi);
	}
	return "";
}

/* A "Lĩnh vực" column: its cell, merged down over the rows of a field,
 * names their group (the table has no group rows). A numbered row whose
 * cell names another field than the group being read enters it. An empty
 * cell before the first name is that field's; after a name it continues
 * the field where the rendering writes a merged cell in its first row
 * (row.lossy) or when no other field follows; otherwise (a PDF sets it
 * in the middle of its rows) the row's field is not known
 * (st->field_doubt). */
static void field_group(struct state *st, const struct row *row, enum stt_kind kind,
                        const char *name)
{
	int fi = col(&st->h, R_FIELD);
	st->field_doubt = false;
	if (fi < 0 || kind != STT_NUM || !*name || st->h.tasks)
		return;
	const char *field = cell(row, fi);
	size_t *n;
	struct plan_group *g = groups(st, &n);
	bool in = st->group >= 0 && (size_t)st->group < *n;
	if (!group_name_cell(field)) {
		const char *nx = next_field(st, fi);
		if (!*nx)
			return;
		if (in && text_similarity(g[st->group].name, nx) < SAME_GROUP_MIN)
			st->field_doubt = !row->lossy;
		if (in)
			return;
		field = nx;
	}
	if (in && text_similarity(g[st->group].name, field) >= SAME_GROUP_MIN)
		return;
	flush(st);
	settle_group(st, false);
	enter_group(st, 0, "", field, row->first);
}

static void data_row(struct state *st, const struct row *row)
{
	const char *stt = rcell(st, row, R_STT), *name = rcell(st, row, R_NAME), *rest;
	int top, k;
	bool roman;
	enum stt_kind kind = read_stt(stt, &top, &k, &roman, &rest);
	bool empty = data_empty(st, row);
	field_group(st, row, kind, name);
	if (kind == STT_OTHER && !*name && empty && group_name_cell(stt)) {
		hold_group(st, stt, row->first);
		return;
	}
	/* a line of text is a group only inside one table (not "Trang 2"
	 * between a table and its continuation) */
	settle_group(st, kind == STT_NUM && *name &&
	                         (!st->pgroup_text || row->table == st->pgroup_table));
	if (year_row(st, row))
		return;
	/* "1.2. | Tỷ lệ …, trong đó:" under the group row "1.": a heading
	 * over sub-rows "a)", "b)", not a sub-group. */
	if (kind == STT_NUM && k && empty && *name && st->num_group == top &&
	    name[strlen(name) - 1] == ':') {
		flush(st);
		st->heading = k;
		st->sub_no = 0;
		return;
	}
	if (kind == STT_NUM && k && empty && *name && st->num_group == top &&
	    deeper_next(st, top, k)) {
		flush(st);
		st->heading = 0;
		return;
	}
	/* "A | CHỈ TIÊU", "B | NHIỆM VỤ": a section of one table holding
	 * both, its rows' groups numbered anew. */
	bool sect_tasks;
	if (kind == STT_ROMAN && empty && *name && !rest && section_name(name, &sect_tasks) &&
	    (sect_tasks != st->h.tasks || groups_next(st))) {
		flush(st);
		settle_group(st, false);
		st->sections = true;
		st->h.tasks = sect_tasks;
		st->group = -1;
		st->num_group = st->group_no = st->last_num = st->heading = 0;
		return;
	}
	/* Group headers: "I", "II.", "I.1", "II.3 Phát triển ...", "- Phát triển ...". */
	if (kind == STT_NUM && k && empty && *name)
		kind = STT_SUB; /* "1.5 | Phát triển chuyển đổi số" with nothing else */
	if (kind == STT_EMPTY && empty && *name) {
		/* "| | I. PHÁT TRIỂN HẠ TẦNG | |": the group code in the name cell. */
		enum stt_kind k2 = read_stt(name, &top, &k, &roman, &rest);
		if (k2 == STT_ROMAN && rest && *rest) {
			flush(st);
			enter_group(st, top, name, rest, row->first);
			group_fields(st, row);
			return;
		}
	}
	if (empty && (kind == STT_ROMAN || kind == STT_SUB || kind == STT_DASH ||
	              (kind == STT_EMPTY && !*name && rest))) {
		flush(st);
		const char *gname = *name ? name : rest ? rest : "";
		/* a PDF's group row whose name, merged over the columns
		 * right of the number, came under a column no field reads
		 * ("Mã chỉ tiêu") */
		for (int i = 0; !*gname && i < st->h.ncol; i++)
			if (st->h.role[i] == R_NONE && group_name_cell(cell(row, i)))
				gname = cell(row, i);
		if (!*gname)
			return;
		int printed = kind == STT_ROMAN ? top : kind == STT_SUB ? k : 0;
		if (kind == STT_SUB && !roman && st->section_no && top == st->section_no)
			plan_warn(st->p, row->first,
			          "Mã nhóm \"%.*s\" viết bằng số Ả Rập, có lẽ là %s.%d",
			          (int)strcspn(stt, " "), stt, text_to_roman(top), k);
		char shown[40];
		snprintf(shown, sizeof shown, "%.*s", (int)strcspn(stt, " "), stt);
		enter_group(st, printed, shown, gname, row->first);
		group_fields(st, row);
		return;
	}
	if (kind == STT_NUM && !k && empty && *name && !rest && (st->group < 0 || st->num_group)) {
		/* "1. | Phát triển ..." opening the table (and the rows like it
		 * after it): groups numbered in Arabic, their rows "1.1", "1.2". */
		flush(st);
		enter_group(st, top, stt, name, row->first);
		st->num_group = top;
		return;
	}
	if (kind == STT_NUM && !k && empty && *name && !rest && st->last_num &&
	    group_name_cell(name) && restarts(st)) {
		/* "2. | Chính quyền số" after the rows of group I, the rows
		 * after it (past a header repeated) numbered anew from 1: the
		 * caption of the next field's table read as a row of the table
		 * above; the group of the rows that follow. */
		hold_group(st, name, row->first);
		return;
	}
	if (kind == STT_NUM && empty && *name) { /* a heading over numbered sub-rows */
		flush(st);
		if (!k) {
			check_number(st, top, row->first);
			st->heading = top;
			st->sub_no = 0;
		}
		return;
	}
	if (sub_row(st, row, kind, empty))
		return;
	/* a spreadsheet's row after a blank one (its rows numbered past it:
	 * a signature under the table) continues no row */
	bool apart = row->tabrow && st->pend.last_tabrow && row->tabrow > st->pend.last_tabrow + 1;
	if (kind == STT_EMPTY && st->pend.active && !apart &&
	    (empty || !*rcell(st, row, R_UNIT))) {
		pend_continue(st, row);
		return;
	}
	if (kind == STT_EMPTY && !*name)
		return;
	flush(st);
	if (kind == STT_NUM)
		st->heading = 0;
	if (kind == STT_NUM && !k) {
		ensure_group(st, row->first);
		check_number(st, top, row->first);
	}
	if (kind == STT_OTHER && !*name && text_len(stt) > 16) {
		/* Running text in the number column with no name ("Nơi nhận:
		 * ...", a paragraph after the table): no indicator. */
		plan_warn(st->p, row->first, "Dòng \"%.60s\" không phải chỉ tiêu; bỏ qua", stt);
		return;
	}
	if (kind == STT_OTHER)
		plan_warn(st->p, row->first, "Số thứ tự \"%s\" không đọc được; giữ nguyên dòng",
		          stt);
	pend_start(st, row);
	st->pend.field_doubt = st->field_doubt;
	/* "3 | Tỷ lệ …, trong đó: | % | 40 …": an indicator with targets of
	 * its own over sub-rows "a)", "b)" (coded "3.a") */
	if (kind == STT_NUM && !k && *name && name[strlen(name) - 1] == ':') {
		st->heading = top;
		st->sub_no = 0;
	}
}

/* A last group with no indicator is a heading of the text after the table
 * ("III. TỔ CHỨC THỰC HIỆN" under it in a PDF): dropped. */
static void drop_empty_last_group(struct plan *p)
{
	while (p->ngroups > 1) {
		struct plan_group *g = &p->groups[p->ngroups - 1];
		for (size_t i = 0; i < p->nind; i++)
			if (!strcmp(p->ind[i].group, g->code))
				return;
		free(g->code);
		free(g->name);
		p->ngroups--;
	}
}

/* A table with no number column gives its group rows as "II. ĐỔI MỚI
 * SÁNG TẠO" alone in the name column; a spreadsheet row holding only its
 * first column comes as a line of text. Such a line while the table runs
 * (short, a Roman numeral and a name) is the next group. */
static bool text_group(struct state *st, const struct row *row)
{
	const char *s = row->cell[0], *rest;
	int top, k;
	bool roman;
	if (!st->tables || st->h.tasks || text_len(s) > 120 ||
	    read_stt(s, &top, &k, &roman, &rest) != STT_ROMAN || !roman || !rest || !*rest)
		return false;
	flush(st);
	enter_group(st, top, s, rest, row->first);
	return true;
}

/* A numbered caption right over a table's header ("1. Hạ tầng số", "II.
 * CHÍNH QUYỀN SỐ"): one small table per field, each the group of its
 * rows when a numbered row opens it (as a group's row would). */
static void caption_group(struct state *st, const struct rows *r, size_t hi)
{
	if (!hi || !r->v[hi - 1].text)
		return;
	const struct row *c = &r->v[hi - 1];
	const char *rest;
	int top, k;
	bool roman;
	enum stt_kind kind = read_stt(c->cell[0], &top, &k, &roman, &rest);
	bool tasks;
	if (!rest || !group_name_cell(rest) || section_name(rest, &tasks) ||
	    !((kind == STT_NUM && !k) || (kind == STT_ROMAN && roman)))
		return;
	settle_group(st, false);
	st->pgroup = xstrdup(rest);
	st->pgroup_line = c->first;
	st->pgroup_text = true;
	st->pgroup_table = r->v[hi].table;
}

#define GAP_ROWS   6   /* lines of text, or */
#define GAP_CHARS  200 /* characters, after which another table is not the plan's */
#define TALL_CHARS 60  /* characters a line of a tall row's cells holds, at most */

/* A line of text inside a table, or just after it, that is one of its rows
 * whose cells were not told apart ("1 Tỷ lệ thôn … % 100% Duy trì Phòng
 * Kinh tế"): a bare row number in turn (not "1." of running text), a
 * name, and a figure after it. Within two lines of text after the table's
 * last row; a tall row (its name over many lines, its number and figures
 * set in its middle, the reader having ended the table at the gap above
 * it) within GAP_ROWS short lines, numbered next, its name's words on that
 * line the name's middle ones (no capital needed). */
static bool uncut_row(const struct state *st, const char *s)
{
	size_t n = strspn(s, "0123456789");
	if (!n || n > 3 || s[n] != ' ' || text_len(s) > 300)
		return false;
	int v = atoi(s);
	bool tall = v == st->last_num + 1 && st->gap_rows <= GAP_ROWS &&
	            st->gap_chars <= TALL_CHARS * st->gap_rows;
	if (v < 1 || v > st->last_num + 1 || !(st->gap_rows <= 2 || tall))
		return false;
	/* a tall row's middle line: its name's middle words */
	return (tall || text_case_start(s + n + 1) == 1) &&
	       strpbrk(s + n + 1, "0123456789") != NULL;
}

/* The first row under a header holding, under target or baseline columns
 * with no year, the header's wrapped last words ("31/12/2025", "năm
 * 2030" under "Mục tiêu đến": a PDF's header line set into the group
 * row below it): those cells give their columns' years and are cleared
 * in *copy (its cells the row's own, to free with free() only); false
 * when the row holds none. */
static bool header_tail(struct state *st, const struct row *row, struct row *copy)
{
	int n = 0;
	enum role role[MAXCOL];
	int year[MAXCOL];
	for (int i = 0; i < row->ncell && i < st->h.ncol; i++) {
		role[i] = wrapped_year(st->hrow, &st->h, row, i, &year[i]);
		n += role[i] != R_NONE;
	}
	if (!n)
		return false;
	*copy = *row;
	copy->cell = xcalloc((size_t)row->ncell, sizeof *copy->cell);
	for (int i = 0; i < row->ncell; i++) {
		bool tail = i < st->h.ncol && role[i] != R_NONE;
		copy->cell[i] = tail ? "" : row->cell[i];
		if (tail) {
			st->h.role[i] = role[i];
			st->h.year[i] = year[i];
		}
	}
	st->h.target_year = 0;
	for (int i = 0; i < st->h.ncol; i++)
		if (st->h.role[i] == R_TARGET && st->h.year[i])
			st->h.target_year = st->h.year[i];
	return true;
}

/* pandoc's Word writer drops a header's row spans: its second row's cells
 * ("Đến năm 2027 | Đến năm 2030") come first, under the number and name
 * columns, the rest empty. As many as the columns a caption of the row
 * above spans ("Mục tiêu" over empty cells), and the columns they stand
 * under headed on their own: they are the caption's, set under it in
 * *copy (its cells the row's own, to free with free() only). */
static bool caption_shifted(const struct row *row, const struct row *above, const struct header *h,
                            struct row *copy)
{
	int k = 0, n = row->ncell < h->ncol ? row->ncell : h->ncol;
	while (k < n && *row->cell[k])
		k++;
	for (int i = k; i < row->ncell; i++)
		if (*row->cell[i])
			return false;
	if (row->text || above->text || k < 2 || above->ncell < n ||
	    (h->role[0] != R_STT && h->role[0] != R_NAME))
		return false;
	int at = -1;
	for (int c = 1; c + k <= n; c++) {
		bool run = *above->cell[c] && (c + k == above->ncell || *above->cell[c + k]);
		for (int j = 1; run && j < k; j++)
			run = !*above->cell[c + j];
		if (run && at >= 0)
			return false; /* two captions as wide: which one is not known */
		if (run)
			at = c;
	}
	if (at < 0)
		return false;
	*copy = *row;
	copy->cell = xcalloc((size_t)row->ncell, sizeof *copy->cell);
	for (int i = 0; i < row->ncell; i++)
		copy->cell[i] = i >= at && i < at + k ? row->cell[i - at] : "";
	return true;
}

/* The header's row under this one (read_year_row), or that row's cells
 * set under the caption they belong to (caption_shifted), said. */
static bool year_row_under(const struct row *row, const struct row *above, struct header *h,
                           struct plan *p)
{
	struct row copy;
	if (!caption_shifted(row, above, h, &copy))
		return read_year_row(row, above, h);
	bool ok = read_year_row(&copy, above, h);
	if (ok)
		plan_warn(p, row->first,
		          "Hàng thứ hai của tiêu đề bảng ghi các ô \"%s\"… ở đầu hàng, dưới cột "
		          "số thứ tự và tên, còn lại trống: đọc là các cột dưới ô gộp của hàng "
		          "trên cùng số cột; cần đối chiếu năm của các cột với văn bản",
		          row->cell[0]);
	free(copy.cell);
	return ok;
}

/* An indicators' table whose agency column is "Cơ quan thực hiện" with no
 * "chủ trì" beside it: the agency carrying the indicator, its lead. */
static void impl_as_lead(struct header *h)
{
	int impl = -1;
	for (int i = 0; i < h->ncol; i++) {
		enum role r = h->role[i];
		if (r == R_LEAD || r == R_LEAD_MONITOR || r == R_LEAD_PARTNERS ||
		    (r == R_IMPL && impl >= 0))
			return;
		if (r == R_IMPL)
			impl = i;
	}
	if (impl >= 0)
		h->role[impl] = R_LEAD;
}

int interpret_rows(const struct rows *r, struct plan *p)
{
	struct state st = {.p = p, .group = -1, .rows = r, .above_group = -1};
	for (size_t i = 0; i < r->n; i++) {
		const struct row *row = &r->v[i];
		st.at = i;
		struct header h;
		if (read_header(row, &h)) {
			size_t i0 = i;
			flush(&st);
			bool same = st.have && (h.tasks == st.h.tasks || st.sections);
			if (same && st.sections)
				h.tasks = st.h.tasks; /* repeated: the section goes on */
			/* a group's row just before the header repeated on the
			 * next page is the continued table's */
			if (!same && st.pgroup) {
				st.pgroup_text = true; /* dropped without a word */
				settle_group(&st, false);
			}
			st.h = h;
			if (!same)
				memset(st.listed, 0, sizeof st.listed);
			while (i + 1 < r->n && year_row_under(&r->v[i + 1], &r->v[i], &st.h, p))
				i++;
			if (!st.h.tasks)
				impl_as_lead(&st.h);
			st.hrow = i == i0 ? row : NULL;
			if (!same) {
				st.sections = false;
				st.tables++;
				st.group = -1;
				st.num_group = 0;
				st.section_year = st.section_no = 0;
				st.group_no = st.last_num = 0;
			}
			caption_group(&st, r, i0);
			st.have = true;
			st.gap_rows = st.gap_chars = 0;
			st.table = row->table;
			st.width = row->ncell;
			if (!h.tasks) {
				int bi = col(&st.h, R_BASELINE);
				if (bi >= 0 && st.h.year[bi] && !p->baseline_year)
					p->baseline_year = st.h.year[bi];
			}
			continue;
		}
		if (!st.have)
			continue;
		if (row->table && row->table != st.table && !row->text) {
			/* Another table of the page: the plan's own continued (as
			 * wide as its header), or a menu, "Văn bản liên quan" ... */
			if (row->ncell != st.width || st.gap_rows >= GAP_ROWS ||
			    st.gap_chars > GAP_CHARS) {
				/* Narrower or wider, or after the plan's closing text
				 * (running text, "Nơi nhận", a signature): not the
				 * plan's table. */
				flush(&st);
				st.have = false;
				continue;
			}
			st.table = row->table;
		}
		if (row->text) {
			st.gap_rows++;
			st.gap_chars += (int)text_len(row->cell[0]);
		} else {
			st.gap_rows = st.gap_chars = 0;
		}
		if (row->text && col(&st.h, R_STT) < 0 && text_group(&st, row))
			continue;
		if (row->text && st.gap_rows == 1 && col(&st.h, R_STT) >= 0 &&
		    group_name_cell(row->cell[0])) {
			/* a spreadsheet's group row of one cell, right under a
			 * row of the table: a group if a numbered row follows */
			flush(&st);
			settle_group(&st, false);
			st.pgroup = xstrdup(row->cell[0]);
			st.pgroup_line = row->first;
			st.pgroup_text = true;
			st.pgroup_table = st.table;
			continue;
		}
		if (row->text && uncut_row(&st, row->cell[0])) {
			flush(&st);
			p->unread++;
			plan_warn(p, row->first,
			          "Dòng \"%.60s\" có vẻ là một hàng của bảng nhưng các ô của nó "
			          "không tách được; không đọc, cần nhập lại hàng này",
			          row->cell[0]);
			continue;
		}
		if (row->text) {
			/* Prose between tables ends a table only when it is long. */
			if (text_len(row->cell[0]) > 200)
				flush(&st);
			continue;
		}
		if (filler_row(row))
			continue;
		struct row tail;
		const struct row *hr = st.hrow;
		st.hrow = NULL;
		if (hr && !row->text) {
			st.hrow = hr;
			bool cut = header_tail(&st, row, &tail);
			st.hrow = NULL;
			if (cut)
				row = &tail;
		}
		int no, y = section_year(&st, row, &no);
		if (y) {
			flush(&st);
			settle_group(&st, false); /* a caption over sections: none */
			st.section_year = y;
			st.section_no = no;
			st.group = -1;
			st.last_num = 0;
		} else {
			data_row(&st, row);
		}
		if (row == &tail)
			free(tail.cell);
	}
	flush(&st);
	settle_group(&st, false);
	free(st.ly_stt);
	free(st.ly_name);
	above_clear(&st);
	drop_empty_last_group(p);
	for (size_t i = 0; i < st.nwset; i++)
		words_free(&st.wset[i]);
	free(st.wset);
	return st.tables;
}
