// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "HttpServer.h"
#include "SandboxTypes.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>

class QTimer;

namespace Switchboard::Sandbox
{

class LoginService;
class StateModel;

/**
 * The Chat Agent API (reference §5) on the agentVep host: REST agent sessions under
 * /api/account/{acct}/agentSession… with availability, ring polling (incomingRequests), taking a
 * chat, the chat resource with its events and info, adding lines (plain, html, rich-content,
 * private), transfer to a skill or an agent, and ending the chat. Every path is accepted with and
 * without a ".json" suffix, POST with "X-HTTP-Method-Override: PUT|DELETE" stands for PUT and
 * DELETE, and query parameters other than "from" (v=1, NC=true) are ignored.
 *
 * Chats are the StateModel's Channel::Chat conversations (chat id == conversation id): rings for
 * them go to agents that set availability Online here; a ring not taken within ringTimeoutMs()
 * (LivePerson: 20 s) sets the agent Away and moves on. An agent session not used for
 * sessionTimeoutMs() expires; its chats go back to the queue. Events of a chat are kept from its
 * creation (state waiting → chatting → ended, visitor and agent lines, info lines), numbered
 * from 0; `from=N` returns the events with an id ≥ N.
 *
 * The per-agent-session security cookie of §5 is optional here: the sandbox sets one, but never
 * requires it back (lenient emulator, reference §5).
 *
 * Also serves GET/POST /sandbox/chat/settings (ringTimeoutMs, sessionTimeoutMs) and
 * GET /sandbox/chat/sessions and POST /sandbox/chat/sessions/expire for tests and the operator.
 *
 * Owned by Emulator, created after the LoginService; emulator thread.
 */
class ChatAgentApi final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatAgentApi)

public:
    static constexpr int defaultRingTimeoutMs = 20000;
    /** UNCONFIRMED in the reference (§5 gives no figure): two minutes without a request. */
    static constexpr int defaultSessionTimeoutMs = 120000;

    ChatAgentApi(StateModel *model, LoginService *login, HttpServer *server, QObject *parent = nullptr);
    ~ChatAgentApi() override;

    /** How long a chat ring waits before the agent is set Away and the ring moves on. */
    void setRingTimeoutMs(int ms);
    int ringTimeoutMs() const;
    /** How long an agent session lives without any request on it. */
    void setSessionTimeoutMs(int ms);
    int sessionTimeoutMs() const
    {
        return m_sessionTimeoutMs;
    }
    int sessionCount() const
    {
        return static_cast<int>(m_sessions.size());
    }
    /** Ends every live agent session now, as an idle expiry would; returns how many ended. */
    int expireAllSessions();
    /** The /sandbox/chat/sessions view: one object per live agent session. */
    QJsonObject sessionsJson() const;
    /** A chat's events as its agent reads them (`@id`, `@type`, …), oldest first; empty for an unknown chat. */
    QList<QJsonObject> events(const QString &chatId) const;

private:
    struct AgentSession
    {
        QString id;
        QString userId;
        /** Online, Away or Occupied (Away until the agent sets it). */
        QString availability = QStringLiteral("Away");
        QString chatReasonId;
        qint64 createdMs = 0;
        qint64 lastSeenMs = 0;
        /** Chats this session took and still may read (ended ones stay readable). */
        QSet<QString> chats;
        /** Chats this session transferred away (answered with a specific 404). */
        QSet<QString> transferred;
    };
    struct ChatLog
    {
        QList<QJsonObject> events;
        QString state = QStringLiteral("waiting");
        QString agentUserId;
        QString agentTyping = QStringLiteral("not-typing");
        QString visitorTyping = QStringLiteral("not-typing");
        qint64 lastUpdateMs = 0;
    };
    /** The parsed request: effective method and the path segments after "agentSession". */
    struct Call
    {
        const HttpRequest *request = nullptr;
        QString method;
        QStringList segments;
        QString base;
        QString userId;
    };

    HttpResponse handle(const HttpRequest &request);
    HttpResponse startSession(const Call &call);
    HttpResponse sessionCall(Call &call);
    HttpResponse availability(const Call &call, AgentSession &session);
    HttpResponse incomingRequests(const Call &call, AgentSession &session);
    HttpResponse chatCall(const Call &call, AgentSession &session);
    HttpResponse addEvent(const Call &call, AgentSession &session, const QString &chatId);
    HttpResponse transfer(const Call &call, AgentSession &session, const QString &chatId);
    HttpResponse setTyping(const Call &call, const QString &chatId);

    QJsonObject chatJson(const QString &base, const QString &chatId) const;
    QJsonObject eventsJson(const QString &base, const QString &chatId, int from) const;
    QJsonObject infoJson(const QString &base, const QString &chatId) const;
    QJsonArray transferSkills(const QString &exceptUserId) const;
    int onlineChatAgents(const QString &skillId, const QString &exceptUserId) const;

    void handleConversationChanged(const QString &conversationId);
    void handleMessageAdded(const QString &conversationId, const Message &message);
    void handleRingChanged(const Ring &ring);
    void appendEvent(const QString &chatId, QJsonObject event);
    void appendState(const QString &chatId, const QString &state);
    void endSession(const QString &sessionId, const QString &why);
    void sweep();

    StateModel *m_model;
    LoginService *m_login;
    QHash<QString, AgentSession> m_sessions;
    /** Ended session id → why, so a late request learns that it must start a new session. */
    QHash<QString, QString> m_endedSessions;
    QHash<QString, ChatLog> m_chats;
    QTimer *m_sweepTimer = nullptr;
    int m_sessionTimeoutMs = defaultSessionTimeoutMs;
};

} // namespace Switchboard::Sandbox
