#!/bin/sh
# sqlite3 run as root (docker exec, healthchecks) would create -journal/-wal/-shm files
# the application user cannot write: run the real shell as the application user instead.
if [ "$(id -u)" = 0 ]; then
  HOME=/tmp exec setpriv --reuid="${APP_UID:-10001}" --regid="${APP_GID:-10001}" --clear-groups -- /usr/bin/sqlite3 "$@"
fi
exec /usr/bin/sqlite3 "$@"
