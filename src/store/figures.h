/* figures.h: how a figure is stored since schema 11 (issue 13: ≤ 40 bytes
 * a figure on SQLite, ≤ 80 on PostgreSQL). Internal to src/store.
 *
 * figures holds one row per unit indicator and period, keyed by (series_id,
 * period) (WITHOUT ROWID on SQLite: one b-tree, no second unique index),
 * its status a small number (0 draft, 1 submitted, 2 approved, 3 returned),
 * who recorded it and when in entries (one row per write: a CSV of a
 * million figures is one entry). Since schema 12 the period is its code
 * (PERIOD_CODE: 2025-03 is 202503) and figures keeps the value, yes and
 * level only, eight columns (on PostgreSQL a row of 48 bytes: a header with
 * its null bitmap in 24, then 24 bytes of data, the 8-byte value first);
 * the rarely set fields (num, den, note, evidence, review) live in
 * figure_extras, a row only for a figure that has one. A figure's id, that
 * observation_history and the audit log refer to, is its key as one number
 * (FIGURE_ID), not stored. The view observations shows the columns of
 * schema 1 to readers (id, period as text, status as text, recorded_by and
 * recorded_at) and period_code (a join by period_code = PERIOD_CODE(...)
 * uses the key; one by the period's text only its series_id); writers
 * write figures and figure_extras. */
#ifndef CHITIEU_FIGURES_H
#define CHITIEU_FIGURES_H

#include "driver.h"

#include <stddef.h>
#include <stdint.h>

struct store;

/* clang-format off */

/* A figure's status as its code in figures.status: one parameter, text. */
#define FIGURE_STATUS_CODE \
	"CASE CAST(? AS TEXT) WHEN 'draft' THEN 0 WHEN 'submitted' THEN 1" \
	" WHEN 'approved' THEN 2 WHEN 'returned' THEN 3 END"

/* The code of a period p (a column or expression without parameters, as
 * period_parse reads it): year x 100 + the period in its year (a month
 * 1-12, quarter 21-24, half 31-32, nine months 40, the year 0). */
#define PERIOD_CODE(p) \
	"(CAST(substr(" p ", 1, 4) AS BIGINT) * 100" \
	" + CASE WHEN length(" p ") = 4 THEN 0" \
	" WHEN upper(substr(" p ", 6, 1)) = 'Q' THEN 20 + CAST(substr(" p ", 7, 1) AS BIGINT)" \
	" WHEN upper(substr(" p ", 6, 1)) = 'H' THEN 30 + CAST(substr(" p ", 7, 1) AS BIGINT)" \
	" WHEN upper(substr(" p ", 6, 2)) = '9M' THEN 40" \
	" ELSE CAST(substr(" p ", 6, 2) AS BIGINT) END)"

/* The period of a code c (a column) as period_format writes it. */
#define PERIOD_TEXT(c) \
	"(CAST(" c " / 100 AS TEXT) || CASE WHEN " c " % 100 = 0 THEN ''" \
	" WHEN " c " % 100 < 10 THEN '-0' || CAST(" c " % 100 AS TEXT)" \
	" WHEN " c " % 100 <= 12 THEN '-' || CAST(" c " % 100 AS TEXT)" \
	" WHEN " c " % 100 <= 24 THEN '-Q' || CAST(" c " % 100 - 20 AS TEXT)" \
	" WHEN " c " % 100 <= 32 THEN '-H' || CAST(" c " % 100 - 30 AS TEXT)" \
	" ELSE '-9M' END)"

/* The id of the figure of a row t with series_id and a period (text):
 * series_id x 1,000,000 + the period's code. */
#define FIGURE_ID(t) \
	"(CAST(" t ".series_id AS BIGINT) * 1000000 + " PERIOD_CODE(t ".period") ")"

/* The view of schema 11 (figures keyed by the period's text). */
#define FIGURES_VIEW_V11 \
	"CREATE VIEW observations AS SELECT " FIGURE_ID("f") " AS id," \
	" f.series_id AS series_id, f.period AS period, f.value AS value, f.num AS num," \
	" f.den AS den, f.level AS level, f.yes AS yes, f.note AS note, f.evidence AS evidence," \
	" CASE f.status WHEN 0 THEN 'draft' WHEN 1 THEN 'submitted' WHEN 2 THEN 'approved'" \
	" ELSE 'returned' END AS status, f.version AS version, e.recorded_by AS recorded_by," \
	" e.recorded_at AS recorded_at, f.review AS review" \
	" FROM figures f JOIN entries e ON e.id = f.entry_id;"

/* The figures of a table with the columns of schema 1 (src, aliased o)
 * into the figures of schema 11, their entries made first: one per author
 * and time; and into ids (old, new) each old id with its new one where
 * they differ. */
#define FIGURES_FROM_V11(src, ids) \
	"INSERT INTO entries (recorded_by, recorded_at)" \
	" SELECT DISTINCT recorded_by, recorded_at FROM " src " ORDER BY 2, 1;" \
	"INSERT INTO figures (series_id, period, version, status, entry_id, value, num, den," \
	" yes, level, note, evidence, review) SELECT o.series_id, o.period, o.version," \
	" CASE o.status WHEN 'draft' THEN 0 WHEN 'submitted' THEN 1 WHEN 'approved' THEN 2" \
	" ELSE 3 END, e.id, o.value, o.num, o.den, o.yes, o.level, o.note, o.evidence," \
	" o.review FROM " src " o JOIN entries e ON e.recorded_by = o.recorded_by" \
	" AND e.recorded_at = o.recorded_at;" \
	"INSERT INTO " ids " (old, new) SELECT o.id, " FIGURE_ID("o") " FROM " src " o" \
	" WHERE o.id <> " FIGURE_ID("o") ";"

/* The figures' old ids (in ids) to their new ones in the history and the
 * audit log. */
#define FIGURE_IDS_RENUMBER(ids) \
	"UPDATE observation_history SET observation_id = (SELECT m.new FROM " ids " m" \
	" WHERE m.old = observation_history.observation_id)" \
	" WHERE observation_id IN (SELECT old FROM " ids ");" \
	"UPDATE audit SET entity_id = (SELECT m.new FROM " ids " m WHERE m.old = audit.entity_id)" \
	" WHERE entity = 'observation' AND entity_id IN (SELECT old FROM " ids ");"

/* Version 11, SQLite: the history loses its reference to the table that
 * becomes a view (same columns); the figures move, their ids renumbered
 * in the history, the audit log and the inbox's read marks "ret:ID:AT". */
#define FIGURES_V11_LITE \
	"CREATE TABLE entries (id INTEGER PRIMARY KEY, recorded_by TEXT NOT NULL," \
	" recorded_at TEXT NOT NULL);" \
	"CREATE TABLE figures (series_id INTEGER NOT NULL REFERENCES series(id)," \
	" period TEXT NOT NULL, version INTEGER NOT NULL," \
	" status INTEGER NOT NULL CHECK (status BETWEEN 0 AND 3)," \
	" entry_id INTEGER NOT NULL REFERENCES entries(id), value REAL, num REAL, den REAL," \
	" yes INTEGER, level TEXT, note TEXT, evidence TEXT, review TEXT," \
	" PRIMARY KEY (series_id, period)) WITHOUT ROWID;" \
	"CREATE TABLE observation_history_v11 (id INTEGER PRIMARY KEY," \
	" observation_id INTEGER NOT NULL, version INTEGER NOT NULL, value REAL, num REAL," \
	" den REAL, level TEXT, yes INTEGER, note TEXT, evidence TEXT, status TEXT NOT NULL," \
	" recorded_by TEXT NOT NULL, recorded_at TEXT NOT NULL, replaced_by TEXT NOT NULL," \
	" replaced_at TEXT NOT NULL, reason TEXT);" \
	"INSERT INTO observation_history_v11 SELECT id, observation_id, version, value, num," \
	" den, level, yes, note, evidence, status, recorded_by, recorded_at, replaced_by," \
	" replaced_at, reason FROM observation_history;" \
	"DROP TABLE observation_history;" \
	"ALTER TABLE observation_history_v11 RENAME TO observation_history;" \
	"CREATE INDEX history_observation ON observation_history(observation_id);" \
	"CREATE TABLE figure_ids_v11 (old INTEGER PRIMARY KEY, new INTEGER NOT NULL);" \
	FIGURES_FROM_V11("observations", "figure_ids_v11") \
	FIGURE_IDS_RENUMBER("figure_ids_v11") \
	"UPDATE inbox_read SET msg = 'ret:' || (SELECT m.new FROM figure_ids_v11 m" \
	" WHERE m.old = CAST(substr(msg, 5, instr(substr(msg, 5), ':') - 1) AS INTEGER))" \
	" || substr(msg, 4 + instr(substr(msg, 5), ':')) WHERE msg GLOB 'ret:[0-9]*:*'" \
	" AND CAST(substr(msg, 5, instr(substr(msg, 5), ':') - 1) AS INTEGER)" \
	" IN (SELECT old FROM figure_ids_v11);" \
	"DROP TABLE figure_ids_v11;" \
	"DROP TABLE observations;" \
	FIGURES_VIEW_V11

/* Version 11, PostgreSQL: 4-byte integers where the range allows, the
 * fixed-width columns first in an order that needs no padding. */
#define FIGURES_V11_PQ \
	"CREATE TABLE entries (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY," \
	" recorded_by TEXT NOT NULL, recorded_at TEXT NOT NULL);" \
	"CREATE TABLE figures (series_id INTEGER NOT NULL REFERENCES series(id)," \
	" entry_id INTEGER NOT NULL REFERENCES entries(id), version INTEGER NOT NULL," \
	" status SMALLINT NOT NULL CHECK (status BETWEEN 0 AND 3), yes SMALLINT," \
	" value DOUBLE PRECISION, num DOUBLE PRECISION, den DOUBLE PRECISION," \
	" period TEXT NOT NULL, level TEXT, note TEXT, evidence TEXT, review TEXT," \
	" PRIMARY KEY (series_id, period));" \
	"ALTER TABLE observation_history DROP CONSTRAINT IF EXISTS" \
	" observation_history_observation_id_fkey;" \
	"CREATE TEMP TABLE figure_ids_v11 (old BIGINT PRIMARY KEY, new BIGINT NOT NULL);" \
	FIGURES_FROM_V11("observations", "figure_ids_v11") \
	FIGURE_IDS_RENUMBER("figure_ids_v11") \
	"UPDATE inbox_read SET msg = 'ret:' || (SELECT m.new FROM figure_ids_v11 m" \
	" WHERE m.old = CAST(substring(msg FROM '^ret:([0-9]+):') AS BIGINT))" \
	" || substring(msg FROM '^ret:[0-9]+(:.*)$') WHERE msg ~ '^ret:[0-9]+:'" \
	" AND CAST(substring(msg FROM '^ret:([0-9]+):') AS BIGINT)" \
	" IN (SELECT old FROM figure_ids_v11);" \
	"DROP TABLE figure_ids_v11;" \
	"DROP TABLE observations;" \
	FIGURES_VIEW_V11

/* Whether a row t has a field figure_extras keeps (review aside). */
#define FIGURE_HAS_EXTRAS(t) \
	"(" t ".num IS NOT NULL OR " t ".den IS NOT NULL OR " t ".note IS NOT NULL" \
	" OR " t ".evidence IS NOT NULL)"

/* The view of schema 12: the period's text from its code, the rare fields
 * from figure_extras; period_code for the writers' joins (by the key). */
#define FIGURES_VIEW \
	"CREATE VIEW observations AS SELECT CAST(f.series_id AS BIGINT) * 1000000 + f.period AS id," \
	" f.series_id AS series_id, " PERIOD_TEXT("f.period") " AS period, f.value AS value," \
	" x.num AS num, x.den AS den, f.level AS level, f.yes AS yes, x.note AS note," \
	" x.evidence AS evidence," \
	" CASE f.status WHEN 0 THEN 'draft' WHEN 1 THEN 'submitted' WHEN 2 THEN 'approved'" \
	" ELSE 'returned' END AS status, f.version AS version, e.recorded_by AS recorded_by," \
	" e.recorded_at AS recorded_at, x.review AS review, f.period AS period_code" \
	" FROM figures f JOIN entries e ON e.id = f.entry_id LEFT JOIN figure_extras x" \
	" ON x.series_id = f.series_id AND x.period = f.period;"

/* The tables of schema 12 (real: the type of a double; rowid: what ends a
 * CREATE TABLE). On PostgreSQL the order of figures' columns leaves no
 * padding: value (8 bytes), series_id, period, entry_id (4), version,
 * status, yes (2), level (text, mostly NULL). version is a SMALLINT: a
 * figure changed 32,767 times refuses the next change. */
#define FIGURES_V12_TABLES(real, rowid) \
	"CREATE TABLE figures (value " real ", series_id INTEGER NOT NULL REFERENCES series(id)," \
	" period INTEGER NOT NULL, entry_id INTEGER NOT NULL REFERENCES entries(id)," \
	" version SMALLINT NOT NULL, status SMALLINT NOT NULL CHECK (status BETWEEN 0 AND 3)," \
	" yes SMALLINT, level TEXT, PRIMARY KEY (series_id, period))" rowid ";" \
	"CREATE TABLE figure_extras (series_id INTEGER NOT NULL, period INTEGER NOT NULL," \
	" num " real ", den " real ", note TEXT, evidence TEXT, review TEXT," \
	" PRIMARY KEY (series_id, period), FOREIGN KEY (series_id, period)" \
	" REFERENCES figures (series_id, period) ON DELETE CASCADE)" rowid ";"

/* Version 12, after the backend's part (the old table renamed
 * figures_v11 and the new tables made): every figure and its rare fields
 * copied (ids do not change: the history, the audit log and the inbox
 * keep theirs), the old table dropped, the view made again. */
#define FIGURES_V12_COPY \
	"INSERT INTO figures (value, series_id, period, entry_id, version, status, yes, level)" \
	" SELECT value, series_id, " PERIOD_CODE("period") ", entry_id, version, status, yes," \
	" level FROM figures_v11 ORDER BY series_id, period;" \
	"INSERT INTO figure_extras (series_id, period, num, den, note, evidence, review)" \
	" SELECT series_id, " PERIOD_CODE("period") ", num, den, note, evidence, review" \
	" FROM figures_v11 o WHERE " FIGURE_HAS_EXTRAS("o") " OR review IS NOT NULL;" \
	"DROP TABLE figures_v11;" \
	FIGURES_VIEW

#define FIGURES_V12_LITE \
	"DROP VIEW observations; ALTER TABLE figures RENAME TO figures_v11;" \
	FIGURES_V12_TABLES("REAL", " WITHOUT ROWID") FIGURES_V12_COPY

#define FIGURES_V12_PQ \
	"DROP VIEW observations; ALTER TABLE figures RENAME TO figures_v11;" \
	"ALTER INDEX IF EXISTS figures_pkey RENAME TO figures_v11_pkey;" \
	FIGURES_V12_TABLES("DOUBLE PRECISION", "") FIGURES_V12_COPY

/* The figures of a table with the columns of schema 1 (src, aliased o)
 * into figures and figure_extras, their entries made first: one per
 * author and time; and into ids (old, new) each old id with its new one
 * where they differ. */
#define FIGURES_FROM(src, ids) \
	"INSERT INTO entries (recorded_by, recorded_at)" \
	" SELECT DISTINCT recorded_by, recorded_at FROM " src " ORDER BY 2, 1;" \
	"INSERT INTO figures (value, series_id, period, entry_id, version, status, yes, level)" \
	" SELECT o.value, o.series_id, " PERIOD_CODE("o.period") ", e.id, o.version," \
	" CASE o.status WHEN 'draft' THEN 0 WHEN 'submitted' THEN 1 WHEN 'approved' THEN 2" \
	" ELSE 3 END, o.yes, o.level FROM " src " o JOIN entries e" \
	" ON e.recorded_by = o.recorded_by AND e.recorded_at = o.recorded_at;" \
	"INSERT INTO figure_extras (series_id, period, num, den, note, evidence, review)" \
	" SELECT o.series_id, " PERIOD_CODE("o.period") ", o.num, o.den, o.note, o.evidence," \
	" o.review FROM " src " o WHERE " FIGURE_HAS_EXTRAS("o") " OR o.review IS NOT NULL;" \
	"INSERT INTO " ids " (old, new) SELECT o.id, " FIGURE_ID("o") " FROM " src " o" \
	" WHERE o.id <> " FIGURE_ID("o") ";"

/* clang-format on */

/* Version to (11 or 12): its steps above on the backend in use, unless
 * they are done already (figures, figure_extras there: a database marked
 * older than it is). */
int st_figures_migrate(struct store *s, int to, struct error *err);

/* The code of a period as PERIOD_CODE computes it (incoming.code holds
 * it for each row of a batch); -1 when period_parse does not read it. */
int64_t st_period_code(const char *period);

/* A new entry (who, when) for a write: its id into *id. */
int st_entry_add(struct store *s, const char *by, const char *at, int64_t *id, struct error *err);

/* The figures of incoming not yet stored, written as new (version 1,
 * draft, entry); then the rare fields of every figure of incoming into
 * figure_extras (a row made, changed or, when none is left, removed). */
int st_figures_insert(struct store *s, int64_t entry, struct error *err);

/* The reviewer's comment on the figure (series, period code): NULL
 * clears it. */
int st_figure_review(struct store *s, int64_t series, int64_t period, const char *review,
                     struct error *err);

/* The rows of a dump's observations table (in the temporary table
 * restore_observations, the columns of schema 1, which the caller drops)
 * into figures and entries; then, once the history and the audit log are
 * restored, _ids renumbers what an older dump's ids (not the figures'
 * keys) pointed to. */
int st_figures_restore(const struct driver *d, void *db, struct error *err);
int st_figures_restore_ids(const struct driver *d, void *db, struct error *err);

#endif
