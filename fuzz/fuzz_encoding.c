/* fuzz_encoding.c: libFuzzer harness for encoding_to_utf8; a converted
 * result must be NUL-terminated at its length. encoding_garbled_line: text
 * it calls garbled is left as it is, and its line is one the text has. */
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
	size_t line = encoding_garbled_line((const char *)data, size), lines = 1;
	for (size_t i = 0; i < size; i++)
		lines += data[i] == '\n';
	if (line && (rc != ENCODING_UTF8 || line > lines))
		abort();
	return 0;
}
