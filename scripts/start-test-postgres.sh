#!/usr/bin/env bash
# Creates (once) and starts (if not running) a throwaway PostgreSQL 15 cluster for tests:
# data under /tmp, run as the `postgres` OS user (when started by root; as the calling user otherwise), listening on 127.0.0.1:55432 only, trust auth on loopback.
# Idempotent: run it as often as you like. Prints the Npgsql connection string as the only line on stdout
# (messages go to stderr), so CI does:
#   export AESWEEP_TEST_POSTGRES="$(scripts/start-test-postgres.sh)"
# Stop it: su postgres -c "/usr/lib/postgresql/15/bin/pg_ctl -D /tmp/aesweep-test-postgres/data stop"
# Needs Debian's postgresql package: apt-get update && apt-get install -y postgresql
set -euo pipefail

AESWEEP_PG_PORT="${AESWEEP_PG_PORT:-55432}"
AESWEEP_PG_ROOT="${AESWEEP_PG_ROOT:-/tmp/aesweep-test-postgres}"
AESWEEP_PG_BIN="${AESWEEP_PG_BIN:-/usr/lib/postgresql/15/bin}"
data="$AESWEEP_PG_ROOT/data"
log="$AESWEEP_PG_ROOT/postgres.log"

if [[ ! -x "$AESWEEP_PG_BIN/initdb" ]]; then
  echo "PostgreSQL 15 is not installed ($AESWEEP_PG_BIN/initdb missing): apt-get update && apt-get install -y postgresql" >&2
  exit 1
fi

# Run a command as the postgres user when we are root (PostgreSQL refuses to run as root); as ourselves otherwise.
as_postgres() {
  if [[ "$(id -u)" == "0" ]]; then su postgres -s /bin/bash -c "$(printf '%q ' "$@")"; else "$@"; fi
}

mkdir -p "$AESWEEP_PG_ROOT"
if [[ "$(id -u)" == "0" ]]; then chown postgres:postgres "$AESWEEP_PG_ROOT"; fi

if [[ ! -s "$data/PG_VERSION" ]]; then
  as_postgres "$AESWEEP_PG_BIN/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  {
    echo "listen_addresses = '127.0.0.1'"
    echo "port = $AESWEEP_PG_PORT"
    echo "unix_socket_directories = '$AESWEEP_PG_ROOT'"
    echo "max_connections = 200"
    # A throwaway test cluster: durability is not needed, speed is.
    echo "fsync = off"
    echo "synchronous_commit = off"
    echo "full_page_writes = off"
  } | as_postgres tee -a "$data/postgresql.conf" >/dev/null
  printf 'local all all trust\nhost all all 127.0.0.1/32 trust\n' | as_postgres tee "$data/pg_hba.conf" >/dev/null
fi

if ! as_postgres "$AESWEEP_PG_BIN/pg_ctl" -D "$data" status >/dev/null 2>&1; then
  as_postgres "$AESWEEP_PG_BIN/pg_ctl" -D "$data" -l "$log" -w -t 60 start >/dev/null
fi

# Wait until it accepts TCP connections (pg_ctl -w already waits; this covers a cluster started elsewhere).
for _ in $(seq 1 60); do
  if "$AESWEEP_PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$AESWEEP_PG_PORT"; then break; fi
  sleep 0.5
done
"$AESWEEP_PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$AESWEEP_PG_PORT" || { echo "PostgreSQL did not start; see $log" >&2; exit 1; }

connection="Host=127.0.0.1;Port=$AESWEEP_PG_PORT;Username=postgres;Database=postgres"
echo "PostgreSQL test cluster is up on 127.0.0.1:$AESWEEP_PG_PORT (data: $data)" >&2
echo "$connection"
