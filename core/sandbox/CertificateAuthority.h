// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QSslConfiguration>
#include <QString>

namespace Switchboard::Sandbox
{

/**
 * The sandbox's own certificate authority: an EC P-256 CA and a server certificate for
 * 127.0.0.1/localhost (subjectAltName IP:127.0.0.1, DNS:localhost) signed by it, generated
 * in-process with OpenSSL 3. Clients trust the sandbox by adding caPem() (or the file written by
 * writeCaFile()) to their trust store; nothing turns verification off.
 *
 * Generation takes a few milliseconds; the material is cached per process (create() returns the
 * same CA every time), so tests that start many emulators stay fast. A plain value, thread-safe
 * to copy.
 */
class CertificateAuthority final
{
public:
    /** The process-wide CA (generated on first use). */
    static Result<CertificateAuthority> create();

    QByteArray caPem() const
    {
        return m_caPem;
    }
    QByteArray serverCertificatePem() const
    {
        return m_serverPem;
    }
    /** Writes the CA as PEM to @p directory/sandbox-ca.pem and returns the path. */
    Result<QString> writeCaFile(const QString &directory) const;
    /** Server-side configuration: the server certificate, its key and the CA chain. */
    QSslConfiguration serverConfiguration() const;
    /** Client-side configuration that trusts this CA (verification stays on). */
    QSslConfiguration clientConfiguration() const;

private:
    QByteArray m_caPem;
    QByteArray m_serverPem;
    QByteArray m_serverKeyPem;
};

/**
 * An RSA-2048 key for RS256 signatures (Sentinel's App JWTs), generated once per process.
 * Exposes the PEM forms and the JWK parameters (base64url n and e) and a stable key id.
 */
struct RsaSigningKey
{
    QByteArray privatePem;
    QByteArray publicPem;
    QByteArray modulusB64Url;
    QByteArray exponentB64Url;
    QString keyId;

    static Result<RsaSigningKey> processKey();
};

} // namespace Switchboard::Sandbox
