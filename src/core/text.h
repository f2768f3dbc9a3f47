/* text.h: Vietnamese text helpers with no I/O: UTF-8 checks, cleaning of
 * table cells, folding of case and diacritics (đ -> d), word tokens with the
 * common administrative abbreviations expanded, and name similarity. */
#ifndef CHITIEU_TEXT_H
#define CHITIEU_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* True when s[0..n) is valid UTF-8; otherwise *bad gets the offset of the
 * first bad byte. */
bool text_valid_utf8(const char *s, size_t n, size_t *bad);

/* A cell as a person reads it: HTML tags, markdown bold and LaTeX math
 * delimiters removed, NBSP and runs of white space folded to one space,
 * trimmed, NFC. The caller frees the result. */
char *text_clean(const char *s);

/* Lower case, no diacritics, đ -> d, white space collapsed. Caller frees. */
char *text_fold(const char *s);

/* Words of the folded text (ASCII letters and digits), abbreviations such as
 * TTHC, DVC, CĐS, ĐMST, KHCN expanded into their words. */
struct words {
	char **w;
	size_t n, cap;
};
void text_words(const char *s, struct words *out);
/* The folded words an abbreviation stands for ("tthc" -> "thu tuc hanh
 * chinh"), given the folded word s[0..n); NULL when it is none. Static. */
const char *text_abbrev(const char *s, size_t n);
void words_free(struct words *w);

/* The words of s as a set: sorted, each once. */
void text_word_set(const char *s, struct words *out);

/* Dice coefficient of two word sets from text_word_set; 0 when they carry
 * different numbers. */
double text_similarity_sets(const struct words *a, const struct words *b);

/* 0..1: how alike two indicator names are (Dice over word sets). Names that
 * carry different numbers ("5G" and "6G") are never alike: 0. */
double text_similarity(const char *a, const char *b);

/* 0..1: 1 minus the edit distance of the folded letters and digits over
 * the longer length ("HĐND" and "HỘND" differ by one letter). */
double text_edit_similarity(const char *a, const char *b);

/* A copy of s with its first letter in lower case. Caller frees. */
char *text_lower_first(const char *s);

/* A copy of at most n code points of s, with "…" when it was cut. */
char *text_prefix(const char *s, size_t n);

/* The text in capitals, Vietnamese letters included ("Xã An Bình" -> "XÃ AN
 * BÌNH"). Caller frees. */
char *text_upper(const char *s);

/* Number of code points. */
size_t text_len(const char *s);

/* 1 when the first letter-or-digit of s is an upper-case letter, 0 when it is
 * a lower-case letter, -1 otherwise (digit, empty). Leading quotes and
 * brackets are skipped. */
int text_case_start(const char *s);

/* Value of a Roman numeral "I".."XX" (a trailing '.' allowed), else 0. */
int text_roman(const char *s);
/* Roman numeral for 1..39 into a static string. */
const char *text_to_roman(int v);
/* The year 1990..2100 the word w[0..n) is (four digits), else 0. */
int text_year(const char *w, size_t n);
/* The year (text_year) whose four digits start at p in s, with no digit
 * either side, else 0. */
int text_year_at(const char *s, const char *p);
/* The first year standing alone in s (text_year_at), else 0; *at (when
 * not NULL) where it starts. */
int text_find_year(const char *s, const char **at);
/* The later year of a period "2025-2030" ("2025 - 2030", "2025–2030",
 * "2025—2030") whose first year (text_year_at) starts at p in s, else 0;
 * *after (when not NULL) just past it. */
int text_period_end(const char *s, const char *p, const char **after);

/* a and b the same with every character skip left out: a header whose
 * glyphs were placed apart ("C ơ quan", skip ' '), a code read without its
 * dots ("I2" for "I.2", skip '.'). */
bool text_same_but(const char *a, const char *b, char skip);
/* True when the folded form of s starts with the folded prefix. */
bool text_fold_starts(const char *s, const char *folded_prefix);
/* True when the folded form of s contains the folded needle. */
bool text_fold_has(const char *s, const char *folded_needle);

#endif
