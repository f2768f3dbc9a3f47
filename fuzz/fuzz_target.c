/* fuzz_target.c: libFuzzer harness for target cells. The input is a cell,
 * optionally followed by '\n' and a unit ("≥ 70\n%"). The cell is parsed
 * whole and turned into JSON; then it is split on '|' into up to five cells
 * of one indicator's row ("Khá|Tốt|Duy trì"), each parsed with the unit, and
 * the row is ranked with target_rank_row(). Build and run with `make fuzz`. */
#include "plan.h"
#include "target.h"

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ROW_CELLS 5

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = malloc(size + 1);
	if (!buf)
		return 0;
	memcpy(buf, data, size);
	buf[size] = '\0';

	char *cell = buf, *unit = NULL;
	char *nl = strchr(buf, '\n');
	if (nl) {
		*nl = '\0';
		unit = nl + 1;
	}

	struct target t;
	target_parse(cell, unit, &t);
	json_t *j = target_to_json(&t);
	char *s = json_dumps(j, 0);
	free(s);
	json_decref(j);
	target_free(&t);

	struct target row[ROW_CELLS];
	int n = 0;
	char *part = cell;
	while (n < ROW_CELLS) {
		char *bar = strchr(part, '|');
		if (bar)
			*bar = '\0';
		target_parse(part, unit, &row[n++]);
		if (!bar)
			break;
		part = bar + 1;
	}
	target_rank_row(row, n);
	for (int i = 0; i < n; i++) {
		json_t *r = target_to_json(&row[i]);
		json_decref(r);
		target_free(&row[i]);
	}

	free(buf);
	return 0;
}
