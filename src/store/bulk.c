/* bulk.c: what a bulk write leaves for the queries after it (store.h,
 * store_analyzed). */
#include "internal.h"

int store_analyzed(struct store *s, const char *tables, struct error *err)
{
	if (D != &pq_driver)
		return 0;
	char sql[256];
	snprintf(sql, sizeof sql, "ANALYZE %s", tables);
	return D->exec(s->db, sql, err);
}
