/* plan.c: the plan model, and its JSON and text renderings. */
#include "plan.h"

#include "text.h"
#include "util.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void plan_init(struct plan *p)
{
	memset(p, 0, sizeof *p);
}

static void indicator_free(struct indicator *x)
{
	free(x->code);
	free(x->group);
	free(x->name);
	free(x->unit);
	free(x->baseline_text);
	for (int i = 0; i < x->ntargets; i++)
		target_free(&x->targets[i].t);
	free(x->lead);
	free(x->monitor);
	free(x->partners);
	free(x->implementers);
	free(x->deadline);
	free(x->directing);
}

static void task_free(struct task *t)
{
	free(t->code);
	free(t->group);
	free(t->title);
	free(t->lead);
	free(t->implementers);
	free(t->timeframe);
}

void plan_free(struct plan *p)
{
	if (!p)
		return;
	free(p->title);
	free(p->issuer);
	free(p->number);
	free(p->date);
	for (size_t i = 0; i < p->ngroups; i++) {
		free(p->groups[i].code);
		free(p->groups[i].name);
	}
	free(p->groups);
	for (size_t i = 0; i < p->ntask_groups; i++) {
		free(p->task_groups[i].code);
		free(p->task_groups[i].name);
	}
	free(p->task_groups);
	for (size_t i = 0; i < p->nind; i++)
		indicator_free(&p->ind[i]);
	free(p->ind);
	for (size_t i = 0; i < p->ntasks; i++)
		task_free(&p->tasks[i]);
	free(p->tasks);
	for (size_t i = 0; i < p->nwarn; i++) {
		free(p->warn[i].message);
		free(p->warn[i].field);
	}
	free(p->warn);
	plan_init(p);
}

/* A message cut inside a letter ("%.60s" counts bytes): the broken
 * letter's bytes dropped, as JSON carries whole letters only (the warning
 * was lost with it). */
static void whole_letters(char *m)
{
	size_t n = strlen(m), bad;
	while (!text_valid_utf8(m, n, &bad)) {
		size_t k = 1;
		while (bad + k < n && ((unsigned char)m[bad + k] & 0xc0) == 0x80)
			k++;
		memmove(m + bad, m + bad + k, n - bad - k + 1);
		n -= k;
	}
}

static void warn_at(struct plan *p, int line, int col, const char *fmt, va_list ap)
{
	if (p->nwarn > PLAN_MAX_WARNINGS)
		return;
	bool over = p->nwarn == PLAN_MAX_WARNINGS;
	char *m = over ? xstrdup("Quá nhiều cảnh báo; các cảnh báo sau bị lược bớt")
	               : xvasprintf(fmt, ap);
	whole_letters(m);
	p->warn = xgrow(p->warn, &p->capwarn, p->nwarn + 1, sizeof *p->warn);
	p->warn[p->nwarn] = (struct plan_warning){line, m, over ? 0 : col, NULL};
	p->nwarn++;
}

void plan_warn(struct plan *p, int line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	warn_at(p, line, 0, fmt, ap);
	va_end(ap);
}

void plan_warn_cell(struct plan *p, int line, int col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	warn_at(p, line, col, fmt, ap);
	va_end(ap);
}

struct indicator *plan_add_indicator(struct plan *p)
{
	p->ind = xgrow(p->ind, &p->capind, p->nind + 1, sizeof *p->ind);
	struct indicator *x = &p->ind[p->nind++];
	memset(x, 0, sizeof *x);
	return x;
}

struct task *plan_add_task(struct plan *p)
{
	p->tasks = xgrow(p->tasks, &p->captasks, p->ntasks + 1, sizeof *p->tasks);
	struct task *t = &p->tasks[p->ntasks++];
	memset(t, 0, sizeof *t);
	return t;
}

struct plan_group *plan_add_group(struct plan *p, const char *code, const char *name)
{
	p->groups = xgrow(p->groups, &p->capgroups, p->ngroups + 1, sizeof *p->groups);
	struct plan_group *g = &p->groups[p->ngroups++];
	g->code = xstrdup(code);
	g->name = xstrdup(name);
	return g;
}

struct plan_group *plan_find_group(struct plan *p, const char *code)
{
	for (size_t i = 0; i < p->ngroups; i++)
		if (strcmp(p->groups[i].code, code) == 0)
			return &p->groups[i];
	return NULL;
}

const struct indicator *plan_find_indicator(const struct plan *p, const char *code)
{
	for (size_t i = 0; code && i < p->nind; i++)
		if (!strcmp(p->ind[i].code, code))
			return &p->ind[i];
	return NULL;
}

void indicator_set_target(struct indicator *ind, int year, struct target *t)
{
	int i = 0;
	while (i < ind->ntargets && ind->targets[i].year < year)
		i++;
	if (i < ind->ntargets && ind->targets[i].year == year) {
		target_free(&ind->targets[i].t);
	} else {
		if (ind->ntargets == PLAN_MAX_MILESTONES) {
			target_free(t);
			return;
		}
		memmove(&ind->targets[i + 1], &ind->targets[i],
		        (size_t)(ind->ntargets - i) * sizeof ind->targets[0]);
		ind->ntargets++;
	}
	ind->targets[i].year = year;
	ind->targets[i].t = *t;
	memset(t, 0, sizeof *t);
}

struct target *indicator_target(struct indicator *ind, int year)
{
	for (int i = 0; i < ind->ntargets; i++)
		if (ind->targets[i].year == year)
			return &ind->targets[i].t;
	return NULL;
}

int plan_milestones(const struct plan *p, int *years, int max)
{
	int n = 0;
	for (size_t i = 0; i < p->nind; i++) {
		for (int j = 0; j < p->ind[i].ntargets; j++) {
			int y = p->ind[i].targets[j].year, k = 0;
			while (k < n && years[k] < y)
				k++;
			if (k < n && years[k] == y)
				continue;
			if (n == max)
				break;
			memmove(&years[k + 1], &years[k], (size_t)(n - k) * sizeof *years);
			years[k] = y;
			n++;
		}
	}
	return n;
}

static json_t *str_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

/* Whole numbers print as integers so that "100" stays 100, not 100.0. */
static json_t *num(double v)
{
	if (v == floor(v) && fabs(v) < 1e15)
		return json_integer((json_int_t)v);
	return json_real(v);
}

json_t *target_to_json(const struct target *t)
{
	json_t *o = json_object();
	json_object_set_new(o, "text", json_string(t->text ? t->text : ""));
	json_object_set_new(o, "kind", json_string(target_kind_name(t->kind)));
	switch (t->kind) {
	case TARGET_NUMBER:
		json_object_set_new(o, "op", json_string(target_op_name(t->op)));
		json_object_set_new(o, "value", num(t->value));
		break;
	case TARGET_RANGE:
		json_object_set_new(o, "min", num(t->min));
		json_object_set_new(o, "max", num(t->max));
		break;
	case TARGET_LEVEL:
		json_object_set_new(o, "level", json_string(t->level ? t->level : t->text));
		json_object_set_new(o, "rank", json_integer(t->rank));
		break;
	case TARGET_RANK:
		json_object_set_new(o, "op", json_string(target_op_name(t->op)));
		json_object_set_new(o, "value", num(t->value));
		json_object_set_new(o, "scope", json_string(t->scope ? t->scope : "province"));
		break;
	case TARGET_GROWTH:
		json_object_set_new(o, "value", num(t->value));
		json_object_set_new(o, "per", json_string("year"));
		break;
	case TARGET_RELATIVE:
		json_object_set_new(o, "to",
		                    json_string(t->to == TARGET_TO_PROVINCE_AVERAGE
		                                        ? "province_average"
		                                        : "province_target"));
		break;
	default:
		break;
	}
	return o;
}

/* "source": {"table", "row", "page"} when the document told it (a PDF's
 * page alone, table and row 0, for one read from its pages laid out as
 * text). */
static void source_json(json_t *o, const struct plan_source *s)
{
	if (!s->table && !s->page)
		return;
	json_t *page = s->page ? json_integer(s->page) : json_null();
	json_object_set_new(o, "source",
	                    json_pack("{sisiso}", "table", s->table, "row", s->row, "page", page));
}

static void source_from_json(json_t *v, struct plan_source *s)
{
	json_t *o = json_object_get(v, "source");
	s->table = (int)json_integer_value(json_object_get(o, "table"));
	s->row = (int)json_integer_value(json_object_get(o, "row"));
	s->page = (int)json_integer_value(json_object_get(o, "page"));
}

static json_t *indicator_json(const struct indicator *x)
{
	json_t *o = json_object();
	json_object_set_new(o, "code", json_string(x->code));
	json_object_set_new(o, "group", json_string(x->group));
	json_object_set_new(o, "name", json_string(x->name));
	json_object_set_new(o, "unit", str_or_null(x->unit));
	json_object_set_new(o, "baseline", x->has_baseline ? num(x->baseline) : json_null());
	json_object_set_new(o, "baseline_text", str_or_null(x->baseline_text));
	json_t *ts = json_object();
	for (int i = 0; i < x->ntargets; i++) {
		char y[16];
		snprintf(y, sizeof y, "%d", x->targets[i].year);
		json_object_set_new(ts, y, target_to_json(&x->targets[i].t));
	}
	json_object_set_new(o, "targets", ts);
	json_object_set_new(o, "lead", str_or_null(x->lead));
	json_object_set_new(o, "monitor", str_or_null(x->monitor));
	json_object_set_new(o, "partners", str_or_null(x->partners));
	json_object_set_new(o, "implementers", str_or_null(x->implementers));
	json_object_set_new(o, "deadline", str_or_null(x->deadline));
	json_object_set_new(o, "directing", str_or_null(x->directing));
	json_object_set_new(o, "source_lines", json_pack("[ii]", x->first_line, x->last_line));
	source_json(o, &x->src);
	return o;
}

static json_t *task_json(const struct task *t)
{
	json_t *o = json_object();
	json_object_set_new(o, "code", json_string(t->code));
	json_object_set_new(o, "group", json_string(t->group));
	json_object_set_new(o, "title", json_string(t->title));
	json_object_set_new(o, "lead", str_or_null(t->lead));
	json_object_set_new(o, "implementers", str_or_null(t->implementers));
	json_object_set_new(o, "timeframe", str_or_null(t->timeframe));
	if (t->due_year) {
		char due[16];
		snprintf(due, sizeof due, "%04d-%02d", t->due_year, t->due_month);
		json_object_set_new(o, "due", json_string(due));
	} else {
		json_object_set_new(o, "due", json_null());
	}
	json_object_set_new(o, "recurring", json_boolean(t->recurring));
	json_object_set_new(o, "source_lines", json_pack("[ii]", t->first_line, t->last_line));
	source_json(o, &t->src);
	return o;
}

static json_t *groups_json(const struct plan_group *g, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, json_pack("{ssss}", "code", g[i].code, "name", g[i].name));
	return a;
}

json_t *plan_to_json(const struct plan *p)
{
	json_t *o = json_object();
	json_object_set_new(o, "title", str_or_null(p->title));
	json_object_set_new(o, "issuer", str_or_null(p->issuer));
	json_object_set_new(o, "number", str_or_null(p->number));
	json_object_set_new(o, "date", str_or_null(p->date));
	int years[PLAN_MAX_MILESTONES * 4];
	int ny = plan_milestones(p, years, (int)(sizeof years / sizeof years[0]));
	json_t *ms = json_array();
	for (int i = 0; i < ny; i++)
		json_array_append_new(ms, json_integer(years[i]));
	json_object_set_new(o, "milestones", ms);
	json_object_set_new(o, "baseline_year",
	                    p->baseline_year ? json_integer(p->baseline_year) : json_null());
	json_object_set_new(o, "groups", groups_json(p->groups, p->ngroups));
	json_t *inds = json_array();
	for (size_t i = 0; i < p->nind; i++)
		json_array_append_new(inds, indicator_json(&p->ind[i]));
	json_object_set_new(o, "indicators", inds);
	json_object_set_new(o, "task_groups", groups_json(p->task_groups, p->ntask_groups));
	json_t *tasks = json_array();
	for (size_t i = 0; i < p->ntasks; i++)
		json_array_append_new(tasks, task_json(&p->tasks[i]));
	json_object_set_new(o, "tasks", tasks);
	json_t *ws = json_array();
	for (size_t i = 0; i < p->nwarn; i++)
		json_array_append_new(ws, json_pack("{s:i, s:s, s:s*}", "line", p->warn[i].line,
		                                    "message", p->warn[i].message, "field",
		                                    p->warn[i].field));
	json_object_set_new(o, "warnings", ws);
	return json_pack("{so}", "plan", o);
}

static void text_targets(struct buf *b, const struct indicator *x, const int *years, int ny)
{
	for (int k = 0; k < ny; k++) {
		const struct target *t = NULL;
		for (int i = 0; i < x->ntargets; i++)
			if (x->targets[i].year == years[k])
				t = &x->targets[i].t;
		buf_printf(b, "      %d: ", years[k]);
		if (!t) {
			buf_puts(b, "(không có ô)\n");
			continue;
		}
		const char *shown = t->text[0] ? t->text : "(trống)";
		buf_puts(b, shown);
		for (size_t w = text_len(shown); w < 24; w++) /* pad by letters, not bytes */
			buf_putc(b, ' ');
		buf_printf(b, " [%s", target_kind_name(t->kind));
		if (t->kind == TARGET_NUMBER || t->kind == TARGET_RANK)
			buf_printf(b, " %s %g", target_op_name(t->op), t->value);
		else if (t->kind == TARGET_RANGE)
			buf_printf(b, " %g..%g", t->min, t->max);
		else if (t->kind == TARGET_LEVEL)
			buf_printf(b, " %s #%d", t->level, t->rank);
		else if (t->kind == TARGET_GROWTH)
			buf_printf(b, " +%g%%/năm", t->value);
		buf_puts(b, "]\n");
	}
}

char *plan_to_text(const struct plan *p, const char *source)
{
	struct buf b = BUF_INIT;
	int years[PLAN_MAX_MILESTONES * 4];
	int ny = plan_milestones(p, years, (int)(sizeof years / sizeof years[0]));
	buf_printf(&b, "== %s\n", source ? source : "kế hoạch");
	buf_printf(&b, "Tiêu đề:   %s\n", p->title ? p->title : "(không rõ)");
	buf_printf(&b, "Cơ quan:   %s\n", p->issuer ? p->issuer : "(không rõ)");
	buf_printf(&b, "Số:        %s   Ngày: %s\n", p->number ? p->number : "(không rõ)",
	           p->date ? p->date : "(không rõ)");
	buf_puts(&b, "Các mốc:  ");
	for (int i = 0; i < ny; i++)
		buf_printf(&b, " %d", years[i]);
	buf_printf(&b, "\n%zu chỉ tiêu trong %zu nhóm, %zu nhiệm vụ, %zu cảnh báo\n\n", p->nind,
	           p->ngroups, p->ntasks, p->nwarn);
	for (size_t g = 0; g < p->ngroups; g++) {
		size_t count = 0;
		for (size_t i = 0; i < p->nind; i++)
			count += strcmp(p->ind[i].group, p->groups[g].code) == 0;
		buf_printf(&b, "%s. %s (%zu chỉ tiêu)\n", p->groups[g].code, p->groups[g].name,
		           count);
		for (size_t i = 0; i < p->nind; i++) {
			const struct indicator *x = &p->ind[i];
			if (strcmp(x->group, p->groups[g].code) != 0)
				continue;
			buf_printf(&b, "  %-7s %s\n", x->code, x->name);
			buf_printf(&b, "      đơn vị: %s", x->unit ? x->unit : "(không có)");
			if (x->baseline_text)
				buf_printf(&b, "; hiện trạng: %s", x->baseline_text);
			if (x->src.table && x->src.page)
				buf_printf(&b, "; trang %d, bảng %d, hàng %d\n", x->src.page,
				           x->src.table, x->src.row);
			else if (x->src.table)
				buf_printf(&b, "; bảng %d, hàng %d\n", x->src.table, x->src.row);
			else if (x->src.page)
				buf_printf(&b, "; trang %d\n", x->src.page);
			else
				buf_printf(&b, "; dòng %d-%d\n", x->first_line, x->last_line);
			text_targets(&b, x, years, ny);
			if (x->lead)
				buf_printf(&b, "      chủ trì: %s\n", x->lead);
			if (x->monitor)
				buf_printf(&b, "      theo dõi: %s\n", x->monitor);
		}
	}
	if (p->ntasks)
		buf_puts(&b, "\nNhiệm vụ:\n");
	for (size_t i = 0; i < p->ntasks; i++) {
		const struct task *t = &p->tasks[i];
		char *title = text_prefix(t->title, 90);
		buf_printf(&b, "  %-7s %s\n", t->code, title);
		free(title);
		if (t->due_year)
			buf_printf(&b, "      hạn: %04d-%02d", t->due_year, t->due_month);
		else
			buf_puts(&b, "      hạn: -");
		buf_printf(&b, "%s; chủ trì: %s\n", t->recurring ? " (thường xuyên)" : "",
		           t->lead ? t->lead : "-");
	}
	if (p->nwarn)
		buf_puts(&b, "\nCảnh báo:\n");
	for (size_t i = 0; i < p->nwarn; i++)
		buf_printf(&b, "  dòng %d: %s\n", p->warn[i].line, p->warn[i].message);
	return buf_detach(&b);
}

/* "2030" -> 2030; 0 for anything else. */
static int atoi_year(const char *s)
{
	int y = 0, k = 0;
	for (; s[k] >= '0' && s[k] <= '9' && k < 5; k++)
		y = y * 10 + (s[k] - '0');
	return k == 4 && !s[k] ? y : 0;
}

static char *str_of(json_t *o, const char *k)
{
	const char *v = json_string_value(json_object_get(o, k));
	return v ? xstrdup(v) : NULL;
}

static enum target_op op_of(const char *s)
{
	static const char *const ops[] = {">=", ">", "<=", "<", "="};
	for (int i = 0; s && i < 5; i++)
		if (!strcmp(s, ops[i]))
			return (enum target_op)i;
	return TARGET_GE;
}

static void target_from_json(json_t *o, struct target *t)
{
	memset(t, 0, sizeof *t);
	t->text = str_of(o, "text");
	if (!t->text)
		t->text = xstrdup("");
	const char *kind = json_string_value(json_object_get(o, "kind"));
	for (int k = TARGET_NONE; k <= TARGET_TEXT; k++)
		if (kind && !strcmp(kind, target_kind_name((enum target_kind)k)))
			t->kind = (enum target_kind)k;
	t->op = op_of(json_string_value(json_object_get(o, "op")));
	t->value = json_number_value(json_object_get(o, "value"));
	t->min = json_number_value(json_object_get(o, "min"));
	t->max = json_number_value(json_object_get(o, "max"));
	t->level = str_of(o, "level");
	t->rank = (int)json_integer_value(json_object_get(o, "rank"));
	const char *scope = json_string_value(json_object_get(o, "scope"));
	t->scope = scope && !strcmp(scope, "country")    ? "country"
	           : scope && !strcmp(scope, "district") ? "district"
	                                                 : "province";
	const char *to = json_string_value(json_object_get(o, "to"));
	t->to = to && !strcmp(to, "province_target") ? TARGET_TO_PROVINCE_TARGET
	                                             : TARGET_TO_PROVINCE_AVERAGE;
}

int plan_from_json(json_t *doc, struct plan *p)
{
	plan_init(p);
	json_t *o = json_object_get(doc, "plan");
	if (!json_is_object(o))
		return -1;
	p->title = str_of(o, "title");
	p->issuer = str_of(o, "issuer");
	p->number = str_of(o, "number");
	p->date = str_of(o, "date");
	p->baseline_year = (int)json_integer_value(json_object_get(o, "baseline_year"));
	size_t i;
	json_t *v;
	json_array_foreach(json_object_get(o, "groups"), i, v)
	{
		const char *code = json_string_value(json_object_get(v, "code"));
		const char *name = json_string_value(json_object_get(v, "name"));
		plan_add_group(p, code ? code : "", name ? name : "");
	}
	json_array_foreach(json_object_get(o, "indicators"), i, v)
	{
		struct indicator *x = plan_add_indicator(p);
		x->code = str_of(v, "code");
		x->group = str_of(v, "group");
		x->name = str_of(v, "name");
		if (!x->code || !x->group || !x->name)
			return -1;
		x->unit = str_of(v, "unit");
		json_t *b = json_object_get(v, "baseline");
		x->has_baseline = json_is_number(b);
		x->baseline = json_number_value(b);
		x->baseline_text = str_of(v, "baseline_text");
		x->lead = str_of(v, "lead");
		x->monitor = str_of(v, "monitor");
		x->partners = str_of(v, "partners");
		x->implementers = str_of(v, "implementers");
		x->deadline = str_of(v, "deadline");
		x->directing = str_of(v, "directing");
		json_t *lines = json_object_get(v, "source_lines");
		x->first_line = (int)json_integer_value(json_array_get(lines, 0));
		x->last_line = (int)json_integer_value(json_array_get(lines, 1));
		source_from_json(v, &x->src);
		const char *year;
		json_t *t;
		json_object_foreach(json_object_get(v, "targets"), year, t)
		{
			struct target tt;
			target_from_json(t, &tt);
			indicator_set_target(x, atoi_year(year), &tt);
		}
	}
	json_array_foreach(json_object_get(o, "task_groups"), i, v)
	{
		p->task_groups = xgrow(p->task_groups, &p->captask_groups, p->ntask_groups + 1,
		                       sizeof *p->task_groups);
		p->task_groups[p->ntask_groups].code = str_of(v, "code");
		p->task_groups[p->ntask_groups].name = str_of(v, "name");
		p->ntask_groups++;
	}
	json_array_foreach(json_object_get(o, "tasks"), i, v)
	{
		struct task *t = plan_add_task(p);
		t->code = str_of(v, "code");
		t->group = str_of(v, "group");
		t->title = str_of(v, "title");
		if (!t->code || !t->group || !t->title)
			return -1;
		t->lead = str_of(v, "lead");
		t->implementers = str_of(v, "implementers");
		t->timeframe = str_of(v, "timeframe");
		const char *due = json_string_value(json_object_get(v, "due"));
		if (due && strlen(due) == 7) {
			t->due_year = atoi_year((char[]){due[0], due[1], due[2], due[3], 0});
			t->due_month = (due[5] - '0') * 10 + (due[6] - '0');
		}
		t->recurring = json_is_true(json_object_get(v, "recurring"));
		json_t *lines = json_object_get(v, "source_lines");
		t->first_line = (int)json_integer_value(json_array_get(lines, 0));
		t->last_line = (int)json_integer_value(json_array_get(lines, 1));
		source_from_json(v, &t->src);
	}
	json_array_foreach(json_object_get(o, "warnings"), i, v)
	{
		p->warn = xgrow(p->warn, &p->capwarn, p->nwarn + 1, sizeof *p->warn);
		p->warn[p->nwarn].line = (int)json_integer_value(json_object_get(v, "line"));
		p->warn[p->nwarn].message = str_of(v, "message");
		if (!p->warn[p->nwarn].message)
			p->warn[p->nwarn].message = xstrdup("");
		p->warn[p->nwarn].col = 0;
		p->warn[p->nwarn].field = str_of(v, "field");
		p->nwarn++;
	}
	return 0;
}

void plan_remove_indicator(struct plan *p, size_t i)
{
	if (i >= p->nind)
		return;
	indicator_free(&p->ind[i]);
	memmove(&p->ind[i], &p->ind[i + 1], (p->nind - i - 1) * sizeof *p->ind);
	p->nind--;
}
