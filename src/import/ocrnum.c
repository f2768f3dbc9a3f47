/* ocrnum.c: a table row's number as OCR misreads it ("IL1" for "II.1",
 * "l.2" for "I.2", "II,3" for "II.3") put right by its expected shape: the
 * numbers that can follow the previous row's ("II.3" after "II.2", the next
 * group "III", or "III.1") are compared with what was read, the letters
 * and marks OCR confuses taken as one. */
#include "ocr.h"

#include "text.h"
#include "util.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What was read or expected with the confusable glyphs made one: I, l, L,
 * |, 1, !, i, í, ì, j, J, T as 'I'; H as "II"; '.', ',', ':', ';', '·' as '.';
 * O, o as 0; spaces dropped. An L also stands for "I." (the stroke and the
 * dot run together) when split_l. */
static void squash(const char *s, bool split_l, char *out, size_t cap)
{
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p && n + 3 < cap; p++) {
		const char *c = NULL;
		char one[2] = {0, 0};
		if (!strncmp((const char *)p, "í", strlen("í")) ||
		    !strncmp((const char *)p, "ì", strlen("ì")) ||
		    !strncmp((const char *)p, "·", strlen("·"))) {
			c = *(p + 1) == 0xad || *(p + 1) == 0xac ? "I" : ".";
			p += 1;
		} else if (*p == 'L') {
			c = split_l ? "I." : "I";
		} else if (*p == 'H') {
			c = "II"; /* the two strokes run together across */
		} else if (strchr("Il|1!ijJTK", *p)) { /* "K1" for "I.1" */
			c = "I";
		} else if (strchr(".,:;", *p)) {
			c = ".";
		} else if (*p == 'O' || *p == 'o') {
			c = "0";
		} else if (*p == ' ') {
			continue;
		} else {
			one[0] = (char)toupper(*p);
			c = one;
		}
		size_t k = strlen(c);
		memcpy(out + n, c, k);
		n += k;
	}
	/* a trailing dot ("12.") is no part of the number */
	while (n && out[n - 1] == '.')
		n--;
	out[n] = '\0';
}

/* Split a number into its group (roman, 0 when none) and its number in the
 * group (0 when none): "II.3" 2, 3; "III" 3, 0; "12" 0, 12. False for
 * anything else. */
static bool parse_code(const char *s, int *group, int *num)
{
	char w[24];
	size_t n = strlen(s);
	if (n == 0 || n >= sizeof w)
		return false;
	memcpy(w, s, n + 1);
	if (w[n - 1] == '.')
		w[--n] = '\0';
	*group = 0, *num = 0;
	char *dot = strchr(w, '.');
	if (dot)
		*dot = '\0';
	if (isdigit((unsigned char)w[0])) {
		char *end;
		long v = strtol(w, &end, 10);
		if (*end || v <= 0 || v > 999)
			return false;
		*num = (int)v;
		if (dot) { /* "1.2": a number in a numbered group */
			*group = 0;
			v = strtol(dot + 1, &end, 10);
			return !*end && v > 0 && v <= 999 && isdigit((unsigned char)dot[1]);
		}
		return true;
	}
	*group = text_roman(w);
	if (!*group)
		return false;
	if (!dot)
		return true;
	char *end;
	long v = strtol(dot + 1, &end, 10);
	if (*end || v <= 0 || v > 999 || !isdigit((unsigned char)dot[1]))
		return false;
	*num = (int)v;
	return true;
}

bool ocr_number_shaped(const char *s)
{
	int g, k;
	return parse_code(s, &g, &k);
}

char *ocr_fix_number(const char *read, const char *last, int skipped)
{
	if (!read || !*read)
		return NULL;
	bool shaped = ocr_number_shaped(read);
	int g = 0, k = 0, sub = 0;
	if (last && *last && !parse_code(last, &g, &k))
		g = 0, k = 0;
	char cand[8][24], tail = 0;
	int nc = 0;
	skipped = skipped < 0 ? 0 : skipped > 50 ? 50 : skipped;
	if (!g && k && sscanf(last, "%*d.%d%c", &sub, &tail) == 1 && sub > 0) {
		/* "2.1": "2.2", the next group "3" and its "3.1" */
		snprintf(cand[nc++], sizeof cand[0], "%d.%d", k, sub + 1);
		if (skipped)
			snprintf(cand[nc++], sizeof cand[0], "%d.%d", k, sub + 1 + skipped);
		snprintf(cand[nc++], sizeof cand[0], "%d", k + 1);
		snprintf(cand[nc++], sizeof cand[0], "%d.1", k + 1);
	} else if (g && k) { /* "II.3": "II.4", "III", "III.1" */
		snprintf(cand[nc++], sizeof cand[0], "%s.%d", text_to_roman(g), k + 1);
		if (skipped) /* rows between not read as numbers */
			snprintf(cand[nc++], sizeof cand[0], "%s.%d", text_to_roman(g),
			         k + 1 + skipped);
		snprintf(cand[nc++], sizeof cand[0], "%s", text_to_roman(g + 1));
		snprintf(cand[nc++], sizeof cand[0], "%s.1", text_to_roman(g + 1));
	} else if (g) { /* "II": "II.1", "1", "III", "2.1" */
		snprintf(cand[nc++], sizeof cand[0], "%s.1", text_to_roman(g));
		if (skipped)
			snprintf(cand[nc++], sizeof cand[0], "%s.%d", text_to_roman(g),
			         1 + skipped);
		snprintf(cand[nc++], sizeof cand[0], "1");
		snprintf(cand[nc++], sizeof cand[0], "%s", text_to_roman(g + 1));
		snprintf(cand[nc++], sizeof cand[0], "%d.1", g);
	} else if (k) { /* "12": "13", a group; "2.": "2.1" */
		snprintf(cand[nc++], sizeof cand[0], "%d", k + 1);
		if (skipped)
			snprintf(cand[nc++], sizeof cand[0], "%d", k + 1 + skipped);
		snprintf(cand[nc++], sizeof cand[0], "%d.1", k);
	} else { /* the first row */
		snprintf(cand[nc++], sizeof cand[0], "I");
		snprintf(cand[nc++], sizeof cand[0], "I.1");
		snprintf(cand[nc++], sizeof cand[0], "1");
	}
	if (shaped) {
		/* a number read whole is kept, unless it is one expected with
		 * its dot lost ("11" for "1.1" after "1.") */
		for (int i = 0; i < nc; i++)
			if (!strcmp(read, cand[i]))
				return NULL;
		for (int i = 0; i < nc; i++)
			if (strchr(cand[i], '.') && text_same_but(read, cand[i], '.'))
				return xstrdup(cand[i]);
		return NULL;
	}
	char a[64], b[64], c[64];
	squash(read, true, a, sizeof a);
	squash(read, false, b, sizeof b);
	for (int i = 0; i < nc; i++) {
		squash(cand[i], false, c, sizeof c);
		if (!strcmp(a, c) || !strcmp(b, c))
			return xstrdup(cand[i]);
	}
	for (int i = 0; i < nc; i++) {
		squash(cand[i], false, c, sizeof c);
		if (text_same_but(a, c, '.') || text_same_but(b, c, '.'))
			return xstrdup(cand[i]);
	}
	return NULL;
}
