/* draft.c: corrections to a plan draft and its difference from the plan
 * in force, both on the plan JSON. */
#include "draft.h"

#include "plan.h"
#include "target.h"
#include "util.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
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

static int fail(struct error *err, const char *code, const char *what)
{
	err_set(err, ERR_INPUT, "Chỉ tiêu %.40s: %s; chưa sửa gì", code ? code : "?", what);
	return -1;
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

/* A text field set from the edit: a string (trimmed, "" for null where
 * nullable) of at most DRAFT_MAX_TEXT bytes. */
static int set_text(json_t *x, json_t *e, const char *key, bool nullable, const char *code,
                    struct error *err)
{
	json_t *v = json_object_get(e, key);
	if (!v)
		return 0;
	if (json_is_null(v) && nullable) {
		json_object_set_new(x, key, json_null());
		return 0;
	}
	if (!json_is_string(v))
		return fail(err, code, "giá trị phải là chữ");
	const char *s = json_string_value(v);
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	while (n && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	if (n > DRAFT_MAX_TEXT)
		return fail(err, code, "ô quá dài");
	if (!n && !nullable)
		return fail(err, code, "không được để trống tên, mã hay nhóm");
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 && s[i] != '\t' && s[i] != '\n')
			return fail(err, code, "ô có ký tự điều khiển");
	json_object_set_new(x, key, n ? json_stringn(s, n) : json_null());
	return 0;
}

/* The group exists (else it is added, named by its code). */
static void ensure_group(json_t *plan, const char *g)
{
	json_t *groups = json_object_get(plan, "groups"), *x;
	size_t i;
	json_array_foreach(groups, i, x)
	{
		const char *c = str(x, "code");
		if (c && !strcmp(c, g))
			return;
	}
	if (!json_is_array(groups)) {
		groups = json_array();
		json_object_set_new(plan, "groups", groups);
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
	if (json_object_get(e, "code_new")) {
		json_t *tmp =
		        json_pack("{so}", "code", json_incref(json_object_get(e, "code_new")));
		int rc = set_text(x, tmp, "code", false, code, err);
		json_decref(tmp);
		if (rc)
			return -1;
	}
	if (set_text(x, e, "name", false, code, err) || set_text(x, e, "unit", true, code, err) ||
	    set_text(x, e, "group", false, code, err) || set_text(x, e, "lead", true, code, err) ||
	    set_targets(x, e, code, err))
		return -1;
	ensure_group(plan, str(x, "group"));
	return 0;
}

static int apply(json_t *plan, json_t *edits, struct error *err)
{
	json_t *rows = json_object_get(edits, "rows"), *rm = json_object_get(edits, "remove"),
	       *add = json_object_get(edits, "add"), *e;
	json_t *inds = json_object_get(plan, "indicators");
	if (!json_is_array(inds))
		json_object_set_new(plan, "indicators", inds = json_array());
	if ((rows && !json_is_array(rows)) || (rm && !json_is_array(rm)) ||
	    (add && !json_is_array(add))) {
		err_set(err, ERR_INPUT, "rows, remove và add phải là mảng; chưa sửa gì");
		return -1;
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
	return 0;
}

int draft_edit(json_t *plan, json_t *edits, struct error *err)
{
	if (!json_is_object(plan) || !json_is_object(edits)) {
		err_set(err, ERR_INPUT, "Cần một đối tượng JSON {rows, remove, add}; chưa sửa gì");
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

static json_t *row_changes(json_t *o, json_t *x)
{
	json_t *list = json_array();
	static const char *const fields[] = {"name", "unit", "group", "lead"};
	for (size_t k = 0; k < sizeof fields / sizeof fields[0]; k++)
		change(list, fields[k], str(o, fields[k]), str(x, fields[k]));
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
	return json_pack("{sososo}", "added", added, "removed", removed, "changed", changed);
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
			if (!m || line < a || line > (b < a ? a : b))
				continue;
			json_t *list = json_object_get(out, code);
			if (!list)
				json_object_set_new(out, code, list = json_array());
			json_array_append_new(list, json_string(m));
		}
	}
	return out;
}
