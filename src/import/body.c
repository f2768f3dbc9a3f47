/* body.c: targets given as a numbered list in the plan's body, when it has
 * no indicator table: "Đến năm 2030: (1) Tỷ lệ ... đạt tối thiểu 90%; (2)
 * Kinh tế số chiếm 20% GRDP; ...". Each item is an indicator; its target is
 * the comparison and number in its sentence, its milestone the year the
 * item or the text just before the list names. */
#include "table.h"

#include "text.h"
#include "util.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ITEMS 500
#define LINE_SCAN 8000 /* longer lines are not looked into */

/* Words before a number that make it the target (folded, longest first). */
static const char *const op_words[] = {
        "dat toi thieu",
        "dat it nhat",
        "chiem toi thieu",
        "khong thap hon",
        "dat tren",
        "khong duoi",
        "khong qua",
        "toi thieu",
        "it nhat",
        "toi da",
        "tren",
        "duoi",
        "dat",
        "chiem",
};

/* The last milestone folded f names: "đến (hết) năm 2030", "2026-2030". */
static int last_year(const char *f)
{
	int y = 0;
	for (const char *p = f; *p; p++) {
		if ((p != f && isdigit((unsigned char)p[-1])) || !isdigit((unsigned char)p[0]) ||
		    !isdigit((unsigned char)p[1]) || !isdigit((unsigned char)p[2]) ||
		    !isdigit((unsigned char)p[3]) || isdigit((unsigned char)p[4]))
			continue;
		int v = atoi(p);
		bool named =
		        (p - f >= 8 && !strncmp(p - 8, "den nam ", 8)) ||
		        (p - f >= 8 && !strncmp(p - 8, "het nam ", 8)) ||
		        (p - f >= 1 && p[-1] == '-' && p - f >= 5 && isdigit((unsigned char)p[-2]));
		if (v >= 2000 && v <= 2100 && named)
			y = v;
	}
	return y;
}

/* The position of "(n)" in s at or after from, at a word start; NULL. */
static const char *marker(const char *s, int n, size_t *len)
{
	char m[16];
	snprintf(m, sizeof m, "(%d)", n);
	for (const char *p = strstr(s, m); p; p = strstr(p + 1, m))
		if (p == s || p[-1] == ' ' || p[-1] == ';' || p[-1] == ':' || p[-1] == ',') {
			*len = strlen(m);
			return p;
		}
	return NULL;
}

struct words_v {
	char **w, **f; /* as written, folded without trailing punctuation */
	size_t n, cap;
};

static void split_words(const char *s, struct words_v *v)
{
	while (*s) {
		while (*s == ' ')
			s++;
		size_t n = strcspn(s, " ");
		if (!n)
			break;
		v->w = xgrow(v->w, &v->cap, v->n + 1, sizeof *v->w);
		v->f = xrealloc(v->f, v->cap * sizeof *v->f);
		v->w[v->n] = xstrndup(s, n);
		char *f = text_fold(v->w[v->n]);
		size_t k = strlen(f);
		while (k && strchr(".,;:)", f[k - 1]))
			f[--k] = '\0';
		v->f[v->n++] = f;
		s += n;
	}
}

static void free_words(struct words_v *v)
{
	for (size_t i = 0; i < v->n; i++) {
		free(v->w[i]);
		free(v->f[i]);
	}
	free(v->w);
	free(v->f);
}

/* The op phrase ending just before word w: its first word, or w. */
static size_t op_before(const struct words_v *v, size_t w)
{
	for (size_t i = 0; i < sizeof op_words / sizeof op_words[0]; i++) {
		size_t k = 1;
		for (const char *c = op_words[i]; *c; c++)
			k += *c == ' ';
		if (k > w)
			continue;
		struct buf b = BUF_INIT;
		for (size_t j = w - k; j < w; j++) {
			buf_puts(&b, j > w - k ? " " : "");
			buf_puts(&b, v->f[j]);
		}
		bool same = !strcmp(buf_str(&b), op_words[i]);
		buf_free(&b);
		if (same)
			return w - k;
	}
	return w;
}

static char *join(const struct words_v *v, size_t from, size_t to)
{
	struct buf b = BUF_INIT;
	for (size_t i = from; i < to; i++) {
		buf_puts(&b, i > from ? " " : "");
		buf_puts(&b, v->w[i]);
	}
	char *s = buf_detach(&b);
	size_t n = strlen(s);
	while (n && strchr(" .,;:", s[n - 1]))
		s[--n] = '\0';
	return s;
}

bool body_sentence(const char *item, char **name, char **unit, char **target)
{
	struct words_v v = {0};
	split_words(item, &v);
	size_t num = v.n, op = v.n;
	for (size_t i = 0; i < v.n && num == v.n; i++) {
		if (!isdigit((unsigned char)v.f[i][0]) || (i && !strcmp(v.f[i - 1], "nam")))
			continue;
		size_t o = op_before(&v, i);
		if (o < i || strchr(v.f[i], '%')) {
			num = i;
			op = o;
		}
	}
	bool ok = num < v.n && op > 0;
	if (ok) {
		*name = join(&v, 0, op);
		/* "90%", or "90 %" with the sign a word of its own */
		bool pct = strchr(v.f[num], '%') || (num + 1 < v.n && v.f[num + 1][0] == '%');
		*unit = pct ? xstrdup("%") : NULL;
		*target = join(&v, op, v.n);
	}
	free_words(&v);
	return ok;
}

int body_year(const char *s)
{
	char *f = text_fold(s);
	int y = last_year(f);
	free(f);
	return y;
}

/* One item: an indicator named by its sentence up to the target. */
static void add_item(struct plan *p, const char *item, int year, int line, int *k)
{
	char *name, *unit, *cell;
	if (!body_sentence(item, &name, &unit, &cell))
		return;
	if (p->ngroups == 0)
		plan_add_group(p, "I", "Chỉ tiêu");
	struct indicator *x = plan_add_indicator(p);
	x->group = xstrdup("I");
	x->code = xasprintf("I.%d", ++*k);
	x->name = name;
	x->first_line = x->last_line = line;
	x->unit = unit;
	if (year) {
		struct target t;
		target_parse(cell, x->unit, &t);
		indicator_set_target(x, year, &t);
	} else {
		plan_warn(p, line, "Chỉ tiêu \"%s\": không rõ mốc năm của mức \"%s\"", x->name,
		          cell);
	}
	free(cell);
}

/* s starts (after spaces) with "(n)". */
static bool starts_marker(const char *s, int n)
{
	size_t len;
	while (*s == ' ')
		s++;
	return marker(s, n, &len) == s;
}

/* Line i joined with the lines after it while it holds a "(n)" item and
 * does not end a sentence: a list paragraph wrapped over lines (a PDF's
 * text, a page's rendering). *last gets the last line taken. */
static char *paragraph(const struct lines *l, size_t i, size_t *last)
{
	char *s = text_clean(l->v[i]);
	size_t len;
	*last = i;
	const char *t = s + strspn(s, " ");
	if (!marker(s, 1, &len) && !(t[0] == '(' && isdigit((unsigned char)t[1])))
		return s;
	struct buf b = BUF_INIT;
	buf_puts(&b, s);
	free(s);
	for (size_t j = i + 1; j < l->n && b.len < LINE_SCAN; j++) {
		size_t n = b.len;
		while (n && b.ptr[n - 1] == ' ')
			n--;
		if (!n || b.ptr[n - 1] == '.' || b.ptr[n - 1] == ':')
			break;
		char *next = text_clean(l->v[j]);
		if (!*next || strlen(next) > LINE_SCAN) {
			free(next);
			break;
		}
		buf_putc(&b, ' ');
		buf_puts(&b, next);
		free(next);
		*last = j;
	}
	return buf_detach(&b);
}

bool body_targets(const struct lines *l, struct plan *p)
{
	int k = 0, context = 0, expect = 0; /* the next item's number, 0 outside a list */
	for (size_t i = 0; i < l->n && k < MAX_ITEMS; i++) {
		if (strlen(l->v[i]) > LINE_SCAN)
			continue;
		size_t last;
		char *s = paragraph(l, i, &last);
		size_t len;
		const char *m = NULL;
		if (expect > 1 && starts_marker(s, expect)) {
			m = s + strspn(s, " ");
		} else {
			expect = 0;
			m = marker(s, 1, &len);
			bool list = m && (marker(m, 2, &len) ||
			                  (last + 1 < l->n && starts_marker(l->v[last + 1], 2)));
			if (list) {
				expect = 1;
				char *before = xstrndup(s, (size_t)(m - s));
				char *bf = text_fold(before);
				if (last_year(bf))
					context = last_year(bf);
				free(bf);
				free(before);
			} else {
				char *f = text_fold(s);
				int y = last_year(f); /* "Mục tiêu đến năm 2030:" before it */
				if (y)
					context = y;
				free(f);
				m = NULL;
			}
		}
		for (int n = expect; m && k < MAX_ITEMS; n++) {
			size_t ml, nl;
			marker(m, n, &ml);
			const char *nx = marker(m + ml, n + 1, &nl);
			char *item = nx ? xstrndup(m + ml, (size_t)(nx - m) - ml) : xstrdup(m + ml);
			char *itf = text_fold(item);
			int y = last_year(itf);
			add_item(p, item, y ? y : context, (int)i + 1, &k);
			free(itf);
			free(item);
			m = nx;
			expect = n + 1;
		}
		free(s);
		if (m == NULL && expect)
			i = last;
	}
	return p->nind > 0;
}
