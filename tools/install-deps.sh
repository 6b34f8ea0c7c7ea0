#!/usr/bin/env bash
# Installs the Debian 12 packages Veche builds and tests with, skipping those
# already installed. Needs root (or sudo). Usage: tools/install-deps.sh [bench]
set -euo pipefail

packages=(
    g++ cmake ninja-build pkg-config git
    libpoco-dev libpq-dev libsqlite3-dev libgmp-dev libgammu-dev gammu
    libgtest-dev libgmock-dev
    python3 postgresql openssl
    clang-format
)
if [[ "${1:-}" == bench ]]; then
    packages+=(libbenchmark-dev gammu-smsd wrk nginx-light)
fi

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done
if ((${#missing[@]} == 0)); then
    exit 0
fi

as_root=()
if [[ $(id -u) -ne 0 ]]; then
    as_root=(sudo)
fi
echo "Installing: ${missing[*]}" >&2
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
