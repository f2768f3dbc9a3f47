/* fuzz_html.c: libFuzzer harness for the HTML reader. Any bytes go through
 * html_read() (as the page's text, whatever it holds), the rows it makes
 * through interpret_rows() and its lines through meta_read(); then the same
 * bytes behind "<!DOCTYPE html>" through import_plan(), which sniffs the
 * charset and dispatches to the reader. Build and run with
 * `scripts/fuzz.sh fuzz_html`. */
#include "html.h"
#include "import.h"
#include "plan.h"
#include "table.h"
#include "util.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	struct lines l = {0};
	struct rows r = {0};
	struct plan p;
	plan_init(&p);
	int doubt_line = 0;
	char *doubt = html_read(s, size, &l, &r, &doubt_line);
	if (doubt && (doubt_line < 1 || (size_t)doubt_line > l.n + 1))
		abort(); /* a grid read as text names its line */
	free(doubt);
	for (size_t i = 0; i < r.n; i++)
		if (r.v[i].first < 1 || (size_t)r.v[i].last > l.n)
			abort(); /* every row names a line of the page */
	meta_read(&l, &p);
	interpret_rows(&r, &p);
	rows_free(&r);
	lines_free(&l);
	plan_free(&p);
	(void)html_charset(s, size);

	static const char head[] = "<!DOCTYPE html>";
	char *doc = xmalloc(sizeof head - 1 + size);
	memcpy(doc, head, sizeof head - 1);
	memcpy(doc + sizeof head - 1, data, size);
	struct error err = {0};
	if (import_plan(doc, sizeof head - 1 + size, &p, &err) == 0)
		plan_free(&p);
	err_clear(&err);
	free(doc);
	return 0;
}
