// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "LoginService.h"
#include "SandboxTypes.h"
#include "UmsFrame.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <memory>

class QWebSocket;

namespace Switchboard::Sandbox
{

class FrameLog;
class HttpServer;
struct HttpRequest;
class StateModel;

/** Counters of the UMS layer for /sandbox/stats. */
struct MessagingStats
{
    qint64 framesIn = 0;
    qint64 framesOut = 0;
    qint64 socketsOpened = 0;
    qint64 errorsSent = 0;
};

/**
 * The Messaging Agent API (UMS WebSocket, reference §3) at
 * /ws_api/account/{acct}/messaging/brand/{bearer}?v=2|2.1&…: answers every request of §3.4 with
 * the codes and types listed there and sends the raw notifications of §3.5 (both agent id forms,
 * participantsPId, dialogs[].participantsDetails, ringsDetails always an array, one event per
 * OnlineEventDistribution, conversationDetails on DELETE too).
 *
 * Frames are parsed by the pure parseUmsFrame(); anything it rejects gets a kind:"resp" 4xx
 * naming the problem. Responses go out before the notifications the same request caused.
 * A bearer that is unknown at the upgrade is refused with HTTP 401; a session that ends while
 * connected closes its sockets (4401 + reason when replaced or logged out, abort = 1006 when
 * revoked).
 *
 * Owned by Emulator; emulator thread. Owns its sockets.
 */
class MessagingApi final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessagingApi)

public:
    MessagingApi(StateModel *model, LoginService *login, HttpServer *server, QObject *parent = nullptr);
    ~MessagingApi() override;

    void setFrameLog(FrameLog *log)
    {
        m_frameLog = log;
    }
    /** HttpServer upgrade gate: 0 = accept, 401 = bad bearer, 404 = not a UMS path. */
    int upgradeGate(const HttpRequest &request);

    /** Faults: abort every socket (clients see 1006). */
    void dropAll();
    /** Faults: close every socket with @p code and @p reason. */
    void closeAll(int code, const QString &reason);

    int socketCount() const
    {
        return static_cast<int>(m_connections.size());
    }
    const MessagingStats &stats() const
    {
        return m_stats;
    }

Q_SIGNALS:
    void socketCountChanged(int count);

private:
    struct ExSubscription
    {
        QString id;
        QStringList states;
        /** userIds; empty with accountWide = whole account. */
        QStringList agentUserIds;
        bool accountWide = false;
        QSet<QString> known;
    };
    struct Connection
    {
        int id = 0;
        std::unique_ptr<QWebSocket> socket;
        QString bearer;
        QString userId;
        QString routingSubscriptionId;
        QString agentStateSubscriptionId;
        QString lastAvailabilitySent;
        QList<ExSubscription> exSubscriptions;
        bool closing = false;
    };

    void handleNewSockets();
    void handleText(Connection &connection, const QString &text);
    void handleRequest(Connection &connection, const UmsRequest &request);
    void removeConnection(int id);
    void send(Connection &connection, const QJsonObject &frame);
    /** A frame already written as compact JSON. */
    void sendBytes(Connection &connection, const QByteArray &frame);
    void respond(Connection &connection, const QString &reqId, int code, const QString &type, const QJsonValue &body);
    void respondError(Connection &connection, const QString &reqId, int code, const QString &message);
    void flushDeferred();

    void handleConversationChanged(const QString &conversationId);
    void handleMessageAdded(const QString &conversationId, const Message &message);
    void handleRingChanged(const Ring &ring);
    void handleAgentStateChanged(const QString &userId);
    void handleSessionEnded(const QString &bearer, SessionEnd reason);

    void updateConversationField(Connection &connection, const UmsRequest &request);
    void pushExConversations(Connection &connection, ExSubscription &subscription, qint64 minLastUpdated);
    bool matches(const ExSubscription &subscription, const Conversation &conversation) const;
    QJsonObject exChange(const Conversation &conversation, bool deleted) const;
    QJsonObject conversationDetails(const Conversation &conversation) const;
    struct Originator
    {
        QString id;
        QString pid;
    };
    /** The originatorId (an agent's old id) and originatorPId of @p message. */
    Originator originator(const Message &message) const;
    QJsonObject eventJson(const Message &message) const;
    /** The OnlineEventDistribution frame of @p message: eventJson() as a frame, written directly. */
    QByteArray eventFrame(const Message &message) const;
    QJsonObject ringNotification(const Connection &connection, const Ring &ring) const;
    void sendAgentState(Connection &connection, bool force);
    QString wireId(const Participant &participant) const;
    QString wirePid(const Participant &participant) const;

    StateModel *m_model;
    LoginService *m_login;
    HttpServer *m_server;
    FrameLog *m_frameLog = nullptr;
    QHash<int, std::shared_ptr<Connection>> m_connections;
    int m_nextConnectionId = 1;
    qint64 m_nextSubscriptionId = 1;
    MessagingStats m_stats;
    /** While a request is handled, notifications wait here so the response goes out first. */
    bool m_deferring = false;
    QList<QPair<int, QByteArray>> m_deferred;
};

} // namespace Switchboard::Sandbox
