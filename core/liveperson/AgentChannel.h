// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "liveperson/ChannelTypes.h"

#include <QObject>

namespace Switchboard::LivePerson
{

/**
 * One LivePerson agent user's connection, as the connector sees it: a channel that takes the
 * conversations routed to the agent, reports consumer messages, and carries the bot's replies
 * and actions back.
 *
 * Implementations: MessagingAgentChannel (Messaging Agent API, UMS WebSocket) and
 * ChatAgentChannel (Chat Agent API, REST polling; chat has no dialogs, so dialogId ==
 * conversationId). Tests of other modules use tests/support/FakeAgentChannel.
 *
 * Ownership and threads: the creator owns the channel; it lives on the thread that created it and
 * every method must be called there. Signals are emitted on that thread.
 *
 * Lifecycle: Stopped → start() → Resolving → LoggingIn → Connecting → Online, with Reconnecting
 * between attempts; Kicked when the agent user logged in elsewhere (no automatic re-login);
 * Failed when retrying cannot help (e.g. 401 on login). stop() works from any state and always
 * ends with stopped() (emitted asynchronously, also when the channel was already stopped).
 *
 * Delivery: consumerMessage() fires at most once per (dialogId, sequence) for the lifetime of the
 * object, in sequence order per dialog. After every (re)connect the channel asks for messages
 * newer than the ResumeSequenceProvider's last handled sequence, so a gap is filled without
 * duplicates. Every command completes exactly once (see CommandCompletion), with the server's
 * code and body or an ApiError.
 */
class AgentChannel : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentChannel)

public:
    using QObject::QObject;
    ~AgentChannel() override = default;

    virtual ChannelType channelType() const = 0;
    virtual ChannelStatus status() const = 0;
    ChannelState state() const
    {
        return status().state;
    }

    /** Starts (or, from Kicked/Failed, restarts) the channel. No-op while already running. */
    virtual void start() = 0;
    /** Sets the agent AWAY, closes the connection and logs out; then stopped(). */
    virtual void stop() = 0;

    /** The agent's "old id" ("{accountId}.{userId}"); empty before the first login. */
    virtual QString agentId() const = 0;
    /** The agent's PId (config.userPid); empty before the first login or when not sent. */
    virtual QString agentPid() const = 0;

    /** Open conversations the bot currently takes part in. */
    virtual QList<ConversationInfo> conversations() const = 0;

    /** The account's skills as last fetched (after each login); empty before. */
    virtual QList<Skill> skills() const = 0;
    /** Fetches the skills again; skillsChanged() follows on success. */
    virtual void refreshSkills(CommandCompletion done = {}) = 0;
    /** Case-sensitive name → id over skills(). */
    Result<QString> resolveSkillId(const QString &name) const
    {
        return LivePerson::resolveSkillId(skills(), name);
    }

    /** Tells the channel where to resume each dialog after a (re)connect. */
    virtual void setResumeSequenceProvider(ResumeSequenceProvider provider) = 0;

    // Commands. Each returns its RequestId at once and reports through `done`. A command issued
    // while the channel is not Online fails with ApiErrorKind::NotConnected.

    /** A text message (ContentEvent text/plain), optionally private, with metadata/quick replies. */
    virtual RequestId sendText(const QString &conversationId,
                               const QString &dialogId,
                               const QString &text,
                               const PublishOptions &options = {},
                               CommandCompletion done = {}) = 0;
    /** A structured-content card (RichContentEvent). */
    virtual RequestId sendRichContent(const QString &conversationId,
                                      const QString &dialogId,
                                      const QJsonObject &card,
                                      const PublishOptions &options = {},
                                      CommandCompletion done = {}) = 0;
    /** Typing indicator: COMPOSING when on, ACTIVE when off. */
    virtual RequestId
    sendTyping(const QString &conversationId, const QString &dialogId, bool typing, CommandCompletion done = {}) = 0;
    /** READ receipts for consumer messages (the messaging channel already sends READ by default). */
    virtual RequestId markRead(const QString &conversationId,
                               const QString &dialogId,
                               const QList<qint64> &sequences,
                               CommandCompletion done = {}) = 0;
    /** Back to the queue on another skill: removes the bot and sets the skill in one request. */
    virtual RequestId transferToSkill(const QString &conversationId,
                                      const QString &skillId,
                                      const QJsonArray &metadata = {},
                                      CommandCompletion done = {}) = 0;
    /** Suggests the conversation to one agent (user id, or "{accountId}.{userId}") on a skill. */
    virtual RequestId transferToAgent(const QString &conversationId,
                                      const QString &agentUserId,
                                      const QString &skillId,
                                      const QJsonArray &metadata = {},
                                      CommandCompletion done = {}) = 0;
    /** Closes the conversation and all its dialogs (skips any post-conversation survey). */
    virtual RequestId closeConversation(const QString &conversationId, CommandCompletion done = {}) = 0;
    /** Closes one dialog; closing MAIN lets a POST_SURVEY dialog start. */
    virtual RequestId
    closeDialog(const QString &conversationId, const QString &dialogId, CommandCompletion done = {}) = 0;
    /** Changes the time to respond; `seconds` is used with TtrType::Custom. */
    virtual RequestId
    setTtr(const QString &conversationId, TtrType type, int seconds = 0, CommandCompletion done = {}) = 0;

    /**
     * Reads the conversation's history on LivePerson and reports the messages this agent itself
     * published in `dialogId` after `afterSequence` — texts (private ones too) and cards, oldest
     * first; receipts, typing and other participants' messages are left out. A restart uses it to
     * tell whether the reply it was sending when the previous run ended reached LivePerson
     * (SessionEngine). Fails with ApiErrorKind::NotConnected while not Online, and with the
     * server's error when the history cannot be read.
     */
    virtual void fetchOwnMessages(const QString &conversationId,
                                  const QString &dialogId,
                                  qint64 afterSequence,
                                  OwnMessagesCompletion done) = 0;

Q_SIGNALS:
    void stateChanged(const Switchboard::LivePerson::ChannelStatus &status);
    /** stop() has finished (also emitted for a stop() while already stopped). */
    void stopped();
    /** The bot joined a conversation (a ring was accepted, or it was already in it at connect). */
    void conversationStarted(const Switchboard::LivePerson::ConversationInfo &conversation);
    /** A consumer message, once per (dialogId, sequence). The bot's own echoes never appear. */
    void consumerMessage(const Switchboard::LivePerson::ConversationMessage &message);
    /** The conversation closed; `reason` is LivePerson's closeReason (CONSUMER, AGENT, SYSTEM, …). */
    void conversationClosed(const QString &conversationId, const QString &reason);
    /** The bot left the conversation and it moved to another skill (by us or by someone else). */
    void conversationTransferred(const QString &conversationId, const QString &newSkillId);
    /** The bot was removed from a still-open conversation without a skill change. */
    void removedFromConversation(const QString &conversationId);
    /** A dialog appeared or changed state (e.g. a POST_SURVEY dialog opened). */
    void dialogChanged(const QString &conversationId, const Switchboard::LivePerson::DialogInfo &dialog);
    void skillsChanged(const QList<Switchboard::LivePerson::Skill> &skills);
};

} // namespace Switchboard::LivePerson
