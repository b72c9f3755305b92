// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The soak: `switchboard-cli sandbox` (emulator + Custom Endpoint demo bot) in a child process, a real
// ConnectorSession in this process between them, and consumer load of 500 messages per second for
// SWITCHBOARD_SOAK_SECONDS (default 60) while the sandbox drops the sockets every 5 s, revokes the
// tokens every 20 s, kicks the session once, and the bot fails (5xx) or hangs (timeout) on a fraction
// of its calls. Afterwards: every consumer message was answered or its conversation escalated, no
// reply went out twice, the bot saw no event twice after answering it, the transcript store recorded
// each consumer message once under one delivery id, and this process's memory stayed flat.
#include "SandboxProcess.h"
#include "TestSupport.h"
#include "connector/ConnectorSession.h"
#include "connector/EventLog.h"
#include "connector/SessionFactory.h"
#include "storage/TranscriptStore.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace Switchboard;
using namespace Switchboard::Connector;

// gcc names AddressSanitizer with __SANITIZE_ADDRESS__, clang 14 only with __has_feature.
#if defined(__SANITIZE_ADDRESS__)
#define SWITCHBOARD_SOAK_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SWITCHBOARD_SOAK_UNDER_ASAN 1
#endif
#endif
#ifndef SWITCHBOARD_SOAK_UNDER_ASAN
#define SWITCHBOARD_SOAK_UNDER_ASAN 0
#endif

namespace
{
const QString s_cli = QStringLiteral(SWITCHBOARD_CLI);

int soakSeconds()
{
    bool ok = false;
    const int seconds = qEnvironmentVariableIntValue("SWITCHBOARD_SOAK_SECONDS", &ok);
    return ok && seconds >= 20 ? seconds : 60;
}

QJsonObject behaviour(const QString &mode, double ratio, int status = 500)
{
    return QJsonObject{{QStringLiteral("mode"), mode}, {QStringLiteral("failRatio"), ratio}, {QStringLiteral("status"), status}};
}
} // namespace

class TestSoak : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Test::SandboxProcess> m_sandbox;
    std::unique_ptr<Storage::TranscriptStore> m_store;
    std::unique_ptr<EventLog> m_eventLog;
    std::unique_ptr<ConnectorSession> m_session;
    Storage::IntegrationDefinition m_definition;
    SessionSecrets m_secrets;

    void startSession()
    {
        SessionEnvironment environment;
        environment.store = m_store.get();
        environment.eventLog = m_eventLog.get();
        environment.retryPauseMs = 50;
        environment.probeIntervalMs = 1000;
        environment.livePersonDelayDivisor = 10;
        // Headless, as `switchboard-cli run`; finished conversations leave the session's table
        // after a second (15 minutes by default), so that happens under every fault here.
        environment.keepConversationTable = false;
        environment.finishedRetentionMs = 1000;
        m_session.reset(SessionFactory::create(m_definition, m_secrets, environment));
        m_session->start();
    }

    bool stopSession()
    {
        if (!m_session) {
            return true;
        }
        m_session->stop();
        ConnectorSession *session = m_session.get();
        const bool stopped =
            QTest::qWaitFor([session] { return session->status().state == SessionState::Stopped; }, 15000);
        m_session.reset();
        return stopped;
    }

    bool waitOnline()
    {
        ConnectorSession *session = m_session.get();
        return QTest::qWaitFor([session] { return session->status().state == SessionState::Online; }, 30000);
    }

    bool startRound(int consumers, int messages)
    {
        return m_sandbox
            ->call("POST", QStringLiteral("/sandbox/load"),
                   {{QStringLiteral("consumers"), consumers},
                    {QStringLiteral("messagesPerConsumer"), messages},
                    {QStringLiteral("ratePerSecond"), 500},
                    {QStringLiteral("skillId"), m_sandbox->botSkillId()},
                    // A consumer waits 10 s for an answer before its next message (and before closing its
                    // conversation after the last one): longer than the connector's worst case of three
                    // 2 s bot timeouts plus the escalation, so a consumer never closes a conversation
                    // under a reply still on its way; an escalated conversation (humans stay silent)
                    // then moves on after 10 s per message.
                    {QStringLiteral("replyTimeoutMs"), 10000},
                    {QStringLiteral("closeWhenDone"), true}})
            .isObject();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // Thousands of per-conversation lines otherwise; warnings stay on.
        QLoggingCategory::setFilterRules(QStringLiteral("switchboard.liveperson.info=false"));
        QVERIFY(m_dir.isValid());
        m_sandbox = std::make_unique<Test::SandboxProcess>(s_cli);
        QVERIFY(m_sandbox->start({QStringLiteral("--state-dir"), m_dir.filePath(QStringLiteral("sandbox"))}));
        const QJsonObject line = m_sandbox->line();
        const QJsonObject bot = m_sandbox->customEndpointBot();
        QVERIFY(!bot.isEmpty());

        m_definition.id = QStringLiteral("soak");
        m_definition.name = QStringLiteral("Soak");
        m_definition.liveperson.accountId = line.value(QStringLiteral("accountId")).toString();
        m_definition.liveperson.csdsDomain = line.value(QStringLiteral("csdsDomain")).toString();
        m_definition.liveperson.caFile = line.value(QStringLiteral("caFile")).toString();
        m_definition.liveperson.loginName = m_sandbox->agent().value(QStringLiteral("loginName")).toString();
        m_definition.bot.protocol = Storage::IntegrationDefinition::BotProtocol::CustomEndpoint;
        m_definition.bot.baseUrl = bot.value(QStringLiteral("baseUrl")).toString();
        m_definition.bot.botId = bot.value(QStringLiteral("botId")).toString();
        m_definition.bot.environment = QStringLiteral("draft");
        m_definition.routing.botSkillId = m_sandbox->botSkillId();
        m_definition.routing.fallbackSkillId = m_sandbox->fallbackSkillId();
        m_definition.delivery.requestTimeoutMs = 2000;
        m_secrets.loginPassword = m_sandbox->agent().value(QStringLiteral("password")).toString();
        m_secrets.appJwtClientId = m_sandbox->application().value(QStringLiteral("clientId")).toString();
        m_secrets.appJwtClientSecret = m_sandbox->application().value(QStringLiteral("clientSecret")).toString();

        Storage::TranscriptStore::Options options;
        options.path = m_dir.filePath(QStringLiteral("transcripts.sqlite"));
        m_store = std::make_unique<Storage::TranscriptStore>(options);
        QVERIFY(m_store->openAndWait());
        m_eventLog = std::make_unique<EventLog>();
    }

    void cleanupTestCase()
    {
        stopSession();
        m_store.reset();
        if (m_sandbox) {
            m_sandbox->stop();
        }
    }

    void soakUnderFaults()
    {
        const int seconds = soakSeconds();
        startSession();
        QVERIFY(waitOnline());
        const QString loginName = m_definition.liveperson.loginName;

        struct Faults
        {
            int drops = 0;
            int revokes = 0;
            int kicks = 0;
            int kickAttempts = 0;
            int behaviourChanges = 0;
            int sessionRestarts = 0;
        } faults;
        QVERIFY(m_sandbox->callBot("POST", QStringLiteral("/behaviour"), behaviour(QStringLiteral("fail5xx"), 0.05, 503))
                    .isObject());
        ++faults.behaviourChanges;
        // Rounds of 500 consumers × 10 messages at 500/s (enough consumers in flight that the rate, not
        // the slowest reply, sets the pace); each round's conversations close when done,
        // so conversations come and go as in production.
        int rounds = 1;
        QVERIFY(startRound(500, 10));

        QElapsedTimer clock;
        clock.start();
        const qint64 endMs = qint64(seconds) * 1000;
        const qint64 warmupMs = 10000;
        // Not on a socket drop: a kick while the socket is down only ends the login session.
        // Half-way between two drops at most (a reconnect takes longer under ASan, see TestSupport.h).
        qint64 nextKickMs = endMs / 2 + std::min(Test::scaledMs(1500), 2500);
        qint64 nextDropMs = 5000;
        qint64 nextRevokeMs = 12000;
        qint64 nextLoadCheckMs = 1000;
        int phase = 0;
        qint64 rssStartKb = 0;
        qint64 sandboxRssStartKb = 0;
        while (clock.elapsed() < endMs) {
            const qint64 stepEnd = clock.elapsed() + 200;
            (void)QTest::qWaitFor([&] { return clock.elapsed() >= stepEnd; }, 1000);
            const qint64 now = clock.elapsed();
            if (rssStartKb == 0 && now >= warmupMs) {
                rssStartKb = Test::residentKb();
                sandboxRssStartKb = Test::residentKb(m_sandbox->pid());
            }
            if (m_session->status().state == SessionState::Kicked) {
                ++faults.kicks;
                // An operator's answer to "logged in elsewhere": start the session again.
                QVERIFY(stopSession());
                startSession();
                QVERIFY2(waitOnline(), "the session came back after the kick");
                ++faults.sessionRestarts;
            }
            if (now >= nextDropMs) {
                QVERIFY(m_sandbox->applyFault({{QStringLiteral("kind"), QStringLiteral("drop-sockets")}}));
                ++faults.drops;
                nextDropMs += 5000;
            }
            if (now >= nextRevokeMs) {
                QVERIFY(m_sandbox->applyFault({{QStringLiteral("kind"), QStringLiteral("revoke-tokens")}}));
                ++faults.revokes;
                nextRevokeMs += 20000;
            }
            // Kick once. Only an online session can be kicked; the status can lag a drop or a
            // revocation, and a kick that meets no session ("kicked": false) or a socket already down
            // (it then only ends the login session, and the connector logs in again) is not seen as
            // one — so it is tried again until the session reports Kicked.
            if (faults.kicks == 0 && now >= nextKickMs && m_session->status().state == SessionState::Online) {
                const QJsonObject answer =
                    m_sandbox
                        ->call("POST",
                               QStringLiteral("/sandbox/faults"),
                               {{QStringLiteral("kind"), QStringLiteral("kick-session")},
                                {QStringLiteral("loginName"), loginName}})
                        .toObject();
                QVERIFY2(answer.value(QStringLiteral("applied")).toBool(), "the sandbox took the kick-session fault");
                ++faults.kickAttempts;
                nextKickMs = now + (answer.value(QStringLiteral("kicked")).toBool() ? Test::scaledMs(3000) : 200);
            }
            // Bot phases: 5% 503 → 3% hangs (timeouts) → 10% 502 → 0.8 s of 100% 503 (escalations) → 5% 503.
            const int wantedPhase = now >= endMs * 8 / 10 + 800 ? 4
                                    : now >= endMs * 8 / 10     ? 3
                                    : now >= endMs * 6 / 10     ? 2
                                    : now >= endMs * 3 / 10     ? 1
                                                                : 0;
            if (wantedPhase != phase) {
                phase = wantedPhase;
                const QJsonObject next = phase == 1   ? behaviour(QStringLiteral("timeout"), 0.03)
                                         : phase == 2 ? behaviour(QStringLiteral("fail5xx"), 0.1, 502)
                                         : phase == 3 ? behaviour(QStringLiteral("fail5xx"), 1.0, 503)
                                                      : behaviour(QStringLiteral("fail5xx"), 0.05, 503);
                QVERIFY(m_sandbox->callBot("POST", QStringLiteral("/behaviour"), next).isObject());
                ++faults.behaviourChanges;
            }
            if (now >= nextLoadCheckMs) {
                nextLoadCheckMs = now + 1000;
                const QJsonObject stats = m_sandbox->call("GET", QStringLiteral("/sandbox/stats")).toObject();
                if (!stats.value(QStringLiteral("load")).toObject().value(QStringLiteral("active")).toBool(true)) {
                    QVERIFY(startRound(500, 10));
                    ++rounds;
                }
            }
        }
        const QJsonObject loadStatus =
            m_sandbox->call("DELETE", QStringLiteral("/sandbox/load")).toObject();
        QVERIFY(m_sandbox->callBot("POST", QStringLiteral("/behaviour"), behaviour(QStringLiteral("normal"), 0)).isObject());
        const double loadSeconds = double(clock.elapsed()) / 1000.0;
        if (m_session->status().state == SessionState::Kicked) {
            ++faults.kicks;
            QVERIFY(stopSession());
            startSession();
            ++faults.sessionRestarts;
        }
        QVERIFY(waitOnline());

        // Drain: every consumer message answered, or its conversation escalated.
        const qint64 rssEndKb = Test::residentKb();
        const qint64 sandboxRssEndKb = Test::residentKb(m_sandbox->pid());
        Test::LoopAudit audit;
        QElapsedTimer drain;
        drain.start();
        do {
            const QJsonArray conversations =
                m_sandbox->call("GET", QStringLiteral("/sandbox/conversations?messages=true"), {}, 60000)
                    .toObject()
                    .value(QStringLiteral("conversations"))
                    .toArray();
            audit = Test::LoopAudit::fromConversations(conversations, m_sandbox->botSkillId());
            if (audit.lost.isEmpty()) {
                break;
            }
            const qint64 until = drain.elapsed() + 3000;
            (void)QTest::qWaitFor([&] { return drain.elapsed() >= until; }, 4000);
        } while (drain.elapsed() < 30000);

        const QJsonObject botStats = m_sandbox->callBot("GET", QStringLiteral("/stats")).toObject();
        const SessionCounters counters = m_session->counters();
        qInfo("soak: %.1f s of load in %d rounds, %d consumer messages (%.0f/s; the sandbox offers 500/s), "
              "last round's load latency p50 %.1f ms p99 %.1f ms",
              loadSeconds, rounds, audit.consumerMessages, double(audit.consumerMessages) / loadSeconds,
              loadStatus.value(QStringLiteral("latencyMs")).toObject().value(QStringLiteral("p50")).toDouble(),
              loadStatus.value(QStringLiteral("latencyMs")).toObject().value(QStringLiteral("p99")).toDouble());
        qInfo("soak: %s", qPrintable(audit.summary()));
        qInfo("soak: faults: %d socket drops, %d token revocations, %d kick (%d attempts), %d session restarts, "
              "%d bot behaviour changes, %lld bot faults injected; bot: %lld events received again, %lld duplicates",
              faults.drops, faults.revokes, faults.kicks, faults.kickAttempts, faults.sessionRestarts,
              faults.behaviourChanges,
              botStats.value(QStringLiteral("faultsInjected")).toInteger(),
              botStats.value(QStringLiteral("eventsReceivedAgain")).toInteger(),
              botStats.value(QStringLiteral("duplicateEvents")).toInteger());
        qInfo("soak: session counters (last session): %lld consumer messages, %lld bot replies, %lld bot failures",
              counters.consumerMessages, counters.botReplies, counters.botFailures);
        qInfo("soak: RSS of this process (connector) after %lld s warm-up %lld KiB, at the end %lld KiB "
              "(growth %lld KiB); sandbox process %lld -> %lld KiB",
              warmupMs / 1000, rssStartKb, rssEndKb, rssEndKb - rssStartKb, sandboxRssStartKb, sandboxRssEndKb);

        // The transcript store: each consumer message recorded once, under one delivery id; each bot
        // reply item recorded once; every escalated conversation has its escalation with a cause.
        QVERIFY(m_store->flushAndWait());
        const QJsonArray all = m_sandbox->call("GET", QStringLiteral("/sandbox/conversations"), {}, 60000)
                                   .toObject()
                                   .value(QStringLiteral("conversations"))
                                   .toArray();
        const qsizetype listed = m_session->conversations().size();
        qInfo("soak: the last session lists %lld of the %lld conversations of the run", qint64(listed), qint64(all.size()));
        const Test::StoreAudit stored = Test::StoreAudit::fromStore(*m_store, Test::LoopAudit::ids(all), audit.escalatedIds);
        qInfo("soak: transcript store: %d consumer messages, %d bot replies, %d escalations recorded; %d consumer messages "
              "recorded again after a re-delivery; %d problems",
              stored.consumerMessages, stored.botReplies, stored.escalations, stored.recordedAgain,
              int(stored.problems.size()));
        for (auto it = stored.causes.cbegin(); it != stored.causes.cend(); ++it) {
            qInfo("soak: escalation cause %s: %d", qPrintable(it.key()), it.value());
        }

        if (!audit.lost.isEmpty() || !audit.duplicated.isEmpty()) {
            const QString suspect = (audit.lost.isEmpty() ? audit.duplicated : audit.lost).first().section(QLatin1Char(':'), 0, 0);
            QVERIFY(m_store->flushAndWait());
            qInfo("%s", qPrintable(Test::describeConversation(
                            m_sandbox->call("GET", QStringLiteral("/sandbox/conversations/%1").arg(suspect)).toObject(), *m_store)));
        }
        QVERIFY2(audit.lost.isEmpty(), qPrintable(audit.lost.mid(0, 20).join(QStringLiteral("; "))));
        QVERIFY2(audit.duplicated.isEmpty(), qPrintable(audit.duplicated.mid(0, 20).join(QStringLiteral("; "))));
        // The bot may see a message again under the *same* delivery id: after the kick the session is
        // restarted, and a message whose answer was not yet published is handed to the bot once more
        // (at-least-once towards the bot, at-most-once towards the consumer). What must never happen
        // — one message under two delivery ids, or a reply published twice — is asserted above and
        // by the store audit below; the bot's count of such re-deliveries is printed, not asserted.
        // The load kept flowing: at least 50 consumer messages a second answered or escalated, a third of
        // that under ASan at -O0 (SWITCHBOARD_TEST_TIME_SCALE). Consumers wait for each answer, so the
        // rate follows the latency: the ci build on a quiet machine reaches 250–300/s, a Debug build
        // on a machine under load ~6 about 100/s. This guards against a stalled loop, not a speed target (those are
        // `switchboard-cli bench` figures).
        QVERIFY2(audit.consumerMessages >= seconds * 50 / Test::timeScale(), qPrintable(audit.summary()));
        QVERIFY2(faults.kicks == 1 && faults.sessionRestarts >= 1, "the session was kicked once and started again");
        QVERIFY(rssStartKb > 0);
#if SWITCHBOARD_SOAK_UNDER_ASAN
        // ASan keeps freed memory in its quarantine (256 MB) and RSS moves by tens of MB either way
        // (measured: -36 to +188 MB): the figure is printed above; LeakSanitizer checks leaks at exit.
#else
        QVERIFY2(rssEndKb - rssStartKb < 20 * 1024, "the connector's memory grows under a steady load");
#endif
        QVERIFY2(stored.problems.isEmpty(), qPrintable(stored.problems.mid(0, 20).join(QStringLiteral("; "))));
        QVERIFY(stopSession());
    }
};

QTEST_GUILESS_MAIN(TestSoak)
#include "tst_soak.moc"
