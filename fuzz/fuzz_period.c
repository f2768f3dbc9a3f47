/* fuzz_period.c: libFuzzer harness for period names. The input, NUL-terminated,
 * goes to period_parse(); an accepted name must format to a canonical name that
 * parses back to the same period, and its months, window and children must be
 * consistent. A failed check traps. Refused inputs must give a reason. */
#include "period.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(bool ok)
{
	if (!ok)
		__builtin_trap();
}

/* Properties of an accepted period beyond the round trip. */
static void check_period(const struct period *p)
{
	int first, last;
	char start[11], end[11];
	struct period kids[12];
	period_months(p, &first, &last);
	check(first <= last && last - first < 12);
	check(period_within(p, p) && period_cmp(p, p) == 0);
	period_window(p, 15, start, end);
	check(strlen(start) == 10 && strlen(end) == 10 && strcmp(start, end) < 0);
	int n = period_children(p, PERIOD_MONTH, kids, 12);
	check(n == last - first + 1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';

	struct period p, q;
	const char *why = NULL;
	if (period_parse(s, &p, &why) != 0) {
		check(why != NULL && why[0] != '\0');
	} else {
		char name[PERIOD_NAME_SIZE];
		check(period_valid(&p));
		period_format(&p, name, sizeof name);
		check(period_parse(name, &q, &why) == 0);
		check(p.kind == q.kind && p.year == q.year && p.index == q.index);
		check_period(&p);
	}
	free(s);
	return 0;
}
