#!/usr/bin/env bash
# End-to-end check of the Docker packaging: builds both images with Compose, serves the
# sample CSV files over HTTP on 127.0.0.1, runs the `host` service twice (override file
# docker-compose.e2e.yml: host network, local URLs) and asserts through the `db` service
# that 5 products, 7 stores and 30 sales are stored and that analysis results exist.
# Then the backups: a snapshot, 12 more lines imported, the data volume deleted, `restore`,
# an import again, and every sales line checked to be there exactly once.
#
#   bash build/docker-e2e.sh
#
# Installs docker.io / docker-compose / debootstrap when missing, starts dockerd when no
# engine answers (and stops it again at the end), and builds local stand-ins for the base
# images when they are missing (build/docker-standins.sh). If no engine can be started it
# prints one line "docker e2e skipped: <reason>" and exits 0; any other failure exits non-zero.
#
# Environment: COMPOSE="docker-compose" to force a Compose flavour (default: `docker compose`
# when available, else `docker-compose`); E2E_KEEP=1 keeps containers, volume and images.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

SCRIPT_START=$SECONDS
PHASE_START=$SECONDS
PHASE=setup
declare -a TIMINGS=()
# Until the engine answers, progress goes to a buffer: a skip prints its one line only.
EARLY_LOG=""
log() {
  if [ -n "$EARLY_LOG" ]; then printf '[docker-e2e %(%H:%M:%S)T] %s\n' -1 "$*" >>"$EARLY_LOG"
  else printf '[docker-e2e %(%H:%M:%S)T] %s\n' -1 "$*"; fi
}
flush_early() { [ -n "$EARLY_LOG" ] && { cat "$EARLY_LOG"; EARLY_LOG=""; }; return 0; }
phase() {   # phase NAME: closes the previous phase, opens the next one
  TIMINGS+=("$(printf '%-12s %4ss' "$PHASE" $((SECONDS - PHASE_START)))")
  PHASE=$1; PHASE_START=$SECONDS
  log "== $PHASE"
}
SKIPPED=""
skip() { SKIPPED=1; EARLY_LOG=""; echo "docker e2e skipped: $*"; exit 0; }
fail() { flush_early; log "FAIL: $*" >&2; exit 1; }

RUN_ID="e2e$$$(date +%s)"
PROJECT="salese2e${RUN_ID}"
export SALES_IMAGE_TAG="$RUN_ID"
WORK=$(mktemp -d /tmp/docker-e2e.XXXXXX)
EARLY_LOG=$WORK/early.log
STARTED_DOCKERD=""
HTTP_PID=""
COMPOSE_UP=""

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi; }

cleanup() {
  local rc=$?
  set +e
  trap - EXIT INT TERM
  [ -z "$SKIPPED" ] && flush_early
  if [ -n "$COMPOSE_UP" ]; then
    if [ $rc -ne 0 ]; then
      log "logs of the db service:"; compose logs --no-color db 2>&1 | tail -40
    fi
    if [ "${E2E_KEEP:-0}" = 1 ]; then
      log "E2E_KEEP=1: kept compose project $PROJECT (images tag $SALES_IMAGE_TAG)"
    else
      compose down -v --rmi all --remove-orphans >"$WORK/down.log" 2>&1 \
        || { log "compose down failed:"; cat "$WORK/down.log"; }
      # the untagged build-stage layers this run's builds left behind
      if [ -f "$WORK/dangling.before" ]; then
        docker images -q --no-trunc --filter dangling=true | sort >"$WORK/dangling.after"
        comm -13 "$WORK/dangling.before" "$WORK/dangling.after" | xargs -r docker rmi >/dev/null 2>&1
      fi
    fi
  fi
  [ -n "$HTTP_PID" ] && kill "$HTTP_PID" 2>/dev/null && wait "$HTTP_PID" 2>/dev/null
  if [ -n "$STARTED_DOCKERD" ]; then
    log "stopping the dockerd this script started (pid $STARTED_DOCKERD)"
    as_root kill "$STARTED_DOCKERD" 2>/dev/null
    for _ in $(seq 1 30); do as_root kill -0 "$STARTED_DOCKERD" 2>/dev/null || break; sleep 1; done
  fi
  rm -rf "$WORK"
  if [ -z "$SKIPPED" ]; then
    TIMINGS+=("$(printf '%-12s %4ss' "$PHASE" $((SECONDS - PHASE_START)))")
    log "timings:"; printf '    %s\n' "${TIMINGS[@]}"
    log "total $((SECONDS - SCRIPT_START))s, exit $rc"
  fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ------------------------------------------------------------------ prerequisites
log "== $PHASE"
need_pkgs=()
command -v docker >/dev/null || need_pkgs+=(docker.io)
command -v dockerd >/dev/null || need_pkgs+=(docker.io)
command -v docker-compose >/dev/null || docker compose version >/dev/null 2>&1 || need_pkgs+=(docker-compose)
command -v debootstrap >/dev/null || need_pkgs+=(debootstrap)
command -v python3 >/dev/null || need_pkgs+=(python3)
command -v curl >/dev/null || need_pkgs+=(curl)
if [ ${#need_pkgs[@]} -gt 0 ]; then
  log "installing ${need_pkgs[*]}"
  if ! { as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive \
           apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}"; } >"$WORK/apt.log" 2>&1; then
    command -v dockerd >/dev/null || skip "could not install docker.io ($(tail -1 "$WORK/apt.log"))"
    tail -20 "$WORK/apt.log" >&2; fail "could not install ${need_pkgs[*]}"
  fi
fi

# ------------------------------------------------------------------ engine
phase engine
if ! docker info >/dev/null 2>&1; then
  command -v dockerd >/dev/null || skip "no dockerd on this machine"
  log "no engine answers: starting dockerd"
  as_root bash -c 'nohup dockerd >/tmp/docker-e2e-dockerd.log 2>&1 & echo $!' >"$WORK/dockerd.pid"
  STARTED_DOCKERD=$(cat "$WORK/dockerd.pid")
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && break
    as_root kill -0 "$STARTED_DOCKERD" 2>/dev/null || break
    sleep 1
  done
  if ! docker info >/dev/null 2>&1; then
    reason=$(grep -iE 'level=(fatal|error)' /tmp/docker-e2e-dockerd.log | tail -1 | sed 's/.*msg="\([^"]*\)".*/\1/' || true)
    as_root kill "$STARTED_DOCKERD" 2>/dev/null || true; STARTED_DOCKERD=""
    skip "the Docker engine could not start (${reason:-see /tmp/docker-e2e-dockerd.log})"
  fi
fi
flush_early
log "engine $(docker version --format '{{.Server.Version}}' 2>/dev/null)"

if [ -n "${COMPOSE:-}" ]; then read -r -a COMPOSE_CMD <<<"$COMPOSE"
elif docker compose version >/dev/null 2>&1; then COMPOSE_CMD=(docker compose)
elif command -v docker-compose >/dev/null; then COMPOSE_CMD=(docker-compose)
else fail "neither 'docker compose' nor 'docker-compose' is available"; fi
log "compose: ${COMPOSE_CMD[*]} ($("${COMPOSE_CMD[@]}" version --short 2>/dev/null || true))"
compose() { "${COMPOSE_CMD[@]}" -p "$PROJECT" -f docker-compose.yml -f docker-compose.e2e.yml "$@"; }

# ------------------------------------------------------------------ stand-in base images
phase standins
bash build/docker-standins.sh || fail "could not build the stand-in base images"
# a container must be able to run at all (some sandboxes start dockerd but cannot run one)
if ! docker run --rm --network none debian:bookworm-slim true >"$WORK/probe.log" 2>&1; then
  skip "the engine cannot run a container ($(tail -1 "$WORK/probe.log"))"
fi

# ------------------------------------------------------------------ compose files
phase config
"${COMPOSE_CMD[@]}" -f docker-compose.yml config -q || fail "docker-compose.yml is not valid"
"${COMPOSE_CMD[@]}" -f docker-compose.yml --profile watch config -q || fail "docker-compose.yml (profile watch) is not valid"

# ------------------------------------------------------------------ HTTP server
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export SALES_E2E_BASE_URL="http://127.0.0.1:$PORT"
mkdir "$WORK/served" && cp "$ROOT"/samples/*.csv "$WORK/served/"   # a copy: the backups phase grows its sales sheet
python3 -m http.server --bind 127.0.0.1 --directory "$WORK/served" "$PORT" >"$WORK/http.log" 2>&1 &
HTTP_PID=$!
for _ in $(seq 1 50); do curl -fsS -o /dev/null "$SALES_E2E_BASE_URL/produits.csv" 2>/dev/null && break; sleep 0.2; done
curl -fsS -o /dev/null "$SALES_E2E_BASE_URL/produits.csv" || fail "the sample HTTP server did not start"
compose config -q || fail "docker-compose.yml + docker-compose.e2e.yml is not valid"
log "samples served at $SALES_E2E_BASE_URL"

# ------------------------------------------------------------------ build
phase build
docker images -q --no-trunc --filter dangling=true | sort >"$WORK/dangling.before"
COMPOSE_UP=1
build_args=()   # v1's legacy builder leaves the container of a failed step behind without this
[ "${COMPOSE_CMD[0]}" = docker-compose ] && build_args+=(--force-rm)
timeout 1500 "${COMPOSE_CMD[@]}" -p "$PROJECT" -f docker-compose.yml -f docker-compose.e2e.yml build "${build_args[@]}" \
  >"$WORK/build.log" 2>&1 || { tail -60 "$WORK/build.log" >&2; fail "compose build failed"; }
grep -E '^(Step [0-9]+/[0-9]+ : RUN|Successfully tagged|#[0-9]+ (naming|DONE))' "$WORK/build.log" | tail -8 || true
user=$(docker image inspect -f '{{.Config.User}}' "sales-host:$SALES_IMAGE_TAG")
case "${user%%:*}" in ""|0|root) fail "the host image runs as root (User='$user')";; esac
log "host image runs as user $user"
docker run --rm --entrypoint sh "sales-host:$SALES_IMAGE_TAG" -c \
  'test -f /app/Sales.Host.dll && ! find /app \( -name "*.csv" -o -name "*Tests*.dll" -o -name "*.db" \) | grep -q .' \
  || fail "the host image lacks /app/Sales.Host.dll or contains test data/assemblies"

# ------------------------------------------------------------------ runs
# The image's default command is `run` (import then analyze). Until the host has that verb,
# run `import` instead, and say so.
HOST_ARGS=()
compose run --rm -T --no-deps host --help >"$WORK/help.log" 2>&1 || true
verbs=$(sed -n '/^Commands:/,/^[[:space:]]*$/p' "$WORK/help.log" | awk 'NR > 1 && NF { print $1 }' | paste -sd' ')
[ -n "$verbs" ] || { cat "$WORK/help.log" >&2; fail "'host --help' lists no commands"; }
if ! grep -qw run <<<"$verbs"; then
  HOST_ARGS=(import)
  log "NOTE: the host has no 'run' verb yet (verbs: $verbs); running 'import' instead of the default command"
fi
run_host() {   # run_host N
  log "docker compose run --rm host ${HOST_ARGS[*]:-} (run $1)"
  if ! timeout 600 "${COMPOSE_CMD[@]}" -p "$PROJECT" -f docker-compose.yml -f docker-compose.e2e.yml \
         run --rm -T host "${HOST_ARGS[@]}" >"$WORK/host$1.log" 2>&1; then
    cat "$WORK/host$1.log" >&2; fail "host run $1 failed"
  fi
  sed 's/^/    host| /' "$WORK/host$1.log" | tail -25
}
phase run1
run_host 1
health=$(docker inspect -f '{{.State.Health.Status}}' "$(compose ps -q db)")
[ "$health" = healthy ] || fail "db service is '$health', expected healthy"
log "db service is healthy"
phase run2
run_host 2

# ------------------------------------------------------------------ assertions
phase assert
sql() {  # sql QUERY [DATABASE]: the way a data engineer queries, through the db service
  compose run --rm -T db sqlite3 -batch -noheader "${2:-/data/sales.db}" "$1" 2>"$WORK/sql.err" | tr -d '\r' \
    || { cat "$WORK/sql.err" >&2; return 1; }
}
failures=0
check_count() {  # check_count TABLE EXPECTED
  local got; got=$(sql "SELECT COUNT(*) FROM $1;") || { log "FAIL: cannot count $1"; failures=$((failures+1)); return; }
  if [ "$got" = "$2" ]; then log "ok: $1 has $got rows"
  else log "FAIL: $1 has '$got' rows, expected $2"; failures=$((failures+1)); fi
}
check_count products 5
check_count stores 7
check_count sales 30
has_runs=$(sql "SELECT COUNT(*) FROM sqlite_master WHERE type='table' AND name='analysis_runs';") || has_runs=error
if [ "$has_runs" = 1 ]; then
  runs=$(sql "SELECT COUNT(*) FROM analysis_runs;")
  if [ "${runs:-0}" -gt 0 ] 2>/dev/null; then log "ok: analysis_runs has $runs rows"
  else log "FAIL: analysis_runs has '${runs}' rows, expected > 0"; failures=$((failures+1)); fi
  log "analysis tables: $(sql "SELECT group_concat(name, ', ') FROM sqlite_master WHERE type='table' AND name LIKE 'analysis\_%' ESCAPE '\\';")"
elif [ "$has_runs" = 0 ]; then
  log "NOTE: no table analysis_runs in the database: the analyses are not implemented yet, so their assertion was not made"
else
  log "FAIL: could not read the schema"; failures=$((failures+1))
fi
owner=$(compose run --rm -T --entrypoint stat db -c '%u' /data/sales.db 2>/dev/null | tr -d '\r')
if [ "$owner" = 10001 ]; then log "ok: /data/sales.db belongs to uid 10001"
else log "FAIL: /data/sales.db belongs to uid '$owner', expected 10001"; failures=$((failures+1)); fi
# backup and restore as docs/docker.md shows them
compose run --rm -T db sh -c 'sqlite3 /data/sales.db ".backup /tmp/backup.db" && cat /tmp/backup.db' \
  >"$WORK/backup.db" 2>"$WORK/backup.err" || { cat "$WORK/backup.err" >&2; fail "backup failed"; }
if [ "$(head -c 15 "$WORK/backup.db")" = "SQLite format 3" ]; then log "ok: backup streamed out ($(stat -c %s "$WORK/backup.db") bytes)"
else log "FAIL: the backup is not a SQLite database"; failures=$((failures+1)); fi
sql "DELETE FROM sales;" >/dev/null
check_count sales 0
compose run --rm -T db sh -c 'cat > /tmp/restore.db && test "$(sqlite3 /tmp/restore.db "PRAGMA integrity_check")" = ok && sqlite3 /data/sales.db ".restore /tmp/restore.db"' \
  <"$WORK/backup.db" 2>"$WORK/restore.err" || { cat "$WORK/restore.err" >&2; fail "restore failed"; }
check_count sales 30
[ "$failures" -eq 0 ] || fail "$failures assertion(s) failed"

# ------------------------------------------------------------------ backups (docs/docker.md, Backups)
# import (above), snapshot, import more, lose the data volume, restore, import again: every line once.
phase backups
in_db() {  # in_db SCRIPT: in the running db container (faster than a one-off `run`)
  compose exec -T db sh -c "$1" 2>"$WORK/exec.err" | tr -d '\r' || { cat "$WORK/exec.err" >&2; return 1; }
}
sales_lines() {  # every stored sales identity, one a line, sorted
  in_db "sqlite3 -batch -noheader /data/sales.db \"SELECT sale_date||','||product_reference||','||store_id||','||quantity||','||occurrence FROM sales ORDER BY 1;\""
}
in_db 'snapshot && ls /backups | grep "^sales-.*Z\.db$" | tail -n 1' >"$WORK/snapshot.log" || fail "snapshot failed"
sed '$d; s/^/    db| /' "$WORK/snapshot.log"
newest=$(tail -n 1 "$WORK/snapshot.log")
in_snapshot=$(in_db "sqlite3 -batch -noheader /backups/$newest 'SELECT COUNT(*) FROM sales;'")
if [ "$in_snapshot" = 30 ]; then log "ok: snapshot $newest holds 30 sales"
else log "FAIL: snapshot '$newest' holds '$in_snapshot' sales, expected 30"; failures=$((failures+1)); fi
for i in $(seq 1 12); do   # 12 lines that arrive after the snapshot
  printf '2024-03-%02d,REF00%d,%d,%d\n' "$i" $((i % 5 + 1)) "$i" $((i % 7 + 1))
done >>"$WORK/served/ventes.csv"
run_host 3
sales_lines >"$WORK/sales.before" || fail "cannot list the sales lines"
if [ "$(wc -l <"$WORK/sales.before")" = 42 ]; then log "ok: sales has 42 rows"
else log "FAIL: sales has $(wc -l <"$WORK/sales.before") rows, expected 42"; failures=$((failures+1)); fi
log "losing the data volume: docker compose stop db, rm db, docker volume rm ${PROJECT}_sales-data"
{ compose stop db && compose rm -f db && docker volume rm "${PROJECT}_sales-data"; } >"$WORK/lose.log" 2>&1 \
  || { cat "$WORK/lose.log" >&2; fail "could not remove the data volume"; }
compose run --rm -T db restore >"$WORK/restore.log" 2>&1 || { cat "$WORK/restore.log" >&2; fail "restore failed"; }
sed 's/^/    db| /' "$WORK/restore.log"
check_count sales 30
run_host 4
grep -Eq 'sales[[:space:]]+42[[:space:]]+12[[:space:]]+30[[:space:]]' "$WORK/host4.log" \
  && log "ok: the import after the restore read 42 sales lines, stored the 12 new since the snapshot, found 30 known" \
  || { log "FAIL: the import after the restore did not report 42 read, 12 new, 30 duplicate"; failures=$((failures+1)); }
sales_lines >"$WORK/sales.after" || fail "cannot list the sales lines"
if cmp -s "$WORK/sales.before" "$WORK/sales.after"; then log "ok: all 42 sales lines are there exactly once, as before the loss"
else log "FAIL: the sales lines differ from before the loss"; diff "$WORK/sales.before" "$WORK/sales.after" | head -10; failures=$((failures+1)); fi
health=$(docker inspect -f '{{.State.Health.Status}}' "$(compose ps -q db)")
[ "$health" = healthy ] && log "ok: db service is healthy after the restore" \
  || { log "FAIL: db service is '$health' after the restore"; failures=$((failures+1)); }
[ "$failures" -eq 0 ] || fail "$failures assertion(s) failed"

phase cleanup
log "PASS: docker e2e (4 runs of host, counts checked through db, snapshot and restore after losing the data volume)"
