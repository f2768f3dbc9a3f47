/* target.c: typed targets from free-text cells (see docs/targets.md for the
 * forms met in real plans). Matching is done on the folded cell: lower case,
 * no diacritics, so "Đạt mức khá" and "dat muc kha" read alike. */
#include "target.h"

#include "text.h"
#include "util.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* Ordinal scales, folded, each with the name shown to people. */
struct level {
	const char *fold, *name;
	int scale, pos;
};

static const struct level levels[] = {
        {"yeu", "Yếu", 1, 1},
        {"trung binh", "Trung bình", 1, 2},
        {"kha", "Khá", 1, 3},
        {"tot", "Tốt", 1, 4},
        {"gioi", "Giỏi", 1, 4},
        {"xuat sac", "Xuất sắc", 1, 5},
        {"bat dau trien khai", "Bắt đầu triển khai", 2, 1},
        {"bat dau", "Bắt đầu", 2, 1},
        {"mo rong", "Mở rộng", 2, 2},
        {"pho bien", "Phổ biến", 2, 3},
        {"nang cao", "Nâng cao", 2, 4},
        {"tiep can", "Tiếp cận", 3, 1},
        {"ung dung", "Ứng dụng", 3, 2},
        {"thanh thao", "Thành thạo", 3, 3},
        {"thi diem", "Thí điểm", 4, 1},
        {"hoan thien", "Hoàn thiện", 4, 2},
};

static const struct level *find_level(const char *f)
{
	for (size_t i = 0; i < sizeof levels / sizeof levels[0]; i++)
		if (strcmp(levels[i].fold, f) == 0)
			return &levels[i];
	return NULL;
}

static bool starts(const char *s, const char *p)
{
	return strncmp(s, p, strlen(p)) == 0;
}

static const char *skip_space(const char *s)
{
	while (*s == ' ')
		s++;
	return s;
}

int target_number(const char *s, double *v)
{
	const char *p = s;
	if (!isdigit((unsigned char)*p))
		return 0;
	char digits[64];
	size_t n = 0;
	int dots = 0, commas = 0;
	const char *lastsep = NULL;
	while (*p && n < sizeof digits - 1) {
		if (isdigit((unsigned char)*p)) {
			digits[n++] = *p++;
		} else if ((*p == '.' || *p == ',') && isdigit((unsigned char)p[1])) {
			*p == '.' ? dots++ : commas++;
			lastsep = p;
			digits[n++] = *p++;
		} else {
			break;
		}
	}
	digits[n] = '\0';
	/* Decide which separator is the decimal mark. */
	char dec = 0;
	if (dots && commas) {
		dec = *lastsep;
	} else if (commas == 1) {
		dec = ',';
	} else if (dots == 1) {
		size_t after = strlen(strchr(digits, '.') + 1);
		dec = (after == 3 && digits[0] != '0') ? 0 : '.';
	}
	char clean[64];
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (digits[i] == '.' || digits[i] == ',') {
			if (digits[i] == dec)
				clean[k++] = '.';
		} else {
			clean[k++] = digits[i];
		}
	}
	clean[k] = '\0';
	*v = strtod(clean, NULL);
	return (int)(p - s);
}

bool target_token(const char *t, bool yes_no)
{
	if (!strcmp(t, "-") || !strcmp(t, "\xe2\x80\x93") || !strcmp(t, "\xe2\x80\x94") ||
	    !strcmp(t, "x") || (yes_no && (!strcmp(t, "Có") || !strcmp(t, "Đạt"))))
		return true;
	const char *p = t;
	while (*p == '>' || *p == '<' || *p == '=')
		p++;
	if (!strncmp(p, "\xe2\x89\xa5", 3) || !strncmp(p, "\xe2\x89\xa4", 3))
		p += 3;
	while (*p == ' ') /* "≥ 80" */
		p++;
	double v;
	int k = target_number(p, &v);
	if (!k)
		return false;
	p += k;
	if (*p == '-' && isdigit((unsigned char)p[1]))
		p += 1 + target_number(p + 1, &v);
	if (*p == '%')
		p++;
	return *p == '\0';
}

/* Comparison sign or word at s; returns bytes read, 0 if none. */
static int read_op(const char *s, enum target_op *op)
{
	static const struct {
		const char *w;
		enum target_op op;
	} ops[] = {
	        {"\xe2\x89\xa5", TARGET_GE},
	        {">=", TARGET_GE},
	        {"=>", TARGET_GE},
	        {"\xe2\x89\xa4", TARGET_LE},
	        {"<=", TARGET_LE},
	        {"=<", TARGET_LE},
	        {">", TARGET_GT},
	        {"<", TARGET_LT},
	        {"=", TARGET_EQ},
	        {"toi thieu", TARGET_GE},
	        {"it nhat", TARGET_GE},
	        {"khong thap hon", TARGET_GE},
	        {"khong duoi", TARGET_GE},
	        {"tren", TARGET_GT},
	        {"hon", TARGET_GT},
	        {"toi da", TARGET_LE},
	        {"khong qua", TARGET_LE},
	        {"duoi", TARGET_LT},
	        {"dat", TARGET_GE},
	        {"dat tren", TARGET_GT},
	        {"dat toi thieu", TARGET_GE},
	        {"dat it nhat", TARGET_GE},
	        {"chiem", TARGET_GE},
	        {"chiem toi thieu", TARGET_GE},
	        {"chiem ty trong", TARGET_GE},
	        {"chiem ty trong toi thieu", TARGET_GE},
	        {"chiem ty trong khong duoi", TARGET_GE},
	        {"chiem ty trong tren", TARGET_GT},
	        {"tu", TARGET_GE}, /* "Từ 50% trở lên" ("trở xuống": see below) */
	        {"dat tu", TARGET_GE},
	        {"duy tri", TARGET_GE}, /* "Duy trì 100%": the figure kept */
	        {"duy tri o muc", TARGET_GE},
	        {"duy tri muc", TARGET_GE},
	};
	int best = 0;
	for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
		int k = (int)strlen(ops[i].w);
		if (k > best && strncmp(s, ops[i].w, (size_t)k) == 0) {
			const char *r = skip_space(s + k);
			if (isdigit((unsigned char)*r)) {
				best = k;
				*op = ops[i].op;
			}
		}
	}
	return best;
}

static bool is_dash(const char *s, int *len)
{
	if (*s == '-') {
		*len = 1;
		return true;
	}
	if (starts(s, "\xe2\x80\x93") || starts(s, "\xe2\x80\x94")) { /* – — */
		*len = 3;
		return true;
	}
	if (starts(s, "\xc3\xb7")) { /* "80÷90": the range sign of Vietnamese tables */
		*len = 2;
		return true;
	}
	if (starts(s, "den ")) {
		*len = 4;
		return true;
	}
	return false;
}

/* "80-90", "80 – 90%", "80÷90", "tu 80 den 90": a range. */
static bool parse_range(const char *f, struct target *t)
{
	const char *p = skip_space(starts(f, "tu ") ? f + 3 : f);
	double a, b;
	int k = target_number(p, &a);
	if (!k)
		return false;
	p = skip_space(p + k);
	if (*p == '%')
		p = skip_space(p + 1);
	int d;
	if (!is_dash(p, &d))
		return false;
	p = skip_space(p + d);
	k = target_number(p, &b);
	if (!k || b < a)
		return false;
	t->kind = TARGET_RANGE;
	t->min = a;
	t->max = b;
	return true;
}

/* "≤ 3 Đông Nam Á; ≤ 50 Thế giới": two comparisons, each its own yardstick.
 * No single number stands for both, so the cell is not read as one. */
static bool several_comparisons(const char *f)
{
	int n = 0;
	for (const char *seg = f; seg; seg = strchr(seg, ';')) {
		seg += *seg == ';';
		const char *p = skip_space(seg);
		enum target_op op;
		int k = read_op(p, &op);
		n += k > 0 && isdigit((unsigned char)*skip_space(p + k));
	}
	return n >= 2;
}

/* An optional comparison, then a number: the cell starts with it. */
static bool parse_number(const char *f, struct target *t)
{
	const char *p = skip_space(f);
	enum target_op op = TARGET_GE;
	p = skip_space(p + read_op(p, &op));
	double v;
	int k = target_number(p, &v);
	if (!k)
		return false;
	/* "90-80": a range that goes down is not a number, keep it as text. */
	const char *q = skip_space(p + k);
	if (*q == '%')
		q = skip_space(q + 1);
	int d;
	if (is_dash(q, &d) && isdigit((unsigned char)*skip_space(q + d)))
		return false;
	/* "1/1" (a count of a total), "3 000" (a thousands space, or two
	 * figures run together in a PDF's text): no one number stands for it. */
	if (p[k] == '/' && isdigit((unsigned char)p[k + 1]))
		return false;
	if (p[k] == ' ' && isdigit((unsigned char)p[k + 1]) && isdigit((unsigned char)p[k + 2]) &&
	    isdigit((unsigned char)p[k + 3]) && !isdigit((unsigned char)p[k + 4]))
		return false;
	/* "1,500": a decimal comma or a thousands comma; either is a guess. */
	const char *c = memchr(p, ',', (size_t)k);
	if (c && !memchr(p, '.', (size_t)k) && p + k - c == 4 && !(*p == '0' && c == p + 1))
		return false;
	/* "Từ 5% trở xuống": at most. */
	if (strstr(q, "tro xuong"))
		op = op == TARGET_GT ? TARGET_LT : TARGET_LE;
	t->kind = TARGET_NUMBER;
	t->op = op;
	t->value = v;
	return true;
}

/* Strip the words around a level: "dat muc kha", "duy tri muc kha tro len". */
static const struct level *level_in(const char *f)
{
	static const char *const pre[] = {"duy tri muc ", "duy tri o muc ",  "dat muc ",  "o muc ",
	                                  "muc ",         "dat loai ",       "xep loai ", "dat ",
	                                  "thuoc nhom ",  "nam trong nhom ", "o nhom ",   ""};
	/* "Thuộc nhóm khá của tỉnh": the level the province's ranking gives. */
	static const char *const post[] = {" tro len", " cua tinh", " cua huyen", " trong tinh",
	                                   ""};
	for (size_t i = 0; i < sizeof pre / sizeof pre[0]; i++) {
		if (!starts(f, pre[i]))
			continue;
		const char *r = f + strlen(pre[i]);
		for (size_t j = 0; j < sizeof post / sizeof post[0]; j++) {
			size_t rl = strlen(r), pl = strlen(post[j]);
			if (rl < pl || strcmp(r + rl - pl, post[j]) != 0)
				continue;
			char tmp[64];
			if (rl - pl >= sizeof tmp)
				continue;
			memcpy(tmp, r, rl - pl);
			tmp[rl - pl] = '\0';
			const struct level *l = find_level(tmp);
			if (l)
				return l;
		}
	}
	return NULL;
}

/* "Nằm trong tốp 40 của tỉnh", "Thuộc nhóm 40 xã dẫn đầu của tỉnh". */
static bool parse_rank(const char *f, struct target *t)
{
	const char *p = strstr(f, "top");
	if (!p)
		p = strstr(f, "nhom");
	if (!p || (p != f && p[-1] != ' '))
		return false;
	while (*p && !isdigit((unsigned char)*p) && *p != ',')
		p++;
	double v;
	if (!target_number(p, &v))
		return false;
	t->kind = TARGET_RANK;
	t->op = TARGET_LE;
	t->value = v;
	t->scope = strstr(f, "ca nuoc") || strstr(f, "quoc gia") ? "country"
	           : strstr(f, "huyen")                          ? "district"
	                                                         : "province";
	return true;
}

static bool parse_words(const char *f, const char *unit_f, struct target *t)
{
	static const char *const yes[] = {"co",
	                                  "dat",
	                                  "hoan thanh",
	                                  "da co",
	                                  "da hoan thanh",
	                                  "co/khong",
	                                  "dat yeu cau",
	                                  "dat chuan",
	                                  "co ban hoan thanh",
	                                  "hoan thanh co ban"};
	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
		if (strcmp(f, yes[i]) == 0 || (i == 1 && starts(f, "dat chuan "))) {
			t->kind = TARGET_YES;
			return true;
		}
	const struct level *l = level_in(f);
	if (l) {
		t->kind = TARGET_LEVEL;
		t->level = xstrdup(l->name);
		return true;
	}
	if (starts(f, "duy tri")) {
		t->kind = TARGET_MAINTAIN;
		return true;
	}
	if (strstr(f, "trung binh") && strstr(f, "tinh") && !strpbrk(f, "0123456789")) {
		t->kind = TARGET_RELATIVE;
		t->to = TARGET_TO_PROVINCE_AVERAGE;
		return true;
	}
	if (strstr(f, "tinh giao") || strstr(f, "chi tieu tinh") || strstr(f, "muc tinh")) {
		t->kind = TARGET_RELATIVE;
		t->to = TARGET_TO_PROVINCE_TARGET;
		return true;
	}
	if (parse_rank(f, t))
		return true;
	/* "Tăng 15% so với cùng kỳ", "so với năm 2024": a change against a
	 * past figure, not a yearly growth. */
	if (starts(f, "tang") && !strstr(f, "so voi")) { /* "Tăng trung bình 1%" */
		const char *p = f;
		while (*p && !isdigit((unsigned char)*p))
			p++;
		double v;
		if (target_number(p, &v)) {
			t->kind = TARGET_GROWTH;
			t->value = v;
			return true;
		}
	}
	if (starts(f, "hoan thanh ")) { /* "Hoàn thành 100% mục tiêu" */
		const char *p = skip_space(f + strlen("hoan thanh "));
		double v;
		int k = target_number(p, &v);
		if (k && p[k] == '%') {
			t->kind = TARGET_NUMBER;
			t->op = TARGET_GE;
			t->value = v;
			return true;
		}
	}
	(void)unit_f;
	return false;
}

void target_parse(const char *cell, const char *unit, struct target *t)
{
	memset(t, 0, sizeof *t);
	t->text = text_clean(cell ? cell : "");
	char *f = text_fold(t->text);
	char *uf = text_fold(unit ? unit : "");
	/* Trailing punctuation and a leading list dash carry no meaning. */
	size_t n = strlen(f);
	while (n && (f[n - 1] == '.' || f[n - 1] == ';' || f[n - 1] == ',' || f[n - 1] == ' '))
		f[--n] = '\0';
	bool report = strcmp(uf, "bao cao") == 0;
	int d;
	if (n == 0 || (is_dash(f, &d) && f[d] == '\0')) {
		t->kind = (report && n == 0) ? TARGET_REPORT : TARGET_NONE;
	} else if (report) {
		t->kind = TARGET_REPORT;
	} else if (several_comparisons(f)) {
		t->kind = TARGET_TEXT;
	} else if (parse_range(f, t)) {
		/* done */
	} else if (parse_number(f, t)) {
		if (uf[0] == '%' && strstr(uf, "/nam"))
			t->kind = TARGET_GROWTH;
	} else if (!parse_words(f, uf, t)) {
		t->kind = TARGET_TEXT;
	}
	free(f);
	free(uf);
}

void target_free(struct target *t)
{
	if (!t)
		return;
	free(t->text);
	free(t->level);
	t->text = t->level = NULL;
}

static size_t word_count(const char *f)
{
	size_t n = *f ? 1 : 0;
	for (; *f; f++)
		if (*f == ' ')
			n++;
	return n;
}

void target_rank_row(struct target *t, int n)
{
	bool any = false;
	for (int i = 0; i < n; i++)
		any |= t[i].kind == TARGET_LEVEL;
	if (!any)
		return;
	/* Short phrases beside levels are stages of the same scale. */
	for (int i = 0; i < n; i++) {
		if (t[i].kind != TARGET_TEXT)
			continue;
		char *f = text_fold(t[i].text);
		if (word_count(f) <= 3 && !strpbrk(f, "0123456789")) {
			t[i].kind = TARGET_LEVEL;
			t[i].level = xstrdup(t[i].text);
		}
		free(f);
	}
	/* Known levels all on one scale: rank by it, and unknown stages after
	 * the highest rank seen so far; otherwise in order of appearance. */
	int scale = 0;
	bool one = true;
	for (int i = 0; i < n && one; i++) {
		if (t[i].kind != TARGET_LEVEL)
			continue;
		char *f = text_fold(t[i].level);
		const struct level *l = find_level(f);
		free(f);
		if (l && scale && l->scale != scale)
			one = false;
		else if (l)
			scale = l->scale;
	}
	const char *seen[16];
	int seen_rank[16], nseen = 0, top = 0;
	for (int i = 0; i < n; i++) {
		if (t[i].kind != TARGET_LEVEL)
			continue;
		char *f = text_fold(t[i].level);
		const struct level *l = find_level(f);
		free(f);
		int r = 0;
		if (one && l) {
			r = l->pos;
		} else {
			for (int j = 0; j < nseen && !r; j++)
				if (strcmp(seen[j], t[i].level) == 0)
					r = seen_rank[j];
			if (!r && nseen < 16) {
				r = top + 1;
				seen[nseen] = t[i].level;
				seen_rank[nseen++] = r;
			}
		}
		t[i].rank = r;
		top = r > top ? r : top;
	}
}

const char *target_kind_name(enum target_kind k)
{
	static const char *const names[] = {"none",     "number", "range", "yes",
	                                    "maintain", "level",  "rank",  "growth",
	                                    "relative", "report", "text"};
	return (unsigned)k < sizeof names / sizeof names[0] ? names[k] : "text";
}

const char *target_op_name(enum target_op op)
{
	static const char *const names[] = {">=", ">", "<=", "<", "="};
	return (unsigned)op < sizeof names / sizeof names[0] ? names[op] : ">=";
}
