/* agency.h: who an agency is, however its name is written in a plan:
 * "Văn phòng HĐND-UBND", "Văn phòng HĐND và UBND" and the typo "Văn phòng
 * HỘND - UBND" are one agency; a cell "A; B; C" names three. No I/O. */
#ifndef CHITIEU_AGENCY_H
#define CHITIEU_AGENCY_H

#include <stddef.h>

/* Names at least this alike (agency_likeness) are one agency. */
#define AGENCY_SAME 0.85

/* The name as a key: words, abbreviations spelled out, no punctuation, no
 * "và". Caller frees. */
char *agency_key(const char *name);

/* How alike two agency names are: 2 for the same key, else the Dice
 * similarity of their words, or their letter-level similarity when that is
 * at least 0.92 (a typo). */
double agency_likeness(const char *a, const char *b);
/* The same with each name's agency_key given (ka, kb): what a caller
 * scoring one name against many computes once. */
double agency_likeness_keyed(const char *a, const char *ka, const char *b, const char *kb);

/* The agencies a cell names ("A; B", and a department run on without ";"),
 * trimmed. *out and each name are the caller's to free; returns how many. */
size_t agency_split(const char *cell, char ***out);

#endif
