/* draft.h: a plan draft's corrections and its difference from the plan in
 * force, on the plan JSON of `chitieu parse` (docs/plan-json.md). */
#ifndef CHITIEU_DRAFT_H
#define CHITIEU_DRAFT_H

#include <jansson.h>

#include "error.h"

#define DRAFT_MAX_TEXT 2000 /* bytes of one corrected cell */
#define DRAFT_MAX_ROWS 3000

/* Each plan below is the JSON of `chitieu parse`, {"plan": {...}}, or the
 * plan object inside it. */

/* Apply edits to plan (changed in place): {"rows": [{"code": C, and any
 * of "name", "unit", "group", "lead", "monitor", "code_new", "targets":
 * {"2030": "text"}, "checked": ["lead", "target 2030"...]}], "remove":
 * [C...], "add": [{"code", "group", "name", "unit", "lead", "monitor",
 * "targets"}], "groups": [{"code": G, "name": N, "checked": ["name"]}]}. Target texts are read
 * again (target_parse) with the row's unit, also when only the unit
 * changed. A group renamed is renamed for all its rows. A flagged cell
 * (a warning with a "field", draft_cell_flags) whose value the edit
 * changes, or that the row's "checked" names, is flagged no more (its
 * warning gets "checked": true). Tasks by their place in plan.tasks:
 * "tasks": [{"at": N, and any of "code", "group", "title", "lead",
 * "implementers", "timeframe", "checked"}], "remove_tasks": [N...],
 * "add_tasks": [{"code", "group", "title", ...}] (places counted before
 * this edit; a changed timeframe gives "due" and "recurring" again). 0,
 * or -1 with *err ERR_INPUT naming the row, group or task (plan then
 * unchanged). */
int draft_edit(json_t *plan, json_t *edits, struct error *err);

/* What publishing plan would change against old (the plan in force; NULL
 * when none): {"added": [{code, name}], "removed": [{code, name}],
 * "changed": [{code, name, changes: [{field, old, new}]}], "groups":
 * [{code, old, new}], "tasks": {"added", "removed": [{code, title}],
 * "changed": [{code, title, changes}]}}, indicators matched by code; field
 * is name, unit, group, lead, monitor or "target YEAR" (of a task: title,
 * group, lead, implementers or timeframe); "groups" the groups renamed;
 * tasks matched by code (title when none), a repeated code in order.
 * New reference. */
json_t *draft_diff(json_t *old, json_t *plan);

/* Of plan, the indicators' warning messages: an object code -> [message],
 * from the warnings whose line lies within the indicator's source_lines,
 * but those about one cell (draft_cell_flags has them). New reference. */
json_t *draft_row_warnings(json_t *plan);

/* Of plan, the cells to check: an object code -> {field: message}, from
 * the warnings about one cell (those with a "field": a scan's cell read
 * with low confidence) within the indicator's source_lines and not yet
 * "checked". New reference. */
json_t *draft_cell_flags(json_t *plan);

/* Of plan, the task cells to check: an object index -> {field: message},
 * index a task's place in plan.tasks ("0", "1"...; task codes may repeat),
 * field "code", "title", "lead", "implementers" or "timeframe", as
 * draft_cell_flags has them of indicators. New reference. */
json_t *draft_task_flags(json_t *plan);

/* What the draft's tasks are, as a short string (their count and a hash of
 * each one's code and title in order): an edit naming tasks by place may
 * give it as "tasks_seen", and is refused (ERR_STATE) when the tasks have
 * changed since, so that no edit lands on another task. Free it. */
char *draft_tasks_seen(json_t *plan);

/* Of plan, the group names to check: an object code -> message, from the
 * warnings about a cell of a group's heading row (field "group CODE") not
 * yet "checked" (draft_edit: the group renamed, or its "checked" naming
 * "name"). New reference. */
json_t *draft_group_flags(json_t *plan);

#endif
