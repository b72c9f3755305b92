// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "BotTypes.h"

namespace Switchboard::Bot
{

/**
 * Quick replies are messaging-only (a chat conversation rejects them). On the chat channel the
 * connector degrades them to a plain text that lists the options:
 *
 *     Do you like bots?
 *     1. Yes
 *     2. No
 *
 * Stateless helpers; thread-safe.
 */
class QuickReplies final
{
public:
    QuickReplies() = delete;

    /** The button titles of a QuickReplies item, in order (empty titles skipped). */
    static QStringList optionTitles(const BotReply &reply);
    /**
     * A Text item with the message and the numbered options; metadata is kept, encodedMetadata
     * (messaging-only) is dropped. Items of any other kind are returned unchanged.
     */
    static BotReply degradeForChat(const BotReply &reply);
    /** Applies degradeForChat() to every QuickReplies item of a response. */
    static BotResponse degradeForChat(const BotResponse &response);
};

} // namespace Switchboard::Bot
