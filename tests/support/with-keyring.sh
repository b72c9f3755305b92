#!/bin/sh
# SPDX-FileCopyrightText: 2026 Switchboard contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# Usage: with-keyring.sh CMD [ARGS...]
# Runs CMD in a private D-Bus session with an unlocked gnome-keyring-daemon and a throw-away
# HOME, so keychain tests use a real Secret Service and touch nothing of the user's.
set -eu
tmp=$(mktemp -d "${TMPDIR:-/tmp}/switchboard-keyring.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir -m 700 "$tmp/run"
# Set before dbus-run-session: D-Bus-activated services inherit the bus's environment.
export HOME="$tmp" XDG_RUNTIME_DIR="$tmp/run" XDG_DATA_HOME="$tmp/share" XDG_CONFIG_HOME="$tmp/config" \
    XDG_CACHE_HOME="$tmp/cache" SWITCHBOARD_TEST_HOME="$tmp"
unset DBUS_SESSION_BUS_ADDRESS
dbus-run-session -- sh -c 'printf %s switchboard-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"' sh "$@"
