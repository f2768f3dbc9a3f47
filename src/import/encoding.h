/* encoding.h: recognise legacy Vietnamese encodings and convert to UTF-8. */
#ifndef CHITIEU_ENCODING_H
#define CHITIEU_ENCODING_H

#include <stddef.h>
#include <stdint.h>

enum encoding_result { ENCODING_UTF8 = 0, ENCODING_CONVERTED = 1, ENCODING_UNKNOWN = -1 };

/* in[0..n): raw bytes of a document. Returns ENCODING_UTF8 when it is already
 * valid UTF-8 that needs nothing (out untouched); ENCODING_CONVERTED when it was
 * recognised and converted: *out is a new NUL-terminated UTF-8 (NFC) string the
 * caller frees, *outlen its length, *name a static name like "TCVN3 (ABC)",
 * "VNI", "Windows-1258", "UTF-16LE"; ENCODING_UNKNOWN when it is neither UTF-8 nor
 * recognisable (*name may point to a short Vietnamese reason). Never crashes on any input, linear
 * time. */
int encoding_to_utf8(const char *in, size_t n, char **out, size_t *outlen, const char **name);

/* The same for a document that names its charset ("windows-1258",
 * "windows-1252", as html_charset gives): decoded that way, NFC; another or
 * NULL charset falls back to encoding_to_utf8. */
int encoding_decode_as(const char *in, size_t n, const char *charset, char **out, size_t *outlen,
                       const char **name);

/* The name encoding_to_utf8 gives text that was UTF-8 read as Windows-1252
 * (or Latin-1) and saved as UTF-8 again ("Káº¿ hoáº¡ch" for "Kế hoạch"),
 * every character one byte of the original: its bytes read as UTF-8. */
#define ENCODING_TWICE "UTF-8 mã hóa hai lần"

/* The same text where bytes were lost on the way ("�" for the bytes
 * Windows-1252 has no character for, a soft hyphen dropped), so it cannot
 * be undone: the line (1-based) of s[0..n)'s first broken letter; 0 when
 * s is no such text. */
size_t encoding_garbled_line(const char *s, size_t n);

/* The character of a Windows-1252 byte (0x80-0x9F as Windows maps them;
 * the five bytes it leaves undefined their C1 code points). */
uint32_t encoding_cp1252(unsigned char c);
/* The character of a Windows-1258 byte (0xCC, 0xD2, 0xDE, 0xEC, 0xF2 the
 * combining tone marks). */
uint32_t encoding_cp1258(unsigned char c);

struct buf;
/* The character cp appended to b as UTF-8 (a surrogate or a code point
 * beyond U+10FFFF as U+FFFD). */
void encoding_put_utf8(struct buf *b, uint32_t cp);

/* Fonts of before Unicode whose letters are bytes of a table of their own
 * (a word processor keeps each byte as its Windows-1252 character:
 * "Kõ ho¹ch" in .VnTime shows "Kế hoạch"): TCVN3 (ABC) fonts (".VnTime"),
 * their capitals fonts (".VnTimeH", lower-case bytes shown as capitals),
 * VNI-Windows fonts ("VNI-Times"). */
enum encoding_font {
	ENCODING_FONT_NONE,
	ENCODING_FONT_TCVN3,
	ENCODING_FONT_TCVN3_CAPS,
	ENCODING_FONT_VNI
};
/* The family of a font's name (NULL: none). */
enum encoding_font encoding_font_of(const char *name);
/* Text s[0..n) (UTF-8) of a run in font f, as the font shows it, appended
 * to out in NFC; a character with no Windows-1252 byte kept as it is. */
struct buf;
void encoding_font_text(enum encoding_font f, const char *s, size_t n, struct buf *out);

#endif
