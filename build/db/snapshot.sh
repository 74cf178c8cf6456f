#!/bin/sh
# Online snapshots of the live SQLite database into the backups folder.
#
#   snapshot             takes one now, then applies the retention rule
#   snapshot --if-due    the same, only if the schedule says one is due (the entrypoint's loop)
#   snapshot --due-in    prints the seconds until the next one is due (0: due now)
#   snapshot --describe  prints the schedule in one line
#
# A snapshot is made by SQLite itself, VACUUM INTO (never a copy of the live files): it reads the
# database in one read transaction, which sees one consistent state and, in WAL mode, never blocks
# a writer (an import keeps committing while it runs). It is written under a temporary name,
# flushed to disk, checked with PRAGMA integrity_check, and only then renamed to
# sales-YYYYMMDDTHHMMSSZ.db (UTC), so a half-written file never looks like a snapshot.
# Every outcome goes to the log and to the status file the healthcheck reads: a failure is never silent.
#
# Environment (default): DB_PATH (/data/sales.db), BACKUP_DIR (/backups), SNAPSHOT_INTERVAL (6h;
# 0 or off: no schedule), SNAPSHOT_RETRY (15m, after a failure), SNAPSHOT_KEEP_LAST (8),
# SNAPSHOT_KEEP_DAYS (14: also the newest snapshot of each of the last 14 UTC days),
# SNAPSHOT_STATUS (/tmp/db-snapshot.status), SNAPSHOT_NOW (the clock, for tests: 2026-11-26T12:00:00Z).
set -eu

# Run as the application user (a `docker compose exec` is root): the files it writes must be theirs.
if [ "$(id -u)" = 0 ] && [ -n "${APP_UID:-}" ]; then
  HOME=/tmp exec setpriv --reuid="$APP_UID" --regid="${APP_GID:-$APP_UID}" --clear-groups -- "$0" "$@"
fi

db=${DB_PATH:-/data/sales.db}
dir=${BACKUP_DIR:-/backups}
status=${SNAPSHOT_STATUS:-/tmp/db-snapshot.status}
keep_last=${SNAPSHOT_KEEP_LAST:-8}
keep_days=${SNAPSHOT_KEEP_DAYS:-14}

# 6h, 30m, 90s, 2d or a number of seconds -> seconds
seconds() {
  number=${1%[smhd]}
  case "$number" in ''|*[!0-9]*) echo "snapshot: '$1' is not a duration (e.g. 6h, 30m, 90s)" >&2; return 1;; esac
  case "$1" in
    *d) echo $((number * 86400)) ;; *h) echo $((number * 3600)) ;;
    *m) echo $((number * 60)) ;; *) echo "$number" ;;
  esac
}

now=$(if [ -n "${SNAPSHOT_NOW:-}" ]; then date -u -d "$SNAPSHOT_NOW" +%s; else date -u +%s; fi)
case "${SNAPSHOT_INTERVAL:-6h}" in 0|off) interval=0 ;; *) interval=$(seconds "${SNAPSHOT_INTERVAL:-6h}") ;; esac
retry=$(seconds "${SNAPSHOT_RETRY:-15m}")
case "$keep_last$keep_days" in *[!0-9]*) echo "snapshot: SNAPSHOT_KEEP_LAST and SNAPSHOT_KEEP_DAYS must be numbers" >&2; exit 2;; esac
[ "$keep_last" -ge 1 ] || { echo "snapshot: SNAPSHOT_KEEP_LAST must be at least 1" >&2; exit 2; }

log() { echo "db: $*"; }

# The snapshots, oldest first (the UTC stamp in the name sorts by time); other files are not ours.
snapshots() { ls -1 "$dir" 2>/dev/null | grep -E '^sales-[0-9]{8}T[0-9]{6}Z\.db$' | sort || true; }

# sales-20261126T120000Z.db -> seconds since 1970
stamp_seconds() {
  date -u -d "$(echo "$1" | sed 's/^sales-\(....\)\(..\)\(..\)T\(..\)\(..\)\(..\)Z\.db$/\1-\2-\3 \4:\5:\6/')" +%s
}

# "STATE SECONDS MESSAGE", one line, replaced whole: the healthcheck never reads half of it.
record() {
  { printf '%s %s %s\n' "$1" "$now" "$2" >"$status.tmp" && mv "$status.tmp" "$status"; } 2>/dev/null \
    || log "WARNING: could not write the status file $status"
}

fail() {
  echo "db: snapshot FAILED: $*" >&2
  record failed "$*"
  [ -z "${tmp:-}" ] || rm -f "$tmp"
  exit 1
}

# Seconds until the next scheduled snapshot: an interval after the newest snapshot or the last
# attempt, the retry delay after a failed attempt (or an empty database); 0 when there is none yet.
due_in() {
  [ "$interval" -gt 0 ] || { echo 86400; return; }
  newest=$(snapshots | tail -n 1)
  last=0; wait=$interval
  [ -z "$newest" ] || last=$(stamp_seconds "$newest")
  if [ -f "$status" ] && read -r state at _ <"$status" && [ "$at" -gt "$last" ] 2>/dev/null; then
    last=$at; [ "$state" = ok ] || wait=$retry
  fi
  [ "$last" -gt 0 ] || { echo 0; return; }
  left=$((last + wait - now))
  [ "$left" -gt 0 ] && echo "$left" || echo 0
}

# Keeps the newest $keep_last snapshots and the newest of each of the last $keep_days UTC days.
retain() {
  first_day=$(date -u -d "@$((now - (keep_days - 1) * 86400))" +%Y%m%d)
  n=0; previous_day=""
  for old in $(snapshots | sort -r); do
    n=$((n + 1)); day=$(echo "$old" | cut -c7-14); keep=""
    [ "$n" -gt "$keep_last" ] || keep=yes
    if [ "$day" != "$previous_day" ]; then
      previous_day=$day; [ "$day" -lt "$first_day" ] || keep=yes
    fi
    [ -n "$keep" ] || { rm -f "$dir/$old" && log "snapshot $old removed (retention)"; }
  done
}

sql_quote() { printf '%s' "$1" | sed "s/'/''/g"; }

take() {
  mkdir -p "$dir" 2>/dev/null || true
  # one snapshot at a time (the schedule and a manual `snapshot`): the second one waits
  touch "$dir/.snapshot.lock" 2>/dev/null || fail "cannot write to the backups folder $dir"
  exec 9>>"$dir/.snapshot.lock"
  flock 9
  if [ "${1:-}" = --if-due ] && [ "$(due_in)" -gt 0 ]; then return 0; fi
  rm -f "$dir"/.sales-*.db.tmp  # left by an interrupted snapshot: never complete
  [ -f "$db" ] || fail "no database at $db"
  tables=$(sqlite3 -cmd '.timeout 10000' "$db" "SELECT COUNT(*) FROM sqlite_master;" 2>&1) || fail "cannot read $db: $tables"
  if [ "$tables" = 0 ]; then  # looked at again after the retry delay, not a whole interval
    record empty "nothing to snapshot yet: $db is empty"; log "nothing to snapshot yet: $db is empty"; return 0
  fi

  name=sales-$(date -u -d "@$now" +%Y%m%dT%H%M%SZ).db
  [ ! -e "$dir/$name" ] || fail "$dir/$name already exists"
  tmp="$dir/.$name.tmp"
  out=$(sqlite3 -cmd '.timeout 10000' "$db" "VACUUM INTO '$(sql_quote "$tmp")';" 2>&1) || fail "VACUUM INTO $tmp: $out"
  sync "$tmp" || fail "cannot flush $tmp to disk"   # VACUUM INTO does not fsync its output
  check=$(sqlite3 -readonly "$tmp" "PRAGMA integrity_check;" 2>&1) || true
  [ "$check" = ok ] || fail "PRAGMA integrity_check on the new snapshot said: $(echo "$check" | head -n 3 | tr '\n' ' ')"
  mv "$tmp" "$dir/$name" || fail "cannot rename $tmp to $name"
  tmp=""
  sync "$dir" 2>/dev/null || true
  retain
  message="snapshot $dir/$name written and checked ($(stat -c %s "$dir/$name") bytes, $(snapshots | wc -l) kept)"
  record ok "$message"
  log "$message"
}

case "${1:-}" in
  "") take ;;
  --if-due) [ "$interval" -gt 0 ] || exit 0; take --if-due ;;
  --due-in) due_in ;;
  --describe)
    if [ "$interval" -gt 0 ]; then
      echo "snapshots of $db every ${SNAPSHOT_INTERVAL:-6h} into $dir, keeping the last $keep_last and the newest of each of the last $keep_days days"
    else
      echo "scheduled snapshots are off (SNAPSHOT_INTERVAL=${SNAPSHOT_INTERVAL}); 'snapshot' takes one on demand"
    fi ;;
  *) echo "usage: snapshot [--if-due | --due-in | --describe]" >&2; exit 2 ;;
esac
