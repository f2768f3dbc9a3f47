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
        "chiem ty trong khong duoi",
        "chiem ty trong toi thieu",
        "chiem ty trong tren",
        "chiem ty trong",
        "dat toi thieu",
        "dat it nhat",
        "chiem toi thieu",
        "khong thap hon",
        "dat tren",
        "dat tu",
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
		int v = text_year_at(f, p);
		if (!v)
			continue;
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

/* Signs before a number, as words of their own: read in a list's lines
 * ("Tỷ lệ phủ sóng 5G trên địa bàn ≥ 60%"), not in a "(n)" paragraph,
 * where a table's rows run together may follow. */
static const char *const op_signs[] = {"\xe2\x89\xa5", "\xe2\x89\xa4", ">=", ">"};

/* The op phrase ending just before word w: its first word, or w. */
static size_t op_before(const struct words_v *v, size_t w, bool signs)
{
	for (size_t i = 0; signs && w && i < sizeof op_signs / sizeof op_signs[0]; i++)
		if (!strcmp(v->f[w - 1], op_signs[i]))
			return w - 1;
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

/* Words [from, to) of v but those in [cut, cut_end), a space apart, without
 * the punctuation they end with. */
static char *join_but(const struct words_v *v, size_t from, size_t to, size_t cut, size_t cut_end)
{
	struct buf b = BUF_INIT;
	for (size_t i = from; i < to; i++) {
		if (i >= cut && i < cut_end)
			continue;
		buf_puts(&b, b.len ? " " : "");
		buf_puts(&b, v->w[i]);
	}
	char *s = buf_detach(&b);
	size_t n = strlen(s);
	while (n && strchr(" .,;:", s[n - 1]))
		s[--n] = '\0';
	return s;
}

static char *join(const struct words_v *v, size_t from, size_t to)
{
	return join_but(v, from, to, to, to);
}

static bool sentence(const char *item, bool signs, char **name, char **unit, char **target)
{
	struct words_v v = {0};
	split_words(item, &v);
	size_t num = v.n, op = v.n;
	for (size_t i = 0; i < v.n && num == v.n; i++) {
		if (!isdigit((unsigned char)v.f[i][0]) || (i && !strcmp(v.f[i - 1], "nam")))
			continue;
		size_t o = op_before(&v, i, signs);
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

bool body_sentence(const char *item, char **name, char **unit, char **target)
{
	return sentence(item, false, name, unit, target);
}

int body_year(const char *s)
{
	char *f = text_fold(s);
	int y = last_year(f);
	free(f);
	return y;
}

/* x's target cell for year, or a warning when no year is known. */
static void set_target(struct plan *p, struct indicator *x, int year, const char *cell, int line)
{
	if (year) {
		struct target t;
		target_parse(cell, x->unit, &t);
		indicator_set_target(x, year, &t);
	} else {
		plan_warn(p, line, "Chỉ tiêu \"%s\": không rõ mốc năm của mức \"%s\"", x->name,
		          cell);
	}
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
	set_target(p, x, year, cell, line);
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

/* ---- Targets as lines of a list under "Mục tiêu cụ thể" ----
 * "a) Đến năm 2025" / "- 100% thủ tục …;" / "- Tỷ lệ … đạt trên 80%;",
 * "Về hạ tầng số:" over "- … đạt 50% vào năm 2027 và 80% vào năm 2030;",
 * "1) …", "3) Về nhân lực số:" over "a. …", "+ …", "• …". */

enum mark { MARK_NONE, MARK_NUMBER, MARK_LETTER, MARK_BULLET };

/* The list marker starting s and the spaces after it: its length, 0 when
 * none; label gets a number's digits or a letter. */
static size_t item_marker(const char *s, char label[8], enum mark *kind)
{
	static const char *const bullets[] = {
	        "-", "+", "*", "\xe2\x80\xa2", "\xe2\x80\x93", "\xc2\xb7", "\xef\x82\xb7"};
	label[0] = '\0';
	*kind = MARK_NONE;
	for (size_t i = 0; i < sizeof bullets / sizeof bullets[0]; i++) {
		size_t k = strlen(bullets[i]);
		if (!strncmp(s, bullets[i], k) && s[k] == ' ') {
			*kind = MARK_BULLET;
			return k + strspn(s + k, " ");
		}
	}
	size_t d = strspn(s, "0123456789");
	while (d >= 1 && s[d] == '.' && isdigit((unsigned char)s[d + 1])) /* "2.1." */
		d += 1 + strspn(s + d + 1, "0123456789");
	if (d >= 1 && d <= 5 &&
	    (s[d] == ')' || s[d] == '.' || (s[d] == ' ' && memchr(s, '.', d))) &&
	    s[d + (s[d] != ' ')] == ' ') {
		memcpy(label, s, d);
		label[d] = '\0';
		*kind = MARK_NUMBER;
		d += s[d] != ' ';
		return d + strspn(s + d, " ");
	}
	size_t l = !strncmp(s, "\xc4\x91", 2) ? 2 : (*s >= 'a' && *s <= 'z') ? 1 : 0; /* đ */
	if (l && (s[l] == ')' || s[l] == '.') && s[l + 1] == ' ') {
		memcpy(label, s, l);
		label[l] = '\0';
		*kind = MARK_LETTER;
		return l + 1 + strspn(s + l + 1, " ");
	}
	return 0;
}

/* A year named at word i of v ("năm 2030"): the year, and in *from the
 * first word of its phrase ("vào năm", "đến hết năm", "trong năm"). */
static int year_at(const struct words_v *v, size_t i, size_t *from)
{
	const char *f = v->f[i];
	int y = text_year(f, strlen(f));
	if (y < 2000 || i == 0 || strcmp(v->f[i - 1], "nam"))
		return 0;
	size_t j = i - 1;
	if (j && !strcmp(v->f[j - 1], "het"))
		j--;
	if (j && (!strcmp(v->f[j - 1], "vao") || !strcmp(v->f[j - 1], "den") ||
	          !strcmp(v->f[j - 1], "trong")))
		j--;
	*from = j;
	return y;
}

/* Words [a, b) of v with the year phrase taken out: the year, or 0. */
static int take_year(const struct words_v *v, size_t a, size_t b, char **text)
{
	int year = 0;
	size_t ya = b, yb = b;
	for (size_t i = a; i < b && !year; i++) {
		size_t from;
		int y = year_at(v, i, &from);
		if (y && from >= a) {
			year = y;
			ya = from;
			yb = i + 1;
		}
	}
	*text = join_but(v, a, b, ya, yb);
	return year;
}

/* Whether words [a, b) hold a figure that is not a year. */
static bool has_figure(const struct words_v *v, size_t a, size_t b)
{
	for (size_t i = a; i < b; i++) {
		size_t from;
		const char *f = v->f[i];
		if (isdigit((unsigned char)f[0]) && f[strspn(f, "0123456789.,%")] == '\0' &&
		    !year_at(v, i, &from))
			return true;
	}
	return false;
}

static bool figure_in(const char *s)
{
	struct words_v v = {0};
	split_words(s, &v);
	bool r = has_figure(&v, 0, v.n);
	free_words(&v);
	return r;
}

/* s with its first letter a capital. */
static char *upper_first(const char *s)
{
	if (!*s)
		return xstrdup("");
	size_t k = 1;
	while (s[k] && ((unsigned char)s[k] & 0xC0) == 0x80)
		k++;
	char *head = xstrndup(s, k), *up = text_upper(head);
	char *r = xasprintf("%s%s", up, s + k);
	free(head);
	free(up);
	return r;
}

char *body_count_unit(const char *target)
{
	struct words_v v = {0};
	split_words(target, &v);
	char *u = NULL;
	for (size_t i = 0; i < v.n; i++) {
		if (!isdigit((unsigned char)v.f[i][0]))
			continue;
		size_t n = v.n - i - 1;
		if (!strpbrk(v.f[i], "%/") && n >= 1 && n <= 3 && !has_figure(&v, i + 1, v.n)) {
			char *w = join(&v, i + 1, v.n);
			u = upper_first(w);
			free(w);
		}
		break;
	}
	free_words(&v);
	return u;
}

struct list_state {
	int context;   /* the milestone of the heading over the items */
	int group;     /* groups made from "Về …:" headings, 0 none */
	char sub[8];   /* the heading item's number over sub-items, or "" */
	int sub_place; /* sub-items seen under it */
	int place;     /* items of the current group */
};

/* An indicator of group g named like name (folded), or NULL. */
static struct indicator *same_name(struct plan *p, const char *g, const char *name)
{
	char *f = text_fold(name);
	struct indicator *r = NULL;
	for (size_t i = 0; i < p->nind && !r; i++) {
		char *o = text_fold(p->ind[i].name);
		if (!strcmp(o, f) && !strcmp(p->ind[i].group, g))
			r = &p->ind[i];
		free(o);
	}
	free(f);
	return r;
}

/* One list item with its target(s); false when it holds none. */
static bool list_item(struct plan *p, struct list_state *st, const char *text, enum mark kind,
                      const char *label, int line)
{
	struct words_v v = {0};
	split_words(text, &v);
	char *name = NULL, *unit = NULL, *target = NULL;
	/* "100% cán bộ …", "Duy trì 100% …", "Có ≥ 60% người …", "Mỗi năm có
	 * ≥ 3 nhiệm vụ …": the figure leads the line ("có", there are, not
	 * part of it); a count leads with its sign or word ("≥ 3"). */
	size_t at = 0;
	for (size_t i = 0; i < v.n && i < 3; i++)
		if (!strcmp(v.f[i], "co"))
			at = i + 1;
	for (size_t i = at; i < v.n && i <= at + 2; i++) {
		if (!isdigit((unsigned char)v.f[i][0]))
			continue;
		bool pct = strchr(v.f[i], '%') != NULL;
		char *lead = join(&v, at, i + 1);
		struct target t;
		target_parse(lead, pct ? "%" : "", &t);
		if (t.kind == TARGET_NUMBER && i + 1 < v.n && (pct || i > at)) {
			char *rest = join(&v, i + 1, v.n);
			name = upper_first(rest);
			free(rest);
			target = lead;
			unit = pct ? xstrdup("%") : NULL;
		} else {
			free(lead);
		}
		target_free(&t);
		break;
	}
	free_words(&v);
	if (!name && !sentence(text, true, &name, &unit, &target))
		return false;
	if (!*name) { /* nothing before the figure but punctuation */
		free(name);
		free(unit);
		free(target);
		return false;
	}
	if (!unit && strcmp(target, text) && !isdigit((unsigned char)*text)) {
		/* "… đạt ít nhất 05 doanh nghiệp vào năm 2030" */
		struct words_v uv = {0};
		split_words(target, &uv);
		char *bare;
		take_year(&uv, 0, uv.n, &bare);
		unit = body_count_unit(bare);
		free(bare);
		free_words(&uv);
	}
	/* The name's own year ("… đến năm 2027 đạt 60%, …"). */
	struct words_v nv = {0}, tv = {0};
	split_words(name, &nv);
	char *clean;
	int year0 = take_year(&nv, 0, nv.n, &clean);
	free(name);
	name = clean;
	free_words(&nv);
	/* The target's milestones: pieces after "và" or "," naming a year of
	 * their own with a figure ("đạt 50% vào năm 2027 và 80% vào năm 2030"). */
	split_words(target, &tv);
	size_t cut[PLAN_MAX_MILESTONES + 1];
	int ncut = 0;
	cut[ncut++] = 0;
	for (size_t i = 1; i < tv.n && ncut < PLAN_MAX_MILESTONES; i++) {
		bool sep = !strcmp(tv.f[i], "va") ||
		           strchr(",;", tv.w[i - 1][strlen(tv.w[i - 1]) - 1]);
		if (!sep)
			continue;
		size_t a = i + !strcmp(tv.f[i], "va"), b = tv.n;
		for (size_t j = a + 1; j < tv.n; j++)
			if (!strcmp(tv.f[j], "va") ||
			    strchr(",;", tv.w[j - 1][strlen(tv.w[j - 1]) - 1])) {
				b = j;
				break;
			}
		bool year = false;
		for (size_t j = a; j < b && !year; j++) {
			size_t from;
			year = year_at(&tv, j, &from) != 0;
		}
		if (year && has_figure(&tv, a, b))
			cut[ncut++] = i;
	}
	cut[ncut] = tv.n;
	const char *g = st->group ? text_to_roman(st->group) : "I";
	if (p->ngroups == 0)
		plan_add_group(p, "I", "Chỉ tiêu");
	struct indicator *x = same_name(p, g, name);
	if (!x) {
		x = plan_add_indicator(p);
		x->group = xstrdup(g);
		x->name = name;
		name = NULL;
		x->unit = unit;
		unit = NULL;
		x->first_line = x->last_line = line;
		st->place++;
		if (st->sub[0])
			x->code = kind == MARK_LETTER
			                  ? xasprintf("%s.%s.%s", g, st->sub, label)
			                  : xasprintf("%s.%s.%d", g, st->sub, ++st->sub_place);
		else if (kind == MARK_NUMBER && !st->group)
			x->code = xasprintf("%s.%s", g, label);
		else
			x->code = xasprintf("%s.%d", g, st->place);
	}
	for (int c = 0; c < ncut; c++) {
		size_t a = cut[c] + (c && !strcmp(tv.f[cut[c]], "va"));
		char *cell;
		int y = take_year(&tv, a, cut[c + 1], &cell);
		if (!y)
			y = c == 0 && year0 ? year0 : st->context;
		set_target(p, x, y, cell, line);
		free(cell);
	}
	free_words(&tv);
	free(name);
	free(unit);
	free(target);
	return true;
}

/* A heading of the list ("a) Đến năm 2025", "Về hạ tầng số:", "3) Về
 * nhân lực số:"): sets the state; false when text is none. */
static bool list_heading(struct plan *p, struct list_state *st, const char *text, enum mark kind,
                         const char *label)
{
	struct words_v v = {0};
	split_words(text, &v);
	bool figure = has_figure(&v, 0, v.n);
	int year = 0;
	for (size_t i = 0; i < v.n && !year; i++) {
		size_t from;
		year = year_at(&v, i, &from);
	}
	size_t n = strlen(text);
	bool colon = n && text[n - 1] == ':';
	bool ok = !figure && v.n && v.n <= 12;
	if (ok && year) {
		st->context = year;
		st->sub[0] = '\0';
	} else if (ok && colon && kind != MARK_NONE && kind != MARK_BULLET) {
		snprintf(st->sub, sizeof st->sub, "%s", label);
		st->sub_place = 0;
	} else if (ok && colon && kind == MARK_NONE) {
		/* "Về hạ tầng số:" a group of its own */
		size_t from = !strcmp(v.f[0], "ve") && v.n > 1 ? 1 : 0;
		char *nm = join(&v, from, v.n), *up = upper_first(nm);
		if (!st->group && p->nind == 0 && p->ngroups == 0) {
			st->group = 1;
		} else if (st->group) {
			st->group++;
		} else {
			ok = false;
		}
		if (ok)
			plan_add_group(p, text_to_roman(st->group), up);
		st->place = 0;
		st->sub[0] = '\0';
		free(nm);
		free(up);
	} else {
		ok = false;
	}
	free_words(&v);
	return ok;
}

/* The list's end: a section "III. NHIỆM VỤ …", "Nơi nhận", or the next
 * heading numbered like the one that opened it ("3." after "2. Mục tiêu
 * cụ thể"). */
static bool list_end(const char *s, int opened)
{
	char *f = text_fold(s);
	bool end = !strncmp(f, "noi nhan", 8);
	free(f);
	size_t r = strspn(s, "IVX");
	if (r && (s[r] == '.' || s[r] == ' ') && text_case_start(s + r + 1) == 1)
		end = true;
	if (opened && isdigit((unsigned char)*s)) {
		int k = atoi(s);
		size_t d = strspn(s, "0123456789");
		if (k > opened && s[d] == '.' && s[d + 1] == ' ')
			end = true;
	}
	return end;
}

bool body_lists(const struct lines *l, struct plan *p)
{
	size_t before = p->nind;
	for (size_t i = 0; i < l->n; i++) {
		if (strlen(l->v[i]) > LINE_SCAN)
			continue;
		char *s = text_clean(l->v[i]);
		char *f = text_fold(s);
		bool open = (strstr(f, "muc tieu cu the") || strstr(f, "chi tieu cu the")) &&
		            strlen(f) < 120;
		struct list_state st = {0};
		st.context = open ? last_year(f) : 0;
		if (open && !st.context && p->title) /* "… đến năm 2030" in the title */
			st.context = body_year(p->title);
		int opened = isdigit((unsigned char)*s) ? atoi(s) : 0;
		free(f);
		free(s);
		if (!open)
			continue;
		/* the entries: a marked line and the unmarked lines continuing it */
		struct buf e = BUF_INIT;
		enum mark kind = MARK_NONE;
		char label[8] = "";
		int eline = 0, items = 0;
		size_t j = i + 1;
		for (;; j++) {
			char *t = j < l->n && strlen(l->v[j]) <= LINE_SCAN ? text_clean(l->v[j])
			                                                   : NULL;
			bool end = j >= l->n || (t && list_end(t, opened));
			char lb[8];
			enum mark k = MARK_NONE;
			size_t m = t && !end ? item_marker(t, lb, &k) : 0;
			size_t en = e.len;
			while (en && e.ptr[en - 1] == ' ')
				en--;
			bool closed = !en || strchr(";.:", e.ptr[en - 1]);
			if (t && !end && !*t) { /* a blank line (a cell's line break) */
				free(t);
				continue;
			}
			if (t && !end && !m && !closed) { /* a wrapped line */
				buf_putc(&e, ' ');
				buf_puts(&e, t);
				free(t);
				continue;
			}
			if (e.len) {
				const char *et = buf_str(&e);
				if (et[0] == '(' && isdigit((unsigned char)et[1])) {
					/* a "(n)" list: body_targets' */
				} else if (!list_heading(p, &st, et, kind, label)) {
					if (kind == MARK_NUMBER) /* a sibling of the heading */
						st.sub[0] = '\0';
					if (list_item(p, &st, et, kind, label, eline))
						items++;
					else if (figure_in(et))
						plan_warn(
						        p, eline,
						        "Không đọc được chỉ tiêu trong dòng "
						        "\"%.80s\" "
						        "(không thấy mức cần đạt sau tên chỉ tiêu)",
						        et);
				}
			}
			buf_free(&e);
			e = (struct buf)BUF_INIT;
			if (end || !t) {
				free(t);
				if (end)
					break;
				continue;
			}
			if (*t) {
				buf_puts(&e, t + m);
				kind = k;
				memcpy(label, lb, sizeof label);
				eline = (int)j + 1;
			}
			free(t);
		}
		buf_free(&e);
		(void)items;
		i = j - 1;
	}
	return p->nind > before;
}

/* Names as alike as this are one indicator worded twice (a plan's body
 * restating its appendix: "Cán bộ, công chức cấp xã được bồi dưỡng kỹ năng
 * số căn bản" beside "Tỷ lệ cán bộ, công chức cấp xã …"). */
#define SAME_INDICATOR 0.6
#define CONTAINED      0.8

/* The share of the shorter name's words (no figures) the other holds:
 * "Tỷ lệ người dân có tài khoản định danh điện tử (VNeID)" in a body line
 * that goes on with a second target ("…, tỷ lệ người dân có chữ ký số ≥
 * 10%"). */
static double overlap(const char *a, const char *b)
{
	struct words wa = {0}, wb = {0};
	text_word_set(a, &wa);
	text_word_set(b, &wb);
	size_t na = 0, nb = 0, common = 0;
	for (size_t i = 0; i < wa.n; i++)
		na += !strpbrk(wa.w[i], "0123456789");
	for (size_t j = 0; j < wb.n; j++) {
		if (strpbrk(wb.w[j], "0123456789"))
			continue;
		nb++;
		for (size_t i = 0; i < wa.n; i++)
			if (!strcmp(wa.w[i], wb.w[j])) {
				common++;
				break;
			}
	}
	words_free(&wa);
	words_free(&wb);
	size_t m = na < nb ? na : nb;
	return m ? (double)common / (double)m : 0;
}

void body_beside_table(const struct lines *l, struct plan *p)
{
	struct plan q;
	plan_init(&q);
	body_lists(l, &q);
	for (size_t i = 0; i < q.nind; i++) {
		double best = 0;
		for (size_t j = 0; j < p->nind; j++) {
			double s = text_similarity(q.ind[i].name, p->ind[j].name);
			double o = overlap(q.ind[i].name, p->ind[j].name);
			s = o >= CONTAINED ? 1 : s;
			best = s > best ? s : best;
		}
		const struct indicator *x = &q.ind[i];
		if (best < SAME_INDICATOR && x->ntargets)
			plan_warn(
			        p, x->first_line,
			        "Phần mục tiêu của văn bản nêu chỉ tiêu \"%s\" (mức \"%s\" năm %d) "
			        "không có trong bảng chỉ tiêu: chỉ tiêu này chưa được đọc vào "
			        "kế hoạch; hãy kiểm tra và bổ sung nếu cần",
			        x->name, x->targets[0].t.text, x->targets[0].year);
	}
	plan_free(&q);
}
