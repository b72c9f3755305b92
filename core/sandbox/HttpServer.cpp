// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "HttpServer.h"

#include "SandboxLogging.h"
#include "bots/BotHttpServer.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaEnum>
#include <QPointer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTimer>

namespace Switchboard::Sandbox
{

namespace
{
QString responseStatusName(int status)
{
    switch (status) {
    case 400:
        return QStringLiteral("BAD_REQUEST");
    case 401:
        return QStringLiteral("UNAUTHORIZED");
    case 403:
        return QStringLiteral("FORBIDDEN");
    case 404:
        return QStringLiteral("NOT_FOUND");
    case 429:
        return QStringLiteral("TOO_MANY_REQUESTS");
    case 451:
        return QStringLiteral("UNAVAILABLE_FOR_LEGAL_REASONS");
    case 503:
        return QStringLiteral("SERVICE_UNAVAILABLE");
    default:
        return status >= 500 ? QStringLiteral("INTERNAL_SERVER_ERROR") : QStringLiteral("ERROR");
    }
}
} // namespace

QByteArray HttpRequest::header(const QByteArray &name) const
{
    for (const auto &pair : headers) {
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0) {
            return pair.second;
        }
    }
    return {};
}

QByteArray HttpRequest::cookie(const QByteArray &name) const
{
    for (const auto &pair : headers) {
        if (pair.first.compare("cookie", Qt::CaseInsensitive) != 0) {
            continue;
        }
        for (const QByteArray &part : pair.second.split(';')) {
            const QByteArray trimmed = part.trimmed();
            const qsizetype eq = trimmed.indexOf('=');
            if (eq > 0 && trimmed.left(eq) == name) {
                return trimmed.mid(eq + 1);
            }
        }
    }
    return {};
}

QString HttpRequest::bearerToken() const
{
    const QByteArray value = header("authorization").trimmed();
    if (value.size() > 7 && value.left(7).compare("bearer ", Qt::CaseInsensitive) == 0) {
        return QString::fromLatin1(value.mid(7).trimmed());
    }
    return {};
}

HttpResponse HttpResponse::json(const QJsonValue &value, int status)
{
    HttpResponse response;
    response.status = status;
    if (value.isArray()) {
        response.body = QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    } else {
        response.body = QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    }
    return response;
}

HttpResponse HttpResponse::empty(int status)
{
    HttpResponse response;
    response.status = status;
    response.contentType.clear();
    return response;
}

HttpResponse HttpResponse::lpError(int status, const QString &message, int internalCode)
{
    const QJsonObject error{
        {QStringLiteral("time"), QDateTime::currentMSecsSinceEpoch()},
        {QStringLiteral("message"), message},
        {QStringLiteral("internalCode"), internalCode},
        {QStringLiteral("responseStatus"), responseStatusName(status)},
    };
    return json(QJsonObject{{QStringLiteral("error"), error}}, status);
}

HttpResponse HttpResponse::controlError(int status, const QString &message)
{
    return json(QJsonObject{{QStringLiteral("error"),
                             QJsonObject{{QStringLiteral("status"), status}, {QStringLiteral("message"), message}}}},
                status);
}

HttpServer::HttpServer(QObject *parent)
    : QAbstractHttpServer(parent)
{
}

HttpServer::~HttpServer() = default;

void HttpServer::addRoute(const QByteArray &method,
                          const QString &pattern,
                          const QString &faultRoute,
                          HttpHandler handler)
{
    Route route;
    route.method = method;
    route.pattern = QRegularExpression(QRegularExpression::anchoredPattern(pattern));
    route.faultRoute = faultRoute;
    route.handler = std::move(handler);
    m_routes.append(std::move(route));
}

void HttpServer::setFaultHook(std::function<std::optional<HttpFaultAction>(const QString &)> hook)
{
    m_faultHook = std::move(hook);
}

void HttpServer::setUpgradeGate(std::function<int(const HttpRequest &)> gate)
{
    m_upgradeGate = std::move(gate);
}

quint16 HttpServer::listenTls(const QSslConfiguration &configuration, quint16 port)
{
    sslSetup(configuration);
    return listen(QHostAddress::LocalHost, port);
}

quint16 HttpServer::listenPlain(quint16 port)
{
    auto *server = new QTcpServer(this);
    if (!server->listen(QHostAddress::LocalHost, port)) {
        qCWarning(lcSandbox) << "plain listen failed:" << server->errorString();
        delete server;
        return 0;
    }
    bind(server);
    return server->serverPort();
}

HttpResponse HttpServer::dispatch(HttpRequest &request, const Route **matched)
{
    bool pathMatched = false;
    for (const Route &route : std::as_const(m_routes)) {
        const QRegularExpressionMatch match = route.pattern.match(request.path);
        if (!match.hasMatch()) {
            continue;
        }
        pathMatched = true;
        if (route.method != request.method.toLatin1()) {
            continue;
        }
        request.args = match.capturedTexts().mid(1);
        *matched = &route;
        return route.handler(request);
    }
    if (pathMatched) {
        return HttpResponse::lpError(405,
                                     QCoreApplication::translate("Sandbox", "Method %1 is not allowed on %2.")
                                         .arg(request.method, request.path));
    }
    return HttpResponse::lpError(
        404, QCoreApplication::translate("Sandbox", "No sandbox resource at %1.").arg(request.path));
}

bool HttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    ++m_requests;
    HttpRequest r;
    const QMetaEnum methods = QMetaEnum::fromType<QHttpServerRequest::Method>();
    r.method = QString::fromLatin1(methods.valueToKey(static_cast<int>(request.method()))).toUpper();
    r.path = request.url().path();
    r.query = request.query();
    r.headers = request.headers();
    r.body = request.body();
    r.localPort = socket->localPort();
    r.secure = qobject_cast<QSslSocket *>(socket) != nullptr;
    r.webSocketUpgrade = r.header("upgrade").compare("websocket", Qt::CaseInsensitive) == 0;

    if (r.webSocketUpgrade) {
        const int refusal = m_upgradeGate ? m_upgradeGate(r) : 404;
        if (refusal == 0) {
            // UMS traffic is many small frames: do not let Nagle hold responses back.
            socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            return true;
        }
        HttpResponse response = HttpResponse::lpError(
            refusal,
            refusal == 401 ? QCoreApplication::translate("Sandbox", "Invalid or expired bearer token.")
                           : QCoreApplication::translate("Sandbox", "No WebSocket endpoint at %1.").arg(r.path));
        response.headers.append(qMakePair(QByteArray("Connection"), QByteArray("close")));
        writeResponse(socket, response);
        m_answeredUpgrades.insert(socket, true);
        return false;
    }

    // Fault injection happens before the handler: an injected status replaces the answer.
    std::optional<HttpFaultAction> fault;
    const Route *matched = nullptr;
    for (const Route &route : std::as_const(m_routes)) {
        if (!route.faultRoute.isEmpty() && route.method == r.method.toLatin1() &&
            route.pattern.match(r.path).hasMatch()) {
            if (m_faultHook) {
                fault = m_faultHook(route.faultRoute);
            }
            break;
        }
    }
    HttpResponse response;
    if (fault && fault->status != 0) {
        response = HttpResponse::lpError(
            fault->status, QCoreApplication::translate("Sandbox", "Injected fault: HTTP %1.").arg(fault->status));
        if (fault->status == 429) {
            response.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("5")));
        }
    } else {
        response = dispatch(r, &matched);
    }
    qCDebug(lcSandbox) << r.method << r.path << "->" << response.status;
    if (fault && fault->delayMs > 0) {
        QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(fault->delayMs, this, [guard, response] {
            if (guard && guard->state() == QAbstractSocket::ConnectedState) {
                writeResponse(guard, response);
            }
        });
    } else {
        writeResponse(socket, response);
    }
    return true;
}

void HttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    Q_UNUSED(request)
    if (m_answeredUpgrades.remove(socket)) {
        return;
    }
    writeResponse(socket, HttpResponse::lpError(404, QCoreApplication::translate("Sandbox", "Not found.")));
}

void HttpServer::writeResponse(QTcpSocket *socket, const HttpResponse &response)
{
    if (!socket->isOpen()) {
        return;
    }
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + httpReasonPhrase(response.status) + "\r\n";
    if (!response.contentType.isEmpty()) {
        head += "Content-Type: " + response.contentType + "\r\n";
    }
    head += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    for (const auto &pair : response.headers) {
        head += pair.first + ": " + pair.second + "\r\n";
    }
    head += "\r\n";
    socket->write(head + response.body);
}

} // namespace Switchboard::Sandbox
