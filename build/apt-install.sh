#!/usr/bin/env bash
# Installs the given Debian packages for a CI step, as root or through sudo, and says clearly
# which packages could not be installed: build/apt-install.sh sqlite3 unzip
set -euo pipefail

as_root=()
if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { echo "apt-install: need root or sudo to install: $*" >&2; exit 1; }
    as_root=(sudo)
fi

if ! { "${as_root[@]}" apt-get update -qq &&
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"; }; then
    echo "apt-install: could not install: $*" >&2
    exit 1
fi
