/* legacy.c: the older formats told by their first bytes: OLE2 compound
 * files (doc.c reads those of Word, xls.c those of Excel) and RTF (rtf.c). */
#include "legacy.h"

#include <string.h>

static const unsigned char ole_magic[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};

bool legacy_is_ole(const char *data, size_t n)
{
	return n >= sizeof ole_magic && !memcmp(data, ole_magic, sizeof ole_magic);
}

bool legacy_is_rtf(const char *data, size_t n)
{
	size_t i = 0;
	if (n >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3))
		i = 3;
	while (i < n && i < 64 &&
	       (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
		i++;
	return n - i >= 5 && !memcmp(data + i, "{\\rtf", 5);
}
