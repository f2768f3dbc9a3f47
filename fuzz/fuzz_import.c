/* fuzz_import.c: libFuzzer harness for the document importer. Any bytes go
 * through import_plan(); a plan that comes out is also rendered as JSON and as
 * the text summary, so the renderers see whatever the importer lets through.
 * Build and run with `make fuzz` (scripts/fuzz.sh). */
#include "import.h"
#include "plan.h"

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct plan p;
	char *err = NULL;
	if (import_plan((const char *)data, size, &p, &err) == 0) {
		json_t *j = plan_to_json(&p);
		char *s = json_dumps(j, 0);
		free(s);
		json_decref(j);
		char *t = plan_to_text(&p, "fuzz");
		free(t);
		plan_free(&p);
	} else {
		free(err);
	}
	return 0;
}
