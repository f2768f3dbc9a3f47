/* fuzz_mhtml.c: libFuzzer harness for web pages saved as one file
 * (MHTML). Any bytes through mhtml_open(): a page found must come with
 * its length and every stylesheet with its address, and a refusal must
 * say its line; the page then through html_read_sheets() with its
 * stylesheets (every row naming a line of the page), then the bytes
 * through import_plan() (sniffing, charset, dispatch). Build and run with
 * `scripts/fuzz.sh fuzz_mhtml`. */
#include "html.h"
#include "import.h"
#include "mhtml.h"
#include "plan.h"
#include "table.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void read_page(const struct mhtml *m)
{
	for (size_t i = 0; i < m->nsheets; i++)
		if (!m->sheets[i].url || !m->sheets[i].text)
			abort(); /* a stylesheet kept has its address and text */
	struct lines l = {0};
	struct rows r = {0};
	int line = 0;
	free(html_read_sheets(m->html, m->len, m->sheets, m->nsheets, &l, &r, &line));
	for (size_t i = 0; i < r.n; i++)
		if (r.v[i].first < 1 || (size_t)r.v[i].last > l.n)
			abort(); /* every row names a line of the page */
	rows_free(&r);
	lines_free(&l);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	struct mhtml m;
	char *why = NULL;
	if (mhtml_open(s, size, &m, &why) == 0) {
		if (!m.html)
			abort(); /* read means a page found */
		read_page(&m);
	} else if (!why || strncmp(why, "dòng ", strlen("dòng ")) != 0) {
		abort(); /* a refusal says where */
	}
	free(why);
	mhtml_free(&m);
	(void)mhtml_sniff(s, size);
	struct plan p;
	struct error err = {0};
	if (import_plan(s, size, &p, &err) == 0)
		plan_free(&p);
	err_clear(&err);
	return 0;
}
