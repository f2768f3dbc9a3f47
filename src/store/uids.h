/* uids.h: the DHIS2 identifiers (UIDs) of units and indicators (schema
 * version 7, the dhis2_uids table): what `chitieu exchange` writes in
 * place of chitieu's codes, and reads back. docs/exchange.md. */
#ifndef CHITIEU_UIDS_H
#define CHITIEU_UIDS_H

#include "store.h"

#include <stddef.h>

#include "error.h"

/* One mapping: a unit (code NULL; part "unit" its organisation unit,
 * "indicator_type" the percent type of its metadata) or one of its current
 * indicators (code; part "value" the figure's data element, "num" and
 * "den" a ratio's numerator and denominator data elements, "indicator"
 * the DHIS2 Indicator num/den). */
struct uid_rec {
	char *unit, *code, *part, *uid;
};
void uid_recs_free(struct uid_rec *r, size_t n);

/* Every mapping, by unit code, indicator code and part. Indicators whose
 * series is no longer in the unit's plan (a code "X~vN") are left out. */
int store_uid_list(struct store *s, struct uid_rec **out, size_t *n, struct error *err);

/* Set the UIDs of recs (each unit and indicator must exist; a UID checked
 * by dhis2_uid_ok) in one transaction: a key's earlier UID is replaced; a
 * UID already naming something else is refused (ERR_DUPLICATE). All or
 * nothing: 0, or -1 with *err "[CODE] ..." naming the record (index + 1).
 * Each change goes to the audit log as by. */
int store_uid_set(struct store *s, const struct uid_rec *recs, size_t n, const char *by,
                  struct error *err);

#endif
