/* htmlcss.c: the CSS that lays <div>s out as a table. A page's <style>
 * rules are read for display (table, table-row, table-cell, table-*-group,
 * grid), grid-template-columns and a grid item's grid-column; the rule's
 * subject must be classes (pseudo-classes, ids and attributes are left
 * out, and at-rules such as @media with them). Later rules win, the
 * element's style="" last; specificity is not weighed. Every byte is read
 * a bounded number of times; at most CSS_MAX_RULES rules are kept. */
#include "htmlcss.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

bool html_ci_starts(const char *s, const char *end, const char *w)
{
	size_t n = strlen(w);
	if ((size_t)(end - s) < n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (tolower((unsigned char)s[i]) != w[i])
			return false;
	return true;
}

static const char *skip_space(const char *p, const char *end)
{
	while (p < end && isspace((unsigned char)*p))
		p++;
	return p;
}

/* Value p[0..end) without white space at its ends and "!important". */
static void trim_value(const char **p, const char **end)
{
	*p = skip_space(*p, *end);
	const char *bang = memchr(*p, '!', (size_t)(*end - *p));
	if (bang)
		*end = bang;
	while (*end > *p && isspace((unsigned char)(*end)[-1]))
		(*end)--;
}

static bool value_is(const char *p, const char *end, const char *w)
{
	return (size_t)(end - p) == strlen(w) && html_ci_starts(p, end, w);
}

static enum css_display display_of(const char *p, const char *end)
{
	static const struct {
		const char *w;
		enum css_display d;
	} names[] = {{"table", CSS_TABLE},
	             {"inline-table", CSS_TABLE},
	             {"table-row", CSS_ROW},
	             {"table-cell", CSS_CELL},
	             {"table-header-group", CSS_GROUP},
	             {"table-row-group", CSS_GROUP},
	             {"table-footer-group", CSS_GROUP},
	             {"grid", CSS_GRID},
	             {"inline-grid", CSS_GRID},
	             {"none", CSS_NONE},
	             {"contents", CSS_NONE}};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (value_is(p, end, names[i].w))
			return names[i].d;
	return CSS_OTHER;
}

static const char *skip_number(const char *p, const char *end, long *v)
{
	*v = 0;
	const char *q = p;
	while (q < end && isdigit((unsigned char)*q) && *v < 100000)
		*v = *v * 10 + (*q++ - '0');
	return q == p ? NULL : q;
}

/* The tracks a track list p[0..end) names ("50px 1fr repeat(3, 100px)
 * minmax(0, 2fr)"), -1 when the count depends on the page's width
 * (auto-fill, auto-fit) or the list is not one the reader knows. */
static int count_tracks(const char *p, const char *end, int nest)
{
	int n = 0;
	while ((p = skip_space(p, end)) < end) {
		if (*p == '[') { /* line names */
			const char *q = memchr(p, ']', (size_t)(end - p));
			if (!q)
				return -1;
			p = q + 1;
			continue;
		}
		const char *w = p;
		while (p < end && !isspace((unsigned char)*p) && *p != '(' && *p != '[')
			p++;
		if (p < end && *p == '(') { /* a function: its closing ')' */
			const char *open = p;
			int depth = 0;
			for (; p < end; p++) {
				depth += *p == '(' ? 1 : *p == ')' ? -1 : 0;
				if (depth == 0)
					break;
			}
			if (p >= end)
				return -1;
			p++;
			if (html_ci_starts(w, open, "repeat")) {
				long times;
				const char *q = skip_number(skip_space(open + 1, p), p, &times);
				q = q ? skip_space(q, p) : NULL;
				if (nest > 0 || !q || *q != ',' || times < 1)
					return -1;
				int inner = count_tracks(q + 1, p - 1, nest + 1);
				if (inner < 1 || times * inner > 1000)
					return -1;
				n += (int)times * inner;
			} else {
				n++; /* minmax(), fit-content(), calc() */
			}
			continue;
		}
		if (value_is(w, p, "none") || value_is(w, p, "subgrid") ||
		    value_is(w, p, "masonry") || value_is(w, p, "auto-flow") ||
		    value_is(w, p, "inherit") || value_is(w, p, "initial") ||
		    value_is(w, p, "unset"))
			return -1;
		n++;
	}
	return n > 1000 ? -1 : n;
}

/* One end of grid-column: "3", "-1", "span 2", "auto"; false for a named
 * line or anything else. */
static bool grid_line(const char *p, const char *end, struct css_line *l)
{
	trim_value(&p, &end);
	*l = (struct css_line){0};
	if (value_is(p, end, "auto"))
		return true;
	bool span = html_ci_starts(p, end, "span");
	if (span)
		p = skip_space(p + 4, end);
	bool neg = !span && p < end && *p == '-';
	long v;
	const char *q = skip_number(p + neg, end, &v);
	if (!q || q != end || v < 1)
		return false;
	if (span)
		l->span = (int)v;
	else
		l->line = neg ? -(int)v : (int)v;
	return true;
}

static void grid_column(struct css_box *b, const char *p, const char *end, int which)
{
	b->set |= which == 1   ? CSS_SET_START
	          : which == 2 ? CSS_SET_END
	                       : CSS_SET_START | CSS_SET_END;
	const char *slash = which ? NULL : memchr(p, '/', (size_t)(end - p));
	bool ok = true;
	if (which == 2) {
		ok = grid_line(p, end, &b->end);
	} else {
		ok = grid_line(p, slash ? slash : end, &b->start);
		if (which == 0)
			ok = ok && (slash ? grid_line(slash + 1, end, &b->end)
			                  : (b->end = (struct css_line){0}, true));
	}
	b->placement_bad |= !ok;
}

/* One declaration "name: value" into b. */
static void declaration(struct css_box *b, const char *p, const char *end)
{
	const char *colon = memchr(p, ':', (size_t)(end - p));
	if (!colon)
		return;
	const char *n = skip_space(p, colon), *ne = colon;
	while (ne > n && isspace((unsigned char)ne[-1]))
		ne--;
	const char *v = colon + 1, *ve = end;
	trim_value(&v, &ve);
	if (value_is(n, ne, "display")) {
		b->set |= CSS_SET_DISPLAY;
		b->display = display_of(v, ve);
	} else if (value_is(n, ne, "grid-template-columns")) {
		b->set |= CSS_SET_COLS;
		b->cols = count_tracks(v, ve, 0);
	} else if (value_is(n, ne, "grid-template") || value_is(n, ne, "grid")) {
		const char *slash = memchr(v, '/', (size_t)(ve - v));
		b->set |= CSS_SET_COLS;
		b->cols = slash && !memchr(v, '"', (size_t)(ve - v)) &&
		                          !memchr(v, '\'', (size_t)(ve - v))
		                  ? count_tracks(slash + 1, ve, 0)
		                  : -1;
	} else if (value_is(n, ne, "grid-column")) {
		grid_column(b, v, ve, 0);
	} else if (value_is(n, ne, "grid-column-start")) {
		grid_column(b, v, ve, 1);
	} else if (value_is(n, ne, "grid-column-end")) {
		grid_column(b, v, ve, 2);
	} else if (value_is(n, ne, "grid-row") || value_is(n, ne, "grid-row-start") ||
	           value_is(n, ne, "grid-row-end") || value_is(n, ne, "grid-area") ||
	           value_is(n, ne, "order")) {
		b->set |= value_is(v, ve, "auto") || value_is(v, ve, "0") ? 0 : CSS_SET_MOVED;
	} else if (value_is(n, ne, "grid-auto-flow")) {
		b->set |= value_is(v, ve, "row") ? 0 : CSS_SET_FLOW;
	}
}

static struct css_box declarations(const char *p, const char *end)
{
	struct css_box b = {0};
	while (p < end) {
		const char *semi = memchr(p, ';', (size_t)(end - p));
		if (!semi)
			semi = end;
		declaration(&b, p, semi);
		p = semi + (semi < end);
	}
	return b;
}

/* The classes of a selector's subject (its last compound: ".a.b",
 * "div.a"); false when it names anything else (an id, a pseudo-class,
 * an attribute, an element other than div, '*'). */
static bool subject_classes(const char *p, const char *end, struct css_rule *r)
{
	while (end > p && isspace((unsigned char)end[-1]))
		end--;
	const char *s = end;
	while (s > p && !isspace((unsigned char)s[-1]) && s[-1] != '>' && s[-1] != '+' &&
	       s[-1] != '~')
		s--;
	if (s == end)
		return false;
	const char *dot = memchr(s, '.', (size_t)(end - s));
	if (!dot || (dot != s && !value_is(s, dot, "div")))
		return false;
	r->ncls = 0;
	for (const char *q = dot; q < end;) {
		if (*q != '.' || r->ncls == 4)
			return false;
		const char *w = ++q;
		while (q < end && (isalnum((unsigned char)*q) || *q == '-' || *q == '_'))
			q++;
		size_t len = (size_t)(q - w);
		if (!len || len >= CSS_MAX_CLASS)
			return false;
		memcpy(r->cls[r->ncls], w, len);
		r->cls[r->ncls++][len] = '\0';
	}
	return true;
}

/* Past an at-rule: its ';' or its block, nested blocks included. */
static const char *skip_at_rule(const char *p, const char *end)
{
	int depth = 0;
	for (; p < end; p++) {
		if (*p == ';' && depth == 0)
			return p + 1;
		if (*p == '{')
			depth++;
		else if (*p == '}' && --depth <= 0)
			return p + 1;
	}
	return end;
}

void css_read(struct css_sheet *sheet, const char *p, size_t n)
{
	const char *end = p + n;
	while ((p = skip_space(p, end)) < end) {
		if (p + 1 < end && p[0] == '/' && p[1] == '*') {
			const char *q = p + 2;
			while (q + 1 < end && !(q[0] == '*' && q[1] == '/'))
				q++;
			p = q + 2 < end ? q + 2 : end;
			continue;
		}
		if (*p == '@' || *p == '<') { /* an at-rule; "<!--" around old sheets */
			p = *p == '@' ? skip_at_rule(p, end) : p + 1;
			continue;
		}
		const char *open = memchr(p, '{', (size_t)(end - p));
		if (!open)
			return;
		const char *close = memchr(open, '}', (size_t)(end - open));
		if (!close)
			close = end;
		struct css_box box = declarations(open + 1, close);
		for (const char *s = p; box.set && s < open && sheet->n < CSS_MAX_RULES;) {
			const char *comma = memchr(s, ',', (size_t)(open - s));
			if (!comma)
				comma = open;
			struct css_rule *r = &sheet->v[sheet->n];
			if (subject_classes(s, comma, r)) {
				r->box = box;
				sheet->n++;
			}
			s = comma + 1;
		}
		p = close + (close < end);
	}
}

#define CSS_MAX_TOKENS 8 /* an element's classes looked at */

struct tokens {
	const char *p[CSS_MAX_TOKENS];
	size_t n[CSS_MAX_TOKENS];
	int count;
};

/* The first CSS_MAX_TOKENS classes of a class attribute cls[0..n). */
static void class_tokens(const char *cls, size_t n, struct tokens *t)
{
	const char *end = cls + n;
	t->count = 0;
	for (const char *p = cls; t->count < CSS_MAX_TOKENS && (p = skip_space(p, end)) < end;) {
		const char *q = p;
		while (q < end && !isspace((unsigned char)*q))
			q++;
		t->p[t->count] = p;
		t->n[t->count++] = (size_t)(q - p);
		p = q;
	}
}

static bool has_class(const struct tokens *t, const char *w)
{
	size_t wn = strlen(w);
	for (int i = 0; i < t->count; i++)
		if (t->n[i] == wn && !memcmp(t->p[i], w, wn))
			return true;
	return false;
}

static void apply(struct css_box *to, const struct css_box *from)
{
	if (from->set & CSS_SET_DISPLAY)
		to->display = from->display;
	if (from->set & CSS_SET_COLS)
		to->cols = from->cols;
	if (from->set & CSS_SET_START)
		to->start = from->start;
	if (from->set & CSS_SET_END)
		to->end = from->end;
	to->placement_bad |= from->placement_bad;
	to->set |= from->set;
}

struct css_box css_box(const struct css_sheet *sheet, const char *cls, size_t ncls,
                       const char *style, size_t nstyle)
{
	struct css_box b = {0};
	struct tokens t;
	class_tokens(cls ? cls : "", cls ? ncls : 0, &t);
	for (int i = 0; t.count && i < sheet->n; i++) {
		const struct css_rule *r = &sheet->v[i];
		int k = 0;
		while (k < r->ncls && has_class(&t, r->cls[k]))
			k++;
		if (k == r->ncls)
			apply(&b, &r->box);
	}
	if (style) {
		struct css_box own = declarations(style, style + nstyle);
		apply(&b, &own);
	}
	return b;
}
