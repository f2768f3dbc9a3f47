/* aggregate.c: the rules by which figures add up (DOMAIN.md, "Aggregating
 * a parent"). */
#include "aggregate.h"

#include <string.h>

bool agg_count(const double *v, size_t n, double *out)
{
	double s = 0;
	for (size_t i = 0; i < n; i++)
		s += v[i];
	*out = s;
	return n > 0;
}

bool agg_ratio(const double *num, const double *den, size_t n, double *out)
{
	double a = 0, b = 0;
	for (size_t i = 0; i < n; i++) {
		a += num[i];
		b += den[i];
	}
	if (b <= 0)
		return false;
	*out = 100 * a / b;
	return true;
}

bool agg_weighted(const double *v, const double *w, size_t n, double *out)
{
	bool all = true; /* every weight known */
	for (size_t i = 0; i < n; i++)
		all &= w[i] > 0;
	double a = 0, b = 0;
	for (size_t i = 0; i < n; i++) {
		a += v[i] * (all ? w[i] : 1);
		b += all ? w[i] : 1;
	}
	if (b <= 0)
		return false;
	*out = a / b;
	return true;
}

void agg_levels(const int *rank, size_t n, int target, struct agg_levels *out)
{
	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < n; i++) {
		if (rank[i] < 0 || rank[i] > AGG_MAX_LEVEL)
			continue;
		out->count[rank[i]]++;
		out->total++;
		out->at_or_above += rank[i] >= target;
	}
	out->share = out->total ? (double)out->at_or_above / out->total : 0;
}

bool agg_period(enum agg_nature nature, const double *months, const bool *has, size_t n,
                double *out)
{
	bool any = false;
	double s = 0;
	for (size_t i = 0; i < n; i++) {
		if (!has[i])
			continue;
		any = true;
		s = nature == AGG_COUNT ? s + months[i] : months[i];
	}
	*out = s;
	return any;
}

void agg_meeting_add(struct agg_meeting *m, bool evaluated, bool met)
{
	m->evaluated += evaluated;
	m->met += evaluated && met;
	m->share = m->evaluated ? (double)m->met / m->evaluated : 0;
}
