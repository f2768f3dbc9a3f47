/* fuzz_dhis2.c: DHIS2 data value sets, JSON (first byte even) or CSV (odd),
 * on any bytes: parsed, or refused with at least one problem; never a crash.
 * Every period accepted must name a period chitieu keeps. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dhis2.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!size)
		return 0;
	struct dhis2_value *v;
	size_t n;
	struct problems ps = {0};
	const char *text = (const char *)data + 1;
	int rc = data[0] % 2 ? dhis2_parse_csv(text, size - 1, &v, &n, &ps)
	                     : dhis2_parse_json(text, size - 1, &v, &n, &ps);
	if (rc && !ps.n)
		__builtin_trap(); /* a refusal always says why */
	for (size_t i = 0; !rc && i < n; i++) {
		char p[PERIOD_NAME_SIZE], back[PERIOD_NAME_SIZE];
		if (dhis2_period_in(v[i].period, p) || dhis2_period_out(p, back))
			__builtin_trap();
	}
	if (!rc)
		dhis2_values_free(v, n);
	problems_free(&ps);
	return 0;
}
