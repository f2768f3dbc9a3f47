/* encoding.c: turn TCVN3 (ABC), VNI, Windows-1258, UTF-16 and BOM'd UTF-8
 * documents into NFC UTF-8. An 8-bit document is decoded every candidate way
 * and the decoding with clearly the most common Vietnamese syllables wins.
 * UTF-8 that was read as Windows-1252 and saved again is undone when every
 * byte can be had back, and told apart when some were lost. */
#include "encoding.h"
#include "util.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#define REASON_UNKNOWN "không nhận ra bảng mã (không phải UTF-8, TCVN3, VNI hay Windows-1258)"

/* A winning decoding needs this many syllable hits, this many per 1,000
 * letters, and more than twice the hits of the runner-up. Text that is
 * already valid UTF-8 is reread only on much stronger evidence. */
#define MIN_HITS               2
#define MIN_PER_MILLE_LEGACY   5
#define MIN_PER_MILLE_MOJIBAKE 20
/* Non-starters allowed in a row before normalising (UAX #15 stream-safe). */
#define MAX_NONSTARTERS 30

/* Windows-1252 0x80..0x9F; undefined bytes keep their C1 code point. */
static const uint16_t cp1252_c1[32] = {
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, /* 80 */
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F, /* 88 */
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, /* 90 */
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178, /* 98 */
};

/* Windows-1258 0x80..0xFF: five bytes are combining tone marks (0xCC grave,
 * 0xD2 hook, 0xDE tilde, 0xEC acute, 0xF2 dot below); undefined bytes keep
 * their C1 code point. Checked against glibc iconv "CP1258". */
static const uint16_t cp1258_hi[128] = {
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, /* 80 */
        0x02C6, 0x2030, 0x008A, 0x2039, 0x0152, 0x008D, 0x008E, 0x008F, /* 88 */
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, /* 90 */
        0x02DC, 0x2122, 0x009A, 0x203A, 0x0153, 0x009D, 0x009E, 0x0178, /* 98 */
        0x00A0, 0x00A1, 0x00A2, 0x00A3, 0x00A4, 0x00A5, 0x00A6, 0x00A7, /* A0 */
        0x00A8, 0x00A9, 0x00AA, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF, /* A8 */
        0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x00B6, 0x00B7, /* B0 */
        0x00B8, 0x00B9, 0x00BA, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x00BF, /* B8 */
        0x00C0, 0x00C1, 0x00C2, 0x0102, 0x00C4, 0x00C5, 0x00C6, 0x00C7, /* C0 */
        0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x0300, 0x00CD, 0x00CE, 0x00CF, /* C8 */
        0x0110, 0x00D1, 0x0309, 0x00D3, 0x00D4, 0x01A0, 0x00D6, 0x00D7, /* D0 */
        0x00D8, 0x00D9, 0x00DA, 0x00DB, 0x00DC, 0x01AF, 0x0303, 0x00DF, /* D8 */
        0x00E0, 0x00E1, 0x00E2, 0x0103, 0x00E4, 0x00E5, 0x00E6, 0x00E7, /* E0 */
        0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x0301, 0x00ED, 0x00EE, 0x00EF, /* E8 */
        0x0111, 0x00F1, 0x0323, 0x00F3, 0x00F4, 0x01A1, 0x00F6, 0x00F7, /* F0 */
        0x00F8, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x01B0, 0x20AB, 0x00FF, /* F8 */
};

/* TCVN3 (ABC, TCVN 5712:1993 VN3) 0x80..0xFF. 0xA1..0xA7 are the only upper
 * case letters (Ă Â Ê Ô Ơ Ư Đ); 0xA8..0xFE hold the 67 lower-case letters.
 * The lower-case slots agree with glibc's TCVN (VN1). Bytes VN3 leaves free
 * (VN1 puts capitals with tones there) read as Windows-1252. */
static const uint16_t tcvn3_hi[128] = {
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, /* 80 */
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F, /* 88 */
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, /* 90 */
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178, /* 98 */
        0x00A0, 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110, /* A0    Ă Â Ê Ô Ơ Ư Đ */
        0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0x00AF, /* A8 ă â ê ô ơ ư đ   */
        0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00E0, 0x1EA3, 0x00E3, /* B0           à ả ã */
        0x00E1, 0x1EA1, 0x00BA, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x00BF, /* B8 á ạ   ằ ẳ ẵ ắ   */
        0x00C0, 0x00C1, 0x00C2, 0x00C3, 0x00C4, 0x00C5, 0x1EB7, 0x1EA7, /* C0             ặ ầ */
        0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0x00CD, 0x1EBB, 0x1EBD, /* C8 ẩ ẫ ấ ậ è   ẻ ẽ */
        0x00E9, 0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC, /* D0 é ẹ ề ể ễ ế ệ ì */
        0x1EC9, 0x00D9, 0x00DA, 0x00DB, 0x0129, 0x00ED, 0x1ECB, 0x00F2, /* D8 ỉ       ĩ í ị ò */
        0x00E0, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7, /* E0   ỏ õ ó ọ ồ ổ ỗ */
        0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9, /* E8 ố ộ ờ ở ỡ ớ ợ ù */
        0x00F0, 0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF, /* F0   ủ ũ ú ụ ừ ử ữ */
        0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5, 0x00FF, /* F8 ứ ự ỳ ỷ ỹ ý ỵ   */
};

/* VNI-Windows: a vowel is followed by one mark byte carrying a modifier
 * (1 circumflex, 2 breve) and/or a tone. These are the lower-case mark
 * bytes; the upper-case ones are 0x20 less. */
static const struct vni_mark {
	unsigned char byte;
	unsigned char mod;
	uint16_t tone;
} vni_marks[] = {
        {0xF8, 0, 0x0300}, {0xF9, 0, 0x0301}, {0xFB, 0, 0x0309}, {0xF5, 0, 0x0303},
        {0xEF, 0, 0x0323}, {0xE2, 1, 0},      {0xE0, 1, 0x0300}, {0xE1, 1, 0x0301},
        {0xE5, 1, 0x0309}, {0xE3, 1, 0x0303}, {0xE4, 1, 0x0323}, {0xEA, 2, 0},
        {0xE8, 2, 0x0300}, {0xE9, 2, 0x0301}, {0xFA, 2, 0x0309}, {0xFC, 2, 0x0303},
        {0xEB, 2, 0x0323},
};

/* VNI letters that are one byte (lower case; upper case is 0x20 less). */
static const struct vni_letter {
	unsigned char byte;
	uint16_t cp;
} vni_letters[] = {
        {0xF1, 0x0111}, {0xEC, 0x00EC}, {0xED, 0x00ED}, {0xE6, 0x1EC9}, {0xF3, 0x0129},
        {0xF2, 0x1ECB}, {0xF4, 0x01A1}, {0xF6, 0x01B0}, {0xEE, 0x1EF5},
};

/* Common syllables of Vietnamese plan documents, lower case, NFC. Each has a
 * letter outside ASCII, so only a right decoding produces it. */
static const char *const vi_syllables[] = {
        "của",    "và",    "các",   "chỉ",  "tiêu", "năm",  "được",  "thực",  "hiện",
        "phát",   "triển", "số",    "đơn",  "vị",   "tỷ",   "lệ",    "kế",    "hoạch",
        "người",  "dân",   "những", "trên", "với",  "để",   "có",    "không", "đến",
        "đã",     "công",  "tác",   "đồng", "xã",   "tỉnh", "huyện", "quản",  "lý",
        "về",     "việc",  "năng",  "nâng", "một",  "này",  "là",    "tại",   "đạt",
        "tăng",   "cấp",   "ủy",    "hộ",   "tổ",   "chức", "hành",  "chính", "nhân",
        "trường", "giáo",  "dục",   "tế",   "đầu",  "tư",   "mới",   "nông",  "thôn",
        "sản",    "xuất",  "đảm",   "bảo",  "cơ",   "sở",   "dựng",  "xây",   "hội",
};

typedef void (*decoder)(const unsigned char *in, size_t n, struct buf *out);

struct candidate {
	const char *name;
	decoder decode;
};

struct result {
	char *text;
	size_t len;
	const char *name;
};

/* Length of the valid UTF-8 sequence at s[0..n), or 0. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
	unsigned char c = s[0];
	size_t k;
	unsigned char lo = 0x80, hi = 0xBF;
	if (c < 0x80)
		return 1;
	if (c < 0xC2 || c > 0xF4)
		return 0;
	k = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
	if (c == 0xE0)
		lo = 0xA0;
	else if (c == 0xED)
		hi = 0x9F;
	else if (c == 0xF0)
		lo = 0x90;
	else if (c == 0xF4)
		hi = 0x8F;
	if (n < k || s[1] < lo || s[1] > hi)
		return 0;
	for (size_t i = 2; i < k; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	return k;
}

static bool utf8_valid(const unsigned char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		size_t k = utf8_seq(s + i, n - i);
		if (!k)
			return false;
		i += k;
	}
	return true;
}

void encoding_put_utf8(struct buf *b, uint32_t cp)
{
	char u[4];
	if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
		cp = 0xFFFD;
	if (cp < 0x80) {
		u[0] = (char)cp;
		buf_put(b, u, 1);
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | (cp >> 6));
		u[1] = (char)(0x80 | (cp & 0x3F));
		buf_put(b, u, 2);
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | (cp >> 12));
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		buf_put(b, u, 3);
	} else {
		u[0] = (char)(0xF0 | (cp >> 18));
		u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
		buf_put(b, u, 4);
	}
}

uint32_t encoding_cp1258(unsigned char c)
{
	return c < 0x80 ? c : cp1258_hi[c - 0x80];
}

uint32_t encoding_cp1252(unsigned char c)
{
	return c >= 0x80 && c < 0xA0 ? cp1252_c1[c - 0x80] : c;
}

/* The Windows-1252 byte for cp, or -1. */
static int cp1252_byte(int32_t cp)
{
	if (cp >= 0 && cp < 0x100)
		return (int)cp;
	for (int i = 0; i < 32; i++)
		if (cp1252_c1[i] == cp)
			return 0x80 + i;
	return -1;
}

/* ---- Normalisation ---------------------------------------------------- */

/* Non-starters at the start and the end of cp's canonical decomposition;
 * *all when it is nothing else. */
static void nonstarters(int32_t cp, size_t *lead, size_t *trail, bool *all)
{
	utf8proc_int32_t d[8];
	int bound = 0;
	size_t k = 1, i = 0, j = 0;
	d[0] = cp;
	if (cp >= 0xC0) {
		utf8proc_ssize_t r = utf8proc_decompose_char(cp, d, 8, UTF8PROC_DECOMPOSE, &bound);
		if (r >= 1 && r <= 8)
			k = (size_t)r;
		else
			d[0] = cp;
	}
	while (i < k && utf8proc_get_property(d[i])->combining_class)
		i++;
	while (j < k && utf8proc_get_property(d[k - 1 - j])->combining_class)
		j++;
	*lead = i;
	*trail = j;
	*all = i == k;
}

/* s[0..n) (valid UTF-8) in stream-safe form: a COMBINING GRAPHEME JOINER
 * breaks every run of more than MAX_NONSTARTERS non-starters, so that
 * canonical reordering stays linear. NULL when nothing needs breaking. */
static char *stream_safe(const char *s, size_t n, size_t *outlen)
{
	struct buf b = BUF_INIT;
	size_t i = 0, last = 0, run = 0;
	while (i < n) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
		                                      (utf8proc_ssize_t)(n - i), &cp);
		size_t lead, trail;
		bool all;
		if (k <= 0) {
			k = 1;
			cp = 0xFFFD;
		}
		nonstarters(cp, &lead, &trail, &all);
		if (run + lead > MAX_NONSTARTERS) {
			buf_put(&b, s + last, i - last);
			buf_put(&b, "\xCD\x8F", 2);
			last = i;
			run = 0;
		}
		run = all ? run + lead : trail;
		i += (size_t)k;
	}
	if (!b.ptr)
		return NULL;
	buf_put(&b, s + last, n - last);
	*outlen = b.len;
	return buf_detach(&b);
}

/* NFC of s[0..n) (valid UTF-8, NULs allowed) as a new string. */
static char *to_nfc(const char *s, size_t n, size_t *outlen)
{
	size_t sn = 0;
	char *safe = stream_safe(s, n, &sn);
	utf8proc_uint8_t *dst = NULL;
	utf8proc_ssize_t r = -1;
	char *res;
	if (safe) {
		s = safe;
		n = sn;
	}
	if (n > 0 && n <= (size_t)PTRDIFF_MAX / 8)
		r = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &dst,
		                 UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (r < 0 || !dst) {
		free(dst);
		res = xstrndup(s, n);
		*outlen = n;
	} else {
		res = (char *)dst;
		*outlen = (size_t)r;
	}
	free(safe);
	return res;
}

/* ---- Scoring ---------------------------------------------------------- */

struct score {
	size_t hits;
	size_t letters;
};

static bool is_letter(int32_t cp)
{
	utf8proc_category_t c = utf8proc_category(cp);
	return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
	       c == UTF8PROC_CATEGORY_MN;
}

static void score_word(const char *w, size_t len, struct score *sc)
{
	size_t k = sizeof vi_syllables / sizeof vi_syllables[0];
	for (size_t i = 0; i < k; i++) {
		if (strlen(vi_syllables[i]) == len && memcmp(vi_syllables[i], w, len) == 0) {
			sc->hits++;
			return;
		}
	}
}

/* Count letters and common syllables (compared in lower case) in s[0..n). */
static void score_text(const char *s, size_t n, struct score *sc)
{
	char word[24];
	size_t wl = 0, i = 0;
	bool too_long = false;
	while (i < n) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
		                                      (utf8proc_ssize_t)(n - i), &cp);
		i += k > 0 ? (size_t)k : 1;
		if (k > 0 && is_letter(cp)) {
			utf8proc_uint8_t u[4];
			size_t ul = (size_t)utf8proc_encode_char(utf8proc_tolower(cp), u);
			sc->letters++;
			too_long |= wl + ul > sizeof word;
			if (!too_long)
				memcpy(word + wl, u, ul);
			wl += ul;
			continue;
		}
		if (wl && !too_long)
			score_word(word, wl, sc);
		wl = 0;
		too_long = false;
	}
	if (wl && !too_long)
		score_word(word, wl, sc);
}

/* Decode a sample of in[0..n) (the first SAMPLE bytes, cut at a line end)
 * every candidate way; the clear winner then decodes the whole input into
 * *res and true is returned. Scoring a sample keeps big files fast. */
#define SAMPLE (256u << 10)

static void convert_full(const unsigned char *in, size_t n, const struct candidate *c,
                         struct result *res);

static bool pick_best(const unsigned char *in, size_t n, const struct candidate *c, size_t nc,
                      size_t per_mille, struct result *res)
{
	size_t m = n;
	if (n > SAMPLE) {
		m = SAMPLE;
		while (m > SAMPLE / 2 && in[m - 1] != '\n')
			m--;
	}
	struct result best = {NULL, 0, NULL};
	struct score top = {0, 0};
	size_t second = 0, bi = 0;
	for (size_t i = 0; i < nc; i++) {
		struct buf b = BUF_INIT;
		struct score sc = {0, 0};
		size_t len;
		c[i].decode(in, m, &b);
		char *s = to_nfc(buf_str(&b), b.len, &len);
		buf_free(&b);
		score_text(s, len, &sc);
		if (!best.text || sc.hits > top.hits) {
			if (best.text && top.hits > second)
				second = top.hits;
			free(best.text);
			best = (struct result){s, len, c[i].name};
			top = sc;
			bi = i;
		} else {
			if (sc.hits > second)
				second = sc.hits;
			free(s);
		}
	}
	if (best.text && top.hits >= MIN_HITS && top.hits * 1000 >= per_mille * top.letters &&
	    top.hits > 2 * second) {
		if (m < n) {
			free(best.text);
			convert_full(in, n, &c[bi], &best);
		}
		*res = best;
		return true;
	}
	free(best.text);
	return false;
}

/* ---- Decoders ----------------------------------------------------------- */

static void decode_cp1258(const unsigned char *in, size_t n, struct buf *out)
{
	for (size_t i = 0; i < n; i++)
		encoding_put_utf8(out, in[i] < 0x80 ? in[i] : cp1258_hi[in[i] - 0x80]);
}

/* Windows-1252 as it is: the "already right" reading of mojibake input. */
static void decode_cp1252(const unsigned char *in, size_t n, struct buf *out)
{
	for (size_t i = 0; i < n; i++)
		encoding_put_utf8(out, encoding_cp1252(in[i]));
}

/* UTF-8 with each bad sequence (a byte and its stray continuation bytes)
 * replaced by U+FFFD. */
static void decode_utf8_lossy(const unsigned char *in, size_t n, struct buf *out)
{
	size_t i = 0;
	while (i < n) {
		size_t j = i, k;
		while (j < n && (k = utf8_seq(in + j, n - j)) > 0)
			j += k;
		buf_put(out, (const char *)in + i, j - i);
		if (j >= n)
			break;
		encoding_put_utf8(out, 0xFFFD);
		j++;
		while (j < n && (in[j] & 0xC0) == 0x80)
			j++;
		i = j;
	}
}

/* TCVN3 byte classes for the case repair. */
enum { TC_OTHER, TC_UPPER, TC_LOWER, TC_AMBIG };

static int tcvn3_class(unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		return TC_UPPER;
	if (c >= 'a' && c <= 'z')
		return TC_LOWER;
	if (c >= 0xA1 && c <= 0xA7)
		return TC_UPPER;
	/* The lower-case Vietnamese letters: they also stand for capitals,
	 * written with a separate upper-case font. */
	if (c >= 0xA8 && c != 0xE0 && c != 0xF0 && c != 0xFF &&
	    utf8proc_category(tcvn3_hi[c - 0x80]) == UTF8PROC_CATEGORY_LL)
		return TC_AMBIG;
	return TC_OTHER;
}

/* True when a word s[0..n) shows it is in capitals: no ASCII lower case, an
 * ambiguous letter, and two capitals or a capital after the first letter. */
static bool tcvn3_word_caps(const unsigned char *s, size_t n)
{
	size_t upper = 0;
	bool late = false, ambig = false;
	for (size_t i = 0; i < n; i++) {
		int k = tcvn3_class(s[i]);
		if (k == TC_LOWER)
			return false;
		if (k == TC_AMBIG)
			ambig = true;
		if (k == TC_UPPER) {
			upper++;
			late |= i > 0;
		}
	}
	return ambig && (upper >= 2 || late);
}

/* Length of the word (run of letters) at s[0..n). */
static size_t tcvn3_word(const unsigned char *s, size_t n)
{
	size_t e = 0;
	while (e < n && tcvn3_class(s[e]) != TC_OTHER)
		e++;
	return e;
}

/* A line with no ASCII lower case and one word clearly in capitals is a
 * heading: its ambiguous letters are capitals too. */
static bool tcvn3_line_caps(const unsigned char *s, size_t n)
{
	bool evidence = false;
	size_t i = 0;
	while (i < n) {
		size_t w = tcvn3_word(s + i, n - i);
		if (!w) {
			i++;
			continue;
		}
		for (size_t j = i; j < i + w; j++)
			if (tcvn3_class(s[j]) == TC_LOWER)
				return false;
		evidence |= tcvn3_word_caps(s + i, w);
		i += w;
	}
	return evidence;
}

static void tcvn3_line(const unsigned char *s, size_t n, struct buf *out)
{
	bool caps = tcvn3_line_caps(s, n);
	size_t i = 0;
	while (i < n) {
		size_t w = tcvn3_word(s + i, n - i);
		if (!w) {
			encoding_put_utf8(out, s[i] < 0x80 ? s[i] : tcvn3_hi[s[i] - 0x80]);
			i++;
			continue;
		}
		bool up = caps || tcvn3_word_caps(s + i, w);
		for (size_t j = i; j < i + w; j++) {
			uint32_t cp = s[j] < 0x80 ? s[j] : tcvn3_hi[s[j] - 0x80];
			if (up && tcvn3_class(s[j]) == TC_AMBIG)
				cp = (uint32_t)utf8proc_toupper((utf8proc_int32_t)cp);
			encoding_put_utf8(out, cp);
		}
		i += w;
	}
}

static void decode_tcvn3(const unsigned char *in, size_t n, struct buf *out)
{
	size_t i = 0;
	while (i < n) {
		const unsigned char *nl = memchr(in + i, '\n', n - i);
		size_t e = nl ? (size_t)(nl - in) : n;
		tcvn3_line(in + i, e - i, out);
		if (e < n)
			buf_putc(out, '\n');
		i = e + 1;
	}
}

/* The base vowel a VNI byte stands for when a mark may follow it, or 0. */
static uint32_t vni_base(unsigned char c)
{
	switch (c) {
	case 'a':
	case 'e':
	case 'i':
	case 'o':
	case 'u':
	case 'y':
	case 'A':
	case 'E':
	case 'I':
	case 'O':
	case 'U':
	case 'Y':
		return c;
	case 0xF4:
		return 0x01A1; /* ơ */
	case 0xD4:
		return 0x01A0;
	case 0xF6:
		return 0x01B0; /* ư */
	case 0xD6:
		return 0x01AF;
	default:
		return 0;
	}
}

static const struct vni_mark *vni_mark(unsigned char c)
{
	unsigned char lower = c >= 0xC0 && c < 0xE0 ? (unsigned char)(c + 0x20) : c;
	for (size_t i = 0; i < sizeof vni_marks / sizeof vni_marks[0]; i++)
		if (vni_marks[i].byte == lower)
			return &vni_marks[i];
	return NULL;
}

/* The code point of one VNI byte standing alone. */
static uint32_t vni_single(unsigned char c)
{
	bool upper = c >= 0xC0 && c < 0xE0;
	unsigned char lower = upper ? (unsigned char)(c + 0x20) : c;
	for (size_t i = 0; i < sizeof vni_letters / sizeof vni_letters[0]; i++) {
		if (vni_letters[i].byte != lower)
			continue;
		if (upper)
			return (uint32_t)utf8proc_toupper(vni_letters[i].cp);
		return vni_letters[i].cp;
	}
	return encoding_cp1252(c);
}

/* Circumflex goes on a, e, o; breve on a; a tone alone on any vowel. */
static bool vni_takes(uint32_t base, unsigned char mod)
{
	uint32_t lower = base | 0x20;
	if (mod == 1)
		return lower == 'a' || lower == 'e' || lower == 'o';
	if (mod == 2)
		return lower == 'a';
	return true;
}

static void decode_vni(const unsigned char *in, size_t n, struct buf *out)
{
	size_t i = 0;
	while (i < n) {
		uint32_t base = vni_base(in[i]);
		const struct vni_mark *m = base && i + 1 < n ? vni_mark(in[i + 1]) : NULL;
		if (!m || !vni_takes(base, m->mod)) {
			encoding_put_utf8(out, vni_single(in[i]));
			i++;
			continue;
		}
		encoding_put_utf8(out, base);
		if (m->mod)
			encoding_put_utf8(out, m->mod == 1 ? 0x0302 : 0x0306);
		if (m->tone)
			encoding_put_utf8(out, m->tone);
		i += 2;
	}
}

/* ---- Fonts of before Unicode -------------------------------------------- */

enum encoding_font encoding_font_of(const char *name)
{
	if (!name)
		return ENCODING_FONT_NONE;
	size_t n = strlen(name);
	while (n && name[n - 1] == ' ')
		n--;
	if (n > 3 && !strncasecmp(name, ".Vn", 3))
		return name[n - 1] == 'H' ? ENCODING_FONT_TCVN3_CAPS : ENCODING_FONT_TCVN3;
	if (n > 4 && !strncasecmp(name, "VNI-", 4))
		return ENCODING_FONT_VNI;
	return ENCODING_FONT_NONE;
}

/* TCVN3 as a font shows it: each byte its letter, no guess at case (the
 * capitals font makes every letter a capital). */
static void decode_tcvn3_font(const unsigned char *in, size_t n, bool caps, struct buf *out)
{
	for (size_t i = 0; i < n; i++) {
		uint32_t cp = in[i] < 0x80 ? in[i] : tcvn3_hi[in[i] - 0x80];
		encoding_put_utf8(out,
		                  caps ? (uint32_t)utf8proc_toupper((utf8proc_int32_t)cp) : cp);
	}
}

static void decode_font(enum encoding_font f, const unsigned char *in, size_t n, struct buf *out)
{
	if (f == ENCODING_FONT_VNI)
		decode_vni(in, n, out);
	else
		decode_tcvn3_font(in, n, f == ENCODING_FONT_TCVN3_CAPS, out);
}

void encoding_font_text(enum encoding_font f, const char *s, size_t n, struct buf *out)
{
	struct buf bytes = BUF_INIT, text = BUF_INIT;
	size_t i = 0;
	while (i < n) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
		                                      (utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0) { /* not UTF-8: the rest kept as it is */
			buf_put(&text, s + i, n - i);
			break;
		}
		int byte = cp1252_byte(cp);
		if (byte >= 0) {
			char c = (char)byte;
			buf_put(&bytes, &c, 1);
		} else {
			decode_font(f, (const unsigned char *)buf_str(&bytes), bytes.len, &text);
			buf_reset(&bytes);
			buf_put(&text, s + i, (size_t)k);
		}
		i += (size_t)k;
	}
	decode_font(f, (const unsigned char *)buf_str(&bytes), bytes.len, &text);
	size_t len = 0;
	char *nfc = to_nfc(buf_str(&text), text.len, &len);
	buf_put(out, nfc, len);
	free(nfc);
	buf_free(&bytes);
	buf_free(&text);
}

static void decode_utf16(const unsigned char *in, size_t n, bool be, struct buf *out)
{
	size_t i = 0;
	while (i + 1 < n) {
		uint32_t u =
		        be ? (uint32_t)in[i] << 8 | in[i + 1] : (uint32_t)in[i + 1] << 8 | in[i];
		i += 2;
		if (u >= 0xD800 && u <= 0xDBFF && i + 1 < n) {
			uint32_t v = be ? (uint32_t)in[i] << 8 | in[i + 1]
			                : (uint32_t)in[i + 1] << 8 | in[i];
			if (v >= 0xDC00 && v <= 0xDFFF) {
				u = 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00);
				i += 2;
			}
		}
		encoding_put_utf8(out, u);
	}
	if (i < n)
		encoding_put_utf8(out, 0xFFFD);
}

static void decode_utf16le(const unsigned char *in, size_t n, struct buf *out)
{
	decode_utf16(in, n, false, out);
}

static void decode_utf16be(const unsigned char *in, size_t n, struct buf *out)
{
	decode_utf16(in, n, true, out);
}

/* ---- Detection ---------------------------------------------------------- */

static const struct candidate legacy[] = {
        {"TCVN3 (ABC)", decode_tcvn3},
        {"VNI", decode_vni},
        {"Windows-1258", decode_cp1258},
        {"UTF-8 (có byte lỗi)", decode_utf8_lossy}, /* last: not always tried */
};

static const struct candidate mojibake[] = {
        {NULL, decode_cp1252}, /* the text as it stands */
        {"VNI as Windows-1252", decode_vni},
        {"TCVN3 (ABC) as Windows-1252", decode_tcvn3},
};

static int convert_with(const unsigned char *in, size_t n, decoder dec, const char *name,
                        struct result *res)
{
	struct buf b = BUF_INIT;
	dec(in, n, &b);
	res->text = to_nfc(buf_str(&b), b.len, &res->len);
	res->name = name;
	buf_free(&b);
	return ENCODING_CONVERTED;
}

static void convert_full(const unsigned char *in, size_t n, const struct candidate *c,
                         struct result *res)
{
	convert_with(in, n, c->decode, c->name, res);
}

/* Bytes that are not UTF-8: the legacy decodings, and UTF-8 with a few bad
 * bytes when nearly all multi-byte sequences are good. */
static int from_legacy(const unsigned char *in, size_t n, struct result *res)
{
	size_t good = 0, bad = 0, i = 0;
	size_t nc = sizeof legacy / sizeof legacy[0];
	while (i < n) {
		size_t k = in[i] < 0x80 ? 1 : utf8_seq(in + i, n - i);
		if (k > 1)
			good++;
		else if (!k)
			bad++;
		i += k ? k : 1;
	}
	if (good == 0 || bad > 1 + good / 16)
		nc--;
	if (pick_best(in, n, legacy, nc, MIN_PER_MILLE_LEGACY, res))
		return ENCODING_CONVERTED;
	res->name = REASON_UNKNOWN;
	return ENCODING_UNKNOWN;
}

/* Valid UTF-8 made only of characters Windows-1252 has (so no ă, đ, ơ, ư or
 * letters with tones beyond Latin-1) may be VNI or TCVN3 bytes that were read
 * as Windows-1252: "Keá hoaïch". Its bytes go to *bytes, true when it has at
 * least two non-ASCII characters. lost: a "�" (a byte Windows-1252 has no
 * character for, lost) is the byte 0xFF, never in UTF-8. */
static bool mojibake_bytes(const unsigned char *s, size_t n, bool lost, struct buf *bytes)
{
	size_t i = 0, high = 0;
	while (i < n) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(s + i, (utf8proc_ssize_t)(n - i), &cp);
		int byte = k <= 0 ? -1 : lost && cp == 0xFFFD ? 0xFF : cp1252_byte(cp);
		if (byte < 0)
			return false;
		high += byte >= 0x80;
		buf_putc(bytes, (char)byte);
		i += (size_t)k;
	}
	return high >= 2;
}

/* A letter Vietnamese writes with a mark (NFC, or a mark of NFD). */
static bool vi_letter(uint32_t cp)
{
	static const uint16_t more[] = {0x102, 0x103, 0x110, 0x111, 0x128, 0x129,
	                                0x168, 0x169, 0x1A0, 0x1A1, 0x1AF, 0x1B0,
	                                0x300, 0x301, 0x303, 0x309, 0x323};
	if (cp >= 0xC0 && cp < 0x100)
		return memchr("\xE0\xE1\xE2\xE3\xE8\xE9\xEA\xEC\xED\xF2\xF3\xF4\xF5\xF9\xFA\xFD",
		              (int)(cp | 0x20), 16) != NULL;
	if (cp >= 0x1EA0 && cp <= 0x1EF9)
		return true;
	for (size_t i = 0; i < sizeof more / sizeof more[0]; i++)
		if (more[i] == cp)
			return true;
	return false;
}

/* Whether s[0..n) is UTF-8 read as Windows-1252 (or Latin-1) and saved as
 * UTF-8 again ("Káº¿ hoáº¡ch" for "Kế hoạch"): every character one byte of
 * the original, in *bytes. 1 when those bytes are whole UTF-8 holding
 * Vietnamese letters: reading them as UTF-8 undoes it exactly. 2 when bytes
 * were lost on the way ("�" for those Windows-1252 has no character for,
 * 0x81 0x8D 0x8F 0x90 0x9D; a soft hyphen 0xAD dropped) but the Vietnamese
 * letters still outnumber the bytes left broken, *line the line of the
 * first of these. 0 otherwise. */
static int twice(const unsigned char *s, size_t n, struct buf *bytes, size_t *line)
{
	if (!mojibake_bytes(s, n, true, bytes))
		return 0;
	const unsigned char *b = (const unsigned char *)buf_str(bytes);
	size_t vi = 0, broken = 0, ln = 1;
	for (size_t i = 0; i < bytes->len;) {
		size_t k = b[i] < 0x80 ? 1 : utf8_seq(b + i, bytes->len - i);
		utf8proc_int32_t cp = b[i];
		if (k > 1)
			utf8proc_iterate(b + i, (utf8proc_ssize_t)k, &cp);
		vi += k > 1 && vi_letter((uint32_t)cp);
		if (!k && !broken++)
			*line = ln;
		ln += b[i] == '\n';
		i += k ? k : 1;
	}
	return vi < 2 ? 0 : !broken ? 1 : vi > broken ? 2 : 0;
}

size_t encoding_garbled_line(const char *s, size_t n)
{
	struct buf bytes = BUF_INIT;
	size_t line = 0;
	int t = twice((const unsigned char *)s, n, &bytes, &line);
	buf_free(&bytes);
	return t == 2 ? line : 0;
}

static int from_utf8(const unsigned char *s, size_t n, bool bom, struct result *res)
{
	struct buf bytes = BUF_INIT;
	size_t line;
	bool found = false;
	int t = twice(s, n, &bytes, &line);
	if (t == 1) { /* not a guess: undone */
		res->text = to_nfc(buf_str(&bytes), bytes.len, &res->len);
		res->name = ENCODING_TWICE;
		buf_free(&bytes);
		return ENCODING_CONVERTED;
	}
	buf_reset(&bytes);
	if (!t && mojibake_bytes(s, n, false, &bytes)) /* t 2: garbled, no VNI or TCVN3 */
		found = pick_best((const unsigned char *)buf_str(&bytes), bytes.len, mojibake,
		                  sizeof mojibake / sizeof mojibake[0], MIN_PER_MILLE_MOJIBAKE,
		                  res);
	buf_free(&bytes);
	if (found && res->name)
		return ENCODING_CONVERTED;
	if (found)
		free(res->text);
	res->text = NULL;
	if (bom) {
		res->text = to_nfc((const char *)s, n, &res->len);
		res->name = "UTF-8 BOM";
		return ENCODING_CONVERTED;
	}
	res->name = "UTF-8";
	return ENCODING_UTF8;
}

int encoding_to_utf8(const char *in, size_t n, char **out, size_t *outlen, const char **name)
{
	const unsigned char *s = (const unsigned char *)(in ? in : "");
	struct result res = {NULL, 0, NULL};
	int rc;
	if (!in)
		n = 0;
	if (n >= 2 && s[0] == 0xFF && s[1] == 0xFE) {
		rc = convert_with(s + 2, n - 2, decode_utf16le, "UTF-16LE", &res);
	} else if (n >= 2 && s[0] == 0xFE && s[1] == 0xFF) {
		rc = convert_with(s + 2, n - 2, decode_utf16be, "UTF-16BE", &res);
	} else {
		bool bom = n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF;
		size_t off = bom ? 3 : 0;
		if (utf8_valid(s + off, n - off))
			rc = from_utf8(s + off, n - off, bom, &res);
		else
			rc = from_legacy(s + off, n - off, &res);
	}
	if (rc == ENCODING_CONVERTED) {
		if (out)
			*out = res.text;
		else
			free(res.text);
		if (outlen)
			*outlen = res.len;
	}
	if (name)
		*name = res.name;
	return rc;
}

int encoding_decode_as(const char *in, size_t n, const char *charset, char **out, size_t *outlen,
                       const char **name)
{
	struct result res = {NULL, 0, NULL};
	const unsigned char *s = (const unsigned char *)(in ? in : "");
	if (!in)
		n = 0;
	if (charset && !strcmp(charset, "windows-1258"))
		convert_with(s, n, decode_cp1258, "Windows-1258", &res);
	else if (charset && !strcmp(charset, "windows-1252"))
		convert_with(s, n, decode_cp1252, "Windows-1252", &res);
	else
		return encoding_to_utf8(in, n, out, outlen, name);
	*out = res.text;
	*outlen = res.len;
	if (name)
		*name = res.name;
	return ENCODING_CONVERTED;
}
