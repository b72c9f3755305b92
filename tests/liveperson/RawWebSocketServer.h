// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

class QTcpServer;
class QTcpSocket;

namespace Switchboard::Test
{

/**
 * A deliberately dumb WebSocket server (plain ws:// on 127.0.0.1, port 0) for UmsConnection unit
 * tests: it completes the upgrade by hand (or refuses it with a chosen HTTP status), records the
 * client's text frames and pings, and never answers anything by itself — not even pings — so a
 * test can script silence, crafted or malformed frames and close codes. One client at a time.
 */
class RawWebSocketServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RawWebSocketServer)

public:
    explicit RawWebSocketServer(QObject *parent = nullptr);
    ~RawWebSocketServer() override;

    bool listen();
    quint16 port() const;

    /** 0 = accept the upgrade; otherwise answer the upgrade with this HTTP status. */
    void setHandshakeStatus(int status);

    void sendText(const QByteArray &payload);
    void sendClose(quint16 code, const QByteArray &reason);
    void dropConnection();

    bool isConnected() const;
    QList<QByteArray> receivedTexts() const;
    int pingCount() const;

Q_SIGNALS:
    void clientConnected();
    void textReceived(const QByteArray &payload);

private:
    void handleConnection();
    void handleData();
    void sendFrame(quint8 opcode, const QByteArray &payload);

    QTcpServer *m_server;
    QPointer<QTcpSocket> m_client;
    QByteArray m_buffer;
    bool m_upgraded = false;
    int m_handshakeStatus = 0;
    QList<QByteArray> m_texts;
    int m_pings = 0;
    bool m_closeSent = false;
};

} // namespace Switchboard::Test
