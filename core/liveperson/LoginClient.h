// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "liveperson/ApiError.h"
#include "liveperson/DomainResolver.h"

#include <QObject>
#include <QString>
#include <functional>

namespace Switchboard::LivePerson
{

class LivePersonHttp;

/**
 * How an agent user logs in (reference §2). Either a password, or application keys: an OAuth2
 * client id/secret carried in `appKey`/`secret` with "dummy" access tokens (the same fields held
 * OAuth1 keys before LivePerson retired them). Secrets stay in memory only; never log them.
 */
struct AgentCredentials
{
    QString loginName;
    QString password;
    QString appKey;
    QString secret;
    /** OAuth1 leftovers; LivePerson expects "dummy" with OAuth2 keys. */
    QString accessToken = QStringLiteral("dummy");
    QString accessTokenSecret = QStringLiteral("dummy");

    bool usesPassword() const
    {
        return !password.isEmpty();
    }
    /** Missing login name, or neither a password nor an app key + secret. */
    Result<Success> validate() const;
};

/** What a successful login gives. The bearer and csrf are secrets: never log them. */
struct LoginSession
{
    QString bearer;
    QString csrf;
    QString loginName;
    /** config.userId (mandatory in the answer). */
    QString userId;
    /** config.userPid, the PId; may be empty (UNCONFIRMED whether always sent, reference §9). */
    QString userPid;
    /** sessionTTl in ms (0 when absent). */
    qint64 sessionTtlMs = 0;
    /** csdsCollectionResponse, when the answer carried one. */
    ServiceDomains domains;

    bool isValid() const
    {
        return !bearer.isEmpty() && !userId.isEmpty();
    }
};

/**
 * Parses a login answer. Strict on what the connector needs: `bearer` (non-empty string) and
 * `config.userId` (string or integer) are required; `csrf`, `config.userPid`, `sessionTTl` and
 * `csdsCollectionResponse` are optional but must have the documented types when present.
 */
Result<LoginSession> parseLoginResponse(const QByteArray &body, const QString &accountId);

/**
 * The Login Service on the `agentVep` host: login (`POST /api/account/{acct}/login?v=1.3`),
 * refresh and logout (`POST …/refresh?v=1.3`, `…/logout?v=1.3`, with `{"csrf"}` and the
 * Session_id cookie, which the LivePersonHttp's per-session cookie jar keeps).
 *
 * This class makes single calls; retrying is the caller's job (see RetryPolicy). It never logs
 * credentials, tokens or bodies. Ownership: a QObject on its creator's thread; uses, does not
 * own, the LivePersonHttp.
 */
class LoginClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoginClient)

public:
    using LoginCallback = std::function<void(const ApiResult<LoginSession> &)>;
    using DoneCallback = std::function<void(const ApiResult<Success> &)>;

    explicit LoginClient(LivePersonHttp *http, QObject *parent = nullptr);
    ~LoginClient() override;

    /** Starts a fresh session: the cookie jar is reset first. */
    void login(const QString &agentVepHost,
               const QString &accountId,
               const AgentCredentials &credentials,
               QObject *context,
               LoginCallback callback);
    /** Keeps the session alive; 401 means the session (and its bearer) is gone. */
    void refresh(const QString &agentVepHost,
                 const QString &accountId,
                 const LoginSession &session,
                 QObject *context,
                 DoneCallback callback);
    void logout(const QString &agentVepHost,
                const QString &accountId,
                const LoginSession &session,
                QObject *context,
                DoneCallback callback);

private:
    void postCsrf(const QString &what,
                  const QString &agentVepHost,
                  const QString &accountId,
                  const QString &operation,
                  const LoginSession &session,
                  QObject *context,
                  DoneCallback callback);

    LivePersonHttp *m_http;
};

} // namespace Switchboard::LivePerson
