// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "BotTypes.h"

namespace Switchboard::Bot
{

QStringList BotEvent::deliveryIds() const
{
    return constituentDeliveryIds.isEmpty() ? QStringList{deliveryId} : constituentDeliveryIds;
}

const BotReply *BotResponse::action() const
{
    for (const BotReply &item : items) {
        if (item.isAction()) {
            return &item;
        }
    }
    return nullptr;
}

QString eventTypeName(EventType type)
{
    switch (type) {
    case EventType::Start:
        return QStringLiteral("start");
    case EventType::Text:
        return QStringLiteral("text");
    case EventType::RichContent:
        return QStringLiteral("rich_content");
    case EventType::Transferred:
        return QStringLiteral("transferred");
    case EventType::Closed:
        return QStringLiteral("closed");
    case EventType::SurveyStart:
        return QStringLiteral("survey_start");
    case EventType::SurveyClose:
        return QStringLiteral("survey_close");
    }
    return QStringLiteral("text");
}

QString replyKindName(ReplyKind kind)
{
    switch (kind) {
    case ReplyKind::Text:
        return QStringLiteral("text");
    case ReplyKind::StructuredContent:
        return QStringLiteral("structured_content");
    case ReplyKind::QuickReplies:
        return QStringLiteral("quick_replies");
    case ReplyKind::Delay:
        return QStringLiteral("delay");
    case ReplyKind::Transfer:
        return QStringLiteral("transfer");
    case ReplyKind::CloseConversation:
        return QStringLiteral("close_conversation");
    case ReplyKind::ChangeTtr:
        return QStringLiteral("change_ttr");
    }
    return QStringLiteral("text");
}

QString hopOperationName(HopOperation operation)
{
    switch (operation) {
    case HopOperation::State:
        return QStringLiteral("state");
    case HopOperation::Environments:
        return QStringLiteral("environments");
    case HopOperation::CreateConversation:
        return QStringLiteral("create_conversation");
    case HopOperation::Event:
        return QStringLiteral("event");
    case HopOperation::Webhook:
        return QStringLiteral("webhook");
    case HopOperation::Token:
        return QStringLiteral("token");
    }
    return QStringLiteral("event");
}

QString hopOutcomeName(HopOutcome outcome)
{
    switch (outcome) {
    case HopOutcome::Success:
        return QStringLiteral("success");
    case HopOutcome::Timeout:
        return QStringLiteral("timeout");
    case HopOutcome::ConnectError:
        return QStringLiteral("connect_error");
    case HopOutcome::TlsError:
        return QStringLiteral("tls_error");
    case HopOutcome::HttpClientError:
        return QStringLiteral("http_4xx");
    case HopOutcome::HttpServerError:
        return QStringLiteral("http_5xx");
    case HopOutcome::RateLimited:
        return QStringLiteral("rate_limited");
    case HopOutcome::InvalidReply:
        return QStringLiteral("invalid_reply");
    case HopOutcome::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("success");
}

QString ttrTypeName(TtrType type)
{
    switch (type) {
    case TtrType::Urgent:
        return QStringLiteral("URGENT");
    case TtrType::Normal:
        return QStringLiteral("NORMAL");
    case TtrType::Prioritized:
        return QStringLiteral("PRIORITIZED");
    case TtrType::Custom:
        return QStringLiteral("CUSTOM");
    }
    return QStringLiteral("NORMAL");
}

} // namespace Switchboard::Bot
