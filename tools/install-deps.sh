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
    # The kiosk (Qt 6.4; KIOSK.md §2): screens, tests, speech, keyboard, QR.
    qt6-base-dev qt6-declarative-dev qt6-declarative-dev-tools qt6-l10n-tools qt6-tools-dev
    qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
    qml6-module-qtquick-templates qml6-module-qtquick-window qml6-module-qttest
    qml6-module-qtqml qml6-module-qtqml-models qml6-module-qtqml-workerscript
    qt6-virtualkeyboard-plugin qml6-module-qtquick-virtualkeyboard qt6-virtualkeyboard-dev
    qml6-module-qt-labs-folderlistmodel hunspell-ru
    qt6-speech-dev libqt6texttospeech6 qml6-module-qttexttospeech qt6-speech-speechd-plugin
    qt6-speech-flite-plugin speech-dispatcher speech-dispatcher-espeak-ng espeak-ng
    libqt6opengl6 libgl-dev fonts-dejavu-core libqrencode-dev
    # The cabinet's Modbus I/O (KIOSK.md §9–10).
    libmodbus-dev
    # Tests decode the QR codes of labels back.
    zbar-tools
    # Meeting paperwork (docs/paperwork.md): the documents' font, and the
    # tests read the PDFs back (pdftotext, pdffonts). Where LibreOffice is
    # installed (libreoffice-writer-nogui, optional) they also convert the ODT.
    fonts-liberation2 poppler-utils
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
