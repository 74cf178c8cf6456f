#!/usr/bin/env bash
# Builds local stand-ins for the official base images the project's Dockerfiles use,
# for machines that run a Docker engine but reach no container registry.
#
#   debian:bookworm-slim                 debootstrap (minbase) + ca-certificates, ICU, OpenSSL, tzdata
#   mcr.microsoft.com/dotnet/sdk:10.0     the stand-in Debian + this machine's .NET SDK (/usr/share/dotnet)
#   mcr.microsoft.com/dotnet/runtime:10.0 the stand-in Debian + this machine's .NET runtime only
#
# An image that already exists under its name (a stand-in built earlier, or the real one
# pulled from a registry) is left alone. Only the stand-ins get this machine's CA bundle
# (so that `dotnet restore` inside a container trusts the same certificates as this
# machine); the project's own Dockerfiles stay as they would be anywhere else.
#
# Usage: build/docker-standins.sh            (needs root, docker, debootstrap, dotnet)
#        FORCE_STANDINS=1 build/docker-standins.sh   rebuilds them all
set -euo pipefail

DEBIAN_IMAGE=${DEBIAN_IMAGE:-debian:bookworm-slim}
SDK_IMAGE=${SDK_IMAGE:-mcr.microsoft.com/dotnet/sdk:10.0}
RUNTIME_IMAGE=${RUNTIME_IMAGE:-mcr.microsoft.com/dotnet/runtime:10.0}
DEBIAN_MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
CA_BUNDLE=${CA_BUNDLE:-/etc/ssl/certs/ca-certificates.crt}
FORCE_STANDINS=${FORCE_STANDINS:-0}
LABEL='org.opencontainers.image.description="local stand-in built by build/docker-standins.sh"'

log() { printf '[standins %(%H:%M:%S)T] %s\n' -1 "$*"; }
have_image() { [ "$FORCE_STANDINS" != 1 ] && docker image inspect "$1" >/dev/null 2>&1; }

dotnet_root() {
  if [ -n "${DOTNET_ROOT:-}" ] && [ -x "$DOTNET_ROOT/dotnet" ]; then echo "$DOTNET_ROOT"; return; fi
  local d; d=$(command -v dotnet) || { echo "dotnet not found on PATH" >&2; return 1; }
  dirname "$(readlink -f "$d")"
}

work=$(mktemp -d /tmp/docker-standins.XXXXXX)
cleanup() { rm -rf "$work"; }
trap cleanup EXIT

build_debian() {
  if have_image "$DEBIAN_IMAGE"; then log "$DEBIAN_IMAGE present, kept"; return; fi
  command -v debootstrap >/dev/null || { echo "debootstrap is not installed" >&2; return 1; }
  local rootfs=$work/rootfs
  log "debootstrap bookworm (minbase) into $rootfs"
  debootstrap --variant=minbase --include=ca-certificates,libicu72,libssl3,tzdata \
    bookworm "$rootfs" "$DEBIAN_MIRROR" >"$work/debootstrap.log" 2>&1 \
    || { tail -30 "$work/debootstrap.log" >&2; return 1; }
  cat >"$rootfs/etc/apt/sources.list" <<SRC
deb http://deb.debian.org/debian bookworm main
deb http://deb.debian.org/debian bookworm-updates main
deb http://deb.debian.org/debian-security bookworm-security main
SRC
  cp "$CA_BUNDLE" "$rootfs/etc/ssl/certs/ca-certificates.crt"
  rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/archives/*.deb \
         "$rootfs"/var/log/* "$rootfs"/dev/* 2>/dev/null || true
  : >"$rootfs/etc/resolv.conf"
  log "importing $DEBIAN_IMAGE"
  tar -C "$rootfs" --numeric-owner -c . | docker import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'CMD ["bash"]' --change "LABEL $LABEL" - "$DEBIAN_IMAGE" >/dev/null
  rm -rf "$rootfs"
}

# $1 image, $2 context dir prepared with a dotnet/ folder
build_dotnet() {
  local image=$1 ctx=$2
  cp "$CA_BUNDLE" "$ctx/ca-certificates.crt"
  cat >"$ctx/Dockerfile" <<DOCKERFILE
FROM $DEBIAN_IMAGE
COPY dotnet /usr/share/dotnet
COPY ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
RUN ln -sf /usr/share/dotnet/dotnet /usr/bin/dotnet
ENV DOTNET_ROOT=/usr/share/dotnet \\
    DOTNET_RUNNING_IN_CONTAINER=true \\
    DOTNET_NOLOGO=1 \\
    DOTNET_CLI_TELEMETRY_OPTOUT=1 \\
    NUGET_XMLDOC_MODE=skip \\
    NUGET_CERT_REVOCATION_MODE=offline
LABEL $LABEL
DOCKERFILE
  log "building $image"
  docker build -q -t "$image" "$ctx" >/dev/null
}

build_sdk() {
  if have_image "$SDK_IMAGE"; then log "$SDK_IMAGE present, kept"; return; fi
  local src ctx=$work/sdk; src=$(dotnet_root)
  [ -d "$src/sdk" ] || { echo "no SDK under $src" >&2; return 1; }
  mkdir -p "$ctx"
  cp -al "$src" "$ctx/dotnet" 2>/dev/null || cp -a "$src" "$ctx/dotnet"
  build_dotnet "$SDK_IMAGE" "$ctx"
  rm -rf "$ctx"
}

build_runtime() {
  if have_image "$RUNTIME_IMAGE"; then log "$RUNTIME_IMAGE present, kept"; return; fi
  local src ctx=$work/runtime f; src=$(dotnet_root)
  mkdir -p "$ctx/dotnet/shared"
  for f in dotnet host LICENSE.txt ThirdPartyNotices.txt; do
    [ -e "$src/$f" ] && cp -a "$src/$f" "$ctx/dotnet/"
  done
  cp -a "$src/shared/Microsoft.NETCore.App" "$ctx/dotnet/shared/"
  build_dotnet "$RUNTIME_IMAGE" "$ctx"
  rm -rf "$ctx"
}

build_debian
build_sdk
build_runtime
log "done"
