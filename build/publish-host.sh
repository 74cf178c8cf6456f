#!/usr/bin/env bash
# Publishes the host as it ships: framework-dependent, ReadyToRun-compiled for this machine's
# architecture (docs/decisions/0042-ready-to-run.md). The benchmark times this output.
#   bash build/publish-host.sh [OUTPUT_FOLDER]      (default: artifacts/host)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-artifacts/host}
case "$(uname -m)" in
  x86_64) rid=linux-x64 ;;
  aarch64 | arm64) rid=linux-arm64 ;;
  *) echo "publish-host: no ReadyToRun target for $(uname -m)" >&2; exit 1 ;;
esac
dotnet publish src/Host/Sales.Host.csproj -c Release -r "$rid" --self-contained false \
    -p:PublishReadyToRun=true -p:UseAppHost=false -o "$out"
