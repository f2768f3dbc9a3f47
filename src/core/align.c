/* align.c: the indicator matcher (see align.h): features of an indicator,
 * the score of two, one-to-one links between two plans, groups of many. */
#include "align.h"

#include "text.h"
#include "util.h"

#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Key terms of a family must agree when both names state one. */
enum { LEVEL_NONE, LEVEL_COMMUNE, LEVEL_DISTRICT, LEVEL_PROVINCE, LEVEL_NATIONAL };
enum { POP_NONE, POP_ALL, POP_ADULT };
enum { ACCOUNT_NONE, ACCOUNT_IDENTITY, ACCOUNT_PAYMENT };

static const char *const level_names[] = {"", "cấp xã", "cấp huyện", "cấp tỉnh", "cấp trung ương"};
static const char *const pop_names[] = {"", "người dân, dân số (mọi lứa tuổi)",
                                        "dân số trưởng thành (từ 15 tuổi)"};
static const char *const account_names[] = {"", "tài khoản định danh",
                                            "tài khoản thanh toán, ngân hàng"};

struct align_item {
	const struct indicator *ind;
	uint64_t *hash; /* content words, sorted by hash, each once */
	char **word;    /* the same words, in the same order */
	size_t nw;
	char **key;      /* numbers with their unit, outside brackets ("1 gbps", "5g") */
	uint64_t *key_h; /* their hashes, sorted: compared without strcmp */
	size_t nkey;
	char **abbr; /* abbreviations met, "TTHC → thủ tục hành chính" */
	size_t nabbr;
	enum align_kind kind;
	char *rate_base;   /* RATE: what follows % in the unit ("grdp"), else "" */
	uint64_t rate_h;   /* its hash */
	uint64_t *unit_hw; /* COUNT: words of the unit */
	size_t nunit;
	int level, pop, account;
	int years[PLAN_MAX_MILESTONES];
	double values[PLAN_MAX_MILESTONES];
	int nvalues;
};

const char *align_kind_name(enum align_kind k)
{
	static const char *const names[] = {"chưa rõ",  "tỷ lệ",    "tỷ lệ trên dân số",
	                                    "số lượng", "chỉ số",   "mức độ",
	                                    "thứ bậc",  "có/không", "báo cáo"};
	return (unsigned)k < sizeof names / sizeof names[0] ? names[k] : "?";
}

static uint64_t fnv(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ull;
	}
	return h;
}

/* A folded word of the name, and whether it sat inside brackets. */
struct tok {
	char w[40];
	bool paren;
};
struct toks {
	struct tok *t;
	size_t n, cap;
};

static void tok_push(struct toks *ts, const char *s, size_t n, bool paren)
{
	ts->t = xgrow(ts->t, &ts->cap, ts->n + 1, sizeof *ts->t);
	struct tok *t = &ts->t[ts->n++];
	if (n >= sizeof t->w)
		n = sizeof t->w - 1;
	memcpy(t->w, s, n);
	t->w[n] = '\0';
	t->paren = paren;
}

/* The folded words of s, abbreviations expanded (noted in it->abbr). */
static void tokenize(const char *folded, struct toks *ts, struct align_item *it)
{
	int depth = 0;
	for (const char *p = folded; *p;) {
		if (*p == '(' || *p == '[')
			depth++;
		if ((*p == ')' || *p == ']') && depth > 0)
			depth--;
		if (!isalnum((unsigned char)*p)) {
			p++;
			continue;
		}
		const char *e = p;
		while (isalnum((unsigned char)*e))
			e++;
		size_t n = (size_t)(e - p);
		const char *full = it ? text_abbrev(p, n) : NULL;
		if (full) {
			char *u = xstrndup(p, n);
			for (char *c = u; *c; c++)
				*c = (char)toupper((unsigned char)*c);
			it->abbr = xrealloc(it->abbr, (it->nabbr + 1) * sizeof *it->abbr);
			it->abbr[it->nabbr++] = xasprintf("%s → %s", u, full);
			free(u);
			for (const char *q = full; *q;) {
				const char *qe = strchr(q, ' ');
				size_t k = qe ? (size_t)(qe - q) : strlen(q);
				tok_push(ts, q, k, depth > 0);
				q += k + (qe ? 1 : 0);
			}
		} else {
			tok_push(ts, p, n, depth > 0);
		}
		p = e;
	}
}

static bool is(const struct toks *ts, size_t i, const char *w)
{
	return i < ts->n && !strcmp(ts->t[i].w, w);
}

/* Words that carry no meaning of their own in an indicator's name. */
static bool stopword(const char *w)
{
	static const char *const stop[] = {"cac",   "cua", "va",   "duoc",  "trong", "tren",
	                                   "cho",   "voi", "hoac", "nhung", "la",    "tai",
	                                   "thuoc", "nhu", "mot",  "moi",   "nam",   "da",
	                                   "phai",  "ve",  "theo", "toi",   "thieu", "khac"};
	for (size_t i = 0; i < sizeof stop / sizeof stop[0]; i++)
		if (!strcmp(w, stop[i]))
			return true;
	return false;
}

/* The level named after "cấp" at ts[i], with how many words it took. */
static int level_at(const struct toks *ts, size_t i, size_t *len)
{
	*len = 1;
	if (is(ts, i, "xa") || is(ts, i, "phuong"))
		return LEVEL_COMMUNE;
	if (is(ts, i, "huyen"))
		return LEVEL_DISTRICT;
	if (is(ts, i, "tinh"))
		return LEVEL_PROVINCE;
	*len = 2;
	if ((is(ts, i, "trung") && is(ts, i + 1, "uong")) ||
	    (is(ts, i, "quoc") && is(ts, i + 1, "gia")))
		return LEVEL_NATIONAL;
	return LEVEL_NONE;
}

/* How many words at ts[i] name the plan's own unit ("xã", "của huyện",
 * "trên địa bàn", "địa phương"): they say nothing about the indicator. */
static size_t self_ref(const struct toks *ts, size_t i)
{
	if (is(ts, i, "dia") && (is(ts, i + 1, "ban") || is(ts, i + 1, "phuong")))
		return 2;
	if (is(ts, i, "thi") && is(ts, i + 1, "tran"))
		return 2;
	if ((is(ts, i, "xa") && !is(ts, i + 1, "hoi")) || is(ts, i, "phuong") ||
	    is(ts, i, "huyen") || is(ts, i, "tinh"))
		return 1;
	return 0;
}

/* A leading "Tỷ lệ", "Tỷ trọng", "Số lượng", "Số": the kind says it. */
static size_t lead_words(const struct toks *ts)
{
	if (is(ts, 0, "ty") && (is(ts, 1, "le") || is(ts, 1, "trong")))
		return 2;
	if (is(ts, 0, "so") && is(ts, 1, "luong"))
		return 2;
	if (is(ts, 0, "so") && !is(ts, 1, "hoa"))
		return 1;
	return 0;
}

static bool has_digit(const char *s)
{
	for (; *s; s++)
		if (isdigit((unsigned char)*s))
			return true;
	return false;
}

static bool all_digits(const char *s)
{
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return false;
	return true;
}

static void add_key(struct align_item *it, const struct toks *ts, size_t i)
{
	const char *w = ts->t[i].w;
	char *k;
	if (all_digits(w)) {
		while (w[0] == '0' && w[1])
			w++;
		const char *next = i + 1 < ts->n && !ts->t[i + 1].paren ? ts->t[i + 1].w : NULL;
		k = next && !has_digit(next) && !stopword(next) ? xasprintf("%s %s", w, next)
		                                                : xstrdup(w);
	} else {
		k = xstrdup(w);
	}
	for (size_t j = 0; j < it->nkey; j++)
		if (!strcmp(it->key[j], k)) {
			free(k);
			return;
		}
	it->key = xrealloc(it->key, (it->nkey + 1) * sizeof *it->key);
	it->key_h = xrealloc(it->key_h, (it->nkey + 1) * sizeof *it->key_h);
	uint64_t h = fnv(k, strlen(k));
	size_t at = it->nkey;
	while (at > 0 && it->key_h[at - 1] > h) { /* kept sorted */
		it->key_h[at] = it->key_h[at - 1];
		at--;
	}
	it->key_h[at] = h;
	it->key[it->nkey++] = k;
}

static void add_word(struct align_item *it, const char *w)
{
	uint64_t h = fnv(w, strlen(w));
	size_t i = 0;
	while (i < it->nw && it->hash[i] < h)
		i++;
	if (i < it->nw && it->hash[i] == h)
		return;
	it->hash = xrealloc(it->hash, (it->nw + 1) * sizeof *it->hash);
	it->word = xrealloc(it->word, (it->nw + 1) * sizeof *it->word);
	memmove(it->hash + i + 1, it->hash + i, (it->nw - i) * sizeof *it->hash);
	memmove(it->word + i + 1, it->word + i, (it->nw - i) * sizeof *it->word);
	it->hash[i] = h;
	it->word[i] = xstrdup(w);
	it->nw++;
}

/* Content words, key terms and the administrative level of the name. */
static void read_name(struct align_item *it, const char *folded)
{
	struct toks ts = {0};
	tokenize(folded, &ts, it);
	for (size_t i = lead_words(&ts); i < ts.n;) {
		size_t len;
		int lv = is(&ts, i, "cap") ? level_at(&ts, i + 1, &len) : LEVEL_NONE;
		if (lv) {
			if (!it->level)
				it->level = lv;
			i += 1 + len;
			continue;
		}
		size_t self = self_ref(&ts, i);
		if (self) {
			i += self;
			continue;
		}
		if (has_digit(ts.t[i].w) && !ts.t[i].paren)
			add_key(it, &ts, i);
		if (!stopword(ts.t[i].w))
			add_word(it, ts.t[i].w);
		i++;
	}
	free(ts.t);
}

static bool has(const char *folded, const char *needle)
{
	return strstr(folded, needle) != NULL;
}

static void read_terms(struct align_item *it, const char *f)
{
	if (has(f, "truong thanh") || has(f, "15 tuoi") || has(f, "18 tuoi"))
		it->pop = POP_ADULT;
	else if (has(f, "nguoi dan") || has(f, "dan so"))
		it->pop = POP_ALL;
	if (has(f, "tai khoan")) {
		if (has(f, "dinh danh"))
			it->account = ACCOUNT_IDENTITY;
		else if (has(f, "ngan hang") || has(f, "thanh toan") || has(f, "vi dien tu"))
			it->account = ACCOUNT_PAYMENT;
	}
}

/* The kind from the targets alone: levels, yes/maintain, a report. */
static enum align_kind kind_of_targets(const struct indicator *ind, bool *numeric)
{
	bool level = false, yes = false, report = false;
	*numeric = false;
	for (int i = 0; i < ind->ntargets; i++) {
		enum target_kind k = ind->targets[i].t.kind;
		*numeric |= k == TARGET_NUMBER || k == TARGET_RANGE || k == TARGET_GROWTH;
		level |= k == TARGET_LEVEL;
		yes |= k == TARGET_YES || k == TARGET_MAINTAIN;
		report |= k == TARGET_REPORT;
	}
	if (*numeric)
		return ALIGN_UNKNOWN;
	return level ? ALIGN_LEVEL : yes ? ALIGN_YESNO : report ? ALIGN_REPORT : ALIGN_UNKNOWN;
}

static enum align_kind kind_of_unit(struct align_item *it, const char *u)
{
	const char *pct = strchr(u, '%');
	if (pct || has(u, "ty le") || has(u, "phan tram")) {
		struct buf b = BUF_INIT;
		for (const char *p = pct ? pct + 1 : ""; *p; p++)
			if (isalnum((unsigned char)*p))
				buf_putc(&b, *p);
		it->rate_base = buf_detach(&b);
		return ALIGN_RATE;
	}
	if (has(u, "van dan") || has(u, "nghin dan") || has(u, "/1000"))
		return ALIGN_PER_POP;
	if (has(u, "thu bac") || has(u, "xep hang") || has(u, "thu hang"))
		return ALIGN_RANK;
	if (!strncmp(u, "muc", 3))
		return ALIGN_LEVEL;
	if (!strcmp(u, "co") || !strncmp(u, "co/", 3) || !strncmp(u, "co /", 4))
		return ALIGN_YESNO;
	if (has(u, "chi so"))
		return ALIGN_INDEX;
	if (has(u, "bao cao"))
		return ALIGN_REPORT;
	struct toks ts = {0};
	tokenize(u, &ts, NULL);
	for (size_t i = 0; i < ts.n; i++)
		if (!stopword(ts.t[i].w)) {
			it->unit_hw = xrealloc(it->unit_hw, (it->nunit + 1) * sizeof *it->unit_hw);
			it->unit_hw[it->nunit++] = fnv(ts.t[i].w, strlen(ts.t[i].w));
		}
	free(ts.t);
	return ALIGN_COUNT;
}

static void read_kind(struct align_item *it, const char *fname)
{
	const struct indicator *ind = it->ind;
	bool numeric;
	enum align_kind by_targets = kind_of_targets(ind, &numeric);
	char *u = ind->unit && *ind->unit ? text_fold(ind->unit) : NULL;
	if (u) {
		it->kind = kind_of_unit(it, u);
		/* "Trung tâm" with targets "Có", "Duy trì": a yes/no. */
		if ((it->kind == ALIGN_COUNT || it->kind == ALIGN_INDEX) && !numeric &&
		    by_targets != ALIGN_UNKNOWN)
			it->kind = by_targets;
	} else if (!strncmp(fname, "ty le", 5) || !strncmp(fname, "ty trong", 8)) {
		it->kind = ALIGN_RATE;
	} else if (!strncmp(fname, "muc do", 6)) {
		it->kind = ALIGN_LEVEL;
	} else {
		it->kind = by_targets;
	}
	if (it->kind == ALIGN_RATE && !it->rate_base)
		it->rate_base = xstrdup("");
	if (it->rate_base)
		it->rate_h = fnv(it->rate_base, strlen(it->rate_base));
	free(u);
}

static void read_targets(struct align_item *it)
{
	for (int i = 0; i < it->ind->ntargets; i++) {
		const struct target *t = &it->ind->targets[i].t;
		if (t->kind != TARGET_NUMBER && t->kind != TARGET_RANGE)
			continue;
		it->years[it->nvalues] = it->ind->targets[i].year;
		it->values[it->nvalues++] = t->kind == TARGET_RANGE ? t->min : t->value;
	}
}

struct align_item *align_item_new(const struct indicator *ind)
{
	struct align_item *it = xcalloc(1, sizeof *it);
	it->ind = ind;
	char *f = text_fold(ind->name ? ind->name : "");
	read_name(it, f);
	read_terms(it, f);
	read_kind(it, f);
	read_targets(it);
	free(f);
	return it;
}

void align_item_free(struct align_item *it)
{
	if (!it)
		return;
	for (size_t i = 0; i < it->nw; i++)
		free(it->word[i]);
	for (size_t i = 0; i < it->nkey; i++)
		free(it->key[i]);
	for (size_t i = 0; i < it->nabbr; i++)
		free(it->abbr[i]);
	free(it->hash);
	free(it->word);
	free(it->key);
	free(it->key_h);
	free(it->abbr);
	free(it->rate_base);
	free(it->unit_hw);
	free(it);
}

enum align_kind align_item_kind(const struct align_item *it)
{
	return it->kind;
}

const struct indicator *align_item_indicator(const struct align_item *it)
{
	return it->ind;
}

/* ---- scoring ---- */

static void say(struct align_score *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void say(struct align_score *s, const char *fmt, ...)
{
	if (!s || s->nwhy >= ALIGN_MAX_WHY)
		return;
	va_list ap;
	va_start(ap, fmt);
	s->why[s->nwhy++] = xvasprintf(fmt, ap);
	va_end(ap);
}

static bool same_keys(const struct align_item *a, const struct align_item *b)
{
	return a->nkey == b->nkey &&
	       (!a->nkey || !memcmp(a->key_h, b->key_h, a->nkey * sizeof *a->key_h));
}

static char *join(char *const *v, size_t n)
{
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < n; i++)
		buf_printf(&b, "%s%s", i ? ", " : "", v[i]);
	if (!n)
		buf_puts(&b, "(không có)");
	return buf_detach(&b);
}

static bool refuse_keys(const struct align_item *a, const struct align_item *b,
                        struct align_score *s)
{
	if (same_keys(a, b))
		return false;
	if (s) {
		char *x = join(a->key, a->nkey), *y = join(b->key, b->nkey);
		say(s, "khác thuật ngữ then chốt (số, thế hệ công nghệ, tốc độ): %s và %s", x, y);
		free(x);
		free(y);
	}
	return true;
}

static bool units_meet(const struct align_item *a, const struct align_item *b)
{
	if (!a->nunit || !b->nunit)
		return true;
	for (size_t i = 0; i < a->nunit; i++)
		for (size_t j = 0; j < b->nunit; j++)
			if (a->unit_hw[i] == b->unit_hw[j])
				return true;
	return false;
}

static const char *unit_of(const struct align_item *it)
{
	return it->ind->unit ? it->ind->unit : "(không ghi)";
}

/* The kind and the unit: a rate is never merged with a count. */
static bool refuse_kind(const struct align_item *a, const struct align_item *b,
                        struct align_score *s)
{
	if (a->kind == ALIGN_UNKNOWN || b->kind == ALIGN_UNKNOWN)
		return false;
	if (a->kind != b->kind) {
		say(s, "khác loại chỉ tiêu: %s (%s) và %s (%s)", align_kind_name(a->kind),
		    unit_of(a), align_kind_name(b->kind), unit_of(b));
		return true;
	}
	if (a->kind == ALIGN_RATE && a->rate_h != b->rate_h) {
		say(s, "tỷ lệ trên cơ sở khác nhau: %s và %s", unit_of(a), unit_of(b));
		return true;
	}
	if (a->kind == ALIGN_COUNT && !units_meet(a, b)) {
		say(s, "khác đơn vị tính: %s và %s", unit_of(a), unit_of(b));
		return true;
	}
	return false;
}

static bool refuse_family(int x, int y, const char *const *names, const char *what,
                          struct align_score *s)
{
	if (!x || !y || x == y)
		return false;
	say(s, "khác %s: %s và %s", what, names[x], names[y]);
	return true;
}

static bool refused(const struct align_item *a, const struct align_item *b, struct align_score *s)
{
	/* With reasons, every refusal is said; without, the first ends it. */
	bool r = refuse_kind(a, b, s);
	if (r && !s)
		return true;
	r |= refuse_keys(a, b, s);
	if (r && !s)
		return true;
	r |= refuse_family(a->level, b->level, level_names, "cấp hành chính", s);
	r |= refuse_family(a->pop, b->pop, pop_names, "đối tượng dân số", s);
	r |= refuse_family(a->account, b->account, account_names, "loại tài khoản", s);
	return r;
}

static size_t common_words(const struct align_item *a, const struct align_item *b)
{
	size_t i = 0, j = 0, c = 0;
	while (i < a->nw && j < b->nw) {
		if (a->hash[i] == b->hash[j]) {
			c++;
			i++;
			j++;
		} else if (a->hash[i] < b->hash[j]) {
			i++;
		} else {
			j++;
		}
	}
	return c;
}

/* Milestones where both have a numeric target, and how many are equal. */
static void same_targets(const struct align_item *a, const struct align_item *b, int *both,
                         int *equal)
{
	*both = *equal = 0;
	for (int i = 0; i < a->nvalues; i++)
		for (int j = 0; j < b->nvalues; j++)
			if (a->years[i] == b->years[j]) {
				++*both;
				*equal += fabs(a->values[i] - b->values[j]) < 1e-9;
			}
}

static double words_score(size_t c, size_t na, size_t nb)
{
	if (!na || !nb)
		return 0;
	double dice = 2.0 * (double)c / (double)(na + nb);
	size_t lo = na < nb ? na : nb;
	if (lo < 4)
		return dice;
	return (dice + (double)c / (double)lo) / 2;
}

static void say_agreement(const struct align_item *a, const struct align_item *b, size_t c,
                          int both, int equal, struct align_score *s)
{
	if (c == a->nw && c == b->nw)
		say(s, "tên giống nhau sau khi bỏ dấu, chữ hoa, từ nối");
	else
		say(s, "tên giống nhau %.0f%% (%zu từ chung; %zu và %zu từ)",
		    100.0 * words_score(c, a->nw, b->nw), c, a->nw, b->nw);
	for (size_t i = 0; i < a->nabbr; i++)
		say(s, "chữ viết tắt: %s", a->abbr[i]);
	for (size_t i = 0; i < b->nabbr; i++)
		say(s, "chữ viết tắt: %s", b->abbr[i]);
	if (a->kind == b->kind && a->kind != ALIGN_UNKNOWN)
		say(s, "cùng loại chỉ tiêu: %s (%s)", align_kind_name(a->kind), unit_of(a));
	else if (a->kind == ALIGN_UNKNOWN || b->kind == ALIGN_UNKNOWN)
		say(s, "một bên không rõ đơn vị tính: %s và %s", unit_of(a), unit_of(b));
	if (a->nkey) {
		char *k = join(a->key, a->nkey);
		say(s, "cùng thuật ngữ then chốt: %s", k);
		free(k);
	}
	if (a->level && a->level == b->level)
		say(s, "cùng %s", level_names[a->level]);
	if (a->pop && a->pop == b->pop)
		say(s, "cùng đối tượng: %s", pop_names[a->pop]);
	if (both >= 2)
		say(s, "mức chỉ tiêu trùng %d/%d mốc", equal, both);
}

double align_score(const struct align_item *a, const struct align_item *b, struct align_score *why)
{
	if (why)
		memset(why, 0, sizeof *why);
	if (refused(a, b, why)) {
		if (why)
			why->refused = true;
		return 0;
	}
	size_t c = common_words(a, b);
	double score = words_score(c, a->nw, b->nw);
	int both, equal;
	same_targets(a, b, &both, &equal);
	if (both >= 2)
		score += 0.1 * equal / both;
	if (score > 1)
		score = 1;
	if (why) {
		why->score = score;
		say_agreement(a, b, c, both, equal, why);
	}
	return score;
}

void align_score_free(struct align_score *s)
{
	for (int i = 0; i < s->nwhy; i++)
		free(s->why[i]);
	s->nwhy = 0;
}

/* ---- links between two plans ---- */

static int by_score(const void *x, const void *y)
{
	const struct align_pair *a = x, *b = y;
	if (a->score != b->score)
		return a->score < b->score ? 1 : -1;
	if (a->ia != b->ia)
		return a->ia < b->ia ? -1 : 1;
	return a->ib < b->ib ? -1 : a->ib > b->ib;
}

size_t align_match(struct align_item *const *a, size_t na, struct align_item *const *b, size_t nb,
                   double threshold, struct align_pair **out)
{
	struct align_pair *c = NULL;
	size_t n = 0, cap = 0;
	for (size_t i = 0; i < na; i++)
		for (size_t j = 0; j < nb; j++) {
			double s = align_score(a[i], b[j], NULL);
			if (s < threshold)
				continue;
			c = xgrow(c, &cap, n + 1, sizeof *c);
			c[n++] = (struct align_pair){i, j, s};
		}
	if (n > 1)
		xqsort(c, n, sizeof *c, by_score);
	bool *used_a = xcalloc(na + 1, 1), *used_b = xcalloc(nb + 1, 1);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (used_a[c[i].ia] || used_b[c[i].ib])
			continue;
		used_a[c[i].ia] = used_b[c[i].ib] = true;
		c[k++] = c[i];
	}
	free(used_a);
	free(used_b);
	*out = c;
	return k;
}

/* ---- groups across several plans ---- */

struct edge {
	size_t pa, ia, pb, ib;
	double score;
};

static int edge_cmp(const void *x, const void *y)
{
	const struct edge *a = x, *b = y;
	if (a->score != b->score)
		return a->score < b->score ? 1 : -1;
	if (a->pa != b->pa)
		return a->pa < b->pa ? -1 : 1;
	if (a->ia != b->ia)
		return a->ia < b->ia ? -1 : 1;
	if (a->pb != b->pb)
		return a->pb < b->pb ? -1 : 1;
	return a->ib < b->ib ? -1 : a->ib > b->ib;
}

/* Working state: the items of every plan, and each item's group (an index
 * into comps, or -1) by a flat index (base[plan] + ind). */
struct grouping {
	const struct plan *const *plans;
	size_t nplans;
	struct align_item **items;
	size_t *base;
	long *comp;
	struct align_group *comps;
	size_t ncomps, capcomps;
	double floor;
};

static struct align_item *item(struct grouping *g, size_t plan, size_t ind)
{
	return g->items[g->base[plan] + ind];
}

static long new_comp(struct grouping *g, size_t plan, size_t ind)
{
	g->comps = xgrow(g->comps, &g->capcomps, g->ncomps + 1, sizeof *g->comps);
	struct align_group *c = &g->comps[g->ncomps];
	c->m = xcalloc(1, sizeof *c->m);
	c->m[0].plan = plan;
	c->m[0].ind = ind;
	c->n = 1;
	g->comp[g->base[plan] + ind] = (long)g->ncomps;
	return (long)g->ncomps++;
}

/* Whether two groups may become one: no plan twice, no pair refused or
 * below the floor. */
static bool consistent(struct grouping *g, const struct align_group *x, const struct align_group *y)
{
	for (size_t i = 0; i < x->n; i++)
		for (size_t j = 0; j < y->n; j++) {
			if (x->m[i].plan == y->m[j].plan)
				return false;
			struct align_item *a = item(g, x->m[i].plan, x->m[i].ind);
			struct align_item *b = item(g, y->m[j].plan, y->m[j].ind);
			if (align_score(a, b, NULL) < g->floor)
				return false;
		}
	return true;
}

static void join_edge(struct grouping *g, const struct edge *e)
{
	long ca = g->comp[g->base[e->pa] + e->ia], cb = g->comp[g->base[e->pb] + e->ib];
	if (ca < 0)
		ca = new_comp(g, e->pa, e->ia);
	if (cb < 0)
		cb = new_comp(g, e->pb, e->ib);
	if (ca == cb || !consistent(g, &g->comps[ca], &g->comps[cb]))
		return;
	struct align_group *x = &g->comps[ca], *y = &g->comps[cb];
	x->m = xrealloc(x->m, (x->n + y->n) * sizeof *x->m);
	for (size_t j = 0; j < y->n; j++) {
		x->m[x->n++] = y->m[j];
		g->comp[g->base[y->m[j].plan] + y->m[j].ind] = ca;
	}
	free(y->m);
	y->m = NULL;
	y->n = 0;
}

static void collect_edges(struct grouping *g, double threshold, struct edge **out, size_t *n)
{
	size_t cap = 0;
	for (size_t p = 0; p < g->nplans; p++)
		for (size_t q = p + 1; q < g->nplans; q++) {
			struct align_pair *pairs;
			size_t k = align_match(g->items + g->base[p], g->plans[p]->nind,
			                       g->items + g->base[q], g->plans[q]->nind, threshold,
			                       &pairs);
			for (size_t i = 0; i < k; i++) {
				*out = xgrow(*out, &cap, *n + 1, sizeof **out);
				(*out)[(*n)++] = (struct edge){p, pairs[i].ia, q, pairs[i].ib,
				                               pairs[i].score};
			}
			free(pairs);
		}
	if (*n > 1)
		xqsort(*out, *n, sizeof **out, edge_cmp);
}

static int member_cmp(const void *x, const void *y)
{
	const struct align_member *a = x, *b = y;
	if (a->plan != b->plan)
		return a->plan < b->plan ? -1 : 1;
	return a->ind < b->ind ? -1 : a->ind > b->ind;
}

static int group_cmp(const void *x, const void *y)
{
	return member_cmp(((const struct align_group *)x)->m, ((const struct align_group *)y)->m);
}

/* Sort each group's members, score them against the first, order groups. */
static void finish_groups(struct grouping *g, struct align_groups *out)
{
	out->g = NULL;
	out->n = 0;
	size_t cap = 0;
	for (size_t c = 0; c < g->ncomps; c++) {
		struct align_group *x = &g->comps[c];
		if (x->n < 2) {
			free(x->m);
			continue;
		}
		xqsort(x->m, x->n, sizeof *x->m, member_cmp);
		struct align_item *head = item(g, x->m[0].plan, x->m[0].ind);
		x->m[0].score = 1;
		memset(&x->m[0].why, 0, sizeof x->m[0].why);
		say(&x->m[0].why, "chỉ tiêu đầu tiên của nhóm, đặt tên cho nhóm");
		for (size_t i = 1; i < x->n; i++)
			x->m[i].score =
			        align_score(item(g, x->m[i].plan, x->m[i].ind), head, &x->m[i].why);
		out->g = xgrow(out->g, &cap, out->n + 1, sizeof *out->g);
		out->g[out->n++] = *x;
	}
	if (out->n > 1)
		xqsort(out->g, out->n, sizeof *out->g, group_cmp);
}

void align_group(const struct plan *const *plans, size_t nplans, double threshold,
                 struct align_groups *out)
{
	struct grouping g = {.plans = plans, .nplans = nplans, .floor = threshold - 0.15};
	g.base = xcalloc(nplans + 1, sizeof *g.base);
	for (size_t p = 0; p < nplans; p++)
		g.base[p + 1] = g.base[p] + plans[p]->nind;
	size_t total = g.base[nplans];
	g.items = xcalloc(total + 1, sizeof *g.items);
	g.comp = xcalloc(total + 1, sizeof *g.comp);
	for (size_t p = 0; p < nplans; p++)
		for (size_t i = 0; i < plans[p]->nind; i++) {
			g.items[g.base[p] + i] = align_item_new(&plans[p]->ind[i]);
			g.comp[g.base[p] + i] = -1;
		}
	struct edge *edges = NULL;
	size_t nedges = 0;
	collect_edges(&g, threshold, &edges, &nedges);
	for (size_t i = 0; i < nedges; i++)
		join_edge(&g, &edges[i]);
	finish_groups(&g, out);
	free(edges);
	for (size_t i = 0; i < total; i++)
		align_item_free(g.items[i]);
	free(g.items);
	free(g.comp);
	free(g.comps);
	free(g.base);
}

void align_groups_free(struct align_groups *g)
{
	for (size_t i = 0; i < g->n; i++) {
		for (size_t j = 0; j < g->g[i].n; j++)
			align_score_free(&g->g[i].m[j].why);
		free(g->g[i].m);
	}
	free(g->g);
	g->g = NULL;
	g->n = 0;
}
