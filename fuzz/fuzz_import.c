/* fuzz_import.c: libFuzzer harness for the document importer. Any bytes go
 * through import_plan(); a plan that comes out is also rendered as JSON and as
 * the text summary, so the renderers see whatever the importer lets through.
 * Build and run with `make fuzz` (scripts/fuzz.sh). */
#include "import_render.h"
#include "plan.h"

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	import_render((const char *)data, size);
	return 0;
}
