// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "BotClient.h"
#include "HttpClient.h"
#include "RetryPolicy.h"
#include "SentinelTokenProvider.h"
#include "util/Clock.h"
#include "util/Result.h"

#include <QPointer>
#include <QSet>
#include <QTimer>
#include <memory>

namespace Switchboard::Bot
{

class RetryingRequest;

/** One Custom Endpoint integration's bot settings, as in Third-Party Bots' wizard. */
struct CustomEndpointConfig
{
    /** e.g. `https://bots.example.com/api`, without the `/v1/…` part. */
    QString baseUrl;
    /** Letters, digits and '-', at most 36 characters. */
    QString botId;
    QString environment = QStringLiteral("draft");
    /** Where the App JWT comes from (the caller resolved the Sentinel host via CSDS). */
    SentinelConfig sentinel;
    /**
     * A fixed bearer token used instead of Sentinel when set (benchmarks; bots that accept a
     * pre-issued token). Empty in production.
     */
    QByteArray staticBearerToken;
    /** Send the SDES with the conversation (TPB's "Engagement Attributes" option). */
    bool sendSdes = false;
    RetryPolicy retry;
    /** Interval of the periodic state probe started by startStateProbes(). */
    int stateProbeIntervalMs = 60000;
    /**
     * Deliveries (of different conversations) worked on at once: token, PUT and POST with their
     * retries. The others wait, in arrival order, as one compact serialized record each (the event
     * and its prepared body) in a backlog of page-sized blocks that is given back to the system
     * as it drains; per-conversation order is kept. 0 = twice the HttpClient's maxActivePerHost
     * (or unlimited when that is unlimited). A backlog of thousands of deliveries behind a slow
     * bot then leaves no holes between the long-lived conversation data (docs/PERFORMANCE.md,
     * "Memory").
     */
    int maxActiveDeliveries = 0;
};

/**
 * The Custom Endpoint v1 client: Switchboard in the role of LivePerson's Third-Party Bots, so a
 * bot written for TPB works unchanged (reference custom-endpoint-v1.md).
 *
 * - Every request carries `Authorization: Bearer <App JWT>` from SentinelTokenProvider; on a
 *   401 a new token is fetched once and the request retried once.
 * - The first event of a conversation is preceded by `PUT …/conversations/{id}` with the
 *   context (and SDES when configured); any 2xx or 409 is success. A 404 on an event
 *   re-creates the conversation once and sends the event again.
 * - Events are `POST …/conversations/{id}/events`; the answer is parsed strictly by
 *   ReplyParser (structured content validated before it is accepted).
 * - Deliveries of one conversation go one after another, in order; conversations run in parallel.
 * - Timeouts and retries follow the integration's RetryPolicy; every HTTP attempt is reported
 *   with attemptFinished().
 * - probeState() calls `GET …/state`: anything but "online" is reported as down with the state's
 *   name (bot.state_not_online). listEnvironments() calls `GET …/environments`.
 *
 * Thread: the session's thread (the HttpClient's). Ownership: the HttpClient is not owned and
 * must outlive this object (or pass nullptr to get a private one).
 */
class CustomEndpointClient final : public BotClient
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CustomEndpointClient)

public:
    CustomEndpointClient(const CustomEndpointConfig &config,
                         HttpClient *http = nullptr,
                         const Clock &clock = Clock::system(),
                         QObject *parent = nullptr);
    ~CustomEndpointClient() override;

    /** Checks the settings a dialog collects (URL, bot id, environment, credentials). */
    static VoidResult validateConfig(const CustomEndpointConfig &config);

    BotProtocol protocol() const override;
    void probeState() override;
    void listEnvironments() override;
    void forgetConversation(const QString &conversationId) override;
    void cancelAll() override;
    int pendingCount() const override;
    /** Deliveries being worked on (token, PUT, POST, retry pauses); at most activeDeliveryLimit(). */
    int activeDeliveryCount() const;
    /** Deliveries waiting for their turn: later ones of a busy conversation and ready ones beyond the limit. */
    int waitingDeliveryCount() const;
    /** The limit in effect (see CustomEndpointConfig::maxActiveDeliveries); 0 = unlimited. */
    int activeDeliveryLimit() const;

    /** Probes now and then every stateProbeIntervalMs, until stopStateProbes(). */
    void startStateProbes();
    void stopStateProbes();
    /** The last probe's answer (state empty before the first one). */
    BotState lastState() const;

    const CustomEndpointConfig &config() const;
    SentinelTokenProvider *tokenProvider() const;
    /** Whether the bot has been told about a conversation (PUT done). */
    bool knowsConversation(const QString &conversationId) const;

    QByteArray stateUrl() const;
    QByteArray environmentsUrl() const;
    QByteArray conversationUrl(const QString &conversationId) const;
    QByteArray eventsUrl(const QString &conversationId) const;

    /** The `POST …/events` body for an event (type, source, data, context.lpEvent). */
    static QJsonObject eventBody(const BotEvent &event);
    /**
     * eventBody() as compact JSON text, byte for byte QJsonDocument(eventBody(event)).toJson(Compact),
     * written directly for consumer messages (the event's lpEventJson embedded as it is).
     */
    static QByteArray eventBodyJson(const BotEvent &event);
    /** The `PUT …/conversations/{id}` body: context, and SDES when `withSdes`. */
    static QJsonObject conversationBody(const BotEvent &event, bool withSdes);

protected:
    void sendEvent(const BotEvent &event) override;

private:
    struct Job;
    class Backlog;
    bool hasFreeSlot() const;
    /** A waiting delivery as one compact record (see Backlog). */
    static QByteArray deliveryRecord(const Job &job, qint64 enqueuedAtMs);
    /** Starts backlog entries (waiting deliveries, conversations ready to go on) while slots are free. */
    void pumpBacklog();
    void startNext(const QString &conversationId);
    void withToken(const std::shared_ptr<Job> &job, std::function<void(const QByteArray &)> then);
    void createConversation(const std::shared_ptr<Job> &job);
    void postEvent(const std::shared_ptr<Job> &job);
    void fail(const std::shared_ptr<Job> &job, BotError error);
    void succeed(const std::shared_ptr<Job> &job, BotResponse response);
    void finishJob(const std::shared_ptr<Job> &job);
    bool isCurrent(const std::shared_ptr<Job> &job) const;
    HttpRequest
    makeRequest(const QByteArray &method, const QByteArray &url, const QByteArray &body, const QByteArray &token) const;
    /** @p request with the job's not yet charged backlog wait taken off its timeout (see Job). */
    static HttpRequest chargeBacklogWait(Job *job, HttpRequest request);
    void getJson(HopOperation operation,
                 const QByteArray &url,
                 std::function<void(const HttpResponse &, const HopRecord &)> done,
                 bool tokenRetried = false);

    CustomEndpointConfig m_config;
    QPointer<HttpClient> m_http;
    std::unique_ptr<HttpClient> m_ownHttp;
    const Clock &m_clock;
    SentinelTokenProvider *m_tokens = nullptr;
    VoidResult m_configCheck;
    QHash<QString, QList<std::shared_ptr<Job>>> m_queues;
    /**
     * Deliveries waiting for a slot (as records), and conversations whose next delivery (in
     * m_queues) waits for one, in order.
     */
    std::unique_ptr<Backlog> m_backlog;
    /** Deliveries of each conversation in the backlog; their later deliveries queue behind them. */
    QHash<QString, int> m_backlogged;
    /** Delivery records in m_backlog (it also holds conversation markers). */
    int m_backlogDeliveries = 0;
    /** Head deliveries started and not finished. */
    int m_active = 0;
    int m_activeLimit = 0;
    QSet<QString> m_knownConversations;
    QHash<quint64, std::shared_ptr<RetryingRequest>> m_probes;
    quint64 m_nextProbeId = 0;
    QTimer m_probeTimer;
    BotState m_lastState;
    QByteArray m_conversationsPrefix;
    /** The last token's "Bearer …" header value, shared by the requests that use it. */
    mutable QByteArray m_bearerToken;
    mutable QByteArray m_bearerHeader;
    quint64 m_generation = 0;
};

} // namespace Switchboard::Bot
