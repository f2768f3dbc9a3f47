/* fuzz_figure.c: the figure parser (figure.h) on any bytes, in both forms:
 * it reads a finite number or refuses, never crashes; what it reads is
 * written back (figure_write, figure_write_vi) and read again as the same
 * double, bit for bit; and the CSV cell writer never lets a formula through. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "figure.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void round_trip(double v)
{
	char text[FIGURE_SIZE];
	double back;
	figure_write(v, text);
	if (figure_read(text, FIGURE_MACHINE, &back) || memcmp(&back, &v, sizeof v))
		__builtin_trap();
	figure_write_vi(v, text);
	if (figure_read(text, FIGURE_TEXT, &back) || memcmp(&back, &v, sizeof v))
		__builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';
	for (int form = FIGURE_TEXT; form <= FIGURE_MACHINE; form++) {
		double v = 0;
		enum figure_read_rc rc = figure_read(s, (enum figure_form)form, &v);
		if (rc == FIGURE_OK) {
			if (!isfinite(v))
				__builtin_trap();
			round_trip(v);
		} else if (rc == FIGURE_AMBIGUOUS) {
			char d[FIGURE_SIZE], w[FIGURE_SIZE];
			double a, b;
			figure_readings(s, d, w); /* both readings are figures */
			if (form != FIGURE_TEXT || figure_read(d, FIGURE_TEXT, &a) ||
			    figure_read(w, FIGURE_TEXT, &b))
				__builtin_trap();
		}
	}
	struct buf b = BUF_INIT;
	csv_put_text(&b, s);
	const char *out = buf_str(&b);
	if (strchr("=+-@\t\r", out[0]) && out[0] && strcmp(out, "-"))
		__builtin_trap(); /* a cell never starts with a formula */
	if (out[0] == '"' && out[1] && strchr("=+-@\t\r", out[1]))
		__builtin_trap();
	buf_free(&b);
	free(s);
	return 0;
}
