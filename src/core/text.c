/* text.c: cleaning, folding and comparing Vietnamese text (utf8proc). */
#include "text.h"

#include "util.h"

#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

bool text_valid_utf8(const char *s, size_t n, size_t *bad)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	while (i < n) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &cp);
		if (k < 0) {
			if (bad)
				*bad = i;
			return false;
		}
		i += (size_t)k;
	}
	return true;
}

/* Composition changes a string only when it has combining marks
 * (U+0300..U+036F, bytes CC xx / CD xx): skip the work otherwise. */
static bool has_marks(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s == 0xcc || (unsigned char)*s == 0xcd)
			return true;
	return false;
}

static char *nfc(const char *s)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &out,
	                                  UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (n < 0)
		return xstrdup(s);
	char *r = xstrdup((char *)out);
	free(out);
	return r;
}

/* Map LaTeX operators met in target cells to their Unicode signs. */
static const struct {
	const char *tex, *sign;
} latex[] = {
        {"\\geqslant", "≥"}, {"\\leqslant", "≤"}, {"\\geq", "≥"}, {"\\leq", "≤"},
        {"\\ge", "≥"},       {"\\le", "≤"},       {"\\%", "%"},   {"\\times", "×"},
};

char *text_clean(const char *s)
{
	struct buf b = BUF_INIT;
	bool space = false;
	for (const char *p = s; *p;) {
		unsigned char c = (unsigned char)*p;
		if (c == '<') { /* an HTML tag: <b>, </b>, <br/> ... */
			const char *e = p + 1;
			while (*e && *e != '>' && *e != '<' && e - p < 40)
				e++;
			if (*e == '>' && (isalpha((unsigned char)p[1]) || p[1] == '/')) {
				space = space || (b.len > 0);
				p = e + 1;
				continue;
			}
		}
		if (c == '*' && p[1] == '*') { /* markdown bold */
			p += 2;
			continue;
		}
		if (c == '$') { /* LaTeX math delimiters */
			p++;
			continue;
		}
		if (c == '\\') {
			size_t i;
			for (i = 0; i < sizeof latex / sizeof latex[0]; i++) {
				size_t k = strlen(latex[i].tex);
				if (strncmp(p, latex[i].tex, k) == 0 &&
				    !isalpha((unsigned char)p[k])) {
					if (space && b.len)
						buf_putc(&b, ' ');
					space = false;
					buf_puts(&b, latex[i].sign);
					p += k;
					break;
				}
			}
			if (i < sizeof latex / sizeof latex[0])
				continue;
		}
		if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') {
			space = true;
			p++;
			continue;
		}
		if (c == 0xc2 && (unsigned char)p[1] == 0xa0) { /* NBSP */
			space = true;
			p += 2;
			continue;
		}
		if (space && b.len)
			buf_putc(&b, ' ');
		space = false;
		buf_putc(&b, (char)c);
		p++;
	}
	char *raw = buf_detach(&b);
	if (!has_marks(raw))
		return raw;
	char *r = nfc(raw);
	free(raw);
	return r;
}

/* Folding of the Latin letters Vietnamese uses (U+0080..U+024F and the
 * precomposed U+1E00..U+1EFF) to one ASCII letter, built once from
 * utf8proc: "Ế" -> 'e', "đ" -> 'd'. 0 where a letter does not fold to one
 * ASCII byte; those go through utf8proc one by one. */
static char fold_lo[0x250], fold_hi[0x100];
static pthread_once_t fold_once = PTHREAD_ONCE_INIT;

static void fold_char_slow(utf8proc_int32_t cp, struct buf *b)
{
	utf8proc_uint8_t in[8], *out = NULL;
	utf8proc_ssize_t k = utf8proc_encode_char(cp, in);
	in[k] = 0;
	utf8proc_ssize_t n = utf8proc_map(in, 0, &out,
	                                  UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_DECOMPOSE |
	                                          UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD);
	if (n < 0)
		buf_put(b, (const char *)in, (size_t)k);
	else
		buf_put(b, (const char *)out, (size_t)n);
	free(out);
}

static char fold_one(utf8proc_int32_t cp)
{
	if (cp == 0x110 || cp == 0x111) /* Đ đ do not decompose */
		return 'd';
	struct buf b = BUF_INIT;
	fold_char_slow(cp, &b);
	char c = b.len == 1 && (unsigned char)b.ptr[0] < 0x80 ? b.ptr[0] : 0;
	buf_free(&b);
	return c;
}

static void fold_init(void)
{
	for (int cp = 0x80; cp < 0x250; cp++)
		fold_lo[cp] = fold_one(cp);
	for (int cp = 0; cp < 0x100; cp++)
		fold_hi[cp] = fold_one(0x1E00 + cp);
}

char *text_fold(const char *s)
{
	pthread_once(&fold_once, fold_init);
	struct buf b = BUF_INIT;
	bool space = false;
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	while (*p) {
		utf8proc_int32_t cp = *p;
		utf8proc_ssize_t k = 1;
		if (cp >= 0x80) {
			k = utf8proc_iterate(p, 4, &cp);
			if (k <= 0) { /* not UTF-8: keep the byte */
				cp = *p;
				k = 1;
			}
		}
		p += k;
		if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' ||
		    cp == '\v' || cp == 0xa0) {
			space = true;
			continue;
		}
		if (cp >= 0x300 && cp < 0x370) /* a combining mark: stripped */
			continue;
		if (space && b.len)
			buf_putc(&b, ' ');
		space = false;
		char c = cp < 0x80                       ? (char)tolower(cp)
		         : cp < 0x250                    ? fold_lo[cp]
		         : (cp >= 0x1E00 && cp < 0x1F00) ? fold_hi[cp - 0x1E00]
		                                         : 0;
		if (c)
			buf_putc(&b, c);
		else if (cp >= 0x80)
			fold_char_slow(cp, &b);
		else
			buf_putc(&b, (char)cp);
	}
	return buf_detach(&b);
}

/* Abbreviations of Vietnamese administration, folded, with their words. */
static const struct {
	const char *abbr, *words;
} abbrevs[] = {
        {"tthc", "thu tuc hanh chinh"},
        {"dvc", "dich vu cong"},
        {"dvctt", "dich vu cong truc tuyen"},
        {"cds", "chuyen doi so"},
        {"dmst", "doi moi sang tao"},
        {"khcn", "khoa hoc cong nghe"},
        {"cbccvc", "can bo cong chuc vien chuc"},
        {"cbcc", "can bo cong chuc"},
        {"dnvvn", "doanh nghiep vua va nho"},
        {"ubnd", "uy ban nhan dan"},
        {"hdnd", "hoi dong nhan dan"},
        {"hcc", "phuc vu hanh chinh cong"},
        {"pvhcc", "phuc vu hanh chinh cong"},
        {"tw", "trung uong"},
        {"attt", "an toan thong tin"},
        {"csdl", "co so du lieu"},
        {"cntt", "cong nghe thong tin"},
        {"kt", "kinh te"},
        {"nsnn", "ngan sach nha nuoc"},
        {"nckh", "nghien cuu khoa hoc"},
        {"cqnn", "co quan nha nuoc"},
        {"httt", "he thong thong tin"},
};

const char *text_abbrev(const char *word, size_t n)
{
	for (size_t i = 0; i < sizeof abbrevs / sizeof abbrevs[0]; i++)
		if (strlen(abbrevs[i].abbr) == n && memcmp(abbrevs[i].abbr, word, n) == 0)
			return abbrevs[i].words;
	return NULL;
}

static void push_word(struct words *w, const char *s, size_t n)
{
	w->w = xgrow(w->w, &w->cap, w->n + 1, sizeof *w->w);
	w->w[w->n++] = xstrndup(s, n);
}

void text_words(const char *s, struct words *out)
{
	char *f = text_fold(s);
	for (const char *p = f; *p;) {
		if (!isalnum((unsigned char)*p)) {
			p++;
			continue;
		}
		const char *e = p;
		while (isalnum((unsigned char)*e))
			e++;
		size_t n = (size_t)(e - p);
		const char *full = text_abbrev(p, n);
		if (full) {
			for (const char *q = full; *q;) {
				const char *qe = strchr(q, ' ');
				size_t k = qe ? (size_t)(qe - q) : strlen(q);
				push_word(out, q, k);
				q += k + (qe ? 1 : 0);
			}
		} else {
			push_word(out, p, n);
		}
		p = e;
	}
	free(f);
}

void words_free(struct words *w)
{
	for (size_t i = 0; i < w->n; i++)
		free(w->w[i]);
	free(w->w);
	w->w = NULL;
	w->n = w->cap = 0;
}

static int cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sort and drop repeats, so that a name is a set of words. */
static void uniq(struct words *w)
{
	if (w->n < 2)
		return;
	xqsort(w->w, w->n, sizeof *w->w, cmpstr);
	size_t k = 1;
	for (size_t i = 1; i < w->n; i++) {
		if (strcmp(w->w[i], w->w[k - 1]) == 0)
			free(w->w[i]);
		else
			w->w[k++] = w->w[i];
	}
	w->n = k;
}

static bool has_digit(const char *s)
{
	for (; *s; s++)
		if (isdigit((unsigned char)*s))
			return true;
	return false;
}

void text_word_set(const char *s, struct words *out)
{
	text_words(s, out);
	uniq(out);
}

double text_similarity_sets(const struct words *wa, const struct words *wb)
{
	size_t i = 0, j = 0, common = 0;
	bool digits_differ = false;
	while (i < wa->n || j < wb->n) {
		int c = i >= wa->n ? 1 : j >= wb->n ? -1 : strcmp(wa->w[i], wb->w[j]);
		if (c == 0) {
			common++;
			i++;
			j++;
		} else if (c < 0) {
			digits_differ |= has_digit(wa->w[i++]);
		} else {
			digits_differ |= has_digit(wb->w[j++]);
		}
	}
	if (digits_differ || wa->n + wb->n == 0)
		return 0;
	return 2.0 * (double)common / (double)(wa->n + wb->n);
}

double text_similarity(const char *a, const char *b)
{
	struct words wa = {0}, wb = {0};
	text_word_set(a, &wa);
	text_word_set(b, &wb);
	double r = text_similarity_sets(&wa, &wb);
	words_free(&wa);
	words_free(&wb);
	return r;
}

char *text_lower_first(const char *s)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s, -1, &cp);
	if (k <= 0)
		return xstrdup(s);
	utf8proc_uint8_t enc[8];
	utf8proc_ssize_t m = utf8proc_encode_char(utf8proc_tolower(cp), enc);
	return xasprintf("%.*s%s", (int)m, (char *)enc, s + k);
}

char *text_upper(const char *s)
{
	struct buf b = {0};
	utf8proc_int32_t cp;
	for (utf8proc_ssize_t k;
	     *s && (k = utf8proc_iterate((const utf8proc_uint8_t *)s, -1, &cp)) > 0; s += k) {
		utf8proc_uint8_t enc[8];
		buf_put(&b, (const char *)enc,
		        (size_t)utf8proc_encode_char(utf8proc_toupper(cp), enc));
	}
	return buf_detach(&b);
}

char *text_prefix(const char *s, size_t n)
{
	size_t i = 0, k = 0;
	while (s[i] && k <= n) {
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			k++;
		if (k > n)
			break;
		i++;
	}
	return s[i] ? xasprintf("%.*s…", (int)i, s) : xstrdup(s);
}

/* Letters and digits of the folded text, nothing else. */
static char *squeeze(const char *s)
{
	char *f = text_fold(s);
	size_t k = 0;
	for (size_t i = 0; f[i]; i++)
		if (isalnum((unsigned char)f[i]))
			f[k++] = f[i];
	f[k] = '\0';
	return f;
}

double text_edit_similarity(const char *a, const char *b)
{
	char *x = squeeze(a), *y = squeeze(b);
	size_t n = strlen(x), m = strlen(y);
	double r = 0;
	if (n && m && n < 200 && m < 200) {
		size_t *prev = xcalloc(m + 1, sizeof *prev), *cur = xcalloc(m + 1, sizeof *cur);
		for (size_t j = 0; j <= m; j++)
			prev[j] = j;
		for (size_t i = 1; i <= n; i++) {
			cur[0] = i;
			for (size_t j = 1; j <= m; j++) {
				size_t sub = prev[j - 1] + (x[i - 1] != y[j - 1]);
				size_t del = prev[j] + 1, ins = cur[j - 1] + 1;
				cur[j] = sub < del ? (sub < ins ? sub : ins)
				                   : (del < ins ? del : ins);
			}
			size_t *t = prev;
			prev = cur;
			cur = t;
		}
		r = 1.0 - (double)prev[m] / (double)(n > m ? n : m);
		free(prev);
		free(cur);
	}
	free(x);
	free(y);
	return r;
}

size_t text_len(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

int text_case_start(const char *s)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	for (;;) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(p, -1, &cp);
		if (k <= 0 || cp == 0)
			return -1;
		utf8proc_category_t cat = utf8proc_category(cp);
		if (cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT)
			return 1;
		if (cat == UTF8PROC_CATEGORY_LL || cat == UTF8PROC_CATEGORY_LO)
			return 0;
		if (cat == UTF8PROC_CATEGORY_ND)
			return -1;
		if (cp != ' ' && cp != '(' && cp != '"' && cp != '\'' && cp != 0x201c &&
		    cp != 0x201d && cp != '[')
			return -1;
		p += k;
	}
}

int text_roman(const char *s)
{
	static const char *const r[] = {"",    "I",    "II",  "III",  "IV",    "V",   "VI",
	                                "VII", "VIII", "IX",  "X",    "XI",    "XII", "XIII",
	                                "XIV", "XV",   "XVI", "XVII", "XVIII", "XIX", "XX"};
	size_t n = strlen(s);
	while (n && (s[n - 1] == '.' || s[n - 1] == ' '))
		n--;
	if (n == 0 || n > 5)
		return 0;
	for (int i = 1; i <= 20; i++)
		if (strlen(r[i]) == n && strncmp(r[i], s, n) == 0)
			return i;
	return 0;
}

int text_year(const char *w, size_t n)
{
	if (n != 4)
		return 0;
	int y = 0;
	for (size_t i = 0; i < 4; i++) {
		if (!isdigit((unsigned char)w[i]))
			return 0;
		y = y * 10 + (w[i] - '0');
	}
	return y >= 1990 && y <= 2100 ? y : 0;
}

int text_year_at(const char *s, const char *p)
{
	if (p != s && isdigit((unsigned char)p[-1]))
		return 0;
	return strspn(p, "0123456789") == 4 ? text_year(p, 4) : 0;
}

int text_find_year(const char *s, const char **at)
{
	for (const char *p = s; *p; p++) {
		int y = text_year_at(s, p);
		if (y) {
			if (at)
				*at = p;
			return y;
		}
	}
	return 0;
}

int text_period_end(const char *s, const char *p, const char **after)
{
	static const char *const dashes[] = {"-", "\xe2\x80\x93", "\xe2\x80\x94"}; /* - – — */
	int a = text_year_at(s, p);
	if (!a)
		return 0;
	const char *q = p + 4;
	q += strspn(q, " ");
	size_t d = 0;
	for (size_t k = 0; k < sizeof dashes / sizeof dashes[0] && !d; k++)
		if (!strncmp(q, dashes[k], strlen(dashes[k])))
			d = strlen(dashes[k]);
	if (!d)
		return 0;
	q += d;
	q += strspn(q, " ");
	int z = text_year_at(s, q);
	if (z <= a)
		return 0;
	if (after)
		*after = q + 4;
	return z;
}

const char *text_to_roman(int v)
{
	static const char *const tens[] = {"", "X", "XX", "XXX"};
	static const char *const ones[] = {"",  "I",  "II",  "III",  "IV",
	                                   "V", "VI", "VII", "VIII", "IX"};
	static char out[16];
	if (v <= 0 || v >= 40)
		return "?";
	snprintf(out, sizeof out, "%s%s", tens[v / 10], ones[v % 10]);
	return out;
}

bool text_fold_starts(const char *s, const char *folded_prefix)
{
	char *f = text_fold(s);
	bool r = strncmp(f, folded_prefix, strlen(folded_prefix)) == 0;
	free(f);
	return r;
}

bool text_same_but(const char *a, const char *b, char skip)
{
	for (;; a++, b++) {
		while (*a == skip)
			a++;
		while (*b == skip)
			b++;
		if (*a != *b)
			return false;
		if (!*a)
			return true;
	}
}

bool text_fold_has(const char *s, const char *folded_needle)
{
	char *f = text_fold(s);
	bool r = strstr(f, folded_needle) != NULL;
	free(f);
	return r;
}
