// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SentinelTokenProvider.h"

#include "BotErrors.h"
#include "BotLogging.h"
#include "RetryingRequest.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QUrl>
#include <algorithm>

namespace Switchboard::Bot
{

namespace
{

constexpr qint64 s_defaultLifetimeMs = 5 * 60 * 1000;
constexpr qint64 s_maxMarginMs = 60 * 1000;

} // namespace

SentinelTokenProvider::SentinelTokenProvider(HttpClient *http,
                                             const SentinelConfig &config,
                                             const Clock &clock,
                                             QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_config(config)
    , m_clock(clock)
{
}

SentinelTokenProvider::~SentinelTokenProvider() = default;

qint64 SentinelTokenProvider::jwtExpiry(const QByteArray &jwt)
{
    const QList<QByteArray> parts = jwt.split('.');
    if (parts.size() != 3) {
        return -1;
    }
    const QByteArray payload =
        QByteArray::fromBase64(parts.at(1), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const QJsonDocument doc = QJsonDocument::fromJson(payload);
    const QJsonValue exp = doc.object().value(QLatin1String("exp"));
    // In range before the cast: converting an out-of-range double (1e300) to qint64 is undefined.
    const double seconds = exp.toDouble(-1);
    return exp.isDouble() && seconds >= 0 && seconds < 9.0e15 ? qint64(seconds) : -1;
}

QByteArray SentinelTokenProvider::tokenUrl(const SentinelConfig &config)
{
    QString base = config.sentinelUrl.trimmed();
    if (!base.contains(QLatin1String("://"))) {
        base = QStringLiteral("https://") + base;
    }
    while (base.endsWith(QLatin1Char('/'))) {
        base.chop(1);
    }
    return base.toUtf8() + "/sentinel/api/account/" + QUrl::toPercentEncoding(config.accountId) + "/app/token?v=1.0";
}

bool SentinelTokenProvider::hasValidToken() const
{
    return !m_token.isEmpty() && m_clock.nowMs() < m_refreshAtMs;
}

QByteArray SentinelTokenProvider::cachedToken() const
{
    return m_token;
}

qint64 SentinelTokenProvider::refreshAtMs() const
{
    return m_token.isEmpty() ? 0 : m_refreshAtMs;
}

int SentinelTokenProvider::fetchCount() const
{
    return m_fetchCount;
}

void SentinelTokenProvider::invalidate(const QByteArray &token)
{
    if (!token.isEmpty() && token == m_token) {
        m_token.clear();
        m_refreshAtMs = 0;
    }
}

void SentinelTokenProvider::token(QObject *context, Callback callback)
{
    if (hasValidToken()) {
        const QByteArray token = m_token;
        QPointer<QObject> guard(context);
        const bool hadContext = context != nullptr;
        QTimer::singleShot(0, this, [guard, hadContext, token, callback] {
            if (!hadContext || guard) {
                callback(token, BotError{});
            }
        });
        return;
    }
    m_waiters.append({context, context != nullptr, std::move(callback)});
    if (!m_fetching) {
        fetch();
    }
}

void SentinelTokenProvider::fetch()
{
    if (m_config.sentinelUrl.trimmed().isEmpty() || m_config.accountId.isEmpty() || m_config.clientId.isEmpty() ||
        m_config.clientSecret.isEmpty()) {
        const BotError error = BotErrors::make(
            ErrorCode::TokenError,
            tr("Sentinel host, account id, client id and client secret are all needed for an App JWT."));
        QTimer::singleShot(0, this, [this, error] { finish({}, error); });
        m_fetching = true;
        return;
    }
    m_fetching = true;
    if (!m_http) {
        const BotError error = BotErrors::make(ErrorCode::TokenError, tr("No HTTP client is available for Sentinel."));
        QTimer::singleShot(0, this, [this, error] { finish({}, error); });
        return;
    }
    ++m_fetchCount;
    HttpRequest request;
    request.method = "POST";
    request.url = tokenUrl(m_config);
    request.timeoutMs = m_config.timeoutMs;
    request.headers = {{"Content-Type", "application/x-www-form-urlencoded"}, {"Accept", "application/json"}};
    request.body = "client_id=" + QUrl::toPercentEncoding(m_config.clientId) +
                   "&client_secret=" + QUrl::toPercentEncoding(QString::fromUtf8(m_config.clientSecret)) +
                   "&grant_type=client_credentials";
    const HttpRequest sent = request;
    m_http->send(request, this, [this, sent](const HttpResponse &response) {
        HopRecord hopTemplate;
        hopTemplate.operation = HopOperation::Token;
        HopRecord hop = makeHop(hopTemplate, sent, response, 1, 1);
        QByteArray token;
        BotError error;
        qint64 expiresInS = -1;
        if (!response.transportOk()) {
            error = BotErrors::make(ErrorCode::TokenError,
                                    tr("Sentinel could not be reached: %1").arg(response.errorString));
        } else if (response.status == 401 || response.status == 403 || response.status == 400) {
            error = BotErrors::make(ErrorCode::TokenError,
                                    tr("Sentinel refused the application credentials (HTTP %1).").arg(response.status),
                                    response.status);
        } else if (response.status < 200 || response.status > 299) {
            error = BotErrors::make(
                ErrorCode::TokenError, tr("Sentinel answered HTTP %1.").arg(response.status), response.status);
        } else {
            const QJsonObject answer = QJsonDocument::fromJson(response.body).object();
            token = answer.value(QLatin1String("access_token")).toString().toUtf8();
            const double expiresIn = answer.value(QLatin1String("expires_in")).toDouble(-1);
            if (expiresIn >= 0 && expiresIn < 9.0e15) { // an out-of-range cast would be undefined
                expiresInS = qint64(expiresIn);
            }
            if (token.isEmpty()) {
                error = BotErrors::make(
                    ErrorCode::TokenError, tr("Sentinel's answer has no access_token."), response.status);
            }
        }
        if (!error.isNull()) {
            hop.errorCode = error.code;
            if (hop.outcome == HopOutcome::Success) {
                hop.outcome = HopOutcome::InvalidReply;
            }
        }
        Q_EMIT attemptFinished(hop);
        if (error.isNull()) {
            const qint64 now = m_clock.nowMs();
            const qint64 exp = jwtExpiry(token);
            qint64 expiresAtMs = now + s_defaultLifetimeMs;
            if (exp > 0) {
                expiresAtMs = exp * 1000;
            } else if (expiresInS > 0) {
                expiresAtMs = now + expiresInS * 1000;
            }
            const qint64 lifetime = std::max<qint64>(0, expiresAtMs - now);
            m_refreshAtMs = expiresAtMs - std::min(s_maxMarginMs, lifetime / 5);
            m_token = token;
            qCDebug(lcBot) << "App JWT obtained for account" << m_config.accountId << "valid for" << lifetime / 1000
                           << "s";
        } else {
            qCWarning(lcBot) << "App JWT not obtained for account" << m_config.accountId << ":" << error.code
                             << error.httpStatus;
        }
        finish(token, error);
    });
}

void SentinelTokenProvider::finish(const QByteArray &token, const BotError &error)
{
    m_fetching = false;
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    QPointer<SentinelTokenProvider> alive(this);
    for (const Waiter &w : waiters) {
        if (!alive) {
            return;
        }
        if (!w.hadContext || w.context) {
            w.callback(token, error);
        }
    }
}

} // namespace Switchboard::Bot
