#!/usr/bin/env bash
# Installs the Node.js packages the tests use, each at the versions pinned in its package-lock.json:
#   tools/openapi-lint      the OpenAPI linter Contract.Tests runs over docs/openapi/*.json
#   clients/node-partner    a partner's gRPC client built from proto/ alone, run by PartnerApi.Tests
# Installs Node.js and npm from Debian when missing. Safe to run again.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v npm >/dev/null 2>&1; then
  echo "[node-packages] installing nodejs and npm" >&2
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi
for package in tools/openapi-lint clients/node-partner; do
  # npm ci is quick when node_modules already matches the lock file, and exact when it does not.
  (cd "$root/$package" && npm ci --no-audit --no-fund --loglevel=error)
done
