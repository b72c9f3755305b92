// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "WebhookSignature.h"

#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QString>
#include <openssl/crypto.h>

namespace Switchboard::Bot
{

QByteArray WebhookSignature::sign(const QByteArray &secret, const QByteArray &timestamp, const QByteArray &body)
{
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, secret);
    mac.addData(timestamp);
    mac.addData(".", 1);
    mac.addData(body);
    return QByteArrayLiteral("sha256=") + mac.result().toHex();
}

bool WebhookSignature::verify(const QByteArray &secret,
                              const QByteArray &timestamp,
                              const QByteArray &body,
                              const QByteArray &header)
{
    return constantTimeEquals(sign(secret, timestamp, body), header.trimmed().toLower());
}

bool WebhookSignature::constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size()) {
        return false;
    }
    if (a.isEmpty()) {
        return true;
    }
    return CRYPTO_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

QByteArray WebhookSignature::randomToken(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    for (char &c : raw) {
        c = char(QRandomGenerator::system()->generate() & 0xff);
    }
    return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

} // namespace Switchboard::Bot
