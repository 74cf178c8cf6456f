#!/bin/sh
# Entry point of the storage service.
# - As root: gives /data (and what is in it) to the application user, then drops to it,
#   so that every file SQLite creates (database, -journal, -wal, -shm) belongs to the
#   user the host service runs as.
# - "serve" (the default): makes sure the database file exists and is sound, then takes the
#   scheduled snapshots (snapshot.sh: one at start if the newest is older than the interval or
#   none exists, then one every interval) until stopped.
# - Anything else is run as given, e.g. `sqlite3 /data/sales.db "..."`, `restore`, `snapshot`.
set -eu
uid=${APP_UID:-10001}
gid=${APP_GID:-10001}

backups=${BACKUP_DIR:-/backups}

if [ "$(id -u)" = 0 ]; then
  mkdir -p /data "$backups"
  # only touch what is not already right (cheap on a large volume)
  find /data "$backups" -xdev \( ! -user "$uid" -o ! -group "$gid" \) -exec chown "$uid:$gid" {} + 2>/dev/null || true
  export HOME=/tmp
  exec setpriv --reuid="$uid" --regid="$gid" --clear-groups -- "$0" "$@"
fi

if [ "${1:-serve}" = serve ]; then
  db=${DB_PATH:-/data/sales.db}
  result=$(/usr/bin/sqlite3 -cmd '.timeout 5000' "$db" 'PRAGMA quick_check;')
  if [ "$result" != ok ]; then
    echo "db: PRAGMA quick_check on $db failed: $result" >&2
    exit 1
  fi
  echo "db: $db is ready (owner $(stat -c %u:%g "$db"))"
  echo "db: $(snapshot --describe)"
  trap 'echo "db: stopping"; exit 0' TERM INT
  while :; do
    # a failure is reported by snapshot itself (log + status file read by the healthcheck)
    snapshot --if-due || true
    pause=$(snapshot --due-in) || pause=60
    [ "$pause" -ge 5 ] 2>/dev/null || pause=5
    sleep "$pause" & wait $!
  done
fi

exec "$@"
