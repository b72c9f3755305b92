#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Switchboard contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Saves screenshots of the console's main views into docs/screenshots/ (or DIR):
#   scripts/screenshots.sh [--binary PATH] [--build-dir DIR] [--out DIR] [--lang LANG]
# Builds `switchboard` (unless --binary is given), then runs `switchboard --sandbox` under Xvfb with
# the hidden --screenshot-dir option: the application waits until the sandbox's consumers have
# filled the window, grabs each view with QWidget::grab() and quits. No window manager and no
# screen capture tool are involved, so the pictures are the same on every run of the same data.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
binary=""
build_dir="$here/build/screenshots"
out_dir="$here/docs/screenshots"
lang="C.UTF-8"

while [[ $# -gt 0 ]]; do
    case "$1" in
    --binary) binary="$2"; shift 2 ;;
    --build-dir) build_dir="$2"; shift 2 ;;
    --out) out_dir="$2"; shift 2 ;;
    --lang) lang="$2"; shift 2 ;;
    -h | --help) sed -n '4,10p' "$0"; exit 0 ;;
    *) echo "screenshots.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    esac
done

if ! command -v xvfb-run >/dev/null 2>&1; then
    echo "screenshots.sh: xvfb-run is missing: install the packages xvfb and xauth" >&2
    exit 1
fi

if [[ -z "$binary" ]]; then
    cmake -S "$here" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
    cmake --build "$build_dir" --target switchboard -j2
    binary="$build_dir/app/switchboard"
fi
if [[ ! -x "$binary" ]]; then
    echo "screenshots.sh: '$binary' is not an executable" >&2
    exit 1
fi

mkdir -p "$out_dir"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

# A private config directory: the operator's own integrations never show up in the pictures.
LANG="$lang" LC_ALL="$lang" QT_QPA_PLATFORM=xcb QT_LOGGING_RULES="switchboard.*.info=false;switchboard.ui.info=true" \
    timeout 180 xvfb-run --auto-servernum --server-args="-screen 0 1600x1100x24" \
    "$binary" --sandbox --config-dir "$scratch/config" --screenshot-dir "$out_dir"

ls -1 "$out_dir"/*.png
