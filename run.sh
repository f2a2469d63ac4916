#!/usr/bin/env bash
# From a fresh Debian machine (root or sudo, .NET 10 SDK on PATH) to the running system: installs and
# starts PostgreSQL and RabbitMQ when missing (scripts/servers.sh), builds the .NET Aspire AppHost
# (which builds every service it runs) and starts it with its dashboard. Ctrl+C stops everything.
#   ./run.sh                       the whole system; the gateway on http://127.0.0.1:5000,
#                                  the dashboard on http://127.0.0.1:18888 (login link printed)
#   AMB_SKIP_SERVERS=1 ./run.sh    use servers you run yourself (see AMB_PG_* / AMB_RABBIT_* in
#                                  AmbassadorNet.AppHost/README.md), e.g. on macOS with Homebrew
set -euo pipefail
cd "$(dirname "$0")"

if [ "${AMB_SKIP_SERVERS:-0}" != 1 ]; then
  scripts/servers.sh
fi
dotnet build AmbassadorNet.AppHost/AmbassadorNet.AppHost.csproj -nologo -clp:ErrorsOnly -v:q

# What an Aspire launch profile would say: the dashboard, its OTLP receiver and its resource service
# on fixed loopback ports over plain HTTP (these machines have no trusted development certificate).
export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://127.0.0.1:18888}"
export ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL="${ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL:-http://127.0.0.1:18889}"
export ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL="${ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL:-http://127.0.0.1:18890}"
export ASPIRE_ALLOW_UNSECURED_TRANSPORT=true
export DOTNET_ENVIRONMENT="${DOTNET_ENVIRONMENT:-Development}"
# exec: Ctrl+C and SIGTERM go straight to the AppHost, which stops every resource before it exits.
exec dotnet artifacts/bin/AmbassadorNet.AppHost/debug/AmbassadorNet.AppHost.dll
