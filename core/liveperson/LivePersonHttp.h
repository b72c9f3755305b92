// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "liveperson/ApiError.h"
#include "util/Result.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QList>
#include <QNetworkReply>
#include <QObject>
#include <QPair>
#include <QSslConfiguration>
#include <QSslError>
#include <QUrl>
#include <chrono>
#include <functional>

class QNetworkAccessManager;

namespace Switchboard::LivePerson
{

/**
 * TLS settings for every LivePerson connection: the system CAs plus, optionally, the CAs of
 * one PEM file (the sandbox's CA). Verification is always on; nothing here ignores SSL errors.
 */
Result<QSslConfiguration> makeSslConfiguration(const QString &extraCaPemFile);

/** Validates a "host[:port]" as CSDS returns them (no scheme, no path). */
Result<Success> validateHost(const QString &host);

/** https://{host}{path}?{query} — `host` must have passed validateHost(). */
QUrl serviceUrl(const QString &scheme, const QString &host, const QString &path, const QString &query = {});

/** One HTTP exchange's outcome. */
struct HttpResponse
{
    /** HTTP status; 0 when no response arrived. */
    int status = 0;
    QByteArray body;
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QString errorString;
    QList<QSslError> sslErrors;
    std::chrono::milliseconds retryAfter{0};

    bool isSuccess() const
    {
        return status >= 200 && status <= 299;
    }
};

/**
 * The ApiError for a failed exchange: Tls for certificate failures, Network when no response
 * came, Http otherwise (with `error.internalCode` and the body when the server sent JSON).
 * `what` names the call in the operator message, e.g. "Login".
 */
ApiError errorFromResponse(const HttpResponse &response, const QString &what);

/**
 * A small JSON-over-HTTPS client for the LivePerson REST services, one per agent session: it owns
 * a QNetworkAccessManager with its own cookie jar (the Login Service's Session_id cookie lives
 * there), applies the session's TLS configuration to every request, and sets a transfer timeout.
 *
 * Threads: lives on its creator's thread; callbacks run there, bound to a context object (a
 * callback is dropped when its context is destroyed before the reply). Bodies are never logged.
 */
class LivePersonHttp final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LivePersonHttp)

public:
    using Callback = std::function<void(const HttpResponse &)>;
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    explicit LivePersonHttp(QObject *parent = nullptr);
    ~LivePersonHttp() override;

    void setSslConfiguration(const QSslConfiguration &configuration);
    QSslConfiguration sslConfiguration() const;
    void setTransferTimeout(std::chrono::milliseconds timeout);
    /** Drops every cookie (a new login starts a new session). */
    void resetCookies();
    /** Number of cookies held for `url` (tests check the Session_id cookie this way). */
    qsizetype cookieCount(const QUrl &url) const;

    void get(const QUrl &url, const Headers &headers, QObject *context, Callback callback);
    void
    postJson(const QUrl &url, const QJsonDocument &body, const Headers &headers, QObject *context, Callback callback);

private:
    void send(const QByteArray &verb,
              const QUrl &url,
              const QByteArray &body,
              const Headers &headers,
              QObject *context,
              Callback callback);

    QNetworkAccessManager *m_network = nullptr;
    QSslConfiguration m_ssl;
    std::chrono::milliseconds m_transferTimeout{30000};
};

} // namespace Switchboard::LivePerson
