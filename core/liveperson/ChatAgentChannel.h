// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "liveperson/AgentLoginChannel.h"
#include "liveperson/ChatAgentProtocol.h"
#include "liveperson/LivePersonHttp.h"

#include <QHash>
#include <QPointer>
#include <QUrl>
#include <chrono>
#include <memory>

class QTimer;

namespace Switchboard::LivePerson
{

/**
 * Everything a ChatAgentChannel needs to know. Defaults are LivePerson's documented values (the
 * chat sample app refreshed the login every 5 minutes). `resyncGrace`: after a new agent session,
 * a chat that can no longer be read (its session ended, so the platform may queue it again) is
 * kept this long waiting to ring again for this agent; only then is it reported closed
 * ("NOT_OPEN_AFTER_RECONNECT"), as on messaging.
 */
struct ChatChannelConfig : AgentLoginConfig
{
    /**
     * How often incoming requests and each chat's events are polled. At most 2 s (the sample
     * app's period; a ring must be taken within 20 s, reference §5); larger values are clamped.
     */
    std::chrono::milliseconds pollInterval{2000};
};

/** Counters for diagnostics and tests. */
struct ChatChannelStats
{
    int logins = 0;
    int loginAttempts = 0;
    /** Agent sessions created (POST agentSession answered 201). */
    int sessionsCreated = 0;
    int chatsTaken = 0;
    int incomingPolls = 0;
    int eventPolls = 0;
    /** Events skipped with a reason (unknown type, bad @id, …). */
    int eventsSkipped = 0;
    /** Answers that could not be parsed. */
    int malformedAnswers = 0;
    /** Visitor lines seen again (re-read after a new session, overlapping pages) and not delivered twice. */
    int duplicatesDropped = 0;
    /** Requests repeated after a 5xx, 429 or connection error. */
    int retries = 0;
};

/**
 * The AgentChannel over LivePerson's Chat Agent API (REST polling on the agentVep host,
 * reference §5), for accounts whose bot serves the older chat channel.
 *
 * start(): CSDS (cached) → Login Service → skills lookup (background) → `POST agentSession`
 * → follow the returned link → availability Online (`POST …/availability` with
 * `X-HTTP-Method-Override: PUT`) → Online. Then every pollInterval (≤ 2 s) it polls
 * `…/incomingRequests` and takes a ringing chat at once (POST to the link it was given), reads the
 * chat resource and polls each chat's events by following `next` links. Every URL carries
 * `v=1&NC=true`; only links the server gave are followed (and only on the agentVep origin).
 *
 * Mapping onto AgentChannel: a chat is a conversation whose id is the chat id (the last segment
 * of its link) and whose only "dialog" has the same id; a visitor line's event `@id` is its
 * sequence. Lines: sendText → `textType:"plain"` (private → `subType:"ONLY_TO_REP"`),
 * sendRichContent → `textType:"rich-content"` with the card in `json`, metadata as the line's
 * `metadata` array; sendHtml() for `textType:"html"`. Quick replies are messaging-only: a
 * sendText with quickReplies is rejected (the connector degrades them to text before).
 * Chat has no typing indicator, read receipts or dialogs: sendTyping/markRead complete OK without
 * a request; closeDialog ends the chat like closeConversation (there is no post-chat survey
 * dialog); setTtr fails with InvalidArgument. transferToSkill reads the chat's `transfer` link,
 * fails with a clear error for a skill not offered there, and sends a note built from the
 * metadata (ActionReason, EscalationSummary).
 *
 * Failures: 5xx/429/connection errors are retried per RetryPolicy (commands at most as many times
 * as the policy has server-error steps, polls until they succeed); 401 → log in again; 404 on the
 * agent session → a new agent session (same login) — open chats are then read again (old link,
 * else the same chat id under the new session) and de-duplicated by `@id`, so no visitor line is
 * lost or delivered twice; commands that met the expiry run once more afterwards.
 *
 * Ownership and threads: owns its HTTP client and timers; lives on its creator's thread. Clock and
 * Scheduler are injectable (before start()) and must outlive it.
 */
class ChatAgentChannel final : public AgentLoginChannel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatAgentChannel)

public:
    explicit ChatAgentChannel(ChatChannelConfig config, QObject *parent = nullptr);
    ~ChatAgentChannel() override;

    const ChatChannelConfig &config() const;
    ChatChannelStats stats() const;
    /** The current agent session's URL (empty before the first session); for tests and diagnostics. */
    QUrl sessionUrl() const;

    /** A line with `textType:"html"` (the docs recommend wrapping it in a <div>). */
    RequestId sendHtml(const QString &conversationId,
                       const QString &html,
                       const PublishOptions &options = {},
                       CommandCompletion done = {});

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
    /** Reads the chat resource again and keeps the agent's lines after `afterSequence` (an event @id). */
    void fetchOwnMessages(const QString &conversationId,
                          const QString &dialogId,
                          qint64 afterSequence,
                          OwnMessagesCompletion done) override;

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
    struct Exchange;
    using ExchangePtr = std::shared_ptr<Exchange>;
    struct TrackedChat
    {
        ConversationInfo info;
        QUrl chatUrl;
        QList<Chat::Link> links;
        QUrl eventsUrl;
        /** Highest event @id processed (every event up to here was handled once). */
        qint64 lastId = -1;
        bool pollInFlight = false;
        /** Must be read again (new agent session) before polling on. */
        bool needsReread = false;
        bool rereadInFlight = false;
        /** conversationStarted() was emitted (after the first successful read). */
        bool announced = false;
        /** Not readable after a new session; waiting (resyncGrace) for it to ring again. */
        bool orphaned = false;
        qint64 orphanedAtMs = 0;
        /** The typing request failed with a 4xx once: typing is a no-op from then on. */
        bool typingUnsupported = false;
        int pollFailures = 0;
        QPointer<QObject> pollPause;
        /** We asked to end it: its close reason is AGENT. */
        bool ending = false;
        /** Commands that met an expired session, run again once the chat was read again. */
        QList<ExchangePtr> parked;
    };
    void createSession();
    void setAvailability(const QString &availability, std::function<void(const ApiResult<HttpResponse> &)> done);
    void goOnline();
    void sessionLost(bool unauthorized, const QString &why, const ApiError &error);
    void cancelAll(ApiErrorKind kind, const QString &message);

    void send(const QByteArray &method,
              const QUrl &url,
              const QJsonObject &body,
              std::function<void(const HttpResponse &)> callback);
    QUrl sessionChild(const QString &name) const;

    void pollAll();
    void pollIncoming();
    void takeChat(const QString &href);
    void readChat(const QString &chatId, const QUrl &url, bool fallbackTried);
    void applyChatResource(const QString &chatId, const QUrl &url, const Chat::ChatResource &resource);
    void pollEvents(const QString &chatId);
    /** `recovered`: the events come from reading the whole chat (taken, or read again), not a poll. */
    void processEvents(const QString &chatId, const Chat::ChatEvents &page, bool recovered);
    void pauseChatPoll(const QString &chatId, const ApiError &error);
    void probeSessionAfterChat404(const QString &chatId, const ApiError &error);
    enum class Gone
    {
        Closed,
        Transferred,
        Removed,
    };
    /** Forgets a chat, fails its parked commands and emits the matching signal (queued). */
    void chatGone(const QString &chatId, Gone how, const QString &detail);
    void forgetChat(const QString &chatId);
    void countMalformed(const QString &what, const QString &reason);

    RequestId startExchange(const QString &what,
                            const QString &chatId,
                            const QString &rel,
                            const QByteArray &method,
                            const QJsonObject &body,
                            CommandCompletion done,
                            std::function<void(const HttpResponse &)> onSuccess = {});
    void runExchange(const ExchangePtr &exchange);
    void parkOrFinish(const ExchangePtr &exchange, const ApiError &error);
    void finishExchange(const ExchangePtr &exchange, const CommandResult &result);
    RequestId postLine(const QString &what,
                       const QString &conversationId,
                       const QJsonObject &body,
                       const PublishOptions &options,
                       CommandCompletion done);
    RequestId endChat(const QString &conversationId, CommandCompletion done);
    RequestId transfer(const QString &what,
                       const QString &conversationId,
                       const QString &skillId,
                       const QJsonObject &body,
                       CommandCompletion done);

    ChatChannelConfig m_config;
    QTimer *m_pollTimer;
    QPointer<QObject> m_incomingPause;

    int m_incomingFailures = 0;
    bool m_online = false;
    bool m_incomingInFlight = false;
    bool m_recovering = false;
    QUrl m_agentVep;
    QUrl m_sessionUrl;

    QHash<QString, TrackedChat> m_chats;
    /** High-water marks of chats no longer tracked (never deliver a line twice). */
    QHash<QString, qint64> m_floors;
    QHash<RequestId, ExchangePtr> m_exchanges;
    ChatChannelStats m_stats;
};

} // namespace Switchboard::LivePerson
