#!/usr/bin/env bash
# The benchmark command: starts the servers (scripts/servers.sh), installs wrk when missing, builds in
# Release, starts the whole system through the AppHost (Aspire.Hosting.Testing), runs the hot paths against their
# baselines and prints the figures; the JSON goes to bench/results/latest.json (or --out).
# Options: --runs 3 --duration 10 --warmup 20 --connections 64 --out FILE --only redirect,t2,... --environment Production. See docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# PostgreSQL as deployed: without this, a run after ./test.sh would measure with fsync off (the tests'
# tuning stays until removed), and T4's pgbench baseline would be a different server.
AMB_PG_DURABLE=1 scripts/servers.sh
if ! command -v wrk >/dev/null; then
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
# T4's baseline: Debian ships pgbench with the server (postgresql-NN), which postgresql-contrib depends on.
if ! command -v pgbench >/dev/null; then
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-contrib >/dev/null
fi

# Each system the benchmark starts (T2 starts a second one) gets a vhost and databases of its own,
# dropped when it stops, so a system started by ./run.sh is left alone.

dotnet build bench/AmbassadorNet.Benchmarks -c Release -nologo -clp:ErrorsOnly -v:q
exec artifacts/bin/AmbassadorNet.Benchmarks/release/AmbassadorNet.Benchmarks "$@"
