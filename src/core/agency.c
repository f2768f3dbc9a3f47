/* agency.c: an agency is one however its name is written: its words with
 * abbreviations spelled out (HĐND, HCC), without punctuation or "và";
 * names this alike, or differing by a typo, are the same agency. */
#include "agency.h"

#include "text.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* An agency's name as a key: its words, abbreviations spelled out, without
 * punctuation or "và": "Văn phòng HĐND-UBND" and "Văn phòng HĐND và UBND"
 * are one agency. */
char *agency_key(const char *name)
{
	struct words w = {0};
	text_words(name, &w);
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < w.n; i++)
		if (strcmp(w.w[i], "va"))
			buf_printf(&b, "%s%s", b.len ? " " : "", w.w[i]);
	words_free(&w);
	return buf_detach(&b);
}

double agency_likeness_keyed(const char *a, const char *ka, const char *b, const char *kb)
{
	double sim = strcmp(ka, kb) ? text_similarity(ka, kb) : 2;
	double edit = text_edit_similarity(a, b);
	return edit >= 0.92 && edit > sim ? edit : sim;
}

double agency_likeness(const char *a, const char *b)
{
	char *ka = agency_key(a), *kb = agency_key(b);
	double sim = agency_likeness_keyed(a, ka, b, kb);
	free(ka);
	free(kb);
	return sim;
}

/* "…Hạ tầng và Đô thị Phòng Văn hóa": a new department begins mid-item
 * where "Phòng" follows a lower-case word; mark it with ';'. ("Văn phòng
 * Đảng ủy" is one name: only the capitalised department word splits.) */
static char *mark_agencies(const char *cell)
{
	static const char *const starts[] = {" Phòng "};
	struct buf b = BUF_INIT;
	for (const char *p = cell; *p;) {
		bool split = false;
		for (size_t i = 0; i < sizeof starts / sizeof starts[0] && !split; i++) {
			if (strncmp(p, starts[i], strlen(starts[i])))
				continue;
			const char *w = p; /* the word before */
			while (w > cell && w[-1] != ' ')
				w--;
			split = w < p && text_case_start(w) == 0 && strncmp(w, "và ", 3) &&
			        strncmp(w, "của ", 4) && strncmp(w, "các ", 4);
		}
		if (split) {
			buf_puts(&b, "; ");
			p++;
		} else {
			buf_putc(&b, *p++);
		}
	}
	return buf_detach(&b);
}

size_t agency_split(const char *cell, char ***out)
{
	size_t n = 0, cap = 0;
	*out = NULL;
	char *copy = mark_agencies(cell);
	for (char *p = copy; p && *p;) {
		char *semi = strchr(p, ';');
		if (semi)
			*semi = '\0';
		while (*p == ' ')
			p++;
		size_t k = strlen(p);
		while (k && (p[k - 1] == ' ' || p[k - 1] == '.' || p[k - 1] == ','))
			p[--k] = '\0';
		if (*p) {
			*out = xgrow(*out, &cap, n + 1, sizeof **out);
			(*out)[n++] = xstrdup(p);
		}
		p = semi ? semi + 1 : NULL;
	}
	free(copy);
	return n;
}
