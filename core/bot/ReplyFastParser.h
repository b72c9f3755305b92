// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ReplyParser.h"

#include <optional>

namespace Switchboard::Bot
{

/**
 * The hot path of ReplyParser::parseBody(): a bot's answer of the common shapes read with
 * simdjson, without building a Qt JSON tree. What it reads: `response[]` (or the webhook's
 * `replies[]`) of TEXT items (message, messageAudience, encodedMetadata on messaging), DELAY items
 * with whole seconds, and a last ACTION (TRANSFER with string ids, CLOSE_CONVERSATION,
 * CHANGE_TTR), plus the intents.
 *
 * It answers only when it can prove the result is exactly what the Qt path
 * (ReplyParser::parseBodyWithQt()) gives: an accepted answer without warnings, whose JSON Qt's
 * parser reads to the same values (no duplicate keys, every floating-point number a normal double,
 * nesting at most 64 deep, at most 64 KiB). Everything else — errors and warnings of any kind,
 * metadata, structured content, INVOKE_FUNCTION, numbers where strings belong, texts whose
 * trimming or pattern checks only Qt can settle — returns nullopt, and the caller runs the Qt path,
 * so every error text and warning stays Qt's. tst_replyfastparser compares the two paths over the
 * fuzz seeds of both protocols and their mutations.
 *
 * Thread-safe: one simdjson parser and buffer per thread (about 16 KB for answers up to 1 KiB),
 * kept and reused.
 */
class ReplyFastParser final
{
public:
    ReplyFastParser() = delete;

    /** ReplyParser::parseBodyWithQt(body, options) when the answer is one of the shapes above, else nullopt. */
    static std::optional<ReplyParseResult> parse(const QByteArray &body, const ReplyParser::Options &options);

    /** Larger answers always take the Qt path (and keep the per-thread buffer small). */
    static constexpr qsizetype maxBodySize = 64 * 1024;
    /** Deeper documents always take the Qt path (Qt's parser has its own, larger, limit). */
    static constexpr int maxDepth = 64;
};

} // namespace Switchboard::Bot
