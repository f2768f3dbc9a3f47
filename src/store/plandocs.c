/* plandocs.c: plan documents stored once each (schema version 6): a plan
 * refers to its document (the JSON of `chitieu parse`) by the SHA-256 of
 * its text, so that a national plan imported by thousands of communes is
 * kept once. */
#include "driver.h"
#include "internal.h"

#include "util.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

void st_doc_hash(const char *doc, char out[65])
{
	unsigned char h[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(h, (const unsigned char *)doc, strlen(doc));
	sodium_bin2hex(out, 65, h, sizeof h);
}

int st_plan_doc_put(struct store *s, const char *doc, char hash[65], struct error *err)
{
	st_doc_hash(doc, hash);
	/* A document shared by many units is sent once, not with each. */
	struct stmt *st = st_prep(s, "SELECT 1 FROM plan_docs WHERE hash = ?", err);
	if (!st)
		return -1;
	D->bind_text(st, 1, hash);
	int have = D->step(st, err);
	st_done(s, st);
	if (have)
		return have < 0 ? -1 : 0;
	st = st_prep(s,
	             "INSERT INTO plan_docs (hash, doc) VALUES (?, ?)"
	             " ON CONFLICT (hash) DO NOTHING",
	             err);
	if (!st)
		return -1;
	D->bind_text(st, 1, hash);
	D->bind_text(st, 2, doc);
	int rc = D->step(st, err) < 0 ? -1 : 0;
	st_done(s, st);
	return rc;
}

/* From version 5: each plan's own copy of its document moves to
 * plan_docs, once per distinct text, and the column goes. */
int st_plan_docs_migrate(struct store *s, struct error *err)
{
	/* A plans table without doc is already in this form. */
	struct stmt *st = D->prepare(
	        s->db,
	        D == &sqlite_driver
	                ? "SELECT count(*) FROM pragma_table_info('plans') WHERE name = 'doc'"
	                : "SELECT count(*) FROM information_schema.columns WHERE table_schema ="
	                  " current_schema() AND table_name = 'plans' AND column_name = 'doc'",
	        err);
	int has = st ? D->step(st, err) : -1;
	bool old = has == 1 && D->col_int(st, 0) > 0;
	D->finalize(st);
	if (has < 0)
		return -1;
	if (!old)
		return 0;
	if (D->exec(s->db, "ALTER TABLE plans ADD COLUMN doc_hash TEXT REFERENCES plan_docs(hash)",
	            err))
		return -1;
	st = D->prepare(s->db, "SELECT id, doc FROM plans ORDER BY id", err);
	if (!st)
		return -1;
	struct row {
		int64_t id;
		char *doc;
	} *v = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = D->step(st, err)) == 1) {
		v = xgrow(v, &cap, n + 1, sizeof *v);
		v[n].id = D->col_int(st, 0);
		v[n++].doc = xstrdup(D->col_text(st, 1));
	}
	D->finalize(st);
	struct stmt *up =
	        rc < 0 ? NULL
	               : D->prepare(s->db, "UPDATE plans SET doc_hash = ? WHERE id = ?", err);
	rc = up ? 0 : -1;
	for (size_t i = 0; i < n && !rc; i++) {
		char hash[65];
		rc = st_plan_doc_put(s, v[i].doc, hash, err);
		if (!rc) {
			D->reset(up);
			D->bind_text(up, 1, hash);
			D->bind_int(up, 2, v[i].id);
			rc = D->step(up, err) < 0 ? -1 : 0;
		}
	}
	D->finalize(up);
	for (size_t i = 0; i < n; i++)
		free(v[i].doc);
	free(v);
	if (!rc)
		rc = D->exec(s->db, "ALTER TABLE plans DROP COLUMN doc", err);
	return rc;
}
