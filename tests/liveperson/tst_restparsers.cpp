// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "liveperson/DomainResolver.h"
#include "liveperson/LivePersonHttp.h"
#include "liveperson/LoginClient.h"
#include "liveperson/SkillsClient.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Switchboard::LivePerson;

/** Strict parsing of the REST answers (CSDS, login, skills) and host validation. */
class TestRestParsers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesCsds()
    {
        const auto domains = parseCsdsResponse(QJsonDocument::fromJson(R"({"baseURIs":[
            {"service":"agentVep","account":"123","baseURI":"va.agentvep.liveperson.net"},
            {"service":"facadeMsg","account":"123","baseURI":"127.0.0.1:8443"}]})")
                                                   .object(),
                                               u"123"_s);
        QVERIFY(domains.ok());
        QCOMPARE(domains->host(u"agentVep"_s), u"va.agentvep.liveperson.net"_s);
        QCOMPARE(domains->host(u"facadeMsg"_s), u"127.0.0.1:8443"_s);
        QVERIFY(domains->host(u"AgentVep"_s).isEmpty()); // case-sensitive
    }

    void rejectsMalformedCsds_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("reason");
        QTest::newRow("no list") << QByteArray("{}") << u"baseURIs: missing array"_s;
        QTest::newRow("entry") << QByteArray(R"({"baseURIs":[1]})") << u"baseURIs[0]: expected an object"_s;
        QTest::newRow("no service") << QByteArray(R"({"baseURIs":[{"baseURI":"a.b"}]})") << u"service: missing"_s;
        QTest::newRow("no uri") << QByteArray(R"({"baseURIs":[{"service":"x"}]})") << u"baseURI: missing"_s;
        QTest::newRow("scheme") << QByteArray("{\"baseURIs\":[{\"service\":\"x\",\"baseURI\":\"https:\\/\\/a.b\"}]}")
                                << u"not host[:port]"_s;
        QTest::newRow("path") << QByteArray(R"({"baseURIs":[{"service":"x","baseURI":"a.b/c"}]})")
                              << u"not host[:port]"_s;
        QTest::newRow("other account") << QByteArray(
                                              R"({"baseURIs":[{"service":"x","account":"999","baseURI":"a.b"}]})")
                                       << u"not the requested account"_s;
    }
    void rejectsMalformedCsds()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, reason);
        const auto domains = parseCsdsResponse(QJsonDocument::fromJson(json).object(), u"123"_s);
        QVERIFY(!domains.ok());
        QVERIFY2(domains.error().message.contains(reason), qPrintable(domains.error().message));
    }

    void validatesHosts()
    {
        QVERIFY(validateHost(u"api.liveperson.net"_s).ok());
        QVERIFY(validateHost(u"127.0.0.1:18443"_s).ok());
        QVERIFY(validateHost(u"[::1]:443"_s).ok());
        QVERIFY(!validateHost(QString()).ok());
        QVERIFY(!validateHost(u"https://x"_s).ok());
        QVERIFY(!validateHost(u"x:99999"_s).ok());
        QVERIFY(!validateHost(u"x y"_s).ok());
        QVERIFY(!validateHost(u"a.b/path"_s).ok());
    }

    void parsesLogin()
    {
        const auto session = parseLoginResponse(R"({"csrf":"c","wsuk":"w","bearer":"b",
            "config":{"loginName":"bot","userId":3705342610,"userPid":"pid-1","serverCurrentTime":1},
            "csdsCollectionResponse":{"baseURIs":[{"account":"123","baseURI":"h:1","service":"agentVep"}]},
            "sessionTTl":"28800000"})",
                                                u"123"_s);
        QVERIFY2(session.ok(), qPrintable(session.ok() ? QString() : session.error().message));
        QCOMPARE(session->bearer, u"b"_s);
        QCOMPARE(session->csrf, u"c"_s);
        QCOMPARE(session->userId, u"3705342610"_s);
        QCOMPARE(session->userPid, u"pid-1"_s);
        QCOMPARE(session->sessionTtlMs, 28800000);
        QCOMPARE(session->domains.host(u"agentVep"_s), u"h:1"_s);
        // userPid and csrf are optional (UNCONFIRMED whether always sent).
        QVERIFY(parseLoginResponse(R"({"bearer":"b","config":{"userId":"7"}})", u"123"_s).ok());
    }

    void rejectsMalformedLogin_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("reason");
        QTest::newRow("not json") << QByteArray("<html>") << u"not a JSON object"_s;
        QTest::newRow("no bearer") << QByteArray(R"({"config":{"userId":"7"}})") << u"bearer: missing"_s;
        QTest::newRow("empty bearer") << QByteArray(R"({"bearer":"","config":{"userId":"7"}})") << u"bearer: missing"_s;
        QTest::newRow("no config") << QByteArray(R"({"bearer":"b"})") << u"config: missing"_s;
        QTest::newRow("no userId") << QByteArray(R"({"bearer":"b","config":{}})") << u"config.userId: missing"_s;
        QTest::newRow("csrf number") << QByteArray(R"({"bearer":"b","csrf":1,"config":{"userId":"7"}})")
                                     << u"csrf: expected"_s;
        QTest::newRow("pid number") << QByteArray(R"({"bearer":"b","config":{"userId":"7","userPid":5}})")
                                    << u"userPid: expected"_s;
        QTest::newRow("ttl text") << QByteArray(R"({"bearer":"b","sessionTTl":"soon","config":{"userId":"7"}})")
                                  << u"sessionTTl"_s;
        QTest::newRow("bad collection") << QByteArray(
                                               R"({"bearer":"b","config":{"userId":"7"},"csdsCollectionResponse":{}})")
                                        << u"csdsCollectionResponse: baseURIs"_s;
    }
    void rejectsMalformedLogin()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, reason);
        const auto session = parseLoginResponse(json, u"123"_s);
        QVERIFY(!session.ok());
        QVERIFY2(session.error().message.contains(reason), qPrintable(session.error().message));
    }

    void validatesCredentials()
    {
        AgentCredentials credentials;
        QVERIFY(!credentials.validate().ok());
        credentials.loginName = u"bot"_s;
        QVERIFY(!credentials.validate().ok());
        credentials.appKey = u"k"_s;
        QVERIFY(!credentials.validate().ok());
        credentials.secret = u"s"_s;
        QVERIFY(credentials.validate().ok());
        QVERIFY(!credentials.usesPassword());
        credentials.password = u"p"_s;
        QVERIFY(credentials.usesPassword());
    }

    void parsesSkills()
    {
        const auto skills = parseSkillsResponse(R"([{"id":1001,"name":"bot"},{"id":"1002","name":"Human"},
                                                    {"id":1003,"name":"old","deleted":true}])");
        QVERIFY(skills.ok());
        QCOMPARE(skills->size(), 2);
        QCOMPARE(skills->at(0), (Skill{u"1001"_s, u"bot"_s}));
        QCOMPARE(skills->at(1), (Skill{u"1002"_s, u"Human"_s}));
        QVERIFY(!parseSkillsResponse("{}").ok());
        QVERIFY(!parseSkillsResponse(R"([{"name":"x"}])").ok());
        QVERIFY(!parseSkillsResponse(R"([{"id":"abc","name":"x"}])").ok());
        QVERIFY(!parseSkillsResponse(R"([{"id":1.5,"name":"x"}])").ok());
        QVERIFY(!parseSkillsResponse(R"([{"id":1}])").ok());
    }

    void resolvesSkillNamesCaseSensitively()
    {
        const QList<Skill> skills{
            {u"1001"_s, u"bot"_s}, {u"1002"_s, u"human-escalation"_s}, {u"1003"_s, u"Dup"_s}, {u"1004"_s, u"Dup"_s}};
        QCOMPARE(*resolveSkillId(skills, u"human-escalation"_s), u"1002"_s);
        const auto wrongCase = resolveSkillId(skills, u"Human-Escalation"_s);
        QVERIFY(!wrongCase.ok());
        QCOMPARE(wrongCase.error().code, u"liveperson.skill_unknown"_s);
        QCOMPARE(resolveSkillId(skills, u"Dup"_s).error().code, u"liveperson.skill_ambiguous"_s);
    }

    void mapsHttpErrors()
    {
        HttpResponse response;
        response.status = 401;
        response.body =
            R"({"error":{"message":"CSRF token invalid!","internalCode":10,"responseStatus":"UNAUTHORIZED"}})";
        const ApiError error = errorFromResponse(response, u"Refresh"_s);
        QCOMPARE(error.kind, ApiErrorKind::Http);
        QCOMPARE(error.status, 401);
        QCOMPARE(error.internalCode, u"10"_s);
        QVERIFY(error.body.isObject());
        QCOMPARE(error.toError().code, u"liveperson.http.401"_s);

        HttpResponse refused;
        refused.networkError = QNetworkReply::ConnectionRefusedError;
        refused.errorString = u"Connection refused"_s;
        QCOMPARE(errorFromResponse(refused, u"Login"_s).kind, ApiErrorKind::Network);

        HttpResponse tls;
        tls.networkError = QNetworkReply::SslHandshakeFailedError;
        QCOMPARE(errorFromResponse(tls, u"Login"_s).kind, ApiErrorKind::Tls);
    }
};

QTEST_GUILESS_MAIN(TestRestParsers)
#include "tst_restparsers.moc"
