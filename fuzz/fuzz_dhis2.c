/* fuzz_dhis2.c: DHIS2 inputs on any bytes, by the first byte: a data value
 * set in JSON (0) or CSV (1, either header style), or a metadata export
 * (2: organisationUnits and dataElements). Parsed, or refused with at least
 * one problem; never a crash. Every period accepted must name a period
 * chitieu keeps; every metadata id accepted must be a UID. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dhis2.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!size)
		return 0;
	struct problems ps = {0};
	const char *text = (const char *)data + 1;
	if (data[0] % 3 == 2) {
		struct dhis2_object *ou, *de;
		size_t nou, nde;
		int rc = dhis2_parse_metadata(text, size - 1, &ou, &nou, &de, &nde, &ps);
		if (rc && !ps.n)
			__builtin_trap(); /* a refusal always says why */
		for (size_t i = 0; !rc && i < nou + nde; i++)
			if (!dhis2_uid_ok(i < nou ? ou[i].id : de[i - nou].id))
				__builtin_trap();
		dhis2_objects_free(ou, nou);
		dhis2_objects_free(de, nde);
		problems_free(&ps);
		return 0;
	}
	struct dhis2_value *v;
	size_t n;
	int rc = data[0] % 3 ? dhis2_parse_csv(text, size - 1, &v, &n, &ps)
	                     : dhis2_parse_json(text, size - 1, &v, &n, &ps);
	if (rc && !ps.n)
		__builtin_trap(); /* a refusal always says why */
	for (size_t i = 0; !rc && i < n; i++) {
		char p[PERIOD_NAME_SIZE], back[PERIOD_NAME_SIZE];
		if (dhis2_period_in(v[i].period, p) || dhis2_period_out(p, back))
			__builtin_trap();
		if (!v[i].value && !v[i].deleted)
			__builtin_trap(); /* only a deleted value may lack one */
	}
	dhis2_values_free(v, n);
	problems_free(&ps);
	return 0;
}
