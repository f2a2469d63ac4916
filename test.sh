#!/usr/bin/env bash
# From a fresh Debian machine (root or sudo, .NET SDK present) to a full test run:
# installs and starts PostgreSQL and RabbitMQ, installs podman and builds the container images of
# deploy/ (reused when unchanged), clears leftovers, builds once, runs every test
# assembly one at a time and ends with "N passed, N failed". Each phase prints how long it took.
# Pass a substring to run only matching assemblies, e.g. ./test.sh BuildingBlocks
set -euo pipefail
cd "$(dirname "$0")"

# Deadlines of eventually-consistent assertions, doubled: a 2-core machine under a full run is slow,
# and a correct system must not fail for it (a failing test only takes longer to report).
export AMB_TEST_TIMEOUT_SCALE="${AMB_TEST_TIMEOUT_SCALE:-2}"

phase() { # phase NAME COMMAND...: runs the command and prints how long it took
  local name=$1 started=$SECONDS
  shift
  "$@"
  echo "[time] $name: $((SECONDS - started)) s"
}

phase servers env AMB_PG_TUNE_FOR_TESTS=1 scripts/servers.sh
phase containers scripts/containers.sh
phase leftovers scripts/clean-test-leftovers.sh
phase node-packages scripts/node-packages.sh
phase build dotnet build AmbassadorNet.sln -nologo -clp:ErrorsOnly -v:q
exec scripts/run-tests.sh "$@"
