// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "BotTypes.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace Switchboard::Bot
{

class StructuredContentValidator;

/** A parsed answer, or the coded reason it was rejected. */
struct ReplyParseResult
{
    BotResponse response;
    BotError error;

    bool ok() const
    {
        return error.isNull();
    }
};

/**
 * Turns a bot's answer into typed BotReply items, strictly. The vocabulary is Custom Endpoint
 * v1's (`response[]` of TEXT, STRUCTURED_CONTENT, DELAY and ACTION items plus `analytics`),
 * shared by the webhook protocol. Rules (reference custom-endpoint-v1.md §4):
 *
 * - TEXT needs a non-empty `message`; `messageAudience` is ALL or AGENTS_AND_MANAGERS;
 *   `metadata` may be an object or an array (always emitted as an array); `encodedMetadata` must
 *   be base64 of at most 5000 characters.
 * - STRUCTURED_CONTENT is validated (StructuredContentValidator) before it is accepted; the
 *   `{"message","quickReplies"}` form becomes a QuickReplies item.
 * - DELAY needs whole `seconds` ≥ 1; `typing` is a boolean (default true).
 * - ACTION: TRANSFER (skillName and/or agentId), CLOSE_CONVERSATION (withoutPcs),
 *   CHANGE_TTR (URGENT, NORMAL, PRIORITIZED, or CUSTOM with a value). INVOKE_FUNCTION is not
 *   supported: with failOnError it fails the delivery (bot.unsupported_action), otherwise it is
 *   dropped with a warning, as a failed invocation would be.
 * - One action per response: the first action is kept, items after it are dropped with a
 *   warning (our choice, reference §4.3).
 * - A response with no message and no action is bot.empty_response unless the event allows
 *   silence (conversation lifecycle events).
 *
 * parseBody() reads the common answers with simdjson (ReplyFastParser) and everything else, every
 * rejected answer and every answer with a warning included, with Qt JSON (parseBodyWithQt()): the
 * result is the same either way.
 *
 * Stateless; thread-safe.
 */
class ReplyParser final
{
    Q_DECLARE_TR_FUNCTIONS(Switchboard::Bot::ReplyParser)

public:
    struct Options
    {
        /** Conversation lifecycle events may be answered with nothing. */
        bool allowEmpty = false;
        /** Encoded metadata is messaging-only; on chat it is dropped with a warning. */
        ChannelType channel = ChannelType::Messaging;
        /** Validator for cards; the shared one when null. */
        const StructuredContentValidator *validator = nullptr;
        /** The member holding the items: "response" (Custom Endpoint) or "replies" (webhook). */
        QString itemsKey = QStringLiteral("response");
        /** Intents at `intents` (webhook) instead of `analytics.intents` (Custom Endpoint). */
        bool topLevelIntents = false;
    };

    /** Options for the webhook protocol's answers and callbacks (docs/bot-webhook.md). */
    static Options webhookOptions();

    ReplyParser() = delete;

    /** The body of a Custom Endpoint `POST …/events` answer (`{"response":[…],"analytics":{…}}`). */
    static ReplyParseResult parseBody(const QByteArray &body, const Options &options);
    /** parseBody() on Qt JSON alone: the reference the fast path is compared with (tests). */
    static ReplyParseResult parseBodyWithQt(const QByteArray &body, const Options &options);
    /** The same vocabulary inside an already parsed object; violation paths start at `rootPath`. */
    static ReplyParseResult
    parseObject(const QJsonObject &object, const Options &options, const QString &rootPath = QStringLiteral("$"));

    /** Longest accepted encodedMetadata (characters of base64). */
    static constexpr int maxEncodedMetadataLength = 5000;

private:
    static ReplyParseResult parseItems(const QJsonObject &object, const Options &options, const QString &rootPath);
};

} // namespace Switchboard::Bot
