/* fuzz_encoding.c: libFuzzer harness for encoding_to_utf8; a converted
 * result must be NUL-terminated at its length. */
#include "encoding.h"

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *out = NULL;
	size_t len = 0;
	const char *name = NULL;
	int rc = encoding_to_utf8((const char *)data, size, &out, &len, &name);
	if (rc == ENCODING_CONVERTED) {
		if (!out || !name || out[len] != '\0')
			abort();
		free(out);
	} else if (rc != ENCODING_UTF8 && rc != ENCODING_UNKNOWN) {
		abort();
	}
	return 0;
}
