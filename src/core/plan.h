/* plan.h: a plan as read from its document: groups, indicators with typed
 * targets per milestone, tasks, and what looked wrong. No I/O. */
#ifndef CHITIEU_PLAN_H
#define CHITIEU_PLAN_H

#include "target.h"

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#define PLAN_MAX_MILESTONES 12
#define PLAN_MAX_WARNINGS   500

struct plan_group {
	char *code, *name;
};

struct plan_target {
	int year;
	struct target t;
};

/* Where a row stood in a DOCX or XLSX document (a table or sheet, counted
 * from 1, and its row there); 0 when unknown (text documents, where the
 * line numbers tell the place). */
struct plan_source {
	int table, row, page;
};

struct indicator {
	char *code, *group, *name, *unit; /* unit may be NULL */
	bool has_baseline;
	double baseline;
	char *baseline_text;
	struct plan_target targets[PLAN_MAX_MILESTONES];
	int ntargets; /* ascending by year */
	char *lead, *monitor, *partners, *implementers, *deadline, *directing;
	int first_line, last_line;
	struct plan_source src;
};

struct task {
	char *code, *group, *title, *lead, *implementers, *timeframe;
	int due_year, due_month; /* 0 when no deadline is stated */
	bool recurring;
	int first_line, last_line;
	struct plan_source src;
};

/* A warning at a line of the document's text (0: the whole file). One
 * about a single cell (a scan's cell read with low confidence) also says
 * its column in the document's table (col, from 1; 0 otherwise) and, once
 * the row is read, the plan field the cell gave (field: "code", "name",
 * "unit", "lead", "monitor", "target 2030"...; NULL when none). */
struct plan_warning {
	int line;
	char *message;
	int col;
	char *field;
};

struct plan {
	char *title, *issuer, *number, *date; /* date as YYYY-MM-DD */
	int baseline_year;                    /* 0 when unknown */
	struct plan_group *groups;
	size_t ngroups, capgroups;
	struct indicator *ind;
	size_t nind, capind;
	struct task *tasks;
	size_t ntasks, captasks;
	struct plan_warning *warn;
	size_t nwarn, capwarn;
	size_t unread; /* rows of the document's table seen and not read (in warn) */
	struct plan_group *task_groups;
	size_t ntask_groups, captask_groups;
};

void plan_init(struct plan *p);
void plan_free(struct plan *p);

void plan_warn(struct plan *p, int line, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));
/* The same about the cell in column col (from 1) of the row at line. */
void plan_warn_cell(struct plan *p, int line, int col, const char *fmt, ...)
        __attribute__((format(printf, 4, 5)));

/* New zeroed records appended to the plan; pointers stay valid only until
 * the next append of the same kind. */
struct indicator *plan_add_indicator(struct plan *p);
struct task *plan_add_task(struct plan *p);
struct plan_group *plan_add_group(struct plan *p, const char *code, const char *name);
struct plan_group *plan_find_group(struct plan *p, const char *code);
/* The indicator of p with this code, or NULL. */
const struct indicator *plan_find_indicator(const struct plan *p, const char *code);

/* Remove the indicator at index i (later ones move down by one). */
void plan_remove_indicator(struct plan *p, size_t i);

/* Set the target of ind for year (replacing one already there). Takes
 * ownership of t's strings. */
void indicator_set_target(struct indicator *ind, int year, struct target *t);
struct target *indicator_target(struct indicator *ind, int year);

/* Milestone years of the plan, ascending; returns how many. */
int plan_milestones(const struct plan *p, int *years, int max);

/* The JSON contract of `chitieu parse` (see docs/plan-json.md). New
 * reference; the caller decrefs. */
json_t *plan_to_json(const struct plan *p);
json_t *target_to_json(const struct target *t);

/* The plan back from plan_to_json's document (as stored): 0, or -1 when
 * it is not one (p is then partly filled; plan_free it). */
int plan_from_json(json_t *doc, struct plan *p);

/* A deep copy of p into out (what plan_from_json of p's document gives,
 * without reading it again); out is plan_free'd by the caller. */
void plan_copy(const struct plan *p, struct plan *out);

/* A summary a clerk can check against the paper. Caller frees. */
char *plan_to_text(const struct plan *p, const char *source);

#endif
