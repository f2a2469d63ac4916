#!/usr/bin/env bash
# Installs (when missing) and starts the PostgreSQL and RabbitMQ servers that AmbassadorNet and its
# tests use, from Debian's packages, and prepares their credentials. Safe to run again.
#   scripts/servers.sh            install + start + configure
#   AMB_PG_TUNE_FOR_TESTS=1 ...   also turn off fsync (tests only: durability is not under test there;
#                                 it stays off until the file conf.d/ambassadornet-tests.conf is removed)
#   AMB_PG_DURABLE=1 ...          remove that file: fsync and synchronous commit as deployed (bench/run.sh,
#                                 whose figures must not depend on whether the tests ran first)
set -euo pipefail

PG_USER="${AMB_PG_USER:-amb}"
PG_PASSWORD="${AMB_PG_PASSWORD:-amb}"
RABBIT_USER="${AMB_RABBIT_USER:-amb}"
RABBIT_PASSWORD="${AMB_RABBIT_PASSWORD:-amb}"
PG_MAX_CONNECTIONS="${AMB_PG_MAX_CONNECTIONS:-400}"

log() { printf '[servers] %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

install_missing() {
  local missing=()
  command -v pg_ctlcluster >/dev/null 2>&1 && ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
  command -v rabbitmq-server >/dev/null 2>&1 || missing+=(rabbitmq-server)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    as_root apt-get update -qq
    # policy-rc.d in containers refuses to start services at install; we start them ourselves below.
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

pg_version() { ls /usr/lib/postgresql | sort -V | tail -n 1; }

start_postgres() {
  local v; v="$(pg_version)"
  if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$v main"; then
    log "creating PostgreSQL $v cluster main"
    as_root pg_createcluster "$v" main >/dev/null
  fi
  local conf="/etc/postgresql/$v/main"
  # Settings live in conf.d files of ours so a re-run replaces rather than appends. The test tuning
  # has a file of its own that a later run without it leaves alone: ./run.sh after ./test.sh must not
  # restart the server under a test run.
  local changed=0
  as_root mkdir -p "$conf/conf.d"
  write_conf() {
    if [ "$(cat "$conf/conf.d/$1" 2>/dev/null)" != "$2" ]; then
      echo "$2" | as_root tee "$conf/conf.d/$1" >/dev/null
      changed=1
    fi
  }
  write_conf ambassadornet.conf "$(printf "max_connections = %s\nlisten_addresses = '127.0.0.1'" "$PG_MAX_CONNECTIONS")"
  if [ "${AMB_PG_TUNE_FOR_TESTS:-0}" = 1 ]; then
    write_conf ambassadornet-tests.conf "$(printf 'fsync = off\nsynchronous_commit = off\nfull_page_writes = off')"
  elif [ "${AMB_PG_DURABLE:-0}" = 1 ] && [ -e "$conf/conf.d/ambassadornet-tests.conf" ]; then
    as_root rm "$conf/conf.d/ambassadornet-tests.conf"
    changed=1
  fi
  grep -q "^include_dir = 'conf.d'" "$conf/postgresql.conf" || { echo "include_dir = 'conf.d'" | as_root tee -a "$conf/postgresql.conf" >/dev/null; changed=1; }
  if ! pg_lsclusters -h | awk -v v="$v" '$1==v && $2=="main" {print $4}' | grep -q online; then
    as_root pg_ctlcluster --skip-systemctl-redirect "$v" main start
  elif [ "$changed" = 1 ]; then
    as_root pg_ctlcluster --skip-systemctl-redirect "$v" main restart
  fi
  for _ in $(seq 1 60); do
    as_root su postgres -c "pg_isready -q" && break
    sleep 0.5
  done
  as_root su postgres -c "psql -q -v ON_ERROR_STOP=1 -d postgres" <<SQL >/dev/null
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_USER') THEN
    CREATE ROLE "$PG_USER" LOGIN SUPERUSER PASSWORD '$PG_PASSWORD';
  ELSE
    ALTER ROLE "$PG_USER" LOGIN SUPERUSER PASSWORD '$PG_PASSWORD';
  END IF;
END \$\$;
SQL
  log "PostgreSQL $v on 127.0.0.1:5432 (user $PG_USER)"
}

start_rabbitmq() {
  # Queue statistics refresh every 500 ms instead of 5 s, so tests that wait for idle queues settle fast.
  local conf=/etc/rabbitmq/rabbitmq.conf wanted="collect_statistics_interval = 500"
  if ! grep -qx "$wanted" "$conf" 2>/dev/null; then
    echo "$wanted" | as_root tee -a "$conf" >/dev/null
    as_root rabbitmqctl -q stop >/dev/null 2>&1 || true
  fi
  if ! as_root rabbitmqctl -q status >/dev/null 2>&1; then
    as_root rabbitmq-server -detached >/dev/null 2>&1 || true
  fi
  # The node registers with epmd a few seconds after -detached returns; await_startup fails before that.
  for _ in $(seq 1 120); do
    as_root rabbitmqctl -q ping >/dev/null 2>&1 && break
    sleep 0.5
  done
  as_root rabbitmqctl -q await_startup --timeout 120 >/dev/null
  as_root rabbitmq-plugins -q enable rabbitmq_management >/dev/null
  if ! as_root rabbitmqctl -q list_users | awk '{print $1}' | grep -qx "$RABBIT_USER"; then
    as_root rabbitmqctl -q add_user "$RABBIT_USER" "$RABBIT_PASSWORD" >/dev/null
  else
    as_root rabbitmqctl -q change_password "$RABBIT_USER" "$RABBIT_PASSWORD" >/dev/null
  fi
  as_root rabbitmqctl -q set_user_tags "$RABBIT_USER" administrator >/dev/null
  as_root rabbitmqctl -q set_permissions -p / "$RABBIT_USER" ".*" ".*" ".*" >/dev/null
  for _ in $(seq 1 60); do
    curl -fsS -u "$RABBIT_USER:$RABBIT_PASSWORD" http://127.0.0.1:15672/api/overview >/dev/null 2>&1 && break
    sleep 0.5
  done
  log "RabbitMQ on 127.0.0.1:5672, management on 15672 (user $RABBIT_USER)"
}

install_missing
start_postgres
start_rabbitmq
