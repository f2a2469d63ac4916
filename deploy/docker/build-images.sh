#!/usr/bin/env bash
# Builds every image from deploy/docker/Dockerfile with the names compose and kubernetes use:
#   deploy/docker/build-images.sh [tag]        (default tag: dev; REGISTRY=ghcr.io/acme to prefix)
set -euo pipefail
cd "$(dirname "$0")/../.."
tag="${1:-dev}"
prefix="${REGISTRY:+$REGISTRY/}ambassadornet"

# image name -> project; a new service adds one line (and its compose and k8s entries).
declare -A projects=(
  [gateway]=gateway/AmbassadorNet.Gateway/AmbassadorNet.Gateway.csproj
  [creators]=services/Creators/AmbassadorNet.Creators.csproj
  [campaigns]=services/Campaigns/AmbassadorNet.Campaigns.csproj
  [tracking]=services/Tracking/AmbassadorNet.Tracking.csproj
  [payouts]=services/Payouts/AmbassadorNet.Payouts.csproj
  [analytics]=services/Analytics/AmbassadorNet.Analytics.csproj
  [audit]=services/Audit/AmbassadorNet.Audit.csproj
  [webhooks]=services/Webhooks/AmbassadorNet.Webhooks.csproj
)

for name in "${!projects[@]}"; do
  echo "==> $prefix/$name:$tag"
  docker build -f deploy/docker/Dockerfile --build-arg PROJECT="${projects[$name]}" -t "$prefix/$name:$tag" .
done
