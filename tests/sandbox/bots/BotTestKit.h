// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHttpServer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPair>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QString>
#include <QUrl>
#include <memory>

namespace Switchboard::Test
{

/** An RSA key pair for signing App JWTs in tests (made with OpenSSL, independent of the bot's code). */
struct TestRsaKey
{
    QString kid;
    QByteArray privatePem;
    QByteArray publicPem;
    /** {"kty":"RSA","kid","use":"sig","alg":"RS256","n","e"} with base64url n and e. */
    QJsonObject jwk;

    static TestRsaKey generate(const QString &kid);
};

/** A self-signed certificate for 127.0.0.1/localhost, usable as its own CA. */
struct TestTlsIdentity
{
    QSslCertificate certificate;
    QSslKey key;

    static TestTlsIdentity generate();
    QSslConfiguration serverConfiguration() const;
};

/** Signs \a claims with libjwt: RS256 with \a key (kid header set) unless \a alg says otherwise. */
QByteArray signJwt(const TestRsaKey &key, const QJsonObject &claims, const QString &alg = QStringLiteral("RS256"));

/** The claims of a valid Custom Endpoint App JWT for \a accountId, expiring at \a exp. */
QJsonObject appJwtClaims(const QString &accountId, qint64 exp);

/** A tiny Sentinel stand-in: serves GET /sentinel/well-known/jwks and counts fetches. */
class JwksTestServer final
{
public:
    explicit JwksTestServer(const TestTlsIdentity *tls);
    void setKeys(const QJsonArray &keys);
    QUrl url() const;
    int fetches() const;

private:
    QHttpServer m_server;
    QJsonArray m_keys;
    int m_fetches = 0;
    QUrl m_url;
};

struct HttpResult
{
    int status = 0;
    QByteArray body;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;
    qint64 elapsedMs = 0;

    QJsonDocument json() const
    {
        return QJsonDocument::fromJson(body);
    }
    QJsonObject object() const
    {
        return json().object();
    }
};

/** QNetworkAccessManager with the test CA trusted; waits for each reply (QSignalSpy::wait). */
class HttpTestClient final
{
public:
    explicit HttpTestClient(const QList<QSslCertificate> &cas = {});
    HttpResult request(const QByteArray &verb,
                       const QUrl &url,
                       const QByteArray &body = {},
                       const QList<QPair<QByteArray, QByteArray>> &headers = {},
                       int timeoutMs = 10'000);

private:
    QNetworkAccessManager m_network;
    QList<QSslCertificate> m_cas;
};

/**
 * Validates JSON instances with python3-jsonschema. Each case is {"name","schema","instance"}, where schema
 * is "ce:<JSON pointer into custom-endpoint/v1.json>", "wh:<JSON pointer into docs/bot-webhook.schema.json>"
 * or a path under reference/schemas ("structured-content/rich_content.json"). Returns the error lines (empty = all
 * valid); sets \a skipped when python3 or jsonschema is missing.
 */
QString validateWithJsonSchema(const QJsonArray &cases, bool *skipped);

} // namespace Switchboard::Test
