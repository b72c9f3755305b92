// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <array>

/**
 * Value types that cross from a connector session to its observers (the UI, the CLI, tests).
 * All of them are plain, copyable snapshots: an observer never holds a pointer into a session's
 * live state, so sessions can run on their own threads.
 */
namespace Switchboard::Connector
{
Q_NAMESPACE

/** The visible state machine of one integration's connector session. */
enum class SessionState {
    Stopped,
    Resolving,
    LoggingIn,
    Connecting,
    Online,
    Reconnecting,
    Kicked,
    Failed,
};
Q_ENUM_NS(SessionState)

/** How healthy the bot endpoint is, with hysteresis (see EndpointHealth). */
enum class HealthState {
    Unknown,
    Healthy,
    Degraded,
    Down,
};
Q_ENUM_NS(HealthState)

/** The outcome class of one bot call, as graphed and as read by the escalation policy. */
enum class OutcomeClass {
    Ok,
    Timeout,
    ConnectError,
    Http4xx,
    Http5xx,
    InvalidReply,
};
Q_ENUM_NS(OutcomeClass)
inline constexpr int OutcomeClassCount = 6;

struct SessionStatus
{
    SessionState state = SessionState::Stopped;
    /** Human-readable detail: the failure reason, "logged in elsewhere", … (translated). */
    QString reason;
    /** Set while Reconnecting: when the next attempt is due. */
    QDateTime nextAttemptAt;
    /** When the session entered this state. */
    QDateTime since;
};

struct SessionCounters
{
    int openConversations = 0;
    /** Escalated conversations the session still lists (see SessionSettings::finishedRetentionMs); totals: escalationsToday. */
    int escalatedConversations = 0;
    double messagesPerMinute = 0;
    int escalationsToday = 0;
    qint64 consumerMessages = 0;
    qint64 botReplies = 0;
    qint64 botFailures = 0;
};

enum class ConversationStatus {
    Open,
    Escalated,
    Closed,
};
Q_ENUM_NS(ConversationStatus)

struct ConversationSnapshot
{
    QString id;
    QString consumerId;
    QString skillId;
    QString channel; // "messaging" or "chat"
    ConversationStatus status = ConversationStatus::Open;
    QDateTime startedAt;
    QDateTime lastActivityAt;
    QString lastText;
    int messageCount = 0;
    /** Set once escalated: why (e.g. "bot.timeout", "operator", "bot.transfer"). */
    QString escalationCause;
};

/** Who or what a transcript line comes from. */
enum class TranscriptRole {
    Consumer,
    Bot,
    HumanAgent,
    Private,
    System,
    Error,
    Escalation,
};
Q_ENUM_NS(TranscriptRole)

/** One line of a conversation's transcript as the operator sees it. */
struct TranscriptEntry
{
    qint64 id = 0;
    QString conversationId;
    QDateTime time;
    TranscriptRole role = TranscriptRole::System;
    QString text;
    /** Structured content (json-pollock card) or quick replies, when the line has them. */
    QJsonObject content;
    /** For errors and escalations: the catalogue code (e.g. "bot.timeout") and its fix hint. */
    QString code;
    QString hint;
    /** The delivery this line belongs to; keys the hop inspector. */
    QString deliveryId;
};

/** One hop of a delivery (LP in, bot out, bot in, LP out) for the inspector. */
struct HopSnapshot
{
    QString deliveryId;
    QString kind; // "lp_in", "bot_out", "bot_in", "lp_out"
    int attempt = 1;
    QDateTime startedAt;
    double durationMs = 0;
    QString outcome;
    QByteArray rawJson;
};

/** Rolling statistics of bot calls over one window. */
struct LatencyWindow
{
    qint64 calls = 0;
    qint64 errors = 0;
    double p50Ms = 0;
    double p95Ms = 0;
    double p99Ms = 0;
    double errorRate() const
    {
        return calls > 0 ? double(errors) / double(calls) : 0.0;
    }
};

struct HealthSnapshot
{
    HealthState state = HealthState::Unknown;
    QDateTime stateSince;
    /** The bot's own reported state ("online", "offline", …) from the last probe. */
    QString endpointState;
    LatencyWindow lastMinute;
    LatencyWindow last15Minutes;
    LatencyWindow last24Hours;
};

/** One point of the health graph: a time bucket with its percentiles and error counts. */
struct HealthBucket
{
    qint64 startMs = 0;
    qint64 calls = 0;
    double p50Ms = 0;
    double p95Ms = 0;
    double p99Ms = 0;
    std::array<qint64, OutcomeClassCount> outcomes{};
    HealthState state = HealthState::Unknown;
};

/** A skill of the LivePerson account (ids are numeric strings, as LivePerson sends them). */
struct SkillInfo
{
    QString id;
    QString name;
};

/** What an operator (or the policy) asks for when escalating a conversation. */
struct EscalationRequest
{
    QString conversationId;
    QString skillId;
    QString reason;
    /** Optional text sent to the consumer before the transfer. */
    QString handoffText;
};

QString displayName(SessionState state);
QString displayName(HealthState state);
QString outcomeCode(OutcomeClass outcome);

} // namespace Switchboard::Connector

Q_DECLARE_METATYPE(Switchboard::Connector::SessionStatus)
Q_DECLARE_METATYPE(Switchboard::Connector::SessionCounters)
Q_DECLARE_METATYPE(Switchboard::Connector::ConversationSnapshot)
Q_DECLARE_METATYPE(Switchboard::Connector::TranscriptEntry)
Q_DECLARE_METATYPE(Switchboard::Connector::HopSnapshot)
Q_DECLARE_METATYPE(Switchboard::Connector::HealthSnapshot)
Q_DECLARE_METATYPE(Switchboard::Connector::HealthBucket)
Q_DECLARE_METATYPE(Switchboard::Connector::SkillInfo)
Q_DECLARE_METATYPE(Switchboard::Connector::EscalationRequest)
