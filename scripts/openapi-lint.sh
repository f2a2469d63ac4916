#!/usr/bin/env bash
# Installs the OpenAPI linter that Contract.Tests runs over docs/openapi/*.json, at the version pinned
# in tools/openapi-lint/package-lock.json. Installs Node.js and npm from Debian when missing. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/../tools/openapi-lint"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v npm >/dev/null 2>&1; then
  echo "[openapi-lint] installing nodejs and npm" >&2
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi
# npm ci is quick when node_modules already matches the lock file, and exact when it does not.
npm ci --no-audit --no-fund --loglevel=error
