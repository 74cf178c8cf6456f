#!/usr/bin/env bash
# Publishes the host as it ships: self-contained, compiled ahead of time with the .NET runtime's own
# libraries into one composite ReadyToRun image for this machine's architecture
# (docs/decisions/0042-ready-to-run.md, 0048-self-contained-composite-host.md). The benchmark times
# this output; run it as `dotnet artifacts/host/Sales.Host.dll ...` or `artifacts/host/Sales.Host ...`.
#   bash build/publish-host.sh [OUTPUT_FOLDER]      (default: artifacts/host)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-artifacts/host}
case "$(uname -m)" in
  x86_64) rid=linux-x64 ;;
  aarch64 | arm64) rid=linux-arm64 ;;
  *) echo "publish-host: no ReadyToRun target for $(uname -m)" >&2; exit 1 ;;
esac
dotnet publish src/Host/Sales.Host.csproj -c Release -r "$rid" --self-contained true \
    -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true -o "$out"
