// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakeClock.h"
#include "LivePersonTestHarness.h"
#include "liveperson/DomainResolver.h"
#include "liveperson/LivePersonHttp.h"
#include "liveperson/LoginClient.h"
#include "liveperson/RetryPolicy.h"
#include "liveperson/SkillsClient.h"
#include "sandbox/Emulator.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace Switchboard::LivePerson;
using namespace Switchboard::Test;

/**
 * The REST clients against the in-process sandbox: Domain API (cache, failure, refresh), Login
 * Service (password and application keys, refresh with csrf and cookie, logout, 401), skills
 * lookup with name resolution, and TLS verification with and without the sandbox CA.
 */
class TestLivePersonRest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Switchboard::Sandbox::Emulator> m_sandbox;
    std::unique_ptr<SandboxControl> m_control;
    std::unique_ptr<LivePersonHttp> m_http;
    FakeClock m_clock;

    // Runs one asynchronous call and waits for its callback with QSignalSpy (no sleeping).
    template <typename T>
    static std::optional<ApiResult<T>>
    run(const std::function<void(QObject *, std::function<void(const ApiResult<T> &)>)> &call)
    {
        CallbackSignal signal;
        QSignalSpy spy(&signal, &CallbackSignal::fired);
        std::optional<ApiResult<T>> result;
        call(&signal, [&result, &signal](const ApiResult<T> &r) {
            result.emplace(r);
            Q_EMIT signal.fired();
        });
        if (!result) {
            spy.wait(10000);
        }
        return result;
    }

    std::optional<ApiResult<ServiceDomains>> resolve(DomainResolver &resolver)
    {
        return run<ServiceDomains>([&](QObject *context, auto done) {
            resolver.resolve(m_sandbox->csdsDomain(), m_sandbox->accountId(), context, done);
        });
    }

    AgentCredentials passwordCredentials(const QString &loginName = BotLogin)
    {
        AgentCredentials credentials;
        credentials.loginName = loginName;
        credentials.password = sandboxAgent(*m_sandbox, loginName).value(u"password"_s).toString();
        return credentials;
    }

    QString agentVep()
    {
        DomainResolver resolver(m_http.get(), m_clock);
        const auto domains = resolve(resolver);
        return domains && *domains ? (*domains)->host(u"agentVep"_s) : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void init()
    {
        m_sandbox = std::make_unique<Switchboard::Sandbox::Emulator>();
        const auto started = m_sandbox->start();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message));
        m_control = std::make_unique<SandboxControl>(*m_sandbox);
        m_http = std::make_unique<LivePersonHttp>();
        const auto ssl = makeSslConfiguration(m_sandbox->caFile());
        QVERIFY(ssl.ok());
        m_http->setSslConfiguration(*ssl);
    }

    void cleanup()
    {
        m_http.reset();
        m_control.reset();
        m_sandbox.reset();
    }

    void resolvesAndCachesDomains()
    {
        DomainResolver resolver(m_http.get(), m_clock);
        const auto first = resolve(resolver);
        QVERIFY(first && first->ok());
        const ServiceDomains domains = first->value();
        for (const QString &service :
             {u"agentVep"_s, u"asyncMessagingEnt"_s, u"facadeMsg"_s, u"accountConfigReadOnly"_s}) {
            QVERIFY2(!domains.host(service).isEmpty(), qPrintable(service));
            QVERIFY(validateHost(domains.host(service)).ok());
        }
        QCOMPARE(resolver.requestCount(), 1);

        // Within the 60 s TTL: served from the cache.
        m_clock.advance(59'000);
        QVERIFY(resolve(resolver)->ok());
        QCOMPARE(resolver.requestCount(), 1);
        // Past it: asked again.
        m_clock.advance(1'000);
        QVERIFY(resolve(resolver)->ok());
        QCOMPARE(resolver.requestCount(), 2);
        // After a failure of a resolved host the caller invalidates: asked again at once.
        resolver.invalidate(m_sandbox->accountId());
        QVERIFY(resolve(resolver)->ok());
        QCOMPARE(resolver.requestCount(), 3);
    }

    void sharesOneCsdsRequestBetweenConcurrentCallers()
    {
        DomainResolver resolver(m_http.get(), m_clock);
        QObject context;
        int answers = 0;
        for (int i = 0; i < 3; ++i) {
            resolver.resolve(m_sandbox->csdsDomain(), m_sandbox->accountId(), &context, [&answers](const auto &result) {
                answers += result.ok() ? 1 : 0;
            });
        }
        QTRY_COMPARE(answers, 3);
        QCOMPARE(resolver.requestCount(), 1);
    }

    void reportsCsdsFailuresTypedAndRecovers()
    {
        QVERIFY(m_control->fault(
            QJsonObject{{u"kind"_s, u"http"_s}, {u"route"_s, u"csds"_s}, {u"status"_s, 503}, {u"count"_s, 1}}));
        DomainResolver resolver(m_http.get(), m_clock);
        const auto failed = resolve(resolver);
        QVERIFY(failed && !failed->ok());
        QCOMPARE(failed->error().kind, ApiErrorKind::Http);
        QCOMPARE(failed->error().status, 503);
        QVERIFY(RetryPolicy().delayFor(RetryPolicy::Operation::Other, failed->error(), 1).has_value());
        // A failure is not cached: the next call asks CSDS again and succeeds.
        QVERIFY(resolve(resolver)->ok());
        QCOMPARE(resolver.requestCount(), 2);
    }

    void rejectsAnUntrustedCertificate()
    {
        LivePersonHttp untrusted; // system CAs only: the sandbox CA is unknown
        DomainResolver resolver(&untrusted, m_clock);
        const auto result = resolve(resolver);
        QVERIFY(result && !result->ok());
        QCOMPARE(result->error().kind, ApiErrorKind::Tls);
        QVERIFY(!RetryPolicy().delayFor(RetryPolicy::Operation::Other, result->error(), 1).has_value());
    }

    void logsInWithPasswordRefreshesAndLogsOut()
    {
        const QString host = agentVep();
        QVERIFY(!host.isEmpty());
        LoginClient client(m_http.get());
        const auto session = run<LoginSession>([&](QObject *context, auto done) {
            client.login(host, m_sandbox->accountId(), passwordCredentials(), context, done);
        });
        QVERIFY(session && session->ok());
        const LoginSession value = session->value();
        QVERIFY(!value.bearer.isEmpty());
        QVERIFY(!value.csrf.isEmpty());
        QCOMPARE(value.userId, sandboxAgent(*m_sandbox, BotLogin).value(u"userId"_s).toString());
        QCOMPARE(value.userPid, sandboxAgent(*m_sandbox, BotLogin).value(u"userPid"_s).toString());
        QVERIFY(m_http->cookieCount(
                    serviceUrl(u"https"_s, host, u"/api/account/"_s + m_sandbox->accountId() + u"/refresh"_s)) >= 1);

        auto refresh = [&](const LoginSession &s) {
            return run<Switchboard::Success>(
                [&](QObject *context, auto done) { client.refresh(host, m_sandbox->accountId(), s, context, done); });
        };
        QVERIFY(refresh(value)->ok());

        // A wrong csrf is refused with 401 (the CSRF check the reference documents).
        LoginSession wrongCsrf = value;
        wrongCsrf.csrf = u"0000"_s;
        const auto refused = refresh(wrongCsrf);
        QVERIFY(refused && !refused->ok());
        QCOMPARE(refused->error().status, 401);

        const auto loggedOut = run<Switchboard::Success>(
            [&](QObject *context, auto done) { client.logout(host, m_sandbox->accountId(), value, context, done); });
        QVERIFY(loggedOut && loggedOut->ok());
        // The session is over: refreshing it now fails with 401.
        const auto afterLogout = refresh(value);
        QVERIFY(afterLogout && !afterLogout->ok());
        QCOMPARE(afterLogout->error().kind, ApiErrorKind::Http);
        QCOMPARE(afterLogout->error().status, 401);
    }

    void refreshNeedsTheSessionCookie()
    {
        const QString host = agentVep();
        LoginClient client(m_http.get());
        const auto session = run<LoginSession>([&](QObject *context, auto done) {
            client.login(host, m_sandbox->accountId(), passwordCredentials(), context, done);
        });
        QVERIFY(session && session->ok());
        m_http->resetCookies();
        const auto refreshed = run<Switchboard::Success>([&](QObject *context, auto done) {
            client.refresh(host, m_sandbox->accountId(), session->value(), context, done);
        });
        QVERIFY(refreshed && !refreshed->ok());
        QCOMPARE(refreshed->error().status, 401);
    }

    void logsInWithApplicationKeys()
    {
        const QJsonObject agent = sandboxAgent(*m_sandbox, BotLogin);
        AgentCredentials credentials;
        credentials.loginName = BotLogin;
        credentials.appKey = agent.value(u"appKey"_s).toString();
        credentials.secret = agent.value(u"secret"_s).toString();
        QVERIFY(!credentials.appKey.isEmpty());
        LoginClient client(m_http.get());
        const QString host = agentVep();
        const auto session = run<LoginSession>([&](QObject *context, auto done) {
            client.login(host, m_sandbox->accountId(), credentials, context, done);
        });
        QVERIFY(session && session->ok());
        QCOMPARE(session->value().userId, agent.value(u"userId"_s).toString());

        credentials.secret = u"wrong"_s;
        const auto refused = run<LoginSession>([&](QObject *context, auto done) {
            client.login(host, m_sandbox->accountId(), credentials, context, done);
        });
        QVERIFY(refused && !refused->ok());
        QCOMPARE(refused->error().status, 401);
    }

    void badPasswordIs401AndNotRetried()
    {
        AgentCredentials credentials = passwordCredentials();
        credentials.password = u"wrong"_s;
        LoginClient client(m_http.get());
        const QString host = agentVep();
        const auto refused = run<LoginSession>([&](QObject *context, auto done) {
            client.login(host, m_sandbox->accountId(), credentials, context, done);
        });
        QVERIFY(refused && !refused->ok());
        QCOMPARE(refused->error().kind, ApiErrorKind::Http);
        QCOMPARE(refused->error().status, 401);
        QVERIFY(!RetryPolicy().delayFor(RetryPolicy::Operation::Login, refused->error(), 1).has_value());
    }

    void looksUpSkillsAndResolvesNames()
    {
        DomainResolver resolver(m_http.get(), m_clock);
        const auto domains = resolve(resolver);
        QVERIFY(domains && domains->ok());
        LoginClient client(m_http.get());
        const auto session = run<LoginSession>([&](QObject *context, auto done) {
            client.login((*domains)->host(u"agentVep"_s), m_sandbox->accountId(), passwordCredentials(), context, done);
        });
        QVERIFY(session && session->ok());
        SkillsClient skillsClient(m_http.get());
        const auto skills = run<QList<Skill>>([&](QObject *context, auto done) {
            skillsClient.fetch((*domains)->host(u"accountConfigReadOnly"_s),
                               m_sandbox->accountId(),
                               session->value().bearer,
                               context,
                               done);
        });
        QVERIFY(skills && skills->ok());
        const QJsonArray expected = m_sandbox->describe().value(u"skills"_s).toArray();
        QCOMPARE(skills->value().size(), expected.size());
        for (const QJsonValue &skill : expected) {
            const QString name = skill.toObject().value(u"name"_s).toString();
            const auto id = resolveSkillId(skills->value(), name);
            QVERIFY2(id.ok(), qPrintable(name));
            QCOMPARE(*id, skill.toObject().value(u"id"_s).toString());
            if (name != name.toUpper()) {
                QVERIFY(!resolveSkillId(skills->value(), name.toUpper()).ok()); // case-sensitive
            }
        }

        const auto unauthorized = run<QList<Skill>>([&](QObject *context, auto done) {
            skillsClient.fetch(
                (*domains)->host(u"accountConfigReadOnly"_s), m_sandbox->accountId(), u"not-a-bearer"_s, context, done);
        });
        QVERIFY(unauthorized && !unauthorized->ok());
        QCOMPARE(unauthorized->error().status, 401);
    }
};

QTEST_GUILESS_MAIN(TestLivePersonRest)
#include "tst_livepersonrest.moc"
