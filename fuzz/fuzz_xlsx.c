/* fuzz_xlsx.c: libFuzzer harness for the Excel reader. The bytes are
 * xl/worksheets/sheet1.xml, then (each after a "\n@@\n") xl/sharedStrings.xml
 * and xl/styles.xml, packed with a workbook of one sheet into an XLSX in
 * memory and read by import_plan(); a plan that comes out is rendered as
 * JSON and as text. The same package is read by xlsx_sheet_csv() (the figures
 * import page's reader), whose text must parse as CSV or be refused with a
 * reason. Build and run with scripts/fuzz.sh. */
#include "csv.h"
#include "import_render.h"
#include "ooxml_pack.h"
#include "plan.h"
#include "xlsx_sheet.h"

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
	size_t len = 0;
	struct error err = {0};
	char *text = xlsx_sheet_csv(zip, n, &len, &err);
	if (!text == !err.msg)
		__builtin_trap(); /* exactly one of the text and a reason */
	if (text) {
		struct csv t = {0};
		struct error cerr = {0}; /* a cell past CSV_MAX_FIELD is refused */
		if (!csv_parse(text, len, &t, &cerr))
			csv_free(&t);
		err_clear(&cerr);
	}
	free(text);
	err_clear(&err);
	free(zip);
	return 0;
}
