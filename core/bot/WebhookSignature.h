// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

namespace Switchboard::Bot
{

/**
 * The webhook protocol's request signature (docs/bot-webhook.md §2):
 * `X-Switchboard-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>`, and the
 * constant-time comparison used for signatures and callback tokens (OpenSSL's CRYPTO_memcmp).
 * Stateless; thread-safe.
 */
class WebhookSignature final
{
public:
    WebhookSignature() = delete;

    /** "sha256=" + lower-case hex of the HMAC. */
    static QByteArray sign(const QByteArray &secret, const QByteArray &timestamp, const QByteArray &body);
    /** Whether `header` is the right signature for timestamp and body (constant time). */
    static bool
    verify(const QByteArray &secret, const QByteArray &timestamp, const QByteArray &body, const QByteArray &header);
    /** Equality in time that depends only on the lengths, never on the contents. */
    static bool constantTimeEquals(const QByteArray &a, const QByteArray &b);
    /** A random URL-safe token of `bytes` random bytes (for callback tokens and secrets). */
    static QByteArray randomToken(int bytes = 32);
};

} // namespace Switchboard::Bot
