// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AppJwtVerifier.h"

#include "sandbox/SandboxLogging.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

using namespace Qt::StringLiterals;

namespace Switchboard::Sandbox
{

namespace
{

struct PKeyFree
{
    void operator()(EVP_PKEY *key) const
    {
        EVP_PKEY_free(key);
    }
};
using PKey = std::shared_ptr<EVP_PKEY>;

constexpr qint64 s_missingKidMemorySeconds = 60;
constexpr int s_tokenCacheLimit = 8192;
constexpr qint64 s_maxJwksBytes = 1024 * 1024;

std::optional<QByteArray> base64UrlDecode(QByteArrayView text)
{
    QByteArray padded(text.data(), text.size());
    while (padded.size() % 4 != 0) {
        padded.append('=');
    }
    auto decoded =
        QByteArray::fromBase64Encoding(padded, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        return std::nullopt;
    }
    return std::move(decoded.decoded);
}

struct BnFree
{
    void operator()(BIGNUM *bn) const
    {
        BN_free(bn);
    }
};

PKey rsaKeyFromJwk(const QByteArray &n, const QByteArray &e)
{
    std::unique_ptr<BIGNUM, BnFree> bnN(
        BN_bin2bn(reinterpret_cast<const unsigned char *>(n.constData()), static_cast<int>(n.size()), nullptr));
    std::unique_ptr<BIGNUM, BnFree> bnE(
        BN_bin2bn(reinterpret_cast<const unsigned char *>(e.constData()), static_cast<int>(e.size()), nullptr));
    if (!bnN || !bnE) {
        return {};
    }
    OSSL_PARAM_BLD *builder = OSSL_PARAM_BLD_new();
    if (!builder) {
        return {};
    }
    OSSL_PARAM *params = nullptr;
    if (OSSL_PARAM_BLD_push_BN(builder, OSSL_PKEY_PARAM_RSA_N, bnN.get()) == 1 &&
        OSSL_PARAM_BLD_push_BN(builder, OSSL_PKEY_PARAM_RSA_E, bnE.get()) == 1) {
        params = OSSL_PARAM_BLD_to_param(builder);
    }
    OSSL_PARAM_BLD_free(builder);
    if (!params) {
        return {};
    }
    EVP_PKEY *key = nullptr;
    EVP_PKEY_CTX *context = EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr);
    if (context && EVP_PKEY_fromdata_init(context) == 1) {
        if (EVP_PKEY_fromdata(context, &key, EVP_PKEY_PUBLIC_KEY, params) != 1) {
            key = nullptr;
        }
    }
    EVP_PKEY_CTX_free(context);
    OSSL_PARAM_free(params);
    return key ? PKey(key, PKeyFree()) : PKey();
}

PKey keyFromPem(const QByteArray &pem)
{
    BIO *bio = BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size()));
    if (!bio) {
        return {};
    }
    EVP_PKEY *key = nullptr;
    if (pem.contains("BEGIN CERTIFICATE")) {
        if (X509 *certificate = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr)) {
            key = X509_get_pubkey(certificate);
            X509_free(certificate);
        }
    } else {
        key = PEM_read_bio_PUBKEY(bio, nullptr, nullptr, nullptr);
    }
    BIO_free(bio);
    if (key && EVP_PKEY_is_a(key, "RSA") != 1) {
        EVP_PKEY_free(key);
        key = nullptr;
    }
    return key ? PKey(key, PKeyFree()) : PKey();
}

bool verifyRs256(EVP_PKEY *key, QByteArrayView signingInput, const QByteArray &signature)
{
    EVP_MD_CTX *context = EVP_MD_CTX_new();
    if (!context) {
        return false;
    }
    const bool ok = EVP_DigestVerifyInit(context, nullptr, EVP_sha256(), nullptr, key) == 1 &&
                    EVP_DigestVerify(context,
                                     reinterpret_cast<const unsigned char *>(signature.constData()),
                                     static_cast<size_t>(signature.size()),
                                     reinterpret_cast<const unsigned char *>(signingInput.data()),
                                     static_cast<size_t>(signingInput.size())) == 1;
    EVP_MD_CTX_free(context);
    return ok;
}

bool isLoopback(const QUrl &url)
{
    const QString host = url.host();
    if (host == "localhost"_L1) {
        return true;
    }
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

} // namespace

struct AppJwtVerifier::Keys
{
    QHash<QString, PKey> jwks;
    PKey staticKey;
};

AppJwtVerifier::AppJwtVerifier(Config config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_keys(std::make_unique<Keys>())
{
    if (!m_config.staticPublicKeyPem.isEmpty()) {
        m_keys->staticKey = keyFromPem(m_config.staticPublicKeyPem);
        if (!m_keys->staticKey) {
            m_configurationError = tr("The static public key is not an RSA public key in PEM form.");
        }
    }
    if (m_config.jwksUrl.isValid() && !m_config.jwksUrl.isEmpty()) {
        const QString scheme = m_config.jwksUrl.scheme();
        if (scheme != "https"_L1 && scheme != "http"_L1) {
            m_configurationError = tr("The JWKS URL \"%1\" is not an http(s) URL.").arg(m_config.jwksUrl.toString());
        }
    } else if (m_config.staticPublicKeyPem.isEmpty()) {
        m_configurationError = tr("No JWKS URL and no static public key: the bot cannot verify App JWTs.");
    }
}

AppJwtVerifier::~AppJwtVerifier() = default;

QString AppJwtVerifier::configurationError() const
{
    return m_configurationError;
}

qint64 AppJwtVerifier::now() const
{
    return m_config.clock ? m_config.clock() : QDateTime::currentSecsSinceEpoch();
}

AppJwtVerifier::Outcome AppJwtVerifier::fail(int status, const QString &code, const QString &reason)
{
    Outcome outcome;
    outcome.status = status;
    outcome.code = code;
    outcome.reason = reason;
    switch (status) {
    case 403:
        outcome.name = u"ForbiddenError"_s;
        outcome.message = tr("Authorization is required for this request.");
        break;
    case 400:
        outcome.name = u"BadRequestError"_s;
        outcome.message = tr("Unable to identify the request");
        break;
    default:
        outcome.name = u"UnauthorizedError"_s;
        outcome.message =
            code == "no_scope"_L1 ? tr("No Scope provided") : tr("Unable to verify the validity of your request");
        break;
    }
    ++m_counters.failures;
    ++m_counters.failuresByCode[code];
    qCDebug(lcSandbox) << "demo bot: App JWT rejected:" << code;
    return outcome;
}

std::optional<AppJwtVerifier::Outcome> AppJwtVerifier::tryVerifyNow(const QByteArray &authorizationHeader)
{
    return check(authorizationHeader, true);
}

void AppJwtVerifier::verifyLater(const QByteArray &authorizationHeader,
                                 QObject *context,
                                 std::function<void(const Outcome &)> done)
{
    if (auto outcome = check(authorizationHeader, true)) {
        done(*outcome);
        return;
    }
    m_pending.push_back(Pending{authorizationHeader, QPointer<QObject>(context), std::move(done)});
    if (!m_fetching) {
        startJwksFetch();
    }
}

std::optional<AppJwtVerifier::Outcome> AppJwtVerifier::check(const QByteArray &authorizationHeader, bool mayFetch)
{
    const QByteArray header = authorizationHeader.trimmed();
    if (header.isEmpty()) {
        return fail(403, u"no_header"_s, tr("The request has no Authorization header."));
    }
    // Like the reference service, the scheme word itself is not checked (custom-endpoint-v1.md §2.5).
    const qsizetype space = header.indexOf(' ');
    const QByteArray token = space < 0 ? QByteArray() : header.mid(space + 1).trimmed();
    if (token.isEmpty()) {
        return fail(401, u"no_token"_s, tr("The Authorization header has no token after the scheme."));
    }

    const qint64 nowSeconds = now();
    if (const auto cached = m_tokenCache.constFind(token); cached != m_tokenCache.constEnd()) {
        if (*cached > nowSeconds) {
            ++m_counters.cacheHits;
            ++m_counters.verified;
            return Outcome{};
        }
        m_tokenCache.erase(cached);
    }

    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3) {
        return fail(400, u"undecodable"_s, tr("The token is not a JWS compact serialization (three parts)."));
    }
    const auto headerJson = base64UrlDecode(parts.at(0));
    const auto payloadJson = base64UrlDecode(parts.at(1));
    const auto signature = base64UrlDecode(parts.at(2));
    if (!headerJson || !payloadJson || !signature) {
        return fail(400, u"undecodable"_s, tr("A part of the token is not base64url."));
    }
    const QJsonDocument headerDoc = QJsonDocument::fromJson(*headerJson);
    const QJsonDocument payloadDoc = QJsonDocument::fromJson(*payloadJson);
    if (!headerDoc.isObject() || !payloadDoc.isObject()) {
        return fail(400, u"undecodable"_s, tr("The token's header or payload is not a JSON object."));
    }
    const QJsonObject jose = headerDoc.object();
    const QJsonObject claims = payloadDoc.object();

    // Scope first, as the reference service does.
    const QJsonValue scopeValue = claims.value("scope"_L1);
    if (!scopeValue.isString() || scopeValue.toString().isEmpty()) {
        return fail(401, u"no_scope"_s, tr("The token has no \"scope\" claim."));
    }
    bool deprecated = false;
    bool scopeOk = false;
    const QStringList scopes = scopeValue.toString().split(u' ', Qt::SkipEmptyParts);
    for (const QString &scope : scopes) {
        if (scope == currentScope) {
            scopeOk = true;
        } else if (scope == deprecatedScope) {
            scopeOk = true;
            deprecated = true;
        }
    }
    if (!scopeOk) {
        return fail(401,
                    u"bad_scope"_s,
                    tr("The scope \"%1\" is not \"%2\" (or the deprecated \"%3\").")
                        .arg(scopeValue.toString(), QString(currentScope), QString(deprecatedScope)));
    }

    const QString alg = jose.value("alg"_L1).toString();
    if (alg != "RS256"_L1) {
        return fail(401, u"bad_alg"_s, tr("The token's algorithm \"%1\" is not RS256.").arg(alg));
    }

    const QString kid = jose.value("kid"_L1).toString();
    PKey key = m_keys->jwks.value(kid);
    if (!key && m_keys->staticKey) {
        key = m_keys->staticKey;
    }
    if (!key && kid.isEmpty() && m_keys->jwks.size() == 1) {
        key = m_keys->jwks.begin().value();
    }
    if (!key) {
        const bool haveJwksUrl = m_config.jwksUrl.isValid() && !m_config.jwksUrl.isEmpty();
        const auto missing = m_missingKids.constFind(kid);
        const bool knownMissing = missing != m_missingKids.constEnd() && *missing > nowSeconds;
        if (haveJwksUrl && !knownMissing && mayFetch) {
            return std::nullopt;
        }
        if (!m_configurationError.isEmpty()) {
            return fail(401, u"no_key"_s, m_configurationError);
        }
        if (!m_lastFetchError.isEmpty() && m_keys->jwks.isEmpty()) {
            return fail(401, u"jwks_unavailable"_s, tr("The signing keys are unavailable: %1").arg(m_lastFetchError));
        }
        return fail(401, u"unknown_kid"_s, tr("No signing key has the id \"%1\".").arg(kid));
    }

    const QByteArrayView signingInput(token.constData(), parts.at(0).size() + 1 + parts.at(1).size());
    if (!verifyRs256(key.get(), signingInput, *signature)) {
        return fail(401, u"bad_signature"_s, tr("invalid signature"));
    }
    if (claims.value("iss"_L1).toString() != "Sentinel"_L1) {
        return fail(
            401, u"bad_issuer"_s, tr("The issuer \"%1\" is not \"Sentinel\".").arg(claims.value("iss"_L1).toString()));
    }
    const QJsonValue expValue = claims.value("exp"_L1);
    if (!expValue.isDouble()) {
        return fail(401, u"no_exp"_s, tr("The token has no numeric \"exp\" claim."));
    }
    const auto exp = static_cast<qint64>(expValue.toDouble());
    if (exp <= nowSeconds) {
        return fail(401, u"expired"_s, tr("jwt expired at %1 (now %2)").arg(exp).arg(nowSeconds));
    }
    if (const QJsonValue nbf = claims.value("nbf"_L1);
        nbf.isDouble() && static_cast<qint64>(nbf.toDouble()) > nowSeconds) {
        return fail(
            401, u"not_yet_valid"_s, tr("The token is not valid before %1.").arg(static_cast<qint64>(nbf.toDouble())));
    }
    if (!m_config.accountId.isEmpty()) {
        const QJsonValue aud = claims.value("aud"_L1);
        bool audOk = aud.toString() == m_config.accountId;
        if (aud.isArray()) {
            const QJsonArray audiences = aud.toArray();
            audOk = audiences.contains(QJsonValue(m_config.accountId));
        }
        if (!audOk) {
            return fail(401,
                        u"bad_audience"_s,
                        tr("The audience \"%1\" is not the account \"%2\".")
                            .arg(QString::fromUtf8(QJsonDocument(QJsonArray{aud}).toJson(QJsonDocument::Compact)),
                                 m_config.accountId));
        }
    }

    if (deprecated) {
        ++m_counters.deprecatedScope;
        qCDebug(lcSandbox) << "demo bot: App JWT uses the deprecated scope" << deprecatedScope;
    }
    if (m_tokenCache.size() >= s_tokenCacheLimit) {
        m_tokenCache.removeIf([nowSeconds](const auto &entry) { return entry.value() <= nowSeconds; });
        if (m_tokenCache.size() >= s_tokenCacheLimit) {
            m_tokenCache.clear();
        }
    }
    m_tokenCache.insert(token, exp);
    ++m_counters.verified;
    return Outcome{};
}

void AppJwtVerifier::startJwksFetch()
{
    if (!m_network) {
        m_network = new QNetworkAccessManager(this);
        if (isLoopback(m_config.jwksUrl)) {
            // The sandbox's Sentinel is on loopback; a proxy from the environment must not intercept it.
            m_network->setProxy(QNetworkProxy::NoProxy);
        }
    }
    m_fetching = true;
    ++m_counters.jwksFetches;
    QNetworkRequest request(m_config.jwksUrl);
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(10'000);
    if (m_config.jwksUrl.scheme() == "https"_L1) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(m_config.trustedCas);
        request.setSslConfiguration(tls);
    }
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply] { handleJwksReply(reply); });
}

void AppJwtVerifier::handleJwksReply(QNetworkReply *reply)
{
    reply->deleteLater();
    m_fetching = false;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    QString error;
    QHash<QString, PKey> keys;
    if (reply->error() != QNetworkReply::NoError) {
        error = tr("fetching %1 failed: %2").arg(m_config.jwksUrl.toString(), reply->errorString());
    } else if (status != 200) {
        error = tr("fetching %1 answered HTTP %2").arg(m_config.jwksUrl.toString()).arg(status);
    } else {
        const QByteArray body = reply->read(s_maxJwksBytes + 1);
        const QJsonDocument document = QJsonDocument::fromJson(body);
        const QJsonArray entries = document.object().value("keys"_L1).toArray();
        if (body.size() > s_maxJwksBytes || !document.isObject() || entries.isEmpty()) {
            error = tr("%1 is not a JWKS with keys").arg(m_config.jwksUrl.toString());
        }
        for (const QJsonValue &entry : entries) {
            const QJsonObject jwk = entry.toObject();
            if (jwk.value("kty"_L1).toString() != "RSA"_L1) {
                continue;
            }
            if (jwk.contains("use"_L1) && jwk.value("use"_L1).toString() != "sig"_L1) {
                continue;
            }
            if (jwk.contains("alg"_L1) && jwk.value("alg"_L1).toString() != "RS256"_L1) {
                continue;
            }
            const auto n = base64UrlDecode(jwk.value("n"_L1).toString().toLatin1());
            const auto e = base64UrlDecode(jwk.value("e"_L1).toString().toLatin1());
            if (!n || !e || n->isEmpty() || e->isEmpty()) {
                qCWarning(lcSandbox) << "demo bot: JWKS key with unreadable n/e skipped, kid"
                                     << jwk.value("kid"_L1).toString();
                continue;
            }
            if (PKey key = rsaKeyFromJwk(*n, *e)) {
                keys.insert(jwk.value("kid"_L1).toString(), key);
            }
        }
        if (error.isEmpty() && keys.isEmpty()) {
            error = tr("%1 has no usable RS256 signing key").arg(m_config.jwksUrl.toString());
        }
    }
    if (error.isEmpty()) {
        m_keys->jwks = std::move(keys);
        m_lastFetchError.clear();
        qCDebug(lcSandbox) << "demo bot: JWKS loaded," << m_keys->jwks.size() << "keys";
    } else {
        ++m_counters.jwksFetchFailures;
        m_lastFetchError = error;
        qCWarning(lcSandbox).noquote() << "demo bot:" << error;
    }

    std::vector<Pending> pending;
    pending.swap(m_pending);
    const qint64 nowSeconds = now();
    for (Pending &item : pending) {
        if (!item.context) {
            continue;
        }
        const Outcome outcome = check(item.header, false).value_or(Outcome{});
        if (outcome.code == "unknown_kid"_L1 && error.isEmpty()) {
            // Remember kids the fresh JWKS does not have, so a flood of them causes no fetch storm.
            const QByteArray header = item.header.trimmed();
            const QByteArray token = header.mid(header.indexOf(' ') + 1).trimmed();
            const auto jose = base64UrlDecode(token.left(token.indexOf('.')));
            if (jose) {
                m_missingKids.insert(QJsonDocument::fromJson(*jose).object().value("kid"_L1).toString(),
                                     nowSeconds + s_missingKidMemorySeconds);
            }
        }
        item.done(outcome);
    }
}

const AppJwtVerifier::Counters &AppJwtVerifier::counters() const
{
    return m_counters;
}

void AppJwtVerifier::resetCounters()
{
    m_counters = Counters{};
}

QStringList AppJwtVerifier::knownKeyIds() const
{
    return m_keys->jwks.keys();
}

} // namespace Switchboard::Sandbox
