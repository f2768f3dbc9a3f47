/* test_encoding.c: one Vietnamese plan text written in TCVN3, VNI,
 * Windows-1258, UTF-16 and UTF-8 (with BOM, as mojibake, truncated) must come
 * back as the same NFC UTF-8; ASCII and UTF-8 stay as they are. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "encoding.h"
#include "util.h"

#define REASON "không nhận ra bảng mã (không phải UTF-8, TCVN3, VNI hay Windows-1258)"

#define HEAD "KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2025\n"
#define S2                                                                                           \
	"Năm 2024, tỷ lệ hộ nghèo giảm còn 1,5%; số đơn vị hành chính cấp xã " \
	"đạt chuẩn nông thôn mới là 12.\n"

static const char doc[] = HEAD "Kế hoạch thực hiện chỉ tiêu của Ủy ban nhân dân xã; Đảng ủy; tỷ lệ "
                               "người dân được cấp.\n" S2;

/* TCVN3 has no capital Ủ: in a mixed-case line it comes back lower case. */
static const char doc_tcvn3_want[] =
        HEAD "Kế hoạch thực hiện chỉ tiêu của ủy ban nhân dân xã; Đảng ủy; tỷ lệ "
             "người dân được cấp.\n" S2;

/* doc in TCVN3 (ABC); capitals with tones take the lower-case byte. */
static const char doc_tcvn3[] =
        "K\xD5 HO\xB9"
        "CH PH\xB8T TRI\xD3N KINH T\xD5 - X\xB7 H\xE9I N\xA1M"
        " 2025\n"
        "K\xD5 ho\xB9"
        "ch th\xF9"
        "c hi\xD6n ch\xD8 ti\xAAu c\xF1"
        "a \xF1y"
        " ban nh\xA9n d\xA9n x\xB7; \xA7\xB6ng \xF1y; t\xFB l\xD6 ng\xAD\xEA"
        "i d\xA9n \xAE\xAD\xEE"
        "c c\xCAp.\n"
        "N\xA8m 2024, t\xFB l\xD6 h\xE9 ngh\xCCo gi\xB6m c\xDFn 1,5%; s\xE8 "
        "\xAE\xACn v\xDE h\xB5nh ch\xDDnh c\xCAp x\xB7 \xAE\xB9t chu\xC8n n\xAB"
        "ng th\xABn m\xEDi l\xB5 12.\n";

/* doc in Windows-1258 (iconv -t cp1258): tones as combining bytes. */
static const char doc_cp1258[] =
        "K\xCA\xEC HOA\xF2"
        "CH PH\xC1T TRI\xCA\xD2N KINH T\xCA\xEC - XA\xDE"
        " H\xD4\xF2I N\xC3M 2025\n"
        "K\xEA\xEC hoa\xF2"
        "ch th\xFD\xF2"
        "c hi\xEA\xF2n chi\xD2 ti\xEAu c"
        "u\xD2"
        "a U\xD2y ban nh\xE2n d\xE2n xa\xDE; \xD0"
        "a\xD2ng u\xD2y; "
        "ty\xD2 l\xEA\xF2 ng\xFD\xF5\xCCi d\xE2n \xF0\xFD\xF5\xF2"
        "c c\xE2\xEC"
        "p.\n"
        "N\xE3m 2024, ty\xD2 l\xEA\xF2 h\xF4\xF2 ngh\xE8o gia\xD2m co\xCCn 1"
        ",5%; s\xF4\xEC \xF0\xF5n vi\xF2 h\xE0nh ch\xEDnh c\xE2\xECp xa\xDE "
        "\xF0"
        "a\xF2t chu\xE2\xD2n n\xF4ng th\xF4n m\xF5\xECi l\xE0 12.\n";

/* doc in VNI-Windows: a vowel and then a mark byte. */
static const char doc_vni[] = "KE\xC1 HOA\xCF"
                              "CH PHA\xD9T TRIE\xC5N KINH TE\xC1 - XA\xD5 HO\xC4I"
                              " NA\xCAM 2025\n"
                              "Ke\xE1 hoa\xEF"
                              "ch th\xF6\xEF"
                              "c hie\xE4n ch\xE6 tie\xE2u cu\xFB"
                              "a"
                              " U\xDBy ban nha\xE2n da\xE2n xa\xF5; \xD1"
                              "a\xFBng u\xFBy; ty\xFB "
                              "le\xE4 ng\xF6\xF4\xF8i da\xE2n \xF1\xF6\xF4\xEF"
                              "c ca\xE1p.\n"
                              "Na\xEAm 2024, ty\xFB le\xE4 ho\xE4 nghe\xF8o gia\xFBm co\xF8n 1,5%;"
                              " so\xE1 \xF1\xF4n v\xF2 ha\xF8nh ch\xEDnh ca\xE1p xa\xF5 \xF1"
                              "a\xEF"
                              "t chua\xE5n no\xE2ng tho\xE2n m\xF4\xF9i la\xF8 12.\n";

/* The VNI bytes read as Windows-1252 and saved as UTF-8. */
static const char doc_vni_mojibake[] =
        "KEÁ HOAÏCH PHAÙT TRIEÅN KINH TEÁ - XAÕ HOÄI NAÊM 2025\n"
        "Keá hoaïch thöïc hieän chæ tieâu cuûa UÛy ban nhaân daân xaõ; Ñaûng uûy; "
        "tyû leä ngöôøi daân ñöôïc caáp.\n"
        "Naêm 2024, tyû leä hoä ngheøo giaûm coøn 1,5%; soá ñôn vò haønh chính "
        "caáp xaõ ñaït chuaån noâng thoân môùi laø 12.\n";

/* The TCVN3 bytes read as Windows-1252 and saved as UTF-8 (0xAD is a soft
 * hyphen, hence "ng\u00ADêi"). */
static const char doc_tcvn3_mojibake[] =
        "KÕ HO¹CH PH¸T TRIÓN KINH TÕ - X· HéI N¡M 2025\n"
        "KÕ ho¹ch thùc hiÖn chØ tiªu cña ñy ban nh©n d©n x·; §¶ng ñy; tû lÖ "
        "ng\xC2\xAD"
        "êi d©n ®\xC2\xAD"
        "îc cÊp.\n"
        "N¨m 2024, tû lÖ hé nghÌo gi¶m cßn 1,5%; sè ®¬n vÞ hµnh chÝnh cÊp x· "
        "®¹t chuÈn n«ng th«n míi lµ 12.\n";

/* ---- helpers ---------------------------------------------------------- */

static void assert_nfc(const char *s, size_t len)
{
	utf8proc_uint8_t *nfc = NULL;
	utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &nfc,
	                                  UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	assert_true(r >= 0);
	assert_int_equal((size_t)r, len);
	assert_memory_equal(nfc, s, len);
	free(nfc);
}

static void expect_converted(const char *in, size_t n, const char *want, size_t want_len,
                             const char *want_name)
{
	char *out = NULL;
	size_t len = 0;
	const char *name = NULL;
	int rc = encoding_to_utf8(in, n, &out, &len, &name);
	assert_int_equal(rc, ENCODING_CONVERTED);
	assert_non_null(out);
	assert_non_null(name);
	assert_string_equal(name, want_name);
	assert_int_equal(out[len], '\0');
	if (len == strlen(out) && want_len == strlen(want))
		assert_string_equal(out, want);
	assert_int_equal(len, want_len);
	assert_memory_equal(out, want, len);
	assert_nfc(out, len);
	free(out);
}

#define EXPECT(in, want, name) expect_converted(in, sizeof(in) - 1, want, sizeof(want) - 1, name)

static void expect_untouched(const char *in, size_t n)
{
	char sentinel[1];
	char *out = sentinel;
	size_t len = 12345;
	const char *name = NULL;
	assert_int_equal(encoding_to_utf8(in, n, &out, &len, &name), ENCODING_UTF8);
	assert_ptr_equal(out, sentinel);
	assert_int_equal(len, 12345);
}

/* UTF-8 (valid) to UTF-16 with a BOM. */
static char *to_utf16(const char *s, int be, size_t *n)
{
	size_t len = strlen(s), k = 0, i = 0;
	unsigned char *o = malloc(4 * len + 2);
	assert_non_null(o);
	o[k++] = be ? 0xFE : 0xFF;
	o[k++] = be ? 0xFF : 0xFE;
	while (i < len) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t r = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
		                                      (utf8proc_ssize_t)(len - i), &cp);
		assert_true(r > 0);
		i += (size_t)r;
		uint32_t u[2] = {(uint32_t)cp, 0};
		int units = 1;
		if (cp >= 0x10000) {
			u[0] = 0xD800 + (((uint32_t)cp - 0x10000) >> 10);
			u[1] = 0xDC00 + (((uint32_t)cp - 0x10000) & 0x3FF);
			units = 2;
		}
		for (int j = 0; j < units; j++) {
			o[k++] = (unsigned char)(be ? u[j] >> 8 : u[j] & 0xFF);
			o[k++] = (unsigned char)(be ? u[j] & 0xFF : u[j] >> 8);
		}
	}
	*n = k;
	return (char *)o;
}

/* ---- tests ------------------------------------------------------------ */

static void test_ascii_and_utf8_untouched(void **state)
{
	(void)state;
	static const char ascii[] = "Ke hoach 2025, chi tieu: 95%\nUBND xa\n";
	static const char nfd[] = "Vie\xCC\xA3\xCC\x82t Nam";
	static const char french[] = "Café crème à la française, déjà vu, naïve Noël, "
	                             "où êtes-vous ? Très côté.";
	const char *name = NULL;
	expect_untouched("", 0);
	expect_untouched(NULL, 0);
	expect_untouched(ascii, sizeof ascii - 1);
	expect_untouched(doc, sizeof doc - 1);
	expect_untouched(nfd, sizeof nfd - 1);
	expect_untouched(french, sizeof french - 1);
	expect_untouched(doc_tcvn3_want, sizeof doc_tcvn3_want - 1);
	assert_int_equal(encoding_to_utf8(ascii, sizeof ascii - 1, NULL, NULL, &name),
	                 ENCODING_UTF8);
	assert_string_equal(name, "UTF-8");
}

static void test_utf8_bom(void **state)
{
	(void)state;
	static const char bom_doc[] = "\xEF\xBB\xBF" HEAD;
	static const char bom_nfd[] = "\xEF\xBB\xBFVie\xCC\xA3\xCC\x82t Nam";
	static const char bom_only[] = "\xEF\xBB\xBF";
	EXPECT(bom_doc, HEAD, "UTF-8 BOM");
	EXPECT(bom_nfd, "Việt Nam", "UTF-8 BOM");
	EXPECT(bom_only, "", "UTF-8 BOM");
}

static void test_utf16(void **state)
{
	(void)state;
	static const char text[] = "Kế hoạch 2025 \xF0\x9F\x98\x80 Đảng ủy\n";
	for (int be = 0; be <= 1; be++) {
		size_t n;
		char *in = to_utf16(doc, be, &n);
		expect_converted(in, n, doc, sizeof doc - 1, be ? "UTF-16BE" : "UTF-16LE");
		free(in);
		in = to_utf16(text, be, &n);
		expect_converted(in, n, text, sizeof text - 1, be ? "UTF-16BE" : "UTF-16LE");
		free(in);
	}
	/* An unpaired surrogate and an odd last byte become U+FFFD. */
	static const char bad[] = "\xFF\xFE"
	                          "a\x00\x00\xD8"
	                          "b\x00"
	                          "c";
	expect_converted(bad, sizeof bad - 1,
	                 "a\xEF\xBF\xBD"
	                 "b\xEF\xBF\xBD",
	                 8, "UTF-16LE");
}

/* A run's text in a font of before Unicode as Word keeps it (each byte its
 * Windows-1252 character) and as the font shows it. */
static void expect_font(enum encoding_font f, const char *in, const char *want)
{
	struct buf out = BUF_INIT;
	encoding_font_text(f, in, strlen(in), &out);
	assert_string_equal(buf_str(&out), want);
	buf_free(&out);
}

static void test_fonts(void **state)
{
	(void)state;
	assert_int_equal(encoding_font_of(".VnTime"), ENCODING_FONT_TCVN3);
	assert_int_equal(encoding_font_of(".VnCentury Schoolbook"), ENCODING_FONT_TCVN3);
	assert_int_equal(encoding_font_of(".VnTimeH"), ENCODING_FONT_TCVN3_CAPS);
	assert_int_equal(encoding_font_of(".VnArialH "), ENCODING_FONT_TCVN3_CAPS);
	assert_int_equal(encoding_font_of("VNI-Times"), ENCODING_FONT_VNI);
	assert_int_equal(encoding_font_of("vni-helve"), ENCODING_FONT_VNI);
	assert_int_equal(encoding_font_of("Times New Roman"), ENCODING_FONT_NONE);
	assert_int_equal(encoding_font_of(".Vn"), ENCODING_FONT_NONE);
	assert_int_equal(encoding_font_of(NULL), ENCODING_FONT_NONE);
	/* TCVN3 as .VnTime shows it: no guess at case ("Sè" stays "Số"; a
	 * lower-case byte is a lower-case letter even among capitals) */
	expect_font(ENCODING_FONT_TCVN3, "K\u00D5 ho\u00B9ch S\u00E8 TT \u00F1Y", "Kế hoạch Số TT ủY");
	/* the capitals font: every letter a capital */
	expect_font(ENCODING_FONT_TCVN3_CAPS, "\u00F1y ban", "ỦY BAN");
	/* "ư" is byte 0xAD; a character with no Windows-1252 byte kept */
	expect_font(ENCODING_FONT_TCVN3, "ng\u00AD\u00EAi \u2265 90%", "người ≥ 90%");
	/* VNI: a vowel then its mark, capitals with the capital mark; NFC */
	expect_font(ENCODING_FONT_VNI, "Ke\u00E1 hoa\u00EFch \u00D1A\u00C8NG", "Kế hoạch ĐẰNG");
	expect_font(ENCODING_FONT_VNI, "", "");
}

static void test_cp1258(void **state)
{
	(void)state;
	static const char in[] =
	        "K\xEA\xEC hoa\xF2"
	        "ch th\xFD\xF2"
	        "c hi\xEA\xF2n chi\xD2 ti\xEAu "
	        "c\xE2\xECp xa\xDE n\xE3m 2025 \x96 \x93N\xF4ng th\xF4n m\xF5\xECi\x94;"
	        " 100 \xFE\n";
	static const char want[] = "Kế hoạch thực hiện chỉ tiêu cấp xã năm 2025 – "
	                           "“Nông thôn mới”; 100 ₫\n";
	EXPECT(doc_cp1258, doc, "Windows-1258");
	EXPECT(in, want, "Windows-1258");
}

static void test_tcvn3(void **state)
{
	(void)state;
	/* A line in capitals is a heading; "Sè TT" is not one. */
	static const char in[] = "\xA7\xB6NG \xF1Y X\xB7 B\xD7NH MINH\n"
	                         "S\xE8 TT: \xF1y ban nh\xA9n d\xA9n x\xB7 v\xB5 c\xB8"
	                         "c \xAE\xACn "
	                         "v\xDE \x93N\xABng th\xABn m\xEDi\x94 \x96 n\xA8m 2025\n";
	static const char want[] = "ĐẢNG ỦY XÃ BÌNH MINH\n"
	                           "Số TT: ủy ban nhân dân xã và các đơn vị “Nông thôn "
	                           "mới” – năm 2025\n";
	EXPECT(doc_tcvn3, doc_tcvn3_want, "TCVN3 (ABC)");
	EXPECT(in, want, "TCVN3 (ABC)");
}

static void test_vni(void **state)
{
	(void)state;
	static const char crlf[] = "Vie\xE4t Nam\r\nKe\xE1 hoa\xEF"
	                           "ch\r\n";
	EXPECT(doc_vni, doc, "VNI");
	EXPECT(crlf, "Việt Nam\r\nKế hoạch\r\n", "VNI");
}

static void test_mojibake(void **state)
{
	(void)state;
	EXPECT(doc_vni_mojibake, doc, "VNI as Windows-1252");
	EXPECT("Keá hoaïch", "Kế hoạch", "VNI as Windows-1252");
	EXPECT(doc_tcvn3_mojibake, doc_tcvn3_want, "TCVN3 (ABC) as Windows-1252");
}

/* s's UTF-8 bytes read one a character, as Windows-1252 (its five bytes
 * without one as their C1 control, or "�" when lossy) or Latin-1, and
 * written as UTF-8 again. */
static char *read_as_1252(const char *s, int how)
{
	static const uint16_t c1[32] = {
	        0x20AC, 0x81,   0x201A, 0x192,  0x201E, 0x2026, 0x2020, 0x2021, 0x2C6,  0x2030, 0x160,
	        0x2039, 0x152,  0x8D,   0x17D,  0x8F,   0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
	        0x2013, 0x2014, 0x2DC,  0x2122, 0x161,  0x203A, 0x153,  0x9D,   0x17E,  0x178};
	size_t n = strlen(s), k = 0;
	char *o = malloc(3 * n + 1);
	assert_non_null(o);
	for (size_t i = 0; i < n; i++) {
		unsigned char b = (unsigned char)s[i];
		utf8proc_int32_t cp = b >= 0x80 && b < 0xA0 && how ? c1[b - 0x80] : b;
		if (how == 2 && cp == b && b >= 0x80 && b < 0xA0)
			cp = 0xFFFD;
		k += (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)o + k);
	}
	o[k] = '\0';
	return o;
}

/* UTF-8 read as Windows-1252 or Latin-1 and saved again: undone where
 * every byte is had back; where some were lost, told at the line of the
 * first broken letter, and left as it is. */
static void test_twice(void **state)
{
	(void)state;
	EXPECT("K\xC3\xA1\xC2\xBA\xC2\xBF ho\xC3\xA1\xC2\xBA\xC2\xA1"
	       "ch",
	       "Kế hoạch", ENCODING_TWICE); /* "Káº¿ hoáº¡ch" */
	for (int how = 0; how < 2; how++) {
		char *in = read_as_1252(doc, how);
		expect_converted(in, strlen(in), doc, strlen(doc), ENCODING_TWICE);
		assert_int_equal(encoding_garbled_line(in, strlen(in)), 0);
		free(in);
	}
	/* "Á" is C3 81: its 0x81 lost on line 1; on line 3 when two lines
	 * of ASCII come first. */
	char *lossy = read_as_1252(doc, 2), *later = read_as_1252("Ke hoach\nso 1\n" HEAD, 2);
	assert_non_null(strstr(lossy, "\xEF\xBF\xBD"));
	assert_int_equal(encoding_garbled_line(lossy, strlen(lossy)), 1);
	assert_int_equal(encoding_garbled_line(later, strlen(later)), 3);
	expect_untouched(lossy, strlen(lossy));
	free(lossy);
	free(later);
	/* No such text: UTF-8 as it is, Latin-1 letters, VNI read as
	 * Windows-1252, ASCII with a "�". */
	const char *not[] = {doc, "caf\xC3\xA9 cr\xC3\xA8me \xC3\xA0 la fran\xC3\xA7"
	                          "aise",
	                     doc_vni_mojibake, "Ke hoach \xEF\xBF\xBD so 12 \xEF\xBF\xBD\n"};
	for (size_t i = 0; i < sizeof not / sizeof not[0]; i++)
		assert_int_equal(encoding_garbled_line(not[i], strlen(not[i])), 0);
	expect_untouched(not[1], strlen(not[1]));
}

static void test_random_is_unknown(void **state)
{
	(void)state;
	static char junk[4096];
	uint32_t x = 2463534242u;
	for (size_t i = 0; i < sizeof junk; i++) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		junk[i] = (char)(x >> 24);
	}
	char sentinel[1];
	char *out = sentinel;
	const char *name = NULL;
	assert_int_equal(encoding_to_utf8(junk, sizeof junk, &out, NULL, &name), ENCODING_UNKNOWN);
	assert_ptr_equal(out, sentinel);
	assert_non_null(name);
	assert_string_equal(name, REASON);
}

static void test_truncated_utf8(void **state)
{
	(void)state;
	static char in[sizeof doc + 2];
	static char want[sizeof doc + 3];
	size_t n = sizeof doc - 1;
	memcpy(in, doc, n);
	memcpy(in + n, "\xE1\xBB", 2); /* the first two bytes of "ệ" */
	memcpy(want, doc, n);
	memcpy(want + n, "\xEF\xBF\xBD", 3);
	expect_converted(in, n + 2, want, n + 3, "UTF-8 (có byte lỗi)");
	/* Every prefix of every encoding, cut anywhere, is handled. */
	const char *docs[] = {doc, doc_tcvn3, doc_cp1258, doc_vni, doc_vni_mojibake};
	for (size_t d = 0; d < sizeof docs / sizeof docs[0]; d++) {
		size_t len = strlen(docs[d]);
		for (size_t k = 0; k <= len; k++) {
			char *out = NULL;
			size_t outlen = 0;
			const char *name = NULL;
			int rc = encoding_to_utf8(docs[d], k, &out, &outlen, &name);
			if (rc == ENCODING_CONVERTED) {
				assert_non_null(out);
				assert_int_equal(out[outlen], '\0');
				free(out);
			}
			if (d == 0 && k > len / 2)
				assert_int_not_equal(rc, ENCODING_UNKNOWN);
		}
	}
}

static void test_long_combining_run(void **state)
{
	(void)state;
	/* UTF-16LE "a" and 40,000 alternating tone marks: stays fast. */
	size_t marks = 40000, n = 4 + 2 * marks;
	unsigned char *in = malloc(n);
	assert_non_null(in);
	memcpy(in,
	       "\xFF\xFE"
	       "a\x00",
	       4);
	for (size_t i = 0; i < marks; i++) {
		in[4 + 2 * i] = i % 2 ? 0x23 : 0x01;
		in[5 + 2 * i] = 0x03;
	}
	char *out = NULL;
	size_t len = 0;
	const char *name = NULL;
	assert_int_equal(encoding_to_utf8((const char *)in, n, &out, &len, &name),
	                 ENCODING_CONVERTED);
	assert_string_equal(name, "UTF-16LE");
	assert_non_null(strstr(out, "\xCD\x8F")); /* COMBINING GRAPHEME JOINER */
	assert_nfc(out, len);
	free(out);
	free(in);
}

static void test_embedded_nul(void **state)
{
	(void)state;
	static const char in[] = "\xEF\xBB\xBF"
	                         "a\0b";
	EXPECT(in, "a\0b", "UTF-8 BOM");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_ascii_and_utf8_untouched),
	        cmocka_unit_test(test_utf8_bom),
	        cmocka_unit_test(test_utf16),
	        cmocka_unit_test(test_cp1258),
	        cmocka_unit_test(test_tcvn3),
	        cmocka_unit_test(test_vni),
	        cmocka_unit_test(test_mojibake),
	        cmocka_unit_test(test_twice),
	        cmocka_unit_test(test_random_is_unknown),
	        cmocka_unit_test(test_truncated_utf8),
	        cmocka_unit_test(test_long_combining_run),
	        cmocka_unit_test(test_embedded_nul),
	        cmocka_unit_test(test_fonts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
