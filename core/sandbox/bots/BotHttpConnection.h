// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sandbox/bots/BotHttpServer.h"

#include <QByteArray>
#include <QObject>

class QTcpSocket;

namespace Switchboard::Sandbox
{

/**
 * One accepted HTTP/1.1 connection of a BotHttpServer: buffers what the socket delivers, parses one request
 * at a time and hands it to the server's handler; parsing of the next (pipelined) request resumes when the
 * current one is answered. Owns its socket; deletes itself when the peer goes away. Internal to the demo
 * bots' HTTP adapter.
 */
class BotHttpConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BotHttpConnection)

public:
    BotHttpConnection(QTcpSocket *socket, BotHttpServer::Handler handler, QObject *parent);

    bool isOpen() const;
    /** Writes a complete response for the request in flight; closes afterwards if asked or required. */
    void writeResponse(const QByteArray &bytes, bool close);
    /** The request in flight will never be answered (its responder died): close the connection. */
    void abandonRequest();
    /** Whether the request in flight asked for the connection to be closed after its answer. */
    bool closeAfterResponse() const;

private:
    enum class State
    {
        Headers,
        Body,
        ChunkSize,
        ChunkData,
        ChunkTrailer,
        WaitingForAnswer,
        Closed
    };

    void handleReadyRead();
    void parse();
    bool parseHead(qsizetype headEnd);
    void dispatch();
    void fail(int status, const QByteArray &reason);
    void resume();

    QTcpSocket *m_socket;
    BotHttpServer::Handler m_handler;
    QByteArray m_buffer;
    State m_state = State::Headers;
    BotHttpRequest m_request;
    qsizetype m_bodyRemaining = 0;
    bool m_close = false;
    bool m_expectContinue = false;
    bool m_resumeScheduled = false;
    qsizetype m_scanned = 0;
};

} // namespace Switchboard::Sandbox
