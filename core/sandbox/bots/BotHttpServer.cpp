// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "BotHttpServer.h"

#include "sandbox/SandboxLogging.h"
#include "sandbox/bots/BotHttpConnection.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace Switchboard::Sandbox
{

QByteArray BotHttpRequest::header(QByteArrayView name) const
{
    QByteArray value;
    for (const auto &[key, headerValue] : headers) {
        if (key.size() == name.size() && qstrnicmp(key.constData(), key.size(), name.data(), name.size()) == 0) {
            if (!value.isEmpty()) {
                value += ", ";
            }
            value += headerValue;
        }
    }
    return value;
}

BotHttpResponder::BotHttpResponder(BotHttpConnection *connection)
    : m_connection(connection)
    , m_sent(false)
{
}

BotHttpResponder::BotHttpResponder(BotHttpResponder &&other) noexcept
    : m_connection(std::move(other.m_connection))
    , m_sent(other.m_sent)
{
    other.m_connection.clear();
    other.m_sent = true;
}

BotHttpResponder &BotHttpResponder::operator=(BotHttpResponder &&other) noexcept
{
    if (this != &other) {
        if (!m_sent && m_connection) {
            m_connection->abandonRequest();
        }
        m_connection = std::move(other.m_connection);
        m_sent = other.m_sent;
        other.m_connection.clear();
        other.m_sent = true;
    }
    return *this;
}

BotHttpResponder::~BotHttpResponder()
{
    if (!m_sent && m_connection) {
        // Never answered: the client would wait forever on this keep-alive connection.
        m_connection->abandonRequest();
    }
}

void BotHttpResponder::send(int status, const QByteArray &body, const QByteArray &contentType)
{
    if (m_sent) {
        return;
    }
    m_sent = true;
    if (!m_connection || !m_connection->isOpen()) {
        qCDebug(lcSandbox) << "demo bot: client left before the response" << status;
        return;
    }
    const bool close = m_connection->closeAfterResponse();
    const bool hasBody = status != 204 && status != 304;
    QByteArray out;
    out.reserve(192 + body.size());
    out += "HTTP/1.1 " + QByteArray::number(status) + ' ' + httpReasonPhrase(status) + "\r\n";
    if (hasBody && !contentType.isEmpty()) {
        out += "Content-Type: " + contentType + "\r\n";
    }
    // Like the reference service (custom-endpoint-v1.md §1).
    out += "Access-Control-Allow-Origin: *\r\n";
    if (hasBody) {
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    }
    if (close) {
        out += "Connection: close\r\n";
    }
    out += "\r\n";
    if (hasBody) {
        out += body;
    }
    m_connection->writeResponse(out, close);
}

void BotHttpResponder::sendJson(int status, const QJsonDocument &document)
{
    send(status, document.toJson(QJsonDocument::Compact));
}

void BotHttpResponder::sendEmpty(int status)
{
    send(status, QByteArray(), QByteArray());
}

bool BotHttpResponder::isPending() const
{
    return !m_sent && m_connection && m_connection->isOpen();
}

BotHttpServer::BotHttpServer(Handler handler, QObject *owner)
    : m_handler(std::move(handler))
    , m_owner(owner)
{
}

BotHttpServer::~BotHttpServer()
{
    delete m_server.data();
}

void BotHttpServer::setTls(const QSslConfiguration &configuration)
{
    m_tls = configuration;
}

bool BotHttpServer::isTls() const
{
    return m_tls.has_value();
}

Result<quint16> BotHttpServer::listen(const QHostAddress &address, quint16 port)
{
    delete m_server.data();
    QTcpServer *server = nullptr;
    if (m_tls) {
        auto *sslServer = new QSslServer(m_owner);
        sslServer->setSslConfiguration(*m_tls);
        QObject::connect(
            sslServer, &QSslServer::errorOccurred, m_owner, [](QSslSocket *, QAbstractSocket::SocketError error) {
                qCDebug(lcSandbox) << "demo bot: TLS connection failed" << error;
            });
        server = sslServer;
    } else {
        server = new QTcpServer(m_owner);
    }
    if (!server->listen(address, port)) {
        const QString reason = server->errorString();
        delete server;
        return Result<quint16>::failure(
            u"sandbox.bot_listen_failed"_s,
            QCoreApplication::translate("Switchboard::Sandbox", "The demo bot cannot listen on %1:%2: %3")
                .arg(address.toString())
                .arg(port)
                .arg(reason));
    }
    m_server = server;
    QObject::connect(server, &QTcpServer::pendingConnectionAvailable, server, [this] { handleNewConnections(); });
    QUrl url;
    url.setScheme(m_tls ? u"https"_s : u"http"_s);
    url.setHost(address.toString());
    url.setPort(server->serverPort());
    m_rootUrl = url;
    return server->serverPort();
}

void BotHttpServer::handleNewConnections()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        new BotHttpConnection(socket, m_handler, m_server.data());
    }
}

QUrl BotHttpServer::rootUrl() const
{
    return m_rootUrl;
}

QByteArray httpReasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 413:
        return "Payload Too Large";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 451:
        return "Unavailable For Legal Reasons";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return status < 400 ? "OK" : "Error";
    }
}

} // namespace Switchboard::Sandbox
