// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sandbox/bots/DemoBotBehaviour.h"
#include "util/Result.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QString>
#include <QUrl>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QNetworkAccessManager;

namespace Switchboard::Sandbox
{

class BotHttpResponder;
class BotHttpServer;
struct BotHttpRequest;

/**
 * A demo bot for Switchboard's own webhook protocol (docs/bot-webhook.md, v1 draft), written without any
 * connector code. It accepts `POST <path>` (default "/webhook") with a JSON event, verifies
 * `X-Switchboard-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>` in constant time and
 * rejects timestamps more than 5 minutes old (or ahead), then either answers at once
 * (`200 {"version":1,"deliveryId","replies":[…]}`, mode Sync) or accepts (`202`) and later POSTs
 * `{"version":1,"deliveryId","conversationId","replies":[…]}` to the event's `callbackUrl` with
 * `Authorization: Bearer <callback token>` (mode Async). Replies use the Custom Endpoint item vocabulary
 * (DemoBotAnswers). A `ping` is answered `200 {"version":1,"state":"online"}` ("offline" in the Offline
 * behaviour) and never faulted; lifecycle events other than conversation_started and survey_started get
 * `"replies": []`.
 *
 * Control API (no auth; loopback sandbox only): `GET|POST /control/behaviour`,
 * `GET /control/stats[?conversationId=…]`,
 * `POST /control/mode {"mode":"sync|async","asyncDelayMs":…}`, `POST /control/reset-stats`.
 *
 * Lives in the thread that created it; not thread-safe (use QMetaObject::invokeMethod from elsewhere).
 */
class WebhookDemoBot final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebhookDemoBot)

public:
    enum class ReplyMode
    {
        Sync,
        Async
    };

    struct Config
    {
        /** The HMAC key the connector signs with; a random demo value when empty. */
        QByteArray signingSecret;
        /** The bearer token the bot sends on callbacks; a random demo value when empty. */
        QByteArray callbackToken;
        ReplyMode mode = ReplyMode::Sync;
        /** Async mode: how long after the 202 the callback goes out. */
        int asyncDelayMs = 200;
        QString humanSkillName = QStringLiteral("human");
        QString path = QStringLiteral("/webhook");
        QString cardImageUrl = QStringLiteral("https://example.com/switchboard/demo-card.png");
        /** Allowed clock difference for X-Switchboard-Timestamp, in seconds. */
        int maxClockSkewSeconds = 300;
        /** CAs trusted for https callbacks (the sandbox CA). */
        QList<QSslCertificate> trustedCas;
        std::optional<QSslConfiguration> serverTls;
        /** Seconds since the epoch; the system clock when empty. */
        std::function<qint64()> clock;
    };

    explicit WebhookDemoBot(Config config, QObject *parent = nullptr);
    ~WebhookDemoBot() override;

    Result<quint16> listen(const QHostAddress &address = QHostAddress(QHostAddress::LocalHost), quint16 port = 0);
    /** The URL the connector posts events to, e.g. http://127.0.0.1:P/webhook. */
    QUrl url() const;
    QUrl controlUrl() const;
    QByteArray signingSecret() const;
    QByteArray callbackToken() const;

    void setReplyMode(ReplyMode mode, int asyncDelayMs = -1);
    ReplyMode replyMode() const;
    void setBehaviour(const DemoBotBehaviour &behaviour);
    DemoBotBehaviour behaviour() const;

    QJsonObject stats() const;
    /** {"conversationId","lastDeliveryId","lastSequence"}; empty for an unknown conversation. */
    QJsonObject conversationStats(const QString &conversationId) const;
    void resetStats();

    /** The entry for the sandbox's JSON line: {"url","signingSecret","callbackToken","mode","controlUrl"}
     *  (sandbox demo values, not real secrets). */
    QJsonObject describe() const;

    /** The signature header value for \a timestamp and \a body with \a secret: "sha256=<hex>". */
    static QByteArray signature(const QByteArray &secret, const QByteArray &timestamp, const QByteArray &body);

Q_SIGNALS:
    void deliveryReceived(const QString &deliveryId, const QString &conversationId, const QString &type);
    void duplicateDeliveryDetected(const QString &deliveryId);
    void signatureRejected(const QString &reason);
    /** An async callback finished; \a httpStatus is 0 for a transport error. */
    void callbackFinished(const QString &deliveryId, int httpStatus);

private:
    struct Counters
    {
        quint64 requests = 0;
        quint64 accepted = 0;
        quint64 pings = 0;
        quint64 rejectedSignatures = 0;
        QHash<QString, quint64> rejectedByReason;
        quint64 badRequests = 0;
        quint64 syncReplies = 0;
        quint64 asyncAccepted = 0;
        quint64 callbacksSent = 0;
        quint64 callbacksSucceeded = 0;
        quint64 callbacksFailed = 0;
        quint64 duplicateDeliveries = 0;
        quint64 duplicateSequences = 0;
        quint64 faultsInjected = 0;
        quint64 control = 0;
        QHash<QString, quint64> eventsByType;
    };

    void handleRequest(const BotHttpRequest &request, BotHttpResponder &&responder);
    void handleControl(const BotHttpRequest &request, BotHttpResponder &responder);
    void handleEvent(const BotHttpRequest &request, BotHttpResponder &responder);
    void reject(BotHttpResponder &responder, int status, const QString &code, const QString &message);
    void sendCallback(const QUrl &callbackUrl, const QString &deliveryId, const QByteArray &body, bool badToken);
    qint64 now() const;

    Config m_config;
    std::unique_ptr<BotHttpServer> m_server;
    QNetworkAccessManager *m_network = nullptr;
    DemoBotBehaviour m_behaviour;
    double m_faultAccumulator = 0;
    QHash<QString, bool> m_deliveries;
    QHash<QString, qint64> m_lastSequence;
    QHash<QString, QString> m_lastDelivery;
    QHash<QString, QHash<qint64, bool>> m_sequences;
    Counters m_counters;
    std::vector<std::shared_ptr<BotHttpResponder>> m_held;
};

} // namespace Switchboard::Sandbox
