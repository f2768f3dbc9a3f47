/* plainrows.c: a table as plain text pulled out of a PDF without its layout
 * (pdftotext without -layout): the header's words on one line or a few
 * ("STT Chỉ tiêu Đơn vị Kết quả Cơ quan chủ trì theo dõi, đánh giá"), then
 * every cell of a row run together with single spaces, a row's text
 * wrapped over several lines at any word.
 *
 * The header's words give the columns in order. A row starts at its number
 * when it is the number expected next ("3" after "2", "II.4" after "II.3",
 * "III" after a group "II"), followed by text. A row's text is split into
 * cells by what is known of the columns: the milestone cells are the run
 * of target-like cells ("> 60", "100", "-", "Có", "Duy trì, phát triển"),
 * the unit the known unit wording just before them, the name what comes
 * before that, and the agencies what comes after, cut between the lead and
 * the monitoring agency where a new agency name starts. Empty cells leave
 * no trace in such text: a row with fewer milestone cells than columns is
 * read left to right (an empty baseline first) and warned about.
 *
 * A table whose cells pdftotext wrote as blocks per column (a number alone
 * on its line, blank lines between cells) cannot be put back together; it
 * is told apart so that the caller can say so. */
#include "table.h"

#include "target.h"
#include "text.h"
#include "util.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXCOL  24
enum col {
	COL_NO,
	COL_NAME,
	COL_UNIT,
	COL_BASE,
	COL_YEAR,
	COL_RESULT,
	COL_LEAD,
	COL_MON,
	COL_PARTNER,
	COL_TIME,
	COL_NOTE,
};

struct head {
	enum col col[MAXCOL];
	int year[MAXCOL];
	int n;
	bool tasks; /* "Nhiệm vụ" instead of "Chỉ tiêu" */
};

/* A year "2030" (or "2025-2030": its end) as a word; 0 otherwise. */
static int year_word(const char *w)
{
	const char *end;
	int y = text_period_end(w, w, &end);
	return y && !*end ? y : text_year(w, strlen(w));
}

/* Every word of the line is a header word or a year. */
static bool header_words(const char *s)
{
	struct words w = {0};
	text_words(s, &w);
	bool all = w.n > 0;
	for (size_t i = 0; i < w.n && all; i++) {
		all = year_word(w.w[i]) > 0 || header_word(w.w[i]);
	}
	words_free(&w);
	return all;
}

static bool has_word(const struct words *w, size_t i, const char *a, const char *b)
{
	return i < w->n && !strcmp(w->w[i], a) && (!b || (i + 1 < w->n && !strcmp(w->w[i + 1], b)));
}

static void head_add(struct head *h, enum col c, int year)
{
	for (int i = 0; i < h->n; i++)
		if (h->col[i] == c && c != COL_YEAR)
			return;
	if (h->n < MAXCOL) {
		h->year[h->n] = year;
		h->col[h->n++] = c;
	}
}

/* The columns the header's words name, in order. */
static void read_head(const char *text, struct head *h)
{
	struct words w = {0};
	text_words(text, &w);
	memset(h, 0, sizeof *h);
	bool name = false;
	for (size_t i = 0; i < w.n; i++) {
		int y = year_word(w.w[i]);
		if (has_word(&w, i, "stt", NULL) || has_word(&w, i, "tt", NULL)) {
			head_add(h, COL_NO, 0);
		} else if (has_word(&w, i, "nhiem", "vu") && !name) {
			head_add(h, COL_NAME, 0);
			h->tasks = name = true;
			i++;
		} else if ((has_word(&w, i, "chi", "tieu") || has_word(&w, i, "noi", "dung")) &&
		           !name) {
			head_add(h, COL_NAME, 0);
			name = true;
			i++;
		} else if (has_word(&w, i, "don", "vi") || has_word(&w, i, "dvt", NULL)) {
			head_add(h, COL_UNIT, 0);
			i += has_word(&w, i, "don", "vi") ? 1 + has_word(&w, i + 2, "tinh", NULL)
			                                  : 0;
		} else if (has_word(&w, i, "hien", "trang") || has_word(&w, i, "uoc", NULL) ||
		           (has_word(&w, i, "ket", "qua") && has_word(&w, i + 2, "thuc", "hien"))) {
			head_add(h, COL_BASE, 0);
			i++;
		} else if (has_word(&w, i, "ket", "qua") || has_word(&w, i, "muc", "tieu") ||
		           (name && has_word(&w, i, "chi", "tieu"))) {
			head_add(h, COL_RESULT, 0);
			i++;
		} else if (y && h->n && h->col[h->n - 1] == COL_BASE &&
		           !has_word(&w, i - 1, "nam", NULL)) {
			/* "Hiện trạng 2024": the baseline's year */
		} else if (y && !h->tasks) {
			if (h->n && h->col[h->n - 1] == COL_RESULT && h->year[h->n - 1] == 0)
				h->year[h->n - 1] = y, h->col[h->n - 1] = COL_YEAR;
			else
				head_add(h, COL_YEAR, y);
		} else if (has_word(&w, i, "chu", "tri")) {
			head_add(h, COL_LEAD, 0);
			i++;
		} else if (has_word(&w, i, "theo", "doi") || has_word(&w, i, "danh", "gia")) {
			head_add(h, COL_MON, 0);
			i++;
		} else if (has_word(&w, i, "phoi", "hop")) {
			head_add(h, COL_PARTNER, 0);
			i++;
		} else if (has_word(&w, i, "thoi", "gian") || has_word(&w, i, "thoi", "han") ||
		           has_word(&w, i, "tien", "do")) {
			head_add(h, COL_TIME, 0);
			i++;
		} else if (has_word(&w, i, "ghi", "chu")) {
			head_add(h, COL_NOTE, 0);
			i++;
		}
	}
	words_free(&w);
}

static int count_cols(const struct head *h, enum col c)
{
	int n = 0;
	for (int i = 0; i < h->n; i++)
		n += h->col[i] == c;
	return n;
}

static bool head_usable(const struct head *h)
{
	if (!count_cols(h, COL_NO) || !count_cols(h, COL_NAME))
		return false;
	if (h->tasks)
		return count_cols(h, COL_LEAD) > 0;
	return count_cols(h, COL_YEAR) + count_cols(h, COL_RESULT) > 0;
}

/* A header starting at line i ("STT Chỉ tiêu ..." with more header words on
 * the next lines): the columns, and the first line after it. */
static bool find_head(const struct lines *l, size_t i, struct head *h, size_t *next)
{
	const char *s = l->v[i];
	if (strlen(s) > 400 || !header_words(s))
		return false;
	char *f = text_fold(s);
	bool start = (!strncmp(f, "stt ", 4) || !strncmp(f, "tt ", 3)) &&
	             (strstr(f, "chi tieu") || strstr(f, "noi dung") || strstr(f, "nhiem vu"));
	free(f);
	if (!start)
		return false;
	struct buf b = BUF_INIT;
	buf_puts(&b, s);
	size_t j = i + 1;
	for (; j < l->n && j < i + 6 && *l->v[j] && strlen(l->v[j]) < 400 && header_words(l->v[j]);
	     j++) {
		buf_putc(&b, ' ');
		buf_puts(&b, l->v[j]);
	}
	read_head(buf_str(&b), h);
	buf_free(&b);
	*next = j;
	return head_usable(h);
}

/* Numbering of rows: the group ("II") and the number in it. */
struct numbering {
	int group, last, all; /* all: the last plain number in any group */
	bool dotted;          /* rows numbered "II.3" */
};

/* The row number that starts s, when it is the one expected: returns 1 for
 * an indicator or task (code in code), 2 for a group; *rest after it. */
static int row_start(const char *s, const struct numbering *st, char *code, size_t cap,
                     const char **rest)
{
	size_t n = strcspn(s, " ");
	if (n == 0 || n >= 16)
		return 0;
	char w[16];
	memcpy(w, s, n);
	w[n] = '\0';
	if (n > 1 && w[n - 1] == '.')
		w[--n] = '\0';
	const char *r = s + strcspn(s, " ");
	while (*r == ' ')
		r++;
	if (text_case_start(r) != 1 && !(*r == '\0' && n > 0))
		return 0;
	*rest = r;
	int g = strchr(w, '.') ? 0 : text_roman(w);
	if (g && g > st->group && (g <= st->group + 2 || !st->group) && *r) {
		snprintf(code, cap, "%s", text_to_roman(g));
		return 2;
	}
	char *dot = strchr(w, '.');
	if (dot) {
		*dot = '\0';
		int gg = text_roman(w);
		char *end;
		long k = strtol(dot + 1, &end, 10);
		if (gg && gg == st->group && *end == '\0' && k > st->last && k <= st->last + 3) {
			snprintf(code, cap, "%s.%ld", w, k);
			return 1;
		}
		return 0;
	}
	char *end;
	long k = strtol(w, &end, 10);
	if (*end == '\0' && isdigit((unsigned char)w[0]) &&
	    (k == st->last + 1 || (st->last == 0 && k == st->all + 1))) {
		snprintf(code, cap, "%ld", k);
		return 1;
	}
	return 0;
}

/* ---- cells of a row ---- */

static bool lone_op(const char *s)
{
	return !strcmp(s, ">") || !strcmp(s, ">=") || !strcmp(s, "<") || !strcmp(s, "<=") ||
	       !strcmp(s, "=") || !strcmp(s, "\xe2\x89\xa5") || !strcmp(s, "\xe2\x89\xa4");
}

void plain_tokenize(const char *s, struct toks *t)
{
	t->n = 0;
	for (const char *p = s; *p && t->n < PLAIN_MAXTOKS;) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		size_t k = strcspn(p, " ");
		if (t->n && lone_op(t->v[t->n - 1]) && isdigit((unsigned char)*p)) {
			char *j = xasprintf("%s %.*s", t->v[t->n - 1], (int)k, p); /* "≥ 80" */
			free(t->v[t->n - 1]);
			t->v[t->n - 1] = j;
		} else {
			t->v[t->n++] = xstrndup(p, k);
		}
		p += k;
	}
}

void plain_toks_free(struct toks *t)
{
	for (int i = 0; i < t->n; i++)
		free(t->v[i]);
	t->n = 0;
}

char *plain_join(const struct toks *t, int from, int to)
{
	struct buf b = BUF_INIT;
	for (int i = from; i < to; i++) {
		if (b.len)
			buf_putc(&b, ' ');
		buf_puts(&b, t->v[i]);
	}
	return buf_detach(&b);
}

/* Words that start an agency's name, folded. */
static const char *const agency_heads[] = {
        "phong ",      "uy ban ",   "ubnd",        "trung tam ", "cong an ",     "cac co quan",
        "co quan ",    "dang uy",   "ban ",        "so ",        "van phong ",   "hoi ",
        "doan ",       "mat tran ", "ubmttq",      "nguoi dan",  "doanh nghiep", "cac doanh ",
        "tram ",       "truong ",   "buu dien",    "chi cuc ",   "kho bac",      "bao hiem ",
        "hop tac xa",  "cac xa",    "cong ty",     "vien thong", "chi nhanh ",   "huyen uy",
        "thi uy",      "tinh uy",   "ban chi huy", "cac don vi", "cac phong",    "ngan hang ",
        "lien doan ",  "toa an",    "vien kiem",   "chu tich ",  "thuong truc",  "cac ban",
        "cac to chuc", "cac hoi",   "ho kinh",     "to chuc ",   "dai ",         "viettel",
        "vnpt",        "mobifone",
};

static bool agency_head(const struct toks *t, int i)
{
	if (i >= t->n || text_case_start(t->v[i]) != 1)
		return false;
	char *s = plain_join(t, i, i + 3 < t->n ? i + 3 : t->n);
	char *f = text_fold(s);
	free(s);
	size_t n = strlen(f);
	f = xrealloc(f, n + 2);
	f[n] = ' ', f[n + 1] = '\0';
	bool yes = false;
	for (size_t k = 0; k < sizeof agency_heads / sizeof agency_heads[0] && !yes; k++)
		yes = !strncmp(f, agency_heads[k], strlen(agency_heads[k]));
	free(f);
	return yes;
}

/* A cell of words (not numbers) that reads as a target: "Có", "Đạt",
 * "Duy trì, phát triển", "Hoàn thành". Returns its length in tokens. */
static int word_target(const struct toks *t, int i, const char *unit, bool inside)
{
	if ((!inside && text_case_start(t->v[i]) != 1) || agency_head(t, i))
		return 0;
	int j = i + 1;
	while (j < t->n && j < i + 8 && text_case_start(t->v[j]) != 1 &&
	       !target_token(t->v[j], false))
		j++;
	/* a phrase that starts as a target reads to the next capital:
	 * "Ứng dụng mạnh mẽ", "Có ứng dụng ở mức thấp" */
	for (int k = j; k > i; k--) {
		char *s = plain_join(t, i, k);
		struct target x;
		target_parse(s, unit, &x);
		bool ok = x.kind != TARGET_TEXT && x.kind != TARGET_NONE && x.kind != TARGET_REPORT;
		target_free(&x);
		free(s);
		if (ok)
			return text_case_start(t->v[i]) == 1 ? j - i : k - i;
	}
	return 0;
}

/* Length in tokens of the target cell at t[i], 0 when there is none. */
static bool dash(const char *s)
{
	return !strcmp(s, "-") || !strcmp(s, "\xe2\x80\x93") || !strcmp(s, "\xe2\x80\x94");
}

static int cell_at(const struct toks *t, int i, bool inside)
{
	if (dash(t->v[i]) && i + 1 < t->n && !agency_head(t, i + 1) &&
	    !target_token(t->v[i + 1], false) && !word_target(t, i + 1, NULL, true))
		return 0; /* "Phòng Văn hóa – Xã hội" */
	if (target_token(t->v[i], false))
		return 1;
	return word_target(t, i, NULL, inside);
}

/* Units as plans write them, to split "... số hóa %" into name and unit. */
static const char *const units[] = {
        "%",
        "% GRDP",
        "%GRDP",
        "%/năm",
        "Chỉ số",
        "Người",
        "Người/vạn dân",
        "Doanh nghiệp",
        "Sáng kiến",
        "Mô hình",
        "Công trình",
        "Công trình/năm",
        "Nhiệm vụ/năm",
        "Thứ bậc",
        "Mức độ",
        "Có/Không",
        "Có/ Không",
        "Báo cáo",
        "Xã",
        "Trung tâm",
        "Công nghệ",
        "Dịch vụ",
        "Đề tài",
        "Đề tài, dự án",
        "Bài báo",
        "Bài",
        "Sản phẩm",
        "Dự án",
        "Cán bộ",
        "Nhiệm vụ",
        "Tổ chức",
        "Hồ sơ",
        "Lượt",
        "Cơ sở",
        "Đơn đăng ký",
        "Hộ",
        "Tỷ đồng",
        "Triệu đồng",
        "Km",
        "Lần",
        "Điểm",
        "Ngày",
        "Giờ",
        "Phút",
        "Hạng",
        "Thủ tục",
        "Văn bản",
        "Cuộc",
        "Lớp",
        "Sáng chế",
        "Sáng chế, giải pháp",
        "Tổ chức khoa học",
        "Giải pháp",
        "Đơn vị",
        "Thôn",
        "Trường",
        "Chuyên gia",
        "Chuyên gia, nhà khoa học",
        "Mục tiêu",
        "Có",
        "Ứng dụng",
        "Nền tảng",
        "Cơ sở dữ liệu",
};

static bool known_unit(const char *s)
{
	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
		if (!strcmp(s, units[i]))
			return isalpha((unsigned char)*s) || (unsigned char)*s >= 0x80;
	return false;
}

/* The unit at the end of t[0..end): its first token, or end when none. */
static int unit_start(const struct toks *t, int end)
{
	int best = end;
	char *pre = plain_join(t, 0, end);
	size_t n = strlen(pre);
	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
		size_t k = strlen(units[i]);
		if (k >= n || pre[n - k - 1] != ' ' || strcmp(pre + n - k, units[i]))
			continue;
		int words = 1;
		for (const char *c = units[i]; *c; c++)
			words += *c == ' ';
		if (end - words < best && end - words >= 1)
			best = end - words;
	}
	free(pre);
	/* "Chuyên gia/nhà khoa học": a capitalised phrase with a slash or a
	 * per cent sign, at most six words, after the name. */
	for (int c = end - 1; c >= 1 && c >= end - 8; c--) {
		if (text_case_start(t->v[c]) != 1)
			continue;
		bool shaped = false;
		for (int k = c; k < end; k++)
			shaped |= strchr(t->v[k], '/') || strchr(t->v[k], '%');
		if (shaped && best == end)
			best = c;
		break;
	}
	return best;
}

/* Where the monitoring agency starts in t[from..to), or to. */
static int monitor_start(const struct toks *t, int from, int to)
{
	int half = (to - from) / 2;
	if ((to - from) % 2 == 0 && half) {
		char *a = plain_join(t, from, from + half), *b = plain_join(t, from + half, to);
		bool same = !strcmp(a, b);
		free(a);
		free(b);
		if (same)
			return from + half;
	}
	for (int pass = 0; pass < 2; pass++)
		for (int i = to - 1; i > from; i--) {
			const char *prev = t->v[i - 1];
			size_t n = strlen(prev);
			if (!agency_head(t, i) ||
			    (text_case_start(prev) == 0 && i - 2 >= from &&
			     agency_head(t, i - 2)) ||
			    prev[n - 1] == ',' || (prev[n - 1] == ';' && !pass) ||
			    !strcmp(prev, "và") || !strcmp(prev, "các") || !strcmp(prev, "của") ||
			    !strcmp(prev, "-") || !strcmp(prev, "\xe2\x80\x93") ||
			    !strcmp(prev, "với") || !strcmp(prev, "cho") || prev[n - 1] == '(')
				continue;
			return i;
		}
	return to;
}

static void emit(struct rows *out, int first, int last, char **cells, int n)
{
	struct row *row = rows_add(out, first);
	row->last = last;
	for (int i = 0; i < n; i++)
		row_add_cell(row, cells[i] ? cells[i] : "", cells[i] ? strlen(cells[i]) : 0);
}

static const char *head_name(const struct head *h, int i, char *tmp, size_t cap)
{
	switch (h->col[i]) {
	case COL_NO:
		return "STT";
	case COL_NAME:
		return h->tasks ? "Nhiệm vụ" : "Chỉ tiêu";
	case COL_UNIT:
		return "Đơn vị tính";
	case COL_BASE:
		return "Hiện trạng";
	case COL_YEAR:
		snprintf(tmp, cap, "Năm %d", h->year[i]);
		return tmp;
	case COL_RESULT:
		return "Kết quả";
	case COL_LEAD:
		return "Cơ quan chủ trì";
	case COL_MON:
		return "Cơ quan theo dõi, đánh giá";
	case COL_PARTNER:
		return "Cơ quan phối hợp";
	case COL_TIME:
		return "Thời gian hoàn thành";
	case COL_NOTE:
		return "Ghi chú";
	}
	return "";
}

static void emit_head(struct rows *out, const struct head *h, int line)
{
	char tmp[MAXCOL][16], *cells[MAXCOL];
	for (int i = 0; i < h->n; i++)
		cells[i] = (char *)head_name(h, i, tmp[i], sizeof tmp[i]);
	emit(out, line, line, cells, h->n);
}

/* Put cell text c into the cells of column kind k (the first free one). */
static void put(const struct head *h, char **cells, enum col k, char *c)
{
	for (int i = 0; i < h->n; i++)
		if (h->col[i] == k && !cells[i]) {
			cells[i] = c;
			return;
		}
	free(c);
}

/* An indicator's row text split into the header's cells. */
static void indicator_row(const struct head *h, const char *code, const char *text, int first,
                          int last, struct rows *out, struct plan *p)
{
	struct toks *t = xcalloc(1, sizeof *t);
	plain_tokenize(text, t);
	int need = count_cols(h, COL_BASE) + count_cols(h, COL_YEAR) + count_cols(h, COL_RESULT);
	/* the runs of target cells; the best one gives most cells, then is
	 * followed by an agency or the end, then comes last. Inside a run
	 * short of cells, a capitalised phrase that is no agency is a text
	 * target ("Nâng cao phạm vi, mức độ ứng dụng"). */
	int best_from = -1, best_to = -1, best_cells = 0, best_score = -1;
	for (int i = 1; i < t->n;) {
		int k = cell_at(t, i, false);
		if (!k) {
			i++;
			continue;
		}
		int j = i, cells = 0;
		for (;;) {
			if (j < t->n && (k = cell_at(t, j, j > i)) > 0) {
				j += k, cells++;
				continue;
			}
			if (j < t->n && cells < need && text_case_start(t->v[j]) == 1 &&
			    !agency_head(t, j)) {
				int e = j;
				while (e < t->n && (e == j || text_case_start(t->v[e]) != 1) &&
				       !target_token(t->v[e], false) && !strpbrk(t->v[e], "%/"))
					e++;
				if (e > j) {
					j = e, cells++;
					continue;
				}
			}
			break;
		}
		int take = cells < need ? cells : need;
		int score = take * 4 + (j == t->n || agency_head(t, j) ? 2 : 0) +
		            (j == t->n || text_case_start(t->v[j]) == 1 ? 1 : 0);
		if (score >= best_score) {
			best_from = i, best_to = j, best_cells = cells, best_score = score;
		}
		i = j;
	}
	char *cells[MAXCOL] = {0};
	cells[0] = xstrdup(code);
	char *vals[MAXCOL] = {0};
	int nval = 0, pre = t->n, post = t->n;
	if (best_from >= 0) {
		/* cells beyond those of the header belong to the name or unit */
		int skip = best_cells > need ? best_cells - need : 0, i = best_from;
		for (int c = 0; c < best_cells && i < best_to; c++) {
			int k = cell_at(t, i, i > best_from);
			if (!k) /* a text target: to the next capital */
				for (k = 1; i + k < best_to && text_case_start(t->v[i + k]) != 1;
				     k++)
					;
			if (c < skip)
				pre = i + k;
			else if (nval < MAXCOL)
				vals[nval++] = plain_join(t, i, i + k);
			i += k;
		}
		if (!skip)
			pre = best_from;
		post = best_to;
	}
	if (best_from < 0) /* no target at all: the agencies start at the first agency */
		for (int i = 1; i < t->n; i++)
			if (agency_head(t, i) &&
			    !strchr(",;", t->v[i - 1][strlen(t->v[i - 1]) - 1]) &&
			    strcmp(t->v[i - 1], "và") && strcmp(t->v[i - 1], "các")) {
				pre = post = i;
				break;
			}
	int u = count_cols(h, COL_UNIT) ? unit_start(t, pre) : pre;
	put(h, cells, COL_NAME, plain_join(t, 0, u));
	if (u < pre) {
		put(h, cells, COL_UNIT, plain_join(t, u, pre));
	} else if (count_cols(h, COL_UNIT) && nval && known_unit(vals[0])) {
		/* "Có" first after the name: the unit column, not a target */
		put(h, cells, COL_UNIT, vals[0]);
		memmove(vals, vals + 1, (size_t)--nval * sizeof *vals);
	}
	/* values: an empty baseline first, then left to right */
	int base = count_cols(h, COL_BASE), v = 0;
	if (nval < need) {
		if (best_from < 0)
			plan_warn(p, first, "Hàng %s không có ô số liệu nào đọc được; cần kiểm tra",
			          code);
		else
			plan_warn(p, first,
			          "Hàng %s chỉ có %d/%d ô số liệu (văn bản chép từ PDF không giữ ô "
			          "trống): %sđọc từ trái sang, cần kiểm tra",
			          code, nval, need,
			          base && nval == need - 1 ? "coi hiện trạng là trống, " : "");
		if (base && nval == need - 1)
			put(h, cells, COL_BASE, xstrdup("")), base = 0;
	}
	for (int i = 0; i < h->n; i++)
		if ((h->col[i] == COL_BASE || h->col[i] == COL_YEAR || h->col[i] == COL_RESULT) &&
		    !cells[i])
			cells[i] = v < nval ? vals[v++] : xstrdup("");
	for (; v < nval; v++)
		free(vals[v]);
	if (post < t->n) {
		int m = count_cols(h, COL_MON) ? monitor_start(t, post, t->n) : t->n;
		put(h, cells, COL_LEAD, plain_join(t, post, m));
		if (m < t->n)
			put(h, cells, COL_MON, plain_join(t, m, t->n));
	}
	emit(out, first, last, cells, h->n);
	for (int i = 0; i < h->n; i++)
		free(cells[i]);
	plain_toks_free(t);
	free(t);
}

/* "Thường xuyên", "Năm 2025", "Quý II/2025": the start of a time cell. */
static bool time_head(const struct toks *t, int i)
{
	static const char *const heads[] = {
	        "thuong xuyen",     "thuc hien thuong", "hang nam", "nam 20",     "quy ",
	        "thang ",           "tu thang",         "tu nam",   "truoc ",     "trong nam",
	        "trong thang",      "giai doan",        "den nam",  "dinh ky",    "20",
	        "hoan thanh trong", "hoan thanh truoc", "hang quy", "hang thang", "lien tuc",
	};
	if (text_case_start(t->v[i]) == 0)
		return false;
	char *s = plain_join(t, i, i + 3 < t->n ? i + 3 : t->n);
	char *f = text_fold(s);
	free(s);
	bool yes = false;
	for (size_t k = 0; k < sizeof heads / sizeof heads[0] && !yes; k++)
		yes = !strncmp(f, heads[k], strlen(heads[k]));
	free(f);
	return yes;
}

/* A task's row text: title, lead, partners, time. */
static void task_row(const struct head *h, const char *code, const char *text, int first, int last,
                     struct rows *out)
{
	struct toks *t = xcalloc(1, sizeof *t);
	plain_tokenize(text, t);
	int end = t->n;
	if (count_cols(h, COL_TIME))
		for (int i = 1; i < t->n; i++)
			if (time_head(t, i) && agency_head(t, i - 1) == false) {
				end = i;
				break;
			}
	int lead = end, partner = end;
	for (int i = 1; i < end; i++) {
		const char *prev = t->v[i - 1];
		size_t n = strlen(prev);
		if (agency_head(t, i) && prev[n - 1] != ',' && prev[n - 1] != ';' &&
		    strcmp(prev, "và") && strcmp(prev, "các") && prev[n - 1] != '(') {
			lead = i;
			break;
		}
	}
	if (count_cols(h, COL_PARTNER) && lead < end)
		partner = monitor_start(t, lead + 1, end);
	char *cells[MAXCOL] = {0};
	cells[0] = xstrdup(code);
	put(h, cells, COL_NAME, plain_join(t, 0, lead));
	put(h, cells, COL_LEAD, plain_join(t, lead, partner));
	if (partner < end)
		put(h, cells, COL_PARTNER, plain_join(t, partner, end));
	if (end < t->n)
		put(h, cells, COL_TIME, plain_join(t, end, t->n));
	emit(out, first, last, cells, h->n);
	for (int i = 0; i < h->n; i++)
		free(cells[i]);
	plain_toks_free(t);
	free(t);
}

/* A line that ends the table: the signature block, notes, another part. */
static bool table_end(const char *s)
{
	return text_fold_starts(s, "noi nhan") || text_fold_starts(s, "phu luc") ||
	       text_fold_starts(s, "ghi chu:") || text_fold_starts(s, "tm. ") ||
	       text_fold_starts(s, "kt. ");
}

/* A page number alone ("3", "Trang 3", "3/12"). */
static bool page_number(const char *s)
{
	return plain_page_number(s);
}

bool plain_page_number(const char *s)
{
	if (text_fold_starts(s, "trang "))
		s += strlen("Trang ");
	size_t k = strspn(s, "0123456789");
	if (k == 0 || k > 3)
		return false;
	if (s[k] == '/')
		k += 1 + strspn(s + k + 1, "0123456789");
	return s[k] == '\0';
}

bool plain_print_margin(const char *s)
{
	s += strspn(s, " \f");
	if (!strncmp(s, "file://", 7) || !strncmp(s, "http://", 7) || !strncmp(s, "https://", 8)) {
		s += strcspn(s, " ");
		s += strspn(s, " ");
		return !*s || plain_page_number(s);
	}
	/* "12/2/26, 12:31 PM": a date, a comma, a time */
	int d, m, y, hh, mm, n = 0;
	return sscanf(s, "%2d/%2d/%4d, %2d:%2d%n", &d, &m, &y, &hh, &mm, &n) == 5 && n > 0 &&
	       (s[n] == ' ' || !s[n]);
}

bool plain_column_numbers(const char *s)
{
	int want = 1;
	while (*s) {
		while (*s == ' ' || *s == '\t' || *s == '|')
			s++;
		if (!*s)
			break;
		bool open = *s == '(';
		s += open;
		char *end;
		long v = strtol(s, &end, 10);
		if (end == s || v != want || (open && *end != ')'))
			return false;
		s = end + open;
		if (*s && *s != ' ' && *s != '\t' && *s != '|')
			return false;
		want++;
	}
	return want > 3;
}

/* The rows of one table whose header ends before line *i; *i moves past
 * the table. Lines of a page's margins (a page number, a running title
 * after the page break) before the header repeated on the next page are
 * no part of the row they follow. */
static void read_table(const struct lines *l, const struct head *h, size_t *i, struct rows *out,
                       struct plan *p)
{
	struct numbering st = {0};
	struct buf text = BUF_INIT;
	char code[40] = "";
	int first = 0, last = 0, kind = 0, margin_last = 0;
	size_t j = *i, margin = (size_t)-1; /* text.len where a page break began */
	for (;; j++) {
		char *c = j < l->n ? text_clean(l->v[j]) : NULL;
		bool brk = c && strchr(l->v[j], '\f');
		const char *rest = NULL;
		char next[40];
		int k = 0;
		struct head again;
		size_t after;
		if (c && (!*c || (page_number(c) &&
		                  (brk || (j + 1 < l->n && strchr(l->v[j + 1], '\f')))))) {
			free(c);
			continue;
		}
		if (c && (plain_column_numbers(c) || plain_print_margin(c))) {
			free(c); /* the header's row of column numbers, a browser's margin */
			continue;
		}
		if (c && find_head(l, j, &again, &after) && again.tasks == h->tasks) {
			j = after - 1; /* the header repeated on a new page */
			if (margin != (size_t)-1 && text.ptr) {
				text.ptr[margin] = '\0';
				text.len = margin;
				last = margin_last;
			}
			margin = (size_t)-1;
			free(c);
			continue;
		}
		bool end = !c || table_end(c) || (find_head(l, j, &again, &after));
		if (!end)
			k = row_start(c, &st, next, sizeof next, &rest);
		if ((end || k) && kind) {
			if (kind == 2) {
				char *cells[2] = {code, (char *)buf_str(&text)};
				emit(out, first, last, cells, 2);
			} else if (h->tasks) {
				task_row(h, code, buf_str(&text), first, last, out);
			} else {
				indicator_row(h, code, buf_str(&text), first, last, out, p);
			}
			kind = 0;
		}
		if (end) {
			free(c);
			break;
		}
		if (k) {
			kind = k;
			margin = (size_t)-1;
			snprintf(code, sizeof code, "%s", next);
			buf_reset(&text);
			buf_puts(&text, rest);
			first = last = (int)j + 1;
			if (k == 2) {
				st.group = text_roman(next);
				st.last = 0;
			} else {
				const char *dot = strchr(next, '.');
				st.last = atoi(dot ? dot + 1 : next);
				if (!dot)
					st.all = st.last;
			}
		} else if (kind) {
			if (margin == (size_t)-1 && (brk || page_number(c))) {
				margin = text.len; /* a page's margin may start here */
				margin_last = last;
			}
			if (text.len)
				buf_putc(&text, ' ');
			buf_puts(&text, c);
			last = (int)j + 1;
		}
		free(c);
	}
	buf_free(&text);
	*i = j;
}

bool plain_blocks(const struct lines *l, int *line)
{
	for (size_t i = 0; i + 2 < l->n; i++) {
		char *f = text_fold(l->v[i]);
		bool no = header_number_word(f);
		free(f);
		/* the number column's head alone, then a blank line or its
		 * rows' numbers one a line ("TT" "I" "1" "2": the column
		 * written as one block) */
		int v;
		if (!no || (*l->v[i + 1] && (!celltext_row_number(l->v[i + 1], &v) ||
		                             !celltext_row_number(l->v[i + 2], &v))))
			continue;
		for (size_t j = i > 4 ? i - 4 : 0; j < l->n && j < i + 12; j++) /* either side */
			if (text_fold_starts(l->v[j], "chi tieu") ||
			    text_fold_starts(l->v[j], "noi dung") ||
			    text_fold_starts(l->v[j], "nhiem vu")) {
				*line = (int)i + 1;
				return true;
			}
	}
	/* a table with no number column: "Chỉ tiêu" a block of its own,
	 * then other header cells each a block ("Đơn vị tính", "2025") */
	for (size_t i = 0; i + 2 < l->n; i++) {
		if (header_cell_kind(l->v[i]) != HEAD_NAME || *l->v[i + 1] ||
		    (i && *l->v[i - 1] && header_cell_kind(l->v[i - 1]) == HEAD_NONE))
			continue;
		int cells = 0;
		for (size_t j = i + 2; j < l->n && j < i + 16; j++) {
			enum head_kind k = header_cell_kind(l->v[j]);
			cells += !*l->v[j - 1] && (k == HEAD_UNIT || k == HEAD_YEAR ||
			                           k == HEAD_AGENCY || k == HEAD_VALUE);
		}
		if (cells >= 2) {
			*line = (int)i + 1;
			return true;
		}
	}
	return false;
}

bool plain_rows(const struct lines *l, struct rows *out, struct plan *p)
{
	bool found = false;
	int table = 0;
	for (size_t i = 0; i < l->n;) {
		struct head h;
		size_t next;
		if (!find_head(l, i, &h, &next)) {
			i++;
			continue;
		}
		size_t before = out->n;
		emit_head(out, &h, (int)i + 1);
		read_table(l, &h, &next, out, p);
		table++;
		for (size_t r = before; r < out->n; r++)
			out->v[r].table = table;
		found |= out->n > before + 1;
		i = next > i ? next : i + 1;
	}
	return found;
}

/* ---- for plainblocks.c: the same vocabulary read cell by cell ---- */

bool plain_header_line(const char *s)
{
	return header_words(s);
}

bool plain_unit(const char *s)
{
	return known_unit(s);
}

bool plain_unit_folded(const char *s)
{
	char *f = text_fold(s);
	bool yes = false;
	for (size_t i = 0; i < sizeof units / sizeof units[0] && !yes; i++) {
		char *u = text_fold(units[i]);
		yes = !strcmp(f, u);
		free(u);
	}
	free(f);
	return yes;
}

bool plain_agency(const char *s)
{
	const char *e = s; /* its first words are enough */
	for (int w = 0; w < 4 && *e; w++)
		e += strspn(e, " "), e += strcspn(e, " ");
	char *head = xstrndup(s, (size_t)(e - s));
	struct toks *t = xcalloc(1, sizeof *t);
	plain_tokenize(head, t);
	free(head);
	bool yes = agency_head(t, 0);
	plain_toks_free(t);
	free(t);
	return yes;
}
