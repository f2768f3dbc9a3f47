/* dhis2.h: DHIS2 data value sets (JSON and CSV), the format of the most used
 * system of this kind, both ways. The mapping (docs/exchange.md):
 *   dataElement          <-> indicator code ("I.3")
 *   orgUnit              <-> unit code
 *   period               <-> period: 202501 <-> 2025-01, 2025Q1 <-> 2025-Q1,
 *                            2025S1 <-> 2025-H1, 2025 <-> 2025 (9 months
 *                            have no DHIS2 period and are left out)
 *   a ratio              two data elements (numerator and denominator),
 *                        joined again by the caller (cmd_exchange.c)
 * No I/O. */
#ifndef CHITIEU_DHIS2_H
#define CHITIEU_DHIS2_H

#include "dhis2_uid.h"
#include "observation.h"
#include "period.h"

#include <stdbool.h>
#include <stddef.h>

/* value is text in DHIS2's machine form ("." decimal, no groups:
 * figure_read with FIGURE_MACHINE); a JSON number is kept as the number
 * itself in number (is_number), value then holds it written. Identifiers
 * (data_element, org_unit, coc, aoc) are as the file has them: UIDs or
 * codes (the caller maps them). */
struct dhis2_value {
	char *data_element, *period, *org_unit, *coc, *aoc, *value, *comment;
	char *stored_by, *last_updated;
	int line;  /* CSV line or JSON array index + 1 */
	int index; /* the value's place in the set, from 0 (DHIS2's conflict index) */
	bool is_number, followup, deleted;
	double number;
};

void dhis2_values_free(struct dhis2_value *v, size_t n);

/* Parse a dataValueSet: JSON {"dataValues": [...]} (a dataValueSet's own
 * period, orgUnit and attributeOptionCombo stand for a value's missing
 * ones) or CSV with a header in either of DHIS2's styles:
 * dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,
 * storedby,lastupdated,comment,followup,deleted (dhis2-core's writer; older
 * ones say "timestamp" for lastupdated, quote every cell and leave deleted
 * out) or catoptcombo/attroptcombo (column order free, names
 * case-insensitive). 0; or -1 with every problem (and its line or item) in
 * ps, *out then still holding what was read (free it), NULL when the file
 * itself is unreadable. A value marked deleted needs no value. */
int dhis2_parse_json(const char *data, size_t len, struct dhis2_value **out, size_t *n,
                     struct problems *ps);
int dhis2_parse_csv(const char *data, size_t len, struct dhis2_value **out, size_t *n,
                    struct problems *ps);

/* The header dhis2-core writes for a data value set in CSV (no newline). */
#define DHIS2_CSV_HEADER                                                                           \
	"dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,"      \
	"lastupdated,comment,followup,deleted"

/* A new random UID by the rules of dhis2_uid_ok (core/dhis2_uid.h; out: 12
 * bytes). 0, or -1 when the system gives no randomness. */
int dhis2_uid_new(char out[12]);

/* One object of a DHIS2 metadata export (/api/metadata): id (the UID),
 * code and name as given (code and name may be NULL). */
struct dhis2_object {
	char *id, *code, *name;
	int index; /* its place in its list, from 0 */
};
void dhis2_objects_free(struct dhis2_object *o, size_t n);
/* The organisationUnits and dataElements of a metadata export (either
 * list may be absent; every object needs an "id" that is a UID). 0, or -1
 * with every problem in ps (line: the object's place + 1) and nothing in
 * *ou and *de. */
int dhis2_parse_metadata(const char *data, size_t len, struct dhis2_object **ou, size_t *nou,
                         struct dhis2_object **de, size_t *nde, struct problems *ps);

/* "202501" -> "2025-01", "2025Q1" -> "2025-Q1", "2025S2" -> "2025-H2", "2025"
 * -> "2025": 0, or -1 for a period chitieu does not keep (weeks, days,
 * financial years). */
int dhis2_period_in(const char *dhis2, char out[PERIOD_NAME_SIZE]);
/* And back: 0, or -1 for nine months. */
int dhis2_period_out(const char *period, char out[PERIOD_NAME_SIZE]);

#endif
