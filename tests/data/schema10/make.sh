#!/usr/bin/env bash
# make.sh BIN: the schema-10 stores that tests/cli/store_figure_bytes.sh
# migrates, made by a chitieu of schema 10 (BIN; these were made by main at
# 301cac6): on SQLite (lite.sql, sqlite3's .dump) or, under
# tests/pg/with-pg.sh, on PostgreSQL (pg.sql, pg_dump); each with that
# binary's own dump of it (lite.json, pg.json). Figures recorded by two
# accounts in CSV batches and one at a time, changed (history rows with
# reasons), submitted, approved, returned and reopened (audit rows naming
# each figure by its id), and an inbox read mark of a returned figure.
exec bash "$(dirname "$0")/../make_figures_store.bash" 10 "$@"
