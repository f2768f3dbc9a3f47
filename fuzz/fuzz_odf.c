/* fuzz_odf.c: libFuzzer harness for the OpenDocument reader. The bytes are
 * content.xml, then (after a "\n@@\n") styles.xml, then the mimetype (a
 * text, a spreadsheet, another kind, or none: told by the body), packed
 * into a ZIP in memory and read by import_plan(); a plan that comes out is
 * rendered as JSON and as text. Bytes that start as XML ("<?xml", "<office")
 * are read as they are: a flat file (.fodt, .fods). Build and run with
 * scripts/fuzz.sh. */
#include "import_render.h"
#include "ooxml_pack.h"
#include "plan.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = {"content.xml", "styles.xml", "mimetype"};
	if ((size >= 5 && !memcmp(data, "<?xml", 5)) || (size >= 7 && !memcmp(data, "<office", 7))) {
		import_render((const char *)data, size);
		return 0;
	}
	size_t n = 0;
	char *zip = pack((const char *)data, size, names, 3, NULL, NULL, &n);
	if (!zip)
		return 0;
	import_render(zip, n);
	free(zip);
	return 0;
}
