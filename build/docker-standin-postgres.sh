#!/usr/bin/env bash
# Makes the PostgreSQL image that docker-compose.postgres.yml names available on this Docker engine:
# kept when present (the real one pulled earlier, or a stand-in built earlier), pulled when a registry
# answers, and otherwise built locally from build/postgres-standin (Debian's postgresql-15 package on
# the debian:bookworm-slim image, itself a stand-in from build/docker-standins.sh when it cannot be
# pulled). A stand-in is labelled as one; a clean machine builds it once, later runs reuse it.
#
#   bash build/docker-standin-postgres.sh        (needs docker; root for the Debian stand-in)
#   FORCE_STANDINS=1 bash build/docker-standin-postgres.sh   rebuilds the stand-in
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PG_IMAGE=${PG_IMAGE:-$(sed -n 's/^ *image: *\(postgres:[^ ]*\).*/\1/p' "$ROOT/docker-compose.postgres.yml" | head -1)}
[ -n "$PG_IMAGE" ] || { echo "no postgres image named in docker-compose.postgres.yml" >&2; exit 1; }

log() { printf '[standin-postgres %(%H:%M:%S)T] %s\n' -1 "$*"; }

if [ "${FORCE_STANDINS:-0}" != 1 ] && docker image inspect "$PG_IMAGE" >/dev/null 2>&1; then
  log "$PG_IMAGE present, kept ($(docker image inspect -f '{{index .Config.Labels "org.opencontainers.image.description"}}' "$PG_IMAGE" 2>/dev/null || true))"
  exit 0
fi
if [ "${FORCE_STANDINS:-0}" != 1 ] && timeout 120 docker pull -q "$PG_IMAGE" >/dev/null 2>&1; then
  log "$PG_IMAGE pulled"
  exit 0
fi
log "$PG_IMAGE cannot be pulled: building a local stand-in"
docker image inspect debian:bookworm-slim >/dev/null 2>&1 || FORCE_STANDINS=0 bash "$ROOT/build/docker-standins.sh"
docker build -q --network host -t "$PG_IMAGE" "$ROOT/build/postgres-standin" >/dev/null
log "$PG_IMAGE built (stand-in: Debian postgresql-$(docker run --rm --entrypoint postgres "$PG_IMAGE" --version | awk '{print $3}'))"
