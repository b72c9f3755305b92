// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CallbackServer.h"

#include "BotClient.h"
#include "BotErrors.h"
#include "BotLogging.h"
#include "CallbackBodyParser.h"
#include "WebhookSignature.h"

#include <QAbstractHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaObject>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>
#include <cmath>

namespace Switchboard::Bot
{

namespace
{

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray errorBody(const QString &code, const QString &message)
{
    return compact(QJsonObject{
        {QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}}}});
}

QByteArray headerValue(const QList<std::pair<QByteArray, QByteArray>> &headers, const char *name)
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            return value;
        }
    }
    return {};
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 413:
        return QByteArrayLiteral("Payload Too Large");
    default:
        return QByteArrayLiteral("Error");
    }
}

/**
 * Watches each connection's bytes before QHttpServer buffers them, so an oversize body is
 * refused with 413 as soon as its Content-Length (or its size so far) says so, instead of after
 * QHttpServer 6.4 has read all of it into memory.
 */
class LimitedTcpServer : public QTcpServer
{
public:
    LimitedTcpServer(qint64 maxBody, QObject *httpServer, std::function<void()> onTooLarge, QObject *parent)
        : QTcpServer(parent)
        , m_maxBody(maxBody)
        , m_httpServer(httpServer)
        , m_onTooLarge(std::move(onTooLarge))
    {
    }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        watch(socket);
        addPendingConnection(socket);
    }

    void watch(QTcpSocket *socket)
    {
        // Connected before QHttpServer connects its own handler, so this one runs first.
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
            if (socket->property("sb_rejected").toBool()) {
                socket->readAll();
                return;
            }
            // Bytes of the current request so far: QHttpServer reads each chunk inside a socket
            // transaction that it commits when the request is complete, so no open transaction
            // means a new request starts, and what is available now arrived since the last call.
            qint64 received = socket->isTransactionStarted() ? socket->property("sb_received").toLongLong() : 0;
            received += socket->bytesAvailable();
            socket->setProperty("sb_received", received);
            const QByteArray head = socket->isTransactionStarted() ? QByteArray() : socket->peek(16 * 1024);
            const qsizetype headerEnd = head.indexOf("\r\n\r\n");
            qint64 declared = -1;
            if (headerEnd >= 0) {
                const QList<QByteArray> lines = head.left(headerEnd).split('\n');
                for (const QByteArray &line : lines) {
                    if (line.size() > 15 && line.left(15).compare("content-length:", Qt::CaseInsensitive) == 0) {
                        bool ok = false;
                        declared = line.mid(15).trimmed().toLongLong(&ok);
                        if (!ok) {
                            declared = -1;
                        }
                    }
                }
            }
            // Headers count too: a generous allowance over the body limit for the request head.
            const bool tooLarge = declared > m_maxBody || received > m_maxBody + 32 * 1024;
            if (!tooLarge) {
                return;
            }
            socket->setProperty("sb_rejected", true);
            QObject::disconnect(socket, &QTcpSocket::readyRead, m_httpServer, nullptr);
            if (socket->isTransactionStarted()) {
                socket->commitTransaction();
            }
            socket->readAll();
            const QByteArray body = errorBody(QString::fromLatin1(ErrorCode::CallbackTooLarge),
                                              BotErrors::describe(QString::fromLatin1(ErrorCode::CallbackTooLarge)) +
                                                  QStringLiteral(" (limit %1 bytes)").arg(m_maxBody));
            socket->write("HTTP/1.1 413 " + reasonPhrase(413) +
                          "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " +
                          QByteArray::number(body.size()) + "\r\n\r\n" + body);
            // Closing now, with body bytes still arriving, would reset the connection and could
            // lose the 413 at the client; the rest is read and dropped until the client closes
            // ("Connection: close"), or for at most a few seconds.
            QTimer::singleShot(5000, socket, [socket] { socket->abort(); });
            if (m_onTooLarge) {
                m_onTooLarge();
            }
        });
    }

private:
    qint64 m_maxBody;
    QObject *m_httpServer;
    std::function<void()> m_onTooLarge;
};

} // namespace

/** The QHttpServer 6.4 adapter: everything the server answers comes from CallbackServer::handle(). */
class CallbackHttpAdapter final : public QAbstractHttpServer
{
public:
    explicit CallbackHttpAdapter(CallbackServer *owner)
        : m_owner(owner)
    {
    }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        QByteArray method;
        switch (request.method()) {
        case QHttpServerRequest::Method::Post:
            method = "POST";
            break;
        case QHttpServerRequest::Method::Get:
            method = "GET";
            break;
        case QHttpServerRequest::Method::Put:
            method = "PUT";
            break;
        case QHttpServerRequest::Method::Delete:
            method = "DELETE";
            break;
        default:
            method = "OTHER";
            break;
        }
        const CallbackReply reply =
            m_owner->handle(method, request.url().path(QUrl::FullyEncoded), request.headers(), request.body());
        QHttpServerResponder responder = makeResponder(request, socket);
        responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(reply.status));
        responder.writeHeader("Content-Type", "application/json");
        for (const auto &[name, value] : reply.headers) {
            responder.writeHeader(name, value);
        }
        responder.writeHeader("Content-Length", QByteArray::number(reply.body.size()));
        responder.writeBody(reply.body);
        return true;
    }

    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        QHttpServerResponder responder = makeResponder(request, socket);
        responder.write(errorBody(QStringLiteral("callback.not_found"), QStringLiteral("not found")),
                        "application/json",
                        QHttpServerResponder::StatusCode::NotFound);
    }

private:
    CallbackServer *m_owner;
};

/** One integration's token, handler and what its bot may call back about. */
struct CallbackServer::Registration
{
    QString integrationId;
    QByteArray token;
    QPointer<QObject> receiver;
    Handler handler;
    /** consumer → conversation → recent delivery ids (oldest first). */
    QHash<QString, QHash<QString, QStringList>> consumers;
    struct Bucket
    {
        double tokens = 0;
        qint64 updatedMs = 0;
        bool started = false;
    };
    QHash<QString, Bucket> buckets;
};

CallbackServer::CallbackServer(const CallbackServerOptions &options, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_clock(clock)
{
    registerBotMetaTypes();
}

CallbackServer::~CallbackServer() = default;

const CallbackServerOptions &CallbackServer::options() const
{
    return m_options;
}

Result<quint16> CallbackServer::listen()
{
    close();
    auto http = std::make_unique<CallbackHttpAdapter>(this);
    http->setParent(this);
    QTcpServer *tcp = nullptr;
    if (m_options.tls) {
        auto *ssl = new QSslServer(http.get());
        ssl->setSslConfiguration(*m_options.tls);
        tcp = ssl;
    } else {
        tcp = new LimitedTcpServer(
            m_options.maxBodyBytes,
            http.get(),
            [this] {
                {
                    QMutexLocker lock(&m_mutex);
                    ++m_rejected[413];
                }
                qCInfo(lcBot) << "callback rejected: 413 before the body was read";
                Q_EMIT callbackRejected(QString(), QString(), BotErrors::make(ErrorCode::CallbackTooLarge, {}, 413));
            },
            http.get());
    }
    if (!tcp->listen(m_options.address, m_options.port)) {
        const QString reason = tcp->errorString();
        return Result<quint16>::failure(QString::fromLatin1(ErrorCode::CallbackListenFailed),
                                        tr("The callback server cannot listen on %1:%2: %3")
                                            .arg(m_options.address.toString())
                                            .arg(m_options.port)
                                            .arg(reason));
    }
    http->bind(tcp);
    m_port = tcp->serverPort();
    m_http = std::move(http);
    qCInfo(lcBot) << "callback server listening on" << m_options.address.toString() << m_port;
    return m_port;
}

void CallbackServer::close()
{
    m_http.reset();
    m_port = 0;
}

bool CallbackServer::isListening() const
{
    return m_http != nullptr;
}

quint16 CallbackServer::port() const
{
    return m_port;
}

QString CallbackServer::baseUrl() const
{
    if (!m_options.publicBaseUrl.isEmpty()) {
        QString base = m_options.publicBaseUrl;
        while (base.endsWith(QLatin1Char('/'))) {
            base.chop(1);
        }
        return base;
    }
    QString host = m_options.address.toString();
    if (m_options.address == QHostAddress::Any || m_options.address == QHostAddress::AnyIPv4) {
        host = QStringLiteral("127.0.0.1");
    } else if (m_options.address.protocol() == QAbstractSocket::IPv6Protocol) {
        host = QLatin1Char('[') + host + QLatin1Char(']');
    }
    return (m_options.tls ? QStringLiteral("https://") : QStringLiteral("http://")) + host + QLatin1Char(':') +
           QString::number(m_port);
}

QString CallbackServer::callbackUrl(const QString &consumerId) const
{
    return baseUrl() + QStringLiteral("/connector/") + QString::fromLatin1(QUrl::toPercentEncoding(consumerId));
}

void CallbackServer::registerIntegration(const QString &integrationId,
                                         const QByteArray &token,
                                         QObject *receiver,
                                         Handler handler)
{
    auto registration = std::make_shared<Registration>();
    registration->integrationId = integrationId;
    registration->token = token;
    registration->receiver = receiver;
    registration->handler = std::move(handler);
    QMutexLocker lock(&m_mutex);
    m_integrations.insert(integrationId, registration);
}

void CallbackServer::unregisterIntegration(const QString &integrationId)
{
    QMutexLocker lock(&m_mutex);
    m_integrations.remove(integrationId);
}

void CallbackServer::expectDelivery(const QString &integrationId,
                                    const QString &consumerId,
                                    const QString &conversationId,
                                    const QString &deliveryId)
{
    QMutexLocker lock(&m_mutex);
    auto it = m_integrations.find(integrationId);
    if (it == m_integrations.end()) {
        return;
    }
    QStringList &deliveries = (*it)->consumers[consumerId][conversationId];
    if (!deliveries.contains(deliveryId)) {
        deliveries.append(deliveryId);
        while (deliveries.size() > maxDeliveriesPerConversation) {
            deliveries.removeFirst();
        }
    }
}

void CallbackServer::forgetConversation(const QString &integrationId, const QString &conversationId)
{
    QMutexLocker lock(&m_mutex);
    auto it = m_integrations.find(integrationId);
    if (it == m_integrations.end()) {
        return;
    }
    auto &consumers = (*it)->consumers;
    for (auto c = consumers.begin(); c != consumers.end();) {
        c->remove(conversationId);
        if (c->isEmpty()) {
            (*it)->buckets.remove(c.key());
            c = consumers.erase(c);
        } else {
            ++c;
        }
    }
}

std::shared_ptr<CallbackServer::Registration> CallbackServer::findByToken(const QByteArray &token) const
{
    // Every registration is compared, in constant time each, so timing says nothing about which.
    std::shared_ptr<Registration> found;
    for (const auto &registration : m_integrations) {
        if (WebhookSignature::constantTimeEquals(registration->token, token) && !registration->token.isEmpty()) {
            found = registration;
        }
    }
    return found;
}

quint64 CallbackServer::acceptedCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_accepted;
}

quint64 CallbackServer::rejectedCount(int status) const
{
    QMutexLocker lock(&m_mutex);
    return m_rejected.value(status);
}

CallbackReply CallbackServer::reject(const QString &integrationId,
                                     const QString &consumerId,
                                     int status,
                                     const char *code,
                                     const QString &message,
                                     QList<std::pair<QByteArray, QByteArray>> extraHeaders)
{
    {
        QMutexLocker lock(&m_mutex);
        ++m_rejected[status];
    }
    BotError error = BotErrors::make(code, message, status);
    qCInfo(lcBot) << "callback rejected:" << status << error.code << "integration" << integrationId << "consumer"
                  << consumerId;
    Q_EMIT callbackRejected(integrationId, consumerId, error);
    CallbackReply reply;
    reply.status = status;
    reply.body = errorBody(error.code, error.message);
    reply.headers = std::move(extraHeaders);
    return reply;
}

CallbackReply CallbackServer::handle(const QByteArray &method,
                                     const QString &path,
                                     const QList<std::pair<QByteArray, QByteArray>> &headers,
                                     const QByteArray &body)
{
    static const QString prefix = QStringLiteral("/connector/");
    if (!path.startsWith(prefix) || path.size() == prefix.size() ||
        path.indexOf(QLatin1Char('/'), prefix.size()) >= 0) {
        return reject({},
                      {},
                      404,
                      ErrorCode::CallbackNotFound,
                      tr("Unknown path \"%1\"; post to /connector/{consumerId}.").arg(path.left(200)));
    }
    const QString consumerId = QUrl::fromPercentEncoding(path.mid(prefix.size()).toUtf8());
    if (method != "POST") {
        return reject({},
                      consumerId,
                      405,
                      ErrorCode::CallbackMethodNotAllowed,
                      tr("Use POST for callbacks."),
                      {{"Allow", "POST"}});
    }
    if (body.size() > m_options.maxBodyBytes) {
        return reject({},
                      consumerId,
                      413,
                      ErrorCode::CallbackTooLarge,
                      tr("The body has %1 bytes; the limit is %2.").arg(body.size()).arg(m_options.maxBodyBytes));
    }

    const QByteArray authorization = headerValue(headers, "authorization").trimmed();
    if (authorization.isEmpty()) {
        return reject({},
                      consumerId,
                      401,
                      ErrorCode::CallbackUnauthorized,
                      tr("The Authorization header is missing; send 'Authorization: Bearer <callback token>'."),
                      {{"WWW-Authenticate", "Bearer"}});
    }
    if (authorization.size() < 8 || authorization.left(7).compare("bearer ", Qt::CaseInsensitive) != 0) {
        return reject({},
                      consumerId,
                      401,
                      ErrorCode::CallbackUnauthorized,
                      tr("The Authorization header is not a Bearer token."),
                      {{"WWW-Authenticate", "Bearer"}});
    }
    const QByteArray token = authorization.mid(7).trimmed();

    QMutexLocker lock(&m_mutex);
    const std::shared_ptr<Registration> registration = findByToken(token);
    if (!registration) {
        lock.unlock();
        return reject({},
                      consumerId,
                      401,
                      ErrorCode::CallbackUnauthorized,
                      tr("The bearer token is not valid for any integration."),
                      {{"WWW-Authenticate", "Bearer error=\"invalid_token\""}});
    }
    const QString integrationId = registration->integrationId;
    if (!registration->consumers.contains(consumerId)) {
        lock.unlock();
        return reject(integrationId,
                      consumerId,
                      404,
                      ErrorCode::CallbackUnknownConsumer,
                      tr("Consumer \"%1\" has no open conversation with this integration.").arg(consumerId.left(200)));
    }
    // Token bucket per integration and consumer.
    {
        Registration::Bucket &bucket = registration->buckets[consumerId];
        const qint64 now = m_clock.monotonicMs();
        if (!bucket.started) {
            bucket.tokens = m_options.burst;
            bucket.started = true;
        } else {
            bucket.tokens = std::min<double>(
                m_options.burst, bucket.tokens + double(now - bucket.updatedMs) / 1000.0 * m_options.ratePerSecond);
        }
        bucket.updatedMs = now;
        if (bucket.tokens < 1.0) {
            const double wait = m_options.ratePerSecond > 0 ? (1.0 - bucket.tokens) / m_options.ratePerSecond : 60.0;
            const QByteArray retryAfter = QByteArray::number(std::max(1, int(std::ceil(wait))));
            lock.unlock();
            return reject(integrationId,
                          consumerId,
                          429,
                          ErrorCode::CallbackRateLimited,
                          tr("Too many callbacks for consumer \"%1\"; retry after %2 s.")
                              .arg(consumerId.left(200), QString::fromLatin1(retryAfter)),
                          {{"Retry-After", retryAfter}});
        }
        bucket.tokens -= 1.0;
    }
    lock.unlock();

    const CallbackParseResult parsed = CallbackBodyParser::parse(body);
    if (!parsed.ok()) {
        return reject(integrationId,
                      consumerId,
                      400,
                      ErrorCode::CallbackMalformed,
                      parsed.error.code == QLatin1String(ErrorCode::CallbackMalformed)
                          ? parsed.error.message
                          : parsed.error.code + QStringLiteral(": ") + parsed.error.message);
    }

    lock.relock();
    const auto conversations = registration->consumers.value(consumerId);
    if (!conversations.contains(parsed.payload.conversationId)) {
        lock.unlock();
        return reject(integrationId,
                      consumerId,
                      404,
                      ErrorCode::CallbackUnknownConversation,
                      tr("Consumer \"%1\" has no conversation \"%2\" with this integration.")
                          .arg(consumerId.left(200), parsed.payload.conversationId.left(200)));
    }
    if (!conversations.value(parsed.payload.conversationId).contains(parsed.payload.deliveryId)) {
        lock.unlock();
        return reject(integrationId,
                      consumerId,
                      404,
                      ErrorCode::CallbackUnknownConversation,
                      tr("Delivery \"%1\" was not sent in conversation \"%2\".")
                          .arg(parsed.payload.deliveryId.left(200), parsed.payload.conversationId.left(200)));
    }
    ++m_accepted;
    const QPointer<QObject> receiver = registration->receiver;
    const Handler handler = registration->handler;
    lock.unlock();

    CallbackRequest request;
    request.integrationId = integrationId;
    request.consumerId = consumerId;
    request.conversationId = parsed.payload.conversationId;
    request.deliveryId = parsed.payload.deliveryId;
    request.response = parsed.payload.response;
    request.receivedAtMs = m_clock.nowMs();
    if (receiver && handler) {
        QMetaObject::invokeMethod(
            receiver.data(), [handler, request] { handler(request); }, Qt::AutoConnection);
    }
    Q_EMIT callbackAccepted(integrationId, consumerId, request.deliveryId);

    CallbackReply reply;
    reply.body = compact(QJsonObject{{QStringLiteral("version"), 1},
                                     {QStringLiteral("accepted"), true},
                                     {QStringLiteral("deliveryId"), request.deliveryId},
                                     {QStringLiteral("items"), int(request.response.items.size())}});
    return reply;
}

} // namespace Switchboard::Bot
