#!/bin/sh
# The db service's healthcheck: unhealthy when the live database fails PRAGMA quick_check, or when
# the last snapshot failed (status file written by snapshot; healthy again after the next good one).
db=${DB_PATH:-/data/sales.db}
status=${SNAPSHOT_STATUS:-/tmp/db-snapshot.status}

result=$(sqlite3 -cmd '.timeout 5000' "$db" 'PRAGMA quick_check;' 2>&1)
[ "$result" = ok ] || { echo "unhealthy: PRAGMA quick_check on $db: $result"; exit 1; }
if [ -f "$status" ] && read -r state _ message <"$status" && [ "$state" = failed ]; then
  echo "unhealthy: the last snapshot failed: $message"
  exit 1
fi
echo ok
