/* pdf.c: tables as text pulled out of a PDF: every cell on lines of its own,
 * long cells wrapped over several lines, the cells of a short row run
 * together on one line, the page header repeated on each page. Rebuilds
 * rows of cells (header row first) for the interpreter.
 *
 * A record starts at its number ("12."). Within it, the target cells are the
 * longest run of target-like tokens ("> 60", "100", "-", "Có"); wrapped text
 * targets ("Duy trì, / phát triển") follow as short lines, a new cell at each
 * capital letter. The unit is the short lines just before the targets, the
 * name what comes before that, the agencies what comes after: the lead
 * column is wide, the monitoring column narrow. */
#include "table.h"

#include "target.h"
#include "text.h"
#include "util.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define MAXT       10 /* target columns */
#define SHORT_CELL 14 /* code points of a wrapped unit or target cell line */
#define MONITOR_W  22 /* widest line of the narrow monitoring column */

struct item {
	char *s;   /* cleaned line */
	char *raw; /* as written: two spaces in a row mark an empty cell */
	int line;  /* 1-based */
	bool brk;  /* first line after a repeated page header */
};

struct items {
	struct item *v;
	size_t n, cap;
};

struct layout {
	int years[MAXT], ny;
	bool baseline, monitor;
};

/* Every word of the line is a word of the table header. */
static bool header_line(const char *s)
{
	struct words w = {0};
	text_words(s, &w);
	bool all = w.n > 0;
	for (size_t i = 0; i < w.n && all; i++)
		all = header_word(w.w[i]);
	words_free(&w);
	return all;
}

/* "2025 2030 2035 2040 2045": the line that ends every page header. */
static int years_line(const char *s, int *years, int max)
{
	int n = 0;
	for (const char *p = s; *p;) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		size_t k = strcspn(p, " ");
		int y = text_year(p, k);
		if (!y)
			return 0;
		if (n < max)
			years[n++] = y;
		p += k;
	}
	return n >= 2 ? n : 0;
}

static void items_push(struct items *it, const char *s, const char *raw, int line, bool brk)
{
	it->v = xgrow(it->v, &it->cap, it->n + 1, sizeof *it->v);
	it->v[it->n].s = xstrdup(s);
	it->v[it->n].raw = xstrdup(raw);
	it->v[it->n].line = line;
	it->v[it->n].brk = brk;
	it->n++;
}

static void items_free(struct items *it)
{
	for (size_t i = 0; i < it->n; i++) {
		free(it->v[i].s);
		free(it->v[i].raw);
	}
	free(it->v);
	memset(it, 0, sizeof *it);
}

/* The first page header: where it starts and the columns it names. */
static bool find_header(const struct lines *l, struct layout *lay, size_t *body)
{
	for (size_t i = 0; i < l->n; i++) {
		char *f = text_fold(l->v[i]);
		bool start = strlen(f) < 300 &&
		             (strstr(f, "noi dung chi tieu") || strstr(f, "ten chi tieu") ||
		              (strstr(f, "stt") && strstr(f, "chi tieu")));
		free(f);
		if (!start)
			continue;
		struct buf hb = BUF_INIT;
		for (size_t j = i; j < l->n && j < i + 20; j++) {
			lay->ny = years_line(l->v[j], lay->years, MAXT);
			if (lay->ny) {
				char *h = text_fold(buf_str(&hb));
				lay->baseline = strstr(h, "hien trang") ||
				                strstr(h, "ket qua thuc hien") ||
				                strstr(h, "uoc thuc hien");
				lay->monitor = strstr(h, "theo doi") || strstr(h, "danh gia");
				free(h);
				buf_free(&hb);
				*body = j + 1;
				return true;
			}
			buf_puts(&hb, l->v[j]);
			buf_putc(&hb, ' ');
		}
		buf_free(&hb);
	}
	return false;
}

/* Body lines without blank lines and without the page headers repeated on
 * each page (the header words back from each years line). */
static void body_items(const struct lines *l, size_t from, struct items *it)
{
	int years[MAXT];
	bool brk = false;
	for (size_t i = from; i < l->n; i++) {
		char *c = text_clean(l->v[i]);
		if (!*c) {
			free(c);
			continue;
		}
		char *f = text_fold(c);
		bool end = !strncmp(f, "ghi chu", 7) || !strncmp(f, "noi nhan", 8) ||
		           !strncmp(f, "phu luc", 7);
		free(f);
		if (end) {
			free(c);
			break;
		}
		if (years_line(c, years, MAXT)) {
			while (it->n && header_line(it->v[it->n - 1].s)) {
				free(it->v[it->n - 1].s);
				free(it->v[it->n - 1].raw);
				it->n--;
			}
			brk = true;
			free(c);
			continue;
		}
		items_push(it, c, l->v[i], (int)i + 1, brk);
		brk = false;
		free(c);
	}
}

/* "12." or "12.  Name ...": the number, and the rest. Without its dot
 * ("2", "2 Tỷ lệ ...") a number counts only when it is the one expected
 * next, so that a target alone on its line ("40") or a name line such as
 * "12 tháng" is not taken for a record. */
static int record_number(const char *s, const char **rest, int expect)
{
	const char *p = s;
	int v = 0, k = 0;
	while (isdigit((unsigned char)*p) && k < 4)
		v = v * 10 + (*p++ - '0'), k++;
	if (!k || isdigit((unsigned char)*p))
		return 0;
	bool expected = v == expect || (v == 1 && expect <= 2);
	if (*p == '.')
		p++;
	else if (!expected || (*p && !(*p == ' ' && text_case_start(p) == 1)))
		return 0;
	if (*p && *p != ' ')
		return 0;
	while (*p == ' ')
		p++;
	*rest = p;
	return v;
}

/* "II Phát triển nguồn lực": a group line. */
static int group_number(const char *s, const char **rest)
{
	char code[8];
	size_t n = strcspn(s, " ");
	if (n == 0 || n >= sizeof code || !s[n])
		return 0;
	memcpy(code, s, n);
	code[n] = '\0';
	int r = text_roman(code);
	if (r) {
		*rest = s + n + 1;
		if (text_case_start(*rest) != 1)
			return 0;
	}
	return r;
}

struct tok {
	char *s;
	int gap; /* spaces before it */
};

/* A comparison sign standing alone: "≥", ">=", ">". */
static bool lone_op(const char *s)
{
	return !strcmp(s, ">") || !strcmp(s, ">=") || !strcmp(s, "<") || !strcmp(s, "<=") ||
	       !strcmp(s, "=") || !strcmp(s, "\xe2\x89\xa5") || !strcmp(s, "\xe2\x89\xa4");
}

static int tokenize(const char *s, struct tok *t, int max)
{
	int n = 0;
	const char *p = s;
	while (*p && n < max) {
		int gap = 0;
		while (*p == ' ' || *p == '\t' || *p == '\r')
			p++, gap++;
		if (!*p)
			break;
		size_t k = strcspn(p, " \t\r");
		char *raw = xstrndup(p, k);
		char *c = text_clean(raw);
		free(raw);
		if (n > 0 && lone_op(t[n - 1].s) && isdigit((unsigned char)c[0])) {
			char *joined = xasprintf("%s %s", t[n - 1].s, c); /* "≥" "80" */
			free(t[n - 1].s);
			free(c);
			t[n - 1].s = joined;
		} else {
			t[n].s = c;
			t[n].gap = gap;
			n++;
		}
		p += k;
	}
	return n;
}

static void toks_free(struct tok *t, int n)
{
	for (int i = 0; i < n; i++)
		free(t[i].s);
}

static char *join_toks(struct tok *t, int from, int to)
{
	struct buf b = BUF_INIT;
	for (int i = from; i < to; i++) {
		if (b.len)
			buf_putc(&b, ' ');
		buf_puts(&b, t[i].s);
	}
	return buf_detach(&b);
}

static void append(struct buf *b, const char *s)
{
	if (!*s)
		return;
	if (b->len)
		buf_putc(b, ' ');
	buf_puts(b, s);
}

#define MAXTOK 256

/* The run of target tokens of a record: line, first token, length. */
struct run {
	size_t line;
	int from, len;
};

static bool short_line(const char *s);

/* A target in words ("Đạt", "Có"), which may go on in lower case ("Đạt
 * mức khá", wrapped over lines). */
static bool word_target(const char *t)
{
	return target_token(t, true) && text_case_start(t) == 1;
}

/* Cells a run would give: its tokens and the wrapped cells below it. */
static int run_cells(const struct items *rec, size_t line, int len, bool line_ends)
{
	int cells = len;
	for (size_t i = line + 1; i < rec->n && line_ends && short_line(rec->v[i].s); i++)
		cells += text_case_start(rec->v[i].s) == 1 || target_token(rec->v[i].s, true);
	return cells;
}

static bool find_run(const struct items *rec, size_t n, int need, struct run *best)
{
	bool found = false;
	int best_cells = 0;
	best->len = 0;
	for (size_t i = 0; i < n; i++) {
		struct tok t[MAXTOK];
		int nt = tokenize(rec->v[i].raw, t, MAXTOK);
		for (int j = 0; j < nt;) {
			if (!target_token(t[j].s, true) || (i == 0 && j == 0)) {
				j++;
				continue;
			}
			int k = j;
			while (k < nt && target_token(t[k].s, true))
				k++;
			/* What follows a run is the lead agency (a capital
			 * letter), or the rest of a target in words ("Đạt"
			 * "chuẩn"). */
			bool ok = k == nt || text_case_start(t[k].s) == 1 ||
			          (word_target(t[k - 1].s) && text_case_start(t[k].s) == 0);
			int cells = ok ? run_cells(rec, i, k - j, k == nt) : 0;
			cells = cells < need ? cells : need;
			if (ok && cells > best_cells) {
				best->line = i;
				best->from = j;
				best->len = k - j;
				best_cells = cells;
				found = true;
			}
			j = k;
		}
		toks_free(t, nt);
	}
	return found;
}

static bool short_line(const char *s)
{
	return text_len(s) <= SHORT_CELL;
}

/* Known units, to split "Phủ sóng 5G trên dân số %" into name and unit. */
static const char *const units[] = {
        "%",         "% GRDP",        "%GRDP",        "Chỉ số",
        "Người",     "Người/vạn dân", "Doanh nghiệp", "Sáng kiến",
        "Mô hình",   "Công trình",    "Thứ bậc",      "Mức độ",
        "Có/Không",  "Có/ Không",     "Báo cáo",      "Xã",
        "Trung tâm", "Công nghệ",     "Dịch vụ",      "Đề tài",
        "Bài báo",   "Sản phẩm",      "Dự án",        "Cán bộ",
        "Nhiệm vụ",  "Tổ chức",       "Hồ sơ",        "Lượt",
        "Cơ sở",
};

static void split_name_unit(const char *s, char **name, char **unit)
{
	size_t n = strlen(s), best = 0;
	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
		size_t k = strlen(units[i]);
		if (k < n && k > best && !strcmp(s + n - k, units[i]) && s[n - k - 1] == ' ')
			best = k;
	}
	if (!best) {
		*name = xstrdup(s);
		*unit = NULL;
		return;
	}
	*name = xstrndup(s, n - best - 1);
	*unit = xstrdup(s + n - best);
}

/* Split the lines after the targets into the lead and the monitoring
 * agency: the monitoring cell is the tail of narrow lines that starts with
 * a capital letter where the lead's last line did not end in "," or ";". */
/* The line ends in a way that says the cell goes on: "," ";" "và" ... */
static bool line_continues(const char *s)
{
	static const char *const tails[] = {",",    ";",     "-",       "\xe2\x80\x93",
	                                    " và",  " của",  " các",    " cho",
	                                    " với", " trên", " và các", " hoặc"};
	size_t n = strlen(s);
	for (size_t i = 0; i < sizeof tails / sizeof tails[0]; i++) {
		size_t k = strlen(tails[i]);
		if (n >= k && !strcmp(s + n - k, tails[i]))
			return true;
	}
	return false;
}

static void split_agencies(char **lines, size_t n, bool monitor, char **lead, char **mon)
{
	size_t s = n;
	for (size_t k = 1; k < n && monitor; k++) {
		if (text_case_start(lines[k]) != 1 || line_continues(lines[k - 1]))
			continue;
		bool narrow = true;
		for (size_t j = k; j < n && narrow; j++)
			narrow = text_len(lines[j]) <= MONITOR_W;
		if (narrow) {
			s = k;
			break;
		}
	}
	struct buf a = BUF_INIT, b = BUF_INIT;
	for (size_t k = 0; k < n; k++)
		append(k < s ? &a : &b, lines[k]);
	/* "Trung tâm Y tế huyện Trung tâm Y tế huyện": both cells on one line. */
	if (monitor && s == n && a.len > 2 && a.len % 2 == 1) {
		size_t h = a.len / 2;
		if (a.ptr[h] == ' ' && !strncmp(a.ptr, a.ptr + h + 1, h)) {
			buf_put(&b, a.ptr, h);
			a.ptr[h] = '\0';
			a.len = h;
		}
	}
	*lead = a.len ? buf_detach(&a) : NULL;
	*mon = b.len ? buf_detach(&b) : NULL;
	buf_free(&a);
	buf_free(&b);
}

static void emit(struct rows *out, int first, int last, char **cells, int n)
{
	struct row *row = rows_add(out, first);
	row->last = last;
	for (int i = 0; i < n; i++)
		row_add_cell(row, cells[i] ? cells[i] : "", cells[i] ? strlen(cells[i]) : 0);
}

struct record {
	char *name, *unit, *lead, *monitor;
	char *cell[MAXT + 1]; /* [baseline] targets */
	int ncell;
	bool dropped; /* its targets left out (named in a warning) */
};

/* Collect the target cells of the run and of the wrapped lines after it.
 * Returns the index of the first line after them; *rest gets the text
 * after the run on its line, *spaced whether the line keeps two spaces
 * between its words anywhere (text whose spaces were not collapsed, where
 * a gap can mark an empty cell). */
static size_t read_targets(const struct items *rec, const struct run *r, int need,
                           struct record *out, char **rest, bool *spaced)
{
	struct tok t[MAXTOK];
	int nt = tokenize(rec->v[r->line].raw, t, MAXTOK);
	int have = r->len;
	*spaced = false;
	for (int j = 1; j < nt; j++)
		*spaced |= t[j].gap >= 2;
	/* A gap of two spaces before the run or inside it is an empty cell. */
	for (int j = r->from; j < r->from + r->len && out->ncell < need; j++) {
		if (t[j].gap >= 2 && have < need && (j > 0 || r->from > 0)) {
			out->cell[out->ncell++] = xstrdup("");
			have++;
		}
		out->cell[out->ncell++] = xstrdup(t[j].s);
	}
	struct buf cur = BUF_INIT;
	bool incell = false;
	int end = r->from + r->len;
	/* A last target in words goes on with the lower-case words after it,
	 * on its line and on the short lines below ("Đạt" "mức" "khá"). */
	if (out->ncell && word_target(out->cell[out->ncell - 1])) {
		buf_puts(&cur, out->cell[--out->ncell]);
		free(out->cell[out->ncell]);
		while (end < nt && text_case_start(t[end].s) == 0 && !target_token(t[end].s, true))
			append(&cur, t[end++].s);
		incell = true;
	}
	*rest = join_toks(t, end, nt);
	toks_free(t, nt);
	size_t i = r->line + 1;
	if (incell && **rest) { /* the agency follows on the line */
		out->cell[out->ncell++] = buf_detach(&cur);
		incell = false;
	}
	while (out->ncell < need && i < rec->n && !**rest) {
		const char *s = rec->v[i].s;
		int up = text_case_start(s);
		if (!short_line(s) || (up != 1 && !incell && !target_token(s, true)))
			break;
		if (up == 1 || target_token(s, true)) {
			if (incell) {
				out->cell[out->ncell++] = buf_detach(&cur);
				if (out->ncell == need)
					break;
			}
			incell = true;
		}
		append(&cur, s);
		i++;
	}
	if (incell && out->ncell < need)
		out->cell[out->ncell++] = buf_detach(&cur);
	buf_free(&cur);
	return i;
}

/* Name and unit from the lines before the targets. */
static void read_name_unit(const struct items *rec, const struct run *r, struct record *out)
{
	struct tok t[MAXTOK];
	int nt = tokenize(rec->v[r->line].raw, t, MAXTOK);
	char *prefix = join_toks(t, 0, r->from);
	toks_free(t, nt);
	size_t name_end = r->line; /* lines [0, name_end) are name */
	struct buf unit = BUF_INIT;
	if (*prefix && r->line == 0) {
		split_name_unit(prefix, &out->name, &out->unit);
		free(prefix);
		return;
	}
	if (!*prefix || text_case_start(prefix) == 0) {
		/* The unit wrapped over short lines just above: back to a capital. */
		size_t k = r->line;
		bool capital = false;
		while (k > 1 && short_line(rec->v[k - 1].s) && !capital) {
			k--;
			capital = text_case_start(rec->v[k].s) == 1 || rec->v[k].s[0] == '%';
		}
		if (capital) {
			for (size_t j = k; j < r->line; j++)
				append(&unit, rec->v[j].s);
			name_end = k;
		}
	}
	append(&unit, prefix);
	free(prefix);
	struct buf name = BUF_INIT;
	for (size_t j = 0; j < name_end; j++)
		append(&name, rec->v[j].s);
	out->name = buf_detach(&name);
	out->unit = unit.len ? buf_detach(&unit) : NULL;
	buf_free(&unit);
}

/* Lines after a page break that continue the name ("tối ưu quy trình..."). */
static bool name_unfinished(const char *name)
{
	size_t n = strlen(name);
	return n && (name[n - 1] == ',' || name[n - 1] == ';' || text_case_start(name) >= 0);
}

static void read_record(const struct items *rec, const struct layout *lay, struct record *out,
                        struct plan *p)
{
	int need = lay->ny + (lay->baseline ? 1 : 0);
	struct run r;
	memset(out, 0, sizeof *out);
	if (!find_run(rec, rec->n, need, &r)) {
		/* Nothing like a target: keep the whole text as the name. */
		struct buf b = BUF_INIT;
		for (size_t i = 0; i < rec->n; i++)
			append(&b, rec->v[i].s);
		out->name = buf_detach(&b);
		plan_warn(p, rec->v[0].line,
		          "Không tìm thấy ô mục tiêu của chỉ tiêu; giữ nguyên văn");
		return;
	}
	read_name_unit(rec, &r, out);
	char *rest = NULL;
	bool spaced;
	size_t after = read_targets(rec, &r, need, out, &rest, &spaced);
	if (out->ncell < need && *rest && !spaced) {
		/* Text with its spaces collapsed (pdftotext without -layout)
		 * shows no empty cell, and joins a line that ended in a "-"
		 * to the next one without it: a cell missing from a run the
		 * agency follows on its line may be one at the front or a
		 * dash dropped at its end. Its place is not known: the
		 * indicator keeps its name, unit and agencies, no target. */
		plan_warn(p, rec->v[r.line].line,
		          "Chỉ đọc được %d/%d ô mục tiêu và văn bản không cho biết ô nào "
		          "thiếu (có thể dấu \"-\" cuối dòng đã bị bỏ khi chép từ PDF); "
		          "để trống các ô mục tiêu của hàng này, hãy đối chiếu văn bản gốc",
		          out->ncell, need);
		for (int k = 0; k < out->ncell; k++)
			free(out->cell[k]);
		for (int k = 0; k < need; k++)
			out->cell[k] = xstrdup("");
		out->ncell = need;
		out->dropped = true;
	}
	if (out->ncell < need) {
		/* Cells missing at the front: targets start at later milestones. */
		int miss = need - out->ncell;
		memmove(&out->cell[miss], &out->cell[0], (size_t)out->ncell * sizeof out->cell[0]);
		for (int k = 0; k < miss; k++)
			out->cell[k] = xstrdup("");
		out->ncell = need;
		plan_warn(p, rec->v[r.line].line,
		          "Chỉ đọc được %d/%d ô mục tiêu; coi các ô đầu là trống", need - miss,
		          need);
	}
	char **lines = xcalloc(rec->n + 1, sizeof *lines);
	size_t nl = 0;
	if (*rest)
		lines[nl++] = rest;
	struct buf tail = BUF_INIT;
	for (size_t i = after; i < rec->n; i++) {
		if (rec->v[i].brk && text_case_start(rec->v[i].s) == 0 &&
		    name_unfinished(out->name)) {
			while (i < rec->n && text_case_start(rec->v[i].s) == 0)
				append(&tail, rec->v[i++].s);
			i--;
			continue;
		}
		lines[nl++] = rec->v[i].s;
	}
	split_agencies(lines, nl, lay->monitor, &out->lead, &out->monitor);
	free(rest);
	free(lines);
	if (tail.len) {
		char *n = xasprintf("%s %s", out->name, buf_str(&tail));
		free(out->name);
		out->name = n;
	}
	buf_free(&tail);
}

static void record_free(struct record *r)
{
	free(r->name);
	free(r->unit);
	free(r->lead);
	free(r->monitor);
	for (int i = 0; i < r->ncell; i++)
		free(r->cell[i]);
}

static void emit_header(struct rows *out, const struct layout *lay, int line)
{
	char *cells[MAXT + 8];
	char years[MAXT][8];
	int n = 0;
	cells[n++] = "Stt";
	cells[n++] = "Nội dung chỉ tiêu";
	cells[n++] = "Đơn vị tính";
	if (lay->baseline)
		cells[n++] = "Hiện trạng";
	for (int i = 0; i < lay->ny; i++) {
		snprintf(years[i], sizeof years[i], "%d", lay->years[i]);
		cells[n++] = years[i];
	}
	cells[n++] = "Cơ quan chủ trì thực hiện";
	if (lay->monitor)
		cells[n++] = "Cơ quan theo dõi, đánh giá";
	emit(out, line, line, cells, n);
}

static void emit_record(struct rows *out, const struct layout *lay, const struct items *rec,
                        const char *number, int number_line, struct plan *p)
{
	struct record r;
	read_record(rec, lay, &r, p);
	char *cells[MAXT + 8];
	int n = 0;
	cells[n++] = (char *)number;
	cells[n++] = r.name;
	cells[n++] = r.unit;
	for (int i = 0; i < r.ncell; i++)
		cells[n++] = r.cell[i];
	cells[n++] = r.lead;
	if (lay->monitor)
		cells[n++] = r.monitor;
	emit(out, number_line, rec->v[rec->n - 1].line, cells, n);
	out->v[out->n - 1].dropped = r.dropped;
	record_free(&r);
}

bool pdf_rows(const struct lines *l, struct rows *out, struct plan *p)
{
	struct layout lay;
	memset(&lay, 0, sizeof lay);
	size_t body;
	if (!find_header(l, &lay, &body))
		return false;
	emit_header(out, &lay, (int)body);
	struct items it = {0}, rec = {0};
	body_items(l, body, &it);
	char number[16] = "";
	int number_line = 0, last = 0;
	for (size_t i = 0; i <= it.n; i++) {
		const char *rest = NULL;
		int num = i < it.n ? record_number(it.v[i].s, &rest, last + 1) : 0;
		if (num)
			last = num;
		int grp = i < it.n && !num ? group_number(it.v[i].s, &rest) : 0;
		if (i < it.n && !num && !grp) {
			if (rec.n || number[0])
				items_push(&rec, it.v[i].s, it.v[i].raw, it.v[i].line, it.v[i].brk);
			continue;
		}
		if (number[0] && rec.n)
			emit_record(out, &lay, &rec, number, number_line, p);
		items_free(&rec);
		number[0] = '\0';
		if (i == it.n)
			break;
		if (grp) {
			last = 0;
			char *cells[2] = {(char *)text_to_roman(grp), (char *)rest};
			emit(out, it.v[i].line, it.v[i].line, cells, 2);
		} else {
			snprintf(number, sizeof number, "%d", num);
			number_line = it.v[i].line;
			if (*rest) {
				const char *raw = it.v[i].raw;
				while (*raw == ' ')
					raw++;
				raw += strspn(raw, "0123456789.");
				items_push(&rec, rest, raw, it.v[i].line, false);
			}
		}
	}
	items_free(&rec);
	items_free(&it);
	return true;
}
