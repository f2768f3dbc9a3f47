/* fuzz_rtf.c: libFuzzer harness for the RTF reader (rtf.c). The bytes are
 * a whole .rtf read by import_plan() (told by its "{\rtf": put before bytes
 * that do not start so, to reach the reader); a plan that comes out is
 * rendered as JSON and as text. Build and run with scripts/fuzz.sh. */
#include "import_render.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char head[] = "{\\rtf1 ";
	if (size >= 5 && !memcmp(data, head, 5)) {
		import_render((const char *)data, size);
		return 0;
	}
	char *buf = malloc(sizeof head - 1 + size + 1);
	if (!buf)
		return 0;
	memcpy(buf, head, sizeof head - 1);
	memcpy(buf + sizeof head - 1, data, size);
	import_render(buf, sizeof head - 1 + size);
	free(buf);
	return 0;
}
