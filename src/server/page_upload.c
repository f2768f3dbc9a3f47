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
	           "\"><label>Tệp kế hoạch (DOCX, PDF, bản quét PDF, XLSX, HTML, văn bản; tối đa "
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
	buf_printf(B,
	           "</p><progress id=\"upload-bar\" max=\"%d\" value=\"%d\"></progress>"
	           "<p>Bản quét cần chừng 3 giây mỗi trang. Trang này tự chuyển khi đọc xong; "
	           "có thể <a href=\"?job=",
	           st->pages ? st->pages : 1, st->page);
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
	if (page)
		buf_printf(B, "trang %lld, ", (long long)page);
	if (table)
		buf_printf(B, "bảng %lld, hàng %lld", (long long)table, (long long)row);
	else if (json_array_size(lines))
		buf_printf(B, "dòng %lld", (long long)json_integer_value(json_array_get(lines, 0)));
}

static json_t *find_ind(json_t *plan, const char *code)
{
	json_t *x;
	size_t i;
	json_array_foreach(json_object_get(plan, "indicators"), i, x)
	{
		const char *k = jstr(x, "code");
		if (k && code && !strcmp(k, code))
			return x;
	}
	return NULL;
}

static void input(struct ctx *c, const char *name, const char *cls, const char *value, int size)
{
	buf_printf(B, "<input name=\"%s\" class=\"%s\" size=\"%d\" value=\"", name, cls, size);
	pg_esc(c, value ? value : "");
	buf_puts(B, "\">");
}

/* As read from the document, when the correction differs. */
static void as_read(struct ctx *c, const char *now, const char *then)
{
	if (!then || (now && !strcmp(now, then)))
		return;
	buf_puts(B, "<small class=\"read\">trong tệp: ");
	pg_esc(c, then);
	buf_puts(B, "</small>");
}

static void target_cell(struct ctx *c, size_t i, int year, json_t *t, json_t *read_t)
{
	char name[48];
	snprintf(name, sizeof name, "t.%zu.%d", i, year);
	buf_puts(B, "<td>");
	input(c, name, "target", jstr(t, "text"), 9);
	buf_printf(B, "<small class=\"tk\" data-kind=\"%s\">", t ? jstr(t, "kind") : "none");
	target_vi(c, t);
	buf_puts(B, "</small>");
	as_read(c, jstr(t, "text"), jstr(read_t, "text"));
	buf_puts(B, "</td>");
}

static void draft_row(struct ctx *c, size_t i, json_t *x, json_t *read, json_t *warns,
                      const int *years, size_t ny)
{
	const char *code = jstr(x, "code");
	json_t *w = json_object_get(warns, code ? code : "");
	buf_printf(B, "<tr%s><td class=\"src\">", w ? " class=\"flag\"" : "");
	where(c, x);
	size_t k;
	json_t *m;
	json_array_foreach(w, k, m)
	{
		buf_puts(B, "<small class=\"warn\">");
		pg_esc(c, json_string_value(m));
		buf_puts(B, "</small>");
	}
	char name[32];
	buf_printf(B, "<input type=\"hidden\" name=\"k.%zu\" value=\"", i);
	pg_esc(c, code);
	buf_puts(B, "\"></td><td>");
	snprintf(name, sizeof name, "code.%zu", i);
	input(c, name, "code", code, 5);
	buf_puts(B, "</td><td>");
	snprintf(name, sizeof name, "group.%zu", i);
	input(c, name, "group", jstr(x, "group"), 3);
	buf_puts(B, "</td><td>");
	snprintf(name, sizeof name, "name.%zu", i);
	buf_printf(B, "<textarea name=\"%s\" class=\"name\" rows=\"2\">", name);
	pg_esc(c, jstr(x, "name"));
	buf_puts(B, "</textarea>");
	as_read(c, jstr(x, "name"), jstr(read, "name"));
	buf_puts(B, "</td><td>");
	snprintf(name, sizeof name, "unit.%zu", i);
	input(c, name, "unit", jstr(x, "unit"), 6);
	as_read(c, jstr(x, "unit"), jstr(read, "unit"));
	buf_puts(B, "</td>");
	json_t *ts = json_object_get(x, "targets"), *rts = json_object_get(read, "targets");
	for (size_t y = 0; y < ny; y++) {
		char key[16];
		snprintf(key, sizeof key, "%d", years[y]);
		target_cell(c, i, years[y], json_object_get(ts, key), json_object_get(rts, key));
	}
	buf_puts(B, "<td>");
	snprintf(name, sizeof name, "lead.%zu", i);
	input(c, name, "lead", jstr(x, "lead"), 12);
	as_read(c, jstr(x, "lead"), jstr(read, "lead"));
	buf_printf(B,
	           "</td><td><label class=\"inline\"><input type=\"checkbox\" name=\"del.%zu\" "
	           "value=\"1\">bỏ</label></td></tr>",
	           i);
}

static void new_row(struct ctx *c, const int *years, size_t ny)
{
	buf_puts(B, "<tr class=\"new\"><td class=\"src\">dòng thêm</td><td>");
	input(c, "new.code", "code", "", 5);
	buf_puts(B, "</td><td>");
	input(c, "new.group", "group", "", 3);
	buf_puts(B, "</td><td><textarea name=\"new.name\" class=\"name\" rows=\"2\"></textarea>"
	            "</td><td>");
	input(c, "new.unit", "unit", "", 6);
	buf_puts(B, "</td>");
	for (size_t y = 0; y < ny; y++) {
		char name[32];
		snprintf(name, sizeof name, "new.t.%d", years[y]);
		buf_puts(B, "<td>");
		input(c, name, "target", "", 9);
		buf_puts(B, "<small class=\"tk\"></small></td>");
	}
	buf_puts(B, "<td>");
	input(c, "new.lead", "lead", "", 12);
	buf_puts(B, "</td><td></td></tr>");
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

static void diff_list(struct ctx *c, json_t *diff, bool has_plan)
{
	json_t *added = json_object_get(diff, "added"), *removed = json_object_get(diff, "removed"),
	       *changed = json_object_get(diff, "changed"), *x;
	size_t i, k;
	buf_puts(B, "<section class=\"diff\"><h2>So với kế hoạch đang dùng</h2>");
	if (!has_plan) {
		buf_puts(
		        B,
		        "<p>Đơn vị chưa có kế hoạch: lưu sẽ tạo phiên bản đầu tiên.</p></section>");
		return;
	}
	buf_printf(B, "<p>Thêm %zu, bỏ %zu, đổi %zu chỉ tiêu.</p><ul>", json_array_size(added),
	           json_array_size(removed), json_array_size(changed));
	json_array_foreach(added, i, x)
	{
		buf_puts(B, "<li class=\"added\">Thêm ");
		pg_esc(c, jstr(x, "code"));
		buf_puts(B, ": ");
		pg_esc(c, jstr(x, "name"));
		buf_puts(B, "</li>");
	}
	json_array_foreach(removed, i, x)
	{
		buf_puts(B, "<li class=\"removed\">Bỏ ");
		pg_esc(c, jstr(x, "code"));
		buf_puts(B, ": ");
		pg_esc(c, jstr(x, "name"));
		buf_puts(B, "</li>");
	}
	json_array_foreach(changed, i, x)
	{
		buf_puts(B, "<li class=\"changed\">Đổi ");
		pg_esc(c, jstr(x, "code"));
		buf_puts(B, ":");
		json_t *ch;
		json_array_foreach(json_object_get(x, "changes"), k, ch)
		{
			const char *f = jstr(ch, "field");
			static const char *const fv[][2] = {{"name", "tên"},
			                                    {"unit", "đơn vị tính"},
			                                    {"group", "nhóm"},
			                                    {"lead", "chủ trì"}};
			const char *label = f;
			for (size_t j = 0; j < sizeof fv / sizeof fv[0]; j++)
				if (f && !strcmp(f, fv[j][0]))
					label = fv[j][1];
			buf_puts(B, " <span class=\"change\">");
			if (f && !strncmp(f, "target ", 7))
				buf_printf(B, "chỉ tiêu năm %s", f + 7);
			else
				pg_esc(c, label);
			buf_puts(B, " «");
			pg_esc(c, jstr(ch, "old") ? jstr(ch, "old") : "–");
			buf_puts(B, "» → «");
			pg_esc(c, jstr(ch, "new") ? jstr(ch, "new") : "–");
			buf_puts(B, "»</span>");
		}
		buf_puts(B, "</li>");
	}
	buf_puts(B, "</ul></section>");
}

/* What saving would renumber, replace or drop, with the figures at stake. */
static void mapping_list(struct ctx *c, json_t *diff, bool ask)
{
	json_t *x;
	size_t i, shown = 0;
	json_array_foreach(json_object_get(diff, "mapping"), i, x)
	{
		const char *m = jstr(x, "match");
		if (!m || !strcmp(m, "same") || !strcmp(m, "new"))
			continue;
		if (!shown++)
			buf_printf(B,
			           "<section class=\"mapping%s\"><h2>Chỉ tiêu đổi mã, bị thay hoặc "
			           "bị bỏ</h2><ul>",
			           ask ? " ask" : "");
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
		buf_puts(B, "</ul></section>");
}

static void tasks_list(struct ctx *c, json_t *plan)
{
	json_t *tasks = json_object_get(plan, "tasks"), *x;
	size_t i;
	buf_printf(B,
	           "<details><summary>%zu nhiệm vụ đọc được</summary><table><thead><tr><th>Mã"
	           "</th><th>Nhiệm vụ</th><th>Chủ trì</th><th>Thời hạn</th></tr></thead><tbody>",
	           json_array_size(tasks));
	json_array_foreach(tasks, i, x)
	{
		buf_puts(B, "<tr><td>");
		pg_esc(c, jstr(x, "code"));
		buf_puts(B, "</td><td>");
		pg_esc(c, jstr(x, "title"));
		buf_puts(B, "</td><td>");
		pg_esc(c, jstr(x, "lead"));
		buf_puts(B, "</td><td>");
		pg_esc(c, jstr(x, "timeframe"));
		buf_puts(B, "</td></tr>");
	}
	buf_puts(B, "</tbody></table></details>");
}

static void file_warnings(struct ctx *c, json_t *plan)
{
	json_t *w;
	size_t i, n = json_array_size(json_object_get(plan, "warnings"));
	if (!n)
		return;
	buf_printf(B,
	           "<details class=\"warnings\"><summary>%zu cảnh báo khi đọc tệp (các dòng "
	           "được tô cần xem lại)</summary><ul>",
	           n);
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
	json_t *plan = json_object_get(d, "plan"), *read = json_object_get(d, "parsed"),
	       *warns = json_object_get(d, "row_warnings");
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
	file_warnings(c, plan);
	int years[PLAN_MAX_MILESTONES * 4];
	size_t ny = years_of(plan, years, sizeof years / sizeof years[0]);
	buf_printf(B,
	           "<form method=\"post\" class=\"draft-form\"><input type=\"hidden\" "
	           "name=\"csrf\" value=\"%s\"><input type=\"hidden\" name=\"draft\" "
	           "value=\"%lld\">",
	           c->sess.csrf, (long long)id);
	json_t *inds = json_object_get(plan, "indicators"), *x;
	buf_printf(B, "<input type=\"hidden\" name=\"n\" value=\"%zu\">", json_array_size(inds));
	buf_puts(B, "<div class=\"wide\"><table class=\"draft\"><thead><tr><th>Trong văn bản</th>"
	            "<th>Mã</th><th>Nhóm</th><th>Chỉ tiêu</th><th>Đơn vị tính</th>");
	for (size_t y = 0; y < ny; y++)
		buf_printf(B, "<th>Năm %d</th>", years[y]);
	buf_puts(B, "<th>Chủ trì</th><th></th></tr></thead><tbody>");
	size_t i;
	json_array_foreach(inds, i, x)
	{
		draft_row(c, i, x, find_ind(read, jstr(x, "code")), warns, years, ny);
	}
	new_row(c, years, ny);
	buf_puts(B, "</tbody></table></div>");
	tasks_list(c, plan);
	if (confirm)
		buf_puts(
		        B,
		        "<p class=\"warn\"><label class=\"inline\"><input type=\"checkbox\" "
		        "name=\"confirm\" value=\"1\">Tôi đã xem các chỉ tiêu đổi mã, bị thay hoặc "
		        "bị bỏ ở trên; vẫn lưu.</label></p>");
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

/* The form field "prefix.i" as a JSON string. */
static json_t *form_text(struct ctx *c, const char *prefix, size_t i)
{
	char key[64];
	snprintf(key, sizeof key, "%s.%zu", prefix, i);
	char *v = ctx_form(c, key);
	if (!v)
		return NULL;
	json_t *s = json_string(v);
	free(v);
	return s; /* NULL when not UTF-8: left as it was */
}

/* The form's cells as draft_edit's edits. */
static json_t *form_edits(struct ctx *c, json_t *plan)
{
	json_t *rows = json_array(), *rm = json_array(), *add = json_array();
	int years[PLAN_MAX_MILESTONES * 4];
	size_t ny = years_of(plan, years, sizeof years / sizeof years[0]);
	char *ns = ctx_form(c, "n");
	size_t n = ns ? strtoul(ns, NULL, 10) : 0;
	free(ns);
	if (n > DRAFT_MAX_ROWS)
		n = DRAFT_MAX_ROWS;
	static const char *const fields[] = {"name", "unit", "group", "lead"};
	for (size_t i = 0; i < n; i++) {
		json_t *key = form_text(c, "k", i);
		if (!key)
			continue;
		char *del, dk[32];
		snprintf(dk, sizeof dk, "del.%zu", i);
		if ((del = ctx_form(c, dk))) {
			json_array_append(rm, key);
			json_decref(key);
			free(del);
			continue;
		}
		json_t *e = json_pack("{so}", "code", key), *ts = json_object();
		for (size_t f = 0; f < sizeof fields / sizeof fields[0]; f++) {
			char fk[48];
			snprintf(fk, sizeof fk, "%s.%zu", fields[f], i);
			char *v = ctx_form(c, fk);
			if (v)
				json_object_set_new(e, fields[f], json_string(v));
			free(v);
		}
		json_t *code = form_text(c, "code", i);
		if (code && strcmp(json_string_value(code), jstr(e, "code")))
			json_object_set(e, "code_new", code);
		json_decref(code);
		for (size_t y = 0; y < ny; y++) {
			char tk[48];
			snprintf(tk, sizeof tk, "t.%zu.%d", i, years[y]);
			char *v = ctx_form(c, tk);
			if (v) {
				char yk[16];
				snprintf(yk, sizeof yk, "%d", years[y]);
				json_object_set_new(ts, yk, json_string(v));
			}
			free(v);
		}
		json_object_set_new(e, "targets", ts);
		json_array_append_new(rows, e);
	}
	char *code = ctx_form(c, "new.code"), *name = ctx_form(c, "new.name");
	if (code && *code && name && *name) {
		json_t *e = json_object(), *ts = json_object();
		static const char *const nf[] = {"code", "group", "name", "unit", "lead"};
		for (size_t f = 0; f < sizeof nf / sizeof nf[0]; f++) {
			char fk[32];
			snprintf(fk, sizeof fk, "new.%s", nf[f]);
			char *v = ctx_form(c, fk);
			if (v && *v)
				json_object_set_new(e, nf[f], json_string(v));
			free(v);
		}
		for (size_t y = 0; y < ny; y++) {
			char tk[32];
			snprintf(tk, sizeof tk, "new.t.%d", years[y]);
			char *v = ctx_form(c, tk);
			if (v && *v) {
				char yk[16];
				snprintf(yk, sizeof yk, "%d", years[y]);
				json_object_set_new(ts, yk, json_string(v));
			}
			free(v);
		}
		json_object_set_new(e, "targets", ts);
		json_array_append_new(add, e);
	}
	free(code);
	free(name);
	return json_pack("{sososo}", "rows", rows, "remove", rm, "add", add);
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
	if (action && !strcmp(action, "discard")) {
		store_draft_delete(c->s, u->id, id, &err);
		char *to = xasprintf("/don-vi/%s/ke-hoach", u->code);
		pg_redirect(c, to);
		free(to);
		goto out;
	}
	json_t *edits = form_edits(c, json_object_get(d, "plan"));
	int rc = pd_edit(c, u, id, edits, &err);
	json_decref(edits);
	if (rc) {
		c->rs->status = pg_form_status("E_INPUT");
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
