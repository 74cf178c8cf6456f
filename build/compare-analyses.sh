#!/usr/bin/env bash
# Proves that two builds of the host store the same analysis results: runs 'analyze' with each on its
# own copy of one database and compares every stored row of every analysis table, typed and exact
# (sqlite3 .mode quote: integers bare, text quoted, NULL as NULL; cents are integers, so exact to the cent).
# usage: build/compare-analyses.sh BEFORE/Sales.Host.dll AFTER/Sales.Host.dll DATABASE
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 BEFORE/Sales.Host.dll AFTER/Sales.Host.dll DATABASE" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "compare-analyses: needs the sqlite3 shell" >&2; exit 2; }
before_host=$1 after_host=$2 database=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Every analysis table's rows of the last run in their stored order, then the run's coverage.
dump() {
    local db=$1
    for table in $(sqlite3 "$db" "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'analysis\_%' ESCAPE '\' AND name <> 'analysis_runs' ORDER BY name"); do
        echo "== $table"
        sqlite3 -header -cmd '.mode quote' "$db" \
            "SELECT * FROM $table WHERE run_id = (SELECT MAX(id) FROM analysis_runs) ORDER BY position"
    done
    echo "== analysis_runs (without its times)"
    sqlite3 -header -cmd '.mode quote' "$db" \
        "SELECT id, last_import_id, imports_covered, sales_lines, analyses FROM analysis_runs ORDER BY id DESC LIMIT 1"
}

for side in before after; do
    host=${side}_host
    cp "$database" "$work/$side.db"
    dotnet "${!host}" analyze --db "$work/$side.db" >/dev/null
    dump "$work/$side.db" >"$work/$side.txt"
done

if diff -u "$work/before.txt" "$work/after.txt"; then
    echo "same results: $(grep -c '^==' "$work/after.txt") tables, $(grep -vc '^==' "$work/after.txt") lines compared (headers included)"
else
    echo "compare-analyses: the results differ (diff above)" >&2
    exit 1
fi
