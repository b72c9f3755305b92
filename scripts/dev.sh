#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Switchboard contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The two set-up commands of the README, for a fresh Debian 12 machine:
#   scripts/dev.sh run    install what is missing, build, start the console in sandbox mode
#   scripts/dev.sh test   install what is missing, build, run the whole suite, build and check the package,
#                         then the suite again under ASan+UBSan (preset asan; SWITCHBOARD_ASAN=0 skips it)
# Both are idempotent: a second run installs nothing and rebuilds only what changed.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"

# Debian packages the build, the tests and the package check need. Keep in step with
# ../shared/reference/qt-toolchain.md §1 and installer/CMakeLists.txt.
build_packages=(
    cmake ninja-build g++ ccache pkg-config
    qt6-base-dev qt6-websockets-dev qtkeychain-qt6-dev qt6-httpserver-dev qt6-charts-dev qt6-tools-dev
    qt6-l10n-tools libqt6sql6-sqlite qt6-svg-dev qt6-qpa-plugins libssl-dev libcurl4-openssl-dev libjwt-dev libsqlite3-dev libsimdjson-dev
)
test_packages=(
    xvfb xauth gnome-keyring dbus-x11 libsecret-tools
    nodejs python3-jsonschema desktop-file-utils appstream
    clang libclang-rt-14-dev
)

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_missing() {
    local missing=()
    for p in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$p")
        fi
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "== installing: ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        as_root apt-get update -qq
        as_root apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
    # npm: node-agent-sdk's conformance test installs it with the npm that ships with Node.
    if ! command -v npm >/dev/null 2>&1; then
        echo "== installing: npm"
        as_root apt-get install -y -qq npm >/dev/null
    fi
}

# A clear word before a build that cannot fit, instead of a linker's "No space left on device"
# halfway through. Only a warning: a tree that is already built needs little more.
warn_if_disk_short() {
    local need_mb=$1 free_mb
    free_mb=$(df -Pm "$here" | awk 'NR == 2 { print $4 }')
    if [ -n "$free_mb" ] && [ "$free_mb" -lt "$need_mb" ]; then
        echo "== warning: ${free_mb} MB free under $here; building from scratch needs about ${need_mb} MB" \
            "(build/ and ccache's cache). Free some space if the build stops with 'No space left on device'." >&2
    fi
}

# configure_and_build PRESET [TARGET...]: every target when none is named.
configure_and_build() {
    local preset=$1
    shift
    cmake --preset "$preset" >/dev/null
    cmake --build --preset "$preset" -j"$(nproc)" ${1:+--target "$@"}
}

case "${1:-}" in
run)
    install_missing "${build_packages[@]}"
    # Only the two applications (158 of the tree's 494 build steps; the tests are dev.sh test's
    # business). build/dev is Debug with full debug information: 0.64 GB from scratch (2.8 GB with
    # the tests).
    warn_if_disk_short 2000
    configure_and_build dev switchboard switchboard-cli
    exec build/dev/app/switchboard --sandbox
    ;;
test)
    install_missing "${build_packages[@]}" "${test_packages[@]}"
    # From scratch (measured): build/ci 0.9 GB, build/asan 0.9 GB, ccache's cache about 0.4 GB more.
    warn_if_disk_short 4000
    configure_and_build ci
    # The package build-install-check is a CTest test too (label "package").
    ci_status=0
    ctest --preset ci -j"$(nproc)" || ci_status=$?
    # Then the whole suite again under AddressSanitizer + UndefinedBehaviorSanitizer (clang; the
    # asan presets in CMakePresets.json). The same tree builds the libFuzzer targets, and CTest runs
    # each for SWITCHBOARD_FUZZ_SECONDS (label "fuzz"). Suppressions: tests/sanitizers/.
    # Not run there, because they cannot mean anything under a sanitizer: the package check (not
    # registered: it installs the ci build's package) and the benchmarks (label bench: they assert
    # latency budgets, which ASan at -O0 misses by two to five times; their code paths are the ones
    # the other tests run). The soak runs for 30 s. Waits inside the tests and CTest's time limits
    # are three times longer there (SWITCHBOARD_TEST_TIME_SCALE, see tests/sanitizers/README.md).
    # On by default, so CI (.ci/run) always runs it; SWITCHBOARD_ASAN=0 skips it for a fast local loop.
    run_asan=${SWITCHBOARD_ASAN:-1}
    asan_status=0
    if [ "$run_asan" != 0 ]; then
        configure_and_build asan
        ctest --preset asan -j"$(nproc)" || asan_status=$?
    fi
    echo "== suite: ci $([ $ci_status -eq 0 ] && echo passed || echo FAILED)," \
        "asan $([ "$run_asan" = 0 ] && echo "skipped (SWITCHBOARD_ASAN=0)" || { [ $asan_status -eq 0 ] && echo passed || echo FAILED; })"
    [ $ci_status -eq 0 ] && [ $asan_status -eq 0 ]
    ;;
*)
    echo "usage: scripts/dev.sh run|test" >&2
    exit 2
    ;;
esac
