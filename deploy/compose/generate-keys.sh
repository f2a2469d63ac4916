#!/usr/bin/env bash
# Generates everything AmbassadorNet needs that must be secret, with openssl:
#   the gateway's ES256 key pair (P-256) and its key id, the operator key, tracking's IP hash key,
#   the key-encryption key of the webhooks service's secrets (same id), and the PostgreSQL and
#   RabbitMQ passwords.
#
#   ./generate-keys.sh                  writes ./.env for docker compose (refuses to overwrite), with the
#                                       project's name and files (docker-compose.yml and the bridge network)
#   ./generate-keys.sh --pem-dir DIR    also writes DIR/<kid>.private.pem, DIR/<kid>.public.pem,
#                                       DIR/<kid>.webhooks-secrets-key, DIR/operator-key and
#                                       DIR/ip-hash-key for a kubernetes overlay
#   KID=prod-2027-01 ./generate-keys.sh picks the key id (default: amb-<UTC date and time>)
set -euo pipefail
cd "$(dirname "$0")"

pem_dir=""
if [[ "${1:-}" == "--pem-dir" ]]; then
  pem_dir="${2:?--pem-dir needs a directory}"
fi

kid="${KID:-amb-$(date -u +%Y%m%d%H%M%S)}"
[[ "$kid" =~ ^[A-Za-z0-9-]+$ ]] || { echo "KID may contain letters, digits and '-' only" >&2; exit 1; }

umask 077 # every file written here is a secret
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

openssl ecparam -name prime256v1 -genkey -noout -out "$work/ec.pem" 2>/dev/null
# PKCS#8 for the private key, SubjectPublicKeyInfo for the public one: what .NET's ImportFromPem reads.
openssl pkcs8 -topk8 -nocrypt -in "$work/ec.pem" -out "$work/private.pem"
openssl ec -in "$work/ec.pem" -pubout -out "$work/public.pem" 2>/dev/null

# Letters and digits only (they end up inside connection strings); 48 characters ~ 285 bits.
random() { openssl rand -base64 64 | tr -dc 'A-Za-z0-9' | head -c 48; }
# The webhooks service's key-encryption key: base64 of 32 random bytes, what it decodes.
secrets_key() { openssl rand -base64 32; }
one_line() { awk 'BEGIN { ORS = "\\n" } { print }' "$1"; } # PEM as one line with \n escapes

if [[ -n "$pem_dir" ]]; then
  mkdir -p "$pem_dir"
  for f in "$pem_dir/$kid.private.pem" "$pem_dir/$kid.public.pem" "$pem_dir/$kid.webhooks-secrets-key"; do
    [[ ! -e "$f" ]] || { echo "$f exists; not overwriting" >&2; exit 1; }
  done
  cp "$work/private.pem" "$pem_dir/$kid.private.pem"
  cp "$work/public.pem" "$pem_dir/$kid.public.pem"
  secrets_key > "$pem_dir/$kid.webhooks-secrets-key"
  [[ -e "$pem_dir/operator-key" ]] || random > "$pem_dir/operator-key"
  [[ -e "$pem_dir/ip-hash-key" ]] || random > "$pem_dir/ip-hash-key"
  echo "Wrote $pem_dir/$kid.{private,public}.pem, $kid.webhooks-secrets-key (kid $kid), operator-key and ip-hash-key."
  echo "Set the kid in the overlay's kustomization.yaml (deploy/README.md, 'Keys')."
  exit 0
fi

[[ ! -e .env ]] || { echo ".env exists; not overwriting (delete it to start over: the databases keep the old passwords)" >&2; exit 1; }
cat > .env <<ENV
COMPOSE_PROJECT_NAME=ambassadornet
COMPOSE_FILE=docker-compose.yml:docker-compose.bridge.yml
POSTGRES_PASSWORD=$(random)
RABBITMQ_PASSWORD=$(random)
AMB_OPERATOR_KEY=$(random)
AMB_SIGNING_KEY_ID=$kid
AMB_SIGNING_KEY_PEM="$(one_line "$work/private.pem")"
AMB_PUBLIC_KEY_PEM="$(one_line "$work/public.pem")"
AMB_IP_HASH_KEY=$(random)
AMB_WEBHOOKS_SECRETS_KEY_ID=$kid
AMB_WEBHOOKS_SECRETS_KEY=$(secrets_key)
ENV
echo "Wrote $(pwd)/.env (key id $kid). The operator key is AMB_OPERATOR_KEY in it."
