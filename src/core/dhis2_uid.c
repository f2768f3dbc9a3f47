/* dhis2_uid.c: the form of a DHIS2 identifier (dhis2_uid.h). */
#include "dhis2_uid.h"

#include <ctype.h>
#include <string.h>

bool dhis2_uid_ok(const char *u)
{
	if (!u || strlen(u) != 11 || !isalpha((unsigned char)u[0]) || (unsigned char)u[0] >= 0x80)
		return false;
	for (int i = 1; i < 11; i++)
		if (!isalnum((unsigned char)u[i]) || (unsigned char)u[i] >= 0x80)
			return false;
	return true;
}
