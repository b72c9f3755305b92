// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractHttpServer>
#include <QByteArray>
#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QRegularExpression>
#include <QSslConfiguration>
#include <QString>
#include <QUrlQuery>
#include <functional>
#include <optional>

namespace Switchboard::Sandbox
{

/** One HTTP request as the sandbox's handlers see it (a copy; independent of QHttpServer's types). */
struct HttpRequest
{
    QString method;
    QString path;
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    /** Captured groups of the route pattern, in order. */
    QStringList args;
    quint16 localPort = 0;
    bool secure = false;
    bool webSocketUpgrade = false;

    /** Header value by case-insensitive name (first occurrence). */
    QByteArray header(const QByteArray &name) const;
    /** Value of one cookie from the Cookie header. */
    QByteArray cookie(const QByteArray &name) const;
    /** The token of "Authorization: Bearer <token>", or empty. */
    QString bearerToken() const;
};

struct HttpResponse
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    static HttpResponse json(const QJsonValue &value, int status = 200);
    static HttpResponse empty(int status = 200);
    /** LivePerson's REST error body: {"error":{"time","message","internalCode","responseStatus"}}. */
    static HttpResponse lpError(int status, const QString &message, int internalCode = 0);
    /** The control API's error body: {"error":{"status","message"}}. */
    static HttpResponse controlError(int status, const QString &message);
};

/** What a fault hook may do to a request before its handler runs. */
struct HttpFaultAction
{
    /** 0 = let the handler answer (after delayMs); otherwise answer with this status. */
    int status = 0;
    int delayMs = 0;
};

using HttpHandler = std::function<HttpResponse(const HttpRequest &)>;

/**
 * The sandbox's only web server: an adapter over QAbstractHttpServer (a technology preview in
 * Qt 6.4, so nothing else in the sandbox touches its types). It serves HTTPS with the sandbox
 * certificate on one port and, optionally, plain HTTP on another; both ports carry the same
 * routes, and WebSocket upgrades on either are handed to whoever listens to
 * newWebSocketConnection() once the upgrade gate accepted them.
 *
 * Routes are (method, anchored regular expression over the path, fault route name, handler).
 * The fault route name ("csds", "login", "refresh", "sentinel", "skills", "chat", or empty for
 * none) lets the fault hook answer with an injected status or delay the answer.
 *
 * ## Plugging in a REST API (for example the Chat Agent API)
 *
 * An API class takes the HttpServer and the StateModel in its constructor and registers its
 * routes:
 * @code
 *   server->addRoute("POST", u"/api/account/([^/]+)/agentSession"_s, u"chat"_s,
 *                    [this](const HttpRequest &r) { return startSession(r); });
 * @endcode
 * Handlers run on the emulator's thread, answer synchronously with an HttpResponse, validate
 * the bearer through LoginService::sessionForBearer(), act only through StateModel's public
 * methods and learn about changes from its signals. Emulator owns the API object and creates
 * it after the LoginService (see Emulator::start()).
 *
 * Thread: the emulator's thread. Owned by Emulator.
 */
class HttpServer final : public QAbstractHttpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpServer)

public:
    explicit HttpServer(QObject *parent = nullptr);
    ~HttpServer() override;

    void addRoute(const QByteArray &method, const QString &pattern, const QString &faultRoute, HttpHandler handler);
    /** Called for every request with a non-empty fault route. */
    void setFaultHook(std::function<std::optional<HttpFaultAction>(const QString &route)> hook);
    /** Decides on WebSocket upgrades: return 0 to accept, or an HTTP status to refuse with. */
    void setUpgradeGate(std::function<int(const HttpRequest &)> gate);

    /** Starts HTTPS on 127.0.0.1:@p port (0 = any). Returns the port or 0. */
    quint16 listenTls(const QSslConfiguration &configuration, quint16 port);
    /** Starts plain HTTP on 127.0.0.1:@p port (0 = any). Returns the port or 0. */
    quint16 listenPlain(quint16 port);

    qint64 requestCount() const
    {
        return m_requests;
    }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    struct Route
    {
        QByteArray method;
        QRegularExpression pattern;
        QString faultRoute;
        HttpHandler handler;
    };
    HttpResponse dispatch(HttpRequest &request, const Route **matched);
    static void writeResponse(QTcpSocket *socket, const HttpResponse &response);

    QList<Route> m_routes;
    std::function<std::optional<HttpFaultAction>(const QString &)> m_faultHook;
    std::function<int(const HttpRequest &)> m_upgradeGate;
    QHash<QTcpSocket *, bool> m_answeredUpgrades;
    qint64 m_requests = 0;
};

} // namespace Switchboard::Sandbox
