/* fuzz_csv.c: the CSV reader of `chitieu record --csv` and `unit import`
 * on any bytes: it parses or fails with a message, never crashes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct csv c;
	char *err = NULL;
	if (csv_parse((const char *)data, size, &c, &err)) {
		if (!err || !*err)
			__builtin_trap(); /* a failure always says why */
		free(err);
		return 0;
	}
	for (size_t i = 0; i < c.n; i++)
		for (int j = 0; j < c.rows[i].n; j++)
			if (strlen(c.rows[i].f[j]) > CSV_MAX_FIELD)
				__builtin_trap();
	csv_free(&c);
	return 0;
}
