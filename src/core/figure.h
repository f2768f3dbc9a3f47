/* figure.h: a reported figure as text, both ways, by one rule (README,
 * "Figures"; docs/exchange.md for the machine formats). No I/O.
 *
 * Text typed by people (CLI, CSV, the web form, a JSON string): "," is the
 * decimal mark and "." groups thousands ("2,5", "1.234.567", "2.125,5");
 * a lone "." is also taken as the decimal mark ("2.5", "0.125",
 * "12345.678") except where it could be either: one dot followed by
 * exactly three digits, no comma, one to three digits before it not
 * starting with 0 ("2.125", "1.234"). That is refused as ambiguous, never
 * guessed. An exponent ("1,5e-3") is allowed after a figure without
 * thousands groups.
 *
 * Machine formats (DHIS2 CSV and JSON strings): JSON's number grammar,
 * "." decimal, no groups, exponents allowed. Written back with the
 * shortest text that reads back as the same double, bit for bit. */
#ifndef CHITIEU_FIGURE_H
#define CHITIEU_FIGURE_H

#include <stdbool.h>

#define FIGURE_SIZE 40 /* enough for any double written by figure_write */

enum figure_form {
	FIGURE_TEXT,    /* as people write it, the Vietnamese rule above */
	FIGURE_MACHINE, /* "." decimal, no groups: DHIS2, dumps */
};

enum figure_read_rc {
	FIGURE_OK = 0,
	FIGURE_NOT_NUMBER, /* not a figure under the rule */
	FIGURE_AMBIGUOUS,  /* "2.125": 2,125 or 2125; ask */
};

/* Read s (spaces around allowed, a leading "-" allowed) into *v. Returns
 * FIGURE_OK, or why not; *v is then untouched. Infinite and NaN results
 * are FIGURE_NOT_NUMBER. */
enum figure_read_rc figure_read(const char *s, enum figure_form form, double *v);

/* The two readings of an ambiguous figure: "2.125" -> "2,125" and "2125",
 * each as the unambiguous text form. */
void figure_readings(const char *s, char decimal[FIGURE_SIZE], char whole[FIGURE_SIZE]);

/* v as the shortest "%.*g" text ("." decimal) that figure_read(...,
 * FIGURE_MACHINE) and strtod read back as exactly v. */
void figure_write(double v, char out[FIGURE_SIZE]);
/* The same with "," as the decimal mark: what the web form shows, read back
 * exactly by figure_read(..., FIGURE_TEXT). */
void figure_write_vi(double v, char out[FIGURE_SIZE]);
/* The same with the thousands grouped by "." ("1.234.567,5", "-2.125"),
 * for reading on a page, never for a form: "2.125" would read back as
 * ambiguous. An exponent form ("1e+20") is left ungrouped. */
void figure_show_vi(double v, char out[FIGURE_SIZE]);

#endif
