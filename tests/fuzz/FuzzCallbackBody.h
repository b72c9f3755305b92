// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "bot/CallbackBodyParser.h"

#include <QByteArray>
#include <cstddef>
#include <cstdint>

namespace Switchboard::Fuzz
{

/**
 * One input for the callback-body parser (the webhook callback server's entry point for untrusted
 * bytes). Returns false when the parser broke its own contract: a rejection without a code or
 * message, or an acceptance without ids. Used by the libFuzzer target and the replay test.
 */
inline bool fuzzCallbackBody(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    const Bot::CallbackParseResult result = Bot::CallbackBodyParser::parse(body);
    if (!result.ok()) {
        return !result.error.code.isEmpty() && !result.error.message.isEmpty();
    }
    return !result.payload.deliveryId.isEmpty() && !result.payload.conversationId.isEmpty() &&
           result.payload.response.viaCallback;
}

} // namespace Switchboard::Fuzz
