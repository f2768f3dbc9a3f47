/* deadline.c: the sending deadline of a periodic report (deadline.h). */
#include "deadline.h"

#include <stdio.h>
#include <string.h>

int deadline_default_day(const char *unit_kind)
{
	if (!unit_kind)
		return 16;
	if (!strcmp(unit_kind, "district"))
		return 18;
	if (!strcmp(unit_kind, "province"))
		return 20;
	if (!strcmp(unit_kind, "country"))
		return 25;
	return 16;
}

static int clamp(int d)
{
	return d < 1 ? 1 : d > 28 ? 28 : d;
}

int deadline_of(const struct period *p, int cutoff_day, int send_day, char out[11])
{
	int first, last;
	out[0] = 0;
	if (!period_valid(p))
		return -1;
	period_months(p, &first, &last);
	int day = clamp(send_day);
	/* The window ends on day cutoff - 1 of the last month (its last day
	 * when cutoff is 1): a sending day not after it falls a month later. */
	if (clamp(cutoff_day) == 1 || day < clamp(cutoff_day))
		last++;
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)(last / 12) % 10000u,
	         (unsigned)(last % 12 + 1) % 100u, (unsigned)day % 100u);
	return 0;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
 * days_from_civil). */
static long days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static bool read_date(const char *s, int *y, int *m, int *d)
{
	char tail;
	if (!s || strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%c", y, m, d, &tail) != 3)
		return false;
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return *m >= 1 && *m <= 12 && *d >= 1 && *d <= mdays[*m - 1];
}

int deadline_days_left(const char *today, const char *due, bool *ok)
{
	int y1, m1, d1, y2, m2, d2;
	*ok = read_date(today, &y1, &m1, &d1) && read_date(due, &y2, &m2, &d2);
	if (!*ok)
		return 0;
	return (int)(days_from_civil(y2, m2, d2) - days_from_civil(y1, m1, d1));
}

void deadline_words(const char *due, char out[16])
{
	int y, m, d;
	if (!read_date(due, &y, &m, &d)) {
		out[0] = 0;
		return;
	}
	snprintf(out, 16, "%02u/%02u/%04u", (unsigned)d % 100u, (unsigned)m % 100u,
	         (unsigned)y % 10000u);
}
