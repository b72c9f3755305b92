// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TranscriptRecords.h"

#include <algorithm>

namespace Switchboard::Storage
{

using namespace Qt::StringLiterals;

QString messageRoleName(MessageRole role)
{
    switch (role) {
    case MessageRole::Consumer:
        return u"consumer"_s;
    case MessageRole::Bot:
        return u"bot"_s;
    case MessageRole::System:
        return u"system"_s;
    case MessageRole::Private:
        return u"private"_s;
    case MessageRole::Agent:
        return u"agent"_s;
    }
    return u"consumer"_s;
}

std::optional<MessageRole> messageRoleFromName(const QString &name)
{
    for (MessageRole role :
         {MessageRole::Consumer, MessageRole::Bot, MessageRole::System, MessageRole::Private, MessageRole::Agent}) {
        if (messageRoleName(role) == name) {
            return role;
        }
    }
    return std::nullopt;
}

QString hopKindName(HopKind kind)
{
    switch (kind) {
    case HopKind::LpIn:
        return u"lp_in"_s;
    case HopKind::BotOut:
        return u"bot_out"_s;
    case HopKind::BotIn:
        return u"bot_in"_s;
    case HopKind::LpOut:
        return u"lp_out"_s;
    }
    return u"lp_in"_s;
}

std::optional<HopKind> hopKindFromName(const QString &name)
{
    for (HopKind kind : {HopKind::LpIn, HopKind::BotOut, HopKind::BotIn, HopKind::LpOut}) {
        if (hopKindName(kind) == name) {
            return kind;
        }
    }
    return std::nullopt;
}

QString publishStateName(PublishState state)
{
    switch (state) {
    case PublishState::None:
        return QString();
    case PublishState::Pending:
        return u"pending"_s;
    case PublishState::Published:
        return u"published"_s;
    case PublishState::Failed:
        return u"failed"_s;
    }
    return QString();
}

std::optional<PublishState> publishStateFromName(const QString &name)
{
    for (PublishState state : {PublishState::None, PublishState::Pending, PublishState::Published, PublishState::Failed}) {
        if (publishStateName(state) == name) {
            return state;
        }
    }
    return std::nullopt;
}

QList<Transcript::Entry> Transcript::timeline() const
{
    QList<Entry> entries;
    entries.reserve(messages.size() + hops.size() + escalations.size());
    for (qsizetype i = 0; i < messages.size(); ++i) {
        entries.append(Entry{Entry::Kind::Message, messages.at(i).timeMs, i});
    }
    for (qsizetype i = 0; i < hops.size(); ++i) {
        entries.append(Entry{Entry::Kind::Hop, hops.at(i).startedAtMs, i});
    }
    for (qsizetype i = 0; i < escalations.size(); ++i) {
        entries.append(Entry{Entry::Kind::Escalation, escalations.at(i).timeMs, i});
    }
    std::stable_sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) {
        return a.timeMs < b.timeMs;
    });
    return entries;
}

qsizetype TranscriptBatch::size() const
{
    return conversations.size() + messages.size() + hops.size() + escalations.size() + healthSamples.size()
        + handled.size() + published.size();
}

} // namespace Switchboard::Storage
