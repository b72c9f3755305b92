// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CertificateAuthority.h"

#include "SandboxLogging.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QMutex>
#include <QSslCertificate>
#include <QSslKey>
#include <memory>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <optional>

namespace Switchboard::Sandbox
{

namespace
{
struct Deleter
{
    void operator()(EVP_PKEY *p) const
    {
        EVP_PKEY_free(p);
    }
    void operator()(X509 *p) const
    {
        X509_free(p);
    }
    void operator()(BIO *p) const
    {
        BIO_free(p);
    }
    void operator()(X509_NAME *p) const
    {
        X509_NAME_free(p);
    }
    void operator()(X509_EXTENSION *p) const
    {
        X509_EXTENSION_free(p);
    }
    void operator()(BIGNUM *p) const
    {
        BN_free(p);
    }
};
template <typename T> using Owned = std::unique_ptr<T, Deleter>;

Error cryptoError(const char *what)
{
    return Error{
        QStringLiteral("sandbox.crypto"),
        QCoreApplication::translate("Sandbox", "Could not create the sandbox's keys (%1).").arg(QLatin1String(what))};
}

QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, static_cast<qsizetype>(size));
}

bool addExtension(X509 *cert, X509 *issuer, int nid, const char *value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    Owned<X509_EXTENSION> ext(X509V3_EXT_nconf_nid(nullptr, &ctx, nid, value));
    return ext && X509_add_ext(cert, ext.get(), -1) == 1;
}

Owned<X509> makeCertificate(EVP_PKEY *subjectKey, const char *commonName, X509 *issuer, EVP_PKEY *issuerKey, bool isCa)
{
    Owned<X509> cert(X509_new());
    if (!cert) {
        return {};
    }
    X509_set_version(cert.get(), X509_VERSION_3);
    unsigned char serial[16];
    RAND_bytes(serial, sizeof serial);
    serial[0] &= 0x7f;
    Owned<BIGNUM> bn(BN_bin2bn(serial, sizeof serial, nullptr));
    BN_to_ASN1_INTEGER(bn.get(), X509_get_serialNumber(cert.get()));
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 60L * 60 * 24 * 825);
    X509_set_pubkey(cert.get(), subjectKey);
    X509_NAME *name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(
        name, "O", MBSTRING_ASC, reinterpret_cast<const unsigned char *>("Switchboard Sandbox"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(
        name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char *>(commonName), -1, -1, 0);
    X509 *issuerCert = issuer ? issuer : cert.get();
    X509_set_issuer_name(cert.get(), X509_get_subject_name(issuerCert));
    bool ok = true;
    if (isCa) {
        ok = ok && addExtension(cert.get(), issuerCert, NID_basic_constraints, "critical,CA:TRUE,pathlen:0");
        ok = ok && addExtension(cert.get(), issuerCert, NID_key_usage, "critical,keyCertSign,cRLSign");
        ok = ok && addExtension(cert.get(), issuerCert, NID_subject_key_identifier, "hash");
    } else {
        ok = ok && addExtension(cert.get(), issuerCert, NID_basic_constraints, "critical,CA:FALSE");
        ok = ok && addExtension(cert.get(), issuerCert, NID_key_usage, "critical,digitalSignature,keyAgreement");
        ok = ok && addExtension(cert.get(), issuerCert, NID_ext_key_usage, "serverAuth");
        ok = ok && addExtension(cert.get(), issuerCert, NID_subject_alt_name, "IP:127.0.0.1,DNS:localhost");
        ok = ok && addExtension(cert.get(), issuerCert, NID_subject_key_identifier, "hash");
        ok = ok && addExtension(cert.get(), issuerCert, NID_authority_key_identifier, "keyid:always");
    }
    if (!ok || X509_sign(cert.get(), issuerKey, EVP_sha256()) <= 0) {
        return {};
    }
    return cert;
}

QByteArray certPem(X509 *cert)
{
    Owned<BIO> bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509(bio.get(), cert);
    return bioBytes(bio.get());
}

QByteArray keyPem(EVP_PKEY *key)
{
    Owned<BIO> bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr);
    return bioBytes(bio.get());
}

std::optional<Error> generate(QByteArray &caPem, QByteArray &serverPem, QByteArray &serverKeyPem)
{
    Owned<EVP_PKEY> caKey(EVP_EC_gen("P-256"));
    Owned<EVP_PKEY> serverKey(EVP_EC_gen("P-256"));
    if (!caKey || !serverKey) {
        return cryptoError("EC key generation");
    }
    Owned<X509> ca = makeCertificate(caKey.get(), "Switchboard Sandbox CA", nullptr, caKey.get(), true);
    if (!ca) {
        return cryptoError("CA certificate");
    }
    Owned<X509> server = makeCertificate(serverKey.get(), "localhost", ca.get(), caKey.get(), false);
    if (!server) {
        return cryptoError("server certificate");
    }
    caPem = certPem(ca.get());
    serverPem = certPem(server.get());
    serverKeyPem = keyPem(serverKey.get());
    return std::nullopt;
}

QByteArray base64Url(const BIGNUM *bn)
{
    QByteArray raw(BN_num_bytes(bn), Qt::Uninitialized);
    BN_bn2bin(bn, reinterpret_cast<unsigned char *>(raw.data()));
    return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}
} // namespace

Result<CertificateAuthority> CertificateAuthority::create()
{
    static QMutex mutex;
    static std::optional<CertificateAuthority> cached;
    QMutexLocker lock(&mutex);
    if (cached) {
        return *cached;
    }
    CertificateAuthority ca;
    if (const std::optional<Error> failed = generate(ca.m_caPem, ca.m_serverPem, ca.m_serverKeyPem)) {
        return *failed;
    }
    cached = ca;
    return ca;
}

Result<QString> CertificateAuthority::writeCaFile(const QString &directory) const
{
    if (!QDir().mkpath(directory)) {
        return Error{
            QStringLiteral("sandbox.io"),
            QCoreApplication::translate("Sandbox", "Cannot create the state directory \"%1\".").arg(directory)};
    }
    const QString path = QDir(directory).absoluteFilePath(QStringLiteral("sandbox-ca.pem"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(m_caPem) != m_caPem.size()) {
        return Error{QStringLiteral("sandbox.io"),
                     QCoreApplication::translate("Sandbox", "Cannot write the CA file \"%1\": %2")
                         .arg(path, file.errorString())};
    }
    return path;
}

QSslConfiguration CertificateAuthority::serverConfiguration() const
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificate(QSslCertificate(m_serverPem, QSsl::Pem));
    config.setPrivateKey(QSslKey(m_serverKeyPem, QSsl::Ec, QSsl::Pem));
    config.setLocalCertificateChain({QSslCertificate(m_serverPem, QSsl::Pem), QSslCertificate(m_caPem, QSsl::Pem)});
    config.setPeerVerifyMode(QSslSocket::VerifyNone); // the server does not ask clients for certificates
    return config;
}

QSslConfiguration CertificateAuthority::clientConfiguration() const
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    QList<QSslCertificate> cas = config.caCertificates();
    cas.append(QSslCertificate(m_caPem, QSsl::Pem));
    config.setCaCertificates(cas);
    return config;
}

Result<RsaSigningKey> RsaSigningKey::processKey()
{
    static QMutex mutex;
    static std::optional<RsaSigningKey> cached;
    QMutexLocker lock(&mutex);
    if (cached) {
        return *cached;
    }
    Owned<EVP_PKEY> key(EVP_RSA_gen(2048));
    if (!key) {
        return cryptoError("RSA key generation");
    }
    BIGNUM *n = nullptr;
    BIGNUM *e = nullptr;
    if (EVP_PKEY_get_bn_param(key.get(), OSSL_PKEY_PARAM_RSA_N, &n) != 1 ||
        EVP_PKEY_get_bn_param(key.get(), OSSL_PKEY_PARAM_RSA_E, &e) != 1) {
        BN_free(n);
        BN_free(e);
        return cryptoError("RSA parameters");
    }
    Owned<BIGNUM> nOwned(n);
    Owned<BIGNUM> eOwned(e);
    RsaSigningKey result;
    result.privatePem = keyPem(key.get());
    {
        Owned<BIO> bio(BIO_new(BIO_s_mem()));
        PEM_write_bio_PUBKEY(bio.get(), key.get());
        result.publicPem = bioBytes(bio.get());
    }
    result.modulusB64Url = base64Url(n);
    result.exponentB64Url = base64Url(e);
    result.keyId =
        QString::fromLatin1(QCryptographicHash::hash(result.publicPem, QCryptographicHash::Sha256).toHex().left(16));
    cached = result;
    return result;
}

} // namespace Switchboard::Sandbox
