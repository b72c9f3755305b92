#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Switchboard contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# Usage: scripts/check-package.sh BUILD_DIR
# Builds the Debian package from BUILD_DIR, installs it, runs both installed binaries and
# validates the desktop entry and the AppStream metadata.
set -euo pipefail
build=${1:?usage: check-package.sh BUILD_DIR}
src=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}
echo "== package: building"
(cd "$build" && cpack -G DEB >/dev/null)
deb=$(ls -t "$build"/switchboard_*.deb | head -n 1)
echo "== package: installing $(basename "$deb")"
DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --reinstall "$deb" >/dev/null
fails=0
check() {
    local what=$1; shift
    if "$@"; then echo "ok   - $what"; else echo "FAIL - $what"; fails=$((fails + 1)); fi
}
check "installed switchboard --version" sh -c 'QT_QPA_PLATFORM=offscreen /usr/bin/switchboard --version | grep -q "Switchboard 0\."'
check "installed switchboard-cli --version" sh -c '/usr/bin/switchboard-cli --version | grep -q "switchboard-cli 0\."'
check "desktop entry is valid" desktop-file-validate /usr/share/applications/dev.switchboard.Switchboard.desktop
check "AppStream metainfo is valid" appstreamcli validate --no-net --pedantic /usr/share/metainfo/dev.switchboard.Switchboard.metainfo.xml
check "icon is installed" test -s /usr/share/icons/hicolor/scalable/apps/switchboard.svg
check "package declares run-time plugins" sh -c "dpkg-deb -f '$deb' Depends | grep -q libqt6sql6-sqlite"
echo "package: $fails check(s) failed"
[ "$fails" -eq 0 ]
