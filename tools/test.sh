#!/usr/bin/env bash
# Runs every test: formatting check, then the whole CTest suite in a debug
# build (with qmllint on the kiosk's QML) and again under AddressSanitizer and
# UBSan (without the kiosk's Qt screens: Qt itself is not built with the
# sanitizers), the storage tests on SQLite and on a private PostgreSQL server
# that it starts. Installs and builds what it needs.
set -euo pipefail
cd "$(dirname "$0")/.."

tools/install-deps.sh

echo "== clang-format" >&2
git -c safe.directory='*' ls-files -z '*.cpp' '*.h' | xargs -0 clang-format --dry-run --Werror

echo "== PostgreSQL for the storage tests" >&2
eval "$(tools/test-postgres.sh)"

for preset in default asan; do
    echo "== build and test: $preset" >&2
    cmake --preset "$preset" >/dev/null
    cmake --build --preset "$preset"
    if [[ $preset == default ]]; then
        echo "== qmllint" >&2
        cmake --build --preset default --target all_qmllint
    fi
    ctest --preset "$preset" --parallel "$(nproc)"
done
