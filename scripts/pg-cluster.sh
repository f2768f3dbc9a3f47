#!/usr/bin/env bash
# A private, throwaway PostgreSQL 15 cluster for the test suite.
#
#   scripts/pg-cluster.sh start DIR   create (if needed) and start a cluster in
#                                     DIR; print its URL on stdout, one line:
#                                     postgresql://postgres@127.0.0.1:PORT/chitieu_test
#   scripts/pg-cluster.sh url DIR     print that URL again
#   scripts/pg-cluster.sh stop DIR    stop the cluster and remove DIR
#
# The cluster listens on 127.0.0.1 only (first free port from 54329 up), keeps
# its unix socket inside DIR, trusts local and loopback connections, and has
# max_connections=50, shared_buffers=128MB, fsync on. Layout of DIR:
#   DIR/data   the data directory      DIR/log    the server log
#   DIR/port   the port it listens on  DIR/.s.PGSQL.PORT  its unix socket
#
# initdb, pg_ctl and postgres refuse to run as root: as root the server runs as
# the `postgres` OS user and DIR is chowned to it (so DIR's parents must be
# searchable by postgres: mktemp -d under /tmp is). As any other user the
# server runs as that user, who must own DIR.
#
# Environment: PG_BIN (default /usr/lib/postgresql/15/bin), PG_PORT_FIRST
# (default 54329), PG_PORT_TRIES (default 200).
set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PORT_FIRST=${PG_PORT_FIRST:-54329}
PORT_TRIES=${PG_PORT_TRIES:-200}
DB_NAME=chitieu_test
DB_USER=postgres
MARKER=.chitieu-pg-cluster

# Messages in English whatever the caller's locale; C.UTF-8 is always there
# on Debian (libc-bin).
export LC_ALL=C.UTF-8
# Do not let the caller's libpq settings redirect our own connections.
unset PGHOST PGHOSTADDR PGPORT PGDATABASE PGUSER PGSERVICE PGOPTIONS PGDATA

me=pg-cluster
die() {
  echo "$me: $*" >&2
  exit 1
}

usage() {
  echo "usage: $0 start|stop|url DIR" >&2
  exit 2
}

# as_owner CMD...: run CMD as the user that owns the cluster (postgres when we
# are root, ourselves otherwise), from / so that an unreadable working
# directory does not bother it.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    if command -v runuser >/dev/null 2>&1; then
      (cd / && runuser -u postgres -- "$@")
    else
      (cd / && su postgres -s /bin/bash -c "$(printf '%q ' "$@")")
    fi
  else
    (cd / && "$@")
  fi
}

url_for() {
  echo "postgresql://$DB_USER@127.0.0.1:$1/$DB_NAME"
}

log_tail() {
  if [ -f "$dir/log" ]; then
    echo "$me: last lines of $dir/log:" >&2
    tail -n 25 "$dir/log" | sed 's/^/  /' >&2
  fi
}

running() {
  [ -f "$dir/data/PG_VERSION" ] && as_owner "$PG_BIN/pg_ctl" -D "$dir/data" status >/dev/null 2>&1
}

port_busy() {
  local port=$1
  if command -v ss >/dev/null 2>&1; then
    [ -n "$(ss -Hltn "sport = :$port" 2>/dev/null)" ]
  else
    # No iproute2: a port someone listens on accepts a connection.
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
  fi
}

# A port stays this cluster's while the cluster lives, also while it is
# stopped (a test stopping PostgreSQL to start it again on the same port):
# RESERVED/PORT names the cluster's directory; another start skips it.
RESERVED=${TMPDIR:-/tmp}/chitieu-pg-ports
reserved() {
  local owner
  [ -f "$RESERVED/$1" ] || return 1
  owner=$(cat "$RESERVED/$1" 2>/dev/null)
  [ "$owner" != "$dir" ] && [ -f "$owner/$MARKER" ]
}

psql_q() {
  # psql_q PORT SQL: run SQL in the postgres database over TCP, print the
  # result unaligned without headers.
  "$PG_BIN/psql" -X -q -A -t -v ON_ERROR_STOP=1 \
    "postgresql://$DB_USER@127.0.0.1:$1/postgres?connect_timeout=10" -c "$2"
}

cmd_start() {
  if [ ! -x "$PG_BIN/initdb" ] || [ ! -x "$PG_BIN/pg_ctl" ] || [ ! -x "$PG_BIN/psql" ]; then
    die "PostgreSQL 15 is not installed ($PG_BIN/initdb, pg_ctl, psql missing); run scripts/install-deps.sh (packages postgresql-15 postgresql-client-15)"
  fi
  if [ "$(id -u)" -eq 0 ]; then
    getent passwd postgres >/dev/null || die "running as root but there is no 'postgres' OS user (it comes with postgresql-common)"
  fi

  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd -P)
  # The unix socket path must fit in sun_path (107 bytes).
  [ ${#dir} -le 80 ] || die "DIR is too long for a unix socket path (${#dir} > 80 characters): $dir"

  if [ ! -f "$dir/$MARKER" ]; then
    [ -z "$(ls -A "$dir")" ] || die "$dir is not empty and was not made by $0; refusing to use it"
    : >"$dir/$MARKER"
  fi
  if [ "$(id -u)" -eq 0 ]; then
    chown -R postgres:postgres "$dir"
    chmod 700 "$dir"
    as_owner test -w "$dir" -a -x "$dir" ||
      die "the postgres OS user cannot reach $dir (a parent directory is not searchable by it); use a directory under /tmp"
  fi

  if running && [ -f "$dir/port" ]; then
    url_for "$(cat "$dir/port")"
    return 0
  fi

  if [ ! -f "$dir/data/PG_VERSION" ]; then
    rm -rf "$dir/data"
    local t0=$SECONDS
    if ! as_owner "$PG_BIN/initdb" -D "$dir/data" -U "$DB_USER" -A trust \
      -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1; then
      echo "$me: initdb failed; its output:" >&2
      sed 's/^/  /' "$dir/initdb.log" >&2
      exit 1
    fi
    # Our settings live in one file that postgresql.conf includes last.
    echo "include = 'chitieu.conf'" >>"$dir/data/postgresql.conf"
    [ $((SECONDS - t0)) -lt 30 ] || echo "$me: initdb took $((SECONDS - t0)) s" >&2
  fi

  local port=$PORT_FIRST last=$((PORT_FIRST + PORT_TRIES)) started=0 size
  for (( ; port < last; port++)); do
    port_busy "$port" && continue
    reserved "$port" && continue
    as_owner tee "$dir/data/chitieu.conf" >/dev/null <<EOF
# Written by scripts/pg-cluster.sh.
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
max_connections = 50
shared_buffers = 128MB
fsync = on
EOF
    size=0
    [ -f "$dir/log" ] && size=$(stat -c %s "$dir/log")
    if as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 start >/dev/null 2>"$dir/pg_ctl.err"; then
      started=1
      break
    fi
    # Another process took the port between our check and the bind: next one.
    if [ -f "$dir/log" ] && tail -c +"$((size + 1))" "$dir/log" | grep -q 'Address already in use'; then
      continue
    fi
    echo "$me: pg_ctl start failed:" >&2
    sed 's/^/  /' "$dir/pg_ctl.err" >&2
    log_tail
    # A server that started but did not answer in time must not linger.
    as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    exit 1
  done
  [ "$started" -eq 1 ] || die "no free port in $PORT_FIRST..$((last - 1)) on 127.0.0.1"
  echo "$port" >"$dir/port"
  mkdir -p "$RESERVED" && echo "$dir" >"$RESERVED/$port"

  # Create the test database; on failure leave nothing running.
  local exists
  if ! exists=$(psql_q "$port" "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'" 2>"$dir/psql.err") ||
    { [ "$exists" != 1 ] && ! psql_q "$port" "CREATE DATABASE $DB_NAME" >/dev/null 2>>"$dir/psql.err"; }; then
    echo "$me: could not create database $DB_NAME on port $port:" >&2
    sed 's/^/  /' "$dir/psql.err" >&2
    log_tail
    as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null 2>&1 || true
    exit 1
  fi
  url_for "$port"
}

cmd_stop() {
  [ -e "$dir" ] || return 0
  dir=$(cd "$dir" && pwd -P)
  if [ ! -f "$dir/$MARKER" ] && [ -n "$(ls -A "$dir")" ]; then
    die "$dir was not made by $0; refusing to remove it"
  fi
  if running; then
    if ! as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null 2>"$dir/pg_ctl.err"; then
      echo "$me: fast stop failed, trying immediate:" >&2
      sed 's/^/  /' "$dir/pg_ctl.err" >&2
      as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop >/dev/null ||
        die "could not stop the server in $dir/data; left $dir in place"
    fi
  fi
  if [ -f "$dir/port" ] && [ "$(cat "$RESERVED/$(cat "$dir/port")" 2>/dev/null)" = "$dir" ]; then
    rm -f "$RESERVED/$(cat "$dir/port")"
  fi
  rm -rf "$dir"
}

cmd_url() {
  [ -f "$dir/port" ] || die "no cluster started in $dir ($dir/port missing)"
  running || die "the cluster in $dir is not running"
  url_for "$(cat "$dir/port")"
}

[ $# -eq 2 ] || usage
dir=$2
[ -n "$dir" ] || usage
case $1 in
  start) cmd_start ;;
  stop) cmd_stop ;;
  url) cmd_url ;;
  *) usage ;;
esac
