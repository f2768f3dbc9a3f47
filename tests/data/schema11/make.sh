#!/usr/bin/env bash
# make.sh BIN: the schema-11 stores that tests/cli/store_figure_bytes.sh
# migrates, made by a chitieu of schema 11 (BIN; these were made by main at
# 29355ee): on SQLite (lite.sql, sqlite3's .dump) or, under
# tests/pg/with-pg.sh, on PostgreSQL (pg.sql, pg_dump); each with that
# binary's own dump of it (lite.json, pg.json). Figures recorded by two
# accounts in CSV batches and one at a time, changed (history rows with
# reasons), submitted, approved, returned and reopened (audit rows naming
# each figure by its id), an inbox read mark of a returned figure, and
# (schema 11) a yes, a level, a ratio, a half-year and a nine-month figure.
exec bash "$(dirname "$0")/../make_figures_store.bash" 11 "$@"
