/* fuzz_docx.c: libFuzzer harness for the Word reader. The bytes are
 * word/document.xml, then (after a "\n@@\n") word/numbering.xml, then
 * word/styles.xml (the runs' fonts), packed
 * into a DOCX in memory and read by import_plan(); a plan that comes out is
 * rendered as JSON and as text. Build and run with scripts/fuzz.sh. */
#include "import_render.h"
#include "ooxml_pack.h"
#include "plan.h"

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = {"word/document.xml", "word/numbering.xml",
	                                    "word/styles.xml"};
	size_t n = 0;
	char *zip = pack((const char *)data, size, names, 3, NULL, NULL, &n);
	if (!zip)
		return 0;
	import_render(zip, n);
	free(zip);
	return 0;
}
