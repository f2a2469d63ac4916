#!/bin/bash
# Writes rabbitmq.conf from the environment, then becomes the RabbitMQ node (PID 1 stays the node, so
# a stop's SIGTERM reaches it and a kill -9 kills it, as the fault tests intend).
set -euo pipefail
node_port="${RABBITMQ_NODE_PORT:-5672}"
management_port="${RABBITMQ_MANAGEMENT_PORT:-15672}"
# RABBITMQ_LISTEN_ADDRESS (e.g. 127.0.0.1) keeps every port of the node on that address: AMQP,
# management, Erlang distribution and epmd. Unset: all interfaces (a container network of its own).
address="${RABBITMQ_LISTEN_ADDRESS:-}"
if [ -n "$address" ]; then
  listeners="listeners.tcp.1 = ${address}:${node_port}
management.tcp.ip = ${address}"
  export ERL_EPMD_ADDRESS="$address"
  export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {${address//./,}}"
else
  listeners="listeners.tcp.default = ${node_port}"
fi
cat > /etc/rabbitmq/rabbitmq.conf <<CONF
${listeners}
management.tcp.port = ${management_port}
default_user = ${RABBITMQ_DEFAULT_USER:-guest}
default_pass = ${RABBITMQ_DEFAULT_PASS:-guest}
default_user_tags.administrator = true
default_permissions.configure = .*
default_permissions.read = .*
default_permissions.write = .*
loopback_users = none
collect_statistics_interval = ${RABBITMQ_COLLECT_STATISTICS_INTERVAL:-5000}
log.console = true
log.console.level = info
log.file = false
CONF
export RABBITMQ_DIST_PORT="${RABBITMQ_DIST_PORT:-$((node_port + 20000))}"
export HOME=/var/lib/rabbitmq
# A volume mounted over the data directory arrives owned by root.
chown -R rabbitmq:rabbitmq /var/lib/rabbitmq /etc/rabbitmq
exec setpriv --reuid=rabbitmq --regid=rabbitmq --init-groups /usr/lib/rabbitmq/bin/rabbitmq-server "$@"
