// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer entry for the sandbox's UMS frame parser (core/sandbox/UmsFrame.cpp). Built as a real
// fuzzer with SWITCHBOARD_FUZZ=ON (clang, -fsanitize=fuzzer,address,undefined), and linked into
// fuzz_replay (tests/fuzz/fuzz_replay_main.cpp) for the always-on smoke test.
#include "sandbox/UmsFrame.h"

#include <QJsonDocument>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace
{
// Invariants every answer must keep, whatever the input: these are what a client relies on.
void check(bool condition)
{
    if (!condition) {
        std::abort();
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace Switchboard::Sandbox;
    const QByteArrayView frame(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const UmsParseResult result = parseUmsFrame(frame, 64 * 1024);
    if (result.ok()) {
        const UmsRequest &request = *result.request;
        check(!request.id.isEmpty() && request.id.size() <= 64);
        check(knownUmsTypes().contains(request.canonicalType));
        check(umsTypeName(request.type) == request.canonicalType);
        check(request.fields.size() <= 32);
    } else {
        check(result.error.code == 400 || result.error.code == 404);
        check(!result.error.message.isEmpty());
        check(result.error.reqId.size() <= 64);
        const QJsonObject response = umsErrorResponse(result.error);
        check(response.value(QStringLiteral("body")).toString().size() <= 128);
        check(!QJsonDocument(response).toJson(QJsonDocument::Compact).isEmpty());
    }
    return 0;
}
