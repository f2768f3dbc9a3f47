/* observation.c: the rules a reported figure must meet. */
#include "observation.h"

#include "period.h"
#include "text.h"
#include "util.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void problems_add(struct problems *ps, const char *code, int line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *m = xvasprintf(fmt, ap);
	va_end(ap);
	ps->v = xgrow(ps->v, &ps->cap, ps->n + 1, sizeof *ps->v);
	ps->v[ps->n++] = (struct problem){code, m, line};
}

void problems_free(struct problems *ps)
{
	for (size_t i = 0; i < ps->n; i++)
		free(ps->v[i].message);
	free(ps->v);
	memset(ps, 0, sizeof *ps);
}

void series_rec_free(struct series_rec *s)
{
	if (!s)
		return;
	free(s->code);
	free(s->name);
	free(s->unit_of_measure);
	for (int i = 0; i < s->nlevels; i++)
		free(s->levels[i]);
	free(s->levels);
	memset(s, 0, sizeof *s);
}

void obs_rec_free(struct obs_rec *o)
{
	if (!o)
		return;
	free(o->level);
	free(o->note);
	free(o->evidence);
	free(o->status);
	free(o->by);
	free(o->at);
	free(o->code);
	memset(o, 0, sizeof *o);
}

struct obs_rec obs_rec_copy(const struct obs_rec *o)
{
	struct obs_rec c = *o;
	c.level = o->level ? xstrdup(o->level) : NULL;
	c.note = o->note ? xstrdup(o->note) : NULL;
	c.evidence = o->evidence ? xstrdup(o->evidence) : NULL;
	c.status = o->status ? xstrdup(o->status) : NULL;
	c.by = o->by ? xstrdup(o->by) : NULL;
	c.at = o->at ? xstrdup(o->at) : NULL;
	c.code = o->code ? xstrdup(o->code) : NULL;
	return c;
}

bool observation_percent(const char *unit)
{
	return unit && unit[0] == '%' && !strstr(unit, "/");
}

bool observation_rate(const char *unit)
{
	return unit && (text_fold_has(unit, "van dan") || text_fold_has(unit, "10.000") ||
	                text_fold_has(unit, "nghin dan"));
}

static int check_kind(const struct series_rec *s, const struct obs_rec *o, int line,
                      struct problems *ps)
{
	int kinds = o->has_value + o->has_ratio + o->has_level + o->has_yes;
	if (kinds != 1) {
		problems_add(
		        ps, "E_FIGURE", line,
		        kinds ? "Chỉ ghi một loại số liệu: giá trị, tử số/mẫu số, mức hoặc có/không"
		              : "Thiếu số liệu: ghi giá trị, tử số/mẫu số, mức hoặc có/không");
		return 1;
	}
	if (s->yes_no && !o->has_yes) {
		problems_add(ps, "E_YESNO", line, "Chỉ tiêu %s chỉ nhận Có hoặc Không", s->code);
		return 1;
	}
	if (!s->yes_no && o->has_yes && s->nlevels == 0) {
		problems_add(ps, "E_YESNO", line,
		             "Chỉ tiêu %s cần một số liệu, không phải Có/Không", s->code);
		return 1;
	}
	if (o->has_level && s->nlevels == 0) {
		problems_add(ps, "E_LEVEL", line, "Chỉ tiêu %s không đo theo mức", s->code);
		return 1;
	}
	return 0;
}

static int check_values(const struct series_rec *s, const struct obs_rec *o, int line,
                        struct problems *ps)
{
	int n = 0;
	bool pct = observation_percent(s->unit_of_measure);
	if (o->has_value && (!isfinite(o->value) || o->value < 0)) {
		problems_add(ps, "E_VALUE", line, "Giá trị %g không hợp lệ (phải là số không âm)",
		             o->value);
		n++;
	} else if (o->has_value && pct && o->value > 100) {
		problems_add(ps, "E_PERCENT", line, "Tỷ lệ %g%% nằm ngoài khoảng 0–100", o->value);
		n++;
	}
	if (o->has_ratio) {
		if (!isfinite(o->num) || !isfinite(o->den) || o->num < 0 || o->den <= 0) {
			problems_add(ps, "E_RATIO", line,
			             "Tử số và mẫu số phải là số không âm, mẫu số lớn hơn 0");
			n++;
		} else if (o->num > o->den) {
			problems_add(ps, "E_RATIO", line, "Tử số %g lớn hơn mẫu số %g", o->num,
			             o->den);
			n++;
		}
	}
	if (o->has_level) {
		char *f = text_fold(o->level);
		bool on = false;
		for (int i = 0; i < s->nlevels && !on; i++) {
			char *g = text_fold(s->levels[i]);
			on = !strcmp(f, g);
			free(g);
		}
		free(f);
		if (!on) {
			struct buf b = BUF_INIT;
			for (int i = 0; i < s->nlevels; i++)
				buf_printf(&b, "%s%s", i ? ", " : "", s->levels[i]);
			problems_add(ps, "E_LEVEL", line,
			             "Mức \"%s\" không có trong thang của chỉ tiêu %s (%s)",
			             o->level, s->code, buf_str(&b));
			buf_free(&b);
			n++;
		}
	}
	return n;
}

int observation_check(const struct series_rec *s, const struct obs_rec *o, int line,
                      struct problems *ps)
{
	struct period p;
	const char *why = NULL;
	int n = 0;
	if (period_parse(o->period, &p, &why)) {
		problems_add(ps, "E_PERIOD", line, "Kỳ báo cáo \"%s\": %s", o->period, why);
		n++;
	} else if (s->first_year && (p.year < s->first_year - 1 || p.year > s->last_year)) {
		problems_add(ps, "E_PERIOD_RANGE", line,
		             "Kỳ %s nằm ngoài thời gian của kế hoạch (%d–%d)", o->period,
		             s->first_year - 1, s->last_year);
		n++;
	}
	if (check_kind(s, o, line, ps))
		return n + 1;
	return n + check_values(s, o, line, ps);
}
