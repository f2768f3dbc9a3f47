/* helpers.h: what the importer's tests share. Include after cmocka.h. */
#ifndef CHITIEU_TEST_HELPERS_H
#define CHITIEU_TEST_HELPERS_H

#include "plan.h"

/* The indicator of p with this code; fails the test when there is none. */
static inline struct indicator *find(struct plan *p, const char *code)
{
	const struct indicator *x = plan_find_indicator(p, code);
	if (!x)
		fail_msg("no indicator %s", code);
	return (struct indicator *)x;
}

/* The target of x at year; fails the test (not the process) when missing. */
static inline struct target *at(struct indicator *x, int year)
{
	struct target *t = indicator_target(x, year);
	if (!t)
		fail_msg("%s has no target for %d", x->code, year);
	return t;
}

#endif
