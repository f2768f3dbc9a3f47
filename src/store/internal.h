/* internal.h: what the files of the store share: the store itself and its
 * helpers. Not for use outside src/store. */
#ifndef CHITIEU_STORE_INTERNAL_H
#define CHITIEU_STORE_INTERNAL_H

#include "driver.h"
#include "store.h"

#define CACHE 64

/* Tables added in schema version 2 (accounts), written once for both
 * backends: ID is the backend's id column, INT its integer type. */
#define SCHEMA_V2(ID, INT)                                                                         \
	"CREATE TABLE IF NOT EXISTS users ("                                                       \
	" id " ID ", login TEXT NOT NULL UNIQUE, name TEXT NOT NULL,"                              \
	" role TEXT NOT NULL CHECK (role IN ('admin','office','reporter','viewer')),"              \
	" unit_id " INT " REFERENCES units(id), agency TEXT, pw_hash TEXT NOT NULL,"               \
	" disabled " INT " NOT NULL DEFAULT 0, created_at TEXT NOT NULL);"                         \
	"CREATE TABLE IF NOT EXISTS api_tokens ("                                                  \
	" id " ID ", user_id " INT " NOT NULL REFERENCES users(id),"                               \
	" token_hash TEXT NOT NULL UNIQUE, label TEXT NOT NULL, created_at TEXT NOT NULL,"         \
	" revoked " INT " NOT NULL DEFAULT 0);"

struct store {
	const struct driver *d;
	void *db;
	struct cached {
		const char *sql; /* a string literal: its address is the key */
		struct stmt *st;
	} cache[CACHE];
	int ncache;
};

#define D (s->d)

/* The newest plan version of a unit (one parameter: the unit id). */
#define CURRENT_PLAN "(SELECT id FROM plans WHERE unit_id = ? ORDER BY version DESC LIMIT 1)"

/* A prepared statement made once per store and reused; give it back. */
struct stmt *st_prep(struct store *s, const char *sql, char **err);
void st_done(struct store *s, struct stmt *st);
/* Now, UTC, ISO 8601 to the second. */
void st_now(char out[32]);
char *st_dup(const char *s);
/* Step st (NULL: a failed st_prep, -1) to its end, each row read by read
 * into a new element (size bytes, zeroed) of the array *out. */
int st_collect(struct store *s, struct stmt *st, void **out, size_t *n, size_t size,
               void (*read)(struct store *, struct stmt *, void *), char **err);
/* Append to the audit log (errors ignored: the action itself succeeded). */
void st_audit(struct store *s, const char *actor, const char *action, const char *entity,
              int64_t id, const char *detail);
/* Run a statement whose text parameters are a, b (and c when not NULL). */
int st_run3(struct store *s, const char *sql, const char *a, const char *b, const char *c,
            char **err);

#endif
