// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

/**
 * The protocol-neutral values that travel between the connector and a BotClient: what is sent to
 * a bot (BotEvent), what comes back (BotResponse of BotReply items), why a delivery failed
 * (BotError), one HTTP attempt (HopRecord) and the endpoint's health (BotState). Plain values,
 * cheap to copy, registered as metatypes for queued connections.
 */
namespace Switchboard::Bot
{

enum class BotProtocol
{
    CustomEndpoint,
    Webhook,
};

/** What happened in the conversation that the bot is told about. */
enum class EventType
{
    /** Welcome event (Custom Endpoint `START`); `text` may carry the consumer's last message. */
    Start,
    /** A consumer text message. */
    Text,
    /** A consumer rich-content message (messaging only), in `content`. */
    RichContent,
    /** The conversation was transferred to the bot's skill. */
    Transferred,
    /** The conversation was closed. */
    Closed,
    /** A post-conversation survey starts (survey bots). */
    SurveyStart,
    /** A survey bot is told the conversation closes (Custom Endpoint `CLOSE_CONVERSATION`). */
    SurveyClose,
};

enum class ChannelType
{
    Messaging,
    Chat,
};

/** The conversation context a bot receives when it first meets a conversation. */
struct ConversationContext
{
    ChannelType channel = ChannelType::Messaging;
    /** Ids as LivePerson gives them (numeric strings); sent as JSON numbers when numeric. */
    QString skillId;
    QString engagementId;
    QString campaignId;
    QString contextType;
    /** The bot's own agent id. */
    QString assignedAgentId;
    /** sharkVisitorId, language, consumerId, … as known. */
    QJsonObject visitor;
    /** Further context fields, copied into the context object as they are. */
    QJsonObject extra;
};

/**
 * One event for the bot. `deliveryId` is stable across retries, reconnects and restarts (the
 * connector makes it); every reply or failure names it.
 */
struct BotEvent
{
    QString deliveryId;
    /**
     * When consumer bursts are combined: the delivery ids of every message in this event, in
     * order (the first is `deliveryId`). Empty for a single message.
     */
    QStringList constituentDeliveryIds;
    EventType type = EventType::Text;
    QString conversationId;
    QString dialogId;
    QString consumerId;
    /** The UMS sequence of the consumer message, or -1. */
    qint64 sequence = -1;
    /** Server time of the event (ms since the epoch), or 0. */
    qint64 timestampMs = 0;
    /** Text: the message. Start: the consumer's last message before the bot joined, if any. */
    QString text;
    /** RichContent: the consumer's content. SurveyClose/SurveyStart: survey data, if any. */
    QJsonObject content;
    /** The raw UMS change item (or Chat Agent API event), passed through to the bot. */
    QJsonObject lpEvent;
    /**
     * The same event as compact JSON text, exactly QJsonDocument(lpEvent).toJson(Compact), when
     * the channel had it (the Custom Endpoint body then embeds it as it is); empty otherwise.
     * When set, it is the event (lpEvent may be empty).
     */
    QByteArray lpEventJson;
    ConversationContext context;
    /**
     * Engagement attributes, `{"authenticatedSdes":{…},"unauthenticatedSdes":{…}}`. Sent only when
     * the integration is configured to send SDES.
     */
    QJsonObject sdes;

    /** `constituentDeliveryIds`, or just `deliveryId`. */
    QStringList deliveryIds() const;
};

enum class ReplyKind
{
    Text,
    StructuredContent,
    /** A text with quick-reply buttons (messaging only; see QuickReplies::degradeForChat). */
    QuickReplies,
    Delay,
    Transfer,
    CloseConversation,
    ChangeTtr,
};

enum class MessageAudience
{
    All,
    /** A private text, shown to agents and managers only. */
    AgentsAndManagers,
};

enum class TtrType
{
    Urgent,
    Normal,
    Prioritized,
    Custom,
};

/** One validated item of a bot's answer. Only the fields of its kind are meaningful. */
struct BotReply
{
    ReplyKind kind = ReplyKind::Text;

    /** Text: the message. QuickReplies: the message shown above the buttons. */
    QString text;
    MessageAudience audience = MessageAudience::All;
    /** Conversation metadata for the publish (always an array, e.g. `[{"type":"ExternalId",…}]`). */
    QJsonArray metadata;
    /** Base64, at most 5 KB, already validated; empty if none. */
    QString encodedMetadata;
    /**
     * StructuredContent: the card (validated). QuickReplies: the `quickReplies` object
     * (`{"type":"quickReplies","itemsPerRow":…,"replies":[…]}`).
     */
    QJsonObject structuredContent;

    /** Delay: whole seconds ≥ 1, and whether to show "typing" meanwhile. */
    int delaySeconds = 0;
    bool typing = true;

    /** Transfer: the skill name (case-sensitive, to be resolved by the connector) and/or an agent id. */
    QString skillName;
    QString agentId;

    /** CloseConversation: skip the post-conversation survey. */
    bool withoutPcs = false;

    /** ChangeTtr: the type, and for Custom its value as sent by the bot. */
    TtrType ttrType = TtrType::Normal;
    QString ttrValue;

    bool isAction() const
    {
        return kind == ReplyKind::Transfer || kind == ReplyKind::CloseConversation || kind == ReplyKind::ChangeTtr;
    }
};

/** An intent the bot reports for analytics (`analytics.intents[]`). */
struct Intent
{
    QString id;
    QString description;
    double confidenceScore = 0;
};

/** A validated answer of the bot to one delivery. */
struct BotResponse
{
    /** The delivery this answers (empty for an unsolicited webhook callback). */
    QString deliveryId;
    /** Every consumer message this answers (several after a combined burst). */
    QStringList deliveryIds;
    QString conversationId;
    /**
     * In order; at most one action, always last. Empty only for events that may be answered with
     * nothing (transferred, closed, survey close).
     */
    QList<BotReply> items;
    QList<Intent> intents;
    /** Protocol warnings (dropped items after an action, coerced fields…), translated, one line each. */
    QStringList warnings;
    /** Webhook: the answer came by callback, not in the HTTP response. */
    bool viaCallback = false;
    /** Webhook: this delivery was already answered before (the connector must not publish twice). */
    bool duplicate = false;
    /** Webhook: the delivery had already been reported failed (timed out) when this arrived. */
    bool late = false;

    /** The first action item, or nullptr. */
    const BotReply *action() const;
};

/** Why a delivery, a probe or a request failed. `code` is one of BotErrors' codes. */
struct BotError
{
    QString code;
    /** Translated, one line, with the specifics (status, path, state name). */
    QString message;
    /** Translated one-line fix hint for the operator. */
    QString hint;
    /** The HTTP status of the last answer, or 0. */
    int httpStatus = 0;
    /** Where exactly (a JSON path such as `$.response[1].data.structuredContent.elements[0]`), if known. */
    QString path;
    /** Attempts made before giving up. */
    int attempts = 0;

    bool isNull() const
    {
        return code.isEmpty();
    }
};

/** Which request of the protocol a hop was. */
enum class HopOperation
{
    State,
    Environments,
    CreateConversation,
    Event,
    Webhook,
    Token,
};

/** Outcome class of one attempt. */
enum class HopOutcome
{
    Success,
    Timeout,
    ConnectError,
    TlsError,
    HttpClientError,
    HttpServerError,
    RateLimited,
    InvalidReply,
    Cancelled,
};

/**
 * One HTTP attempt to the bot (each retry is its own hop). Bodies are the raw JSON; they never
 * contain tokens or secrets (Authorization headers are not recorded; token requests have no body).
 */
struct HopRecord
{
    QString deliveryId;
    QString conversationId;
    HopOperation operation = HopOperation::Event;
    /** 1-based attempt number within this operation, and the configured maximum. */
    int attempt = 1;
    int maxAttempts = 1;
    QByteArray method;
    /** The URL without query secrets (none are ever put there). */
    QString url;
    qint64 startedAtMs = 0;
    qint64 finishedAtMs = 0;
    qint64 latencyUs = 0;
    HopOutcome outcome = HopOutcome::Success;
    int httpStatus = 0;
    /** The BotErrors code of a failed attempt; empty on success. */
    QString errorCode;
    QByteArray requestBody;
    QByteArray responseBody;
    /** Another attempt follows. */
    bool willRetry = false;
};

/** Health of the endpoint as last probed. */
struct BotState
{
    bool online = false;
    /** `online`, `offline`, `error`, `maintenance` as the bot said, or empty if unreachable. */
    QString state;
    QString version;
    /** Why it counts as down (bot.state_not_online or a transport/HTTP error); null when online. */
    BotError error;
    qint64 checkedAtMs = 0;
};

QString eventTypeName(EventType type);
QString replyKindName(ReplyKind kind);
QString hopOperationName(HopOperation operation);
QString hopOutcomeName(HopOutcome outcome);
QString ttrTypeName(TtrType type);

} // namespace Switchboard::Bot

Q_DECLARE_METATYPE(Switchboard::Bot::BotEvent)
Q_DECLARE_METATYPE(Switchboard::Bot::BotResponse)
Q_DECLARE_METATYPE(Switchboard::Bot::BotError)
Q_DECLARE_METATYPE(Switchboard::Bot::HopRecord)
Q_DECLARE_METATYPE(Switchboard::Bot::BotState)
