// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SandboxConfig.h"
#include "SandboxTypes.h"
#include "util/Result.h"

#include <QHash>
#include <QObject>
#include <memory>

class QTimer;

namespace Switchboard::Sandbox
{

/** What a publish call asks for; channel-agnostic (UMS PublishEvent, Chat Agent API lines, control API). */
struct PublishRequest
{
    QString conversationId;
    /** Empty = the conversation's active (open) dialog. */
    QString dialogId;
    /** userId of an agent, or the consumer id. */
    QString originatorId;
    bool fromAgent = true;
    /** ContentEvent, RichContentEvent, ChatStateEvent or AcceptStatusEvent, as on the UMS wire. */
    QJsonObject event;
    QJsonArray metadata;
    QString encodedMetadata;
    QString audience = QStringLiteral("ALL");
};

/**
 * The emulated account's state: skills, agent users, consumers, conversations with their dialogs,
 * participants, messages (sequenced per conversation), rings, TTR and close reasons — plus
 * skill-based routing (rings to available agents, least-loaded first, ring expiry, re-ring).
 *
 * Every public method is channel-agnostic: the UMS layer (MessagingApi), the Chat Agent API and
 * the control API all act through these methods and learn about changes from the signals, so a
 * conversation started on one surface is visible on every other. Failing calls return an Error
 * whose code is one of the "sandbox.*" codes below; httpStatus() maps it to a 4xx.
 *
 * Ownership and thread: a QObject living in the emulator's thread (the GUI/main thread); not
 * thread-safe. Pointers returned by the lookup methods are valid until the next call that
 * changes the model; do not keep them across event-loop turns.
 */
class StateModel final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StateModel)

public:
    explicit StateModel(const SandboxConfig &config, QObject *parent = nullptr);
    ~StateModel() override;

    /** Error codes used by this model. */
    static inline const QString NotFound = QStringLiteral("sandbox.not_found");
    static inline const QString BadRequest = QStringLiteral("sandbox.bad_request");
    static inline const QString Forbidden = QStringLiteral("sandbox.forbidden");
    static inline const QString Conflict = QStringLiteral("sandbox.conflict");
    /** 400, 403, 404 or 409 for an Error produced by this model. */
    static int httpStatus(const Error &error);

    const SandboxConfig &config() const
    {
        return m_config;
    }
    QString accountId() const
    {
        return m_config.accountId;
    }
    void setRingExpirationMs(int ms);
    /** Ring expiry for Channel::Chat conversations (Chat Agent API: 20 s, reference §5). */
    void setChatRingExpirationMs(int ms);
    int chatRingExpirationMs() const
    {
        return m_chatRingExpirationMs;
    }

    // --- agents -------------------------------------------------------------------------------
    QList<const AgentUser *> agents() const;
    const AgentUser *agent(const QString &userId) const;
    const AgentUser *agentByLogin(const QString &loginName) const;
    /** Accepts "{acct}.{userId}", a PId or a bare userId. */
    const AgentUser *agentByAnyId(const QString &id) const;
    QString oldId(const QString &userId) const;
    /** UMS SetAgentState. */
    void setAgentAvailability(const QString &userId, const QString &availability);
    /** A UMS socket subscribed to (or dropped) routing tasks for this agent. */
    void addRoutingSubscription(const QString &userId, int delta);
    /** Chat Agent API availability (Online = true); going unavailable hands its waiting chat rings on. */
    void setChatAvailable(const QString &userId, bool available);
    /** Routing considers the agent for @p channel. */
    bool isRoutable(const AgentUser &agent, Channel channel) const;

    // --- consumers and conversations ----------------------------------------------------------
    Consumer createConsumer(const QString &firstName = {}, const QString &lastName = {});
    const Consumer *consumer(const QString &consumerId) const;
    /** Opens a conversation (MAIN dialog id == conversation id) and queues it for routing. */
    Result<QString> createConversation(const QString &consumerId,
                                       const QString &skillId,
                                       Channel channel,
                                       const QJsonObject &context = {});
    const Conversation *conversation(const QString &conversationId) const;
    /** The conversation a dialog belongs to (MAIN dialog id == conversation id), or empty. */
    QString conversationIdForDialog(const QString &dialogId) const;
    /** All conversations, oldest first. */
    QList<const Conversation *> conversations() const;
    /** Open conversations where @p userId is a participant (any role). */
    QList<const Conversation *> conversationsOf(const QString &userId) const;
    int openConversationCount() const;

    /** Publishes an event; returns the stored (or, for ChatStateEvent, transient) message. */
    Result<Message> publish(const PublishRequest &request);
    /** Convenience: a consumer text message (ContentEvent text/plain) with optional metadata. */
    Result<Message> consumerText(const QString &conversationId, const QString &text, const QJsonArray &metadata = {});
    /** Messages with sequence >= @p fromSeq in @p dialogId (empty = every dialog). */
    QList<Message> messages(const QString &conversationId, const QString &dialogId, int fromSeq) const;

    // --- rings and participants ---------------------------------------------------------------
    const Ring *ring(const QString &ringId) const;
    /** Rings in state WAITING offered to @p userId. */
    QList<Ring> waitingRings(const QString &userId) const;
    /** UpdateRingState ACCEPTED: the agent becomes ASSIGNED_AGENT. */
    Result<Success> acceptRing(const QString &userId, const QString &ringId);
    Result<Success> rejectRing(const QString &userId, const QString &ringId);
    /** The ring-expiry fault: every WAITING ring expires now. Returns how many did. */
    int expireAllRings();

    /** ParticipantsChange ADD (also used for "join without a ring" as MANAGER). */
    Result<QString> addParticipant(const QString &conversationId, const QString &userId, const QString &role);
    /** ParticipantsChange REMOVE; fails when @p userId does not hold @p role. */
    Result<QString> removeParticipant(const QString &conversationId, const QString &userId, const QString &role);
    /** ParticipantsChange SUGGEST: transfer-to-agent; the suggested agent gets the next ring. */
    Result<QString> suggestAgent(const QString &conversationId, const QString &userId);
    /** Skill UPDATE: re-queues the conversation on @p skillId while it has no assigned agent. */
    Result<QString> transferToSkill(const QString &conversationId, const QString &skillId);
    /** DialogChange CLOSE: closing MAIN starts POST_SURVEY when the skill has a survey; the last dialog closes the
     * conversation. */
    Result<QString> closeDialog(const QString &conversationId, const QString &dialogId, CloseReason by);
    /** ConversationStateField CLOSE: closes the conversation and all its dialogs (skips the survey). */
    Result<QString> closeConversation(const QString &conversationId, CloseReason by);
    /** Keeps an accepted UpdateConversationField request (field names and envelope metadata) for the control API. */
    void recordFieldUpdate(const QString &conversationId, const QStringList &fields, const QJsonArray &metadata);
    /** TTRField. */
    Result<QString> setTtr(const QString &conversationId, const QString &ttrType, int value);

    /**
     * Changes made between begin and end are announced once, at the end, in their final state:
     * one UMS request (e.g. [REMOVE ASSIGNED_AGENT, Skill UPDATE]) is one change of the
     * conversation, so its notification shows the result of the whole request (reference §4).
     */
    void beginChangeBatch();
    void endChangeBatch();

    const ModelStats &stats() const
    {
        return m_stats;
    }

Q_SIGNALS:
    /** Any metadata change (participants, skill, dialogs, state, TTR) of a conversation. */
    void conversationChanged(const QString &conversationId);
    /** A published event (stored or transient chat state). */
    void messageAdded(const QString &conversationId, const Switchboard::Sandbox::Message &message);
    /** A ring was offered or changed state (WAITING, ACCEPTED, EXPIRED, REJECTED, CANCELLED). */
    void ringChanged(const Switchboard::Sandbox::Ring &ring);
    /** An agent's availability or routing eligibility changed. */
    void agentStateChanged(const QString &userId);

private:
    void notifyConversationChanged(const QString &conversationId);
    int m_batchDepth = 0;
    QStringList m_batchedChanges;

    Conversation *mutableConversation(const QString &id);
    AgentUser *mutableAgent(const QString &userId);
    void touch(Conversation &conversation);
    void queueRouting(const QString &conversationId);
    void scheduleRouting();
    void routePending();
    bool needsRouting(const Conversation &conversation) const;
    QString routingSkill(const Conversation &conversation) const;
    AgentUser *pickAgent(const Conversation &conversation, const QHash<QString, int> &loads);
    void offerRing(Conversation &conversation, AgentUser &agent);
    void finishRing(const QString &ringId, const QString &state);
    void cancelWaitingRing(Conversation &conversation);
    void closeEverything(Conversation &conversation, CloseReason by);
    void removeAgentEverywhere(Conversation &conversation, const QString &userId, const QString &role);
    /** Open assigned conversations plus waiting rings, per agent userId. */
    QHash<QString, int> agentLoads() const;

    SandboxConfig m_config;
    QHash<QString, std::shared_ptr<AgentUser>> m_agents;
    QStringList m_agentOrder;
    QHash<QString, Consumer> m_consumers;
    QHash<QString, std::shared_ptr<Conversation>> m_conversations;
    QStringList m_conversationOrder;
    QHash<QString, QString> m_dialogIndex;
    QHash<QString, Ring> m_rings;
    QHash<QString, QTimer *> m_ringTimers;
    QStringList m_routingQueue;
    QSet<QString> m_routingQueued;
    bool m_routingScheduled = false;
    ModelStats m_stats;
    int m_chatRingExpirationMs = 20000;
};

} // namespace Switchboard::Sandbox
