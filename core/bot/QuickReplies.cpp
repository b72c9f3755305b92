// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "QuickReplies.h"

#include <QCoreApplication>

namespace Switchboard::Bot
{

QStringList QuickReplies::optionTitles(const BotReply &reply)
{
    QStringList titles;
    const QJsonArray replies = reply.structuredContent.value(QLatin1String("replies")).toArray();
    for (const QJsonValue &button : replies) {
        const QString title = button.toObject().value(QLatin1String("title")).toString().trimmed();
        if (!title.isEmpty()) {
            titles.append(title);
        }
    }
    return titles;
}

BotReply QuickReplies::degradeForChat(const BotReply &reply)
{
    if (reply.kind != ReplyKind::QuickReplies) {
        return reply;
    }
    BotReply text;
    text.kind = ReplyKind::Text;
    text.audience = reply.audience;
    text.metadata = reply.metadata;
    QStringList lines{reply.text};
    const QStringList titles = optionTitles(reply);
    for (qsizetype i = 0; i < titles.size(); ++i) {
        //: One quick-reply option listed in a chat text: %1 its number, %2 its title.
        lines.append(
            QCoreApplication::translate("Switchboard::Bot::QuickReplies", "%1. %2").arg(i + 1).arg(titles.at(i)));
    }
    text.text = lines.join(QLatin1Char('\n'));
    return text;
}

BotResponse QuickReplies::degradeForChat(const BotResponse &response)
{
    BotResponse degraded = response;
    for (BotReply &item : degraded.items) {
        item = degradeForChat(item);
    }
    return degraded;
}

} // namespace Switchboard::Bot
