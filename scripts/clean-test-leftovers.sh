#!/usr/bin/env bash
# Drops the databases and vhosts an earlier (perhaps killed) test run left behind. Everything the test
# kit creates starts with "ambt_", and every container it starts carries the label ambassadornet.test;
# nothing else is touched.
set -euo pipefail
PGPASSWORD="${AMB_PG_PASSWORD:-amb}" psql -q -h 127.0.0.1 -U "${AMB_PG_USER:-amb}" -d postgres -At \
  -c "SELECT datname FROM pg_database WHERE datname LIKE 'ambt\_%'" \
  | while read -r db; do
      PGPASSWORD="${AMB_PG_PASSWORD:-amb}" psql -q -h 127.0.0.1 -U "${AMB_PG_USER:-amb}" -d postgres \
        -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null
    done
auth="${AMB_RABBIT_USER:-amb}:${AMB_RABBIT_PASSWORD:-amb}"
curl -fsS -u "$auth" 'http://127.0.0.1:15672/api/vhosts?columns=name' \
  | { grep -o '"name":"ambt_[^"]*"' || true; } | cut -d'"' -f4 \
  | while read -r vhost; do curl -fsS -u "$auth" -X DELETE "http://127.0.0.1:15672/api/vhosts/$vhost" >/dev/null; done
# Containers the tests started (label ambassadornet.test) and a killed run left running or stopped.
# A socket whose API service has stopped (after a reboot) has no containers to remove.
socket="${AMB_CONTAINER_SOCKET:-/run/ambassadornet/podman.sock}"
if [ -S "$socket" ] && curl -fsS --unix-socket "$socket" 'http://d/_ping' >/dev/null 2>&1; then
  curl -fsS --unix-socket "$socket" 'http://d/v1.41/containers/json?all=true&filters=%7B%22label%22%3A%5B%22ambassadornet.test%22%5D%7D' \
    | { grep -o '"Id":"[0-9a-f]*"' || true; } | cut -d'"' -f4 \
    | while read -r id; do curl -fsS --unix-socket "$socket" -X DELETE "http://d/v1.41/containers/$id?force=true" >/dev/null; done
fi
