#!/usr/bin/env bash
# Builds every image of deploy/ from the Dockerfiles next to this script:
#   base      base.Dockerfile on DEBIAN_IMAGE: what the services run on
#   rabbitmq  rabbitmq/Dockerfile on DEBIAN_IMAGE (compose's broker; the tests' broker containers)
#   postgres  postgres/Dockerfile on DEBIAN_IMAGE (compose's database; the tests' database containers)
#   gateway, creators, ... Dockerfile on base: each service's self-contained `dotnet publish`
#
#   deploy/docker/build-images.sh [tag]          default tag: dev; REGISTRY=ghcr.io/acme to prefix the names
#   deploy/docker/build-images.sh --content-tags each image tagged by a hash of its inputs; an image whose
#                                                tag exists already is reused, not rebuilt
# Environment: CONTAINER_CLI (podman if installed, else docker), DEBIAN_IMAGE (debian:bookworm-slim from
# Docker Hub; scripts/containers.sh passes the root file system it made with debootstrap), ONLY (image
# names to build, e.g. "rabbitmq postgres"), AMB_IMAGES_FILE (where to write name=image lines).
set -euo pipefail
cd "$(dirname "$0")/../.."
here=deploy/docker

content_tags=false
tag=dev
case "${1:-}" in
  --content-tags) content_tags=true ;;
  "") ;;
  *) tag=$1 ;;
esac
cli="${CONTAINER_CLI:-$(command -v podman >/dev/null && echo podman || echo docker)}"
debian_image="${DEBIAN_IMAGE:-docker.io/library/debian:bookworm-slim}"
prefix="${REGISTRY:+$REGISTRY/}ambassadornet"
[ "$cli" = podman ] && [ -z "${REGISTRY:-}" ] && prefix="localhost/ambassadornet"
only=" ${ONLY:-base rabbitmq postgres gateway creators campaigns tracking payouts analytics audit webhooks} "

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
# Everything a service image is built from (a change anywhere here rebuilds every service image).
sources=(building-blocks gateway services docs/openapi global.json Directory.Build.props
  Directory.Build.targets Directory.Packages.props "$here/Dockerfile" "$here/build-images.sh")

declare -A built=()
images_file="${AMB_IMAGES_FILE:-}"
[ -n "$images_file" ] && mkdir -p "$(dirname "$images_file")" && : > "$images_file"

image_id() { "$cli" image inspect --format '{{.Id}}' "$1" 2>/dev/null; }

# The hash of the committed, changed and new files under the given paths, read from git (fast).
sources_hash() {
  { git ls-files -s -- "$@"; git diff HEAD -- "$@"; git ls-files -z --others --exclude-standard -- "$@" | xargs -0r sha256sum; } \
    | sha256sum | cut -c1-16
}

# name TAG: the image's full name, and whether it must be built (prints the name; returns 1 when present).
wanted() {
  local name=$1 inputs=$2 image
  if $content_tags; then image="$prefix/$name:$(printf '%s' "$inputs" | sha256sum | cut -c1-16)"; else image="$prefix/$name:$tag"; fi
  built[$name]=$image
  [ -n "$images_file" ] && echo "$name=$image" >> "$images_file"
  if $content_tags && image_id "$image" >/dev/null; then
    echo "==> $image (unchanged, reused)"
    return 1
  fi
  echo "==> $image"
}

build() { # build NAME CONTEXT DOCKERFILE BUILD-ARGS...
  local name=$1 context=$2 file=$3
  shift 3
  # podman writes OCI images unless told otherwise, and OCI has no HEALTHCHECK (compose uses it).
  local format=()
  [ "$cli" = podman ] && format=(--format docker)
  "$cli" build "${format[@]}" --network=host -q -f "$file" "$@" -t "${built[$name]}" "$context" >/dev/null
}

# Docker pulls a registry's Debian image on first use; here the id makes the tags change with the image.
debian_id="$(image_id "$debian_image" || echo "$debian_image")"

for name in rabbitmq postgres; do
  [[ "$only" == *" $name "* ]] || continue
  if wanted "$name" "$debian_id $(sources_hash "$here/$name")"; then
    build "$name" "$here/$name" "$here/$name/Dockerfile" --build-arg DEBIAN_IMAGE="$debian_image"
  fi
done

needs_base=false
for name in "${!projects[@]}"; do [[ "$only" == *" $name "* ]] && needs_base=true; done
if [[ "$only" == *" base "* ]] || $needs_base; then
  if wanted base "$debian_id $(sources_hash "$here/base.Dockerfile")"; then
    build base "$here" "$here/base.Dockerfile" --build-arg DEBIAN_IMAGE="$debian_image"
  fi
fi

if $needs_base; then
  base_id="$(image_id "${built[base]}")"
  services_hash="$(sources_hash "${sources[@]}")"
  for name in $(printf '%s\n' "${!projects[@]}" | sort); do
    [[ "$only" == *" $name "* ]] || continue
    wanted "$name" "$base_id $services_hash $name" || continue
    project=${projects[$name]}
    out="artifacts/publish/$name"
    rm -rf "$out"
    dotnet publish "$project" -c Release -r linux-x64 --self-contained -o "$out" -nologo -v:q -clp:ErrorsOnly -p:DebugType=none
    basename "$project" .csproj > "$out/.assembly-name"
    build "$name" "$out" "$here/Dockerfile" --build-arg BASE_IMAGE="${built[base]}"
  done
fi
