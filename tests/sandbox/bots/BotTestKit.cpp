// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "BotTestKit.h"

#include "TestSupport.h"

#include <QElapsedTimer>
#include <QHttpServerResponse>
#include <QNetworkProxy>
#include <QNetworkRequest>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <cstdlib>
#include <jwt.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

using namespace Qt::StringLiterals;

namespace Switchboard::Test
{

namespace
{

QByteArray bioToBytes(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, static_cast<qsizetype>(size));
}

QString bnToBase64Url(EVP_PKEY *key, const char *name)
{
    BIGNUM *bn = nullptr;
    if (EVP_PKEY_get_bn_param(key, name, &bn) != 1) {
        return {};
    }
    QByteArray bytes(BN_num_bytes(bn), Qt::Uninitialized);
    BN_bn2bin(bn, reinterpret_cast<unsigned char *>(bytes.data()));
    BN_free(bn);
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

TestRsaKey TestRsaKey::generate(const QString &kid)
{
    TestRsaKey result;
    result.kid = kid;
    EVP_PKEY *key = EVP_RSA_gen(2048);
    if (!key) {
        qFatal("EVP_RSA_gen failed");
    }
    BIO *privateBio = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(privateBio, key, nullptr, nullptr, 0, nullptr, nullptr);
    result.privatePem = bioToBytes(privateBio);
    BIO_free(privateBio);
    BIO *publicBio = BIO_new(BIO_s_mem());
    PEM_write_bio_PUBKEY(publicBio, key);
    result.publicPem = bioToBytes(publicBio);
    BIO_free(publicBio);
    result.jwk = QJsonObject{{"kty"_L1, "RSA"_L1},
                             {"kid"_L1, kid},
                             {"use"_L1, "sig"_L1},
                             {"alg"_L1, "RS256"_L1},
                             {"n"_L1, bnToBase64Url(key, OSSL_PKEY_PARAM_RSA_N)},
                             {"e"_L1, bnToBase64Url(key, OSSL_PKEY_PARAM_RSA_E)}};
    EVP_PKEY_free(key);
    return result;
}

TestTlsIdentity TestTlsIdentity::generate()
{
    EVP_PKEY *key = EVP_RSA_gen(2048);
    X509 *certificate = X509_new();
    X509_set_version(certificate, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(certificate), 4242);
    X509_gmtime_adj(X509_getm_notBefore(certificate), -3600);
    X509_gmtime_adj(X509_getm_notAfter(certificate), 30L * 24 * 3600);
    X509_set_pubkey(certificate, key);
    X509_NAME *name = X509_get_subject_name(certificate);
    X509_NAME_add_entry_by_txt(
        name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char *>("demobots test"), -1, -1, 0);
    X509_set_issuer_name(certificate, name);
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
    for (const auto &[nid, value] : {std::pair{NID_subject_alt_name, "IP:127.0.0.1,DNS:localhost"},
                                     std::pair{NID_basic_constraints, "critical,CA:TRUE"},
                                     std::pair{NID_subject_key_identifier, "hash"}}) {
        X509_EXTENSION *extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value);
        X509_add_ext(certificate, extension, -1);
        X509_EXTENSION_free(extension);
    }
    X509_sign(certificate, key, EVP_sha256());
    BIO *certBio = BIO_new(BIO_s_mem());
    PEM_write_bio_X509(certBio, certificate);
    BIO *keyBio = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(keyBio, key, nullptr, nullptr, 0, nullptr, nullptr);
    TestTlsIdentity identity;
    identity.certificate = QSslCertificate(bioToBytes(certBio), QSsl::Pem);
    identity.key = QSslKey(bioToBytes(keyBio), QSsl::Rsa, QSsl::Pem);
    BIO_free(certBio);
    BIO_free(keyBio);
    X509_free(certificate);
    EVP_PKEY_free(key);
    return identity;
}

QSslConfiguration TestTlsIdentity::serverConfiguration() const
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(certificate);
    configuration.setPrivateKey(key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    return configuration;
}

QByteArray signJwt(const TestRsaKey &key, const QJsonObject &claims, const QString &alg)
{
    jwt_t *jwt = nullptr;
    jwt_new(&jwt);
    const QByteArray algName = alg.toLatin1();
    const jwt_alg_t algorithm = jwt_str_alg(algName.constData());
    QByteArray secret;
    if (algorithm == JWT_ALG_RS256) {
        secret = key.privatePem;
    } else if (algorithm == JWT_ALG_HS256) {
        // The classic confusion attack: the public key used as an HMAC secret.
        secret = key.publicPem;
    }
    if (jwt_set_alg(jwt,
                    algorithm,
                    secret.isEmpty() ? nullptr : reinterpret_cast<const unsigned char *>(secret.constData()),
                    static_cast<int>(secret.size())) != 0) {
        qFatal("jwt_set_alg failed");
    }
    if (!key.kid.isEmpty()) {
        jwt_add_header(jwt, "kid", key.kid.toUtf8().constData());
    }
    jwt_add_grants_json(jwt, QJsonDocument(claims).toJson(QJsonDocument::Compact).constData());
    char *encoded = jwt_encode_str(jwt);
    QByteArray token(encoded ? encoded : "");
    std::free(encoded);
    jwt_free(jwt);
    return token;
}

QJsonObject appJwtClaims(const QString &accountId, qint64 exp)
{
    return QJsonObject{{"iss"_L1, "Sentinel"_L1},
                       {"aud"_L1, accountId},
                       {"azp"_L1, "9f1b2f9c-demo-client"_L1},
                       {"scope"_L1, "thirdpartybots.customendpoint.bot"_L1},
                       {"iat"_L1, exp - 3600},
                       {"exp"_L1, exp}};
}

JwksTestServer::JwksTestServer(const TestTlsIdentity *tls)
{
    m_server.route(u"/sentinel/well-known/jwks"_s, [this]() {
        ++m_fetches;
        return QHttpServerResponse(QJsonObject{{"keys"_L1, m_keys}});
    });
    if (tls) {
        m_server.sslSetup(tls->serverConfiguration());
    }
    const quint16 port = m_server.listen(QHostAddress::LocalHost, 0);
    m_url = QUrl(u"%1://127.0.0.1:%2/sentinel/well-known/jwks"_s.arg(tls ? u"https"_s : u"http"_s).arg(port));
}

void JwksTestServer::setKeys(const QJsonArray &keys)
{
    m_keys = keys;
}

QUrl JwksTestServer::url() const
{
    return m_url;
}

int JwksTestServer::fetches() const
{
    return m_fetches;
}

HttpTestClient::HttpTestClient(const QList<QSslCertificate> &cas)
    : m_cas(cas)
{
    m_network.setProxy(QNetworkProxy::NoProxy);
}

HttpResult HttpTestClient::request(const QByteArray &verb,
                                   const QUrl &url,
                                   const QByteArray &body,
                                   const QList<QPair<QByteArray, QByteArray>> &headers,
                                   int timeoutMs)
{
    QNetworkRequest request(url);
    request.setTransferTimeout(timeoutMs);
    if (!body.isEmpty()) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    }
    for (const auto &[name, value] : headers) {
        request.setRawHeader(name, value);
    }
    if (url.scheme() == "https"_L1) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(m_cas);
        request.setSslConfiguration(tls);
    }
    QElapsedTimer timer;
    timer.start();
    QNetworkReply *reply = m_network.sendCustomRequest(request, verb, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished()) {
        finished.wait(timeoutMs + 5'000);
    }
    HttpResult result;
    result.elapsedMs = timer.elapsed();
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.error = reply->error();
    result.errorString = reply->errorString();
    reply->deleteLater();
    return result;
}

QString validateWithJsonSchema(const QJsonArray &cases, bool *skipped)
{
    static const char script[] = R"PY(
import json, sys, pathlib, warnings
warnings.simplefilter('ignore', DeprecationWarning)
import jsonschema as J
schemas = pathlib.Path(sys.argv[1]) / 'reference' / 'schemas'
spec_path = (schemas / 'custom-endpoint' / 'v1.json').resolve()
spec = json.load(open(spec_path))
# custom-endpoint-v1.md 4.1 and 8: the spec types an item's metadata as an object, while every docs and
# code example sends an array (which the bot sends); accept both here.
for name in ('Text', 'StructuredContent'):
    spec['components']['schemas'][name]['properties']['data']['properties']['metadata'] = {'type': ['object', 'array']}
spec_uri = spec_path.as_uri()
store = {spec_uri: spec}
for sub in ('structured-content', 'ums/infra/metadata'):
    for p in (schemas / sub).rglob('*.json'):
        store[p.resolve().as_uri()] = json.load(open(p))
webhook_path = (pathlib.Path(sys.argv[2]) / 'docs' / 'bot-webhook.schema.json').resolve()
if webhook_path.exists():
    store[webhook_path.as_uri()] = json.load(open(webhook_path))
def validator(kind):
    if kind.startswith('wh:'):
        uri = webhook_path.as_uri()
        resolver = J.RefResolver(uri, store[uri], store=store)
        _, schema = resolver.resolve(uri + '#' + kind[3:])
        return J.Draft4Validator(schema, resolver=resolver)
    if kind.startswith('ce:'):
        resolver = J.RefResolver(spec_uri, spec, store=store)
        _, schema = resolver.resolve(spec_uri + '#' + kind[3:])
        return J.Draft4Validator(schema, resolver=resolver)
    uri = (schemas / kind).resolve().as_uri()
    return J.Draft4Validator(store[uri], resolver=J.RefResolver(uri, store[uri], store=store))
errors = []
cases = json.load(sys.stdin)
for i, case in enumerate(cases):
    for e in validator(case['schema']).iter_errors(case['instance']):
        errors.append('%s: %s: /%s: %s' % (case.get('name', i), case['schema'], '/'.join(map(str, e.absolute_path)), e.message))
print('\n'.join(errors))
print('validated %d instances' % len(cases), file=sys.stderr)
sys.exit(1 if errors else 0)
)PY";
    static const bool available = [] {
        QProcess probe;
        probe.start(u"python3"_s, {u"-c"_s, u"import jsonschema"_s});
        return probe.waitForFinished(30'000) && probe.exitStatus() == QProcess::NormalExit && probe.exitCode() == 0;
    }();
    *skipped = !available;
    if (!available) {
        return {};
    }
    QProcess python;
    python.start(u"python3"_s, {u"-c"_s, QString::fromUtf8(script), sharedDir(), sourceDir()});
    python.write(QJsonDocument(cases).toJson(QJsonDocument::Compact));
    python.closeWriteChannel();
    if (!python.waitForFinished(60'000)) {
        return u"python3 did not finish"_s;
    }
    const QString out = QString::fromUtf8(python.readAllStandardOutput()).trimmed();
    const QString err = QString::fromUtf8(python.readAllStandardError()).trimmed();
    if (python.exitCode() != 0) {
        return out.isEmpty() ? err : out;
    }
    return {};
}

} // namespace Switchboard::Test
