/* report.c: what the report says, and its JSON, CSV and HTML forms. */
#include "report.h"
#include "csv.h"
#include "doc.h"
#include "figure.h"
#include "plan.h"
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

/* The settings, the cut-off window and the sending deadline of unit u for
 * period p (Decree 09/2019). */
static int deadline_of_unit(struct store *s, const struct unit_rec *u, const struct period *p,
                            struct unit_settings *set, char deadline[11], char from[11],
                            char to[11], struct error *err)
{
	char *doc = NULL;
	if (store_unit_settings_get(s, u->code, &doc, err))
		return -1;
	int rc = settings_parse(doc, set, err);
	free(doc);
	if (rc)
		return -1;
	settings_fill_defaults(set);
	int cutoff = store_cutoff_day(s, u->id, err);
	if (cutoff < 0)
		return -1;
	period_window(p, cutoff, from, to);
	deadline_of(p, cutoff, settings_send_day(set, p->kind, u->kind), deadline);
	return 0;
}

int report_deadline(struct store *s, const char *unit, const char *period, char deadline[11],
                    char cutoff_from[11], char cutoff_to[11], struct error *err)
{
	struct period p;
	const char *why;
	if (period_parse(period, &p, &why)) {
		err_set(err, ERR_PERIOD, "\"%s\": %s", period, why);
		return -1;
	}
	struct unit_rec u = {0};
	int found = store_unit_get(s, unit, &u, err);
	if (found == 1)
		err_set(err, ERR_UNKNOWN_UNIT, "không có đơn vị %s", unit);
	struct unit_settings set;
	int rc = found ? -1
	               : deadline_of_unit(s, &u, &p, &set, deadline, cutoff_from, cutoff_to, err);
	unit_rec_free(&u);
	return rc;
}

/* The date as words with leading zeros (Decree 30: "ngày 05 tháng 01 năm
 * 2026"), and as ISO. */
static void date_of(const char *today, struct report *r)
{
	int y = 0, m = 0, d = 0;
	if (today && sscanf(today, "%4d-%2d-%2d", &y, &m, &d) == 3 && m >= 1 && m <= 12 && d >= 1 &&
	    d <= 31) {
		snprintf(r->date_words, sizeof r->date_words, "ngày %02d tháng %02d năm %d", d, m,
		         y);
		snprintf(r->date, sizeof r->date, "%04d-%02d-%02d", y, m, d);
	} else {
		snprintf(r->date_words, sizeof r->date_words, "ngày … tháng … năm …");
	}
}

int report_build(struct store *s, const char *unit, const char *period, const char *today,
                 struct report *r, struct error *err)
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
                      struct report *r, struct error *err)
{
	const char *unit = h->root;
	memset(r, 0, sizeof *r);
	plan_init(&r->v.p);
	struct period p;
	const char *why;
	int as_of;
	enum period_kind grain;
	if (period_parse(period, &p, &why) || period_end(period, &as_of, &grain, &why)) {
		err_set(err, ERR_PERIOD, "\"%s\": %s", period, why);
		return -1;
	}
	period_format(&p, r->period, sizeof r->period);
	period_words_vi(&p, r->period_words, sizeof r->period_words);
	r->grain = grain;
	date_of(today, r);
	/* The unit's own plan, when it has one; a province may have none. */
	struct error e2 = {0};
	if (hold_status(h, as_of, grain, EVAL_LINEAR, &r->v, &e2)) {
		if (e2.code != ERR_NO_PLAN) {
			*err = e2;
			return -1;
		}
		err_clear(&e2);
		plan_init(&r->v.p);
		r->v.u = h->u;
		r->v.borrowed = true;
	} else {
		r->has_plan = true;
	}
	issuer_of(&r->v.u, r);
	if (deadline_of_unit(s, &r->v.u, &p, &r->settings, r->deadline, r->cutoff_from,
	                     r->cutoff_to, err))
		return -1;
	if (*r->date)
		r->days_left = deadline_days_left(r->date, r->deadline, &r->has_days_left);
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
		err_set(err, ERR_NOTHING,
		        "%s chưa có kế hoạch và không đơn vị trực thuộc nào có "
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

static json_t *indicator_json(const struct report *r, const struct status_row *x)
{
	json_t *o = view_status_row_json(x);
	json_object_set_new(o, "target_text", json_string(x->target ? x->target->text : ""));
	json_object_set_new(o, "target", x->target ? target_to_json(x->target) : json_null());
	if (x->r.has_latest) {
		char when[PERIOD_NAME_SIZE];
		rdoc_figure_period(r->grain, x->r.latest_month, when);
		json_object_set_new(o, "latest_period", json_string(when));
	}
	if (x->ind->group)
		json_object_set_new(o, "group", json_string(x->ind->group));
	if (x->ind->unit)
		json_object_set_new(o, "unit", json_string(x->ind->unit));
	if (x->ind->has_baseline)
		json_object_set_new(o, "baseline", json_real(x->ind->baseline));
	if (x->ind->lead)
		json_object_set_new(o, "lead", json_string(x->ind->lead));
	return o;
}

static json_t *deadline_json(const struct report *r)
{
	json_t *o = json_pack("{sssssssi}", "cutoff_from", r->cutoff_from, "cutoff_to",
	                      r->cutoff_to, "send_by", r->deadline, "send_day",
	                      settings_send_day(&r->settings, r->grain, r->v.u.kind));
	if (r->has_days_left)
		json_object_set_new(o, "days_left", json_integer(r->days_left));
	return o;
}

static json_t *signature_json(const struct unit_settings *u)
{
	json_t *rec = json_array();
	for (int i = 0; i < u->nrecipients; i++)
		json_array_append_new(rec, json_string(u->recipients[i]));
	return json_pack("{ssssssssso}", "authority", u->authority, "position", u->position,
	                 "signer", u->signer, "symbol", u->symbol, "recipients", rec);
}

json_t *report_json(const struct report *r)
{
	json_t *counts = json_object(), *rows = json_array(), *tasks = json_array();
	for (int k = 0; k < 8; k++)
		json_object_set_new(counts, eval_status_name((enum eval_status)k),
		                    json_integer(r->count[k]));
	for (size_t i = 0; i < r->v.n; i++)
		json_array_append_new(rows, indicator_json(r, &r->v.rows[i]));
	for (size_t i = 0; i < r->ntasks; i++)
		json_array_append_new(tasks, task_json(&r->tasks[i]));
	json_t *top = json_pack(
	        "{sssi s{ssss}ssssssssss s{sisisi} soso}", "format", "chitieu-report", "version",
	        REPORT_JSON_VERSION, "issuer", "body", r->issuer, "unit", r->issuer_parent, "unit",
	        r->v.u.code, "unit_name", r->v.u.name, "period", r->period, "title", r->title,
	        "date_words", r->date_words, "tasks_summary", "done", r->tasks_done, "overdue",
	        r->tasks_late, "open", r->tasks_open, "counts", counts, "indicators", rows);
	json_object_set_new(top, "date", *r->date ? json_string(r->date) : json_null());
	json_object_set_new(top, "deadline", deadline_json(r));
	json_object_set_new(top, "signature", signature_json(&r->settings));
	json_object_set_new(top, "tasks", tasks);
	if (r->fam.n) {
		json_t *communes = json_array();
		for (size_t i = 0; i < r->nrank; i++)
			json_array_append_new(communes,
			                      json_pack("{sisssssisisf}", "rank", r->rank[i].rank,
			                                "code", r->rank[i].code, "name",
			                                r->rank[i].name, "good", r->rank[i].good,
			                                "evaluated", r->rank[i].evaluated,
			                                "completion", r->rank[i].completion));
		json_object_set_new(top, "communes", communes);
		json_object_set_new(top, "ranking", json_incref(communes));
		json_object_set_new(top, "rollup", view_rollup_json(r->roll, r->nroll));
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
	buf_puts(b, "\xEF\xBB\xBF"); /* UTF-8 BOM: Excel on Windows reads Vietnamese right */
	buf_puts(b, "row,unit,period,date,code,indicator,unit_of_measure,baseline,milestone,"
	            "target,target_kind,target_value,value,value_period,status,colour,lead,"
	            "units_meeting,units_evaluated\r\n");
	for (size_t i = 0; i < r->v.n; i++) {
		const struct status_row *x = &r->v.rows[i];
		char base[FIGURE_SIZE] = "", year[16], value[FIGURE_SIZE] = "",
		     goal[FIGURE_SIZE] = "", when[PERIOD_NAME_SIZE] = "";
		if (x->ind->has_baseline)
			figure_write(x->ind->baseline, base);
		snprintf(year, sizeof year, "%d", x->year);
		if (x->r.has_latest) {
			figure_write(x->r.latest, value);
			rdoc_figure_period(r->grain, x->r.latest_month, when);
		}
		if (x->target && x->target->kind == TARGET_NUMBER)
			figure_write(x->target->value, goal);
		const char *cells[] = {"indicator",
		                       r->v.u.code,
		                       r->period,
		                       r->date,
		                       x->ind->code,
		                       x->ind->name,
		                       x->ind->unit,
		                       base,
		                       year,
		                       x->target ? x->target->text : "",
		                       x->target ? target_kind_name(x->target->kind) : "",
		                       goal,
		                       value,
		                       when,
		                       eval_status_name(x->r.status),
		                       eval_colour_vi(eval_status_colour(x->r.status)),
		                       x->ind->lead,
		                       "",
		                       ""};
		csv_row(b, "nttnttttntnnnnnntnn", cells);
	}
	/* A province: each indicator over its communes ("rollup" rows: no
	 * status of their own, the communes meeting their targets instead). */
	for (size_t i = 0; i < r->nroll; i++) {
		const struct rollup_row *x = &r->roll[i];
		char value[FIGURE_SIZE] = "", met[16], evaluated[16];
		if (x->has_value)
			figure_write(x->value, value);
		snprintf(met, sizeof met, "%d", x->meeting.met);
		snprintf(evaluated, sizeof evaluated, "%d", x->meeting.evaluated);
		const char *cells[] = {"rollup", r->v.u.code, r->period, r->date,   x->code,
		                       x->name,  x->unit,     "",        "",        "",
		                       "",       "",          value,     r->period, "",
		                       "",       "",          met,       evaluated};
		csv_row(b, "nttnttttnnnnnnnntnn", cells);
	}
}

/* ---- HTML ------------------------------------------------------------------- */

void report_number(char out[40], bool has, double v)
{
	rdoc_number(out, has, v);
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

const char report_css[] =
        "@page{size:A4;margin:20mm 15mm 20mm 30mm;@top-center{content:counter(page);"
        "font-family:'Times New Roman','Liberation Serif',serif;font-size:13pt}}"
        "@page:first{@top-center{content:none}}"
        "body{font-family:'Times New Roman','Liberation Serif',serif;font-size:13pt;"
        "line-height:1.3;margin:0}"
        "table.hd{width:100%;border-collapse:collapse;font-size:13pt}table.hd td{border:0;"
        "text-align:center;vertical-align:top;padding:0}.hd td.l{width:40%}"
        ".nat{font-size:12pt;font-weight:bold;white-space:nowrap}.b{font-weight:bold}"
        ".rule{border-top:1px solid #000;margin:2pt auto 0}.rule.s{width:35%}.rule.m{width:55%}.hd "
        ".date{font-style:italic;"
        "padding-top:6pt}.hd .no{padding-top:6pt;white-space:pre}"
        "h1{text-align:center;font-size:14pt;margin:18pt 0 0}h2{font-size:13pt;margin:6pt 0;"
        "text-indent:1cm}.sub{text-align:center;font-weight:bold;margin:0 0 12pt}"
        "p.t{text-indent:1cm;text-align:justify;margin:0 0 6pt}ul{margin:0 0 6pt}"
        "table.d{border-collapse:collapse;width:100%;font-size:11pt;margin:0 0 6pt}"
        "table.d th,table.d td{border:1px solid #000;padding:2pt 4pt;vertical-align:top}"
        "table.d th{background:#eee}.n{text-align:right}table.d thead{display:"
        "table-header-group}table.sg{width:100%;margin-top:12pt;border-collapse:collapse;"
        "page-break-inside:avoid}table.sg td{vertical-align:top;border:0}"
        ".rcv{font-size:11pt}.rcv b{font-size:12pt;font-style:italic}"
        ".sign{text-align:center;font-weight:bold}.sign .name{margin-top:60pt}";

static void html_header(const struct rdoc *d, struct buf *b)
{
	buf_puts(b, "<table class=\"hd\"><tr><td class=\"l\"><div class=\"b\">");
	buf_escape_markup(b, d->body);
	buf_puts(b, "</div><div class=\"b\">");
	buf_escape_markup(b, d->body_unit);
	buf_puts(b, "</div><div class=\"rule s\"></div></td><td><div "
	            "class=\"nat\">");
	buf_escape_markup(b, d->national);
	buf_puts(b, "</div><div class=\"b\">");
	buf_escape_markup(b, d->motto);
	buf_puts(b, "</div><div class=\"rule m\"></div></td></tr><tr><td "
	            "class=\"no\">");
	buf_escape_markup(b, d->number);
	buf_puts(b, "</td><td class=\"date\">");
	buf_escape_markup(b, d->place_date);
	buf_puts(b, "</td></tr></table><h1>");
	buf_escape_markup(b, d->kind);
	buf_puts(b, "</h1><p class=\"sub\">");
	buf_escape_markup(b, d->title);
	buf_puts(b, "</p>");
}

static void html_table(const struct rtable *t, struct buf *b)
{
	int total = 0;
	for (int k = 0; k < t->ncols; k++)
		total += t->twips[k];
	buf_puts(b, "<table class=\"d\"><colgroup>");
	for (int k = 0; k < t->ncols; k++)
		buf_printf(b, "<col width=\"%.1f%%\">", 100.0 * t->twips[k] / total);
	buf_puts(b, "</colgroup><thead><tr>");
	for (int k = 0; k < t->ncols; k++) {
		buf_puts(b, "<th>");
		buf_escape_markup(b, t->head[k]);
		buf_puts(b, "</th>");
	}
	buf_puts(b, "</tr></thead><tbody>");
	for (size_t i = 0; i < t->nrows; i++) {
		buf_puts(b, "<tr>");
		for (int k = 0; k < t->ncols; k++) {
			const struct rcell *c = &t->cells[i * (size_t)t->ncols + (size_t)k];
			buf_puts(b, c->kind == RCELL_NUMBER || c->kind == RCELL_PERCENT
			                    ? "<td class=\"n\">"
			                    : "<td>");
			buf_escape_markup(b, c->text);
			buf_puts(b, "</td>");
		}
		buf_puts(b, "</tr>");
	}
	buf_puts(b, "</tbody></table>");
}

static void html_signature(const struct rdoc *d, struct buf *b)
{
	buf_puts(b, "<table class=\"sg\"><tr><td class=\"rcv\"><b>Nơi nhận:</b>");
	for (int i = 0; i < d->sign->nrecipients; i++) {
		buf_puts(b, "<br>- ");
		buf_escape_markup(b, d->sign->recipients[i]);
		buf_puts(b, i + 1 < d->sign->nrecipients ? ";" : ".");
	}
	buf_puts(b, "</td><td class=\"sign\"><div>");
	buf_escape_markup(b, d->sign->authority);
	buf_puts(b, "</div><div>");
	buf_escape_markup(b, d->sign->position);
	buf_puts(b, "</div><div class=\"name\">");
	buf_escape_markup(b, d->sign->signer);
	buf_puts(b, "</div></td></tr></table>");
}

void report_html(const struct report *r, struct buf *b)
{
	struct rdoc d;
	rdoc_build(r, &d);
	buf_puts(b,
	         "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Báo cáo ");
	buf_escape_markup(b, r->period_words);
	buf_puts(b, "</title><style>");
	buf_puts(b, report_css);
	buf_puts(b, "</style></head><body>");
	html_header(&d, b);
	bool in_list = false;
	for (size_t i = 0; i < d.nblocks; i++) {
		const struct rblock *k = &d.blocks[i];
		if (in_list && k->kind != RBLOCK_ITEM) {
			buf_puts(b, "</ul>");
			in_list = false;
		}
		switch (k->kind) {
		case RBLOCK_HEADING:
			buf_puts(b, "<h2>");
			buf_escape_markup(b, k->text);
			buf_puts(b, "</h2>");
			break;
		case RBLOCK_PARA:
			buf_puts(b, "<p class=\"t\">");
			buf_escape_markup(b, k->text);
			buf_puts(b, "</p>");
			break;
		case RBLOCK_ITEM:
			if (!in_list)
				buf_puts(b, "<ul>");
			in_list = true;
			buf_puts(b, "<li>");
			buf_escape_markup(b, k->text);
			buf_puts(b, "</li>");
			break;
		case RBLOCK_TABLE:
			html_table(&k->table, b);
			break;
		}
	}
	if (in_list)
		buf_puts(b, "</ul>");
	html_signature(&d, b);
	buf_puts(b, "</body></html>\n");
	rdoc_free(&d);
}

int report_render(const struct report *r, const char *format, struct buf *b, struct error *err)
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
