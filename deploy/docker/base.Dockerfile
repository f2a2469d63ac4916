# What every service image runs on: Debian with the libraries a self-contained .NET application
# loads (ICU for cultures, OpenSSL for TLS, zlib, time zones, CA certificates; GSSAPI, which Npgsql
# looks for at every connection and logs an error without) and the unprivileged
# user `app` (uid 1654, as in Microsoft's images). No .NET runtime: each service brings its own
# (dotnet publish --self-contained), so no Microsoft registry image is needed anywhere.
# DEBIAN_IMAGE: debian:bookworm-slim from a registry, or (where none is reachable) the root file
# system scripts/containers.sh makes with debootstrap.
ARG DEBIAN_IMAGE=docker.io/library/debian:bookworm-slim
FROM ${DEBIAN_IMAGE}
RUN apt-get update -q \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
      ca-certificates libgssapi-krb5-2 libicu72 libssl3 tzdata zlib1g \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --uid 1654 --user-group --no-create-home --home-dir /app --shell /usr/sbin/nologin app
