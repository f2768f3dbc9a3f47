/* fuzz_doc.c: libFuzzer harness for the Word 97–2003 reader. The bytes
 * are a whole .doc (an OLE2 compound file: cfb.c, then doc.c) read by
 * import_plan(); a plan that comes out is rendered as JSON and as text.
 * Build and run with scripts/fuzz.sh. */
#include "import_render.h"

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	import_render((const char *)data, size);
	return 0;
}
