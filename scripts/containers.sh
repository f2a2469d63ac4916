#!/usr/bin/env bash
# Installs and starts a container engine and builds every image of deploy/ on this machine
# (idempotent; test.sh calls it, and it is usable alone). No image registry is reachable here, so:
#  1. podman and runc from Debian's packages, configured by scripts/containers/containers.conf (the
#     workarounds this kind of machine needs, in its comments), and podman's Docker-compatible API on a
#     socket of ours for Testcontainers and docker-compose (AMB_CONTAINER_SOCKET); docker-compose 1.29
#     (Debian's) for the compose smoke test (deploy/README.md says why not podman-compose);
#  2. a Debian root file system made with debootstrap from Debian's mirror, imported as the image every
#     other image starts from;
#  3. deploy/docker/build-images.sh --content-tags: base, rabbitmq, postgres and one image per service,
#     each tagged by a hash of its inputs, so an unchanged image is reused. The names are written to
#     artifacts/containers/images.env, which the tests read.
# Containers run on the host's network only (never a bridge: it hands out private-range addresses).
#   scripts/containers.sh [--engine-only]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export CONTAINERS_CONF="$root/scripts/containers/containers.conf"
socket="${AMB_CONTAINER_SOCKET:-/run/ambassadornet/podman.sock}"
state=/var/lib/ambassadornet/containers
suite=bookworm
mirror=http://deb.debian.org/debian

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -E "$@"; fi; }
say() { echo "[containers] $*" >&2; } # stderr: functions that print a result print it on stdout

install_engine() {
  local missing=()
  for tool in podman runc debootstrap docker-compose; do command -v "$tool" >/dev/null || missing+=("$tool"); done
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]}"
    as_root apt-get update -q >/dev/null
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# podman's API service, for Testcontainers (DOCKER_HOST=unix://$socket). It runs until the machine
# stops; a second call finds it answering and leaves it alone.
start_service() {
  if curl -sf --unix-socket "$socket" http://d/_ping >/dev/null 2>&1; then return; fi
  as_root mkdir -p "$(dirname "$socket")" "$state"
  as_root rm -f "$socket"
  say "starting podman's API on $socket"
  # From /: the service outlives this script and the clone it ran in, and conmon, which it starts for
  # every container, fails ("Failed to get working directory") once that directory is deleted.
  (cd / && as_root env CONTAINERS_CONF="$CONTAINERS_CONF" setsid podman system service --time=0 "unix://$socket" \
    > "$state/podman-service.log" 2>&1 < /dev/null &)
  for _ in $(seq 1 50); do
    curl -sf --unix-socket "$socket" http://d/_ping >/dev/null 2>&1 && return
    sleep 0.2
  done
  echo "podman's API did not answer on $socket; see $state/podman-service.log" >&2
  exit 1
}

# The Debian root file system every image starts from, named by what made it.
debian_image() {
  local image="localhost/ambassadornet/debian:$suite-minbase"
  if ! podman image exists "$image"; then
    say "making $image with debootstrap from $mirror"
    local rootfs
    rootfs="$(mktemp -d /var/tmp/amb-rootfs.XXXXXX)"
    as_root debootstrap --variant=minbase "$suite" "$rootfs" "$mirror" > "$state/debootstrap.log" 2>&1 \
      || { tail -20 "$state/debootstrap.log" >&2; exit 1; }
    as_root tar -C "$rootfs" -c . | podman import -q --change 'CMD ["/bin/bash"]' - "$image" >/dev/null
    as_root rm -rf "$rootfs"
  fi
  echo "$image"
}

# Our images made more than a day ago that this build does not use: every change of the sources makes
# new service images (about 1 GB in all). An image a container still uses stays.
prune_old_images() {
  local current=$1 debian=$2
  podman images --filter 'reference=localhost/ambassadornet/*' --filter until=24h --format '{{.Repository}}:{{.Tag}}' \
    | grep -vxF -f <(cut -d= -f2 "$current"; echo "$debian") \
    | xargs -r podman rmi >/dev/null 2>&1 || true
}

as_root mkdir -p "$state"
install_engine
start_service
[ "${1:-}" = --engine-only ] && exit 0
debian="$(debian_image)"
images="$root/artifacts/containers/images.env"
DEBIAN_IMAGE="$debian" CONTAINER_CLI=podman AMB_IMAGES_FILE="$images" deploy/docker/build-images.sh --content-tags
prune_old_images "$images" "$debian"
