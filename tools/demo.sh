#!/usr/bin/env bash
# The demo on embedded defaults: recounts the sample owners' meeting shipped in
# docs/samples and prints the result. Installs and builds what it needs.
set -euo pipefail
cd "$(dirname "$0")/.."

tools/install-deps.sh
cmake --preset default >/dev/null
cmake --build --preset default --target veche-hub >/dev/null

bundle=docs/samples/oss-mkd-sadovaya-12
echo "Пересчёт общего собрания собственников: $bundle" >&2
build/default/hub/veche-hub recount "$bundle"
