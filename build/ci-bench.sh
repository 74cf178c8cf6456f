#!/usr/bin/env bash
# CI: runs the import benchmark on a small sales file, only to prove it still works and still
# dedups. The benchmark itself asserts the counts (first stores every line, again stores none,
# grown stores exactly the appended lines, for ours and for the sqlite3 baseline; the bare .import
# floor stores every line) and checks analyze's results to the cent; times are not judged here.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v sqlite3 >/dev/null || bash build/apt-install.sh sqlite3

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The host as it ships (ReadyToRun), into the work folder so that CI leaves no artifacts behind.
bash build/publish-host.sh "$work/host"
dotnet build bench/Sales.Benchmark -c Release
dotnet bench/Sales.Benchmark/bin/Release/net10.0/Sales.Benchmark.dll \
    --lines 20000 --large-lines 40000 --out - --work "$work" --host "$work/host/Sales.Host.dll"
