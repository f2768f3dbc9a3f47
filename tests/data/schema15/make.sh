#!/usr/bin/env bash
# make.sh BIN [DIR]: the schema-15 stores that tests/cli/store_migrate16.sh
# migrates, made by a chitieu of schema 15 (BIN; these were made by main at
# 180de37), into DIR (this folder by default; tests/data/schema16/make.sh
# makes its schema-16 stores so, with a schema-16 binary): on SQLite (lite.sql, sqlite3's .dump) or, under
# tests/pg/with-pg.sh, on PostgreSQL (pg.sql, pg_dump); each with what that
# binary's readers print on it (lite.out, pg.out: plans, show, status,
# summary, rollup, rank, observations, tasks, series, link list, audit,
# each after a line "== NAME") and its dump (lite.json, pg.json). A
# province and three communes on two real plans (one commune's second
# version on another plan: retired series), agencies, figures, links
# proposed, confirmed and one rejected.
exec bash "$(dirname "$0")/../make_links_store.bash" 15 "$@"
