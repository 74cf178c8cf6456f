#!/usr/bin/env bash
# Alternates whole-process imports of several host builds, one round at a time, and prints each
# run's wall time, CPU time (user + sys, steadier than wall on a shared machine) and peak RSS.
#
#   bench/alternate.sh ROUNDS again|first WORKDIR SALES NAME=HOST_DLL:DATABASE ...
#
# WORKDIR holds produits.csv and magasins.csv (the benchmark's --work directory does). With
# `again`, each DATABASE is imported into as it is (give each build its own copy of a database
# that already holds SALES); with `first`, each run starts from a fresh copy of DATABASE (a
# database holding only the products and stores). Run it under the shared lock:
#   flock /work/wt/bench.lock bench/alternate.sh 5 again /tmp/sales-bench ventes-1000000.csv \
#       before=/work/wt/before/src/Host/bin/Release/net10.0/Sales.Host.dll:before.db \
#       new=src/Host/bin/Release/net10.0/Sales.Host.dll:new.db
set -euo pipefail
rounds=$1 mode=$2 work=$3 sales=$4
shift 4
command -v /usr/bin/time >/dev/null || { echo "GNU time (/usr/bin/time) is needed" >&2; exit 2; }
measure="$(mktemp)"
trap 'rm -f "$measure"' EXIT
for round in $(seq "$rounds"); do
    line="round $round"
    for contender in "$@"; do
        name=${contender%%=*} rest=${contender#*=}
        dll=${rest%%:*} database=${rest#*:}
        if [ "$mode" = first ]; then
            rm -f "$work/run-$name.db" "$work/run-$name.db-wal" "$work/run-$name.db-shm"
            cp "$database" "$work/run-$name.db"
            database="$work/run-$name.db"
        fi
        /usr/bin/time -f "%e %U %S %M" -o "$measure" dotnet "$dll" import --db "$database" \
            --products "$work/produits.csv" --stores "$work/magasins.csv" --sales "$work/$sales" >/dev/null
        line="$line | $name $(awk '{printf "wall %.2f s, cpu %.2f s, peak %d MB", $1, $2 + $3, $4 / 1024}' "$measure")"
    done
    echo "$line"
done
