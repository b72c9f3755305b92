// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "BotTypes.h"

namespace Switchboard::Bot
{

/** A callback body that passed every check, with its replies already typed. */
struct CallbackPayload
{
    QString deliveryId;
    QString conversationId;
    BotResponse response;
};

struct CallbackParseResult
{
    CallbackPayload payload;
    /** callback.malformed (or a reply-rule code such as bot.sc_invalid) with what and where. */
    BotError error;

    bool ok() const
    {
        return error.isNull();
    }
};

/**
 * Parses the body of a webhook callback (`POST /connector/{consumerId}`, docs/bot-webhook.md §4):
 * `{"version":1,"deliveryId","conversationId","replies":[…],"intents":[…]}`. Replies go through
 * ReplyParser (structured content validated); an empty `replies` is allowed here (the client
 * judges it against the event it answers). Every failure says what is wrong and where, for the
 * 400 answer. Never throws, never crashes on any input (a fuzz target exercises it).
 * Stateless; thread-safe.
 */
class CallbackBodyParser final
{
public:
    CallbackBodyParser() = delete;

    static CallbackParseResult parse(const QByteArray &body);
};

} // namespace Switchboard::Bot
