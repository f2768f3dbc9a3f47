/* period.c: reporting periods: parsing with Vietnamese reasons, canonical
 * names, month ranges and the cut-off windows of Decree 09/2019/NĐ-CP. Months
 * are counted as year*12 + month-1 so that arithmetic crosses years freely. */
#include "period.h"

#include <stdio.h>

#define R_EMPTY   "kỳ báo cáo để trống"
#define R_LONG    "kỳ báo cáo quá dài: dùng 2025-05, 2025-Q2, 2025-H1, 2025-9M hoặc 2025"
#define R_ASCII   "kỳ báo cáo chỉ gồm chữ số 0-9, dấu '-' và chữ Q, H, M (không dùng chữ số toàn khổ)"
#define R_SPACE   "kỳ báo cáo có khoảng trắng thừa ở đầu hoặc cuối"
#define R_FORM    "không đúng dạng kỳ báo cáo: dùng 2025-05, 2025-Q2, 2025-H1, 2025-9M hoặc 2025"
#define R_YEAR    "năm phải từ 2000 đến 2100 (bốn chữ số)"
#define R_MONTH   "tháng phải từ 01 đến 12"
#define R_QUARTER "quý phải từ Q1 đến Q4"
#define R_HALF    "kỳ 6 tháng phải là H1 (6 tháng đầu năm) hoặc H2 (6 tháng cuối năm)"
#define R_NINE    "kỳ lũy kế chỉ có 9M (9 tháng); 6 tháng đầu năm viết là H1"
#define R_TRAIL   "có ký tự thừa sau kỳ báo cáo"

/* How many periods of each kind a year holds. */
static int kind_count(enum period_kind k)
{
	static const int count[] = {12, 4, 2, 1, 1};
	return (int)k >= 0 && k <= PERIOD_YEAR ? count[k] : 0;
}

bool period_valid(const struct period *p)
{
	if (!p || (int)p->kind < 0 || p->kind > PERIOD_YEAR)
		return false;
	if (p->year < PERIOD_YEAR_MIN || p->year > PERIOD_YEAR_MAX)
		return false;
	if (p->kind == PERIOD_NINE_MONTHS || p->kind == PERIOD_YEAR)
		return p->index == 0;
	return p->index >= 1 && p->index <= kind_count(p->kind);
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Reads a run of ASCII digits into *v (saturating at 100000); returns its length. */
static int digits(const char *s, int *v)
{
	int n = 0;
	*v = 0;
	for (; is_digit(s[n]); n++)
		if (*v < 100000)
			*v = *v * 10 + (s[n] - '0');
	return n;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* Checks the bytes before the structure: length, ASCII, white space. */
static const char *check_bytes(const char *s)
{
	size_t len = 0;
	while (len <= PERIOD_NAME_SIZE && s[len])
		len++;
	if (len == 0)
		return R_EMPTY;
	if (len > PERIOD_NAME_SIZE)
		return R_LONG;
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			return R_ASCII;
	if (is_space(s[0]) || is_space(s[len - 1]))
		return R_SPACE;
	return NULL;
}

/* The part after "YYYY-" that starts with a digit: a month or "9M". */
static const char *parse_numeric(const char *s, struct period *r, const char **end)
{
	int v;
	int n = digits(s, &v);
	if (s[n] == 'M' || s[n] == 'm') {
		if (n != 1 || v != 9)
			return R_NINE;
		r->kind = PERIOD_NINE_MONTHS;
		*end = s + 2;
		return NULL;
	}
	if (n > 2 || v < 1 || v > 12)
		return R_MONTH;
	r->kind = PERIOD_MONTH;
	r->index = v;
	*end = s + n;
	return NULL;
}

/* The part after "YYYY-" that starts with Q or H: one digit in range. */
static const char *parse_lettered(const char *s, struct period *r, const char **end)
{
	bool q = s[0] == 'Q' || s[0] == 'q';
	int v;
	int n = digits(s + 1, &v);
	r->kind = q ? PERIOD_QUARTER : PERIOD_HALF;
	if (n != 1 || v < 1 || v > kind_count(r->kind))
		return q ? R_QUARTER : R_HALF;
	r->index = v;
	*end = s + 2;
	return NULL;
}

/* The whole name, bytes already checked; NULL or the reason. */
static const char *parse_name(const char *s, struct period *r)
{
	int n = digits(s, &r->year);
	if (n == 0)
		return R_FORM;
	if (n != 4 || r->year < PERIOD_YEAR_MIN || r->year > PERIOD_YEAR_MAX)
		return R_YEAR;
	s += n;
	r->kind = PERIOD_YEAR;
	r->index = 0;
	if (*s == '\0')
		return NULL;
	if (*s != '-')
		return R_FORM;
	s++;
	const char *end = s, *why;
	if (is_digit(*s))
		why = parse_numeric(s, r, &end);
	else if (*s == 'Q' || *s == 'q' || *s == 'H' || *s == 'h')
		why = parse_lettered(s, r, &end);
	else
		why = R_FORM;
	if (!why && *end != '\0')
		why = R_TRAIL;
	return why;
}

int period_parse(const char *s, struct period *p, const char **why)
{
	struct period r = {PERIOD_YEAR, 0, 0};
	const char *w = s ? check_bytes(s) : R_EMPTY;
	if (!w)
		w = parse_name(s, &r);
	if (w) {
		if (why)
			*why = w;
		return -1;
	}
	*p = r;
	return 0;
}

void period_format(const struct period *p, char *buf, size_t n)
{
	if (n == 0)
		return;
	if (!period_valid(p)) {
		buf[0] = '\0';
		return;
	}
	switch (p->kind) {
	case PERIOD_MONTH:
		snprintf(buf, n, "%04d-%02d", p->year, p->index);
		break;
	case PERIOD_QUARTER:
		snprintf(buf, n, "%04d-Q%d", p->year, p->index);
		break;
	case PERIOD_HALF:
		snprintf(buf, n, "%04d-H%d", p->year, p->index);
		break;
	case PERIOD_NINE_MONTHS:
		snprintf(buf, n, "%04d-9M", p->year);
		break;
	case PERIOD_YEAR:
		snprintf(buf, n, "%04d", p->year);
		break;
	}
}

void period_months(const struct period *p, int *first, int *last)
{
	/* Months of the year (1-based) covered by index 1 of each kind: length. */
	static const int length[] = {1, 3, 6, 9, 12};
	if (!period_valid(p)) {
		*first = 0;
		*last = -1;
		return;
	}
	int i = p->index > 0 ? p->index : 1;
	int base = p->year * 12;
	*first = base + (i - 1) * length[p->kind];
	*last = *first + length[p->kind] - 1;
}

bool period_within(const struct period *a, const struct period *b)
{
	if (!period_valid(a) || !period_valid(b))
		return false;
	int fa, la, fb, lb;
	period_months(a, &fa, &la);
	period_months(b, &fb, &lb);
	return fa >= fb && la <= lb;
}

static int sign(long d)
{
	return (d > 0) - (d < 0);
}

int period_cmp(const struct period *a, const struct period *b)
{
	int fa, la, fb, lb;
	period_months(a, &fa, &la);
	period_months(b, &fb, &lb);
	if (la != lb)
		return sign((long)la - lb);
	if (la - fa != lb - fb)
		return sign((long)(la - fa) - (lb - fb));
	if (a->kind != b->kind)
		return sign((long)a->kind - (long)b->kind);
	if (a->year != b->year)
		return sign((long)a->year - b->year);
	return sign((long)a->index - b->index);
}

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Days in month number mn (year*12 + month-1). */
static int month_days(int mn)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int m = mn % 12;
	return days[m] + (m == 1 && leap(mn / 12));
}

static int clamp_cutoff(int d)
{
	return d < 1 ? 1 : d > 28 ? 28 : d;
}

/* Writes month number mn (>= 0), day d (1..31) as "YYYY-MM-DD" into out[11].
 * The bounds only tell the compiler the fields fit; callers stay within them. */
static void put_date(char out[11], int mn, int d)
{
	unsigned u = (unsigned)mn;
	snprintf(out, 11, "%04u-%02u-%02u", u / 12 % 10000, u % 12 + 1, (unsigned)d % 32);
}

void period_window(const struct period *p, int cutoff_day, char start[11], char end[11])
{
	int first, last;
	int d = clamp_cutoff(cutoff_day);
	if (!period_valid(p)) {
		start[0] = end[0] = '\0';
		return;
	}
	period_months(p, &first, &last);
	if (d == 1) {
		put_date(start, first, 1);
		put_date(end, last, month_days(last));
	} else {
		put_date(start, first - 1, d);
		put_date(end, last, d - 1);
	}
}

/* Reads "YYYY-MM-DD" exactly into a month number and a day; false when
 * malformed or impossible (2025-02-29). */
static bool parse_date(const char *s, int *mn, int *day)
{
	static const char shape[] = "dddd-dd-dd";
	for (int i = 0; i < 10; i++)
		if (shape[i] == 'd' ? !is_digit(s[i]) : s[i] != '-')
			return false;
	if (s[10] != '\0')
		return false;
	int y, m;
	digits(s, &y);
	digits(s + 5, &m);
	digits(s + 8, day);
	if (m < 1 || m > 12)
		return false;
	*mn = y * 12 + m - 1;
	return *day >= 1 && *day <= month_days(*mn);
}

int period_of_date(const char *date, int cutoff_day, enum period_kind kind, struct period *out)
{
	int mn, day;
	int d = clamp_cutoff(cutoff_day);
	if (!date || !parse_date(date, &mn, &day) || kind_count(kind) == 0)
		return -1;
	if (d > 1 && day >= d)
		mn++;
	int m = mn % 12 + 1;
	struct period r = {kind, mn / 12, 0};
	switch (kind) {
	case PERIOD_MONTH:
		r.index = m;
		break;
	case PERIOD_QUARTER:
		r.index = (m + 2) / 3;
		break;
	case PERIOD_HALF:
		r.index = (m + 5) / 6;
		break;
	case PERIOD_NINE_MONTHS:
		if (m > 9)
			return -1;
		break;
	case PERIOD_YEAR:
		break;
	}
	if (!period_valid(&r))
		return -1;
	*out = r;
	return 0;
}

int period_children(const struct period *p, enum period_kind finer, struct period *out, int n)
{
	int count = kind_count(finer), written = 0;
	if (!period_valid(p) || count == 0)
		return 0;
	bool indexed = finer != PERIOD_NINE_MONTHS && finer != PERIOD_YEAR;
	for (int i = 1; i <= count && written < n; i++) {
		struct period c = {finer, p->year, indexed ? i : 0};
		if (period_within(&c, p))
			out[written++] = c;
	}
	return written;
}

int period_end(const char *s, int *last, enum period_kind *kind, const char **why)
{
	struct period p;
	int first;
	if (period_parse(s, &p, why))
		return -1;
	period_months(&p, &first, last);
	*kind = p.kind;
	return 0;
}

void period_words_vi(const struct period *p, char *buf, size_t n)
{
	static const char *const roman[] = {"", "I", "II", "III", "IV"};
	switch (p->kind) {
	case PERIOD_MONTH:
		snprintf(buf, n, "tháng %d năm %d", p->index, p->year);
		break;
	case PERIOD_QUARTER:
		snprintf(buf, n, "quý %s năm %d",
		         roman[p->index >= 1 && p->index <= 4 ? p->index : 0], p->year);
		break;
	case PERIOD_HALF:
		snprintf(buf, n, "6 tháng %s năm %d", p->index == 1 ? "đầu" : "cuối", p->year);
		break;
	case PERIOD_NINE_MONTHS:
		snprintf(buf, n, "9 tháng năm %d", p->year);
		break;
	case PERIOD_YEAR:
		snprintf(buf, n, "năm %d", p->year);
		break;
	}
}

void period_label_vi(const struct period *p, char *buf, size_t n)
{
	static const char *const roman[] = {"", "I", "II", "III", "IV"};
	switch (p->kind) {
	case PERIOD_MONTH:
		snprintf(buf, n, "Tháng %d/%d", p->index, p->year);
		break;
	case PERIOD_QUARTER:
		snprintf(buf, n, "Quý %s/%d", roman[p->index >= 1 && p->index <= 4 ? p->index : 0],
		         p->year);
		break;
	default:
		period_words_vi(p, buf, n);
		if (n && buf[0] == 'n') /* "năm 2026" */
			buf[0] = 'N';
		break;
	}
}
