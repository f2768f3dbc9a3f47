/* office.c: the report as XLSX (libxlsxwriter: a summary sheet with a
 * chart, one sheet per group of indicators, the tasks; header rows frozen),
 * DOCX (OOXML parts zipped with libzip: Times New Roman 13, A4, the margins
 * of Decree 30/2020) and PDF (the HTML printed by headless chromium). */
#define _DEFAULT_SOURCE /* mkstemps */
#include "report.h"

#include "text.h"

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

static int slurp(const char *path, struct buf *b, char **err)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		*err = xasprintf("không đọc được %s: %s", path, strerror(errno));
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

struct formats {
	lxw_format *head, *wrap, *num, *title, *colour[4];
};

static void indicator_header(lxw_worksheet *ws, const struct formats *f)
{
	static const char *const cols[] = {"Mã",      "Chỉ tiêu", "Đơn vị tính",
	                                   "Năm gốc", "Mốc",      "Mục tiêu",
	                                   "Kết quả", "Đánh giá", "Cơ quan chủ trì"};
	static const double width[] = {7, 60, 12, 10, 7, 22, 12, 22, 40};
	for (int k = 0; k < 9; k++) {
		worksheet_write_string(ws, 0, (lxw_col_t)k, cols[k], f->head);
		worksheet_set_column(ws, (lxw_col_t)k, (lxw_col_t)k, width[k], NULL);
	}
	worksheet_freeze_panes(ws, 1, 0);
}

static void indicator_row(lxw_worksheet *ws, lxw_row_t row, const struct status_row *x,
                          const struct formats *f)
{
	worksheet_write_string(ws, row, 0, x->ind->code, NULL);
	worksheet_write_string(ws, row, 1, x->ind->name, f->wrap);
	if (x->ind->unit)
		worksheet_write_string(ws, row, 2, x->ind->unit, NULL);
	if (x->ind->has_baseline)
		worksheet_write_number(ws, row, 3, x->ind->baseline, f->num);
	worksheet_write_number(ws, row, 4, x->year, NULL);
	if (x->target)
		worksheet_write_string(ws, row, 5, x->target->text, f->wrap);
	if (x->r.has_latest)
		worksheet_write_number(ws, row, 6, x->r.latest, f->num);
	worksheet_write_string(ws, row, 7, eval_status_vi(x->r.status),
	                       f->colour[eval_status_colour(x->r.status)]);
	if (x->ind->lead)
		worksheet_write_string(ws, row, 8, x->ind->lead, f->wrap);
}

/* A sheet name: at most 31 characters, none of []:*?/\ */
static void sheet_name(const char *code, const char *name, char out[32])
{
	char raw[96];
	snprintf(raw, sizeof raw, "%s %s", code, name ? name : "");
	char *p = text_prefix(raw, 28);
	size_t k = 0;
	for (const char *s = p; *s && k < 31; s++)
		out[k++] = strchr("[]:*?/\\", *s) ? ' ' : *s;
	out[k] = 0;
	/* Never cut a UTF-8 sequence at byte 31. */
	while (k > 0 && ((unsigned char)out[k - 1] & 0xc0) == 0xc0)
		out[--k] = 0;
	free(p);
}

int report_xlsx(const struct report *r, struct buf *b, char **err)
{
	char path[64];
	if (temp_path(path, ".xlsx")) {
		*err = xstrdup("không tạo được tệp tạm");
		return -1;
	}
	lxw_workbook *wb = workbook_new(path);
	if (!wb) {
		unlink(path);
		*err = xstrdup("libxlsxwriter không tạo được sổ tính");
		return -1;
	}
	struct formats f = {workbook_add_format(wb),
	                    workbook_add_format(wb),
	                    workbook_add_format(wb),
	                    workbook_add_format(wb),
	                    {0}};
	format_set_bold(f.head);
	format_set_bg_color(f.head, 0xDDDDDD);
	format_set_border(f.head, LXW_BORDER_THIN);
	format_set_text_wrap(f.head);
	format_set_text_wrap(f.wrap);
	format_set_num_format(f.num, "#,##0.##");
	format_set_bold(f.title);
	format_set_font_size(f.title, 13);
	static const uint32_t bg[] = {0xE2E8F0, 0xC6F6D5, 0xFEFCBF, 0xFED7D7};
	for (int k = 0; k < 4; k++) {
		f.colour[k] = workbook_add_format(wb);
		format_set_bg_color(f.colour[k], bg[k]);
	}
	/* Summary: the counts, and a chart of them. */
	lxw_worksheet *sum = workbook_add_worksheet(wb, "Tổng hợp");
	worksheet_set_column(sum, 0, 0, 34, NULL);
	worksheet_set_column(sum, 1, 1, 12, NULL);
	worksheet_write_string(sum, 0, 0, "Đánh giá", f.head);
	worksheet_write_string(sum, 0, 1, "Số chỉ tiêu", f.head);
	worksheet_freeze_panes(sum, 1, 0);
	static const enum eval_status order[] = {EVAL_MET,     EVAL_EXCEEDED,     EVAL_ON_TRACK,
	                                         EVAL_AT_RISK, EVAL_OFF_TRACK,    EVAL_NOT_MET,
	                                         EVAL_NO_DATA, EVAL_NOT_EVALUATED};
	for (int k = 0; k < 8; k++) {
		worksheet_write_string(sum, (lxw_row_t)(k + 1), 0, eval_status_vi(order[k]),
		                       f.colour[eval_status_colour(order[k])]);
		worksheet_write_number(sum, (lxw_row_t)(k + 1), 1, r->count[order[k]], NULL);
	}
	worksheet_write_string(sum, 10, 0, "Nhiệm vụ hoàn thành", NULL);
	worksheet_write_number(sum, 10, 1, r->tasks_done, NULL);
	worksheet_write_string(sum, 11, 0, "Nhiệm vụ đang thực hiện", NULL);
	worksheet_write_number(sum, 11, 1, r->tasks_open, NULL);
	worksheet_write_string(sum, 12, 0, "Nhiệm vụ quá hạn", NULL);
	worksheet_write_number(sum, 12, 1, r->tasks_late, NULL);
	worksheet_write_string(sum, 14, 0, r->title, f.title);
	lxw_chart *chart = workbook_add_chart(wb, LXW_CHART_BAR);
	chart_add_series(chart, "='Tổng hợp'!$A$2:$A$9", "='Tổng hợp'!$B$2:$B$9");
	chart_title_set_name(chart, "Chỉ tiêu theo đánh giá");
	chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
	worksheet_insert_chart(sum, 1, 3, chart);
	/* One sheet per group of indicators. */
	for (size_t g = 0; g < r->v.p.ngroups; g++) {
		const struct plan_group *grp = &r->v.p.groups[g];
		char name[32];
		sheet_name(grp->code, grp->name, name);
		lxw_worksheet *ws = workbook_add_worksheet(wb, name);
		if (!ws) { /* a clashing name: the code alone */
			snprintf(name, sizeof name, "Nhóm %s", grp->code);
			ws = workbook_add_worksheet(wb, name);
		}
		if (!ws)
			continue;
		indicator_header(ws, &f);
		lxw_row_t row = 1;
		for (size_t i = 0; i < r->v.n; i++)
			if (r->v.rows[i].ind->group && !strcmp(r->v.rows[i].ind->group, grp->code))
				indicator_row(ws, row++, &r->v.rows[i], &f);
	}
	if (r->ntasks) {
		lxw_worksheet *ws = workbook_add_worksheet(wb, "Nhiệm vụ");
		static const char *const cols[] = {"Mã",       "Nhiệm vụ", "Chủ trì",
		                                   "Thời hạn", "Tiến độ",  "Quá hạn"};
		static const double width[] = {8, 70, 30, 12, 16, 9};
		for (int k = 0; k < 6; k++) {
			worksheet_write_string(ws, 0, (lxw_col_t)k, cols[k], f.head);
			worksheet_set_column(ws, (lxw_col_t)k, (lxw_col_t)k, width[k], NULL);
		}
		worksheet_freeze_panes(ws, 1, 0);
		for (size_t i = 0; i < r->ntasks; i++) {
			const struct task_row *t = &r->tasks[i];
			lxw_row_t row = (lxw_row_t)(i + 1);
			worksheet_write_string(ws, row, 0, t->code, NULL);
			worksheet_write_string(ws, row, 1, t->title, f.wrap);
			if (t->lead)
				worksheet_write_string(ws, row, 2, t->lead, f.wrap);
			if (t->due)
				worksheet_write_string(ws, row, 3, t->due, NULL);
			worksheet_write_string(ws, row, 4, t->status ? t->status : "not_started",
			                       NULL);
			worksheet_write_string(ws, row, 5, t->overdue ? "quá hạn" : "", NULL);
		}
	}
	if (r->fam.n) {
		lxw_worksheet *ws = workbook_add_worksheet(wb, "Đơn vị trực thuộc");
		static const char *const cols[] = {"Mã", "Chỉ tiêu", "Giá trị tổng hợp", "Số đạt",
		                                   "Số có mục tiêu"};
		for (int k = 0; k < 5; k++)
			worksheet_write_string(ws, 0, (lxw_col_t)k, cols[k], f.head);
		worksheet_set_column(ws, 1, 1, 60, NULL);
		worksheet_freeze_panes(ws, 1, 0);
		for (size_t i = 0; i < r->nroll; i++) {
			lxw_row_t row = (lxw_row_t)(i + 1);
			worksheet_write_string(ws, row, 0, r->roll[i].code, NULL);
			worksheet_write_string(ws, row, 1, r->roll[i].name, f.wrap);
			if (r->roll[i].has_value)
				worksheet_write_number(ws, row, 2, r->roll[i].value, f.num);
			worksheet_write_number(ws, row, 3, r->roll[i].meeting.met, NULL);
			worksheet_write_number(ws, row, 4, r->roll[i].meeting.evaluated, NULL);
		}
		lxw_worksheet *rk = workbook_add_worksheet(wb, "Xếp hạng");
		worksheet_write_string(rk, 0, 0, "Hạng", f.head);
		worksheet_write_string(rk, 0, 1, "Đơn vị", f.head);
		worksheet_write_string(rk, 0, 2, "Tỷ lệ đạt hoặc đúng tiến độ", f.head);
		worksheet_set_column(rk, 1, 2, 30, NULL);
		worksheet_freeze_panes(rk, 1, 0);
		for (size_t i = 0; i < r->nrank; i++) {
			lxw_row_t row = (lxw_row_t)(i + 1);
			worksheet_write_number(rk, row, 0, r->rank[i].rank, NULL);
			worksheet_write_string(rk, row, 1, r->rank[i].name, NULL);
			worksheet_write_number(rk, row, 2, r->rank[i].completion, NULL);
		}
	}
	lxw_error e = workbook_close(wb);
	int rc = e ? -1 : slurp(path, b, err);
	if (e)
		*err = xasprintf("libxlsxwriter: %s", lxw_strerror(e));
	unlink(path);
	return rc;
}

/* ---- DOCX -------------------------------------------------------------------- */

/* A paragraph: jc left|center|right|both; bold, italic, underline; size in
 * half points (0: the default 26 = 13 pt). */
static void para(struct buf *b, const char *jc, bool bold, bool italic, bool underline, int size,
                 const char *text)
{
	buf_printf(
	        b,
	        "<w:p><w:pPr><w:jc w:val=\"%s\"/><w:spacing w:after=\"60\"/></w:pPr><w:r><w:rPr>",
	        jc);
	if (bold)
		buf_puts(b, "<w:b/>");
	if (italic)
		buf_puts(b, "<w:i/>");
	if (underline)
		buf_puts(b, "<w:u w:val=\"single\"/>");
	if (size)
		buf_printf(b, "<w:sz w:val=\"%d\"/>", size);
	buf_puts(b, "</w:rPr><w:t xml:space=\"preserve\">");
	buf_escape_markup(b, text);
	buf_puts(b, "</w:t></w:r></w:p>");
}

static void cell(struct buf *b, int width, bool bold, const char *text)
{
	buf_printf(b,
	           "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/></w:tcPr><w:p><w:r><w:rPr>%s"
	           "<w:sz w:val=\"22\"/></w:rPr><w:t xml:space=\"preserve\">",
	           width, bold ? "<w:b/>" : "");
	buf_escape_markup(b, text);
	buf_puts(b, "</w:t></w:r></w:p></w:tc>");
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
	buf_puts(b, "</w:tblPr>");
}

static void document_xml(const struct report *r, struct buf *b)
{
	buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
	            "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/"
	            "main\"><w:body>");
	/* The header: issuing body left, the motto right (Decree 30, appendix I). */
	table_start(b, false);
	buf_puts(b, "<w:tr><w:tc><w:tcPr><w:tcW w:w=\"4000\" w:type=\"dxa\"/></w:tcPr>");
	para(b, "center", false, false, false, 26, r->issuer);
	para(b, "center", true, false, true, 26, r->issuer_parent);
	para(b, "center", false, false, false, 26, "Số:      /BC-UBND");
	buf_puts(b, "</w:tc><w:tc><w:tcPr><w:tcW w:w=\"5500\" w:type=\"dxa\"/></w:tcPr>");
	para(b, "center", true, false, false, 24, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
	para(b, "center", true, false, true, 26, "Độc lập - Tự do - Hạnh phúc");
	char place[256];
	snprintf(place, sizeof place, "%s, %s", r->place, r->date_words);
	para(b, "center", false, true, false, 26, place);
	buf_puts(b, "</w:tc></w:tr></w:tbl>");
	para(b, "center", true, false, false, 28, "BÁO CÁO");
	para(b, "center", true, false, false, 26, r->title);
	para(b, "left", true, false, false, 26, "I. TÓM TẮT");
	char *sum = xasprintf(
	        "Tổng số %zu chỉ tiêu: %d đạt, %d vượt, %d đúng tiến độ, %d có nguy cơ không đạt, "
	        "%d chậm tiến độ, %d không đạt, %d chưa có số liệu, %d không đánh giá. Nhiệm vụ: "
	        "%zu, "
	        "trong đó %d hoàn thành, %d đang thực hiện, %d quá hạn.",
	        r->v.n, r->count[EVAL_MET], r->count[EVAL_EXCEEDED], r->count[EVAL_ON_TRACK],
	        r->count[EVAL_AT_RISK], r->count[EVAL_OFF_TRACK], r->count[EVAL_NOT_MET],
	        r->count[EVAL_NO_DATA], r->count[EVAL_NOT_EVALUATED], r->ntasks, r->tasks_done,
	        r->tasks_open, r->tasks_late);
	para(b, "both", false, false, false, 0, sum);
	free(sum);
	if (r->v.n) {
		para(b, "left", true, false, false, 26, "II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU");
		table_start(b, true);
		static const char *const cols[] = {"Mã",       "Chỉ tiêu", "Đơn vị tính",
		                                   "Năm gốc",  "Mục tiêu", "Kết quả",
		                                   "Đánh giá", "Chủ trì"};
		static const int w[] = {600, 2800, 900, 800, 1200, 900, 1200, 1500};
		buf_puts(b, "<w:tr><w:trPr><w:tblHeader/></w:trPr>");
		for (int k = 0; k < 8; k++)
			cell(b, w[k], true, cols[k]);
		buf_puts(b, "</w:tr>");
		for (size_t i = 0; i < r->v.n; i++) {
			struct report_row_text t;
			const char *cells[8];
			report_indicator_cells(&r->v.rows[i], &t, cells);
			buf_puts(b, "<w:tr>");
			for (int k = 0; k < 8; k++)
				cell(b, w[k], false, cells[k]);
			buf_puts(b, "</w:tr>");
		}
		buf_puts(b, "</w:tbl>");
	}
	if (r->ntasks) {
		para(b, "left", true, false, false, 26, "III. TIẾN ĐỘ CÁC NHIỆM VỤ");
		table_start(b, true);
		static const int w[] = {700, 4500, 2000, 1100, 1500};
		buf_puts(b, "<w:tr><w:trPr><w:tblHeader/></w:trPr>");
		static const char *const cols[] = {"Mã", "Nhiệm vụ", "Chủ trì", "Thời hạn",
		                                   "Tiến độ"};
		for (int k = 0; k < 5; k++)
			cell(b, w[k], true, cols[k]);
		buf_puts(b, "</w:tr>");
		for (size_t i = 0; i < r->ntasks; i++) {
			const struct task_row *t = &r->tasks[i];
			buf_puts(b, "<w:tr>");
			cell(b, w[0], false, t->code);
			cell(b, w[1], false, t->title);
			cell(b, w[2], false, t->lead ? t->lead : "");
			cell(b, w[3], false, t->due ? t->due : "–");
			cell(b, w[4], false,
			     t->status && !strcmp(t->status, "done") ? "Hoàn thành"
			     : t->overdue                            ? "Quá hạn"
			                                             : "Đang thực hiện");
			buf_puts(b, "</w:tr>");
		}
		buf_puts(b, "</w:tbl>");
	}
	if (r->fam.n) {
		char *h = xasprintf("IV. TỔNG HỢP %zu ĐƠN VỊ TRỰC THUỘC", r->fam.n);
		para(b, "left", true, false, false, 26, h);
		free(h);
		table_start(b, true);
		buf_puts(b, "<w:tr><w:trPr><w:tblHeader/></w:trPr>");
		cell(b, 700, true, "Mã");
		cell(b, 5000, true, "Chỉ tiêu");
		cell(b, 1600, true, "Giá trị tổng hợp");
		cell(b, 1600, true, "Số đơn vị đạt / có mục tiêu");
		buf_puts(b, "</w:tr>");
		for (size_t i = 0; i < r->nroll; i++) {
			char v[40], m[40];
			report_number(v, r->roll[i].has_value, r->roll[i].value);
			snprintf(m, sizeof m, "%d/%d", r->roll[i].meeting.met,
			         r->roll[i].meeting.evaluated);
			buf_puts(b, "<w:tr>");
			cell(b, 700, false, r->roll[i].code);
			cell(b, 5000, false, r->roll[i].name);
			cell(b, 1600, false, v);
			cell(b, 1600, false, m);
			buf_puts(b, "</w:tr>");
		}
		buf_puts(b, "</w:tbl>");
		para(b, "left", true, false, false, 26, "Xếp hạng các đơn vị");
		for (size_t i = 0; i < r->nrank; i++) {
			char *line = xasprintf("%d. %s: %.1f%% (%d/%d)", r->rank[i].rank,
			                       r->rank[i].name, 100 * r->rank[i].completion,
			                       r->rank[i].good, r->rank[i].evaluated);
			para(b, "left", false, false, false, 0, line);
			free(line);
		}
	}
	/* A4, margins top 20, bottom 20, left 30, right 15 mm. */
	buf_puts(b, "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" "
	            "w:right=\"850\" w:bottom=\"1134\" w:left=\"1701\" w:header=\"567\" "
	            "w:footer=\"567\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>");
}

static const char content_types[] =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        "<Default Extension=\"rels\" "
        "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        "<Override PartName=\"/word/document.xml\" "
        "ContentType=\"application/"
        "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
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
        "Target=\"styles.xml\"/></Relationships>";

/* Times New Roman 13 pt everywhere (Decree 30: 13–14 for the text). */
static const char styles[] =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
        "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" "
        "w:hAnsi=\"Times New Roman\" w:cs=\"Times New Roman\" w:eastAsia=\"Times New Roman\"/>"
        "<w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/><w:lang w:val=\"vi-VN\"/></w:rPr>"
        "</w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"60\" w:line=\"264\" "
        "w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
        "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name "
        "w:val=\"Normal\"/></w:style></w:styles>";

int report_docx(const struct report *r, struct buf *b, char **err)
{
	char path[64];
	if (temp_path(path, ".docx")) {
		*err = xstrdup("không tạo được tệp tạm");
		return -1;
	}
	int zerr = 0;
	zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &zerr);
	if (!z) {
		unlink(path);
		*err = xstrdup("libzip không tạo được tệp");
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
		*err = xasprintf("libzip: %s", zip_strerror(z));
		rc = -1;
	}
	buf_free(&doc);
	if (!rc)
		rc = slurp(path, b, err);
	unlink(path);
	return rc;
}

/* ---- PDF ----------------------------------------------------------------------- */

int report_pdf(const struct report *r, struct buf *b, char **err)
{
	const char *chromium = access("/usr/bin/chromium", X_OK) == 0 ? "/usr/bin/chromium" : NULL;
	if (!chromium) {
		*err = xstrdup("[E_NO_CHROMIUM] cần chromium để in PDF (apt-get install chromium); "
		               "dùng --format html rồi in từ trình duyệt");
		return -1;
	}
	char html[64], pdf[64];
	if (temp_path(html, ".html") || temp_path(pdf, ".pdf")) {
		*err = xstrdup("không tạo được tệp tạm");
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
		if (rc && !*err)
			*err = xstrdup("chromium không in được PDF");
		free(out);
		free(url);
	}
	buf_free(&h);
	unlink(html);
	unlink(pdf);
	return rc;
}
