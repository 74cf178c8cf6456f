#!/usr/bin/env bash
# Runs the whole test suite (`dotnet test Sales.sln`) N times in a row and reports every failure,
# to prove that no test depends on the machine's speed.
#
#   bash build/repeat-tests.sh 20            # on a quiet machine
#   bash build/repeat-tests.sh 20 --busy     # with every core kept busy by a CPU-bound loop
#
# Builds once, then runs the built tests N times. Each run's output is kept in a log folder
# (printed at the end); the last line is "repeat-tests: N runs, P passed, F failed".
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { echo "usage: bash build/repeat-tests.sh N [--busy]" >&2; exit 2; }
[[ $# -ge 1 && $1 =~ ^[1-9][0-9]*$ ]] || usage
runs=$1
busy=""
[[ $# -ge 2 ]] && { [[ $2 == --busy ]] || usage; busy=1; }

logs=$(mktemp -d /tmp/repeat-tests.XXXXXX)
burners=()
stop_burners() { for pid in "${burners[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap stop_burners EXIT

dotnet build Sales.sln >"$logs/build.log" 2>&1 || { cat "$logs/build.log"; exit 1; }

if [[ -n $busy ]]; then
  # One endless arithmetic loop per core: the tests compete for every core with it.
  for _ in $(seq "$(nproc)"); do ( while :; do :; done ) & burners+=($!); done
  echo "repeat-tests: $(nproc) CPU-bound loops running beside the tests"
fi

passed=0; failed=0
for run in $(seq "$runs"); do
  start=$SECONDS
  if dotnet test Sales.sln --no-build >"$logs/run-$run.log" 2>&1; then
    passed=$((passed + 1)); verdict=passed
  else
    failed=$((failed + 1)); verdict=FAILED
  fi
  totals=$(grep -E '^(Passed|Failed)!' "$logs/run-$run.log" | sed -E 's/ - Sales\.([A-Za-z]+)\.dll.*/ (\1)/; s/, Duration:.*\(/ (/' | tr '\n' ' ')
  printf 'run %2d/%d: %s in %ss  %s\n' "$run" "$runs" "$verdict" $((SECONDS - start)) "$totals"
  # Each failed test by name, and the first lines of its message.
  grep -E '^\s+Failed [A-Za-z]' -A 3 "$logs/run-$run.log" | sed 's/^/    /' || true
done

echo "repeat-tests: logs in $logs"
echo "repeat-tests: $runs runs, $passed passed, $failed failed"
[[ $failed -eq 0 ]]
