// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "liveperson/AgentLoginChannel.h"
#include "liveperson/UmsConnection.h"

#include <QHash>
#include <QPointer>
#include <QSet>
#include <QStringList>
#include <chrono>

class QTimer;

namespace Switchboard::LivePerson
{

/** Everything a MessagingAgentChannel needs to know. Defaults are LivePerson's documented values. */
struct MessagingChannelConfig : AgentLoginConfig
{
    /** CSDS services tried, in order, for the WebSocket host. */
    QStringList webSocketServices{QStringLiteral("asyncMessagingEnt"), QStringLiteral("facadeMsg")};
    /** Acknowledge every consumer message with a READ receipt (true) or only ACCEPT, delivered (false). */
    bool autoRead = true;

    UmsConnection::Options ums;
};

/** Counters for diagnostics and tests. */
struct MessagingChannelStats
{
    int logins = 0;
    int loginAttempts = 0;
    int socketsOpened = 0;
    int malformedFrames = 0;
    int duplicatesDropped = 0;
    int echoesIgnored = 0;
    int ringsAccepted = 0;
    int queriesSent = 0;
    /** Dialogs with delivery bookkeeping: open conversations' dialogs and those whose conversation
     *  moved away (their high-water mark); a closed conversation's dialogs are dropped. */
    int trackedDialogs = 0;
};

/**
 * The AgentChannel over LivePerson's Messaging Agent API (UMS WebSocket).
 *
 * start(): CSDS (cached 60 s) → Login Service (password or app keys) → skills lookup (in the
 * background) → `wss://{asyncMessagingEnt|facadeMsg}/ws_api/account/{acct}/messaging/brand/{bearer}?v=2.1`
 * → SetAgentState ONLINE, SubscribeRoutingTasks, SubscribeExConversations (OPEN, own old id) →
 * Online. The session is refreshed every refreshInterval; rings in WAITING are accepted;
 * consumer messages are acknowledged (one READ receipt; ACCEPT without autoRead) and delivered
 * once per (dialog, sequence); the bot's own echoes are ignored.
 *
 * Failures: REST calls retry per RetryPolicy (401 on login → Failed, no retry). A closed socket
 * reconnects after a jittered ReconnectBackoff delay: close 4401/1011 or a 401 handshake → log
 * in again; 1006 → probe the session (refresh) and log in again only if it answers 401;
 * 4401 "logged in elsewhere" → Kicked, no re-login. Every (re)connect re-subscribes and resumes
 * each open dialog with QueryMessages from the caller's last handled sequence.
 *
 * Ownership and threads: owns its HTTP client, socket and timers; lives on its creator's thread.
 * Clock and Scheduler are injectable (setClock/setScheduler before start()) and must outlive it.
 * Destroying a running channel aborts the socket without logging out (call stop() first).
 */
class MessagingAgentChannel final : public AgentLoginChannel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessagingAgentChannel)

public:
    explicit MessagingAgentChannel(MessagingChannelConfig config, QObject *parent = nullptr);
    ~MessagingAgentChannel() override;

    const MessagingChannelConfig &config() const;
    MessagingChannelStats stats() const;

    // AgentChannel
    ChannelType channelType() const override;
    QList<ConversationInfo> conversations() const override;
    RequestId sendText(const QString &conversationId,
                       const QString &dialogId,
                       const QString &text,
                       const PublishOptions &options = {},
                       CommandCompletion done = {}) override;
    RequestId sendRichContent(const QString &conversationId,
                              const QString &dialogId,
                              const QJsonObject &card,
                              const PublishOptions &options = {},
                              CommandCompletion done = {}) override;
    RequestId sendTyping(const QString &conversationId,
                         const QString &dialogId,
                         bool typing,
                         CommandCompletion done = {}) override;
    RequestId markRead(const QString &conversationId,
                       const QString &dialogId,
                       const QList<qint64> &sequences,
                       CommandCompletion done = {}) override;
    RequestId transferToSkill(const QString &conversationId,
                              const QString &skillId,
                              const QJsonArray &metadata = {},
                              CommandCompletion done = {}) override;
    RequestId transferToAgent(const QString &conversationId,
                              const QString &agentUserId,
                              const QString &skillId,
                              const QJsonArray &metadata = {},
                              CommandCompletion done = {}) override;
    RequestId closeConversation(const QString &conversationId, CommandCompletion done = {}) override;
    RequestId closeDialog(const QString &conversationId, const QString &dialogId, CommandCompletion done = {}) override;
    RequestId
    setTtr(const QString &conversationId, TtrType type, int seconds = 0, CommandCompletion done = {}) override;
    /** QueryMessages on the dialog, keeping this agent's own ContentEvents and RichContentEvents. */
    void fetchOwnMessages(const QString &conversationId,
                          const QString &dialogId,
                          qint64 afterSequence,
                          OwnMessagesCompletion done) override;

    /** Whether a close reason says another login replaced this session (UNCONFIRMED wording, reference §9). */
    static bool isSessionReplacedReason(const QString &reason);

protected:
    // AgentLoginChannel
    void connectTransport() override;
    void dropTransport() override;
    void loggedIn() override;
    void loginRefused(const ApiError &error, quint64 attempt) override;
    void failed(const ApiError &error) override;
    void goAway(std::function<void()> then) override;
    void stopFinished() override;
    QString reconnectingText() const override;

private:
    struct DialogTrack
    {
        /**
         * Sequences delivered while the conversation is tracked, ascending (a sorted list: a QSet
         * costs ~0.5 KB for its first entry, per open conversation).
         */
        QList<qint64> delivered;
        /** Highest sequence delivered. */
        qint64 maxDelivered = -1;
        /** Everything up to here counts as delivered (the high-water mark kept when a conversation is forgotten). */
        qint64 floor = -1;
        bool queryPending = false;
        bool queryAgain = false;
        QList<Ums::MessagingEvent> buffered;
    };
    /**
     * A conversation as last reported, kept per open conversation: only what ConversationInfo
     * carries that is not the same for all of them (a tracked conversation is always OPEN and on
     * the messaging channel; its id is the table's key). Context and TTR objects are compact
     * JSON text (parsed QJsonObjects of them cost about 1 KB), MAIN dialog ids share the
     * conversation id, skill ids one copy per skill (see shared()).
     */
    struct TrackedConversation
    {
        QString consumerId;
        QString skillId;
        QList<DialogInfo> dialogs;
        QByteArray context;
        QByteArray ttr;
        qint64 startTs = 0;
        bool botAssigned = false;
        bool needsResync = false;

        /**
         * `info` as kept: `conversationId` is the table key's string; `channel` shares repeated
         * values (skill ids, context and TTR texts).
         */
        static TrackedConversation
        from(const ConversationInfo &info, const QString &conversationId, MessagingAgentChannel &channel);
        /** The ConversationInfo it was made from (context and ttr parsed again). */
        ConversationInfo full(const QString &conversationId) const;
        QString activeDialogId(const QString &conversationId) const;
    };
    void connectSocket();
    void dropSocket();
    void handleSocketOpened();
    void handleSocketClosed(const UmsConnection::CloseInfo &info);
    void probeSession(const QString &why);
    void handleSubscribed();

    void handleNotification(const Ums::Frame &frame, const Ums::FrameReader *reader);
    void handleRoutingTasks(const QJsonValue &body);
    void handleConversationChanges(const QJsonValue &body);
    void applyConversationChange(const Ums::ExConversationChange &change);
    /** Drops a conversation; its dialogs keep their high-water mark unless it `closed`. */
    void forgetConversation(const QString &conversationId, bool closed);
    /** Emits dialogChanged() for new or changed dialogs; returns the dialogs that (re)opened. */
    QList<DialogInfo>
    reportDialogChanges(const QString &conversationId, const QList<DialogInfo> &before, const QList<DialogInfo> &after);
    CommandCompletion trackTransfer(const QString &conversationId, const QString &skillId, CommandCompletion done);
    void handleResyncTimeout();
    void queryDialog(const QString &conversationId, const QString &dialogId);
    /** `reader`: the frame a live event without its content came from (to build the content if needed). */
    /** The agent's own event (an echo of what it published), by originator id or PId. */
    bool isOwnEvent(const Ums::MessagingEvent &event) const;
    void handleEvent(const Ums::MessagingEvent &event,
                     const QString &conversationHint,
                     bool recovered,
                     QList<qint64> *acked,
                     const Ums::FrameReader *reader = nullptr);
    void acknowledge(const QString &dialogId, const QList<qint64> &sequences);
    QString conversationOfDialog(const QString &dialogId) const;
    /**
     * One shared copy of a small value many conversations repeat (skill ids): a separate copy is
     * a heap block per open conversation. Bounded; past the bound values are kept as they come.
     */
    QString shared(const QString &value);
    /**
     * The same for compact context and TTR texts: conversations of one kind of client carry the
     * same context, TTR objects repeat. When the pool is full, texts no conversation keeps any more
     * are dropped from it.
     */
    QByteArray sharedText(const QByteArray &text);
    void countMalformed(const QString &what, const QString &reason);

    /** `bodyJson`: the request body as compact JSON (JsonWriter). */
    RequestId runCommand(const QString &what,
                         const QString &type,
                         const QByteArray &bodyJson,
                         CommandCompletion done,
                         const QJsonArray &metadata = {},
                         const QString &encodedMetadata = {});
    RequestId publish(const QString &what,
                      const QString &conversationId,
                      const QString &dialogId,
                      const Result<QByteArray> &eventJson,
                      const PublishOptions &options,
                      CommandCompletion done);
    RequestId updateFields(const QString &what,
                           const QString &conversationId,
                           const QJsonArray &fields,
                           const QJsonArray &metadata,
                           CommandCompletion done);

    MessagingChannelConfig m_config;
    QPointer<UmsConnection> m_ums;
    QTimer *m_resyncTimer;
    bool m_subscribed = false;

    QHash<QString, TrackedConversation> m_conversations;
    QHash<QString, DialogTrack> m_dialogs;
    QSet<QString> m_acceptedRings;
    QSet<QString> m_shared;
    QSet<QByteArray> m_sharedTexts;
    /** Transfers we asked for, by conversation: the skill to report when the bot leaves. */
    QHash<QString, QString> m_pendingTransfers;
    QHash<RequestId, CommandCompletion> m_inflight;
    MessagingChannelStats m_stats;
};

} // namespace Switchboard::LivePerson
