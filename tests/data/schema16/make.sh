#!/usr/bin/env bash
# make.sh BIN: the schema-16 stores that tests/cli/store_migrate17.sh
# migrates, made by a chitieu of schema 16 (BIN; these were made by main at
# e0ffa66) as tests/data/schema15/make.sh makes its own (the same units,
# plans, figures and links; the same readers, tests/data/schema15/readers.bash):
# lite.sql, lite.out, lite.json here; under tests/pg/with-pg.sh pg.sql,
# pg.out, pg.json.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
exec bash "$here/../make_links_store.bash" 15 "$1" "$here"
