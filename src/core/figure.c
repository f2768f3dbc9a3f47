/* figure.c: one parser and one printer for reported figures (figure.h has
 * the rule). The text forms are first rewritten into C's own form ("-1234.5",
 * "1.5e-3") and read by strtod: no setlocale() is ever called, so its
 * decimal mark is ".", and glibc's strtod rounds correctly. */
#include "figure.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FIGURE_MAX_TEXT 100 /* longer is not a figure anyone typed */

static bool digit(char c)
{
	return c >= '0' && c <= '9';
}

/* s without the spaces around it: the start, and its length in *n. */
static const char *trim(const char *s, size_t *n)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t k = strlen(s);
	while (k && (s[k - 1] == ' ' || s[k - 1] == '\t'))
		k--;
	*n = k;
	return s;
}

/* An exponent "e-3" at s[0..n): its length (0 when there is none), or -1
 * when it is malformed. */
static int exponent(const char *s, size_t n, size_t at)
{
	if (at >= n)
		return 0;
	if (s[at] != 'e' && s[at] != 'E')
		return -1;
	size_t k = at + 1;
	if (k < n && (s[k] == '+' || s[k] == '-'))
		k++;
	if (k >= n || !digit(s[k]))
		return -1;
	while (k < n && digit(s[k]))
		k++;
	return k == n ? (int)(n - at) : -1;
}

/* JSON's grammar, leading zeros allowed: copied as it is. */
static enum figure_read_rc machine(const char *s, size_t n, char *clean)
{
	size_t k = s[0] == '-' ? 1 : 0;
	size_t d0 = k;
	while (k < n && digit(s[k]))
		k++;
	if (k == d0)
		return FIGURE_NOT_NUMBER;
	if (k < n && s[k] == '.') {
		size_t f0 = ++k;
		while (k < n && digit(s[k]))
			k++;
		if (k == f0)
			return FIGURE_NOT_NUMBER;
	}
	if (exponent(s, n, k) < 0)
		return FIGURE_NOT_NUMBER;
	memcpy(clean, s, n);
	clean[n] = '\0';
	return FIGURE_OK;
}

/* "1.234.567": a first group of 1-3 digits not starting with 0, then groups
 * of exactly three, separated by dots, in s[0..n). */
static bool grouped(const char *s, size_t n)
{
	size_t k = 0;
	while (k < n && digit(s[k]))
		k++;
	if (k == 0 || k > 3 || s[0] == '0')
		return false;
	while (k < n) {
		if (s[k] != '.' || k + 4 > n)
			return false;
		for (size_t j = k + 1; j < k + 4; j++)
			if (!digit(s[j]))
				return false;
		k += 4;
	}
	return true;
}

/* The Vietnamese rule of figure.h on the mantissa m[0..n) (no sign, no
 * exponent): which character is the decimal mark (0 for none), or why the
 * rule cannot say. */
static enum figure_read_rc decimal_mark(const char *m, size_t n, bool has_exp, char *mark)
{
	size_t dots = 0, commas = 0, comma = 0, dot = 0;
	for (size_t k = 0; k < n; k++) {
		if (digit(m[k]))
			continue;
		if ((m[k] != '.' && m[k] != ',') || k == 0 || k + 1 == n || !digit(m[k + 1]))
			return FIGURE_NOT_NUMBER;
		m[k] == '.' ? (dots++, dot = k) : (commas++, comma = k);
	}
	*mark = 0;
	if (commas > 1 || (has_exp && dots + commas > 1))
		return FIGURE_NOT_NUMBER;
	if (has_exp || dots + commas == 0) {
		*mark = commas ? ',' : dots ? '.' : 0;
		return FIGURE_OK;
	}
	if (commas) { /* "1.234,5": dots group thousands before the comma */
		*mark = ',';
		return !dots || (dot < comma && grouped(m, comma)) ? FIGURE_OK : FIGURE_NOT_NUMBER;
	}
	if (dots > 1)
		return grouped(m, n) ? FIGURE_OK : FIGURE_NOT_NUMBER;
	/* One dot: "2.5" is a decimal, "2.125" could be a thousand times it. */
	if (n - dot - 1 == 3 && dot <= 3 && m[0] != '0')
		return FIGURE_AMBIGUOUS;
	*mark = '.';
	return FIGURE_OK;
}

static enum figure_read_rc text(const char *s, size_t n, char *clean)
{
	size_t k = 0, c = 0;
	if (s[0] == '-')
		clean[c++] = s[k++];
	size_t m0 = k;
	while (k < n && (digit(s[k]) || s[k] == '.' || s[k] == ','))
		k++;
	int e = exponent(s, n, k);
	if (k == m0 || e < 0)
		return FIGURE_NOT_NUMBER;
	char mark;
	enum figure_read_rc rc = decimal_mark(s + m0, k - m0, e > 0, &mark);
	if (rc)
		return rc;
	for (size_t j = m0; j < k; j++)
		if (digit(s[j]))
			clean[c++] = s[j];
		else if (s[j] == mark)
			clean[c++] = '.';
	memcpy(clean + c, s + k, (size_t)e);
	clean[c + (size_t)e] = '\0';
	return FIGURE_OK;
}

enum figure_read_rc figure_read(const char *s, enum figure_form form, double *v)
{
	size_t n;
	const char *p = trim(s ? s : "", &n);
	if (n == 0 || n > FIGURE_MAX_TEXT)
		return FIGURE_NOT_NUMBER;
	char clean[FIGURE_MAX_TEXT + 1];
	enum figure_read_rc rc = form == FIGURE_MACHINE ? machine(p, n, clean) : text(p, n, clean);
	if (rc)
		return rc;
	char *end;
	double d = strtod(clean, &end);
	if (*end || !isfinite(d))
		return FIGURE_NOT_NUMBER;
	*v = d;
	return FIGURE_OK;
}

void figure_readings(const char *s, char decimal[FIGURE_SIZE], char whole[FIGURE_SIZE])
{
	size_t n, a = 0, b = 0;
	const char *p = trim(s ? s : "", &n);
	for (size_t k = 0; k < n && a + 1 < FIGURE_SIZE; k++) {
		decimal[a++] = p[k] == '.' ? ',' : p[k];
		if (p[k] != '.')
			whole[b++] = p[k];
	}
	decimal[a] = '\0';
	whole[b] = '\0';
}

void figure_write(double v, char out[FIGURE_SIZE])
{
	/* 15 significant digits always read back to the same 15 digits, so
	 * "%.15g" is the shortest form whenever one of 15 digits or fewer
	 * exists; 17 always suffice. */
	for (int prec = 15; prec <= 17; prec++) {
		snprintf(out, FIGURE_SIZE, "%.*g", prec, v);
		if (strtod(out, NULL) == v)
			return;
	}
}

void figure_write_vi(double v, char out[FIGURE_SIZE])
{
	figure_write(v, out);
	char *dot = strchr(out, '.');
	if (dot)
		*dot = ',';
}

void figure_show_vi(double v, char out[FIGURE_SIZE])
{
	char t[FIGURE_SIZE];
	figure_write_vi(v, t);
	if (strpbrk(t, "eE")) {
		memcpy(out, t, FIGURE_SIZE);
		return;
	}
	const char *p = t, *end = t + strcspn(t, ",");
	char *o = out;
	if (*p == '-')
		*o++ = *p++;
	size_t digits = (size_t)(end - p);
	for (size_t k = 0; p < end; k++) {
		if (k && (digits - k) % 3 == 0)
			*o++ = '.';
		*o++ = *p++;
	}
	snprintf(o, FIGURE_SIZE - (size_t)(o - out), "%s", end);
}
