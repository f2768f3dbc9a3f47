#!/usr/bin/env bash
# make.sh BIN: the schema-14 stores that tests/cli/store_migrate15.sh
# migrates, made by a chitieu of schema 14 (BIN; these were made by main at
# 7562e09): on SQLite (lite.sql, sqlite3's .dump) or, under
# tests/pg/with-pg.sh, on PostgreSQL (pg.sql, pg_dump); each with what that
# binary's readers print on it (lite.out, pg.out: plans, show, status,
# summary, rollup, rank, observations, tasks, series, link list, audit,
# each after a line "== NAME") and its dump (lite.json, pg.json). A
# province and three communes on two real plans (one commune's second
# version on another plan: retired series), agencies, figures, links
# proposed, confirmed and one rejected.
exec bash "$(dirname "$0")/../make_links_store.bash" 14 "$@"
