/* deadline.h: when a periodic report must be sent (Decree 09/2019/NĐ-CP):
 * the data are cut off on day cutoff_day - 1 of the period's last month
 * (period_window), and the report goes up a few days later, each level
 * before the one above it consolidates. No I/O.
 *
 * The Decree leaves the sending day to the authority that sets the regime;
 * the defaults are the days the provinces' own regulations under it
 * commonly set, in the period's last month: a commune or ward sends by the
 * 16th, a district or department by the 18th, a province by the 20th (the
 * Government's monthly report is made by the 25th). Each unit may set its
 * own day per kind of period (unit settings). */
#ifndef CHITIEU_DEADLINE_H
#define CHITIEU_DEADLINE_H

#include "period.h"

#include <stdbool.h>

#define DEADLINE_KINDS 5 /* one sending day per enum period_kind */

/* The default sending day for a unit of kind ("commune", "ward",
 * "district", "province", "country"; anything else counts as a commune). */
int deadline_default_day(const char *unit_kind);

/* The date report p must be sent by, "YYYY-MM-DD": the first day numbered
 * send_day (clamped into 1..28) after the data are cut off, the day before
 * cutoff_day (clamped into 1..28; period_window) of p's last month. With
 * the Decree's cut-off (15) that is day send_day of p's last month for a
 * send_day from 15 on (2025-Q4, 16: 2025-12-16); with calendar months
 * (cutoff_day 1) or a send_day before the cut-off, of the month after
 * (2026-01-16). 0, or -1 (and "") for an invalid p. */
int deadline_of(const struct period *p, int cutoff_day, int send_day, char out[11]);

/* Whole days from today ("YYYY-MM-DD") to due ("YYYY-MM-DD"): negative once
 * the deadline has passed, 0 on the day. For reminders (the web app shows
 * "còn N ngày", "quá hạn N ngày"). 0 and *ok = false for a malformed date. */
int deadline_days_left(const char *today, const char *due, bool *ok);

/* The deadline as a report writes it: "16/12/2025". "" for a malformed
 * date. */
void deadline_words(const char *due, char out[16]);

#endif
