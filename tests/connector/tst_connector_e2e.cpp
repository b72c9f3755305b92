// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The connector end to end: the sandbox emulator and the Custom Endpoint demo bot in-process on
// 127.0.0.1, a real ConnectorSession (MessagingAgentChannel + CustomEndpointClient) between them,
// and the transcript store on disk. Simulated consumers talk through the emulator's model.
#include "ConnectorRig.h"
#include "connector/ConnectorSession.h"
#include "connector/EventLog.h"
#include "connector/SessionFactory.h"
#include "sandbox/Emulator.h"
#include "sandbox/FaultInjector.h"
#include "sandbox/StateModel.h"
#include "sandbox/bots/CustomEndpointDemoBot.h"
#include "sandbox/bots/DemoBotBehaviour.h"
#include "storage/TranscriptStore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace Switchboard::Connector
{
// QTest finds this printer by argument-dependent lookup.
char *toString(SessionState state)
{
    return qstrdup(qPrintable(displayName(state)));
}
} // namespace Switchboard::Connector

using namespace Switchboard;
using namespace Switchboard::Connector;
using Switchboard::Test::agentTexts;
using Switchboard::Test::hasParticipant;

class TestConnectorE2E : public QObject
{
    Q_OBJECT

private:
    using Rig = Test::ConnectorRig;

    static std::unique_ptr<Rig> makeRig(const std::function<void(Storage::IntegrationDefinition &)> &adjust = {},
                                        bool keepConversationTable = true,
                                        qint64 finishedRetentionMs = -1)
    {
        auto rig = std::make_unique<Rig>();
        Rig::Options options;
        options.keepConversationTable = keepConversationTable;
        options.finishedRetentionMs = finishedRetentionMs;
        if (adjust) {
            options.adjust = [adjust](Rig &, Storage::IntegrationDefinition &definition) { adjust(definition); };
        }
        return rig->setUp(options) ? std::move(rig) : nullptr;
    }

    /** Rows for a test run with the console's table of conversations and without it (headless). */
    static void tableModes()
    {
        QTest::addColumn<bool>("keepConversationTable");
        QTest::newRow("console (table kept)") << true;
        // conversations() then asks the session's thread: the same answer.
        QTest::newRow("headless (no table)") << false;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void fullLoopEveryConsumerGetsEveryReplyInOrder()
    {
        auto rig = makeRig();
        QVERIFY(rig);
        QVERIFY(Rig::waitOnline(rig->session.get()));
        Sandbox::StateModel *model = rig->sandbox->emulator()->model();

        constexpr int consumers = 50;
        constexpr int messages = 20;
        QHash<QString, int> sent;
        // Each consumer sends its next message as soon as the bot answered the previous one.
        connect(model, &Sandbox::StateModel::messageAdded, this,
                [&](const QString &conversationId, const Sandbox::Message &message) {
                    if (!message.fromAgent || !sent.contains(conversationId)
                        || message.event.value(QStringLiteral("type")).toString() != QLatin1String("ContentEvent")) {
                        return;
                    }
                    int &count = sent[conversationId];
                    if (count < messages) {
                        ++count;
                        (void)model->consumerText(conversationId, QStringLiteral("m%1").arg(count));
                    }
                });
        for (int i = 0; i < consumers; ++i) {
            const QString id = rig->startConversation(QString());
            QVERIFY(!id.isEmpty());
            sent.insert(id, 1);
            QVERIFY(model->consumerText(id, QStringLiteral("m1")).ok());
        }
        const auto allAnswered = [&] {
            for (auto it = sent.cbegin(); it != sent.cend(); ++it) {
                if (agentTexts(model, it.key()).size() < messages) {
                    return false;
                }
            }
            return true;
        };
        QTRY_VERIFY_WITH_TIMEOUT(allAnswered(), 120000);
        for (auto it = sent.cbegin(); it != sent.cend(); ++it) {
            QStringList expected;
            for (int m = 1; m <= messages; ++m) {
                expected << QStringLiteral("echo: m%1").arg(m);
            }
            QCOMPARE(agentTexts(model, it.key()), expected);
        }
        QCOMPARE(rig->sandbox->customEndpointBot()->duplicateEvents(), quint64(0));
        QTRY_COMPARE(rig->session->counters().consumerMessages, qint64(consumers * messages));
        QVERIFY(rig->stopSession());
        QCOMPARE(rig->store->messageCount().value() >= consumers * messages * 2, true);
    }

    void botRequestedTransferMovesToHumanSkill_data()
    {
        tableModes();
    }

    void botRequestedTransferMovesToHumanSkill()
    {
        QFETCH(bool, keepConversationTable);
        auto rig = makeRig({}, keepConversationTable);
        QVERIFY(rig);
        QVERIFY(Rig::waitOnline(rig->session.get()));
        Sandbox::StateModel *model = rig->sandbox->emulator()->model();
        const QString id = rig->startConversation(QStringLiteral("please escalate me"));
        QTRY_COMPARE_WITH_TIMEOUT(model->conversation(id)->skillId, rig->definition.routing.fallbackSkillId, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(!hasParticipant(model, id, rig->botUserId()), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const auto &c : rig->session->conversations()) {
                    if (c.id == id) {
                        return c.status == ConversationStatus::Escalated && c.escalationCause == QLatin1String("bot.transfer")
                               && c.messageCount >= 1 && !c.consumerId.isEmpty();
                    }
                }
                return false;
            }(),
            5000);
        QVERIFY(rig->stopSession());
    }

    void closedConversationLeavesTheSessionsList_data()
    {
        tableModes();
    }

    /** With no retention, a conversation LivePerson closes is listed no more; its transcript stays. */
    void closedConversationLeavesTheSessionsList()
    {
        QFETCH(bool, keepConversationTable);
        auto rig = makeRig({}, keepConversationTable, 0);
        QVERIFY(rig);
        QVERIFY(Rig::waitOnline(rig->session.get()));
        QSignalSpy removed(rig->session.get(), &ConnectorSession::conversationsRemoved);
        Sandbox::StateModel *model = rig->sandbox->emulator()->model();
        const QString id = rig->startConversation(QStringLiteral("hello"));
        const QString other = rig->startConversation(QStringLiteral("hello too"));
        QTRY_COMPARE_WITH_TIMEOUT(agentTexts(model, id).size(), 1, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(agentTexts(model, other).size(), 1, 15000);
        const auto listed = [&rig] {
            QStringList ids;
            for (const auto &c : rig->session->conversations()) {
                ids.append(c.id);
            }
            return ids;
        };
        QTRY_COMPARE_WITH_TIMEOUT(listed().size(), 2, 5000);

        QVERIFY(model->closeConversation(id, Sandbox::CloseReason::Consumer).ok());
        QTRY_COMPARE_WITH_TIMEOUT(removed.count(), 1, 5000);
        QCOMPARE(removed.first().first().toStringList(), QStringList{id});
        QCOMPARE(listed(), QStringList{other});
        QTRY_VERIFY_WITH_TIMEOUT(rig->store->flushAndWait(), 5000);
        const auto transcript = rig->store->transcript(id);
        QVERIFY(transcript.ok());
        QVERIFY(transcript.value().messages.size() >= 2);
        QVERIFY(rig->stopSession());
    }

    void manualEscalationWithHandoffText()
    {
        auto rig = makeRig();
        QVERIFY(rig);
        QVERIFY(Rig::waitOnline(rig->session.get()));
        Sandbox::StateModel *model = rig->sandbox->emulator()->model();
        const QString id = rig->startConversation(QStringLiteral("hello"));
        QTRY_COMPARE_WITH_TIMEOUT(agentTexts(model, id).size(), 1, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(!rig->session->conversations().isEmpty(), 5000);

        QSignalSpy finished(rig->session.get(), &ConnectorSession::escalationFinished);
        rig->session->escalate(EscalationRequest{id, rig->definition.routing.fallbackSkillId,
                                                 QStringLiteral("customer asked for a person"),
                                                 QStringLiteral("Connecting you with a colleague.")});
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QCOMPARE(finished.first().at(1).toBool(), true);
        QCOMPARE(model->conversation(id)->skillId, rig->definition.routing.fallbackSkillId);
        QVERIFY(agentTexts(model, id).contains(QStringLiteral("Connecting you with a colleague.")));
        QVERIFY(!hasParticipant(model, id, rig->botUserId()));

        // The transcript store has the escalation with its cause.
        QTRY_VERIFY_WITH_TIMEOUT(rig->store->flushAndWait(), 5000);
        const auto transcript = rig->store->transcript(id);
        QVERIFY(transcript.ok());
        QCOMPARE(transcript.value().escalations.size(), 1);
        QCOMPARE(transcript.value().escalations.first().cause, QStringLiteral("operator"));
        QVERIFY(rig->stopSession());
    }

    void loopGuardRefusesTheBotsOwnSkill()
    {
        auto rig = makeRig();
        QVERIFY(rig);
        QVERIFY(Rig::waitOnline(rig->session.get()));
        Sandbox::StateModel *model = rig->sandbox->emulator()->model();
        const QString id = rig->startConversation(QStringLiteral("hello"));
        QTRY_COMPARE_WITH_TIMEOUT(agentTexts(model, id).size(), 1, 15000);
        QSignalSpy finished(rig->session.get(), &ConnectorSession::escalationFinished);
        rig->session->escalate(EscalationRequest{id, rig->definition.routing.botSkillId, QStringLiteral("test"), {}});
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);
        QCOMPARE(finished.first().at(1).toBool(), false);
        QVERIFY(finished.first().at(2).toString().contains(QStringLiteral("loop")));
        QCOMPARE(model->conversation(id)->skillId, rig->definition.routing.botSkillId);
        QVERIFY(hasParticipant(model, id, rig->botUserId()));
        QVERIFY(rig->stopSession());
    }

    void failingBotEscalatesAutomatically()
    {
        auto rig = makeRig();
        QVERIFY(rig);
        QVERIFY(Rig::waitOnline(rig->session.get()));
        Sandbox::DemoBotBehaviour behaviour;
        behaviour.mode = Sandbox::DemoBotBehaviour::Mode::Fail5xx;
        behaviour.status = 503;
        rig->sandbox->customEndpointBot()->setBehaviour(behaviour);
        Sandbox::StateModel *model = rig->sandbox->emulator()->model();
        const QString id = rig->startConversation(QStringLiteral("hello"));
        QTRY_COMPARE_WITH_TIMEOUT(model->conversation(id)->skillId, rig->definition.routing.fallbackSkillId, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const auto &c : rig->session->conversations()) {
                    if (c.id == id) {
                        return c.escalationCause == QLatin1String("bot.http_5xx");
                    }
                }
                return false;
            }(),
            5000);
        QVERIFY(agentTexts(model, id).isEmpty());
        QVERIFY(rig->stopSession());
    }

    void noFallbackSkillAlertsInsteadOfTransferring()
    {
        auto rig = makeRig([](Storage::IntegrationDefinition &definition) {
            definition.routing.fallbackSkillId.clear();
            definition.routing.fallbackSkillName.clear();
        });
        QVERIFY(rig);
        QVERIFY(Rig::waitOnline(rig->session.get()));
        QSignalSpy alerts(rig->session.get(), &ConnectorSession::alertRaised);
        Sandbox::DemoBotBehaviour behaviour;
        behaviour.mode = Sandbox::DemoBotBehaviour::Mode::Malformed;
        rig->sandbox->customEndpointBot()->setBehaviour(behaviour);
        Sandbox::StateModel *model = rig->sandbox->emulator()->model();
        const QString id = rig->startConversation(QStringLiteral("hello"));
        QTRY_VERIFY_WITH_TIMEOUT(alerts.count() >= 1, 20000);
        QVERIFY(alerts.first().first().toString().contains(id));
        QCOMPARE(model->conversation(id)->skillId, rig->definition.routing.botSkillId);
        QVERIFY(hasParticipant(model, id, rig->botUserId()));
        QVERIFY(rig->stopSession());
    }

    void hopInspectorShowsEveryHopWithItsPayload()
    {
        auto rig = makeRig();
        QVERIFY(rig);
        QVERIFY(Rig::waitOnline(rig->session.get()));
        Sandbox::StateModel *model = rig->sandbox->emulator()->model();
        const QString id = rig->startConversation(QStringLiteral("inspect me"));
        QTRY_COMPARE_WITH_TIMEOUT(agentTexts(model, id).size(), 1, 15000);
        QVERIFY(rig->store->flushAndWait());

        QSignalSpy transcript(rig->session.get(), &Connector::ConnectorSession::transcriptLoaded);
        rig->session->requestTranscript(id);
        QTRY_COMPARE_WITH_TIMEOUT(transcript.count(), 1, 5000);
        QString deliveryId;
        for (const auto &entry : transcript.at(0).at(1).value<QList<Connector::TranscriptEntry>>()) {
            if (entry.role == Connector::TranscriptRole::Consumer) {
                deliveryId = entry.deliveryId;
            }
        }
        QVERIFY(!deliveryId.isEmpty());

        QSignalSpy hops(rig->session.get(), &Connector::ConnectorSession::hopsLoaded);
        rig->session->requestHops(deliveryId);
        QTRY_COMPARE_WITH_TIMEOUT(hops.count(), 1, 5000);
        QMap<QString, QByteArray> payloads;
        for (const auto &hop : hops.at(0).at(1).value<QList<Connector::HopSnapshot>>()) {
            payloads.insert(hop.kind, hop.rawJson);
        }
        QCOMPARE(payloads.keys(), (QStringList{QStringLiteral("bot_in"), QStringLiteral("bot_out"),
                                               QStringLiteral("lp_in"), QStringLiteral("lp_out")}));
        // The consumer's event is stored once (with the message) and still shown on its hop.
        QVERIFY2(payloads.value(QStringLiteral("lp_in")).contains("inspect me"), payloads.value(QStringLiteral("lp_in")).constData());
        QVERIFY(payloads.value(QStringLiteral("bot_out")).contains("inspect me"));
        QVERIFY(payloads.value(QStringLiteral("lp_out")).contains("echo: inspect me"));
        QVERIFY(rig->stopSession());
    }

    void droppedSocketsLoseNothingAndDuplicateNothing()
    {
        auto rig = makeRig();
        QVERIFY(rig);
        QVERIFY(Rig::waitOnline(rig->session.get()));
        Sandbox::StateModel *model = rig->sandbox->emulator()->model();
        const QString id = rig->startConversation(QStringLiteral("a1"));
        QTRY_COMPARE_WITH_TIMEOUT(agentTexts(model, id).size(), 1, 15000);
        // The connector has the answer to its publish of "echo: a1", not only the sandbox the message:
        // a drop before that answer leaves the send ambiguous, which escalates by design (at most once).
        QTRY_COMPARE_WITH_TIMEOUT(rig->session->counters().botReplies, qint64(1), 15000);
        // Sockets drop (1006); the consumer keeps writing while the connector is away.
        QVERIFY(rig->sandbox->emulator()->faults()->apply(QJsonObject{{QStringLiteral("kind"), QStringLiteral("drop-sockets")}}).ok());
        for (int i = 2; i <= 5; ++i) {
            QVERIFY(model->consumerText(id, QStringLiteral("a%1").arg(i)).ok());
        }
        QTRY_COMPARE_WITH_TIMEOUT(agentTexts(model, id).size(), 5, 30000);
        QCOMPARE(agentTexts(model, id),
                 (QStringList{QStringLiteral("echo: a1"), QStringLiteral("echo: a2"), QStringLiteral("echo: a3"),
                              QStringLiteral("echo: a4"), QStringLiteral("echo: a5")}));
        QCOMPARE(rig->sandbox->customEndpointBot()->duplicateEvents(), quint64(0));
        QVERIFY(rig->stopSession());
    }

    void faultsDuringTrafficLoseAndDuplicateNothing_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::newRow("drop-sockets") << QStringLiteral(R"({"kind":"drop-sockets"})");
        QTest::newRow("close-4401") << QStringLiteral(R"({"kind":"close","code":4401})");
        QTest::newRow("close-1011") << QStringLiteral(R"({"kind":"close","code":1011})");
        QTest::newRow("revoke-tokens") << QStringLiteral(R"({"kind":"revoke-tokens"})");
        QTest::newRow("login-503-then-drop") << QStringLiteral(R"({"kind":"http","route":"login","status":503,"count":2})");
        QTest::newRow("login-429-then-drop") << QStringLiteral(R"({"kind":"http","route":"login","status":429,"count":1})");
    }

    void faultsDuringTrafficLoseAndDuplicateNothing()
    {
        QFETCH(QString, fault);
        auto rig = makeRig();
        QVERIFY(rig);
        QVERIFY(Rig::waitOnline(rig->session.get()));
        Sandbox::StateModel *model = rig->sandbox->emulator()->model();
        Sandbox::FaultInjector *faults = rig->sandbox->emulator()->faults();
        const QString id = rig->startConversation(QStringLiteral("f1"));
        QTRY_COMPARE_WITH_TIMEOUT(agentTexts(model, id).size(), 1, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(rig->session->counters().botReplies, qint64(1), 15000); // see droppedSockets…
        const QJsonObject object = QJsonDocument::fromJson(fault.toUtf8()).object();
        QVERIFY(faults->apply(object).ok());
        if (object.value(QStringLiteral("kind")).toString() == QLatin1String("http")) {
            // Login faults matter when the connector has to log in again: revoke its session.
            QVERIFY(faults->apply(QJsonObject{{QStringLiteral("kind"), QStringLiteral("revoke-tokens")}}).ok());
        }
        for (int i = 2; i <= 4; ++i) {
            QVERIFY(model->consumerText(id, QStringLiteral("f%1").arg(i)).ok());
        }
        // 429 on login: LivePerson's policy waits at least 5 s before the next login (÷10 here).
        QTRY_COMPARE_WITH_TIMEOUT(agentTexts(model, id).size(), 4, 45000);
        QCOMPARE(agentTexts(model, id),
                 (QStringList{QStringLiteral("echo: f1"), QStringLiteral("echo: f2"), QStringLiteral("echo: f3"),
                              QStringLiteral("echo: f4")}));
        QCOMPARE(rig->sandbox->customEndpointBot()->duplicateEvents(), quint64(0));
        QCOMPARE(rig->session->status().state, SessionState::Online);
        QVERIFY(rig->stopSession());
    }

    void kickedSessionStopsWithoutALoginFight()
    {
        auto rig = makeRig();
        QVERIFY(rig);
        QVERIFY(Rig::waitOnline(rig->session.get()));
        const QString loginName = rig->sandbox->emulator()->config().agents.first().loginName;
        QVERIFY(rig->sandbox->emulator()
                    ->faults()
                    ->apply(QJsonObject{{QStringLiteral("kind"), QStringLiteral("kick-session")},
                                        {QStringLiteral("loginName"), loginName}})
                    .ok());
        QTRY_COMPARE_WITH_TIMEOUT(rig->session->status().state, SessionState::Kicked, 10000);
        QVERIFY(rig->session->status().reason.contains(QStringLiteral("elsewhere")));
        // No automatic login afterwards: the state stays Kicked.
        QVERIFY(!QTest::qWaitFor([&] { return rig->session->status().state != SessionState::Kicked; }, 1500));
        QVERIFY(rig->stopSession());
    }

    void restartResumesWithoutDuplicates()
    {
        auto rig = makeRig();
        QVERIFY(rig);
        QVERIFY(Rig::waitOnline(rig->session.get()));
        Sandbox::StateModel *model = rig->sandbox->emulator()->model();
        const QString id = rig->startConversation(QStringLiteral("r1"));
        QTRY_COMPARE_WITH_TIMEOUT(agentTexts(model, id).size(), 1, 15000);
        QVERIFY(rig->stopSession());
        // While the connector is down the consumer writes twice; a new session (same store)
        // picks the conversation up, answers both once, and does not answer r1 again.
        QVERIFY(model->consumerText(id, QStringLiteral("r2")).ok());
        QVERIFY(model->consumerText(id, QStringLiteral("r3")).ok());
        rig->session = rig->startSession(rig->definition, rig->secrets);
        QVERIFY(Rig::waitOnline(rig->session.get()));
        QTRY_COMPARE_WITH_TIMEOUT(agentTexts(model, id).size(), 3, 30000);
        QCOMPARE(agentTexts(model, id),
                 (QStringList{QStringLiteral("echo: r1"), QStringLiteral("echo: r2"), QStringLiteral("echo: r3")}));
        QCOMPARE(rig->sandbox->customEndpointBot()->duplicateEvents(), quint64(0));
        QVERIFY(rig->stopSession());
    }

    /**
     * The previous run recorded a reply as published and died: in the "missing" row before its
     * frame left, in the "arrived" row after LivePerson took it. The restarted connector reads the
     * conversation's history and sends the reply exactly when LivePerson lacks it.
     */
    void restartSendsAReplyOnlyWhenTheHistoryLacksIt_data()
    {
        QTest::addColumn<bool>("arrived");
        QTest::newRow("missing") << false;
        QTest::newRow("arrived") << true;
    }

    void restartSendsAReplyOnlyWhenTheHistoryLacksIt()
    {
        QFETCH(bool, arrived);
        auto rig = makeRig();
        QVERIFY(rig);
        QVERIFY(Rig::waitOnline(rig->session.get()));
        Sandbox::StateModel *model = rig->sandbox->emulator()->model();
        const QString id = rig->startConversation(QStringLiteral("r1"));
        QTRY_COMPARE_WITH_TIMEOUT(agentTexts(model, id).size(), 1, 15000);
        QVERIFY(rig->stopSession());

        const Result<Sandbox::Message> r2 = model->consumerText(id, QStringLiteral("r2"));
        QVERIFY(r2.ok());
        const qint64 sequence = r2.value().sequence;
        const QString delivery = id + QLatin1Char(':') + QString::number(sequence);
        QVERIFY(rig->store->markReplyPublishedNow({id, delivery, 0, QDateTime::currentMSecsSinceEpoch()}).ok());
        if (arrived) {
            QVERIFY(rig->publishAsBot(id, QStringLiteral("echo: r2")));
        }

        rig->session = rig->startSession(rig->definition, rig->secrets);
        QVERIFY(Rig::waitOnline(rig->session.get()));
        QTRY_COMPARE_WITH_TIMEOUT(agentTexts(model, id).size(), 2, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(rig->handledUpTo(id, sequence), 30000);
        QCOMPARE(agentTexts(model, id), (QStringList{QStringLiteral("echo: r1"), QStringLiteral("echo: r2")}));
        QCOMPARE(rig->hasNote(id, QStringLiteral("connector.resent_after_restart")), !arrived);
        QVERIFY(!rig->hasNote(id, QStringLiteral("connector.unknown_publish_after_restart")));
        QVERIFY(rig->stopSession());
    }
};

QTEST_GUILESS_MAIN(TestConnectorE2E)
#include "tst_connector_e2e.moc"
