/* meta.c: the plan's number, date, issuer and title, from the heading of the
 * document or the caption of its appendix ("Kèm theo Kế hoạch số ... ngày
 * ... của ..."); and the deadlines written in task tables. */
#include "table.h"

#include "text.h"
#include "util.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HEAD_LINES     80
#define TITLE_LINE_MAX 200 /* a longer line is running text, not the title */

static const char *skip(const char *s, const char *chars)
{
	while (*s && strchr(chars, *s))
		s++;
	return s;
}

/* Read up to two digits / four digits at s. */
static int num(const char **s, int maxdigits)
{
	int v = 0, k = 0;
	while (k < maxdigits && isdigit((unsigned char)**s)) {
		v = v * 10 + (**s - '0');
		(*s)++;
		k++;
	}
	return k ? v : -1;
}

/* "ngày 15 tháng 5 năm 2025" or "ngày 20/4/2026" in folded text. */
static bool read_date(const char *f, int *y, int *m, int *d)
{
	for (const char *p = strstr(f, "ngay"); p; p = strstr(p + 4, "ngay")) {
		const char *s = skip(p + 4, " ");
		*d = num(&s, 2);
		if (*d < 1 || *d > 31)
			continue;
		if (!strncmp(s, " thang ", 7)) {
			s += 7;
			*m = num(&s, 2);
			if (strncmp(s, " nam ", 5))
				continue;
			s += 5;
		} else if (*s == '/' || *s == '-' || *s == '.') {
			s++;
			*m = num(&s, 2);
			if (*s != '/' && *s != '-' && *s != '.')
				continue;
			s++;
		} else {
			continue;
		}
		*y = text_year_at(f, s);
		if (*m >= 1 && *m <= 12 && *y)
			return true;
	}
	return false;
}

/* The text after "số" in a cell like "Kế hoạch số 59/KH-UBND ngày ...". */
static char *read_number(const char *clean, const char *unused)
{
	(void)unused;
	const char *s = skip(clean, " :");
	size_t n = strcspn(s, " ,;)");
	if (n == 0 || n > 40)
		return NULL;
	bool digit = false;
	for (size_t i = 0; i < n; i++)
		digit |= isdigit((unsigned char)s[i]) != 0;
	if (!digit || !isdigit((unsigned char)s[0]))
		return NULL;
	return xstrndup(s, n);
}

/* Byte offset in the cleaned line of the word after folded needle: folding
 * keeps word boundaries, so count words. */
static const char *after_words(const char *clean, const char *f, const char *needle)
{
	const char *at = strstr(f, needle);
	if (!at)
		return NULL;
	int words = 0;
	for (const char *q = f; q < at + strlen(needle); q++)
		words += *q == ' ';
	if (at[strlen(needle) - 1] != ' ')
		words++;
	const char *s = clean;
	for (int w = 0; w < words && s; w++) {
		s = strchr(s, ' ');
		if (s)
			s++;
	}
	return s;
}

static void read_caption(struct plan *p, const char *clean, const char *f, bool *warned)
{
	if (!p->number) {
		const char *s = after_words(clean, f, "ke hoach so");
		if (s)
			p->number = read_number(s, NULL);
		if (s && !p->number && !*warned) {
			*warned = true;
			plan_warn(p, 0, "Số của kế hoạch để trống trong tài liệu");
		}
	}
	int y, m, d;
	if (!p->date && read_date(f, &y, &m, &d))
		p->date = xasprintf("%04d-%02d-%02d", y, m, d);
	const char *c = strstr(clean, " của ");
	if (!p->issuer && c) {
		const char *last = c;
		while ((c = strstr(c + 1, " của ")))
			last = c;
		last += strlen(" của ");
		size_t n = strcspn(last, ")");
		while (n && (last[n - 1] == ' ' || last[n - 1] == '.'))
			n--;
		if (n > 0 && n < 200)
			p->issuer = xstrndup(last, n);
	}
}

/* A line that starts the running text after the title ("Căn cứ ...",
 * "Thực hiện Kế hoạch số ...", "I. MỤC ĐÍCH, YÊU CẦU"), or a table's
 * caption ("Bảng …", "Phụ lục …"), when a document
 * keeps no blank line between its paragraphs (a Word or HTML file). */
static bool body_start(const char *c)
{
	static const char *const words[] = {"Căn cứ ", "Thực hiện ", "Để ",     "Nhằm ",
	                                    "Phần ",   "PHẦN ",      "Kính gửi", "Phụ lục",
	                                    "PHỤ LỤC", "Bảng ",      "BẢNG "};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (!strncmp(c, words[i], strlen(words[i])))
			return true;
	size_t n = strspn(c, "IVX");
	return n > 0 && c[n] == '.' && c[n + 1] == ' ';
}

/* A title's wrapped line that a blank line sets apart (text laid out
 * with spaces keeps the title's line spacing): short, starting with a
 * word in lower case ("đến năm 2030"), as no paragraph or caption does. */
static bool title_rest(const char *s)
{
	char *c = text_clean(s);
	size_t cn = strlen(c);
	bool yes = cn && text_len(c) <= TITLE_LINE_MAX && c[cn - 1] != ':' &&
	           (unsigned char)c[0] > ' ' && !strchr("(\"'[-–", c[0]) && text_case_start(c) == 0;
	free(c);
	return yes;
}

/* A word split after its first letter by the text's copy from a PDF
 * ("B ộ" for "Bộ": a capital consonant set apart from the vowel with its
 * diacritics): joined in place. A lone capital consonant is no word of a
 * title, and the vowel after it, alone and in lower case, starts its
 * syllable's rest. */
static void join_split_letters(char *s)
{
	for (char *p = s; (p = strchr(p, ' ')) != NULL; p++) {
		if (p - s < 1 || !strchr("BCDGHKLMNPQRSTVX", p[-1]) ||
		    (p - s >= 2 && p[-2] != ' ') || (unsigned char)p[1] < 0xc0)
			continue;
		size_t k = 1; /* the code point after the space */
		while (((unsigned char)p[1 + k] & 0xc0) == 0x80)
			k++;
		char *one = xstrndup(p + 1, k), *f = text_fold(one);
		/* "ở", "ý" are words of their own ("khu C ở …") */
		bool vowel = strlen(f) == 1 && strchr("aeiouy", f[0]) &&
		             text_case_start(one) == 0 && strcmp(one, "ở") && strcmp(one, "ý");
		free(f);
		free(one);
		if (vowel)
			memmove(p, p + 1, strlen(p + 1) + 1);
	}
}

/* The letterhead's place and date ("Tân An, ngày 06 tháng 3 năm 2026"):
 * the date after a comma (or alone) ending the line. A title's line that
 * names a resolution's date ("… 57-NQ/TW ngày 22 tháng 12 năm 2024") has
 * no comma before it. */
static bool place_date_line(const char *clean)
{
	char *f = text_fold(clean);
	const char *at = strstr(f, "ngay ");
	int y, m, d;
	size_t n = strlen(f);
	while (n && strchr(" .)", f[n - 1]))
		n--;
	bool yes = at && (at == f || (at - f >= 2 && at[-1] == ' ' && at[-2] == ',')) && n >= 4 &&
	           isdigit((unsigned char)f[n - 1]) && read_date(at, &y, &m, &d) &&
	           strspn(f + n - 4, "0123456789") == 4 && atoi(f + n - 4) == y;
	free(f);
	return yes;
}

/* Whether s has letters, all of them capitals. */
static bool all_capitals(const char *s)
{
	char *u = text_upper(s);
	bool yes = !strcmp(u, s) && text_case_start(s) == 1;
	free(u);
	return yes;
}

static void read_title(struct plan *p, const struct lines *l, size_t i)
{
	struct buf b = BUF_INIT;
	bool small = false; /* a line of the title in small letters */
	for (size_t j = i + 1, k = 0; j < l->n && k < 6; j++) {
		/* a table's row ("| … |", cells apart by tabs) right under
		 * the title, with no running text between */
		if (b.len && (l->v[j][strspn(l->v[j], " ")] == '|' || strchr(l->v[j], '\t')))
			break;
		char *c = text_clean(l->v[j]);
		size_t cn = strlen(c);
		/* a rule under the title ("________", "-----"): its end */
		if (cn >= 3 && strspn(c, "_-=*.") == cn) {
			free(c);
			if (b.len)
				break;
			continue;
		}
		/* running text leading to the table ("… như sau:"), the
		 * letterhead's place and date set under the title, or the
		 * table's number column ("STT", "Số TT") right under it */
		/* … or, after a title in small letters, a section's heading
		 * in capitals (its number misread from a scan: "IL MỤC TIÊU") */
		if (b.len && (body_start(c) || (cn && c[cn - 1] == ':') || place_date_line(c) ||
		              (small && all_capitals(c)) || text_fold_starts(c, "stt") ||
		              text_fold_starts(c, "so tt") || !strcmp(c, "TT"))) {
			free(c);
			break;
		}
		if (!*c || (b.len && text_len(c) > TITLE_LINE_MAX)) {
			/* a blank line, or running text after it (a page has no
			 * blank lines between paragraphs) */
			bool stop = *c || b.len, blank = !*c;
			free(c);
			if (stop && blank && j + 1 < l->n && title_rest(l->v[j + 1]))
				stop = false; /* its next line set apart (pdftotext -layout) */
			if (stop)
				break;
			continue;
		}
		buf_puts(&b, b.len ? " " : "");
		buf_puts(&b, c);
		small = small || !all_capitals(c);
		free(c);
		k++;
	}
	if (!b.len) {
		buf_free(&b);
		return;
	}
	/* "Kế hoạch" + the rest, with its first letter in lower case. */
	char *rest = buf_detach(&b);
	join_split_letters(rest);
	char *lower = text_lower_first(rest);
	p->title = xasprintf("Kế hoạch %s", lower);
	free(lower);
	free(rest);
}

void meta_read(const struct lines *l, struct plan *p)
{
	bool warned = false;
	for (size_t i = 0; i < l->n; i++) {
		/* Past the heading only the appendix caption matters: "Kèm theo". */
		if (strlen(l->v[i]) > 2000 ||
		    (i >= HEAD_LINES && !strstr(l->v[i], "èm theo") && !strstr(l->v[i], "ÈM THEO")))
			continue;
		char *clean = text_clean(l->v[i]);
		char *f = text_fold(clean);
		if (i < HEAD_LINES) {
			if (!p->number && (!strncmp(f, "so:", 3) || !strncmp(f, "so ", 3)))
				p->number = read_number(clean + strcspn(clean, ": "), NULL);
			/* Above the title, the issuer's block and the place and
			 * date may share a line (a layout table's row): "... Số:
			 * 87/KH-UBND ... Hòa Bình, ngày 08 tháng 10 năm 2025". */
			const char *at = strstr(f, " so: ");
			if (!p->number && !p->title && at)
				p->number = read_number(after_words(clean, f, " so: "), NULL);
			int y, m, d;
			if (!p->date && strlen(f) < 120 && read_date(f, &y, &m, &d))
				p->date = xasprintf("%04d-%02d-%02d", y, m, d);
			at = strstr(f, ", ngay ");
			if (!p->date && !p->title && at && read_date(at, &y, &m, &d))
				p->date = xasprintf("%04d-%02d-%02d", y, m, d);
			/* "KẾ HOẠCH" alone; read from a scan, its wide-set
			 * capitals may lose the space ("KEHOẠCH") */
			if (!p->title && (!strcmp(f, "ke hoach") || !strcmp(f, "kehoach")))
				read_title(p, l, i);
		}
		if (strstr(f, "kem theo ke hoach") && strlen(f) < 400)
			read_caption(p, clean, f, &warned);
		free(f);
		free(clean);
	}
}

/* "từ tháng 5/2025" is when a task starts, not its deadline. */
static bool after_from(const char *f, const char *p)
{
	return p - f >= 3 && !strncmp(p - 3, "tu ", 3);
}

bool task_due(const char *timeframe, int *year, int *month)
{
	char *f = text_fold(timeframe);
	bool ok = false;
	*year = *month = 0;
	const char *p;
	for (p = strstr(f, "thang "); p && !ok; p = strstr(p + 6, "thang ")) {
		const char *s = p + 6;
		if (after_from(f, p))
			continue;
		int m = num(&s, 2), y = 0;
		if (*s == '/' || *s == '-' || *s == '.')
			y = text_year_at(f, s + 1);
		else if (!strncmp(s, " nam ", 5))
			y = text_year_at(f, s + 5);
		if (m >= 1 && m <= 12 && y) {
			*year = y;
			*month = m;
			ok = true;
		}
	}
	for (p = strstr(f, "quy "); p && !ok; p = strstr(p + 4, "quy ")) {
		const char *s = p + 4;
		static const char *const qs[] = {"iv", "iii", "ii", "i", "4", "3", "2", "1"};
		static const int qv[] = {4, 3, 2, 1, 4, 3, 2, 1};
		for (size_t k = 0; k < 8; k++) {
			size_t n = strlen(qs[k]);
			if (strncmp(s, qs[k], n) || (s[n] != '/' && strncmp(s + n, " nam ", 5)))
				continue;
			const char *t = s + n + (s[n] == '/' ? 1 : 5);
			int y = text_year_at(f, t);
			if (y) {
				*year = y;
				*month = qv[k] * 3;
				ok = true;
			}
			break;
		}
	}
	for (p = strstr(f, "nam "); p && !ok; p = strstr(p + 4, "nam ")) {
		const char *s = p + 4;
		if (after_from(f, p))
			continue;
		int y = text_year_at(f, s);
		if (y) {
			*year = y;
			*month = 12;
			ok = true;
		}
	}
	free(f);
	return ok;
}

bool task_recurring(const char *timeframe)
{
	static const char *const words[] = {"thuong xuyen", "hang nam", "hang thang", "hang quy",
	                                    "dinh ky",      "lien tuc", "moi nam",    "hang ngay"};
	char *f = text_fold(timeframe);
	bool r = false;
	for (size_t i = 0; i < sizeof words / sizeof words[0] && !r; i++)
		r = strstr(f, words[i]) != NULL;
	free(f);
	return r;
}
