// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "LoginClient.h"

#include "LivePersonHttp.h"
#include "LivePersonLogging.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaObject>
#include <QPointer>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Switchboard::LivePerson
{

namespace
{
// lupdate takes a tr() call's context from the scope it is written in: AgentCredentials' members.
QString tr(const char *text)
{
    return QCoreApplication::translate("Switchboard::LivePerson::AgentCredentials", text);
}

template <typename T>
void deliverLater(QObject *context, std::function<void(const ApiResult<T> &)> callback, ApiResult<T> result)
{
    QMetaObject::invokeMethod(
        context,
        [callback = std::move(callback), result = std::move(result)] { callback(result); },
        Qt::QueuedConnection);
}

ApiError configError(const Error &error)
{
    ApiError out;
    out.kind = ApiErrorKind::Config;
    out.message = error.message;
    return out;
}

QString idValue(const QJsonValue &value)
{
    if (value.isString()) {
        return value.toString();
    }
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (std::isfinite(d) && d == std::trunc(d) && d >= 0 && d <= 9007199254740992.0) {
            return QString::number(static_cast<qint64>(d));
        }
    }
    return {};
}
} // namespace

Result<Success> AgentCredentials::validate() const
{
    if (loginName.isEmpty()) {
        return Result<Success>::failure(u"liveperson.config.credentials"_s, tr("The agent login name is empty."));
    }
    if (password.isEmpty() && (appKey.isEmpty() || secret.isEmpty())) {
        return Result<Success>::failure(
            u"liveperson.config.credentials"_s,
            tr("Agent \"%1\" has neither a password nor an application key and secret.").arg(loginName));
    }
    return Success{};
}

Result<LoginSession> parseLoginResponse(const QByteArray &body, const QString &accountId)
{
    auto failure = [](const QString &reason) {
        return Result<LoginSession>::failure(u"liveperson.protocol"_s, reason);
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return failure(u"the login answer is not a JSON object"_s);
    }
    const QJsonObject object = document.object();
    LoginSession session;
    const QJsonValue bearer = object.value(u"bearer"_s);
    if (!bearer.isString() || bearer.toString().isEmpty()) {
        return failure(u"bearer: missing string"_s);
    }
    session.bearer = bearer.toString();
    const QJsonValue csrf = object.value(u"csrf"_s);
    if (!csrf.isUndefined() && !csrf.isNull()) {
        if (!csrf.isString()) {
            return failure(u"csrf: expected a string"_s);
        }
        session.csrf = csrf.toString();
    }
    const QJsonValue config = object.value(u"config"_s);
    if (!config.isObject()) {
        return failure(u"config: missing object"_s);
    }
    const QJsonObject configObject = config.toObject();
    // The SDK refuses a login without config.userId (reference §2).
    session.userId = idValue(configObject.value(u"userId"_s));
    if (session.userId.isEmpty()) {
        return failure(u"config.userId: missing"_s);
    }
    const QJsonValue pid = configObject.value(u"userPid"_s);
    if (!pid.isUndefined() && !pid.isNull()) {
        if (!pid.isString()) {
            return failure(u"config.userPid: expected a string"_s);
        }
        session.userPid = pid.toString();
    }
    const QJsonValue loginName = configObject.value(u"loginName"_s);
    if (loginName.isString()) {
        session.loginName = loginName.toString();
    }
    const QJsonValue ttl = object.value(u"sessionTTl"_s);
    if (!ttl.isUndefined() && !ttl.isNull()) {
        const QString ttlText = idValue(ttl);
        bool ok = false;
        session.sessionTtlMs = ttlText.toLongLong(&ok);
        if (!ok) {
            return failure(u"sessionTTl: expected milliseconds"_s);
        }
    }
    const QJsonValue collection = object.value(u"csdsCollectionResponse"_s);
    if (!collection.isUndefined() && !collection.isNull()) {
        const auto domains = parseCsdsResponse(collection, accountId);
        if (!domains) {
            return failure(u"csdsCollectionResponse: "_s + domains.error().message);
        }
        session.domains = *domains;
    }
    return session;
}

LoginClient::LoginClient(LivePersonHttp *http, QObject *parent)
    : QObject(parent)
    , m_http(http)
{
}

LoginClient::~LoginClient() = default;

void LoginClient::login(const QString &agentVepHost,
                        const QString &accountId,
                        const AgentCredentials &credentials,
                        QObject *context,
                        LoginCallback callback)
{
    const auto validCredentials = credentials.validate();
    if (!validCredentials) {
        deliverLater<LoginSession>(context, std::move(callback), configError(validCredentials.error()));
        return;
    }
    const auto validHost = validateHost(agentVepHost);
    if (!validHost) {
        deliverLater<LoginSession>(context, std::move(callback), configError(validHost.error()));
        return;
    }
    QJsonObject body{{u"username"_s, credentials.loginName}};
    if (credentials.usesPassword()) {
        body.insert(u"password"_s, credentials.password);
    } else {
        body.insert(u"appKey"_s, credentials.appKey);
        body.insert(u"secret"_s, credentials.secret);
        body.insert(u"accessToken"_s, credentials.accessToken);
        body.insert(u"accessTokenSecret"_s, credentials.accessTokenSecret);
    }
    m_http->resetCookies();
    const QUrl url = serviceUrl(u"https"_s, agentVepHost, u"/api/account/"_s + accountId + u"/login"_s, u"v=1.3"_s);
    qCInfo(lcLivePerson) << "Logging in agent" << credentials.loginName << "to account" << accountId
                         << (credentials.usesPassword() ? "with a password" : "with application keys");
    QPointer<QObject> guard(context);
    m_http->postJson(url,
                     QJsonDocument(body),
                     {},
                     this,
                     [guard, accountId, callback = std::move(callback)](const HttpResponse &response) {
                         if (!guard) {
                             return;
                         }
                         if (!response.isSuccess()) {
                             const ApiError error = errorFromResponse(response, tr("Login"));
                             qCWarning(lcLivePerson) << "Login failed:" << ApiError::kindName(error.kind)
                                                     << error.status << error.internalCode;
                             callback(error);
                             return;
                         }
                         const auto session = parseLoginResponse(response.body, accountId);
                         if (!session) {
                             ApiError error;
                             error.kind = ApiErrorKind::Protocol;
                             error.status = response.status;
                             error.message = tr("The login answer is malformed: %1.").arg(session.error().message);
                             qCWarning(lcLivePerson) << "Login answer malformed:" << session.error().message;
                             callback(error);
                             return;
                         }
                         qCInfo(lcLivePerson)
                             << "Logged in as user" << session->userId << (session->csrf.isEmpty() ? "(no csrf)" : "");
                         callback(*session);
                     });
}

void LoginClient::refresh(const QString &agentVepHost,
                          const QString &accountId,
                          const LoginSession &session,
                          QObject *context,
                          DoneCallback callback)
{
    postCsrf(tr("Session refresh"), agentVepHost, accountId, u"refresh"_s, session, context, std::move(callback));
}

void LoginClient::logout(const QString &agentVepHost,
                         const QString &accountId,
                         const LoginSession &session,
                         QObject *context,
                         DoneCallback callback)
{
    postCsrf(tr("Logout"), agentVepHost, accountId, u"logout"_s, session, context, std::move(callback));
}

void LoginClient::postCsrf(const QString &what,
                           const QString &agentVepHost,
                           const QString &accountId,
                           const QString &operation,
                           const LoginSession &session,
                           QObject *context,
                           DoneCallback callback)
{
    const auto validHost = validateHost(agentVepHost);
    if (!validHost) {
        deliverLater<Success>(context, std::move(callback), configError(validHost.error()));
        return;
    }
    if (session.csrf.isEmpty()) {
        ApiError error;
        error.kind = ApiErrorKind::Config;
        error.message = tr("%1 needs the csrf value of the login answer, which was absent.").arg(what);
        deliverLater<Success>(context, std::move(callback), error);
        return;
    }
    const QUrl url =
        serviceUrl(u"https"_s, agentVepHost, u"/api/account/"_s + accountId + u'/' + operation, u"v=1.3"_s);
    QPointer<QObject> guard(context);
    m_http->postJson(url,
                     QJsonDocument(QJsonObject{{u"csrf"_s, session.csrf}}),
                     {},
                     this,
                     [guard, what, operation, callback = std::move(callback)](const HttpResponse &response) {
                         if (!guard) {
                             return;
                         }
                         if (!response.isSuccess()) {
                             const ApiError error = errorFromResponse(response, what);
                             qCWarning(lcLivePerson) << operation << "failed:" << ApiError::kindName(error.kind)
                                                     << error.status << error.internalCode;
                             callback(error);
                             return;
                         }
                         qCDebug(lcLivePerson) << operation << "succeeded";
                         callback(Success{});
                     });
}

} // namespace Switchboard::LivePerson
