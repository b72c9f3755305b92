// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// REST side of the sandbox: CSDS, Login Service, Sentinel, account configuration, control API
// and HTTP faults, against an in-process emulator on 127.0.0.1 port 0.
#include "SandboxTestClient.h"
#include "sandbox/FaultInjector.h"
#include "sandbox/StateModel.h"

#include <QElapsedTimer>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <jwt.h>

using namespace Switchboard;
using namespace Switchboard::Sandbox;
using Switchboard::Test::HttpClient;
using Switchboard::Test::HttpReply;

class TestSandboxServices : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Emulator> m_emulator;
    std::unique_ptr<HttpClient> m_http;
    QString m_account;

    QString api(const QString &rest) const
    {
        return QStringLiteral("/api/account/%1/%2").arg(m_account, rest);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }
    void init()
    {
        m_emulator = std::make_unique<Emulator>();
        const Result<Success> started = m_emulator->start();
        QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().message));
        m_http = std::make_unique<HttpClient>(*m_emulator);
        m_account = m_emulator->accountId();
    }
    void cleanup()
    {
        m_http.reset();
        m_emulator.reset();
    }

    void caFileIsWrittenAndTrusted()
    {
        QFile ca(m_emulator->caFile());
        QVERIFY(ca.open(QIODevice::ReadOnly));
        QVERIFY(ca.readAll().startsWith("-----BEGIN CERTIFICATE-----"));
        // A client that does not trust the sandbox CA must fail the TLS handshake.
        QNetworkAccessManager nam;
        QNetworkRequest request(m_emulator->baseUrl().resolved(QUrl(QStringLiteral("/sandbox/stats"))));
        std::unique_ptr<QNetworkReply> reply(nam.get(request));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(reply->error(), QNetworkReply::SslHandshakeFailedError);
    }

    void csdsListsServicesOnTheSandboxPort()
    {
        const HttpReply reply = m_http->get(api(QStringLiteral("service/baseURI.json?version=1.0")));
        QCOMPARE(reply.status, 200);
        QHash<QString, QString> services;
        for (const QJsonValue &entry : reply.json().value(QStringLiteral("baseURIs")).toArray()) {
            services.insert(entry[QStringLiteral("service")].toString(), entry[QStringLiteral("baseURI")].toString());
        }
        for (const char *name : {"agentVep",
                                 "asyncMessagingEnt",
                                 "facadeMsg",
                                 "accountConfigReadOnly",
                                 "accountConfigReadWrite",
                                 "sentinel",
                                 "msgHist"}) {
            QCOMPARE(services.value(QLatin1String(name)), m_emulator->csdsDomain());
        }
        const HttpReply single = m_http->get(api(QStringLiteral("service/sentinel/baseURI.json?version=1.0")));
        QCOMPARE(single.status, 200);
        QCOMPARE(single.json().value(QStringLiteral("baseURI")).toString(), m_emulator->csdsDomain());
    }

    void csdsUnknownAccountIsAnLpError()
    {
        const HttpReply reply = m_http->get(QStringLiteral("/api/account/999/service/baseURI.json?version=1.0"));
        QCOMPARE(reply.status, 404);
        const QJsonObject error = reply.json().value(QStringLiteral("error")).toObject();
        QVERIFY(error.value(QStringLiteral("message")).toString().contains(QStringLiteral("999")));
        QVERIFY(error.contains(QStringLiteral("time")));
        QVERIFY(error.contains(QStringLiteral("internalCode")));
        QCOMPARE(error.value(QStringLiteral("responseStatus")).toString(), QStringLiteral("NOT_FOUND"));
    }

    void userLoginRefreshLogout()
    {
        const QJsonObject session = Test::login(*m_http, *m_emulator);
        QVERIFY(!session.value(QStringLiteral("bearer")).toString().isEmpty());
        const QJsonObject config = session.value(QStringLiteral("config")).toObject();
        QCOMPARE(config.value(QStringLiteral("userId")).toString(), m_emulator->config().agents.at(0).userId);
        QCOMPARE(config.value(QStringLiteral("userPid")).toString(), m_emulator->config().agents.at(0).userPid);
        QCOMPARE(config.value(QStringLiteral("loginName")).toString(), QStringLiteral("switchboard-bot"));
        QVERIFY(session.contains(QStringLiteral("csdsCollectionResponse")));
        QCOMPARE(session.value(QStringLiteral("sessionTTl")).toString(), QStringLiteral("28800000"));
        const QByteArray csrf = QJsonDocument(QJsonObject{{QStringLiteral("csrf"), session[QStringLiteral("csrf")]}})
                                    .toJson(QJsonDocument::Compact);
        // The cookie jar sends Session_id back.
        const HttpReply refresh = m_http->request("POST", api(QStringLiteral("refresh?v=1.3")), csrf);
        QCOMPARE(refresh.status, 200);
        QVERIFY(refresh.body.isEmpty());
        const HttpReply badCsrf = m_http->request("POST", api(QStringLiteral("refresh?v=1.3")), "{\"csrf\":\"nope\"}");
        QCOMPARE(badCsrf.status, 401);
        QVERIFY(badCsrf.json()[QStringLiteral("error")][QStringLiteral("message")].toString().contains(
            QStringLiteral("CSRF")));
        const HttpReply logout = m_http->request("POST", api(QStringLiteral("logout")), csrf);
        QCOMPARE(logout.status, 200);
        const HttpReply afterLogout = m_http->request("POST", api(QStringLiteral("refresh?v=1.3")), csrf);
        QCOMPARE(afterLogout.status, 401);
    }

    void refreshWithoutCookieIs401()
    {
        HttpClient other(*m_emulator);
        const HttpReply reply = other.request("POST", api(QStringLiteral("refresh")), "{\"csrf\":\"x\"}");
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.json()[QStringLiteral("error")][QStringLiteral("responseStatus")].toString(),
                 QStringLiteral("UNAUTHORIZED"));
    }

    void applicationLoginWithClientCredentials()
    {
        const AgentConfig &bot = m_emulator->config().agents.at(0);
        const HttpReply reply =
            m_http->post(api(QStringLiteral("login?v=1.3")),
                         QJsonObject{{QStringLiteral("username"), bot.loginName},
                                     {QStringLiteral("appKey"), bot.appKey},
                                     {QStringLiteral("secret"), bot.secret},
                                     {QStringLiteral("accessToken"), QStringLiteral("dummy")},
                                     {QStringLiteral("accessTokenSecret"), QStringLiteral("dummy")}});
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.header("set-cookie").startsWith("Session_id="));
    }

    void badCredentialsAre401WithLpBody()
    {
        const HttpReply reply =
            m_http->post(api(QStringLiteral("login?v=1.3")),
                         QJsonObject{{QStringLiteral("username"), QStringLiteral("switchboard-bot")},
                                     {QStringLiteral("password"), QStringLiteral("wrong")}});
        QCOMPARE(reply.status, 401);
        const QJsonObject error = reply.json().value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("responseStatus")).toString(), QStringLiteral("UNAUTHORIZED"));
        QVERIFY(!error.value(QStringLiteral("message")).toString().isEmpty());
        QVERIFY(error.value(QStringLiteral("time")).isDouble());
        const HttpReply notJson = m_http->request("POST", api(QStringLiteral("login")), "{");
        QCOMPARE(notJson.status, 400);
    }

    void loginFaultGives429ThenRecovers()
    {
        const HttpReply fault = m_http->post(QStringLiteral("/sandbox/faults"),
                                             QJsonObject{{QStringLiteral("kind"), QStringLiteral("http")},
                                                         {QStringLiteral("route"), QStringLiteral("login")},
                                                         {QStringLiteral("status"), 429},
                                                         {QStringLiteral("count"), 2}});
        QCOMPARE(fault.status, 201);
        const HttpReply listed = m_http->get(QStringLiteral("/sandbox/faults"));
        QCOMPARE(listed.json()[QStringLiteral("faults")].toArray().size(), 1);
        for (int i = 0; i < 2; ++i) {
            const HttpReply reply = m_http->post(api(QStringLiteral("login")), QJsonObject());
            QCOMPARE(reply.status, 429);
            QCOMPARE(reply.json()[QStringLiteral("error")][QStringLiteral("responseStatus")].toString(),
                     QStringLiteral("TOO_MANY_REQUESTS"));
        }
        QVERIFY(!Test::login(*m_http, *m_emulator).isEmpty());
    }

    void httpFaultsPerRouteAndDelay()
    {
        for (const char *route : {"csds", "refresh", "sentinel", "skills"}) {
            QCOMPARE(m_http
                         ->post(QStringLiteral("/sandbox/faults"),
                                QJsonObject{{QStringLiteral("kind"), QStringLiteral("http")},
                                            {QStringLiteral("route"), QLatin1String(route)},
                                            {QStringLiteral("status"), 503}})
                         .status,
                     201);
        }
        QCOMPARE(m_http->get(api(QStringLiteral("service/baseURI.json"))).status, 503);
        QCOMPARE(m_http->request("POST", api(QStringLiteral("refresh")), "{}").status, 503);
        QCOMPARE(m_http->get(QStringLiteral("/sentinel/well-known/jwks")).status, 503);
        QCOMPARE(m_http->get(api(QStringLiteral("configuration/le-users/skills?v=2.0"))).status, 503);
        // Used up: the next call answers normally.
        QCOMPARE(m_http->get(api(QStringLiteral("service/baseURI.json"))).status, 200);

        QCOMPARE(m_http
                     ->post(QStringLiteral("/sandbox/faults"),
                            QJsonObject{{QStringLiteral("kind"), QStringLiteral("http")},
                                        {QStringLiteral("route"), QStringLiteral("csds")},
                                        {QStringLiteral("status"), 0},
                                        {QStringLiteral("delayMs"), 300}})
                     .status,
                 201);
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(m_http->get(api(QStringLiteral("service/baseURI.json"))).status, 200);
        QVERIFY(timer.elapsed() >= 280);

        QCOMPARE(m_http
                     ->post(QStringLiteral("/sandbox/faults"),
                            QJsonObject{{QStringLiteral("kind"), QStringLiteral("http")},
                                        {QStringLiteral("route"), QStringLiteral("csds")},
                                        {QStringLiteral("count"), 5}})
                     .status,
                 201);
        QCOMPARE(m_http->request("DELETE", QStringLiteral("/sandbox/faults")).status, 200);
        QCOMPARE(m_http->get(api(QStringLiteral("service/baseURI.json"))).status, 200);
    }

    void controlApiErrorsAreSpecific()
    {
        const HttpReply unknown = m_http->post(QStringLiteral("/sandbox/faults"),
                                               QJsonObject{{QStringLiteral("kind"), QStringLiteral("meteor")}});
        QCOMPARE(unknown.status, 400);
        const QString message = unknown.json()[QStringLiteral("error")][QStringLiteral("message")].toString();
        for (const QString &kind : FaultInjector::knownKinds()) {
            QVERIFY2(message.contains(kind), qPrintable(message));
        }
        const HttpReply malformed = m_http->request("POST", QStringLiteral("/sandbox/faults"), "{\"kind\":");
        QCOMPARE(malformed.status, 400);
        QVERIFY(malformed.json()[QStringLiteral("error")][QStringLiteral("message")].toString().contains(
            QStringLiteral("not valid JSON")));
        const HttpReply badRoute = m_http->post(QStringLiteral("/sandbox/faults"),
                                                QJsonObject{{QStringLiteral("kind"), QStringLiteral("http")},
                                                            {QStringLiteral("route"), QStringLiteral("moon")}});
        QCOMPARE(badRoute.status, 400);
        QVERIFY(badRoute.json()[QStringLiteral("error")][QStringLiteral("message")].toString().contains(
            QStringLiteral("sentinel")));
        QCOMPARE(m_http->post(QStringLiteral("/sandbox/conversations"), QJsonObject()).status, 400);
        QCOMPARE(m_http
                     ->post(QStringLiteral("/sandbox/conversations"),
                            QJsonObject{{QStringLiteral("skillId"), QStringLiteral("4242")}})
                     .status,
                 404);
        QCOMPARE(m_http->get(QStringLiteral("/sandbox/conversations/nope")).status, 404);
        QCOMPARE(m_http
                     ->post(QStringLiteral("/sandbox/conversations/nope/messages"),
                            QJsonObject{{QStringLiteral("text"), QStringLiteral("x")}})
                     .status,
                 404);
        QCOMPARE(m_http->post(QStringLiteral("/sandbox/load"), QJsonObject{{QStringLiteral("consumers"), 0}}).status,
                 400);
        QCOMPARE(m_http->post(QStringLiteral("/sandbox/load"), QJsonObject{{QStringLiteral("bogus"), 1}}).status, 400);
    }

    void controlApiConversationLifecycle()
    {
        const HttpReply consumer = m_http->post(QStringLiteral("/sandbox/consumers"), QJsonObject());
        QCOMPARE(consumer.status, 201);
        const QString consumerId = consumer.json()[QStringLiteral("consumerId")].toString();
        const HttpReply created = m_http->post(QStringLiteral("/sandbox/conversations"),
                                               QJsonObject{{QStringLiteral("consumerId"), consumerId},
                                                           {QStringLiteral("skillId"), QStringLiteral("1003")},
                                                           {QStringLiteral("channel"), QStringLiteral("chat")}});
        QCOMPARE(created.status, 201);
        const QString id = created.json()[QStringLiteral("conversationId")].toString();
        QCOMPARE(m_http
                     ->post(QStringLiteral("/sandbox/conversations/%1/messages").arg(id),
                            QJsonObject{{QStringLiteral("text"), QStringLiteral("hello")}})
                     .status,
                 201);
        const QJsonArray metadata{QJsonObject{{QStringLiteral("type"), QStringLiteral("ExternalId")},
                                              {QStringLiteral("id"), QStringLiteral("card-1")}}};
        QCOMPARE(m_http
                     ->post(QStringLiteral("/sandbox/conversations/%1/messages").arg(id),
                            QJsonObject{{QStringLiteral("richContentClick"),
                                         QJsonObject{{QStringLiteral("text"), QStringLiteral("Yes")},
                                                     {QStringLiteral("metadata"), metadata}}}})
                     .status,
                 201);
        const QJsonObject conversation = m_http->get(QStringLiteral("/sandbox/conversations/%1").arg(id)).json();
        QCOMPARE(conversation[QStringLiteral("state")].toString(), QStringLiteral("OPEN"));
        QCOMPARE(conversation[QStringLiteral("channel")].toString(), QStringLiteral("chat"));
        QCOMPARE(conversation[QStringLiteral("skillId")].toString(), QStringLiteral("1003"));
        const QJsonArray messages = conversation[QStringLiteral("messages")].toArray();
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages[1][QStringLiteral("type")].toString(), QStringLiteral("ContentEvent"));
        QCOMPARE(messages[1][QStringLiteral("text")].toString(), QStringLiteral("Yes"));
        QCOMPARE(messages[1][QStringLiteral("role")].toString(), QStringLiteral("CONSUMER"));
        QCOMPARE(messages[1][QStringLiteral("metadata")].toArray(), metadata);
        QCOMPARE(messages[0][QStringLiteral("audience")].toString(), QStringLiteral("ALL"));

        const HttpReply listed = m_http->get(QStringLiteral("/sandbox/conversations?state=OPEN&channel=chat"));
        QCOMPARE(listed.json()[QStringLiteral("conversations")].toArray().size(), 1);
        QCOMPARE(m_http->post(QStringLiteral("/sandbox/conversations/%1/close").arg(id), QJsonObject()).status, 200);
        const QJsonObject closed = m_http->get(QStringLiteral("/sandbox/conversations/%1").arg(id)).json();
        QCOMPARE(closed[QStringLiteral("state")].toString(), QStringLiteral("CLOSE"));
        QCOMPARE(closed[QStringLiteral("closeReason")].toString(), QStringLiteral("CONSUMER"));
        QCOMPARE(m_http->get(QStringLiteral("/sandbox/conversations?state=OPEN"))
                     .json()[QStringLiteral("conversations")]
                     .toArray()
                     .size(),
                 0);
        const QJsonObject stats = m_http->get(QStringLiteral("/sandbox/stats")).json();
        QCOMPARE(stats[QStringLiteral("consumerMessagesSent")].toInt(), 2);
        QCOMPARE(stats[QStringLiteral("conversationsClosed")].toInt(), 1);
    }

    void loadGeneratorSendsAtTheGlobalRate()
    {
        const HttpReply started = m_http->post(QStringLiteral("/sandbox/load"),
                                               QJsonObject{{QStringLiteral("consumers"), 3},
                                                           {QStringLiteral("messagesPerConsumer"), 2},
                                                           {QStringLiteral("ratePerSecond"), 200},
                                                           {QStringLiteral("skillId"), QStringLiteral("1002")},
                                                           {QStringLiteral("replyTimeoutMs"), 50}});
        QCOMPARE(started.status, 202);
        QTRY_COMPARE_WITH_TIMEOUT(m_http->get(QStringLiteral("/sandbox/stats"))
                                      .json()[QStringLiteral("load")][QStringLiteral("sent")]
                                      .toInt(),
                                  6,
                                  10000);
        const QJsonObject stats = m_http->get(QStringLiteral("/sandbox/stats")).json();
        QCOMPARE(stats[QStringLiteral("conversationsOpen")].toInt(), 3);
    }

    void sentinelIssuesVerifiableRs256Tokens()
    {
        const ApplicationConfig app = m_emulator->config().applications.at(0);
        const QByteArray form = "grant_type=client_credentials&client_id=" + QUrl::toPercentEncoding(app.clientId) +
                                "&client_secret=" + QUrl::toPercentEncoding(app.clientSecret);
        const QList<QPair<QByteArray, QByteArray>> formHeader{{"Content-Type", "application/x-www-form-urlencoded"}};
        const QString v1 = QStringLiteral("/sentinel/api/account/%1/app/token?v=1.0").arg(m_account);
        const QString v2 = QStringLiteral("/sentinel/api/v2/account/%1/app/token").arg(m_account);
        for (const QString &path : {v1, v2}) {
            const HttpReply reply = m_http->request("POST", path, form, formHeader);
            QCOMPARE(reply.status, 200);
            QCOMPARE(reply.json()[QStringLiteral("token_type")].toString(), QStringLiteral("Bearer"));
            QCOMPARE(reply.json()[QStringLiteral("expires_in")].toInt(), 3600);
            const QByteArray token = reply.json()[QStringLiteral("access_token")].toString().toLatin1();
            const HttpReply pem = m_http->get(QStringLiteral("/sentinel/public-key.pem"));
            QCOMPARE(pem.status, 200);
            jwt_t *jwt = nullptr;
            QCOMPARE(jwt_decode(&jwt,
                                token.constData(),
                                reinterpret_cast<const unsigned char *>(pem.body.constData()),
                                static_cast<int>(pem.body.size())),
                     0);
            QCOMPARE(jwt_get_alg(jwt), JWT_ALG_RS256);
            QCOMPARE(QLatin1String(jwt_get_grant(jwt, "iss")), QLatin1String("Sentinel"));
            QCOMPARE(QString::fromLatin1(jwt_get_grant(jwt, "aud")), m_account);
            QCOMPARE(QString::fromLatin1(jwt_get_grant(jwt, "azp")), app.clientId);
            QCOMPARE(QLatin1String(jwt_get_grant(jwt, "scope")), QLatin1String("thirdpartybots.customendpoint.bot"));
            QCOMPARE(jwt_get_grant_int(jwt, "exp") - jwt_get_grant_int(jwt, "iat"), 3600L);
            const QString kid = QString::fromLatin1(jwt_get_header(jwt, "kid"));
            jwt_free(jwt);
            const QJsonArray keys =
                m_http->get(QStringLiteral("/sentinel/well-known/jwks")).json()[QStringLiteral("keys")].toArray();
            QCOMPARE(keys.size(), 1);
            QCOMPARE(keys[0][QStringLiteral("kid")].toString(), kid);
            QCOMPARE(keys[0][QStringLiteral("kty")].toString(), QStringLiteral("RSA"));
            QCOMPARE(keys[0][QStringLiteral("e")].toString(), QStringLiteral("AQAB"));
        }
        const HttpReply bad =
            m_http->request("POST", v2, "grant_type=client_credentials&client_id=x&client_secret=y", formHeader);
        QCOMPARE(bad.status, 401);
        QCOMPARE(bad.json()[QStringLiteral("error")].toString(), QStringLiteral("invalid_client"));
        const HttpReply grant = m_http->request("POST", v2, "grant_type=password", formHeader);
        QCOMPARE(grant.status, 400);
    }

    void skillsNeedABearer()
    {
        QCOMPARE(m_http->get(api(QStringLiteral("configuration/le-users/skills?v=2.0"))).status, 401);
        const QString bearer = Test::login(*m_http, *m_emulator)[QStringLiteral("bearer")].toString();
        const HttpReply reply = m_http->request("GET",
                                                api(QStringLiteral("configuration/le-users/skills?v=2.0")),
                                                {},
                                                {{"Authorization", "Bearer " + bearer.toLatin1()}});
        QCOMPARE(reply.status, 200);
        const QJsonArray skills = reply.jsonArray();
        QCOMPARE(skills.size(), 4);
        QVERIFY(skills[0][QStringLiteral("id")].isDouble());
        QCOMPARE(skills[1][QStringLiteral("name")].toString(), QStringLiteral("human"));
    }

    void plainModeServesTheSameRoutes()
    {
        SandboxConfig config = SandboxConfig::defaults();
        config.plain = true;
        Emulator plain(config);
        QVERIFY(plain.start().ok());
        QVERIFY(plain.plainPort() != 0);
        QNetworkAccessManager nam;
        const QUrl url(QStringLiteral("http://127.0.0.1:%1/api/account/%2/service/baseURI.json")
                           .arg(plain.plainPort())
                           .arg(plain.accountId()));
        std::unique_ptr<QNetworkReply> reply(nam.get(QNetworkRequest(url)));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        const QJsonArray uris =
            QJsonDocument::fromJson(reply->readAll()).object()[QStringLiteral("baseURIs")].toArray();
        // Plain clients are pointed at the plain port.
        QCOMPARE(uris[0][QStringLiteral("baseURI")].toString(), QStringLiteral("127.0.0.1:%1").arg(plain.plainPort()));
        QCOMPARE(plain.describe()[QStringLiteral("plain")][QStringLiteral("controlUrl")].toString(),
                 QStringLiteral("http://127.0.0.1:%1").arg(plain.plainPort()));
    }

    void configFileOverridesAndValidates()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("c.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"accountId\":\"55\",\"skills\":[{\"id\":\"7\",\"name\":\"only\"}],\"agents\":[{\"loginName\":"
                   "\"a\",\"password\":\"p\",\"skills\":[\"7\"]}]}");
        file.close();
        const Result<SandboxConfig> config = SandboxConfig::fromFile(file.fileName(), SandboxConfig::defaults());
        QVERIFY(config.ok());
        QCOMPARE(config->accountId, QStringLiteral("55"));
        QCOMPARE(config->agents.at(0).password, QStringLiteral("p"));
        QVERIFY(!config->agents.at(0).userPid.isEmpty());
        const Result<SandboxConfig> bad = SandboxConfig::fromJson(
            QJsonObject{{QStringLiteral("agents"),
                         QJsonArray{QJsonObject{{QStringLiteral("loginName"), QStringLiteral("x")},
                                                {QStringLiteral("skills"), QJsonArray{QStringLiteral("999")}}}}}},
            SandboxConfig::defaults());
        QVERIFY(!bad.ok());
        QVERIFY(bad.error().message.contains(QStringLiteral("999")));
    }
};

QTEST_GUILESS_MAIN(TestSandboxServices)
#include "tst_sandboxservices.moc"
