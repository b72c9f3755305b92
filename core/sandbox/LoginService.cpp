// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "LoginService.h"

#include "DomainApi.h"
#include "HttpServer.h"
#include "SandboxLogging.h"
#include "StateModel.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTimeZone>

namespace Switchboard::Sandbox
{

namespace
{
QString hexToken(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->generate(raw.begin(), raw.end());
    return QString::fromLatin1(raw.toHex());
}

// Constant-time comparison for credentials and CSRF values.
bool sameSecret(const QString &a, const QString &b)
{
    const QByteArray x = a.toUtf8();
    const QByteArray y = b.toUtf8();
    unsigned char diff = x.size() == y.size() ? 0 : 1;
    const qsizetype n = std::min(x.size(), y.size());
    for (qsizetype i = 0; i < n; ++i) {
        diff |= static_cast<unsigned char>(x[i] ^ y[i]);
    }
    return diff == 0 && !x.isEmpty();
}

QJsonObject bodyObject(const HttpRequest &r, bool *ok)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(r.body, &error);
    *ok = error.error == QJsonParseError::NoError && document.isObject();
    return document.object();
}
} // namespace

LoginService::LoginService(StateModel *model, HttpServer *server, QObject *parent)
    : QObject(parent)
    , m_model(model)
{
    server->addRoute(
        "POST", QStringLiteral("/api/account/([^/]+)/login"), QStringLiteral("login"), [this](const HttpRequest &r) {
            if (r.args.value(0) != m_model->accountId()) {
                return HttpResponse::lpError(401, tr("Unknown site \"%1\".").arg(r.args.value(0)), 401);
            }
            bool ok = false;
            const QJsonObject body = bodyObject(r, &ok);
            if (!ok) {
                return HttpResponse::lpError(400, tr("The login body must be a JSON object."), 400);
            }
            if (body.contains(QStringLiteral("assertion")) || body.contains(QStringLiteral("jwt"))) {
                return HttpResponse::lpError(401, tr("SAML login is not supported by the sandbox."), 401);
            }
            const QString username = body.value(QStringLiteral("username")).toString();
            const AgentConfig *match = nullptr;
            for (const AgentConfig &a : m_model->config().agents) {
                if (a.loginName != username || a.simulated) {
                    continue;
                }
                const bool userLogin = body.contains(QStringLiteral("password")) &&
                                       sameSecret(body.value(QStringLiteral("password")).toString(), a.password);
                // Application login: OAuth2 client id/secret in appKey/secret, the
                // access token pair may be "dummy" (reference §2).
                const bool appLogin = !body.contains(QStringLiteral("password")) &&
                                      sameSecret(body.value(QStringLiteral("appKey")).toString(), a.appKey) &&
                                      sameSecret(body.value(QStringLiteral("secret")).toString(), a.secret) &&
                                      body.value(QStringLiteral("accessToken")).isString() &&
                                      body.value(QStringLiteral("accessTokenSecret")).isString();
                if (userLogin || appLogin) {
                    match = &a;
                }
                break;
            }
            if (!match) {
                qCInfo(lcSandbox) << "login refused for a user of" << username.size() << "characters";
                return HttpResponse::lpError(401, tr("Bad credentials: wrong user name, password or keys."), 401);
            }
            // One session per agent user: a second login ends the first one.
            for (auto it = m_sessions.cbegin(); it != m_sessions.cend(); ++it) {
                if (it->userId == match->userId) {
                    endSession(it.key(), SessionEnd::Replaced);
                    break;
                }
            }
            LoginSession session;
            session.bearer = hexToken(32);
            session.csrf = hexToken(16);
            session.sessionCookie = hexToken(24);
            session.wsuk = hexToken(16);
            session.userId = match->userId;
            session.createdMs = QDateTime::currentMSecsSinceEpoch();
            session.lastRefreshMs = session.createdMs;
            m_sessions.insert(session.bearer, session);
            qCInfo(lcSandbox) << "agent" << match->userId << "logged in";

            const QDateTime now = QDateTime::currentDateTimeUtc();
            const QJsonObject config{
                {QStringLiteral("loginName"), match->loginName},
                {QStringLiteral("userId"), match->userId},
                {QStringLiteral("userPid"), match->userPid},
                {QStringLiteral("userPrivileges"), QJsonArray{100, 101, 1501}},
                {QStringLiteral("serverCurrentTime"), now.toMSecsSinceEpoch()},
                {QStringLiteral("timeDiff"), 0},
                {QStringLiteral("serverTimeZoneName"), QStringLiteral("UTC")},
                {QStringLiteral("serverTimeGMTDiff"), 0},
                {QStringLiteral("isLPA"), false},
                {QStringLiteral("isAdmin"), false},
                {QStringLiteral("accountTimeZoneId"), QStringLiteral("UTC")},
            };
            const QJsonObject response{
                {QStringLiteral("csrf"), session.csrf},
                {QStringLiteral("wsuk"), session.wsuk},
                {QStringLiteral("config"), config},
                {QStringLiteral("csdsCollectionResponse"),
                 QJsonObject{{QStringLiteral("baseURIs"), DomainApi::baseUris(m_model->accountId(), r.localPort)}}},
                {QStringLiteral("accountData"),
                 QJsonObject{
                     {QStringLiteral("agentGroupsData"),
                      QJsonObject{{QStringLiteral("items"),
                                   QJsonArray{QJsonObject{{QStringLiteral("id"), -1},
                                                          {QStringLiteral("deleted"), false},
                                                          {QStringLiteral("name"), QStringLiteral("Main Group")}}}},
                                  {QStringLiteral("revision"), 1}}}}},
                {QStringLiteral("sessionTTl"), QString::number(m_model->config().sessionTtlMs)},
                {QStringLiteral("bearer"), session.bearer},
            };
            HttpResponse out = HttpResponse::json(response);
            QByteArray cookie = "Session_id=" + session.sessionCookie.toLatin1() + "; Path=/; HttpOnly";
            if (r.secure) {
                cookie += "; Secure";
            }
            out.headers.append(qMakePair(QByteArray("Set-Cookie"), cookie));
            return out;
        });

    const auto checked = [this](const HttpRequest &r, QString *bearer) -> std::optional<HttpResponse> {
        if (r.args.value(0) != m_model->accountId()) {
            return HttpResponse::lpError(401, tr("Unknown site \"%1\".").arg(r.args.value(0)), 401);
        }
        bool ok = false;
        const QJsonObject body = bodyObject(r, &ok);
        const QString found = findBearerByCookie(r.cookie("Session_id"));
        if (found.isEmpty()) {
            return HttpResponse::lpError(401, tr("Session not found or ended: log in again."), 10);
        }
        const LoginSession &session = m_sessions[found];
        if (!ok || !sameSecret(body.value(QStringLiteral("csrf")).toString(), session.csrf)) {
            return HttpResponse::lpError(
                401, tr("CSRF token invalid! Send the csrf value from the login response."), 10);
        }
        *bearer = found;
        return std::nullopt;
    };
    server->addRoute("POST",
                     QStringLiteral("/api/account/([^/]+)/refresh"),
                     QStringLiteral("refresh"),
                     [this, checked](const HttpRequest &r) {
                         QString bearer;
                         if (auto error = checked(r, &bearer)) {
                             return *error;
                         }
                         m_sessions[bearer].lastRefreshMs = QDateTime::currentMSecsSinceEpoch();
                         return HttpResponse::empty(200);
                     });
    server->addRoute("POST",
                     QStringLiteral("/api/account/([^/]+)/logout"),
                     QStringLiteral("refresh"),
                     [this, checked](const HttpRequest &r) {
                         QString bearer;
                         if (auto error = checked(r, &bearer)) {
                             return *error;
                         }
                         endSession(bearer, SessionEnd::LoggedOut);
                         return HttpResponse::empty(200);
                     });
}

QString LoginService::findBearerByCookie(const QByteArray &cookie) const
{
    if (cookie.isEmpty()) {
        return {};
    }
    const QString value = QString::fromLatin1(cookie);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (auto it = m_sessions.cbegin(); it != m_sessions.cend(); ++it) {
        if (sameSecret(it->sessionCookie, value) && now - it->lastRefreshMs <= m_model->config().sessionTtlMs) {
            return it.key();
        }
    }
    return {};
}

std::optional<LoginSession> LoginService::sessionForBearer(const QString &bearer)
{
    const auto it = m_sessions.constFind(bearer);
    if (it == m_sessions.constEnd()) {
        return std::nullopt;
    }
    // sessionTTl is treated as an idle limit that refresh extends (absolute vs idle is UNCONFIRMED, §2).
    if (QDateTime::currentMSecsSinceEpoch() - it->lastRefreshMs > m_model->config().sessionTtlMs) {
        endSession(bearer, SessionEnd::LoggedOut);
        return std::nullopt;
    }
    return *it;
}

bool LoginService::kick(const QString &loginName)
{
    const AgentUser *agent = m_model->agentByLogin(loginName);
    if (!agent) {
        return false;
    }
    for (auto it = m_sessions.cbegin(); it != m_sessions.cend(); ++it) {
        if (it->userId == agent->userId) {
            endSession(it.key(), SessionEnd::Replaced);
            return true;
        }
    }
    return false;
}

void LoginService::revokeAll()
{
    const QStringList bearers = m_sessions.keys();
    for (const QString &bearer : bearers) {
        endSession(bearer, SessionEnd::Revoked);
    }
}

void LoginService::endSession(QString bearer, SessionEnd reason)
{
    const LoginSession session = m_sessions.take(bearer);
    if (session.bearer.isEmpty()) {
        return;
    }
    qCInfo(lcSandbox) << "session of agent" << session.userId << "ended" << static_cast<int>(reason);
    Q_EMIT sessionEnded(bearer, session.userId, reason);
}

} // namespace Switchboard::Sandbox
