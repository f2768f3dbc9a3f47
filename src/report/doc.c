/* doc.c: the report's document model (doc.h), built once for every
 * format. */
#include "doc.h"

#include "figure.h"
#include "text.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *rdoc_roman(int k)
{
	static const char *const r[] = {
	        "",      "I",      "II",    "III",   "IV",     "V",      "VI",      "VII",
	        "VIII",  "IX",     "X",     "XI",    "XII",    "XIII",   "XIV",     "XV",
	        "XVI",   "XVII",   "XVIII", "XIX",   "XX",     "XXI",    "XXII",    "XXIII",
	        "XXIV",  "XXV",    "XXVI",  "XXVII", "XXVIII", "XXIX",   "XXX",     "XXXI",
	        "XXXII", "XXXIII", "XXXIV", "XXXV",  "XXXVI",  "XXXVII", "XXXVIII", "XXXIX"};
	return k > 0 && k < (int)(sizeof r / sizeof r[0]) ? r[k] : "?";
}

void rdoc_number(char out[40], bool has, double v)
{
	if (!has || !isfinite(v)) {
		snprintf(out, 40, "–");
		return;
	}
	double rounded = round(v * 100) / 100;
	if (rounded == 0)
		rounded = 0; /* no "-0" */
	char f[FIGURE_SIZE];
	figure_write_vi(rounded, f);
	snprintf(out, 40, "%s", f);
}

void rdoc_percent(char out[48], double share)
{
	char n[40];
	rdoc_number(n, true, 100 * share);
	snprintf(out, 48, "%s%%", n);
}

void rdoc_figure_period(enum period_kind grain, int m, char out[PERIOD_NAME_SIZE])
{
	struct period p = {grain, m / 12, 0};
	int month = m % 12 + 1;
	p.index = grain == PERIOD_MONTH     ? month
	          : grain == PERIOD_QUARTER ? (month + 2) / 3
	          : grain == PERIOD_HALF    ? (month + 5) / 6
	                                    : 0;
	period_format(&p, out, PERIOD_NAME_SIZE);
}

/* ---- building ---------------------------------------------------------------- */

static struct rblock *add(struct rdoc *d, enum rblock_kind kind, char *text)
{
	d->blocks = xrealloc(d->blocks, (d->nblocks + 1) * sizeof *d->blocks);
	struct rblock *b = &d->blocks[d->nblocks++];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	b->text = text;
	return b;
}

static void heading(struct rdoc *d, int *section, const char *words)
{
	add(d, RBLOCK_HEADING, xasprintf("%s. %s", rdoc_roman(++*section), words));
}

static struct rtable *table(struct rdoc *d, const char *sheet, size_t nrows, int ncols,
                            const char *const *head, const int *twips)
{
	struct rtable *t = &add(d, RBLOCK_TABLE, NULL)->table;
	t->ncols = ncols;
	t->nrows = nrows;
	t->sheet = sheet;
	for (int k = 0; k < ncols; k++) {
		t->head[k] = head[k];
		t->twips[k] = twips[k];
	}
	t->cells = xcalloc(nrows * (size_t)ncols + 1, sizeof *t->cells);
	return t;
}

static struct rcell *at(struct rtable *t, size_t row, int col)
{
	return &t->cells[row * (size_t)t->ncols + (size_t)col];
}

static void text_cell(struct rtable *t, size_t row, int col, const char *s)
{
	at(t, row, col)->text = xstrdup(s ? s : "");
}

static void number_cell(struct rtable *t, size_t row, int col, bool has, double v)
{
	struct rcell *c = at(t, row, col);
	char n[40];
	rdoc_number(n, has, v);
	c->text = xstrdup(n);
	c->kind = RCELL_NUMBER;
	c->has = has;
	c->v = v;
}

static void percent_cell(struct rtable *t, size_t row, int col, double share, const char *suffix)
{
	struct rcell *c = at(t, row, col);
	char n[48];
	rdoc_percent(n, share);
	c->text = xasprintf("%s%s", n, suffix ? suffix : "");
	c->kind = RCELL_PERCENT;
	c->has = true;
	c->v = share;
}

/* The target cell: "2025: ≥ 70" as text; a plain numeric target also as
 * its number with its operator (the XLSX stores the number). */
static void target_cell(struct rtable *t, size_t row, int col, const struct status_row *x)
{
	struct rcell *c = at(t, row, col);
	if (!x->target) {
		c->text = xstrdup("");
		return;
	}
	c->text = xasprintf("%d: %s", x->year, x->target->text);
	if (x->target->kind == TARGET_NUMBER) {
		static const char *const ops[] = {"≥ ", "> ", "≤ ", "< ", "= "};
		c->kind = RCELL_TARGET;
		c->has = true;
		c->v = x->target->value;
		snprintf(c->prefix, sizeof c->prefix, "%d: %s", x->year,
		         (unsigned)x->target->op < 5 ? ops[x->target->op] : "");
	}
}

static void summary(const struct report *r, struct rdoc *d, int *section)
{
	heading(d, section, "TÓM TẮT");
	if (r->has_plan)
		add(d, RBLOCK_PARA,
		    xasprintf("Tổng số %zu chỉ tiêu: %d đạt, %d vượt, %d đúng tiến độ, %d có nguy "
		              "cơ không đạt, %d chậm tiến độ, %d không đạt, %d chưa có số liệu, %d "
		              "không đánh giá. Nhiệm vụ: %zu, trong đó %d hoàn thành, %d đang thực "
		              "hiện, %d quá hạn.",
		              r->v.n, r->count[EVAL_MET], r->count[EVAL_EXCEEDED],
		              r->count[EVAL_ON_TRACK], r->count[EVAL_AT_RISK],
		              r->count[EVAL_OFF_TRACK], r->count[EVAL_NOT_MET],
		              r->count[EVAL_NO_DATA], r->count[EVAL_NOT_EVALUATED], r->ntasks,
		              r->tasks_done, r->tasks_open, r->tasks_late));
	if (r->fam.n) {
		int met = 0, evaluated = 0, some = 0;
		for (size_t i = 0; i < r->nroll; i++) {
			met += r->roll[i].meeting.met;
			evaluated += r->roll[i].meeting.evaluated;
			some += r->roll[i].meeting.met > 0;
		}
		add(d, RBLOCK_PARA,
		    xasprintf("Tổng số %zu chỉ tiêu tổng hợp từ %zu đơn vị trực thuộc: %d chỉ tiêu "
		              "có ít nhất một đơn vị đạt mục tiêu; tính theo đơn vị, %d lượt đạt "
		              "trên %d lượt có mục tiêu.",
		              r->nroll, r->fam.n, some, met, evaluated));
	}
	char from[16], to[16], due[16];
	deadline_words(r->cutoff_from, from);
	deadline_words(r->cutoff_to, to);
	deadline_words(r->deadline, due);
	add(d, RBLOCK_PARA,
	    xasprintf("Số liệu chốt từ ngày %s đến ngày %s; thời hạn gửi báo cáo: ngày %s (Nghị "
	              "định số 09/2019/NĐ-CP).",
	              from, to, due));
}

static void indicators(const struct report *r, struct rdoc *d, int *section)
{
	if (!r->v.n)
		return;
	heading(d, section, "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU");
	static const char *const head[] = {"Mã",         "Chỉ tiêu", "Đơn vị tính",
	                                   "Năm gốc",    "Mục tiêu", "Kết quả",
	                                   "Kỳ số liệu", "Đánh giá", "Cơ quan chủ trì"};
	static const int tw[] = {650, 2200, 700, 650, 1050, 750, 1050, 950, 1350};
	struct rtable *t = table(d, "Chỉ tiêu", r->v.n, 9, head, tw);
	t->group = xcalloc(r->v.n + 1, sizeof *t->group);
	for (size_t i = 0; i < r->v.n; i++) {
		const struct status_row *x = &r->v.rows[i];
		t->group[i] = x->ind->group;
		text_cell(t, i, 0, x->ind->code);
		text_cell(t, i, 1, x->ind->name);
		text_cell(t, i, 2, x->ind->unit);
		number_cell(t, i, 3, x->ind->has_baseline, x->ind->baseline);
		target_cell(t, i, 4, x);
		number_cell(t, i, 5, x->r.has_latest, x->r.latest);
		char when[PERIOD_NAME_SIZE] = "";
		if (x->r.has_latest)
			rdoc_figure_period(r->grain, x->r.latest_month, when);
		text_cell(t, i, 6, when);
		text_cell(t, i, 7, eval_status_vi(x->r.status));
		text_cell(t, i, 8, x->ind->lead);
	}
}

static const char *task_state(const struct task_row *t)
{
	if (t->status && !strcmp(t->status, "done"))
		return "Hoàn thành";
	if (t->overdue)
		return "Quá hạn";
	if (t->status && !strcmp(t->status, "in_progress"))
		return "Đang thực hiện";
	return "Chưa bắt đầu";
}

static void tasks(const struct report *r, struct rdoc *d, int *section)
{
	if (!r->ntasks)
		return;
	heading(d, section, "TIẾN ĐỘ CÁC NHIỆM VỤ");
	static const char *const head[] = {"Mã", "Nhiệm vụ", "Chủ trì", "Thời hạn", "Tiến độ"};
	static const int tw[] = {700, 4300, 2000, 1100, 1300};
	struct rtable *t = table(d, "Nhiệm vụ", r->ntasks, 5, head, tw);
	for (size_t i = 0; i < r->ntasks; i++) {
		const struct task_row *k = &r->tasks[i];
		text_cell(t, i, 0, k->code);
		text_cell(t, i, 1, k->title);
		text_cell(t, i, 2, k->lead);
		text_cell(t, i, 3, k->due ? k->due : "–");
		text_cell(t, i, 4, task_state(k));
	}
}

static void late(const struct report *r, struct rdoc *d, int *section)
{
	heading(d, section, "NHỮNG VIỆC CHẬM, CƠ QUAN CHỦ TRÌ");
	size_t before = d->nblocks;
	for (size_t i = 0; i < r->v.n; i++) {
		enum eval_status s = r->v.rows[i].r.status;
		if (s != EVAL_AT_RISK && s != EVAL_OFF_TRACK && s != EVAL_NOT_MET)
			continue;
		const char *lead = r->v.rows[i].ind->lead;
		add(d, RBLOCK_ITEM,
		    xasprintf("Chỉ tiêu %s (%s): %s", r->v.rows[i].ind->code, eval_status_vi(s),
		              lead ? lead : "chưa rõ cơ quan chủ trì"));
	}
	for (size_t i = 0; i < r->ntasks; i++)
		if (r->tasks[i].overdue)
			add(d, RBLOCK_ITEM,
			    xasprintf("Nhiệm vụ %s quá hạn: %s", r->tasks[i].code,
			              r->tasks[i].lead ? r->tasks[i].lead
			                               : "chưa rõ cơ quan chủ trì"));
	if (d->nblocks == before)
		add(d, RBLOCK_ITEM, xstrdup("Không có."));
}

static void children(const struct report *r, struct rdoc *d, int *section)
{
	if (!r->fam.n)
		return;
	char words[96];
	snprintf(words, sizeof words, "TỔNG HỢP %zu ĐƠN VỊ TRỰC THUỘC", r->fam.n);
	heading(d, section, words);
	static const char *const head[] = {"Mã", "Chỉ tiêu", "Giá trị tổng hợp", "Số đơn vị đạt",
	                                   "Số đơn vị có mục tiêu"};
	static const int tw[] = {700, 4600, 1400, 1300, 1300};
	struct rtable *t = table(d, "Đơn vị trực thuộc", r->nroll, 5, head, tw);
	for (size_t i = 0; i < r->nroll; i++) {
		const struct rollup_row *x = &r->roll[i];
		text_cell(t, i, 0, x->code);
		text_cell(t, i, 1, x->name);
		number_cell(t, i, 2, x->has_value, x->value);
		number_cell(t, i, 3, true, x->meeting.met);
		number_cell(t, i, 4, true, x->meeting.evaluated);
	}
	heading(d, section, "XẾP HẠNG CÁC ĐƠN VỊ");
	static const char *const rhead[] = {"Hạng", "Đơn vị", "Tỷ lệ đạt hoặc đúng tiến độ",
	                                    "Số chỉ tiêu đạt", "Số chỉ tiêu có mục tiêu"};
	static const int rtw[] = {800, 3700, 2000, 1400, 1400};
	t = table(d, "Xếp hạng", r->nrank, 5, rhead, rtw);
	for (size_t i = 0; i < r->nrank; i++) {
		number_cell(t, i, 0, true, r->rank[i].rank);
		text_cell(t, i, 1, r->rank[i].name);
		percent_cell(t, i, 2, r->rank[i].completion, NULL);
		number_cell(t, i, 3, true, r->rank[i].good);
		number_cell(t, i, 4, true, r->rank[i].evaluated);
	}
}

void rdoc_build(const struct report *r, struct rdoc *d)
{
	memset(d, 0, sizeof *d);
	d->body = r->issuer;
	d->body_unit = r->issuer_parent;
	snprintf(d->number, sizeof d->number, "Số:       /%s", r->settings.symbol);
	snprintf(d->national, sizeof d->national, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
	snprintf(d->motto, sizeof d->motto, "Độc lập - Tự do - Hạnh phúc");
	snprintf(d->place_date, sizeof d->place_date, "%s, %s", r->place, r->date_words);
	d->kind = "BÁO CÁO";
	d->title = r->title;
	d->sign = &r->settings;
	int section = 0;
	summary(r, d, &section);
	indicators(r, d, &section);
	tasks(r, d, &section);
	late(r, d, &section);
	children(r, d, &section);
}

void rdoc_free(struct rdoc *d)
{
	for (size_t i = 0; i < d->nblocks; i++) {
		struct rblock *b = &d->blocks[i];
		free(b->text);
		if (b->kind == RBLOCK_TABLE) {
			for (size_t k = 0; k < b->table.nrows * (size_t)b->table.ncols; k++)
				free(b->table.cells[k].text);
			free(b->table.cells);
			free(b->table.group);
		}
	}
	free(d->blocks);
	memset(d, 0, sizeof *d);
}
