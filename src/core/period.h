/* period.h: reporting periods (Decree 09/2019/NĐ-CP): a month "2025-05", quarter
 * "2025-Q2", half year "2025-H1", nine months "2025-9M" and year "2025", with
 * their months, order and data cut-off windows. A small value type; no I/O. */
#ifndef CHITIEU_PERIOD_H
#define CHITIEU_PERIOD_H

#include <stdbool.h>
#include <stddef.h>

#define PERIOD_YEAR_MIN 2000
#define PERIOD_YEAR_MAX 2100
/* Room for any canonical name with its NUL ("2025-Q2" needs 8). */
#define PERIOD_NAME_SIZE 16

enum period_kind { PERIOD_MONTH, PERIOD_QUARTER, PERIOD_HALF, PERIOD_NINE_MONTHS, PERIOD_YEAR };

struct period {
	enum period_kind kind;
	int year;  /* PERIOD_YEAR_MIN..PERIOD_YEAR_MAX */
	int index; /* month 1-12, quarter 1-4, half 1-2; 0 for nine months and year */
};

/* True when p is a period period_parse() could return: a known kind, a year in
 * range and an index in range for the kind (0 for nine months and year). */
bool period_valid(const struct period *p);

/* Parse "2025-05" (also "2025-5": the month may have 1 or 2 digits), "2025-Q2",
 * "2025-H1", "2025-9M" (letters Q, H, M in either case) and "2025". Strict:
 * exactly four year digits, no white space, no trailing characters, at most
 * PERIOD_NAME_SIZE bytes. Returns 0 and fills *p; or -1, leaves *p alone and
 * sets *why (when why is not NULL) to a static Vietnamese reason such as
 * "tháng phải từ 01 đến 12". s == NULL counts as empty. */
int period_parse(const char *s, struct period *p, const char **why);

/* The canonical name ("2025-05", "2025-Q2", "2025-H1", "2025-9M", "2025") into
 * buf of n bytes (PERIOD_NAME_SIZE is enough), truncated like snprintf. An
 * invalid period gives "". Nothing is written when n == 0. */
void period_format(const struct period *p, char *buf, size_t n);

/* The period as words in a report's title: "tháng 5 năm 2025", "quý III
 * năm 2025", "6 tháng đầu năm 2025", "9 tháng năm 2025", "năm 2025". */
void period_words_vi(const struct period *p, char *buf, size_t n);

/* The period as a label on a page: "Tháng 5/2026", "Quý III/2026", "6 tháng
 * đầu năm 2026", "9 tháng năm 2026", "Năm 2026". */
void period_label_vi(const struct period *p, char *buf, size_t n);

/* The last month of a period named s (as period_months) and its kind: 0,
 * or -1 with *why. */
int period_end(const char *s, int *last, enum period_kind *kind, const char **why);

/* First and last month covered, as "month numbers" year*12 + month-1: 2025-Q2
 * gives 2025-04..2025-06, 2025-9M 01..09, a year 01..12. An invalid period
 * gives the empty range first = 0, last = -1. */
void period_months(const struct period *p, int *first, int *last);

/* Whether every month of a is a month of b (2025-05 lies within 2025-Q2,
 * 2025-H1, 2025-9M and 2025; a period lies within itself). False when either
 * is invalid. */
bool period_within(const struct period *a, const struct period *b);

/* Order for sorting: by last month, then by length (shorter first); -1, 0, 1.
 * Invalid periods (empty range) sort first, among themselves by kind, year
 * and index, so the order is total and 0 means equal. */
int period_cmp(const struct period *a, const struct period *b);

/* The data cut-off window of p as inclusive ISO dates "YYYY-MM-DD". For
 * cutoff_day d in 2..28 it runs from day d of the month before p's first month
 * to day d-1 of p's last month; d = 15 gives the Decree's windows (2025-05:
 * 2025-04-15..2025-05-14; 2025-H2: 2025-06-15..2025-12-14; 2025:
 * 2024-12-15..2025-12-14). d = 1 gives exactly the calendar months (2025-05:
 * 2025-05-01..2025-05-31), so that windows of consecutive months always tile.
 * cutoff_day outside 1..28 is clamped into it. An invalid p gives "" twice. */
void period_window(const struct period *p, int cutoff_day, char start[11], char end[11]);

/* The period of the given kind whose window (for cutoff_day, clamped into
 * 1..28) contains date "YYYY-MM-DD": with d = 15, 2025-05-14 is in 2025-05
 * and 2025-05-15 in 2025-06 (2025-Q3 for PERIOD_QUARTER). Returns 0 and
 * fills *out; -1 for a malformed or impossible date, an unknown kind, a
 * period outside the accepted years, or a date no period of that kind covers
 * (PERIOD_NINE_MONTHS for data of October to December). */
int period_of_date(const char *date, int cutoff_day, enum period_kind kind, struct period *out);

/* The periods of kind finer that lie within p, in order: the months of a
 * quarter, the quarters of a year, the quarters of 9M, the halves of 9M (H1
 * only), p itself when finer is p's kind. Writes at most n into out and
 * returns how many it wrote; 0 when p is invalid, finer is longer than p or
 * n <= 0. */
int period_children(const struct period *p, enum period_kind finer, struct period *out, int n);

#endif
