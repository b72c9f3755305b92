// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "LivePersonHttp.h"

#include "LivePersonLogging.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkCookie>
#include <QNetworkCookieJar>
#include <QNetworkRequest>
#include <QPointer>
#include <QRegularExpression>
#include <QSslCertificate>

using namespace Qt::StringLiterals;

namespace Switchboard::LivePerson
{

namespace
{
// lupdate takes a tr() call's context from the scope it is written in: namespace scope here.
QString tr(const char *text)
{
    return QCoreApplication::translate("Switchboard::LivePerson", text);
}

class SessionCookieJar final : public QNetworkCookieJar
{
public:
    using QNetworkCookieJar::QNetworkCookieJar;
    qsizetype countFor(const QUrl &url) const
    {
        return cookiesForUrl(url).size();
    }
};
} // namespace

Result<QSslConfiguration> makeSslConfiguration(const QString &extraCaPemFile)
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (extraCaPemFile.isEmpty()) {
        return configuration;
    }
    QFile file(extraCaPemFile);
    if (!file.open(QIODevice::ReadOnly)) {
        return Result<QSslConfiguration>::failure(
            u"liveperson.config.ca_file"_s,
            tr("Cannot read the CA file \"%1\": %2.").arg(extraCaPemFile, file.errorString()));
    }
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
    if (certificates.isEmpty()) {
        return Result<QSslConfiguration>::failure(
            u"liveperson.config.ca_file"_s, tr("The CA file \"%1\" holds no PEM certificate.").arg(extraCaPemFile));
    }
    configuration.addCaCertificates(certificates);
    return configuration;
}

Result<Success> validateHost(const QString &host)
{
    // host[:port] with no scheme or path (reference §0); IPv6 literals in brackets are allowed.
    static const QRegularExpression pattern(
        u"^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*"
        u"|\\[[0-9A-Fa-f:.]+\\])(?::([0-9]{1,5}))?$"_s);
    const QRegularExpressionMatch match = pattern.match(host);
    if (host.isEmpty() || host.size() > 260 || !match.hasMatch()) {
        return Result<Success>::failure(u"liveperson.config.host"_s,
                                        tr("\"%1\" is not a host name with an optional port.").arg(host.left(80)));
    }
    if (match.hasCaptured(1)) {
        const int port = match.captured(1).toInt();
        if (port < 1 || port > 65535) {
            return Result<Success>::failure(u"liveperson.config.host"_s,
                                            tr("\"%1\" has an invalid port.").arg(host.left(80)));
        }
    }
    return Success{};
}

QUrl serviceUrl(const QString &scheme, const QString &host, const QString &path, const QString &query)
{
    QUrl url(scheme + u"://"_s + host);
    url.setPath(path, QUrl::TolerantMode);
    if (!query.isEmpty()) {
        url.setQuery(query);
    }
    return url;
}

ApiError errorFromResponse(const HttpResponse &response, const QString &what)
{
    ApiError error;
    error.status = response.status;
    error.retryAfter = response.retryAfter;
    if (!response.body.isEmpty()) {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(response.body, &parseError);
        if (parseError.error == QJsonParseError::NoError && !document.isNull()) {
            error.body = document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
            const QJsonValue internal = document.object().value(u"error"_s).toObject().value(u"internalCode"_s);
            if (internal.isDouble()) {
                error.internalCode = QString::number(internal.toInteger());
            } else if (internal.isString()) {
                error.internalCode = internal.toString();
            }
        } else {
            error.body = QString::fromUtf8(response.body.left(4096));
        }
    }
    if (response.networkError == QNetworkReply::SslHandshakeFailedError || !response.sslErrors.isEmpty()) {
        error.kind = ApiErrorKind::Tls;
        QStringList reasons;
        for (const QSslError &sslError : response.sslErrors) {
            reasons.append(sslError.errorString());
        }
        error.message =
            tr("%1: the TLS certificate was rejected (%2). Add the server's CA instead of disabling checks.")
                .arg(what, reasons.isEmpty() ? response.errorString : reasons.join(u"; "_s));
        return error;
    }
    if (response.status == 0) {
        error.kind = response.networkError == QNetworkReply::OperationCanceledError ? ApiErrorKind::Cancelled
                                                                                    : ApiErrorKind::Network;
        if (response.networkError == QNetworkReply::TimeoutError) {
            error.kind = ApiErrorKind::Network;
        }
        error.message = tr("%1: no answer from the server (%2).").arg(what, response.errorString);
        return error;
    }
    error.kind = ApiErrorKind::Http;
    error.message =
        error.internalCode.isEmpty()
            ? tr("%1 failed with HTTP %2.").arg(what).arg(response.status)
            : tr("%1 failed with HTTP %2 (internal code %3).").arg(what).arg(response.status).arg(error.internalCode);
    return error;
}

LivePersonHttp::LivePersonHttp(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
    , m_ssl(QSslConfiguration::defaultConfiguration())
{
    m_network->setCookieJar(new SessionCookieJar(m_network));
    m_network->setAutoDeleteReplies(false);
}

LivePersonHttp::~LivePersonHttp() = default;

void LivePersonHttp::setSslConfiguration(const QSslConfiguration &configuration)
{
    m_ssl = configuration;
}

QSslConfiguration LivePersonHttp::sslConfiguration() const
{
    return m_ssl;
}

void LivePersonHttp::setTransferTimeout(std::chrono::milliseconds timeout)
{
    m_transferTimeout = timeout;
}

void LivePersonHttp::resetCookies()
{
    // The manager takes ownership of the new jar and deletes the old one.
    m_network->setCookieJar(new SessionCookieJar(m_network));
}

qsizetype LivePersonHttp::cookieCount(const QUrl &url) const
{
    const auto *jar = static_cast<const SessionCookieJar *>(m_network->cookieJar());
    return jar->countFor(url);
}

void LivePersonHttp::get(const QUrl &url, const Headers &headers, QObject *context, Callback callback)
{
    send("GET", url, {}, headers, context, std::move(callback));
}

void LivePersonHttp::postJson(
    const QUrl &url, const QJsonDocument &body, const Headers &headers, QObject *context, Callback callback)
{
    send("POST", url, body.toJson(QJsonDocument::Compact), headers, context, std::move(callback));
}

void LivePersonHttp::send(const QByteArray &verb,
                          const QUrl &url,
                          const QByteArray &body,
                          const Headers &headers,
                          QObject *context,
                          Callback callback)
{
    QNetworkRequest request(url);
    request.setSslConfiguration(m_ssl);
    request.setTransferTimeout(static_cast<int>(m_transferTimeout.count()));
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArray("Switchboard/" SWITCHBOARD_VERSION));
    request.setRawHeader("Accept", "application/json");
    if (verb == "POST") {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    }
    for (const auto &header : headers) {
        request.setRawHeader(header.first, header.second);
    }
    QNetworkReply *reply = verb == "GET" ? m_network->get(request) : m_network->post(request, body);
    auto sslErrors = std::make_shared<QList<QSslError>>();
    // Recorded for the error message only; never ignored.
    connect(
        reply, &QNetworkReply::sslErrors, reply, [sslErrors](const QList<QSslError> &errors) { *sslErrors = errors; });
    QPointer<QObject> guard(context);
    connect(reply, &QNetworkReply::finished, this, [reply, guard, sslErrors, callback = std::move(callback)] {
        reply->deleteLater();
        HttpResponse response;
        response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        response.body = reply->readAll();
        response.networkError = reply->error();
        response.errorString = reply->errorString();
        response.sslErrors = *sslErrors;
        bool ok = false;
        const qint64 retryAfter = reply->rawHeader("Retry-After").trimmed().toLongLong(&ok);
        if (ok && retryAfter > 0) {
            response.retryAfter = std::chrono::seconds(std::min<qint64>(retryAfter, 24 * 3600));
        }
        qCDebug(lcLivePerson) << "HTTP" << reply->operation() << reply->url().path() << "→" << response.status
                              << response.networkError << response.body.size() << "bytes";
        if (guard) {
            callback(response);
        }
    });
}

} // namespace Switchboard::LivePerson
