// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// libFuzzer target for the webhook callback body parser (CallbackBodyParser → ReplyParser →
// StructuredContentValidator). Build with clang and the fuzz preset (scripts/fuzz.sh), e.g.
//   cmake --preset fuzz && cmake --build --preset fuzz --target fuzz_callback_body
//   build/fuzz/tests/fuzz/fuzz_callback_body tests/fuzz/corpus/callback_body
// The replay test tst_fuzz_callback_body runs the seed corpus and deterministic mutations in
// the normal suite.

#include "FuzzCallbackBody.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!Switchboard::Fuzz::fuzzCallbackBody(data, size)) {
        std::abort();
    }
    return 0;
}
