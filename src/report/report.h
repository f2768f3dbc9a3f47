/* report.h: the periodic report a unit sends up, built once from the same
 * views the dashboard shows, then written in each format: JSON and CSV for
 * machines, HTML for print (and PDF from it), XLSX and DOCX for offices.
 * The administrative layout follows Decree 30/2020/NĐ-CP: the issuing body
 * top left, the national motto top right, "Số: …/BC-…", place and date, the
 * title, then the content. */
#ifndef CHITIEU_REPORT_H
#define CHITIEU_REPORT_H

#include "rollup.h"
#include "settings.h"
#include "store.h"
#include "util.h"
#include "views.h"

#include <jansson.h>

#include "error.h"

struct report {
	struct unit_view v; /* the unit's own plan evaluated (when it has one) */
	bool has_plan;
	enum period_kind grain;                          /* the figures are seen at this grain */
	char period[PERIOD_NAME_SIZE], period_words[48]; /* "2025-Q3", "quý III năm 2025" */
	char issuer[160], issuer_parent[160]; /* "ỦY BAN NHÂN DÂN" / "XÃ AN BÌNH" */
	char place[96], date_words[64];       /* "An Bình", "ngày 05 tháng 10 năm 2025" */
	char date[11];                        /* the same as "2025-10-05" ("" when unknown) */
	char title[320];
	/* Decree 09/2019: the data cut-off window and the sending deadline. */
	char cutoff_from[11], cutoff_to[11], deadline[11];
	int days_left; /* from date to deadline; negative once passed */
	bool has_days_left;
	struct unit_settings settings; /* the signer, recipients (defaults filled) */
	int count[8];                  /* indicators by eval_status */
	struct task_row *tasks;
	size_t ntasks;
	int tasks_done, tasks_late, tasks_open;
	/* A province: its communes rolled up and ranked. */
	struct family fam;
	bool has_children;
	struct rollup_row *roll;
	size_t nroll;
	struct rank_row *rank;
	size_t nrank;
	struct hold *own_hold; /* report_build's (the rows point into it) */
};

/* The version of the report JSON and CSV (docs/reports.md). */
#define REPORT_JSON_VERSION 2

/* Build the report of unit for period (a period name; "today" is the date
 * written on it, YYYY-MM-DD). 0, or -1 with *err. The caller frees with
 * report_free, also after -1. */
struct hold;
/* The same from h, the unit held in memory (hold.h), which the caller keeps
 * until report_free; report_build loads its own from the store. The store
 * is read for the tasks only. */
int report_build_held(struct hold *h, struct store *s, const char *period, const char *today,
                      struct report *r, struct error *err);
int report_build(struct store *s, const char *unit, const char *period, const char *today,
                 struct report *r, struct error *err);
void report_free(struct report *r);

/* The formats: each appends to b (bytes, for the binary ones too). -1
 * with *err when it cannot. */
json_t *report_json(const struct report *r);
void report_csv(const struct report *r, struct buf *b);
void report_html(const struct report *r, struct buf *b);
/* The style sheet inside the HTML (one <style> element, so that the file
 * stands alone; a server allows it by its hash). */
extern const char report_css[];
int report_xlsx(const struct report *r, struct buf *b, struct error *err);
int report_docx(const struct report *r, struct buf *b, struct error *err);
/* HTML printed to PDF by headless chromium (when installed). */
int report_pdf(const struct report *r, struct buf *b, struct error *err);

/* The report in format (docx, xlsx, html, pdf, csv or json) into b. */
int report_render(const struct report *r, const char *format, struct buf *b, struct error *err);

/* An indicator's row as the tables show it: code, name, unit, baseline,
 * target ("2025: ≥ 70"), this period's figure, status, lead; the texts
 * point into x or into t. */
struct report_row_text {
	char base[40], value[40], target[360];
};
void report_indicator_cells(const struct status_row *x, struct report_row_text *t,
                            const char *cells[8]);

/* A figure as a report writes it: at most 2 decimals, a decimal comma
 * ("63,16"), "–" when none. */
void report_number(char out[40], bool has, double v);

/* The sending deadline of the report of unit for period ("YYYY-MM-DD",
 * Decree 09/2019 by the unit's settings and level), with the cut-off
 * window: what the web app's reminders use. 0, or -1 with *err. */
int report_deadline(struct store *s, const char *unit, const char *period, char deadline[11],
                    char cutoff_from[11], char cutoff_to[11], struct error *err);

/* What a status is called in a report, and its colour word. */
const char *report_status_vi(enum eval_status s);

#endif
