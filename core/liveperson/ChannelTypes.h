// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "liveperson/ApiError.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QString>
#include <functional>
#include <optional>

// Value types shared by every AgentChannel implementation and its callers. All are plain,
// copyable, registered metatypes, so they travel through queued signals.

namespace Switchboard::LivePerson
{

/** Which LivePerson agent API a channel speaks. */
enum class ChannelType
{
    Messaging, ///< Messaging Agent API (UMS WebSocket)
    Chat,      ///< Chat Agent API (REST polling)
};

/** Lifecycle of an AgentChannel. */
enum class ChannelState
{
    Stopped,      ///< not started, or stop() finished
    Resolving,    ///< asking the Domain API (CSDS) for the account's hosts
    LoggingIn,    ///< Login Service call in flight
    Connecting,   ///< opening the agent connection and subscribing
    Online,       ///< subscribed; rings are accepted and messages flow
    Reconnecting, ///< waiting for the next attempt (see ChannelStatus::nextAttemptAt)
    Stopping,     ///< stop() in progress (agent AWAY, close, logout)
    Kicked,       ///< the agent user logged in elsewhere; no automatic re-login
    Failed,       ///< gave up (bad credentials, TLS, configuration); start() again to retry
};

/** Stable lower-case name of a state ("online", "kicked", …) for logs and JSON. */
QString channelStateName(ChannelState state);

/** A channel state with its reason, as the operator sees it. */
struct ChannelStatus
{
    ChannelState state = ChannelState::Stopped;
    /** Translated, operator-facing explanation; may be empty (e.g. plain "online"). */
    QString reason;
    /** When the next attempt is due (UTC); valid only in Reconnecting. */
    QDateTime nextAttemptAt;
    /** Consecutive failed attempts since the channel was last online. */
    int attempt = 0;
    /** The failure behind Reconnecting/Failed/Kicked, when there is one. */
    std::optional<ApiError> error;
};

/** One dialog of a conversation. The MAIN dialog's id equals the conversation id. */
struct DialogInfo
{
    QString dialogId;
    /** "MAIN", "POST_SURVEY", … as LivePerson sends it. */
    QString dialogType;
    /** "OPEN" or "CLOSE". */
    QString state;
    /** "MESSAGING" or "CHAT". */
    QString channelType;
    qint64 creationTs = 0;
    QString closedBy;
    QString closedCause;

    bool isOpen() const
    {
        return state == QLatin1String("OPEN");
    }
};

/** A conversation the bot takes part in. */
struct ConversationInfo
{
    QString conversationId;
    QString consumerId;
    /** Numeric string, as LivePerson sends it. */
    QString skillId;
    QList<DialogInfo> dialogs;
    ChannelType channel = ChannelType::Messaging;
    /** The conversation's context object (type, lang, clientProperties, …), as sent. */
    QJsonObject context;
    /** True when the bot is the ASSIGNED_AGENT; false when it is only MANAGER/READER. */
    bool botAssigned = false;
    /** "OPEN" or "CLOSE". */
    QString state;
    qint64 startTs = 0;
    /** TTR object as sent ({ttrType, value}); may be empty. */
    QJsonObject ttr;

    /** The open dialog messages go to: an open POST_SURVEY dialog if any, else MAIN. */
    QString activeDialogId() const;
};

/** What a consumer message carries. */
enum class MessageKind
{
    Text,        ///< ContentEvent text/plain
    RichContent, ///< RichContentEvent (a structured-content card in `content`)
    Click,       ///< ContentEvent text/plain with metadata: a card button or quick reply click
    File,        ///< ContentEvent hosted/file (`content` holds caption, relativePath, fileType)
};

/** Stable lower-case name of a message kind ("text", "richContent", "click", "file"). */
QString messageKindName(MessageKind kind);

/** One consumer message, delivered once per (dialogId, sequence). */
struct ConversationMessage
{
    QString conversationId;
    QString dialogId;
    qint64 sequence = -1;
    /** The consumer id (the wire's originatorId). */
    QString originatorId;
    /** "CONSUMER" for every delivered message. */
    QString originatorRole;
    MessageKind kind = MessageKind::Text;
    /** The text (Text, Click) or the file caption (File); empty for RichContent. */
    QString text;
    /** The card (RichContent) or the file object (File); empty otherwise. */
    QJsonObject content;
    /** The change's metadata array (e.g. ExternalId of a clicked button); may be empty. */
    QJsonArray metadata;
    /**
     * The whole change item as it arrived, as Qt JSON, when the channel built it; empty when the
     * channel kept only its compact text (`rawJson`, the UMS frame reader). Read it with rawObject().
     */
    QJsonObject raw;
    /**
     * The whole change item as compact JSON text, exactly what QJsonDocument(rawObject()).toJson(Compact)
     * writes, when the channel had it without serialising an object; empty otherwise. When set and
     * `raw` is empty, it is the item.
     */
    QByteArray rawJson;
    /** Server time of the event, ms since the epoch (0 when absent). */
    qint64 serverTimestamp = 0;
    /**
     * True when the message was recovered rather than pushed live: by QueryMessages (messaging),
     * or with a whole-chat read (chat). It may have been answered in part by an earlier run.
     */
    bool recovered = false;

    /**
     * The whole change item as Qt JSON: `raw`, or `rawJson` parsed when only the text was kept
     * (a parse on every call; the hot path passes `rawJson` on instead).
     */
    QJsonObject rawObject() const;
};

/**
 * An item kept as Qt JSON (`raw`) or, by the UMS frame reader, only as its compact text
 * (`rawJson`): the object either way (ConversationMessage::rawObject(), Ums::MessagingEvent::rawObject()).
 */
QJsonObject rawObjectOf(const QJsonObject &raw, const QByteArray &rawJson);

/** A skill of the account. */
struct Skill
{
    /** Numeric string. */
    QString id;
    QString name;

    friend bool operator==(const Skill &, const Skill &) = default;
};

/** Who sees a published message. */
enum class MessageAudience
{
    All,               ///< the consumer and the agents
    AgentsAndManagers, ///< a private note: agents and managers only
};

/** Time-to-respond types of a TTRField change. */
enum class TtrType
{
    Normal,
    Urgent,
    Prioritized,
    Custom,
};

/** Optional parts of a published message. */
struct PublishOptions
{
    MessageAudience audience = MessageAudience::All;
    /** Envelope-level conversation metadata (ExternalId, BotResponse, ActionReason, …). */
    QJsonArray metadata;
    /** Base64, at most 5 KB (the account needs the Common.EncodedMetadata feature). */
    QString encodedMetadata;
    /** A {"type":"quickReplies", "replies":[…]} object; messaging only. Empty for none. */
    QJsonObject quickReplies;
};

/** Handle of one command, unique per channel object, never 0. */
using RequestId = quint64;

/** How a command ended. */
struct CommandResult
{
    RequestId requestId = 0;
    /** Empty on success. */
    std::optional<ApiError> error;
    /** The server's response code (e.g. 200, 202), 0 when no response arrived. */
    int code = 0;
    /** The server's response body (object, string or array). */
    QJsonValue body;

    bool ok() const
    {
        return !error.has_value();
    }
    /** A PublishEvent's assigned sequence, -1 when there is none. */
    qint64 sequence() const;
};

/**
 * Where an asynchronous call reports its result: a callback bound to a context object. The
 * callback runs on the context's thread, always asynchronously (never inside the call), and not at
 * all once the context is destroyed. A default-constructed completion means "no callback".
 */
template <typename ResultType>
class Completion
{
public:
    using Callback = std::function<void(const ResultType &)>;

    Completion() = default;
    Completion(QObject *context, Callback callback)
        : m_context(context)
        , m_callback(std::move(callback))
        , m_set(context != nullptr && m_callback)
    {
    }

    bool isSet() const
    {
        return m_set;
    }
    /** Queues the callback on the context's thread (no-op when unset or the context is gone). */
    void complete(const ResultType &result) const
    {
        if (!m_set || m_context.isNull()) {
            return;
        }
        // Queued even on the same thread: a caller never re-enters its own code from inside a call.
        QMetaObject::invokeMethod(
            m_context.data(), [callback = m_callback, result] { callback(result); }, Qt::QueuedConnection);
    }

private:
    QPointer<QObject> m_context;
    Callback m_callback;
    bool m_set = false;
};

/** Where a command reports its CommandResult. */
using CommandCompletion = Completion<CommandResult>;

/** What AgentChannel::fetchOwnMessages() found: the agent's own messages, oldest first, or why not. */
struct OwnMessages
{
    /** Text (Text kind, also private texts and quick-reply texts) and cards (RichContent kind). */
    QList<ConversationMessage> messages;
    /** Empty on success. */
    std::optional<ApiError> error;

    bool ok() const
    {
        return !error.has_value();
    }
};

/** Where fetchOwnMessages() reports. */
using OwnMessagesCompletion = Completion<OwnMessages>;

/**
 * The caller's last handled sequence of a dialog, used to resume with QueryMessages after a
 * (re)connect. Return std::nullopt when nothing of the dialog was handled yet.
 */
using ResumeSequenceProvider =
    std::function<std::optional<qint64>(const QString &conversationId, const QString &dialogId)>;

/**
 * Looks a skill up by name, case-sensitively (TRANSFER actions name skills). Fails with
 * "liveperson.skill_unknown" or "liveperson.skill_ambiguous" (two skills with that name).
 */
Result<QString> resolveSkillId(const QList<Skill> &skills, const QString &name);

} // namespace Switchboard::LivePerson

Q_DECLARE_METATYPE(Switchboard::LivePerson::ChannelStatus)
Q_DECLARE_METATYPE(Switchboard::LivePerson::DialogInfo)
Q_DECLARE_METATYPE(Switchboard::LivePerson::ConversationInfo)
Q_DECLARE_METATYPE(Switchboard::LivePerson::ConversationMessage)
Q_DECLARE_METATYPE(Switchboard::LivePerson::Skill)
Q_DECLARE_METATYPE(Switchboard::LivePerson::CommandResult)
