// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// Value types written to and read from TranscriptStore. Times are milliseconds since the Unix
// epoch (UTC), taken from the caller's Clock; 0 means "not set" where a field is optional.

namespace Switchboard::Storage
{

/** Who a transcript message is from (or, for Private, whom only agents see). */
enum class MessageRole {
    Consumer,
    Bot,
    /** Connector notices (e.g. "escalated to skill X"). */
    System,
    /** Private text visible to agents only. */
    Private,
    /** A human agent (after escalation, or another participant). */
    Agent,
};

/** The four hops of one consumer message's round trip. */
enum class HopKind {
    /** LivePerson → connector (the consumer message arrived). */
    LpIn,
    /** Connector → bot (a request to the bot endpoint). */
    BotOut,
    /** Bot → connector (the bot's answer or callback). */
    BotIn,
    /** Connector → LivePerson (a reply or action published). */
    LpOut,
};

/** Publication state of a bot reply. */
enum class PublishState {
    /** Not a reply (consumer messages, notices). */
    None,
    Pending,
    Published,
    Failed,
};

QString messageRoleName(MessageRole role);
std::optional<MessageRole> messageRoleFromName(const QString &name);
QString hopKindName(HopKind kind);
std::optional<HopKind> hopKindFromName(const QString &name);
QString publishStateName(PublishState state);
std::optional<PublishState> publishStateFromName(const QString &name);

/** One conversation as the connector sees it. Written with TranscriptStore::upsertConversation(). */
struct ConversationRecord
{
    /** LivePerson conversation id. */
    QString id;
    QString integrationId;
    /** "messaging" or "chat". */
    QString channel;
    QString consumerId;
    QString skillId;
    /** Connector state, e.g. "open", "escalated", "closed" (free text; the connector defines the values). */
    QString state;
    qint64 openedAtMs = 0;
    /** 0 while open. */
    qint64 closedAtMs = 0;
    bool escalated = false;
    /** Why the conversation was escalated (e.g. "bot_timeout", "manual", "bot_transfer"). */
    QString escalationCause;

    bool operator==(const ConversationRecord &) const = default;
};

/** One message of a conversation. Written with TranscriptStore::appendMessage(). */
struct MessageRecord
{
    /** Assigned by the store; ignored when appending. */
    qint64 id = 0;
    QString conversationId;
    QString dialogId;
    /** LivePerson sequence within the dialog; -1 when there is none (yet). */
    qint64 sequence = -1;
    MessageRole role = MessageRole::Consumer;
    /** Content type, e.g. "text/plain", "rich_content", "quick_replies", "event". */
    QString contentType = QStringLiteral("text/plain");
    /** Searchable text (may be empty for structured content). */
    QString text;
    /** The raw content as received or sent (UTF-8 JSON), optional. */
    QByteArray rawJson;
    qint64 timeMs = 0;
    /** The delivery id of the consumer message (consumer) or of the one it answers (bot replies). */
    QString deliveryId;
    /** Index of a bot reply within its delivery's answer; -1 otherwise. */
    int replyIndex = -1;
    PublishState publishState = PublishState::None;

    bool operator==(const MessageRecord &) const = default;
};

/** One hop of a message's round trip, with its attempt and outcome. Written with appendHop(). */
struct HopRecord
{
    /** Assigned by the store; ignored when appending. */
    qint64 id = 0;
    QString conversationId;
    QString deliveryId;
    HopKind kind = HopKind::LpIn;
    /** 1 for the first attempt. */
    int attempt = 1;
    qint64 startedAtMs = 0;
    /** 0 while unfinished. */
    qint64 finishedAtMs = 0;
    /** Outcome code, e.g. "ok", "timeout", "http_503", "connection_refused", "bad_reply". */
    QString outcome;
    /** Raw request/response payload (UTF-8 JSON), optional; never headers or tokens. */
    QByteArray payload;

    bool operator==(const HopRecord &) const = default;
};

/** One escalation (transfer) of a conversation. Written with recordEscalation(); same id = update. */
struct EscalationRecord
{
    /** Chosen by the caller (e.g. a UUID) so the outcome can be recorded later; empty = a new UUID. */
    QString id;
    QString conversationId;
    qint64 timeMs = 0;
    QString fromSkillId;
    QString toSkillId;
    /** Why: "manual", "bot_failure", "endpoint_down", "bot_transfer", … */
    QString cause;
    /** Operator-readable reason text. */
    QString reason;
    /** "pending", "transferred", "refused: …", "failed: …" (free text). */
    QString outcome;

    bool operator==(const EscalationRecord &) const = default;
};

/**
 * Latency and outcome class of bot-endpoint calls, for the health graph: one call (count 1), or
 * `count` calls of one outcome class aggregated (e.g. per second), latencyMs then being their
 * median and p95/p99 their percentiles.
 */
struct HealthSample
{
    QString integrationId;
    qint64 timeMs = 0;
    /** Latency of the call, or the median of the aggregated calls. */
    int latencyMs = 0;
    /** Outcome class; "ok" counts as success, anything else as failure (e.g. "timeout", "http_5xx"). */
    QString outcome;
    /** Calls this sample stands for (at least 1). */
    int count = 1;
    /** Percentiles of the aggregated calls; 0 = not known. */
    int p95LatencyMs = 0;
    int p99LatencyMs = 0;

    bool operator==(const HealthSample &) const = default;
};

/** Health samples of one time bucket (decimated for a graph); counts are in calls. */
struct HealthBucket
{
    qint64 startMs = 0;
    qint64 endMs = 0;
    /** Calls in the bucket (the sum of the samples' counts). */
    int count = 0;
    /** Calls with outcome "ok". */
    int okCount = 0;
    /** Smallest and largest sample latency (medians, for aggregated samples). */
    int minLatencyMs = 0;
    int maxLatencyMs = 0;
    /** Call-weighted average of the sample latencies. */
    double avgLatencyMs = 0;
    /** Largest p95 / p99 of the aggregated samples in the bucket; 0 = none known. */
    int maxP95LatencyMs = 0;
    int maxP99LatencyMs = 0;

    bool operator==(const HealthBucket &) const = default;
};

/** A consumer message (dialog, sequence) the connector has handed to the bot. */
struct HandledMessage
{
    QString conversationId;
    QString dialogId;
    qint64 sequence = 0;
    QString deliveryId;
    qint64 handledAtMs = 0;
};

/** A bot reply (delivery id, index) that was published — or is about to be: at most once. */
struct PublishedReply
{
    QString conversationId;
    QString deliveryId;
    int replyIndex = 0;
    qint64 publishedAtMs = 0;
};

/** Everything recorded about one conversation, each list ordered by time. */
struct Transcript
{
    /** Absent when messages exist for an id that was never upserted as a conversation. */
    std::optional<ConversationRecord> conversation;
    QList<MessageRecord> messages;
    QList<HopRecord> hops;
    QList<EscalationRecord> escalations;

    /** One row of the merged, time-ordered view; index points into the list of its kind. */
    struct Entry
    {
        enum class Kind {
            Message,
            Hop,
            Escalation,
        };
        Kind kind = Kind::Message;
        qint64 timeMs = 0;
        qsizetype index = 0;
    };
    /** Messages, hops and escalations merged by time (stable: messages first at equal times). */
    QList<Entry> timeline() const;
};

/** A page of an integration's conversations. */
struct ConversationQuery
{
    QString integrationId;
    /** Only these states; empty = all. */
    QStringList states;
    int offset = 0;
    int limit = 100;
};

struct ConversationPage
{
    /** Newest first (by openedAtMs). */
    QList<ConversationRecord> conversations;
    /** All conversations matching the query, across pages. */
    qint64 total = 0;
};

/**
 * Many records at once, committed in one transaction with everything else in the queue. For
 * imports and benchmarks; normal operation appends single records.
 */
struct TranscriptBatch
{
    QList<ConversationRecord> conversations;
    QList<MessageRecord> messages;
    QList<HopRecord> hops;
    QList<EscalationRecord> escalations;
    QList<HealthSample> healthSamples;
    QList<HandledMessage> handled;
    QList<PublishedReply> published;

    qsizetype size() const;
};

} // namespace Switchboard::Storage
