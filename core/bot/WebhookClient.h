// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "BotClient.h"
#include "CallbackServer.h"
#include "HttpClient.h"
#include "RetryPolicy.h"
#include "util/Clock.h"
#include "util/Result.h"

#include <QPointer>
#include <QTimer>
#include <memory>

namespace Switchboard::Bot
{

class RetryingRequest;

/** One webhook integration's bot settings (docs/bot-webhook.md). Secrets come from the keychain. */
struct WebhookConfig
{
    /** Names the integration at the callback server. */
    QString integrationId;
    /** The bot's event URL (http:// or https://). */
    QString url;
    /** HMAC key for X-Switchboard-Signature. */
    QByteArray signingSecret;
    /** Optional full `Authorization` header value (`Bearer …`, `Basic …`) for bots that want one. */
    QByteArray authorization;
    /** The bearer token the bot must send on callbacks. */
    QByteArray callbackToken;
    /** Include the SDES in events. */
    bool sendSdes = false;
    RetryPolicy retry;
    /** How long to wait for a callback after a 202/204 before the delivery fails. */
    int callbackTimeoutMs = 60000;
    /** Interval of the periodic ping started by startStateProbes(). */
    int stateProbeIntervalMs = 60000;
};

/**
 * The webhook-with-callback client (docs/bot-webhook.md): each event is POSTed to the bot's URL,
 * signed with HMAC-SHA256 (`X-Switchboard-Signature`, `-Timestamp`, `-Delivery`, `-Event`). The bot
 * answers `200` with replies, or `202`/`204` and later POSTs to the CallbackServer; either way
 * replied() reports the typed replies (BotResponse::viaCallback for the latter).
 *
 * - Waiting for a callback ends with bot.callback_timeout after callbackTimeoutMs.
 * - A callback for a delivery already answered is reported with `duplicate`, one for a delivery
 *   already failed with `late`; the connector decides (it publishes neither).
 * - Lifecycle events (transferred, closed, survey closed) may be acknowledged with 202/204 and
 *   nothing more: replied() then carries no items.
 * - probeState() POSTs a signed `ping`; 2xx is online unless the body names another state.
 * - Timeouts, connection errors, 5xx and 429 are retried per RetryPolicy; each attempt is a hop.
 *
 * Thread: the session's thread. The CallbackServer may live on another thread; callbacks are
 * queued over. Ownership: neither the HttpClient nor the CallbackServer is owned.
 */
class WebhookClient final : public BotClient
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebhookClient)

public:
    WebhookClient(const WebhookConfig &config,
                  HttpClient *http,
                  CallbackServer *callbackServer,
                  const Clock &clock = Clock::system(),
                  QObject *parent = nullptr);
    ~WebhookClient() override;

    static VoidResult validateConfig(const WebhookConfig &config);

    BotProtocol protocol() const override;
    void probeState() override;
    /** Webhook bots have no environments: answers with an empty list. */
    void listEnvironments() override;
    void forgetConversation(const QString &conversationId) override;
    void cancelAll() override;
    int pendingCount() const override;

    void startStateProbes();
    void stopStateProbes();
    BotState lastState() const;
    const WebhookConfig &config() const;

    /** The event body for a delivery (docs/bot-webhook.md §2.2). */
    static QJsonObject eventBody(const BotEvent &event, const QString &callbackUrl, bool withSdes);
    /** The wire name of an event type ("message", "conversation_started", …). */
    static QString eventTypeWireName(EventType type);

    /** Handles a callback accepted by the CallbackServer (runs on this object's thread). */
    void handleCallback(const CallbackRequest &request);

protected:
    void sendEvent(const BotEvent &event) override;

private:
    enum class State
    {
        InFlight,
        AwaitingCallback,
        Answered,
        Acknowledged,
        Failed,
    };
    struct Delivery
    {
        BotEvent event;
        State state = State::InFlight;
        std::shared_ptr<RetryingRequest> request;
        std::unique_ptr<QTimer> callbackTimer;
        qint64 finishedAtMonoMs = 0;
    };
    HttpRequest signedRequest(const QByteArray &body, const QString &eventType, const QString &deliveryId) const;
    void handleAnswer(const QString &deliveryId, const HttpResponse &response, HopRecord hop);
    void complete(Delivery &delivery, BotResponse response);
    void failDelivery(Delivery &delivery, BotError error);
    void prune();
    QString consumerKey(const BotEvent &event) const;

    WebhookConfig m_config;
    QPointer<HttpClient> m_http;
    std::unique_ptr<HttpClient> m_ownHttp;
    QPointer<CallbackServer> m_server;
    const Clock &m_clock;
    VoidResult m_configCheck;
    QHash<QString, std::shared_ptr<Delivery>> m_deliveries;
    QHash<quint64, std::shared_ptr<RetryingRequest>> m_probes;
    quint64 m_nextProbeId = 0;
    QTimer m_probeTimer;
    BotState m_lastState;
};

} // namespace Switchboard::Bot
