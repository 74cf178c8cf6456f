#!/usr/bin/env bash
# End-to-end check of the PostgreSQL Compose setup (docker-compose.yml + docker-compose.postgres.yml):
# builds the host image, starts the `postgres` service (named volume, pg_isready healthcheck), runs
# the `host` service against it on the shipped samples (mounted read-only), and asserts through psql
# in the `postgres` service:
#   run 1 stores the samples (5 products, 7 stores, 30 sales, total revenue 526878 cents = 5268.78),
#   run 2 stores nothing new, the data survives `down` + `up` (the volume), and run 3 still adds
#   nothing; the password is in no output of the host nor in the postgres service's log.
#
#   bash build/docker-e2e-postgres.sh
#
# Like build/docker-e2e.sh: installs docker.io / docker-compose / debootstrap when missing, starts
# dockerd when no engine answers (and stops it at the end), and uses local stand-ins for images no
# registry serves here (build/docker-standins.sh, build/docker-standin-postgres.sh: postgres:15 from
# Debian's postgresql-15). Stand-ins and the restore/publish stage of the host image (tag
# sales-host-build:pg-e2e) are kept between runs, so a second run on the same machine rebuilds only
# what changed. If no engine can be started it prints "docker e2e postgres skipped: <reason>" and
# exits 0; any other failure exits non-zero.
# Environment: COMPOSE="docker-compose" to force a Compose flavour; E2E_KEEP=1 keeps containers and volume.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

RUN_ID="pge2e$$$(date +%s)"
export SALES_IMAGE_TAG="$RUN_ID"
export SALES_PG_PASSWORD="pw-$RUN_ID-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
BUILD_CACHE_TAG=sales-host-build:pg-e2e
WORK=$(mktemp -d /tmp/docker-e2e-postgres.XXXXXX)
STARTED_DOCKERD=""
COMPOSE_UP=""
SKIPPED=""
SCRIPT_START=$SECONDS
PHASE=setup
PHASE_START=$SECONDS
declare -a TIMINGS=()

log() { printf '[docker-e2e-postgres %(%H:%M:%S)T] %s\n' -1 "$*"; }
phase() { TIMINGS+=("$(printf '%-10s %4ss' "$PHASE" $((SECONDS - PHASE_START)))"); PHASE=$1; PHASE_START=$SECONDS; log "== $PHASE"; }
skip() { SKIPPED=1; echo "docker e2e postgres skipped: $*"; exit 0; }
fail() { log "FAIL: $*" >&2; exit 1; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi; }

cleanup() {
  local rc=$?
  set +e
  trap - EXIT INT TERM
  if [ -n "$COMPOSE_UP" ] && [ "${E2E_KEEP:-0}" != 1 ]; then
    [ $rc -ne 0 ] && { log "log of the postgres service:"; compose logs --no-color postgres 2>&1 | tail -30; }
    compose down -v --remove-orphans >"$WORK/down.log" 2>&1 || { log "compose down failed:"; cat "$WORK/down.log"; }
    docker image rm "sales-host:$RUN_ID" >/dev/null 2>&1
  fi
  if [ -n "$STARTED_DOCKERD" ]; then
    log "stopping the dockerd this script started (pid $STARTED_DOCKERD)"
    as_root kill "$STARTED_DOCKERD" 2>/dev/null
    for _ in $(seq 1 30); do as_root kill -0 "$STARTED_DOCKERD" 2>/dev/null || break; sleep 1; done
  fi
  rm -rf "$WORK"
  if [ -z "$SKIPPED" ]; then
    TIMINGS+=("$(printf '%-10s %4ss' "$PHASE" $((SECONDS - PHASE_START)))")
    log "timings:"; printf '    %s\n' "${TIMINGS[@]}"
    log "total $((SECONDS - SCRIPT_START))s, exit $rc"
  fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ------------------------------------------------------------------ prerequisites and engine
log "== $PHASE"
need_pkgs=()
command -v dockerd >/dev/null || need_pkgs+=(docker.io)
command -v docker-compose >/dev/null || docker compose version >/dev/null 2>&1 || need_pkgs+=(docker-compose)
command -v debootstrap >/dev/null || need_pkgs+=(debootstrap)
if [ ${#need_pkgs[@]} -gt 0 ]; then
  log "installing ${need_pkgs[*]}"
  { as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive \
      apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}"; } >"$WORK/apt.log" 2>&1 \
    || { command -v dockerd >/dev/null || skip "could not install docker.io"; fail "could not install ${need_pkgs[*]}"; }
fi
if ! docker info >/dev/null 2>&1; then
  log "no engine answers: starting dockerd"
  as_root bash -c 'nohup dockerd >/tmp/docker-e2e-postgres-dockerd.log 2>&1 & echo $!' >"$WORK/dockerd.pid"
  STARTED_DOCKERD=$(cat "$WORK/dockerd.pid")
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && break
    as_root kill -0 "$STARTED_DOCKERD" 2>/dev/null || break
    sleep 1
  done
  docker info >/dev/null 2>&1 || { as_root kill "$STARTED_DOCKERD" 2>/dev/null; STARTED_DOCKERD=""; skip "the Docker engine could not start (see /tmp/docker-e2e-postgres-dockerd.log)"; }
fi
if [ -n "${COMPOSE:-}" ]; then read -r -a COMPOSE_CMD <<<"$COMPOSE"
elif docker compose version >/dev/null 2>&1; then COMPOSE_CMD=(docker compose)
elif command -v docker-compose >/dev/null; then COMPOSE_CMD=(docker-compose)
else fail "neither 'docker compose' nor 'docker-compose' is available"; fi
compose() { "${COMPOSE_CMD[@]}" -p "$RUN_ID" -f docker-compose.yml -f docker-compose.postgres.yml "$@"; }
log "engine $(docker version --format '{{.Server.Version}}' 2>/dev/null), compose: ${COMPOSE_CMD[*]}"

# ------------------------------------------------------------------ images
phase images
bash build/docker-standins.sh >"$WORK/standins.log" 2>&1 || { cat "$WORK/standins.log" >&2; fail "could not build the stand-in base images"; }
bash build/docker-standin-postgres.sh 2>&1 | grep -v -e DEPRECATED -e 'legacy builder' -e buildx -e 'docs.docker.com' -e '^ *$' \
  || true
PG_IMAGE=$(sed -n 's/^ *image: *\(postgres:[^ ]*\).*/\1/p' docker-compose.postgres.yml | head -1)
docker image inspect "$PG_IMAGE" >/dev/null 2>&1 || fail "no $PG_IMAGE image (neither pulled nor built)"
compose config -q || fail "docker-compose.yml + docker-compose.postgres.yml is not valid"
# The restore/publish stage under a tag of its own: the next run reuses its layers (restore stays
# cached until a project file changes); the stage it replaces is removed, nothing else.
old_cache=$(docker image inspect -f '{{.Id}}' "$BUILD_CACHE_TAG" 2>/dev/null || true)
docker build -q --network host --target build -t "$BUILD_CACHE_TAG" . >"$WORK/build.log" 2>&1 \
  || { tail -40 "$WORK/build.log" >&2; fail "build of the host image's build stage failed"; }
docker build -q --network host -t "sales-host:$RUN_ID" . >>"$WORK/build.log" 2>&1 \
  || { tail -40 "$WORK/build.log" >&2; fail "build of the host image failed"; }
new_cache=$(docker image inspect -f '{{.Id}}' "$BUILD_CACHE_TAG")
[ -n "$old_cache" ] && [ "$old_cache" != "$new_cache" ] && docker image rm "$old_cache" >/dev/null 2>&1 || true

# ------------------------------------------------------------------ runs
COMPOSE_UP=1
start_postgres() {
  compose up -d postgres >"$WORK/up.log" 2>&1 || { cat "$WORK/up.log" >&2; fail "compose up postgres"; }
  local health=""
  for _ in $(seq 1 90); do
    health=$(docker inspect -f '{{.State.Health.Status}}' "$(compose ps -q postgres)" 2>/dev/null || true)
    [ "$health" = healthy ] && break
    sleep 1
  done
  [ "$health" = healthy ] || fail "the postgres service is '$health', expected healthy (pg_isready)"
  log "postgres service healthy (pg_isready)"
}
run_host() {  # run_host N: the host service, pointed at the postgres service by the override file
  compose run --rm -T --no-deps -v "$ROOT/samples:/samples:ro" host run \
    --products /samples/produits.csv --stores /samples/magasins.csv --sales /samples/ventes.csv \
    >"$WORK/host$1.log" 2>&1 || { cat "$WORK/host$1.log" >&2; fail "host run $1 failed"; }
  sed 's/^/    host| /' "$WORK/host$1.log" | head -8
}
failures=0
# The stored state in one psql call through the postgres service (each exec costs a second or two).
state() {
  compose exec -T postgres psql -X -U sales -d sales -tAc "SELECT format('products=%s stores=%s sales=%s revenue=%s imports=%s',
      (SELECT COUNT(*) FROM products), (SELECT COUNT(*) FROM stores), (SELECT COUNT(*) FROM sales),
      (SELECT revenue_cents FROM latest_total_revenue), (SELECT COUNT(*) FROM imports WHERE outcome = 'succeeded'))" \
    2>&1 | tr -d '\r'
}
expect() {  # expect WHEN IMPORTS NEW: the samples stored once, after IMPORTS succeeded imports, the last one storing NEW sales
  local want="products=5 stores=7 sales=30 revenue=526878 imports=$2" got new
  got=$(state)
  if [ "$got" = "$want" ]; then log "ok: $1: $got"; else log "FAIL: $1: '$got', expected '$want'"; failures=$((failures + 1)); fi
  [ -z "$3" ] && return
  new=$(awk '$1 == "sales" { print $3; exit }' "$WORK/host$2.log")
  if [ "$new" = "$3" ]; then log "ok: run $2 reported $new new sales"; else log "FAIL: run $2 reported '$new' new sales, expected $3"; failures=$((failures + 1)); fi
}

phase run1
start_postgres
run_host 1
expect "after run 1" 1 30

phase run2
run_host 2
expect "after run 2" 2 0

phase volume
compose down >"$WORK/down1.log" 2>&1 || { cat "$WORK/down1.log" >&2; fail "compose down (keeping the volume)"; }
docker volume inspect "${RUN_ID}_sales-pg" >/dev/null 2>&1 && log "ok: volume ${RUN_ID}_sales-pg kept by down" \
  || { log "FAIL: volume ${RUN_ID}_sales-pg is gone after down"; failures=$((failures + 1)); }
start_postgres
expect "after down and up" 2 ""
run_host 3
expect "after run 3" 3 0

phase secrets
compose logs --no-color postgres >"$WORK/postgres.log" 2>&1
if grep -qF -- "$SALES_PG_PASSWORD" "$WORK"/host*.log "$WORK/postgres.log"; then
  log "FAIL: the password was printed"; failures=$((failures + 1))
else log "ok: the password is in no host output and not in the postgres log"; fi
[ "$failures" -eq 0 ] || fail "$failures assertion(s) failed"
log "PASS: docker e2e postgres ($PG_IMAGE$(docker image inspect -f '{{index .Config.Labels "org.opencontainers.image.description"}}' "$PG_IMAGE" | grep -q stand-in && echo ', local stand-in')): 30 sales stored once over 3 runs, 5268.78, data kept across down/up"
