/* inbox.c: an account's messages, computed for the day (inbox.h). */
#define _DEFAULT_SOURCE /* timegm */
#include "inbox.h"

#include "agency.h"
#include "period.h"
#include "review.h"
#include "settings.h"
#include "store.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void inbox_free(struct inbox_msg *m, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(m[i].key);
		free(m[i].unit);
		free(m[i].code);
		free(m[i].period);
		free(m[i].text);
		free(m[i].at);
	}
	free(m);
}

const char *inbox_kind_name(enum inbox_kind k)
{
	return k == INBOX_RETURNED ? "returned" : k == INBOX_CUTOFF ? "cutoff" : "overdue";
}

/* agency (NULL: anyone) is one of the lead agencies in lead. */
static bool leads(const char *agency, const char *lead)
{
	if (!agency)
		return true;
	if (!lead)
		return false;
	char **names;
	size_t n = agency_split(lead, &names);
	bool yes = false;
	for (size_t i = 0; i < n; i++) {
		yes |= agency_likeness(names[i], agency) >= AGENCY_SAME;
		free(names[i]);
	}
	free(names);
	return yes;
}

struct list {
	struct inbox_msg *m;
	size_t n, cap;
};

static struct inbox_msg *add(struct list *l, enum inbox_kind kind, const char *unit)
{
	l->m = xgrow(l->m, &l->cap, l->n + 1, sizeof *l->m);
	struct inbox_msg *m = &l->m[l->n++];
	memset(m, 0, sizeof *m);
	m->kind = kind;
	m->unit = xstrdup(unit);
	return m;
}

static long day_number(const char *iso)
{
	struct tm tm = {0};
	if (!iso || sscanf(iso, "%4d-%2d-%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday) != 3)
		return 0;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	return (long)(timegm(&tm) / 86400);
}

static void label(const char *name, char *buf, size_t n)
{
	struct period p;
	if (period_parse(name, &p, NULL))
		snprintf(buf, n, "%s", name);
	else
		period_label_vi(&p, buf, n);
}

static void returned(struct list *l, struct store *s, const struct unit_rec *u,
                     const struct plan *p, const char *agency, struct error *err, int *rc)
{
	struct returned_rec *r;
	size_t n;
	if ((*rc = store_returned_list(s, u->id, NULL, &r, &n, err)))
		return;
	for (size_t i = 0; i < n; i++) {
		const struct indicator *x = plan_find_indicator(p, r[i].code);
		if (x && leads(agency, x->lead)) {
			struct inbox_msg *m = add(l, INBOX_RETURNED, u->code);
			char lab[64];
			label(r[i].period, lab, sizeof lab);
			m->key = xasprintf("ret:%lld:%s", (long long)r[i].obs_id,
			                   r[i].at ? r[i].at : "");
			m->code = xstrdup(r[i].code);
			m->period = xstrdup(r[i].period);
			m->at = r[i].at ? xstrdup(r[i].at) : NULL;
			m->text = xasprintf("%s %s (%s) %s%s%s: %s", r[i].code, x->name, lab,
			                    !strcmp(r[i].action, "reopen") ? "được mở khóa để sửa"
			                                                   : "bị trả lại",
			                    r[i].by ? " bởi " : "", r[i].by ? r[i].by : "",
			                    r[i].reason);
		}
		returned_rec_free(&r[i]);
	}
	free(r);
}

/* The periods of the month, quarter and year kinds whose cut-off window,
 * holding today, closes within INBOX_CUTOFF_DAYS, with the unit's (or the
 * agency's) indicators that have no figure for them yet. */
static void cutoffs(struct list *l, struct store *s, const struct unit_rec *u, const struct plan *p,
                    const char *agency, const char *today, struct error *err, int *rc)
{
	int day = store_cutoff_day(s, u->id, err);
	if (day < 0) {
		*rc = -1;
		return;
	}
	char *doc = NULL;
	struct error e = {0};
	struct unit_settings set = {0};
	bool have_set =
	        !store_unit_settings_get(s, u->code, &doc, &e) && !settings_parse(doc, &set, &e);
	free(doc);
	err_clear(&e);
	static const enum period_kind kinds[] = {PERIOD_MONTH, PERIOD_QUARTER, PERIOD_YEAR};
	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0] && !*rc; k++) {
		int send_day = have_set ? settings_send_day(&set, kinds[k], u->kind)
		                        : deadline_default_day(u->kind);
		struct period q;
		char start[11], end[11], name[PERIOD_NAME_SIZE];
		if (period_of_date(today, day, kinds[k], &q))
			continue;
		period_window(&q, day, start, end);
		long left = day_number(end) - day_number(today);
		if (left < 0 || left > INBOX_CUTOFF_DAYS)
			continue;
		period_format(&q, name, sizeof name);
		struct obs_rec *o;
		size_t no, missing = 0, total = 0;
		if ((*rc = store_obs_list(s, u->id, name, &o, &no, err)))
			return;
		for (size_t i = 0; i < p->nind; i++) {
			const struct indicator *x = &p->ind[i];
			if (!leads(agency, x->lead))
				continue;
			bool has = false;
			for (size_t j = 0; j < no; j++)
				has |= o[j].code && !strcmp(o[j].code, x->code);
			total++;
			missing += !has;
		}
		for (size_t j = 0; j < no; j++)
			obs_rec_free(&o[j]);
		free(o);
		if (!missing)
			continue;
		char lab[64];
		label(name, lab, sizeof lab);
		struct inbox_msg *m = add(l, INBOX_CUTOFF, u->code);
		m->key = xasprintf("cut:%s:%s:%zu", u->code, name, missing);
		m->period = xstrdup(name);
		/* The sending deadline (Decree 09/2019, by the unit's settings). */
		char due[11] = "", due_vi[16] = "";
		if (send_day > 0 && !deadline_of(&q, day, send_day, due))
			deadline_words(due, due_vi);
		m->text =
		        xasprintf("%s chốt số liệu ngày %.2s/%.2s/%.4s (còn %ld ngày)%s%s: %zu/%zu "
		                  "chỉ tiêu chưa có số liệu",
		                  lab, end + 8, end + 5, end, left,
		                  *due_vi ? ", hạn gửi báo cáo " : "", due_vi, missing, total);
	}
}

static void overdue(struct list *l, struct store *s, const struct unit_rec *u, const char *agency,
                    const char *today, struct error *err, int *rc)
{
	struct task_row *t;
	size_t n;
	char month[8];
	snprintf(month, sizeof month, "%.7s", today);
	if ((*rc = store_task_list(s, u->id, month, &t, &n, err)))
		return;
	for (size_t i = 0; i < n; i++) {
		if (t[i].overdue && leads(agency, t[i].lead)) {
			struct inbox_msg *m = add(l, INBOX_OVERDUE, u->code);
			m->key = xasprintf("task:%s:%s:%s", u->code, t[i].code,
			                   t[i].due ? t[i].due : "");
			m->code = xstrdup(t[i].code);
			m->text = xasprintf("Nhiệm vụ %s quá hạn (hạn %s), chưa xong: %s",
			                    t[i].code, t[i].due ? t[i].due : "–", t[i].title);
		}
		task_row_free(&t[i]);
	}
	free(t);
}

int inbox_list(struct store *s, const char *login, const char *unit_code, const char *agency,
               const char *today, struct inbox_msg **out, size_t *n, struct error *err)
{
	struct list l = {0};
	*out = NULL;
	*n = 0;
	if (!unit_code)
		return 0;
	struct unit_rec u = {0};
	struct plan p;
	int rc = store_unit_get(s, unit_code, &u, err);
	if (rc) {
		unit_rec_free(&u);
		return rc < 0 ? -1 : 0;
	}
	rc = store_plan_load(s, u.id, &p, err);
	if (rc > 0) { /* no plan: only tasks could be, and there are none */
		unit_rec_free(&u);
		err_clear(err);
		return 0;
	}
	if (!rc) {
		returned(&l, s, &u, &p, agency, err, &rc);
		if (!rc)
			cutoffs(&l, s, &u, &p, agency, today, err, &rc);
		if (!rc)
			overdue(&l, s, &u, agency, today, err, &rc);
		plan_free(&p);
	}
	char **keys = NULL;
	size_t nk = 0;
	if (!rc)
		rc = store_inbox_read(s, login, &keys, &nk, err);
	for (size_t i = 0; i < l.n; i++)
		for (size_t k = 0; k < nk && !l.m[i].read; k++)
			l.m[i].read = !strcmp(keys[k], l.m[i].key);
	for (size_t k = 0; k < nk; k++)
		free(keys[k]);
	free(keys);
	unit_rec_free(&u);
	if (rc) {
		inbox_free(l.m, l.n);
		return -1;
	}
	*out = l.m;
	*n = l.n;
	return 0;
}
