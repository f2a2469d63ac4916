#!/bin/bash
# Makes the cluster on the first start of an empty data directory, then becomes the server (PID 1
# stays postgres, so a stop's SIGTERM is a clean shutdown and a kill -9 a crash).
set -euo pipefail
user="${POSTGRES_USER:-postgres}"
as_postgres() { setpriv --reuid=postgres --regid=postgres --init-groups "$@"; }

mkdir -p "$PGDATA" /var/run/postgresql
chown postgres:postgres "$PGDATA" /var/run/postgresql
chmod 700 "$PGDATA"
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  : "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD is required}"
  password_file="$(mktemp)"
  printf '%s\n' "$POSTGRES_PASSWORD" > "$password_file"
  chown postgres "$password_file"
  as_postgres initdb --username="$user" --pwfile="$password_file" --auth-local=trust --auth-host=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  rm -f "$password_file"
  echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
  database="${POSTGRES_DB:-$user}"
  if [ "$database" != postgres ]; then
    as_postgres postgres --single -D "$PGDATA" -c listen_addresses='' postgres <<< "CREATE DATABASE \"$database\" OWNER \"$user\";" >/dev/null
  fi
fi

# As the official image: arguments that start with a dash are options of the server (Testcontainers
# passes "-c fsync=off").
if [ "${1:0:1}" = - ]; then set -- postgres "$@"; fi
if [ "${1:-postgres}" = postgres ]; then
  [ $# -gt 0 ] && shift
  exec setpriv --reuid=postgres --regid=postgres --init-groups \
    postgres -D "$PGDATA" -c listen_addresses="${POSTGRES_LISTEN_ADDRESSES:-*}" -c port="${PGPORT:-5432}" "$@"
fi
exec "$@"
