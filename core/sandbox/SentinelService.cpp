// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SentinelService.h"

#include "HttpServer.h"
#include "SandboxLogging.h"
#include "StateModel.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdlib>
#include <jwt.h>

namespace Switchboard::Sandbox
{

namespace
{
HttpResponse oauthError(int status, const QString &error, const QString &description)
{
    return HttpResponse::json(
        QJsonObject{{QStringLiteral("error"), error}, {QStringLiteral("error_description"), description}}, status);
}

bool sameSecret(const QString &a, const QString &b)
{
    const QByteArray x = a.toUtf8();
    const QByteArray y = b.toUtf8();
    unsigned char diff = x.size() == y.size() ? 0 : 1;
    const qsizetype n = std::min(x.size(), y.size());
    for (qsizetype i = 0; i < n; ++i) {
        diff |= static_cast<unsigned char>(x[i] ^ y[i]);
    }
    return diff == 0 && !x.isEmpty();
}
} // namespace

SentinelService::SentinelService(StateModel *model, HttpServer *server, const RsaSigningKey &key, QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_key(key)
{
    const auto token = [this](const HttpRequest &r) {
        if (r.args.value(0) != m_model->accountId()) {
            return oauthError(
                401, QStringLiteral("invalid_client"), tr("Unknown account \"%1\".").arg(r.args.value(0)));
        }
        // Client credentials come in the form body, or (RFC 6749 §2.3.1) in HTTP Basic auth.
        const QUrlQuery form(QString::fromUtf8(r.body).replace(QLatin1Char('+'), QLatin1Char(' ')));
        QString clientId = form.queryItemValue(QStringLiteral("client_id"), QUrl::FullyDecoded);
        QString clientSecret = form.queryItemValue(QStringLiteral("client_secret"), QUrl::FullyDecoded);
        const QString grant = form.queryItemValue(QStringLiteral("grant_type"), QUrl::FullyDecoded);
        const QByteArray authorization = r.header("authorization");
        if (clientId.isEmpty() && authorization.startsWith("Basic ")) {
            const QByteArray decoded = QByteArray::fromBase64(authorization.mid(6).trimmed());
            const qsizetype colon = decoded.indexOf(':');
            if (colon > 0) {
                clientId = QUrl::fromPercentEncoding(decoded.left(colon));
                clientSecret = QUrl::fromPercentEncoding(decoded.mid(colon + 1));
            }
        }
        if (grant != QLatin1String("client_credentials")) {
            return oauthError(400,
                              QStringLiteral("unsupported_grant_type"),
                              tr("grant_type must be client_credentials (form-encoded body)."));
        }
        if (clientId.isEmpty() || clientSecret.isEmpty()) {
            return oauthError(400, QStringLiteral("invalid_request"), tr("client_id and client_secret are required."));
        }
        bool known = false;
        for (const ApplicationConfig &app : m_model->config().applications) {
            if (app.clientId == clientId && sameSecret(app.clientSecret, clientSecret)) {
                known = true;
                break;
            }
        }
        if (!known) {
            return oauthError(401, QStringLiteral("invalid_client"), tr("Unknown client or wrong client secret."));
        }
        const Result<QString> jwt = issueToken(clientId, QDateTime::currentSecsSinceEpoch());
        if (!jwt) {
            return oauthError(500, QStringLiteral("server_error"), jwt.error().message);
        }
        return HttpResponse::json(QJsonObject{{QStringLiteral("access_token"), jwt.value()},
                                              {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                                              {QStringLiteral("expires_in"), 3600}});
    };
    server->addRoute(
        "POST", QStringLiteral("/sentinel/api/account/([^/]+)/app/token"), QStringLiteral("sentinel"), token);
    server->addRoute(
        "POST", QStringLiteral("/sentinel/api/v2/account/([^/]+)/app/token"), QStringLiteral("sentinel"), token);
    server->addRoute("GET", jwksPath(), QStringLiteral("sentinel"), [this](const HttpRequest &) {
        const QJsonObject jwk{{QStringLiteral("kty"), QStringLiteral("RSA")},
                              {QStringLiteral("kid"), m_key.keyId},
                              {QStringLiteral("use"), QStringLiteral("sig")},
                              {QStringLiteral("alg"), QStringLiteral("RS256")},
                              {QStringLiteral("n"), QString::fromLatin1(m_key.modulusB64Url)},
                              {QStringLiteral("e"), QString::fromLatin1(m_key.exponentB64Url)}};
        return HttpResponse::json(QJsonObject{{QStringLiteral("keys"), QJsonArray{jwk}}});
    });
    server->addRoute("GET", publicKeyPath(), QStringLiteral("sentinel"), [this](const HttpRequest &) {
        HttpResponse response;
        response.contentType = "application/x-pem-file";
        response.body = m_key.publicPem;
        return response;
    });
}

Result<QString> SentinelService::issueToken(const QString &clientId, qint64 nowSeconds) const
{
    jwt_t *jwt = nullptr;
    if (jwt_new(&jwt) != 0) {
        return Error{QStringLiteral("sandbox.crypto"), tr("Could not create a JWT.")};
    }
    const QByteArray account = m_model->accountId().toUtf8();
    const QByteArray azp = clientId.toUtf8();
    const QByteArray kid = m_key.keyId.toUtf8();
    const QByteArray jti = randomUuid().toUtf8();
    int rc = jwt_add_grant(jwt, "iss", "Sentinel");
    rc |= jwt_add_grant(jwt, "aud", account.constData());
    rc |= jwt_add_grant(jwt, "azp", azp.constData());
    rc |= jwt_add_grant(jwt, "sub", azp.constData());
    rc |= jwt_add_grant(jwt, "scope", "thirdpartybots.customendpoint.bot");
    rc |= jwt_add_grant(jwt, "jti", jti.constData());
    rc |= jwt_add_grant_int(jwt, "iat", static_cast<long>(nowSeconds));
    rc |= jwt_add_grant_int(jwt, "exp", static_cast<long>(nowSeconds + 3600));
    rc |= jwt_add_header(jwt, "kid", kid.constData());
    rc |= jwt_set_alg(jwt,
                      JWT_ALG_RS256,
                      reinterpret_cast<const unsigned char *>(m_key.privatePem.constData()),
                      static_cast<int>(m_key.privatePem.size()));
    char *encoded = rc == 0 ? jwt_encode_str(jwt) : nullptr;
    jwt_free(jwt);
    if (!encoded) {
        return Error{QStringLiteral("sandbox.crypto"), tr("Could not sign the App JWT.")};
    }
    const QString token = QString::fromLatin1(encoded);
    std::free(encoded); // libjwt 1.10: the caller frees the encoded string with free()
    return token;
}

AccountConfigApi::AccountConfigApi(StateModel *model, HttpServer *server, BearerCheck check, QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_check(std::move(check))
{
    server->addRoute("GET",
                     QStringLiteral("/api/account/([^/]+)/configuration/le-users/skills"),
                     QStringLiteral("skills"),
                     [this](const HttpRequest &r) {
                         if (r.args.value(0) != m_model->accountId()) {
                             return HttpResponse::lpError(404, tr("Unknown account \"%1\".").arg(r.args.value(0)), 404);
                         }
                         const QString bearer = r.bearerToken();
                         if (bearer.isEmpty() || !m_check(bearer)) {
                             return HttpResponse::lpError(401, tr("Missing or invalid bearer token."), 401);
                         }
                         QJsonArray skills;
                         for (const SkillConfig &skill : m_model->config().skills) {
                             skills.append(
                                 QJsonObject{{QStringLiteral("id"), skill.id.toLongLong()},
                                             {QStringLiteral("name"), skill.name},
                                             {QStringLiteral("description"), QString()},
                                             {QStringLiteral("deleted"), false},
                                             {QStringLiteral("maxWaitTime"), 120},
                                             {QStringLiteral("skillOrder"), skill.id.toLongLong()},
                                             {QStringLiteral("canTransfer"), true},
                                             {QStringLiteral("skillTransferList"), QJsonArray()},
                                             {QStringLiteral("skillRoutingConfiguration"), QJsonArray()},
                                             {QStringLiteral("dateUpdated"), QStringLiteral("2026-01-01 00:00:00")}});
                         }
                         HttpResponse response = HttpResponse::json(skills);
                         response.headers.append(qMakePair(QByteArray("ac-revision"), QByteArray("1")));
                         return response;
                     });
}

} // namespace Switchboard::Sandbox
