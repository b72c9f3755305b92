// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChannelTypes.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QMetaObject>

using namespace Qt::StringLiterals;

namespace Switchboard::LivePerson
{

QString channelStateName(ChannelState state)
{
    switch (state) {
    case ChannelState::Stopped:
        return u"stopped"_s;
    case ChannelState::Resolving:
        return u"resolving"_s;
    case ChannelState::LoggingIn:
        return u"logging-in"_s;
    case ChannelState::Connecting:
        return u"connecting"_s;
    case ChannelState::Online:
        return u"online"_s;
    case ChannelState::Reconnecting:
        return u"reconnecting"_s;
    case ChannelState::Stopping:
        return u"stopping"_s;
    case ChannelState::Kicked:
        return u"kicked"_s;
    case ChannelState::Failed:
        return u"failed"_s;
    }
    return u"unknown"_s;
}

QString messageKindName(MessageKind kind)
{
    switch (kind) {
    case MessageKind::Text:
        return u"text"_s;
    case MessageKind::RichContent:
        return u"richContent"_s;
    case MessageKind::Click:
        return u"click"_s;
    case MessageKind::File:
        return u"file"_s;
    }
    return u"unknown"_s;
}

QJsonObject rawObjectOf(const QJsonObject &raw, const QByteArray &rawJson)
{
    return raw.isEmpty() && !rawJson.isEmpty() ? QJsonDocument::fromJson(rawJson).object() : raw;
}

QJsonObject ConversationMessage::rawObject() const
{
    return rawObjectOf(raw, rawJson);
}

QString ConversationInfo::activeDialogId() const
{
    for (const DialogInfo &dialog : dialogs) {
        if (dialog.isOpen() && dialog.dialogType != QLatin1String("MAIN") && dialog.dialogId != conversationId) {
            return dialog.dialogId;
        }
    }
    return conversationId;
}

qint64 CommandResult::sequence() const
{
    const QJsonValue value = body.toObject().value(QLatin1String("sequence"));
    return value.isDouble() ? value.toInteger(-1) : -1;
}

Result<QString> resolveSkillId(const QList<Skill> &skills, const QString &name)
{
    QString found;
    int matches = 0;
    for (const Skill &skill : skills) {
        if (skill.name == name) {
            found = skill.id;
            ++matches;
        }
    }
    if (matches == 1) {
        return found;
    }
    if (matches == 0) {
        return Result<QString>::failure(
            u"liveperson.skill_unknown"_s,
            QCoreApplication::translate("Switchboard::LivePerson",
                                        "No skill is named \"%1\" (names are case-sensitive).")
                .arg(name));
    }
    return Result<QString>::failure(
        u"liveperson.skill_ambiguous"_s,
        QCoreApplication::translate("Switchboard::LivePerson", "%1 skills are named \"%2\"; transfer by id instead.")
            .arg(matches)
            .arg(name));
}

} // namespace Switchboard::LivePerson
