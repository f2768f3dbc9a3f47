/* plan_copy.c: a plan copied, for the many units sharing one document. */
#include "plan.h"

#include "util.h"

#include <stdlib.h>
#include <string.h>

static char *dup(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static void *copy_array(const void *a, size_t n, size_t size)
{
	void *b = xcalloc(n + 1, size);
	if (n)
		memcpy(b, a, n * size);
	return b;
}

static struct plan_group *copy_groups(const struct plan_group *g, size_t n)
{
	struct plan_group *out = copy_array(g, n, sizeof *g);
	for (size_t i = 0; i < n; i++)
		out[i] = (struct plan_group){dup(g[i].code), dup(g[i].name)};
	return out;
}

void plan_copy(const struct plan *p, struct plan *out)
{
	*out = *p;
	out->title = dup(p->title);
	out->issuer = dup(p->issuer);
	out->number = dup(p->number);
	out->date = dup(p->date);
	out->groups = copy_groups(p->groups, p->ngroups);
	out->capgroups = p->ngroups;
	out->task_groups = copy_groups(p->task_groups, p->ntask_groups);
	out->captask_groups = p->ntask_groups;
	out->ind = copy_array(p->ind, p->nind, sizeof *p->ind);
	out->capind = p->nind;
	for (size_t i = 0; i < p->nind; i++) {
		struct indicator *x = &out->ind[i];
		x->code = dup(x->code);
		x->group = dup(x->group);
		x->name = dup(x->name);
		x->unit = dup(x->unit);
		x->baseline_text = dup(x->baseline_text);
		for (int k = 0; k < x->ntargets; k++) {
			x->targets[k].t.text = dup(x->targets[k].t.text);
			x->targets[k].t.level = dup(x->targets[k].t.level);
		}
		x->lead = dup(x->lead);
		x->monitor = dup(x->monitor);
		x->partners = dup(x->partners);
		x->implementers = dup(x->implementers);
		x->deadline = dup(x->deadline);
		x->directing = dup(x->directing);
	}
	out->tasks = copy_array(p->tasks, p->ntasks, sizeof *p->tasks);
	out->captasks = p->ntasks;
	for (size_t i = 0; i < p->ntasks; i++) {
		struct task *t = &out->tasks[i];
		t->code = dup(t->code);
		t->group = dup(t->group);
		t->title = dup(t->title);
		t->lead = dup(t->lead);
		t->implementers = dup(t->implementers);
		t->timeframe = dup(t->timeframe);
	}
	out->warn = copy_array(p->warn, p->nwarn, sizeof *p->warn);
	out->unread = p->unread;
	out->capwarn = p->nwarn;
	for (size_t i = 0; i < p->nwarn; i++) {
		out->warn[i].message = dup(p->warn[i].message);
		out->warn[i].field = dup(p->warn[i].field);
	}
}
