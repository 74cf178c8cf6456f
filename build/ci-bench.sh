#!/usr/bin/env bash
# CI: runs the import benchmark on a small sales file, only to prove it still works and still
# dedups. The benchmark itself asserts the counts (first stores every line, again stores none,
# grown stores exactly the appended lines, for ours and for the sqlite3 baseline; the bare .import
# floor stores every line) and checks analyze's results to the cent; times are not judged here.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v sqlite3 >/dev/null || bash build/apt-install.sh sqlite3

dotnet build src/Host -c Release
dotnet build bench/Sales.Benchmark -c Release
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dotnet bench/Sales.Benchmark/bin/Release/net10.0/Sales.Benchmark.dll \
    --lines 20000 --large-lines 40000 --out - --work "$work"
