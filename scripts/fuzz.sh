#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Switchboard contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Longer libFuzzer runs than the suite's 10-second ones:
#   scripts/fuzz.sh [TARGET|all] [SECONDS]     e.g. scripts/fuzz.sh ums_protocol 600
# TARGET is a folder name of tests/fuzz/corpus (ums_frame, ums_protocol, chat_agent, ce_reply, webhook_reply,
# callback_body, integration_file); default all, 300 s each. Builds the `fuzz` preset (clang,
# ASan+UBSan, libFuzzer coverage in the core libraries) and runs each target on its seed corpus,
# its saved crashers and the inputs earlier runs found (build/fuzz/fuzz-work/TARGET, kept between
# runs). A crash, leak, sanitizer report or broken invariant is saved as
# tests/fuzz/regressions/TARGET/crash-… (libFuzzer's -artifact_prefix): the always-built replay
# test fuzz_TARGET_replay runs every file there, so commit it with the fix.
# FUZZ_MERGE=1 also merges the inputs that add coverage into tests/fuzz/corpus/TARGET.
# FUZZ_PRESET=asan reuses the tree of `scripts/dev.sh test` (-O0, so fewer executions a second).
# Exit status: 0 when every target ran clean, 1 otherwise (the runs go on after a failure).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"

target=${1:-all}
seconds=${2:-300}
jobs=${FUZZ_BUILD_JOBS:-$(nproc)}
preset=${FUZZ_PRESET:-fuzz}

if [ "$target" = all ]; then
    targets=()
    for dir in tests/fuzz/corpus/*/; do
        targets+=("$(basename "$dir")")
    done
else
    target=${target#fuzz_}
    if [ ! -d "tests/fuzz/corpus/$target" ]; then
        echo "unknown target '$target'; known: $(ls tests/fuzz/corpus | tr '\n' ' ')" >&2
        exit 2
    fi
    targets=("$target")
fi

cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j"$jobs" --target "${targets[@]/#/fuzz_}"

failed=()
for name in "${targets[@]}"; do
    work=build/$preset/fuzz-work/$name
    regressions=tests/fuzz/regressions/$name
    mkdir -p "$work" "$regressions"
    echo "== fuzz_$name for ${seconds}s (new inputs: $work, crashers: $regressions/)"
    # Qt's logging off: millions of parser warnings would drown libFuzzer's own lines.
    status=0
    QT_LOGGING_RULES='switchboard.*=false' "build/$preset/tests/fuzz/fuzz_$name" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$regressions/" "$work" "tests/fuzz/corpus/$name" "$regressions" >"$work.log" 2>&1 ||
        status=$?
    grep -E '^#[0-9]+ +(INITED|DONE)|^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)|ERROR|SUMMARY|written to' \
        "$work.log" || true
    if [ "$status" -ne 0 ]; then
        failed+=("$name")
        echo "!! fuzz_$name failed (exit $status); the input is in $regressions/, the log in $work.log"
    elif [ "${FUZZ_MERGE:-0}" = 1 ]; then
        "build/$preset/tests/fuzz/fuzz_$name" -merge=1 "tests/fuzz/corpus/$name" "$work" >"$work.merge.log" 2>&1
    fi
done

if [ ${#failed[@]} -gt 0 ]; then
    echo "failed: ${failed[*]}"
    exit 1
fi
echo "all clean: ${targets[*]}"
