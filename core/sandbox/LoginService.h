// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QObject>
#include <QString>
#include <optional>

namespace Switchboard::Sandbox
{

class HttpServer;
class StateModel;

/** One Login Service session: what login handed out and what refresh/logout and UMS check. */
struct LoginSession
{
    QString bearer;
    QString csrf;
    QString sessionCookie;
    QString wsuk;
    QString userId;
    qint64 createdMs = 0;
    qint64 lastRefreshMs = 0;
};

/** Why a session ended; the UMS layer closes the session's sockets accordingly. */
enum class SessionEnd
{
    /** The same agent user logged in again (or the kick-session fault): close 4401 + reason. */
    Replaced,
    /** Logout: close 4401. */
    LoggedOut,
    /** The revoke-tokens fault: sockets are aborted (1006), as in node-agent-sdk issue #29. */
    Revoked,
};

/**
 * The Login Service on agentVep (reference §2): user and application login, refresh, logout,
 * and the session registry every other API checks bearers against.
 *
 * One session per agent user: a second login of the same user ends the first session, whose
 * bearer stops working at once and whose WebSockets are closed with kickCloseCode() and
 * kickCloseReason(). LivePerson's real close code for this is UNCONFIRMED (reference §3.6, §9);
 * the sandbox chooses 4401 with a reason text that lets a connector report "kicked" instead of
 * starting a login fight.
 *
 * Owned by Emulator; emulator thread.
 */
class LoginService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoginService)

public:
    LoginService(StateModel *model, HttpServer *server, QObject *parent = nullptr);

    static constexpr int kickCloseCode()
    {
        return 4401;
    }
    static QString kickCloseReason()
    {
        return QStringLiteral("session replaced: the agent user logged in elsewhere");
    }

    /** The live session of @p bearer, if any (expired sessions are ended on the way). */
    std::optional<LoginSession> sessionForBearer(const QString &bearer);
    int sessionCount() const
    {
        return static_cast<int>(m_sessions.size());
    }
    /** Ends the session of @p loginName as a second login would. False if it had none. */
    bool kick(const QString &loginName);
    /** Ends every session (revoke-tokens fault). */
    void revokeAll();

Q_SIGNALS:
    void sessionEnded(const QString &bearer, const QString &userId, Switchboard::Sandbox::SessionEnd reason);

private:
    void endSession(QString bearer, SessionEnd reason);
    QString findBearerByCookie(const QByteArray &cookie) const;

    StateModel *m_model;
    QHash<QString, LoginSession> m_sessions;
};

} // namespace Switchboard::Sandbox
