// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "BotTypes.h"
#include "util/Clock.h"
#include "util/Result.h"

#include <QHash>
#include <QHostAddress>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <functional>
#include <memory>
#include <optional>

namespace Switchboard::Bot
{

class CallbackHttpAdapter;

struct CallbackServerOptions
{
    QHostAddress address = QHostAddress(QHostAddress::LocalHost);
    /** 0 picks a free port. */
    quint16 port = 0;
    qint64 maxBodyBytes = 256 * 1024;
    /** Token bucket per integration and consumer: sustained callbacks per second and burst size. */
    double ratePerSecond = 20;
    int burst = 40;
    /**
     * The base URL bots are told to call (`https://connector.example.com` behind a reverse proxy);
     * `http://<address>:<port>` when empty.
     */
    QString publicBaseUrl;
    /**
     * Serve HTTPS directly with this configuration. (Bodies over TLS are size-checked only once
     * read; the default, plain HTTP on loopback behind a TLS reverse proxy, checks while reading.)
     */
    std::optional<QSslConfiguration> tls;
};

/** One accepted callback, as handed to the integration's WebhookClient. */
struct CallbackRequest
{
    QString integrationId;
    QString consumerId;
    QString conversationId;
    QString deliveryId;
    /** Typed, validated replies (viaCallback set). */
    BotResponse response;
    qint64 receivedAtMs = 0;
};

/** What the server answers to one HTTP request (also used by tests without a socket). */
struct CallbackReply
{
    int status = 200;
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers;
};

/**
 * The webhook protocol's callback server: bots POST their later answers to
 * `/connector/{consumerId}` with `Authorization: Bearer <the integration's callback token>`
 * (docs/bot-webhook.md §4). One server can serve several integrations; each registers its token
 * and a handler.
 *
 * Checks, in order: path (404), method (405), size (413, enforced while the body arrives:
 * 256 KiB by default), bearer token compared in constant time (401), known consumer (404), rate
 * (429 with Retry-After; a token bucket per integration and consumer), body (400 saying what and
 * where, replies validated like Custom Endpoint answers), known conversation and delivery (404).
 * Errors are JSON `{"error":{"code","message"}}`. Nothing rejected is stored or passed on.
 *
 * HTTP is served by QHttpServer 6.4 (a technology preview) behind a private adapter; it binds
 * 127.0.0.1 by default.
 *
 * Threads: the server lives on its own thread or the session's. The registry methods
 * (registerIntegration(), expectDelivery(), …) are thread-safe; handlers run on their receiver's
 * thread (queued when that is another thread).
 */
class CallbackServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CallbackServer)

public:
    using Handler = std::function<void(const CallbackRequest &)>;

    explicit CallbackServer(const CallbackServerOptions &options = {},
                            const Clock &clock = Clock::system(),
                            QObject *parent = nullptr);
    ~CallbackServer() override;

    /** Starts listening; the port, or callback.listen_failed. */
    Result<quint16> listen();
    void close();
    bool isListening() const;
    quint16 port() const;
    /** `http://127.0.0.1:<port>` (or the configured public base URL). */
    QString baseUrl() const;
    /** Where a bot posts answers for a consumer. */
    QString callbackUrl(const QString &consumerId) const;
    const CallbackServerOptions &options() const;

    /** Accepts callbacks carrying `token` for this integration; `handler` runs on `receiver`'s thread. */
    void registerIntegration(const QString &integrationId, const QByteArray &token, QObject *receiver, Handler handler);
    void unregisterIntegration(const QString &integrationId);
    /** A delivery went out: its consumer, conversation and id become acceptable in callbacks. */
    void expectDelivery(const QString &integrationId,
                        const QString &consumerId,
                        const QString &conversationId,
                        const QString &deliveryId);
    /** The conversation ended: callbacks for it are answered 404 from now on. */
    void forgetConversation(const QString &integrationId, const QString &conversationId);

    /** Handles one request (the HTTP adapter's entry point; tests call it directly). */
    CallbackReply handle(const QByteArray &method,
                         const QString &path,
                         const QList<std::pair<QByteArray, QByteArray>> &headers,
                         const QByteArray &body);

    /** Requests answered since start: accepted, and rejected per status. */
    quint64 acceptedCount() const;
    quint64 rejectedCount(int status) const;

    /** Deliveries remembered per conversation (older ones are forgotten first). */
    static constexpr int maxDeliveriesPerConversation = 512;

Q_SIGNALS:
    void callbackAccepted(const QString &integrationId, const QString &consumerId, const QString &deliveryId);
    /** A rejected request; `integrationId` is empty when the token matched none. */
    void
    callbackRejected(const QString &integrationId, const QString &consumerId, const Switchboard::Bot::BotError &error);

private:
    struct Registration;
    CallbackReply reject(const QString &integrationId,
                         const QString &consumerId,
                         int status,
                         const char *code,
                         const QString &message,
                         QList<std::pair<QByteArray, QByteArray>> extraHeaders = {});
    std::shared_ptr<Registration> findByToken(const QByteArray &token) const;

    CallbackServerOptions m_options;
    const Clock &m_clock;
    std::unique_ptr<CallbackHttpAdapter> m_http;
    quint16 m_port = 0;
    mutable QMutex m_mutex;
    QHash<QString, std::shared_ptr<Registration>> m_integrations;
    quint64 m_accepted = 0;
    QHash<int, quint64> m_rejected;
};

} // namespace Switchboard::Bot
