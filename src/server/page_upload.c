/* page_upload.c: "Kế hoạch" (/don-vi/{u}/ke-hoach): the office uploads the
 * plan document, watches it being read, then checks the plan read from it
 * beside the document's own rows, corrects cells, removes or adds rows,
 * sees what changes against the plan in force, and saves it as the unit's
 * new plan version. The same work as the API's drafts (plan_drafts.h). */
#include "pages.h"

#include "draft.h"
#include "plan_drafts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *jstr(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	return json_is_string(v) ? json_string_value(v) : NULL;
}

/* A target as a clerk reads it back (the script in assets.c says the same). */
static void target_vi(struct ctx *c, json_t *t)
{
	const char *k = jstr(t, "kind"), *op = jstr(t, "op");
	double v = json_number_value(json_object_get(t, "value"));
	if (!k || !strcmp(k, "none")) {
		buf_puts(B, "trống");
	} else if (!strcmp(k, "number") || !strcmp(k, "rank")) {
		const char *sign = !op                 ? ""
		                   : !strcmp(op, ">=") ? "≥"
		                   : !strcmp(op, "<=") ? "≤"
		                                       : op;
		buf_printf(B, "%s %s ", !strcmp(k, "rank") ? "hạng" : "số", sign);
		pg_number(c, v);
	} else if (!strcmp(k, "range")) {
		buf_puts(B, "khoảng ");
		pg_number(c, json_number_value(json_object_get(t, "min")));
		buf_puts(B, "–");
		pg_number(c, json_number_value(json_object_get(t, "max")));
	} else if (!strcmp(k, "growth")) {
		buf_puts(B, "tăng ");
		pg_number(c, v);
		buf_puts(B, "%/năm");
	} else if (!strcmp(k, "level")) {
		buf_puts(B, "mức ");
		pg_esc(c, jstr(t, "level"));
	} else {
		static const char *const names[][2] = {{"yes", "có/không"},
		                                       {"maintain", "duy trì"},
		                                       {"relative", "so với tỉnh"},
		                                       {"report", "báo cáo"},
		                                       {"text", "chữ, không thành số: xem lại"}};
		const char *name = k;
		for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
			if (!strcmp(k, names[i][0]))
				name = names[i][1];
		pg_esc(c, name);
	}
}

static void upload_form(struct ctx *c, const char *unit)
{
	buf_puts(B, "<form method=\"post\" enctype=\"multipart/form-data\" class=\"card upload\" "
	            "action=\"/don-vi/");
	pg_esc(c, unit);
	buf_puts(B, "/ke-hoach\"><input type=\"hidden\" name=\"csrf\" value=\"");
	pg_esc(c, c->sess.csrf);
	buf_printf(B,
	           "\"><label>Tệp kế hoạch (Word DOCX, DOC, RTF; ODT; PDF, cả bản quét; Excel XLSX, "
	           "XLS; ODS; trang web HTML, MHTML; văn bản; "
	           "tối đa "
	           "%u MB)<input type=\"file\" name=\"file\" required data-max=\"%u\"></label>"
	           "<p class=\"error\" id=\"file-too-big\" hidden></p>"
	           "<button>Tải lên và đọc</button></form>",
	           UPLOAD_MAX_BYTES >> 20, UPLOAD_MAX_BYTES);
}

static void notice(struct ctx *c, const char *cls, const char *msg)
{
	buf_printf(B, "<p class=\"%s\" role=\"%s\">", cls,
	           strcmp(cls, "error") ? "status" : "alert");
	pg_esc(c, msg);
	buf_puts(B, "</p>");
}

/* <small class="cls">text</small> */
static void small(struct ctx *c, const char *cls, const char *text)
{
	buf_printf(B, "<small class=\"%s\">", cls);
	pg_esc(c, text);
	buf_puts(B, "</small>");
}

/* The sentence of an error. */
static const char *sentence(const struct error *err)
{
	return err->msg ? err->msg : "lỗi cơ sở dữ liệu";
}

/* The plan's page, with the sentence err said above it when not NULL. */
static void home(struct ctx *c, const struct unit_rec *u, const char *err)
{
	pg_head(c, "Kế hoạch", u->code);
	buf_puts(B, "<h1>Kế hoạch của ");
	pg_esc(c, u->name);
	buf_puts(B, "</h1>");
	if (err)
		notice(c, "error", err);
	struct plan_row *r = NULL;
	size_t n = 0;
	struct error e = {0};
	if (!store_plan_list(c->s, u->code, &r, &n, &e) && n) {
		for (size_t i = 0; i < n; i++)
			if (r[i].current) {
				buf_printf(B, "<p>Đang dùng phiên bản %d (", r[i].version);
				pg_esc(c, r[i].title ? r[i].title : "kế hoạch");
				buf_printf(B, "): %zu chỉ tiêu, %zu nhiệm vụ, lưu lúc ", r[i].nind,
				           r[i].ntasks);
				pg_time(c, r[i].imported_at);
				buf_puts(B, ".</p>");
			}
	} else {
		buf_puts(B, "<p>Đơn vị chưa có kế hoạch.</p>");
	}
	for (size_t i = 0; i < n; i++)
		plan_row_free(&r[i]);
	free(r);
	err_clear(&e);
	buf_puts(B, "<p>Tải tệp kế hoạch lên: chitieu đọc các chỉ tiêu, chỉ tiêu theo năm, cơ quan "
	            "chủ trì và nhiệm vụ, rồi cho xem và sửa trước khi lưu thành phiên bản mới. "
	            "Số liệu đã nhập được giữ theo chỉ tiêu.</p>");
	upload_form(c, u->code);
	pg_foot(c);
}

static void to_draft(struct ctx *c, const char *unit, int64_t id, const char *extra)
{
	char *to = xasprintf("/don-vi/%s/ke-hoach?draft=%lld%s", unit, (long long)id,
	                     extra ? extra : "");
	pg_redirect(c, to);
	free(to);
}

/* A job still reading: the page polls it (assets.c) and moves on to the
 * draft when it is done. */
static void reading(struct ctx *c, const struct unit_rec *u, const char *job,
                    const struct upload_status *st)
{
	pg_head(c, "Đang đọc tệp", u->code);
	buf_puts(B, "<h1>Đang đọc tệp ");
	pg_esc(c, st->filename);
	buf_puts(B, "</h1><p id=\"upload-progress\" role=\"status\" data-poll=\"/api/v1/units/");
	pg_esc(c, u->code);
	buf_puts(B, "/plan/jobs/");
	pg_esc(c, job);
	buf_puts(B, "\" data-next=\"/don-vi/");
	pg_esc(c, u->code);
	buf_puts(B, "/ke-hoach?draft=\">");
	if (st->pages)
		buf_printf(B, "Đang đọc trang %d/%d…",
		           st->page < st->pages ? st->page + 1 : st->pages, st->pages);
	else
		buf_puts(B, "Đang đọc tệp…");
	/* Until the pages are counted, a bar that only says "working". */
	if (st->pages)
		buf_printf(B, "</p><progress id=\"upload-bar\" max=\"%d\" value=\"%d\">", st->pages,
		           st->page);
	else
		buf_puts(B, "</p><progress id=\"upload-bar\">");
	buf_puts(B, "</progress><p>Bản quét cần chừng 10 đến 20 giây mỗi trang. Trang này tự "
	            "chuyển khi "
	            "đọc xong; có thể <a href=\"?job=");
	pg_esc(c, job);
	buf_puts(B, "\">tải lại</a> để xem tiến độ.</p>");
	pg_foot(c);
}

static void show_job(struct ctx *c, const struct unit_rec *u, const char *job)
{
	struct upload_status st = {0};
	struct error err = {0};
	if (!pd_collect(c, u, job, &st, &err)) {
		c->rs->status = 404;
		home(c, u, "Không còn việc đọc tệp này; xin tải tệp lên lại.");
	} else if (st.state == UPLOAD_DONE && st.draft) {
		to_draft(c, u->code, st.draft, NULL);
	} else if (st.state == UPLOAD_FAILED) {
		c->rs->status = pg_form_status("E_DOCUMENT");
		home(c, u, sentence(&st.err));
	} else {
		reading(c, u, job, &st);
	}
	upload_status_free(&st);
	err_clear(&err);
}

/* ---- the draft ----------------------------------------------------------------------------- */

static void where(struct ctx *c, json_t *x)
{
	json_t *src = json_object_get(x, "source"), *lines = json_object_get(x, "source_lines");
	json_int_t page = json_integer_value(json_object_get(src, "page")),
	           table = json_integer_value(json_object_get(src, "table")),
	           row = json_integer_value(json_object_get(src, "row"));
	const char *sep = page ? ", " : "";
	if (page)
		buf_printf(B, "trang %lld", (long long)page);
	if (table && row > 0)
		buf_printf(B, "%sbảng %lld, hàng %lld", sep, (long long)table, (long long)row);
	else if (table) /* a PDF's table: its rows are not counted */
		buf_printf(B, "%sbảng %lld", sep, (long long)table);
	/* a page alone (a PDF read from its pages laid out as text): the lines
	 * of that text are none the clerk sees */
	else if (!page && json_array_size(lines))
		buf_printf(B, "dòng %lld", (long long)json_integer_value(json_array_get(lines, 0)));
}

/* The member of array whose "code" is code, or NULL. */
static json_t *by_code(json_t *array, const char *code)
{
	json_t *x;
	size_t i;
	json_array_foreach(array, i, x)
	{
		const char *k = jstr(x, "code");
		if (k && code && !strcmp(k, code))
			return x;
	}
	return NULL;
}

#define ROW_NEW ((size_t)-1) /* the row the clerk adds */

/* The form name of a cell: field ("name", "t.2030") of row i, or of the
 * added row, of the indicators' table, or of the tasks' when ns is
 * "task." ("task.lead.3", "new.task.title"). */
static void cell_name(char *out, size_t n, const char *ns, size_t i, const char *field)
{
	if (i == ROW_NEW)
		snprintf(out, n, "new.%s%.40s", ns ? ns : "", field);
	else
		snprintf(out, n, "%s%.40s.%zu", ns ? ns : "", field, i);
}

/* One row of the draft's table as the page shows it: row i of the plan
 * (x), as read from the document (read), its cells to check (flags:
 * field -> why); all NULL for the added row. ns: the form names' prefix,
 * NULL for an indicator's, "task." for a task's (cell_name). */
struct row_view {
	size_t i;
	json_t *x, *read, *flags;
	const char *ns;
};

/* As read from the document, when the correction differs. */
static void as_read(struct ctx *c, const char *now, const char *then)
{
	if (!then || (now && !strcmp(now, then)))
		return;
	buf_puts(B, "<small class=\"read\">trong tệp: ");
	pg_esc(c, then);
	buf_puts(B, "</small>");
}

/* A target's year, which a narrow screen shows above the cell (data-l)
 * since it lays each row out as a card; the style sheet names the other
 * cells by their input. */
static void cell_label(struct ctx *c, const char *field)
{
	if (!strncmp(field, "target ", 7))
		buf_printf(B, " data-l=\"Năm %s\"", field + 7);
}

/* A cell's <td>, marked when it was read with low confidence. */
static void cell_open(struct ctx *c, const struct row_view *r, const char *field)
{
	const char *why = jstr(r->flags, field);
	buf_puts(B, "<td");
	if (why) {
		buf_puts(B, " class=\"lowconf\" title=\"Đọc với độ tin cậy thấp, cần kiểm tra: ");
		pg_esc(c, why);
		buf_puts(B, "\"");
	}
	cell_label(c, field);
	buf_puts(B, ">");
}

/* The end of a cell: what the document said, and for a cell to check, the
 * note and the box that says it is right as it stands. */
static void cell_close(struct ctx *c, const struct row_view *r, const char *field, const char *now,
                       const char *then)
{
	as_read(c, now, then);
	if (jstr(r->flags, field)) {
		char name[80];
		cell_name(name, sizeof name, r->ns, r->i, field);
		buf_puts(B,
		         "<small class=\"lowconf\">Đọc kém, cần kiểm tra <label class=\"inline\">"
		         "<input type=\"checkbox\" name=\"ok.");
		pg_esc(c, name);
		buf_puts(B, "\" value=\"1\">đúng</label></small>");
	}
	buf_puts(B, "</td>");
}

/* A text cell: an input (a textarea for the name) of field. */
static void text_cell(struct ctx *c, const struct row_view *r, const char *field, int size)
{
	char name[80];
	cell_name(name, sizeof name, r->ns, r->i, field);
	const char *now = jstr(r->x, field);
	cell_open(c, r, field);
	if (!strcmp(field, "name") || !strcmp(field, "title")) {
		buf_printf(B, "<textarea name=\"%s\" class=\"%s\" rows=\"2\">", name, field);
		pg_esc(c, now);
		buf_puts(B, "</textarea>");
	} else {
		buf_printf(B, "<input name=\"%s\" class=\"%s\" size=\"%d\" value=\"", name, field,
		           size);
		pg_esc(c, now);
		buf_puts(B, "\">");
	}
	cell_close(c, r, field, now, jstr(r->read, field));
}

static void target_cell(struct ctx *c, const struct row_view *r, int year)
{
	char key[16], field[24], name[48];
	snprintf(key, sizeof key, "%d", year);
	snprintf(field, sizeof field, "target %d", year);
	snprintf(name, sizeof name, "t.%d", year);
	json_t *t = json_object_get(json_object_get(r->x, "targets"), key),
	       *read_t = json_object_get(json_object_get(r->read, "targets"), key);
	cell_open(c, r, field);
	char input[80];
	cell_name(input, sizeof input, r->ns, r->i, name);
	buf_printf(B, "<input name=\"%s\" class=\"target\" size=\"9\" value=\"", input);
	pg_esc(c, jstr(t, "text"));
	buf_puts(B, "\">");
	if (r->x) {
		buf_printf(B, "<small class=\"tk\" data-kind=\"%s\">",
		           t ? jstr(t, "kind") : "none");
		target_vi(c, t);
		buf_puts(B, "</small>");
	} else {
		buf_puts(B, "<small class=\"tk\"></small>");
	}
	cell_close(c, r, field, jstr(t, "text"), jstr(read_t, "text"));
}

/* Whether the page shows field in a cell of its own. */
static bool shown(const char *field, const int *years, size_t ny)
{
	static const char *const cells[] = {"code", "name", "unit", "lead", "monitor"};
	for (size_t k = 0; k < sizeof cells / sizeof cells[0]; k++)
		if (!strcmp(field, cells[k]))
			return true;
	for (size_t y = 0; y < ny; y++) {
		char f[24];
		snprintf(f, sizeof f, "target %d", years[y]);
		if (!strcmp(field, f))
			return true;
	}
	return false;
}

/* The row's warnings, and those about cells not shown (a baseline...),
 * written when out; how many. */
static size_t row_notes(struct ctx *c, const struct row_view *r, json_t *w, const int *years,
                        size_t ny, bool out)
{
	size_t k, n = 0;
	json_t *m;
	const char *f;
	json_array_foreach(w, k, m)
	{
		if (out)
			small(c, "warn", json_string_value(m));
		n++;
	}
	json_object_foreach(r->flags, f, m)
	{
		if (shown(f, years, ny))
			continue;
		if (out)
			small(c, "warn", json_string_value(m));
		n++;
	}
	return n;
}

static void draft_row(struct ctx *c, const struct row_view *r, json_t *warns, const int *years,
                      size_t ny)
{
	const char *code = jstr(r->x, "code");
	json_t *w = json_object_get(warns, code ? code : "");
	bool flag = r->x && row_notes(c, r, w, years, ny, false);
	buf_printf(B, "<tr%s><td class=\"src\">",
	           !r->x  ? " class=\"new\""
	           : flag ? " class=\"flag\""
	                  : "");
	if (r->x) {
		where(c, r->x);
		row_notes(c, r, w, years, ny, true);
		buf_printf(B, "<input type=\"hidden\" name=\"k.%zu\" value=\"", r->i);
		pg_esc(c, code);
		buf_puts(B, "\">");
	} else {
		buf_puts(B, "dòng thêm");
	}
	buf_puts(B, "</td>");
	text_cell(c, r, "code", 5);
	text_cell(c, r, "group", 3);
	text_cell(c, r, "name", 0);
	text_cell(c, r, "unit", 6);
	for (size_t y = 0; y < ny; y++)
		target_cell(c, r, years[y]);
	text_cell(c, r, "lead", 12);
	text_cell(c, r, "monitor", 12);
	if (r->x)
		buf_printf(B,
		           "<td><label class=\"inline\"><input type=\"checkbox\" name=\"del.%zu\" "
		           "value=\"1\">bỏ</label></td></tr>",
		           r->i);
	else
		buf_puts(B, "<td></td></tr>");
}

static size_t years_of(json_t *plan, int *years, size_t max)
{
	size_t n = 0, i;
	json_t *y;
	json_array_foreach(json_object_get(plan, "milestones"), i, y)
	{
		if (n < max)
			years[n++] = (int)json_integer_value(y);
	}
	return n;
}

/* One change: "label «old» → «new»". */
static void change_span(struct ctx *c, const char *label, const char *old, const char *now)
{
	buf_puts(B, " <span class=\"change\">");
	pg_esc(c, label);
	buf_puts(B, " «");
	pg_esc(c, old ? old : "–");
	buf_puts(B, "» → «");
	pg_esc(c, now ? now : "–");
	buf_puts(B, "»</span>");
}

/* The label of a changed field of an indicator or a task. */
static const char *field_vi(const char *f, char *out, size_t n)
{
	static const char *const fv[][2] = {{"name", "tên"},
	                                    {"unit", "đơn vị tính"},
	                                    {"group", "nhóm"},
	                                    {"lead", "chủ trì"},
	                                    {"monitor", "theo dõi"},
	                                    {"title", "nội dung"},
	                                    {"implementers", "phối hợp"},
	                                    {"timeframe", "thời hạn"}};
	if (f && !strncmp(f, "target ", 7)) {
		snprintf(out, n, "chỉ tiêu năm %s", f + 7);
		return out;
	}
	for (size_t j = 0; j < sizeof fv / sizeof fv[0]; j++)
		if (f && !strcmp(f, fv[j][0]))
			return fv[j][1];
	return f;
}

/* Items "verb code: name" of list (a task's name its title), each an
 * <li class="cls">. */
static void code_items(struct ctx *c, json_t *list, const char *cls, const char *verb)
{
	json_t *x;
	size_t i;
	json_array_foreach(list, i, x)
	{
		buf_printf(B, "<li class=\"%s\">%s ", cls, verb);
		pg_esc(c, jstr(x, "code"));
		buf_puts(B, ": ");
		pg_esc(c, jstr(x, "name") ? jstr(x, "name") : jstr(x, "title"));
		buf_puts(B, "</li>");
	}
}

/* Items "Đổi code: field «old» → «new»..." of the changed rows of list. */
static void changed_items(struct ctx *c, json_t *list, const char *cls, const char *verb)
{
	json_t *x, *ch;
	size_t i, k;
	json_array_foreach(list, i, x)
	{
		buf_printf(B, "<li class=\"%s\">%s ", cls, verb);
		pg_esc(c, jstr(x, "code"));
		buf_puts(B, ":");
		json_array_foreach(json_object_get(x, "changes"), k, ch)
		{
			char label[48];
			change_span(c, field_vi(jstr(ch, "field"), label, sizeof label),
			            jstr(ch, "old"), jstr(ch, "new"));
		}
		buf_puts(B, "</li>");
	}
}

#define DIFF_OPEN_MAX 12 /* changes listed open; more are folded */

static void diff_list(struct ctx *c, json_t *diff, bool has_plan)
{
	json_t *changed = json_object_get(diff, "changed"),
	       *groups = json_object_get(diff, "groups"), *tasks = json_object_get(diff, "tasks"),
	       *ta = json_object_get(tasks, "added"), *tr = json_object_get(tasks, "removed"),
	       *tc = json_object_get(tasks, "changed"), *x;
	size_t i;
	buf_puts(B, "<section class=\"diff\"><h2>So với kế hoạch đang dùng</h2>");
	if (!has_plan) {
		buf_puts(
		        B,
		        "<p>Đơn vị chưa có kế hoạch: lưu sẽ tạo phiên bản đầu tiên.</p></section>");
		return;
	}
	buf_printf(B, "<p>Thêm %zu, bỏ %zu, đổi %zu chỉ tiêu",
	           json_array_size(json_object_get(diff, "added")),
	           json_array_size(json_object_get(diff, "removed")), json_array_size(changed));
	if (json_array_size(groups))
		buf_printf(B, "; đổi tên %zu nhóm", json_array_size(groups));
	size_t nt = json_array_size(ta) + json_array_size(tr) + json_array_size(tc);
	if (nt)
		buf_printf(B, "; thêm %zu, bỏ %zu, đổi %zu nhiệm vụ", json_array_size(ta),
		           json_array_size(tr), json_array_size(tc));
	buf_puts(B, ".</p>");
	/* A long list (another plan's file, say) folded, the draft's table below
	 * it within reach. */
	size_t items = json_array_size(json_object_get(diff, "added")) +
	               json_array_size(json_object_get(diff, "removed")) +
	               json_array_size(changed) + json_array_size(groups) + nt;
	if (items > DIFF_OPEN_MAX)
		buf_printf(B, "<details><summary>Xem %zu thay đổi</summary>", items);
	buf_puts(B, "<ul>");
	code_items(c, json_object_get(diff, "added"), "added", "Thêm");
	code_items(c, json_object_get(diff, "removed"), "removed", "Bỏ");
	changed_items(c, changed, "changed", "Đổi");
	json_array_foreach(groups, i, x)
	{
		buf_puts(B, "<li class=\"changed group\">Nhóm ");
		pg_esc(c, jstr(x, "code"));
		buf_puts(B, ":");
		change_span(c, "tên", jstr(x, "old"), jstr(x, "new"));
		buf_puts(B, "</li>");
	}
	code_items(c, ta, "added task", "Thêm nhiệm vụ");
	code_items(c, tr, "removed task", "Bỏ nhiệm vụ");
	changed_items(c, tc, "changed task", "Đổi nhiệm vụ");
	buf_puts(B, items > DIFF_OPEN_MAX ? "</ul></details></section>" : "</ul></section>");
}

/* What saving would renumber, replace or drop, with the figures at stake. */
static void mapping_list(struct ctx *c, json_t *diff, bool ask)
{
	json_t *x;
	size_t i, shown = 0, moved = 0;
	json_array_foreach(json_object_get(diff, "mapping"), i, x)
	{
		const char *m = jstr(x, "match");
		moved += m && strcmp(m, "same") && strcmp(m, "new");
	}
	json_array_foreach(json_object_get(diff, "mapping"), i, x)
	{
		const char *m = jstr(x, "match");
		if (!m || !strcmp(m, "same") || !strcmp(m, "new"))
			continue;
		if (!shown++)
			buf_printf(B,
			           "<section class=\"mapping%s\"><h2>Chỉ tiêu đổi mã, bị thay hoặc "
			           "bị bỏ</h2><details%s><summary>%zu chỉ tiêu, với số liệu đã "
			           "nhập của từng chỉ tiêu</summary><ul>",
			           ask ? " ask" : "", ask || moved <= DIFF_OPEN_MAX ? " open" : "",
			           moved);
		buf_puts(B, "<li>");
		pg_esc(c, jstr(x, "old_code") ? jstr(x, "old_code") : "(mới)");
		buf_puts(B, " → ");
		pg_esc(c, jstr(x, "new_code") ? jstr(x, "new_code") : "(bỏ)");
		buf_puts(B, ": ");
		pg_esc(c, jstr(x, "label"));
		if (jstr(x, "old_code"))
			buf_printf(B, "; %lld số liệu đã nhập",
			           (long long)json_integer_value(json_object_get(x, "figures")));
		if (jstr(x, "old_name")) {
			buf_puts(B, " <small>(");
			pg_esc(c, jstr(x, "old_name"));
			buf_puts(B, ")</small>");
		}
		buf_puts(B, "</li>");
	}
	if (shown)
		buf_puts(B, "</ul></details></section>");
	json_t *tm = json_object_get(diff, "task_mapping");
	if (!json_array_size(tm))
		return;
	buf_printf(B,
	           "<section class=\"mapping tasks%s\"><h2>Nhiệm vụ đã có báo cáo tiến độ bị đổi "
	           "mã, bị thay hoặc bị bỏ</h2><ul>",
	           ask ? " ask" : "");
	json_array_foreach(tm, i, x)
	{
		buf_puts(B, "<li>");
		pg_esc(c, jstr(x, "old_code"));
		buf_puts(B, " → ");
		pg_esc(c, jstr(x, "new_code") ? jstr(x, "new_code") : "(bỏ)");
		buf_puts(B, ": ");
		pg_esc(c, jstr(x, "label"));
		buf_printf(B, "; %lld báo cáo tiến độ <small>(",
		           (long long)json_integer_value(json_object_get(x, "progress")));
		pg_esc(c, jstr(x, "old_title"));
		buf_puts(B, ")</small></li>");
	}
	buf_puts(B, "</ul></section>");
}

/* The task cells to check (task_flags: every field a cell of the tasks'
 * table). */
static size_t count_task_flags(json_t *tflags)
{
	size_t n = 0;
	const char *k;
	json_t *cells;
	json_object_foreach(tflags, k, cells)
	{
		n += json_object_size(cells);
	}
	return n;
}

/* A task's cells in the page's tasks' table, in their order. */
static const char *const task_cells[] = {"code", "group",        "title",
                                         "lead", "implementers", "timeframe"};

/* One task's row of the tasks' table (r->x NULL: the row to add), its
 * cells fields of the form as an indicator's are ("task.lead.3"). */
static void task_row(struct ctx *c, const struct row_view *r)
{
	static const int size[] = {5, 3, 0, 12, 12, 10};
	buf_puts(B, r->x ? "<tr>" : "<tr class=\"new\">");
	for (size_t f = 0; f < sizeof task_cells / sizeof task_cells[0]; f++)
		text_cell(c, r, task_cells[f], size[f]);
	if (r->x)
		buf_printf(B,
		           "<td><label class=\"inline\"><input type=\"checkbox\" "
		           "name=\"del.task.%zu\" value=\"1\">bỏ</label></td></tr>",
		           r->i);
	else
		buf_puts(B, "<td>thêm</td></tr>");
}

/* The tasks read, to correct as the indicators are; a cell to check
 * (flags: the draft's task_flags) marked as an indicator's is, the list
 * open when there is one. */
static void tasks_list(struct ctx *c, json_t *plan, json_t *flags)
{
	json_t *tasks = json_object_get(plan, "tasks"), *x;
	size_t i, nflags = count_task_flags(flags);
	buf_printf(B, "<details class=\"tasks\"%s><summary>%zu nhiệm vụ đọc được",
	           nflags ? " open" : "", json_array_size(tasks));
	if (nflags)
		buf_printf(B, "; %zu ô cần kiểm tra", nflags);
	buf_printf(B,
	           "</summary><input type=\"hidden\" name=\"tn\" value=\"%zu\"><div "
	           "class=\"wide\"><table class=\"draft "
	           "tasks\"><thead><tr><th>Mã</th><th>Nhóm</th><th>Nhiệm "
	           "vụ</th><th>Chủ trì</th><th>Thực hiện, phối hợp</th><th>Thời hạn</th><th></th>"
	           "</tr></thead><tbody>",
	           json_array_size(tasks));
	json_array_foreach(tasks, i, x)
	{
		char at[24];
		snprintf(at, sizeof at, "%zu", i);
		task_row(c, &(struct row_view){i, x, NULL, json_object_get(flags, at), "task."});
	}
	task_row(c, &(struct row_view){ROW_NEW, NULL, NULL, NULL, "task."});
	buf_puts(B, "</tbody></table></div></details>");
}

/* The reader's warnings: open when few; the rows they are about (flagged,
 * how many) are also marked in the table, the others are only here. */
static void file_warnings(struct ctx *c, json_t *plan, size_t flagged)
{
	json_t *w;
	size_t i, n = json_array_size(json_object_get(plan, "warnings"));
	if (!n)
		return;
	buf_printf(B, "<details class=\"warnings\"%s><summary>%zu cảnh báo khi đọc tệp",
	           n <= 10 ? " open" : "", n);
	if (flagged)
		buf_printf(B, " (%zu hàng có cảnh báo được tô trong bảng)", flagged);
	buf_puts(B, "</summary><ul>");
	json_array_foreach(json_object_get(plan, "warnings"), i, w)
	{
		json_int_t line = json_integer_value(json_object_get(w, "line"));
		buf_puts(B, "<li>");
		if (line)
			buf_printf(B, "dòng %lld: ", (long long)line);
		pg_esc(c, jstr(w, "message"));
		buf_puts(B, "</li>");
	}
	buf_puts(B, "</ul></details>");
}

/* The name of group code in plan, or NULL. */
static const char *group_name(json_t *plan, const char *code)
{
	return jstr(by_code(json_object_get(plan, "groups"), code), "name");
}

/* A group's heading row before its indicators: its name to correct at its
 * first heading (form fields g.k, its code, and gname.k), shown after. A
 * name read from a scan with low confidence (why: group_flags) is marked
 * as an indicator's cell is, with its box "ok.gname.k". */
static void group_row(struct ctx *c, json_t *plan, const char *code, json_t *seen, size_t ncol,
                      const char *why)
{
	buf_puts(B, "<tr class=\"group\"><td class=\"src\">nhóm</td><th scope=\"rowgroup\">");
	pg_esc(c, code);
	buf_printf(B, "</th><td colspan=\"%zu\"", ncol - 2);
	const char *name = group_name(plan, code);
	if (json_object_get(seen, code)) {
		buf_puts(B, ">");
		pg_esc(c, name);
	} else {
		size_t k = json_object_size(seen);
		json_object_set_new(seen, code, json_true());
		if (why) {
			buf_puts(B, " class=\"lowconf\" title=\"Đọc với độ tin cậy thấp, cần kiểm "
			            "tra: ");
			pg_esc(c, why);
			buf_puts(B, "\"");
		}
		buf_printf(B, "><input type=\"hidden\" name=\"g.%zu\" value=\"", k);
		pg_esc(c, code);
		buf_printf(B, "\"><input name=\"gname.%zu\" class=\"gname\" aria-label=\"Tên nhóm ",
		           k);
		pg_esc(c, code);
		buf_puts(B, "\" value=\"");
		pg_esc(c, name);
		buf_puts(B, "\">");
		if (why)
			buf_printf(
			        B,
			        "<small class=\"lowconf\">Đọc kém, cần kiểm tra <label "
			        "class=\"inline\"><input type=\"checkbox\" name=\"ok.gname.%zu\" "
			        "value=\"1\">đúng</label></small>",
			        k);
	}
	buf_puts(B, "</td></tr>");
}

/* The cells to check of the shown fields, over all rows, and the group
 * names to check (gflags) of the groups shown (those of some row). */
static size_t count_flags(json_t *flags, json_t *gflags, json_t *inds, const int *years, size_t ny)
{
	size_t n = 0, i;
	const char *g;
	json_t *m, *x;
	json_object_foreach(gflags, g, m)
	{
		json_array_foreach(inds, i, x)
		{
			const char *xg = jstr(x, "group");
			if (xg && !strcmp(xg, g)) {
				n++;
				break;
			}
		}
	}
	const char *code, *f;
	json_t *cells;
	json_object_foreach(flags, code, cells)
	{
		json_object_foreach(cells, f, m)
		{
			n += shown(f, years, ny);
		}
	}
	return n;
}

static void draft_table(struct ctx *c, json_t *d, const int *years, size_t ny)
{
	json_t *plan = json_object_get(d, "plan"), *read = json_object_get(d, "parsed"),
	       *flags = json_object_get(d, "cell_flags"),
	       *gflags = json_object_get(d, "group_flags"),
	       *inds = json_object_get(plan, "indicators"), *x;
	size_t nflags = count_flags(flags, gflags, inds, years, ny) +
	                count_task_flags(json_object_get(d, "task_flags")),
	       ncol = 8 + ny;
	if (nflags)
		buf_printf(
		        B,
		        "<p class=\"warn\" id=\"lowconf-count\" data-n=\"%zu\"><strong>%zu ô cần "
		        "kiểm tra</strong>: các ô <span class=\"lowconf-key\">viền cam</span> đọc "
		        "từ bản quét với độ tin cậy thấp. Hãy đối chiếu với bản giấy, sửa ô sai "
		        "hoặc đánh dấu «đúng»; ô đã sửa không còn phải kiểm tra.</p>",
		        nflags, nflags);
	buf_printf(B, "<input type=\"hidden\" name=\"n\" value=\"%zu\">", json_array_size(inds));
	buf_puts(B, "<div class=\"wide\"><table class=\"draft\"><thead><tr><th>Trong văn bản</th>"
	            "<th>Mã</th><th>Nhóm</th><th>Chỉ tiêu</th><th>Đơn vị tính</th>");
	for (size_t y = 0; y < ny; y++)
		buf_printf(B, "<th>Năm %d</th>", years[y]);
	buf_puts(B, "<th>Chủ trì</th><th>Theo dõi</th><th></th></tr></thead><tbody>");
	json_t *seen = json_object();
	const char *prev = NULL;
	size_t i;
	json_array_foreach(inds, i, x)
	{
		const char *g = jstr(x, "group"), *code = jstr(x, "code");
		if (g && (!prev || strcmp(prev, g)))
			group_row(c, plan, g, seen, ncol, jstr(gflags, g));
		prev = g;
		struct row_view r = {i, x, by_code(json_object_get(read, "indicators"), code),
		                     json_object_get(flags, code ? code : ""), NULL};
		draft_row(c, &r, json_object_get(d, "row_warnings"), years, ny);
	}
	json_decref(seen);
	draft_row(c, &(struct row_view){ROW_NEW, NULL, NULL, NULL, NULL}, NULL, years, ny);
	buf_puts(B, "</tbody></table></div>");
}

static void show_draft(struct ctx *c, const struct unit_rec *u, int64_t id, const char *msg,
                       bool error, bool ask)
{
	struct error err = {0};
	json_t *d = pd_draft_json(c, u, id, &err), *diff = d ? pd_diff(c, u, id, &err) : NULL;
	if (!d || !diff) {
		c->rs->status = 404;
		home(c, u, err.msg ? err.msg : "Không có bản nháp này");
		json_decref(d);
		err_clear(&err);
		return;
	}
	json_t *plan = json_object_get(d, "plan");
	pg_head(c, "Kiểm tra kế hoạch", u->code);
	buf_puts(B, "<h1>Kiểm tra kế hoạch đọc từ tệp ");
	pg_esc(c, jstr(d, "filename"));
	buf_puts(B, "</h1><p>");
	pg_esc(c, jstr(plan, "title"));
	buf_puts(B, "</p>");
	if (msg)
		notice(c, error ? "error" : "ok", msg);
	diff_list(c, diff, json_is_true(json_object_get(diff, "has_plan")));
	bool confirm = json_is_true(json_object_get(diff, "confirm"));
	mapping_list(c, diff, ask);
	file_warnings(c, plan, json_object_size(json_object_get(d, "row_warnings")));
	int years[PLAN_MAX_MILESTONES * 4];
	size_t ny = years_of(plan, years, sizeof years / sizeof years[0]);
	/* data-api: where the script saves each cell as it is left */
	buf_puts(B, "<form method=\"post\" class=\"draft-form\" data-api=\"/api/v1/units/");
	pg_esc(c, u->code);
	buf_printf(B,
	           "/plan/drafts/%lld\"><input type=\"hidden\" "
	           "name=\"csrf\" value=\"%s\"><input type=\"hidden\" name=\"draft\" "
	           "value=\"%lld\"><input type=\"hidden\" name=\"made\" value=\"",
	           (long long)id, c->sess.csrf, (long long)id);
	pg_esc(c, jstr(d, "created_at"));
	buf_puts(B, "\"><input type=\"hidden\" name=\"tasks_seen\" value=\"");
	pg_esc(c, jstr(d, "tasks_seen"));
	buf_puts(B, "\">");
	draft_table(c, d, years, ny);
	tasks_list(c, plan, json_object_get(d, "task_flags"));
	if (confirm)
		buf_puts(
		        B,
		        "<p class=\"warn\"><label class=\"inline\"><input type=\"checkbox\" "
		        "name=\"confirm\" value=\"1\">Tôi đã xem các chỉ tiêu, nhiệm vụ đổi mã, bị "
		        "thay hoặc bị bỏ ở trên; vẫn lưu.</label></p>");
	buf_puts(B,
	         "<p class=\"inline\"><button name=\"action\" value=\"save\">Lưu bản nháp</button>"
	         "<button name=\"action\" value=\"publish\">Lưu thành kế hoạch mới</button>"
	         "<button name=\"action\" value=\"discard\">Bỏ bản nháp</button></p></form>");
	buf_printf(B, "<p><small>Bản nháp giữ đến ");
	pg_time(c, jstr(d, "expires_at"));
	buf_puts(B, ".</small></p>");
	pg_foot(c);
	json_decref(diff);
	json_decref(d);
}

/* ---- what was posted ------------------------------------------------------------------------- */

/* The cell field of row i (or of the added row) of the table ns says
 * (cell_name) as posted, or NULL. */
static char *posted(struct ctx *c, const char *ns, size_t i, const char *field)
{
	char key[80];
	cell_name(key, sizeof key, ns, i, field);
	return ctx_form(c, key);
}

/* The cell name posted for row i (or the added row) of the table ns says,
 * into e as key ("" clears a cell; an added row leaves empty cells out). */
static void posted_into(struct ctx *c, const char *ns, size_t i, const char *name, json_t *e,
                        const char *key)
{
	char *v = posted(c, ns, i, name);
	if (v && (*v || i != ROW_NEW)) /* json_string: NULL when not UTF-8, left as it was */
		json_object_set_new(e, key, json_string(v));
	free(v);
}

/* The cells posted for row i (or the added row) as an edit of
 * draft_edit's: its texts and its targets by year ("" clears a cell; an
 * added row leaves empty cells out). */
static json_t *posted_row(struct ctx *c, size_t i, const int *years, size_t ny)
{
	static const char *const fields[] = {"code", "group", "name", "unit", "lead", "monitor"};
	json_t *e = json_object(), *ts = json_object();
	for (size_t f = 0; f < sizeof fields / sizeof fields[0]; f++)
		posted_into(c, NULL, i, fields[f], e, fields[f]);
	for (size_t y = 0; y < ny; y++) {
		char tf[16], yk[16];
		snprintf(tf, sizeof tf, "t.%d", years[y]);
		snprintf(yk, sizeof yk, "%d", years[y]);
		posted_into(c, NULL, i, tf, ts, yk);
	}
	json_object_set_new(e, "targets", ts);
	return e;
}

/* The cells posted for task i (or the added task) of the tasks' table:
 * an edit of draft_edit's "tasks" (without its "at") or "add_tasks". */
static json_t *posted_task(struct ctx *c, size_t i)
{
	json_t *e = json_object();
	for (size_t f = 0; f < sizeof task_cells / sizeof task_cells[0]; f++)
		posted_into(c, "task.", i, task_cells[f], e, task_cells[f]);
	return e;
}

/* Of row i (of the table ns says), the flagged cells the clerk said are
 * right ("ok." boxes). */
static json_t *posted_checked(struct ctx *c, const char *ns, size_t i, json_t *flags)
{
	json_t *list = json_array(), *m;
	const char *f;
	json_object_foreach(flags, f, m)
	{
		char key[84] = "ok.";
		cell_name(key + 3, sizeof key - 3, ns, i, f);
		char *v = ctx_form(c, key);
		if (v)
			json_array_append_new(list, json_string(f));
		free(v);
	}
	return list;
}

/* The groups renamed ("g.k" its code, "gname.k" its name) or whose name
 * the clerk said is right ("ok.gname.k"). */
static json_t *posted_groups(struct ctx *c, json_t *plan)
{
	json_t *out = json_array();
	for (size_t k = 0; k < json_array_size(json_object_get(plan, "groups")); k++) {
		char *code = posted(c, NULL, k, "g"), *name = posted(c, NULL, k, "gname"),
		     *ok = posted(c, NULL, k, "ok.gname");
		const char *was = group_name(plan, code);
		json_t *e = json_object();
		if (code && name && was && strcmp(was, name))
			json_object_set_new(e, "name", json_string(name));
		if (code && ok)
			json_object_set_new(e, "checked", json_pack("[s]", "name"));
		if (json_object_size(e)) {
			json_object_set_new(e, "code", json_string(code));
			json_array_append(out, e);
		}
		json_decref(e);
		free(code);
		free(name);
		free(ok);
	}
	return out;
}

/* The tasks' table of the form ("tn" tasks) as draft_edit's "tasks",
 * "remove_tasks" and "add_tasks", into edits; d is the draft. */
static void form_tasks(struct ctx *c, json_t *d, json_t *edits)
{
	json_t *tasks = json_array(), *rm = json_array(), *flags = json_object_get(d, "task_flags");
	char *ns = ctx_form(c, "tn");
	size_t n = ns ? strtoul(ns, NULL, 10) : 0;
	free(ns);
	if (n > json_array_size(json_object_get(json_object_get(d, "plan"), "tasks")))
		n = json_array_size(json_object_get(json_object_get(d, "plan"), "tasks"));
	for (size_t i = 0; i < n; i++) {
		char *del = posted(c, "task.", i, "del"), at[24];
		snprintf(at, sizeof at, "%zu", i);
		json_t *e = del ? NULL : posted_task(c, i),
		       *ok = del ? NULL : posted_checked(c, "task.", i, json_object_get(flags, at));
		if (del)
			json_array_append_new(rm, json_integer((json_int_t)i));
		if (json_array_size(ok))
			json_object_set(e, "checked", ok);
		if (json_object_size(e)) {
			json_object_set_new(e, "at", json_integer((json_int_t)i));
			json_array_append(tasks, e);
		}
		json_decref(e);
		json_decref(ok);
		free(del);
	}
	json_t *e = posted_task(c, ROW_NEW);
	/* refused with a sentence when some cell is given but not all it needs */
	json_object_set_new(edits, "add_tasks",
	                    json_object_size(e) ? json_pack("[O]", e) : json_array());
	json_decref(e);
	json_object_set_new(edits, "tasks", tasks);
	json_object_set_new(edits, "remove_tasks", rm);
	char *seen = ctx_form(c, "tasks_seen");
	if (seen && *seen)
		json_object_set_new(edits, "tasks_seen", json_string(seen));
	free(seen);
}

/* The form's cells as draft_edit's edits; d is the draft (pd_draft_json). */
static json_t *form_edits(struct ctx *c, json_t *d)
{
	json_t *plan = json_object_get(d, "plan"), *rows = json_array(), *rm = json_array(),
	       *add = json_array();
	int years[PLAN_MAX_MILESTONES * 4];
	size_t ny = years_of(plan, years, sizeof years / sizeof years[0]);
	char *ns = ctx_form(c, "n");
	size_t n = ns ? strtoul(ns, NULL, 10) : 0;
	free(ns);
	if (n > DRAFT_MAX_ROWS)
		n = DRAFT_MAX_ROWS;
	for (size_t i = 0; i < n; i++) {
		char *key = posted(c, NULL, i, "k"), *del = posted(c, NULL, i, "del");
		json_t *k = key ? json_string(key) : NULL;
		free(key);
		if (k && del) {
			json_array_append_new(rm, k);
		} else if (k) {
			json_t *e = posted_row(c, i, years, ny);
			const char *code = jstr(e, "code");
			if (code && strcmp(code, json_string_value(k)))
				json_object_set(e, "code_new", json_object_get(e, "code"));
			json_object_set_new(e, "code", k);
			json_object_set_new(
			        e, "checked",
			        posted_checked(c, NULL, i,
			                       json_object_get(json_object_get(d, "cell_flags"),
			                                       json_string_value(k))));
			json_array_append_new(rows, e);
		}
		free(del);
	}
	json_t *e = posted_row(c, ROW_NEW, years, ny);
	if (jstr(e, "code") && jstr(e, "name"))
		json_array_append(add, e);
	json_decref(e);
	json_t *out = json_pack("{sosososo}", "rows", rows, "remove", rm, "add", add, "groups",
	                        posted_groups(c, plan));
	form_tasks(c, d, out);
	return out;
}

static void post_draft(struct ctx *c, const struct unit_rec *u)
{
	char *ds = ctx_form(c, "draft"), *action = ctx_form(c, "action"),
	     *confirm = ctx_form(c, "confirm");
	struct error err = {0};
	int64_t id = ds ? strtoll(ds, NULL, 10) : 0;
	json_t *d = id > 0 ? pd_draft_json(c, u, id, &err) : NULL;
	if (!d) {
		c->rs->status = 404;
		home(c, u, err.msg ? err.msg : "Không có bản nháp này");
		goto out;
	}
	/* A form of a draft since published or let go, whose number a newer
	 * upload took (SQLite gives a freed number again): not applied to it. */
	char *made = ctx_form(c, "made");
	bool stale = made && strcmp(made, jstr(d, "created_at") ? jstr(d, "created_at") : "");
	free(made);
	if (stale) {
		c->rs->status = 409;
		show_draft(c, u, id,
		           "Bản nháp trong cửa sổ này đã được lưu hoặc bỏ, đây là bản nháp của một "
		           "lần tải lên sau: xin xem lại rồi sửa trên trang này; chưa lưu gì.",
		           true, false);
		goto out;
	}
	if (action && !strcmp(action, "discard")) {
		store_draft_delete(c->s, u->id, id, &err);
		char *to = xasprintf("/don-vi/%s/ke-hoach", u->code);
		pg_redirect(c, to);
		free(to);
		goto out;
	}
	json_t *edits = form_edits(c, d);
	int rc = pd_edit(c, u, id, edits, &err);
	json_decref(edits);
	if (rc) {
		c->rs->status = pg_form_status(err_name(err.code));
		show_draft(c, u, id, sentence(&err), true, false);
		goto out;
	}
	if (!action || strcmp(action, "publish")) {
		to_draft(c, u->code, id, "&saved=1");
		goto out;
	}
	struct import_report rep = {0};
	if (pd_publish(c, u, id, confirm != NULL, &rep, &err)) {
		bool ask = err.code == ERR_CONFIRM;
		c->rs->status = ask ? 409 : pg_form_status("E_INPUT");
		show_draft(c, u, id, sentence(&err), true, ask);
	} else {
		char *to = xasprintf("/don-vi/%s/ke-hoach?published=%d", u->code, rep.version);
		pg_redirect(c, to);
		free(to);
	}
	import_report_free(&rep);
out:
	json_decref(d);
	free(ds);
	free(action);
	free(confirm);
	err_clear(&err);
}

static void post_upload(struct ctx *c, const struct unit_rec *u)
{
	char id[UPLOAD_ID_MAX];
	struct error err = {0};
	if (pd_start(c, u, id, &err)) {
		c->rs->status = app_error_status(&err);
		home(c, u, sentence(&err));
		err_clear(&err);
		return;
	}
	pd_wait(c, id, 2500);
	show_job(c, u, id);
	if (c->rs->status == 0 || c->rs->status == 200) { /* still reading: a page to poll */
		char *to = xasprintf("/don-vi/%s/ke-hoach?job=%s", u->code, id);
		pg_redirect(c, to);
		free(to);
	}
}

void page_upload(struct ctx *c, char *const *arg)
{
	struct unit_rec u = {0};
	struct error err = {0};
	if (store_unit_get(c->s, arg[0], &u, &err)) {
		pg_plain(c, 404, "Không có đơn vị", "Không có đơn vị này.");
		err_clear(&err);
		return;
	}
	const char *ct = c->rq->content_type;
	if (!strcmp(c->rq->method, "POST")) {
		if (ct && !strncasecmp(ct, "multipart/form-data", 19))
			post_upload(c, &u);
		else
			post_draft(c, &u);
		unit_rec_free(&u);
		return;
	}
	char *job = ctx_query(c, "job"), *draft = ctx_query(c, "draft"),
	     *saved = ctx_query(c, "saved"), *published = ctx_query(c, "published");
	if (job) {
		show_job(c, &u, job);
	} else if (draft) {
		show_draft(c, &u, strtoll(draft, NULL, 10), saved ? "Đã lưu bản nháp." : NULL,
		           false, false);
	} else if (published) {
		char *msg =
		        xasprintf("Đã lưu kế hoạch thành phiên bản %ld; số liệu đã nhập được giữ "
		                  "theo chỉ tiêu.",
		                  strtol(published, NULL, 10));
		pg_head(c, "Kế hoạch", u.code);
		buf_puts(B, "<h1>Kế hoạch</h1>");
		notice(c, "ok", msg);
		buf_puts(B, "<p><a href=\"/don-vi/");
		pg_esc(c, u.code);
		buf_puts(B, "\">Về tổng quan của đơn vị</a></p><h2>Tải một phiên bản khác</h2>");
		upload_form(c, u.code);
		pg_foot(c);
		free(msg);
	} else {
		home(c, &u, NULL);
	}
	free(job);
	free(draft);
	free(saved);
	free(published);
	unit_rec_free(&u);
}
