/* draft.c: corrections to a plan draft and its difference from the plan
 * in force, both on the plan JSON. */
#include "draft.h"

#include "plan.h"
#include "table.h"
#include "target.h"
#include "util.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

static const char *str(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	return json_is_string(v) ? json_string_value(v) : NULL;
}

/* The plan object of a document {"plan": {...}} (or the object itself). */
static json_t *inner(json_t *doc)
{
	json_t *p = json_object_get(doc, "plan");
	return json_is_object(p) ? p : doc;
}

/* noun ("Chỉ tiêu", "Nhóm") code: what is wrong; -1. */
static int fail_on(struct error *err, const char *noun, const char *code, const char *what)
{
	err_set(err, ERR_INPUT, "%s %.40s: %s; chưa sửa gì", noun, code ? code : "?", what);
	return -1;
}

static int fail(struct error *err, const char *code, const char *what)
{
	return fail_on(err, "Chỉ tiêu", code, what);
}

static json_t *indicator(json_t *plan, const char *code, size_t *at)
{
	json_t *a = json_object_get(plan, "indicators"), *x;
	size_t i;
	json_array_foreach(a, i, x)
	{
		const char *c = str(x, "code");
		if (c && !strcmp(c, code)) {
			if (at)
				*at = i;
			return x;
		}
	}
	return NULL;
}

/* A text field of x (an indicator, or a group when noun says so) set from
 * the edit e: a string (trimmed, "" for null where nullable) of at most
 * DRAFT_MAX_TEXT bytes. */
static int set_text_of(const char *noun, json_t *x, json_t *e, const char *key, bool nullable,
                       const char *code, struct error *err)
{
	json_t *v = json_object_get(e, key);
	if (!v)
		return 0;
	if (json_is_null(v) && nullable) {
		json_object_set_new(x, key, json_null());
		return 0;
	}
	if (!json_is_string(v))
		return fail_on(err, noun, code, "giá trị phải là chữ");
	const char *s = json_string_value(v);
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	while (n && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	if (n > DRAFT_MAX_TEXT)
		return fail_on(err, noun, code, "ô quá dài");
	if (!n && !nullable)
		return fail_on(err, noun, code,
		               strcmp(key, "title") ? "không được để trống tên, mã hay nhóm"
		                                    : "không được để trống nội dung");
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 && s[i] != '\t' && s[i] != '\n')
			return fail_on(err, noun, code, "ô có ký tự điều khiển");
	json_object_set_new(x, key, n ? json_stringn(s, n) : json_null());
	return 0;
}

static int set_text(json_t *x, json_t *e, const char *key, bool nullable, const char *code,
                    struct error *err)
{
	return set_text_of("Chỉ tiêu", x, e, key, nullable, code, err);
}

/* ---- cells read with low confidence ---------------------------------------------------------- */

/* Whether warning w is about the cell field of indicator (or task) x (its
 * line within x's source lines), and not yet checked. */
static bool flags_cell(json_t *w, json_t *x, const char *field)
{
	json_t *lines = json_object_get(x, "source_lines");
	json_int_t a = json_integer_value(json_array_get(lines, 0)),
	           b = json_integer_value(json_array_get(lines, 1)),
	           line = json_integer_value(json_object_get(w, "line"));
	const char *f = str(w, "field");
	return f && strncmp(f, "group ", 6) && (!field || !strcmp(f, field)) && a > 0 &&
	       line >= a && line <= (b < a ? a : b) && !json_is_true(json_object_get(w, "checked"));
}

/* The cell field of x checked by the clerk: no longer flagged. */
static void unflag(json_t *plan, json_t *x, const char *field)
{
	json_t *w;
	size_t i;
	json_array_foreach(json_object_get(plan, "warnings"), i, w)
	{
		if (flags_cell(w, x, field))
			json_object_set_new(w, "checked", json_true());
	}
}

/* The value of field ("name", "target 2030"...) of indicator x, or NULL. */
static const char *field_value(json_t *x, const char *field)
{
	if (!strncmp(field, "target ", 7))
		return str(json_object_get(json_object_get(x, "targets"), field + 7), "text");
	return str(x, field);
}

static bool same(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

/* The flagged cells of x (an indicator, or a task when noun says so)
 * whose value the edit changed (was: x before it) are unflagged, and those
 * e lists as "checked". */
static int unflag_edited(const char *noun, json_t *plan, json_t *was, json_t *x, json_t *e,
                         const char *code, struct error *err)
{
	json_t *checked = json_object_get(e, "checked"), *w, *v;
	size_t i;
	if (checked && !json_is_array(checked))
		return fail_on(err, noun, code, "checked phải là một mảng tên ô");
	json_array_foreach(checked, i, v)
	{
		if (!json_is_string(v) || strlen(json_string_value(v)) > 40)
			return fail_on(err, noun, code, "checked phải là một mảng tên ô");
	}
	json_array_foreach(json_object_get(plan, "warnings"), i, w)
	{
		const char *f = str(w, "field");
		if (f && flags_cell(w, x, f) && !same(field_value(was, f), field_value(x, f)))
			json_object_set_new(w, "checked", json_true());
	}
	json_array_foreach(checked, i, v)
	{
		unflag(plan, x, json_string_value(v));
	}
	return 0;
}

/* The group g of plan's list ("groups", "task_groups") exists (else it is
 * added, named by its code). */
static void ensure_group(json_t *plan, const char *list, const char *g)
{
	json_t *groups = json_object_get(plan, list), *x;
	size_t i;
	json_array_foreach(groups, i, x)
	{
		const char *c = str(x, "code");
		if (c && !strcmp(c, g))
			return;
	}
	if (!json_is_array(groups)) {
		groups = json_array();
		json_object_set_new(plan, list, groups);
	}
	json_array_append_new(groups, json_pack("{ssss}", "code", g, "name", g));
}

/* Read every target text of x again with its unit; texts in e's
 * "targets" replace (or, "", remove) the year's. */
static int set_targets(json_t *x, json_t *e, const char *code, struct error *err)
{
	json_t *ts = json_object_get(x, "targets"), *et = json_object_get(e, "targets");
	if (!json_is_object(ts)) {
		ts = json_object();
		json_object_set_new(x, "targets", ts);
	}
	if (et && !json_is_object(et))
		return fail(err, code, "targets phải là một đối tượng {năm: chữ}");
	const char *year;
	json_t *v;
	json_object_foreach(et, year, v)
	{
		char *end;
		long y = strtol(year, &end, 10);
		if (*end || y < 1990 || y > 2100)
			return fail(err, code, "năm của chỉ tiêu phải từ 1990 đến 2100");
		if (!json_is_string(v) || strlen(json_string_value(v)) > DRAFT_MAX_TEXT)
			return fail(err, code, "giá trị chỉ tiêu phải là chữ, không quá dài");
	}
	json_object_foreach(et, year, v)
	{
		if (!*json_string_value(v))
			json_object_del(ts, year);
		else
			json_object_set_new(ts, year,
			                    json_pack("{ss}", "text", json_string_value(v)));
	}
	const char *unit = str(x, "unit");
	json_object_foreach(ts, year, v)
	{
		const char *text = str(v, "text");
		struct target t;
		target_parse(text ? text : "", unit, &t);
		json_object_set_new(ts, year, target_to_json(&t));
		target_free(&t);
	}
	return 0;
}

/* One row's edit e applied to x. */
static int edit_row(json_t *plan, json_t *x, json_t *e, const char *code, struct error *err)
{
	if (!json_is_object(e))
		return fail(err, code, "mỗi dòng sửa phải là một đối tượng");
	const char *nc = str(e, "code_new");
	if (nc && strcmp(nc, code) && indicator(plan, nc, NULL))
		return fail(err, code, "mã mới trùng mã một chỉ tiêu khác");
	json_t *was = json_deep_copy(x), *cn = json_object_get(e, "code_new");
	json_t *ce = cn ? json_pack("{sO}", "code", cn) : json_object();
	int rc = -1;
	if (!set_text(x, ce, "code", false, code, err) &&
	    !set_text(x, e, "name", false, code, err) && !set_text(x, e, "unit", true, code, err) &&
	    !set_text(x, e, "group", false, code, err) &&
	    !set_text(x, e, "lead", true, code, err) &&
	    !set_text(x, e, "monitor", true, code, err) && !set_targets(x, e, code, err) &&
	    !unflag_edited("Chỉ tiêu", plan, was, x, e, code, err)) {
		ensure_group(plan, "groups", str(x, "group"));
		rc = 0;
	}
	json_decref(ce);
	json_decref(was);
	return rc;
}

/* Whether warning w is about the name of group code (a cell of its heading
 * row read with low confidence, field "group CODE"), and not yet checked. */
static bool flags_group(json_t *w, const char *code)
{
	const char *f = str(w, "field");
	return f && code && !strncmp(f, "group ", 6) && !strcmp(f + 6, code) &&
	       !json_is_true(json_object_get(w, "checked"));
}

/* A group's edit {"code": C, "name": N, "checked": ["name"]}: the group
 * renamed, for all its rows; its heading's flagged cells, when the name
 * changed or "checked" names it, flagged no more. */
static int edit_group(json_t *plan, json_t *e, struct error *err)
{
	const char *code = str(e, "code");
	json_t *g, *found = NULL, *checked = json_object_get(e, "checked"), *v;
	size_t i;
	json_array_foreach(json_object_get(plan, "groups"), i, g)
	{
		const char *c = str(g, "code");
		if (c && code && !strcmp(c, code))
			found = g;
	}
	if (!json_is_object(e) || !found)
		return fail_on(err, "Nhóm", code, "không có trong bản nháp");
	if (checked && !json_is_array(checked))
		return fail_on(err, "Nhóm", code, "checked phải là một mảng tên ô ([\"name\"])");
	bool ok = false;
	json_array_foreach(checked, i, v)
	{
		if (!json_is_string(v) || strcmp(json_string_value(v), "name"))
			return fail_on(err, "Nhóm", code, "checked của nhóm chỉ nhận \"name\"");
		ok = true;
	}
	if (!json_object_get(e, "name") && !ok)
		return fail_on(err, "Nhóm", code, "cần tên mới (name)");
	char *was = str(found, "name") ? xstrdup(str(found, "name")) : NULL;
	int rc = set_text_of("Nhóm", found, e, "name", false, code, err);
	ok = ok || (!rc && !same(was, str(found, "name")));
	free(was);
	json_t *w;
	json_array_foreach(ok && !rc ? json_object_get(plan, "warnings") : NULL, i, w)
	{
		if (flags_group(w, code))
			json_object_set_new(w, "checked", json_true());
	}
	return rc;
}

/* The array o's key holds (made an empty one when it holds none). */
static json_t *list_of(json_t *o, const char *key)
{
	json_t *a = json_object_get(o, key);
	if (!json_is_array(a))
		json_object_set_new(o, key, a = json_array());
	return a;
}

/* ---- tasks, by their place in plan.tasks --------------------------------------------------- */

#define TASK "Nhiệm vụ"

/* How a task is named to the clerk: its place counted from 1, and its code. */
static void task_label(char *out, size_t n, json_t *x, size_t at)
{
	const char *code = str(x, "code");
	if (code)
		snprintf(out, n, "thứ %zu (%.24s)", at + 1, code);
	else
		snprintf(out, n, "thứ %zu", at + 1);
}

/* One task's edit e applied to x: its texts (code, group and title not
 * empty; the group added when new), its due
 * month and whether it recurs read again from a changed timeframe, its
 * flagged cells changed or "checked" flagged no more. */
static int edit_task(json_t *plan, json_t *x, json_t *e, const char *label, struct error *err)
{
	static const char *const fields[] = {"code", "group",        "title",
	                                     "lead", "implementers", "timeframe"};
	if (!json_is_object(e))
		return fail_on(err, TASK, label, "mỗi nhiệm vụ sửa phải là một đối tượng");
	json_t *was = json_deep_copy(x);
	int rc = 0;
	for (size_t f = 0; !rc && f < sizeof fields / sizeof fields[0]; f++)
		rc = set_text_of(TASK, x, e, fields[f], f > 2, label, err);
	rc = rc ? rc : unflag_edited(TASK, plan, was, x, e, label, err);
	if (!rc)
		ensure_group(plan, "task_groups", str(x, "group"));
	const char *tf = str(x, "timeframe");
	if (!rc && !same(tf, str(was, "timeframe"))) {
		int y = 0, m = 0;
		char due[16];
		if (tf && task_due(tf, &y, &m) && y)
			snprintf(due, sizeof due, "%04d-%02d", y, m);
		json_object_set_new(x, "due", y ? json_string(due) : json_null());
		json_object_set_new(x, "recurring", json_boolean(tf && task_recurring(tf)));
	}
	json_decref(was);
	return rc;
}

/* The task place v names in tasks ("at" of an edit, a member of
 * "remove_tasks"): 0 with *at, or -1 with *err. */
static int task_at(json_t *tasks, json_t *v, const char *what, size_t *at, struct error *err)
{
	char label[32];
	if (!json_is_integer(v) || json_integer_value(v) < 0) {
		err_set(err, ERR_INPUT,
		        "Nhiệm vụ: %s cần vị trí của nhiệm vụ trong plan.tasks (at: số, từ 0); "
		        "chưa sửa gì",
		        what);
		return -1;
	}
	json_int_t k = json_integer_value(v);
	if ((size_t)k >= json_array_size(tasks)) {
		snprintf(label, sizeof label, "thứ %lld", (long long)k + 1);
		return fail_on(err, TASK, label, "không có trong bản nháp");
	}
	*at = (size_t)k;
	return 0;
}

/* The tasks' edits: "tasks" [{at, fields..., checked}], then "remove_tasks"
 * [at...] and "add_tasks" [{title, ...}], places all counted in the draft
 * as it was before these edits. */
static int apply_tasks(json_t *plan, json_t *edits, struct error *err)
{
	json_t *ed = json_object_get(edits, "tasks"), *rm = json_object_get(edits, "remove_tasks"),
	       *add = json_object_get(edits, "add_tasks"), *e;
	json_t *tasks = list_of(plan, "tasks"), *seen = json_object_get(edits, "tasks_seen");
	size_t i, at;
	char label[64];
	if (seen && !json_is_string(seen)) {
		err_set(err, ERR_INPUT, "tasks_seen phải là chữ (như bản nháp đã cho); chưa sửa gì");
		return -1;
	}
	if (seen) {
		/* Places name tasks as the clerk last got them: a list changed since
		 * (a task removed or renamed in another window) would put the edits
		 * on other tasks. */
		char *now = draft_tasks_seen(plan);
		bool same = !strcmp(now, json_string_value(seen));
		free(now);
		if (!same) {
			err_set(err, ERR_STATE,
			        "Danh sách nhiệm vụ của bản nháp đã đổi từ khi trang này được mở "
			        "(có lẽ đã sửa ở một cửa sổ khác): xin mở lại bản nháp rồi sửa; "
			        "chưa sửa gì");
			return -1;
		}
	}
	json_array_foreach(ed, i, e)
	{
		if (task_at(tasks, json_object_get(e, "at"), "mỗi dòng sửa", &at, err))
			return -1;
		json_t *x = json_array_get(tasks, at);
		task_label(label, sizeof label, x, at);
		json_t *tmp = json_deep_copy(e);
		json_object_del(tmp, "at");
		int rc = edit_task(plan, x, tmp, label, err);
		json_decref(tmp);
		if (rc)
			return -1;
	}
	size_t n = json_array_size(tasks);
	bool *gone = n ? xcalloc(n, sizeof *gone) : NULL;
	json_array_foreach(rm, i, e)
	{
		if (task_at(tasks, e, "mỗi nhiệm vụ bỏ", &at, err)) {
			free(gone);
			return -1;
		}
		gone[at] = true;
	}
	for (size_t k = n; k-- > 0;)
		if (gone[k])
			json_array_remove(tasks, k);
	free(gone);
	json_array_foreach(add, i, e)
	{
		const char *title = str(e, "title");
		if (!title || !*title || !str(e, "code") || !str(e, "group"))
			return fail_on(err, TASK, "thêm",
			               "cần mã, nhóm và nội dung (code, group, title)");
		if (json_array_size(tasks) >= DRAFT_MAX_ROWS)
			return fail_on(err, TASK, "thêm", "bản nháp đã quá nhiều dòng");
		json_t *x = json_pack("{s:o, s:o, s:s, s:o, s:o, s:o, s:o, s:b}", "code",
		                      json_null(), "group", json_null(), "title", title, "lead",
		                      json_null(), "implementers", json_null(), "timeframe",
		                      json_null(), "due", json_null(), "recurring", 0);
		if (edit_task(plan, x, e, "thêm", err)) {
			json_decref(x);
			return -1;
		}
		json_array_append_new(tasks, x);
	}
	return 0;
}

static int apply(json_t *plan, json_t *edits, struct error *err)
{
	json_t *rows = json_object_get(edits, "rows"), *rm = json_object_get(edits, "remove"),
	       *add = json_object_get(edits, "add"), *groups = json_object_get(edits, "groups"), *e;
	json_t *inds = list_of(plan, "indicators");
	static const char *const lists[] = {"rows",  "remove",       "add",      "groups",
	                                    "tasks", "remove_tasks", "add_tasks"};
	for (size_t k = 0; k < sizeof lists / sizeof lists[0]; k++) {
		json_t *v = json_object_get(edits, lists[k]);
		if (v && !json_is_array(v)) {
			err_set(err, ERR_INPUT, "%s phải là mảng; chưa sửa gì", lists[k]);
			return -1;
		}
	}
	size_t i;
	json_array_foreach(rows, i, e)
	{
		const char *code = str(e, "code");
		json_t *x = code ? indicator(plan, code, NULL) : NULL;
		if (!x)
			return fail(err, code, "không có trong bản nháp");
		if (edit_row(plan, x, e, code, err))
			return -1;
	}
	json_array_foreach(rm, i, e)
	{
		size_t at;
		const char *code = json_is_string(e) ? json_string_value(e) : NULL;
		if (!code || !indicator(plan, code, &at))
			return fail(err, code, "không có trong bản nháp để bỏ");
		json_array_remove(inds, at);
	}
	json_array_foreach(add, i, e)
	{
		const char *code = str(e, "code");
		if (!code || !*code || !str(e, "name") || !str(e, "group"))
			return fail(err, code, "dòng thêm cần mã, nhóm và tên");
		if (indicator(plan, code, NULL))
			return fail(err, code, "mã trùng một chỉ tiêu đã có");
		if (json_array_size(inds) >= DRAFT_MAX_ROWS)
			return fail(err, code, "bản nháp đã quá nhiều dòng");
		json_t *x = json_pack("{s:s, s:s, s:s, s:o, s:o, s:{}}", "code", code, "group",
		                      str(e, "group"), "name", str(e, "name"), "unit", json_null(),
		                      "lead", json_null(), "targets");
		json_t *tmp = json_deep_copy(e);
		json_object_del(tmp, "code");
		json_object_del(tmp, "code_new");
		int rc = edit_row(plan, x, tmp, code, err);
		json_decref(tmp);
		if (rc) {
			json_decref(x);
			return -1;
		}
		json_array_append_new(inds, x);
	}
	json_array_foreach(groups, i, e)
	{
		if (edit_group(plan, e, err))
			return -1;
	}
	return apply_tasks(plan, edits, err);
}

int draft_edit(json_t *plan, json_t *edits, struct error *err)
{
	if (!json_is_object(plan) || !json_is_object(edits)) {
		err_set(err, ERR_INPUT,
		        "Cần một đối tượng JSON {rows, remove, add, groups}; chưa sửa gì");
		return -1;
	}
	plan = inner(plan);
	json_t *work = json_deep_copy(plan);
	if (apply(work, edits, err)) {
		json_decref(work);
		return -1;
	}
	json_object_update(plan, work);
	json_decref(work);
	return 0;
}

/* ---- the difference -------------------------------------------------------------------------- */

static void change(json_t *list, const char *field, const char *a, const char *b)
{
	if ((!a && !b) || (a && b && !strcmp(a, b)))
		return;
	json_array_append_new(list,
	                      json_pack("{s:s, s:s?, s:s?}", "field", field, "old", a, "new", b));
}

/* The changes of the text fields (n of them) from o to x. */
static json_t *text_changes(json_t *o, json_t *x, const char *const *fields, size_t n)
{
	json_t *list = json_array();
	for (size_t k = 0; k < n; k++)
		change(list, fields[k], str(o, fields[k]), str(x, fields[k]));
	return list;
}

static json_t *row_changes(json_t *o, json_t *x)
{
	static const char *const fields[] = {"name", "unit", "group", "lead", "monitor"};
	json_t *list = text_changes(o, x, fields, sizeof fields / sizeof fields[0]);
	json_t *ot = json_object_get(o, "targets"), *xt = json_object_get(x, "targets"), *v;
	const char *year;
	json_object_foreach(xt, year, v)
	{
		char f[32];
		snprintf(f, sizeof f, "target %s", year);
		change(list, f, str(json_object_get(ot, year), "text"), str(v, "text"));
	}
	json_object_foreach(ot, year, v)
	{
		if (json_object_get(xt, year))
			continue;
		char f[32];
		snprintf(f, sizeof f, "target %s", year);
		change(list, f, str(v, "text"), NULL);
	}
	return list;
}

/* The groups of plan named otherwise in old: [{code, old, new}]. */
static json_t *groups_renamed(json_t *old, json_t *plan)
{
	json_t *out = json_array(), *g, *o;
	size_t i, k;
	json_array_foreach(json_object_get(plan, "groups"), i, g)
	{
		const char *code = str(g, "code");
		json_array_foreach(old ? json_object_get(old, "groups") : NULL, k, o)
		{
			const char *oc = str(o, "code");
			if (code && oc && !strcmp(code, oc) &&
			    !same(str(o, "name"), str(g, "name")))
				json_array_append_new(out, json_pack("{s:s, s:s?, s:s?}", "code",
				                                     code, "old", str(o, "name"),
				                                     "new", str(g, "name")));
		}
	}
	return out;
}

/* A task's key: its code, or its title when it has none. */
static const char *task_key(json_t *x)
{
	return str(x, "code") ? str(x, "code") : str(x, "title");
}

/* The task of tasks with x's key, the same number of times repeated
 * before it as x is in its own list at place at (codes may repeat). */
static json_t *task_match(json_t *tasks, json_t *own, size_t at)
{
	json_t *x = json_array_get(own, at), *y;
	const char *key = task_key(x);
	size_t nth = 0, i;
	for (i = 0; i < at; i++)
		nth += same(task_key(json_array_get(own, i)), key);
	json_array_foreach(tasks, i, y)
	{
		if (same(task_key(y), key) && !nth--)
			return y;
	}
	return NULL;
}

static json_t *task_brief(json_t *x)
{
	return json_pack("{s:s?, s:s?}", "code", str(x, "code"), "title", str(x, "title"));
}

/* The tasks' difference: {"added", "removed": [{code, title}], "changed":
 * [{code, title, changes}]}, tasks matched by code (by title when none)
 * and by how many times the key came before. */
static json_t *tasks_diff(json_t *old, json_t *plan)
{
	static const char *const fields[] = {"title", "group", "lead", "implementers", "timeframe"};
	json_t *added = json_array(), *removed = json_array(), *changed = json_array(), *x;
	json_t *ot = old ? json_object_get(old, "tasks") : NULL,
	       *nt = json_object_get(plan, "tasks");
	size_t i;
	json_array_foreach(nt, i, x)
	{
		json_t *o = task_match(ot, nt, i);
		if (!o) {
			json_array_append_new(added, task_brief(x));
			continue;
		}
		json_t *ch = text_changes(o, x, fields, sizeof fields / sizeof fields[0]);
		if (json_array_size(ch)) {
			json_t *b = task_brief(x);
			json_object_set_new(b, "changes", ch);
			json_array_append_new(changed, b);
		} else {
			json_decref(ch);
		}
	}
	json_array_foreach(ot, i, x)
	{
		if (!task_match(nt, ot, i))
			json_array_append_new(removed, task_brief(x));
	}
	return json_pack("{sososo}", "added", added, "removed", removed, "changed", changed);
}

json_t *draft_diff(json_t *old, json_t *plan)
{
	old = old ? inner(old) : NULL;
	plan = inner(plan);
	json_t *added = json_array(), *removed = json_array(), *changed = json_array(), *x;
	size_t i;
	json_array_foreach(json_object_get(plan, "indicators"), i, x)
	{
		const char *code = str(x, "code");
		json_t *o = old && code ? indicator(old, code, NULL) : NULL;
		if (!o) {
			json_array_append_new(added, json_pack("{s:s?, s:s?}", "code", code, "name",
			                                       str(x, "name")));
			continue;
		}
		json_t *ch = row_changes(o, x);
		if (json_array_size(ch))
			json_array_append_new(changed,
			                      json_pack("{s:s?, s:s?, s:o}", "code", code, "name",
			                                str(x, "name"), "changes", ch));
		else
			json_decref(ch);
	}
	json_array_foreach(old ? json_object_get(old, "indicators") : NULL, i, x)
	{
		const char *code = str(x, "code");
		if (code && !indicator(plan, code, NULL))
			json_array_append_new(removed, json_pack("{s:s, s:s?}", "code", code,
			                                         "name", str(x, "name")));
	}
	return json_pack("{sososososo}", "added", added, "removed", removed, "changed", changed,
	                 "groups", groups_renamed(old, plan), "tasks", tasks_diff(old, plan));
}

json_t *draft_row_warnings(json_t *plan)
{
	plan = inner(plan);
	json_t *out = json_object(), *x, *w;
	size_t i, k;
	json_array_foreach(json_object_get(plan, "indicators"), i, x)
	{
		json_t *lines = json_object_get(x, "source_lines");
		json_int_t a = json_integer_value(json_array_get(lines, 0)),
		           b = json_integer_value(json_array_get(lines, 1));
		const char *code = str(x, "code");
		if (!code || a <= 0)
			continue;
		json_array_foreach(json_object_get(plan, "warnings"), k, w)
		{
			json_int_t line = json_integer_value(json_object_get(w, "line"));
			const char *m = str(w, "message");
			if (!m || line < a || line > (b < a ? a : b) || str(w, "field"))
				continue; /* a cell's: in draft_cell_flags */
			json_t *list = json_object_get(out, code);
			if (!list)
				json_object_set_new(out, code, list = json_array());
			json_array_append_new(list, json_string(m));
		}
	}
	return out;
}

/* The cells to check of each row of rows (indicators or tasks), keyed by
 * the row's code, or by its index in rows when by_index. */
static json_t *cell_flags(json_t *plan, json_t *rows, bool by_index)
{
	json_t *out = json_object(), *x, *w;
	size_t i, k;
	json_array_foreach(rows, i, x)
	{
		char at[24];
		snprintf(at, sizeof at, "%zu", i);
		const char *code = by_index ? at : str(x, "code");
		json_array_foreach(json_object_get(plan, "warnings"), k, w)
		{
			if (!code || !flags_cell(w, x, NULL))
				continue;
			json_t *cells = json_object_get(out, code);
			if (!cells)
				json_object_set_new(out, code, cells = json_object());
			const char *f = str(w, "field");
			if (!json_object_get(cells, f)) /* the first said of the cell */
				json_object_set_new(
				        cells, f,
				        json_string(str(w, "message") ? str(w, "message") : ""));
		}
	}
	return out;
}

json_t *draft_cell_flags(json_t *plan)
{
	plan = inner(plan);
	return cell_flags(plan, json_object_get(plan, "indicators"), false);
}

json_t *draft_task_flags(json_t *plan)
{
	plan = inner(plan);
	return cell_flags(plan, json_object_get(plan, "tasks"), true);
}

char *draft_tasks_seen(json_t *plan)
{
	plan = inner(plan);
	uint64_t h = 14695981039346656037ULL; /* FNV-1a over code, title of each */
	json_t *x;
	size_t i;
	json_array_foreach(json_object_get(plan, "tasks"), i, x)
	{
		const char *parts[] = {str(x, "code"), "\x1f", str(x, "title"), "\x1e"};
		for (size_t k = 0; k < sizeof parts / sizeof parts[0]; k++)
			for (const char *q = parts[k] ? parts[k] : ""; *q; q++)
				h = (h ^ (unsigned char)*q) * 1099511628211ULL;
	}
	return xasprintf("%zu-%016llx", json_array_size(json_object_get(plan, "tasks")),
	                 (unsigned long long)h);
}

json_t *draft_group_flags(json_t *plan)
{
	plan = inner(plan);
	json_t *out = json_object(), *g, *w;
	size_t i, k;
	json_array_foreach(json_object_get(plan, "groups"), i, g)
	{
		const char *code = str(g, "code");
		json_array_foreach(json_object_get(plan, "warnings"), k, w)
		{
			if (flags_group(w, code) && !json_object_get(out, code))
				json_object_set_new(
				        out, code,
				        json_string(str(w, "message") ? str(w, "message") : ""));
		}
	}
	return out;
}
