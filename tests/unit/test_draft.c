/* test_draft.c: a plan draft's corrections (draft.c, issue 12): the cells
 * read with low confidence named by field and flagged no more once edited
 * or said right, the monitoring agency and group names corrected, a bad
 * edit refused whole, and the difference naming them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "draft.h"

/* Two groups, three indicators; warnings: I.1's lead and 2030 target cells
 * (lines 5), I.2's name cell and a row warning (line 6), a cell of the
 * header (line 2, no indicator). */
static const char plan_text[] =
        "{\"plan\": {\"milestones\": [2030], \"groups\": [{\"code\": \"I\", \"name\": \"Hạ tầng\"},"
        " {\"code\": \"II\", \"name\": \"Chính quyền số\"}], \"indicators\": ["
        "{\"code\": \"I.1\", \"group\": \"I\", \"name\": \"Phủ sóng 5G\", \"unit\": \"%\","
        " \"lead\": \"Phòng Kinh tỀ\", \"monitor\": \"Phòng Văn hóa\", \"source_lines\": [5, 5],"
        " \"targets\": {\"2030\": {\"text\": \"9O\", \"kind\": \"text\"}}},"
        "{\"code\": \"I.2\", \"group\": \"I\", \"name\": \"Cáp quang\", \"unit\": \"%\","
        " \"lead\": null, \"monitor\": null, \"source_lines\": [6, 7], \"targets\": {}},"
        "{\"code\": \"II.1\", \"group\": \"II\", \"name\": \"Dịch vụ công\", \"unit\": \"%\","
        " \"lead\": null, \"monitor\": null, \"source_lines\": [9, 9], \"targets\": {}}],"
        " \"warnings\": ["
        "{\"line\": 2, \"message\": \"header cell\", \"field\": null},"
        "{\"line\": 5, \"message\": \"lead 63%\", \"field\": \"lead\"},"
        "{\"line\": 5, \"message\": \"target 50%\", \"field\": \"target 2030\"},"
        "{\"line\": 7, \"message\": \"name 40%\", \"field\": \"name\"},"
        "{\"line\": 6, \"message\": \"number skipped\"}]}}";

static json_t *plan_new(void)
{
	json_t *p = json_loads(plan_text, 0, NULL);
	assert_non_null(p);
	return p;
}

static json_t *edit(json_t *plan, const char *edits, int want)
{
	json_t *e = json_loads(edits, 0, NULL);
	assert_non_null(e);
	struct error err = {0};
	int rc = draft_edit(plan, e, &err);
	json_decref(e);
	assert_int_equal(rc, want);
	if (rc) {
		assert_int_equal(err.code, ERR_INPUT);
		assert_non_null(strstr(err.msg, "chưa sửa gì"));
	}
	err_clear(&err);
	return plan;
}

static json_t *ind(json_t *plan, size_t i)
{
	return json_array_get(json_object_get(json_object_get(plan, "plan"), "indicators"), i);
}

static const char *s_of(json_t *o, const char *k)
{
	return json_string_value(json_object_get(o, k));
}

static const char *group_name(json_t *plan, size_t i)
{
	json_t *g = json_object_get(json_object_get(plan, "plan"), "groups");
	assert_int_equal(json_array_size(g), 2);
	return s_of(json_array_get(g, i), "name");
}

static void test_flags(void **state)
{
	(void)state;
	json_t *p = plan_new(), *f = draft_cell_flags(p), *w = draft_row_warnings(p);
	assert_int_equal(json_object_size(f), 2);
	assert_int_equal(json_object_size(json_object_get(f, "I.1")), 2);
	assert_string_equal(s_of(json_object_get(f, "I.1"), "lead"), "lead 63%");
	assert_string_equal(s_of(json_object_get(f, "I.1"), "target 2030"), "target 50%");
	assert_string_equal(s_of(json_object_get(f, "I.2"), "name"), "name 40%");
	/* The row keeps its own warning; the cells' are not the row's. */
	assert_int_equal(json_object_size(w), 1);
	assert_int_equal(json_array_size(json_object_get(w, "I.2")), 1);
	assert_string_equal(json_string_value(json_array_get(json_object_get(w, "I.2"), 0)),
	                    "number skipped");
	json_decref(f);
	json_decref(w);
	json_decref(p);
}

static void test_unflag(void **state)
{
	(void)state;
	json_t *p = plan_new();
	/* The lead edited, the target and name sent as they were: only the lead
	 * is unflagged. */
	edit(p,
	     "{\"rows\": [{\"code\": \"I.1\", \"lead\": \"Phòng Kinh tế\", \"targets\": {\"2030\":"
	     " \"9O\"}}, {\"code\": \"I.2\", \"name\": \"Cáp quang\"}]}",
	     0);
	json_t *f = draft_cell_flags(p);
	assert_null(json_object_get(json_object_get(f, "I.1"), "lead"));
	assert_non_null(json_object_get(json_object_get(f, "I.1"), "target 2030"));
	assert_non_null(json_object_get(json_object_get(f, "I.2"), "name"));
	json_decref(f);
	/* The target corrected; the name said right as it stands. */
	edit(p,
	     "{\"rows\": [{\"code\": \"I.1\", \"targets\": {\"2030\": \"90\"}}, {\"code\": \"I.2\","
	     " \"checked\": [\"name\"]}]}",
	     0);
	f = draft_cell_flags(p);
	assert_int_equal(json_object_size(f), 0);
	json_decref(f);
	assert_string_equal(s_of(ind(p, 1), "name"), "Cáp quang");
	json_t *t = json_object_get(json_object_get(ind(p, 0), "targets"), "2030");
	assert_string_equal(s_of(t, "kind"), "number");
	/* The warnings stay, said checked. */
	json_t *ws = json_object_get(json_object_get(p, "plan"), "warnings");
	assert_int_equal(json_array_size(ws), 5);
	assert_true(json_is_true(json_object_get(json_array_get(ws, 1), "checked")));
	assert_null(json_object_get(json_array_get(ws, 4), "checked"));
	/* A code changed: still the same row's cells (by its lines). */
	json_decref(p);
	p = plan_new();
	edit(p, "{\"rows\": [{\"code\": \"I.1\", \"code_new\": \"I.9\"}]}", 0);
	f = draft_cell_flags(p);
	assert_int_equal(json_object_size(json_object_get(f, "I.9")), 2);
	json_decref(f);
	json_decref(p);
}

static void test_monitor_groups(void **state)
{
	(void)state;
	json_t *p = plan_new();
	edit(p,
	     "{\"rows\": [{\"code\": \"I.1\", \"monitor\": \" Phòng Kinh tế \"}, {\"code\": "
	     "\"II.1\","
	     " \"monitor\": \"Văn phòng\"}], \"groups\": [{\"code\": \"I\", \"name\": \"Hạ tầng "
	     "số\"}]}",
	     0);
	assert_string_equal(s_of(ind(p, 0), "monitor"), "Phòng Kinh tế");
	assert_string_equal(s_of(ind(p, 2), "monitor"), "Văn phòng");
	assert_string_equal(group_name(p, 0), "Hạ tầng số");
	assert_string_equal(group_name(p, 1), "Chính quyền số");
	edit(p, "{\"rows\": [{\"code\": \"I.1\", \"monitor\": null}]}", 0);
	assert_true(json_is_null(json_object_get(ind(p, 0), "monitor")));
	/* Refused whole: the row's edit before the bad group is not kept. */
	static const char *const bad[] = {
	        "{\"rows\": [{\"code\": \"II.1\", \"monitor\": \"X\"}], \"groups\": [{\"code\": "
	        "\"IX\", \"name\": \"Y\"}]}",
	        "{\"groups\": [{\"code\": \"I\", \"name\": \" \"}]}",
	        "{\"groups\": [{\"code\": \"I\"}]}",
	        "{\"groups\": [{\"code\": \"I\", \"name\": 5}]}",
	        "{\"groups\": {\"I\": \"Y\"}}",
	        "{\"groups\": [\"I\"]}",
	        "{\"rows\": [{\"code\": \"II.1\", \"monitor\": 5}]}",
	        "{\"rows\": [{\"code\": \"II.1\", \"checked\": \"name\"}]}",
	        "{\"rows\": [{\"code\": \"II.1\", \"checked\": [5]}]}",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		edit(p, bad[i], -1);
	assert_string_equal(s_of(ind(p, 2), "monitor"), "Văn phòng");
	assert_string_equal(group_name(p, 0), "Hạ tầng số");
	json_t *e = json_loads(bad[0], 0, NULL);
	struct error err = {0};
	assert_int_equal(draft_edit(p, e, &err), -1);
	assert_string_equal(err.msg, "Nhóm IX: không có trong bản nháp; chưa sửa gì");
	err_clear(&err);
	json_decref(e);
	json_decref(p);
}

static void test_diff(void **state)
{
	(void)state;
	json_t *old = plan_new(), *p = plan_new();
	edit(p,
	     "{\"rows\": [{\"code\": \"I.2\", \"monitor\": \"Văn phòng\"}], \"groups\": [{\"code\":"
	     " \"II\", \"name\": \"Chuyển đổi số\"}]}",
	     0);
	json_t *d = draft_diff(old, p);
	json_t *groups = json_object_get(d, "groups"), *changed = json_object_get(d, "changed");
	assert_int_equal(json_array_size(groups), 1);
	assert_string_equal(s_of(json_array_get(groups, 0), "code"), "II");
	assert_string_equal(s_of(json_array_get(groups, 0), "old"), "Chính quyền số");
	assert_string_equal(s_of(json_array_get(groups, 0), "new"), "Chuyển đổi số");
	assert_int_equal(json_array_size(changed), 1);
	json_t *ch = json_array_get(json_object_get(json_array_get(changed, 0), "changes"), 0);
	assert_string_equal(s_of(ch, "field"), "monitor");
	assert_true(json_is_null(json_object_get(ch, "old")) || !json_object_get(ch, "old"));
	assert_string_equal(s_of(ch, "new"), "Văn phòng");
	json_decref(d);
	d = draft_diff(NULL, p);
	assert_int_equal(json_array_size(json_object_get(d, "groups")), 0);
	json_decref(d);
	json_decref(old);
	json_decref(p);
}

/* A task's cells to check, by the task's place in the list (task codes may
 * repeat, and an indicator may have the same code): each on its field, not
 * among the indicators' cells; one said checked is not. */
static void test_task_flags(void **state)
{
	(void)state;
	json_t *p = json_loads(
	        "{\"plan\": {\"indicators\": [{\"code\": \"I.1\", \"name\": \"Phủ sóng\","
	        " \"source_lines\": [5, 5]}], \"tasks\": ["
	        "{\"code\": \"I.1\", \"title\": \"Kiện toàn\", \"source_lines\": [20, 21]},"
	        "{\"code\": \"I.1\", \"title\": \"Ban hành\", \"source_lines\": [22, 23]}],"
	        " \"warnings\": ["
	        "{\"line\": 5, \"message\": \"name run\", \"field\": \"name\"},"
	        "{\"line\": 20, \"message\": \"title run\", \"field\": \"title\"},"
	        "{\"line\": 20, \"message\": \"lead run\", \"field\": \"lead\", \"checked\": true},"
	        "{\"line\": 21, \"message\": \"no field\"},"
	        "{\"line\": 22, \"message\": \"timeframe run\", \"field\": \"timeframe\"},"
	        "{\"line\": 23, \"message\": \"lead run\", \"field\": \"lead\"}]}}",
	        0, NULL);
	assert_non_null(p);
	json_t *t = draft_task_flags(p), *f = draft_cell_flags(p);
	assert_int_equal(json_object_size(t), 2);
	assert_int_equal(json_object_size(json_object_get(t, "0")), 1);
	assert_string_equal(s_of(json_object_get(t, "0"), "title"), "title run");
	assert_int_equal(json_object_size(json_object_get(t, "1")), 2);
	assert_string_equal(s_of(json_object_get(t, "1"), "timeframe"), "timeframe run");
	assert_string_equal(s_of(json_object_get(t, "1"), "lead"), "lead run");
	assert_int_equal(json_object_size(f), 1);
	assert_int_equal(json_object_size(json_object_get(f, "I.1")), 1);
	assert_string_equal(s_of(json_object_get(f, "I.1"), "name"), "name run");
	json_decref(t);
	json_decref(f);
	json_decref(p);
}

/* Tasks corrected by place: an edit, a removal and an addition counted in
 * the draft as it was; a changed timeframe read again; a flagged cell
 * edited flagged no more; a wrong edit refused with the plan unchanged;
 * the difference lists the tasks' changes. */
static void test_task_edit(void **state)
{
	(void)state;
	json_t *p =
	        json_loads("{\"plan\": {\"indicators\": [], \"task_groups\": [{\"code\": \"I\", "
	                   "\"name\": \"A\"}],"
	                   " \"tasks\": ["
	                   "{\"code\": \"I.1\", \"group\": \"I\", \"title\": \"Kiện toàn\", "
	                   "\"lead\": \"UBND\","
	                   " \"source_lines\": [20, 21]},"
	                   "{\"code\": \"I.2\", \"group\": \"I\", \"title\": \"Ban hành\", "
	                   "\"lead\": \"Phòng X\","
	                   " \"timeframe\": \"Thường xuyên\", \"recurring\": true, "
	                   "\"source_lines\": [22, 23]},"
	                   "{\"code\": \"I.3\", \"group\": \"I\", \"title\": \"Tổng kết\", "
	                   "\"source_lines\": [24, 24]}],"
	                   " \"warnings\": ["
	                   "{\"line\": 22, \"message\": \"lead run\", \"field\": \"lead\"},"
	                   "{\"line\": 23, \"message\": \"title run\", \"field\": \"title\"}]}}",
	                   0, NULL);
	assert_non_null(p);
	json_t *old = json_deep_copy(p);
	edit(p, "{\"tasks\": [{\"at\": 5, \"lead\": \"x\"}]}", -1);
	edit(p, "{\"tasks\": [{\"at\": 1, \"lead\": \"x\"}], \"remove_tasks\": [\"0\"]}", -1);
	edit(p, "{\"tasks\": [{\"at\": 1, \"title\": \" \"}]}", -1);
	edit(p, "{\"add_tasks\": [{\"title\": \"Mới\"}]}", -1);
	assert_true(json_equal(p, old));
	edit(p,
	     "{\"tasks\": [{\"at\": 1, \"lead\": \"Phòng Nội vụ\", \"timeframe\": \"Tháng "
	     "9/2026\"}],"
	     " \"remove_tasks\": [0, 0], \"add_tasks\": [{\"code\": \"II.1\", \"group\": \"II\","
	     " \"title\": \"Mới\"}]}",
	     0);
	json_t *tasks = json_object_get(json_object_get(p, "plan"), "tasks");
	assert_int_equal(json_array_size(tasks), 3);
	json_t *t = json_array_get(tasks, 0);
	assert_string_equal(s_of(t, "code"), "I.2");
	assert_string_equal(s_of(t, "lead"), "Phòng Nội vụ");
	assert_string_equal(s_of(t, "due"), "2026-09");
	assert_false(json_is_true(json_object_get(t, "recurring")));
	assert_string_equal(s_of(json_array_get(tasks, 2), "title"), "Mới");
	assert_int_equal(
	        json_array_size(json_object_get(json_object_get(p, "plan"), "task_groups")), 2);
	json_t *flags = draft_task_flags(p);
	assert_int_equal(json_object_size(flags), 1);
	assert_string_equal(s_of(json_object_get(flags, "0"), "title"), "title run");
	assert_null(json_object_get(json_object_get(flags, "0"), "lead"));
	json_decref(flags);
	json_t *diff = draft_diff(old, p), *d = json_object_get(diff, "tasks");
	assert_int_equal(json_array_size(json_object_get(d, "added")), 1);
	assert_string_equal(s_of(json_array_get(json_object_get(d, "removed"), 0), "code"), "I.1");
	json_t *ch = json_array_get(json_object_get(d, "changed"), 0);
	assert_int_equal(json_array_size(json_object_get(d, "changed")), 1);
	assert_string_equal(s_of(ch, "code"), "I.2");
	assert_int_equal(json_array_size(json_object_get(ch, "changes")), 2);
	json_decref(diff);
	json_decref(old);
	json_decref(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_flags),  cmocka_unit_test(test_task_flags),
	        cmocka_unit_test(test_unflag), cmocka_unit_test(test_monitor_groups),
	        cmocka_unit_test(test_diff),   cmocka_unit_test(test_task_edit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
