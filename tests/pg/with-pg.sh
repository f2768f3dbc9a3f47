#!/usr/bin/env bash
# with-pg.sh CMD...: run CMD against a private, throwaway PostgreSQL 15 cluster.
#
# Starts a cluster in a new temporary directory (scripts/pg-cluster.sh), exports
# its URL as CHITIEU_PG_URL and CHITIEU_TEST_DB_URL, runs CMD, then always stops
# the cluster and removes the directory. Exits with CMD's status, or 1 when
# PostgreSQL cannot be started (never a silent pass).
set -euo pipefail

if [ $# -eq 0 ]; then
  echo "usage: $0 CMD [ARG...]" >&2
  exit 2
fi

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cluster="$here/../../scripts/pg-cluster.sh"

dir=$(mktemp -d "${TMPDIR:-/tmp}/chitieu-pg.XXXXXX")
# shellcheck disable=SC2317  # called by the EXIT trap
cleanup() {
  bash "$cluster" stop "$dir" || echo "with-pg: could not stop the cluster in $dir" >&2
  rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if ! url=$(bash "$cluster" start "$dir"); then
  echo "with-pg: could not start PostgreSQL (see above); not running: $*" >&2
  exit 1
fi
export CHITIEU_PG_URL=$url CHITIEU_TEST_DB_URL=$url
echo "with-pg: PostgreSQL at $url" >&2

rc=0
"$@" || rc=$?
exit "$rc"
