#!/bin/sh
# SPDX-FileCopyrightText: 2026 Switchboard contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# A short libFuzzer run for CTest (tests/fuzz/CMakeLists.txt):
#   run_libfuzzer.sh FUZZER WORK_DIR SECONDS SEED_DIR... 
# New inputs go to WORK_DIR/corpus (never into the source tree), crashers to WORK_DIR/artifacts;
# seed directories that do not exist (an empty regressions/NAME) are skipped. Fails on any crash,
# leak, sanitizer report or broken invariant (libFuzzer's exit status).
set -eu
fuzzer=$1 work=$2 seconds=$3
shift 3
mkdir -p "$work/corpus" "$work/artifacts"
seeds=
for dir in "$@"; do
    [ -d "$dir" ] && seeds="$seeds $dir"
done
# shellcheck disable=SC2086 # seeds is a list of paths without spaces (build and source dirs)
exec "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$work/artifacts/" "$work/corpus" $seeds
