#!/usr/bin/env bash
# From a fresh Debian machine (root or sudo, .NET 10 SDK on PATH) to the running system: installs and
# starts PostgreSQL and RabbitMQ when missing (scripts/servers.sh), builds the AppHost (which builds
# every service it runs) and starts it. Ctrl+C stops everything.
#   ./run.sh                       the whole system; the gateway on http://127.0.0.1:5000
#   AMB_SKIP_SERVERS=1 ./run.sh    use servers you run yourself (see AMB_PG_* / AMB_RABBIT_* in
#                                  AmbassadorNet.AppHost/README.md), e.g. on macOS with Homebrew
set -euo pipefail
cd "$(dirname "$0")"

if [ "${AMB_SKIP_SERVERS:-0}" != 1 ]; then
  scripts/servers.sh
fi
dotnet build AmbassadorNet.AppHost/AmbassadorNet.AppHost.csproj -nologo -clp:ErrorsOnly -v:q
# exec: Ctrl+C and SIGTERM go straight to the AppHost, which stops its children before it exits.
exec dotnet artifacts/bin/AmbassadorNet.AppHost/debug/AmbassadorNet.AppHost.dll
