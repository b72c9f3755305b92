// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RawWebSocketServer.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace Switchboard::Test
{

RawWebSocketServer::RawWebSocketServer(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &RawWebSocketServer::handleConnection);
}

RawWebSocketServer::~RawWebSocketServer() = default;

bool RawWebSocketServer::listen()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

quint16 RawWebSocketServer::port() const
{
    return m_server->serverPort();
}

void RawWebSocketServer::setHandshakeStatus(int status)
{
    m_handshakeStatus = status;
}

bool RawWebSocketServer::isConnected() const
{
    return m_client && m_upgraded && m_client->state() == QAbstractSocket::ConnectedState;
}

QList<QByteArray> RawWebSocketServer::receivedTexts() const
{
    return m_texts;
}

int RawWebSocketServer::pingCount() const
{
    return m_pings;
}

void RawWebSocketServer::handleConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        if (m_client) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        m_client = socket;
        m_buffer.clear();
        m_upgraded = false;
        m_closeSent = false;
        connect(socket, &QTcpSocket::readyRead, this, &RawWebSocketServer::handleData);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
}

void RawWebSocketServer::handleData()
{
    m_buffer += m_client->readAll();
    if (!m_upgraded) {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0) {
            return;
        }
        const QString head = QString::fromLatin1(m_buffer.left(end));
        m_buffer.remove(0, end + 4);
        if (m_handshakeStatus != 0) {
            m_client->write(QByteArray("HTTP/1.1 " + QByteArray::number(m_handshakeStatus) +
                                       " Refused\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
            m_client->disconnectFromHost();
            return;
        }
        static const QRegularExpression keyPattern(u"Sec-WebSocket-Key:\\s*(\\S+)"_s,
                                                   QRegularExpression::CaseInsensitiveOption);
        const QByteArray key = keyPattern.match(head).captured(1).toLatin1();
        const QByteArray accept =
            QCryptographicHash::hash(QByteArray(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"), QCryptographicHash::Sha1)
                .toBase64();
        m_client->write(QByteArray("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                   "Sec-WebSocket-Accept: " +
                                   accept + "\r\n\r\n"));
        m_upgraded = true;
        Q_EMIT clientConnected();
    }
    // Client frames: FIN/opcode, MASK|length (+16/64-bit length), 4-byte mask, masked payload.
    while (m_buffer.size() >= 2) {
        const quint8 opcode = static_cast<quint8>(m_buffer.at(0)) & 0x0F;
        quint64 length = static_cast<quint8>(m_buffer.at(1)) & 0x7F;
        qsizetype offset = 2;
        if (length == 126) {
            if (m_buffer.size() < 4) {
                return;
            }
            length =
                (static_cast<quint64>(static_cast<quint8>(m_buffer.at(2))) << 8) | static_cast<quint8>(m_buffer.at(3));
            offset = 4;
        } else if (length == 127) {
            if (m_buffer.size() < 10) {
                return;
            }
            length = 0;
            for (int i = 0; i < 8; ++i) {
                length = (length << 8) | static_cast<quint8>(m_buffer.at(2 + i));
            }
            offset = 10;
        }
        const qsizetype total = offset + 4 + static_cast<qsizetype>(length);
        if (m_buffer.size() < total) {
            return;
        }
        const QByteArray mask = m_buffer.mid(offset, 4);
        QByteArray payload = m_buffer.mid(offset + 4, static_cast<qsizetype>(length));
        for (qsizetype i = 0; i < payload.size(); ++i) {
            payload[i] = static_cast<char>(payload.at(i) ^ mask.at(i % 4));
        }
        m_buffer.remove(0, total);
        if (opcode == 0x1) {
            m_texts.append(payload);
            Q_EMIT textReceived(payload);
        } else if (opcode == 0x9) {
            ++m_pings; // never answered: silence is the point
        } else if (opcode == 0x8) {
            if (!m_closeSent) {
                sendFrame(0x8, payload.left(2));
            }
            m_client->disconnectFromHost();
            return;
        }
    }
}

void RawWebSocketServer::sendFrame(quint8 opcode, const QByteArray &payload)
{
    if (!m_client) {
        return;
    }
    QByteArray frame;
    frame.append(static_cast<char>(0x80 | opcode));
    if (payload.size() < 126) {
        frame.append(static_cast<char>(payload.size()));
    } else if (payload.size() < 65536) {
        frame.append(static_cast<char>(126));
        frame.append(static_cast<char>((payload.size() >> 8) & 0xFF));
        frame.append(static_cast<char>(payload.size() & 0xFF));
    } else {
        frame.append(static_cast<char>(127));
        for (int i = 7; i >= 0; --i) {
            frame.append(static_cast<char>((static_cast<quint64>(payload.size()) >> (8 * i)) & 0xFF));
        }
    }
    frame.append(payload);
    m_client->write(frame);
}

void RawWebSocketServer::sendText(const QByteArray &payload)
{
    sendFrame(0x1, payload);
}

void RawWebSocketServer::sendClose(quint16 code, const QByteArray &reason)
{
    QByteArray payload;
    payload.append(static_cast<char>(code >> 8));
    payload.append(static_cast<char>(code & 0xFF));
    payload.append(reason);
    m_closeSent = true;
    sendFrame(0x8, payload);
}

void RawWebSocketServer::dropConnection()
{
    if (m_client) {
        m_client->abort();
    }
}

} // namespace Switchboard::Test
