/* fuzz_xlsx.c: libFuzzer harness for the Excel reader. The bytes are
 * xl/worksheets/sheet1.xml, then (each after a "\n@@\n") xl/sharedStrings.xml
 * and xl/styles.xml, packed with a workbook of one sheet into an XLSX in
 * memory and read by import_plan(); a plan that comes out is rendered as
 * JSON and as text. Build and run with scripts/fuzz.sh. */
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
	static const char *const names[] = {"xl/worksheets/sheet1.xml", "xl/sharedStrings.xml",
	                                    "xl/styles.xml"};
	size_t n = 0;
	char *zip = pack((const char *)data, size, names, 3, "xl/workbook.xml",
	                 "<workbook><sheets><sheet name=\"1\"/></sheets></workbook>", &n);
	if (!zip)
		return 0;
	import_render(zip, n);
	free(zip);
	return 0;
}
