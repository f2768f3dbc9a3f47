/* dhis2_uid.h: the form of a DHIS2 identifier, checked where the store keeps
 * one (uids.c, dump.c) and where a file brings one (import/dhis2.c). No I/O:
 * making a new one (dhis2_uid_new, randomness) stays in import/dhis2.h. */
#ifndef CHITIEU_DHIS2_UID_H
#define CHITIEU_DHIS2_UID_H

#include <stdbool.h>

/* A DHIS2 UID: 11 characters, letters and digits, the first a letter
 * (CodeGenerator.isValidUid). */
bool dhis2_uid_ok(const char *uid);

#endif
