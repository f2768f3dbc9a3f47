# make_lib.bash SCHEMA BIN: what the fixture makers (tests/data/make_*.bash)
# begin with, sourced: BIN (bin), the folder schemaSCHEMA they write to
# (here), the real plans (plans), a temporary folder (tmp), and the store
# they fill: on PostgreSQL under tests/pg/with-pg.sh, emptied (name pg),
# else a new SQLite file (name lite).
set -euo pipefail
schema=$1
bin=$(realpath "$2")
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/schema$schema" && pwd)
plans=$here/../plans
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ -n "${CHITIEU_PG_URL:-}" ]; then
	export CHITIEU_DB=$CHITIEU_PG_URL name=pg
	psql -q "$CHITIEU_DB" -c 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;' > /dev/null 2>&1
else
	export CHITIEU_DB=$tmp/s$schema.db name=lite
fi
