#!/usr/bin/env bash
# Optional end-to-end check of the PostgreSQL Compose setup (docker-compose.postgres.yml): builds
# the host image, starts the `postgres` service (official image postgres:16), runs the `host`
# service twice on the shipped samples (mounted read-only) and asserts through psql in the
# `postgres` service that 30 sales are stored once and that the total revenue is 526878 cents.
#
#   bash build/docker-e2e-postgres.sh
#
# Unlike build/docker-e2e.sh it installs and starts nothing: it needs a Docker engine that answers
# and the postgres:16 image (pulled, or present). Without either it prints one line
# "docker e2e postgres skipped: <reason>" and exits 0; any other failure exits non-zero.
# Environment: COMPOSE="docker-compose" to force a Compose flavour; E2E_KEEP=1 keeps containers and volumes.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

PG_IMAGE=postgres:16
RUN_ID="pge2e$$$(date +%s)"
export SALES_IMAGE_TAG="$RUN_ID"
export SALES_PG_PASSWORD="e2e-$RUN_ID"
COMPOSE_UP=""

log() { printf '[docker-e2e-postgres %(%H:%M:%S)T] %s\n' -1 "$*"; }
skip() { echo "docker e2e postgres skipped: $*"; exit 0; }
fail() { log "FAIL: $*" >&2; exit 1; }

if [ -n "${COMPOSE:-}" ]; then read -r -a COMPOSE_CMD <<<"$COMPOSE"
elif docker compose version >/dev/null 2>&1; then COMPOSE_CMD=(docker compose)
elif command -v docker-compose >/dev/null; then COMPOSE_CMD=(docker-compose)
else skip "no docker compose / docker-compose"; fi
compose() { "${COMPOSE_CMD[@]}" -p "$RUN_ID" -f docker-compose.yml -f docker-compose.postgres.yml "$@"; }

command -v docker >/dev/null || skip "docker is not installed"
docker info >/dev/null 2>&1 || skip "no Docker engine answers (start one, then run this script again)"
docker image inspect "$PG_IMAGE" >/dev/null 2>&1 || timeout 120 docker pull -q "$PG_IMAGE" >/dev/null 2>&1 \
  || skip "image $PG_IMAGE is neither present nor pullable (no registry access, and no local stand-in for it)"

cleanup() {
  local rc=$?
  set +e
  if [ -n "$COMPOSE_UP" ] && [ "${E2E_KEEP:-0}" != 1 ]; then
    [ $rc -ne 0 ] && compose logs --no-color postgres 2>&1 | tail -30
    compose down -v --remove-orphans >/dev/null 2>&1
    docker image rm "sales-host:$RUN_ID" "sales-db:$RUN_ID" >/dev/null 2>&1
  fi
  exit $rc
}
trap cleanup EXIT INT TERM

log "building the images (tag $RUN_ID)"
COMPOSE_UP=1
compose build >/dev/null || fail "compose build"

run_host() {
  compose run --rm -T -v "$ROOT/samples:/samples:ro" host run \
    --products /samples/produits.csv --stores /samples/magasins.csv --sales /samples/ventes.csv
}
psql_value() { compose exec -T postgres psql -U sales -d sales -tAc "$1" | tr -d '[:space:]'; }

log "first run"
out1=$(run_host 2>&1) || fail "first run: $out1"
log "second run (re-import: nothing new)"
out2=$(run_host 2>&1) || fail "second run: $out2"
case "$out1$out2" in *"$SALES_PG_PASSWORD"*) fail "the password was printed";; esac

sales=$(psql_value "SELECT COUNT(*) FROM sales")
revenue=$(psql_value "SELECT revenue_cents FROM latest_total_revenue")
imports=$(psql_value "SELECT COUNT(*) FROM imports WHERE outcome = 'succeeded'")
[ "$sales" = 30 ] || fail "expected 30 sales, found '$sales'"
[ "$revenue" = 526878 ] || fail "expected revenue 526878 cents, found '$revenue'"
[ "$imports" = 2 ] || fail "expected 2 succeeded imports, found '$imports'"
log "OK: 30 sales stored once over 2 imports, total revenue 5268.78 on PostgreSQL ($PG_IMAGE)"
