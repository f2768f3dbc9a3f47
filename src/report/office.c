/* office.c: the report as XLSX (libxlsxwriter: a summary sheet with a
 * chart, one sheet per group of indicators, the tasks; header rows frozen),
 * DOCX (OOXML parts zipped with libzip: Times New Roman 13, A4, the margins
 * of Decree 30/2020) and PDF (the HTML printed by headless chromium). */
#define _DEFAULT_SOURCE /* mkstemps */
#include "doc.h"
#include "report.h"

#include "text.h"

#include <math.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include <zip.h>

/* A temporary file name; the caller unlinks it. */
static int temp_path(char path[64], const char *suffix)
{
	snprintf(path, 64, "/tmp/chitieu-report-XXXXXX%s", suffix);
	int fd = mkstemps(path, (int)strlen(suffix));
	if (fd < 0)
		return -1;
	close(fd);
	return 0;
}

static int slurp(const char *path, struct buf *b, struct error *err)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		err_set(err, ERR_DB, "không đọc được %s: %s", path, strerror(errno));
		return -1;
	}
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_put(b, chunk, n);
	fclose(f);
	return 0;
}

/* ---- XLSX -------------------------------------------------------------------- */

/* Characters (code points) in a UTF-8 string. */
static size_t chars(const char *s)
{
	size_t n = 0;
	for (; s && *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

#define TARGET_FORMATS 32

struct formats {
	lxw_workbook *wb;
	lxw_format *head, *text, *wrap, *integer, *decimal, *percent, *title, *colour[4];
	/* Numeric targets: a number format per prefix ("2025: ≥ ") and
	 * integer or not, made when first needed. */
	struct {
		char prefix[24];
		bool integer;
		lxw_format *f;
	} target[TARGET_FORMATS];
	int ntargets;
};

static lxw_format *target_format(struct formats *f, const char *prefix, bool integer)
{
	for (int k = 0; k < f->ntargets; k++)
		if (f->target[k].integer == integer && !strcmp(f->target[k].prefix, prefix))
			return f->target[k].f;
	if (f->ntargets == TARGET_FORMATS)
		return integer ? f->integer : f->decimal;
	char nf[64];
	snprintf(nf, sizeof nf, "\"%s\"%s", prefix, integer ? "#,##0" : "#,##0.00");
	lxw_format *x = workbook_add_format(f->wb);
	format_set_num_format(x, nf);
	format_set_border(x, LXW_BORDER_THIN);
	format_set_align(x, LXW_ALIGN_VERTICAL_TOP);
	int k = f->ntargets++;
	snprintf(f->target[k].prefix, sizeof f->target[k].prefix, "%s", prefix);
	f->target[k].integer = integer;
	f->target[k].f = x;
	return x;
}

/* A sheet name: at most 31 characters (Excel's limit), none of []:*?/\,
 * cut between words when it is longer (never inside a character). */
static void sheet_name(const char *code, const char *name, char out[128])
{
	char raw[128];
	snprintf(raw, sizeof raw, "%s %s", code, name ? name : "");
	/* snprintf may have cut a character: drop its lead bytes. */
	size_t len = strlen(raw);
	size_t k = len;
	while (k > 0 && ((unsigned char)raw[k - 1] & 0xc0) == 0x80)
		k--;
	if (k > 0 && ((unsigned char)raw[k - 1] & 0x80)) {
		unsigned char lead = (unsigned char)raw[k - 1];
		size_t want = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
		if (len - (k - 1) < want)
			raw[k - 1] = 0;
	}
	for (char *p = raw; *p; p++)
		if (strchr("[]:*?/\\'", *p))
			*p = ' ';
	size_t n = 0, cut = 0, last_space = 0;
	for (const char *p = raw; *p; p++) {
		if (((unsigned char)*p & 0xc0) != 0x80) {
			if (n == 31) {
				cut = last_space ? last_space : (size_t)(p - raw);
				break;
			}
			n++;
			if (*p == ' ')
				last_space = (size_t)(p - raw);
		}
	}
	if (cut)
		raw[cut] = 0;
	len = strlen(raw);
	while (len && (raw[len - 1] == ' ' || raw[len - 1] == ',' || raw[len - 1] == '-'))
		raw[--len] = 0;
	snprintf(out, 128, "%s", raw);
}

/* The print setup of every sheet: A4 landscape, narrow margins, the header
 * row repeated on each page, all columns on one page wide. */
static void print_setup(lxw_worksheet *ws, lxw_row_t header)
{
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9);
	worksheet_set_margins(ws, 0.6, 0.4, 0.6, 0.6);
	worksheet_repeat_rows(ws, header, header);
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_freeze_panes(ws, header + 1, 0);
}

/* Widths fitted to the content (characters, capped at 50 for long texts),
 * and each row as tall as its longest wrapped cell. */
static void fit(lxw_worksheet *ws, const struct rtable *t, const size_t *rows, size_t n,
                double width[RDOC_COLS])
{
	for (int k = 0; k < t->ncols; k++) {
		size_t w = chars(t->head[k]);
		if (w > 14)
			w = 14; /* a long header wraps */
		for (size_t i = 0; i < n; i++) {
			size_t c = chars(t->cells[rows[i] * (size_t)t->ncols + (size_t)k].text);
			if (c > w)
				w = c;
		}
		width[k] = w < 6 ? 6 : w > 50 ? 50 : (double)w + 1;
		worksheet_set_column(ws, (lxw_col_t)k, (lxw_col_t)k, width[k], NULL);
	}
}

static int lines_of(const char *text, double width)
{
	size_t c = chars(text);
	int w = (int)width - 1 > 1 ? (int)width - 1 : 1;
	return c ? (int)((c + (size_t)w - 1) / (size_t)w) : 1;
}

static void write_cell(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const struct rcell *c,
                       struct formats *f, double width)
{
	bool integer = c->has && c->v == floor(c->v) && fabs(c->v) < 1e15;
	switch (c->kind) {
	case RCELL_NUMBER:
		if (c->has)
			worksheet_write_number(ws, row, col, c->v,
			                       integer ? f->integer : f->decimal);
		else
			worksheet_write_blank(ws, row, col, f->text);
		return;
	case RCELL_PERCENT:
		worksheet_write_number(ws, row, col, c->v, f->percent);
		return;
	case RCELL_TARGET:
		worksheet_write_number(ws, row, col, c->v, target_format(f, c->prefix, integer));
		return;
	case RCELL_TEXT:
		break;
	}
	worksheet_write_string(ws, row, col, c->text,
	                       chars(c->text) + 1 > (size_t)width ? f->wrap : f->text);
}

/* The rows of t (those listed) on a sheet of their own. */
static void table_sheet(lxw_workbook *wb, const char *name, const struct rtable *t,
                        const size_t *rows, size_t n, struct formats *f)
{
	lxw_worksheet *ws = workbook_add_worksheet(wb, name);
	if (!ws)
		return;
	double width[RDOC_COLS];
	fit(ws, t, rows, n, width);
	int head_lines = 1;
	for (int k = 0; k < t->ncols; k++) {
		worksheet_write_string(ws, 0, (lxw_col_t)k, t->head[k], f->head);
		int l = lines_of(t->head[k], width[k]);
		head_lines = l > head_lines ? l : head_lines;
	}
	worksheet_set_row(ws, 0, 15.0 * head_lines, NULL);
	print_setup(ws, 0);
	for (size_t i = 0; i < n; i++) {
		int lines = 1;
		for (int k = 0; k < t->ncols; k++) {
			const struct rcell *c = &t->cells[rows[i] * (size_t)t->ncols + (size_t)k];
			write_cell(ws, (lxw_row_t)(i + 1), (lxw_col_t)k, c, f, width[k]);
			int l = c->kind == RCELL_TEXT ? lines_of(c->text, width[k]) : 1;
			lines = l > lines ? l : lines;
		}
		if (lines > 1)
			worksheet_set_row(ws, (lxw_row_t)(i + 1), 15.0 * lines, NULL);
	}
}

/* The indicators: one sheet per group of the plan (all on one when the plan
 * has no groups). */
static void indicator_sheets(lxw_workbook *wb, const struct report *r, const struct rtable *t,
                             struct formats *f)
{
	size_t *rows = xcalloc(t->nrows + 1, sizeof *rows);
	if (!r->v.p.ngroups) {
		for (size_t i = 0; i < t->nrows; i++)
			rows[i] = i;
		table_sheet(wb, t->sheet, t, rows, t->nrows, f);
	}
	for (size_t g = 0; g < r->v.p.ngroups; g++) {
		const struct plan_group *grp = &r->v.p.groups[g];
		size_t n = 0;
		for (size_t i = 0; i < t->nrows; i++)
			if (t->group[i] && !strcmp(t->group[i], grp->code))
				rows[n++] = i;
		char name[128];
		sheet_name(grp->code, grp->name, name);
		if (workbook_get_worksheet_by_name(wb, name)) /* a clashing name: the code alone */
			snprintf(name, sizeof name, "Nhóm %s", grp->code);
		table_sheet(wb, name, t, rows, n, f);
	}
	free(rows);
}

static void summary_sheet(lxw_workbook *wb, const struct report *r, const struct rdoc *d,
                          struct formats *f)
{
	lxw_worksheet *sum = workbook_add_worksheet(wb, "Tổng hợp");
	worksheet_set_column(sum, 0, 0, 34, NULL);
	worksheet_set_column(sum, 1, 1, 12, NULL);
	/* The title on top, over the width of the chart beside the counts. */
	worksheet_merge_range(sum, 0, 0, 0, 9, r->title, f->title);
	worksheet_set_row(sum, 0, 36, NULL);
	worksheet_write_string(sum, 2, 0, "Đánh giá", f->head);
	worksheet_write_string(sum, 2, 1, "Số chỉ tiêu", f->head);
	print_setup(sum, 2);
	static const enum eval_status order[] = {EVAL_MET,     EVAL_EXCEEDED,     EVAL_ON_TRACK,
	                                         EVAL_AT_RISK, EVAL_OFF_TRACK,    EVAL_NOT_MET,
	                                         EVAL_NO_DATA, EVAL_NOT_EVALUATED};
	for (int k = 0; k < 8; k++) {
		worksheet_write_string(sum, (lxw_row_t)(k + 3), 0, eval_status_vi(order[k]),
		                       f->colour[eval_status_colour(order[k])]);
		worksheet_write_number(sum, (lxw_row_t)(k + 3), 1, r->count[order[k]], f->integer);
	}
	static const char *const tasks[] = {"Nhiệm vụ hoàn thành", "Nhiệm vụ đang thực hiện",
	                                    "Nhiệm vụ quá hạn"};
	const int nt[] = {r->tasks_done, r->tasks_open, r->tasks_late};
	for (int k = 0; k < 3; k++) {
		worksheet_write_string(sum, (lxw_row_t)(12 + k), 0, tasks[k], f->text);
		worksheet_write_number(sum, (lxw_row_t)(12 + k), 1, nt[k], f->integer);
	}
	/* The summary's sentences (the same as the documents'). */
	lxw_row_t row = 16;
	for (size_t i = 0; i < d->nblocks && d->blocks[i].kind != RBLOCK_TABLE; i++)
		if (d->blocks[i].kind == RBLOCK_PARA) {
			worksheet_merge_range(sum, row, 0, row, 9, d->blocks[i].text, f->wrap);
			worksheet_set_row(sum, row++, 15.0 * lines_of(d->blocks[i].text, 120),
			                  NULL);
		}
	lxw_chart *chart = workbook_add_chart(wb, LXW_CHART_BAR);
	chart_add_series(chart, "='Tổng hợp'!$A$4:$A$11", "='Tổng hợp'!$B$4:$B$11");
	chart_title_set_name(chart, "Chỉ tiêu theo đánh giá");
	chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
	lxw_chart_options place = {.x_offset = 10, .y_offset = 0, .x_scale = 1, .y_scale = 0.85};
	worksheet_insert_chart_opt(sum, 2, 3, chart, &place);
}

static void xlsx_formats(lxw_workbook *wb, struct formats *f)
{
	memset(f, 0, sizeof *f);
	f->wb = wb;
	f->head = workbook_add_format(wb);
	format_set_bold(f->head);
	format_set_bg_color(f->head, 0xDDDDDD);
	format_set_border(f->head, LXW_BORDER_THIN);
	format_set_text_wrap(f->head);
	format_set_align(f->head, LXW_ALIGN_CENTER);
	format_set_align(f->head, LXW_ALIGN_VERTICAL_CENTER);
	f->text = workbook_add_format(wb);
	f->wrap = workbook_add_format(wb);
	f->integer = workbook_add_format(wb);
	f->decimal = workbook_add_format(wb);
	f->percent = workbook_add_format(wb);
	format_set_text_wrap(f->wrap);
	format_set_num_format(f->integer, "#,##0");
	format_set_num_format(f->decimal, "#,##0.00");
	format_set_num_format(f->percent, "0.00%");
	lxw_format *cells[] = {f->text, f->wrap, f->integer, f->decimal, f->percent};
	for (int k = 0; k < 5; k++) {
		format_set_border(cells[k], LXW_BORDER_THIN);
		format_set_align(cells[k], LXW_ALIGN_VERTICAL_TOP);
	}
	f->title = workbook_add_format(wb);
	format_set_bold(f->title);
	format_set_font_size(f->title, 13);
	format_set_text_wrap(f->title);
	format_set_align(f->title, LXW_ALIGN_CENTER);
	format_set_align(f->title, LXW_ALIGN_VERTICAL_CENTER);
	static const uint32_t bg[] = {0xE2E8F0, 0xC6F6D5, 0xFEFCBF, 0xFED7D7};
	for (int k = 0; k < 4; k++) {
		f->colour[k] = workbook_add_format(wb);
		format_set_bg_color(f->colour[k], bg[k]);
		format_set_border(f->colour[k], LXW_BORDER_THIN);
	}
}

int report_xlsx(const struct report *r, struct buf *b, struct error *err)
{
	char path[64];
	if (temp_path(path, ".xlsx")) {
		err_set(err, ERR_DB, "không tạo được tệp tạm");
		return -1;
	}
	lxw_workbook *wb = workbook_new(path);
	if (!wb) {
		unlink(path);
		err_set(err, ERR_DB, "libxlsxwriter không tạo được sổ tính");
		return -1;
	}
	struct formats f;
	xlsx_formats(wb, &f);
	struct rdoc d;
	rdoc_build(r, &d);
	summary_sheet(wb, r, &d, &f);
	for (size_t i = 0; i < d.nblocks; i++) {
		const struct rtable *t = &d.blocks[i].table;
		if (d.blocks[i].kind != RBLOCK_TABLE)
			continue;
		if (t->group) {
			indicator_sheets(wb, r, t, &f);
			continue;
		}
		size_t *rows = xcalloc(t->nrows + 1, sizeof *rows);
		for (size_t k = 0; k < t->nrows; k++)
			rows[k] = k;
		table_sheet(wb, t->sheet, t, rows, t->nrows, &f);
		free(rows);
	}
	lxw_error e = workbook_close(wb);
	rdoc_free(&d);
	int rc = e ? -1 : slurp(path, b, err);
	if (e)
		err_set(err, ERR_DB, "libxlsxwriter: %s", lxw_strerror(e));
	unlink(path);
	return rc;
}

/* ---- DOCX -------------------------------------------------------------------- */

/* Paragraph properties: jc left|center|right|both; spacing before/after in
 * twips; a first-line indent (twips, 0 none). */
static void ppr(struct buf *b, const char *jc, int before, int after, int first)
{
	buf_printf(b, "<w:pPr><w:spacing w:before=\"%d\" w:after=\"%d\"/>", before, after);
	if (first)
		buf_printf(b, "<w:ind w:firstLine=\"%d\"/>", first);
	buf_printf(b, "<w:jc w:val=\"%s\"/></w:pPr>", jc);
}

/* A run: bold, italic; size in half points (0: the default 26 = 13 pt). */
static void run(struct buf *b, bool bold, bool italic, int size, const char *text)
{
	buf_puts(b, "<w:r><w:rPr>");
	if (bold)
		buf_puts(b, "<w:b/>");
	if (italic)
		buf_puts(b, "<w:i/>");
	if (size)
		buf_printf(b, "<w:sz w:val=\"%d\"/><w:szCs w:val=\"%d\"/>", size, size);
	buf_puts(b, "</w:rPr><w:t xml:space=\"preserve\">");
	buf_escape_markup(b, text);
	buf_puts(b, "</w:t></w:r>");
}

/* A body paragraph (Decree 30: spacing ≥ 6 pt, first line indented 1 cm). */
static void body_para(struct buf *b, bool bold, const char *text)
{
	buf_puts(b, "<w:p>");
	ppr(b, "both", bold ? 120 : 0, 120, 567);
	run(b, bold, false, 0, text);
	buf_puts(b, "</w:p>");
}

/* A centred line of the header or the signature block (inside a table). */
static void line(struct buf *b, bool bold, bool italic, int size, const char *text)
{
	buf_puts(b, "<w:p>");
	ppr(b, "center", 0, 0, 0);
	run(b, bold, italic, size, text);
	buf_puts(b, "</w:p>");
}

/* A short rule: a paragraph's top border, indented to width twips of a
 * column of col twips, centred. */
static void rule(struct buf *b, int col, int width)
{
	int side = (col - width) / 2;
	buf_printf(b,
	           "<w:p><w:pPr><w:pBdr><w:top w:val=\"single\" w:sz=\"6\" w:space=\"1\" "
	           "w:color=\"000000\"/></w:pBdr><w:spacing w:before=\"60\" w:after=\"0\" "
	           "w:line=\"120\" w:lineRule=\"exact\"/><w:ind w:left=\"%d\" w:right=\"%d\"/>"
	           "</w:pPr></w:p>",
	           side, side);
}

static void cell_start(struct buf *b, int width)
{
	buf_printf(b, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/></w:tcPr>", width);
}

static void data_cell(struct buf *b, int width, bool bold, bool right, const char *text)
{
	cell_start(b, width);
	buf_puts(b, "<w:p>");
	ppr(b, right ? "right" : "left", 0, 0, 0);
	run(b, bold, false, 22, text);
	buf_puts(b, "</w:p></w:tc>");
}

static void table_start(struct buf *b, bool borders)
{
	buf_puts(b, "<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/>");
	if (borders)
		buf_puts(b, "<w:tblBorders><w:top w:val=\"single\" w:sz=\"4\"/><w:left "
		            "w:val=\"single\" "
		            "w:sz=\"4\"/><w:bottom w:val=\"single\" w:sz=\"4\"/><w:right "
		            "w:val=\"single\" "
		            "w:sz=\"4\"/><w:insideH w:val=\"single\" w:sz=\"4\"/><w:insideV "
		            "w:val=\"single\" w:sz=\"4\"/></w:tblBorders>");
	buf_puts(b, "<w:tblLayout w:type=\"fixed\"/></w:tblPr>");
}

/* The header (Decree 30, appendix I): the issuing body left, bold, a short
 * rule under it; the national title and motto right, a rule under the
 * motto; then "Số" and, on the same line, place and date. */
static void docx_header(const struct rdoc *d, struct buf *b)
{
	enum { LEFT = 3700, RIGHT = 5655 };
	table_start(b, false);
	buf_printf(b, "<w:tblGrid><w:gridCol w:w=\"%d\"/><w:gridCol w:w=\"%d\"/></w:tblGrid><w:tr>",
	           LEFT, RIGHT);
	cell_start(b, LEFT);
	line(b, true, false, 26, d->body);
	line(b, true, false, 26, d->body_unit);
	rule(b, LEFT, 1500);
	buf_puts(b, "</w:tc>");
	cell_start(b, RIGHT);
	line(b, true, false, 24, d->national);
	line(b, true, false, 26, d->motto);
	rule(b, RIGHT, 3400);
	buf_puts(b, "</w:tc></w:tr><w:tr>");
	cell_start(b, LEFT);
	line(b, false, false, 26, d->number);
	buf_puts(b, "</w:tc>");
	cell_start(b, RIGHT);
	line(b, false, true, 26, d->place_date);
	buf_puts(b, "</w:tc></w:tr></w:tbl>");
	buf_puts(b, "<w:p>");
	ppr(b, "center", 360, 0, 0);
	run(b, true, false, 28, d->kind);
	buf_puts(b, "</w:p><w:p>");
	ppr(b, "center", 0, 240, 0);
	run(b, true, false, 26, d->title);
	buf_puts(b, "</w:p>");
}

static void docx_table(const struct rtable *t, struct buf *b)
{
	table_start(b, true);
	buf_puts(b, "<w:tblGrid>");
	for (int k = 0; k < t->ncols; k++)
		buf_printf(b, "<w:gridCol w:w=\"%d\"/>", t->twips[k]);
	buf_puts(b, "</w:tblGrid><w:tr><w:trPr><w:tblHeader/></w:trPr>");
	for (int k = 0; k < t->ncols; k++)
		data_cell(b, t->twips[k], true, false, t->head[k]);
	buf_puts(b, "</w:tr>");
	for (size_t i = 0; i < t->nrows; i++) {
		buf_puts(b, "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
		for (int k = 0; k < t->ncols; k++) {
			const struct rcell *c = &t->cells[i * (size_t)t->ncols + (size_t)k];
			data_cell(b, t->twips[k], false,
			          c->kind == RCELL_NUMBER || c->kind == RCELL_PERCENT, c->text);
		}
		buf_puts(b, "</w:tr>");
	}
	buf_puts(b, "</w:tbl>");
}

/* "Nơi nhận" left (bold italic 12, the list 11), the signature right: the
 * authority and position bold, room for the signature, the name bold. */
static void docx_signature(const struct rdoc *d, struct buf *b)
{
	enum { LEFT = 4300, RIGHT = 5055 };
	buf_puts(b, "<w:p>");
	ppr(b, "left", 0, 120, 0);
	buf_puts(b, "</w:p>");
	table_start(b, false);
	buf_printf(b,
	           "<w:tblGrid><w:gridCol w:w=\"%d\"/><w:gridCol w:w=\"%d\"/></w:tblGrid>"
	           "<w:tr><w:trPr><w:cantSplit/></w:trPr>",
	           LEFT, RIGHT);
	cell_start(b, LEFT);
	buf_puts(b, "<w:p>");
	ppr(b, "left", 0, 0, 0);
	run(b, true, true, 24, "Nơi nhận:");
	buf_puts(b, "</w:p>");
	for (int i = 0; i < d->sign->nrecipients; i++) {
		char *item = xasprintf("- %s%s", d->sign->recipients[i],
		                       i + 1 < d->sign->nrecipients ? ";" : ".");
		buf_puts(b, "<w:p>");
		ppr(b, "left", 0, 0, 0);
		run(b, false, false, 22, item);
		buf_puts(b, "</w:p>");
		free(item);
	}
	buf_puts(b, "</w:tc>");
	cell_start(b, RIGHT);
	line(b, true, false, 26, d->sign->authority);
	line(b, true, false, 26, d->sign->position);
	for (int k = 0; k < 4; k++)
		line(b, false, false, 26, "");
	line(b, true, false, 26, d->sign->signer);
	buf_puts(b, "</w:tc></w:tr></w:tbl>");
}

static void document_xml(const struct report *r, struct buf *b)
{
	struct rdoc d;
	rdoc_build(r, &d);
	buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
	            "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/"
	            "main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/"
	            "relationships\"><w:body>");
	docx_header(&d, b);
	for (size_t i = 0; i < d.nblocks; i++) {
		const struct rblock *k = &d.blocks[i];
		if (k->kind == RBLOCK_HEADING)
			body_para(b, true, k->text);
		else if (k->kind == RBLOCK_PARA)
			body_para(b, false, k->text);
		else if (k->kind == RBLOCK_ITEM) {
			char *item = xasprintf("- %s", k->text);
			body_para(b, false, item);
			free(item);
		} else
			docx_table(&k->table, b);
	}
	docx_signature(&d, b);
	/* A4, margins top 20, bottom 20, left 30, right 15 mm; the page number
	 * in the header, from page 2 (titlePg: the first page has none). */
	buf_puts(b,
	         "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId2\"/>"
	         "<w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" "
	         "w:right=\"850\" w:bottom=\"1134\" w:left=\"1701\" w:header=\"567\" "
	         "w:footer=\"567\" w:gutter=\"0\"/><w:titlePg/></w:sectPr></w:body></w:document>");
	rdoc_free(&d);
}

/* The page header: the page number, centred (a PAGE field). */
static const char header_xml[] =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        "<w:hdr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
        "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:fldChar "
        "w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE "
        "</w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>2"
        "</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p></w:hdr>";

static const char content_types[] =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        "<Default Extension=\"rels\" "
        "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        "<Override PartName=\"/word/document.xml\" "
        "ContentType=\"application/"
        "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
        "<Override PartName=\"/word/header1.xml\" "
        "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/"
        ">"
        "<Override PartName=\"/word/styles.xml\" "
        "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/"
        ">"
        "</Types>";

static const char rels[] =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId1\" "
        "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        "officeDocument\" Target=\"word/document.xml\"/></Relationships>";

static const char document_rels[] =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId1\" "
        "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
        "Target=\"styles.xml\"/><Relationship Id=\"rId2\" "
        "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" "
        "Target=\"header1.xml\"/></Relationships>";

/* Times New Roman 13 pt everywhere (Decree 30: 13–14 for the text). */
static const char styles[] =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
        "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" "
        "w:hAnsi=\"Times New Roman\" w:cs=\"Times New Roman\" w:eastAsia=\"Times New Roman\"/>"
        "<w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/><w:lang w:val=\"vi-VN\"/></w:rPr>"
        "</w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"264\" "
        "w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
        "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name "
        "w:val=\"Normal\"/></w:style></w:styles>";

int report_docx(const struct report *r, struct buf *b, struct error *err)
{
	char path[64];
	if (temp_path(path, ".docx")) {
		err_set(err, ERR_DB, "không tạo được tệp tạm");
		return -1;
	}
	int zerr = 0;
	zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &zerr);
	if (!z) {
		unlink(path);
		err_set(err, ERR_DB, "libzip không tạo được tệp");
		return -1;
	}
	struct buf doc = {0};
	document_xml(r, &doc);
	struct {
		const char *name, *data;
		size_t len;
	} parts[] = {{"[Content_Types].xml", content_types, sizeof content_types - 1},
	             {"_rels/.rels", rels, sizeof rels - 1},
	             {"word/_rels/document.xml.rels", document_rels, sizeof document_rels - 1},
	             {"word/styles.xml", styles, sizeof styles - 1},
	             {"word/header1.xml", header_xml, sizeof header_xml - 1},
	             {"word/document.xml", buf_str(&doc), doc.len}};
	int rc = 0;
	for (size_t i = 0; i < sizeof parts / sizeof parts[0] && !rc; i++) {
		zip_source_t *src = zip_source_buffer(z, parts[i].data, parts[i].len, 0);
		if (!src || zip_file_add(z, parts[i].name, src, ZIP_FL_ENC_UTF_8) < 0) {
			zip_source_free(src);
			rc = -1;
		}
	}
	if (rc || zip_close(z) < 0) {
		if (!rc)
			zip_discard(z);
		err_set(err, ERR_DB, "libzip: %s", zip_strerror(z));
		rc = -1;
	}
	buf_free(&doc);
	if (!rc)
		rc = slurp(path, b, err);
	unlink(path);
	return rc;
}

/* ---- PDF ----------------------------------------------------------------------- */

int report_pdf(const struct report *r, struct buf *b, struct error *err)
{
	const char *chromium = access("/usr/bin/chromium", X_OK) == 0 ? "/usr/bin/chromium" : NULL;
	if (!chromium) {
		err_set(err, ERR_NO_CHROMIUM,
		        "cần chromium để in PDF (apt-get install chromium); "
		        "dùng --format html rồi in từ trình duyệt");
		return -1;
	}
	char html[64], pdf[64];
	if (temp_path(html, ".html") || temp_path(pdf, ".pdf")) {
		err_set(err, ERR_DB, "không tạo được tệp tạm");
		return -1;
	}
	struct buf h = {0};
	report_html(r, &h);
	FILE *f = fopen(html, "wb");
	int rc = -1;
	if (f) {
		fwrite(buf_str(&h), 1, h.len, f);
		fclose(f);
		char *out = xasprintf("--print-to-pdf=%s", pdf),
		     *url = xasprintf("file://%s", html);
		pid_t pid = fork();
		if (pid == 0) {
			int devnull = open("/dev/null", O_WRONLY);
			if (devnull >= 0) {
				dup2(devnull, 1);
				dup2(devnull, 2);
			}
			execl(chromium, chromium, "--headless", "--no-sandbox", "--disable-gpu",
			      "--no-pdf-header-footer", out, url, (char *)NULL);
			_exit(127);
		}
		int status = 0;
		if (pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
		    WEXITSTATUS(status) == 0) {
			struct stat st;
			if (stat(pdf, &st) == 0 && st.st_size > 0)
				rc = slurp(pdf, b, err);
		}
		if (rc && !err_is(err))
			err_set(err, ERR_DB, "chromium không in được PDF");
		free(out);
		free(url);
	}
	buf_free(&h);
	unlink(html);
	unlink(pdf);
	return rc;
}
