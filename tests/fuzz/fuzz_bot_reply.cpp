// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer entry for a bot's synchronous answer (core/bot/ReplyParser::parseBody), built twice:
// fuzz_ce_reply with the Custom Endpoint options (`response[]`, `analytics.intents`) and
// fuzz_webhook_reply (SWITCHBOARD_FUZZ_WEBHOOK) with ReplyParser::webhookOptions() (`replies[]`,
// top-level `intents`). Each input is parsed four times: lifecycle or not × messaging or chat,
// as CustomEndpointClient and WebhookClient call it. The checks are ReplyParser.h's promises, and
// ReplyFastParser's: whenever its simdjson path answers, the answer is the Qt path's, field by
// field, and one the Qt path accepts without warnings.
#include "ReplyDifferences.h"
#include "bot/ReplyFastParser.h"
#include "bot/ReplyParser.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace
{
using namespace Switchboard::Bot;

void check(bool condition)
{
    if (!condition) {
        std::abort();
    }
}

void parseOnce(const QByteArray &body, bool allowEmpty, ChannelType channel)
{
#ifdef SWITCHBOARD_FUZZ_WEBHOOK
    ReplyParser::Options options = ReplyParser::webhookOptions();
#else
    ReplyParser::Options options;
#endif
    options.allowEmpty = allowEmpty;
    options.channel = channel;
    const ReplyParseResult result = ReplyParser::parseBody(body, options);
    if (const std::optional<ReplyParseResult> fast = ReplyFastParser::parse(body, options)) {
        const ReplyParseResult qt = ReplyParser::parseBodyWithQt(body, options);
        check(qt.ok() && qt.response.warnings.isEmpty());
        check(Switchboard::Test::differences(*fast, qt).isEmpty());
        check(Switchboard::Test::differences(result, qt).isEmpty());
    }
    if (!result.ok()) {
        check(!result.error.message.isEmpty());
        // A rejected answer is rejected whole: nothing of it may be published.
        check(result.response.items.isEmpty());
        return;
    }
    const QList<BotReply> &items = result.response.items;
    bool hasMessageOrAction = false;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const BotReply &item = items.at(i);
        // One action per response, always last.
        check(!item.isAction() || i == items.size() - 1);
        hasMessageOrAction = hasMessageOrAction || item.kind != ReplyKind::Delay;
        switch (item.kind) {
        case ReplyKind::Text:
            check(!item.text.isEmpty());
            break;
        case ReplyKind::Delay:
            check(item.delaySeconds >= 1);
            break;
        case ReplyKind::StructuredContent:
            check(!item.structuredContent.isEmpty());
            break;
        default:
            break;
        }
        check(item.encodedMetadata.size() <= ReplyParser::maxEncodedMetadataLength);
        // Encoded metadata is messaging-only; on chat it is dropped.
        check(channel == ChannelType::Messaging || item.encodedMetadata.isEmpty());
    }
    check(allowEmpty || hasMessageOrAction);
    for (const Intent &intent : result.response.intents) {
        check(!intent.id.isEmpty());
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    for (const bool allowEmpty : {false, true}) {
        for (const ChannelType channel : {ChannelType::Messaging, ChannelType::Chat}) {
            parseOnce(body, allowEmpty, channel);
        }
    }
    return 0;
}
