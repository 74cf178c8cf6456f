#!/bin/sh
# Restores a snapshot into the live database.
#
#   restore                          the newest snapshot in the backups folder
#   restore sales-20261126T120000Z.db   that one (a name in the backups folder, or a path)
#
# Precondition: host and watch are stopped (docker compose --profile watch stop watch; no host run
# in progress). The restore checks it: it takes SQLite's exclusive lock on the live database
# (locking_mode EXCLUSIVE + BEGIN EXCLUSIVE, which in WAL mode also waits for every reader), and
# refuses (exit 3) if another connection still holds it after RESTORE_LOCK_TIMEOUT_MS.
#
# 1. The snapshot must pass PRAGMA integrity_check, or nothing is touched.
# 2. A sound live database is first copied to BACKUP_DIR/before-restore-STAMP.db (VACUUM INTO), then
#    overwritten in place by SQLite's backup API (.restore) under that lock: SQLite itself keeps the
#    -wal/-shm files right.
# 3. A missing database: its stale -wal/-shm/-journal are removed (they belong to a file that is
#    gone; SQLite would replay them onto the restored one). A database SQLite cannot read ("not a
#    database", "malformed") is kept aside with them as sales.db.broken-STAMP[-wal|-shm].
#    The snapshot is then restored under a temporary name, checked, and renamed into place.
#
# Environment (default): DB_PATH (/data/sales.db), BACKUP_DIR (/backups), RESTORE_LOCK_TIMEOUT_MS (5000).
set -eu

# Run as the application user (a `docker compose exec` is root): the files it writes must be theirs.
if [ "$(id -u)" = 0 ] && [ -n "${APP_UID:-}" ]; then
  HOME=/tmp exec setpriv --reuid="$APP_UID" --regid="${APP_GID:-$APP_UID}" --clear-groups -- "$0" "$@"
fi

db=${DB_PATH:-/data/sales.db}
dir=${BACKUP_DIR:-/backups}
lock_timeout=${RESTORE_LOCK_TIMEOUT_MS:-5000}
stamp=$(date -u +%Y%m%dT%H%M%SZ)

log() { echo "restore: $*"; }
die() { echo "restore: $1" >&2; exit "${2:-1}"; }
sql_quote() { printf '%s' "$1" | sed "s/'/''/g"; }
snapshots() { ls -1 "$dir" 2>/dev/null | grep -E '^sales-[0-9]{8}T[0-9]{6}Z\.db$' | sort || true; }

choose() {
  case "${1:-}" in
    "") newest=$(snapshots | tail -n 1)
        [ -n "$newest" ] || die "no snapshot in $dir"
        echo "$dir/$newest" ;;
    */*) echo "$1" ;;
    *) echo "$dir/$1" ;;
  esac
}

# In place, under the exclusive lock: the previous content is kept, then the snapshot copied over it.
restore_in_place() {
  sqlite3 "$db" <<SQL
.timeout $lock_timeout
.bail on
PRAGMA locking_mode = EXCLUSIVE;
BEGIN EXCLUSIVE;
COMMIT;
VACUUM INTO '$(sql_quote "$before")';
.restore '$snapshot'
PRAGMA journal_mode = WAL;
PRAGMA integrity_check;
SQL
}

# Into a new file, renamed into place only once checked.
restore_fresh() {
  tmp="$db.restoring"
  rm -f "$tmp" "$tmp-wal" "$tmp-shm" "$tmp-journal"
  out=$(sqlite3 "$tmp" ".restore '$snapshot'" "PRAGMA journal_mode = WAL;" "PRAGMA integrity_check;" 2>&1) || true
  [ "$(echo "$out" | tail -n 1)" = ok ] || { rm -f "$tmp"; die "restoring into $tmp failed: $out"; }
  sync "$tmp" && mv "$tmp" "$db" && sync "$(dirname "$db")"
}

set_aside() {  # set_aside SUFFIX: moves the database and its companion files, kept together
  for part in "" -wal -shm -journal; do
    [ ! -e "$db$part" ] || mv "$db$part" "$db.$1$part"
  done
}

snapshot=$(choose "${1:-}")
[ -f "$snapshot" ] || die "no snapshot '$snapshot'; available in $dir: $(snapshots | tr '\n' ' ')"
check=$(sqlite3 -readonly "$snapshot" "PRAGMA integrity_check;" 2>&1) || true
[ "$check" = ok ] || die "$snapshot fails PRAGMA integrity_check ($(echo "$check" | head -n 3 | tr '\n' ' ')): nothing was changed"
log "$snapshot passes PRAGMA integrity_check"

if [ -f "$db" ]; then
  before="$dir/before-restore-$stamp.db"
  n=1; while [ -e "$before" ]; do n=$((n + 1)); before="$dir/before-restore-$stamp-$n.db"; done
  out=$(restore_in_place 2>&1) || true
  case "$out" in
    *locked*|*busy*)
      die "$db is in use by another connection (locked): stop watch and any host run first (docker compose --profile watch stop watch), then run restore again; nothing was changed" 3 ;;
    *"not a database"*|*malformed*)
      log "$db cannot be read ($(echo "$out" | grep -m 1 -i error)): kept aside as $db.broken-$stamp"
      set_aside "broken-$stamp"
      restore_fresh ;;
    *)
      [ "$(echo "$out" | tail -n 1)" = ok ] || die "restoring into $db failed: $out"
      log "the database it replaced is kept as $before" ;;
  esac
else
  for part in -wal -shm -journal; do
    [ ! -e "$db$part" ] || { rm -f "$db$part"; log "removed the stale $db$part (its database is gone)"; }
  done
  restore_fresh
fi

sales=$(sqlite3 "$db" "SELECT COUNT(*) FROM sales;" 2>/dev/null || echo "?")
log "restored $(basename "$snapshot") into $db ($sales sales lines); the next import adds back the lines that arrived since"
