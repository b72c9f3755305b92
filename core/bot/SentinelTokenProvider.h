// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "BotTypes.h"
#include "HttpClient.h"
#include "util/Clock.h"

#include <QObject>
#include <QPointer>
#include <functional>

namespace Switchboard::Bot
{

/** Where and how to get an App JWT. The secret comes from the caller (the keychain). */
struct SentinelConfig
{
    /**
     * Scheme, host and port of Sentinel as CSDS names it (`https://va.sentinel.liveperson.net`;
     * a bare host means https).
     */
    QString sentinelUrl;
    QString accountId;
    QString clientId;
    QByteArray clientSecret;
    int timeoutMs = 30000;
};

/**
 * Obtains the App JWT for a Conversational Cloud application from Sentinel (OAuth 2.0 client
 * credentials: `POST {sentinel}/sentinel/api/account/{account}/app/token?v=1.0`, form body
 * client_id, client_secret, grant_type=client_credentials) and caches it until shortly before
 * it expires: the JWT's `exp` (read from its payload; the signature is the bot's business), else
 * `expires_in`, else 5 minutes. The margin is 60 s, or a fifth of the lifetime if that is
 * shorter. Concurrent requests for a token share one Sentinel call. invalidate() drops a token
 * a bot rejected (401), so the next request fetches a new one.
 *
 * Neither the secret nor tokens are logged. Thread: the session's thread, like its HttpClient.
 */
class SentinelTokenProvider final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SentinelTokenProvider)

public:
    /** The token, or the reason there is none (code bot.token_error). */
    using Callback = std::function<void(const QByteArray &token, const BotError &error)>;

    SentinelTokenProvider(HttpClient *http,
                          const SentinelConfig &config,
                          const Clock &clock = Clock::system(),
                          QObject *parent = nullptr);
    ~SentinelTokenProvider() override;

    /** Calls back (never synchronously) with a valid token, fetching one if needed. */
    void token(QObject *context, Callback callback);
    /** Forgets `token` if it is the cached one (a bot rejected it). */
    void invalidate(const QByteArray &token);
    /** A cached token is valid now. */
    bool hasValidToken() const;
    /** The cached token (check hasValidToken() first); never logged. */
    QByteArray cachedToken() const;
    /** When the cached token stops being used (ms since the epoch), or 0. */
    qint64 refreshAtMs() const;
    /** Sentinel calls made (for tests and diagnostics). */
    int fetchCount() const;

    /** The `exp` claim of a JWT (seconds since the epoch), or -1 if unreadable. */
    static qint64 jwtExpiry(const QByteArray &jwt);
    /** The token URL for a config (v1 path). */
    static QByteArray tokenUrl(const SentinelConfig &config);

Q_SIGNALS:
    /** One Sentinel call finished (no bodies are recorded). */
    void attemptFinished(const Switchboard::Bot::HopRecord &hop);

private:
    void fetch();
    void finish(const QByteArray &token, const BotError &error);

    QPointer<HttpClient> m_http;
    SentinelConfig m_config;
    const Clock &m_clock;
    QByteArray m_token;
    qint64 m_refreshAtMs = 0;
    bool m_fetching = false;
    int m_fetchCount = 0;
    struct Waiter
    {
        QPointer<QObject> context;
        bool hadContext = false;
        Callback callback;
    };
    QList<Waiter> m_waiters;
};

} // namespace Switchboard::Bot
