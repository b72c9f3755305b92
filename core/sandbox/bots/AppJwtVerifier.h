// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QNetworkAccessManager;
class QNetworkReply;

namespace Switchboard::Sandbox
{

/**
 * Verifies LivePerson App JWTs the way a Custom Endpoint bot should (custom-endpoint-v1.md §2.5): RS256
 * only, `iss == "Sentinel"`, `exp` in the future (`nbf`, when present, not in the future), `scope`
 * `thirdpartybots.customendpoint.bot` or the deprecated `ihub.tpb.customendpoint`, and `aud` equal to the
 * configured account id (a string, or an array that contains it; not checked when no account is set).
 *
 * Keys come from a JWKS URL (Sentinel v2, `…/sentinel/well-known/jwks`), picked by the token's `kid`, and/or
 * from a static PEM public key (Sentinel v1). The JWKS is fetched on first need and cached; a token with an
 * unknown `kid` makes it fetch the JWKS once more (concurrent requests share one fetch; a kid still unknown
 * after that fetch is remembered for a minute). The HTTPS fetch trusts the system CAs plus the configured
 * ones and never turns verification off. Verified tokens are cached by their exact string until `exp`.
 *
 * Failures answer like the reference service: 403 without an Authorization header, 400 for a token that
 * does not decode, 401 for anything else, always with a reason.
 *
 * Signature checks use OpenSSL directly (EVP_DigestVerify), not libjwt: libjwt 1.10's jwt_decode() trusts
 * the token's own `alg` header, so an HS256 token "signed" with the public key would pass. Lives in its
 * owner's thread; not thread-safe.
 */
class AppJwtVerifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppJwtVerifier)

public:
    static constexpr QLatin1StringView currentScope{"thirdpartybots.customendpoint.bot"};
    static constexpr QLatin1StringView deprecatedScope{"ihub.tpb.customendpoint"};

    struct Config
    {
        /** Expected `aud`; empty = not checked. */
        QString accountId;
        QUrl jwksUrl;
        /** A PEM "PUBLIC KEY" (SubjectPublicKeyInfo) used for tokens whose kid is not in the JWKS. */
        QByteArray staticPublicKeyPem;
        /** Extra CAs for the JWKS fetch (the sandbox CA). */
        QList<QSslCertificate> trustedCas;
        /** Seconds since the epoch; the system clock when empty. */
        std::function<qint64()> clock;
    };

    struct Outcome
    {
        /** 0 when the token is valid, else the HTTP status to answer (400, 401, 403). */
        int status = 0;
        /** The reference service's error name ("UnauthorizedError", …). */
        QString name;
        /** The client-facing message ("Unable to verify the validity of your request"). */
        QString message;
        /** The specific reason (`errorData`), e.g. "token expired at 1790000000". */
        QString reason;
        /** A stable short code for counters ("expired", "bad_scope", …). */
        QString code;

        bool ok() const
        {
            return status == 0;
        }
    };

    struct Counters
    {
        quint64 verified = 0;
        quint64 cacheHits = 0;
        quint64 failures = 0;
        quint64 jwksFetches = 0;
        quint64 jwksFetchFailures = 0;
        quint64 deprecatedScope = 0;
        QHash<QString, quint64> failuresByCode;
    };

    explicit AppJwtVerifier(Config config, QObject *parent = nullptr);
    ~AppJwtVerifier() override;

    /** A configuration problem that makes every verification fail (no key source, bad PEM); empty if fine. */
    QString configurationError() const;

    /**
     * Decides at once when it can (cached token, keys at hand, or a failure that needs no keys). Returns
     * nothing when the JWKS must be fetched first; then call verifyLater().
     */
    std::optional<Outcome> tryVerifyNow(const QByteArray &authorizationHeader);

    /** Verifies, fetching the JWKS if needed; \a done runs in this thread, unless \a context died first. */
    void
    verifyLater(const QByteArray &authorizationHeader, QObject *context, std::function<void(const Outcome &)> done);

    const Counters &counters() const;
    void resetCounters();
    /** Kids currently known from the JWKS. */
    QStringList knownKeyIds() const;

private:
    struct Keys;
    struct Decoded;
    struct Pending
    {
        QByteArray header;
        QPointer<QObject> context;
        std::function<void(const Outcome &)> done;
    };

    Outcome fail(int status, const QString &code, const QString &reason);
    std::optional<Outcome> check(const QByteArray &authorizationHeader, bool mayFetch);
    void startJwksFetch();
    void handleJwksReply(QNetworkReply *reply);
    qint64 now() const;

    Config m_config;
    QString m_configurationError;
    std::unique_ptr<Keys> m_keys;
    QNetworkAccessManager *m_network = nullptr;
    bool m_fetching = false;
    QString m_lastFetchError;
    std::vector<Pending> m_pending;
    QHash<QByteArray, qint64> m_tokenCache;
    QHash<QString, qint64> m_missingKids;
    Counters m_counters;
};

} // namespace Switchboard::Sandbox
