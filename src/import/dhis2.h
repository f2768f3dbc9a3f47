/* dhis2.h: DHIS2 data value sets (JSON and CSV), the format of the most used
 * system of this kind, both ways. The mapping (docs/exchange.md):
 *   dataElement          <-> indicator code ("I.3")
 *   orgUnit              <-> unit code
 *   period               <-> period: 202501 <-> 2025-01, 2025Q1 <-> 2025-Q1,
 *                            2025S1 <-> 2025-H1, 2025 <-> 2025 (9 months
 *                            have no DHIS2 period and are left out)
 *   categoryOptionCombo  "NUM" and "DEN" carry a ratio's numerator and
 *                        denominator as two values; absent or anything
 *                        else: the figure itself (a number, a level name,
 *                        "true"/"false" for yes/no)
 * No I/O. */
#ifndef CHITIEU_DHIS2_H
#define CHITIEU_DHIS2_H

#include "observation.h"
#include "period.h"

#include <stdbool.h>
#include <stddef.h>

/* value is text in DHIS2's machine form ("." decimal, no groups:
 * figure_read with FIGURE_MACHINE); a JSON number is kept as the number
 * itself in number (is_number), value then holds it written. */
struct dhis2_value {
	char *data_element, *period, *org_unit, *coc, *value, *comment;
	int line; /* CSV line or JSON array index + 1 */
	bool is_number;
	double number;
};

void dhis2_values_free(struct dhis2_value *v, size_t n);

/* Parse a dataValueSet: JSON {"dataValues": [...]} or CSV with the header
 * dataelement,period,orgunit,catoptcombo,attroptcombo,value,... (column
 * order free, names case-insensitive). 0, or -1 with every problem (and its
 * line or item) in ps. */
int dhis2_parse_json(const char *data, size_t len, struct dhis2_value **out, size_t *n,
                     struct problems *ps);
int dhis2_parse_csv(const char *data, size_t len, struct dhis2_value **out, size_t *n,
                    struct problems *ps);

/* "202501" -> "2025-01", "2025Q1" -> "2025-Q1", "2025S2" -> "2025-H2", "2025"
 * -> "2025": 0, or -1 for a period chitieu does not keep (weeks, days,
 * financial years). */
int dhis2_period_in(const char *dhis2, char out[PERIOD_NAME_SIZE]);
/* And back: 0, or -1 for nine months. */
int dhis2_period_out(const char *period, char out[PERIOD_NAME_SIZE]);

#endif
