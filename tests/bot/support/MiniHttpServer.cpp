// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MiniHttpServer.h"

#include <QSslServer>
#include <QSslSocket>

namespace Switchboard::Test
{

QByteArray MiniRequest::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            return value;
        }
    }
    return {};
}

MiniResponder::MiniResponder(QTcpSocket *socket)
    : m_socket(socket)
{
}

void MiniResponder::send(int status,
                         const QByteArray &body,
                         const QByteArray &contentType,
                         const QList<std::pair<QByteArray, QByteArray>> &extraHeaders)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + " X\r\n";
    if (!body.isEmpty()) {
        out += "Content-Type: " + contentType + "\r\n";
    }
    for (const auto &[name, value] : extraHeaders) {
        out += name + ": " + value + "\r\n";
    }
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    sendRaw(out);
}

void MiniResponder::sendRaw(const QByteArray &bytes)
{
    if (m_socket && m_socket->state() == QAbstractSocket::ConnectedState) {
        m_socket->write(bytes);
    }
}

void MiniResponder::abort()
{
    if (m_socket) {
        m_socket->abort();
    }
}

bool MiniResponder::isConnected() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

MiniHttpServer::MiniHttpServer(Handler handler, QObject *parent)
    : QObject(parent)
    , m_handler(std::move(handler))
{
}

MiniHttpServer::~MiniHttpServer() = default;

void MiniHttpServer::setHandler(Handler handler)
{
    m_handler = std::move(handler);
}

void MiniHttpServer::setTls(const QSslConfiguration &configuration)
{
    m_tls = configuration;
}

quint16 MiniHttpServer::listen()
{
    if (m_tls) {
        auto *ssl = new QSslServer(this);
        ssl->setSslConfiguration(*m_tls);
        m_server = ssl;
    } else {
        m_server = new QTcpServer(this);
    }
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
        while (QTcpSocket *socket = m_server->nextPendingConnection()) {
            ++connections;
            socket->setProperty("mini_id", connections);
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { handleData(socket); });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            if (socket->bytesAvailable() > 0) {
                handleData(socket);
            }
        }
    });
    m_server->listen(QHostAddress::LocalHost, 0);
    return m_server->serverPort();
}

quint16 MiniHttpServer::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

QString MiniHttpServer::baseUrl() const
{
    return (m_tls ? QStringLiteral("https://127.0.0.1:") : QStringLiteral("http://127.0.0.1:")) +
           QString::number(port());
}

void MiniHttpServer::handleData(QTcpSocket *socket)
{
    QByteArray buffer = socket->property("mini_buffer").toByteArray() + socket->readAll();
    for (;;) {
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0) {
            break;
        }
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        MiniRequest request;
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        request.method = first.value(0);
        request.target = first.value(1);
        qsizetype length = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            const QByteArray name = line.left(colon).trimmed();
            const QByteArray value = line.mid(colon + 1).trimmed();
            request.headers.append({name, value});
            if (name.compare("content-length", Qt::CaseInsensitive) == 0) {
                length = value.toLongLong();
            }
        }
        if (buffer.size() < end + 4 + length) {
            break;
        }
        request.body = buffer.mid(end + 4, length);
        request.connectionId = socket->property("mini_id").toInt();
        buffer.remove(0, end + 4 + length);
        requests.append(request);
        if (m_handler) {
            m_handler(request, MiniResponder(socket));
        } else {
            MiniResponder(socket).send(404);
        }
    }
    socket->setProperty("mini_buffer", buffer);
}

} // namespace Switchboard::Test
