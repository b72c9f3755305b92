// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CertificateAuthority.h"
#include "util/Result.h"

#include <QObject>

namespace Switchboard::Sandbox
{

class HttpServer;
class StateModel;

/**
 * Sentinel, LivePerson's OAuth2 server (custom-endpoint-v1.md §2.3-2.5): client-credentials
 * token endpoints v1 (POST /sentinel/api/account/{acct}/app/token?v=1.0) and v2
 * (POST /sentinel/api/v2/account/{acct}/app/token) issue RS256 App JWTs signed with libjwt
 * (iss "Sentinel", aud account id, azp client id, scope thirdpartybots.customendpoint.bot,
 * iat, exp = iat + 3600, header kid). Keys are published as a JWKS at
 * GET /sentinel/well-known/jwks and as a static PEM (v1 style) at GET /sentinel/public-key.pem.
 *
 * Owned by Emulator; emulator thread.
 */
class SentinelService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SentinelService)

public:
    SentinelService(StateModel *model, HttpServer *server, const RsaSigningKey &key, QObject *parent = nullptr);

    static QString publicKeyPath()
    {
        return QStringLiteral("/sentinel/public-key.pem");
    }
    static QString jwksPath()
    {
        return QStringLiteral("/sentinel/well-known/jwks");
    }
    /** Signs an App JWT for @p clientId. */
    Result<QString> issueToken(const QString &clientId, qint64 nowSeconds) const;

private:
    StateModel *m_model;
    RsaSigningKey m_key;
};

/**
 * Account configuration (reference §1, §4): GET /api/account/{acct}/configuration/le-users/skills
 * with a Login Service bearer lists the skills (id as a number, as that API sends it).
 */
class AccountConfigApi final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountConfigApi)

public:
    using BearerCheck = std::function<bool(const QString &bearer)>;
    AccountConfigApi(StateModel *model, HttpServer *server, BearerCheck check, QObject *parent = nullptr);

private:
    StateModel *m_model;
    BearerCheck m_check;
};

} // namespace Switchboard::Sandbox
