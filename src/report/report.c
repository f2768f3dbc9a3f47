/* report.c: what the report says, and its JSON, CSV and HTML forms. */
#include "report.h"
#include "csv.h"
#include "figure.h"
#include "hold.h"

#include "period.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *report_status_vi(enum eval_status s)
{
	return eval_status_vi(s);
}

void report_free(struct report *r)
{
	view_unit_free(&r->v);
	for (size_t i = 0; i < r->ntasks; i++)
		task_row_free(&r->tasks[i]);
	free(r->tasks);
	free(r->roll); /* fam and the rows' strings are the hold's */
	free(r->rank);
	hold_free(r->own_hold);
	memset(r, 0, sizeof *r);
}

/* "Xã An Bình" -> the body "ỦY BAN NHÂN DÂN" over "XÃ AN BÌNH"; and the
 * place "An Bình". */
static void issuer_of(const struct unit_rec *u, struct report *r)
{
	snprintf(r->issuer, sizeof r->issuer, "ỦY BAN NHÂN DÂN");
	char *up = text_upper(u->name);
	/* A name without its kind ("An Bình") takes the kind's word. */
	static const char *const kinds[][3] = {{"commune", "XÃ ", "xa "},
	                                       {"ward", "PHƯỜNG ", "phuong "},
	                                       {"province", "TỈNH ", "tinh "},
	                                       {"district", "HUYỆN ", "huyen "},
	                                       {"country", "", ""}};
	const char *word = "";
	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
		if (!strcmp(u->kind, kinds[k][0]) && !text_fold_starts(u->name, kinds[k][2]))
			word = kinds[k][1];
	snprintf(r->issuer_parent, sizeof r->issuer_parent, "%s%s", word, up);
	free(up);
	/* The place: the name without the kind's word and without "(…)". */
	const char *name = u->name;
	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
		if (*kinds[k][2] && text_fold_starts(name, kinds[k][2])) {
			const char *sp = strchr(name, ' ');
			name = sp ? sp + 1 : name;
			break;
		}
	snprintf(r->place, sizeof r->place, "%s", name);
	char *paren = strstr(r->place, " (");
	if (paren)
		*paren = 0;
}

int report_build(struct store *s, const char *unit, const char *period, const char *today,
                 struct report *r, char **err)
{
	struct hold *h;
	if (hold_load(s, unit, &h, err)) {
		memset(r, 0, sizeof *r);
		plan_init(&r->v.p);
		return -1;
	}
	int rc = report_build_held(h, s, period, today, r, err);
	r->own_hold = h;
	return rc;
}

int report_build_held(struct hold *h, struct store *s, const char *period, const char *today,
                      struct report *r, char **err)
{
	const char *unit = h->root;
	memset(r, 0, sizeof *r);
	plan_init(&r->v.p);
	struct period p;
	const char *why;
	int as_of;
	enum period_kind grain;
	if (period_parse(period, &p, &why) || period_end(period, &as_of, &grain, &why)) {
		*err = xasprintf("[E_PERIOD] \"%s\": %s", period, why);
		return -1;
	}
	period_format(&p, r->period, sizeof r->period);
	period_words_vi(&p, r->period_words, sizeof r->period_words);
	int y = 0, m = 0, d = 0;
	if (today && sscanf(today, "%4d-%2d-%2d", &y, &m, &d) == 3)
		snprintf(r->date_words, sizeof r->date_words, "ngày %d tháng %d năm %d", d, m, y);
	else
		snprintf(r->date_words, sizeof r->date_words, "ngày … tháng … năm …");
	/* The unit's own plan, when it has one; a province may have none. */
	char *e2 = NULL;
	if (hold_status(h, as_of, grain, EVAL_LINEAR, &r->v, &e2)) {
		if (!strstr(e2, "E_NO_PLAN")) {
			*err = e2;
			return -1;
		}
		free(e2);
		plan_init(&r->v.p);
		r->v.u = h->u;
		r->v.borrowed = true;
	} else {
		r->has_plan = true;
	}
	issuer_of(&r->v.u, r);
	for (size_t i = 0; i < r->v.n; i++)
		r->count[r->v.rows[i].r.status]++;
	if (r->has_plan && store_task_list(s, r->v.u.id, r->period, &r->tasks, &r->ntasks, err))
		return -1;
	for (size_t i = 0; i < r->ntasks; i++) {
		const struct task_row *t = &r->tasks[i];
		if (t->status && !strcmp(t->status, "done"))
			r->tasks_done++;
		else if (t->overdue)
			r->tasks_late++;
		else
			r->tasks_open++;
	}
	/* The communes under it, consolidated. */
	const struct family *f = hold_family(h, err);
	if (!f)
		return -1;
	r->fam = *f; /* the hold's: not freed here */
	r->has_children = true;
	if (!r->has_plan && !r->fam.n) {
		*err = xasprintf(
		        "[E_NOTHING] %s chưa có kế hoạch và không đơn vị trực thuộc nào có "
		        "kế hoạch: không có gì để báo cáo",
		        unit);
		return -1;
	}
	if (r->fam.n) {
		const struct rollup_row *roll;
		const struct rank_row *rank;
		r->nroll = hold_rollup(h, as_of, grain, &roll);
		r->roll = xcalloc(r->nroll + 1, sizeof *r->roll);
		memcpy(r->roll, roll, r->nroll * sizeof *r->roll);
		r->nrank = hold_rank(h, as_of, grain, &rank);
		r->rank = xcalloc(r->nrank + 1, sizeof *r->rank);
		memcpy(r->rank, rank, r->nrank * sizeof *r->rank);
	}
	snprintf(r->title, sizeof r->title,
	         "Kết quả thực hiện Kế hoạch thực hiện Nghị quyết số 57-NQ/TW về phát triển khoa "
	         "học, công nghệ, đổi mới sáng tạo và chuyển đổi số %s",
	         r->period_words);
	return 0;
}

/* ---- JSON ------------------------------------------------------------------- */

static json_t *task_json(const struct task_row *t)
{
	json_t *o =
	        json_pack("{sssssb}", "code", t->code, "title", t->title, "overdue", t->overdue);
	if (t->lead)
		json_object_set_new(o, "lead", json_string(t->lead));
	if (t->due)
		json_object_set_new(o, "due", json_string(t->due));
	json_object_set_new(o, "status", json_string(t->status ? t->status : "not_started"));
	if (t->percent >= 0)
		json_object_set_new(o, "percent", json_integer(t->percent));
	return o;
}

json_t *report_json(const struct report *r)
{
	json_t *counts = json_object(), *rows = json_array(), *tasks = json_array();
	for (int k = 0; k < 8; k++)
		json_object_set_new(counts, eval_status_name((enum eval_status)k),
		                    json_integer(r->count[k]));
	for (size_t i = 0; i < r->v.n; i++) {
		json_t *o = view_status_row_json(&r->v.rows[i]);
		const struct indicator *x = r->v.rows[i].ind;
		if (x->unit)
			json_object_set_new(o, "unit", json_string(x->unit));
		if (x->has_baseline)
			json_object_set_new(o, "baseline", json_real(x->baseline));
		if (x->lead)
			json_object_set_new(o, "lead", json_string(x->lead));
		json_array_append_new(rows, o);
	}
	for (size_t i = 0; i < r->ntasks; i++)
		json_array_append_new(tasks, task_json(&r->tasks[i]));
	json_t *top =
	        json_pack("{s{ssss}ssssssssss s{sisisi} soso}", "issuer", "body", r->issuer, "unit",
	                  r->issuer_parent, "unit", r->v.u.code, "unit_name", r->v.u.name, "period",
	                  r->period, "title", r->title, "date", r->date_words, "tasks_summary",
	                  "done", r->tasks_done, "overdue", r->tasks_late, "open", r->tasks_open,
	                  "counts", counts, "indicators", rows);
	json_object_set_new(top, "tasks", tasks);
	if (r->fam.n) {
		json_t *rank = json_array();
		for (size_t i = 0; i < r->nrank; i++)
			json_array_append_new(
			        rank, json_pack("{sisssssisisf}", "rank", r->rank[i].rank, "code",
			                        r->rank[i].code, "name", r->rank[i].name, "good",
			                        r->rank[i].good, "evaluated", r->rank[i].evaluated,
			                        "completion", r->rank[i].completion));
		json_object_set_new(top, "communes", view_rollup_json(r->roll, r->nroll));
		json_object_set_new(top, "ranking", rank);
	}
	return top;
}

/* ---- CSV -------------------------------------------------------------------- */

/* One CSV row; kinds says for each cell "t" (text, quoted and neutralised
 * by csv_put_quoted) or "n" (a number from figure_write or a code word of
 * chitieu's own, bare). Empty cells stay empty. */
static void csv_row(struct buf *b, const char *kinds, const char *const *cells)
{
	for (size_t k = 0; kinds[k]; k++) {
		if (k)
			buf_putc(b, ',');
		if (kinds[k] == 't')
			csv_put_quoted(b, cells[k]);
		else if (cells[k])
			buf_puts(b, cells[k]);
	}
	buf_puts(b, "\r\n");
}

void report_csv(const struct report *r, struct buf *b)
{
	buf_puts(b, "unit,period,code,indicator,unit_of_measure,baseline,milestone,target,value,"
	            "status,colour,lead,units_meeting,units_evaluated\r\n");
	for (size_t i = 0; i < r->v.n; i++) {
		const struct status_row *x = &r->v.rows[i];
		char base[FIGURE_SIZE] = "", year[16], value[FIGURE_SIZE] = "";
		if (x->ind->has_baseline)
			figure_write(x->ind->baseline, base);
		snprintf(year, sizeof year, "%d", x->year);
		if (x->r.has_latest)
			figure_write(x->r.latest, value);
		const char *cells[] = {r->v.u.code,
		                       r->period,
		                       x->ind->code,
		                       x->ind->name,
		                       x->ind->unit,
		                       base,
		                       year,
		                       x->target ? x->target->text : "",
		                       value,
		                       eval_status_name(x->r.status),
		                       eval_colour_vi(eval_status_colour(x->r.status)),
		                       x->ind->lead,
		                       "",
		                       ""};
		csv_row(b, "tttttnntnnntnn", cells);
	}
	/* A province: each indicator over its communes (status "rollup"). */
	for (size_t i = 0; i < r->nroll; i++) {
		const struct rollup_row *x = &r->roll[i];
		char value[FIGURE_SIZE] = "", met[16], evaluated[16];
		if (x->has_value)
			figure_write(x->value, value);
		snprintf(met, sizeof met, "%d", x->meeting.met);
		snprintf(evaluated, sizeof evaluated, "%d", x->meeting.evaluated);
		const char *cells[] = {r->v.u.code, r->period, x->code, x->name,  x->unit,
		                       "",          "",        "",      value,    "rollup",
		                       "",          "",        met,     evaluated};
		csv_row(b, "tttttnnnnnnnnn", cells);
	}
}

/* ---- HTML ------------------------------------------------------------------- */

void report_number(char out[40], bool has, double v)
{
	if (!has) {
		snprintf(out, 40, "–");
		return;
	}
	snprintf(out, 40, "%.6g", v);
	for (char *p = out; *p; p++)
		if (*p == '.')
			*p = ',';
}

void report_indicator_cells(const struct status_row *x, struct report_row_text *t,
                            const char *cells[8])
{
	report_number(t->base, x->ind->has_baseline, x->ind->baseline);
	report_number(t->value, x->r.has_latest, x->r.latest);
	t->target[0] = 0;
	if (x->target)
		snprintf(t->target, sizeof t->target, "%d: %s", x->year, x->target->text);
	const char *v[8] = {x->ind->code,
	                    x->ind->name,
	                    x->ind->unit ? x->ind->unit : "",
	                    t->base,
	                    t->target,
	                    t->value,
	                    eval_status_vi(x->r.status),
	                    x->ind->lead ? x->ind->lead : ""};
	memcpy(cells, v, sizeof v);
}

/* One table row; kinds says for each cell "t" (text) or "n" (a number,
 * right-aligned). Every cell is escaped. */
static void html_row(struct buf *b, const char *kinds, const char *const *cells)
{
	buf_puts(b, "<tr>");
	for (size_t k = 0; kinds[k]; k++) {
		buf_puts(b, kinds[k] == 'n' ? "<td class=\"n\">" : "<td>");
		buf_escape_markup(b, cells[k]);
		buf_puts(b, "</td>");
	}
	buf_puts(b, "</tr>");
}

const char report_css[] =
        "@page{size:A4;margin:20mm 15mm 20mm 30mm}body{font-family:'Times "
        "New Roman','Liberation Serif',serif;font-size:13pt;line-height:1.3}.hd{display:"
        "flex;justify-content:space-between;text-align:center}.hd div{width:48%}.motto{"
        "font-weight:bold}.u{text-decoration:underline}h1{text-align:center;font-size:"
        "14pt;margin:1em 0 0}h2{font-size:13pt}.sub{text-align:center;font-weight:bold}"
        "table{border-collapse:collapse;width:100%;font-size:11pt}th,td{border:1px solid "
        "#000;padding:2pt 4pt;vertical-align:top}th{background:#eee}.n{text-align:right}"
        ".date{font-style:italic;text-align:right}";

void report_html(const struct report *r, struct buf *b)
{
	buf_puts(b,
	         "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Báo cáo ");
	buf_escape_markup(b, r->period_words);
	buf_puts(b, "</title><style>");
	buf_puts(b, report_css);
	buf_puts(b, "</style></head><body><div class=\"hd\"><div>");
	buf_escape_markup(b, r->issuer);
	buf_puts(b, "<br><b class=\"u\">");
	buf_escape_markup(b, r->issuer_parent);
	buf_puts(
	        b,
	        "</b><br>Số: &nbsp;&nbsp;&nbsp;&nbsp;/BC-UBND</div><div><span class=\"motto\">CỘNG "
	        "HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</span><br><b class=\"u\">Độc lập - Tự do - Hạnh "
	        "phúc</b><p class=\"date\">");
	buf_escape_markup(b, r->place);
	buf_puts(b, ", ");
	buf_escape_markup(b, r->date_words);
	buf_puts(b, "</p></div></div><h1>BÁO CÁO</h1><p class=\"sub\">");
	buf_escape_markup(b, r->title);
	buf_puts(b, "</p><h2>I. TÓM TẮT</h2><p>");
	buf_printf(
	        b,
	        "Tổng số %zu chỉ tiêu: %d đạt, %d vượt, %d đúng tiến độ, %d có nguy cơ không đạt, "
	        "%d chậm tiến độ, %d không đạt, %d chưa có số liệu, %d không đánh giá.",
	        r->v.n, r->count[EVAL_MET], r->count[EVAL_EXCEEDED], r->count[EVAL_ON_TRACK],
	        r->count[EVAL_AT_RISK], r->count[EVAL_OFF_TRACK], r->count[EVAL_NOT_MET],
	        r->count[EVAL_NO_DATA], r->count[EVAL_NOT_EVALUATED]);
	buf_printf(b, " Nhiệm vụ: %zu, trong đó %d hoàn thành, %d đang thực hiện, %d quá hạn.</p>",
	           r->ntasks, r->tasks_done, r->tasks_open, r->tasks_late);
	if (r->v.n) {
		buf_puts(b,
		         "<h2>II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU</h2><table><thead><tr><th>Mã</th>"
		         "<th>Chỉ tiêu</th><th>Đơn vị tính</th><th>Năm gốc</th><th>Mục tiêu</th>"
		         "<th>Kết quả kỳ này</th><th>Đánh giá</th><th>Cơ quan chủ trì</th></tr>"
		         "</thead><tbody>");
		for (size_t i = 0; i < r->v.n; i++) {
			struct report_row_text t;
			const char *cells[8];
			report_indicator_cells(&r->v.rows[i], &t, cells);
			html_row(b, "tttntntt", cells);
		}
		buf_puts(b, "</tbody></table>");
	}
	if (r->ntasks) {
		buf_puts(b,
		         "<h2>III. TIẾN ĐỘ CÁC NHIỆM VỤ</h2><table><thead><tr><th>Mã</th><th>Nhiệm "
		         "vụ</th><th>Chủ trì</th><th>Thời hạn</th><th>Tiến "
		         "độ</th></tr></thead><tbody>");
		for (size_t i = 0; i < r->ntasks; i++) {
			const struct task_row *t = &r->tasks[i];
			char state[64];
			snprintf(state, sizeof state, "%s%s",
			         t->status && !strcmp(t->status, "done")          ? "Hoàn thành"
			         : t->status && !strcmp(t->status, "in_progress") ? "Đang thực hiện"
			                                                          : "Chưa bắt đầu",
			         t->overdue ? " (quá hạn)" : "");
			const char *cells[] = {t->code, t->title, t->lead, t->due ? t->due : "–",
			                       state};
			html_row(b, "ttttt", cells);
		}
		buf_puts(b, "</tbody></table>");
	}
	/* What is late and who leads it. */
	buf_puts(b, "<h2>IV. NHỮNG VIỆC CHẬM, CƠ QUAN CHỦ TRÌ</h2><ul>");
	int late = 0;
	for (size_t i = 0; i < r->v.n; i++) {
		enum eval_status s = r->v.rows[i].r.status;
		if (s != EVAL_AT_RISK && s != EVAL_OFF_TRACK && s != EVAL_NOT_MET)
			continue;
		late++;
		buf_puts(b, "<li>Chỉ tiêu ");
		buf_escape_markup(b, r->v.rows[i].ind->code);
		buf_printf(b, " (%s): ", eval_status_vi(s));
		buf_escape_markup(b, r->v.rows[i].ind->lead ? r->v.rows[i].ind->lead
		                                            : "chưa rõ cơ quan chủ trì");
		buf_puts(b, "</li>");
	}
	for (size_t i = 0; i < r->ntasks; i++)
		if (r->tasks[i].overdue) {
			late++;
			buf_puts(b, "<li>Nhiệm vụ ");
			buf_escape_markup(b, r->tasks[i].code);
			buf_puts(b, " quá hạn: ");
			buf_escape_markup(b, r->tasks[i].lead ? r->tasks[i].lead
			                                      : "chưa rõ cơ quan chủ trì");
			buf_puts(b, "</li>");
		}
	if (!late)
		buf_puts(b, "<li>Không có.</li>");
	buf_puts(b, "</ul>");
	if (r->fam.n) {
		buf_printf(b,
		           "<h2>V. TỔNG HỢP %zu ĐƠN VỊ TRỰC THUỘC</h2><table><thead><tr><th>Mã</th>"
		           "<th>Chỉ tiêu</th><th>Giá trị tổng hợp</th><th>Số đơn vị đạt / có mục "
		           "tiêu</th></tr></thead><tbody>",
		           r->fam.n);
		for (size_t i = 0; i < r->nroll; i++) {
			const struct rollup_row *x = &r->roll[i];
			char value[40], met[32];
			report_number(value, x->has_value, x->value);
			snprintf(met, sizeof met, "%d/%d", x->meeting.met, x->meeting.evaluated);
			const char *cells[] = {x->code, x->name, value, met};
			html_row(b, "ttnn", cells);
		}
		buf_puts(b, "</tbody></table><h2>Xếp hạng các đơn vị</h2><table><thead><tr><th>Hạng"
		            "</th><th>Đơn vị</th><th>Tỷ lệ đạt hoặc đúng tiến độ</th></tr></thead>"
		            "<tbody>");
		for (size_t i = 0; i < r->nrank; i++) {
			char rank[16], share[64];
			snprintf(rank, sizeof rank, "%d", r->rank[i].rank);
			snprintf(share, sizeof share, "%.1f%% (%d/%d)", 100 * r->rank[i].completion,
			         r->rank[i].good, r->rank[i].evaluated);
			const char *cells[] = {rank, r->rank[i].name, share};
			html_row(b, "ntn", cells);
		}
		buf_puts(b, "</tbody></table>");
	}
	buf_puts(b, "</body></html>\n");
}

int report_render(const struct report *r, const char *format, struct buf *b, char **err)
{
	if (!strcmp(format, "json")) {
		json_t *j = report_json(r);
		char *s = json_dumps(j, JSON_INDENT(2));
		buf_puts(b, s);
		buf_putc(b, '\n');
		free(s);
		json_decref(j);
		return 0;
	}
	if (!strcmp(format, "csv")) {
		report_csv(r, b);
		return 0;
	}
	if (!strcmp(format, "html")) {
		report_html(r, b);
		return 0;
	}
	if (!strcmp(format, "xlsx"))
		return report_xlsx(r, b, err);
	if (!strcmp(format, "docx"))
		return report_docx(r, b, err);
	return report_pdf(r, b, err);
}
