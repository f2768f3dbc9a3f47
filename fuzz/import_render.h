/* import_render.h: what the document harnesses do with their bytes: read
 * them with import_plan() and, when a plan comes out, render it as JSON and
 * as text (so the writers see every plan the readers can make). */
#ifndef CHITIEU_FUZZ_IMPORT_RENDER_H
#define CHITIEU_FUZZ_IMPORT_RENDER_H

#include "import.h"
#include "plan.h"

#include <jansson.h>
#include <stdlib.h>

static void import_render(const char *data, size_t n)
{
	struct plan p;
	struct error err = {0};
	if (import_plan(data, n, &p, &err) == 0) {
		json_t *j = plan_to_json(&p);
		char *s = json_dumps(j, 0);
		free(s);
		json_decref(j);
		char *t = plan_to_text(&p, "fuzz");
		free(t);
		plan_free(&p);
	} else {
		err_clear(&err);
	}
}

#endif
